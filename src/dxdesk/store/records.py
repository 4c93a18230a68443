"""The one layer every record write goes through.

Each write, inside the caller's transaction: gives new records a UUIDv7, stamps every changed
field with a hybrid-logical-clock timestamp and the origin device (``_clocks``), keeps deletes as
tombstones (``_deleted``), appends one row to the change log that sync ships (``changes``, numbered
per device without gaps), and one row to the local audit log. Full-text indexes follow through
triggers. Nothing here commits: services own transactions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dxdesk.core import reference
from dxdesk.core.clock import stamp
from dxdesk.core.hlc import HybridClock, Timestamp, horizon
from dxdesk.core.ids import new_id
from dxdesk.core.model import FieldType, Kind, Record, check_rules, key_id
from dxdesk.core.model import kind as kind_by_name
from dxdesk.errors import UserError
from dxdesk.store import chain, ledger, naturalkeys
from dxdesk.store.database import Database
from dxdesk.store.rows import conversions, from_sql, to_sql, value_to_sql

SYSTEM_COLUMNS = (
    "rid",
    "id",
    "_deleted",
    "_created_at",
    "_updated_at",
    "_hlc",
    "_device",
    "_clocks",
)
# Named here too: readers of records take the conversion from the store they read.
__all__ = ["BASE_KEY", "SYSTEM_COLUMNS", "Change", "RecordStore", "from_sql", "to_sql"]
_ALL_FIELDS = "*"
# Payload key of an update, delete or restore: the row's field clocks as this device saw them
# just before the write. Sync uses it to tell a deliberate overwrite (the writer had seen the
# old value) from a concurrent edit, which keeps the losing value in the conflict log.
BASE_KEY = "_base"
# Meta key: the id this database logs its own changes under. It starts as the device id and is
# replaced by a fresh one whenever the database is restored from a backup (services/profile.py),
# because the backup's numbers after it may already be held elsewhere: reusing them would make
# new changes look like altered old ones ("mismatched") and they would never arrive. Who the
# device is for sync (keys, roster, bundle sender) stays meta ``device_id``.
LOG_DEVICE_KEY = "log_device_id"
# Meta key: the organisations this field device may write records of, as its hub last said (JSON
# list; absent: all). The hub refuses a bundle that writes outside them (sync, scope), and a
# refused bundle holds up every later one, so a write outside them is refused here at once.
OWN_SCOPE_KEY = "sync_own_scope"


def log_device_id(meta: Mapping[str, Any]) -> str:
    """The change-log id of a database from its meta rows (the device id until a restore)."""
    return str(meta.get(LOG_DEVICE_KEY) or meta["device_id"])


def start_new_log(conn: Any) -> str:
    """Log this database's future changes under a fresh id (old ones keep theirs, as history)."""
    log_id = new_id()
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    device = str(meta["device_id"])
    # Every log of this device stays listed as its own (log_heads, device_id = this device):
    # its changes are signed and sent by this device alone, the old log's too (sync/origin.py).
    for own in {log_device_id(meta), log_id}:
        ledger.add_own_log(conn, own, device, chain.genesis(own), stamp())
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LOG_DEVICE_KEY, log_id),
    )
    return log_id


@dataclass(frozen=True)
class Change:
    """What a write did; services return these so views can refresh from them alone."""

    kind: str
    record_id: str
    op: str
    fields: tuple[str, ...]


class RecordStore:
    """Writes and reads records. ``device_id`` is the change-log id (``log_device_id``): what
    the changes and field clocks of this database's writes are stamped with."""

    def __init__(
        self,
        database: Database,
        device_id: str,
        actor: str,
        clock: HybridClock | None = None,
        now: Callable[[], str] = stamp,
    ) -> None:
        self.database = database
        self.conn = database.conn
        self.device_id = device_id
        self.actor = actor
        self._now = now
        self.clock = clock or HybridClock(self._last_timestamp())
        self.scope: frozenset[str] | None = self._own_scope()

    def _own_scope(self) -> frozenset[str] | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (OWN_SCOPE_KEY,)).fetchone()
        return None if row is None else frozenset(json.loads(row[0]))

    def _scope_orgs(self, kind: Kind, record: Mapping[str, Any]) -> list[Any]:
        """The organisations a record belongs to for scope: its own, or its parent's."""
        if self.scope is None:
            # Nothing to check (the hub, a field device of all organisations): a child's write
            # would otherwise read its parent for nothing (bench/run.py row 2, children).
            return []
        if kind.org_field is not None:
            return [record.get(kind.org_field)]
        if kind.parent is None or kind.parent_kind is None:
            return []
        parent = kind_by_name(kind.parent_kind)
        if parent.org_field is None:
            return []
        row = self.conn.execute(
            f'SELECT "{parent.org_field}" FROM "{parent.name}" WHERE id = ?',
            (record.get(kind.parent),),
        ).fetchone()
        return [None if row is None else row[0]]

    def _check_scope(self, kind: Kind, *orgs: Any) -> None:
        if self.scope is None:
            return
        for org in orgs:
            if org is not None and org not in self.scope:
                row = self.conn.execute(
                    "SELECT name FROM organisation WHERE id = ?", (org,)
                ).fetchone()
                raise UserError("org_out_of_own_scope", org=str(row[0]) if row else str(org))

    def _last_timestamp(self) -> Timestamp | None:
        # The newest stamp held that the clock may follow: one more than a day ahead of this
        # machine's clock came from a device with a wrong clock and is not followed (core/hlc).
        row = self.conn.execute(
            "SELECT max(hlc) FROM changes WHERE hlc <= ?", (horizon().encode(),)
        ).fetchone()
        return Timestamp.decode(row[0]) if row and row[0] else None

    def _stamp_after(self, seen: str | None) -> str:
        """A new timestamp, later than ``seen`` (the row's newest stamp, possibly from sync)."""
        if seen:
            try:
                last = Timestamp.decode(seen)
            except ValueError:
                last = None
            if last is not None:
                try:
                    return self.clock.observe(last).encode()
                except OverflowError:
                    # Only a forged stamp at the very end of the range gets here.
                    raise UserError(
                        "bad_argument",
                        detail="この記録の時刻印が上限に達しているため編集できません。",
                    ) from None
        return self.clock.now().encode()

    def _require_transaction(self) -> None:
        if not self.conn.in_transaction:
            raise RuntimeError("record writes must run inside Database.transaction()")

    def _log_head(self) -> tuple[int, bytes]:
        """The newest change of this database's own log and its chain value (sync signs it)."""
        row = self.conn.execute(
            "SELECT dev_seq, chain FROM changes WHERE device_id = ? ORDER BY dev_seq DESC LIMIT 1",
            (self.device_id,),
        ).fetchone()
        if row is None:
            return 0, chain.genesis(self.device_id)
        if row[1] is None:
            # Logged before chains existed and not backfilled (cannot happen after migration
            # 0008 for an own log, which has no holes): compute it now rather than guess.
            chain.fill(self.conn, [self.device_id])
            value = chain.chain_at(self.conn, self.device_id, int(row[0]))
            if value is None:
                raise RuntimeError("this database's own change log has a hole")
            return int(row[0]), value
        return int(row[0]), bytes(row[1])

    def _log(
        self, kind: Kind, record_id: str, op: str, hlc: str, payload: Mapping[str, Any]
    ) -> None:
        now = self._now()
        fields = [n for n in payload if n != BASE_KEY]
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        seq, previous = self._log_head()
        line = chain.encode_row(self.device_id, seq + 1, hlc, kind.name, record_id, op, text)
        self.conn.execute(
            "INSERT INTO changes (device_id, dev_seq, hlc, kind, record_id, op, payload, chain)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.device_id,
                seq + 1,
                hlc,
                kind.name,
                record_id,
                op,
                text,
                chain.link(previous, chain.leaf(line)),
            ),
        )
        self.conn.execute(
            "INSERT INTO audit_log (at, device_id, actor, action, kind, record_id, fields)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now, self.device_id, self.actor, op, kind.name, record_id, ",".join(fields)),
        )

    # ------------------------------------------------------------ writes

    def key_label(self, kind: Kind, values: Record) -> str:
        """A keyed record's key as a person reads it (高千穂町・住民記録・12)."""
        parts: list[str] = []
        for name in kind.key:
            value = values.get(name)
            f = kind.field(name)
            if f.type == FieldType.ORG:
                row = self.conn.execute(
                    "SELECT name FROM organisation WHERE id = ?", (value,)
                ).fetchone()
                parts.append(str(row[0]) if row else str(value))
            elif f.type == FieldType.SYSTEM:
                system = reference.system_by_code(str(value))
                parts.append(system.name if system else str(value))
            elif f.type == FieldType.REF and f.ref is not None:
                title = kind_by_name(f.ref).title
                found = self.database.query(
                    f'SELECT "{title}" AS title FROM "{f.ref}" WHERE id = ?', (value,)
                )
                parts.append(str(found[0]["title"]) if found else str(value))
            else:
                parts.append(f"{f.label}{value}" if f.type == FieldType.INT else str(value))
        return "・".join(parts)

    def insert(
        self,
        kind: Kind,
        values: Record,
        *,
        record_id: str | None = None,
        stamp_at: str | None = None,
    ) -> Change:
        """Insert a validated record (all fields present). Returns the change.

        A keyed kind's id is derived from its key: a record already held for that key (live or
        deleted) is refused with a sentence that names the way to change it.
        """
        self._require_transaction()
        check_rules(kind, values)
        self._check_scope(kind, *self._scope_orgs(kind, values))
        if kind.key:
            derived = key_id(kind, values)
            if derived is None or (record_id is not None and record_id != derived):
                raise RuntimeError(f"a {kind.name} record needs its key and the derived id")
            record_id = derived
        rid = record_id or new_id()
        # A record derived from an older write (store/memberships.py) carries that write's time.
        hlc = stamp_at or self.clock.now().encode()
        now = self._now()
        names = [f.name for f in kind.fields]
        cols = ", ".join(["id", *names, "_created_at", "_updated_at", "_hlc", "_device", "_clocks"])
        marks = ", ".join("?" * (len(names) + 6))
        clocks = json.dumps({_ALL_FIELDS: f"{hlc}@{self.device_id}"})
        params = [rid, *(to_sql(kind, n, values.get(n)) for n in names)]
        params += [now, now, hlc, self.device_id, clocks]
        try:
            self.conn.execute(f'INSERT INTO "{kind.name}" ({cols}) VALUES ({marks})', params)
        except Exception as exc:
            if "UNIQUE" not in str(exc):
                raise
            # A key already held (live or deleted) is found by the UNIQUE id after the fact, not
            # looked up before every create: the statement failed alone and wrote nothing.
            held = self.conn.execute(
                f'SELECT _deleted FROM "{kind.name}" WHERE id = ?', (rid,)
            ).fetchone()
            if kind.key and held is not None:
                said = {"label": kind.label, "key": self.key_label(kind, values), "id": rid}
                if held[0]:
                    raise UserError("record_key_deleted", kind=kind.name, **said) from None
                raise UserError("record_key_exists", kind=kind.name, **said) from None
            raise UserError("bad_argument", detail=f"ID {rid} は既に使われています。") from None
        payload = {n: values.get(n) for n in names}
        self._log(kind, rid, "create", hlc, payload)
        return Change(kind.name, rid, "create", tuple(names))

    def insert_many(self, kind: Kind, records: Sequence[Record]) -> list[Change]:
        """Insert many new keyed records at once (an import): exactly the rows, stamps, change
        log and audit entries that ``insert`` would write one by one, in three ``executemany``
        statements instead of four statements per record. A key already held fails the whole
        batch back to its savepoint; the records are then inserted one by one, so the error is
        the one ``insert`` gives for it (nothing of the batch is kept either way).
        """
        self._require_transaction()
        if not kind.key:
            raise RuntimeError("insert_many is for keyed kinds (ids derived from the key)")
        names = [f.name for f in kind.fields]
        cols = ", ".join(["id", *names, "_created_at", "_updated_at", "_hlc", "_device", "_clocks"])
        marks = ", ".join("?" * (len(names) + 6))
        now = self._now()
        seq, previous = self._log_head()
        rows, log, audit, changes = [], [], [], []
        # The one-entry clock column as json.dumps writes it ({"*": "stamp@device"}): both
        # parts are plain ASCII, so the text is built, not encoded, 54,000 times an import.
        head = json.dumps({_ALL_FIELDS: ""})[:-3]

        def clocks_of(hlc: str) -> str:
            return f'{head}"{hlc}@{self.device_id}"}}'

        fields = ",".join(names)
        # Column values: only lists and booleans change form (store/rows.py), looked up once.
        converted = [(names.index(n), t) for n, t in conversions(kind)]
        for values in records:
            check_rules(kind, values)
            self._check_scope(kind, *self._scope_orgs(kind, values))
            rid = key_id(kind, values)
            if rid is None:
                raise RuntimeError(f"a {kind.name} record needs its key")
            hlc = self.clock.now().encode()
            clocks = clocks_of(hlc)
            model_values = [values.get(n) for n in names]
            sql_values = list(model_values)
            for i, f_type in converted:
                sql_values[i] = value_to_sql(f_type, sql_values[i])
            rows.append([rid, *sql_values, now, now, hlc, self.device_id, clocks])
            text = chain.COMPACT_JSON(dict(zip(names, model_values, strict=True)))
            seq += 1
            line = chain.encode_row(self.device_id, seq, hlc, kind.name, rid, "create", text)
            previous = chain.link(previous, chain.leaf(line))
            log.append((self.device_id, seq, hlc, kind.name, rid, "create", text, previous))
            audit.append((now, self.device_id, self.actor, "create", kind.name, rid, fields))
            changes.append(Change(kind.name, rid, "create", tuple(names)))
        try:
            with self.database.transaction():
                self.conn.executemany(f'INSERT INTO "{kind.name}" ({cols}) VALUES ({marks})', rows)
                self.conn.executemany(
                    "INSERT INTO changes (device_id, dev_seq, hlc, kind, record_id, op, payload,"
                    " chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    log,
                )
                self.conn.executemany(
                    "INSERT INTO audit_log (at, device_id, actor, action, kind, record_id, fields)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    audit,
                )
        except Exception as exc:
            if "UNIQUE" not in str(exc):
                raise
            return [self.insert(kind, dict(r)) for r in records]
        return changes

    def _select(self, kind: Kind, record_id: str) -> dict[str, Any] | None:
        # Straight on the connection, not Database.query: its savepoint (which guards arbitrary
        # SQL) was two more statements on every read before a write (bench/run.py row 2).
        cursor = self.conn.execute(f'SELECT * FROM "{kind.name}" WHERE id = ?', (record_id,))
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([d[0] for d in cursor.description], values, strict=True))

    def _row(self, kind: Kind, record_id: str) -> dict[str, Any] | None:
        row = self._select(kind, record_id)
        if row is None and kind.key:
            # An id from before natural keys (a note, an older laptop's list): the keyed record.
            found = naturalkeys.target(self.conn, kind, record_id)
            if found != record_id:
                row = self._select(kind, found)
        return row

    def _existing(self, kind: Kind, record_id: str) -> dict[str, Any]:
        row = self._row(kind, record_id)
        if row is None:
            raise UserError("unknown_record", label=kind.label, id=record_id)
        return row

    def update(self, kind: Kind, record_id: str, changes: Record) -> Change | None:
        """Apply validated field changes; fields whose value is unchanged are not stamped."""
        self._require_transaction()
        row = self._existing(kind, record_id)
        record_id = row["id"]  # the keyed record, when named by an older id
        if row["_deleted"]:
            raise UserError("record_deleted", label=kind.label, id=record_id)
        current = from_sql(kind, row)
        changed = {n: v for n, v in changes.items() if current.get(n) != v}
        if not changed:
            return None
        moved = [n for n in changed if n in kind.key]
        if moved:
            # The id is derived from these: another value is another record.
            raise UserError(
                "key_field_fixed",
                label=kind.label,
                fields="・".join(kind.field(n).label for n in kind.key),
            )
        merged = {**current, **changed}
        check_rules(kind, merged)
        self._check_scope(kind, *self._scope_orgs(kind, current), *self._scope_orgs(kind, merged))
        hlc = self._stamp_after(row["_hlc"])
        clocks = json.loads(row["_clocks"] or "{}")
        base = dict(clocks)
        for n in changed:
            clocks[n] = f"{hlc}@{self.device_id}"
        sets = ", ".join(f"{n} = ?" for n in changed)
        params = [to_sql(kind, n, v) for n, v in changed.items()]
        params += [self._now(), hlc, self.device_id, json.dumps(clocks), record_id]
        self.conn.execute(
            f'UPDATE "{kind.name}" SET {sets}, _updated_at = ?, _hlc = ?, _device = ?, _clocks = ?'
            " WHERE id = ?",
            params,
        )
        self._log(kind, record_id, "update", hlc, {**changed, BASE_KEY: base})
        return Change(kind.name, record_id, "update", tuple(changed))

    def _set_deleted(self, kind: Kind, record_id: str, deleted: bool) -> Change | None:
        self._require_transaction()
        row = self._existing(kind, record_id)
        record_id = row["id"]
        if bool(row["_deleted"]) == deleted:
            return None
        self._check_scope(kind, *self._scope_orgs(kind, row))
        hlc = self._stamp_after(row["_hlc"])
        clocks = json.loads(row["_clocks"] or "{}")
        base = dict(clocks)
        clocks["_deleted"] = f"{hlc}@{self.device_id}"
        self.conn.execute(
            f'UPDATE "{kind.name}" SET _deleted = ?, _updated_at = ?, _hlc = ?, _device = ?,'
            " _clocks = ? WHERE id = ?",
            (int(deleted), self._now(), hlc, self.device_id, json.dumps(clocks), record_id),
        )
        op = "delete" if deleted else "restore"
        self._log(kind, record_id, op, hlc, {BASE_KEY: base})
        return Change(kind.name, record_id, op, ())

    def delete(self, kind: Kind, record_id: str) -> Change | None:
        """Tombstone a record: it disappears from lists but stays restorable and syncable."""
        return self._set_deleted(kind, record_id, True)

    def restore(self, kind: Kind, record_id: str) -> Change | None:
        return self._set_deleted(kind, record_id, False)

    # ------------------------------------------------------------ reads

    def get(self, kind: Kind, record_id: str, *, include_deleted: bool = False) -> Record | None:
        row = self._row(kind, record_id)
        if row is None or (row["_deleted"] and not include_deleted):
            return None
        return from_sql(kind, row)

    def exists(self, kind: Kind, record_id: str) -> bool:
        row = self.conn.execute(
            f'SELECT 1 FROM "{kind.name}" WHERE id = ? AND _deleted = 0', (record_id,)
        ).fetchone()
        return row is not None

    def select(
        self,
        kind: Kind,
        *,
        where: Sequence[str] = (),
        params: Sequence[Any] = (),
        order_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> list[Record]:
        clauses = list(where)
        if not include_deleted:
            clauses.append("_deleted = 0")
        sql = f'SELECT * FROM "{kind.name}"'
        if clauses:
            sql += " WHERE " + " AND ".join(f"({c})" for c in clauses)
        if order_by is None:
            order_by = f"{kind.date_field} DESC, rid DESC" if kind.date_field else "rid"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [from_sql(kind, r) for r in self.database.query(sql, tuple(params))]

    def count(self, kind: Kind, *, include_deleted: bool = False) -> int:
        sql = f'SELECT count(*) FROM "{kind.name}"'
        if not include_deleted:
            sql += " WHERE _deleted = 0"
        row = self.conn.execute(sql).fetchone()
        return int(row[0])

    def history(self, kind: Kind, record_id: str) -> list[dict[str, Any]]:
        """Every change to one record, oldest first (the issue form's history of changes)."""
        ids = [record_id, *naturalkeys.aliases_of(self.conn, kind, record_id)]
        marks = ", ".join("?" * len(ids))
        return self.database.query(
            "SELECT device_id, dev_seq, hlc, op, payload FROM changes"
            f" WHERE kind = ? AND record_id IN ({marks}) ORDER BY hlc, device_id",
            (kind.name, *ids),
        )
