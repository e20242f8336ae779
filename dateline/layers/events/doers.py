"""Who did it when the clause does not say: the actor of an event told without one (a
passive with no "by", a noun with no possessor), read from the document around it.

- the actor of the event of the same type told just before ("Judges sentenced 500
  protesters. Others were sentenced to forced labour": the judges);
- an act a government does by decree (data/events/roles.tsv, `decree`) in a release that
  government issues in its own voice (data/entities/issuers.tsv): the issuer ("Eleven
  companies were sanctioned today" in a State Department release: the United States);
- an arrest, a trial, a crackdown or a release whose jailer goes unnamed: the police or the
  army when they tell of an arrest themselves (`polices`: "Police said 12 people had been
  arrested"), else the state's rulers as the text names them (`governs`: "the Iranian
  government"; a text that names one government tied to no state, "the Lukashenka
  regime", means that one), else the state where the event happens, else the country the
  article is about;
- a release told without its doer, where no state holds the prisoners: the one the text
  says took hostages, when it names one ("taken hostage by the Front ... 50 hostages were
  released");
- "the two sides", "both teams": the parties of the exchange told before (its actors and
  those it was held with).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ...countries import CountryIndex
from ..entities.lexicon import Lexicon as EntityLexicon
from .lexicon import Lexicon


class Unnamed:
    """The document's candidates for an unnamed doer, found once per document."""

    def __init__(self, record: dict[str, Any], lex: Lexicon, entity_lex: EntityLexicon, index: CountryIndex):
        self.lex = lex
        entities = record.get("entities", [])
        self.issuer = entity_lex.issuer(record)
        # country code -> the entity that names the country ("Iran", "Iranian"), whatever the
        # tagger called it ("Belarus said ...": an organisation, when it speaks)
        self.state = {}
        for e in entities:
            country = index.lookup(e["name"]) if e["type"] in ("GPE", "ORG", "NORP") else None
            if country is not None:
                self.state.setdefault(country.iso2, e["id"])
        self.place_country = {p["id"]: p.get("country") for p in record.get("places", [])}
        # the bodies that arrest and hold for a state ("Police", "the Zamfara State police")
        self.police = {e["id"] for e in entities if e["name"].split()
                       and self.lex.roles.get(e["name"].split()[-1].lower()) == "polices"}
        size = {e["id"]: len(e.get("mentions", [])) for e in entities}
        states = [s for s in self.state.values() if s != self.issuer]
        self.main_state = max(states, key=lambda s: size.get(s, 0)) if states else None
        self.rulers: dict[str, str] = {}  # state entity -> the entity of its government, as named
        unattached = []  # "the Lukashenka regime": rulers named after their leader, tied to no state
        for e in entities:
            words = e["name"].split()
            if not words or self.lex.roles.get(words[-1].lower()) != "governs":
                continue
            if e.get("affiliation") in self.state.values():
                self.rulers.setdefault(e["affiliation"], e["id"])
            elif len(words) > 1 and all(w[:1].isupper() for w in words[:-1]):
                unattached.append(e["id"])  # not "a foreign government", "members of the government"
        # a text that names one such government, and no other, speaks of the state it is about
        self.sole_ruler = unattached[0] if len(unattached) == 1 and not self.rulers else None

    def issued(self, lemma: str, statement: dict | None) -> list[str]:
        """The issuer, for an act by decree told in its own voice."""
        if self.lex.roles.get(lemma) == "decree" and self.issuer is not None and _own_voice(statement, self.issuer):
            return [self.issuer]
        return []

    def jailers(self, event: dict[str, Any], lemma: str, statement: dict | None = None) -> list[str]:
        """The state's rulers, for an arrest, a trial or a release whose jailer goes unnamed;
        the police telling of an arrest or a detention themselves."""
        if self.lex.roles.get(lemma) not in ("jails", "freed"):
            return []
        teller = ((statement or {}).get("speaker") or {}).get("entity")
        if teller in self.police and self.lex.roles.get(lemma) == "jails":
            return [teller]
        state = self._state_of(event["places"])
        if state is None and event["type"] != "RETREAT":
            state = self.main_state  # not for a release: hostages are freed by groups as often as by states
        if state is None:
            return [self.sole_ruler] if self.sole_ruler else []
        return [self.rulers.get(state) or self.sole_ruler or state]

    def _state_of(self, places: list[str]) -> str | None:
        for place in places:
            state = self.state.get(self.place_country.get(place) or "")
            if state is not None and state != self.issuer:
                return state
        return None


def _own_voice(statement: dict | None, issuer: str) -> bool:
    """Outside any statement, or in one its issuer makes."""
    return statement is None or (statement.get("speaker") or {}).get("entity") == issuer


ABDUCT = "abduct"  # PLOVER's ASSAULT mode of hostage-taking
# what is done to persons (a massacre, an assassination, beatings, torture), whatever it is done with
PERSONAL = frozenset({"targeted", "beat", "torture"})


def same_kind_before(events: list[dict[str, Any]], lemmas: dict[int, str], unnamed: dict[int, bool],
                     paragraph_of: Callable[[int], int], accused: dict[int, str], voices: dict[int, str],
                     to_come: set[int], others: set[int]) -> None:
    """"Houthi rebels attacked two tankers ... These attacks endanger shipping": an event
    told by a noun without its actor takes the actor of the latest event of its type (in
    the same or the previous paragraph), unless an event told by the same word not long
    before had other actors ("the coalition conducted strikes ... after the rebels'
    attacks on ships. These strikes": not the rebels'); a passive, of the latest told by
    the same verb ("judges sentenced 500 protesters; others were sentenced to forced
    labour"); not of another violent act (`_other_act`): "police fired tear gas ... The
    kidnapping" is no police kidnapping, and "thousands fled ... The truce" no truce of
    theirs (a truce is kept by both sides, a withdrawal done by one); nor of an act only
    threatened or promised by a verb, for one told as done ("the group threatened to
    retaliate ... alarmed by the bombing": not the group's; but "called for an end to
    Houthi attacks ... these attacks" names attacks there are); nor, outside what the
    accuser's side says, of an act whose doer is an accuser's word ("the PMF blamed Israel
    and the United States for the attack ... the IRGC declared that Soleimani was killed
    by the airstrike": not theirs for the IRGC). `lemmas` gives each event's trigger word
    (by id() of its record), `unnamed` whether an event without actor is told by a noun,
    `accused` the accuser of each event an accusation holds, `voices` who tells each event,
    `to_come` the events told by a verb as only possible, `others` those told as other acts
    ("the Brigade, which has carried out similar bombings": not the doer of "a huge blast"
    a witness heard next). One pass, in text order."""
    # the latest with actors: (paragraph, actors, mode, accuser, whether only to come, places)
    by_type: dict[str, tuple[int, list[str], str | None, str | None, bool, set[str]]] = {}
    by_verb: dict[tuple[str, str], tuple[int, list[str], str | None, str | None, bool, set[str]]] = {}
    # the places of the latest act a noun of each word told without its doer: "A drone
    # strike in Kherson killed 17 ... [another paragraph:] Ukraine's troops retook the
    # village of Pravdyne ... horrified by the strike" names again the strike whose doer
    # the text does not say, not the retaking elsewhere (but "the bomb attack" where its
    # paragraph tells the bombing, and "the attack" after "the attackers rammed the gate",
    # are those)
    told_undone: dict[tuple[str, str], set[str]] = {}
    for event in events:
        paragraph = paragraph_of(event["trigger"]["start"])
        key = (event["type"], lemmas.get(id(event), ""))
        latest = by_type.get(event["type"])
        taken_up = bool(unnamed.get(id(event)) and told_undone.get(key) and latest is not None
                        and latest[0] != paragraph and latest[5] and not latest[5] & told_undone[key])
        if not event["actors"] and id(event) in unnamed and not taken_up:
            earlier = by_verb.get(key)
            if unnamed[id(event)]:
                word, earlier = earlier, by_type.get(event["type"])
                if word is not None and paragraph - word[0] <= 2 \
                        and (earlier is None or set(earlier[1]) != set(word[1])):
                    earlier = None  # which of the two it takes up, the text does not say
            if earlier is not None and paragraph - earlier[0] <= 1 \
                    and not (event["type"] == "ASSAULT" and _other_act(earlier[2], event.get("mode"))) \
                    and not (event.get("mode") == "ceasefire" and earlier[2] == "withdraw") \
                    and earlier[3] in (None, voices.get(id(event))) \
                    and (not earlier[4] or event.get("factuality") == "possible"):
                event["actors"] = list(earlier[1])
        if event["actors"]:
            told_undone.pop(key, None)
        elif unnamed.get(id(event)):
            told_undone[key] = set(event["places"])
        if event["actors"] and event.get("factuality") != "denied" and id(event) not in others:
            # not who denies doing it ("its forces had not conducted any operations"): the
            # strike told next is not theirs for that
            by_type[event["type"]] = by_verb[key] = (paragraph, event["actors"], event.get("mode"),
                                                     accused.get(id(event)), id(event) in to_come,
                                                     set(event["places"]))


def _other_act(mode: str | None, other: str | None) -> bool:
    """Whether two modes of violence (ASSAULT) tell other acts: "fired tear gas" and "the
    kidnapping", "overran an outpost" and "the shelling"; not what is done to persons and
    what it is done with ("shot point-blank" and "the massacre"; "the severe abuse of
    detainees" and "torture"). (The modes of coercion tell one ruler's acts as often as
    not: "the diversion of the plane and the subsequent arrest".)"""
    return bool(mode and other and mode != other and not PERSONAL & {mode, other})


EXCHANGES = {"CONSULT", "AGREE", "COOPERATE"}  # acts done with someone, who make two sides


def both_sides(events: list[dict[str, Any]], sides: set[int], paragraph_of: Callable[[int], int]) -> None:
    """"A delegation held talks with Taliban representatives ... The two sides discussed
    aid": an event done by "the two sides" is done by the parties of the latest exchange
    with both its actors and whom it was held with (in the same or the two paragraphs
    before). `sides` holds such events by id() of their record; one pass, in text order."""
    latest: tuple[int, list[str]] | None = None
    for event in events:
        paragraph = paragraph_of(event["trigger"]["start"])
        if id(event) in sides and not event["actors"] and latest is not None and paragraph - latest[0] <= 2:
            event["actors"] = list(latest[1])
        elif event["type"] in EXCHANGES and event["actors"] and event["targets"]:
            latest = (paragraph, list(dict.fromkeys(event["actors"] + event["targets"])))


def captors(events: list[dict[str, Any]]) -> tuple[str, ...]:
    """The one who took hostages, if the text names one and only one (the actors of its
    abductions): a release told without its doer is theirs."""
    takers = {tuple(e["actors"]) for e in events if e["type"] == "ASSAULT" and e["mode"] == ABDUCT and e["actors"]}
    return next(iter(takers)) if len(takers) == 1 else ()


# acts in which someone claims or denies a part without naming them ("denied any involvement")
# the acts a part is claimed or denied in, the likelier first: an attack is what a group
# claims ("Gunmen attacked the base ... surrounded it ... The Front claimed responsibility"),
# an arrest or a blockade only when no attack was told
PARTAKEN = ("ASSAULT", "COERCE")


def act_before(events: list[dict[str, Any]], types: Iterable[str], sentence_start: int,
               paragraph: Callable[[int], int]) -> dict[str, Any] | None:
    """The act a part is claimed or denied in when the sentence does not name it ("the
    Front denied any involvement"): the last asserted act of the first of these types that
    has one, told before the sentence, in its paragraph or the one before (`paragraph`: a
    character's paragraph)."""
    here = paragraph(sentence_start)
    told = [e for e in events if e["factuality"] == "asserted"
            and e["trigger"]["end"] <= sentence_start and paragraph(e["trigger"]["start"]) >= here - 1]
    for kind in types:
        found = [e for e in told if e["type"] == kind]
        if found:
            return max(found, key=lambda e: e["trigger"]["start"])
    return None
