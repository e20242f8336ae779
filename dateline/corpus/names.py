"""One actor across articles: when two names in two records stand for the same person,
organisation or group.

A name is compared through its *form*: diacritics folded ("Erdoğan" is "erdogan"), case,
"the", possessives and punctuation dropped, demonyms read as their country ("Syrian army"
and "Syria's army" are one form), the known aliases of data/entities/aliases.tsv put in the
place of the name they stand for ("HTS" is "hayat tahrir al sham"), and, for groups, the
words that only say what kind of group it is ("Houthi rebels", "Yemen-based Houthi
militants": "houthi"). Two names are the same actor when their forms are equal, when one is
the surname of the other ("Erdogan", "Recep Tayyip Erdoğan"), when one is the acronym of
the other, or when they differ only by a transliteration (a fuzzy ratio over the forms).

Every comparison is of two names alone, never of a name with what the store holds, so
that links made from it do not depend on the order the articles came in.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..countries import CountryIndex, countries
from ..layers.entities.lexicon import lexicon as entities_lexicon
from ..layers.figures.lexicon import lexicon as figures_lexicon
from ..layers.places.gazetteer import feature_meanings
from ..resources import Resources
from ..syntax import DETERMINERS, POSSESSIVE_PRONOUNS, one_of, singular

# the words that say what kind of collective a group is, dropped from its form
GROUP_HEADS = {"rebel", "rebels", "militant", "militants", "fighter", "fighters", "group", "movement", "militia",
               "militias", "insurgent", "insurgents", "force", "forces", "organization", "organisation"}
# what names a group as a whole, not its members: "armed groups" are several of them
WHOLES = {"group", "movement", "organization", "organisation", "faction"}
# "Iran-backed", "Hamas-run", "Yemen-based": who is behind an actor or where, not its name
AFFILIATION = {"run", "backed", "led", "based", "aligned", "allied", "controlled", "sponsored", "funded"}
LINKERS = {"of", "the", "and", "for", "al", "el", "de", "du", "des", "la", "le", "in", "on", "to"}
MADE_AT_MOST = 100_000  # names kept made, the least used first forgotten
FUZZY = 88  # a transliteration ("Qasem"/"Qassem", "Soleimani"/"Suleimani"), out of 100
TRANSLITERATED = 70  # the words two such forms do not share ("mohammed"/"muhammad": 75; "state"/"defense": 33)
COUNTRY_WORDS = 5  # the most words a country's name has ("saint vincent and the grenadines")


@dataclass(frozen=True)
class Name:
    """One name as a record gives it, with what comparing it needs."""

    text: str
    type: str | None          # PERSON, ORG, GROUP, GPE, NORP, OTHER
    form: str                 # the folded name (see the module's docstring)
    words: tuple[str, ...]    # the form's words
    acronym: str | None       # initials of a name of three words or more ("hts")
    countries: frozenset[str] = frozenset()  # the words of the form that name its place ("syria" army)

    @property
    def surname(self) -> str | None:
        return self.words[-1] if self.type == "PERSON" and self.words else None

    def keys(self) -> set[str]:
        """Index keys: any two names that may be one actor share one (see `same`)."""
        out = {skeleton(w) for w in self.words if w not in LINKERS and len(w) > 1}
        if self.acronym:
            out.add(skeleton(self.acronym))
        if len(self.words) == 1:
            out.add(skeleton(self.words[0]))
        return {k for k in out if k}


class Names:
    """Makes `Name`s with the shipped aliases and the country index."""

    def __init__(self, resources: Resources):
        lex = resources.get(entities_lexicon)
        self.aliases = lex.aliases
        self.honorifics = lex.honorifics
        self.roles = lex.roles
        self.countries: CountryIndex = resources.get(countries)
        # the words for a country's divisions written after their names ("Zamfara State")
        self.divisions = frozenset(w for w, means in resources.get(feature_meanings).items()
                                   if means == "division" and " " not in w)
        # the words that only describe an actor: "rebel fighters", "the army", "security forces"
        self.describing = frozenset(GROUP_HEADS | AFFILIATION
                                    | {h for h, head in lex.actor_heads.items() if head.describes in ("yes", "plural")}
                                    | {"rebel", "armed", "security", "government", "local", "state", "military",
                                       "suicide", "female", "male", "masked", "unidentified", "unknown", "suspected"})
        figures = resources.get(figures_lexicon)
        self.people = frozenset(figures.people)  # "residents", "officials"
        self.fighters = frozenset(w for w, group in figures.groups.items() if group == "fighters")  # "gunmen"
        self.counting = frozenset(figures.numbers.words)  # "Three suicide bombers" counts, and names no one
        # and how exactly: "about 20 gunmen", "more than 100 fighters" (figures/qualifiers.tsv)
        self.quantifying = frozenset(w for phrase in figures.qualifier_of for w in phrase.split())
        # what names no one by itself: a pronoun or a demonstrative ("they", "those") that the
        # record did not tie to anyone
        self.pointing = frozenset(lex.pronouns) | DETERMINERS | {"all"}
        # linking names the same few hundred strings over and over, each a fold and lookups
        self._made = lru_cache(maxsize=MADE_AT_MOST)(self._name)

    def described(self, text: str) -> bool:
        """Whether a name only describes an actor ("Rebel fighters", "the army"), whatever
        its capitals: a description may be anyone the article names."""
        words = [w for w in fold(text).split() if w not in ("the", "a", "an") and w not in self.counting
                 and w not in self.quantifying and not w.isdigit()]
        return bool(words) and all(w in self.describing or one_of(w) in self.describing for w in words)

    def common(self, word: str) -> bool:
        """Whether a capitalised word of a group's name is only a common one: a number or a
        quantifier ("Two teachers", "About 20 gunmen"), a word for people by what they are
        or do ("Residents of ...", "Witnesses", "Brazilian mediators"), one that describes
        an actor, or a country's or a people's ("Brazilian"): none of them names a group."""
        w = fold(word)
        return w in self.counting or w in self.quantifying or w in self.describing or one_of(w) in self.describing \
            or w in self.people or any(role in self.roles for role in (w, singular(w), w.removesuffix("es"))) \
            or self.countries.lookup(word) is not None or self.countries.demonym(word) is not None

    def named(self, text: str) -> bool:
        """Whether a name is one ("Free Arvesh Front"), not a description ("rebels",
        "Rebel fighters", "the army")."""
        return any(c.isupper() for c in text) and not self.described(text)

    def kinds(self, text: str) -> bool:
        """Whether a name ends in the plural of a word that describes an actor ("Aid groups",
        "Rights organisations"): a kind of actor, if nothing but a sentence's first letter
        capitalises it."""
        words = fold(text).split()
        return bool(words) and singular(words[-1]) != words[-1] and singular(words[-1]) in self.describing

    def only_described(self, entity: dict[str, Any], text: str) -> bool:
        """Whether a group or a body is told only by the words for a kind of people, with
        no capital but its sentence's ("Officials said", "Health officials said", "Thai
        soldiers", "Opposition lawmakers urged"): the officials of each article are others,
        and none of them is the group an article names."""
        last = entity["name"].split()[-1]
        return sentence_cased(entity, text) and (self.common(last) or self.kinds(entity["name"]))

    def armed(self, text: str) -> bool:
        """Whether a group's name ends in a word of its own ("Free Arvesh Front") or in one for
        an armed group or its fighters ("Houthi rebels", "Wagner mercenaries"): a group that
        "the rebels" of its article may stand for; not people of a kind ("All 269 students",
        "Tribal mediators", "United Nations forensic experts")."""
        words = text.split(" of ")[0].split()  # the head: "Fighters of the Varnel Front"
        last = fold(words[-1]) if words else ""
        return bool(words) and (any(c.isupper() for c in words[-1]) or last in GROUP_HEADS or last in self.fighters)

    def several(self, text: str) -> bool:
        """Whether a name is of several groups ("several armed groups", "rebel factions"):
        no one group the article names."""
        words = fold(text).split()
        return bool(words) and words[-1] != singular(words[-1]) and singular(words[-1]) in WHOLES

    def unnamed(self, text: str) -> bool:
        """Whether a name is only a pronoun or a demonstrative ("They", "those"): no one
        whom another article's "they" can be said to be."""
        words = fold(text).split()
        return bool(words) and all(w in self.pointing for w in words)

    def people_only(self, text: str) -> bool:
        """Whether a name is only a noun that counts people ("Residents", "Witnesses"),
        capitalised at the start of a sentence, not the name of anyone."""
        words = [w for w in fold(text).split() if w not in ("the", "a", "an")]
        return bool(words) and all(w in self.people or singular(w) in self.people for w in words)

    def names_one(self, text: str, type: str | None) -> bool:
        """Whether a text names someone (the actors table learns it, a claim's speaker may be
        named more fully by it): not "the army", "Rebel fighters" or "members of the Varnel
        Front", a description, which may be anyone's; not "His", "They" or "Its secretary",
        nor people counted or told only as people ("Two residents", "Officials"); for a
        person, not "the Supreme Leader of Iran", "An army spokesman" or "Prime Minister"."""
        words = fold(text).split()
        if not words or words[0] in POSSESSIVE_PRONOUNS or words[0].isdigit() or words[0] in self.counting \
                or words[0] in self.quantifying or self.people_only(text):
            return False
        if type == "PERSON" and (words[0] in ("the", "a", "an") or " ".join(words) in self.roles
                                 or self.name(text, type).surname in self.roles):
            return False
        return any(c.isupper() for c in text) and not self.described(text) and not self.unnamed(text) \
            and _written_as_name(text)

    def name(self, text: str, type: str | None = None) -> Name:
        """A name as linking compares it: its folded words, acronym and countries."""
        return self._made(text, type)

    def _name(self, text: str, type: str | None) -> Name:
        known = self.aliases.lookup(text.strip()) or self.aliases.lookup(_strip_article(text.strip()))
        capital = self.countries.capital(text.strip()) if type in ("GPE", None) else None
        if known is None and capital is not None:
            known = (capital.name, "GPE")  # "Moscow denied ...": a capital told as an actor is its state
        if known is not None:
            text_for_form, type = known[0], type or known[1]
        else:
            # an acronym inside a longer name is the name it stands for: "UN Security
            # Council" is the "United Nations Security Council"
            text_for_form = " ".join(self._spelled(w) for w in text.split())
        words = self._words(text_for_form, type)
        acronym = None
        # of the whole name, heads included: "Rapid Support Forces" is the RSF
        initials = [w[0] for w in fold(text_for_form).split() if w not in LINKERS and w not in ("a", "an")]
        if len(initials) >= 3 and type != "PERSON":
            acronym = "".join(initials)
        return Name(text, type, " ".join(words), tuple(words), acronym, self._country_words(words))

    def _country_words(self, words: list[str]) -> frozenset[str]:
        """The words of a name that name its place: a country by its whole name ("sierra
        leone" army), or a division by its name and the word for it ("zamfara state"
        police: data/places/feature-words.tsv). Not words that some country's name has among
        others: "state", "united" or "new" name none alone ("state government", "United
        Front")."""
        found: set[str] = set()
        for i in range(len(words)):
            if i and words[i] in self.divisions and words[i - 1] not in LINKERS:
                found.update(words[i - 1:i + 1])
            for n in range(min(COUNTRY_WORDS, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n])
                if (n > 1 or len(phrase) > 3) and self.countries.lookup(phrase) is not None:
                    found.update(words[i:i + n])
                    break
        return frozenset(found)

    def _spelled(self, word: str) -> str:
        known = self.aliases.exact.get(word) if word.isupper() and len(word) > 1 else None
        return known[0] if known is not None and " " in known[0] else word

    def _untitled(self, words: list[str]) -> list[str]:
        """A person's name without the title a name may be given with: role phrases and
        honorifics before it, and a country before or after them ("Hong Kong Chief Executive
        Carrie Lam", "Russian President Vladimir Putin", "President of Ukraine Volodymyr
        Zelenskyy" are Carrie Lam, Vladimir Putin and Volodymyr Zelenskyy; but "Jordan
        Peterson" keeps his first name)."""
        def role_at(i: int) -> int:  # the end of a role phrase or honorific starting at i, else i
            ends = [i + n for n in range(1, 5) if i + n <= len(words)
                    and (" ".join(words[i:i + n]) in self.roles or n == 1 and words[i].rstrip(".") in self.honorifics)]
            return max(ends, default=i)

        def country_at(i: int) -> int:
            ends = [i + n for n in range(1, 4) if i + n <= len(words)
                    and (self.countries.lookup(" ".join(words[i:i + n])) or self.countries.demonym(words[i]) and n == 1)]
            return max(ends, default=i)

        start = 0
        while start < len(words) - 1:
            after_role = role_at(start)
            after_country = country_at(start)
            if after_role > start:
                start = after_role
                if start < len(words) - 2 and words[start] in ("of", "for") and country_at(start + 1) > start + 1:
                    start = country_at(start + 1)  # "President of Ukraine Volodymyr Zelenskyy"
            elif after_country > start and role_at(after_country) > after_country:
                start = role_at(after_country)
            else:
                break
        # what a title leaves before its last role or rank is the body the person holds it in
        # ("Defence ministry spokesman Colonel Moussa Issoufou", "KDF commander Lieutenant
        # General Yasir Tirab"): the name is what follows them
        ends = [end for i in range(start, len(words) - 1) if (end := role_at(i)) > i]
        start = max(start, min(max(ends, default=start), len(words) - 1))
        if start < len(words) - 2 and words[start] in ("of", "for") and country_at(start + 1) > start + 1:
            start = min(country_at(start + 1), len(words) - 1)  # "... coordinator for Mozambique, Ingrid Solheim"
        return words[start:] or words

    def _words(self, text: str, type: str | None) -> list[str]:
        words = fold(text).split()
        while words and words[0] in ("the", "a", "an"):
            words = words[1:]
        if type in ("GROUP", "NORP", None):
            # a group counted is the group: "about 20 gunmen" and "about 50 FUC gunmen" are
            # the gunmen and the FUC's, whose number is a detail reports dispute (details.py)
            while len(words) > 1 and (words[0].isdigit() or words[0] in self.counting or words[0] in self.quantifying):
                words = words[1:]
        out = []
        for w in words:
            country = self.countries.demonym(w) or (self.countries.lookup(w) if len(w) > 3 else None)
            out.append(fold(country.name) if country is not None and type != "PERSON" else w)
        if type == "PERSON":
            out = self._untitled(out)
            out = [w for w in out if w not in self.honorifics and w.rstrip(".") not in self.honorifics
                   and w not in self.roles]
        else:
            # "Hamas-run", "Iran-backed": who is behind it, not its name; a country's army,
            # military, military forces, armed forces and troops are one (not its "military
            # sources")
            out = [w for w in out if w not in AFFILIATION]
            joined = " ".join(out)
            for head in ("armed forces", "military forces", "military", "troops"):
                if joined == head or joined.endswith(" " + head):
                    joined = joined[:-len(head)] + "army"
            out = joined.split()
        if type in ("GROUP", "NORP") or type is None:
            kept = [w for w in out if w not in GROUP_HEADS]
            out = kept or out
        out = [singular(w) if type in ("GROUP", "NORP") else w for w in out]
        return [w for w in " ".join(out).split()]


def sentence_cased(entity: dict[str, Any], text: str) -> bool:
    """Whether an entity's capitals are only those that begin its sentences ("Aid groups
    said", "Health officials said"): a description, whatever the tagger made of it."""
    capitalised = [m for m in entity.get("mentions", []) if any(c.isupper() for c in m["text"])]
    return all(not any(c.isupper() for c in m["text"][1:]) and _starts_sentence(text, m["start"])
               for m in capitalised)


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \"'‘“")
    return not before or before.endswith((".", "!", "?", ":", "\n"))


def _written_as_name(text: str) -> bool:
    """Whether a text begins as a name does: with a capital, or with a word that names
    begin with ("the Varnel Front", "al-Shabaab", "de Mistura"); not "members of the
    Varnel Front", which describes people by the group they are in."""
    first = fold(text).split()[:1]
    return text[:1].isupper() or bool(first) and first[0] in LINKERS


@lru_cache(maxsize=65_536)  # the candidates of each new report compare the same names again
def same(a: Name, b: Name) -> bool:
    """Whether two names may stand for one actor (symmetric, of the two names alone)."""
    if not a.form or not b.form:
        return False
    if a.form == b.form:
        return True
    if a.type == "PERSON" and _place_for_surname(b) or b.type == "PERSON" and _place_for_surname(a):
        return _same_words(a, b)
    if {a.type, b.type} - {None} and a.type and b.type and _kind(a.type) != _kind(b.type):
        return False
    if a.type == "PERSON" or b.type == "PERSON":
        return _same_person(a, b)
    if a.acronym and a.acronym == b.form.replace(" ", "") or b.acronym and b.acronym == a.form.replace(" ", ""):
        return True
    short, long = sorted((a, b), key=_size)
    if _within(short, long) or _size(short) == _size(long) and _within(long, short):
        return True
    return fuzz.ratio(a.form, b.form) >= FUZZY and len(a.form) > 5 and _transliterated(a, b)


def _size(name: Name) -> int:
    return len(set(name.words) - LINKERS)


def _within(short: Name, long: Name) -> bool:
    """Whether a name's words are those of a longer one, or all but one of them: "houthi"
    and "houthi ansar"; "army" and "sierra leone army", whose country's words count as
    none, either way round ("Somalia's disaster management agency" and "the federal
    disaster management agency"), but not two countries' ("iran army", "iraq army");
    "army" is not "general command army armed forces"."""
    # a group's words are singular, an organisation's as written: "associates of Navalny"
    # as a name, "associate of navalny" as a group its description makes (items.py)
    core, whole = ({w if w in n.countries else singular(w) for w in n.words} - LINKERS for n in (short, long))
    own, more = core - short.countries, whole - core - long.countries
    if not own or len(more) > 1:
        return False
    # a word the longer has instead of the country's may be another place's name ("Velnor's
    # army" is not "Chad's army"), not a word written in lower case ("federal")
    return core <= whole or not long.countries and own <= whole \
        and not any(w[:1].isupper() and fold(w) in more for w in long.text.split())


def _transliterated(a: Name, b: Name) -> bool:
    """Whether the words two alike forms do not share are one word written two ways
    ("qasem soleimani", "qassem suleimani"), not other words that a long shared part makes
    the whole look alike ("united states department of state" and "... of defense"), nor
    two countries ("iran army", "iraq army")."""
    only_a = [w for w in a.words if w not in b.words]
    only_b = [w for w in b.words if w not in a.words]
    if set(only_a) & a.countries and set(only_b) & b.countries:
        return False
    return fuzz.ratio(" ".join(only_a), " ".join(only_b)) >= TRANSLITERATED




def _place_for_surname(name: Name) -> bool:
    """Whether a "place" is one word that names no country or capital: most often the
    tagger's reading of a surname that speaks ("Erdogan said", tagged as a place in one
    report, is "Recep Tayyip Erdoğan" of another)."""
    return name.type == "GPE" and len(name.words) == 1 and not name.countries


def _same_person(a: Name, b: Name) -> bool:
    if a.type not in ("PERSON", None) or b.type not in ("PERSON", None):
        return False
    if _unnamed(a) and _unnamed(b):
        # "a senior defence ministry official", "a defence ministry official": one source
        # described twice, the one a word more precise; not "an embassy official"
        short, long = sorted((set(a.words), set(b.words)), key=len)
        return bool(short) and short <= long and len(long - short) <= 1 and a.words[-1:] == b.words[-1:]
    return _same_words(a, b)


def _unnamed(name: Name) -> bool:
    """Whether a person is only described ("defence ministry official"): no capital after
    the first letter."""
    return not any(c.isupper() for c in name.text[1:])


def _same_words(a: Name, b: Name) -> bool:
    """Whether the words of two names may be one person's: one surname, and first names
    that begin alike."""
    short, long = sorted((a, b), key=lambda n: len(n.words))
    if not short.words or not long.words:
        return False
    if len(short.words) == 1 and len(long.words) >= 3 \
            and any(_close(short.words[0], w) for w in long.words[1:-1] if w not in LINKERS):
        # a surname of two words, named by its first: "Kasongo" of "Désiré Kasongo Mwamba",
        # "García" of "Gabriel García Márquez"
        return True
    if not _close(short.words[-1], long.words[-1]):
        return False
    if len(short.words) == 1:
        return True  # "Erdogan", "Recep Tayyip Erdoğan"
    # "Joe Biden", "Joseph R. Biden": the first names begin alike; "Hunter Biden" does not
    return short.words[0][0] == long.words[0][0]


def _close(a: str, b: str) -> bool:
    return a == b or len(a) > 4 and fuzz.ratio(a, b) >= FUZZY


def _kind(type: str) -> str:
    """Organisations and armed groups are told apart unreliably; a country, or its people,
    is never one of them: Syria is not the Syrian army."""
    return {"ORG": "body", "GROUP": "body", "NORP": "country", "GPE": "country"}.get(type, type)


@lru_cache(maxsize=65_536)  # the same names and words, folded again on every comparison
def fold(text: str) -> str:
    """Lower case, no diacritics, no possessive, punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]s\b", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def skeleton(word: str) -> str:
    """A word without its vowels and doubled letters, so transliterations meet in one
    index key: "soleimani" and "suleimani" are both "slmn"."""
    word = fold(word).replace(" ", "")
    if not word:
        return ""
    out = word[0]
    for c in word[1:]:
        if c in "aeiouy" or c == out[-1]:
            continue
        out += c
    return out


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|The)\s+", "", text)
