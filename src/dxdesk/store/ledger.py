"""The sync bookkeeping tables, behind one repository: every statement on them is here.

The tables (migrations 0006 and 0008): this device's keys (``device_keys``), the team roster
(``peers``), every bundle written or read (``bundles``), what each import did
(``import_history``), per peer what was sent and what it announced (``sync_state``), a scoped
change set's declared coverage (``sync_coverage``), the newest signed head of every change log
(``log_heads``) and a second history kept aside under one log (``forks``, ``fork_changes``).
They are the bookkeeping of sync, not records: nothing here is stamped, logged or synced.

The store sits below sync and services, so both reach these tables only through this module
(tests/test_architecture.py keeps SQL naming them out of every other module). Nothing here
begins or commits: each function runs inside whatever transaction the caller holds, so import
and export keep their one transaction. Values come back typed (the dataclasses and TypedDicts
below); JSON columns are encoded here, so a caller hands over lists and vectors. Roster rows
stay dicts (``PeerRow``): the CLI and the window receive them as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypedDict, cast

from dxdesk.store.database import Database
from dxdesk.store.sqlite_compat import ConnectionProxy

# ----------------------------------------------------------------------- this device's keys


@dataclass(frozen=True)
class KeyRow:
    """This device's key pairs as stored (sync/enrol.py turns them into crypto.DeviceKeys)."""

    device_id: str
    sign_private: bytes
    sign_public: str
    age_identity: str
    age_recipient: str


def device_keys(db: Database) -> KeyRow | None:
    row = db.conn.execute(
        "SELECT device_id, sign_private, sign_public, age_identity, age_recipient FROM device_keys"
    ).fetchone()
    if row is None:
        return None
    return KeyRow(str(row[0]), bytes(row[1]), str(row[2]), str(row[3]), str(row[4]))


def add_device_keys(db: Database, keys: KeyRow, at: str) -> None:
    db.conn.execute(
        "INSERT INTO device_keys (device_id, sign_private, sign_public, age_identity,"
        " age_recipient, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (
            keys.device_id,
            keys.sign_private,
            keys.sign_public,
            keys.age_identity,
            keys.age_recipient,
            at,
        ),
    )


# ----------------------------------------------------------------------- the roster


class PeerRow(TypedDict):
    """A device of the team. ``scope``: JSON list of organisation ids it receives (None: all)."""

    device_id: str
    name: str
    owner: str
    role: str
    fingerprint: str
    enrolled_at: str
    revoked_at: str | None
    scope: str | None
    sign_public: str
    age_recipient: str


_PEER_FIELDS = tuple(PeerRow.__annotations__)
_PEER_COLUMNS = ", ".join(_PEER_FIELDS)


def peers(db: Database) -> list[PeerRow]:
    """The roster: the hub first, then by name."""
    rows = db.query(f"SELECT {_PEER_COLUMNS} FROM peers ORDER BY role DESC, name, device_id")
    return cast("list[PeerRow]", rows)


def peer(db: Database, device_id: str) -> PeerRow | None:
    """One device of the roster by its id (an indexed read, also while a bundle streams)."""
    row = db.conn.execute(
        f"SELECT {_PEER_COLUMNS} FROM peers WHERE device_id = ?", (device_id,)
    ).fetchone()
    return None if row is None else cast(PeerRow, dict(zip(_PEER_FIELDS, row, strict=True)))


def put_peer(
    db: Database,
    *,
    device_id: str,
    name: str,
    owner: str,
    role: str,
    sign_public: str,
    age_recipient: str,
    fingerprint: str,
    enrolled_at: str,
    scope: list[str] | None,
) -> None:
    """Enrol a device, or re-enrol it (name, owner, role; no longer revoked). Its keys, its
    enrolment date and its scope stay as first stored: the caller refuses other keys."""
    db.conn.execute(
        "INSERT INTO peers (device_id, name, owner, role, sign_public, age_recipient,"
        " fingerprint, enrolled_at, revoked_at, scope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, owner = excluded.owner,"
        " role = excluded.role, revoked_at = NULL",
        (
            device_id,
            name,
            owner,
            role,
            sign_public,
            age_recipient,
            fingerprint,
            enrolled_at,
            None if scope is None else json.dumps(scope),
        ),
    )


def revoke_peer(db: Database, device_id: str, at: str) -> None:
    """Mark a device revoked (the first revocation's date stays)."""
    db.conn.execute(
        "UPDATE peers SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL",
        (at, device_id),
    )


def set_scope(db: Database, device_id: str, orgs: list[str] | None) -> None:
    """The organisations a field device receives (None: all of them)."""
    db.conn.execute(
        "UPDATE peers SET scope = ? WHERE device_id = ?",
        (None if orgs is None else json.dumps(orgs), device_id),
    )


# ----------------------------------------------------------------------- bundles


@dataclass(frozen=True)
class BundleSeen:
    """A bundle id already written or imported here: its content hash and which way it went."""

    sha256: str
    direction: str  # "export" or "import"


def record_bundle(
    db: Database,
    *,
    bundle_id: str,
    direction: Literal["export", "import"],
    sha256: str,
    sender: str,
    recipient: str,
    ranges: Mapping[str, Any],
    change_count: int,
    created_at: str,
    at: str,
) -> None:
    db.conn.execute(
        "INSERT INTO bundles (bundle_id, direction, sha256, sender, recipient, ranges,"
        " change_count, created_at, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bundle_id,
            direction,
            sha256,
            sender,
            recipient,
            json.dumps(ranges),
            change_count,
            created_at,
            at,
        ),
    )


def bundle_seen(db: Database, bundle_id: str) -> BundleSeen | None:
    row = db.conn.execute(
        "SELECT sha256, direction FROM bundles WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()
    return None if row is None else BundleSeen(row[0], row[1])


class ExportRow(TypedDict):
    at: str
    change_count: int
    name: str | None  # the recipient's name, when it is listed among the devices


def last_export(db: Database) -> list[ExportRow]:
    """The newest bundle this device wrote (none or one row)."""
    rows = db.query(
        "SELECT b.at, b.change_count, d.name FROM bundles AS b"
        " LEFT JOIN devices AS d ON d.device_id = b.recipient"
        " WHERE b.direction = 'export' ORDER BY b.at DESC LIMIT 1"
    )
    return cast("list[ExportRow]", rows)


class ExportLogRow(TypedDict):
    at: str
    bundle_id: str
    change_count: int
    sha256: str
    sender: str  # the writing device's name (its id when not listed)
    recipient: str  # the receiving device's name (its id when not listed)
    recipient_owner: str


def exports(db: Database, *, since: str = "", until: str = "\uffff") -> list[ExportLogRow]:
    """Every bundle this device wrote with ``since <= at < until`` (ISO times), oldest first:
    the export log of the 情報漏洩等への対策に関する文書."""
    rows = db.query(
        "SELECT b.at, b.bundle_id, b.change_count, b.sha256,"
        " COALESCE(sp.name, sd.name, b.sender) AS sender,"
        " COALESCE(rp.name, rd.name, b.recipient) AS recipient,"
        " COALESCE(rp.owner, '') AS recipient_owner"
        " FROM bundles AS b"
        " LEFT JOIN peers AS sp ON sp.device_id = b.sender"
        " LEFT JOIN devices AS sd ON sd.device_id = b.sender"
        " LEFT JOIN peers AS rp ON rp.device_id = b.recipient"
        " LEFT JOIN devices AS rd ON rd.device_id = b.recipient"
        " WHERE b.direction = 'export' AND b.at >= ? AND b.at < ? ORDER BY b.at, b.bundle_id",
        (since, until),
    )
    return cast("list[ExportLogRow]", rows)


class BundleFacts(TypedDict):
    sha256: str
    change_count: int
    direction: str


def bundle_facts(db: Database) -> dict[str, BundleFacts]:
    """What this device knows of each bundle it wrote or read, by bundle id: its content
    hash and change count (an export log entry travels inside its own bundle, so it cannot
    hold them; the writer's ledger and the hub's import ledger do)."""
    return {
        str(r["bundle_id"]): {
            "sha256": str(r["sha256"]),
            "change_count": int(r["change_count"]),
            "direction": str(r["direction"]),
        }
        for r in db.query("SELECT bundle_id, sha256, change_count, direction FROM bundles")
    }


# ----------------------------------------------------------------------- import history


class ImportRow(TypedDict):
    id: int
    bundle_id: str
    sender: str
    at: str
    summary: str  # JSON: what the user was shown, with what was applied


def add_import(db: Database, bundle_id: str, sender: str, at: str, summary: Any) -> None:
    db.conn.execute(
        "INSERT INTO import_history (bundle_id, sender, at, summary) VALUES (?, ?, ?, ?)",
        (bundle_id, sender, at, json.dumps(summary, ensure_ascii=False)),
    )


def import_history(db: Database, limit: int) -> list[ImportRow]:
    """The newest imports first."""
    rows = db.query(
        "SELECT id, bundle_id, sender, at, summary FROM import_history ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return cast("list[ImportRow]", rows)


# ----------------------------------------------------------------------- per peer: vectors


@dataclass(frozen=True)
class SyncState:
    """What was last sent to a peer and what it last announced, with when each was recorded
    (precise ISO times, "" for never) and the announcing bundle's own creation time."""

    sent: dict[str, int]
    sent_at: str
    announced: dict[str, int]
    announced_at: str
    announced_created: str


def _vector(text: str | None) -> dict[str, int]:
    # Lenient: a damaged vector reads as "nothing known", so the next bundle is simply larger.
    try:
        obj = json.loads(text or "{}")
    except ValueError:
        return {}
    return {str(k): int(v) for k, v in obj.items()} if isinstance(obj, dict) else {}


def sync_state(db: Database, peer_id: str) -> SyncState | None:
    row = db.conn.execute(
        "SELECT sent, sent_at, announced, announced_at, announced_created FROM sync_state"
        " WHERE peer_id = ?",
        (peer_id,),
    ).fetchone()
    if row is None:
        return None
    return SyncState(_vector(row[0]), row[1], _vector(row[2]), row[3], row[4])


def set_sent(db: Database, peer_id: str, sent: Mapping[str, int], at: str) -> None:
    db.conn.execute(
        "INSERT INTO sync_state (peer_id, sent, sent_at) VALUES (?, ?, ?)"
        " ON CONFLICT (peer_id) DO UPDATE SET sent = excluded.sent,"
        " sent_at = excluded.sent_at",
        (peer_id, json.dumps(sent, sort_keys=True), at),
    )


def forget_sent(db: Database, peer_id: str) -> None:
    """Believe nothing was sent to the peer (what was left out before must go now)."""
    db.conn.execute(
        "UPDATE sync_state SET sent = '{}', sent_at = '' WHERE peer_id = ?",
        (peer_id,),
    )


def set_announced(
    db: Database, peer_id: str, vector: Mapping[str, int], at: str, created: str
) -> None:
    """The peer's state vector as its bundle (created at ``created``) announced it."""
    db.conn.execute(
        "INSERT INTO sync_state (peer_id, announced, announced_at, announced_created)"
        " VALUES (?, ?, ?, ?) ON CONFLICT (peer_id) DO UPDATE SET"
        " announced = excluded.announced, announced_at = excluded.announced_at,"
        " announced_created = excluded.announced_created",
        (peer_id, json.dumps(vector, sort_keys=True), at, created),
    )


# ----------------------------------------------------------------------- declared coverage


def coverage(db: Database) -> dict[str, int]:
    """Per log, the number through which scoped change sets declared everything delivered."""
    return {
        str(device): int(through)
        for device, through in db.conn.execute(
            "SELECT device_id, through FROM sync_coverage"
        ).fetchall()
    }


def covered_through(db: Database, log_id: str) -> int:
    row = db.conn.execute(
        "SELECT through FROM sync_coverage WHERE device_id = ?", (log_id,)
    ).fetchone()
    return int(row[0]) if row else 0


def set_coverage(db: Database, log_id: str, through: int) -> None:
    """Raise a log's declared coverage to ``through`` (it never goes down)."""
    db.conn.execute(
        "INSERT INTO sync_coverage (device_id, through) VALUES (?, ?)"
        " ON CONFLICT (device_id) DO UPDATE SET through = max(through, excluded.through)",
        (log_id, through),
    )


# ----------------------------------------------------------------------- log heads


@dataclass(frozen=True)
class HeadRow:
    """The newest signed head held of a change log: ``device_id`` signed that ``log_id`` holds
    ``seq`` changes with chain value ``chain``."""

    log_id: str
    device_id: str
    seq: int
    chain: bytes
    signature: bytes


def own_log_ids(db: Database, device_id: str) -> list[str]:
    """The logs listed as written by ``device_id`` (this device's, after restores)."""
    rows = db.conn.execute("SELECT log_id FROM log_heads WHERE device_id = ?", (device_id,))
    return [str(r[0]) for r in rows.fetchall()]


def log_owner(db: Database, log_id: str) -> str | None:
    """The device a log is pinned to (by the first head seen for it)."""
    row = db.conn.execute("SELECT device_id FROM log_heads WHERE log_id = ?", (log_id,)).fetchone()
    return None if row is None else str(row[0])


def signed_heads(db: Database, *, except_device: str) -> list[HeadRow]:
    """The signed heads held of other devices' logs (to relay, or to return to a hub)."""
    return [
        HeadRow(str(log_id), str(device), int(seq), bytes(value), bytes(signature))
        for log_id, device, seq, value, signature in db.conn.execute(
            "SELECT log_id, device_id, seq, chain, signature FROM log_heads"
            " WHERE device_id != ? AND signature IS NOT NULL",
            (except_device,),
        ).fetchall()
    ]


def add_log_head(db: Database, head: HeadRow, at: str) -> None:
    """Keep the newest signed head of a log (the device it names is pinned by the first)."""
    db.conn.execute(
        "INSERT INTO log_heads (log_id, device_id, seq, chain, signature, at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (log_id) DO UPDATE SET seq = excluded.seq,"
        " chain = excluded.chain, signature = excluded.signature, at = excluded.at"
        " WHERE excluded.seq >= log_heads.seq AND excluded.device_id = log_heads.device_id",
        (head.log_id, head.device_id, head.seq, head.chain, head.signature, at),
    )


def add_own_log(
    conn: ConnectionProxy, log_id: str, device_id: str, genesis: bytes, at: str
) -> None:
    """List a log as this device's own, unsigned at its start (no-op when listed).

    Takes a connection, not a Database: a restored profile gets its new log before it is
    opened as one (services/profile.py ``_new_change_log``)."""
    conn.execute(
        "INSERT OR IGNORE INTO log_heads (log_id, device_id, seq, chain, signature, at)"
        " VALUES (?, ?, 0, ?, NULL, ?)",
        (log_id, device_id, genesis, at),
    )


# ----------------------------------------------------------------------- forks


@dataclass(frozen=True)
class ForkRow:
    """A second history kept aside under one log, with what it holds."""

    id: str
    device_id: str
    log_id: str
    detected_at: str
    resolution: str | None  # "adopted", "dismissed", or None while it waits for a person
    count: int
    first_seq: int | None
    last_seq: int | None
    device_name: str | None  # from the roster; None for this device or an unknown one


@dataclass(frozen=True)
class ForkChange:
    kind: str
    record_id: str
    op: str
    payload: str  # JSON, as its device signed it


def open_fork_for(db: Database, log_id: str) -> str | None:
    """The unresolved fork of a log, if one is held."""
    row = db.conn.execute(
        "SELECT id FROM forks WHERE log_id = ? AND resolved_at IS NULL", (log_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def add_fork(
    db: Database, fork_id: str, log_id: str, device_id: str, detected_at: str, bundle_id: str | None
) -> None:
    db.conn.execute(
        "INSERT OR IGNORE INTO forks (id, log_id, device_id, detected_at, bundle_id)"
        " VALUES (?, ?, ?, ?, ?)",
        (fork_id, log_id, device_id, detected_at, bundle_id),
    )


def add_fork_change(
    db: Database,
    fork_id: str,
    *,
    dev_seq: int,
    hlc: str,
    kind: str,
    record_id: str,
    op: str,
    payload: str,
    chain: bytes | None,
) -> None:
    db.conn.execute(
        "INSERT OR IGNORE INTO fork_changes (fork_id, dev_seq, hlc, kind, record_id, op,"
        " payload, chain) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (fork_id, dev_seq, hlc, kind, record_id, op, payload, chain),
    )


def kept_in_fork(db: Database, log_id: str, seq: int, chain: bytes) -> bool:
    """Is this change of the log (number and chain value) held in a fork of it?"""
    row = db.conn.execute(
        "SELECT 1 FROM fork_changes AS c JOIN forks AS f ON f.id = c.fork_id"
        " WHERE f.log_id = ? AND c.dev_seq = ? AND c.chain = ? LIMIT 1",
        (log_id, seq, chain),
    ).fetchone()
    return row is not None


def forks(db: Database, *, include_resolved: bool = False) -> list[ForkRow]:
    """Forks by when they were found (unresolved ones only, unless asked)."""
    rows = db.conn.execute(
        "SELECT f.id, f.device_id, f.log_id, f.detected_at, f.resolution, count(c.dev_seq),"
        " min(c.dev_seq), max(c.dev_seq), p.name FROM forks AS f"
        " LEFT JOIN fork_changes AS c ON c.fork_id = f.id"
        " LEFT JOIN peers AS p ON p.device_id = f.device_id"
        + ("" if include_resolved else " WHERE f.resolved_at IS NULL")
        + " GROUP BY f.id ORDER BY f.detected_at, f.id"
    ).fetchall()
    return [
        ForkRow(
            id=str(r[0]),
            device_id=str(r[1]),
            log_id=str(r[2]),
            detected_at=str(r[3]),
            resolution=None if r[4] is None else str(r[4]),
            count=int(r[5]),
            first_seq=None if r[6] is None else int(r[6]),
            last_seq=None if r[7] is None else int(r[7]),
            device_name=None if r[8] is None else str(r[8]),
        )
        for r in rows
    ]


def fork_kind_counts(db: Database) -> list[tuple[str, str, int]]:
    """(fork id, kind, changes) of every fork, by fork and kind."""
    return [
        (str(fork_id), str(kind), int(count))
        for fork_id, kind, count in db.conn.execute(
            "SELECT fork_id, kind, count(*) FROM fork_changes GROUP BY fork_id, kind ORDER BY 1, 2"
        )
    ]


def find_forks(db: Database, text: str) -> list[str]:
    """Fork ids equal to ``text`` or starting with it (6 characters or more)."""
    rows = db.conn.execute(
        "SELECT id FROM forks WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%')",
        (text, text, text),
    ).fetchall()
    return [str(r[0]) for r in rows]


def fork_changes(db: Database, fork_id: str) -> list[ForkChange]:
    """A fork's changes in the order they were made."""
    rows = db.conn.execute(
        "SELECT kind, record_id, op, payload FROM fork_changes WHERE fork_id = ?"
        " ORDER BY hlc, dev_seq",
        (fork_id,),
    ).fetchall()
    return [ForkChange(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def resolve_fork(
    db: Database, fork_id: str, resolution: Literal["adopted", "dismissed"], at: str
) -> None:
    db.conn.execute(
        "UPDATE forks SET resolved_at = ?, resolution = ? WHERE id = ?",
        (at, resolution, fork_id),
    )
