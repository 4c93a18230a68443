"""What the demo generator plans before it writes: organisations, contacts, cells and visits.

The stages decide a year of work in these plain records first and turn them into rows later,
because later stages read what earlier ones planned (a visit's notes name the next visit, the
time sheet books the hours of every visit). They are the vocabulary the stages share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dxdesk.core import reference
from dxdesk.core.ids import natural_id
from dxdesk.services.demo.year import work_hours

Row = dict[str, object]


@dataclass(frozen=True)
class Org:
    id: str
    code: str
    name: str
    org_kind: str  # 市 / 町 / 村 / 県
    area: str  # 二次医療圏, or 県 for the prefecture divisions
    bansou: bool
    welfare: bool
    division_system: str = ""  # prefecture divisions: the one system they run

    @property
    def office(self) -> str:
        if self.org_kind == "県":
            return "宮崎県庁"
        return f"{self.name}{'役所' if self.org_kind == '市' else '役場'}"

    @property
    def is_division(self) -> bool:
        return self.org_kind == "県"


@dataclass(frozen=True)
class Contact:
    department: str
    surname: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.department} {self.surname}{self.title}"


@dataclass
class Cell:
    """One (organisation, business system) of the standardisation matrix and its history."""

    org: Org
    system: str
    vendor: str
    product: str
    cloud: str
    go_live: date
    live: bool
    special: Mapping[str, Any] | None
    statuses: list[str] = field(default_factory=list)  # index 0 = step 1
    dates: list[date | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def live_on(self, d: date) -> bool:
        return self.live and self.go_live <= d

    def current_step(self, d: date) -> int:
        """The first step not finished on ``d`` (41 when all are)."""
        for i, (status, done) in enumerate(zip(self.statuses, self.dates, strict=True)):
            if status == "対象外":
                continue
            if status != "完了済み" or (done is not None and done > d):
                return i + 1
        return 41


@dataclass
class Visit:
    date: date
    org: Org
    staff: str
    mode: str
    purpose: str
    start: str
    end: str
    tag: str  # first / regular / golive / intensive / survey / pref
    cells: list[Cell]
    ours: list[str]
    focus: str = ""
    id: str = ""
    title: str = ""

    @property
    def hours(self) -> float:
        return max(0.25, work_hours(self.start, self.end))


# A planned time entry: hours, activity, organisation id, linked visit, on site, note.
Entry = tuple[float, str, str | None, Visit | None, bool, str]


def organisations() -> list[Org]:
    """Every municipality, then the prefecture's divisions that run a system of their own."""
    out = [
        Org(
            natural_id("organisation", m.code),
            m.code,
            m.name,
            m.kind,
            m.area,
            m.bansou,
            m.welfare_office,
        )
        for m in reference.municipalities()
    ]
    out += [
        Org(
            natural_id("organisation", d.code),
            d.code,
            d.name,
            "県",
            "県",
            False,
            True,
            d.system_code,
        )
        for d in reference.prefecture_divisions()
    ]
    return out
