"""One person, one staff record: finding a person by name, and merging a duplicate into one.

Each profile starts with a staff record for its owner (services/profile.py). A field laptop
enrolled at the hub would bring a second record for a person the hub already knows (two
「平川 美咲」 columns in the hours matrix, her hours split). So at accept the hub links the
laptop to an existing record (``candidates`` finds it by name) and the laptop records under it
(services/sync.py ``join``); and a duplicate made before can be merged (``merge``): every field
of the model that refers to staff (found from the model, never listed here) is moved to the kept
record through the change log, so the move syncs like any edit, and the other record is deleted
(a tombstone: restorable, and synced too). Records that arrive later naming the retired
person (written before the merge reached their laptop) are moved at import by the device that
merged (``follow_merges``), and that move syncs like the first.

Which laptop is whose: the hub keeps a link per device (meta ``staff_link:<device>``) and sends
it with the roster (services/sync.py), so a laptop whose own record was merged away follows the
kept one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from dxdesk.core.model import KINDS, FieldType, Kind, Record, key_id, kind
from dxdesk.core.textfold import fold
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.store import ledger, seeds

STAFF = "staff"
OWNER_KEY = "owner_staff_id"
LINK_PREFIX = "staff_link:"
MERGED_PREFIX = "staff_merged:"  # meta: a person merged away here -> the one kept
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A person's name as compared: NFKC and the variant table (core/textfold.py), spaces
    (half- or full-width, or none) folded away: 「平川　美咲」 and 「平川美咲」 are one name."""
    return _SPACES.sub("", fold(name or ""))


@dataclass(frozen=True)
class StaffChoice:
    """A staff record as a supervisor chooses it at accept or merge."""

    id: str
    name: str
    role: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.role}）" if self.role else self.name


@dataclass(frozen=True)
class Candidates:
    """The records a device's owner may be: those matched by name first, then the rest."""

    matched: tuple[StaffChoice, ...]
    others: tuple[StaffChoice, ...]

    @property
    def suggested(self) -> StaffChoice | None:
        """The one record to offer for confirmation: only when the name matches exactly one."""
        return self.matched[0] if len(self.matched) == 1 else None


@dataclass(frozen=True)
class Merged:
    """What a merge did: references moved per kind (its Japanese label), the retired record."""

    kept: StaffChoice
    retired: StaffChoice
    moved: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.moved.values())


def staff_fields(kinds: tuple[Kind, ...] = KINDS) -> Iterator[tuple[Kind, str]]:
    """Every (kind, field) that names a staff record, from the model: a field added later is
    moved by a merge without a change here. Retired fields are never written (core/model.py)."""
    for k in kinds:
        for f in k.fields:
            if f.type == FieldType.REF and f.ref == STAFF and not f.retired:
                yield k, f.name


def _choice(row: Record | dict[str, Any], record_id: str) -> StaffChoice:
    return StaffChoice(record_id, str(row.get("name") or ""), str(row.get("role") or ""))


def all_staff(profile: Profile) -> list[StaffChoice]:
    rows = profile.database.query(
        "SELECT id, name, role FROM staff WHERE _deleted = 0 ORDER BY name, id"
    )
    return [_choice(r, str(r["id"])) for r in rows]


def candidates(profile: Profile, name: str) -> Candidates:
    wanted = name_key(name)
    everyone = all_staff(profile)
    matched = tuple(s for s in everyone if wanted and name_key(s.name) == wanted)
    return Candidates(matched, tuple(s for s in everyone if s not in matched))


def find(profile: Profile, text: str) -> StaffChoice:
    """A live staff record by id, or by name where exactly one person has it."""
    text = (text or "").strip()
    row = profile.records.get(kind(STAFF), text)
    if row is not None:
        return _choice(row, text)
    found = candidates(profile, text).matched
    if len(found) == 1:
        return found[0]
    if found:
        raise UserError("staff_ambiguous", name=text)
    raise UserError("staff_unknown", name=text)


def owner_id(profile: Profile) -> str | None:
    own = profile.meta.get(OWNER_KEY)
    return str(own) if own else None


def _meta_under(profile: Profile, prefix: str) -> dict[str, str]:
    """{rest of the key: value} of the meta keys starting with ``prefix``."""
    rows = profile.database.conn.execute(
        "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
    ).fetchall()
    return {str(k)[len(prefix) :]: str(v) for k, v in rows}


def _set_meta(profile: Profile, key: str, value: str) -> None:
    profile.database.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def set_owner(profile: Profile, staff_id: str) -> None:
    """This laptop now records under ``staff_id`` (inside the caller's transaction)."""
    _set_meta(profile, OWNER_KEY, staff_id)
    profile.meta[OWNER_KEY] = staff_id


def follow_merges(profile: Profile) -> int:
    """Move what arrived naming a person merged away here (a laptop wrote it before the merge
    reached it) to the person kept, as the merge did; inside the caller's transaction (an
    import's). Returns how many records moved."""
    merged = _meta_under(profile, MERGED_PREFIX)
    moved = 0
    for source, first in merged.items():
        into, seen = first, {source}
        while into in merged and into not in seen:  # merged again later: the last one kept
            seen.add(into)
            into = merged[into]
        if into == source:
            continue
        for k, name in staff_fields():
            for rid in _referring(profile, k, name, source):
                if name in k.key:
                    _rekey(profile, k, rid, name, into)
                else:
                    profile.records.update(k, rid, {name: into})
                moved += 1
    return moved


def stand_in(profile: Profile, staff_id: str, values: Record) -> bool:
    """Hold the hub's record of this laptop's owner before the hub's first bundle brings it
    (a visit's 担当者 must name a record that exists). Written at genesis and not logged, as the
    seeded organisations are (store/seeds.py): the hub's own writes beat it without a conflict,
    and this laptop sends nothing about it. False when the record is already here."""
    return seeds.stand_in(profile.database.conn, kind(STAFF), staff_id, values)


# ------------------------------------------------------------------ links (hub)


def links(profile: Profile) -> dict[str, str]:
    """Hub: {device id: staff id} of the enrolled laptops whose person is known."""
    return _meta_under(profile, LINK_PREFIX)


def set_link(profile: Profile, device_id: str, staff_id: str | None) -> None:
    """Hub: the person of a laptop (inside the caller's transaction)."""
    conn = profile.database.conn
    key = LINK_PREFIX + device_id
    if staff_id is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, staff_id),
        )


def _creators(profile: Profile, staff_id: str) -> set[str]:
    """The devices whose logs created the record: a laptop's own record is its owner's."""
    db = profile.database
    out: set[str] = set()
    for (log_id,) in db.conn.execute(
        "SELECT DISTINCT device_id FROM changes WHERE kind = ? AND record_id = ? AND op = 'create'",
        (STAFF, staff_id),
    ):
        out.add(ledger.log_owner(db, str(log_id)) or str(log_id))
    return out


# ------------------------------------------------------------------ merge


def merge(profile: Profile, source: str, into: str) -> Merged:
    """Hub: merge the staff record ``source`` into ``into`` (each by id or unique name): every
    reference moves, through the change log; ``source`` is deleted. One transaction."""
    if profile.role != "hub":
        # One desk decides who is whom: two devices merging one pair each their own way round
        # would delete both records and move the references back and forth for ever.
        raise UserError("enrol_wrong_role", role="ハブ")
    a = find(profile, source)
    b = find(profile, into)
    if a.id == b.id:
        raise UserError("staff_merge_same", name=a.name)
    with profile.database.transaction():
        result = _merge(profile, a, b)
    profile.audit("staff_merge")
    return result


def merge_in_transaction(profile: Profile, source_id: str, into_id: str) -> Merged:
    """``merge`` by ids, inside the caller's transaction (enrolment: services/sync.py)."""
    return _merge(profile, find(profile, source_id), find(profile, into_id))


def _referring(profile: Profile, k: Kind, name: str, staff_id: str) -> list[str]:
    return [
        str(r[0])
        for r in profile.database.conn.execute(
            f'SELECT id FROM "{k.name}" WHERE "{name}" = ? AND _deleted = 0 ORDER BY id',
            (staff_id,),
        )
    ]


def references(profile: Profile, staff_id: str) -> dict[str, int]:
    """How many records name the person, per kind (its Japanese label): what a merge moves."""
    out: dict[str, int] = {}
    for k, name in staff_fields():
        n = len(_referring(profile, k, name, staff_id))
        if n:
            out[k.label] = out.get(k.label, 0) + n
    return out


def _merge(profile: Profile, a: StaffChoice, b: StaffChoice) -> Merged:
    store = profile.records
    moved: dict[str, int] = {}
    for k, name in staff_fields():
        for rid in _referring(profile, k, name, a.id):
            if name in k.key:
                _rekey(profile, k, rid, name, b.id)
            else:
                store.update(k, rid, {name: b.id})
            moved[k.label] = moved.get(k.label, 0) + 1
    store.delete(kind(STAFF), a.id)
    if profile.role == "hub":
        # Remembered at the hub: a laptop that had not heard of the merge yet may still send
        # records naming the retired person; each import moves them too (``follow_merges``).
        # The kept record is nobody's duplicate any more (a merge the other way round before).
        _set_meta(profile, MERGED_PREFIX + a.id, b.id)
        profile.database.conn.execute("DELETE FROM meta WHERE key = ?", (MERGED_PREFIX + b.id,))
    if owner_id(profile) == a.id:
        set_owner(profile, b.id)
    if profile.role == "hub":
        devices = {d for d, s in links(profile).items() if s == a.id} | _creators(profile, a.id)
        for device in devices - {profile.device_id}:
            if ledger.peer(profile.database, device) is not None:
                set_link(profile, device, b.id)
    return Merged(b, a, moved)


def _rekey(profile: Profile, k: Kind, rid: str, name: str, into: str) -> None:
    """A record whose key holds the person (a supporter of an engagement) is another record
    for the other person: made (or brought back) under the new key, the old one deleted. Where
    the kept person already has one, it stays as it is."""
    store = profile.records
    row = store.get(k, rid)
    if row is None:
        return
    values = {n: row.get(n) for n in k.field_names}
    values[name] = into
    target = key_id(k, values)
    held = store.get(k, target, include_deleted=True) if target else None
    if held is None:
        store.insert(k, values)
    elif held.get("_deleted"):
        store.restore(k, str(target))
        store.update(k, str(target), {n: v for n, v in values.items() if n not in k.key})
    store.delete(k, rid)
