"""One organisation's overview panel and the staff x organisation month grid: the records the
overview service returns to the panels that show them.

Apart from ``services.overview`` so that opening the main window (which lists organisations
only) does not create these classes: a frozen dataclass is ~1 ms to create (bench/gui.py W2b).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OrgOverview:
    org: dict[str, Any]
    contacts: list[dict[str, Any]]
    last_visits: list[dict[str, Any]]
    open_issues: list[dict[str, Any]]
    hours_month: float
    days_on_site: int
    target_days: int | None
    monthly_hours: list[tuple[str, float]]  # fiscal-year months, April first
    open_issue_count: int = 0  # all of them; ``open_issues`` holds the first few


@dataclass(frozen=True)
class GridCell:
    days: int
    hours: float


@dataclass(frozen=True)
class MonthGrid:
    month: str
    staff: list[tuple[str, str]]  # (id, name)
    orgs: list[tuple[str, str]]
    cells: dict[tuple[str, str], GridCell] = field(default_factory=dict)
    targets: dict[str, int] = field(default_factory=dict)  # org_id -> target days
    # org_id -> days on site, everyone together: a day two people spent there counts once,
    # as in the organisation's badge (store/meanings.py site_days).
    site_days: dict[str, int] = field(default_factory=dict)

    def org_days(self, org_id: str) -> int:
        return self.site_days.get(org_id, 0)

    def org_hours(self, org_id: str) -> float:
        return sum(c.hours for (s, o), c in self.cells.items() if o == org_id)
