"""Property: records named by their content and records that belong to a parent converge too.

Three field laptops and a hub (real encrypted, enrolled profiles) work offline on the records
whose identity is their key (core/model.py ``Kind.key``): they record the same procedure-step
cells, system statuses and goal months without having seen each other's (``RecordService.put``),
add and remove a group's, a training's and an issue's organisations concurrently
(``RecordService.set_members``), edit those membership records, and delete and restore the
parents (and create new ones) while children are added elsewhere. Everything travels as real
bundle files, delivered in any order, twice, or lost, as in test_convergence_bundles.py; the
week ends with full bundles both ways, twice.

Afterwards: every device holds the same changes, records and state vectors; each key has one
record, under the id its key derives, and every key anyone wrote exists everywhere; a membership
someone added and nobody removed is live everywhere (two concurrent additions both survive);
every value anyone wrote is current, in that device's conflict log, or was replaced by a writer
who had it in front of them; lists hide the children of a deleted parent, and after the hub
restores every parent and the team syncs once more, lists show them again.

The fast variant runs a few examples plus one history written out by hand that hits each case;
the slow one (``-m slow``, run by ``make test``) explores longer histories.
"""

from __future__ import annotations

import itertools
import random
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dxdesk.core.model import KINDS, STEP_STATUSES, Kind, key_id, kind
from dxdesk.services import sync
from dxdesk.services.records import RecordService
from dxdesk.store.meanings import live_clause
from tests.sync.merge_helpers import Device
from tests.sync.sync_helpers import enrol_field, make_profile
from tests.sync.test_convergence import World, _check_nothing_lost, assert_converged
from tests.sync.test_convergence_bundles import _open_team

FIELD_DEVICES = ("a", "b", "c")
DEVICES = (*FIELD_DEVICES, "hub")
ORGS = ("高千穂町", "日之影町", "五ヶ瀬町")  # as a person types them; the service finds the ids
PARENTS = ("group", "training", "issue")
KEYED = ("step_status", "system_status", "goal_progress")
SHARED = ("甲", "乙")  # values two devices may both write: equal writes are one value


def _parent_values(kind_name: str, name: str) -> dict[str, object]:
    if kind_name == "group":
        return {"name": name, "group_type": "生活圏"}
    if kind_name == "training":
        return {"title": name, "training_type": "研修", "status": "計画中"}
    return {"org_id": "高千穂町", "title": name, "status": "対応中"}


def _export(src: Device, dst: Device, out: Path, *, full: bool = False) -> Path:
    to = "hub" if dst.name == "hub" else dst.device_id
    return sync.export_bundle(src.profile, to, out, full=full).path


@pytest.fixture(scope="module")
def team_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hub and three enrolled laptops that all hold two groups, trainings and issues and one
    goal (made on the hub and sent out once); each example works on a copy."""
    root = tmp_path_factory.mktemp("keys-team")
    hub = make_profile(root / "hub", "hub", "統括")
    fields = {name: make_profile(root / name, "field", name) for name in FIELD_DEVICES}
    for f in fields.values():
        enrol_field(hub, f, root)
    service = RecordService(hub)
    for parent, i in itertools.product(PARENTS, range(2)):
        service.add(parent, _parent_values(parent, f"共通{parent}{i}"))
    service.add("goal", {"fy": 2026, "title": "標準化移行の完了"})
    for f in fields.values():
        path = sync.export_bundle(hub, f.device_id, root / "usb").path
        sync.import_bundle(f, path)
    for p in (hub, *fields.values()):
        p.close(backup=False)
    return root


# ---------------------------------------------------------------- histories

dev = st.sampled_from(DEVICES)
text = st.one_of(st.sampled_from(SHARED), st.none())  # None: a value nobody else writes
which = st.integers(0, 5)  # a parent, by its place in the list (taken modulo its length)
# record a keyed cell: (kind, which key, also the second field?, value); few keys, so that
# devices meet on them
put = st.tuples(st.just("put"), dev, st.integers(0, 2), st.integers(0, 1), st.booleans(), text)
# add (True) or remove (False) an organisation of a parent: (parent kind, parent, org, add?)
member = st.tuples(
    st.just("member"), dev, st.integers(0, 2), which, st.integers(0, 2), st.booleans()
)
# edit a membership record's note
child_edit = st.tuples(
    st.just("child_edit"), dev, st.integers(0, 2), which, st.integers(0, 2), text
)
parent = st.tuples(st.sampled_from(["delete", "restore"]), dev, st.integers(0, 2), which)
parent_new = st.tuples(st.just("parent_new"), dev, st.integers(0, 2))
# a bundle from a laptop to the hub (True) or from the hub to a laptop (False), imported at
# once, twice, left waiting (``write``) or lost on the way
send = st.tuples(
    st.just("send"),
    st.sampled_from(FIELD_DEVICES),
    st.booleans(),
    st.sampled_from(["now", "twice", "later", "lose"]),
)
# deliver some waiting bundle to its device: once, twice, or lose it
deliver = st.tuples(
    st.just("deliver"), dev, st.integers(0, 2**16), st.sampled_from(["once", "twice", "lose"])
)
# Weighted (one_of would pick each distinct strategy equally often, repeated or not): as much
# travel as work, or little arrives out of order.
step = st.sampled_from(
    [put] * 3 + [member] * 3 + [child_edit, parent, parent, parent_new] + [send] * 5 + [deliver] * 2
).flatmap(lambda chosen: chosen)


@dataclass
class Team:
    devs: dict[str, Device]
    usb: Path
    parents: dict[str, list[str]] = field(default_factory=dict)  # kind -> ids, oldest first
    orgs: dict[str, str] = field(default_factory=dict)  # typed name -> id
    goal: str = ""
    inbox: dict[str, list[Path]] = field(default_factory=lambda: {n: [] for n in DEVICES})
    keys_written: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) of cells
    added: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) of memberships
    removed: set[tuple[str, str]] = field(default_factory=set)

    def write(self, src: str, dst: str, *, full: bool = False) -> None:
        self.inbox[dst].append(_export(self.devs[src], self.devs[dst], self.usb, full=full))

    def take(self, name: str, path: Path) -> None:
        sync.import_bundle(self.devs[name].profile, path)

    def sync_all(self, *, full: bool) -> None:
        """Everyone sends, the hub answers, twice (relayed work makes both hops)."""
        for _round in range(2):
            for name in FIELD_DEVICES:
                self.write(name, "hub", full=full)
                self.take("hub", self.inbox["hub"].pop())
            for name in FIELD_DEVICES:
                self.write("hub", name, full=full)
                self.take(name, self.inbox[name].pop())

    # ------------------------------------------------------------ what the steps mean

    def cell(self, which: int, key: int, second: bool, value: str | None, counter: int) -> Any:
        """The kind, key and values of a put (two keys per kind: devices meet on them)."""
        orgs = list(self.orgs)[:2]
        name = KEYED[which]
        typed = value if value is not None else f"値{counter}"
        if name == "step_status":
            org, system, step_no = list(itertools.product(orgs, ("01", "02"), (1, 2)))[key % 8]
            keys: dict[str, object] = {"org_id": org, "system_code": system, "step_no": step_no}
            # status is required: a put that makes the cell names one
            status = STEP_STATUSES[(counter if value is None else SHARED.index(value)) % 4]
            values: dict[str, object] = {"status": status}
            if second:
                values["note"] = typed
        elif name == "system_status":
            org, system = list(itertools.product(orgs, ("01", "02")))[key % 4]
            keys = {"org_id": org, "system_code": system}
            values = {"notes" if second else "package_name": typed}
        else:
            keys = {"goal_id": self.goal, "month": ("2026-04", "2026-05")[key % 2]}
            number = float(counter) if value is None else float(SHARED.index(value) + 1)
            values = {"note": typed} if second else {"value": number}
        return name, keys, values

    def stored_key(self, k: Kind, keys: dict[str, object]) -> str:
        resolved = {n: self.orgs.get(str(v), v) if n == "org_id" else v for n, v in keys.items()}
        rid = key_id(k, resolved)
        assert rid is not None
        return rid

    def membership(self, which: int, parent: int, org: int) -> tuple[Kind, str, str, str]:
        parent_kind = PARENTS[which]
        child = RecordService(self.devs["hub"].profile).membership_kind(parent_kind)
        pid = self.parents[parent_kind][parent % len(self.parents[parent_kind])]
        org_name = ORGS[org]
        rid = key_id(child, {str(child.parent): pid, "org_id": self.orgs[org_name]})
        assert rid is not None
        return child, pid, org_name, rid


def _run(team: Team, steps: list[tuple[Any, ...]]) -> None:
    devs = team.devs
    for counter, s in enumerate(steps):
        op = s[0]
        if op == "put":
            d = devs[s[1]]
            name, keys, values = team.cell(s[2], s[3], s[4], s[5], counter)
            change = RecordService(d.profile).put(name, {**keys, **values})
            if change is not None and change.op == "create":
                assert change.record_id == team.stored_key(kind(name), keys)
                team.keys_written.add((name, change.record_id))
        elif op == "member":
            d = devs[s[1]]
            child, pid, org_name, rid = team.membership(s[2], s[3], s[4])
            parent_kind = PARENTS[s[2]]
            held = d.get(parent_kind, pid)
            if held is None or held["_deleted"]:
                continue  # nobody adds to (or removes from) a group they cannot see
            if RecordService(d.profile).set_members(parent_kind, pid, {org_name: s[5]}):
                (team.added if s[5] else team.removed).add((child.name, rid))
        elif op == "child_edit":
            child, _pid, _org, rid = team.membership(s[2], s[3], s[4])
            note = s[5] if s[5] is not None else f"{s[1]}-{counter}"
            devs[s[1]].edit(child.name, rid, {"note": note})
        elif op in ("delete", "restore"):
            d = devs[s[1]]
            parent_kind = PARENTS[s[2]]
            pid = team.parents[parent_kind][s[3] % len(team.parents[parent_kind])]
            if d.get(parent_kind, pid) is not None:
                getattr(RecordService(d.profile), op)(parent_kind, pid)
        elif op == "parent_new":
            parent_kind = PARENTS[s[2]]
            values = _parent_values(parent_kind, f"{s[1]}の{parent_kind}{counter}")
            made = RecordService(devs[s[1]].profile).add(parent_kind, values)
            team.parents[parent_kind].append(made.record_id)
        elif op in ("write", "send"):
            src, dst = (s[1], "hub") if s[2] else ("hub", s[1])
            team.write(src, dst)
            mode = s[3] if op == "send" else "later"
            if mode != "later":
                path = team.inbox[dst].pop()
                if mode != "lose":
                    team.take(dst, path)
                if mode == "twice":
                    team.take(dst, path)
        else:
            waiting = team.inbox[s[1]]
            if not waiting:
                continue
            rng = random.Random(s[2])
            path = waiting.pop(rng.randrange(len(waiting)))  # any order
            if s[3] != "lose":
                team.take(s[1], path)
                if s[3] == "twice":
                    team.take(s[1], path)  # already imported: nothing changes
    # The end of the week: full bundles recover what was lost on the way.
    team.sync_all(full=True)


# ---------------------------------------------------------------- what must hold


def _rows(d: Device, k: Kind) -> list[dict[str, Any]]:
    return d.db.query(f'SELECT * FROM "{k.name}"')


def _check_keys(team: Team) -> None:
    """One record per key, under the id the key derives; every key written is held."""
    written = {(k, r) for k, r in team.keys_written} | team.added | team.removed
    for d in team.devs.values():
        held: set[tuple[str, str]] = set()
        for k in (k for k in KINDS if k.key):
            rows = _rows(d, k)
            keys = [tuple(r[n] for n in k.key) for r in rows]
            assert len(keys) == len(set(keys)), (d.name, k.name, keys)
            for r in rows:
                assert r["id"] == key_id(k, {n: r[n] for n in k.key}), (d.name, k.name, r)
                held.add((k.name, str(r["id"])))
        assert written <= held, (d.name, written - held)
        for k_name, rid in team.added - team.removed:
            # Added somewhere and removed nowhere: every addition survives the merge.
            row = d.get(k_name, rid)
            assert row is not None and not row["_deleted"], (d.name, k_name, rid)
        for k_name, rid in team.keys_written:
            assert not d.get(k_name, rid)["_deleted"]  # type: ignore[index]


def _listed(d: Device, k: Kind) -> set[str]:
    return {str(r["id"]) for r in RecordService(d.profile).list_records(k.name)}


def _check_lists(team: Team) -> set[str]:
    """Lists show a child exactly when it and its parent are live; returns the ids shown."""
    shown: set[str] = set()
    for d in team.devs.values():
        for parent_kind in PARENTS:
            child = RecordService(d.profile).membership_kind(parent_kind)
            live_parents = {str(r["id"]) for r in _rows(d, kind(parent_kind)) if not r["_deleted"]}
            assert _listed(d, kind(parent_kind)) == live_parents
            expected = {
                str(r["id"])
                for r in _rows(d, child)
                if not r["_deleted"] and r[str(child.parent)] in live_parents
            }
            listed = _listed(d, child)
            assert listed == expected, (d.name, child.name, listed ^ expected)
            # The same clause that every list uses, straight in SQL (reports read it so).
            sql = f'SELECT id FROM "{child.name}" WHERE {live_clause(child, child.name)}'
            assert {str(r["id"]) for r in d.db.query(sql)} == expected
            shown |= listed
    return shown


def _restore_every_parent(team: Team) -> None:
    """The hub brings back every deleted parent; the team syncs once more, as it would."""
    hub = RecordService(team.devs["hub"].profile)
    for parent_kind in PARENTS:
        for pid in team.parents[parent_kind]:
            if team.devs["hub"].get(parent_kind, pid)["_deleted"]:  # type: ignore[index]
                hub.restore(parent_kind, pid)
    team.sync_all(full=False)


@dataclass
class Seen:
    """What a history made happen, so that a history written by hand can show it does."""

    created_twice: int  # keyed records created on more than one device
    hidden: int  # children hidden with their parent, shown again after its restore
    conflicts: int  # values kept in the hub's conflict log


def _check(team: Team) -> Seen:
    devs, hub = team.devs, team.devs["hub"]
    assert_converged(devs)
    for d in devs.values():
        assert sync.list_forks(d.profile, include_resolved=True) == []
    _check_keys(team)
    _check_nothing_lost(World(devs, "group", {}))
    before = _check_lists(team)
    _restore_every_parent(team)
    assert_converged(devs)
    after = _check_lists(team)
    assert before <= after
    for child in (k for k in KINDS if k.parent is not None):
        live = {str(r["id"]) for r in _rows(hub, child) if not r["_deleted"]}
        assert _listed(hub, child) == live  # every parent is live: every live child is back
    twice = hub.db.query(
        "SELECT count(*) AS n FROM (SELECT record_id FROM changes WHERE op = 'create'"
        " GROUP BY kind, record_id HAVING count(DISTINCT device_id) > 1)"
    )
    return Seen(int(twice[0]["n"]), len(after - before), len(hub.conflicts()))


def _play(template: Path, steps: list[tuple[Any, ...]]) -> Seen:
    with tempfile.TemporaryDirectory() as tmp:
        devs = _open_team(template, Path(tmp))
        try:
            hub = devs["hub"]
            service = RecordService(hub.profile)
            team = Team(devs, Path(tmp) / "usb")
            team.orgs = {name: service.resolve_org(name) for name in ORGS}
            for parent_kind in PARENTS:
                team.parents[parent_kind] = [str(r["id"]) for r in _rows(hub, kind(parent_kind))]
            team.goal = str(_rows(hub, kind("goal"))[0]["id"])
            _run(team, steps)
            return _check(team)
        finally:
            for d in devs.values():
                d.close()


HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]

# A week written out, so that every run meets each case at least once.
A_WEEK: list[tuple[Any, ...]] = [
    # Offline, before anyone syncs: a and b record the same step cell, c and the hub the same
    # system row (other fields), a and c the same goal month.
    ("put", "a", 0, 0, True, "甲"),
    ("put", "b", 0, 0, True, None),
    ("put", "c", 1, 1, False, "乙"),
    ("put", "hub", 1, 1, True, None),
    ("put", "a", 2, 0, False, None),
    ("put", "c", 2, 0, True, "甲"),
    # a and b add members to group 0 (高千穂町 on both); c adds to training 0, which the hub
    # deletes meanwhile; the hub adds an organisation to issue 1.
    ("member", "a", 0, 0, 0, True),
    ("member", "b", 0, 0, 1, True),
    ("member", "b", 0, 0, 0, True),
    ("member", "c", 1, 0, 2, True),
    ("delete", "hub", 1, 0),
    ("member", "hub", 2, 1, 1, True),
    # Every laptop writes to the hub, which imports two of the bundles, one of them twice.
    ("write", "a", True),
    ("write", "b", True),
    ("write", "c", True),
    ("deliver", "hub", 1, "twice"),
    ("deliver", "hub", 2, "once"),
    # b notes on 高千穂町 in group 0 while a, having the hub's bundle, removes 日之影町 from
    # it, and c deletes the group; b changes the cell again and makes a group of its own.
    ("write", "a", False),
    ("child_edit", "b", 0, 0, 0, "乙"),
    ("deliver", "a", 0, "once"),
    ("member", "a", 0, 0, 1, False),
    ("delete", "c", 0, 0),
    ("put", "b", 0, 0, False, "乙"),
    ("parent_new", "b", 0),
    ("member", "b", 0, 2, 2, True),
    # Bundles both ways, delivered in any order, once lost, once twice.
    ("write", "b", True),
    ("write", "c", True),
    ("write", "c", False),
    ("deliver", "hub", 9, "once"),
    ("deliver", "hub", 0, "twice"),
    ("write", "a", False),
    ("write", "b", False),
    ("deliver", "b", 5, "lose"),
    ("deliver", "c", 1, "once"),
    ("deliver", "a", 3, "once"),
]

# A laptop gets another's edit of a cell before the cell's create (the hub's earlier bundle is
# late), then records the same cell itself: the edit it held must still be merged (it was not,
# before sync/merge.py replayed held changes on a keyed create of a record held here).
EDIT_BEFORE_OWN_CREATE: list[tuple[Any, ...]] = [
    ("put", "a", 0, 0, False, "甲"),
    ("send", "a", True, "now"),
    ("write", "b", False),
    ("write", "c", False),  # the cell's create, for c: delivered last
    ("deliver", "b", 0, "once"),
    ("put", "b", 0, 0, True, "乙"),  # b edits a's cell
    ("send", "b", True, "now"),
    ("write", "c", False),  # b's edit, for c
    ("deliver", "c", 0, "once"),  # the second bundle first (Random(0).randrange(2) == 1)
    ("put", "c", 0, 0, False, None),  # c records the cell: to c it is new
    ("deliver", "c", 0, "once"),
]


def test_a_week_written_out(team_template: Path) -> None:
    seen = _play(team_template, A_WEEK)
    assert seen.created_twice >= 3 and seen.hidden >= 1 and seen.conflicts >= 1, seen


@settings(max_examples=4, deadline=None, suppress_health_check=HEALTH)
@given(steps=st.lists(step, min_size=8, max_size=20))
@example(steps=EDIT_BEFORE_OWN_CREATE)
def test_keys_and_children_converge(team_template: Path, steps: list[tuple[Any, ...]]) -> None:
    _play(team_template, steps)


@pytest.mark.slow
@settings(max_examples=50, deadline=None, suppress_health_check=HEALTH)
@given(steps=st.lists(step, min_size=20, max_size=60))
def test_keys_and_children_converge_long(team_template: Path, steps: list[tuple[Any, ...]]) -> None:
    _play(team_template, steps)
