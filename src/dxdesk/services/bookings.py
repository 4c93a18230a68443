"""Time entered once: the time entry a record books for its own hours (``Kind.books``).

A visit's date, hours (from 開始/終了, ``Field.derive``), organisation and 担当者 are its time
entry; nobody types them again in the 工数 tab. The rule, applied by ``RecordService`` inside
the transaction that writes the record:

- **Add.** A record that books something (``Booking.values``: hours and staff given) and has
  no linked entry yet gets one. An unlinked active entry already in the same cell of the week
  grid (same person, day, organisation, 作業区分, 現地) is the same fact typed first: it is
  linked (a correction naming the visit), its hours kept, instead of a second entry.
- **Edit.** The record's entry is its active linked entry of the person, 作業区分 and 現地 the
  record booked before the edit. Each field of it that still holds the booked value follows the
  record (a correction, time is append-only); a field changed by hand in the entry is kept,
  as a derived field typed by hand is (``fill_derived``). Hours cleared: the entry is removed.
  No such entry but other linked ones: the user has split the visit into activities, left as is.
- **Delete / restore.** Every active entry linked to the record is deleted with it (with what it
  superseded); a restore brings back the linked entries deleted at or after the record's own
  deletion (its ``_deleted`` clock), not those cleared earlier by hand.
- **A hand-made entry for the record** (``add time visit_id=…``) in the cell of its booked
  entry corrects that entry rather than adding a second one (``hand_made``).

The demo books its visits' hours itself (with travel, for everyone who went) and adds its
visits without booking (``RecordService.add_many(book_time=False)``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from dxdesk.core.model import KINDS, Booking, Kind, Record, Value, kind
from dxdesk.services.profile import Profile
from dxdesk.services.timesheet import TimesheetService
from dxdesk.store.records import Change, from_sql
from dxdesk.store.timeentries import active_clause

# What says which cell of the grid an entry is in, besides its day and organisation.
_CELL = ("staff_id", "activity", "on_site")
# The entry's fields a record keeps in step.
_FOLLOWED = ("date", "org_id", "staff_id", "hours", "activity", "on_site")


def _same(a: Value, b: Value) -> bool:
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return round(float(a), 2) == round(float(b), 2)
    if isinstance(a, bool) or isinstance(b, bool):
        return bool(a) == bool(b)
    return a == b


def booking_of(entry_kind: Kind, values: Mapping[str, object]) -> tuple[Kind, str] | None:
    """The kind and record a new entry of ``entry_kind`` is linked to, when that kind books."""
    for k in KINDS:
        b = k.books
        if b is not None and b.kind == entry_kind.name and values.get(b.link):
            return k, str(values[b.link])
    return None


class Bookings:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.db = profile.database
        self.store = profile.records
        self.timesheet = TimesheetService(profile)

    # ------------------------------------------------------------ reads

    def linked(self, b: Booking, record_id: str) -> list[Record]:
        """The active entries linked to the record, oldest first."""
        k = kind(b.kind)
        rows = self.db.query(
            f'SELECT * FROM "{k.name}" AS t WHERE {active_clause(k, "t")}'
            f' AND t."{b.link}" = ? ORDER BY t.id',
            (record_id,),
        )
        return [{**from_sql(k, r), "id": r["id"]} for r in rows]

    def entry(self, b: Booking, record_id: str, booked: Record | None) -> Record | None:
        """The record's own entry: the newest linked one in the cell it booked."""
        if booked is None:
            return None
        cell = [e for e in self.linked(b, record_id) if self._in_cell(e, booked)]
        return cell[-1] if cell else None

    @staticmethod
    def _in_cell(entry: Mapping[str, Value], booked: Mapping[str, Value]) -> bool:
        return all(_same(entry.get(n), booked.get(n)) for n in _CELL)

    # ------------------------------------------------------------ the rule

    def added(self, k: Kind, record_id: str, record: Mapping[str, Value]) -> list[Change]:
        b = k.books
        booked = b.values(record, record_id) if b else None
        if b is None or booked is None or self.linked(b, record_id):
            return []
        typed = self._unlinked_in_cell(b, booked)
        if typed is not None:
            change = self.timesheet.correct(str(typed["id"]), {b.link: record_id})
            return [change] if change else []
        return [self.timesheet.book(booked)]

    def edited(
        self, k: Kind, record_id: str, before: Mapping[str, Value], after: Mapping[str, Value]
    ) -> list[Change]:
        b = k.books
        if b is None:
            return []
        old = b.values(before, record_id)
        new = b.values(after, record_id)
        entry = self.entry(b, record_id, old)
        if entry is None:
            return [] if self.linked(b, record_id) else self.added(k, record_id, after)
        if new is None:
            return self.timesheet.delete(str(entry["id"]))
        assert old is not None  # an entry was found for it
        changes = {
            n: new[n]
            for n in _FOLLOWED
            if not _same(new.get(n), old.get(n)) and _same(entry.get(n), old.get(n))
        }
        if not changes:
            return []
        change = self.timesheet.correct(str(entry["id"]), changes)
        return [change] if change else []

    def deleted(self, k: Kind, record_id: str) -> list[Change]:
        """After the record's own deletion: its linked entries go with it."""
        b = k.books
        out: list[Change] = []
        for e in self.linked(b, record_id) if b else []:
            out += self.timesheet.delete(str(e["id"]))
        return out

    def deletion_clock(self, k: Kind, record_id: str) -> str | None:
        """When the record was deleted (its ``_deleted`` clock), read before a restore."""
        rows = self.db.query(f'SELECT _clocks FROM "{k.name}" WHERE id = ?', (record_id,))
        return _deleted_at(rows[0]["_clocks"]) if rows else None

    def restored(self, k: Kind, record_id: str, since: str | None) -> list[Change]:
        """After the record's restore: the linked entries deleted with it come back."""
        b = k.books
        if b is None or since is None:
            return []
        t = kind(b.kind)
        rows = self.db.query(
            f'SELECT id, _clocks FROM "{t.name}" WHERE "{b.link}" = ? AND _deleted = 1 ORDER BY id',
            (record_id,),
        )
        out: list[Change] = []
        for r in rows:
            at = _deleted_at(r["_clocks"])
            if at is not None and at >= since:
                change = self.store.restore(t, str(r["id"]))
                if change is not None:
                    out.append(change)
        return out

    def hand_made(self, entry_kind: Kind, values: Mapping[str, Value]) -> Record | None:
        """The booked entry a hand-made one for the same record and cell would double."""
        found = booking_of(entry_kind, values)
        if found is None:
            return None
        k, record_id = found
        b = k.books
        record = self.store.get(k, record_id)
        if b is None or record is None:
            return None
        entry = self.entry(b, record_id, b.values(record, record_id))
        if entry is None:
            return None
        given = {n: values.get(n, entry.get(n)) for n in (*_CELL, "date", "org_id")}
        return entry if all(_same(given[n], entry.get(n)) for n in given) else None

    # ------------------------------------------------------------ helpers

    def _unlinked_in_cell(self, b: Booking, booked: Mapping[str, Value]) -> Record | None:
        k = kind(b.kind)
        rows = self.db.query(
            f'SELECT * FROM "{k.name}" AS t WHERE {active_clause(k, "t")}'
            f' AND t."{b.link}" IS NULL AND t.staff_id = ? AND t.date = ? AND t.org_id IS ?'
            " AND t.activity IS ? AND coalesce(t.on_site, 0) = ? ORDER BY t.id DESC LIMIT 1",
            (
                booked.get("staff_id"),
                booked.get("date"),
                booked.get("org_id"),
                booked.get("activity"),
                int(bool(booked.get("on_site"))),
            ),
        )
        return {**from_sql(k, rows[0]), "id": rows[0]["id"]} if rows else None


def _deleted_at(clocks: Any) -> str | None:
    try:
        stamp = json.loads(str(clocks or "{}")).get("_deleted")
    except ValueError:
        return None
    return str(stamp).partition("@")[0] if stamp else None


__all__ = ["Bookings", "booking_of"]
