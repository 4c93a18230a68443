"""The monthly report's communication-tool section (reports/documents/_communication.py): its
figures read back from the PDF against SQL written here, and no section at all in a month
without figures or events."""

from __future__ import annotations

from pathlib import Path

from dxdesk.reports.base import ReportRequest
from dxdesk.services.profile import Profile
from dxdesk.services.reports import generate
from tests.reports.readback import read_pdf, squash, table_rows

HEADING = "（参考）コミュニケーションツールの利用状況"


def test_the_months_figures_against_sql(demo_profile: Profile, tmp_path: Path) -> None:
    out = generate(demo_profile, ReportRequest("monthly", month="2025-11"), tmp_path / "11.pdf")
    text = read_pdf(out)
    assert text.both(squash(HEADING))
    rows = demo_profile.database.query(
        "SELECT g.name, a.posts, a.active_members FROM comm_activity AS a"
        " JOIN comm_group AS g ON g.id = a.comm_group_id"
        " WHERE a._deleted = 0 AND g._deleted = 0 AND a.month = '2025-11'"
    )
    assert rows
    total = sum(int(r["posts"]) for r in rows)
    assert text.both(f"当月の投稿数は合計{total:,}件でした。")
    printed = {squash(r[0]): (r[2], r[3]) for r in table_rows(out, "グループ")}
    assert printed == {
        squash(str(r["name"])): (str(r["posts"]), str(r["active_members"])) for r in rows
    }


def test_no_section_in_a_month_without_figures(demo_profile: Profile, tmp_path: Path) -> None:
    # The demo's tool opens in June: May has work to report but no activity and no events.
    out = generate(demo_profile, ReportRequest("monthly", month="2025-05"), tmp_path / "5.pdf")
    assert squash(HEADING) not in squash(read_pdf(out).poppler)
