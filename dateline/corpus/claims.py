"""When two statements are one claim: the same speaker putting forward the same content.

The speaker is who puts the statement forward (an institution for its spokesperson: see
items.Reader.speaker), compared as one actor across articles (names.same). Contents are
compared with rapidfuzz's token-set ratio over their content words, so that a direct
quote and its later paraphrase ("Velnosk is fully under our control", "it was fully under
army control") meet; `Settings.link_claims` is the bar. A denial and an assertion are
never one claim, whatever their words; a saying that only tells what did not happen ("said
its forces had not conducted any operations") may be either.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from rapidfuzz import fuzz

from .compare import Item, any_pair, denies, same_article, same_place
from .events import same_trigger
from .figures import bounds
from .items import SENTENCE_END, weeks
from .names import Name, Names, fold, same

# a saying repeated within this many days is one claim; said again months later, it is
# put forward anew (and the store need not compare a statement with a speaker's every word)
DAYS = 14
# but a call is made again and again while what it calls for has not come ("urged the
# parties to seize the moment for a comprehensive peace process", in April and again in
# August): one call, for as long as a season
CALL_DAYS = 92
# the words that negate what a saying says (grammar's closed set, not a lexicon's)
NEGATION = re.compile(r"\b(?:no|not|none|never|nobody|nothing|nowhere|neither|nor)\b|n't\b", re.IGNORECASE)
# the words that tell what is yet to happen ("the airport would reopen on Friday", "the town
# could be flooded by Wednesday"), which a later report of it ("the airport reopened") bears
# out rather than repeats (grammar's closed set); not "could have been", which looks back,
# nor "could not be accounted for", what was not possible. "may" only in lower case: "in
# May" is a month
PROSPECT = re.compile(r"\b(?:[Ww]ill|[Ww]ould|[Ss]hall|going to|[Cc]ould(?!\s+not\b)|[Mm]ight|may)\b"
                      r"(?!\s+(?:not\s+)?have\b)|'ll\b")
# "held against his will", "the political will": the noun, not the auxiliary
WILL_NOUN = re.compile(r"\b(?:his|her|their|its|our|my|your|the|own|political)\s+will\b", re.IGNORECASE)
NAMED = re.compile(r"(?<=\s)[A-Z]")  # a capital past a saying's first word: a name
TELLING = ("assert", "claim")  # the stances that tell what is so; a warning or a call is of what is to come
# and those that put forward that it is so: an accusation ("accused Thai jets of bombing the
# base") tells the act that another report of the speaker's asserts ("Thai warplanes had bombed it")
PUTTING = (*TELLING, "accuse")
# a call puts nothing forward as so: it is one claim only with another call (of the 18
# gold pairs of the dev halves and the invented stories that hold one, none pairs it with
# another stance); a condemnation may be the writer's word for a saying another report
# gives as said ("described the raid as a criminal operation")
APART = frozenset({"call"})
# whom a call is made of, named first in its content: "Guinea to pull its troops back"
ADDRESSEE = re.compile(r"(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+to\s")
# how alike the words of two sayings of one happening must still be: a welcome of a truce
# and a call to build on it both tell the truce
TOLD_ALIKE = 0.5
FEW_WORDS = 3  # a saying of fewer content words is compared whole, not as a set found in another
# how alike two sayings of one speaker that both tell only what did not happen must be: a
# denial is said in many ways ("its forces had used drones", "using drones"); of
# such pairs alike from 0.5 to 0.8 in the invented gold, 27 in 32 are one claim
DENIED_ALIKE = 0.5
# how alike a speaker's words told in the writer's own words and the quote that follows them
# must be: a report gives the gist, then the words that bear it out (`quoted_next`); of
# such pairs in the invented gold, 8 in 10 alike from 0.5 to 0.8 are one claim, 19 in 69
# from 0.3 to 0.5
QUOTED_ALIKE = 0.5
# how alike two sayings of one speaker that tell what will come by the same deadline must be
# ("would reopen it within three days", "the road would be reopened within three days"):
# of such pairs alike from 0.5 to 0.8 in the invented gold, 6 in 8 are one claim (the other
# two: an army's two promises for the same 48 hours); of those that share no deadline, 4 in 12
PROMISED_ALIKE = 0.5


def speaker(item: Item, names: Names) -> Name | None:
    """The speaker's name as claims compare it; None for no one, or for a "they" the
    record left unresolved, which is no one in particular."""
    said = item.get("speaker") or {}
    if not said.get("name") or said.get("type") is None and names.unnamed(said["name"]):
        return None
    return names.name(said["name"], said.get("type"))


def same_office(a: Item, b: Item) -> bool:
    """Whether two speakers are one person told once by name and once only by office:
    "Foreign Minister Abbas Araghchi" and "Iran's foreign minister" (items.Reader._office)."""
    left, right = a.get("speaker") or {}, b.get("speaker") or {}
    return bool(left.get("office")) and left.get("office") == right.get("office") \
        and (left.get("by_office") or right.get("by_office"))


def side(item: Item, names: Names) -> Name | None:
    """The institution or country a person speaks as ("Hirshabelle", "World Food
    Programme"), told where the record names them with it (items.Reader.speaker)."""
    said = item.get("speaker") or {}
    return names.name(said["side"]) if said.get("person") and said.get("side") else None


def spokesperson(item: Item, names: Names) -> Name | None:
    """The person who spoke for an institution, when the statement is the institution's
    (items.Reader.speaker: "army spokesman Colonel Idris Falk" for the army)."""
    said = item.get("speaker") or {}
    person = said.get("person")
    return names.name(person, "PERSON") if person and said.get("type") != "PERSON" else None


def same_speaker(a: Item, b: Item, names: Names) -> bool:
    """Whether two statements have one speaker: one actor by name, one office, or a person
    and the institution they speak as ("Marco Ferrante of the World Food Programme" and
    "the World Food Programme", as another outlet attributes the same words)."""
    return _speakers(a, b, names) is not None


def _speakers(a: Item, b: Item, names: Names) -> str | None:
    """"one" for one speaker by name or office, "side" for a person and their side."""
    left, right = speaker(a, names), speaker(b, names)
    if left is None or right is None:
        return None
    if left.type == right.type == "PERSON" and left.form == right.form and len(left.words) > 1:
        # "Ahmed Nur Guled" by his full name is one man, whether one report calls him the
        # state's public works minister and another just "public works minister"
        return "one"
    if _other_states(a, b):
        return None
    if same(left, right) or same_office(a, b) or _same_aka(a, b, left, right, names):
        return "one"
    voices = spokesperson(a, names), spokesperson(b, names)
    if None not in voices and same(*voices):
        return "one"  # one spokesman, whose institution two outlets name otherwise ("Sudan", "the air force")
    if any(voice is not None and _named_as(voice, other) for voice, other in ((voices[0], right), (voices[1], left))):
        # "army spokesman Colonel Falk" in one report, "Falk" with no title in another: what
        # he says is the army's (items.Reader.speaker), in either
        return "one"
    if any(person is not None and (other.type != "PERSON" or person.text[:1].isupper()
                                  and (person.form == other.form or len(person.words) == 1))
           and same(person, other) for person, other in ((side(a, names), right), (side(b, names), left))):
        # a side the tagger took for a person ("Civic Dawn leader Levan Kiknadze", then
        # "Civic Dawn said"), or a person the words made a side ("the rebels' chief
        # negotiator, Valbuena": the negotiator is Valbuena)
        return "side"
    if _one_state(a, b):
        return "side"
    return None


def _other_states(a: Item, b: Item) -> bool:
    """Whether two speakers speak for two states, or a country and one of its regions:
    "the government" of Zamfara State's information minister is not Nigeria's."""
    left, right = ((x.get("speaker") or {}).get("state") for x in (a, b))
    return bool(left) and bool(right) and left != right


def _one_state(a: Item, b: Item) -> bool:
    """Whether two speakers speak for one state (items.Reader._state): its president or a
    minister, its government, the state by name ("Security Minister Kaba-Touré" and "the
    government"; "President Biden" in a White House release and "the United States")."""
    left, right = (x.get("speaker") or {} for x in (a, b))
    return bool(left.get("state")) and left.get("state") == right.get("state")


def _aka(item: Item, names: Names) -> list[Name]:
    """The acronyms the speaker's article gives them (items.Reader.speaker: "the United
    Front of the Massif (FUM)"), as claims compare names."""
    said = item.get("speaker") or {}
    return [names.name(text, said.get("type")) for text in said.get("aka", ())]


def _same_aka(a: Item, b: Item, left: Name, right: Name, names: Names) -> bool:
    """Whether one speaker's article calls them by a name the other's gives ("FUM" of "the
    United Front of the Massif (FUM)" in one report, "the FUM rebel group" in another)."""
    return any_pair([left, *_aka(a, names)], [right, *_aka(b, names)], same)


def _named_as(voice: Name, other: Name) -> bool:
    """Whether a speaker is the person who spoke for an institution: by their name, or
    by their surname alone, which the tagger may take for anything but a place ("Falk
    said", typed as an organisation)."""
    if other.type in ("PERSON", None):
        return same(voice, other)
    return other.type != "GPE" and len(other.words) == 1 and other.words[0] == voice.surname


def keys(item: Item, names: Names) -> set[str]:
    """Index keys a statement is stored under: its speaker's name keys (and office) with the
    ISO week it was published (`sought_keys` looks in the weeks around it)."""
    return _keyed(item, names, 0)


def sought_keys(item: Item, names: Names) -> set[str]:
    """The keys under which a statement looks for those it may be one claim with: its
    speaker's, in every week within DAYS (a call: CALL_DAYS) of its publication. Stored
    under one week and looked for in a few, rather than stored under a few, each statement
    adds one key per name to the index."""
    return _keyed(item, names, CALL_DAYS if item.get("stance") == "call" else DAYS)


def _keyed(item: Item, names: Names, days: int) -> set[str]:
    name = speaker(item, names)
    if name is None:
        return set()
    office = (item.get("speaker") or {}).get("office")
    who = set(name.keys()) | ({f"office:{office}"} if office else set())
    for other in _aka(item, names):
        who |= other.keys()
    for other in (side(item, names), spokesperson(item, names)):
        if other is not None:
            who |= other.keys()
    state = (item.get("speaker") or {}).get("state")
    if state:
        who.add(f"state:{state}")
    published = item.get("published")
    if not published:
        return {f"{k}|doc:{item.get('key')}" for k in who}
    day = dt.date.fromisoformat(published)
    return {f"{k}|{week}" for k in who for week in weeks(day - dt.timedelta(days=days), day + dt.timedelta(days=days))}


def likeness(a: Item, b: Item, names: Names,
             told: Callable[[Item, Item], bool] | None = None) -> float | None:
    """How alike two statements' contents are (0 to 1), or None when they cannot be one
    claim (other speakers, opposite polarity). `told` says whether two event mentions
    are one happening: two sayings of one stance that tell one happening with one
    factuality are one claim in other words ("the rebels have not entered Homs", "denied
    that fighters were in the city"), if their words are alike at least TOLD_ALIKE, or
    whatever their words if both deny it."""
    speakers = _speakers(a, b, names)
    if speakers is None:
        return None
    if a.get("published") and b.get("published"):
        apart = abs((dt.date.fromisoformat(a["published"]) - dt.date.fromisoformat(b["published"])).days)
        if apart > (CALL_DAYS if a.get("stance") == b.get("stance") == "call" else DAYS):
            return None
    elif not same_article(a, b):
        return None  # an undated saying is compared within its own article only
    if same_article(a, b) and (a.get("told_in") == b["start"] or b.get("told_in") == a["start"]):
        return 1.0  # "said he expected them to be freed", and his "expected them to be freed"
    if denial_quoted(a, b):
        return 1.0  # "the police denied that any officer had been captured. 'All our officers are accounted for'"
    if speakers == "one" and (_rules_out(a, b) or _rules_out(b, a) or _unharmed(a, b) or _unharmed(b, a)):
        return 1.0  # "denied that its officers used live ammunition", "they fired only tear gas"
    polarities = {_polarity(a), _polarity(b)}
    if speakers == "side" and polarities == {"either", "put"} and a.get("stance") in TELLING \
            and b.get("stance") in TELLING and prospect(a) == prospect(b) and _count_alike(a, b):
        # one count, one told with a negation that is no denial of it: "87 students could
        # not be accounted for", said by the association's chairman, and its "87 are missing"
        return 1.0
    if polarities == {"deny", "put"} or speakers == "side" and "put" in polarities and len(polarities) > 1:
        # and a commander's "shells fired by his unit hit the hospital" is not his group's
        # "our forces did not fire at the hospital", which an institution's saying that
        # only tells what did not happen would otherwise be
        return None
    if {a.get("stance"), b.get("stance")} & APART and a.get("stance") != b.get("stance"):
        # "condemned the strike as an aggression on Iraq ... and the presence of US troops",
        # and next day "recommended that US troops withdraw", share their words, not what
        # they put forward
        return None
    if a.get("stance") == b.get("stance") == "call" and _called_on_others(a, b, names):
        return None  # "we call on Guinea to withdraw", "we also call on Mali to withdraw": two calls
    if a.get("stance") in TELLING and b.get("stance") in TELLING and prospect(a) != prospect(b):
        return None  # "would reopen on Friday" and "reopened on Friday": a prospect and what came of it
    if a.get("stance") in TELLING and b.get("stance") in TELLING and _count_alike(a, b):
        # "43 students had been abducted", "43 students were missing"; "killed 34 fighters",
        # "killed 34 fighters and lost three soldiers": one count put forward
        return 1.0
    if _count_apart(a, b):
        return None  # "killing at least nine" and "the toll rose to 14": two counts put forward
    if _holds_alike(a, b) and polarities == {"put"}:
        return 1.0  # "Ayorou is under the full control of the army", "the town was under its full control"
    if not a["words"] or not b["words"]:
        return None
    alike = MEASURES[MEASURE](a["words"], b["words"])
    # two denials of one happening deny the same, in whatever words ("denied reports that
    # it was negotiating", "there are no negotiations with criminals"); a warning or a
    # call in the negative ("would not tolerate any attempt to block the roads") denies nothing
    denials = "put" not in polarities and {a.get("stance"), b.get("stance")} <= {"deny", *TELLING}
    if told is not None and (denials or _one_stance(a, b) and alike >= TOLD_ALIKE) \
            and any(told(x, y) or _said_alike(x, y) for x in a.get("told", []) for y in b.get("told", [])):
        return 1.0  # in other words, the same happening put forward the same way
    if denials and alike >= DENIED_ALIKE:
        return 1.0  # "no forces had been moved to Bara", "no troops had been sent to Bara"
    if alike >= QUOTED_ALIKE and quoted_next(a, b):
        return 1.0  # "the army said it had retaken Léré" and, right after, its spokesman's words
    if alike >= PROMISED_ALIKE and speakers == "one" and _promised_alike(a, b):
        return 1.0  # "would be brought before a judge within two days", "he would see a judge within 48 hours"
    if min(len(set(a["words"])), len(set(b["words"]))) < FEW_WORDS:
        # a token set's ratio finds a saying of two words ("the corridor") in any longer one
        # that has them: alone, with no act told alike, they are compared whole
        return MEASURES["token_sort"](a["words"], b["words"])
    return alike


def _promised_alike(a: Item, b: Item) -> bool:
    """Whether two sayings tell what will come, both put forward, by the same deadline
    their words give (items.py `_deadlines`: "within 48 hours" and "within two days")."""
    return prospect(a) and prospect(b) and _promising(a) and _promising(b) \
        and bool(set(a.get("deadlines") or ()) & set(b.get("deadlines") or ()))


def _promising(item: Item) -> bool:
    """Whether a saying of what will come puts it forward: it tells the act, or tells none
    and says no word of negation where it says what will come ("Mr Camara will appear
    before a judge within 48 hours. Nobody in this country is above the law": the promise
    is not what its second sentence negates; "would not reopen" is no promise of it)."""
    polarity = _polarity(item)
    if polarity != "either" or item.get("told"):
        return polarity == "put"
    content = WILL_NOUN.sub(" ", item.get("content") or "")
    return not any(NEGATION.search(said) for said in SENTENCE_END.split(content) if PROSPECT.search(said))


def _called_on_others(a: Item, b: Item, names: Names) -> bool:
    """Whether two calls are made of two parties that their contents name first ("Guinea
    to pull its troops back", "Mali to pull its troops back"): what is asked of one is not
    asked of the other."""
    called = [ADDRESSEE.match(x.get("content") or "") for x in (a, b)]
    if None in called:
        return False
    left, right = (names.name(m.group(1), None) for m in called)
    return not same(left, right)


def quoted_next(a: Item, b: Item) -> bool:
    """Whether one saying is told in the writer's words and the other, the next saying of
    the article, quotes the speaker ("the police said no officer had been captured. 'All
    our officers are accounted for,' a spokesman said"): the gist, then its words."""
    if not same_article(a, b):
        return False
    first, then = (a, b) if a["start"] < b["start"] else (b, a)
    return then.get("previous") == first["start"] and first.get("kind") == "indirect" and then.get("kind") == "direct"


def denial_quoted(a: Item, b: Item) -> bool:
    """Whether one saying is a denial in the writer's words and the other, the next saying
    of the article, quotes the speaker's words that make it ("denied that any officers had
    been captured. 'All our officers are accounted for,' a spokesman said"; "denied that the
    kidnappers had been paid. 'Not a single naira was paid to anybody'"): one claim, though
    it is put the other way round and in other words. Not a claim that something holds
    ("denied that the rebels had entered the city. 'Velnosk is fully under our control'"):
    links-gold.md's worked example makes that a claim of its own, which a later report of
    the army's withdrawal refutes as it refutes no denial."""
    if not same_article(a, b):
        return False
    first, then = (a, b) if a["start"] < b["start"] else (b, a)
    return then.get("previous") == first["start"] and first.get("stance") == "deny" and not then.get("holds") \
        and first.get("kind") != "direct" and then.get("kind") == "direct" and then.get("stance") in TELLING


def _rules_out(denial: Item, other: Item) -> bool:
    """Whether a saying denies an act done one way and another of its speaker's puts
    forward that they did it only another way ("denied that police used live ammunition",
    "police fired only tear gas and rubber bullets"): one claim, the denial put the other
    way round. Told acts of one family, each with its weapon (data/corpus/weapons.tsv) and
    not the same one; the other saying's words mark it as all there was (items.py `ONLY`),
    or it denies the denied act itself, in its own words, besides what it puts forward."""
    if other.get("stance") not in TELLING:
        return False
    acts = [e for e in denial.get("told", []) if e["factuality"] == "denied" and e.get("mode")]
    denied = {(e["family"], e["mode"]) for e in acts}
    if not denied or _polarity(denial) == "put":
        return False
    people = {fold(t["name"]) for e in acts for t in e.get("targets", []) if t.get("type") == "PERSON"}
    if people and not people & {fold(t["name"]) for e in other.get("told", []) for t in e.get("targets", [])}:
        return False  # "Camara had not been mistreated" is of him, not of the crowd "only tear gas" was fired at
    if any(e["factuality"] == "denied" and (e["family"], e.get("mode")) in denied for e in other.get("told", [])):
        return True  # "not a single live round was fired. They used tear gas and batons"
    return bool(other.get("only")) and any(
        e["factuality"] == "asserted" and e.get("mode") and (e["family"], e["mode"]) not in denied
        and any(family == e["family"] for family, _ in denied) for e in other.get("told", []))


def _unharmed(denial: Item, other: Item) -> bool:
    """Whether a saying denies that anyone was killed, hurt, taken or lost, and another of
    its speaker's says all its people came to no harm ("denied that any of its seafarers
    had been hurt", "all 21 crew were safe"; "denied that any teachers had been taken",
    "all members of staff had been accounted for"): one claim, put two ways round."""
    return bool(denial.get("harm")) and bool(other.get("unharmed")) and other.get("stance") in TELLING


def prospect(statement: Item) -> bool:
    """Whether a saying tells what is yet to happen, in the words of its content ("the
    airport would reopen on Friday", "we will respect the truce")."""
    return bool(PROSPECT.search(WILL_NOUN.sub(" ", statement.get("content") or "")))


def _said_alike(x: Item, y: Item) -> bool:
    """Whether two acts done by saying (a refusal, a demand: `said` families) that one
    speaker tells are one act put the same way: one family, one verb or noun, one
    factuality ("we will not negotiate with terrorists", "would not negotiate with the
    kidnappers"), whoever they name as its target in their own words."""
    return bool(x.get("said")) and x["family"] == y["family"] and x["factuality"] == y["factuality"] \
        and same_trigger(x["lemma"][-1:], y["lemma"][-1:])


def _one_stance(a: Item, b: Item) -> bool:
    """Whether two sayings put forward the same way: one stance, or both putting forward
    what is so ("its fighters had taken control of the base", claimed, and "they had
    captured the army camp", asserted, as two outlets attribute one group's word; an
    accusation and an assertion of the act it accuses someone of)."""
    return a.get("stance") == b.get("stance") or a.get("stance") in PUTTING and b.get("stance") in PUTTING


def _count_apart(a: Item, b: Item) -> bool:
    """Whether two sayings count one thing (people killed, injured...) with other numbers,
    each a claim of its own even where the counts agree ("at least nine", "14"); or count
    only other things ("four peacekeepers were wounded", "five were killed")."""
    left, right = a.get("counts", []), b.get("counts", [])
    if left and right and not {x["category"] for x in left} & {y["category"] for y in right}:
        return True
    return any(x["category"] == y["category"] and not _one_number(x, y) for x in left for y in right)


def _one_number(x: Item, y: Item) -> bool:
    """Whether two counts give one number: the same bounds, or the same number given as
    exact by one outlet and as "at least" by another ("its staff had counted 34 bodies",
    "at least 34 people died there": the count its speaker put forward)."""
    left, right = bounds(x), bounds(y)
    if left is None or right is None:
        return left == right
    quals = {x.get("qualifier") or "exact", y.get("qualifier") or "exact"}
    return left == right or left[0] == right[0] and quals == {"exact", "at_least"}


# the counts of people taken ("abducted", "missing", "held") that one speaker may tell in
# other words, and what the figures layer leaves uncounted ("were taken from their hostels")
TAKEN = {"detained", "missing", "other"}


def _count_alike(a: Item, b: Item) -> bool:
    """Whether two sayings give one count: the same number of one category, or of people
    taken told two ways ("43 students had been abducted", "43 students were missing")."""
    return any(bounds(x) is not None and _one_number(x, y)
               and (x["category"] == y["category"] or {x["category"], y["category"]} <= TAKEN)
               for x in a.get("counts", []) for y in b.get("counts", []))


def _holds_alike(a: Item, b: Item) -> bool:
    """Whether two sayings put forward that one thing holds at one place: control of it (or
    a person's presence there, data/corpus/holding.tsv), at a place short of a country
    that both name ("the town" of a claim of control is the town told before it: items.py)
    or where neither names one, told as what is, not what will be."""
    if not (a.get("holds") and a.get("holds") == b.get("holds") and a.get("stance") in TELLING
            and b.get("stance") in TELLING and not prospect(a) and not prospect(b)):
        return False
    here, there = a.get("places") or [], b.get("places") or []
    # "the situation was under control", "the security forces have the situation under
    # control": of no place, one speaker's word that all is in hand (not "in control of
    # Waterloo", a place the places layer did not find)
    return same_place(here, there, countries=False) or not here and not there and not (
        NAMED.search(a.get("content") or "") or NAMED.search(b.get("content") or ""))


def _polarity(item: Item) -> str:
    """"deny" for a denial ("denied that its forces struck the town"); "either" for a
    saying that tells only what did not happen ("said its forces had not conducted any
    operations", compare.denies), or that negates and tells no act, or only a happening it
    names by a noun ("none of its commanders were there", "had not taken part in the
    attack"), which a denial may put in other words and an assertion may tell without the
    events layer finding the negated act; "put" for the rest."""
    if item.get("stance") == "deny":
        return "deny"
    told = item.get("told", [])
    if not told:
        # what tells no act: "none of its commanders had been in the camp" says in its own
        # words what a denial ("denied that any of its commanders were in the camp") denies
        return "either" if NEGATION.search(item.get("content") or "") else "put"
    if all(denies(e) for e in told):
        return "either"
    # a happening it names by a noun is one it takes as known, not what it puts forward: "the
    # group had not taken part in the attack" tells the attack and says no to the part in it
    negated = NEGATION.search(item.get("content") or "")
    return "either" if negated and all(denies(e) or e.get("noun") for e in told) else "put"


# a denial of what no event of the record tells ("denied that the state had paid a
# ransom") meets a saying that puts it forward ("the government had paid a ransom to the
# kidnappers") by their words: the share of the denial's words the other says, and how many
GIST_SHARE = 2 / 3
GIST_WORDS = 2
STORED_WORDS = 3  # a saying is stored under its longest words, which its denial looks for


def gist(item: Item, forms: dict[str, str]) -> set[str]:
    """The stems of a saying's content words: the verb of an irregular form ("paid": pay,
    data/events/verb-forms.tsv), else the word without "ing", "ed" or "s"."""
    out = set()
    for w in item.get("words", []):
        w = forms.get(w, w)
        for ending in ("ing", "ed", "s"):
            if len(w) > len(ending) + 3 and w.endswith(ending):
                w = w[:-len(ending)]
                break
        out.add(w)
    return out


def denied_untold(item: Item) -> bool:
    """Whether a saying denies what no event of its record tells: its words are all there is
    to compare."""
    return item.get("stance") == "deny" and not item.get("told")


def gist_keys(item: Item, forms: dict[str, str], days: int = 0) -> list[tuple[str, str]]:
    """Index keys by which a denial of what no event tells and a saying that puts something
    forward meet: a denial under each of its words ("denying"), a saying under its longest
    (STORED_WORDS, "putting"), in the week it was published; with `days`, the keys of the
    other kind, in the weeks within `days` of its own, where it looks for them."""
    if not item.get("published"):
        return []
    words = gist(item, forms)
    if denied_untold(item):
        kind, other = "denying", "putting"
    elif item.get("stance") in TELLING:
        kind, other = "putting", "denying"
        if not days:
            words = set(sorted(words, key=lambda w: (-len(w), w))[:STORED_WORDS])
    else:
        return []
    day = dt.date.fromisoformat(item["published"])
    during = weeks(day - dt.timedelta(days=days), day + dt.timedelta(days=days))
    return sorted({(other if days else kind, f"{w}|{week}") for w in words for week in during})


def denies_alike(denial: Item, other: Item, names: Names, forms: dict[str, str]) -> bool:
    """Whether a saying puts forward what a denial of what no event tells denies, in its
    words: most of the denial's words, and at least two, said by another speaker ("denied
    that the state had paid a ransom", "the government had paid a ransom to the kidnappers")."""
    if not denied_untold(denial) or other.get("stance") not in TELLING or _polarity(other) != "put":
        return False
    if same_speaker(denial, other, names):
        return False  # what one speaker says both ways is no dispute between sources
    denied, said = gist(denial, forms), gist(other, forms)
    shared = denied & said
    return len(shared) >= GIST_WORDS and len(shared) >= GIST_SHARE * len(denied)


def _jaccard(a: list[str], b: list[str]) -> float:
    return len(set(a) & set(b)) / len(set(a) | set(b))


MEASURES = {
    "token_set": lambda a, b: fuzz.token_set_ratio(" ".join(a), " ".join(b)) / 100,
    "token_sort": lambda a, b: fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100,
    "jaccard": _jaccard,
}
MEASURE = "token_set"  # the bar and measure chosen by bench/tune_links.py --claims on the tuning half
