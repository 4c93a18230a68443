"""Sync use cases: enrol devices, export a bundle to a peer, preview and import bundles.

Import is verify-then-apply. ``preview`` decrypts, checks the signature, the manifest and every
row, and asks the merge for counts without writing a byte. ``import_bundle`` then takes a
snapshot backup and applies the bundle in one BEGIN IMMEDIATE transaction, reading (and
verifying) the file a second time as it streams, so memory stays flat and a file changed between
the two reads is refused before COMMIT. The bundle id, its hash, the summary and the sender's
state vector are written in the same transaction: a killed import leaves all or nothing.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dxdesk.core.clock import now_jst, stamp
from dxdesk.core.hlc import acceptable as hlc_acceptable
from dxdesk.core.model import EXPORT_MEDIA, KINDS, key_id, kind, validate
from dxdesk.core.model import kind as kind_of
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes, io_error, open_regular
from dxdesk.services import staff
from dxdesk.services.profile import PRE_IMPORT_PREFIX, Profile
from dxdesk.store import chain, ledger, memberships
from dxdesk.store.backup import prune_backups
from dxdesk.store.records import OWN_SCOPE_KEY
from dxdesk.sync import bundle, conflicts, crypto, enrol, foreign, merge, origin

log = logging.getLogger("dxdesk.services.sync")

KNOWN_KINDS = frozenset(k.name for k in KINDS)
# The kind of the export log entry every bundle that carries work holds about itself.
EXPORT_LOG = "bundle_export"
PRE_IMPORT_KEPT = 5
# meta key: the next bundle to this device must be full (its scope was widened).
FULL_DUE = "sync_full_due_{}"
# meta keys: the hub clock (HLC) of the escrow key and of the roster in force here (hub-set
# policies a field device follows by the hub's clock, never by order of delivery).
META_ESCROW_AT = "sync_escrow_at"
META_ROSTER_AT = "sync_roster_at"

# Progress of long work: (done, total, what) -> go on? False stops the work with ``cancelled``
# raised before anything is committed (the window's 中止, services/package.py's protocol).
Progress = Callable[[int, int, str], bool]
PROGRESS_EVERY = 250  # changes between two reports: cheap, and often enough for a bar


def _stopped(what: str) -> UserError:
    if what == "export":
        return UserError("bundle_export_cancelled")
    return UserError("bundle_import_cancelled")


def _reported(
    items: Iterable[Any],
    progress: Progress | None,
    total: int,
    what: str,
    cancelled: str,
    *,
    offset: int = 0,
    scale: int = 1,
) -> Iterator[Any]:
    """``items`` passed through, reporting every PROGRESS_EVERY of them; UserError(cancelled)
    when the receiver answers False (the caller's transaction rolls back, temp files go)."""
    if progress is None:
        yield from items
        return
    if not progress(offset, total * scale, what):
        raise _stopped(cancelled)
    for done, item in enumerate(items, 1):
        yield item
        if done % PROGRESS_EVERY == 0 and not progress(
            offset + min(done, total), total * scale, what
        ):
            raise _stopped(cancelled)


# ----------------------------------------------------------------------- enrolment


def _require_role(profile: Profile, role: str) -> None:
    if profile.role != role:
        raise UserError("enrol_wrong_role", role="ハブ" if role == "hub" else "現地担当者")


def own_member(profile: Profile) -> tuple[enrol.Member, Any]:
    with profile.database.transaction():
        keys = enrol.ensure_keys(profile.database, profile.device_id)
    member = enrol.member_of(
        keys,
        profile.meta.get("device_name", ""),
        profile.meta.get("owner_name", ""),
        profile.role,
    )
    return member, keys


def write_request(profile: Profile, out: Path) -> tuple[Path, str]:
    """The enrolment request file (public keys only); returns it with the fingerprint."""
    member, keys = own_member(profile)
    out = Path(out)
    atomic_write_bytes(out, enrol.request_file(member, keys), mode=0o644)
    profile.audit("enrol_request")
    return out, member.fingerprint


def _read_file(path: Path) -> bytes:
    path = Path(path)
    not_file = UserError("enrol_bad_file", path=str(path), detail="通常のファイルではありません")
    with open_regular(path, not_regular=not_file) as handle:
        try:
            data = handle.read(enrol.MAX_FILE + 1)
        except OSError as exc:
            raise UserError("io_error", path=str(path)) from exc
    if len(data) > enrol.MAX_FILE:
        raise UserError("enrol_bad_file", path=str(path), detail="大きすぎます")
    return data


def read_request(path: Path) -> enrol.Member:
    return enrol.parse_request(_read_file(path), str(path))


def read_team(path: Path) -> enrol.Team:
    return enrol.parse_team(_read_file(path), str(path))


def staff_candidates(profile: Profile, member: enrol.Member) -> staff.Candidates:
    """Hub, at accept: the staff records the device's owner may be, matched by name first
    (NFKC, spaces folded); ``suggested`` is the one to offer for confirmation."""
    return staff.candidates(profile, member.owner)


def accept(
    profile: Profile, member: enrol.Member, out: Path, *, staff_id: str | None = None
) -> Path:
    """Hub: enrol the device (after the fingerprint was compared) and write the team file.

    ``staff_id``: the existing staff record of the device's person (chosen by the supervisor,
    usually ``staff_candidates(...).suggested``): the laptop then records under it instead of
    the record it made for its owner, and no second record of the person reaches the hub.
    None: a new person; the laptop's own record comes with its first bundle.
    """
    _require_role(profile, "hub")
    if member.role != "field" or member.device_id == profile.device_id:
        raise UserError("enrol_bad_file", path=member.name, detail="現地担当者の端末ではありません")
    chosen = staff.find(profile, staff_id) if staff_id is not None else None
    hub, keys = own_member(profile)
    with profile.database.transaction():
        enrol.add_peer(profile.database, member)
        staff.set_link(profile, member.device_id, chosen.id if chosen else None)
    team = enrol.Team(
        hub=hub,
        roster=tuple(
            enrol.Member.parse(r) for r in enrol.peers(profile.database) if not r["revoked_at"]
        ),
        escrow=enrol.get_meta(profile.database, enrol.META_ESCROW),
        created_at=stamp(),
        escrow_at=enrol.get_meta(profile.database, META_ESCROW_AT) or "",
        staff=None
        if chosen is None
        else {
            "device_id": member.device_id,
            "id": chosen.id,
            "name": chosen.name,
            "role": chosen.role,
        },
    )
    atomic_write_bytes(Path(out), enrol.team_file(team, keys), mode=0o644)
    profile.audit("enrol_accept")
    return Path(out)


def join(profile: Profile, team: enrol.Team) -> enrol.Member:
    """Field: store the hub (and the escrow key) from a team file that names this device."""
    _require_role(profile, "field")
    me, _keys = own_member(profile)
    if me not in team.roster:
        raise UserError("enrol_not_in_team")
    with profile.database.transaction():
        enrol.add_peer(profile.database, team.hub)
        enrol.set_meta(profile.database, enrol.META_HUB, team.hub.device_id)
        enrol.set_meta(profile.database, enrol.META_ESCROW, team.escrow)
        enrol.set_meta(profile.database, META_ESCROW_AT, team.escrow_at or None)
        # The other laptops' keys, as the hub vouches for them: the hub relays their changes,
        # and each is checked against its own device's key (sync/origin.py). Later enrolments
        # and revocations arrive with the hub's bundles (``roster``).
        for member in team.roster:
            if member.device_id not in (me.device_id, team.hub.device_id):
                enrol.add_peer(profile.database, member)
        if team.staff is not None and team.staff["device_id"] == me.device_id:
            _link_owner(profile, team.staff)
    profile.audit("enrol_join")
    return team.hub


def _link_owner(profile: Profile, chosen: dict[str, str]) -> None:
    """Field, at join: record under the hub's staff record of this laptop's person. The
    record the laptop made for its owner at setup is merged into it (whatever was recorded
    before joining moves with it) and deleted, so the hub never holds the person twice. The
    hub's record is held as a stand-in until the hub's first bundle brings it."""
    staff_kind = kind_of("staff")
    target = chosen["id"]
    own = staff.owner_id(profile)
    if own == target:
        return
    staff.stand_in(profile, target, {"name": chosen["name"], "role": chosen["role"]})
    if own and profile.records.exists(staff_kind, own):
        staff.merge_in_transaction(profile, own, target)
    staff.set_owner(profile, target)


def revoke(profile: Profile, device: str) -> ledger.PeerRow:
    _require_role(profile, "hub")
    peer = enrol.find_peer(profile.database, device)
    with profile.database.transaction():
        enrol.revoke(profile.database, peer["device_id"])
    profile.audit("enrol_revoke")
    return enrol.find_peer(profile.database, peer["device_id"])


def set_escrow(profile: Profile, recipient: str | None) -> None:
    """Hub: an age recipient the supervisor keeps offline; every bundle is also encrypted to it."""
    _require_role(profile, "hub")
    if recipient is not None:
        try:
            crypto.check_recipient(recipient)
        except ValueError:
            raise UserError("bundle_bad_key", detail="預託用の公開鍵") from None
    with profile.database.transaction():
        enrol.set_meta(profile.database, enrol.META_ESCROW, recipient)
        # The hub's clock at the change: devices follow the newest policy by this stamp, so a
        # bundle written before the change and delivered after it cannot roll the key back.
        enrol.set_meta(profile.database, META_ESCROW_AT, profile.records.clock.now().encode())
    profile.audit("escrow_set")


def scope_of(profile: Profile, device: str) -> list[str] | None:
    """Hub: the organisation ids a field device receives (None: all of them)."""
    peer = enrol.find_peer(profile.database, device)
    return list(json.loads(peer["scope"])) if peer["scope"] else None


def set_scope(profile: Profile, device: str, orgs: list[str] | None) -> ledger.PeerRow:
    """Hub: which organisations' records a field device receives (None: all of them).

    Reference data and records without an organisation always go. Organisations are given by
    id, code or name, as everywhere.
    """
    from dxdesk.services.records import RecordService

    _require_role(profile, "hub")
    peer = enrol.find_peer(profile.database, device)
    ids = None if orgs is None else sorted({RecordService(profile).resolve_org(o) for o in orgs})
    old = json.loads(peer["scope"]) if peer["scope"] else None
    widened = old is not None and (ids is None or bool(set(ids) - set(old)))
    with profile.database.transaction():
        if widened:
            # The device's state vector has moved past the changes it was not meant to see
            # (scoped bundles declare what they cover), so only a full bundle brings them now.
            enrol.set_meta(profile.database, FULL_DUE.format(peer["device_id"]), "1")
        ledger.set_scope(profile.database, peer["device_id"], ids)
        # What was left out before must go now: forget what we believe we sent.
        ledger.forget_sent(profile.database, peer["device_id"])
    profile.audit("sync_scope")
    return enrol.find_peer(profile.database, peer["device_id"])


def full_due(profile: Profile, device: str) -> bool:
    """Will the next bundle to this device be full (its scope was widened since the last)?"""
    return enrol.get_meta(profile.database, FULL_DUE.format(device)) is not None


def devices(profile: Profile) -> list[dict[str, Any]]:
    """This device first, then the roster (public keys and fingerprints only). ``staff``: the
    staff record the device records under, by name (this device's own; at the hub, the one
    linked at accept or by a merge; "" when not known here)."""
    me, _keys = own_member(profile)
    names = {s.id: s.name for s in staff.all_staff(profile)}
    links = staff.links(profile) if profile.role == "hub" else {}
    rows = [
        {
            "device_id": me.device_id,
            "name": me.name,
            "owner": me.owner,
            "role": me.role,
            "fingerprint": me.fingerprint,
            "status": "この端末",
            "scope": None,
            "staff": names.get(staff.owner_id(profile) or "", ""),
        }
    ]
    for r in enrol.peers(profile.database):
        rows.append(
            {
                "device_id": r["device_id"],
                "name": r["name"],
                "owner": r["owner"],
                "role": r["role"],
                "fingerprint": r["fingerprint"],
                "status": "取消済み" if r["revoked_at"] else "登録済み",
                "scope": json.loads(r["scope"]) if r["scope"] else None,
                "staff": names.get(links.get(r["device_id"], ""), ""),
            }
        )
    return rows


# ----------------------------------------------------------------------- export


@dataclass(frozen=True)
class Exported:
    path: Path
    recipient: str
    recipient_name: str
    count: int
    full: bool
    bundle_id: str = ""


def _max_vector(*vectors: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in vectors:
        for device, seq in v.items():
            out[device] = max(out.get(device, 0), seq)
    return out


def known_by(profile: Profile, peer_id: str) -> dict[str, int]:
    """What the peer holds as far as we know.

    When it has spoken since our last bundle, what it said (its bundle carries its state
    vector): a bundle of ours that got lost is then sent again by itself. Otherwise what we
    sent it and what it said before, assuming our last bundle arrived.
    """
    state = ledger.sync_state(profile.database, peer_id)
    if state is None:
        return {}
    if state.announced_at and state.announced_at > state.sent_at:
        return state.announced
    return _max_vector(state.sent, state.announced)


def _now_precise() -> str:
    return now_jst().isoformat(timespec="microseconds")


def _keys(profile: Profile) -> Any:
    keys = enrol.load_keys(profile.database)
    if keys is None:
        raise UserError("bundle_not_enrolled")
    return keys


def resolve_recipient(profile: Profile, to: str) -> ledger.PeerRow:
    if to == "hub":
        hub_id = enrol.get_meta(profile.database, enrol.META_HUB)
        if hub_id is None:
            raise UserError("bundle_not_enrolled")
        return enrol.find_peer(profile.database, hub_id)
    return enrol.find_peer(profile.database, to)


def export_bundle(
    profile: Profile,
    to: str,
    out_dir: Path,
    *,
    full: bool = False,
    medium: str = EXPORT_MEDIA[0],
    progress: Progress | None = None,
) -> Exported:
    """One bundle with everything ``to`` lacks (``full``: everything in its scope).

    A bundle that carries anything also carries its own entry in the export log (a
    ``bundle_export`` record, written first in the same transaction, so a failed write leaves
    neither), which is how the hub learns every laptop's exports (情報漏洩等への対策に関する文書).
    A bundle that carries nothing but other exports' log entries logs nothing (it holds no
    record of the work), so devices in step stay in step and a relay does not echo forever.

    ``progress`` hears of both passes over the changes; answering False stops the export with
    nothing written (the temporary file is removed, the log entry rolled back, nothing is
    recorded as sent).
    """
    keys = _keys(profile)
    peer = resolve_recipient(profile, to)
    if peer["revoked_at"]:
        raise UserError("bundle_recipient_revoked", device=peer["name"])
    db = profile.database
    due = FULL_DUE.format(peer["device_id"])
    full = full or enrol.get_meta(db, due) is not None
    have = {} if full else known_by(profile, peer["device_id"])
    scope = json.loads(peer["scope"]) if peer["scope"] else None
    escrow = enrol.get_meta(db, enrol.META_ESCROW)
    recipients = [peer["age_recipient"], *([escrow] if escrow else [])]
    created_at = _now_precise()
    bundle_id = bundle.new_bundle_id()
    with db.transaction():
        heads = _heads_to_send(profile, keys)
        # Judged by what the peer holds, also for a full bundle: a full copy of what it
        # already has (a repair) is not new work and would otherwise echo between devices.
        known = have if not full else known_by(profile, peer["device_id"])
        if _carries_work(db, heads, known):
            _log_export(profile, peer, bundle_id, created_at, medium)
            heads = _heads_to_send(profile, keys)  # signed again, over the log entry
        return _write_export(
            profile,
            keys,
            peer,
            out_dir,
            heads,
            have,
            full,
            scope,
            escrow,
            recipients,
            created_at,
            bundle_id,
            progress,
        )


def _carries_work(db: Any, heads: dict[str, origin.Head], have: dict[str, int]) -> bool:
    """Whether the peer lacks a change other than an export log entry (``_log_export``)."""
    for log_id, head in heads.items():
        start = int(have.get(log_id, 0))
        if (
            start < head.seq
            and db.conn.execute(
                "SELECT 1 FROM changes WHERE device_id = ? AND dev_seq > ? AND dev_seq <= ?"
                " AND kind != ? LIMIT 1",
                (log_id, start, head.seq, EXPORT_LOG),
            ).fetchone()
        ):
            return True
    return False


def _log_export(
    profile: Profile, peer: ledger.PeerRow, bundle_id: str, created_at: str, medium: str
) -> None:
    k = kind(EXPORT_LOG)
    values = validate(
        k,
        {
            "exported_at": created_at[:16],
            "device_id": profile.device_id,
            "device": profile.meta.get("device_name", ""),
            "person": profile.meta.get("owner_name", ""),
            "recipient_id": peer["device_id"],
            "recipient": peer["name"],
            "recipient_owner": peer["owner"],
            "file_name": bundle.bundle_file_name(created_at, profile.device_id, bundle_id),
            "bundle_id": bundle_id,
            "medium": medium,
        },
    )
    profile.records.insert(k, values)


def _write_export(
    profile: Profile,
    keys: Any,
    peer: ledger.PeerRow,
    out_dir: Path,
    heads: dict[str, origin.Head],
    have: dict[str, int],
    full: bool,
    scope: list[str] | None,
    escrow: str | None,
    recipients: list[str],
    created_at: str,
    bundle_id: str,
    progress: Progress | None,
) -> Exported:
    db = profile.database
    due = FULL_DUE.format(peer["device_id"])
    vector = merge.state_vector(db)
    if profile.role == "hub":
        # What the bundle covers (scoped bundles: merge ``covers``) is what it can prove: a
        # log's changes past its newest signed head are not sent yet (sync/origin.py).
        vector = {d: min(n, heads[d].seq) for d, n in vector.items() if d in heads}
    excluded = merge.out_of_scope(db, scope, model=profile.model)
    # About how many lines each pass yields (changes; proof lines are a few per log).
    total = max(1, sum(max(0, h.seq - int(have.get(d, 0))) for d, h in heads.items()))
    passes = iter(range(2))

    def source() -> Iterator[Any]:
        offset = next(passes, 1) * total
        return _reported(
            _segments(db, heads, have, excluded),
            progress,
            total,
            "バンドルを作成しています",
            "export",
            offset=offset,
            scale=2,
        )

    written = bundle.write_bundle(
        Path(out_dir),
        source,
        requires=bundle.PROOF_FEATURES,
        keys=keys,
        sender_name=profile.meta.get("device_name", ""),
        recipient=peer["device_id"],
        recipients=recipients,
        schema_version=db.schema_version,
        state_vector=vector,
        created_at=created_at,
        full=full,
        since=have,
        extra=_extra(profile, scope, escrow),
        bundle_id=bundle_id,
    )
    m = written.manifest
    _record_bundle(db, m, "export", stamp())
    enrol.set_meta(db, due, None)
    sent = _max_vector(_sent(profile, peer["device_id"]), vector)
    ledger.set_sent(db, peer["device_id"], sent, _now_precise())
    profile.audit("bundle_export")
    log.info("bundle exported: %d changes", m.count)
    return Exported(written.path, peer["device_id"], peer["name"], m.count, full, m.bundle_id)


def own_logs(profile: Profile) -> set[str]:
    """The change logs this device wrote: its first (the device id), the current one, and
    every earlier one (a restore starts a new log: store/records.py start_new_log)."""
    me = profile.device_id
    return {me, profile.records.device_id, *ledger.own_log_ids(profile.database, me)}


def _heads_to_send(profile: Profile, keys: crypto.DeviceKeys) -> dict[str, origin.Head]:
    """Sign this device's own logs as they stand, and take the newest signed heads of the
    others: the hub relays them, and a field device returns what its hub lost (its peer's
    state vector says what that is; usually nothing)."""
    db = profile.database
    conn = db.conn
    heads: dict[str, origin.Head] = {}
    for log_id in sorted(own_logs(profile)):
        row = conn.execute(
            "SELECT dev_seq, chain FROM changes WHERE device_id = ? ORDER BY dev_seq DESC LIMIT 1",
            (log_id,),
        ).fetchone()
        if row is None:
            continue
        seq = int(row[0])
        value = bytes(row[1]) if row[1] is not None else None
        if value is None:
            chain.fill(conn, [log_id])
            value = chain.chain_at(conn, log_id, seq)
        if value is None:
            log.warning("own change log has a hole; not signed")
            continue
        head = origin.sign_head(keys, log_id, seq, value)
        _store_head(db, head)
        heads[log_id] = head
    for h in ledger.signed_heads(db, except_device=keys.device_id):
        heads[h.log_id] = origin.Head(h.log_id, h.device_id, h.seq, h.chain, h.signature)
    return heads


def _store_head(db: Any, head: origin.Head) -> None:
    """Keep the newest signed head of a log (the device it names is pinned by the first)."""
    row = ledger.HeadRow(head.log_id, head.device_id, head.seq, head.chain, head.signature)
    ledger.add_log_head(db, row, stamp())


def _segments(
    db: Any,
    heads: dict[str, origin.Head],
    have: dict[str, int],
    excluded: dict[str, set[str]],
) -> Iterator[bytes | origin.HeldChange]:
    """The payload: one proven segment per log the peer lacks changes of (sync/origin.py)."""
    conn = db.conn
    for log_id in sorted(heads):
        head = heads[log_id]
        start = int(have.get(log_id, 0))
        if start >= head.seq:
            continue
        held = conn.execute(
            "SELECT count(*) FROM changes WHERE device_id = ? AND dev_seq > ? AND dev_seq <= ?",
            (log_id, start, head.seq),
        ).fetchone()[0]
        start_chain = chain.chain_at(conn, log_id, start)
        if int(held) != head.seq - start or start_chain is None:
            # A hole here (a bundle from its device never arrived): this log cannot be proven
            # to the peer now; it goes once the hole is filled.
            log.debug("change log with a hole left out of a bundle")
            continue
        changes = merge.log_changes(db, log_id, start, head.seq)

        def left_out(c: Any) -> bool:
            return c.record_id in excluded.get(c.kind, ())

        yield from origin.segment(head, start, start_chain, changes, left_out)


def _record_bundle(
    db: Any, m: bundle.Manifest, direction: Literal["export", "import"], at: str
) -> None:
    ledger.record_bundle(
        db,
        bundle_id=m.bundle_id,
        direction=direction,
        sha256=m.content_hash,
        sender=m.sender,
        recipient=m.recipient,
        ranges=m.ranges,
        change_count=m.count,
        created_at=m.created_at,
        at=at,
    )


def _extra(profile: Profile, scope: list[str] | None, escrow: str | None) -> dict[str, Any]:
    # The scope rule of every kind, for a reader that does not know one (sync/foreign.py).
    out: dict[str, Any] = foreign.manifest_keys(profile.database, profile.model)
    if scope is None:
        # With no scope the receiver can compare whole databases once its vector equals ours.
        out["digest"] = merge.digest(profile.database, model=profile.model)
    else:
        out["scope"] = scope
    if profile.role == "hub":
        out["escrow"] = escrow  # so that field devices follow a later change of escrow key
        out["escrow_at"] = enrol.get_meta(profile.database, META_ESCROW_AT) or ""
        # The team as the hub knows it: the keys of the devices whose changes it relays, and
        # who is revoked. Followed by the hub's clock, never by order of delivery.
        out["roster"] = [
            {
                "device_id": r["device_id"],
                "name": r["name"],
                "owner": r["owner"],
                "role": r["role"],
                "sign_public": r["sign_public"],
                "age_recipient": r["age_recipient"],
                "revoked": r["revoked_at"] is not None,
            }
            for r in enrol.peers(profile.database)
        ]
        # Whose laptop is whose: a laptop follows the staff record the hub holds for it (after
        # a merge of duplicates its own may be gone), by the roster's clock.
        out["staff_links"] = staff.links(profile)
        out["roster_at"] = profile.records.clock.now().encode()
    return out


def _follow_hub(profile: Profile, m: bundle.Manifest) -> None:
    """Take the escrow key from a bundle signed by our hub (inside the import transaction)."""
    if m.sender != enrol.get_meta(profile.database, enrol.META_HUB):
        return
    obj = json.loads(m.raw)
    if "escrow" not in obj:
        return
    escrow = obj["escrow"]
    if escrow is not None:
        try:
            crypto.check_recipient(str(escrow))
        except ValueError:
            return
    db = profile.database
    held = enrol.get_meta(db, META_ESCROW_AT) or ""
    at = obj.get("escrow_at")
    if isinstance(at, str) and (at == "" or hlc_acceptable(at)):
        if held and at <= held:
            return  # an older bundle delivered late must not roll the key back
    elif held:
        return  # an older hub says nothing of when: the newer policy held here stands
    enrol.set_meta(db, enrol.META_ESCROW, escrow)
    enrol.set_meta(db, META_ESCROW_AT, at or None)


def _sent(profile: Profile, peer_id: str) -> dict[str, int]:
    state = ledger.sync_state(profile.database, peer_id)
    return state.sent if state else {}


# ----------------------------------------------------------------------- import


@dataclass(frozen=True)
class Preview:
    path: Path
    manifest: bundle.Manifest
    sender_name: str
    already: bool
    plan: Any  # merge.Plan; None when already imported

    def summary(self) -> dict[str, Any]:
        return {
            "bundle_id": self.manifest.bundle_id,
            "sender": self.manifest.sender,
            "sender_name": self.sender_name,
            "created_at": self.manifest.created_at,
            "count": self.manifest.count,
            "full": self.manifest.full,
            "already": self.already,
            "scoped": self.manifest.scope is not None,
            # A scoped bundle that does not say what it covers (``since``, from an older
            # writer) leaves holes that look like gaps but are other organisations' changes.
            "gaps_real": self.manifest.scope is None or self.manifest.since is not None,
            "plan": jsonable(self.plan),
        }


@dataclass(frozen=True)
class Gap:
    """Changes of one laptop that none of the bundles at hand (nor this database) holds: a
    bundle written before them never arrived. Said in words: whose laptop, from when."""

    device_id: str
    device_name: str
    owner: str
    first: int  # the missing change numbers of that laptop's log, first..last
    last: int
    after: str  # ISO date of the last change held before them ("": none held)
    until: str  # ISO date of the first change after them ("": not known)

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def numbers(self) -> str:
        """「31〜42」, or 「31」 for one change."""
        return str(self.first) if self.first == self.last else f"{self.first}〜{self.last}"

    @property
    def sentence(self) -> str:
        """The Japanese sentence (the CLI's; the window builds the same from its catalogue)."""
        who = (
            f"端末「{self.device_name}」（{self.owner}）"
            if self.owner
            else f"端末「{self.device_name}」"
        )
        return (
            f"{who}の{_gap_when(self.after, self.until)}の作業（変更 {self.count} 件、"
            f"連番 {self.numbers}）がまだ届いていません。"
            "その端末で先に作成されたバンドルを取り込むか、送信元で「すべてを含める」"
            "（--full）で作り直してもらってください。"
        )


def _wareki(iso: str) -> str:
    from datetime import date

    from dxdesk.core.calendar import format_wareki

    return format_wareki(date.fromisoformat(iso))


def _gap_when(after: str, until: str) -> str:
    """「令和7年11月25日から令和7年11月28日まで」: when the missing work was done, as far as
    the changes around it say."""
    if after and until:
        if after == until:  # all of it on one day
            return _wareki(after)
        return f"{_wareki(after)}から{_wareki(until)}まで"
    if after:
        return f"{_wareki(after)}以降"
    if until:
        return f"{_wareki(until)}まで"
    return "最初から"


def _hlc_date(hlc: str) -> str:
    """The Japan date of an HLC stamp ("" when there is none)."""
    if not hlc:
        return ""
    from datetime import UTC, datetime

    from dxdesk.core.clock import JST
    from dxdesk.core.hlc import Timestamp

    try:
        wall = Timestamp.decode(hlc).wall_ms
    except ValueError:
        return ""
    return datetime.fromtimestamp(wall / 1000, UTC).astimezone(JST).date().isoformat()


def in_import_order(previews: list[Preview]) -> list[Preview]:
    """The order to apply a selection of bundles in: as they were written (each sender's in
    the order of its log), so none is applied before one it follows. The CLI and the window
    both apply in this order."""
    return sorted(previews, key=lambda p: (p.manifest.created_at, p.manifest.bundle_id))


def _carried(m: bundle.Manifest) -> dict[str, tuple[int, int]]:
    """The change numbers a bundle accounts for, per log: what it carries, and for a scoped
    bundle from the hub what it declares it covers (other organisations' holes)."""
    out = dict(m.ranges)
    if m.scope is not None and m.since is not None:
        for device, through in m.state_vector.items():
            out[device] = (
                min(m.since.get(device, 0) + 1, out.get(device, (through, 0))[0]),
                through,
            )
    return out


def _subtract(lo: int, hi: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [(lo, hi)]
    for a, b in spans:
        nxt: list[tuple[int, int]] = []
        for x, y in pieces:
            if b < x or a > y:
                nxt.append((x, y))
                continue
            if x < a:
                nxt.append((x, a - 1))
            if b < y:
                nxt.append((b + 1, y))
        pieces = nxt
    return pieces


def selection_gaps(profile: Profile, previews: list[Preview]) -> list[Gap]:
    """The gaps of a selection of bundles taken together: a change missing for one bundle but
    carried by another of the selection (in any order) is not missing. Each laptop's missing
    span is said once, with its device name and person, and from when."""
    if not previews:
        return []
    carried: list[tuple[Path, dict[str, tuple[int, int]]]] = [
        (p.path, _carried(p.manifest)) for p in previews if not p.already
    ]
    # (device, first, last, after, until); the dates around the original gap stay true
    # bounds for any piece of it.
    pieces: list[tuple[str, int, int, str, str]] = []
    for p in previews:
        if p.plan is None or not p.summary()["gaps_real"]:
            continue
        times = getattr(p.plan, "gap_times", {}) or {}
        for device, ranges in p.plan.gaps.items():
            others = [c[device] for path, c in carried if path != p.path and device in c]
            bounds = times.get(device) or []
            for i, (lo, hi) in enumerate(ranges):
                after, until = bounds[i] if i < len(bounds) else ("", "")
                for a, b in _subtract(int(lo), int(hi), others):
                    pieces.append((device, a, b, _hlc_date(after), _hlc_date(until)))
    if not pieces:
        return []
    names = {str(d["device_id"]): (str(d["name"]), str(d["owner"])) for d in devices(profile)}
    out: list[Gap] = []
    # Several bundles may report one hole (each cut by what the others carry): said once.
    for device, a, b, after, until in sorted(pieces):
        last = out[-1] if out else None
        if last is not None and last.device_id == device and a <= last.last + 1:
            out[-1] = dataclasses.replace(
                last,
                last=max(last.last, b),
                # Bounds that stay true for the union: the earlier start, the later end.
                after=min(last.after, after) if last.after and after else "",
                until=max(last.until, until) if last.until and until else "",
            )
            continue
        name, owner = names.get(device, (device[:8], ""))
        out.append(Gap(device, name, owner, a, b, after, until))
    return out


def plan_gaps(profile: Profile, p: Preview, plan: Any) -> list[Gap]:
    """The gaps an applied bundle reported (``Imported.summary``), in words."""
    return selection_gaps(profile, [dataclasses.replace(p, plan=plan, already=False)])


@dataclass(frozen=True)
class Imported:
    preview: Preview
    applied: bool
    summary: Any  # merge.Summary; None when already imported
    backup: Path | None
    # True: both sides now hold the same changes yet their contents differ (ask for --full).
    diverged: bool = False


def jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [jsonable(v) for v in obj]
    if obj is None or isinstance(obj, str | int | float | bool):
        return obj
    return str(obj)


def _seen(profile: Profile, m: bundle.Manifest) -> bool:
    seen = ledger.bundle_seen(profile.database, m.bundle_id)
    if seen is None:
        return False
    # An id this device wrote itself can never arrive from another device.
    if seen.sha256 != m.content_hash or seen.direction != "import":
        raise UserError("bundle_id_reused", bundle_id=m.bundle_id)
    return True


class _Origins:
    """Who may speak for which change log in one incoming bundle (origin.Policy).

    Every change must be covered by the signed head of the device that logged it, checked
    against that device's enrolled key, whoever carried it: the hub relays laptops' work, and a
    laptop returns what its hub lost in a restore. The keys are this database's peers plus, in
    a bundle from our hub, the hub's roster (checked here before anything is written: a known
    device with another key refuses the bundle). A log belongs to the device that first signed
    it (a device's first log carries its own id); a head for it by another device is refused.
    """

    def __init__(self, profile: Profile, m: bundle.Manifest) -> None:
        self.db = profile.database
        self.me = enrol.load_keys(self.db)
        self.sender = m.sender
        self.from_hub = m.sender == enrol.get_meta(self.db, enrol.META_HUB)
        self.roster = _roster(profile, m) if self.from_hub else {}
        self.names: dict[str, str] = {}
        # log id -> the device whose signed head covers it in this bundle (the scope guard
        # applies to the sender's own logs; relayed ones are their devices' work).
        self.owners: dict[str, str] = {}

    def _key(self, device: str) -> tuple[str, bool] | None:
        if self.me is not None and device == self.me.device_id:
            return self.me.sign_public, False
        row = ledger.peer(self.db, device)
        if row is not None:
            self.names[device] = row["name"]
            return row["sign_public"], row["revoked_at"] is not None
        member = self.roster.get(device)
        if member is not None:
            self.names[device] = member[0].name
            return member[0].sign_public, member[1]
        return None

    def name(self, device: str) -> str:
        return self.names.get(device) or device[:8]

    def check_head(self, head: origin.Head) -> None:
        known = self._key(head.device_id)
        if known is None:
            raise UserError("bundle_origin_unknown", device=head.device_id[:8])
        key, revoked = known
        if not crypto.verify(key, head.signature, head.message()):
            raise UserError(
                "bundle_origin_forged",
                detail=f"端末「{self.name(head.device_id)}」の署名が一致しません",
            )
        owner = ledger.log_owner(self.db, head.log_id)
        if owner is None and head.log_id != head.device_id and self._key(head.log_id):
            owner = head.log_id  # a device's first log is named after the device itself
        if owner is not None and owner != head.device_id:
            raise UserError(
                "bundle_origin_forged",
                detail=f"端末「{self.name(owner)}」の変更を別の端末が署名しています",
            )
        self.owners[head.log_id] = head.device_id
        if revoked and head.seq > merge.held_through(self.db, head.log_id):
            raise UserError("bundle_revoked_sender", sender=self.name(head.device_id))

    def diverges(self, log_id: str, seq: int, value: bytes) -> bool:
        conn = self.db.conn
        held = conn.execute(
            "SELECT chain FROM changes WHERE device_id = ? AND dev_seq = ?", (log_id, seq)
        ).fetchone()
        if held is not None and held[0] is not None:
            return bytes(held[0]) != value
        # Not held here, but the continuation of a history already kept aside (the copy goes
        # on sending from where its last bundle ended): it joins that history, not this one.
        return ledger.kept_in_fork(self.db, log_id, seq, value)

    def legacy(self, device_id: str) -> None:
        # An older writer signs only the bundle: that proves its own first log, nothing else.
        if device_id != self.sender:
            raise UserError("bundle_origin_unsigned")


def _roster(profile: Profile, m: bundle.Manifest) -> dict[str, tuple[enrol.Member, bool]]:
    """The roster in a bundle from our hub: {device: (member, revoked)}, keys checked against
    the ones this database pinned (a different key for a known device refuses the bundle)."""
    obj = json.loads(m.raw)
    raw = obj.get("roster")
    if raw is None:
        return {}
    if not isinstance(raw, list) or len(raw) > 10_000:
        raise UserError("bundle_damaged", detail="目録の項目 roster が正しくありません")
    out: dict[str, tuple[enrol.Member, bool]] = {}
    for entry in raw:
        try:
            if not isinstance(entry, dict) or not isinstance(entry.get("revoked"), bool):
                raise ValueError("entry")
            member = enrol.Member.parse({k: v for k, v in entry.items() if k != "revoked"})
        except ValueError:
            raise UserError(
                "bundle_damaged", detail="目録の項目 roster が正しくありません"
            ) from None
        if not enrol.keys_match(profile.database, member):
            raise UserError("enrol_key_mismatch", device=member.device_id)
        out[member.device_id] = (member, bool(entry["revoked"]))
    return out


def _follow_roster(profile: Profile, m: bundle.Manifest, origins: _Origins) -> None:
    """Take the hub's roster (and this device's scope) when newer by the hub's clock than the
    ones followed."""
    if not origins.from_hub:
        return
    at = json.loads(m.raw).get("roster_at")
    if not isinstance(at, str) or not hlc_acceptable(at):
        return
    db = profile.database
    if at <= (enrol.get_meta(db, META_ROSTER_AT) or ""):
        return  # an older bundle delivered late: the roster in force is newer
    me = origins.me.device_id if origins.me else ""
    for device, (member, revoked) in origins.roster.items():
        if device in (me, m.sender):
            continue
        enrol.add_peer(db, member)
        if revoked:
            enrol.revoke(db, device)
    enrol.set_meta(db, META_ROSTER_AT, at)
    links = json.loads(m.raw).get("staff_links")
    mine = links.get(me) if isinstance(links, dict) else None
    if isinstance(mine, str) and mine and mine != staff.owner_id(profile):
        staff.set_owner(profile, mine)
    # This device's own scope as the hub holds it, by the same clock: local writes outside it
    # are refused at once (store/records.py) instead of holding up every later bundle.
    scope = None if m.scope is None else sorted(m.scope)
    enrol.set_meta(db, OWN_SCOPE_KEY, None if scope is None else json.dumps(scope))
    profile.records.scope = None if scope is None else frozenset(scope)


def _scope_guard(
    profile: Profile, m: bundle.Manifest, owners: dict[str, str]
) -> merge.Scope | None:
    """A field device with a scope may write only its organisations' records (hub side)."""
    if profile.role != "hub":
        return None
    sender = ledger.peer(profile.database, m.sender)
    if sender is None or not sender["scope"]:
        return None
    from dxdesk.services.records import RecordService

    return merge.Scope(
        frozenset(json.loads(sender["scope"])), m.sender, owners, RecordService(profile).org_names()
    )


class _Verified:
    """A bundle's changes, each checked against its origin's signed head, for the merge."""

    def __init__(self, profile: Profile, opened: bundle.OpenBundle) -> None:
        self.origins = _Origins(profile, opened.manifest)
        self.divergence = merge.Divergence()
        self.verifier = origin.Verifier(
            self.origins,
            proofs=opened.proofs,
            is_uuid=bundle.is_uuid,
            on_diverge=self.divergence.mark,
        )
        self._items = opened.items()

    def changes(self) -> Iterator[merge.Change]:
        for row, value in self.verifier.stream(self._items):
            yield merge.Change(*row, chain=value)

    def proves(self, log_id: str, since: int, through: int) -> bool:
        """Does the bundle account for every change of the log numbered since+1..through?

        A scoped bundle from the hub declares what it covers (merge ``covers``); with proofs,
        that is taken only where its segment for the log starts at ``since`` and its signed
        head is at ``through``: a relay cannot move this device past changes by leaving them
        out unaccounted."""
        if not self.verifier.proofs or through <= since:
            return True
        return self.verifier.segments.get(log_id) == (since, through)


def _open(profile: Profile, path: Path) -> Any:
    return bundle.open_bundle(
        Path(path),
        _keys(profile),
        enrol.sender_lookup(profile.database),
    )


def _covers(profile: Profile, m: bundle.Manifest) -> dict[str, tuple[int, int]] | None:
    """What a scoped bundle from our hub accounts for: merge.apply's ``covers``.

    Such a bundle leaves out other organisations' changes for good; declared, they no longer
    hold this device's state vector back (nor show as gaps, nor make the hub resend the rest).
    Only the hub decides what a device should see; from anyone else a bundle must be whole.
    """
    if m.since is None or m.scope is None:
        return None
    if m.sender != enrol.get_meta(profile.database, enrol.META_HUB):
        return None
    return {d: (m.since.get(d, 0), n) for d, n in m.state_vector.items()}


def _sender_name(profile: Profile, m: bundle.Manifest) -> str:
    sender = ledger.peer(profile.database, m.sender)
    return sender["name"] if sender else m.sender_name


def preview(
    profile: Profile, path: Path, *, plan: bool = True, progress: Progress | None = None
) -> Preview:
    """Everything checked, nothing written: sender, date, counts per kind, conflicts, gaps.

    The counts come from ``merge.plan`` (the merge itself, rolled back: memory as flat as the
    apply's). ``plan=False`` only verifies, which is quicker (``--yes``); the counts are then
    reported from the apply (``Imported.summary``).
    """
    with _open(profile, path) as opened:
        m = opened.manifest
        name = _sender_name(profile, m)
        if _seen(profile, m):
            return Preview(Path(path), m, name, True, None)
        verified = _Verified(profile, opened)
        changes = _reported(
            verified.changes(),
            progress,
            m.count,
            "バンドルを確認しています",
            "import",
        )
        covers = _covers(profile, m)
        counts = None
        if plan:
            counts = merge.plan(
                profile.database,
                changes,
                covers=covers,
                divergence=verified.divergence,
                scope=_scope_guard(profile, m, verified.origins.owners),
                proven=verified.proves,
                model=profile.model,
                declared=foreign.manifest_rules(m.raw),
            )
        for _ in changes:  # the plan may stop early: the rest must still be read and verified
            pass
    return Preview(Path(path), m, name, False, counts)


def import_bundle(
    profile: Profile,
    path: Path,
    checked: Preview | None = None,
    *,
    progress: Progress | None = None,
) -> Imported:
    """Apply a bundle: preview (unless given), snapshot backup, one transaction.

    ``progress`` hears of the apply pass; answering False rolls the whole transaction back
    (UserError ``bundle_import_cancelled``): an import stopped mid-way commits nothing."""
    first = checked or preview(profile, path, progress=progress)
    if first.already:
        return Imported(first, False, None, None)
    backup = _snapshot(profile)
    db = profile.database
    with db.transaction(), _open(profile, path) as opened:
        m = opened.manifest
        if m.content_hash != first.manifest.content_hash:
            raise UserError("bundle_damaged", detail="確認後にファイルが変わりました")
        if _seen(profile, m):
            return Imported(first, False, None, backup)
        verified = _Verified(profile, opened)
        changes = _reported(
            verified.changes(),
            progress,
            m.count,
            "バンドルを取り込んでいます",
            "import",
        )
        summary = merge.apply(
            db,
            changes,
            clock=profile.records.clock,
            covers=_covers(profile, m),
            divergence=verified.divergence,
            scope=_scope_guard(profile, m, verified.origins.owners),
            source=m.bundle_id,
            proven=verified.proves,
            model=profile.model,
            declared=foreign.manifest_rules(m.raw),
        )
        for _ in changes:
            pass
        # An older laptop's additions to a list arrive as memberships (store/memberships.py).
        memberships.reconcile(profile.records)
        # Records naming a person merged away here, from a laptop that had not heard of it.
        staff.follow_merges(profile)
        for head in verified.verifier.heads:
            if head.log_id not in verified.divergence.since:
                _store_head(db, head)
        now = stamp()
        _record_bundle(db, m, "import", now)
        _follow_roster(profile, m, verified.origins)
        _follow_hub(profile, m)
        record = {**first.summary(), "applied": jsonable(summary)}
        ledger.add_import(db, m.bundle_id, m.sender, now, record)
        # Bundles may arrive out of order: the newest announcement is the one made last.
        state = ledger.sync_state(db, m.sender)
        if state is None or not state.announced_created or state.announced_created <= m.created_at:
            ledger.set_announced(db, m.sender, m.state_vector, _now_precise(), m.created_at)
    log.info("bundle imported: %d changes", m.count)
    return Imported(first, True, summary, backup, diverged(profile, m))


def diverged(profile: Profile, m: bundle.Manifest) -> bool:
    """The divergence check: same changes held on both sides, yet a different digest.

    Only decidable when this device now holds exactly what the sender held (nothing unsent
    here, nothing missing): then the order-independent digests must be equal. A mismatch
    never deletes anything here; the user is offered a full bundle from the sender.
    """
    if m.digest is None or not foreign.same_words(m.raw, profile.model):
        return False  # made with other words (a newer or older model): not comparable
    mine = {d: s for d, s in merge.state_vector(profile.database).items() if s}
    theirs = {d: s for d, s in m.state_vector.items() if s}
    if mine != theirs:
        return False
    return merge.digest(profile.database, model=profile.model) != m.digest


def _snapshot(profile: Profile) -> Path | None:
    if profile.settings.backups_kept <= 0:
        return None
    name = f"{PRE_IMPORT_PREFIX}{now_jst():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}.db"
    try:
        path = profile.backup(profile.paths.backups / name)
        prune_backups(profile.paths.backups, PRE_IMPORT_KEPT, prefix=PRE_IMPORT_PREFIX)
    except OSError as exc:
        raise io_error(exc, profile.paths.backups) from exc
    return path


def history(profile: Profile, limit: int = 50) -> list[dict[str, Any]]:
    return [
        {**r, "summary": json.loads(r["summary"])}
        for r in ledger.import_history(profile.database, limit)
    ]


# ----------------------------------------------------------------------- conflicts


def list_conflicts(profile: Profile, *, include_resolved: bool = False) -> list[Any]:
    return conflicts.list_conflicts(profile.database, include_resolved=include_resolved)


# A conflict's "field" when a delete met an edit (not a field of the model: each face words it).
DELETE_LABEL = "削除"


@dataclass(frozen=True)
class ConflictShown:
    """A conflict as a person reads it (the CLI's table and the window's list)."""

    id: str
    kind_label: str  # Japanese, as in the model (the window translates it)
    title: str
    field_label: str  # Japanese; DELETE_LABEL for a delete against an edit
    current: str  # the value the record holds now, as shown everywhere else
    losing: str  # the value that was not kept
    record_deleted: bool
    resolved: bool
    detected_at: str
    org: str = ""  # the record's organisation (団体), by name; "" when it has none
    # Who wrote each of the two values that met, and when (Japan time, "YYYY-MM-DD HH:MM"):
    # the device by name and its person. ``current_*`` is the write kept at the time.
    current_device: str = ""
    current_person: str = ""
    current_at: str = ""
    losing_device: str = ""
    losing_person: str = ""
    losing_at: str = ""

    @property
    def current_by(self) -> str:
        return _written_by(self.current_device, self.current_person, self.current_at)

    @property
    def losing_by(self) -> str:
        return _written_by(self.losing_device, self.losing_person, self.losing_at)


def _written_by(device: str, person: str, at: str) -> str:
    """「平川のノート（平川 美咲）2025-11-25 14:03」"""
    who = f"{device}（{person}）" if person else device
    return f"{who} {at}".strip()


def _hlc_time(hlc: str) -> str:
    """An HLC stamp as Japan wall-clock time, to the minute ("" when not a stamp)."""
    from datetime import UTC, datetime

    from dxdesk.core.clock import JST
    from dxdesk.core.hlc import Timestamp

    try:
        wall = Timestamp.decode(hlc).wall_ms
    except ValueError:
        return ""
    return f"{datetime.fromtimestamp(wall / 1000, UTC).astimezone(JST):%Y-%m-%d %H:%M}"


def _writers(profile: Profile) -> Any:
    """log id -> (device name, person): this device's logs, the enrolled devices' and the
    ones known from imports (a log of an unknown device shows its first 8 characters)."""
    db = profile.database
    people: dict[str, tuple[str, str]] = {
        str(r["device_id"]): (str(r["name"]), str(r["owner"])) for r in enrol.peers(db)
    }
    me = (profile.meta.get("device_name", ""), profile.meta.get("owner_name", ""))
    for log_id in own_logs(profile):
        people[log_id] = me
    known = {
        str(r[0]): str(r[1] or "")
        for r in db.conn.execute("SELECT device_id, name FROM devices").fetchall()
    }

    def who(log_id: str) -> tuple[str, str]:
        if log_id in people:
            return people[log_id]
        owner = ledger.log_owner(db, log_id)
        if owner is not None and owner in people:
            return people[owner]
        return (known.get(log_id) or log_id[:8], "")

    return who


def describe_conflicts(profile: Profile, *, include_resolved: bool = False) -> list[ConflictShown]:
    """The conflict log with labels and values shown as lists show them (organisation names,
    business systems, はい/いいえ), so the CLI and the window say the same."""
    from dxdesk.core.model import kind as kind_of
    from dxdesk.services.records import RecordService

    records = RecordService(profile)
    orgs = records.org_names()
    who = _writers(profile)
    out = []
    for c in list_conflicts(profile, include_resolved=include_resolved):
        k = kind_of(c.kind) if c.kind in KNOWN_KINDS else None
        # The kind, when the conflict is on one of its fields (not on "_deleted").
        typed = k if k is not None and c.field in k.field_names else None

        def shown(value: Any, k: Any = typed, name: str = c.field) -> str:
            if k is not None:
                return records.display_value(k, name, value, orgs)
            if isinstance(value, bool):  # the "_deleted" entry: a delete against an edit
                return "はい" if value else "いいえ"
            return "" if value is None else str(value)

        if typed is not None:
            label = typed.field(c.field).label
        else:
            label = DELETE_LABEL if c.field == "_deleted" else c.field
        org = ""
        column = k.org_column if k is not None else None
        if k is not None and column is not None:
            held = profile.database.conn.execute(
                f'SELECT "{column}" FROM "{k.name}" WHERE id = ?', (c.record_id,)
            ).fetchone()
            org = orgs.get(str(held[0]), "") if held and held[0] else ""
        current_device, current_person = who(c.winning_device)
        losing_device, losing_person = who(c.losing_device)
        out.append(
            ConflictShown(
                id=c.id,
                kind_label=k.label if k is not None else c.kind,
                title=c.title or c.record_id[:8],
                field_label=label,
                current=shown(c.current_value),
                losing=shown(c.losing_value),
                record_deleted=c.record_deleted,
                resolved=c.resolved_at is not None,
                detected_at=str(c.detected_at),
                org=org,
                current_device=current_device,
                current_person=current_person,
                current_at=_hlc_time(c.winning_hlc),
                losing_device=losing_device,
                losing_person=losing_person,
                losing_at=_hlc_time(c.losing_hlc),
            )
        )
    return out


def unreviewed_conflicts(profile: Profile) -> int:
    """How many conflicts wait for a person (the home screen's figure): open entries whose
    losing value is not current again."""
    return len(list_conflicts(profile))


def review_conflict(profile: Profile, conflict_id: str) -> None:
    """Keep the current value: the conflict is marked reviewed, nothing changes or syncs."""
    conflicts.review_conflict(profile.database, conflict_id)
    profile.audit("conflict_review")


def restore_conflict(profile: Profile, conflict_id: str) -> Any:
    """Make a losing value current again: a new local change, which syncs like any edit."""
    change = conflicts.restore_conflict(profile.database, conflict_id, store=profile.records)
    profile.audit("conflict_restore")
    return change


# ----------------------------------------------------------------------- forks


@dataclass(frozen=True)
class ForkShown:
    """Another history under one change log, kept aside at import (a copied profile)."""

    id: str
    device_name: str
    log_id: str
    count: int
    first_seq: int
    last_seq: int
    detected_at: str
    resolution: str | None  # "adopted", "dismissed", or None while it waits for a person
    kinds: tuple[tuple[str, int], ...] = ()  # (kind label in Japanese, changes) it holds

    @property
    def contents(self) -> str:
        """What it holds, as a person reads it: "訪問・ヒアリング 3件、課題 1件"."""
        return "、".join(f"{label} {n}件" for label, n in self.kinds)


def list_forks(profile: Profile, *, include_resolved: bool = False) -> list[ForkShown]:
    rows = ledger.forks(profile.database, include_resolved=include_resolved)
    me = profile.device_id
    from dxdesk.core.model import kind as kind_of

    per_kind: dict[str, list[tuple[str, int]]] = {}
    for fork_id, kind_name, count in ledger.fork_kind_counts(profile.database):
        label = kind_of(kind_name).label if kind_name in KNOWN_KINDS else kind_name
        per_kind.setdefault(fork_id, []).append((label, count))
    return [
        ForkShown(
            id=f.id,
            device_name=str(
                f.device_name
                or (profile.meta.get("device_name", "") if f.device_id == me else f.device_id)
            ),
            log_id=f.log_id,
            count=f.count,
            first_seq=f.first_seq or 0,
            last_seq=f.last_seq or 0,
            detected_at=f.detected_at,
            resolution=f.resolution,
            kinds=tuple(per_kind.get(f.id, [])),
        )
        for f in rows
    ]


def _find_fork(profile: Profile, text: str) -> str:
    ids = ledger.find_forks(profile.database, text)
    if len(ids) != 1:
        raise UserError("unknown_fork", id=text)
    return ids[0]


def adopt_fork(profile: Profile, fork_id: str) -> int:
    """Write the other history's values here as this device's own edits (they then sync like
    any edit; what they replace goes nowhere: it stays in the change log and, where two values
    met, the conflict log). Returns how many of its changes changed something."""
    from dxdesk.core.model import KINDS as ALL_KINDS
    from dxdesk.core.model import kind as kind_of

    fork_id = _find_fork(profile, fork_id)
    db = profile.database
    store = profile.records
    names = {k.name for k in ALL_KINDS}
    written = 0
    with db.transaction():
        for held in ledger.fork_changes(db, fork_id):
            if held.kind not in names:
                continue
            k = kind_of(held.kind)
            op = held.op
            data = {n: v for n, v in json.loads(held.payload).items() if n in k.field_names}
            record_id = held.record_id
            if k.key and op == "create":
                # An older version's id for a keyed record: its key names the record now.
                record_id = key_id(k, data) or record_id
            row = store.get(k, record_id, include_deleted=True)
            change: Any = None
            if op in ("create", "update"):
                if row is None:
                    if op == "create":
                        values = {n: data.get(n) for n in k.field_names}
                        try:
                            change = store.insert(k, values, record_id=None if k.key else record_id)
                        except UserError:
                            change = None  # a rule of this version refuses it: left in the log
                else:
                    if row["_deleted"]:
                        store.restore(k, record_id)
                    fields = {n: v for n, v in data.items() if n not in k.key}
                    try:
                        change = store.update(k, record_id, fields)
                    except UserError:
                        change = None
            elif op == "delete" and row is not None:
                change = store.delete(k, record_id)
            elif op == "restore" and row is not None:
                change = store.restore(k, record_id)
            written += change is not None
        ledger.resolve_fork(db, fork_id, "adopted", stamp())
    profile.audit("fork_adopt")
    return written


def dismiss_fork(profile: Profile, fork_id: str) -> None:
    """Mark a fork as seen and not wanted; its changes stay stored (nothing is deleted)."""
    fork_id = _find_fork(profile, fork_id)
    with profile.database.transaction():
        ledger.resolve_fork(profile.database, fork_id, "dismissed", stamp())
    profile.audit("fork_dismiss")
