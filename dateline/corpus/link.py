"""Linking a document into the store, and linking the whole store again.

A new document's event mentions, statements and figures become items (items.py). Each
item looks up its candidates through the index of keys (an event's family and days, a
speaker's name keys, a figure's category and days), never the whole store, and is paired
with those it is alike enough to (events.py, claims.py, figures.py). Groups are the
connected parts of these pairs: a linked event, a claim, a count. Since a pair is judged
from its two items alone and groups are connected parts, the groups do not depend on the
order the documents came in: linking them one by one, in any order, or all again with
`relink`, gives the same groups.

The groups a document touches are then judged again (judge.py): their contradictions,
and the status of the claims whose evidence they may be. All of it is one transaction per
document, so a run killed while linking leaves each document linked or not at all, and
the next ingest or relink links those not linked.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from ..resources import Resources
from ..settings import Settings
from ..store import Store
from ..store.links import LinkTables, Ref, ref_name
from . import claims, events, figures
from .actors import Actors
from .judge import Judge
from .items import Reader
from .lexicon import Lexicon, lexicon

LOGGER = logging.getLogger(__name__)
KINDS = ("event", "statement", "figure")
MAX_CLUSTERED = 80  # members of a part clustered pairwise (a part is almost always far smaller)


class Linker:
    """Links documents of a store with one set of settings and data files."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.resources = Resources(self.settings)
        self.lex: Lexicon = self.resources.get(lexicon)
        self.reader = Reader(self.resources, self.lex, self.settings.link_window)
        self.bars = {"event": self.settings.link_events, "statement": self.settings.link_claims, "figure": 1.0}

    # one document -----------------------------------------------------------------------

    def link(self, store: Store, doc: str) -> bool:
        """Link one stored document (in one transaction); False when it was linked already."""
        return store.linking(lambda tables: self._link(tables, doc))

    def _link(self, tables: LinkTables, doc: str) -> bool:
        if tables.is_linked(doc):
            return False
        record = tables.record(doc)
        if record is None:
            return False
        new: list[tuple[str, Ref, dict[str, Any], set[str]]] = []
        for kind, item_id, item in self.reader.items(record):
            keys = self._keys(kind, item, doc)
            tables.add_item(doc, item_id, kind, item, [(kind, k) for k in keys] + self._extra_keys(kind, item))
            new.append((kind, (doc, item_id), item, keys))
        Actors(tables, self.lex.names).learn(record)
        parts: dict[str, set[str]] = {k: set() for k in KINDS}
        for kind, ref, item, keys in new:
            pairs = []
            for other, _, candidate in tables.candidates(kind, keys):
                if other == ref:
                    continue
                like = self._likeness(kind, item, candidate)
                if like is not None and like >= self.bars[kind]:
                    pairs.append((ref, other, like))
            tables.add_pairs(pairs)
            joined = {tables.part_of(other) for _, other, _ in pairs} | {tables.part_of(ref)}
            name = min(joined)
            tables.join_parts(joined, name)
            parts[kind] = (parts[kind] - joined) | {name}
        touched = {kind: self._regroup(tables, kind, found) for kind, found in parts.items()}
        Judge(tables, self.lex, self.settings).judge(touched)
        tables.mark_linked(doc)
        return True

    def _regroup(self, tables: LinkTables, kind: str, parts: Iterable[str]) -> set[str]:
        """Make the groups of each part again; the groups made and those undone. A claim
        or a count is its part (what one speaker says alike, what counts one thing);
        event mentions are clustered, since a chain of alike mentions may join two
        happenings that no pair of reports says are one."""
        touched: set[str] = set()
        for part in parts:
            touched |= tables.groups_in_part(part)
            if kind != "event":
                tables.group_as_part(part)
                touched.add(part)
                continue
            members = tables.part_members(part)
            for group in self._clusters(kind, [(ref, item) for ref, _, item in members]):
                name = ref_name(min(group))
                tables.set_group(group, name)
                touched.add(name)
        tables.forget_judgements(touched)
        return touched

    def _clusters(self, kind: str, members: list[tuple[Ref, dict[str, Any]]]) -> list[list[Ref]]:
        """The groups of a part: average-link clustering of its members, in the order of
        their refs, never joining two clusters that hold a pair that cannot be one
        (incompatible dates, places, speakers). A function of the members alone, so the
        groups do not depend on the order the documents came in."""
        if len(members) == 1:
            return [[members[0][0]]]
        if len(members) > MAX_CLUSTERED:  # too long to cluster pairwise: its pairs decide
            return [[ref for ref, _ in members]]
        n = len(members)
        like: list[list[float | None]] = [[None] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                like[i][j] = like[j][i] = self._likeness(kind, members[i][1], members[j][1])
        clusters = [[i] for i in range(n)]
        bar = self.bars[kind]
        while True:
            best, pick = None, None
            for x in range(len(clusters)):
                for y in range(x + 1, len(clusters)):
                    cross = [like[i][j] for i in clusters[x] for j in clusters[y]]
                    if any(c is None for c in cross):
                        continue
                    score = sum(cross) / len(cross)
                    if score >= bar and (best is None or score > best):
                        best, pick = score, (x, y)
            if pick is None:
                break
            x, y = pick
            clusters[x] = sorted(clusters[x] + clusters[y])
            del clusters[y]
        return [[members[i][0] for i in cluster] for cluster in clusters]

    def again(self, store: Store, doc: str) -> None:
        """Link a document whose record was made again (re-extraction, new metadata)."""
        self.unlink(store, doc)
        self.link(store, doc)

    def unlink(self, store: Store, doc: str) -> None:
        """Take a document out of every group (before it is linked again, re-extracted):
        the groups it was in are made again from the pairs that remain."""
        store.linking(lambda tables: self._unlink(tables, doc))

    def _unlink(self, tables: LinkTables, doc: str) -> None:
        parts, _ = tables.forget_document(doc)
        touched: dict[str, set[str]] = {k: set() for k in KINDS}
        for part in parts:
            members = tables.part_members(part)
            if not members:
                continue
            kind = tables.item(members[0][0])[0]
            refs = [ref for ref, _, _ in members]
            for piece in _connected(refs, tables.pairs_among(refs)):
                name = ref_name(min(piece))
                tables.set_part(piece, name)
                touched[kind] |= self._regroup(tables, kind, [name])
        Judge(tables, self.lex, self.settings).judge(touched)

    # the whole store --------------------------------------------------------------------

    def pending(self, store: Store, progress: Callable[[int], None] | None = None) -> int:
        """Link every stored document not linked yet (a killed run's, an older store's)."""
        done = 0
        for doc in store.linking(lambda tables: tables.unlinked()):
            done += self.link(store, doc)
            if progress:
                progress(1)
        return done

    def relink(self, store: Store, progress: Callable[[int], None] | None = None) -> int:
        """Forget every link and link every document again, oldest first."""
        store.linking(lambda tables: tables.clear())
        return self.pending(store, progress)

    # ------------------------------------------------------------------------------------

    def _keys(self, kind: str, item: dict[str, Any], doc: str) -> set[str]:
        if kind == "event":
            return events.keys(item, doc)
        if kind == "statement":
            return claims.keys(item, self.lex.names)
        return figures.keys(item, doc)

    def _extra_keys(self, kind: str, item: dict[str, Any]) -> list[tuple[str, str]]:
        """Keys by which a claim that something holds and the change that may refute it meet."""
        if kind == "statement" and self.lex.holds(item["content"]):
            return [("holding", c) for c in holding_countries(item)]
        if kind == "event" and item["family"] in self.lex.changes:
            return [("change", p["country"]) for p in item["places"] if p.get("country")] or [("change", "")]
        return []

    def _likeness(self, kind: str, a: dict[str, Any], b: dict[str, Any]) -> float | None:
        if kind == "event":
            return events.likeness(a, b, self.lex.names)
        if kind == "statement":
            return claims.likeness(a, b, self.lex.names)
        return figures.likeness(a, b)


def holding_countries(statement: dict[str, Any]) -> list[str]:
    """Where a holding claim is about: the countries of its places, else of its article."""
    return sorted({p["country"] for p in statement["places"] if p.get("country")}) or statement.get("area") or [""]


def _connected(refs: Iterable[Ref], pairs: Iterable[tuple[Ref, Ref]]) -> list[list[Ref]]:
    """The connected parts of a graph, each a list of its nodes."""
    parent = {r: r for r in refs}

    def root(r: Ref) -> Ref:
        while parent[r] != r:
            parent[r] = parent[parent[r]]
            r = parent[r]
        return r

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    parts: dict[Ref, list[Ref]] = {}
    for r in parent:
        parts.setdefault(root(r), []).append(r)
    return list(parts.values())
