"""The state one demo run shares between its stages, and the small helpers they all use.

The generator is a sequence of stages (people, matrix, schedule, visits, ...) that read what
earlier ones decided and draw from one random stream; the stream's order is what makes a seed
reproduce the same profile. ``Demo`` holds that stream, the plans and the writer, so that each
stage is a function of it rather than a method of one large class.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import OfficeCalendar, format_wareki
from dxdesk.core.model import kind
from dxdesk.services.demo.plan import Cell, Contact, Entry, Visit, organisations
from dxdesk.services.demo.text import demo_text, strings
from dxdesk.services.demo.year import FY_END
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


class Demo:
    """One run: the random stream, the profile's writer and everything planned so far."""

    def __init__(self, profile: Profile, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - fake demo data, not secrets
        self.svc = RecordService(profile)
        self.t = demo_text()
        self.counts: dict[str, int] = {}
        self.orgs = organisations()
        self.org_by_code = {o.code: o for o in self.orgs}
        self.municipalities = [o for o in self.orgs if not o.is_division]
        self.steps = {s.no: s for s in reference.procedure_steps()}
        self.system_names = {s.code: s.name for s in reference.business_systems()}
        self.calendar = OfficeCalendar()
        self.open_days: list[date] = []
        self.staff_ids: dict[str, str] = {}
        self.staff_names: dict[str, str] = {}
        self.area_staff: dict[str, str] = {}
        self.busy: dict[str, set[date]] = defaultdict(set)
        self.leave: dict[str, set[date]] = defaultdict(set)
        self.vendor_ids: dict[str, str] = {}
        self.vendor_short: dict[str, str] = {}
        self.vendor_people: dict[str, list[str]] = {}
        self.expert_ids: list[tuple[str, list[str], bool]] = []
        self.contacts: dict[str, list[Contact]] = {}
        self.cells: list[Cell] = []
        self.cells_by_org: dict[str, list[Cell]] = defaultdict(list)
        self.engagements: dict[str, Mapping[str, Any]] = {}
        self.engagement_ids: dict[str, str] = {}
        self.visits: list[Visit] = []
        self.next_visit: dict[int, Visit] = {}  # id() of a visit -> the next one to that org
        self.issues_by_org: dict[str, list[tuple[date, str]]] = defaultdict(list)
        self.consult_dates: list[date] = []
        self.training_days: list[tuple[date, int]] = []  # (date, participants) of held ones
        self.frontyard: dict[str, int] = {}  # org id -> month index (0 = April) it started
        self.ai_trials: dict[str, int] = {}
        self.monthly_meetings: list[date] = []
        self.training_staff: dict[int, list[str]] = {}
        # The meetings' decisions and open points as added: (id, values), for the desk stage.
        self.meeting_items: list[tuple[str, Mapping[str, object]]] = []
        # Time entries planned per (staff, day).
        self.time_plan: dict[tuple[str, date], list[Entry]] = defaultdict(list)

    # -------------------------------------------------------------- helpers

    def add(
        self, kind_name: str, rows: Sequence[Mapping[str, object]], *, book_time: bool = True
    ) -> list[str]:
        if not rows:
            return []
        changes = self.svc.add_many(kind_name, list(rows), book_time=book_time)
        self.counts[kind_name] = self.counts.get(kind_name, 0) + len(changes)
        return [c.record_id for c in changes]

    def add_with_members(
        self, kind_name: str, rows: Sequence[Mapping[str, object]], field: str
    ) -> list[str]:
        """Add records whose organisations (``field``: a list of ids, as the plans keep them)
        are stored as membership records, one per organisation (core/model.py)."""
        k = kind(kind_name)
        child = kind(str(k.field(field).replaced_by))
        lists = [list(r.get(field) or []) for r in rows]  # type: ignore[call-overload]
        ids = self.add(kind_name, [{n: v for n, v in r.items() if n != field} for r in rows])
        parent = str(child.parent)
        self.add(
            child.name,
            [
                {parent: pid, "org_id": org}
                for pid, orgs in zip(ids, lists, strict=True)
                for org in orgs
            ],
        )
        return ids

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def strs(self, *path: str) -> list[str]:
        return strings(self.t, *path)

    def pick_date(self, items: Sequence[date]) -> date:
        return items[self.rng.randrange(len(items))]

    @property
    def consultant_keys(self) -> list[str]:
        return [str(c["key"]) for c in self.t["consultants"]]

    def next_open(self, d: date) -> date:
        return d if self.calendar.is_open_day(d) else self.calendar.next_open_day(d)

    def after_open_days(self, d: date, n: int) -> date:
        return self.calendar.add_open_days(d, n)

    def month_days(self, year: int, month: int) -> list[date]:
        return [d for d in self.open_days if d.year == year and d.month == month]

    def free(self, staff: str, d: date) -> bool:
        return d not in self.busy[staff] and d not in self.leave[staff]

    def free_day(self, d: date, staff: str, limit: int = 30) -> date | None:
        """The first open day from ``d`` on which ``staff`` is free, within ``limit`` tries."""
        day = self.next_open(d)
        for _ in range(limit):
            if day > FY_END:
                return None
            if self.free(staff, day):
                return day
            day = self.calendar.next_open_day(day)
        return None

    def person(self, used: set[str] | None = None) -> tuple[str, str]:
        surnames = self.strs("surnames")
        surname = self.pick(surnames)
        if used is not None:
            for _ in range(20):
                if surname not in used:
                    break
                surname = self.pick(surnames)
            used.add(surname)
        return surname, self.pick(self.strs("given_names"))

    def due_text(self, d: date, n: int) -> str:
        return format_wareki(self.after_open_days(d, n))
