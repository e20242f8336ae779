"""Stages and the pipeline that runs them over one parsed Doc per article.

A stage is a plain function `(doc, record, context) -> {field: value}` registered with
`@stage(...)`, which says which record fields it reads and which it writes. The pipeline
checks at load time that every field a stage reads is written by an earlier stage, runs
the stages in order, and merges what each returns into the record. Built-in stages are
registered the same way a user's would be (see dateline/stages/__init__.py for the order).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import nlp as nlp_mod
from .errors import DatelineError, PipelineError
from .record import Article, new_record
from .settings import Settings

LOGGER = logging.getLogger(__name__)

StageFunc = Callable[[Doc | None, dict[str, Any], "Context"], dict[str, Any]]


@dataclass(frozen=True)
class Stage:
    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    needs_doc: bool = True


REGISTRY: dict[str, Stage] = {}


def stage(name: str, *, requires: Sequence[str] = (), provides: Sequence[str], needs_doc: bool = True):
    """Register a stage under `name`. Fields are record paths: "entities", "document.language"."""

    def register(func: StageFunc) -> StageFunc:
        REGISTRY[name] = Stage(name, func, tuple(requires), tuple(provides), needs_doc)
        return func

    return register


@dataclass(frozen=True)
class Context:
    """What a stage may consult besides the Doc and the record."""

    settings: Settings
    nlp: Language  # the loaded spaCy pipeline, for stages that build matchers from its vocab


def check_order(stages: Sequence[Stage]) -> None:
    available = {"document.text", "document.published", "document.id", "document.title", "document.url",
                 "document.source"}
    for st in stages:
        missing = [f for f in st.requires if f not in available]
        if missing:
            raise PipelineError(f"stage '{st.name}' needs {', '.join(missing)}, which no earlier stage provides")
        available.update(st.provides)
        available.update(p.split(".")[0] for p in st.provides)


def _merge(record: dict[str, Any], st: Stage, result: dict[str, Any]) -> None:
    if set(result) != set(st.provides):
        raise PipelineError(f"stage '{st.name}' returned {sorted(result)}, but declares {sorted(st.provides)}")
    for field, value in result.items():
        target = record
        *parents, leaf = field.split(".")
        for p in parents:
            target = target[p]
        target[leaf] = value


class Pipeline:
    """Loads the spaCy pipeline and the stages once; turns articles into records."""

    def __init__(self, settings: Settings | None = None, stages: Sequence[str] | None = None):
        from .stages import DEFAULT_STAGES  # registers the built-in stages

        self.settings = settings or Settings.from_env()
        names = list(stages) if stages is not None else list(DEFAULT_STAGES)
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            raise PipelineError(f"unknown stage(s) {', '.join(unknown)}; registered: {', '.join(REGISTRY)}")
        self.stages = [REGISTRY[n] for n in names]
        check_order(self.stages)
        self.nlp: Language = nlp_mod.load(self.settings.model)
        self.context = Context(self.settings, self.nlp)
        self.stage_seconds: dict[str, float] = {st.name: 0.0 for st in self.stages}  # for `dateline benchmark`

    def __call__(self, text: str, **meta: Any) -> dict[str, Any]:
        return next(self.pipe([Article(text=text, **meta)]))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[dict[str, Any]]:
        """Records for articles, in order; parsing is batched through nlp.pipe."""
        batch: list[Article] = []
        size = batch_size or self.settings.batch_size
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, articles: list[Article]) -> Iterator[dict[str, Any]]:
        """Stages run in their declared order; the parse happens once, just before the
        first stage that needs it, batched over the articles that are to be parsed."""
        records = [new_record(a) for a in articles]
        first_doc = next((i for i, st in enumerate(self.stages) if st.needs_doc), len(self.stages))
        before, after = self.stages[:first_doc], self.stages[first_doc:]
        for record in records:
            for st in before:
                self._run(st, None, record)
        parsed = [r for r in records if after and self._should_parse(r)]
        docs = nlp_mod.parse_many(self.nlp, (r["document"]["text"] for r in parsed),
                                  self.settings.chunk_chars, self.settings.batch_size)
        doc_of = {id(r): doc for r, doc in zip(parsed, docs, strict=True)}
        for record in records:
            doc = doc_of.get(id(record))
            for st in after:
                if doc is not None or not st.needs_doc:  # an unparsed text keeps its layers empty
                    self._run(st, doc, record)
        yield from records

    def _should_parse(self, record: dict[str, Any]) -> bool:
        language = record["document"].get("language")
        if self.settings.language_check and language and language != self.nlp.lang:
            LOGGER.warning("document %s looks like '%s', not '%s': its layers are left empty",
                           record["document"]["id"], language, self.nlp.lang)
            return False
        return True

    def _run(self, st: Stage, doc: Doc | None, record: dict[str, Any]) -> None:
        start = time.perf_counter()
        try:
            result = st.func(doc, record, self.context)
        except DatelineError:
            raise
        except Exception as e:
            raise PipelineError(f"stage '{st.name}' failed on document {record['document']['id']}: "
                                f"{type(e).__name__}: {e}") from e
        self.stage_seconds[st.name] += time.perf_counter() - start
        _merge(record, st, result)
