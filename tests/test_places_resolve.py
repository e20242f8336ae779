"""The resolver on candidates made up for these tests: which place a name means, from the
article's other names (no gazetteer, no parse)."""
from dataclasses import replace

from dateline.layers.places.gazetteer import Candidate
from dateline.layers.places.resolve import Name, resolve

_ids = iter(range(1, 10_000))


def place(name, kind, country, lat, lon, population, admin1=None, matched_by="name"):
    return Candidate(next(_ids), name, kind, lat, lon, country, admin1, population, matched_by)


PARIS_FR = place("Paris", "city", "FR", 48.85, 2.35, 2_100_000, "11")
PARIS_TX = place("Paris", "city", "US", 33.66, -95.56, 25_000, "TX")
TYLER = place("Tyler", "city", "US", 32.35, -95.30, 105_000, "TX")
TEXAS = place("Texas", "admin1", "US", 31.2, -100.1, 22_000_000, "TX")
GEORGIA_GE = place("Georgia", "country", "GE", 42.0, 43.5, 3_700_000)
GEORGIA_US = place("Georgia", "admin1", "US", 32.8, -83.2, 10_000_000, "GA")
ATLANTA = place("Atlanta", "city", "US", 33.75, -84.39, 500_000, "GA")
MACON = place("Macon", "city", "US", 32.84, -83.63, 150_000, "GA")
TBILISI = place("Tbilisi", "city", "GE", 41.69, 44.83, 1_100_000, "TB")
RUSSIA = place("Russia", "country", "RU", 60.0, 100.0, 144_000_000)


def resolved(names, candidates, dateline_country=None):
    found = resolve([Name(n) for n in names], {n: candidates[n] for n in names}, dateline_country)
    return {n: (c.country if c else None) for n, c in found.items()}


def test_a_world_capital_unless_the_article_is_about_its_namesakes_country():
    both = [PARIS_FR, PARIS_TX]
    # alone, Paris is the capital; with Texas and a town beside Paris (Texas), it is that Paris
    assert resolved(["Paris"], {"Paris": both})["Paris"] == "FR"
    assert resolved(["Paris", "Tyler", "Texas"], {"Paris": both, "Tyler": [TYLER], "Texas": [TEXAS]})["Paris"] == "US"


def test_a_country_or_the_state_that_holds_the_article_s_towns():
    candidates = {"Georgia": [GEORGIA_US, GEORGIA_GE], "Atlanta": [ATLANTA], "Macon": [MACON],
                  "Tbilisi": [TBILISI], "Russia": [RUSSIA]}
    assert resolved(["Georgia", "Atlanta", "Macon"], candidates)["Georgia"] == "US"
    assert resolved(["Georgia", "Tbilisi", "Russia"], candidates)["Georgia"] == "GE"


def test_the_dateline_s_country_decides_between_equals():
    amman_jo = place("Amman", "city", "JO", 31.95, 35.93, 1_300_000, "16")
    amman_far = place("Amman", "city", "XX", 0.0, 0.0, 1_200_000, "01")
    assert resolved(["Amman"], {"Amman": [amman_jo, amman_far]})["Amman"] is None  # two of a size: no pin
    assert resolved(["Amman"], {"Amman": [amman_jo, amman_far]}, dateline_country="JO")["Amman"] == "JO"


def test_a_name_is_no_evidence_for_itself():
    # "Nelson" alone: a division and a town of that name in one country, a town of the same size
    # elsewhere; the division's own guess must not count as support for the town inside it
    nelson_nz = place("Nelson", "city", "NZ", -41.27, 173.28, 54_000, "F5")
    nelson_division = place("Nelson", "admin1", "NZ", -41.3, 173.2, 98_000, "F5")
    nelson_ca = place("Nelson", "city", "CA", 49.5, -117.3, 10_600, "02")
    assert resolved(["Nelson"], {"Nelson": [nelson_division, nelson_nz, nelson_ca]})["Nelson"] is None


def test_an_unsupported_place_needs_its_own_name_and_no_rival():
    rome = place("Rome", "city", "IT", 41.9, 12.5, 2_300_000, "07")
    lome = place("Lomé", "city", "TG", 6.13, 1.22, 2_200_000, "24", matched_by="alias")
    assert resolved(["Rome"], {"Rome": [rome, lome]})["Rome"] == "IT"  # another's alias is no rival
    west_coast = place("Western Australia", "admin1", "AU", -25.3, 121.1, 2_600_000, "08", matched_by="alias")
    assert resolved(["West Coast"], {"West Coast": [west_coast]})["West Coast"] is None


def test_an_unsupported_place_by_another_of_its_names_only_where_the_article_calls_it_a_place():
    # "Hodeidah" is one of Al Hudaydah's other names; "Drug" one of Durg's
    hudaydah = place("Al Hudaydah", "city", "YE", 14.8, 42.95, 730_000, "08", matched_by="alias")
    durg = place("Durg", "city", "IN", 21.19, 81.28, 270_000, "37", matched_by="alias")
    sure = resolve([Name("Hodeidah", sure=True)], {"Hodeidah": [hudaydah]})
    assert sure["Hodeidah"] is hudaydah
    assert resolved(["Hodeidah"], {"Hodeidah": [hudaydah]})["Hodeidah"] is None
    assert resolved(["Drug"], {"Drug": [durg]})["Drug"] is None
    tiny = place("Dornik", "city", "XX", 1.0, 1.0, 40_000, "01", matched_by="alias")  # too small to stand alone
    assert resolve([Name("Dornik", sure=True)], {"Dornik": [tiny]})["Dornik"] is None


def test_a_hamlet_only_near_the_article_s_other_places():
    hamlet = place("Middle East", "city", "US", 39.0, -76.4, 300, "MD")
    assert resolved(["Middle East"], {"Middle East": [hamlet]})["Middle East"] is None
    near = place("Annapolis", "city", "US", 38.98, -76.49, 40_000, "MD")
    got = resolved(["Middle East", "Annapolis"], {"Middle East": [hamlet], "Annapolis": [near]})
    assert got["Middle East"] == "US"


def test_a_listed_place_before_a_town_of_its_name():
    ocean = Candidate(-100_001, "Atlantic Ocean", "water", 0.0, -25.0, None, None, 0, "name")
    town = place("Atlantic", "city", "US", 41.4, -95.0, 6_800, "IA")
    boston = place("Boston", "city", "US", 42.36, -71.06, 650_000, "MA")
    got = resolve([Name("Atlantic"), Name("Boston")], {"Atlantic": [town, ocean], "Boston": [boston]})
    assert got["Atlantic"].kind == "water"  # a story from the same country, far from the town
    iowa = place("Des Moines", "city", "US", 41.6, -93.6, 210_000, "IA")
    got = resolve([Name("Atlantic"), Name("Des Moines")], {"Atlantic": [town, ocean], "Des Moines": [iowa]})
    assert got["Atlantic"].kind == "city"  # local news from next door


def test_a_namesake_spelled_as_written_scores_more():
    from dateline.layers.places.resolve import WEIGHTS, _score

    # the Ontario city is written "St. Thomas", the Jamaican parish "Saint Thomas"
    ontario = place("St. Thomas", "city", "CA", 42.78, -81.19, 38_000, "08")
    jamaica = place("Saint Thomas", "city", "JM", 17.95, -76.45, 38_000, "14")
    written = Name("St. Thomas")
    gap = _score(ontario, None, None, written)[0] - _score(jamaica, None, None, written)[0]
    assert WEIGHTS["spelling"] > 0 and abs(gap - WEIGHTS["spelling"]) < 1e-9


def test_a_city_before_the_division_of_its_name_unless_the_article_is_about_the_division():
    state = place("Washington", "admin1", "US", 47.3, -120.8, 6_500_000, "WA")
    capital = place("Washington", "city", "US", 38.9, -77.04, 690_000, "DC", matched_by="alias")
    seattle = place("Seattle", "city", "US", 47.6, -122.3, 740_000, "WA")
    richmond = place("Richmond", "city", "US", 37.55, -77.46, 230_000, "VA")
    got = resolve([Name("Washington"), Name("Richmond")], {"Washington": [state, capital], "Richmond": [richmond]})
    assert got["Washington"] is capital
    got = resolve([Name("Washington"), Name("Seattle")], {"Washington": [state, capital], "Seattle": [seattle]})
    assert got["Washington"] is state


def test_a_small_town_the_tagger_did_not_call_a_place_is_no_evidence():
    # "the Court of Justice": an untagged word that names only a village, next door to a
    # namesake of the island the article is about; the village must not pull the island there
    island = place("Kessa", "admin1", "GR", 35.2, 24.9, 600_000, "43")
    namesake = place("Kessa", "city", "US", 41.44, -87.63, 8_000, "IL")
    village = place("Justice", "city", "US", 41.74, -87.84, 12_000, "IL")
    libya = place("Libya", "country", "LY", 27.0, 17.0, 6_500_000)
    turkey = place("Turkey", "country", "TR", 39.0, 35.0, 80_000_000)
    greece = place("Greece", "country", "GR", 39.0, 22.0, 10_000_000)
    candidates = {"Kessa": [island, namesake], "Justice": [village], "Libya": [libya], "Turkey": [turkey],
                  "Greece": [greece]}
    names = [Name("Kessa", 3, sure=True), Name("Libya", 3, sure=True), Name("Turkey", 3, sure=True),
             Name("Greece", 1, sure=True)]
    untagged = resolve(names + [Name("Justice")], candidates)
    assert untagged["Kessa"] is island
    tagged = resolve(names + [Name("Justice", sure=True)], candidates)
    assert tagged["Kessa"] is namesake  # a place the tagger found is evidence, even a village


def test_a_capital_named_beside_it_puts_no_namesake_next_door():
    # "talks will resume in Velnia, officials in Kessa said": Kessa, a capital, is where a
    # government speaks from; Velnia another country's capital, not the village near Kessa
    kessa = replace(place("Kessa", "city", "AA", 38.9, -77.0, 700_000, "DC"), capital=True)
    abroad = replace(place("Velnia", "city", "BB", 52.5, 13.4, 3_400_000, "16"), capital=True)
    village = place("Velnia", "city", "AA", 39.0, -77.3, 6_000, "VA")
    got = resolve([Name("Kessa", sure=True), Name("Velnia", sure=True)],
                  {"Kessa": [kessa], "Velnia": [abroad, village]})
    assert got["Velnia"] is abroad
    town = place("Orsk", "city", "AA", 38.85, -77.05, 150_000, "VA")  # a town of the article's, not a capital
    got = resolve([Name("Orsk", sure=True), Name("Velnia", sure=True)], {"Orsk": [town], "Velnia": [abroad, village]})
    assert got["Velnia"] is village
