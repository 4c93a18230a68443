"""One meaning, every view: "open issue", "day on site" and "hours that count" agree wherever
they are counted.

The window's organisation badges and panel, the lists' 未完了 filter, the hours grids (the
staff x organisation month grid and each person's week), the hearing sheet, the monthly report
and the completion report read the model's declared meanings (Kind.open_statuses,
Kind.supersedes, store/meanings.py), so 保留 counts as open everywhere, a day on site is
counted once per organisation and once per person whichever records show it (two people on
site the same day are one day for the organisation), and a corrected time entry counts once.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dxdesk.core.model import ISSUE_STATUSES, kind
from dxdesk.reports.documents.completion import completion_report
from dxdesk.reports.documents.hearing_sheet import open_issues
from dxdesk.reports.documents.monthly import monthly_data
from dxdesk.services.calendar import office_calendar
from dxdesk.services.overview import OverviewService
from dxdesk.services.records import RecordService
from dxdesk.services.timesheet import TimesheetService
from tests.sync.sync_helpers import make_profile

WEEKS = (date(2026, 2, 2), date(2026, 2, 9))  # the Mondays of the weeks with work on site


def test_open_issues_days_on_site_and_hours_agree_in_every_view(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "p", "hub", "統括")
    try:
        svc = RecordService(profile)
        org = svc.resolve_org("小林市")
        for status in ISSUE_STATUSES:  # 未対応, 対応中, 完了, 保留
            values = {
                "org_id": org,
                "title": f"{status}の課題",
                "status": status,
                "raised_on": "2026-02-02",
            }
            if status == "完了":
                values["closed_on"] = "2026-02-10"
            svc.add("issue", values)
        me = str(profile.meta["owner_staff_id"])
        other = svc.add("staff", {"name": "佐藤 花子", "role": "伴走支援"}).record_id
        # Days on site in February: my 訪問 visits on the 3rd and the 5th (the visit's staff is
        # me by the model's default), my on-site time entries on the 5th (the same day) and the
        # 9th, and 佐藤's on the 5th and the 9th too: three days for 小林市 (not five), three
        # for me, two for 佐藤. An online meeting on the 12th and 佐藤's desk work on the 10th
        # are not on site.
        for day, mode in (
            ("2026-02-03", "訪問"),
            ("2026-02-05", "訪問"),
            ("2026-02-12", "オンライン"),
        ):
            svc.add("visit", {"date": day, "org_id": org, "mode": mode, "title": f"{day} の支援"})
        sheet = TimesheetService(profile)
        for staff, day, hours, on_site in (
            (me, "2026-02-05", 2, True),
            (me, "2026-02-09", 2, True),
            (me, "2026-02-09", 3, True),  # a correction: 3 hours count, not 2 + 3
            (other, "2026-02-05", 1, True),
            (other, "2026-02-09", 3, True),
            (other, "2026-02-10", 1, False),
        ):
            sheet.set_hours(
                staff_id=staff, day=day, org_id=org, activity=None, on_site=on_site, hours=hours
            )

        expected_open = len(kind("issue").open_statuses)
        assert expected_open == 3 and "保留" in kind("issue").open_statuses

        overview = OverviewService(profile)
        badge = next(b for b in overview.organisations("2026-02") if b.org_id == org)
        panel = overview.org_overview(org, "2026-02")
        grid = overview.month_grid("2026-02")
        weeks = {staff: [sheet.week(staff, monday) for monday in WEEKS] for staff in (me, other)}
        month = monthly_data(profile.database, "2026-02", office_calendar(profile))
        reported = next(o for o in month.orgs if o.org.id == org)
        completion = completion_report(profile.database, fy=2025)
        year = next(o for o in completion.orgs if o.org.id == org)
        still_open = [i for i in reported.issues if i["status"] in kind("issue").open_statuses]
        listed = [
            r
            for r in svc.list_records("issue", org=org)
            if r["status"] in kind("issue").open_statuses
        ]
        counts = {
            "badge": badge.open_issues,
            "panel": panel.open_issue_count,
            "list filter": len(listed),
            "hearing sheet": len(open_issues(profile.database, org)),
            "monthly report": len(still_open),
            "completion report": completion.issues_open,
        }
        assert set(counts.values()) == {expected_open}, counts

        days = {
            "badge": badge.days_on_site,
            "panel": panel.days_on_site,
            "month grid": grid.org_days(org),
            "monthly report": reported.site_days,
            "completion report": year.site_days,
        }
        assert set(days.values()) == {3}, days
        # Per person, the same rule: the month grid's cell and the person's weeks.
        for staff, expected in ((me, 3), (other, 2)):
            on_site = set().union(*(w.on_site_days for w in weeks[staff]))
            assert len(on_site) == grid.cells[(staff, org)].days == expected, staff
        assert set().union(*(w.on_site_days for w in weeks[me])) == {
            date(2026, 2, 3),
            date(2026, 2, 5),
            date(2026, 2, 9),
        }

        hours = {
            "panel": panel.hours_month,
            "month grid": grid.org_hours(org),
            "week grids": sum(w.total for ws in weeks.values() for w in ws),
            "monthly report": reported.hours,
            "completion report": year.hours,
        }
        assert set(hours.values()) == {10.0}, hours
        assert reported.site_hours == 9.0
    finally:
        profile.close(backup=False)
