"""Dateline: news reports about wars and crises in, sourced structured data out."""
from __future__ import annotations

import datetime
import functools
from typing import Any

from .errors import DatelineError
from .layers.base import stage
from .pipeline import Pipeline
from .record import Article, validation_errors
from .settings import Settings
from .version import __version__

__all__ = ["extract", "Pipeline", "Article", "Settings", "stage", "validation_errors", "DatelineError", "__version__"]


@functools.cache
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(text: str, *, published: str | datetime.date | None = None, source: str | None = None,
            title: str | None = None, url: str | None = None, id: str | None = None) -> dict[str, Any]:
    """The document record for one article (../shared/contract), with the default pipeline.

    published: the date the relative dates of the text are read against: an ISO date
        (YYYY-MM-DD) or timestamp, a datetime.date or a datetime.datetime.
    Raises a DatelineError (dateline.DatelineError) that names the argument when the text is
    not a str of Unicode text (bytes, None, a lone surrogate, a NUL) or a value is of the
    wrong kind, and when the text is empty.
    """
    return _default_pipeline()(text, published=published, source=source, title=title, url=url, id=id)
