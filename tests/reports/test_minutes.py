"""議事録: the meeting record on paper; its due date (3 開庁日 later) kept for the window."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from dxdesk.core.calendar import OfficeCalendar, format_wareki
from dxdesk.core.model import kind, validate
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.minutes import meeting_minutes
from dxdesk.services.calendar import office_calendar
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import kinsoku_violations, needs_pdftotext, read_pdf, squash


def _next_open_days(profile: Profile, day: date, n: int) -> date:
    """Independent of OfficeCalendar.add_open_days: weekends, national holidays, closed days."""
    holidays = OfficeCalendar()
    closed = {
        r["date"] for r in profile.database.query("SELECT date FROM closed_day WHERE _deleted = 0")
    }
    while n:
        day += timedelta(days=1)
        year_end = (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3)
        weekend_or_holiday = day.weekday() >= 5 or holidays.is_holiday(day)
        if not weekend_or_holiday and not year_end and day.isoformat() not in closed:
            n -= 1
    return day


@needs_pdftotext
def test_demo_meeting_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    meeting = demo_profile.database.query(
        "SELECT * FROM meeting WHERE _deleted = 0 AND meeting_type = '月次報告会'"
        " ORDER BY date LIMIT 1 OFFSET 3"
    )[0]
    out = generate(
        demo_profile, ReportRequest("minutes", meeting_id=meeting["id"]), tmp_path / "議事録.pdf"
    )
    doc = read_pdf(out)
    due = _next_open_days(demo_profile, date.fromisoformat(meeting["date"]), 3)
    calendar = office_calendar(demo_profile)
    assert meeting_minutes(demo_profile.database, meeting["id"], calendar).due == due
    assert doc.both("議事録") and doc.both("（案）")
    # The due date and its rule are for the window; the prefecture receives the minutes only.
    assert "提出期限" not in doc.poppler and "開庁日" not in doc.poppler
    assert doc.both(format_wareki(date.fromisoformat(meeting["date"]), weekday=True))
    for field in ("title", "place", "agenda", "minutes"):
        assert doc.both(squash(meeting[field])), field
    # Decisions and open points are the meeting's items, a line each.
    items = demo_profile.database.query(
        "SELECT item_type, text FROM meeting_item WHERE meeting_id = ? AND _deleted = 0",
        (meeting["id"],),
    )
    assert {i["item_type"] for i in items} == {"決定事項", "課題事項"}
    for item in items:
        assert doc.both(squash(item["text"])), item["text"]
    for person in ("デジタル推進課", *json.loads(meeting["attendees_ours"])):
        assert doc.both(squash(person))
    sources = [meeting[f] for f in ("agenda", "minutes")] + ["・" + i["text"] for i in items]
    assert kinsoku_violations(doc.poppler, sources) == []


@pytest.fixture
def meetings(profile: Profile) -> dict[str, str]:
    svc = RecordService(profile)
    sentence = "標準準拠システムへの移行について、ベンダから「移行計画（案）」の説明を受けました。"
    long_text = (sentence * (5000 // len(sentence) + 1))[:5000]
    ids = {
        "golden_week": svc.add(
            "meeting",
            {"title": "連休前の打合せ", "date": "2025-04-25", "agenda": "移行日程の確認"},
        ).record_id,
        "long": svc.add(
            "meeting",
            {
                "title": "長い議事の会議",
                "date": "2025-06-10",
                "org_id": "高千穂町",
                "minutes": long_text,
                "attendees_org": "総務課 課長、住民課 係長",
            },
        ).record_id,
    }
    ids["long_text"] = long_text
    return ids


@needs_pdftotext
def test_due_date_counts_open_days_and_closed_days(
    profile: Profile, meetings: dict[str, str], tmp_path: Path
) -> None:
    meeting = meetings["golden_week"]
    # Friday 2025-04-25: Mon 4/28, (Tue 4/29 昭和の日), Wed 4/30, Thu 5/1.
    due = meeting_minutes(profile.database, meeting, office_calendar(profile)).due
    assert due == date(2025, 5, 1)
    RecordService(profile).add("closed_day", {"date": "2025-04-30", "reason": "庁舎停電"})
    due = meeting_minutes(profile.database, meeting, office_calendar(profile)).due
    assert due == date(2025, 5, 2)


@needs_pdftotext
def test_five_thousand_characters_flow_over_pages(
    profile: Profile, meetings: dict[str, str], tmp_path: Path
) -> None:
    out = generate(
        profile, ReportRequest("minutes", meeting_id=meetings["long"]), tmp_path / "long.pdf"
    )
    doc = read_pdf(out)
    assert doc.pages >= 3
    assert doc.flows(squash(meetings["long_text"]), "取扱注意", "議事録（高千穂町）")
    assert doc.both("高千穂町") and doc.both(f"{doc.pages}/{doc.pages}")
    assert kinsoku_violations(doc.poppler, [meetings["long_text"]]) == []


def test_unknown_meeting_is_refused(demo_profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("minutes", meeting_id="no-such-meeting"), out)
    assert err.value.code == "unknown_record" and "no-such-meeting" in err.value.message
    assert not out.exists()
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("minutes"), out)
    assert err.value.code == "report_param_missing" and "--meeting" in err.value.message
    assert list(tmp_path.iterdir()) == []


def test_items_in_order_with_owner_and_due_and_old_texts_as_fallback(profile: Profile) -> None:
    svc = RecordService(profile)
    calendar = office_calendar(profile)
    meeting = svc.add("meeting", {"title": "定例会", "date": "2025-11-21"}).record_id
    for order, (item_type, text) in enumerate(
        (
            ("課題事項", "仕様差分を確認する。"),
            ("決定事項", "次回は12月。"),
            ("課題事項", "日程調整。"),
        ),
        start=1,
    ):
        values = {"meeting_id": meeting, "item_type": item_type, "text": text}
        svc.add("meeting_item", {**values, "sort_order": 10 - order})
    svc.edit(
        "meeting_item",
        svc.list_records("meeting_item")[0]["id"],
        {"owner": "当方", "due_date": "2025-12-05"},
    )
    m = meeting_minutes(profile.database, meeting, calendar)
    assert m.decisions == "・次回は12月。"
    assert (
        m.action_items == "・日程調整。\n・仕様差分を確認する。（担当：当方、期限：令和7年12月5日）"
    )
    # The free texts of a meeting recorded by an older version, still printed.
    with pytest.raises(UserError):  # not accepted from a user any more
        svc.add("meeting", {"title": "旧", "date": "2025-11-21", "decisions": "了承"})
    written = {"title": "旧", "date": "2025-10-01", "decisions": "了承", "action_items": "宿題"}
    with profile.database.transaction():
        old = profile.records.insert(kind("meeting"), validate(kind("meeting"), written)).record_id
    m = meeting_minutes(profile.database, old, calendar)
    assert (m.decisions, m.action_items) == ("了承", "宿題")
