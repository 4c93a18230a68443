"""支援事例: the case study of an intensive-support engagement, with its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.reports import generate
from tests.reports.readback import kinsoku_violations, needs_pdftotext, read_pdf, squash

FIELDS = ("title", "background", "approach", "results", "lessons")


def _cases(profile: Profile) -> list[dict]:
    return profile.database.query(
        "SELECT cs.*, o.name AS org_name, e.id AS eid, e.theme, e.start_date, e.end_date,"
        " s.name AS staff FROM case_study cs JOIN organisation o ON o.id = cs.org_id"
        " LEFT JOIN engagement e ON e.id = cs.engagement_id"
        " LEFT JOIN engagement_supporter es ON es.engagement_id = e.id AND es._deleted = 0"
        " LEFT JOIN staff s ON s.id = es.staff_id WHERE cs._deleted = 0 ORDER BY cs.rid"
    )


@needs_pdftotext
def test_case_of_an_engagement(demo_profile: Profile, tmp_path: Path) -> None:
    case = next(c for c in _cases(demo_profile) if c["eid"])
    out = generate(
        demo_profile, ReportRequest("case-study", engagement_id=case["eid"]), tmp_path / "a.pdf"
    )
    doc = read_pdf(out)
    assert doc.both("支援事例")
    for field in (*FIELDS, "org_name", "theme", "staff"):
        assert doc.both(squash(case[field])), field
    days = demo_profile.database.query(
        "SELECT count(*) AS n FROM (SELECT date FROM visit WHERE _deleted = 0 AND mode = '訪問'"
        " AND org_id = ?1 AND date BETWEEN ?2 AND ?3 UNION SELECT date FROM time WHERE"
        " _deleted = 0 AND on_site = 1 AND org_id = ?1 AND date BETWEEN ?2 AND ?3)",
        (case["org_id"], case["start_date"], case["end_date"]),
    )[0]["n"]
    assert days > 0 and doc.both(f"{days}日（目標")
    sources = [case[f] for f in FIELDS]
    assert kinsoku_violations(doc.poppler, sources) == []


@needs_pdftotext
def test_every_case_and_by_organisation(demo_profile: Profile, tmp_path: Path) -> None:
    cases = _cases(demo_profile)
    doc = read_pdf(generate(demo_profile, ReportRequest("case-study"), tmp_path / "all.pdf"))
    for case in cases:
        assert doc.both(squash(case["title"])) and doc.both(squash(case["lessons"]))
    one = cases[-1]
    doc = read_pdf(
        generate(
            demo_profile,
            ReportRequest("case-study", org_id=one["org_name"]),
            tmp_path / "one.pdf",
        )
    )
    assert doc.both(squash(one["title"]))
    assert not any(doc.both(squash(c["title"])) for c in cases if c["org_id"] != one["org_id"])


def test_unknown_engagement_is_refused(demo_profile: Profile, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        generate(
            demo_profile, ReportRequest("case-study", engagement_id="nope"), tmp_path / "x.pdf"
        )
    assert err.value.code == "unknown_record" and "nope" in err.value.message
    with pytest.raises(UserError) as err:
        generate(demo_profile, ReportRequest("case-study", fy=2019), tmp_path / "x.pdf")
    assert err.value.code == "report_no_data"
    assert list(tmp_path.iterdir()) == []
