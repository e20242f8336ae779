"""The linking knowledge in data/corpus/ (event families, holding claims, the reach of
weapons), with the roles and aliases of data/entities/ that say who speaks for whom and
which names are one, and what the events and figures layers know of words."""
from __future__ import annotations

import re
from collections.abc import Callable, Container
from typing import Any
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from ..layers.entities.lexicon import GOVERNMENT_VOICE, SPOKESPERSON, Roles, lexicon as entities_lexicon
from ..layers.events.lexicon import PLACE_KINDS, lexicon as events_lexicon
from ..layers.figures.lexicon import lexicon as figures_lexicon
from ..layers.statements.lexicon import lexicon as statements_lexicon
from ..record import enum
from ..resources import Resources
from ..syntax import POSSESSIVE_PRONOUNS, singular
from .details import Details, details
from .names import Name, Names, fold

# the event families that end a holding (data/corpus/holding.tsv): a withdrawal from a
# place, its taking by someone else
CHANGES = frozenset({"RETREAT", "ASSAULT-territory"})

# the words that say a saying is of all its people: "all 21 crew", "the whole crew", "every pupil"
ALL_OF = re.compile(r" (?:all|whole|every|everyone|everybody|entire) ")
WORD = re.compile(r"[^\W\d_]+")
RANKS = frozenset({"officer", "general"})  # the families of entities/roles.tsv that are ranks: "Colonel", "General"
WORD_OR_NOT = re.compile(r"[^\W\d_]+(?:[’']t)?")  # a word with its "n't": "hasn't"
NEGATED = frozenset({"not", "never", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "didn't", "didn’t"})


@dataclass(frozen=True)
class Lexicon:
    families: dict[tuple[str, str], str]  # (type, mode or *) -> family
    said: frozenset[str]                  # families of happenings done by saying
    holding: dict[str, str]               # word or phrase -> control | presence
    place_nouns: dict[str, str]           # "the bridge", "the town": noun -> town | site (events/place-nouns.tsv)
    role_words: frozenset[str]            # the words of every role ("spokesman", "minister")
    spokesperson_roles: frozenset[str]    # the phrases of the spokesperson family, and of the government's voice
    names: Names
    light_verbs: frozenset[str]           # "conducted", "launched": words of a trigger that say nothing of what
    counted: Callable[[str], str | None]  # who a figure's words count (data/figures/people.tsv's groups)
    reach: dict[str, str]                 # ASSAULT mode -> afar | at-hand (corpus/weapons.tsv)
    also: dict[str, frozenset[str]]       # ASSAULT mode -> the modes its reports may also name it by
    kin: dict[str, frozenset[str]]        # ASSAULT mode -> the modes it may be told as at one place
    event_nouns: frozenset[str]           # the nouns that tell an event ("attack", "withdrawal", "truce")
    harms: frozenset[str]                 # "killed", "wounding": words telling an attack's toll
    offices: frozenset[str]               # role families one person holds per country (corpus/offices.tsv)
    governing: dict[str, str]             # role family -> office | head | region: who speaks for their state (corpus/government.tsv)
    government: dict[str, str]            # "ministry": body, "government": general, "provincial": division (same file)
    issuers: dict[str, tuple[str, str]]   # outlet (lower case) -> the actor of its "we" (entities/issuers.tsv)
    roles: Roles                          # the entities layer's roles, for a title's family
    acts: dict[str, frozenset[str]]       # trigger word -> the families of the acts it names
    act_modes: dict[str, frozenset[str]]  # trigger word -> the PLOVER modes of its senses that have one
    report_nouns: frozenset[str]          # "the accusation", "the claim": what was said (events/hearsay.tsv)
    agency: frozenset[str]                # "involvement", "responsibility": a part in an act (events/roles.tsv)
    others: frozenset[str]                # "similar", "previous": a noun naming other acts (corpus/other-acts.tsv)
    bundles: frozenset[str]               # "series", "wave": "a series of attacks" bundles many (same file)
    campaigns: frozenset[str]             # "war", "rebellion": a whole campaign, not one of its acts (same file)
    verb_forms: dict[str, str]            # "struck": "strike" (events/verb-forms.tsv)
    details: Details                      # what a report counts of a happening besides its toll (corpus/details.tsv)
    sides: dict[str, tuple[str, str]]     # "soldier": (state, forces); "rebel": (group, forces) (corpus/sides.tsv)
    among: frozenset[str]                 # groups counted among a toll of anyone: "civilians" (corpus/tolls.tsv)
    unharmed: frozenset[str] = frozenset()  # "safe", "accounted for": no harm came to them (corpus/unharmed.tsv)
    befalls: frozenset[str] = frozenset()   # "killed", "hurt", "taken", "missing": harm to people (figures layer)
    changes: frozenset[str] = CHANGES
    portfolios: frozenset[str] = frozenset()  # "minister": one holder per portfolio (corpus/offices.tsv)
    general: dict[str, frozenset[str]] = field(default_factory=dict)  # family -> "attack": any act of it (event-families.tsv)
    # "so far", "has risen to": a count as it stood when told; and the categories counted so
    # by their nature (corpus/running.tsv)
    running_words: frozenset[str] = frozenset()
    running_categories: frozenset[str] = frozenset()
    revising_words: frozenset[str] = frozenset()  # "revised", "lowered": a count told as a correction
    # "the fighting began on", "the sit-in, which started on": words right after a mention
    # that tell the day it began (corpus/began.tsv)
    began: re.Pattern[str] = re.compile(r"(?!)")
    # "Separately, ...", "In a separate incident, ...": a sentence that opens another
    # happening than those told before it (corpus/separate.tsv)
    separately: re.Pattern[str] = re.compile(r"(?!)")
    # "send" and "arrive": a sending, and the arrival that keeps a promise of it (corpus/arrivals.tsv)
    sending: frozenset[str] = frozenset()
    arriving: frozenset[str] = frozenset()
    # "closed": reopen, open ...; "in custody": release, free ...: a state going on, and the
    # acts that would have ended it (corpus/lasting.tsv)
    lasting: dict[str, frozenset[str]] = field(default_factory=dict)
    lasting_said: re.Pattern[str] = re.compile(r"(?!)")
    presence: frozenset[str] = frozenset()  # "on", "occupying": states of being at a place (same file)
    sites: dict[str, str] = field(default_factory=dict)  # "clinic": medical (events/sites.tsv)
    # "who asked not to be named", "declined to be identified": a source kept unnamed
    # (statements/anonymity.tsv's verbs, as their participles)
    unnamed: re.Pattern[str] = re.compile(r"(?!)")

    def site_kinds(self, words: list[str]) -> list[str]:
        """The kinds of the sites an event's record names ("hospitals", "clinic": medical)."""
        kinds = {self.sites.get(w) or self.sites.get(singular(w)) for w in (" ".join(w.lower().split()) for w in words)}
        return sorted(kinds - {None})

    def family(self, type: str, mode: str | None) -> str:
        return self.families.get((type, mode or "*")) or self.families.get((type, "*")) or type

    def side(self, name: Name, kind: str) -> str | None:
        """The side of a conflict a name tells by what it is alone (corpus/sides.tsv): a
        speaker's (`kind` "body": a state's "defence ministry", or any country; a group's
        name) or a doer's ("forces": "Soldiers", "the rebels"; not "Russian troops", whose
        country says whose they are, nor a name)."""
        words = [singular(w) for w in fold(name.text).split() if w not in ("the", "a", "an", *POSSESSIVE_PRONOUNS)]
        sides = {self.sides[w][0] for w in words if w in self.sides and self.sides[w][1] in (kind, "both")}
        if kind == "body":
            if name.type == "GPE":
                return "state"
            if name.type == "GROUP" and self.names.named(name.text):
                return "group"
        elif name.countries or not words or not all(
                w in self.sides or w in self.names.describing or w in self.names.people for w in words):
            return None
        return next(iter(sides)) if len(sides) == 1 else None

    def speaks_for(self, title: str) -> bool:
        folded = f" {fold(title)} "
        return any(f" {role} " in folded for role in self.spokesperson_roles)

    def ranked(self, title: str) -> bool:
        """Whether a title is a rank and nothing more ("Lieutenant-Colonel", "Brigadier
        General"; not "army spokesman Colonel", nor "Police Commissioner"): entities/roles.tsv's
        officers and generals."""
        words = fold(title).split()
        families = self.roles.families(words)
        return bool(families) and families <= RANKS and not any(self.sides.get(singular(w)) for w in words)

    def institution_in(self, title: str) -> str | None:
        """"army spokesman" speaks for the army; "spokesman", or "its spokeswoman" (whose
        institution is told before), for no one it names; an information minister for the
        government ("state information commissioner": the state government)."""
        parts: list[tuple[str, bool, str]] = []  # (word, of a compound that names something else:
        # "parent-teacher", as written: an acronym stays one, which names.py spells out: "UN")
        for token in title.split():
            found = fold(token).split()
            acronym = len(found) == 1 and len(found[0]) > 1 and token.strip(".,;:'’()\"").isupper()
            parts += [(w, "-" in token and any(x not in self.role_words for x in found), w.upper() if acronym else w)
                      for w in found]
        words = []
        for n, (w, compound, written) in enumerate(parts):
            if w in ("for", "of", "the", "a", "an") or w in POSSESSIVE_PRONOUNS:
                continue
            after = parts[n + 1][0] if n + 1 < len(parts) else None
            # a role's word, unless it names the body the word after it heads ("Defence
            # ministry", "Zamfara State police", "UN humanitarian ..."): not a role by itself
            # ("spokesman"), nor one of several role words ("top spokesman", "Lieutenant-Colonel")
            if w in self.role_words and not compound and (w in self.roles.table or after is None
                                                          or after in self.role_words):
                continue
            words.append(written)
        if any(family == GOVERNMENT_VOICE for _, family in self.roles.phrases(fold(title).split())):
            words = [w for w in words if w != "government"] + ["government"]
        return " ".join(words) or None

    def trigger_words(self, trigger: str) -> list[str]:
        """The trigger's words that say what happened: not its light verb ("conducted
        strikes": strikes), not its stop words; an irregular form as its verb ("struck":
        strike)."""
        found = [w for w in re.findall(r"[^\W\d_]+", trigger.lower()) if w not in STOP_WORDS]
        return [self.verb_forms.get(w, w) for w in [w for w in found if w not in self.light_verbs] or found]

    def office(self, title: str, place: str = "") -> str | None:
        """The office a title names, if one person holds it in a country ("Foreign
        Minister", "secretary of state": foreign_minister), or in a government by its
        portfolio ("minister for humanitarian affairs": minister:humanitarian); `place`, the
        words of the place the title names, which are not the portfolio's."""
        words = fold(title).split()
        families = self.roles.families(words)
        found = families & self.offices
        if found:
            return next(iter(found)) if len(found) == 1 else None
        if len(families) != 1 or not families <= self.portfolios:
            return None
        countries, skip = self.names.countries, set(fold(place).split())
        portfolio = sorted({w for w in words if w not in self.role_words and w not in skip and w not in STOP_WORDS
                            and countries.lookup(w) is None and countries.demonym(w) is None})
        return f"{next(iter(families))}:{'-'.join(portfolio)}" if portfolio else None

    def governs(self, title: str, body: str | None) -> bool:
        """Whether a title's holder speaks for their state's government ("Security
        Minister", "Secretary of State"; not "deputy foreign minister"); `body`: the
        institution the title names besides ("icrc" of "ICRC President": no state's)."""
        kind = self._governing(title)
        return kind in ("office", "region") or kind == "head" and not body

    def regional(self, title: str) -> bool:
        """Whether a title's holder governs a region within a country ("Governor"), and
        speaks for its government, not the country's."""
        return self._governing(title) == "region"

    def _governing(self, title: str) -> str | None:
        words = fold(title).split()
        # the office its longest phrase names: "Secretary-General" is no state's secretary
        return self.governing.get(self.roles.most_specific(self.roles.families(words), words) or "")

    def named_acts(self, trigger: str) -> list[str]:
        """The families of the act a refusal or a promise names ("will not withdraw":
        RETREAT...; "will never hold talks": CONSULT; "will release ten hostages":
        RETREAT), if its words name one."""
        return self.named_act(self.trigger_words(trigger))[0]

    def named_act(self, words: list[str]) -> tuple[list[str], str | None]:
        """The families of the act the first of these words to name one names, and that
        word; ([], None) when none does."""
        for word in words:
            form = _listed(word, self.acts)
            if form is not None:
                return sorted(self.acts[form]), word
        return [], None

    def named_modes(self, word: str) -> frozenset[str]:
        """The PLOVER modes a word that names an act may name it by ("swap", "freed":
        release), to know one act told in other words ("the swap would take place on
        Friday", and "exchanged prisoners on Friday")."""
        form = _listed(word, self.act_modes)
        return self.act_modes[form] if form is not None else frozenset()

    def arrival_of(self, sent: list[str], came: list[str]) -> bool:
        """Whether a trigger's words tell the arrival of what another's said would be sent
        ("would send a mission", and "the mission arrived"): corpus/arrivals.tsv."""
        def verbs(words: list[str]) -> set[str]:
            return {self.verb_forms.get(w.lower(), w.lower()) for w in words}
        return any(_listed(w, self.sending) for w in verbs(sent)) \
            and any(_listed(w, self.arriving) for w in verbs(came))

    def states_going_on(self, content: str) -> list[str]:
        """The states a saying tells are going on ("the crossing remained closed on Monday",
        "97 were still in custody"): corpus/lasting.tsv; not what it says will be ("it
        would remain shut")."""
        return sorted({" ".join(m.group("state").lower().split()) for m in self.lasting_said.finditer(content)})

    def ended_by(self, state: str, words: list[str]) -> bool:
        """Whether a trigger's words tell an act that ends a state (corpus/lasting.tsv):
        "reopened" of "closed"."""
        ends = self.lasting.get(state, frozenset())
        return any(_listed(self.verb_forms.get(w.lower(), w.lower()), ends) for w in words)

    def lasting_place(self, state: str) -> bool:
        """Whether a state going on is of being at a place ("remained on the hills")."""
        return state in self.presence

    def tells_toll(self, trigger: str) -> bool:
        """Whether a trigger tells who was killed or hurt ("opened fire on protesters,
        killing three", "were killed when drones hit a hospital"): beside an attack in its
        sentence, that attack's own toll, not another act."""
        words = trigger.lower().split()
        return bool(words) and any(form in self.harms for form in (
            words[0], words[0].removesuffix("s"), words[0].removesuffix("ed"), words[0].removesuffix("d"),
            words[0].removesuffix("ing")))

    def unharmed_all(self, content: str) -> bool:
        """Whether a saying says all its people came to no harm ("all 21 crew were safe",
        "the whole crew was unhurt"): a word for all of them (grammar's closed set) and one of
        corpus/unharmed.tsv."""
        text = " " + " ".join(WORD.findall(content.lower())) + " "
        return bool(ALL_OF.search(text)) and any(f" {phrase} " in text for phrase in self.unharmed)

    def runs_on(self, content: str, category: str | None) -> bool:
        """Whether a saying gives its count as one that runs on, as it stood when told ("12
        bodies so far", "the toll has risen to 31"; people displaced, by their nature):
        corpus/running.tsv."""
        if category in self.running_categories:
            return True
        text = " " + " ".join(WORD.findall(content.lower())) + " "
        return any(f" {phrase} " in text for phrase in self.running_words)

    def revises(self, sentence: str) -> bool:
        """Whether a sentence tells its count as a correction of an earlier one ("police
        revised the toll to two dead"; not "has not revised its toll of two dead"):
        corpus/running.tsv `revision`."""
        words = WORD_OR_NOT.findall(sentence.lower())
        return any(w in self.revising_words and not NEGATED.intersection(words[max(0, i - 2):i])
                   for i, w in enumerate(words))

    def tells_harm(self, content: str) -> bool:
        """Whether a saying's words tell harm to people: killed, hurt, taken, missing (the
        figures layer's words of those categories)."""
        return any(self.befalls.intersection(_base_forms(w, self.verb_forms)) for w in WORD.findall(content.lower()))

    def names_a_report(self, content: str) -> bool:
        """Whether a statement's content is what someone said, named by a noun: "the
        accusation", "the claim from Berlin", "these reports" (not "reports that ...",
        which tell what was reported)."""
        words = re.findall(r"[^\W\d_]+", content.lower())[:4]
        return any(w in self.report_nouns or w.removesuffix("s") in self.report_nouns for w in words) \
            and " that " not in f" {content.lower()} "

    def told_by_noun(self, trigger: str) -> bool:
        """Whether a trigger names its event with a noun ("the attack on the refinery",
        "the truce was extended"), not a verb ("have withdrawn")."""
        words = re.findall(r"[^\W\d_]+", trigger.lower())
        return any(w in self.event_nouns or w.endswith("s") and w[:-1] in self.event_nouns for w in words)

    def names_any(self, family: str, words: list[str]) -> bool:
        """Whether an act's words name it by a word for any act of its family, in the
        singular ("the attack", "gunmen attacked the convoy"; not "attacks", most often
        many): data/corpus/event-families.tsv `general`."""
        general = self.general.get(family, ())
        return any(w in general or w.endswith(("ed", "ing")) and re.sub(r"(?:ed|ing)$", "", w) in general
                   for w in words)

    def holds(self, content: str, acts: list[str] | None = None) -> str | None:
        """control | presence when the words of a claim say that something holds. `acts`:
        the triggers of the acts the claim tells, when known. A word of one of them is the
        act's ("will hold talks"), not a holding; and a claim that tells an act is of that
        act, not of where someone is ("two people died in the capital")."""
        folded = f" {fold(content)} "
        told = {w for act in acts or [] for w in fold(act).split()}
        kinds = {kind for word, kind in self.holding.items()
                 if f" {word} " in folded and not set(word.split()) <= told and not (kind == "presence" and acts)}
        return "control" if "control" in kinds else "presence" if "presence" in kinds else None


def _listed(word: str, table: Container[str]) -> str | None:
    """The form of a word (as written, or without its ending) that a table of trigger lemmas lists."""
    for form in (word, word.removesuffix("s"), word.removesuffix("ed"), word.removesuffix("ing"),
                 word.removesuffix("ing") + "e", word.removesuffix("d")):
        if form in table:
            return form
    return None


def _modes(triggers: dict[tuple[str, str], tuple[Any, ...]]) -> dict[str, frozenset[str]]:
    """Each trigger word's modes, of the senses that have one ("swap": release)."""
    found: dict[str, set[str]] = {}
    for (lemma, _), senses in triggers.items():
        found.setdefault(lemma, set()).update(sense.mode for sense in senses if sense.mode)
    return {lemma: frozenset(modes) for lemma, modes in found.items() if modes}


def _acts(triggers: dict[tuple[str, str], tuple[Any, ...]],
          families: dict[tuple[str, str], str]) -> dict[str, frozenset[str]]:
    """Each trigger word's acts, as families ("withdraw": RETREAT and the rest its senses
    name; "talks": CONSULT): what a refusal of it refuses. Not REJECT, the refusal itself."""
    found: dict[str, set[str]] = {}
    for (lemma, _), senses in triggers.items():
        for sense in senses:
            family = families.get((sense.type, sense.mode or "*")) or families.get((sense.type, "*")) or sense.type
            if family != "REJECT":
                found.setdefault(lemma, set()).add(family)
    return {lemma: frozenset(fams) for lemma, fams in found.items()}


def _other_acts(resources: Resources) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that name other acts, those that bundle many, and those that name a whole
    campaign (corpus/other-acts.tsv)."""
    rows = resources.table("corpus/other-acts.tsv", ("word", "kind"),
                           choices=(("kind", ("other", "bundle", "campaign")),))
    other, bundle, campaign = (frozenset(r["word"].lower() for r in rows if r["kind"] == kind)
                               for kind in ("other", "bundle", "campaign"))
    return other, bundle, campaign


def lexicon(resources: Resources) -> Lexicon:
    rows = resources.table("corpus/event-families.tsv", ("type", "mode", "family", "said"),
                           choices=(("type", enum("events", "type")), ("said", ("yes", "no"))))
    families = {(r["type"], r["mode"]): r["family"] for r in rows}
    general = {r["family"]: frozenset(r["general"].lower().split()) for r in rows if r.get("general")}
    said = frozenset(r["family"] for r in rows if r["said"] == "yes")
    holding = {fold(r["word"]): r["holds"] for r in resources.table(
        "corpus/holding.tsv", ("word", "holds"), choices=(("holds", ("control", "presence")),))}
    roles = resources.get(entities_lexicon).roles
    # not a word that also heads the name of an institution: "police" of "police chief"
    # is who a "police spokesman" speaks for
    role_words = frozenset(w for phrase in roles.table for w in fold(phrase).split()) \
        - set(resources.get(entities_lexicon).actor_heads)
    spokes = frozenset(fold(p) for p, family in roles.table.items() if family in (SPOKESPERSON, GOVERNMENT_VOICE))
    events = resources.get(events_lexicon)
    light = events.light_verbs
    forms = frozenset(w for verb in light for w in (verb, verb + "s", verb + "ed", verb + "d", verb + "ing"))
    weapons = tuple(sorted(set(events.weapons.values())))  # the modes the events layer gives
    rows = resources.table("corpus/weapons.tsv", ("mode", "reach"),
                           choices=(("mode", weapons), ("reach", ("afar", "at-hand")), ("also", weapons),
                                    ("kin", weapons)))
    reach = {r["mode"]: r["reach"] for r in rows}
    also = {r["mode"]: frozenset(r["also"].split()) for r in rows if r["also"]}
    kin = {r["mode"]: frozenset(r["kin"].split()) for r in rows if r.get("kin")}
    offices = resources.table("corpus/offices.tsv", ("family",), choices=(("by", ("portfolio",)),))
    running = resources.table("corpus/running.tsv", ("entry", "kind"),
                              choices=(("kind", ("words", "category", "revision")),))
    counts = resources.get(figures_lexicon)
    categories = set(counts.words.values())
    unknown = sorted(r["entry"] for r in running if r["kind"] == "category" and r["entry"] not in categories)
    if unknown:
        raise ValueError(f"corpus/running.tsv: categories the figures layer does not give: {unknown}")
    government = resources.table("corpus/government.tsv", ("entry", "kind"),
                                 choices=(("kind", ("office", "head", "body", "general", "division", "region")),))
    unknown = sorted({r["entry"] for r in government if r["kind"] in ("office", "head", "region")}
                     - set(roles.table.values()))
    if unknown:
        raise ValueError(f"corpus/government.tsv: offices that are no role family of entities/roles.tsv: {unknown}")
    place_nouns = {r["word"].lower(): r["kind"] for r in resources.table(
        "events/place-nouns.tsv", ("word", "kind"), choices=(("kind", PLACE_KINDS),)) if r["kind"] != "area"}
    return Lexicon(families, said, holding, place_nouns, role_words, spokes, Names(resources), forms,
                   resources.get(figures_lexicon).group, reach, also, kin,
                   frozenset(lemma for lemma, pos in events.triggers if pos == "noun"),
                   # the figures layer's words of death and injury
                   frozenset(w for w, category in resources.get(figures_lexicon).words.items()
                             if category in ("killed", "injured") and " " not in w),
                   frozenset(r["family"] for r in offices if not r.get("by")),
                   {r["entry"]: r["kind"] for r in government if r["kind"] in ("office", "head", "region")},
                   {r["entry"]: r["kind"] for r in government if r["kind"] in ("body", "general", "division")},
                   resources.get(entities_lexicon).issuers,
                   roles, _acts(events.triggers, families), _modes(events.triggers),
                   frozenset(w for w, kind in events.hearsay.items() if kind in ("hearsay", "rumour")),
                   frozenset(w for w, role in events.roles.items() if role == "agency"),
                   *_other_acts(resources),
                   {r["form"].lower(): r["verb"].lower() for r in resources.table("events/verb-forms.tsv", ("form", "verb"))},
                   details(resources, resources.get(figures_lexicon)),
                   {r["word"].lower(): (r["side"], r["kind"]) for r in resources.table(
                       "corpus/sides.tsv", ("word", "side", "kind"),
                       choices=(("side", ("state", "group")), ("kind", ("body", "forces", "both"))))},
                   frozenset(r["group"] for r in resources.table(
                       "corpus/tolls.tsv", ("group",),
                       choices=(("group", tuple(sorted({g for value in resources.get(figures_lexicon).groups.values()
                                                         for g in value.split("|")} - {""}))),))),
                   frozenset(" ".join(r["word"].lower().split())
                             for r in resources.table("corpus/unharmed.tsv", ("word",))),
                   frozenset(w for table in (counts.words, counts.objects, counts.passives, counts.aways)
                             for w, category in table.items()
                             if category in ("killed", "injured", "detained", "missing") and " " not in w),
                   portfolios=frozenset(r["family"] for r in offices if r.get("by") == "portfolio"),
                   general=general,
                   running_words=frozenset(" ".join(r["entry"].lower().split())
                                           for r in running if r["kind"] == "words"),
                   running_categories=frozenset(r["entry"] for r in running if r["kind"] == "category"),
                   revising_words=frozenset(r["entry"].lower() for r in running if r["kind"] == "revision"),
                   began=_began(resources.table("corpus/began.tsv", ("word",))),
                   separately=_separately(resources.table("corpus/separate.tsv", ("words",))),
                   sites={r["word"].lower(): r["kind"] for r in resources.table("events/sites.tsv", ("word", "kind"))},
                   unnamed=_unnamed(resources.get(statements_lexicon).anonymity),
                   **_arrivals(resources.table("corpus/arrivals.tsv", ("word", "kind"),
                                               choices=(("kind", ("send", "arrive")),))),
                   **_lasting(resources.table("corpus/lasting.tsv", ("state", "ends", "kind"),
                                              choices=(("kind", ("state", "presence")),)), events.triggers))


def _unnamed(verbs: frozenset[str]) -> re.Pattern[str]:
    """A source's terms of anonymity: "on condition of anonymity", and a negated verb of
    being named ("asked not to be named", "declined to be identified")."""
    forms = sorted(v + "d" if v.endswith("e") else v[:-1] + "ied" if v.endswith("y") else v + "ed" for v in verbs)
    return re.compile(rf"\banonymity\b|\b(?:not|declined|refused)\b(?:\s+\w+){{0,3}}\s+(?:{'|'.join(forms)})\b",
                      re.IGNORECASE)


def _lasting(rows: list[dict[str, str]], triggers: dict[tuple[str, str], tuple[Any, ...]]) -> dict[str, Any]:
    """The states of corpus/lasting.tsv with the acts that end them, and the pattern that
    finds them told as going on: after "still", "remain" or "remained" (and "being", "firmly"),
    not after "will", "would", "to" or "not" ("it would remain shut", "vowed to remain in
    Orsk", "would not remain in militant hands")."""
    lasting = {" ".join(r["state"].lower().split()): frozenset(r["ends"].lower().split("|")) for r in rows}
    words = {lemma for lemma, _ in triggers}
    unknown = sorted({w for ends in lasting.values() for w in ends} - words)
    if unknown:
        raise ValueError(f"corpus/lasting.tsv: acts that are no trigger word of events/triggers.tsv: {unknown}")
    states = "|".join(sorted((r"\s+".join(map(re.escape, s.split())) for s in lasting), key=len, reverse=True))
    said = re.compile(r"(?<!\bwill )(?<!\bwould )(?<!\bto )(?<!\bcould )(?<!\bmay )(?<!\bmight )(?<!\bshall )"
                      r"(?<!\bnot )(?<!n't )(?<!n’t )"
                      r"\b(?:still|remains?|remained)\s+(?:being\s+)?(?:(?:firmly|fully)\s+)?"
                      rf"(?P<state>{states})\b", re.IGNORECASE)
    presence = frozenset(" ".join(r["state"].lower().split()) for r in rows if r["kind"] == "presence")
    return {"lasting": lasting, "lasting_said": said, "presence": presence}


def _arrivals(rows: list[dict[str, str]]) -> dict[str, frozenset[str]]:
    return {field: frozenset(r["word"].lower() for r in rows if r["kind"] == kind)
            for field, kind in (("sending", "send"), ("arriving", "arrive"))}


def _separately(rows: list[dict[str, str]]) -> re.Pattern[str]:
    """The opening of a sentence that tells another happening (corpus/separate.tsv)."""
    phrases = sorted({" ".join(r["words"].lower().split()) for r in rows}, key=len, reverse=True)
    return re.compile(r"\s*(?:%s)\s*," % "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases),
                      re.IGNORECASE)


def _began(rows: list[dict[str, str]]) -> re.Pattern[str]:
    """The words right after a mention that tell the day it began: its verb, past where it
    was ("the sit-in at Chaman, which started on"), a "which" or a "that", whose saying it
    is ("fighting that Cambodia says began on Sunday") and a tense's auxiliary, up to where
    its day may be told; not another verb it governs ("the shelling began to ease on Monday")."""
    verbs = "|".join(sorted((r"\s+".join(map(re.escape, r["word"].lower().split())) for r in rows), key=len,
                            reverse=True))
    # where it was: words up to 40 characters, not into another clause ("in Orsk and the talks began")
    return re.compile(r"(?:\s+(?:of|at|in|near|outside|on|along|against)\s+"
                      r"(?:(?!\b(?:and|but|or|while|as|after|before|when|since)\b)[^,.;:!?\"“”]){1,40}?)?"
                      r"(?:\s*,\s*which\s+|\s+that\s+(?:(?:[\w'’-]+\s+){1,3}(?:says|said|claims|claimed)\s+)?|\s+)"
                      rf"(?:(?:had|has|have)\s+)?(?P<verb>{verbs})\b(?!\s+to\b)", re.IGNORECASE)


def _base_forms(word: str, irregular: dict[str, str]) -> set[str]:
    """A word and the forms its inflection may be of ("captured": "capture", "kidnapped":
    "kidnap", "wounding": "wound"; an irregular verb by events/verb-forms.tsv), as the
    figures layer lists its words by their lemma."""
    forms = {word, irregular.get(word, word)}
    for ending in ("ed", "d", "ing", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            forms |= {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    return forms

