"""Linking a document into the store, and linking the whole store again.

A new document's event mentions, statements and figures become items (items.py). Each
item looks up its candidates through the index of keys (an event's family and days, a
speaker's name keys, a figure's category and days), never the whole store, and is paired
with those it is alike enough to (events.py, claims.py, figures.py). Parts are the
connected pieces of these pairs; a count is its part, and a part of event mentions or
statements is clustered into linked events or claims (`_clusters`). Since a pair is
judged from its two items alone and a part's clusters from its members alone, the groups
do not depend on the order the documents came in: linking them one by one, in any order,
or all again with `relink`, gives the same groups.

The groups a document touches are then judged again (judge.py): their contradictions,
and the status of the claims whose evidence they may be. All of it is one transaction per
document, so a run killed while linking leaves each document linked or not at all, and
the next ingest or relink links those not linked.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from ..resources import Resources
from ..settings import Settings
from ..store import Store
from ..store.links import LinkTables, Ref, ref_name, sharing
from . import claims, events, figures
from .actors import Actors
from .judge import Judge
from .items import Reader
from .lexicon import Lexicon, lexicon
from .lifecycle import (answering_keys, awaiting_keys, change_keys, denials_met, evidence_for, failing_keys,
                        fulfilling_keys, going_on_keys, holding, holding_keys, unkept_met)

LOGGER = logging.getLogger(__name__)
KINDS = ("event", "statement", "figure")
MAX_CLUSTERED = 80  # members of a part clustered pairwise (a part is almost always far smaller)
# on the tuning half, lower shares joined more wrong pairs than right ones (0.8 joined
# wrong pairs only; the invented stories gained from 0.9 and 0.8, but not the tuning half)
LINKAGE = 1.0
# but two clusters whose closest pair is far above the bar (the same killing, at one place
# on one day, told by two outlets) hold together on a lower average: one article's
# cluster may hold mentions its own words join, that say little to another's (on the
# tuning half, a closest pair of 1.25 to 1.5 bars with 0.75 to 0.8 of it on average
# joined three right pairs and no wrong one; 0.7 joined wrong ones. At the bar of 0.375,
# the tuning half is the same from 1.1 to 1.7 bars, and the invented stories join 117
# right pairs and 59 wrong at 1.3 that 1.5 keeps apart: 1.1 and 1.2 more of both)
CLOSE = 1.3
LINKAGE_CLOSE = 0.75
ALIKE_AT_MOST = 20_000  # pairs' likeness kept (see Linker._alike): a few stories' parts, some MB
# two large clusters of event mentions join, if alike enough, though a few pairs across
# cannot be one (a place or a day one report gets wrong, two acts of one sentence): up to
# this share of their pairs. On the tuning half, 0.15 joined wrong pairs and 0.1 changed
# nothing; on the invented gold, 0.1 joined more right pairs than 0.05, and few wrong ones
CANNOT_SHARE = 0.1
# two denials of one speaker deny one happening on less: a denial names the act it denies
# briefly, with no place or day ("denied carrying out any strike in the area", "denied any
# involvement"). At this share of the event bar, the invented stories joined 7 more right
# claim pairs and 1 wrong; 0.5 did as well, 0.8 two fewer right (the tuning half: no change)
DENIED_SHARE = 0.7
SPAN_DAYS = 7  # the most days one happening's dated reports may span (a multi-day assault)


class Linker:
    """Links documents of a store with one set of settings and data files."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings.from_env()
        self.resources = Resources(self.settings)
        self.lex: Lexicon = self.resources.get(lexicon)
        self.reader = Reader(self.lex, self.settings.link_window)
        self.bars = {"event": self.settings.link_events, "statement": self.settings.link_claims, "figure": 1.0}
        # each new report of a story clusters its part again, with the pairs of its older
        # members judged before: a pair's likeness is kept for the two item dicts (the ones
        # store/links.py shares while their data is unchanged), which the entry holds, so
        # that neither id can be another's while it is kept
        self._alike: dict[tuple[int, int], tuple[dict[str, Any], dict[str, Any], float | None]] = {}

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
        stale = self._forget(tables, doc)  # a record made again: its former items go first
        new: list[tuple[str, Ref, dict[str, Any], set[str]]] = []  # (kind, ref, item, the keys it looks in)
        under: list[set[str]] = []  # the keys each is stored under
        for kind, item_id, item in self.reader.items(record):
            keys = self._keys(kind, item, doc)
            new.append((kind, (doc, item_id), item, self._sought(kind, item, keys)))
            under.append(keys)
        stored = tables.add_items(doc, [(ref[1], kind, item, [(kind, k) for k in keys] + self._extra_keys(kind, item))
                                        for (kind, ref, item, _), keys in zip(new, under)])
        # the items as every later read gives them, so that the likeness of their pairs is kept
        new = [(kind, ref, same, keys) for (kind, ref, _, keys), same in zip(new, stored)]
        if not any(stale.values()):
            Actors(tables, self.lex.names).learn(record)  # once per document: `seen` counts documents
        parts: dict[str, set[str]] = {k: set() for k in KINDS}
        fresh: dict[Ref, dict[str, Any]] = {}
        made = {ref_name(ref) for _, ref, _, _ in new}  # the parts this document's items begin as
        older: dict[str, set[str]] = {}  # a part -> the parts from before this document it took in
        paired: list[tuple[Ref, Ref, float]] = []  # written together, before the groups are made of them
        # the candidates of all the new items, asked once per kind (a server is a round trip away)
        keyed = {kind: tables.keyed(kind, {k for other, _, _, keys in new if other == kind for k in keys})
                 for kind in KINDS}
        for kind, ref, item, keys in new:
            if kind == "event":
                fresh[ref] = item
            pairs = []
            for other, _, candidate in sharing(keyed[kind], keys):
                if other == ref:
                    continue
                like = self._likeness(kind, item, candidate)
                if like is not None and like >= self.bars[kind] \
                        and (kind != "event" or events.anchored(item, candidate, self.lex.names)):
                    pairs.append((ref, other, like))
            paired += pairs
            joined = {tables.part_of(other) for _, other, _ in pairs} | {tables.part_of(ref)}
            name = min(joined)
            tables.join_parts(joined, name)
            parts[kind] = (parts[kind] - joined) | {name}
            older[name] = {o for p in joined for o in older.get(p, set() if p in made else {p})}
        tables.add_pairs(paired)
        # a mention that joins two older parts is clustered with both whole: their groups were
        # made apart, and together they may be made otherwise
        fresh = {ref: item for ref, item in fresh.items() if len(older.get(tables.part_of(ref) or "", ())) < 2}
        touched = {kind: self._regroup(tables, kind, found, fresh, doc) | stale[kind] for kind, found in parts.items()}
        said = [item for kind, _, item, _ in new if kind == "statement"]
        touched["statement"] |= denials_met(tables, said, self.lex) | unkept_met(tables, said, self.lex)
        Judge(tables, self.lex, self.settings).judge(touched)
        tables.mark_linked(doc)
        return True

    def _regroup(self, tables: LinkTables, kind: str, parts: Iterable[str],
                 fresh: dict[Ref, dict[str, Any]] | None = None, doc: str | None = None) -> set[str]:
        """Make the groups of each part again; the groups made and those undone. A count
        is its part (what counts one thing); event mentions are clustered, since a chain
        of alike mentions may join two happenings that no pair of reports says are one,
        and so are statements, since a saying alike to two others ("the ambush brought
        the toll to 14") may join two claims that cannot be one ("at least three were
        killed", "five were killed"). `fresh`: the event mentions just
        added, which a large part takes in without clustering its older members again.
        A cluster made again as it was, of older members only (`doc`: the document being
        linked), is no change: it is neither written nor judged again."""
        touched: set[str] = set()
        for part in parts:
            if kind == "event" and fresh:
                added = self._added(tables, part, fresh)
                if added is not None:
                    touched |= added
                    continue
            if kind == "figure":
                touched |= tables.groups_in_part(part)
                tables.group_as_part(part)
                touched.add(part)
                continue
            members = tables.part_members(part)
            was: dict[str, set[Ref]] = {}
            for ref, grp, _ in members:
                was.setdefault(grp, set()).add(ref)
            for group in self._clusters(kind, [(ref, item) for ref, _, item in members]):
                name = ref_name(min(group))
                if was.get(name) == set(group) and all(ref[0] != doc for ref in group):
                    del was[name]
                    continue
                tables.set_group(group, name)
                touched.add(name)
            touched |= set(was)  # the groups undone, or made otherwise
        tables.forget_judgements(touched)
        return touched

    def _added(self, tables: LinkTables, part: str, fresh: dict[Ref, dict[str, Any]]) -> set[str] | None:
        """The groups a large part's new mentions join, when they come after every older
        member in publication order: clustering the part in that order (`_sequential`)
        would give its older members the groups they have and then take the new ones
        one by one, so only the new ones are placed, against the groups of the mentions
        alike to them. A long story whose daily reports chain into one part costs what
        its latest days do, not all its days. None when the part must be clustered whole
        (small, or a new mention older than some member: an old report come late)."""
        new = sorted((ref, item) for ref, item in fresh.items() if tables.part_of(ref) == part)
        if not new or tables.part_size(part) - len(new) <= MAX_CLUSTERED:
            return None
        latest = tables.latest_in_part(part, new[0][0][0])
        if latest is None or any(_order(ref, item) <= (latest[0], (latest[1], latest[2])) for ref, item in new):
            return None
        touched: set[str] = set()
        bar = self.bars["event"]
        waiting = {ref for ref, _ in new}  # new mentions not placed yet belong to no group so far
        for ref, item in sorted(new, key=lambda m: _order(*m)):
            waiting.discard(ref)
            keys = events.keys(item, ref[0], self.lex.names)
            groups = {grp for other, grp, candidate in tables.candidates("event", keys)
                      if other not in waiting and other != ref and tables.part_of(other) == part
                      and (like := self._likeness("event", item, candidate)) is not None and like >= bar}
            clusters = [(grp, tables.members(grp)) for grp in groups]
            clusters.sort(key=lambda c: min(_order(r, i) for r, i in c[1]))  # the order _sequential made them in
            pick = self._most_alike("event", item, [members for _, members in clusters])
            if pick is None:
                name = ref_name(ref)
                tables.set_group([ref], name)
            else:
                grp, members = clusters[pick]
                name = ref_name(min([ref] + [r for r, _ in members]))
                tables.set_group([ref] + [r for r, _ in members], name)
                touched.add(grp)
            touched.add(name)
        tables.forget_judgements(touched)
        return touched

    def _clusters(self, kind: str, members: list[tuple[Ref, dict[str, Any]]]) -> list[list[Ref]]:
        """The groups of a part: average-link clustering of its members, in the order of
        their refs, never joining two clusters that hold a pair that cannot be one
        (incompatible dates, places, speakers) or that would span more than SPAN_DAYS (a
        chain of daily reports of "an attack" is not one attack). A function of the
        members alone, so the groups do not depend on the order the documents came in. A
        toll told in an attack's sentence ("opened fire, killing three") starts in the
        attack's cluster, a denial in that of what its article reports it denies, and
        neither has a say in what it joins (`_followers`). A part too large to cluster
        pairwise is taken in order of publication, each member joining the cluster it is
        most alike to."""
        if len(members) == 1:
            return [[members[0][0]]]
        if len(members) > MAX_CLUSTERED:
            return self._sequential(kind, members)
        n = len(members)
        like: list[list[float | None]] = [[None] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                like[i][j] = like[j][i] = self._likeness(kind, members[i][1], members[j][1])
        followers = _followers(members, like, self.bars[kind]) if kind == "event" else {}
        # a toll and a denial have no say in what their cluster joins; "the attacks" does,
        # by its own word ("multiple drone strikes ... the attacks triggered fires", and
        # other reports of "the attacks")
        silent = {i for i in followers if members[i][1].get("toll") or _denial(members[i][1])}
        # a toll is one with the attack it tells of, a denial with what it denies
        clusters = [[i] for i in range(n) if i not in followers]
        for i, followed in followers.items():
            next(c for c in clusters if followed in c).append(i)
        # clusters by a number that keeps their order: the first of two joined keeps its own
        found = {n: sorted(c) for n, c in enumerate(clusters)}
        spans = {n: _span([members[i][1] for i in c]) for n, c in found.items()}
        bar = self.bars[kind]
        # how strongly each two clusters hold together (`_linkage`), None when they may not
        # join: a join changes only the pairs of the cluster it makes, so the others are kept
        held: dict[tuple[int, int], float | None] = {}

        def linkage(x: int, y: int) -> float | None:
            if not _within(spans[x], spans[y]):
                return None
            both = [members[k][1] for k in found[x] + found[y]]
            vx, vy = _voters(found[x], silent), _voters(found[y], silent)
            pairs = [(i, j) for i in vx for j in vy]
            # two tolls of one killing told alike (the same place, day and victims) have a say
            pairs += [(i, j) for i in found[x] for j in found[y] if (i not in vx or j not in vy)
                      and members[i][1].get("toll") and members[j][1].get("toll")]
            cross = [(i, j, like[i][j] if like[i][j] is not None or kind != "event"
                      else self._dated_alike(members[i][1], members[j][1], both)) for i, j in pairs]
            # two reports of one act told on one day at one place hold their clusters together
            told = kind == "event" and any(like[i][j] is not None and like[i][j] >= bar
                                           and events.told_alike(members[i][1], members[j][1]) for i, j in pairs)
            if kind == "event" and any(_dated_apart(members[i][1], members[j][1])
                                       for i in found[x] for j in found[y]):
                return None
            return _held(cross, bar, kind, told)

        while True:
            best, pick = None, None
            order = sorted(found)
            for n, x in enumerate(order):
                for y in order[n + 1:]:
                    if (x, y) not in held:
                        held[x, y] = linkage(x, y)
                    score = held[x, y]
                    if score is not None and (best is None or score > best):
                        best, pick = score, (x, y)
            if pick is None:
                break
            x, y = pick
            found[x] = sorted(found[x] + found.pop(y))
            spans[x] = _joined(spans[x], spans.pop(y))
            held = {pair: score for pair, score in held.items() if x not in pair and y not in pair}
        return [[members[i][0] for i in found[n]] for n in sorted(found)]

    def _dated_alike(self, a: dict[str, Any], b: dict[str, Any], joined: list[dict[str, Any]]) -> float | None:
        """The likeness of two event mentions of two clusters that would be joined, an
        undated one taken as of the days its own article dates the joined happening by
        ("at least 185 were killed in the attack", in an article that dated "the August 26
        attack" once), not as of the days before its report, months after the attack."""
        a2, b2 = _dated_as(a, joined), _dated_as(b, joined)
        if a2 is a and b2 is b:
            return events.likeness(a, b, self.lex.names, near=False)
        return events.likeness(a2, b2, self.lex.names, near=False)

    def _sequential(self, kind: str, members: list[tuple[Ref, dict[str, Any]]]) -> list[list[Ref]]:
        clusters: list[list[tuple[Ref, dict[str, Any]]]] = []
        for ref, item in sorted(members, key=lambda m: _order(*m)):
            pick = self._most_alike(kind, item, clusters)
            if pick is None:
                clusters.append([(ref, item)])
            else:
                clusters[pick].append((ref, item))
        return [sorted(ref for ref, _ in cluster) for cluster in clusters]

    def _most_alike(self, kind: str, item: dict[str, Any],
                    clusters: list[list[tuple[Ref, dict[str, Any]]]]) -> int | None:
        """The cluster an item joins, in order of a part clustered in sequence: the one it
        is most alike to on average, the first of equals; None when it can join none (a
        member it cannot be one with, too long a span, too little alike)."""
        best, pick = None, None
        if kind == "event" and item.get("toll"):
            for n, cluster in enumerate(clusters):  # the attack whose toll it tells, in its sentence
                if any(_toll_of(item, other) and self._likeness(kind, item, other) is not None for _, other in cluster):
                    return n
        for n, cluster in enumerate(clusters):
            if not _within(_span([i for _, i in cluster]), _span([item])):
                continue
            voters = [other for _, other in cluster if not other.get("toll")] or [other for _, other in cluster]
            score = _held([(0, j, self._likeness(kind, item, other)) for j, other in enumerate(voters)],
                          self.bars[kind], kind)
            if score is not None and (best is None or score > best):
                best, pick = score, n
        return pick

    def again(self, store: Store, doc: str) -> None:
        """Link a document whose record was made again (re-extraction, new metadata): its
        former items leave their groups and the new ones join, in one transaction."""
        def work(tables: LinkTables) -> None:
            tables.unmark_linked(doc)
            self._link(tables, doc)

        store.linking(work)

    def unlink(self, store: Store, doc: str) -> None:
        """Take a document out of every group: the groups it was in are made again from the
        pairs that remain, and what they were evidence for is judged again."""
        def work(tables: LinkTables) -> None:
            tables.unmark_linked(doc)
            Judge(tables, self.lex, self.settings).judge(self._forget(tables, doc))

        store.linking(work)

    def _forget(self, tables: LinkTables, doc: str) -> dict[str, set[str]]:
        """Remove a document's items, remake the parts and groups they were in, and return
        what must be judged again: those groups, and the claims the items were evidence for
        (found before the items go)."""
        touched: dict[str, set[str]] = {k: set() for k in KINDS}
        mentions, sayings = [], []
        for kind, grp, item in tables.items_of(doc):
            touched[kind].add(grp)
            if kind == "statement":
                sayings.append(item)
            if kind != "event":
                continue
            mentions.append(item)
            for ref, member in tables.members(grp):  # the claims that hold this happening
                for statement in holding(member) if ref[0] != doc else []:
                    found = tables.item((ref[0], statement))
                    if found is not None:
                        touched["statement"].add(found[1])
        touched["statement"] |= evidence_for(tables, mentions, self.lex)
        touched["statement"] |= denials_met(tables, sayings, self.lex) | unkept_met(tables, sayings, self.lex)
        if not any(touched.values()):
            return touched
        parts = tables.forget_document(doc)
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
        return touched

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
            return events.keys(item, doc, self.lex.names)
        if kind == "statement":
            return claims.keys(item, self.lex.names)
        return figures.keys(item, doc)

    def _sought(self, kind: str, item: dict[str, Any], keys: set[str]) -> set[str]:
        """The keys an item looks for its candidates in: a statement in the weeks around
        its own (claims.sought_keys); an event or a count, those it is stored under (`keys`)."""
        if kind == "statement":
            return claims.sought_keys(item, self.lex.names)
        return keys

    def _extra_keys(self, kind: str, item: dict[str, Any]) -> list[tuple[str, str]]:
        """Keys by which a claim that something holds and the change that may refute it meet."""
        if kind == "statement":
            return [("holding", k) for k in holding_keys(item, self.lex)] + \
                [("awaiting", k) for k in awaiting_keys(item)] + [("answering", k) for k in answering_keys(item)] \
                + [("going-on", k) for k in going_on_keys(item, self.lex)] \
                + claims.gist_keys(item, self.lex.verb_forms)
        if kind == "event":
            return [("change", k) for k in change_keys(item, self.lex)] + [("fulfil", k) for k in fulfilling_keys(item)] \
                + [("failed", k) for k in failing_keys(item)]
        return []

    def _told(self, x: dict[str, Any], y: dict[str, Any]) -> bool:
        """Whether two event mentions are one happening told with one factuality, so that
        two sayings that tell them put forward one claim (claims.likeness); what one outlet
        gives as a speaker's claim another may give as their saying ("claimed its fighters
        had seized the base", "said its men captured the base"). Two denied mentions need
        less alike to be one (DENIED_SHARE). Stricter than the linking of happenings: each
        side's part in a clash, and acts in two countries by their articles, are two."""
        if x["factuality"] != y["factuality"] and {x["factuality"], y["factuality"]} != {"asserted", "claimed"}:
            return False
        if events.sides_swapped(x, y, self.lex.names):
            return False  # "officers used only tear gas", "27 officers were hurt by stones": each side's part
        if events.apart(x, y):
            return False  # a truce in Ethiopia, and a truce told of no place in an article on Yemen
        like = events.likeness(x, y, self.lex.names)
        bar = self.bars["event"] * (DENIED_SHARE if x["factuality"] == y["factuality"] == "denied" else 1.0)
        return like is not None and like >= bar

    def _likeness(self, kind: str, a: dict[str, Any], b: dict[str, Any]) -> float | None:
        pair = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))  # a pair's likeness is symmetric
        kept = self._alike.get(pair)
        if kept is not None:
            return kept[2]
        if len(self._alike) >= ALIKE_AT_MOST:
            self._alike.clear()
        like = self._alike_now(kind, a, b)
        self._alike[pair] = (a, b, like)
        return like

    def _alike_now(self, kind: str, a: dict[str, Any], b: dict[str, Any]) -> float | None:
        if kind == "event":
            return events.likeness(a, b, self.lex.names)
        if kind == "statement":
            return claims.likeness(a, b, self.lex.names, self._told)
        return figures.likeness(a, b)


def _followers(members: list[tuple[Ref, dict[str, Any]]], like: list[list[float | None]],
               bar: float) -> dict[int, int]:
    """The mentions that are one with another of their article from the start, each with
    that one: a toll told in an attack's own sentence ("opened fire on protesters, killing
    three", "were killed when drones hit a hospital": events.likeness lets the two meet)
    with the nearest attack there; a denial ("denied hitting any civilian building") with
    the report of its article it is most like, when like enough; an act named again and
    nothing more ("no group has claimed responsibility for the attack") with the mention
    before it in its article it is most like.
    A toll and a denial have no say in what else their cluster joins (`_clusters`): a toll
    says little but what was done, and a denial has few words and no day of its own to be
    matched by."""
    out = {}
    for i, (_, item) in enumerate(members):
        if item.get("toll"):
            beside = [j for j, (_, other) in enumerate(members) if like[i][j] is not None and _toll_of(item, other)]
            if beside:
                out[i] = min(beside, key=lambda j: (abs(members[j][1]["start"] - item["start"]),
                                                    members[j][1]["start"]))
        elif _denial(item):
            reported = [j for j, (_, other) in enumerate(members) if other.get("key") == item.get("key")
                        and not _denial(other) and not other.get("toll") and (like[i][j] or 0) >= bar]
            if reported:
                out[i] = max(reported, key=lambda j: (like[i][j], -j))
        elif events.only_named_again(item, dated=True):
            before = [j for j, (_, other) in enumerate(members) if other.get("key") == item.get("key")
                      and other["start"] < item["start"] and not other.get("toll") and not _denial(other)
                      and not events.only_named_again(other) and (like[i][j] or 0) >= bar
                      and (not item.get("when") or other.get("when") == item["when"])]
            if before:
                out[i] = max(before, key=lambda j: (like[i][j], members[j][1]["start"]))
    # a toll of a denied attack ("denied that hostages had been killed in strikes") follows
    # what the denial follows, and a denial what "the attack" it is most like follows
    led = {}
    for i, j in out.items():
        seen = {i}
        while j in out and j not in seen:  # a toll, a denial and "the attack" lead no further
            seen.add(j)
            j = out[j]
        led[i] = j
    return led


def _dated_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether one article dates two mentions by its own words to days that do not meet
    ("on January 9, Houthis launched their largest attack", "today ... conducted strikes"):
    two acts, whatever else their clusters share."""
    return a.get("key") == b.get("key") and bool(a.get("dated")) and bool(b.get("dated")) \
        and (a["hi"] < b["lo"] or b["hi"] < a["lo"])


def _denial(item: dict[str, Any]) -> bool:
    """A mention that a denial denies ("denied hitting any civilian building"); not one a
    saying tells as not done ("said its forces had not conducted any operations"), which
    may be news of its own."""
    return item.get("stance") == "deny" and item["factuality"] == "denied"


def _toll_of(toll: dict[str, Any], attack: dict[str, Any]) -> bool:
    """Whether a toll mention may tell this attack's: an attack told in its sentence, in the
    same saying ("said four people had been killed, and said agitators had attacked
    police with stones" tells two things said)."""
    return not attack.get("toll") and attack.get("key") == toll.get("key") \
        and attack.get("sentence") == toll.get("sentence") and attack.get("statement") == toll.get("statement")


def _voters(cluster: list[int], silent: set[int]) -> list[int]:
    """The members whose likeness decides what a cluster joins: not the silent followers (a
    toll says little but what was done, "killing three"; a denial little but that it was not)."""
    return [i for i in cluster if i not in silent] or cluster


def _order(ref: Ref, item: dict[str, Any]) -> tuple[str, Ref]:
    """The order a large part is clustered in: publication, then the mention's name (the
    order news comes in, so that a part grows at its end)."""
    return item.get("published") or "", ref


Pair = tuple[int, int, float | None]  # two members of two clusters, and how alike (None: they cannot be one)


def _held(cross: list[Pair], bar: float, kind: str, told: bool = False) -> float | None:
    """How strongly two clusters hold together (`_linkage`) by their pairs that may be one,
    when few enough of the others cannot be (CANNOT_SHARE); None when they may not join.
    Sayings never join with a pair that cannot be one claim."""
    cannot = sum(like is None for _, _, like in cross)
    if cannot and (kind != "event" or cannot > CANNOT_SHARE * len(cross)):
        return None
    return _linkage([(i, j, like) for i, j, like in cross if like is not None], bar, kind, told)


def _linkage(cross: list[tuple[int, int, float]], bar: float, kind: str = "event",
             told: bool = False) -> float | None:
    """How strongly two clusters hold together, or None when not enough to join: their
    closest pair reaches the bar and each member of either is, on average, as alike as
    LINKAGE of the bar to the member of the other it is most like (a happening's reports
    are not all alike: "the attack" and "the assault" may share no word with "killing 12
    soldiers", and an article's "the patrol was attacked", of no day or place, with
    another article's "the ambush near Orsk on Tuesday", yet each is like some other
    report of it), or LINKAGE_CLOSE of it when their closest pair reaches CLOSE times the
    bar. Sayings join on their closest pair alone (one claim told in a chain of
    paraphrases), unless some pair cannot be one claim (the caller's None): "killing at
    least three" and "five were killed" stay two, whatever saying between them is like
    both. `told`: a pair of them tells one act on one day at one place
    (events.told_alike), enough for event mentions whose closest pair reaches the bar."""
    if not cross:
        return None
    closest = max(like for _, _, like in cross)
    if kind == "statement":
        return closest if closest >= bar else None
    best: tuple[dict[int, float], dict[int, float]] = ({}, {})
    for i, j, like in cross:
        best[0][i] = max(like, best[0].get(i, like))
        best[1][j] = max(like, best[1].get(j, like))
    mean = sum(sum(side.values()) / len(side) for side in best) / 2
    if closest < bar or not told and mean < (LINKAGE_CLOSE if closest >= CLOSE * bar else LINKAGE) * bar:
        return None
    return mean


def _dated_as(item: dict[str, Any], joined: list[dict[str, Any]]) -> dict[str, Any]:
    """An undated mention as of the days its article's dated mentions among `joined` give;
    a dated one, or one whose article dates none of them, as it is."""
    span = None if item.get("dated") or item.get("key") is None \
        else _span([other for other in joined if other.get("key") == item["key"]])
    return item if span is None else {**item, "lo": span[0], "hi": span[1], "dated": True}


def _span(items: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The days an item's own dates cover, None when it has none."""
    dated = [(i["lo"], i["hi"]) for i in items if i.get("dated")]
    return (min(d[0] for d in dated), max(d[1] for d in dated)) if dated else None


def _joined(a: tuple[str, str] | None, b: tuple[str, str] | None) -> tuple[str, str] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _within(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    joined = _joined(a, b)
    if joined is None:
        return True
    return (dt.date.fromisoformat(joined[1]) - dt.date.fromisoformat(joined[0])).days <= SPAN_DAYS


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
