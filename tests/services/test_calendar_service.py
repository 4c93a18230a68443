from __future__ import annotations

from datetime import date

import pytest

from dxdesk.errors import UserError
from dxdesk.services import calendar as cal
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


def test_closed_day_records_move_due_dates(profile: Profile) -> None:
    # Meeting Fri 2025-11-21; 11/24 is 振替休日, so the 3rd open day is Thu 11/27.
    assert cal.minutes_due(profile, "2025-11-21").due == date(2025, 11, 27)
    RecordService(profile).add("closed_day", {"date": "2025-11-25", "reason": "庁舎停電"})
    assert cal.minutes_due(profile, "令和7年11月21日").due == date(2025, 11, 28)


def test_monthly_rule_follows_setting_and_override(profile: Profile) -> None:
    # 2026-01-10 is a Saturday; 1/12 is 成人の日.
    assert cal.monthly_report_due(profile, "2025-12").due == date(2026, 1, 9)
    later = cal.monthly_report_due(profile, "2025-12", "later")
    assert later.due == date(2026, 1, 13)
    assert "直後" in later.describe() and "令和8年1月13日(火)" in later.describe()


def test_bad_input_is_a_user_error(profile: Profile) -> None:
    with pytest.raises(UserError):
        cal.monthly_report_due(profile, "2025-13")
    with pytest.raises(UserError):
        cal.minutes_due(profile, "2025-02-30")


def test_deleted_closed_day_no_longer_counts(profile: Profile) -> None:
    service = RecordService(profile)
    change = service.add("closed_day", {"date": "2025-11-25"})
    service.delete("closed_day", change.record_id)
    assert cal.minutes_due(profile, "2025-11-21").due == date(2025, 11, 27)
