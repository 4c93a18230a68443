"""The demo's calendar of the year: trainings and report meetings reserved, visits laid out.

A consultant can be in one place a day, so the schedule is decided as a whole before any
visit is written: fixed events first, then intensive support, regular, go-live and survey
visits in the free days that are left. Nothing here writes a record; ``visits`` and
``meetings`` do.
"""

from __future__ import annotations

from datetime import date, timedelta

from dxdesk.services.demo.plan import Cell, Org, Visit
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.year import FY, FY_END, fy_months, hhmm


def schedule_year(demo: Demo) -> None:
    """Reserve trainings and report meetings, then lay out every visit of the year."""
    _reserve_trainings(demo)
    _reserve_monthly_meetings(demo)
    _intensive_visits(demo)
    _regular_visits(demo)
    _golive_visits(demo)
    _survey_and_division_visits(demo)
    demo.visits.sort(key=lambda v: (v.date, v.start, v.org.code))


def _reserve_trainings(demo: Demo) -> None:
    for i, tr in enumerate(demo.t["trainings"]):
        day = date.fromisoformat(str(tr["date"]))
        if "cancelled" in tr:
            demo.training_staff[i] = []
            continue
        staff = ["lead"]
        scope = str(tr["scope"]).split(",")
        for area in scope:
            key = demo.area_staff.get(area)
            if key and key not in staff and demo.free(key, day):
                staff.append(key)
        extras = [k for k in demo.consultant_keys if k not in staff and demo.free(k, day)]
        staff += demo.rng.sample(extras, min(len(extras), 3 - len(staff))) if len(staff) < 3 else []
        for key in staff:
            demo.busy[key].add(day)
        demo.training_staff[i] = staff


def _reserve_monthly_meetings(demo: Demo) -> None:
    training_days = {date.fromisoformat(str(tr["date"])) for tr in demo.t["trainings"]}
    for year, month in fy_months():
        candidates = [
            d
            for d in demo.month_days(year, month)
            if d.day >= 15 and d.weekday() in (1, 2, 3) and d not in training_days
        ]
        day = candidates[0]
        demo.monthly_meetings.append(day)
        demo.busy["lead"].add(day)


def _visit_times(demo: Demo, mode: str, tag: str) -> tuple[str, str]:
    rng = demo.rng
    if tag in ("intensive", "golive"):
        if rng.random() < 0.15:
            return ("13:00", "17:00") if rng.random() < 0.5 else ("08:30", "12:00")
        return ("08:30", "17:15") if rng.random() < 0.6 else ("09:00", "17:00")
    if mode == "電話":
        s = rng.choice((9 * 60 + 30, 11 * 60, 14 * 60, 16 * 60))
        return hhmm(s), hhmm(s + rng.choice((15, 20, 30)))
    if mode == "オンライン":
        s = rng.choice((10 * 60, 11 * 60, 13 * 60 + 30, 15 * 60))
        return hhmm(s), hhmm(s + rng.choice((45, 60, 60, 90)))
    s = rng.choice((9 * 60 + 30, 10 * 60, 10 * 60 + 30, 13 * 60 + 30, 14 * 60, 15 * 60))
    return hhmm(s), hhmm(s + rng.choice((60, 90, 90, 120)))


def _new_visit(
    demo: Demo,
    day: date,
    org: Org,
    staff: str,
    mode: str,
    purpose: str,
    tag: str,
    cells: list[Cell],
    focus: str = "",
) -> Visit:
    start, end = _visit_times(demo, mode, tag)
    ours = [staff]
    if tag in ("first", "golive") and demo.rng.random() < 0.35 and demo.free("lead", day):
        ours.append("lead")
    for key in ours:
        demo.busy[key].add(day)
    visit = Visit(day, org, staff, mode, purpose, start, end, tag, cells, ours, focus)
    demo.visits.append(visit)
    return visit


def _pick_cells(demo: Demo, org: Org, d: date) -> list[Cell]:
    cells = demo.cells_by_org[org.id]
    pending = [c for c in cells if not c.live_on(d)]
    primary = demo.rng.choice(pending or cells)
    siblings = [c for c in cells if c.vendor == primary.vendor and c is not primary]
    chosen = [primary]
    if siblings and demo.rng.random() < 0.5:
        chosen.append(demo.rng.choice(siblings))
    return chosen


def _intensive_visits(demo: Demo) -> None:
    for org_id, e in demo.engagements.items():
        org = next(o for o in demo.orgs if o.id == org_id)
        staff = str(e["staff"])
        start = date.fromisoformat(str(e["start"]))
        focus = [str(f) for f in e["focus"]]
        for year, month in fy_months():
            candidates = [
                d for d in demo.month_days(year, month) if d >= start and demo.free(staff, d)
            ]
            if not candidates:
                continue
            wanted = (
                demo.rng.choice((9, 10, 10, 10, 11))
                if month not in (12, 1)
                else demo.rng.choice((8, 9))
            )
            for day in sorted(demo.rng.sample(candidates, min(wanted, len(candidates)))):
                purpose = demo.rng.choices(
                    ("現地支援", "打合せ", "ヒアリング", "研修・勉強会"), weights=(80, 10, 5, 5)
                )[0]
                cells = _pick_cells(demo, org, day) if purpose in ("打合せ", "ヒアリング") else []
                _new_visit(
                    demo, day, org, staff, "訪問", purpose, "intensive", cells, demo.pick(focus)
                )


def _regular_visits(demo: Demo) -> None:
    spring = [d for d in demo.open_days if date(FY, 4, 8) <= d <= date(FY, 5, 23)]
    last_day = date(FY + 1, 3, 20)
    for org in demo.municipalities:
        if not org.bansou or org.id in demo.engagements:
            continue
        staff = demo.area_staff[org.area]
        day = demo.free_day(demo.rng.choice(spring), staff)
        first = True
        while day is not None and day <= last_day:
            if first:
                mode = "訪問" if demo.rng.random() < 0.7 else "オンライン"
                purpose, tag = "ヒアリング", "first"
            else:
                mode = demo.rng.choices(("訪問", "オンライン", "電話"), weights=(50, 40, 10))[0]
                if mode == "電話":
                    purpose = demo.rng.choice(("その他", "ヒアリング"))
                elif mode == "訪問":
                    purpose = demo.rng.choices(
                        ("ヒアリング", "定例訪問", "打合せ"), weights=(35, 35, 30)
                    )[0]
                else:
                    purpose = demo.rng.choice(("ヒアリング", "打合せ"))
                tag = "regular"
            _new_visit(demo, day, org, staff, mode, purpose, tag, _pick_cells(demo, org, day))
            first = False
            day = demo.free_day(day + timedelta(days=demo.rng.randint(35, 56)), staff)


def _golive_visits(demo: Demo) -> None:
    seen: set[tuple[str, str]] = set()
    for cell in demo.cells:
        org = cell.org
        key = (org.id, cell.vendor)
        if key in seen or not cell.live or org.is_division or not org.bansou:
            continue
        seen.add(key)
        if org.id in demo.engagements or demo.rng.random() > 0.6:
            continue
        staff = demo.area_staff[org.area]
        day = demo.next_open(cell.go_live)
        if not demo.free(staff, day) or day > FY_END:
            continue
        cells = [c for c in demo.cells_by_org[org.id] if c.vendor == cell.vendor][:2]
        _new_visit(demo, day, org, staff, "訪問", "現地支援", "golive", cells)


def _survey_and_division_visits(demo: Demo) -> None:
    for org in demo.orgs:
        if org.bansou:
            continue
        staff = demo.area_staff[org.area]
        months = ((7, 1), (10, 2)) if org.is_division else ((7, 1), (1, 2))
        for month, n in months:
            year = FY if month >= 4 else FY + 1
            pool = demo.month_days(year, month)
            day = demo.free_day(demo.rng.choice(pool[: max(1, len(pool) - 5)]), staff)
            if day is None:
                continue
            for _ in range(n if org.is_division else 1):
                if org.is_division:
                    mode = demo.rng.choice(("訪問", "オンライン"))
                    purpose = demo.rng.choice(("打合せ", "ヒアリング"))
                    tag = "pref"
                else:
                    mode, purpose, tag = "オンライン", "ヒアリング", "survey"
                _new_visit(demo, day, org, staff, mode, purpose, tag, _pick_cells(demo, org, day))
                nxt = demo.free_day(day + timedelta(days=demo.rng.randint(20, 40)), staff)
                if nxt is None:
                    break
                day = nxt
