"""Property-based tests (issue 18): whatever text comes in, either Dateline refuses it on
purpose (a DatelineError of its own) or the record keeps the contract.

Texts are generated from pieces of wire copy written here (speakers, cues, quotes, numbers,
dates, place names) mixed with what breaks naive code (unbalanced quotes and brackets, other
scripts, emoji, combining marks, zero-width and control characters, very long tokens, runs
of punctuation), or made by mutating the articles the project ships and writes itself.
Every word is invented; no third-party text is used.

`make test` runs a bounded, deterministic set (the "dateline-ci" profile: 30 examples per
property, derandomized, no example database), so CI never fails on a draw of its own. The
long run ("dateline-long") draws fresh examples and keeps failing ones in .hypothesis/
(not in git) to replay them first next time:

    DATELINE_PROPERTY_EXAMPLES=5000 python -m pytest -q tests/test_properties.py --hypothesis-show-statistics

spreads 5,000 examples over the property tests of this file. A case found here becomes a
regular test in the test file of the layer concerned.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings, strategies as st
from jsonschema import Draft202012Validator

from dateline import DatelineError, Pipeline, Settings
from dateline.record import normalise_text, schema
from dateline.resources import DATA
from dateline.settings import MIN_CHUNK_CHARS

from .conftest import HOSTILE_TEXT, invented_article

PROPERTY_TESTS = 4  # the @given tests below: the long run's total is split among them
LONG_RUN = int(os.environ.get("DATELINE_PROPERTY_EXAMPLES", "0") or 0)
CI_EXAMPLES = 30

# deadline=None: one extraction of a long text takes a second on a busy machine, and a
# slow example is not a failure here (the per-article budget has its own tests)
settings.register_profile(
    "dateline-ci", max_examples=CI_EXAMPLES, derandomize=True, database=None, deadline=None,
    print_blob=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "dateline-long", max_examples=max(1, math.ceil(LONG_RUN / PROPERTY_TESTS)), derandomize=False, deadline=None,
    print_blob=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile("dateline-long" if LONG_RUN > 0 else "dateline-ci")


# -- the checks ---------------------------------------------------------------------------

# Where each reference of the contract points (../shared/contract/README.md). A reference
# field the schema gains and this map lacks fails test_every_reference_field_is_checked.
REFERENCES: dict[tuple[str, str], str] = {
    ("entities", "affiliation"): "entities",
    ("statements", "speaker.entity"): "entities",
    ("statements", "time"): "times",
    ("events", "actors"): "entities",
    ("events", "targets"): "entities",
    ("events", "places"): "places",
    ("events", "time"): "times",
    ("events", "attributed_to"): "statements",
    ("figures", "place"): "places",
    ("figures", "time"): "times",
    ("figures", "attributed_to"): "statements",
}


def schema_reference_fields() -> set[tuple[str, str]]:
    """(layer, dotted field) for every property the schema types as a reference or list of them."""
    found: set[tuple[str, str]] = set()

    def walk(layer: str, node: Any, path: str) -> None:
        if isinstance(node, dict):
            if node.get("$ref") in ("#/$defs/ref", "#/$defs/refs"):
                found.add((layer, path))
                return
            for part in node.get("allOf", []):
                walk(layer, part, path)
            for name, child in node.get("properties", {}).items():
                walk(layer, child, f"{path}.{name}" if path else name)

    for layer, spec in schema()["properties"].items():
        if spec.get("type") == "array":
            walk(layer, spec["items"], "")
    return found


def spans_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every dict anywhere in the record with a whole-number start and end."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield value
        for child in value.values():
            yield from spans_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from spans_in(child)


def field(item: dict[str, Any], dotted: str) -> Any:
    for part in dotted.split("."):
        item = item.get(part) if isinstance(item, dict) else None
    return item


def contract_problems(record: dict[str, Any], given_text: str) -> list[str]:
    """Every way the record breaks the contract; empty when it keeps it."""
    problems = [f"schema: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
                for e in Draft202012Validator(schema()).iter_errors(record)]
    try:
        json.dumps(record, allow_nan=False)
    except (TypeError, ValueError) as e:  # a NaN figure or a set would break every JSON reader
        problems.append(f"not JSON: {e}")
    if problems:
        return problems
    text = record["document"]["text"]
    if text != normalise_text(given_text):
        problems.append("document.text is not the given text with its line endings normalised")
    for span in spans_in(record):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"span {start}:{end} outside the text of {len(text)} characters: {span}")
        elif isinstance(span.get("text"), str) and text[start:end] != span["text"]:
            problems.append(f"span {start}:{end} is {text[start:end]!r}, not {span['text']!r}")
    ids: dict[str, set[str]] = {}
    for layer in {target for target in REFERENCES.values()} | {layer for layer, _ in REFERENCES}:
        listed = [item["id"] for item in record[layer]]
        ids[layer] = set(listed)
        if len(listed) != len(ids[layer]):
            problems.append(f"{layer}: ids repeat: {sorted(i for i in listed if listed.count(i) > 1)}")
    for (layer, name), target in REFERENCES.items():
        for item in record[layer]:
            value = field(item, name)
            for ref in value if isinstance(value, list) else [value]:
                if ref is not None and ref not in ids[target]:
                    problems.append(f"{layer} {item['id']}.{name} = {ref!r}: no such item in {target}")
    return problems


def unintended(error: DatelineError) -> BaseException | None:
    """The bug behind a DatelineError, if any: a stage that failed with an exception of
    its own is wrapped in a PipelineError, which is a crash and no refusal; so is a text
    spaCy could not parse."""
    cause = error.__cause__
    if cause is not None and not isinstance(cause, DatelineError):
        return cause
    if "could not parse" in str(error):
        return error
    return None


def assert_keeps_contract(pipeline: Pipeline, text: str, **meta: Any) -> dict[str, Any] | None:
    """Extract; a refusal on purpose returns None, anything else must keep the contract."""
    try:
        record = pipeline(text, **meta)
    except DatelineError as e:
        bug = unintended(e)
        if bug is not None:
            raise bug  # the original exception and its place, so Hypothesis tells bugs apart
        return None
    problems = contract_problems(record, text)
    assert not problems, problems[:8]
    return record


def note_outcome(record: dict[str, Any] | None) -> None:
    """What the examples exercised, for --hypothesis-show-statistics: a run where no example
    yields a statement tests little."""
    if record is None:
        event("refused on purpose")
        return
    for layer in ("statements", "events", "figures", "times", "places"):
        event(f"{layer}: {'some' if record[layer] else 'none'}")


# -- pieces of news-like text, all invented ----------------------------------------------

FIRST = ("Ilse", "Marek", "Tavi", "Oren", "Sunniva", "Kaito", "Baraka", "Ylva", "Dorin", "Neha", "Jovan", "Amara")
LAST = ("Varga", "Quell", "Osterby", "Mirrow", "Tandu", "Sarkis-Lee", "al-Fennawi", "O'Dara", "van Hulst", "Ngoro")
TITLES = ("Defence Minister", "Interior Minister", "spokesperson", "the commander", "Governor", "General",
          "a senior official", "the coordinator of the Relief Council", "the army's chief of staff", "Mayor")
GROUPS = ("the army", "the Northern Salient Front", "rebels", "the ministry", "the Coastal Guard", "the Relief Council",
          "government forces", "militants", "the Eastern Brigades", "police", "witnesses", "the UN agency", "He", "She",
          "They", "officials", "a source close to the talks")
PLACES = ("Velmora", "Port Askel", "Dranholm", "North Taresh", "the Kiv Lagoon", "Orvik", "Salt Gate crossing",
          "VELMORA", "Upper Brenn", "the Meran valley", "Tarsk", "Oskar-Vell", "St. Imre")
CUES_AFTER = ("said", "told reporters", "told state television", "denied", "claimed", "warned", "urged", "added",
              "insisted", "accused", "condemned", "called for", "said in a statement", "wrote on its Telegram channel",
              "rejected", "alleged", "threatened", "said on Monday that", "made a promise that", "did not say")
CUES_BEFORE = ("said", "says", "told", "denied", "claimed", "added", "warned", "stressed")
VERBS = ("shelled", "struck", "attacked", "withdrew from", "retook", "seized", "besieged", "bombed", "evacuated",
         "negotiated over", "agreed to reopen", "protested outside", "sanctioned", "sent troops to", "fired on",
         "took control of", "denied attacking", "abducted civilians in", "delivered aid to", "blockaded")
VICTIMS = ("people", "civilians", "soldiers", "children", "fighters", "residents", "protesters", "aid workers")
OUTCOMES = ("killed", "injured", "wounded", "displaced", "detained", "missing", "fled", "arrested", "dead")
WORD_NUMBERS = ("one", "two", "three", "a dozen", "dozens", "scores", "hundreds", "thousands", "tens of thousands",
                "half a million", "twenty-one", "a hundred and forty", "nine", "several", "a handful", "no",
                "1.5 million", "2 million", "3bn", "a million", "zero", "eleven")
QUALIFIERS = ("", "at least ", "more than ", "nearly ", "about ", "up to ", "fewer than ", "some ", "over ",
              "as many as ", "roughly ")
RELATIVE = ("on Monday", "last week", "on Friday night", "yesterday", "today", "this morning", "overnight",
            "since Wednesday", "two days ago", "next month", "in the 1990s", "earlier this year", "every Friday",
            "for three days", "at dawn", "at 14:30", "at 2:30 p.m.", "late on Sunday", "since November 27",
            "between 2011 and 2021", "in March", "last year", "on the 3rd", "this week", "the day before")
BROKEN_DATES = ("February 30", "2024-13-45", "32 March 2020", "0000-00-00", "9999-12-31", "31/02/2021", "Mon day",
                "1st of Smarch", "24:61", "year 0", "2024-W53", "2024-W99", "March 14 (", "the 99th")
QUOTES = (('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("‹", "›"), ("「", "」"),
          ('"', ""), ("", '"'), ("“", ""), ("", "”"), ("“", '"'), ("''", "''"), ("``", "''"))
SCRIPTS = ("قال المتحدث باسم الجيش", "٣٤ قتيلا", "заявил представитель", "по словам губернатора", "发言人说",
           "三十人死亡", "Πηγή ανέφερε", "דובר הצבא אמר", "प्रवक्ता ने कहा", "ระเบิด", "한국어 보도",
           "Ирина Волкова", "مدينة سرت", "東京", "İstanbul", "ǅemal", "ß", "ﬁ", "Ⅻ")
EMOJI = ("🔥", "👍🏽", "👨‍👩‍👧", "🇺🇦", "💣💥", "❤️", "🏳️‍🌈", "😂" * 5, "🕊")
COMBINING = ("e\u0301", "\u0301", "\u0308\u0308\u0308", "Z\u0334\u0321a\u0337l\u0335g\u0336o", "n\u0303",
             "\u20dd", "a\u0300\u0301\u0302\u0303\u0304")
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u202e", "\u202d", "\u2066", "\u2028",
             "\u2029", "\x85", "\x0b", "\x0c", "\t", "\x1b", "\x7f", "\x01", "\x1f", "\r", "\r\n", "\xa0", "\u3000",
             "\u2009", "\ufffd", "\ufffe", "\U0010ffff", "\x00")
PUNCTUATION = ".,;:!?-—–…/\\|*&^%$#@~`_+=<>"
BRACKETS = "()[]{}"


def one_of_texts(*pools: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(tuple(x for pool in pools for x in pool))


# Strategies are built once here, not on every draw: building them is what made
# generation slow.
DIGITS = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(1000, 10**9).map(lambda n: f"{n:,}"),
    st.integers(1000, 10**7).map(lambda n: f"{n:,}".replace(",", " ")),
    st.integers(1000, 10**7).map(lambda n: f"{n:,}".replace(",", ".")),
    st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.1f}"),
    st.integers(1, 300).map(lambda n: "9" * n),  # past any float
    st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
    st.sampled_from(("½", "¾", "1/3", "-5", "+12", "1e9", "0x1F", "10%", "3.", ".5", "1,2,3", "²", "IV", "7th",
                     "1,000,000,000,000", "0.0", "00", "1 000 000", "10,00", "2,5", "1.000.000")),
)
NUMBER = st.one_of(
    st.tuples(st.sampled_from(QUALIFIERS), st.one_of(DIGITS, st.sampled_from(WORD_NUMBERS))).map("".join),
    st.tuples(DIGITS, st.sampled_from(("-", "–", " to ", " and ", "—", "-to-", " or ", "/")), DIGITS).map(
        lambda t: f"between {t[0]} and {t[2]}" if t[1] == " and " else "".join(t)),
    st.sampled_from(("between 10 and", "from 5 to", "between and 20", "at least", "dozens, perhaps hundreds, of",
                     "one in five", "a third of the", "two-thirds", "10 to 15 percent")),
)
DATE_FORMATS = ("%B %d", "%d %B %Y", "%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%A, %B %d", "%b. %d, %Y", "%B %Y", "%Y",
                "%d %b", "%A", "%H:%M on %d %B", "%B %-d, %Y", "%Y%m%d", "%d/%m/%y", "%Y-%m-%dT%H:%M", "%Y-W%W")
FORMATTED_DATE = st.tuples(st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)),
                           st.sampled_from(DATE_FORMATS)).map(lambda t: t[0].strftime(t[1]))
DATE = st.one_of(
    FORMATTED_DATE, st.sampled_from(RELATIVE), st.sampled_from(BROKEN_DATES),
    FORMATTED_DATE.map(lambda d: f"on {d}"), FORMATTED_DATE.map(lambda d: f"since {d}"),
    st.tuples(FORMATTED_DATE, FORMATTED_DATE).map(lambda t: f"between {t[0]} and {t[1]}"),
    st.tuples(st.sampled_from(("from", "between")), FORMATTED_DATE, st.integers(0, 40)).map(
        lambda t: f"{t[0]} {t[1]} to {t[2]}"),
)
SHORT_HOSTILE = st.one_of(  # a few characters of what breaks naive text handling, in a sentence's slot
    one_of_texts(SCRIPTS, EMOJI, COMBINING, INVISIBLE),
    st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=6).map("".join),
    st.text(st.sampled_from(PUNCTUATION), min_size=1, max_size=8),
    st.text(st.sampled_from(BRACKETS + "\"'“”‘’«»"), min_size=1, max_size=6),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=10),
)
# bracket runs stay under 200 characters: a quadratic case of long runs is another issue's
HOSTILE = st.one_of(
    SHORT_HOSTILE, SHORT_HOSTILE,
    st.text(st.sampled_from(PUNCTUATION), min_size=10, max_size=120),
    st.text(st.sampled_from(BRACKETS + "\"'“”‘’«»"), min_size=6, max_size=150),
    st.tuples(st.sampled_from("xZ9-ابвЖ字."), st.integers(40, 1500)).map(lambda t: t[0] * t[1]),
    st.integers(2, 60).map(lambda n: "-".join(["Velmora"] * n)),
    st.integers(5, 300).map(lambda n: "https://example.org/" + "a/" * n),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=10, max_size=60),
)
NAME = st.one_of(st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
                 st.sampled_from(LAST), st.sampled_from(GROUPS))
SPEAKER = st.one_of(
    NAME,
    st.tuples(st.sampled_from(TITLES), NAME).map(" ".join),
    st.tuples(NAME, st.sampled_from(TITLES), st.sampled_from(PLACES)).map(lambda t: f"{t[0]}, {t[1]} of {t[2]},"),
    st.sampled_from(SCRIPTS),
)


def slot(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A slot of a sentence: mostly what it should hold, sometimes something hostile,
    sometimes nothing at all."""
    return st.one_of(*[strategy] * 6, SHORT_HOSTILE, st.just(""))


WHO, VERB, WHERE, WHEN = slot(NAME), slot(st.sampled_from(VERBS)), slot(st.sampled_from(PLACES)), slot(DATE)
COUNT, SPEAKER_SLOT = slot(NUMBER), slot(SPEAKER)
TAILS = ("", ", killing {n} {v}", " and {n} {v} were {o}", ", leaving {n} {o}", " ({n} {o})",
         " — {n} {o}, {n2} {o2} —", "; {n} {v} {o}", " {when}, {n} {v} {o}", ", and {n} {o} ({n2} {v})")


@st.composite
def clause(draw: st.DrawFn) -> str:
    text = f"{draw(WHO)} {draw(VERB)} {draw(WHERE)} {draw(WHEN)}" + draw(st.sampled_from(TAILS)).format(
        n=draw(COUNT), n2=draw(NUMBER), v=draw(st.sampled_from(VICTIMS)), o=draw(st.sampled_from(OUTCOMES)),
        o2=draw(st.sampled_from(OUTCOMES)), when=draw(DATE))
    return text.strip()


CLAUSE = clause()
ACCORDING = ("According to", "according to", "According to a statement by", "according to an interview with")
CUT_CUES = ("according to", "said", "told", "according to the", "said:", "“", "(", "told reporters in")


@st.composite
def sentence(draw: st.DrawFn) -> str:
    content, who = draw(CLAUSE), draw(SPEAKER_SLOT)
    open_, close = draw(st.sampled_from(QUOTES))
    shape = draw(st.integers(0, 12))
    if shape == 0:
        return f"{who} {draw(st.sampled_from(CUES_AFTER))} {content}."
    if shape == 1:
        return f"{open_}{content},{close} {who} {draw(st.sampled_from(CUES_BEFORE))}."
    if shape == 2:
        return f"{draw(st.sampled_from(ACCORDING))} {who}, {content}."
    if shape == 3:
        return f"{content}, {who} {draw(st.sampled_from(CUES_BEFORE))} {draw(WHEN)}."
    if shape == 4:  # a headline: no full stop, its own line
        return f"{who} says {draw(NUMBER)} {draw(st.sampled_from(OUTCOMES))} in {draw(st.sampled_from(PLACES))}\n"
    if shape == 5:  # a quotation of several sentences, or one left open
        return f"{who} said: {open_}{content}. {draw(CLAUSE)}{close}"
    if shape == 6:  # reported speech holding a quoted fragment
        return f"{who} said {content} {open_}{draw(CLAUSE)}{close}."
    if shape == 7:  # an attribution cut off
        return f"{content}, {draw(st.sampled_from(CUT_CUES))}"
    if shape == 8:
        return f"{draw(st.sampled_from(PLACES)).upper()}, {draw(DATE)} ({draw(NAME)}) — {content}."
    if shape == 9:  # a quotation split by its cue
        return f"{open_}{content},{close} {who} said, {open_}{draw(CLAUSE)}.{close}"
    if shape == 10:  # a cue with no content, or two cues
        return f"{who} {draw(st.sampled_from(CUES_AFTER))}{draw(st.sampled_from(('.', ':', ',', '')))}"
    if shape == 11:  # a quoted paragraph with no cue: the previous speaker's, or no one's
        return f"\n{open_}{content}.\n{open_}{draw(CLAUSE)}.{close}\n"
    return f"{content}."


SENTENCE = sentence()


@st.composite
def article(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(st.lists(SENTENCE, min_size=1, max_size=4), min_size=1, max_size=5))
    parts = [draw(st.sampled_from((" ", "  ", "", "\t"))).join(paragraph) for paragraph in paragraphs]
    text = draw(st.sampled_from(("\n", "\n\n", "\r\n", "\n \n", "\n\n\n"))).join(parts)
    for _ in range(draw(st.integers(0, 3))):  # hostile pieces anywhere, mid-word included
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(HOSTILE) + text[at:]
    return text[:6000]


def published() -> st.SearchStrategy[str | None]:
    return st.one_of(
        st.none(),
        st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat),
        st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}"),
        st.datetimes(dt.datetime(1990, 1, 1), dt.datetime(2040, 1, 1)).map(lambda d: d.isoformat(timespec="seconds") + "Z"),
    )


# -- mutations of articles the project writes itself --------------------------------------

def seed_texts() -> tuple[str, ...]:
    own = (
        "DRANHOLM, June 2 — At least 14 people were killed and dozens wounded when shells hit a bus depot in "
        "Dranholm on Sunday, the regional governor, Oren Tandu, said. “We counted fourteen bodies, maybe more,” "
        "Tandu told reporters. The Eastern Brigades denied firing on the city (they blamed “provocateurs”) and "
        "said 3,000–4,000 residents had fled since May 28.\nAccording to the Relief Council, between 10 and 20 "
        "aid workers are missing.",
        "Velmora says 1.5 million displaced\n‘The roads are closed,’ said Neha Sarkis-Lee, coordinator of the "
        "Relief Council in Port Askel. She urged both sides to agree to a truce by 14:30 on Friday [local time]. "
        "Police detained more than 200 protesters outside the ministry on 3/4/2024, according to witnesses.",
    )
    return (DATA.joinpath("examples", "wire-report.txt").read_text(encoding="utf-8"), HOSTILE_TEXT, *own,
            *(invented_article(i)["text"] for i in (0, 5, 11)))


SEEDS = seed_texts()
CUTS = ("according to", "said", "told", "“", '"', "(", "[", ",", "—", "claimed", "at least", "between", "on ")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "truncate", "cut_after", "quotes",
                                   "case", "number", "lines")))
        i, j = sorted(draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "swap":
            k = draw(st.integers(j, len(text)))
            text = text[:i] + text[j:k] + text[i:j] + text[k:]
        elif op == "insert":
            text = text[:i] + draw(HOSTILE) + text[i:]
        elif op == "truncate":
            text = text[:j]
        elif op == "cut_after":  # mid-sentence, right after an attribution or an open mark
            cut = draw(st.sampled_from(CUTS))
            at = [k for k in range(len(text)) if text.startswith(cut, k)]
            if at:
                k = draw(st.sampled_from(at)) + len(cut)
                text = text[:k] + draw(st.sampled_from(("", ".", " ", "\n", " the"))) + (
                    text[draw(st.integers(k, len(text))):] if draw(st.booleans()) else "")
        elif op == "quotes":
            table = draw(st.sampled_from(({"“": '"', "”": '"'}, {'"': "“"}, {'"': "”"}, {"“": "", "”": ""},
                                          {"“": "”", "”": "“"}, {"(": "", "]": ")"}, {"'": "’"})))
            text = text[:i] + text[i:j].translate(str.maketrans(table)) + text[j:]
        elif op == "case":
            text = text[:i] + draw(st.sampled_from((str.upper, str.lower, str.swapcase)))(text[i:j]) + text[j:]
        elif op == "number":
            at = [k for k in range(len(text)) if text[k].isdigit()]
            if at:
                k = draw(st.sampled_from(at))
                text = text[:k] + draw(NUMBER) + text[k + 1:]
        else:
            text = text[:i] + text[i:j].replace("\n", draw(st.sampled_from((" ", "\n\n", "\r", "\u2029", "")))) + text[j:]
    return text[:6000]


# -- the properties -----------------------------------------------------------------------

def test_every_reference_field_is_checked():
    assert schema_reference_fields() == set(REFERENCES)


def test_the_checks_can_fail(pipeline):
    # a broken record must be caught, or the properties below would pass on anything
    text = "“We will hold Velmora,” General Ilse Varga said on Monday, as 12 people were killed."
    record = assert_keeps_contract(pipeline, text, published="2024-03-04")
    assert record["statements"] and record["figures"] and record["times"]
    broken = json.loads(json.dumps(record))
    broken["times"][0]["type"] = "MOMENT"
    assert any(p.startswith("schema") for p in contract_problems(broken, text))
    broken = json.loads(json.dumps(record))
    broken["statements"][0]["cue"]["start"] += 1
    broken["figures"][0]["time"] = "T999"
    broken["statements"].append(broken["statements"][0])
    broken["figures"][0]["value"] = math.nan
    assert any(p.startswith("not JSON") for p in contract_problems(broken, text))
    broken["figures"][0]["value"] = 12
    problems = contract_problems(broken, text)
    assert any("not 'said'" in p for p in problems), problems
    assert any("T999" in p for p in problems), problems
    assert any("ids repeat" in p for p in problems), problems
    assert contract_problems(record, text + " ") == ["document.text is not the given text with its line endings normalised"]
    error = DatelineError("wrapped")
    error.__cause__ = IndexError("list index out of range")
    assert isinstance(unintended(error), IndexError)


METADATA = st.one_of(st.none(), st.just(""), st.text(max_size=40), SHORT_HOSTILE, SENTENCE)


@PROFILE
@given(text=article(), published=published(), title=METADATA, source=METADATA, url=METADATA, id=METADATA)
def test_generated_articles_keep_the_contract(pipeline, text, published, title, source, url, id):
    assume(text.strip())
    note_outcome(assert_keeps_contract(pipeline, text, published=published, title=title, source=source, url=url,
                                       id=id))


@PROFILE
@given(text=mutated())
def test_mutated_articles_keep_the_contract(pipeline, text):
    assume(text.strip())
    note_outcome(assert_keeps_contract(pipeline, text, published="2025-03-14"))


# the words and marks the stages key on, to be thrown together densely
ATOMS = st.sampled_from(tuple({*CUES_AFTER, *CUES_BEFORE, *ACCORDING, *CUT_CUES, *VERBS[:6], *OUTCOMES, *VICTIMS[:3],
                               *PLACES[:4], *WORD_NUMBERS[:6], *QUALIFIERS[1:5], *RELATIVE[:6], *TITLES[:4],
                               *"“”‘’«»„\"'()[],.:;—\n", "that", "the", "He", "She", "It", "its", "of", "in", "not"}))


@PROFILE
@given(pieces=st.lists(st.one_of(ATOMS, ATOMS, ATOMS, HOSTILE, SENTENCE, NUMBER, DATE, SPEAKER), min_size=1,
                       max_size=40),
       separators=st.lists(st.sampled_from(("", " ", "\n", " ", "\t", "\u200b")), min_size=1, max_size=25))
def test_character_soup_keeps_the_contract(pipeline, pieces, separators):
    text = "".join(p + separators[k % len(separators)] for k, p in enumerate(pieces))[:4000]
    assume(text.strip())
    note_outcome(assert_keeps_contract(pipeline, text))


@pytest.fixture(scope="module")
def chunked_pipeline() -> Pipeline:
    # the smallest chunk the settings allow, so that texts of a few thousand characters
    # are parsed in pieces joined into one Doc, as a text past 100,000 characters is
    return Pipeline(replace(Settings.from_env(), chunk_chars=MIN_CHUNK_CHARS))


@PROFILE
@given(texts=st.lists(st.one_of(article(), mutated()), min_size=2, max_size=4))
def test_texts_parsed_in_chunks_keep_the_contract(chunked_pipeline, texts):
    text = "".join(texts)[:8000]
    assume(len(text) > MIN_CHUNK_CHARS)
    note_outcome(assert_keeps_contract(chunked_pipeline, text, published="2024-02-29"))


def test_whitespace_only_is_refused_on_purpose(pipeline):
    assert assert_keeps_contract(pipeline, " \n\t\u3000") is None


@pytest.mark.parametrize("text", SEEDS)
def test_seed_texts_keep_the_contract(pipeline, text):
    assert assert_keeps_contract(pipeline, text, published="2025-03-14")["statements"]
