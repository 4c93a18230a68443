"""Device identity and enrolment: this device's keys, the team roster, requests and team files.

A field laptop writes an enrolment request (its public keys, signed with its own key to prove it
holds them); the hub adds it to the roster after the supervisor compares the fingerprint by
phone, and writes a team file (the hub's keys, the roster, the optional escrow recipient) signed
by the hub; the laptop checks that it is named in it with its own keys and stores the hub.
Private keys are written only into the encrypted database. Writes run in the caller's
transaction.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from dxdesk.core.clock import stamp
from dxdesk.core.hlc import acceptable as hlc_acceptable
from dxdesk.errors import UserError
from dxdesk.store import ledger
from dxdesk.store.database import Database
from dxdesk.sync import crypto
from dxdesk.sync.bundle import Sender

REQUEST_TYPE = "dxdesk-enrol-request"
TEAM_TYPE = "dxdesk-team"
FILE_VERSION = 1
MAX_FILE = 1024 * 1024
_DOMAIN = b"dxdesk-enrol-v1\n"
ROLES = ("field", "hub")
META_HUB = "sync_hub_device_id"
META_ESCROW = "sync_escrow_recipient"


@dataclass(frozen=True)
class Member:
    """A device as the team knows it: public keys only."""

    device_id: str
    name: str
    owner: str
    role: str
    sign_public: str
    age_recipient: str

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.sign_public, self.age_recipient)

    @classmethod
    def parse(cls, obj: Any) -> Member:
        if not isinstance(obj, dict):
            raise ValueError("member")
        fields = ("device_id", "name", "owner", "role", "sign_public", "age_recipient")
        values = {f: obj.get(f) for f in fields}
        if not all(isinstance(v, str) and 0 < len(v) <= 200 for v in values.values()):
            raise ValueError("member fields")
        member = cls(**values)  # type: ignore[arg-type]
        if member.role not in ROLES:
            raise ValueError("role")
        crypto.decode_public_key(member.sign_public)
        crypto.check_recipient(member.age_recipient)
        return member


@dataclass(frozen=True)
class Team:
    hub: Member
    roster: tuple[Member, ...]
    escrow: str | None
    created_at: str
    escrow_at: str = ""  # the hub clock (HLC) of the escrow key; "" from an older hub
    # The staff record of the enrolling laptop's person as the hub chose it at accept
    # ({"device_id", "id", "name", "role"}); None: the laptop keeps its own (a new person).
    staff: dict[str, str] | None = None


# ----------------------------------------------------------------------- own keys


def load_keys(database: Database) -> crypto.DeviceKeys | None:
    row = ledger.device_keys(database)
    if row is None:
        return None
    return crypto.DeviceKeys(
        row.device_id, row.sign_private, row.sign_public, row.age_identity, row.age_recipient
    )


def ensure_keys(database: Database, device_id: str) -> crypto.DeviceKeys:
    """This device's keys, made on first use (inside the caller's transaction)."""
    keys = load_keys(database)
    if keys is not None:
        return keys
    keys = crypto.generate_keys(device_id)
    stored = ledger.KeyRow(
        keys.device_id, keys.sign_private, keys.sign_public, keys.age_identity, keys.age_recipient
    )
    ledger.add_device_keys(database, stored, stamp())
    return keys


def member_of(keys: crypto.DeviceKeys, name: str, owner: str, role: str) -> Member:
    return Member(keys.device_id, name, owner, role, keys.sign_public, keys.age_recipient)


# ----------------------------------------------------------------------- signed files


def _signed_file(kind: str, body: dict[str, Any], keys: crypto.DeviceKeys) -> bytes:
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = crypto.sign(keys, _DOMAIN + kind.encode() + b"\n" + raw.encode("utf-8"))
    doc = {
        "type": kind,
        "version": FILE_VERSION,
        "body": raw,
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _open_signed(data: bytes, kind: str, path: str) -> tuple[dict[str, Any], bytes, bytes]:
    """The body of a signed file, its raw bytes and signature (checked by the caller)."""

    def bad(detail: str) -> UserError:
        return UserError("enrol_bad_file", path=path, detail=detail)

    if len(data) > MAX_FILE:
        raise bad("大きすぎます")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad("形式が正しくありません") from None
    if not isinstance(doc, dict) or doc.get("type") != kind:
        raise bad("種類が違います")
    if doc.get("version") != FILE_VERSION:
        raise bad("対応していない版です")
    raw, sig = doc.get("body"), doc.get("signature")
    if not isinstance(raw, str) or not isinstance(sig, str):
        raise bad("形式が正しくありません")
    try:
        body = json.loads(raw)
        signature = base64.b64decode(sig, validate=True)
    except (ValueError, RecursionError, binascii.Error):
        raise bad("形式が正しくありません") from None
    if not isinstance(body, dict):
        raise bad("形式が正しくありません")
    return body, _DOMAIN + kind.encode() + b"\n" + raw.encode("utf-8"), signature


def request_file(member: Member, keys: crypto.DeviceKeys) -> bytes:
    return _signed_file(REQUEST_TYPE, {"member": asdict(member), "created_at": stamp()}, keys)


def parse_request(data: bytes, path: str) -> Member:
    """A request's member, its self-signature checked (the sender holds the private key)."""
    body, message, signature = _open_signed(data, REQUEST_TYPE, path)
    try:
        member = Member.parse(body.get("member"))
    except ValueError:
        raise UserError("enrol_bad_file", path=path, detail="鍵の形式が正しくありません") from None
    if not crypto.verify(member.sign_public, signature, message):
        raise UserError("enrol_bad_file", path=path, detail="署名が一致しません")
    return member


def team_file(team: Team, keys: crypto.DeviceKeys) -> bytes:
    body = {
        "hub": asdict(team.hub),
        "roster": [asdict(m) for m in team.roster],
        "escrow": team.escrow,
        "escrow_at": team.escrow_at,
        "created_at": team.created_at,
    }
    if team.staff is not None:
        body["staff"] = team.staff
    return _signed_file(TEAM_TYPE, body, keys)


def _parse_staff(raw: object) -> dict[str, str] | None:
    if raw is None:
        return None
    names = ("device_id", "id", "name", "role")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(n, ""), str) for n in names):
        raise ValueError("staff")
    out = {n: str(raw.get(n, ""))[:200] for n in names}
    if not out["device_id"] or not out["id"]:
        raise ValueError("staff")
    return out


def parse_team(data: bytes, path: str) -> Team:
    body, message, signature = _open_signed(data, TEAM_TYPE, path)
    try:
        hub = Member.parse(body.get("hub"))
        roster_raw = body.get("roster")
        if not isinstance(roster_raw, list) or len(roster_raw) > 10_000:
            raise ValueError("roster")
        roster = tuple(Member.parse(m) for m in roster_raw)
        escrow = body.get("escrow")
        if escrow is not None:
            crypto.check_recipient(escrow)
        created_at = str(body.get("created_at", ""))[:40]
        escrow_at = body.get("escrow_at") or ""
        if escrow_at and not (isinstance(escrow_at, str) and hlc_acceptable(escrow_at)):
            raise ValueError("escrow_at")
        staff = _parse_staff(body.get("staff"))
    except (ValueError, TypeError):
        raise UserError("enrol_bad_file", path=path, detail="内容が正しくありません") from None
    if hub.role != "hub" or not crypto.verify(hub.sign_public, signature, message):
        raise UserError("enrol_bad_file", path=path, detail="ハブの署名が一致しません")
    return Team(hub, roster, escrow, created_at, str(escrow_at), staff)


# ----------------------------------------------------------------------- roster


def add_peer(database: Database, member: Member, scope: list[str] | None = None) -> None:
    """Enrol (or re-enrol after a revocation) a device; a different key for a known id is
    refused so that a forged request cannot replace a laptop's key silently."""
    if not keys_match(database, member):
        raise UserError("enrol_key_mismatch", device=member.device_id)
    ledger.put_peer(
        database,
        device_id=member.device_id,
        name=member.name,
        owner=member.owner,
        role=member.role,
        sign_public=member.sign_public,
        age_recipient=member.age_recipient,
        fingerprint=member.fingerprint,
        enrolled_at=stamp(),
        scope=scope,
    )


def keys_match(database: Database, member: Member) -> bool:
    """Are the member's keys the ones enrolled for its id (or is the id not enrolled)?"""
    row = ledger.peer(database, member.device_id)
    return row is None or (row["sign_public"], row["age_recipient"]) == (
        member.sign_public,
        member.age_recipient,
    )


def peers(database: Database) -> list[ledger.PeerRow]:
    return ledger.peers(database)


def find_peer(database: Database, text: str) -> ledger.PeerRow:
    """A peer by full id, unique id prefix (8+ characters) or exact name."""
    rows = peers(database)
    exact = [r for r in rows if text in (r["device_id"], r["name"])]
    if len(exact) == 1:
        return exact[0]
    prefix = [r for r in rows if len(text) >= 8 and r["device_id"].startswith(text)]
    if len(prefix) == 1 and not exact:
        return prefix[0]
    raise UserError("unknown_device", device=text)


def revoke(database: Database, device_id: str) -> None:
    ledger.revoke_peer(database, device_id, stamp())


def sender_lookup(database: Database) -> Callable[[str], Sender | None]:
    def lookup(device_id: str) -> Sender | None:
        row = ledger.peer(database, device_id)
        return None if row is None else Sender(row["sign_public"], row["revoked_at"] is not None)

    return lookup


def get_meta(database: Database, key: str) -> str | None:
    row = database.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(database: Database, key: str, value: str | None) -> None:
    if value is None:
        database.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        database.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
