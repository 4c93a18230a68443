"""The conflict log: values that lost a concurrent edit, listed beside the current value and
restorable with one call. A restore is an ordinary local write (it syncs like any edit)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dxdesk.core.clock import stamp
from dxdesk.core.model import KINDS, Value
from dxdesk.errors import UserError
from dxdesk.store.database import Database
from dxdesk.store.records import Change, RecordStore, from_sql, log_device_id
from dxdesk.sync.changes import DELETED

_KINDS = {k.name: k for k in KINDS}


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str
    record_id: str
    field: str  # a field name, or "_deleted" (deleted on one device, kept or edited on another)
    losing_value: Value
    losing_hlc: str
    losing_device: str
    winning_hlc: str
    winning_device: str
    detected_at: str
    resolved_at: str | None
    current_value: Value  # what the record holds now (None when the record is not here)
    record_deleted: bool
    title: str  # the record's title field, for lists


def _conflict(db: Database, row: dict[str, Any]) -> Conflict:
    k = _KINDS.get(str(row["kind"]))
    current: Value = None
    deleted = False
    title = ""
    if k is not None:
        found = db.conn.execute(f'SELECT * FROM "{k.name}" WHERE id = ?', (row["record_id"],))
        cols = [d[0] for d in found.description]
        values = found.fetchone()
        if values is not None:
            record = from_sql(k, dict(zip(cols, values, strict=True)))
            deleted = bool(record["_deleted"])
            name = str(row["field"])
            current = deleted if name == DELETED else record.get(name)
            title = str(record.get(k.title) or "")
    raw = row["losing_value"]
    return Conflict(
        id=str(row["id"]),
        kind=str(row["kind"]),
        record_id=str(row["record_id"]),
        field=str(row["field"]),
        losing_value=json.loads(raw) if raw is not None else None,
        losing_hlc=str(row["losing_hlc"]),
        losing_device=str(row["losing_device"]),
        winning_hlc=str(row["winning_hlc"]),
        winning_device=str(row["winning_device"]),
        detected_at=str(row["detected_at"]),
        resolved_at=row["resolved_at"],
        current_value=current,
        record_deleted=deleted,
        title=title,
    )


def list_conflicts(
    db: Database,
    *,
    include_resolved: bool = False,
    kind: str | None = None,
    record_id: str | None = None,
) -> list[Conflict]:
    """Open conflicts (all with ``include_resolved``), newest losing write first.

    An open entry whose losing value is current again (restored on another device and synced
    here) has nothing left to restore and is listed only with ``include_resolved``.
    """
    where = [] if include_resolved else ["resolved_at IS NULL"]
    params: list[str] = []
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if record_id is not None:
        where.append("record_id = ?")
        params.append(record_id)
    sql = "SELECT * FROM conflicts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY losing_hlc DESC, id"
    cursor = db.conn.execute(sql, params)
    cols = [d[0] for d in cursor.description]
    found = [_conflict(db, dict(zip(cols, r, strict=True))) for r in cursor.fetchall()]
    if include_resolved:
        return found
    return [c for c in found if c.losing_value != c.current_value]


def get_conflict(db: Database, conflict_id: str) -> Conflict:
    """One conflict by id, or by a unique prefix of at least 6 characters (as the CLI shows)."""
    text = conflict_id.strip().lower()
    rows = []
    if len(text) >= 6 and all(c in "0123456789abcdef" for c in text):
        cursor = db.conn.execute(
            "SELECT * FROM conflicts WHERE substr(id, 1, ?) = ? LIMIT 2", (len(text), text)
        )
        cols = [d[0] for d in cursor.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cursor.fetchall()]
    if len(rows) != 1:
        raise UserError("bad_argument", detail=f"競合（ID：{conflict_id}）が見つかりません。")
    return _conflict(db, rows[0])


def _local_store(db: Database) -> RecordStore:
    meta = dict(db.conn.execute("SELECT key, value FROM meta").fetchall())
    return RecordStore(db, log_device_id(meta), str(meta.get("owner_name", "")))


def restore_conflict(
    db: Database, conflict_id: str, *, store: RecordStore | None = None
) -> Change | None:
    """Make the losing value current again, as a new local change that syncs.

    A losing field value is written back (undeleting the record first if it is deleted); a lost
    "kept" (``_deleted`` false) restores the record, a lost delete deletes it. The entry is
    marked resolved. Returns the change made (None when the value is already current).
    """
    c = get_conflict(db, conflict_id)
    k = _KINDS.get(c.kind)
    if k is None:
        raise UserError("unknown_kind", kind=c.kind, kinds=", ".join(_KINDS))
    store = store or _local_store(db)
    with db.transaction():
        if c.field == DELETED:
            change = (
                store.delete(k, c.record_id) if c.losing_value else store.restore(k, c.record_id)
            )
        else:
            if c.record_deleted:
                store.restore(k, c.record_id)
            change = store.update(k, c.record_id, {c.field: c.losing_value})
        db.conn.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", (stamp(), c.id))
    return change


def review_conflict(db: Database, conflict_id: str) -> Conflict:
    """Keep the current value and mark the entry reviewed: no change is made or synced (the
    conflict log is this device's own bookkeeping). Returns the entry as it stood."""
    c = get_conflict(db, conflict_id)
    with db.transaction():
        db.conn.execute(
            "UPDATE conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL",
            (stamp(), c.id),
        )
    return c
