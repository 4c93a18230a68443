"""Checking a change that arrived from elsewhere before any of it can reach SQL.

Types of every value against the model, clocks in range (core/hlc.py), dates that exist, text
UTF-8 can hold. A change already held was checked when it arrived and is re-read with
``incoming=False`` (the rules of the version that took it stand; a held change never stops a
merge).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from dxdesk.core.hlc import acceptable as hlc_acceptable
from dxdesk.core.model import FieldType, Kind
from dxdesk.errors import UserError
from dxdesk.store import chain
from dxdesk.store.records import BASE_KEY
from dxdesk.sync.changes import FIELD_TYPES, KIND_BY_NAME, OPS, Change


def bad(detail: str) -> UserError:
    return UserError("bundle_damaged", detail=detail)


def parse(change: Change, *, incoming: bool = True) -> tuple[Kind, dict[str, Any], dict[str, str]]:
    """Check one change before it can reach SQL; returns kind, field values and base clocks.

    ``incoming=False`` for changes already held: they were checked when they arrived (by the
    rules of the version that took them), and a held change must never stop a merge.
    """
    texts = (change.device_id, change.hlc, change.kind, change.record_id, change.op)
    if not all(isinstance(t, str) and t for t in (*texts, change.payload)) or not (
        type(change.dev_seq) is int and 1 <= change.dev_seq < 2**63
    ):
        raise bad("変更の識別子が不正です")
    k = KIND_BY_NAME.get(change.kind)
    if k is None:
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
    types = FIELD_TYPES[k.name]
    unknown = [n for n in data if n not in types]
    if unknown or (change.op in ("delete", "restore") and data):
        raise bad(f"{k.name} に不明な項目 {','.join(unknown)[:60]!r}")
    if incoming:
        for name, value in data.items():
            if not _fits(types[name], value):
                label = k.field(name).label
                raise bad(f"{k.label}の「{label}」（{k.name}.{name}）の値が正しくありません")
    return k, data, base


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
