"""What became of a claim: open until a later report confirms or refutes it.

"Later" is a later publication day than the claim's first report: what the same article
tells beside a claim is a contradiction (contradictions.py), not its fate. A later article
may tell both, the claim again and what became of it ("withdrew on Tuesday, a day after
the spokesman said the town was under control"): its report counts as evidence. So does a
report of that day, in the same article or not, whose own words date what it tells after
the day the claim's words say it was made ("the Front said on Monday it would withdraw
from Orsk ... it withdrew on Tuesday"), for what a claim says will happen, denies, or
says holds; not for what it says was done, which a report of what came after it does not
bear out.

- A claim that holds an event mention (a statement whose content the record's event is
  attributed to) follows that linked event. A denial of it ("the army denied that the
  rebels had entered") is refuted by a later report asserting it (a denial of the
  speaker's own doing, "the Front denied any role in the attack", by one that names it as
  the doer or that it tells itself, "its commander acknowledged the bombing"); a claim that puts it
  forward is confirmed by a later report asserting it from another source than the
  claim's speaker (a claim that speaks of a happening told before, "the raid was the work
  of soldiers", by one whose doer its words name: what it puts forward is who did it; and
  refuted by one that names another, told by no party the claim names: "UDD fighters
  carried out the raid", a UN inquiry found), and refuted by a later report by the
  writer that it did not happen.
  A toll ("at least 30 were killed", "87 students are missing") is borne out only by
  another source's later count that agrees, as exact as it, whether or not the claim
  tells the act; an act counted on the way ("police arrested four men"), by the act
  unless a count disputes it; and a count that a later one revises upwards ("four guards
  were killed", then "seven") is refuted by it (`_counts`), unless it was told as the count
  so far ("four guards have been killed so far", "the toll has risen to four":
  data/corpus/running.tsv), which a later count brings up to date.
- A claim that something holds (data/corpus/holding.tsv), and tells no change, has none
  to follow, whatever else it tells ("in full control of the city, and repelled the
  attack": later reports of the attack do not bear it out): a claim of control of a
  place is refuted by a later report of its claimant's withdrawal from it or of its
  taking by another actor, and borne out by another source's report of the claimant
  taking it (the claimant: the speaker, the side a person speaks as, "rebel commander
  Idris Bakri" for the rebels, and those the claim's words say hold it, "the army
  remained in control" said by the defence ministry); a claim that a person is at a
  place, by a later report of that person leaving (a RETREAT whose actor is that person).
- A claim that something will or should happen (a promise, a call, a prediction: an event
  the record gives as `possible`, or that its words tell after "will" or "would": "said the
  centre would reopen on Thursday"; a threat or a promise: a THREATEN or an AGREE the claim
  tells) is confirmed by a later report, within FULFIL_DAYS (however late for what is
  done to a person it names in full: a release), of an act of its kind done
  there after the claim (a claim told of no place: in the countries its article is
  about), by the same actors (and with whom it was promised, when it says:
  "ready to resume cooperation with the agency" is not kept by talks with another) or told
  with the same word or mode ("will withdraw its troops", and a week later "withdrew"):
  not the same happening, which had not happened yet, but its fulfilment (for a promise
  to send, the arrival of what was sent: data/corpus/arrivals.tsv), on or before the day
  the claim's words give it, if they give one still to come (`_due`): "would reopen by
  Friday", and only "reopened on Monday", refutes it, as does a later report, on that day
  or after, that the state the act was to end goes on there ("the crossing remained closed
  on Friday": data/corpus/lasting.tsv, `_unkept`); and refuted by
  a later account that such an act did not happen, on its day or after ("promised that
  schools would reopen on Monday", then "schools did not reopen on Monday"). A promise of a
  happening the record tells as a plain act ("would go ahead with Friday's prisoner
  exchange") is borne out by reports of that happening dated after the promise, and
  refuted by a later account that it did not happen ("the market did not reopen on
  Monday, traders said"), not by a denial of someone's word.
- A claim that people were seized ("his fighters had captured two officers") is borne out
  by their later release or rescue (by the same captors, or of people of the same kind at
  the place), which refutes a denial that they were ("police denied that any officers had
  been captured").
- A denial that something is planned ("denied it plans to invade": a THREATEN the record
  gives as denied), or a refusal ("the army will not withdraw": a REJECT of an act), is
  refuted by the same later act that would have fulfilled a plan or a promise of it.

Each change of status keeps its day (the publication day of the earliest report among
its evidence) and its evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from ..layers.events.doers import ABDUCT
from ..layers.events.stage import COOPERATIVE, THREATENED
from ..store.links import LinkTables, Ref
from ..syntax import singular
from .claims import DAYS as CLAIM_DAYS, TELLING, gist_keys, prospect
from .compare import denies, done_by, meet, own_doing, places_compatible, same_place, where
from .events import apart as countries_apart, same_trigger
from .figures import apart, bounds, disagree, one_group
from .items import COMING, weeks
from .lexicon import Lexicon
from .names import fold, same

Member = tuple[Ref, dict[str, Any]]
# how long after it is made a holding claim is followed: a withdrawal a year later says
# nothing of what was said today (and the index stays bounded by time)
HOLDING_DAYS = 30
# how long after it is made a promise, a call or a prediction is followed: more protests
# foretold in August come in October (on the tuning half, 60 days found two fulfilments
# that 30 missed, and confirmed no claim the gold leaves open)
FULFIL_DAYS = 60
# the families of acts a crowd does, which those who call it do not do themselves
CROWDS = frozenset({"PROTEST"})
# the act that ends an abduction (PLOVER's RETREAT mode)
RELEASE = ("RETREAT", "release")
RESCUE = ("AID", "rescue")  # PLOVER codes a hostage rescue as AID: it also ends the captivity
# the parties of a conflict named only as such ("called on both parties to release
# detainees"): whoever of them does it keeps the call (grammar's closed set)
PARTIES = re.compile(r"^(?:both|all|the two|the)\s+(?:parties|sides)$", re.IGNORECASE)


def holding_keys(statement: dict[str, Any], lex: Lexicon) -> list[str]:
    """The index keys of a holding claim: where it is about (the countries of its places,
    else of its article) and the weeks in which a change would refute it. None for a
    statement that is no holding claim, or has no day."""
    if not statement.get("published") or holds_of(statement, lex) is None \
            or any(e["family"] in lex.changes for e in statement.get("told", [])):
        return []
    countries = sorted({p["country"] for p in statement["places"] if p.get("country")}) \
        or statement.get("area") or [""]
    day = dt.date.fromisoformat(statement["published"])
    during = weeks(day, day + dt.timedelta(days=HOLDING_DAYS))
    # and under no country, where the changes told without a place are
    return sorted({f"{c}|{w}" for c in countries for w in during} | {f"|{w}" for w in during})


def holds_of(statement: dict[str, Any], lex: Lexicon) -> str | None:
    """What a claim says holds (items.py: "control", "presence" or None); for an item kept
    by an older Dateline, which did not store it, read from its words."""
    return statement["holds"] if "holds" in statement else lex.holds(statement["content"])


def change_keys(event: dict[str, Any], lex: Lexicon) -> list[str]:
    """The index keys of a change (a withdrawal, a taking) that may refute a holding claim:
    the countries of its places ("" for none) and the weeks of its days."""
    if event["family"] not in lex.changes or not event.get("lo"):
        return []
    countries = sorted({p["country"] for p in event["places"] if p.get("country")}) or [""]
    during = weeks(dt.date.fromisoformat(event["lo"]), dt.date.fromisoformat(event["hi"]))
    return [f"{c}|{w}" for c in countries for w in during]


def awaiting_keys(statement: dict[str, Any], days: int = 0) -> list[str]:
    """The index keys of what a statement says will or should happen: where (the countries
    of each such act, else of its article; and "" for acts reported with no place), its
    family, and the week it was said in (for a denial, only the plans it denies, which the
    act refutes). With `days`, the weeks from then to `days` after: where the acts that
    fulfil it are looked for (`_later_acts`); the acts look for it the other way round
    (`awaited_keys`)."""
    if not statement.get("published"):
        return []
    awaited = _awaited(statement) + _disowned(statement) + _refused(statement) + _seized(statement)
    if not awaited:
        return []
    day = dt.date.fromisoformat(statement["published"])
    during = weeks(day, day + dt.timedelta(days=days))
    keys = set()
    for act in awaited:
        countries = _countries(where(act)) or statement.get("area") or []
        keys |= {f"{c}|{family}|{w}" for c in [*countries, ""] for family in _families(act) for w in during}
        keys |= {f"person|{family}|{who}" for family in _families(act) for who in _named_people(act)}
    return sorted(keys)


def _named_people(act: dict[str, Any]) -> set[str]:
    """The surnames of the people an act is done to, named in full ("the release of Siamak
    Namazi"): one such act may be called for and done many months apart, and no one else's
    release is theirs (not "the detainees", nor a surname alone)."""
    return {fold(t["name"]).split()[-1] for t in act.get("targets", [])
            if t.get("type") == "PERSON" and len(t["name"].split()) > 1}


def _awaited(statement: dict[str, Any]) -> list[dict[str, Any]]:
    """The acts a statement says will or should happen: those the record gives as
    possible, threats (a hostile act announced by its actor: "we'd strike"), promises
    ("will withdraw", PLOVER's AGREE) and acts its words tell will come (`_coming`)."""
    if statement.get("stance") == "deny":
        return []
    return [e for e in statement.get("told", []) if e["factuality"] == "possible"
            or e["type"] in ("THREATEN", "AGREE") and e["factuality"] != "denied"  # not "had not agreed to"
            or _coming(e, statement)]


def _coming(event: dict[str, Any], statement: dict[str, Any]) -> bool:
    """Whether a saying tells an act as one to come, which the events layer gives as the
    speaker's word ("said the centre would reopen on Thursday"): told right after "will" or
    "would" in the saying's words; not an act it tells beside it ("the crossing, closed since
    the clashes, would reopen": the clashes were)."""
    if event["factuality"] != "asserted" or statement.get("stance") not in (*TELLING, "other") \
            or event.get("start") is None or statement.get("start") is None:
        return False
    before = (statement.get("content") or "")[:max(0, event["start"] - statement["start"])]
    return bool(COMING.search(before))


def _disowned(statement: dict[str, Any]) -> list[dict[str, Any]]:
    """The hostile acts a statement denies being planned or threatened ("Russia denied it
    plans to invade"): the act, when it comes, refutes the denial."""
    return [e for e in statement.get("told", []) if e["type"] == "THREATEN" and e["factuality"] == "denied"]


def _refused(statement: dict[str, Any]) -> list[dict[str, Any]]:
    """The acts a claim says its actor will not do ("the army will not withdraw from Orsk",
    "we will never hold talks with them": a REJECT the record gives as asserted): the act,
    when it comes, refutes the claim."""
    return [e for e in statement.get("told", []) if e.get("refused") and e["factuality"] == "asserted"]


def _seized(statement: dict[str, Any], denied: bool | None = None) -> list[dict[str, Any]]:
    """The abductions a statement tells ("his fighters had captured two officers") or, with
    `denied`, denies ("police denied that any officers had been captured"): the captives'
    release, when it comes, bears the one out and refutes the other (`_released`)."""
    return [e for e in statement.get("told", []) if e.get("mode") == ABDUCT and e["factuality"] != "possible"
            and (denied is None or (e["factuality"] == "denied") == denied)]


def _families(act: dict[str, Any]) -> list[str]:
    """What an act is fulfilled by: its own family; for a threat, the acts its words name
    ("threatened to impose sanctions"), else the hostile acts a threat announces (the
    events layer's THREATENED types); for a promise coded AGREE ("will withdraw", "agreed
    to release"), the acts its words name, else any cooperative act; for a refusal, the
    acts it refuses."""
    if act.get("refused"):
        return act["refused"]
    if act["type"] == "THREATEN":
        return act.get("promised") or sorted({*THREATENED, "ASSAULT-territory"})
    if act["type"] == "AGREE":
        return act.get("promised") or sorted(COOPERATIVE)
    if act.get("mode") == ABDUCT:
        return [act["family"], RELEASE[0], RESCUE[0]]  # and the release or the rescue that ends it
    return [act["family"]]


def fulfilling_keys(event: dict[str, Any], back: int = 0, factuality: str = "asserted") -> list[str]:
    """The index keys of an act that may fulfil what was promised or called for: the
    countries of its places ("" for none), its family and the weeks of its days (asserted
    acts only). With `back`, the weeks from `back` days before its days (or its report,
    if earlier): where it looks for the statements it may fulfil (`awaited_keys`). With
    `factuality` "denied", those of an account that it did not happen (`failing_keys`)."""
    if event["factuality"] != factuality or not event.get("lo"):
        return []
    lo = dt.date.fromisoformat(min(event["lo"], event.get("published") or event["lo"]) if back else event["lo"])
    during = weeks(lo - dt.timedelta(days=back), dt.date.fromisoformat(event["hi"]))
    return [f"{c}|{event['family']}|{w}" for c in _countries(where(event)) or [""] for w in during] \
        + [f"person|{event['family']}|{who}" for who in sorted(_named_people(event))]


def failing_keys(event: dict[str, Any], back: int = 0) -> list[str]:
    """The index keys of an account that an act did not happen ("schools in the town did
    not reopen on Monday", told by the writer or a source), which refutes a promise of it;
    not a denial of someone's word ("the army denied that the road had reopened"). `back`
    as for `fulfilling_keys`."""
    return [] if event.get("stance") == "deny" else fulfilling_keys(event, back, factuality="denied")


def awaited_keys(event: dict[str, Any]) -> list[str]:
    """The keys under which an act, or an account that it did not happen, finds the
    statements it may fulfil or refute, said in the week of one of its days or up to
    FULFIL_DAYS (and a week) before them."""
    return fulfilling_keys(event, FULFIL_DAYS + 7) + failing_keys(event, FULFIL_DAYS + 7)


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _countries(places: list[dict[str, Any]]) -> list[str]:
    return sorted({p["country"] for p in places if p.get("country")})


def evidence_for(tables: LinkTables, events: Iterable[dict[str, Any]], lex: Lexicon) -> set[str]:
    """The claims events may confirm or refute besides those that tell them: the holding
    claims a withdrawal or a taking refutes, the promises and calls an act fulfils, the
    denials of the statements that tell them ("denied the accusation") (the keys of all the
    events looked up at once)."""
    changes: set[str] = set()
    fulfils: set[str] = set()
    answered: set[str] = set()
    for event in events:
        changes.update(change_keys(event, lex))
        fulfils.update(awaited_keys(event))
        answered.update(answered_keys(event))
    found: set[str] = set()
    if changes:
        found |= {grp for _, grp, _ in tables.candidates("holding", changes)}
    if fulfils:
        found |= {grp for _, grp, _ in tables.candidates("awaiting", fulfils)}
    if answered:
        found |= {grp for _, grp, _ in tables.candidates("answering", answered)}
    return found


def denials_met(tables: LinkTables, statements: Iterable[dict[str, Any]], lex: Lexicon) -> set[str]:
    """The claims that deny, in words no event tells, what these sayings put forward
    (claims.gist_keys): judged again when a saying comes or goes, whichever came first."""
    keys = {key for statement in statements
            for kind, key in gist_keys(statement, lex.verb_forms, CLAIM_DAYS) if kind == "denying"}
    return {grp for _, grp, _ in tables.candidates("denying", keys)} if keys else set()


def going_on_keys(statement: dict[str, Any], lex: Lexicon, back: int = 0) -> list[str]:
    """The index keys of a saying that tells a state going on ("the crossing remained closed
    on Monday": corpus/lasting.tsv): the countries of its places (else of its article) and
    "", the families of the acts that would have ended it, and the week it was published.
    With `back`, the weeks from `back` days before: where it looks for the promises it may
    show were not kept (`unkept_met`); they look for it under `awaiting_keys`."""
    if not statement.get("going_on") or not statement.get("published"):
        return []
    day = dt.date.fromisoformat(statement["published"])
    families = {family for state in statement["going_on"] for word in lex.lasting.get(state, ())
                for family in lex.acts.get(word, ())}
    countries = _countries(statement.get("places") or []) or statement.get("area") or []
    return sorted(f"{c}|{family}|{w}" for c in [*countries, ""] for family in families
                  for w in weeks(day - dt.timedelta(days=back), day))


def unkept_met(tables: LinkTables, statements: Iterable[dict[str, Any]], lex: Lexicon) -> set[str]:
    """The claims awaiting an act that these sayings tell was not done by its day (a state
    it would have ended goes on): judged again when a saying comes or goes."""
    keys = {key for statement in statements for key in going_on_keys(statement, lex, FULFIL_DAYS + 7)}
    return {grp for _, grp, _ in tables.candidates("awaiting", keys)} if keys else set()


def status(tables: LinkTables, lex: Lexicon, members: list[Member], tolerance: float,
           said: Iterable[Member] = ()) -> dict[str, Any]:
    """{"status", "history"} of one claim; `tolerance` is how far apart two counts may be
    and still agree (Settings.figure_tolerance); `said`: what others put forward in the
    words the claim denies (claims.denies_alike), which refutes it when said later."""
    days = [s["published"] for _, s in members if s.get("published")]
    if not days:
        return {"status": "open", "history": []}  # a claim of no day has no "later"
    first = min(days)
    made = _made_on(members, first)
    speaker = _speaker(members, lex)
    counts, bearing, disputing, recounted, agreeing = _counts(tables, members, tolerance, lex, speaker)
    evidence: dict[str, list[tuple[str, Ref]]] = {"confirmed": [], "refuted": []}
    # "police fired only tear gas", of a claim that denies they used live rounds (claims.py
    # `_rules_out`): what it puts forward is the denial, which reports of tear gas bear no more
    # than they refute it
    denial = any(s.get("stance") == "deny" for _, s in members)
    for ref, statement in members:
        if holding_keys(statement, lex):
            continue  # what holds is what it claims: "in control of the city, and repelled the attack"
        if denial and statement.get("only"):
            continue
        told = [(found, answered) for event_id, answered in _told(tables, ref, statement)
                if (found := tables.item((ref[0], event_id))) is not None]
        # the count comes first, before every act the claim tells: a toll
        toll = ref in counts and all(counts[ref] < found[2]["start"] for found, _ in told)
        claimed = [f for _, _, f in tables.items_of(ref[0], "figure") if f.get("statement") == ref[1]] \
            if ref in counts else []
        if toll and statement.get("stance") != "deny":
            # "87 students are missing", and police counting 87 two days later
            evidence["confirmed"] += [(count["published"], other) for other, count in agreeing.get(ref, [])
                                      if count["published"] > first and other[0] not in disputing
                                      and not _said_by(count, speaker, lex)]
        for (_, grp, mention), answered in told:
            denying = answered or statement.get("stance") == "deny" or denies(mention)
            reports = tables.members(grp)
            if mention["factuality"] == "possible" and _before(reports, first):
                continue  # "another attack is likely": not borne out by the one before it
            # "we will respect the truce", "called on the parties to maintain the truce":
            # what is to come, or called for, is not borne out by the truce, which was; but
            # "would go ahead with Friday's prisoner exchange" is by the exchange reported
            # as done on a day after the claim was made
            to_come = not denying and mention["factuality"] == "asserted" \
                and (prospect(statement) or statement.get("stance") == "call")
            disowned = denying and not answered and own_doing(mention, speaker, lex.names)
            # what a claim says was done is borne out by reports of it, not of what came
            # after the claim was made, which the same article may tell beside it
            since = made if denying or to_come else None
            for other, report in reports:
                if not _after(report, first, since):
                    continue
                if to_come and not (report.get("dated") and report["lo"] > (made or first)) \
                        or not denying and _told_to_come(tables, other, report):
                    continue  # nor is it by another saying that it will come
                if disowned and not done_by(report, mention, lex.names) and not _owned_up(report, members, lex):
                    # "we had no role in the blast": not refuted by the blast, but by who did it,
                    # or by the denier telling it later ("its commander acknowledged the bombing")
                    continue
                if denying and report["factuality"] == "asserted":
                    evidence["refuted"].append((report["published"], other))
                elif not denying and report["factuality"] == "asserted" and not _said_by(report, speaker, lex) \
                        and other[0] not in disputing and (not toll or other[0] in bearing) \
                        and not (claimed and _counted_otherwise(tables, other, report.get("sentence"), claimed,
                                                                speaker, tolerance, lex)) \
                        and _borne_doer(report, statement, mention, lex):
                    evidence["confirmed"].append((report["published"], other))
                elif not denying and report["factuality"] == "asserted" and not _said_by(report, speaker, lex) \
                        and _other_doer(report, statement, mention, lex):
                    evidence["refuted"].append((report["published"], other))
                elif not denying and report["factuality"] == "denied" and (
                        not report.get("statement")
                        # what was to come and did not: "did not reopen on Monday, traders
                        # said" (a source's account of it, not a denial of someone's word)
                        or to_come and report.get("stance") != "deny" and not _said_by(report, speaker, lex)):
                    evidence["refuted"].append((report["published"], other))
    holders = [lex.names.name(h["name"], h.get("type")) for _, s in members for h in s.get("holders", [])]
    refuting, bearing_out = _changes(tables, lex, members, first, made,
                                     [n for n in (speaker, _side(members, lex), *holders) if n])
    evidence["refuted"] += refuting + recounted
    evidence["confirmed"] += bearing_out
    evidence["refuted"] += [(s["published"], ref) for ref, s in said if s.get("published") and s["published"] > first]
    later = _later_acts(tables, members, first, made)
    made_day = made or first  # the day the claim was made, from which its deadlines count
    # "schools would reopen on Monday", and "schools did not reopen on Monday"
    evidence["refuted"] += _fulfilments(_later_acts(tables, members, first, made, "failed"), lex, members, _awaited,
                                        made_day, failed=True)
    kept = _fulfilments(later, lex, members, _awaited, made_day)
    evidence["confirmed"] += kept
    if not kept:  # "would reopen by Friday", and only "reopened on Monday"
        evidence["refuted"] += _fulfilments(later, lex, members, _awaited, made_day, late=True)
    evidence["refuted"] += _unkept(tables, lex, members, first, made_day)
    evidence["refuted"] += _fulfilments(later, lex, members, _disowned, made_day)
    evidence["confirmed"] += _released(later, lex, members, denied=False)
    evidence["refuted"] += _released(later, lex, members, denied=True)
    evidence["refuted"] += _fulfilments(later, lex, members, _refused, made_day)
    refuting = {ref for _, ref in evidence["refuted"]}  # a report that refutes does not also confirm
    evidence["confirmed"] = [(day, ref) for day, ref in evidence["confirmed"] if ref not in refuting]
    history = []
    for state in ("confirmed", "refuted"):
        found = sorted(set(evidence[state]))
        if found:
            history.append({"date": found[0][0], "status": state, "evidence": [[r[0], r[1]] for _, r in found]})
    history.sort(key=lambda h: (h["date"], h["status"]))
    return {"status": history[-1]["status"] if history else "open", "history": history}


def _told(tables: LinkTables, ref: Ref, statement: dict[str, Any]) -> list[tuple[str, bool]]:
    """The event mentions a statement's claim follows, each with whether it answers them:
    its own, and for a denial of what was said ("denied the accusation"), those of the
    statement it answers, which it denies."""
    told = [(event, False) for event in statement.get("events", [])]
    found = tables.item((ref[0], statement["answers"])) if statement.get("answers") else None
    return told + [(event, True) for event in found[2].get("events", [])] if found else told


def holding(event: dict[str, Any]) -> list[str]:
    """The statements of its article whose claims follow an event mention: the one it is
    told in, and an accusation of the act that names none ("blamed the Front": items.py)."""
    return ([event["statement"]] if event.get("statement") else []) + event.get("held_by", [])


def answering_keys(statement: dict[str, Any]) -> list[str]:
    """The index key of a denial of what was said: the statement it answers, by which the
    reports that bear that statement out find the denial they refute."""
    return [f"{statement['key']}|{statement['answers']}"] if statement.get("answers") and statement.get("key") else []


def answered_keys(event: dict[str, Any]) -> list[str]:
    """The key under which a denial of the statement that tells this mention is found."""
    return [f"{event['key']}|{event['statement']}"] if event.get("statement") and event.get("key") else []


def _borne_doer(report: dict[str, Any], statement: dict[str, Any], mention: dict[str, Any], lex: Lexicon) -> bool:
    """Whether a report bears out who a claim says did it, when that is what it claims: an
    accusation ("blamed Israel and the United States for the attack") by a report naming
    as the doer someone it names; a claim of responsibility ("the Houthis claimed the
    attacks") by one naming its doer. Not by any report of the act."""
    if statement.get("stance") == "accuse":
        words = f" {fold(statement['content'])} "
        return any(f" {fold(a['name'])} " in words for a in report["actors"] if fold(a["name"]))
    if _about(mention, statement):
        # a claim that speaks of a happening told before puts forward who did it ("this
        # massacre is the work of soldiers", "the strike was carried out by an army drone"):
        # borne out by a report whose doer its words name ("Sudan's army")
        words = {singular(w) for w in fold(statement["content"]).split()}
        return any({singular(w) for w in lex.names.name(a["name"], a.get("type")).words} & words
                   for a in report["actors"])
    if statement.get("stance") == "claim" and own_doing(mention, _said(statement, lex), lex.names):
        return meet(mention["actors"], report["actors"], lex.names)
    # not a claim of what others did ("claimed that troops had detained dozens"), which a
    # report of the detentions bears out whoever it says made them
    return True


def _other_doer(report: dict[str, Any], statement: dict[str, Any], mention: dict[str, Any], lex: Lexicon) -> bool:
    """Whether a later report names another doer than the one a claim puts forward, told
    by no party the claim names: "this massacre is the work of soldiers", said by the
    movement's spokesman, and "UDD fighters carried out the raid", a UN inquiry found.
    Every doer the report names is named by a name ("UDD fighters", not "gunmen", who may
    be anyone) and none is among the claim's words; nor is its teller (the accused telling
    who did it is the dispute itself)."""
    if not (statement.get("stance") == "accuse" or _about(mention, statement)) or not report["actors"]:
        return False
    content = statement.get("content") or ""
    said = {singular(w) for w in fold(content).split()} | set(lex.names.name(content).words)
    teller = _said(report, lex)
    sides = {lex.sides[w][0] for w in said if w in lex.sides}  # "soldiers": the state's
    if teller is not None and (set(teller.words) & said or lex.side(teller, "body") in sides):
        return False  # the army, of a claim that soldiers did it
    return all(lex.names.named(a["name"]) and not set(lex.names.name(a["name"], a.get("type")).words) & said
               for a in report["actors"])


def _about(mention: dict[str, Any], statement: dict[str, Any]) -> bool:
    """Whether a claim tells a happening only as what it speaks about, by a definite noun
    for one told before ("this massacre is the work of soldiers"): what it puts forward is
    something other than that it happened."""
    return bool(mention.get("noun") and mention.get("definite")) and statement.get("stance") in TELLING


def _owned_up(report: dict[str, Any], members: list[Member], lex: Lexicon) -> bool:
    """Whether a report is told by the claim's speaker, or by one who speaks as its side
    ("the Front's commander said his fighters had planted the bomb"), as the act it denied."""
    teller = _said(report, lex)
    if teller is None:
        return False
    side = (report.get("speaker") or {}).get("side")
    tellers = [teller, *([lex.names.name(side, "ORG")] if side else [])]
    claimant = [n for n in (_speaker(members, lex), _side(members, lex)) if n is not None]
    return any(same(t, c) for t in tellers for c in claimant)


def _made_on(members: list[Member], first: str) -> str | None:
    """The day a claim was made, when the words of one of its reports say it ("said on
    Sunday"): the earliest such day, and never after its first report."""
    days = [s["time"] for _, s in members if s.get("time") and s.get("published") and s["time"] <= s["published"]]
    return min(min(days), first) if days else None


def _after(report: dict[str, Any], first: str, made: str | None) -> bool:
    """Whether a report tells what came after a claim: published on a later day than the
    claim's first report, or dated by its own words after the day the claim was made
    (`_made_on`) and no later than its own publication (not "three weeks after", read as
    a day to come)."""
    published = report.get("published")
    if not published:
        return False
    return published > first or made is not None and bool(report.get("dated")) and made < report["lo"] <= published


def _before(reports: list[Member], day: str) -> bool:
    """Whether a happening was over before a day, by the days its dated reports give."""
    dated = [report["hi"] for _, report in reports if report.get("dated")]
    return bool(dated) and max(dated) < day


def _counts(tables: LinkTables, members: list[Member], tolerance: float,
            lex: Lexicon, speaker: Any = None) -> tuple[dict[Ref, int], set[str], set[str], list[tuple[str, Ref]],
                                   dict[Ref, list[Member]]]:
    """Where each statement of the claim first gives a count (a figure of its own), the
    documents whose count of the same thing agrees with the claim's, those whose count
    disputes it, the later counts that revise it upwards (`_revised_up`), and for each
    statement the later counts that bear its count out (`_borne_out`). A count told as one
    that runs on ("12 bodies so far", "the toll has risen to 31": Lexicon.runs_on) is the
    count as it stood: a later, higher one brings it up to date, and revises nothing. What a
    later report bears out depends on what the claim puts forward. A toll, whose count
    comes before any act it tells ("at least 30 were killed", "17 officers had been
    arrested"), puts forward its count: only a count that agrees ("31 dead") bears it
    out, not the killing told again without one. An act, counted on the way ("police
    arrested two men", "gunmen killed nine people"), puts forward the act: a later report
    of it bears it out, unless its own count disputes the claim's ("9 were killed"
    against "killing at least 30"). A higher count is no revision while others' reports as
    late still give the claim's ("three seafarers were killed", a union said, the day the
    operator repeated its "two"): a dispute between sources (a `figure` contradiction)
    leaves the claim as it was. Such a report is another source's saying: not `speaker`'s own
    count recalled ("it had initially put the toll at seven"), nor the writer's ("the
    government has not revised its toll of two dead")."""
    counts: dict[Ref, int] = {}
    bearing, disputing = set(), set()
    revised: list[tuple[str, Ref]] = []
    agreeing: dict[Ref, list[Member]] = {}
    for ref, statement in members:
        for _, grp, figure in tables.items_of(ref[0], "figure"):
            if figure.get("statement") == ref[1]:
                running = lex.runs_on(statement.get("content") or "", figure.get("category"))
                counts[ref] = min(counts.get(ref, figure["start"]), figure["start"])
                higher, borne = [], []
                for other, count in tables.members(grp):
                    if other[0] != ref[0]:
                        if apart(figure, count, tolerance):
                            disputing.add(other[0])
                        elif not (speaker and _said_by(count, speaker, lex)):
                            # (not the claim's own count told again: "JNIM had said its
                            # fighters killed 32 soldiers", beside the army's 17)
                            bearing.add(other[0])
                        if not one_group(figure, count):
                            continue  # "two civilians" among the dead, and "23 dead": neither revises the other
                        if _corrected(figure, count, tolerance):
                            revised.append((count["published"], other))  # "police revised the toll to two"
                        elif _revised_up(figure, count, tolerance):
                            if not running:
                                higher.append((count["published"], other))
                        elif _borne_out(figure, count, tolerance):
                            agreeing.setdefault(ref, []).append((other, count))
                            if count.get("speaker") and not (speaker and _said_by(count, speaker, lex)):
                                borne.append(count["published"])
                revised += [(day, other) for day, other in higher if day > max(borne, default="")]
    # a report with a count that agrees bears it out
    return counts, bearing, disputing - bearing, revised, agreeing


def _counted_otherwise(tables: LinkTables, report: Ref, sentence: int | None, claimed: list[dict[str, Any]],
                       speaker: Any, tolerance: float, lex: Lexicon) -> bool:
    """Whether a report counts, in its sentence, what a claim counts on the way otherwise,
    and not as the claim does: the army's "17 soldiers had been killed", of the group's
    claim that its fighters killed 32, tells the killing and disputes the claim. (Not the
    claim's own count told again: "the group had said its fighters killed 32".)"""
    counts = [c for _, _, c in tables.items_of(report[0], "figure")
              if c.get("sentence") == sentence and not (speaker and _said_by(c, speaker, lex))]
    alike = [(f, c) for f in claimed for c in counts if c["category"] == f["category"] and one_group(f, c)]
    return any(apart(f, c, tolerance) for f, c in alike) and not any(not apart(f, c, tolerance) for f, c in alike)


def _corrected(claimed: dict[str, Any], later: dict[str, Any], tolerance: float) -> bool:
    """Whether a count published later is told as a correction (items.py `revision`:
    "police revised the toll to two dead", "revising down the figure of seven") and differs
    from the claim's beyond the tolerance, up or down: it replaces it."""
    return bool(later.get("revision")) and bool(claimed.get("published") and later.get("published")) \
        and later["published"] > claimed["published"] and apart(claimed, later, tolerance)


def _revised_up(claimed: dict[str, Any], later: dict[str, Any], tolerance: float) -> bool:
    """Whether a count published later is above all that a claim's count allows, beyond
    the tolerance: "four guards were killed", then "seven prison guards" (as a police "43
    students" became 87). A count left open ("at least four") allows any more, and a
    lower one later is as often a part of the first (the wounded who died) as a
    correction: neither refutes it. Nor do counts of other things (a crowd, a prison's
    inmates), which may count anything."""
    if claimed["category"] == "other" or not (claimed.get("published") and later.get("published")) \
            or later["published"] <= claimed["published"]:
        return False
    x, y = bounds(claimed), bounds(later)
    return x is not None and y is not None and y[0] - x[1] > tolerance * max(abs(y[0]), 1.0)


def _borne_out(claimed: dict[str, Any], later: dict[str, Any], tolerance: float) -> bool:
    """Whether a count published later says what a claim's count says: within the
    tolerance of it, and no vaguer ("at least 80" says nothing of "87"); not for counts of
    other things (a crowd, a prison's inmates), which may count anything."""
    if claimed["category"] == "other" or not (claimed.get("published") and later.get("published")) \
            or later["published"] <= claimed["published"]:
        return False
    x, y = bounds(claimed), bounds(later)
    if x is None or y is None or disagree(claimed, later, tolerance):
        return False
    return y[1] - y[0] <= x[1] - x[0] + tolerance * max(abs(x[1]), 1.0)


def _later_acts(tables: LinkTables, members: list[Member], first: str, made: str | None,
                kind: str = "fulfil") -> list[tuple[Ref, dict[str, Any]]]:
    """The event mentions that may fulfil what a claim awaits (`awaiting_keys`): reported
    after the claim was made (`_after`), within FULFIL_DAYS of its first report, and not
    done before the day it was made (`_made_on`, else its first report's), by the report's
    own date when it has one (not "last week's ceasefire" of a promise that week) or by its
    linked event's dated reports."""
    keys = sorted({k for _, statement in members for k in awaiting_keys(statement, FULFIL_DAYS)})
    if not keys:
        return []
    last = (dt.date.fromisoformat(first) + dt.timedelta(days=FULFIL_DAYS)).isoformat()
    since = made or first
    # what is done to people named in full is theirs however late ("called on Iran to
    # release Siamak Namazi", and his release a year and a half later)
    people = {who for _, statement in members for act in _awaited(statement) for who in _named_people(act)}
    found = [(other, grp, event) for other, grp, event in tables.candidates(kind, keys)
             if _after(event, first, made) and (event["published"] <= last or _named_people(event) & people)
             and not (event.get("when") and event["when"][1] < since)]
    # nor one another report dates before it: "a week after the bloc imposed sanctions"
    # recalls the sanctions that "further sanctions" would come after
    over = {grp for grp, reports in tables.members_of({grp for _, grp, _ in found}).items() if _before(reports, since)}
    # nor the claim's own words told again ("the road would be reopened within three days"),
    # nor another act told as to come ("the airstrip would reopen by Wednesday")
    own = {(ref[0], event) for ref, statement in members for event in statement.get("events", [])}
    return [(other, event) for other, grp, event in found
            if grp not in over and other not in own and not _told_to_come(tables, other, event)]


def _told_to_come(tables: LinkTables, ref: Ref, event: dict[str, Any]) -> bool:
    """Whether a saying tells an act as one to come (`_coming`)."""
    found = tables.item((ref[0], event["statement"])) if event.get("statement") else None
    return found is not None and _coming(event, found[2])


def _fulfilments(later: list[tuple[Ref, dict[str, Any]]], lex: Lexicon, members: list[Member],
                 acts: Callable[[dict[str, Any]], list[dict[str, Any]]], since: str, failed: bool = False,
                 late: bool = False) -> list[tuple[str, Ref]]:
    """Of the `later` acts (`_later_acts`), the reports of the acts a claim said will or
    should happen (or, with `_disowned`, denied were planned): of the kind and at the place
    said, by the actors said when both name some, on the day said or before it when both
    give one. With `failed`, the accounts that such an act did not happen, of its day or
    after it (not "the school has not reopened yet", told before the Monday it was to
    reopen); with `late`, the reports of such an act done only after the day said ("would
    reopen by Friday", and "reopened on Monday"), which show the promise was not kept.
    `since`: the day the claim was made (`_due`)."""
    awaited = [(act, _due(act, statement, since)) for _, statement in members if awaiting_keys(statement)
               for act in acts(statement)]
    if not awaited:
        return []
    out = []
    for other, event in later:
        published = event["published"]
        for act, due in awaited:
            if event["family"] not in _families(act) or not places_compatible(where(act), where(event)) \
                    or countries_apart(act, event):
                continue  # (a promise told of no place is kept in the countries its article is about)
            if failed and act.get("dated") and event["lo"] < act["lo"]:
                continue
            if not failed and late != bool(due and event.get("dated") and event["lo"] > due):
                continue
            if lex.arrival_of(act["lemma"], event["lemma"]):
                # "would send a mediation mission to Conakry", and "the mission arrived in
                # Conakry": what was sent arrives, not who sent it
                if not (act["targets"] and event["actors"]) or _sent(act["targets"], event["actors"], lex):
                    out.append((published, other))
                    break
                continue
            parties = bool(act["actors"]) and all(PARTIES.match(a["name"].strip()) for a in act["actors"])
            if act["actors"] and event["actors"] and not parties \
                    and not meet(act["actors"], event["actors"], lex.names) \
                    and not _forces_of(act, event, lex) and not _described_alike(act, event, lex) \
                    and not _crowd(event, lex):
                continue  # "the rebels will withdraw", and the army withdrew
            if act["targets"] and event["actors"] + event["targets"] \
                    and not meet(act["targets"], event["actors"] + event["targets"], lex.names) \
                    and not _at(act["targets"], where(event)) \
                    and not _described_groups(act["targets"], event["targets"], lex):
                # "ready to resume cooperation with the IAEA", and talks with the US; but
                # "will leave Syria" is kept by a withdrawal from Syria
                continue
            if act.get("mode") and act["mode"] == event.get("mode") \
                    or act["actors"] and event["actors"] and not parties \
                    or not act["actors"] and meet(act["targets"], event["actors"] + event["targets"], lex.names) \
                    or (not act["actors"] or parties) and (same_trigger(act["lemma"], event["lemma"])
                                                           or _mode_named(act, event, lex)) \
                    or failed and not event["actors"] and same_trigger(act["lemma"], event["lemma"]) \
                    and same_place(where(act), where(event), countries=False) \
                    or act.get("act_word") and (same_trigger([act["act_word"]], event["lemma"])
                                                or event.get("mode") in lex.named_modes(act["act_word"])):
                # "halt hostilities" and a truce; the same actors; for an act told without
                # its doer, what it is done to ("two battalions would be deployed", and
                # "two battalions arrived"); the same word, or the way its verb names
                # ("will pull back", and "the withdrawal"), when the act names no actor
                # (not "the government will withdraw the bill" and a network that
                # "withdrew its reporters"), or the word the promise names the
                # act by ("Israel agreed to a ceasefire", and "the ceasefire held"), or a word
                # of its mode ("the swap would take place", and "exchanged prisoners"); and an
                # account, naming no one, that the act in the promise's words did not happen
                # at its place ("a convoy escorted by the army would leave Kongoussi", and
                # "the convoy has not left Kongoussi")
                out.append((published, other))
                break
    return out


def _mode_named(act: dict[str, Any], event: dict[str, Any], lex: Lexicon) -> bool:
    """Whether a promised act's own verb names the way a later act was done: "both sides will
    pull back their troops", and "completed the withdrawal" (the events layer's triggers
    table gives "pull back" the mode `withdraw`)."""
    return event.get("mode") is not None and any(event["mode"] in lex.named_modes(w) for w in act["lemma"][-1:])


def _unkept(tables: LinkTables, lex: Lexicon, members: list[Member], first: str,
            since: str) -> list[tuple[str, Ref]]:
    """The later sayings that tell a state going on, on or after the day a claim gave an act
    that would have ended it (`_due`): "the crossing would reopen on Monday", then "the
    crossing remained closed on Monday"; "would be freed within 48 hours", then "97 were
    still in custody on Saturday" (corpus/lasting.tsv), of the same thing (`_same_thing`).
    `since`: the day the claim was made."""
    awaited = [(act, due) for _, statement in members for act in _awaited(statement)
               if (due := _due(act, statement, since))]
    keys = sorted({k for _, statement in members for k in awaiting_keys(statement, FULFIL_DAYS)})
    if not awaited or not keys:
        return []
    own = {ref for ref, _ in members}
    out = []
    for other, _, saying in tables.candidates("going-on", keys):
        if other in own or saying.get("published", "") <= first:
            continue
        day = _told_day(saying)
        for act, due in awaited:
            words = act["lemma"] + ([act["act_word"]] if act.get("act_word") else [])
            states = [s for s in saying["going_on"] if day >= due and lex.ended_by(s, words)]
            if states and _same_thing(act, [s for _, s in members], saying, states, lex):
                out.append((saying["published"], other))
                break
    return out


def _told_day(saying: dict[str, Any]) -> str:
    """The day a saying tells what it tells of: the latest day its words give up to its
    publication ("remained closed on Monday"), else the day it was said, else published."""
    days = [d for d in saying.get("deadlines") or () if ISO_DAY.match(d) and d <= saying["published"]]
    return max(days) if days else saying.get("time") or saying["published"]


def _same_thing(act: dict[str, Any], statements: list[dict[str, Any]], saying: dict[str, Any], states: list[str],
                lex: Lexicon) -> bool:
    """Whether a state a saying tells going on is that of what an act would have ended: at
    the act's place (else the place the claim's reports name, or another act they tell:
    "everyone detained in San Pedro Sula would be freed"); when none names one, of the
    people the act is done to ("the detainees would be freed", "the detainees were still
    being held"), but never a state of presence ("remained on the hills"), which is told
    of a place."""
    place = where(act) or [p for statement in statements for p in statement.get("places") or []] \
        or [p for statement in statements for e in statement.get("told", []) for p in where(e)]
    if place:
        return bool(saying.get("places")) and same_place(place, saying["places"], countries=False)
    if any(lex.lasting_place(s) for s in states):
        return False
    heads = {singular(fold(t["name"]).split()[-1]) for t in act["targets"] if t["name"].split()}
    return bool(heads & {singular(w) for w in fold(saying.get("content") or "").split()})


def _due(act: dict[str, Any], statement: dict[str, Any], since: str | None) -> str | None:
    """The last day an awaited act may come and keep the claim: the day its own words give
    it, if still to come when the claim was made ("by Friday"; not the day it was said,
    "said on Thursday it would open a corridor", nor that of what it follows, "under
    Thursday's agreement"), else the end of the span the saying gives ("within 48 hours"
    of the day it was made); None when neither says."""
    if not since:
        return None
    if act.get("dated") and act["lo"] > since:
        return act["hi"]
    if statement.get("within"):
        return (dt.date.fromisoformat(since) + dt.timedelta(days=-(-statement["within"] // 24))).isoformat()
    return None


def _sent(sent: list[dict[str, Any]], came: list[dict[str, Any]], lex: Lexicon) -> bool:
    """Whether those who came may be what was sent: named alike, or told by the same noun
    ("an additional company", and "a company of about 150 peacekeepers")."""
    if meet(sent, came, lex.names):
        return True
    heads = {fold(s["name"]).split()[-1] for s in sent if s["name"].split()}
    return any(heads & set(fold(c["name"]).split()) for c in came)


def _crowd(event: dict[str, Any], lex: Lexicon) -> bool:
    """Whether an act is done by a crowd told only as such ("about 3,000 people marched",
    "protesters gathered again"): the protest those who called it said would go on ("the
    alliance would keep protesting every evening"), whoever the report says marched."""
    return event["family"] in CROWDS and not any(lex.names.named(a["name"]) for a in event["actors"])


def _described_groups(some: list[dict[str, Any]], others: list[dict[str, Any]], lex: Lexicon) -> bool:
    """Whether both lists name groups only by description, which may be one group told two
    ways ("no ransom would be paid to the kidnappers", and "paid 4 million pesos to the
    gang")."""
    def described(actors: list[dict[str, Any]]) -> bool:
        return bool(actors) and all(a.get("type") == "GROUP" and lex.names.described(a["name"]) for a in actors)
    return described(some) and described(others)


def _described_alike(act: dict[str, Any], event: dict[str, Any], lex: Lexicon) -> bool:
    """Whether an act promised by actors told by a description ("our forces will retake
    Ayorou") is done by actors that description may be ("the defence and security forces
    recaptured Ayorou"; "the international monitors will arrive", and "the first ceasefire
    monitors arrived": words in lower case name no one in particular): the description's
    last word is a word of theirs, and it names no country they do not."""
    doers = [lex.names.name(a["name"], a.get("type")) for a in event["actors"]]
    for a in act["actors"]:
        name = lex.names.name(a["name"], a.get("type"))
        if name.words and (lex.names.described(a["name"]) or a["name"] == a["name"].lower()) and any(
                name.words[-1] in d.words and (name.countries == d.countries or not name.countries) for d in doers):
            return True
    return False


def _forces_of(act: dict[str, Any], event: dict[str, Any], lex: Lexicon) -> bool:
    """Whether an act a state promised ("Mali will free those with no link to the attackers")
    is done by that state's forces, told only as such, in that state ("the army released
    nine of them in Ansongo"): the army, the police, soldiers of no country of their own."""
    states = {c.iso2 for a in act["actors"] if a.get("type") == "GPE"
              and (c := lex.names.countries.lookup(a["name"])) is not None}
    doers = [lex.names.name(a["name"], a.get("type")) for a in event["actors"]]
    return bool(states) and bool(doers) and all(not d.countries and lex.side(d, "forces") == "state" for d in doers) \
        and bool(states & set(_countries(where(event))))


def _released(later: list[tuple[Ref, dict[str, Any]]], lex: Lexicon, members: list[Member],
              denied: bool) -> list[tuple[str, Ref]]:
    """Of the `later` acts, the releases of the people a claim says were seized (which bear
    it out: "gunmen abducted 87 students", then "the gunmen freed the students") or, with
    `denied`, denies were (which refute it: "no officer was captured", then "the gang freed
    two officers"): at the place, by the same captors or of the same captives."""
    seized = [(act, statement) for _, statement in members for act in _seized(statement, denied)]
    out = []
    for other, event in later if seized else ():
        if (event["type"], event.get("mode")) not in (RELEASE, RESCUE):
            continue
        freed = {_kind(t["name"]) for t in event["targets"]} - {""}
        if any(places_compatible(where(act), where(event)) and (
                act["actors"] and event["actors"] and meet(act["actors"], event["actors"], lex.names)
                # the same kind of people, named as captives or, when the record found none
                # ("denied that any officers had been captured"), in the words said
                or freed & ({_kind(t["name"]) for t in act["targets"]} if act["targets"]
                            else {_kind(w) for w in statement["content"].split()}))
               for act, statement in seized):
            out.append((event["published"], other))
    return out


def _kind(name: str) -> str:
    """The kind of people a name counts, by its last word: "any officers" and "two police
    officers" are officers."""
    words = fold(name).split()
    return words[-1].removesuffix("s") if words else ""


def _changes(tables: LinkTables, lex: Lexicon, members: list[Member], first: str, made: str | None,
             claimant: list[Any]) -> tuple[list[tuple[str, Ref]], list[tuple[str, Ref]]]:
    """Later reports of the change a holding claim rules out, and of the takings that bear
    out a claim of control (the claimant's side taking the place it says it holds, told by
    another source); `claimant`: the speaker, the side it speaks as and those its words say
    hold it ("the army remained in control", said by the defence ministry)."""
    holding = []
    for _, statement in members:
        holds = holds_of(statement, lex)
        if holds is None:
            continue
        if holding_keys(statement, lex):
            holding.append((holds, statement))
    if not holding:
        return [], []
    keys = sorted({k for _, statement in holding for k in holding_keys(statement, lex)})
    out, borne = [], []
    for other, _, event in tables.candidates("change", keys):
        if not _after(event, first, made):
            continue
        if event["factuality"] != "asserted":
            continue
        actors = [lex.names.name(a["name"], a.get("type")) for a in event["actors"]]
        # the claimant's own, or its side told only by what it is ("Soldiers pulled out of the
        # post", of the defence ministry's claim that the post is under its forces' control)
        by_speaker = any(same(c, a) or _one_side(c, a, lex) for c in claimant for a in actors)
        teller = _said(event, lex)
        retold = teller is not None and any(same(c, teller) for c in claimant)  # the claimant saying it again
        for holds, statement in holding:
            if holds == "control" and not statement["places"]:
                # control of no place found: told lost only at a place its words name (a
                # town no gazetteer knows, "Velnosk is under our control"), never anywhere
                if not _named_in(statement["content"], event["places"]):
                    continue
            elif not places_compatible(statement["places"], event["places"]):
                continue
            if holds == "control" and (event["family"] == "RETREAT" and by_speaker
                                       or event["family"] != "RETREAT" and actors and not by_speaker):
                out.append((event["published"], other))
                break
            if holds == "control" and event["family"] != "RETREAT" and by_speaker and not retold:
                borne.append((event["published"], other))  # "rebels took control", told by others
                break
            if holds == "presence" and event["family"] == "RETREAT" and actors:
                persons = [lex.names.name(p, "PERSON") for p in statement.get("persons", [])]
                if any(same(p, a) for p in persons for a in actors):
                    out.append((event["published"], other))
                    break
    return out, borne


def _one_side(claimant: Any, doer: Any, lex: Lexicon) -> bool:
    """Whether a doer named only by what it is is of the claimant's side (Lexicon.side)."""
    side = lex.side(doer, "forces")
    return side is not None and side == lex.side(claimant, "body")


def _at(targets: list[dict[str, Any]], places: list[dict[str, Any]]) -> bool:
    """Whether a target is a place an act is at: what "will leave Syria" leaves."""
    at = {fold(p["name"]) for p in places}
    return any(t.get("type") == "GPE" and fold(t["name"]) in at for t in targets)


def _named_in(content: str, places: list[dict[str, Any]]) -> bool:
    words = f" {fold(content)} "
    return any(f" {fold(p['name'])} " in words for p in places if fold(p["name"]))


def _speaker(members: list[Member], lex: Lexicon) -> Any:
    return _said(members[0][1], lex)


def _side(members: list[Member], lex: Lexicon) -> Any:
    """The side the claim's speaker speaks as ("rebel commander Idris Bakri": the rebels)."""
    side = (members[0][1].get("speaker") or {}).get("side")
    return lex.names.name(side, "ORG") if side else None


def _said(report: dict[str, Any], lex: Lexicon) -> Any:
    """Who a report is told by, as a name (none for the writer's own)."""
    said = report.get("speaker") or {}
    return lex.names.name(said["name"], said.get("type")) if said.get("name") else None


def _said_by(report: dict[str, Any], speaker: Any, lex: Lexicon) -> bool:
    teller = _said(report, lex)
    return speaker is not None and teller is not None and same(speaker, teller)
