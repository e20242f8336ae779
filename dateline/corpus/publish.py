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
(links_unresolved, the statements' speaker keys) and written again. The whole store is
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
from .record import groups

LOGGER = logging.getLogger(__name__)


def publish(store: Store, settings: Settings | None = None, *, linker: Linker | None = None,
            force: bool = False) -> bool:
    """Bring the tables up to date with the links, in one transaction: the groups changed
    since they were written, or all of them when `force` is set or the tables cannot be
    brought up to date group by group. True when anything was written."""
    linker = linker or Linker(settings)
    names = linker.lex.names
    schema = migrate.latest()

    def work(tables: LinkTables) -> bool:
        conn = tables.conn
        at = views.stamp(conn)
        changes = tables.changes()
        whole = force or bool(changes["all"]) or not views.tracked(conn, schema)
        if not whole and views.published_stamp(conn) == at and not any(changes.values()):
            return False

        def actor_of(text: str, type: str | None) -> tuple[str | None, int | None]:
            form = names.name(text, type).form
            return (form, tables.actor_of_form(form)) if form else (None, None)

        if whole:
            counts = views.write(conn, groups(tables, linker.lex), actor_of, at, schema)
            LOGGER.info("published the links record: %s", counts)
        else:
            dirty = set(changes["group"]) | _renamed(tables, linker, changes["form"])
            actors = {int(a) for a in changes["actor"]}
            counts = views.update(conn, dirty, groups(tables, linker.lex, dirty), actor_of, actors, at, schema)
            LOGGER.info("published the changed groups of the links record: %s", counts)
        tables.forget_changes()
        return True

    return store.linking(work)


def _renamed(tables: LinkTables, linker: Linker, forms: set[str]) -> set[str]:
    """The published groups a change of these name forms (learned, or seen again) may
    change: those with a name of one of them that had no actor, and the claims whose
    speaker's fullest name (Actors.canonical) is now another. The claims are found through
    the statements' index of speaker keys, and only those whose name did change are kept."""
    if not forms:
        return set()
    conn = tables.conn
    out = views.unresolved(conn, forms)
    keys: set[str] = set()
    for form in forms:
        keys |= tables.form_keys(form)
    actors = Actors(tables, linker.lex.names)
    named: dict[tuple[str, str | None], str] = {}
    for grp in tables.statements_keyed(keys) - out:
        published = views.published_speaker(conn, grp)
        if published is None:  # not published: a group changed since, written anyway
            continue
        speaker, first = published
        found = tables.item(first)
        said = (found[2].get("speaker") or {}) if found else {}
        if not said.get("name"):
            continue  # "(unknown)" has no fuller name
        key = (said["name"], said.get("type"))
        if key not in named:
            named[key] = actors.canonical(*key)
        if named[key] != speaker:
            out.add(grp)
    return out
