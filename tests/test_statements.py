"""The statements stage on sentences written in the manner of wire copy (our own words),
one behaviour each, and the invariants every statement keeps."""
import pytest

from .conftest import assert_valid, entity_name, statement_by_content


def said(pipeline, text):
    """(cue, speaker as written, content) of each statement of a text."""
    return [(s["cue"]["text"], s["speaker"]["text"], s["content"]["text"]) for s in pipeline(text)["statements"]]


def speaker_name(record, statement):
    return entity_name(record, statement["speaker"]["entity"]) or statement["speaker"]["text"]


@pytest.mark.parametrize("text, content, speaker, cue, kind", [
    # direct quotation after, before and around the cue
    ("“The bridge is open again,” the mayor of Lutsk, Oksana Hrytsenko, said on Monday.",
     "The bridge is open again", "Oksana Hrytsenko", "said", "direct"),
    ("Police chief Daniel Okafor said: “Nobody was hurt in the blast.”",
     "Nobody was hurt in the blast.", "Daniel Okafor", "said", "direct"),
    ("“We have lost contact with the convoy,” said Maria Lindqvist, a spokeswoman for the agency.",
     "We have lost contact with the convoy", "Maria Lindqvist", "said", "direct"),
    # reported speech, content after and before the cue
    ("The interior ministry said that six soldiers had been detained near the border.",
     "six soldiers had been detained near the border", "interior ministry", "said", "indirect"),
    ("Six soldiers had been detained near the border, the interior ministry said.",
     "Six soldiers had been detained near the border", "interior ministry", "said", "indirect"),
    ("Rebels shelled the airport overnight, according to the regional governor, Ahmed Suleiman.",
     "Rebels shelled the airport overnight", "Ahmed Suleiman", "according to", "indirect"),
    # mixed: reported speech holding a quoted fragment
    ("The commander said his troops would hold the town “at any cost”.",
     "his troops would hold the town “at any cost”", "commander", "said", "mixed"),
    # two clauses before the cue, joined by "but", which the parser hangs on it apart
    ("The projected cost is nine million euros, but the weakness of the local markets and pressure from rival "
     "ports are likely to keep foreign buyers away, she said.",
     "The projected cost is nine million euros, but the weakness of the local markets and pressure from rival "
     "ports are likely to keep foreign buyers away", "she", "said", "indirect"),
    # "as" opening a noun, not a clause of the writer's, with a relative clause inside it
    ("A lecturer said the turnout was seen as a show of support for the students who have marched since May.",
     "the turnout was seen as a show of support for the students who have marched since May", "lecturer", "said",
     "indirect"),
    # a condition told by inversion belongs to what was warned
    ("The ministers warned that the rebels would be held accountable should they continue to attack ships.",
     "the rebels would be held accountable should they continue to attack ships", "ministers", "warned", "indirect"),
    # a subject with a participle after it is no clause of its own: the saying runs on
    ("An army officer, speaking on condition of anonymity, said the inquiry ordered on Friday was examining "
     "whether the gunners had misread the coordinates.",
     "the inquiry ordered on Friday was examining whether the gunners had misread the coordinates",
     "army officer", "said", "indirect"),
    ("The governor promised everyone detained during the protests would be released by Sunday.",
     "everyone detained during the protests would be released by Sunday", "governor", "promised", "indirect"),
    # the next verbs of what was told, which the parser hung on the cue
    ("The prison director, Albert Lokana Mwamba, told GLW that the attackers arrived in four pickup trucks "
     "shortly after 2 a.m., blew open the main gate with explosives and fought the guards for nearly an hour.",
     "the attackers arrived in four pickup trucks shortly after 2 a.m., blew open the main gate with explosives "
     "and fought the guards for nearly an hour", "Albert Lokana Mwamba", "told", "indirect"),
    # what a cue declares someone, the name taken for a clause of its own
    ("The electoral commission on Saturday declared President Rivo Andrianasolo the winner of the runoff with "
     "51.2 percent of the vote.",
     "President Rivo Andrianasolo the winner of the runoff with 51.2 percent of the vote", "electoral commission",
     "declared", "indirect"),
    # a word the tokenizer broke at its hyphen is no clause said: what was said comes before
    ("No lorries have left the Kessa depot since Monday, the operator, Kessa Fuel Company, said, and the fighters "
     "have re-dug trenches across the main road.",
     "No lorries have left the Kessa depot since Monday", "Kessa Fuel Company", "said", "indirect"),
    # a second count told without its verb ("and 40 [had been] wounded")
    ("The relief agency said in a statement that 12 people had been killed and 40 wounded in Sunday's shelling of "
     "Kessa.", "12 people had been killed and 40 wounded in Sunday's shelling of Kessa", "relief agency", "said",
     "indirect"),
    # the source's participle is no part of what it says
    ("According to the charge sheet read out in court, Velnar is accused of organising mass disorder.",
     "Velnar is accused of organising mass disorder", "charge sheet", "according to", "indirect"),
    # what the accused did, though the parser hangs its "of" on a phrase between
    ("Velnor expelled the envoy, accusing staff at the Orsk embassy of running a network of informants.",
     "staff at the Orsk embassy of running a network of informants", "Velnor", "accusing", "indirect"),
    ("The Tamber Front accused the army in a post on social media of burning villages.",
     "the army in a post on social media of burning villages", "Tamber Front", "accused", "indirect"),
    # the one warned is part of the warning, whichever word the parser hangs "against" on
    ("The ministers warned the rebels against further attacks.",
     "the rebels against further attacks", "ministers", "warned", "indirect"),
    ("We warn the Houthis against further attacks.", "the Houthis against further attacks", "We", "warn", "indirect"),
    # a document that speaks for whoever issued it
    ("The Security Council passed a resolution demanding that the Varnel Front end its attacks on ships.",
     "the Varnel Front end its attacks on ships", "Security Council", "demanding", "indirect"),
    ("The statement by the Arvesh Council condemning the raid was read on state radio.",
     "the raid", "Arvesh Council", "condemning", "indirect"),
    # a relative clause the parser hangs on the day the statement was issued on
    ("The two ministers issued a joint statement on March 3, which called for an end to the raids on Orsk.",
     "an end to the raids on Orsk", "two ministers", "called for", "indirect"),
    # what the measures proposed are for, the infinitive the parser hung on the cue
    ("The envoy proposed a series of concrete measures to ensure more aid surges into Orsk.",
     "a series of concrete measures to ensure more aid surges into Orsk", "envoy", "proposed", "indirect"),
    # the list a colon opens after the object, which tells no act of its own
    ("The ministry is announcing the designation of three commanders of the Kessa Front: Aram Tessel, Orin Vale "
     "and Dornik Sav.", "the designation of three commanders of the Kessa Front: Aram Tessel, Orin Vale and Dornik Sav",
     "ministry", "announcing", "indirect"),
    # a call made by inviting someone to act
    ("The envoys invited Velnor and Kessa to open a dialogue on the border.",
     "Velnor and Kessa to open a dialogue on the border", "envoys", "invited", "indirect"),
    # "for the first time that": the clause the parser hangs on "time"
    ("The defence ministry acknowledged for the first time that a drone had hit the market.",
     "a drone had hit the market", "defence ministry", "acknowledged", "indirect"),
    ("Local officials repeated that the convoy had been turned back.",
     "the convoy had been turned back", "Local officials", "repeated", "indirect"),
    # and the clause it hangs on a noun of the phrases between the cue and the clause
    ("A resident told the agency from a shelter in Orsk that shells hit the market.",
     "shells hit the market", "resident", "told", "indirect"),
    ("Provincial officials had insisted in the days after the attack that no high-risk prisoner had got out.",
     "no high-risk prisoner had got out", "Provincial officials", "insisted", "indirect"),
    # an estimate: what is put at a number, which the figure is then attributed to
    ("The regional health office put the death toll at 31 on Tuesday.",
     "the death toll at 31 on Tuesday", "regional health office", "put", "indirect"),
    ("The health office put the number of people killed in the ambush at 41.",
     "the number of people killed in the ambush at 41", "health office", "put", "indirect"),
    # a document speaks for whoever issued it, not for whoever saw it
    ("A report seen by Kestrel Daily said 41 people were killed in the ambush.",
     "41 people were killed in the ambush", "A report", "said", "indirect"),
    ("A statement released by the ministry said 41 people were killed in the ambush.",
     "41 people were killed in the ambush", "ministry", "said", "indirect"),
    # who was quick in blaming: the subject of the verb the adjective completes
    ("The interior ministry was quick in blaming the Varnel Front for the blast.",
     "the Varnel Front for the blast", "interior ministry", "blaming", "indirect"),
    # a clause whose subject the parser takes for the cue's object keeps it
    ("The health ministry announced the tests by an army laboratory found chlorine in the samples.",
     "the tests by an army laboratory found chlorine in the samples", "health ministry", "announced", "indirect"),
    # a quoting that closes the sentence it reports, hung on it as its conjunct
    ("Government forces pulled back from Kessa, a military source was quoted as saying by state media.",
     "Government forces pulled back from Kessa", "a military source", "saying", "indirect"),
    # a cue the tagger took for a plural noun, which the parser gave a subject and a clause
    ("President Trump hopes that Velnor’s new council will succeed.",
     "Velnor’s new council will succeed", "Trump", "hopes", "indirect"),
    # what an object is called in quotation marks, however the parser reads its word
    ('The foreign minister called the attacks "cowardly" on Monday.',
     'the attacks "cowardly"', "foreign minister", "called", "mixed"),
    # a regional military command speaks as an army does
    ("The Orsk military axis denied carrying out any shelling in the area.",
     "carrying out any shelling in the area", "Orsk military axis", "denied", "indirect"),
    # a list whose later members the parser hung on the cue is still what was said
    ("The minister said the gunmen would continue to threaten lives, the global economy, and the free flow of grain.",
     "the gunmen would continue to threaten lives, the global economy, and the free flow of grain",
     "minister", "said", "indirect"),
    ("We are hopeful that whoever governs Orsk will demonstrate respect for the rights of all Orskians, prevent "
     "the collapse of state institutions, and ensure the conditions for return.",
     "whoever governs Orsk will demonstrate respect for the rights of all Orskians, prevent the collapse of state "
     "institutions, and ensure the conditions for return", "we", "hopeful", "indirect"),
    ("The envoy said the ceasefire was holding, the roads to Kessa were open, and aid was moving.",
     "the ceasefire was holding, the roads to Kessa were open, and aid was moving", "envoy", "said", "indirect"),
    # what a condemnation calls what it condemns is what it says; the "as" of a clause is not
    ("Governor Aram Tessel condemned the raid as “cowardly and wicked”.",
     "the raid as “cowardly and wicked”", "Tessel", "condemned", "mixed"),
    ("The president condemned the killing as “an attack on our democracy”.",
     "the killing as “an attack on our democracy”", "president", "condemned", "mixed"),
    ("The minister condemned the raid as he left the meeting in Orsk.", "the raid", "minister", "condemned",
     "indirect"),
    # what a demand is for: its price, and an appeal's purpose
    ("The kidnappers demanded 500 million naira for their freedom.", "500 million naira for their freedom",
     "kidnappers", "demanded", "indirect"),
    ("The UN appealed for $40 million to fund the emergency response in Orsk.",
     "$40 million to fund the emergency response in Orsk", "UN", "appealed for", "indirect"),
    # what an object is for, the infinitive the parser made the cue's own
    ("The government reminded Velnor of its obligations under the ceasefire to release all detainees.",
     "Velnor of its obligations under the ceasefire to release all detainees", "government", "reminded",
     "indirect"),
])
def test_statements_content_speaker_cue_kind(pipeline, text, content, speaker, cue, kind):
    record = pipeline(text)
    assert_valid(record)
    st = statement_by_content(record, content)
    assert st["content"]["text"].rstrip(",.") == content.rstrip(",.")
    assert speaker.lower() in speaker_name(record, st).lower()
    assert st["cue"]["text"].lower() == cue
    assert st["kind"] == kind


@pytest.mark.parametrize("text, said, other", [
    # the speaker's next act, and the writer's next clause, are no part of a list
    ("The envoy said the army had withdrawn from Kessa, and warned of more attacks on the road.",
     "the army had withdrawn from Kessa", "more attacks on the road"),
    ("Police said gunmen of the Tamber Front, which had vowed to avenge the raid, attacked a post in Orsk on "
     "Thursday and killed five guards.", None, "to avenge the raid"),
])
def test_statements_a_list_goes_on_only_with_the_speaker_s_own_words(pipeline, text, said, other):
    record = pipeline(text)
    contents = [s["content"]["text"] for s in record["statements"]]
    assert other in contents, contents
    assert said is None or said in contents, contents


@pytest.mark.parametrize("text, content, stance", [
    ("The government denied that its aircraft had struck the market.", "its aircraft had struck the market", "deny"),
    ("The group claimed that its fighters had downed a helicopter.", "its fighters had downed a helicopter", "claim"),
    ("The foreign ministry condemned the attack on the embassy.", "the attack on the embassy", "condemn"),
    ("The envoy urged both sides to return to the negotiating table.", "both sides to return to the negotiating table", "call"),
    ("The minister called for an immediate ceasefire.", "an immediate ceasefire", "call"),
    ("The army warned that it would respond to any further attack.", "it would respond to any further attack", "warn"),
    ("The opposition leader accused the police of firing on protesters.", "the police of firing on protesters", "accuse"),
    ("The militia claimed responsibility for the bombing.", "responsibility for the bombing", "claim"),
    ("The ministers concluded that the border deal was void.", "the border deal was void", "assert"),
    ("The leaders reaffirmed their commitment to the ceasefire.", "their commitment to the ceasefire", "assert"),
    ("The court deemed that the decree breached the constitution.", "the decree breached the constitution", "assert"),
    ("We believe he is alive.", "he is alive", "assert"),
    ("The government assesses that Velnor's forces have committed war crimes.",
     "Velnor's forces have committed war crimes", "assert"),
    ("The envoy expects the parties to resume talks next week.", "the parties to resume talks next week", "other"),
    ("The caretaker prime minister recommended that foreign troops withdraw.", "foreign troops withdraw", "call"),
    ("The panel recommended the border crossings stay open.", "the border crossings stay open", "call"),
    ("The ruling party hailed the pipeline as a historic step.", "the pipeline", "other"),
    # what a readout puts on record
    ("The delegation registered its concerns about interference in aid deliveries.",
     "its concerns about interference in aid deliveries", "other"),
    ("The delegation outlined new assistance for flood victims.", "new assistance for flood victims", "assert"),
    ("The minister noted an interest in further talks.", "an interest in further talks", "assert"),
    ("We trust the council will act swiftly.", "the council will act swiftly", "assert"),
    # a state of mind about something, as well as that something is so
    ("We remain deeply concerned about the fighting in Velnor.", "the fighting in Velnor", "other"),
    ("The council is encouraged by the outcome of the summit.", "the outcome of the summit", "other"),
    # what one grants, protests or swears, and a rebuff
    ("The minister conceded that the convoy had been hit by army shells.",
     "the convoy had been hit by army shells", "assert"),
    ("Residents complained that the checkpoint had been closed for a week.",
     "the checkpoint had been closed for a week", "assert"),
    ("The spokesman countered that the talks had never begun.", "the talks had never begun", "assert"),
    ("The commander swore that Kessa would not fall.", "Kessa would not fall", "other"),
    ("The ministry rebuffed the accusations of torture.", "the accusations of torture", "deny"),
    ("Officials brushed off rumours that the president had fled the country.",
     "rumours that the president had fled the country", "deny"),
    ("The envoy begged both sides to spare the hospital.", "both sides to spare the hospital", "call"),
])
def test_statements_stance_from_the_cue(pipeline, text, content, stance):
    st = statement_by_content(pipeline(text), content)
    assert st["stance"] == stance


@pytest.mark.parametrize("text, channel", [
    ("The deputy minister told state television that the checkpoint had been closed.", "state television"),
    ("The army said in a statement that two brigades had been redeployed.", "a statement"),
    ("The ministry said on its Telegram channel that the strike had hit a depot.", "its Telegram channel"),
    ("The president, in an interview with a local radio station, said elections would be delayed.",
     "an interview with a local radio station"),
    ("The prime minister, addressing the annual security conference, said the border would stay shut.",
     "the annual security conference"),
    ("“The roads are closed,” the agency's director wrote on X.", "X"),
    ("A senior official, speaking on condition of anonymity, said the talks had stalled.", None),
    ("One resident told AFP that the shelling had lasted all night.", "AFP"),
])
def test_statements_channel_kept_apart_from_speaker(pipeline, text, channel):
    record = pipeline(text)
    assert len(record["statements"]) == 1
    st = record["statements"][0]
    assert st["channel"] == channel
    assert channel is None or channel not in (st["speaker"]["text"] or "")


def test_statements_whose_information_it_is_speaks(pipeline):
    # "our information indicates": we say it; information that is no one's is its own speaker
    record = pipeline("Our information indicates that the forces are preparing to attack Orsk.",
                      source="U.S. Department of State")
    assert [(speaker_name(record, s), s["content"]["text"]) for s in record["statements"]] == [
        ("United States", "the forces are preparing to attack Orsk")]
    assert said(pipeline, "Velnor's intelligence said Tarsk was massing troops.") == [
        ("said", "Velnor", "Tarsk was massing troops")]


@pytest.mark.parametrize("text, content, channel", [
    # the parser hangs how it was said on the object; it is no part of what was denied
    ("The Varnel Front denied any involvement in a statement posted online.", "any involvement", "a statement"),
    ("The ministry condemned the attack in a statement on Monday.", "the attack", "a statement"),
    # what a concern is about is no channel, though "reports" may be one
    ("The council expressed its concern over reports of killings in Dornik.",
     "its concern over reports of killings in Dornik", None),
    # "in" is the part's own: what the role was in is what is denied
    ("Rebels denied any role in the killing of the mayor.", "any role in the killing of the mayor", None),
])
def test_statements_object_without_the_channel_hung_on_it(pipeline, text, content, channel):
    record = pipeline(text)
    assert [(s["content"]["text"], s["channel"]) for s in record["statements"]] == [(content, channel)]


@pytest.mark.parametrize("text, said", [
    # the speaker's participle after a comma is their next saying, not part of the first
    ("The defence ministry denied that its forces had withdrawn, saying the army remained in control of the "
     "town.", [("denied", "its forces had withdrawn"), ("saying", "the army remained in control of the town")]),
    ("Officials said the 36 must face charges, adding that the prosecution would go on.",
     [("said", "the 36 must face charges"), ("adding", "the prosecution would go on")]),
    # a participle that is no saying stays in what was said
    ("Police said the gunmen opened fire on the crowd, killing three people.",
     [("said", "the gunmen opened fire on the crowd, killing three people")]),
    # the writer's comment on it does not (comments.tsv)
    ("The principal said no pupil had been freed by troops, contradicting the army's account.",
     [("said", "no pupil had been freed by troops")]),
    # the speaker's next act after "and" and its auxiliaries
    ("The ministry has said two men died in a stampede and has denied that police fired live rounds.",
     [("said", "two men died in a stampede"), ("denied", "police fired live rounds")]),
    # one speaker's two clauses of one report stay one saying
    ("The minister said the talks had failed and the army would resume its offensive.",
     [("said", "the talks had failed and the army would resume its offensive")]),
])
def test_statements_a_saying_participle_ends_the_saying_before_it(pipeline, text, said):
    record = pipeline(text)
    assert [(s["cue"]["text"], s["content"]["text"]) for s in record["statements"]] == said
    speakers = {speaker_name(record, s) for s in record["statements"]}
    assert len(speakers) == 1, speakers


@pytest.mark.parametrize("text", [
    "The fund will hold accountable those who deny Kessans the freedoms they deserve.",
    "The army denied them entry to the camp.",
])
def test_statements_what_is_withheld_from_someone_is_no_denial(pipeline, text):
    assert pipeline(text)["statements"] == []


def test_statements_a_was_whose_complement_the_parser_gave_away_is_no_saying(pipeline):
    found = said(pipeline, "In a telephone call to a radio station in Jolo, a man who said he was Commander "
                           "Baddong's spokesman said his fighters had clashed with a pursuing coast guard boat.")
    assert [content for _, _, content in found] == ["his fighters had clashed with a pursuing coast guard boat"]


def test_statements_a_call_of_the_speaker_s_after_a_passive_is_a_saying_of_its_own(pipeline):
    found = said(pipeline, "The Civic Alliance says the count was rigged and has called for a recount in four "
                           "departments.")
    assert ("says", "The Civic Alliance", "the count was rigged") in found
    assert ("called for", "The Civic Alliance", "a recount in four departments") in found


def test_statements_the_and_before_the_speaker_s_next_act_is_no_part_of_the_first(pipeline):
    found = said(pipeline, "He said the bones could be decades old and warned that the ministry would not "
                           "allow the site to be disturbed.")
    assert ("said", "He", "the bones could be decades old") in found
    assert ("warned", "He", "the ministry would not allow the site to be disturbed") in found


def test_statements_another_s_saying_after_and_ends_the_first(pipeline):
    record = pipeline("The relief group said 31 people had died since Sunday, and the UN office estimated "
                      "that 9,000 had fled.")
    assert [(s["speaker"]["text"], s["content"]["text"]) for s in record["statements"]] == [
        ("The relief group", "31 people had died since Sunday"), ("the UN office", "9,000 had fled")]


@pytest.mark.parametrize("text, content, speaker", [
    # hung on whom they spoke to
    ('Speaking to the Velnor Courier, the president of the Kessa League for the Defence of Human Rights, Aram '
     'Tessel, said, "We are for the freedom to dress, but today we find reasons for this decision".',
     "We are for the freedom to dress", "Aram Tessel"),
    # joined to the place that opens the sentence, the title hung on the name
    ("In Kessa Town, Lin Marovet, the Velnorian foreign ministry spokeswoman, said the admission showed who the "
     "real aggressor was.", "the admission showed who the real aggressor was", "Lin Marovet"),
])
def test_statements_a_speaker_set_off_by_commas_the_parser_hung_before_the_cue(pipeline, text, content, speaker):
    record = pipeline(text)
    assert speaker_name(record, statement_by_content(record, content)) == speaker


def test_statements_a_speaker_the_parser_hung_on_the_clause_before_the_cue(pipeline):
    record = pipeline("Preliminary tests of soil samples from Kessa confirmed the presence of chlorine, the "
                      "watchdog's director-general, Hendrik Vos, told reporters in The Hague. \"Two cylinders were "
                      "dropped from the air onto homes near the market,\" he said.")
    told = statement_by_content(record, "Preliminary tests of soil samples")
    assert told["content"]["text"] == "Preliminary tests of soil samples from Kessa confirmed the presence of chlorine"
    assert speaker_name(record, told) == "Hendrik Vos"
    # and "he", whom the entities could not find without a subject to look back to, is the one who spoke last
    quoted = statement_by_content(record, "Two cylinders were dropped")
    assert quoted["speaker"]["entity"] == told["speaker"]["entity"]


def test_statements_a_quotation_before_a_title_and_a_name_set_off_by_commas(pipeline):
    record = pipeline("“We have no news of our drivers, and their families are desperate,” the union's "
                      "secretary-general, Hamidou Diallo, told Trans-Saharan Press.")
    statement = statement_by_content(record, "We have no news")
    assert statement["content"]["text"] == "We have no news of our drivers, and their families are desperate"
    assert speaker_name(record, statement) == "Hamidou Diallo"
    assert statement["kind"] == "direct"


def test_statements_a_speaker_the_parser_hung_on_the_phrase_before_the_cue(pipeline):
    record = pipeline("In an audio message sent to journalists, a man who identified himself as the group's "
                      "spokesman, Major Ezechiel Paluku, said a dozen CPR fighters had carried out the raid. He "
                      "demanded the release of the group's commander.")
    said_ = statement_by_content(record, "a dozen CPR fighters had carried out the raid")
    assert speaker_name(record, said_) == "Ezechiel Paluku"
    demanded = statement_by_content(record, "the release of the group's commander")
    assert demanded["speaker"]["entity"] == said_["speaker"]["entity"]


def test_statements_a_speaker_after_the_last_comma_the_parser_hung_on_the_clause(pipeline):
    found = said(pipeline, "The freed captives were being treated at the general hospital in Gusau, a nurse there "
                           "said.")
    assert found == [("said", "a nurse", "The freed captives were being treated at the general hospital in Gusau")]


def test_statements_the_name_after_a_cue_that_follows_a_quotation_speaks(pipeline):
    record = pipeline("“We want our sons back before the rainy season,” said Tsehay Alemu, a mother from Debark whose "
                      "son, a police officer, was captured by the Front in January.")
    statement = statement_by_content(record, "We want our sons back before the rainy season")
    assert speaker_name(record, statement) == "Tsehay Alemu"


def test_statements_speaker_resolved_through_pronoun_and_description(pipeline):
    record = pipeline(
        "Defence Minister Karl Brandt said the last unit had left the valley. "
        "He added that engineers would clear the road within a week.\n"
        "The Defence Ministry said that no soldiers were hurt. The ministry also said that a second convoy was on its way.")
    assert speaker_name(record, statement_by_content(record, "engineers would clear")) == "Karl Brandt"
    assert speaker_name(record, statement_by_content(record, "a second convoy")) == "Defence Ministry"


def test_statements_he_who_gives_a_quotation_is_the_speaker_before_not_whom_he_spoke_of(pipeline):
    record = pipeline("A government spokesman denied reports that President Anton Vell had been detained. "
                      "“The president is safe and well,” he told reporters.")
    assert speaker_name(record, statement_by_content(record, "The president is safe")) == "government spokesman"
    # without a quotation, the one spoken of may well act next
    record = pipeline("A spokesman said Jonas Berg was arrested on Monday. He denied the charges through his lawyer.")
    assert speaker_name(record, statement_by_content(record, "the charges")) == "Jonas Berg"


def test_statements_who_after_a_comma_is_the_noun_before_it(pipeline):
    record = pipeline("The capture of the bridge was confirmed by residents on Tuesday, who said soldiers "
                      "were deployed on both banks.")
    assert speaker_name(record, statement_by_content(record, "soldiers were deployed")) == "residents"


@pytest.mark.parametrize("text, speaker", [
    # someone of theirs, not they
    ("Security forces detained three journalists on Monday, their employer said.", None),
    ("The minister resigned on Friday, his lawyer said.", "lawyer"),  # a person of their own
])
def test_statements_a_speaker_named_by_whose_they_are_is_not_the_possessor(pipeline, text, speaker):
    record = pipeline(text)
    assert [entity_name(record, s["speaker"].get("entity")) for s in record["statements"]] == [speaker]


def test_statements_a_denial_of_doing_keeps_its_gerund_beside_another_cue(pipeline):
    # the gerund is what is denied, not the object of the verb coordinated with "denied"
    assert said(pipeline, "The army denied shelling the town and accused the rebels of lying.") == [
        ("denied", "The army", "shelling the town"), ("accused", "The army", "the rebels of lying")]
    # a passive or perfect gerund is denied as a plain one is
    assert said(pipeline, "The militia denied being involved in the raid.") == [
        ("denied", "The militia", "being involved in the raid")]
    assert said(pipeline, "The militia denied having shelled the town.") == [
        ("denied", "The militia", "having shelled the town")]


def test_statements_a_name_a_group_calls_itself_is_no_saying_and_the_group_speaks(pipeline):
    assert said(pipeline, "Hours later, a little-known group calling itself the Sons of Dornik also said it "
                          "had carried out the attack.") == [("said", "a little-known group",
                                                              "it had carried out the attack")]
    # nor is the "for" of a name the parser hangs on "calls" a call for anything
    assert said(pipeline, "A previously unknown group which calls itself the Council for the Salvation of the "
                          "Republic said it planted the bomb.") == [("said", "A previously unknown group",
                                                                     "it planted the bomb")]
    # calling something by a name is still a saying
    assert said(pipeline, "The minister called the attack a crime.") == [("called", "The minister",
                                                                          "the attack a crime")]


def test_statements_adding_that_keeps_the_speaker_and_channel(pipeline):
    record = pipeline("The presidency in a statement condemned the raid, adding that the perpetrators would be found.")
    st = statement_by_content(record, "the perpetrators would be found")
    assert st["cue"]["text"] == "adding"
    assert "presidency" in st["speaker"]["text"].lower()
    assert st["channel"] == "a statement"


def test_statements_quote_over_several_sentences_and_paragraphs(pipeline):
    text = ("Relief coordinator Sara Nilsen described the scene.\n"
            "“The roads are gone. The clinics have no power.\n"
            "“We are asking for helicopters,” she told reporters.")
    record = pipeline(text)
    st = statement_by_content(record, "The roads are gone.")
    assert st["content"]["text"].endswith("We are asking for helicopters")
    assert st["kind"] == "direct"
    assert speaker_name(record, st) == "Sara Nilsen"


def test_statements_quote_split_by_its_cue_gives_both_parts(pipeline):
    record = pipeline("“We are ready,” the colonel said, “but the bridge must be repaired first.”")
    parts = [s["content"]["text"] for s in record["statements"]]
    assert any(p.startswith("We are ready") for p in parts)
    assert any(p.startswith("but the bridge must be repaired") for p in parts)


def test_statements_quoted_paragraph_without_cue_continues_the_speaker(pipeline):
    text = ("“The town is surrounded,” said Lieutenant Marek Zielinski.\n"
            "“We have food for three more days and no way to bring in more.”")
    record = pipeline(text)
    st = statement_by_content(record, "We have food for three more days")
    assert speaker_name(record, st) == "Marek Zielinski"


def test_statements_headline_attribution(pipeline):
    record = pipeline("UN says 40,000 displaced by floods in the north\nThe United Nations said on Tuesday that "
                      "at least 40,000 people had been displaced.")
    st = statement_by_content(record, "40,000 displaced by floods")
    assert st["speaker"]["text"] == "UN"


@pytest.mark.parametrize("text", [
    "The explosion claimed the lives of four workers.",
    "The said agreement expired in March.",
    "Officials did not disclose whether the prisoners had been released.",
    # a question a speaker left unanswered is no content they put forward
    "The police statement did not explain why the officers had opened fire.",
    "The ministry declined to say how many people had been arrested.",
    "The spokesman refused to reveal who had ordered the raid.",
    "The report is due on Monday.",
    "Sales added 4% in the quarter.",
])
def test_statements_none_where_no_one_speaks(pipeline, text):
    assert pipeline(text)["statements"] == []


@pytest.mark.parametrize("text", [
    "Shell fragments and satellite images indicate that an army drone struck the market in Orsk, a monitoring "
    "group said on Wednesday.",
    "A monitoring group said shell fragments and satellite images indicate that an army drone struck the market.",
])
def test_what_evidence_shows_inside_a_saying_is_the_sayers_word(pipeline, text):
    record = pipeline(text)
    # one statement, the group's, which holds the strike; the fragments say nothing
    assert [s["speaker"]["text"] for s in record["statements"]] in (["a monitoring group"], ["A monitoring group"])
    strike = next(e for e in record["events"] if e["type"] == "ASSAULT")
    assert strike["attributed_to"] == record["statements"][0]["id"]


def test_statements_stray_quote_mark_does_not_swallow_the_paragraph(pipeline):
    record = pipeline("The army said it was fighting in the “northern countryside.\nThe minister said the roads were open.")
    assert len(record["statements"]) == 2
    assert statement_by_content(record, "the roads were open")["kind"] == "indirect"


def test_statements_every_span_indexes_the_text(pipeline, dev_articles):
    for article in dev_articles[:30]:
        assert_valid(pipeline(article["text"], published=article.get("published")))


@pytest.mark.parametrize("text, content, cue, speaker", [
    ("“We will fight,” he said. “We will never surrender,” he added.", "We will never surrender", "added", None),
    ("The ministry declined to comment. “We will not discuss operations that are still under way,” a spokesman said.",
     "We will not discuss operations", "said", "a spokesman"),
    ("Fighting continued on Sunday. “We are trapped and the water has run out,” said a resident.",
     "We are trapped", "said", "a resident"),
])
def test_statements_quotation_goes_to_the_cue_of_its_own_sentence(pipeline, text, content, cue, speaker):
    st = statement_by_content(pipeline(text), content)
    assert st["cue"]["text"] == cue
    if speaker:
        assert st["speaker"]["text"] == speaker


def test_statements_run_of_quoted_paragraphs_all_continue_the_speaker(pipeline):
    text = ("“The town is surrounded on three sides,” said Lieutenant Marek Zielinski.\n"
            "“We have food for three more days and no way to bring in more.”\n"
            "“The children are sick and the clinic has no medicine left.”\n"
            "“Please send help before it is too late for all of us.”")
    record = pipeline(text)
    for fragment in ("We have food", "The children are sick", "Please send help"):
        assert speaker_name(record, statement_by_content(record, fragment)) == "Marek Zielinski"


def test_statements_quotation_on_the_line_after_a_colon(pipeline):
    record = pipeline("The president said:\n“We will not surrender a single village to the invaders.”")
    assert statement_by_content(record, "We will not surrender")["kind"] == "direct"


def test_statements_anonymity_is_no_call(pipeline):
    record = pipeline("A commander, who asked not to be named, said the unit had withdrawn.")
    assert [s["stance"] for s in record["statements"]] == ["assert"]


def test_headline_content_stops_at_the_line_break(pipeline):
    text = ("Army says talks possible once Tarsk is secured\n"
            "Speaking to reporters, the minister said talks could begin soon.")
    record = pipeline(text)
    contents = [s["content"]["text"] for s in record["statements"]]
    assert "talks possible once Tarsk is secured" in contents
    assert all("\n" not in c for c in contents)


@pytest.mark.parametrize("text, cue, content, stance", [
    ("Last year the president made a promise to the nation that the troops would come home.",
     "made a promise", "the troops would come home", "other"),
    ("The militia gave assurances that it would not attack the convoy.",
     "gave assurances", "it would not attack the convoy", "assert"),
    ("The ministry issued a warning that it would strike any vessel near the port.",
     "issued a warning", "it would strike any vessel near the port", "warn"),
    ("The governor made clear that the curfew would stay.", "made clear", "the curfew would stay", "assert"),
])
def test_a_light_verb_and_its_noun_attribute_a_that_clause(pipeline, text, cue, content, stance):
    record = pipeline(text, published="2024-03-01")
    assert_valid(record)
    found = statement_by_content(record, content)
    assert found["content"]["text"] == content and found["cue"]["text"] == cue and found["stance"] == stance


@pytest.mark.parametrize("text", ["The two sides made a deal that nobody liked.", "He made a promise.",
                                  "She gave a speech that lasted an hour."])
def test_a_light_verb_with_another_noun_or_no_clause_attributes_nothing(pipeline, text):
    assert pipeline(text, published="2024-03-01")["statements"] == []


@pytest.mark.parametrize("text", ["N according to.", "Forty people died, according to", "Rebels, according to.",
                                  "according to the"])
def test_according_to_with_no_one_after_it_names_no_speaker_and_breaks_nothing(pipeline, text):
    # a text cut after "according to" once failed the statements stage, and ingest lost it
    record = pipeline(text, published="2024-03-01")
    assert_valid(record)
    assert all(s["speaker"]["text"] not in (".", "") for s in record["statements"])


def test_statements_from_a_gerund_and_from_an_object_two_cues_share(pipeline):
    record = pipeline("We also joined more than forty nations in condemning the threats. The council welcomes "
                      "and strongly endorses the declaration.", source="Ministry of Foreign Affairs of Velnor")
    st = statement_by_content(record, "the threats")
    assert st["stance"] == "condemn" and st["speaker"]["text"] == "We"
    assert statement_by_content(record, "the declaration")["stance"] == "other"
    passive = pipeline("The offensive is condemned by the world and leaves the rebels isolated.")
    assert not [s for s in passive["statements"] if "isolated" in s["content"]["text"]]
    # who have been united in condemning it
    united = pipeline("Velnor and Kessa have been united in condemning the raids on Orsk.")
    assert statement_by_content(united, "the raids on Orsk")["speaker"]["text"] == "Velnor"


@pytest.mark.parametrize("text, contents", [
    # a second "that" opens a second proposition, which later reports may confirm apart
    ("The governor noted that the bridge at Vasylkiv had reopened, and that two convoys might cross by Friday.",
     ["the bridge at Vasylkiv had reopened", "two convoys might cross by Friday"]),
    ("The spokesman said the rebels had left Orlivka, and that talks would resume on Monday.",
     ["the rebels had left Orlivka", "talks would resume on Monday"]),
    # no second "that": one proposition, as written
    ("The army said the rebels had withdrawn and the city was calm.",
     ["the rebels had withdrawn and the city was calm"]),
])
def test_statements_one_per_that_clause(pipeline, text, contents):
    record = pipeline(text)
    assert_valid(record)
    assert [s["content"]["text"] for s in record["statements"] if s["cue"]["text"] in ("noted", "said")] == contents


def test_statements_a_preposition_before_the_cue_is_not_its_particle(pipeline):
    # "On Tuesday ... called": no "call on" whose content is Tuesday
    record = pipeline('On Tuesday, the Greek prime minister called the maritime deal "null and void".')
    assert [(s["content"]["text"], s["stance"]) for s in record["statements"]] == [
        ('the maritime deal "null and void"', "assert")]


@pytest.mark.parametrize("text, content", [
    # the infinitive is what is called for, however the parser hangs it
    ("The envoy again calls on the Government of Karvia to immediately cease the arbitrary detention of its citizens.",
     "the Government of Karvia to immediately cease the arbitrary detention of its citizens"),
    ("We continue to call for both the Karvian government and separatist armed groups to end the violence.",
     "both the Karvian government and separatist armed groups to end the violence"),
    ("The council called for a ceasefire.", "a ceasefire"),
])
def test_statements_a_call_holds_its_infinitive(pipeline, text, content):
    record = pipeline(text)
    assert [s["content"]["text"] for s in record["statements"]] == [content]
    assert record["statements"][0]["stance"] == "call"


@pytest.mark.parametrize("text, content, stance", [
    ("The ministry commended the mediators for their efforts to end the siege.",
     "the mediators for their efforts to end the siege", "other"),
    ("The council encouraged both parties to return to the talks.", "both parties to return to the talks", "call"),
])
def test_statements_praise_keeps_its_reason_and_encouragement_is_a_call(pipeline, text, content, stance):
    record = pipeline(text)
    assert [(s["content"]["text"], s["stance"]) for s in record["statements"]] == [(content, stance)]


def test_statements_a_cue_coordinated_into_an_object_is_a_statement_of_the_same_speaker(pipeline):
    # the parser joins "call" to "demarcate", inside what is rejected
    record = pipeline("We reject the use of force to demarcate the border and call on both sides to return to "
                      "their previous positions.")
    assert [(s["cue"]["text"], s["content"]["text"], s["speaker"]["text"]) for s in record["statements"]] == [
        ("reject", "the use of force to demarcate the border", "We"),
        ("call on", "both sides to return to their previous positions", "We")]


@pytest.mark.parametrize("text, content", [
    # how it was said is not what was said
    ("The council condemns these actions in the most unequivocal terms.", "these actions"),
    # a possessive the parser splits into two objects stays one
    ("We welcome ECOWAS’s continued engagement in Niger.", "ECOWAS’s continued engagement in Niger"),
])
def test_statements_an_objects_manner_and_possessive(pipeline, text, content):
    record = pipeline(text)
    assert [s["content"]["text"] for s in record["statements"]] == [content]


@pytest.mark.parametrize("text, content, stance", [
    ("The envoy expressed concern over the shelling of Orlivka.", "concern over the shelling of Orlivka", "other"),
    ("The ministry voiced concern about the arrests in Orlivka.", "concern about the arrests in Orlivka", "other"),
    ("The two delegations agreed that the corridor would stay open.", "the corridor would stay open", "assert"),
    ("The governor thanked the volunteers for their work in the shelters.",
     "the volunteers for their work in the shelters", "other"),
    ("The ministry reminded travellers of the risks of crossing the border.",
     "travellers of the risks of crossing the border", "assert"),
])
def test_statements_concern_agreement_thanks_and_reminders(pipeline, text, content, stance):
    record = pipeline(text)
    assert [(s["content"]["text"], s["stance"]) for s in record["statements"]] == [(content, stance)]


def test_statements_thanks_to_the_listener_are_a_courtesy(pipeline):
    assert pipeline("“I want to thank you all for coming tonight,” the mayor said.")["statements"][0]["content"][
        "text"] == "I want to thank you all for coming tonight"
    assert [s["cue"]["text"] for s in pipeline("I want to thank you all for coming tonight.")["statements"]] == []


@pytest.mark.parametrize("text, contents", [
    # the speaker's next act, which the parser joins to a verb inside the object: a saying of its own
    ("The United States expressed condolences for the loss of life caused by recent floods and outlined robust support.",
     ["condolences for the loss of life caused by recent floods", "robust support"]),
    # a relative clause that is a saying of its own ends it
    ("We welcomed Velnor's establishment of a Leadership Council, which we urge to advance these reforms.",
     ["Velnor's establishment of a Leadership Council"]),
    # two verbs of one form inside the object stay in it
    ("He praised the soldiers who fought and died.", ["the soldiers who fought and died"]),
    ("The ministry condemned the decision to close the border and expel the envoys.",
     ["the decision to close the border and expel the envoys"]),
])
def test_statements_an_object_ends_before_the_speakers_next_act(pipeline, text, contents):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == contents


def test_statements_an_infinitive_the_parser_hangs_on_an_aside_is_still_what_is_asked(pipeline):
    text = "We urge the parties, as my team and I have in recent days, to seize the opportunity for talks."
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == \
        ["the parties, as my team and I have in recent days, to seize the opportunity for talks"]


@pytest.mark.parametrize("text, statements", [
    ("We call for both sides to observe fully their obligations under the peace agreement and note that "
     "inflammatory rhetoric only deepens the crisis.",
     [("call", "We", "both sides to observe fully their obligations under the peace agreement"),
      ("note", "We", "inflammatory rhetoric only deepens the crisis")]),
    # what is called for may hold a reporting verb of its own
    ("They urged both sides to observe the ceasefire and report violations.",
     [("urged", "They", "both sides to observe the ceasefire and report violations")]),
])
def test_statements_a_call_ends_before_the_speakers_next_statement(pipeline, text, statements):
    assert said(pipeline, text) == statements


@pytest.mark.parametrize("text, content", [
    # what the parser hung from the cue but belongs to the noun before it
    ("We welcome the agreement between ECOWAS and Niger on a 24-month transition timeline.",
     "the agreement between ECOWAS and Niger on a 24-month transition timeline"),
    ("The United States continues to urge de-escalation of the conflict.", "de-escalation of the conflict"),
    # when and in whose name it was said are not what was said
    ("The army condemned the attack on Monday.", "the attack"),
])
def test_statements_an_object_keeps_its_own_phrases(pipeline, text, content):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == [content]


@pytest.mark.parametrize("text, statements", [
    ("As the minister said on Monday, the border crossing at Rafiq will stay closed.",
     [("said", "the minister", "the border crossing at Rafiq will stay closed")]),
    ("As I have said, this is a moment of considerable risk.", [("said", "I", "this is a moment of considerable risk")]),
    # "as" opening a clause that reports nothing
    ("As he said goodbye, the crowd cheered.", []),
])
def test_statements_as_someone_said(pipeline, text, statements):
    assert said(pipeline, text) == statements


@pytest.mark.parametrize("text, statements", [
    # a cue the parser joined into the reported clause is the speaker's next statement
    ("He also noted that the assembly did not ratify the treaty, and mentioned a possible route to arbitration.",
     [("noted", "the assembly did not ratify the treaty"), ("mentioned", "a possible route to arbitration")]),
    # two acts of the people reported are one report
    ("The army said the rebels were defeated and fled.", [("said", "the rebels were defeated and fled")]),
    ("As I have said, this is a moment of great risk, but I also believe this is a rare opportunity.",
     [("said", "this is a moment of great risk"), ("believe", "this is a rare opportunity")]),
    ("As the president said, they are despicable and they must stop.",
     [("said", "they are despicable and they must stop")]),
])
def test_statements_a_report_ends_before_the_speakers_next_statement(pipeline, text, statements):
    assert [(s["cue"]["text"], s["content"]["text"]) for s in pipeline(text)["statements"]] == statements


@pytest.mark.parametrize("text, statements", [
    ("We are encouraged that the council has taken steps to reopen the crossing.",
     [("encouraged", "We", "the council has taken steps to reopen the crossing")]),
    ("The agency remains deeply concerned that fighting has resumed near Orlivka.",
     [("concerned", "The agency", "fighting has resumed near Orlivka")]),
    # a state of mind with no clause, or a word of the list used of others, reports nothing
    ("The concerned residents gathered outside the town hall.", []),
    ("He was encouraged to apply for the post.", []),
    # what the people hoped of did next is theirs, not the hopeful speaker's
    ("We are encouraged that the rebels have withdrawn from Afar and have reiterated their commitment to talks.",
     [("encouraged", "We", "the rebels have withdrawn from Afar and have reiterated their commitment to talks"),
      ("reiterated", "the rebels", "their commitment to talks")]),
])
def test_statements_a_state_of_mind_with_its_clause(pipeline, text, statements):
    assert said(pipeline, text) == statements


@pytest.mark.parametrize("text, content", [
    # the sentence before the semicolon is not what is urged
    ("Aid alone cannot end this crisis; we urge the parties to the conflict to halt hostilities.",
     "the parties to the conflict to halt hostilities"),
    ("The ministry confirmed the deaths of two soldiers near the border.", "the deaths of two soldiers near the border"),
])
def test_statements_a_call_after_a_semicolon_and_a_confirmation(pipeline, text, content):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == [content]


@pytest.mark.parametrize("text, cue, content", [
    ("Karvia maintains a position that only its coast guard may patrol the strait.", "maintains a position",
     "only its coast guard may patrol the strait"),
    ("The envoy expressed hope that the talks would resume next week.", "expressed hope",
     "the talks would resume next week"),
])
def test_statements_a_position_or_a_hope_held_with_its_clause(pipeline, text, cue, content):
    assert [(s["cue"]["text"], s["content"]["text"]) for s in pipeline(text)["statements"]] == [(cue, content)]


@pytest.mark.parametrize("text, content", [
    # a relative clause after a comma is the writer's gloss on someone else's words ...
    ("The ministry condemned the attack, which killed 12 people.", "the attack"),
    # ... but the writer speaking for itself glosses nothing apart from what it says
    ("We condemn the raid on the clinic, which killed two nurses.", "the raid on the clinic, which killed two nurses"),
])
def test_statements_a_gloss_is_the_writers_unless_the_writer_speaks(pipeline, text, content):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == [content]


@pytest.mark.parametrize("source, content", [
    # a release speaks for its issuer (data/entities/issuers.tsv), by name as by "we"
    ("U.S. Department of State", "its support for the Orsk talks, which seek to end the fighting"),
    ("Kestrel Daily", "its support for the Orsk talks"),
])
def test_statements_an_issuer_speaking_of_itself_by_name_glosses_nothing_apart(pipeline, source, content):
    record = pipeline("The United States reiterates its support for the Orsk talks, which seek to end the fighting.",
                      source=source)
    assert [s["content"]["text"] for s in record["statements"]] == [content]


def test_statements_a_briefing_reports_what_it_was_on(pipeline):
    record = pipeline("The envoy briefed the council on the talks in Geneva.")
    assert [(s["content"]["text"], s["stance"]) for s in record["statements"]] == [("the talks in Geneva", "assert")]


@pytest.mark.parametrize("text, content", [
    ("The ministry welcomes the arrival today of a convoy carrying food to Tarsk.",
     "the arrival today of a convoy carrying food to Tarsk"),
    ("The ministry welcomes and strongly supports the declaration today by the council of a truce in Tarsk.",
     "the declaration today by the council of a truce in Tarsk"),
    ("The minister condemned the attack on the embassy on Monday.", "the attack on the embassy"),
])
def test_statements_an_object_keeps_its_own_phrases_past_a_today(pipeline, text, content):
    assert statement_by_content(pipeline(text), content)


@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the bombing of the Orsk market.",
    "Nobody has claimed the attack on the convoy, which killed six drivers.",
    "No official confirmed that the army had withdrawn from Orsk.",
    # an act the parser made the subject of a cue says nothing
    "The ceasefire agreed in Orsk on Friday has held since Saturday.",
])
def test_what_no_one_said_is_no_statement(pipeline, text):
    assert said(pipeline, text) == []


@pytest.mark.parametrize("text", [
    # put at a place, not at a number: a deployment, no estimate
    "The government put troops at the border crossing near Orsk.",
    # the first time something happened, told by the writer, is no one's saying
    "It was the first time that the army had entered Orsk since the war began.",
])
def test_words_of_an_estimate_or_a_first_time_that_say_nothing(pipeline, text):
    assert said(pipeline, text) == []


def test_a_speaker_of_no_fewer_than_a_count_still_speaks(pipeline):
    found = said(pipeline, "No fewer than 30 lawmakers said the vote had been rigged.")
    assert [content for _, _, content in found] == ["the vote had been rigged"], found


def test_what_is_reported_as_an_object_is_a_statement(pipeline):
    assert said(pipeline, "Residents reported heavy gunfire in Orsk overnight.") == [
        ("reported", "Residents", "heavy gunfire")]
    assert said(pipeline, "Two soldiers reported for duty in Orsk on Monday.") == []


def test_an_act_of_speech_asked_of_others_is_no_statement_of_the_one_who_asks(pipeline):
    found = said(pipeline, "The envoy urged both sides to observe the truce and condemn the attack on Orsk.")
    assert [cue for cue, _, _ in found] == ["urged"], found


@pytest.mark.parametrize("text, cue, content", [
    ("The envoy reiterated the following and warned the Varnel Front against new raids: attacks on the "
     "Orsk road are unlawful.", "reiterated", "attacks on the Orsk road are unlawful"),
    ("I stressed what I have said since the war began: the Republic supports Tarsk's right to defend itself.",
     "stressed", "the Republic supports Tarsk's right to defend itself"),
    ("The minister told reporters this: the army will not leave Orsk before the vote.",
     "told", "the army will not leave Orsk before the vote"),
])
def test_statements_what_a_colon_gives_is_what_was_said(pipeline, text, cue, content):
    assert (cue, content) in [(c, said_) for c, _, said_ in said(pipeline, text)], said(pipeline, text)


def test_statements_a_clause_before_a_colon_is_what_was_said(pipeline):
    # a real clause before the colon is the content; the words after only explain it
    found = said(pipeline, "The mayor said the shelling was deliberate: the army had fired on the market twice.")
    assert [(cue, content) for cue, _, content in found] == [("said", "the shelling was deliberate")], found


@pytest.mark.parametrize("text, cue, content, stance", [
    ("The ministry called its strikes defensive in nature.", "called", "its strikes defensive in nature", "assert"),
    # a name the tagger missed ("Zelenskiy") calls something something all the same
    ("Zelenskiy called the strikes \"terror\".", "called", "the strikes \"terror\"", "condemn"),
    ("The governor spoke out against the raid, calling it \"an act of piracy\".",
     "calling", "it \"an act of piracy\"", "assert"),
    ("The Foreign Ministry characterized the shelling as \"a grave violation of our borders\".",
     "characterized", "the shelling as \"a grave violation of our borders\"", "condemn"),
    ("The embassy advised its citizens to leave Orsk immediately.",
     "advised", "its citizens to leave Orsk immediately", "call"),
    ("The ministry asked for patience.", "asked for", "patience", "call"),
    ("The ministry appreciates the efforts of the mediators.", "appreciates", "the efforts of the mediators", "other"),
    ("The government guaranteed that the convoy would pass safely.", "guaranteed", "the convoy would pass safely", "other"),
    ("We have been clear that the sanctions will stay.", "been clear", "the sanctions will stay", "assert"),
    ("As we said when the talks began: the blockade of Orsk must end.",
     "said", "the blockade of Orsk must end", "assert"),
])
def test_statements_more_ways_of_saying(pipeline, text, cue, content, stance):
    found = [(s["cue"]["text"], s["content"]["text"], s["stance"]) for s in pipeline(text)["statements"]]
    assert (cue, content, stance) in found, found


def test_statements_a_day_after_call_is_no_call_on(pipeline):
    assert said(pipeline, "The minister called the governor on Monday.") == []
    found = said(pipeline, "The envoy called on both sides to respect the truce.")
    assert [(cue, content) for cue, _, content in found] == [("called on", "both sides to respect the truce")], found


def test_statements_a_message_told_after_a_colon(pipeline):
    found = said(pipeline, "We are sending a clear message: the convoys to Orsk must continue.")
    assert [(cue, content) for cue, _, content in found] == [
        ("sending a clear message", "the convoys to Orsk must continue")], found
    # a message that no one who speaks sends is a figure of speech
    assert said(pipeline, "The strikes sent a message that attacks on Orsk will not be tolerated.") == []


@pytest.mark.parametrize("text, speaker, content", [
    ("Eyewitnesses report beatings by the militia in Orsk.", "Eyewitnesses", "beatings by the militia in Orsk"),
    ("Survivors of the raid reported heavy shelling in Tarsk.", "Survivors of the raid", "heavy shelling in Tarsk"),
    ("A teacher in Orsk reported heavy shelling overnight.", "A teacher", "heavy shelling overnight"),
    ("A farmer reported gunfire near Tarsk.", "A farmer", "gunfire near Tarsk"),
])
def test_statements_witnesses_and_survivors_speak(pipeline, text, speaker, content):
    found = said(pipeline, text)
    assert [(who, what) for _, who, what in found] == [(speaker, content)], found


@pytest.mark.parametrize("text, speaker, cue, content, stance", [
    ("The army's denial that it shelled the Orsk market was rejected by residents.",
     "The army", "denial", "it shelled the Orsk market", "deny"),
    ("The rebels' claim that Tarsk had fallen proved false.", "The rebels", "claim", "Tarsk had fallen", "claim"),
    ("It remains our firm position that the talks must resume.", "our", "position", "the talks must resume", "assert"),
    ("Residents saw rebel trucks in the camp, contradicting the army's statements that its troops still held it.",
     "the army", "statements", "its troops still held it", "assert"),
    ("The wounds contradict the ministry's assertion that no live rounds were fired.",
     "the ministry", "assertion", "no live rounds were fired", "assert"),
    ("Residents rejected the claim by the army that the town was calm.", "the army", "claim", "the town was calm",
     "claim"),
])
def test_statements_a_said_noun_is_its_possessors_statement(pipeline, text, speaker, cue, content, stance):
    found = [(s["speaker"]["text"], s["cue"]["text"], s["content"]["text"], s["stance"])
             for s in pipeline(text)["statements"]]
    assert (speaker, cue, content, stance) in found, found


@pytest.mark.parametrize("text, speaker, content", [
    ("The council renewed its call for an immediate ceasefire around Orsk.", "The council",
     "an immediate ceasefire around Orsk"),
    ("We join the many calls for an independent inquiry into the shooting.", "We",
     "an independent inquiry into the shooting"),
])
def test_statements_a_call_made_again_asks_for_what_its_for_names(pipeline, text, speaker, content):
    found = [(s["speaker"]["text"], s["content"]["text"], s["stance"]) for s in pipeline(text)["statements"]]
    assert found == [(speaker, content, "call")], found
    # not a call that is no one's saying
    assert said(pipeline, "Volunteers answered the call for blood donors in Orsk.") == []


def test_statements_a_said_noun_of_no_one_is_no_statement(pipeline):
    assert said(pipeline, "The claim that Tarsk had fallen proved false.") == []


@pytest.mark.parametrize("text, denier, denied, gloss", [
    # a said noun after a comma
    ("The government said rebels had shelled the Orsk hospital, a claim the rebels denied.",
     "the rebels", "rebels had shelled the Orsk hospital", "denied"),
    ("The opposition alleged that police had raided its offices in Tarsk, a charge the police denied.",
     "the police", "police had raided its offices in Tarsk", "denied"),
    ("Rebels shelled the hospital in Orsk, a claim the army denied.", "the army", "Rebels shelled the hospital in Orsk",
     "denied"),
    # a saying told in a clause of the sentence: what the gloss follows, not the sentence
    ("The shelling came a day after the rebels claimed to have shot down an army helicopter near Orsk, a claim the "
     "defence ministry denied.", "the defence ministry", "to have shot down an army helicopter near Orsk", "denied"),
    # ", which" after a saying
    ("Velnor says the Free Arvesh Front uses schools as depots, which the Front denies.",
     "the Front", "the Free Arvesh Front uses schools as depots", "which"),
    ("Tarsk said Velnor's troops had executed prisoners near Orsk, which Velnor has denied.",
     "Velnor", "Velnor's troops had executed prisoners near Orsk", "which"),
    # ", which" after a said noun, the clause hung on the phrase's last noun
    ("Venn was sentenced in June to seven years in prison on charges of inciting unrest, which she denies.",
     "she", "charges of inciting unrest", "which"),
    # a count glossed as a figure or a toll someone disputes ("disputes" tagged as a plural noun)
    ("The Orsk health ministry said on Tuesday that the death toll had risen to 3,500, a figure Russia disputes.",
     "Russia", "the death toll had risen to 3,500", "disput"),
    ("The army said 40 militants were killed, a toll the rebels disputed.", "the rebels", "40 militants were killed",
     "disput"),
])
def test_statements_a_saying_someone_denies_glossed_after_a_comma(pipeline, text, denier, denied, gloss):
    found = [(s["speaker"]["text"], s["content"]["text"], s["stance"]) for s in pipeline(text)["statements"]]
    assert (denier, denied, "deny") in found, found
    # the first saying stops before the gloss
    assert not any(gloss in content for _, content, _ in found), found


def test_statements_a_disputed_election_is_no_saying(pipeline):
    record = pipeline("In 2028, security forces broke up protests after disputed legislative elections in Orsk.")
    assert record["statements"] == [], record["statements"]


@pytest.mark.parametrize("text", [
    # what ", which" stands for is the noun, not a saying before it
    "The council had sent the police a plan for the march in Orsk, which they rejected.",
    "It was the first time the army had acknowledged the strike on Orsk, which it had denied days earlier.",
])
def test_statements_a_which_after_no_saying_denies_the_noun(pipeline, text):
    found = [s["content"]["text"] for s in pipeline(text)["statements"] if s["stance"] == "deny"]
    assert not any(content.startswith(("The council", "It was", "the army")) for content in found), found


@pytest.mark.parametrize("text, content", [
    # a clause after the attribution that frames it is the writer's, not what was said
    ("Police in Orsk shot dead three protesters on Tuesday, a rights group said, as demonstrations against "
     "the tax turned violent.", "Police in Orsk shot dead three protesters on Tuesday"),
    ("Thousands of people returned to Dornik on Friday, district officials said, though schools remained closed.",
     "Thousands of people returned to Dornik on Friday"),
])
def test_statements_a_clause_framing_a_closing_attribution_is_not_said(pipeline, text, content):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == [content]


@pytest.mark.parametrize("text, content", [
    # "as long as", "as soon as": the speaker's condition or time, not the writer's "as"
    ("The police spokesman said officers would respect the truce as long as the gangs did and would escort the "
     "first convoy out of the terminal.",
     "officers would respect the truce as long as the gangs did and would escort the first convoy out of the terminal"),
    ("A UN official said the team would travel to the camp as soon as the authorities allowed access.",
     "the team would travel to the camp as soon as the authorities allowed access"),
    # but "as" with a clause of its own after the saying frames it
    ("The ministry said it was reinforcing its lines as panic spread in the city.", "it was reinforcing its lines"),
    ("The ministry said it was reinforcing its lines, as panic spread in the city, and that more troops were "
     "coming.", "it was reinforcing its lines"),
    # and an aside set off by commas that tells who else said it is part of the saying
    ("The minister said the army would, as he had promised last week, withdraw from Tarsk by Friday.",
     "the army would, as he had promised last week, withdraw from Tarsk by Friday"),
])
def test_statements_as_long_as_is_part_of_what_was_said(pipeline, text, content):
    assert [s["content"]["text"] for s in pipeline(text)["statements"]] == [content]


@pytest.mark.parametrize("text, denied", [
    # what the denial calls it comes first, the reports after: the reports' clause is denied
    ("The ministry dismissed as “fake news” reports that the president had fled Orsk.", "the president had fled Orsk"),
    ("The army rejected as baseless claims that its soldiers had looted the market in Dornik.",
     "its soldiers had looted the market in Dornik"),
])
def test_statements_reports_denied_after_what_they_are_called(pipeline, text, denied):
    found = [(s["stance"], s["content"]["text"]) for s in pipeline(text)["statements"]]
    assert found == [("deny", denied)], found


def test_statements_claimed_to_have_done_is_a_claim(pipeline):
    found = [(s["speaker"]["text"], s["stance"], s["content"]["text"]) for s in
             pipeline("The Varnel Front claimed to have shot down an army drone over Dornik.")["statements"]]
    assert found == [("The Varnel Front", "claim", "to have shot down an army drone over Dornik")], found


def test_statements_an_attribution_closing_a_cue_sentence_is_who_says_it(pipeline):
    # the small model hangs "announced" on "agreed" here
    record = pipeline("Tarsk and Velnor agreed on Wednesday to a ceasefire along their disputed border from midnight, "
                      "Korva's foreign minister announced, ending fighting that Tarsk says began on Sunday.")
    found = [(s["cue"]["text"], s["speaker"]["text"], s["content"]["text"]) for s in record["statements"]]
    announced = [f for f in found if f[0] == "announced"]
    assert announced and announced[0][1] == "Korva's foreign minister" and "ceasefire" in announced[0][2], found
    assert not [f for f in found if f[0] == "agreed" and "announced" in f[2]], found


def test_statements_a_speaker_the_parser_hung_on_the_reported_clause(pipeline):
    # the small model makes "residents and a local official" a conjunct of "mines"
    text = ("Varnel Front rebels have seized the town of Vardovo, home to one of the world's largest coltan mines, "
            "residents and a local official said on Tuesday.")
    found = said(pipeline, text)
    assert [(who, content) for _, who, content in found] == [
        ("residents", "Varnel Front rebels have seized the town of Vardovo, home to one of the world's largest "
                      "coltan mines")], found


def test_statements_a_speaker_the_parser_took_for_the_object_of_after(pipeline):
    # the small model reads "after" as a preposition, the minister as its object, and leaves
    # "said" with no subject: not the road's saying
    text = ("The road to Orsk remained cut on Friday, days after a state minister who asked not to be named said "
            "it would reopen.")
    assert [(who, content) for _, who, content in said(pipeline, text)] == [("a state minister", "it would reopen")], \
        said(pipeline, text)


@pytest.mark.parametrize("text, speaker", [
    ("A resident of Orsk, who asked not to be named for fear of reprisals, said soldiers searched every house.",
     "A resident of Orsk"),
    ("The deputy commander of the Varnel Liberation Front (VLF) said the road was open.",
     "The deputy commander of the Varnel Liberation Front"),
])
def test_statements_a_speaker_phrase_ends_before_a_relative_clause_or_a_bracket(pipeline, text, speaker):
    assert [who for _, who, _ in said(pipeline, text)] == [speaker], said(pipeline, text)


def test_statements_a_headline_a_persons_name_and_a_colon_begin(pipeline):
    found = said(pipeline, "Putin: Russia will respond to the incursion\nThe Kremlin gave no details.")
    assert (":", "Putin", "Russia will respond to the incursion") in found, found
    # a place names a subject, and a transcript's turn is no headline
    assert said(pipeline, "Sudan: fighting spreads to Darfur\nThe army gave no details.") == []
    transcript = "Briefing on the talks.\nIVO BRAND: We believe the talks will resume.\nQ: When?\n"
    assert not [f for f in said(pipeline, transcript) if f[0] == ":"]


@pytest.mark.parametrize("cue, dated", [("welcomes", False), ("welcomed", True)])
def test_a_saying_in_the_present_is_not_dated_by_the_day_of_what_it_says(pipeline, cue, dated):
    # "welcomes the recapture ... on Tuesday": made as the text is, the Tuesday is the
    # recapture's; told in the past, the day may be the saying's, as the parser has it
    record = pipeline(f"The Orsk Civilian Protection Network {cue} the recapture of Orsk by the defence and "
                      f"security forces on Tuesday 9 September.", published="2031-09-11")
    (statement,) = record["statements"]
    assert (statement["time"] is not None) is dated, statement


@pytest.mark.parametrize("text, content", [
    # the speaker's next saying, which the parser coordinates into the reported clause
    ("The group said more than 20 people had been killed in Orsk and blamed the shelling on the army.",
     "more than 20 people had been killed in Orsk"),
    ("The union said at least 15 of the crew were from Tarsk and called on the government to act.",
     "at least 15 of the crew were from Tarsk"),
    # one clause: the verbs share its auxiliary
    ("The envoy said experts were documenting and assessing potential war crimes in Orsk.",
     "experts were documenting and assessing potential war crimes in Orsk"),
    ("The ministry said the army would investigate and report its findings.",
     "the army would investigate and report its findings"),
])
def test_a_reported_clause_ends_before_the_speakers_next_saying(pipeline, text, content):
    record = pipeline(text)
    assert record["statements"][0]["content"]["text"] == content, record["statements"]


def test_what_one_is_accused_of_after_a_relative_clause_stays_in_the_accusation(pipeline):
    record = pipeline("The Front accused soldiers of the 8th Division, who man a checkpoint near Orsk, of looting the "
                      "aid trucks.")
    (accusation,) = [s for s in record["statements"] if s["stance"] == "accuse"]
    assert accusation["content"]["text"].endswith("of looting the aid trucks"), accusation
    # a gloss with nothing after it is the writer's, not what was said
    record = pipeline("The council condemned the attack on Orsk, which is held by the Front.")
    assert record["statements"][0]["content"]["text"] == "the attack on Orsk", record["statements"]


@pytest.mark.parametrize("text, expected", [
    # what is called so by one who scorns it is denied, whether the parser hangs the "as" on
    # the verb or on the object
    ("Moscow has repeatedly derided the warnings and alarms of Velnor as melodrama and nonsense.",
     ("deny", "the warnings and alarms of Velnor as melodrama and nonsense")),
    ("The army ridiculed the reports of a mutiny in Orsk as fantasy.",
     ("deny", "the reports of a mutiny in Orsk as fantasy")),
    # one verb, two sayings: what one is advised to do is a call, what one is advised of is told
    ("The Korvan embassy advised its citizens to leave Orsk.", ("call", "its citizens to leave Orsk")),
    ("Commanders advised the minister that another attack on the airport in Orsk was likely.",
     ("assert", "another attack on the airport in Orsk was likely")),
    # whose admission it is says it ("Russia's admission that ...")
    ("In response to Velnor's admission that it will not withdraw its forces from Tarsk, the alliance sent more "
     "troops.", ("assert", "it will not withdraw its forces from Tarsk")),
])
def test_statements_scorned_advised_and_admitted(pipeline, text, expected):
    found = [(s["stance"], s["content"]["text"]) for s in pipeline(text)["statements"]]
    assert expected in found, found


@pytest.mark.parametrize("text, expected", [
    # "according to" with words of the clause on both sides: the side with the predicate,
    # since what was said cannot hold who said it
    ("Forty-two people or more were injured on Sunday according to health officials in Orsk, ranging in age from "
     "six to 75.", ("health officials", "Forty-two people or more were injured on Sunday")),
    ("More than 900 detainees have died in Dornik prison, according to the Orsk Rights Network, while 300 are "
     "still missing.", ("the Orsk Rights Network", "More than 900 detainees have died in Dornik prison")),
    ("The rebels then, according to officials, fled the town of Orsk.", ("officials", "fled the town of Orsk")),
])
def test_statements_according_to_inside_a_sentence_says_its_predicate_side(pipeline, text, expected):
    found = [(s["speaker"]["text"], s["content"]["text"]) for s in pipeline(text)["statements"]]
    assert found == [expected], found


@pytest.mark.parametrize("text", [
    "The lawyer said the candidate was being held at a base and had been denied access to her lawyers.",
    "The journalists were refused entry at the border crossing near Orsk.",
])
def test_statements_what_someone_was_denied_is_no_denial(pipeline, text):
    statements = pipeline(text)["statements"]
    assert all(s["stance"] != "deny" for s in statements), statements


def test_statements_people_speak_where_they_act_not_where_they_may(pipeline):
    record = pipeline("People in Kessa said the gunmen arrived at night.")
    assert [s["speaker"]["entity"] is not None for s in record["statements"]] == [True], record["statements"]
    record = pipeline("The government must allow its people to freely express their hopes and aspirations.")
    assert record["statements"] == [], record["statements"]


def test_statements_a_name_before_the_speakers_noun_is_where_or_whose_not_who(pipeline):
    # "the Orsk regional hospital": the hospital speaks, not the town; but a place speaks
    # through its bodies, anyone through the figures they issue, a possessive through its own
    record = pipeline("The wounded guard was in a stable condition, the Orsk regional hospital said. More than "
                      "2,000 civilians have been killed since 2031, according to UN figures. The Kessan army said "
                      "it had retaken the bridge.")
    hospital = statement_by_content(record, "The wounded guard was in a stable condition")
    assert hospital["speaker"]["entity"] is None, record["entities"]
    assert speaker_name(record, statement_by_content(record, "More than 2,000 civilians")) == "UN"
    assert speaker_name(record, statement_by_content(record, "it had retaken the bridge")) == "Kessan army"


@pytest.mark.parametrize("text, content", [
    # the particle again after "and" or "as well as" is one saying of two things, wherever
    # the parser hung the second
    ("The envoy called for calm and for talks between the two sides.", "calm and for talks between the two sides"),
    ("Kessa joins its neighbours in calling for his release, as well as for the release of the prisoners held "
     "by the junta.", "his release, as well as for the release of the prisoners held by the junta"),
    # not what another speaker calls for, nor a call told apart by its own time
    ("The envoy called for calm, and the rebels called for talks.", "calm"),
    ("The minister called for calm on Monday and for talks on Tuesday.", "calm"),
])
def test_statements_the_same_particle_again_is_one_saying(pipeline, text, content):
    assert pipeline(text)["statements"][0]["content"]["text"] == content


def test_statements_a_clause_of_a_noun_that_is_said_is_not_the_content_of_a_saying_before_it(pipeline):
    # "Ameng said" tells what came before it; the statements' that-clause is theirs
    record = pipeline("Two police commanders took part in the talks at Orsk, Ameng said, despite repeated statements "
                      "by police headquarters that officers would not negotiate with the gunmen.")
    assert_valid(record)
    said = [s for s in record["statements"] if s["cue"]["text"] == "said"]
    assert [s["content"]["text"] for s in said] == ["Two police commanders took part in the talks at Orsk"], said


@pytest.mark.parametrize("text, speaker", [
    # a name the parse cuts at its preposition is one name
    ("Doctors Without Borders said its teams in Goma had treated 27 wounded people.", "Doctors Without Borders"),
    ("A spokesman for Reporters Without Borders said two journalists were held in Orsk.",
     "A spokesman for Reporters Without Borders"),
])
def test_statements_a_speaker_s_name_is_not_cut_at_its_preposition(pipeline, text, speaker):
    assert [who for _, who, _ in said(pipeline, text)] == [speaker], said(pipeline, text)


@pytest.mark.parametrize("text, cue, speaker", [
    # what a verb's subject did something to say is theirs, not the reporter's
    ("A local official said the kidnappers had called one family on Sunday to demand a ransom.", "demand",
     "the kidnappers"),
    ("In Orsk, about 400 people marched on Friday to demand the release of the hostages, local journalists said.",
     "demand", "about 400 people"),
    # a clause that adds to a saying is the sayer's
    ("The minister said troops had been sent to Orsk, adding that the town was calm.", "adding", "The minister"),
])
def test_statements_who_acts_to_say_something_says_it(pipeline, text, cue, speaker):
    found = [(c, s) for c, s, _ in said(pipeline, text)]
    assert (cue, speaker) in found, found


def test_statements_an_attribution_that_closes_the_sentence_after_a_phrase_of_its_own(pipeline):
    """", after four days of talks hosted by Orsk, both sides said": the parser makes the
    attribution a clause of the reported verb, which is itself a cue ("agreed")."""
    found = said(pipeline, "The government and the rebels agreed on Wednesday to a ceasefire, after four days of "
                           "talks hosted by Orsk, both sides said in a joint statement.")
    assert ("said", "both sides", "The government and the rebels agreed on Wednesday to a ceasefire") in found, found


@pytest.mark.parametrize("text", [
    'Aram Tessel said the rebels would respond "with force" to any violation.',
    'The army said its troops had responded to the crowd "with tear gas and in a measured manner".',
])
def test_statements_a_quoted_phrase_of_how_something_is_done_is_no_saying(pipeline, text):
    assert len(said(pipeline, text)) == 1, said(pipeline, text)


def test_statements_a_speaker_named_in_apposition_ends_before_the_clause_that_describes_it(pipeline):
    found = said(pipeline, "At least 150 people were arrested, according to the rights group Civic Watch, which said "
                           "several detainees had been beaten in custody.")
    assert ("according to", "the rights group Civic Watch", "At least 150 people were arrested") in found, found


def test_statements_a_count_put_at_a_bare_number_the_tagger_took_for_a_day(pipeline):
    found = said(pipeline, "The ministry put the number of arrests at 48 and said all had been charged.")
    assert ("put", "The ministry", "the number of arrests at 48") in found, found


@pytest.mark.parametrize("text, speaker, content", [
    # a closing attribution the parser made something else of
    ("Two aid workers kidnapped last month have been freed, the charity Bright Hands said on Sunday.",
     "the charity Bright Hands", "Two aid workers kidnapped last month have been freed"),
    ("Two aid workers kidnapped in eastern Velnor last month have been freed and are in good health, their "
     "employer, the charity Bright Hands, said on Sunday.", "their employer, the charity Bright Hands",
     "Two aid workers kidnapped in eastern Velnor last month have been freed and are in good health"),
    # the consequence the writer sets off after it is no part of the attribution
    ("Rebels seized the town of Orsk late on Tuesday after two days of fighting with the army, residents and "
     "a local official said, forcing thousands of people to flee towards Tarsk.", "residents and a local official",
     "Rebels seized the town of Orsk late on Tuesday after two days of fighting with the army"),
])
def test_statements_a_closing_attribution_read_from_its_words(pipeline, text, speaker, content):
    found = [(s, c) for _, s, c in said(pipeline, text)]
    assert found == [(speaker, content)], found


@pytest.mark.parametrize("text", [
    # a clause that goes on the one before it, or no clause reported
    "Speaking on state radio on Tuesday, the spokeswoman Lalao Rasoanaivo said nothing of the talks.",
    "The alliance said more than 80 protesters had been injured, far more than the 31 people the ministry counted.",
])
def test_statements_no_closing_attribution_where_the_words_make_none(pipeline, text):
    assert not any(s.startswith(("far", "Speaking")) or c.startswith("Speaking") for _, s, c in said(pipeline, text)), \
        said(pipeline, text)


@pytest.mark.parametrize("text", [
    "The army withdrew from the town, , said.",
    "The army withdrew from the town, —, said.",
])
def test_statements_a_closing_attribution_of_punctuation_alone_is_none(pipeline, text):
    assert said(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Aid reached the camp on Monday, according to the charity Bright Hands. It said the road was still mined.",
    "Aid reached the camp on Monday, according to Harrow Watch, a local monitoring group. It said the road "
    "was still mined.",
])
def test_statements_it_that_speaks_is_the_body_that_spoke_last(pipeline, text):
    first, it = pipeline(text)["statements"]
    assert it["speaker"]["text"] == "It" and first["speaker"]["entity"] is not None
    assert it["speaker"]["entity"] == first["speaker"]["entity"]
