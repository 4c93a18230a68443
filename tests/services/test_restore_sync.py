"""Restoring a backup never makes later work undeliverable.

A restored database would otherwise number its new changes from where the backup ended, reusing
numbers it had already used (and sent) after the backup: the hub would refuse them as
"mismatched" and they would never arrive. After a restore new changes go under a new change-log
id; the device stays who it is for sync (keys, roster, bundle sender), so nothing is re-enrolled.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Credentials, Profile, restore_backup
from dxdesk.services.records import RecordService
from dxdesk.sync import merge
from tests.conftest import PASSPHRASE
from tests.sync.sync_helpers import enrol_field, make_profile, reopen, visit

CREDS = Credentials(passphrase=PASSPHRASE, use_keyring=False)


@pytest.fixture
def team(tmp_path: Path) -> Iterator[dict[str, Profile]]:
    """An enrolled hub and field laptop; a test that restores one puts the reopened one back."""
    profiles = {
        "hub": make_profile(tmp_path / "ハブ", "hub", "統括"),
        "field": make_profile(tmp_path / "現地", "field", "山田"),
    }
    try:
        enrol_field(profiles["hub"], profiles["field"], tmp_path)
        yield profiles
    finally:
        for profile in profiles.values():
            profile.close(backup=False)


def titles(profile: Profile) -> set[str]:
    return {str(r["title"]) for r in profile.database.query("SELECT title FROM visit")}


def send(sender: Profile, to: str, receiver: Profile, usb: Path) -> sync.Imported:
    """Export, check the preview, import; nothing may be refused as mismatched."""
    out = sync.export_bundle(sender, to, usb)
    p = sync.preview(receiver, out.path)
    assert p.plan.mismatched == 0
    done = sync.import_bundle(receiver, out.path, p)
    assert done.summary.mismatched == 0
    return done


def restore(profile: Profile, backup: Path) -> Profile:
    root = profile.paths.root
    profile.close(backup=False)
    restore_backup(ProfilePaths(root), backup, CREDS)
    return reopen(root)


def identity(profile: Profile) -> tuple[str, str, str]:
    me, _keys = sync.own_member(profile)
    return profile.device_id, me.fingerprint, me.device_id


def logged_under(profile: Profile, device: str) -> int:
    row = profile.database.conn.execute(
        "SELECT count(*) FROM changes WHERE device_id = ?", (device,)
    ).fetchone()
    return int(row[0])


def test_field_restored_from_an_older_backup_delivers_old_and_new_work(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    usb = tmp_path / "USB"
    hub, field = team["hub"], team["field"]
    assert field.log_device_id == field.device_id  # an ordinary profile: one id
    svc = RecordService(field)
    both = svc.add("visit", visit("バックアップ前の訪問")).record_id
    backup = field.backup(tmp_path / "控え" / "古いバックアップ.db")
    send(field, "hub", hub, usb)
    svc.add("visit", visit("バックアップ後に送った訪問"))
    svc.edit("visit", both, {"notes": "バックアップ後のメモ"})
    send(field, "hub", hub, usb)
    before = identity(field)
    old_log = field.log_device_id
    sent_numbers = logged_under(hub, old_log)

    field = team["field"] = restore(field, backup)
    assert identity(field) == before  # same device, same keys: no re-enrolment
    assert field.log_device_id not in (old_log, field.device_id)
    assert titles(field) == {"バックアップ前の訪問"}

    svc = RecordService(field)
    svc.add("visit", visit("復元後の訪問"))
    rid = svc.add("visit", visit("復元後に直す訪問")).record_id
    svc.edit("visit", rid, {"title": "復元後に直した訪問"})
    # The same field written again without the post-backup value in front of the writer.
    svc.edit("visit", both, {"notes": "復元後のメモ"})
    # Only the new log grows; the old one ends where the backup did. Records carry the new
    # log id in their clocks, as the changes do (the merge matches the two).
    new_changes = logged_under(field, field.log_device_id)
    assert new_changes == 4
    [row] = field.database.query("SELECT _device, _clocks FROM visit WHERE id = ?", (rid,))
    assert row["_device"] == field.log_device_id and field.log_device_id in row["_clocks"]
    names = dict(field.database.conn.execute("SELECT device_id, name FROM devices").fetchall())
    assert names[field.log_device_id] == names[field.device_id] == "山田の端末"
    assert logged_under(field, old_log) < sent_numbers

    # The restored profile's sync state predates its first export: the bundle carries its
    # old log (already held at the hub) and its new one.
    out = sync.export_bundle(field, "hub", usb)
    p = sync.preview(hub, out.path)
    assert {old_log, field.log_device_id} <= set(p.manifest.ranges)
    assert p.manifest.sender == field.device_id
    assert p.plan.mismatched == 0 and p.plan.duplicates > 0 and not p.plan.gaps
    done = sync.import_bundle(hub, out.path, p)
    assert done.summary.mismatched == 0
    assert titles(hub) == {
        "バックアップ前の訪問",
        "バックアップ後に送った訪問",
        "復元後の訪問",
        "復元後に直した訪問",
    }
    # ... and the export log entry of this bundle, written in the new log too.
    assert logged_under(hub, field.log_device_id) == new_changes + 1

    # The hub sends back what the restore lost here: nothing entered is lost.
    send(hub, field.device_id, field, usb)
    assert titles(field) == titles(hub)
    assert merge.digest(field.database) == merge.digest(hub.database)
    # The note written after the backup and the one written after the restore were written
    # without each other in view: the later stands, the other is in the conflict log on both.
    for side in (field, hub):
        assert RecordService(side).get("visit", both)["notes"] == "復元後のメモ"
        [c] = sync.list_conflicts(side)
        assert (c.record_id, c.field, c.losing_value) == (both, "notes", "バックアップ後のメモ")
        assert (c.losing_device, c.winning_device) == (old_log, field.log_device_id)

    # A second restore starts yet another log; work after it arrives as well.
    second_log = field.log_device_id
    field = team["field"] = restore(field, backup)
    assert field.log_device_id not in (old_log, second_log, field.device_id)
    RecordService(field).add("visit", visit("二度目の復元後の訪問"))
    send(field, "hub", hub, usb)
    assert "二度目の復元後の訪問" in titles(hub)


def test_hub_restored_from_a_backup_keeps_delivering(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    usb = tmp_path / "USB"
    hub, field = team["hub"], team["field"]
    hub_svc = RecordService(hub)
    hub_svc.add("visit", visit("ハブ：バックアップ前"))
    backup = hub.backup(tmp_path / "控え" / "ハブ.db")
    hub_svc.add("visit", visit("ハブ：バックアップ後"))
    send(hub, field.device_id, field, usb)
    RecordService(field).add("visit", visit("現地：ハブの復元前に送付"))
    send(field, "hub", hub, usb)
    before = identity(hub)

    hub = team["hub"] = restore(hub, backup)
    assert identity(hub) == before
    assert hub.log_device_id != hub.device_id
    RecordService(hub).add("visit", visit("ハブ：復元後"))

    # The field already holds the hub's old numbers past the backup: new ones must not
    # collide with them.
    send(hub, field.device_id, field, usb)
    assert "ハブ：復元後" in titles(field)
    # The field resends what the hub lost (the hub's announced vector says what it has).
    send(field, "hub", hub, usb)
    send(hub, field.device_id, field, usb)
    everything = {
        "ハブ：バックアップ前",
        "ハブ：バックアップ後",
        "現地：ハブの復元前に送付",
        "ハブ：復元後",
    }
    assert titles(hub) == everything
    assert titles(field) == everything
    assert merge.digest(field.database) == merge.digest(hub.database)
