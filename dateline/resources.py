"""What stages read besides the Doc and the record: the data files, and what is built from them.

The knowledge of each layer lives in tab-separated tables under `dateline/data/<layer>/`
that an analyst can read and extend in a spreadsheet or an editor: the first line says
the file's version (`# version 3`), a header row names the columns, `#` starts a comment
line, empty lines are skipped. A malformed row raises LexiconError naming file and line.

A `Resources` belongs to one pipeline. It reads each table once and builds each resource
(a lexicon, the gazetteer, a phrase matcher) once, the first time a stage asks for it. A
resource is a plain function of the `Resources` that builds it (`cues(resources) -> dict`),
and is asked for by that function: `resources.get(cues)`. Nothing is cached per process,
so two pipelines with different data folders work side by side (the spaCy model itself
is loaded once per process and shared: see nlp.load).

A data folder given in the settings (`DATELINE_DATA`) is laid over the shipped one: a file
it holds replaces the shipped file of the same name, the others stay as shipped.
"""
from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from importlib import resources as package_files
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import LexiconError
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

DATA = Path(str(package_files.files("dateline") / "data"))  # the shipped knowledge
VERSION_LINE = re.compile(r"#\s*version\s+(\S+)\s*$")
T = TypeVar("T")
Rows = tuple[dict[str, str], ...]


def data_files(folder: Path = DATA) -> list[str]:
    """The knowledge tables of a folder, as names relative to it ("statements/cues.tsv")."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.tsv"))


def read_table(path: Path, required: tuple[str, ...] = (),
               choices: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple[str, Rows]:
    """(version, rows) of one table, rows as dicts keyed by the header.

    required: columns that must exist and be non-empty in every row.
    choices: (column, allowed values) pairs; a value outside them is an error. Values of a
        column may hold several space-separated words, each of which must be allowed.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise LexiconError(f"cannot read data file {path}: {e.strerror}") from e
    except UnicodeDecodeError as e:
        raise LexiconError(f"{path}: not UTF-8 text ({e.reason} at byte {e.start})") from e
    version = VERSION_LINE.match(lines[0].strip()) if lines else None
    if version is None:
        raise LexiconError(f"{path}:1: the first line must say the file's version, as '# version 1'")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    allowed = dict(choices)
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{path}:{lineno}: header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{path}:{lineno}: {len(cells)} cells for {len(header)} columns (a stray tab?)")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        for col in required:
            if not row[col]:
                raise LexiconError(f"{path}:{lineno}: empty '{col}'")
        for col, values in allowed.items():
            for word in row.get(col, "").split():
                if word not in values:
                    raise LexiconError(f"{path}:{lineno}: '{word}' is not a valid {col} (one of: {', '.join(values)})")
        rows.append(row)
    if header is None:
        raise LexiconError(f"{path}: no header row")
    return version.group(1), tuple(rows)


class Resources:
    """The data files of one pipeline and the resources built from them, each once."""

    def __init__(self, settings: Settings | None = None, nlp: "Language | None" = None):
        self.settings = settings or Settings()
        self.nlp = nlp  # for resources made from the model's vocabulary (phrase matchers)
        self.folder = Path(self.settings.data) if self.settings.data else None
        if self.folder is not None and not self.folder.is_dir():
            raise LexiconError(f"the data folder {self.folder} does not exist (DATELINE_DATA / Settings(data=...))")
        self._tables: dict[tuple, tuple[str, Rows]] = {}
        self._built: dict[Callable[..., Any], Any] = {}
        self._lock = threading.RLock()  # a resource is built once even when two threads ask together

    def path(self, name: str) -> Path:
        """Where the data file `name` ("statements/cues.tsv") is read from."""
        if self.folder is not None and (self.folder / name).is_file():
            return self.folder / name
        return DATA / name

    def table(self, name: str, required: tuple[str, ...] = (),
              choices: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Rows:
        """The rows of a data table, read and checked once."""
        key = (name, required, choices)
        with self._lock:
            if key not in self._tables:
                self._tables[key] = read_table(self.path(name), required, choices)
            return self._tables[key][1]

    def get(self, build: Callable[["Resources"], T]) -> T:
        """The resource `build` makes, made on the first call and kept for the next."""
        with self._lock:
            if build not in self._built:
                self._built[build] = build(self)
            return self._built[build]

    def digest(self) -> str:
        """What the data files say, in 16 hex digits: a change to any of them changes it."""
        h = hashlib.sha256()
        for name in self.names():
            h.update(name.encode() + b"\0" + self.path(name).read_bytes() + b"\0")
        return h.hexdigest()[:16]

    def names(self) -> list[str]:
        """Every data table this pipeline reads: the shipped ones and those of its own folder."""
        extra = data_files(self.folder) if self.folder is not None else []
        return sorted(set(data_files()) | set(extra))
