"""The events layer: what happened, coded in PLOVER, with its arguments and whether the
text asserts it, reports it as a claim, denies it or only considers it.

Triggers come from data/events/triggers.tsv, checked against the parse (triggers.py);
arguments from the clause around them (arguments.py); factuality from modals, negation and
the statement that holds the event (factuality.py). An event inside a statement's content
is `attributed_to` it: "the government denied that the army had withdrawn" is a RETREAT,
denied, attributed to the government, not a withdrawal. A statement whose act is itself
an event ("condemned", "called on", "threatened") is one through its cue verb, which
the trigger table lists; the speaker is its actor and the writer reports it, so it is
attributed to no statement.
"""
from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from ...countries import countries
from ...record import span
from ...spanindex import SpanIndex
from ...syntax import SEQUENCE, governing_verb, text_of, tokens_with
from ..base import Context, stage
from ..entities.lexicon import lexicon as entity_lexicon
from ..places.gazetteer import Gazetteer, gazetteer
from . import arguments as args_mod
from .doers import PARTAKEN, Unnamed, act_before, both_sides, captors, same_kind_before
from .factuality import Modality, factuality, modality_of
from .lexicon import Lexicon, capitals, lexicon
from .triggers import Found, find

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}  # promised or in the future: AGREE
THREATENED = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}  # announced by their actor, threats; a sanction announced is one
OBLIGATIONS = {"must", "should"}
FROM_THE_AIR = {"aerial", "drone"}  # the modes of what drops a bomb: "warplanes bombed", "a drone bombing"
BOMBING = {"bomb", "bombing"}  # not "a suicide bomber blew himself up", an explosive whoever the "bomber"
WISHING = {"want", "like", "wish"}  # "I want to thank", "we would like to", "I wish to"
FIRST_PERSON = {"i", "we"}


@stage("events", requires=("entities", "places", "times", "statements"), provides=("events",),
       resources=(lexicon, capitals, gazetteer, entity_lexicon, countries))
def find_events(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    text = record["document"]["text"]
    lex = context.get(lexicon)
    # the people, the armed groups and the states the entities layer names: a trigger may
    # need one (triggers.tsv: "with:PERSON", "subj=GROUP", "subj=GPE")
    named = SpanIndex((m["start"], m["end"], e["type"]) for e in record.get("entities", [])
                      if e["type"] in ("PERSON", "GROUP", "GPE") for m in e.get("mentions", []))
    contents = SpanIndex((s["content"]["start"], s["content"]["end"], s) for s in record.get("statements", []))
    cues = SpanIndex((s["cue"]["start"], s["cue"]["end"], s) for s in record.get("statements", []) if s.get("cue"))
    seats = _seats(record, context.get(capitals), context.get(gazetteer))
    arguments = args_mod.Arguments(record, doc, _capital_place(record, seats), lex, seats)
    paragraphs = args_mod.Paragraphs(text)

    def names_place(token: Token) -> bool:
        return bool(arguments.places.overlapping(token.idx, token.idx + len(token.text)))

    def is_place(token: Token) -> bool:
        """A place name, or a definite place noun: "the capital", "the city of Hama"; or
        "it" told right after one ("checkpoints at the entrances of the town since seizing it")."""
        if names_place(token):
            return True
        if token.lower_ == "it":
            before = _noun_before(token)
            return before is not None and before.lower_ != "it" and is_place(before)
        if token.lemma_.lower() not in lex.place_nouns:
            return False
        return any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in token.children) or any(
            names_place(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)

    def named_as(token: Token) -> str | None:
        found = named.overlapping(token.idx, token.idx + len(token.text))
        return found[0][2] if found else None

    # the capitalised words of organisations' names of several words, which the entities
    # layer found where the tagger may not have: "the Rally for a New Guinea (RNG)"
    named_bodies = [doc.char_span(m["start"], m["end"], alignment_mode="contract") for e in record.get("entities", [])
                    if e["type"] == "ORG" for m in e.get("mentions", []) if " " in m["text"]]
    in_bodies = frozenset(t.i for span in named_bodies if span is not None for t in span if t.is_title or t.is_upper)

    events = []
    founds: dict[int, Found] = {}  # the trigger each event was found by, by id() of its record
    unnamed: dict[int, tuple[Found, dict | None]] = {}  # events told without their actor, by id() of their record
    sides: set[int] = set()  # events done by "both sides", by id() of their record
    lemmas: dict[int, str] = {}
    voices: dict[int, str] = {}  # who tells each event (its statement's speaker), by id() of its record
    spoken_for = {e["id"]: e["affiliation"] for e in record["entities"] if e.get("affiliation")}
    accused: set[int] = set()  # events whose doer is only an accuser's word, by id() of their record
    answered_late: set[int] = set()  # acts told after the act that answers them, by id() of their record
    all_found = find(doc, lex, is_place, named_as, in_bodies)
    trigger_words = {f.word.i for f in all_found}
    # the type each trigger word tells, and each light verb that holds one ("launched strikes")
    kinds = {i: f.trigger.type for f in all_found for i in (f.word.i, *([f.light.i] if f.light is not None else []))}
    for found in all_found:
        # "announced on Tuesday a 30-day truce": a light verb that is the statement's cue
        # holds the noun that is its content
        statement = contents.narrowest_holding(found.start, found.end) \
            or contents.narrowest_holding(found.word.idx, found.word.idx + len(found.word))
        mod = modality_of(found, lex)
        if (mod.commit or mod.refused) and mod.governor is not None and mod.governor.i in trigger_words:
            continue  # "agreed to withdraw", "refused to withdraw": the agreement, the refusal is the event
        if _performed(found, lex):
            mod = Modality(hearsay=mod.hearsay)  # "I want to thank": thanked, not promised
        if arguments.fallen(found):
            # "Kharkiv will never fall": a place taken is no act its speaker announces; said
            # never to come, it is denied ("will fall": possible, a prediction)
            event_type, fact = found.trigger.type, "denied" if mod.negated else None
        else:
            event_type, fact = _intent(found.trigger.type, mod, statement, found.trigger.mode)
        if fact is None:
            fact = factuality(found, mod, statement, lex)
        # an event a statement denies is not dated by the denial: "denied on Monday that its
        # fighters had attacked the post" says nothing of when the post was attacked; nor one
        # a call or a warning speaks of ("marched on Wednesday to demand an inquiry into the
        # strike", "warned of further attacks"), which is to come or was before
        dated_by = statement if fact != "denied" and statement and statement["stance"] not in args_mod.ASKING else None
        events.append({
            "id": "", "type": event_type,
            "mode": _mode(found, lex, trigger_words) if event_type == found.trigger.type else None,
            "trigger": span(text, found.start, found.end),
            "actors": arguments.actors(found) or _speaker_for_pronoun(found, statement) or _speaker_of_cue(found, cues),
            "targets": _unspoken(arguments.targets(found), found, statement, arguments.entities),
            "places": arguments.place_ids(found, paragraphs, statement),
            "time": arguments.time_id(found, dated_by), "factuality": fact,
            "attributed_to": statement["id"] if statement else None,
            # "shells hit the teaching hospital": the kind of site, which no name tells
            **({"sites": [span(text, *s) for s in sites]} if (sites := arguments.sites(found)) else {})})
        lemmas[id(events[-1])] = found.word.lemma_.lower()
        founds[id(events[-1])] = found
        if statement is not None:
            speaker = (statement.get("speaker") or {}).get("entity")
            # a spokesman speaks for his side: "the KPF accused the army ... KPF spokesman Tiya said"
            voices[id(events[-1])] = spoken_for.get(speaker) or speaker or statement["id"]
            if statement.get("stance") == "accuse":
                accused.add(id(events[-1]))
        if not events[-1]["actors"] and arguments.agentless(found):
            unnamed[id(events[-1])] = (found, statement)
            if _told_after_its_like(found, arguments.answered(found), kinds):
                answered_late.add(id(events[-1]))
        elif not events[-1]["actors"] and arguments.by_both_sides(found):
            sides.add(id(events[-1]))
    doers = Unnamed(record, lex, context.get(entity_lexicon), context.get(countries))
    # "threatened to retaliate": an act a verb tells as only to come lends no doer to one done
    to_come = {id(e) for e in events if e["factuality"] == "possible" and founds[id(e)].trigger.pos == "verb"}
    # "which has carried out similar bombings": other acts, whose doer is none of the next one's
    others = {id(e) for e in events if lex.other_acts & set(re.findall(r"[^\W\d_]+", e["trigger"]["text"].lower()))}
    _unnamed_doers(events, unnamed, lemmas, {key: voices[key] for key in accused}, voices, doers, paragraphs,
                   to_come, answered_late, others)
    both_sides(events, sides, paragraphs.index)
    _protested(events, founds)
    _sites_told_before(events, text)
    for event in events:  # "Russia withdrew its troops": its actor is no target
        event["targets"] = [t for t in event["targets"] if t not in event["actors"]]
    events += _demands(doc, record, arguments, contents, doers.issuer)
    events += _parts_in_acts_before(doc, lex, events, founds, arguments, contents, paragraphs)
    events.sort(key=lambda e: (e["trigger"]["start"], e["trigger"]["end"]))
    events = _without_restarts(events, text)
    for n, event in enumerate(events, 1):
        event["id"] = f"V{n}"
    return {"events": events}


def _unspoken(ids: list[str], found: Found, statement: dict | None, entities: SpanIndex) -> list[str]:
    """Not whom the act's teller is, named in its sentence only as that: "Rebels seized the
    town after two days of fighting with the army, residents and a local official said",
    which the parser may read as fighting with the residents too. The speaker's words are no
    part of what they say; an entity named in what is said as well stays ("the army said
    rebels had attacked the army's base"). (Not for doers: what the speaker vows or agrees
    "to do" is done by the speaker.)"""
    speaker = (statement or {}).get("speaker") or {}
    if speaker.get("start") is None:
        return ids
    # an attribution after what it says, up to its cue: those coordinated with the speaker
    # the record keeps ("..., residents and a local official said") tell it too
    cue = (statement or {}).get("cue") or {}
    closing = cue and (statement or {})["content"]["end"] <= speaker["start"] and speaker["end"] <= cue["start"]
    told_by = (speaker["start"], cue["start"] if closing else speaker["end"])
    sent = found.word.sent
    named_in: dict[str, list[bool]] = {e: [] for e in ids}
    for start, end, e in entities.overlapping(sent.start_char, sent.end_char):
        if e in named_in:
            named_in[e].append(told_by[0] <= start and end <= told_by[1])
    return [e for e in ids if not named_in[e] or not all(named_in[e])]


def _told_after_its_like(found: Found, answered: Token | None, kinds: dict[int, str]) -> bool:
    """Whether an act is named, after an act of its type, as what that act answers or came
    after ("the army shelled Orsk in retaliation for the attack", "the Front attacked the
    base after the killing of its commander"): the act told just before it is that other
    act, maybe by the other side, and lends it no doer (but "In response to these attacks,
    the army shelled Orsk": the attacks told before are these; and "Troops arrived after the
    attack": the attack told before is this one)."""
    phrase = answered if answered is not None else (
        found.word if found.word.dep_ == "pobj" and found.word.head.lower_ in SEQUENCE | {"following"} else None)
    if phrase is None:
        return False
    verb = governing_verb(phrase)
    return verb is not None and verb.i < phrase.i and (answered is not None or kinds.get(verb.i) == found.trigger.type)


def _protested(events: list[dict[str, Any]], founds: dict[int, Found]) -> None:
    """Whom a protest is against, when its own words name no one: whom the demand or the
    protest it is made for is addressed to ("marched in Orsk to demand the resignation of
    Governor Tessel", "began a hunger strike to protest the president's decree")."""
    by_head: dict[int, list[dict[str, Any]]] = {}
    for event in events:
        word = founds[id(event)].word
        if event["type"] in ("REQUEST", "PROTEST", "ACCUSE") and word.dep_ in ("advcl", "xcomp") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children):
            by_head.setdefault(word.head.i, []).append(event)
    for event in events:
        if event["type"] == "PROTEST" and not event["targets"]:
            made_for = by_head.get(founds[id(event)].clause.i, [])
            event["targets"] = list(dict.fromkeys(t for e in made_for if e is not event for t in e["targets"]))


# "the hospital", "the main market": a site named again, with the words a writer puts
# between the article and the noun
AGAIN = re.compile(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _sites_told_before(events: list[dict[str, Any]], text: str) -> None:
    """Where an act done to a site named again is, when its sentence names no place: where
    the act that named that site before was ("Shells hit a hospital in Orsk on Monday ...
    Witnesses said the shelling of the hospital began before dawn": Orsk). A site is known
    by the last word of its sites.tsv phrase ("health centre": centre)."""
    placed: list[tuple[int, str, list[str]]] = []  # (where, the site's noun, the places of its act)
    for event in sorted(events, key=lambda e: e["trigger"]["start"]):
        nouns = [site["text"].lower().split()[-1].removesuffix("s") for site in event.get("sites", [])]
        if event["places"]:
            placed += [(event["trigger"]["start"], noun, event["places"]) for noun in nouns]
            continue
        again = [noun for site, noun in zip(event.get("sites", []), nouns)
                 if AGAIN.search(text[max(0, site["start"] - 40):site["start"]])]
        before = [places for start, noun, places in placed if noun in again and start < event["trigger"]["start"]]
        if before:
            event["places"] = list(before[-1])


def _unnamed_doers(events: list[dict[str, Any]], unnamed: dict[int, tuple[Found, dict | None]],
                   lemmas: dict[int, str], accused: dict[int, str], voices: dict[int, str], doers: Unnamed,
                   paragraphs: args_mod.Paragraphs, to_come: set[int], answered_late: set[int],
                   others: set[int]) -> None:
    """The actors of events told without one (doers.py): the event of the same kind just
    before (one whose doer an accuser names, only in what the accuser says; not for an act
    told after its answer, `_answered_after`), else an issuer's decree or an unnamed
    jailer, else, for a release, the one who took the hostages."""
    is_noun = {key: found.light is None and found.trigger.pos == "noun" for key, (found, _) in unnamed.items()
               if key not in answered_late}
    same_kind_before(events, lemmas, is_noun, paragraphs.index, accused, voices, to_come, others)
    takers = captors(events)
    for event in events:
        if id(event) in unnamed and not event["actors"]:
            event["actors"] = doers.issued(lemmas[id(event)], unnamed[id(event)][1]) \
                or doers.jailers(event, lemmas[id(event)], unnamed[id(event)][1]) \
                or (list(takers) if event["type"] == "RETREAT" and event["mode"] == "release" else [])


def _parts_in_acts_before(doc: Doc, lex: Lexicon, events: list[dict[str, Any]], founds: dict[int, Found],
                          arguments: args_mod.Arguments, contents: SpanIndex,
                          paragraphs: args_mod.Paragraphs) -> list[dict[str, Any]]:
    """"The group denied any involvement", "the Front claimed responsibility": a part
    claimed or denied (data/events/roles.tsv's `agency` nouns, `owns` and `disowns`
    verbs) in a statement, in an act its sentence does not name, is a part in the attack
    or abduction told before (doers.act_before): a mention of that act by the noun, done
    by whoever claims it (asserted) or denies it (denied). Not when no one is said to
    claim it ("no group claimed responsibility")."""
    text = text_of(doc)
    naming = {f.word.head.i for f in founds.values()}  # the words an act's word hangs on ("for" the bombing)
    out = []
    for noun in tokens_with(doc, dep=("dobj",)):
        if lex.roles.get(noun.lemma_.lower()) != "agency":
            continue
        verb = noun.head
        role = lex.roles.get(verb.lemma_.lower())
        if role not in ("owns", "disowns"):
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("for", "in") and c.i in naming
               for c in [*noun.children, *verb.children]) \
                or any(c.dep_ == "neg" for c in verb.children) \
                or any(c.dep_ == "det" and c.lower_ == "no" for s in verb.children if s.dep_ == "nsubj"
                       for c in s.children):
            continue  # the act named ("for the bombing": part_in), or no part claimed
        statement = contents.narrowest_holding(noun.idx, noun.idx + len(noun.text))
        if statement is None or statement.get("stance") not in ("claim", "deny"):
            continue  # "took responsibility and resigned": no claim of a part in an act
        act = _blamed_act(verb, events) or act_before(events, PARTAKEN, noun.sent.start_char, paragraphs.index)
        if act is None or id(act) not in founds:
            continue
        found = Found(word=noun, trigger=founds[id(act)].trigger, light=verb, start=noun.idx,
                      end=noun.idx + len(noun.text))
        out.append({"id": "", "type": act["type"], "mode": act["mode"], "trigger": span(text, found.start, found.end),
                    "actors": arguments.actors(found), "targets": [], "places": [], "time": None,
                    "factuality": "denied" if role == "disowns" else "asserted",
                    "attributed_to": statement["id"]})
    return out


def _blamed_act(verb: Token, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The act the subject of a part disowned is blamed for in its own words: "the Front,
    which residents blamed for the raid, denied any role" denies a part in the raid,
    whatever the paragraphs before told last. Not an act it is said to have done ("the
    Front, which has carried out similar bombings, denied any involvement")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    doc = verb.doc
    inside = (subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
    for blame in (e for e in events if e["type"] == "ACCUSE" and inside[0] <= e["trigger"]["start"] < inside[1]):
        said = doc.char_span(blame["trigger"]["start"], blame["trigger"]["end"], alignment_mode="expand")
        if said is None:
            continue
        start, last = said.root.left_edge.idx, said.root.right_edge
        end = last.idx + len(last.text)
        for kind in PARTAKEN:
            found = [e for e in events if e["type"] == kind and e["factuality"] == "asserted"
                     and start <= e["trigger"]["start"] and e["trigger"]["end"] <= end]
            if found:
                return max(found, key=lambda e: e["trigger"]["start"])
    return None


RESTART = re.compile(r"\s*(?:—|–|--)\s*")  # a dash where a speaker breaks off and starts again


def _without_restarts(events: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """"I strongly urge — I strongly urge all Americans to ...": a speaker who breaks off and
    says the same again tells one act. An event followed, across a dash and a few words,
    by one of its type told by the same word is that one begun and left off."""
    out = []
    for event, after in zip(events, events[1:] + [None]):
        if after is not None and after["type"] == event["type"] \
                and after["trigger"]["text"].lower() == event["trigger"]["text"].lower():
            between = text[event["trigger"]["end"]:after["trigger"]["start"]]
            if len(between) <= 40 and RESTART.search(between):
                continue
        out.append(event)
    return out


def _performed(found: Found, lex: Lexicon) -> bool:
    """"I want to thank", "we would like to congratulate", "I wish to condemn": an act done
    by saying (roles.tsv), which the speaker performs in saying they want to; not "we do not
    want to condemn anyone"."""
    clause = found.clause
    if lex.roles.get(clause.lemma_.lower()) != "performative" or clause.dep_ != "xcomp":
        return False
    head = clause.head
    return head.lemma_.lower() in WISHING and not any(c.dep_ == "neg" for c in head.children) and any(
        c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.children)


def _intent(event_type: str, mod: Modality, statement: dict | None, mode: str | None = None) -> tuple[str, str | None]:
    """What an announced, promised or refused act is in PLOVER: a cooperative act
    promised or announced for the future is an AGREE ("will provide aid", "ready to
    talk"); a hostile one announced by its actor, or made conditional, a THREATEN ("said
    they would boycott", "will withdraw unless"; denied when disowned: "no plans to
    attack"); a cooperative act refused a REJECT ("will not accept refugees"). The
    factuality is then that of the announcement."""
    announced = _stance_factuality(statement) if statement else "asserted"
    if event_type in COOPERATIVE | {"AGREE"} and (mod.refused or mod.negated and (mod.future or mod.commit)):
        return "REJECT", announced
    if event_type == "RETREAT" and mod.future and mod.unless and mode != "release":
        # "will withdraw its force unless ...", not an offer ("the swap would take place if
        # both sides agreed on the lists"), nor a release that leaves some out ("would be
        # freed within 48 hours unless they faced charges")
        return "THREATEN", announced
    if event_type == "CONCEDE" and mod.future and not mod.commit:
        # "announced he would be lifting sanctions": the manual keeps a concession told to
        # come a concession (one only offered, "ready to lift", is an AGREE, as the CAMEO table has it)
        return "CONCEDE", announced
    if event_type in COOPERATIVE and (mod.commit or mod.future and mod.governor is None):
        return "AGREE", announced  # not "analysts expect that Russia will withdraw", a prediction
    if event_type in THREATENED and (mod.commit or mod.future and (statement or mod.conditional)):
        # "we have no plans to attack anyone", "will not attack": a threat disowned, which
        # the attack, if it comes, refutes
        return "THREATEN", "denied" if mod.negated else announced
    if event_type == "SANCTION" and mod.conditional:
        return "THREATEN", announced  # "may halt mediation if ..."
    return event_type, None


def _demands(doc: Doc, record: dict[str, Any], arguments: args_mod.Arguments,
             contents: SpanIndex, issuer: str | None) -> list[dict[str, Any]]:
    """"Russia said that Sudan must return the helicopter": a speaker saying what another
    must or should do makes a demand, PLOVER's REQUEST, with the speaker as actor and the
    one who must as target; so does the issuer of a release in its own voice ("Russia must
    stop its aggression" in a State Department release). Not "we must", nor "must not be
    allowed to" (a passive)."""
    text = record["document"]["text"]
    out = []
    for token in tokens_with(doc, dep=("aux",)):
        if token.lower_ not in OBLIGATIONS:
            continue
        verb = token.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "conj":  # "Russia bears responsibility and must stop"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("we", "i", "you") or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        if token.i < subject.i:
            continue  # "Should those responsible fail to act": a condition, not a demand
        statement = contents.narrowest_holding(token.idx, token.idx + len(token.text))
        if statement is not None and (statement.get("speaker") or {}).get("entity"):
            actors = [statement["speaker"]["entity"]]
        elif verb.dep_ == "ccomp":  # "the forum concluded that the US must allocate more"
            actors = arguments.ids([c for c in verb.head.children if c.dep_ == "nsubj"], exclude_place_names=False)
        elif statement is None and issuer is not None and token.lower_ == "must" and verb.dep_ in ("ROOT", "conj") \
                and verb.lemma_ != "be" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
            # a release's writer is its issuer; not "should take notice", advice, nor "aid
            # must be able to reach them", a state of things
            actors = [issuer]
        else:
            continue  # the writer's own "should": no one demands
        if not actors:
            continue
        start, end = token.idx, verb.idx + len(verb.text)
        out.append({"id": "", "type": "REQUEST", "mode": None,
                    "trigger": span(text, start, end), "actors": actors,
                    "targets": arguments.ids([subject], exclude_place_names=False),
                    "places": [], "time": statement.get("time") if statement else None, "factuality": "asserted",
                    "attributed_to": None})
    return out


def _stance_factuality(statement: dict) -> str:
    return {"deny": "denied", "claim": "claimed", "accuse": "claimed"}.get(statement.get("stance"), "asserted")


def _mode(found: Found, lex: Lexicon, told: set[int]) -> str | None:
    """The trigger's own mode, else one a weapon word near it gives an ASSAULT; a bombing
    done from the air is an air strike ("warplanes bombed the camp"). `told`: the words
    that carry an event."""
    own = found.trigger.mode
    if own and not (own == "explosives" and found.word.lemma_.lower() in BOMBING) \
            or found.trigger.type != "ASSAULT":
        return own
    table = lex.weapons
    near = list(dict.fromkeys([*found.word.children, *found.clause.children]))
    # the words that name the weapon or who wields it: modifiers, subject, object, "with X"
    # ("no live rounds had been fired": the passive's subject)
    near += [g for c in near if c.dep_ in ("nsubj", "nsubjpass", "dobj", "conj") for g in c.children
             if g.dep_ in ("compound", "amod", "nmod")]
    near += [g for c in near if c.dep_ == "prep" and c.lower_ in ("with", "by") or c.dep_ == "agent"
             for g in c.children if g.dep_ == "pobj"]  # "struck by a drone"
    # what a verb coordinated with it, and telling no act of its own, is done with: "police
    # fired and landed a live round" (not "stormed the village and fired shells", two acts)
    shared = [g for c in found.word.children if c.dep_ == "conj" and c.pos_ == "VERB"
              and c.i not in told for g in c.children if g.dep_ == "dobj"]
    near += shared + [m for g in shared for m in g.children if m.dep_ in ("compound", "amod", "nmod")]
    for token in near:
        # a weapon of two words first ("tear gas", "rubber bullets": not the gas or the
        # bullets alone); "Drones attacked the refinery": a plural the tagger took for a
        # name is left as written
        before = [c for c in token.lefts if c.dep_ in ("compound", "amod")][-1:]
        mode = before and table.get(f"{before[0].lower_} {token.lemma_.lower()}") \
            or table.get(token.lemma_.lower()) or table.get(token.lower_) \
            or token.tag_ in ("NNP", "NNPS") and token.lower_.endswith("s") and table.get(token.lower_[:-1])
        if mode and (own is None or mode in FROM_THE_AIR):
            return mode
    return own


def _speaker_of_cue(found: Found, cues: SpanIndex) -> list[str]:
    """An act done by saying it is its speaker's, as the statements layer resolved them,
    where the parse gives its verb no subject ("the KPF said the strike was carried out by
    an army drone and called for an inquiry"; "the Observatory, a local rights group,
    called for an inquiry", parsed as a noun's clause). (Not before the clause's own: a
    statement has one speaker, "the United States and Ukraine agreed" two.)"""
    word = found.word
    said = [s for _, _, s in cues.overlapping(word.idx, word.idx + len(word.text))]
    entity = (said[0].get("speaker") or {}).get("entity") if said else None
    return [entity] if entity else []


def _speaker_for_pronoun(found: Found, statement: dict | None) -> list[str]:
    """"We will respond", "we have no plans to attack": inside a statement, a first-person
    subject is its speaker (that of the verb whose plan, intent or decision the act is)."""
    if statement is None:
        return []
    clause = found.clause
    if clause.dep_ == "acl" and clause.head.dep_ == "dobj":
        clause = clause.head.head  # "we have no plans to attack": who has the plans
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("we", "i") and (statement.get("speaker") or {}).get("entity"):
        return [statement["speaker"]["entity"]]
    return []


def _capital_place(record: dict, seats: frozenset[str]) -> str | None:
    """The place record of the capital of the country the article names most."""
    countries = [(len(p["mentions"]), p["country"]) for p in record.get("places", []) if p["kind"] == "country"]
    if not countries:
        return None
    country = max(countries)[1]
    return next((p["id"] for p in record["places"] if p["id"] in seats and p["country"] == country), None)


def _seats(record: dict, capitals: dict[str, str], gaz: Gazetteer) -> frozenset[str]:
    """The places of the record that are the capital of their country."""
    def seat(place: dict) -> bool:
        capital = capitals.get(place.get("country") or "")
        # the gazetteer is asked only for a city whose written name is not its country's capital's
        return capital is not None and (capital == place["name"] or capital == _gazetteer_name(gaz, place))
    return frozenset(p["id"] for p in record.get("places", []) if p["kind"] == "city" and seat(p))


def _gazetteer_name(gaz: Gazetteer, place: dict) -> str | None:
    if place.get("geonameid") is None:
        return None
    found = [c for c in gaz.lookup(place["name"]) if c.id == place["geonameid"]]
    return found[0].name if found else None


def _noun_before(pronoun: Token) -> Token | None:
    """The last noun before a pronoun in its sentence that is not a day or an hour: what
    "it" most likely stands for ("the entrances of the town since seizing it"). None when
    that noun only tells where or with what another was ("stopped the ship near the port
    and seized it": the ship, most likely, not the port)."""
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME"):
            return None if token.dep_ == "pobj" and token.head.lower_ != "of" else token
    return None
