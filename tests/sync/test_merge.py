"""Merge rules, one at a time, on real encrypted profiles (sync/merge.py, sync/conflicts.py)."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxdesk.core.hlc import MAX_AHEAD_MS, Timestamp
from dxdesk.errors import UserError
from dxdesk.store.records import RecordStore
from dxdesk.sync import merge
from dxdesk.sync.conflicts import get_conflict, list_conflicts, restore_conflict
from tests.conftest import tree_digest
from tests.sync.merge_helpers import (
    Device,
    devices_open,
    effective_clocks,
    make_templates,
    open_devices,
    shuffled,
    visible_state,
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("merge"), ["a", "b", "hub"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _vendor(dev: Device, name: str = "九州システム") -> str:
    return dev.add("vendor", {"name": name, "contact": "0985-00-0000"})


def _concurrent(a: Device, b: Device, name: str, value_a: str, value_b: str) -> str:
    """A vendor both devices hold, then edited on each without the other knowing."""
    rid = _vendor(a)
    b.pull(a)
    a.edit("vendor", rid, {name: value_a})
    b.edit("vendor", rid, {name: value_b})
    return rid


def _sync(x: Device, y: Device) -> None:
    x.pull(y)
    y.pull(x)


# ---------------------------------------------------------------- change log


def test_state_vector_and_changes_since(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    before = merge.state_vector(a.db)
    assert a.device_id not in before  # the copies share only the template's history
    rid = _vendor(a)
    a.edit("vendor", rid, {"notes": "初回"})
    sv = merge.state_vector(a.db)
    assert sv[a.device_id] == 2
    missing = b.missing_from(a)
    assert [(c.device_id, c.dev_seq) for c in missing] == [(a.device_id, 1), (a.device_id, 2)]
    assert [c.op for c in missing] == ["create", "update"]
    assert list(merge.changes_since(a.db, sv)) == []


def test_apply_keeps_original_numbers_and_can_forward(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _vendor(a)
    hub.pull(a)
    stored = hub.db.query(
        "SELECT device_id, dev_seq, payload FROM changes WHERE record_id = ?", (rid,)
    )
    assert [(r["device_id"], r["dev_seq"]) for r in stored] == [(a.device_id, 1)]
    # b never met a: the hub relays a's change under a's own numbers
    b.pull(hub)
    assert merge.state_vector(b.db)[a.device_id] == 1
    assert b.get("vendor", rid)["name"] == "九州システム"  # type: ignore[index]
    assert merge.digest(a.db) == merge.digest(b.db) == merge.digest(hub.db)


def test_applying_twice_changes_nothing(devs: dict[str, Device]) -> None:
    a, hub = devs["a"], devs["hub"]
    rid = _vendor(a)
    a.edit("vendor", rid, {"notes": "メモ"})
    changes = list(merge.changes_since(a.db, {}))
    first = hub.receive(changes)
    assert first.counts("vendor").new == 1 and first.counts("vendor").updated == 1
    state, digest = visible_state(hub), merge.digest(hub.db)
    count = hub.db.query("SELECT count(*) AS n FROM changes")[0]["n"]
    again = hub.receive(changes + changes)
    assert again.changes == 0
    assert again.duplicates == 2 * len(changes)
    assert again.kinds == {}
    assert visible_state(hub) == state and merge.digest(hub.db) == digest
    assert hub.db.query("SELECT count(*) AS n FROM changes")[0]["n"] == count


def test_order_of_arrival_does_not_matter(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _vendor(a)
    _sync(a, b)
    a.edit("vendor", rid, {"notes": "Aのメモ", "contact": "A"})
    b.edit("vendor", rid, {"notes": "Bのメモ"})
    a.delete("vendor", rid)
    b.edit("vendor", rid, {"reading": "きゅうしゅう"})
    everything = list(merge.changes_since(a.db, {})) + list(merge.changes_since(b.db, {}))
    hub.receive(shuffled(everything, 1))
    b.receive(shuffled(everything, 2))
    a.receive(list(reversed(everything)))
    assert visible_state(a) == visible_state(b) == visible_state(hub)
    assert merge.digest(a.db) == merge.digest(b.db) == merge.digest(hub.db)


# ---------------------------------------------------------------- last writer wins per field


def test_sequential_edits_on_two_devices_do_not_conflict(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    b.edit("vendor", rid, {"notes": "Bが追記"})
    a.pull(b)
    a.edit("vendor", rid, {"notes": "Aがさらに修正"})
    b.pull(a)
    assert a.conflicts() == [] and b.conflicts() == []
    assert b.get("vendor", rid)["notes"] == "Aがさらに修正"  # type: ignore[index]


def test_concurrent_edits_of_one_field_keep_the_loser(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _concurrent(a, b, "notes", "Aの値", "Bの値")
    clocks = {d.name: effective_clocks(d, "vendor", rid)["notes"] for d in (a, b)}
    winner = max(clocks, key=lambda n: clocks[n])  # later HLC, then device id
    loser = "a" if winner == "b" else "b"
    summary = a.pull(b)
    b.pull(a)
    values = {"a": "Aの値", "b": "Bの値"}
    for d in (a, b):
        assert d.get("vendor", rid)["notes"] == values[winner]  # type: ignore[index]
        [c] = d.conflicts()
        assert (c["field"], json.loads(c["losing_value"])) == ("notes", values[loser])
        assert f"{c['losing_hlc']}@{c['losing_device']}" == clocks[loser]
        assert f"{c['winning_hlc']}@{c['winning_device']}" == clocks[winner]
    assert summary.counts("vendor").conflicts == 1
    assert a.conflicts()[0]["id"] == b.conflicts()[0]["id"]  # same id everywhere


def test_equal_hlc_is_decided_by_device_id(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    assert b.missing_from(a) == []
    # Two hand-made concurrent writes with the same HLC: the greater device id wins.
    base = json.dumps({"*": effective_clocks(a, "vendor", rid)["name"]})
    hlc = Timestamp(9_999_999_999_999, 0).encode()
    low, high = sorted(["device-1", "device-2"])
    writes = [
        merge.Change(dev, 1, hlc, "vendor", rid, "update", f'{{"notes":"{dev}","_base":{base}}}')
        for dev in (low, high)
    ]
    a.receive(writes)
    b.receive(list(reversed(writes)))
    for d in (a, b):
        assert d.get("vendor", rid)["notes"] == high  # type: ignore[index]
        assert [json.loads(c["losing_value"]) for c in d.conflicts()] == [low]


def test_edits_to_different_fields_never_conflict(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    a.edit("vendor", rid, {"notes": "Aのメモ"})
    b.edit("vendor", rid, {"contact": "0985-11-1111", "products": ["住基", "税務"]})
    _sync(a, b)
    for d in (a, b):
        v = d.get("vendor", rid)
        assert v is not None
        assert (v["notes"], v["contact"], v["products"]) == (
            "Aのメモ",
            "0985-11-1111",
            ["住基", "税務"],
        )
        assert d.conflicts() == []


def test_local_unsent_work_is_never_wiped(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    a.edit("vendor", rid, {"notes": "Aの未送信の記録"})  # a has not exported this yet
    b.edit("vendor", rid, {"notes": "Bの記録"})
    # Make b's write the later one whatever the wall clock did: b edits again after a.
    b.profile.records.clock.observe(
        Timestamp.decode(effective_clocks(a, "vendor", rid)["notes"][:22])
    )
    b.edit("vendor", rid, {"notes": "Bの記録（後）"})
    a.pull(b)
    assert a.get("vendor", rid)["notes"] == "Bの記録（後）"  # type: ignore[index]
    [c] = list_conflicts(a.db)
    assert c.losing_value == "Aの未送信の記録" and c.current_value == "Bの記録（後）"
    # and the unsent change itself is still in a's log, ready for the next export
    assert any("Aの未送信の記録" in ch.payload for ch in merge.changes_since(a.db, {}))


# ---------------------------------------------------------------- delete against edit


def test_delete_wins_and_the_concurrent_edit_is_recoverable(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _vendor(a)
    _sync(a, b)
    a.delete("vendor", rid)
    b.edit("vendor", rid, {"notes": "削除を知らずに追記"})
    for order in ((a, b), (b, a)):
        for src in order:
            hub.pull(src)
    _sync(a, hub)
    _sync(b, hub)
    for d in (a, b, hub):
        v = d.get("vendor", rid)
        assert v is not None and v["_deleted"] is True
        assert v["notes"] == "削除を知らずに追記"  # kept on the hidden record
        [c] = list_conflicts(d.db)
        assert (c.field, c.losing_value, c.current_value) == ("_deleted", False, True)
    # one click on the hub brings it back, as a change that syncs
    [c] = list_conflicts(hub.db)
    change = restore_conflict(hub.db, c.id[:8], store=hub.profile.records)
    assert change is not None and change.op == "restore"
    assert list_conflicts(hub.db) == []
    assert get_conflict(hub.db, c.id).resolved_at is not None
    a.pull(hub)
    assert a.get("vendor", rid)["_deleted"] is False  # type: ignore[index]
    assert a.get("vendor", rid)["notes"] == "削除を知らずに追記"  # type: ignore[index]


def test_edit_after_seeing_the_delete_and_restore_is_no_conflict(
    devs: dict[str, Device],
) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    a.delete("vendor", rid)
    b.pull(a)
    b.restore("vendor", rid)
    b.edit("vendor", rid, {"notes": "復元して追記"})
    a.pull(b)
    assert a.get("vendor", rid)["_deleted"] is False  # type: ignore[index]
    assert a.conflicts() == [] and b.conflicts() == []


def test_restore_a_losing_value_syncs_as_a_new_change(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _concurrent(a, b, "contact", "A", "B")
    _sync(a, b)
    [c] = list_conflicts(a.db)
    before = merge.state_vector(a.db)[a.device_id]
    restore_conflict(a.db, c.id, store=a.profile.records)
    assert a.get("vendor", rid)["contact"] == c.losing_value  # type: ignore[index]
    assert merge.state_vector(a.db)[a.device_id] == before + 1
    b.pull(a)
    assert b.get("vendor", rid)["contact"] == c.losing_value  # type: ignore[index]
    assert visible_state(a) == visible_state(b)
    # b's entry for that value is still in its log, but nothing is left to restore there
    assert list_conflicts(b.db) == []
    assert [x.id for x in list_conflicts(b.db, include_resolved=True)] == [c.id]
    with pytest.raises(UserError):
        get_conflict(a.db, "zz")


# ---------------------------------------------------------------- out of order, gaps, plan


def test_update_before_create_is_held_then_merged(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    rid = _vendor(a)
    b.pull(a)
    b.edit("vendor", rid, {"notes": "Bが先に届く"})
    [edit] = [c for c in merge.changes_since(b.db, {}) if c.device_id == b.device_id]
    summary = hub.receive([edit])
    assert summary.changes == 1
    assert hub.get("vendor", rid) is None  # its create has not arrived
    hub.pull(a)
    assert hub.get("vendor", rid)["notes"] == "Bが先に届く"  # type: ignore[index]
    assert hub.conflicts() == []
    assert merge.digest(hub.db) == merge.digest(b.db)


def test_gaps_are_reported_and_resent(devs: dict[str, Device]) -> None:
    a, hub = devs["a"], devs["hub"]
    ids = [_vendor(a, f"ベンダ{i}") for i in range(4)]
    changes = [c for c in merge.changes_since(a.db, {}) if c.device_id == a.device_id]
    late = [changes[0], changes[3]]
    p = merge.plan(hub.db, late)
    assert p.gaps == {a.device_id: [(2, 3)]}
    summary = hub.receive(late)
    assert summary.gaps == {a.device_id: [(2, 3)]}
    assert merge.state_vector(hub.db)[a.device_id] == 1  # resend from the gap
    assert hub.get("vendor", ids[3]) is not None  # merged anyway
    summary = hub.pull(a)
    assert summary.changes == 2 and summary.duplicates == 1 and summary.gaps == {}
    assert merge.state_vector(hub.db)[a.device_id] == 4
    assert merge.digest(hub.db) == merge.digest(a.db)


def test_plan_writes_nothing_and_predicts_apply(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    a.edit("vendor", rid, {"notes": "A"})
    a.delete("vendor", _vendor(a, "別のベンダ"))
    kept = _vendor(a, "三つ目のベンダ")
    b.edit("vendor", rid, {"notes": "B"})
    incoming = b.missing_from(a)
    files = tree_digest(b.profile.paths.root)
    state, log = visible_state(b), b.db.query("SELECT * FROM changes")
    schema = b.db.query("SELECT * FROM sqlite_master ORDER BY name")
    p = merge.plan(b.db, incoming + incoming[:1])
    assert visible_state(b) == state and b.db.query("SELECT * FROM changes") == log
    assert b.conflicts() == []
    assert b.db.query("SELECT * FROM sqlite_master ORDER BY name") == schema  # search triggers
    assert tree_digest(b.profile.paths.root) == files  # not a byte reached the disk
    with b.db.transaction():  # inside the caller's transaction, a savepoint is rolled back
        assert merge.plan(b.db, incoming + incoming[:1]).as_dict() == p.as_dict()
        assert b.db.query("SELECT * FROM changes") == log
    s = b.receive(incoming + incoming[:1])
    assert p.as_dict() == s.as_dict()
    # A's note lost to B's later one: nothing changed here, so the import counts no update.
    # 別のベンダ arrives created and deleted: stored as a tombstone, counted as nothing.
    assert (s.counts("vendor").new, s.counts("vendor").updated) == (1, 0)
    assert (s.counts("vendor").deleted, s.counts("vendor").conflicts) == (0, 1)
    assert b.db.query("SELECT _deleted FROM vendor WHERE name = '別のベンダ'") == [{"_deleted": 1}]
    assert s.duplicates == 1
    # The search index follows an apply (plan had set its triggers aside): the new vendor is
    # in it; the one that arrived deleted is not (the index holds live records only).
    found = b.db.query(
        "SELECT rowid FROM fts_vendor WHERE fts_vendor MATCH ?", ('"三つ目のベンダ"',)
    )
    [row] = b.db.query("SELECT rid FROM vendor WHERE id = ?", (kept,))
    assert [r["rowid"] for r in found] == [row["rid"]]
    gone = b.db.query("SELECT rowid FROM fts_vendor WHERE fts_vendor MATCH ?", ('"別のベンダ"',))
    assert gone == []


def test_import_moves_the_local_clock_past_the_remote_one(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    future = Timestamp(
        Timestamp.decode(effective_clocks(a, "vendor", rid)["name"][:22]).wall_ms + 3_600_000, 5
    ).encode()
    base = json.dumps(effective_clocks(a, "vendor", rid))
    b.pull(a)
    payload = f'{{"notes":"未来から","_base":{base}}}'
    s = b.receive([merge.Change("device-z", 1, future, "vendor", rid, "update", payload)])
    assert s.ahead == 0  # an hour of skew is ordinary
    assert b.profile.records.clock.last > Timestamp.decode(future)
    b.edit("vendor", rid, {"notes": "その後の編集"})
    assert b.get("vendor", rid)["notes"] == "その後の編集"  # type: ignore[index]
    assert b.conflicts() == []
    far = Timestamp(Timestamp.decode(future).wall_ms + 2 * 86_400_000, 0).encode()
    p = merge.plan(b.db, [merge.Change("device-z", 2, far, "vendor", rid, "update", payload)])
    assert p.ahead == 1  # a clock days ahead is reported before anything is applied


def test_same_number_with_other_content_is_ignored(devs: dict[str, Device]) -> None:
    a, hub = devs["a"], devs["hub"]
    _vendor(a)
    [c] = [c for c in merge.changes_since(a.db, {}) if c.device_id == a.device_id]
    hub.receive([c])
    forged = replace(c, payload=c.payload.replace("九州システム", "偽物"))
    s = hub.receive([forged])
    assert (s.changes, s.mismatched) == (0, 1)
    assert "偽物" not in json.dumps(visible_state(hub), ensure_ascii=False)


@pytest.mark.parametrize(
    "change",
    [
        merge.Change("d", 1, "000000000000001-000000", "no_such_kind", "r", "create", "{}"),
        merge.Change("d", 1, "000000000000001-000000", "vendor", "r", "drop", "{}"),
        merge.Change("d", 1, "yesterday", "vendor", "r", "create", "{}"),
        merge.Change("d", 1, "000000000000001-000000", "vendor", "r", "update", '{"x; DROP":1}'),
        merge.Change("d", 1, "000000000000001-000000", "vendor", "r", "update", "[1]"),
        merge.Change("d", 0, "000000000000001-000000", "vendor", "r", "create", "{}"),
        merge.Change("d", 1, "000000000000001-000000", "vendor", "r", "delete", '{"name":"x"}'),
    ],
)
def test_malformed_changes_are_refused(devs: dict[str, Device], change: merge.Change) -> None:
    hub = devs["hub"]
    digest = merge.digest(hub.db)
    with pytest.raises(UserError) as err:
        merge.plan(hub.db, [change])
    assert err.value.code == "bundle_damaged"
    with pytest.raises(UserError), hub.db.transaction():
        merge.apply(hub.db, [change])
    assert merge.digest(hub.db) == digest


# ---------------------------------------------------------------- scope, digest, time entries


def test_scope_limits_records_to_organisations(devs: dict[str, Device]) -> None:
    hub, a = devs["hub"], devs["a"]
    orgs = hub.db.query("SELECT id, name FROM organisation ORDER BY code LIMIT 2")
    mine, other = orgs[0]["id"], orgs[1]["id"]
    staff = hub.db.query("SELECT id FROM staff LIMIT 1")[0]["id"]
    for org in (mine, other):
        hub.add("visit", {"date": "2025-11-25", "org_id": org, "mode": "訪問", "title": org})
        hub.add("time", {"date": "2025-11-25", "staff_id": staff, "org_id": org, "hours": 2})
    vendor = _vendor(hub)
    sent = list(merge.changes_since(hub.db, merge.state_vector(a.db), scope={mine}))
    kinds = {(c.kind, json.loads(c.payload).get("org_id")) for c in sent}
    assert kinds == {("visit", mine), ("time", mine), ("vendor", None)}
    a.receive(sent)
    assert a.get("vendor", vendor) is not None
    assert merge.digest(a.db, scope={mine}) == merge.digest(hub.db, scope={mine})
    assert merge.digest(a.db) != merge.digest(hub.db)


def test_digest_tells_apart_and_ignores_arrival_order(devs: dict[str, Device]) -> None:
    a, b, hub = devs["a"], devs["b"], devs["hub"]
    assert merge.digest(a.db) == merge.digest(b.db)  # same template history
    rid = _vendor(a)
    assert merge.digest(a.db) != merge.digest(b.db)
    b.pull(a)
    a.edit("vendor", rid, {"notes": "x"})
    assert merge.digest(a.db) != merge.digest(b.db)
    b.pull(a)
    hub.receive(shuffled(list(merge.changes_since(a.db, {})), 7))
    assert merge.digest(a.db) == merge.digest(b.db) == merge.digest(hub.db)


def test_time_corrections_on_two_devices_both_survive(devs: dict[str, Device]) -> None:
    from dxdesk.services.timesheet import TimesheetService

    a, b = devs["a"], devs["b"]
    staff = a.db.query("SELECT id FROM staff LIMIT 1")[0]["id"]
    org = a.db.query("SELECT id FROM organisation LIMIT 1")[0]["id"]
    entry = a.add("time", {"date": "2025-11-25", "staff_id": staff, "org_id": org, "hours": 2})
    b.pull(a)
    ca = TimesheetService(a.profile).correct(entry, {"hours": 3})
    cb = TimesheetService(b.profile).correct(entry, {"hours": 2.5})
    assert ca is not None and cb is not None
    _sync(a, b)
    for d in (a, b):
        rows = d.db.query(
            'SELECT id, hours FROM "time" WHERE supersedes = ? AND _deleted = 0 ORDER BY hours',
            (entry,),
        )
        assert [r["hours"] for r in rows] == [2.5, 3.0]  # two visible corrections
        assert d.conflicts() == []


def test_independently_seeded_profiles_merge_without_conflicts(tmp_path: Path) -> None:
    # Every install seeds the same organisations under natural ids, each with its own device
    # and clock: the same record created twice with equal values is no conflict.
    from tests.sync.sync_helpers import make_profile

    one, two = (
        make_profile(tmp_path / "one", "hub", "統括"),
        make_profile(tmp_path / "two", "field", "山田"),
    )
    try:
        x, y = Device("one", one), Device("two", two)
        org = x.db.query("SELECT id FROM organisation ORDER BY code LIMIT 1")[0]["id"]
        y.edit("organisation", org, {"notes": "二の備考"})
        _sync(x, y)
        assert x.conflicts() == [] and y.conflicts() == []
        assert merge.digest(x.db) == merge.digest(y.db)
        assert visible_state(x) == visible_state(y)
        assert x.get("organisation", org)["notes"] == "二の備考"  # type: ignore[index]
    finally:
        one.close(backup=False)
        two.close(backup=False)


_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_payload = st.one_of(
    st.text(max_size=20),
    st.dictionaries(
        st.sampled_from(["name", "notes", "products", "reading", "_base", "x"]),
        _json_value,
        max_size=3,
    ).map(json.dumps),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind_name=st.sampled_from(["vendor"] * 4 + ["nope"]),
    op=st.sampled_from(["create", "create", "update", "delete", "merge"]),
    hlc=st.sampled_from(["000000000000001-000000"] * 4 + [" 00000000000001-000000"]),
    dev_seq=st.sampled_from([1, 1, 1, 0, True, 2**64]),
    payload=_payload,
)
def test_apply_refuses_any_malformed_change_cleanly(
    templates: dict[str, Path],
    kind_name: str,
    op: str,
    hlc: str,
    dev_seq: int,
    payload: str,
) -> None:
    # Bundles are signed by enrolled devices, but a bug or a stolen key must still not reach
    # SQL with odd types: every change is applied or refused with UserError, nothing else.
    with tempfile.TemporaryDirectory() as tmp:
        [hub] = open_devices({"hub": templates["hub"]}, Path(tmp)).values()
        try:
            change = merge.Change("dev", dev_seq, hlc, kind_name, "rid-1", op, payload)
            try:
                with hub.db.transaction():
                    merge.apply(hub.db, [change])
            except UserError as err:
                assert err.code == "bundle_damaged"
        finally:
            hub.close()


def test_restoring_a_value_of_a_deleted_record_restores_the_record(
    devs: dict[str, Device],
) -> None:
    a, b = devs["a"], devs["b"]
    rid = _concurrent(a, b, "notes", "A", "B")
    _sync(a, b)
    a.delete("vendor", rid)
    [c] = list_conflicts(a.db)
    restore_conflict(a.db, c.id, store=a.profile.records)
    record = a.get("vendor", rid)
    assert record is not None and record["_deleted"] is False
    assert record["notes"] == c.losing_value
    b.pull(a)
    assert visible_state(a) == visible_state(b)


def test_a_huge_sequence_number_is_one_gap_not_a_hang(devs: dict[str, Device]) -> None:
    hub = devs["hub"]
    change = merge.Change(
        "device-x", 10**15, "000000000000001-000000", "vendor", "r1", "create", '{"name":"x"}'
    )
    p = merge.plan(hub.db, [change])
    assert p.gaps == {"device-x": [(1, 10**15 - 1)]}
    assert merge.state_vector(hub.db).get("device-x") is None  # rolled back
    hub.receive([change])
    assert merge.state_vector(hub.db)["device-x"] == 0  # nothing below the gap is held


def _scoped_export(
    hub: Device, field_: Device, scope: set[str], have: dict[str, int] | None = None
) -> tuple[list[merge.Change], dict[str, tuple[int, int]]]:
    """What the hub sends a field device that sees only ``scope``, and what it covers."""
    have = merge.state_vector(field_.db) if have is None else have
    through = merge.state_vector(hub.db)
    changes = list(merge.changes_since(hub.db, have, scope=scope))
    return changes, {d: (have.get(d, 0), n) for d, n in through.items()}


def test_scoped_change_sets_move_the_vector_past_other_organisations(
    devs: dict[str, Device],
) -> None:
    hub, a = devs["hub"], devs["a"]
    org1, org2 = (r["id"] for r in hub.db.query("SELECT id FROM organisation LIMIT 2"))

    def visit(org: str, title: str) -> str:
        return hub.add(
            "visit", {"date": "2025-11-25", "org_id": org, "mode": "訪問", "title": title}
        )

    visit(org1, "一"), visit(org2, "二"), visit(org1, "三")
    top = merge.state_vector(hub.db)[hub.device_id]
    changes, covers = _scoped_export(hub, a, {org1})
    assert len(changes) == 2
    # without the declaration the hole left for org2 looks like a lost bundle
    p = merge.plan(a.db, changes)
    assert p.gaps == {hub.device_id: [(top - 1, top - 1)]}
    s = a.receive(changes, covers=covers)
    assert s.gaps == {}
    assert merge.state_vector(a.db)[hub.device_id] == top
    assert a.missing_from(hub) == []  # nothing is sent again
    assert merge.digest(a.db, scope={org1}) == merge.digest(hub.db, scope={org1})

    # A scoped bundle that gets lost: the next one starts where the hub believed we were.
    visit(org1, "四")
    _lost, lost_covers = _scoped_export(hub, a, {org1})
    visit(org2, "五")
    visit(org1, "六")
    believed = {d: through for d, (_, through) in lost_covers.items()}
    later, later_covers = _scoped_export(hub, a, {org1}, have=believed)
    s = a.receive(later, covers=later_covers)
    assert s.gaps == {hub.device_id: [(top + 1, top + 1)]}
    assert merge.state_vector(a.db)[hub.device_id] == top  # the lost one is asked for again
    again, again_covers = _scoped_export(hub, a, {org1})
    s = a.receive(again, covers=again_covers)
    assert s.gaps == {} and s.changes == 1 and s.duplicates == 1
    assert merge.state_vector(a.db)[hub.device_id] == merge.state_vector(hub.db)[hub.device_id]
    assert merge.digest(a.db, scope={org1}) == merge.digest(hub.db, scope={org1})


def test_a_local_edit_beats_what_it_overwrites_even_without_clock_receipt(
    devs: dict[str, Device],
) -> None:
    a, b = devs["a"], devs["b"]
    rid = _vendor(a)
    b.pull(a)
    clocks = effective_clocks(a, "vendor", rid)
    future = Timestamp(Timestamp.decode(clocks["name"][:22]).wall_ms + 3_600_000, 0).encode()
    payload = json.dumps({"notes": "未来", "_base": clocks})
    with b.db.transaction():  # no clock= here: the store stamps past the row's newest clock
        merge.apply(b.db, [merge.Change("device-z", 1, future, "vendor", rid, "update", payload)])
    assert b.profile.records.clock.last < Timestamp.decode(future)
    b.edit("vendor", rid, {"notes": "手元の編集"})
    assert b.get("vendor", rid)["notes"] == "手元の編集"  # type: ignore[index]
    assert effective_clocks(b, "vendor", rid)["notes"][:22] > future
    assert b.conflicts() == []


# ---------------------------------------------------------------- a clock days ahead


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _stamp(clock: str) -> Timestamp:
    return Timestamp.decode(clock[:22])


def test_a_stamp_days_ahead_wins_its_field_but_does_not_drag_the_clock(
    devs: dict[str, Device],
) -> None:
    a, b = devs["a"], devs["b"]
    skewed = a.add("vendor", {"name": "未来の時計の端末が編集", "contact": "0985-00-0000"})
    other = a.add("vendor", {"name": "関係のない記録", "contact": "0985-00-0001"})
    b.pull(a)
    far = Timestamp(_now_ms() + 3 * MAX_AHEAD_MS, 0).encode()
    payload = json.dumps({"notes": "三日先の時刻", "_base": effective_clocks(a, "vendor", skewed)})
    wrong = merge.Change(
        "0190a000-0000-7000-8000-000000000001", 1, far, "vendor", skewed, "update", payload
    )

    summary = b.receive([wrong])
    assert summary.ahead == 1  # reported, and still merged
    assert b.get("vendor", skewed)["notes"] == "三日先の時刻"  # type: ignore[index]
    assert b.profile.records.clock.last < _stamp(far)  # the clock was not dragged

    # Edits elsewhere keep real time: they do not inherit the wrong device's future.
    b.edit("vendor", other, {"notes": "いつもの編集"})
    edited = _stamp(effective_clocks(b, "vendor", other)["notes"])
    assert edited.wall_ms < _now_ms() + 60_000

    # An edit of the far-stamped field itself still wins over the value its writer saw.
    b.edit("vendor", skewed, {"notes": "手元で直した"})
    fixed = effective_clocks(b, "vendor", skewed)["notes"]
    assert fixed[:22] > far
    assert b.get("vendor", skewed)["notes"] == "手元で直した"  # type: ignore[index]
    assert b.profile.records.clock.last < _stamp(far)

    # Every device merges the same way, whatever it received first.
    a.pull(b)
    for d in (a, b):
        assert d.get("vendor", skewed)["notes"] == "手元で直した"  # type: ignore[index]
        assert d.conflicts() == []
    assert visible_state(a) == visible_state(b)
    assert merge.digest(a.db) == merge.digest(b.db)

    # Reopened, the clock resumes from the newest stamp it may follow, not the far one.
    fresh = RecordStore(b.db, b.profile.log_device_id, "再起動後")
    assert fresh.clock.last < _stamp(far)
    assert fresh.clock.last >= edited


def test_a_stamp_within_a_day_is_still_followed(devs: dict[str, Device]) -> None:
    a, b = devs["a"], devs["b"]
    rid = a.add("vendor", {"name": "少し先の時計", "contact": "0985-00-0002"})
    b.pull(a)
    near = Timestamp(_now_ms() + MAX_AHEAD_MS - 3_600_000, 7).encode()
    payload = json.dumps({"notes": "数時間先", "_base": effective_clocks(a, "vendor", rid)})
    change = merge.Change(
        "0190a000-0000-7000-8000-000000000002", 1, near, "vendor", rid, "update", payload
    )
    assert b.receive([change]).ahead == 0
    assert b.profile.records.clock.last > _stamp(near)
