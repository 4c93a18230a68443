"""The rows of the standardisation matrix, read once for a whole refresh.

Below the services and the documents alike, so that the window, the command line and every
document build their cells from the same rows through ``core.progress`` (no second formula).
The step statuses come in one query, packed per cell by SQLite (``group_concat``), which is
several times cheaper than a Python row per step at 19,520 steps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import stored_date
from dxdesk.core.clock import JST
from dxdesk.core.hlc import Timestamp
from dxdesk.core.model import kind
from dxdesk.core.progress import Cell, make_cell
from dxdesk.store.database import Database

_SEP_FIELD, _SEP_ROW = "\x1f", "\x1e"  # unit and record separators: never in typed text


@dataclass(frozen=True)
class MatrixRows:
    orgs: list[dict[str, Any]]  # live organisations: municipalities by code, then divisions
    status: dict[tuple[str, str], dict[str, Any]]  # (org_id, system_code) -> system_status
    steps: dict[tuple[str, str], list[dict[str, Any]]]


# The organisations of the matrix: every one held but another prefecture's (a six-digit
# 全国地方公共団体コード whose first two digits are not the home prefecture's). A store holding
# the whole country (the national workbook imported) still paints Miyazaki's 28 rows, reading
# only their rows through the org_id indexes.
_HOME = (
    "_deleted = 0 AND NOT (length(code) = 6 AND code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'"
    " AND substr(code, 1, 2) != ?)"
)


def home_prefecture() -> str:
    """The two digits of the prefecture the team works in (from the reference data)."""
    return reference.municipalities()[0].code[:2]


def read(db: Database, org_id: str | None = None) -> MatrixRows:
    home = home_prefecture()
    if org_id:
        where, params = "AND org_id = ?", (org_id,)
    else:
        where, params = f"AND org_id IN (SELECT id FROM organisation WHERE {_HOME})", (home,)
    orgs = db.query(
        "SELECT id, code, name, org_kind, area, bansou, welfare_office FROM organisation"
        " WHERE _deleted = 0"
        + (" AND id = ?" if org_id else f" AND {_HOME}")
        + " ORDER BY org_kind = '県', code",
        (org_id,) if org_id else (home,),
    )
    status = {
        (str(r["org_id"]), str(r["system_code"])): r
        for r in db.query(f"SELECT * FROM system_status WHERE _deleted = 0 {where}", params)
    }
    steps: dict[tuple[str, str], list[dict[str, Any]]] = {}
    packed = db.query(
        "SELECT org_id, system_code, group_concat(step_no || char(31) || status || char(31)"
        " || coalesce(updated_on, '') || char(31) || replace(coalesce(note, ''), char(30), ' '), char(30)) AS s"
        f" FROM step_status WHERE _deleted = 0 {where} GROUP BY org_id, system_code",
        params,
    )
    for r in packed:
        rows = []
        for item in str(r["s"] or "").split(_SEP_ROW):
            no, st, on, note = item.split(_SEP_FIELD, 3)
            rows.append({"step_no": int(no), "status": st, "updated_on": on or None, "note": note})
        steps[(str(r["org_id"]), str(r["system_code"]))] = rows
    return MatrixRows(orgs, status, steps)


def cells_of(rows: MatrixRows, today: date) -> list[Cell]:
    """Every (organisation, business system) cell in matrix order: organisations as listed,
    systems in display order; cells that do not apply included (marked, not counted)."""
    out = []
    for org in rows.orgs:
        oid = str(org["id"])
        for s in reference.business_systems():
            key = (oid, s.code)
            out.append(make_cell(org, s.code, rows.status.get(key), rows.steps.get(key, ()), today))
    return out


def cells(db: Database, today: date, org_id: str | None = None) -> list[Cell]:
    return cells_of(read(db, org_id), today)


# ---------------------------------------------------------------- the matrix at a past date


def _day_of(hlc: str) -> date:
    """The JST day a change was recorded (the wall-clock part of its stamp)."""
    return datetime.fromtimestamp(Timestamp.decode(hlc).wall_ms / 1000, JST).date()


def _replay(
    db: Database, kind_name: str, dated_by: str | None = None
) -> dict[str, list[tuple[date, dict[str, Any] | None]]]:
    """Each record's states after each of its changes, in log order: (the day the change
    counts from, the record's values after it, or None while it is deleted).

    ``dated_by``: the field that says when a change took effect (a step's ``updated_on``);
    without it, a change counts from the day it was recorded. Older ids (``record_aliases``)
    are the keyed record's history too. The log is replayed in stamp order, field by field, as
    the merge applies it (the newest write of a field wins).
    """
    alias = {
        str(r["alias_id"]): str(r["record_id"])
        for r in db.query(
            "SELECT alias_id, record_id FROM record_aliases WHERE kind = ?", (kind_name,)
        )
    }
    shown = (kind(kind_name).title, dated_by)
    state: dict[str, dict[str, Any]] = {}
    deleted: dict[str, bool] = {}
    out: dict[str, list[tuple[date, dict[str, Any] | None]]] = {}
    for r in db.query(
        "SELECT record_id, hlc, op, payload FROM changes WHERE kind = ? ORDER BY hlc, device_id",
        (kind_name,),
    ):
        rid = alias.get(str(r["record_id"]), str(r["record_id"]))
        try:
            payload = json.loads(str(r["payload"]))
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        values = {k: v for k, v in payload.items() if not k.startswith("_")}
        op = str(r["op"])
        current = state.setdefault(rid, {})
        current.update(values)
        if op in ("delete", "restore"):
            deleted[rid] = op == "delete"
        elif op == "create":
            deleted[rid] = False
        recorded = _day_of(str(r["hlc"]))
        if dated_by is not None:
            # What the matrix shows of a dated record: its status (the kind's title) and its
            # date. A change writing neither (a note alone) did not move the cell, so it never
            # decides which state a month ended in.
            if op in ("create", "update") and not any(f in values for f in shown):
                continue
            # A step counts from the day the user said it got there (``--on``), recorded
            # later or not: March's 完了 entered on 2 April belongs to March's matrix.
            said = current.get(dated_by) if op in ("create", "update") else None
            when = _stored_day(said) or recorded
        else:
            when = recorded
        out.setdefault(rid, []).append((when, None if deleted.get(rid) else dict(current)))
    return out


def _stored_day(value: Any) -> date | None:
    return stored_date(value) if value else None


def _as_of(states: list[tuple[date, dict[str, Any] | None]], end: date) -> dict[str, Any] | None:
    """The state after the last change (in log order) that counts on or before ``end``."""
    found: dict[str, Any] | None = None
    for when, values in states:
        if when <= end:
            found = values
    return found


def read_at(db: Database, end: date, org_id: str | None = None) -> MatrixRows:
    """The rows of the matrix as they stood at the end of ``end``, rebuilt from the change log
    (not from a copy): each system_status record as of the last change recorded by that day,
    each step as of the last change of its status dated (``updated_on``) by that day.

    The organisations are today's: an organisation is not a progress figure.
    """
    current = read(db, org_id)
    wanted = {str(o["id"]) for o in current.orgs}
    status: dict[tuple[str, str], dict[str, Any]] = {}
    for rid, states in _replay(db, "system_status").items():
        values = _as_of(states, end)
        if values is None or str(values.get("org_id")) not in wanted:
            continue
        status[(str(values["org_id"]), str(values["system_code"]))] = {**values, "id": rid}
    steps: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for _rid, states in _replay(db, "step_status", "updated_on").items():
        values = _as_of(states, end)
        if values is None or str(values.get("org_id")) not in wanted:
            continue
        steps.setdefault((str(values["org_id"]), str(values["system_code"])), []).append(
            {
                "step_no": int(values["step_no"]),
                "status": values.get("status"),
                "updated_on": values.get("updated_on"),
                "note": str(values.get("note") or ""),
            }
        )
    return MatrixRows(current.orgs, status, steps)
