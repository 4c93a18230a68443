"""End to end: enrol a field laptop at the hub, field adds records and exports, the hub imports
and exports back, the field imports; then repeats, idempotence and the state vectors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.errors import UserError
from dxdesk.services import sync
from dxdesk.services.records import RecordService
from dxdesk.sync import enrol, merge
from tests.sync.sync_helpers import enrol_field, make_profile, visit


@pytest.fixture
def team(tmp_path: Path):
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    enrol_field(hub, field, tmp_path)
    try:
        yield hub, field
    finally:
        hub.close(backup=False)
        field.close(backup=False)


def titles(profile) -> set[str]:
    return {
        str(r["title"])
        for r in profile.database.query("SELECT title FROM visit WHERE _deleted = 0")
    }


def test_round_trip_field_to_hub_and_back(team, tmp_path: Path) -> None:
    hub, field = team
    usb = tmp_path / "USB メモリ"
    RecordService(field).add("visit", visit("高千穂町 初回訪問"))
    RecordService(hub).add("visit", visit("ハブで登録した訪問"))

    out = sync.export_bundle(field, "hub", usb)
    assert out.path.parent == usb and out.count > 0
    p = sync.preview(hub, out.path)
    assert not p.already and p.plan.kinds["visit"].new == 1
    assert titles(hub) == {"ハブで登録した訪問"}  # preview wrote nothing
    result = sync.import_bundle(hub, out.path, p)
    assert result.applied and result.backup is not None and result.backup.exists()
    assert titles(hub) == {"ハブで登録した訪問", "高千穂町 初回訪問"}

    back = sync.export_bundle(hub, field.device_id, usb)
    sync.import_bundle(field, back.path)
    assert titles(field) == titles(hub)
    assert merge.digest(field.database) == merge.digest(hub.database)

    # Importing again says so and changes nothing.
    again = sync.import_bundle(field, back.path)
    assert not again.applied and again.preview.already
    history = sync.history(field)
    assert len(history) == 1 and history[0]["summary"]["plan"]["kinds"]["visit"]["new"] == 1

    # The next export to the hub carries only what the hub lacks: nothing of the field's own.
    nxt = sync.export_bundle(field, "hub", usb)
    assert nxt.count == 0


def test_hub_relays_one_field_laptop_to_another(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    a = make_profile(tmp_path / "a", "field", "A")
    b = make_profile(tmp_path / "b", "field", "B")
    try:
        enrol_field(hub, a, tmp_path)
        enrol_field(hub, b, tmp_path)
        RecordService(a).add("visit", visit("A の訪問"))
        sync.import_bundle(hub, sync.export_bundle(a, "hub", tmp_path / "usb").path)
        sync.import_bundle(b, sync.export_bundle(hub, b.device_id, tmp_path / "usb").path)
        assert "A の訪問" in titles(b)
    finally:
        for p in (hub, a, b):
            p.close(backup=False)


def test_lost_bundle_is_resent_after_the_peer_speaks(team, tmp_path: Path) -> None:
    hub, field = team
    svc = RecordService(field)
    svc.add("visit", visit("一通目"))
    lost = sync.export_bundle(field, "hub", tmp_path / "usb")
    lost.path.unlink()  # the USB stick went through the wash
    svc.add("visit", visit("二通目"))
    second = sync.export_bundle(field, "hub", tmp_path / "usb")
    p = sync.preview(hub, second.path)
    assert p.plan.gaps  # the hub sees that an earlier bundle never arrived
    sync.import_bundle(hub, second.path)
    # The hub replies; its bundle announces what it holds, so the field resends the rest.
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "usb").path)
    third = sync.export_bundle(field, "hub", tmp_path / "usb")
    sync.import_bundle(hub, third.path)
    assert {"一通目", "二通目"} <= titles(hub)


def test_full_bundle_recovers_everything(team, tmp_path: Path) -> None:
    hub, field = team
    RecordService(field).add("visit", visit("完全版で届く訪問"))
    sync.export_bundle(field, "hub", tmp_path / "usb").path.unlink()
    full = sync.export_bundle(field, "hub", tmp_path / "usb", full=True)
    sync.import_bundle(hub, full.path)
    assert "完全版で届く訪問" in titles(hub)


def test_revoked_device_is_refused_and_cannot_be_sent_to(team, tmp_path: Path) -> None:
    hub, field = team
    RecordService(field).add("visit", visit("取消前の訪問"))
    out = sync.export_bundle(field, "hub", tmp_path / "usb")
    sync.revoke(hub, field.device_id)
    with pytest.raises(UserError) as err:
        sync.preview(hub, out.path)
    assert err.value.code == "bundle_revoked_sender"
    with pytest.raises(UserError) as err:
        sync.export_bundle(hub, field.device_id, tmp_path / "usb")
    assert err.value.code == "bundle_recipient_revoked"
    assert [d["status"] for d in sync.devices(hub)] == ["この端末", "取消済み"]


def test_roles_and_enrolment_mismatches_are_refused(team, tmp_path: Path) -> None:
    hub, field = team
    with pytest.raises(UserError) as err:
        sync.revoke(field, hub.device_id)
    assert err.value.code == "enrol_wrong_role"
    other = make_profile(tmp_path / "other", "field", "他")
    try:
        team_file = sync.accept(
            hub, sync.read_request(sync.write_request(field, tmp_path / "r")[0]), tmp_path / "t"
        )
        with pytest.raises(UserError) as err:
            sync.join(other, sync.read_team(team_file))
        assert err.value.code == "enrol_not_in_team"
        with pytest.raises(UserError) as err:
            sync.export_bundle(other, "hub", tmp_path / "usb")
        assert err.value.code == "bundle_not_enrolled"
    finally:
        other.close(backup=False)


def test_escrow_key_opens_every_bundle(team, tmp_path: Path) -> None:
    import io

    from dxdesk.sync import crypto

    hub, field = team
    escrow = crypto.generate_keys("00000000-0000-4000-8000-000000000000")
    sync.set_escrow(hub, escrow.age_recipient)
    out = sync.export_bundle(hub, field.device_id, tmp_path / "usb")
    data = out.path.read_bytes()
    plain = b"".join(crypto.decrypt_chunks(io.BytesIO(data), escrow.age_identity))
    assert plain.startswith(b"DXDESK-BUNDLE/1\n")
    # The team file carries the escrow key to field laptops that join afterwards.
    team_file = sync.accept(
        hub, sync.read_request(sync.write_request(field, tmp_path / "r2")[0]), tmp_path / "t2"
    )
    assert sync.read_team(team_file).escrow == escrow.age_recipient


def test_concurrent_edit_lands_in_the_conflict_log_and_restores(team, tmp_path: Path) -> None:
    hub, field = team
    usb = tmp_path / "usb"
    rid = RecordService(field).add("visit", visit("元の件名")).record_id
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    RecordService(field).edit("visit", rid, {"title": "現地での件名"})
    RecordService(hub).edit("visit", rid, {"title": "ハブでの件名"})
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    [conflict] = sync.list_conflicts(hub)
    assert {conflict.current_value, conflict.losing_value} == {"現地での件名", "ハブでの件名"}
    assert sync.restore_conflict(hub, conflict.id) is not None
    assert sync.list_conflicts(hub) == []
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
    value = RecordService(field).get("visit", rid)["title"]
    assert value == conflict.losing_value == RecordService(hub).get("visit", rid)["title"]


def test_divergence_is_detected_when_both_hold_the_same_changes(team, tmp_path: Path) -> None:
    hub, field = team
    usb = tmp_path / "usb"
    RecordService(field).add("visit", visit("同期済みの訪問"))
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    in_sync = sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
    assert in_sync.applied and not in_sync.diverged
    # Damage outside the change log on the hub (as a faulty tool or a bug would): the vectors
    # still agree, the contents do not, and the field is told so without losing anything.
    with hub.database.transaction() as conn:
        conn.execute("DELETE FROM visit WHERE title = '同期済みの訪問'")
    result = sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
    assert result.applied and result.diverged
    assert "同期済みの訪問" in titles(field)


def test_scope_limits_what_the_hub_sends_to_a_field_device(team, tmp_path: Path) -> None:
    hub, field = team
    svc = RecordService(hub)
    svc.add("visit", visit("高千穂町の訪問"))
    svc.add("visit", {**visit("日南市の訪問"), "org_id": "日南市"})
    peer = sync.set_scope(hub, field.device_id, ["高千穂町"])
    assert peer["scope"] and [d["scope"] for d in sync.devices(hub)][1] is not None
    out = sync.export_bundle(hub, field.device_id, tmp_path / "usb")
    p = sync.preview(field, out.path)
    assert p.summary()["scoped"]
    sync.import_bundle(field, out.path, p)
    assert titles(field) == {"高千穂町の訪問"}
    # Reference data still goes everywhere.
    count = "SELECT count(*) FROM organisation"
    assert (
        field.database.conn.execute(count).fetchone() == hub.database.conn.execute(count).fetchone()
    )
    sync.set_scope(hub, field.device_id, None)
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "usb").path)
    assert titles(field) == {"高千穂町の訪問", "日南市の訪問"}


def test_field_devices_follow_a_later_escrow_key(team, tmp_path: Path) -> None:
    from dxdesk.sync import crypto, enrol

    hub, field = team
    escrow = crypto.generate_keys("00000000-0000-4000-8000-000000000001")
    sync.set_escrow(hub, escrow.age_recipient)  # after the field joined
    sync.import_bundle(field, sync.export_bundle(hub, field.device_id, tmp_path / "usb").path)
    assert enrol.get_meta(field.database, enrol.META_ESCROW) == escrow.age_recipient
    out = sync.export_bundle(field, "hub", tmp_path / "usb")
    import io

    plain = b"".join(crypto.decrypt_chunks(io.BytesIO(out.path.read_bytes()), escrow.age_identity))
    assert plain.startswith(b"DXDESK-BUNDLE/1\n")


def test_a_scoped_field_device_gets_each_change_once_and_sees_no_false_gaps(
    team, tmp_path: Path
) -> None:
    hub, field = team
    usb = tmp_path / "usb"
    org1, org2 = (
        str(r["id"]) for r in hub.database.query("SELECT id FROM organisation ORDER BY id LIMIT 2")
    )
    sync.set_scope(hub, field.device_id, [org1])
    svc = RecordService(hub)

    def add(org: str, title: str) -> None:
        svc.add("visit", {**visit(title), "org_id": org})

    add(org1, "一"), add(org2, "二"), add(org1, "三")
    first = sync.export_bundle(hub, field.device_id, usb)
    p = sync.preview(field, first.path)
    assert p.manifest.since == {} and p.manifest.scope == (org1,)
    # The hole left for the other organisation is covered, not a gap.
    assert p.plan.gaps == {} and p.plan.kinds["visit"].new == 2
    sync.import_bundle(field, first.path, p)
    assert titles(field) == {"一", "三"}
    hub_seq = p.manifest.state_vector[hub.device_id]
    assert merge.state_vector(field.database)[hub.device_id] == hub_seq  # past the hole

    # Round trip: the field's bundle announces its vector, and the hub has nothing to resend.
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    again = sync.export_bundle(hub, field.device_id, usb)
    assert again.count == 0
    p = sync.preview(field, again.path)
    assert p.plan.gaps == {} and p.plan.changes == 0 and p.plan.duplicates == 0
    sync.import_bundle(field, again.path, p)

    # A scoped bundle that is lost still shows as a gap, and the reply brings it back.
    add(org1, "四")
    sync.export_bundle(hub, field.device_id, usb).path.unlink()
    add(org2, "五"), add(org1, "六")
    later = sync.export_bundle(hub, field.device_id, usb)
    p = sync.preview(field, later.path)
    assert list(p.plan.gaps) == [hub.device_id]
    sync.import_bundle(field, later.path, p)
    assert titles(field) == {"一", "三", "六"}
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    resent = sync.export_bundle(hub, field.device_id, usb)
    p = sync.preview(field, resent.path)
    assert p.plan.gaps == {} and p.plan.changes >= 1
    sync.import_bundle(field, resent.path, p)
    assert titles(field) == {"一", "三", "四", "六"}
    assert merge.digest(field.database, scope={org1}) == merge.digest(hub.database, scope={org1})

    # Widening the scope: the vector is past the other organisation's changes, so the next
    # bundle is full by itself and carries them; after it, nothing is due.
    sync.set_scope(hub, field.device_id, None)
    assert sync.full_due(hub, field.device_id)
    wide = sync.export_bundle(hub, field.device_id, usb)
    assert wide.full and not sync.full_due(hub, field.device_id)
    sync.import_bundle(field, wide.path)
    assert titles(field) == titles(hub)
    assert merge.digest(field.database) == merge.digest(hub.database)
    assert sync.export_bundle(hub, field.device_id, usb).count == 0
    # Narrowing needs nothing of the kind.
    sync.set_scope(hub, field.device_id, [org2])
    assert not sync.full_due(hub, field.device_id)


def test_coverage_is_taken_only_from_this_devices_hub(team, tmp_path: Path) -> None:
    """A scoped bundle signed by anyone but our hub must be whole: no holes are excused."""
    hub, field = team
    org1, org2 = (
        str(r["id"]) for r in hub.database.query("SELECT id FROM organisation ORDER BY id LIMIT 2")
    )
    sync.set_scope(hub, field.device_id, [org1])
    svc = RecordService(hub)
    svc.add("visit", {**visit("一"), "org_id": org1})
    svc.add("visit", {**visit("二"), "org_id": org2})
    svc.add("visit", {**visit("三"), "org_id": org1})
    path = sync.export_bundle(hub, field.device_id, tmp_path / "usb").path
    m = sync.preview(field, path).manifest
    assert sync._covers(field, m) is not None
    with field.database.transaction():  # as if another device were our hub
        enrol.set_meta(field.database, enrol.META_HUB, field.device_id)
    assert sync._covers(field, m) is None
    assert sync.preview(field, path).plan.gaps  # the hole is a gap again
