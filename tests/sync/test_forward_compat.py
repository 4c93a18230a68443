"""Versions that mix: what a newer dxdesk adds is kept by this one, relayed, and appears after
an update; what it cannot honour is refused before a byte is written (docs/architecture.md,
"Versions that mix").

The newer version is a "future" model made here: today's kinds, plus a field on ``issue``
(影響度) and two kinds (決定事項, with an organisation; 課題の対応記録, a child of an issue).
A future device is a real profile whose database got what the future release's migration would
add (the statements store/schema.py derives from the future model) and which is opened with
that model; it writes through the real record store and exports through the real services.
An update is exactly that, on a profile of today's version.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dxdesk.core.model import KINDS, Field, FieldType, Kind, kind, validate
from dxdesk.errors import UserError
from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Credentials, Profile, open_profile
from dxdesk.services.records import RecordService
from dxdesk.store import schema
from dxdesk.store.rows import row_clocks
from dxdesk.sync import enrol, foreign, merge
from dxdesk.sync.changes import Change, Model
from dxdesk.sync.deferred import apply_deferred
from tests.conftest import PASSPHRASE, tree_digest
from tests.sync.bundle_helpers import craft
from tests.sync.merge_helpers import make_templates
from tests.sync.sync_helpers import enrol_field, make_profile, reopen

ISSUE = kind("issue")
FUTURE_ISSUE = dataclasses.replace(
    ISSUE,
    fields=(*ISSUE.fields, Field("impact", "影響度", FieldType.CHOICE, choices=("大", "中", "小"))),
)
DECISION = Kind(
    "decision",
    "決定事項",
    (
        Field("org_id", "団体", FieldType.ORG, required=True),
        Field("title", "決定事項", required=True),
        Field("decided_on", "決定日", FieldType.DATE),
        Field("note", "備考", FieldType.LONGTEXT),
    ),
    title="title",
    date_field="decided_on",
    org_field="org_id",
)
ACTION = Kind(
    "issue_action",
    "課題の対応記録",
    (
        Field("issue_id", "課題", FieldType.REF, ref="issue", required=True),
        Field("action", "対応", required=True),
        Field("done_on", "対応日", FieldType.DATE),
    ),
    title="action",
    parent="issue_id",
)
FUTURE = Model((*(FUTURE_ISSUE if k.name == "issue" else k for k in KINDS), DECISION, ACTION))
CREDS = Credentials(passphrase=PASSPHRASE, use_keyring=False)


def upgrade(root: Path) -> Profile:
    """What updating this profile to the future version does: its migration (the tables and
    columns the future model adds, empty), then opening with its model."""
    profile = reopen(root)
    try:
        with profile.database.transaction() as conn:
            for statement in schema.plan(conn, FUTURE.kinds):
                conn.execute(statement)
    finally:
        profile.close(backup=False)
    return open_profile(ProfilePaths(root), CREDS, model=FUTURE)


def future_profile(root: Path, role: str, name: str) -> Profile:
    make_profile(root, role, name).close(backup=False)
    return upgrade(root)


def write(profile: Profile, k: Kind, values: dict[str, Any]) -> str:
    with profile.database.transaction():
        return profile.records.insert(k, validate(k, values)).record_id


def edit(profile: Profile, k: Kind, record_id: str, values: dict[str, Any]) -> None:
    with profile.database.transaction():
        assert profile.records.update(k, record_id, validate(k, values, partial=True))


def org(profile: Profile, name: str) -> str:
    return RecordService(profile).resolve_org(name)


def issue(profile: Profile, town: str, title: str, impact: str) -> dict[str, Any]:
    return {"org_id": org(profile, town), "title": title, "status": "未対応", "impact": impact}


def kept(profile: Profile) -> int:
    return foreign.count(profile.database)


def rows(profile: Profile, k: Kind) -> dict[str, dict[str, Any]]:
    return {str(r["id"]): r for r in profile.records.select(k, include_deleted=True)}


def counts(profile: Profile) -> dict[str, int]:
    conn = profile.database.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


# ---------------------------------------------------------------- through bundles


@pytest.fixture
def team(tmp_path: Path) -> Iterator[dict[str, Profile]]:
    """Today's hub; two future laptops (f2 sees 高千穂町 only); a laptop of today's version."""
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    devices = {"hub": hub}
    try:
        devices["f1"] = future_profile(tmp_path / "新版1", "field", "新版1")
        devices["f2"] = future_profile(tmp_path / "新版2", "field", "新版2")
        devices["old"] = make_profile(tmp_path / "現行", "field", "現行")
        for name in ("f1", "f2", "old"):
            enrol_field(hub, devices[name], tmp_path)
        sync.set_scope(hub, devices["f2"].device_id, ["高千穂町"])
        yield devices
    finally:
        for p in devices.values():
            p.close(backup=False)


def carry(sender: Profile, to: Profile, usb: Path) -> sync.Imported:
    out = sync.export_bundle(sender, "hub" if to.role == "hub" else to.device_id, usb)
    return sync.import_bundle(to, out.path)


def future_work(f1: Profile) -> dict[str, str]:
    """A future laptop's records in two towns: issues with 影響度, decisions, issue actions."""
    ids = {
        "i1": write(f1, FUTURE_ISSUE, issue(f1, "高千穂町", "基幹系の移行遅延", "大")),
        "i2": write(f1, FUTURE_ISSUE, issue(f1, "日之影町", "回線の増強", "小")),
    }
    for town, key in (("高千穂町", "d1"), ("日之影町", "d2")):
        ids[key] = write(
            f1,
            DECISION,
            {
                "org_id": org(f1, town),
                "title": f"{town} 移行計画の承認",
                "decided_on": "2026-01-20",
            },
        )
    ids["a1"] = write(f1, ACTION, {"issue_id": ids["i1"], "action": "ベンダと再調整"})
    ids["a2"] = write(f1, ACTION, {"issue_id": ids["i2"], "action": "見積依頼"})
    return ids


def test_todays_hub_keeps_a_newer_laptops_additions_and_relays_them_in_scope(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    hub, f1, f2 = team["hub"], team["f1"], team["f2"]
    ids = future_work(f1)
    usb = tmp_path / "usb"

    out = sync.export_bundle(f1, "hub", usb)
    seen = sync.preview(hub, out.path)
    assert seen.plan.kinds["issue"].new == 2 and seen.plan.kept == 6
    assert kept(hub) == 0  # the preview wrote nothing
    done = sync.import_bundle(hub, out.path, seen)
    assert done.applied and done.summary.kept == 6 and not done.diverged
    # The known part merged as usual; the rest kept, not shown, and no table made for it.
    held = rows(hub, ISSUE)
    assert held[ids["i1"]]["title"] == "基幹系の移行遅延" and "impact" not in held[ids["i1"]]
    assert (
        kept(hub) == 6 and hub.database.conn.execute("PRAGMA table_info(decision)").fetchall() == []
    )
    assert hub.database.query("SELECT * FROM conflicts") == []

    # Relayed by today's hub: f2 (高千穂町 only) gets every value of its town, nothing else.
    carry(hub, f2, usb)
    got = rows(f2, FUTURE_ISSUE)
    assert set(got) & {ids["i1"], ids["i2"]} == {ids["i1"]} and got[ids["i1"]]["impact"] == "大"
    assert set(rows(f2, DECISION)) == {ids["d1"]}
    assert set(rows(f2, ACTION)) == {ids["a1"]}
    assert rows(f2, DECISION)[ids["d1"]]["decided_on"] == "2026-01-20"
    assert kept(f2) == 0  # it knows them all

    # f2's own addition comes back to f1 through the same hub.
    edit(f2, FUTURE_ISSUE, ids["i1"], {"impact": "中"})
    carry(f2, hub, usb)
    carry(hub, f1, usb)
    assert rows(f1, FUTURE_ISSUE)[ids["i1"]]["impact"] == "中"


def test_the_import_says_what_it_kept(capsys: pytest.CaptureFixture[str]) -> None:
    from dxdesk.cli.sync import show_counts

    show_counts({"kinds": {}, "kept": 6}, scoped=False)
    said = capsys.readouterr().out
    assert "新しい版の dxdesk で追加された内容を含む変更：6 件" in said and "更新すると" in said
    show_counts({"kinds": {}, "kept": 0}, scoped=False)
    assert "新しい版" not in capsys.readouterr().out


def test_a_laptop_updated_later_shows_what_it_kept(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    hub, f1, old = team["hub"], team["f1"], team["old"]
    ids = future_work(f1)
    usb = tmp_path / "usb"
    carry(f1, hub, usb)
    carry(hub, old, usb)
    assert kept(old) == 6 and "impact" not in rows(old, ISSUE)[ids["i1"]]
    # Today's version edits a known field of the newer issue; the kept value is not touched.
    RecordService(old).edit("issue", ids["i1"], {"status": "対応中"})

    root = old.paths.root
    old.close(backup=False)
    team["old"] = new = upgrade(root)
    assert kept(new) == 0
    issues = rows(new, FUTURE_ISSUE)
    assert issues[ids["i1"]]["impact"] == "大" and issues[ids["i1"]]["status"] == "対応中"
    assert issues[ids["i2"]]["impact"] == "小"
    assert {r["title"] for r in rows(new, DECISION).values()} == {
        "高千穂町 移行計画の承認",
        "日之影町 移行計画の承認",
    }
    assert {r["issue_id"] for r in rows(new, ACTION).values()} == {ids["i1"], ids["i2"]}
    # As a device that knew them all along holds them: the same field clocks, the same digest
    # over the records they share (f1 lacks the status edit until it syncs).
    carry(new, hub, usb)
    carry(hub, f1, usb)
    carry(hub, new, usb)  # the hub's export log entry of the bundle to f1 (nothing else)
    for k, rid in [(FUTURE_ISSUE, ids["i1"]), (DECISION, ids["d2"]), (ACTION, ids["a1"])]:
        assert clocks(new, k, rid) == clocks(f1, k, rid)
    assert merge.digest(new.database, model=FUTURE) == merge.digest(f1.database, model=FUTURE)


def clocks(profile: Profile, k: Kind, record_id: str) -> dict[str, str]:
    row = profile.database.query(f'SELECT * FROM "{k.name}" WHERE id = ?', (record_id,))[0]
    return row_clocks(k, row)


def test_a_bundle_needing_an_unknown_feature_is_refused_and_nothing_is_written(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    hub, f1 = team["hub"], team["f1"]
    future_work(f1)
    changes = list(merge.changes_since(f1.database, {}))
    f1_keys, hub_keys = enrol.load_keys(f1.database), enrol.load_keys(hub.database)
    assert f1_keys and hub_keys
    rule = foreign.manifest_keys(f1.database, FUTURE)
    path = tmp_path / "newer.dxb"
    path.write_bytes(
        craft(
            f1_keys,
            hub_keys,
            changes,
            manifest={**rule, "requires": ["changes-ndjson-1", "zlib", "merge-rules-2"]},
        )
    )
    root = hub.paths.root
    hub.close(backup=False)
    before = tree_digest(root)
    hub = team["hub"] = reopen(root)
    rows_before = counts(hub)
    with pytest.raises(UserError) as err:
        sync.import_bundle(hub, path)
    assert err.value.code == "bundle_unsupported_feature"
    assert "merge-rules-2" in err.value.message and "dxdesk を更新" in err.value.message
    assert counts(hub) == rows_before
    hub.close(backup=False)
    assert tree_digest(root) == before
    # The same changes without the feature are taken: only additions, kept.
    team["hub"] = hub = reopen(root)
    path.write_bytes(craft(f1_keys, hub_keys, changes, manifest=rule))
    assert sync.import_bundle(hub, path).summary.kept == 6


def test_a_scoped_newer_laptop_may_write_new_kinds_only_in_its_towns(
    team: dict[str, Profile], tmp_path: Path
) -> None:
    hub, f1 = team["hub"], team["f1"]
    sync.set_scope(hub, f1.device_id, ["高千穂町"])
    takachiho = write(f1, FUTURE_ISSUE, issue(f1, "高千穂町", "庁内LANの更新", "中"))
    write(f1, ACTION, {"issue_id": takachiho, "action": "仕様書の確認"})
    assert carry(f1, hub, tmp_path / "usb").summary.kept == 2
    hub.close(backup=False)  # the refusal below must leave every byte as it was
    before = tree_digest(hub.paths.root)
    hub = team["hub"] = reopen(hub.paths.root)
    write(f1, DECISION, {"org_id": org(f1, "日之影町"), "title": "日之影町の決定"})
    with pytest.raises(UserError) as err:
        carry(f1, hub, tmp_path / "usb")
    assert err.value.code == "bundle_out_of_scope" and "日之影町" in err.value.message
    hub.close(backup=False)
    assert tree_digest(hub.paths.root) == before
    team["hub"] = reopen(hub.paths.root)


# ---------------------------------------------------------------- the merge itself


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("forward"), ["f1", "f2", "a", "b"])


@pytest.fixture
def devs(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Profile]]:
    """f1 and f2 run the future version; a and b today's, until they are updated."""
    out: dict[str, Profile] = {}
    try:
        for name, src in templates.items():
            shutil.copytree(src, tmp_path / name)
            if name.startswith("f"):
                out[name] = upgrade(tmp_path / name)
            else:
                out[name] = reopen(tmp_path / name)
        yield out
    finally:
        for p in out.values():
            p.close(backup=False)


def pull(into: Profile, source: Profile) -> merge.Summary:
    """Everything ``source`` holds that ``into`` lacks, merged by ``into``'s version."""
    changes = list(merge.changes_since(source.database, merge.state_vector(into.database)))
    declared = foreign.parse_declarations(foreign.declarations(source.database, source.model))
    with into.database.transaction():
        return merge.apply(
            into.database,
            changes,
            clock=into.records.clock,
            model=into.model,
            declared=declared,
        )


def updated(devs: dict[str, Profile], name: str) -> Profile:
    root = devs[name].paths.root
    devs[name].close(backup=False)
    devs[name] = upgrade(root)
    return devs[name]


def state(profile: Profile, record_id: str) -> tuple[Any, ...]:
    row = rows(profile, FUTURE_ISSUE)[record_id]
    conflicts = profile.database.query(
        "SELECT id, field, losing_value, losing_hlc, winning_hlc FROM conflicts"
        " WHERE record_id = ? ORDER BY id",
        (record_id,),
    )
    return row["title"], row["impact"], clocks(profile, FUTURE_ISSUE, record_id), conflicts


def test_kept_values_replay_as_the_merge_would_have_merged_them(
    devs: dict[str, Profile],
) -> None:
    f1, f2, a, b = devs["f1"], devs["f2"], devs["a"], devs["b"]
    rid = write(f1, FUTURE_ISSUE, issue(f1, "高千穂町", "窓口の混雑", "大"))
    pull(f2, f1)
    pull(a, f1)
    pull(b, f1)
    # f1 then f2 change 影響度 without seeing each other (f2's is the later clock), and a,
    # on today's version, retitles the issue after both: a newer known write.
    edit(f1, FUTURE_ISSUE, rid, {"impact": "中", "title": "窓口の混雑（再調査）"})
    time.sleep(0.002)  # the three devices' clocks: each edit a millisecond after the last
    edit(f2, FUTURE_ISSUE, rid, {"impact": "小"})
    time.sleep(0.002)
    RecordService(a).edit("issue", rid, {"title": "窓口の混雑と案内表示"})
    # Delivered in two orders to two devices of today's version.
    for into, order in ((a, (f1, f2)), (b, (f2, a, f1))):
        for source in order:
            pull(into, source)
    assert kept(a) == 3 and kept(b) == 3
    # The kept title of f1's edit lost at once to a's later one, as usual.
    assert rows(a, ISSUE)[rid]["title"] == "窓口の混雑と案内表示"
    for source in (f1, a):
        pull(f2, source)
    expected = state(f2, rid)  # a future device that merged every write knowingly
    assert expected[:2] == ("窓口の混雑と案内表示", "小")
    assert any(c["field"] == "impact" and c["losing_value"] == '"中"' for c in expected[3])

    a, b = updated(devs, "a"), updated(devs, "b")
    assert kept(a) == kept(b) == 0
    assert state(a, rid) == expected and state(b, rid) == expected
    # Idempotent: the same changes merged again, or the replay run again, change nothing.
    again = list(merge.changes_since(f1.database, {}))
    with a.database.transaction():
        merge.reapply(a.database, [c for c in again if c.kind == "issue"], model=FUTURE)
        assert apply_deferred(a.database, model=FUTURE).merged == 0
    assert pull(a, f1).changes == 0 and pull(a, f2).changes == 0
    assert state(a, rid) == expected
    assert merge.digest(a.database, model=FUTURE) == merge.digest(b.database, model=FUTURE)


def test_a_kept_kind_replays_as_its_knowing_merge_whatever_the_order_and_clocks(
    devs: dict[str, Profile],
) -> None:
    f1, f2, a = devs["f1"], devs["f2"], devs["a"]
    rid = write(f1, DECISION, {"org_id": org(f1, "高千穂町"), "title": "移行方針"})
    edit(f1, DECISION, rid, {"note": "議事録に記載"})
    edit(f1, DECISION, rid, {"decided_on": "2026-02-03"})
    pulled = list(merge.changes_since(f1.database, merge.state_vector(a.database)))
    create = next(c for c in pulled if c.kind == "decision" and c.op == "create")
    # The first edit as a device with a slow clock stamps it (before its record's create), and
    # the edits arrive before the create (an orphan, merged when its create comes).
    early = [
        dataclasses.replace(c, hlc=f"{int(create.hlc[:15]) - 5:015d}-000000")
        if c.op == "update" and "note" in json.loads(c.payload)
        else c
        for c in pulled
    ]
    early.sort(key=lambda c: c.op == "create")
    declared = foreign.parse_declarations(foreign.declarations(f1.database, FUTURE))
    for into in (a, f2):
        with into.database.transaction():
            merge.apply(into.database, early, model=into.model, declared=declared)
    assert kept(a) == 3 and rows(f2, DECISION)[rid]["decided_on"] == "2026-02-03"
    a = updated(devs, "a")
    assert rows(a, DECISION)[rid] == rows(f2, DECISION)[rid]
    assert clocks(a, DECISION, rid) == clocks(f2, DECISION, rid)
    query = "SELECT id, losing_value FROM conflicts WHERE record_id = ? ORDER BY id"
    assert a.database.query(query, (rid,)) == f2.database.query(query, (rid,))


@pytest.mark.parametrize(
    ("op", "payload", "why"),
    [
        ("update", {"priority": 3}, "値が正しくありません"),  # a known field retyped
        ("merge", {"title": "x"}, "不明な操作"),  # an op this version does not know
        ("update", {"_meta": {"v": 2}}, "不明な項目"),  # a system key is no addition
        ("update", {"Impact": "大"}, "不明な項目"),  # nor a name no model would give a field
        ("delete", {"impact": "大"}, "削除・復元"),  # a delete writes no field, known or not
    ],
)
def test_only_additions_pass_anything_else_is_damage(
    devs: dict[str, Profile], op: str, payload: dict[str, Any], why: str
) -> None:
    f1, a = devs["f1"], devs["a"]
    rid = write(f1, FUTURE_ISSUE, issue(f1, "高千穂町", "帳票の統一", "大"))
    pull(a, f1)
    bad = Change(f1.records.device_id, 10**6, "176400000000000-000000", "issue", rid, op, "")
    bad = dataclasses.replace(bad, payload=json.dumps(payload))
    before = counts(a)
    with pytest.raises(UserError) as err, a.database.transaction():
        merge.apply(a.database, [bad])
    assert err.value.code == "bundle_damaged" and why in err.value.message
    assert counts(a) == before


def test_a_new_kind_nobody_declared_cannot_be_scoped_and_is_refused(
    devs: dict[str, Profile],
) -> None:
    f1, a = devs["f1"], devs["a"]
    write(f1, DECISION, {"org_id": org(f1, "高千穂町"), "title": "方針"})
    changes = list(merge.changes_since(f1.database, merge.state_vector(a.database)))
    with pytest.raises(UserError) as err, a.database.transaction():
        merge.apply(a.database, changes)
    assert err.value.code == "bundle_damaged" and "decision" in err.value.message


def test_a_replay_that_fails_leaves_the_profile_open_and_the_values_kept(
    devs: dict[str, Profile],
) -> None:
    f1, a = devs["f1"], devs["a"]
    rid = write(f1, DECISION, {"org_id": org(f1, "高千穂町"), "title": "移行方針"})
    pull(a, f1)
    root = a.paths.root
    a.close(backup=False)
    # A model that knows the kind without the migration that makes its table: the replay fails.
    devs["a"] = a = open_profile(ProfilePaths(root), CREDS, model=FUTURE)
    assert kept(a) == 1
    assert a.database.query("SELECT * FROM deferred_changes")[0]["record_id"] == rid
    a = updated(devs, "a")
    assert kept(a) == 0 and rows(a, DECISION)[rid]["title"] == "移行方針"
