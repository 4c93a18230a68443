"""The deadline board (services/deadlines.py): each rule's due date worked out by hand from the
calendar (weekends, 振替休日, 年末年始, a 臨時閉庁日), statuses from the submission register."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.errors import UserError
from dxdesk.services.calendar import office_calendar
from dxdesk.services.deadlines import (
    IN_PROGRESS,
    NOT_HELD,
    NOT_STARTED,
    SUBMITTED,
    DeadlineService,
)
from dxdesk.services.phrases import japanese
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

TAKACHIHO = natural_id("organisation", "454419")


def _board(profile: Profile, today: str) -> dict[str, object]:
    return {d.key: d for d in DeadlineService(profile, date.fromisoformat(today)).board(2025)}


def test_the_monthly_report_is_due_on_the_10th_with_a_closed_10th_by_the_setting(
    profile: Profile,
) -> None:
    board = DeadlineService(profile, date(2025, 12, 1)).board(2025)
    by_key = {d.key: d for d in board}
    # 2025-12-10 is a Wednesday: the 10th itself.
    assert by_key["monthly:2025-11"].due == date(2025, 12, 10)
    assert japanese(by_key["monthly:2025-11"].basis) == "翌月10日"
    # 2026-01-10 is a Saturday: the last open day before (Friday the 9th) by default ...
    assert by_key["monthly:2025-12"].due == date(2026, 1, 9)
    assert japanese(by_key["monthly:2025-12"].basis) == "翌月10日（土曜日のため直前の開庁日）"
    # ... or, with the other setting, the next one: 1/11 Sunday, 1/12 成人の日 -> 1/13.
    profile.update_settings(monthly_report_rule="later")
    later = {d.key: d for d in DeadlineService(profile, date(2025, 12, 1)).board(2025)}
    assert later["monthly:2025-12"].due == date(2026, 1, 13)
    assert japanese(later["monthly:2025-12"].basis) == "翌月10日（土曜日のため直後の開庁日）"
    # A 臨時閉庁日 on the 10th counts as closed too.
    profile.update_settings(monthly_report_rule="earlier")
    RecordService(profile).add("closed_day", {"date": "2025-12-10", "reason": "庁舎停電"})
    closed = {d.key: d for d in DeadlineService(profile, date(2025, 12, 1)).board(2025)}
    assert closed["monthly:2025-11"].due == date(2025, 12, 9)
    assert japanese(closed["monthly:2025-11"].basis) == "翌月10日（臨時閉庁のため直前の開庁日）"
    # The parts of the rule read as the calendar's own sentence, every month of the year.
    cal = office_calendar(profile)
    for d in (d for d in closed.values() if d.code == "monthly"):
        y, m = (int(x) for x in str(d.period).split("-"))
        assert japanese(d.basis) == cal.monthly_report_deadline(y, m, "earlier").rule_text
    assert len([d for d in board if d.code == "monthly"]) == 12


def test_minutes_and_materials_follow_the_open_days_across_holidays_and_the_new_year(
    profile: Profile,
) -> None:
    service = RecordService(profile)
    # Friday 2025-11-21: 11/22-23 weekend, 11/24 振替休日 -> 25, 26, 27.
    nov = service.add(
        "meeting", {"title": "第8回月次報告会", "date": "2025-11-21", "meeting_type": "月次報告会"}
    ).record_id
    # The last open day before 年末年始 (Friday 12/26): 12/29-1/3 closed, 1/4 Sunday -> 5, 6, 7.
    dec = service.add(
        "meeting", {"title": "年末打合せ", "date": "2025-12-26", "meeting_type": "打合せ"}
    ).record_id
    # A monthly meeting on Monday 2026-01-05: its materials are due on the open day before, 12/26.
    jan = service.add(
        "meeting", {"title": "第10回月次報告会", "date": "2026-01-05", "meeting_type": "月次報告会"}
    ).record_id
    board = _board(profile, "2025-11-25")
    assert board[f"minutes:{nov}"].due == date(2025, 11, 27)
    assert board[f"materials:{nov}"].due == date(2025, 11, 20)
    assert board[f"minutes:{dec}"].due == date(2026, 1, 7)
    assert f"materials:{dec}" not in board  # materials only for the monthly report meeting
    assert board[f"materials:{jan}"].due == date(2025, 12, 26)
    assert board[f"minutes:{jan}"].due == date(2026, 1, 8)
    assert board[f"minutes:{nov}"].source_id == nov
    assert board[f"minutes:{nov}"].report == "minutes"


def test_a_month_without_its_monthly_report_meeting_is_flagged(profile: Profile) -> None:
    service = RecordService(profile)
    for month in ("04", "05", "06", "07", "09", "10"):
        service.add(
            "meeting",
            {"title": "月次報告会", "date": f"2025-{month}-15", "meeting_type": "月次報告会"},
        )
    service.add("meeting", {"title": "定例会", "date": "2025-08-20", "meeting_type": "定例会"})
    board = DeadlineService(profile, date(2025, 11, 12)).board(2025)
    flagged = {d.period: d for d in board if d.code == "monthly-meeting"}
    # August had only another meeting; November is this month, not over yet; December is ahead.
    assert sorted(flagged) == ["2025-08", "2025-11"]
    assert flagged["2025-08"].status == NOT_HELD and flagged["2025-08"].overdue
    assert flagged["2025-11"].due == date(2025, 11, 28) and not flagged["2025-11"].overdue


def test_trainings_completion_and_start_documents(profile: Profile) -> None:
    service = RecordService(profile)
    # Wednesday 2025-12-03: content by Tuesday 12/2; result 10 open days after: 12/4 .. 12/17.
    t = service.add(
        "training",
        {"title": "生成AI研修", "training_type": "研修", "status": "確定", "date": "2025-12-03"},
    ).record_id
    service.add(
        "training",
        {"title": "中止した研修", "training_type": "研修", "status": "中止", "date": "2025-12-10"},
    )
    d = DeadlineService(profile, date(2025, 11, 1))
    board = {x.key: x for x in d.board(2025)}
    assert board[f"training-plan:{t}"].due == date(2025, 12, 2)
    assert board[f"training-result:{t}"].due == date(2025, 12, 17)
    assert len([x for x in board.values() if x.code.startswith("training")]) == 2
    # 2026-03-31 is a Tuesday: the end of the contract itself.
    assert board["completion:2025"].due == date(2026, 3, 31)
    assert board["plan:2025"].due is None and board["plan:2025"].status == NOT_STARTED
    d.set_due("plan:2025", "2025-04-15")
    plan = d.find("plan:2025")
    assert plan.due == date(2025, 4, 15) and plan.overdue and plan.status == NOT_STARTED
    with pytest.raises(UserError):
        d.set_due("monthly:2025-11", "2025-12-01")  # computed by the rules, not set


def test_a_deliverable_goes_from_not_started_to_submitted_with_its_fingerprint(
    profile: Profile, tmp_path: Path
) -> None:
    service = RecordService(profile)
    m = service.add("meeting", {"title": "第8回月次報告会", "date": "2025-11-21"}).record_id
    d = DeadlineService(profile, date(2025, 12, 1))
    key = f"minutes:{m}"
    assert d.find(key).status == NOT_STARTED and d.find(key).overdue
    assert key in {x.key for x in d.upcoming()}
    d.start(key)
    assert d.find(key).status == IN_PROGRESS and d.find(key).version == 1
    pdf = tmp_path / "議事録.pdf"
    pdf.write_bytes(b"%PDF-1.7 minutes")
    d.submit(key, on="2025-11-26", file=pdf, doc_number="DX第12号")
    done = d.find(key)
    assert done.status == SUBMITTED and done.submitted_on == "2025-11-26"
    assert done.fingerprint == hashlib.sha256(b"%PDF-1.7 minutes").hexdigest()
    assert done.version == 1 and not done.overdue
    assert key not in {x.key for x in d.upcoming()}
    # A corrected file is a second version; the board shows the newest.
    pdf.write_bytes(b"%PDF-1.7 minutes, corrected")
    d.submit(key, on="2025-11-27", file=pdf)
    assert d.find(key).version == 2 and d.find(key).submitted_on == "2025-11-27"
    assert len(service.list_records("submission")) == 2
    with pytest.raises(UserError):
        d.find("minutes:nothing")


def test_open_issues_with_a_due_date_are_on_the_board(profile: Profile) -> None:
    service = RecordService(profile)
    late = service.add(
        "issue",
        {
            "org_id": TAKACHIHO,
            "title": "移行日程の確定",
            "status": "対応中",
            "due_date": "2025-10-31",
        },
    ).record_id
    service.add(
        "issue",
        {"org_id": TAKACHIHO, "title": "完了した課題", "status": "完了", "due_date": "2025-10-31"},
    )
    board = DeadlineService(profile, date(2025, 11, 1)).board(2025)
    issues = [d for d in board if d.code == "issue"]
    assert [d.source_id for d in issues] == [late]
    assert issues[0].overdue and issues[0].status == "対応中"


def test_document_numbers_run_per_fiscal_year_and_are_never_given_twice(
    profile: Profile,
) -> None:
    records = RecordService(profile)
    d = DeadlineService(profile, date(2026, 4, 20))
    # No numbered pattern in the official form: nothing is numbered for the user.
    d.submit("monthly:2025-04", on="2025-05-09")
    assert d.find("monthly:2025-04").doc_number is None
    records.add("document_form", {"doc_kind": "既定", "number_pattern": "DX第{n}号"})
    d.submit("monthly:2025-05", on="2025-06-10")
    d.submit("monthly:2025-06", on="2025-07-10", doc_number="DX第7号")  # typed by hand
    d.submit("monthly:2025-07", on="2025-08-08")
    numbers = [d.find(f"monthly:2025-0{m}").doc_number for m in (5, 6, 7)]
    assert numbers == ["DX第1号", "DX第7号", "DX第8号"]
    # A deleted submission keeps its number: the next one does not take it again.
    records.delete("submission", str(d.find("monthly:2025-07").submission_id))
    d.submit("monthly:2025-08", on="2025-09-10")
    assert d.find("monthly:2025-08").doc_number == "DX第9号"
    # A new fiscal year starts again at 1; a document's own pattern wins over 既定.
    d.submit("monthly:2026-03", on="2026-04-10")
    assert d.find("monthly:2026-03").doc_number == "DX第1号"
    records.add("document_form", {"doc_kind": "議事録", "number_pattern": "DX議第{n}号"})
    m = records.add("meeting", {"title": "月次報告会", "date": "2026-04-14"}).record_id
    d.submit(f"minutes:{m}", on="2026-04-16")
    assert d.find(f"minutes:{m}").doc_number == "DX議第1号"
