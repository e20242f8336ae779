"""The times layer on sentences written for these tests: news anchoring, tense, the two
settings (anchoring, day_first), and inputs that must not crash it."""
import json

import pytest

from dateline import Pipeline, Settings

from .conftest import assert_valid, shared_path


def times_of(pipeline, text, published="2024-12-07"):
    record = pipeline(text, published=published)
    assert_valid(record)
    return [(t["text"], t["type"], t["value"]) for t in record["times"]]


@pytest.mark.parametrize("text, expected", [
    # Saturday 2024-12-07 is the publication day itself
    ("The army said on Saturday that it had pushed back the attack.", ("Saturday", "DATE", "2024-12-07")),
    ("Rebels seized the airport on Tuesday.", ("Tuesday", "DATE", "2024-12-03")),
    ("The envoy will travel to Geneva on Tuesday.", ("Tuesday", "DATE", "2024-12-10")),
    ("Shelling continued on Tuesday night.", ("Tuesday night", "TIME", "2024-12-03TNI")),
    ("Last week, militants launched an offensive.", ("Last week", "DATE", "2024-W48")),
    ("Talks will resume next week.", ("next week", "DATE", "2024-W50")),
    ("Prices rose earlier this month.", ("earlier this month", "DATE", "2024-12")),
    ("The first convoy arrived two days ago.", ("two days ago", "DATE", "2024-12-05")),
    ("Aid agencies said the fighting began yesterday.", ("yesterday", "DATE", "2024-12-06")),
    ("At least 20 people died in the past 24 hours.", ("the past 24 hours", "DURATION", "PT24H")),
    ("Displacement has risen since November 27.", ("November 27", "DATE", "2024-11-27")),
    ("The report was published on Dec. 2.", ("Dec. 2", "DATE", "2024-12-02")),
    ("Elections are expected in mid-January.", ("mid-January", "DATE", "2025-01")),
    ("The strike came in mid-December.", ("mid-December", "DATE", "2024-12")),
    ("The ceasefire was agreed in March 2020.", ("March 2020", "DATE", "2020-03")),
    ("The war began in the spring of 2011.", ("the spring of 2011", "DATE", "2011-SP")),
    ("Fighting has displaced families since the 1990s.", ("the 1990s", "DATE", "199")),
    ("The siege lasted three weeks.", ("three weeks", "DURATION", "P3W")),
    ("Protests are planned for Christmas Eve.", ("Christmas Eve", "DATE", "2024-12-24")),
    ("Protests broke out on Christmas Eve.", ("Christmas Eve", "DATE", "2023-12-24")),
    ("The shelling began at 10:30 p.m. on Friday.", ("10:30 p.m.", "TIME", "2024-12-06T22:30")),
    ("Curfew starts at 1800 GMT.", ("1800 GMT", "TIME", "2024-12-07T18:00Z")),
    ("The bridge is now closed.", ("now", "DATE", "PRESENT_REF")),
    # a month of the year before, this one or the next, counted from the report's day
    ("The worst attack came in February last year.", ("February last year", "DATE", "2023-02")),
    ("Talks resume on January 9 next year.", ("January 9 next year", "DATE", "2025-01-09")),
    ("The vote was held in late March this year.", ("late March this year", "DATE", "2024-03")),
])
def test_news_expressions(pipeline, text, expected):
    assert expected in times_of(pipeline, text)


def test_last_week_across_a_year_boundary(pipeline):
    assert ("last week", "DATE", "2024-W52") in times_of(pipeline, "Clashes broke out last week.", "2025-01-02")
    # said on a Sunday, the last day of an ISO week: the Monday to Saturday just gone
    assert ("last week", "DATE", "2025-W01") in times_of(pipeline, "Clashes broke out last week.", "2025-01-05")
    assert ("last week", "DATE", "2024-W52") in times_of(pipeline, "Clashes broke out last week.", "2025-01-04")


def test_a_range_of_years_is_two_dates(pipeline):
    got = times_of(pipeline, "The conflict killed over 305,000 people between 2011 and 2021.")
    assert got == [("2011", "DATE", "2011"), ("2021", "DATE", "2021")]
    got = times_of(pipeline, "The occupation of 1939-45 left the city in ruins.")
    assert [v for _, _, v in got] == ["1939", "1945"]


@pytest.mark.parametrize("text", [
    "Security Council Resolution 2254 calls for a political transition.",
    "Some 1500 troops crossed the border.",
    "The convoy travelled 2000 km to reach the camp.",
    "The Daily Telegraph reported the strike.",
    "The regime may fall into the hands of the rebels.",
    "A 27-year-old man was arrested.",
    "Flight 2015 was diverted.",
])
def test_numbers_and_words_that_are_not_times(pipeline, text):
    assert times_of(pipeline, text) == []


def test_a_month_without_a_year_takes_the_tense_direction(pipeline):
    # published in early January: a past January is this year, a December is last year
    got = times_of(pipeline, "The town fell on December 28 and will be rebuilt by March 3.", "2025-01-05")
    assert ("December 28", "DATE", "2024-12-28") in got and ("March 3", "DATE", "2025-03-03") in got


def test_a_day_set_beside_an_ago_is_the_day_it_counts_back_to(pipeline):
    # whatever the sentence's own verb: the day named after "a year ago" is in the past
    got = times_of(pipeline, "The government still holds 700 protesters who marched nearly one year ago, on July 11.",
                   "2033-06-30")
    assert ("July 11", "DATE", "2032-07-11") in got, got


@pytest.mark.parametrize("text, value", [
    ("The foreign minister is meeting his counterpart on Wednesday.", "2033-08-17"),
    # the progressive tells what is going on; the weekday dates the attack below it
    ("The commissioner said the agreement is working, despite an attack on a police post on Wednesday.",
     "2033-08-10"),
    ("The ceasefire is holding despite the shelling of the town on Wednesday, officials said.", "2033-08-10"),
])
def test_a_weekday_takes_the_tense_of_what_it_dates(pipeline, text, value):
    got = times_of(pipeline, text, "2033-08-13")
    assert [v for _, _, v in got] == [value]


@pytest.mark.parametrize("text, value", [
    # told on the day it is published, a midnight gone ended the day before
    ("Gunmen stormed the clinic in Orsk shortly before midnight, the army said.", "2033-08-12T24:00"),
    # the one to come ends the day of the report, as one a weekday names ends that day
    ("The curfew in Orsk will begin at midnight, the governor said.", "2033-08-13T24:00"),
    ("On Friday, gunmen stormed the clinic shortly before midnight.", "2033-08-12T24:00"),
])
def test_a_midnight_gone_is_the_one_that_ended_the_day_before(pipeline, text, value):
    got = times_of(pipeline, text, "2033-08-13")
    assert got[-1][2] == value, got


def test_a_clock_time_takes_the_day_of_its_own_clause(pipeline):
    got = times_of(pipeline, "Protesters marched on the gate shortly before noon, the end of a sit-in that began "
                             "on 9 June.", "2041-06-17")
    assert ("noon", "TIME", "2041-06-17T12:00") in got, got
    got = times_of(pipeline, "On Friday, at 10:30 p.m., the blast shook the town.", "2041-06-17")
    assert ("10:30 p.m.", "TIME", "2041-06-14T22:30") in got, got


@pytest.mark.parametrize("text, value", [
    # the lead dates the attack and the day its source spoke: the clock is the attack's
    ("ORSK, 17 June (Kestrel Daily) - Shells hit a market in Orsk on Saturday, killing nine people, the "
     "governor said on Monday.\n\nResidents said the first shell landed around midday.", "2041-06-15T12:00"),
    # a paragraph's own date comes first
    ("ORSK - Shells hit a market in Orsk on Saturday, the governor said.\n\nOn Sunday a second barrage "
     "followed.\n\nThe first shell landed shortly after 9 a.m.", "2041-06-15T09:00"),
    # a lead that gives no day but the report's leaves the latest date told
    ("ORSK, 17 June - Shells hit a market in Orsk, the governor said.\n\nThe mayor spoke on Sunday.\n\n"
     "The first shell landed around midday.", "2041-06-16T12:00"),
])
def test_a_clock_time_with_no_day_near_it_takes_the_day_the_lead_gives(pipeline, text, value):
    got = times_of(pipeline, text, "2041-06-17")
    assert got[-1][2] == value, got


def test_without_a_publication_date_relative_values_stay_null(pipeline):
    record = pipeline("On Saturday the army said the siege of 2016 was over; last week was calm.")
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values == {"Saturday": None, "2016": "2016", "last week": None}


def test_impossible_dates_keep_their_span_without_a_value(pipeline):
    got = times_of(pipeline, "The ministry said the attack took place on February 30, 2024, and on 31/04/2024.")
    assert ("February 30, 2024", "DATE", None) in got
    assert ("31/04/2024", "DATE", None) in got


def test_ambiguous_numeric_dates_follow_the_day_first_setting():
    text = "The decree dated 7/12/2024 was published; a second followed on 25/12/2024."
    month_first = Pipeline(Settings(day_first=False), stages=["times"])(text, published="2024-12-30")
    day_first = Pipeline(Settings(day_first=True), stages=["times"])(text, published="2024-12-30")
    assert [t["value"] for t in month_first["times"]] == ["2024-07-12", "2024-12-25"]
    assert [t["value"] for t in day_first["times"]] == ["2024-12-07", "2024-12-25"]


def test_narrative_anchoring_counts_from_the_latest_date_mentioned():
    text = ("The offensive opened on June 22, 1941. Two days later the first city fell. "
            "On Sunday the defenders regrouped. The following year the front moved south.")
    news = Pipeline(Settings(anchoring="news"), stages=["times"])(text, published="2009-12-19")
    narrative = Pipeline(Settings(anchoring="narrative"), stages=["times"])(text, published="2009-12-19")
    got = {t["text"]: t["value"] for t in narrative["times"]}
    assert got["June 22, 1941"] == "1941-06-22"
    assert got["Two days later"] == "1941-06-24"
    assert got["Sunday"] == "1941-06-22"  # the Sunday on or before the latest date, not before publication
    assert got["The following year"] == "1942"
    assert {t["text"]: t["value"] for t in news["times"]}["Sunday"] == "2009-12-13"


def test_years_before_the_common_era():
    text = "Carthage was founded long before 218 BC. Two years later, Hannibal crossed the Alps."
    record = Pipeline(Settings(anchoring="narrative"), stages=["times"])(text, published="2009-12-19")
    got = {t["text"]: t["value"] for t in record["times"]}
    assert got["218 BC"] == "BC0218" and got["Two years later"] == "BC0216"


def test_wikiwars_floor():
    """A floor well below the measured scores (README): the first three narratives."""
    from dateline.evaluate import timex as evaluate_timex
    from dateline.evaluate.files import load_documents

    docs = load_documents(shared_path("benchmarks/time/wikiwars/wikiwars.timex3.jsonl"))[:3]
    pipeline = Pipeline(Settings(anchoring="narrative"), stages=["times"])
    tally = evaluate_timex.evaluate(docs, pipeline.pipe(
        __import__("dateline").Article(text=d["text"], published=d["published"]) for d in docs))
    report = tally.report()
    assert report["relaxed"]["f1"] >= 0.75 and report["strict"]["f1"] >= 0.65
    assert report["value_accuracy"] >= 0.7


def test_eval_timex_command_reads_the_benchmark_format(tmp_path):
    import subprocess
    import sys

    text = "The truce began on 3 March 2021 and collapsed two weeks later."
    doc = {"id": "own-1", "text": text, "published": "2021-06-01",
           "spans": [{"start": 19, "end": 31, "text": "3 March 2021", "type": "DATE", "value": "2021-03-03"},
                     {"start": 46, "end": 61, "text": "two weeks later", "type": "DATE", "value": "2021-W11"}]}
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dateline", "eval-timex", str(path), "--json",
                           "--anchoring", "narrative"], capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["gold"] == 2 and report["strict"]["f1"] == 1.0 and report["value_accuracy"] == 1.0
    path.write_text("{not json\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dateline", "eval-timex", str(path)], capture_output=True, timeout=120)
    assert proc.returncode == 1 and b"not JSON" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("text, published, expected", [
    ("It happened last January.", "2024-12-07", ("last January", "DATE", "2024-01")),
    ("It happened last summer.", "2024-12-07", ("last summer", "DATE", "2024-SU")),
    ("Talks resume next December.", "2025-01-15", ("next December", "DATE", "2025-12")),
    ("Protests took place this weekend.", "2024-12-30", ("this weekend", "DATE", "2024-W52-WE")),
    ("The town fell 48 hours ago.", "2024-12-07", ("48 hours ago", "DATE", "2024-12-05")),
    ("Talks stalled last fortnight.", "2024-12-07", ("last fortnight", "DATE", "2024-W47")),
    ("The decree of 12.05.2024 was annulled.", "2024-12-07", ("12.05.2024", "DATE", "2024-05-12")),
    ("Shelling eased this past week.", "2024-12-07", ("this past week", "DATE", "2024-W48")),
    ("The offensive began early this month.", "2024-12-07", ("early this month", "DATE", "2024-12")),
    ("Figures are due by the end of the month.", "2024-12-07", ("the end of the month", "DATE", "2024-12")),
    ("Fighting resumed last Monday.", "2024-12-07T16:45:00Z", ("last Monday", "DATE", "2024-12-02")),
])
def test_relative_expressions_found_in_review(pipeline, text, published, expected):
    assert expected in times_of(pipeline, text, published)


@pytest.mark.parametrize("text, published", [
    ("It happened 1000000 days ago, or 10^15 days later.", "2024-12-07"),
    ("The truce ends tomorrow, and talks follow next week.", "9999-12-31"),
    ("The truce ended yesterday, last month and last year.", "0001-01-01"),
    ("In 0 AD, in the 0th century, 30 centuries ago, 3000 decades ago.", "2024-12-07"),
])
def test_calendar_ends_give_null_values_not_errors(pipeline, text, published):
    record = pipeline(text, published=published)
    assert_valid(record)
    for t in record["times"]:
        assert t["value"] is None or not t["value"].startswith("-"), t
        assert t["value"] is None or t["value"][:4] not in ("0000", "1000") or t["type"] == "DURATION", t


def test_runs_of_numbers_and_years_stay_linear(pipeline):
    """A guard against hangs, not a speed target (that is `dateline benchmark`): runs of
    number words or years once made a pattern cost the square of their length; the bound
    here is ten times the parse."""
    import time

    for text in ("ten " * 4000, "1999 " * 4000):
        parse = time.perf_counter()
        pipeline.nlp(text)
        parse = time.perf_counter() - parse
        started = time.perf_counter()
        record = pipeline(text, published="2024-12-07")
        assert_valid(record)
        assert time.perf_counter() - started < 10 * parse + 5


def test_relative_times_in_a_statement_count_from_when_it_was_said(pipeline):
    # published Tuesday 2024-12-10; the statements were made on Sunday
    record = pipeline('"We will leave tonight," the envoy said on Sunday. The mayor said on Sunday that '
                      "yesterday was calm and that talks would resume on Monday.", published="2024-12-10")
    got = {t["text"]: t["value"] for t in record["times"]}
    assert got["tonight"] == "2024-12-08TNI"
    assert got["yesterday"] == "2024-12-07"
    assert got["Monday"] == "2024-12-09"
    # the same words with no day of saying count from publication
    record = pipeline('"We will leave tonight," the envoy said.', published="2024-12-10")
    assert record["times"][0]["value"] == "2024-12-10TNI"


def test_a_relative_clause_about_the_speaker_does_not_date_the_statement(pipeline):
    record = pipeline("Brett Hale, who was envoy until December, criticised the decision on Twitter: "
                      '"It is a mistake."', published="2019-10-08")
    assert all(s["time"] is None for s in record["statements"])


def test_days_after_an_event_the_text_does_not_date_give_no_value(pipeline):
    # the date before it in the sentence is the later event's own: nothing to count from
    got = times_of(pipeline, "Patients were evacuated on Thursday, two days after a rocket strike hit the clinic.")
    assert ("Thursday", "DATE", "2024-12-05") in got
    assert ("two days after", "DATE", None) in got
    # told before, the attack's day is what "two days after" counts from
    got = times_of(pipeline, "Rebels attacked the town on Monday. Two days after the attack, troops withdrew.")
    assert ("Two days after", "DATE", "2024-12-04") in got
    # with no date told before, a past act counted from the publication date would fall
    # after the report: what it counts from is an event the text does not date
    got = times_of(pipeline, "Rebels attacked the town two days after the ceasefire was signed.")
    assert ("two days after", "DATE", None) in got
    got = times_of(pipeline, "The strike came three weeks after clashes around the town.")
    assert ("three weeks after", "DATE", None) in got
    # a future act may be counted so ("will reopen two days after the vote")
    got = times_of(pipeline, "The crossing will reopen two days after the vote.")
    assert ("two days after", "DATE", "2024-12-09") in got


GATED = ("Fighting in Orsk in the 1990s and the 19th century was recalled at the weekend. By noon on "
         "Monday, as in March of that year and in June last year, the talks, due by the end of the month, "
         "had stalled for the past few days.")


@pytest.mark.parametrize("text", [GATED, GATED.upper(), "Talks resumed on 4 May."])
def test_patterns_skipped_for_want_of_their_words_find_what_every_pattern_would(pipeline, monkeypatch, text):
    # a pattern is not run over a text without a word it needs (grammar.NEEDED): the
    # mentions are those of every pattern run, and every gated pattern's are found here
    from dateline.layers.times import grammar as G
    from dateline.layers.times.lexicon import lexicon
    patterns = pipeline.resources.get(lexicon).grammar.patterns
    if text == GATED:  # (the text exercises every gated pattern)
        assert all(any(rx.finditer(text)) for shape, rx in patterns if shape in G.NEEDED)
    gated = G._find(text, patterns)
    monkeypatch.setattr(G, "NEEDED", {})
    assert gated == G._find(text, patterns)



ANCHORED = ("On Saturday, the morning of 7 December 2024, some 19 days ago, and more than two hundred and fifty "
            "years earlier, a 24-hour truce held for several weeks; the siege, three months old, ended a fortnight "
            "later. Talks held on 22-25 April 1951, on December 9, in March 2011, in August of that year, in "
            "February last year and in June went nowhere. " + "The talks went on. " * 12
            + "About forty-five minutes after the vote, nearly six hours before dawn, it ended in May. Last "
            "Tuesday night, in the summer of 1998, in mid-2023, in the 1990s, from 1861-63, on 12/05/2024, at "
            "10:30 p.m., at 14:30 local time and at 0600 GMT, nothing moved until early spring.")


@pytest.mark.parametrize("text", [ANCHORED, ANCHORED.upper(), ANCHORED.lower(), "Talks resumed on 4 May.", "Five days"])
def test_patterns_run_only_around_their_words_find_what_a_run_over_the_whole_text_would(pipeline, text):
    # the patterns of grammar.ANCHORED are run only around the text's words of their kind
    from dateline.layers.times import grammar as G
    from dateline.layers.times.lexicon import lexicon
    grammar = pipeline.resources.get(lexicon).grammar
    if text == ANCHORED:  # (the text exercises each of them, some far apart)
        assert {m.shape for m in G._find(text, grammar.patterns, grammar.anchors)} >= set(G.ANCHORED)
    assert G._find(text, grammar.patterns, grammar.anchors) == G._find(text, grammar.patterns)
