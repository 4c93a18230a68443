"""The home screen's figures (services/home.py), each recomputed here from the records written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dxdesk.core.calendar import WAREKI
from dxdesk.core.ids import natural_id
from dxdesk.paths import ProfilePaths
from dxdesk.services.home import CONSULTANT, SUPERVISOR, HomeService
from dxdesk.services.phrases import japanese
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")
TODAY = date(2025, 11, 20)  # a Thursday


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


def test_the_supervisor_sees_deadlines_site_days_and_issues(hub: Profile) -> None:
    s = RecordService(hub)
    staff = hub.meta["owner_staff_id"]
    engagement = s.add("engagement", {"org_id": TAKACHIHO, "fy": 2025, "target_days": 10})
    s.add("engagement_supporter", {"engagement_id": engagement.record_id, "staff_id": staff})
    for day in ("2025-11-04", "2025-11-05", "2025-11-05", "2025-11-12"):  # 3 distinct days
        s.add("visit", {"date": day, "org_id": TAKACHIHO, "mode": "訪問", "title": "現地支援"})
    s.add("visit", {"date": "2025-11-06", "org_id": TAKACHIHO, "mode": "電話", "title": "電話"})
    old = s.add(
        "issue",
        {"org_id": TAKACHIHO, "title": "文字同定", "status": "未対応", "raised_on": "2025-10-01"},
    ).record_id
    s.add(
        "issue",
        {
            "org_id": HINOKAGE,
            "title": "共有済み",
            "status": "対応中",
            "raised_on": "2025-11-01",
            "shared_on": "2025-11-02",
        },
    )
    late = s.add(
        "issue",
        {
            "org_id": HINOKAGE,
            "title": "日程",
            "status": "対応中",
            "shared_on": "2025-11-02",
            "due_date": "2025-11-10",
        },
    ).record_id
    meeting = s.add(
        "meeting", {"title": "月次報告会", "date": "2025-11-14", "meeting_type": "月次報告会"}
    ).record_id
    home = HomeService(hub, TODAY).home()
    assert home.role == SUPERVISOR
    site = home.section("site_days")
    assert [japanese(i.text) for i in site.items] == ["高千穂町 現地 3日 ／ 目標 10日"]
    assert site.items[0].target == ("org", TAKACHIHO) and site.items[0].alert
    unshared = home.section("unshared")
    assert unshared.count == 1 and unshared.items[0].target == ("record", "issue", old)
    assert "把握から50日" in japanese(unshared.items[0].text)  # 10/1 -> 11/20
    overdue = home.section("overdue_issues")
    assert [i.target for i in overdue.items] == [("record", "issue", late)]
    assert japanese(overdue.items[0].text) == "日之影町 日程（期限 2025-11-10、10日超過）"
    assert japanese(overdue.items[0].text, WAREKI) == "日之影町 日程（期限 R7.11.10、10日超過）"
    deadlines = home.section("deadlines")
    keys = [i.target[1] for i in deadlines.items]
    # The minutes of 11/14 were due 11/19 (3 open days): overdue; October's report (11/10) too;
    # November's (12/10) is within three weeks; the December one (1/9) is not.
    assert f"minutes:{meeting}" in keys and "monthly:2025-10" in keys
    assert "monthly:2025-11" in keys and "monthly:2025-12" not in keys
    assert deadlines.count == len(keys)
    # 7(4): April..October without a 月次報告会 are flagged, November (held on 11/14) is not.
    assert "monthly-meeting:2025-10" in keys and "monthly-meeting:2025-11" not in keys
    assert {i.alert for i in deadlines.items if i.target[1] == f"minutes:{meeting}"} == {True}
    assert home.section("imports").count == 0 and home.section("conflicts").count == 0
    # A year later, the window's 対象月 still picks the month whose on-site days are shown.
    later = HomeService(hub, date(2026, 12, 3)).home(month="2025-11").section("site_days")
    assert japanese(later.title).startswith("2025年11月の現地支援日数")
    assert [japanese(i.text) for i in later.items] == ["高千穂町 現地 3日 ／ 目標 10日"]


def test_the_supervisor_sees_the_first_five_of_the_attention_list(hub: Profile) -> None:
    from dxdesk.services.attention import AttentionService
    from dxdesk.services.progress import ProgressService

    today = date(2026, 2, 15)
    progress = ProgressService(hub, today)
    # Seven towns' 住民記録 planned after the deadline without 特定移行支援: seven entries.
    towns = ["高千穂町", "日之影町", "五ヶ瀬町", "門川町", "美郷町", "諸塚村", "椎葉村"]
    for n, town in enumerate(towns):
        progress.set_fields(town, "住民記録", {"planned_go_live": f"2026-{n + 4:02d}-01"})
    section = HomeService(hub, today).home().section("attention")
    ranked = AttentionService(hub, today).entries()
    assert section.count == len(ranked) == 7
    assert len(section.items) == 5
    assert [i.target for i in section.items] == [
        ("progress", e.org_id, e.system_code) for e in ranked[:5]
    ]
    first = section.items[0]
    text = japanese(first.text)
    assert first.alert  # behind plan / after the deadline: in red
    assert text.startswith(f"{ranked[0].org_name} 住民基本台帳（{ranked[0].score}点）：")
    top = max(ranked[0].reasons, key=lambda r: r.points)
    assert top.text in text
    more = len(ranked[0].reasons) - 1
    assert text.endswith(f"（ほか{more}件）" if more else "。")


def test_the_consultant_sees_the_week_and_their_own_open_work(profile: Profile) -> None:
    s = RecordService(profile)
    staff = profile.meta["owner_staff_id"]
    mine = s.add(
        "visit",
        {
            "date": "2025-11-18",
            "org_id": TAKACHIHO,
            "mode": "訪問",
            "title": "ヒアリング",
            "staff_id": staff,
        },
    ).record_id
    s.add(
        "visit",
        {
            "date": "2025-11-10",
            "org_id": TAKACHIHO,
            "mode": "訪問",
            "title": "先週",
            "staff_id": staff,
        },
    )
    issue = s.add("issue", {"org_id": TAKACHIHO, "title": "移行計画", "status": "未対応"}).record_id
    s.add("issue", {"org_id": TAKACHIHO, "title": "済", "status": "完了"})
    s.add(
        "consultation",
        {
            "received_at": "2025-11-17 10:00",
            "channel": "電話",
            "org_id": TAKACHIHO,
            "category": "AI・RPA",
            "topic": "RPA",
            "status": "対応中",
        },
    )
    # Hours on Monday 11/17 only: Tuesday and Wednesday are missing (today, Thursday, not yet).
    s.add("time", {"date": "2025-11-17", "staff_id": staff, "hours": 3.5, "org_id": TAKACHIHO})
    s.add("time", {"date": "2025-11-17", "staff_id": staff, "hours": 2})
    home = HomeService(profile, TODAY).home()
    assert home.role == CONSULTANT
    visits = home.section("week_visits")
    assert [i.target for i in visits.items] == [("record", "visit", mine)]
    assert [i.target for i in home.section("own_issue").items] == [("record", "issue", issue)]
    assert home.section("own_consultation").count == 1
    hours = home.section("week_hours")
    assert japanese(hours.items[0].text) == "今週の入力：5.5時間（1日分）"
    assert [japanese(i.text) for i in hours.items[1:]] == [
        "2025-11-18 工数が未入力です",
        "2025-11-19 工数が未入力です",
    ]
    assert japanese(hours.items[1].text, WAREKI) == "R7.11.18 工数が未入力です"
    assert hours.count == 2
    assert home.section("last_bundle").count == 0
