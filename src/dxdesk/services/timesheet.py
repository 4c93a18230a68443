"""The weekly timesheet (週間工数): one staff member's hours, Monday to Sunday (JST).

Time entries are append-only (migration 0005). Nothing here changes an entry in place:

- a new value for a cell (or an edit through ``RecordService.edit``, services/records.py) is a new entry whose
  ``supersedes`` names the entry it replaces;
- clearing a cell (0 hours) TOMBSTONES the cell's entries together with every entry they
  superseded (``_deleted = 1``, restorable, synced like any delete). A correction cannot carry
  0 hours (the model's minimum is 0.25), and tombstoning only the newest entry would bring the
  one it superseded back to life;
- two live corrections of the same entry (two devices corrected it before they synced) are
  reported as a ``Conflict``; totals count one of them (``store.timeentries``), never both,
  and the next value typed into that cell resolves it (the other correction is tombstoned).

Only ACTIVE entries (``store.timeentries.active_time``) are shown and summed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dxdesk.core.calendar import parse_date
from dxdesk.core.clock import today_jst
from dxdesk.core.model import ACTIVITIES, Record, kind, validate
from dxdesk.errors import UserError, ValidationError
from dxdesk.services.calendar import office_calendar
from dxdesk.services.profile import Profile
from dxdesk.services.references import References
from dxdesk.store.meanings import site_days
from dxdesk.store.records import Change, from_sql
from dxdesk.store.timeentries import active_time

MAX_DAY_HOURS = 24.0
_TIME_KIND = kind("time")
_HHMM = re.compile(r"^(\d{1,2}):(\d{1,2})$")
# The field naming the entry a correction replaces, as the model declares it (Kind.supersedes).
_SUP = str(_TIME_KIND.supersedes)
# Fields a correction copies from the entry it replaces (everything but the link itself).
_COPIED = tuple(n for n in _TIME_KIND.field_names if n != _SUP)


def parse_hours(text: str) -> float:
    """Hours as typed into a cell: ``1.5``, ``1:30``, ``１．５`` (full width); empty is 0.

    Raises ValidationError with a reason the grid shows next to the cell.
    """
    raw = unicodedata.normalize("NFKC", text).strip().replace("時間", "").replace("h", "")
    if not raw:
        return 0.0
    m = _HHMM.match(raw)
    if m:
        minutes = int(m.group(2))
        if minutes > 59:
            raise ValidationError("hours", "時間", "分は0〜59で入力してください（例：1:30）")
        hours = int(m.group(1)) + minutes / 60
    else:
        try:
            hours = float(raw)
        except ValueError:
            raise ValidationError(
                "hours", "時間", "時間は 1.5 や 1:30 の形式で入力してください"
            ) from None
    if math.isnan(hours) or hours < 0:
        raise ValidationError("hours", "時間", "0以上の時間を入力してください")
    if hours > MAX_DAY_HOURS:
        raise ValidationError("hours", "時間", "1日24時間以内で入力してください")
    return round(hours, 2)


def week_start(d: date) -> date:
    """The Monday of d's week."""
    return d - timedelta(days=d.weekday())


@dataclass(frozen=True)
class RowKey:
    """One grid row: what the hours were for."""

    org_id: str | None
    activity: str | None
    on_site: bool


@dataclass(frozen=True)
class Conflict:
    """Two or more live corrections of one entry (made on two devices before a sync)."""

    superseded_id: str
    date: str
    org_id: str | None
    corrections: tuple[tuple[str, float], ...]  # (entry id, hours), the counted one first


@dataclass
class WeekRow:
    key: RowKey
    org_name: str
    hours: list[float]  # Monday .. Sunday
    entry_ids: list[list[str]]  # the active entries behind each cell

    @property
    def total(self) -> float:
        return round(sum(self.hours), 2)


@dataclass
class Week:
    staff_id: str
    start: date
    rows: list[WeekRow] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    on_site_days: set[date] = field(default_factory=set)
    # The office calendar (services/calendar.py): the days closed, the name printed on a
    # holiday, 年末年始 or 臨時閉庁日, and the 開庁日 up to today with no hours entered.
    closed: set[date] = field(default_factory=set)
    day_names: dict[date, str] = field(default_factory=dict)
    unfilled: set[date] = field(default_factory=set)
    # The day the quick-add bar offers for this week: today when shown, else the first
    # unfilled 開庁日, else the first 開庁日, else the Monday.
    entry_day: date | None = None

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7)]

    @property
    def day_totals(self) -> list[float]:
        return [round(sum(r.hours[i] for r in self.rows), 2) for i in range(7)]

    @property
    def total(self) -> float:
        return round(sum(r.total for r in self.rows), 2)

    def row(self, key: RowKey) -> WeekRow | None:
        return next((r for r in self.rows if r.key == key), None)


class TimesheetService:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.db = profile.database
        self.store = profile.records
        self.references = References(profile)

    # ------------------------------------------------------------ reads

    def staff(self) -> list[tuple[str, str]]:
        rows = self.db.query("SELECT id, name FROM staff WHERE _deleted = 0 ORDER BY name, rid")
        return [(str(r["id"]), str(r["name"])) for r in rows]

    def default_staff(self) -> str | None:
        """The profile's own staff record, else the first staff member."""
        own = self.profile.meta.get("owner_staff_id")
        ids = [s for s, _ in self.staff()]
        if own in ids:
            return own
        return ids[0] if ids else None

    def week(self, staff_id: str, day: date | None = None) -> Week:
        start = week_start(day or today_jst())
        end = start + timedelta(days=6)
        rows = self.db.query(
            "SELECT t.id, t.date, t.org_id, t.activity, t.on_site, t.hours,"
            " o.code AS org_code, o.name AS org_name"
            f' FROM "time" AS t LEFT JOIN organisation AS o ON o.id = t.org_id'
            f" WHERE {active_time('t')} AND t.staff_id = ? AND t.date BETWEEN ? AND ?"
            " ORDER BY o.org_kind = '県', o.code, t.date, t.id",
            (staff_id, start.isoformat(), end.isoformat()),
        )
        week = Week(staff_id, start)
        by_key: dict[RowKey, WeekRow] = {}
        for r in rows:
            key = RowKey(r["org_id"], r["activity"], bool(r["on_site"]))
            row = by_key.get(key)
            if row is None:
                name = str(r["org_name"]) if r["org_name"] else ""  # the face says （団体なし）
                row = WeekRow(key, name, [0.0] * 7, [[] for _ in range(7)])
                by_key[key] = row
            i = (date.fromisoformat(str(r["date"])) - start).days
            row.hours[i] = round(row.hours[i] + float(r["hours"]), 2)
            row.entry_ids[i].append(str(r["id"]))
        # A day on site for this person: the same rule as an organisation's (store/meanings.py),
        # so a 訪問 visit they made marks its day even before its hours are entered.
        week.on_site_days = {
            date.fromisoformat(str(r["d"]))
            for r in self.db.query(
                f"SELECT DISTINCT d FROM ({site_days('?1', '?2', staff='?3')})",
                (start.isoformat(), end.isoformat(), staff_id),
            )
        }
        # Organisations in code order (the query's), then activities in their declared order.
        org_rank: dict[str | None, int] = {}
        for key in by_key:
            org_rank.setdefault(key.org_id, len(org_rank))
        order = {a: i for i, a in enumerate(ACTIVITIES)}
        week.rows = sorted(
            by_key.values(),
            key=lambda w: (
                org_rank[w.key.org_id],
                order.get(w.key.activity or "", 99),
                w.key.on_site,
            ),
        )
        week.conflicts = self.conflicts(staff_id, start, end)
        self._mark_days(week)
        return week

    def _mark_days(self, week: Week) -> None:
        calendar = office_calendar(self.profile)
        today = today_jst()
        totals = week.day_totals
        for i, d in enumerate(week.days):
            name = calendar.day_name(d)
            if name is not None:
                week.day_names[d] = name
            if not calendar.is_open_day(d):
                week.closed.add(d)
            elif d <= today and not totals[i]:
                week.unfilled.add(d)
        opened = [d for d in week.days if d not in week.closed]
        if today in week.days:
            week.entry_day = today
        else:
            week.entry_day = next(
                (d for d in opened if d in week.unfilled), opened[0] if opened else week.start
            )

    def conflicts(
        self, staff_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> list[Conflict]:
        """Entries with two or more live corrections; the counted one (greatest id) first."""
        where = ["t._deleted = 0", f"t.{_SUP} IS NOT NULL"]
        params: list[Any] = []
        if staff_id:
            where.append("t.staff_id = ?")
            params.append(staff_id)
        if start and end:
            where.append("t.date BETWEEN ? AND ?")
            params += [start.isoformat(), end.isoformat()]
        rows = self.db.query(
            f'SELECT t.id, t.{_SUP} AS sup, t.date, t.org_id, t.hours FROM "time" AS t'
            f' WHERE {" AND ".join(where)} AND EXISTS (SELECT 1 FROM "time" AS s'
            f" WHERE s.{_SUP} = t.{_SUP} AND s._deleted = 0 AND s.id != t.id)"
            f" ORDER BY t.{_SUP}, t.id DESC",
            params,
        )
        grouped: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            grouped.setdefault(str(r["sup"]), []).append(r)
        return [
            Conflict(
                superseded_id=sid,
                date=str(rs[0]["date"]),
                org_id=rs[0]["org_id"],
                corrections=tuple((str(r["id"]), float(r["hours"])) for r in rs),
            )
            for sid, rs in grouped.items()
        ]

    def day_total(self, staff_id: str, day: str, *, excluding: tuple[str, ...] = ()) -> float:
        marks = ", ".join("?" * len(excluding))
        extra = f" AND t.id NOT IN ({marks})" if excluding else ""
        row = self.db.query(
            f'SELECT coalesce(sum(t.hours), 0) AS h FROM "time" AS t WHERE {active_time("t")}'
            f" AND t.staff_id = ? AND t.date = ?{extra}",
            (staff_id, day, *excluding),
        )[0]
        return float(row["h"])

    # ------------------------------------------------------------ writes

    def quick_add(
        self,
        *,
        staff_id: str,
        day: str,
        hours: float | str,
        org: str | None = None,
        activity: str | None = None,
        on_site: bool = False,
        note: str | None = None,
    ) -> Change:
        """One new entry (the quick-add bar); refuses a day that would pass 24 hours."""
        values: dict[str, object] = {
            "date": day,
            "staff_id": staff_id,
            "org_id": org or None,
            "hours": parse_hours(hours) if isinstance(hours, str) else hours,
            "on_site": on_site,
            "activity": activity or None,
            "note": note or None,
        }
        record = validate(_TIME_KIND, values)
        self._check_day(staff_id, str(record["date"]), float(str(record["hours"] or 0)), ())
        return self._insert(values)

    def book(self, values: Mapping[str, object]) -> Change:
        """A new entry booked for a record's hours (a visit's, services/bookings.py); refuses a
        day that would pass 24 hours, like any other entry."""
        record = validate(_TIME_KIND, values)
        self._check_day(
            str(record["staff_id"]), str(record["date"]), float(str(record["hours"] or 0)), ()
        )
        return self._insert(record)

    def set_hours(
        self,
        *,
        staff_id: str,
        day: date | str,
        org_id: str | None,
        activity: str | None,
        on_site: bool,
        hours: float | str,
        note: str | None = None,
    ) -> list[Change]:
        """Make one cell hold ``hours``: a new entry, a correction, or (0) tombstones."""
        day_text = day.isoformat() if isinstance(day, date) else parse_date(day).isoformat()
        value = parse_hours(hours) if isinstance(hours, str) else round(float(hours), 2)
        org = self.references.resolve_org(org_id) if org_id else None
        current = self._cell(staff_id, day_text, org, activity, on_site)
        if round(sum(float(r["hours"] or 0) for r in current), 2) == value:
            return []
        if value and value < 0.25:
            raise ValidationError("hours", "時間", "0.25時間（15分）以上で入力してください")
        self._check_day(staff_id, day_text, value, tuple(str(r["id"]) for r in current))
        changes: list[Change] = []
        with self.db.transaction():
            if not value:
                for r in current:
                    changes += self._tombstone_family(str(r["id"]))
                return changes
            if not current:
                values = {
                    "date": day_text,
                    "staff_id": staff_id,
                    "org_id": org,
                    "hours": value,
                    "on_site": on_site,
                    "activity": activity,
                    "note": note,
                }
                return [self._insert(values)]
            # Correct the newest entry of the cell; others keep their hours when they can.
            newest, others = current[-1], current[:-1]
            rest = round(sum(float(r["hours"] or 0) for r in others), 2)
            if value - rest >= 0.25:
                target = round(value - rest, 2)
            else:
                for r in others:
                    changes += self._tombstone_family(str(r["id"]))
                target = value
            change = self.correct(str(newest["id"]), {"hours": target})
            if change is not None:
                changes.append(change)
        return changes

    def correct(self, entry_id: str, changes: Mapping[str, object]) -> Change | None:
        """A correcting entry for ``entry_id`` with ``changes`` applied (RecordService.edit).

        Refuses an entry that a live correction already replaces: that correction is the one to
        correct. Live sibling corrections (a conflict) are tombstoned: the user has chosen.
        """
        if _SUP in changes:
            raise UserError("bad_argument", detail=f"訂正元（{_SUP}）は指定できません。")
        row = self._row(entry_id)
        if row is None:
            raise UserError("unknown_record", label=_TIME_KIND.label, id=entry_id)
        if row["_deleted"]:
            raise UserError("record_deleted", label=_TIME_KIND.label, id=entry_id)
        newer = self.db.query(
            f'SELECT id FROM "time" WHERE {_SUP} = ? AND _deleted = 0', (entry_id,)
        )
        if newer:
            raise UserError(
                "bad_argument",
                detail=f"この工数は既に訂正されています。訂正後の記録（ID：{newer[0]['id']}）を"
                "修正してください。",
            )
        current = from_sql(_TIME_KIND, row)
        checked = validate(_TIME_KIND, dict(changes), partial=True)
        # Names become ids before comparing; only new values are checked for existence (the
        # visit an old entry points at may since have been deleted).
        self.references.resolve_refs(_TIME_KIND, checked)
        changed = {n: v for n, v in checked.items() if current.get(n) != v}
        if not changed:
            return None
        merged: dict[str, object] = {n: current.get(n) for n in _COPIED}
        merged.update(changed)
        if "hours" in changed or "date" in changed or "staff_id" in changed:
            self._check_day(
                str(merged["staff_id"]),
                str(merged["date"]),
                float(str(merged["hours"])),
                (entry_id,),
            )
        record: Record = validate(_TIME_KIND, merged)
        record[_SUP] = entry_id
        with self.db.transaction():
            created = self.store.insert(_TIME_KIND, record)
            self._tombstone_rivals(row)
        return Change("time", created.record_id, "correct", tuple(changed))

    def delete(self, entry_id: str) -> list[Change]:
        """Tombstone an entry and the entries it superseded (so none of them comes back)."""
        with self.db.transaction():
            return [c for c in self._set_chain(entry_id, True) if c is not None]

    def restore(self, entry_id: str) -> list[Change]:
        with self.db.transaction():
            return [c for c in self._set_chain(entry_id, False) if c is not None]

    # ------------------------------------------------------------ helpers

    def _insert(self, values: Mapping[str, object]) -> Change:
        record = validate(_TIME_KIND, values)
        self.references.resolve_refs(_TIME_KIND, record)
        with self.db.transaction():
            return self.store.insert(_TIME_KIND, record)

    def _row(self, entry_id: str) -> dict[str, Any] | None:
        rows = self.db.query('SELECT * FROM "time" WHERE id = ?', (entry_id,))
        return rows[0] if rows else None

    def _cell(
        self, staff_id: str, day: str, org: str | None, activity: str | None, on_site: bool
    ) -> list[dict[str, Any]]:
        return self.db.query(
            f'SELECT t.id, t.hours FROM "time" AS t WHERE {active_time("t")}'
            " AND t.staff_id = ? AND t.date = ? AND t.org_id IS ? AND t.activity IS ?"
            " AND coalesce(t.on_site, 0) = ? ORDER BY t.id",
            (staff_id, day, org, activity, int(on_site)),
        )

    def _check_day(self, staff_id: str, day: str, hours: float, replacing: tuple[str, ...]) -> None:
        total = self.day_total(staff_id, day, excluding=replacing) + hours
        if total > MAX_DAY_HOURS:
            raise ValidationError(
                "hours",
                "時間",
                f"{day} の合計が{total:g}時間になります。1日24時間以内で入力してください",
            )

    def _set_chain(self, entry_id: str, deleted: bool) -> list[Change | None]:
        out: list[Change | None] = []
        seen: set[str] = set()
        current: str | None = entry_id
        while current and current not in seen:
            seen.add(current)
            row = self._row(current)
            if row is None:
                if current == entry_id:
                    raise UserError("unknown_record", label=_TIME_KIND.label, id=entry_id)
                break  # an ancestor not synced here yet
            out.append(
                self.store.delete(_TIME_KIND, current)
                if deleted
                else self.store.restore(_TIME_KIND, current)
            )
            current = row[_SUP]
        return out

    def _descendants(self, entry_id: str) -> list[str]:
        rows = self.db.query(
            f'WITH RECURSIVE d(id) AS (SELECT id FROM "time" WHERE {_SUP} = ?'
            f' UNION SELECT t.id FROM "time" AS t JOIN d ON t.{_SUP} = d.id) SELECT id FROM d',
            (entry_id,),
        )
        return [str(r["id"]) for r in rows]

    def _tombstone_family(self, entry_id: str) -> list[Change]:
        """Clear an active entry: it, what it superseded, and any rival corrections."""
        row = self._row(entry_id)
        if row is None:
            return []
        self._tombstone_rivals(row)
        return [c for c in self._set_chain(entry_id, True) if c is not None]

    def _tombstone_rivals(self, row: Mapping[str, Any]) -> None:
        """Up the chain from ``row``: live corrections of the same entries that lost."""
        seen: set[str] = set()
        node: Mapping[str, Any] | None = row
        while node is not None and node[_SUP] and node["id"] not in seen:
            seen.add(str(node["id"]))
            rivals = self.db.query(
                f'SELECT id FROM "time" WHERE {_SUP} = ? AND id != ? AND _deleted = 0',
                (node[_SUP], node["id"]),
            )
            for r in rivals:
                for rid in [str(r["id"]), *self._descendants(str(r["id"]))]:
                    self.store.delete(_TIME_KIND, rid)
            node = self._row(str(node[_SUP]))


__all__ = [
    "MAX_DAY_HOURS",
    "Conflict",
    "RowKey",
    "TimesheetService",
    "Week",
    "WeekRow",
    "parse_hours",
    "week_start",
]
