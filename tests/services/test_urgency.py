"""Urgency (issue 15): which open records a list marks, decided in the services, and what the
issue and consultation lists open on. Real profile; the expected rows named by hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from dxdesk.core.model import kind
from dxdesk.services.query import (
    HIGH,
    OVERDUE,
    ListService,
    has_urgency,
    initial_query,
    urgency,
)
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import make_profile

TODAY = date(2026, 2, 10)


def test_overdue_and_high_priority_open_issues_only() -> None:
    issue = kind("issue")
    yesterday, tomorrow = "2026-02-09", "2026-02-11"
    cases = [
        ({"status": "未対応", "due_date": yesterday}, OVERDUE),
        ({"status": "保留", "due_date": yesterday, "priority": "高"}, OVERDUE),  # 保留 is open
        ({"status": "対応中", "due_date": "2026-02-10"}, None),  # due today: not yet late
        ({"status": "対応中", "due_date": tomorrow, "priority": "高"}, HIGH),
        ({"status": "未対応", "priority": "中"}, None),
        ({"status": "完了", "due_date": yesterday, "priority": "高"}, None),  # done
    ]
    assert [urgency(issue, r, TODAY) for r, _ in cases] == [want for _, want in cases]
    # A consultation has neither a due date nor a priority: never marked, no legend.
    consultation = kind("consultation")
    assert urgency(consultation, {"status": "未対応"}, TODAY) is None
    assert has_urgency(issue) and not has_urgency(consultation)


def test_issue_and_consultation_lists_open_on_the_open_statuses(tmp_path: Path) -> None:
    profile = make_profile(tmp_path / "p", "hub", "統括")
    try:
        svc = RecordService(profile)
        org = svc.resolve_org("高千穂町")
        for n in range(3):
            svc.add("issue", {"org_id": org, "title": f"完了{n}", "status": "完了"})
        svc.add("issue", {"org_id": org, "title": "残り", "status": "対応中"})
        svc.add(
            "consultation",
            {
                "org_id": org,
                "channel": "電話",
                "category": "その他",
                "topic": "済み",
                "status": "完了",
            },
        )
        lists = ListService(profile)
        assert initial_query("issue").statuses == ("未対応", "対応中", "保留")
        assert lists.count(initial_query("issue", org)) == 1  # not 4
        assert lists.count(initial_query("consultation", org)) == 0
        # Kinds without done statuses open on everything (a training's 中止 is a status too).
        assert initial_query("visit").statuses == ()
        assert initial_query("training").statuses == ()
        past = (date.today() - timedelta(days=400)).isoformat()
        svc.add("issue", {"org_id": org, "title": "遅延", "status": "未対応", "due_date": past})
        rows = lists.page(initial_query("issue", org), 0, 10)
        marks = {str(r["title"]): urgency(kind("issue"), r, date.today()) for r in rows}
        assert marks == {"遅延": OVERDUE, "残り": None}
    finally:
        profile.close(backup=False)
