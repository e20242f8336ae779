"""What reports count of one happening besides its toll (corpus/details.py), and the
`detail` contradictions of a linked event whose reports count it otherwise. Every article
here is invented."""
from __future__ import annotations

import pytest

from dateline.corpus import Linker
from dateline.corpus.details import Count, nearest
from tests.test_corpus import linked, reported


@pytest.fixture(scope="module")
def details():
    return Linker().lex.details


def read(details, text: str) -> list[tuple]:
    return [(c.item["detail"], c.item["text"], c.item["value"], c.item["low"], c.item["high"], c.item["qualifier"])
            for c in details.read(text, 0, len(text))]


@pytest.mark.parametrize("text, counts", [
    ("About 30 gunmen on motorbikes stormed the village.",
     [("attackers", "About 30 gunmen", 30, None, None, "approx")]),
    ("An officer said more than 100 vehicles took part.",
     [("vehicles", "more than 100 vehicles", 100, None, None, "more_than")]),
    ("Three female suicide bombers blew themselves up.",
     [("attackers", "Three female suicide bombers", 3, None, None, "exact")]),
    ("A single missile struck the tanker, and two speedboats approached it.",
     [("projectiles", "A single missile", 1, None, None, "exact"), ("boats", "two speedboats", 2, None, None, "exact")]),
    # what was fired, whatever one report calls it and another: "rockets and mortar bombs", "shells"
    ("About 60 rockets and mortar bombs hit the town.", [("projectiles", "About 60 rockets", 60, None, None, "approx")]),
    # "not a single": none, which counts nothing
    ("The army said it had not fired a single shell at the camp, and no one saw a lone gunman.", []),
    ("Between 20 and 30 pickup trucks crossed the river.",
     [("vehicles", "20 and 30 pickup trucks", 20, 20, 30, "range")]),
    ("Residents said between 20 and 30 pickup trucks crossed; 2 and 3 rockets fell.",
     [("vehicles", "20 and 30 pickup trucks", 20, 20, 30, "range"), ("projectiles", "3 rockets", 3, None, None, "exact")]),
    ("Two Keswick F-16 jets dropped bombs.", [("aircraft", "Two Keswick F-16 jets", 2, None, None, "exact")]),
    ("The ship was hit some 60 nautical miles southwest of Port Arlen.",
     [("distance from port", "some 60 nautical miles", 111.12, None, None, "approx")]),
    # the one border (or frontier, coast, capital) a story has, not a border town named after it
    ("A drone hit a fuel depot about 30 km from the border.",
     [("distance from border", "about 30 km", 30.0, None, None, "approx")]),
    ("The post is 20 km from the border town of Kok-Tash.", []),
    # how far inside a country: how far from its border
    ("Jets bombed a camp about 15 km inside Keswick.",
     [("distance from border", "about 15 km", 15.0, None, None, "approx")]),
    # none: a part of them, a distance from nowhere named, a vague count, a day, a model's number
    ("Two of the trucks burned; the base is 30 km away; dozens of gunmen fled on 12 May; a MiG-29 fell.", []),
    # a count of days before the noun of a detail
    ("Aid stopped two days after gunmen attacked the convoy.", []),
    # the noun joined to its number: "a 22-truck convoy"
    ("Gunmen ambushed a 22-truck relief convoy near Kessa.", [("vehicles", "22-truck", 22, None, None, "exact")]),
])
def test_a_count_is_read_with_its_noun_and_how_exact_it_is(details, text, counts):
    assert read(details, text) == counts


def test_a_toll_is_the_figures_count_not_a_detail(details):
    text = "Soldiers killed 30 gunmen near the border."
    start = text.index("30")
    assert read(details, text) != []
    assert details.read(text, 0, len(text), tolls=[(start, start + len("30 gunmen"))]) == []


def test_a_count_is_told_of_the_nearest_event_of_a_type_it_counts_for():
    def count(start: int, detail: str, types: frozenset = frozenset()) -> Count:
        return Count(start, start + 5, types, {"detail": detail, "text": detail})

    triggers = [("V1", 10, 16, "ASSAULT"), ("V2", 60, 66, "PROTEST")]
    told = nearest([count(20, "vehicles"), count(50, "participants", frozenset({"PROTEST"})),
                    count(0, "participants", frozenset({"PROTEST"})), count(30, "vehicles")], triggers)
    # each event keeps the nearest count of a detail; "people" counts only for a protest
    assert told == {"V1": [{"detail": "vehicles", "text": "vehicles"}],
                    "V2": [{"detail": "participants", "text": "participants"}]}


def attack(id: str, source: str, text: str, published: str = "2031-05-12") -> dict:
    return {"id": id, "source": source, "published": published, "title": "Attack on Lerrin", "text": text}


def details_of(record: dict) -> list[list[str]]:
    return [sorted(side["position"] for side in x["sides"]) for x in record["contradictions"]
            if x["kind"] == "detail"]


@pytest.mark.parametrize("first, second, disputed", [
    ("About 30 gunmen attacked the village of Lerrin in Ostmark province on Sunday, burning houses and a clinic, "
     "residents said.",
     "More than 100 attackers raided the village of Lerrin in Ostmark province on Sunday, an army officer said.",
     ["About 30 gunmen", "More than 100 attackers"]),
    # "some 30" and "at least 25", "dozens" and "40": each allows the other
    ("Some 30 gunmen attacked the village of Lerrin in Ostmark province on Sunday, residents said. Dozens of "
     "vehicles were seen on the road.",
     "At least 25 gunmen raided the village of Lerrin in Ostmark province on Sunday, an army officer said, adding "
     "that 40 vehicles had been used.",
     None),
])
def test_two_sources_counting_the_attackers_otherwise_is_a_detail(tmp_path, first, second, disputed):
    record = linked(tmp_path, [attack("da-1", "Kestrel Daily", first), attack("da-2", "Harrow Wire", second)])
    assert len(reported(record, "ASSAULT")) == 1, record["events"]
    assert details_of(record) == ([disputed] if disputed else []), record["contradictions"]
    if disputed:
        detail = next(x for x in record["contradictions"] if x["kind"] == "detail")
        assert "how many attackers" in detail["about"]
        assert {i["document"] for side in detail["sides"] for i in side["items"]} == {"da-1", "da-2"}


def test_how_far_from_one_place_is_a_detail_and_from_two_places_none(tmp_path):
    record = linked(tmp_path, [
        {"id": "dd-1", "source": "Kestrel Daily", "published": "2031-03-11", "title": "Tanker hit",
         "text": "A missile hit the tanker Marisol about 60 nautical miles southwest of Port Arlen on Tuesday, "
                 "the maritime agency said."},
        {"id": "dd-2", "source": "Harrow Wire", "published": "2031-03-12", "title": "Tanker hit",
         "text": "A missile hit the tanker Marisol about 75 nautical miles southwest of Port Arlen on Tuesday, "
                 "a maritime official said."},
        {"id": "dd-3", "source": "Tern Post", "published": "2031-03-12", "title": "Tanker hit",
         "text": "A missile hit the tanker Marisol some 90 km off Cape Dorr on Tuesday, the navy said."}])
    assert details_of(record) == [["about 60 nautical miles", "about 75 nautical miles"]], record["contradictions"]


def test_how_far_from_the_border_is_a_detail(tmp_path):
    record = linked(tmp_path, [
        {"id": "db-1", "source": "Kestrel Daily", "published": "2031-11-03", "title": "Depot hit",
         "text": "A drone struck a fuel depot near Batken, Kyrgyzstan, about 30 km from the border on Thursday, "
                 "the border service said."},
        {"id": "db-2", "source": "Harrow Wire", "published": "2031-11-04", "title": "Depot hit",
         "text": "A drone struck a fuel depot near Batken, Kyrgyzstan, about 15 km from the border on Thursday, "
                 "researchers said."}])
    assert details_of(record) == [["about 15 km", "about 30 km"]], record["contradictions"]


def test_one_source_counting_twice_is_no_detail(tmp_path):
    """One official's two counts (the rockets fired, and those that hit) are not a dispute."""
    record = linked(tmp_path, [
        attack("dc-1", "Kestrel Daily", "Rebels fired 12 rockets at the town of Lerrin in Ostmark province on "
               "Sunday, and four rockets hit the market there, the governor said."),
        attack("dc-2", "Harrow Wire", "Rebels fired 12 rockets at the town of Lerrin in Ostmark province on "
               "Sunday, the governor said.")])
    assert details_of(record) == [], record["contradictions"]


def test_a_count_told_in_a_sentence_of_its_own_is_the_attacks_and_its_saying_is_a_side(tmp_path):
    """"The attackers numbered ..." counts for the attack told before it in its paragraph;
    the saying it is told in is named beside the mention."""
    record = linked(tmp_path, [
        attack("ds-1", "Kestrel Daily", "Gunmen attacked the village of Lerrin in Ostmark province on Sunday, "
               "burning houses and a clinic. Residents said the attackers came in about 30 pickup trucks."),
        attack("ds-2", "Harrow Wire", "Gunmen raided the village of Lerrin in Ostmark province on Sunday. "
               "An army officer said the attackers had come with more than 100 vehicles.")])
    assert details_of(record) == [["about 30 pickup trucks", "more than 100 vehicles"]], record["contradictions"]
    detail = next(x for x in record["contradictions"] if x["kind"] == "detail")
    for side in detail["sides"]:
        kinds = sorted(i["item"][0] for i in side["items"])
        assert kinds == ["S", "V"], side  # the saying and the mention


def test_a_count_before_the_attack_or_in_another_paragraph_is_not_its(tmp_path):
    record = linked(tmp_path, [
        attack("dp-1", "Kestrel Daily", "Residents said about 30 pickup trucks had been seen on the road.\n"
               "Gunmen attacked the village of Lerrin in Ostmark province on Sunday."),
        attack("dp-2", "Harrow Wire", "Gunmen raided the village of Lerrin in Ostmark province on Sunday.\n"
               "An army officer said more than 100 vehicles were parked at the depot.")])
    assert details_of(record) == [], record["contradictions"]


def test_two_outlets_telling_another_day_a_sit_in_began_is_a_detail(tmp_path):
    """The day a happening that goes on began ("which started on 9 June") is where it began,
    not its day: two reports a week on are of one sit-in, which they disagree about."""
    record = linked(tmp_path, [
        {"id": "ds-1", "source": "Kestrel Daily", "published": "2031-06-16", "title": "Sit-in",
         "text": "Traders kept up their sit-in at the Orsk crossing in Velnor on Monday. The sit-in at the crossing, "
                 "which began on 9 June, has halted all trade, the traders' union said."},
        {"id": "ds-2", "source": "Harrow Wire", "published": "2031-06-17", "title": "Sit-in",
         "text": "The sit-in at the Orsk crossing in Velnor, which started on 11 June, has halted all trade, "
                 "customs officials said."}])
    assert len(reported(record, "PROTEST")) == 1, record["events"]
    assert details_of(record) == [["began on 9 June", "started on 11 June"]], record["contradictions"]
    detail = next(x for x in record["contradictions"] if x["kind"] == "detail")
    assert "the day it began" in detail["about"]


def test_a_day_a_happening_began_told_alike_or_a_month_is_no_detail(tmp_path):
    record = linked(tmp_path, [
        {"id": "dt-1", "source": "Kestrel Daily", "published": "2031-06-16", "title": "Sit-in",
         "text": "The sit-in at the Orsk crossing in Velnor, which began on 9 June, has halted all trade, the "
                 "traders' union said."},
        {"id": "dt-2", "source": "Harrow Wire", "published": "2031-06-17", "title": "Sit-in",
         "text": "The sit-in at the Orsk crossing in Velnor, which started on 9 June, has halted all trade, "
                 "customs officials said."},
        {"id": "dt-3", "source": "Tern Post", "published": "2031-06-17", "title": "Sit-in",
         "text": "The sit-in at the Orsk crossing in Velnor, which began in June, has halted all trade, "
                 "a trader said."}])
    assert details_of(record) == [], record["contradictions"]


@pytest.mark.parametrize("after, verb", [
    (" began on Sunday", "began"),
    (", which started on 9 June", "started"),
    (" at the Orsk crossing, which had begun on Tuesday", "begun"),
    (" that Velnor says began on Sunday", "began"),
    (" broke out before dawn on Tuesday", "broke out"),
    # not a verb further on, nor one of another clause
    (" in Orsk and the talks began on Monday", None),
    (" ended on Sunday", None),
    (" began to ease on Monday", None),
])
def test_the_words_after_a_mention_that_tell_the_day_it_began(after, verb):
    found = Linker().lex.began.match("The fighting" + after, len("The fighting"))
    assert (found["verb"] if found else None) == verb


def test_a_happening_told_weeks_after_it_began_meets_the_reports_of_its_last_weeks(tmp_path):
    # "which began on 3 March", told in May: one siege with May's report of it
    record = linked(tmp_path, [
        {"id": "dw-1", "source": "Kestrel Daily", "published": "2031-05-12", "title": "Siege",
         "text": "The siege of Orsk in Velnor, which began on 3 March, has cut the town off from food and fuel, "
                 "aid workers said."},
        {"id": "dw-2", "source": "Harrow Wire", "published": "2031-05-13", "title": "Siege",
         "text": "The siege of Orsk in Velnor has cut the town off from food and fuel, the UN said."}])
    sieges = [e for e in record["events"] if {r["document"] for r in e["reports"]} >= {"dw-1", "dw-2"}]
    assert sieges, record["events"]
    # and the index finds it under the weeks before its report, not only its first month's
    from dateline.corpus import events
    item = {"family": "COERCE", "lo": "2031-03-03", "hi": "2031-05-13", "began": "2031-03-03", "lemma": []}
    assert "COERCE|2031-W19" in events.keys(item, "dw-1", Linker().lex.names)
    assert "COERCE|2031-W19" not in events.keys({**item, "began": None}, "dw-1", Linker().lex.names)
