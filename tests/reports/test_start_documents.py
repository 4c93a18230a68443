"""The start-of-contract set (8(1) No.1, 2, 4): 業務実施計画書 with its 実施工程表 (a Gantt chart in
the PDF and in the workbook's cells), 業務実施体制図 from the staff records, and 情報漏洩等への対策に
関する文書 from the supervisor's rules and what the profile can prove. Each is read back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.pdf import PdfDocument
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf, squash

FY = 2025
MONTHS = ["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]
# (title, category, milestone, start, end): a label long enough to wrap over three lines, a
# task over the turn of the calendar year, milestones at both ends of the year.
PLAN = [
    ("業務実施計画書・業務実施体制図等の提出", "成果品", True, "2025-04-07", None),
    ("伴走支援（24市町村）：手順書に沿った進捗確認と課題整理、ベンダとの調整支援、県との共有", "伴走支援", False, "2025-04-01", "2026-03-31"),
    ("集中支援（えびの市・高千穂町・日之影町）", "集中支援", False, "2025-05-12", "2026-02-27"),
    ("標準化に関する勉強会", "研修・勉強会", False, "2025-10-01", "2026-01-31"),
    ("月次報告会", "会議・報告", False, "2025-04-15", "2026-03-15"),
    ("業務完了報告書の提出", "成果品", True, "2026-03-31", None),
]


@pytest.fixture
def staffed(profile: Profile) -> Iterator[Profile]:
    records = RecordService(profile)
    lead = records.add(
        "staff",
        {"name": "日向 統括", "role": "統括責任者", "career": "自治体システム標準化支援 8年\n情報処理安全確保支援士"},
    ).record_id
    records.add("staff", {"name": "延岡 伴走", "role": "伴走支援", "career": "市町村の業務改革支援 5年"})
    records.add("staff", {"name": "都城 常時", "role": "常時支援者", "career": "基幹系システム移行 10年"})
    records.add("staff", {"name": "串間 事務", "role": "事務"})
    records.add_many(
        "plan_item",
        [
            {
                "fy": FY,
                "title": t,
                "category": c,
                "milestone": m,
                "start_date": s,
                "end_date": e,
                "owner_id": lead,
                "sort_order": i,
            }
            for i, (t, c, m, s, e) in enumerate(PLAN, start=1)
        ],
    )
    yield profile


@needs_pdftotext
def test_plan_reads_back_with_every_item_and_the_months(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "計画書.pdf")
    doc = read_pdf(out)
    assert doc.both("業務実施計画書") and doc.both("業務の目的") and doc.both("令和7年度")
    for title, *_ in PLAN:
        assert doc.both(squash(title)), title
    with pdfplumber.open(out) as pdf:
        gantt = next(p for p in pdf.pages if "実施工程表" in (p.extract_text() or ""))
        assert gantt.width > gantt.height  # landscape
        words = {w["text"] for w in gantt.extract_words()}
        assert all(m in words for m in MONTHS), words
        assert {"令和7年", "令和8年"} <= words
        # Labels wrap inside their column: cut the page at the column's right edge and every
        # label is still there whole (a label running into the months would lose characters).
        left = PdfDocument.MARGIN_X
        right = left + (gantt.width - 2 * left) * 0.3
        inside = squash(gantt.within_bbox((0, 0, right, gantt.height)).extract_text() or "")
        for no, (title, *_) in enumerate(PLAN, start=1):
            assert f"{no}.{squash(title)}" in inside, title
        # Every character on the page lies on the page.
        assert all(0 <= c["x0"] and c["x1"] <= gantt.width for c in gantt.chars)
        # One bar per task, one diamond per milestone, drawn in the chart.
        bars = [r for r in gantt.rects if r["non_stroking_color"] and r["height"] < 10 and r["width"] > 1]
        assert len(bars) >= sum(1 for p in PLAN if not p[2])


def test_plan_workbook_fills_the_months(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "計画書.xlsx")
    ws = openpyxl.load_workbook(out)["実施工程表"]
    header = [c.value for c in ws[1]]
    first = header.index("4月")
    assert header[first:] == MONTHS
    for r, (title, _c, milestone, start, end) in enumerate(PLAN, start=2):
        assert ws.cell(r, header.index("作業項目") + 1).value == title
        s = date.fromisoformat(start)
        e = date.fromisoformat(end) if end else s
        filled = [
            MONTHS[k]
            for k in range(12)
            if ws.cell(r, first + k + 1).fill.fgColor.rgb not in (None, "00000000")
        ]
        expect = [
            MONTHS[k]
            for k, m in enumerate([*range(4, 13), 1, 2, 3])
            if (date(FY + (m < 4), m, 1) <= e)
            and (s < date(FY + (m < 4) + (m == 12), m % 12 + 1, 1))
        ]
        assert filled == expect, title
        if milestone:
            assert ws.cell(r, first + MONTHS.index(expect[0]) + 1).value == f"◆{s.day}日"


def test_a_year_without_plan_items_is_refused(profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        generate(profile, ReportRequest("plan", fy=FY), out)
    assert err.value.code == "report_no_data" and not out.exists()


@needs_pdftotext
def test_the_profile_template_replaces_the_shipped_one(staffed: Profile, tmp_path: Path) -> None:
    (staffed.paths.root / "plan_template.txt").write_text(
        "# 県と協議した本文\n■業務の目的\n{年度}は移行の完了を最優先とします。\n", encoding="utf-8"
    )
    doc = read_pdf(generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "a.pdf"))
    assert doc.both("令和7年度は移行の完了を最優先とします。")
    assert not doc.both("県と協議した本文") and not doc.both("業務の範囲")
    (staffed.paths.root / "plan_template.txt").write_text("# 空\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        generate(staffed, ReportRequest("plan", fy=FY), tmp_path / "b.pdf")
    assert err.value.code == "document_template_invalid"


@needs_pdftotext
def test_structure_draws_the_team_from_the_staff_records(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("structure", fy=FY), tmp_path / "体制図.pdf")
    doc = read_pdf(out)
    staff = staffed.database.query("SELECT name, role, career FROM staff WHERE _deleted = 0")
    assert doc.both("業務実施体制図") and doc.both(f"{len(staff)}名")
    for s in staff:
        assert doc.both(squash(s["name"])) and doc.both(squash(s["career"] or ""))
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        # The head of the team sits above every group, the groups side by side in their order.
        top = {w["text"]: w["top"] for w in words}
        lead = min(w["top"] for w in words if w["text"] == "日向")
        groups = [next(w for w in words if w["text"] == g) for g in ("常時支援者", "伴走支援", "事務")]
        assert all(lead < g["top"] for g in groups)
        assert [g["x0"] for g in groups] == sorted(g["x0"] for g in groups)
        assert len({round(g["top"]) for g in groups}) == 1 and top
        assert all(0 <= c["x0"] and c["x1"] <= page.width for c in page.chars)


def test_structure_workbook_lists_the_team(staffed: Profile, tmp_path: Path) -> None:
    out = generate(staffed, ReportRequest("structure", fy=FY), tmp_path / "体制図.xlsx")
    ws = openpyxl.load_workbook(out)["体制"]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    staff = staffed.database.query("SELECT name, role FROM staff WHERE _deleted = 0")
    order = ["統括責任者", "常時支援者", "伴走支援", "専門人材", "事務"]
    assert [r[1] for r in body] == sorted((s["role"] for s in staff), key=order.index)
    assert sorted(r[2] for r in body) == sorted(s["name"] for s in staff)
    assert body[0][4].startswith("自治体システム標準化支援")
