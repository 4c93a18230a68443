"""The engagement warnings (services/engagements.py), each recomputed here on constructed data
with a calendar written out by hand: a gap of one day between two supporters, a supporter who
changes mid-month, a 専任 on two engagements, and a month with a holiday week judged on every
day of it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dxdesk.core.calendar import WAREKI
from dxdesk.core.ids import natural_id
from dxdesk.paths import ProfilePaths
from dxdesk.services.engagements import (
    DOUBLE_DEDICATED,
    GAP,
    PLAN_LATE,
    SHORT_MONTH,
    EngagementService,
)
from dxdesk.services.phrases import japanese
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")

# May 2025 by hand: 憲法記念日 5/3 (Sat), みどりの日 5/4 (Sun), こどもの日 5/5, 振替休日 5/6, and
# the office's own closure for the rest of the week (5/7-5/9): 22 weekdays, 17 開庁日.
MAY_CLOSED = {date(2025, 5, d) for d in (5, 6, 7, 8, 9)}
MAY_OPEN = [
    date(2025, 5, d)
    for d in range(1, 32)
    if date(2025, 5, d).weekday() < 5 and date(2025, 5, d) not in MAY_CLOSED
]
SITE_DAYS = [date(2025, 5, d) for d in (1, 2, 12, 13, 14)]


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


def _staff(s: RecordService, name: str) -> str:
    return s.add("staff", {"name": name, "role": "常時支援者"}).record_id


def _engagement(s: RecordService, org: str, **values: object) -> str:
    # The plan agreed in time unless a test says otherwise: the other warnings stand alone.
    values = {"plan_agreed_on": "2025-04-20", **values}
    return s.add("engagement", {"org_id": org, "fy": 2025, "theme": "窓口DX", **values}).record_id


def _support(s: RecordService, engagement: str, staff: str, **values: object) -> None:
    s.add("engagement_supporter", {"engagement_id": engagement, "staff_id": staff, **values})


def test_a_one_day_gap_between_two_supporters_and_a_change_mid_month(hub: Profile) -> None:
    s = RecordService(hub)
    a, b, c = _staff(s, "平川 一郎"), _staff(s, "黒木 花子"), _staff(s, "甲斐 次郎")
    gap = _engagement(s, TAKACHIHO, start_date="2025-05-01")
    _support(s, gap, a, to_date="2025-09-30")
    _support(s, gap, b, from_date="2025-10-02")  # nobody on 10/1
    seamless = _engagement(s, HINOKAGE)
    _support(s, seamless, a, to_date="2025-09-15")
    _support(s, seamless, c, from_date="2025-09-16")  # changes mid-month, no day missed
    found = {e.id: e for e in EngagementService(hub, date(2025, 11, 20)).engagements(2025)}
    # Independently: every day of each period that no supporter's period holds.
    for eid, start in ((gap, date(2025, 5, 1)), (seamless, date(2025, 4, 1))):
        e = found[eid]
        missing = []
        d = start
        while d <= date(2026, 3, 31):
            if not any(p.start <= d <= p.end for p in e.supporters):
                missing.append(d)
            d += timedelta(days=1)
        gaps = [w for w in e.warnings if w.code == GAP]
        assert len(gaps) == (1 if missing else 0)
        if missing:
            assert missing == [date(2025, 10, 1)]
            assert gaps[0].text == (
                "高千穂町の集中支援で、常時支援者のいない期間があります（2025-10-01）。"
            )
    # An engagement without any supporter lacks one for its whole period.
    bare = _engagement(s, TAKACHIHO, start_date="2026-01-05", end_date="2026-02-27")
    e = next(x for x in EngagementService(hub, date(2025, 11, 20)).engagements() if x.id == bare)
    assert [w.text for w in e.warnings if w.code == GAP] == [
        "高千穂町の集中支援で、常時支援者のいない期間があります（2026-01-05〜2026-02-27）。"
    ]


def test_a_dedicated_supporter_on_two_engagements_at_once(hub: Profile) -> None:
    s = RecordService(hub)
    a, b = _staff(s, "平川 一郎"), _staff(s, "黒木 花子")
    first, second = _engagement(s, TAKACHIHO), _engagement(s, HINOKAGE)
    _support(s, first, a, dedicated=True)
    _support(s, second, a, from_date="2025-10-01")  # while still 専任 on the first
    _support(s, first, b)
    _support(s, second, b)  # on both, neither 専任: allowed
    warned = EngagementService(hub, date(2025, 11, 20)).warnings(2025)
    doubles = [w for w in warned if w.code == DOUBLE_DEDICATED]
    assert {w.engagement_id for w in doubles} == {first, second}
    assert all("平川 一郎さん" in w.text and "2025-10-01〜2026-03-31" in w.text for w in doubles)
    assert not any("黒木" in w.text for w in doubles)


def test_a_month_with_a_holiday_week_judged_on_every_day(hub: Profile) -> None:
    s = RecordService(hub)
    for d in sorted(MAY_CLOSED - {date(2025, 5, 5), date(2025, 5, 6)}):
        s.add("closed_day", {"date": d.isoformat(), "reason": "庁舎の設備点検"})
    staff = _staff(s, "平川 一郎")
    eid = _engagement(s, TAKACHIHO, start_date="2025-04-01", target_days=10)
    _support(s, eid, staff)
    for d in SITE_DAYS:
        s.add(
            "visit", {"date": d.isoformat(), "org_id": TAKACHIHO, "mode": "訪問", "title": "現地"}
        )
    s.add("visit", {"date": "2025-05-15", "org_id": TAKACHIHO, "mode": "電話", "title": "電話"})
    assert len(MAY_OPEN) == 17
    warned_on = []
    for day in (date(2025, 5, d) for d in range(1, 32)):
        e = EngagementService(hub, day).engagements(2025)[0]
        done = sum(1 for d in SITE_DAYS if d <= day)
        left = sum(1 for d in MAY_OPEN if d >= day and not (d == day and d in SITE_DAYS))
        assert e.month is not None
        assert (e.month.target, e.month.done, e.month.remaining) == (10, done, left), day
        short = [w for w in e.warnings if w.code == SHORT_MONTH]
        assert bool(short) == (done + left < 10), day
        if short:
            warned_on.append(day)
            assert short[0].text == (
                f"高千穂町の2025年5月の現地支援日数は{done}日で、残りの開庁日{left}日を"
                "すべて現地支援としても目標の10日に届きません。"
            )
    # 5 days on site by the 14th; from the 26th only 5 開庁日 are left besides the 5 done: from
    # the 27th, 10 can no longer be reached (calendar days would have said "fine" for longer).
    assert warned_on[0] == date(2025, 5, 27)


def test_a_month_the_engagement_starts_in_asks_for_its_share(hub: Profile) -> None:
    s = RecordService(hub)
    eid = _engagement(s, TAKACHIHO, start_date="2025-05-19", target_days=10)
    _support(s, eid, _staff(s, "平川 一郎"))
    e = EngagementService(hub, date(2025, 5, 19)).engagements(2025)[0]
    assert e.id == eid and e.month is not None
    # 5/19-5/30: 10 of May's 20 開庁日 (no closures here) -> half of 10 days.
    in_may = sum(1 for d in range(1, 32) if date(2025, 5, d).weekday() < 5 and d not in (5, 6))
    covered = sum(1 for d in range(19, 32) if date(2025, 5, d).weekday() < 5)
    assert (in_may, covered) == (20, 10)
    assert e.month.target == 5 and e.month.remaining == 10


def test_the_supervisors_home_shows_the_warnings(hub: Profile) -> None:
    from dxdesk.services.home import HomeService

    s = RecordService(hub)
    eid = _engagement(s, TAKACHIHO, start_date="2025-04-01", target_days=0)
    home = HomeService(hub, date(2025, 11, 20)).home()
    section = home.section("engagements")
    assert section.count == 1
    assert [(japanese(i.text, WAREKI), i.target, i.alert) for i in section.items] == [
        (
            "高千穂町の集中支援で、常時支援者のいない期間があります（R7.4.1〜R8.3.31）。",
            ("record", "engagement", eid),
            True,
        )
    ]
    _support(s, eid, _staff(s, "平川 一郎"))
    assert HomeService(hub, date(2025, 11, 20)).home().section("engagements").count == 0


def test_an_application_selected_or_declined_says_why(hub: Profile) -> None:
    from dxdesk.errors import ValidationError

    s = RecordService(hub)
    applied = s.add(
        "engagement_application",
        {"org_id": HINOKAGE, "fy": 2026, "received_on": "2026-01-15", "request": "庁内DXの推進"},
    ).record_id
    assert s.get("engagement_application", applied)["status"] == "審査中"
    with pytest.raises(ValidationError) as err:
        s.edit("engagement_application", applied, {"status": "見送り"})
    assert "選定・見送りの理由を入力してください" in str(err.value)
    ended = _engagement(s, TAKACHIHO, end_date="2026-03-31")
    s.edit(
        "engagement_application",
        applied,
        {
            "status": "選定",
            "decided_on": "2026-02-10",
            "reason": "推進体制が整っており、窓口DXの横展開が見込めるため",
            "agreed_with_pref": True,
            "follows_id": ended,
        },
    )
    held = s.get("engagement_application", applied)
    assert (held["status"], held["follows_id"], held["agreed_with_pref"]) == ("選定", ended, True)


def test_the_plan_agreed_later_than_two_months_after_the_start(hub: Profile) -> None:
    s = RecordService(hub)
    a = _staff(s, "平川 一郎")
    late = _engagement(s, TAKACHIHO, start_date="2025-04-10", plan_agreed_on="2025-06-11")
    on_time = _engagement(s, HINOKAGE, start_date="2025-04-10", plan_agreed_on="2025-06-10")
    for e in (late, on_time):
        _support(s, e, a)
    codes = {
        e.id: [w.code for w in e.warnings]
        for e in EngagementService(hub, date(2025, 7, 1)).engagements(2025)
    }
    assert codes[late] == [PLAN_LATE] and codes[on_time] == []


def test_a_plan_not_agreed_is_flagged_once_the_two_months_have_passed(hub: Profile) -> None:
    s = RecordService(hub)
    e = _engagement(s, TAKACHIHO, start_date="2025-08-31", plan_agreed_on=None)
    _support(s, e, _staff(s, "平川 一郎"))
    # Two months after 8/31 is 10/31 (November has no 31st for the later case).
    before = EngagementService(hub, date(2025, 10, 31)).find(e)
    after = EngagementService(hub, date(2025, 11, 1)).find(e)
    assert before is not None and after is not None
    assert PLAN_LATE not in [w.code for w in before.warnings]
    assert [w.code for w in after.warnings if w.code == PLAN_LATE] == [PLAN_LATE]
    assert "2025-10-31" in next(w.text for w in after.warnings if w.code == PLAN_LATE)
