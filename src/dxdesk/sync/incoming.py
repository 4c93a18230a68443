"""Checking a change that arrived from elsewhere before any of it can reach SQL.

Types of every value against the model, clocks in range (core/hlc.py), dates that exist, text
UTF-8 can hold. Kinds and fields this version does not know (a newer version's additions) are
named, not refused (``read``): the merge keeps them (sync/foreign.py). A change already held was checked when it arrived and is re-read with
``incoming=False`` (the rules of the version that took it stand; a held change never stops a
merge).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any, NamedTuple

from dxdesk.core.hlc import acceptable as hlc_acceptable
from dxdesk.core.model import FieldType, Kind
from dxdesk.errors import UserError
from dxdesk.store import chain
from dxdesk.store.records import BASE_KEY
from dxdesk.sync.changes import MODEL, OPS, Change, Model


def bad(detail: str) -> UserError:
    return UserError("bundle_damaged", detail=detail)


class Read(NamedTuple):
    """One incoming change as checked: the part this version knows, and the names it does not.

    A newer version may add fields to a kind and add whole kinds (docs/architecture.md,
    "Versions that mix"): those are named in ``unknown`` (every field of a kind this version
    does not know, whose ``kind`` is then None) and kept, never refused (sync/foreign.py).
    """

    kind: Kind | None
    data: dict[str, Any]  # values of the fields this version knows, type-checked
    base: dict[str, str]
    unknown: tuple[str, ...]


def read(change: Change, *, model: Model = MODEL) -> Read:
    """Check one change that arrived from elsewhere before any of it can reach SQL.

    Only additions are let through unknown: a kind or field named as the model names them.
    An unknown op, a system key other than ``_base``, or a known field with a value of another
    type is damage (a field is never retyped; a newer rule comes with a ``requires`` feature).
    """
    return _check(change, incoming=True, model=model)


def parse(
    change: Change, *, incoming: bool = True, model: Model = MODEL
) -> tuple[Kind, dict[str, Any], dict[str, str]]:
    """Check one change before it can reach SQL; returns kind, field values and base clocks.

    ``incoming=False`` for changes already held: they were checked when they arrived (by the
    rules of the version that took them), and a held change must never stop a merge. Fields
    the model does not know are left out of a held change (kept in the log, sync/foreign.py),
    and so is a value that does not fit its field: a field added since the change arrived was
    not checked then. An incoming change of an unknown kind or with unknown fields is refused
    here; the merge reads incoming changes with ``read``, which keeps them.
    """
    k, data, base, unknown = _check(change, incoming=incoming, model=model)
    if k is None:
        raise bad(f"不明な記録の種類 {change.kind[:40]!r}")
    if unknown and incoming:
        raise bad(f"{k.name} に不明な項目 {','.join(unknown)[:60]!r}")
    return k, data, base


def _check(change: Change, *, incoming: bool, model: Model) -> Read:
    texts = (change.device_id, change.hlc, change.kind, change.record_id, change.op)
    if not all(isinstance(t, str) and t for t in (*texts, change.payload)) or not (
        type(change.dev_seq) is int and 1 <= change.dev_seq < 2**63
    ):
        raise bad("変更の識別子が不正です")
    k = model.by_name.get(change.kind)
    if k is None and not _NAME.fullmatch(change.kind):
        raise bad(f"不明な記録の種類 {change.kind[:40]!r}")
    if change.op not in OPS:
        raise bad(f"不明な操作 {change.op[:20]!r}")
    if not (hlc_acceptable(change.hlc) if incoming else _HLC.fullmatch(change.hlc)):
        raise bad("変更の時刻が不正か、範囲外です")
    try:
        data = _DECODER.decode(change.payload)
    except (ValueError, RecursionError):
        raise bad("変更の内容が不正です") from None
    if not isinstance(data, dict):
        raise bad("変更の内容が不正です")
    base = data.pop(BASE_KEY, {})
    if not isinstance(base, dict) or not all(
        isinstance(v, str) and _CLOCK.fullmatch(v) and (not incoming or hlc_acceptable(v[:22]))
        for v in base.values()
    ):
        raise bad("変更の基準時刻が不正です")
    if change.op in ("delete", "restore") and data:
        raise bad(f"{change.kind[:40]} の削除・復元に項目 {','.join(data)[:60]!r}")
    types = model.field_types[k.name] if k is not None else {}
    unknown = tuple(n for n in data if n not in types)
    if incoming and not all(_NAME.fullmatch(n) for n in unknown):
        # A newer version adds fields named as fields are; any other key is not an addition.
        raise bad(f"{change.kind[:40]} に不明な項目 {','.join(unknown)[:60]!r}")
    for name in unknown:
        del data[name]
    if k is None:
        return Read(None, {}, base, unknown)
    for name, value in list(data.items()):
        if not _fits(types[name], value):
            if incoming:
                label = k.field(name).label
                raise bad(f"{k.label}の「{label}」（{k.name}.{name}）の値が正しくありません")
            del data[name]  # held: left in the log, not bound into SQL
    return Read(k, data, base, unknown)


# The names a model gives its kinds and fields: what a newer version's additions look like.
_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
_HLC = re.compile(r"[0-9]{15}-[0-9]{6}")
_CLOCK = re.compile(r"[0-9]{15}-[0-9]{6}@.+", re.DOTALL)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a value")  # NaN and Infinity are not JSON


def _fits(f_type: FieldType, value: Any) -> bool:
    """The JSON type a field's model value has (checked so nothing odd is bound into SQL)."""
    if value is None:
        return True
    if type(value) is str:
        if not chain.encodable(value):
            return False
        if f_type in _DATED:
            return _dated(f_type, value)
        return f_type not in _NOT_TEXT
    if f_type == FieldType.LIST:
        return isinstance(value, list) and all(
            isinstance(x, str) and chain.encodable(x) for x in value
        )
    if f_type == FieldType.BOOL:
        return isinstance(value, bool)
    if f_type == FieldType.INT:
        return type(value) is int and abs(value) < 2**63
    if f_type == FieldType.FLOAT:
        return type(value) in (int, float) and abs(value) < 2**63
    return False


_NOT_TEXT = frozenset((FieldType.LIST, FieldType.BOOL, FieldType.INT, FieldType.FLOAT))
# Dates and times as every device writes them (core/model.py); anything else (a year 99999, a
# 30 February, a date in another form) would break every list, total and document that reads it.
_DATED: dict[FieldType, re.Pattern[str]] = {
    FieldType.DATE: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    FieldType.MONTH: re.compile(r"[0-9]{4}-[0-9]{2}"),
    FieldType.TIME: re.compile(r"[0-9]{2}:[0-9]{2}"),
    FieldType.DATETIME: re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"),
}


def _dated(f_type: FieldType, value: str) -> bool:
    # The stored form by regex, then whether it exists, by the C parsers (strptime costs
    # ~25 µs a value: a second per 100,000-change bundle).
    if value == "":
        return True
    if not _DATED[f_type].fullmatch(value):
        return False
    try:
        if f_type == FieldType.DATE:
            date.fromisoformat(value)
        elif f_type == FieldType.MONTH:
            date.fromisoformat(value + "-01")
        elif f_type == FieldType.TIME:
            time.fromisoformat(value)
        else:
            datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
