"""The places layer: every place the article names, resolved to coordinates offline.

Mentions come from the tagger (GPE, LOC, FAC), from the dateline, and from the gazetteer
for names the small model misses or mislabels ("Daraa" as an organisation, "Aleppo" as a
nationality). Demonyms ("Syrian army") and names inside the names of organisations ("the
Syrian State News Agency") are not place mentions.

Resolution uses the article's own evidence: the countries it names and its dateline set a
context; a name takes the most populous candidate inside that context, and a candidate
outside it only when it is large and has no rival of its size. Otherwise the place is
listed unresolved, with null coordinates: a wrong pin is worse than none.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...spanindex import SpanIndex
from ...syntax import one_of, tokens_with
from ..base import Context, stage
from ..document.datelines import Dateline, datelines
from ...countries import CountryIndex, countries
from .gazetteer import Candidate, Gazetteer, gazetteer, name_key
from .lexicon import Lexicon, lexicon
from .resolve import UNTAGGED_MIN_POPULATION, Name, resolve

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "NORP"}  # names a place name inside them belongs to
# what an organisation's name says it stands for, before a place: "Rally for a New Guinea",
# "Movement for United Georgia"
INSIDE_A_NAME = re.compile(r"\S\s+for(?:\s+(?:a|an|the))?\s+$")
# what the tagger finds that names no place, whatever word follows it ("Seven prison guards")
COUNTED_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
NAME_BREAKS = {"in", "and", "of", "near", "from", "at"}  # a tagged "name" holding these is several ("Omsk in Siberia")
APOSTROPHE_NAME = re.compile(r"[^\W\d_]+['’ʼ][^\W\d_]+")  # "N'Djamena", "Ma'arrat": one word with its apostrophe
SPELLED_ALIKE = 60  # how alike (rapidfuzz's ratio, 0-100) a name found by its consonants must be written
CLOSE_SPELLING = 75  # and a name the tagger did not call a place ("Mahra" for Al Mahrah, not "State" for Ouest)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    tagged: bool  # the tagger called it a place
    feature: str | None = None  # what the word after it says: "division" ("Homs province"), "facility", "place",
    # "natural" ("the Isfara river")


@dataclass
class Place:
    key: str
    candidate: Candidate | None
    name: str
    mentions: list[Mention] = field(default_factory=list)


@stage("places", requires=("document.dateline", "entities"), provides=("places",),
       resources=(gazetteer, lexicon, countries, datelines))
def find_places(doc: Doc, record: dict[str, Any], context: Context) -> dict[str, Any]:
    text = record["document"]["text"]
    lex, gaz = context.get(lexicon), context.get(gazetteer)
    dateline = context.get(datelines).find(text)
    mentions = _mentions(doc, text, lex, context.get(countries), gaz, dateline)
    mentions = _in_the_article_countries(doc, text, mentions, gaz, lex)
    sites = {m.text: site for m in mentions if (site := lex.site_of(m.text))}  # "Kabul Airport" -> "Kabul"
    chosen = place_names([m.text for m in mentions] + list(sites.values()), gaz,
                         dateline.place if dateline else None, lex, loose={m.text for m in mentions if m.tagged})
    not_places = _named_actors(record)
    bodies = _bodies(record)
    ships = lex.vessels(text)  # "the bulk carrier Selene Star": a ship, wherever the article names it
    index, source = context.get(countries), record["document"].get("source")
    lowered = {t.text for t in doc if t.is_lower and t.is_alpha}  # the words written in lower case
    surnames = _surnames(record)
    divisions = {(c.country, c.admin1) for c in chosen.values() if c is not None and c.kind == "admin1"}
    places: dict[str, Place] = {}
    for m in mentions:
        candidate = chosen[m.text] if m.feature != "natural" else None  # the Isfara river is not Isfara town
        if m.text.lower() in lex.place_leads and not m.feature:
            continue  # "West, East, and Southern Africa": a word that leads into a place name is none alone
        if not any(ch.isupper() for ch in m.text):
            continue  # "n't", "meth": the tagger's slips; a place name has a capital ("north west London")
        if candidate is None and m.text in sites and chosen[sites[m.text]] is not None:
            # a site at its town's point, as the contract's gold pins it, a place of its own
            candidate = replace(chosen[sites[m.text]], id=0, name=m.text, kind="facility")
        if candidate is None and lex.names_no_place(m.text):
            continue  # "the Munich Conference", "the Republic of Yemen Government"
        if _after_a_title(doc, m, lex) and (candidate is None or candidate.kind != "country" and not candidate.capital):
            continue  # "President Biden", "President Zelenskyy": a person named after an office
        if not _a_location(doc, text, m, candidate, surnames, lex, context.settings.actor_countries):
            continue
        if not m.tagged and candidate is not None and candidate.kind == "city" \
                and candidate.population < UNTAGGED_MIN_POPULATION \
                and (candidate.country, candidate.admin1) not in divisions:
            # an untagged capitalised word that names only a small town somewhere; but a town
            # in a province the article names is that town ("Tal Afar" beside "Nineveh province")
            candidate = None
        if candidate is not None and m.feature == "division" and candidate.kind == "city":
            candidate = gaz.division(candidate.country, candidate.admin1) or candidate  # "Homs province"
        if candidate is None and m.feature not in ("facility", "natural") \
                and (not m.tagged or m.text in not_places and not _called_at(doc, m, lex)
                     or (m.text.isupper() and " " not in m.text)):
            continue  # unplaced, and a person, an organisation or an acronym (MINUSMA): the tagger erred
        if candidate is None and m.text in ships:
            continue  # unplaced, and a ship's name: not a frigate named after a province the gazetteer knows
        if candidate is None and any(s < m.start and m.end <= e and INSIDE_A_NAME.search(text[s:m.start])
                                     for s, e, _ in bodies.overlapping(m.start, m.end)):
            # unplaced, and words of what an organisation's name stands for: "the Rally for a
            # New Guinea (RNG)"; not those that say where it is ("the Cambridge engineering firm")
            continue
        if candidate is None and (index.demonym(m.text) or m.text == source or m.text.lower() in lowered
                                  or _an_actor_word(doc, m, lex)):
            # unplaced, and a people ("Kyrgyz"), the outlet that tells it ("Horn Dispatch"), a
            # word the article also writes in lower case (a place's name never is), or one
            # word that names who acts ("Gunmen raided ..." at a sentence's start)
            continue
        key = str(candidate.id) if candidate and candidate.id else "?" + name_key(m.text)
        place = places.setdefault(key, Place(key, candidate, candidate.name if candidate else m.text))
        place.mentions.append(m)
    out = []
    for n, place in enumerate(sorted(places.values(), key=lambda p: p.mentions[0].start), 1):
        c = place.candidate
        out.append({
            "id": f"P{n}", "name": _name_of(place),
            "kind": c.kind if c else "other", "geonameid": c.id if c and c.id > 0 else None,
            "lat": c.lat if c else None, "lon": c.lon if c else None,
            "country": c.country if c else None, "admin1": _division_name(gaz, c),
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in place.mentions]})
    return {"places": out}


def place_names(names: Iterable[str], gaz: Gazetteer, dateline_place: str | None = None,
                lex: Lexicon | None = None, loose: Collection[str] | None = None) -> dict[str, Candidate | None]:
    """The place each of an article's place names means (resolve.py), all of them read
    together with the article's dateline: the stage's resolution, and the one `dateline
    eval-geo` scores when it is given the gold names. A name the gazetteer does not know
    that is written with a division word ("Oaxaca State", "Province of Kunar") is the
    division of the bare name, if the gazetteer has one; a name it does not know at all may
    still be found by its consonants ("Shabwa", "Hadhramout"), a candidate the resolver trusts
    only with support from the article: all names, or only those in `loose` (the stage's
    tagged ones: a capitalised word the tagger did not call a place is too often none)."""
    written = list(names)
    # one name however it is written: "ST. LOUIS" in a dateline and "St. Louis" in the text
    # are one place, and one piece of evidence, not two that confirm each other
    first_written: dict[str, str] = {}
    for t in written:
        first_written.setdefault(name_key(t), t)
    spelling = {t: first_written[name_key(t)] for t in set(written)}
    counts = Counter(spelling[t] for t in written)
    if loose is not None:
        loose = {spelling[t] for t in loose if t in spelling}
    looked = {t: gaz.lookup(t) for t in counts}
    for t, found in looked.items():
        bare = lex.bare(t) if lex is not None and not found else None
        if bare:
            looked[t] = [c for c in gaz.lookup(bare) if c.kind in ("admin1", "admin2")]
        if len(name_key(t)) > 4 and (loose is None or t in loose):
            # none bears it as its own name ("Shabwa": a Sha Bwa), or only hamlets do, and then a
            # division spelled otherwise may be meant ("Mahra": a village, and Yemen's Al Mahrah)
            own = [c for c in looked[t] if c.matched_by == "name"]
            hamlets = own and all(c.kind == "city" and c.population < UNTAGGED_MIN_POPULATION for c in own)
            if not own or hamlets:
                looked[t] = looked[t] + [c for c in gaz.lookup(bare or t, loose=True)
                                         if c.matched_by == "skeleton" and _spelled_alike(c, bare or t)
                                         and (not hamlets or c.kind == "admin1")]
    dateline_country = next((c.country for c in gaz.lookup(dateline_place)[:1]), None) if dateline_place else None
    chosen = resolve([Name(t, n, loose is None or t in loose) for t, n in counts.items()], looked, dateline_country)
    return {t: chosen[spelling[t]] for t in spelling}


def _spelled_alike(c: Candidate, name: str, alike: int = SPELLED_ALIKE) -> bool:
    """A place found by its consonants that is another spelling of the name: a division or
    a town of some size whose name differs from it in a letter or two ("Shabwa" for
    Shabwah, "Hadhramaut" for Hadramawt; not "Farrin" for France, "Iranian" for Irvine)."""
    from rapidfuzz.fuzz import ratio

    return (c.kind == "admin1" or c.kind == "city" and c.population >= UNTAGGED_MIN_POPULATION) \
        and ratio(name_key(c.name), name_key(name)) >= alike


def _name_of(place: Place) -> str:
    """The name as the article writes it most often ("Hama", not GeoNames' "Ḩamāh"); a
    dateline's capitals give way to the gazetteer's spelling."""
    written = Counter(m.text for m in place.mentions if not m.text.isupper())
    if written:
        return max(written, key=lambda t: (written[t], -next(i for i, m in enumerate(place.mentions) if m.text == t)))
    if place.candidate is not None and place.candidate.name.isascii():
        return place.candidate.name
    return place.mentions[0].text.title()


def _division_name(gaz: Gazetteer, c: Candidate | None) -> str | None:
    if c is None or c.kind == "country":
        return None
    if c.kind == "admin1":
        return c.name
    division = gaz.division(c.country, c.admin1)
    return division.name if division else None


def _mentions(doc: Doc, text: str, lex: Lexicon, demonyms: CountryIndex, gaz: Gazetteer,
              dateline: Dateline | None) -> list[Mention]:
    starts: list[int] = []  # kept mentions never overlap: sorted starts and ends suffice
    ends: list[int] = []
    found: list[Mention] = []
    ents = doc.ents  # which spaCy makes anew on each access

    def add(start: int, end: int, tagged: bool) -> None:
        start, end = _hyphen_joined(text, start, end, gaz)
        i = bisect_left(starts, start)
        if i > 0 and ends[i - 1] > start or i < len(starts) and starts[i] < end:
            return
        starts.insert(i, start)
        ends.insert(i, end)
        found.append(Mention(start, end, text[start:end], tagged, lex.feature_after(text, end)))

    if dateline is not None:  # kept only when the gazetteer places it ("THE PRESIDENT:" is no dateline)
        # where a report was filed is a place as surely as the tagger would say, however
        # small the town ("SAKE, Democratic Republic of Congo —")
        add(dateline.start, dateline.end, bool(gaz.lookup(dateline.place)))
    # the names an extra place may not be found inside: a person's, an organisation's, or a
    # longer place the gazetteer knows ("Kordofan" of "South Kordofan", a division)
    names = SpanIndex((e.start_char, e.end_char, e) for e in ents if e.label_ in NAME_LABELS
                      or e.label_ in PLACE_LABELS and len(e) > 1 and gaz.lookup(e.text))
    for match in lex.extra_names.finditer(text):  # "the Rafah crossing", "the Gaza Strip"
        if not any(s < match.start() or e > match.end() for s, e, _ in names.overlapping(*match.span())):
            add(match.start(), match.end(), True)  # not inside a longer name: "Al-Aqsa Martyrs' Brigades"
    non_places = lex.title_words
    for ent in ents:
        span = _without_article(ent)
        if span is None or ent.label_ in COUNTED_LABELS or demonyms.demonym(span.text):
            continue
        if len(span) == 1 and span[0].tag_ in ("NNS", "NNPS") and span[0].lemma_.lower() in non_places:
            continue  # "— Gunmen abducted ...": the tagger's place is the plural of an actor's head
        if ent.label_ in PLACE_LABELS:
            span = _whole_name(span, gaz)
        if ent.label_ in PLACE_LABELS:
            add(span.start_char, span.end_char, True)
        elif lex.feature_after(text, span.end_char) or _listed_with_a_place(span):
            add(span.start_char, span.end_char, False)  # "the Tsuen Wan district", "Jizan, Najran, and Dhahran"
        elif len(span) > 1 and span.start and doc[span.start - 1].lower_ in lex.place_leads \
                and not any(t.lower_ in NAME_BREAKS for t in span):  # "Omsk in Siberia": read word by word below
            # "displaced from Tal Afar", tagged an organisation: a place if the gazetteer has a
            # town of that name in a country the article names (_in_the_article_countries);
            # "the village of Gidan Dawa", tagged a work of art, whatever the gazetteer knows
            add(span.start_char, span.end_char, _called_a_place(doc, span[0], lex))
    # names the tagger missed or mislabelled: single proper nouns outside longer names
    entity_length = {i: len(ent) for ent in ents for i in range(ent.start, ent.end)}
    broken = {i for ent in ents if any(t.lower_ in NAME_BREAKS for t in ent) for i in range(ent.start, ent.end)}
    for token in tokens_with(doc, pos=("PROPN",)):  # the proper nouns only: Token objects cost
        if not token.text[:1].isupper() or not (token.is_alpha or APOSTROPHE_NAME.fullmatch(token.text)):
            continue
        country = _a_country(gaz, token.text)  # "the DPRK", "eastern DRC": a country whatever the tagger said
        if token.is_upper and len(token) <= 5 and not country:
            continue  # "SANA", "QNA": acronyms of agencies, not Sanaa or Qina
        if token.lower_ in non_places:
            continue  # "Minister", "General": titles, not Minster (Ohio)
        if lex.feature_after(text, token.idx + len(token.text)) == "facility" and token.ent_type_ not in ("ORG", "NORP") \
                and entity_length.get(token.i, 1) == 1 and not demonyms.demonym(token.text):
            add(token.idx, token.idx + len(token.text), False)  # "the Arida border crossing", "the Kakhovka dam"
            continue
        if not token.ent_type_ and not country:
            if token.i and doc[token.i - 1].lower_ in lex.place_leads:
                run = _name_after_a_lead(doc, token, gaz)  # "fighting in Kyiv", "fled to Khan Younis"
                if run is not None:
                    add(*run, _called_a_place(doc, token, lex))
            continue  # otherwise only names the tagger saw as names, if not as places ("Daraa" as ORG)
        if token.ent_type_ in NAME_LABELS and entity_length.get(token.i, 1) > 1 and token.i not in broken:
            continue  # part of "the Syrian State News Agency", "Hassan Abdel Ghani"
        previous = doc[token.i - 1].lower_ if token.i else ""
        if demonyms.demonym(token.text):
            continue
        if token.ent_type_ == "PERSON" and previous not in lex.place_leads and not country:
            continue  # a one-word person, unless the words before it say place ("Hama and Homs") or it is a country
        if token.ent_iob_ == "I" and previous not in lex.place_leads:
            continue  # inside a longer name ("Operation Peace Spring"), unless listed: "Hama and Homs"
        # "the village of Djiguibombo", tagged an organisation: the words before say place
        add(token.idx, token.idx + len(token.text), _called_a_place(doc, token, lex))
    # a one-word name that a verb of taking or entering a place takes ("the rebels entered
    # Velnosk", "troops stormed Dornik"), or that an attack is on ("air strikes on Rafah"),
    # which the tagger missed or called a person
    for token in doc:
        if token.dep_ not in ("dobj", "nsubj", "pobj") or not token.text[:1].isupper():
            continue
        verb = token.head.lemma_.lower()
        on = token.dep_ == "pobj" and token.head.lower_ in ("on", "against") \
            and token.head.head.lemma_.lower() in lex.on_place_words  # "air strikes on Rafah"
        if (token.dep_ == "dobj" and (verb in lex.place_verbs or verb in lex.known_place_verbs)
                or token.dep_ == "nsubj" and verb in lex.subject_place_verbs or on) \
                and token.text[:1].isupper() \
                and token.is_alpha and token.ent_type_ in ("", "PERSON", "GPE", "LOC") \
                and entity_length.get(token.i, 1) == 1 and token.lower_ not in non_places \
                and not any(c.dep_ in ("compound", "amod", "det") for c in token.children) \
                and not demonyms.demonym(token.text):
            # "captured Kharkiv", "Kharkiv fell": untagged, so kept only as a town the gazetteer knows
            add(token.idx, token.idx + len(token.text), verb in lex.place_verbs)
    # a name the tagger found as a place once is a place where else the article writes it
    # ("reached the northern city of Kharkiv ... fleeing Kharkiv"), unless it is part of a
    # person's or an organisation's name there, or the first word of a longer name
    # (a dateline's capitals as the text writes the name: "SAKE, Congo —" ... "hit Sake")
    for written in {w for m in found if m.tagged and m.text[:1].isupper() and len(m.text) > 2
                    for w in (m.text, *([m.text.title()] if m.text.isupper() else []))}:
        start = text.find(written)
        while start >= 0:
            end = start + len(written)
            # (a name of two words or more that the tagger calls a person there, exactly it,
            # is the place all the same: "El Obeid" tagged once as a person)
            if _a_whole_name(text, start, end) and not any(
                    (s, e) != (start, end) or " " not in written for s, e, _ in names.overlapping(start, end)):
                add(start, end, True)
            start = text.find(written, end)
    return sorted(found, key=lambda m: m.start)


# a capitalised word joined to a name by a hyphen, with no space: "Kyzyl-Bel", "Ak-Sai"
HYPHEN_BEFORE = re.compile(r"(?:[A-Z][^\W\d_]*-)+$")
HYPHEN_AFTER = re.compile(r"(?:-[A-Z][^\W\d_]*)+")


def _hyphen_joined(text: str, start: int, end: int, gaz: Gazetteer) -> tuple[int, int]:
    """A name with the capitalised words a hyphen joins to it, which the tokenizer may have
    cut off ("Bel" of "the Kyzyl-Bel crossing", "Ak" and "Sai" of "Ak-Sai"): when the
    gazetteer knows the whole name, or none of its parts; not places joined ("the Iran-Iraq
    border", "Dallas-Fort Worth"), each a place of its own."""
    before = HYPHEN_BEFORE.search(text, max(0, start - 40), start)
    after = HYPHEN_AFTER.match(text, end)
    lo = before.start() if before and (before.start() == 0 or not text[before.start() - 1].isalnum()) else start
    hi = after.end() if after and (after.end() == len(text) or not text[after.end()].isalnum()) else end
    if (lo, hi) == (start, end):
        return start, end
    if gaz.lookup(text[lo:hi]) or not any(gaz.lookup(part) for part in text[lo:hi].split("-")):
        return lo, hi
    return start, end


def _after_a_title(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Whether the word right before the mention is an office or honorific written with a
    capital ("President Biden", "Foreign Minister Kuleba"), or an office the mention stands
    beside between commas ("its spokesman, Rahimzoda, said")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not span.start:
        return False
    before = doc[span.start - 1]
    if before.text[:1].isupper() and before.pos_ in ("PROPN", "NOUN") and before.lower_ in lex.title_words:
        return True
    return before.text == "," and span.start > 1 and doc[span.start - 2].lower_ in lex.title_words \
        and doc[span.start - 2].pos_ == "NOUN" and span.end < len(doc) and doc[span.end].text == ","


def _called_at(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Whether the words before a mention say it is a place ("the village of Djiguibombo"),
    whatever the tagger or the entities layer made of the name."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and _called_a_place(doc, span[0], lex)


def _called_a_place(doc: Doc, token: Token, lex: Lexicon) -> bool:
    """Whether the words before a name say it is a place, as surely as the tagger would:
    "the port of Hodeidah", "the town of Zuru" (a feature word, then "of")."""
    return token.i >= 2 and doc[token.i - 1].lower_ == "of" \
        and doc[token.i - 2].lower_ in lex.feature_meaning


def _whole_name(span: Span, gaz: Gazetteer) -> Span:
    """A place name the tagger cut short ("Republika" of "Republika Srpska", "Tal" of "Tal
    Afar"): the span with the one or two proper nouns right after it, when the gazetteer
    knows the longer name as a place's own or other name."""
    doc = span.doc
    for extra in (2, 1):
        tail = doc[span.end:span.end + extra]
        if len(tail) < extra or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail):
            continue
        longer = doc[span.start:span.end + extra]
        if any(c.matched_by in ("name", "alias") for c in gaz.lookup(longer.text)):
            return longer
    return span


def _name_after_a_lead(doc: Doc, token: Token, gaz: Gazetteer) -> tuple[int, int] | None:
    """The name the tagger left untagged after a word that leads into a place name ("in
    Kyiv", "to Khan Younis", "in Nagorno-Karabakh"), when the gazetteer knows it: the longest
    run of untagged proper nouns from `token` (joined by spaces or hyphens) that it knows,
    else None. A small town of that name is dropped later, as any untagged name is."""
    end = token.i + 1
    while end < len(doc) and end - token.i < 4:
        nxt = doc[end]
        if nxt.pos_ == "PROPN" and not nxt.ent_type_ and nxt.text[:1].isupper():
            end += 1
        elif nxt.text == "-" and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and doc[end + 1].pos_ == "PROPN" and not nxt.whitespace_:
            end += 2
        else:
            break
    for last in range(end, token.i, -1):
        span = doc[token.i:last]
        if span[-1].text == "-":
            continue
        if any(c.matched_by in ("name", "alias") for c in gaz.lookup(span.text)):
            return span.start_char, span.end_char
    return None


def _in_the_article_countries(doc: Doc, text: str, mentions: list[Mention], gaz: Gazetteer,
                              lex: Lexicon) -> list[Mention]:
    """The mentions, with names the tagger did not call a place, or called an organisation
    or a person after a word that leads into a place name, taken as places when the gazetteer knows them,
    by their own name or a spelling of it, as a town or a division of a country the article
    names: "the city of El Fasher" tagged as an organisation in an article on Sudan, "the
    Governors of Hadhramaut, Mahra, and Shabwa" in one on Yemen. Outside the article's
    countries such a name is too often a person's or a group's to be trusted."""
    # the countries the article names, by their names or those of their regions and divisions
    # ("Gaza", "Darfur", "Tigray")
    named = {c.country for m in mentions if m.tagged for c in gaz.lookup(m.text)[:1]
             if c.kind in ("country", "region", "admin1") and c.country}
    if not named:
        return mentions

    def in_named(name: str) -> bool:
        # a town by one of its names ("Khan Younis" for Khān Yūnis); a division also by a
        # spelling close to its own ("Mahra")
        return any(c.country in named and (
            c.matched_by in ("name", "alias") and (c.kind == "admin1" or c.kind == "city" and c.population >= UNTAGGED_MIN_POPULATION)
            or c.matched_by == "skeleton" and c.kind == "admin1" and _spelled_alike(c, name, CLOSE_SPELLING))
            for c in gaz.lookup(name, loose=len(name_key(name)) > 4))

    out = [Mention(m.start, m.end, m.text, True, m.feature) if not m.tagged and in_named(m.text) else m
           for m in mentions]
    taken = SpanIndex((m.start, m.end, m) for m in out)
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON") or len(ent) > 3:
            continue
        span = _without_article(ent)
        if span is None or not span.text[:1].isupper() or any(True for _ in taken.overlapping(span.start_char, span.end_char)):
            continue
        if not span.start or doc[span.start - 1].lower_ not in lex.place_leads:
            continue  # "the city of El Fasher", "fled to Khan Younis"; not "Chelsea won", "Clinton said"
        if in_named(span.text):
            out.append(Mention(span.start_char, span.end_char, span.text, True, lex.feature_after(text, span.end_char)))
    return sorted(out, key=lambda m: m.start)


def _a_whole_name(text: str, start: int, end: int) -> bool:
    """The name is written whole there: not inside a word ("Omanis" for Oman) nor the first
    words of a longer name ("Gaza City")."""
    if start and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return False
    return re.match(r"[ \t]+[A-Z][a-z]", text[end:end + 3]) is None


# the prefixes that make a place's name a side taken ("pro-Beijing", "anti-Kyiv"); the
# benchmarks count the name a toponym as they do a country that acts (`actor_countries`)
ALLEGIANCE = ("pro-", "anti-")


def _a_location(doc: Doc, text: str, m: Mention, candidate: Candidate | None, surnames: set[str],
                lex: Lexicon, actor_countries: bool = False) -> bool:
    """Whether a mention names a location, not a person who bears a city's name ("Sudesh
    Amman ... Amman said"), the country of an actor ("U.S. service members", "the US
    embassy in Baghdad": like "American", a country's name used as a modifier), or, unless
    `actor_countries`, a country that is itself the actor ("The United States condemns") or
    a side taken ("pro-Beijing candidates")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return True
    previous = doc[span.start - 1].lower_ if span.start else ""
    owned = span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s")
    if m.text in surnames and (previous not in lex.place_leads or owned):
        return False  # "Amman said"; and "handed the ransom to Gwaram's men", a lead before a person's possessive
    if not actor_countries and text[max(0, m.start - 5):m.start].lower().endswith(ALLEGIANCE):
        return False  # "ousting pro-Beijing candidates": a side taken, not where anything is
    root = span.root
    if candidate is not None and candidate.kind == "country" and root.dep_ in ("compound", "nmod", "amod") \
            and root.head.i >= span.end and not lex.feature_after(text, m.end) \
            and (root.head.pos_ == "NOUN" or not actor_countries and _a_title(root.head, lex)):
        return False  # "U.S. service members", "the DPRK government", "the U.S. Special Envoy"
    if candidate is not None and candidate.kind == "country" and not actor_countries and _acts(root):
        return False  # "The United States condemns", "sanctions imposed by Britain and Canada": an actor
    if candidate is not None and candidate.kind == "country" and not actor_countries and _addressed(root, lex):
        return False  # "we urge Sudan", "call on the DPRK", "diplomacy with Iran": spoken to, not a location
    return True


def _a_title(token: Token, lex: Lexicon) -> bool:
    """A capitalised common noun or office a country's name modifies ("the Acting U.S. Special
    Envoy", "the DPRK Ministry"), not a place it is part of ("Gaza Strip"). The benchmarks
    count such a modifier as a toponym (`actor_countries`), the contract's gold does not."""
    return token.pos_ == "PROPN" and token.ent_type_ not in PLACE_LABELS and token.lower_ in lex.title_words


def _addressed(token: Token, lex: Lexicon) -> bool:
    """Whether a country's name is the one a statement speaks to or works with: the object of
    a verb of addressing, or of a preposition after one (data/places/addressed.tsv)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ == "dobj":
        return (head.lemma_.lower(), "object") in lex.addressed
    if token.dep_ == "pobj" and head.lower_ in ("on", "with", "between") and head.head.i != head.i:
        return (head.head.lemma_.lower(), head.lower_) in lex.addressed
    return False


def _acts(token: Token) -> bool:
    """Whether a country's name is the one who acts: the subject of an active verb ("The
    United States is imposing sanctions", "The DRC and Rwanda have expressed support"), or
    the agent of a passive one ("taken today by the United Kingdom and Canada")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "nsubj" and token.head.pos_ in ("VERB", "AUX"):
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _surnames(record: dict[str, Any]) -> set[str]:
    return {e["name"].split()[-1] for e in record.get("entities", [])
            if e["type"] == "PERSON" and len(e["name"].split()) > 1}


def _listed_with_a_place(span: Span) -> bool:
    """A name in a list with a place the tagger saw: "Jizan, Najran, and Dhahran"."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [c for c in root.children if c.dep_ == "conj"]
    return any(t.ent_type_ in ("GPE", "LOC") for t in linked)


def _a_country(gaz: Gazetteer, name: str) -> bool:
    found = gaz.lookup(name)
    return bool(found) and found[0].kind == "country"


def _an_actor_word(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Whether a mention is one word whose lemma is a title or an actor's head ("Gunmen")."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    word = span[0].lower_
    return bool({span[0].lemma_.lower(), word, one_of(word)} & lex.title_words)


def _bodies(record: dict[str, Any]) -> SpanIndex:
    """Where the entities layer named organisations, by their mentions' spans (not groups,
    which it also names by a description: "Oxford residents")."""
    return SpanIndex((m["start"], m["end"], e["id"]) for e in record.get("entities", [])
                     if e["type"] == "ORG" for m in e.get("mentions", []))


def _named_actors(record: dict[str, Any]) -> set[str]:
    """Names and mentions of people and organisations, which the tagger sometimes calls places."""
    return {m["text"] for e in record.get("entities", []) if e["type"] in ("PERSON", "ORG", "GROUP")
            for m in e.get("mentions", [])}


def _without_article(ent: Span) -> Span | None:
    """The name without a leading article or a trailing possessive ("Hong Kong's")."""
    span = ent
    while len(span) and span[0].lower_ in ("the", "a"):
        span = span[1:]
    while len(span) and span[-1].lower_ in ("'s", "’s", "'", "’"):
        span = span[:-1]
    return span if len(span) else None
