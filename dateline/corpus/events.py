"""Where two reports become one event: when two event mentions tell the same happening.

Two mentions can be one happening only if they are of one family (data/corpus/
event-families.tsv: the PLOVER type, with the taking of a place apart), their days can be
the same (their own dates, else the days before publication), the places their own
sentences name are compatible (the same place, or one inside the other), their actors
do not conflict, and an exchange (talks, an agreement) is not held partly with others
("with a Russian delegation", "with a Ukrainian delegation").
Those that can be one are one when they are alike enough: the same trigger word, the same
actors and targets, the same place, the same day, the words of their sentences. The
weights below add up to that likeness; `Settings.link_events` is the bar.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .compare import (Item, actors_relation, dates_overlap, overlap, places_compatible, same_article, same_day,
                      same_place, told_by_doer, where)
from ..layers.events.doers import EXCHANGES
from ..syntax import singular
from .items import weeks
from .names import Names

MAX_KEY_DAYS = 31  # an event dated only by its month is indexed under each week of it
VAGUE_DAYS = 7  # an event dated no closer than this is linked within its own article only

WEIGHTS = {
    "trigger": 0.4,       # the same trigger word ("attack", "attacks")
    "general": 0.2,       # across articles, a word for any act of the family and one of its
                          # kind ("the attack", "the ambush": data/corpus/event-families.tsv)
    "actor": 0.25,        # an actor in common
    "target": 0.1,        # a target in common
    "place": 0.25,        # the same most specific place, short of a country
    "country": 0.1,       # only the same country: two assaults "in Syria" in one article are
                          # not one for that (on the tuning half, 0.25 joined more wrong pairs)
    "day": 0.15,          # both dated, the same day
    "document": 0.3,      # told twice in one article
    "again": 0.1,         # and the later by a definite noun of no date of its own: "the attack"
    "words": 0.8,         # times the overlap of the words of their sentences
    "conflict": -0.2,     # actors named on both sides, none in common
    "mode": -0.3,         # two ways of doing it told by two articles: shooting and tear gas
    "site": 0.15,         # the same kind of site hit ("the hospital", "the clinic": data/events/sites.tsv)
    "other site": -0.3,   # two kinds of site, none in common: a hospital shelled, a camp shelled
}


def keys(item: Item, doc: str, names: Names) -> set[str]:
    """Index keys: two mentions that may be one happening share one."""
    family = item["family"]
    own = {f"{family}|doc:{doc}"}  # two mentions of one article meet whatever their dates
    if item.get("lo") is None:
        return own
    lo, hi = dt.date.fromisoformat(item["lo"]), dt.date.fromisoformat(item["hi"])
    span = weeks(lo, min(hi, lo + dt.timedelta(days=MAX_KEY_DAYS)))
    if item.get("began"):
        # a happening that went on from its first day ("the siege, which began on 3 March",
        # told in May) meets reports of the weeks before its report too, not only of its first
        span += weeks(max(lo, hi - dt.timedelta(days=MAX_KEY_DAYS)), hi)
    return own | {f"{family}|{week}" for week in span} | _recall_keys(item, names)


def _recall_keys(item: Item, names: Names) -> set[str]:
    """Keys by which an undated mention meets the dated one it may recall weeks later:
    its trigger word's stem, something it was done by, to or at, and the months of its
    days (of the RECALL_DAYS before its report, for an undated one)."""
    if item.get("dated") and _days(item) > VAGUE_DAYS or not item.get("lemma"):
        return set()
    if item.get("dated"):
        lo, hi = dt.date.fromisoformat(item["lo"]), dt.date.fromisoformat(item["hi"])
    elif _told(item) and item.get("factuality") == "asserted" and item.get("noun"):
        # only a noun recalls (`_recalled`): "the attack on the refinery", not "attacked"
        hi = dt.date.fromisoformat(_told(item))
        lo = hi - dt.timedelta(days=RECALL_DAYS)
    else:
        return set()
    months = {f"{(lo + dt.timedelta(days=n)):%Y-%m}" for n in range(0, (hi - lo).days + 1, 28)} | {f"{hi:%Y-%m}"}
    who = {k for a in item["actors"] + item["targets"] for k in names.name(a["name"], a.get("type")).keys()}
    who |= {f"@{p['geonameid']}" for p in item["places"] if p.get("geonameid") and p.get("kind") != "country"}
    stem = item["lemma"][-1][:4]
    return {f"{item['family']}|recall|{stem}|{w}|{m}" for w in who for m in months}


def _days(item: Item) -> int:
    """How many days the report's own date covers (0 for a day, or no date of its own)."""
    if not item.get("when"):
        return 0
    return (dt.date.fromisoformat(item["when"][1]) - dt.date.fromisoformat(item["when"][0])).days


def same_trigger(a: list[str], b: list[str]) -> bool:
    """Whether two triggers share a word, by its stem ("attacks", "attacked") or inside a
    compound ("strike", "airstrike")."""
    return any(x[:4] == y[:4] or len(x) >= 5 and len(y) >= 5 and (x[:5] in y or y[:5] in x) for x in a for y in b)


def anchored(a: Item, b: Item, names: Names) -> bool:
    """Whether two alike mentions may be joined directly, as a pair of the index: in one
    article always; across articles only with something more than their words in common
    (an actor, a target, the place short of a country, the day, or the trigger word in
    the same country: "the truce" of two statements on Yemen the same week, which name no
    one). Mentions alike only in other words still count when a happening's reports are
    clustered, but do not chain the "attacks" of one country to those of another, and on
    to every attack the store holds."""
    if same_article(a, b):
        return True
    return actors_relation(a["actors"], b["actors"], names) == "shared" \
        or actors_relation(a["targets"], b["targets"], names) == "shared" \
        or same_place(where(a), where(b), countries=False) or same_day(a, b) \
        or same_trigger(a["lemma"], b["lemma"]) and bool(_area(a) & _area(b))


def told_alike(a: Item, b: Item) -> bool:
    """Whether two reports in two articles tell an act of one family on one day at one place
    short of a country, each by its own words ("gunmen ambushed an army convoy near Mora on
    Thursday", "insurgents attacked a military convoy on the road from Mora on Thursday"):
    on the tuning half and the invented stories, 72 such pairs in 73 were one happening. Their
    clusters join on that pair (link.py `_linkage`), however little their other reports
    share."""
    return not same_article(a, b) and a["family"] == b["family"] and bool(a.get("when")) and bool(b.get("when")) \
        and a["when"][0] == a["when"][1] == b["when"][0] == b["when"][1] \
        and same_place(a["places"], b["places"], countries=False)


NEAR_DAYS = 7  # an undated mention is of its report's week; beyond it, only a recalled one
# how long after a happening an undated report may recall it ("the attack on the refinery"
# weeks on, "the agreement signed between Turkey and Libya" a month after its signing)
RECALL_DAYS = 60


def _near(a: Item, b: Item) -> bool:
    """Whether two mentions' days meet when an undated one is taken to be of the week before
    its report (rather than of the longer reach `lo` gives it); one told to have begun on a
    day went on from then ("the truce, which began on 2 April")."""
    def days(x: Item) -> tuple[str, str]:
        if x.get("dated") or x.get("began") or not _told(x):
            return x["lo"], x["hi"]
        return max(_week_before(_told(x)), x["lo"]), x["hi"]
    (alo, ahi), (blo, bhi) = days(a), days(b)
    return alo <= bhi and blo <= ahi


@lru_cache(maxsize=4096)  # asked for every pair a mention is in, of the few days reports are told on
def _week_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=NEAR_DAYS)).isoformat()


def _recalled(a: Item, b: Item, names: Names) -> bool:
    """Whether an undated mention weeks after another is a report recalling it ("the
    attack on the Abqaiq plant" ten days on): told by a noun, or denied or hedged ("denied
    that its fighters had attacked the post"), not news of its own ("Tigrayan forces have
    withdrawn"); the same trigger word and something it was done by, to or at."""
    later = a if (_told(a) or "") > (_told(b) or "") else b
    recalls = bool(later.get("noun")) or later.get("factuality") != "asserted"
    return recalls and same_trigger(a["lemma"], b["lemma"]) and (
        actors_relation(a["actors"], b["actors"], names) == "shared"
        or actors_relation(a["targets"], b["targets"], names) == "shared"
        or same_place(where(a), where(b), countries=False))


def _told(item: Item) -> str | None:
    """The day a mention was told: the day its statement was made ("on Wednesday, the
    government said he had been poisoned"), else its report's publication day."""
    return item.get("told_on") or item.get("published")


def _area(item: Item) -> set[str]:
    """The countries a mention is in: its places', else those its article is most about."""
    return {p["country"] for p in where(item) if p.get("country")} or set(item.get("area") or [])


def apart(a: Item, b: Item) -> bool:
    """Whether two mentions of two articles are in other countries: by their places, or,
    told of no place, by the countries their articles are most about (`_area`)."""
    here, there = _area(a), _area(b)
    return not same_article(a, b) and bool(here) and bool(there) and not here & there


def _recalls(a: Item, b: Item, names: Names) -> bool:
    """Whether one of two mentions whose days do not meet is an undated report, in another
    article, that recalls the other, a dated happening at most RECALL_DAYS before it."""
    if same_article(a, b) or a.get("lo") is None or b.get("lo") is None:
        return False
    later, earlier = (a, b) if a["lo"] > b["lo"] else (b, a)
    if later.get("dated") or not earlier.get("dated") or later.get("factuality") != "asserted" \
            or not _told(later) or _days(earlier) > VAGUE_DAYS:
        return False
    gap = (dt.date.fromisoformat(_told(later)) - dt.date.fromisoformat(earlier["hi"])).days
    return 0 <= gap <= RECALL_DAYS and _recalled(a, b, names)


def _parties(item: Item) -> list[Item]:
    """Who took part in an exchange: as its article tells (items.py), else its own actors
    and targets (an item stored before its article's parties were kept)."""
    return item.get("parties") or item["actors"] + item["targets"]


def _disputed_doer(item: Item) -> bool:
    """Whether a mention's actor is only someone's word: the act is told in a claim, a
    denial or an accusation ("the rebels claimed responsibility for the attack", "Iran
    denied involvement in it", "accused Iran of launching it")."""
    return item.get("stance") in ("claim", "deny", "accuse")  # not "did not ratify": a negation is no dispute


# acts done to a person, which a killing told beside them does not count the toll of:
# "killed and tortured", "abducted and later killed" are two acts
UPON_PERSON = {"abduct", "torture", "sexual"}


def _toll_and_attack(a: Item, b: Item) -> bool:
    """Whether one of two mentions of a sentence tells the other's toll: a killing or
    wounding beside an attack ("opened fire, killing three", "were killed when drones hit")."""
    if a["family"] != "ASSAULT" or bool(a.get("toll")) == bool(b.get("toll")) or a["factuality"] != b["factuality"]:
        return False  # "denied that hostages were killed in the strikes": the killing is what is denied
    if a.get("statement") != b.get("statement"):
        return False  # "said four people had been killed, and said agitators had attacked police": two sayings
    attack = b if a.get("toll") else a
    return attack.get("mode") not in UPON_PERSON


def _named_again(a: Item, b: Item) -> bool:
    """Whether one sentence names one act twice: by one noun ("blamed Iran for the attacks,
    saying the attacks did not come from Yemen"; "reports were of drone attacks, but the
    attack included cruise missiles"), or by a verb and then a definite noun ("struck the
    hospital, saying the strike was an error"), which is not two acts told together. The
    last words are compared, by stem (an irregular form as its verb: items.py). Two ways of
    doing it are two acts all the same ("the drone strike followed rocket strikes"):
    `likeness` keeps them apart in one article."""
    if not (a["lemma"] and b["lemma"] and same_trigger(a["lemma"][-1:], b["lemma"][-1:])):
        return False
    first, later = (a, b) if a["start"] < b["start"] else (b, a)
    return bool(later.get("noun")) and (bool(first.get("noun")) or bool(later.get("definite")))


def sides_swapped(a: Item, b: Item, names: Names) -> bool:
    """Whether one mention's doers are what the other is done to, and no doer is both's
    ("officers used only tear gas", "27 officers were hurt by stones"): one clash may hold
    both, but each tells another side's part in it."""
    return actors_relation(a["actors"], b["actors"], names) != "shared" and any(
        actors_relation(x["actors"], y["targets"], names) == "shared" for x, y in ((a, b), (b, a)))


def _subject(a: Item, b: Item) -> bool:
    """Whether one of two mentions of a sentence is the subject of the other ("an
    airstrike hit the hospital"), or both of a third ("were hit by drone strikes in a
    pre-dawn raid"): one act, told by a noun and its verb (items.py)."""
    return a.get("subject") == b["start"] or b.get("subject") == a["start"] \
        or a.get("subject") is not None and a.get("subject") == b.get("subject")


def _separated(a: Item, b: Item) -> bool:
    """Whether one of two mentions of one article is told from a "Separately, ..." on
    (corpus/separate.tsv) and the other before it: another happening."""
    return any(x.get("separate") is not None and (y.get("sentence") or 0) < x["separate"] for x, y in ((a, b), (b, a)))


def likeness(a: Item, b: Item, names: Names, near: bool = True) -> float | None:
    """How alike two mentions are, or None when they cannot be one happening. With
    `near=False`, an undated report may be of any day its report's reach gives it, not
    only of its week (`_near`): for two clusters that pairs of reports already join."""
    if a["family"] != b["family"] or not places_compatible(a["places"], b["places"]) \
            or not dates_overlap(a, b) and not _recalls(a, b, names):
        return None
    one_document = same_article(a, b)
    if one_document and (_before_reach(a, b) or _before_reach(b, a) or _separated(a, b)):
        return None
    if one_document and a.get("sentence") == b.get("sentence") and not _toll_and_attack(a, b) \
            and not _named_again(a, b) and not _subject(a, b):
        # "fled and resigned", "shelled and stormed": one sentence tells two acts; but not
        # "opened fire on protesters, killing three" or "were killed when drones hit the
        # hospital", which tell the attack's toll
        return None
    if one_document and _not_done(a) != _not_done(b):
        # "agreed to add two members to the council but did not accede to the protesters'
        # demands": what a writer tells was not done is not what they tell was
        return None
    if a.get("others") or b.get("others"):
        # "the Front, which has carried out similar bombings": not this bombing, nor one
        # another report tells
        return None
    if not one_document and (_days(a) > VAGUE_DAYS or _days(b) > VAGUE_DAYS):
        return None  # "an attack in September" is no one happening another report can be told apart by
    if near and not one_document and not _near(a, b) and not _recalled(a, b, names):
        return None
    if a.get("toll") and b.get("toll") and sides_swapped(a, b, names):
        return None  # "soldiers killed 34 rebels", "the rebels killed 40 soldiers": each side's dead
    actors = actors_relation(a["actors"], b["actors"], names)
    if actors == "other parties" and (_disputed_doer(a) or _disputed_doer(b)):
        actors = "unknown"  # "blamed Israel and the United States for the attack": who did it is disputed
    if actors == "other parties":
        return None  # "the US and Russia agreed", "the US and Ukraine agreed": two agreements
    if a["type"] in EXCHANGES and actors_relation(_parties(a), _parties(b), names) == "other parties":
        return None  # talks of the US with Russia, and of the US with Ukraine: who with makes them two
    if actors == "conflict" and actors_relation(a["actors"] + a["targets"], b["actors"] + b["targets"],
                                                names) == "shared":
        actors = "unknown"  # one report's actor is the other's target: roles read wrong, or a clash of two
    if actors == "conflict" and (_disputed_doer(a) or _disputed_doer(b)):
        actors = "unknown"  # who did it is what the reports dispute: "claimed responsibility", "denied involvement"
    if actors == "conflict" and "possible" in (a["factuality"], b["factuality"]):
        return None  # "Minsk would restrict imports": what one side says it will do is not what the other did
    score = WEIGHTS["words"] * overlap(a["words"], b["words"])
    if a.get("said"):  # two demands are one only for what they say, to whom, and on which day
        addressed = actors_relation(a["targets"], b["targets"], names)
        if addressed in ("conflict", "other parties"):
            return None  # "we call on Azerbaijan to ...", "we also call on Armenia to ...": two demands
        return score + WEIGHTS["target"] * (addressed == "shared") \
            + WEIGHTS["day"] * same_day(a, b) + WEIGHTS["conflict"] * (actors == "conflict")
    modes = {a.get("mode"), b.get("mode")}
    two_ways = len(modes) == 2 and None not in modes \
        and a["mode"] not in b.get("also", ()) and b["mode"] not in a.get("also", ())  # a drone's blast
    if two_ways and one_document and not _subject(a, b) \
            and not (a.get("sentence") == b.get("sentence") and _toll_and_attack(a, b)) \
            and not (a["mode"] in b.get("kin", ()) and same_place(where(a), where(b), countries=False)):
        # one article that names two ways of doing it tells two acts ("the airstrike
        # followed rocket strikes on the embassy", "shot one and stabbed another"): on
        # both halves of the gold, no such pair of an article is one happening; but a noun
        # and the verb it is the subject of tell one ("an airstrike destroyed the hospital"),
        # as does a toll and its attack ("were killed when warplanes bombed the camp": the
        # toll's weapon word is the attack's), and so does a weapon told otherwise at one
        # place (data/corpus/weapons.tsv `kin`: "an air strike on Dilling", "the army's drone")
        return None
    alike = same_trigger(a["lemma"], b["lemma"]) or len(modes) == 1 and None not in modes
    # across articles, weapons used from afar are one weapon told two ways (data/corpus/
    # weapons.tsv): the drones of one report may be the missiles of another
    one_way = a.get("reach") == b.get("reach") == "afar"
    # "the attack" of one report may be "the ambush" of another, not "the attacks" of a campaign
    general = not alike and not one_document and (a.get("general") or b.get("general")) \
        and all(singular(w) == w for w in a["lemma"][-1:] + b["lemma"][-1:])
    score += WEIGHTS["trigger"] * alike + WEIGHTS["general"] * general + WEIGHTS["mode"] * (two_ways and not one_way)
    shared_target = actors_relation(a["targets"], b["targets"], names) == "shared"
    place, day = same_place(where(a), where(b), countries=False), same_day(a, b)
    country = not place and same_place(where(a), where(b))
    score += WEIGHTS["actor"] * (actors == "shared") + WEIGHTS["conflict"] * (actors == "conflict")
    # another report that names it again at that place, undated ("the attack on the
    # market"), within the week of the day one report gives it: as good as that day
    undated = b if a.get("dated") else a
    told_of = not one_document and place and not day and bool(a.get("dated")) != bool(b.get("dated")) \
        and _names_again(undated) and _near(a, b)
    score += WEIGHTS["target"] * shared_target + WEIGHTS["place"] * place + WEIGHTS["country"] * country \
        + WEIGHTS["day"] * (day or told_of)
    sites = set(a.get("sites", ())), set(b.get("sites", ()))
    if all(sites) and sites[0] & sites[1]:
        score += WEIGHTS["site"]
    elif all(sites) and not (told_by_doer(a, names) or told_by_doer(b, names)):
        # a doer tells what it hit its own way ("the army said it targeted a militant
        # base", and the market others saw hit)
        score += WEIGHTS["other site"]
    score += WEIGHTS["document"] * one_document + WEIGHTS["again"] * (one_document and _told_again(a, b))
    return score


def _before_reach(dated: Item, undated: Item) -> bool:
    """Whether an article's act told of a year or a month ("denied using chemical weapons
    there in 2034") is background, long over before the days another of its mentions, of no
    day of its own, may be of ("accused the army of a chemical massacre"): only a definite
    noun names again what was told before ("the 2034 attacks ... the attacks")."""
    return bool(dated.get("dated")) and not undated.get("dated") and _days(dated) > VAGUE_DAYS \
        and undated.get("lo") is not None and dated["hi"] < undated["lo"] and not undated.get("definite")


def _not_done(item: Item) -> bool:
    """Whether a mention tells in the writer's own words that an act was not done: denied,
    and in no one's saying."""
    return item["factuality"] == "denied" and not item.get("statement")


def _names_again(item: Item) -> bool:
    """Whether a mention names an act by a definite noun with no date of its own ("the attack")."""
    return bool(item.get("noun") and item.get("definite") and not item.get("when"))


def only_named_again(item: Item, dated: bool = False) -> bool:
    """Whether a mention only names an act its article told before: a definite noun with no
    day, target or place of its own ("no group has claimed responsibility for the attack";
    "the Front claimed responsibility for the attack", whose actor is only who claims it).
    `dated`: one with a day of its own too ("the attack was carried out shortly before 7
    p.m."), which only a mention of that day can be."""
    named = bool(item.get("noun") and item.get("definite")) if dated else _names_again(item)
    return named and not item["targets"] and not item["places"]


def _told_again(a: Item, b: Item) -> bool:
    """Whether the later of two mentions of an article names an act told before ("Harrowland
    denied responsibility for the attack")."""
    return _names_again(a if a["start"] > b["start"] else b)