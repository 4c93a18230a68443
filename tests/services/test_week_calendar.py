"""The week grid's calendar (issue 15): closed days named, empty 開庁日 flagged, worked out by
hand for the week of 2025-11-03 (月, 文化の日) in a real profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from dxdesk.services.records import RecordService
from dxdesk.services.timesheet import TimesheetService
from tests.sync.sync_helpers import make_profile


def test_the_week_names_its_closed_days_and_flags_open_days_without_hours(
    tmp_path: Path,
) -> None:
    profile = make_profile(tmp_path / "p", "hub", "統括")
    try:
        svc = RecordService(profile)
        svc.add("closed_day", {"date": "2025-11-05", "reason": "庁舎点検"})
        me = str(profile.meta["owner_staff_id"])
        sheet = TimesheetService(profile)
        sheet.quick_add(staff_id=me, day="2025-11-04", hours=7, activity="資料作成")
        week = sheet.week(me, date(2025, 11, 6))
        nov = lambda d: date(2025, 11, d)  # noqa: E731
        assert week.day_names == {nov(3): "文化の日", nov(5): "臨時閉庁日"}
        assert week.closed == {nov(3), nov(5), nov(8), nov(9)}
        assert week.unfilled == {nov(6), nov(7)}  # 11/4 has hours, the rest are closed
        assert week.entry_day == nov(6)
        # Year end: 12/29 .. 1/3 are 年末年始 (1/1 is its holiday's name), none unfilled.
        year_end = sheet.week(me, date(2025, 12, 29))
        assert year_end.day_names[date(2025, 12, 30)] == "年末年始"
        assert year_end.day_names[date(2026, 1, 1)] == "元日"
        assert year_end.unfilled == set() and year_end.entry_day == date(2025, 12, 29)
        # Another person's week is theirs: their 11/4 is empty.
        other = svc.add("staff", {"name": "佐藤 花子", "role": "伴走支援"}).record_id
        assert sheet.week(other, nov(3)).unfilled == {nov(4), nov(6), nov(7)}
    finally:
        profile.close(backup=False)
