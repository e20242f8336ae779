"""A readable account of a record: who said what, what happened, how many, where and when."""
from __future__ import annotations

import textwrap
from typing import Any

WIDTH = 100


def _clip(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bare(name: str) -> str:
    name = name.lower()
    for article in ("the ", "a ", "an "):
        name = name.removeprefix(article)
    return name


def summarise(record: dict[str, Any]) -> str:
    doc = record["document"]
    entities = {e["id"]: e for e in record.get("entities", [])}
    lines = []
    head = [f"document {doc['id']}"]
    for label, key in (("dateline", "dateline"), ("published", "published"), ("language", "language"),
                       ("source", "source")):
        if doc.get(key):
            head.append(f"{label} {doc[key]}")
    lines.append(" · ".join(head))
    counts = ", ".join(f"{len(record.get(layer, []))} {layer}" for layer in
                       ("entities", "statements", "events", "figures", "places", "times"))
    lines.append(counts)
    statements = record.get("statements", [])
    if not statements:
        lines.append("\nNo attributed statements found.")
    else:
        lines.append("\nWho said what")
        lines += _statements(statements, entities)
    if record.get("events"):
        lines.append("\nWhat happened")
        lines += _events(record, entities)
    if record.get("figures"):
        lines.append("\nHow many")
        lines += _figures(record["figures"], statements, entities)
    if record.get("places"):
        lines.append("\nWhere")
        lines += [f"  {p['id']:>4}  {p['name']} ({p['kind']}{', ' + p['country'] if p.get('country') else ''}) "
                  f"{_point(p)} ×{len(p['mentions'])}" for p in record["places"]]
    if record.get("times"):
        lines.append("\nWhen")
        lines += [f"  {t['id']:>4}  {_clip(t['text'], 60)} → {t['value'] or '(no value)'} [{t['type']}]"
                  for t in record["times"]]
    return "\n".join(lines)


def _point(place: dict[str, Any]) -> str:
    if place.get("lat") is None:
        return "(no point)"
    return f"{place['lat']:.3f}, {place['lon']:.3f}"


def _events(record: dict[str, Any], entities: dict[str, Any]) -> list[str]:
    places = {p["id"]: p["name"] for p in record.get("places", [])}
    out = []
    for e in record["events"]:
        kind = e["type"] + (f"/{e['mode']}" if e.get("mode") else "")
        who = ", ".join(entities[a]["name"] for a in e["actors"] if a in entities) or "?"
        whom = ", ".join(entities[t]["name"] for t in e["targets"] if t in entities)
        where = ", ".join(places[p] for p in e["places"] if p in places)
        parts = [f"  {e['id']:>4}  {kind} [{e['factuality']}] “{_clip(e['trigger']['text'], 50)}” by {who}"]
        if whom:
            parts.append(f" → {whom}")
        if where:
            parts.append(f" in {where}")
        if e.get("attributed_to"):
            parts.append(f" — per {e['attributed_to']}")
        out.append("".join(parts))
    return out


def _speaker_name(st: dict[str, Any], entities: dict[str, Any]) -> str:
    ent = entities.get(st["speaker"].get("entity"))
    return ent["name"] if ent else (st["speaker"].get("text") or "(unnamed)")


def _figures(figures: list[dict[str, Any]], statements: list[dict[str, Any]], entities: dict[str, Any]) -> list[str]:
    by_id = {st["id"]: st for st in statements}
    out = []
    for f in figures:
        if f["value"] is not None:
            amount = f"{f['value']:,}"
        elif f.get("low") is not None and f.get("high") is not None:
            amount = f"{f['low']:,}–{f['high']:,}"
        else:
            amount = f"{f['low']:,}+" if f.get("low") is not None else "?"
        source = by_id.get(f.get("attributed_to") or "")
        said = f" — per {_speaker_name(source, entities)} ({source['id']})" if source else ""
        out.append(f"  {f['id']:>4}  {f['category']} {amount} [{f['qualifier']}] “{_clip(f['text'], 60)}”{said}")
    return out


def _statements(statements: list[dict[str, Any]], entities: dict[str, Any]) -> list[str]:
    lines = []
    for st in statements:
        sp = st["speaker"]
        ent = entities.get(sp.get("entity"))
        who = ent["name"] if ent else (sp.get("text") or "(unnamed)")
        if ent and sp.get("text") and _bare(sp["text"]) != _bare(ent["name"]):
            who = f"{who} (as “{_clip(sp['text'], 60)}”)"
        if ent and ent.get("title"):
            who = f"{who}, {ent['title']}"
        how = f"{st['cue']['text']} [{st['stance']}, {st['kind']}]"
        if st.get("channel"):
            how += f" via {st['channel']}"
        lines.append(f"  {st['id']:>4}  {who} — {how}")
        body = textwrap.fill(f"“{_clip(st['content']['text'])}”", WIDTH, initial_indent=" " * 8,
                             subsequent_indent=" " * 9)
        lines.append(body)
    return lines
