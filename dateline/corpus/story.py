"""A story: the linked events of a links record as a timeline with their sources, the
contradictions still open among them, and the claims with their status. Filters choose
by place (a place name, or the country code), by actor and by period."""
from __future__ import annotations

from typing import Any

from .names import fold


def select(links: dict[str, Any], *, place: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The part of a links record a reader asked for: its events, and the claims and
    contradictions that touch them (all claims when no filter is given)."""
    def day(event: dict[str, Any]) -> str | None:
        return (event.get("date") or {}).get("start") or (event.get("first_reported") or {}).get("published")

    def wanted(event: dict[str, Any]) -> bool:
        if place and not any(_match(place, p["name"]) or (p.get("country") or "").lower() == place.lower()
                             for p in event.get("places", [])):
            return False
        if actor and not any(_match(actor, a) for a in event.get("actors", []) + event.get("targets", [])):
            return False
        when = day(event)
        if since and (when is None or when < since):
            return False
        if until and (when is None or when > until):
            return False
        return True

    order = {e["id"]: n for n, e in enumerate(links["events"])}  # the record's order: first reported first
    events = sorted((e for e in links["events"] if wanted(e)), key=lambda e: (day(e) or "9999", order[e["id"]]))
    chosen = {(r["document"], r["event"]) for e in events for r in e["reports"]}
    attributed = {(r["document"], r["attributed_to"]["statement"]) for e in events for r in e["reports"]
                  if r.get("attributed_to")}
    filtered = any((place, actor, since, until))
    docs = {d for d, _ in chosen}
    claims = [c for c in links["claims"] if not filtered or any(r["document"] in docs for r in c["reports"])]
    if actor:  # the claims of the actor asked for, and those made about its events
        claims = [c for c in claims if _match(actor, c["speaker"]["name"])
                  or any((r["document"], r["statement"]) in attributed for r in c["reports"])]
    contradictions = [x for x in links["contradictions"] if not filtered or any(
        (i["document"], i["item"]) in chosen or i["document"] in docs for side in x["sides"] for i in side["items"])]
    return {"events": events, "claims": claims, "contradictions": contradictions}


def _match(wanted: str, name: str) -> bool:
    return fold(wanted) in fold(name)


SAID_CHARS = 100  # of what a claim says, shown on its line


def first_report(claim: dict[str, Any]) -> dict[str, Any] | None:
    """The report of a claim that reported it first (its `first_reported` document)."""
    first = (claim.get("first_reported") or {}).get("document")
    return next((r for r in claim["reports"] if r["document"] == first), claim["reports"][0] if claim["reports"] else None)


def render(story: dict[str, Any], said: dict[str, str | None] | None = None) -> str:
    """The story as text, for the terminal; `said` gives what each claim (by id) says, as
    its first report has it."""
    lines = ["Timeline"]
    for e in story["events"]:
        when = e.get("date")
        day = f"{when['start']}" + (f"..{when['end']}" if when and when["end"] != when["start"] else "") if when \
            else f"(reported {e['first_reported'].get('published') or 'undated'})"
        where = ", ".join(p["name"] for p in e["places"]) or "unknown place"
        who = ", ".join(e["actors"]) or "unknown actor"
        sources = sorted({r.get("source") or r["document"] for r in e["reports"]})
        lines.append(f"  {day}  {e['id']} {e['type']} by {who} in {where} [{e['factuality']}]; "
                     f"{len(e['reports'])} report(s): {', '.join(sources)}")
    lines.append("Contradictions")
    for x in story["contradictions"]:
        sides = " | ".join(f"{s.get('position', '')} ({len(s['items'])})" for s in x["sides"])
        lines.append(f"  {x['id']} {x['kind']}: {x['about']}: {sides}")
    lines.append("Claims")
    for c in story["claims"]:
        settled = f", since {c['history'][-1]['date']}" if c.get("history") else ""
        lines.append(f"  {c['id']} {c['speaker']['name']} ({c.get('stance')}): {c['status']}{settled}; "
                     f"{len(c['reports'])} report(s), first {c['first_reported'].get('published') or 'undated'}")
        text = (said or {}).get(c["id"])
        if text:
            lines.append(f"      “{text if len(text) <= SAID_CHARS else text[:SAID_CHARS - 1] + '…'}”")
    return "\n".join(lines)
