"""The links record (../shared/contract/links.md): the store's groups and judgements
written out as linked events, claims, contradictions and track records, every item named
by its document's id and its id in that document's record."""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..record import DATA
from ..store.links import LinkTables, Ref
from .actors import Actors
from .lexicon import Lexicon

SCHEMA_ID = "dateline.links/1"
UNKNOWN = "(unknown)"  # the speaker of a statement whose record names none
Member = tuple[Ref, dict[str, Any]]


@cache
def schema() -> dict[str, Any]:
    return json.loads((DATA / "schema" / "links.schema.json").read_text(encoding="utf-8"))


def validation_errors(links: dict[str, Any]) -> list[str]:
    """Where a links record breaks the contract's schema (empty when it does not)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(schema())
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}"
            for e in sorted(validator.iter_errors(links), key=lambda e: list(e.absolute_path))]


@dataclass(frozen=True)
class Group:
    """One group of the store as the links record tells it: its linked event or claim (a
    count has none) and its contradictions, without the record's ids ("L3", "X2"), which
    count the record's items; and its members and judgement, whose refs name documents by
    their store keys (the record names them by their ids, which two documents may share)."""

    name: str
    kind: str                                  # event | statement | figure
    members: list[Member]                      # first reported first
    judged: dict[str, Any]
    entry: dict[str, Any] | None               # a linked event or a claim, without its "id"
    contradictions: list[dict[str, Any]]       # each without its "id"


class _DocumentIds(dict):
    """Document key -> record id: from the items at hand, else looked up (a claim's
    evidence may be in a document none of the groups being made holds)."""

    def __init__(self, tables: LinkTables):
        super().__init__()
        self.tables = tables

    def __missing__(self, doc: str) -> str:
        self[doc] = self.tables.document_id(doc)
        return self[doc]


def groups(tables: LinkTables, lex: Lexicon, names: Iterable[str] | None = None) -> list[Group]:
    """The named groups that exist (every group of the store when `names` is None), first
    reported first: what the links record (`build`) and the corpus views (publish.py) are
    made of, one group at a time."""
    found: dict[str, list[Member]] = {}
    kinds: dict[str, str] = {}
    doc_ids = _DocumentIds(tables)
    if names is None:
        items = tables.all_items()
    else:
        items = tables.groups_items(names)
    for ref, kind, grp, item in items:
        found.setdefault(grp, []).append((ref, item))
        kinds[grp] = kind
        doc_ids[ref[0]] = item.get("document") or ref[0]
    judged = tables.judgements(None if names is None else found)
    actors = Actors(tables, lex.names)

    def ref(r: list[str] | Ref) -> dict[str, str]:
        return {"document": doc_ids[r[0]], "item": r[1]}

    def order(grp: str) -> tuple[str, str]:
        days = [item["published"] for _, item in found[grp] if item.get("published")]
        return (min(days) if days else "9999", grp)

    out = []
    for grp in sorted(found, key=order):
        members = sorted(found[grp], key=lambda m: (m[1].get("published") or "9999", m[0]))
        kind, judgement = kinds[grp], judged.get(grp, {})
        entry = _event(members, doc_ids) if kind == "event" else \
            _claim(members, judgement, doc_ids, actors, ref) if kind == "statement" else None
        contradictions = [{"kind": x["kind"], "about": x["about"],
                           "sides": [{"position": side["position"], "items": [ref(r) for r in side["items"]]}
                                     for side in x["sides"]]} for x in judgement.get("contradictions", [])]
        out.append(Group(grp, kind, members, judgement, entry, contradictions))
    return out


def build(tables: LinkTables, lex: Lexicon) -> dict[str, Any]:
    """The links record of the whole store."""
    events, claims, contradictions = [], [], []
    for group in groups(tables, lex):
        if group.kind == "event":
            events.append({"id": f"L{len(events) + 1}", **group.entry})
        elif group.kind == "statement":
            claims.append({"id": f"C{len(claims) + 1}", **group.entry})
        for found in group.contradictions:
            contradictions.append({"id": f"X{len(contradictions) + 1}", **found})
    return {"schema": SCHEMA_ID, "events": events, "claims": claims, "contradictions": contradictions,
            "track_record": track_record(claims)}


def _first(members: list[Member], doc_ids: dict[str, str]) -> dict[str, Any]:
    ref, item = members[0]
    return {"document": doc_ids[ref[0]], "published": item.get("published")}


def _told_as(item: dict[str, Any]) -> str:
    """How a report tells the happening: as its record gives it, but a promise told by the
    act's own word ("30 rebels would be released": items.py `coming`), which its record
    gives as an agreement asserted, tells the release as possible."""
    return "possible" if item.get("coming") else item["factuality"]


def _event(members: list[Member], doc_ids: dict[str, str]) -> dict[str, Any]:
    items = [item for _, item in members]
    # what the happening was and when, as the reports of it done tell it, not a promise of
    # it ("30 rebels would be released": items.py `coming`)
    done = [i for i in items if not i.get("coming")] or items
    types = Counter(i["type"] for i in done).most_common()
    modes = Counter(i["mode"] for i in done if i.get("mode")).most_common()
    places: dict[str, dict[str, Any]] = {}
    for i in items:
        for p in i["places"]:
            places.setdefault(str(p.get("geonameid") or p["name"].lower()), {
                "name": p["name"], "lat": p.get("lat"), "lon": p.get("lon"), "country": p.get("country")})
    return {
        "type": types[0][0], "mode": modes[0][0] if modes else None,
        "date": _date(done), "places": list(places.values()),
        "actors": list(dict.fromkeys(a["name"] for i in items for a in i["actors"])),
        "targets": list(dict.fromkeys(t["name"] for i in items for t in i["targets"])),
        "factuality": factuality([_told_as(i) for i in items]),
        "reports": [{"document": doc_ids[r[0]], "event": r[1], "source": i.get("source"),
                     "published": i.get("published"), "factuality": _told_as(i),
                     "attributed_to": {"statement": i["statement"], "speaker": (i.get("speaker") or {}).get("name")}
                     if i.get("statement") else None} for r, i in members],
        "first_reported": _first(members, doc_ids),
    }


def _date(items: list[dict[str, Any]]) -> dict[str, str] | None:
    """As narrow as the reports that date the event allow; None when none does."""
    dated = [tuple(i["when"]) for i in items if i.get("when")]
    if not dated:
        return None
    lo, hi = max(d[0] for d in dated), min(d[1] for d in dated)
    if lo > hi:  # they disagree: the span of them all
        lo, hi = min(d[0] for d in dated), max(d[1] for d in dated)
    return {"start": lo, "end": hi}


def factuality(reports: list[str]) -> str:
    """links.md: disputed, else asserted, else claimed, else denied, else possible."""
    found = set(reports)
    if found & {"asserted", "claimed"} and "denied" in found:
        return "disputed"
    for value in ("asserted", "claimed", "denied"):
        if value in found:
            return value
    return "possible"


def _claim(members: list[Member], judged: dict[str, Any], doc_ids: dict[str, str], actors: Actors,
           ref: Any) -> dict[str, Any]:
    first = members[0][1]
    said = first.get("speaker") or {}
    name = said.get("name")
    return {
        "speaker": {"name": actors.canonical(name, said.get("type")) if name else UNKNOWN, "type": said.get("type")},
        "stance": first.get("stance"),
        "reports": [{"document": doc_ids[r[0]], "statement": r[1], "source": i.get("source"),
                     "published": i.get("published")} for r, i in members],
        "first_reported": _first(members, doc_ids),
        "status": judged.get("status", "open"),
        "history": [{"date": h["date"], "status": h["status"], "evidence": [ref(e) for e in h["evidence"]]}
                    for h in judged.get("history", [])],
    }


def track_record(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per speaker and per outlet: claims made, confirmed, refuted, open (links.md)."""
    rows: dict[tuple[str, str], Counter] = {}
    for claim in claims:
        state = claim["status"]
        if claim["speaker"]["name"] != UNKNOWN:  # no one is charged with what nobody said
            speaker = rows.setdefault(("speaker", claim["speaker"]["name"]), Counter())
            speaker["claims"] += 1
            speaker[state] += 1
        settled = claim["history"][0]["date"] if claim["history"] else None
        outlets = set()
        for report in claim["reports"]:
            if not report.get("source"):
                continue
            day = report.get("published")
            if settled is None or day is not None and day < settled:
                outlets.add(report["source"])
        for outlet in outlets:
            row = rows.setdefault(("source", outlet), Counter())
            row["claims"] += 1
            row[state] += 1
    return [{"kind": kind, "name": name, "claims": c["claims"], "confirmed": c["confirmed"], "refuted": c["refuted"],
             "open": c["open"]} for (kind, name), c in sorted(rows.items())]
