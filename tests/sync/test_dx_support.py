"""General DX support across laptops (issue 13): stakeholders, milestones, group memberships and
cases attached, added on two laptops at once, all survive the merge; the same month's tool
activity or 管理表 note written on both is one record (keyed kinds), never two, the losing
value kept in the conflict log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.services.engagement_table import EngagementTableService
from dxdesk.services.records import RecordService
from tests.sync.merge_helpers import Device, devices_open, make_templates, visible_state

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")
GOKASE = natural_id("organisation", "454435")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("dx_support"), ["a", "b", "hub"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _sync_all(a: Device, b: Device, hub: Device) -> None:
    hub.pull(a)
    hub.pull(b)
    a.pull(hub)
    b.pull(hub)


def _children(dev: Device, kind_name: str, record_id: str, child: str) -> list[dict[str, object]]:
    return RecordService(dev.profile).children(kind_name, record_id)[child]


def test_additions_on_two_laptops_all_survive(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    engagement = hub.add("engagement", {"org_id": TAKACHIHO, "fy": 2025, "theme": "窓口DX"})
    group = hub.add("group", {"name": "県北西臼杵", "group_type": "生活圏"})
    case = hub.add("case", {"title": "書かない窓口", "municipality": "A町", "theme": "その他"})
    body = hub.add("stakeholder", {"name": "県北ICT協議会", "stakeholder_type": "企業・団体"})
    _sync_all(a, b, hub)
    # Offline on both laptops: each links a stakeholder (B its own new one), adds a milestone,
    # a member of the group and the same case; then both sync.
    ra, rb = RecordService(a.profile), RecordService(b.profile)
    ra.put("engagement_stakeholder", {"engagement_id": engagement, "stakeholder_id": body})
    school = rb.add("stakeholder", {"name": "情報専門学校", "stakeholder_type": "教育機関"})
    rb.put(
        "engagement_stakeholder",
        {"engagement_id": engagement, "stakeholder_id": school.record_id, "role": "実習"},
    )
    ra.add("engagement_milestone", {"engagement_id": engagement, "title": "現状調査の完了"})
    rb.add("engagement_milestone", {"engagement_id": engagement, "title": "試行の開始"})
    ra.set_members("group", group, {HINOKAGE: True})
    rb.set_members("group", group, {GOKASE: True})
    ra.put("engagement_case", {"engagement_id": engagement, "case_id": case})
    rb.put("engagement_case", {"engagement_id": engagement, "case_id": case})
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        linked = _children(dev, "engagement", engagement, "engagement_stakeholder")
        assert {str(r["stakeholder_id"]) for r in linked} == {body, school.record_id}, dev.name
        titles = {
            str(r["title"])
            for r in _children(dev, "engagement", engagement, "engagement_milestone")
        }
        assert titles == {"現状調査の完了", "試行の開始"}, dev.name
        members = _children(dev, "group", group, "group_member")
        assert {str(r["org_id"]) for r in members} == {HINOKAGE, GOKASE}, dev.name
        cases = _children(dev, "engagement", engagement, "engagement_case")
        # Both attached the same case: one record (keyed), not two.
        assert [r["case_id"] for r in cases] == [case], dev.name
    assert visible_state(a) == visible_state(b) == visible_state(hub)
    assert hub.conflicts() == []


def test_one_month_written_on_both_laptops_is_one_record(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    tool = hub.add("comm_tool", {"name": "LoGoチャット"})
    cg = hub.add("comm_group", {"tool_id": tool, "name": "県北"})
    engagement = hub.add(
        "engagement",
        {"org_id": TAKACHIHO, "fy": 2025, "theme": "窓口DX", "start_date": "2025-04-01"},
    )
    staff = str(hub.profile.meta["owner_staff_id"])
    hub.add("engagement_supporter", {"engagement_id": engagement, "staff_id": staff})
    _sync_all(a, b, hub)
    month = {"comm_group_id": cg, "month": "2025-05"}
    RecordService(a.profile).put("comm_activity", {**month, "posts": 120, "active_members": 18})
    RecordService(b.profile).put("comm_activity", {**month, "posts": 125, "active_members": 18})
    note = {"engagement_id": engagement, "staff_id": staff, "month": "2025-05"}
    RecordService(a.profile).put("engagement_month", {**note, "done": "棚卸し"})
    RecordService(b.profile).put("engagement_month", {**note, "done": "棚卸しと試行"})
    _sync_all(a, b, hub)
    # One record each, the same everywhere: the later create won the fields it wrote, and the
    # other laptop's value is in the conflict log (nothing silently lost).
    seen = set()
    for dev in (a, b, hub):
        rows = dev.db.query("SELECT posts, active_members FROM comm_activity")
        assert len(rows) == 1 and rows[0]["active_members"] == 18, dev.name
        table = EngagementTableService(dev.profile).table(engagement, "2025-05")
        assert len(table.rows) == 1, dev.name
        seen.add((rows[0]["posts"], table.rows[0].done))
    assert len(seen) == 1
    ((posts, done),) = seen
    losing = {(c["field"], json.loads(c["losing_value"])) for c in hub.conflicts()}
    assert ("posts", 245 - posts) in losing
    assert ("done", "棚卸し" if done == "棚卸しと試行" else "棚卸しと試行") in losing
    assert visible_state(a) == visible_state(b) == visible_state(hub)
