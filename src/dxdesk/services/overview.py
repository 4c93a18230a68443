"""Figures for the main window: organisation badges, an organisation's overview, the month grid.

Qt-free and read-only; every figure is one SQL aggregate over live rows (the covering indexes of
migration 0003), so the window stays fast however much data the year holds. Hours count only
active time entries (``store.timeentries``): never a superseded entry or a losing correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from dxdesk.core.calendar import fiscal_year, fiscal_year_range
from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import open_clause, site_days
from dxdesk.store.shared import org_condition, org_counts, shared
from dxdesk.store.timeentries import active_time

if TYPE_CHECKING:
    from dxdesk.services.overview_detail import MonthGrid, OrgOverview

ISSUE = kind("issue")
OPEN_ISSUE = open_clause(ISSUE)  # 未対応, 対応中, 保留: the model says (Kind.open_statuses)
OPEN_ISSUES_SHOWN = 10


@dataclass(frozen=True)
class OrgBadge:
    org_id: str
    code: str
    name: str
    org_kind: str
    area: str
    bansou: bool
    open_issues: int
    days_on_site: int  # in the selected month
    days_since_visit: int | None
    target_days: int | None  # intensive support (集中支援) target per month
    # False: the figures above are not counted yet (the window's first paint shows the names,
    # then the counts: they read the visits and grow with them).
    counted: bool = True


def month_bounds(month: str) -> tuple[str, str]:
    y, m = (int(x) for x in month.split("-"))
    first = date(y, m, 1)
    nxt = date(y + (m == 12), m % 12 + 1, 1)
    return first.isoformat(), (nxt - timedelta(days=1)).isoformat()


class OverviewService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.db = profile.database
        self.today = today or today_jst()

    def default_month(self) -> str:
        """This month, or the latest month with visits when this month has none (old data)."""
        this = self.today.strftime("%Y-%m")
        start, end = month_bounds(this)
        rows = self.db.query(
            "SELECT count(*) AS n FROM visit WHERE _deleted = 0 AND date BETWEEN ? AND ?",
            (start, end),
        )
        if rows[0]["n"]:
            return this
        latest = self.db.query(  # per organisation on its index, as in organisations()
            "SELECT max((SELECT max(v.date) FROM visit AS v WHERE v._deleted = 0"
            " AND v.org_id = o.id)) AS d FROM organisation AS o"
        )[0]["d"]
        return str(latest)[:7] if latest else this

    def _targets(self, month: str) -> dict[str, int]:
        fy = fiscal_year(date.fromisoformat(month + "-01"))
        rows = self.db.query(
            "SELECT org_id, max(coalesce(target_days, 10)) AS t FROM engagement"
            " WHERE _deleted = 0 AND fy = ? GROUP BY org_id",
            (fy,),
        )
        return {str(r["org_id"]): int(r["t"]) for r in rows}

    def _site_days(self, start: str, end: str) -> dict[str, int]:
        # A day on site (store/meanings.py): the same rule as the documents'.
        rows = self.db.query(
            f"SELECT org_id, count(DISTINCT d) AS n FROM ({site_days('?1', '?2')}) GROUP BY org_id",
            (start, end),
        )
        return {str(r["org_id"]): int(r["n"]) for r in rows}

    def organisations(self, month: str | None = None, *, counted: bool = True) -> list[OrgBadge]:
        """Every organisation with its figures of ``month``; with ``counted`` False only what
        the organisation records say (no issue or visit read), for a first paint."""
        if not counted:
            return self._uncounted(month or self.today.strftime("%Y-%m"))
        month = month or self.default_month()
        start, end = month_bounds(month)
        # Each organisation's open issues, a shared one under each it is shared with
        # (services/shared.py); no figure here adds the organisations up.
        issues = org_counts(self.db, ISSUE, open_clause(ISSUE, "t"))
        # One index seek per organisation (28), not a pass over every visit: a GROUP BY here
        # read all 100,000 index entries and took most of the window's data-bound start.
        last = {
            str(r["org_id"]): str(r["d"])
            for r in self.db.query(
                "SELECT o.id AS org_id, (SELECT max(v.date) FROM visit AS v WHERE v._deleted = 0"
                " AND v.org_id = o.id AND v.date <= ?) AS d FROM organisation AS o",
                (end,),
            )
            if r["d"] is not None
        }
        days = self._site_days(start, end)
        targets = self._targets(month)
        ref = date.fromisoformat(end) if end < self.today.isoformat() else self.today
        out = []
        for r in self.db.query(
            "SELECT id, code, name, org_kind, area, bansou FROM organisation WHERE _deleted = 0"
            " ORDER BY org_kind = '県', code"
        ):
            oid = str(r["id"])
            since = (ref - date.fromisoformat(last[oid])).days if oid in last else None
            out.append(
                OrgBadge(
                    org_id=oid,
                    code=str(r["code"]),
                    name=str(r["name"]),
                    org_kind=str(r["org_kind"]),
                    area=str(r["area"] or ""),
                    bansou=bool(r["bansou"]),
                    open_issues=issues.get(oid, 0),
                    days_on_site=days.get(oid, 0),
                    days_since_visit=since,
                    target_days=targets.get(oid),
                )
            )
        return out

    def _uncounted(self, month: str) -> list[OrgBadge]:
        targets = self._targets(month)
        return [
            OrgBadge(
                org_id=str(r["id"]),
                code=str(r["code"]),
                name=str(r["name"]),
                org_kind=str(r["org_kind"]),
                area=str(r["area"] or ""),
                bansou=bool(r["bansou"]),
                open_issues=0,
                days_on_site=0,
                days_since_visit=None,
                target_days=targets.get(str(r["id"])),
                counted=False,
            )
            for r in self.db.query(
                "SELECT id, code, name, org_kind, area, bansou FROM organisation"
                " WHERE _deleted = 0 ORDER BY org_kind = '県', code"
            )
        ]

    def org_overview(self, org_id: str, month: str | None = None) -> OrgOverview:
        from dxdesk.services.overview_detail import OrgOverview

        month = month or self.default_month()
        start, end = month_bounds(month)
        org = self.db.query("SELECT * FROM organisation WHERE id = ?", (org_id,))[0]
        contacts = self.db.query(
            "SELECT name, department, title, phone, email FROM contact"
            " WHERE _deleted = 0 AND org_id = ? ORDER BY department, name",
            (org_id,),
        )
        visits = self.db.query(
            "SELECT id, date, mode, purpose, title FROM visit WHERE _deleted = 0 AND org_id = ?"
            " ORDER BY date DESC, rid DESC LIMIT 5",
            (org_id,),
        )
        # The first few open issues, chosen on the covering index (0003) before any wide row
        # is read: an organisation with hundreds of open issues costs what one with ten does.
        # Its own open issues and those it shares (services/shared.py), each shared one with
        # the organisations holding it.
        of_org, org_params = org_condition(ISSUE, "issue", org_id)
        issues = self.db.query(
            "SELECT id, org_id, title, priority, status, due_date FROM issue WHERE rid IN ("
            f" SELECT rid FROM issue WHERE _deleted = 0 AND {of_org} AND {OPEN_ISSUE}"
            " ORDER BY priority = '高' DESC, due_date LIMIT ?)"
            " ORDER BY priority = '高' DESC, due_date",
            (*org_params, OPEN_ISSUES_SHOWN),
        )
        marks = shared(self.db, ISSUE, issues)
        names = {
            str(r["id"]): str(r["name"]) for r in self.db.query("SELECT id, name FROM organisation")
        }
        for i in issues:
            mark = marks.get(str(i["id"]))
            i["shared_names"] = mark.names(names) if mark else []  # 主担当団体 first
        open_count = self.db.query(
            f"SELECT count(*) AS n FROM issue WHERE _deleted = 0 AND {of_org} AND {OPEN_ISSUE}",
            org_params,
        )[0]["n"]
        hours = self.db.query(
            'SELECT coalesce(sum(t.hours), 0) AS h FROM "time" AS t'
            f" WHERE {active_time('t')} AND t.org_id = ? AND t.date BETWEEN ? AND ?",
            (org_id, start, end),
        )[0]["h"]
        fy_start, fy_end = fiscal_year_range(fiscal_year(date.fromisoformat(start)))
        series = {
            str(r["m"]): float(r["h"])
            for r in self.db.query(
                'SELECT substr(t.date, 1, 7) AS m, sum(t.hours) AS h FROM "time" AS t'
                f" WHERE {active_time('t')} AND t.org_id = ? AND t.date BETWEEN ? AND ?"
                " GROUP BY m",
                (org_id, fy_start.isoformat(), fy_end.isoformat()),
            )
        }
        months = []
        d = fy_start
        while d <= fy_end:
            key = d.strftime("%Y-%m")
            months.append((key, series.get(key, 0.0)))
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return OrgOverview(
            org=org,
            contacts=contacts,
            last_visits=visits,
            open_issues=issues,
            hours_month=float(hours),
            days_on_site=self._site_days(start, end).get(org_id, 0),
            target_days=self._targets(month).get(org_id),
            monthly_hours=months,
            open_issue_count=int(open_count),
        )

    def month_grid(self, month: str) -> MonthGrid:
        from dxdesk.services.overview_detail import GridCell, MonthGrid

        start, end = month_bounds(month)
        hours = {
            (str(r["staff_id"]), str(r["org_id"])): float(r["hours"] or 0)
            for r in self.db.query(
                'SELECT t.staff_id, t.org_id, sum(t.hours) AS hours FROM "time" AS t'
                f" WHERE {active_time('t')} AND t.org_id IS NOT NULL"
                " AND t.date BETWEEN ? AND ? GROUP BY t.staff_id, t.org_id",
                (start, end),
            )
        }
        # Each person's days on site: the one rule (store/meanings.py) with the person's
        # visits and entries, so a cell never says more than the organisation's badge.
        days = {
            (str(r["staff_id"]), str(r["org_id"])): int(r["n"])
            for r in self.db.query(
                f"SELECT staff_id, org_id, count(DISTINCT d) AS n FROM ({site_days('?1', '?2')})"
                " WHERE staff_id IS NOT NULL GROUP BY staff_id, org_id",
                (start, end),
            )
        }
        cells = {key: GridCell(days.get(key, 0), hours.get(key, 0.0)) for key in {*hours, *days}}
        staff = [
            (str(r["id"]), str(r["name"]))
            for r in self.db.query(
                "SELECT id, name FROM staff WHERE _deleted = 0 ORDER BY role = '統括責任者', name"
            )
        ]
        orgs = [
            (str(r["id"]), str(r["name"]))
            for r in self.db.query(
                "SELECT id, name FROM organisation WHERE _deleted = 0 ORDER BY org_kind = '県', code"
            )
        ]
        return MonthGrid(
            month, staff, orgs, cells, self._targets(month), self._site_days(start, end)
        )
