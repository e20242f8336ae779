"""The times layer: temporal expressions with TIMEX3 types and values.

Candidates come from the patterns in grammar.py; the parse settles the cases text alone
cannot (is "1500" a year or a count of troops? is "fall" a season?) and gives each
expression the tense of its clause; anchor.py gives the value.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...syntax import sentence_of
from ..base import Context, stage
from .anchor import Anchor, Resolved, When
from .grammar import Mention
from .lexicon import Lexicon, lexicon

AGE_WORDS = {"old", "older", "younger"}
CLOCKS = ("clock", "clock24", "military", "noon")
CLAUSES = {"ROOT", "relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}  # what heads a clause


@stage("times", provides=("times",), resources=(lexicon,))
def find_times(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    published = record["document"].get("published")
    text = record["document"]["text"]  # the same string as doc.text, which spaCy rebuilds on every access
    lex = context.get(lexicon)
    candidates = []
    tenses: dict[tuple[int, bool], str | None] = {}  # per governing verb: a long sentence is read once
    for mention in lex.grammar.find(text):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _is_temporal(mention, span, lex):
            candidates.append((mention, span, tense_of(span, lex, tenses)))

    def resolve_all(days: list[tuple[Span, When]] | None) -> list[tuple[Span, Resolved]]:
        anchor = Anchor(lex.grammar, dt.date.fromisoformat(published[:10]) if published else None,  # a timestamp's day
                        mode=context.settings.anchoring, day_first=context.settings.day_first)
        out = []
        for mention, span, tense in candidates:
            if _measured_from_unknown(mention, span, out):
                out.append((span, Resolved("DATE", None, mention.start, mention.end)))
                continue
            day = _day_of_clock(mention, span, days, anchor.published) if days else None
            resolved = anchor.resolve(mention, tense, day=day)
            if resolved is not None:
                out.append((span, resolved))
        return out

    # A clock time takes its day from a date of its sentence, which may come after it
    # ("at 10:30 p.m. on Friday"): a first reading finds the dates, the second uses them.
    first = resolve_all(None)
    days = [(span, r.when) for span, r in first if r.when is not None and r.when.day is not None]
    needs_days = any(m.shape in CLOCKS for m, _, _ in candidates)
    times = []
    for _, resolved in (resolve_all(days) if needs_days and days else first):
        start, end = _trimmed(text, resolved.start, resolved.end)
        times.append({"id": f"T{len(times) + 1}", "start": start, "end": end, "text": text[start:end],
                      "type": resolved.type, "value": resolved.value})
    return {"times": times}


def _measured_from_unknown(mention: Mention, span: Span, earlier: list[tuple[Span, Resolved]]) -> bool:
    """Whether "N days after/before" counts from an event its own words name, after a date
    of the same sentence: in "evacuated on Monday, two days after a strike killed 14" it
    dates the evacuation from the strike, whose day the text does not give; the latest date
    (Monday) is the evacuation's own, not the strike's, so there is nothing to count from.
    Without such a date before it ("Two days after the attack, troops withdrew"), the
    latest date told is taken to be the attack's (anchor.py)."""
    if mention.shape != "ago" or mention.parts.get("dir", "").lower() not in ("after", "before"):
        return False
    doc = span.doc
    follows = doc[span.end] if span.end < len(doc) else None
    if follows is None or not (follows.is_alpha or follows.like_num) or follows.lower_ in ("and", "or", "but"):
        return False  # "two days after, troops withdrew": counted from the last event told
    sentence = sentence_of(span[0]).start
    return any(r.when is not None and sentence_of(s[0]).start == sentence for s, r in earlier)


def _day_of_clock(mention: Mention, span: Span, days: list[tuple[Span, When]],
                  published: dt.date | None) -> When | None:
    """The day a clock time ("10:39 a.m.") is on: the date of its own clause ("at 10:30
    p.m. on Friday"), not of another clause of its sentence ("marched shortly before noon,
    the culmination of a sit-in that began on 9 June"); with no date in its sentence, the
    first date of its paragraph, which in news is the day of the event being told; with
    none there, the first date of the article's lead other than its publication day (the
    dateline's, or the day the lead's source spoke), the day of the event the article is
    about ("an attack on Kutum on Saturday, the charity said on Sunday ... Residents said
    two barrels burst open around midday": Saturday's midday, not the day it was said)."""
    if mention.shape not in CLOCKS:
        return None
    here = sentence_of(span[0]).start
    same = [(s, when) for s, when in days if sentence_of(s[0]).start == here]
    if same:
        clause = _clause(span.root)
        return next((when for s, when in same if _clause(s.root) == clause), None)
    paragraph = _paragraph_start(span)
    in_paragraph = [when for s, when in days if paragraph <= sentence_of(s[0]).start < here]
    if in_paragraph:
        return in_paragraph[0]
    return next((when for s, when in days if s.start < paragraph and _paragraph_start(s) == 0
                 and when.date() != published), None)


def _clause(token: Token) -> int:
    """The index of the verb whose clause holds a token: the nearest head that is the
    sentence's root or heads a clause of its own."""
    while token.dep_ not in CLAUSES and token.head.i != token.i:
        token = token.head
    return token.i


def _paragraph_start(span: Span) -> int:
    """Token index where the span's paragraph begins."""
    doc = span.doc
    first = sentence_of(span[0])
    while first.start > 0:
        previous = doc[first.start - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            break
        first = sentence_of(previous)
    return first.start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,.":
        if text[end - 1] == "." and text[end - 2:end].lower() in ("m.", "c.", "d."):  # "p.m.", "B.C."
            break
        end -= 1
    return start, end


def _is_temporal(m: Mention, span: Span, lex: Lexicon) -> bool:
    """Whether the parse agrees that a candidate is a temporal expression."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    p = m.parts
    if _inside_name(span):
        return False
    if m.shape == "year" and not (p.get("era") or p.get("modifier") or p.get("season")):
        return _is_year(span, before, after, lex)
    if m.shape in ("month", "season") and not p.get("modifier"):
        if m.shape == "season" and after == "of":  # "the fall of Aleppo"
            return False
        return before in lex.calendar_leads and span.root.pos_ in ("PROPN", "NOUN")
    if m.shape == "duration":
        if after in AGE_WORDS or "year-old" in after or (after == "-" and span.end + 1 < len(doc)
                                                          and doc[span.end + 1].lower_ in AGE_WORDS):
            return False
        if not p.get("amount"):
            return p["unit"].lower().endswith("s") and before not in ("the", "these", "those", "this", "that")
        if p["amount"].lower() in ("a", "an", "some", "many") and not p.get("approx"):
            return before in ("for", "within", "over", "after", "than", "in", "about", "nearly", "almost")
    if m.shape == "reference" and p["reference"].lower().startswith("the "):
        return before == "in"
    if m.shape == "clock24":
        return before in ("at", "from", "until", "till", "by", "around", "about", "after", "before", "to")
    return True


NAME_LABELS = {"ORG", "WORK_OF_ART", "FAC", "PERSON", "PRODUCT", "LAW"}


def _inside_name(span: Span) -> bool:
    """ "The Daily Telegraph", "Black September": a capitalised time word inside a name,
    not at the start of its sentence."""
    words = [t for t in span if t.is_alpha]
    return span[0].is_alpha and all(t.is_title or t.is_upper for t in words) \
        and words[0].i != sentence_of(span[0]).start and any(t.ent_type_ in NAME_LABELS for t in words) \
        and not any(t.ent_type_ in ("DATE", "TIME") for t in words)


def _is_year(span: Span, before: str, after: str, lex: Lexicon) -> bool:
    """A bare four-digit number is a year unless it names or counts something."""
    if before in lex.not_years_before or after in lex.not_years_after:
        return False
    token = span.root
    if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS"):  # "1500 troops"
        return False
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    return True


def tense_of(span: Span, lex: Lexicon, cache: dict[tuple[int, bool], str | None] | None = None) -> str | None:
    """"past", "future" or None for the clause the expression belongs to."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in ("since", "ago"):
        return "past"
    before = [t.lower_ for t in span.doc[max(0, span.start - 3):span.start]]
    if "ago" in before and before[-1] in (",", "on", "in") and "," in before:
        return "past"  # "nearly one year ago, on July 11": the day the "ago" counts back to
    verb: Token | None = span.root
    # whether the expression dates the verb itself, not a noun below it ("is working,
    # despite an attack on a police post on Wednesday night": the attack's Wednesday)
    direct = True
    for _ in range(6):
        if verb is None:
            return None
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        if verb.pos_ in ("NOUN", "PROPN") and verb not in span:
            direct = False
        verb = verb.head if verb.head != verb else None
    if verb is None:
        return None
    if cache is None:
        return _verb_tense(verb, lex, direct)
    if (verb.i, direct) not in cache:
        cache[verb.i, direct] = _verb_tense(verb, lex, direct)
    return cache[verb.i, direct]


def _verb_tense(verb: Token, lex: Lexicon, direct: bool = True) -> str | None:
    auxes = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lex.future for a in auxes) or verb.lemma_ in lex.future_governors:
        return "future"
    perfect = any(a.lemma_ == "have" for a in auxes)
    if any(a.lower_ in lex.reported_future for a in auxes) and not perfect:  # reported future: "talks would resume"
        return "future"
    if verb.head != verb and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in lex.future_governors:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if perfect:  # "has been displaced", "have been taking place"
        return "past"
    if any(a.lower_ == "going" for a in auxes) \
            or direct and verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "future"  # "is meeting on Monday", not "is working despite an attack on Monday"
    return None
