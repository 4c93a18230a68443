"""store/ledger.py on a real encrypted profile: what each bookkeeping write keeps and refuses.

The sync tests drive these through import and export; here the rules the callers rely on are
pinned one by one (a re-enrolment keeps the keys and the first enrolment, coverage and log heads
never go back, a head for a log pinned to another device is not taken, a damaged vector reads as
nothing known), and that nothing here commits: a rolled-back transaction leaves no row.
"""

from __future__ import annotations

import pytest

from dxdesk.services.profile import Profile
from dxdesk.store import ledger

PEER = {
    "device_id": "0190b7c4-0000-7000-8000-000000000001",
    "name": "延岡市担当",
    "owner": "山田",
    "role": "field",
    "sign_public": "sign-a",
    "age_recipient": "age1a",
    "fingerprint": "AAAA",
    "enrolled_at": "2026-02-01T09:00:00+09:00",
}


def test_re_enrolment_keeps_keys_date_and_scope(profile: Profile) -> None:
    db = profile.database
    with db.transaction():
        ledger.put_peer(db, **PEER, scope=["org-1"])
        ledger.revoke_peer(db, PEER["device_id"], "2026-02-02T09:00:00+09:00")
        ledger.revoke_peer(db, PEER["device_id"], "2026-02-03T09:00:00+09:00")
    row = ledger.peer(db, PEER["device_id"])
    assert row is not None and row["revoked_at"] == "2026-02-02T09:00:00+09:00"  # the first
    with db.transaction():
        again = {**PEER, "name": "延岡市（新）", "sign_public": "other", "enrolled_at": "later"}
        ledger.put_peer(db, **again, scope=None)
    row = ledger.peer(db, PEER["device_id"])
    assert row == {
        **PEER,
        "name": "延岡市（新）",
        "revoked_at": None,
        "scope": '["org-1"]',
    }
    assert ledger.peers(db) == [row]
    assert ledger.peer(db, "unknown") is None
    with db.transaction():
        ledger.set_scope(db, PEER["device_id"], None)
    assert ledger.peers(db)[0]["scope"] is None


def test_coverage_and_heads_never_go_back(profile: Profile) -> None:
    db = profile.database
    with db.transaction():
        ledger.set_coverage(db, "log-a", 7)
        ledger.set_coverage(db, "log-a", 3)
        ledger.add_log_head(db, ledger.HeadRow("log-a", "dev-a", 5, b"c5", b"s5"), "t1")
        ledger.add_log_head(db, ledger.HeadRow("log-a", "dev-a", 4, b"c4", b"s4"), "t2")
        ledger.add_log_head(db, ledger.HeadRow("log-a", "dev-b", 9, b"c9", b"s9"), "t3")
    assert ledger.coverage(db) == {"log-a": 7}
    assert ledger.covered_through(db, "log-a") == 7
    assert ledger.covered_through(db, "log-b") == 0
    assert ledger.log_owner(db, "log-a") == "dev-a"
    assert ledger.signed_heads(db, except_device="dev-x") == [
        ledger.HeadRow("log-a", "dev-a", 5, b"c5", b"s5")
    ]
    assert ledger.signed_heads(db, except_device="dev-a") == []


def test_sync_state_reads_a_damaged_vector_as_nothing_known(profile: Profile) -> None:
    db = profile.database
    peer = PEER["device_id"]
    assert ledger.sync_state(db, peer) is None
    with db.transaction():
        ledger.set_sent(db, peer, {"b": 2, "a": 1}, "t-sent")
        ledger.set_announced(db, peer, {"a": 3}, "t-ann", "created")
    assert ledger.sync_state(db, peer) == ledger.SyncState(
        {"a": 1, "b": 2}, "t-sent", {"a": 3}, "t-ann", "created"
    )
    with db.transaction() as conn:
        conn.execute("UPDATE sync_state SET announced = 'not json' WHERE peer_id = ?", (peer,))
        ledger.forget_sent(db, peer)
    assert ledger.sync_state(db, peer) == ledger.SyncState({}, "", {}, "t-ann", "created")


def test_forks_and_the_callers_transaction(profile: Profile) -> None:
    db = profile.database
    with pytest.raises(RuntimeError), db.transaction():
        ledger.add_fork(db, "f" * 32, "log-a", "dev-a", "t", None)
        raise RuntimeError  # the caller's transaction rolls back: nothing of it stays
    assert ledger.forks(db, include_resolved=True) == []
    with db.transaction():
        ledger.add_fork(db, "f" * 32, "log-a", "dev-a", "t", "bundle-1")
        for seq, hlc in ((2, "h1"), (1, "h2")):
            ledger.add_fork_change(
                db, "f" * 32, dev_seq=seq, hlc=hlc, kind="visit", record_id=f"r{seq}",
                op="create", payload="{}", chain=bytes([seq]),
            )  # fmt: skip
    assert ledger.open_fork_for(db, "log-a") == "f" * 32
    assert ledger.kept_in_fork(db, "log-a", 1, b"\x01")
    assert not ledger.kept_in_fork(db, "log-a", 1, b"\x02")
    assert [c.record_id for c in ledger.fork_changes(db, "f" * 32)] == ["r2", "r1"]  # by hlc
    assert ledger.fork_kind_counts(db) == [("f" * 32, "visit", 2)]
    assert ledger.find_forks(db, "ffffff") == ["f" * 32]
    assert ledger.find_forks(db, "fffff") == []  # a prefix needs six characters
    (fork,) = ledger.forks(db)
    assert (fork.count, fork.first_seq, fork.last_seq, fork.device_name) == (2, 1, 2, None)
    with db.transaction():
        ledger.resolve_fork(db, "f" * 32, "dismissed", "t2")
    assert ledger.forks(db) == [] and ledger.open_fork_for(db, "log-a") is None
    assert ledger.forks(db, include_resolved=True)[0].resolution == "dismissed"
