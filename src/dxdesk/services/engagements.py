"""Intensive-support engagements (実効性のあるデジタル化支援, 6(2)イ): each engagement with its
常時支援者 and the warnings about them, Qt-free (the CLI, the registers view and the home
screen read this; the rules live here and nowhere else).

The warnings:

- 支援者不在: a day of the engagement's period (its start to its end, within its fiscal year)
  on which no supporter holds the role (6(2)イ⑤). A supporter's empty period is the
  engagement's whole period.
- 専任の重複: a staff member who is 専任 (dedicated) on one engagement while assigned to another
  over the same days. A dedicated supporter has no other engagement, so one 専任 side is enough.
- 現地日数の不足: the month's on-site days (store/meanings.py ``site_days``, the one definition)
  cannot reach the month's target even if every 開庁日 left in the month (services/calendar.py)
  were spent on site. The target is the engagement's 月間目標日数 (10 when empty); in a month the
  engagement covers only in part it is scaled by the 開庁日 covered, so a start on the 20th asks
  for the share of the month it holds. Judging from the 開庁日 left (never calendar days) is what
  makes a month of 19 開庁日 with a holiday week fair.
- 計画合意の遅れ: the plan and schedule agreed with the prefecture later than two months
  (PLAN_AGREEMENT_MONTHS) after the engagement's start, or not yet agreed when those have passed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from dxdesk.core.calendar import OfficeCalendar, fiscal_year, fiscal_year_range
from dxdesk.core.clock import today_jst
from dxdesk.core.model import DEFAULT_TARGET_DAYS, PLAN_AGREEMENT_MONTHS, kind
from dxdesk.services.calendar import office_calendar
from dxdesk.services.phrases import Text, YearMonth, japanese, text
from dxdesk.services.profile import Profile
from dxdesk.store.meanings import live_clause, site_days

GAP, DOUBLE_DEDICATED, SHORT_MONTH = "no_supporter", "double_dedicated", "site_days_short"
PLAN_LATE = "plan_agreed_late"
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Supporter:
    id: str
    staff_id: str
    name: str
    start: date  # the period held, the engagement's where the record leaves it empty
    end: date
    dedicated: bool
    resident: bool
    place: str
    schedule: str


@dataclass(frozen=True)
class Warning:
    code: str  # GAP, DOUBLE_DEDICATED, SHORT_MONTH
    engagement_id: str
    message: Text  # one sentence (services/phrases.py), for any face's language and date style

    @property
    def text(self) -> str:
        """The sentence in Japanese, dates ISO (JSON, tests; a face renders ``message``)."""
        return japanese(self.message)


@dataclass(frozen=True)
class MonthFigures:
    month: str  # YYYY-MM
    target: int  # for the part of the month the engagement covers
    done: int  # on-site days so far (up to the day judged)
    remaining: int  # 開庁日 left in the month (the day judged included when not yet on site)


@dataclass(frozen=True)
class Engagement:
    id: str
    org_id: str
    org: str
    fy: int
    theme: str
    start: date
    end: date
    target_days: int
    supporters: tuple[Supporter, ...]
    month: MonthFigures | None  # None when the month judged is outside the period
    warnings: tuple[Warning, ...] = field(default=())
    plan_agreed: date | None = None  # the plan and schedule agreed with the prefecture
    plan_due: date | None = None  # PLAN_AGREEMENT_MONTHS after the start

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "org_id": self.org_id,
            "org": self.org,
            "fy": self.fy,
            "theme": self.theme,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "target_days": self.target_days,
            "supporters": [
                {
                    "id": s.id,
                    "staff_id": s.staff_id,
                    "name": s.name,
                    "from": s.start.isoformat(),
                    "to": s.end.isoformat(),
                    "dedicated": s.dedicated,
                    "resident": s.resident,
                    "place": s.place,
                    "schedule": s.schedule,
                }
                for s in self.supporters
            ],
            "month": None
            if self.month is None
            else {
                "month": self.month.month,
                "target": self.month.target,
                "done": self.month.done,
                "remaining": self.month.remaining,
            },
            "warnings": [{"code": w.code, "text": w.text} for w in self.warnings],
            "plan_agreed_on": None if self.plan_agreed is None else self.plan_agreed.isoformat(),
        }


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _span(a: date, b: date) -> date | Text:
    return a if a == b else text("span", start=a, end=b)


def uncovered(
    start: date, end: date, periods: Iterable[tuple[date, date]]
) -> list[tuple[date, date]]:
    """The runs of days from ``start`` to ``end`` that no period covers."""
    out: list[tuple[date, date]] = []
    cursor = start
    for a, b in sorted(periods):
        if b < cursor:
            continue
        if a > cursor:
            out.append((cursor, min(a - _DAY, end)))
        cursor = max(cursor, b + _DAY)
        if cursor > end:
            break
    if cursor <= end:
        out.append((cursor, end))
    return [(a, b) for a, b in out if a <= b and a <= end]


def month_figures(
    cal: OfficeCalendar, start: date, end: date, target: int, on_site: set[date], today: date
) -> MonthFigures | None:
    """The figures of the month of ``today`` for an engagement from ``start`` to ``end``."""
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - _DAY
    lo, hi = max(first, start), min(last, end)
    if hi < lo:
        return None
    in_month = cal.open_days_between(first, last)
    covered = cal.open_days_between(lo, hi)
    share = target if in_month in (0, covered) else target * covered / in_month
    wanted = math.ceil(share - 1e-9)
    done = sum(1 for d in on_site if lo <= d <= min(hi, today))
    remaining = 0
    d = max(lo, today)
    while d <= hi:
        if cal.is_open_day(d) and not (d == today and d in on_site):
            remaining += 1
        d += _DAY
    return MonthFigures(f"{first:%Y-%m}", wanted, done, remaining)


class EngagementService:
    def __init__(self, profile: Profile, today: date | None = None) -> None:
        self.profile = profile
        self.db = profile.database
        self.today = today or today_jst()

    def engagements(self, fy: int | None = None) -> list[Engagement]:
        """The fiscal year's engagements (default: the one of today) with their warnings."""
        fy = fy or fiscal_year(self.today)
        e_kind, s_kind = kind("engagement"), kind("engagement_supporter")
        rows = self.db.query(
            "SELECT e.*, o.name AS org FROM engagement AS e"
            " LEFT JOIN organisation AS o ON o.id = e.org_id"
            f" WHERE {live_clause(e_kind, 'e')} AND e.fy = ? ORDER BY o.code, e.start_date, e.id",
            (fy,),
        )
        fy_start, fy_end = fiscal_year_range(fy)
        cal = office_calendar(self.profile)
        built: list[Engagement] = []
        for r in rows:
            start = max(_day(r["start_date"]) or fy_start, fy_start)
            end = min(_day(r["end_date"]) or fy_end, fy_end)
            supporters = tuple(
                Supporter(
                    str(s["id"]),
                    str(s["staff_id"]),
                    str(s["name"] or ""),
                    _day(s["from_date"]) or start,
                    _day(s["to_date"]) or end,
                    bool(s["dedicated"]),
                    bool(s["resident"]),
                    str(s["place"] or ""),
                    str(s["schedule"] or ""),
                )
                for s in self.db.query(
                    "SELECT s.*, st.name AS name FROM engagement_supporter AS s"
                    " LEFT JOIN staff AS st ON st.id = s.staff_id"
                    f" WHERE {live_clause(s_kind, 's')} AND s.engagement_id = ?"
                    " ORDER BY s.from_date, st.name",
                    (r["id"],),
                )
            )
            target = DEFAULT_TARGET_DAYS if r["target_days"] is None else int(r["target_days"])
            month = None
            if start <= self.today <= end:
                first = self.today.replace(day=1)
                days = self.db.query(
                    f"SELECT DISTINCT d FROM ({site_days('?1', '?2')}) WHERE org_id = ?3",
                    (first.isoformat(), self.today.isoformat(), r["org_id"]),
                )
                on_site = {date.fromisoformat(str(x["d"])[:10]) for x in days}
                month = month_figures(cal, start, end, target, on_site, self.today)
            built.append(
                Engagement(
                    str(r["id"]),
                    str(r["org_id"]),
                    str(r["org"] or r["org_id"]),
                    int(r["fy"]),
                    str(r["theme"] or ""),
                    start,
                    end,
                    target,
                    supporters,
                    month,
                    plan_agreed=_day(r["plan_agreed_on"]),
                    plan_due=add_months(_day(r["start_date"]) or start, PLAN_AGREEMENT_MONTHS),
                )
            )
        warned = _warnings(built, self.today)
        return [
            replace(e, warnings=tuple(w for w in warned if w.engagement_id == e.id)) for e in built
        ]

    def warnings(self, fy: int | None = None) -> list[Warning]:
        return [w for e in self.engagements(fy) for w in e.warnings]

    def find(self, engagement_id: str) -> Engagement | None:
        """One engagement with its supporters and warnings (judged among its fiscal year's)."""
        rows = self.db.query("SELECT fy FROM engagement WHERE id = ?", (engagement_id,))
        if not rows or rows[0]["fy"] is None:
            return None
        return next(
            (e for e in self.engagements(int(rows[0]["fy"])) if e.id == engagement_id), None
        )


def describe(s: Supporter) -> str:
    """One line for a supporter: name, period, 専任 and 常駐 (with place and schedule)."""
    parts = [f"{s.start.isoformat()}〜{s.end.isoformat()}"]
    if s.dedicated:
        parts.append("専任")
    if s.resident:
        where = "・".join(x for x in (s.place, s.schedule) if x)
        parts.append(f"常駐（{where}）" if where else "常駐")
    return f"{s.name or s.staff_id}　{'、'.join(parts)}"


def add_months(d: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it has no such day)."""
    y, m = divmod(d.month - 1 + months, 12)
    first = date(d.year + y, m + 1, 1)
    last = ((first + timedelta(days=32)).replace(day=1) - _DAY).day
    return first.replace(day=min(d.day, last))


def _plan_warning(e: Engagement, today: date) -> Warning | None:
    """The plan agreed later than two months after the start, or not yet when that has passed."""
    due = e.plan_due
    if due is None:
        return None
    if e.plan_agreed is not None and e.plan_agreed > due:
        return Warning(
            PLAN_LATE,
            e.id,
            text("engagement.plan_late", org=e.org, agreed=e.plan_agreed, due=due),
        )
    if e.plan_agreed is None and today > due:
        return Warning(
            PLAN_LATE,
            e.id,
            text("engagement.plan_missing", org=e.org, due=due),
        )
    return None


def _warnings(engagements: list[Engagement], today: date) -> list[Warning]:
    out: list[Warning] = []
    for e in engagements:
        late = _plan_warning(e, today)
        if late is not None:
            out.append(late)
    for e in engagements:
        if e.end < e.start:
            continue
        periods = [(s.start, s.end) for s in e.supporters]
        for a, b in uncovered(e.start, e.end, periods):
            out.append(
                Warning(
                    GAP,
                    e.id,
                    text("engagement.gap", org=e.org, span=_span(a, b)),
                )
            )
    seen: set[tuple[str, str, str]] = set()
    for e in engagements:
        for s in e.supporters:
            for other in engagements:
                if other.id == e.id:
                    continue
                for t in other.supporters:
                    if t.staff_id != s.staff_id or not (s.dedicated or t.dedicated):
                        continue
                    a, b = max(s.start, t.start), min(s.end, t.end)
                    if a > b or (e.id, other.id, s.staff_id) in seen:
                        continue
                    seen.add((e.id, other.id, s.staff_id))
                    out.append(
                        Warning(
                            DOUBLE_DEDICATED,
                            e.id,
                            text(
                                "engagement.double_dedicated",
                                name=s.name or s.staff_id,
                                span=_span(a, b),
                                org=e.org,
                                other=other.org,
                            ),
                        )
                    )
    for e in engagements:
        m = e.month
        if m is None or m.target == 0 or m.done + m.remaining >= m.target:
            continue
        out.append(
            Warning(
                SHORT_MONTH,
                e.id,
                text(
                    "engagement.short_month",
                    org=e.org,
                    month=YearMonth(int(m.month[:4]), int(m.month[5:])),
                    done=text("n_days", n=m.done),
                    remaining=text("n_days", n=m.remaining),
                    target=text("n_days", n=m.target),
                ),
            )
        )
    return out


def warning_lines(profile: Profile, today: date | None = None) -> list[tuple[str, Text]]:
    """(engagement id, sentence) for every warning of this fiscal year's engagements."""
    return [(w.engagement_id, w.message) for w in EngagementService(profile, today).warnings()]
