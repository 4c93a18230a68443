"""相談管理表: the numbers come from the database, the PDF and the workbook say the same."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.consultations import consultation_log
from dxdesk.services.profile import Profile
from dxdesk.services.reports import generate
from tests.reports.readback import embedded_fonts, needs_pdftotext, read_pdf, squash, table_rows

FY = 2025


def _sql(profile: Profile, where: str = "", params: tuple[object, ...] = ()) -> list[dict]:
    return profile.database.query(
        "SELECT c.*, o.name AS org_name FROM consultation c JOIN organisation o"
        " ON o.id = c.org_id WHERE c._deleted = 0 " + where + " ORDER BY c.received_at, c.rid",
        params,
    )


def _fy(profile: Profile) -> list[dict]:
    return _sql(profile, "AND c.received_at >= '2025-04-01' AND c.received_at < '2026-04-01'")


def test_log_matches_the_database(demo_profile: Profile) -> None:
    expected = _fy(demo_profile)
    log = consultation_log(demo_profile.database, fy=FY)
    assert len(expected) > 100
    assert [r.id for r in log.rows] == [r["id"] for r in expected]
    assert dict(log.by_category) == dict(Counter(r["category"] for r in expected))
    assert dict(log.by_status) == dict(Counter(r["status"] for r in expected))
    assert sum(n for _, n in log.by_org) == len(expected)
    assert log.total_minutes == sum(r["minutes_spent"] or 0 for r in expected)


def test_month_and_organisation_filters(demo_profile: Profile) -> None:
    month = _sql(demo_profile, "AND substr(c.received_at, 1, 7) = '2025-11'")
    log = consultation_log(demo_profile.database, month="2025-11")
    assert len(log.rows) == len(month) > 0
    assert log.period.label == "令和7年11月"
    org = month[0]["org_id"]
    only = consultation_log(demo_profile.database, fy=FY, org_id=org)
    assert {r.org_name for r in only.rows} == {month[0]["org_name"]}
    assert len(only.rows) == len([r for r in _fy(demo_profile) if r["org_id"] == org])


@needs_pdftotext
def test_pdf_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("consultations", fy=FY), tmp_path / "相談管理表.pdf")
    expected = _fy(demo_profile)
    doc = read_pdf(out)
    assert doc.pages > 5
    for needle in ("相談管理表", "令和7年度", "取扱注意", f"{len(expected)}件", f"1/{doc.pages}"):
        assert doc.both(needle), needle
    total_minutes = sum(r["minutes_spent"] or 0 for r in expected)
    assert doc.both(f"{total_minutes:,}分")
    for name in {r["org_name"] for r in expected}:
        assert doc.both(name), name
    # The list table: one row per consultation plus the total, in order, across every page.
    rows = table_rows(out, "No")
    assert [r[0] for r in rows[:-1]] == [str(i) for i in range(1, len(expected) + 1)]
    assert [squash(r[5]) for r in rows[:-1]] == [squash(r["topic"]) for r in expected]
    assert rows[-1][-1].replace(",", "") == str(total_minutes)
    assert any("BIZUDGothic" in f or "IPAex" in f for f in embedded_fonts(out))


def test_pdf_for_one_organisation(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(
        demo_profile,
        ReportRequest("consultations", month="2025-11", org_id="高千穂町"),
        tmp_path / "x.pdf",
    )
    expected = _sql(
        demo_profile,
        "AND substr(c.received_at, 1, 7) = '2025-11' AND o.name = '高千穂町'",
    )
    rows = table_rows(out, "No")[:-1]
    assert len(rows) == len(expected) > 0
    assert {r[2].split("\n")[0] for r in rows} == {"高千穂町"}
    # The requester is under the organisation's name.
    assert [squash(r[2]) for r in rows] == [
        squash("高千穂町" + (e["requester"] or "")) for e in expected
    ]


def test_xlsx_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("consultations", fy=FY), tmp_path / "相談.xlsx")
    expected = _fy(demo_profile)
    wb = openpyxl.load_workbook(out)
    ws = wb["相談一覧"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["No.", "受付日時", "受付方法"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    body = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(body) == len(expected)
    col = {name: header.index(name) for name in header}
    for row, rec in zip(body, expected, strict=True):
        assert isinstance(row[col["受付日時"]], datetime)
        assert row[col["受付日時"]] == datetime.fromisoformat(rec["received_at"])
        assert row[col["団体名"]] == rec["org_name"]
        assert row[col["対応時間（分）"]] == rec["minutes_spent"]
        if rec["answered_on"]:
            assert isinstance(row[col["回答日"]], datetime)
            assert row[col["回答日"]].date().isoformat() == rec["answered_on"]
    summary = {(r[0], r[1]): r[2] for r in wb["集計"].iter_rows(min_row=2, values_only=True)}
    for category, n in Counter(r["category"] for r in expected).items():
        assert summary[("分類", category)] == n


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_a_month_without_consultations_is_refused(
    demo_profile: Profile, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"empty.{fmt}"
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("consultations", month="2024-01"), out)
    assert err.value.code == "report_no_data"
    assert "令和6年1月" in err.value.message and "相談管理表" in err.value.message
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_unknown_organisation_is_refused(demo_profile: Profile, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        generate(
            demo_profile,
            ReportRequest("consultations", fy=FY, org_id="架空町"),
            tmp_path / "x.pdf",
        )
    assert err.value.code == "unknown_organisation"
    assert list(tmp_path.iterdir()) == []


@needs_pdftotext
def test_the_requested_and_the_assigned_expert_read_back(profile: Profile, tmp_path: Path) -> None:
    from dxdesk.services.records import RecordService

    svc = RecordService(profile)
    asked = svc.add("expert", {"name": "指名 花子", "fields": ["AI・RPA"]}).record_id
    given = svc.add("expert", {"name": "担当 太郎", "fields": ["AI・RPA"]}).record_id
    values = {"channel": "電話", "org_id": "高千穂町", "category": "AI・RPA"}
    svc.add(
        "consultation",
        {
            **values,
            "received_at": "2025-11-04 10:00",
            "topic": "RPA導入",
            "requested_expert_id": asked,
            "expert_id": given,
        },
    )
    svc.add("consultation", {**values, "received_at": "2025-11-05 10:00", "topic": "OCR"})
    log = consultation_log(profile.database, month="2025-11")
    assert [(r.requested_expert, r.expert) for r in log.rows] == [
        ("指名 花子", "担当 太郎"),
        ("", ""),
    ]
    doc = read_pdf(
        generate(profile, ReportRequest("consultations", month="2025-11"), tmp_path / "c.pdf")
    )
    assert doc.both(squash("希望：指名 花子")) and doc.both(squash("対応：担当 太郎"))
    out = generate(profile, ReportRequest("consultations", month="2025-11"), tmp_path / "c.xlsx")
    ws = openpyxl.load_workbook(out)["相談一覧"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert first["団体が希望した専門人材"] == "指名 花子"
    assert first["対応者（専門人材）"] == "担当 太郎"
