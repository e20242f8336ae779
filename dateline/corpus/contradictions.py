"""Where reports disagree, as ../shared/contract/links.md defines it, one contradiction
per disagreement, each with its sides and the items that hold them.

- `denial`: a linked event that a statement denies (compare.denies: "denied that ...",
  "condemned rumours that ...", "said the rebels had not entered") while other reports
  assert or claim it. One side is the denying statements with the
  denied mentions, the other the mentions that assert or claim it. It takes precedence:
  no `factuality` contradiction is made of the same event besides it.
  A denial of what was said ("Iran denied the accusation", items.Reader._answered) is a
  `denial` of the claim it answers: one side the denying statement, the other the
  statement it answers with the events that statement tells. A denial of what no event
  tells is one of the sayings of others that put it forward in its words
  (claims.denies_alike).
- `factuality`: a linked event asserted by some reports and only claimed in others (links.md
  also allows "only possible"; see `of_event` for why those are left out).
- `detail`: a linked event whose reports name weapons it cannot have been done with both:
  one used from afar and one at hand (data/corpus/weapons.tsv: "a drone strike" and
  "shot dead"; not "an airstrike" and "a drone strike"); or whose reports count one of
  its details otherwise, each in another article or from another source (details.py:
  "about 30 gunmen" and "more than 100 attackers", "two missiles" and "a single
  missile", "60 nautical miles southwest of Hodeidah" and "about 75"), as figures
  disagree (figures.disagree: "at least", ranges and vague counts respected).
  A happening that went on may also be told to have begun on other days ("the fighting
  began on Sunday", "the clashes broke out on Monday": items.Reader._began), which
  contradict each other as any two days do.
- `figure`: a count (figures.py) whose figures cannot all be true (figures.apart: of one
  group, they disagree; "19 civilians" outnumber "12 people"); each side holds the
  figures that agree with each other, every figure kept.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..store.links import Ref
from .compare import denies, done_by, told_by_doer
from .figures import apart, bounds, disagree
from .items import START_DAY
from .names import Names

Member = tuple[Ref, dict[str, Any]]


def _ref(ref: Ref) -> list[str]:
    return [ref[0], ref[1]]


def of_event(members: list[Member], reach: dict[str, str], tolerance: float, names: Names) -> list[dict[str, Any]]:
    """The contradictions of one linked event; `reach`: how far each weapon is used from
    (afar, at-hand); `tolerance`: the slack of counts that are approximations."""
    out = []
    # a promise told by the act's own word ("30 rebels would be released") tells the act to
    # come, not that it was done, nor how (items.py `coming`): no side of a dispute of it
    members = [(ref, e) for ref, e in members if not e.get("coming")]
    if not members:
        return out
    denied = [(ref, e) for ref, e in members if denies(e)]
    put = [(ref, e) for ref, e in members if e["factuality"] in ("asserted", "claimed")]
    if denied and all(told_by_doer(d, names) for _, d in denied) \
            and not any(done_by(e, d, names) for _, e in put for _, d in denied):
        # a denial of the speaker's own doing ("the militia denied any part in the killings")
        # disputes who did it, not that it was done: it is disputed when some report names it
        # as the doer, or a description that may be it (as only such a report refutes it:
        # lifecycle.py), not by reports of the act alone
        denied = []
    first = members[0][1]
    about = _about_event(first)
    if denied and put:
        deniers = []
        for ref, e in denied:
            deniers += [_ref((ref[0], e["statement"])), _ref(ref)]
        out.append({"kind": "denial", "about": about, "sides": [
            {"position": "denied", "items": deniers},
            {"position": "reported", "items": [_ref(ref) for ref, _ in put]}]})
    else:
        asserted = [_ref(ref) for ref, e in members if e["factuality"] == "asserted"]
        # "possible" reports are left out: on the tuning half they were announced or hoped-for
        # acts linked to the act itself far more often than doubts about a done one.
        # Reports that disagree are of articles that disagree: one that tells the act as
        # fact and also cites someone's claim of it ("the army said the fighters attacked
        # the post ... the group claimed responsibility and said its men had killed 20")
        # has no doubt of it, so the claims on the other side are those of articles that
        # only claim it (on the invented stories, the nine whose claims all came from
        # asserting articles were none of the annotators')
        asserting = {doc for doc, _ in asserted}
        claimed = [_ref(ref) for ref, e in members if e["factuality"] == "claimed" and ref[0] not in asserting]
        if asserted and claimed:
            out.append({"kind": "factuality", "about": about, "sides": [
                {"position": "asserted", "items": asserted}, {"position": "claimed", "items": claimed}]})
    modes: dict[str, list[list[str]]] = {}
    for ref, e in members:
        if e.get("mode") in reach:
            modes.setdefault(e["mode"], []).append(_ref(ref))
    if len({reach[mode] for mode in modes}) > 1:
        out.append({"kind": "detail", "about": f"{about}: the weapon", "sides": [
            {"position": mode, "items": refs} for mode, refs in sorted(modes.items())]})
    counts: dict[str, list[tuple[Ref, dict[str, Any]]]] = {}
    for ref, e in members:
        for count in e.get("details", []):  # items of a store linked before details: none
            # its source: the saying it is told in ("an army officer told Meridian that the
            # attackers had come with more than 100 vehicles"), which its side names beside
            # the mention, else the mention's
            said = count.get("statement") or e.get("statement")
            counts.setdefault(count["detail"], []).append((ref, {**count, "source": (ref[0], said)}))
    for detail, told in sorted(counts.items()):
        # one source may give two counts (the rockets fired and those that hit): two sources
        # disagree when no count of one may be one of the other's
        by_source: dict[tuple, list[dict[str, Any]]] = {}
        for _, count in told:
            by_source.setdefault(count["source"], []).append(count)

        # a day is one day or another: "began on Sunday" and "began on Monday", however near
        differ = (lambda x, y: x["value"] != y["value"]) if detail == START_DAY \
            else (lambda x, y: disagree(x, y, tolerance))

        def sources_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
            return a["source"] != b["source"] and all(
                differ(x, y) for x in by_source[a["source"]] for y in by_source[b["source"]])

        sides = _sides(told, sources_apart)
        if len(sides) > 1:
            out.append({"kind": "detail", "about": f"{about}: {_detail_words(detail)}", "sides": [
                {"position": " / ".join(dict.fromkeys(c["text"] for _, c in side)),
                 "items": [list(x) for x in dict.fromkeys(tuple(x) for r, c in side for x in _told(r, c))]}
                for side in sides]})
    return out


def _detail_words(detail: str) -> str:
    """What a detail contradiction is about, in words: "how many attackers", "how far from
    hodeidah", "the day it began"."""
    if detail == START_DAY:
        return "the day it began"
    if detail.startswith("distance"):
        return detail.replace("distance", "how far", 1)
    return f"how many {detail}"


def _told(ref: Ref, count: dict[str, Any]) -> list[list[str]]:
    """The items that tell a count: the saying it is told in, if any, and the mention it counts for."""
    said = count["source"][1]
    return ([[ref[0], said]] if said else []) + [_ref(ref)]


def _sides(members: list[tuple[Ref, dict[str, Any]]], apart: Callable[[dict[str, Any], dict[str, Any]], bool]
           ) -> list[list[tuple[Ref, dict[str, Any]]]]:
    """The sides of counts that cannot all be true, in the order of their bounds: each
    side holds counts no two of which are `apart`; a count apart from none takes no side
    (a toll counted days later that has grown past both of the first day's disputed
    counts: "rose to 32"). One side only when nothing disagrees."""
    known = sorted(((bounds(c), ref, c) for ref, c in members if bounds(c) is not None), key=lambda t: (t[0], t[1]))
    known = [(b, ref, c) for b, ref, c in known if any(apart(c, other) for _, _, other in known)]
    sides: list[list[tuple[Ref, dict[str, Any]]]] = []
    for _, ref, count in known:
        for side in sides:
            if not any(apart(count, other) for _, other in side):
                side.append((ref, count))
                break
        else:
            sides.append([(ref, count)])
    return sides


def of_claim(members: list[Member], item: Callable[[Ref], tuple[str, str, dict[str, Any]] | None],
             said: list[Member] = ()) -> list[dict[str, Any]]:
    """The denials a claim's statements make of what others said before them in their
    article ("the accusation", "the claim from Berlin"), and of what others put forward in
    the words it denies (`said`: claims.denies_alike, "denied that the state had paid a
    ransom" and "the government had paid a ransom"); `item` finds a stored item."""
    out, seen = [], set()
    if said:
        first = members[0][1]
        out.append({"kind": "denial", "about": f"{(first.get('speaker') or {}).get('name') or 'someone'} denied: "
                                               f"{first['content'][:80]}", "sides": [
            {"position": "denied", "items": [_ref(ref) for ref, s in members if s.get("stance") == "deny"]},
            {"position": "reported", "items": [r for ref, s in said
                                                for r in [_ref(ref)] + [_ref((ref[0], e)) for e in s.get("events", [])]]}]})
    for ref, statement in members:
        answered = (ref[0], statement["answers"]) if statement.get("answers") else None
        found = item(answered) if answered and answered not in seen else None
        if found is None:
            continue
        seen.add(answered)
        said = found[2]
        who = (said.get("speaker") or {}).get("name") or "someone"
        out.append({"kind": "denial", "about": f"{who}: {said['content'][:80]}", "sides": [
            {"position": "denied", "items": [_ref(ref)]},
            {"position": "reported", "items": [_ref(answered)] + [_ref((ref[0], e)) for e in said.get("events", [])]}]})
    return out


def of_count(members: list[Member], tolerance: float) -> list[dict[str, Any]]:
    """The contradiction of one count, if its figures cannot all be true (figures.apart):
    sides of figures that agree. Two figures of other groups, joined in one count by a
    third that may be either ("two Tajik border guards", "four Kyrgyz border guards", "six
    guards"), do not dispute each other, nor do two a writer gives in one article."""
    sides = _sides(members, lambda a, b: apart(a, b, tolerance))
    if len(sides) < 2:
        return []
    first = members[0][1]
    place = first["places"][0]["name"] if first["places"] else "unknown place"
    about = f"{first['category']}, {place}, {first['lo'] or 'undated'}"
    return [{"kind": "figure", "about": about, "sides": [
        {"position": " / ".join(dict.fromkeys(f["text"] for _, f in side)), "items": [_ref(r) for r, _ in side]}
        for side in sides]}]


def _about_event(event: dict[str, Any]) -> str:
    place = event["places"][0]["name"] if event["places"] else None
    actor = event["actors"][0]["name"] if event["actors"] else None
    words = [event["type"].lower(), event["trigger"]]
    if actor:
        words.append(f"by {actor}")
    if place:
        words.append(f"in {place}")
    return " ".join(words)
