"""Property: with real bundles (signed, encrypted, origin-proven) travelling in any order, lost,
or twice, every device converges and nothing anyone wrote is lost.

tests/sync/test_convergence.py checks the merge itself on random histories with change sets
handed over directly; this one runs the same kind of history through the whole sync path that
users run: ``export_bundle`` writes a file per hop, and each file is imported late, twice, or
never. Relayed changes are checked against their origin's signed head on every hop. The run ends
as a team would end a week: every laptop sends to the hub, the hub sends to every laptop, twice
(so relayed work makes both hops), and a laptop whose bundle was lost asks for ``--full``.
"""

from __future__ import annotations

import dataclasses
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dxdesk.services import sync
from tests.sync.merge_helpers import Device
from tests.sync.sync_helpers import enrol_field, make_profile, reopen
from tests.sync.test_convergence import (
    VENDOR_FIELDS,
    World,
    _check_nothing_lost,
    assert_converged,
)

FIELD_DEVICES = ("a", "b", "c")
DEVICES = (*FIELD_DEVICES, "hub")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def team_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub and three enrolled laptops, made once: each example works on a copy."""
    root = tmp_path_factory.mktemp("team")
    hub = make_profile(root / "hub", "hub", "統括")
    fields = {name: make_profile(root / name, "field", name) for name in FIELD_DEVICES}
    for f in fields.values():
        enrol_field(hub, f, root)
    for p in (hub, *fields.values()):
        p.close(backup=False)
    return root


value = st.one_of(st.sampled_from(["甲", "乙"]), st.none())
record = st.integers(0, 5)
edit = st.tuples(
    st.just("edit"), st.sampled_from(DEVICES), record, st.sampled_from(("field1", "field2")), value
)
step = st.one_of(
    edit,
    edit,  # edits twice as often as anything else: conflicts need them
    st.tuples(st.sampled_from(["delete", "restore"]), st.sampled_from(DEVICES), record),
    st.tuples(st.just("create"), st.sampled_from(DEVICES)),
    # write a bundle from a laptop to the hub (True) or from the hub to a laptop (False)
    st.tuples(st.just("write"), st.sampled_from(FIELD_DEVICES), st.booleans()),
    # deliver some waiting bundle to its device: once, twice, or lose it
    st.tuples(
        st.just("deliver"),
        st.sampled_from(DEVICES),
        st.integers(0, 2**16),
        st.sampled_from(["once", "twice", "lose"]),
    ),
)


def _open_team(template: Path, tmp: Path) -> dict[str, Device]:
    devs = {}
    for name in DEVICES:
        shutil.copytree(template / name, tmp / name)
        profile = reopen(tmp / name)
        # No pre-import snapshots: hundreds of imports per run, and not what is tested here.
        profile.settings = dataclasses.replace(profile.settings, backups_kept=0)
        devs[name] = Device(name, profile)
    return devs


def _run(world: World, steps: list[tuple[Any, ...]]) -> None:
    devs = world.devs
    inbox: dict[str, list[Path]] = {n: [] for n in DEVICES}
    out = Path(devs["hub"].profile.paths.root).parent / "usb"

    def write(src: str, dst: str, *, full: bool = False) -> None:
        to = "hub" if dst == "hub" else devs[dst].device_id
        inbox[dst].append(sync.export_bundle(devs[src].profile, to, out, full=full).path)

    def take(name: str, path: Path) -> None:
        sync.import_bundle(devs[name].profile, path)

    for counter, s in enumerate(steps):
        op = s[0]
        if op == "edit":
            dev = devs[s[1]]
            rid, _ = world.records[s[2] % len(world.records)]
            dev.edit(
                world.kind,
                rid,
                {world.fields[s[3]]: s[4] if s[4] is not None else f"{s[1]}-{counter}"},
            )
        elif op in ("delete", "restore"):
            dev = devs[s[1]]
            rid, _ = world.records[s[2] % len(world.records)]
            if dev.get(world.kind, rid) is not None:
                getattr(dev, op)(world.kind, rid)
        elif op == "create":
            world.add(s[1], None, f"{s[1]}の記録{counter}")
        elif op == "write":
            if s[2]:
                write(s[1], "hub")
            else:
                write("hub", s[1])
        else:
            waiting = inbox[s[1]]
            if not waiting:
                continue
            rng = random.Random(s[2])
            path = waiting.pop(rng.randrange(len(waiting)))  # any order
            if s[3] != "lose":
                take(s[1], path)
                if s[3] == "twice":
                    take(s[1], path)  # already imported: nothing changes
    # The end of the week: everyone sends, the hub answers, twice; full bundles recover losses.
    for _round in range(2):
        for name in FIELD_DEVICES:
            write(name, "hub", full=True)
            take("hub", inbox["hub"].pop())
        for name in FIELD_DEVICES:
            write("hub", name, full=True)
            take(name, inbox[name].pop())


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(steps=st.lists(step, min_size=10, max_size=40))
def test_bundles_in_any_order_converge_with_origin_proofs(
    team_template: Path, steps: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        devs = _open_team(team_template, Path(tmp))
        try:
            world = World(devs, "vendor", VENDOR_FIELDS)
            for i in range(2):
                world.add("hub", None, f"共通ベンダ{i}")
            _run(world, steps)
            assert_converged(devs)
            # Nothing was kept aside: every history is the one its device signed.
            for d in devs.values():
                assert sync.list_forks(d.profile, include_resolved=True) == []
            _check_nothing_lost(world)
        finally:
            for d in devs.values():
                d.close()
