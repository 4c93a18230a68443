"""Property: whatever the history and however change sets travel, every database converges and
nothing anyone wrote is lost.

Three field devices and a hub (real encrypted profiles) edit, delete and restore records and
restore losing values from their conflict logs; change sets travel between a field device and
the hub in random order, with duplicates and drops (the hub's bundles: lost, once or twice), and
end with a full resend. Afterwards all four databases must hold identical records (digest and
visible values) and state vectors, and every value any device wrote must be current, in that
database's conflict log, or have been replaced by a writer who had that value in front of them
(it was seen, not lost). The scoped variant gives two field devices one organisation each: they
must match the hub on their organisations, and their vectors must still meet the hub's.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
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
CONTACT_FIELDS = {"field1": "department", "field2": "notes"}


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


@dataclass
class World:
    """The devices, the records they work on and, when scoped, who sees which organisation."""

    devs: dict[str, Device]
    kind: str
    fields: dict[str, str]
    records: list[tuple[str, str | None]] = field(default_factory=list)  # (id, organisation)
    scopes: dict[str, set[str] | None] = field(default_factory=dict)
    believed: dict[str, dict[str, int]] = field(default_factory=dict)  # hub's idea of a vector

    def add(self, dev: str, org: str | None, name: str) -> None:
        values: dict[str, object] = {"name": name}
        if org is not None:
            values["org_id"] = org
        self.records.append((self.devs[dev].add(self.kind, values), org))

    def to_field(self, name: str, mode: str = "exact", seed: int = 0, full: bool = False) -> None:
        """The hub's bundle for one field device: only its organisations, whole or not at all."""
        hub, dev = self.devs["hub"], self.devs[name]
        scope = self.scopes.get(name)
        if full:
            have: dict[str, int] = {}
        elif mode == "exact":
            have = merge.state_vector(dev.db)
        else:
            have = self.believed.get(name, {})
        through = merge.state_vector(hub.db)
        changes = list(merge.changes_since(hub.db, have, scope=scope))
        covers = {d: (have.get(d, 0), n) for d, n in through.items()} if scope else None
        self.believed[name] = through  # the hub assumes its bundle arrives
        rng = random.Random(seed)
        copies = 1 if mode == "exact" or full else rng.choice([0, 1, 2])  # lost, once, twice
        for _ in range(copies):
            dev.receive(_shuffled(list(changes), str(seed)), covers=covers)

    def all_orgs(self) -> set[str]:
        return {o for scope in self.scopes.values() if scope for o in scope}

    def to_hub(self, name: str, mode: str, seed: int) -> None:
        _deliver(self.devs[name], self.devs["hub"], mode, seed)
        self.believed[name] = merge.state_vector(self.devs[name].db)  # its bundle announces it


def _run(world: World, steps: list[tuple[Any, ...]]) -> None:
    devs, hub = world.devs, world.devs["hub"]
    for counter, s in enumerate(steps):
        op, dev = s[0], devs[s[1]]
        if op == "edit":
            rid, _ = world.records[s[2] % len(world.records)]
            text = s[4] if s[4] is not None else f"{s[1]}-{counter}"
            dev.edit(world.kind, rid, {world.fields[s[3]]: text})
        elif op in ("delete", "restore"):
            rid, _ = world.records[s[2] % len(world.records)]
            if dev.get(world.kind, rid) is not None:
                getattr(dev, op)(world.kind, rid)
        elif op == "create":
            scope = world.scopes.get(s[1])
            org = None
            if world.scopes:
                choices = sorted(scope) if scope else sorted(world.all_orgs())
                org = choices[counter % len(choices)]
            world.add(s[1], org, f"{s[1]}の記録{counter}")
        elif op == "resolve":
            open_ = list_conflicts(dev.db)
            if open_:
                restore_conflict(dev.db, open_[s[2] % len(open_)].id, store=dev.profile.records)
        elif s[2]:
            world.to_hub(s[1], s[3], s[4])
        else:
            world.to_field(s[1], s[3], s[4])
    # The full resend (--full): everything to the hub, then everything back, in random order.
    for name in FIELD_DEVICES:
        hub.receive(_shuffled(list(merge.changes_since(devs[name].db, {})), name))
    for name in FIELD_DEVICES:
        world.to_field(name, full=True, seed=len(steps))


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


def _check_nothing_lost(world: World) -> None:
    devs = world.devs
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
            if record is None:
                assert world.scopes.get(dev.name) is not None, (dev.name, k, r)
                continue  # another organisation's record: not this device's to hold
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


def assert_converged(devs: dict[str, Device]) -> None:
    """Same writes (digest), same visible records, same state vectors on every device."""
    digests = {n: merge.digest(d.db) for n, d in devs.items()}
    assert len(set(digests.values())) == 1, digests
    states = [visible_state(d) for d in devs.values()]
    assert all(s == states[0] for s in states[1:])
    vectors = [merge.state_vector(d.db) for d in devs.values()]
    assert all(v == vectors[0] for v in vectors[1:])


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(steps=st.lists(step, min_size=10, max_size=30))
def test_all_devices_converge_and_nothing_is_lost(
    templates: dict[str, Path], steps: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        devs = open_devices(templates, Path(tmp))
        try:
            world = World(devs, "vendor", VENDOR_FIELDS)
            for i in range(2):
                world.add("hub", None, f"共通ベンダ{i}")
            for name in FIELD_DEVICES:
                world.to_field(name)
            _run(world, steps)
            assert_converged(devs)
            _check_nothing_lost(world)
        finally:
            for d in devs.values():
                d.close()


@SETTINGS
@given(steps=st.lists(step, min_size=10, max_size=30))
def test_scoped_devices_converge_on_their_organisations(
    templates: dict[str, Path], steps: list[tuple[Any, ...]]
) -> None:
    # a sees one organisation, b another, c all of them: the hub sends each only its own, in
    # bundles that arrive whole, twice or not at all, and the vectors still meet.
    with tempfile.TemporaryDirectory() as tmp:
        devs = open_devices(templates, Path(tmp))
        try:
            hub = devs["hub"]
            one, two = (r["id"] for r in hub.db.query("SELECT id FROM organisation LIMIT 2"))
            world = World(
                devs, "contact", CONTACT_FIELDS, scopes={"a": {one}, "b": {two}, "c": None}
            )
            world.add("hub", one, "一の担当者")
            world.add("hub", two, "二の担当者")
            for name in FIELD_DEVICES:
                world.to_field(name)
            _run(world, steps)
            assert merge.digest(hub.db) == merge.digest(devs["c"].db)
            assert visible_state(hub) == visible_state(devs["c"])
            for name, orgs in (("a", {one}), ("b", {two})):
                assert merge.digest(devs[name].db, scope=orgs) == merge.digest(hub.db, scope=orgs)
            vectors = [merge.state_vector(d.db) for d in devs.values()]
            assert all(v == vectors[0] for v in vectors[1:])  # past every hole
            _check_nothing_lost(world)
        finally:
            for d in devs.values():
                d.close()
