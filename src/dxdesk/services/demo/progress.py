"""The demo's standardisation matrix: a system_status and 40 step_status rows per cell.

Each (organisation, business system) gets a vendor, a go-live date and a history of the 40
procedure steps that agrees with it; the visits, issues and goals later talk about these
cells, so the matrix is planned in full before anything refers to it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import groupby

from dxdesk.core import reference
from dxdesk.core.calendar import format_wareki
from dxdesk.core.clock import JST
from dxdesk.core.hlc import HybridClock, Timestamp
from dxdesk.core.model import CLOUDS
from dxdesk.services.demo.plan import Cell, Row
from dxdesk.services.demo.state import Demo
from dxdesk.services.demo.text import fill
from dxdesk.services.demo.year import FY_END, FY_START, iso


def add_matrix(demo: Demo) -> None:
    t = demo.t
    domains: dict[str, list[str]] = t["domains"]
    mains = [str(v["key"]) for v in t["vendors"] if v["main"]]
    vendor_cloud = {str(v["key"]): str(v["cloud"]) for v in t["vendors"]}
    vendor_brand = {str(v["key"]): str(v["brand"]) for v in t["vendors"]}
    domain_of = {code: d for d, codes in domains.items() for code in codes}
    specials = {(str(s["org"]), str(c)): s for s in t["special"] for c in s["systems"]}
    anchors = {
        str(e["org"]): date.fromisoformat(str(e["go_live"]))
        for e in t["engagements"]
        if "go_live" in e
    }
    fy25 = [date.fromisoformat(x) for x in t["go_live_fy2025"]]
    fy26 = [date.fromisoformat(x) for x in t["go_live_fy2026"]]
    specialist = {
        str(v["key"]): [str(c) for c in v.get("codes", [])]
        or [c for d in v["domains"] for c in domains[str(d)]]
        for v in t["vendors"]
        if not v["main"] and "domains" in v
    }
    chance = {"suncrest": 0.7, "aoshima": 0.45, "kirishima": 0.35}
    for org in demo.orgs:
        main = demo.rng.choices(mains, weights=[4, 3, 2, 1][: len(mains)])[0]
        if org.is_division:
            codes = [org.division_system]
        else:
            codes = [
                s.code
                for s in reference.business_systems()
                if reference.system_applies(org.org_kind, org.welfare, s.code)
            ]
        vendor_of = dict.fromkeys(codes, main)
        for key, scodes in specialist.items():
            if not org.is_division and demo.rng.random() < chance.get(key, 0.3):
                for c in scodes:
                    if c in vendor_of:
                        vendor_of[c] = key
        for c in codes:
            if (org.code, c) in specials:
                vendor_of[c] = str(specials[(org.code, c)]["vendor"])
        # One go-live date, procurement style and start of work per (organisation, vendor).
        group_plan: dict[str, tuple[date, bool, bool, date, str]] = {}
        for vendor in dict.fromkeys(vendor_of.values()):
            if vendor == main and org.code in anchors:
                go = anchors[org.code]
            elif demo.rng.random() < 0.72:
                go = demo.pick_date(fy25)
            else:
                go = demo.pick_date(fy26)
            zuii = demo.rng.random() < 0.55  # single-tender with the current vendor
            no_ordinance = demo.rng.random() < 0.5
            start = date(2022, 10, 1) + timedelta(days=demo.rng.randint(0, 540))
            cloud = vendor_cloud[vendor]
            if demo.rng.random() < 0.1:
                cloud = demo.pick(CLOUDS[:5])
            group_plan[vendor] = (go, zuii, no_ordinance, start, cloud)
        for code in codes:
            vendor = vendor_of[code]
            go, zuii, no_ordinance, start, cloud = group_plan[vendor]
            special = specials.get((org.code, code))
            if special is not None:
                go = date.fromisoformat(str(special["target"]))
                if special["reason"] == "メインフレーム":
                    cloud = "未定"
            cell = Cell(
                org=org,
                system=code,
                vendor=vendor,
                product=f"{vendor_brand[vendor]} {domain_of[code]}",
                cloud=cloud,
                go_live=go,
                live=special is None and go <= FY_END,
                special=special,
            )
            _timeline(demo, cell, zuii=zuii, no_ordinance=no_ordinance, start=start)
            demo.cells.append(cell)
            demo.cells_by_org[org.id].append(cell)
    _write_matrix(demo)


def _timeline(demo: Demo, cell: Cell, *, zuii: bool, no_ordinance: bool, start: date) -> None:
    """Step statuses and dates: a finished prefix, one or two in progress, the rest to do."""
    notes = demo.t["step_skip_notes"]
    skip: dict[int, str] = {}
    if zuii:
        skip.update(dict.fromkeys((14, 16, 17, 18, 19), str(notes["rfi"])))
        skip.update(dict.fromkeys((23, 24, 25, 26), str(notes["rfp"])))
    elif demo.rng.random() < 0.4:
        skip[16] = str(notes["other_rfi"])
    if no_ordinance:
        skip[39] = str(notes["ordinance"])
    active = [n for n in range(1, 41) if n not in skip]
    if cell.live:
        n_done, n_working, end = len(active), 0, cell.go_live
    elif cell.special:
        n_done = sum(1 for n in active if n <= demo.rng.randint(8, 22))
        n_working, end = 1, date(2026, 3, demo.rng.randint(2, 20))
    else:
        n_done = sum(1 for n in active if n <= demo.rng.randint(26, 35))
        n_working, end = demo.rng.randint(1, 2), date(2026, 3, demo.rng.randint(2, 20))
    fractions = [*sorted(demo.rng.random() for _ in range(max(0, n_done - 1))), 1.0]
    span = (end - start).days
    done_dates = [start + timedelta(days=round(span * f)) for f in fractions]
    if cell.live:
        done_dates[-1] = cell.go_live  # 運用開始 is the go-live day itself
    status: dict[int, tuple[str, date | None]] = {}
    for i, n in enumerate(active):
        if i < n_done:
            status[n] = ("完了済み", done_dates[i])
        elif i < n_done + n_working:
            status[n] = ("作業中", min(FY_END, end + timedelta(days=demo.rng.randint(3, 10))))
        else:
            status[n] = ("未着手", None)
    last = start
    for n in range(1, 41):
        if n in skip:
            cell.statuses.append("対象外")
            cell.dates.append(last)
            cell.notes.append(skip[n])
        else:
            s, d = status[n]
            cell.statuses.append(s)
            cell.dates.append(d)
            cell.notes.append("")
            if s == "完了済み" and d is not None:
                last = d


def _write_matrix(demo: Demo) -> None:
    group_running_cost: dict[tuple[str, str], str | None] = {}
    rows: list[Row] = []
    for cell in demo.cells:
        key = (cell.org.id, cell.vendor)
        if key not in group_running_cost:
            cost: str | None = None
            if demo.rng.random() < 0.5:
                cost = fill(
                    demo.pick(demo.strs("running_costs")),
                    {
                        "n": demo.rng.randint(1, 4),
                        "m": demo.rng.randint(2, 9),
                        "vendor": demo.vendor_short[cell.vendor],
                    },
                )
            group_running_cost[key] = cost
        special = cell.special
        if special is not None:
            note = f"{special['note']}移行目標時期：{format_wareki(cell.go_live)}。"
        elif cell.live:
            note = f"{format_wareki(cell.go_live)}に標準準拠システムへ移行済み。"
        else:
            note = f"令和8年度中の移行を予定（{demo.pick(demo.strs('delay_reasons'))}）。"
        rows.append(
            {
                "org_id": cell.org.id,
                "system_code": cell.system,
                "vendor_id": demo.vendor_ids[cell.vendor],
                "package_name": cell.product,
                "cloud": cell.cloud,
                # The milestones planned back from the go-live (the contract about ten months
                # before it, the final data migration two, the test one): the cell's 概要 and
                # the 要注意 list's overdue milestones read them.
                "planned_contract": (cell.go_live - timedelta(days=300)).isoformat(),
                "planned_migration": (cell.go_live - timedelta(days=60)).isoformat(),
                "planned_test": (cell.go_live - timedelta(days=30)).isoformat(),
                "planned_go_live": cell.go_live.isoformat(),
                "live": cell.live,
                "special_support": special is not None,
                "special_reason": special["reason"] if special else None,
                "special_target": str(special["target"]) if special else None,
                "running_cost": group_running_cost[key],
                "notes": note,
            }
        )
    _write_status(demo, rows)
    steps: list[Row] = []
    for cell in demo.cells:
        for i in range(40):
            steps.append(
                {
                    "org_id": cell.org.id,
                    "system_code": cell.system,
                    "step_no": i + 1,
                    "status": cell.statuses[i],
                    "updated_on": iso(cell.dates[i]),
                    "note": cell.notes[i],
                }
            )
    demo.add("step_status", steps)


def _noon(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, 12, tzinfo=JST).timestamp() * 1000)


def _write_status(demo: Demo, rows: list[Row]) -> None:
    """The system records with the history a year of real use leaves in the change log, so
    that a past month's matrix (rebuilt from it: a system record's change counts from the day
    it was recorded) shows what was known then: each record written on the day its cell's
    first step was reached (the plan, the vendor, 特定移行支援), and 運用開始 set on the
    go-live day. Written as of today, every past month would show no system record at all
    (no 運用開始, no plan, no vendor). The change log's clock is set to those days while they
    are written (each record's own changes in order), then given back: later writes follow
    the newest stamp as before."""
    store = demo.svc.store
    real = store.clock
    last: Timestamp | None = None

    def on(day: date) -> None:
        nonlocal last
        if last is None or last.wall_ms < _noon(day):
            store.clock = HybridClock(last, wall=lambda: _noon(day))

    def begun(cell: Cell) -> date:
        return min((d for d in cell.dates if d is not None), default=FY_START)

    try:
        pairs = sorted(zip(rows, demo.cells, strict=True), key=lambda rc: begun(rc[1]))
        ids: dict[tuple[str, str], str] = {}
        for day, group in groupby(pairs, key=lambda rc: begun(rc[1])):
            batch = list(group)
            on(day)
            written = demo.add(
                "system_status", [{**r, "live": False} if c.live else r for r, c in batch]
            )
            last = store.clock.last
            for (_r, c), rid in zip(batch, written, strict=True):
                ids[(c.org.id, c.system)] = rid
        for c in sorted((c for c in demo.cells if c.live), key=lambda c: c.go_live):
            on(max(c.go_live, begun(c)))
            demo.svc.edit("system_status", ids[(c.org.id, c.system)], {"live": True})
            last = store.clock.last
    finally:
        store.clock = real
