"""The goals in the documents (issue 12): the monthly report's §4 prints the month's 実施内容,
達成状況 and 次月以降の取組 (an older month's one 説明 where they are empty), the completion
report's §2 the indicator, baseline and agreement with the latest month's status."""

from __future__ import annotations

from pathlib import Path

from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf, squash


def _goals(profile: Profile) -> None:
    svc = RecordService(profile)
    goal = svc.add(
        "goal",
        {
            "fy": 2025,
            "title": "RPA導入団体数",
            "indicator": "RPAを本番運用する団体の数",
            "baseline": 2,
            "target_value": 10,
            "unit": "団体",
            "agreed_on": "2025-04-25",
            "agreement_version": "第2版",
        },
    ).record_id
    svc.put(
        "goal_progress",
        {
            "goal_id": goal,
            "month": "2025-11",
            "value": 6,
            "actions": "西臼杵3町でシナリオ作成を支援した。",
            "achievement": "累計6団体（目標比60%）。",
            "next_steps": "県北の2市に導入を提案する。",
        },
    )
    old = svc.add("goal", {"fy": 2025, "title": "研修参加者数", "target_value": 300})
    svc.put(
        "goal_progress", {"goal_id": old.record_id, "month": "2025-11", "note": "旧形式の説明。"}
    )
    # Something for the monthly report to be about besides the goals.
    svc.add("visit", {"date": "2025-11-05", "org_id": "高千穂町", "title": "定例訪問"})


@needs_pdftotext
def test_monthly_section_4_prints_the_three_parts(profile: Profile, tmp_path: Path) -> None:
    _goals(profile)
    out = generate(profile, ReportRequest("monthly", month="2025-11"), tmp_path / "m.pdf")
    doc = read_pdf(out)
    for part in (
        "【実施内容】西臼杵3町でシナリオ作成を支援した。",
        "【達成状況】累計6団体（目標比60%）。",
        "【次月以降の取組】県北の2市に導入を提案する。",
        "指標：RPAを本番運用する団体の数",
        "旧形式の説明。",
    ):
        assert doc.both(squash(part)), part


@needs_pdftotext
def test_completion_section_2_prints_indicator_baseline_and_agreement(
    profile: Profile, tmp_path: Path
) -> None:
    _goals(profile)
    out = generate(profile, ReportRequest("completion", fy=2025), tmp_path / "c.pdf")
    doc = read_pdf(out)
    for part in (
        "指標：RPAを本番運用する団体の数",
        "2団体",  # the baseline
        "県との合意：令和7年4月25日 第2版",
        "【達成状況】累計6団体（目標比60%）。",
        "【次月以降の取組】県北の2市に導入を提案する。",
    ):
        assert doc.both(squash(part)), part
