"""RecordService writes what the model declares: defaults for the fields not given, derived
hours, an issue's owner, and every problem of a record refused at once with nothing written."""

from __future__ import annotations

import pytest

from dxdesk.core.clock import today_jst
from dxdesk.errors import InvalidRecord, ValidationError
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


@pytest.fixture
def svc(profile: Profile) -> RecordService:
    return RecordService(profile)


def changes(svc: RecordService) -> int:
    return int(svc.database.query("SELECT count(*) AS n FROM changes")[0]["n"])


def test_add_fills_the_declared_defaults_for_fields_not_given(svc: RecordService) -> None:
    me = str(svc.profile.meta["owner_staff_id"])
    issue = svc.get("issue", svc.add("issue", {"org_id": "高千穂町", "title": "外字"}).record_id)
    assert (issue["status"], issue["owner_id"]) == ("未対応", me)
    assert issue["raised_on"] == today_jst().isoformat()
    visit = svc.get("visit", svc.add("visit", {"org_id": "日向市", "title": "定例"}).record_id)
    assert (visit["mode"], visit["staff_id"], visit["date"]) == (
        "訪問",
        me,
        today_jst().isoformat(),
    )
    # What the form shows for a new record is the same declaration.
    assert svc.defaults("issue") == {
        "status": "未対応",
        "owner_id": me,
        "raised_on": today_jst().isoformat(),
    }


def test_a_value_given_wins_and_an_emptied_required_one_is_refused(svc: RecordService) -> None:
    other = svc.add("staff", {"name": "佐藤 花子", "role": "伴走支援"}).record_id
    held = svc.add(
        "issue", {"org_id": "高千穂町", "title": "x", "status": "保留", "owner_id": "佐藤 花子"}
    )
    issue = svc.get("issue", held.record_id)
    assert (issue["status"], issue["owner_id"]) == ("保留", other)
    before = changes(svc)
    with pytest.raises(ValidationError) as err:
        svc.add("issue", {"org_id": "高千穂町", "title": "x", "status": ""})
    assert err.value.field == "status"
    assert changes(svc) == before


def test_no_owner_default_once_the_owners_staff_record_is_gone(svc: RecordService) -> None:
    me = str(svc.profile.meta["owner_staff_id"])
    svc.delete("staff", me)
    assert "owner_id" not in svc.defaults("issue")
    issue = svc.get("issue", svc.add("issue", {"org_id": "高千穂町", "title": "x"}).record_id)
    assert issue["owner_id"] is None


def test_every_problem_is_refused_in_one_error_and_nothing_is_written(svc: RecordService) -> None:
    before = changes(svc)
    with pytest.raises(InvalidRecord) as err:
        svc.add(
            "visit",
            {
                "date": "2025-02-30",
                "org_id": "日向市",
                "mode": "徒歩",
                "title": "",
                "start_time": "10:00",
                "end_time": "09:00",
            },
        )
    assert [e.field for e in err.value.errors] == ["date", "end_time", "mode", "title"]
    assert err.value.message.startswith("入力内容に4件の問題があります（「日付」（date）：")
    with pytest.raises(InvalidRecord):
        svc.add_many(
            "issue", [{"org_id": "日向市", "title": "x", "priority": "至急", "due_date": "来月"}]
        )
    assert changes(svc) == before


def test_an_edit_is_checked_with_the_record_held(svc: RecordService) -> None:
    made = svc.add(
        "visit",
        {"date": "2025-11-25", "org_id": "日向市", "title": "x", "start_time": "10:00"},
    )
    before = changes(svc)
    with pytest.raises(InvalidRecord) as err:
        svc.edit("visit", made.record_id, {"end_time": "09:30", "mode": "徒歩"})
    # The end is before the start already stored, and the mode is no choice: both named.
    assert {e.field for e in err.value.errors} == {"end_time", "mode"}
    assert changes(svc) == before


def test_a_visits_hours_come_from_its_times_on_add_and_edit(svc: RecordService) -> None:
    made = svc.add(
        "visit",
        {
            "date": "2025-11-25",
            "org_id": "日向市",
            "title": "x",
            "start_time": "09:30",
            "end_time": "11:30",
        },
    )
    assert svc.get("visit", made.record_id)["hours"] == 2.0
    change = svc.edit("visit", made.record_id, {"end_time": "12:15"})
    assert change is not None and set(change.fields) == {"end_time", "hours"}
    assert svc.get("visit", made.record_id)["hours"] == 2.75
    svc.edit("visit", made.record_id, {"hours": "1"})  # the user's own figure
    svc.edit("visit", made.record_id, {"end_time": "12:30"})
    assert svc.get("visit", made.record_id)["hours"] == 1.0
    assert svc.edit("visit", made.record_id, {"notes": "追記"}) is not None
    assert svc.get("visit", made.record_id)["hours"] == 1.0


def test_put_starts_a_new_cell_from_the_defaults(svc: RecordService) -> None:
    change = svc.put("step_status", {"org_id": "日向市", "system_code": "01", "step_no": 3})
    assert change is not None
    assert svc.get("step_status", change.record_id)["status"] == "未着手"
