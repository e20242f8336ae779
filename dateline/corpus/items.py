"""What the corpus layer reads from a document record: its event mentions, statements and
figures, each made self-contained (names, places and dates written out) so that linking
compares two items without opening their records again.

An item is a plain dict, stored as JSON beside its document; `ItemRef` names it.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from ..layers.events.arguments import Paragraphs
from ..layers.events.doers import EXCHANGES, PARTAKEN, act_before
from ..layers.events.factuality import ADJUNCTS
from ..layers.events.stage import COOPERATIVE
from ..record import content_key
from ..spanindex import SpanIndex
from ..syntax import POSSESSIVE_PRONOUNS, singular
from .details import TOKEN, nearest
from .lexicon import Lexicon
from .names import Names, fold, same

# the words by which a person only described is told again ("a state minister ... he")
PERSONAL = frozenset({"he", "she", "him", "her", "himself", "herself", "his", "hers"})

WORD = re.compile(r"[^\W\d_]{3,}")
DEFINITE = re.compile(r"\b(?:the|this|that|these|those)\s+$", re.IGNORECASE)
POSSESSOR = re.compile(r"(.+?)['’]s\s")  # whose a group is: "Lacson's family"
# a body's acronym as an article writes it ("FUM", "M23")
ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
# a count of some of a group told before ("five of the dead", "12 of them"; grammar's closed
# set): a part of that group, but of a toll only when the group is named ("six of them have
# died" is the toll of those treated, "five of the dead" a part of the toll)
PART = re.compile(r"\s*\bof\s+(?:(?P<pronoun>them|whom|which|us)\b|(?:the|those|these)\b)", re.IGNORECASE)
TOLLS = {"killed", "injured"}
# "two more guards", "four other peacekeepers", "25 others": not "more than 60"
MORE = re.compile(r"\s*\b(?:more|other|others|another)\b(?!\s+than\b)", re.IGNORECASE)
# between a noun that tells an act and the verb it is the subject of: "an airstrike hit",
# "a drone strike reportedly destroyed"
SUBJECT_GAP = re.compile(r"\s+(?:[^\W\d_]+ly\s+|also\s+)?")
# what is done in an act ("strikes in a pre-dawn raid", "gunfire during the raid") is that
# act, and so is a passive's agent ("were hit by drone strikes", "destroyed by an airstrike")
WITHIN_GAP = re.compile(r"\s+(?:in|during)\s+(?:a|an|the)\s+", re.IGNORECASE)
AGENT_GAP = re.compile(r"\s+by\s+(?:(?:a|an|the)\s+)?", re.IGNORECASE)
FIRST_PERSON = {"i", "we"}


class ItemRef(NamedTuple):
    doc: str   # the store's key of the document
    item: str  # V3, S2, F1


def day(value: str | None) -> dt.date | None:
    """The day of an ISO date or timestamp, else None."""
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a TIMEX3 date value covers: a day, an ISO week, a month; None for a year or
    vaguer (too wide to tell one happening from another) and for durations."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
    if m:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return d, d
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m and 1 <= int(m[2]) <= 12:
        first = dt.date(int(m[1]), int(m[2]), 1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return None


def _another_year(value: str | None, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days of a year other than the report's ("the bombing of the USS Cole in 2000"):
    too wide to tell one happening from another, but enough to tell it is not this week's."""
    if not value or published is None or not re.fullmatch(r"\d{4}", value) or int(value) == published.year:
        return None
    return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)


@lru_cache(maxsize=4096)  # the same few spans, asked for each item of each article
def weeks(lo: dt.date, hi: dt.date) -> tuple[str, ...]:
    """The ISO weeks ("2024-W07") that the days from `lo` to `hi` touch: index keys by
    which two spans of days that meet share one, a few per span rather than one per day."""
    return tuple(sorted({"{}-W{:02d}".format(*(lo + dt.timedelta(days=n)).isocalendar()[:2])
                         for n in range(0, (hi - lo).days + 1, 7)} | {"{}-W{:02d}".format(*hi.isocalendar()[:2])}))


def words(text: str) -> list[str]:
    """The content words of a text, lower-cased, stop words out."""
    return [w for w in (m.group(0).lower() for m in WORD.finditer(text)) if w not in STOP_WORDS]


AHEAD_DAYS = 2  # what a report only claims, denies or considers may come true this many days after
AUXILIARIES = {"has", "have", "had", "is", "was", "does", "did"}  # before a verb of saying, a tense of it
# what a report denies or only claims without dating it may have been told weeks before: a
# denial answers earlier reports ("the ministry denied that its forces shelled the market",
# ten days after the shelling was reported), a claim passes on what is said of them
DISPUTED_DAYS = 28
# a count a report does not date counts up to its publication, from this many days before:
# a follow-up three days on may give the raid's dead otherwise ("five were killed", where the
# first report said 12); a higher count later is the toll risen, not a dispute (figures.
# disagree). Four days rather than two: on the invented stories, one more figure dispute
# and one more claim status, no pair lost
FIGURE_DAYS = 4
# the words right before an act told as one to come: "will", "would" and the words of a
# passive or a particle between them and the act ("would be reopened", "will be handed
# over"): grammar's closed set
COMING = re.compile(r"\b(?:will|would|shall|'ll)(?:\s+(?:be|soon|now|then|also|again|only|have|been))*\s*$",
                    re.IGNORECASE)
# ... or right after it and what it is of: "the exchange will take place on Friday", "the
# release of the 30 prisoners would go ahead"
TAKES_PLACE = re.compile(r"^(?:\s+of(?:\s+[\w'’-]+){1,8}?)?\s+(?:will|would|shall|is to|was to)\s+"
                         r"(?:(?:now|still|also)\s+)?(?:take place|go ahead|happen|be held|be carried out)\b",
                         re.IGNORECASE)
# an act a saying names as when or why, not what it puts forward: "suspended all deliveries
# after the ambush", "have left the camp since the shelling" (the words of factuality.py, then
# up to three words of the noun phrase: "following Tuesday's deadly ambush")
AFTER = re.compile(r"\b(?:" + "|".join(sorted(ADJUNCTS)) + r")(?:\s+[\w'’-]+){0,3}?\s+$", re.IGNORECASE)
# where a sentence may begin: the text's start, a line's, or after a full stop and a space
SENTENCE_START = re.compile(r"(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))(?=\S)")
DIVISION = re.compile(r"\s+(\w+)")  # the word after a place's mention: "Zamfara State", "Hirshabelle state"
# how far before a denial of "the accusation" the statement it answers may end: the
# sentences just before it ("Pompeo said the crash was likely Iran's doing. Iran denied the
# accusation.")
ANSWER_CHARS = 400
PUT_FORWARD = ("assert", "claim", "accuse")  # the stances whose content a denial may answer
# how far after "agreed" or "refused" the words that name what was agreed or refused may
# come ("agreed to a mutual, unconditional ceasefire"): content words, in its sentence
FOLLOWING_WORDS = 5
START_DAY = "start day"  # the detail of the day a happening began (contradictions.py)
BEGAN_CHARS = 40  # how far after "began" its day may be told: "began before dawn on Tuesday"
# "seven more", "25 others": a count of people beside those a count before it in its
# sentence counted, and of their kind (grammar's closed set)
BESIDE = {"more", "other", "others", "another"}
SENTENCE_END = re.compile(r"[.!?]\s")
# the words that say a saying tells all there was, and so rules out the rest ("fired only
# tear gas", "tear gas and nothing else"; grammar's closed set)
ONLY = re.compile(r"\b(?:only|solely|exclusively|nothing else|no other)\b", re.IGNORECASE)


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The stretches of text[start:end] outside the (sorted) spans."""
    at = start
    for s, e in spans:
        if s > at:
            yield at, min(s, end)
        at = max(at, e)
    if at < end:
        yield at, end


class Reader:
    """Turns a record into items. `window` is how many days before its publication an
    event the record does not date may have happened: a follow-up tells "the attack" of
    days before as often as the first report tells it of the same day."""

    def __init__(self, lexicon: Lexicon, window: int):
        self.lex = lexicon
        self.window = window
        self.issuer: str | None = None  # the outlet of the record being read
        self.area: list[str] = []  # the countries it is most about
        # the regions within a country (states, provinces) it names, by name, and the one
        # it is about, if one: whose government "the state government" is (`_state`)
        self.regions: dict[str, str] = {}
        self.region: str | None = None
        self.spoke: list[tuple[int, dict[str, Any]]] = []  # (where, institution) of what institutions said
        self.voices: list[tuple[int, dict[str, Any] | None]] = []  # (where, speaker) of every statement
        self.text = ""  # the text of the record being read
        # people whose office no words of theirs place in a country, and whom the issuer's or
        # the article's country would not tell apart from another holder of it (`_unplaced`)
        self.unplaced: set[str] = set()

    def items(self, record: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(kind, item id, item) for every event, statement and figure of the record."""
        doc = record["document"]
        text = doc["text"]
        entities = self._named_later(self._as_named(record.get("entities", []), text, record.get("places", [])), text)
        places = {p["id"]: _place(p) for p in record.get("places", [])}
        times = {t["id"]: t for t in record.get("times", [])}
        statements = {s["id"]: s for s in record.get("statements", [])}
        published = day(doc.get("published"))
        self.issuer = doc.get("source")
        meta = {"published": published.isoformat() if published else None, "source": doc.get("source"),
                "document": doc.get("id"), "key": content_key(text)}  # the store's key: one article, one key
        # the countries the article is about, most named first: where a claim that names
        # no place ("he is at work in the capital") is about
        named = sorted(((len(p.get("mentions", [])), p["country"]) for p in record.get("places", []) if p.get("country")),
                       reverse=True)
        area = list(dict.fromkeys(country for _, country in named))[:2]
        self.area = area
        # the country the story was filed from ("QUITO, Ecuador (MPW) — ..."), whose
        # government "the Foreign Ministry" of its wire copy is
        dateline = fold(record["document"].get("dateline") or "")
        self.home = next((p["country"] for p in record.get("places", [])
                          if dateline and p.get("country") and fold(p["name"]) == dateline), None)
        self.regions, self.region = _regions(record.get("places", []), text, self.lex.names.divisions,
                                             area[0] if len(area) == 1 else None)
        if self.region is None:
            # of several, the one the story was filed from, as of two countries (`_only_country`):
            # "BUNIA — ... Speaking in Kinshasa, the minister said", then "the provincial
            # government"; not a capital, whence wire copy tells of the provinces
            self.region = next((f"{p['country']}/{fold(p['admin1'])}" for p in record.get("places", [])
                                if dateline and p.get("country") and p.get("admin1") and fold(p["name"]) == dateline
                                and p.get("kind") != "country" and not self.lex.names.countries.capital(p["name"])),
                               None)
        # the institutions that spoke, in text order: whom a bare "spokesman" after them speaks for
        self.text = text
        self.voices = [(s["cue"]["start"], entities.get((s.get("speaker") or {}).get("entity") or ""))
                       for s in sorted(record.get("statements", []), key=lambda s: s["cue"]["start"])]
        self.spoke = [(start, who) for start, who in self.voices
                      if who is not None and who["type"] in ("ORG", "GROUP", "GPE")]
        self.unplaced = self._unplaced(record, entities)
        near, main = _only_place(record), _main_place(record)
        inside: dict[str, list[str]] = {}
        for e in record.get("events", []):
            if e.get("attributed_to"):
                inside.setdefault(e["attributed_to"], []).append(e["id"])
        # a promise or a threat made by the cue itself ("the rebels promised to free 40
        # captives"): the event is the saying's own act, which what it promises follows
        by_cue: dict[str, list[str]] = {}
        for e in record.get("events", []):
            if not e.get("attributed_to") and e["type"] in ("AGREE", "THREATEN"):
                for st in record.get("statements", []):
                    if st["cue"]["start"] <= e["trigger"]["start"] < st["cue"]["end"]:
                        by_cue.setdefault(st["id"], []).append(e["id"])

        def speaker_of(statement: dict[str, Any] | None) -> dict[str, Any] | None:
            if statement is None:
                return None
            return self.speaker(statement, entities)

        told: dict[str, dict[str, Any]] = {}
        cues = SpanIndex((s["cue"]["start"], s["cue"]["end"], s["id"]) for s in record.get("statements", [])
                         if s.get("cue"))
        paragraphs = Paragraphs(text)
        # "Separately, ...": where another happening's telling begins (corpus/separate.tsv)
        separate = [m.start() for m in SENTENCE_START.finditer(text) if self.lex.separately.match(text, m.start())]
        mentioned = _mentions(record)
        counted = self._counted(record, paragraphs)
        for e in record.get("events", []):
            sentence = e.get("sentence") or {"start": e["trigger"]["start"], "end": e["trigger"]["end"]}
            value = (times.get(e.get("time") or "") or {}).get("value")
            own = interval(value) or _another_year(value, published)
            began = self._began(e, record, sentence["end"])
            if began is not None and began["time"] == e.get("time"):
                own = None  # "the sit-in, which began on 9 June": a day it began, not its day
            statement = statements.get(e.get("attributed_to") or "")
            told_on = published
            if own is not None and statement is not None and e.get("time") == statement.get("time"):
                # "on Wednesday, the government said he was poisoned": the day it was said,
                # on or before which it happened, as a report of that day tells it
                told_on, own = own[1], None
            family = self.lex.family(e["type"], e.get("mode"))
            if own is None and told_on is not None and family in self.lex.said and _performed(e, cues, text):
                # "The United States condemns ...", "we call on both sides ...": the act is
                # the text's own, done the day it was issued; another day's is another act
                own = (told_on, told_on)
            lo, hi, dated = self._dates(own, told_on, ahead=e["factuality"] != "asserted",
                                        back=DISPUTED_DAYS if e["factuality"] in ("denied", "claimed") else None)
            if began is not None and lo is not None and not dated:
                lo = min(lo, began["day"])  # and went on: any day from then to its report's
            told_in = set(_places_in(record, mentioned, sentence["start"], sentence["end"]))
            acts, word = self._named(e, family, text[e["trigger"]["end"]:sentence["end"]]) \
                if e["type"] in ("REJECT", "AGREE", "THREATEN") else ([], None)
            act_words = self._act_words(e, record, sentence["start"], paragraphs)
            coming = e["type"] == "AGREE" and len(acts) == 1 and word in self.lex.trigger_words(e["trigger"]["text"]) \
                and bool(COMING.search(text[sentence["start"]:e["trigger"]["start"]])
                         or TAKES_PLACE.match(text[e["trigger"]["end"]:sentence["end"]]))
            if coming:
                # "30 rebels would be released", "the exchange will take place on Friday": a
                # promise told by the act's own word, as one to come, tells the act to come,
                # which the reports of it done tell too (a speculated mention of what did
                # happen is of its happening: links-gold.md); not "a commitment to extending
                # the truce", the commitment
                family = acts[0]
            told[e["id"]] = {
                **meta, "type": e["type"], "mode": e.get("mode"), "family": family,
                "trigger": e["trigger"]["text"], "start": e["trigger"]["start"], "end": e["trigger"]["end"],
                "lemma": act_words,
                "noun": self.lex.told_by_noun(e["trigger"]["text"]),
                # "the attack": what another report may name by its kind ("the ambush")
                "general": self.lex.names_any(family, act_words),
                # "the strike", "this attack": an act told before, in its sentence or article
                "definite": bool(DEFINITE.search(text[max(0, e["trigger"]["start"] - 6):e["trigger"]["start"]])),
                "others": self._others(text, e["trigger"]),
                # what an attack did, told beside it: "killing three", and the damage a
                # participle tells ("attacked the village, burning houses")
                "toll": self.lex.tells_toll(e["trigger"]["text"])
                or e.get("mode") == "destroy" and _participle(e["trigger"]["text"]),
                "reach": self.lex.reach.get(e.get("mode") or ""),
                "also": sorted(self.lex.also.get(e.get("mode") or "", ())),
                "kin": sorted(self.lex.kin.get(e.get("mode") or "", ())),
                # "will not withdraw": the acts a refusal refuses, which a later report of them refutes;
                # "will release ten hostages", "threatened to impose sanctions": the acts a
                # promise or a threat announces, which fulfil it
                "refused": acts if e["type"] == "REJECT" else [],
                "promised": acts if e["type"] in ("AGREE", "THREATEN") else [],
                **({"coming": True} if coming else {}),
                # the noun naming them ("agreed to a ceasefire"), by which a later report that
                # names no one ("the ceasefire held") tells the same act; not a verb ("agreed to
                # withdraw"), which needs its doer ("crews were withdrawn" keeps no promise)
                "act_word": word if word and self.lex.told_by_noun(word) else None,
                "words": words(text[sentence["start"]:sentence["end"]]), "sentence": sentence["start"],
                # the start of the "Separately, ..." its sentence is, or follows in its paragraph
                "separate": next((m for m in reversed(separate) if m <= sentence["start"]
                                  and paragraphs.index(m) == paragraphs.index(sentence["start"])), None),
                "said": family in self.lex.said,
                "factuality": e["factuality"],
                "statement": e.get("attributed_to"), "stance": statement.get("stance") if statement else None,
                "speaker": speaker_of(statement),
                "actors": [_entity(entities[a]) for a in e.get("actors", []) if a in entities],
                "targets": [_entity(entities[t]) for t in e.get("targets", []) if t in entities],
                "sites": self.lex.site_kinds([s["text"] for s in e.get("sites", [])]),  # "the hospital": medical
                # "about 30 gunmen", "two missiles": what it counts besides its toll, which
                # another report may count otherwise (details.py)
                "details": sorted(counted.get(e["id"], []) + ([began["detail"]] if began is not None else []),
                                  key=lambda c: c["detail"]),
                # a place its sentence names; one the events layer carried from before the
                # sentence ("news paragraphs stay in one place") is only likely, as `near` is
                "places": [places[p] for p in e.get("places", []) if p in told_in],
                "near": [places[p] for p in e.get("places", []) if p in places and p not in told_in]
                or ([places[near]] if near and not e.get("places") else []),
                "lo": lo, "hi": hi, "dated": dated,
                "began": began["day"] if began is not None else None,  # "the fighting began on Sunday"
                "when": [own[0].isoformat(), own[1].isoformat()] if own else None,  # as the report dates it
                # the day it was said, when its statement dates it and it does not: events.py
                "told_on": told_on.isoformat() if told_on is not None and told_on != published else None,
                "area": area,
            }
        counts: dict[str, list[dict[str, Any]]] = {}
        for f in record.get("figures", []):
            if f.get("attributed_to"):
                counts.setdefault(f["attributed_to"], []).append(
                    {k: f.get(k) for k in ("category", "value", "low", "high", "qualifier")})
        answered = self._answered(record, inside, entities)
        for s in record.get("statements", []):
            if s.get("stance") == "accuse" and not inside.get(s["id"]):
                # "the minister blamed the Varnel Front": an accusation that names no act is of
                # the attack told before it, which later reports of who did it bear out
                act = act_before(record.get("events", []), PARTAKEN,
                                 min(s["cue"]["start"], s["content"]["start"]), paragraphs.index)
                if act is not None and act["id"] in told:
                    inside[s["id"]] = [act["id"]]
                    told[act["id"]].setdefault("held_by", []).append(s["id"])
        # where each saying's content begins, and the one told right before it (claims.quoted_next)
        starts = sorted(s["content"]["start"] for s in record.get("statements", []))
        before = dict(zip(starts[1:], starts))
        reported = _own_sayings(record.get("statements", []))
        for s in record.get("statements", []):
            content = s["content"]
            its = [v for v in inside.get(s["id"], []) + by_cue.get(s["id"], []) if v in told]
            put = [v for v in its if not AFTER.search(text[content["start"]:told[v]["start"]])]
            holds = self.lex.holds(content["text"], [told[v]["trigger"] for v in its])
            yield "statement", s["id"], {
                **meta, "speaker": self.speaker(s, entities),
                "stance": s.get("stance"), "kind": s.get("kind"), "content": content["text"],
                "start": content["start"], "end": content["end"],
                "words": words(content["text"]), "events": inside.get(s["id"], []),
                # what it tells, so that two sayings of one happening can be compared as such
                "told": [_without_speaker(told[v]) for v in put],
                "counts": counts.get(s["id"], []),  # "killing at least nine": what it counts
                "places": [places[p] for p in _places_in(record, mentioned, content["start"], content["end"])
                           or self._told_before(record, content, holds, s["sentence"]["start"]) if p in places],
                "persons": _persons(record, s),
                "holders": self._holders(record, s, holds),
                "holds": holds,  # control | presence: a claim that something holds
                "area": area,
                "time": _time_of(times.get(s.get("time") or "")),
                # "within 48 hours", "on Monday": by when what it says will come (claims.py `_promised_alike`)
                "deadlines": _deadlines(record, content["start"], content["end"]),
                "within": _within(record, content["text"], content["start"]),  # "within 48 hours": 48
                "answers": answered.get(s["id"]),  # "Iran denied the accusation": the statement it denies
                "previous": before.get(content["start"]),  # where the saying told right before it begins
                # "said he expected them to be freed": where the saying that tells this one, the
                # speaker's own, begins (claims.py: one claim)
                "told_in": reported.get(s["id"]),
                # "fired only tear gas" (claims.py `_rules_out`); "all 21 crew were safe", "denied
                # that any seafarer was hurt" (claims.py `_unharmed`)
                **({"only": True} if ONLY.search(content["text"]) else {}),
                **({"unharmed": True} if self.lex.unharmed_all(content["text"]) else {}),
                **({"harm": True} if s.get("stance") == "deny" and self.lex.tells_harm(content["text"]) else {}),
                # "the crossing remained closed on Monday": what a promise to reopen it was to end
                # (lifecycle.py `_unkept`)
                **({"going_on": going} if (going := self.lex.states_going_on(content["text"])) else {}),
            }
        self._parties(told)
        self._subjects(told, text)
        for event_id, event in told.items():
            yield "event", event_id, event
        peoples = self._peoples(record)
        groups = self._groups(record)
        for f in record.get("figures", []):
            statement = statements.get(f.get("attributed_to") or "")
            value = (times.get(f.get("time") or "") or {}).get("value")
            own = interval(value) or _another_year(value, published)  # "at least 25 killed in 2028"
            lo, hi, dated = self._dates(own, published, back=FIGURE_DAYS)
            yield "figure", f["id"], {
                **meta, "text": f["text"], "start": f["start"], "end": f["end"],
                "category": f["category"], "group": groups[f["id"]],
                # "19 civilians": some of whom "12 people" counts (figures.nested)
                "among": bool(set(groups[f["id"]].split("|")) & self.lex.among),
                "of": peoples.get(f["id"]),  # "eight Mexicans": the country of the people it counts
                # "five of the dead", "12 of them": a part of a toll, not a toll
                "part": _part(f, text),
                # "police revised the toll to two dead": a correction of an earlier count
                "revision": self.lex.revises(text[f["sentence"]["start"]:f["sentence"]["end"]]) if f.get("sentence")
                else False,
                "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                "qualifier": f.get("qualifier"),
                "places": [places[f["place"]]] if f.get("place") in places else [],
                # a toll that names no place most likely counts the article's main one, and
                # one at a place the gazetteer lacks (a roundabout, a quarter) most likely
                # counts there too (figures.likeness)
                "near": [places[main]] if main and (f.get("place") not in places
                                                   or not places[f["place"]].get("country")) else [],
                "statement": f.get("attributed_to"), "speaker": speaker_of(statement),
                "lo": lo, "hi": hi, "dated": dated,
                "sentence": f["sentence"]["start"] if f.get("sentence") else None,
            }

    def _answered(self, record: dict[str, Any], inside: dict[str, list[str]],
                  entities: dict[str, dict[str, Any]]) -> dict[str, str]:
        """The statement each denial of what was said answers ("Iran denied the
        accusation", "dismissed the claim from Berlin as groundless"): a denial whose
        content names a report and tells no event of its own denies the nearest statement
        before it, within ANSWER_CHARS, that another speaker put forward."""
        said = sorted(record.get("statements", []), key=lambda s: s["cue"]["start"])
        out = {}
        for n, s in enumerate(said):
            if s.get("stance") != "deny" or inside.get(s["id"]) or not self.lex.names_a_report(s["content"]["text"]):
                continue
            who = fold(self.speaker(s, entities).get("name") or "")
            for before in reversed(said[:n]):
                if before["content"]["end"] < s["cue"]["start"] - ANSWER_CHARS:
                    break
                if before.get("stance") in PUT_FORWARD and fold(self.speaker(before, entities).get("name") or "") != who:
                    out[s["id"]] = before["id"]
                    break
        return out

    def _told_before(self, record: dict[str, Any], content: dict[str, Any], holds: str | None,
                     sentence: int) -> list[str]:
        """The place a claim that something holds means by "the bridge", "the town"
        (data/events/place-nouns.tsv), when it names none: the nearest place told before it
        with that noun ("the Halfaya bridge"), or for a town, the nearest town or city; for
        a site no name tells, the town its sentence puts it in before the claim ("denied
        that the RSF had captured its main base in El Fasher, saying its troops were in
        control of the division base")."""
        if holds is None:
            return []
        text = record["document"]["text"]
        nouns = [n for n in self.lex.place_nouns
                 if re.search(rf"\bthe (?:[\w-]+ )?{re.escape(n)}\b", content["text"], re.I)]  # "the division base"
        before = sorted(((m["start"], m["end"], p) for p in record.get("places", []) for m in p.get("mentions", [])
                         if m["end"] <= content["start"]), key=lambda t: -t[0])
        for noun in nouns:
            for start, end, place in before:
                after = text[end:end + 40].lower()
                if re.match(rf"\s*(?:[\w-]+\s+)?{re.escape(noun)}\b", after) \
                        or self.lex.place_nouns[noun] == "town" and place.get("kind") == "city":
                    return [place["id"]]
        if any(self.lex.place_nouns[n] == "site" for n in nouns):
            return next(([place["id"]] for start, _, place in before
                         if start >= sentence and place.get("kind") == "city"), [])
        return []

    def _as_named(self, found: list[dict[str, Any]], text: str,
                  places: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The record's entities by id, a group only described ("the rebels", "the militants")
        standing for the one group the article names when it names exactly one: an article
        about the Free Arvesh Front that says "the rebels" means them (the actors table and
        the track record keep the words as written). A kind of group whose capital is only
        its sentence's ("Aid groups said") names none, nor one whose capitals are those of
        common words or of places ("Two teachers", "Brazilian mediators", "Residents of Up
        Station": `_names_itself`), nor people of a kind that is no armed group's ("All 269
        students", "Opposition lawmakers": `Names.armed`)."""
        entities = {e["id"]: e for e in found}
        names = self.lex.names
        where = {fold(w) for p in places for m in [{"text": p["name"]}, *p.get("mentions", [])]
                 for w in TOKEN.findall(m["text"])}
        persons = {fold(w) for e in found if e["type"] == "PERSON" for w in TOKEN.findall(e["name"])}
        named = [e for e in found if e["type"] == "GROUP" and _names_itself(e["name"], names, where)
                 and not _of_person(e["name"], persons)
                 and not names.only_described(e, text) and names.armed(e["name"])
                 and not names.described(e["name"]) and not names.people_only(e["name"])]
        # "Fighters of the Varnel Front" and "Varnel Front" are one group: its members named
        # after it (their affiliation) and names the same (names.same) count once
        groups = [e for e in named if entities.get(e.get("affiliation") or "") not in named]
        forms = [names.name(e["name"], "GROUP") for e in groups]
        if not groups or any(not same(forms[0], f) for f in forms[1:]):
            return entities
        # "a Yemeni armed group" describes as "an armed group" does: a people's word says
        # whose country the group is of, not which group it is
        return {i: groups[0] if e["type"] == "GROUP" and names.described(_unpeopled(e["name"], names))
                and not names.several(e["name"]) else e for i, e in entities.items()}

    def _named_later(self, entities: dict[str, dict[str, Any]], text: str) -> dict[str, dict[str, Any]]:
        """A person the lead only describes, by an indefinite noun ("days after a state
        minister said it would reopen"), standing for the one person the article names after
        it with a title of that noun ("Hirshabelle's public works minister, Ahmed Nur Guled"):
        a lead tells who spoke by their office, the story's body names them. Not a source kept
        unnamed ("a senior official, speaking on condition of anonymity"), nor a description
        that two named people's titles fit."""
        lead = text.find("\n") if "\n" in text else len(text)
        people = [e for e in entities.values() if e["type"] == "PERSON" and e.get("mentions")]
        out = dict(entities)
        for i, e in entities.items():
            if e["type"] != "PERSON" or not e.get("mentions") or not e.get("title") or e["mentions"][0]["start"] > lead:
                continue
            words = [m["text"].lower().split() for m in e["mentions"]]
            if not all(w[:1] in (["a"], ["an"]) or len(w) == 1 and w[0] in PERSONAL for w in words) \
                    or not any(w[:1] in (["a"], ["an"]) for w in words):
                continue
            first = e["mentions"][0]["start"]
            told = text[first:min(n for n in (text.find(". ", first), text.find("\n", first), len(text)) if n >= 0)]
            if self.lex.unnamed.search(told):
                continue
            head = singular(fold(e["title"]).split()[-1])
            named = [o for o in people if o is not e and o["mentions"][0]["start"] > first and o.get("title")
                     and any(c.isupper() for c in o["name"]) and fold(o["name"]) != fold(o["title"])
                     and singular((fold(o["title"]).split() or [""])[-1]) == head]
            if len(named) == 1:
                out[i] = named[0]
        return out

    def _parties(self, told: dict[str, dict[str, Any]]) -> None:
        """Who took part in each exchange (talks, an agreement) of an article, as another
        article's exchange is told apart from it by (events.likeness): the mention's own
        actors and targets when they name two parties; else those its article names in its
        exchanges of that family ("these important discussions", in a readout of talks with
        the Russian delegation, are those talks, not the talks with the Ukrainian one)."""
        names = self.lex.names
        named: dict[str, list[dict[str, Any]]] = {}
        for event in told.values():
            if event["type"] in EXCHANGES:
                found = named.setdefault(event["family"], [])
                found += [a for a in event["actors"] + event["targets"] if names.named(a["name"]) and a not in found]
        for event in told.values():
            if event["type"] in EXCHANGES:
                own = [a for a in event["actors"] + event["targets"] if names.named(a["name"])]
                event["parties"] = own if len(own) >= 2 else named[event["family"]]

    @staticmethod
    def _subjects(told: dict[str, dict[str, Any]], text: str) -> None:
        """Mark each act told by a verb whose subject is a noun telling it ("an airstrike
        hit the hospital", "a drone strike reportedly destroyed the school"), or a weapon
        an act right before it launched or fired ("launched missiles targeting US troops":
        the missiles target them), by the noun right after it ("were hit by drone strikes"),
        or an act told as done in the noun right after it ("drone strikes in a pre-dawn
        raid"): the events layer gives one mention to each word, and the two are one act
        told once (`subject`: where the first trigger starts)."""
        mentions = sorted(told.values(), key=lambda e: e["start"])
        for first, then in zip(mentions, mentions[1:]):
            if first["family"] != then["family"] or first["sentence"] != then["sentence"]:
                continue
            gap = text[first["end"]:then["start"]]
            if first["noun"] and not then["noun"] and SUBJECT_GAP.fullmatch(gap) \
                    or not first["noun"] and gap.isspace() and _participle(then["trigger"]) \
                    or then["noun"] and not first.get("toll") and first["factuality"] == then["factuality"] \
                    and (WITHIN_GAP.fullmatch(gap) or not first["noun"] and AGENT_GAP.fullmatch(gap)):
                then["subject"] = first.get("subject", first["start"])  # a chain tells one act

    def _groups(self, record: dict[str, Any]) -> dict[str, str]:
        """Who each figure counts (figures.one_group). A number that names no one counts
        the people of the count before it in its sentence ("three soldiers were killed and
        11 wounded": soldiers wounded), else anyone."""
        out: dict[str, str] = {}
        last: dict[tuple[int, int], str] = {}
        for f in sorted(record.get("figures", []), key=lambda f: f["start"]):
            sentence = f.get("sentence") or {"start": f["start"], "end": f["end"]}
            where = (sentence["start"], sentence["end"])
            group = self.lex.counted(f["text"])
            out[f["id"]] = last.get(where, "") if group is None else group
            if group is not None:
                last[where] = group
        return out

    def _peoples(self, record: dict[str, Any]) -> dict[str, str]:
        """The country (ISO code) of the people each figure counts, where its words name
        their nationality ("eight Mexicans", "two Tajik border guards"); a count of more or
        of others after one in its sentence counts more of that one's people ("six Mexican
        nationals were killed, and seven more were injured")."""
        text = record["document"]["text"]
        index = self.lex.names.countries
        out: dict[str, str] = {}
        before: tuple[int, str | None] | None = None  # where the figure before ends, its people
        for f in sorted(record.get("figures", []), key=lambda f: f["start"]):
            words = re.findall(r"[^\W\d_]+", f["text"])
            people = next((c.iso2 for w in words if w[:1].isupper()
                           and (c := index.demonym(w) or index.demonym(w.removesuffix("s")))), None)
            after = re.match(r"\s+([^\W\d_]+)", text[f["end"]:])  # the "more" of "seven more", if not in it
            told = {w.lower() for w in words} | ({after[1].lower()} if after else set())
            if people is None and before is not None and BESIDE & told \
                    and not SENTENCE_END.search(text[before[0]:f["start"]]):
                people = before[1]
            if people:
                out[f["id"]] = people
            before = (f["end"], people)
        return out

    def _began(self, event: dict[str, Any], record: dict[str, Any], end: int) -> dict[str, Any] | None:
        """The day a happening that goes on began, as the words right after its mention
        tell it ("the fighting began on Sunday", "the sit-in, which started on 9 June":
        data/corpus/began.tsv), with the time that tells it and the `detail` reports of it
        may disagree on (contradictions.py); None when they tell none."""
        text = record["document"]["text"]
        verb = self.lex.began.match(text, event["trigger"]["end"], end)
        if verb is None:
            return None
        # its day, in the words that follow the verb ("began before dawn on Tuesday")
        reach = min(end, verb.end() + BEGAN_CHARS)
        for t in sorted(record.get("times", []), key=lambda t: t["start"]):
            if t["start"] < verb.end() or t["start"] >= reach:
                continue
            days = interval(t.get("value"))
            if days is None or days[0] != days[1]:
                return None  # "began in June": no day to tell it from another's
            return {"time": t["id"], "day": days[0].isoformat(), "detail": {
                # the day as a number, which counts compare (contradictions.py): its ordinal
                "detail": START_DAY, "text": text[verb.start("verb"):t["end"]], "at": verb.start("verb"),
                "value": days[0].toordinal(),
                "low": None, "high": None, "qualifier": "exact", "statement": event.get("attributed_to")}}
        return None

    def _counted(self, record: dict[str, Any], paragraphs: Paragraphs) -> dict[str, list[dict[str, Any]]]:
        """Each event's counts besides its toll (details.py), read once per sentence and
        given to the mention of the sentence nearest to each."""
        text = record["document"]["text"]
        tolls = [(f["start"], f["end"]) for f in record.get("figures", []) if f.get("category") != "other"]
        sentences: dict[tuple[int, int], list[tuple[str, int, int, str]]] = {}
        for e in record.get("events", []):
            if e.get("sentence"):
                sentences.setdefault((e["sentence"]["start"], e["sentence"]["end"]), []).append(
                    (e["id"], e["trigger"]["start"], e["trigger"]["end"], e["type"]))
        out: dict[str, list[dict[str, Any]]] = {}
        for (start, end), triggers in sentences.items():
            out.update(nearest(self.lex.details.read(text, start, end, tolls), triggers))
        # a sentence that tells no event may count what one before it in its paragraph did
        # ("Gunmen attacked the post. The attackers numbered some 300 men on around 150
        # motorcycles."): its counts go to the last mention before them that they may count
        # for, of each detail that mention's own sentence did not count
        told = sorted(((s, e), t) for (s, e), ts in sentences.items() for t in ts)
        bounds = paragraphs.starts + [len(text)]
        for begin, finish in zip(bounds, bounds[1:]):
            inside = [(span, t) for span, t in told if begin <= span[0] < finish]
            if not inside:
                continue
            for gap_start, gap_end in _gaps(begin, finish, sorted({span for span, _ in inside})):
                for count in self.lex.details.read(text, gap_start, gap_end, tolls):
                    before = [t for span, t in inside if span[1] <= count.start and (not count.types or t[3] in count.types)]
                    if not before:
                        continue
                    event = max(before, key=lambda t: t[1])[0]
                    if all(c["detail"] != count.item["detail"] for c in out.get(event, [])):
                        out.setdefault(event, []).append(count.item)
        # the saying a count is told in is its source, whichever mention it is given to
        said = sorted((st["content"]["start"], st["content"]["end"], st["id"]) for st in record.get("statements", []))
        for counts in out.values():
            for count in counts:
                where = count["at"]
                count["statement"] = next((sid for start, end, sid in said if start <= where < end), None)
        return {event: sorted(counts, key=lambda c: c["detail"]) for event, counts in out.items()}

    def _others(self, text: str, trigger: dict[str, Any]) -> bool:
        """Whether a mention names acts other than the one its article tells ("carried out
        similar bombings", "previous attacks"), bundles many ("a series of attacks") or names
        a whole campaign ("the Houthi rebellion"):
        data/corpus/other-acts.tsv; by the words of its trigger and, for a noun, the word
        right before it ("as I said earlier, to reaffirm" is no other reaffirmation) or the
        bundling noun before its "of"."""
        words = re.findall(r"[^\W\d_]+", trigger["text"].lower())
        if any(w in self.lex.campaigns for w in words):
            return True  # "the Houthi rebellion": the whole campaign
        if self.lex.told_by_noun(trigger["text"]):
            before = text[max(0, trigger["start"] - 30):trigger["start"]]
            found = re.search(r"([^\W\d_]+)\s+$", before)
            words += [found[1].lower()] if found else []
            bundle = re.search(r"([^\W\d_]+)\s+of\s+$", before)  # "a series of attacks"
            if bundle and bundle[1].lower() in self.lex.bundles:
                return True
        return any(w in self.lex.others for w in words)

    def _holders(self, record: dict[str, Any], statement: dict[str, Any], holds: str | None) -> list[dict[str, Any]]:
        """Who a claim that something holds says holds it: the actors its content names
        before the words that say so ("the army remained in full control of Kidal", said
        by the defence ministry: the army), beside the speaker. None for another claim."""
        content = statement["content"]
        if holds is None:
            return []  # no claim that something holds
        lowered = content["text"].lower()
        found = [m.start() for word in self.lex.holding if (m := re.search(rf"\b{re.escape(word)}\b", lowered))]
        if not found:
            return []
        before = content["start"] + min(found)
        return [_entity(e) for e in record.get("entities", []) if e["type"] in ("ORG", "GROUP", "GPE", "PERSON")
                and e["id"] != (statement.get("speaker") or {}).get("entity")
                and any(content["start"] <= m["start"] and m["end"] <= before for m in e.get("mentions", []))]

    def _act_words(self, event: dict[str, Any], record: dict[str, Any], sentence: int,
                   paragraphs: Paragraphs) -> list[str]:
        """The words of a trigger that say what happened; for a part claimed or denied in
        an act the sentence does not name ("denied any involvement"), those of that act
        (the events layer's doers.act_before), which the part is a mention of."""
        trigger = event["trigger"]["text"]
        if trigger.lower() in self.lex.agency:
            act = act_before(record.get("events", []), (event["type"],), sentence, paragraphs.index)
            if act is not None:
                return self.lex.trigger_words(act["trigger"]["text"])
        return self.lex.trigger_words(trigger)

    def _dates(self, own: tuple[dt.date, dt.date] | None, published: dt.date | None,
               ahead: bool = False, back: int | None = None) -> tuple[str | None, str | None, bool]:
        """An item's own dates, else the days before its publication; never a guess. What
        a report only claims, denies or considers (`ahead`) may also come true in the days
        after: "rumours that the president has left", and he leaves the next day."""
        if own is not None:
            after = own[1] + dt.timedelta(days=AHEAD_DAYS if ahead else 0)
            return own[0].isoformat(), after.isoformat(), True
        if published is not None:
            # a report dated by its publication may also tell what began the next day (a
            # truce announced for tomorrow, a strike at night in another time zone)
            after = published + dt.timedelta(days=AHEAD_DAYS if ahead else 1)
            before = self.window if back is None else back
            return (published - dt.timedelta(days=before)).isoformat(), after.isoformat(), False
        return None, None, False

    def _named(self, event: dict[str, Any], family: str, after: str) -> tuple[list[str], str | None]:
        """The acts a refusal, a promise or a threat names, and the word naming them: by its
        trigger ("will not withdraw"), else, when the trigger names only refusing, agreeing
        or threatening, by the words that follow it ("refused to withdraw", "agreed to a
        mutual ceasefire", "threatened to impose sanctions")."""
        # from its head, the last word, past the words that name only the refusing,
        # agreeing or threatening itself: "threatened trade sanctions" names sanctions
        for w in reversed(self.lex.trigger_words(event["trigger"]["text"])):
            acts, word = self.lex.named_act([w])
            acts = _kept(acts, event["type"])
            if acts and acts != [family]:
                return acts, word
        found, named = self.lex.named_act(words(after)[:FOLLOWING_WORDS])
        return (found, named) if found and found != [family] else ([], None)

    def _listed_issuer(self) -> tuple[str, str] | None:
        """The actor the record's issuer speaks for, when entities/issuers.tsv lists it (the
        White House: the United States, GPE): a release in its own voice."""
        return self.lex.issuers.get((self.issuer or "").lower())

    def _issuer_voice(self) -> dict[str, Any]:
        """The speaker a record's issuer is, when its words say "we": the actor the issuer
        speaks for (entities/issuers.tsv: the White House for the United States), else the
        issuer by its name."""
        name, kind = self._listed_issuer() or (self.issuer, "ORG")
        return {"name": name, "type": kind, "person": None, **self._state(name, kind)}

    def speaker(self, statement: dict[str, Any], entities: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """Who puts the statement forward: its speaker, or the institution a spokesperson
        speaks for ("army spokesman Colonel Idris Falk" speaks for the army)."""
        said = statement.get("speaker") or {}
        entity = entities.get(said.get("entity") or "")
        words = (said.get("text") or "").lower().split()
        if words[:1] == ["our"] and self._listed_issuer() is not None \
                and (entity is None or entity["type"] != "PERSON"):
            # "our governments called for ...", in a joint statement: those who issue it (an
            # outlet's own "our" is a quoted speaker's: "'our commanders told us', he said")
            return self._issuer_voice()
        if entity is None:
            if (said.get("text") or "").lower() in FIRST_PERSON and self.issuer:
                # "we urge ...", "I welcome ..." that the record does not resolve: in a
                # statement an institution issues, its issuer
                return self._issuer_voice()
            return {"name": said.get("text"), "type": None, "person": None,
                    **(self._state(said["text"], None) if said.get("text") else {})}
        person = entity["name"] if entity["type"] == "PERSON" else None
        title = entity.get("title") or ""
        if person and not self.lex.speaks_for(title):
            # "The army spokesman, Brigadier Nabil Abdallah, said ...", then "he said": the
            # role another mention names the person by
            title = next((m["text"] for m in entity.get("mentions", []) if self.lex.speaks_for(m["text"])), title)
        institution = entities.get(entity.get("affiliation") or "") if person else None
        if institution is not None and (institution["type"] == "PERSON"
                                        or not self.lex.institution_in(institution["name"])):
            institution = None  # a person, or a rank the tagger took for a body ("Brigadier General")
        body = self.lex.institution_in(title) if person else None
        own = [w for w in (body or "").split() if w not in fold(institution["name"]).split()
               and not self._names_place(w, institution["name"])] \
            if institution is not None and institution["type"] == "GPE" else []
        if own:
            # "Zamfara State police spokesman", "Syria's army spokesman": the body the title
            # names, of that place, not the place (a state is not its police)
            institution = {"type": "ORG", "place": institution["name"], "name": " ".join([institution["name"], *own])}
        if person and institution is None and not body and self.lex.ranked(title):
            # "The army denied that the militants had entered Djibo. 'No terrorist has set
            # foot in Djibo,' Lieutenant-Colonel Kaboré said": an officer named by rank
            # alone, quoted right after a state's body in its paragraph, gives its word
            institution = self._body_just_before(statement["cue"]["start"])
            if institution is not None:
                return self._voice_of(institution, person)
        if person and self.lex.speaks_for(title):
            principal = self._principal(said, entity, entities) if institution is None and not body else None
            if principal is not None and principal["type"] == "PERSON" \
                    and not self.lex.speaks_for(principal.get("title") or ""):
                # "Governor Maikano insisted ... 'without any payment,' his spokesman said":
                # a person's spokesman puts forward the person's word, as the person would
                return self.speaker({**statement, "speaker": {**said, "entity": principal["id"]}}, entities)
            institution = institution or principal
            if institution is None and not body:
                # "The ministry denied it. Spokesman Pavel Dusek said ...": the institution
                # that spoke last before
                at = statement["cue"]["start"]
                institution = next((who for start, who in reversed(self.spoke) if start < at), None)
            if institution is not None:
                return self._voice_of(institution, person)
            if body:
                # "Zamfara State's information minister" speaks for the region's government
                region = self._region_of(entity, institution) \
                    if all(self.lex.government.get(w) == "general" for w in body.split()) else None
                return {"name": body, "type": "ORG", "person": person,
                        **({"state": region} if region else self._state(body, "ORG"))}
        # the side a person speaks as ("rebel commander Idris Bakri": the rebels), whose
        # "our control" a claim of control is
        side = institution["name"] if institution is not None else body
        name = entity["name"]
        owner = entities.get(entity.get("affiliation") or "") if entity["type"] == "GROUP" else None
        if owner is not None and owner["type"] == "PERSON" and name.islower():
            # "his associates": whose, as "associates of Navalny" names them in another report
            name = f"{name} of {owner['name']}"
        out = {"name": name, "type": entity["type"], "person": person, **({"side": side} if side else {}),
               **_aka(entity)}
        if person and title:
            out.update(self._office(entity, title, institution))
            region = self._region_of(entity, institution)
            if self.lex.governs(title, body) and (institution is None or institution["type"] == "GPE" or region):
                # "Security Minister Abdoulaye Kaba-Touré": he speaks for his state, as its
                # government does; not "ICRC President Peter Maurer", whose title names his body;
                # a region's governor or minister for the region's, not the country's
                if region is not None or self.lex.regional(title):
                    code = region or (self.region if institution is None else None)
                else:
                    country = self._country(title, institution, entity)
                    code = country.iso2 if country is not None \
                        else None if entity["id"] in self.unplaced else self._only_country()
                out.update({"state": code} if code else {})
        elif not person:
            # or "Peru's Foreign Ministry", whose name the entities layer keeps without its country
            owner = entities.get(entity.get("affiliation") or "")
            out.update((self._state(f"{owner['name']} {name}", entity["type"])
                        if owner is not None and owner["type"] == "GPE" else {}) or self._state(name, entity["type"]))
        return out

    def _voice_of(self, institution: dict[str, Any], person: str | None) -> dict[str, Any]:
        """The speaker a person is who speaks for an institution: the institution."""
        return {"name": institution["name"], "type": institution["type"], "person": person,
                **_aka(institution), **self._state(institution["name"], institution["type"])}

    def _body_just_before(self, at: int) -> dict[str, Any] | None:
        """The state's body (corpus/sides.tsv: "the army", "the interior ministry") whose
        statement is the last before `at`, in the same paragraph."""
        start, who = next(((start, who) for start, who in reversed(self.voices) if start < at), (None, None))
        if who is None or start is None or "\n" in self.text[start:at] or who["type"] not in ("ORG", "GPE"):
            return None
        return who if self.lex.side(self.lex.names.name(who["name"], who["type"]), "body") == "state" else None

    @staticmethod
    def _principal(said: dict[str, Any], entity: dict[str, Any],
                   entities: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
        """Whom a spokesperson named by a possessive speaks for: the one "his", "her" or
        "its" stands for, a mention of another entity at the start of the speaker phrase
        ("his spokesman, Abdulkadir Sambo")."""
        start = said.get("start")
        if start is None:
            return None
        for other in entities.values():
            if other is not entity and any(m["start"] == start and m["text"].lower() in POSSESSIVE_PRONOUNS
                                           for m in other.get("mentions", [])):
                return other
        return None

    def _region_of(self, entity: dict[str, Any], institution: dict[str, Any] | None) -> str | None:
        """The region within a country whose office a person's words give them: their
        affiliation's, even one the tagger took for a body or a person ("Balochistan's chief
        minister"), else one a mention of them names ("Zamfara State's information minister")."""
        if institution is not None:
            return self.regions.get(fold(institution["name"]))
        for mention in entity.get("mentions", []):
            words = f" {fold(mention['text'])} "
            found = next((code for region, code in self.regions.items() if f" {region} " in words), None)
            if found is not None:
                return found
        return None

    def _names_place(self, word: str, place: str) -> bool:
        """Whether a title's folded word is the place's other name ("us" of "US Secretary of
        State" for the United States), not a body of it ("army")."""
        return any(self.lex.names.name(w, "GPE").form == fold(place) for w in (word.upper(), word.title()))

    def _state(self, name: str, type: str | None) -> dict[str, str]:
        """{"state": its code} for a speaker that is a state or its government: the state by
        name ("the United States", "Washington"), its name and the words of a government
        ("Guinea's government", "U.S. Department of State", data/corpus/government.tsv),
        or those words alone that are any state's ("the government", "the presidency"), of
        the one country the article is about; else {}."""
        if type == "PERSON":
            return {}
        found = self.lex.names.name(name, type)
        words, index = list(found.words), self.lex.names.countries
        country, rest = None, words
        def country_of(run: list[str]) -> Any:
            return index.lookup(" ".join(run)) or (index.demonym(run[0]) if len(run) == 1 else None)

        for size in (3, 2, 1):  # the longest run of words that names a country, or its people ("Tajik officials")
            at = next((i for i in range(len(words) - size + 1) if country_of(words[i:i + size])), None)
            if at is not None:
                country = country_of(words[at:at + size])
                rest = words[:at] + words[at + size:]
                break
        rest = [w if w in self.lex.government else singular(w) for w in rest if w not in ("of", "the", "and", "for")]
        if country is not None:
            return {"state": country.iso2} if all(w in self.lex.government for w in rest) else {}
        if rest and all(self.lex.government.get(w) == "general" for w in rest) and self._only_country():
            return {"state": self._only_country()}
        if rest and all(self.lex.government.get(w) in ("general", "body") for w in rest) \
                and self.home is not None and self.home in self.area:
            return {"state": self.home}  # "the Foreign Ministry said", in a story filed from Quito
        return self._region_state(rest)

    def _region_state(self, words: list[str]) -> dict[str, str]:
        """{"state": its code} for the government of a region within a country: by the
        region's name ("Zamfara State government", "the Balochistan government"), or by a
        word of a division, of the one region the article is about ("the state
        government", "the provincial government", "provincial officials"); else {}."""
        kinds = self.lex.government
        for region, code in self.regions.items():
            named = region.split()
            at = next((i for i in range(len(words) - len(named) + 1) if words[i:i + len(named)] == named), None)
            if at is not None:
                rest = words[:at] + words[at + len(named):]
                governed = [w for w in rest if kinds.get(w) != "division"]
                return {"state": code} if governed and all(kinds.get(w) in ("general", "body") for w in governed) else {}
        # a division word names whose body it is, as a country's name does ("Tajik officials"):
        # "provincial officials" are the provincial government's
        divisions = [w for w in words if kinds.get(w) == "division"]
        governed = [w for w in words if kinds.get(w) != "division"]
        if divisions and governed and all(kinds.get(w) in ("general", "body") for w in governed) and self.region:
            return {"state": self.region}
        return {}

    def _only_country(self) -> str | None:
        """The one country the article is about, whose government "the government" or an
        office told without a country is; of two, the one the story was filed from
        ("QUITO, Ecuador — ... Foreign Minister Valeria Ordóñez" in a report of Peru's
        quarrel with Ecuador), else None: she may be either's."""
        if len(self.area) == 1:
            return self.area[0]
        # of two, the one the story was filed from: wire copy names the host's offices so
        return self.home if self.home in self.area else None

    def _country(self, title: str, institution: dict[str, Any] | None, entity: dict[str, Any]) -> Any:
        """The country a person holds an office of: their own (`_own_country`), else the
        issuer's, whose release names its own officials without it ("President Biden" in a
        White House statement); None if none says."""
        country = self._own_country(title, institution, entity)
        issuer = self._listed_issuer()
        if country is None and issuer is not None and issuer[1] == "GPE" and entity["id"] not in self.unplaced:
            country = self.lex.names.countries.lookup(issuer[0])
        return country

    def _own_country(self, title: str, institution: dict[str, Any] | None, entity: dict[str, Any]) -> Any:
        """The country a person's own words give their office: their affiliation's, else the
        title's or another mention's ("Israeli Prime Minister Benjamin Netanyahu")."""
        index = self.lex.names.countries
        country = index.lookup(institution.get("place") or institution["name"]) if institution is not None else None
        for text in [title, *(m["text"] for m in entity.get("mentions", []))]:
            country = country or next((c for w in fold(text).split() if (c := index.demonym(w) or index.lookup(w))),
                                      None)
        return country

    def _unplaced(self, record: dict[str, Any], entities: dict[str, dict[str, Any]]) -> set[str]:
        """The people of an article whose office the issuer's or the article's country
        cannot be given: one person holds an office in a country at a time, so when
        several of its holders are told with no country of their own ("President Putin" and
        "President Biden" in the White House's "Remarks by President Biden"), and one of them
        speaks as "I" or is named by the document's title, the others hold it elsewhere.
        Where none is, a state's release guesses its own country for each, as it names its
        own officials so; in another outlet's report, the article's country is no one's."""
        issuer = self._listed_issuer()
        issued = issuer is not None and issuer[1] == "GPE"  # a state's release, which names its own officials so
        first_person = {(s.get("speaker") or {}).get("entity") for s in record.get("statements", [])
                        if ((s.get("speaker") or {}).get("text") or "").lower() in FIRST_PERSON}
        title = fold(record["document"].get("title") or "")
        by_office: dict[str, list[dict[str, Any]]] = {}
        for entity in entities.values():
            office = self.lex.office(entity.get("title") or "") if entity["type"] == "PERSON" else None
            institution = entities.get(entity.get("affiliation") or "")
            if office is not None and self._own_country(entity.get("title") or "", institution, entity) is None:
                by_office.setdefault(office, []).append(entity)
        out: set[str] = set()
        for holders in by_office.values():
            if len({e["id"] for e in holders}) < 2:
                continue
            named = [e for e in holders if e["id"] in first_person
                     or any(f" {w} " in f" {title} " for w in fold(e["name"]).split()
                            if len(w) > 2 and w not in self.lex.names.roles)]
            if len(named) == 1:
                out |= {e["id"] for e in holders if e is not named[0]}
            elif not issued:
                out |= {e["id"] for e in holders}  # the article's country is a guess for one of them at most
        return out

    def _office(self, entity: dict[str, Any], title: str, institution: dict[str, Any] | None) -> dict[str, Any]:
        """The office a person speaks in and its country ("foreign_minister|IR": `_country`,
        else the country the article is most about), if one person holds
        it (data/corpus/offices.tsv), and whether the text names them only by it ("Iran's
        foreign minister"): across articles, the one told by name and the one told by
        office are one speaker (claims.py)."""
        by_office = fold(title) in fold(entity["name"])
        # a description names the whole office ("Hirshabelle's minister for humanitarian
        # affairs", whose title is "minister")
        place = (institution.get("place") or institution["name"]) if institution is not None else ""
        office = self.lex.office(entity["name"] if by_office else title, place)
        if office is None:
            return {}
        country = self._country(title, institution, entity)
        if country is None and entity["id"] in self.unplaced:
            return {}  # which country's holder they are, the article does not say
        code = country.iso2 if country is not None else (self.area[0] if self.area else "")
        if office not in self.lex.offices and place and self.lex.names.countries.lookup(place) is None:
            code += f"|{fold(place)}"  # a region's minister is not the federal one of that portfolio
        return {"office": f"{office}|{code}", "by_office": by_office}


def _regions(places: list[dict[str, Any]], text: str, divisions: frozenset[str],
             country: str | None) -> tuple[dict[str, str], str | None]:
    """The regions within a country (states, provinces: the gazetteer's first division)
    of an article's places, by their folded names (the article's "zamfara state", the
    gazetteer's "zamfara") with a code of country and region ("NG/zamfara"), and the
    places the gazetteer does not know, in the article's one `country` ("Hirshabelle", a
    Somali state since 2016: "SO/hirshabelle"), which a government may be named by; and
    the one region the article is about: the one place the gazetteer does not know that
    it calls a division by a word of `divisions` ("Somalia's Hirshabelle state", whose
    towns the gazetteer puts in older regions), else the one its places lie in ("Gusau"
    and "Kaura Namoda": Zamfara). Not the region most of its places lie in: a story of a
    clash on a border tells both sides' towns, and a governor of one side is not the other's."""
    named: dict[str, str] = {}
    lying: set[str] = set()
    called: set[str] = set()
    for place in places:
        unknown = place.get("geonameid") is None  # to the gazetteer
        if unknown and not place.get("country") and country:
            code = f"{country}/{fold(place['name'])}"
            named.setdefault(fold(place["name"]), code)
        elif place.get("country") and place.get("admin1"):
            code = f"{place['country']}/{fold(place['admin1'])}"
            lying.add(code)
            named[fold(place["admin1"])] = code
            if place.get("kind") == "admin1":
                named[fold(place["name"])] = code
        else:
            continue
        after = (DIVISION.match(text, m["end"]) for m in place.get("mentions") or [])
        if unknown and any(word is not None and word[1].lower() in divisions for word in after):
            called.add(code)
    if len(called) == 1:
        return named, next(iter(called))
    return named, next(iter(lying)) if len(lying) == 1 else None


def _performed(event: dict[str, Any], cues: SpanIndex[str], text: str) -> bool:
    """Whether an act done by saying is performed by the text itself: its trigger is the
    cue of a statement (a verb of saying, not "renewed calls for a truce"), in the present
    tense ("The United States condemns", "We call on", "I urge"), not reported ("condemned
    the attack on Sunday")."""
    start, end = event["trigger"]["start"], event["trigger"]["end"]
    if not cues.overlapping(start, end):
        return False
    word = re.match(r"[A-Za-z]+", text[start:end])
    if word is None:
        return False
    verb = word.group().lower()
    if verb in AUXILIARIES or verb.endswith("ed"):
        return False  # "has condemned", "we condemned": told as done
    before = text[max(0, start - 30):start].lower().split()
    return verb.endswith("s") and not verb.endswith("ss") or any(w in ("we", "i") for w in before[-3:])


def _aka(entity: dict[str, Any]) -> dict[str, list[str]]:
    """The acronyms an article gives a body besides its name ("the United Front of the
    Massif (FUM)": FUM), by which another article that names it only so is it (claims.py).
    A person's are none: "UN" in "UN envoy Hans Grundberg" is not his."""
    name = entity.get("name") or ""
    found = sorted({m["text"] for m in entity.get("mentions", []) if ACRONYM.fullmatch(m["text"])} - {name})
    return {"aka": found} if found and entity.get("type") != "PERSON" else {}


def _participle(trigger: str) -> bool:
    """Whether a trigger begins with an -ing form ("burning houses", "targeting"): beside
    another act of its sentence, what that act did or what it was aimed at."""
    return trigger.split()[0].lower().endswith("ing")


def _part(figure: dict[str, Any], text: str) -> bool:
    """Whether a figure counts a part of a group told before ("five of the dead", "12 of
    them" freed), not a whole: not a toll whose group is only a pronoun ("six of them have
    died": the dead of those treated); or people beside others ("two more guards died",
    "four other peacekeepers were wounded"), whom another report's whole count may hold."""
    found = PART.search(figure["text"]) or PART.match(text[figure["end"]:])
    if found is not None:
        return not (found.group("pronoun") and figure["category"] in TOLLS)
    return bool(MORE.search(figure["text"]) or MORE.match(text[figure["end"]:]))


def _names_itself(name: str, names: Names, places: set[str]) -> bool:
    """Whether a group's name has a capitalised word of its own: not a common word
    (`Names.common`) nor a word of a place the record finds ("Up Station")."""
    return any(any(c.isupper() for c in w) and not names.common(w) and fold(w) not in places
               for w in TOKEN.findall(name))


def _of_person(name: str, persons: set[str]) -> bool:
    """Whether a group is named as someone's ("Lacson's family", "Musa's relatives"): the
    people of a person the record names, not a group with a name of its own."""
    owner = POSSESSOR.match(name)
    return owner is not None and all(fold(w) in persons for w in TOKEN.findall(owner.group(1)))


def _unpeopled(text: str, names: Names) -> str:
    """A group's words without those of a people or a country ("Yemeni armed group": armed group)."""
    kept = [w for w in text.split() if names.countries.demonym(w) is None and names.countries.lookup(w) is None]
    return " ".join(kept) if kept else text


def _kept(families: list[str], event_type: str) -> list[str]:
    """Of the families the senses of a promise's own word name, those of the cooperative
    act the events layer read it as, which is what made it a promise (stage.py `_intent`):
    "the guns will fall silent" promises a ceasefire, though guns that fall may be an
    attack and a town that falls a taking."""
    if event_type != "AGREE":
        return families
    return [f for f in families if f.split("-")[0] in COOPERATIVE] or families


def _without_speaker(event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if k != "speaker"}


def _entity(entity: dict[str, Any]) -> dict[str, Any]:
    return {"name": entity["name"], "type": entity["type"], **_aka(entity)}


def _place(p: dict[str, Any]) -> dict[str, Any]:
    return {"name": p["name"], "kind": p.get("kind"), "geonameid": p.get("geonameid"), "lat": p.get("lat"),
            "lon": p.get("lon"), "country": p.get("country"), "admin1": p.get("admin1")}


def _mentions(record: dict[str, Any]) -> SpanIndex[str]:
    """Where the record's places are named, by position (each place's id)."""
    return SpanIndex((m["start"], m["end"], p["id"]) for p in record.get("places", []) for m in p.get("mentions", []))


def _places_in(record: dict[str, Any], mentioned: SpanIndex[str], start: int, end: int) -> list[str]:
    """The places (their ids, in the record's order) named between start and end."""
    found = {place for _, _, place in mentioned.within(start, end)}
    return [p["id"] for p in record.get("places", []) if p["id"] in found] if found else []


def _places_named(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The places short of a country or a region that an article names; its dateline's
    only when the text names it too."""
    dateline = (record["document"].get("dateline") or "").lower()
    return [p for p in record.get("places", []) if p.get("kind") not in ("country", "region")
            and (p["name"].lower() != dateline or len(p.get("mentions", [])) > 1)]


def _only_place(record: dict[str, Any]) -> str | None:
    """The one place an article names (`_places_named`), if it names one: where a report
    that names no place may well be ("ANTANANARIVO - ... protesters in Antananarivo ...
    police in Toamasina fired tear gas": two places, so no one). Used to compare, never
    shown."""
    found = _places_named(record)
    return found[0]["id"] if len(found) == 1 else None


def _main_place(record: dict[str, Any]) -> str | None:
    """Where a toll that names no place most likely counts ("the death toll from Monday's
    attack" in an article about Kidal): the first place that the article's first paragraph
    names apart from its dateline ("KHARTOUM - A drone hit a market in Dilling": Dilling;
    "ANTANANARIVO - Security forces fired on protesters in Antananarivo": Antananarivo),
    else its only place, else the one country its first paragraph names ("a drone strike
    on a wedding in western Niger": a toll of it is in Niger, wherever there). Used to
    compare, never shown."""
    text = record["document"]["text"]
    begins = len(text) - len(text.lstrip())  # where a dateline is
    lede = text.find("\n", begins)
    lede = len(text) if lede < 0 else lede

    def in_lede(place: dict[str, Any]) -> bool:
        return any(begins < m["start"] < lede for m in place.get("mentions", []))

    first = [(min(m["start"] for m in p["mentions"] if m["start"] > begins), p["id"]) for p in _places_named(record)
             if in_lede(p)]
    if first:
        return min(first)[1]
    countries = [p["id"] for p in record.get("places", []) if p.get("kind") == "country" and in_lede(p)]
    return _only_place(record) or (countries[0] if len(countries) == 1 else None)


def _own_sayings(statements: list[dict[str, Any]]) -> dict[str, int]:
    """The statements that are what another statement of the same speaker says, as its
    whole: "the governor said he expected them to be freed within days", whose content is
    the governor's "expected them to be freed". Each is mapped to where the saying that
    tells it begins."""
    own: dict[str, int] = {}
    for inner in statements:
        who = inner.get("speaker") or {}
        if who.get("entity") is None or who.get("start") is None:
            continue
        for outer in statements:
            content = outer["content"]
            if outer is not inner and content["start"] == who["start"] \
                    and inner["content"]["end"] <= content["end"] \
                    and (outer.get("speaker") or {}).get("entity") == who["entity"]:
                own[inner["id"]] = content["start"]
    return own


def _persons(record: dict[str, Any], statement: dict[str, Any]) -> list[str]:
    """The people a statement is about: named in its content, else in its sentence
    (""Assad is in the capital," it said"), its speaker left out."""
    speaker = (statement.get("speaker") or {}).get("entity")
    people = [e for e in record.get("entities", []) if e["type"] == "PERSON" and e["id"] != speaker]
    for span in (statement["content"], statement.get("sentence")):
        if not span:
            continue
        found = [e["name"] for e in people
                 if any(span["start"] <= m["start"] and m["end"] <= span["end"] for m in e.get("mentions", []))]
        if found:
            return found
    return []


# hours in a unit of a TIMEX3 duration ("PT48H", "P2D", "P1W")
HOURS = {"H": 1, "D": 24, "W": 168}
DURATION = re.compile(r"^PT?(\d+)([HDW])$")


def _deadlines(record: dict[str, Any], start: int, end: int) -> list[str]:
    """The times a saying's words give, as values that compare: a day or a week as the
    times layer resolved it, a span in hours ("within 48 hours" and "within two days" are
    one deadline)."""
    out = set()
    for t in record.get("times", []):
        if not (start <= t["start"] and t["end"] <= end) or not t.get("value"):
            continue
        if t["type"] == "DURATION":
            found = DURATION.match(t["value"])
            if found:
                out.add(f"{int(found.group(1)) * HOURS[found.group(2)]}h")
        elif t["type"] == "DATE":
            out.add(t["value"])
    return sorted(out)


# the word that makes a span a deadline ("would be freed within 48 hours"), not a length
# ("a seven-day truce", "halt operations for 90 days"): grammar's closed set
WITHIN = re.compile(r"\bwithin\s+(?:the\s+(?:next\s+)?)?$", re.IGNORECASE)


def _within(record: dict[str, Any], text: str, start: int) -> int | None:
    """The hours a saying gives for what it says will come ("within 48 hours", "within ten
    days"), the longest if it gives several; None if it gives none."""
    hours = []
    for t in record.get("times", []):
        found = DURATION.match(t.get("value") or "") if t["type"] == "DURATION" else None
        if found and start <= t["start"] < start + len(text) and WITHIN.search(text[:t["start"] - start]):
            hours.append(int(found.group(1)) * HOURS[found.group(2)])
    return max(hours, default=None)


def _time_of(time: dict[str, Any] | None) -> str | None:
    found = interval((time or {}).get("value"))
    return found[0].isoformat() if found and found[0] == found[1] else None
