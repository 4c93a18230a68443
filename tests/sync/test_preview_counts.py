"""The import preview counts what will change here, not what arrives: a field laptop's first
bundle after one edit says 更新 1 (issue 15 saw 「更新 29」: the reference rows it never
touched), whether or not the laptop had the hub's data first."""

from __future__ import annotations

from pathlib import Path

import pytest

from dxdesk.services import sync
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile, visit


def totals(p: sync.Preview) -> dict[str, int]:
    """The records a person changed: the bundle's own entry in the export log (one new
    bundle_export record, listed under its own kind) aside."""
    assert p.plan is not None
    out = {"new": 0, "updated": 0, "deleted": 0}
    for name, counts in p.plan.kinds.items():
        if name == sync.EXPORT_LOG:
            continue
        out["new"] += counts.new
        out["updated"] += counts.updated
        out["deleted"] += counts.deleted
    return out


@pytest.mark.parametrize("hub_first", [True, False], ids=["after-hub-bundle", "before"])
def test_first_bundle_after_one_edit_counts_one_update(tmp_path: Path, hub_first: bool) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "平川")
    usb = tmp_path / "usb"
    try:
        # As the demo does: the hub's reference data edited (every organisation), records added.
        svc = RecordService(hub)
        orgs = [str(r["id"]) for r in hub.database.query("SELECT id FROM organisation")]
        assert len(orgs) > 25  # the 26 municipalities and the prefecture's divisions
        for org in orgs:
            svc.edit("organisation", org, {"notes": "年度当初に確認済み"})
        svc.add("visit", visit("ハブの訪問"))
        rid = svc.add("visit", visit("現地で直す訪問")).record_id
        enrol_field(hub, field, tmp_path)
        if hub_first:
            sync.import_bundle(field, sync.export_bundle(hub, field.device_id, usb).path)
            RecordService(field).edit("visit", rid, {"title": "現地で直した訪問"})
        else:
            RecordService(field).edit("organisation", orgs[0], {"address": "高千穂町三田井"})
        p = sync.preview(hub, sync.export_bundle(field, "hub", usb).path)
        # The laptop's own staff record is its one new record (no link chosen at accept).
        assert totals(p) == {"new": 1, "updated": 1, "deleted": 0}
        assert p.plan.kinds["staff"].new == 1
        assert p.plan.kinds[sync.EXPORT_LOG].new == 1  # this bundle's entry in the export log
        # Nothing about the reference rows it never touched travels (store/seeds.py).
        assert p.manifest.count == 3
        assert p.plan.conflicts == 0
        applied = sync.import_bundle(hub, p.path, p)
        assert applied.summary is not None
        assert sum(c.updated for c in applied.summary.kinds.values()) == 1
    finally:
        hub.close(backup=False)
        field.close(backup=False)
