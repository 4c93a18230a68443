"""Memberships as records: concurrent additions both survive, older lists become records,
children follow their parent (store/memberships.py, core/model.py parent and key)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.core.model import kind
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.records import RecordService
from dxdesk.store import memberships
from dxdesk.sync import merge
from tests.sync.merge_helpers import Device, devices_open, make_templates, visible_state

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")
GOKASE = natural_id("organisation", "454435")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("members"), ["a", "b", "hub"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _members(dev: Device, group: str) -> set[str]:
    return {
        str(r["org_id"])
        for r in RecordService(dev.profile).children("group", group)["group_member"]
    }


def _sync_all(a: Device, b: Device, hub: Device) -> None:
    hub.pull(a)
    hub.pull(b)
    a.pull(hub)
    b.pull(hub)


def test_two_additions_on_two_laptops_both_survive(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    group = hub.add("group", {"name": "西臼杵連携", "group_type": "生活圏"})
    a.pull(hub)
    b.pull(hub)
    RecordService(a.profile).set_members("group", group, {"高千穂町": True, "五ヶ瀬町": True})
    RecordService(b.profile).set_members("group", group, {"日之影町": True, "高千穂町": True})
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        assert _members(dev, group) == {TAKACHIHO, HINOKAGE, GOKASE}
        rows = dev.db.query("SELECT count(*) AS n FROM group_member")
        assert rows[0]["n"] == 3  # 高千穂町 once, though both added it
    assert visible_state(a) == visible_state(b) == visible_state(hub)
    # A removal on each laptop, of different members: both hold after the merge.
    RecordService(a.profile).set_members("group", group, {"五ヶ瀬町": False})
    RecordService(b.profile).set_members("group", group, {"日之影町": False})
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        assert _members(dev, group) == {TAKACHIHO}
    assert visible_state(a) == visible_state(b) == visible_state(hub)


def test_an_older_versions_list_becomes_memberships_and_a_removal_stands(
    devs: dict[str, Device],
) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    g = kind("group")
    # Written as an older version did: names typed on the command line, one unknown.
    with hub.db.transaction():
        group = hub.profile.records.insert(
            g,
            {
                "name": "西臼杵連携",
                "group_type": "生活圏",
                "members": ["高千穂町", "日之影町", "存在しない町"],
                "description": None,
            },
        ).record_id
    a.pull(hub)
    with hub.db.transaction():
        assert memberships.reconcile(hub.profile.records) == {"group_member": 2}
        assert memberships.reconcile(hub.profile.records) == {}
    assert _members(hub, group) == {TAKACHIHO, HINOKAGE}
    # The hub removes 日之影町; laptop A reconciles the old list later, on its own.
    RecordService(hub.profile).set_members("group", group, {"日之影町": False})
    with a.db.transaction():
        assert memberships.reconcile(a.profile.records) == {"group_member": 2}
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        assert _members(dev, group) == {TAKACHIHO}, dev.name
    # The unknown name is kept where it was written.
    record = hub.get("group", group)
    assert record is not None and "存在しない町" in record["members"]


def test_references_by_name_and_refused_retired_fields(devs: dict[str, Device]) -> None:
    service = RecordService(devs["hub"].profile)
    group = service.add("group", {"name": "西臼杵連携", "group_type": "生活圏"}).record_id
    made = service.add("group_member", {"group_id": "西臼杵連携", "org_id": "高千穂町"})
    record = service.get("group_member", made.record_id)
    assert (record["group_id"], record["org_id"]) == (group, TAKACHIHO)
    with pytest.raises(ValidationError) as err:
        service.add("group_member", {"group_id": "ない連携", "org_id": "高千穂町"})
    assert "「ない連携」というグループが見つかりません" in str(err.value)
    with pytest.raises(UserError) as refused:
        service.add("group", {"name": "x", "group_type": "生活圏", "members": "高千穂町"})
    assert refused.value.code == "field_replaced" and "group_member" in str(refused.value)


def test_children_follow_their_parent(devs: dict[str, Device]) -> None:
    hub = devs["hub"]
    service = RecordService(hub.profile)
    issue = service.add(
        "issue", {"org_id": "高千穂町", "title": "共同利用の調整", "status": "対応中"}
    ).record_id
    service.set_members("issue", issue, {"日之影町": True})
    assert len(service.list_records("related_org")) == 1
    service.delete("issue", issue)
    assert service.list_records("related_org") == []
    service.restore("issue", issue)
    assert len(service.list_records("related_org")) == 1
    # Scope: the issue is 高千穂町's, so its related organisation goes where the issue goes.
    related = {c.record_id for c in merge.changes_since(hub.db, {}) if c.kind == "related_org"}
    to_gokase = merge.changes_since(hub.db, {}, scope=[GOKASE])
    assert related and not related & {c.record_id for c in to_gokase}
    to_takachiho = merge.changes_since(hub.db, {}, scope=[TAKACHIHO])
    assert related <= {c.record_id for c in to_takachiho}
    payloads = [json.loads(c.payload) for c in merge.changes_since(hub.db, {})]
    assert any(p.get("issue_id") == issue for p in payloads)
