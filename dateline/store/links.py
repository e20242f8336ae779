"""The corpus layer's queries: the link tables of migration 3, read and written inside the
caller's transaction (`Store.linking`). Candidates are found through `link_keys`, members
through `link_items.grp`: no query here reads the whole store except those that say so
(`all_items`, `unlinked`, the relink's `clear`).

Whatever changes a group (its members, its judgement) or an actor's names is noted in
`links_changes` by the method that changes it, in the same transaction, so that publishing
(corpus/publish.py) writes again only what changed.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .dialect import Connection

Ref = tuple[str, str]  # (document key, item id)
# Linking a story's next report reads its earlier reports' items again (they are its
# candidates and its groups' members): each item's data is decoded once per process and the
# one dict shared, so an item read from here is never changed by its reader.
DECODED_AT_MOST = 20_000
IN_AT_MOST = 400  # values one `IN (...)` asks for (`_batches`)


@lru_cache(maxsize=DECODED_AT_MOST)
def decoded(data: str) -> dict[str, Any]:
    """The item stored as `data` (JSON), decoded once while the process holds it: every
    reader shares the one dict, and none may change it."""
    return json.loads(data)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ref_name(ref: Ref) -> str:
    """A group's name: its first member as "key/V3"."""
    return f"{ref[0]}/{ref[1]}"


def sharing(keyed: dict[str, list[tuple[Ref, str, dict[str, Any]]]], keys: Iterable[str]
            ) -> list[tuple[Ref, str, dict[str, Any]]]:
    """The items of `keyed` (what `LinkTables.keyed` read) under any of `keys`, each once, in
    the order of the keys and then of their refs."""
    out: dict[Ref, tuple[Ref, str, dict[str, Any]]] = {}
    for key in sorted(set(keys)):
        for found in keyed.get(key, ()):
            out.setdefault(found[0], found)
    return list(out.values())


class LinkTables:
    """The link tables over one connection."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.dialect = conn.dialect
        # each item's part as read in this transaction (linking asks again and again for the
        # same candidates'); a write of parts forgets what it may change
        self._parts: dict[Ref, str | None] = {}
        # what changed, written to links_changes in one statement when read or when the
        # transaction ends (Store.linking calls flush), rather than one per change
        self._changes: set[tuple[str, str]] = set()
        self._last_actor: int | None = None  # the largest actor number, once read (writers take turns)

    # documents --------------------------------------------------------------------------

    def is_linked(self, doc: str) -> bool:
        return self.conn.execute("SELECT 1 FROM linked_documents WHERE doc = ?", (doc,)).fetchone() is not None

    def mark_linked(self, doc: str) -> None:
        self.conn.execute(self.dialect.replace("linked_documents", ("doc", "linked_at"), ("doc",)), (doc, _now()))

    def unmark_linked(self, doc: str) -> None:
        self.conn.execute("DELETE FROM linked_documents WHERE doc = ?", (doc,))

    def items_of(self, doc: str, kind: str | None = None) -> list[tuple[str, str, dict[str, Any]]]:
        """(kind, group, item) of a document's items, or of its items of one kind."""
        if kind is not None:
            return [(kind, grp, decoded(data)) for grp, data in self.conn.execute(
                "SELECT grp, data FROM link_items WHERE doc = ? AND kind = ? ORDER BY item", (doc, kind))]
        return [(kind, grp, decoded(data)) for kind, grp, data in self.conn.execute(
            "SELECT kind, grp, data FROM link_items WHERE doc = ? ORDER BY item", (doc,))]

    def unlinked(self) -> list[str]:
        """Documents stored but not linked, oldest publication first."""
        return [r[0] for r in self.conn.execute(
            "SELECT key FROM documents WHERE key NOT IN (SELECT doc FROM linked_documents) "
            "ORDER BY published IS NULL, published, key")]

    def record(self, doc: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT record FROM documents WHERE key = ?", (doc,)).fetchone()
        return json.loads(row[0]) if row else None

    def clear(self) -> None:
        """Forget every link (a relink makes them again)."""
        for table in ("link_items", "link_keys", "link_pairs", "link_judgements", "linked_documents",
                      "actor_names", "actors"):
            self.conn.execute(f"DELETE FROM {table}")
        self._parts.clear()
        self._last_actor = None
        self.changed("all", [""])  # groups that are not made again would be missed one by one

    # items and keys ---------------------------------------------------------------------

    def add_items(self, doc: str, items: Iterable[tuple[str, str, dict[str, Any], Iterable[tuple[str, str]]]]
                  ) -> list[dict[str, Any]]:
        """A document's items, (item id, kind, item, index keys) each, written together (a
        store on a server is a round trip away); each begins as a part and a group of its own.
        A record that repeats an item id keeps the first: one item, one place. Returns the
        items as read from here from now on (`decoded`), in the order given; a repeat as given."""
        rows, keys, out = {}, [], []
        for item, kind, data, found in items:
            if item not in rows:
                name = ref_name((doc, item))
                rows[item] = (doc, item, kind, name, name, json.dumps(data, ensure_ascii=False))
                keys += [(k, key, doc, item) for k, key in found]
                out.append(decoded(rows[item][5]))
            else:
                out.append(data)
        self.conn.executemany("INSERT INTO link_items (doc, item, kind, part, grp, data) VALUES (?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT DO NOTHING", list(rows.values()))
        self.conn.executemany("INSERT INTO link_keys (kind, key, doc, item) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                              keys)
        # the linker asks for each one's part next (a document's items are forgotten before it
        # is linked again, so each is new here, with a part of its own)
        self._parts.update(((doc, item), row[3]) for item, row in rows.items())
        self.changed("group", [row[3] for row in rows.values()])
        return out

    def candidates(self, kind: str, keys: Iterable[str]) -> list[tuple[Ref, str, dict[str, Any]]]:
        """(ref, group, item) of the items that share one of `keys` of this kind."""
        keys = set(keys)
        return sharing(self.keyed(kind, keys), keys)

    def keyed(self, kind: str, keys: Iterable[str]) -> dict[str, list[tuple[Ref, str, dict[str, Any]]]]:
        """The items under each of `keys` of this kind, as (ref, group, item) in the order of
        their refs: the candidates of all of a document's new items, read in one question
        and picked out for each by `sharing`."""
        under: list[tuple[str, Ref]] = []
        read: dict[Ref, tuple[Ref, str, dict[str, Any]]] = {}
        for chunk, marks in _batches(keys):
            # one question: an item under several keys (an event under each week of its
            # window) comes once per key, its data decoded once (`decoded`)
            for key, doc, item, part, grp, data in self.conn.execute(
                    f"SELECT k.key, i.doc, i.item, i.part, i.grp, i.data FROM link_keys k JOIN link_items i "
                    f"ON i.doc = k.doc AND i.item = k.item WHERE k.kind = ? AND k.key IN ({marks})", (kind, *chunk)):
                ref = (doc, item)
                under.append((key, ref))
                if ref not in read:
                    read[ref] = (ref, grp, decoded(data))
                    self._parts[ref] = part  # the linker asks for it next: a round trip saved
        out: dict[str, list[tuple[Ref, str, dict[str, Any]]]] = {}
        for key, ref in sorted(under):
            if ref in read:
                out.setdefault(key, []).append(read[ref])
        return out

    def item(self, ref: Ref) -> tuple[str, str, dict[str, Any]] | None:
        """(kind, group, item) of one item."""
        row = self.conn.execute("SELECT kind, grp, data FROM link_items WHERE doc = ? AND item = ?", ref).fetchone()
        return (row[0], row[1], decoded(row[2])) if row else None

    def part_of(self, ref: Ref) -> str | None:
        if ref not in self._parts:
            row = self.conn.execute("SELECT part FROM link_items WHERE doc = ? AND item = ?", ref).fetchone()
            self._parts[ref] = row[0] if row else None
        return self._parts[ref]

    def part_members(self, part: str) -> list[tuple[Ref, str, dict[str, Any]]]:
        """(ref, group, item) of the members of a part."""
        return [((doc, item), grp, decoded(data)) for doc, item, grp, data in self.conn.execute(
            "SELECT doc, item, grp, data FROM link_items WHERE part = ? ORDER BY doc, item", (part,))]

    def members(self, grp: str) -> list[tuple[Ref, dict[str, Any]]]:
        return self.members_of([grp])[grp]

    def members_of(self, groups: Iterable[str]) -> dict[str, list[tuple[Ref, dict[str, Any]]]]:
        """The members of many groups (each as `members` gives them), in one query per 400."""
        wanted = sorted(set(groups))
        out: dict[str, list[tuple[Ref, dict[str, Any]]]] = {grp: [] for grp in wanted}
        for chunk, marks in _batches(wanted):
            for grp, doc, item, data in self.conn.execute(
                    f"SELECT grp, doc, item, data FROM link_items WHERE grp IN ({marks}) "
                    f"ORDER BY grp, doc, item", chunk):
                out[grp].append(((doc, item), decoded(data)))
        return out

    def groups_items(self, groups: Iterable[str]) -> Iterator[tuple[Ref, str, str, dict[str, Any]]]:
        """(ref, kind, group, item) of the members of these groups, by group and then ref, in
        one query per 400 groups."""
        for chunk, marks in _batches(groups):
            for grp, doc, item, kind, data in self.conn.execute(
                    f"SELECT grp, doc, item, kind, data FROM link_items WHERE grp IN ({marks}) "
                    f"ORDER BY grp, doc, item", chunk):
                yield (doc, item), kind, grp, decoded(data)

    def document_id(self, doc: str) -> str:
        """The record id of a document the items of which are linked (its key when it has none)."""
        row = self.conn.execute("SELECT data FROM link_items WHERE doc = ? LIMIT 1", (doc,)).fetchone()
        return (json.loads(row[0]).get("document") if row else None) or doc

    def all_items(self) -> Iterator[tuple[Ref, str, str, dict[str, Any]]]:
        """(ref, kind, group, item) of every item: for the whole links record only."""
        for doc, item, kind, grp, data in self.conn.execute(
                "SELECT doc, item, kind, grp, data FROM link_items ORDER BY grp, doc, item"):
            yield (doc, item), kind, grp, json.loads(data)

    # groups -----------------------------------------------------------------------------

    def add_pairs(self, pairs: Iterable[tuple[Ref, Ref, float]]) -> None:
        rows = [(*min(a, b), *max(a, b), like) for a, b, like in pairs if a != b]
        self.conn.executemany(self.dialect.replace("link_pairs", ("doc", "item", "other_doc", "other_item", "likeness"),
                                                   ("doc", "item", "other_doc", "other_item")), rows)

    def join_parts(self, parts: Iterable[str], to: str) -> None:
        parts = [p for p in set(parts) if p != to]
        gone = set(parts)  # what is known of the items' parts stays known, and true
        self._parts = {ref: to if part in gone else part for ref, part in self._parts.items()}
        for chunk, marks in _batches(parts):
            self.conn.execute(f"UPDATE link_items SET part = ? WHERE part IN ({marks})",
                              (to, *chunk))

    def set_part(self, refs: Iterable[Ref], part: str) -> None:
        refs = list(refs)
        self._parts.update((ref, part) for ref in refs)
        self.conn.executemany("UPDATE link_items SET part = ? WHERE doc = ? AND item = ?",
                              [(part, doc, item) for doc, item in refs])

    def part_size(self, part: str) -> int:
        return self.conn.execute("SELECT count(*) FROM link_items WHERE part = ?", (part,)).fetchone()[0]

    def latest_in_part(self, part: str, other_than: str) -> tuple[str, str, str] | None:
        """(publication day, document key, item) of the last member of a part in publication
        order, leaving out the members of one document; None when it has no other member."""
        row = self.conn.execute(
            f"SELECT coalesce({self.dialect.json_text('data', 'published')}, ''), doc, item FROM link_items "
            "WHERE part = ? AND doc != ? ORDER BY 1 DESC, 2 DESC, 3 DESC LIMIT 1", (part, other_than)).fetchone()
        return tuple(row) if row else None

    def groups_in_part(self, part: str) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT DISTINCT grp FROM link_items WHERE part = ?", (part,))}

    def group_as_part(self, part: str) -> None:
        """Every member of a part in one group, named as the part."""
        self.conn.execute("UPDATE link_items SET grp = part WHERE part = ? AND grp != part", (part,))
        self.changed("group", [part])

    def set_group(self, refs: Iterable[Ref], grp: str) -> None:
        self.conn.executemany("UPDATE link_items SET grp = ? WHERE doc = ? AND item = ?",
                              [(grp, doc, item) for doc, item in refs])
        self.changed("group", [grp])

    def pairs_among(self, refs: list[Ref]) -> list[tuple[Ref, Ref]]:
        """The pairs whose two items are both in `refs` (the members of groups being remade)."""
        wanted = set(refs)
        out = []
        for doc, item in wanted:
            for other_doc, other_item in self.conn.execute(
                    "SELECT other_doc, other_item FROM link_pairs WHERE doc = ? AND item = ?", (doc, item)):
                if (other_doc, other_item) in wanted:
                    out.append(((doc, item), (other_doc, other_item)))
        return out

    def forget_document(self, doc: str) -> set[str]:
        """Remove a document's items, keys and pairs; the parts they were in (to be remade)."""
        rows = self.conn.execute("SELECT DISTINCT part, grp FROM link_items WHERE doc = ?", (doc,)).fetchall()
        parts, groups = {r[0] for r in rows}, {r[1] for r in rows}
        self._parts.clear()
        self.conn.execute("DELETE FROM link_items WHERE doc = ?", (doc,))
        self.conn.execute("DELETE FROM link_keys WHERE doc = ?", (doc,))
        self.conn.execute("DELETE FROM link_pairs WHERE doc = ? OR other_doc = ?", (doc, doc))
        self.conn.execute("DELETE FROM linked_documents WHERE doc = ?", (doc,))
        self.forget_judgements(groups)
        return parts

    # judgements -------------------------------------------------------------------------

    def judge(self, judged: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """Keep what was judged of groups, as (group, kind, judgement); a group judged again
        alike (a claim whose evidence was near what changed) is not noted as changed, so
        nothing is published again for it."""
        rows = {grp: (kind, json.dumps(judgement, ensure_ascii=False)) for grp, kind, judgement in judged}
        for chunk, marks in _batches(rows):
            for grp, kind, text in self.conn.execute(
                    f"SELECT grp, kind, judged FROM link_judgements WHERE grp IN ({marks})", chunk):
                if rows[grp] == (kind, text):
                    del rows[grp]
        self.conn.executemany(self.dialect.replace("link_judgements", ("grp", "kind", "judged"), ("grp",)),
                              [(grp, kind, text) for grp, (kind, text) in sorted(rows.items())])
        self.changed("group", sorted(rows))

    def forget_judgements(self, groups: Iterable[str]) -> None:
        """Forget what was judged of groups whose members change (every group made, remade
        or undone passes here, so they are noted as changed)."""
        groups = sorted(set(groups))
        self.conn.executemany("DELETE FROM link_judgements WHERE grp = ?", [(g,) for g in groups])
        self.changed("group", groups)

    def judgements(self, groups: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
        """The judgement of each of these groups that has one (of every group when None: for
        the whole links record only)."""
        if groups is None:
            return {grp: json.loads(judged) for grp, judged in self.conn.execute("SELECT grp, judged FROM link_judgements")}
        out = {}
        for chunk, marks in _batches(groups):
            out.update((grp, json.loads(judged)) for grp, judged in self.conn.execute(
                f"SELECT grp, judged FROM link_judgements WHERE grp IN ({marks})", chunk))
        return out

    # actors -----------------------------------------------------------------------------

    def actor_of_form(self, form: str) -> int | None:
        return actors_of_forms(self.conn, [form]).get(form)

    def forms_written(self, forms: Iterable[str]) -> dict[str, tuple[int, str]]:
        """(actor, name) of each of these name forms the store knows."""
        return {form: (actor, name) for form, actor, name in _by_form(self.conn, forms, "actor, name")}

    def write_form(self, form: str, name: str) -> None:
        """Write a known name form's name anew (a barer writing of it: Actors.learn)."""
        self.conn.execute("UPDATE actor_names SET name = ? WHERE form = ?", (name, form))
        self.changed("form", [form])

    def seen_form(self, form: str, actor: int) -> None:
        """Count a known name form (of `actor`) seen once more."""
        self.conn.execute("UPDATE actor_names SET seen = seen + 1 WHERE form = ?", (form,))
        # its actor's aliases are ordered by how often each was seen, and the fullest name of
        # a speaker is, between names as long, the one seen most
        self.changed("actor", [str(actor)])
        self.changed("seen", [form])

    def forms_by_keys(self, keys: Iterable[str]) -> list[tuple[str, int, str, str | None, int]]:
        """(form, actor, name, type, seen) of the name forms indexed under any of `keys`."""
        keys = sorted(set(keys))
        if not keys:
            return []
        return [tuple(r) for r in self.conn.execute(
            f"SELECT n.form, n.actor, n.name, a.type, n.seen FROM link_keys k JOIN actor_names n ON n.form = k.item "
            f"JOIN actors a ON a.id = n.actor WHERE k.kind = 'actor' AND k.key IN ({', '.join('?' * len(keys))})",
            keys)]

    def forms_text(self, forms: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """Each known name form's barest writing (Actors.learn), and its actor's type."""
        out = {}
        for chunk, marks in _batches(forms):
            out.update((form, (name, type)) for form, name, type in self.conn.execute(
                f"SELECT n.form, n.name, a.type FROM actor_names n JOIN actors a ON a.id = n.actor WHERE n.form IN ({marks})",
                chunk))
        return out

    def forms_keys(self, forms: Iterable[str]) -> dict[str, set[str]]:
        """The index keys of each of these name forms (those `forms_by_keys` finds it by)."""
        # by the index of items (a form's keys are kept as those of an item of no document)
        out: dict[str, set[str]] = {}
        for chunk, marks in _batches(forms):
            for form, kind, key in self.conn.execute(  # through the index of (doc, item)
                    f"SELECT item, kind, key FROM link_keys WHERE doc = '' AND item IN ({marks})", chunk):
                if kind == "actor":
                    out.setdefault(form, set()).add(key)
        return out

    def add_actor(self, name: str, type: str | None) -> int:
        # numbered as SQLite numbers a rowid (one past the largest), written out so that
        # both stores give an actor the same number, a relink's too. The largest is read
        # once per transaction: writers take turns, so no other numbers one meanwhile.
        if self._last_actor is None:
            self._last_actor = self.conn.execute("SELECT coalesce(max(id), 0) FROM actors").fetchone()[0]
        self._last_actor += 1
        self.conn.execute("INSERT INTO actors (id, name, type) VALUES (?, ?, ?)", (self._last_actor, name, type))
        self.changed("actor", [str(self._last_actor)])
        return self._last_actor

    def add_form(self, form: str, actor: int, name: str, keys: Iterable[str]) -> None:
        self.conn.execute("INSERT INTO actor_names (form, actor, name, seen) VALUES (?, ?, ?, 1) "
                          "ON CONFLICT DO NOTHING", (form, actor, name))
        self.conn.executemany("INSERT INTO link_keys (kind, key, doc, item) VALUES ('actor', ?, '', ?) "
                              "ON CONFLICT DO NOTHING",
                              [(k, form) for k in keys])
        # the fullest name seen names the actor
        self.conn.execute("UPDATE actors SET name = ? WHERE id = ? AND length(name) < ?", (name, actor, len(name)))
        self.changed("actor", [str(actor)])
        self.changed("form", [form])

    def actors(self) -> Iterator[dict[str, Any]]:
        """Every actor with its names: for listings and filters."""
        names: dict[int, list[str]] = {}
        for actor, name in self.conn.execute("SELECT actor, name FROM actor_names ORDER BY seen DESC, name"):
            names.setdefault(actor, []).append(name)
        for actor, name, type in self.conn.execute("SELECT id, name, type FROM actors ORDER BY name"):
            yield {"id": actor, "name": name, "type": type, "aliases": names.get(actor, [])}

    # changes since the views were published ---------------------------------------------

    def changed(self, kind: str, names: Iterable[str]) -> None:
        """Note what changed (a group, an actor, a name form learned or seen again; 'all')
        for the next publishing."""
        self._changes.update((kind, n) for n in names)

    def flush(self) -> None:
        """Write the changes noted to links_changes (inside the transaction that made them)."""
        if self._changes:
            self.conn.executemany("INSERT INTO links_changes (kind, name) VALUES (?, ?) ON CONFLICT DO NOTHING",
                                  sorted(self._changes))
            self._changes.clear()

    def changes(self) -> dict[str, set[str]]:
        """What changed since the changes were last forgotten, by kind."""
        self.flush()
        out: dict[str, set[str]] = {"group": set(), "actor": set(), "form": set(), "seen": set(), "all": set()}
        for kind, name in self.conn.execute("SELECT kind, name FROM links_changes"):
            out.setdefault(kind, set()).add(name)
        return out

    def forget_changes(self) -> None:
        self._changes.clear()
        self.conn.execute("DELETE FROM links_changes")


def actors_of_forms(conn: Connection, forms: Iterable[str]) -> dict[str, int]:
    """The actor each folded name (corpus/names.py) is one of, for the forms that have one:
    one query for many, where a record's names or a page's are looked up together."""
    return dict(_by_form(conn, forms, "actor"))


def _by_form(conn: Connection, forms: Iterable[str], columns: str) -> Iterator[tuple]:
    """(form, *columns) of the rows of actor_names for these forms, asked 400 at a time."""
    for chunk, marks in _batches(forms):
        yield from conn.execute(f"SELECT form, {columns} FROM actor_names WHERE form IN ({marks})", chunk)


def _batches(values: Iterable[str]) -> Iterator[tuple[list[str], str]]:
    """The distinct values in order, IN_AT_MOST at a time, each batch with the marks of its
    `IN (...)`: a query asks for many rows at once, within the drivers' limits on parameters."""
    wanted = sorted(set(values))
    for start in range(0, len(wanted), IN_AT_MOST):
        chunk = wanted[start:start + IN_AT_MOST]
        yield chunk, ", ".join("?" * len(chunk))
