"""Reference rows every profile starts with (the 26 municipalities and the prefecture's
divisions), stamped at genesis so that every real edit, made anywhere, beats them.

A seeded row is the same on every device: its id is derived from its code, its values come from
resources/, and its field clocks are ``GENESIS``, earlier than any clock a device can make. It is
written without a change in the log: a new laptop's first bundle carries nothing about
organisations it did not edit, and an import counts nothing for them.

Versions before this one logged the seed rows as creates stamped with the device's clock at
init, so a laptop initialised after the hub had edited 延岡市 brought 延岡市's seed values back
with a later clock and beat the edit. The merge now takes any create of a seeded row as the
genesis write it stands for (sync/merge.py), and ``repair`` (migration 0011) recomputes seeded
rows from the edits held, so the hub's edits win back and the seed values leave the conflict log.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from dxdesk.core import reference
from dxdesk.core.ids import natural_id
from dxdesk.core.model import Kind, Record, kind, validate
from dxdesk.store.rows import (
    CLOCKED_FIELDS,
    DELETED,
    compact,
    row_clocks,
    split_clock,
    stored,
    value_to_sql,
)

GENESIS_HLC = "000000000000000-000000"
GENESIS_DEVICE = "genesis"
GENESIS = f"{GENESIS_HLC}@{GENESIS_DEVICE}"
# The creation time a seeded row shows: the same on every device (and in every digest).
GENESIS_AT = "2000-01-01T00:00:00+09:00"


@cache
def seed_records() -> tuple[tuple[Kind, str, Record], ...]:
    """Every seeded row: its kind, its derived id and its values, from resources/."""
    org = kind("organisation")
    out: list[tuple[Kind, str, Record]] = []
    for m in reference.municipalities():
        values = validate(
            org,
            {
                "code": m.code,
                "name": m.name,
                "reading": m.reading,
                "org_kind": m.kind,
                "gun": m.gun,
                "area": m.area,
                "bansou": m.bansou,
                "welfare_office": m.welfare_office,
            },
        )
        out.append((org, natural_id("organisation", m.code), values))
    for d in reference.prefecture_divisions():
        values = validate(
            org,
            {
                "code": d.code,
                "name": d.name,
                "reading": d.reading,
                "org_kind": "県",
                "bansou": False,
            },
        )
        out.append((org, natural_id("organisation", d.code), values))
    return tuple(out)


@cache
def seed_ids() -> frozenset[tuple[str, str]]:
    """(kind, id) of every seeded row."""
    return frozenset((k.name, rid) for k, rid, _ in seed_records())


def is_seed(kind_name: str, record_id: str) -> bool:
    return (kind_name, record_id) in seed_ids()


def _at_genesis(conn: Any, k: Kind, rid: str, values: Record) -> int:
    names = k.field_names
    cols = ("id", *names, "_created_at", "_updated_at", "_hlc", "_device", "_clocks")
    row = stored(k, values)
    params = (
        rid,
        *(row[n] for n in names),
        GENESIS_AT,
        GENESIS_AT,
        GENESIS_HLC,
        GENESIS_DEVICE,
        json.dumps({"*": GENESIS}),
    )
    cursor = conn.execute(
        f'INSERT OR IGNORE INTO "{k.name}" ({", ".join(cols)})'
        f" VALUES ({', '.join('?' * len(cols))})",
        params,
    )
    return int(cursor.rowcount)


def insert(conn: Any) -> int:
    """Write the seeded rows a database lacks, at genesis, logging nothing."""
    return sum(_at_genesis(conn, k, rid, values) for k, rid, values in seed_records())


def stand_in(conn: Any, k: Kind, rid: str, values: Record) -> bool:
    """Hold a record another device owns until its create arrives (a field laptop's staff
    record, named by the hub at enrolment): at genesis and unlogged like a seed, so the owner's
    create and every later write beat it without a conflict, and nothing of it is sent.
    False when a row with that id is already here."""
    return _at_genesis(conn, k, rid, values) > 0


def repair(conn: Any) -> int:
    """Recompute every seeded row from the edits held, its seed at genesis (migration 0011).

    Each field takes the newest update (or delete/restore) held for it; a field no update wrote
    has its seed value at genesis. Conflicts that a seed's create won or lost are dropped: a seed
    value is not something a person wrote. Deterministic from the changes held, so every device
    holding the same changes holds the same rows. Returns the rows that changed.
    """
    repaired = 0
    for k, rid, values in seed_records():
        cursor = conn.execute(f'SELECT * FROM "{k.name}" WHERE id = ?', (rid,))
        cols = [d[0] for d in cursor.description]
        found = cursor.fetchone()
        if found is None:
            continue
        row = dict(zip(cols, found, strict=True))
        # The columns at this schema version (fields added later are not there yet).
        names = tuple(n for n in k.field_names if n in row)
        creates: set[tuple[str, str]] = set()
        best: dict[str, tuple[str, Any]] = {}
        for device, hlc, op, payload in conn.execute(
            "SELECT device_id, hlc, op, payload FROM changes WHERE kind = ? AND record_id = ?",
            (k.name, rid),
        ):
            clock = f"{hlc}@{device}"
            if op == "create":
                creates.add((str(hlc), str(device)))
                continue
            data = json.loads(payload)
            data.pop("_base", None)
            written = {DELETED: int(op == "delete")} if op != "update" else data
            for name, value in written.items():
                if name not in CLOCKED_FIELDS[k.name]:
                    continue
                if name not in best or clock > best[name][0]:
                    sql = value if name == DELETED else value_to_sql(k.field(name).type, value)
                    best[name] = (clock, sql)
        seed = stored(k, values)
        new_values = {n: best[n][1] if n in best else seed[n] for n in names}
        clocks = {n: best[n][0] if n in best else GENESIS for n in CLOCKED_FIELDS[k.name]}
        deleted = int(best[DELETED][1]) if DELETED in best else 0
        if creates:
            for lh, ld in creates:
                conn.execute(
                    "DELETE FROM conflicts WHERE kind = ? AND record_id = ?"
                    " AND ((losing_hlc = ? AND losing_device = ?)"
                    " OR (winning_hlc = ? AND winning_device = ?))",
                    (k.name, rid, lh, ld, lh, ld),
                )
        same = new_values == {n: row[n] for n in names}
        if same and clocks == row_clocks(k, row) and int(row[DELETED]) == deleted:
            continue
        top = max(clocks.values())
        hlc, device = split_clock(top)
        sets = ", ".join(f'"{n}" = ?' for n in names)
        conn.execute(
            f'UPDATE "{k.name}" SET {sets}, _deleted = ?, _hlc = ?, _device = ?, _clocks = ?'
            " WHERE id = ?",
            (
                *(new_values[n] for n in names),
                deleted,
                hlc,
                device,
                json.dumps(compact(k, clocks)),
                rid,
            ),
        )
        repaired += 1
    return repaired
