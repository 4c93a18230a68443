"""The demo's fiscal year (令和7年度) and the arithmetic of office hours.

Every stage of the generator places its records in the same year and counts hours the same
way; these constants and pure helpers are shared so that none of them holds its own copy.
"""

from __future__ import annotations

from datetime import date, timedelta

from dxdesk.core.calendar import fiscal_year_range

FY = 2025
FY_START, FY_END = fiscal_year_range(FY)
ONE_DAY = timedelta(days=1)


def fy_months() -> list[tuple[int, int]]:
    return [(FY, m) for m in range(4, 13)] + [(FY + 1, m) for m in range(1, 4)]


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def minutes_of(time: str) -> int:
    h, m = time.split(":")
    return int(h) * 60 + int(m)


def work_hours(start: str, end: str) -> float:
    """Hours between two times, less an hour's lunch when the span covers 12:00-13:00."""
    s, e = minutes_of(start), minutes_of(end)
    total = e - s
    if s <= 12 * 60 and e >= 13 * 60:
        total -= 60
    return round(total / 60 * 4) / 4
