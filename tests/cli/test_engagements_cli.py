"""``dxdesk engagements``: the year's engagements with their supporters and warnings, as a table
and as JSON, the supporters added with ``dxdesk add engagement_supporter``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import Cli, recovery_key_of


@pytest.fixture
def app(tmp_path: Path) -> Cli:
    c = Cli(tmp_path / "宮崎 テスト" / "プロファイル")
    c.recovery = recovery_key_of(c.ok("init", "--name", "山田 太郎", "--device", "山田のノートPC"))
    return c


def test_engagements_with_their_supporters_and_warnings(app: Cli) -> None:
    agreed = "plan_agreed_on=2025-05-01"  # in time: the plan warning has tests of its own
    first = app.add("engagement", "org_id=高千穂町", "fy=2025", "theme=窓口DX", agreed)
    second = app.add("engagement", "org_id=日之影町", "fy=2025", "theme=庁内DX", agreed)
    staff = app.staff_id()
    app.add("engagement_supporter", f"engagement_id={first}", f"staff_id={staff}", "dedicated=はい")
    app.add(
        "engagement_supporter",
        f"engagement_id={second}",
        f"staff_id={staff}",
        "from_date=2025-04-01",
        "to_date=2025-12-31",
    )
    found = {
        e["id"]: e for e in json.loads(app.ok("engagements", "--fy", "2025", "--format", "json"))
    }
    assert set(found) == {first, second}
    one = found[first]
    assert one["org"] == "高千穂町" and one["target_days"] == 10
    assert [(s["staff_id"], s["dedicated"], s["from"], s["to"]) for s in one["supporters"]] == [
        (staff, True, "2025-04-01", "2026-03-31")
    ]
    codes = {e: sorted(w["code"] for w in found[e]["warnings"]) for e in found}
    assert codes == {
        first: ["double_dedicated"],
        second: ["double_dedicated", "no_supporter"],
    }
    assert any("2026-01-01〜2026-03-31" in w["text"] for w in found[second]["warnings"])
    table = app.ok("engagements", "--fy", "2025")
    assert "高千穂町" in table and "（専任）" in table and "注意事項：" in table
    assert (
        "日之影町の集中支援で、常時支援者のいない期間があります（2026-01-01〜2026-03-31）。"
        in table
    )
    assert "この年度の集中支援はありません。" in app.ok("engagements", "--fy", "2024")
    # The older single field is refused with the kind that replaced it named.
    refused = app.refused("add", "engagement", "org_id=諸塚村", "fy=2025", f"staff_id={staff}")
    assert "engagement_supporter" in refused
