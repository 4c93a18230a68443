"""Property: whatever the history and however change sets travel, every database converges and
nothing anyone wrote is lost.

Three field devices and a hub (real encrypted profiles) edit, delete and restore records and
restore losing values from their conflict logs; change sets travel between a field device and
the hub in random order, with duplicates and drops, and end with a full resend. Afterwards
all four databases must hold identical records (digest and visible values), and every value
any device wrote must be current, in that database's conflict log, or have been replaced by a
writer who had that value in front of them (it was seen, not lost).
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxdesk.core.model import kind
from dxdesk.sync import merge
from dxdesk.sync.conflicts import list_conflicts, restore_conflict
from tests.sync.merge_helpers import Device, make_templates, open_devices, visible_state

FIELDS = ("field1", "field2")
DEVICES = ("a", "b", "c", "hub")
FIELD_DEVICES = ("a", "b", "c")
# vendor: plain text fields, no organisation, no cross-field rules
VENDOR_FIELDS = {"field1": "contact", "field2": "notes"}


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("converge"), DEVICES)


value = st.one_of(st.sampled_from(["甲", "乙"]), st.none())  # None: a value nobody else writes
record = st.integers(0, 5)  # 0 and 1 exist everywhere from the start; others once created
edit = st.tuples(st.just("edit"), st.sampled_from(DEVICES), record, st.sampled_from(FIELDS), value)
step = st.one_of(
    edit,
    edit,
    edit,  # edits three times as often as anything else: conflicts need them
    st.tuples(st.sampled_from(["delete", "restore"]), st.sampled_from(DEVICES), record),
    st.tuples(st.just("create"), st.sampled_from(DEVICES)),
    st.tuples(st.just("resolve"), st.sampled_from(DEVICES), st.integers(0, 5)),
    st.tuples(
        st.just("send"),
        st.sampled_from(FIELD_DEVICES),
        st.booleans(),  # True: field device -> hub, False: hub -> field device
        st.sampled_from(["exact", "lossy"]),
        st.integers(0, 2**32),
    ),
)


def _deliver(src: Device, dst: Device, mode: str, seed: int) -> None:
    changes = dst.missing_from(src)
    if mode == "lossy":
        rng = random.Random(seed)
        kept = [c for c in changes if rng.random() > 0.3]  # drops
        kept += rng.sample(kept, len(kept) // 3)  # duplicates
        kept += rng.sample(list(merge.changes_since(src.db, {})), 2)  # old news
        rng.shuffle(kept)
        changes = kept
    dst.receive(changes)


def _run(devs: dict[str, Device], steps: list[tuple[Any, ...]]) -> None:
    hub = devs["hub"]
    records = [hub.add("vendor", {"name": f"共通ベンダ{i}"}) for i in range(2)]
    for name in FIELD_DEVICES:
        devs[name].pull(hub)
    for counter, s in enumerate(steps):
        op, dev = s[0], devs[s[1]]
        if op == "edit":
            rid = records[s[2] % len(records)]
            text = s[4] if s[4] is not None else f"{s[1]}-{counter}"
            dev.edit("vendor", rid, {VENDOR_FIELDS[s[3]]: text})
        elif op in ("delete", "restore"):
            rid = records[s[2] % len(records)]
            if dev.get("vendor", rid) is not None:
                getattr(dev, op)("vendor", rid)
        elif op == "create":
            records.append(dev.add("vendor", {"name": f"{s[1]}のベンダ{counter}"}))
        elif op == "resolve":
            open_ = list_conflicts(dev.db)
            if open_:
                restore_conflict(dev.db, open_[s[2] % len(open_)].id, store=dev.profile.records)
        else:
            field, to_hub, mode, seed = devs[s[1]], s[2], s[3], s[4]
            src, dst = (field, hub) if to_hub else (hub, field)
            _deliver(src, dst, mode, seed)
    # The full resend (--full): everything to the hub, then everything back, in random order.
    for name in FIELD_DEVICES:
        hub.receive(_shuffled(list(merge.changes_since(devs[name].db, {})), name))
    for name in FIELD_DEVICES:
        devs[name].receive(_shuffled(list(merge.changes_since(hub.db, {})), name))


def _shuffled(changes: list[merge.Change], seed: str) -> list[merge.Change]:
    random.Random(seed).shuffle(changes)
    return changes


def _writes(hub: Device) -> Iterator[tuple[str, str, str, str, Any, str | None]]:
    """Every field write in the history: (kind, record, field, clock, value, base clock)."""
    for c in merge.changes_since(hub.db, {}):
        data = json.loads(c.payload)
        base = data.pop("_base", None)
        clock = c.clock
        if c.op == "create":
            for f in kind(c.kind).field_names:
                yield c.kind, c.record_id, f, clock, data.get(f), None
            yield c.kind, c.record_id, "_deleted", clock, False, None
            continue
        if c.op != "update":
            data = {"_deleted": c.op == "delete"}
        for f, v in data.items():
            yield c.kind, c.record_id, f, clock, v, merge.effective(base or {}, f)


def _check_nothing_lost(devs: dict[str, Device]) -> None:
    writes = list(_writes(devs["hub"]))
    value_at = {(k, r, f, clock): v for k, r, f, clock, v, _ in writes}
    seen_values: dict[tuple[str, str, str], list[Any]] = {}
    for k, r, f, _, _, base in writes:
        if base is not None and (k, r, f, base) in value_at:
            seen_values.setdefault((k, r, f), []).append(value_at[(k, r, f, base)])
    for dev in devs.values():
        logged: dict[tuple[str, str, str], list[Any]] = {}
        for c in list_conflicts(dev.db, include_resolved=True):
            logged.setdefault((c.kind, c.record_id, c.field), []).append(c.losing_value)
        for k, r, f, clock, v, _ in writes:
            record = dev.get(k, r)
            assert record is not None, (dev.name, k, r)
            current = record[f]
            key = (k, r, f)
            assert current == v or v in logged.get(key, []) or v in seen_values.get(key, []), (
                dev.name,
                key,
                clock,
                v,
                current,
                logged.get(key),
            )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(steps=st.lists(step, min_size=10, max_size=30))
def test_all_devices_converge_and_nothing_is_lost(
    templates: dict[str, Path], steps: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        devs = open_devices(templates, Path(tmp))
        try:
            _run(devs, steps)
            digests = {n: merge.digest(d.db) for n, d in devs.items()}
            assert len(set(digests.values())) == 1, digests
            states = [visible_state(d) for d in devs.values()]
            assert all(s == states[0] for s in states[1:])
            assert all(
                merge.state_vector(d.db) == merge.state_vector(devs["hub"].db)
                for d in devs.values()
            )
            _check_nothing_lost(devs)
        finally:
            for d in devs.values():
                d.close()
