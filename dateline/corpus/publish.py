"""The links record kept as tables (store/corpus.py) for the pages, the API and the exports.

Making the links record for every page view would read the whole store each time, so it
is written as tables after linking (by `ingest`, `reextract`, `relink`, `links`, `story`
and `export`, and by the server when it finds the tables older than the links).

Linking a document changes a few groups, and notes each in `links_changes` as it changes
it (store/links.py): publishing then writes again the rows of those groups alone, made by
the per-group functions the whole links record is made with (record.groups), and counts
again the track record, lookups and actor summaries for the speakers, outlets, names and
actors those rows name. A name form a document adds may give an actor, or a fuller name,
to a name that published groups show; those groups are found through indexes too
(links_unresolved, links_speakers) and written again. The whole store is
written again only when asked (`relink`), after a relink's clear, and when the tables were
never written or were written under another schema.
"""
from __future__ import annotations

import logging

from ..settings import Settings
from ..store import Store, migrate
from ..store import corpus as views
from ..store.links import LinkTables
from .actors import Actors
from .link import Linker
from .names import Name, Names, same
from .record import groups

LOGGER = logging.getLogger(__name__)


def publish(store: Store, settings: Settings | None = None, *, linker: Linker | None = None,
            force: bool = False) -> bool:
    """Bring the tables up to date with the links, in one transaction: the groups changed
    since they were written, or all of them when `force` is set or the tables cannot be
    brought up to date group by group. True when anything was written."""
    linker = linker or Linker(settings)
    schema = migrate.latest()

    def work(tables: LinkTables) -> bool:
        conn = tables.conn
        at = views.stamp(conn)
        changes = tables.changes()
        whole = force or bool(changes["all"]) or not views.tracked(conn, schema)
        if not whole and views.published_stamp(conn) == at and not any(changes.values()):
            return False

        resolver = _Resolver(tables, linker.lex.names)
        if whole:
            counts = views.write(conn, groups(tables, linker.lex), resolver, at, schema)
            LOGGER.info("published the links record: %s", counts)
        else:
            texts = tables.forms_text(changes["form"] | changes["seen"])
            keys = tables.forms_keys(changes["form"] | changes["seen"])
            forms = changes["form"] | {f for f in changes["seen"] if _tied(tables, f, texts, keys)}
            dirty = set(changes["group"]) | _renamed(tables, linker, forms, texts, keys)
            actors = {int(a) for a in changes["actor"]}
            counts = views.update(conn, dirty, groups(tables, linker.lex, dirty), resolver, actors, at, schema)
            LOGGER.info("published the changed groups of the links record: %s", counts)
        tables.forget_changes()
        return True

    return store.linking(work)


def _tied(tables: LinkTables, form: str, texts: dict[str, tuple[str, str | None]],
          keys: dict[str, set[str]]) -> bool:
    """Whether seeing a known form again may change a speaker's fullest name: only where it
    is as long as another name the speaker may be (Actors.canonical then takes the one seen
    most: "Erdoğan" or "Erdogan"). Two names a speaker's name is the same as share a key
    with it and, being alike (a surname, an acronym, words in common), with each other: the
    other name is looked for among the forms that share a key with this one. `texts` and
    `keys`: what the store holds of the forms changed (LinkTables.forms_text, forms_keys)."""
    found = texts.get(form)
    if found is None:
        return False
    text = found[0]
    return any(other != form and len(other_text) == len(text) and other_text != text
               for other, _, other_text, _, _ in tables.forms_by_keys(keys.get(form, set())))


def _renamed(tables: LinkTables, linker: Linker, forms: set[str], texts: dict[str, tuple[str, str | None]],
             keys: dict[str, set[str]]) -> set[str]:
    """The published groups a change of these name forms (learned, or seen again) may
    change: those with a name of one of them that had no actor, and the claims whose
    speaker's fullest name (Actors.canonical) is now another. A form can only become the
    fullest name of a speaker it is the same as (names.same), whose name shares a key with
    it: the claims are found by the keys of their speakers' names (links_speakers), and
    only those whose name did change are kept."""
    if not forms:
        return set()
    conn = tables.conn
    out = views.unresolved(conn, forms)
    names = linker.lex.names
    changed: dict[str, list[Name]] = {}  # by key: two names that may be one share a key (Name.keys)
    for form in forms:
        if (found := texts.get(form)) is not None:
            name = names.name(*found)
            for key in name.keys():
                changed.setdefault(key, []).append(name)
    actors = Actors(tables, names)
    for text, type in views.speaker_names(conn, {k for form in forms for k in keys.get(form, set())}):
        name = names.name(text, type)
        if any(same(name, other) for key in name.keys() for other in changed.get(key, ())):
            out |= views.renamed(conn, min(name.keys()), text, type, actors.canonical(text, type))
    return out


class _Resolver:
    """The names of reports resolved through corpus/names.py and the actors table."""

    def __init__(self, tables: LinkTables, names: Names):
        self.tables = tables
        self.names = names

    def actor(self, text: str, type: str | None) -> tuple[str | None, int | None]:
        form = self.names.name(text, type).form
        return (form, self.tables.actor_of_form(form)) if form else (None, None)

    def keys(self, text: str, type: str | None) -> set[str]:
        return self.names.name(text, type).keys()
