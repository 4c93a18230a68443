"""The management table (services/engagement_table.py) against SQL written here, on data built
to catch the usual mistakes: two visits on one day, a remote visit (hours, no day on site), an
on-site time entry without a visit, a corrected entry (only the correction counts), a visit to
another organisation, a supporter who hands over mid-month, and a note written for the month."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dxdesk.core.ids import natural_id
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.engagement_table import EngagementTableService, write_table_xlsx
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")
TODAY = date(2025, 6, 10)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Profile]:
    profile, _ = create_profile(
        ProfilePaths(tmp_path / "統括"),
        owner_name="宮崎 統括",
        device_name="統括PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        yield profile
    finally:
        profile.close(backup=False)


def _visit(s: RecordService, staff: str, day: str, org: str = TAKACHIHO, **v: object) -> None:
    s.add(
        "visit",
        {
            "date": day,
            "org_id": org,
            "staff_id": staff,
            "title": f"{day} 現地支援",
            "purpose": "現地支援",
            "mode": "訪問",
            "hours": 4,
            **v,
        },
    )


def _build(s: RecordService) -> tuple[str, str, str]:
    a = s.add("staff", {"name": "平川 一郎", "role": "常時支援者"}).record_id
    b = s.add("staff", {"name": "黒木 花子", "role": "常時支援者"}).record_id
    e = s.add(
        "engagement",
        {"org_id": TAKACHIHO, "fy": 2025, "theme": "窓口DX", "start_date": "2025-04-01"},
    ).record_id
    s.add("engagement_supporter", {"engagement_id": e, "staff_id": a, "to_date": "2025-05-15"})
    s.add("engagement_supporter", {"engagement_id": e, "staff_id": b, "from_date": "2025-05-16"})
    for day in ("2025-05-01", "2025-05-02", "2025-05-12"):
        _visit(s, a, day)
    _visit(s, a, "2025-05-02", hours=1.5, title="午後の打合せ")  # same day: one day on site
    _visit(s, a, "2025-05-13", mode="オンライン", hours=2)  # hours, not a day on site
    _visit(s, a, "2025-05-14", org=HINOKAGE)  # another organisation
    _visit(s, a, "2025-05-20", hours=3)  # after A's period: not A's row
    t = s.add(
        "time",
        {"date": "2025-05-14", "staff_id": a, "org_id": TAKACHIHO, "hours": 3, "on_site": True},
    ).record_id
    s.edit("time", t, {"hours": 5})  # the correction counts, not the first entry
    _visit(s, b, "2025-05-21")
    _visit(s, b, "2025-05-22", hours=6)
    s.add(
        "time",
        {"date": "2025-05-23", "staff_id": b, "org_id": TAKACHIHO, "hours": 2, "on_site": False},
    )
    s.add(
        "engagement_month",
        {
            "engagement_id": e,
            "staff_id": b,
            "month": "2025-05",
            "done": "窓口の手続を棚卸し",
            "next_steps": "6月に試行",
        },
    )
    return e, a, b


def _sql_days(p: Profile, staff: str, lo: str, hi: str) -> int:
    rows = p.database.query(
        "SELECT COUNT(*) AS n FROM ("
        " SELECT date FROM visit WHERE _deleted = 0 AND mode = '訪問' AND staff_id = ?1"
        "  AND org_id = ?2 AND date BETWEEN ?3 AND ?4"
        " UNION"
        ' SELECT date FROM "time" AS x WHERE _deleted = 0 AND on_site = 1 AND staff_id = ?1'
        "  AND org_id = ?2 AND date BETWEEN ?3 AND ?4"
        '  AND NOT EXISTS (SELECT 1 FROM "time" AS y WHERE y.supersedes = x.id'
        "   AND y._deleted = 0))",
        (staff, TAKACHIHO, lo, hi),
    )
    return int(rows[0]["n"])


def _sql_hours(p: Profile, staff: str, lo: str, hi: str) -> float:
    rows = p.database.query(
        'SELECT COALESCE(SUM(hours), 0) AS h FROM "time" AS x WHERE _deleted = 0'
        " AND staff_id = ? AND org_id = ? AND date BETWEEN ? AND ?"
        ' AND NOT EXISTS (SELECT 1 FROM "time" AS y WHERE y.supersedes = x.id AND y._deleted = 0)',
        (staff, TAKACHIHO, lo, hi),
    )
    return float(rows[0]["h"])


def test_the_figures_match_independent_sql(hub: Profile) -> None:
    e, a, b = _build(RecordService(hub))
    table = EngagementTableService(hub, TODAY).table(e, "2025-05")
    by_name = {r.name: r for r in table.rows}
    assert list(by_name) == ["平川 一郎", "黒木 花子"]
    ra, rb = by_name["平川 一郎"], by_name["黒木 花子"]
    assert ra.site_days == _sql_days(hub, a, "2025-05-01", "2025-05-15") == 4
    assert ra.hours == _sql_hours(hub, a, "2025-05-01", "2025-05-15") == 4 + 4 + 1.5 + 4 + 2 + 5
    assert rb.site_days == _sql_days(hub, b, "2025-05-16", "2025-05-31") == 2
    assert rb.hours == _sql_hours(hub, b, "2025-05-16", "2025-05-31") == 4 + 6 + 2
    assert table.total_days == 6
    # B wrote the month's note; A did not, so A's line is the visits' titles, marked so.
    assert (rb.done, rb.next_steps, rb.from_visits) == ("窓口の手続を棚卸し", "6月に試行", False)
    assert ra.from_visits and "5/12" in ra.done and "午後の打合せ" in ra.done


def test_every_month_of_the_period_up_to_today(hub: Profile) -> None:
    e, _a, _b = _build(RecordService(hub))
    table = EngagementTableService(hub, TODAY).table(e)
    assert table.months == ("2025-04", "2025-05", "2025-06")
    april = table.month_rows("2025-04")
    assert [(r.name, r.site_days, r.hours) for r in april] == [("平川 一郎", 0, 0.0)]
    # June: only B holds the role.
    assert [r.name for r in table.month_rows("2025-06")] == ["黒木 花子"]


def test_the_workbook_holds_the_same_figures(hub: Profile, tmp_path: Path) -> None:
    e, _a, _b = _build(RecordService(hub))
    service = EngagementTableService(hub, TODAY)
    table = service.table(e, "2025-05")
    out = write_table_xlsx(table, str(tmp_path / "管理表 高千穂町.xlsx"))
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["年月", "常時支援者", "現地日数", "時間", "実施内容", "次の対応"]
    assert [r[:4] for r in rows[1:]] == [
        ["2025-05", "平川 一郎", 4, 20.5],
        ["2025-05", "黒木 花子", 2, 12],
        ["合計", None, 6, 32.5],
    ]


def test_refusals(hub: Profile, tmp_path: Path) -> None:
    e, _a, _b = _build(RecordService(hub))
    service = EngagementTableService(hub, TODAY)
    assert service.resolve("高千穂町").id == e
    with pytest.raises(UserError) as err:
        service.table(e, "2026-04")
    assert err.value.code == "month_outside_engagement"
    with pytest.raises(UserError) as err:
        service.resolve("日之影町")
    assert err.value.code == "engagement_not_found"
    with pytest.raises(UserError) as err:
        write_table_xlsx(service.table(e, "2025-05"), str(tmp_path / "表.pdf"))
    assert err.value.code == "bad_argument"
    assert not list(tmp_path.glob("*.pdf"))
