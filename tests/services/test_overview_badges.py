"""Organisation badges: the last visit per organisation up to the month shown, and the month."""

from __future__ import annotations

from datetime import date

from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

TODAY = date(2026, 11, 25)


def visit(records: RecordService, org: str, day: str, *, deleted: bool = False) -> None:
    change = records.add("visit", {"date": day, "org_id": org, "mode": "訪問", "title": "定例訪問"})
    if deleted:
        records.delete("visit", change.record_id)


def test_days_since_the_last_visit_up_to_the_month_shown(profile: Profile) -> None:
    records = RecordService(profile)
    hyuga, aya = records.resolve_org("日向市"), records.resolve_org("綾町")
    visit(records, hyuga, "2025-10-03")
    visit(records, hyuga, "2025-10-20")
    visit(records, hyuga, "2025-12-01")  # after October: not seen from October
    visit(records, aya, "2025-10-30", deleted=True)
    overview = OverviewService(profile, today=TODAY)
    badges = {b.org_id: b for b in overview.organisations("2025-10")}
    assert badges[hyuga].days_since_visit == (date(2025, 10, 31) - date(2025, 10, 20)).days
    assert badges[aya].days_since_visit is None  # its only visit was deleted
    assert sum(b.days_since_visit is not None for b in badges.values()) == 1
    december = {b.org_id: b for b in overview.organisations("2025-12")}
    assert december[hyuga].days_since_visit == 30
    # This month has no visits: the window opens on the latest month that has some.
    assert overview.default_month() == "2025-12"
