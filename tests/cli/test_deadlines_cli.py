"""``dxdesk deadlines``: the board as a table and as JSON, submitting with a file's fingerprint,
a start document's due date, and a wrong number refused in one sentence."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli, recovery_key_of


@pytest.fixture
def app(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "宮崎 テスト" / "プロファイル")
    c.recovery = recovery_key_of(c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC"))
    return c


def test_deadlines_lists_every_deliverable_and_records_a_submission(
    app: Cli, tmp_path: Path
) -> None:
    meeting = app.add(
        "meeting", "title=第8回月次報告会", "date=2025-11-21", "meeting_type=月次報告会"
    )
    entries = json.loads(app.ok("deadlines", "--fy", "2025", "--format", "json"))
    by_key = {e["key"]: e for e in entries}
    for e in entries:
        assert {"kind", "title", "due", "status"} <= set(e)
    assert by_key["monthly:2025-12"]["due"] == "2026-01-09"  # 1/10 is a Saturday
    assert by_key[f"minutes:{meeting}"]["due"] == "2025-11-27"  # 11/24 振替休日
    assert by_key[f"materials:{meeting}"]["due"] == "2025-11-20"
    assert by_key[f"minutes:{meeting}"]["status"] == "未着手"
    assert by_key["plan:2025"]["due"] is None
    table = app.ok("deadlines", "--fy", "2025")
    assert "月次作業報告書（2025年12月分）" in table and "2026-01-09（R8.1.9）" in table
    assert "翌月10日（土曜日のため直前の開庁日）" in table

    pdf = tmp_path / "議事録 第8回.pdf"
    pdf.write_bytes(b"%PDF-1.7 minutes of the 8th meeting")
    out = app.ok(
        "deadlines",
        "submit",
        f"minutes:{meeting}",
        "--on",
        "2025-11-26",
        "--file",
        str(pdf),
        "--number",
        "DX第12号",
    )
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert "提出済み" in out and digest in out
    entries = json.loads(app.ok("deadlines", "--fy", "2025", "--format", "json"))
    done = {e["key"]: e for e in entries}[f"minutes:{meeting}"]
    assert done["status"] == "提出済み" and done["submitted_on"] == "2025-11-26"
    assert done["fingerprint"] == digest and not done["overdue"]
    register = json.loads(app.ok("list", "submission", "--format", "json"))
    assert [(r["document"], r["doc_number"], r["file_name"]) for r in register] == [
        ("議事録", "DX第12号", "議事録 第8回.pdf")
    ]

    assert "2025-04-18" in app.ok("deadlines", "set-due", "plan:2025", "2025-04-18")
    entries = json.loads(app.ok("deadlines", "--fy", "2025", "--format", "json"))
    assert {e["key"]: e for e in entries}["plan:2025"]["due"] == "2025-04-18"


def test_a_wrong_number_or_date_is_refused_in_one_sentence(app: Cli) -> None:
    assert "提出物の番号ではありません" in app.refused("deadlines", "submit", "minutes:nothing")
    assert "日付" in app.refused("deadlines", "submit", "monthly:2025-11", "--on", "いつか")
    assert "設定できません" in app.refused("deadlines", "set-due", "monthly:2025-11", "2025-12-01")


def test_home_prints_the_sections_of_the_role_in_the_date_style(app: Cli) -> None:
    """``dxdesk home``: each section's title with its count, then its items (！ for those the
    window shows in red) or what it says when empty, dates in the profile's style."""
    app.add("issue", "org_id=高千穂町", "title=移行計画", "status=未対応")
    lines = app.ok("home").splitlines()
    assert "■ 担当の未完了の課題（1件）" in lines
    assert "・高千穂町 移行計画（未対応）" in lines
    assert "■ 最後に送ったバンドル（0件）" in lines and "　まだバンドルを送っていません。" in lines
    # Hours this week: the first line is the week's total, whatever the day.
    week = lines.index(next(x for x in lines if x.startswith("■ 今週の工数（")))
    assert lines[week + 1].startswith("・今週の入力：0時間（0日分）")
    assert "2025-13" in app.refused("home", "--month", "2025-13")
