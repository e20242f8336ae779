"""The figures layer: counts of people, with how exact they are, what happened to the
people counted, and who gave the number.

A number is a figure when it counts people: it stands before a noun for people
(data/figures/people.tsv, or a plural nationality such as "Syrians"), before "of" and such
a noun ("dozens of insurgents"), or alone where a word of data/figures/categories.tsv
governs it ("killing 20", "370,000 displaced", "the death toll rose to 22"). Years, money,
percentages, distances and identifiers are left out because nothing of the kind counts
them. The qualifier comes from the words before the number (data/figures/qualifiers.tsv),
the category from the clause the count belongs to: the verb or noun that governs it, the
figure it is part of, its modifiers, the counted noun, the place whose people it counts
(clause.py says in what order).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...numbers import Number
from ...spanindex import SpanIndex
from ...syntax import SEQUENCE, sentence_of, text_of
from ..base import Context, stage
from .clause import Categories
from .lexicon import Lexicon, lexicon

AGE_THRESHOLDS = {"under", "over", "aged", "below", "above"}
NOT_COUNTS = {"%", "percent", "per", "year", "years", "-year", "year-old", "old", "aged"}


@dataclass
class Figure:
    start: int
    end: int
    qualifier: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    category: str
    sentence: Span


# what lies between a place and the larger one that locates it: "X camp near", "X, a town
# in", "Kharkiv, " (in "Kharkiv, Ukraine")
LOCATING = re.compile(r",\s*|(?:'s)?(?:\s+[\w-]+){0,3}?,?\s+(?:near|outside|in|of|north of|south of|east of|west of)"
                      r"(?:\s+(?:the|a|an))?(?:\s+[\w-]+){0,2}?\s+(?:of\s+)?", re.IGNORECASE)
BREADTH = {"city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}  # a place's kind, from narrow to broad


@stage("figures", requires=("places", "times", "statements"), provides=("figures",), resources=(lexicon,))
def find_figures(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    times = SpanIndex((t["start"], t["end"], t) for t in record["times"])
    places = SpanIndex((m["start"], m["end"], p) for p in record.get("places", []) for m in p["mentions"])
    statements = SpanIndex((s["content"]["start"], s["content"]["end"], s) for s in record["statements"])
    # "two officials said", "three witnesses told reporters": people who speak are sources,
    # not a count the article reports (unless something happened to them)
    speakers = SpanIndex((s["speaker"]["start"], s["speaker"]["end"], s) for s in record["statements"]
                         if s["speaker"].get("start") is not None and s["speaker"].get("end") is not None)
    figures = []
    finder = FigureFinder(doc, times, places, context.get(lexicon))
    for figure in finder.find():
        if figure.category == "other" and speakers.overlapping(figure.start, figure.end):
            continue
        statement = statements.narrowest_holding(figure.start, figure.end)
        figures.append({
            "id": f"F{len(figures) + 1}", "start": figure.start, "end": figure.end,
            "text": finder.text[figure.start:figure.end], "value": figure.value, "low": figure.low,
            "high": figure.high, "qualifier": figure.qualifier, "category": figure.category,
            "place": _place_of(figure, places, statement, finder.lex, finder.text), "time": _time_of(figure, times, statement),
            "attributed_to": _id(statement)})
    return {"figures": figures}


class FigureFinder:
    def __init__(self, doc: Doc, times: SpanIndex, places: SpanIndex, lex: Lexicon):
        self.doc = doc
        self.text = text_of(doc)
        self.times = times
        self.lex = lex
        self.numbers = lex.numbers
        self.found: list[Figure] = []  # the figures found so far, before the number read now
        self.categories = Categories(doc, lex, places, self._is_people)

    def find(self) -> list[Figure]:
        found: list[Figure] = []
        self.found = found
        numbers = list(self._numbers())
        skip_until = -1
        for i, number in enumerate(numbers):
            if number.start < skip_until:
                continue
            figure = self._figure(number, numbers[i + 1] if i + 1 < len(numbers) else None)
            if figure is not None:
                found.append(figure)
                skip_until = figure.end
        return found

    def _numbers(self):
        for m in self.numbers.pattern.finditer(self.text):
            if self.times.overlapping(m.start(), m.end()):
                continue  # a year, a date, a duration
            number = self.numbers.read(m.group(), m.start())
            if number is not None:
                yield number

    def _figure(self, number: Number, following: Number | None) -> Figure | None:
        span = self.doc.char_span(number.start, number.end, alignment_mode="expand")
        if span is None:
            return None
        last = span[-1]
        if self._not_a_count(number, span):
            return None
        # "between 20 and 30 people", "20 to 30 people": one figure over both numbers
        high_number = None
        start = number.start
        if following is not None and re.fullmatch(r"\s*(?:-|–|to|and)\s*",
                                                  self.text[number.end:following.start]):
            before = self.text[max(0, number.start - 9):number.start].lower()
            joiner = self.text[number.end:following.start].strip()
            # "rose from 20 to 45" is a change, not a range: each number stands alone
            if (joiner != "and" or before.endswith("between ")) and not before.endswith("from "):
                high_number = following
                tail = self.doc.char_span(following.start, following.end, alignment_mode="expand")
                if tail is not None:
                    last = tail[-1]
                if before.endswith("between "):
                    start = number.start - len("between ")
        counted = self._counted(last)
        if counted is not None and any(t.like_num for t in self.doc[last.i + 1:counted.i]):
            counted = None  # "3, 4 and 5 people": the noun belongs to the last number
        if counted is None and last.dep_ == "nummod" and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN"):
            return None  # "in one hospital", "the two blasts": it counts something else
        if counted is None and any(t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") for t in span):
            return None  # the tagger's money and measures, unless a noun for people says otherwise
            # ("more than 10 million people" is sometimes tagged MONEY)
        category = self.categories.of(span, last, counted)
        if category is None and (counted is None or counted.lower_ in self.lex.not_alone):
            return None
        end = (counted.idx + len(counted.text)) if counted is not None and counted.i > last.i else \
            (high_number.end if high_number else number.end)
        qualifier, start = self._qualifier(number, start, high_number)
        value, low, high = number.value, number.low, None
        before = self.doc[span[0].i - 1] if span[0].i > 0 else None
        if value == 1 and high_number is None and before is not None and before.lower_ in ("no", "not"):
            # "no one was killed", "not one soldier was wounded": a count of none
            value, start = 0, before.idx
        if high_number is not None:
            value, low, high = None, number.value, high_number.value
            scale = re.search(r"(?i)\s(thousand|million|billion)$", self.text[high_number.start:high_number.end])
            if scale and not re.search(r"(?i)[a-z]", self.text[number.start:number.end]):
                scaled = self.numbers.read(f"{self.text[number.start:number.end]} {scale.group(1)}")
                low = scaled.value if scaled else low  # "between 2 and 3 million": 2,000,000
        return Figure(start, end, qualifier, value, low, high, category or "other", sentence_of(last))

    def _not_a_count(self, number: Number, span: Span) -> bool:
        doc = self.doc
        first, last = span[0], span[-1]
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        text = self.text
        left = text[max(0, number.start - 2):number.start]
        right = text[number.end:number.end + 1]
        if before is not None and before.text in ("$", "€", "£", "#", "No.", "no."):
            return True
        if after is not None and after.lower_ in NOT_COUNTS:
            return True
        if right == "-" and self.text[number.end + 1:number.end + 2].isalpha():
            return True  # "2,000-strong", "a 24-year-old", "three-day": the number modifies a word
        if before is not None and before.lower_ in AGE_THRESHOLDS and first.i >= 2 \
                and self._is_people(doc[first.i - 2]):
            return True  # "children under 5": an age, not a count
        if first.lower_ == "one" and after is not None and after.lower_ == "of":
            return True  # "one of the victims": one person picked out, not a count
        if left.endswith("/") or right == "/" or (left.endswith("-") and left[:1].isalpha()):
            return True  # "9/11", "number-two man"
        return any(t.ent_type_ == "ORDINAL" for t in span)

    def _counted(self, last: Token) -> Token | None:
        """The noun for people the number counts, or None."""
        doc = self.doc
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ == "of":  # "dozens of insurgents", "thousands of displaced Syrians"
            obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if obj is not None and self._is_people(obj):
                return obj
            # "hundreds of thousands of people": the pobj chain
            if obj is not None and obj.like_num:
                return self._counted(obj)
            return None
        head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") else None
        if head is not None and head.i > last.i and self._is_people(head) and head.dep_ != "compound":
            return head
        if nxt is not None and self._is_people(nxt) and nxt.pos_ in ("NOUN", "PROPN", "ADJ") and not (
                nxt.dep_ == "compound" and nxt.head.i > nxt.i and not self._is_people(nxt.head)):
            return nxt  # not "27 member states"
        if nxt is not None and last.lower_ in ("one", "1") and nxt.ent_type_ == "NORP" and nxt.tag_ in ("NN", "NNP"):
            return nxt  # "including one American": a nationality counts one person
        if nxt is not None and nxt.lower_ == "more" and self.found and (
                nxt.i + 1 == len(doc) or doc[nxt.i + 1].pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
                and doc[nxt.i + 1].lower_ != "than"):
            return nxt  # "twenty more were injured", "millions more": more of the people counted before
        return None

    def _is_people(self, token: Token) -> bool:
        word = token.lower_
        if word in self.lex.people or token.lemma_.lower() in self.lex.people:
            return True
        two = f"{word} {token.nbor(1).lower_}" if token.i + 1 < len(token.doc) else ""
        if two in self.lex.people:
            return True
        if token.ent_type_ != "NORP":
            return False
        # "Syrians"; "10,000 Rohingya", a people whose plural has no -s, counted as the noun
        return token.tag_ in ("NNS", "NNPS") or token.pos_ == "PROPN" and token.dep_ not in ("amod", "compound") \
            and token.i > 0 and token.nbor(-1).like_num and token.nbor(-1).lower_ not in ("one", "1")

    def _qualifier(self, number: Number, start: int, high_number: Number | None) -> tuple[str, int]:
        if high_number is not None:
            return "range", start
        if number.vague:
            return "vague", start
        after = self.lex.after.match(self.text, number.end)
        if after:
            return self.lex.qualifier_of[" ".join(after.group(1).lower().split())], start
        m = self.lex.qualifiers.search(self.text[max(0, start - 30):start])
        if m:
            phrase = " ".join(m.group(1).lower().split())
            at = start - (len(self.text[max(0, start - 30):start]) - m.start(1))
            word = self.doc.char_span(at, at + len(m.group(1)), alignment_mode="expand")
            if word is not None and (word[-1].tag_ == "RP" or word[-1].dep_ == "prt"):
                # the particle of the verb before it ("handed over four guards", "would hand
                # over 320 fighters"): the count is as stated
                return "exact", start
            return self.lex.qualifier_of[phrase], at
        return "exact", start


def _time_of(figure: Figure, times: SpanIndex, statement: dict[str, Any] | None = None) -> str | None:
    """The nearest date in the figure's sentence; for a figure someone gives, the nearest in
    what they say when it names one ("the UN said on Sunday that 45 people were killed in
    the strike on Saturday": Saturday, not the day it was said)."""
    sent = figure.sentence
    # not a date of another act told as coming before or after ("confirmed that seven
    # guards were killed, after footage of the raid was broadcast this week")
    apart = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in sent
             if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SEQUENCE for m in c.children)
             and not c.left_edge.idx <= figure.start < c.right_edge.idx + len(c.right_edge.text)]
    candidates = [(start, t) for start, _, t in times.overlapping(sent.start_char, sent.end_char)
                  if t["type"] in ("DATE", "TIME") and not any(lo <= start < hi for lo, hi in apart)]
    if statement is not None:
        # not a date of the counted people's own description ("warrants for 36 people
        # involved in the killing in January" were issued on the day said)
        content, (own_start, own_end) = statement["content"], _described(figure)
        candidates = [c for c in candidates if content["start"] <= c[0] < content["end"]
                      and not own_start <= c[0] < own_end] or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c[0] - figure.start))[1]["id"]


def _described(figure: Figure) -> tuple[int, int]:
    """The characters of the figure's noun phrase with all that describes it ("36 people
    believed to have been involved in the assassination in January")."""
    sent = figure.sentence
    noun = next((t for t in sent if t.idx < figure.end <= t.idx + len(t.text)), None)
    if noun is None:
        return figure.start, figure.end
    return noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)


def _place_of(figure: Figure, places: SpanIndex, statement: dict[str, Any] | None, lex: Lexicon,
              text: str) -> str | None:
    """The place the sentence names first after the figure ("370,000 displaced in Syria"),
    else the nearest before it ("In Homs, 20 were killed"); for a figure someone gives, the
    place in what they say before one where they are ("In Gao, five soldiers were killed,
    officials in Bamako said": Gao), which stays the best guess when what they say names
    none ("officials in Bamako said five soldiers were killed"). Not, for the killed and the
    injured, where they were brought ("17 wounded soldiers were brought to the health
    centre in Niafunké": data/figures/carried.tsv)."""
    sent = figure.sentence
    named = list(places.overlapping(sent.start_char, sent.end_char))
    if figure.category in ("killed", "injured"):
        named = [(start, end, p) for start, end, p in named if not _brought_to(sent, start, lex)]
    said = [(start, p) for start, end, p in named
            if statement is not None and start < statement["content"]["end"] and statement["content"]["start"] < end]
    found = said or [(start, p) for start, _, p in named]
    after = [(start, p) for start, p in found if start >= figure.end]
    if after:
        return min(after, key=lambda c: c[0])[1]["id"]
    before = sorted((start, p) for start, p in found if start < figure.start)
    if not before:
        return None
    start, place = before[-1]
    for earlier_start, earlier in reversed(before[:-1]):
        # "the Abu Shouk camp near El Fasher", "a village outside Goma": the place first
        # named is where, the next only locates it
        between = text[_end_of(earlier, earlier_start):start]
        if not LOCATING.fullmatch(between) or BREADTH.get(earlier.get("kind"), 0) > BREADTH.get(place.get("kind"), 0):
            break
        start, place = earlier_start, earlier
    return place["id"]



def _brought_to(sent: Span, start: int, lex: Lexicon) -> bool:
    """Whether the place named at `start` is where a verb of carried.tsv moves people to:
    in the phrase of its "to" or "into", or of an "in" or "at" after it ("taken to
    hospitals in Goma", where the parser hangs "in Goma" from "taken")."""
    token = next((t for t in sent if t.idx <= start < t.idx + len(t.text)), None)
    while token is not None and token.dep_ != "ROOT":
        if token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):
            prep, verb = token.head, token.head.head
            return verb.lemma_.lower() in lex.carried and _moves_people(verb, lex) and (
                prep.lower_ in ("to", "into") or prep.lower_ in ("in", "at") and any(
                    c.dep_ == "prep" and c.lower_ in ("to", "into") and c.i < prep.i for c in verb.children))
        if token.dep_ in ("relcl", "acl", "ccomp", "advcl", "conj") \
                or token.dep_ == "prep" and token.head.pos_ not in ("NOUN", "PROPN"):
            return False  # a clause or a verb's phrase of its own: "to" further up is not this place's
        token = token.head
    return False


def _moves_people(verb: Token, lex: Lexicon) -> bool:
    """Whether what a verb moves is people: its object, or its subject in the passive, a
    count, a pronoun or a noun of people ("the injured", "patients"), not "a convoy
    carrying food to Djibo"."""
    moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.like_num or c.pos_ == "PRON" or c.lower_ in lex.people or c.lemma_.lower() in lex.people
               or c.lower_ in lex.words or any(n.like_num for n in c.children) for c in moved)


def _end_of(place: dict[str, Any], start: int) -> int:
    return next((m["end"] for m in place["mentions"] if m["start"] == start), start)


def _id(statement: dict[str, Any] | None) -> str | None:
    return statement["id"] if statement else None
