"""The figures layer and the number reader, on sentences written for these tests and on
the seed article: what is a count of people, how exact, of what, and from whom."""
import pytest

from dateline.evaluate.contract import score
from dateline.numbers import numbers
from dateline.resources import Resources

read_number = Resources().get(numbers).read

from .conftest import assert_valid


@pytest.mark.parametrize("written, value", [
    ("370,000", 370000), ("2 million", 2_000_000), ("1.5m", 1_500_000), ("twenty-five", 25),
    ("a dozen", 12), ("two dozen", 24), ("two hundred and fifty", 250), ("3.2 billion", 3_200_000_000),
    # thousands separators of other locales
    ("370.000", 370000), ("370 000", 370000), ("370\u202f000", 370000), ("370'000", 370000),
    ("1,5 million", 1_500_000),
    # huge numbers
    ("10^12", 10**12), ("10¹²", 10**12), ("1e15", 10**15),
    # parts of a scale
    ("half a million", 500_000), ("a quarter of a million", 250_000), ("three quarters of a million", 750_000),
    ("a quarter million", 250_000), ("one and a half million", 1_500_000), ("half a dozen", 6),
])
def test_read_number(written, value):
    assert read_number(written).value == value


@pytest.mark.parametrize("written", ["1e400", "10^999", "123456789012345678901234567890"])
def test_numbers_beyond_any_count_are_not_read(written):
    assert read_number(written) is None


def test_absurd_counts_leave_a_valid_record(pipeline):
    text = "Rumours that 1e400 people or 10^999 people fled are false; " + "9" * 400 + " soldiers is no count."
    record, figures = figures_of(pipeline, text)
    assert figures == []


def test_vague_numbers_have_no_value_but_a_floor():
    dozens = read_number("dozens")
    assert dozens.value is None and dozens.vague and dozens.low == 24
    assert read_number("hundreds of thousands").low == 200_000
    assert read_number("people") is None


def figures_of(pipeline, text):
    record = pipeline(text, published="2024-12-07")
    assert_valid(record)
    return record, record["figures"]


@pytest.mark.parametrize("text, span, value, qualifier, category", [
    ("The UN said at least 370,000 people have been displaced.", "at least 370,000 people", 370000,
     "at_least", "displaced"),
    ("Strikes killed more than 40 civilians in Idlib.", "more than 40 civilians", 40, "more_than", "killed"),
    ("Nearly 300 fighters were wounded in the assault.", "Nearly 300 fighters", 300, "approx", "injured"),
    ("Police arrested up to 50 protesters.", "up to 50 protesters", 50, "at_most", "detained"),
    ("Fewer than 10 soldiers remain missing.", "Fewer than 10 soldiers", 10, "less_than", "missing"),
    ("Dozens of insurgents died in the fighting.", "Dozens of insurgents", None, "vague", "killed"),
    ("Aleppo, home to 2 million people, fell within days.", "2 million people", 2_000_000, "exact", "population"),
    ("The camp now holds 12,000 refugees.", "12,000 refugees", 12000, "exact", "refugees"),
    # none, said with "one"
    ("No one was killed in the blast, officials said.", "No one", 0, "exact", "killed"),
    ("Not one soldier was wounded.", "Not one soldier", 0, "exact", "injured"),
    ("Gunmen opened fire, killing 20 and wounding 31.", "20", 20, "exact", "killed"),
    ("UN says 5,000 displaced in the north", "5,000", 5000, "exact", "displaced"),
    ("Officials said 190 were dead.", "190", 190, "exact", "killed"),
    ("Four or more people were hurt.", "Four or more people", 4, "at_least", "injured"),
    # taken away is taken captive; taken somewhere is moved
    ("They took more than 70 people from the village, a farmer said.", "more than 70 people", 70, "more_than",
     "detained"),
    ("Seven health workers had been taken, she said.", "Seven health workers", 7, "exact", "detained"),
    ("The army took 300 people to safety.", "300 people", 300, "exact", "other"),
    ("The attack took the lives of 20 people.", "20 people", 20, "exact", "other"),
    ("Some 1,200 troops were deployed to the border.", "Some 1,200 troops", 1200, "approx", "other"),
    ("The blast wounded 370.000 people, the ministry said.", "370.000 people", 370000, "exact", "injured"),
    ("A claim that 10^12 people were displaced is absurd.", "10^12 people", 10**12, "exact", "displaced"),
    # "over" as the particle of the verb before it says nothing of the count; people handed
    # over were held (a release counts the people who were held)
    ("Velnor handed over four Korvan border guards on Friday.", "four Korvan border guards", 4, "exact", "detained"),
    ("The government said it would hand over 320 rebel fighters.", "320 rebel fighters", 320, "exact", "detained"),
    ("Police said over 300 protesters were detained in Orsk.", "over 300 protesters", 300, "more_than", "detained"),
    # those who left a place are displaced; not what a blast left, nor a meeting's leavers
    ("Roughly 12,000 people had left the town since Sunday, officials in Orsk said.", "Roughly 12,000 people", 12000,
     "approx", "displaced"),
    ("The agency said it had registered 13,400 people who had left Kutum.", "13,400 people", 13400, "exact",
     "displaced"),
    ("The blast left 20 people dead.", "20 people", 20, "exact", "killed"),
    ("About 300 people left the meeting early.", "About 300 people", 300, "approx", "other"),
    # hurt: treated for gunshot wounds, still in hospital; not treated for a disease
    ("Three more guards were being treated for gunshot wounds.", "Three more guards", 3, "exact", "injured"),
    ("At least 18 people remain in hospital.", "At least 18 people", 18, "at_least", "injured"),
    ("Doctors treated 40 people for cholera.", "40 people", 40, "exact", "other"),
    # the dead, told by their burial or their remains
    ("We have buried 31 people so far, a resident of Orsk said.", "31 people", 31, "exact", "killed"),
    ("The team recovered the remains of 73 people near Dornik.", "73 people", 73, "exact", "killed"),
    # a part of a scale is that part, not the scale
    ("More than half a million people have fled the fighting in Orsk.", "More than half a million people", 500_000,
     "more_than", "displaced"),
    # people seized are taken captive
    ("Gunmen in two speedboats seized eleven crew members from a fishing boat off Orsk.", "eleven crew members", 11,
     "exact", "detained"),
])
def test_figure(pipeline, text, span, value, qualifier, category):
    _, figures = figures_of(pipeline, text)
    found = [f for f in figures if f["text"] == span]
    assert found, [f["text"] for f in figures]
    f = found[0]
    assert (f["value"], f["qualifier"], f["category"]) == (value, qualifier, category)


def test_ranges_keep_both_ends(pipeline):
    _, figures = figures_of(pipeline, "Between 20 and 30 people were killed and 2 to 3 million fled their homes.")
    by_text = {f["text"]: f for f in figures}
    killed = by_text["Between 20 and 30 people"]
    assert (killed["qualifier"], killed["low"], killed["high"], killed["value"]) == ("range", 20, 30, None)
    assert killed["category"] == "killed"
    fled = by_text["2 to 3 million"]
    assert (fled["low"], fled["high"], fled["category"]) == (2_000_000, 3_000_000, "displaced")


@pytest.mark.parametrize("text", [
    "The fund pledged $5 million to the agency.",
    "Prices rose 40 percent in a month.",
    "The convoy drove 300 km through the night.",
    "Security Council Resolution 2254 was adopted in 2015.",
    "A 27-year-old man was questioned.",
    "The planning of 9/11 took years.",
    "He was one of the commanders, his number-two man.",
    "Two blasts hit the square within one hour.",
])
def test_numbers_that_do_not_count_people(pipeline, text):
    _, figures = figures_of(pipeline, text)
    assert figures == [], [f["text"] for f in figures]


def test_a_figure_points_to_its_statement_and_time(pipeline):
    record, figures = figures_of(pipeline, "The ministry said on Friday that 12 soldiers were killed in the attack. "
                                           "The town is home to 40,000 people.")
    soldiers = next(f for f in figures if f["text"] == "12 soldiers")
    statement = next(s for s in record["statements"] if s["id"] == soldiers["attributed_to"])
    assert "12 soldiers were killed" in statement["content"]["text"]
    time = next(t for t in record["times"] if t["id"] == soldiers["time"])
    assert time["value"] == "2024-12-06"
    assert statement["time"] == time["id"]  # the statement was made on Friday too
    town = next(f for f in figures if f["text"] == "40,000 people")
    assert town["attributed_to"] is None and town["category"] == "population"


@pytest.mark.parametrize("text, day", [
    # the day of the killing, which the statement names, not the day it was said
    ("The UN said on Sunday that 45 people were killed when a strike hit the hospital in Orsk on Saturday.",
     "Saturday"),
    # what is said names no day: the day it was said is the figure's
    ("On Sunday, the ministry said 20 people were killed in Orsk.", "Sunday"),
    # nor one but in the counted people's own description
    ("On Monday, the agency said police had arrested 36 people suspected of planning the bombing of the port "
     "in January.", "Monday"),
    # nor one of another act, told as what came before or after
    ("The government said that fighters took part in Sunday's raid on the prison in Orsk and that seven guards "
     "were killed, after footage of the raid was broadcast this week.", "Sunday"),
    ("After the army retook the town on Saturday, five people were killed.", None),
])
def test_a_figure_someone_gives_takes_the_day_of_what_they_say(pipeline, text, day):
    record, figures = figures_of(pipeline, text)
    times = {t["id"]: t["text"] for t in record["times"]}
    assert [times.get(f["time"]) for f in figures][:1] == [day], figures


def test_seed_figures_and_times_floor(seed_gold, seed_record):
    report = score([(seed_gold, seed_record)])
    assert report["figures"]["f1"] >= 0.8 and report["figures"]["category"] >= 0.7
    assert report["times"]["f1"] >= 0.8 and report["times"]["value"] >= 0.7


@pytest.mark.parametrize("text, expected", [
    ("Between five and ten people were killed.", [("Between five and ten people", None, "range", "killed")]),
    ("The death toll rose from 20 to 45.", [("45", 45, "exact", "killed")]),
    ("They arrested 3, 4 and 5 people.", [("4", 4, "exact", "detained"), ("5 people", 5, "exact", "detained")]),
    ("Three children under 5 were killed.", [("Three children", 3, "exact", "killed")]),
    ("The ministry put the toll at 1,200.", [("1,200", 1200, "exact", "killed")]),
    ("The city of 300,000 was shelled.", [("300,000", 300000, "exact", "population")]),
    ("The 2,000-strong force withdrew.", []),
    ("Roughly 400 are missing.", [("Roughly 400", 400, "approx", "missing")]),
    ("Authorities evacuated 20,000 residents from the border area.",
     [("20,000 residents", 20000, "exact", "displaced")]),
    ("The town of 20,000 residents was shelled.", [("20,000 residents", 20000, "exact", "population")]),
    ("Police said 14 suspects had been taken into custody.", [("14 suspects", 14, "exact", "detained")]),
    ("The conflict has claimed more than 500,000 lives.",
     [("more than 500,000 lives", 500_000, "more_than", "killed")]),
    ("The truce has saved thousands of lives.", []),
    ("Some 1.9 million people, about 90 percent of the population, have been displaced.",
     [("Some 1.9 million people", 1_900_000, "approx", "displaced")]),
    ("Sudan's war has displaced more than 10 million people since April 2023.",
     [("more than 10 million people", 10_000_000, "more_than", "displaced")]),
    ("Attack on May \u0663 killed \u0663 people.", []),
])
def test_figures_found_in_review(pipeline, text, expected):
    _, figures = figures_of(pipeline, text)
    assert [(f["text"], f["value"], f["qualifier"], f["category"]) for f in figures] == expected


@pytest.mark.parametrize("text, span, category", [
    # the verb of which the count is the subject or the object
    ("An air strike on the market killed 28 civilians, medics said.", "28 civilians", "killed"),
    ("About 100 soldiers died in the fighting for the bridge.", "About 100 soldiers", "killed"),
    ("Three others were wounded when the shell hit their car.", "Three others", "injured"),
    ("Some 250 people were rescued from the sinking boat.", "Some 250 people", "other"),
    ("The 15 sailors aboard the seized tanker are being held in port.", "15 sailors", "detained"),
    ("The 13 soldiers we lost were heroes.", "13 soldiers", "killed"),
    ("The flooding has forced 200,000 people to flee their homes.", "200,000 people", "displaced"),
    ("Nearly 500 people are still unaccounted for after the storm.", "Nearly 500 people", "missing"),
    # the verb's negation is part of its phrase: those not accounted for are missing, not all
    ("Teachers said 87 pupils could not be accounted for after the raid.", "87 pupils", "missing"),
    ("Twelve sailors have not yet been accounted for.", "Twelve sailors", "missing"),
    ("All 87 pupils were accounted for by evening.", "87 pupils", "other"),
    # the verb over the noun: people who were held, displaced or wounded can die
    ("More than 14,000 detainees have died in custody.", "More than 14,000 detainees", "killed"),
    ("Twelve refugees drowned when their boat capsized.", "Twelve refugees", "killed"),
    # ... but a move does not undo what the people moved are
    ("The army evacuated 20 wounded soldiers by helicopter.", "20 wounded soldiers", "injured"),
    ("Authorities evacuated 20,000 residents from the valley.", "20,000 residents", "displaced"),
    # a verb that says what happened in words of no category
    ("Eleven men have been charged with the murder.", "Eleven men", "other"),
    ("Aid agencies reached 17 million people, including displaced families.", "17 million people", "other"),
    ("Some 300 workers lost their jobs when the plant closed.", "Some 300 workers", "other"),
    ("The camp holds 12,000 refugees from the south.", "12,000 refugees", "refugees"),
    # the noun the count belongs to, and the nouns of verbs (the events layer's table)
    ("The executions of 29 prisoners drew condemnation abroad.", "29 prisoners", "killed"),
    ("The war has claimed the lives of at least 3,000 civilians.", "at least 3,000 civilians", "killed"),
    ("The release of 200 prisoners was part of the deal.", "200 prisoners", "detained"),
    # inmates are prisoners, whether the count is of those who escape or of those held
    ("The register showed that 312 inmates escaped during the raid.", "312 inmates", "detained"),
    ("About 300 prisoners escaped from the jail on Monday.", "About 300 prisoners", "detained"),
    # linking and tallying verbs: the complement or the noun before says it
    ("Six journalists were among the dead.", "Six journalists", "killed"),
    ("The dead include 14 women and a child.", "14 women", "killed"),
    ("The toll passed 34,000 on Thursday.", "34,000", "killed"),
    # the figure a count is part of; a list shares its verb
    ("The strike killed 11 people, among them three children.", "three children", "killed"),
    ("Sanctions were imposed on five officials and two militia leaders.", "two militia leaders", "other"),
    ("The army said it killed 25 insurgents and arrested 10 others.", "10 others", "detained"),
    ("Police identified 14 suspects, four of whom were arrested.", "14 suspects", "other"),
    ("Police identified 14 suspects, four of whom were arrested.", "four", "detained"),
    # misparsed counts find their verb
    ("Israel says 1,200 people were killed and about 250 taken hostage.", "about 250", "detained"),
    ("Rebels abducted 30 students; two more were later found dead.", "two more", "killed"),
    # across a border: refugees
    ("Around 900 families fled to Chad last week.", "Around 900 families", "refugees"),
    ("Some 1.2 million people have fled Sudan since April.", "Some 1.2 million people", "refugees"),
    ("Some 40,000 people fled to the capital last week.", "Some 40,000 people", "displaced"),
    # treated for wounds or in hospital: hurt; treated for a disease: no toll of an attack
    ("More than 40 people were being treated for wounds, the doctor said.", "More than 40 people", "injured"),
    ("At least 25 people were treated in hospital after the blast.", "At least 25 people", "injured"),
    ("The ministry said 31 people were taken to hospital after the clashes.", "31 people", "injured"),
    ("The clinic treated 300 patients for cholera last month.", "300 patients", "other"),
])
def test_category_from_the_clause(pipeline, text, span, category):
    _, figures = figures_of(pipeline, text)
    found = [f for f in figures if f["text"] == span]
    assert found, [(f["text"], f["category"]) for f in figures]
    assert found[0]["category"] == category


@pytest.mark.parametrize("text, span", [
    ("The country's roughly 20 million people face shortages.", "roughly 20 million people"),
    ("Gaza's 2.3 million residents depend on aid.", "2.3 million residents"),
    ("Lebanon, a country of about 5 million people, hosts many refugees.", "about 5 million people"),
    ("The 2 million people of the region have no clean water.", "2 million people"),
    ("Rebels took the town, home to an estimated 60,000 people, on Monday.", "an estimated 60,000 people"),
])
def test_the_people_of_a_place_are_its_population(pipeline, text, span):
    _, figures = figures_of(pipeline, text)
    assert [(f["text"], f["category"]) for f in figures] == [(span, "population")]


@pytest.mark.parametrize("text, expected", [
    # a name, not a place people live in
    ("Islamic State's 200 fighters retreated from the town.", [("200 fighters", "other")]),
    # what happened to them says more than where they live
    ("The country's 20 million people have been displaced by the war.", [("20 million people", "displaced")]),
    # the town's people and the displaced sheltering there are two counts
    ("The city, home to 2 million people and 300,000 displaced persons, is besieged.",
     [("2 million people", "population"), ("300,000 displaced persons", "displaced")]),
])
def test_population_only_where_nothing_else_is_said(pipeline, text, expected):
    _, figures = figures_of(pipeline, text)
    assert [(f["text"], f["category"]) for f in figures] == expected


@pytest.mark.parametrize("text", [
    "Two officials familiar with the talks said the deal was close.",
    "Three witnesses told reporters the convoy had turned back.",
    "The 27 member states agreed on new sanctions.",
])
def test_sources_and_modifiers_are_not_counts(pipeline, text):
    _, figures = figures_of(pipeline, text)
    assert figures == [], [f["text"] for f in figures]


def test_a_speaker_something_happened_to_is_still_counted(pipeline):
    _, figures = figures_of(pipeline, "Two wounded soldiers said the post had been overrun.")
    assert [(f["text"], f["category"]) for f in figures] == [("Two wounded soldiers", "injured")]


@pytest.mark.parametrize("text, span, low, category", [
    ("The strikes caused multiple deaths in the old town.", "multiple deaths", 2, "killed"),
    ("Scores of civilians were wounded in the crossfire.", "Scores of civilians", 40, "injured"),
    ("The militia has absorbed numerous former fighters.", "numerous former fighters", 2, "other"),
])
def test_more_vague_counts(pipeline, text, span, low, category):
    _, figures = figures_of(pipeline, text)
    assert [(f["text"], f["value"], f["low"], f["qualifier"], f["category"]) for f in figures] == \
        [(span, None, low, "vague", category)]


@pytest.mark.parametrize("text, place", [
    # the place first named is where; the next only locates it
    ("Gunmen shelled the Abu Shouk displacement camp near El Fasher, Sudan, on Sunday, killing at least 18 people.",
     "Abu Shouk"),
    ("In Kharkiv, Ukraine, 20 people were killed on Monday.", "Kharkiv"),
    ("In Homs, 20 people were killed on Monday.", "Homs"),
    # a toll someone gives is of the place in what they say, not of where they are
    ("In Gao, five soldiers were killed on Sunday, officials in Bamako said.", "Gao"),
    # and where what they say names none, the sentence's place still is the best guess
    ("Officials in Bamako said five soldiers were killed on Sunday.", "Bamako"),
])
def test_a_toll_is_of_the_place_a_larger_one_only_locates(pipeline, text, place):
    record = pipeline(text, published="2024-12-07")
    assert_valid(record)
    names = {p["id"]: p["name"] for p in record["places"]}
    assert [names.get(f["place"]) for f in record["figures"]] == [place], record["figures"]



@pytest.mark.parametrize("text, places", [
    # where the dead and the hurt are brought is not where they were killed or hurt
    ("Five soldiers were killed in an ambush near Kharkiv on Monday, and 17 wounded soldiers were brought to the "
     "main hospital in Poltava.", ["Kharkiv", "Kharkiv"]),
    ("Seventeen wounded people were taken to hospitals in Poltava after the shelling.", [None]),
    # but where a convoy carries food is a place like any other, and so is where people flee to
    ("A convoy carrying food to Poltava was ambushed on Sunday, and 14 people were killed.", ["Poltava"]),
    ("About 3,000 people were evacuated to Poltava on Sunday.", ["Poltava"]),
])
def test_a_toll_is_not_of_the_place_its_people_were_brought_to(pipeline, text, places):
    record = pipeline(text, published="2024-12-07")
    names = {p["id"]: p["name"] for p in record["places"]}
    assert [names.get(f["place"]) for f in record["figures"]] == places, record["figures"]


@pytest.mark.parametrize("text, expected", [
    # "the number" put at a count is of what the count before it counts; who puts it is a source
    ("Police said 12 people were killed in Orsk, while residents put the number at 20.",
     [("12 people", "killed"), ("20", "killed")]),
    ("The ministry said 40 people were arrested in Dornik; a rights group put the figure at 170.",
     [("40 people", "detained"), ("170", "detained")]),
    ("Residents of Orsk put the death toll at 30.", [("30", "killed")]),
])
def test_the_number_put_at_a_count_is_of_what_was_counted_before(pipeline, text, expected):
    _, figures = figures_of(pipeline, text)
    assert [(f["text"], f["category"]) for f in figures] == expected, figures


@pytest.mark.parametrize("text, category", [
    # what people are doing says what they are; its object tells of others
    ("Police broke up a march by thousands of supporters demanding the release of jailed leader Mara Venn.",
     "other"),
    ("About 3,000 people fleeing the fighting reached Kharkiv on Monday.", "displaced"),
])
def test_figures_people_counted_by_what_they_do_not_by_its_object(pipeline, text, category):
    _, figures = figures_of(pipeline, text)
    assert [f["category"] for f in figures] == [category], figures
