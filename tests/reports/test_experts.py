"""専門人材一覧表: every expert, with the fiscal year's consultations counted from the database."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.experts import expert_list
from dxdesk.services.profile import Profile
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf, squash, table_rows

FY = 2025


def _experts(profile: Profile) -> list[dict]:
    return profile.database.query(
        "SELECT e.*, (SELECT count(*) FROM consultation c WHERE c._deleted = 0"
        " AND c.expert_id = e.id AND c.received_at BETWEEN '2025-04-01' AND '2026-03-31T23:59')"
        " AS n FROM expert e WHERE e._deleted = 0 ORDER BY e.rid"
    )


def test_list_matches_the_database(demo_profile: Profile) -> None:
    expected = _experts(demo_profile)
    data = expert_list(demo_profile.database, fy=FY)
    assert [r.name for r in data.rows] == [e["name"] for e in expected]
    assert [r.consultations for r in data.rows] == [e["n"] for e in expected]
    assert data.consultations == sum(e["n"] for e in expected) > 0
    # Trainings taught: the instructor field names the expert.
    taught = demo_profile.database.query(
        "SELECT instructor, title FROM training WHERE _deleted = 0 AND status != '中止'"
        " AND date BETWEEN '2025-04-01' AND '2026-03-31'"
    )
    for row in data.rows:
        assert sorted(row.trainings) == sorted(
            t["title"] for t in taught if row.name in (t["instructor"] or "")
        )


@needs_pdftotext
def test_pdf_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("experts", fy=FY), tmp_path / "専門人材.pdf")
    expected = _experts(demo_profile)
    doc = read_pdf(out)
    assert doc.both("専門人材一覧表") and doc.both(f"{len(expected)}名")
    rows = table_rows(out, "No")
    assert [squash(r[1]) for r in rows] == [squash(e["name"]) for e in expected]
    for row, e in zip(rows, expected, strict=True):
        assert f"相談対応{e['n']}件" in squash(row[7])
        assert squash(e["track_record"] or "") == squash(row[6])


def test_xlsx_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("experts", fy=FY), tmp_path / "専門人材.xlsx")
    ws = openpyxl.load_workbook(out)["専門人材"]
    header = [c.value for c in ws[1]]
    body = list(ws.iter_rows(min_row=2, values_only=True))
    expected = _experts(demo_profile)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert [r[header.index("氏名")] for r in body] == [e["name"] for e in expected]
    counts = [r[header.index("相談対応件数（令和7年度）")] for r in body]
    assert counts == [e["n"] for e in expected]


def test_a_profile_without_experts_is_refused(profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    with pytest.raises(UserError) as err:
        generate(profile, ReportRequest("experts", fy=FY), out)
    assert err.value.code == "report_no_data" and "専門人材一覧表" in err.value.message
    assert not out.exists()


@needs_pdftotext
def test_approval_and_availability_read_back(profile: Profile, tmp_path: Path) -> None:
    from dxdesk.services.records import RecordService

    svc = RecordService(profile)
    svc.add(
        "expert",
        {
            "name": "承認 済子",
            "available": True,
            "availability": "火・木の午後",
            "pref_approved": True,
            "approved_on": "2025-04-18",
        },
    )
    svc.add("expert", {"name": "申請 中男", "available": False})
    data = expert_list(profile.database, fy=2025)
    assert [(r.approved, r.availability) for r in data.rows] == [
        (True, "火・木の午後"),
        (False, ""),
    ]
    doc = read_pdf(generate(profile, ReportRequest("experts", fy=2025), tmp_path / "e.pdf"))
    assert doc.both(squash("県承認済み 1名")) and doc.both(squash("火・木の午後"))
    assert doc.both("令和7年4月18日") and doc.both("未承認")
    out = generate(profile, ReportRequest("experts", fy=2025), tmp_path / "e.xlsx")
    ws = openpyxl.load_workbook(out)["専門人材"]
    header = [c.value for c in ws[1]]
    first = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert first["県承認"] == "承認済み" and first["県承認日"] == "2025-04-18"
