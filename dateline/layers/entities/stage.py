"""The entities layer: who acts and speaks, with names, titles, affiliations and mentions.

Three passes over the Doc, each feeding the next:
1. names: the NER's people, organisations and countries, cleaned, merged into entities
   (a surname joins the full name, with or without its diacritics, an acronym its
   expansion, a demonym its country), with the title written before or beside a
   person's name and the affiliation it gives;
2. descriptions: unnamed actors and descriptions of named ones ("the ministry",
   "Syria's interior minister", "insurgents", "a spokesperson for ..."), each either tied
   to the entity it describes or made an entity of its own;
3. pronouns outside quotations, tied to the most recent compatible subject (of the
   gender a pronoun or an honorific told before, and of an earlier sentence its named
   speaker rather than whom it reported on); a "we" or an "I" to who speaks in the text's
   own voice, when its outlet or title says who.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ...record import span
from ...syntax import (DETERMINERS, POSSESSIVE_PRONOUNS, find_child, noun_phrase, sentence_index, text_of,
                       tokens_with)
from ..base import Context, stage
from ...countries import Country, CountryIndex, countries
from ...quotes import quotes_of
from ..document.datelines import Dateline, datelines
from ..places.gazetteer import Gazetteer, gazetteer
from ..statements.lexicon import lexicon as statements_lexicon
from .lexicon import Lexicon, alias_matcher, lexicon

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
GUESSES = {"WORK_OF_ART", "PRODUCT"}
CONNECTORS = {"of", "and", "for", "to", "-", "’s", "'s"}
LINKS = {"of", "and", "for", "to"}  # connectors that join a title's words, not a possessor's
NAME_LINKS = {"of", "for", "the", "al", "el", "bin", "ibn", "-"}  # inside a name: "Council for the Salvation of ..."
LOOKBACK_SENTENCES = 3      # how far back a pronoun looks for its antecedent
DESCRIPTION_SENTENCES = 30  # how far back "the ministry" looks for the ministry
NON_REFERRING = {"no", "any", "every", "each", "another"}
MAX_LOOKBACK_MENTIONS = 400  # a bound on any backward walk, whatever the quotations in the way
CATAPHORA_SENTENCES = 3
LEAD_SENTENCES = 1  # the sentences of a lead (with a dateline's own), which names its parties later
INTRODUCING = {",", "(", "—", "–"}  # after a name, what tells who they are: "Ivo Tamm, 34,"
HYPHENS = {"-", "‑", "–"}  # the tokens a hyphenated name is split by: "Jean - Pierre"
WHERE = ("in", "at", "near", "outside", "inside", "around", "across", "towards", "toward")  # before a place
# the words of a rank's class, which follow a title as a name would ("Petty Officer Third Class")
RANK_CLASSES = frozenset({"first", "second", "third", "fourth", "fifth", "class"})
# a transcript's turn begins with its speaker's label, in capitals, at a line's start:
# "SECRETARY BLINKEN: Thank you.", "QUESTION: Mr. President, ...", or a reporter's bare
# "Q" ("Q What does the U.S. know ...")
# words a title's capitals run over that end the words naming one person ("Remarks On
# Syria By President Biden": Syria is not his)
TITLE_LINKS = {"by", "on", "and", "with", "at", "in", "to", "for", "from", "about", "of", "after", "before"}
TURN = re.compile(r"(?m)^(?:(?P<label>(?:[A-Z][A-Z.'’-]*[ \t]+){0,4}[A-Z][A-Z.'’-]*):|(?P<label_q>Q)\.?(?=[ \t]+[A-Z]))[ \t]")


@dataclass(eq=False)
class Entity:
    type: str
    name: str
    words: tuple[str, ...]
    head: str = ""
    named: bool = True
    plural: bool = False
    title: str | None = None
    families: frozenset[str] = frozenset()
    affiliation: "Entity | None" = None
    mentions: set[tuple[int, int]] = field(default_factory=set)  # character spans
    # the words a description beside its name calls it by ("Kalliston Shipping, the Greek
    # company that operates the ship": greek, company), by which a later "the company" is it
    described: set[str] = field(default_factory=set)
    order: int = 0  # creation order, for "the most recent name first"
    gender: str | None = None  # m or f, once a pronoun or an honorific tells it
    # the bodies a role set beside the name names ("army" of "An army spokesman, Colonel
    # Aram Tessel"), which its title ("Colonel") does not
    bodies: frozenset[str] = frozenset()

    def first(self) -> int:
        return min(start for start, _ in self.mentions)


@dataclass(frozen=True)
class Naming:
    """A description named by the words after it: "a group calling itself Ahl al-Sahil"."""

    head: int    # the description's head ("group")
    phrase: int  # the first of the naming words ("calling")
    start: int   # the name's tokens, start and end
    end: int
    type: str    # the actor's type, as the description says


@dataclass(frozen=True)
class Mention:
    """A place in the text where an entity is referred to, for recency look-ups."""

    token: int          # index of the mention's head token
    entity: Entity
    subject: bool


SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # the last word of a name that is no surname ("Jr")

def name_words(text: str) -> tuple[str, ...]:
    text = re.sub(r"[’']s\b", "", text)
    words = [w for w in re.split(r"[\s\-‐]+", text.lower()) if w and w not in ("the", "a", "an")]
    return tuple(words)


@functools.lru_cache(maxsize=65536)  # asked of every word of every article, most of them the same few
def _plain(word: str) -> str:
    """A word without its diacritics: "erdoğan" is "erdogan"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def initials(text: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", text)
                   if w and w[0].isupper() and w.lower() not in ("of", "the", "and", "for"))


class EntityBuilder:
    def __init__(self, doc: Doc, lex: Lexicon, countries: CountryIndex, aliases: PhraseMatcher,
                 title: str | None = None, source: str | None = None, cue_verbs: frozenset[str] = frozenset(),
                 attitudes: frozenset[str] = frozenset(), dateline: Dateline | None = None):
        self.doc = doc
        self.dateline = dateline  # the dateline that opens the text: its place, its agency
        self.cue_verbs = cue_verbs  # the statements layer's verbs of saying
        self.attitudes = attitudes  # and its words of an attitude said ("concerned", "alarmed")
        self.title, self.source = title or "", source or ""  # who speaks in the text's own voice
        self.issuer: dict[str, Entity | None] = {}
        self.name_ends: set[str] = set()  # collect_descriptions
        # a transcript's turns, when asked: (start, end, who has the floor, the country the
        # title says they are of)
        self.turns: list[tuple[int, int, Entity | None, Entity | None]] | None = None
        self.lex = lex
        # the last words of a company's or an outlet's name ("Kalliston Shipping", "Harrow
        # Wire"): an organisation's, never a person's
        self.business_names = lex.company_names | lex.outlet_names
        self.roles = lex.roles
        self.role_words = lex.roles.words()  # "executive" of "chief executive" is no given name
        self.aliases = aliases
        self.text = text_of(doc)
        self.countries = countries
        self.entities: list[Entity] = []
        self.token_entity: dict[int, Entity] = {}   # tokens inside a mention -> entity
        self.timeline: list[Mention] = []
        self.sent_of = sentence_index(doc)
        self.in_quote = [False] * len(doc)
        for q in quotes_of(doc):
            inside = doc.char_span(q.start, q.end, alignment_mode="contract") if not q.single else None
            if inside is not None:
                self.in_quote[inside.start:inside.end] = [True] * len(inside)
        # Distances between mentions count the writer's sentences only: a long quotation
        # between "he said" and "he continued" does not push the speaker out of reach.
        self.narrative_of = [0] * len(doc)
        count = 0
        for sent in doc.sents:
            if not all(self.in_quote[t.i] or t.is_punct or t.is_space for t in sent):
                count += 1
            self.narrative_of[sent.start:sent.end] = [count] * len(sent)
        self.countries_seen: dict[Country, Entity] = {}
        self.untied: list[tuple[Entity, tuple[int, int]]] = []  # people whose title's body is not named in it
        self.name_keys: dict[tuple[str, str], list[Entity]] = {}
        self.people_by_who: set[int] = set()  # the people a "who" told from the organisations the tagger saw
        self.namings = self._namings()

    # -- helpers -------------------------------------------------------------
    def _add_mention(self, ent: Entity, start: int, end: int, head: int | None = None) -> None:
        start_c, end_c = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)
        ent.mentions.add((start_c, end_c))
        for i in range(start, end):
            # a pronoun inside a phrase ("his counterparts") still refers on its own
            if end - start == 1 or self.doc[i].pos_ != "PRON":
                self.token_entity.setdefault(i, ent)
        # the phrase's own head: "the Central Committee of Sudanese Doctors said" has its
        # subject in "Committee", not in its last word
        h = self.doc[head] if head is not None else self.doc[start:end].root
        # kept in text order: recency look-ups walk it backwards from a position
        # (a name in apposition to the subject is the subject: "The school's principal,
        # Hajiya Danjuma, gave a far higher figure. 'We have counted 287,' she said")
        subject = h.dep_ in ("nsubj", "nsubjpass") or h.dep_ == "appos" and h.head.dep_ in ("nsubj", "nsubjpass")
        bisect.insort(self.timeline, Mention(h.i, ent, subject), key=lambda m: m.token)

    def _new(self, **kwargs: Any) -> Entity:
        ent = Entity(order=len(self.entities), **kwargs)
        self.entities.append(ent)
        return ent

    def country_entity(self, country: Country) -> Entity:
        ent = self.countries_seen.get(country)
        if ent is None:
            ent = self.countries_seen[country] = self._new(
                type="GPE", name=country.name, words=name_words(country.name))
        return ent

    def _before(self, at: int, sentences: int):
        """Mentions before token `at`, nearest first, within the last `sentences` sentences."""
        limit = self.narrative_of[at] - sentences
        raw_limit = self.sent_of[at] - 4 * sentences - 20  # quotations count, but not forever
        i = bisect.bisect_left(self.timeline, at, key=lambda m: m.token)
        stop = max(0, i - MAX_LOOKBACK_MENTIONS)
        while i > stop:
            i -= 1
            m = self.timeline[i]
            if self.narrative_of[m.token] < limit or self.sent_of[m.token] < raw_limit:
                return
            yield m

    def _after(self, at: int, sentences: int):
        """Mentions after token `at`, nearest first, within the next `sentences` sentences."""
        limit = self.narrative_of[at] + sentences
        i = bisect.bisect_right(self.timeline, at, key=lambda m: m.token)
        while i < len(self.timeline):
            m = self.timeline[i]
            if self.narrative_of[m.token] > limit:
                return
            yield m
            i += 1

    # -- pass 1: names ---------------------------------------------------------
    def collect_names(self) -> None:
        spans = self._name_spans()
        for start, end, label in spans:
            self._add_name(start, end, label)
        self._named_descriptions()
        self._parenthetical_acronyms()
        self._surnames()
        for ent in list(self.entities):
            if ent.type == "PERSON":
                self._person_title(ent)

    def _titled_person(self, start: int, end: int, titled: bool = False) -> bool:
        """Whether a span the tagger took for a body is a person's name after their title
        ("Governor Pascal Ndjoli Mbuyi repeated his pledge", "Government spokeswoman Lalao
        Rasoanaivo said"): a role word before it, and capitalised words none of which names
        a body or a country (`titled`: the office's name before it, "Minister of Defence")."""
        doc = self.doc
        words = doc[start:end]
        return start > 0 and (titled or self.roles.is_role(doc[start - 1])) \
            and all(w.pos_ == "PROPN" and w.is_title and w.is_alpha and not self.roles.is_role(w) for w in words) \
            and doc[end - 1].lower_ not in self.business_names and self._personal(words)

    def _name_word(self, tok: Token) -> bool:
        """A word that may be part of a person's name: capitalised, a proper noun, neither a
        word of an office ("President", "Foreign" of "Foreign Minister") nor an honorific."""
        return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha and not self.roles.is_role(tok) \
            and tok.lower_ not in self.role_words and tok.lower_ not in self.lex.honorifics

    def _office_word(self, start: int, end: int) -> bool:
        """Whether a one-word name is a word of the office it stands in ("Defence" of
        "Defence Minister", "State" of "Secretary of State"), which the tagger may take for
        the body: the title's, no one's name."""
        doc = self.doc
        if end - start != 1 or doc[start].lower_ not in self.role_words or doc[start].is_upper:
            return False  # "UN" of "UN Secretary-General" is the body's name
        return end < len(doc) and self.roles.is_role(doc[end]) \
            or start >= 2 and doc[start - 1].lower_ == "of" and self.roles.is_role(doc[start - 2])

    def _given_name(self, i: int) -> bool:
        """Whether the word before a person's name as tagged is a part of it the tagger left
        out: a name word of the same flat name, not the first of its sentence ("Voter Lina
        Varga"), no word of an office ("Chief Executive Ilse Oden", "Presidents Tessel") and
        not the end of a country's name ("Crown Prince of Saudi Arabia Aram Tessel")."""
        doc = self.doc
        tok = doc[i]
        return self._name_word(tok) and tok.ent_type_ in ("", "FAC") and not tok.is_sent_start \
            and tok.lower_.removesuffix("s") not in self.role_words and self._flat_name(i) \
            and not self.countries.demonym(tok.text) \
            and not any(self.countries.lookup(doc[j:i + 1].text) for j in range(max(0, i - 2), i + 1))

    def _flat_name(self, word: int) -> bool:
        """Whether token `word` is a part of a flat name that goes on after it: it hangs, as
        a compound, from a later word, and the words up to that one are proper nouns ("Roch
        Anselme Christian Oudrago": each word a compound of "Oudrago")."""
        doc = self.doc
        tok = doc[word]
        head = tok.head.i
        return tok.dep_ in ("compound", "flat") and head > word \
            and all(doc[k].pos_ == "PROPN" and doc[k].is_alpha for k in range(word + 1, head + 1))

    def _personal(self, words: Span) -> bool:
        """Whether capitalised words after a title can be a person's name: two or more, and
        none a country, a number, a rank's class ("Third Class") or a body's head word
        ("Front", "Brigade")."""
        return len(words) >= 2 and not any(
            self.countries.lookup(w.text) or w.like_num or w.lower_ in RANK_CLASSES
            or w.lemma_.lower() in self.lex.actor_heads for w in words)

    def _name_spans(self) -> list[tuple[int, int, str]]:
        doc = self.doc
        # the passes below walk the words again and again: a list walks them without making
        # a Token for each word on each pass, as iterating the Doc does
        tokens = list(doc)
        proper = [tok for tok in tokens if tok.pos_ == "PROPN"]
        ents = doc.ents  # which spaCy makes anew on each access
        spans: list[tuple[int, int, str]] = []
        # The small model tags one town GPE here and PERSON there ("Homs"); a one-word
        # name tagged GPE anywhere in the article is taken as the place everywhere.
        places = {e.text for e in ents if e.label_ == "GPE" and len(e) == 1}
        # and a capital it takes for a person ("Bishkek again denied ..."), unless a person
        # of the article bears the word in a longer name ("Major Liza Santiago ... Santiago
        # said") or a capitalised word comes before it, a title ("Major Santiago said")
        borne = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        filed_from = (self.dateline.start, self.dateline.end) if self.dateline is not None else None
        agency = self.dateline.agency if self.dateline is not None else None
        for ent in ents:
            label = ent.label_ if ent.label_ in NER_LABELS else None
            if label is None and ent.label_ in GUESSES | {"LOC"} \
                    and self.countries.lookup(ent.text.removeprefix("the ")):
                label = "GPE"  # "South Sudan accused Sudan": a country the tagger took for a region
            if label in ("PERSON", "ORG") and len(ent) == 1 and ent.text in places:
                label = "GPE"
            elif label == "PERSON" and len(ent) == 1 and ent.text not in borne \
                    and self.countries.capital(ent.text) is not None \
                    and not (ent.start and (self.roles.is_role(doc[ent.start - 1]) or doc[ent.start - 1].is_title)):
                label = "GPE"
            if label in ("PERSON", "ORG", "NORP") and filed_from is not None \
                    and (filed_from[0] <= ent.start_char and ent.end_char <= filed_from[1]
                         or ent.text.lower() == self.text[filed_from[0]:filed_from[1]].lower()):
                # "DILLING, 14 April (Meridian Wire) — ...", and "Dilling" after it: the place the
                # story was filed from, wherever the article names it, whatever the tagger took it for
                label = "GPE"
            elif label in ("PERSON", "GPE", "NORP") and agency is not None \
                    and agency[0] <= ent.start_char and ent.end_char <= agency[1]:
                label = "ORG"  # "(Harrow Wire)": the agency that filed it
            if not label:
                continue
            start, end = ent.start, ent.end
            opened = next((i for i in range(start, end) if doc[i].text == "("), None)
            if opened is not None and not any(doc[i].text == ")" for i in range(opened, end)):
                end = opened  # "United Front of the Massif (FUM": the bracketed acronym is its alias
            while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct):
                start += 1
            while end > start and (doc[end - 1].lower_ in ("’s", "'s", "’", "'") or doc[end - 1].is_punct
                                   or doc[end - 1].is_space):
                end -= 1
            while start < end and doc[start].lower_ in self.lex.honorifics:
                start += 1
            titled = start and (self.roles.is_role(doc[start - 1]) or doc[start - 1].lower_ in self.lex.honorifics)
            if label in ("PERSON", "ORG") and start < end and self.countries.lookup(doc[start:end].text) \
                    and not titled:
                label = "GPE"  # "Burkina Faso's President", "Sierra Leone said": a country the tagger took for a body
            if label == "PERSON":
                # "Superintendent Graciano Mijares": the office is not the name; nor is "Keeping"
                # of "Keeping Ukraine", a gerund the small model took into one
                while start < end - 1 and (self.roles.is_role(doc[start]) or doc[start].lower_ in self.lex.honorifics
                                           or doc[start].pos_ == "VERB" and doc[start].tag_ == "VBG"):
                    start += 1
                if end - start == 1 and self.countries.lookup(doc[start].text):
                    label = "GPE"  # "Ukraine" of "Keeping Ukraine", which the small model took for a person
                while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
                        and doc[end].lower_ not in self.role_words \
                        and self._flat_name(end - 1):
                    # the small model leaves the surname out: "[Graciano] Mijares", "[Roch Anselme]
                    # Christian Oudrago"
                    end += 1
                while start > (spans[-1][1] if spans else 0) and self._given_name(start - 1):
                    start -= 1  # or the given names: "Mir Taimur [Khan Velzai]"
                while end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_ \
                        and not doc[end].whitespace_ and doc[end + 1].is_title and doc[end + 1].is_alpha:
                    end += 2  # or the second half of a joined surname: "[Fatoumata Keita]-Sy"
            elif label == "ORG":
                while end + 1 < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_ \
                        and not doc[end].whitespace_ and doc[end + 1].is_upper and doc[end + 1].is_alpha:
                    end += 2  # an acronym the tokenizer cut at its hyphen: "[PLM]-R", "[FDLR]-FOCA"
                named = start
                while named < end - 2 and doc[named].is_title and self.roles.is_role(doc[named]):
                    named += 1  # "[Superintendent Yusuf Garba Lawal]": the title is no part of the name
                office = next((t.i for t in doc[named:end - 2] if t.dep_ == "pobj" and t.head.lower_ in ("for", "of")
                               and t.head.i < start and self.roles.is_role(t.head.head)), None)
                if office is not None:
                    named = office + 1  # "Minister of [Defence Ana Costa]": the office's name is no part of it
                if self._titled_person(named, end, titled=office is not None):
                    start, label = named, "PERSON"  # "Governor [Pascal Ndjoli Mbuyi]", which the tagger took for a body
            if start >= end or label == "ORG" and self._office_word(start, end):
                continue
            root = doc[start:end].root
            if label == "PERSON" and end - start == 1 and self.countries.demonym(doc[start].text):
                label = "NORP"  # "Ugandan opposition candidates": Uganda's, not a person's
            if label == "PERSON" and root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i >= end \
                    and not self.roles.is_role(root.head) and self._head(root.head) not in self.lex.actor_heads:
                continue  # "the governor of the Sahel region": a region's name, not a person's
            # The small model splits long Arabic names: "Mohammed bin Abdulrahman" + "bin Jassim Al-Thani".
            if spans and label == "PERSON" == spans[-1][2] and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end, label)
                continue
            spans.append((start, end, label))
        # a known alias inside another name ("America" in "Latin America") is not the alias;
        # a name the tagger saw only part of ("Islamic" of "Islamic State") is the alias
        # (not a "work of art" or a "product", the small model's guesses for names it does
        # not know: '..." Bishop Ernst Lamothe, who chairs the committee, told', "Hamidou
        # [Sanda], a municipal councillor")
        covered = {i for ent in ents if ent.label_ not in GUESSES for i in range(ent.start, ent.end)}
        spans = self._spelled(spans, covered)
        for _, start, end in self.aliases(doc):
            if end - start == 1 and len(doc[start]) <= 3 and _shouting(doc, start):
                continue  # "IS" or "US" in a headline set in capitals is a word, not a name
            parts = [span for span in spans if span[0] < end and start < span[1]]
            # not a country's demonym ("Israeli" of "Israeli military"), which names the country
            inside = all(start <= s_ and e_ <= end and (s_, e_) != (start, end)
                         and not self.countries.demonym(doc[s_:e_].text) for s_, e_, _ in parts)
            if parts and inside and not any(i in covered for i in range(start, end) if not any(
                    s_ <= i < e_ for s_, e_, _ in parts)):
                spans = [span for span in spans if span not in parts]
                covered.difference_update(i for s_, e_, _ in parts for i in range(s_, e_))
            if not any(i in covered for i in range(start, end)):
                spans.append((start, end, "ALIAS"))
                covered.update(range(start, end))
        # a person the tagger missed after their title ("South Kordofan Governor Yasir Mahjoub
        # gave a far lower toll"): the capitalised words after a capitalised role word, two
        # or more, none of them a name the tagger or the aliases found
        # (not "Port-au-Prince Human Rights Observatory", a body's name, nor "Third Class" of a rank)
        for tok in tokens:
            if tok.i in covered or not tok.is_title or not self.roles.is_role(tok) \
                    or tok.i and doc[tok.i - 1].text in ("-", "‑") and not doc[tok.i - 1].whitespace_:
                continue
            # an office of several words that roles.tsv lists ("Commissioner for Information")
            office = next((k for k in (4, 3) if " ".join(t.lower_ for t in doc[tok.i:tok.i + k]) in self.roles
                           and not any(i in covered for i in range(tok.i, tok.i + k))), 1)
            first = end = tok.i + office
            while end < len(doc) and end - first <= 3 and end not in covered and doc[end].pos_ == "PROPN" \
                    and doc[end].is_title and doc[end].is_alpha and not self.roles.is_role(doc[end]):
                end += 1
            if self._personal(doc[first:end]):
                spans.append((first, end, "PERSON"))
                covered.update(range(first, end))
        # a person the tagger missed after a title that names its office ("Commissioner for
        # Information Aisha Rabe Gummi said", "Minister of Defence Ana Costa"): the words
        # the subject is made of, after the office's name
        lone = {start for start, end, label in spans if end == start + 1 and label == "PERSON"}
        for tok in proper:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" \
                    or tok.i in covered and tok.i not in lone:  # "Aisha Rabe [Gummi]", the tagger's surname
                continue
            start = tok.i
            while start and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head == tok \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and start - 1 not in covered:
                start -= 1
            office = doc[start - 1] if start else None
            if office is not None and tok.i > start and office.dep_ == "pobj" and office.head.lower_ in ("for", "of") \
                    and self.roles.is_role(office.head.head) and office.head.head.is_title \
                    and self._personal(doc[start:tok.i + 1]):
                spans = [span for span in spans if span != (tok.i, tok.i + 1, "PERSON")]
                spans.append((start, tok.i + 1, "PERSON"))
                covered.update(range(start, tok.i + 1))
        # a person the tagger missed, or took for a body, before a role in apposition ("Ines
        # Laurent, director of the monitoring group Airwatch Libya, said ...", "Salem Barouni,
        # the hospital director, told ..."): two capitalised words or more
        ent_at = {i: e for e in ents for i in range(e.start, e.end)}
        for tok in proper:
            if tok.pos_ != "PROPN" or not tok.is_title or tok.i and doc[tok.i - 1].is_title and doc[tok.i - 1].is_alpha:
                continue
            end = tok.i
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha \
                    and not self.roles.is_role(doc[end]):
                end += 1
            if end - tok.i < 2 or end >= len(doc) or doc[end].text != ",":
                continue
            # the tagger's names of bodies and places inside the run give way to it ("Hamidou
            # [Sanda], a municipal councillor", a town's name to the tagger); a person's does
            # not ("Dr [Mariama Souley], a surgeon": the honorific is no part of the name)
            inner = [span for span in spans if tok.i <= span[0] and span[1] <= end]
            parts = {i for a, b, label in inner if label != "PERSON" for i in range(a, b)}
            parts |= {i for i in range(tok.i, end) if (e := ent_at.get(i)) is not None and e.label_ != "PERSON"
                      and tok.i <= e.start and e.end <= end}  # "[Agnes Fombo]" a place to the tagger
            if any(i in covered and i not in parts for i in range(tok.i, end)):
                continue
            role = next((c for c in doc[end - 1].children if c.dep_ == "appos" and c.i > end and c.tag_ == "NN"
                         and self.roles.is_role(c)), None)
            # or after it, the name in apposition to it: "the union's secretary-general, Agnes
            # Fombo, said", a town's name to the tagger
            before = doc[end - 1].head
            if role is None and doc[end - 1].dep_ == "appos" and before.i < tok.i and doc[tok.i - 1].text == "," \
                    and (self.roles.is_role(before)
                         or any(c.dep_ == "compound" and self.roles.is_role(c) for c in before.children)):
                role = before
            if role is not None and not any(self.countries.lookup(w.text) or self.countries.demonym(w.text)
                                            or w.lower_ in self.business_names
                                            for w in doc[tok.i:end]):
                spans = [span for span in spans if span not in inner] + [(tok.i, end, "PERSON")]
                covered.update(range(tok.i, end))
        # a body's name the tagger missed, which ", which" tells is no person's ("Sahel
        # Emergency Medics, which runs a surgical unit at the hospital, said ..."): two
        # capitalised words or more, who speak or act
        for tok in proper:
            if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title \
                    or tok.i and doc[tok.i - 1].is_title and doc[tok.i - 1].is_alpha:
                continue
            end = _capitalised_run(doc, tok.i)
            if end - tok.i >= 2 and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "which" \
                    and not any(i in covered for i in range(tok.i, end)) \
                    and doc[tok.i:end].root.dep_ in ("nsubj", "nsubjpass"):
                spans.append((tok.i, end, "ORG"))
                covered.update(range(tok.i, end))
        # a country's name the tagger missed ("Senegal freed 40 prisoners on Sunday"): one to
        # three capitalised words that name a country (countries.py), which act as one
        for tok in proper:
            if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title:
                continue
            end = next((e for e in (tok.i + 3, tok.i + 2, tok.i + 1) if e <= len(doc)
                        and all(t.pos_ == "PROPN" and t.i not in covered for t in doc[tok.i:e])
                        and self.countries.lookup(doc[tok.i:e].text)), None)
            if end is not None and (end == len(doc) or not doc[end].is_title):
                spans.append((tok.i, end, "GPE"))
                covered.update(range(tok.i, end))
        # a group's name the tagger missed after those it is made of ("Rebels of the Alliance
        # for the Renewal of Kivu"): two capitalised words or more after "of", which the
        # description then names (collect_descriptions)
        for tok in tokens[:-3]:
            if tok.pos_ != "NOUN" or doc[tok.i + 1].lower_ != "of":
                continue
            head = self.lex.actor_heads.get(self._head(tok))
            if head is None or not head.of:
                continue
            start = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
            end = _capitalised_run(doc, start)
            if end - start >= 2 and not any(i in covered for i in range(start, end)) \
                    and not any(self.countries.lookup(w.text) for w in doc[start:end]):
                spans.append((start, end, head.type))
                covered.update(range(start, end))
        # a body's full name the tagger missed, whose last word it took alone for a name
        # further on ("the Simien Highlands Front ... the Front said"): news names a body
        # in full, then by the word its name ends in (one pass: before the last time it did)
        alone: dict[str, int] = {}
        for start, end, label in spans:
            head = self.lex.actor_heads.get(doc[start].lower_)
            if end - start == 1 and label in ("ORG", "NORP") and head is not None and head.names:
                alone[doc[start].text] = max(start, alone.get(doc[start].text, start))
        for tok in tokens if alone else ():
            if tok.i >= alone.get(tok.text, -1) or tok.i in covered:
                continue
            first = tok.i
            while first and doc[first - 1].is_title and doc[first - 1].is_alpha and first - 1 not in covered:
                first -= 1
            if tok.i - first >= 1 and first and doc[first - 1].lower_ == "the" \
                    and any(t.pos_ == "PROPN" for t in doc[first:tok.i]):
                spans.append((first, tok.i + 1, "ORG"))
                covered.update(range(first, tok.i + 1))
        # a capital the tagger missed, most often as the government it stands for ("Kyiv
        # called on the West ...", "Kigali has denied ..."): a one-word proper noun standing
        # alone, not part of a longer name ("Victoria Nuland")
        for tok in proper:
            if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not tok.is_alpha \
                    or self.countries.capital(tok.text) is None:
                continue
            if tok.dep_ in ("compound", "flat") or any(c.dep_ in ("compound", "flat") for c in tok.children):
                continue
            spans.append((tok.i, tok.i + 1, "GPE"))
            covered.add(tok.i)
        # a name the tagger took for a person's after a noun that describes a body ("the
        # monitoring group Airwatch Libya", data/entities/introduced.tsv; not "student
        # protester Joshua Wong"): the body's, wherever the article names it
        bodies: dict[str, str] = {}
        for start, end, label in spans:
            noun = doc[start - 1] if start else None
            if label == "PERSON" and noun is not None and noun.pos_ == "NOUN" and self._head(noun) in self.lex.introduced \
                    and (doc[start:end].root.head == noun or start <= noun.head.i < end):
                kind = self.lex.actor_heads.get(self._head(noun))
                bodies[doc[start:end].text] = kind.type if kind is not None else "ORG"
            # or before the word its kind of body ends its names in ("the opposition Civic
            # Dawn alliance", "the Tamber Hills front": data/entities/actors.tsv `names`)
            after = doc[end] if end < len(doc) else None
            kind = self.lex.actor_heads.get(self._head(after)) if after is not None and after.is_lower else None
            if label == "PERSON" and kind is not None and kind.names and after.pos_ == "NOUN" \
                    and doc[start:end].root.head == after:
                bodies[doc[start:end].text] = kind.type
        spans = [(a, b, bodies.get(doc[a:b].text, label) if label == "PERSON" else label) for a, b, label in spans]
        # a body told by its head word alone, which the tagger took for a person's name ("the
        # Observatory's director" after "the Kordofan Conflict Observatory"): no person is
        # "the Observatory"
        spans = [(a, b, self._body_word(doc[a]) or label) if label == "PERSON" and b - a == 1 and a
                 and doc[a - 1].lower_ == "the" else (a, b, label) for a, b, label in spans]
        # a name given by the words before it ("a group calling itself the Northern Shield":
        # data/entities/naming.tsv): the type the description says, where the tagger took
        # it for a person's or saw no name (or a place's, which it is not)
        for naming in self.namings:
            taken = [span for span in spans if span[0] < naming.end and naming.start < span[1]]
            if not taken:
                spans.append((naming.start, naming.end, naming.type))
                covered.update(range(naming.start, naming.end))
            else:
                # and wherever else the tagger gives it the other kind: a group's name it took
                # for a person's, or the person "a man who identified himself as Kachalla Sani
                # Gwaram" names, whom it took for a body
                wrong = ("PERSON",) if naming.type != "PERSON" else ("ORG", "GROUP", "NORP")
                given = {doc[a:b].text for a, b, label in taken if label in wrong}
                spans = [(a, b, naming.type if label in wrong and doc[a:b].text in given else label)
                         for a, b, label in spans]
        # a body's or a person's name of two words or more that the tagger found once and
        # missed where the article writes it again ("four members of the Sons of Al-Barh ...
        # The Sons of Al-Barh have not commented"): the same words are the same name
        written: dict[tuple[str, ...], str] = {}
        for start, end, label in spans:
            if end - start >= 2 and label in ("PERSON", "ORG", "GROUP"):
                written.setdefault(tuple(t.text for t in doc[start:end]), label)
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, label in sorted(written.items(), key=lambda w: -len(w[0])):  # the longest first
            by_first.setdefault(words[0], []).append((words, label))
        for tok in tokens if by_first else ():
            for words, label in by_first.get(tok.text, ()):
                end = tok.i + len(words)
                if end <= len(doc) and tuple(t.text for t in doc[tok.i:end]) == words \
                        and not any(i in covered for i in range(tok.i, end)) \
                        and not any(a < end and tok.i < b for a, b, _ in spans) \
                        and (end == len(doc) or not (doc[end].is_title and doc[end].is_alpha)):
                    spans.append((tok.i, end, label))
                    covered.update(range(tok.i, end))
                    break
        # an acronym the tagger missed, of an organisation named before it ("the Rapid
        # Support Forces ... The RSF said"): the entity layer joins it to that name
        # or named nowhere in it, that acts or speaks ("AMJO welcomed the arrests"): of three
        # letters or more, and no country's ("UK"), which the aliases and countries find
        named = {initials(doc[start:end].text): start for start, end, label in spans if label == "ORG"}
        taken = {i for start, end, _ in spans for i in range(start, end)}
        for tok in proper:
            if tok.i in covered or tok.i in taken or tok.pos_ != "PROPN" or not tok.is_alpha or not tok.is_upper \
                    or not 2 <= len(tok) <= 6:
                continue
            if named.get(tok.text, len(doc)) < tok.i or len(tok) >= 3 and tok.dep_ == "nsubj" \
                    and tok.head.pos_ == "VERB" and not _shouting(doc, tok.i) and self.countries.lookup(tok.text) is None:
                spans.append((tok.i, tok.i + 1, "ORG"))
        return sorted(spans)

    def _body_word(self, token: Token) -> str | None:
        """The type of body a word heads alone ("Observatory": ORG, data/entities/actors.tsv),
        None for any other word."""
        head = self.lex.actor_heads.get(token.lower_)
        return head.type if head is not None and head.type != "PERSON" else None

    def _namings(self) -> list["Naming"]:
        """The descriptions given a name by the words after them (data/entities/naming.tsv):
        "a group calling itself Ahl al-Sahil", "a militia known as the Kivu Defence Force",
        "a man who called himself Abu Jaiz"; not "the army called Kyiv's claims lies", where
        the words are the sentence's own verb, nor a name in lower case ("a group called
        for calm")."""
        doc, lex, found = self.doc, self.lex, []
        firsts = {phrase[0] for phrase in lex.naming}
        longest = max(map(len, lex.naming), default=0)
        for tok in doc:
            if tok.lower_ not in firsts:
                continue
            following = tuple(t.lower_ for t in doc[tok.i:tok.i + longest])
            phrase = next((p for p in lex.naming if following[:len(p)] == p), None)
            if phrase is None:
                continue
            words = doc[tok.i:tok.i + len(phrase)]
            # the words hang from the description, or the parser left them a participle of
            # their own ("A group of army officers calling itself ...", parsed as the root)
            verb = next((t for t in words if t.dep_ in ("acl", "relcl") or t.tag_ in ("VBG", "VBN")
                         and not any(c.dep_ in ("aux", "auxpass") for c in t.children)), None)
            if verb is None:
                continue
            before = doc[tok.i - 1] if tok.i and doc[tok.i - 1].text != "," else doc[tok.i - 2] if tok.i > 1 else None
            head = verb.head if verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < tok.i else before
            while head is not None and head.dep_ == "pobj" and head.head.lower_ == "of" \
                    and head.head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head.head  # "a group of army officers calling itself": the group
            if head is None or head.pos_ not in ("NOUN", "PROPN") or head.dep_ == "ROOT":
                continue  # a noun the parser made the root has lost its verb: "The army called ..."
            lemma = head.lemma_.lower()
            person = lemma in lex.person_nouns or self.roles.is_role(head)
            if lemma not in lex.actor_heads and not person:
                continue
            start = tok.i + len(phrase)
            start += start < len(doc) and doc[start].lower_ == "the"
            end = _capitalised_run(doc, start)
            if end == start or doc[start].ent_type_ in ("DATE", "TIME") \
                    or end < len(doc) and doc[end].lower_ in ("'s", "’s"):
                continue  # a possessor is not the name given: "called Kyiv's claims lies"
            own = {"himself", "herself"} & set(phrase) or person and not {"itself", "themselves"} & set(phrase)
            etype = "PERSON" if own else lex.actor_heads[lemma].type if lemma in lex.actor_heads else "ORG"
            found.append(Naming(head.i, tok.i, start, end, etype))
        return found

    def _named_descriptions(self) -> None:
        """A description and the name the words after it give it are one actor: "A group
        calling itself Ahl al-Sahil claimed ...", spoken for by the group's name."""
        for naming in self.namings:
            ent = next((self.token_entity[i] for i in range(naming.start, naming.end) if i in self.token_entity), None)
            if ent is None or not ent.named or naming.head in self.token_entity:
                continue
            if naming.type != "PERSON" and ent.type == "PERSON":
                ent.type = naming.type  # "Sahel Watch", which the tagger took for a person
            start, end = noun_phrase(self.doc[naming.head])
            end = min(end, naming.phrase)
            while end > naming.head + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].lower_ in ("which", "that", "who")):
                end -= 1
            self._add_mention(ent, start, end, naming.head)

    def _add_name(self, start: int, end: int, label: str) -> None:
        doc = self.doc
        text = doc[start:end].text
        alias = self.lex.aliases.lookup(text)
        if label == "NORP":  # a demonym, or a country's name the tagger took for one
            country = self.countries.demonym(text) or self.countries.demonym(text.rstrip("s")) \
                or self.countries.lookup(text)
            if country:
                self._add_mention(self.country_entity(country), start, end)
                return
            if doc[end - 1].pos_ not in ("NOUN", "PROPN") or doc[end - 1].dep_ in ("amod", "compound"):
                return  # an adjective with no country behind it ("Kurdish") names no actor
        if label == "ALIAS" and alias:
            label = alias[1]
        if label == "GPE" or (alias and alias[1] == "GPE"):
            country = self.countries.lookup(alias[0] if alias else text)
            if country:
                self._add_mention(self.country_entity(country), start, end)
                return
        etype = alias[1] if alias else label
        # "Tihama Resistance Brigades": the tagger keeps a name's plural as its lemma
        head = self.lex.actor_heads.get(self._head(doc[end - 1])) \
            or self.lex.actor_heads.get(doc[end - 1].lower_.removesuffix("s"))
        if etype == "ORG" and head is not None and head.names:
            etype = head.type  # "Northern Salient Front" is an armed group
        if etype in ("PERSON", "ORG") and doc[end - 1].lower_ in self.business_names:
            etype = "ORG"  # "Kalliston Shipping", "Harrow Wire", which the tagger may take for a person
        by_who = etype in ("ORG", "GPE") and alias is None and self._person_by_who(start, end)
        if by_who:
            etype = "PERSON"  # "said Aminu Tsafe, who represents the area"
        words = name_words(alias[0] if alias else text)
        # "Russia's Defence Ministry" and "Ukraine's Defence Ministry" are two bodies
        country = self._possessor_country(start) if etype in ("ORG", "GROUP") else None
        ent = self._match_name(etype, text, words, country)
        if ent is None and by_who:
            # the same name before, which the tagger took for an organisation there too
            ent = next((e for e in self.entities if e.named and e.type in ("ORG", "GPE") and e.words == words), None)
            if ent is not None:
                ent.type = "PERSON"
        if ent is None:
            ent = self._new(type=etype, name=text, words=words, head=self._head(doc[end - 1]))
            if etype in ("ORG", "GROUP"):
                self._org_affiliation(ent, start, end)
        if country is not None and ent.affiliation is None and ent.type in ("ORG", "GROUP"):
            ent.affiliation = country
        elif len(name_words(text)) > len(name_words(ent.name)) and not (alias and text.isupper()):
            ent.name, ent.words = text, words
        if by_who:
            self.people_by_who.add(ent.order)
        self._index_name(ent)
        self._add_mention(ent, start, end)

    def _home(self) -> Entity | None:
        """The country the article was filed from, as its dateline says ("QUITO, Ecuador",
        "KYIV"): where "the Foreign Ministry" unqualified is, unless the text says otherwise."""
        if self.dateline is None:
            return None
        parts = [p.strip() for p in self.dateline.place.split(",")]
        country = next((c for p in reversed(parts) if (c := self.countries.lookup(p) or self.countries.capital(p))),
                       None)
        return self.country_entity(country) if country else None

    def _possessor_country(self, start: int) -> Entity | None:
        """The country whose possessive comes just before a name ("Peru's Foreign Ministry"):
        its entity, or None."""
        doc = self.doc
        if start < 2 or doc[start - 1].lower_ not in ("'s", "’s"):
            return None
        for first in range(start - 2, max(-1, start - 5), -1):
            country = self.countries.lookup(doc[first:start - 1].text.removeprefix("the "))
            if country:
                return self.country_entity(country)
        return None

    def _person_by_who(self, start: int, end: int) -> bool:
        """Whether a name the tagger took for an organisation or a place is a person's, as
        the "who" after it says ("Aminu Tsafe, who represents the area"), or a role set off
        after it ("Jean-Pierre Mumbere, the head of a civil society group", "..., a local
        official"): a name of two to four capitalised words, none of them a word for an actor
        ("Hirshabelle state administration, who") or a role, and no "the" before it, which no
        one's name takes ("the Kachin Relief Network, who run the camps"), nor a word of where
        ("a local official in Al-Barh, who asked not to be named": the official)."""
        doc = self.doc
        words = [tok for tok in doc[start:end] if tok.text not in HYPHENS]  # "Jean - Pierre", as tokenized
        if not 2 <= len(words) <= 4 or end + 1 >= len(doc) or doc[end].text != "," \
                or doc[end + 1].lower_ != "who" and not self._role_apposed(end + 1) \
                or start and doc[start - 1].lower_ in ("the", *WHERE):
            return False
        return all(tok.is_title and tok.text.replace("-", "").replace("'", "").isalpha()
                   and tok.lower_ not in self.lex.actor_heads and tok.lemma_.lower() not in self.lex.actor_heads
                   and not self.roles.is_role(tok) for tok in words)

    def _role_apposed(self, at: int) -> bool:
        """Whether the words from token `at` are a role set off after a name: "a local
        official", "the head of", "its spokesman" (not "a charity", "the agency": bodies)."""
        doc = self.doc
        if doc[at].lower_ not in ("a", "an", "the") and doc[at].lower_ not in POSSESSIVE_PRONOUNS:
            return False
        for tok in doc[at + 1:min(len(doc), at + 5)]:
            if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.is_punct:
                return False
            if tok.pos_ == "NOUN":
                after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
                return self.roles.is_role(tok) or bool(self.roles.phrases([tok.lower_, after]))
        return False

    def _index_name(self, ent: Entity) -> None:
        """Keys under which a later, shorter or abbreviated name can find this entity."""
        keys = {("last", _plain(ent.words[-1])) if ent.words else None, ("initials", initials(ent.name))}
        if ent.name.isupper():
            keys.add(("acronym", ent.name))
        for key in keys - {None}:
            bucket = self.name_keys.setdefault(key, [])
            if ent not in bucket:
                bucket.append(ent)

    def _match_name(self, etype: str, text: str, words: tuple[str, ...],
                    country: Entity | None = None) -> Entity | None:
        """The entity named before that this name names again; `country`: the country the
        name is said to be of ("Peru's"), whose bodies are no other country's."""
        bare = re.sub(r"[-‑]", "", text)  # "PLM-R": the initials of "People's Liberation Movement-Reform"
        keys = [("last", _plain(words[-1])) if words else None, ("initials", bare), ("acronym", initials(text))]
        candidates = [e for key in keys if key for e in self.name_keys.get(key, ())]
        for ent in sorted(set(candidates), key=lambda e: e.order, reverse=True):
            if ent.order in self.people_by_who and etype in ("ORG", "GPE") and ent.words == words:
                return ent  # a person's whole name, which the tagger took for something else again
            if not ent.named or ent.type != etype and {ent.type, etype} != {"ORG", "GROUP"}:
                continue
            if country is not None and (ent.affiliation is not None and ent.affiliation.type == "GPE"
                                        and ent.affiliation is not country
                                        or ent.affiliation is None and self._home() not in (None, country)):
                continue  # another country's, said or, in an article filed from there, unsaid
            if ent.words == words:
                return ent
            if etype == "PERSON":
                # "Erdogan" and "Recep Tayyip Erdoğan": one surname, with or without its diacritics
                mine, theirs = [_plain(w) for w in words], [_plain(w) for w in ent.words]
                if mine and theirs and mine[-1] == theirs[-1] and (set(mine) <= set(theirs) or set(theirs) <= set(mine)):
                    return ent
            else:
                if text.isupper() and 2 <= len(bare) <= 6 and initials(ent.name) == bare:
                    return ent
                if ent.name.isupper() and initials(text) == ent.name:
                    return ent
                if words and words[-1] == ent.words[-1] and set(words) <= set(ent.words) and (
                        len(words) >= 2 or text[:1].isupper() and len(ent.words) >= 2):
                    return ent  # "Defense Ministry", "the Front" for the fuller name before
        return None

    def _surnames(self) -> None:
        """ "Hotak also alleged": a surname the NER missed or typed as something else. And
        "Somchai said" after "Major-General Somchai Rattanawong", "Chhay also accused" after
        "Chhay Sokunthea": a person named by the first word of their name, as Thai given
        names and Khmer family names are, when no other person has that word in their name
        and it names no country, people ("Tajik servicemen") or known actor."""
        named_by: dict[str, Entity] = {}  # a word of a person's name -> the person
        firsts: dict[str, list[Entity]] = {}
        given: set[str] = set()
        short: set[str] = set()  # surnames of three letters or fewer ("Lam"): a name only as a proper noun
        persons = [e for e in self.entities if e.type == "PERSON" and len(e.words) >= 2]
        for ent in persons:
            if len(ent.words[-1]) > 1 and ent.words[-1] not in SUFFIXES \
                    and not self.countries.lookup(ent.words[-1]):  # no one's surname is "Ukraine"
                named_by.setdefault(ent.words[-1], ent)
                # "Erdogan" for "Recep Tayyip Erdoğan", as another hand in the article writes it
                named_by.setdefault(_plain(ent.words[-1]), ent)
                if len(ent.words[-1]) <= 3:
                    short.update((ent.words[-1], _plain(ent.words[-1])))
            if len(ent.words[0]) > 3:
                firsts.setdefault(ent.words[0], []).append(ent)
        for word, owners in firsts.items():
            if len(owners) == 1 and word not in named_by \
                    and not any(word in e.words[1:] for e in persons if e is not owners[0]) \
                    and not self.countries.lookup(word) and not self.countries.demonym(word) \
                    and self.lex.aliases.lookup(word) is None:
                named_by[word] = owners[0]
                given.add(word)
        for tok in self.doc:
            if not tok.is_title:
                continue
            ent = named_by.get(tok.lower_) or named_by.get(_plain(tok.lower_))
            # the tagger may take a surname for a plural noun ("Desrosiers said"): inside a
            # sentence, its capital tells it is the name
            named = tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and not tok.is_sent_start
            if tok.lower_ in short or _plain(tok.lower_) in short:
                # "Lam continued", not "in May" nor a word of a body's name
                named = tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON")
            if ent is None or not named or not tok.is_title \
                    or tok.lower_ in given and self.roles.is_role(tok):  # a title the tagger kept in a name
                continue
            owner = self.token_entity.get(tok.i)
            if owner is ent:
                continue
            # a one-word person the tagger found is this person by their first name, not
            # by a surname (which _match_name joins already, or another person's)
            if owner is not None and (owner.type == "PERSON" and tok.lower_ not in given or len(owner.words) > 1):
                continue
            if owner is not None:  # a one-word entity that is really this person's surname
                self._move_mention(owner, ent, tok)
            else:
                self._add_mention(ent, tok.i, tok.i + 1)

    def _spelled(self, spans: list[tuple[int, int, str]], covered: set[int]) -> list[tuple[int, int, str]]:
        """A body named with its acronym in brackets, whose name the tagger cut at a place
        or a word it did not take for a name ("the Rally for a New Guinea (RNG)": "New
        Guinea"; "the Movement for Justice in the Sahel (MJS)": "Movement for Justice"): the
        words before the bracket whose initials spell the acronym, from a capitalised one."""
        doc = self.doc
        for tok in doc:
            if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            acronym = doc[tok.i + 1].text
            if not (acronym.isupper() and acronym.isalpha() and 2 <= len(acronym) <= 8):
                continue
            start = next((i for i in range(tok.i - 1, max(tok.i - 3 * len(acronym), -1), -1)
                          if doc[i].is_title and initials(doc[i:tok.i].text) == acronym), None)
            if start is None or any(doc[i].is_punct for i in range(start, tok.i)):
                continue
            inside = [span for span in spans if span[0] < tok.i and start < span[1]]
            if any(label == "PERSON" or a < start for a, _, label in inside) \
                    or any((a, b) == (start, tok.i) for a, b, _ in inside):
                continue  # a person's initials, or a name that begins before it
            spans = sorted([span for span in spans if span not in inside] + [(start, tok.i, "ORG")])
            covered.update(range(start, tok.i))
        return spans

    def _parenthetical_acronyms(self) -> None:
        """ "the Syrian State News Agency (SANA)": SANA names the agency, here and later."""
        doc = self.doc
        acronyms: dict[str, Entity] = {}
        for tok in doc[:-3]:
            ent = self.token_entity.get(tok.i)
            if ent is None or ent.type not in ("ORG", "GROUP") or doc[tok.i + 1].text != "(":
                continue
            acronym = doc[tok.i + 2]
            if acronym.text.isupper() and acronym.is_alpha and doc[tok.i + 3].text == ")":
                acronyms.setdefault(acronym.text, ent)
        if acronyms:
            for other in doc:
                ent = acronyms.get(other.text)
                if ent is None:
                    continue
                owner = self.token_entity.get(other.i)
                if owner is not None and owner is not ent and owner.name == other.text:
                    self._move_mention(owner, ent, other)  # the NER made the acronym a name of its own
                elif owner is None:
                    self._add_mention(ent, other.i, other.i + 1)

    def _move_mention(self, old: Entity, new: Entity, tok: Token) -> None:
        old.mentions.discard((tok.idx, tok.idx + len(tok)))
        i = bisect.bisect_left(self.timeline, tok.i, key=lambda m: m.token)
        while i < len(self.timeline) and self.timeline[i].token == tok.i:
            if self.timeline[i].entity is old:
                del self.timeline[i]
                break
            i += 1
        del self.token_entity[tok.i]
        self._add_mention(new, tok.i, tok.i + 1)

    def _org_affiliation(self, ent: Entity, start: int, end: int) -> None:
        """ "Syrian Defense Ministry", "Central Bank of Syria": the country in the name."""
        for tok in self.doc[start:end]:
            country = self.countries.demonym(tok.text) or self.countries.lookup(tok.text)
            if country:
                ent.affiliation = self.country_entity(country)
                return

    def _person_title(self, ent: Entity) -> None:
        """Title and affiliation from the words before a name ("Interior Minister Mohammed
        al-Rahmoun", "Iran's Foreign Minister Abbas Araghchi") or an apposition beside it."""
        doc = self.doc
        for start_c, end_c in sorted(ent.mentions):
            name = doc.char_span(start_c, end_c, alignment_mode="expand")
            if name is None or name[0].pos_ == "PRON":
                continue
            run = self._title_run(name.start)
            apposed = self._apposed_run(name, ent)
            if run is None:
                run = apposed
            if run is None:
                continue
            if run[1] == name.start:  # the title written before the name is part of the mention
                self._add_mention(ent, run[0], name.end, name.root.i)
            title, affiliation = self._split_title(*run, own=ent)
            beside = apposed if apposed is not None and apposed != run else None
            if affiliation is None and beside is not None:
                # "The army's spokesman, Lieutenant-Colonel Ndjike Kaiko": a rank before the
                # name, and the body in the role set beside it
                run = apposed
                affiliation = self._split_title(*run, own=ent)[1]
            if affiliation is None:
                self.untied.append((ent, run))  # "brigade spokesman": which brigade, once all are told
            if title and not ent.title:
                ent.title = title
                ent.families = self.roles.families(title.lower().split())
            if beside is not None:
                # "An army spokesman, Colonel Aram Tessel": the colonel is the spokesman a
                # later "the army spokesman" is (and no police spokesman)
                words = doc[beside[0]:beside[1]].text.lower().split()
                ent.families |= self.roles.families(words)
                ent.bodies |= self._bodies(re.findall(r"[a-z]+", " ".join(words)))
            if affiliation is not None and ent.affiliation is None:
                ent.affiliation = affiliation
            if ent.title:
                return

    def _apposed_run(self, name: Span, ent: Entity) -> tuple[int, int] | None:
        """The words of a role in apposition to a name, before it ("the army's spokesman,
        Ndjike Kaiko") or after it ("Ndjike Kaiko, the army's spokesman")."""
        doc = self.doc
        root = name.root
        role = root.head
        if root.dep_ == "appos" and not self.roles.is_role(role) and role.dep_ == "pobj" \
                and role.head.lower_ in ("for", "of") and self.roles.is_role(role.head.head) \
                and not self._role_of_another(role.head.head, ent):
            role = role.head.head  # "a spokesman for the junta, Zaw Min", hung from "junta"
        if root.dep_ == "appos" and self.roles.is_role(role):
            s, e = noun_phrase(role, keep_preps=("of", "for"))
            if e > name.start:  # the phrase runs on into the name: up to it
                e = name.start
                while e > role.i + 1 and (doc[e - 1].is_punct or doc[e - 1].is_space):
                    e -= 1
            return s, e
        appos = next((c for c in root.children if c.dep_ == "appos" and self.roles.is_role(c)), None)
        return noun_phrase(appos) if appos is not None else None

    def _role_of_another(self, role: Token, ent: Entity) -> bool:
        """Whether a role is in apposition to another person's name: "Ines Laurent, director
        of the monitoring group Airwatch Libya" is her title, not the group's."""
        owner = self.token_entity.get(role.head.i) if role.dep_ == "appos" else None
        return owner is not None and owner is not ent and owner.type == "PERSON"

    def _title_run(self, name_start: int) -> tuple[int, int] | None:
        doc = self.doc
        i = name_start - 1
        while i >= 0:
            tok = doc[i]
            if tok.is_space or tok.text in {",", ".", ";", ":", "(", ")", "“", "”", '"', "‘", "—", "–"}:
                break
            other = self.token_entity.get(i)
            if other is not None and other.type == "PERSON":
                break  # another person's name: "Minister Paolo Serrano of neighbouring Ilvana"
            if tok.lower_ in LINKS and not self._title_word(i - 1):
                break  # "the arrest of journalist Ana Voss": an event, not an office, before "of"
            if tok.lower_ in ("the", "a", "an"):
                i -= 1
                if i >= 0 and doc[i].lower_ in CONNECTORS:
                    continue  # "Ambassador to the United Nations Nikki Haley"
                break
            if tok.pos_ in ("PROPN", "NOUN", "ADJ", "PART", "NUM") or tok.lower_ in CONNECTORS \
                    or tok.lower_ in self.lex.honorifics:
                i -= 1
                continue
            break
        start = i + 1
        while start < name_start and doc[start].lower_ in CONNECTORS:
            start += 1
        # a role in the plural is no one's title: "Associates of Lev Marin" are his, not he
        if start >= name_start or not any(self.roles.is_role(t) and t.tag_ not in ("NNS", "NNPS")
                                          for t in doc[start:name_start]):
            return None
        last = doc[name_start - 1]
        if last.pos_ == "NOUN" and not self.roles.is_role(last) and self._head(last) in self.lex.actor_heads:
            return None  # "director of the monitoring group Airwatch Libya": the group's name
        return start, name_start

    def _title_word(self, i: int) -> bool:
        """Whether the word before a link of a title run belongs to a title: an office
        ("Minister of", "Ambassador to the") or a name ("Foreign Affairs and Trade")."""
        if i < 0:
            return False
        tok = self.doc[i]
        return self.roles.is_role(tok) or tok.pos_ == "PROPN" or tok.text[:1].isupper()

    def _split_title(self, start: int, end: int, own: Entity | None = None,
                     told: bool = False) -> tuple[str | None, Entity | None]:
        """Words of a title run, without determiner, possessor, leading demonym or honorific;
        the possessor, demonym or organisation named in it becomes the affiliation (never
        `own`, the person titled, whose mention the title run is part of). `told`: once the
        descriptions are told, a possessor that is a generic head ("the group's spokesman")
        is the organisation it stands for."""
        doc = self.doc
        toks = list(doc[start:end])
        affiliation: Entity | None = None
        # possessor: "Iran ’s Foreign Minister"
        for k, tok in enumerate(toks):
            if tok.lower_ in ("’s", "'s") and k > 0:
                owner = self.token_entity.get(toks[k - 1].i)
                if owner is own:
                    owner = None
                    possessor = toks[k - 1]
                    if told and possessor.lemma_.lower() in self.lex.generic_heads and k > 1 \
                            and toks[k - 2].lower_ == "the":
                        owner = self._resolve_actor(possessor.i, possessor.lemma_.lower(), "ORG", [], [])
                affiliation = affiliation or owner
                toks = toks[k + 1:]
                break
        while toks and (toks[0].lower_ in DETERMINERS or toks[0].lower_ in POSSESSIVE_PRONOUNS):
            toks = toks[1:]
        while toks and (self.countries.demonym(toks[0].text) or toks[0].ent_type_ == "NORP"):
            country = self.countries.demonym(toks[0].text)
            if country and affiliation is None:
                affiliation = self.country_entity(country)
            toks = toks[1:]
        while toks and toks[-1].lower_ in self.lex.honorifics:
            toks = toks[:-1]
        while toks and toks[0].lower_ in self.lex.honorifics:
            toks = toks[1:]
        if affiliation is None:
            # not a word of the office's own name: the "State" of "Secretary of State", which
            # the tagger may take for an organisation
            office = {w for phrase, _ in self.roles.phrases([t.lower_ for t in toks]) for w in phrase.split()}
            for tok in toks:
                owner = self.token_entity.get(tok.i)
                if owner is not None and owner.type in ("ORG", "GROUP", "GPE") and tok.lower_ not in office:
                    affiliation = owner
                    break
        if not toks or not any(self.roles.is_role(t) for t in toks):
            return None, affiliation
        title = doc[toks[0].i: toks[-1].i + 1].text
        return title, affiliation

    def collect_bodies(self) -> None:
        """The body a person's title names, after the descriptions: its possessor ("the
        government's peace commissioner, Alejandra Restrepo"), or a common noun, so that
        "The Interior Ministry denied it ... ministry spokesman Davit Nozadze" finds the
        ministry told just before, not another named earlier (`_body_named`)."""
        for ent, (start, end) in self.untied:
            if ent.affiliation is None:
                # a possessor the descriptions told ("the government's peace commissioner"),
                # else a body named before
                ent.affiliation = self._split_title(start, end, own=ent, told=True)[1] \
                    or self._body_named(self.doc[start:end])
        for ent in self.entities:
            if ent.type == "PERSON" and ent.named and ent.title is None:
                self._speaking_for(ent)

    def _speaking_for(self, ent: Entity) -> None:
        """A person told as speaking for a body ("Zaw Htet Naing, speaking for the military
        council, repeated ...", "Speaking on behalf of the junta, Amadou Diallo said ..."):
        its voice, as its spokesperson is, with the words as the title (data/entities/roles.tsv)."""
        doc = self.doc
        for start_c, end_c in sorted(ent.mentions):
            name = doc.char_span(start_c, end_c, alignment_mode="expand")
            if name is None or name.root.pos_ == "PRON":
                continue
            root = name.root
            near = list(root.children)
            if root.dep_ in ("nsubj", "nsubjpass"):
                near += [c for c in root.head.children if c.dep_ == "advcl"]
            for verb in near:
                if verb.lemma_ != "speak" or verb.tag_ != "VBG":
                    continue
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
                body = find_child(prep, ("pobj",)) if prep is not None else None
                if body is not None and prep.lower_ == "on":  # "on behalf of the junta"
                    of = next((c for c in body.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                        if body.lower_ == "behalf" else None
                    body = find_child(of, ("pobj",)) if of is not None else None
                owner = self.token_entity.get(body.i) if body is not None else None
                if owner is not None and owner.type in ("ORG", "GROUP", "GPE") and owner is not ent:
                    ent.title = doc[verb.i:prep.i + 1].text if prep.lower_ == "for" else f"{verb.text} on behalf of"
                    ent.families = self.roles.families(ent.title.lower().split())
                    ent.affiliation = owner
                    return

    def _body_named(self, toks: Iterable[Token]) -> Entity | None:
        """The body a title names by a common noun ("brigade spokesman Anwar Grada", "a
        ministry spokeswoman"): the one the article named before with that word ("the Jabal
        Shield Brigade said", "Peru's Ministry of Foreign Trade denied"), as "the ministry"
        is; none when no such name came before (the bare word is then the body)."""
        for tok in toks:
            lemma = self._head(tok)
            head = self.lex.actor_heads.get(lemma)
            if head is None or head.type not in ("ORG", "GROUP") or self.roles.is_role(tok):
                continue
            found = self._resolve_actor(tok.i, lemma, head.type, [lemma], [])
            if found is not None and found.named:
                return found
        return None

    # -- pass 2: descriptions ------------------------------------------------------
    def _head(self, tok: Token) -> str:
        """The word an actor head is looked up by: its lemma, or the word as written when
        only that is listed ("media", whose lemma the tagger gives as "medium")."""
        lemma = tok.lemma_.lower()
        return tok.lower_ if lemma not in self.lex.actor_heads and tok.lower_ in self.lex.actor_heads else lemma

    def collect_descriptions(self) -> None:
        actors = self.lex.actor_heads
        # the last words of the bodies named so far, which "the" may call them again by
        self.name_ends = {e.words[-1] for e in self.entities if e.named and e.type in ("ORG", "GROUP") and e.words}
        for tok in tokens_with(self.doc, pos=("NOUN", "PROPN"), dep=("compound", "amod")):
            wielder = tok.dep_ in ("compound", "amod") and self._wielder(tok)
            if tok.pos_ not in ("NOUN", "PROPN") and not wielder or tok.i in self.token_entity:
                continue
            lemma = self._head(tok)
            if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") and not _own_phrase_coordinated(tok) \
                    and not wielder:
                continue  # a modifier; but "Tarsk's government" of "Tarsk's government and ... rebels" is an actor
            role = self.roles.is_role(tok)
            actor = actors.get(lemma)
            if actor is not None and (actor.describes == "no" and not self._of_actor(tok) or actor.describes == "plural"
                                      and tok.tag_ not in ("NNS", "NNPS") and not _modified_by(tok, actor.with_)
                                      or actor.describes == "with"
                                      and not _modified_by(tok, actor.with_)
                                      or actor.describes == "acting" and not _acting(tok)):
                actor = None  # "the eastern front", "excessive force", "two men", "people were killed": not actors
            if not role and actor is None and lemma not in ("country", "nation"):
                # not "sent to the front"; but "the service" after "the State Border Service",
                # which no word before it makes a body of its own
                named = self._named_by_head(tok) if lemma not in actors or actors[lemma].describes == "with" else None
                if named is not None:
                    self._add_mention(named, *noun_phrase(tok), tok.i)
                continue
            if role and tok.dep_ == "appos" and self._names_person(tok):
                continue  # "Moise Ilunga, spokesman for the army": a bare role beside a name is theirs
            if tok.tag_ == "NN" and tok.dep_ not in ("nsubj", "nsubjpass") and not wielder and not any(
                    c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in tok.children):
                continue  # "answered with force": a bare singular noun refers to no one
            if role and self._names_person(tok):
                continue
            self._add_description(tok, role)

    def _named_by_head(self, tok: Token) -> Entity | None:
        """The body named before that "the" and its name's last word call again, where no
        actor head makes the word anyone's: "the alliance" after "the Nile Relief Alliance",
        "the border service" after "the State Border Service" (the other words of the
        description are words of the name)."""
        if tok.tag_ != "NN" or tok.lower_ not in self.name_ends \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        start, end = noun_phrase(tok)
        words = {t.lower_ for t in self.doc[start:end] if t.i != tok.i and t.is_alpha and t.lower_ not in DETERMINERS}

        def accept(ent: Entity) -> bool:  # (not the outlet: "the post" is no "Niger River Post")
            return ent.named and ent.type in ("ORG", "GROUP") and bool(ent.words) and ent.words[-1] == tok.lower_ \
                and words <= set(ent.words) and ent.name.lower() != self.source.strip().lower()
        return self._recent(accept, tok.i, DESCRIPTION_SENTENCES)

    def _outlet(self, ent: Entity) -> bool:
        """Whether an entity is a news outlet: the article's own, or one named so ("Lac Wire",
        "the Orsk Tribune": data/entities/companies.tsv)."""
        return ent.name.lower() == self.source.strip().lower() \
            or bool(ent.words) and ent.words[-1] in self.lex.outlet_names

    def _state_body(self, ent: Entity) -> bool:
        """Whether a named organisation is a state's body, by the last word of its name
        (data/entities/introduced.tsv `not`: "National Police", "the Health Ministry"), one
        that is an actor by itself ("the police": not "forces", which armed groups' names
        end in too, as in "Rapid Support Forces"); of a word that is a state's own only bare
        ("army"), only with no other words than a country's ("the Pakistan Army", not the
        Arakan Army, an armed group)."""
        if not ent.words or ent.words[-1] not in self.lex.not_introduced:
            return False
        head = self.lex.actor_heads.get(ent.words[-1])
        if head is None or head.describes != "yes":
            return False
        return not head.state or all(self.countries.lookup(w) or self.countries.demonym(w) for w in ent.words[:-1])

    def _wielder(self, tok: Token) -> bool:
        """Whether a word before a weapon names the force that wields it: "an army drone",
        "navy helicopters", "a military aircraft" (an actor head that describes a state's
        force, before a weapon of data/events/weapons.tsv)."""
        if tok.dep_ not in ("compound", "amod") or tok.head.i <= tok.i:
            return False
        head = self.lex.actor_heads.get(self._head(tok))
        return head is not None and head.describes == "yes" and head.type == "ORG" \
            and tok.head.lemma_.lower() in self.lex.weapons

    def _of_actor(self, tok: Token) -> bool:
        """Whether a head that alone names no one ("command", "front") is made an actor by
        an actor word before it: "the army command", "the military command"."""
        heads = self.lex.actor_heads
        return any(c.dep_ in ("compound", "amod") and heads.get(c.lemma_.lower()) is not None
                   and heads[c.lemma_.lower()].describes == "yes" for c in tok.children)

    def _names_person(self, tok: Token) -> bool:
        """A role word that is the title of a name beside it ("Foreign Minister Abbas Araghchi",
        "a spokesman for the junta, Zaw Min", which the parser may hang from "junta"), or
        in apposition after it ("Maria Lindqvist, a spokeswoman for the agency")."""
        children = list(tok.children)
        # (after a comma: "the monitoring group Airwatch Libya" is the group's name)
        children += [a for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "of")
                     for o in p.children if o.dep_ == "pobj" and o.ent_type_ != "PERSON"
                     for a in o.children if a.dep_ == "appos" and a.i > tok.i and self.doc[a.left_edge.i - 1].text == ","]
        for child in children:
            owner = self.token_entity.get(child.i)
            if child.dep_ in ("appos", "compound", "flat") and owner is not None and owner.type == "PERSON":
                start, end = noun_phrase(tok)
                if all(not t.is_punct or t.text in ("’s", "'s", "-") for t in self.doc[tok.i:child.i]):
                    end = max(end, child.i + 1)  # "Foreign Minister Abbas Araghchi"
                self._add_mention(owner, start, end, tok.i)  # or "the council's coordinator, Amira Haddou"
                return True
        owner = self.token_entity.get(tok.head.i)
        if tok.dep_ == "appos" and owner is not None and owner.type == "PERSON":
            self._add_mention(owner, *noun_phrase(tok), tok.i)  # "Maria Lindqvist, a spokeswoman for the agency,"
            return True
        return False

    def _add_description(self, tok: Token, role: bool) -> None:
        doc = self.doc
        start, end = noun_phrase(tok)
        # "Tarsk's government and Varnel Front rebels", parsed as one noun whose modifier is a
        # noun phrase of its own coordinated with another: the rebels are those of the last
        # conjunct, the government another actor (not "Israeli and Palestinian leaders")
        for child in tok.lefts:
            if _own_phrase_coordinated(child):
                last = max((c for c in child.children if c.dep_ == "conj"), key=lambda c: c.i, default=None)
                if last is not None and last.i < tok.i:
                    start = max(start, last.left_edge.i)
        det = next((c.lower_ for c in tok.children if c.dep_ == "det"), None)
        possessor = next((c for c in tok.children if c.dep_ == "poss"), None)
        plural = tok.tag_ in ("NNS", "NNPS") or tok.lemma_.lower() != tok.lower_ and tok.lower_.endswith("s")
        definite = det in ("the", "this", "that", "these", "those") or possessor is not None
        modifiers = self._modifiers(start, end, tok)
        lemma = self._head(tok)
        owned = {t.i for t in possessor.subtree} if possessor is not None else set()
        if det in NON_REFERRING:
            return  # "there is no doctor", "any official": no one in particular
        # lemmas, so that "the officials" meets "officials" and "soldiers" the role "soldier"
        content_words = [self._head(t) for t in doc[start:end] if t.i not in owned and not t.is_punct
                         and t.lower_ not in DETERMINERS and t.lower_ not in POSSESSIVE_PRONOUNS]
        if lemma in ("country", "nation"):
            target = self._recent(lambda e: e.type == "GPE", tok.i)
            if target is not None and definite:
                self._add_mention(target, start, end, tok.i)
            return
        if role:
            etype = "GROUP" if plural else "PERSON"
            families = self.roles.families([w for w in content_words if not self.countries.demonym(w)])
            target = None
            if det not in ("a", "an"):
                specific = self.roles.most_specific(families, content_words)
                target = self._resolve_role(tok.i, specific, modifiers, plural, cataphora=definite, head=lemma,
                                            bodies=self._bodies(content_words, modifiers))
                if target is not None and target.title is None and not plural:
                    # a person named after the role a lead gave them (`_identified_next`) holds it
                    target.title, target.families = self._role_words(start, tok), families
            if target is None:
                name = self._descriptor_name(start, end)
                target = self._new(type=etype, name=name, words=name_words(name), head=lemma, named=False,
                                   plural=plural, title=None if plural else self._role_words(start, tok),
                                   families=families, gender=None if plural else _role_gender(lemma),
                                   affiliation=next(iter(modifiers), None) or self._body_named(doc[start:tok.i]))
        else:
            etype = self.lex.actor_heads[lemma].type
            target = self._named_beside(tok)
            if target is not None and any(self.token_entity.get(i) is target for i in range(tok.i + 1, end)):
                end = tok.i + 1  # "rebels of the Front": the name keeps its own mention
            if target is not None:
                if target.type == "PERSON":
                    target.type = etype  # a name the tagger took for a person's: "Kalliston Shipping"
                target.described |= set(content_words)
            elif det not in ("a", "an"):
                # "a local doctors' group": a group its owner names, not "the group" told before
                kind_of = possessor is not None and possessor.pos_ in ("NOUN", "PROPN")
                target = self._resolve_actor(tok.i, lemma, etype, content_words, modifiers, kind_of,
                                             generic=plural and det is None and possessor is None)
            elif not plural and _acts(tok) and self._introduces(lemma, content_words):
                target = self._named_next(tok.i)
                if target is not None:
                    target.described |= set(content_words)  # by which "the charity" is it later
            if target is None:
                name = self._descriptor_name(start, end)
                target = self._new(type=etype, name=name, words=name_words(name), head=lemma, named=False,
                                   plural=plural, affiliation=next(iter(modifiers), None))
        self._add_mention(target, start, end, tok.i)

    def _named_beside(self, tok: Token) -> Entity | None:
        """The name an actor's description is in apposition with: "Kalliston Shipping, the
        Greek company that operates the ship", "the Azawad Patriotic Front, a separatist
        rebel group" (a person's name is the tagger's mistake: a company is described); or
        the one group its "of" names: "rebels of the Azawad Patriotic Front" are the Front,
        as "the rebels" who speak after them."""
        beside = [tok.head] if tok.dep_ == "appos" else []
        beside += [c for c in tok.children if c.dep_ == "appos"]
        for other in beside:
            first, last = sorted((tok, other), key=lambda t: t.i)
            if any(t.text in (":", ";") or t.pos_ in ("VERB", "AUX") for t in self.doc[first.i + 1:last.left_edge.i]):
                continue  # "The ministry is announcing ...: Aram Tessel, ...", which the parser may hang on it
            owner = self.token_entity.get(other.i)
            if owner is not None and owner.named and owner.type in ("ORG", "GROUP", "PERSON"):
                return owner
        # right after it: the parser may hang "of" from the first of "the army and rebels of
        # the Front", which is the rebels'
        preps = [*tok.children, *(tok.head.children if tok.dep_ == "conj" else ())]
        of = [o for c in preps if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1
              for o in c.children if o.dep_ == "pobj"]
        head = self.lex.actor_heads.get(self._head(tok))
        if head is not None and head.of and len(of) == 1 and not any(c.dep_ == "conj" for c in of[0].children):
            owner = self.token_entity.get(of[0].i)
            if owner is not None and owner.named and owner.type in ("ORG", "GROUP"):
                owner.type = head.type  # "militants of the Osk Brigades": an armed group, whatever the tagger said
                return owner
        return None

    def _introduces(self, lemma: str, words: list[str]) -> bool:
        """Whether an indefinite description is of an organisation a report names after it
        ("a medical charity", "a rights group": data/entities/introduced.tsv), when it is
        who says or does something (`_acts`): not what another is ("the PKK is a banned
        organisation", "designated it a terrorist organisation")."""
        wanted = self.lex.introduced.get(lemma)
        return wanted is not None and (not wanted or any(w in wanted for w in words if w != lemma))

    def _named_next(self, at: int) -> Entity | None:
        """The organisation or group that an indefinite description introduces: the first
        the next sentences name that the article had not named before it, and no state's
        body ("A medical charity said ... Sahel Emergency Medics said its staff had counted
        34 bodies", not "the Health Ministry")."""
        named_before = {id(m.entity) for m in self.timeline if m.token < at}
        for m in self._after(at, CATAPHORA_SENTENCES):
            ent = m.entity
            # in a sentence of its own: "a research group said, contradicting Burkina Faso's
            # air force" does not name the group; nor is it the outlet that reports it
            if not ent.named or id(ent) in named_before or self.sent_of[m.token] <= self.sent_of[at] \
                    or self.countries.lookup(ent.name) is not None or ent.name.lower() == self.source.strip().lower() \
                    or ent.words and ent.words[-1] in self.lex.not_introduced:
                continue
            if ent.type == "PERSON" and self._which(m.token):
                ent.type = "ORG"  # "Sahel Emergency Medics, which runs a surgical unit": no person
            if ent.type in ("ORG", "GROUP"):
                return ent
        return None

    def _which(self, at: int) -> bool:
        """Whether the name whose head is token `at` is followed by ", which": a thing's."""
        doc = self.doc
        end = at + 1
        while end < len(doc) and self.token_entity.get(end) is self.token_entity.get(at):
            end += 1
        return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "which"

    def _role_words(self, start: int, head: Token) -> str:
        """The office in a description: "secretary-general" in "the UN secretary-general"."""
        first = head.i
        for tok in reversed(self.doc[start:head.i]):
            if tok.i in self.token_entity or tok.lower_ in DETERMINERS or tok.lower_ in POSSESSIVE_PRONOUNS \
                    or tok.lower_ in ("’s", "'s") or self.countries.demonym(tok.text):
                break
            first = tok.i
        return self.doc[first:head.i + 1].text

    def _descriptor_name(self, start: int, end: int) -> str:
        doc = self.doc
        while start < end - 1 and (doc[start].lower_ in DETERMINERS or doc[start].lower_ in POSSESSIVE_PRONOUNS):
            start += 1
        return doc[start:end].text

    def _modifiers(self, start: int, end: int, head: Token) -> list[Entity]:
        """Entities named inside a description: its possessor, demonyms, organisations."""
        found: list[Entity] = []
        for tok in self.doc[start:end]:
            if tok.i == head.i:
                continue
            owner = self.token_entity.get(tok.i)
            if owner is None:
                country = self.countries.demonym(tok.text)
                owner = self.country_entity(country) if country else None
            if owner is not None and owner.type in ("GPE", "ORG", "GROUP", "PERSON") and owner not in found:
                found.append(owner)
        return found

    def _compatible(self, ent: Entity, modifiers: list[Entity]) -> bool:
        if not modifiers or ent.affiliation is None:
            return True  # nothing known that contradicts
        related = {id(ent), id(ent.affiliation)}
        return any(id(m) in related or m.affiliation is not None and id(m.affiliation) in related
                   or (ent.affiliation.affiliation is not None and id(m) == id(ent.affiliation.affiliation))
                   for m in modifiers)

    def _recent(self, accept, before: int, sentences: int = LOOKBACK_SENTENCES) -> Entity | None:
        return next((m.entity for m in self._before(before, sentences) if accept(m.entity)), None)

    def _bodies(self, words: Iterable[str], modifiers: Iterable[Entity] = ()) -> frozenset[str]:
        """The words that name a body in a role's description or a title ("government" of
        "its government spokeswoman", "agency" of "spokeswoman for the agency"), with the
        words of the bodies and countries it names ("Rwanda" of "its spokeswoman")."""
        out = {w for w in words if (h := self.lex.actor_heads.get(w)) is not None and h.type in ("ORG", "GROUP")}
        return frozenset(out | {w for m in modifiers for w in (*m.words, m.head) if w})

    def _resolve_role(self, at: int, specific: str | None, modifiers: list[Entity], plural: bool,
                      cataphora: bool, head: str | None = None, bodies: frozenset[str] = frozenset()) -> Entity | None:
        gender = _role_gender(head)

        def accept(ent: Entity) -> bool:
            if ent.type != ("GROUP" if plural else "PERSON") or not ent.families:
                return False
            if specific and specific not in ent.families:
                return False
            # "its spokeswoman" is not the spokesman told before, nor anyone called "he"
            held = _role_gender((ent.title or "").rstrip())  # its last word's ending: "army spokeswoman"
            if gender and (held not in (None, gender) or ent.gender not in (None, gender)):
                return False
            # "its government spokeswoman" (Rwanda's) is not "a spokeswoman for the agency"
            # named before: the two name bodies, and no body alike
            titled = self._bodies(re.findall(r"[a-z]+", (ent.title or "").lower())) | ent.bodies
            if bodies and titled and not bodies & titled:
                return False
            return self._compatible(ent, modifiers)

        found = self._recent(accept, at, DESCRIPTION_SENTENCES)
        if found is None and cataphora and specific and not plural:
            # "Syria's interior minister told state TV ..." before "Interior Minister Mohammed al-Rahmoun";
            # a lead's "the mayor of the nearest town said", named paragraphs later ("Ibrahim
            # Dan Koulou, the mayor of Abala, said"), as a lead names its parties
            found = next((m.entity for m in self._after(at, CATAPHORA_SENTENCES)
                          if m.entity.named and accept(m.entity)), None)
            if found is None and self.sent_of[at] <= LEAD_SENTENCES and not modifiers and head \
                    and not self.doc[at].is_upper:
                # further on, only a title of the same word, and for a description that
                # names no body or place of its own ("the spokesman of the MDK" is not the
                # army's spokesman named later); not a transcript's label ("THE PRESIDENT:")
                found = next((m.entity for m in self._after(at, DESCRIPTION_SENTENCES)
                              if m.entity.named and accept(m.entity)
                              and head in (m.entity.title or "").lower().split()), None)
            if found is None and self.sent_of[at] <= LEAD_SENTENCES and self._speaks(self.doc[at]):
                found = self._identified_next(at)
            if found is not None and found.affiliation is None and modifiers and modifiers[0].type == "GPE":
                found.affiliation = modifiers[0]
        return found

    def _identified_next(self, at: int) -> Entity | None:
        """The person a lead's speaker, told only by role, turns out to be: the first person
        the next sentences name, named there for the first time, with no role of their own,
        and speaking ("Burkina Faso's defence minister admitted on Saturday that ... 'A
        targeting error led to the bombing,' Rasmata Ouédraogo said"): news writing's delayed
        identification. Anyone else named first ("... said Police Chief Anna Orsk", "a
        resident, Ivo Tamm, said"), or introduced where they are named ("said Ivo Tamm, 34",
        "Ivo Tamm, who lives nearby, said"), leaves the role unnamed."""
        named_before = {id(m.entity) for m in self.timeline if m.token < at}
        for m in self._after(at, CATAPHORA_SENTENCES):
            ent = m.entity
            if ent.type != "PERSON" or not ent.named or self.sent_of[m.token] <= self.sent_of[at]:
                continue
            name = self.doc[m.token]
            introduced = m.token + 1 < len(self.doc) and self.doc[m.token + 1].text in INTRODUCING \
                or any(c.dep_ in ("appos", "relcl", "acl", "amod", "npadvmod") for c in name.children)
            fits = id(ent) not in named_before and not ent.families and not ent.affiliation \
                and not introduced and self._speaks(name)
            return ent if fits else None
        return None

    def _resolve_actor(self, at: int, lemma: str, etype: str, words: list[str],
                       modifiers: list[Entity], kind_of: bool = False, generic: bool = False) -> Entity | None:
        """The actor a definite description refers back to (or a company's, on); with
        `generic`, a bare plural ("Rights groups say ..."), not one the article called so
        ("A Chadian rights group" before its name): many, not that one."""
        wanted = {w for w in words if w != lemma and not self.countries.demonym(w)}
        if lemma in self.lex.generic_heads and not wanted and not kind_of:
            # "the faction" after "the Frente Costero Aurelio Mina, a dissident armed faction":
            # what the article called so, before any other
            called = None if generic else self._recent(lambda e: e.named and lemma in e.described, at,
                                                       LOOKBACK_SENTENCES)
            if called is not None:
                return called
            # "the group", "the organisation": the last organisation or armed group named,
            # the last named as a subject first ("Islamic State claimed the bombing, which
            # killed 33 according to the Taliban. The group said ...": Islamic State)
            for wanted_type in ("GROUP", "ORG"):
                # (not a news outlet: "said in a reaction sent to Lac Wire. The association ...")
                # (nor a state's body: "the faction" after "National Police director ..." is
                # the armed faction named before, not the police)
                subject = next((m.entity for m in self._before(at, LOOKBACK_SENTENCES) if m.subject
                                and m.entity.type == wanted_type and m.entity.named and not self._outlet(m.entity)
                                and not self._state_body(m.entity)), None)
                named = subject or self._recent(lambda e, t=wanted_type: e.type == t and e.named and not self._outlet(e)
                                                and not self._state_body(e), at)
                if named is not None:
                    return named

        def accept(ent: Entity) -> bool:
            # what the article itself called a name ("the company" after "Kalliston Shipping,
            # the Greek company"), whatever kind its tagger made it
            called = lemma in ent.described and not (generic and ent.named and not ent.plural)
            # "the ministry" for "the Ministry of Foreign Affairs" as for "the Health Ministry"
            headed = ent.head == lemma or ent.words and ent.words[-1].startswith(lemma[:5]) \
                or ent.named and lemma in ent.words
            # "the company", "its operator" for "Kalliston Shipping": a company by its name
            company = lemma in self.lex.company_nouns and ent.named and bool(ent.words) \
                and ent.words[-1] in self.lex.company_names
            if not called and not company and (ent.type != etype or not headed):
                return False
            have = set(ent.words) | ent.described | {w.rstrip("s") for w in ent.words}
            if not {w.rstrip("s") for w in wanted} <= have | {w.rstrip("s") for w in have}:
                return False
            head = self.lex.actor_heads.get(lemma)
            if head is not None and head.state and ent.named and any(
                    w != lemma and not self.countries.lookup(w) and not self.countries.demonym(w) for w in ent.words):
                return False  # "the army" is not the Arakan Army, whose name says another
            return self._compatible(ent, modifiers)

        found = self._recent(accept, at, DESCRIPTION_SENTENCES)
        if found is None and lemma in self.lex.company_nouns and not wanted:
            # "the ship's operator said all 21 crew were unhurt ... Kalliston Shipping, which
            # operates the Selene Star, denied": a company described before it is named, as
            # far on as a description looks back (a lead names its parties paragraphs later)
            found = next((m.entity for m in self._after(at, DESCRIPTION_SENTENCES) if m.entity.named
                          and m.entity.words and m.entity.words[-1] in self.lex.company_names), None)
        if found is None and wanted and lemma in self.lex.generic_heads and not generic \
                and self.sent_of[at] <= LEAD_SENTENCES:
            # "the relief group that organised the convoy said", in a lead that names its
            # parties later: the body named after it by the words it was described with
            # ("the Tihama Relief Alliance")
            described = {w.rstrip("s") for w in wanted}
            found = next((m.entity for m in self._after(at, DESCRIPTION_SENTENCES)
                          if m.entity.named and m.entity.type in ("ORG", "GROUP")
                          and described <= {w.rstrip("s") for w in m.entity.words}), None)
        return found

    def collect_possessors(self) -> None:
        """Whose the people a description names are ("his associates", "her aides"), and
        whose office a title names ("Its commissioner, Hodan Ali Farah"): whom its
        possessive pronoun refers to, once the pronouns are told (after the descriptions),
        as the possessor named in one is ("Navalny's supporters")."""
        for ent, (start, _) in self.untied:
            owner = self.token_entity.get(start)
            if ent.affiliation is None and self.doc[start].lower_ in POSSESSIVE_PRONOUNS and owner is not None \
                    and owner is not ent and owner.type in ("ORG", "GROUP", "GPE"):
                ent.affiliation = owner
        for ent in self.entities:
            if ent.named or ent.affiliation is not None or ent.type != "GROUP":
                continue
            for start_c, end_c in sorted(ent.mentions):
                phrase = self.doc.char_span(start_c, end_c, alignment_mode="expand")
                owner = self.token_entity.get(phrase[0].i) if phrase is not None else None
                if phrase is not None and phrase[0].lower_ in POSSESSIVE_PRONOUNS and owner is not None \
                        and owner is not ent:
                    ent.affiliation = owner
                    break

    # -- pass 3: pronouns -----------------------------------------------------------
    def collect_pronouns(self) -> None:
        for ent in self.entities:
            if ent.type == "PERSON" and ent.gender is None:
                ent.gender = self._honorific_gender(ent)
        for tok in tokens_with(self.doc, pos=("PRON",)):
            kind = self.lex.pronouns.get(tok.lower_)
            if kind is None or tok.pos_ != "PRON" or self.in_quote[tok.i] or tok.i in self.token_entity:
                continue
            if kind == "I" and (turn := self._turn_of(tok.idx)) is not None:
                if turn[2] is not None:  # a transcript's "I" is whoever has the floor
                    self._add_mention(turn[2], tok.i, tok.i + 1)
                continue
            if kind == "WE" and (turn := self._turn_of(tok.idx)) is not None and turn[3] is not None:
                self._add_mention(turn[3], tok.i, tok.i + 1)  # a guest's "we" is their country's
                continue
            if kind in ("WE", "I"):
                ent = self._issuer(kind)
                if ent is not None:
                    self._add_mention(ent, tok.i, tok.i + 1)
                continue
            if kind == "THING" and tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            if tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" \
                    and not any(c.dep_ == "acomp" and c.lower_ in self.attitudes for c in tok.head.children) \
                    and not _placed(tok.head):
                # "it is inadmissible to ...": nothing is referred to; but "said it was
                # deeply alarmed by the bombing" is someone's saying, and "denied that it was
                # behind the attack" someone's part in it
                continue
            ent = self._antecedent(tok, kind)
            if ent is not None:
                self._add_mention(ent, tok.i, tok.i + 1)
                if ent.gender is None:
                    ent.gender = self.lex.genders.get(tok.lower_)

    def _antecedent(self, tok: Token, kind: str) -> Entity | None:
        gender = self.lex.genders.get(tok.lower_)

        def fits(ent: Entity) -> bool:
            if kind == "PERSON":
                # a person once called "he", or "Ms Keita", is no later "she"
                return ent.type == "PERSON" and not ent.plural and ent.gender in (None, gender)
            if kind == "THING":
                return ent.type in ("ORG", "GPE", "GROUP") and not ent.plural
            return ent.plural or ent.type in ("GROUP",) or ent.name.lower().endswith("s") and ent.type == "ORG"

        if kind == "PERSON" and self._speaks(tok) and self._quoted_sentence(tok):
            # "A spokesman denied that the president had been detained. 'He is safe,' he
            # said": who says a quotation is most often who spoke before it, not whom
            # that speaker spoke of
            for m in self._before(tok.i, LOOKBACK_SENTENCES):
                if not self.in_quote[m.token] and fits(m.entity) and self._speaks(self.doc[m.token]):
                    return m.entity
        if kind == "PLURAL" and self._unnamed_subject_before(tok):
            return None  # "says 12 hostages have been killed by their captors": the hostages'
        speaker = self._reported_subject(tok) if kind == "THING" else None
        if speaker is not None:
            # "the Orsk Front's spokesman said it had carried out the attack": the "it" of
            # someone's words is who they speak for, not whichever organisation was named
            # before (the agency the report cites)
            return self._spoken_for(speaker, fits)
        same_sentence = None
        for m in self._before(tok.i, LOOKBACK_SENTENCES):
            if self.in_quote[m.token] or self.lex.pronouns.get(self.doc[m.token].lower_) in ("I", "WE"):
                continue  # "he" is never who says "I"
            if fits(m.entity):
                if kind == "PERSON" and not m.subject and self.sent_of[tok.i] - self.sent_of[m.token] <= 1 \
                        and self._speaks(tok) and self._speaks(self.doc[m.token]):
                    # "... by Sunday, according to Ilse Koren. Most are women, she said": who
                    # speaks next is most often the source just cited
                    return m.entity
                if m.subject:
                    # subjects are what pronouns most often take up, and of an earlier
                    # sentence its own subject before the subject of a clause it reports
                    # ("Conteh said that President Sankoh was safe. She denied ...")
                    if self.sent_of[m.token] == self.sent_of[tok.i] or self._main(m.token):
                        return m.entity
                    body = kind == "THING" and self.narrative_of[tok.i] - self.narrative_of[m.token] <= 1
                    return self._main_subject(m, fits, body) or m.entity
                if same_sentence is None and self.sent_of[m.token] == self.sent_of[tok.i] and kind == "PERSON":
                    same_sentence = m.entity
        return same_sentence

    def _unnamed_subject_before(self, tok: Token) -> bool:
        """Whether the clause a plural pronoun is in has, before it, a subject in the plural
        that names no actor ("12 hostages", "many residents"): a possessive ("were killed by
        their captors") or a partitive ("were detained, among them a boy") most likely takes
        it up, and no entity the sentence named before it; not an object, which its own
        clause's subject never is ("three vessels were tracking them")."""
        if not (tok.dep_ == "poss" or tok.dep_ == "pobj" and tok.head.lower_ in ("of", "among")):
            return False
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return any(s.dep_ in ("nsubj", "nsubjpass") and s.tag_ == "NNS" and s.i < tok.i
                   and tok not in s.subtree and s.i not in self.token_entity for s in verb.children)

    def _main(self, token: int) -> bool:
        """Whether a subject is that of its sentence's main verb (or of a verb joined to it)."""
        verb = self.doc[token].head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        return verb.dep_ == "ROOT"

    def _main_subject(self, found: Mention, fits: Callable[[Entity], bool], body: bool = False) -> Entity | None:
        """The subject of the main verb of the sentence a clause's subject is in, if it fits
        and is named, or is a body (`body`: an "it" of the next sentence)."""
        sentence = self.sent_of[found.token]
        for m in self._before(found.token, 0):
            if self.sent_of[m.token] != sentence:
                return None
            if m.subject and not self.in_quote[m.token] and fits(m.entity) and self._main(m.token):
                # a writer takes up an unnamed speaker by its description ("a spokesman said
                # Jonas Berg was arrested. He denied the charges": Berg), a named one by "he";
                # but a body by "it", however it was named ("The government said the
                # institute was competent. It again dismissed ...": the government)
                return m.entity if m.entity.named or body else None
        return None

    def _honorific_gender(self, ent: Entity) -> str | None:
        """The gender an honorific before a mention of a person tells ("Mr Camara"), else None."""
        text = self.text
        for start, _ in sorted(ent.mentions):
            before = text[max(0, start - 8):start].split()
            word = before[-1].lower() if before else ""
            if word in self.lex.honorifics and (found := self.lex.genders.get(word)) is not None:
                return found
        return None

    def _reported_subject(self, tok: Token) -> Token | None:
        """The subject of the verb of saying whose reported clause `tok` is the subject of
        ("the ministry" of "the ministry said it would rebuild"), else None."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.cue_verbs:
            return None
        return next((t for t in clause.head.children if t.dep_ == "nsubj" and t.i < tok.i), None)

    def _spoken_for(self, speaker: Token, fits: Callable[[Entity], bool]) -> Entity | None:
        """Whom a speaker speaks for: the speaker itself if it is an organisation ("the
        army", "Sudan's army", not Sudan), else one that modifies its name ("Orsk Front
        military spokesperson Idris Bakri"); None for anyone else ("a ministry official"),
        rather than a guess."""
        own = self.token_entity.get(speaker.i)
        if own is not None and fits(own) and speaker.pos_ == "NOUN":
            return own  # an institution's own word ("army"), whoever owns it
        modifiers = [self.token_entity[t.i] for t in speaker.subtree
                     if t.i < speaker.i and t.i in self.token_entity and self.token_entity[t.i] is not own]
        found = next((e for e in reversed(modifiers) if fits(e)), None)
        return own if found is None and own is not None and fits(own) else found

    def _quoted_sentence(self, tok: Token) -> bool:
        sentence = self.sent_of[tok.i]
        return any(self.in_quote[i] for i in range(max(0, tok.i - 60), min(len(self.doc), tok.i + 60))
                   if self.sent_of[i] == sentence)

    def _speaks(self, tok: Token) -> bool:
        """Whether a word is the subject of a verb of saying ("he said", "the spokesman denied"),
        or whom a report is according to ("according to Ilse Koren")."""
        if tok.dep_ == "nsubj":
            return tok.head.lemma_.lower() in self.cue_verbs
        while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head  # "Ilse" of "Ilse Koren"
        return _according_to(tok)

    def _issuer(self, kind: str) -> Entity | None:
        """Who the text's own "we" (kind WE) or "I" (kind I) is: for "we", the actor of an
        outlet that publishes in its own voice (issuers.tsv), else the speaker its title
        names ("Statement by President Joe Biden on ..."); for "I", that speaker. None
        when the text names neither: an unknown "we" is left unresolved, not guessed."""
        if kind not in self.issuer:
            listed = self.lex.issuers.get(self.source.strip().lower())
            if kind == "WE" and listed is not None:
                self.issuer[kind] = self._issuer_entity(*listed)
            else:
                speaker = self._title_speaker()
                self.issuer[kind] = self._issuer_entity(speaker[0], "PERSON", speaker[1]) if speaker else None
        return self.issuer[kind]

    def _turn_of(self, at: int) -> tuple[int, int, Entity | None, Entity | None] | None:
        """The transcript turn a character is in, if the text is a transcript."""
        if self.turns is None:
            self.turns = self._turns()
        found = bisect.bisect_right(self.turns, (at, float("inf"))) - 1
        return self.turns[found] if found >= 0 and at < self.turns[found][1] else None

    def _turns(self) -> list[tuple[int, int, Entity | None, Entity | None]]:
        """The turns of a transcript, each (start, end, who has the floor, their country),
        from the labels that open them ("SECRETARY BLINKEN:", "THE PRESIDENT:",
        "QUESTION:"). A text is a transcript when two labels at least open its lines, one
        of them a person's: a dateline ("KYIV: ...") or a heading opens none."""
        labels = list(TURN.finditer(self.text))
        spans = [m.span("label") if m.group("label") else m.span("label_q") for m in labels]
        speakers = [self._turn_speaker(m.group("label") or m.group("label_q"), spans) for m in labels]
        if len(labels) < 2 or not any(speakers):
            return []
        ends = [m.start() for m in labels[1:]] + [len(self.text)]
        return [(m.end(), end, who, self._title_country(who)) for m, end, who in zip(labels, ends, speakers)]

    def _title_country(self, person: Entity | None) -> Entity | None:
        """The country a title gives a person of a transcript by a demonym or a name
        before their office and name ("Secretary Blinken and Israeli Prime Minister
        Benjamin Netanyahu ..."): whose "we" is theirs, not the publishing outlet's."""
        if person is None or person.type != "PERSON" or not person.words:
            return None
        words = [re.sub(r"[’']s$", "", w.strip(".,:;")) for w in self.title.split()]
        for at, word in enumerate(words):
            if word.lower() != person.words[-1]:
                continue
            before = at - 1  # the run of capitalised words that names them: office, given names
            while before >= 0 and words[before][:1].isupper() and words[before].lower() not in TITLE_LINKS:
                country = self.countries.demonym(words[before]) or self.countries.lookup(words[before])
                if country is not None:
                    return self.country_entity(country)
                before -= 1
        return None

    def _turn_speaker(self, label: str, labels: list[tuple[int, int]]) -> Entity | None:
        """Who a turn's label names: the person the text names by its last word
        ("PRIME MINISTER NETANYAHU", even misspelt, is the Netanyahu named before); after
        a role or an honorific, one named only in labels ("SECRETARY BLINKEN", "MR.
        PRICE"), by the fuller name the title gives them if it does; for a role alone ("THE
        PRESIDENT"), the speaker the title names in that role. No one for anything else
        ("QUESTION", "MODERATOR", which the tagger may take for a name): the "I" of a turn
        no one is named for is left unresolved, not given to the text's speaker."""
        words = [w.strip(".,") for w in label.split() if w.lower() != "the"]
        role_words = self.roles.words()
        named = list(words)
        while named and named[0].lower() in role_words | set(self.lex.honorifics):
            named.pop(0)
        titled = len(named) < len(words)  # after a role or an honorific
        if not named:
            speaker = self._title_speaker()
            roles = {w.lower() for w in words} & role_words
            if speaker and speaker[1] and roles & set(speaker[1].lower().split()):
                return self._issuer("I")
            return None
        surname = named[-1].lower()

        def told(ent: Entity) -> bool:  # named in the text, outside the labels
            return any(not any(a <= start < b for a, b in labels) for start, _ in ent.mentions)

        people = [e for e in self.entities if e.type == "PERSON" and e.named and e.words and e.words[-1] == surname
                  and (titled or told(e))]
        if people:
            return people[-1]
        if not titled:
            return None
        fuller = re.search(rf"((?:[A-Z][\w'’-]*\.?\s+){{1,3}}){re.escape(named[-1].capitalize())}\b", self.title)
        given = [w for w in fuller.group(1).split() if w.lower().strip(".") not in role_words] if fuller else []
        return self._issuer_entity(" ".join([*given, named[-1].capitalize()]), "PERSON")

    def _title_speaker(self) -> tuple[str, str | None] | None:
        """(name, title) of the speaker a title names after one of its leads: "Remarks by
        Secretary Antony J. Blinken at ..." gives ("Antony J. Blinken", "Secretary")."""
        lowered = self.title.lower()
        lead = next((lead for lead in self.lex.issuer_leads if lowered.startswith(lead + " ")), None)
        if lead is None:
            words = self._speaker_before_lead()
            if not words:
                return None
        else:
            # headlines capitalise their prepositions too; "Remarks by President Biden
            # Announcing Response to ...": a participle with its object ends the speaker's
            # name as well (not "Ambassador Anna Fleming at ...")
            rest = re.split(r"\s(?:on|at|to|for|regarding|in|about)\s|:|\s(?=(?-i:[A-Z][a-z]{2,}ing\s[A-Z]))",
                            self.title[len(lead) + 1:], maxsplit=1, flags=re.IGNORECASE)[0]
            words = rest.split()
        role_words = self.roles.words()
        name: list[str] = []
        for word in reversed(words):  # the name is the run of capitalised words at the end
            if not word[:1].isupper() or word.lower().strip(",") in role_words:
                break
            name.insert(0, word)
        if not name:
            return None
        title = " ".join(words[:len(words) - len(name)]).strip(" ,") or None
        return " ".join(name), title

    def _speaker_before_lead(self) -> list[str]:
        """The capitalised words a title puts before a lead's first word, when they give a
        role and a name ("President Biden Statement on the Truce": "President Biden"; not
        "Joint Statement on ..."), else none."""
        heads = {lead.split()[0] for lead in self.lex.issuer_leads}
        role_words = self.roles.words()
        words = self.title.split()
        for i, word in enumerate(words):
            if word.lower() in heads:
                before = words[:i]
                possessive = any(w.endswith(("’", "'", "’s", "'s")) for w in before)  # "G7 Ministers’ Statement"
                if before and not possessive and all(w[:1].isupper() for w in before) and any(
                        w.lower().strip(",") in role_words for w in before):
                    return before
                return []
        return []

    def _issuer_entity(self, name: str, etype: str, title: str | None = None) -> Entity:
        """The entity the text already has by that name, else a new one."""
        if etype == "GPE":
            country = self.countries.lookup(name)
            if country is not None:
                return self.country_entity(country)
        words = name_words(name)
        found = self._match_name(etype, name, words)
        if found is not None:
            return found
        ent = self._new(type=etype, name=name, words=words, title=title)
        self._index_name(ent)
        return ent

    # -- output -------------------------------------------------------------------
    def to_record(self) -> list[dict[str, Any]]:
        ents = [e for e in self.entities if e.mentions]
        ents.sort(key=lambda e: (e.first(), e.name))
        ids = {id(e): f"E{n}" for n, e in enumerate(ents, 1)}
        out = []
        for ent in ents:
            out.append({
                "id": ids[id(ent)],
                "name": self._plural_name(ent),
                "type": ent.type,
                "title": ent.title,
                "affiliation": ids.get(id(ent.affiliation)) if ent.affiliation is not None else None,
                "mentions": [span(self.text, s, e) for s, e in _outermost(ent.mentions)],
            })
        return out


    def _plural_name(self, ent: Entity) -> str:
        """A group is called by the plural the text uses for it: "the Houthis" over
        "Houthi", "militants" over "the militant's"."""
        if ent.type not in ("GROUP", "NORP") and not (ent.type == "ORG" and not ent.named):
            return ent.name
        wanted = {ent.name.lower() + "s", ent.name.lower() + "es"}
        for start, end in sorted(ent.mentions):
            words = self.text[start:end].split()
            if words and words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            if " ".join(words).lower() in wanted:
                return " ".join(words)
        return ent.name


def _capitalised_run(doc: Doc, start: int) -> int:
    """The end of the capitalised words of a name from `start`, with the small words
    inside it: "Council for the Salvation of the Republic", "Ahl al-Sahil"."""
    end = start
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
        end += 1
        linked = end
        while linked < len(doc) and doc[linked].lower_ in NAME_LINKS:
            linked += 1
        if end < linked < len(doc) and doc[linked].is_title:
            end = linked
    return end


def _shouting(doc: Doc, i: int) -> bool:
    """Whether the words around token i are set in capitals."""
    near = [t for t in doc[max(0, i - 3):i + 4] if t.is_alpha and t.i != i]
    return len(near) >= 2 and all(t.is_upper for t in near)


def _outermost(spans: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside another one: "Iran's Foreign Minister Abbas Araghchi" absorbs "Abbas Araghchi"."""
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in ordered:
        if out and start >= out[-1][0] and end <= out[-1][1]:
            continue
        out.append((start, end))
    return out


@stage("entities", requires=("document.text", "document.title", "document.source"), provides=("entities",),
       resources=(lexicon, countries, alias_matcher, statements_lexicon, datelines, gazetteer))
def extract_entities(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    document = record["document"]
    _office_holders(doc, context.get(lexicon), context.get(gazetteer))
    dateline = context.get(datelines).find(document["text"])
    if dateline is not None and not document["text"][dateline.end:].lstrip(" ").startswith((",", "(")):
        dateline = None  # "THE PRESIDENT: ...", "FOREIGN MINISTER ASHKENAZI: ...": a transcript's turn, no place
    builder = EntityBuilder(doc, context.get(lexicon), context.get(countries), context.get(alias_matcher),
                            document.get("title"), document.get("source"),
                            frozenset(context.get(statements_lexicon).cues),
                            frozenset(context.get(statements_lexicon).attitudes), dateline)
    builder.collect_names()
    builder.collect_descriptions()
    builder.collect_bodies()
    builder.collect_pronouns()
    builder.collect_possessors()
    return {"entities": builder.to_record()}


# the least people a town has that an office is of, read off a name the tagger ran on into
# a person's ("Mayor of Lagos Aram Tessel"): not "Stan" of "Stan Winston Studio", a hamlet
OFFICE_PLACE = 100_000


def _office_holders(doc: Doc, lex: Lexicon, gaz: Gazetteer) -> None:
    """"Chief Executive of Hong Kong Carrie Lam", "Governor of Zamfara Aram Tessel": the
    tagger reads the place an office is of and the name of who holds it as one name of a
    place or a person. They are two: a country, a province or a large town the gazetteer
    knows, and a name of two words or more it does not, that no actor's word ends ("the
    director of Dilling Teaching Hospital" names a body, which the tagger calls one). The
    Doc's entities are set so, for this layer and the places layer to read alike."""
    ents = list(doc.ents)
    out = [part for ent in ents for part in _place_and_holder(doc, ent, lex, gaz) or (ent,)]
    if len(out) > len(ents):
        doc.set_ents(out)


def _place_and_holder(doc: Doc, ent: Span, lex: Lexicon, gaz: Gazetteer) -> tuple[Span, Span] | None:
    """The place and the name a tagged name after an office's "of" runs together, if it does
    (`_office_holders`)."""
    if ent.label_ not in ("GPE", "PERSON") or len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "of" \
            or not lex.roles.families([t.lower_ for t in doc[max(0, ent.start - 4):ent.start - 1]]):
        return None
    for cut in range(len(ent) - 2, 0, -1):
        place, name = ent[:cut], ent[cut:]
        large = any(c.kind in ("country", "admin1") or c.population >= OFFICE_PLACE for c in gaz.lookup(place.text))
        if large and all(t.is_title and t.is_alpha for t in name) and name[-1].lower_ not in lex.actor_heads \
                and not gaz.lookup(name.text):
            return Span(doc, place.start, place.end, "GPE"), Span(doc, name.start, name.end, "PERSON")
    return None


def _modified_by(tok: Token, words: frozenset[str]) -> bool:
    """Whether a noun has one of these words before it: "armed men", "the air force"."""
    return any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in words for c in tok.children)


def _acting(tok: Token) -> bool:
    """Whether a noun is who does what an active verb says, itself or through the count of
    which it is the "of": "people gathered", "hundreds of people marched" (not "people were
    killed", "aid for people", nor what an infinitive says they may do: "must allow its
    people to express their hopes")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "nsubj" \
            and (tok.head.head.ent_type_ == "CARDINAL" or tok.head.head.like_num):
        tok = tok.head.head
    verb = tok.head  # (not "four people killed", a passive with its auxiliary left out; but "had fled")
    return tok.dep_ == "nsubj" and verb.pos_ == "VERB" \
        and (verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)) \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)  # "allow its people to express"


def _placed(be: Token) -> bool:
    """Whether "be" puts its subject somewhere, with no clause after it for an "it" to stand
    for: "it was behind the attack", "it was in control of the town" (not "it is in our
    interest to withdraw", "it was in Orsk that the fighting began")."""
    return any(c.dep_ == "prep" for c in be.children) \
        and not any(c.dep_ in ("ccomp", "xcomp", "csubj", "advcl", "relcl", "acomp", "attr") for c in be.children)


def _own_phrase_coordinated(token: Token) -> bool:
    """Whether a noun the parser made a modifier is a noun phrase of its own, coordinated
    with the next ("Tarsk's government and Varnel Front rebels": an nmod with its own
    possessive or article, and a conjunct)."""
    return token.dep_ == "nmod" and any(c.dep_ in ("poss", "det") for c in token.children) \
        and any(c.dep_ == "cc" for c in token.children) and any(c.dep_ == "conj" for c in token.children)


def _acts(tok: Token) -> bool:
    """Whether a noun is who says or does what its clause tells: its subject, or the source
    of "according to"."""
    return tok.dep_ in ("nsubj", "nsubjpass") or _according_to(tok)


def _according_to(tok: Token) -> bool:
    """Whether a noun is the source of "according to"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"


def _role_gender(word: str | None) -> str | None:
    """The gender a role's word tells by its ending ("spokeswoman", "fisherman"), else None:
    news style names the role by the gender of who holds it."""
    word = (word or "").lower()
    if word.endswith(("woman", "women")):
        return "f"
    return "m" if word.endswith(("man", "men")) else None
