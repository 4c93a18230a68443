"""Merging other devices' changes into this database: per-field last-writer-wins, nothing lost.

A change is one row of the ``changes`` log, shipped as is and stored here under its original
``(device_id, dev_seq)`` so that it can be forwarded (the hub relays field A's work to field B).
Every field of a record (and its tombstone ``_deleted``) holds the value of the write with the
greatest clock ``hlc@device``; a value that loses to a write which had not seen it (a concurrent
edit) is kept in ``conflicts``. Updates, deletes and restores carry ``_base``, the field clocks
their device saw before writing (store/records.py), which is how "had seen it" is decided. The
rules are written out in docs/bundle-format.md, "Merge rules".

``apply`` streams: it reads the changes in batches, loads the rows a batch touches, merges in
memory and writes each batch back with ``executemany``. ``plan`` runs the same merge and rolls
it back. Incoming changes are checked in sync/incoming.py; what a database holds and what a
peer lacks (state vectors, the changes to send, the digest) is sync/vector.py. Kinds and fields
of a newer version are kept, not merged (sync/foreign.py), and merged by ``reapply`` once the
model knows them (sync/deferred.py). The model is a parameter (``Model``, default the running
version's), so a test can merge as a newer version would.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import islice
from typing import Any

from dxdesk.core.clock import JST, stamp
from dxdesk.core.hlc import MAX_AHEAD_MS, HybridClock, Timestamp, horizon
from dxdesk.core.model import Kind, key_id
from dxdesk.errors import UserError
from dxdesk.store import chain, ledger, naturalkeys, seeds
from dxdesk.store.database import Database
from dxdesk.store.rows import (
    compact,
    conflict_id,
    row_clocks,
    split_clock,
    stored,
    value_json,
    value_to_sql,
)
from dxdesk.sync import foreign, incoming
from dxdesk.sync.changes import BATCH, DELETED, MODEL, Change, Model, effective
from dxdesk.sync.vector import (
    changes_since,
    digest,
    held_through,
    log_changes,
    out_of_scope,
    state_vector,
)

# The merge's face: the change type and the export side are named here too, as callers know them.
__all__ = [
    "Change",
    "Divergence",
    "KindCounts",
    "Model",
    "Plan",
    "Scope",
    "Summary",
    "apply",
    "changes_since",
    "conflict_id",
    "digest",
    "effective",
    "held_through",
    "log_changes",
    "out_of_scope",
    "plan",
    "reapply",
    "state_vector",
]

AHEAD_MS = MAX_AHEAD_MS  # the clock does not follow stamps further ahead (core/hlc.py)
MAX_GAPS = 100  # ranges reported per device; more say the same thing


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    restored: int = 0
    conflicts: int = 0


@dataclass
class Plan:
    """What a change set does (or would do) here; ``plan`` and ``apply`` report the same."""

    kinds: dict[str, KindCounts] = field(default_factory=dict)
    changes: int = 0  # not held before: stored and merged
    duplicates: int = 0  # already held (or twice in the set): ignored
    # Another history of a log held here (the same numbers with other content: a profile copied
    # to a second machine): kept aside in ``fork_changes``, never merged, never dropped.
    mismatched: int = 0
    forks: dict[str, int] = field(default_factory=dict)  # log id -> changes kept aside
    gaps: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # For each gap, the HLC of the change held just before it and of the one just after ("":
    # none held): when the missing work was done, for a sentence a person reads.
    gap_times: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    max_hlc: str = ""
    # Stamped more than a day after this machine's clock: that device's clock is wrong, and its
    # edits will win against everyone's until real time catches up. Worth telling the user.
    ahead: int = 0
    # Changes holding kinds or fields of a newer version: stored, relayed, not shown until this
    # device's dxdesk knows them (sync/foreign.py, sync/deferred.py).
    kept: int = 0

    def counts(self, kind: str) -> KindCounts:
        return self.kinds.setdefault(kind, KindCounts())

    @property
    def conflicts(self) -> int:
        return sum(c.conflicts for c in self.kinds.values())

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form, for the import history."""
        return {
            "kinds": {k: vars(c).copy() for k, c in sorted(self.kinds.items())},
            "changes": self.changes,
            "duplicates": self.duplicates,
            "mismatched": self.mismatched,
            "forks": dict(sorted(self.forks.items())),
            "gaps": {d: [list(r) for r in rs] for d, rs in sorted(self.gaps.items())},
            "gap_times": {d: [list(r) for r in rs] for d, rs in sorted(self.gap_times.items())},
            "conflicts": self.conflicts,
            "ahead": self.ahead,
            "kept": self.kept,
        }


@dataclass
class Summary(Plan):
    """What ``apply`` did."""


# ---------------------------------------------------------------- clocks


@lru_cache(maxsize=1024)
def _iso(hlc: str) -> str:
    return datetime.fromtimestamp(int(hlc[:15]) / 1000, JST).isoformat(timespec="seconds")


# ---------------------------------------------------------------- what an import may do


@dataclass
class Divergence:
    """Logs whose incoming history departs from the one held here, from which number on.

    Filled by the origin verifier (a segment's start disagrees with the chain held here) and by
    the merge itself (a held change at the same number with other content or chain value).
    """

    since: dict[str, int] = field(default_factory=dict)

    def mark(self, log_id: str, dev_seq: int) -> None:
        self.since[log_id] = min(dev_seq, self.since.get(log_id, dev_seq))

    def covers(self, log_id: str, dev_seq: int) -> bool:
        first = self.since.get(log_id)
        return first is not None and dev_seq >= first


@dataclass(frozen=True)
class Scope:
    """Organisations a sender may write records of (its scope at the hub), in its own logs.

    A change of a guarded log to a record of another organisation, or to a record whose
    organisation is unknown here (its create never arrived), refuses the whole import.
    """

    orgs: frozenset[str]
    sender: str
    # log id -> device, as the origin proofs of the bundle name them (filled while it streams);
    # a log not named (a bundle without proofs: only the sender's own first log) is the sender's.
    owners: Mapping[str, str]
    names: Mapping[str, str] = field(default_factory=dict)  # id -> name, for the message


# ---------------------------------------------------------------- rows in memory


@dataclass
class _Row:
    kind: Kind
    record_id: str
    values: dict[str, Any]  # model fields, stored (SQL) form
    clocks: dict[str, str]  # effective clock of every model field and _deleted
    deleted: int
    created_at: str
    in_db: bool
    dirty: set[str] = field(default_factory=set)

    def current(self, name: str) -> Any:
        return self.deleted if name == DELETED else self.values[name]

    def set(self, name: str, value: Any, clock: str) -> None:
        if name == DELETED:
            self.deleted = int(value)
        else:
            self.values[name] = value
        self.clocks[name] = clock
        self.dirty.add(name)


def _row_from_db(kind: Kind, names: tuple[str, ...], raw: Mapping[str, Any]) -> _Row:
    clocks = row_clocks(kind, raw)
    values = {n: raw[n] for n in names}
    return _Row(kind, raw["id"], values, clocks, int(raw["_deleted"]), raw["_created_at"], True)


# ---------------------------------------------------------------- the merge


@dataclass
class _History:
    changes: list[tuple[Change, dict[str, Any], dict[str, str]]]  # change, values, base
    by_clock: dict[str, tuple[Change, dict[str, Any]]]
    # per field: the base clocks of the writes that wrote it, and the values those bases held
    seen: dict[str, tuple[set[str], set[tuple[Any, bool]]]] = field(default_factory=dict)


class _Merge:
    """One merge run, batch by batch: only the current batch's rows are held in memory."""

    def __init__(
        self,
        db: Database,
        result: Plan,
        *,
        divergence: Divergence | None = None,
        scope: Scope | None = None,
        source: str | None = None,
        proven: Callable[[str, int, int], bool] | None = None,
        model: Model = MODEL,
        declared: Mapping[str, foreign.Scoping] | None = None,
    ) -> None:
        self.db = db
        self.model = model  # the kinds this version knows (a test runs a newer one)
        # What it does not know is kept, by the rules the bundle declares (sync/foreign.py).
        self.keeper = foreign.Keeper(db.conn, declared, model)
        self.conn = db.conn
        self.result = result
        self.divergence = divergence or Divergence()
        self.scope = scope
        self.source = source  # the bundle id, recorded with a fork
        self.fork_ids: dict[str, str] = {}
        # covers[d] is taken only when this says the change set accounts for every change of d
        # numbered since+1..through (each carried, or left out by scope with its proof).
        self.proven = proven
        self.unchained: set[str] = set()  # logs that got changes without a chain value
        self.rows: dict[tuple[str, str], _Row | None] = {}
        self.seen: set[tuple[str, int]] = set()  # this batch's changes
        self.histories: dict[tuple[str, str], _History] = {}
        self.tops: dict[str, int] = {}  # highest incoming dev_seq per device (for gaps)
        self.now = stamp()
        self.ahead_of = horizon(time.time_ns() // 1_000_000, AHEAD_MS).encode()
        self.newest_near = ""  # the newest stamp not ahead_of: the one the clock follows
        rows = self.conn.execute(
            "SELECT id, kind, record_id, resolved_at IS NULL FROM conflicts"
        ).fetchall()
        self.known_conflicts: set[str] = {str(r[0]) for r in rows}
        self.resolved: set[str] = {str(r[0]) for r in rows if not r[3]}  # kept as history
        self.open_records: set[tuple[str, str]] = {(str(r[1]), str(r[2])) for r in rows if r[3]}
        self.conflict_ops: dict[str, tuple[Any, ...] | None] = {}
        self.added: set[str] = set()  # entries this run logged (and still holds)
        # (kind, older id) -> keyed record it was folded into (store/naturalkeys.py), as far
        # as this run has looked them up or made them; absent: not an alias.
        self.aliases: dict[tuple[str, str], str] = {}
        self.changed = False  # did the change being merged alter a value (for the counts)
        # Changes a replay (an orphan's create arriving) applied, with an effect, before their
        # own turn in the batch: counted then, when their own merge finds nothing left to do.
        self.replay_effects: set[tuple[str, int]] = set()
        # Records this run created (and counted new), with the updates it counted for them, and
        # those it then counted deleted: a record that arrives and leaves in one set of changes
        # changes nothing a person sees, so it is counted as nothing (``_unborn``).
        self.born: dict[tuple[str, str], int] = {}
        self.born_gone: set[tuple[str, str]] = set()

    # ------------------------------------------------------------ driving

    def run(self, changes: Iterable[Change], covers: Mapping[str, tuple[int, int]] | None) -> None:
        covers = dict(covers or {})
        before = {d: self._vector(d) for d in covers}
        it = iter(changes)
        while batch := list(islice(it, BATCH)):
            self._batch(batch)
        if self.unchained:
            chain.fill(self.conn, sorted(self.unchained))
        for device, (since, through) in covers.items():
            if self.proven is not None and not self.proven(device, since, through):
                continue  # not accounted for change by change: what arrived is all it gives
            self.tops.pop(device, None)
            if since > before[device]:
                # The sender believed we held more: a change set in between never arrived.
                self.result.gaps[device] = [(before[device] + 1, since)]
            elif through > before[device]:
                ledger.set_coverage(self.db, device, through)
        self._unborn()
        self._gaps()
        self._gap_times()

    def _unborn(self) -> None:
        """A record created and deleted by the same set of changes (a laptop's own staff record
        merged into the hub's at enrolment) is stored as a tombstone, but counted as nothing."""
        for kind_name, rid in sorted(self.born_gone):
            row = self.conn.execute(
                f'SELECT _deleted FROM "{kind_name}" WHERE id = ?', (rid,)
            ).fetchone()
            if row is None or not row[0]:
                continue
            counts = self.result.counts(kind_name)
            counts.new -= 1
            counts.deleted -= 1
            counts.updated -= self.born[(kind_name, rid)]

    def _gap_times(self) -> None:
        # Read while every incoming change is in the table (a plan rolls them back after).
        def hlc_at(device: str, seq: int) -> str:
            row = self.conn.execute(
                "SELECT hlc FROM changes WHERE device_id = ? AND dev_seq = ?", (device, seq)
            ).fetchone()
            return "" if row is None else str(row[0])

        for device, ranges in self.result.gaps.items():
            self.result.gap_times[device] = [
                (hlc_at(device, lo - 1), hlc_at(device, hi + 1)) for lo, hi in ranges
            ]

    def _vector(self, device: str) -> int:
        return held_through(self.db, device)

    def _batch(self, batch: list[Change]) -> None:
        fresh = self._fresh(batch)
        checked = [(c, incoming.read(c, model=self.model)) for c in fresh]
        parsed = [(c, r.kind, r.data, r.base) for c, r in checked if r.kind is not None]
        newer = [(c, r.kind, r.unknown) for c, r in checked if r.kind is None or r.unknown]
        # Stored first, so that the merge below finds the whole batch among the held changes.
        self.conn.executemany(
            "INSERT INTO changes (device_id, dev_seq, hlc, kind, record_id, op, payload, chain)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (c.device_id, c.dev_seq, c.hlc, c.kind, c.record_id, c.op, c.payload, c.chain)
                for c in fresh
            ],
        )
        self.unchained.update(c.device_id for c in fresh if c.chain is None)
        self.histories.clear()  # the table holds this batch now
        if newer:
            self.result.kept += self.keeper.keep(newer)
        self._find_aliases(parsed)
        for c, k, data, _ in parsed:
            if k.key and c.op == "create":
                self._keyed_create(c, k, data)
        self._load({(k.name, self._target(k, c)) for c, k, _, _ in parsed})
        if self.scope is not None:
            self._check_scope(parsed)
            scope = self.scope
            own = [
                c
                for c, known, _ in newer
                if known is None and scope.owners.get(c.device_id, c.device_id) == scope.sender
            ]
            batch_keys = frozenset((c.device_id, c.dev_seq) for c in fresh)
            created = {(k.name, c.record_id): d for c, k, d, _ in parsed if c.op == "create"}
            self.keeper.check_scope(own, scope.orgs, scope.names, batch_keys, created)
        replay = self._orphan_candidates(parsed)
        for c, k, data, base in parsed:
            self._received(c)
            self._merge(c, k, data, base, count=True, replay=replay)
        for c, known, _ in newer:
            if known is None:
                self._received(c)  # a kind this version does not know: kept, not merged
        self._flush()

    def _received(self, c: Change) -> None:
        self.result.changes += 1
        self.result.max_hlc = max(self.result.max_hlc, c.hlc)
        if c.hlc > self.ahead_of:
            self.result.ahead += 1
        elif c.hlc > self.newest_near:
            self.newest_near = c.hlc

    def _check_scope(
        self, parsed: list[tuple[Change, Kind, dict[str, Any], dict[str, str]]]
    ) -> None:
        """Refuse a guarded sender's write to a record outside its organisations."""
        scope = self.scope
        assert scope is not None
        created = {(k.name, c.record_id): data for c, k, data, _ in parsed if c.op == "create"}
        for c, k, data, _ in parsed:
            if scope.owners.get(c.device_id, c.device_id) != scope.sender:
                continue
            if k.org_field is None:
                self._check_child_scope(c, k, data, created)
                continue
            org_field = k.org_field
            row = self.rows.get((k.name, self._target(k, c)))
            orgs: list[Any] = []
            if c.op == "create" or org_field in data:
                orgs.append(data.get(org_field))
            if c.op != "create":
                if row is None:
                    raise UserError("bundle_out_of_scope", org="（この端末にない記録）")
                orgs.append(row.values.get(org_field))
            for org in orgs:
                if org is not None and org not in scope.orgs:
                    raise UserError("bundle_out_of_scope", org=scope.names.get(org, str(org)[:40]))

    def _check_child_scope(
        self,
        c: Change,
        k: Kind,
        data: dict[str, Any],
        created: Mapping[tuple[str, str], dict[str, Any]],
    ) -> None:
        """A child is in the scope of its parent (an issue's related organisation)."""
        scope = self.scope
        parent = self.model.by_name.get(k.parent_kind or "")
        if scope is None or parent is None or parent.org_field is None or k.parent is None:
            return
        parent_ids = {data.get(k.parent)} if k.parent in data or c.op == "create" else set()
        row = self.rows.get((k.name, self._target(k, c)))
        if row is not None:
            parent_ids.add(row.values.get(k.parent))
        elif c.op != "create":
            raise UserError("bundle_out_of_scope", org="（この端末にない記録）")
        for parent_id in parent_ids:
            if parent_id is None:
                continue
            if (parent.name, parent_id) in created:
                org = created[(parent.name, parent_id)].get(parent.org_field)
            else:
                held = self.conn.execute(
                    f'SELECT "{parent.org_field}" FROM "{parent.name}" WHERE id = ?',
                    (parent_id,),
                ).fetchone()
                if held is None:
                    raise UserError("bundle_out_of_scope", org="（この端末にない記録）")
                org = held[0]
            if org is not None and org not in scope.orgs:
                raise UserError("bundle_out_of_scope", org=scope.names.get(org, str(org)[:40]))

    def _quarantine(self, c: Change) -> None:
        """Keep a change of another history aside (``fork_changes``): never merged, never lost."""
        fork_id = self.fork_ids.get(c.device_id)
        if fork_id is None:
            fork_id = ledger.open_fork_for(self.db, c.device_id)
            if fork_id is None:
                text = "\x1f".join((c.device_id, str(c.dev_seq), c.hlc, c.record_id, c.payload))
                fork_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
                owner = ledger.log_owner(self.db, c.device_id)
                device = owner if owner is not None else c.device_id
                ledger.add_fork(self.db, fork_id, c.device_id, device, self.now, self.source)
            self.fork_ids[c.device_id] = fork_id
        ledger.add_fork_change(
            self.db,
            fork_id,
            dev_seq=c.dev_seq,
            hlc=c.hlc,
            kind=c.kind,
            record_id=c.record_id,
            op=c.op,
            payload=c.payload,
            chain=c.chain,
        )
        self.result.mismatched += 1
        self.result.forks[c.device_id] = self.result.forks.get(c.device_id, 0) + 1

    def _fresh(self, batch: list[Change]) -> list[Change]:
        """Drop changes already held (or repeated); keep aside those of another history."""
        by_device: dict[str, list[int]] = {}
        for c in batch:
            if (
                type(c.dev_seq) is not int
                or not 1 <= c.dev_seq < 2**63
                or type(c.device_id) is not str
            ):
                raise incoming.bad("変更の識別子が不正です")
            by_device.setdefault(c.device_id, []).append(c.dev_seq)
        held: dict[tuple[str, int], tuple[str, str, str, str, str]] = {}
        chains: dict[tuple[str, int], bytes | None] = {}
        for device, seqs in by_device.items():
            marks = ",".join("?" * len(seqs))
            for r in self.conn.execute(
                "SELECT dev_seq, hlc, kind, record_id, op, payload, chain FROM changes"
                f" WHERE device_id = ? AND dev_seq IN ({marks})",
                (device, *seqs),
            ):
                held[(device, int(r[0]))] = (r[1], r[2], r[3], r[4], r[5])
                chains[(device, int(r[0]))] = None if r[6] is None else bytes(r[6])
        fresh: list[Change] = []
        fills: list[tuple[bytes, str, int]] = []
        for c in batch:
            key = (c.device_id, int(c.dev_seq))
            old = held.get(key)
            if old is not None:
                mine = chains[key]
                same = old == (c.hlc, c.kind, c.record_id, c.op, c.payload)
                if same and (mine is None or c.chain is None or mine == c.chain):
                    self.result.duplicates += 1
                    self.tops[c.device_id] = max(self.tops.get(c.device_id, 0), c.dev_seq)
                    if mine is None and c.chain is not None:
                        fills.append((c.chain, c.device_id, c.dev_seq))
                    continue
                # The same number with other content, or the same content reached through
                # another history: from here on this log's incoming changes are another history.
                self.divergence.mark(c.device_id, c.dev_seq)
            if self.divergence.covers(c.device_id, c.dev_seq):
                self._quarantine(c)
                continue
            self.tops[c.device_id] = max(self.tops.get(c.device_id, 0), c.dev_seq)
            if key in self.seen:
                self.result.duplicates += 1
            else:
                self.seen.add(key)
                fresh.append(c)
        self.seen.clear()  # stored now: the next batch finds them in the table
        if fills:
            self.conn.executemany(
                "UPDATE changes SET chain = ? WHERE device_id = ? AND dev_seq = ?"
                " AND chain IS NULL",
                fills,
            )
        return fresh

    def _load(self, keys: set[tuple[str, str]]) -> None:
        wanted: dict[str, list[str]] = {}
        for kind_name, rid in keys:
            if (kind_name, rid) not in self.rows:
                wanted.setdefault(kind_name, []).append(rid)
        for kind_name, ids in wanted.items():
            k = self.model.by_name[kind_name]
            for rid in ids:
                self.rows[(kind_name, rid)] = None
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                cursor = self.conn.execute(
                    f'SELECT * FROM "{kind_name}" WHERE id IN ({marks})', chunk
                )
                cols = [d[0] for d in cursor.description]
                for values in cursor:
                    raw = dict(zip(cols, values, strict=True))
                    self.rows[(kind_name, raw["id"])] = _row_from_db(
                        k, self.model.field_names[kind_name], raw
                    )

    def _orphan_candidates(
        self, parsed: list[tuple[Change, Kind, dict[str, Any], dict[str, str]]]
    ) -> set[tuple[str, str]]:
        """Records created in this batch that other held changes arrived before."""
        creates: dict[str, list[str]] = {}
        for c, k, _, _ in parsed:
            if c.op != "create":
                continue
            rid = self._target(k, c)
            # An older id folded into a keyed record: its changes that arrived before its
            # create were kept unmerged (no record of that id), whether or not the keyed
            # record exists here. Likewise a keyed record that exists here because this
            # device recorded the same key itself after another device's edits of it had
            # arrived (their create had not): those edits were kept unmerged, and the local
            # create (stamped later) does not merge them, so without a replay their values
            # were in no conflict log here, and one stamped ahead of this clock never won.
            if self.rows.get((k.name, rid)) is None or rid != c.record_id or k.key:
                creates.setdefault(k.name, []).append(c.record_id)
        out: set[tuple[str, str]] = set()
        for kind_name, ids in creates.items():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for r in self.conn.execute(
                    "SELECT record_id FROM changes WHERE kind = ? AND record_id IN"
                    f" ({marks}) GROUP BY record_id HAVING count(*) > 1",
                    (kind_name, *chunk),
                ):
                    out.add((kind_name, str(r[0])))
        return out

    def _held(self, kind_name: str, record_id: str) -> _History:
        """Every held change of one record, parsed, oldest clock first.

        Read once per record and batch (the batch is stored before it is merged), so a bundle
        that hammers one record costs its history once per batch, not once per change.
        """
        key = (kind_name, record_id)
        found = self.histories.get(key)
        if found is None:
            # A keyed record's history holds the changes of the older ids folded into it.
            rows = self.conn.execute(
                "SELECT device_id, dev_seq, hlc, kind, record_id, op, payload FROM changes"
                " WHERE kind = ?1 AND (record_id = ?2 OR record_id IN (SELECT alias_id FROM"
                " record_aliases WHERE kind = ?1 AND record_id = ?2))",
                key,
            )
            changes = sorted((Change(*r) for r in rows), key=lambda c: (c.clock, c.dev_seq))
            parsed = [
                (c, *incoming.parse(c, incoming=False, model=self.model)[1:]) for c in changes
            ]
            found = _History(parsed, {c.clock: (c, data) for c, data, _ in parsed})
            self.histories[key] = found
        return found

    # ------------------------------------------------------------ one change

    def _merge(
        self,
        c: Change,
        k: Kind,
        data: dict[str, Any],
        base: dict[str, str],
        *,
        count: bool,
        replay: set[tuple[str, str]],
    ) -> None:
        rid = self._target(k, c)
        key = (k.name, rid)
        row = self.rows.get(key)
        counts = self.result.counts(k.name) if count else None
        clock = c.clock
        if c.op == "create":
            if seeds.is_seed(k.name, rid):
                # A seeded row, logged as a create by an older version: it stands for the
                # genesis write every device holds, which any real edit beats (store/seeds.py).
                if row is None:
                    self._new_row(k, rid, c, data, clock=seeds.GENESIS)
                    if counts is not None:
                        counts.new += 1
                return
            if row is None:
                row = self._new_row(k, rid, c, data)
                if counts is not None:
                    counts.new += 1
                    self.born.setdefault(key, 0)
            else:
                self.changed = False
                values = stored(k, data)
                values[DELETED] = 0
                for name, value in values.items():
                    self._write(row, name, value, clock, "")
                if self._effect(c, counts) and counts is not None:
                    counts.updated += 1
            if (k.name, c.record_id) in replay:
                replay.discard((k.name, c.record_id))
                for other, o_data, o_base in self._held(k.name, c.record_id).changes:
                    if (other.device_id, other.dev_seq) != (c.device_id, c.dev_seq):
                        self._merge(other, k, o_data, o_base, count=False, replay=replay)
            return
        self._supersede(k, rid, data if c.op == "update" else {DELETED: 0}, base)
        if row is None:
            # Its create has not arrived yet: kept in `changes`, replayed then (and counted
            # now, as nothing else will count it).
            if counts is not None:
                self._count(counts, c.op)
            return
        self.changed = False
        if c.op == "update":
            won = False
            types = self.model.field_types[k.name]
            for name, value in data.items():
                sql_value = value_to_sql(types[name], value)
                if name in k.key:
                    # A key field names the record: an older version's edit of it cannot move
                    # the record to another key. The value it wrote is kept in the log.
                    if sql_value != row.values[name]:
                        self._conflict(
                            row, name, self._json(row, name, sql_value), clock, row.clocks[name]
                        )
                    continue
                won |= self._write(row, name, sql_value, clock, effective(base, name))
            if won and row.deleted and effective(base, DELETED) != row.clocks[DELETED]:
                # Edited while (unknown to the editor) deleted elsewhere: the delete stands,
                # the edit is kept on the hidden row and noted so that one click restores it.
                self._conflict(row, DELETED, "false", clock, row.clocks[DELETED])
            if self._effect(c, counts) and counts is not None:
                counts.updated += 1
                if key in self.born:
                    self.born[key] += 1
            return
        was_deleted = row.deleted
        self._write(row, DELETED, 1 if c.op == "delete" else 0, clock, effective(base, DELETED))
        if self._effect(c, counts) and counts is not None:
            self._count(counts, c.op)
            if key in self.born:
                if c.op == "delete":
                    self.born_gone.add(key)
                else:
                    self.born_gone.discard(key)  # restored: it counts as it was
        if c.op == "delete" and row.deleted and not was_deleted:
            for name in self.model.field_names[k.name]:
                edited = row.clocks[name]
                if edited > effective(base, name) and split_clock(edited)[1] != c.device_id:
                    self._conflict(row, DELETED, "false", edited, clock)

    def _effect(self, c: Change, counts: KindCounts | None) -> bool:
        """Should this change be counted: did it change a value here (an import counts what
        changes, not what arrives)? Replays are not counted but remembered for the change's
        own turn."""
        if counts is None:
            if self.changed:
                self.replay_effects.add((c.device_id, c.dev_seq))
            return False
        return self.changed or (c.device_id, c.dev_seq) in self.replay_effects

    @staticmethod
    def _count(counts: KindCounts, op: str) -> None:
        if op == "update":
            counts.updated += 1
        elif op == "delete":
            counts.deleted += 1
        else:
            counts.restored += 1

    def _new_row(
        self, k: Kind, rid: str, c: Change, data: dict[str, Any], *, clock: str | None = None
    ) -> _Row:
        values = stored(k, data)
        clocks = dict.fromkeys(self.model.clocked[k.name], clock or c.clock)
        row = _Row(k, rid, values, clocks, 0, _iso(c.hlc), False)
        row.dirty.update(clocks)
        self.rows[(k.name, rid)] = row
        return row

    # ------------------------------------------------------------ natural keys

    def _find_aliases(
        self, parsed: list[tuple[Change, Kind, dict[str, Any], dict[str, str]]]
    ) -> None:
        """Look up, once per batch, which older ids of keyed kinds are folded into which record."""
        wanted: dict[str, set[str]] = {}
        for c, k, _, _ in parsed:
            legacy = k.key and not naturalkeys.is_derived(c.record_id)
            if legacy and (k.name, c.record_id) not in self.aliases:
                wanted.setdefault(k.name, set()).add(c.record_id)
        for kind_name, ids in wanted.items():
            listed = sorted(ids)
            for start in range(0, len(listed), 500):
                chunk = listed[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for alias, target in self.conn.execute(
                    "SELECT alias_id, record_id FROM record_aliases WHERE kind = ?"
                    f" AND alias_id IN ({marks})",
                    (kind_name, *chunk),
                ):
                    self.aliases[(kind_name, str(alias))] = str(target)

    def _keyed_create(self, c: Change, k: Kind, data: dict[str, Any]) -> None:
        """A create of a keyed kind under an id other than its key's: an older version's
        record, folded into the keyed record from now on (here, as store/naturalkeys.py did)."""
        derived = key_id(k, data)
        if derived is None or derived == c.record_id:
            return
        if naturalkeys.is_derived(c.record_id):
            # Only an older version makes random ids; a derived id names its key.
            raise incoming.bad(f"{k.label}の ID が記録を特定する項目と一致しません")
        known = self.aliases.get((k.name, c.record_id))
        if known is None:
            self.aliases[(k.name, c.record_id)] = derived
            naturalkeys.add_alias(self.conn, k, c.record_id, derived)
            self.histories.pop((k.name, derived), None)

    def _target(self, k: Kind, c: Change) -> str:
        """The record a change is merged into (its own id, or the keyed record it names)."""
        if not k.key:
            return c.record_id
        return self.aliases.get((k.name, c.record_id), c.record_id)

    def _write(self, row: _Row, name: str, value: Any, clock: str, base: str) -> bool:
        """Last writer wins on one field; True when the incoming value became current."""
        current = row.clocks[name]
        if clock == current:
            return False  # this very write, again
        old = row.current(name)
        if clock > current:
            if (
                old != value
                # the writer had seen it, or it is a seed value (nobody's writing)
                and current not in (base, seeds.GENESIS)
                and not self._shows(row, name, base, old)
            ):
                self._conflict(row, name, self._json(row, name, old), current, clock)
            if old != value:
                self.changed = True
            row.set(name, value, clock)
            return True
        if old != value and not self._superseded(row, name, clock, value):
            self._conflict(row, name, self._json(row, name, value), clock, current)
        return False

    @staticmethod
    def _json(row: _Row, name: str, raw: Any) -> str:
        if name == DELETED:
            return "true" if raw else "false"
        return value_json(row.kind.field(name).type, raw)

    def _superseded(self, row: _Row, name: str, clock: str, value: Any) -> bool:
        """Has a held write replaced this one knowingly: its writer had this write, or this
        very value, in front of it (its _base names this clock or a write of this value)?"""
        history = self._held(row.kind.name, row.record_id)
        seen = history.seen.get(name)
        if seen is None:
            clocks = {
                effective(base, name)
                for other, data, base in history.changes
                if (
                    name in data
                    if other.op == "update"
                    else other.op != "create" and name == DELETED
                )
            }
            values = {self._value_at(row, name, b) for b in clocks}
            seen = history.seen[name] = (clocks, values)
        return clock in seen[0] or (value, True) in seen[1]

    def _shows(self, row: _Row, name: str, clock: str, value: Any) -> bool:
        """Did the held write ``clock`` give ``name`` this (stored-form) value?

        Two writes of one value are one value to a reader: the same organisation seeded on two
        devices, or one correction typed twice. A writer who saw either has seen it.
        """
        return self._value_at(row, name, clock) == (value, True)

    def _value_at(self, row: _Row, name: str, clock: str) -> tuple[Any, bool]:
        """(stored-form value, True) that the held write ``clock`` gave ``name``, if it did."""
        found = self._held(row.kind.name, row.record_id).by_clock.get(clock) if clock else None
        if found is None:
            return None, False
        change, data = found
        if name == DELETED:
            if change.op == "update":
                return None, False
            return int(change.op == "delete"), True
        if change.op == "create" or name in data:
            f_type = self.model.field_types[row.kind.name][name]
            return value_to_sql(f_type, data.get(name)), True
        return None, False

    def _supersede(
        self, k: Kind, record_id: str, written: Mapping[str, Any], base: Mapping[str, str]
    ) -> None:
        # A value the writer had seen was not lost to it: drop an open entry logged for it
        # before this write arrived (arrival order must not decide what the log holds).
        if (k.name, record_id) not in self.open_records:
            return
        for name in written:
            cid = conflict_id(k.name, record_id, name, effective(base, name))
            if cid in self.known_conflicts and cid not in self.resolved:
                self.known_conflicts.discard(cid)
                self.conflict_ops[cid] = None
                if cid in self.added:
                    self.added.discard(cid)
                    self.result.counts(k.name).conflicts -= 1

    def _conflict(self, row: _Row, name: str, value: str, losing: str, winning: str) -> None:
        k = row.kind.name
        cid = conflict_id(k, row.record_id, name, losing)
        if cid in self.known_conflicts:
            return
        self.known_conflicts.add(cid)
        self.added.add(cid)
        self.open_records.add((k, row.record_id))
        self.result.counts(k).conflicts += 1
        lh, ld = split_clock(losing)
        wh, wd = split_clock(winning)
        self.conflict_ops[cid] = (cid, k, row.record_id, name, value, lh, ld, wh, wd, self.now)

    # ------------------------------------------------------------ writing back

    def _flush(self) -> None:
        by_shape: dict[tuple[str, bool, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for row in self.rows.values():
            if row is None or not row.dirty:
                continue
            k = row.kind
            clocks = compact(k, row.clocks)
            top = max(row.clocks.values())
            hlc, device = split_clock(top)
            system = (row.deleted, _iso(hlc), hlc, device, json.dumps(clocks))
            if row.in_db:
                names = tuple(n for n in self.model.field_names[k.name] if n in row.dirty)
                params = (*(row.values[n] for n in names), *system, row.record_id)
            else:
                names = self.model.field_names[k.name]
                params = (row.record_id, *(row.values[n] for n in names), row.created_at, *system)
            by_shape.setdefault((k.name, row.in_db, names), []).append(params)
        for (kind_name, in_db, names), params_list in by_shape.items():
            system_cols = ("_deleted", "_updated_at", "_hlc", "_device", "_clocks")
            if in_db:
                sets = ", ".join(f'"{n}" = ?' for n in (*names, *system_cols))
                sql = f'UPDATE "{kind_name}" SET {sets} WHERE id = ?'
            else:
                cols = ("id", *names, "_created_at", *system_cols)
                marks = ", ".join("?" * len(cols))
                sql = f'INSERT INTO "{kind_name}" ({", ".join(cols)}) VALUES ({marks})'
            self.conn.executemany(sql, params_list)
        self.rows.clear()
        gone = [(cid,) for cid, op in self.conflict_ops.items() if op is None]
        if gone:
            self.conn.executemany(
                "DELETE FROM conflicts WHERE id = ? AND resolved_at IS NULL", gone
            )
        added = [op for op in self.conflict_ops.values() if op is not None]
        if added:
            self.conn.executemany(
                "INSERT OR IGNORE INTO conflicts (id, kind, record_id, field, losing_value,"
                " losing_hlc, losing_device, winning_hlc, winning_device, detected_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                added,
            )
        self.conflict_ops.clear()

    # ------------------------------------------------------------ held changes, again

    def reapply(self, changes: list[Change], fresh: Mapping[str, tuple[str, ...]]) -> None:
        """Merge again the whole held history of each record ``changes`` touch
        (sync/deferred.py: kept changes whose kinds or fields this version now knows).

        ``fresh``, per kind: fields that were not known when the changes arrived. Their
        columns hold no write (the migration that added them left them empty), so they start
        at genesis, which every real write beats; the history then merges as it would have on
        a device that knew them all along: the same clocks, the same rules. The rest of it is
        merged a second time, which changes nothing and logs no conflict twice.
        """
        parsed = [(c, *incoming.parse(c, incoming=False, model=self.model)) for c in changes]
        self._find_aliases(parsed)
        keys = {(k.name, self._target(k, c)) for c, k, _, _ in parsed}
        self._load(keys)
        for kind_name, rid in sorted(keys):
            k = self.model.by_name[kind_name]
            row = self.rows.get((kind_name, rid))
            types = self.model.field_types[kind_name]
            for name in fresh.get(kind_name, ()) if row is not None else ():
                assert row is not None
                row.set(name, value_to_sql(types[name], None), seeds.GENESIS)
            history = self._held(kind_name, rid).changes
            self._find_aliases([(c, k, data, base) for c, data, base in history])
            # Creates first: a change stamped before its record's create (another device's
            # clock) is merged once the record exists, as an orphan is when its create comes.
            for c, data, base in sorted(history, key=lambda h: h[0].op != "create"):
                self._merge(c, k, data, base, count=True, replay=set())
        self._flush()

    # ------------------------------------------------------------ gaps

    def _gaps(self) -> None:
        # Every incoming change is in the table by now: a gap is a hole below the highest one
        # received. Found in SQL on the (device_id, dev_seq) index, so neither a long history
        # nor a forged huge number costs memory or time.
        for device, top in self.tops.items():
            missing: list[tuple[int, int]] = []
            # Holes up to the declared coverage are other organisations' changes.
            floor = ledger.covered_through(self.db, device)
            low = self.conn.execute(
                "SELECT min(dev_seq) FROM changes WHERE device_id = ? AND dev_seq > ?",
                (device, floor),
            ).fetchone()[0]
            if low is not None and int(low) > floor + 1:
                missing.append((floor + 1, int(low) - 1))
            for start, stop in self.conn.execute(
                "SELECT c.dev_seq + 1, (SELECT min(d.dev_seq) - 1 FROM changes AS d"
                "  WHERE d.device_id = ?1 AND d.dev_seq > c.dev_seq)"
                " FROM changes AS c WHERE c.device_id = ?1 AND c.dev_seq >= ?4 AND c.dev_seq < ?2"
                " AND NOT EXISTS"
                " (SELECT 1 FROM changes AS e WHERE e.device_id = ?1 AND e.dev_seq = c.dev_seq + 1)"
                " ORDER BY c.dev_seq LIMIT ?3",
                (device, top, MAX_GAPS, floor),
            ):
                missing.append((int(start), int(stop)))
            if missing:
                self.result.gaps[device] = missing[:MAX_GAPS]


def plan(
    db: Database,
    changes: Iterable[Change],
    *,
    covers: Mapping[str, tuple[int, int]] | None = None,
    divergence: Divergence | None = None,
    scope: Scope | None = None,
    proven: Callable[[str, int, int], bool] | None = None,
    model: Model = MODEL,
    declared: Mapping[str, foreign.Scoping] | None = None,
) -> Plan:
    """What ``apply`` would do, and nothing is kept.

    The very same merge runs inside a transaction (or, within the caller's, a savepoint) that is
    always rolled back: the counts are exactly apply's, memory stays as flat as apply's, and no
    change reaches the database. The full-text triggers are dropped inside that span (DDL rolls
    back too), which makes a plan cheaper than the apply it predicts.
    """
    result = Plan()
    conn = db.conn
    outer = not conn.in_transaction
    conn.execute("BEGIN" if outer else "SAVEPOINT dxdesk_plan")
    try:
        # The search index is not part of a plan: its triggers go for the rolled-back span.
        triggers = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fts!_%'"
            " ESCAPE '!'"
        ).fetchall()
        with contextlib.suppress(sqlite3.Error):  # e.g. a statement still reading: keep them
            for (name,) in triggers:
                conn.execute(f'DROP TRIGGER "{name}"')
        _Merge(
            db,
            result,
            divergence=divergence,
            scope=scope,
            proven=proven,
            model=model,
            declared=declared,
        ).run(changes, covers)
    finally:
        if outer:
            conn.execute("ROLLBACK")
        else:
            conn.execute("ROLLBACK TO SAVEPOINT dxdesk_plan")
            conn.execute("RELEASE SAVEPOINT dxdesk_plan")
    return result


def apply(
    db: Database,
    changes: Iterable[Change],
    *,
    clock: HybridClock | None = None,
    covers: Mapping[str, tuple[int, int]] | None = None,
    divergence: Divergence | None = None,
    scope: Scope | None = None,
    source: str | None = None,
    proven: Callable[[str, int, int], bool] | None = None,
    model: Model = MODEL,
    declared: Mapping[str, foreign.Scoping] | None = None,
) -> Summary:
    """Store and merge ``changes``; the caller holds the transaction.

    Changes are stored under their original (device_id, dev_seq); one already held is ignored.
    ``covers`` (for a scoped change set): {device: (since, through)} declares that the set holds
    every change of that device numbered since+1..through that this database should see (the
    sender computed it from ``since``, our state vector as it knew it). If we hold everything up
    to ``since``, the state vector moves to ``through`` past the holes left for other
    organisations; otherwise the range above our vector is reported as a gap.
    ``clock`` (the local record store's) is moved past the newest imported timestamp so that
    the next local edit is later than anything it has seen.
    ``model``: the kinds this version knows; ``declared``: the scope rules a bundle declares
    for kinds (its manifest's ``kinds``), needed for a kind the model does not know, whose
    changes are kept (sync/foreign.py).
    """
    if not db.conn.in_transaction:
        raise RuntimeError("apply() must run inside Database.transaction()")
    result = Summary()
    run = _Merge(
        db,
        result,
        divergence=divergence,
        scope=scope,
        source=source,
        proven=proven,
        model=model,
        declared=declared,
    )
    run.run(changes, covers)
    if clock is not None and run.newest_near:
        # Not max_hlc: a stamp more than a day ahead is merged like any other, but the local
        # clock does not follow it (see "Clock receipt" in docs/bundle-format.md).
        clock.observe(Timestamp.decode(run.newest_near))
    return result


def reapply(
    db: Database,
    changes: Iterable[Change],
    *,
    model: Model = MODEL,
    fresh: Mapping[str, tuple[str, ...]] | None = None,
) -> Summary:
    """Merge held changes again, each with the whole history of its record (``_Merge.reapply``);
    the caller holds the transaction. sync/deferred.py calls it after an upgrade."""
    if not db.conn.in_transaction:
        raise RuntimeError("reapply() must run inside Database.transaction()")
    result = Summary()
    _Merge(db, result, model=model).reapply(list(changes), fresh or {})
    return result
