"""Tests for dxdesk.services.demo: a year of demo data that is complete, consistent and repeatable."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from dxdesk.core import reference
from dxdesk.core.calendar import OfficeCalendar
from dxdesk.core.ids import natural_id
from dxdesk.core.model import KINDS, FieldType, kind
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services.demo import populate_demo
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from dxdesk.store.keys import KdfParams

FAST_KDF = KdfParams(iterations=1, memory_kib=8192, lanes=1)
FY_START, FY_END = date(2025, 4, 1), date(2026, 3, 31)
MUNICIPALITY_IDS = {natural_id("organisation", m.code): m.name for m in reference.municipalities()}


def _new_profile(root: Path, role: str = "hub") -> Profile:
    profile, _recovery = create_profile(
        ProfilePaths(root),
        owner_name="黒木 一郎",
        device_name="デモ用PC",
        role=role,
        passphrase="demo-passphrase",
        kdf=FAST_KDF,
    )
    return profile


class Demo:
    def __init__(
        self, profile: Profile, before: dict[str, int], counts: dict[str, int], seconds: float
    ) -> None:
        self.profile = profile
        self.before = before
        self.counts = counts
        self.seconds = seconds

    def rows(self, kind_name: str) -> list[dict[str, Any]]:
        return self.profile.records.select(kind(kind_name), order_by="rid")


def _counts(profile: Profile) -> dict[str, int]:
    return {k.name: profile.records.count(k) for k in KINDS}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    profile = _new_profile(tmp_path_factory.mktemp("demo") / "p")
    try:
        before = _counts(profile)
        started = time.perf_counter()
        counts = populate_demo(profile)
        seconds = time.perf_counter() - started
        yield Demo(profile, before, counts, seconds)
    finally:
        profile.close(backup=False)


def _digest(profile: Profile) -> str:
    """A hash of every record's content, with random ids replaced by what they point to."""
    titles: dict[str, str] = {}
    for k in KINDS:
        for r in profile.records.select(k, order_by="rid"):
            titles[str(r["id"])] = f"{k.name}:{r[k.title]}"
    h = hashlib.sha256()
    for k in KINDS:
        for r in profile.records.select(k, order_by="rid"):
            values = {}
            for f in k.fields:
                value = r[f.name]
                if f.type == FieldType.REF and value is not None:
                    value = titles[str(value)]
                values[f.name] = value
            h.update(json.dumps([k.name, values], ensure_ascii=False, sort_keys=True).encode())
    return h.hexdigest()


# ------------------------------------------------------------------------ size, counts, speed


def test_returned_counts_are_the_records_added(demo: Demo) -> None:
    after = _counts(demo.profile)
    for k in KINDS:
        assert after[k.name] - demo.before[k.name] == demo.counts.get(k.name, 0), k.name
    assert all(n > 0 for n in demo.counts.values())
    assert "organisation" not in demo.counts  # seeded at creation, never by the demo


def test_a_full_year_of_realistic_volume(demo: Demo) -> None:
    c = demo.counts
    assert 450 <= c["visit"] <= 650
    assert 120 <= c["issue"] <= 200
    assert 150 <= c["consultation"] <= 250
    assert c["time"] >= 2000
    assert 8 <= c["training"] <= 12
    assert 10 <= c["expert"] <= 15
    assert 6 <= c["vendor"] <= 8
    assert 4 <= c["goal"] <= 6
    assert c["engagement"] == 4
    assert 2 <= c["case_study"] <= 3
    assert c["closed_day"] == 1
    assert sum(c.values()) < 25_000


def test_populate_is_fast(demo: Demo) -> None:
    assert demo.seconds < 30


def test_staff_one_lead_and_consultants(demo: Demo) -> None:
    roles = Counter(r["role"] for r in demo.rows("staff"))
    assert roles["統括責任者"] == 1  # the hub owner is the lead; no second one is added
    assert 5 <= roles["伴走支援"] + roles["常時支援者"] <= 6
    assert roles["常時支援者"] >= 1


# ------------------------------------------------------------------------ coverage


def test_every_municipality_has_a_visit_or_consultation(demo: Demo) -> None:
    touched = {r["org_id"] for r in demo.rows("visit")} | {
        r["org_id"] for r in demo.rows("consultation")
    }
    missing = [name for org_id, name in MUNICIPALITY_IDS.items() if org_id not in touched]
    assert missing == []


def test_consultations_come_from_all_26(demo: Demo) -> None:
    orgs = {r["org_id"] for r in demo.rows("consultation")}
    assert set(MUNICIPALITY_IDS) <= orgs


def test_visits_are_mostly_to_bansou_municipalities(demo: Demo) -> None:
    bansou = {natural_id("organisation", m.code) for m in reference.municipalities() if m.bansou}
    visits = demo.rows("visit")
    share = sum(1 for v in visits if v["org_id"] in bansou) / len(visits)
    assert share > 0.9


def test_groups_by_area_vendor_and_theme(demo: Demo) -> None:
    groups = demo.rows("group")
    areas = {m.area for m in reference.municipalities()}
    by_area = {g["name"]: g for g in groups if g["group_type"] == "生活圏"}
    assert {f"{a}圏域" for a in areas} == set(by_area)
    for m in reference.municipalities():
        group = by_area[f"{m.area}圏域"]["id"]
        members = {r["org_id"] for r in demo.rows("group_member") if r["group_id"] == group}
        assert natural_id("organisation", m.code) in members
    assert any(g["group_type"] == "ベンダ" for g in groups)
    assert any(g["group_type"] == "テーマ" for g in groups)


def test_contacts_for_every_organisation(demo: Demo) -> None:
    per_org = Counter(r["org_id"] for r in demo.rows("contact"))
    for m in reference.municipalities():
        assert 1 <= per_org[natural_id("organisation", m.code)] <= 3


# ------------------------------------------------------------------------ dates


def test_visits_fall_on_open_days_within_fy2025(demo: Demo) -> None:
    closed = [date.fromisoformat(r["date"]) for r in demo.rows("closed_day")]
    calendar = OfficeCalendar(closed)
    for v in demo.rows("visit"):
        day = date.fromisoformat(v["date"])
        assert FY_START <= day <= FY_END
        assert calendar.is_open_day(day), (v["date"], calendar.closed_reason(day))
        assert v["start_time"] < v["end_time"]
        assert v["hours"] and v["hours"] > 0


def test_intensive_support_about_ten_days_a_month(demo: Demo) -> None:
    staff_roles = {r["id"]: r["role"] for r in demo.rows("staff")}
    supporters = {r["engagement_id"]: r for r in demo.rows("engagement_supporter")}
    for held in demo.rows("engagement"):
        assert held["fy"] == 2025 and held["target_days"] == 10
        e = {**held, "staff_id": supporters[held["id"]]["staff_id"]}
        assert staff_roles[e["staff_id"]] == "常時支援者"
        start = date.fromisoformat(e["start_date"])
        days = Counter(
            v["date"][:7]
            for v in demo.rows("visit")
            if v["org_id"] == e["org_id"] and v["staff_id"] == e["staff_id"] and v["mode"] == "訪問"
        )
        month = date(start.year, start.month, 1)
        while month <= FY_END:
            assert 7 <= days[f"{month:%Y-%m}"] <= 12, (e["org_id"], month)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def test_trainings_past_are_held_or_cancelled(demo: Demo) -> None:
    trainings = demo.rows("training")
    for t in trainings:
        assert t["date"] <= FY_END.isoformat()
        assert t["status"] in ("実施済み", "中止")
        if t["status"] == "実施済み":
            assert t["participants"] and t["survey_results"]
    assert {t["training_type"] for t in trainings} == {"研修", "ワークショップ", "勉強会"}


def test_a_monthly_report_meeting_every_month(demo: Demo) -> None:
    months = Counter(
        m["date"][:7] for m in demo.rows("meeting") if m["meeting_type"] == "月次報告会"
    )
    assert len(months) == 12 and set(months.values()) == {1}
    assert all(m["minutes"] for m in demo.rows("meeting"))
    # Decisions and open points are child records of each meeting, not free text.
    assert not any(m["decisions"] or m["action_items"] for m in demo.rows("meeting"))
    items = Counter((i["meeting_id"], i["item_type"]) for i in demo.rows("meeting_item"))
    for m in demo.rows("meeting"):
        assert items[(m["id"], "決定事項")] >= 1 and items[(m["id"], "課題事項")] >= 1


def test_the_desk_stage_links_open_points_wishes_and_trainings(demo: Demo) -> None:
    issues = {i["id"]: i for i in demo.rows("issue")}
    raised = [i for i in demo.rows("meeting_item") if i["issue_id"]]
    assert len(raised) >= 3
    for item in raised:  # linked both ways: the item holds the issue, the issue the meeting
        assert item["item_type"] == "課題事項"
        assert issues[item["issue_id"]]["meeting_id"] == item["meeting_id"]
    assert sum(1 for i in issues.values() if i["training_id"]) == 1
    wishes = demo.rows("training_wish")
    assert len(wishes) == 14 and any(w["training_id"] for w in wishes)
    assert {w["preferred_format"] for w in wishes} <= {"オンライン", "対面", "どちらでも"}
    goals = demo.rows("goal")
    assert all(g["indicator"] and g["agreed_on"] for g in goals)
    assert all(p["actions"] and p["achievement"] for p in demo.rows("goal_progress"))
    experts = demo.rows("expert")
    assert any(e["pref_approved"] for e in experts) and not all(e["pref_approved"] for e in experts)
    consults = demo.rows("consultation")
    assert any(c["requested_expert_id"] for c in consults)


def test_goal_progress_every_month(demo: Demo) -> None:
    goals = demo.rows("goal")
    progress = defaultdict(list)
    for p in demo.rows("goal_progress"):
        progress[p["goal_id"]].append((p["month"], p["value"]))
    for g in goals:
        assert g["fy"] == 2025 and g["target_value"] and g["unit"]
        series = sorted(progress[g["id"]])
        months = [m for m, _ in series]
        assert months[0] == "2025-04" and months[-1] == "2026-03" and len(months) == 12
        values = [v for _, v in series]
        assert values == sorted(values)  # cumulative


# ------------------------------------------------------------------------ references


def test_issues_point_at_existing_visits(demo: Demo) -> None:
    visits = {v["id"]: v for v in demo.rows("visit")}
    meetings = {m["id"]: m for m in demo.rows("meeting")}
    trainings = {t["id"]: t for t in demo.rows("training")}
    for i in demo.rows("issue"):
        if i["visit_id"] is None:  # raised at a meeting or a training (the desk stage)
            source = meetings.get(i["meeting_id"]) or trainings[i["training_id"]]
            assert source["date"] == i["raised_on"]
            continue
        visit = visits[i["visit_id"]]
        assert visit["org_id"] == i["org_id"] and visit["date"] == i["raised_on"]
        assert (i["status"] == "完了") == (i["closed_on"] is not None)
        if i["closed_on"]:
            assert i["raised_on"] <= i["closed_on"] <= FY_END.isoformat()
    statuses = Counter(i["status"] for i in demo.rows("issue"))
    assert statuses["完了"] > sum(statuses.values()) / 2 and statuses["対応中"] > 0


def test_consultations_are_coherent(demo: Demo) -> None:
    experts = {e["id"] for e in demo.rows("expert")}
    issues = {i["id"] for i in demo.rows("issue")}
    for c in demo.rows("consultation"):
        assert c["expert_id"] in experts
        assert c["issue_id"] is None or c["issue_id"] in issues
        received = c["received_at"][:10]
        assert FY_START.isoformat() <= received <= FY_END.isoformat()
        assert (c["status"] == "完了") == (c["closed_on"] is not None)
        if c["answered_on"]:
            assert received <= c["answered_on"]
        assert c["minutes_spent"] % 15 == 0


def test_time_entries_follow_the_visits(demo: Demo) -> None:
    visits = {v["id"]: v for v in demo.rows("visit")}
    staff_names = {s["id"]: s["name"] for s in demo.rows("staff")}
    per_day: dict[tuple[str, str], float] = defaultdict(float)
    for t in demo.rows("time"):
        per_day[(t["staff_id"], t["date"])] += t["hours"]
        if t["on_site"]:
            visit = visits[t["visit_id"]]
            assert visit["mode"] == "訪問" and visit["date"] == t["date"]
            assert staff_names[t["staff_id"]] in visit["attendees_ours"]
    assert max(per_day.values()) <= 12
    linked = {t["visit_id"] for t in demo.rows("time") if t["visit_id"]}
    assert set(visits) <= linked  # every visit shows up in someone's hours


# ------------------------------------------------------------------------ standardisation


def test_matrix_covers_every_applicable_cell(demo: Demo) -> None:
    expected = {
        (natural_id("organisation", m.code), s.code)
        for m in reference.municipalities()
        for s in reference.business_systems()
        if reference.system_applies(m.kind, m.welfare_office, s.code)
    }
    expected |= {
        (natural_id("organisation", d.code), d.system_code)
        for d in reference.prefecture_divisions()
    }
    cells = [(r["org_id"], r["system_code"]) for r in demo.rows("system_status")]
    assert len(cells) == len(set(cells)) and set(cells) == expected


def test_step_statuses_are_consistent(demo: Demo) -> None:
    steps: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for s in demo.rows("step_status"):
        steps[(s["org_id"], s["system_code"])][s["step_no"]] = s["status"]
    order = {"完了済み": 0, "作業中": 1, "未着手": 2}
    for cell in demo.rows("system_status"):
        statuses = steps[(cell["org_id"], cell["system_code"])]
        assert sorted(statuses) == list(range(1, 41))
        if cell["live"]:
            assert set(statuses.values()) <= {"完了済み", "対象外"}
            assert statuses[40] == "完了済み"
            assert cell["planned_go_live"] <= FY_END.isoformat()
        else:
            assert statuses[40] != "完了済み"
        # Ignoring 対象外: finished steps, then those in progress, then those not started.
        ranks = [order[s] for _, s in sorted(statuses.items()) if s != "対象外"]
        assert ranks == sorted(ranks)
        if cell["special_support"]:
            assert cell["special_reason"] and cell["special_target"] and not cell["live"]
    matrix = demo.rows("system_status")
    assert 0 < sum(1 for c in matrix if c["special_support"]) < 20
    assert sum(1 for c in matrix if c["live"]) > len(matrix) / 2
    assert any(s == "作業中" for cell in steps.values() for s in cell.values())
    assert any(s == "対象外" for cell in steps.values() for s in cell.values())


def test_past_months_know_the_system_records_of_their_day(demo: Demo) -> None:
    """The system records carry the history a year of use leaves: a past month's matrix
    (rebuilt from the change log) holds each cell's plan and vendor from the day its work
    began, and 運用開始 from its go-live day, so 運用開始 grows month by month as planned."""
    from dxdesk.services.progress import ProgressService, vendor_cells, vendor_names

    s = ProgressService(demo.profile, date(2026, 4, 15))
    rows = demo.rows("system_status")
    counts = []
    for month, end in (("2025-11", "2025-11-30"), ("2026-02", "2026-02-28"), ("2026-03", None)):
        m = s.matrix(month)
        live = {(c.org_id, c.system_code) for c in m.cells.values() if c.live}
        expected = {
            (r["org_id"], r["system_code"])
            for r in rows
            if r["live"] and (end is None or r["planned_go_live"] <= end)
        }
        assert live == expected, month
        counts.append(len(live))
        assert sum(1 for c in m.cells.values() if c.planned_go_live) == len(rows)
        assert sum(1 for c in m.cells.values() if c.special_support) == sum(
            1 for r in rows if r["special_support"]
        )
        assert len(vendor_cells(m, vendor_names(s))) >= len(rows)
    assert 0 < counts[0] < counts[1] < counts[2] == sum(1 for r in rows if r["live"])
    # Later writes follow the newest stamp as before: the demo's own last change is its newest.
    top = demo.profile.database.query("SELECT max(hlc) AS h FROM changes")[0]["h"]
    last = demo.profile.database.query(
        "SELECT hlc FROM changes WHERE device_id = (SELECT device_id FROM changes"
        " ORDER BY dev_seq DESC LIMIT 1) ORDER BY dev_seq DESC LIMIT 1"
    )[0]["hlc"]
    assert last == top


# ------------------------------------------------------------------------ search, guard, determinism


def test_search_finds_japanese_phrases_from_the_notes(demo: Demo) -> None:
    service = RecordService(demo.profile)
    hits = service.search("外字の同定", limit=5000).hits
    assert any(h.kind == "visit" for h in hits)
    visit = next(v for v in demo.rows("visit") if v["notes"] and len(v["notes"]) > 40)
    phrase = visit["notes"][10:22].strip()
    assert visit["id"] in {h.record_id for h in service.search(phrase, limit=5000).hits}


def test_search_on_the_demo_year_folds_spellings_and_lists_each_fact_once(demo: Demo) -> None:
    service = RecordService(demo.profile)

    def found(text: str) -> list[tuple[str, str]]:
        page = service.search(text, limit=5000)
        assert page.remaining == 0 and page.total == len(page.hits)
        return [(h.kind, h.record_id) for h in page.hits]

    for typed, written in (("ＬＧＷＡＮ", "LGWAN"), ("ｶﾞﾊﾞﾒﾝﾄ", "ガバメント"), ("五ケ瀬", "五ヶ瀬")):
        assert found(typed) == found(written) != [], typed
    # The demo's visits come with time entries copying their titles (visit_id set): a visit
    # that matches is listed, its own entries are not.
    hits = found("五ヶ瀬")
    visits = {record_id for k, record_id in hits if k == "visit"}
    entries = {r["id"]: r for r in demo.rows("time")}
    folded = [
        e for e in entries.values() if e["visit_id"] in visits and "五ヶ瀬" in (e["note"] or "")
    ]
    assert folded  # there were entries to leave out
    for k, record_id in hits:
        if k == "time":
            assert entries[record_id]["visit_id"] not in visits


def test_refuses_a_profile_that_already_has_work(demo: Demo) -> None:
    before = _counts(demo.profile)
    with pytest.raises(UserError) as err:
        populate_demo(demo.profile)
    assert err.value.code == "bad_argument"
    assert _counts(demo.profile) == before


def test_same_seed_same_content_other_seed_other_content(demo: Demo, tmp_path: Path) -> None:
    again = _new_profile(tmp_path / "again")
    try:
        populate_demo(again, seed=2025)
        assert _digest(again) == _digest(demo.profile)
    finally:
        again.close(backup=False)
    other = _new_profile(tmp_path / "other", role="field")
    try:
        counts = populate_demo(other, seed=7)
        assert _digest(other) != _digest(demo.profile)
        roles = Counter(r["role"] for r in other.records.select(kind("staff")))
        assert roles["統括責任者"] == 1 and counts["staff"] == 7  # a field owner gets a lead added
    finally:
        other.close(backup=False)


def test_visits_and_consultations_say_the_kind_of_support(demo: Demo) -> None:
    """6(2)ア: every consultation names the kind of support given, visits most of the time
    (a survey or a visit after go-live gives none), and every kind occurs over the year."""
    from dxdesk.core.model import SUPPORT_KINDS

    consultations = Counter(c["support_kind"] for c in demo.rows("consultation"))
    assert None not in consultations
    assert set(consultations) == set(SUPPORT_KINDS) - {"その他"}
    visits = Counter(v["support_kind"] for v in demo.rows("visit"))
    assert set(visits) - {None} <= set(SUPPORT_KINDS)
    assert {"ソリューション提案", "IT調達支援", "スケジュール調整支援", "研修"} <= set(visits)
    assert visits[None] < sum(visits.values()) / 2
    trainings = [v for v in demo.rows("visit") if v["purpose"] == "研修・勉強会"]
    assert trainings and all(v["support_kind"] == "研修" for v in trainings)


def test_proposals_through_the_year_with_their_follow_up(demo: Demo) -> None:
    """6(2)ア: a handful of proposals, each made on a visit to the municipality (its date and
    担当者) or in answer to one of its consultations, in every status, followed up after."""
    from dxdesk.core.model import PROPOSAL_STATUSES, SUPPORT_KINDS

    visits = {v["id"]: v for v in demo.rows("visit")}
    consultations = {c["id"]: c for c in demo.rows("consultation")}
    proposals = demo.rows("proposal")
    assert 8 <= len(proposals) <= 12
    assert {p["status"] for p in proposals} == set(PROPOSAL_STATUSES)
    assert {p["support_kind"] for p in proposals} <= set(SUPPORT_KINDS)
    months = {p["proposed_on"][:7] for p in proposals}
    assert len(months) >= 8
    for p in proposals:
        if p["visit_id"]:
            v = visits[p["visit_id"]]
            assert (v["org_id"], v["date"], v["staff_id"]) == (
                p["org_id"],
                p["proposed_on"],
                p["staff_id"],
            )
        else:
            c = consultations[p["consultation_id"]]
            assert (c["org_id"], c["received_at"][:10]) == (p["org_id"], p["proposed_on"])
        decided = p["status"] in ("採用", "見送り", "検討中")
        assert bool(p["follow_up"]) == decided
        assert p["follow_up_on"] is None or p["follow_up_on"] > p["proposed_on"]
