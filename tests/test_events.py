"""The events layer on sentences written for these tests, the seed article and PLOVER gold."""
import json
import subprocess
import sys

import pytest

from dateline.evaluate.contract import score

from .conftest import assert_valid, shared_path


def events_of(pipeline, text, published="2024-12-07"):
    record = pipeline(text, published=published)
    assert_valid(record)
    names = {e["id"]: e["name"] for e in record["entities"]}
    places = {p["id"]: p["name"] for p in record["places"]}
    out = []
    for e in record["events"]:
        out.append({**e, "actor_names": [names[a] for a in e["actors"]],
                    "target_names": [names[t] for t in e["targets"]],
                    "place_names": [places[p] for p in e["places"]]})
    return out, record


def assert_told(pipeline, text, event_type, trigger):
    """The text tells an event of this type whose trigger holds these words."""
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == event_type and trigger in e["trigger"]["text"] for e in events), \
        [(e["type"], e["trigger"]["text"]) for e in events]


def only(events, event_type):
    found = [e for e in events if e["type"] == event_type]
    assert len(found) == 1, [(e["type"], e["trigger"]["text"]) for e in events]
    return found[0]


def test_a_denied_withdrawal_is_a_denied_retreat_not_a_withdrawal(pipeline):
    # GDELT's failure: "X denied that Y withdrew" coded as a withdrawal
    events, record = events_of(pipeline, "The government denied that the army had withdrawn from Qusayr.")
    retreat = only(events, "RETREAT")
    assert retreat["factuality"] == "denied"
    statement = next(s for s in record["statements"] if s["id"] == retreat["attributed_to"])
    assert "withdrawn" in statement["content"]["text"]


@pytest.mark.parametrize("text, event_type, actor", [
    ("The presidency condemned rumours that President Halvor Dane had left the capital.", "RETREAT", "Halvor Dane"),
    ("The ministry rejected false reports that President Halvor Dane had fled Minsk.", "RETREAT", "Halvor Dane"),
    ("The army denied reports that its troops withdrew from the town.", "RETREAT", "army"),
    ("The interior ministry dismissed claims that rebels entered the city.", "ASSAULT", "rebels"),
    ("State television said the baseless reports that rebels entered the city were spread by enemies.",
     "ASSAULT", "rebels"),
    # called false by the verb the reports are the subject of
    ("The army said reports that rebels had entered Orsk were untrue.", "ASSAULT", "rebels"),
])
def test_what_a_speaker_calls_a_rumour_or_denies_is_denied_with_its_actor(pipeline, text, event_type, actor):
    events, _ = events_of(pipeline, text)
    event = only(events, event_type)
    assert event["factuality"] == "denied" and event["attributed_to"] is not None
    assert actor in event["actor_names"], event


def test_reports_called_false_by_their_verb_are_denied_and_others_only_passed_on(pipeline):
    events, _ = events_of(pipeline, "A spokesman said reports of a strike on the hospital were false. "
                                    "Reports of a strike on the school were widely shared.")
    assert [e["factuality"] for e in events if e["type"] == "ASSAULT"] == ["denied", "claimed"], events


@pytest.mark.parametrize("text", [
    # what a copula calls a lie is denied, as what it calls false is
    "The minister said the claim that the army withdrew from Orsk is a lie.",
    "The minister said the biggest lie is that the army withdrew from Orsk.",
])
def test_what_is_called_a_lie_is_denied(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events] == [("RETREAT", "denied")], events


@pytest.mark.parametrize("text, factuality", [
    # what evidence would be of names the act: none found denies it, some found tells it
    ("Hospital officials in Orsk said no traces of poison were found in his blood.", "denied"),
    ("Doctors found traces of poison in his blood, his lawyer said.", "asserted"),
])
def test_traces_of_poison_tell_a_poisoning(pipeline, text, factuality):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"], e["factuality"]) for e in events] == [("ASSAULT", "targeted", factuality)], events


@pytest.mark.parametrize("text, factuality", [
    # what reports of no one say is passed on, not vouched for
    ("Unconfirmed reports said rebel fighters had entered Orsk on Thursday.", "claimed"),
    ("Media reports said rebel fighters had entered Orsk on Thursday.", "claimed"),
    # a report someone made is theirs, and asserts
    ("A UN report said rebel fighters had entered Orsk on Thursday.", "asserted"),
    ("The army said rebel fighters had entered Orsk on Thursday.", "asserted"),
    # a source that reports asserts what it tells, as one that says it does (the contract:
    # claimed only under a claim cue); one that claims it passes it on
    ("Kestrel Daily reported that rebel fighters had entered Orsk on Thursday.", "asserted"),
    ("State television reported on Friday that rebel fighters had entered Orsk.", "asserted"),
    ("The Tamber Front claimed that its fighters had entered Orsk on Thursday.", "claimed"),
    # what reports are of, the "of" hung on their verb, or on the people the act is told of
    ("Credible reports are emerging of children being forcibly transferred out of Orsk.", "claimed"),
    ("We saw reports of civilians shot in the back in Orsk.", "claimed"),
    ("The bodies of civilians shot in the back were found in Orsk.", "asserted"),
    # an event noun's own doubt
    ("Doctors treated victims of a suspected chemical attack in Orsk.", "claimed"),
    ("Lawyers documented alleged police violence against protesters in Orsk.", "claimed"),
])
def test_what_reports_of_no_one_say_is_claimed(pipeline, text, factuality):
    events, _ = events_of(pipeline, text)
    assert [e["factuality"] for e in events] == [factuality], events


@pytest.mark.parametrize("text, expected", [
    # what people are accused of is claimed, and the participle that describes them is no
    # accusation anyone made
    ("Police arrested two men accused of planting the bomb in Orsk.",
     [("COERCE", "asserted"), ("ASSAULT", "claimed")]),
    ("The law would let Velnor try people accused of crimes in Orsk.", []),
    ("The law would let Velnor try people who had been accused of crimes in Orsk.", []),
    ("The army accused the rebels of shelling Orsk.", [("ACCUSE", "asserted"), ("ASSAULT", "claimed")]),
])
def test_what_people_are_accused_of_is_claimed(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events] == expected, events


@pytest.mark.parametrize("text, trigger, factuality", [
    # what forces are sent or launched to do is their aim, not yet done
    ("Troops were sent to retake Orsk on Monday.", "retake", "possible"),
    ("The army launched an offensive to retake the town of Orsk.", "retake", "possible"),
    ("Security forces were deployed to rescue the pupils.", "rescue", "possible"),
    # not what a launched attack did, nor a truce monitors are sent to watch
    ("The rebels launched their largest attack on Orsk, shelling the market.", "shelling", "asserted"),
    ("Monitors were deployed to Orsk to verify compliance with the truce.", "truce", "asserted"),
])
def test_the_aim_of_forces_sent_is_not_yet_done(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"].startswith(trigger))
    assert event["factuality"] == factuality, events


def test_a_deed_disputed_in_law_only_happened(pipeline):
    events, _ = events_of(pipeline, "Velnor's purported annexation of Orsk was condemned.")
    assert only(events, "ASSAULT")["factuality"] == "asserted", events


@pytest.mark.parametrize("text, expected", [
    # "that" which happened, or did not, is the act the sentence before told
    ("Velnor says it is drawing down its forces near Orsk. We do not see that happening on the ground.",
     [("RETREAT", "asserted"), ("RETREAT", "denied")]),
    ("The army said it had shelled the market in Orsk. That never happened, residents said.",
     [("ASSAULT", "asserted"), ("ASSAULT", "denied")]),
    # not talk ("speaking to reporters, he said: 'It happened under my watch'")
    ("The minister met reporters in Orsk on Monday. It happened at noon.", [("CONSULT", "asserted")]),
])
def test_that_which_happened_is_the_act_told_before(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events] == expected, events


@pytest.mark.parametrize("text, told", [
    # an act called off did not happen when it was to
    ("The delegation's visit to Orsk, planned for Tuesday, has been postponed, the governor said.",
     {"visit": "denied"}),
    ("Rebels attacked the town, and the army postponed its withdrawal.",
     {"attacked": "asserted", "withdrawal": "denied"}),
    # what is told beside the calling off was done: "as each side blamed the other"
    ("The prisoner exchange was postponed as the rebels accused the army of shelling the camp.",
     {"prisoner exchange": "denied", "accused": "asserted"}),
])
def test_an_act_called_off_is_denied(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    found = {e["trigger"]["text"]: e["factuality"] for e in events}
    assert {w: found.get(w) for w in told} == told, events


@pytest.mark.parametrize("text, expected", [
    # "the exchange" with nothing of its own to say what is exchanged is the one told before;
    # "would take place" promises it
    ("Mediators said a prisoner exchange between the army and the rebels had been agreed. The army said the "
     "exchange would take place on Thursday.", [("RETREAT", "prisoner exchange"), ("AGREE", "exchange")]),
    ("Mediators said a prisoner exchange between the army and the rebels had been agreed. The envoy said the "
     "swap would now take place on Friday.", [("RETREAT", "prisoner exchange"), ("AGREE", "swap")]),
    # told by a verb of its own word, named again by its noun (the deed's own sense)
    ("Soldiers exchanged prisoners with the rebels on Monday. The exchange was the first this year.",
     [("RETREAT", "exchanged prisoners"), ("RETREAT", "exchange")]),
    # or by another verb of that kind of deed, for a noun that alone must say which it names
    ("Fifty people were freed in Orsk on Wednesday. The release brings to 60 the number of captives freed "
     "this month.", [("RETREAT", "freed"), ("RETREAT", "release"), ("RETREAT", "freed")]),
    # not a noun of another deed that only shares its kind ("the payment" is no handing over)
    ("The captives were handed over to officials in Orsk on Wednesday. Officials did not confirm the payment.",
     [("RETREAT", "handed over")]),
])
def test_a_definite_noun_names_again_the_act_told_by_it_before(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events if e["trigger"]["text"] != "agreed"] == expected, events


def test_the_village_told_again_is_the_village_named_before_not_its_region(pipeline):
    events, _ = events_of(pipeline, "Troops opened fire on a border post near the village of Kara-Velnik in the "
                                    "Batken region on Monday. Mortar rounds later hit homes in the village.")
    hit = next(e for e in events if e["trigger"]["text"].startswith("hit"))
    assert hit["place_names"] == ["Kara-Velnik"], events


@pytest.mark.parametrize("text, doers", [
    # a weapon that strikes in what a video shows: not who verified the video
    ("An independent research group said it had verified video showing a military drone striking a fuel depot "
     "in Orsk.", []),
    ("Residents filmed a drone operated by the Harrow Brigade striking the market in Orsk.", ["Harrow Brigade"]),
])
def test_a_weapon_told_striking_is_flown_by_whom_its_words_say(pipeline, text, doers):
    events, _ = events_of(pipeline, text)
    assert only(events, "ASSAULT")["actor_names"] == doers, events


@pytest.mark.parametrize("text, expected", [
    # aid that arrives is delivered; a mission that arrives visits; monitors are deployed
    ("A convoy from the health directorate carrying medicines reached Abala on Monday.", [("AID", "humanitarian")]),
    ("A relief flight landed at the airstrip on Wednesday.", [("AID", "humanitarian")]),
    ("An ECOWAS mediation mission arrived in Conakry on Thursday.", [("CONSULT", "visit")]),
    ("Thirty ceasefire monitors arrived in Ziguinchor on Saturday.", [("AID", "peacekeeping")]),
    # soldiers who reach a town are deployed there, as those sent to reinforce a base
    ("About 200 soldiers reached Fataki on Tuesday.", [("MOBILIZE", "troops")]),
    ("The army reinforced the Oicha base on Monday.", [("MOBILIZE", "troops")]),
    ("Government forces reached an agreement with the rebels.", [("AGREE", None)]),
    # not an army's convoy, nor prices that reach a record
    ("An army convoy reached the town on Monday.", []),
    ("Food prices reached a record in March.", []),
    # guns that fall silent are a ceasefire; not a town that fell silent
    ("The guns fell silent along the front on Sunday.", [("RETREAT", "ceasefire")]),
    ("The town fell silent after the curfew.", []),
    # fighters who leave a town withdraw from it (the tagger calls "Goma" a person after "left")
    ("Fighters of the Harrow Brigade left Goma late on Sunday.", [("RETREAT", "withdraw")]),
])
def test_aid_and_missions_that_arrive_and_guns_that_fall_silent(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == expected, events


def test_what_is_only_passed_on_is_claimed_and_what_is_condemned_as_done_is_asserted(pipeline):
    events, _ = events_of(pipeline, "The government said reports that soldiers shelled the village were being "
                                    "investigated. Militias reportedly looted the market. The ministry condemned "
                                    "the attack on the convoy.")
    told = {e["trigger"]["text"]: e["factuality"] for e in events}
    assert {w: told.get(w) for w in ("shelled", "looted", "attack")} == \
        {"shelled": "claimed", "looted": "claimed", "attack": "asserted"}, events


@pytest.mark.parametrize("text", [
    # the parser hangs the "that" clause from the verb, or from the noun before the report
    "Residents heard rumours on Friday that the governor had left the city.",
    "Her court appearance in Tarsk ended days of claims that she had fled the country.",
    "Aram Tessel appeared in court on Saturday, ending days of official claims that he had fled the country.",
])
def test_what_a_report_noun_passes_on_is_claimed_wherever_the_parser_hangs_it(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert only(events, "RETREAT")["factuality"] == "claimed", events


def test_a_that_clause_of_a_verb_with_no_report_noun_stays_asserted(pipeline):
    events, _ = events_of(pipeline, "Residents saw on Friday that the governor had left the city.")
    assert only(events, "RETREAT")["factuality"] == "asserted", events


def test_what_a_copula_denies_of_its_subject_by_a_relative_clause_is_denied(pipeline):
    events, _ = events_of(pipeline, "The Tamber Front are not the ones who attacked the prison in Orsk.")
    attack = only(events, "ASSAULT")
    assert attack["factuality"] == "denied" and attack["actor_names"] == ["Tamber Front"], events
    events, _ = events_of(pipeline, "The Tamber Front are the ones who attacked the prison in Orsk.")
    attack = only(events, "ASSAULT")
    assert attack["factuality"] == "asserted" and attack["actor_names"] == ["Tamber Front"], events


@pytest.mark.parametrize("text, taken", [
    ("Fighters have set up checkpoints at the entrances of the town since seizing it on Saturday.", True),
    ("The fighters reached the outskirts of the city on Monday and captured it two days later.", True),
    # the ship, not the port it was stopped near, is what was seized
    ("The coastguard stopped the ship near the port and seized it.", False),
    ("Police found the rifle in the town and seized it.", False),
])
def test_it_told_right_after_a_place_is_the_place_taken(pipeline, text, taken):
    events, _ = events_of(pipeline, text)
    assert any(e["mode"] == "territory" and e["trigger"]["text"] != "entered" for e in events) == taken, events


@pytest.mark.parametrize("text, expected", [
    ("Authorities cut internet access in Conakry on Monday.", [("COERCE", "censor")]),
    ("The army cut mobile phone networks in the region.", [("COERCE", "censor")]),
    ("Mobile internet was restored in Conakry on Friday.", [("CONCEDE", None)]),
    # not ties, which are a sanction, nor the power
    ("The government cut ties with Tarsk.", [("SANCTION", "discontinue")]),
    ("The storm cut power to the city.", []),
])
def test_an_internet_shutdown_silences_and_its_restoring_eases(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == expected, events


def test_a_light_verb_takes_the_noun_its_event_and_the_arguments(pipeline):
    events, _ = events_of(pipeline, "Russian and Syrian jets conducted strikes on rebel positions in Idlib "
                                    "province on Sunday, killing at least 12 people.")
    strike = next(e for e in events if e["trigger"]["text"] == "conducted strikes")
    assert strike["type"] == "ASSAULT" and strike["mode"] == "aerial"
    assert "Idlib" in strike["place_names"] and strike["time"] is not None



@pytest.mark.parametrize("text, told", [
    # a bomb set off where it was planted or driven is the attack; not one found or defused
    ("A car bomb killed nine soldiers at an army base in Orsk.", True),
    ("A roadside bomb struck a minibus near Niafunké.", True),
    ("Police defused a car bomb near the market in Orsk.", False),
    ("A roadside bomb was found near the market in Orsk.", False),
])
def test_a_car_bomb_is_an_attack_and_a_bomb_defused_is_none(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert any(e["trigger"]["text"].endswith("bomb") and e["type"] == "ASSAULT" for e in events) is told, events


def test_a_shot_fired_is_done_with_a_firearm(pipeline):
    events, _ = events_of(pipeline, "To save his colleagues, the officer fired a live shot at the attacker.")
    assert only(events, "ASSAULT")["mode"] == "firearms"


@pytest.mark.parametrize("text, trigger", [
    # a drone or a gunman that fires shoots, whatever at
    ("They were dancing under the tent when the drone fired.", "fired"),
    # and fire opened is shooting, even where the parser reads "opened" as its adjective
    ("Two men on a motorcycle opened fire on the mayor as he stepped down from a stage in Orsk.", "opened fire"),
])
def test_fire_opened_or_a_weapon_that_fires_is_an_attack(pipeline, text, trigger):
    assert_told(pipeline, text, "ASSAULT", trigger)


@pytest.mark.parametrize("text, trigger", [
    ("Residents said Front fighters had taken over the army camp at Orsk on Monday.", "taken over"),
    ("He repeated the charge that they had been executed at the camp.", "executed"),
    ("The device went off shortly after 9 a.m. in the Orsk market, police said.", "went off"),
    ("The ombudsman documented the beating of at least 11 detainees at the police station.", "beating"),
])
def test_a_camp_taken_over_captives_executed_a_bomb_gone_off_and_a_beating(pipeline, text, trigger):
    assert_told(pipeline, text, "ASSAULT", trigger)


@pytest.mark.parametrize("text", [
    "The company fired 200 workers in Orsk.",
    "Displaced families cooked on an open fire in the camp.",
])
def test_firing_workers_or_an_open_fire_is_no_attack(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] == "ASSAULT"], events

@pytest.mark.parametrize("text, trigger, factuality", [
    # what is scheduled has not happened yet
    ("The convoy is scheduled to leave Kosti on Wednesday.", "leave Kosti", "possible"),
    # and a convoy that was called off did not leave, whatever its schedule
    ("Officials said the second aid convoy, scheduled to leave Kosti on Wednesday, had been called off.",
     "second aid convoy", "denied"),
    # "due to" is most often "because of": what it leads is told as it is
    ("Flights were cancelled due to the fighting.", "fighting", "asserted"),
    ("The planned offensive was called off.", "planned offensive", "denied"),
])
def test_what_is_scheduled_is_possible_and_what_is_called_off_did_not_happen(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == trigger)["factuality"] == factuality, events


def test_claims_threats_and_possibilities(pipeline):
    events, _ = events_of(pipeline, "The rebels claimed control of Khan Sheikhoun on Tuesday.")
    taken = only(events, "ASSAULT")
    assert (taken["mode"], taken["factuality"]) == ("territory", "claimed")
    events, _ = events_of(pipeline, "Iran threatened to shell Iraqi border towns.")
    assert only(events, "THREATEN")["actor_names"] == ["Iran"]
    assert only(events, "ASSAULT")["factuality"] == "possible"


def test_what_is_said_to_be_needed_has_not_happened(pipeline):
    events, _ = events_of(pipeline, "The envoy stressed the importance of further withdrawals from Afar and the "
                                    "need for a ceasefire in the north.")
    assert {e["trigger"]["text"]: e["factuality"] for e in events if e["type"] == "RETREAT"} == \
        {"further withdrawals": "possible", "ceasefire": "possible"}, events
    events, _ = events_of(pipeline, "The army withdrew from Afar on Monday.")
    assert only(events, "RETREAT")["factuality"] == "asserted"


def test_promises_refusals_and_demands_are_coded_as_plover_codes_them(pipeline):
    events, _ = events_of(pipeline, "The European Union will provide emergency aid to Sudan, its envoy said.")
    assert [e["type"] for e in events] == ["AGREE"]  # a cooperative act in the future is a promise
    events, _ = events_of(pipeline, "The militia refused to withdraw from the airport.")
    assert [e["type"] for e in events] == ["REJECT"]  # the refusal, not a withdrawal
    events, _ = events_of(pipeline, "The foreign minister said Armenia must pull its troops out of the border area.")
    request = only(events, "REQUEST")
    assert request["target_names"] == ["Armenia"] and request["actor_names"]


def test_verbal_acts_are_events_of_their_speaker(pipeline):
    events, _ = events_of(pipeline, "The Arab League condemned the shelling of Gaza and called on Israel to "
                                    "open the crossings.")
    accuse, request = only(events, "ACCUSE"), only(events, "REQUEST")
    assert accuse["actor_names"] == ["Arab League"] and request["actor_names"] == ["Arab League"]
    assert accuse["attributed_to"] is None  # the writer reports the condemnation
    assert "Israel" in request["target_names"]


@pytest.mark.parametrize("text", [
    "The minister suffered a heart attack on Friday.",
    # candidates beaten at the polls are ousted by no one's force
    "Democrats won most seats, ousting pro-Beijing candidates in many districts.",
    # claims at odds, which the parser may make the verb's object
    "In regard of clashing exclusive economic zone claims, he noted that the deal was illegal.",
    "The Biden camp said the Trump base was energised.",
    "Border patrol agents checked the trucks.",
    "The rescue operation ended at dawn.",
    "A powerful earthquake hit the port city on Friday.",
    "The two companies struck a deal worth $2 billion.",
    "The minister declined to comment on the report.",
    "Forecasters issued a flood warning for the coast.",
    "Stocks rallied in early trading on Monday.",
    "The opposition took control of the parliament in the election.",
    "The new board assumed control of the company.",
    "The state of the economy worries investors.",
    "The minister called the governor on Monday.",
    "The team set a new record.",
    "The two countries traded goods worth three billion dollars.",
    "The government rolled back the reforms.",
    "A local official, asking not to be named, spoke to reporters.",
    "The official asked not to be identified.",
    "The company met its sales targets.",
    "The company took over the firm in March.",
    "The lights went off in the hall.",
    # a plan met with anger, or with force, is answered, not met in talks
    "The plan was met with anger in Orsk.",
    "The new tax was met with scepticism by traders.",
    "Nurses went on strike on Monday over pay.",
    "Economists warned that inflation could rise further.",
    "Analysts agree that the economy is slowing.",
    # a name a group takes, whatever the parser hangs on "calls"
    "A previously unknown group which calls itself the Council for the Salvation of the Republic issued a "
    "statement.",
])
def test_words_that_are_no_events_here(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert events == [], [(e["type"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize("text, coded", [
    # what a weapon hits or damages is attacked; what a storm damages is not
    ("Artillery rounds hit homes in the village on Monday.", [("ASSAULT", "hit homes")]),
    ("Rockets damaged a school in the town on Monday.", [("ASSAULT", "damaged")]),
    ("The storm damaged a school in the town on Monday.", []),
    # a mission sent is a visit, a team of workers is not
    ("The bloc sent a mediation mission to the capital on Monday.", [("CONSULT", "sent")]),
    ("The company sent a team to the site on Monday.", []),
    # a building that fighters occupy is taken; one that protesters occupy is not
    ("Witnesses said the attackers occupied the administration building for two days.", [("ASSAULT", "occupied")]),
    ("Protesters occupied the parliament building on Monday.", []),
    # armed men who strike need no object; a gate rammed, a ward set alight are attacked
    ("Witnesses said the gunmen struck as the mayor was getting into his car.", [("ASSAULT", "struck")]),
    ("The attackers rammed the main gate with a stolen fuel truck.", [("ASSAULT", "rammed")]),
    ("Fighters set the market alight on Sunday.", [("ASSAULT", "set")]),
    ("The governing party rammed the bill through parliament.", []),
    ("The rebels struck back within hours.", [("ASSAULT", "struck")]),
])
def test_weapons_that_hit_or_damage_missions_sent_and_buildings_occupied(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == coded, events


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Tarskan troops moved into the border town of Velnor on Tuesday.", "ASSAULT", "moved"),
    ("Ethiopia moved into southern Somalia on Wednesday.", "ASSAULT", "moved"),
    ("Last month, special forces took out a senior militia commander near Orsk.", "ASSAULT", "took out"),
    ("In her conversation with the rebel envoy, the minister raised the hostages.", "CONSULT", "conversation"),
    ("A court in Tarsk issued arrest warrants for eleven former ministers.", "ACCUSE", "issued arrest warrants"),
])
def test_moves_into_places_leaders_taken_out_conversations_and_warrants(pipeline, text, event_type, trigger):
    # triggers.tsv's needs joined by "+": "moved" with a place after "into" and a force
    # or a state moving; "took out" with a commander taken out
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text", [
    "Thousands of families moved into the camps near Velnor.",
    "The economy moved into recession in the spring.",
    "The farmer took out a loan to rebuild his barn.",
    "The general took the commander's place at the table.",
])
def test_one_of_several_needs_is_not_enough(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert events == [], [(e["type"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize("text, protest", [
    # the subject a joined verb shares with the first vetoes it as the first's would
    ("About 20 gunmen stormed the camp near Orsk and marched the workers into the forest.", False),
    ("Kidnappers seized the boat and marched the crew to a hut on the island.", False),
    ("Hundreds of students gathered in Orsk and marched to the parliament.", True),
])
def test_a_verb_joined_to_another_is_vetoed_by_their_subject(pipeline, text, protest):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "PROTEST" and e["trigger"]["text"] == "marched" for e in events) == protest, \
        [(e["type"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize("text, trigger, places", [
    ("TARSK - Shells hit a hospital in Orsk on Monday, the ministry in Tarsk said.\n\n"
     "Witnesses said the shelling of the hospital began before dawn.", "shelling", ["Orsk"]),
    ("TARSK - Gunmen attacked a market in Kessa on Monday, officials in Tarsk said.\n\n"
     "Residents said the gunmen set fire to the main market before they left.", "set fire", ["Kessa"]),
    # a site told for the first time is no site told before
    ("TARSK - Gunmen attacked a market in Kessa on Monday, officials in Tarsk said.\n\n"
     "Residents said the gunmen set fire to a hospital before they left.", "set fire", []),
])
def test_a_site_named_again_is_where_the_act_that_named_it_was(pipeline, text, trigger, places):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == trigger)["place_names"] == places, \
        [(e["trigger"]["text"], e["place_names"]) for e in events]


def test_a_general_strike_is_a_protest(pipeline):
    events, _ = events_of(pipeline, "Dockworkers began a general strike in Port Sudan.")
    assert only(events, "PROTEST")["mode"] == "strike"


def test_seed_events_floor(seed_gold, seed_record):
    report = score([(seed_gold, seed_record)])["events"]
    assert report["f1"] >= 0.75 and report["actor"] >= 0.6 and report["factuality"] >= 0.8


def test_a_malformed_need_in_the_trigger_table_is_named():
    from dateline.errors import LexiconError
    from dateline.layers.events.lexicon import _needs

    with pytest.raises(LexiconError, match="obj"):
        _needs("object=troop", "triggers.tsv: deploy (verb)")
    with pytest.raises(LexiconError, match="light"):
        _needs("light=yes", "triggers.tsv: talk (noun)")
    with pytest.raises(LexiconError, match="preposition=into"):
        _needs("prt=out+preposition=into", "triggers.tsv: take (verb)")
    joined = _needs("prt=out+obj=leader|chief mod=air", "triggers.tsv: take (verb)")
    assert [[(p.kind, sorted(p.words)) for p in need.parts()] for need in joined] == [
        [("prt", ["out"]), ("obj", ["chief", "leader"])], [("mod", ["air"])]]


def test_eval_events_command_reads_the_plover_format(tmp_path):
    rows = [{"id": "own-1", "event": "FIGHT", "text": "Rebels shelled the port city on Monday, officials said.",
             "source": [{"actorText": "Rebels"}], "target": [{"actorText": "port city"}]},
            {"id": "own-2", "event": "DEMAND", "text": "The union urged the government to raise wages.",
             "source": [{"actorText": "union"}]}]
    path = tmp_path / "own.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dateline", "eval-events", str(path), "--json"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["sentences"] == 2 and report["type_accuracy"] == 1.0


def test_plover_gold_floor():
    from dateline.evaluate import events as evaluate_events
    from dateline.pipeline import Pipeline
    from dateline.record import Article
    from dateline.settings import Settings

    rows = evaluate_events.load(shared_path("benchmarks/events/plover-gsr/PLOVER_GSR_CAMEO.jsonl"))
    pipeline = Pipeline(Settings.from_env(language_check=False))
    records = list(pipeline.pipe(Article(text=r["text"], id=r["id"]) for r in rows))
    docs = list(pipeline.nlp.pipe(r["text"] for r in rows))
    report = evaluate_events.evaluate(rows, records, docs).report()
    assert report["type_accuracy"] >= 0.65


def test_an_unknown_type_in_the_trigger_table_names_file_and_line(tmp_path):
    from dateline.errors import LexiconError
    from dateline.layers.events.lexicon import lexicon
    from dateline.resources import Resources
    from dateline.settings import Settings

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "triggers.tsv").write_text(
        "# version 1\ntrigger\tpos\ttype\tmode\tneeds\tnot\tfactuality\nshell\tverb\tBOMBARD\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"triggers.tsv:3: 'BOMBARD' is not a valid type"):
        Resources(Settings(data=str(tmp_path))).get(lexicon)


def test_a_word_given_two_roles_is_an_error_not_the_last_one_kept(tmp_path):
    """An analyst who adds "sign\tparty" beside an older "sign\towns" is told so, rather
    than the older row silently ceasing to count."""
    from dateline.errors import LexiconError
    from dateline.layers.events.lexicon import lexicon
    from dateline.resources import Resources
    from dateline.settings import Settings

    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "roles.tsv").write_text(
        "# version 1\nword\trole\nsign\towns\nfly\tjourney\nsign\tparty\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"roles.tsv: 'sign' has two roles, owns and party"):
        Resources(Settings(data=str(tmp_path))).get(lexicon)


def test_the_shipped_event_tables_load(pipeline):
    from dateline.layers.events.lexicon import lexicon

    events = pipeline.resources.get(lexicon)
    assert len(events.triggers) > 100 and "conduct" in events.light_verbs
    assert events.weapons["artillery"] == "heavy-weapons"
    assert events.modality["refuse"] == "refuse"
    assert {"will", "would", "'ll"} <= events.future


def test_a_bare_noun_takes_the_actor_and_place_its_paragraph_gave(pipeline):
    events, _ = events_of(pipeline, "Houthi rebels attacked two tankers in the Red Sea on Monday. "
                                    "The attacks forced shipping companies to change course.")
    first, second = [e for e in events if e["type"] == "ASSAULT"]
    assert first["actor_names"] and second["actor_names"] == first["actor_names"]
    assert second["place_names"] == ["Red Sea"]


def test_one_event_per_word_and_no_actor_among_its_targets(pipeline):
    events, _ = events_of(pipeline, "A curfew was imposed on the city by the army.")
    assert len(events) == 1 and events[0]["type"] == "COERCE"  # the noun and its passive light verb: one event
    events, _ = events_of(pipeline, "Armenia withdrew its troops from the border villages.")
    retreat = only(events, "RETREAT")
    assert retreat["actor_names"] == ["Armenia"] and "Armenia" not in retreat["target_names"]
    assert "Armenia" not in retreat["place_names"]  # the country acts here; it is not where


@pytest.mark.parametrize("text, target", [
    ("Gunmen attacked the village on the orders of the Tamber Front.", None),  # on whose word, not at whom
    ("Gunmen burned the village at the request of the Harrow Brigade.", None),
    ("Gunmen attacked the Harrow Brigade on Monday.", "Harrow Brigade"),
])
def test_on_whose_orders_an_act_is_done_is_no_target(pipeline, text, target):
    events, _ = events_of(pipeline, text)
    assert [n for e in events for n in e["target_names"]] == ([target] if target else []), events


@pytest.mark.parametrize("text, trigger, actors, targets", [
    # a relative pronoun that is what the act is done to stands for the noun it describes
    ("Tarsk, which a United Nations panel of experts has accused of backing the Velnor Front, has denied any "
     "involvement.", "accused", ["United Nations panel of experts", "United Nations"], ["Tarsk"]),
    # ... and, accused, does what it is accused of
    ("Tarsk, which a United Nations panel of experts has accused of backing the Velnor Front, has denied any "
     "involvement.", "backing", ["Tarsk"], ["Velnor Front"]),
    ("Police freed the two reporters whom the gang had abducted near Orsk.", "abducted", ["gang"], ["two reporters"]),
])
def test_what_a_relative_pronoun_undergoes_is_the_noun_it_describes(pipeline, text, trigger, actors, targets):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert (event["actor_names"], event["target_names"]) == (actors, targets), event


def test_who_tells_an_act_is_no_target_of_it(pipeline):
    # the parser runs "with the army" on into the attribution after it
    events, _ = events_of(pipeline, "Rebels seized the town of Orsk late on Tuesday after two days of fighting "
                                    "with the army, residents and a local official said.")
    fighting = next(e for e in events if e["trigger"]["text"] == "fighting")
    assert fighting["target_names"] == ["army"], fighting
    # named in what is said, and not only as who says it, it stays
    events, _ = events_of(pipeline, "The army said rebels had fired on the army near Orsk.")
    assert any("army" in e["target_names"] for e in events if e["trigger"]["text"] == "fired"), events


@pytest.mark.parametrize("text, event_type, target", [
    # a refusal or an acceptance answers whoever made the offer
    ("The Tamber Front on Monday rejected an offer from the Harrow Brigade for direct talks.", "REJECT",
     "Harrow Brigade"),
    ("Rebel leaders dismissed an appeal from President Aram Tessel to lay down their arms.", "REJECT", "Aram Tessel"),
    ("The government accepted a proposal by the Harrow Brigade to exchange prisoners.", "AGREE", "Harrow Brigade"),
])
def test_whom_a_refusal_or_an_acceptance_answers_is_its_target(pipeline, text, event_type, target):
    events, _ = events_of(pipeline, text)
    answer = next(e for e in events if e["type"] == event_type)
    assert target in answer["target_names"], events


@pytest.mark.parametrize("text, target", [
    # a protest is against whom the demand it is made for is addressed to
    ("Hundreds of students marched in Orsk to demand the resignation of Governor Aram Tessel.", "Aram Tessel"),
    ("Relatives began a hunger strike to protest the Harrow Brigade's decision to close the border.",
     "Harrow Brigade"),
    # and one that names whom it is against keeps it
    ("Hundreds rallied against the Tamber Front in Orsk.", "Tamber Front"),
])
def test_a_protest_is_against_whom_its_demand_is_addressed_to(pipeline, text, target):
    events, _ = events_of(pipeline, text)
    protest = next(e for e in events if e["type"] == "PROTEST")
    assert protest["target_names"] == [target], events


def assert_undated(pipeline, text: str, trigger: str, published: str = "2031-03-06") -> None:
    """The event whose trigger holds `trigger` has no time."""
    events, record = events_of(pipeline, text, published=published)
    event = next(e for e in events if trigger in e["trigger"]["text"])
    assert event.get("time") is None, (event, record["times"])


def assert_placed(pipeline, text: str, trigger: str, places: list[str]) -> None:
    """The places of the event told by `trigger` are these, in this order."""
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event["place_names"] == places, [(e["trigger"]["text"], e["place_names"]) for e in events]


@pytest.mark.parametrize("text, trigger, places", [
    # a capital before a ministry's saying is where the ministry speaks from, for the
    # sentence and for the rest of the paragraph
    ("In Rome, the Italian defence ministry acknowledged that a missile had hit the ship. The frigate had "
     "destroyed three drones earlier.", "hit", []),
    ("In Rome, the Italian defence ministry acknowledged that a missile had hit the ship. The frigate had "
     "destroyed three drones earlier.", "destroyed", []),
    # a place before people's saying is the scene of what they tell
    ("In Kyiv, residents said a missile hit a block of flats.", "hit", ["Kyiv"]),
    # so is a capital that says where the body speaking is, and a town it is based in: what
    # it tells of is left without a place rather than placed there
    ("A drone bombed a camp near Kharkiv on Tuesday. The UN humanitarian office in Kyiv said it was "
     "alarmed by the bombing.", "bombing", []),
    ("Soldiers burned a village near Kharkiv on Tuesday. The Velnor Rights Watch, a monitoring group based "
     "in Kyiv, said the soldiers had also shot two farmers.", "shot", []),
    # a town in the body's name is no candidate at all: the paragraph's scene is
    ("Soldiers burned a village near Kharkiv on Tuesday. The Lviv-based Velnor Rights Watch said the "
     "soldiers had also shot two farmers.", "shot", ["Kharkiv"]),
    # nor is a quotation told of where the one who says it spoke the sentence before
    ("A drone bombed a camp near Kharkiv on Tuesday, the governor told reporters in Kyiv. \"It struck the "
     "school first,\" he said.", "struck", []),
])
def test_a_capital_before_a_bodys_saying_is_where_it_speaks_from(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, places", [
    # where a record of the act went is not where the act was; the record's own words are
    ("A video of the ambush has been widely shared in Goma.", "ambush", []),
    ("A recording in which a voice appears to boast of the ambush was played on radio stations in Goma.",
     "ambush", []),
    ("A video of the ambush near Oicha was shared in Goma.", "ambush", ["Oicha"]),
    ("The ambush near Oicha was condemned in Goma.", "ambush", ["Oicha"]),
])
def test_where_a_record_of_the_act_went_is_not_where_it_was(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, places", [
    # where the wounded died later is not where they were wounded
    ("Gunmen attacked a village in Zamfara on Monday. A police officer wounded during the attack died in hospital "
     "in Gusau on Thursday.", "attack", ["Zamfara"]),
    ("Three of the wounded died at a hospital in Goma overnight, raising the toll from the attack to 12.",
     "attack", []),
    # nor where they were taken or treated
    ("Guards exchanged fire near Kok-Tash on Tuesday. One guard was wounded in the leg and taken to hospital "
     "in Batken.", "wounded", ["Kok-Tash"]),
    ("Five people were wounded in the shelling and treated at a clinic in Goma.", "wounded", []),
    # nor where the dead were buried
    ("Nine villagers killed in the raid were buried in Goma on Monday.", "killed", []),
    ("Gunmen raided a village near Oicha on Sunday. The bodies of nine villagers killed in the raid were buried "
     "in Goma on Monday.", "killed", ["Oicha"]),
    # but those who died where it struck died there
    ("Five people died in Goma when a missile struck the market.", "struck", ["Goma"]),
])
def test_where_the_wounded_died_is_not_where_the_attack_was(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, places", [
    # a "where" clause tells the act at the place it describes, whatever else the sentence does there
    ("In Yandoto, a village in Tsafe district where gunmen killed at least nine people on Tuesday, residents "
     "buried 11 victims on Wednesday.", "killed", ["Yandoto", "Tsafe"]),
    ("The envoy arrived in Israel from Dammam, Saudi Arabia, where he held talks with the crown prince.",
     "held talks", ["Dammam", "Saudi Arabia"]),
])
def test_a_where_clause_places_its_act(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, places", [
    # a place set off after another by a compass point or a distance only places it
    ("Rebels attacked an army post at Bali, 20 km west of Bamenda, on Monday.", "attacked", ["Bali"]),
    ("Shells hit a camp in Bara, about 60 km north of El Obeid, on Sunday.", "hit", ["Bara"]),
    ("Rebels attacked an army post at Bali, 20 km west of Bamenda. The attack lasted an hour.", "attack", ["Bali"]),
    # a place left unnamed is nearest the landmark, which is all there is of where
    ("Gunmen attacked a checkpoint 20 km south of Mosul on Monday.", "attacked", ["Mosul"]),
    ("A drone hit a hamlet about 12 km north of Abala on Saturday.", "hit", ["Abala"]),
])
def test_a_landmark_that_places_a_named_place_is_not_where_it_happened(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, places", [
    # a clause giving the reason is another act, whose places are its own
    ("Two patients in Gusau died because ambulances could not reach the hospital in Kaduna.", "died", ["Gusau"]),
    ("Customs officials said the gates did not open on Monday because the guards had no orders from Dushanbe.",
     "open", []),
    # its own place stays the act's
    ("Villagers protested in Gusau because the army had blocked the road to Kaduna.", "protested", ["Gusau"]),
])
def test_a_reason_s_places_are_not_the_act_s(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


def test_paragraphs_separated_by_blank_lines(pipeline):
    events, _ = events_of(pipeline, "Houthi rebels attacked two tankers in the Red Sea on Monday.\n\n"
                                    "These attacks endanger shipping.")
    first, second = [e for e in events if e["type"] == "ASSAULT"]
    assert second["actor_names"] == first["actor_names"] != []


def test_these_strikes_are_not_given_the_actor_of_other_attacks_told_between(pipeline):
    events, _ = events_of(pipeline, "The Varnel coalition conducted strikes on radar sites in Orsk on Thursday.\n\n"
                                    "The operation follows the rebels' escalating attacks on ships. These strikes "
                                    "are a clear message to them.")
    strikes = [e for e in events if e["type"] == "ASSAULT" and "strikes" in e["trigger"]["text"]]
    assert len(strikes) == 2 and strikes[0]["actor_names"]
    assert all("rebels" not in " ".join(e["actor_names"]) for e in strikes), strikes



def test_an_attack_by_a_force_described_then_named(pipeline):
    # the parser makes "paramilitary" the object of "by" and the name its apposition
    events, _ = events_of(pipeline, "The army said it had repelled an attack by the paramilitary Harrow Support "
                                    "Forces on the city of Orsk.")
    assert only(events, "ASSAULT")["actor_names"] == ["Harrow Support Forces"], events


def test_a_blast_is_not_given_the_doer_of_other_bombings_told_before(pipeline):
    # "similar bombings" are other acts: a witness's blast is nobody's for them
    events, _ = events_of(pipeline, "Authorities blamed the Harrow Brigade, which has carried out similar bombings "
                                    "in the region.\n\n\"We heard a huge blast,\" said a shopkeeper in Orsk.")
    blast = next(e for e in events if "blast" in e["trigger"]["text"])
    assert blast["actor_names"] == [], events


def test_a_strike_named_again_by_its_word_keeps_its_unknown_doer(pipeline):
    # "the strike" is the drone strike told first, whose doer no one says, not the retaking told between
    events, _ = events_of(pipeline, "A drone strike on a market in Orsk killed 17 people on Thursday.\n\nVelnor's "
                                    "troops retook the village of Sarn last week.\n\nThe United Nations said it was "
                                    "horrified by the strike.")
    strikes = [e for e in events if e["trigger"]["text"].endswith("strike")]
    assert len(strikes) == 2 and all(e["actor_names"] == [] for e in strikes), events


def test_a_kidnapping_is_not_given_the_actor_of_tear_gas_fired_before(pipeline):
    # an act of another mode is no act "of the same kind": nor do the hostages' release
    # become the police's through it
    events, _ = events_of(pipeline, "Two nurses seized in Mangina were released on Thursday.\n"
                                    "About 400 people marched in Beni. Police fired tear gas to disperse the crowd.\n"
                                    "The kidnapping is the first of aid workers in the province this year.")
    kidnapping = next(e for e in events if e["trigger"]["text"] == "kidnapping")
    released = next(e for e in events if e["trigger"]["text"] == "released")
    assert kidnapping["actor_names"] == [] and released["actor_names"] == [], events

@pytest.mark.parametrize("text, inherits", [
    # a threat lends no doer to an act told as done; a call to end attacks names attacks there are
    ("Rebels threatened to retaliate against the soldiers. The UN office said it was alarmed by the bombing.",
     False),
    ("Rebels bombed a market in Orsk on Monday. The UN office said it was alarmed by the bombing.", True),
    ("Ministers called for an immediate end to the Tamber Front's attacks on ships. These attacks threaten "
     "trade.", True),
])
def test_an_act_only_threatened_lends_no_doer_to_one_done(pipeline, text, inherits):
    events, _ = events_of(pipeline, text)
    later = [e for e in events if e["type"] == "ASSAULT"][-1]
    assert bool(later["actor_names"]) is inherits, events


@pytest.mark.parametrize("text, trigger, inherits", [
    ("Fighters of the Varnel Front overran an army outpost near Orsk on Saturday. The shelling of the camp came "
     "hours later.", "shelling", False),
    ("Soldiers of the Third Brigade shot the villagers point-blank in Orsk on Saturday. The massacre was "
     "filmed by a resident.", "massacre", True),
])
def test_a_noun_of_violence_takes_the_actor_of_the_same_act_only(pipeline, text, trigger, inherits):
    events, _ = events_of(pipeline, text)
    noun = next(e for e in events if e["trigger"]["text"].startswith(trigger))
    assert bool(noun["actor_names"]) is inherits, events

def test_a_detainee_said_not_to_be_mistreated_is_a_beating_denied(pipeline):
    # which the lawyer's "beaten during questioning" then disputes
    events, _ = events_of(pipeline, "The prosecutor denied that Torna was mistreated in custody. His lawyer said "
                                    "he had been beaten during questioning.")
    assert [(e["type"], e["mode"], e["factuality"]) for e in events if e["type"] == "ASSAULT"] == [
        ("ASSAULT", "beat", "denied"), ("ASSAULT", "beat", "asserted")], events

def test_whose_client_was_beaten_is_not_whom_it_was_done_to(pipeline):
    # "his client": the lawyer's, who was not beaten; the client is named by no entity
    events, record = events_of(pipeline, "Torna's lawyer, Ines Dessel, said her client had been beaten during "
                                         "questioning.")
    beating = only(events, "ASSAULT")
    names = {e["id"]: e["name"] for e in record["entities"]}
    assert beating["mode"] == "beat" and beating["factuality"] == "asserted", events
    assert "Ines Dessel" not in [names[t] for t in beating["targets"]], beating

def test_a_verb_with_an_object_the_parser_hung_on_a_noun_is_done_by_the_subject(pipeline):
    # the parser reads "machetes killed ..." as a participle describing the machetes
    events, _ = events_of(pipeline, "ORSK, Velnor (Kestrel) — Gunmen armed with rifles and machetes killed at least 23 "
                                    "civilians in a raid on Tarnovo on Sunday, local officials said.")
    killed = next(e for e in events if e["trigger"]["text"] == "killed")
    assert killed["actor_names"] == ["Gunmen"], events


def test_a_phrase_that_holds_the_act_s_word_is_not_its_doer(pipeline):
    events, _ = events_of(pipeline, "Survivors of a drone strike on a wedding in Orsk said on Monday that the "
                                    "aircraft fired a second time.")
    strike = next(e for e in events if e["trigger"]["text"] == "drone strike")
    assert not any("Survivors" in name for name in strike["actor_names"]), events


def test_fighting_between_two_sides_is_done_by_both(pipeline):
    events, _ = events_of(pipeline, "Fighting between the army and the Velnor Front has displaced 40,000 people since March.")
    assert only(events, "ASSAULT")["actor_names"] == ["army", "Velnor Front"], events


def test_the_means_of_a_relative_clause_s_act_are_the_noun_s_it_stands_for(pipeline):
    events, _ = events_of(pipeline, "Protesters threw stones at police, who responded with tear gas.")
    gas = next(e for e in events if e["trigger"]["text"] == "tear gas")
    assert gas["actor_names"] == ["police"], events


def test_a_participle_being_done_to_a_noun_is_its_event(pipeline):
    assert_told(pipeline, "It is the first report of a protester being shot with live ammunition.", "ASSAULT", "shot")

@pytest.mark.parametrize("text, event_type, trigger", [
    ("The ministry condemned the detention of three journalists in Velnor.", "COERCE", "detention"),
    ("Rights groups decried the continuing repression of the opposition.", "COERCE", "repression"),
    ("The council has faced harassment from the security services for months.", "COERCE", "harassment"),
    ("Officials in Tarsk described today's meeting with the rebel envoys as frank.", "CONSULT", "meeting"),
    ("The discussions in Port Meran ended without an agreement, the mediator said.", "CONSULT", "discussions"),
    ("The envoy's trip to Velnor was his third this year.", "CONSULT", "trip"),
    ("The Treasury is designating four companies that shipped fuel to the militia.", "SANCTION", "designating"),
    ("These designations follow months of attacks on the port.", "SANCTION", "designations"),
    ("The ministry announced new visa restrictions on twelve officials.", "SANCTION", "visa restrictions"),
    ("Her family welcomed the release of the aid worker on Sunday.", "RETREAT", "release"),
    ("The court handed down draconian sentences to eleven protesters.", "COERCE", "sentences"),
    ("The first aid convoy in four months reached Velnor on Saturday.", "AID", "aid convoy"),
    ("The hostages were freed on Thursday after talks brokered by a priest.", "CONSULT", "talks"),
    ("The envoy had a long conversation with the rebel commander on Sunday.", "CONSULT", "had a long conversation"),
])
def test_nouns_that_name_a_happening_are_events(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Militants decapitated two soldiers near Kessa.", "ASSAULT", "decapitated"),
    ("The authorities hanged three prisoners in Tarsk on Monday.", "ASSAULT", "hanged"),
    ("Soldiers bulldozed 40 homes in Kessa.", "ASSAULT", "bulldozed"),
    ("Militiamen razed the village of Orsk.", "ASSAULT", "razed"),
    ("Two herders were caught in crossfire near the market.", "ASSAULT", "crossfire"),
    ("Gunmen ransacked the clinic before dawn.", "COERCE", "ransacked"),
    ("Police sealed off the roads around the market in Orsk.", "COERCE", "sealed off"),
    ("A residential block in Kessa was flattened before dawn.", "ASSAULT", "flattened"),
    ("The rape of two girls in Kessa sparked protests.", "ASSAULT", "rape"),
    ("Russia annexed the Orsk region in 2031.", "ASSAULT", "annexed"),
    ("Two soldiers died in a shootout with smugglers near Kessa.", "ASSAULT", "shootout"),
    ("Hostilities resumed in Orsk on Monday.", "ASSAULT", "Hostilities"),
    ("Both armies have kept to a cessation of hostilities since March.", "RETREAT", "cessation"),
    ("Fighter jets strafed the convoy on the Orsk road.", "ASSAULT", "strafed"),
    ("The defenders repulsed the attackers after an hour.", "ASSAULT", "repulsed"),
    ("Two men confessed to planting the bomb outside the market in Kessa.", "ASSAULT", "planting"),
    ("More than 40 soldiers were wounded and died.", "ASSAULT", "died"),  # the subject of the verb before
    # a passive whose relative clause holds a saying of its own
    ("The guard, who they said had been shot as he ran, died.", "ASSAULT", "shot"),
    # lives lost, or a side's own men
    ("Two seafarers lost their lives when the drone struck the Orsk Star.", "ASSAULT", "lost"),
    ("The army said it had lost three soldiers in the fighting near Kessa.", "ASSAULT", "lost"),
])
def test_more_words_of_violence(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text", [
    "Farmers slaughtered their cattle before the drought.",
    "Volunteers hanged the flags along the road.",
    "The new measures helped flatten the curve in Orsk.",
    "The envoy said the cessation of hostilities in Orsk had held.",
    "Volunteers planted trees along the road to Orsk.",
    "Dozens lost their lives in the floods around Orsk.",
    "The Orsk team lost its best man to injury.",
    "She has lost months of her life to the detention in Orsk.",
])
def test_words_of_violence_said_of_other_things_are_no_event(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] == "ASSAULT"]


@pytest.mark.parametrize("text, trigger", [
    ("Regional leaders gave the soldiers who seized power in Velnor on Wednesday a week to step down.", "seized"),
    ("The general grabbed power in a night of gunfire in Tarsk.", "grabbed"),
    ("The military takeover in Velnor was condemned by its neighbours.", "takeover"),
])
def test_power_taken_by_force_is_coercion(pipeline, text, trigger):
    assert_told(pipeline, text, "COERCE", trigger)


@pytest.mark.parametrize("text, trigger", [
    ("The army denied reports of the fall of Mosul.", "fall"),
    ("Rebel fighters said they had liberated Mosul after two days of fighting.", "liberated"),
])
def test_a_place_taken_told_by_its_fall_or_its_liberation(pipeline, text, trigger):
    assert_told(pipeline, text, "ASSAULT", trigger)


@pytest.mark.parametrize("text, trigger, found", [
    ("A convoy of 14 aid trucks has been held at a checkpoint near Kidal since Sunday.", "held", True),
    ("Soldiers stopped the trucks outside the town on Sunday.", "stopped", True),
    ("The trucks were held up by rain for two days.", "held up", False),
    # what a relative pronoun stands for is the one held
    ("A convoy of 14 aid trucks that had been held at a checkpoint was allowed to go on.", "held", True),
])
def test_a_convoy_held_or_stopped_is_restricted(pipeline, text, trigger, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "COERCE" and e["trigger"]["text"].startswith(trigger) for e in events) is found, events


@pytest.mark.parametrize("text, trigger, found", [
    ("The governor said the market would reopen on Monday under police guard.", "reopen", True),
    ("The runway will be reopened by Wednesday, the governor said.", "reopened", True),
    ("The army said it would reopen the road to the terminal by Wednesday.", "reopen", True),
    ("The talks will reopen old wounds, the analyst said.", "reopen", False),
    # what the parser reads as a second verb of the clause before shares its subject
    ("Officials said the Kessa-Bel crossing, closed since the first clashes, would reopen to civilian traffic on "
     "Monday.", "reopen", True),
    # a crossing that opens, or does not; not a new shop
    ("Customs officers said the gates of the Tarsk crossing did not open on Monday.", "open", True),
    ("A new bakery opened in Tarsk on Monday.", "opened", False),
])
def test_a_place_reopened_said_of_it_or_done_to_it_is_a_concession(pipeline, text, trigger, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "CONCEDE" and e["trigger"]["text"] == trigger for e in events) is found, events


@pytest.mark.parametrize("text, trigger, event_type", [
    ("Hong Kong's leader formally withdrew the extradition bill on Wednesday.", "withdrew", "CONCEDE"),
    ("Protesters demanded that the bill be dropped.", "dropped", "CONCEDE"),
    ("The prosecutor dropped the charges against the journalist.", "dropped", "CONCEDE"),
    ("The army withdrew from the town on Tuesday.", "withdrew", "RETREAT"),
    ("Two soldiers dropped from the helicopter.", "dropped", None),
    ("Critics doubted that the bill's withdrawal would end the protests.", "withdrawal", "CONCEDE"),
    ("Residents in Orsk watched the withdrawal of the troops.", "withdrawal", "RETREAT"),
])
def test_a_bill_or_a_charge_given_up_is_a_concession(pipeline, text, trigger, event_type):
    events, _ = events_of(pipeline, text)
    assert [e["type"] for e in events if e["trigger"]["text"] == trigger] == ([event_type] if event_type else []), events


@pytest.mark.parametrize("text, event_type", [
    ("Shells slammed into a camp for displaced families near Kidal on Sunday.", "ASSAULT"),
    ("The minister slammed the rebels for the attack.", "ACCUSE"),
])
def test_a_shell_slamming_into_a_camp_is_an_attack_and_a_minister_slamming_rebels_a_reproach(pipeline, text,
                                                                                            event_type):
    events, _ = events_of(pipeline, text)
    assert [e["type"] for e in events if e["trigger"]["text"] == "slammed"] == [event_type], events


@pytest.mark.parametrize("text", [
    "Paying ransom to kidnappers is a criminal offence in Nigeria.",
    "Attacking civilians is a war crime, the minister said.",
    "Negotiating with terrorists is not an option.",
])
def test_what_an_act_is_said_to_be_is_no_act_that_happened(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert events == [], events


@pytest.mark.parametrize("text, factuality", [
    # an attack returned is an attack, and one not returned did not happen
    ("Soldiers returned the attack, killing two rebels.", "asserted"),
    ("Others shielded themselves with umbrellas and did not return the attack.", "denied"),
])
def test_an_attack_returned_or_not(pipeline, text, factuality):
    events, _ = events_of(pipeline, text)
    assert events[0]["trigger"]["text"].endswith("attack") and events[0]["factuality"] == factuality, events


@pytest.mark.parametrize("text, found", [
    # paying a ransom gives in to the kidnappers: a concession, which may be denied or refused
    ("Relatives said the families had paid a ransom of 30 million naira.", [("CONCEDE", "asserted")]),
    ("The governor insisted that no ransom had been paid.", [("CONCEDE", "denied")]),
    ("A negotiator said the ransom was handed over on Wednesday night.", [("CONCEDE", "asserted")]),
    ("\"This government will not pay ransom to criminals,\" the commissioner said.", [("REJECT", "asserted")]),
    ("The company paid its workers on Friday.", []),
    # and so is money paid or handed to them, though no one calls it a ransom
    ("A negotiator said 150 million naira had been handed to the gang in a forest.", [("CONCEDE", "asserted")]),
    ("The ship's owner paid 4 million pesos to the gang on Friday.", [("CONCEDE", "asserted")]),
    ("The ministry paid 2 billion naira to contractors last year.", []),
])
def test_paying_a_ransom_is_a_concession(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events] == found, events


@pytest.mark.parametrize("text, event_type", [
    # who does what a noun names may be the subject of the light verb that carries it
    ("Investigators said militia fighters carried out the raid on Fataki.", "ASSAULT"),
    ("Gunmen launched a raid on the village at dawn.", "ASSAULT"),
    ("Police carried out a raid on the newspaper's offices.", "COERCE"),
    # or of a verb of taking part in it
    ("More than 100 fighters took part in the raid, a security source said.", "ASSAULT"),
    ("Dozens of bandits participated in the raid on the village.", "ASSAULT"),
    ("About 40 armed men were involved in the raid, police said.", "ASSAULT"),
    ("Police said the raid on the newspaper's offices lasted two hours.", "COERCE"),
    # a raid no one is said to make is an attack, unless police make it, it searches
    # offices or homes, or people are arrested in it
    ("Oil facilities were hit by multiple drone strikes in a pre-dawn raid.", "ASSAULT"),
    ("Gunmen seized 14 people in an overnight raid on a settlement.", "ASSAULT"),
    ("A counter-terror police raid removed various items from his flat.", "COERCE"),
    ("Police confirmed that 27 people had been arrested in raids after the protest.", "COERCE"),
    ("Many of them were picked up in night raids on homes in the estates.", "COERCE"),
    # who is involved in it may be the subject of a verb before it
    ("These officials led arrests of protesters and were involved in unjustified raids on the opposition.",
     "COERCE"),
])
def test_a_raid_carried_out_by_fighters_is_an_attack_and_by_police_a_seizure(pipeline, text, event_type):
    events, _ = events_of(pipeline, text)
    assert [e["type"] for e in events if "raid" in e["trigger"]["text"]] == [event_type], events


@pytest.mark.parametrize("text, trigger, event_type", [
    # an irregular form the tagger leaves unlemmatised is its verb's (data/events/verb-forms.tsv)
    ("Government forces retook the town of Dornik from the rebels on Monday.", "retook", "ASSAULT"),
    # troops pushing into a place advance on it; people pushed into poverty are not attacked
    ("Velnor's troops pushed into the outskirts of Dornik on Monday.", "pushed", "ASSAULT"),
    ("Millions of people in Velnor were pushed into poverty by the war.", "pushed", None),
    # a missile or shells that hit a home, a station or a bridge attack it
    ("A missile hit an apartment block in Dornik, killing at least 40 people.", "hit", "ASSAULT"),
    ("Mortar rounds hit houses near the mosque in Dornik late on Tuesday.", "hit", "ASSAULT"),
    ("The news hit the market in Dornik hard.", "hit", None),
    # people seized or captured are abducted; weapons captured are seized; data captured is neither
    ("Gunmen seized 61 pupils from a school in Dornik on Tuesday.", "seized", "ASSAULT"),
    ("The rebels said their fighters had captured two police officers during the clash.", "captured", "ASSAULT"),
    ("The group said its fighters had captured armoured vehicles at the base.", "captured", "COERCE"),
    ("The cameras capture personal data of everyone who crosses the border.", "capture", None),
    # a weapon that hits or falls on anything attacks it; a fall in prices attacks nothing
    ("Three missiles hit the crowded square in Dornik.", "hit", "ASSAULT"),
    ("About 20 shells fell on the camp for displaced people.", "fell", "ASSAULT"),
    ("Prices fell sharply in Dornik after the harvest.", "fell", None),
    ("The plane dropped two barrels on the market.", "dropped", "ASSAULT"),
    ("The ministry dropped the charges against the two reporters.", "dropped", "CONCEDE"),
    # the parser may read a weapon dropped or striking as the subject of a verb of its own
    ("Two barrels dropped from a helicopter burst open near the market in Dornik.", "dropped", "ASSAULT"),
    ("The three men died when the rocket struck near the bridge in Dornik.", "struck", "ASSAULT"),
    ("Lightning struck the radio mast in Dornik on Sunday.", "struck", None),
    ("The price of bread dropped by a third in Dornik.", "dropped", None),
    # homes burned are attacked, a flag burned is not; attackers repelled are fought
    ("Soldiers burned two houses in the village while searching for rebels.", "burned", "ASSAULT"),
    ("Protesters burned tyres and a flag outside the embassy.", "burned", None),
    ("Our units repelled the assailants near the bridge.", "repelled", "ASSAULT"),
    ("The army repelled an attempt by the Front to enter Orsk.", "repelled", "ASSAULT"),
    ("The gunmen blew open the gate and fought the guards for an hour.", "fought", "ASSAULT"),
    ("The two parties fought the election on different platforms.", "fought", None),
    ("Velnor launched missiles at bases in Tarsk on Wednesday.", "launched", "ASSAULT"),
    ("Velnor launched a website for the families on Wednesday.", "launched", None),
    # troops massed or moved, leaders who spoke, regions recognized, people evacuated or deported
    ("Velnor has amassed more than 100,000 troops on the border.", "amassed", "MOBILIZE"),
    ("Velnor has moved troops and tanks closer to the border.", "moved", "MOBILIZE"),
    ("The council moved the meeting to Friday.", "moved", None),
    ("The two presidents spoke on the phone on Sunday.", "spoke", "CONSULT"),
    ("The president recognized two regions of Tarsk as independent states.", "recognized", "SUPPORT"),
    ("The president recognized the efforts of the volunteers.", "recognized", None),
    ("Governments conducted an evacuation of their citizens from the airport.", "conducted", "AID"),
    ("Children were forcibly transferred out of the country.", "transferred", "COERCE"),
    ("The ministry transferred the funds on Monday.", "transferred", None),
    ("Witnesses said some individuals held at the camp were executed.", "executed", "ASSAULT"),
    # going after those responsible attacks them; going after midnight does not
    ("The army will go after the group that carried out the bombing.", "go", "ASSAULT"),
    ("The talks went after midnight.", "went", None),
    # fired at a place or into a crowd attacks; into the air, not; a patrol crossing in takes ground
    ("Police fired into the crowd outside the court.", "fired", "ASSAULT"),
    ("Troops fired in the direction of the village at dawn.", "fired", "ASSAULT"),
    ("Police fired into the air to disperse the crowd.", "fired", None),
    ("A patrol of Velnor's border guards crossed into Tarsk on Monday.", "crossed", "ASSAULT"),
    # standing by an ally supports it; standing by one's own words reaffirms them
    ("Velnor will always stand by Tarsk.", "stand", "AGREE"),
    ("The army stood by its statement that no village was hit.", "stood", None),
])
def test_verbs_that_tell_an_event_by_what_they_act_on_or_what_acts(pipeline, text, trigger, event_type):
    events, _ = events_of(pipeline, text)
    told = [e["type"] for e in events if e["trigger"]["text"].split()[0] == trigger]  # "hit houses": with its object
    assert told == ([event_type] if event_type else []), events


@pytest.mark.parametrize("text, event_type", [
    # "the looting": the happening a part is held or disowned in, told before
    ("The army said its soldiers had played no part in the looting.", "COERCE"),
    ("The looting went on for hours.", None),  # which looting, the text does not say
])
def test_the_act_a_part_is_taken_in_is_one_happening(pipeline, text, event_type):
    events, _ = events_of(pipeline, text)
    told = [e for e in events if e["trigger"]["text"] == "looting"]
    assert [e["type"] for e in told] == ([event_type] if event_type else []), events
    if event_type:
        assert told[0]["factuality"] == "denied", told


def test_a_fall_in_numbers_is_no_place_taken(pipeline):
    events, _ = events_of(pipeline, "The fall in grain prices hurt farmers in Kidal.")
    assert not [e for e in events if e["type"] == "ASSAULT"], events


@pytest.mark.parametrize("text, assault", [
    # a toll of wounded tells the attack as a toll of dead does
    ("A drone struck the airport in Velnor, injuring at least a dozen civilians.", True),
    ("The bombing of the embassy in Tarsk wounded three people.", True),
    ("Two people were injured in a car accident on the highway.", False),
])
def test_the_wounded_of_an_attack_are_its_toll(pipeline, text, assault):
    events, _ = events_of(pipeline, text)
    told = {e["trigger"]["text"] for e in events if e["type"] == "ASSAULT"}
    assert bool(told & {"injuring", "wounded", "injured"}) == assault, told


def test_an_act_a_verb_concludes_is_done_by_its_subject_on_its_day(pipeline):
    events, record = events_of(pipeline, "On Saturday, at my direction, Velnor successfully concluded an airstrike "
                                         "in Tarsk.", published="2031-08-01")
    strike = only(events, "ASSAULT")
    days = {t["id"]: t["value"] for t in record["times"]}
    assert strike["actor_names"] == ["Velnor"] and days.get(strike.get("time")) == "2031-07-26", strike


@pytest.mark.parametrize("text, protest", [
    ("Thousands of protesters gathered outside the parliament in Velnor on Friday.", True),
    ("Officials gathered evidence at the scene of the blast.", False),
])
def test_protesters_gathering_is_a_protest(pipeline, text, protest):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "PROTEST" for e in events) == protest, [(e["type"], e["trigger"]["text"]) for e in events]


def test_a_protest_its_tagger_reads_as_a_participle_is_still_done_by_its_subject(pipeline):
    # the tagger reads "protested" here as a past participle, which a bare participle
    # heading its sentence is done to its noun ("the firms sanctioned today"): no one is protested
    events, _ = events_of(pipeline, "Hundreds of students protested outside the ministry.")
    assert only(events, "PROTEST")["actor_names"] == ["students"]
    events, _ = events_of(pipeline, "About 500 students protested outside the ministry on Monday.")
    assert only(events, "PROTEST")["actor_names"] == ["About 500 students"]
    events, _ = events_of(pipeline, "The firms sanctioned today play key roles in the trade.")
    assert only(events, "SANCTION")["actor_names"] == []


def test_supporters_of_a_leader_act_themselves(pipeline):
    events, _ = events_of(pipeline, "Hundreds of supporters of the president gathered near the palace.")
    assert only(events, "PROTEST")["actor_names"] == ["supporters of the president"]


@pytest.mark.parametrize("text, shelling", [
    # the parser reads these as verbs with no object
    ("The number of soldiers killed in Tuesday's shelling of Goris rose to 105.", True),
    ("The two sides traded blame for overnight shelling along their border.", True),
    ("Investors shelled out millions for the shares.", False),
])
def test_shelling_of_a_place_is_an_attack(pipeline, text, shelling):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "ASSAULT" and "shell" in e["trigger"]["text"] for e in events) == shelling, \
        [(e["type"], e["trigger"]["text"]) for e in events]


def test_power_seized_is_coercion_but_a_seized_chance_is_not(pipeline):
    events, _ = events_of(pipeline, "The opposition seized the chance to take a seat at the talks.")
    assert not [e for e in events if e["type"] == "COERCE"], [(e["type"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize("text", [
    "Officials said a meeting would be useful at some point.",
    "The ministry issued a press release on the matter.",
])
def test_nouns_that_name_no_particular_happening_are_no_events(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] in ("CONSULT", "RETREAT")], [(e["type"], e["trigger"]["text"]) for e in events]


def test_verbs_of_a_coordination_share_its_object(pipeline):
    events, _ = events_of(pipeline, "Police continue to detain, harass and threaten relatives of the detained students.")
    assert {e["trigger"]["text"] for e in events if e["type"] == "COERCE"} >= {"detain", "harass"}


def test_the_object_of_the_verb_an_infinitive_hangs_from_does_it(pipeline):
    events, _ = events_of(pipeline, "The envoy urged the militia to withdraw from Tarsk.")
    assert only(events, "RETREAT")["actor_names"] == ["militia"]
    events, _ = events_of(pipeline, "The militia decided to withdraw from Tarsk.")
    assert only(events, "RETREAT")["actor_names"] == ["militia"]


def test_a_nouns_of_complement_is_its_target(pipeline):
    events, _ = events_of(pipeline, "Velnor's detention of three journalists drew protests.")
    detention = only(events, "COERCE")
    assert detention["actor_names"] == ["Velnor"] and detention["target_names"] == ["three journalists"]


@pytest.mark.parametrize("text, targets", [
    # whom the threatened act is done to
    ("The Varnel parliament threatened on Monday to break off relations with Moldova.", ["Moldova"]),
    ("A commander of the gang threatened to kill the students if the money was not paid by Friday.",
     ["students"]),
    # whom its condition presses, when the act names no one
    ("The Varnel Dockers Union threatened on Tuesday to call a general strike unless the government "
     "raised wages.", ["government"]),
    # a threat that names whom it is against keeps them
    ("The president threatened Moldova with sanctions.", ["Moldova"]),
])
def test_whom_a_threat_is_against(pipeline, text, targets):
    events, _ = events_of(pipeline, text)
    assert only(events, "THREATEN")["target_names"] == targets, events


@pytest.mark.parametrize("text, kind, actors", [
    ("PORT MERAN, March 14 (Tamber Wire) - Gunmen ambushed an army patrol near Orsk on Tuesday.", "ASSAULT",
     ["Gunmen"]),
    ("ORSK, Velnor, June 2 (Coast Wire) — Insurgents stormed a village near Tarsk on Monday.", "ASSAULT",
     ["Insurgents"]),
])
def test_a_common_noun_that_opens_a_datelined_body_is_no_name(pipeline, text, kind, actors):
    """The tagger takes the body's first word for one more name of the dateline's run
    ("BENI, Congo, March 13 (Wire) - Gunmen"), which no layer then reads as who acted."""
    events, _ = events_of(pipeline, text)
    assert only(events, kind)["actor_names"] == actors, [(e["type"], e["actor_names"]) for e in events]


@pytest.mark.parametrize("text, kind, actors, targets", [
    # the forces, and their victims, that data/entities/actors.tsv describes
    ("On Monday, gendarmes fired tear gas at the marchers in Orsk.", "ASSAULT", ["gendarmes"], ["marchers"]),
    ("Gunmen killed three peacekeepers near Orsk on Tuesday.", "ASSAULT", ["Gunmen"], ["three peacekeepers"]),
    ("After the burial, hundreds of mourners marched through Orsk.", "PROTEST", ["mourners"], []),
    # the force that wields the weapon the subject names
    ("The Velnor Front said an army drone had struck its camp near Orsk on Tuesday.", "ASSAULT", ["army"],
     ["Velnor Front"]),
    ("Residents said a military aircraft bombed the market on Tuesday.", "ASSAULT", ["military"], []),
    # herders, tribesmen, mobs, youths, commandos and marines act; policemen are police officers
    ("Herders attacked farmers in the village of Kessa on Monday.", "ASSAULT", ["Herders"], ["farmers"]),
    ("A mob lynched two men in Orsk on Sunday.", "ASSAULT", ["mob"], []),
    ("Marines stormed the compound in Orsk at dawn.", "ASSAULT", ["Marines"], []),
    ("Two policemen were shot dead in Orsk on Monday.", "ASSAULT", [], ["Two policemen"]),
    # crime's armed groups
    ("The gang that abducted nine fishermen near Orsk on Monday released them on Friday.", "ASSAULT", ["gang"],
     ["nine fishermen"]),
    # one act, however the parser hangs its two objects
    ("Kenyan police fired tear gas and water cannon on Tuesday to break up a march.", "ASSAULT",
     ["Kenyan police", "Kenya"], []),
])
def test_described_forces_act_and_suffer(pipeline, text, kind, actors, targets):
    events, _ = events_of(pipeline, text)
    event = only(events, kind)
    assert (event["actor_names"], event["target_names"]) == (actors, targets), events


@pytest.mark.parametrize("text, actors", [
    ("The army and the Velnor Front signed a ceasefire in Orsk in October.", ["army", "Velnor Front"]),
    ("The Velnor Front said its fighters would respect the truce.", ["fighters", "Velnor Front"]),
    # who made it happen, or greets it, is no party of it
    ("Mediators from Tarsk brokered a truce in Orsk in October.", []),
    ("The government welcomed the ceasefire in Orsk.", []),
])
def test_who_signs_or_keeps_a_pact_is_its_party(pipeline, text, actors):
    events, _ = events_of(pipeline, text)
    pact = next(e for e in events if e["trigger"]["text"] in ("ceasefire", "truce"))
    assert sorted(pact["actor_names"]) == sorted(actors), [(e["type"], e["actor_names"]) for e in events]


@pytest.mark.parametrize("text, kind, targets", [
    # whom a promise, an agreement or a refusal is about: whom its act is done to
    ("The kidnappers promised to free two injured crew members on Friday.", "AGREE", ["two injured crew members"]),
    ("The rebels agreed on Sunday to cooperate with the United Nations.", "AGREE", ["United Nations"]),
    ("The government refused to lift the curfew on Moldovan traders.", "REJECT", ["Moldovan traders", "Moldova"]),
    # not what is the doer's own, nor what hangs on what is done
    ("The militia agreed to pull its fighters back from the hills.", "AGREE", []),
    ("Both sides agreed to develop measures for implementing the president's plan.", "AGREE", []),
    # who a demand is made of: the subject of what it demands, not a pronoun
    ("Cambodia's prime minister demanded on Friday that Thailand pay for the damage.", "REQUEST", ["Thailand"]),
])
def test_whom_an_announced_act_is_done_to(pipeline, text, kind, targets):
    events, _ = events_of(pipeline, text)
    assert only(events, kind)["target_names"] == targets, [(e["type"], e["target_names"]) for e in events]


def test_what_a_verb_acts_on_by_name_is_no_event_of_its_own(pipeline):
    events, _ = events_of(pipeline, "The army lifted the siege of Velnor on Monday.")
    assert [e["type"] for e in events] == ["RETREAT"], [(e["type"], e["trigger"]["text"]) for e in events]
    events, _ = events_of(pipeline, "The government lifted the sanctions on Velnor on Monday.")
    assert [e["type"] for e in events] == ["CONCEDE"], [(e["type"], e["trigger"]["text"]) for e in events]
    events, _ = events_of(pipeline, "The ministry condemned the attack on Velnor.")
    assert {e["type"] for e in events} == {"ACCUSE", "ASSAULT"}  # a condemnation names no object by its word


def test_thank_you_is_politeness_and_thanking_someone_is_support(pipeline):
    events, _ = events_of(pipeline, "Thank you all very much.")
    assert not events
    events, _ = events_of(pipeline, "The minister thanked Velnor for its help with the convoy.")
    assert only(events, "SUPPORT")["actor_names"] == ["minister"]


@pytest.mark.parametrize("text, event_type, trigger", [
    # nouns derived from the verbs' senses (nominalizations.tsv), their needs read on the noun
    ("The aid deliveries to Tarsk resumed on Monday.", "AID", "aid deliveries"),
    ("The suspension of aid deliveries to Tarsk angered the council.", "SANCTION", "suspension"),
    ("Velnor's expulsion of two diplomats surprised the ministry.", "SANCTION", "expulsion"),
    ("The storming of the parliament lasted an hour.", "ASSAULT", "storming"),
    ("Officials welcomed the closure of the border crossing.", "COERCE", "closure"),
    ("The militia announced the reopening of the crossing.", "CONCEDE", "reopening"),
    ("Aid groups praised Velnor's pledge to withdraw its troops.", "AGREE", "pledge"),
    ("Observers reported repeated ceasefire violations near Tarsk.", "ASSAULT", "ceasefire violations"),
    ("The rebels' entry into Tarsk was filmed by residents.", "ASSAULT", "entry"),
    # constructions read through prepositions and adverbs
    ("Thousands took to the streets of Tarsk on Friday.", "PROTEST", "took"),
    ("The president spoke with Maria Lopez by phone on Tuesday.", "CONSULT", "spoke"),
    ("The families have pushed for the release of the hostages.", "REQUEST", "pushed"),
    ("The ministry intervened militarily in the dispute.", "ASSAULT", "intervened"),
    ("Officials led arrests, prosecutions and sentencings of protesters.", "COERCE", "sentencings"),
    ("The persons designated today include two generals.", "SANCTION", "designated"),
    # goods held at a border are restricted as a convoy is
    ("Customs officers halted clearance of Velnorian cargo at the Orsk crossing on Monday.", "COERCE",
     "halted clearance"),
    ("Drivers said customs officers had held their cargo at the border since Monday.", "COERCE", "held"),
    # an aircraft brought down is shot down
    ("Police said one of their surveillance drones had been brought down by gunfire over Orsk.", "ASSAULT",
     "brought down"),
    # a leader taken away from the capital leaves it
    ("Security sources said the president was flown by helicopter to Abéché on Tuesday.", "RETREAT", "flown"),
    ("His aides said President Aram Tessel had been evacuated to Abéché on Tuesday.", "RETREAT", "evacuated"),
])
def test_nouns_and_constructions_beyond_the_verb_table(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text", [
    "It would be a clear violation of international law.",  # a judgement, no act
    "The ministry spoke to reporters after the vote.",  # to the press: no consultation
    "Her deep commitment to her work is well known.",
    "The supply of water to the town is stable.",
    "Rolling power cuts left the capital dark overnight.",
    "After a long battle with cancer, the former minister died.",
    "A weekend retreat at the lake was planned for the staff.",
    "The trial of the new vaccine began in March.",
    "Lead poisoning in the town sickened dozens of children.",
    "The suspect was armed with a knife.",
    "The company rejected a takeover offer from its rival.",
    "Officials announced the closure of schools for the holiday.",
    "The airline flew 200 passengers to Paris.",
    "The scandal brought down the government.",
])
def test_derived_and_new_senses_stay_out_of_other_senses(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] not in ("REJECT",) or "offer" in e["trigger"]["text"]], \
        [(e["type"], e["trigger"]["text"]) for e in events]


@pytest.mark.parametrize("text, event_type, mode", [
    # a light verb does not choose the noun's sense: its object does
    ("Poland ordered the expulsion of two Russian diplomats.", "SANCTION", "expel"),
    ("Officials announced the lifting of the curfew.", "CONCEDE", None),
    ("Police announced the seizure of weapons in the raid.", "COERCE", "seize"),
])
def test_a_light_verb_leaves_the_sense_to_the_nouns_object(pipeline, text, event_type, mode):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events if e["type"] != "ASSAULT" and e["type"] != "COERCE"
            or e["trigger"]["text"].endswith(("seizure", "expulsion"))][:1] == [(event_type, mode)], \
        [(e["type"], e["mode"], e["trigger"]["text"]) for e in events]


def test_modality_reaches_a_noun_only_through_verbs_that_intend_it(pipeline):
    events, _ = events_of(pipeline, "The minister called the attack an act of terrorism.")
    assert only(events, "ASSAULT")["factuality"] == "asserted"
    events, _ = events_of(pipeline, "Velnor is ready to take part in talks in Tarsk next week.")
    assert [e["type"] for e in events] == ["AGREE"]  # "in" a place does not cut the intent off


def test_saying_you_do_not_want_to_thank_thanks_no_one(pipeline):
    events, _ = events_of(pipeline, "We do not want to thank anyone.")
    assert not [e for e in events if e["type"] == "SUPPORT"]


def test_a_prediction_by_others_is_no_promise(pipeline):
    events, _ = events_of(pipeline, "Analysts expect that Russia will withdraw its troops from Kherson.")
    assert [(e["type"], e["factuality"]) for e in events] == [("RETREAT", "possible")]


def test_a_possessive_is_the_one_a_release_or_arrest_is_done_to(pipeline):
    events, _ = events_of(pipeline, "Maria Lopez's arrest shocked her supporters.")
    arrest = only(events, "COERCE")
    assert arrest["actor_names"] == [] and arrest["target_names"] == ["Maria Lopez"]
    events, _ = events_of(pipeline, "Velnor's arrest of two reporters drew protests.")
    arrest = only(events, "COERCE")
    assert arrest["actor_names"] == ["Velnor"]  # with an "of", the possessive acts


def test_an_unnamed_jailer_is_the_country_the_arrest_happens_in(pipeline):
    events, _ = events_of(pipeline, "Two reporters were detained in Iran last week.")
    assert only(events, "COERCE")["actor_names"] == ["Iran"]
    events, _ = events_of(pipeline, "Two reporters were killed in Iran last week.")
    assert only(events, "ASSAULT")["actor_names"] == []  # a killing's agent is not inferred


def test_an_unnamed_jailer_is_the_police_that_tell_of_the_arrest(pipeline):
    events, _ = events_of(pipeline, "Police said 12 people had been arrested in the capital for disturbing public "
                                    "order.")
    assert only(events, "COERCE")["actor_names"] == ["Police"]
    events, _ = events_of(pipeline, "Relatives said 12 people had been arrested in the capital for disturbing public "
                                    "order.")
    assert only(events, "COERCE")["actor_names"] == []


def test_in_partnership_with_is_done_by_the_clauses_subject(pipeline):
    events, _ = events_of(pipeline, "Velnor will deliver the grain in partnership with Tarsk.")
    assert only(events, "COOPERATE")["actor_names"] == ["Velnor"]


def test_a_noun_after_when_or_where_words_keeps_its_own_factuality(pipeline):
    events, _ = events_of(pipeline, "The militia vowed revenge after the raid on its base.")
    assert only(events, "ASSAULT")["factuality"] == "asserted"
    events, _ = events_of(pipeline, "The militia threatened new raids on the base.")
    assert only(events, "ASSAULT")["factuality"] == "possible"  # what is threatened has not happened


@pytest.mark.parametrize("text, coded", [
    # to avenge is to strike back: vowed, it is a threat of the one who vows it
    ("The Tamber Front vowed to avenge the bombing of the camp.", ("THREATEN", "Tamber Front")),
    ("The Tamber Front said it would avenge the blood of Orsk.", ("THREATEN", "Tamber Front")),
    # not a country that avenges a tariff with its own
    ("Velnor said it would avenge the new tariffs with duties of its own.", None),
])
def test_a_vow_to_avenge_is_a_threat(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    found = [(e["type"], e["actor_names"][0] if e["actor_names"] else None) for e in events
             if e["trigger"]["text"] == "avenge"]
    assert found == ([coded] if coded else []), events


def test_future_releases_and_concessions_are_agreements(pipeline):
    events, _ = events_of(pipeline, "The rebels said they will release the hostages on Sunday.")
    assert [e["type"] for e in events if e["trigger"]["text"].startswith("release")] == ["AGREE"]


@pytest.mark.parametrize("text, told", [
    ("Government troops blocked an aid convoy from entering the town.", [("COERCE", "restrict", "asserted")]),
    ("The ministry said there is no siege of Orsk.", [("COERCE", "restrict", "denied")]),
    ("The army denied that it was blocking aid to the town.", [("COERCE", "restrict", "denied")]),
    # a road blocked is a protest's; a website blocked, censorship
    ("Protesters blocked the road to the airport.", [("PROTEST", "obstruct", "asserted")]),
    ("The regulator blocked the website.", [("COERCE", "censor", "asserted")]),
    # a town or a hideout encircled by forces; not hills around a city, nor a row around a deal
    ("Security forces have surrounded the forest where the students are held.", [("COERCE", "restrict", "asserted")]),
    ("Troops encircled the town on Monday.", [("COERCE", "restrict", "asserted")]),
    ("The hills surrounding the city are green.", []),
    ("The controversy surrounding the deal grew.", []),
])
def test_aid_kept_out_and_a_siege_are_restrictions(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"], e["factuality"]) for e in events] == told, events


def test_a_gerund_after_denied_is_the_act_denied_not_a_word_for_its_object(pipeline):
    # parsed as "attacking" civilians (ones who attack), it is the attack the RSF denies
    events, _ = events_of(pipeline, "The RSF denied attacking civilians.")
    assert [(e["type"], e["factuality"]) for e in events] == [("ASSAULT", "denied")], events


@pytest.mark.parametrize("text, factuality, actors", [
    # a plan disowned, by the speaker who has none
    ('"We have no plans to attack anyone," ministry spokeswoman Layla Hamid said.', "denied", ["Layla Hamid"]),
    ("The army said it will not attack the town.", "denied", ["army"]),
    ("The rebels said they would attack the base.", "asserted", ["rebels"]),
])
def test_a_threat_disowned_is_denied(pipeline, text, factuality, actors):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"], e["actor_names"]) for e in events] == [("THREATEN", factuality, actors)]


@pytest.mark.parametrize("text, told", [
    ("Three foreign reporters had been held since Monday.", [("COERCE", "arrest")]),
    # told by a pronoun, the ones a release frees; "would be" promises it
    ("The ministry said they would be released within days.", [("AGREE", None)]),
    ("The party held 40 seats.", []),
    # whoever is freed: officers and guards as hostages and prisoners are
    ("The gang freed two police officers on Monday.", [("RETREAT", "release")]),
    ("The rebels released three guards on Tuesday.", [("RETREAT", "release")]),
    ("The company released its annual results on Tuesday.", []),
    # or told by a number alone, or by "those": people counted; a number of things is no one
    ("The ministry said the 40 would be released within days.", [("AGREE", None)]),
    ("Police freed 12 on Sunday.", [("RETREAT", "release")]),
    ("He said those detained on Sunday would be freed within 48 hours.", [("COERCE", "arrest"), ("AGREE", None)]),
    ("The agency released 3 reports on Monday.", []),
    # a participle that describes them, which the parser may take for the main verb
    ("Seven aid truck drivers abducted on a road in western Yemen last week were freed on Thursday in a swap.",
     [("ASSAULT", "abduct"), ("RETREAT", "release")]),
    # not people taken somewhere after they came: "and" joins two acts of theirs
    ("The freed captives arrived in Gusau on two buses and were taken to a government guest house.", []),
    # people sent home are freed; not diplomats sent home
    ("The gang sent the hostages home on Monday.", [("RETREAT", "release")]),
    # any noun that names people (data/figures/people.tsv) is freed, not a product
    ("Troops raided the camp and freed three fishermen held there for months.",
     [("ASSAULT", None), ("RETREAT", "release")]),
    ("Kestrel Daily released a new edition on Monday.", []),
    # captives rescued are aided, as PLOVER codes a hostage rescue, by those who rescue them;
    # not people rescued from rubble
    ("Troops rescued 12 of the abducted students in the forest near Orsk.", [("AID", "rescue")]),
    ("Firefighters rescued three people from the rubble.", []),
    ("The rescue of the 12 hostages took three hours.", [("AID", "rescue")]),
    ("Rescue teams searched the rubble for survivors.", []),
    # troops that left their positions or their base withdrew; one who left a job did not
    ("Soldiers left their positions around Orsk on Tuesday night, residents said.", [("RETREAT", "withdraw")]),
    ("The army said its troops had left the base at Tarsk at dawn.", [("RETREAT", "withdraw")]),
    ("She left her position as director of the agency last year.", []),
    # what armies call a retreat; not a radar moved
    ("The army said its soldiers had carried out a tactical repositioning to Tarsk.", [("RETREAT", "withdraw")]),
    ("The repositioning of the radar took a week.", []),
    # people taken, and not to hospital, nor home
    ("Five nurses were taken from the clinic at gunpoint.", [("ASSAULT", "abduct")]),
    ("Five of them were taken to hospital in Orsk.", []),
    ("Parents took their children home.", []),
    ("The freed captives were taken to a hotel in Orsk.", []),
    # people handed over by those who held them, and not the keys of an office
    ("The twelve workers were handed over to church leaders in Orsk.", [("RETREAT", "return")]),
    ("The minister handed over the keys of the office.", []),
    ("Each side sent home two consular officials.", []),
    # measures suspended: trade preferences (a sanction), arrest warrants (a concession)
    ("Chile on Friday suspended tariff preferences for Peruvian fruit.", [("SANCTION", "discontinue")]),
    ("The ministry suspended arrest warrants for four gang leaders.", [("CONCEDE", None)]),
])
def test_people_held_and_those_to_be_released(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == told, events


@pytest.mark.parametrize("text, doers, done_to", [
    # a passive joined to the verb before it shares its subject, as the one it is done to
    ("Aram Tessel stepped down from the stage in Orsk and was shot by a gunman.", ["gunman"], ["Aram Tessel"]),
    ("Aram Tessel walked out of the court in Orsk and was shot.", [], ["Aram Tessel"]),
    ("Fighters of the Tamber Front attacked the base at Orsk and were repelled by the army.",
     ["army"], ["Tamber Front"]),
])
def test_a_passive_joined_to_a_verb_is_done_to_its_subject(pipeline, text, doers, done_to):
    events, _ = events_of(pipeline, text)
    last = events[-1]
    assert (last["actor_names"], last["target_names"]) == (doers, done_to), events


@pytest.mark.parametrize("text, told", [
    ("The minister stepped down from the podium in Orsk on Monday.", []),
    ("The minister stepped down from his post in Orsk on Monday.", [("RETREAT", "resign")]),
])
def test_stepping_down_from_a_stage_is_no_resignation(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == told, events


@pytest.mark.parametrize("text, told", [
    ("The prisoner exchange took place at a crossing near Orsk.", [("RETREAT", "release")]),
    ("The rebels and the army swapped 50 captives on Friday.", [("RETREAT", "release")]),
    ("Both armies exchanged the bodies of fallen soldiers.", [("RETREAT", "release")]),
    # an exchange of no people is no release: of fire, it is a clash
    ("Troops and rebels traded an exchange of fire near Orsk.", [("ASSAULT", None)]),
    ("Border guards of the two states exchanged fire near Orsk.", [("ASSAULT", None)]),
    ("The two countries exchanged ambassadors in 2030.", []),
])
def test_an_exchange_of_prisoners_is_a_release(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == told, events


@pytest.mark.parametrize("text, told", [
    # a deed told by a verb is named again by its noun alone
    ("All 87 students were released on Thursday. The release came a week after they were taken.",
     [("RETREAT", "release"), ("RETREAT", "release")]),
    ("The army and the Front exchanged prisoners at Orsk on Friday. The exchange lasted two hours.",
     [("RETREAT", "release"), ("RETREAT", "release")]),
    ("Troops and rebels exchanged fire near Orsk. The exchange lasted two hours.",
     [("ASSAULT", None), ("ASSAULT", None)]),
    # but not a noun that tells something else alone, after no such deed
    ("Kestrel Daily issued a press release on Monday. The release said sales rose.", []),
    ("The two countries exchanged ambassadors in 2030. The exchange took place in Orsk.", []),
])
def test_a_deed_told_by_a_verb_is_named_again_by_its_noun(pipeline, text, told):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == told, events


@pytest.mark.parametrize("text, triggers", [
    # an "-ing" word the tagger took for a verb, standing where a noun stands
    ("In April 2030, fighting over the same water intake killed 21 people.", ["fighting", "killed"]),
    ("Witnesses reported looting in the market of Orsk.", ["looting"]),
    # not one with an object of its own, which tells the verb's act
    ("Troops began shelling the town on Monday.", ["shelling"]),
])
def test_a_gerund_standing_as_a_noun_tells_the_noun_s_act(pipeline, text, triggers):
    events, _ = events_of(pipeline, text)
    assert [e["trigger"]["text"] for e in events] == triggers, events


@pytest.mark.parametrize("text, hurt", [
    # people hurt are wounded; an economy hurt is not
    ("Three soldiers were hurt when a mine exploded near Orsk.", "asserted"),
    ("The shipping company denied that any of its seafarers had been hurt.", "denied"),
    ("The sanctions hurt the economy of Tarsk.", None),
])
def test_people_hurt_are_wounded(pipeline, text, hurt):
    events, _ = events_of(pipeline, text)
    assert {e["trigger"]["text"]: e["factuality"] for e in events if e["type"] == "ASSAULT"}.get("hurt") == hurt, events


@pytest.mark.parametrize("text, targets", [
    # those who died in an act are its toll: done to them, by no one they name
    ("The Front says more than 40 soldiers died in the attack on Orsk.", [["more than 40 soldiers"]]),
    ("Two crew members had died, the company said.", [["Two crew members"]]),
    # not those who died of an illness, nor one who died, uncounted (no toll)
    ("Three children died of cholera in the camp at Orsk.", []),
    ("After a long illness, the former governor of Orsk died on Monday.", []),
])
def test_those_who_died_are_what_the_act_was_done_to(pipeline, text, targets):
    events, _ = events_of(pipeline, text)
    died = [e for e in events if e["trigger"]["text"] == "died"]
    assert [e["target_names"] for e in died] == targets and all(not e["actor_names"] for e in died), events



def test_a_participle_tagged_as_a_past_tense_still_describes_what_was_done(pipeline):
    # the tagger gives "shot" its past-tense tag; it tells what was done to the men
    events, _ = events_of(pipeline, "Most of the dead were young men shot in the chest in Orsk, a doctor said.")
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("ASSAULT", "shot")], events


def test_a_modifier_the_act_was_told_done_to_before_is_its_target(pipeline):
    # "the bombing of the VRA" told first: "the VRA bombing" bombed the VRA, which did not bomb
    events, _ = events_of(pipeline, "Gunmen carried out the bombing of the Velnor Relief Association (VRA) in "
                                    "Orsk in 2030. The VRA bombing killed 12 people.")
    bombing = next(e for e in events if e["trigger"]["text"] == "VRA bombing")
    assert bombing["target_names"] == ["Velnor Relief Association"], events
    assert "Velnor Relief Association" not in bombing["actor_names"], events
    # but a name the act was not told done to is its doer
    events, _ = events_of(pipeline, "The Harrow Brigade attack on the market in Orsk killed 12 people.")
    assert next(e for e in events if "attack" in e["trigger"]["text"])["actor_names"] == ["Harrow Brigade"], events


def test_an_act_tried_is_told_by_the_attempt(pipeline):
    events, _ = events_of(pipeline, "Soldiers staged a coup attempt in the capital of Tarsk on Monday.")
    assert [e["trigger"]["text"] for e in events] == ["coup"], events
    events, _ = events_of(pipeline, "Border patrol agents arrested two men near Orsk.")
    assert [e["trigger"]["text"] for e in events] == ["arrested"], events


def test_a_gerund_after_a_preposition_is_done_by_the_clause_it_hangs_from(pipeline):
    events, _ = events_of(pipeline, "Velnor retaliated by bombing the port.")
    assert [e["actor_names"] for e in events if e["trigger"]["text"] == "bombing"] == [["Velnor"]]
    events, _ = events_of(pipeline, "Russia accused Ukraine of shelling the plant.")
    assert only(events, "ASSAULT")["actor_names"] == ["Ukraine"]  # the one accused, not the accuser


def test_both_sides_between_are_actors(pipeline):
    events, _ = events_of(pipeline, "Observers welcomed the agreement between Velnor and Tarsk.")
    assert sorted(only(events, "AGREE")["actor_names"]) == ["Tarsk", "Velnor"]


@pytest.mark.parametrize("text", [
    "The Front called the strike a massacre.",
    "Tarsk described the bombing as a war crime and a massacre.",
    "The attack was a massacre, residents said.",
])
def test_a_noun_that_says_what_an_act_was_is_no_act_of_its_own(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [e["trigger"]["text"] for e in events if e["type"] == "ASSAULT"] in (["strike"], ["bombing"], ["attack"])


def test_a_massacre_told_as_done_or_an_attack_as_an_example_is_an_act(pipeline):
    events, _ = events_of(pipeline, "Soldiers committed a massacre in the village, residents said.")
    assert [e["trigger"]["text"] for e in events if e["type"] == "ASSAULT"] == ["massacre"]
    events, _ = events_of(pipeline, "The group carried out attacks abroad, such as the metro attack in 2017.")
    assert len([e for e in events if e["type"] == "ASSAULT"]) == 2


def test_what_talks_are_about_and_who_acts_are_no_places_of_the_event(pipeline):
    events, _ = events_of(pipeline, "The ministers discussed the situation in Syria at a meeting in Geneva.")
    assert {tuple(e["place_names"]) for e in events if e["type"] == "CONSULT"} == {("Geneva",)}
    events, _ = events_of(pipeline, "Russia's invasion of Ukraine began in February.")
    assert only(events, "ASSAULT")["place_names"] == ["Ukraine"]


def test_a_place_of_a_clause_joined_with_its_own_subject_is_no_place_of_the_act(pipeline):
    events, _ = events_of(pipeline, "Egypt condemned the strike and Jordan recalled its ambassador from Israel.")
    assert only(events, "ASSAULT")["place_names"] == []
    assert only(events, "SANCTION")["place_names"] == ["Israel"]
    # one subject, two verbs: one clause, whose place is both acts'
    events, _ = events_of(pipeline, "Troops shelled and stormed Orsk on Monday.")
    assert [e["place_names"] for e in events if e["type"] == "ASSAULT"] == [["Orsk"], ["Orsk"]]
    # what came before is another act, at its own place or at none the sentence says
    events, _ = events_of(pipeline, "Tarsk reopened its embassy in Riyadh on Sunday, two weeks after the two "
                                    "countries agreed in Beijing to restore relations.")
    assert only(events, "CONCEDE")["place_names"] == ["Riyadh"]
    events, _ = events_of(pipeline, "Troops shelled Kharkiv on Sunday, the governor said on Monday, a day after "
                                    "the two countries exchanged prisoners.")
    assert [e["place_names"] for e in events if e["type"] == "RETREAT"] == [[]]
    # a clause that tells what happened at a time the sentence names is that act's, and
    # so is its place
    events, _ = events_of(pipeline, "The attack was the deadliest on shipping in the Red Sea since January 2030, "
                                    "when a drone struck a tanker off the Eritrean port of Assab.")
    attack = next(e for e in events if e["trigger"]["text"] == "attack")
    assert "Assab" not in attack["place_names"], attack
    assert "Assab" in next(e for e in events if e["trigger"]["text"] == "struck")["place_names"]
    # a verb joined to the event's with a time of its own tells another occasion, at its place
    events, _ = events_of(pipeline, "The students were released late on Thursday and handed over to officials in "
                                    "Gusau on Friday.")
    assert next(e for e in events if e["trigger"]["text"] == "released")["place_names"] == [], events
    events, _ = events_of(pipeline, "Troops shelled and stormed Izium on Monday.")
    assert [e["place_names"] for e in events if e["type"] == "ASSAULT"] == [["Izium"], ["Izium"]]
    # nor is the occasion a saying was made on the place of what it tells
    events, _ = events_of(pipeline, "The withdrawal was completed on Saturday, the border commission said after "
                                    "its first meeting in Isfara on Tuesday.")
    assert next(e for e in events if e["type"] == "RETREAT")["place_names"] == [], events


def test_the_place_of_the_act_given_as_the_reason_or_framework_is_not_the_acts(pipeline):
    # "under the agreement signed in Doha": the withdrawal is not in Doha
    events, _ = events_of(pipeline, "Rebel fighters began withdrawing from Kandahar on Thursday under the peace "
                                    "agreement signed in Doha this month.")
    assert only(events, "RETREAT")["place_names"] == ["Kandahar"]
    # the clause of the agreement's terms names Kandahar, and "in Doha" is the signing's own,
    # though the parser lays it between the agreement and its clause
    events, _ = events_of(pipeline, "The government of Varnia and the Northern Alliance signed a peace agreement "
                                    "in Doha on Saturday, under which the Alliance will withdraw its fighters from "
                                    "Kandahar within 30 days.")
    assert "Doha" in only(events, "SUPPORT")["place_names"]


def test_a_place_named_as_the_one_who_speaks_or_denies_is_no_place_of_the_act(pipeline):
    events, _ = events_of(pipeline, "Moscow denied shelling the hospital.")
    assert only(events, "ASSAULT")["place_names"] == []
    events, _ = events_of(pipeline, "Russia's defence ministry denied shelling any civilian building.")
    assert only(events, "ASSAULT")["place_names"] == []
    # a place that is only where the sayers are still tells where it happened, and so
    # does a place named as the subject of what they say
    events, _ = events_of(pipeline, "Residents in Mosul said the shelling went on all night.")
    assert only(events, "ASSAULT")["place_names"] == ["Mosul"]
    events, _ = events_of(pipeline, "The news agency said the Nasib border crossing with Jordan was out of service "
                                    "due to the attack.")
    assert "Nasib" in only(events, "ASSAULT")["place_names"]
    # where someone is based is their seat, neither where they act nor where the
    # paragraph's next act is
    events, _ = events_of(pipeline, "The Front accused the Tripoli-based air command of carrying out the strike. "
                                    "\"This was a massacre,\" its commander said.")
    assert [e["place_names"] for e in events if e["type"] == "ASSAULT"] == [[], []], events


def test_who_in_a_relative_clause_is_the_noun_it_describes(pipeline):
    events, _ = events_of(pipeline, "The militants, who seized the town last week, said they would not withdraw.")
    seized = next(e for e in events if e["trigger"]["text"].startswith("seized"))
    assert seized["actor_names"] == ["militants"]


def test_troops_crossing_into_a_country_is_an_incursion_and_refugees_crossing_is_not(pipeline):
    events, _ = events_of(pipeline, "Velnorian troops crossed into Tarsk on Monday.")
    assert only(events, "ASSAULT")["mode"] == "territory"
    events, _ = events_of(pipeline, "Thousands of refugees crossed the border into Tarsk.")
    assert not [e for e in events if e["type"] == "ASSAULT"]


def test_who_killed_is_who_attacked_when_the_killing_names_no_one(pipeline):
    events, _ = events_of(pipeline, "Two soldiers were killed when militants attacked a checkpoint.")
    assert [e["actor_names"] for e in events if e["trigger"]["text"] == "killed"] == [["militants"]]
    events, _ = events_of(pipeline, "Three people were killed when the building collapsed.")
    assert [e["actor_names"] for e in events if e["trigger"]["text"] == "killed"] == [[]]


def test_the_agent_of_a_participle_describing_a_noun_event_is_its_actor(pipeline):
    events, _ = events_of(pipeline, "The raid, carried out by the militia, lasted an hour.")
    assert [e["actor_names"] for e in events if e["trigger"]["text"] == "raid"] == [["militia"]]


def test_an_event_noun_as_subject_gives_its_own_actor_not_its_target(pipeline):
    events, _ = events_of(pipeline, "A Russian drone attack on Kyiv killed three people overnight.")
    killed = next(e for e in events if e["trigger"]["text"] == "killed")
    assert killed["actor_names"] == ["Russia"]  # not Kyiv, which was attacked


def test_an_event_noun_serving_a_verb_is_done_by_its_subject(pipeline):
    events, _ = events_of(pipeline, "Velnor fired rockets at the port. Tarsk responded with artillery fire.")
    fire = next(e for e in events if e["trigger"]["text"] == "artillery fire")
    assert fire["actor_names"] == ["Tarsk"]
    events, _ = events_of(pipeline, "The militia claimed responsibility for the bombing.")
    assert only(events, "ASSAULT")["actor_names"] == ["militia"]


def test_a_subject_hung_on_the_auxiliary_still_acts_and_is_no_place(pipeline):
    events, _ = events_of(pipeline, "Egypt and Qatar are mediating between Israel and Hamas in Cairo.")
    mediating = only(events, "CONSULT")
    assert mediating["actor_names"] == ["Egypt", "Qatar"] and mediating["place_names"] == ["Cairo"]


def test_a_trigger_does_not_swallow_the_clause_between_a_noun_and_its_light_verb(pipeline):
    events, _ = events_of(pipeline, "An airstrike near the port that killed four fighters was carried out on Sunday.")
    assert [e["trigger"]["text"] for e in events if e["trigger"]["text"].startswith("airstrike")] == ["airstrike"]
    events, _ = events_of(pipeline, "A curfew was imposed on the city.")
    assert only(events, "COERCE")["trigger"]["text"] == "curfew was imposed"


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Gas supplies to the region were halted on Monday.", "SANCTION", "halted"),
    ("The bank froze the ministry's reserves.", "SANCTION", "froze"),
    ("The Red Cross was granted access to the prisoners.", "RETREAT", "granted access"),
    ("Officials briefed the council on the fighting.", "CONSULT", "briefed"),
    ("Rebels mounted a rebellion in the north.", "ASSAULT", "rebellion"),
])
def test_the_families_the_issue_names(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


def test_briefing_the_press_is_no_consultation_and_who_flies_for_talks_takes_part(pipeline):
    events, _ = events_of(pipeline, "Officials briefed reporters on the fighting.")
    assert not [e for e in events if e["type"] == "CONSULT"]
    events, _ = events_of(pipeline, "The prime minister flew to Cairo for talks with Maria Lopez.")
    assert only(events, "CONSULT")["actor_names"] == ["prime minister"]


def test_denying_a_part_in_an_act_denies_doing_it_and_claiming_one_asserts_it(pipeline):
    # what is denied is that the militia bombed: the denied mention carries the militia,
    # so that a report asserting the militia's bombing contradicts it
    events, _ = events_of(pipeline, "The militia denied responsibility for the bombing.")
    bombing = only(events, "ASSAULT")
    assert bombing["actor_names"] == ["militia"] and bombing["factuality"] == "denied"
    events, _ = events_of(pipeline, "Velnor denied any involvement in the attacks on the port.")
    assert (only(events, "ASSAULT")["actor_names"], only(events, "ASSAULT")["factuality"]) == (["Velnor"], "denied")
    events, _ = events_of(pipeline, "The militia claimed responsibility for the bombing.")
    assert (only(events, "ASSAULT")["actor_names"], only(events, "ASSAULT")["factuality"]) == (["militia"], "asserted")
    events, _ = events_of(pipeline, "No group has claimed responsibility for the bombing.")
    assert (only(events, "ASSAULT")["actor_names"], only(events, "ASSAULT")["factuality"]) == ([], "asserted")


@pytest.mark.parametrize("text, actors, factuality", [
    # the act named past a time, its "for" hung on the verb
    ("The militia claimed responsibility on Monday for the bombing of the market.", ["militia"], "asserted"),
    ("Velnor denied any involvement on Sunday in the attacks on the port.", ["Velnor"], "denied"),
    # the act told by a relative clause on what the part is in
    ("The Kessa Liberation Front claimed responsibility for a car bomb that killed 12 people in Orsk.",
     ["Kessa Liberation Front"], "asserted"),
    ("The Kessa Liberation Front denied any role in a car bomb that killed 12 people in Orsk.",
     ["Kessa Liberation Front"], "denied"),
    # who was behind it did it
    ("Police said the Varnel Front was behind the bombing of the market.", ["Varnel Front"], "asserted"),
    # not the town a compass point the parser hung on the name places it by
    ("Police said the Varnel Front, an armed group active in the forests west of Beni, was behind the "
     "bombing of the market.", ["Varnel Front"], "asserted"),
    # a part held, or none: "had no role in", "was not involved in", "had nothing to do with"
    ("The Varnel Front said it had no role in the bombing of the market.", ["Varnel Front"], "denied"),
    ("The Varnel Front said it played no part in the bombing of the market.", ["Varnel Front"], "denied"),
    ("The Varnel Front said it was not involved in the bombing of the market.", ["Varnel Front"], "denied"),
    ("The Varnel Front said it had nothing to do with the bombing of the market.", ["Varnel Front"], "denied"),
    ("Police said the Varnel Front had a role in the bombing of the market.", ["Varnel Front"], "asserted"),
    ("The militia denied that it had played any role in the bombing of the market.", ["militia"], "denied"),
    # one described as taking part is no actor of it
    ("Police want to question anyone involved in the bombing of the market.", [], "asserted"),
    # a part denied as a gerund: the denier's own, whichever verb tells it
    ("The militia denied being involved in the bombing of the market.", ["militia"], "denied"),
    ("The militia denied taking part in the bombing of the market.", ["militia"], "denied"),
    ("The militia denied participating in the bombing of the market.", ["militia"], "denied"),
    # a part of which no sign is found
    ("Inspectors found no sign that the Varnel Front had been involved in the bombing of the market.",
     ["Varnel Front"], "denied"),
])
def test_a_part_claimed_past_a_time_or_a_doer_behind_it_is_its_actor(pipeline, text, actors, factuality):
    events, _ = events_of(pipeline, text)
    # (each act it is told by: "a car bomb that killed 12 people" is the bomb and its toll)
    found = [(e["actor_names"], e["factuality"]) for e in events if e["type"] == "ASSAULT"]
    assert found and all(f == (actors, factuality) for f in found), found


@pytest.mark.parametrize("text, trigger, factuality", [
    # denied is what became of the talks, not that there were talks
    ("The ministry denied reports that talks with Tarsk had stalled.", "talks", "asserted"),
    ("The army denied that the ceasefire in Orsk had collapsed.", "ceasefire", "asserted"),
    # denied is the act itself
    ("The army denied that the attack on Orsk took place.", "attack", "denied"),
    # what no evidence is found of is told as untrue; evidence found tells nothing
    ("Inspectors said there was no evidence that the army had shelled the market.", "shelled", "denied"),
    ("Inspectors did not find any evidence of an attack on Orsk.", "attack", "denied"),
    ("Inspectors found evidence of an attack on Orsk.", "attack", "asserted"),
    # with no "that", which the parser takes for a relative clause; not a clause with its own
    # relative word ("the report that the ministry issued")
    ("The minister said there was no evidence the attacks came from Yemen.", "attacks", "denied"),
    ("Inspectors said the report that the ministry issued described an attack on Orsk.", "attack", "asserted"),
    # blamed "for" an act: the act is given, who did it is what is claimed
    ("The minister blamed the Varnel Front for the bombing of the market.", "bombing", "asserted"),
    ("The minister accused the Varnel Front of shelling the market.", "shelling", "claimed"),
    ("The minister blamed the bombing of the market on the Varnel Front.", "bombing", "asserted"),
])
def test_a_denied_fate_or_an_act_blamed_on_someone_is_given(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    assert [e["factuality"] for e in events if e["trigger"]["text"] == trigger] == [factuality]


@pytest.mark.parametrize("text, actors, factuality", [
    # an attack a group claims is told as done, by the group: not a report passed on
    ("The Varnel Front, which claimed the strike, warned it would hit more ports.", ["Varnel Front"], "asserted"),
    ("The militia claimed the bombing, saying it had targeted soldiers.", ["militia"], "asserted"),
    # credit claimed is responsibility claimed
    ("The Varnel Front claimed credit for the bombing of the depot.", ["Varnel Front"], "asserted"),
    # a capture claimed is a claim of control, not owned
    ("The militia claimed the capture of the town.", [], "claimed"),
    # claimed to have done it: passed on as the doer's claim, not vouched for
    ("Rebels of the Varnel Front claimed on Tuesday to have captured the town of Orsk.", ["Varnel Front"],
     "claimed"),
])
def test_an_attack_a_group_claims_is_done_by_it(pipeline, text, actors, factuality):
    events, _ = events_of(pipeline, text)
    assert [(e["actor_names"], e["factuality"]) for e in events if e["type"] == "ASSAULT"] == [(actors, factuality)]


@pytest.mark.parametrize("text, trigger, actors, targets", [
    # who is blamed for an act, or whom it is blamed on, is its doer (what is claimed)
    ("The army blamed the Varnel Front for the ambush near Orsk.", "ambush", ["Varnel Front"], []),
    ("The army blamed the shelling on the Varnel Front.", "shelling", ["Varnel Front"], []),
    # "on" hung on the act by the parser is still whom it is blamed on, not whom it hit
    ("Residents blamed the attack on herders from a neighbouring village.", "attack", ["herders"], []),
    # the accused does what they are accused of, whatever the parser hangs "of" on; what
    # the act is done to is no accused
    ("Police accused the rebels of carrying out the bombing.", "carrying out the bombing", ["rebels"], []),
    ("The commander accused the army of massing troops near Bara.", "massing troops", ["army"], ["troops"]),
    # an "it" that is somewhere is someone: "it was behind the attack"
    ("The army rejected accusations that it was behind the attack.", "attack", ["army"], []),
])
def test_who_is_blamed_for_an_act_does_it(pipeline, text, trigger, actors, targets):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert (event["actor_names"], event["target_names"]) == (actors, targets), event


@pytest.mark.parametrize("text, trigger, actors", [
    # people are who does what they do, themselves or counted
    ("Hundreds of people marched through Kessa on Thursday.", "marched", ["people"]),
    ("Several hundred displaced people blocked the road to the airstrip.", "blocked", ["Several hundred displaced people"]),
    ("About 8,000 people had fled to Chad by Sunday.", "fled", ["About 8,000 people"]),
    ("Dozens of parents blocked the road to the school.", "blocked", ["parents"]),
    # those a participle says do it
    ("Police fired on thousands of opposition supporters protesting against the result.", "protesting",
     ["opposition supporters"]),
    # but not what is done to people, even with its auxiliary left out
    ("The official said seven health workers had been taken and four people killed.", "killed", []),
])
def test_people_do_what_they_are_said_to_do(pipeline, text, trigger, actors):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == trigger)["actor_names"] == actors


def test_whom_an_accuser_blames_does_not_do_what_others_tell_next(pipeline):
    text = ("The Front blamed Velnor for the attack on the convoy. Mourners said the Kessa governor was killed "
            "in the attack.")
    events, _ = events_of(pipeline, text)
    attacks = [e["actor_names"] for e in events if e["trigger"]["text"] == "attack"]
    assert attacks == [["Velnor"], []], attacks
    # but the accuser's own words go on naming them
    text = ("The Front accused Velnor of shelling the market. \"This massacre will not be forgotten,\" "
            "the Front said.")
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == "massacre")["actor_names"] == ["Velnor"]


def test_a_truce_is_not_kept_by_those_who_fled(pipeline):
    events, _ = events_of(pipeline, "About 900 people fled to Chad on Sunday. The truce held on Monday.")
    assert next(e for e in events if e["trigger"]["text"] == "truce")["actor_names"] == []


@pytest.mark.parametrize("text, trigger, actor", [
    # what is done by saying it is the speaker's, where the parse gives its verb no subject
    ("The Orsk Front said the strike was carried out by an army drone and called for an international "
     "investigation.", "called", "Orsk Front"),
    ("The Kessa Rights Observatory, a local rights group, called for an independent inquiry.", "called",
     "Kessa Rights Observatory"),
    # a call for someone to act, "for" taken for the clause's mark
    ("The army called for residents to leave the town.", "called", "army"),
])
def test_an_act_done_by_saying_it_is_the_speaker_s(pipeline, text, trigger, actor):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == trigger)["actor_names"] == [actor]


@pytest.mark.parametrize("text, trigger, actor", [
    ("Images show that a drone operated by the Velnor army carried out the strike on the market.",
     "carried out the strike", "Velnor army"),
    ("Missiles launched by the Tamber Front struck the port of Kessa.", "struck", "Tamber Front"),
])
def test_a_weapon_acts_for_who_wields_it(pipeline, text, trigger, actor):
    events, _ = events_of(pipeline, text)
    assert actor in next(e for e in events if e["trigger"]["text"] == trigger)["actor_names"]


def test_wanting_to_thank_is_thanking_and_wanting_to_support_is_a_promise(pipeline):
    events, _ = events_of(pipeline, "I want to thank Velnor for its help.")
    assert [e["type"] for e in events] == ["SUPPORT"]
    events, _ = events_of(pipeline, "Velnor wants to support the talks.")
    assert [e["type"] for e in events] == ["AGREE"]


def test_a_plural_possessive_with_a_lone_apostrophe_does_the_noun(pipeline):
    events, _ = events_of(pipeline, "The rebels’ new offensive on Dorva stalled within a week.")
    assert only(events, "ASSAULT")["actor_names"] == ["rebels"]


def test_a_gerund_of_a_nouns_object_is_done_by_the_verbs_subject(pipeline):
    events, _ = events_of(pipeline, "The militia bears responsibility for refusing to negotiate.")
    assert [e["actor_names"] for e in events if e["type"] == "REJECT"] == [["militia"]]


def test_a_means_through_which_a_subject_acts_is_its_own(pipeline):
    events, _ = events_of(pipeline, "Velnor is starving the city of food through a naval blockade of the port.")
    assert [e["actor_names"] for e in events if "blockade" in e["trigger"]["text"]] == [["Velnor"]]
    events, _ = events_of(pipeline, "Tarsk will keep up the pressure on Velnor, including through new sanctions.")
    assert [e["actor_names"] for e in events if "sanctions" in e["trigger"]["text"]] == [["Tarsk"]]


def test_who_goes_somewhere_to_take_part_takes_part(pipeline):
    events, _ = events_of(pipeline, "Maria Lopez led a delegation to Geneva to participate in talks with Tarsk.")
    assert [e["actor_names"] for e in events if e["type"] == "CONSULT"] == [["Maria Lopez"]]
    events, _ = events_of(pipeline, "Velnor continues to work, in partnership with Tarsk, to rebuild the bridge.")
    assert only(events, "COOPERATE")["actor_names"] == ["Velnor"]


def test_what_a_noun_includes_is_done_by_whoever_the_noun_names(pipeline):
    events, _ = events_of(pipeline, "The talks follow recent European Union actions, including suspending "
                                    "flights to Tarsk.")
    assert [e["actor_names"] for e in events if e["type"] == "SANCTION"] == [["European Union"]]


def test_a_participle_without_auxiliary_is_done_to_the_noun_before_it(pipeline):
    events, _ = events_of(pipeline, "The four firms sanctioned on Monday supply the militia with fuel.")
    assert only(events, "SANCTION")["actor_names"] == []  # not the firms


def test_an_agentless_decree_in_a_governments_own_release_is_the_issuers(pipeline):
    text = "We condemn the militia's attacks. Three of its leaders were sanctioned today."
    record = pipeline(text, published="2024-12-07", source="U.S. Department of State")
    names = {e["id"]: e["name"] for e in record["entities"]}
    sanctioned = [e for e in record["events"] if e["type"] == "SANCTION"]
    assert [[names[a] for a in e["actors"]] for e in sanctioned] == [["United States"]]
    record = pipeline(text, published="2024-12-07")  # no one known who speaks: no actor guessed
    assert [e["actors"] for e in record["events"] if e["type"] == "SANCTION"] == [[]]


def test_an_agentless_passive_repeating_a_verb_takes_that_verbs_actor(pipeline):
    events, _ = events_of(pipeline, "Military judges sentenced 40 students to prison. Others were "
                                    "sentenced to forced labour.")
    sentenced = [e["actor_names"] for e in events if e["trigger"]["text"] == "sentenced"]
    assert sentenced == [["Military judges"], ["Military judges"]]


def test_an_unnamed_jailer_is_the_government_of_the_country_the_story_is_about(pipeline):
    events, _ = events_of(pipeline, "The Belarusian government has silenced its critics. Dozens of students "
                                    "were arrested after the vote and charged with treason.")
    arrested = next(e for e in events if e["trigger"]["text"] == "arrested")
    assert arrested["actor_names"] == ["Belarusian government"]
    events, _ = events_of(pipeline, "Iran's leaders face criticism abroad. Two French tourists were "
                                    "arrested last year. Their release from a prison in Iran was announced on Sunday.")
    assert [e["actor_names"] for e in events if e["type"] in ("COERCE", "RETREAT")] == [["Iran"], ["Iran"]]
    events, _ = events_of(pipeline, "Iran's leaders face criticism abroad.\n\nThe release of two hostages "
                                    "was announced on Sunday.")  # freed by a state or a group: no guess
    assert [e["actor_names"] for e in events if e["type"] == "RETREAT"] == [[]]


def test_the_international_community_is_an_actor(pipeline):
    events, _ = events_of(pipeline, "The siege of Dorva was condemned by the international community.")
    assert [e["actor_names"] for e in events if e["type"] == "ACCUSE"] == [["international community"]]


def test_a_date_after_on_is_no_one_called_upon(pipeline):
    events, _ = events_of(pipeline, "On Monday the junta continued to detain the students.")
    assert only(events, "COERCE")["actor_names"] == ["junta"]


def test_in_cooperation_with_hung_on_the_object_still_tells_how_the_verb_is_done(pipeline):
    events, _ = events_of(pipeline, "Velnor sent millions of dollars’ worth of fuel to the militia in "
                                    "cooperation with Tarsk.")
    assert only(events, "COOPERATE")["actor_names"] == ["Velnor"]


def test_a_verb_without_subject_after_and_or_a_semicolon_shares_the_subject_before(pipeline):
    events, _ = events_of(pipeline, "The Velnor ministry praised the rescuers. And reaffirmed its pledge to "
                                    "rebuild the town.")
    assert [e["actor_names"][0] for e in events if "pledge" in e["trigger"]["text"]] == ["Velnor ministry"]
    events, _ = events_of(pipeline, "The council reaffirms its commitment to the people of Tarsk; will continue "
                                    "to support the farmers.")
    assert [e["actor_names"] for e in events if e["trigger"]["text"] == "support"] == [["council"]]


def test_the_state_a_crackdown_is_of_may_be_told_as_a_speaker(pipeline):
    # "Belarus said" makes an organisation of Belarus for the tagger; it is still the state
    # the story is about, not the country of the minister who speaks of the crackdown
    events, record = events_of(pipeline, "Belarus said on Tuesday that the sanctions were illegal. Lithuania's "
                                         "foreign minister said further sanctions would follow if the crackdown "
                                         "continued.")
    assert only(events, "COERCE")["actor_names"] == ["Belarus"]


def test_a_crackdown_without_doer_is_the_regime_the_text_names_after_its_leader(pipeline):
    events, _ = events_of(pipeline, "The Dane regime has ruled Velnor for years. The brutal crackdown on "
                                    "students followed the vote.")
    assert only(events, "COERCE")["actor_names"] == ["Dane regime"]


def test_a_verb_with_an_object_acts_whatever_its_tag(pipeline):
    # the tagger reads "conducted" after a long subject as a participle; with an object it acts
    events, _ = events_of(pipeline, "U.S. military forces—with support from Australia—successfully conducted "
                                    "strikes against targets in Yemen.")
    assert "U.S. military forces" in only(events, "ASSAULT")["actor_names"]


def test_a_passive_done_between_parties_is_done_by_them(pipeline):
    events, _ = events_of(pipeline, "Turkey and Libya signed a maritime deal in November. In January, a memorandum "
                                    "on the pipeline was signed between Cyprus, Greece and Israel.")
    signed = [e for e in events if e["trigger"]["text"] == "signed"]
    assert sorted(signed[-1]["actor_names"]) == ["Cyprus", "Greece", "Israel"], signed


@pytest.mark.parametrize("text, found", [
    ("After years of civil war in Velnor, the president fled.", True),
    ("Velnor's unprovoked war against Tarsk has killed thousands.", True),
    ("Monitors documented atrocities in the town.", True),
    ("They demanded an inquiry into police violence against students.", True),
    ("Commandos eliminated the militant commander in a raid.", True),
    ("A trade war between Velnor and Tarsk looms.", False),
    ("Domestic violence rose during the lockdown.", False),
    # a convoy that came under fire was attacked, shells that landed struck, soldiers mutinied
    ("The second convoy came under fire near Orsk on Saturday.", True),
    ("At least four shells landed in the hospital compound in Orsk.", True),
    ("Soldiers mutinied at the barracks in Orsk on Monday.", True),
    # not a minister under fire from lawmakers, nor a plane that landed
    ("The minister came under fire from lawmakers over the budget.", False),
    ("The plane landed in Orsk on Monday.", False),
    # people taken by gunmen are abducted; by buses, taken somewhere
    ("Gunmen took 40 students from the school in Orsk on Monday.", True),
    ("Buses took women and children to schools and sports halls in Orsk.", False),
])
def test_wars_atrocities_and_violence_are_assaults_and_their_figures_of_speech_are_not(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "ASSAULT" for e in events) is found, events


@pytest.mark.parametrize("text, event_type", [
    ("Thousands marched from the stadium toward the palace.", "PROTEST"),
    ("The council suspended the curfew on Monday.", "CONCEDE"),
    ("The council suspended aid to the region.", "SANCTION"),
    ("The minister held calls this weekend with his Tarskan counterpart.", "CONSULT"),
])
def test_marches_suspensions_and_calls_by_what_goes_with_them(pipeline, text, event_type):
    events, _ = events_of(pipeline, text)
    assert event_type in [e["type"] for e in events], events


@pytest.mark.parametrize("text", [
    "The army said it had regained control of the presidential palace in Dornik.",
    "The rebels wrested control of Dornik from the army on Monday.",
    "Fighters of the Varnel Front assumed control of the airport.",
    "Tarskan tanks rolled into Dornik on Tuesday.",
])
def test_control_regained_wrested_or_assumed_and_tanks_rolling_in_are_territory_taken(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == [("ASSAULT", "territory")], events


@pytest.mark.parametrize("text, event_type, mode, actor", [
    ("Bandits kidnapped 20 passengers from a bus near Dornik.", "ASSAULT", "abduct", "Bandits"),
    ("Rioters set ablaze several shops in Dornik.", "ASSAULT", "destroy", "Rioters"),
    ("Pirates hijacked a cargo ship off Dornik.", "ASSAULT", "abduct", "Pirates"),
    ("Soldiers traded fire with rebels across the river near Dornik.", "ASSAULT", None, "Soldiers"),
])
def test_bandits_pirates_and_rioters_do_what_they_do(pipeline, text, event_type, mode, actor):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"], e["actor_names"]) for e in events] == [(event_type, mode, [actor])], events


def test_fighting_between_two_sides_is_an_assault(pipeline):
    events, _ = events_of(pipeline, "Fighting between rival militias erupted in Dornik.")
    assert [e["type"] for e in events] == ["ASSAULT"], events


def test_militants_neutralised_are_killed_and_a_threat_neutralised_is_no_attack(pipeline):
    events, record = events_of(pipeline, "The army said it had neutralised 12 militants near Dornik.")
    assert "ASSAULT" in [e["type"] for e in events], events
    assert [(f["category"], f["value"]) for f in record["figures"]] == [("killed", 12)], record["figures"]
    events, _ = events_of(pipeline, "The team neutralised the threat.")
    assert events == [], events


def test_agreeing_that_is_an_agreement_and_a_day_is_no_preposition_of_a_trigger(pipeline):
    events, _ = events_of(pipeline, "The two leaders agreed on Wednesday that talks on Dornik should resume.")
    assert "AGREE" in [e["type"] for e in events], events
    events, _ = events_of(pipeline, "Protesters marched on Saturday in Dornik.")
    assert "PROTEST" in [e["type"] for e in events], events


@pytest.mark.parametrize("text", [
    "The government declared a state of emergency in three provinces of Tarsk.",
    "The junta extended the state of emergency in Dornik by a month.",
])
def test_a_state_of_emergency_coerces(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert ("COERCE", "martial-law") in [(e["type"], e["mode"]) for e in events], events


@pytest.mark.parametrize("text, found", [
    ("Thousands marched in Dornik to demand the release of the students.", True),
    ("Thousands marched in Dornik on Saturday.", True),
    ("Troops marched into Dornik on Saturday.", False),
    ("Soldiers marched in the parade.", False),
])
def test_a_march_of_people_is_a_protest_and_one_of_troops_is_not(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert ("PROTEST" in [e["type"] for e in events]) is found, events


@pytest.mark.parametrize("text, found", [
    ("Velnor announced new humanitarian assistance for the region.", True),
    ("Congress approved military aid to Tarsk.", True),
    ("Emergency relief reached the valley on Monday.", True),
    ("Food reached the besieged town overnight.", True),
    ("A medical team arrived in Abala with medicines on Monday.", True),
    ("Food shortages reached crisis levels in May.", False),
    ("Aid workers left the town.", False),
    ("He gave first aid to a wounded man.", False),
])
def test_aid_named_by_its_kind(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "AID" and e["trigger"]["text"] != "gave" for e in events) is found, events


@pytest.mark.parametrize("text, dated, undated", [
    # the withdrawal is on Tuesday; the entry, a day before it, is not dated by "a day after"
    ("The army withdrew from Dornik on Tuesday, a day after rebel fighters entered the town.", "withdrew", "entered"),
    ("Protesters marched in Dornik on Friday, two days after police arrested the students.", "marched", "arrested"),
])
def test_a_time_after_which_another_event_came_does_not_date_the_event_it_measures_from(pipeline, text, dated,
                                                                                         undated):
    events, record = events_of(pipeline, text, published="2031-03-06")
    times = {t["id"]: t["value"] for t in record["times"]}
    by_trigger = {e["trigger"]["text"]: e for e in events}
    assert times.get(by_trigger[dated].get("time"), "")[:4] == "2031", by_trigger[dated]
    assert by_trigger[undated].get("time") is None, (by_trigger[undated], record["times"])


@pytest.mark.parametrize("text, trigger, value", [
    ("The raid was the deadliest in Varnel since February last year, when an air strike on a market killed "
     "19 people.", "air strike", "2030-02"),
    ("Rebels last held the town in 2019, when the army withdrew from it.", "withdrew", "2019"),
    # a "when" clause after no time is dated as before: by nothing of its own
    ("The governor said that when troops arrived, they opened fire.", "opened fire", None),
])
def test_a_when_clause_after_a_time_is_dated_by_it(pipeline, text, trigger, value):
    events, record = events_of(pipeline, text, published="2031-04-14")
    times = {t["id"]: t["value"] for t in record["times"]}
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert times.get(event.get("time")) == value, (event, record["times"])


@pytest.mark.parametrize("text, trigger", [
    # a clause the act is told after, before or because of has its own time
    ("The ministry confirmed that seven guards were killed, after footage of the raid on the prison was broadcast "
     "on Thursday.", "killed"),
    ("The council said it had agreed to talks with the government in Dornik, after the army began an offensive "
     "on Wednesday.", "talks"),
    # nor of a clause the verb that tells it is told after ("killed in the attack, after ...")
    ("The Border Service said on Monday that five guards had been killed in the attack, after a wounded guard "
     "died in hospital on Saturday.", "attack"),
    # nor the time of what a clause beside one joined to the act's tells ("the figures it gave on Thursday")
    ("Kessa Shipping said on Friday that two crew members had died and four others were injured, repeating the "
     "figures it gave on Thursday.", "died"),
])
def test_a_time_of_a_clause_after_or_before_the_act_does_not_date_it(pipeline, text, trigger):
    assert_undated(pipeline, text, trigger, published="2031-05-14")


@pytest.mark.parametrize("text, triggers", [
    # a noun for the one who did an act "of" it: whom it is said of did it, and every act listed
    ("Aram Tessel was the mastermind of the massacres, rapes and kidnappings in Orsk.",
     ["massacres", "rapes", "kidnappings"]),
    ("Police arrested Aram Tessel, the architect of the attack on the convoy.", ["attack"]),
])
def test_the_mastermind_of_an_act_is_its_actor(pipeline, text, triggers):
    events, record = events_of(pipeline, text, published="2031-05-14")
    names = {e["id"]: e["name"] for e in record["entities"]}
    for trigger in triggers:
        event = next(e for e in events if e["trigger"]["text"] == trigger)
        assert [names[a] for a in event["actors"]] == ["Aram Tessel"], event


@pytest.mark.parametrize("text, trigger", [
    # the small model takes these towns for bodies; the places layer places them: they are
    # where the act is, not whom it is done to
    ("Armed men raided Bamenda on Monday night, residents said.", "raided Bamenda"),
    ("Rebels shelled Kosti on Tuesday, killing four people.", "shelled Kosti"),
])
def test_a_town_the_tagger_took_for_a_body_is_where_an_act_is_not_its_target(pipeline, text, trigger):
    events, record = events_of(pipeline, text, published="2031-05-14")
    places = {p["id"]: p["name"] for p in record["places"]}
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event["targets"] == [] and [places[p] for p in event["places"]] == [trigger.split()[-1]], event


@pytest.mark.parametrize("text, trigger, value", [
    # a clause the act is told beside dates it by its own words, not by what its nouns are
    ("As we approach one year since the violence committed by the army on Unity Day 2030, the Kessa government "
     "is imposing sanctions on five officers.", "imposing sanctions", None),
    ("As fighting raged on Tuesday, the army shelled the town of Dornik.", "shelled", "2031-05-13"),
    # a clause that says what the place is has its own time; one that tells in the past what
    # happened there tells of the act
    ("Two bombs fell on the Wendou camp, where some 9,000 displaced people have lived since 2029.", "fell", None),
    ("The army shelled the town of Dornik, which has been under rebel control since 2029.", "shelled", None),
    ("No one said who fired on Baila, where five people were killed on May 3.", "fired", "2031-05-03"),
])
def test_a_clause_beside_an_act_or_about_its_place_dates_it_only_by_its_own_words(pipeline, text, trigger, value):
    events, record = events_of(pipeline, text, published="2031-05-14")
    times = {t["id"]: t["value"] for t in record["times"]}
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert times.get(event.get("time")) == value, (event, record["times"])


@pytest.mark.parametrize("text", [
    "Thousands of protesters took to the streets of Orsk nearly one year ago, on July 11, 2030.",
    "Thousands of protesters took to the streets of Orsk on July 11, 2030, nearly one year ago.",
])
def test_of_two_times_set_side_by_side_an_act_takes_the_more_precise(pipeline, text):
    events, record = events_of(pipeline, text, published="2031-06-30")
    times = {t["id"]: t["value"] for t in record["times"]}
    took = next(e for e in events if e["trigger"]["text"] == "took")
    assert times.get(took.get("time")) == "2030-07-11", (took, record["times"])


@pytest.mark.parametrize("text, trigger, target", [
    ("After months of being unjustly detained in Orsk, Aram Tessel is on his way home.", "detained", "Aram Tessel"),
    ("Several reporters were hurt after being attacked by protesters in Orsk.", "attacked", "Several reporters"),
])
def test_a_passive_clause_with_no_subject_is_done_to_the_main_clause_s(pipeline, text, trigger, target):
    events, record = events_of(pipeline, text, published="2031-05-14")
    names = {e["id"]: e["name"] for e in record["entities"]}
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert [names[t] for t in event["targets"]] == [target], (event, record["entities"])


def test_a_time_in_what_the_doer_is_said_to_be_does_not_date_the_act(pipeline):
    events, record = events_of(pipeline, "The ministry said the shells were fired by the Varnel Front, a rebel "
                               "movement whose fighters have held positions near the city since January.",
                               published="2031-05-14")
    fired = next(e for e in events if e["trigger"]["text"] == "fired")
    assert fired.get("time") is None, (fired, record["times"])


def test_an_attack_a_day_before_another_is_not_where_the_other_was(pipeline):
    events, record = events_of(pipeline, "Shells hit a camp on the edge of Aleppo on Sunday, a day after an "
                               "artillery attack on a hospital drew international condemnation.",
                               published="2031-05-16")
    attack = next(e for e in events if e["trigger"]["text"] == "artillery attack")
    assert attack["places"] == [], (attack, record["places"])


def test_a_time_before_an_attack_named_as_a_noun_still_dates_the_main_clause(pipeline):
    events, record = events_of(pipeline, "Two days after the attack on Dornik, the army withdrew its troops.",
                               published="2031-03-06")
    withdrawal = only(events, "RETREAT")
    assert withdrawal.get("time") is not None, record["times"]
    attack = only(events, "ASSAULT")
    assert attack.get("time") is None


@pytest.mark.parametrize("text, trigger, actors", [
    # a town that only says whose the people in an "of" are does not act; the kidnappers do
    ("The kidnappers of the Ostrin schoolchildren have demanded a ransom, a negotiator said.", "demanded",
     ["kidnappers of the Ostrin schoolchildren"]),
    # a group that the doers are part of does: its fighters are the Front
    ("Fighters of the Varnel Front attacked a checkpoint near Orsk on Monday.", "attacked", ["Varnel Front"]),
    # a town's name before the attack names where it was, even where the places layer
    # placed only its other mentions
    ("KADUGLI, Sudan, May 15 — Shells hit a camp on the edge of Kadugli on Sunday, killing seven people. The "
     "Varnel Front did not respond to questions about the Kadugli attack.", "Kadugli attack", []),
])
def test_a_town_that_modifies_whom_the_doers_are_of_is_not_a_doer(pipeline, text, trigger, actors):
    events, record = events_of(pipeline, text, published="2031-03-06")
    names = {e["id"]: e["name"] for e in record["entities"]}
    found = next(e for e in events if e["trigger"]["text"] == trigger)
    assert [names[a] for a in found["actors"]] == actors, found


@pytest.mark.parametrize("text, mode", [
    ("The interior ministry denied that officers had used live ammunition.", "firearms"),
    ("An officer fired live rounds into the air during the protest.", "firearms"),
    # the weapon as the passive's subject
    ("The minister said that no live rounds had been fired at the march.", "firearms"),
])
def test_live_ammunition_is_firearms(pipeline, text, mode):
    events, _ = events_of(pipeline, text, published="2031-10-09")
    assert [e["mode"] for e in events if e["type"] == "ASSAULT"] == [mode], events


@pytest.mark.parametrize("text, modes", [
    # the weapon an attack told in the passive is done by
    ("A commercial tanker was struck by a drone in the Red Sea on Tuesday.", ["drone"]),
    # bombs dropped from the air are an air strike; a suicide bomber's, explosives
    ("Harrowland warplanes bombed a displacement camp in Orsk on Tuesday.", ["aerial"]),
    ("Militants bombed the bridge.", ["explosives"]),
    ("A suicide bomber blew himself up at a checkpoint.", ["explosives"]),
    # the round is what the shot was fired with, told by the verb coordinated with it
    ("For the first time in weeks, police fired and landed a live round on a protester.", ["firearms"]),
    # a coordinated verb that tells an act of its own keeps its weapon to itself
    ("Soldiers stormed the village and fired artillery shells at the houses.", [None, "heavy-weapons"]),
    # a plural weapon that opens the sentence, which the tagger takes for a name
    ("Drones attacked the Orsk refinery on Saturday.", ["drone"]),
])
def test_the_weapon_an_attack_is_done_with(pipeline, text, modes):
    events, _ = events_of(pipeline, text, published="2031-10-09")
    assert [e["mode"] for e in events if e["type"] == "ASSAULT"] == modes, events


@pytest.mark.parametrize("text, fact, actor", [
    # the place is the subject; who took it, the "to"
    ("Kharkiv fell to the Northern Alliance on Tuesday.", "asserted", "Northern Alliance"),
    # said never to come: denied, not a threat of the speaker's
    ('"Kharkiv will never fall," the ministry spokesman said.', "denied", None),
    # a fall of no place, or no taking
    ("Gaza fell silent after the ceasefire took effect.", None, None),
    ("Prices in Kyiv fell by 5 percent last month.", None, None),
])
def test_a_place_that_falls_is_taken(pipeline, text, fact, actor):
    events, record = events_of(pipeline, text, published="2031-06-03")
    names = {e["id"]: e["name"] for e in record["entities"]}
    places = {p["id"]: p["name"] for p in record["places"]}
    fallen = [e for e in events if e["trigger"]["text"] in ("fell", "fall")]
    if fact is None:
        assert not fallen, events
        return
    assert [(e["type"], e["mode"], e["factuality"]) for e in fallen] == [("ASSAULT", "territory", fact)], events
    assert [names[a] for a in fallen[0]["actors"]] == ([actor] if actor else [])
    assert [places[p] for p in fallen[0]["places"]] == ["Kharkiv"]


@pytest.mark.parametrize("text, taken", [
    ("Rebels took Kharkiv on Tuesday.", True),
    ("The Northern Alliance took the city on Tuesday after a week-long offensive.", True),
    # what "took" takes is time, a side or a road, not a place
    ("It took Kyiv two weeks to respond.", False),
    ("The president took Syria's side in the dispute.", False),
    ("Refugees took the road to the border.", False),
])
def test_taking_a_place_is_taking_it(pipeline, text, taken):
    events, _ = events_of(pipeline, text, published="2031-06-03")
    assert any(e["type"] == "ASSAULT" and e["mode"] == "territory" for e in events) is taken, events


@pytest.mark.parametrize("text, told", [
    # a part denied or claimed in an act the sentence does not name: the act told before
    ("A car bomb exploded in a market in Velnar on Monday.\nThe Varnel Front, which has carried out similar "
     "bombings, denied any involvement.", ("involvement", "ASSAULT", "denied", "Varnel Front")),
    ("Gunmen abducted two aid workers near Orsk on Friday. The Varnel Front claimed responsibility in a statement.",
     ("responsibility", "ASSAULT", "asserted", "Varnel Front")),
    # the attack is what is claimed, not the blockade told after it
    ("Gunmen attacked the army post at Orsk on Friday. Fighters surrounded the post for hours. The Varnel Front "
     "claimed responsibility in a statement.", ("responsibility", "ASSAULT", "asserted", "Varnel Front")),
    # no one claims it, or a part that is no claim of a part in the act
    ("A car bomb exploded in a market in Velnar on Monday. No group claimed responsibility.", None),
    ("A car bomb exploded in a market in Velnar on Monday. The interior minister took responsibility and resigned.",
     None),
    # the act named: the bombing is the mention, not the involvement
    ("A car bomb exploded in Velnar on Monday. The Front denied any involvement in the bombing.", None),
    # the act the one who denies it is blamed for, whatever the paragraph before told
    ("Gunmen raided the prison in Orsk on Monday, freeing 300 inmates.\nThe governor imposed a curfew.\nThe "
     "Harrow Brigade, which residents had blamed for the raid, denied any involvement.",
     ("involvement", "ASSAULT", "denied", "Harrow Brigade")),
    # not an act it is said to have done before
    ("A car bomb exploded in a market in Velnar on Monday.\nThe Varnel Front, which has held hostages before, "
     "denied any involvement.",
     ("involvement", "ASSAULT", "denied", "Varnel Front")),
])
def test_a_part_claimed_or_denied_in_an_act_told_before_is_a_mention_of_it(pipeline, text, told):
    events, record = events_of(pipeline, text, published="2031-03-06")
    names = {e["id"]: e["name"] for e in record["entities"]}
    parts = [(e["trigger"]["text"], e["type"], e["factuality"], names[e["actors"][0]] if e["actors"] else None)
             for e in events if e["trigger"]["text"] in ("involvement", "responsibility")]
    assert parts == ([told] if told else []), events


@pytest.mark.parametrize("text, attack, dated", [
    # what the attack did to people is told when it happened: the attack takes that time
    ("On Monday, two soldiers were killed in a drone attack near Dornik, the army said.", "drone attack", True),
    ("Last week, five villagers died in an airstrike on the market in Dornik.", "airstrike", True),
    ("On Friday three civilians were wounded by shelling in Dornik.", "shelling", True),
    # an arrest "in" a raid is no outcome of it: the raid may have begun days before
    ("On Monday, two students were arrested in a raid on the campus in Dornik.", "raid", False),
])
def test_an_attack_named_in_what_it_did_to_people_takes_that_clause_s_time(pipeline, text, attack, dated):
    events, record = events_of(pipeline, text, published="2031-03-06")
    found = next(e for e in events if e["trigger"]["text"] == attack)
    assert (found.get("time") is not None) is dated, (found, record["times"])


@pytest.mark.parametrize("text, attack, day", [
    # an attack met as it happened is dated by the verb that met it, not by the saying
    ("The army said on Wednesday that it had repelled an attack on its garrison in Dornik on Tuesday.",
     "attack", "2031-03-04"),
    ("The governor said on Wednesday that he had survived an ambush on his convoy on Monday.", "ambush",
     "2031-03-03"),
])
def test_an_attack_met_as_it_happened_takes_the_time_of_the_verb_that_met_it(pipeline, text, attack, day):
    events, record = events_of(pipeline, text, published="2031-03-05")
    found = next(e for e in events if e["trigger"]["text"] == attack)
    times = {t["id"]: t["value"] for t in record["times"]}
    assert times.get(found.get("time")) == day, (found, record["times"])


def test_an_attack_told_as_the_time_of_another_act_is_not_dated_by_the_saying(pipeline):
    # the patients fled during the attack; the ministry said so on Wednesday
    events, _ = events_of(pipeline, "The health ministry said on Wednesday that 11 patients had fled the Orsk "
                                    "clinic during the attack.", published="2031-03-06")
    assert next(e for e in events if e["trigger"]["text"] == "attack").get("time") is None, events


@pytest.mark.parametrize("text, act", [
    # "the shelling" names an act told before the saying, not one of its day
    ("The governor said on Thursday that 14 people had died in hospital after the shelling.", "shelling"),
    ("Police said on Friday that they had arrested two men over the attack.", "attack"),
])
def test_an_act_a_saying_names_again_is_not_dated_by_the_saying(pipeline, text, act):
    assert_undated(pipeline, text, act, published="2031-03-07")


@pytest.mark.parametrize("text, day", [
    # what was said of an act in a clause of its own is dated by that saying
    ("Velnor's ombudsman called for an inquiry into the strike, which the army acknowledged on Monday.", None),
    # but a clause that tells the act dates it
    ("The ombudsman spoke of the strike, which began on Monday.", "2031-03-03"),
])
def test_a_clause_that_says_something_of_an_act_does_not_date_it(pipeline, text, day):
    events, record = events_of(pipeline, text, published="2031-03-05")
    strike = next(e for e in events if e["trigger"]["text"] == "strike")
    times = {t["id"]: t["value"] for t in record["times"]}
    assert times.get(strike.get("time")) == day, (strike, record["times"])


def test_where_a_call_is_made_is_not_where_what_it_asks_for_happens(pipeline):
    # the rally is in Tarsk; the strike it demands an inquiry into is not placed there
    events, record = events_of(pipeline, "In Tarsk, relatives of the victims rallied on Wednesday to demand an "
                                         "inquiry into the market strike.", published="2031-03-06")
    places = {p["id"]: p["name"] for p in record["places"]}
    assert [places[p] for p in only(events, "PROTEST")["places"]] == ["Tarsk"], events
    strike = next(e for e in events if e["trigger"]["text"] == "market strike")
    assert strike["places"] == [], (strike, record["places"])


@pytest.mark.parametrize("text, act", [
    # "this year" frames "the deadliest attack": the killing is not dated by it
    ("The governor said that at least 30 people were killed in Orsk, making it the deadliest attack on civilians "
     "in Velnor this year.", "killed"),
    # nor is the ranked act by the time of its own ranking
    ("Gunmen shot dead a candidate for governor at a rally in Orsk, the most serious attack on a candidate "
     "before the October elections.", "serious attack"),
])
def test_the_time_of_a_ranking_does_not_date_the_act(pipeline, text, act):
    assert_undated(pipeline, text, act, published="2031-03-05")


@pytest.mark.parametrize("text, act", [
    # a call and a warning speak of what is to come, or of what was before: not of their day
    ("Relatives of the victims rallied in Orsk on Wednesday to demand an inquiry into the market shelling.",
     "market shelling"),
    ("The Tamber Front on Tuesday urged both sides to respect the ceasefire.", "ceasefire"),
    ("The governor warned on Monday of further attacks on the Dornik road.", "attacks"),
])
def test_an_act_a_call_or_a_warning_speaks_of_is_not_dated_by_it(pipeline, text, act):
    assert_undated(pipeline, text, act)


@pytest.mark.parametrize("text, trigger", [
    ("The decree removes sanctions on Velnor while keeping them on its former ruler.", "removes"),
    ("The ministry waived the sanctions on Tarsk's central bank for 90 days.", "waived"),
    ("Today the department announces the revocation of four terrorist designations.", "revocation"),
    ("The treasury issued a waiver of sanctions on grain shipments.", "issued"),
    ("The council eased the embargo on Velnor in March.", "eased"),
])
def test_easing_sanctions_is_a_concession_not_a_sanction(pipeline, text, trigger):
    # the manual's CONCEDE eases restrictions; the sanctions eased are what it acts on
    events, _ = events_of(pipeline, text)
    assert trigger in only(events, "CONCEDE")["trigger"]["text"]
    assert not [e for e in events if e["type"] == "SANCTION"], events


@pytest.mark.parametrize("text, found", [
    ("Editors went into hiding for fear of reprisals.", False),
    ("Velnorans deserve freedom from repression and abuses.", False),
    ("The decree punishes those responsible for past atrocities.", False),
    ("The envoy named the unit responsible for this crackdown.", True),
    ("The militia launched reprisals against the village.", True),
])
def test_a_bare_noun_a_word_makes_a_kind_of_act_is_no_event(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert bool(events) is found, events


@pytest.mark.parametrize("text, found", [
    ("There are costs for those who support the junta.", []),
    ("The list names anyone providing weapons to the militia.", []),
    ("The council punished those who carry out the junta's repression.", ["COERCE"]),
    ("A lawyer visited those who were detained by the police.", ["CONSULT", "COERCE"]),
])
def test_what_whoever_does_is_conduct_not_an_act(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert sorted(e["type"] for e in events) == sorted(found), events


@pytest.mark.parametrize("text, event_type, found", [
    ("The ministry imposed sanctions targeting officials of the junta.", "ASSAULT", False),
    ("Rebels targeted the airbase with drones.", "ASSAULT", True),
    ("Smuggling threatens the stability of the region.", "THREATEN", False),
    ("The militia threatened the villagers with reprisals.", "THREATEN", True),
    ("As we welcome home the freed sailors, we remember those still held.", "SUPPORT", False),
    ("Tarsk welcomed the truce.", "SUPPORT", True),
    ("We join the calls for an inquiry into the shooting.", "REQUEST", True),
    ("We join the calls for an inquiry into the shooting.", "CONSULT", False),
])
def test_senses_told_apart_by_the_words_around_them(pipeline, text, event_type, found):
    # what targets is a sanction, what is endangered is a state of things, who is welcomed
    # home returns; a call for something asks for it
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == event_type for e in events) is found, events


@pytest.mark.parametrize("text, event_type, actor", [
    ("Units of the Tarsk Guard were sent to the square and have beaten protesters.", "ASSAULT", "Tarsk Guard"),
    ("The ministry named Velnor Relief, a charity that has funded the Northern Front.", "AID", "Velnor Relief"),
    ("The United Nations is pleased to support the talks.", "SUPPORT", "United Nations"),
])
def test_who_acts_through_a_passive_an_apposition_or_an_adjective(pipeline, text, event_type, actor):
    # those the first verb was done to do the second, active one; a relative clause on an
    # apposition describes the one named; "pleased to" is its subject's
    events, _ = events_of(pipeline, text)
    assert actor in only(events, event_type)["actor_names"], events


def test_a_bare_participle_after_a_passive_is_passive_too(pipeline):
    events, _ = events_of(pipeline, "The activist was arrested and charged with treason.")
    assert "activist" not in [a for e in events for a in e["actor_names"]], events


def test_the_two_sides_are_the_parties_of_the_exchange_before(pipeline):
    events, _ = events_of(pipeline, "The envoy Halvor Dane held talks with Velnor Front representatives in Geneva. "
                                    "The two sides discussed aid. Both sides agreed on the need for access.")
    for event in events[1:]:
        assert {"Halvor Dane", "Velnor Front representatives"} <= set(event["actor_names"]), event


def test_a_revocation_told_without_doer_in_a_release_is_the_issuers(pipeline):
    record = pipeline("The United States remains committed to its partners. After a review, two designations "
                      "are being revoked.", published="2024-12-07", source="U.S. Department of State")
    names = {e["id"]: e["name"] for e in record["entities"]}
    revoked = [e for e in record["events"] if e["trigger"]["text"] == "revoked"]
    assert [names[a] for a in revoked[0]["actors"]] == ["United States"], record["events"]


@pytest.mark.parametrize("text, event_type, trigger", [
    ("We are grateful to the government of Tarsk for its help.", "SUPPORT", "grateful"),
    ("The minister gave special thanks to the mediators.", "SUPPORT", "thanks"),
    ("We are working with relief groups in the valley.", "COOPERATE", "working"),
    ("We will continue to work with our partners in the region.", "AGREE", "work"),
    ("Velnor stands ready to assist the two countries.", "AGREE", "assist"),
    ("The envoy expressed concern about the arrests.", "ACCUSE", "concern"),
    ("The ministry raised concerns about the closures.", "ACCUSE", "concerns"),
    ("The talks produced a truce. Tarsk welcomed this deal.", "AGREE", "deal"),
    ("The humanitarian pause let aid reach the city.", "RETREAT", "pause"),
    ("Fuel arrived during the pause in fighting.", "RETREAT", "pause"),
    ("Tarsk has led the humanitarian response in the valley.", "AID", "response"),
    ("The council discussed humanitarian support for the refugees.", "AID", "support"),
    ("Qatar helped facilitate the exchange of prisoners.", "CONSULT", "facilitate"),
    ("Months of shuttle diplomacy preceded the vote.", "CONSULT", "diplomacy"),
    ("This sanctions action follows the arrests.", "SANCTION", "action"),
    ("We remind Tarsk of its obligations under the accord.", "REQUEST", "remind"),
    ("She condemned the sham trials of the activists.", "ACCUSE", "trials"),
    ("The junta's violent suppression of the protests drew rebukes.", "COERCE", "suppression"),
    ("Velnor has weaponized food since the war began.", "COERCE", "weaponized"),
    ("They condemned the diversion of the airliner to Minsk.", "COERCE", "diversion"),
    ("Both armies continued the fortification of the border.", "MOBILIZE", "fortification"),
    ("The girl was taken hostage by gunmen in June.", "ASSAULT", "taken"),
])
def test_families_of_statements_and_releases(pipeline, text, event_type, trigger):
    # gratitude, work with partners, concern, a deal pointed back at, pauses in fighting, aid
    # by its kind, a third party's facilitation, sanctions actions, reminders of obligations
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text", [
    "Diplomacy is the best tool we have.",
    "The workers walked out of the plant.",
    "Support for the plan is growing among voters.",
    "A pause in the talks is expected.",
])
def test_kinds_of_things_are_not_those_families(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] in ("CONSULT", "COOPERATE", "AID", "RETREAT")], events


@pytest.mark.parametrize("text, found", [
    ("Crowds gathered in the square to oppose the new law.", ["PROTEST"]),  # the gathering, not a view
    ("The ministry opened an office in the capital to support the inquiry.", []),
    ("Lifting the embargo will support the recovery.", ["CONCEDE"]),
    ("Villagers deserve the ability to protest against the dam.", []),
    ("Tarsk opposed the new law.", ["REJECT"]),
])
def test_a_view_aimed_at_or_done_by_a_deed_is_no_view_stated(pipeline, text, found):
    # backing or opposing in a purpose clause is an aim, a deed that "supports" backs no one,
    # and the ability to protest is no protest
    events, _ = events_of(pipeline, text)
    assert sorted(e["type"] for e in events) == found, events


@pytest.mark.parametrize("text, event_type, actors", [
    ("I thank the Emir of Qatar and the Sultan of Oman, both of whom helped facilitate this agreement.",
     "CONSULT", {"Emir of Qatar", "Sultan of Oman"}),
    ("There are costs for those who carry out the Tarsk regime's repression.", "COERCE", {"Tarsk regime"}),
    ("Velnor condemned the detention of two Tarskan soldiers by Velnoran border guards.", "COERCE",
     {"Velnoran border guards"}),
    ("More than fifty hostages have been released. The girl was taken hostage by Velnor Front gunmen in June.",
     "RETREAT", {"Velnor Front gunmen"}),
])
def test_actors_through_partitive_relatives_light_verbs_of_phrases_and_captors(pipeline, text, event_type, actors):
    # "both of whom" stands for the phrase before it; whoever carries out the regime's
    # repression, it is the regime's; a "by" on the "of" names the doer; hostages freed
    # with no one named are freed by whoever took them
    events, _ = events_of(pipeline, text)
    assert actors <= set(only(events, event_type)["actor_names"]), events


@pytest.mark.parametrize("text, event_type, trigger", [
    ("My administration has brought home dozens of detained sailors.", "RETREAT", "brought"),
    ("Today we celebrate the return of Maria Lenz to her family.", "RETREAT", "return"),
    ("Velnor is starving the city of food.", "COERCE", "starving"),
    ("The junta's restrictions on the press tightened.", "COERCE", "restrictions"),
    ("The department retired its Tarsk sanctions program.", "CONCEDE", "retired"),
    ("We will consider targeted measures against the junta's leaders.", "SANCTION", "measures"),
    ("The United States is deeply concerned by the sentencing of the activists.", "ACCUSE", "concerned"),
])
def test_detainees_brought_home_starvation_restrictions_and_concern(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


def test_bringing_detainees_home_as_an_aim_is_no_release(pipeline):
    events, _ = events_of(pipeline, "We will not stop working until we bring home every detained sailor.")
    assert not [e for e in events if e["type"] == "RETREAT"], events


@pytest.mark.parametrize("text, found", [
    ("After the review, the sanctions on Tarsk were lifted.", ["CONCEDE"]),
    ("Three sailors who were jailed in Velnor are finally coming home.", ["COERCE", "RETREAT"]),
    ("Today we celebrate the return of these Americans.", ["RETREAT"]),
    ("I spoke with the sailor's family on Monday.", ["CONSULT"]),
])
def test_what_a_passive_acts_on_homecomings_and_families(pipeline, text, found):
    # sanctions lifted are no sanction, though told before the verb; detainees coming home
    # are freed; a name's plural the tagger leaves as it is still names them
    events, _ = events_of(pipeline, text)
    assert sorted(e["type"] for e in events) == found, events


@pytest.mark.parametrize("text, event_type, found", [
    ("It is a pleasure welcoming you here in the capital.", "SUPPORT", False),
    ("The truce deal supports the country's sovereignty.", "SUPPORT", False),
    ("Pirate attacks have threatened freedom of navigation in the strait.", "THREATEN", False),
    ("The ministry welcomed the truce.", "SUPPORT", True),
])
def test_greetings_deeds_and_dangers_are_no_views_or_threats(pipeline, text, event_type, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == event_type for e in events) is found, events


def test_a_curly_ll_puts_cooperation_in_the_future(pipeline):
    events, _ = events_of(pipeline, "We\u2019ll work with our partners in the region.")
    assert [e["type"] for e in events] == ["AGREE"], events


@pytest.mark.parametrize("text, found", [
    ("This violation demands a firm response from the world.", False),
    ("Should the junta fail to act, further measures will follow.", False),
    ("The ministry said the junta must free the prisoners.", True),
])
def test_what_a_situation_demands_and_a_condition_are_no_requests(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "REQUEST" for e in events) is found, events


def test_a_sanctions_program_terminated_in_a_release_is_terminated_by_its_issuer(pipeline):
    record = pipeline("The United States stands with the people of Tarsk. These steps come with the termination of "
                      "the old Tarsk sanctions program.", published="2024-12-07", source="U.S. Department of State")
    names = {e["id"]: e["name"] for e in record["entities"]}
    ended = [e for e in record["events"] if e["type"] == "CONCEDE"]
    assert [names[a] for a in ended[0]["actors"]] == ["United States"], record["events"]


@pytest.mark.parametrize("text", [
    "The embassy advised its citizens to leave the country immediately.",
    "The caretaker prime minister recommended that foreign troops withdraw from Tarsk.",
    "The caretaker prime minister recommended foreign troops withdraw from Tarsk.",
])
def test_what_is_advised_or_recommended_has_not_happened(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events if e["type"] == "RETREAT"] == [("RETREAT", "possible")], events


@pytest.mark.parametrize("text, event_type, fact", [
    ("The ministry reaffirmed its commitment to work with the people of Tarsk.", "COOPERATE", None),
    ("Activists advocated for the release of the journalists.", "RETREAT", "possible"),
    ("The decree seeks accountability for abuses.", "ASSAULT", None),
])
def test_what_a_commitment_an_advocacy_and_accountability_govern(pipeline, text, event_type, fact):
    # work promised by a commitment is the commitment's; a release advocated is to come;
    # accountability for abuses names a kind of act
    events, _ = events_of(pipeline, text)
    told = [e for e in events if e["type"] == event_type]
    assert [e["factuality"] for e in told] == ([fact] if fact else []), events


@pytest.mark.parametrize("text, found", [
    ("The United States backs Tarsk. The junta must free the prisoners now.", True),
    ("The United States backs Tarsk. The world should take notice of the talks.", False),
    ("The United States backs Tarsk. The sailor should have been home long ago.", False),
])
def test_what_must_be_done_in_a_release_is_its_issuers_demand(pipeline, text, found):
    record = pipeline(text, published="2024-12-07", source="U.S. Department of State")
    names = {e["id"]: e["name"] for e in record["entities"]}
    demands = [e for e in record["events"] if e["type"] == "REQUEST"]
    assert bool(demands) is found, record["events"]
    if found:
        assert [names[a] for a in demands[0]["actors"]] == ["United States"]


@pytest.mark.parametrize("text, event_type, trigger", [
    ("The two teams discussed over $70 million provided by Velnor since March.", "AID", "provided"),
    ("The envoy raised concerns about interference in the delivery of aid.", "COERCE", "interference"),
    ("The council condemned the junta's brutal actions against villagers.", "ASSAULT", "actions"),
])
def test_money_provided_interference_with_aid_and_force_used(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


@pytest.mark.parametrize("text, event_type, actor", [
    ("The envoys held a new round of talks in Geneva.", "CONSULT", "envoys"),
    ("The ministry imposed a fresh wave of sanctions on Tarsk.", "SANCTION", "ministry"),
])
def test_a_batch_of_events_takes_its_light_verb(pipeline, text, event_type, actor):
    events, _ = events_of(pipeline, text)
    assert actor in only(events, event_type)["actor_names"], events


@pytest.mark.parametrize("text, event_type, trigger", [
    ("A day after finalizing a deal on grain exports, Velnor shelled the port.", "SUPPORT", "finalizing"),
    ("The exchange that secured their freedom took months.", "RETREAT", "secured"),
])
def test_agreements_sealed_and_freedom_secured(pipeline, text, event_type, trigger):
    assert_told(pipeline, text, event_type, trigger)


def test_a_demand_coordinated_with_a_verb_takes_its_subject(pipeline):
    record = pipeline("The United States backs Tarsk. Velnor bears responsibility for the crisis and must stop "
                      "its aggression.", published="2024-12-07", source="U.S. Department of State")
    names = {e["id"]: e["name"] for e in record["entities"]}
    demand = [e for e in record["events"] if e["type"] == "REQUEST"]
    assert [names[t] for t in demand[0]["targets"]] == ["Velnor"], record["events"]


def test_a_designation_reviewed_is_examined_not_imposed(pipeline):
    events, _ = events_of(pipeline, "The order directs the ministry to review the front's designation as a terrorist group.")
    assert [e["type"] for e in events] == ["ACCUSE"], events


def test_signing_in_a_purpose_clause_is_still_told(pipeline):
    assert_told(pipeline, "The delegations met in the capital to sign an agreement on the pipeline.", "SUPPORT", "sign")


@pytest.mark.parametrize("text, factuality", [
    ("The authorities will open a corridor on Monday to evacuate patients from the wards.", "possible"),
    ("Officials said the authorities would open a corridor to evacuate patients from the wards.", "possible"),
    ("The authorities opened a corridor on Monday to evacuate patients from the wards.", "asserted"),
])
def test_a_purpose_is_as_sure_as_the_act_it_is_the_purpose_of(pipeline, text, factuality):
    events, _ = events_of(pipeline, text)
    evacuate = next(e for e in events if e["trigger"]["text"].startswith("evacuate"))
    assert (evacuate["type"], evacuate["factuality"]) == ("AID", factuality), evacuate


@pytest.mark.parametrize("text, event_type, factuality", [
    ("Preparations were under way to release the 40 detainees before the deadline, the ministry said.",
     "RETREAT", "possible"),
    ("Preparations are being made to release the hostages held in Orsk.", "RETREAT", "possible"),
    # plans are a promise, as "plans to release" is (PLOVER's AGREE)
    ("Plans are in place to release the 40 detainees before the deadline.", "AGREE", "asserted"),
    # not a purpose said of the preparations: the camp was stormed, and the release was done
    # (what troops are sent to do is their aim: test_the_aim_of_forces_sent_is_not_yet_done)
    ("Soldiers stormed the camp in Orsk to release the hostages held there.", "RETREAT", "asserted"),
])
def test_what_preparations_are_under_way_for_has_not_happened_yet(pipeline, text, event_type, factuality):
    events, _ = events_of(pipeline, text)
    release = next(e for e in events if e["trigger"]["text"].startswith("release"))
    assert (release["type"], release["factuality"]) == (event_type, factuality), events


@pytest.mark.parametrize("text", [
    "An agreement has been reached with the government for the army to enter the town of Orsk.",
    "The militia said it had entered into an agreement with the government for the army to enter and deploy "
    "along the border.",
    "The two sides reached an agreement for the army to withdraw from Orsk.",
])
def test_what_an_agreement_is_for_has_not_happened_yet(pipeline, text):
    # and entering into an agreement takes no town
    events, _ = events_of(pipeline, text)
    acts = [(e["trigger"]["text"], e["factuality"]) for e in events if e["type"] in ("ASSAULT", "RETREAT", "MOBILIZE")]
    assert acts and all(fact == "possible" for _, fact in acts), events
    assert not any(e["type"] == "ASSAULT" and e["trigger"]["text"] == "entered" for e in events), events


def test_troops_that_entered_a_town_took_it_whatever_their_units_name(pipeline):
    events, _ = events_of(pipeline, "Border service special forces entered the exclave of Vorukh on Monday.")
    assert [(e["type"], e["factuality"]) for e in events] == [("ASSAULT", "asserted")], events


def test_a_truce_rejected_is_refused_not_denied(pipeline):
    # what is rejected is an offer, not a report: nothing is told as not having happened
    events, _ = events_of(pipeline, "The army rejected the truce, calling it a ploy to regroup.")
    assert [(e["type"], e["factuality"]) for e in events] == [("REJECT", "asserted")], events
    events, _ = events_of(pipeline, "The army rejected claims that its troops had shelled the camp.")
    assert ("ASSAULT", "denied") in [(e["type"], e["factuality"]) for e in events], events


@pytest.mark.parametrize("text", [
    "The interior minister has ruled out talks with the gunmen.",
    "The government ruled out negotiating with the rebels.",
])
def test_talks_ruled_out_are_refused_by_whoever_rules_them_out(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == [("REJECT", "ruled out")], events
    assert events[0]["actor_names"], events


def test_pausing_or_suspending_strikes_is_a_ceasefire_not_a_strike(pipeline):
    events, _ = events_of(pipeline, "The army suspended its offensive on Monday.")
    assert [(e["type"], e["mode"]) for e in events] == [("RETREAT", "ceasefire")], events
    events, _ = events_of(pipeline, "Officials said the military would pause strikes in Gaza for 12 hours.")
    assert "ASSAULT" not in [e["type"] for e in events], events


@pytest.mark.parametrize("text", [
    "DOHA (Tamber Wire) - The Varnel Front will release ten hostages on Saturday, mediators said.",
    # the whole line is where it was filed: a regional bureau's country too
    "DAKAR, Senegal (Tamber Wire) - The Varnel Front will release ten hostages on Saturday, mediators said.",
])
def test_where_a_report_was_filed_is_no_place_of_what_it_tells(pipeline, text):
    record = pipeline(text, published="2027-12-03")
    assert record["document"]["dateline"] in ("DOHA", "DAKAR")
    assert [e["places"] for e in record["events"]] == [[]], record["events"]


def test_a_denial_denies_the_act_not_the_strikes_it_was_done_in(pipeline):
    events, _ = events_of(pipeline, "The Varnel Front denied reports that hostages had been killed in Velnorian strikes.")
    told = {e["trigger"]["text"]: e["factuality"] for e in events if e["type"] == "ASSAULT"}
    assert told == {"killed": "denied", "Velnorian strikes": "asserted"}, told


def test_the_one_allowed_to_act_is_the_verbs_object(pipeline):
    # the parser may make "the candidate" the subject of "to run": the one allowed
    assert_told(pipeline, "The court decided to allow candidate Maria Lenz to run in the upcoming election.",
                "CONCEDE", "allow")


def test_talks_on_doing_something_name_their_happening(pipeline):
    assert_told(pipeline, "The negotiators returned to Geneva for talk on limiting missiles.", "CONSULT", "talk")


@pytest.mark.parametrize("title, speaker", [
    ("President Tarrow Statement on the Truce in Velnor", "Tarrow"),
    ("Statement of President Anna Tarrow on the Truce", "Anna Tarrow"),
    ("Joint Statement on the Truce in Velnor", None),
    ("Velnor Foreign Ministers’ Statement on the Truce", None),
    ("Remarks by President Tarrow Announcing Sanctions on Velnor", "Tarrow"),
    ("Remarks by Ambassador Anna Fleming at the Council", "Anna Fleming"),
])
def test_the_i_of_a_statement_is_the_speaker_its_title_names(pipeline, title, speaker):
    record = pipeline("I welcome the truce in Velnor.", published="2024-12-07", title=title)
    names = {e["id"]: e["name"] for e in record["entities"]}
    welcome = next(e for e in record["events"] if e["type"] == "SUPPORT")
    assert [names[a] for a in welcome["actors"]] == ([speaker] if speaker else []), record["entities"]


def test_an_effort_to_act_is_told_by_the_act(pipeline):
    events, _ = events_of(pipeline, "Velnor praised Tarsk's diplomatic efforts to mediate between the two armies.")
    assert sorted((e["type"], e["trigger"]["text"]) for e in events) == [("CONSULT", "mediate"), ("SUPPORT", "praised")]
    assert only(events, "CONSULT")["actor_names"] == ["Tarsk"], events


def test_a_thing_that_allows_concedes_nothing(pipeline):
    events, _ = events_of(pipeline, "He held a valid licence allowing him to buy rifles.")
    assert not [e for e in events if e["type"] == "CONCEDE"], events


@pytest.mark.parametrize("text, event_type", [
    ("The president announced he would be lifting sanctions on Velnor.", "CONCEDE"),
    ("The president said he is prepared to lift the ban on the party.", "AGREE"),
])
def test_a_concession_told_to_come_is_one_and_an_offer_an_agreement(pipeline, text, event_type):
    events, _ = events_of(pipeline, text)
    assert event_type in [e["type"] for e in events], events


def test_a_speaker_breaking_off_and_starting_again_tells_one_act(pipeline):
    events, _ = events_of(pipeline, "And I strongly urge \u2014 I strongly urge all travellers to leave Velnor.")
    assert [e["type"] for e in events] == ["REQUEST"], events


def test_a_participle_that_describes_its_noun_states_no_view(pipeline):
    events, _ = events_of(pipeline, "A free press is a pillar supporting the rule of law.")
    assert not [e for e in events if e["type"] == "SUPPORT"], events


@pytest.mark.parametrize("text", [
    "The order directs the minister to evaluate suspending sanctions on Velnor.",
    "Removing sanctions will help the recovery of Velnor.",
])
def test_a_gerund_tagged_as_its_objects_modifier_still_acts_on_it(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert [e["type"] for e in events] == ["CONCEDE"], events


def test_a_release_from_a_country_is_that_countrys(pipeline):
    events, _ = events_of(pipeline, "Velnor's envoys negotiated the release of sixteen sailors from Iran last year.")
    assert only(events, "RETREAT")["actor_names"] == ["Iran"], events


def test_detainees_coming_home_are_freed_by_their_jailers(pipeline):
    events, _ = events_of(pipeline, "Today, five sailors who were imprisoned in Iran are finally coming home.")
    assert only(events, "RETREAT")["actor_names"] == ["Iran"], events


@pytest.mark.parametrize("text", [
    "Aram Tessel walked free from the court in Orsk on Monday.",
    "Aram Tessel is coming home after two years in a cell in Orsk.",
    "The Orsk court released Aram Tessel on bail.",
])
def test_the_one_freed_is_who_walks_free_or_comes_home(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert only(events, "RETREAT")["target_names"] == ["Aram Tessel"], events


def test_a_businessman_released_on_bail_is_freed(pipeline):
    assert_told(pipeline, "The businessman was released on bail in Orsk, his lawyer said.", "RETREAT", "released")


@pytest.mark.parametrize("text, found", [
    ("Qatar helped facilitate this agreement over many months.", ["AGREE", "CONSULT"]),
    ("Egypt worked to facilitate the delivery of fuel to the city.", []),
])
def test_what_a_mediator_facilitates_is_told_too_and_deliveries_are_not_mediation(pipeline, text, found):
    events, _ = events_of(pipeline, text)
    assert sorted(e["type"] for e in events if e["type"] in ("AGREE", "CONSULT")) == found, events


def test_aid_counted_out_by_a_donor_is_given(pipeline):
    assert_told(pipeline, "The ministry announced $40 million in new assistance for the flooded valley.", "AID", "assistance")


def test_aid_comes_from_its_giver(pipeline):
    events, _ = events_of(pipeline, "The valley received new assistance from the European Union last week.")
    assert "European Union" in only(events, "AID")["actor_names"], events


def test_a_passive_with_its_own_subject_is_not_done_by_the_clause_it_hangs_from(pipeline):
    events, _ = events_of(pipeline, "Maria Lenz, who turned four after her parents were killed, is free.")
    assert "Maria Lenz" not in only(events, "ASSAULT")["actor_names"], events


@pytest.mark.parametrize("text, trigger", [
    # the strike's own words give no day: the clause it is the subject of does
    ("A drone strike hit a crowded market in Dornik on Monday, killing at least 12 people.", "drone strike"),
    ("The bombing took place on Friday near the border crossing at Dornik.", "bombing"),
    # an -ing clause tells what the act it hangs from did, on that act's day
    ("A car bomb exploded outside a police station in Dornik on Sunday, killing five officers.", "killing"),
    ("A drone strike hit a crowded market in Dornik on Monday, killing at least 12 people.", "killing"),
    # what a verb sets out to do is done on its day
    ("On Monday, the army began shelling the town of Dornik.", "shelling"),
    ("On Sunday, rebels tried to storm the city.", "storm"),
    # the day an act went on is a day it was done ("continued on Tuesday": Tuesday's fighting)
    ("Fighting between the army and the Velnor Front around Dornik continued on Tuesday, residents said.",
     "Fighting"),
    # a verb in the present tense speaks of now: the day hung on it is its object's
    ("The Orsk monitoring network welcomes the recapture of Tarsk by the army on Tuesday 9 April.", "recapture"),
    # and so does one in the present perfect, through what its object is for
    ("The army has never acknowledged responsibility for a market strike in Dornik in February 2030.",
     "market strike"),
    # a document demands, condemns or calls on the day it is passed or issued
    ("On Wednesday the council passed a resolution demanding that the Tamber Front free its captives.",
     "demanding"),
])
def test_an_event_takes_the_day_of_the_clause_that_tells_it(pipeline, text, trigger):
    events, record = events_of(pipeline, text, published="2031-03-06")
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event.get("time") is not None, (event, record["times"])


@pytest.mark.parametrize("text, trigger", [
    ("The attack prompted protests across Dornik on Tuesday.", "attack"),  # the protests' day, not the attack's
    # the day of the present tense's subject, not of what it speaks of
    ("Today's operation follows escalating attacks on shipping near Dornik.", "escalating attacks"),
    ("The protests began in June and went on for months.", "protests"),  # when they began, not when they were
    ("The designation will take effect 30 days from now.", "designation"),
])
def test_a_clause_of_cause_or_phase_does_not_date_its_subject(pipeline, text, trigger):
    assert_undated(pipeline, text, trigger)


@pytest.mark.parametrize("text, trigger", [
    ("There are no negotiations with the kidnappers, the police said.", "negotiations"),
    ("No attack took place in Dornik on Sunday, the army said.", "attack"),
    ("The army said no soldiers had been killed in the clashes near Dornik.", "killed"),
    ("The gunmen killed no one, witnesses in Dornik said.", "killed"),
    ("The air force launched no strikes on Dornik last week.", "launched no strikes"),
    ("No missile struck the ship off Dornik, the navy said.", "struck"),  # none as the doer
    ("Not a single live round was fired in Dornik, the police said.", "fired"),
    ("Not one soldier was killed in Dornik, the army said.", "killed"),
    ("The mayor of Dornik is not in police custody, the ministry said.", "police custody"),  # the copula's "not"
    ("He was never under arrest in Dornik, his lawyer said.", "arrest"),
])
def test_an_event_of_no_one_or_none_is_denied(pipeline, text, trigger):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event["factuality"] == "denied", event


def test_a_negated_copula_denies_only_the_state_it_places_someone_in(pipeline):
    events, _ = events_of(pipeline, "The town is not in the hands of the rebels after the attack on Dornik.")
    assert [e["factuality"] for e in events if e["trigger"]["text"] == "attack"] == ["asserted"], events


def test_no_fewer_than_a_count_denies_nothing(pipeline):
    events, _ = events_of(pipeline, "No fewer than 20 attacks hit Dornik last week.")
    assert events and all(e["factuality"] == "asserted" for e in events), events


@pytest.mark.parametrize("text", [
    "The students abducted from Dornik last month have been released, the governor said.",
    "Kidnappers freed 12 schoolgirls in Dornik on Sunday.",
    "The gunmen released the crew of the tanker off Dornik.",
    "Thirty rebels were freed in a prisoner exchange at Dornik airport on Friday.",
    "The government released 40 suspects in Dornik on Sunday.",
])
def test_the_release_of_captives_named_by_what_they_are(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert any(e["type"] == "RETREAT" and e["mode"] == "release" for e in events), events


@pytest.mark.parametrize("text, trigger, factuality", [
    ("The president said a commission of inquiry into the shooting in Dornik would be set up within "
     "seven days.", "commission of inquiry would be set", "possible"),
    ("The commission of inquiry into the shooting in Dornik was sworn in on Thursday.", "commission", "asserted"),
    ("The government opened an inquiry into the killings in Dornik on Monday.", "opened an inquiry", "asserted"),
    # a judicial commission is one of inquiry, and forming one sets it to work
    ("The provincial government formed a three-member judicial commission on Wednesday.",
     "formed a three-member judicial commission", "asserted"),
    ("The minister said a judicial commission would be formed within 48 hours.",
     "commission would be formed", "possible"),
])
def test_a_commission_of_inquiry_investigates(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    found = [e for e in events if e["type"] == "ACCUSE" and e["mode"] == "investigate"]
    assert [(e["trigger"]["text"].split()[:2], e["factuality"]) for e in found] == [(trigger.split()[:2], factuality)], \
        events


@pytest.mark.parametrize("text, mode", [
    ("Al-Shabaab entered the town of Dornik on Monday.", "territory"),  # an armed group the entities layer names
    ("Al-Shabaab raided Dornik on Monday, residents said.", None),
])
def test_an_armed_group_named_as_the_doer_attacks(pipeline, text, mode):
    events, record = events_of(pipeline, text)
    assert [(e["type"], e.get("mode")) for e in events] == [("ASSAULT", mode)], (events, record["entities"])


def test_a_police_raid_is_no_attack(pipeline):
    events, _ = events_of(pipeline, "Police raided the offices of a newspaper in Dornik on Monday.")
    assert [(e["type"], e.get("mode")) for e in events] == [("COERCE", "seize")], events


def test_an_electoral_commission_investigates_nothing(pipeline):
    events, _ = events_of(pipeline, "The electoral commission in Dornik said turnout was high.")
    assert not events, events


def test_a_time_that_describes_a_participant_is_not_the_events(pipeline):
    events, record = events_of(pipeline, "The convoy that left Dornik on Monday was attacked.",
                               published="2031-03-06")
    attack = only(events, "ASSAULT")
    assert attack.get("time") is None, record["times"]
    events, record = events_of(pipeline, "The truce, which began on April 2, was extended.", published="2031-04-20")
    truce = next(e for e in events if e["trigger"]["text"] == "truce")
    assert truce.get("time") is not None, record["times"]  # a clause of the event noun's own dates it
    events, record = events_of(pipeline, "Two people were killed in a suicide bombing that happened on June 27 "
                                         "in Dornik.", published="2031-07-02")
    killed = next(e for e in events if e["trigger"]["text"] == "killed")
    assert killed.get("time") is not None, record["times"]  # what it was done in is no participant


def test_what_had_happened_before_a_saying_does_not_take_its_day(pipeline):
    events, record = events_of(pipeline, "The police said on Monday that 40 students had been kidnapped in Dornik.",
                               published="2031-03-06")
    assert only(events, "ASSAULT").get("time") is None, record["times"]
    events, record = events_of(pipeline, "The police said on Monday that gunmen kidnapped 40 students in Dornik.",
                               published="2031-03-06")
    assert only(events, "ASSAULT").get("time") is not None, record["times"]  # told as of the saying's day


@pytest.mark.parametrize("text, trigger, factuality", [
    ("The United Nations called for an independent investigation into the strike on Dornik.", "strike", "asserted"),
    ("The envoy called for an end to the attacks on shipping.", "attacks", "asserted"),
    ("He urged an inquiry into the killing of the protesters.", "killing", "asserted"),
    # what is asked for itself, or an act not told as known, stays possible
    ("The council demanded the release of the hostages.", "release", "possible"),
    ("The minister called for talks on a ceasefire.", "ceasefire", "possible"),
])
def test_a_known_event_inside_what_is_asked_for_is_told_as_done(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event["factuality"] == factuality, event


def test_who_denies_an_act_is_not_the_doer_of_the_next_one_told_without_a_doer(pipeline):
    events, _ = events_of(pipeline, "The ministry said its forces had not conducted any operations near Dornik. "
                                    "The United Nations called for an investigation into the strike.")
    strike = next(e for e in events if e["trigger"]["text"] == "strike")
    assert strike["actor_names"] == [], strike


@pytest.mark.parametrize("text, factuality", [
    ("Officials warned of a possible attack on the airport in Orsk.", "possible"),
    ("Police arrested the men a day before a planned attack on the airport in Orsk.", "possible"),
    ("Commanders said an attack on the airport was highly likely in the next day.", "possible"),
    ("An attack on the airport is imminent, the commanders said.", "possible"),
    ("The attack on the airport was brutal, the commanders said.", "asserted"),
    ("The expected offensive on the town began on Monday.", "asserted"),  # expected, and begun
    # what a warning is against, or of, is to come
    ("The ministers warned the Tamber Front against further attacks on shipping.", "possible"),
    ("The Tamber Front said the arrests were unjust and warned of further attacks.", "possible"),
    # but not what a warning says happened
    ("The ministers warned that the Tamber Front had attacked shipping.", "asserted"),
    # "any" attack is whichever may come
    ("The army said it would respond to any attack on its positions in Orsk.", "possible"),
    ("The Tamber Front said it would not tolerate any attack on its fighters.", "possible"),
    # unless denied
    ("The army denied carrying out any attack on the town.", "denied"),
])
def test_an_attack_told_as_a_prospect_has_not_happened(pipeline, text, factuality):
    events, _ = events_of(pipeline, text)
    assault = next(e for e in events if e["type"] == "ASSAULT")
    assert assault["factuality"] == factuality, assault


@pytest.mark.parametrize("text, trigger, factuality", [
    # an act is as sure as its setting in, or its following another
    ("The agency expects aid deliveries to the camps to resume next week.", "aid deliveries", "possible"),
    ("Peace talks between the two governments are expected to begin in Geneva next week.", "Peace talks",
     "possible"),
    ("Peace talks between the government and the rebels did not resume on Monday.", "Peace talks", "denied"),
    ("The government expects the first convoys to be followed by the delivery of medicine to Tigray.", "delivery",
     "possible"),
    ("The ministry expects the truce to be followed soon by the movement of emergency food aid to the north.",
     "emergency food aid", "possible"),
    # what an act is not stopped by has happened
    ("Residents said they would not be deterred by the attacks on the market.", "attacks", "asserted"),
])
def test_an_act_that_is_to_set_in_or_to_follow_has_not_happened(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    assert event["factuality"] == factuality, event


@pytest.mark.parametrize("text, coded", [
    ("The general said the army would withdraw from the town unless the rebels disarmed.", "THREATEN"),
    ("The general said the army would withdraw from the town if the rebels disarmed.", "AGREE"),  # an offer
    # a release that leaves some out is a promise, not a threat
    ("The minister said the detainees would be freed within 48 hours unless they faced charges.", "AGREE"),
])
def test_a_withdrawal_on_a_condition_is_a_threat_only_unless_it_is_averted(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    assert [e["type"] for e in events if e["trigger"]["text"] in ("withdraw", "freed")] == [coded], events


@pytest.mark.parametrize("text, coded", [
    ("Moscow said it was drawing down its forces near the border.", [("RETREAT", "withdraw")]),
    ("The drawdown of foreign troops from the province began on Monday.", [("RETREAT", "withdraw")]),
    ("The central bank drew down its reserves to defend the currency.", []),
])
def test_drawing_down_forces_is_a_withdrawal(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events if e["type"] == "RETREAT"] == coded, events


@pytest.mark.parametrize("text, event_type, mode", [
    ("Some officers had fired live ammunition during the protest in Orsk.", "ASSAULT", "firearms"),
    ("Police fired tear gas at the crowd outside the ministry.", "ASSAULT", "crowd-control"),
    ("Gendarmes fired rubber bullets at the mourners.", "ASSAULT", "crowd-control"),  # not a firearm's bullets
    ("Velnor handed over four Tarsk border guards at the crossing on Friday.", "RETREAT", "return"),
    ("Rebel fighters occupied the army camp in Orsk on Monday.", "ASSAULT", "territory"),
    ("Soldiers turned back a convoy of 14 trucks carrying food.", "COERCE", "restrict"),
    ("Residents said the soldiers had pulled out of the camp on Monday.", "RETREAT", "withdraw"),  # "out" a preposition
    ("Velnor pulled its troops out of Orsk.", "RETREAT", "withdraw"),
    ("The governor said he had ordered reinforcements to Orsk.", "MOBILIZE", "troops"),
    ("The detained servicemen were handed over to Tarsk on Friday.", "RETREAT", "return"),
])
def test_what_is_fired_handed_over_occupied_or_turned_back_is_the_act_its_object_says(pipeline, text, event_type,
                                                                                       mode):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events if e["type"] != "PROTEST"] == [(event_type, mode)], events


@pytest.mark.parametrize("text", [
    "Students occupied the university library for a week.",
    "The party occupied a third of the seats in parliament.",
    "She turned the old truck into a shop.",
    "Rescuers pulled a boy out of the rubble.",
])
def test_occupying_seats_turning_a_truck_into_a_shop_or_pulling_a_boy_out_are_no_acts_of_force(pipeline, text):
    events, _ = events_of(pipeline, text)
    assert not [e for e in events if e["type"] in ("ASSAULT", "COERCE")], events


@pytest.mark.parametrize("text, event_type, mode", [
    ("Militiamen raided the village of Kuba on Saturday night.", "ASSAULT", None),  # armed men on a village
    ("Police raided the offices of the newspaper on Monday.", "COERCE", "seize"),
    ("The killings drew condemnation from the UN.", "ASSAULT", None),  # "the killings" named by "the" alone
])
def test_a_raid_is_an_attack_or_a_seizure_by_who_raids_what_and_killings_are_an_attack(pipeline, text, event_type,
                                                                                        mode):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["mode"]) for e in events] == [(event_type, mode)], events


def test_a_denied_part_in_the_killings_is_a_denied_killing_by_the_denier(pipeline):
    events, record = events_of(pipeline, "The Front denied any part in the killings.")
    assert [s["content"]["text"] for s in record["statements"]] == ["any part in the killings"]
    killing = only(events, "ASSAULT")
    assert killing["factuality"] == "denied" and killing["actor_names"] == ["Front"], killing


@pytest.mark.parametrize("text, where", [
    ("\"Rebels opened fire on our patrol,\" the spokesman told reporters in Bishkek.", []),
    ("Speaking in Geneva, the minister said rebels had attacked the convoy.", []),
    # where those who heard it were
    ("\"A shell hit the market,\" the army spokesman told a news conference in Port Arlen.", []),
    ("In Gao, residents said gunmen attacked the market.", ["Gao"]),  # the scene, set before the saying
    # what a denial names is the act's
    ("The army denied the attack in Kadugli, a spokesman told reporters.", ["Kadugli"]),
])
def test_where_a_saying_was_made_is_not_where_what_it_tells_happened(pipeline, text, where):
    events, _ = events_of(pipeline, text)
    assert [e["place_names"] for e in events if e["type"] == "ASSAULT"] == [where], events


@pytest.mark.parametrize("text, expected", [
    # a defeat in war is violence done to the defeated, and a denial of it denies it
    ("Government forces defeated the Varnel Front near Dornik on Sunday.", [("ASSAULT", "asserted")]),
    ("The senator said the Varnel Front is not defeated.", [("ASSAULT", "denied")]),
    # not a vote, an election or a match
    ("The motion was defeated in parliament on Tuesday.", []),
    ("The ruling party suffered a heavy defeat in the election.", []),
    ("Orsk defeated its rival 3-1 in the cup final.", []),
])
def test_a_defeat_in_war_is_an_assault(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["factuality"]) for e in events] == expected, events


@pytest.mark.parametrize("text, trigger, targets", [
    ("The bodies of two soldiers killed near Gusau were flown to Kaduna.", "killed", ["two soldiers"]),
    # the participle describes the students, not the name the tagger made of the phrase around them
    ("Relatives of the students abducted from the school in Kaura Namoda gathered outside the governor's office.",
     "abducted", []),
])
def test_a_participle_is_done_to_the_noun_it_describes(pipeline, text, trigger, targets):
    record = pipeline(text)
    names = {e["id"]: e["name"] for e in record["entities"]}
    act = next(e for e in record["events"] if e["trigger"]["text"] == trigger)
    assert [names[t] for t in act["targets"]] == targets and act["actors"] == []


@pytest.mark.parametrize("text, expected", [
    # a party's name, which the entities layer reads by its bracketed initials, tells no rally
    ("Aram Tessel, who leads the Rally for a New Guinea (RNG), was arrested in Orsk on Monday.",
     [("COERCE", "arrested")]),
    ("The Rally for a New Guinea (RNG) said nine people were killed in Orsk.", [("ASSAULT", "killed")]),
    # a rally is one where no name holds the word
    ("Thousands joined a rally in Orsk on Monday.", [("PROTEST", "joined a rally")]),
])
def test_a_word_of_an_organisations_name_tells_no_act(pipeline, text, expected):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == expected, events


@pytest.mark.parametrize("text, trigger, places", [
    # where what was hit came from or was going is its route, not where it was hit
    ("Gunmen ambushed a convoy carrying food and fuel to the besieged town of Djibo near the village of "
     "Namsiguia on Sunday.", "ambushed", ["Namsiguia"]),
    ("Gunmen seized 14 crew members from the MV Tarsk Star, which was carrying coal from Samarinda to Cebu.",
     "seized", []),
    ("Rockets fired from Cambodia slammed into the Thai border town of Kantharalak on Tuesday.", "slammed",
     ["Kantharalak"]),
    # not a place a describing clause gives by another verb
    ("The bill would have allowed the government to extradite people accused of crimes from Hong Kong.",
     "extradite people", ["Hong Kong"]),
])
def test_the_route_of_what_an_act_hit_is_not_where_it_was_hit(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


def test_an_act_named_as_the_time_since_another_is_not_at_its_place(pipeline):
    assert_placed(pipeline, "The president appeared in public on Thursday for the first time since Tuesday's "
                            "failed coup attempt, addressing troops at a base in Abéché.", "coup", [])


@pytest.mark.parametrize("text, trigger, factuality", [
    # what the saying tells, not what governs it: the rejection is of the accusation
    ("The Tamber Front has rejected the accusation, saying its fighters had not shelled the hospital.",
     "shelled", "denied"),
    ("Kessa's army rejected the claim on Monday, adding that its drones had struck only an arms depot.",
     "struck", "asserted"),
    # a saying that is itself refused, or a question, leaves what it would tell open
    ("Kessa declined to confirm that its troops had entered Orsk.", "entered", "possible"),
    ("The army refused to say whether its drones had struck the market.", "struck", "possible"),
])
def test_what_a_saying_tells_is_as_its_own_words_tell_it(pipeline, text, trigger, factuality):
    events, _ = events_of(pipeline, text)
    event = next(e for e in events if e["trigger"]["text"].startswith(trigger))
    assert event["factuality"] == factuality, event


@pytest.mark.parametrize("text, coded", [
    # reparations are aid (PLOVER's AID); promised, an AGREE, as future aid is
    ("The ministry compensated 40 families in Orsk last year.", [("AID", "compensated")]),
    ("The government said it would compensate the victims' families.", [("AGREE", "compensate")]),
    ("The court ruled that the damage compensated for nothing.", []),
])
def test_reparations_paid_are_aid_and_promised_an_agreement(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == coded, events


@pytest.mark.parametrize("text, coded", [
    # people held for questioning or at a prison are detained; a meeting held there is not
    ("Police said 25 people had been held for questioning during house searches in Orsk.", [("COERCE", "held")]),
    ("At least 45 officers were being held at the central prison, a lawyer said.", [("COERCE", "held")]),
    ("The talks were held at the prison's conference room.", [("CONSULT", "talks were held")]),
    # roads sealed are closed to those who would use them; a deal sealed is no restriction
    ("By morning soldiers had sealed the roads out of the city.", [("COERCE", "sealed")]),
    ("The two sides sealed a deal on Friday.", []),
])
def test_people_held_for_questioning_and_roads_sealed(pipeline, text, coded):
    events, _ = events_of(pipeline, text)
    assert [(e["type"], e["trigger"]["text"]) for e in events] == coded, events


@pytest.mark.parametrize("text, trigger, sites", [
    ("Artillery shells struck the main teaching hospital in Orsk on Saturday.", "struck", ["hospital"]),
    ("An air strike hit a camp for displaced families near Tarsk before dawn.", "air strike", ["camp"]),
    ("Students marched to demand an inquiry into the market strike.", "market strike", ["market"]),
    ("A car bomb exploded at a crowded market in Orsk.", "exploded", ["market"]),
    ("Gunmen stormed the health centre in Kessa.", "stormed", ["health centre"]),
    ("Shells hit the roof of the clinic and the school beside it.", "hit", ["clinic", "school"]),
    ("Four shells landed in the hospital compound in Dornik.", "landed", ["hospital"]),
    ("Fighters attacked an army camp near Kessa.", "attacked", ["army camp"]),
    # where it came from is no site it hit, nor is where the wounded were taken
    ("The drone was launched from an air base in Orsk.", "launched", []),
    ("The wounded were taken to the hospital in Orsk after the attack.", "attack", []),
])
def test_an_event_keeps_the_kind_of_site_it_was_done_to_or_at(pipeline, text, trigger, sites):
    events, _ = events_of(pipeline, text)
    event = next((e for e in events if trigger in e["trigger"]["text"]), None)
    assert event is not None, [e["trigger"]["text"] for e in events]
    found = event.get("sites", [])
    assert [s["text"] for s in found] == sites
    assert all(text[s["start"]:s["end"]] == s["text"] for s in found)


@pytest.mark.parametrize("text, trigger, doers, places, day", [
    # the act another answers is not where, when or by whom the answer was done
    ("Gunmen attacked the village of Kessa on Sunday. On Monday, the army launched strikes on Orsk "
     "in retaliation for the attack.", "attack", [], [], None),
    ("The Harrow Brigade said on Monday that it fired rockets at Orsk to avenge the killing of its commander.",
     "killing", [], [], None),
    # its own words still place and date it
    ("Rebels shelled Orsk on Tuesday in response to Sunday's bombing of Batken.", "bombing", [], ["Batken"],
     "2031-03-02"),
    # told before its answer, the act just told is the one it names again
    ("Gunmen attacked the village of Kessa on Sunday. In response to the attack, the army launched strikes "
     "on Orsk on Monday.", "attack", ["Gunmen"], ["Kessa"], None),
])
def test_the_act_an_answer_is_made_for_is_not_the_answer(pipeline, text, trigger, doers, places, day):
    events, record = events_of(pipeline, text, published="2031-03-03")
    event = next(e for e in events if e["trigger"]["text"] == trigger)
    times = {t["id"]: t["value"] for t in record["times"]}
    assert (event["actor_names"], event["place_names"], times.get(event["time"])) == (doers, places, day), events


@pytest.mark.parametrize("text, trigger, places", [
    ("Rebels shelled Orsk on Tuesday in response to Sunday's bombing of Batken.", "shelled Orsk", ["Orsk"]),
    ("Rebels retaliated for the raid on Batken by shelling Orsk.", "shelling Orsk", ["Orsk"]),
    ("The Harrow Brigade fired rockets at Orsk to avenge the killing of its commander in Batken.", "avenge",
     ["Orsk"]),
])
def test_an_answer_is_not_where_the_act_it_answers_was(pipeline, text, trigger, places):
    assert_placed(pipeline, text, trigger, places)


@pytest.mark.parametrize("text, trigger, doers", [
    # an act named as what another act of its type came after is not that act's doer's
    ("The Front said on Monday that it had attacked the base after the killing of its commander.", "killing", []),
    ("Gunmen attacked the village on Sunday. On Monday, the army launched strikes on Orsk after the attack.",
     "attack", []),
    # but after an act of another kind, the act told before it is the one named again
    ("Gunmen attacked the village on Sunday. Troops arrived after the attack.", "attack", ["Gunmen"]),
])
def test_the_act_another_came_after_is_not_its_doer_s(pipeline, text, trigger, doers):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == trigger)["actor_names"] == doers, events


def test_the_country_an_answered_act_is_told_in_is_kept(pipeline):
    # what the answer is for ("to show our support for the people of Burma") may say where
    events, _ = events_of(pipeline, "The United States imposed sanctions on six generals in response to the "
                                    "junta's violence against protesters, to show its support for the people of Burma.")
    violence = next(e for e in events if e["trigger"]["text"] == "violence")
    assert violence["place_names"] == ["Burma"], events


@pytest.mark.parametrize("text, act, places, day", [
    # an act the event came before has its own place and time
    ("Government troops shelled Kharkiv ahead of talks in Geneva next week.", "shelled", ["Kharkiv"], None),
    ("He said government troops had shelled Kharkiv to discredit the rebels ahead of talks in Geneva next week.",
     "shelled", ["Kharkiv"], None),
    # a time so told is the event's own bound
    ("Gunmen stormed a school in Kaura Namoda before dawn on Tuesday.", "stormed", ["Kaura Namoda"], "2031-10-07"),
])
def test_an_act_the_event_came_before_lends_it_no_place_or_time(pipeline, text, act, places, day):
    events, record = events_of(pipeline, text, published="2031-10-09")
    found = next(e for e in events if e["trigger"]["text"].startswith(act))
    times = {t["id"]: t["value"] for t in record["times"]}
    assert (found["place_names"], times.get(found["time"])) == (places, day), (found, record["times"])


def test_a_claim_glossed_as_denied_leaves_the_sentence_s_own_act_asserted(pipeline):
    """"The shelling came a day after the rebels claimed ..., a claim the ministry denied":
    the ministry denies the rebels' claim, not the shelling."""
    events, _ = events_of(pipeline, "The shelling came a day after the rebels claimed to have shot down an army "
                                    "helicopter near Orsk, a claim the defence ministry denied.")
    assert next(e for e in events if e["trigger"]["text"] == "shelling")["factuality"] == "asserted", events


def test_the_killed_and_the_wounded_of_one_passive_share_its_place(pipeline):
    """"Two soldiers were killed and five wounded in an ambush near Kharkiv": the parser
    hangs the place on the last participle, which shares the first's auxiliary."""
    events, _ = events_of(pipeline, "Two soldiers were killed and five wounded in an ambush near Kharkiv.")
    placed = {e["trigger"]["text"]: e["place_names"] for e in events}
    assert placed["killed"] == placed["wounded"] == ["Kharkiv"], events


def test_a_verb_the_parser_hung_on_its_subject_is_done_by_it(pipeline):
    """"Armed men abducted at least 25 passengers": parsed as men described by the verb,
    which a past tense with an object is not."""
    events, _ = events_of(pipeline, "Armed men abducted at least 25 passengers near Kharkiv.")
    assert next(e for e in events if e["trigger"]["text"] == "abducted")["actor_names"] == ["Armed men"], events


@pytest.mark.parametrize("text, act", [
    ("The ministry denied reports that soldiers had abandoned a checkpoint near Kharkiv hours before the attack.",
     "attack"),
    ("The army denied that its troops had withdrawn from Kharkiv ahead of the offensive.", "offensive"),
])
def test_a_denial_takes_as_given_the_act_what_it_denies_is_timed_by(pipeline, text, act):
    events, _ = events_of(pipeline, text)
    factuality = {e["trigger"]["text"]: e["factuality"] for e in events}
    assert factuality[act] == "asserted" and "denied" in factuality.values(), events


@pytest.mark.parametrize("text, kind", [
    # observers sent are aid, and promised, an agreement; troops are force shown
    ("She said monitors from the regional bloc would be deployed within a week.", "AGREE"),
    ("The deployment of observers along the border began on Monday.", "AID"),
    ("The army deployed troops to the border on Monday.", "MOBILIZE"),
])
def test_a_deployment_of_observers_is_no_show_of_force(pipeline, text, kind):
    events, _ = events_of(pipeline, text, published="2031-10-09")
    assert [e["type"] for e in events if e["trigger"]["text"].startswith("deploy")] == [kind], events


@pytest.mark.parametrize("text, act", [
    # a participle after a count, or set before its clause, is done to its people, not by them
    ("Doctors said they had treated between 80 and 90 wounded.", "wounded"),
    ("Wounded in the attack, the soldier was flown to Kharkiv.", "Wounded"),
])
def test_a_participle_of_what_people_suffered_is_not_done_by_the_clause_s_subject(pipeline, text, act):
    events, _ = events_of(pipeline, text)
    assert next(e for e in events if e["trigger"]["text"] == act)["actor_names"] == [], events


@pytest.mark.parametrize("text, protests", [
    # a march is a protest, however the parser hangs it
    ("Police broke up a march by thousands of opposition supporters in Kharkiv on Saturday.", 1),
    ("The group postponed the march it had planned for Tuesday.", 1),
    # not soldiers' march, nor the month
    ("The army's march on the capital was halted.", 0),
    ("In March, the rebels took the town.", 0),
])
def test_a_march_is_a_protest_and_march_a_month(pipeline, text, protests):
    events, _ = events_of(pipeline, text, published="2031-10-09")
    assert sum(e["type"] == "PROTEST" for e in events) == protests, events


@pytest.mark.parametrize("text, used", [
    ("Police used live ammunition against the protesters in Orsk.", True),
    # a store of arms, which the words before it name, is no use of them
    ("The army said its jets had struck an ammunition depot used by the rebels near Orsk.", False),
])
def test_using_force_is_an_assault_and_using_a_depot_is_not(pipeline, text, used):
    events, _ = events_of(pipeline, text)
    assert any(e["trigger"]["text"].startswith("used") for e in events) is used, events
