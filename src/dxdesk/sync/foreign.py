"""What a newer version wrote that this one does not know: kept, relayed in scope, not shown.

A newer dxdesk may add fields to a kind and add whole kinds (docs/architecture.md, "Versions
that mix"). A change carrying them is stored in ``changes`` like any other, exactly as its
device signed it, so the hub relays it unchanged and a device that knows the additions gets
them; the part this version knows is merged at once. What it does not know is listed in
``deferred_changes`` (migration 0016): the change, and the field names unknown when it arrived
(NULL: its kind was unknown). The values themselves stay in the change log, the signed
original: one copy, never altered. sync/deferred.py merges them once the model knows them.

A kind this version does not know has no table here, so its scope rule (which organisation a
record belongs to, sync/vector.py) cannot come from the model: every bundle declares the rule
of each kind its writer knows (manifest ``kinds``: the organisation field, or the parent
field and kind, or neither for reference data). The first declaration received for a kind is
kept in ``foreign_kinds`` and passed on in this device's own bundles. A record's organisation
is then read from the held changes: the value of the newest write of that field.

Every statement on the two bookkeeping tables is in this module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from dxdesk.core.clock import stamp
from dxdesk.core.model import Kind
from dxdesk.errors import UserError
from dxdesk.store.database import Database
from dxdesk.sync.changes import BATCH, Change, Model

_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
_MAX_KINDS = 1000
_MAX_DEPTH = 8  # parents of parents: more is a loop, not a model


@dataclass(frozen=True)
class Scoping:
    """How a kind's records belong to organisations, as a version that knows the kind says."""

    org: str | None = None  # the field naming the record's organisation
    parent: str | None = None  # else the field naming its parent record...
    parent_kind: str | None = None  # ...of this kind, whose organisation it follows

    def as_json(self) -> dict[str, str]:
        out = {"org": self.org, "parent": self.parent, "parent_kind": self.parent_kind}
        return {k: v for k, v in out.items() if v is not None}


def scoping(k: Kind) -> Scoping:
    if k.org_field is not None:
        return Scoping(org=k.org_field)
    if k.parent is not None and k.parent_kind is not None:
        return Scoping(parent=k.parent, parent_kind=k.parent_kind)
    return Scoping()


def _damaged(detail: str) -> UserError:
    return UserError("bundle_damaged", detail=detail)


# ---------------------------------------------------------------- the manifest's "kinds"


def declarations(db: Database, model: Model) -> dict[str, dict[str, str]]:
    """The manifest's ``kinds``: every kind this version knows, and those it keeps unknown."""
    out = {name: s.as_json() for name, s in held_scoping(db.conn).items()}
    out.update({k.name: scoping(k).as_json() for k in model.kinds})
    return dict(sorted(out.items()))


def parse_declarations(raw: object) -> dict[str, Scoping]:
    """A manifest's ``kinds``, strictly typed (absent: a writer older than them, {})."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or len(raw) > _MAX_KINDS:
        raise _damaged("目録の項目 kinds が正しくありません")
    out: dict[str, Scoping] = {}
    for name, rule in raw.items():
        if (
            not isinstance(name, str)
            or not _NAME.fullmatch(name)
            or not isinstance(rule, dict)
            or not set(rule) <= {"org", "parent", "parent_kind"}
            or not all(isinstance(v, str) and _NAME.fullmatch(v) for v in rule.values())
            or ("parent" in rule) != ("parent_kind" in rule)
        ):
            raise _damaged("目録の項目 kinds が正しくありません")
        out[name] = Scoping(rule.get("org"), rule.get("parent"), rule.get("parent_kind"))
    return out


def manifest_keys(db: Database, model: Model) -> dict[str, Any]:
    """What every bundle's manifest says of its writer's model: the scope rule of each kind
    (``kinds``) and the fingerprint of the words it knows (``model``)."""
    return {"kinds": declarations(db, model), "model": model.fingerprint}


def manifest_rules(raw: bytes) -> dict[str, Scoping]:
    """The scope rules a signed manifest declares (``kinds``)."""
    return parse_declarations(json.loads(raw).get("kinds"))


def same_words(raw: bytes, model: Model) -> bool:
    """Was the manifest's writer's model this one (a writer older than fingerprints: assumed)?
    Merge digests of databases made with other words differ whatever they hold."""
    theirs = json.loads(raw).get("model")
    return not isinstance(theirs, str) or theirs == model.fingerprint


def held_scoping(conn: Any) -> dict[str, Scoping]:
    """The rules kept for kinds this version does not know."""
    return {
        str(r[0]): Scoping(r[1], r[2], r[3])
        for r in conn.execute("SELECT kind, org_field, parent, parent_kind FROM foreign_kinds")
    }


# ---------------------------------------------------------------- keeping (the merge's side)


class Keeper:
    """Lists, during one merge run, the changes whose parts this version does not know."""

    def __init__(self, conn: Any, declared: Mapping[str, Scoping] | None, model: Model) -> None:
        self.conn = conn
        self.declared = dict(declared or {})
        self.model = model
        self._held: dict[str, Scoping] | None = None

    def scoping(self, kind_name: str) -> Scoping | None:
        """The rule of a kind this version does not know: the first one received stands."""
        if self._held is None:
            self._held = held_scoping(self.conn)
        return self._held.get(kind_name) or self.declared.get(kind_name)

    def keep(self, items: Iterable[tuple[Change, Kind | None, tuple[str, ...]]]) -> int:
        """List each change (with the field names unknown, or NULL for an unknown kind);
        returns how many. A kind nobody declared cannot be scoped: refused as damaged."""
        rows: list[tuple[str, int, str, str, str | None]] = []
        kinds: set[str] = set()
        for c, k, unknown in items:
            if k is None:
                kinds.add(c.kind)
            rows.append(
                (
                    c.device_id,
                    c.dev_seq,
                    c.kind,
                    c.record_id,
                    None if k is None else _names(unknown),
                )
            )
        for name in sorted(kinds):
            rule = self.scoping(name)
            if rule is None:
                raise _damaged(f"記録の種類 {name[:40]!r} の扱いが目録にありません")
            if self._held is not None and name not in self._held:
                self.conn.execute(
                    "INSERT OR IGNORE INTO foreign_kinds (kind, org_field, parent, parent_kind,"
                    " declared_at) VALUES (?, ?, ?, ?, ?)",
                    (name, rule.org, rule.parent, rule.parent_kind, stamp()),
                )
                self._held[name] = rule
        self.conn.executemany(
            "INSERT OR IGNORE INTO deferred_changes (device_id, dev_seq, kind, record_id, fields)"
            " VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)

    def check_scope(
        self,
        changes: Iterable[Change],
        orgs: frozenset[str],
        names: Mapping[str, str],
        batch: frozenset[tuple[str, int]],
        created: Mapping[tuple[str, str], Mapping[str, Any]],
    ) -> None:
        """A guarded sender's writes to records of kinds this version does not know: within
        its organisations, by the kind's declared rule, as sync/merge.py checks known kinds
        (what the change names, and what the record held before this batch). ``created``:
        the known records this batch creates, by (kind, id), whose rows are not written yet."""
        for c in changes:
            rule = self.scoping(c.kind) or Scoping()
            field = rule.org or rule.parent
            if field is None:
                continue  # reference data: anyone may write it, as a known kind's
            data = json.loads(c.payload)
            named: list[Any] = []
            if c.op == "create" or field in data:
                named.append(data.get(field))
            if c.op != "create":
                found, held = _newest(self.conn, c.kind, c.record_id, field, batch)
                if not found and not _created(self.conn, c.kind, c.record_id):
                    raise UserError("bundle_out_of_scope", org="（この端末にない記録）")
                if found:
                    named.append(held)
            for value in named:
                if value is None:
                    continue
                if rule.org is None and rule.parent_kind is not None:
                    known, org = self._org_of(rule.parent_kind, str(value), created)
                    if not known:
                        raise UserError("bundle_out_of_scope", org="（この端末にない記録）")
                else:
                    org = value if rule.org is not None else None
                if org is not None and org not in orgs:
                    raise UserError("bundle_out_of_scope", org=names.get(org, str(org)[:40]))

    def _org_of(
        self,
        kind_name: str,
        record_id: str,
        created: Mapping[tuple[str, str], Mapping[str, Any]],
    ) -> tuple[bool, Any]:
        """(the record is known here, its organisation) for a parent of any kind."""
        k = self.model.by_name.get(kind_name)
        made = created.get((kind_name, record_id))
        if k is not None and k.org_field is not None and made is not None:
            return True, made.get(k.org_field)
        return org_of(self.conn, self.model, self.scoping, kind_name, record_id)


def _names(unknown: tuple[str, ...]) -> str:
    return json.dumps(sorted(unknown), separators=(",", ":"))


def org_of(
    conn: Any,
    model: Model,
    rules: Any,
    kind_name: str,
    record_id: str,
    depth: int = 0,
) -> tuple[bool, Any]:
    """(known here, organisation) of one record: a known kind's from its row, an unknown
    kind's from the newest held write of its declared field (``rules``: name -> Scoping)."""
    if depth > _MAX_DEPTH:
        return False, None
    k = model.by_name.get(kind_name)
    if k is not None:
        rule = scoping(k)
        if rule.org is not None:
            row = conn.execute(
                f'SELECT "{rule.org}" FROM "{k.name}" WHERE id = ?', (record_id,)
            ).fetchone()
            return (row is not None), (row[0] if row else None)
        if rule.parent is None or rule.parent_kind is None:
            return True, None
        row = conn.execute(
            f'SELECT "{rule.parent}" FROM "{k.name}" WHERE id = ?', (record_id,)
        ).fetchone()
        if row is None:
            return False, None
        if row[0] is None:
            return True, None
        return org_of(conn, model, rules, rule.parent_kind, str(row[0]), depth + 1)
    found_rule: Scoping | None = rules(kind_name)
    if found_rule is None:
        return False, None
    field = found_rule.org or found_rule.parent
    found, value = _newest(conn, kind_name, record_id, field, frozenset())
    if not found:
        return _created(conn, kind_name, record_id), None
    if found_rule.org is not None or value is None or found_rule.parent_kind is None:
        return True, value if found_rule.org is not None else None
    return org_of(conn, model, rules, found_rule.parent_kind, str(value), depth + 1)


def _writes(rows: Iterable[tuple[Any, ...]], field: str) -> Iterator[tuple[str, str, Any]]:
    """(record id, clock, value) of each held create or update that wrote ``field``."""
    for record_id, hlc, device, op, payload in rows:
        if op not in ("create", "update"):
            continue
        data = json.loads(payload)
        if op == "create" or field in data:
            yield str(record_id), f"{hlc}@{device}", data.get(field)


def _newest(
    conn: Any,
    kind_name: str,
    record_id: str,
    field: str | None,
    batch: frozenset[tuple[str, int]],
) -> tuple[bool, Any]:
    """(any held write of it, value of the newest write of ``field``) for one record, leaving
    out the changes of ``batch``; merge order, as the merge would make it."""
    if field is None:
        return False, None
    best: tuple[str, Any] | None = None
    rows = conn.execute(
        "SELECT device_id, dev_seq, record_id, hlc, device_id, op, payload FROM changes"
        " WHERE kind = ? AND record_id = ?",
        (kind_name, record_id),
    ).fetchall()
    kept = [r[2:] for r in rows if (str(r[0]), int(r[1])) not in batch]
    for _, clock, value in _writes(kept, field):
        if best is None or clock > best[0]:
            best = (clock, value)
    return (best is not None), (best[1] if best else None)


def _created(conn: Any, kind_name: str, record_id: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM changes WHERE kind = ? AND record_id = ? AND op = 'create' LIMIT 1",
        (kind_name, record_id),
    ).fetchone()
    return row is not None


# ---------------------------------------------------------------- scope (the export side)


def out_of_scope(db: Database, orgs: list[str], model: Model) -> dict[str, set[str]]:
    """Per kind this version does not know, the ids of records of organisations outside
    ``orgs`` (sync/vector.py does the known kinds). A record without an organisation goes
    everywhere, as a known kind's does; one whose kind nobody declared goes nowhere scoped."""
    conn = db.conn
    kept = [
        str(r[0])
        for r in conn.execute("SELECT DISTINCT kind FROM deferred_changes WHERE fields IS NULL")
        if str(r[0]) not in model.by_name
    ]
    if not kept:
        return {}
    rules = held_scoping(conn)
    allowed = set(orgs)
    out: dict[str, set[str]] = {}
    for kind_name in kept:
        rule = rules.get(kind_name)
        ids: set[str] = set()
        cursor = conn.execute(
            "SELECT record_id, hlc, device_id, op, payload FROM changes WHERE kind = ?",
            (kind_name,),
        )
        newest: dict[str, tuple[str, Any]] = {}
        every: set[str] = set()
        while rows := cursor.fetchmany(BATCH):
            every.update(str(r[0]) for r in rows)
            if rule is None or (rule.org or rule.parent) is None:
                continue
            for rid, clock, value in _writes(rows, str(rule.org or rule.parent)):
                if rid not in newest or clock > newest[rid][0]:
                    newest[rid] = (clock, value)
        if rule is None:
            out[kind_name] = every  # no rule to scope it by: not sent to a scoped device
            continue
        for rid, (_, value) in newest.items():
            if value is None:
                continue
            if rule.org is not None:
                org = value
            else:
                assert rule.parent_kind is not None
                _, org = org_of(conn, model, rules.get, rule.parent_kind, str(value))
            if org is not None and org not in allowed:
                ids.add(rid)
        out[kind_name] = ids
    return out


# ---------------------------------------------------------------- settling (sync/deferred.py)


@dataclass(frozen=True)
class Entry:
    """One kept change, as listed: the change and the names unknown when it arrived."""

    change: Change
    fields: tuple[str, ...] | None  # None: its kind was unknown


def entries(db: Database) -> list[Entry]:
    rows = db.conn.execute(
        "SELECT c.device_id, c.dev_seq, c.hlc, c.kind, c.record_id, c.op, c.payload, d.fields"
        " FROM deferred_changes AS d JOIN changes AS c"
        " ON c.device_id = d.device_id AND c.dev_seq = d.dev_seq"
        " ORDER BY c.hlc, c.device_id, c.dev_seq"
    ).fetchall()
    return [
        Entry(
            Change(str(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6])),
            None if r[7] is None else tuple(json.loads(r[7])),
        )
        for r in rows
    ]


def settle(
    db: Database,
    done: Iterable[Change],
    narrowed: Iterable[tuple[Change, tuple[str, ...]]],
    known_kinds: Iterable[str],
) -> None:
    """Take merged changes off the list, narrow those still holding unknown fields to them,
    and forget the declared rules of kinds the model now knows."""
    conn = db.conn
    conn.executemany(
        "DELETE FROM deferred_changes WHERE device_id = ? AND dev_seq = ?",
        [(c.device_id, c.dev_seq) for c in done],
    )
    conn.executemany(
        "UPDATE deferred_changes SET fields = ? WHERE device_id = ? AND dev_seq = ?",
        [(_names(names), c.device_id, c.dev_seq) for c, names in narrowed],
    )
    conn.executemany("DELETE FROM foreign_kinds WHERE kind = ?", [(k,) for k in known_kinds])


def count(db: Database) -> int:
    """How many changes hold something this version keeps but does not show."""
    return int(db.conn.execute("SELECT count(*) FROM deferred_changes").fetchone()[0])
