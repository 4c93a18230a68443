"""One meaning, every view: "open issue" and "day on site" agree wherever they are counted.

The window's organisation badges and panel, the lists' 未完了 filter, the hearing sheet, the
monthly report and the completion report read the model's declared meaning (Kind.open_statuses,
store/meanings.py), so 保留 counts as open everywhere and a day on site is counted once per
organisation whichever records show it.
"""

from __future__ import annotations

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


def test_open_issues_and_days_on_site_agree_in_every_view(tmp_path: Path) -> None:
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
        # Days on site in February: a 訪問 visit on the 3rd and the 5th, an on-site time entry on
        # the 5th (the same day) and on the 9th; an online meeting on the 12th is not on site.
        for day, mode in (
            ("2026-02-03", "訪問"),
            ("2026-02-05", "訪問"),
            ("2026-02-12", "オンライン"),
        ):
            svc.add("visit", {"date": day, "org_id": org, "mode": mode, "title": f"{day} の支援"})
        staff = str(profile.meta["owner_staff_id"])
        sheet = TimesheetService(profile)
        for day in ("2026-02-05", "2026-02-09"):
            sheet.set_hours(
                staff_id=staff, day=day, org_id=org, activity=None, on_site=True, hours=2
            )

        expected_open = len(kind("issue").open_statuses)
        assert expected_open == 3 and "保留" in kind("issue").open_statuses

        overview = OverviewService(profile)
        badge = next(b for b in overview.organisations("2026-02") if b.org_id == org)
        panel = overview.org_overview(org, "2026-02")
        month = monthly_data(profile.database, "2026-02", office_calendar(profile))
        reported = next(o for o in month.orgs if o.org.id == org)
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
            "completion report": completion_report(profile.database, fy=2025).issues_open,
        }
        assert set(counts.values()) == {expected_open}, counts

        days = {
            "badge": badge.days_on_site,
            "panel": panel.days_on_site,
            "monthly report": reported.site_days,
        }
        assert set(days.values()) == {3}, days
    finally:
        profile.close(backup=False)
