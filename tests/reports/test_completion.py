"""業務完了報告書: the year's figures, each checked against a query of its own."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.completion import completion_report
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.reports.readback import needs_pdftotext, read_pdf, squash, table_rows

START, END = "2025-04-01", "2026-03-31"
# Live entries that no live correction replaces; written out here, not taken from the code.
ACTIVE = (
    "t._deleted = 0 AND t.id NOT IN (SELECT c.supersedes FROM time c"
    " WHERE c._deleted = 0 AND c.supersedes IS NOT NULL)"
)


def _one(profile: Profile, sql: str) -> float:
    return float(profile.database.query(sql, (START, END))[0]["n"] or 0)


def _per_org(profile: Profile, sql: str) -> dict[str, float]:
    return {r["name"]: float(r["n"]) for r in profile.database.query(sql, (START, END))}


def r_orgs(profile: Profile) -> list[dict]:
    return profile.database.query("SELECT name FROM organisation WHERE _deleted = 0")


def _expected(profile: Profile) -> dict[str, object]:
    hours = _per_org(
        profile,
        "SELECT o.name, sum(t.hours) AS n FROM time t JOIN organisation o ON o.id = t.org_id"
        f" WHERE {ACTIVE} AND t.date BETWEEN ? AND ? GROUP BY o.name",
    )
    days = _per_org(
        profile,
        "SELECT o.name, count(*) AS n FROM (SELECT DISTINCT org_id, date FROM ("
        " SELECT org_id, date FROM visit WHERE _deleted = 0 AND mode = '訪問'"
        "  AND date BETWEEN ?1 AND ?2"
        " UNION ALL SELECT t.org_id, t.date FROM time t WHERE "
        + ACTIVE
        + " AND t.on_site = 1 AND t.date BETWEEN ?1 AND ?2)) x"
        " JOIN organisation o ON o.id = x.org_id GROUP BY o.name",
    )
    return {
        "visits": _one(
            profile, "SELECT count(*) AS n FROM visit WHERE _deleted = 0 AND date BETWEEN ? AND ?"
        ),
        "consultations": _one(
            profile,
            "SELECT count(*) AS n FROM consultation WHERE _deleted = 0"
            " AND date(received_at) BETWEEN ? AND ?",
        ),
        "raised": _one(
            profile,
            "SELECT count(*) AS n FROM issue WHERE _deleted = 0 AND raised_on BETWEEN ? AND ?",
        ),
        "total_hours": _one(
            profile,
            f"SELECT sum(t.hours) AS n FROM time t WHERE {ACTIVE} AND t.date BETWEEN ? AND ?",
        ),
        "hours": hours,
        "days": days,
    }


def test_figures_match_the_database(demo_profile: Profile) -> None:
    e = _expected(demo_profile)
    r = completion_report(demo_profile.database, fy=2025)
    assert r.visits == e["visits"] > 0
    assert r.consultations == e["consultations"] > 0
    assert r.issues_raised == e["raised"] > 0
    assert r.total_hours == pytest.approx(e["total_hours"])
    assert {o.org.name: o.hours for o in r.orgs if o.hours} == pytest.approx(e["hours"])
    assert {o.org.name: o.site_days for o in r.orgs if o.site_days} == e["days"]
    orgs = demo_profile.database.query("SELECT name FROM organisation WHERE _deleted = 0")
    assert {o.org.name for o in r.orgs} == {o["name"] for o in orgs}
    municipalities = [o for o in r.orgs if o.org.org_kind != "県"]
    assert len(r.standardisation) == len(municipalities) == 26
    intensive = demo_profile.database.query(
        "SELECT o.name FROM engagement e JOIN organisation o ON o.id = e.org_id"
        " WHERE e._deleted = 0 AND e.fy = 2025"
    )
    assert {o.org.name for o in r.orgs if o.target_days} == {i["name"] for i in intensive}


@needs_pdftotext
def test_pdf_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    e = _expected(demo_profile)
    out = generate(demo_profile, ReportRequest("completion", fy=2025), tmp_path / "完了.pdf")
    doc = read_pdf(out)
    assert doc.both("業務完了報告書") and doc.both("令和7年度")
    assert doc.both(f"{int(e['visits']):,}件") and doc.both(f"{int(e['consultations']):,}件")
    tables = table_rows(out, "団体コード")
    activity = [r for r in tables if len(r) == 9]  # the standardisation table has 7 columns
    assert len(activity) == len(r_orgs(demo_profile)) + 1  # every organisation and the total
    rows = {squash(r[1]): r for r in activity[:-1]}
    hours, days = e["hours"], e["days"]
    assert isinstance(hours, dict) and isinstance(days, dict)
    for name, h in hours.items():
        row = rows[squash(name)]
        assert float(row[5].replace(",", "")) == pytest.approx(h), name
        assert int(row[4]) == days.get(name, 0), name
    # Each municipality appears in the standardisation table, with its steps.
    std = [r for r in tables if len(r) == 7]
    assert len(std) == 27  # 26 municipalities and the total


def test_xlsx_reads_back(demo_profile: Profile, tmp_path: Path) -> None:
    e = _expected(demo_profile)
    out = generate(demo_profile, ReportRequest("completion", fy=2025), tmp_path / "完了.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["団体別実績"]
    header = [c.value for c in ws[1]]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    hours = {
        r[header.index("団体名")]: r[header.index("工数（時間）")]
        for r in ws.iter_rows(min_row=2, values_only=True)
        if r[header.index("工数（時間）")]
    }
    assert hours == pytest.approx(e["hours"])
    assert {"標準化の進捗", "目標", "研修"} <= set(wb.sheetnames)
    held = demo_profile.database.query(
        "SELECT date FROM training WHERE _deleted = 0 AND date BETWEEN ? AND ? ORDER BY date",
        (START, END),
    )
    dates = [r[0] for r in wb["研修"].iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(d, datetime) for d in dates)
    assert [d.date().isoformat() for d in dates] == [h["date"] for h in held]


def test_corrected_time_entries_count_once(profile: Profile) -> None:
    svc = RecordService(profile)
    staff = profile.meta["owner_staff_id"]
    first = svc.add(
        "time",
        {
            "date": "2025-06-02",
            "staff_id": staff,
            "org_id": "高千穂町",
            "hours": 3,
            "on_site": True,
        },
    ).record_id
    svc.add("time", {"date": "2025-06-03", "staff_id": staff, "org_id": "高千穂町", "hours": 2})
    svc.edit("time", first, {"hours": 5})  # a correcting entry supersedes the first
    live = profile.database.query("SELECT sum(hours) AS h FROM time WHERE _deleted = 0")
    assert live[0]["h"] == 10  # the replaced entry is still there, append-only
    r = completion_report(profile.database, fy=2025)
    takachiho = next(o for o in r.orgs if o.org.name == "高千穂町")
    assert takachiho.hours == 7 and takachiho.site_days == 1
    assert r.total_hours == 7


def test_a_year_without_work_is_refused(demo_profile: Profile, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("completion", fy=2019), out)
    assert err.value.code == "report_no_data" and "令和元年度" in err.value.message
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("completion"), out)
    assert err.value.code == "report_param_missing"
    assert list(tmp_path.iterdir()) == []


def test_intensive_support_against_its_monthly_target(demo_profile: Profile) -> None:
    r = completion_report(demo_profile.database, fy=2025)
    by_name = {o.org.name: o for o in r.orgs}
    engagements = demo_profile.database.query(
        "SELECT o.name, o.id AS org_id, e.start_date, e.end_date, e.target_days"
        " FROM engagement e JOIN organisation o ON o.id = e.org_id"
        " WHERE e._deleted = 0 AND e.fy = 2025"
    )
    assert engagements
    for e in engagements:
        per_month = {
            row["m"]: row["n"]
            for row in demo_profile.database.query(
                "SELECT substr(d, 1, 7) AS m, count(*) AS n FROM (SELECT date AS d FROM visit"
                " WHERE _deleted = 0 AND mode = '訪問' AND org_id = ?1 UNION SELECT t.date FROM"
                f" time t WHERE {ACTIVE} AND t.on_site = 1 AND t.org_id = ?1)"
                " WHERE d BETWEEN ?2 AND ?3 GROUP BY m",
                (e["org_id"], max(e["start_date"], START), min(e["end_date"], END)),
            )
        }
        o = by_name[e["name"]]
        first, last = max(e["start_date"], START), min(e["end_date"], END)
        span = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
        assert o.engaged_months == span >= len(per_month)
        assert o.engaged_days == sum(per_month.values()) > 0
        assert o.months_met == sum(1 for n in per_month.values() if n >= e["target_days"])
        assert o.target_total == e["target_days"] * o.engaged_months


def test_standardisation_uses_the_national_rate(demo_profile: Profile) -> None:
    """(完了済み + 対象外) / 40 per system, counted here from the raw rows: 宮崎市 at 94%, not
    the 92% that 完了 / (steps not 対象外) gave."""
    r = completion_report(demo_profile.database, fy=2025)
    raw = {
        row["name"]: (int(row["d"]), int(row["na"]), int(row["n"]))
        for row in demo_profile.database.query(
            "SELECT o.name, sum(s.status = '完了済み') AS d, sum(s.status = '対象外') AS na,"
            " count(DISTINCT s.system_code) AS n FROM step_status s"
            " JOIN organisation o ON o.id = s.org_id WHERE s._deleted = 0 GROUP BY o.name"
        )
    }
    rows = {s.org.name: s for s in r.standardisation}
    for name, (done, na, systems) in raw.items():
        if name in rows:
            assert rows[name].steps_done == done + na, name
            assert rows[name].steps_total == systems * 40, name
            assert rows[name].rate == pytest.approx((done + na) / (systems * 40) * 100, abs=0.05)
    miyazaki = rows["宮崎市"]
    assert round(miyazaki.rate) == 94
    done, na, systems = raw["宮崎市"]
    assert round(done / (systems * 40 - na) * 100) == 92  # the old formula, for the record
