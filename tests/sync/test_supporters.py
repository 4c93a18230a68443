"""An engagement's 常時支援者 as child records (engagement_supporter): the older single value
becomes the first supporter, written as a change that syncs, and supporters added on two
laptops both survive the merge (store/memberships.py, core/model.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.core.model import key_id, kind
from dxdesk.errors import UserError
from dxdesk.services.records import RecordService
from dxdesk.store import memberships
from dxdesk.sync import merge
from tests.sync.merge_helpers import Device, devices_open, make_templates, visible_state

TAKACHIHO = natural_id("organisation", "454419")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("supporters"), ["a", "b", "hub"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _supporters(dev: Device, engagement: str) -> dict[str, dict[str, object]]:
    rows = RecordService(dev.profile).children("engagement", engagement)
    return {str(r["staff_id"]): r for r in rows["engagement_supporter"]}


def _sync_all(a: Device, b: Device, hub: Device) -> None:
    hub.pull(a)
    hub.pull(b)
    a.pull(hub)
    b.pull(hub)


def test_an_older_engagements_supporter_becomes_a_record_that_syncs(
    devs: dict[str, Device],
) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    staff = str(hub.profile.meta["owner_staff_id"])
    # Written as an older version did: the one supporter in the engagement's own field.
    engagement = hub.add(
        "engagement",
        {"org_id": TAKACHIHO, "fy": 2025, "staff_id": staff, "target_days": 8, "theme": "窓口DX"},
    )
    a.pull(hub)
    with hub.db.transaction():
        assert memberships.reconcile(hub.profile.records) == {"engagement_supporter": 1}
        assert memberships.reconcile(hub.profile.records) == {}
    held = _supporters(hub, engagement)
    assert set(held) == {staff}
    row = held[staff]
    assert row["id"] == key_id(kind("engagement_supporter"), row)
    assert (row["from_date"], row["to_date"]) == (None, None)  # the engagement's period
    # Nothing lost: the older field keeps its value for older versions, the rest untouched.
    record = hub.get("engagement", engagement)
    assert record is not None and record["staff_id"] == staff and record["target_days"] == 8
    # A synced write: the supporter travels as a change and arrives elsewhere as the same record.
    sent = [c for c in merge.changes_since(hub.db, {}) if c.kind == "engagement_supporter"]
    assert [c.record_id for c in sent] == [row["id"]]
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        assert set(_supporters(dev, engagement)) == {staff}, dev.name
    # Laptop A reconciles the same older value on its own: one record, no conflict.
    with a.db.transaction():
        memberships.reconcile(a.profile.records)
    _sync_all(a, b, hub)
    assert hub.db.query("SELECT count(*) AS n FROM engagement_supporter")[0]["n"] == 1
    assert hub.conflicts() == []
    assert visible_state(a) == visible_state(b) == visible_state(hub)


def test_two_laptops_each_adding_a_supporter_both_keep_theirs(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    engagement = hub.add("engagement", {"org_id": TAKACHIHO, "fy": 2025, "theme": "窓口DX"})
    a_staff = a.add("staff", {"name": "平川 一郎", "role": "常時支援者"})
    b_staff = b.add("staff", {"name": "黒木 花子", "role": "常時支援者"})
    _sync_all(a, b, hub)
    RecordService(a.profile).put(
        "engagement_supporter",
        {
            "engagement_id": engagement,
            "staff_id": a_staff,
            "dedicated": True,
            "to_date": "2025-09-30",
        },
    )
    RecordService(b.profile).put(
        "engagement_supporter",
        {"engagement_id": engagement, "staff_id": b_staff, "from_date": "2025-10-01"},
    )
    _sync_all(a, b, hub)
    for dev in (a, b, hub):
        held = _supporters(dev, engagement)
        assert set(held) == {a_staff, b_staff}, dev.name
        assert held[a_staff]["dedicated"] is True and held[b_staff]["from_date"] == "2025-10-01"
    assert visible_state(a) == visible_state(b) == visible_state(hub)
    assert hub.conflicts() == []


def test_the_older_field_is_refused_from_a_user(devs: dict[str, Device]) -> None:
    service = RecordService(devs["hub"].profile)
    staff = str(devs["hub"].profile.meta["owner_staff_id"])
    with pytest.raises(UserError) as refused:
        service.add("engagement", {"org_id": TAKACHIHO, "fy": 2025, "staff_id": staff})
    assert refused.value.code == "field_replaced" and "engagement_supporter" in str(refused.value)
