"""One row conversion for the store and the merge: values to and from SQL, field clocks.

A record's model value (core/model.py) and its stored column differ for two types (lists are
JSON text, booleans 0/1); a record's field clocks are kept compact (``*`` for the creation
stamp). The local writes (store/records.py), the merge of other devices' changes
(sync/merge.py) and the natural-key fold (store/naturalkeys.py) all read and write rows through
these functions, so a value is stored one way whoever writes it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from dxdesk.core.model import KINDS, FieldType, Kind, Record

DELETED = "_deleted"
STAR = "*"  # the creation stamp in a record's field clocks
# Fields whose stored form differs from the model value, per kind (the merge's hot path).
CONVERTED: dict[str, tuple[tuple[str, FieldType], ...]] = {
    k.name: tuple((f.name, f.type) for f in k.fields if f.type in (FieldType.LIST, FieldType.BOOL))
    for k in KINDS
}
CLOCKED_FIELDS: dict[str, tuple[str, ...]] = {k.name: (*k.field_names, DELETED) for k in KINDS}
_RUNNING: dict[str, Kind] = {k.name: k for k in KINDS}


def clocked_fields(kind: Kind) -> tuple[str, ...]:
    """The clocked names of the very Kind given (its fields and ``_deleted``).

    The tables above are the running model's; a Kind of another model (a newer version's, as
    the forward-compatibility tests build one) has its own fields, so the conversion follows
    the object, not its name. One identity check on the hot path.
    """
    if _RUNNING.get(kind.name) is kind:
        return CLOCKED_FIELDS[kind.name]
    return (*kind.field_names, DELETED)


def _converted(kind: Kind) -> tuple[tuple[str, FieldType], ...]:
    if _RUNNING.get(kind.name) is kind:
        return CONVERTED[kind.name]
    return tuple(
        (f.name, f.type) for f in kind.fields if f.type in (FieldType.LIST, FieldType.BOOL)
    )


def conversions(kind: Kind) -> tuple[tuple[str, FieldType], ...]:
    """The fields whose column value is not the model value (lists and booleans)."""
    return _converted(kind)


def value_to_sql(f_type: FieldType, value: Any) -> Any:
    """A model value as its column value."""
    if f_type == FieldType.LIST:
        return json.dumps(value, ensure_ascii=False) if value else "[]"
    if f_type == FieldType.BOOL:
        return None if value is None else int(bool(value))
    return value


def value_from_sql(f_type: FieldType, raw: Any) -> Any:
    """A column value as its model value."""
    if f_type == FieldType.LIST:
        return json.loads(raw) if raw else []
    if f_type == FieldType.BOOL:
        return None if raw is None else bool(raw)
    return raw


def value_json(f_type: FieldType, raw: Any) -> str:
    """A column value as the JSON of its model value (the conflict log's form)."""
    return json.dumps(value_from_sql(f_type, raw), ensure_ascii=False)


def to_sql(kind: Kind, name: str, value: Any) -> Any:
    return value_to_sql(kind.field(name).type, value)


def stored(kind: Kind, data: Mapping[str, Any]) -> dict[str, Any]:
    """A create's values as column values (every field; missing ones are None)."""
    values = {n: data.get(n) for n in kind.field_names}
    for name, f_type in _converted(kind):
        values[name] = value_to_sql(f_type, values[name])
    return values


def from_sql(kind: Kind, row: Mapping[str, Any]) -> Record:
    """A stored row as a record: model values and the system columns a reader shows."""
    out: Record = {"id": row["id"]}
    for f in kind.fields:
        out[f.name] = value_from_sql(f.type, row.get(f.name))
    out[DELETED] = bool(row.get(DELETED))
    out["_created_at"] = row.get("_created_at")
    out["_updated_at"] = row.get("_updated_at")
    return out


# ---------------------------------------------------------------- field clocks


def effective(clocks: Mapping[str, str], name: str) -> str:
    """The clock of one field: its own entry, else the creation stamp ``*``."""
    return clocks.get(name) or clocks.get(STAR, "")


def row_clocks(kind: Kind, row: Mapping[str, Any]) -> dict[str, str]:
    """The effective clock of every field of a stored row (and of its tombstone)."""
    held = json.loads(row["_clocks"] or "{}")
    if STAR not in held:
        held[STAR] = f"{row['_hlc']}@{row['_device']}"
    return {n: effective(held, n) for n in clocked_fields(kind)}


def compact(kind: Kind, clocks: Mapping[str, str]) -> dict[str, str]:
    """Field clocks as stored: deterministic from the effective clocks alone, so every device
    stores the same text (``*`` is the most common clock, ties the greatest)."""
    names = clocked_fields(kind)
    first = clocks[names[0]]
    if all(clocks[n] == first for n in names):
        return {STAR: first}  # a record nobody has edited since its creation
    tally: dict[str, int] = {}
    for n in names:
        tally[clocks[n]] = tally.get(clocks[n], 0) + 1
    star = max(tally, key=lambda c: (tally[c], c))
    out = {STAR: star}
    out.update({n: clocks[n] for n in names if clocks[n] != star})
    return out


def split_clock(clock: str) -> tuple[str, str]:
    """``hlc@device`` as (hlc, device)."""
    hlc, _, device = clock.partition("@")
    return hlc, device


def conflict_id(kind: str, record_id: str, name: str, losing_clock: str) -> str:
    """The same losing write gets the same id on every device (so logging it twice is a no-op)."""
    text = "\x1f".join((kind, record_id, name, losing_clock))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
