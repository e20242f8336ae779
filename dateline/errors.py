"""Every error Dateline raises on purpose, in one place.

Each class carries a short code so a user can search for it; the command line turns any
of them into one line on stderr and a non-zero exit, never a traceback.
"""
from __future__ import annotations


class DatelineError(Exception):
    """Base class: something the user can act on."""

    code = "D000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(DatelineError):
    """The input cannot be read as an article (empty, binary, not UTF-8)."""

    code = "D100"


class EmptyInput(InputError):
    code = "D101"


class NotText(InputError):
    code = "D102"


class FetchError(InputError):
    """A URL could not be fetched, or was refused (private address, too large, not allowed)."""

    code = "D103"


class SourceError(InputError):
    """A source (file, feed, archive, JSON line) cannot be read; the message names it and says why."""

    code = "D104"


class TooLarge(InputError):
    """A source is larger than Dateline reads; it is refused after reading one byte past the cap."""

    code = "D105"


class MetadataError(DatelineError):
    """A metadata value (publication date, id) is malformed."""

    code = "D110"


class LexiconError(DatelineError):
    """A data file under dateline/data/ is missing or malformed; the message names file and line."""

    code = "D200"


class SettingsError(DatelineError):
    """A setting has a value Dateline cannot work with."""

    code = "D120"


class ModelError(DatelineError):
    """The spaCy pipeline named in the settings cannot be loaded."""

    code = "D300"


class PipelineError(DatelineError):
    """Stages are registered in an order that cannot work, or a stage failed on an article."""

    code = "D400"


class TooCostly(PipelineError):
    """An article took longer than its budget (`article_seconds` per 100,000 characters):
    it is skipped, so that one pathological text cannot hold a run or a server."""

    code = "D410"


class StoreError(DatelineError):
    """The SQLite store cannot be opened or written (not a Dateline store, disk full, locked too long)."""

    code = "D600"


class BatchError(DatelineError):
    """A batch run's output folder cannot be used, or its Dask cluster cannot be reached."""

    code = "D700"


class GoldError(DatelineError):
    """A gold file for `dateline eval` is not in the shape of ../shared/contract."""

    code = "D500"


def error_of(code: str, message: str) -> DatelineError:
    """The error that carries `code`, with `message`: a problem a reader reported (with the
    code of what caused it) raised again as that error, not as a general one."""
    kinds = [DatelineError]
    for kind in kinds:
        if kind.code == code:
            return kind(message)
        kinds.extend(kind.__subclasses__())
    return InputError(message)
