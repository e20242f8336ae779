import pytest

from dateline.layers.document.datelines import datelines
from dateline.layers.document.stage import detect_language
from dateline.resources import Resources


def find_dateline(text):
    return Resources().get(datelines).find(text)


@pytest.mark.parametrize("text, place", [
    ("DAMASCUS: The Syrian army on Saturday said", "DAMASCUS"),
    ("KYIV (Reuters) - Ukraine's air force said", "KYIV"),
    ("BEIRUT, Dec 7 (AP) — Israeli strikes hit", "BEIRUT"),
    ("GAZA CITY, Gaza Strip (AP) — Rescuers said", "GAZA CITY"),
    ("ISLAMABAD/KABUL, June 3 (Reuters) - Pakistan and", "ISLAMABAD/KABUL"),
    ("Kyiv, Ukraine (AP) — Russia launched", "Kyiv"),
    ("WASHINGTON — The State Department said", "WASHINGTON"),
    ("ERBIL, Iraq, March 13 (Reuters) — Missiles struck", "ERBIL"),
    ("BOGOTÁ, Colombia, Aug. 11 — The defence minister said", "BOGOTÁ"),
    ("ŞANLIURFA (Reuters) - Rescuers said", "ŞANLIURFA"),
    # the day before the month, as British and African wires write it
    ("YAOUNDÉ, 23 June (Afrik Dispatch) — The government said", "YAOUNDÉ"),
    ("Kampala, 4 March — Rescuers said", "Kampala"),
])
def test_document_dateline_found(text, place):
    dateline = find_dateline(text)
    assert dateline is not None and dateline.place == place
    assert text[dateline.start:dateline.end] == place
    assert not text[dateline.body].isspace()
    assert text[dateline.body:].split()[0] in ("The", "Ukraine's", "Israeli", "Rescuers", "Pakistan", "Russia", "Missiles")


@pytest.mark.parametrize("text", [
    "The army said: we will hold the line.",
    "UN: 370,000 displaced in Syria",
    "US-led forces - officials said - withdrew.",
    "Russia says 'terrorist group' cannot be allowed to run Syria",
])
def test_document_no_dateline_in_ordinary_openings(text):
    assert find_dateline(text) is None


@pytest.mark.parametrize("text, language", [
    ("The ministry said on Saturday that its forces had withdrawn from two villages near the border.", "en"),
    ("Das Ministerium teilte am Samstag mit, seine Truppen hätten sich aus zwei Dörfern zurückgezogen.", "de"),
    ("Le ministère a déclaré samedi que ses forces s'étaient retirées de deux villages près de la frontière.", "fr"),
    ("1234 5678 !!!", None),
    # English about northern Nigeria, which the classifier ranks as Nigerian Pidgin first
    ("Gunmen kidnapped 20 students from a school in Kaduna state.", "en"),
    # and Pidgin itself, which it is sure of
    ("Dem don arrest plenty pipo for Lagos, police tok.", "pcm"),
])
def test_document_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text, word, tag", [
    # the tagger takes the body's first word for one more name of the dateline's run
    ("PORT MERAN, March 14 (Tamber Wire) - Gunmen ambushed an army patrol near Orsk.", "Gunmen", "NNS"),
    ("ORSK, Velnor, June 2 (Coast Wire) — Artillery hit the market on Monday.", "Artillery", "NN"),
    # and so does any sentence's first word, after a full stop or a line break
    ("Militiamen attacked Kessa on Monday.", "Militiamen", "NNS"),
    ("The army withdrew. Gendarmes fired tear gas at the crowd.", "Gendarmes", "NNS"),
    ("The army withdrew.\nMilitiamen looted the depot.", "Militiamen", "NNS"),
    # but a name's first word stays a name's, and a month a month
    ("GENEVA, March 3 (Tamber Wire) — Amnesty International said police had beaten protesters.", "Amnesty", "NNP"),
    ("ORSK, Velnor (Coast Wire) — March 3 was the day the siege began.", "March", "NNP"),
])
def test_a_sentence_opens_with_a_common_noun_or_a_name(pipeline, text, word, tag):
    doc = pipeline.nlp(text)
    assert next(t for t in doc if t.text == word).tag_ == tag


@pytest.mark.parametrize("text, word, lemma", [
    # the rule lemmatizer strips the ending and finds another verb ("hop", "stag", "rap", "wag")
    ("The envoy hoped the talks in Orsk would resume.", "hoped", "hope"),
    ("The envoy hopes the talks will resume.", "hopes", "hope"),
    ("Students staged a sit-in outside the Velnor parliament.", "staged", "stage"),
    ("Militiamen raped two women in the village.", "raped", "rape"),
    ("The Tamber Front has waged an insurgency since 2015.", "waged", "wage"),
    # a noun keeps the lemma the lemmatizer gives it
    ("Trucks waited in the staging area near Orsk.", "staging", "staging"),
])
def test_verbs_the_lemmatizer_takes_for_other_verbs(pipeline, text, word, lemma):
    doc = pipeline.nlp(text)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


def test_every_layer_reads_the_verbs_given_their_lemma(pipeline):
    record = pipeline("The envoy of the Tamber Front hoped that the talks in Orsk would resume. "
                      "Militiamen raped two women in Kessa village on Tuesday. "
                      "Students staged a protest outside the Velnor parliament.")
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert [s["cue"]["text"] for s in record["statements"]] == ["hoped"]
    assault = next(e for e in record["events"] if e["trigger"]["text"].startswith("raped"))
    assert assault["type"] == "ASSAULT" and assault["mode"] == "sexual"
    protest = next(e for e in record["events"] if e["type"] == "PROTEST")
    assert "staged" in protest["trigger"]["text"] and [names[a] for a in protest["actors"]] == ["Students"]


@pytest.mark.parametrize("text, word, lemma", [
    ("The cease-fire held through Monday night.", "cease-fire", "ceasefire"),  # known joined
    ("Traders began a sit-in outside the Orsk customs post.", "sit-in", "sit-in"),  # known hyphenated
    ("Two sit-ins blocked the road to Kessa.", "sit-ins", "sit-in"),
    ("Workers staged a walk-out at the port.", "walk-out", "walkout"),
])
def test_hyphenated_words_the_layers_know_are_one_token(pipeline, text, word, lemma):
    doc = pipeline.nlp(text)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


@pytest.mark.parametrize("text, parts", [
    ("Some 20-30 gunmen crossed the river.", ["20", "-", "30"]),
    ("A pro-government militia held the bridge.", ["pro", "-", "government"]),
    ("The cease - fire talk was a joke.", ["cease", "-", "fire"]),  # spaced: not one word
])
def test_other_hyphens_stay_as_the_tokenizer_cuts_them(pipeline, text, parts):
    words = [t.text for t in pipeline.nlp(text)]
    assert any(words[i:i + 3] == parts for i in range(len(words)))


def test_a_hyphenated_ceasefire_is_the_same_act_as_one_written_whole(pipeline):
    whole, hyphenated = (pipeline(f"The {word} between the army and the Tamber Front held on Monday.")
                         for word in ("ceasefire", "cease-fire"))
    assert [(e["type"], e.get("mode")) for e in whole["events"]] \
        == [(e["type"], e.get("mode")) for e in hyphenated["events"]] != []


@pytest.mark.parametrize("text, sentences", [
    # the tokenizer cuts "Col." and "Sgt." from their full stop, which the parser took for a sentence's end
    ('"We held the bridge," army spokesman Col. Adan Weir told reporters in Orsk.', 1),
    ("Brig. Gen. Tomas Hale said the troops had withdrawn from Kessa.", 1),
    ("Sgt. Ana Lee and two other soldiers were wounded near Orsk.", 1),
    # a title's full stop before no name may end the sentence
    ("He was promoted to Col. The army said so on Monday.", 2),
])
def test_a_title_written_with_its_full_stop_does_not_end_the_sentence(pipeline, text, sentences):
    assert len(list(pipeline.nlp(text).sents)) == sentences


def test_a_quote_keeps_the_speaker_whose_title_is_abbreviated(pipeline):
    record = pipeline('"We held the bridge," army spokesman Col. Adan Weir told reporters in Orsk.')
    assert [(s["speaker"]["text"], s["content"]["text"]) for s in record["statements"]] \
        == [("army spokesman Col. Adan Weir", "We held the bridge")]


@pytest.mark.parametrize("text, participle, noun, verb", [
    # the parser took the participle for the sentence's verb and hung the passive verb on it
    ("Nine bus drivers abducted near Gusau last week were freed on Thursday, mediators said.",
     "abducted", "drivers", "freed"),
    ("Twelve mine workers held hostage for four days near Kaduna were freed unharmed on Thursday, police said.",
     "held", "workers", "freed"),
    ("The nine bus drivers abducted near Gusau last week are safe.", "abducted", "drivers", "are"),
    # the parser tagged it a participle, yet made it the verb, and hung "last week" on the later one
    ("Two soldiers captured near Orsk last week were freed in Batken on Monday.", "captured", "soldiers", "freed"),
    # a verb joined to one after it keeps its subject
    ("Fifty bus drivers abducted from two villages near Gusau last week were freed on Wednesday and handed "
     "over to officials, the state government said.", "abducted", "drivers", "freed"),
])
def test_a_participle_the_parser_took_for_a_verb_describes_its_noun(pipeline, text, participle, noun, verb):
    doc = pipeline.nlp(text)
    words = {t.text: t for t in doc}
    assert (words[participle].dep_, words[participle].tag_, words[participle].head.text) == ("acl", "VBN", noun)
    assert words[noun].dep_ in ("nsubj", "nsubjpass") and words[noun].head.text == verb
    if "week" in words:  # what was said between the two is the participle's
        assert words["week"].head.text == participle
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text, verb, subject", [
    ("Gunmen abducted six men and were later arrested.", "abducted", "Gunmen"),  # "and": one subject, two verbs
    ("An army spokesman said there were no weapons in the hospital.", "said", "spokesman"),  # "there were"
    ("The rebels withdrew pursued by troops.", "withdrew", "rebels"),  # "withdrew" is no participle
])
def test_a_verb_with_its_own_subject_stays_the_sentence_s_verb(pipeline, text, verb, subject):
    words = {t.text: t for t in pipeline.nlp(text)}
    assert words[subject].head.text == verb and words[subject].dep_ == "nsubj"


def test_who_a_participle_was_done_to_is_the_noun_it_describes(pipeline):
    record = pipeline("Nine bus drivers abducted near Gusau last week were freed on Thursday, mediators said.")
    names = {e["id"]: e["name"] for e in record["entities"]}
    acts = {e["trigger"]["text"]: e for e in record["events"]}
    assert (acts["freed"]["type"], acts["freed"]["mode"]) == ("RETREAT", "release")
    for trigger in ("abducted", "freed"):
        assert [names[t] for t in acts[trigger]["targets"]] == ["Nine bus drivers"]
        assert acts[trigger]["actors"] == []


@pytest.mark.parametrize("text, word, tag", [
    # a verb of a series that goes on after it, which the tagger read as a noun
    ("Officials continue to detain, harass, and threaten mothers of detained protesters.", "harass", "VB"),
    # a noun of its own in a series of nouns, or after the last verb
    ("The militia looted the shops, the clinic, and the school in Orsk.", "clinic", "NN"),
    ("Soldiers pledged to protect lives and property in Orsk.", "property", "NN"),
])
def test_a_verb_in_a_series_of_verbs_is_a_verb(pipeline, text, word, tag):
    words = {t.text: t for t in pipeline.nlp(text)}
    assert words[word].tag_ == tag


def test_a_harassment_told_in_a_series_of_verbs_is_an_event(pipeline):
    record = pipeline("Officials continue to detain, harass, and threaten mothers of detained protesters.")
    assert "harass" in [e["trigger"]["text"] for e in record["events"]]
