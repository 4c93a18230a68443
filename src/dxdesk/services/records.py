"""Record use cases: add, edit, delete, restore, show, list, search, for every kind.

The CLI and the GUI call these; each mutating call is one transaction and returns the
``Change`` it made so views can refresh from it alone.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from dxdesk.core import reference
from dxdesk.core.clock import JST
from dxdesk.core.hlc import Timestamp
from dxdesk.core.model import (
    KINDS,
    FieldType,
    Kind,
    Record,
    Value,
    default_values,
    fill_derived,
    key_id,
    kind,
    validate,
)
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.services.references import References
from dxdesk.store import ledger
from dxdesk.store.meanings import live_clause
from dxdesk.store.records import Change
from dxdesk.store.shared import org_condition

if TYPE_CHECKING:
    from dxdesk.services.bookings import Bookings
    from dxdesk.services.search import SearchPage
    from dxdesk.services.timesheet import TimesheetService

# Change is named here too: the window takes the "what changed" value from the services.
__all__ = ["Change", "HistoryEntry", "RecordService"]


class RecordService:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.store = profile.records
        self.database = profile.database
        self.references = References(profile)

    # ------------------------------------------------------------ lookups

    def resolve_org(self, value: str) -> str:
        """An organisation id from an id, a 6- or 5-digit code, or a name (五ケ瀬町 too)."""
        return self.references.resolve_org(value)

    def resolve_record(self, kind_name: str, value: str, *, include_deleted: bool = False) -> str:
        """A record's id from its id, or its title where one record has it (an organisation
        also by its code): ``dxdesk show organisation 高千穂町``."""
        return self.references.resolve_record(kind(kind_name), value, include_deleted)

    def _resolve_refs(self, k: Kind, values: Record) -> None:
        self.references.resolve_refs(k, values)

    # ------------------------------------------------------------ writes

    @staticmethod
    def _refuse_retired(k: Kind, values: Mapping[str, object]) -> None:
        for name, value in values.items():
            f = k.field(name)
            if f.replaced_by is not None and value not in (None, "", []):
                child = kind(f.replaced_by)
                raise UserError("field_replaced", field=f.label, child=child.label, kind=child.name)

    def defaults(self, kind_name: str) -> Record:
        """A new record's starting values, as the model declares them (``Field.default``):
        today's date, 未対応, 訪問, the profile's own staff record. The record form opens with
        these; ``add`` fills them in for the fields it is not given."""
        return default_values(kind(kind_name), me=self._me())

    def _me(self) -> str | None:
        # The owner's staff record, while it exists: a default naming a deleted person would
        # refuse an add over a field the user never typed.
        own = self.profile.meta.get("owner_staff_id")
        return str(own) if own and self.store.exists(kind("staff"), str(own)) else None

    def _new_record(self, k: Kind, values: Mapping[str, object], start: Record) -> Record:
        """A new record from what was given: defaults for what was not, every value checked
        (all problems in one error), derived fields filled, names turned into ids."""
        self._refuse_retired(k, values)
        given = {**{n: v for n, v in start.items() if n not in values}, **values}
        record = validate(k, given)
        fill_derived(k, record)
        self._resolve_refs(k, record)
        return record

    def add(self, kind_name: str, values: Mapping[str, object]) -> Change:
        k = kind(kind_name)
        record = self._new_record(k, values, default_values(k, me=self._me()))
        with self.database.transaction():
            if k.append_only:
                # A hand-made entry for a visit in the cell of the visit's own entry is that
                # entry corrected, never a second one (services/bookings.py).
                booked = self._bookings().hand_made(k, record)
                if booked is not None:
                    given = {n: record[n] for n in values if n in record and n != k.supersedes}
                    change = self._timesheet().correct(str(booked["id"]), given)
                    return change or Change(k.name, str(booked["id"]), "update", ())
            change = self.store.insert(k, record)
            if k.books is not None:
                self._bookings().added(k, change.record_id, record)
            return change

    def add_many(
        self, kind_name: str, rows: list[Mapping[str, object]], *, book_time: bool = True
    ) -> list[Change]:
        """Add several records in one transaction (all or none). ``book_time=False``: records
        that book time (visits) are added without their entries, for a caller booking the
        hours itself (the demo, with travel and everyone who went)."""
        k = kind(kind_name)
        start = default_values(k, me=self._me())
        records = [self._new_record(k, values, start) for values in rows]
        with self.database.transaction():
            changes = [self.store.insert(k, r) for r in records]
            if book_time and k.books is not None:
                bookings = self._bookings()
                for change, record in zip(changes, records, strict=True):
                    bookings.added(k, change.record_id, record)
            return changes

    def put(self, kind_name: str, values: Mapping[str, object]) -> Change | None:
        """Create or update the record of a keyed kind named by its key (a progress cell).

        Values not given are left as they are on an existing record (a deleted one comes back);
        a new record gets them empty. None when the record already held exactly these values.
        """
        k = kind(kind_name)
        if not k.key:
            raise UserError("bad_argument", detail=f"{k.label}には記録を特定する項目がありません。")
        self._refuse_retired(k, values)
        key_values = validate(k, {n: values.get(n) for n in k.key}, partial=True)
        self._resolve_refs(k, key_values)
        record_id = key_id(k, key_values)
        if record_id is None:  # pragma: no cover - key fields are required, validate said so
            raise UserError("bad_argument", detail="記録を特定する項目が不足しています。")
        with self.database.transaction():
            held = self.store.get(k, record_id, include_deleted=True)
            if held is None:
                start = default_values(k, me=self._me())
                record = self._new_record(k, {**values, **key_values}, start)
                return self.store.insert(k, record)
            given = {n: v for n, v in values.items() if n not in k.key}
            changes = validate(k, given, partial=True, current=held)
            fill_derived(k, changes, current=held)
            self._resolve_refs(k, changes)
            restored = self.store.restore(k, record_id) if held["_deleted"] else None
            return self.store.update(k, record_id, changes) or restored

    def edit(self, kind_name: str, record_id: str, values: Mapping[str, object]) -> Change | None:
        k = kind(kind_name)
        if k.append_only:
            # Time entries are append-only: an edit is a correcting entry (a new id, returned
            # in the Change) that supersedes this one; see services/timesheet.py.
            return self._timesheet().correct(record_id, values)
        self._refuse_retired(k, values)
        # Checked over the stored record, so a rule across fields (an end before the start
        # already held) is named together with every other problem of the edit.
        current = self.store.get(k, record_id, include_deleted=True)
        changes = validate(k, values, partial=True, current=current)
        fill_derived(k, changes, current=current)
        self._resolve_refs(k, changes)
        with self.database.transaction():
            change = self.store.update(k, record_id, changes)
            if change is not None and k.books is not None and current is not None:
                # Its time entry follows the new date, hours, organisation and staff.
                self._bookings().edited(k, record_id, current, {**current, **changes})
            return change

    def delete(self, kind_name: str, record_id: str) -> Change | None:
        k = kind(kind_name)
        if k.append_only:
            # With the entries it superseded, or deleting a correction would revive the original.
            return next(iter(self._timesheet().delete(record_id)), None)
        with self.database.transaction():
            change = self.store.delete(k, record_id)
            if change is not None and k.books is not None:
                self._bookings().deleted(k, record_id)  # its hours go with it
            return change

    def restore(self, kind_name: str, record_id: str) -> Change | None:
        k = kind(kind_name)
        if k.append_only:
            return next(iter(self._timesheet().restore(record_id)), None)
        with self.database.transaction():
            since = self._bookings().deletion_clock(k, record_id) if k.books else None
            change = self.store.restore(k, record_id)
            if change is not None and k.books is not None:
                self._bookings().restored(k, record_id, since)
            return change

    def _bookings(self) -> Bookings:
        from dxdesk.services.bookings import Bookings  # it builds on the time sheet

        return Bookings(self.profile)

    def _timesheet(self) -> TimesheetService:
        from dxdesk.services.timesheet import TimesheetService  # it builds on this module

        return TimesheetService(self.profile)

    # ------------------------------------------------------------ reads

    def get(self, kind_name: str, record_id: str) -> Record:
        k = kind(kind_name)
        record = self.store.get(k, record_id, include_deleted=True)
        if record is None:
            raise UserError("unknown_record", label=k.label, id=record_id)
        return record

    def membership_kind(self, kind_name: str) -> Kind:
        """The kind that lists a record's organisations (a group's members), one per org."""
        k = kind(kind_name)
        for child in KINDS:
            if child.parent_kind == k.name and "org_id" in child.key:
                return child
        raise UserError("bad_argument", detail=f"「{k.label}」には団体の一覧がありません。")

    def set_members(self, kind_name: str, record_id: str, orgs: Mapping[str, bool]) -> list[Change]:
        """Add (True) or remove (False) organisations, by id, code or name, in one transaction.

        Each is one membership record with a derived id: two people who add organisations on
        two laptops keep both after the merge."""
        child = self.membership_kind(kind_name)
        parent = str(child.parent)
        wanted = {self.resolve_org(org): present for org, present in orgs.items()}
        out: list[Change] = []
        with self.database.transaction():
            for org_id, present in wanted.items():
                values = {parent: record_id, "org_id": org_id}
                if present:
                    change = self.put(child.name, values)
                else:
                    rid = key_id(child, values)
                    held = rid and self.store.get(child, rid)
                    change = self.store.delete(child, rid) if held and rid else None
                if change is not None:
                    out.append(change)
        return out

    # ------------------------------------------------------------ follow-ups and ticked links

    def follow_up_values(
        self, kind_name: str, record_id: str, source: str, text: str | None = None
    ) -> Record:
        """The starting values of the record raised from ``source`` of this one (an issue
        from an open point: the meeting's organisation and date, a link to the meeting, the
        text as title and description); ``text``: the part chosen, else the whole field."""
        k = kind(kind_name)
        follow_up = k.follow_up(source)
        if follow_up is None:
            raise UserError("bad_argument", detail=f"「{k.label}」からは記録を作成できません。")
        record = self.get(k.name, record_id)
        chosen = (text or str(record.get(source) or "")).strip()
        parent = None
        if follow_up.parent_carry and k.parent_kind and record.get(str(k.parent)):
            parent = self.get(k.parent_kind, str(record[str(k.parent)]))
        return follow_up.values(record, record_id, chosen, parent)

    def link_follow_up(
        self, kind_name: str, record_id: str, source: str, raised_id: str
    ) -> Change | None:
        """Record on this record the one raised from it, where the model says it holds it
        (an open point holds its issue); None when it keeps no such link."""
        follow_up = kind(kind_name).follow_up(source)
        if follow_up is None or follow_up.back is None:
            return None
        return self.edit(kind_name, record_id, {follow_up.back: raised_id})

    @staticmethod
    def ticked_fields(kind_name: str) -> list[tuple[Kind, str]]:
        """(kind, field) of the records this kind's form ticks (a training: its wishes)."""
        return [
            (k, f.name) for k in KINDS for f in k.entry_fields if f.ticked and f.ref == kind_name
        ]

    def tick_choices(
        self, kind_name: str, field: str, record_id: str | None
    ) -> tuple[list[Record], set[str]]:
        """The records a form may tick (those naming no record of its kind yet, and those
        naming this one) and the ids of those ticked now."""
        k = kind(kind_name)
        rows = self.store.select(
            k,
            where=[f'("{field}" IS NULL OR "{field}" = \'\' OR "{field}" = ?)'],
            params=[record_id or ""],
        )
        return rows, {str(r["id"]) for r in rows if record_id and r.get(field) == record_id}

    def set_ticked(
        self, kind_name: str, field: str, record_id: str, ticks: Mapping[str, bool]
    ) -> list[Change]:
        """Point (True) or unpoint (False) each record's ``field`` at this one, in one transaction."""
        out: list[Change] = []
        with self.database.transaction():
            for other_id, on in ticks.items():
                change = self.edit(kind_name, other_id, {field: record_id if on else None})
                if change is not None:
                    out.append(change)
        return out

    def children(self, kind_name: str, record_id: str) -> dict[str, list[Record]]:
        """The live child records of one record, per child kind (a group's members)."""
        k = kind(kind_name)
        out: dict[str, list[Record]] = {}
        for child in KINDS:
            if child.parent is not None and child.parent_kind == k.name:
                out[child.name] = self.store.select(
                    child, where=[f'"{child.parent}" = ?'], params=[record_id]
                )
        return out

    def list_records(
        self,
        kind_name: str,
        *,
        org: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        include_deleted: bool = False,
    ) -> list[Record]:
        k = kind(kind_name)
        where: list[str] = []
        params: list[Any] = []
        if org:
            if not k.org_field:
                raise UserError("bad_argument", detail=f"「{k.label}」は団体で絞り込めません。")
            # Its own records and, for an issue, those it shares (services/shared.py).
            clause, org_params = org_condition(k, k.name, self.resolve_org(org))
            where.append(clause)
            params += org_params
        if not include_deleted:
            where.append(live_clause(k, f'"{k.name}"'))
        return self.store.select(
            k,
            where=where,
            params=params,
            limit=limit,
            offset=offset,
            include_deleted=include_deleted,
        )

    def search(
        self, text: str, *, limit: int = 50, offset: int = 0, radius: int | None = None
    ) -> SearchPage:
        """Hits ``offset`` .. ``offset + limit`` of every record holding every term, newest
        first, with the total (services/search.py); ``radius``: characters of context."""
        if not text.strip():
            raise UserError("bad_argument", detail="検索する文字を入力してください。")
        # On first search: the main window opens without the search module (bench/gui.py W2b).
        from dxdesk.services import search as searching

        if radius is None:
            return searching.search(self.profile, text, limit=limit, offset=offset)
        return searching.search(self.profile, text, limit=limit, offset=offset, radius=radius)

    def org_names(self) -> dict[str, str]:
        return {
            str(r["id"]): str(r["name"])
            for r in self.database.query("SELECT id, name FROM organisation")
        }

    def history(self, kind_name: str, record_id: str) -> list[HistoryEntry]:
        """Every change to one record, oldest first, as a person reads it: when (JST), on which
        device, what was done, and each field written with its new value."""
        k = kind(kind_name)
        names = self._device_names()
        orgs = self.org_names()
        out = []
        for row in self.store.history(k, record_id):
            try:
                when = datetime.fromtimestamp(Timestamp.decode(str(row["hlc"])).wall_ms / 1000, JST)
            except ValueError:
                when = None
            try:
                payload = json.loads(str(row["payload"]))
            except ValueError:
                payload = {}
            fields = []
            for name, value in payload.items() if isinstance(payload, dict) else ():
                if name.startswith("_") or name not in k.field_names:
                    continue  # system entries (_base, _clocks ...): not the user's values
                shown = self.display_value(k, name, value, orgs)
                if not shown and row["op"] == "create":
                    continue  # a new record lists what was filled in, not every empty field
                fields.append((k.field(name).label, shown or "（空欄）"))
            device = str(row["device_id"])
            out.append(
                HistoryEntry(
                    at=when.strftime("%Y-%m-%d %H:%M") if when else "",
                    device=names.get(device, device[:8]),
                    op=str(row["op"]),
                    fields=tuple(fields),
                )
            )
        return out

    def _device_names(self) -> dict[str, str]:
        # This device, then the roster of enrolled devices (sync): names of the other laptops.
        names: dict[str, str] = {}
        for r in self.database.query("SELECT device_id, name FROM devices"):
            names.setdefault(str(r["device_id"]), str(r["name"]))
        for peer in ledger.peers(self.database):
            names.setdefault(peer["device_id"], peer["name"])
        return names

    def display_value(self, k: Kind, name: str, value: Value, orgs: dict[str, str]) -> str:
        if value is None:
            return ""
        f = k.field(name)
        if f.type in (FieldType.ORG, FieldType.REF):  # ``orgs``: names of the ids it knows
            return orgs.get(str(value), str(value))
        if f.type == FieldType.SYSTEM:
            system = reference.system_by_code(str(value))
            return system.name if system else str(value)
        if f.type == FieldType.BOOL:
            return "はい" if value else "いいえ"
        if f.type == FieldType.LIST and isinstance(value, list):
            return "、".join(value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # "YYYY-MM-DD HH:MM", JST
    device: str
    op: str  # create / update / delete / restore (and correct for time entries)
    fields: tuple[tuple[str, str], ...]  # (field label, value as shown)
