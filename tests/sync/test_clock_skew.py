"""A device whose clock is days ahead: its stamps merge like any other, but do not drag ours."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dxdesk.core.hlc import MAX_AHEAD_MS, Timestamp
from dxdesk.store.records import RecordStore
from dxdesk.sync import merge
from tests.sync.merge_helpers import (
    Device,
    effective_clocks,
    make_templates,
    open_devices,
    visible_state,
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("skew"), ["a", "b"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Device]]:
    devices = open_devices(templates, tmp_path)
    try:
        yield devices
    finally:
        for d in devices.values():
            d.close()


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
