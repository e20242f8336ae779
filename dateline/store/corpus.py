"""The corpus views: the links record written out as the tables of migration 4, and the
lists and items the API, the pages and the exports read from them.

The links record (corpus/record.py) is made by reading every link item of the store:
seconds on a store of thousands of documents, too slow for a page. Its groups are kept in
tables after linking (corpus/publish.py), with indexes on what lists filter and order by:
`write` writes every group's rows, `update` those of the groups linking changed since,
with what is counted over groups counted again for what their rows name; both write a
group by one code path (`_Writer`), so the tables are the same whichever wrote them.
`stale` says when linking has moved on since. Only column names written in this file
reach SQL; values are bound parameters (queries.Where).
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..layers.base import Flat
from .dialect import Connection
from .queries import DEFAULT_LIMIT, BBox, Listing, Where, actors_named, date_end, date_start, like_pattern, page

# An event dated more than this many days before the first article that tells it is
# background ("the 2011 uprising" in a report of 2024), kept apart from the story's days.
BACKGROUND_DAYS = 30
# How precisely a place pins an event, from the gazetteer's kinds: a country's or a
# province's point is the middle of an area, not where anything happened.
PRECISION = {"city": "town", "locality": "town", "facility": "town", "admin2": "region", "admin1": "region",
             "region": "region", "water": "region", "other": "region", "country": "country"}
RANK = {"town": 0, "region": 1, "country": 2}
# what corpus_items holds of each table: its rows as the API gives them (functions below)
ITEMS = {"linked_events": lambda conn, rows: _events_out(conn, rows),
         "claims": lambda conn, rows: _claims_out(conn, rows),
         "contradictions": lambda conn, rows: _contradictions_out(conn, rows)}
TABLES = ("corpus_items", "linked_events", "linked_event_reports", "linked_event_actors", "linked_event_names",
          "claims", "claim_speakers", "claim_reports", "contradictions", "contradiction_items", "track_record",
          "actor_summary")
# The exports' tables of the corpus layer (CSV, Parquet; linked events in GeoJSON too): one
# row per item, its reports in a child table, each a view of migration 4.
FLATS = (
    Flat("linked_events", view="linked_event_rows", order="first_published, linked_event_id",
         floats=("latitude", "longitude"), integers=("reports", "outlets", "background"), feature="linked_event"),
    Flat("linked_event_reports", view="linked_event_report_rows", order="linked_event_id, position",
         integers=("position",)),
    Flat("claims", view="claim_rows", order="first_published, claim_id", integers=("reports", "outlets")),
    Flat("claim_reports", view="claim_report_rows", order="claim_id, position", integers=("position",)),
    Flat("contradictions", view="contradiction_rows", order="first_published, contradiction_id",
         integers=("sides", "items")),
    Flat("contradiction_items", view="contradiction_item_rows", order="contradiction_id, side, position",
         integers=("side", "position")),
    Flat("actors", view="actor_rows", order="actor_id", integers=("actor_id", "as_actor", "as_target", "claims")),
    Flat("track_record", view="track_record", order="kind, name",
         integers=("actor", "claims", "confirmed", "refuted", "open")),
)
# The FTS5 trigram indexes of the tables' words (migration 4's SQLite part): (index, table, columns).
# PostgreSQL's part indexes the columns themselves (pg_trgm): it has no such tables.
WORDS = (("linked_event_words", "linked_events", "words"),
         ("claim_words", "claims", "words"))
TRIGRAM = 3  # the shortest text a trigram index can find; a shorter one is looked for row by row
MEMBER = "<member>"  # marks a clause "key IN (a set)" for _page, which writes "" or "+" in its place
DENSE = 1000  # rows of a set past which walking the order's index beats fetching them all


class Resolver(Protocol):
    """What the names of reports are, as corpus/names.py and the actors table tell."""

    def actor(self, text: str, type: str | None) -> tuple[str | None, int | None]:
        """A name as a report gives it (and its entity type): its folded form (None: a name
        that folds to nothing) and the actor that form is one of (None: none yet)."""

    def keys(self, text: str, type: str | None) -> set[str]:
        """A name's index keys: any two names that may be one actor share one."""

UNKNOWN = "(unknown)"  # the speaker the links record gives a statement whose record names none


def web_id(grp: str) -> str:
    """A group's name ("<key>/V3") as a path segment: "<key>-V3" (keys are hex, so it reads back)."""
    return grp.replace("/", "-")


def sentence_link(doc: str, item: str) -> str:
    """The article view opened at an item's sentence."""
    return f"/read/{doc}?focus={item}#{item}"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- freshness ------------------------------------------------------------------------------

def stamp(conn: Connection) -> str:
    """The state of linking: any document linked, linked again or unlinked changes it. The
    last row and time are read from an index's end; the count, from the narrowest index."""
    count = conn.execute("SELECT count(*) FROM linked_documents").fetchone()[0]
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM linked_documents").fetchone()[0]
    when = conn.execute("SELECT coalesce(max(linked_at), '') FROM linked_documents").fetchone()[0]
    return f"{count}/{last}/{when}"


def pending(conn: Connection) -> bool:
    """Whether linking changed groups that are not published yet (links_changes)."""
    try:
        return conn.execute("SELECT 1 FROM links_changes LIMIT 1").fetchone() is not None
    except conn.dialect.Error:  # an older store read as it is, without the table
        return False


def published_stamp(conn: Connection) -> str | None:
    try:
        row = conn.execute("SELECT stamp FROM links_published WHERE id = 1").fetchone()
    except conn.dialect.Error:  # an older store read as it is, without the tables
        return None
    return row[0] if row else None


def stale(conn: Connection) -> bool:
    """Whether the tables are older than the links (or were never written)."""
    return published_stamp(conn) != stamp(conn) or pending(conn)


# -- writing --------------------------------------------------------------------------------

class Group(Protocol):
    """One group as corpus/record.py makes it (record.Group): the views are written from
    these, a whole store's or a few changed ones'."""

    name: str
    kind: str
    members: list[tuple[tuple[str, str], dict[str, Any]]]
    judged: dict[str, Any]
    entry: dict[str, Any] | None
    contradictions: list[dict[str, Any]]


@dataclass
class Affected:
    """The keys of the tables counted over groups (track record, lookups, actor summaries)
    that the rows of some groups name: what is counted again when those groups change."""

    speakers: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    actors: set[int] = field(default_factory=set)

    def add(self, other: Affected) -> None:
        self.speakers |= other.speakers
        self.sources |= other.sources
        self.names |= other.names
        self.actors |= other.actors


def write(conn: Connection, groups: Iterable[Group], names: Resolver, at: str,
          schema: int) -> dict[str, int]:
    """Replace the tables with the rows of every group (inside the caller's transaction); `at`
    is the stamp of the link tables they were made from. Returns the rows per table."""
    words = [words for words, _, _ in WORDS] if conn.dialect.word_tables else []
    for table in (*TABLES, *words, "links_unresolved", "links_speakers", "links_speaker_names"):
        conn.execute(f"DELETE FROM {table}")
    writer = _Writer(conn, names)
    for group in groups:
        writer.group(group)
    writer.finish()
    _count(conn, names, None)
    _items(conn, None)
    _stamp(conn, at, schema)
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def update(conn: Connection, changed: Iterable[str], groups: Iterable[Group], names: Resolver,
           actors: Iterable[int], at: str, schema: int) -> dict[str, int]:
    """Write again the rows of the groups `changed` (inside the caller's transaction): those
    rows go, the `groups` (those of them that still exist) are written, and what is
    counted over groups is counted again for the speakers, outlets, names and actors the
    old rows and the new ones name, and for `actors` (whose names changed). Every query
    goes through an index: the cost is that of the groups, not of the store."""
    changed = sorted(set(changed))
    affected = _affected(conn, changed)
    before = _tallies(conn, changed)
    worded = _worded(conn, changed)
    _delete(conn, changed)
    writer = _Writer(conn, names, {table: {id: rowid for id, (rowid, _) in rows.items()}
                                   for table, rows in worded.items()})
    for group in groups:
        writer.group(group)
    writer.finish()
    affected.add(_affected(conn, changed))
    affected.actors |= set(actors)
    _count(conn, names, affected, (before, _tallies(conn, changed)))
    _items(conn, changed, worded)
    _stamp(conn, at, schema)
    return {"groups": len(changed), "speakers": len(affected.speakers), "sources": len(affected.sources),
            "names": len(affected.names), "actors": len(affected.actors)}


def tracked(conn: Connection, schema: int) -> bool:
    """Whether the tables were written under this schema, since when linking notes what it
    changes (links_changes): only then can they be brought up to date group by group."""
    try:
        row = conn.execute("SELECT schema FROM links_published WHERE id = 1").fetchone()
    except conn.dialect.Error:  # views older than the schema column
        return False
    return row is not None and row[0] == schema


def unresolved(conn: Connection, forms: Iterable[str]) -> set[str]:
    """The published groups with a name of one of these forms that had no actor."""
    return {grp for chunk in _chunks(sorted(set(forms))) for (grp,) in conn.execute(
        f"SELECT DISTINCT grp FROM links_unresolved WHERE form IN ({_marks(chunk)})", chunk)}


def speaker_names(conn: Connection, keys: Iterable[str]) -> set[tuple[str, str | None]]:
    """The names (with their types) that published claims' speakers have as their first
    reports give them, among those with one of these keys (links_speaker_names: a name may
    have no claim left)."""
    return {(name, type or None) for chunk in _chunks(sorted(set(keys))) for name, type in conn.execute(
        f"SELECT DISTINCT name, type FROM links_speaker_names WHERE key IN ({_marks(chunk)})", chunk)}


def renamed(conn: Connection, key: str, name: str, type: str | None, speaker: str) -> set[str]:
    """The published claims whose speaker's name is `name` (of `type`), found by one of its
    keys (each such claim is kept under all of them), published under another fullest name
    than `speaker`."""
    return {grp for (grp,) in conn.execute("SELECT grp FROM links_speakers WHERE key = ? AND name = ? "
                                           "AND type IS NOT DISTINCT FROM ? AND speaker != ?", (key, name, type, speaker))}


def _stamp(conn: Connection, at: str, schema: int) -> None:
    conn.execute(conn.dialect.replace("links_published", ("id", "stamp", "published_at", "schema"), ("id",)),
                 (1, at, _now(), schema))


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _affected(conn: Connection, names: list[str]) -> Affected:
    """What the rows of these groups name, as the tables hold them now."""
    out = Affected()
    for chunk in _chunks([web_id(n) for n in names]):
        for speaker, actor in conn.execute(f"SELECT speaker, actor FROM claims WHERE id IN ({_marks(chunk)})", chunk):
            out.speakers.add(speaker)
            out.actors.add(actor)
        out.sources |= {r[0] for r in conn.execute(
            f"SELECT DISTINCT source FROM claim_reports WHERE claim IN ({_marks(chunk)})", chunk)}
        for name, actor in conn.execute(
                f"SELECT name, actor FROM linked_event_actors WHERE event IN ({_marks(chunk)})", chunk):
            out.names.add(name)
            out.actors.add(actor)
    out.sources.discard(None)
    out.actors.discard(None)
    return out


def _worded(conn: Connection, names: list[str]) -> dict[str, dict[str, tuple[int, str]]]:
    """The rowid and words of each row of these groups that a words table indexes, by
    table and row id (none on PostgreSQL, which has no words tables)."""
    out: dict[str, dict[str, tuple[int, str]]] = {}
    for _, table, column in WORDS if conn.dialect.word_tables else ():
        out[table] = {}
        for chunk in _chunks([web_id(n) for n in names]):
            out[table].update((id, (rowid, words)) for id, rowid, words in conn.execute(
                f"SELECT id, rowid, {column} FROM {table} WHERE id IN ({_marks(chunk)})", chunk))
    return out


def _delete(conn: Connection, names: list[str]) -> None:
    """Remove every row of these groups (and their items'; their words `_items` keeps or
    removes, knowing what is written again)."""
    for chunk in _chunks(names):
        ids = [web_id(n) for n in chunk]
        marks = _marks(chunk)
        conn.execute(f"DELETE FROM corpus_items WHERE id IN ({marks}) OR id IN "
                     f"(SELECT id FROM contradictions WHERE grp IN ({marks}))", [*ids, *chunk])
        conn.execute(f"DELETE FROM contradiction_items WHERE contradiction IN "
                     f"(SELECT id FROM contradictions WHERE grp IN ({marks}))", chunk)
        conn.execute(f"DELETE FROM contradictions WHERE grp IN ({marks})", chunk)
        for table, column in (("linked_event_reports", "event"), ("linked_event_actors", "event"),
                              ("linked_events", "id"), ("claim_reports", "claim"), ("claims", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)
        conn.execute(f"DELETE FROM links_unresolved WHERE grp IN ({marks})", chunk)
        conn.execute(f"DELETE FROM links_speakers WHERE grp IN ({marks})", chunk)


class _Writer:
    """Writes groups' rows, looking up what they need once per publication."""

    def __init__(self, conn: Connection, names: Resolver, rowids: dict[str, dict[str, int]] | None = None):
        self.conn = conn
        self.names = names
        # a row written again keeps its rowid, which its words share: unchanged words stay
        # in the trigram index as they are (`_items`)
        self.rowids = rowids or {}
        self.next_rowid: dict[str, int] = {}
        self.resolved: dict[tuple[str, str | None], tuple[str | None, int | None]] = {}
        self.kinds: dict[str, dict[str, str]] = {}
        self.unresolved: set[tuple[str, str]] = set()
        self.speakers: list[tuple[str, str, str, str | None, str]] = []

    def actor(self, grp: str, name: str, type: str | None) -> int | None:
        """The actor of a name; a form without one is kept, to write the group again when
        a later document makes it an actor's."""
        if (name, type) not in self.resolved:
            self.resolved[(name, type)] = self.names.actor(name, type)
        form, actor = self.resolved[(name, type)]
        if form and actor is None:
            self.unresolved.add((form, grp))
        return actor

    def place_kinds(self, doc: str) -> dict[str, str]:
        """A document's places (lower-case) and the kind of each, as its first event
        mention naming the place gives it (in the record's order, which its items were
        stored in: V2 before V10)."""
        if doc not in self.kinds:
            found: dict[str, str] = {}
            for (data,) in self.conn.execute("SELECT data FROM link_items WHERE doc = ? AND kind = 'event' "
                                             "ORDER BY rowid", (doc,)):
                for p in json.loads(data).get("places", []):
                    found.setdefault(p["name"].lower(), p.get("kind") or "other")
            self.kinds[doc] = found
        return self.kinds[doc]

    def group(self, g: Group) -> None:
        docs = [ref[0] for ref, _ in g.members]
        if g.kind == "event":
            self._event(g, docs)
        elif g.kind == "statement":
            self._claim(g, docs)
        # a linked event's contradictions are about it; a count's about no one event
        event = web_id(g.name) if g.kind == "event" else None
        for n, (x, judged) in enumerate(zip(g.contradictions, g.judged.get("contradictions", [])), start=1):
            self._contradiction(f"{web_id(g.name)}-X{n}", g.name, x, judged, event)

    def finish(self) -> None:
        self.conn.executemany("INSERT INTO links_unresolved (form, grp) VALUES (?, ?) ON CONFLICT DO NOTHING",
                              sorted(self.unresolved))
        self.conn.executemany("INSERT INTO links_speakers (key, grp, name, type, speaker) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", self.speakers)
        self.conn.executemany("INSERT INTO links_speaker_names (key, name, type) VALUES (?, ?, ?) "
                              "ON CONFLICT DO NOTHING",
                              sorted({(key, name, type or "") for key, _, name, type, _ in self.speakers}))
        self.unresolved.clear()
        self.speakers.clear()

    def _event(self, g: Group, docs: list[str]) -> None:
        e = g.entry
        grp, eid = g.name, web_id(g.name)
        reports = e["reports"]
        # the most precise place that has a point: a town before a province before a country
        located = []
        for n, p in enumerate(e["places"]):
            if p.get("lat") is None or p.get("lon") is None:
                continue
            kind = next((k for d in docs if (k := self.place_kinds(d).get(p["name"].lower()))), "other")
            located.append((RANK[PRECISION.get(kind, "region")], n, p, PRECISION.get(kind, "region")))
        place = min(located, key=lambda t: t[:2]) if located else None
        date = e.get("date")
        first = e["first_reported"]
        day = (date or {}).get("start") or (first.get("published") or "")[:10]
        background = bool(date and first.get("published")
                          and dt.date.fromisoformat(date["end"]) < dt.date.fromisoformat(first["published"][:10])
                          - dt.timedelta(days=BACKGROUND_DAYS))
        outlets = sorted({r["source"] for r in reports if r.get("source")})
        words = " ".join([e["type"], e.get("mode") or "", *(p["name"] for p in e["places"]), *e["actors"],
                          *e["targets"], *outlets]).lower()
        lon = _wrapped(place[2]["lon"]) if place else None
        self._insert(
            "linked_events", "id, grp, type, mode, date_start, date_end, day, factuality, place, country, "
            "latitude, longitude, precision, places, actors, targets, reports, outlets, sources, first_doc, "
            "first_document, first_published, background, words",
            (eid, grp, e["type"], e.get("mode"), (date or {}).get("start"), (date or {}).get("end"),
             day, e["factuality"], place[2]["name"] if place else None,
             place[2].get("country") if place else (e["places"][0].get("country") if e["places"] else None),
             place[2]["lat"] if place else None, lon, place[3] if place else None,
             json.dumps(e["places"], ensure_ascii=False), "; ".join(e["actors"]) or None,
             "; ".join(e["targets"]) or None, len(reports), len(outlets), "; ".join(outlets) or None,
             docs[0], first["document"], first.get("published"), int(background), words))
        self.conn.executemany(
            "INSERT INTO linked_event_reports (event, position, doc, document, item, source, published, factuality, "
            "statement, speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(eid, n, doc, r["document"], r["event"], r.get("source"), r.get("published"),
              r.get("factuality"), (r.get("attributed_to") or {}).get("statement"),
              (r.get("attributed_to") or {}).get("speaker")) for n, (r, doc) in enumerate(zip(reports, docs))])
        typed: dict[tuple[str, str], str | None] = {}  # each name with the type a report gives it, to find its actor
        for _, item in g.members:
            for role in ("actors", "targets"):
                for a in item.get(role, []):
                    typed.setdefault((role, a["name"]), a.get("type"))
        self.conn.executemany("INSERT INTO linked_event_actors (event, role, name, actor) VALUES (?, ?, ?, ?) "
                              "ON CONFLICT DO NOTHING",
                              [(eid, role[:-1], name, self.actor(grp, name, typed.get((role, name))))
                               for role in ("actors", "targets") for name in e[role]])

    def _claim(self, g: Group, docs: list[str]) -> None:
        c = g.entry
        cid = web_id(g.name)
        speaker = c["speaker"]
        actor_id = None
        if speaker["name"] != UNKNOWN:
            actor_id = self.actor(g.name, speaker["name"], speaker.get("type"))
            self.actor(g.name, speaker["name"], None)  # the speaker's row of the track record looks it up so
            # the speaker's name as its first report gives it, by its keys: a fuller name
            # learned later (Actors.canonical) is found to rename this claim
            said = g.members[0][1]["speaker"]
            self.speakers.extend((key, g.name, said["name"], said.get("type"), speaker["name"])
                                 for key in sorted(self.names.keys(said["name"], said.get("type"))))
        row = self.conn.execute("SELECT content FROM statements WHERE doc = ? AND id = ?",
                                (docs[0], c["reports"][0]["statement"])).fetchone()
        content = row[0] if row else None
        reports = c["reports"]
        outlets = sorted({r["source"] for r in reports if r.get("source")})
        # the evidence as the record gives it, with the store's keys of its documents
        history = [{"date": h["date"], "status": h["status"],
                    "evidence": [{"document": ev["document"], "doc": ref[0], "item": ev["item"]}
                                 for ev, ref in zip(h["evidence"], judged["evidence"])]}
                   for h, judged in zip(c["history"], g.judged.get("history", []))]
        first = c["first_reported"]
        words = " ".join([speaker["name"], content or "", *outlets]).lower()
        self._insert(
            "claims", "id, grp, speaker, speaker_type, actor, stance, content, status, status_date, "
            "settled, reports, outlets, sources, first_doc, first_document, first_published, day, history, words",
            (cid, g.name, speaker["name"], speaker.get("type"), actor_id, c.get("stance"),
             content, c["status"], history[-1]["date"] if history else None, history[0]["date"] if history else None,
             len(reports), len(outlets),
             "; ".join(outlets) or None, docs[0], first["document"], first.get("published"),
             (first.get("published") or "")[:10], json.dumps(history, ensure_ascii=False), words))
        self.conn.executemany("INSERT INTO claim_reports (claim, position, doc, document, statement, source, "
                              "published) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              [(cid, n, doc, r["document"], r["statement"], r.get("source"), r.get("published"))
                               for n, (r, doc) in enumerate(zip(reports, docs))])

    def _insert(self, table: str, columns: str, values: tuple[Any, ...]) -> None:
        """A row of a table with words (WORDS), under the rowid it had if it is written
        again; a new one after every rowid the table has or had (a rowid left free by a
        row not yet written again is not taken)."""
        kept = self.rowids.get(table)
        if kept is not None:
            rowid = kept.get(values[0])
            if rowid is None:
                if table not in self.next_rowid:
                    top = self.conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
                    self.next_rowid[table] = max([top, *kept.values()]) + 1
                rowid = self.next_rowid[table]
                self.next_rowid[table] += 1
            columns, values = f"rowid, {columns}", (rowid, *values)
        self.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({_marks(list(values))})", values)

    def _contradiction(self, xid: str, grp: str, x: dict[str, Any], judged: dict[str, Any],
                       event: str | None) -> None:
        keys = sorted({ref[0] for side in judged["sides"] for ref in side["items"]})
        meta = {doc: (source, published) for doc, source, published in self.conn.execute(
            f"SELECT key, source, published FROM documents WHERE key IN ({_marks(keys)})", keys)}
        rows = []
        for side_n, (side, refs) in enumerate(zip(x["sides"], judged["sides"])):
            for n, (i, ref) in enumerate(zip(side["items"], refs["items"])):
                source, published = meta.get(ref[0], (None, None))
                rows.append((xid, side_n, n, side.get("position"), ref[0], i["document"], i["item"], source,
                             published))
        place = country = None
        if event:
            place, country = self.conn.execute("SELECT place, country FROM linked_events WHERE id = ?",
                                               (event,)).fetchone()
        days = sorted(r[8][:10] for r in rows if r[8])
        outlets = sorted({r[7] for r in rows if r[7]})
        self.conn.execute("INSERT INTO contradictions (id, grp, kind, about, event, place, country, day, sides, "
                          "items, sources, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          (xid, grp, x["kind"], x["about"], event, place, country, days[0] if days else "",
                           len(x["sides"]), len(rows), "; ".join(outlets) or None,
                           " ".join([x["about"], *outlets]).lower()))
        self.conn.executemany("INSERT INTO contradiction_items (contradiction, side, n, position, doc, document, "
                              "item, source, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _encoded(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _wrapped(lon: float) -> float:
    """A longitude in [-180, 180], so nothing is drawn the long way round the map."""
    return (lon + 180) % 360 - 180 if not -180 <= lon <= 180 else lon


def _within(column: str, values: set[Any] | None) -> Iterator[tuple[str, list[Any]]]:
    """A clause keeping the rows whose `column` is one of `values`, chunk by chunk, with its
    parameters; one clause keeping every row when `values` is None (the whole store)."""
    if values is None:
        yield "TRUE", []
        return
    for chunk in _chunks(sorted(values)):
        yield f"{column} IN ({_marks(chunk)})", chunk


def _count(conn: Connection, names: Resolver, affected: Affected | None,
           change: tuple[Counter, Counter] | None = None) -> None:
    """Count again over the groups' rows, for the keys `affected` holds (every key: None):
    the lookups of speakers and names; and the track record and the actors' summaries,
    which are sums over groups: counted whole with every key, else changed by what the
    changed groups added to them before and add now (`change`, of `_tallies`)."""
    whole = affected is None
    if whole:
        _recount_track(conn, names)
    else:
        _track(conn, names, *change)
    for clause, params in _within("speaker", None if whole else affected.speakers):
        conn.execute(f"DELETE FROM claim_speakers WHERE {clause}", params)
        conn.execute(f"INSERT INTO claim_speakers (speaker, actor) SELECT speaker, max(actor) FROM claims "
                     f"WHERE {clause} GROUP BY speaker", params)
    for clause, params in _within("name", None if whole else affected.names):
        conn.execute(f"DELETE FROM linked_event_names WHERE {clause}", params)
        conn.execute(f"INSERT INTO linked_event_names (name, actor) SELECT name, max(actor) FROM linked_event_actors "
                     f"WHERE {clause} GROUP BY name", params)
    for clause, params in _within("actor", None if whole else affected.actors):
        _write_actors(conn, clause, params, None if whole else change)


def _recount_track(conn: Connection, names: Resolver) -> None:
    """The track record counted over every claim: what each claim adds to it (`_tallies`),
    summed from nothing, so that the whole count and a change of it count alike."""
    conn.execute("DELETE FROM track_record")
    _track(conn, names, Counter(), _tallies(conn, [grp for (grp,) in conn.execute("SELECT grp FROM claims")]))


# links.md: an outlet is charged with a claim it reported before the claim's fate was first
# known (its `settled` day); a report without a day, only with open claims. One row per
# outlet and claim it is charged with.
_REPORTED = ("SELECT DISTINCT r.source AS source, c.id, c.status AS status "
             "FROM claim_reports r JOIN claims c ON c.id = r.claim WHERE r.source IS NOT NULL AND r.source != '' "
             "AND (c.settled IS NULL OR r.published < c.settled)")
TALLY = ("claims", "confirmed", "refuted", "open")


def _tallies(conn: Connection, names: list[str]) -> Counter:
    """What these groups add to the sums over groups, as the tables hold them now:
    {(kind, name, column): n} for the speakers and outlets their claims name (the track
    record), and for the actors their events and claims name (the actors' summaries)."""
    out: Counter = Counter()
    for chunk in _chunks([web_id(n) for n in names]):
        marks = _marks(chunk)
        for speaker, status in conn.execute(
                f"SELECT speaker, status FROM claims WHERE speaker != ? AND id IN ({marks})", [UNKNOWN, *chunk]):
            out["speaker", speaker, "claims"] += 1
            out["speaker", speaker, status] += 1
        for source, _, status in conn.execute(f"{_REPORTED} AND c.id IN ({marks})", chunk):
            out["source", source, "claims"] += 1
            out["source", source, status] += 1
        for actor, role, _ in conn.execute(f"SELECT DISTINCT actor, role, event FROM linked_event_actors "
                                           f"WHERE actor IS NOT NULL AND event IN ({marks})", chunk):
            out["actor", actor, role] += 1
        for (actor,) in conn.execute(f"SELECT actor FROM claims WHERE actor IS NOT NULL AND id IN ({marks})", chunk):
            out["actor", actor, "claims"] += 1
    return out


def _track(conn: Connection, names: Resolver, before: Counter, after: Counter) -> None:
    """Bring the track record of the speakers and outlets some claims name up to date from
    what those claims added to it before they changed and add now: each row changes by
    the difference, so the cost is that of the claims, not of all of a speaker's or an
    outlet's claims (the counts are sums over claims). A row left with no claim goes; a
    speaker's actor is looked up again, as its names may have changed."""
    for kind, name in sorted({(k, n) for k, n, _ in (*before, *after) if k != "actor"}):
        row = conn.execute(f"SELECT {', '.join(TALLY)} FROM track_record WHERE kind = ? AND name = ?",
                           (kind, name)).fetchone()
        counts = [(row[i] if row else 0) + after[kind, name, c] - before[kind, name, c] for i, c in enumerate(TALLY)]
        if counts[0] <= 0:
            conn.execute("DELETE FROM track_record WHERE kind = ? AND name = ?", (kind, name))
            continue
        actor = names.actor(name, None)[1] if kind == "speaker" else None
        conn.execute(conn.dialect.replace("track_record", ("kind", "name", "actor", *TALLY), ("kind", "name")),
                     (kind, name, actor, *counts))


def _write_actors(conn: Connection, clause: str, params: list[Any],
                  change: tuple[Counter, Counter] | None = None) -> None:
    """Each actor (of those `clause` keeps) with its names and what it did: counted over the
    tables just written, or, with `change`, its row's counts changed by what the changed
    groups added to them before and add now."""
    names: dict[int, list[str]] = {}
    forms: dict[int, list[tuple[str, str, int]]] = {}
    for actor, form, name, seen in conn.execute(f"SELECT actor, form, name, seen FROM actor_names WHERE {clause} "
                                                f"ORDER BY seen DESC, name", params):
        names.setdefault(actor, []).append(name)
        forms.setdefault(actor, []).append((form, name, seen))
    counts: dict[tuple[int, str], int] = {}
    if change is None:
        for actor, role, n in conn.execute(f"SELECT actor, role, count(DISTINCT event) FROM linked_event_actors "
                                           f"WHERE actor IS NOT NULL AND {clause} GROUP BY actor, role", params):
            counts[(actor, role)] = n
        for actor, n in conn.execute(f"SELECT actor, count(*) FROM claims WHERE actor IS NOT NULL AND {clause} "
                                     f"GROUP BY actor", params):
            counts[(actor, "claims")] = n
    else:
        before, after = change
        for actor, *done in conn.execute(f"SELECT actor, as_actor, as_target, claims FROM actor_summary "
                                         f"WHERE {clause}", params).fetchall():
            counts.update(zip([(actor, "actor"), (actor, "target"), (actor, "claims")], done))
        for kind, actor, what in {*before, *after}:
            if kind == "actor":
                counts[(actor, what)] = counts.get((actor, what), 0) + after[kind, actor, what] \
                    - before[kind, actor, what]
    rows = []
    for actor, name, type in conn.execute(f"SELECT id, name, type FROM actors WHERE {clause.replace('actor', 'id')}",
                                          params).fetchall():
        name = _shown_name(type, forms.get(actor, [])) or name
        aliases = list(dict.fromkeys([name, *names.get(actor, [])]))
        rows.append((actor, name, type, json.dumps(aliases, ensure_ascii=False), counts.get((actor, "actor"), 0),
                     counts.get((actor, "target"), 0), counts.get((actor, "claims"), 0),
                     "\n" + "\n".join(aliases).lower() + "\n"))
    conn.execute(f"DELETE FROM actor_summary WHERE {clause}", params)
    conn.executemany("INSERT INTO actor_summary (actor, name, type, aliases, as_actor, as_target, claims, words) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _shown_name(type: str | None, forms: list[tuple[str, str, int]]) -> str | None:
    """The name an actor is shown by, of its forms (folded form, barest writing, times
    seen: corpus/actors.py): a person's fullest ("Bashar al-Assad", not "Assad"), the one
    seen most between two as full; a body's, a group's or a place's most seen ("Iran", not
    "Islamic Republic of Iran"; "United Nations", not "United Nations Charter"), the
    fuller between two seen as often. What the forms are and how often each was seen, not
    the order the articles came in, names it."""
    def words(form: str) -> int:
        return len(form.split())
    if type == "PERSON":
        ranked = sorted(forms, key=lambda f: (-words(f[0]), -f[2], len(f[1]), f[1]))
    else:
        ranked = sorted(forms, key=lambda f: (-f[2], -words(f[0]), len(f[1]), f[1]))
    return ranked[0][1] if ranked else None


def _items(conn: Connection, names: list[str] | None,
           worded: dict[str, dict[str, tuple[int, str]]] | None = None) -> None:
    """Each item of these groups (every group: None) written out as the API gives it, once:
    a page of a list is then its rows' texts put together, with no Python work per item on
    the request's side; and the words of its row in the trigram index. `worded`: the rowid
    and words each row of these groups had before they were written again (`_worded`): a
    row whose words and rowid are as they were keeps its entry of the index, the others'
    entries are replaced (an index of trigrams costs more to change than a row does)."""
    ids = None if names is None else {web_id(n) for n in names}
    for table, out in ITEMS.items():
        column, values = ("grp", None if names is None else set(names)) if table == "contradictions" else ("id", ids)
        for clause, params in _within(column, values):
            rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table} WHERE {clause}", params)]
            for chunk in _chunks(rows):
                conn.executemany("INSERT INTO corpus_items (id, item) VALUES (?, ?)",
                                 [(item["id"], _encoded(item)) for item in out(conn, chunk)])
    for words, table, columns in WORDS if conn.dialect.word_tables else ():
        if worded is None:
            for clause, params in _within("id", ids):
                conn.execute(f"INSERT INTO {words} (rowid, {columns}) SELECT rowid, {columns} FROM {table} "
                             f"WHERE {clause}", params)
            continue
        before = worded.get(table, {})
        now = {id: (rowid, text) for clause, params in _within("id", ids) for id, rowid, text in conn.execute(
            f"SELECT id, rowid, {columns} FROM {table} WHERE {clause}", params)}
        gone = sorted(rowid for id, (rowid, text) in before.items() if now.get(id) != (rowid, text))
        for chunk in _chunks(gone):
            conn.execute(f"DELETE FROM {words} WHERE rowid IN ({_marks(chunk)})", chunk)
        conn.executemany(f"INSERT INTO {words} (rowid, {columns}) VALUES (?, ?)",
                         sorted(row for id, row in now.items() if before.get(id) != row))


# -- reading --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Published:
    """When the views were written, and whether linking has moved on since."""

    at: str | None
    stale: bool


def published(conn: Connection) -> Published:
    row = conn.execute("SELECT stamp, published_at FROM links_published WHERE id = 1").fetchone()
    return Published(row[1] if row else None, row is None or row[0] != stamp(conn) or pending(conn))


def _words(where: Where, index: str, column: str, text: str | None, fallback: str) -> None:
    """Rows whose `column` holds the text, ignoring case, every character literal, found
    through the table's trigram index: a phrase of a trigram index matches a substring (a
    LIKE with an ESCAPE would not reach the index); a text too short for it, by `fallback`."""
    if not text:
        return
    if len(text) < TRIGRAM or not where.dialect.word_tables:  # PostgreSQL: pg_trgm serves ILIKE
        where.contains((fallback,), text)
        return
    where.clauses.append(f"{MEMBER}rowid IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)")
    where.params.append(_phrase(column, text))


def _phrase(column: str, text: str) -> str:
    """An FTS5 query for the text as a substring of one column (a quoted phrase, its quotes doubled)."""
    return f'{column} : "{text.replace(chr(34), chr(34) * 2)}"'



_TOTALS: dict[tuple, int] = {}
MAX_TOTALS = 4096  # totals remembered, of every store this process reads


def _total(conn: Connection, table: str, sql: str, params: list[Any]) -> int:
    """How many rows a filter finds, counted once per publication of the views (inside the
    caller's read transaction): paging through a list, the same filters at other offsets,
    does not count them again, and a new publication (its stamp) starts afresh."""
    path = conn.dialect.store_name(conn)
    at = tuple(conn.execute("SELECT stamp, published_at FROM links_published WHERE id = 1").fetchone() or ())
    key = (path, at, table, sql, tuple(params))
    total = _TOTALS.get(key)
    if total is None:
        total = conn.execute(f"SELECT count(*) FROM {table}{sql}", params).fetchone()[0]
        if len(_TOTALS) >= MAX_TOTALS:
            _TOTALS.clear()
        _TOTALS[key] = total
    return total


def _page(conn: Connection, table: str, where: Where, order: str, limit: int, offset: int,
          decode: bool) -> Listing:
    """queries.page, with each set a filter finds (rows with these words, events with these
    actors) used as its size asks: a few hundred rows are fetched and sorted; of thousands,
    the order's index is walked and each row tested until the page is full (`+` keeps
    SQLite from fetching the whole set by key). The items come as the texts the tables keep
    (`encoded`), and decoded unless `decode` is false (the API sends the texts)."""
    conn.execute(conn.dialect.begin_read)
    try:
        sql = where.sql()
        total = _total(conn, table, sql.replace(MEMBER, ""), where.params)
        walk = conn.dialect.walk if total > DENSE else ""
        # past the last row (none at all, often) there is nothing to walk the index for
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM {table}{sql.replace(MEMBER, walk)} ORDER BY {order} LIMIT ? OFFSET ?",
            [*where.params, limit, offset])] if offset < total else []
        found = dict(conn.execute(f"SELECT id, item FROM corpus_items WHERE id IN ({', '.join('?' * len(ids))})",
                                  ids).fetchall()) if ids else {}
    finally:
        conn.execute("COMMIT")
    encoded = [found[i] for i in ids]
    return Listing([json.loads(e) for e in encoded] if decode else [], total, limit, offset, encoded)


def _days(where: Where, start_col: str, end_col: str, date_from: str | None, date_to: str | None) -> None:
    """Items whose days lie wholly inside the range (columns hold whole days, so plain
    comparisons that an index can serve); undated items drop out."""
    if date_from:
        where.clauses.append(f"{start_col} >= ?")
        where.params.append(date_start(date_from))
    if date_to:
        where.clauses.append(f"{end_col} <> '' AND {end_col} <= ?")  # NULL and '': undated
        where.params.append(date_end(date_to))


def _actor_clause(conn: Connection, where: Where, text: str | None) -> None:
    """Linked events with an actor or target any of whose names holds the text, or with a
    name that does (a description such as "the army" has no actor); the text is looked
    for in the distinct names, the events found through the index of names."""
    if not text:
        return
    ids = actors_named(conn, text)
    also = f" OR actor IN ({', '.join('?' * len(ids))})" if ids else ""
    where.clauses.append(f"{MEMBER}id IN (SELECT event FROM linked_event_actors WHERE name IN (SELECT name FROM "
                         f"linked_event_names WHERE {conn.dialect.instr('lower(name)', 'lower(?)')} > 0{also}))")
    where.params.extend([text, *ids])


def linked_events(conn: Connection, *, type: str | None = None, factuality: str | None = None,
                  actor: str | None = None, actor_id: int | None = None, role: str | None = None,
                  place: str | None = None, country: str | None = None, bbox: BBox | None = None,
                  date_from: str | None = None, date_to: str | None = None, source: str | None = None,
                  q: str | None = None, background: bool | None = None, located: bool = False,
                  limit: int = DEFAULT_LIMIT, offset: int = 0, decode: bool = True) -> Listing:
    """Linked events newest first, each with its reports, actors and targets."""
    where = Where(conn.dialect)
    where.equals("type", type)
    where.equals("factuality", factuality)
    _actor_clause(conn, where, actor)
    if actor_id is not None:
        where.clauses.append("id IN (SELECT event FROM linked_event_actors WHERE actor = ?"
                             + (" AND role = ?)" if role else ")"))
        where.params.extend([actor_id, role] if role else [actor_id])
    where.contains(("places",), place)
    where.equals("country", country.upper() if country else None)  # codes are kept upper-case: the index serves
    where.within("latitude", "longitude", bbox)
    # a dated event's day is its first day (an index column); an undated one has no date_end
    _days(where, "day", "date_end", date_from, date_to)
    if date_from and not date_to:
        where.clauses.append("date_end IS NOT NULL")
    where.contains(("sources",), source)  # in the index that lists are walked along
    _words(where, "linked_event_words", "words", q, "words")
    if background is not None:
        where.clauses.append("background = ?")
        where.params.append(int(background))
    if located:
        where.clauses.append("latitude IS NOT NULL")
    return _page(conn, "linked_events", where, "day DESC, id DESC", limit, offset, decode)


def linked_event(conn: Connection, id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT c.item FROM linked_events t JOIN corpus_items c ON c.id = t.id WHERE t.id = ?",
                       (id,)).fetchone()
    return json.loads(row[0]) if row else None


def _first(r: dict[str, Any]) -> dict[str, Any]:
    return {"document": r["first_document"], "doc": r["first_doc"], "published": r["first_published"]}


def _children(conn: Connection, table: str, column: str, ids: list[str], order: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {i: [] for i in ids}
    if ids:
        for row in conn.execute(f"SELECT * FROM {table} WHERE {column} IN ({', '.join('?' * len(ids))}) "
                                f"ORDER BY {column}, {order}", ids):
            out[row[column]].append(dict(row))
    return out


def _events_out(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [r["id"] for r in rows]
    reports = _children(conn, "linked_event_reports", "event", ids, "position")
    actors = _children(conn, "linked_event_actors", "event", ids, "role, name")
    out = []
    for r in rows:
        named = {(a["role"], a["name"]): a["actor"] for a in actors[r["id"]]}

        def parties(role: str, names: str | None) -> list[dict[str, Any]]:
            return [{"name": n, "actor": named.get((role, n))} for n in (names.split("; ") if names else [])]

        out.append({
            "id": r["id"], "type": r["type"], "mode": r["mode"],
            "date": {"start": r["date_start"], "end": r["date_end"]} if r["date_start"] else None,
            "day": r["day"] or None, "factuality": r["factuality"],
            "place": {"name": r["place"], "country": r["country"], "lat": r["latitude"], "lon": r["longitude"],
                      "precision": r["precision"]} if r["place"] else None,
            "country": r["country"], "places": json.loads(r["places"]),
            "actors": parties("actor", r["actors"]), "targets": parties("target", r["targets"]),
            "report_count": r["reports"], "outlet_count": r["outlets"],
            "outlets": r["sources"].split("; ") if r["sources"] else [],
            "first_reported": _first(r),
            "background": bool(r["background"]),
            "reports": [{"document": p["document"], "doc": p["doc"], "event": p["item"], "source": p["source"],
                         "published": p["published"], "factuality": p["factuality"],
                         "attributed_to": {"statement": p["statement"], "speaker": p["speaker"]}
                         if p["statement"] else None, "sentence": sentence_link(p["doc"], p["item"])}
                        for p in reports[r["id"]]],
        })
    return out


def claims(conn: Connection, *, actor: str | None = None, actor_id: int | None = None,
           status: str | None = None, stance: str | None = None, date_from: str | None = None,
           date_to: str | None = None, source: str | None = None, q: str | None = None,
           track_kind: str | None = None, track_name: str | None = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0, decode: bool = True) -> Listing:
    """Claims newest first (by their first report), each with every report and its history;
    `track_kind` and `track_name` choose the claims a row of the track record counts."""
    where = Where(conn.dialect)
    if actor:  # the speaker's name holds the text, or the speaker is an actor one of whose names does
        found = actors_named(conn, actor)
        also = f" OR actor IN ({', '.join('?' * len(found))})" if found else ""
        # looked for among the few thousand speakers, the claims found through the index of speakers
        where.clauses.append(f"{MEMBER}speaker IN (SELECT speaker FROM claim_speakers "
                             f"WHERE speaker {conn.dialect.like} ? ESCAPE '\\'{also})")
        where.params.extend([like_pattern(actor), *found])
    if actor_id is not None:
        where.clauses.append("actor = ?")
        where.params.append(actor_id)
    where.equals("status", status)
    where.equals("stance", stance)
    _days(where, "day", "day", date_from, date_to)
    where.contains(("sources",), source)
    _words(where, "claim_words", "words", q, "words")
    if track_kind == "speaker" and track_name is not None:
        where.clauses.append("speaker = ?")
        where.params.append(track_name)
    elif track_kind == "source" and track_name is not None:
        # links.md: an outlet is charged with a claim it reported before the claim's fate
        # was first known (its `settled` day); a report without a day, only with open claims
        where.clauses.append("id IN (SELECT r.claim FROM claim_reports r JOIN claims s ON s.id = r.claim "
                             "WHERE r.source = ? AND (s.settled IS NULL OR r.published < s.settled))")
        where.params.append(track_name)
    return _page(conn, "claims", where, "day DESC, id DESC", limit, offset, decode)


def claim(conn: Connection, id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT c.item FROM claims t JOIN corpus_items c ON c.id = t.id WHERE t.id = ?",
                       (id,)).fetchone()
    return json.loads(row[0]) if row else None


def _claims_out(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    reports = _children(conn, "claim_reports", "claim", [r["id"] for r in rows], "position")
    out = []
    for r in rows:
        history = json.loads(r["history"])
        for h in history:
            for ev in h["evidence"]:
                ev["sentence"] = sentence_link(ev["doc"], ev["item"])
        out.append({
            "id": r["id"], "speaker": {"name": r["speaker"], "type": r["speaker_type"], "actor": r["actor"]},
            "stance": r["stance"], "content": r["content"], "status": r["status"], "status_date": r["status_date"],
            "report_count": r["reports"], "outlet_count": r["outlets"],
            "outlets": r["sources"].split("; ") if r["sources"] else [],
            "first_reported": _first(r),
            "reports": [{"document": p["document"], "doc": p["doc"], "statement": p["statement"], "source": p["source"],
                         "published": p["published"], "sentence": sentence_link(p["doc"], p["statement"])}
                        for p in reports[r["id"]]],
            "history": history,
        })
    return out


def contradictions(conn: Connection, *, kind: str | None = None, actor: str | None = None,
                   place: str | None = None, country: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, source: str | None = None, q: str | None = None,
                   limit: int = DEFAULT_LIMIT, offset: int = 0, decode: bool = True) -> Listing:
    """Contradictions newest first (by their earliest report), each with its sides."""
    where = Where(conn.dialect)
    where.equals("kind", kind)
    if actor:
        inner = Where(conn.dialect)
        _actor_clause(conn, inner, actor)
        where.clauses.append(f"event IN (SELECT id FROM linked_events{inner.sql()})")
        where.params.extend(inner.params)
    where.contains(("place",), place)
    where.equals("country", country.upper() if country else None)
    _days(where, "day", "day", date_from, date_to)
    where.contains(("sources",), source)
    where.contains(("words",), q)
    return _page(conn, "contradictions", where, "day DESC, id DESC", limit, offset, decode)


def contradiction(conn: Connection, id: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT c.item FROM contradictions t JOIN corpus_items c ON c.id = t.id WHERE t.id = ?",
                       (id,)).fetchone()
    return json.loads(row[0]) if row else None


def _contradictions_out(conn: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items = _children(conn, "contradiction_items", "contradiction", [r["id"] for r in rows], "side, n")
    out = []
    for r in rows:
        sides: list[dict[str, Any]] = []
        for i in items[r["id"]]:
            if i["side"] >= len(sides):
                sides.append({"position": i["position"], "items": []})
            sides[-1]["items"].append({"document": i["document"], "doc": i["doc"], "item": i["item"],
                                       "source": i["source"], "published": i["published"],
                                       "sentence": sentence_link(i["doc"], i["item"])})
        out.append({"id": r["id"], "kind": r["kind"], "about": r["about"], "event": r["event"], "place": r["place"],
                    "country": r["country"], "day": r["day"] or None,
                    "outlets": r["sources"].split("; ") if r["sources"] else [], "sides": sides})
    return out


TRACK_ORDER = ("claims", "confirmed", "refuted", "open", "name")


def track_record(conn: Connection, *, kind: str | None = None, name: str | None = None,
                 sort: str = "claims", descending: bool = True, limit: int = DEFAULT_LIMIT,
                 offset: int = 0) -> Listing:
    """Per speaker and per outlet: claims, confirmed, refuted, open."""
    if sort not in TRACK_ORDER:
        raise ValueError(sort)
    where = Where(conn.dialect)
    where.equals("kind", kind)
    where.contains(("name",), name)
    direction = " DESC" if descending else ""
    order = f"{sort}{direction}, kind, name" if sort != "name" else f"name{direction}, kind"
    return page(conn, "track_record", "kind, name, actor, claims, confirmed, refuted, open", where, order,
                limit, offset)


def track_row(conn: Connection, kind: str, name: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT kind, name, actor, claims, confirmed, refuted, open FROM track_record "
                       "WHERE kind = ? AND name = ?", (kind, name)).fetchone()
    return dict(row) if row else None


def actors(conn: Connection, *, name: str | None = None, type: str | None = None,
           limit: int = DEFAULT_LIMIT, offset: int = 0) -> Listing:
    """Actors, the most active first, each with every name seen."""
    where = Where(conn.dialect)
    if name:
        where.clauses.append(f"{conn.dialect.instr('words', 'lower(?)')} > 0")
        where.params.append(name)
    where.equals("type", type)
    listing = page(conn, "actor_summary", "*", where, "as_actor + as_target + claims DESC, name, actor", limit, offset)
    return Listing([_actor_out(r) for r in listing.items], listing.total, listing.limit, listing.offset)


def actor(conn: Connection, id: int) -> dict[str, Any] | None:
    row = conn.execute("SELECT * FROM actor_summary WHERE actor = ?", (id,)).fetchone()
    return _actor_out(dict(row)) if row else None


def _actor_out(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["actor"], "name": r["name"], "type": r["type"], "aliases": json.loads(r["aliases"]),
            "as_actor": r["as_actor"], "as_target": r["as_target"], "claims": r["claims"]}


def linked_event_of(conn: Connection, doc: str, item: str) -> str | None:
    """The linked event an event mention is a report of."""
    row = conn.execute("SELECT event FROM linked_event_reports WHERE doc = ? AND item = ?", (doc, item)).fetchone()
    return row[0] if row else None


def totals(conn: Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("linked_events", "claims", "contradictions", "actor_summary", "track_record")}


_ITEM_TABLES = {"S": "statements", "V": "events", "F": "figures"}


def sentences(conn: Connection, refs: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The sentence each item (doc key, S/V/F id) is told in, with its article's outlet,
    day and title: what the story pages show beside a link to the article."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for doc, item in dict.fromkeys(refs):
        table = _ITEM_TABLES.get(item[:1])
        if table is None:
            continue
        row = conn.execute(
            f"SELECT substr(d.text, x.sentence_start + 1, x.sentence_end - x.sentence_start) AS sentence, d.source, "
            f"d.published, d.title FROM {table} x JOIN documents d ON d.key = x.doc WHERE x.doc = ? AND x.id = ?",
            (doc, item)).fetchone()
        if row is not None:
            out[(doc, item)] = dict(row)
    return out
