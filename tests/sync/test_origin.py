"""Origin authentication, tested as an insider would attack it.

Bundles here are built with the real crypto (age, Ed25519, the hash chain) by an enrolled device
that lies: it claims another device's changes, takes another device's next sequence numbers,
relays changes with bad or missing origin proofs, writes outside its scope, or carries an
impossible clock. Each is refused with one sentence and nothing written, and the genuine device's
later bundle is still accepted. Then the unlucky cases: a profile copied to a second laptop and
used on both (both histories kept), an old hub bundle delivered late (escrow key not rolled
back), a laptop enrolled after another joined (its key arrives with the hub's roster).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from dxdesk.core.clock import now_jst
from dxdesk.errors import UserError
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.store import chain
from dxdesk.store.migrations import head_version
from dxdesk.sync import bundle, enrol, merge, origin
from tests.sync.bundle_helpers import craft
from tests.sync.sync_helpers import enrol_field, make_profile, reopen, visit

AGE_KEY = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p"


@pytest.fixture
def team(tmp_path: Path):
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    a = make_profile(tmp_path / "現地A", "field", "A")
    b = make_profile(tmp_path / "現地B", "field", "B")
    enrol_field(hub, a, tmp_path)
    enrol_field(hub, b, tmp_path)
    try:
        yield hub, a, b
    finally:
        for p in (hub, a, b):
            p.close(backup=False)


def titles(profile: Profile) -> set[str]:
    return {
        str(r["title"])
        for r in profile.database.query("SELECT title FROM visit WHERE _deleted = 0")
    }


def snapshot(profile: Profile) -> tuple[Any, ...]:
    """Everything an import could write: the change log, records, bookkeeping."""
    conn = profile.database.conn
    counts = tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in (
            "changes",
            "visit",
            "bundles",
            "import_history",
            "log_heads",
            "forks",
            "fork_changes",
            "peers",
            "meta",
            "sync_state",
            "sync_coverage",
            "conflicts",
        )
    )
    return counts, merge.digest(profile.database), merge.state_vector(profile.database)


def send(src: Profile, to: str, dst: Profile, usb: Path) -> sync.Imported:
    return sync.import_bundle(dst, sync.export_bundle(src, to, usb).path)


def refused(dst: Profile, path: Path, code: str) -> UserError:
    """The bundle is refused with ``code`` by the preview and by the import; nothing written."""
    before = snapshot(dst)
    with pytest.raises(UserError) as err:
        sync.preview(dst, path)
    assert err.value.code == code, err.value.message
    with pytest.raises(UserError) as again:
        sync.import_bundle(dst, path)
    assert again.value.code == code
    assert snapshot(dst) == before
    assert "\n" not in err.value.message
    return err.value


def forge(
    sender: Profile,
    recipient: Profile,
    items: Iterable[bytes | merge.Change],
    usb: Path,
    *,
    proofs: bool = True,
    extra: dict[str, Any] | None = None,
    created_at: str | None = None,
    state_vector: dict[str, int] | None = None,
    since: dict[str, int] | None = None,
) -> Path:
    """A bundle signed and encrypted exactly as the sender's dxdesk would, with any payload."""
    keys = enrol.load_keys(sender.database)
    target = enrol.load_keys(recipient.database)
    assert keys is not None and target is not None
    lines = list(items)
    written = bundle.write_bundle(
        usb,
        lambda: lines,
        keys=keys,
        sender_name="攻撃者の端末",
        recipient=target.device_id,
        recipients=[target.age_recipient],
        schema_version=head_version(),
        state_vector=state_vector or {},
        created_at=created_at or now_jst().isoformat(timespec="microseconds"),
        full=False,
        since=since,
        requires=bundle.PROOF_FEATURES if proofs else bundle.WRITTEN_FEATURES,
        extra=extra,
    )
    return written.path


def proven(
    signer: Profile,
    changes: list[merge.Change],
    *,
    device: str | None = None,
    start: int | None = None,
    start_chain: bytes | None = None,
) -> list[bytes | merge.Change]:
    """A segment over ``changes`` (one log, consecutive numbers) with the chain computed and the
    head signed by ``signer`` — naming ``device`` (default: the signer) as its owner."""
    keys = enrol.load_keys(signer.database)
    assert keys is not None
    log_id = changes[0].device_id
    first = changes[0].dev_seq - 1 if start is None else start
    value = start_chain if start_chain is not None else chain.genesis(log_id)
    for c in changes:
        line = chain.encode_row(c.device_id, c.dev_seq, c.hlc, c.kind, c.record_id, c.op, c.payload)
        value = chain.link(value, chain.leaf(line))
    head = origin.sign_head(keys, log_id, changes[-1].dev_seq, value)
    if device is not None:
        head = origin.Head(log_id, device, head.seq, head.chain, head.signature)
    return list(
        origin.segment(head, first, start_chain or chain.genesis(log_id), changes, lambda c: False)
    )


def own_changes(profile: Profile) -> list[merge.Change]:
    log_id = profile.records.device_id
    return list(merge.log_changes(profile.database, log_id, 0, 10**9))


def a_visit_change(log_id: str, seq: int, title: str, org: str = "452017") -> merge.Change:
    """A create of a visit as dxdesk writes it (org 452017: 延岡市 is 452033; 高千穂町 454419)."""
    payload = {
        "date": "2025-11-25",
        "org_id": org,
        "mode": "訪問",
        "title": title,
    }
    return merge.Change(
        log_id,
        seq,
        f"{1_764_000_000_000 + seq:015d}-000000",
        "visit",
        f"0190{seq:04d}-0000-7000-8000-{seq:012d}",
        "create",
        json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
    )


def complete_visit(profile: Profile, log_id: str, seq: int, title: str) -> merge.Change:
    """``a_visit_change`` with every field of the kind present, as a real create carries."""
    from dxdesk.core.model import kind

    k = kind("visit")
    c = a_visit_change(log_id, seq, title, RecordService(profile).resolve_org("高千穂町"))
    data = json.loads(c.payload)
    full = {n: data.get(n) for n in k.field_names}
    return merge.Change(
        *[*vars(c).values()][:6], json.dumps(full, ensure_ascii=False, separators=(",", ":"))
    )


# ------------------------------------------------------------------ (a) another device's changes


def test_a_laptop_cannot_ship_changes_under_another_devices_log(team, tmp_path: Path) -> None:
    hub, a, b = team
    usb = tmp_path / "usb"
    b_next = len(own_changes(b)) + 1
    forged = [complete_visit(hub, b.device_id, b_next, "B になりすました訪問")]
    # Signed by A as A's own log: the log is named after device B, so it is B's.
    path = forge(
        a, hub, proven(a, forged, start=b_next - 1, start_chain=_chain_of(b, b_next - 1)), usb
    )
    err = refused(hub, path, "bundle_origin_forged")
    assert "B" in err.message
    # Signed by A's key but naming B as the device: the signature is not B's.
    path = forge(
        a,
        hub,
        proven(
            a, forged, device=b.device_id, start=b_next - 1, start_chain=_chain_of(b, b_next - 1)
        ),
        usb,
    )
    refused(hub, path, "bundle_origin_forged")
    # The hub's own log, the same way.
    hub_next = len(own_changes(hub)) + 1
    fake_hub = [complete_visit(hub, hub.device_id, hub_next, "ハブになりすました訪問")]
    path = forge(
        a,
        hub,
        proven(a, fake_hub, start=hub_next - 1, start_chain=_chain_of(hub, hub_next - 1)),
        usb,
    )
    refused(hub, path, "bundle_origin_forged")

    # B's genuine work, numbered exactly as the forgeries were, still arrives.
    RecordService(b).add("visit", visit("B の本物の訪問"))
    done = send(b, "hub", hub, usb)
    assert done.applied and done.summary.mismatched == 0
    assert "B の本物の訪問" in titles(hub)
    assert not {"B になりすました訪問", "ハブになりすました訪問"} & titles(hub)


def _chain_of(profile: Profile, seq: int) -> bytes:
    value = chain.chain_at(profile.database.conn, profile.records.device_id, seq)
    assert value is not None
    return value


# ------------------------------------------------------------------ (b) next sequence numbers


def test_taking_another_devices_next_numbers_first_loses_nothing(team, tmp_path: Path) -> None:
    hub, a, b = team
    usb = tmp_path / "usb"
    b_next = len(own_changes(b)) + 1
    stolen = [complete_visit(hub, b.device_id, b_next + i, f"先取りした連番 {i}") for i in range(3)]
    # Without proofs (as an older dxdesk writes): only the sender's own first log is believed.
    path = forge(a, hub, stolen, usb, proofs=False)
    refused(hub, path, "bundle_origin_unsigned")
    # With a chain that starts from a made-up value and a head signed by A.
    path = forge(a, hub, proven(a, stolen, start=b_next - 1, start_chain=b"\0" * 32), usb)
    refused(hub, path, "bundle_origin_forged")
    # B's own changes under those numbers are taken as B's, with no "mismatch".
    RecordService(b).add("visit", visit("B の1件目"))
    RecordService(b).add("visit", visit("B の2件目"))
    done = send(b, "hub", hub, usb)
    assert done.summary.mismatched == 0 and not done.summary.forks
    assert {"B の1件目", "B の2件目"} <= titles(hub)
    assert not any(t.startswith("先取り") for t in titles(hub))


# ------------------------------------------------------------------ (c) relayed changes


def test_relayed_changes_need_their_origins_proof(team, tmp_path: Path) -> None:
    hub, a, b = team
    usb = tmp_path / "usb"
    send(hub, a.device_id, a, usb)  # A learns B's key from the hub's roster
    RecordService(b).add("visit", visit("B が現地で記録"))
    send(b, "hub", hub, usb)
    genuine = list(merge.log_changes(hub.database, b.device_id, 0, 10**9))
    head_row = hub.database.conn.execute(
        "SELECT seq, chain, signature FROM log_heads WHERE log_id = ?", (b.device_id,)
    ).fetchone()
    head = origin.Head(
        b.device_id, b.device_id, int(head_row[0]), bytes(head_row[1]), bytes(head_row[2])
    )
    assert head.seq == len(genuine)

    def relay(changes: list[merge.Change], h: origin.Head = head) -> list[bytes | merge.Change]:
        return list(origin.segment(h, 0, chain.genesis(b.device_id), changes, lambda c: False))

    # A bad signature.
    bad_sig = origin.Head(head.log_id, head.device_id, head.seq, head.chain, bytes(64))
    refused(a, forge(hub, a, relay(genuine, bad_sig), usb), "bundle_origin_forged")
    # No proof at all in a bundle that declares proofs.
    refused(a, forge(hub, a, genuine, usb), "bundle_origin_forged")
    # Without proofs (an older hub): its own changes only.
    refused(a, forge(hub, a, genuine, usb, proofs=False), "bundle_origin_unsigned")
    # Altered content under a genuine head.
    # (The visit's title, not the log's last change: the export log entry follows it.)
    at = next(i for i, c in enumerate(genuine) if "B が現地で記録" in c.payload)
    last = genuine[at]
    altered = merge.Change(
        *[*vars(last).values()][:6], last.payload.replace("B が現地で記録", "書き換えた件名")
    )
    forged = [*genuine[:at], altered, *genuine[at + 1 :]]
    refused(a, forge(hub, a, relay(forged), usb), "bundle_origin_forged")
    # Reordered.
    swapped = [*genuine[:-2], genuine[-1], genuine[-2]]
    refused(a, forge(hub, a, relay(swapped), usb), "bundle_origin_forged")
    # Suppressed: one change dropped (and not accounted for by a leaf).
    refused(a, forge(hub, a, relay(genuine[:-2] + genuine[-1:]), usb), "bundle_origin_forged")
    # Suppressed: a made-up leaf in place of a change.
    lines = relay(genuine[:-1])
    fake_leaf = origin._leaves(b.device_id, last.dev_seq, ["00" * 32])
    refused(a, forge(hub, a, [*lines, fake_leaf], usb), "bundle_origin_forged")
    # Truncated: the segment stops before its head.
    refused(a, forge(hub, a, relay(genuine[:-1]), usb), "bundle_origin_forged")

    # The hub's genuine bundle still goes through, with B's change checked against B's key.
    send(hub, a.device_id, a, usb)
    assert "B が現地で記録" in titles(a)


# ------------------------------------------------------------------ (d) scope


def test_a_scoped_laptop_cannot_write_other_organisations(team, tmp_path: Path) -> None:
    hub, a, b = team
    usb = tmp_path / "usb"
    sync.set_scope(hub, a.device_id, ["高千穂町"])
    RecordService(a).add("visit", {**visit("延岡市の訪問"), "org_id": "延岡市"})
    err = refused(hub, sync.export_bundle(a, "hub", usb).path, "bundle_out_of_scope")
    assert "延岡市" in err.message
    # An edit that moves an in-scope record to another organisation is refused too.
    c = make_profile(tmp_path / "現地C", "field", "C")
    try:
        enrol_field(hub, c, tmp_path)
        sync.set_scope(hub, c.device_id, ["高千穂町"])
        svc = RecordService(c)
        rid = svc.add("visit", visit("高千穂町の訪問")).record_id
        send(c, "hub", hub, usb)
        assert "高千穂町の訪問" in titles(hub)
        svc.edit("visit", rid, {"org_id": "延岡市"})
        refused(hub, sync.export_bundle(c, "hub", usb).path, "bundle_out_of_scope")
    finally:
        c.close(backup=False)
    # Another laptop's work is not held up by it.
    RecordService(b).add("visit", {**visit("B の延岡市の訪問"), "org_id": "延岡市"})
    send(b, "hub", hub, usb)
    assert "B の延岡市の訪問" in titles(hub)
    # Once A has heard its scope from the hub, such a write is refused on A at once.
    send(hub, a.device_id, a, usb)
    with pytest.raises(UserError) as err:
        RecordService(a).add("visit", {**visit("2件目の延岡市の訪問"), "org_id": "延岡市"})
    assert err.value.code == "org_out_of_own_scope" and "延岡市" in err.value.message
    RecordService(a).add("visit", visit("担当内の訪問"))
    # The write made before A knew stays in A's log; once the supervisor widens the scope it
    # arrives, with everything after it: nothing entered is lost.
    sync.set_scope(hub, a.device_id, ["高千穂町", "延岡市"])
    send(a, "hub", hub, usb)
    assert {"延岡市の訪問", "担当内の訪問"} <= titles(hub)
    send(hub, a.device_id, a, usb)
    RecordService(a).add("visit", {**visit("担当追加後の延岡市"), "org_id": "延岡市"})


# ------------------------------------------------------------------ (e) clocks and values


@pytest.mark.parametrize(
    "what",
    ["clock past 9999", "base clock past 9999", "impossible date", "year 99999", "lone surrogate"],
)
def test_out_of_range_clocks_and_values_are_refused(team, tmp_path: Path, what: str) -> None:
    hub, a, _b = team
    usb = tmp_path / "usb"
    rid = RecordService(a).add("visit", visit("先に届いた訪問")).record_id
    send(a, "hub", hub, usb)
    n = len(own_changes(a)) + 1
    good = complete_visit(hub, a.device_id, n, "範囲外")
    hlc, op, record_id = good.hlc, "create", good.record_id
    data: dict[str, Any] = json.loads(good.payload)
    if what == "clock past 9999":
        hlc = "999999999999999-000000"
    elif what == "base clock past 9999":
        op, record_id = "update", rid
        data = {"title": "x", "_base": {"*": f"999999999999999-000000@{a.device_id}"}}
    elif what == "impossible date":
        data["date"] = "2025-02-30"
    elif what == "year 99999":
        data["date"] = "99999-01-01"
    else:
        data["title"] = "\ud800"
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    bad = merge.Change(a.device_id, n, hlc, "visit", record_id, op, payload)
    path = forge(a, hub, proven(a, [bad], start=n - 1, start_chain=_chain_of(a, n - 1)), usb)
    refused(hub, path, "bundle_damaged")
    RecordService(a).add("visit", visit("その後の本物の訪問"))
    send(a, "hub", hub, usb)
    assert "その後の本物の訪問" in titles(hub), what


def test_a_manifest_time_past_9999_is_refused(team, tmp_path: Path) -> None:
    hub, a, _b = team
    keys, target = enrol.load_keys(a.database), enrol.load_keys(hub.database)
    assert keys is not None and target is not None
    path = tmp_path / "未来.dxb"
    path.write_bytes(
        craft(keys, target, [], manifest={"created_at": "+99999-01-01T00:00:00+09:00"})
    )
    refused(hub, path, "bundle_damaged")


# ------------------------------------------------------------------ copied profile


def test_a_copied_profile_keeps_both_histories_at_the_hub(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    a = make_profile(tmp_path / "現地A", "field", "A")
    enrol_field(hub, a, tmp_path)
    send(hub, a.device_id, a, usb)
    a.close(backup=False)
    twin_root = tmp_path / "複製したA"
    shutil.copytree(tmp_path / "現地A", twin_root)
    first, twin = reopen(tmp_path / "現地A"), reopen(twin_root)
    try:
        RecordService(first).add("visit", visit("元の端末の訪問"))
        RecordService(twin).add("visit", visit("複製した端末の訪問"))
        RecordService(twin).add("visit", visit("複製した端末の2件目"))
        send(first, "hub", hub, usb)
        done = send(twin, "hub", hub, usb)
        assert done.applied
        # The twin's two visits and the entry of the export log its bundle carries.
        assert done.summary.forks == {first.records.device_id: 3}
        assert "元の端末の訪問" in titles(hub)
        assert "複製した端末の訪問" not in titles(hub)  # kept aside, not merged, not dropped
        forks = sync.list_forks(hub)
        assert len(forks) == 1 and forks[0].count == 3 and forks[0].device_name == "Aの端末"
        # The twin keeps sending: its later work joins the same fork, nothing is lost.
        RecordService(twin).add("visit", visit("複製した端末の3件目"))
        later = send(twin, "hub", hub, usb)
        assert sum(later.summary.forks.values()) >= 1
        assert sync.list_forks(hub)[0].count == 5  # three visits, two export log entries
        # The hub's reply changes nothing of the twin's own work.
        send(hub, twin.device_id, twin, usb)
        assert {"複製した端末の訪問", "複製した端末の2件目", "複製した端末の3件目"} <= titles(twin)
        # A person adopts the kept history at the hub: both histories' records are there.
        written = sync.adopt_fork(hub, forks[0].id[:8])
        assert written == 5
        assert {
            "元の端末の訪問",
            "複製した端末の訪問",
            "複製した端末の2件目",
            "複製した端末の3件目",
        } <= titles(hub)
        assert sync.list_forks(hub) == []
        assert len(sync.list_forks(hub, include_resolved=True)) == 1
    finally:
        for p in (hub, first, twin):
            p.close(backup=False)


# ------------------------------------------------------------------ hub-set policies


def test_an_old_hub_bundle_delivered_late_does_not_roll_the_escrow_key_back(
    team, tmp_path: Path
) -> None:
    hub, a, _b = team
    usb = tmp_path / "usb"
    old_key = AGE_KEY
    sync.set_escrow(hub, old_key)
    early = sync.export_bundle(hub, a.device_id, usb)
    new_identity = __import__("pyrage").x25519.Identity.generate()
    new_key = str(new_identity.to_public())
    sync.set_escrow(hub, new_key)
    late = sync.export_bundle(hub, a.device_id, usb)
    sync.import_bundle(a, late.path)
    assert enrol.get_meta(a.database, enrol.META_ESCROW) == new_key
    sync.import_bundle(a, early.path)
    assert enrol.get_meta(a.database, enrol.META_ESCROW) == new_key


def test_a_laptop_enrolled_later_is_checked_against_the_hubs_roster(team, tmp_path: Path) -> None:
    hub, a, _b = team
    usb = tmp_path / "usb"
    late = make_profile(tmp_path / "後から登録", "field", "D")
    try:
        enrol_field(hub, late, tmp_path)
        RecordService(late).add("visit", visit("後から登録した端末の訪問"))
        send(late, "hub", hub, usb)
        # A joined before D existed: D's key comes with the hub's signed roster.
        send(hub, a.device_id, a, usb)
        assert "後から登録した端末の訪問" in titles(a)
        assert enrol.find_peer(a.database, late.device_id)["sign_public"]
    finally:
        late.close(backup=False)


def test_a_roster_that_swaps_a_known_key_is_refused(team, tmp_path: Path) -> None:
    hub, a, b = team
    usb = tmp_path / "usb"
    send(hub, a.device_id, a, usb)  # A knows B's key now
    entry = enrol.find_peer(hub.database, b.device_id)
    other = make_profile(tmp_path / "別の鍵", "field", "X")
    try:
        keys = sync.own_member(other)[0]
        roster = [
            {
                "device_id": b.device_id,
                "name": entry["name"],
                "owner": entry["owner"],
                "role": "field",
                "sign_public": keys.sign_public,
                "age_recipient": keys.age_recipient,
                "revoked": False,
            }
        ]
        path = forge(
            hub, a, [], usb, extra={"roster": roster, "roster_at": "009999999999999-000000"}
        )
        refused(a, path, "enrol_key_mismatch")
    finally:
        other.close(backup=False)


# ------------------------------------------------------------------ mixed versions


def test_an_older_laptops_own_work_is_taken_and_relayed_once_it_updates(
    team, tmp_path: Path
) -> None:
    """Before the laptop updates, its bundles carry no proofs: the hub takes its own log on the
    bundle's signature alone, but cannot prove it to others yet. Its first updated bundle signs
    the whole log (chain values the hub computed for what it already holds agree), and from then
    on the hub relays it."""
    hub, a, b = team
    usb = tmp_path / "usb"
    send(hub, b.device_id, b, usb)  # B knows A's key
    RecordService(a).add("visit", visit("更新前の A の訪問"))
    old_style = forge(a, hub, own_changes(a), usb, proofs=False)
    done = sync.import_bundle(hub, old_style)
    assert done.applied and "更新前の A の訪問" in titles(hub)
    # Not provable to B yet: the hub holds no head of A's log.
    send(hub, b.device_id, b, usb)
    assert "更新前の A の訪問" not in titles(b)
    # A updates: its next bundle carries proofs over its whole log.
    sync.import_bundle(a, sync.export_bundle(hub, a.device_id, usb).path)
    RecordService(a).add("visit", visit("更新後の A の訪問"))
    later = send(a, "hub", hub, usb)
    assert later.summary.mismatched == 0 and not later.summary.forks
    send(hub, b.device_id, b, usb)
    assert {"更新前の A の訪問", "更新後の A の訪問"} <= titles(b)


def test_a_relay_cannot_move_a_laptop_past_changes_it_left_out(team, tmp_path: Path) -> None:
    """A scoped bundle declares what it covers; a segment that starts later than the laptop's
    state (changes dropped without their leaves) proves nothing about those: they show as a gap
    and the hub's next genuine bundle still brings them."""
    hub, a, b = team
    usb = tmp_path / "usb"
    sync.set_scope(hub, a.device_id, ["高千穂町"])
    send(hub, a.device_id, a, usb)
    for i in range(3):
        RecordService(b).add("visit", visit(f"B の訪問 {i}"))
    send(b, "hub", hub, usb)
    have = merge.state_vector(a.database).get(b.device_id, 0)
    row = hub.database.conn.execute(
        "SELECT seq, chain, signature FROM log_heads WHERE log_id = ?", (b.device_id,)
    ).fetchone()
    head = origin.Head(b.device_id, b.device_id, int(row[0]), bytes(row[1]), bytes(row[2]))
    skip_to = head.seq - 2  # the last visit and the export log entry of B's bundle
    tail = list(merge.log_changes(hub.database, b.device_id, skip_to, head.seq))
    start_chain = chain.chain_at(hub.database.conn, b.device_id, skip_to)
    assert start_chain is not None and have < skip_to
    lines = list(origin.segment(head, skip_to, start_chain, tail, lambda c: False))
    org = RecordService(hub).resolve_org("高千穂町")
    path = forge(
        hub,
        a,
        lines,
        usb,
        extra={"scope": [org]},
        since={b.device_id: have},
        state_vector={b.device_id: head.seq},
    )
    done = sync.import_bundle(a, path)
    assert done.applied and "B の訪問 2" in titles(a)
    assert merge.state_vector(a.database).get(b.device_id, 0) < skip_to
    assert done.summary.gaps.get(b.device_id)
    send(hub, a.device_id, a, usb)
    assert {"B の訪問 0", "B の訪問 1", "B の訪問 2"} <= titles(a)
