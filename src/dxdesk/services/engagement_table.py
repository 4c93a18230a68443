"""The management table (管理表, 6(2)イ⑦) of an engagement: per month and per 常時支援者 the days
on site and the hours, what was done and the next steps, Qt-free (the window's view, the CLI's
.xlsx and the tests read this one result).

Where each figure comes from, so that it is never typed twice:

- 現地日数: distinct days of store/meanings.py ``site_days`` (the one definition of a day on
  site) of that person at the engagement's organisation, within the month, the engagement's
  period and the supporter's own period.
- 時間: the person's active time entries (store/timeentries.py ``active_time``; a visit's hours
  are its time entry) for the organisation over the same days, on site or not.
- 実施内容・次の対応: the supporter's ``engagement_month`` note for the month; where there is
  none, the month's visits by that person (their titles, the last one's 次回対応), marked as taken
  from the visits so a reader knows nobody wrote it for the table.

A row is a supporter whose period touches the month, or anyone who wrote a note for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dxdesk.core.calendar import fiscal_year
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.services.engagements import Engagement, EngagementService
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause, site_days
from dxdesk.store.timeentries import active_time

_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TableRow:
    month: str  # YYYY-MM
    staff_id: str
    name: str
    site_days: int
    hours: float
    done: str
    next_steps: str
    from_visits: bool  # done/next taken from the visits: no note was written for the month
    note_id: str | None  # the engagement_month record, when there is one

    def as_json(self) -> dict[str, Any]:
        return {
            "month": self.month,
            "staff_id": self.staff_id,
            "name": self.name,
            "site_days": self.site_days,
            "hours": self.hours,
            "done": self.done,
            "next_steps": self.next_steps,
            "from_visits": self.from_visits,
        }


@dataclass(frozen=True)
class ManagementTable:
    engagement: Engagement
    months: tuple[str, ...]  # the months shown, oldest first
    rows: tuple[TableRow, ...]

    @property
    def total_days(self) -> int:
        return sum(r.site_days for r in self.rows)

    @property
    def total_hours(self) -> float:
        return round(sum(r.hours for r in self.rows), 2)

    def month_rows(self, month: str) -> list[TableRow]:
        return [r for r in self.rows if r.month == month]


def month_bounds(month: str) -> tuple[date, date]:
    first = date.fromisoformat(f"{month}-01")
    return first, (first + timedelta(days=32)).replace(day=1) - _DAY


def engagement_months(e: Engagement, until: date | None = None) -> tuple[str, ...]:
    """The months of the engagement's period (up to ``until``'s month when given)."""
    out: list[str] = []
    d = e.start.replace(day=1)
    last = e.end if until is None else min(e.end, until)
    while d <= last:
        out.append(f"{d:%Y-%m}")
        d = (d + timedelta(days=32)).replace(day=1)
    return tuple(out)


class EngagementTableService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.profile = profile
        self.db = profile.database
        self.engagements = EngagementService(profile, today)
        self.today = self.engagements.today

    def resolve(self, value: str) -> Engagement:
        """An engagement from its id, or from its organisation's name or code: its only
        engagement, or of several the one of this fiscal year (refused when that leaves none
        or more than one)."""
        found = self.engagements.find(value.strip())
        if found is not None:
            return found
        from dxdesk.services.references import References

        org_id = References(self.profile).resolve_org(value)
        years = [
            int(r["fy"])
            for r in self.db.query(
                "SELECT DISTINCT fy FROM engagement AS e"
                f" WHERE {live_clause(kind('engagement'), 'e')} AND org_id = ? AND fy IS NOT NULL"
                " ORDER BY fy",
                (org_id,),
            )
        ]
        fy = fiscal_year(self.today)
        if len(years) > 1:
            years = [y for y in years if y == fy]
        mine = [e for y in years for e in self.engagements.engagements(y) if e.org_id == org_id]
        if len(mine) == 1:
            return mine[0]
        if not mine:
            raise UserError("engagement_not_found", value=value, fy=fy)
        raise UserError("engagement_ambiguous", value=value, count=len(mine))

    def table(self, engagement_id: str, month: str | None = None) -> ManagementTable:
        """The table of one month (YYYY-MM), or of every month of the period up to today."""
        e = self.engagements.find(engagement_id)
        if e is None:
            raise UserError("unknown_record", label=kind("engagement").label, id=engagement_id)
        if month is None:
            months = engagement_months(e, self.today) or engagement_months(e)[:1]
        else:
            if month not in engagement_months(e):
                raise UserError(
                    "month_outside_engagement",
                    month=month,
                    start=e.start.isoformat(),
                    end=e.end.isoformat(),
                )
            months = (month,)
        rows = [row for m in months for row in self._month_rows(e, m)]
        return ManagementTable(e, months, tuple(rows))

    def _month_rows(self, e: Engagement, month: str) -> list[TableRow]:
        first, last = month_bounds(month)
        lo, hi = max(first, e.start), min(last, e.end)
        notes = {
            str(r["staff_id"]): r
            for r in self.db.query(
                "SELECT id, staff_id, done, next_steps FROM engagement_month AS m"
                f" WHERE {live_clause(kind('engagement_month'), 'm')}"
                " AND engagement_id = ? AND month = ?",
                (e.id, month),
            )
        }
        # Each person once, over their period within the month (one period each: supporters
        # are keyed by engagement and staff member, so no one holds two).
        spans: dict[str, tuple[date, date, str]] = {}
        for s in e.supporters:
            a, b = max(lo, s.start), min(hi, s.end)
            if a > b:
                continue
            held = spans.get(s.staff_id)
            if held is not None:
                a, b = min(a, held[0]), max(b, held[1])
            spans[s.staff_id] = (a, b, s.name)
        for staff_id in notes:
            if staff_id not in spans:
                spans[staff_id] = (lo, hi, self._name(staff_id))
        rows: list[TableRow] = []
        for staff_id, (a, b, name) in sorted(spans.items(), key=lambda x: (x[1][0], x[1][2])):
            days = self.db.query(
                f"SELECT COUNT(DISTINCT d) AS n FROM ({site_days('?1', '?2', staff='?3')})"
                " WHERE org_id = ?4",
                (a.isoformat(), b.isoformat(), staff_id, e.org_id),
            )[0]["n"]
            hours = self.db.query(
                f'SELECT COALESCE(SUM(t.hours), 0) AS h FROM "time" AS t WHERE {active_time("t")}'
                " AND t.staff_id = ? AND t.org_id = ? AND t.date BETWEEN ? AND ?",
                (staff_id, e.org_id, a.isoformat(), b.isoformat()),
            )[0]["h"]
            note = notes.get(staff_id)
            done = str(note["done"] or "") if note is not None else ""
            after = str(note["next_steps"] or "") if note is not None else ""
            from_visits = False
            if not done and not after:
                done, after = self._from_visits(e.org_id, staff_id, a, b)
                from_visits = bool(done or after)
            rows.append(
                TableRow(
                    month,
                    staff_id,
                    name or staff_id,
                    int(days or 0),
                    round(float(hours or 0), 2),
                    done,
                    after,
                    from_visits,
                    None if note is None else str(note["id"]),
                )
            )
        return rows

    def _name(self, staff_id: str) -> str:
        found = self.db.query("SELECT name FROM staff WHERE id = ?", (staff_id,))
        return str(found[0]["name"] or staff_id) if found else staff_id

    def _from_visits(self, org_id: str, staff_id: str, a: date, b: date) -> tuple[str, str]:
        visits = self.db.query(
            "SELECT date, title, next_actions FROM visit WHERE _deleted = 0 AND org_id = ?"
            " AND staff_id = ? AND date BETWEEN ? AND ? ORDER BY date, id",
            (org_id, staff_id, a.isoformat(), b.isoformat()),
        )
        done = "\n".join(
            f"・{int(str(v['date'])[5:7])}/{int(str(v['date'])[8:10])} {v['title']}" for v in visits
        )
        after = next((str(v["next_actions"]) for v in reversed(visits) if v["next_actions"]), "")
        return done, after


HEADER = ("年月", "常時支援者", "現地日数", "時間", "実施内容", "次の対応")


def table_rows(t: ManagementTable) -> list[list[object]]:
    """The table as cells (the window's view and the .xlsx print the same)."""
    out: list[list[object]] = []
    for r in t.rows:
        done = r.done + ("\n（訪問記録より）" if r.from_visits and r.done else "")
        out.append([r.month, r.name, r.site_days, r.hours, done, r.next_steps])
    return out


def table_xlsx(t: ManagementTable) -> bytes:
    """The management table as an .xlsx workbook to share with the prefecture."""
    from dxdesk.reports.xlsx import Sheet, workbook_bytes

    e = t.engagement
    rows = table_rows(t)
    rows.append(["合計", "", t.total_days, t.total_hours, "", ""])
    title = f"管理表（{e.org}）"
    return workbook_bytes(
        [
            Sheet(
                title,
                list(HEADER),
                rows,
                number_formats={3: "0.00"},
                widths={4: 50, 5: 40},
            )
        ],
        title=f"集中支援 管理表 {e.org} {e.theme}".strip(),
    )


def write_table_xlsx(t: ManagementTable, out: str) -> str:
    """Write the workbook atomically (nothing half-written); the path written."""
    from pathlib import Path

    from dxdesk.fsutil import atomic_write_bytes

    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise UserError("bad_argument", detail="出力ファイルは .xlsx で指定してください。")
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir() or not parent.is_dir():
        raise UserError("io_error", path=str(path))
    atomic_write_bytes(path, table_xlsx(t), mode=0o600)  # an OSError becomes a UserError
    return str(path)
