"""Records whose identity is their content: a natural key, a derived id, older ids as aliases.

A keyed kind (``Kind.key`` in core/model.py: a system's status per organisation, a procedure
step's cell, a goal's month) has the id ``key_id`` derives from the key, the same on every
device. Two laptops that record step 12 of 高千穂町's 住民記録 offline both write the one record;
the merge (sync/merge.py) merges their values per field like any edit, losers in the conflict log.

Before keys existed such records got random ids, so a profile may hold two cells for one key.
``fold`` (run once, by migration 0009) merges every such group into the record with the derived
id: each field takes the value of the newest write among the group, exactly what the merge would
have made of their changes had they been one record, and every other value written goes to the
conflict log. The older ids stay known as aliases (``record_aliases``): a change to one of them
that arrives later, from a laptop that has not been updated yet, is merged into the keyed record
(sync/merge.py), so no device's result depends on when it was updated.

Why not rewrite the groups through ordinary synced writes (create the keyed record, delete the
old ones)? A laptop still on the old version keeps editing its old cell, and on every updated
device that edit would have to land somewhere: with aliases it lands on the one cell; after a
synced delete it would land on a deleted row. The fold is deterministic from the rows a device
holds, the rows follow from the changes, so every device that holds the same changes reaches
the same records and the same conflict log.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from dxdesk.core.clock import stamp
from dxdesk.core.model import KINDS, Kind, key_id
from dxdesk.store.rows import (
    CLOCKED_FIELDS,
    DELETED,
    compact,
    conflict_id,
    from_sql,
    row_clocks,
    split_clock,
    value_json,
)

KEYED: tuple[Kind, ...] = tuple(k for k in KINDS if k.key)
# The kinds migration 0009 folds: those keyed then. A data step runs on the schema of its own
# version, so it names what existed then (kinds keyed later were born with derived ids).
FOLDED_BY_0009 = ("system_status", "step_status", "goal_progress")
_EMPTY = (None, "", "[]")


def is_derived(record_id: str) -> bool:
    """True for an id derived from a key (UUIDv5), False for a random one (UUIDv7)."""
    return len(record_id) == 36 and record_id[14] == "5"


def target(conn: Any, kind: Kind, record_id: str) -> str:
    """The record an id names now: the keyed record it was folded into, or itself."""
    if not kind.key or is_derived(record_id):
        return record_id
    row = conn.execute(
        "SELECT record_id FROM record_aliases WHERE kind = ? AND alias_id = ?",
        (kind.name, record_id),
    ).fetchone()
    return str(row[0]) if row else record_id


def aliases_of(conn: Any, kind: Kind, record_id: str) -> list[str]:
    """The older ids folded into a keyed record (its history is theirs too)."""
    if not kind.key:
        return []
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT alias_id FROM record_aliases WHERE kind = ? AND record_id = ? ORDER BY alias_id",
            (kind.name, record_id),
        )
    ]


def add_alias(conn: Any, kind: Kind, alias_id: str, record_id: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO record_aliases (kind, alias_id, record_id) VALUES (?, ?, ?)",
        (kind.name, alias_id, record_id),
    )


def fold(conn: Any) -> dict[str, int]:
    """Give every keyed record its derived id, merging records that share a key.

    Returns, per kind, how many older records were folded. Runs in the caller's transaction.
    """
    now = stamp()
    folded: dict[str, int] = {}
    for k in (k for k in KEYED if k.name in FOLDED_BY_0009):
        cursor = conn.execute(f'SELECT * FROM "{k.name}"')
        cols = [d[0] for d in cursor.description]
        groups: dict[str, list[dict[str, Any]]] = {}
        for values in cursor.fetchall():
            raw = dict(zip(cols, values, strict=True))
            derived = key_id(k, from_sql(k, raw))
            if derived is not None:
                groups.setdefault(derived, []).append(raw)
        count = 0
        for derived, members in sorted(groups.items()):
            if len(members) == 1 and members[0]["id"] == derived:
                continue
            count += sum(1 for m in members if m["id"] != derived)
            _fold_group(conn, k, derived, members, now)
        if count:
            folded[k.name] = count
    return folded


def _fold_group(conn: Any, k: Kind, derived: str, members: list[dict[str, Any]], now: str) -> None:
    clocks = [row_clocks(k, m) for m in members]
    merged: dict[str, Any] = {}
    merged_clocks: dict[str, str] = {}
    # The columns of the table at this schema version (a later version may add fields).
    present = [n for n in CLOCKED_FIELDS[k.name] if n in members[0]]
    for name in present:
        # The newest write wins, as the merge decides it; the clock (hlc@device) is unique.
        best = max(range(len(members)), key=lambda i: clocks[i][name])
        merged[name] = members[best][name]
        merged_clocks[name] = clocks[best][name]
        for i, member in enumerate(members):
            if i == best or member[name] == merged[name]:
                continue
            if name == DELETED:
                if member[name]:
                    continue  # a deleted duplicate hides nothing that the record does not show
                value = "false"
            elif member[name] in _EMPTY or name in k.key:
                continue  # nothing typed there: no value to keep
            else:
                value = value_json(k.field(name).type, member[name])
            lh, ld = split_clock(clocks[i][name])
            wh, wd = split_clock(merged_clocks[name])
            conn.execute(
                "INSERT OR IGNORE INTO conflicts (id, kind, record_id, field, losing_value,"
                " losing_hlc, losing_device, winning_hlc, winning_device, detected_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    conflict_id(k.name, derived, name, clocks[i][name]),
                    k.name,
                    derived,
                    name,
                    value,
                    lh,
                    ld,
                    wh,
                    wd,
                    now,
                ),
            )
    for name in CLOCKED_FIELDS[k.name]:  # fields added after this version: as the record
        merged_clocks.setdefault(name, max(c[name] for c in clocks))
    created = min(str(m["_created_at"]) for m in members)
    top = max(merged_clocks.values())
    hlc, device = split_clock(top)
    updated = max(str(m["_updated_at"]) for m in members)
    old = [m["id"] for m in members if m["id"] != derived]
    _delete(conn, k, old)
    names = tuple(n for n in k.field_names if n in members[0])
    cols = ("id", *names, DELETED, "_created_at", "_updated_at", "_hlc", "_device", "_clocks")
    params = (
        derived,
        *(merged[n] for n in names),
        int(merged[DELETED]),
        created,
        updated,
        hlc,
        device,
        json.dumps(compact(k, merged_clocks)),
    )
    conn.execute(f'DELETE FROM "{k.name}" WHERE id = ?', (derived,))
    conn.execute(
        f'INSERT INTO "{k.name}" ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})',
        params,
    )
    for alias in old:
        add_alias(conn, k, alias, derived)
        # What was said about the older record is said about the keyed one.
        conn.execute(
            "UPDATE conflicts SET record_id = ? WHERE kind = ? AND record_id = ?",
            (derived, k.name, alias),
        )
        conn.execute(
            "UPDATE drafts SET record_id = ? WHERE kind = ? AND record_id = ?",
            (derived, k.name, alias),
        )


def _delete(conn: Any, k: Kind, ids: Iterable[str]) -> None:
    conn.executemany(f'DELETE FROM "{k.name}" WHERE id = ?', [(i,) for i in ids])
