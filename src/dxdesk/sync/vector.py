"""What a database holds, per change log, and what a peer lacks: the export side of sync.

``state_vector`` (per log, the highest number with nothing missing below, counting a scoped
change set's declared coverage), ``changes_since`` and ``log_changes`` (what to send),
``out_of_scope`` (records of other organisations), ``digest`` (the divergence check).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping

from dxdesk.store import ledger
from dxdesk.store.database import Database
from dxdesk.sync import foreign
from dxdesk.sync.changes import BATCH, DELETED, MODEL, STAR, Change, Model, effective


def state_vector(db: Database) -> dict[str, int]:
    """Per device, the highest dev_seq below which nothing this database should hold is missing.

    That is the run of held changes from 1, where a scoped change set's declared coverage
    (``apply(..., covers=...)``) counts as held. A change received past a real gap is merged at
    once, but the vector stays below the gap so the peer's next bundle resends from there (the
    resent ones are ignored as duplicates).
    """
    covered = ledger.coverage(db)
    devices = {str(r[0]) for r in db.conn.execute("SELECT DISTINCT device_id FROM changes")}
    out = {d: _held_through(db, d, covered.get(d, 0)) for d in devices}
    for device, through in covered.items():
        out.setdefault(device, through)
    return out


def held_through(db: Database, log_id: str) -> int:
    """The state vector's entry for one log (see ``state_vector``)."""
    return _held_through(db, log_id, ledger.covered_through(db, log_id))


def _held_through(db: Database, device: str, floor: int) -> int:
    """The end of the run of held dev_seqs that starts right after ``floor``."""
    conn = db.conn
    top, count = conn.execute(
        "SELECT max(dev_seq), count(*) FROM changes WHERE device_id = ? AND dev_seq > ?",
        (device, floor),
    ).fetchone()
    if top is None:
        return floor
    if int(top) - floor == int(count):
        return int(top)  # no hole above the floor (the usual case): no scan for one
    if (
        conn.execute(
            "SELECT 1 FROM changes WHERE device_id = ? AND dev_seq = ?", (device, floor + 1)
        ).fetchone()
        is None
    ):
        return floor
    row = conn.execute(
        "SELECT min(dev_seq) FROM changes AS c WHERE device_id = ?1 AND dev_seq > ?2"
        " AND NOT EXISTS (SELECT 1 FROM changes WHERE device_id = ?1 AND dev_seq = c.dev_seq + 1)",
        (device, floor),
    ).fetchone()
    return int(row[0])


def log_changes(db: Database, log_id: str, after: int, through: int) -> Iterator[Change]:
    """The held changes of one log numbered after+1..through, in order (with chain values)."""
    cursor = db.conn.execute(
        "SELECT device_id, dev_seq, hlc, kind, record_id, op, payload, chain FROM changes"
        " WHERE device_id = ? AND dev_seq > ? AND dev_seq <= ? ORDER BY dev_seq",
        (log_id, after, through),
    )
    while rows := cursor.fetchmany(BATCH):
        for r in rows:
            yield Change(
                str(r[0]),
                int(r[1]),
                str(r[2]),
                str(r[3]),
                str(r[4]),
                str(r[5]),
                str(r[6]),
                None if r[7] is None else bytes(r[7]),
            )


def out_of_scope(
    db: Database, scope: Iterable[str] | None, *, model: Model = MODEL
) -> dict[str, set[str]]:
    """Per kind, the ids of records that belong to an organisation outside ``scope``."""
    return _out_of_scope(db, scope, model)


def _out_of_scope(db: Database, scope: Iterable[str] | None, model: Model) -> dict[str, set[str]]:
    """Per kind, the ids of records that belong to an organisation outside ``scope``.

    Kinds of a newer version, kept here (sync/foreign.py), by the rule their bundles declared.
    """
    if scope is None:
        return {}
    orgs = sorted(set(scope))
    out: dict[str, set[str]] = foreign.out_of_scope(db, orgs, model)
    marks = ",".join("?" * len(orgs))
    for k in model.kinds:
        parent = model.by_name.get(k.parent_kind or "")
        if k.org_field is not None:
            sql = f'SELECT id FROM "{k.name}" WHERE "{k.org_field}" IS NOT NULL'
            if orgs:
                sql += f' AND "{k.org_field}" NOT IN ({marks})'
        elif parent is not None and parent.org_field is not None:
            # A child goes where its parent goes (an issue's related organisations with it).
            sql = (
                f'SELECT c.id FROM "{k.name}" AS c JOIN "{parent.name}" AS p'
                f' ON p.id = c."{k.parent}" WHERE p."{parent.org_field}" IS NOT NULL'
            )
            if orgs:
                sql += f' AND p."{parent.org_field}" NOT IN ({marks})'
        else:
            continue  # reference data (organisations, staff, vendors...) goes everywhere
        ids = {str(r[0]) for r in db.conn.execute(sql, orgs)}
        if k.key and ids:
            # Changes written under the older ids of keyed records (store/naturalkeys.py).
            ids |= {
                str(r[0])
                for r in db.conn.execute(
                    "SELECT alias_id, record_id FROM record_aliases WHERE kind = ?", (k.name,)
                )
                if str(r[1]) in ids
            }
        out[k.name] = ids
    return out


def changes_since(
    db: Database,
    have: Mapping[str, int],
    *,
    scope: Iterable[str] | None = None,
    model: Model = MODEL,
) -> Iterator[Change]:
    """The changes a peer with state vector ``have`` lacks, in (device_id, dev_seq) order.

    ``scope``: organisation ids; records of other organisations are left out (reference kinds
    and records without an organisation always go). None: everything.
    """
    excluded = _out_of_scope(db, scope, model)
    devices = [
        str(r[0]) for r in db.conn.execute("SELECT DISTINCT device_id FROM changes ORDER BY 1")
    ]
    for device in devices:
        cursor = db.conn.execute(
            "SELECT device_id, dev_seq, hlc, kind, record_id, op, payload FROM changes"
            " WHERE device_id = ? AND dev_seq > ? ORDER BY dev_seq",
            (device, int(have.get(device, 0))),
        )
        while rows := cursor.fetchmany(BATCH):
            for r in rows:
                if r[4] in excluded.get(r[3], ()):
                    continue
                yield Change(
                    str(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6])
                )


def digest(db: Database, scope: Iterable[str] | None = None, *, model: Model = MODEL) -> str:
    """SHA-256 over every (kind, record_id, field, clock) in scope, in a fixed order.

    Two databases give the same digest exactly when they hold the same writes for the same
    records, whatever order they received them in, and know the same kinds and fields
    (``Model.fingerprint``): what a version does not know is not in its rows.
    """
    excluded = _out_of_scope(db, scope, model)
    h = hashlib.sha256()
    for k in sorted(model.kinds, key=lambda k: k.name):
        names = sorted((*k.field_names, DELETED))
        skip = excluded.get(k.name, set())
        cursor = db.conn.execute(f'SELECT id, _clocks, _hlc, _device FROM "{k.name}" ORDER BY id')
        while rows := cursor.fetchmany(BATCH):
            for rid, raw, hlc, device in rows:
                if rid in skip:
                    continue
                stored = json.loads(raw or "{}")
                stored.setdefault(STAR, f"{hlc}@{device}")
                for n in names:
                    h.update(f"{k.name}\t{rid}\t{n}\t{effective(stored, n)}\n".encode())
    return h.hexdigest()
