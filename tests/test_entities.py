"""The entities stage: names merged, titles and affiliations read, descriptions and
pronouns tied to who they refer to. Sentences are our own, in the manner of wire copy."""
import pytest

from .conftest import assert_valid


def by_name(record, name):
    found = [e for e in record["entities"] if e["name"] == name]
    assert found, f"no entity {name!r}; have {[e['name'] for e in record['entities']]}"
    return found[0]


def mention_texts(entity):
    return [m["text"] for m in entity["mentions"]]


def test_entities_surname_joins_full_name_and_title_is_read(pipeline):
    record = pipeline("Interior Minister Rania Haddad visited the border post on Sunday. "
                      "Haddad said the post would reopen next week.")
    assert_valid(record)
    ent = by_name(record, "Rania Haddad")
    assert ent["type"] == "PERSON"
    assert ent["title"] == "Interior Minister"
    assert any(t == "Haddad" for t in mention_texts(ent))


@pytest.mark.parametrize("text, name, later", [
    # a Thai given name, a Khmer family name: a person named again by the first word
    ("Army spokesman Major-General Somchai Phongsak said troops had returned fire. \"No Thai aircraft "
     "crossed the border,\" Somchai said.", "Somchai Phongsak", "Somchai"),
    ("Its spokeswoman, Lieutenant-General Sovann Rithy, said the base was hit. Sovann also accused the "
     "air force of bombing a school.", "Sovann Rithy", "Sovann"),
    # a surname the tagger reads as a plural noun
    ("Police spokesman Gary Mereweathers said two officers were hurt. \"They were waiting for us,\" "
     "Mereweathers said.", "Gary Mereweathers", "Mereweathers"),
    # a surname of three letters, which only a proper noun can be
    ('Mei Lam, the district governor, spoke to reporters on Monday. "Our police and firefighters have been '
     'injured during violent incidents," Lam continued.', "Mei Lam", "Lam"),
])
def test_entities_a_person_named_again_by_one_word_of_their_name(pipeline, text, name, later):
    record = pipeline(text)
    ent = by_name(record, name)
    assert later in mention_texts(ent), record["entities"]
    said = [s for s in record["statements"] if s["speaker"]["text"] == later]
    assert said and all(s["speaker"]["entity"] == ent["id"] for s in said), record["statements"]


def test_entities_a_first_name_shared_by_two_people_names_neither(pipeline):
    record = pipeline("Colonel Anan Srisuk and Major Anan Wongsa inspected the post. Anan said the road was open.")
    for name in ("Anan Srisuk", "Anan Wongsa"):
        assert "Anan" not in mention_texts(by_name(record, name)), record["entities"]


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Iran's Foreign Minister Abbas Araghchi arrived in Doha.", "Abbas Araghchi", "Foreign Minister", "Iran"),
    ("Russian Defence Minister Andrei Belousov met the delegation.", "Andrei Belousov", "Defence Minister", "Russia"),
    ("UN spokesperson Stephane Dujarric spoke to reporters.", "Stephane Dujarric", "UN spokesperson", "UN"),
    # the "State" of the office's name is no body the person is of
    ("US Secretary of State Mara Delkin flew to Doha.", "Mara Delkin", "US Secretary of State", "United States"),
    ("Secretary of State Mara Delkin flew to Doha.", "Mara Delkin", "Secretary of State", None),
    ("A militant commander, Yusuf Karimi, was wounded.", "Yusuf Karimi", "militant commander", None),
    # a body the title names by a common noun is the one named before with that word ...
    ("The Kessel Ridge Brigade said 31 people were killed. \"The shells fell at dawn,\" brigade spokesman "
     "Omar Tallis told reporters.", "Omar Tallis", "brigade spokesman", "Kessel Ridge Brigade"),
    ("Varnia's Ministry of Inland Trade denied closing the crossing. Ministry spokeswoman Ilse Koren said "
     "the border was open.", "Ilse Koren", "Ministry spokeswoman", "Ministry of Inland Trade"),
    # ... the one told last before it, named or described ("The Interior Ministry denied")
    ("The Interior Ministry said 64 people were detained overnight.\n\nThe Health Ministry said 31 people "
     "were taken to hospital.\n\nCivic Dawn said masked men took Kiknadze from its offices. \"We hold the "
     "interior minister responsible for his safety,\" deputy leader Nana Beri said.\n\nThe Interior Ministry "
     "denied that Kiknadze had been detained. \"He is not in the custody of any police unit,\" ministry "
     "spokesman Davit Nozadze said.", "Davit Nozadze", "ministry spokesman", "Interior Ministry"),
    # a title's possessive pronoun, once the pronouns are told (not "his lawyer": a person's)
    ("The Tarsk Relief Agency gave a lower figure. Its commissioner, Hodan Farah, said 45,000 people had "
     "fled.", "Hodan Farah", "commissioner", "Tarsk Relief Agency"),
    ("Lev Marin fell ill on Thursday. His lawyer, Anna Petrova, said he had been poisoned.", "Anna Petrova",
     "lawyer", None),
    # a role in the plural is no one's title
    ("Associates of Lev Marin said he had been poisoned.", "Lev Marin", None, None),
    # a body told by its name's last word, which no person is ("the Observatory")
    ("The Varnel Conflict Observatory said the fragments matched a guided bomb. \"The evidence points to "
     "a drone strike,\" the Observatory's director, Ilse Koren, told reporters.", "Ilse Koren", "director",
     "Varnel Conflict Observatory"),
    # a possessor the descriptions tell
    ("The two sides signed a truce on Sunday. The government's peace commissioner, Alma Reyes, said 30 "
     "prisoners would be freed.", "Alma Reyes", "peace commissioner", "government"),
    # ... but not another's army: "army" alone is the state's
    ("The Tarsk Liberation Army said it held the pass, but army spokesman Pavel Dunst said troops had "
     "retaken it.", "Pavel Dunst", "army spokesman", None),
])
def test_entities_titles_and_affiliations(pipeline, text, name, title, affiliation):
    record = pipeline(text)
    ent = by_name(record, name)
    assert ent["title"] == title
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert names.get(ent["affiliation"]) == affiliation


def test_entities_description_before_name_resolves_forward(pipeline):
    record = pipeline("Syria's interior minister told state TV that the roads were closed. "
                      "Interior Minister Mohammed al-Rahmoun said the closure would last a week.")
    ent = by_name(record, "Mohammed al-Rahmoun")
    assert "Syria’s interior minister" in mention_texts(ent) or "Syria's interior minister" in mention_texts(ent)


def test_entities_definite_description_and_pronoun(pipeline):
    record = pipeline("The Defence Ministry said two drones were shot down. The ministry added that one "
                      "fell near a school. Spokeswoman Lina Berg said she had no details on casualties.")
    ministry = by_name(record, "Defence Ministry")
    assert "The ministry" in mention_texts(ministry)
    assert "she" in mention_texts(by_name(record, "Lina Berg"))


@pytest.mark.parametrize("text, later, whose", [
    # what a description beside a name calls it names it later, whatever the tagger made of it
    ("Orvana Maritime, the Cypriot company that manages the tanker, said the crew was safe. "
     "The company said the fire had been put out.", "The company", "Orvana Maritime"),
    ("A Cypriot company, Orvana Maritime, manages the tanker. Its crew was safe, the company said.",
     "the company", "Orvana Maritime"),
    ("The Sahr Liberation Front, a separatist rebel group, said it had taken the airstrip. "
     "The rebels said the town was under their control.", "The rebels", "Sahr Liberation Front"),
    # the group an "of" names: its rebels are the Front, and so are "the rebels" after them
    ("Clashes between the army and rebels of the Sahr Liberation Front went on. The rebels said the town "
     "was under their control.", "The rebels", "Sahr Liberation Front"),
    # "the ministry" is the ministry named last, whatever word its name ends with
    ("The Health Ministry said 40 people were killed. The Ministry of Foreign Affairs condemned "
     "the strike. The ministry said it would summon the ambassador.", "The ministry",
     "Ministry of Foreign Affairs"),
])
def test_entities_a_description_beside_a_name_names_it_later(pipeline, text, later, whose):
    record = pipeline(text)
    assert _entity_of(record, later) == whose, [(e["name"], mention_texts(e)) for e in record["entities"]]


def test_entities_the_group_of_one_conjunct_is_not_the_other_s(pipeline):
    # the parser may hang "of the Front" from "the army" of "the army and rebels of the Front"
    record = pipeline("Clashes between the army and rebels of the Sahr Liberation Front went on.")
    assert _entity_of(record, "rebels") == "Sahr Liberation Front"
    assert _entity_of(record, "the army") != "Sahr Liberation Front"
    assert "Sahr Liberation Front" in mention_texts(by_name(record, "Sahr Liberation Front"))
    # and a party's supporters are not the party (actors.tsv: only who fight for a group are it)
    record = pipeline("Supporters of the National Unity Party said they would march on Friday.")
    assert _entity_of(record, "Supporters of the National Unity Party") != "National Unity Party"


def test_entities_what_a_verb_left_a_group_is_no_word_of_its_name(pipeline):
    # "dead" is what the shooting left them, which the parser hangs on the noun
    record = pipeline("The Tamber Front said soldiers had shot dead nine demonstrators in Orsk.")
    names = [e["name"] for e in record["entities"]]
    assert "nine demonstrators" in names, names


def test_entities_a_description_of_another_kind_is_not_the_name_before_it(pipeline):
    # the army is no company, and a company described as one is not the army
    record = pipeline("The army said the port was closed. Orvana Maritime, the company that manages the "
                      "tanker, said the crew was safe. The army said the rebels had fled.")
    army = [e for e in record["entities"] if "The army" in mention_texts(e)]
    assert len(army) == 1 and army[0]["name"] != "Orvana Maritime"
    assert by_name(record, "Orvana Maritime")["type"] != "PERSON"


def test_entities_a_command_of_the_army_is_an_actor_a_front_of_a_war_is_not(pipeline):
    record = pipeline("The army command said it backed the decision. The rebels opened a new front near the border.")
    command = by_name(record, "army command")
    assert "it" in mention_texts(command)
    assert not [e for e in record["entities"] if "front" in e["name"]]


def test_entities_two_actors_coordinated_before_one_noun_are_two(pipeline):
    # parsed as one noun ("rebels") whose modifier is "Tarsk's government and Varnel Front":
    # the government is an actor, and the rebels told next are the Front's
    record = pipeline("Tarsk's government and Varnel Front rebels signed a ceasefire on Monday. The rebels "
                      "promised to free 40 captives.")
    names = {e["name"] for e in record["entities"]}
    assert {"Tarsk's government", "Varnel Front rebels"} <= names, names
    assert mention_texts(by_name(record, "Varnel Front rebels")) == ["Varnel Front rebels", "The rebels"]
    # coordinated adjectives make one group of both
    record = pipeline("Israeli and Palestinian leaders met in Cairo on Monday.")
    assert "Israeli and Palestinian leaders" in {e["name"] for e in record["entities"]}


def test_entities_acronym_in_brackets_names_the_agency(pipeline):
    record = pipeline("The Syrian Arab News Agency (SANA) reported explosions. SANA said there were no casualties.")
    agency = by_name(record, "Syrian Arab News Agency")
    assert mention_texts(agency).count("SANA") == 2
    # an acronym of another language's words, which the tagger takes into the name
    record = pipeline("The attack put at risk a truce between the government and the United Front of the Massif "
                      "(FUM) rebel group. The FUM denied any role in it.")
    front = by_name(record, "United Front of the Massif")
    assert mention_texts(front).count("FUM") == 2


@pytest.mark.parametrize("text, name, acronym", [
    # the tagger cuts such names at a place in them, or at a lower-case word
    ("The Rally for a New Guinea (RNG) said nine people were killed. The RNG called a strike.",
     "Rally for a New Guinea", "RNG"),
    ("Fighters of the Movement for Justice in the Sahel (MJS) took the town. The MJS said it held it.",
     "Movement for Justice in the Sahel", "MJS"),
    ("The Association for Memory and Justice in Ouaddai (AMJO) called for an inquiry. AMJO said 30 of its "
     "members were held.", "Association for Memory and Justice in Ouaddai", "AMJO"),
])
def test_entities_a_name_whose_initials_spell_the_acronym_after_it_is_one_name(pipeline, text, name, acronym):
    record = pipeline(text)
    body = by_name(record, name)
    assert mention_texts(body).count(acronym) == 2, body
    assert not any(e["name"] in ("New Guinea", "Movement for Justice", "Association for Memory and Justice")
                   for e in record["entities"]), record["entities"]


def test_entities_demonym_ties_to_country_and_armed_groups_are_groups(pipeline):
    record = pipeline("Syrian troops clashed with Hezbollah fighters near the border, and insurgents "
                      "shelled a village. The insurgents later withdrew.")
    assert by_name(record, "Syria")["type"] == "GPE"
    assert by_name(record, "Hezbollah")["type"] == "GROUP"
    insurgents = by_name(record, "insurgents")
    assert insurgents["type"] == "GROUP" and len(insurgents["mentions"]) == 2


def test_entities_pronouns_inside_quotations_are_left_alone(pipeline):
    record = pipeline("“They came at night and they took everything,” said Omar Haidari.")
    haidari = by_name(record, "Omar Haidari")
    assert mention_texts(haidari) == ["Omar Haidari"]


@pytest.mark.parametrize("text", [
    # "he" made the spokesman a man: the "she" of the quotation after is someone else's
    "Police spokesman Oumar Tall said two officers had been hurt. He said the attackers had fled towards "
    "the river. \"The law will be respected,\" she said.",
    # an honorific tells it before any pronoun
    "Mr Oumar Tall said the leader had been detained. \"Nobody is above the law,\" she said.",
], ids=["told by a pronoun", "told by an honorific"])
def test_a_pronoun_is_no_person_of_the_other_gender(pipeline, text):
    record = pipeline(text)
    assert "she" not in mention_texts(by_name(record, "Oumar Tall"))


def test_a_pronoun_takes_up_the_subject_of_the_sentence_before_not_of_what_it_reported(pipeline):
    record = pipeline("Information Minister Fatu Kamara said on television that President Idris Bangura was "
                      "safe and at work. She denied reports that he had been detained.")
    assert "She" in mention_texts(by_name(record, "Fatu Kamara"))
    assert "She" not in mention_texts(by_name(record, "Idris Bangura"))


@pytest.mark.parametrize("text, name, pronoun, taken", [
    # a possessive or a partitive takes up the people its clause's subject counts
    ("Rights group Harrow Watch says at least 12 hostages have been killed by their captors.", "Harrow Watch",
     "their", False),
    ("The Kessa Front said 21 people had been detained, among them a 15-year-old boy.", "Kessa Front", "them", False),
    # an object is never its own clause's subject
    ("The coast guard said the abductors were moving toward the islands and that three vessels were tracking "
     "them.", "abductors", "them", True),
    # a subject that names an actor is an entity, taken up as before
    ("The Kessa Front said its fighters had taken the town, and that their losses were light.", "fighters",
     "their", True),
])
def test_a_plural_pronoun_takes_up_the_people_its_clause_counts(pipeline, text, name, pronoun, taken):
    record = pipeline(text)
    assert (pronoun in mention_texts(by_name(record, name))) is taken, record["entities"]


def test_a_surname_written_without_its_diacritics_is_the_same_person(pipeline):
    record = pipeline("Trump spoke with Turkish President Recep Tayyip Erdoğan on Sunday. According to a statement "
                      "released by Erdogan's office, the aim was to neutralize the threat. Trump spoke with Erdogan "
                      "again on Monday.")
    erdogan = by_name(record, "Recep Tayyip Erdoğan")
    assert mention_texts(erdogan).count("Erdogan") == 2, mention_texts(erdogan)
    assert [e["name"] for e in record["entities"] if "rdo" in e["name"]] == ["Recep Tayyip Erdoğan"]


def test_a_surname_joined_by_a_hyphen_is_one_name(pipeline):
    record = pipeline("Justice Minister Fatoumata Keita-Sy confirmed the arrest in an interview with state "
                      "broadcaster RTG.")
    assert by_name(record, "Fatoumata Keita-Sy")["title"] == "Justice Minister"


@pytest.mark.parametrize("text, name", [
    # the small model tags only the last words of a long name: the given names before them,
    # parts of the same flat name, are the person's too
    ("Police said that Mir Taimur Khan Velzai was killed in the attack on the convoy.", "Mir Taimur Khan Velzai"),
    ("The province's governor, Mahaman Issaka Tessel, promised that food would reach the town by Monday.",
     "Mahaman Issaka Tessel"),
    # and never an office's words, nor a common noun that opens the sentence
    ("Tajik Foreign Minister Shavkat Nazarzoda said on Sunday that Kyrgyz soldiers had fired first.",
     "Shavkat Nazarzoda"),
    ("Voter Kitty Ameng, 30, said she had waited for three hours.", "Kitty Ameng"),
    ("Chief Executive Lina Varga said the port would reopen.", "Lina Varga"),
])
def test_a_long_name_the_tagger_cut_is_one_whole_name(pipeline, text, name):
    record = pipeline(text)
    people = [e["name"] for e in record["entities"] if e["type"] == "PERSON"]
    assert people == [name], people


@pytest.mark.parametrize("text, bodies", [
    # a word of an office the tagger took for a body is the title's, no one's name
    ("Interior Minister Lina Varga said two officers were hurt, and the Secretary of State condemned the "
     "attack.", []),
    ("Defence Minister Aram Tessel said the truce would hold.", []),
    # but a body's own name before an office stays one
    ("UN Secretary-General Ilse Oden said the talks would resume.", ["UN"]),
])
def test_a_word_of_an_office_is_no_body(pipeline, text, bodies):
    record = pipeline(text)
    assert [e["name"] for e in record["entities"] if e["type"] == "ORG"] == bodies, record["entities"]


@pytest.mark.parametrize("text, country", [
    # a country's name the tagger took for a body or a person is the country
    ("Burkina Faso's President Aram Tessel was detained by soldiers on Monday.", "Burkina Faso"),
    ("Sierra Leone said the coup attempt had failed.", "Sierra Leone"),
])
def test_a_country_the_tagger_took_for_a_body_or_a_person_is_the_country(pipeline, text, country):
    record = pipeline(text)
    assert [e["type"] for e in record["entities"] if e["name"] == country] == ["GPE"], record["entities"]


def test_two_countries_bodies_of_one_name_are_two(pipeline):
    record = pipeline("Chad's Defence Ministry said its forces had taken the village. Sudan's Defence Ministry "
                      "said the attack had been repelled. The ministry said 40 soldiers had been killed.")
    ministries = [e for e in record["entities"] if e["name"] == "Defence Ministry"]
    assert len(ministries) == 2, ministries
    by_id = {e["id"]: e["name"] for e in record["entities"]}
    assert [by_id.get(m["affiliation"]) for m in ministries] == ["Chad", "Sudan"]
    said = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert said["The ministry"] == said["Sudan's Defence Ministry"] != said["Chad's Defence Ministry"]


def test_an_unqualified_body_is_of_the_country_the_article_was_filed_from(pipeline):
    record = pipeline("QUITO, Ecuador (Kestrel Daily) — Ecuador on Monday expelled the envoy, the Foreign Ministry "
                      "said. Peru's Foreign Ministry said in a statement that it rejected the accusations.")
    said = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert said["the Foreign Ministry"] != said["Peru's Foreign Ministry"]


def test_entities_plural_descriptions_corefer(pipeline):
    record = pipeline("Officials said the bridge was down. The officials said it would reopen on Friday.")
    officials = [e for e in record["entities"] if e["name"].lower() == "officials"]
    assert len(officials) == 1 and len(officials[0]["mentions"]) == 2


def test_entities_a_bare_role_beside_a_name_is_theirs(pipeline):
    # no article before "spokesman": the role is still the person's, and what he says the army's
    record = pipeline("Lieutenant Colonel Moise Ilunga, spokesman for the Congolese army in the Beni area, put "
                      "the toll at four peacekeepers killed.")
    assert "spokesman for the Congolese army" in mention_texts(by_name(record, "Moise Ilunga"))


def test_entities_a_person_the_tagger_missed_after_a_title_is_named(pipeline):
    record = pipeline("Provincial governor Lieutenant General Pascal Ndjoli Mbuyi said about 300 prisoners had escaped. "
                      "He said the army would find them.")
    person = by_name(record, "Pascal Ndjoli Mbuyi")
    assert person["type"] == "PERSON" and "He" in mention_texts(person)
    # a body's name and a rank's class are no person's
    names = [e["name"] for e in pipeline("The Port-au-Prince Human Rights Observatory said at least 12 people "
                                         "were killed. Petty Officer Third Class Juan Reyes was wounded.")["entities"]]
    assert "Human Rights Observatory" not in names and "Third Class" not in names, names


@pytest.mark.parametrize("text, name", [
    ("Governor Pascal Ndjoli Mbuyi repeated his pledge that every fugitive would be caught.", "Pascal Ndjoli Mbuyi"),
    ("Government spokeswoman Lalao Rasoanaivo said four people had been killed.", "Lalao Rasoanaivo"),
    # nor is the name of the office a title holds
    ("Minister of Defence Ana Costa Velho said the troops would stay in Orsk.", "Ana Costa Velho"),
    ("Commissioner for Information Aisha Rabe Gummi said no ransom was paid.", "Aisha Rabe Gummi"),
    # and after the saying, or after the state the office is of
    ('"Not a single naira was paid to anybody," said Commissioner for Information Aisha Rabe Gummi.',
     "Aisha Rabe Gummi"),
    ("Zamfara State Commissioner for Information Aisha Rabe Gummi said no ransom was paid.", "Aisha Rabe Gummi"),
    # the title inside the tagger's name is no part of it
    ("Police spokesman Superintendent Yusuf Garba Lawal said about 80 gunmen arrived at the school.",
     "Yusuf Garba Lawal"),
    # a name the tagger took in part for a town, or for a work of art after a quotation
    ("Hamidou Sanda, a municipal councillor in Banibangou reached by telephone, said at least 19 soldiers had "
     "been killed.", "Hamidou Sanda"),
    ('"The guns will fall silent from midnight tonight," Bishop Ernst Lamothe, who chairs the mediation '
     'committee, told a news conference.', "Ernst Lamothe"),
    # or for a place, in apposition after the role
    ("The union's secretary-general, Agnes Fombo, said the guards had old rifles.", "Agnes Fombo"),
])
def test_entities_a_name_the_tagger_took_for_a_body_after_a_title_is_a_person(pipeline, text, name):
    person = by_name(pipeline(text), name)
    assert person["type"] == "PERSON" and person["title"], person
    # a body's name after a role word stays a body's
    body = by_name(pipeline("The rebel commander said the Tamber Liberation Front would withdraw."),
                   "Tamber Liberation Front")
    assert body["type"] != "PERSON", body


@pytest.mark.parametrize("text, description, name", [
    ("Gunmen attacked a convoy of the Orsk Relief Alliance near Kessa. The alliance said two drivers were killed.",
     "The alliance", "Orsk Relief Alliance"),
    ("Velnor's State Border Service said troops opened fire. The border service said a post was hit.",
     "The border service", "State Border Service"),
])
def test_entities_the_last_word_of_a_body_s_name_calls_it_again(pipeline, text, description, name):
    record = pipeline(text)
    assert description in mention_texts(by_name(record, name))
    speaker = next(s["speaker"] for s in record["statements"] if s["speaker"]["text"] == description)
    assert speaker["entity"] == by_name(record, name)["id"]


@pytest.mark.parametrize("text, description", [
    ("Velnor's border service said its guards had exchanged fire with Orsk troops. The shooting began at "
     "dawn, the border service said.", "the border service"),
    ("The Velnor security service said it had arrested two men. The security service said they were spies.",
     "The security service"),
])
def test_entities_a_service_of_the_state_written_in_lower_case_is_a_body_its_description_calls_again(
        pipeline, text, description):
    # "Velnor's border service": the service speaks, not Velnor; and "the border service" is it again
    record = pipeline(text)
    first, again = (s["speaker"] for s in record["statements"])
    assert again["text"] == description and first["entity"] is not None and again["entity"] == first["entity"], \
        record["statements"]
    body = next(e for e in record["entities"] if e["id"] == first["entity"])
    assert body["type"] == "ORG" and "Velnor" not in (body["name"], ), body
    # "emergency services" do things; "the service" alone names no body
    record = pipeline("Emergency services said two people were hurt. The service was suspended on Monday.")
    assert any(e["name"].lower() == "emergency services" for e in record["entities"]), record["entities"]
    assert not any(m["text"] == "The service" for e in record["entities"] for m in e["mentions"]), record["entities"]


def test_entities_a_word_of_a_body_s_name_is_not_the_body_where_it_names_another_thing(pipeline):
    # a front line is no front, and the outlet's name is not the army post it reports on
    record = pipeline("Fighters of the Tamber Front moved towards Orsk. Troops were sent to the front, the army said.")
    assert "the front" not in mention_texts(by_name(record, "Tamber Front"))
    record = pipeline("KESSA, 14 March (Orsk Valley Post) - Gunmen attacked an army post near Kessa. The army said "
                      "the post had not fallen.", source="Orsk Valley Post")
    assert not any("the post" in mention_texts(e) for e in record["entities"])


def test_entities_a_group_named_after_those_it_is_made_of_is_the_group(pipeline):
    record = pipeline("Rebels of the Alliance for the Renewal of Orsk (ARO) shelled Kessa on Tuesday. The ARO said "
                      "it held the town.")
    group = by_name(record, "Alliance for the Renewal of Orsk")
    assert {"Rebels", "ARO"} <= set(mention_texts(group)), group


@pytest.mark.parametrize("text, country", [
    ("Senegal freed 40 rebel prisoners on Sunday.", "Senegal"),  # which the tagger did not see
    ("South Sudan accused Sudan of arming the rebels.", "South Sudan"),  # which it took for a region
])
def test_entities_a_country_the_tagger_missed_is_one(pipeline, text, country):
    assert by_name(pipeline(text), country)["type"] == "GPE"


@pytest.mark.parametrize("text, body", [
    ("On Sunday the air force acknowledged that its plane had bombed the town.", "air force"),
    ("The coast guard said two fishing boats were missing.", "coast guard"),
])
def test_entities_a_force_or_a_guard_named_by_its_kind_is_a_body(pipeline, text, body):
    assert by_name(pipeline(text), body)["type"] == "ORG"
    # but force itself is no one
    names = [e["name"] for e in pipeline("Police used excessive force against the crowd.")["entities"]]
    assert not any("force" in name for name in names), names


@pytest.mark.parametrize("text, speakers", [
    ("Aid workers say food stocks in Kessa are running out.", "Aid workers"),
    ("Hospital staff said 40 wounded had been admitted.", "Hospital staff"),
    ("Organisers said 20,000 people took part.", "Organisers"),
    ("The union urged the government to suspend the deployment of crews.", "The union"),
])
def test_entities_people_who_speak_by_their_work_are_who_speaks(pipeline, text, speakers):
    record = pipeline(text)
    [statement] = record["statements"]
    speaker = next((e for e in record["entities"] if e["id"] == statement["speaker"]["entity"]), None)
    assert speaker is not None and speaker["type"] in ("GROUP", "ORG") and statement["speaker"]["text"] == speakers, \
        (statement, record["entities"])


def test_entities_an_organisation_described_before_it_is_named_is_the_one_named_next(pipeline):
    record = pipeline("A medical charity said at least 30 people were killed when shells hit the hospital in Orsk. "
                      "Kivu Health Alliance said its surgeons had worked through the night.")
    assert "A medical charity" in mention_texts(by_name(record, "Kivu Health Alliance"))
    speakers = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert speakers["A medical charity"] == by_name(record, "Kivu Health Alliance")["id"]
    # a name the tagger took for a person's is a thing's when "which" follows it
    record = pipeline("A medical charity said at least 30 people were killed when shells hit the hospital. Sahel "
                      "Emergency Medics, which runs a clinic in the town, said its surgeons had worked all night.")
    charity = by_name(record, "Sahel Emergency Medics")
    assert charity["type"] == "ORG" and "A medical charity" in mention_texts(charity)


LEAD_NAMED_LATER = (
    "DORRAN, 11 March (Kestrel Daily) - The army said on Sunday that a drone strike had killed about 30 militants, "
    "but the mayor of the nearest town said the aircraft had hit a wedding party. The strike happened on Saturday "
    "evening. Survivors were taken to hospital in Orsk. The army did not say which group the militants belonged to. "
    "Ibrahim Sallah, the mayor of Keswa, said by telephone that the dead were villagers.")


@pytest.mark.parametrize("description, named, one", [
    ("the mayor of the nearest town", "Ibrahim Sallah, the mayor of Keswa,", True),
    # the lead's description names its body: not the army's spokesman named later
    ("the spokesman of the Orsk Liberation Front", "army spokesman Colonel Ibrahim Sallah", False),
    # nor another office of the same family named by another word
    ("the mediator", "The Front's chief negotiator, Ibrahim Sallah,", False),
])
def test_entities_a_lead_s_description_is_the_person_its_title_names_paragraphs_later(pipeline, description, named,
                                                                                    one):
    record = pipeline(LEAD_NAMED_LATER.replace("the mayor of the nearest town", description)
                      .replace("Ibrahim Sallah, the mayor of Keswa,", named))
    person = by_name(record, "Ibrahim Sallah")
    assert (description in {m.lower() for m in mention_texts(person)}) is one, person


@pytest.mark.parametrize("quoted, one", [
    # news writing's delayed identification: the lead's role, named where the quote follows
    ('"We received twelve bodies," Dr. Lina Varga said.', True),
    ('"The wards are full," Lina Varga told reporters at the hospital.', True),
    # someone else: introduced where named, or given a role of their own
    ('"We are tired of running," said Lina Varga, a mother of five.', False),
    ('"We are tired of running," said Lina Varga, 34.', False),
    ('"We received twelve bodies," said Police Chief Lina Varga.', False),
])
def test_entities_a_lead_s_speaker_told_by_role_is_the_person_named_in_the_quote_after(pipeline, quoted, one):
    record = pipeline("Twelve people died in the blast at the Orsk depot, the director of the town's main hospital "
                      f"said on Friday. {quoted} The depot had been closed for a week.")
    person = by_name(record, "Lina Varga")
    assert ("the director of the town's main hospital" in mention_texts(person)) is one, person
    speakers = {s["speaker"]["entity"] for s in record["statements"]}
    assert (speakers == {person["id"]}) is one, record["statements"]


@pytest.mark.parametrize("text, told", [
    # an attitude it says it holds is its saying ...
    ("The health ministry said it was deeply concerned about the fighting in Orsk.", True),
    ("The UN office in Dorran said it was alarmed by the bombing.", True),
    # ... but an "it" that stands for what comes after it refers to no one
    ("It is inadmissible to attack hospitals, the health ministry said.", False),
])
def test_entities_it_that_says_it_is_concerned_is_who_said_so(pipeline, text, told):
    record = pipeline(text)
    body = next(e for e in record["entities"] if e["type"] == "ORG")
    assert ("it" in {m.lower() for m in mention_texts(body)}) is told, record["entities"]


def test_entities_an_acronym_with_a_hyphen_is_one_name_of_the_body(pipeline):
    # the tokenizer cuts "KLM-R" at its hyphen; its initials are those of the whole name
    record = pipeline("The army blamed fighters of the Keswick Liberation Movement-Reform (KLM-R), an armed group "
                      "active in the area. On Thursday the KLM-R denied any part in the attack.")
    movement = by_name(record, "Keswick Liberation Movement-Reform")
    assert "KLM-R" in mention_texts(movement), movement
    assert not any(e["name"] in ("KLM", "KLM-R") for e in record["entities"]), record["entities"]


def test_entities_a_body_named_in_full_and_then_by_its_last_word_is_one(pipeline):
    # the tagger may miss the full name and take "Front" alone for one
    record = pipeline("Hundreds of prisoners were exchanged at Dorran airport on Friday, a day later than planned, in "
                      "the first successful swap between Keswick's government and the Orsk Highlands Front since the "
                      "conflict began two years ago. Mediators said 296 fighters were freed, while the Front said "
                      "only 248 of its men had come home.")
    front = by_name(record, "Orsk Highlands Front")
    assert "Front" in mention_texts(front), front
    speakers = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert speakers["the Front"] == front["id"], speakers


@pytest.mark.parametrize("text, description, other", [
    # a state's body is not what a description of a charity or a rights group introduces
    ("A rights group said six protesters were shot dead. The Health Ministry said four died.",
     "A rights group", "Health Ministry"),
    # a description of what another is, not of who speaks
    ("The Velnosk Workers' Party is a banned militant organisation. The European Union said the ban should stay.",
     "a banned militant organisation", "European Union"),
    # a group of people is no organisation
    ("A group of residents said the shelling lasted all night. The Free Arvesh Front denied firing.",
     "A group of residents", "Free Arvesh Front"),
])
def test_entities_a_description_introduces_no_other_actor(pipeline, text, description, other):
    assert description not in mention_texts(by_name(pipeline(text), other))


def test_entities_a_description_ends_before_an_of_that_says_what_it_is_accused_of(pipeline):
    record = pipeline("The minister accused foreign charities of spreading rebel propaganda.")
    assert "foreign charities" in [e["name"] for e in record["entities"]], record["entities"]


@pytest.mark.parametrize("text, name", [
    # a clause the parser hung on the complement of a description is not part of its name
    ("Police arrested two members of the Southern Front, and a senior commander of the armed faction "
     "acknowledged in a recorded message that his fighters had planted the bomb.",
     "senior commander of the armed faction"),
    ("The first soldiers of the reinforcement promised by the interior minister reached the town on Friday.",
     "first soldiers of the reinforcement"),
    # but those a relative clause says are those it says
    ("Many of those who fled on Tuesday said the shelling lasted all night.", "Many of those who fled on Tuesday"),
])
def test_entities_a_description_ends_before_a_clause_hung_on_its_complement(pipeline, text, name):
    record = pipeline(text)
    assert name in [e["name"] for e in record["entities"]] \
        or name in [(s.get("speaker") or {}).get("text") for s in record["statements"]], record["entities"]


@pytest.mark.parametrize("text, absent", [
    ("Troops in Latin America said they were ready.", "United States"),
    ("At the clinic there is no doctor left.", "no doctor"),
    ("The police used excessive force against the crowd.", "excessive force"),
    ("Troops moved towards the eastern front overnight.", "eastern front"),
])
def test_entities_no_actor_where_there_is_none(pipeline, text, absent):
    assert absent not in [e["name"] for e in pipeline(text)["entities"]]


def _entity_of(record: dict, text: str) -> str | None:
    names = {e["id"]: e["name"] for e in record["entities"]}
    for e in record["entities"]:
        if any(m["text"] == text for m in e["mentions"]):
            return names[e["id"]]
    return None


@pytest.mark.parametrize("text, whose", [
    # the "it" of a spokesman's words is the body they speak for, not the agency cited before
    ("Drones struck two oil plants in Varnia on Saturday, according to Reuters. Speaking on local "
     "television, Orsk Front military spokesperson Idris Bakri said it had carried out the attack.", "Orsk Front"),
    ("Two plants burned on Saturday, Reuters reported. The Varnian army said it had shot down four drones.",
     "Varnian army"),
    # the institution speaks, not the state that owns it
    ("Two plants burned on Saturday, Reuters reported. Varnia's army said it had shot down four drones.",
     "Varnia's army"),
    # whom "a ministry official" speaks for is named by no entity: no guess
    ("Two plants burned on Saturday, Reuters reported. A ministry official said it would rebuild them.", None),
    # "it said" after a body named by a phrase whose last word is not its head
    ("Seven protesters were killed on Friday, the Committee of Varnian Doctors said. Most had gunshot "
     "wounds, it said.", "Committee of Varnian Doctors"),
])
def test_the_it_of_reported_words_is_whom_the_speaker_speaks_for(pipeline, text, whose):
    record = pipeline(text)
    spoken = [_entity_of(record, "it")]
    assert spoken == [whose], [(e["name"], mention_texts(e)) for e in record["entities"]]


def test_a_release_speaks_for_its_outlets_actor_and_its_title_names_the_i(pipeline):
    text = ("We condemn the shelling of Velnor and urge both sides to respect the truce. "
            "I spoke with the mayor this morning.")
    record = pipeline(text, source="U.S. Department of State",
                      title="Statement by Secretary of State Mara Delkin on the Shelling of Velnor")
    assert _entity_of(record, "We") == "United States"
    speaker = next(e for e in record["entities"] if e["name"] == "Mara Delkin")
    assert speaker["type"] == "PERSON" and speaker["title"] == "Secretary of State"
    assert [m["text"] for m in speaker["mentions"]] == ["I"]
    condemn = next(s for s in record["statements"] if s["cue"]["text"] == "condemn")
    assert {e["id"]: e["name"] for e in record["entities"]}[condemn["speaker"]["entity"]] == "United States"


def test_a_we_of_an_unknown_outlet_or_inside_a_quotation_is_left_unresolved(pipeline):
    text = 'We urge calm. "We will hold the bridge," the commander said.'
    record = pipeline(text, source="Tarsk Evening Post", title="Calm urged in Tarsk")
    assert _entity_of(record, "We") is None
    listed = pipeline(text, source="The White House")
    we = [m for e in listed["entities"] for m in e["mentions"] if m["text"] == "We"]
    assert [m["start"] for m in we] == [0]  # the quoted "We" is the commander's, not the outlet's


@pytest.mark.parametrize("title, speaker", [
    ("Statement By Secretary Mara Delkin On The Shelling Of Velnor", ("Mara Delkin", "Secretary")),
    ("Remarks by President Ilan Vesk at a Press Conference", ("Ilan Vesk", "President")),
    ("Statement by the Spokesperson", None),
    ("Shelling of Velnor condemned", None),
])
def test_the_i_of_a_text_is_the_speaker_its_title_names(pipeline, title, speaker):
    record = pipeline("I condemn the shelling of Velnor.", title=title)
    found = [(e["name"], e["title"]) for e in record["entities"] if any(m["text"] == "I" for m in e["mentions"])]
    assert found == ([speaker] if speaker else [])


def test_the_i_of_a_transcript_is_whoever_has_the_floor(pipeline):
    text = ("FOREIGN MINISTER ODEN: Welcome to Tarsk. I condemn the shelling of Velnor.\n"
            "SECRETARY DELKIN: Thank you. I spoke with Foreign Minister Ilse Oden about the truce.\n"
            "QUESTION: I wonder whether the truce will hold.\n"
            "FOREIGN MINISTR ODEN: I think it will.")
    record = pipeline(text, source="U.S. Department of State",
                      title="Secretary Mara Delkin and Foreign Minister Ilse Oden Before Their Meeting")
    speakers = [(m["start"], e["name"]) for e in record["entities"] for m in e["mentions"] if m["text"] == "I"]
    at = {text.index(line): name for line, name in (
        ("I condemn", "Ilse Oden"), ("I spoke", "Mara Delkin"), ("I think", "Ilse Oden"))}
    # the journalist's "I" is no one's the text names; a misspelt role still names its holder
    assert sorted(speakers) == sorted(at.items())
    # a guest's "we" is the country the title gives them, the host's the outlet's
    record = pipeline("SECRETARY DELKIN: We support the truce.\nFOREIGN MINISTER ODEN: We will respect it.",
                      source="U.S. Department of State",
                      title="Secretary Mara Delkin and Israeli Foreign Minister Ilse Oden at a Press Availability")
    assert sorted((m["start"], e["name"]) for e in record["entities"] for m in e["mentions"] if m["text"] == "We") \
        == [(18, "United States"), (63, "Israel")]
    # the country a title names after the speaker is what the remarks are on, not theirs;
    # a reporter's bare "Q" opens a turn whose "I" is no one the text names
    text = "THE PRESIDENT: We will help.\nQ I wonder when.\nTHE PRESIDENT: I think soon."
    record = pipeline(text, source="The White House", title="Remarks by President Mara Delkin on the Situation in Syria")
    assert sorted((m["start"], e["name"]) for e in record["entities"] for m in e["mentions"]
                  if m["text"] in ("We", "I")) == [(15, "United States"), (text.index("I think"), "Mara Delkin")]
    record = pipeline("SECRETARY DELKIN: We support the truce.\nFOREIGN MINISTER ODEN: We will respect it.",
                      source="U.S. Department of State",
                      title="Joint Remarks On Syria By Secretary Mara Delkin And Israeli Foreign Minister Ilse Oden")
    assert sorted((m["start"], e["name"]) for e in record["entities"] for m in e["mentions"] if m["text"] == "We") \
        == [(18, "United States"), (63, "Israel")]
    # "he" is never who says "I", however recent
    record = pipeline("Ilan Vesk called me on Monday. I told him that the truce must hold. He agreed.",
                      title="Remarks by President Mara Delkin")
    assert _entity_of(record, "He") == "Ilan Vesk"
    # one label is no transcript: a dateline names no one who speaks
    record = pipeline("TARSK: I condemn the shelling of Velnor, the mayor said.", title="Remarks by Mayor Ilan Vesk")
    assert [e["name"] for e in record["entities"] if any(m["text"] == "I" for m in e["mentions"])] == ["Ilan Vesk"]


def test_state_media_named_again_are_the_state_media_named_before_and_social_media_no_one(pipeline):
    record = pipeline("Troops entered Orsk on Monday, Velnorian state media said. The army also took the bridge, "
                      "state media said. Videos of the fighting spread on social media.")
    media = by_name(record, "Velnorian state media")
    assert mention_texts(media) == ["Velnorian state media", "state media"]
    assert not any(e["name"].lower() == "social media" for e in record["entities"])


def test_an_event_before_of_is_no_part_of_a_title(pipeline):
    record = pipeline("Officials condemned the detention and arrest of journalist Ana Voss in Minsk.")
    voss = next(e for e in record["entities"] if e["name"] == "Ana Voss")
    assert [m["text"] for m in voss["mentions"]] == ["journalist Ana Voss"]


def test_a_group_its_owner_names_is_not_the_group_told_before(pipeline):
    record = pipeline("Troops left Dornik on Thursday, military sources told Daily Two.\n\n"
                      "A local doctors' group said 41 civilians had been killed.")
    courier = by_name(record, "Daily Two")
    assert "A local doctors' group" not in mention_texts(courier)
    record = pipeline("The Varnel Front attacked the post. The group said it had killed four soldiers.")
    assert "The group" in mention_texts(by_name(record, "Varnel Front"))  # "the group" still refers back


def test_a_spokesman_for_a_body_named_after_it_is_one_person(pipeline):
    # the parser hangs "Zaw Min" from "junta", not from "spokesman"
    record = pipeline("A spokesman for the junta, Zaw Min, denied that troops had used live ammunition. "
                      "He said three people had died.")
    people = [e for e in record["entities"] if e["type"] == "PERSON"]
    assert len(people) == 1, people
    assert people[0]["name"] == "Zaw Min" and people[0]["title"] == "spokesman for the junta", people


def test_an_indefinite_role_in_apposition_after_a_name_is_that_person(pipeline):
    record = pipeline("Maria Lindqvist, a spokeswoman for the agency, said the convoy was lost near Orsk.")
    people = [e for e in record["entities"] if e["type"] == "PERSON"]
    assert len(people) == 1 and "a spokeswoman for the agency" in mention_texts(people[0]), people


def test_names_listed_after_a_colon_are_not_the_subject_the_parser_hangs_them_on(pipeline):
    record = pipeline("The ministry is announcing the designation of three commanders of the Kessa Front: "
                      "Aram Tessel, Orin Vale and Dornik Sav.")
    assert mention_texts(by_name(record, "Aram Tessel")) == ["Aram Tessel"]
    assert by_name(record, "Aram Tessel")["type"] == "PERSON"


def test_a_known_name_the_tagger_saw_only_part_of_is_the_whole_name(pipeline):
    # the tagger calls "Islamic" a nationality; the aliases file knows the group
    record = pipeline("Islamic State claimed the attack on the mosque.")
    assert [(e["name"], e["type"]) for e in record["entities"]] == [("Islamic State", "GROUP")]


def test_a_name_ending_in_a_plural_of_an_armed_group_s_word_is_an_armed_group(pipeline):
    record = pipeline("The Tihama Resistance Brigades said their fighters had hit the ship.")
    assert by_name(record, "Tihama Resistance Brigades")["type"] == "GROUP"


def test_the_group_is_the_group_last_named_as_a_subject(pipeline):
    text = ("The Varnel Front claimed responsibility on Saturday for the bombing, which killed 33 people "
            "according to the Taliban. The group said one of its fighters had detonated a vest.")
    record = pipeline(text)
    group = next(e for e in record["entities"] if any(text[m["start"]:m["end"]] == "The group"
                                                     for m in e["mentions"]))
    assert group["name"] == "Varnel Front", [(e["name"], mention_texts(e)) for e in record["entities"]]


@pytest.mark.parametrize("text", [
    # "the company", "the Greek company", "the ship's operator": a company by its name's word,
    # named before or, for a description that comes first, right after
    "Kalliston Shipping said two of its seafarers had died. The Greek company said on Tuesday that all crew "
    "were safe.",
    "Kalliston Shipping said two crew members were missing. On Tuesday the company had denied that anyone "
    "was hurt.",
    "A missile struck the bulk carrier, but the ship's operator said the crew was unhurt. Kalliston Shipping, "
    "which operates the vessel, denied that any seafarer had been hurt.",
])
def test_a_company_described_is_the_company_the_article_names(pipeline, text):
    record = pipeline(text)
    company = by_name(record, "Kalliston Shipping")
    assert company["type"] == "ORG"
    assert {s["speaker"]["entity"] for s in record["statements"]} == {company["id"]}, \
        [(e["name"], mention_texts(e)) for e in record["entities"]]


def test_a_company_is_described_only_by_a_word_for_a_company(pipeline):
    record = pipeline("The Varnel Front said it had shelled the port. The company said the crew was safe.")
    front = by_name(record, "Varnel Front")
    assert [s["speaker"]["entity"] == front["id"] for s in record["statements"]] == [True, False]


@pytest.mark.parametrize("text, capital", [
    ("Kyiv called on its allies to send more air defence systems.", "Kyiv"),
    ("Kigali has denied the accusations.", "Kigali"),
])
def test_a_capital_the_tagger_missed_is_the_government_it_stands_for(pipeline, text, capital):
    record = pipeline(text)
    assert by_name(record, capital)["type"] == "GPE"
    assert [s["speaker"]["text"] for s in record["statements"]] == [capital]


def test_a_capital_inside_a_longer_name_is_not_one(pipeline):
    record = pipeline("Victoria Nuland said the talks would resume.")
    assert [e["name"] for e in record["entities"]] == ["Victoria Nuland"]


def test_armed_men_are_an_actor_and_men_are_not(pipeline):
    record = pipeline("Armed men stormed a church in Dornik, killing 20 worshippers.")
    assert by_name(record, "Armed men")["type"] == "GROUP"
    record = pipeline("Two men were arrested in Dornik.")
    assert [e["name"] for e in record["entities"] if e["type"] == "GROUP"] == []


def test_an_untagged_acronym_of_an_organisation_named_before_is_that_organisation(pipeline):
    # the small model leaves "ORF" untagged here
    record = pipeline("The Orsk Rapid Forces attacked the town on Monday. Residents said ORF fighters looted shops.")
    front = by_name(record, "Orsk Rapid Forces")
    assert "ORF" in mention_texts(front), mention_texts(front)
    record = pipeline("The army said it had regained control of Dornik, a claim denied by the Orsk Rapid Forces.\n\n"
                      "The ORF, led by General Aris Tane, said in a post on X that its fighters still held the palace.")
    front = by_name(record, "Orsk Rapid Forces")
    assert [s["speaker"]["entity"] for s in record["statements"] if s["speaker"]["text"] == "The ORF"] == [front["id"]]


def test_a_country_the_tagger_took_into_a_name_is_the_country(pipeline):
    # the small model reads "Keeping Ukraine" as a person; "Ukraine" is no one's surname
    record = pipeline("Zelensky blamed the loss on shortages. \"Keeping Ukraine in the artificial deficit of weapons "
                      "allows Putin to adapt,\" he said.\n\nUkraine did not disclose how many soldiers were killed.")
    assert "Keeping Ukraine" not in [e["name"] for e in record["entities"]]
    assert by_name(record, "Ukraine")["type"] == "GPE"


def test_the_army_is_a_states_not_an_armed_group_that_bears_the_word(pipeline):
    record = pipeline("The Dornik Liberation Army captured the town. The army said it had repelled the attack.")
    assert "The army" not in mention_texts(by_name(record, "Dornik Liberation Army"))
    record = pipeline("The Pakistan Army said two soldiers were killed. The army said the militants fled.")
    assert "The army" in mention_texts(by_name(record, "Pakistan Army")), record["entities"]


def test_entities_a_group_described_by_a_possessive_pronoun_is_of_whom_it_refers_to(pipeline):
    record = pipeline("Opposition leader Lev Marin fell ill on a flight on Thursday. His aides said he had "
                      "been poisoned.")
    aides = next(e for e in record["entities"] if e["name"] == "aides")
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert names.get(aides["affiliation"]) == "Lev Marin", record["entities"]


@pytest.mark.parametrize("text, description, name, kind", [
    # the tagger takes this group's name for a person's
    ("A group calling itself Ahl al-Sahil claimed responsibility for the raid, saying its fighters had killed "
     "40 soldiers.", "A group", "Ahl al-Sahil", "GROUP"),
    # and sees no name at all in this one (it tags it a place)
    ("A previously unknown group which calls itself the Northern Shield said it planted the bomb.",
     "A previously unknown group", "Northern Shield", "GROUP"),
    ("A group of army officers calling itself the Council for the Salvation of the Republic said it had "
     "taken power.", "A group of army officers", "Council for the Salvation of the Republic", "ORG"),
    ("An organisation called Sahel Watch said 12 people died.", "An organisation", "Sahel Watch", "ORG"),
    # a person's name stays a person's
    ("A man known as Commander Baddong led the attack, police said.", "A man", "Baddong", "PERSON"),
    ("In a video posted on Tuesday, a man who identified himself as Aram Tessel said the hostages were safe.",
     "a man", "Aram Tessel", "PERSON"),
    # and is a person's where the tagger took it for a body's
    ("In a video circulated on Wednesday, a man who identified himself as Kachalla Sani Gwaram said the "
     "children were safe.", "a man", "Kachalla Sani Gwaram", "PERSON"),
    ("An FDL commander who gave his name as Abu Dornik said the soldiers would pay.", "An FDL commander",
     "Abu Dornik", "PERSON"),
])
def test_entities_a_description_and_the_name_it_goes_by_are_one(pipeline, text, description, name, kind):
    record = pipeline(text)
    entity = by_name(record, name)
    assert entity["type"] == kind and description in mention_texts(entity), record["entities"]


@pytest.mark.parametrize("text, other", [
    # "called" as the sentence's own verb, and a possessor after it, give no name
    ("The army called Kyiv's claims lies.", "Kyiv"),
    ("A rights group called for calm after the vote.", "rights group"),
])
def test_entities_words_of_naming_that_name_nothing(pipeline, text, other):
    record = pipeline(text)
    for entity in record["entities"]:
        assert not (other in entity["name"] and len(entity["mentions"]) > 1), record["entities"]


def test_entities_a_name_the_tagger_missed_that_which_follows_is_a_body_s(pipeline):
    record = pipeline("A medical charity working in the city of Orsk says at least 30 people were killed when shells hit "
                      "the hospital on Saturday.\n\nSahel Emergency Medics, which runs a surgical unit at the hospital, "
                      "said on Sunday that its staff had counted 30 bodies.\n\n\"We have been operating all night,\" the "
                      "charity's coordinator, Dr Maria Lind, said.")
    charity = by_name(record, "Sahel Emergency Medics")
    assert charity["type"] == "ORG" and "A medical charity" in mention_texts(charity)
    # what the description called it names it later: "the charity's coordinator" is its
    assert "the charity" in mention_texts(charity)
    assert by_name(record, "Maria Lind")["affiliation"] == charity["id"]
    assert {s["speaker"]["entity"] for s in record["statements"] if "Sahel" in s["speaker"]["text"]} == {charity["id"]}


def test_entities_a_company_described_in_the_lead_is_the_one_named_paragraphs_later(pipeline):
    record = pipeline("A missile hit a bulk carrier in the Red Sea on Tuesday, the navy said, but the ship's operator said "
                      "all 21 crew members were unhurt.\n\nThe Orsk Brigades claimed the attack in a statement on "
                      "Telegram. The vessel was sinking, the statement added.\n\nA maritime security agency said the "
                      "master had reported a fire on board about 60 nautical miles off the coast. It said the ship was "
                      "heading north at the time. Two warships were sent to the area.\n\nKalliston Shipping, which "
                      "operates the carrier, denied that any of its seafarers had been hurt.")
    assert "the ship's operator" in mention_texts(by_name(record, "Kalliston Shipping"))


def test_entities_a_group_a_lead_describes_is_the_one_named_later_by_those_words(pipeline):
    record = pipeline("Shells hit a market in Kadugli on Sunday, killing five traders, the rights group that documented "
                      "the attack said.\nIts researchers counted 14 craters near the market, said Omar Hakim, director of "
                      "the Nuba Rights Observatory. The army denied firing at the town.")
    body = by_name(record, "Nuba Rights Observatory")
    assert "the rights group" in mention_texts(body)
    assert record["statements"][0]["speaker"]["entity"] == body["id"]
    # not a body whose name has other words
    record = pipeline("Shells hit a market in Kadugli on Sunday, the relief group that runs the clinic said.\n"
                      "The Nuba Rights Observatory counted 14 craters near the market.")
    assert "the relief group" not in mention_texts(by_name(record, "Nuba Rights Observatory"))


def test_entities_a_bare_plural_is_not_the_one_body_a_description_named(pipeline):
    record = pipeline("The Orsk Memory Association, a local rights group, said on Monday that 40 bodies had been found "
                      "near the camp. Rights groups say hundreds of people disappeared during the war.")
    assert "Rights groups" not in mention_texts(by_name(record, "Orsk Memory Association"))


@pytest.mark.parametrize("text, name, body", [
    ("Zaw Htet Naing, speaking for the military council, repeated that the army had not fired on the camp.",
     "Htet Naing", "military council"),
    ("Speaking for the ministry, Anna Berg said the talks had failed.", "Anna Berg", "ministry"),
])
def test_entities_a_person_speaking_for_a_body_is_its_voice(pipeline, text, name, body):
    record = pipeline(text)
    person = by_name(record, name)
    assert person["affiliation"] == by_name(record, body)["id"] and person["title"].lower().startswith("speaking")


def test_entities_a_person_speaking_to_someone_speaks_for_no_one(pipeline):
    record = pipeline("Anna Berg, speaking to reporters in the capital, said the talks had failed.")
    assert by_name(record, "Anna Berg")["affiliation"] is None


def test_entities_a_capital_the_tagger_takes_for_a_person_is_a_place_but_not_a_person_s_name(pipeline):
    record = pipeline("Tajikistan's border troops repeated that the patrol had entered Tajik territory, while Bishkek "
                      "again denied that its guards had crossed the border.")
    assert by_name(record, "Bishkek")["type"] == "GPE"
    # a title before it, or a longer name of the article that bears it, makes it a person's
    record = pipeline("The navy said no one had been hit. Major Santiago said an internal review had been opened.")
    assert by_name(record, "Santiago")["type"] == "PERSON"


@pytest.mark.parametrize("text, name, role", [
    # the tagger takes these people for bodies, or sees no name at all
    ("Salem Barouni, the hospital director, told the Courier that the count stood at 19. He said families had "
     "buried some victims.", "Salem Barouni", "the hospital director"),
    ("Ines Laurent, director of the monitoring group Airwatch Libya, said her team had examined photographs. "
     "\"The markings are consistent with a missile,\" she said.", "Ines Laurent",
     "director of the monitoring group Airwatch Libya"),
])
def test_entities_a_name_with_a_role_in_apposition_is_a_person_s(pipeline, text, name, role):
    record = pipeline(text)
    person = by_name(record, name)
    assert person["type"] == "PERSON" and role in mention_texts(person), record["entities"]
    assert {s["speaker"]["entity"] for s in record["statements"]} == {person["id"]}, record["statements"]


def test_entities_a_name_a_who_follows_is_a_person_s_but_not_a_body_s_the_takes(pipeline):
    record = pipeline("Gunmen burned a dozen homes in Tudun Wada and took nine people, said Aminu Falke, who "
                      "represents the area in the state assembly. Falke told reporters that he had the names of all nine.")
    person = by_name(record, "Aminu Falke")  # the tagger takes him for an organisation
    assert person["type"] == "PERSON" and {"Falke", "he"} <= set(mention_texts(person)), record["entities"]
    assert {s["speaker"]["entity"] for s in record["statements"]} == {person["id"]}
    record = pipeline("Food ran out in the camps last week, said the Kachin Relief Network, who run the camps.")
    assert by_name(record, "Kachin Relief Network")["type"] == "ORG"


def test_entities_a_body_named_after_its_description_is_the_body_and_the_title_is_another_s(pipeline):
    record = pipeline("Ines Laurent, director of the monitoring group Airwatch Libya, said her team had examined "
                      "photographs. Airwatch Libya said it would publish its report.")
    group = by_name(record, "Airwatch Libya")
    assert group["type"] == "GROUP" and by_name(record, "Ines Laurent")["affiliation"] == group["id"]
    # a person after a noun of a role or a member stays a person
    assert by_name(pipeline("Student protester Joshua Wong wrote on Twitter that the bill was dead."),
                   "Joshua Wong")["type"] == "PERSON"


def test_entities_a_pronoun_takes_up_the_name_in_apposition_to_the_subject(pipeline):
    record = pipeline("The school's principal, Hajiya Rabi Umar Danjuma, gave a far higher figure. \"We have counted "
                      "287 students who are not in the school this morning,\" she told reporters.")
    assert record["statements"][0]["speaker"]["entity"] == by_name(record, "Hajiya Rabi Umar Danjuma")["id"]


def test_entities_an_it_takes_up_the_body_that_spoke_before_not_the_body_it_spoke_of(pipeline):
    record = pipeline("The ministry said the inspectors lacked accreditation and that the national forensic institute was "
                      "able to do the work. It again dismissed as false claims that soldiers had shot prisoners.")
    assert record["statements"][-1]["speaker"]["entity"] == by_name(record, "ministry")["id"]
    # but a person named in what the writer's unnamed source said is who "he" is
    record = pipeline("A spokesman said Jonas Berg had been arrested at the border. He denied the charges on Tuesday.")
    assert "He" in mention_texts(by_name(record, "Jonas Berg"))


@pytest.mark.parametrize("text, not_a_person", [
    # a region's name before "region", which the tagger took for a person's, is not the governor
    ("The governor of the Sahel region, Colonel Mariam Sawadogo, said food would be sent. She also said a "
     "convoy would leave within ten days.", "Sahel"),
    # a demonym is its country's
    ("President Yoweri Museveni has banned Ugandan opposition candidates from the elections.", "Ugandan"),
])
def test_entities_a_word_the_tagger_took_for_a_person_that_modifies_a_noun_is_none(pipeline, text, not_a_person):
    record = pipeline(text)
    assert all(not (e["type"] == "PERSON" and e["name"] == not_a_person) for e in record["entities"]), \
        record["entities"]
    people = [e for e in record["entities"] if e["type"] == "PERSON"]
    assert all(s["speaker"]["entity"] in {p["id"] for p in people} for s in record["statements"])


def test_entities_the_description_a_name_was_given_is_what_a_generic_head_takes_up(pipeline):
    record = pipeline("At least 12 people were killed, according to the office's representative, Hernando Quiñones, "
                      "who said bodies had been taken to a clinic. Security officials said the attack bore the "
                      "hallmarks of the Frente Costero Aurelio Mina, a dissident armed faction. On Thursday the "
                      "faction denied that it had carried out the attack.")
    speakers = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert speakers["the faction"] == by_name(record, "Frente Costero Aurelio Mina")["id"], record["entities"]


@pytest.mark.parametrize("group, body", [
    ("the Orsk Patriotic Union", "National Police director Aram Tessel"),
    ("the Velnor Popular Congress", "Interior Ministry spokesman Aram Tessel"),
])
def test_entities_the_group_is_no_state_body_named_after_it(pipeline, group, body):
    record = pipeline(f"Police arrested three members of {group} on Tuesday. {body} said the arrests followed "
                      "a long inquiry. He did not explain why the group had earlier said it had no part in the bombing.")
    speakers = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert speakers["the group"] == by_name(record, group.removeprefix("the "))["id"], record["entities"]


def test_entities_an_armed_group_named_army_is_still_the_group(pipeline):
    record = pipeline("The Dornik Liberation Army said it had taken the town of Kessa. The Velnor army said on "
                      "Monday it had retreated. The group said its fighters held the base.")
    speakers = {s["speaker"]["text"]: s["speaker"]["entity"] for s in record["statements"]}
    assert speakers["The group"] == by_name(record, "Dornik Liberation Army")["id"], record["entities"]


def test_entities_the_group_s_spokesman_speaks_for_the_group_not_himself(pipeline):
    record = pipeline("The army and Harrow rebels agreed on Thursday to a truce around Orsk, two days after a "
                      "bombardment that local officials say killed 19 people.\nUnder its terms, the Harrow Brigade "
                      "agreed to pull its fighters out of the hills, the group's spokesman Aram Tessel said.")
    spokesman = by_name(record, "Aram Tessel")
    assert spokesman["affiliation"] == by_name(record, "Harrow Brigade")["id"], record["entities"]


def test_entities_troops_are_an_actor_that_speaks_and_acts(pipeline):
    record = pipeline("Government troops said they had repelled the attack. The troops withdrew later. "
                      "Tajikistan's border troops gave a different account. In a statement, they said a patrol had "
                      "crossed the border.")
    troops = by_name(record, "Government troops")
    assert {"they", "The troops"} <= set(mention_texts(troops))
    assert [s["speaker"]["entity"] for s in record["statements"]] == [
        troops["id"], by_name(record, "Tajikistan's border troops")["id"]]
    # a country's name the tagger took for a demonym is the country's
    assert by_name(record, "Tajikistan")["type"] == "GPE"


def test_entities_the_dateline_names_a_place_and_the_agency_that_filed_it(pipeline):
    # the tagger takes a place written in capitals for a body and the agency for a person:
    # the place the story was filed from is a place wherever the article names it, and the
    # agency in brackets an organisation; a transcript's "NAME:" turn is no dateline
    record = pipeline("ORSK, 5 May (Harrow Wire) — Velnor's army said on Wednesday that it had shelled rebel "
                      "positions near Orsk. Thousands of people fled Orsk overnight.")
    town = by_name(record, "ORSK")
    assert town["type"] == "GPE" and mention_texts(town) == ["ORSK", "Orsk", "Orsk"], record["entities"]
    assert by_name(record, "Harrow Wire")["type"] == "ORG"


def test_entities_a_transcripts_turn_is_no_dateline(pipeline):
    record = pipeline("FOREIGN MINISTER KESSLER: Very briefly. It is an honour to be here with the Secretary.")
    assert by_name(record, "KESSLER")["type"] == "PERSON"


def test_entities_a_news_outlet_is_an_organisation(pipeline):
    # the tagger takes many an outlet for a person; its name's last word says what it is
    # (data/entities/companies.tsv)
    record = pipeline('"We will not go back," Aram Tessel told Meridian Wire on Sunday. A doctor told the Orsk '
                      'Tribune that 12 people had died. Velnor Dispatch reported the clash.')
    types = [by_name(record, name)["type"] for name in ("Meridian Wire", "Orsk Tribune", "Velnor Dispatch")]
    assert types == ["ORG", "ORG", "ORG"]


def test_entities_a_name_the_tagger_found_once_is_the_name_where_it_is_written_again(pipeline):
    from dateline.layers.entities.stage import extract_entities

    text = ("Seven drivers were freed on Thursday in a swap for four members of the Sons of Kessa, mediators "
            "said. The Sons of Kessa have not commented. The group said that troops shelled its positions.")
    doc = pipeline.nlp(text)
    first = text.index("Sons of Kessa")
    # as if the small model had seen the first mention only
    doc.ents = [doc.char_span(first, first + len("Sons of Kessa"), label="ORG")]
    record = {"document": {"text": text, "title": None, "source": None}}
    entities = extract_entities(doc, record, pipeline.context)["entities"]
    group = by_name({"entities": entities}, "Sons of Kessa")
    assert [m["start"] for m in group["mentions"][:2]] == [first, text.rindex("Sons of Kessa")]
    assert "The group" in mention_texts(group)  # and "the group" after it is theirs
    # not inside a longer name, which is another's ("the Sons of Kessa Relief Fund")
    text = "Members of the Sons of Kessa were freed. The Sons of Kessa Relief Fund said it was glad."
    doc = pipeline.nlp(text)
    doc.ents = [doc.char_span(15, 15 + len("Sons of Kessa"), label="ORG")]
    record = {"document": {"text": text, "title": None, "source": None}}
    entities = extract_entities(doc, record, pipeline.context)["entities"]
    group = by_name({"entities": entities}, "Sons of Kessa")
    assert [m["start"] for m in group["mentions"]] == [15]


def test_entities_a_name_before_the_word_its_kind_of_body_ends_in_is_that_body_s(pipeline):
    # the tagger takes "Velnor Dawn" for a person's name; "the ... alliance" after it says
    # what it is, here and where its leader is named by it
    record = pipeline("The opposition Velnor Dawn alliance came second with 39.7 percent. Velnor Dawn leader "
                      "Aram Tessel told supporters that the alliance had won.")
    body = by_name(record, "Velnor Dawn")
    assert body["type"] == "ORG"
    assert by_name(record, "Aram Tessel")["affiliation"] == body["id"]
    # not a person's name before a word a body is told by but not named for ("the Tessel administration")
    record = pipeline("Aram Tessel said on Monday that the Tessel administration would not resign.")
    assert by_name(record, "Aram Tessel")["type"] == "PERSON"


def test_entities_an_acronym_that_speaks_is_a_body_and_the_body_told_after_it_is_it(pipeline):
    # an acronym the article never spells out, as who speaks; "the association" after it is
    # that body, not the outlet the reaction was sent to
    record = pipeline("In a reaction sent to Velnor Wire, KVMA welcomed the arrests but said they were only the "
                      "beginning. The association maintained that more than 100 bodies lay in and around the site.")
    body = by_name(record, "KVMA")
    assert body["type"] == "ORG" and "The association" in mention_texts(body)
    assert [s["speaker"]["entity"] for s in record["statements"]][-1] == body["id"]
    assert mention_texts(by_name(record, "Velnor Wire")) == ["Velnor Wire"]


@pytest.mark.parametrize("text, person, place", [
    # the small model reads the place an office is of and its holder's name as one name
    ("Chief Executive of Hong Kong Carrie Lam spoke to lawmakers on Tuesday.", "Carrie Lam", "Hong Kong"),
    ("Governor of Zamfara Aram Tessel visited the school.", "Aram Tessel", "Zamfara"),
])
def test_entities_an_office_s_place_and_its_holder_are_two_names(pipeline, text, person, place):
    record = pipeline(text)
    assert_valid(record)
    holder = by_name(record, person)
    assert holder["type"] == "PERSON" and holder["title"].endswith(place), holder
    assert place in [p["name"] for p in record["places"]], record["places"]


def test_entities_a_body_named_after_its_town_keeps_its_name(pipeline):
    # "Dilling Teaching Hospital" ends in a word of bodies: no town and a person
    record = pipeline("The director of Dilling Teaching Hospital said 12 people had died.")
    assert by_name(record, "Dilling Teaching Hospital")["type"] == "ORG"


def test_entities_a_role_with_another_body_is_another_person(pipeline):
    # the government's spokeswoman is not the agency's, named before with the same role
    record = pipeline("A spokeswoman for the agency, Ilse Koren, told reporters that water was short. Tarsk has "
                      "denied any involvement. The government spokeswoman said on Wednesday that Tarsk had no "
                      "troops in Velnor.")
    assert "The government spokeswoman" not in mention_texts(by_name(record, "Ilse Koren"))
    # the same body, told by its possessive, is the same person
    record = pipeline("A spokeswoman for the agency, Ilse Koren, told reporters that water was short. The "
                      "agency's spokeswoman said on Wednesday that 30 trucks were waiting.")
    assert "The agency's spokeswoman" in mention_texts(by_name(record, "Ilse Koren"))


def test_entities_a_spokeswoman_is_not_the_spokesman_told_before(pipeline):
    record = pipeline("The army said on Monday that its troops had retaken Orsk. An army spokesman, Colonel Aram "
                      "Tessel, said 12 rebels were killed. The military spokesman added that the road to Tarsk was "
                      "open. Rebels of the Velnor Front denied losing the town. Its spokeswoman said the fighters "
                      "had withdrawn in good order.")
    assert "Its spokeswoman" not in mention_texts(by_name(record, "military spokesman"))


def test_entities_a_role_set_beside_a_ranked_name_is_theirs(pipeline):
    # "Colonel" is the title; the role beside the name is what a later description takes up
    text = ("The army said on Monday that its troops had retaken Orsk. An army spokesman, Colonel Aram Tessel, "
            "said 12 rebels were killed. The {} spokesman added that the road to Tarsk was open.")
    assert "The army spokesman" in mention_texts(by_name(pipeline(text.format("army")), "Aram Tessel"))
    assert "The police spokesman" not in mention_texts(by_name(pipeline(text.format("police")), "Aram Tessel"))


def test_entities_she_who_speaks_next_is_the_source_just_cited(pipeline):
    # not the fisherman who spoke before, nor the spokeswoman before him
    record = pipeline("Its spokeswoman said the fighters had withdrawn. \"There were some 80 gunmen, not more,\" "
                      "said a fisherman who fled by boat. Nearly 5,000 people had reached the town by Sunday, "
                      "according to Ilse Koren, who heads the relief office. Most are women and children, she said.")
    assert "she" in mention_texts(by_name(record, "Ilse Koren"))


@pytest.mark.parametrize("text, name", [
    # names the tagger takes for organisations, which the role set off after them tells are people's
    ("Civilians were killed, according to Jean-Pierre Mumbere, the head of a civil society group. He said "
     "the toll could rise.", "Jean-Pierre Mumbere"),
    ("Civilians were killed, according to Jean-Pierre Mumbere, a local official. He said the toll could rise.",
     "Jean-Pierre Mumbere"),
])
def test_entities_a_name_with_a_role_set_off_after_it_is_a_persons(pipeline, text, name):
    record = pipeline(text)
    person = by_name(record, name)
    assert person["type"] == "PERSON"
    assert any(s["speaker"]["text"] == "He" and s["speaker"]["entity"] == person["id"] for s in record["statements"])


def test_entities_a_place_a_who_follows_is_no_person(pipeline):
    # "who" is the official's, whatever the parser hangs it from
    record = pipeline("A local official in Al-Barh, who asked not to be named, said five drivers had been killed.")
    assert all(e["type"] != "PERSON" for e in record["entities"] if "Barh" in e["name"]), record["entities"]


def test_entities_a_rank_before_a_name_leaves_the_body_to_the_role_beside_it(pipeline):
    record = pipeline("The two sides signed a truce. The army's spokesman, Colonel Aram Tessel, said the town "
                      "was calm.")
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert names.get(by_name(record, "Aram Tessel")["affiliation"]) == "army"


def test_entities_a_group_described_then_named_by_its_acronym_is_one(pipeline):
    # a description that introduces an armed group, and the name it is "known by"
    record = pipeline("An armed group said on Monday that it had carried out the attack. The group, known by its "
                      "French acronym FLK, said in a statement that it had lost four fighters.")
    group = by_name(record, "FLK")
    assert {"An armed group", "The group", "FLK"} <= set(mention_texts(group)), record["entities"]
