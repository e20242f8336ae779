"""Filters an analyst asks for, turned into one parameterised SELECT over the store's views.

Every list the API and the page show (events, statements, figures, places, documents)
comes from here, so a filter means the same on the map, in the table and in the JSON.
Values are always bound parameters; only column names written in this file reach SQL.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from .dialect import SQLITE, Connection

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


class FilterError(ValueError):
    """A filter value that cannot be used (the API answers 422 with this message)."""

    def __init__(self, name: str, message: str, where: str = "query"):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.where = f"{where}.{name}"


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, raw: str) -> "BBox":
        """"west,south,east,north" in degrees, as in GeoJSON and most map tools."""
        parts = [p.strip(" ") for p in raw.split(",")]
        if len(parts) != 4:
            raise FilterError("bbox", "give four numbers: west,south,east,north (degrees)")
        # float() would also take "２２", "2_2", "1e1", "nan" and "inf": only decimals in 0-9 are degrees here
        if not all(_DEGREES.fullmatch(p) for p in parts):
            raise FilterError("bbox", f"{raw!r} is not four decimal numbers written in the digits 0-9")
        west, south, east, north = (float(p) for p in parts)
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise FilterError("bbox", "longitudes lie in [-180, 180], latitudes in [-90, 90], south <= north")
        return cls(west, south, east, north)


_DEGREES = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")


# [0-9], not \d: \d matches every script's digits ("２０１９"), which int() reads as 2019 but
# no stored date, compared as text, ever equals
_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-(\d))?")
_YEAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_span(value: str | None) -> tuple[str, str] | None:
    """The first and last day (ISO) a stored date covers: a day, a month, a year or an ISO
    week (2019-W03); another TIMEX value that starts with a year (2019-SU, 2019-Q2) covers
    that year; anything else (PAST_REF, a duration) has no span. `sql_start` and `sql_end`
    say the same in SQL."""
    if not value:
        return None
    try:
        week = _WEEK.match(value)
        if week:
            year, number, day = int(week[1]), int(week[2]), week[3]
            if day:
                d = dt.date.fromisocalendar(year, number, int(day)).isoformat()
                return d, d
            return (dt.date.fromisocalendar(year, number, 1).isoformat(),
                    dt.date.fromisocalendar(year, number, 7).isoformat())
        m = _YEAR.match(value)
        if not m:
            return None
        year = int(m[1])
        if m[3] and value[7:8] == "-":
            d = dt.date(year, int(m[2]), int(m[3])).isoformat()
            return d, d
        if m[2]:
            month = int(m[2])
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
            return dt.date(year, month, 1).isoformat(), last
        return f"{m[1]}-01-01", f"{m[1]}-12-31"
    except ValueError:  # 2019-02-30, week 60: not in the calendar
        return None


def date_start(value: str | None) -> str | None:
    span = date_span(value)
    return span[0] if span else None


def date_end(value: str | None) -> str | None:
    span = date_span(value)
    return span[1] if span else None


def sql_start(column: str, dialect: Any = SQLITE) -> str:
    """SQL for date_start(column)."""
    return dialect.date_start(column)


def sql_end(column: str, dialect: Any = SQLITE) -> str:
    """SQL for date_end(column)."""
    return dialect.date_end(column)


def parse_date(name: str, raw: str | None) -> str | None:
    """A day, month or year (2024-12-07, 2024-12, 2024), checked to exist."""
    if raw is None or raw == "":
        return None
    if not _DATE.fullmatch(raw) or date_span(raw) is None:
        raise FilterError(name, f"{raw!r} is not a date in the calendar: write YYYY-MM-DD, YYYY-MM or YYYY")
    return raw


def check_range(date_from: str | None, date_to: str | None) -> None:
    if date_from and date_to and date_start(date_from) > date_end(date_to):
        raise FilterError("date_to", f"the range ends ({date_to}) before it starts ({date_from})")


def like_pattern(text: str) -> str:
    """A LIKE pattern matching values that hold `text`, its %, _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass
class Where:
    """WHERE clauses and their parameters, built one filter at a time, in the SQL of a
    store's dialect (a connection's `dialect`)."""

    dialect: Any
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def equals(self, column: str, value: str | None, *, nocase: bool = False) -> None:
        if value:
            self.clauses.append(self.dialect.equals_nocase(column) if nocase else f"{column} = ?")
            self.params.append(value)

    def contains(self, columns: tuple[str, ...], text: str | None) -> None:
        """The text in any of the columns, ignoring the case of ASCII letters; every character
        is literal, none is a wildcard. LIKE with its wildcards escaped: SQLite's LIKE ignores
        ASCII case as lower() does, and runs at about twice the speed of instr(lower(...))
        (PostgreSQL's ILIKE ignores case)."""
        if text:
            like = self.dialect.like
            self.clauses.append("(" + " OR ".join(f"{c} {like} ? ESCAPE '\\'" for c in columns) + ")")
            self.params.extend([like_pattern(text)] * len(columns))

    def dates(self, column: str, start: str | None, end: str | None) -> None:
        """Items whose date lies wholly inside the range: "2019-06" is inside June 2019 and
        inside 2019, an item dated only "2019" is not inside June. Undated items drop out."""
        if start:
            self.clauses.append(f"{self.dialect.date_start(column)} >= ?")
            self.params.append(date_start(start))
        if end:
            self.clauses.append(f"{self.dialect.date_end(column)} <= ?")
            self.params.append(date_end(end))

    def one_of(self, column: str, values: list[str] | None) -> None:
        if values:
            self.clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            self.params.extend(values)

    def within(self, lat: str, lon: str, box: BBox | None) -> None:
        if box is None:
            return
        self.clauses.append(f"{lat} BETWEEN ? AND ?")
        self.params.extend([box.south, box.north])
        if box.west <= box.east:
            self.clauses.append(f"{lon} BETWEEN ? AND ?")
            self.params.extend([box.west, box.east])
        else:  # a box across the antimeridian
            self.clauses.append(f"({lon} >= ? OR {lon} <= ?)")
            self.params.extend([box.west, box.east])

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


@dataclass(frozen=True)
class Listing:
    """What a list endpoint answers: one page of rows and how many there are in all. Lists
    whose items are kept written out (the corpus views) give them as JSON texts in
    `encoded` too, which the API sends as they are."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    encoded: list[str] | None = None


def page(conn: Connection, view: str, columns: str, where: Where, order: str,
         limit: int, offset: int) -> Listing:
    conn.execute(conn.dialect.begin_read)  # one snapshot: the total and the rows agree while an ingest writes
    try:
        total = conn.execute(f"SELECT count(*) FROM {view}{where.sql()}", where.params).fetchone()[0]
        rows = conn.execute(f"SELECT {columns} FROM {view}{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                            [*where.params, limit, offset]).fetchall()
    finally:
        conn.execute("COMMIT")
    return Listing([dict(r) for r in rows], total, limit, offset)


# Actors a text filter may stand for: more would make a filter of every name. Their names
# are those the corpus views keep (store/corpus.py, actor_summary).
MAX_ACTORS = 20


def actors_named(conn: Connection, text: str) -> list[int]:
    """The actors a filter's text stands for: those with a name equal to it (ignoring ASCII
    case), else those with a name that holds it, at most MAX_ACTORS, most active first."""
    wanted = text.strip().lower()
    if not wanted:
        return []
    try:
        return _actors_named(conn, wanted)
    except conn.dialect.Error:  # an older store read as it is: no corpus views, no aliases
        return []


def _actors_named(conn: Connection, wanted: str) -> list[int]:
    query = (f"SELECT actor FROM actor_summary WHERE {conn.dialect.instr('words', '?')} > 0 "
             "ORDER BY as_actor + as_target + claims DESC, actor LIMIT ?")
    exact = [r[0] for r in conn.execute(query, ("\n" + wanted + "\n", MAX_ACTORS))]
    if exact:
        return exact
    return [r[0] for r in conn.execute(query, (wanted, MAX_ACTORS))]


def aliases_of(conn: Connection, text: str) -> list[str]:
    """Every name of the actors a filter's text stands for (see actors_named)."""
    found = actors_named(conn, text)
    if not found:
        return []
    names: list[str] = []
    for (aliases,) in conn.execute(f"SELECT aliases FROM actor_summary WHERE actor IN ({', '.join('?' * len(found))})",
                                   found):
        names += json.loads(aliases)
    return list(dict.fromkeys(names))


def named_as(where: Where, columns: tuple[str, ...], text: str | None, aliases: list[str]) -> None:
    """`text` in any of the columns, or one of an actor's names as a whole name of a
    '; '-joined column: the filter `actor` of the layers' lists."""
    if not text:
        return
    instr = where.dialect.instr
    parts = [f"{instr(f'lower({c})', 'lower(?)')} > 0" for c in columns]
    params: list[Any] = [text] * len(columns)
    for c in columns:
        for alias in aliases:
            joined = "'; ' || lower(" + c + ") || '; '"
            parts.append(f"{instr(joined, 'lower(?)')} > 0")
            params.append(f"; {alias}; ")
    where.clauses.append("(" + " OR ".join(parts) + ")")
    where.params.extend(params)


# Newest first by the day a date starts; item ids are S1, V12, F3: by length first so V2 comes before V10.
def _by_date(dialect: Any, column: str, newest_first: bool = True) -> str:
    start = dialect.date_start(column)
    return f"{start} IS NULL, {start}{' DESC' if newest_first else ''}, {column}, doc, length(id), id"


def events(conn: Connection, *, type: str | None = None, factuality: str | None = None,
           actor: str | None = None, target: str | None = None, speaker: str | None = None,
           country: str | None = None, bbox: BBox | None = None, date_from: str | None = None,
           date_to: str | None = None, source: str | None = None, q: str | None = None,
           doc: str | None = None, located: bool = False, oldest_first: bool = False,
           limit: int = DEFAULT_LIMIT, offset: int = 0) -> Listing:
    where = Where(conn.dialect)
    where.equals("event_type", type)
    where.equals("factuality", factuality)
    named_as(where, ("actor",), actor, aliases_of(conn, actor) if actor else [])
    where.contains(("target",), target)
    where.contains(("attributed_to",), speaker)
    where.equals("country", country, nocase=True)
    where.within("latitude", "longitude", bbox)
    where.dates("event_date", date_from, date_to)
    where.contains(("source",), source)
    where.contains(("source_sentence", "title", "location"), q)
    where.equals("doc", doc)
    if located:
        where.clauses.append("latitude IS NOT NULL")
    order = _by_date(conn.dialect, "event_date", newest_first=not oldest_first)
    return page(conn, "event_rows", "*", where, order, limit, offset)


def statements(conn: Connection, *, speaker: str | None = None, actor: str | None = None,
               stance: str | None = None,
               kind: str | None = None, cue: str | None = None, date_from: str | None = None,
               date_to: str | None = None, source: str | None = None, q: str | None = None,
               doc: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Listing:
    where = Where(conn.dialect)
    where.contains(("speaker", "speaker_text"), speaker)
    named_as(where, ("speaker", "speaker_text"), actor, aliases_of(conn, actor) if actor else [])
    where.equals("stance", stance)
    where.equals("kind", kind)
    where.equals("cue", cue, nocase=True)
    where.dates("date", date_from, date_to)
    where.contains(("source",), source)
    where.contains(("content", "source_sentence", "title"), q)
    where.equals("doc", doc)
    return page(conn, "statement_rows", "*", where, _by_date(conn.dialect, "date"), limit, offset)


def figures(conn: Connection, *, category: str | None = None, qualifier: str | None = None,
            speaker: str | None = None, actor: str | None = None, country: str | None = None,
            bbox: BBox | None = None, date_from: str | None = None, date_to: str | None = None,
            source: str | None = None, q: str | None = None, doc: str | None = None, limit: int = DEFAULT_LIMIT,
            offset: int = 0) -> Listing:
    where = Where(conn.dialect)
    where.equals("category", category)
    where.equals("qualifier", qualifier)
    where.contains(("attributed_to",), speaker)
    named_as(where, ("attributed_to",), actor, aliases_of(conn, actor) if actor else [])
    where.equals("country", country, nocase=True)
    where.within("latitude", "longitude", bbox)
    where.dates("date", date_from, date_to)
    where.contains(("source",), source)
    where.contains(("source_sentence", "title"), q)
    where.equals("doc", doc)
    return page(conn, "figure_rows", "*", where, _by_date(conn.dialect, "date"), limit, offset)


def places(conn: Connection, *, name: str | None = None, kind: str | None = None,
           country: str | None = None, bbox: BBox | None = None, source: str | None = None,
           doc: str | None = None, docs: list[str] | None = None, located: bool = False,
           limit: int = DEFAULT_LIMIT, offset: int = 0) -> Listing:
    where = Where(conn.dialect)
    if docs is not None:  # only places named in these documents (none: no places)
        if docs:
            where.one_of("doc", docs)
        else:
            where.clauses.append("FALSE")
    where.contains(("name",), name)
    where.equals("kind", kind)
    where.equals("country", country, nocase=True)
    where.within("latitude", "longitude", bbox)
    where.contains(("source",), source)
    where.equals("doc", doc)
    if located:
        where.clauses.append("latitude IS NOT NULL")
    return page(conn, "place_rows", "*", where, "published IS NULL, published DESC, doc, length(id), id",
                limit, offset)


def documents(conn: Connection, *, source: str | None = None, date_from: str | None = None,
              date_to: str | None = None, q: str | None = None, limit: int = DEFAULT_LIMIT,
              offset: int = 0) -> Listing:
    where = Where(conn.dialect)
    where.contains(("source",), source)
    where.dates("published", date_from, date_to)
    if q:  # the title or the text: the text is in documents, not in the view
        where.contains(("title", "(SELECT text FROM documents d WHERE d.key = document_rows.key)"), q)
    return page(conn, "document_rows", "*", where, "published IS NULL, published DESC, key", limit, offset)


def document(conn: Connection, ref: str) -> Any:
    """A document by its store key, or by its record id when exactly one document has it
    (FilterError when several have it: the key tells them apart)."""
    row = conn.execute("SELECT key, record FROM documents WHERE key = ?", (ref,)).fetchone()
    if row is None:
        found = conn.execute("SELECT key, record FROM documents WHERE id = ? LIMIT 2", (ref,)).fetchall()
        if len(found) > 1:
            raise FilterError("ref", f"several documents have the id {ref!r}: name one by its key "
                                     "(GET /documents lists them)", where="path")
        row = found[0] if found else None
    return row


def sources(conn: Connection, key: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(
        "SELECT origin, locator, reader, url, source, title, published, version, first_seen FROM sources "
        "WHERE doc = ? ORDER BY first_seen, origin, locator", (key,))]


def totals(conn: Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "statements", "events", "figures", "places")}
