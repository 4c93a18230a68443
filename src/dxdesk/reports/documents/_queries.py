"""Small helpers shared by the documents (consultations, experts, minutes,
training, completion, case-study): periods, organisation and staff names, active time entries.

Everything here is one SQL query over live rows (``_deleted = 0``); documents turn the results
into plain dataclasses that the PDF and Excel writers lay out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import (
    fiscal_year,
    fiscal_year_range,
    format_fiscal_year,
    format_wareki,
    format_wareki_compact,
    stored_date,
    wareki_year,
)
from dxdesk.core.model import ACTIVITIES
from dxdesk.errors import UserError
from dxdesk.reports.base import parse_month
from dxdesk.reports.pdf import PdfDocument
from dxdesk.store.database import Database
from dxdesk.store.meanings import site_days
from dxdesk.store.timeentries import active_time

# Hours count only active time entries (not deleted, not superseded: store.timeentries).
ACTIVE_TIME = active_time("t")
# A day on site for an organisation (store/meanings.py: the one definition, as the window's).
SITE_DAYS = site_days(":start", ":end")


def live_org(column: str = "org_id") -> str:
    """SQL: the record's organisation is live.

    Records of a deleted organisation (a duplicate removed, one entered by mistake) are left out
    of every document in the same way, so a total and the sum of its rows never differ.
    ``column`` is one of our identifiers, never user text.
    """
    if not column.replace(".", "").replace("_", "").isalnum():
        raise ValueError(f"bad SQL column: {column!r}")
    return f"{column} IN (SELECT id FROM organisation WHERE _deleted = 0)"


def supervisor_name(db: Database, _request: object = None) -> str:
    """The 統括責任者 among the live staff records (synced from the hub), "" unless exactly one:
    the monthly report and the completion report are the supervisor's to sign."""
    rows = db.query("SELECT name FROM staff WHERE _deleted = 0 AND role = '統括責任者' LIMIT 2")
    return str(rows[0]["name"] or "") if len(rows) == 1 else ""


UNASSIGNED_LABEL = "団体に属さない作業"
NO_ACTIVITY = "作業区分なし"


def unassigned_hours(db: Database, start: str, end: str) -> list[tuple[str, float]]:
    """Hours of active time entries without an organisation (資料作成, 会議, 研修…), by activity.

    Reported next to the organisations' hours so that a period's total is complete.
    """
    rows = db.query(
        f'SELECT t.activity, sum(t.hours) AS n FROM "time" AS t WHERE {ACTIVE_TIME}'
        " AND t.org_id IS NULL AND t.date BETWEEN ? AND ? GROUP BY t.activity",
        (start, end),
    )
    out = [(str(r["activity"] or NO_ACTIVITY), float(r["n"] or 0)) for r in rows]
    order = {a: i for i, a in enumerate(ACTIVITIES)}
    return sorted(((a, h) for a, h in out if h), key=lambda p: (order.get(p[0], len(order)), p[0]))


def hours_figure(h: float) -> str:
    """Hours as the documents print them: 1,234.5 (thousands separated, no trailing zeros)."""
    return f"{h:,.2f}".rstrip("0").rstrip(".")


def hours_text(by_activity: Sequence[tuple[str, float]]) -> str:
    """「資料作成 12時間、会議 6時間」: the breakdown printed beside the unassigned total."""
    return "、".join(f"{a} {hours_figure(h)}時間" for a, h in by_activity)


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # 令和7年度 / 令和7年11月
    fy: int

    @property
    def params(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def month_period(month: str) -> Period:
    first, last = parse_month(month)
    era, era_year = wareki_year(first)  # of the month itself, not of its fiscal year
    label = f"{era}{'元' if era_year == 1 else era_year}年{first.month}月"
    return Period(first, last, label, fiscal_year(first))


def fy_period(fy: int) -> Period:
    start, end = fiscal_year_range(fy)
    return Period(start, end, format_fiscal_year(fy), fy)


def period(*, fy: int | None, month: str | None, default_fy: int | None = None) -> Period:
    """The month when given, else the fiscal year, else ``default_fy``; UserError otherwise."""
    if month:
        return month_period(month)
    if fy is not None:
        return fy_period(fy)
    if default_fy is not None:
        return fy_period(default_fy)
    raise UserError("report_param_missing", option="--month / --fy", label="対象月または年度")


@dataclass(frozen=True)
class Org:
    id: str
    code: str
    name: str
    org_kind: str
    area: str
    bansou: bool

    @property
    def is_municipality(self) -> bool:
        return self.org_kind != "県"


def organisations(db: Database) -> list[Org]:
    """Live organisations: municipalities by code, then the prefecture's divisions."""
    return [
        Org(
            str(r["id"]),
            str(r["code"]),
            str(r["name"]),
            str(r["org_kind"]),
            str(r["area"] or ""),
            bool(r["bansou"]),
        )
        for r in db.query(
            "SELECT id, code, name, org_kind, area, bansou FROM organisation WHERE _deleted = 0"
            " ORDER BY org_kind = '県', code"
        )
    ]


def org_by_id(db: Database) -> dict[str, Org]:
    return {o.id: o for o in organisations(db)}


def names(db: Database, table: str) -> dict[str, str]:
    """id -> name for staff, expert, vendor (deleted ones too: old records still name them)."""
    if table not in {"staff", "expert", "vendor"}:  # spliced into SQL: never user text
        raise ValueError(f"not a table of names: {table!r}")
    return {str(r["id"]): str(r["name"]) for r in db.query(f'SELECT id, name FROM "{table}"')}


to_date = stored_date  # the documents' name for it


def to_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(x) for x in value]
    if isinstance(value, str) and value.startswith("["):
        loaded = json.loads(value)
        return [str(x) for x in loaded] if isinstance(loaded, list) else []
    return []


def text(value: object) -> str:
    return "" if value is None else str(value)


def period_text(p: Period) -> str:
    """令和7年度（R7.4.1〜R8.3.31） for the title blocks."""
    return f"{p.label}（{format_wareki_compact(p.start)}〜{format_wareki_compact(p.end)}）"


def date_text(d: date | None, *, weekday: bool = False) -> str:
    return "" if d is None else format_wareki(d, weekday=weekday)


def joined(items: list[str], sep: str = "、") -> str:
    return sep.join(i for i in items if i)


def count_table(
    doc: PdfDocument,
    label: str,
    pairs: Sequence[tuple[str, int]],
    *,
    share: bool = False,
    width: float = 0.55,
) -> None:
    """A small table of counts (label, 件数[, 割合]) with a total row, ``width`` of the frame."""
    total = sum(n for _, n in pairs)
    if share:
        doc.table(
            [label, "件数", "割合"],
            [[k, n, f"{n / total * 100:.1f}%" if total else ""] for k, n in pairs],
            widths=[4, 1, 1],
            align="LRR",
            total=["計", total, "100.0%" if total else ""],
            width=width,
        )
    else:
        doc.table(
            [label, "件数"],
            [[k, n] for k, n in pairs],
            widths=[4, 1],
            align="LR",
            total=["計", total],
            width=width,
        )


def supporter_names(db: Database, engagement_id: str) -> str:
    """The 常時支援者 of an engagement (its engagement_supporter records), joined by 、."""
    rows = db.query(
        "SELECT st.name FROM engagement_supporter AS s JOIN staff AS st ON st.id = s.staff_id"
        " WHERE s._deleted = 0 AND s.engagement_id = ? ORDER BY s.from_date, st.name",
        (engagement_id,),
    )
    return "、".join(str(r["name"]) for r in rows if r["name"])
