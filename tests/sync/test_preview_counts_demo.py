"""Issue 15's report on the demo profile itself: a field laptop enrolled at a demo hub, holding
the hub's year of data, edits one visit; its first bundle previews at the hub as 更新 1."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dxdesk.services import staff, sync
from dxdesk.services.demo import populate_demo
from dxdesk.services.overview import OverviewService
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import make_profile


@pytest.mark.slow
def test_demo_hub_field_laptop_first_bundle_after_one_edit(tmp_path: Path) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "平川")
    usb = tmp_path / "usb"
    try:
        populate_demo(hub)
        person = staff.all_staff(hub)[1]
        # The laptop's owner is a consultant of the demo: linked at accept, no second record.
        request, _fp = sync.write_request(field, tmp_path / "r")
        member = sync.read_request(request)
        team = sync.accept(hub, member, tmp_path / "t", staff_id=person.id)
        sync.join(field, sync.read_team(team))
        started = time.perf_counter()
        first = sync.export_bundle(hub, field.device_id, usb)
        sync.import_bundle(field, first.path)
        took = time.perf_counter() - started
        print(f"demo bundle: {first.count} changes, hub to field in {took:.1f} s")
        [row] = field.database.query("SELECT id FROM visit WHERE _deleted = 0 LIMIT 1")
        RecordService(field).edit("visit", str(row["id"]), {"title": "現地で直した件名"})
        p = sync.preview(hub, sync.export_bundle(field, "hub", usb).path)
        assert p.plan is not None
        counts = p.plan.kinds
        assert sum(c.updated for c in counts.values()) == 1
        # The laptop's own staff record, merged into the demo's at join, arrives created and
        # deleted: counted as nothing. The one new record is the bundle's own entry in the
        # export log (its own kind).
        assert counts[sync.EXPORT_LOG].new == 1
        assert sum(c.new + c.deleted for k, c in counts.items() if k != sync.EXPORT_LOG) == 0
        sync.import_bundle(hub, p.path, p)
        names = [n for _i, n in OverviewService(hub).month_grid("2025-11").staff]
        assert names.count(person.name) == 1 and "平川 担当" not in names
    finally:
        hub.close(backup=False)
        field.close(backup=False)
