"""Records whose identity is their content: derived ids, one record per key after any merge,
older random-id records folded in (store/naturalkeys.py, sync/merge.py)."""

from __future__ import annotations

import dataclasses
import itertools
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxdesk.core.hlc import MAX_AHEAD_MS, Timestamp
from dxdesk.core.ids import natural_id, new_id
from dxdesk.core.model import KINDS, FieldType, key_id, kind, validate
from dxdesk.errors import UserError
from dxdesk.services.records import RecordService
from dxdesk.store import naturalkeys
from dxdesk.sync import merge
from tests.sync.merge_helpers import (
    Device,
    devices_open,
    effective_clocks,
    make_templates,
    visible_state,
)

TAKACHIHO = natural_id("organisation", "454419")
STEP = {"org_id": TAKACHIHO, "system_code": "01", "step_no": 12}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("keys"), ["a", "b", "old", "hub"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _cell(dev: Device, status: str, note: str | None = None) -> str:
    return dev.add("step_status", {**STEP, "status": status, "note": note})


def _as_old_version(dev: Device) -> None:
    """A laptop still on the version before natural keys: no key indexes, random ids."""
    with dev.db.transaction() as conn:
        for k in naturalkeys.KEYED:
            conn.execute(f"DROP INDEX {k.name}_key")


def _old_insert(dev: Device, kind_name: str, values: dict[str, Any]) -> str:
    k = dataclasses.replace(kind(kind_name), key=())
    with dev.db.transaction():
        return dev.profile.records.insert(k, validate(k, values)).record_id


def _old_update(dev: Device, kind_name: str, record_id: str, values: dict[str, Any]) -> None:
    k = dataclasses.replace(kind(kind_name), key=())
    with dev.db.transaction():
        dev.profile.records.update(k, record_id, validate(k, values, partial=True))


def _cells(dev: Device) -> list[dict[str, Any]]:
    return dev.db.query("SELECT * FROM step_status WHERE system_code = '01' AND step_no = 12")


# ---------------------------------------------------------------- the model


def test_keyed_kinds_and_their_rules() -> None:
    keyed = {k.name: k.key for k in KINDS if k.key}
    assert keyed == {
        "system_status": ("org_id", "system_code"),
        "step_status": ("org_id", "system_code", "step_no"),
        "goal_progress": ("goal_id", "month"),
        "group_member": ("group_id", "org_id"),
        "training_participant": ("training_id", "org_id"),
        "related_org": ("issue_id", "org_id"),
        "consultation_related_org": ("consultation_id", "org_id"),
        "engagement_supporter": ("engagement_id", "staff_id"),
        "document_form": ("doc_kind",),
        # General DX support (issue 13).
        "engagement_stakeholder": ("engagement_id", "stakeholder_id"),
        "engagement_month": ("engagement_id", "staff_id", "month"),
        "engagement_case": ("engagement_id", "case_id"),
        "consultation_case": ("consultation_id", "case_id"),
        "comm_account": ("tool_id", "org_id"),
        "comm_activity": ("comm_group_id", "month"),
        "report_template": ("document",),
        "report_section": ("document", "section"),
        "report_note": ("month", "section"),
    }
    for k in KINDS:
        for name in k.key:
            assert k.field(name).required, f"{k.name}.{name}: a key field is required"
        for f in k.fields:
            # Folding older records into the keyed one changed their ids: nothing may point
            # at a keyed record by id.
            assert not (f.type == FieldType.REF and f.ref in keyed), f"{k.name}.{f.name}"


def test_the_id_is_the_key() -> None:
    k = kind("step_status")
    one = key_id(k, STEP)
    assert one == key_id(k, {**STEP, "step_no": 12.0, "status": "作業中"})
    assert one != key_id(k, {**STEP, "step_no": 13})
    assert one is not None and naturalkeys.is_derived(one)
    assert not naturalkeys.is_derived(new_id())
    assert key_id(k, {**STEP, "step_no": None}) is None


# ---------------------------------------------------------------- writes on one device


def test_add_of_a_held_key_is_refused_with_the_way_to_change_it(devs: dict[str, Device]) -> None:
    a = devs["a"]
    rid = _cell(a, "作業中")
    assert rid == key_id(kind("step_status"), STEP)
    with pytest.raises(UserError) as err:
        _cell(a, "完了済み")
    assert err.value.code == "record_key_exists"
    assert "高千穂町" in str(err.value) and f"dxdesk edit step_status {rid}" in str(err.value)
    a.delete("step_status", rid)
    with pytest.raises(UserError) as err:
        _cell(a, "完了済み")
    assert err.value.code == "record_key_deleted" and "dxdesk undelete" in str(err.value)


def test_key_fields_cannot_be_edited(devs: dict[str, Device]) -> None:
    a = devs["a"]
    rid = _cell(a, "作業中")
    with pytest.raises(UserError) as err:
        a.edit("step_status", rid, {"step_no": 13})
    assert err.value.code == "key_field_fixed"
    assert a.edit("step_status", rid, {"status": "完了済み"})


def test_put_creates_updates_and_brings_back(devs: dict[str, Device]) -> None:
    service = RecordService(devs["a"].profile)
    given = {"org_id": "高千穂町", "system_code": "住民記録", "step_no": "12"}
    created = service.put("step_status", {**given, "status": "作業中"})
    assert created is not None and created.op == "create"
    rid = created.record_id
    assert rid == key_id(kind("step_status"), STEP)
    updated = service.put("step_status", {**given, "status": "完了済み", "note": "移行済"})
    assert updated is not None and (updated.op, updated.record_id) == ("update", rid)
    assert service.put("step_status", {**given, "status": "完了済み"}) is None
    service.delete("step_status", rid)
    back = service.put("step_status", {**given, "note": "再開"})
    record = service.get("step_status", rid)
    assert back is not None and not record["_deleted"]
    assert (record["status"], record["note"]) == ("完了済み", "再開")
    with pytest.raises(UserError):
        service.put("step_status", {"org_id": "高千穂町", "status": "作業中"})
    with pytest.raises(UserError):
        service.put("visit", {"title": "x"})


# ---------------------------------------------------------------- two devices, one key


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_the_same_key_created_offline_on_two_devices_is_one_record(
    devs: dict[str, Device], order: str
) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _cell(a, "作業中", "ベンダと日程調整中")
    assert _cell(b, "完了済み") == rid
    first, second = (a, b) if order == "ab" else (b, a)
    hub.pull(first)
    hub.pull(second)
    a.pull(hub)
    b.pull(hub)
    for dev in (a, b, hub):
        cells = _cells(dev)
        assert [c["id"] for c in cells] == [rid]
    assert visible_state(a) == visible_state(b) == visible_state(hub)
    # The later create won the fields it wrote; what the other wrote is in the conflict log.
    winner = hub.get("step_status", rid)
    assert winner is not None
    losing = {(c["field"], json.loads(c["losing_value"])) for c in hub.conflicts()}
    assert winner["status"] in ("作業中", "完了済み")
    other = "作業中" if winner["status"] == "完了済み" else "完了済み"
    assert ("status", other) in losing
    if winner["note"] is None:
        assert ("note", "ベンダと日程調整中") in losing


@pytest.mark.parametrize("stamped", ["now", "days_ahead"])
def test_edits_held_before_recording_the_same_cell_are_merged(
    devs: dict[str, Device], stamped: str
) -> None:
    # Laptop B gets the hub's edit of A's cell before the cell's create (the hub's earlier
    # bundle is late), then records the same cell itself: to B it is new. The edit B held
    # must still be merged once the create arrives, as everywhere else: its values in B's
    # conflict log, and an edit stamped days ahead (a wrong clock) winning as it does on the
    # hub. Found by tests/sync/test_convergence_keys.py (sync/merge.py _orphan_candidates).
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _cell(a, "未着手")
    hub.pull(a)
    values = {"status": "作業中", "note": "統括の記録"}
    if stamped == "now":
        assert hub.edit("step_status", rid, values)
        edit = [c for c in b.missing_from(hub) if c.kind == "step_status" and c.op == "update"]
    else:
        far = Timestamp(time.time_ns() // 1_000_000 + 3 * MAX_AHEAD_MS, 0).encode()
        payload = json.dumps({**values, "_base": effective_clocks(a, "step_status", rid)})
        edit = [
            merge.Change(
                "0190a000-0000-7000-8000-000000000003",
                1,
                far,
                "step_status",
                rid,
                "update",
                payload,
            )
        ]
        hub.receive(edit)
    assert len(edit) == 1
    b.receive(edit)
    assert _cells(b) == []  # held, waiting for its create
    assert _cell(b, "完了済み") == rid
    b.pull(hub)  # the create arrives
    hub.pull(b)
    a.pull(hub)
    states = [
        {k: v for k, v in visible_state(d).items() if k.startswith("step_status/")}
        for d in (a, b, hub)
    ]
    assert states[0] == states[1] == states[2]
    cell = b.get("step_status", rid)
    assert cell is not None
    if stamped == "now":
        assert (cell["status"], cell["note"]) == ("完了済み", None)  # B recorded it last
        for d in (b, hub):
            losing = {(c["field"], json.loads(c["losing_value"])) for c in d.conflicts()}
            assert {("status", "作業中"), ("note", "統括の記録")} <= losing, d.name
    else:
        assert (cell["status"], cell["note"]) == ("作業中", "統括の記録")


# ---------------------------------------------------------------- an older version's records


def test_an_older_versions_cells_are_folded_into_the_keyed_record(devs: dict[str, Device]) -> None:
    old, hub, b = devs["old"], devs["hub"], devs["b"]
    _as_old_version(old)
    legacy = _old_insert(old, "step_status", {**STEP, "status": "未着手", "note": "旧版で記録"})
    assert not naturalkeys.is_derived(legacy)
    rid = _cell(hub, "作業中")
    hub.pull(old)
    assert [c["id"] for c in _cells(hub)] == [rid]
    # The older laptop goes on editing its own cell: the edit lands on the one cell.
    _old_update(old, "step_status", legacy, {"note": "旧版で追記"})
    # An edit of a key field cannot move the cell; the value it wrote is kept in the log.
    _old_update(old, "step_status", legacy, {"step_no": 13})
    hub.pull(old)
    cell = hub.get("step_status", rid)
    assert cell is not None and cell["note"] == "旧版で追記" and cell["step_no"] == 12
    assert hub.get("step_status", legacy) == cell  # the older id still finds it
    moved = [c for c in hub.conflicts() if c["field"] == "step_no"]
    assert [json.loads(c["losing_value"]) for c in moved] == [13]
    history = hub.profile.records.history(kind("step_status"), rid)
    assert {h["op"] for h in history} == {"create", "update"} and len(history) == 4
    # A third device that gets it all from the hub, in one go, holds the same.
    b.pull(hub)
    assert visible_state(b)[f"step_status/{rid}"] == visible_state(hub)[f"step_status/{rid}"]
    assert [c["id"] for c in _cells(b)] == [rid]


def test_an_older_edit_arriving_before_its_create_is_replayed(devs: dict[str, Device]) -> None:
    old, hub = devs["old"], devs["hub"]
    _as_old_version(old)
    rid = _cell(hub, "完了済み")  # earlier than the older laptop's writes: they win
    legacy = _old_insert(old, "step_status", {**STEP, "status": "未着手"})
    _old_update(old, "step_status", legacy, {"status": "作業中", "note": "後から"})
    changes = merge.changes_since(old.db, merge.state_vector(hub.db))
    create, update = sorted(changes, key=lambda c: c.dev_seq)[-2:]
    assert (create.op, update.op) == ("create", "update")
    hub.receive([update])
    assert hub.get("step_status", rid)["note"] is None  # type: ignore[index]
    hub.receive([create])
    cell = hub.get("step_status", rid)
    assert cell is not None and (cell["status"], cell["note"]) == ("作業中", "後から")
    assert [c["id"] for c in _cells(hub)] == [rid]


def test_every_delivery_order_gives_the_same_records(devs: dict[str, Device]) -> None:
    a, old, hub = devs["a"], devs["old"], devs["hub"]
    _as_old_version(old)
    legacy = _old_insert(old, "step_status", {**STEP, "status": "未着手", "note": "旧"})
    _old_update(old, "step_status", legacy, {"status": "作業中"})
    _cell(a, "完了済み", "新")
    changes = [
        *merge.changes_since(old.db, merge.state_vector(hub.db)),
        *merge.changes_since(a.db, merge.state_vector(hub.db)),
    ]
    mine = [c for c in changes if c.kind == "step_status"]
    others = [c for c in changes if c.kind != "step_status"]
    hub.receive(others)
    base = hub.db.path.read_bytes()
    results = set()
    for perm in itertools.permutations(mine):
        with hub.db.transaction():
            summary = merge.apply(hub.db, perm)
        assert summary.changes == len(mine)
        state = {k: v for k, v in visible_state(hub).items() if k.startswith("step_status/")}
        conflicts = tuple(
            (c["field"], c["losing_value"]) for c in hub.conflicts() if c["kind"] == "step_status"
        )
        results.add((json.dumps(state, sort_keys=True), tuple(sorted(conflicts))))
        with hub.db.transaction() as conn:  # back to the state before, for the next order
            conn.execute("DELETE FROM step_status")
            conn.execute("DELETE FROM record_aliases")
            conn.execute("DELETE FROM conflicts")
            for c in mine:
                conn.execute(
                    "DELETE FROM changes WHERE device_id = ? AND dev_seq = ?",
                    (c.device_id, c.dev_seq),
                )
    assert base  # the profile was real
    assert len(results) == 1, results
