"""The weekly timesheet over append-only time entries: corrections, clearing, conflicts, sums."""

from __future__ import annotations

from datetime import date

import pytest

from dxdesk.core.model import kind, validate
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.query import ListQuery, ListService
from dxdesk.services.records import RecordService
from dxdesk.services.timesheet import RowKey, TimesheetService, parse_hours, week_start

MONDAY = date(2025, 11, 24)  # a Monday
TIME = kind("time")


@pytest.fixture
def sheet(profile: Profile) -> TimesheetService:
    return TimesheetService(profile)


def org_id(profile: Profile, name: str) -> str:
    return RecordService(profile).resolve_org(name)


def raw_count(profile: Profile, where: str = "1") -> int:
    return int(profile.database.query(f'SELECT count(*) AS n FROM "time" WHERE {where}')[0]["n"])


def grid_hours(profile: Profile, org: str, month: str = "2025-11") -> float:
    return OverviewService(profile, today=MONDAY).month_grid(month).org_hours(org)


@pytest.mark.parametrize(
    ("text", "hours"),
    [("1.5", 1.5), ("1:30", 1.5), ("０:４５", 0.75), ("１．２５", 1.25), ("", 0.0), ("2h", 2.0)],
)
def test_parse_hours_reads_decimals_and_clock_notation(text: str, hours: float) -> None:
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["abc", "1:75", "-1", "25", "1.5.2"])
def test_parse_hours_refuses_bad_input_with_a_reason(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        parse_hours(text)
    assert err.value.field == "hours" and err.value.reason


def test_week_rows_days_and_totals(profile: Profile, sheet: TimesheetService) -> None:
    staff = sheet.default_staff()
    assert staff is not None
    other = RecordService(profile).add("staff", {"name": "佐藤 花子", "role": "伴走支援"})
    taka, hyuga = org_id(profile, "高千穂町"), org_id(profile, "日向市")
    sheet.quick_add(staff_id=staff, day="2025-11-24", hours="2", org="高千穂町", on_site=True)
    sheet.quick_add(staff_id=staff, day="2025-11-24", hours="1:30", org="高千穂町", on_site=True)
    sheet.quick_add(staff_id=staff, day="2025-11-26", hours=3, org="日向市", activity="資料作成")
    sheet.quick_add(staff_id=staff, day="2025-11-23", hours=5, org="日向市")  # Sunday before
    sheet.quick_add(staff_id=other.record_id, day="2025-11-25", hours=4, org="日向市")

    week = sheet.week(staff, date(2025, 11, 27))
    assert week.start == MONDAY == week_start(date(2025, 11, 30))
    assert [r.key for r in week.rows] == [
        RowKey(hyuga, "資料作成", False),  # 日向市 (市) before 高千穂町 (町) in code order
        RowKey(taka, None, True),
    ]
    site = week.row(RowKey(taka, None, True))
    assert site is not None and site.hours == [3.5, 0, 0, 0, 0, 0, 0] and site.total == 3.5
    assert len(site.entry_ids[0]) == 2
    assert week.day_totals == [3.5, 0, 3.0, 0, 0, 0, 0]
    assert week.total == 6.5
    assert week.on_site_days == {MONDAY}
    assert week.conflicts == []


def test_set_hours_writes_a_correction_and_sums_follow(
    profile: Profile, sheet: TimesheetService
) -> None:
    staff = str(sheet.default_staff())
    taka = org_id(profile, "高千穂町")
    key = {"staff_id": staff, "org_id": taka, "activity": "会議", "on_site": False}
    first = sheet.set_hours(day=MONDAY, hours="2", **key)
    assert [c.op for c in first] == ["create"]
    assert grid_hours(profile, taka) == 2.0

    second = sheet.set_hours(day=MONDAY, hours="3.5", **key)
    assert [c.op for c in second] == ["correct"]
    new = RecordService(profile).get("time", second[0].record_id)
    assert new["supersedes"] == first[0].record_id and new["activity"] == "会議"
    # Append-only: the first entry is untouched and still live, only no longer counted.
    old = RecordService(profile).get("time", first[0].record_id)
    assert old["hours"] == 2.0 and old["_deleted"] is False
    assert raw_count(profile) == 2
    week = sheet.week(staff, MONDAY)
    assert week.total == 3.5 and week.rows[0].entry_ids[0] == [new["id"]]
    overview = OverviewService(profile, today=MONDAY)
    assert grid_hours(profile, taka) == 3.5
    assert overview.org_overview(taka, "2025-11").hours_month == 3.5
    assert dict(overview.org_overview(taka, "2025-11").monthly_hours)["2025-11"] == 3.5
    # Lists show the correction only.
    listed = ListService(profile).page(ListQuery(kind="time"), 0, 10)
    assert [r["id"] for r in listed] == [new["id"]]
    assert [r["id"] for r in RecordService(profile).list_records("time")] == [new["id"]]
    # The same value again writes nothing.
    assert sheet.set_hours(day=MONDAY, hours=3.5, **key) == []
    assert raw_count(profile) == 2


def test_clearing_a_cell_tombstones_the_whole_chain(
    profile: Profile, sheet: TimesheetService
) -> None:
    staff = str(sheet.default_staff())
    taka = org_id(profile, "高千穂町")
    key = {"staff_id": staff, "org_id": taka, "activity": None, "on_site": True}
    sheet.set_hours(day=MONDAY, hours=2, **key)
    sheet.set_hours(day=MONDAY, hours=4, **key)
    assert OverviewService(profile, today=MONDAY).organisations("2025-11")
    cleared = sheet.set_hours(day=MONDAY, hours="", **key)
    assert {c.op for c in cleared} == {"delete"} and len(cleared) == 2
    assert raw_count(profile, "_deleted = 0") == 0 and raw_count(profile) == 2
    assert sheet.week(staff, MONDAY).rows == []
    assert grid_hours(profile, taka) == 0
    badge = next(
        b
        for b in OverviewService(profile, today=MONDAY).organisations("2025-11")
        if b.org_id == taka
    )
    assert badge.days_on_site == 0


def test_a_day_over_24_hours_is_refused_and_nothing_written(
    profile: Profile, sheet: TimesheetService
) -> None:
    staff = str(sheet.default_staff())
    sheet.quick_add(staff_id=staff, day="2025-11-24", hours=20, org="日向市")
    with pytest.raises(ValidationError) as err:
        sheet.set_hours(
            staff_id=staff, day=MONDAY, org_id=None, activity="移動", on_site=False, hours=5
        )
    assert "24時間" in err.value.reason
    with pytest.raises(ValidationError):
        sheet.quick_add(staff_id=staff, day="2025-11-24", hours="4.5", org="高千穂町")
    assert raw_count(profile) == 1
    # Correcting the 20 h cell down is allowed: its own hours do not count twice.
    hyuga = org_id(profile, "日向市")
    sheet.set_hours(
        staff_id=staff, day=MONDAY, org_id=hyuga, activity=None, on_site=False, hours=23
    )
    assert sheet.week(staff, MONDAY).total == 23


def test_record_edit_writes_a_correction_and_refuses_the_superseded(
    profile: Profile, sheet: TimesheetService
) -> None:
    records = RecordService(profile)
    staff = str(sheet.default_staff())
    entry = records.add(
        "time", {"date": "2025-11-25", "staff_id": staff, "org_id": "日向市", "hours": 2}
    )
    change = records.edit("time", entry.record_id, {"hours": "2.5", "note": "議事録作成"})
    assert change is not None and change.record_id != entry.record_id
    assert change.op == "correct" and set(change.fields) == {"hours", "note"}
    assert records.get("time", entry.record_id)["hours"] == 2.0  # unchanged
    assert records.get("time", change.record_id)["note"] == "議事録作成"
    assert records.edit("time", change.record_id, {"hours": 2.5}) is None
    with pytest.raises(UserError) as err:
        records.edit("time", entry.record_id, {"hours": 3})
    assert change.record_id in err.value.message
    assert raw_count(profile) == 2


def test_deleting_a_correction_does_not_revive_the_original(
    profile: Profile, sheet: TimesheetService
) -> None:
    records = RecordService(profile)
    staff = str(sheet.default_staff())
    hyuga = org_id(profile, "日向市")
    entry = records.add(
        "time", {"date": "2025-11-25", "staff_id": staff, "org_id": hyuga, "hours": 2}
    )
    fixed = records.edit("time", entry.record_id, {"hours": 3})
    assert fixed is not None
    records.delete("time", fixed.record_id)
    assert grid_hours(profile, hyuga) == 0
    records.restore("time", fixed.record_id)
    assert grid_hours(profile, hyuga) == 3.0  # the correction, not 3 + 2
    assert records.list_records("time")[0]["id"] == fixed.record_id


def _concurrent_corrections(profile: Profile, staff: str, org: str) -> tuple[str, str, str]:
    """Two devices each corrected the same entry before syncing: two live corrections."""
    records = RecordService(profile)
    base = records.add("time", {"date": "2025-11-25", "staff_id": staff, "org_id": org, "hours": 2})
    ids = []
    for hours in (3, 5):
        record = validate(
            TIME, {"date": "2025-11-25", "staff_id": staff, "org_id": org, "hours": hours}
        )
        record["supersedes"] = base.record_id
        with profile.database.transaction():
            ids.append(profile.records.insert(TIME, record).record_id)
    return base.record_id, ids[0], ids[1]


def test_two_live_corrections_are_a_warning_and_counted_once(
    profile: Profile, sheet: TimesheetService
) -> None:
    staff = str(sheet.default_staff())
    hyuga = org_id(profile, "日向市")
    base, first, second = _concurrent_corrections(profile, staff, hyuga)
    week = sheet.week(staff, MONDAY)
    assert len(week.conflicts) == 1
    conflict = week.conflicts[0]
    winner = max(first, second)
    assert conflict.superseded_id == base
    assert conflict.corrections[0][0] == winner and {c for c, _ in conflict.corrections} == {
        first,
        second,
    }
    counted = 5.0 if winner == second else 3.0
    assert week.total == counted and grid_hours(profile, hyuga) == counted
    assert sheet.conflicts() == week.conflicts

    # Typing a value into the cell resolves it: one chain, the rival tombstoned.
    sheet.set_hours(
        staff_id=staff, day="2025-11-25", org_id=hyuga, activity=None, on_site=False, hours=4
    )
    assert sheet.conflicts() == []
    assert sheet.week(staff, MONDAY).total == 4 and grid_hours(profile, hyuga) == 4
    loser = min(first, second)
    assert RecordService(profile).get("time", loser)["_deleted"] is True


def test_several_entries_in_one_cell_keep_their_own_hours(
    profile: Profile, sheet: TimesheetService
) -> None:
    staff = str(sheet.default_staff())
    for hours in (1, 2):
        sheet.quick_add(staff_id=staff, day="2025-11-24", hours=hours, org="日向市")
    hyuga = org_id(profile, "日向市")
    key = {"staff_id": staff, "org_id": hyuga, "activity": None, "on_site": False}
    sheet.set_hours(day=MONDAY, hours="4", **key)
    hours = sorted(float(r["hours"]) for r in RecordService(profile).list_records("time"))
    assert hours == [1.0, 3.0]
    # Down below the other entry's hours: the cell becomes one entry.
    sheet.set_hours(day=MONDAY, hours="0.5", **key)
    assert [r["hours"] for r in RecordService(profile).list_records("time")] == [0.5]
    assert sheet.week(staff, MONDAY).total == 0.5
