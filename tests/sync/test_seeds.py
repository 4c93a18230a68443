"""Seeded reference rows at genesis: a new device never beats a real edit, sends nothing it did
not change, and profiles hurt by older versions get the edits back (store/seeds.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.ids import natural_id
from dxdesk.core.model import kind, validate
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import create_profile
from dxdesk.store import seeds
from dxdesk.store.rows import row_clocks
from dxdesk.sync import merge
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.sync.merge_helpers import Device, devices_open, make_templates

NOBEOKA = natural_id("organisation", "452033")
ORG = kind("organisation")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("seeds"), ["hub", "old", "field"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    with devices_open(templates, tmp_path) as devices:
        yield devices


def _hub_edits_nobeoka(hub: Device) -> None:
    assert hub.edit("organisation", NOBEOKA, {"bansou": False, "notes": "令和8年度は対象外"})


def _legacy_seed_create(dev: Device, record_id: str = NOBEOKA) -> None:
    """What a version before genesis seeds did at init: the seed row logged as a create,
    stamped with the device's clock (now, after the hub's edit)."""
    values = next(v for k, rid, v in seeds.seed_records() if rid == record_id)
    with dev.db.transaction() as conn:
        conn.execute("DELETE FROM organisation WHERE id = ?", (record_id,))
        dev.profile.records.insert(ORG, validate(ORG, values), record_id=record_id)


def test_a_new_profile_holds_the_seeds_at_genesis_and_logs_none(tmp_path: Path) -> None:
    profile, _ = create_profile(
        ProfilePaths(tmp_path / "新しい端末"),
        owner_name="伴走 花子",
        device_name="現地PC",
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        rows = profile.database.query("SELECT * FROM organisation")
        assert len(rows) == len(seeds.seed_records()) >= 26
        for row in rows:
            assert set(row_clocks(ORG, row).values()) == {seeds.GENESIS}
        logged = profile.database.query("SELECT kind FROM changes")
        assert "organisation" not in {r["kind"] for r in logged}
    finally:
        profile.close(backup=False)


def test_a_new_devices_first_changes_do_not_undo_the_hubs_edit(
    devs: dict[str, Device], tmp_path: Path
) -> None:
    hub = devs["hub"]
    _hub_edits_nobeoka(hub)
    # A laptop initialised after the edit, by this version: it sends nothing about 延岡市.
    field = devs["field"]
    field.add("vendor", {"name": "霧島システム"})
    summary = hub.pull(field)
    assert "organisation" not in summary.kinds
    record = hub.get("organisation", NOBEOKA)
    assert record is not None and (record["bansou"], record["notes"]) == (
        False,
        "令和8年度は対象外",
    )
    assert hub.conflicts() == []
    # And the laptop takes the edit.
    field.pull(hub)
    got = field.get("organisation", NOBEOKA)
    assert got is not None and (got["bansou"], got["notes"]) == (False, "令和8年度は対象外")
    assert field.conflicts() == []


def test_an_older_versions_logged_seeds_are_taken_as_genesis(devs: dict[str, Device]) -> None:
    hub, old = devs["hub"], devs["old"]
    _hub_edits_nobeoka(hub)
    _legacy_seed_create(old)
    summary = hub.pull(old)
    assert summary.counts("organisation").updated == 0
    assert summary.counts("organisation").new == 0
    record = hub.get("organisation", NOBEOKA)
    assert record is not None and (record["bansou"], record["notes"]) == (
        False,
        "令和8年度は対象外",
    )
    assert hub.conflicts() == []
    # The older laptop, once updated (the repair migration 0011 runs), shows the edit too.
    old.pull(hub)
    with old.db.transaction() as conn:
        assert seeds.repair(conn) == 1
    got = old.get("organisation", NOBEOKA)
    assert got is not None and got["notes"] == "令和8年度は対象外"
    assert old.conflicts() == []


def test_a_profile_hurt_by_an_older_version_gets_the_edits_back(devs: dict[str, Device]) -> None:
    hub, old = devs["hub"], devs["old"]
    _hub_edits_nobeoka(hub)
    _legacy_seed_create(old)
    create = next(
        c
        for c in merge.changes_since(old.db, merge.state_vector(hub.db))
        if c.kind == "organisation"
    )
    edit = hub.db.query(
        "SELECT hlc, device_id FROM changes WHERE kind = 'organisation' AND op = 'update'"
    )[0]
    # The state an older hub's merge left: the seed's later create won, the edit is a loser.
    values = next(v for k, rid, v in seeds.seed_records() if rid == NOBEOKA)
    with hub.db.transaction() as conn:
        conn.execute(
            "INSERT INTO changes (device_id, dev_seq, hlc, kind, record_id, op, payload)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                create.device_id,
                create.dev_seq,
                create.hlc,
                create.kind,
                NOBEOKA,
                "create",
                create.payload,
            ),
        )
        conn.execute(
            "UPDATE organisation SET bansou = 1, notes = NULL, _hlc = ?, _device = ?,"
            " _clocks = ? WHERE id = ?",
            (create.hlc, create.device_id, json.dumps({"*": create.clock}), NOBEOKA),
        )
        for name, lost in (("bansou", "false"), ("notes", json.dumps("令和8年度は対象外"))):
            conn.execute(
                "INSERT INTO conflicts (id, kind, record_id, field, losing_value, losing_hlc,"
                " losing_device, winning_hlc, winning_device, detected_at)"
                " VALUES (?, 'organisation', ?, ?, ?, ?, ?, ?, ?, '2026-04-01T09:00:00+09:00')",
                (
                    f"c-{name}",
                    NOBEOKA,
                    name,
                    lost,
                    edit["hlc"],
                    edit["device_id"],
                    create.hlc,
                    create.device_id,
                ),
            )
    assert values["bansou"] is True
    with hub.db.transaction() as conn:  # the data step of migration 0011
        assert seeds.repair(conn) == 1
    got = hub.profile.records.get(ORG, NOBEOKA)
    assert got is not None and (got["bansou"], got["notes"]) == (False, "令和8年度は対象外")
    assert hub.db.query("SELECT * FROM conflicts") == []
    untouched = natural_id("organisation", "454419")
    row = hub.db.query("SELECT * FROM organisation WHERE id = ?", (untouched,))[0]
    assert set(row_clocks(ORG, row).values()) == {seeds.GENESIS}
    with hub.db.transaction() as conn:  # twice: nothing more to do
        assert seeds.repair(conn) == 0


def test_an_import_counts_only_records_whose_values_change(devs: dict[str, Device]) -> None:
    hub, field = devs["hub"], devs["field"]
    vendor = hub.add("vendor", {"name": "霧島システム", "contact": "0985-00-0000"})
    field.pull(hub)
    field.edit("vendor", vendor, {"contact": "0985-11-1111"})
    hub.edit("vendor", vendor, {"contact": "0985-11-1111"})  # the same correction, typed twice
    summary = hub.pull(field)
    assert summary.changes == 1
    assert summary.counts("vendor").updated == 0
    field.edit("vendor", vendor, {"contact": "0985-22-2222"})
    assert hub.pull(field).counts("vendor").updated == 1
