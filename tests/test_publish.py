"""Publishing the corpus views group by group: the invented story of tests/story_corpus.py
ingested one article at a time, each ingest writing again only the groups it changed,
gives every table of the views row for row as writing them whole does; so do taking an
article out (unlink) and extracting one again (`reextract`), and linking notes what it
changes in the transaction that changes it. On SQLite and on PostgreSQL (conftest.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.corpus import Linker
from dateline.corpus.publish import publish
from dateline.ingest.run import ingest, reextract
from dateline.store import Store
from dateline.store import corpus as views
from tests.conftest import copy_store
from tests.story_corpus import STORY


def view_rows(db: str) -> dict[str, list[str]]:
    """Every row of every table of the corpus views (SQLite's words' indexes by their row's
    id: rowids differ between a table written whole and one written group by group)."""
    with Store(db, readonly=True) as store:
        conn = store.conn
        out = {table: sorted(json.dumps(list(row)) for row in conn.execute(f"SELECT * FROM {table}"))
               for table in views.TABLES}
        for words, table, columns in views.WORDS if store.dialect.word_tables else ():
            out[words] = sorted(json.dumps(list(row)) for row in conn.execute(
                f"SELECT t.id, w.{columns} FROM {words} w JOIN {table} t ON t.rowid = w.rowid"))
            out[f"{words} rows"] = [tuple(r) for r in conn.execute(f"SELECT count(*) FROM {words}")]
    return out


def execute(db: str, query: str, params: tuple = ()) -> None:
    """One statement, committed, on a store of either backend."""
    with Store(db) as store:
        store.conn.execute(query, params)


def rebuilt(request, db: str, tmp: Path, linker: Linker) -> dict[str, list[str]]:
    """The views of a copy of the store written whole."""
    copy = copy_store(request, db, tmp)
    with Store(copy) as store:
        assert publish(store, linker=linker, force=True)
    return view_rows(copy)


@pytest.fixture()
def spy(monkeypatch):
    """The groups each publication wrote again, and how many times the views were written whole."""
    calls: dict[str, list] = {"update": [], "write": 0}
    update, write = views.update, views.write

    def spied_update(conn, names, *args, **kw):
        names = set(names)
        calls["update"].append(names)
        return update(conn, names, *args, **kw)

    def spied_write(*args, **kw):
        calls["write"] += 1
        return write(*args, **kw)

    monkeypatch.setattr(views, "update", spied_update)
    monkeypatch.setattr(views, "write", spied_write)
    return calls


def ingest_story(request, db: str, tmp_path: Path, pipeline, check: bool = True) -> tuple[str, Linker]:
    """The story ingested an article at a time; after each, its views compared with the
    views written whole (when `check`)."""
    linker = Linker(pipeline.settings)
    for n, article in enumerate(STORY):
        path = tmp_path / f"article-{n}.jsonl"
        path.write_text(json.dumps(article) + "\n", encoding="utf-8")
        with Store(db) as store:
            assert ingest([str(path)], store, settings=pipeline.settings, progress=False).complete
            assert store.linking(lambda tables: tables.changes())["group"] == set()  # all published
        if check:
            assert view_rows(db) == rebuilt(request, db, tmp_path, linker), f"after article {n + 1}"
    return db, linker


def test_ingesting_article_by_article_publishes_the_changed_groups_as_a_whole_rebuild_would(request, db, tmp_path,
                                                                                            pipeline, spy):
    db, linker = ingest_story(request, db, tmp_path, pipeline)
    # the first ingest wrote the (never written) views whole; each later one, its groups only
    assert spy["write"] == 1 + len(STORY)  # and the comparisons' rebuilds, one per article
    assert len(spy["update"]) == len(STORY) - 1
    with Store(db, readonly=True) as store:
        groups = {r[0] for r in store.rows("SELECT DISTINCT grp FROM link_items")}
        keys = {r["id"]: r["key"] for r in store.rows("SELECT id, key FROM documents")}
    for n, names in enumerate(spy["update"], start=2):
        assert names and len(names) < len(groups), f"article {n} published {len(names)} of {len(groups)} groups"
    rows = view_rows(db)
    claims = [json.loads(r) for r in rows["claims"]]
    refuted = [c for c in claims if c[7] == "refuted"]  # the army's denial, refuted by later reports
    assert refuted, "the story's denial is refuted"
    for claim in refuted:
        history = json.loads(claim[17])
        evidence = history[0]["evidence"][0]["doc"]
        article = next(n for n, a in enumerate(STORY) if keys[a["id"]] == evidence)
        assert article > 0 and claim[1] in spy["update"][article - 1], \
            "judging the claim again when its evidence came published it"
    assert rows["contradictions"], "the story's contradictions are in the views"


def test_a_group_written_again_keeps_the_words_index_entry_of_words_it_did_not_change(request, backend, db,
                                                                                      tmp_path, pipeline):
    # a trigram index costs more to change than a row: a claim or linked event written again
    # with the same words keeps its rowid and its entry; the rest of the views stay as a
    # whole rebuild would make them
    if backend != "sqlite":
        pytest.skip("PostgreSQL has no words tables (pg_trgm serves its searches)")

    def worded() -> dict[tuple[str, str], tuple[int, str, str]]:
        with Store(db, readonly=True) as store:
            return {(table, r[0]): (r[1], r[2], r[3]) for words, table, column in views.WORDS
                    for r in store.conn.execute(f"SELECT t.id, t.rowid, t.{column}, w.{column} FROM {table} t "
                                                f"LEFT JOIN {words} w ON w.rowid = t.rowid")}

    linker = Linker(pipeline.settings)
    snapshots = []
    for n, article in enumerate(STORY):
        path = tmp_path / f"article-{n}.jsonl"
        path.write_text(json.dumps(article) + "\n", encoding="utf-8")
        with Store(db) as store:
            assert ingest([str(path)], store, settings=pipeline.settings, progress=False).complete
        snapshots.append(worded())
    kept = [key for key in snapshots[-2].keys() & snapshots[-1].keys()
            if snapshots[-2][key][1] == snapshots[-1][key][1]]
    assert kept, "some row of the story is written again with its words unchanged"
    assert all(snapshots[-1][key][0] == snapshots[-2][key][0] for key in kept)
    assert all(rowid is not None and words == indexed for rowid, words, indexed in snapshots[-1].values())
    assert view_rows(db) == rebuilt(request, db, tmp_path, linker)


def test_linking_notes_the_groups_it_changes_in_its_transaction(request, db, tmp_path, pipeline):
    db, linker = ingest_story(request, db, tmp_path, pipeline, check=False)
    with Store(db) as store:
        doc = store.rows("SELECT key FROM documents WHERE id = 'st-2'").fetchone()[0]
        before = {r[0] for r in store.rows("SELECT DISTINCT grp FROM link_items WHERE doc = ?", (doc,))}

        def fail(tables):
            tables.unmark_linked(doc)
            linker._forget(tables, doc)
            assert tables.changes()["group"] >= before
            raise RuntimeError("stopped")

        with pytest.raises(RuntimeError):
            store.linking(fail)
        # rolled back with the change: nothing noted, nothing to publish
        assert store.linking(lambda tables: tables.changes())["group"] == set()
        assert not publish(store, linker=linker)
        linker.unlink(store, doc)
        assert store.linking(lambda tables: tables.changes())["group"] >= before


def test_unlinking_and_reextracting_publish_the_changed_groups_as_a_whole_rebuild_would(request, db, tmp_path,
                                                                                         pipeline, spy):
    db, linker = ingest_story(request, db, tmp_path, pipeline, check=False)
    with Store(db) as store:
        doc = store.rows("SELECT key FROM documents WHERE id = 'st-2'").fetchone()[0]
        linker.unlink(store, doc)
        assert publish(store, linker=linker)
    assert len(spy["update"]) == len(STORY)  # group by group
    rows = view_rows(db)
    assert not any(doc in r for r in rows["linked_event_reports"] + rows["claim_reports"]
                   + rows["contradiction_items"])
    assert rows == rebuilt(request, db, tmp_path, linker)
    with Store(db) as store:
        linker.link(store, doc)
        assert publish(store, linker=linker)
    assert any(doc in r for r in view_rows(db)["linked_event_reports"])
    assert view_rows(db) == rebuilt(request, db, tmp_path, linker)

    # an article extracted again with another day: its groups, and what they count, follow
    execute(db, "UPDATE documents SET pipeline = NULL, published = '2031-06-01' WHERE key = ?", (doc,))
    updates = len(spy["update"])
    with Store(db) as store:
        report = reextract(store, settings=pipeline.settings, progress=False)
        assert report.done == 1
    assert len(spy["update"]) == updates + 1
    rows = view_rows(db)
    assert any("2031-06-01" in r and doc in r for r in rows["linked_event_reports"])
    assert rows == rebuilt(request, db, tmp_path, linker)


def test_views_of_an_older_schema_or_after_a_relink_are_written_whole(request, db, tmp_path, pipeline, spy):
    db, linker = ingest_story(request, db, tmp_path, pipeline, check=False)
    # as an older Dateline left them: written, but not under this schema
    execute(db, "UPDATE links_published SET schema = 0")
    execute(db, "DELETE FROM claims")
    written = spy["write"]
    with Store(db) as store:
        doc = store.rows("SELECT key FROM documents WHERE id = 'st-4'").fetchone()[0]
        linker.unlink(store, doc)
        assert publish(store, linker=linker)
    assert spy["write"] == written + 1
    assert view_rows(db)["claims"]
    # a relink forgets every link: whatever publishes next writes the views whole
    with Store(db) as store:
        linker.relink(store)
        assert publish(store, linker=linker)
    assert spy["write"] == written + 2
    assert view_rows(db) == rebuilt(request, db, tmp_path, linker)


# Two invented reports: the first names its speaker by her surname only; the second, later,
# names her in full. The first one's claim is then hers under her fullest name.
SURNAME_FIRST = [
    {"id": "r-1", "source": "Kestrel Daily", "published": "2031-07-01", "title": "Council",
     "text": "“We hold every street in the old town,” Orlov told reporters in Hama on Monday."},
    {"id": "r-2", "source": "Harrow Wire", "published": "2031-07-09", "title": "Council meets",
     "text": "Nadia Orlov, a spokeswoman for the rebel council, said on Tuesday that the council would meet in "
             "Hama on Friday."},
]


def test_a_fuller_name_learned_later_renames_published_claims_as_a_whole_rebuild_would(request, db, tmp_path,
                                                                                       pipeline, spy):
    linker = Linker(pipeline.settings)
    for n, article in enumerate(SURNAME_FIRST):
        path = tmp_path / f"names-{n}.jsonl"
        path.write_text(json.dumps(article) + "\n", encoding="utf-8")
        with Store(db) as store:
            assert ingest([str(path)], store, settings=pipeline.settings, progress=False).complete
        assert view_rows(db) == rebuilt(request, db, tmp_path, linker)
    assert len(spy["update"]) == 1
    with Store(db, readonly=True) as store:
        speakers = {content: (speaker, actor) for speaker, actor, content in
                    store.rows("SELECT speaker, actor, content FROM claims")}
        kinds = {r[0] for r in store.rows("SELECT kind FROM track_record WHERE name = 'Orlov'")}
        spoken = {(r[0], r[1], r[2] or "") for r in store.rows("SELECT key, name, type FROM links_speakers")}
        named = [(r[0], r[1], r[2]) for r in store.rows("SELECT key, name, type FROM links_speaker_names")]
    # every published speaker's name is found by its keys, once however many claims it has
    assert spoken and spoken <= set(named) and len(named) == len(set(named))
    # the first report's claim, published before the full name was known, written again
    assert speakers["We hold every street in the old town"][0] == "Nadia Orlov"
    assert speakers["We hold every street in the old town"][1] is not None
    assert kinds == set()  # no track record left under the name it no longer has


def test_a_run_extracted_in_a_process_of_its_own_links_and_publishes_as_one_extracted_here(
        request, backend, tmp_path, pipeline, monkeypatch, spy):
    """`dateline ingest` with one worker extracts a long run in a process of its own and
    stores, links and publishes here meanwhile, publishing whenever it waits: the links and
    every view are those of the same run extracted here."""
    from dataclasses import replace

    from dateline.corpus import links
    from dateline.ingest import run
    from tests.conftest import new_db

    monkeypatch.setattr(run.os, "cpu_count", lambda: 2)  # the choice, not this machine's, is under test
    settings = replace(pipeline.settings, batch_size=1)  # five batches: more than OVERLAP_BATCHES
    assert run.processes(1, len(STORY), settings, overlap=True) == 1
    assert run.processes(1, len(STORY), settings) == run.processes(1, 2, settings, overlap=True) == 0
    used, extract = [], run._extract

    def counted(articles, settings, processes, *args, **kw):
        used.append(processes)  # the processes each run was extracted in, besides this one
        return extract(articles, settings, processes, *args, **kw)

    monkeypatch.setattr(run, "_extract", counted)
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in STORY), encoding="utf-8")
    made = {}
    for overlap in (False, True):
        db = new_db(request, backend, tmp_path, f"overlap-{overlap}.db")
        with Store(db) as store:
            report = ingest([str(path)], store, settings=settings, progress=False, overlap=overlap)
            assert report.complete and report.stored == len(STORY), report.summary()
            made[overlap] = (links(store, settings), view_rows(db))
    assert used == [0, 1] and made[True] == made[False]
    assert made[True][0]["contradictions"] and made[True][1]["claims"]
