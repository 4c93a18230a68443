"""One figure, one definition: the completion report's sections agree with each other and with
the monthly reports of its twelve months summed, also after an organisation with records has
been deleted, and the hours of work for no one organisation are counted in both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.paths import ProfilePaths
from dxdesk.reports.base import ReportRequest
from dxdesk.reports.documents.completion import completion_report
from dxdesk.reports.documents.monthly import monthly_data
from dxdesk.services.calendar import office_calendar
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from dxdesk.services.reports import generate
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reports.readback import needs_pdftotext, read_pdf, squash

MONTHS = [f"2025-{m:02d}" for m in range(4, 13)] + [f"2026-{m:02d}" for m in range(1, 4)]


@pytest.fixture(scope="module")
def edited_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Profile]:
    """The demo year, then 串間市 deleted although it has visits, consultations and issues."""
    root = tmp_path_factory.mktemp("一致") / "デモ"
    profile, _ = create_profile(
        ProfilePaths(root),
        owner_name="宮崎 統括",
        device_name="一致テスト用PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        populate_demo(profile)
        records = RecordService(profile)
        kushima = records.resolve_org("串間市")
        held = profile.database.query(
            "SELECT (SELECT count(*) FROM consultation WHERE org_id = ?1 AND _deleted = 0) AS c,"
            " (SELECT count(*) FROM visit WHERE org_id = ?1 AND _deleted = 0) AS v",
            (kushima,),
        )[0]
        assert held["c"] > 0 and held["v"] > 0  # the deletion below must matter
        records.delete("organisation", kushima)
        yield profile
    finally:
        profile.close(backup=False)


def test_sections_agree_with_each_other_and_with_the_months(edited_demo: Profile) -> None:
    db = edited_demo.database
    year = completion_report(db, fy=2025)
    months = [monthly_data(db, m, office_calendar(edited_demo)) for m in MONTHS]
    assert "串間市" not in {o.org.name for o in year.orgs}

    figures = {
        "consultations": (
            year.consultations,
            sum(o.consultations for o in year.orgs),
            sum(len(m.consultations) for m in months),
            sum(int(m.total("consultations")) for m in months),
        ),
        "visits": (
            year.visits,
            sum(o.visits for o in year.orgs),
            sum(m.visit_count for m in months),
        ),
        "hearings": (
            sum(n for p, n in year.visits_by_purpose if p == "ヒアリング"),
            sum(o.hearings for o in year.orgs),
            sum(m.hearing_count for m in months),
        ),
        "issues raised": (
            year.issues_raised,
            sum(o.issues_raised for o in year.orgs),
            sum(int(m.total("new_issues")) for m in months),
        ),
        "days on site": (year.site_days, sum(int(m.total("site_days")) for m in months)),
    }
    for name, values in figures.items():
        assert len(set(values)) == 1 and values[0] > 0, (name, values)

    # Hours: the organisations' plus the work for no one organisation make the whole year, in
    # the completion report and in the twelve monthly reports alike.
    assert year.unassigned_hours > 0
    assert year.total_hours == pytest.approx(year.org_hours + year.unassigned_hours)
    assert year.org_hours == pytest.approx(sum(m.total("hours") for m in months))
    assert year.unassigned_hours == pytest.approx(sum(m.unassigned_hours for m in months))
    assert year.total_hours == pytest.approx(sum(m.work_hours for m in months))
    # Written out here rather than taken from the code: active entries without an organisation.
    independent = db.query(
        "SELECT sum(t.hours) AS n FROM time t WHERE t._deleted = 0 AND t.org_id IS NULL"
        " AND t.date BETWEEN '2025-04-01' AND '2026-03-31' AND t.id NOT IN (SELECT c.supersedes"
        " FROM time c WHERE c._deleted = 0 AND c.supersedes IS NOT NULL)"
    )[0]["n"]
    assert year.unassigned_hours == pytest.approx(float(independent))


@needs_pdftotext
def test_the_documents_print_the_unassigned_hours(edited_demo: Profile, tmp_path: Path) -> None:
    november = monthly_data(edited_demo.database, "2025-11", office_calendar(edited_demo))
    assert november.unassigned, "the demo's November has work for no one organisation"
    out = generate(edited_demo, ReportRequest("monthly", month="2025-11"), tmp_path / "月次.pdf")
    doc = read_pdf(out)
    assert doc.both("団体に属さない作業")
    assert doc.both(squash(f"作業時間（合計）{november.work_hours:g}時間"))
    for activity, hours in november.unassigned:
        assert doc.both(squash(f"{activity} {hours:g}時間"))
    year = generate(edited_demo, ReportRequest("completion", fy=2025), tmp_path / "完了.pdf")
    assert read_pdf(year).both("団体に属さない作業")
