"""Shared fixtures. Tests that read ../shared (the seed article, the benchmarks, the dev
corpus) skip with the reason when it is absent, as on a user's fresh clone."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from dateline import Pipeline
from dateline.record import validation_errors

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


def shared_path(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the project's shared data (../shared), "
                    f"which a standalone clone does not have")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(shared_path("corpus/seed/gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record(pipeline, seed_gold) -> dict:
    text = shared_path("corpus/seed/article.txt").read_text(encoding="utf-8")
    return pipeline(text, published="2024-12-07")


@pytest.fixture(scope="session")
def dev_articles() -> list[dict]:
    path = shared_path("corpus/dev/articles.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_valid(record: dict) -> None:
    """The record meets the contract: schema, and every span indexes document.text."""
    problems = validation_errors(record)
    assert not problems, problems[:5]


def statement_by_content(record: dict, fragment: str) -> dict:
    found = [s for s in record["statements"] if fragment in s["content"]["text"]]
    assert found, f"no statement holds {fragment!r}; have {[s['content']['text'] for s in record['statements']]}"
    return found[0]


def entity_name(record: dict, entity_id: str | None) -> str | None:
    return next((e["name"] for e in record["entities"] if e["id"] == entity_id), None)


# Invented reports (Dateline's own words, no real article) for tests that need many
# articles on any machine: each differs in its place, figures and speaker.
TOWNS = ("Kharkiv", "Aleppo", "Goma", "Khartoum", "Mosul", "Mariupol", "Idlib", "Kismayo", "Sanaa", "Bamako",
         "Kherson", "Homs", "Juba", "Gao", "Marib", "Benghazi")
SPEAKERS = ("Amira Haddad", "Pavel Sorokin", "Grace Mbeki", "Omar Yusuf", "Lena Kovac", "Tomas Reyes")


def invented_article(i: int) -> dict:
    town = TOWNS[i % len(TOWNS)]
    speaker = SPEAKERS[i % len(SPEAKERS)]
    killed, injured = 3 + i, 10 + 2 * i
    text = (f"Shelling hit a market in {town} on Monday, killing {killed} people and injuring at least {injured}, "
            f"local officials said.\n"
            f"\"We are still pulling people from the rubble,\" said {speaker}, a spokesperson for the regional "
            f"administration.\n"
            f"The army denied that its forces had fired on the town and accused rebels of staging the attack. "
            f"Report number {i} of the invented test corpus.")
    return {"id": f"inv-{i:03d}", "url": f"https://example.org/news/{i}", "source": "Invented Wire",
            "published": f"2024-03-{1 + i % 28:02d}", "title": f"Market shelled in {town}", "text": text}


def write_invented_jsonl(path: Path, n: int, start: int = 0) -> list[dict]:
    rows = [invented_article(i) for i in range(start, start + n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


# -- stores and a live server for the web tests ------------------------------------------

# An article written to attack the page: markup in the title, the text and a quote. It
# must come back as the same characters, shown as text.
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script><img src=x onerror=\"window.__pwned='img'\">"
HOSTILE_TEXT = (
    "Rebels shelled the port of Kismayo on Tuesday, killing 4 people, the governor said.\n"
    "\"<b>Nobody</b> will <script>window.__pwned = 'quote'</script> silence us,\" said Omar Yusuf, "
    "a spokesperson for the port authority.\n"
    "The army denied the attack. <img src=x onerror=\"window.__pwned='text'\"> "
    "A note left in the text: </span></div><a href=\"javascript:alert(1)\">click</a> & more.")


HOSTILE_URL = " JaVaScRiPt:window.__pwned='url'"


def _store_records(path: Path | str, pipeline: Pipeline, articles: list[dict], origin: str) -> Path:
    from dataclasses import fields

    from dateline.corpus import Linker
    from dateline.corpus.publish import publish
    from dateline.ingest import Found
    from dateline.record import Article
    from dateline.store import Store

    names = {f.name for f in fields(Article)}
    found = [Found(Article(**{k: v for k, v in a.items() if k in names}), origin=origin, reader="jsonl",
                   locator=f"line {i + 1}") for i, a in enumerate(articles)]
    with Store(path) as store:
        for f, record in zip(found, pipeline.pipe([f.article for f in found])):
            store.add(record, f)
        linker = Linker(pipeline.settings)
        linker.pending(store)  # linked and published as `dateline ingest` does
        publish(store, linker=linker)
    return path


# -- both stores: an SQLite file, and a database of a PostgreSQL server when one is given ------

POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES")
NO_POSTGRES = ("DATELINE_TEST_POSTGRES is not set, so there is no PostgreSQL server to test against: `make test` "
               "starts a throwaway one and sets it (as does `tests/with-postgres.sh python -m pytest ...`); or set it "
               "to postgresql://USER@HOST:PORT/DB of a server where USER may create databases")
BACKENDS = ("sqlite", "postgresql")


class Postgres:
    """A PostgreSQL server of the tests: a fresh store is a database copied from a template
    made a store once (CREATE DATABASE ... TEMPLATE: milliseconds, the migrations run once)."""

    def __init__(self, url: str):
        import psycopg

        self.url = url
        self.admin = psycopg.connect(url, autocommit=True)
        # one template per test process (pytest-xdist's workers run side by side)
        self.prefix = f"dl_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.count = 0
        self.admin.execute(f"DROP DATABASE IF EXISTS {self.template}")
        self.admin.execute(f"CREATE DATABASE {self.template}")
        from dateline.store import Store

        Store(self.url_of(self.template)).close()

    def url_of(self, name: str) -> str:
        return self.url.rsplit("/", 1)[0] + "/" + name

    def database(self, template: str | None = None) -> str:
        """The URL of a new store, empty but for its schema; or a copy of the store at
        `template`, a URL of this server's that no one is connected to."""
        self.count += 1
        name = f"{self.prefix}_{self.count}"
        source = template.rsplit("/", 1)[1] if template else self.template
        self.admin.execute(f"CREATE DATABASE {name} TEMPLATE {source}")
        return self.url_of(name)

    def close(self) -> None:
        for n in range(1, self.count + 1):
            self.admin.execute(f"DROP DATABASE IF EXISTS {self.prefix}_{n} WITH (FORCE)")
        self.admin.execute(f"DROP DATABASE IF EXISTS {self.template} WITH (FORCE)")
        self.admin.close()


@pytest.fixture(scope="session")
def postgres() -> Postgres:
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    server = Postgres(POSTGRES_URL)
    yield server
    server.close()


def new_db(request: pytest.FixtureRequest, backend: str, folder: Path, name: str = "store.db") -> str:
    """A new, empty store of a backend: a file in `folder`, or a PostgreSQL database (the
    test skips, saying why, when there is no server)."""
    if backend == "postgresql":
        return request.getfixturevalue("postgres").database()
    return str(folder / name)


def copy_store(request: pytest.FixtureRequest, db: str | Path, folder: Path) -> str:
    """A copy of a closed store of either backend: a file beside the others in `folder`, or a
    database of the same server."""
    from dateline.store.dialect import is_url

    if is_url(db):
        return request.getfixturevalue("postgres").database(template=str(db))
    copy = folder / f"copy-{len(list(folder.glob('copy-*.db')))}.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return str(copy)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture()
def db(request, backend, tmp_path) -> str:
    """A new store of each backend, one per test."""
    return new_db(request, backend, tmp_path)


@pytest.fixture(scope="session")
def invented_db(tmp_path_factory, pipeline) -> Path:
    """A store of 12 invented reports and one hostile article: runs on a fresh clone."""
    return _store_records(tmp_path_factory.mktemp("web") / "invented.db", pipeline, invented_articles(),
                          "invented.jsonl")


def invented_articles() -> list[dict]:
    articles = [invented_article(i) for i in range(12)]
    articles.append({"id": "hostile", "source": "<i>Hostile</i> Outlet", "published": "2024-05-02",
                     "title": HOSTILE_TITLE, "text": HOSTILE_TEXT, "url": HOSTILE_URL})
    return articles


@pytest.fixture(scope="session", params=BACKENDS)
def invented_store(request, tmp_path_factory, pipeline) -> str:
    """invented_db's articles in a store of each backend (the SQLite one is invented_db)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("invented_db"))
    return str(_store_records(request.getfixturevalue("postgres").database(), pipeline, invented_articles(),
                              "invented.jsonl"))


@pytest.fixture(scope="session")
def dev_db(tmp_path_factory, pipeline, dev_articles) -> Path:
    """The seed article and the dev corpus of ../shared in one store."""
    seed = {"id": "seed", "published": "2024-12-07", "text": shared_path("corpus/seed/article.txt").read_text("utf-8")}
    return _store_records(tmp_path_factory.mktemp("web") / "dev.db", pipeline, [seed, *dev_articles],
                          "shared corpus")


@pytest.fixture(scope="session")
def story_db(tmp_path_factory, pipeline) -> Path:
    """The invented story of tests/story_corpus.py, ingested (so linked, its corpus views written)."""
    folder = tmp_path_factory.mktemp("story")
    return Path(ingest_story(folder / "story.db", folder, pipeline))


def ingest_story(db: str | Path, folder: Path, pipeline: Pipeline) -> str | Path:
    """The invented story ingested into a new store (so linked, its corpus views written)."""
    from dateline.ingest.run import ingest
    from dateline.store import Store

    from .story_corpus import STORY

    (folder / "story.jsonl").write_text("".join(json.dumps(a) + "\n" for a in STORY), encoding="utf-8")
    with Store(db) as store:
        assert ingest([str(folder / "story.jsonl")], store, settings=pipeline.settings, progress=False).complete
    return db


@pytest.fixture(scope="session", params=BACKENDS)
def story_store(request, tmp_path_factory, pipeline) -> str:
    """story_db's store on each backend (the SQLite one is story_db)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("story_db"))
    return str(ingest_story(request.getfixturevalue("postgres").database(), tmp_path_factory.mktemp("story"),
                            pipeline))


# -- a browser for the page's tests (test_browser.py, test_story_browser.py) ----------------

CHROMIUM = Path(os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium"))
# without the background-networking flags Chromium keeps trying hosts this machine cannot reach
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright; the test skips, saying why, without it."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: `make test` installs Debian's chromium when run as root with apt-get")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: run `make install-test`")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that fails the test on any script error or blocked resource. A test
    marked `no_csp` runs with the Content-Security-Policy ignored, so that escaping alone
    must keep an article's markup from running."""
    no_csp = request.node.get_closest_marker("no_csp") is not None
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=no_csp)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("requestfailed", lambda r: None if _abandoned(r) else problems.append(f"request failed: {r.url} ({r.failure})"))
    yield page
    context.close()
    assert not problems, problems


def _abandoned(request) -> bool:
    """A request the browser cancels because the page moved on (a filter form submitted
    while the favicon was still loading) is no broken resource: Chromium reports it as
    net::ERR_ABORTED. Blocked, refused or missing resources fail with other reasons."""
    return request.failure == "net::ERR_ABORTED"
