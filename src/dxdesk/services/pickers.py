"""What a list field's picker offers (issue 15): the 20 business systems, the staff, the
contacts of the record's organisation. Declared on the field (core/model.py ``Field.pick``);
the window shows the offer as a ticked list with type-to-filter, the CLI keeps accepting names.

The stored form stays a list of names, as older versions wrote it: a name typed by hand or of a
person who is no longer on the list is kept as it is, and a bundle from an older laptop merges
into the same field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dxdesk.core import reference
from dxdesk.core.model import SYSTEMS, Field, Kind, Record, Value, kind
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


@dataclass(frozen=True)
class PickOption:
    value: str  # the name stored in the list
    shown: str  # what the picker shows for it
    also: str = ""  # more text the filter matches: a code, a reading, the organisation


def attendee_name(contact: Mapping[str, Value]) -> str:
    """A contact as an attendee list names them: 所属 and 氏名 (総務課 佐藤 花子)."""
    parts = (str(contact.get("department") or ""), str(contact.get("name") or ""))
    return " ".join(p for p in parts if p)


def pick_options(
    profile: Profile, kind_name: str, field_name: str, record: Mapping[str, Value]
) -> list[PickOption]:
    """The options of ``field_name``'s picker for a record holding ``record`` (its organisation
    narrows the contacts); empty when the field declares no picker."""
    k = kind(kind_name)
    f = k.field(field_name)
    if f.pick is None:
        return []
    if f.pick == SYSTEMS:
        return [
            PickOption(s.name, f"{s.code} {s.name}", s.short_name)
            for s in reference.business_systems()
        ]
    records = RecordService(profile)
    if f.pick == "staff":
        return [
            PickOption(str(r["name"]), _with(str(r["name"]), r.get("role")))
            for r in records.list_records("staff")
            if r.get("name")
        ]
    if f.pick == "contact":
        return _contacts(records, k, record)
    raise ValueError(f"unknown picker {f.pick!r} on {k.name}.{f.name}")


def _contacts(records: RecordService, k: Kind, record: Mapping[str, Value]) -> list[PickOption]:
    org = record.get(k.org_field) if k.org_field else None
    names = records.org_names()
    rows: list[Record] = records.list_records("contact", org=str(org) if org else None)
    out = []
    for r in rows:
        name = attendee_name(r)
        if not name:
            continue
        org_name = names.get(str(r.get("org_id")), "")
        shown = _with(name, r.get("title"))
        if not org:  # contacts of every organisation: say whose
            shown = f"{org_name} {shown}"
        out.append(PickOption(name, shown, org_name))
    return out


def _with(name: str, extra: Value) -> str:
    return f"{name}（{extra}）" if extra else name


def pick_fields(k: Kind) -> tuple[Field, ...]:
    return tuple(f for f in k.entry_fields if f.pick is not None)
