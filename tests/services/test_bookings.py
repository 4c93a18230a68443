"""Time entered once (issue 15): a visit's hours are its time entry, one, kept in step.

Real profile (SQLCipher), real services; the figures are worked out by hand from the visit's
start and end, and read back through the week grid, the month grid and the monthly report.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dxdesk.reports.documents.monthly import monthly_data
from dxdesk.services.calendar import office_calendar
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.timesheet import TimesheetService
from dxdesk.store.timeentries import active_time
from tests.sync.sync_helpers import make_profile


@pytest.fixture()
def profile(tmp_path: Path) -> Iterator[Profile]:
    p = make_profile(tmp_path / "p", "hub", "統括")
    try:
        yield p
    finally:
        p.close(backup=False)


def _active(profile: Profile, visit_id: str) -> list[dict[str, object]]:
    return profile.database.query(
        f'SELECT * FROM "time" AS t WHERE {active_time("t")} AND t.visit_id = ? ORDER BY t.id',
        (visit_id,),
    )


def _visit(svc: RecordService, **extra: object) -> str:
    values: dict[str, object] = {
        "date": "2026-02-03",
        "start_time": "10:00",
        "end_time": "12:30",
        "org_id": svc.resolve_org("小林市"),
        "mode": "訪問",
        "purpose": "定例訪問",
        "title": "定例訪問",
        **extra,
    }
    return svc.add("visit", values).record_id


def test_a_visit_books_one_entry_that_follows_it_and_goes_with_it(profile: Profile) -> None:
    svc = RecordService(profile)
    me = str(profile.meta["owner_staff_id"])
    vid = _visit(svc)
    [entry] = _active(profile, vid)
    # 10:00-12:30 is 2.5 hours; 定例訪問 books as ヒアリング; 訪問 is on site; the 担当者 is me.
    assert (entry["hours"], entry["activity"], entry["on_site"]) == (2.5, "ヒアリング", 1)
    assert (entry["date"], entry["staff_id"], entry["org_id"]) == (
        "2026-02-03",
        me,
        svc.resolve_org("小林市"),
    )

    # New times, a new day and another organisation: one correction, the old entry history.
    svc.edit("visit", vid, {"end_time": "13:00", "date": "2026-02-04"})
    svc.edit("visit", vid, {"org_id": svc.resolve_org("えびの市")})
    [entry2] = _active(profile, vid)
    assert entry2["id"] != entry["id"] and entry2["supersedes"] is not None
    assert (entry2["hours"], entry2["date"]) == (3.0, "2026-02-04")
    assert entry2["org_id"] == svc.resolve_org("えびの市")

    # Another 担当者: the entry is theirs.
    other = svc.add("staff", {"name": "佐藤 花子", "role": "伴走支援"}).record_id
    svc.edit("visit", vid, {"staff_id": other})
    [entry3] = _active(profile, vid)
    assert entry3["staff_id"] == other

    # An edit of the notes only leaves the entry alone.
    svc.edit("visit", vid, {"notes": "議事録"})
    assert [e["id"] for e in _active(profile, vid)] == [entry3["id"]]

    svc.delete("visit", vid)
    assert _active(profile, vid) == []
    svc.restore("visit", vid)
    [back] = _active(profile, vid)
    assert back["id"] == entry3["id"] and back["hours"] == 3.0


def test_hours_typed_by_hand_in_the_entry_are_kept(profile: Profile) -> None:
    svc = RecordService(profile)
    vid = _visit(svc)
    [entry] = _active(profile, vid)
    svc.edit("time", str(entry["id"]), {"hours": 2})  # the person says 2 hours, not 2.5
    svc.edit("visit", vid, {"date": "2026-02-05", "end_time": "13:00"})
    [now] = _active(profile, vid)
    assert (now["hours"], now["date"]) == (2.0, "2026-02-05")


def test_no_entry_without_hours_or_when_one_is_linked(profile: Profile) -> None:
    svc = RecordService(profile)
    vid = _visit(svc, start_time=None, end_time=None)
    assert _active(profile, vid) == []
    # Linked by hand first (split into activities): giving the visit times adds no other.
    svc.add(
        "time",
        {"date": "2026-02-03", "hours": 1, "activity": "資料作成", "visit_id": vid},
    )
    svc.edit("visit", vid, {"start_time": "10:00", "end_time": "11:00"})
    assert [e["activity"] for e in _active(profile, vid)] == ["資料作成"]


def test_a_hand_made_entry_for_the_visit_is_not_doubled(profile: Profile) -> None:
    svc = RecordService(profile)
    org = svc.resolve_org("小林市")
    me = str(profile.meta["owner_staff_id"])
    sheet = TimesheetService(profile)
    # Typed in the week grid first, then the visit: the grid's entry is linked, not doubled.
    sheet.set_hours(
        staff_id=me, day="2026-02-03", org_id=org, activity="ヒアリング", on_site=True, hours=2
    )
    vid = _visit(svc)
    [linked] = _active(profile, vid)
    assert linked["hours"] == 2.0
    assert sheet.week(me, date(2026, 2, 3)).total == 2.0

    # Added by hand for the visit in its cell: the visit's entry corrected, still one.
    vid2 = _visit(svc, date="2026-02-10")
    svc.add(
        "time",
        {
            "date": "2026-02-10",
            "org_id": org,
            "hours": 3,
            "on_site": True,
            "activity": "ヒアリング",
            "visit_id": vid2,
        },
    )
    [only] = _active(profile, vid2)
    assert only["hours"] == 3.0

    # Counted once everywhere: 2 + 3 hours in the week grids, the month grid, the report.
    weeks = sum(sheet.week(me, date(2026, 2, d)).total for d in (2, 9))
    grid = OverviewService(profile).month_grid("2026-02")
    month = monthly_data(profile.database, "2026-02", office_calendar(profile))
    reported = next(o for o in month.orgs if o.org.id == org)
    assert weeks == grid.org_hours(org) == reported.hours == 5.0


def test_the_day_limit_refuses_the_visit_with_nothing_written(profile: Profile) -> None:
    svc = RecordService(profile)
    me = str(profile.meta["owner_staff_id"])
    TimesheetService(profile).set_hours(
        staff_id=me, day="2026-02-03", org_id=None, activity="資料作成", on_site=False, hours=23
    )
    with pytest.raises(Exception, match="24時間"):
        _visit(svc)
    assert svc.list_records("visit") == []
