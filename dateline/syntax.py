"""Small questions asked of a dependency parse, shared by the stages."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy
from spacy.attrs import DEP, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from .resources import Resources

SUBJECTS = ("nsubj", "nsubjpass")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})  # of what was told before: "the strike"
RELATIVES = frozenset({"who", "which", "that"})  # the pronouns that open a relative clause
RESULTS = frozenset({"dead", "free", "loose"})  # what a verb leaves its object: "shot dead", "set free"
POSSESSIVE_PRONOUNS = {"its", "his", "her", "their", "our", "my", "your"}
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "“", "”", '"', "‘", "’"}
SEQUENCE = frozenset({"after", "before", "since", "until", "till"})  # a clause these lead tells another act, at another time
REASONS = frozenset({"because"})  # a clause this leads tells another act, the reason for one


def subject(verb: Token) -> Token | None:
    """The verb's own nominal subject, if it has one; of a relative clause's verb that the
    tagger read as a noun ("a figure Russia disputes", "disputes" a plural with "Russia" its
    compound), the name before it."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if verb.dep_ == "relcl" and verb.pos_ == "NOUN":
        return next((c for c in verb.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    return None


def stands_for(verb: Token, relative: Token) -> Token:
    """What a relative pronoun of a verb stands for: the noun its relative clause hangs from,
    the verb's own ("a convoy that had been held") or that of the saying it is told in ("a
    guard who they said had been shot"); else the pronoun."""
    clause = verb
    while clause.dep_ == "ccomp" and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else relative


def none_of(noun: Token) -> bool:
    """Whether a noun phrase names no one and nothing: "nobody", "none", "no one", "no
    group", "no negotiations", "not a single round"; not a count ("no fewer than 20 attacks")."""
    if noun.lower_ in ("nobody", "none", "nothing"):
        return True
    before = [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i]]
    if before[:2] in (["not", "a"], ["not", "one"], ["not", "single"]) and before[2:3] != ["few"]:
        return True  # "not a single live round was fired", "not one shot"; but "not a few" are many
    return any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in noun.children) \
        and not any(c.dep_ == "nummod" for c in noun.children)


def gerund(verb: Token) -> bool:
    """Whether a verb is told as an -ing form, or its auxiliary is: "leaving", "being
    involved", "having attacked"."""
    return verb.tag_ == "VBG" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBG" and c.i < verb.i
                                     for c in verb.children)


def find_child(token: Token, deps: tuple[str, ...], lemmas: tuple[str, ...] | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and (lemmas is None or child.lower_ in lemmas or child.lemma_.lower() in lemmas):
            return child
    return None



def of_a_time(prep: Token) -> bool:
    """Whether a preposition's object is a day or a time ("on Monday"): when something was
    done, not to whom or what ("called on the rebels")."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def trim(doc: Doc, start: int, end: int, strip: set[str] | None = None) -> tuple[int, int]:
    """Drop punctuation and space tokens from both ends of the token range [start, end)."""
    strip = strip if strip is not None else CLAUSE_BREAKS | {".", "-", "…"}
    while start < end and (doc[start].is_space or doc[start].text in strip):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in strip):
        end -= 1
    return start, end


def noun_phrase(head: Token, keep_preps: tuple[str, ...] = ("of", "for")) -> tuple[int, int]:
    """Token range of the noun phrase headed by `head`: its left modifiers, and on the right
    only prepositional complements introduced by `keep_preps` ("spokesperson for the army").
    Relative clauses, participles, appositions and other prepositions stay out."""
    doc = head.doc
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("punct",) and child.text in CLAUSE_BREAKS:
            continue
        start = min(start, child.left_edge.i)
    # a comma or quote mark inside the left part means the parse reached too far
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].text in CLAUSE_BREAKS - {"’", "‘"} or doc[i].is_space:
            start = i + 1
            break
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in keep_preps and child.i == end \
                and any(c.dep_ == "pobj" for c in child.children):  # not "accused charities of spreading ..."
            end = child.right_edge.i + 1
            # not a relative clause the parser hung on the complement ("a resident of Bahir
            # Dar, who asked not to be named"), nor a bracket ("the Popular Mobilization
            # Forces (PMF)"); a list stays ("the navies of China, India and Oman")
            end = next((i for i in range(child.i, end) if doc[i].text == "(" or doc[i].text == ","
                        and i + 1 < end and doc[i + 1].lower_ in RELATIVES), end)
            # nor a clause it hung there: "a senior commander of the faction acknowledged
            # that ..." read as a faction that acknowledged (but "many of those who fled"
            # are those the clause says)
            end = next((doc[i].left_edge.i for i in range(child.i + 1, end)
                        if doc[i].dep_ in ("acl", "relcl") and doc[i].pos_ in ("VERB", "AUX")
                        and doc[i].head.pos_ not in ("PRON", "DET")), end)
        elif child.dep_ in ("punct",) and child.i == end and child.text in ("’", "'"):
            continue
        else:
            break
    # "shot dead nine demonstrators", "set free 12 hostages": what the verb left them is no
    # word of their phrase, whatever the parser hung it on
    while start < head.i and doc[start].lower_ in RESULTS and start and doc[start - 1] == head.head:
        start += 1
    start, end = trim(doc, start, end)
    return start, max(end, start + 1)


def sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence."""
    index = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = n
    return index




def text_of(doc: Doc) -> str:
    """The Doc's text. `Doc.text` joins every token's text again on each access; this keeps
    it, made once per Doc."""
    text = doc.user_data.get("dateline_text")
    if text is None:
        text = doc.user_data["dateline_text"] = doc.text
    return text


def tokens_with(doc: Doc, pos: Sequence[str] = (), dep: Sequence[str] = ()) -> list[Token]:
    """The tokens of any of the parts of speech `pos` or the dependency labels `dep`, in text
    order, read from the Doc's arrays: a pass over every word that asks only of these needs
    no Token object made for the others."""
    table = doc.to_array([POS, DEP])
    wanted = numpy.isin(table[:, 0], [POS_IDS[p] for p in pos]) \
        | numpy.isin(table[:, 1], [doc.vocab.strings[d] for d in dep])
    return [doc[int(i)] for i in numpy.flatnonzero(wanted)]


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token: the act whose phrase it is in."""
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def sentence_of(token: Token) -> Span:
    """The token's sentence. `Token.sent` asks the Doc whether it has sentence boundaries,
    which walks every token; this reads a table made once per Doc."""
    doc = token.doc
    table = doc.user_data.get("dateline_sentences")
    if table is None:
        sents = list(doc.sents)
        table = doc.user_data["dateline_sentences"] = ([s.start for s in sents], sents)
    starts, sents = table
    return sents[bisect_right(starts, token.i) - 1]


def auxiliaries(resources: Resources) -> dict[str, str]:
    """Auxiliary -> the tense it gives its clause ("future", "reported"), from data/tense.tsv."""
    return {r["word"].lower(): r["tense"] for r in _tense(resources) if r["kind"] == "auxiliary"}


def future_governors(resources: Resources) -> frozenset[str]:
    """Lemmas whose clause is to come ("expected to", "plans to"), from data/tense.tsv."""
    return frozenset(r["word"].lower() for r in _tense(resources) if r["kind"] == "governor")


def _tense(resources: Resources) -> tuple[dict[str, str], ...]:
    return resources.table("tense.tsv", ("word", "kind", "tense"),
                           (("kind", ("auxiliary", "governor")), ("tense", ("future", "reported"))))


def one_of(word: str) -> str:
    """One of what a plural word that names people counts: "gunmen" is "gunman", "rebels"
    "rebel" (a plural the tagger took for a name keeps its form as its lemma)."""
    return f"{word[:-3]}man" if word.endswith("men") else singular(word)


def singular(word: str) -> str:
    """"houthis" is "houthi"; "isis", "hamas" and "syria's" forms are kept."""
    if len(word) <= 4 or not word.endswith("s") or word.endswith(("ss", "as", "us")):
        return word
    return word[:-1]
