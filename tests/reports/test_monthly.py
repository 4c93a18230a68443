"""月次作業報告書: numbers checked against the database, text read back three ways, workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import (
    embedded_fonts,
    kinsoku_violations,
    needs_pdftotext,
    read_pdf,
    squash,
    table_rows,
)

MONTH = "2025-11"
START, END = "2025-11-01", "2025-11-30"


def _num(text: str) -> float:
    return float(text.replace(",", "").replace("件", "").replace("日", "").replace("時間", ""))


def _expected(db_profile: Profile) -> dict[str, dict[str, float]]:
    """Per organisation name, computed here without the report's code: visits, consultations,
    distinct days on site (a 訪問 visit or an on-site time entry) and hours of the time entries
    that count (live, not corrected by a later entry)."""
    db = db_profile.database
    out: dict[str, dict[str, float]] = {}
    orgs = {
        r["id"]: r["name"] for r in db.query("SELECT id, name FROM organisation WHERE _deleted = 0")
    }
    for oid, name in orgs.items():
        days: set[str] = set()
        for r in db.query(
            "SELECT date FROM visit WHERE _deleted = 0 AND mode = '訪問' AND org_id = ?"
            " AND date BETWEEN ? AND ?",
            (oid, START, END),
        ):
            days.add(r["date"])
        entries = db.query(
            'SELECT id, date, hours, on_site, supersedes, _deleted FROM "time"'
            " WHERE org_id = ? AND date BETWEEN ? AND ?",
            (oid, START, END),
        )
        superseded = {
            r["supersedes"]
            for r in db.query(
                'SELECT supersedes FROM "time" WHERE _deleted = 0 AND supersedes IS NOT NULL'
            )
        }
        live = [e for e in entries if not e["_deleted"] and e["id"] not in superseded]
        days |= {e["date"] for e in live if e["on_site"]}
        visits = db.query(
            "SELECT count(*) AS n FROM visit WHERE _deleted = 0 AND org_id = ? AND date BETWEEN ? AND ?",
            (oid, START, END),
        )[0]["n"]
        consults = db.query(
            "SELECT count(*) AS n FROM consultation WHERE _deleted = 0 AND org_id = ?"
            " AND received_at >= ? AND received_at < ?",
            (oid, START, "2025-12-01"),
        )[0]["n"]
        out[name] = {
            "visits": visits,
            "consultations": consults,
            "days": len(days),
            "site_hours": sum(e["hours"] for e in live if e["on_site"]),
            "hours": sum(e["hours"] for e in live),
        }
    return out


@pytest.fixture(scope="module")
def monthly_pdf(demo_profile: Profile, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("月次") / "月次作業報告書 2025年11月.pdf"
    return generate(demo_profile, ReportRequest("monthly", month=MONTH), out)


@pytest.fixture(scope="module")
def org_tables(monthly_pdf: Path) -> list[list[str]]:
    """Rows of the tables whose first column is 団体 (pdfplumber is slow: read once)."""
    return table_rows(monthly_pdf, "団体")


def test_org_table_matches_the_database(demo_profile: Profile, org_tables: list[list[str]]) -> None:
    expected = _expected(demo_profile)
    rows = {squash(r[0]): r for r in org_tables if len(r) == 9}
    # Every organisation is in the summary table, with its numbers.
    for name, e in expected.items():
        row = rows[squash(name)]
        assert _num(row[1]) == e["visits"], name
        assert _num(row[3]) == e["consultations"], name
        assert _num(row[6]) == e["days"], name
        assert _num(row[7]) == pytest.approx(e["site_hours"]), name
        assert _num(row[8]) == pytest.approx(e["hours"]), name
    total = rows["合計"]
    assert _num(total[1]) == sum(e["visits"] for e in expected.values())
    assert _num(total[6]) == sum(e["days"] for e in expected.values())
    assert _num(total[8]) == pytest.approx(sum(e["hours"] for e in expected.values()))
    assert sum(e["days"] for e in expected.values()) > 20  # the demo month is not empty


def test_engagement_days_against_the_target(
    demo_profile: Profile, org_tables: list[list[str]]
) -> None:
    expected = _expected(demo_profile)
    engaged = demo_profile.database.query(
        "SELECT o.name, e.target_days FROM engagement e JOIN organisation o ON o.id = e.org_id"
        " WHERE e._deleted = 0 AND e.fy = 2025"
    )
    rows = {squash(r[0]): r for r in org_tables if len(r) == 7}
    assert len(rows) == len(engaged) == 4
    for e in engaged:
        row = rows[squash(e["name"])]
        days = expected[e["name"]]["days"]
        assert _num(row[2]) == e["target_days"] and _num(row[3]) == days
        assert row[4] == f"{days / e['target_days'] * 100:.0f}%"


@needs_pdftotext
def test_text_reads_back(demo_profile: Profile, monthly_pdf: Path) -> None:
    doc = read_pdf(monthly_pdf)
    db = demo_profile.database
    n_consult = db.query(
        "SELECT count(*) AS n FROM consultation WHERE _deleted = 0 AND received_at LIKE '2025-11%'"
    )[0]["n"]
    assert doc.both(f"相談対応（{n_consult}件）")
    assert doc.both("令和7年11月の作業について、下記のとおり報告します。")
    assert "提出期限" not in doc.poppler  # the due date is the window's, not the prefecture's
    for c in db.query(
        "SELECT topic FROM consultation WHERE _deleted = 0 AND received_at LIKE '2025-11%'"
    ):
        assert doc.both(squash(c["topic"]))
    for t in db.query("SELECT title FROM training WHERE _deleted = 0 AND date LIKE '2025-11%'"):
        assert doc.both(squash(t["title"]))
    for i in db.query("SELECT title FROM issue WHERE _deleted = 0 AND shared_on LIKE '2025-11%'"):
        assert doc.both(squash(i["title"]))
    visits = db.query(
        "SELECT title, notes, findings, next_actions FROM visit"
        " WHERE _deleted = 0 AND date LIKE '2025-11%'"
    )
    for v in visits:
        assert doc.both(squash(v["title"]))
    goals = db.query(
        "SELECT g.title, p.value FROM goal g JOIN goal_progress p ON p.goal_id = g.id"
        " WHERE p.month = '2025-11'"
    )
    for g in goals:
        assert doc.both(squash(g["title"]))
    # Lines that start a line of the source (a "・" bullet, 所見：・...) are not violations.
    sources = [v[f] or "" for v in visits for f in ("notes", "findings", "next_actions")]
    sources += ["所見：" + (v["findings"] or "") for v in visits]
    assert kinsoku_violations(doc.poppler, sources) == []
    assert doc.pages > 10 and f"1 / {doc.pages}" in doc.poppler
    assert embedded_fonts(monthly_pdf)


def test_workbook(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("monthly", month=MONTH), tmp_path / "月次.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["団体別実績", "集中支援", "訪問・ヒアリング"]
    ws = wb["団体別実績"]
    expected = _expected(demo_profile)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    got = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(got) == set(expected)
    for name, e in expected.items():
        assert got[name][7] == e["days"] and got[name][9] == pytest.approx(e["hours"])
    visits = wb["訪問・ヒアリング"]
    dates = [r[0] for r in visits.iter_rows(min_row=2, values_only=True)]
    assert dates and all(isinstance(d, dt.datetime) and d.month == 11 for d in dates)
    assert len(dates) == sum(int(e["visits"]) for e in expected.values())


def test_a_month_without_data_is_refused(demo_profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "空.pdf"
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("monthly", month="2019-06"), out)
    assert err.value.code == "report_no_data" and "令和元年6月" in err.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("month", ["2025-13", "11月", "2025-1-1", ""])
def test_a_bad_month_is_refused(demo_profile: Profile, tmp_path: Path, month: str) -> None:
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("monthly", month=month or None), tmp_path / "x.pdf")
    assert err.value.code in ("bad_month", "report_param_missing")
    assert list(tmp_path.iterdir()) == []


def test_corrected_time_counts_once(profile: Profile, tmp_path: Path) -> None:
    """A correction replaces the entry it supersedes: the hours reported are the corrected ones."""
    svc = RecordService(profile)
    staff = svc.add("staff", {"name": "山田 太郎", "role": "常時支援者"}).record_id
    first = svc.add(
        "time",
        {
            "date": "2025-11-05",
            "staff_id": staff,
            "org_id": "高千穂町",
            "hours": 8,
            "on_site": True,
        },
    ).record_id
    svc.add(
        "time",
        {
            "date": "2025-11-05",
            "staff_id": staff,
            "org_id": "高千穂町",
            "hours": 6.5,
            "on_site": True,
            "supersedes": first,
        },
    )
    out = generate(profile, ReportRequest("monthly", month=MONTH), tmp_path / "月次.pdf")
    row = {squash(r[0]): r for r in table_rows(out, "団体")}["高千穂町"]
    assert _num(row[6]) == 1 and _num(row[8]) == 6.5


@needs_pdftotext
def test_a_long_hearing_note_flows_in_the_details(profile: Profile, tmp_path: Path) -> None:
    sentence = "窓口業務の見直しについて、住民課から「書かない窓口（案）」の説明を受けました。"
    note = (sentence * 80)[:5000]
    RecordService(profile).add(
        "visit",
        {
            "date": "2025-11-20",
            "org_id": "高千穂町",
            "mode": "訪問",
            "purpose": "ヒアリング",
            "title": "窓口業務のヒアリング",
            "notes": note,
        },
    )
    out = generate(profile, ReportRequest("monthly", month=MONTH), tmp_path / "月次.pdf")
    doc = read_pdf(out)
    decorations = ("月次作業報告書", "取扱注意", "月次作業報告書 取扱注意", "日付", "形態", "内容")
    decorations += ("日付 形態 内容", "11/20", "訪問", "ヒアリング")
    assert doc.flows(squash(note), *decorations)
    assert kinsoku_violations(doc.poppler, [note]) == []


@needs_pdftotext
def test_compact_sections_only_for_work_and_every_step_in_the_progress_table(
    demo_profile: Profile, monthly_pdf: Path
) -> None:
    """The compact default: an organisation with no work this month gets no section of its own,
    a closing line names it, and its standardisation progress is in the progress table."""
    db = demo_profile.database
    doc = read_pdf(monthly_pdf)
    text = squash(doc.poppler)
    worked = {
        r["name"]
        for r in db.query(
            "SELECT DISTINCT o.name FROM organisation o WHERE o._deleted = 0 AND o.id IN ("
            " SELECT org_id FROM visit WHERE _deleted = 0 AND date LIKE '2025-11%'"
            " UNION SELECT org_id FROM consultation WHERE _deleted = 0"
            "  AND received_at LIKE '2025-11%'"
            " UNION SELECT org_id FROM issue WHERE _deleted = 0"
            "  AND (raised_on LIKE '2025-11%' OR shared_on LIKE '2025-11%')"
            " UNION SELECT t.org_id FROM time t WHERE t._deleted = 0 AND t.date LIKE '2025-11%')"
        )
    }
    quiet = [
        r["name"]
        for r in db.query(
            "SELECT name FROM organisation WHERE _deleted = 0 ORDER BY org_kind = '県', code"
        )
        if r["name"] not in worked
    ]
    assert worked and quiet  # the demo month has both
    details = text.split("10.団体別の詳細", 1)[1]
    for name in quiet:
        assert f"){name}" not in details, name  # no "(n) 宮崎市" section
    assert squash(f"上記以外の{len(quiet)}団体（{'、'.join(quiet)}）") in details
    # Every organisation whose steps moved this month is in the progress table, with its count.
    moved = db.query(
        "SELECT o.name, count(*) AS n FROM step_status s JOIN organisation o ON o.id = s.org_id"
        " WHERE s._deleted = 0 AND s.status = '完了済み' AND s.updated_on LIKE '2025-11%'"
        " GROUP BY o.name"
    )
    table = text.split("9.標準化の進捗", 1)[1].split("10.団体別の詳細", 1)[0]
    assert moved
    for r in moved:
        assert f"{r['name']}{r['n']}件（" in table, r["name"]


def test_consultations_counted_by_the_kind_of_support(profile: Profile, tmp_path: Path) -> None:
    """6(2)ア: beside 分類, the month's consultations by 支援の種類 in the model's order, with
    those not yet given one counted apart, so the table adds up to the month; the workbook's
    sheets carry the column."""
    svc = RecordService(profile)
    for day, support in (
        ("2025-11-04", "研修"),
        ("2025-11-05", "IT調達支援"),
        ("2025-11-06", "IT調達支援"),
        ("2025-11-07", None),
    ):
        svc.add(
            "consultation",
            {
                "received_at": f"{day} 10:00",
                "channel": "電話",
                "org_id": "高千穂町",
                "category": "その他",
                "support_kind": support,
                "topic": f"{day}の相談",
            },
        )
    out = generate(profile, ReportRequest("monthly", month=MONTH), tmp_path / "月次.pdf")
    rows = [[squash(c) for c in r] for r in table_rows(out, "支援の種類")]
    assert rows == [["IT調達支援", "2"], ["研修", "1"], ["（未設定）", "1"]]
    book = generate(profile, ReportRequest("monthly", month=MONTH), tmp_path / "月次.xlsx")
    sheet = openpyxl.load_workbook(book)["相談"]
    header = [c.value for c in sheet[1]]
    column = header.index("支援の種類")
    assert sorted(str(r[column]) for r in sheet.iter_rows(min_row=2, values_only=True)) == [
        "IT調達支援",
        "IT調達支援",
        "None",
        "研修",
    ]
