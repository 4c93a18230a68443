"""A goal's months (6(2)): the progress recorded for each month of the goal's fiscal year.

``goal_progress`` is keyed by (goal, month) (core/model.py): the window opens a month that is
recorded by its id and a month not yet recorded as a new record with the goal and month filled,
which ``RecordService.put`` writes under the derived id (the same cell on every laptop).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import fiscal_year_range
from dxdesk.core.model import key_id, kind
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile


@dataclass(frozen=True)
class GoalMonth:
    month: str  # YYYY-MM
    record_id: str | None  # the progress record of that month, None when not recorded
    value: float | None
    note: str  # an older record's one text
    actions: str = ""  # 実施内容
    achievement: str = ""  # 達成状況
    next_steps: str = ""  # 次月以降の取組

    @property
    def status(self) -> str:
        """Where the goal stood that month, as one line of a list: 達成状況, else the 説明."""
        return self.achievement or self.note


@dataclass(frozen=True)
class GoalTarget:
    """What a goal's chart is drawn against."""

    target: float | None
    unit: str
    baseline: float | None


def goal_target(profile: Profile, goal_id: str) -> GoalTarget:
    goal = profile.records.get(kind("goal"), goal_id)
    if goal is None:
        raise UserError("unknown_record", label=kind("goal").label, id=goal_id)
    target, baseline = goal.get("target_value"), goal.get("baseline")
    return GoalTarget(
        target=float(target) if isinstance(target, int | float) else None,
        unit=str(goal.get("unit") or ""),
        baseline=float(baseline) if isinstance(baseline, int | float) else None,
    )


def chart_points(months: list[GoalMonth]) -> list[tuple[str, float]]:
    """The bars of a goal's chart: each month up to the last one recorded (4月, 5月, ...),
    a month without a value drawn as none."""
    recorded = [i for i, m in enumerate(months) if m.value is not None]
    if not recorded:
        return []
    return [(f"{int(m.month[5:])}月", m.value or 0.0) for m in months[: recorded[-1] + 1]]


def fiscal_months(fy: int) -> list[str]:
    """The twelve months of 年度 ``fy``, April first."""
    start, _ = fiscal_year_range(fy)
    out = []
    d = start
    for _ in range(12):
        out.append(d.strftime("%Y-%m"))
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def goal_months(profile: Profile, goal_id: str) -> list[GoalMonth]:
    """Every month of the goal's fiscal year with its recorded progress (or none)."""
    goal = profile.records.get(kind("goal"), goal_id)
    if goal is None:
        raise UserError("unknown_record", label=kind("goal").label, id=goal_id)
    progress = kind("goal_progress")
    held = {
        str(r["month"]): r
        for r in profile.records.select(progress, where=['"goal_id" = ?'], params=[goal_id])
    }
    raw_fy = goal.get("fy")
    fy = int(raw_fy) if isinstance(raw_fy, int | float) else None
    months = fiscal_months(fy) if fy else sorted(held)
    for extra in sorted(set(held) - set(months)):  # recorded outside the goal's year: kept
        months.append(extra)
    out = []
    for month in months:
        r = held.get(month)
        value = r.get("value") if r else None
        out.append(
            GoalMonth(
                month=month,
                record_id=str(r["id"]) if r else None,
                value=float(value) if isinstance(value, int | float) else None,
                note=str(r.get("note") or "") if r else "",
                actions=str(r.get("actions") or "") if r else "",
                achievement=str(r.get("achievement") or "") if r else "",
                next_steps=str(r.get("next_steps") or "") if r else "",
            )
        )
    return out


def progress_id(goal_id: str, month: str) -> str:
    """The id the (goal, month) cell has on every device."""
    rid = key_id(kind("goal_progress"), {"goal_id": goal_id, "month": month})
    assert rid is not None
    return rid
