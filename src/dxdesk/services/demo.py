"""Demo data: one realistic fiscal year (令和7年度) of the 自治体DXサポート強化業務.

``populate_demo`` fills an open, empty profile with a year of made-up but plausible work for
Miyazaki Prefecture's municipal DX support contract: staff, vendors, contacts, groups, the
standardisation matrix (system and step status for every organisation), visits and hearings,
issues, consultations, time entries, intensive support, trainings, experts, goals and meetings.

Everything is fictional and deterministic for a given seed. People, companies and the Japanese
phrase templates live in ``resources/demo_text.json``; reference facts (municipalities, systems,
steps, the office calendar) come from ``dxdesk.core``. Every write goes through
``RecordService.add_many``, exactly as the CLI would write, so the data passes the same
validation as typed input.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources import files
from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import OfficeCalendar, fiscal_year_range, format_wareki
from dxdesk.core.ids import natural_id
from dxdesk.core.model import CLOUDS, kind
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

FY = 2025
FY_START, FY_END = fiscal_year_range(FY)
ONE_DAY = timedelta(days=1)

# Kinds whose presence means the profile already holds real or demo work.
_WORK_KINDS = ("visit", "vendor", "system_status", "step_status", "consultation", "issue", "time")

Row = dict[str, object]


@cache
def _text() -> dict[str, Any]:
    raw = files("dxdesk.resources").joinpath("demo_text.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


def _fill(template: str, ctx: Mapping[str, object]) -> str:
    return template.format_map(ctx)


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _work_hours(start: str, end: str) -> float:
    """Hours between two times, less an hour's lunch when the span covers 12:00-13:00."""
    s, e = _minutes(start), _minutes(end)
    total = e - s
    if s <= 12 * 60 and e >= 13 * 60:
        total -= 60
    return round(total / 60 * 4) / 4


# ------------------------------------------------------------------------------ plain records


@dataclass(frozen=True)
class _Org:
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
class _Contact:
    department: str
    surname: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.department} {self.surname}{self.title}"


@dataclass
class _Cell:
    """One (organisation, business system) of the standardisation matrix and its history."""

    org: _Org
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
class _Visit:
    date: date
    org: _Org
    staff: str
    mode: str
    purpose: str
    start: str
    end: str
    tag: str  # first / regular / golive / intensive / survey / pref
    cells: list[_Cell]
    ours: list[str]
    focus: str = ""
    id: str = ""
    title: str = ""

    @property
    def hours(self) -> float:
        return max(0.25, _work_hours(self.start, self.end))


# A planned time entry: hours, activity, organisation id, linked visit, on site, note.
_Entry = tuple[float, str, str | None, _Visit | None, bool, str]


# ------------------------------------------------------------------------------ the builder


class _Builder:
    def __init__(self, profile: Profile, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - fake demo data, not secrets
        self.svc = RecordService(profile)
        self.t = _text()
        self.counts: dict[str, int] = {}
        self.orgs = self._orgs()
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
        self.contacts: dict[str, list[_Contact]] = {}
        self.cells: list[_Cell] = []
        self.cells_by_org: dict[str, list[_Cell]] = defaultdict(list)
        self.engagements: dict[str, Mapping[str, Any]] = {}
        self.engagement_ids: dict[str, str] = {}
        self.visits: list[_Visit] = []
        self.next_visit: dict[int, _Visit] = {}  # id() of a visit -> the next one to that org
        self.issues_by_org: dict[str, list[tuple[date, str]]] = defaultdict(list)
        self.consult_dates: list[date] = []
        self.training_days: list[tuple[date, int]] = []  # (date, participants) of held ones
        self.frontyard: dict[str, int] = {}  # org id -> month index (0 = April) it started
        self.ai_trials: dict[str, int] = {}
        self.monthly_meetings: list[date] = []
        self.training_staff: dict[int, list[str]] = {}
        # Time entries planned per (staff, day).
        self.time_plan: dict[tuple[str, date], list[_Entry]] = defaultdict(list)

    # -------------------------------------------------------------- helpers

    def add(self, kind_name: str, rows: Sequence[Mapping[str, object]]) -> list[str]:
        if not rows:
            return []
        changes = self.svc.add_many(kind_name, list(rows))
        self.counts[kind_name] = self.counts.get(kind_name, 0) + len(changes)
        return [c.record_id for c in changes]

    def pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def strs(self, *path: str) -> list[str]:
        node: Any = self.t
        for key in path:
            node = node[key]
        return [str(x) for x in node]

    @staticmethod
    def _orgs() -> list[_Org]:
        out = [
            _Org(
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
            _Org(
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

    def cell_ctx(self, cell: _Cell, d: date) -> dict[str, object]:
        step_no = min(cell.current_step(d), 40)
        step = self.steps[step_no]
        special = cell.special or {}
        return {
            "system": self.system_names[cell.system],
            "vendor": self.vendor_short[cell.vendor],
            "step": step.name,
            "item": step.item,
            "go_live": format_wareki(cell.go_live),
            "target": format_wareki(cell.go_live),
            "reason": str(special.get("reason", "")),
        }

    def phase_of(self, cell: _Cell, d: date) -> str:
        if cell.special:
            return "特定移行支援"
        if cell.live_on(d):
            return "運用開始"
        return self.steps[min(cell.current_step(d), 40)].phase

    # -------------------------------------------------------------- run

    def run(self) -> None:
        self.closed_day()
        self.staff()
        self.vendors()
        self.experts()
        self.contact_rows()
        self.matrix()
        self.groups()
        self.engagement_rows()
        self.schedule()
        self.visit_rows()
        self.issue_rows()
        self.consultation_rows()
        self.training_rows()
        self.meeting_rows()
        self.time_rows()
        self.goal_rows()
        self.case_study_rows()

    # -------------------------------------------------------------- closed day, staff, vendors

    def closed_day(self) -> None:
        spec = self.t["closed_day"]
        existing = [
            date.fromisoformat(str(r["date"]))
            for r in self.svc.store.select(kind("closed_day"))
            if isinstance(r.get("date"), str)
        ]
        day = date.fromisoformat(str(spec["date"]))
        self.add("closed_day", [{"date": day.isoformat(), "reason": str(spec["reason"])}])
        self.calendar = OfficeCalendar([*existing, day])
        d = FY_START
        while d <= FY_END:
            if self.calendar.is_open_day(d):
                self.open_days.append(d)
            d += ONE_DAY

    def staff(self) -> None:
        leads = [r for r in self.svc.store.select(kind("staff")) if r.get("role") == "統括責任者"]
        if leads:
            # The profile's owner is already the 統括責任者: the demo works under their name.
            self.staff_ids["lead"] = str(leads[-1]["id"])
            self.staff_names["lead"] = str(leads[-1]["name"])
        else:
            lead = self.t["lead"]
            rows: list[Row] = [
                {
                    "name": lead["name"],
                    "role": "統括責任者",
                    "email": lead["email"],
                    "notes": lead["notes"],
                }
            ]
            self.staff_ids["lead"] = self.add("staff", rows)[0]
            self.staff_names["lead"] = str(lead["name"])
        consultants = self.t["consultants"]
        rows = [
            {"name": c["name"], "role": c["role"], "email": c["email"], "notes": c["notes"]}
            for c in consultants
        ]
        for c, record_id in zip(consultants, self.add("staff", rows), strict=True):
            key = str(c["key"])
            self.staff_ids[key] = record_id
            self.staff_names[key] = str(c["name"])
            for area in c["areas"]:
                self.area_staff[str(area)] = key
        # About twelve days of leave per consultant, never in the first week of April.
        for key in self.consultant_keys:
            candidates = [d for d in self.open_days if d >= FY_START + timedelta(days=7)]
            self.leave[key] = set(self.rng.sample(candidates, 12))

    @property
    def consultant_keys(self) -> list[str]:
        return [str(c["key"]) for c in self.t["consultants"]]

    def vendors(self) -> None:
        domains: dict[str, list[str]] = self.t["domains"]
        rows: list[Row] = []
        used: set[str] = set()
        for v in self.t["vendors"]:
            if "products" in v:
                products = [str(p) for p in v["products"]]
            else:
                names = v.get("domains") or list(domains)
                products = [f"{v['brand']} {d}" for d in names]
            rows.append(
                {
                    "name": v["name"],
                    "reading": v["reading"],
                    "products": products,
                    "contact": v["contact"],
                    "notes": v["notes"],
                }
            )
            people = []
            for _ in range(2):
                surname, _given = self.person(used)
                people.append(f"{v['short']} {self.pick(self.strs('vendor_roles'))} {surname}氏")
            self.vendor_people[str(v["key"])] = people
            self.vendor_short[str(v["key"])] = str(v["short"])
        for v, record_id in zip(self.t["vendors"], self.add("vendor", rows), strict=True):
            self.vendor_ids[str(v["key"])] = record_id

    def experts(self) -> None:
        rows: list[Row] = []
        for i, e in enumerate(self.t["experts"]):
            rows.append(
                {
                    "name": e["name"],
                    "affiliation": e["affiliation"],
                    "fields": list(e["fields"]),
                    "specialties": e["specialties"],
                    "qualifications": e["qualifications"],
                    "track_record": e["track_record"],
                    "contact": f"expert{i + 1:02d}@example.jp",
                    "available": bool(e["available"]),
                }
            )
        for e, record_id in zip(self.t["experts"], self.add("expert", rows), strict=True):
            self.expert_ids.append((record_id, [str(f) for f in e["fields"]], bool(e["available"])))

    def contact_rows(self) -> None:
        rows: list[Row] = []
        titles = self.strs("titles")
        for org in self.orgs:
            used: set[str] = set()
            contacts: list[_Contact] = []
            if org.is_division:
                n = 1
                first_depts = [f"{self.system_names[org.division_system]}担当"]
                depts = first_depts
            elif org.org_kind == "市":
                n = self.rng.randint(2, 3)
                first_depts, depts = (
                    self.strs("first_department_city"),
                    self.strs("departments_city"),
                )
            else:
                n = self.rng.randint(1, 2)
                first_depts, depts = (
                    self.strs("first_department_town"),
                    self.strs("departments_town"),
                )
            for i in range(n):
                surname, given = self.person(used)
                dept = self.pick(first_depts) if i == 0 else self.pick(depts)
                title = self.pick(("係長", "主査", "課長補佐")) if i == 0 else self.pick(titles)
                contacts.append(_Contact(dept, surname, title))
                rows.append(
                    {
                        "org_id": org.id,
                        "name": f"{surname} {given}",
                        "department": dept,
                        "title": title,
                        "phone": f"内線{self.rng.randint(200, 899)}",
                        "notes": "標準化・DX推進の窓口担当" if i == 0 else "",
                    }
                )
            self.contacts[org.id] = contacts
        self.add("contact", rows)

    # -------------------------------------------------------------- standardisation matrix

    def matrix(self) -> None:
        t = self.t
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
        for org in self.orgs:
            main = self.rng.choices(mains, weights=[4, 3, 2, 1][: len(mains)])[0]
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
                if not org.is_division and self.rng.random() < chance.get(key, 0.3):
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
                elif self.rng.random() < 0.72:
                    go = self.pick_date(fy25)
                else:
                    go = self.pick_date(fy26)
                zuii = self.rng.random() < 0.55  # single-tender with the current vendor
                no_ordinance = self.rng.random() < 0.5
                start = date(2022, 10, 1) + timedelta(days=self.rng.randint(0, 540))
                cloud = vendor_cloud[vendor]
                if self.rng.random() < 0.1:
                    cloud = self.pick(CLOUDS[:5])
                group_plan[vendor] = (go, zuii, no_ordinance, start, cloud)
            for code in codes:
                vendor = vendor_of[code]
                go, zuii, no_ordinance, start, cloud = group_plan[vendor]
                special = specials.get((org.code, code))
                if special is not None:
                    go = date.fromisoformat(str(special["target"]))
                    if special["reason"] == "メインフレーム":
                        cloud = "未定"
                cell = _Cell(
                    org=org,
                    system=code,
                    vendor=vendor,
                    product=f"{vendor_brand[vendor]} {domain_of[code]}",
                    cloud=cloud,
                    go_live=go,
                    live=special is None and go <= FY_END,
                    special=special,
                )
                self.timeline(cell, zuii=zuii, no_ordinance=no_ordinance, start=start)
                self.cells.append(cell)
                self.cells_by_org[org.id].append(cell)
        self.write_matrix()

    def pick_date(self, items: Sequence[date]) -> date:
        return items[self.rng.randrange(len(items))]

    def timeline(self, cell: _Cell, *, zuii: bool, no_ordinance: bool, start: date) -> None:
        """Step statuses and dates: a finished prefix, one or two in progress, the rest to do."""
        notes = self.t["step_skip_notes"]
        skip: dict[int, str] = {}
        if zuii:
            skip.update(dict.fromkeys((14, 16, 17, 18, 19), str(notes["rfi"])))
            skip.update(dict.fromkeys((23, 24, 25, 26), str(notes["rfp"])))
        elif self.rng.random() < 0.4:
            skip[16] = str(notes["other_rfi"])
        if no_ordinance:
            skip[39] = str(notes["ordinance"])
        active = [n for n in range(1, 41) if n not in skip]
        if cell.live:
            n_done, n_working, end = len(active), 0, cell.go_live
        elif cell.special:
            n_done = sum(1 for n in active if n <= self.rng.randint(8, 22))
            n_working, end = 1, date(2026, 3, self.rng.randint(2, 20))
        else:
            n_done = sum(1 for n in active if n <= self.rng.randint(26, 35))
            n_working, end = self.rng.randint(1, 2), date(2026, 3, self.rng.randint(2, 20))
        fractions = [*sorted(self.rng.random() for _ in range(max(0, n_done - 1))), 1.0]
        span = (end - start).days
        done_dates = [start + timedelta(days=round(span * f)) for f in fractions]
        if cell.live:
            done_dates[-1] = cell.go_live  # 運用開始 is the go-live day itself
        status: dict[int, tuple[str, date | None]] = {}
        for i, n in enumerate(active):
            if i < n_done:
                status[n] = ("完了済み", done_dates[i])
            elif i < n_done + n_working:
                status[n] = ("作業中", min(FY_END, end + timedelta(days=self.rng.randint(3, 10))))
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

    def write_matrix(self) -> None:
        group_running_cost: dict[tuple[str, str], str | None] = {}
        rows: list[Row] = []
        for cell in self.cells:
            key = (cell.org.id, cell.vendor)
            if key not in group_running_cost:
                cost: str | None = None
                if self.rng.random() < 0.5:
                    cost = _fill(
                        self.pick(self.strs("running_costs")),
                        {
                            "n": self.rng.randint(1, 4),
                            "m": self.rng.randint(2, 9),
                            "vendor": self.vendor_short[cell.vendor],
                        },
                    )
                group_running_cost[key] = cost
            special = cell.special
            if special is not None:
                note = f"{special['note']}移行目標時期：{format_wareki(cell.go_live)}。"
            elif cell.live:
                note = f"{format_wareki(cell.go_live)}に標準準拠システムへ移行済み。"
            else:
                note = f"令和8年度中の移行を予定（{self.pick(self.strs('delay_reasons'))}）。"
            rows.append(
                {
                    "org_id": cell.org.id,
                    "system_code": cell.system,
                    "vendor_id": self.vendor_ids[cell.vendor],
                    "package_name": cell.product,
                    "cloud": cell.cloud,
                    "planned_go_live": cell.go_live.isoformat(),
                    "live": cell.live,
                    "special_support": special is not None,
                    "special_reason": special["reason"] if special else None,
                    "special_target": str(special["target"]) if special else None,
                    "running_cost": group_running_cost[key],
                    "notes": note,
                }
            )
        self.add("system_status", rows)
        steps: list[Row] = []
        for cell in self.cells:
            for i in range(40):
                steps.append(
                    {
                        "org_id": cell.org.id,
                        "system_code": cell.system,
                        "step_no": i + 1,
                        "status": cell.statuses[i],
                        "updated_on": _iso(cell.dates[i]),
                        "note": cell.notes[i],
                    }
                )
        self.add("step_status", steps)

    # -------------------------------------------------------------- groups and engagements

    def groups(self) -> None:
        desc = self.t["group_descriptions"]
        rows: list[Row] = []
        areas = list(dict.fromkeys(o.area for o in self.municipalities))
        for area in areas:
            members = [o.id for o in self.municipalities if o.area == area]
            rows.append(
                {
                    "name": f"{area}圏域",
                    "group_type": "生活圏",
                    "members": members,
                    "description": _fill(str(desc["area"]), {"area": area, "n": len(members)}),
                }
            )
        for v in self.t["vendors"]:
            key = str(v["key"])
            members = list(dict.fromkeys(c.org.id for c in self.cells if c.vendor == key))
            if len(members) >= 2:
                rows.append(
                    {
                        "name": f"{v['short']}利用団体",
                        "group_type": "ベンダ",
                        "members": members,
                        "description": _fill(
                            str(desc["vendor"]), {"vendor": v["short"], "n": len(members)}
                        ),
                    }
                )
        special_orgs = list(dict.fromkeys(c.org.id for c in self.cells if c.special))
        rows.append(
            {
                "name": "特定移行支援システム該当団体",
                "group_type": "テーマ",
                "members": special_orgs,
                "description": str(desc["special"]),
            }
        )
        # Front-yard reform and AI trials: who joins, and in which month (drives goal progress).
        engaged = {str(e["org"]) for e in self.t["engagements"]}
        for key, joined in (("frontyard", self.frontyard), ("ai", self.ai_trials)):
            spec = self.t["theme_groups"][key]
            lead = self.org_by_code[str(spec["lead_org"])]
            others = [o for o in self.municipalities if o.bansou and o is not lead]
            for org in [lead, *self.rng.sample(others, int(spec["size"]) - 1)]:
                # Month index from April (0); intensive-support towns start early.
                early = org.code in engaged
                joined[org.id] = self.rng.randint(1, 4) if early else self.rng.randint(2, 11)
            rows.append(
                {
                    "name": spec["name"],
                    "group_type": "テーマ",
                    "members": list(joined),
                    "description": str(desc[key]),
                }
            )
        self.add("group", rows)

    def engagement_rows(self) -> None:
        rows: list[Row] = []
        for e in self.t["engagements"]:
            org = self.org_by_code[str(e["org"])]
            self.engagements[org.id] = e
            rows.append(
                {
                    "org_id": org.id,
                    "fy": FY,
                    "staff_id": self.staff_ids[str(e["staff"])],
                    "start_date": str(e["start"]),
                    "end_date": FY_END.isoformat(),
                    "target_days": 10,
                    "theme": e["theme"],
                    "notes": e["notes"],
                }
            )
        for org_id, record_id in zip(self.engagements, self.add("engagement", rows), strict=True):
            self.engagement_ids[org_id] = record_id

    # -------------------------------------------------------------- the year's schedule

    def schedule(self) -> None:
        """Reserve trainings and report meetings, then lay out every visit of the year."""
        self.reserve_trainings()
        self.reserve_monthly_meetings()
        self.intensive_visits()
        self.regular_visits()
        self.golive_visits()
        self.survey_and_division_visits()
        self.visits.sort(key=lambda v: (v.date, v.start, v.org.code))

    def reserve_trainings(self) -> None:
        for i, tr in enumerate(self.t["trainings"]):
            day = date.fromisoformat(str(tr["date"]))
            if "cancelled" in tr:
                self.training_staff[i] = []
                continue
            staff = ["lead"]
            scope = str(tr["scope"]).split(",")
            for area in scope:
                key = self.area_staff.get(area)
                if key and key not in staff and self.free(key, day):
                    staff.append(key)
            extras = [k for k in self.consultant_keys if k not in staff and self.free(k, day)]
            staff += (
                self.rng.sample(extras, min(len(extras), 3 - len(staff))) if len(staff) < 3 else []
            )
            for key in staff:
                self.busy[key].add(day)
            self.training_staff[i] = staff

    def reserve_monthly_meetings(self) -> None:
        training_days = {date.fromisoformat(str(tr["date"])) for tr in self.t["trainings"]}
        for year, month in _fy_months():
            candidates = [
                d
                for d in self.month_days(year, month)
                if d.day >= 15 and d.weekday() in (1, 2, 3) and d not in training_days
            ]
            day = candidates[0]
            self.monthly_meetings.append(day)
            self.busy["lead"].add(day)

    def visit_times(self, mode: str, tag: str) -> tuple[str, str]:
        rng = self.rng
        if tag in ("intensive", "golive"):
            if rng.random() < 0.15:
                return ("13:00", "17:00") if rng.random() < 0.5 else ("08:30", "12:00")
            return ("08:30", "17:15") if rng.random() < 0.6 else ("09:00", "17:00")
        if mode == "電話":
            s = rng.choice((9 * 60 + 30, 11 * 60, 14 * 60, 16 * 60))
            return _hhmm(s), _hhmm(s + rng.choice((15, 20, 30)))
        if mode == "オンライン":
            s = rng.choice((10 * 60, 11 * 60, 13 * 60 + 30, 15 * 60))
            return _hhmm(s), _hhmm(s + rng.choice((45, 60, 60, 90)))
        s = rng.choice((9 * 60 + 30, 10 * 60, 10 * 60 + 30, 13 * 60 + 30, 14 * 60, 15 * 60))
        return _hhmm(s), _hhmm(s + rng.choice((60, 90, 90, 120)))

    def new_visit(
        self,
        day: date,
        org: _Org,
        staff: str,
        mode: str,
        purpose: str,
        tag: str,
        cells: list[_Cell],
        focus: str = "",
    ) -> _Visit:
        start, end = self.visit_times(mode, tag)
        ours = [staff]
        if tag in ("first", "golive") and self.rng.random() < 0.35 and self.free("lead", day):
            ours.append("lead")
        for key in ours:
            self.busy[key].add(day)
        visit = _Visit(day, org, staff, mode, purpose, start, end, tag, cells, ours, focus)
        self.visits.append(visit)
        return visit

    def pick_cells(self, org: _Org, d: date) -> list[_Cell]:
        cells = self.cells_by_org[org.id]
        pending = [c for c in cells if not c.live_on(d)]
        primary = self.rng.choice(pending or cells)
        siblings = [c for c in cells if c.vendor == primary.vendor and c is not primary]
        chosen = [primary]
        if siblings and self.rng.random() < 0.5:
            chosen.append(self.rng.choice(siblings))
        return chosen

    def intensive_visits(self) -> None:
        for org_id, e in self.engagements.items():
            org = next(o for o in self.orgs if o.id == org_id)
            staff = str(e["staff"])
            start = date.fromisoformat(str(e["start"]))
            focus = [str(f) for f in e["focus"]]
            for year, month in _fy_months():
                candidates = [
                    d for d in self.month_days(year, month) if d >= start and self.free(staff, d)
                ]
                if not candidates:
                    continue
                wanted = (
                    self.rng.choice((9, 10, 10, 10, 11))
                    if month not in (12, 1)
                    else self.rng.choice((8, 9))
                )
                for day in sorted(self.rng.sample(candidates, min(wanted, len(candidates)))):
                    purpose = self.rng.choices(
                        ("現地支援", "打合せ", "ヒアリング", "研修・勉強会"), weights=(80, 10, 5, 5)
                    )[0]
                    cells = self.pick_cells(org, day) if purpose in ("打合せ", "ヒアリング") else []
                    self.new_visit(
                        day, org, staff, "訪問", purpose, "intensive", cells, self.pick(focus)
                    )

    def regular_visits(self) -> None:
        spring = [d for d in self.open_days if date(FY, 4, 8) <= d <= date(FY, 5, 23)]
        last_day = date(FY + 1, 3, 20)
        for org in self.municipalities:
            if not org.bansou or org.id in self.engagements:
                continue
            staff = self.area_staff[org.area]
            day = self.free_day(self.rng.choice(spring), staff)
            first = True
            while day is not None and day <= last_day:
                if first:
                    mode = "訪問" if self.rng.random() < 0.7 else "オンライン"
                    purpose, tag = "ヒアリング", "first"
                else:
                    mode = self.rng.choices(("訪問", "オンライン", "電話"), weights=(50, 40, 10))[0]
                    if mode == "電話":
                        purpose = self.rng.choice(("その他", "ヒアリング"))
                    elif mode == "訪問":
                        purpose = self.rng.choices(
                            ("ヒアリング", "定例訪問", "打合せ"), weights=(35, 35, 30)
                        )[0]
                    else:
                        purpose = self.rng.choice(("ヒアリング", "打合せ"))
                    tag = "regular"
                self.new_visit(day, org, staff, mode, purpose, tag, self.pick_cells(org, day))
                first = False
                day = self.free_day(day + timedelta(days=self.rng.randint(35, 56)), staff)

    def golive_visits(self) -> None:
        seen: set[tuple[str, str]] = set()
        for cell in self.cells:
            org = cell.org
            key = (org.id, cell.vendor)
            if key in seen or not cell.live or org.is_division or not org.bansou:
                continue
            seen.add(key)
            if org.id in self.engagements or self.rng.random() > 0.6:
                continue
            staff = self.area_staff[org.area]
            day = self.next_open(cell.go_live)
            if not self.free(staff, day) or day > FY_END:
                continue
            cells = [c for c in self.cells_by_org[org.id] if c.vendor == cell.vendor][:2]
            self.new_visit(day, org, staff, "訪問", "現地支援", "golive", cells)

    def survey_and_division_visits(self) -> None:
        for org in self.orgs:
            if org.bansou:
                continue
            staff = self.area_staff[org.area]
            months = ((7, 1), (10, 2)) if org.is_division else ((7, 1), (1, 2))
            for month, n in months:
                year = FY if month >= 4 else FY + 1
                pool = self.month_days(year, month)
                day = self.free_day(self.rng.choice(pool[: max(1, len(pool) - 5)]), staff)
                if day is None:
                    continue
                for _ in range(n if org.is_division else 1):
                    if org.is_division:
                        mode = self.rng.choice(("訪問", "オンライン"))
                        purpose = self.rng.choice(("打合せ", "ヒアリング"))
                        tag = "pref"
                    else:
                        mode, purpose, tag = "オンライン", "ヒアリング", "survey"
                    self.new_visit(day, org, staff, mode, purpose, tag, self.pick_cells(org, day))
                    nxt = self.free_day(day + timedelta(days=self.rng.randint(20, 40)), staff)
                    if nxt is None:
                        break
                    day = nxt

    # -------------------------------------------------------------- visits

    def visit_rows(self) -> None:
        # Each visit's notes name the real date of the next visit to the same organisation.
        following: dict[str, _Visit] = {}
        for v in reversed(self.visits):
            if v.org.id in following:
                self.next_visit[id(v)] = following[v.org.id]
            following[v.org.id] = v
        rows = [self.visit_row(v) for v in self.visits]
        for v, record_id in zip(self.visits, self.add("visit", rows), strict=True):
            v.id = record_id

    def visit_row(self, v: _Visit) -> Row:
        t = self.t
        rng = self.rng
        contacts = self.contacts[v.org.id]
        lead_contact = contacts[0]
        nxt = self.next_visit.get(id(v))
        attendees = [c.label for c in contacts[: rng.randint(1, len(contacts))]]
        ctx: dict[str, object] = {
            "org": v.org.name,
            "office": v.org.office,
            "dept": lead_contact.department,
            "attendee": lead_contact.label,
            "n": max(1, len(attendees) - 1 + rng.randint(0, 2)),
            "month": v.date.month,
            "month2": v.date.month % 12 + 1,
            "focus": v.focus,
            "focus2": v.focus,
            "next": format_wareki(nxt.date, weekday=True) if nxt else "",
            "due": self.due_text(v.date, rng.randint(5, 15)),
            "system": "",
            "vendor": "",
            "step": "",
            "item": "",
            "go_live": "",
            "target": "",
            "reason": "",
        }
        if v.tag == "intensive":
            focus_all = [str(f) for f in self.engagements[v.org.id]["focus"]]
            ctx["focus2"] = self.pick([f for f in focus_all if f != v.focus] or focus_all)
        cell = v.cells[0] if v.cells else self.rng.choice(self.cells_by_org[v.org.id])
        ctx.update(self.cell_ctx(cell, v.date))
        phase = "first" if v.tag == "first" else self.phase_of(cell, v.date)
        ctx["topic"] = _fill(self.pick(self.strs("topics", phase)), ctx)
        titles = t["visit_titles"]
        # On an intensive-support day, a meeting or hearing is written up like any other.
        style = "regular" if v.tag == "intensive" and v.cells else v.tag
        if style == "intensive":
            title = _fill(self.pick(titles["intensive"]), ctx)
        elif v.tag == "intensive":
            title = _fill(self.pick(titles[v.purpose]), ctx)
        elif v.tag in ("first", "golive", "survey", "pref"):
            title = _fill(self.pick(titles[v.tag]), ctx)
        else:
            title = _fill(self.pick(titles[v.purpose]), ctx)
        v.title = title
        sentences: list[str] = []
        findings: list[str] = []
        actions: list[str] = []
        if style == "intensive":
            sentences.append(_fill(self.pick(self.strs("intensive_notes", "open")), ctx))
            more = self.strs("intensive_notes", "more")
            sentences += [_fill(s, ctx) for s in rng.sample(more, rng.randint(1, 2))]
            if rng.random() < 0.3:
                findings.append(_fill(self.pick(self.strs("intensive_findings")), ctx))
            actions += [
                _fill(s, ctx) for s in rng.sample(self.strs("intensive_next"), rng.randint(1, 2))
            ]
            agenda = _fill(str(t["agendas"]["intensive"]), ctx)
        elif style == "golive":
            sentences.append(_fill(self.pick(self.strs("golive_notes", "open")), ctx))
            sentences += [_fill(s, ctx) for s in rng.sample(self.strs("golive_notes", "more"), 2)]
            actions += [_fill(s, ctx) for s in rng.sample(self.strs("golive_next"), 2)]
            agenda = str(t["agendas"]["golive"])
        elif style == "survey":
            sentences.append(_fill(self.pick(self.strs("intro", v.mode)), ctx))
            sentences += [_fill(s, ctx) for s in self.strs("survey_notes")[: rng.randint(2, 3)]]
            agenda = str(t["agendas"]["survey"])
        elif style == "pref":
            sentences.append(_fill(self.pick(self.strs("pref_notes", "open")), ctx))
            sentences += [_fill(s, ctx) for s in rng.sample(self.strs("pref_notes", "more"), 2)]
            actions.append(_fill(self.pick(self.strs("next_actions")), ctx))
            agenda = _fill(str(t["agendas"]["pref"]), ctx)
        else:
            sentences.append(_fill(self.pick(self.strs("intro", v.mode)), ctx))
            used: set[str] = set()
            for c in v.cells:
                cctx = {**ctx, **self.cell_ctx(c, v.date)}
                pool = self.strs("phase", self.phase_of(c, v.date))
                template = self.pick([p for p in pool if p not in used] or pool)
                used.add(template)
                sentences.append(_fill(template, cctx))
            if rng.random() < 0.55:
                sentences.append(_fill(self.pick(self.strs("concerns")), ctx))
            closing = self.strs("closing") if nxt else self.strs("closing_last")
            sentences.append(_fill(self.pick(closing), ctx))
            if rng.random() < 0.65:
                findings += [
                    _fill(s, ctx) for s in rng.sample(self.strs("findings"), rng.randint(1, 2))
                ]
            actions += [
                _fill(s, ctx) for s in rng.sample(self.strs("next_actions"), rng.randint(1, 2))
            ]
            agenda = _fill(str(t["agendas"]["first" if v.tag == "first" else "regular"]), ctx)
        vendors: list[str] = []
        if v.purpose == "打合せ" or v.tag == "golive":
            people = self.vendor_people[cell.vendor]
            vendors = people[: rng.randint(1, 2)]
        if v.mode == "訪問":
            place = _fill(self.pick(self.strs("places")), ctx)
        else:
            place = "Web会議" if v.mode == "オンライン" else "電話"
        return {
            "date": v.date.isoformat(),
            "start_time": v.start,
            "end_time": v.end,
            "org_id": v.org.id,
            "mode": v.mode,
            "purpose": v.purpose,
            "title": title,
            "place": place,
            "staff_id": self.staff_ids[v.staff],
            "systems": [self.system_names[c.system] for c in v.cells],
            "attendees_org": attendees,
            "attendees_vendor": vendors,
            "attendees_ours": [self.staff_names[k] for k in v.ours],
            "agenda": agenda,
            "notes": "".join(sentences),
            "findings": "\n".join(findings) or None,
            "next_actions": "\n".join(actions) or None,
            "hours": v.hours,
        }

    # -------------------------------------------------------------- issues

    def issue_rows(self) -> None:
        rng = self.rng
        specs = self.t["issues"]
        chance = {
            "first": 0.55,
            "regular": 0.55,
            "golive": 0.45,
            "intensive": 0.18,
            "pref": 0.35,
            "survey": 0.0,
        }
        intensive_categories = ("業務見直し", "人員・体制", "DX推進", "データ移行")
        rows: list[Row] = []
        share_days = [*self.monthly_meetings]
        for v in self.visits:
            if rng.random() >= chance[v.tag]:
                continue
            pool = [
                s for s in specs if v.tag != "intensive" or s["category"] in intensive_categories
            ]
            spec = rng.choice(pool)
            cell = v.cells[0] if v.cells else rng.choice(self.cells_by_org[v.org.id])
            ctx: dict[str, object] = {"org": v.org.name, **self.cell_ctx(cell, v.date)}
            raised = v.date
            status, closed = self.issue_status(raised)
            due = self.after_open_days(raised, rng.choice((15, 20, 30, 40)))
            if status == "完了":
                response = _fill(str(spec["response"]), ctx)
            else:
                response = _fill(self.pick(self.strs("issue_open_status", status)), ctx)
            shared = None
            if rng.random() < 0.6:
                later = [d for d in share_days if d > raised]
                shared = later[0] if later else None
            related: list[str] = []
            if spec["category"] in ("ネットワーク・クラウド", "ベンダ調整") and rng.random() < 0.4:
                peers = list(dict.fromkeys(c.org.id for c in self.cells if c.vendor == cell.vendor))
                peers = [p for p in peers if p != v.org.id]
                related = rng.sample(peers, min(len(peers), rng.randint(1, 3)))
            text = " ".join(str(spec[k]) for k in ("title", "description", "countermeasure"))
            about_system = "{system}" in text or spec["category"] in ("データ移行", "標準化・移行")
            about_vendor = "{vendor}" in text or spec["category"] == "ベンダ調整"
            rows.append(
                {
                    "org_id": v.org.id,
                    "related_orgs": related,
                    "title": _fill(str(spec["title"]), ctx),
                    "system_code": cell.system if about_system else None,
                    "vendor_id": self.vendor_ids[cell.vendor] if about_vendor else None,
                    "category": spec["category"],
                    "priority": rng.choices(("高", "中", "低"), weights=(20, 55, 25))[0],
                    "status": status,
                    "description": _fill(str(spec["description"]), ctx),
                    "countermeasure": _fill(str(spec["countermeasure"]), ctx),
                    "response_status": response,
                    "raised_on": raised.isoformat(),
                    "due_date": due.isoformat(),
                    "shared_on": _iso(shared),
                    "closed_on": _iso(closed),
                    "visit_id": v.id,
                }
            )
        ids = self.add("issue", rows)
        for row, record_id in zip(rows, ids, strict=True):
            self.issues_by_org[str(row["org_id"])].append(
                (date.fromisoformat(str(row["raised_on"])), record_id)
            )

    def issue_status(self, raised: date) -> tuple[str, date | None]:
        rng = self.rng
        if raised <= date(FY, 12, 31):
            status = rng.choices(("完了", "保留", "対応中"), weights=(90, 5, 5))[0]
        else:
            status = rng.choices(("完了", "対応中", "未対応", "保留"), weights=(50, 35, 10, 5))[0]
        if status != "完了":
            return status, None
        closed = self.after_open_days(raised, rng.randint(5, 50))
        if closed > FY_END:
            closed = self.calendar.previous_open_day(FY_END + ONE_DAY)
        return status, max(closed, raised)

    # -------------------------------------------------------------- consultations

    def consultation_rows(self) -> None:
        rng = self.rng
        specs = self.t["consultations"]
        weights = {
            "標準化・共通化": 30,
            "フロントヤード改革": 12,
            "eLTAX": 7,
            "マイナンバーカード": 10,
            "セキュリティ": 12,
            "AI・RPA": 15,
            "テレワーク": 5,
            "その他": 9,
        }
        by_category: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for s in specs:
            by_category[str(s["category"])].append(s)
        categories = list(weights)
        orgs = list(self.municipalities)
        org_weights = [
            1.4 if o.code in ("452017", "452025") else (1.3 if o.id in self.engagements else 1.0)
            for o in orgs
        ]
        picks = [o for o in orgs for _ in range(2)]  # every municipality asks at least twice
        picks += rng.choices(orgs, weights=org_weights, k=rng.randint(140, 165))
        days = sorted(rng.choice(self.open_days) for _ in picks)
        rng.shuffle(picks)
        entries = []
        for org, day in zip(picks, days, strict=True):
            minute = rng.randint(35, 67) * 15  # 08:45 .. 16:45
            entries.append((day, minute, org))
        entries.sort(key=lambda e: (e[0], e[1], e[2].code))
        rows: list[Row] = []
        for day, minute, org in entries:
            category = rng.choices(categories, weights=[weights[c] for c in categories])[0]
            spec = rng.choice(by_category[category])
            cell = rng.choice(self.cells_by_org[org.id])
            ctx: dict[str, object] = {"org": org.name, **self.cell_ctx(cell, day)}
            contacts = self.contacts[org.id]
            if rng.random() < 0.6:
                requester = rng.choice(contacts).label
            else:
                surname, _given = self.person()
                dept_pool = "departments_city" if org.org_kind == "市" else "departments_town"
                requester = (
                    f"{self.pick(self.strs(dept_pool))} {surname}{self.pick(self.strs('titles'))}"
                )
            experts = [e for e in self.expert_ids if category in e[1] and e[2]] or [
                e for e in self.expert_ids if e[2]
            ]
            expert_id = rng.choice(experts)[0]
            status, answered, closed = self.consult_status(day)
            issue_id = None
            known = [i for d, i in self.issues_by_org.get(org.id, []) if d <= day]
            if category == "標準化・共通化" and known and rng.random() < 0.3:
                issue_id = rng.choice(known)
            base = 30 if category == "標準化・共通化" else 15
            rows.append(
                {
                    "received_at": f"{day.isoformat()}T{_hhmm(minute)}",
                    "channel": rng.choices(
                        ("電話", "メール", "Web会議", "訪問", "チャット"),
                        weights=(30, 35, 20, 5, 10),
                    )[0],
                    "org_id": org.id,
                    "requester": requester,
                    "category": category,
                    "system_code": cell.system if spec["system"] else None,
                    "topic": _fill(str(spec["topic"]), ctx),
                    "content": _fill(str(spec["content"]), ctx),
                    "expert_id": expert_id,
                    "response": _fill(str(spec["response"]), ctx) if answered else None,
                    "answered_on": _iso(answered),
                    "status": status,
                    "closed_on": _iso(closed),
                    "minutes_spent": base + rng.randint(0, 12) * 15
                    if answered
                    else rng.choice((15, 30)),
                    "issue_id": issue_id,
                    "remarks": self.pick(self.strs("consult_remarks")) or None,
                }
            )
            self.consult_dates.append(day)
        self.add("consultation", rows)

    def consult_status(self, received: date) -> tuple[str, date | None, date | None]:
        rng = self.rng
        late = received > date(FY + 1, 3, 6)
        status = (
            rng.choices(("完了", "対応中", "未対応"), weights=(60, 30, 10))[0] if late else "完了"
        )
        if status == "未対応":
            return status, None, None
        answered = (
            received if rng.random() < 0.3 else self.after_open_days(received, rng.randint(1, 5))
        )
        answered = min(answered, FY_END)
        if status == "対応中":
            return status, answered, None
        closed = (
            answered if rng.random() < 0.6 else self.after_open_days(answered, rng.randint(1, 3))
        )
        return status, answered, min(closed, FY_END)

    # -------------------------------------------------------------- trainings

    def training_rows(self) -> None:
        rng = self.rng
        rows: list[Row] = []
        for i, tr in enumerate(self.t["trainings"]):
            day = date.fromisoformat(str(tr["date"]))
            scope = str(tr["scope"])
            if scope == "all":
                pool = list(self.municipalities)
            elif scope == "bansou":
                pool = [o for o in self.municipalities if o.bansou]
            else:
                areas = scope.split(",")
                pool = [o for o in self.municipalities if o.area in areas]
            share = 1.0 if len(pool) <= 8 else rng.uniform(0.6, 0.9)
            orgs = sorted(rng.sample(pool, max(1, round(len(pool) * share))), key=lambda o: o.code)
            planned = int(tr["planned"])
            row: Row = {
                "title": tr["title"],
                "training_type": tr["type"],
                "date": day.isoformat(),
                "start_time": tr["start"],
                "end_time": tr["end"],
                "place": tr["place"],
                "audience": tr["audience"],
                "org_ids": [o.id for o in orgs],
                "instructor": tr["instructor"],
                "aims": tr["aims"],
                "programme": tr["programme"],
                "planned_participants": planned,
            }
            if "cancelled" in tr:
                row |= {"status": "中止", "issues_found": tr["cancelled"]}
            else:
                participants = round(planned * rng.uniform(0.75, 1.1))
                answers = round(participants * rng.uniform(0.7, 0.95))
                a, c, d = rng.randint(35, 55), rng.randint(2, 8), rng.randint(0, 3)
                b = 100 - a - c - d
                survey = (
                    f"回答{answers}件（回収率{round(answers / participants * 100)}%）。"
                    f"満足度は「満足」{a}%、「やや満足」{b}%、「やや不満」{c}%、「不満」{d}%でした。"
                    + self.pick(self.strs("survey_comments"))
                )
                row |= {
                    "status": "実施済み",
                    "participants": participants,
                    "survey_results": survey,
                    "issues_found": "".join(
                        rng.sample(self.strs("training_issues"), rng.randint(1, 2))
                    ),
                    "proposals": self.pick(self.strs("training_proposals")),
                }
                self.training_days.append((day, participants))
                hours = _work_hours(str(tr["start"]), str(tr["end"]))
                for key in self.training_staff[i]:
                    note = f"{tr['title']}の運営"
                    self.time_plan[(key, day)].append(
                        (hours + 0.5, "研修", None, None, False, note)
                    )
            rows.append(row)
        self.add("training", rows)

    # -------------------------------------------------------------- meetings

    def meeting_rows(self) -> None:
        rng = self.rng
        m = self.t["meeting"]
        pref_people = self.strs("pref_attendees")
        rows: list[Row] = []
        live_before = [c for c in self.cells if c.live]
        for idx, day in enumerate(self.monthly_meetings):
            ours = [
                "lead",
                *[k for k in rng.sample(self.consultant_keys, 3) if self.free(k, day)][:2],
            ]
            for key in ours:
                self.busy[key].add(day)
            if idx == 0:
                title, agenda, minutes = (
                    str(m["kickoff_title"]),
                    str(m["kickoff_agenda"]),
                    str(m["kickoff_minutes"]),
                )
                start, end = "10:00", "11:30"
                report_month = FY_START.month
            else:
                prev = self.monthly_meetings[idx - 1]
                month_start = date(prev.year, prev.month, 1)
                month_end = day.replace(day=1) - ONE_DAY
                in_month = [v for v in self.visits if month_start <= v.date <= month_end]
                held = [(d, n) for d, n in self.training_days if month_start <= d <= month_end]
                training = (
                    _fill(
                        str(m["monthly_training"]),
                        {"n": len(held), "people": sum(n for _, n in held)},
                    )
                    if held
                    else ""
                )
                ctx = {
                    "month": prev.month,
                    "visits": len(in_month),
                    "intensive": sum(1 for v in in_month if v.tag == "intensive"),
                    "consults": sum(1 for d in self.consult_dates if month_start <= d <= month_end),
                    "training": training,
                    "live": sum(1 for c in live_before if c.go_live <= month_end),
                }
                title = _fill(str(m["monthly_title"]), ctx)
                agenda = _fill(str(m["monthly_agenda"]), ctx)
                minutes = _fill(str(m["monthly_minutes"]), ctx)
                start, end = "14:00", "15:30"
                report_month = prev.month
            kickoff = idx == 0
            decision_pool = m["kickoff_decisions"] if kickoff else m["monthly_decisions"]
            action_pool = m["kickoff_actions"] if kickoff else m["monthly_actions"]
            decisions = "\n".join(
                _fill(s, {"month": report_month}) for s in rng.sample(decision_pool, 2)
            )
            actions = "\n".join(
                _fill(s, {"due": self.due_text(day, rng.randint(5, 10))})
                for s in rng.sample(action_pool, 2)
            )
            if idx + 1 < len(self.monthly_meetings):
                nxt = self.monthly_meetings[idx + 1]
                next_meeting = f"{format_wareki(nxt, weekday=True)} 14:00〜 宮崎県庁"
            else:
                next_meeting = "令和8年度 第1回（4月中旬予定）"
            fmt = "対面" if rng.random() < 0.7 else "ハイブリッド"
            rows.append(
                {
                    "title": title,
                    "meeting_type": "月次報告会",
                    "date": day.isoformat(),
                    "start_time": start,
                    "end_time": end,
                    "place": str(m["place"]) + ("（Web会議併用）" if fmt == "ハイブリッド" else ""),
                    "format": fmt,
                    "attendees_pref": rng.sample(pref_people, rng.randint(2, 3)),
                    "attendees_ours": [self.staff_names[k] for k in ours],
                    "agenda": agenda,
                    "minutes": minutes,
                    "decisions": decisions,
                    "action_items": actions,
                    "next_meeting": next_meeting,
                }
            )
            for key in ours:
                self.time_plan[(key, day)].append(
                    (_work_hours(start, end), "会議", None, None, False, "月次報告会への出席")
                )
        rows += self.area_meetings() + self.vendor_meetings() + self.division_meetings()
        rows.sort(key=lambda r: (str(r["date"]), str(r["start_time"])))
        self.add("meeting", rows)

    def meeting_row(
        self,
        *,
        title: str,
        meeting_type: str,
        day: date,
        org: _Org | None,
        attendees_org: list[str],
        staff: list[str],
        agenda: str,
        minutes: str,
        ctx: Mapping[str, object],
    ) -> Row:
        rng = self.rng
        m = self.t["meeting"]
        start = rng.choice(("10:00", "13:30", "14:00", "15:00"))
        end = _hhmm(_minutes(start) + rng.choice((60, 90, 120)))
        fmt = rng.choice(("対面", "オンライン", "ハイブリッド"))
        full = {**ctx, "due": self.due_text(day, rng.randint(5, 10))}
        due2 = {**ctx, "due": self.due_text(day, rng.randint(10, 15))}
        for key in staff:
            self.busy[key].add(day)
            self.time_plan[(key, day)].append(
                (
                    _work_hours(start, end),
                    "会議",
                    org.id if org else None,
                    None,
                    False,  # on_site is kept for visits
                    title,
                )
            )
        return {
            "title": title,
            "meeting_type": meeting_type,
            "date": day.isoformat(),
            "start_time": start,
            "end_time": end,
            "place": "Web会議"
            if fmt == "オンライン"
            else (org.office if org else "宮崎県庁") + " 会議室",
            "format": fmt,
            "org_id": org.id if org else None,
            "attendees_org": attendees_org,
            "attendees_pref": rng.sample(self.strs("pref_attendees"), 1),
            "attendees_ours": [self.staff_names[k] for k in staff],
            "agenda": agenda,
            "minutes": minutes,
            "decisions": "\n".join(_fill(s, full) for s in rng.sample(m["generic_decisions"], 2)),
            "action_items": "\n".join(
                _fill(s, c)
                for s, c in zip(rng.sample(m["generic_actions"], 2), (full, due2), strict=True)
            ),
            "next_meeting": "日程は別途調整",
        }

    def meeting_day(self, staff: str, lo: date, hi: date) -> date:
        pool = [d for d in self.open_days if lo <= d <= hi and self.free(staff, d)]
        return self.rng.choice(pool)

    def area_meetings(self) -> list[Row]:
        m = self.t["meeting"]
        rows: list[Row] = []
        for area in dict.fromkeys(o.area for o in self.municipalities):
            staff = self.area_staff[area]
            day = self.meeting_day(staff, date(FY, 9, 1), date(FY, 11, 28))
            members = [o for o in self.municipalities if o.area == area]
            attendees = [f"{o.name} {self.contacts[o.id][0].label}" for o in members]
            titles = [str(s["title"]) for s in self.t["issues"] if "{" not in str(s["title"])]
            ctx = {
                "area": area,
                "issue": self.pick([*titles, "データクレンジングの進め方", "移行後の運用経費"]),
                "vendor": "",
            }
            rows.append(
                self.meeting_row(
                    title=_fill(str(m["area_title"]), ctx),
                    meeting_type="定例会",
                    day=day,
                    org=None,
                    attendees_org=attendees,
                    staff=[staff],
                    agenda=str(m["area_agenda"]),
                    minutes=_fill(str(m["area_minutes"]), ctx),
                    ctx=ctx,
                )
            )
        return rows

    def vendor_meetings(self) -> list[Row]:
        m = self.t["meeting"]
        members: Counter[str] = Counter()
        for v in self.t["vendors"]:
            if v["main"]:
                members[str(v["key"])] = len({c.org.id for c in self.cells if c.vendor == v["key"]})
        rows: list[Row] = []
        for key, _n in sorted(members.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
            orgs = list(
                dict.fromkeys(
                    c.org for c in self.cells if c.vendor == key and not c.org.is_division
                )
            )
            day = self.meeting_day("lead", date(FY, 6, 1), date(FY, 10, 31))
            staff = ["lead", *[k for k in self.consultant_keys if self.free(k, day)][:1]]
            ctx = {"vendor": self.vendor_short[key]}
            rows.append(
                self.meeting_row(
                    title=_fill(str(m["vendor_title"]), ctx),
                    meeting_type="打合せ",
                    day=day,
                    org=None,
                    attendees_org=[f"{o.name} {self.contacts[o.id][0].label}" for o in orgs],
                    staff=staff,
                    agenda=_fill(str(m["vendor_agenda"]), ctx),
                    minutes=_fill(str(m["vendor_minutes"]), ctx),
                    ctx=ctx,
                )
            )
        return rows

    def division_meetings(self) -> list[Row]:
        m = self.t["meeting"]
        rows: list[Row] = []
        for org in self.orgs:
            if not org.is_division:
                continue
            cell = self.cells_by_org[org.id][0]
            staff = self.area_staff["県"]
            for lo, hi in (
                (date(FY, 5, 7), date(FY, 6, 30)),
                (date(FY, 11, 4), date(FY + 1, 1, 30)),
            ):
                day = self.meeting_day(staff, lo, hi)
                ctx = {
                    "org": org.name,
                    "system": self.system_names[cell.system],
                    "vendor": self.vendor_short[cell.vendor],
                }
                rows.append(
                    self.meeting_row(
                        title=_fill(str(m["pref_title"]), ctx),
                        meeting_type="打合せ",
                        day=day,
                        org=org,
                        attendees_org=[c.label for c in self.contacts[org.id]],
                        staff=[staff],
                        agenda=str(m["pref_agenda"]),
                        minutes=_fill(str(m["pref_minutes"]), ctx),
                        ctx=ctx,
                    )
                )
        return rows

    # -------------------------------------------------------------- time entries

    def travel_hours(self, visit: _Visit, staff: str) -> float:
        travel = self.t["travel_hours"]
        if visit.tag == "intensive" and staff == visit.staff:
            return float(travel["stationed"])
        by_org: dict[str, float] = travel["org"]
        by_area: dict[str, float] = travel["area"]
        return float(by_org.get(visit.org.code, by_area.get(visit.org.area, 1.0)))

    def time_rows(self) -> None:
        rng = self.rng
        activity = {
            "現地支援": "現地支援",
            "ヒアリング": "ヒアリング",
            "定例訪問": "ヒアリング",
            "打合せ": "会議",
            "研修・勉強会": "研修",
            "その他": "その他",
        }
        for v in self.visits:
            for key in v.ours:
                plan = self.time_plan[(key, v.date)]
                plan.append((v.hours, activity[v.purpose], v.org.id, v, v.mode == "訪問", v.title))
                if v.mode == "訪問":
                    plan.append(
                        (
                            self.travel_hours(v, key),
                            "移動",
                            v.org.id,
                            v,
                            False,
                            f"{v.org.name}への移動（往復）",
                        )
                    )
        desk = self.strs("time_desk")
        internal = self.strs("time_internal")
        rows: list[Row] = []
        for day in self.open_days:
            for key in ["lead", *self.consultant_keys]:
                if day in self.leave[key]:
                    continue
                plan = list(self.time_plan.get((key, day), []))
                if key == "lead" and not plan and rng.random() < 0.6:
                    continue  # the lead also manages other contracts
                target = (
                    rng.choice((7.0, 7.5, 7.5, 8.0))
                    if key != "lead"
                    else rng.choice((2.0, 3.0, 4.0))
                )
                rest = target - sum(p[0] for p in plan)
                visit = next((p[3] for p in plan if p[3] is not None), None)
                if rest >= 0.5:
                    if visit is not None:
                        plan.append(
                            (
                                rest,
                                "資料作成",
                                visit.org.id,
                                visit,
                                False,
                                f"{visit.org.name} 訪問記録の作成",
                            )
                        )
                    elif rest > 4.5 and rng.random() < 0.5:
                        meet = rng.choice((1.0, 1.5))
                        plan.append((meet, "会議", None, None, False, self.pick(internal)))
                        plan.append((rest - meet, "資料作成", None, None, False, self.pick(desk)))
                    else:
                        plan.append((rest, "資料作成", None, None, False, self.pick(desk)))
                for hours, act, org_id, linked, on_site, note in plan:
                    rows.append(
                        {
                            "date": day.isoformat(),
                            "staff_id": self.staff_ids[key],
                            "org_id": org_id,
                            "hours": max(0.25, round(hours * 4) / 4),
                            "on_site": on_site,
                            "activity": act,
                            "visit_id": linked.id if linked is not None else None,
                            "note": note,
                        }
                    )
        self.add("time", rows)

    # -------------------------------------------------------------- goals and case studies

    def goal_rows(self) -> None:
        rng = self.rng
        specs = self.t["goals"]
        month_ends = [date(y, mo, 1) + timedelta(days=32) for y, mo in _fy_months()]
        month_ends = [d.replace(day=1) - ONE_DAY for d in month_ends]
        bansou_live = [c for c in self.cells if c.live and c.org.bansou]
        series: dict[str, list[float]] = {
            "consultations": [
                float(sum(1 for d in self.consult_dates if d <= e)) for e in month_ends
            ],
            "participants": [
                float(sum(n for d, n in self.training_days if d <= e)) for e in month_ends
            ],
            "intensive_days": [
                float(sum(1 for v in self.visits if v.tag == "intensive" and v.date <= e))
                for e in month_ends
            ],
            "live_cells": [
                float(sum(1 for c in bansou_live if c.go_live <= e)) for e in month_ends
            ],
            "frontyard": [
                float(sum(1 for m in self.frontyard.values() if m <= i)) for i in range(12)
            ],
            "ai": [float(sum(1 for m in self.ai_trials.values() if m <= i)) for i in range(12)],
        }
        live_target = math.ceil((len(bansou_live) + rng.randint(6, 12)) / 10) * 10
        rows: list[Row] = []
        for g in specs:
            target = live_target if g["key"] == "live_cells" else g["target"]
            rows.append(
                {
                    "fy": FY,
                    "title": g["title"],
                    "category": g["category"],
                    "description": g["description"],
                    "target_value": target,
                    "unit": g["unit"],
                }
            )
        ids = self.add("goal", rows)
        progress: list[Row] = []
        for g, row, goal_id in zip(specs, rows, ids, strict=True):
            values = series[str(g["key"])]
            target = float(str(row["target_value"]))
            for (year, month), value in zip(_fy_months(), values, strict=True):
                pct = round(value / target * 100) if target else 0
                note = f"{month}月末時点の累計は{value:g}{g['unit']}（目標比{pct}%）です。"
                note += self.pick(self.strs("goal_comments", self.pace(g, pct, len(progress) % 12)))
                progress.append(
                    {
                        "goal_id": goal_id,
                        "month": f"{year:04d}-{month:02d}",
                        "value": value,
                        "note": note,
                    }
                )
        self.add("goal_progress", progress)

    @staticmethod
    def pace(goal: Mapping[str, Any], pct: int, month_index: int) -> str:
        """Which comment fits a cumulative value: against a straight line to the target."""
        expected = (month_index + 1) / 12 * 100
        if pct >= expected * 1.1:
            return "ahead"
        if pct >= expected * 0.85:
            return "on_track"
        return "live_cells" if goal["key"] == "live_cells" else "behind"

    def case_study_rows(self) -> None:
        rows: list[Row] = []
        for cs in self.t["case_studies"]:
            org = self.org_by_code[str(cs["org"])]
            rows.append(
                {
                    "org_id": org.id,
                    "engagement_id": self.engagement_ids.get(org.id),
                    "title": cs["title"],
                    "status": cs["status"],
                    "background": cs["background"],
                    "approach": cs["approach"],
                    "results": cs["results"],
                    "lessons": cs["lessons"],
                }
            )
        self.add("case_study", rows)


def _fy_months() -> list[tuple[int, int]]:
    return [(FY, m) for m in range(4, 13)] + [(FY + 1, m) for m in range(1, 4)]


def _ensure_empty(service: RecordService) -> None:
    for name in _WORK_KINDS:
        if service.store.count(kind(name)):
            raise UserError(
                "bad_argument",
                detail=f"このプロファイルには既に「{kind(name).label}」の記録があります。"
                "デモデータは新しいプロファイルに作成してください。",
            )


def populate_demo(profile: Profile, *, seed: int = 2025) -> dict[str, int]:
    """Fill an open, empty profile with a fiscal year (FY2025) of fictional work.

    Returns how many records of each kind were added (kinds with none are left out). The
    whole population is one transaction: on any failure the profile is left as it was.
    Refuses a profile that already holds visits, vendors, progress or other work records.
    """
    service = RecordService(profile)
    _ensure_empty(service)
    builder = _Builder(profile, seed)
    with profile.database.transaction():
        builder.run()
    return dict(builder.counts)


__all__ = ["populate_demo"]
