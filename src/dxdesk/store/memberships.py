"""Memberships from the lists older versions kept in one field (group members, a training's
organisations, an issue's related organisations) or the single value (an engagement's one
常時支援者, now its engagement_supporter records), and organisations found by what a person
typed.

Older versions stored these relations as a list of ids (or of names, typed on the command line)
inside the parent's field; the field is retired (``Field.replaced_by``), and each entry becomes
a membership record with the id derived from (parent, organisation). ``reconcile`` creates the
memberships a list names and the store lacks, stamped with the clock of the write that put the
list there rather than now: every device that reconciles the same list writes the same values
under clocks older than any later edit, so a membership someone deleted since is not brought
back, and nothing conflicts. It runs when a profile opens and after every import, so an older
laptop's additions to a list arrive as memberships. Removals from a list made by an older
version are not followed (a removal there cannot be told from a list never reconciled): the
membership is removed on an updated device.
"""

from __future__ import annotations

import json
from typing import Any

from dxdesk.core import reference
from dxdesk.core.model import KINDS, FieldType, Kind, key_id, kind, validate
from dxdesk.errors import UserError
from dxdesk.store.records import RecordStore
from dxdesk.store.rows import row_clocks, split_clock

# (parent kind, retired list field, membership kind) for every list replaced by records. A
# free text replaced by unkeyed child records (a meeting's 決定事項, now meeting_item records) is
# not split into records: nothing says where one item ends; the documents still print it.
REPLACED: tuple[tuple[Kind, str, Kind], ...] = tuple(
    (k, f.name, kind(f.replaced_by))
    for k in KINDS
    for f in k.fields
    if f.replaced_by and kind(f.replaced_by).key
)


def find_orgs(conn: Any, text: str) -> list[str]:
    """Ids of the live organisations an id, a 6- or 5-digit code or a name (五ケ瀬町 too) names."""
    text = text.strip()
    rows = conn.execute(
        "SELECT id FROM organisation WHERE _deleted = 0 AND (id = ? OR code = ?)", (text, text)
    ).fetchall()
    if not rows and text.isdigit() and len(text) == 5:
        rows = conn.execute(
            "SELECT id FROM organisation WHERE _deleted = 0 AND substr(code, 1, 5) = ?", (text,)
        ).fetchall()
    if not rows:
        wanted = reference.normalize_org_name(text)
        rows = [
            r
            for r in conn.execute("SELECT id, name FROM organisation WHERE _deleted = 0")
            if reference.normalize_org_name(str(r[1])) == wanted
        ]
    return [str(r[0]) for r in rows]


def _members(conn: Any, child: Kind, member: str, text: str) -> list[str]:
    """The record an entry of a retired field names: organisations by id, code or name, any
    other reference by its id (a live record only)."""
    f = child.field(member)
    if f.type == FieldType.ORG:
        return find_orgs(conn, text)
    assert f.ref is not None
    rows = conn.execute(f'SELECT id FROM "{f.ref}" WHERE _deleted = 0 AND id = ?', (text,))
    return [str(r[0]) for r in rows.fetchall()]


def _parent_field(child: Kind) -> str:
    assert child.parent is not None
    return child.parent


def reconcile(store: RecordStore) -> dict[str, int]:
    """Create the memberships the retired lists name; returns per kind how many were made.

    Entries that name no organisation (a misspelt name) stay in the list, where they are kept.
    Runs in the caller's transaction.
    """
    conn = store.conn
    made: dict[str, int] = {}
    for parent, field, child in REPLACED:
        # The child's other key field names the member: an organisation (a list of ids or
        # names) or, for a single reference (an engagement's one supporter), that record.
        member = next(n for n in child.key if n != child.parent)
        single = parent.field(field).type == FieldType.REF
        cursor = conn.execute(
            f'SELECT * FROM "{parent.name}" WHERE "{field}" IS NOT NULL AND "{field}" != ?'
            " ORDER BY id",
            ("[]",),
        )
        cols = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(cols, values, strict=True))
            if single:
                items: object = [row[field]]
            else:
                try:
                    items = json.loads(row[field])
                except ValueError:
                    continue
            if not isinstance(items, list):
                continue
            hlc, _ = split_clock(row_clocks(parent, row)[field])
            for item in items:
                found = _members(conn, child, member, str(item))
                if len(found) != 1:
                    continue
                record = validate(child, {_parent_field(child): row["id"], member: found[0]})
                rid = key_id(child, record)
                held = conn.execute(f'SELECT 1 FROM "{child.name}" WHERE id = ?', (rid,))
                if held.fetchone() is not None:
                    continue
                try:
                    store.insert(child, record, stamp_at=hlc)
                except UserError:
                    continue  # outside this device's scope: the hub's own reconcile makes it
                made[child.name] = made.get(child.name, 0) + 1
    return made


# The schema version whose lists were last turned into memberships at open (meta, local).
RECONCILED_AT = "memberships_reconciled_schema"


def reconcile_after_migration(store: RecordStore) -> dict[str, int]:
    """``reconcile`` at open, once per schema version: the lists of records already here were
    turned into memberships when the profile first opened at this version, and lists that
    arrive later come through an import, which reconciles them itself (services/sync.py). A
    restored backup carries the marker of its own time. Reading every issue at each open grew
    the window's start with the records (bench/gui.py W3b)."""
    conn = store.conn
    version = str(conn.execute("PRAGMA user_version").fetchone()[0])
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (RECONCILED_AT,)).fetchone()
    if row is not None and str(row[0]) == version:
        return {}
    made = reconcile(store)
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (RECONCILED_AT, version),
    )
    return made
