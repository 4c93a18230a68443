"""月次作業報告書 (monthly work report), due the 10th of the following month.

Summary tables first (activity per organisation, days on site against the intensive-support
target, goals, consultations, trainings, issues shared with the prefecture, next month's plans),
then one section per organisation: what was heard at each hearing, progress of the
standardisation steps, issues with countermeasures and response status, and next actions.
``monthly_data`` gathers everything in plain dataclasses; tests compare it with the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dxdesk.core import progress as progress_rules
from dxdesk.core import reference
from dxdesk.core.calendar import DueDate, OfficeCalendar, format_fiscal_year
from dxdesk.core.model import DEFAULT_TARGET_DAYS, QUIET_ORG_MODES, SUPPORT_KINDS, kind
from dxdesk.reports import sections
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._communication import communication_tool_section
from dxdesk.reports.documents._queries import (
    ACTIVE_TIME,
    SITE_DAYS,
    UNASSIGNED_LABEL,
    Org,
    Period,
    hours_text,
    live_org,
    month_period,
    organisations,
    period_text,
    supervisor_name,
    supporter_names,
    text,
    to_date,
    unassigned_hours,
)
from dxdesk.reports.pdf import PdfDocument
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store import progress as progress_rows
from dxdesk.store.database import Database
from dxdesk.store.meanings import open_clause

TITLE = "月次作業報告書"
CONTRACT = "自治体DXサポート強化業務"


@dataclass
class OrgMonth:
    org: Org
    visits: list[dict[str, Any]] = field(default_factory=list)
    consultations: int = 0
    new_issues: int = 0
    shared_issues: int = 0
    site_days: int = 0
    site_hours: float = 0.0
    hours: float = 0.0
    target_days: int | None = None  # set when the organisation has intensive support
    supporter: str = ""
    theme: str = ""
    issues: list[dict[str, Any]] = field(default_factory=list)
    progress: list[tuple[str, str]] = field(default_factory=list)  # (system, what happened)
    steps_done: list[tuple[str, int]] = field(default_factory=list)  # (system, steps completed)
    moved: bool = False  # a cell's rate, furthest step or 運用開始 changed over the month
    # The organisation's 完了率 (all its systems, as 総務省 sums them) at the previous month's
    # end and at this month's, when it moved
    rate: tuple[float, float] | None = None
    went_live: list[str] = field(default_factory=list)  # systems live on the standard this month
    next_visits: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hearings(self) -> int:
        return sum(1 for v in self.visits if v.get("purpose") == "ヒアリング")

    @property
    def active(self) -> bool:
        """Work with this organisation this month: it gets a section of its own. Progress of
        the standardisation alone is reported in the progress table (compact by default)."""
        return bool(
            self.visits
            or self.consultations
            or self.new_issues
            or self.shared_issues
            or self.site_days
            or self.hours
        )


@dataclass
class Monthly:
    period: Period
    due: DueDate
    orgs: list[OrgMonth]  # every organisation, in code order; ``active`` ones are reported
    consultations: list[dict[str, Any]]
    trainings: list[dict[str, Any]]
    goals: list[dict[str, Any]]
    shared_issues: list[dict[str, Any]]
    plans: list[tuple[date, str, str]]  # next month: (date, organisation or "", what)
    next_label: str
    # Hours of work for no one organisation (資料作成, 会議, 研修…), by activity: reported so
    # that the month's total is complete.
    unassigned: list[tuple[str, float]] = field(default_factory=list)

    @property
    def reported(self) -> list[OrgMonth]:
        """The summary lists every organisation (the contract covers them all)."""
        return self.orgs

    @property
    def detailed(self) -> list[OrgMonth]:
        return [o for o in self.orgs if o.active]

    @property
    def quiet(self) -> list[OrgMonth]:
        """Organisations with no work this month: one closing line names them."""
        return [o for o in self.orgs if not o.active]

    @property
    def progressed(self) -> list[OrgMonth]:
        return [o for o in self.orgs if o.steps_done or o.moved or o.went_live]

    @property
    def engaged(self) -> list[OrgMonth]:
        return [o for o in self.orgs if o.target_days is not None]

    def total(self, attr: str) -> float:
        return sum(float(getattr(o, attr)) for o in self.orgs)

    @property
    def unassigned_hours(self) -> float:
        return sum(h for _, h in self.unassigned)

    @property
    def work_hours(self) -> float:
        """Every active hour of the month: the organisations' and the unassigned."""
        return self.total("hours") + self.unassigned_hours

    @property
    def visit_count(self) -> int:
        return sum(len(o.visits) for o in self.orgs)

    @property
    def hearing_count(self) -> int:
        return sum(o.hearings for o in self.orgs)


@dataclass
class Page:
    """What a section builder gets: the document, the month's figures, the template and the
    number each printed section has (a section may refer to another by its number)."""

    doc: PdfDocument
    data: Monthly
    layout: sections.Layout
    numbers: dict[str, int]
    notes: dict[str, str]  # the month's free text by section key
    db: Database  # for a section that reads what the month's figures do not hold


def _next_month(first: date) -> str:
    return f"{first.year + first.month // 12:04d}-{first.month % 12 + 1:02d}"


def _hours(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def monthly_data(
    db: Database, month: str, calendar: OfficeCalendar, rule: str = "earlier"
) -> Monthly:
    p = month_period(month)
    params = p.params
    orgs = {o.id: OrgMonth(o) for o in organisations(db)}
    systems = {s.code: s.short_name or s.name for s in reference.business_systems()}
    steps = {s.no: s for s in reference.procedure_steps()}

    for v in db.query(
        "SELECT * FROM visit WHERE _deleted = 0 AND date BETWEEN :start AND :end"
        " ORDER BY date, start_time, rid",
        params,
    ):
        if v["org_id"] in orgs:
            orgs[v["org_id"]].visits.append(v)
    for r in db.query(
        "SELECT org_id, count(*) AS n FROM consultation WHERE _deleted = 0"
        " AND substr(received_at, 1, 10) BETWEEN :start AND :end GROUP BY org_id",
        params,
    ):
        if r["org_id"] in orgs:
            orgs[r["org_id"]].consultations = int(r["n"])
    for r in db.query(
        "SELECT org_id, sum(raised_on BETWEEN :start AND :end) AS new,"
        " sum(shared_on BETWEEN :start AND :end) AS shared FROM issue WHERE _deleted = 0"
        " GROUP BY org_id",
        params,
    ):
        if r["org_id"] in orgs:
            orgs[r["org_id"]].new_issues = int(r["new"] or 0)
            orgs[r["org_id"]].shared_issues = int(r["shared"] or 0)
    for r in db.query(
        f"SELECT org_id, count(DISTINCT d) AS n FROM ({SITE_DAYS}) GROUP BY org_id", params
    ):
        if r["org_id"] in orgs:
            orgs[r["org_id"]].site_days = int(r["n"])
    for r in db.query(
        "SELECT t.org_id, sum(t.hours) AS hours,"
        " sum(CASE WHEN t.on_site = 1 THEN t.hours ELSE 0 END) AS site"
        f' FROM "time" AS t WHERE {ACTIVE_TIME} AND t.org_id IS NOT NULL'
        " AND t.date BETWEEN :start AND :end GROUP BY t.org_id",
        params,
    ):
        if r["org_id"] in orgs:
            orgs[r["org_id"]].hours = _hours(r["hours"])
            orgs[r["org_id"]].site_hours = _hours(r["site"])
    for r in db.query(
        "SELECT * FROM engagement WHERE _deleted = 0 AND fy = :fy"
        " AND (start_date IS NULL OR start_date <= :end)"
        " AND (end_date IS NULL OR end_date >= :start) ORDER BY rid",
        {**params, "fy": p.fy},
    ):
        o = orgs.get(r["org_id"])
        if o is not None:
            target = r["target_days"]
            o.target_days = max(o.target_days or 0, int(target or DEFAULT_TARGET_DAYS))
            o.supporter = supporter_names(db, str(r["id"]))
            o.theme = text(r["theme"])
    # Issues to report: raised, shared or closed this month, or still open at its end.
    for r in db.query(
        "SELECT * FROM issue WHERE _deleted = 0 AND (raised_on IS NULL OR raised_on <= :end) AND ("
        " raised_on BETWEEN :start AND :end OR shared_on BETWEEN :start AND :end"
        f" OR closed_on BETWEEN :start AND :end OR {open_clause(kind('issue'))})"
        " ORDER BY raised_on, rid",
        params,
    ):
        if r["org_id"] in orgs:
            orgs[r["org_id"]].issues.append(r)
    # Progress: the matrix at the month's end against the previous month's end (前月からの
    # 変化), both rebuilt from the change log: steps completed, rates that moved.
    eve = p.start - timedelta(days=1)
    before = progress_rows.cells_of(progress_rows.read_at(db, eve), eve)
    after = progress_rows.cells_of(progress_rows.read_at(db, p.end), p.end)
    for mv in progress_rules.moves(before, after):
        if mv.org_id not in orgs or not (mv.completed or mv.changed):
            continue
        name = systems.get(mv.system_code, mv.system_code)
        om = orgs[mv.org_id]
        if mv.completed:
            last = steps.get(max(mv.completed))
            latest = f"{last.item} {last.name}" if last else f"ステップ{max(mv.completed)}"
            om.progress.append(
                (name, f"手順書ステップ {len(mv.completed)}件完了（最新：{latest}）")
            )
            om.steps_done.append((name, len(mv.completed)))
        om.moved = True
    for org_id, om in orgs.items():
        if om.moved:
            om.rate = (
                progress_rules.total(c for c in before if c.org_id == org_id).completion_rate,
                progress_rules.total(c for c in after if c.org_id == org_id).completion_rate,
            )
    for r in db.query(
        "SELECT org_id, system_code FROM system_status WHERE _deleted = 0 AND live = 1"
        " AND planned_go_live BETWEEN :start AND :end ORDER BY system_code",
        params,
    ):
        if r["org_id"] in orgs:
            name = systems.get(str(r["system_code"]), str(r["system_code"]))
            orgs[r["org_id"]].progress.append((name, "標準準拠システムの運用開始"))
            orgs[r["org_id"]].went_live.append(name)

    following = month_period(_next_month(p.start))
    plans: list[tuple[date, str, str]] = []
    for v in db.query(
        "SELECT * FROM visit WHERE _deleted = 0 AND date BETWEEN :start AND :end"
        " ORDER BY date, start_time, rid",
        following.params,
    ):
        o = orgs.get(v["org_id"])
        if o is not None:
            o.next_visits.append(v)
            d = to_date(v["date"])
            if d:
                plans.append((d, o.org.name, f"{text(v['mode'])}：{text(v['title'])}"))
    for t in db.query(
        "SELECT date, title, training_type FROM training WHERE _deleted = 0"
        " AND status != '中止' AND date BETWEEN :start AND :end",
        following.params,
    ):
        d = to_date(t["date"])
        if d:
            plans.append((d, "", f"{text(t['training_type'])}：{text(t['title'])}"))
    for m in db.query(
        "SELECT date, title FROM meeting WHERE _deleted = 0 AND date BETWEEN :start AND :end",
        following.params,
    ):
        d = to_date(m["date"])
        if d:
            plans.append((d, "", f"会議：{text(m['title'])}"))
    plans.sort(key=lambda x: (x[0], x[1]))

    consultations = db.query(
        "SELECT c.*, o.name AS org_name FROM consultation c"
        f" JOIN organisation o ON o.id = c.org_id WHERE c._deleted = 0 AND {live_org('c.org_id')}"
        " AND substr(c.received_at, 1, 10) BETWEEN :start AND :end ORDER BY c.received_at, c.rid",
        params,
    )
    trainings = db.query(
        "SELECT * FROM training WHERE _deleted = 0 AND date BETWEEN :start AND :end"
        " ORDER BY date, rid",
        params,
    )
    # The month's own record: what was done, where the goal stands, what comes next (an
    # older record's one 説明 where those are empty).
    month_part = (
        " (SELECT {col} FROM goal_progress p WHERE p.goal_id = g.id AND p._deleted = 0"
        "  AND p.month = :month LIMIT 1) AS {col}"
    )
    goals = db.query(
        "SELECT g.title, g.indicator, g.target_value, g.unit,"
        " (SELECT value FROM goal_progress p WHERE p.goal_id = g.id AND p._deleted = 0"
        "  AND p.month <= :month ORDER BY p.month DESC LIMIT 1) AS value,"
        + ",".join(
            month_part.format(col=c) for c in ("note", "actions", "achievement", "next_steps")
        )
        + " FROM goal g WHERE g._deleted = 0 AND g.fy = :fy ORDER BY g.rid",
        {"month": p.start.strftime("%Y-%m"), "fy": p.fy},
    )
    shared = db.query(
        "SELECT i.*, o.name AS org_name FROM issue i JOIN organisation o ON o.id = i.org_id"
        f" WHERE i._deleted = 0 AND {live_org('i.org_id')}"
        " AND i.shared_on BETWEEN :start AND :end ORDER BY i.shared_on, i.rid",
        params,
    )
    return Monthly(
        period=p,
        due=calendar.monthly_report_deadline(p.start.year, p.start.month, rule),
        orgs=list(orgs.values()),
        consultations=consultations,
        trainings=trainings,
        goals=goals,
        shared_issues=shared,
        plans=plans,
        next_label=following.label,
        unassigned=unassigned_hours(db, params["start"], params["end"]),
    )


def _load(ctx: ReportContext) -> Monthly:
    month = ctx.request.month or ""
    data = monthly_data(ctx.database, month, ctx.calendar, ctx.settings.monthly_report_rule)
    if not (data.visit_count or data.consultations or data.trainings or data.work_hours):
        raise ctx.no_data(data.period.label)
    return data


def _ratio(done: float, target: float | None) -> str:
    if not target:
        return ""
    return f"{done / target * 100:.0f}%"


def _mmdd(value: object) -> str:
    d = to_date(value)
    return f"{d.month}/{d.day}" if d else ""


def _time_span(v: dict[str, Any]) -> str:
    if v.get("start_time") and v.get("end_time"):
        return f"{v['start_time']}〜{v['end_time']}"
    return ""


def _org_rows(data: Monthly) -> list[list[object]]:
    return [
        [
            o.org.name,
            len(o.visits),
            o.hearings,
            o.consultations,
            o.new_issues,
            o.shared_issues,
            o.site_days,
            o.site_hours,
            o.hours,
        ]
        for o in data.reported
    ]


ORG_HEADER = [
    "団体",
    "訪問等",
    "うち\nヒアリング",
    "相談",
    "新規\n課題",
    "県へ\n共有",
    "現地\n日数",
    "現地\n時間",
    "作業\n時間",
]


def _overview(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    modes = Counter(str(v["mode"]) for o in data.orgs for v in o.visits)
    mode_text = "、".join(f"{m}{n}件" for m, n in sorted(modes.items()))
    doc.table(
        ["項目", "実績", "備考"],
        [
            ["訪問・ヒアリング等", f"{data.visit_count}件", mode_text],
            ["うちヒアリング", f"{data.hearing_count}件", ""],
            ["相談対応", f"{len(data.consultations)}件", ""],
            ["研修・ワークショップ", f"{len(data.trainings)}件", ""],
            ["新規に把握した課題", f"{int(data.total('new_issues'))}件", ""],
            ["県へ共有した課題", f"{len(data.shared_issues)}件", ""],
            ["現地支援日数（団体別の延べ日数）", f"{int(data.total('site_days'))}日", ""],
            ["作業時間（団体別の計）", f"{data.total('hours'):g}時間", ""],
            [UNASSIGNED_LABEL, f"{data.unassigned_hours:g}時間", hours_text(data.unassigned)],
            ["作業時間（合計）", f"{data.work_hours:g}時間", ""],
        ],
        widths=[4, 2, 4],
        align="LRL",
    )


def _per_org(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    rows = _org_rows(data)
    reported = data.reported
    total: list[object] = [
        "合計",
        sum(len(o.visits) for o in reported),
        sum(o.hearings for o in reported),
        sum(o.consultations for o in reported),
        sum(o.new_issues for o in reported),
        sum(o.shared_issues for o in reported),
        sum(o.site_days for o in reported),
        sum(o.site_hours for o in reported),
        sum(o.hours for o in reported),
    ]
    doc.table(
        ORG_HEADER,
        rows,
        widths=[3.2, 1.2, 1.6, 1, 1.2, 1.2, 1.2, 1.2, 1.2],
        align="LRRRRRRRR",
        total=total,
    )
    doc.paragraph(
        "現地日数：訪問した日、または現地での作業を記録した日の数（同じ日は1日）。"
        "時間は工数記録（訂正後の有効な記録）の合計。",
        small=True,
    )


def _engagement(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    rows: list[list[object]] = []
    for o in data.engaged:
        gap = o.site_days - (o.target_days or 0)
        rows.append(
            [
                o.org.name,
                o.supporter,
                o.target_days,
                o.site_days,
                _ratio(o.site_days, o.target_days),
                f"{gap:+d}" if gap else "±0",
                o.site_hours,
            ]
        )
    doc.table(
        ["団体", "常時支援者", "目標日数", "実績日数", "達成率", "差", "現地時間"],
        rows,
        widths=[3, 2.4, 1.2, 1.2, 1.2, 1, 1.2],
        align="LLRRRRR",
        empty_text="当月に集中支援の対象団体はありません。",
    )


# A month of a goal in three parts, each printed under its field's label (core/model.py).
GOAL_PARTS = ("actions", "achievement", "next_steps")


def goal_month_text(g: Mapping[str, Any]) -> str:
    """A goal's month as printed: its three parts, each labelled; an older record's 説明."""
    progress = kind("goal_progress")
    parts = [f"【{progress.field(c).label}】{text(g[c])}" for c in GOAL_PARTS if text(g[c])]
    return "\n".join(parts) or text(g["note"])


def _goals(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    rows = []
    for g in data.goals:
        unit = text(g["unit"])
        target = g["target_value"]
        value = g["value"]
        title = text(g["title"])
        if text(g["indicator"]):
            title += f"\n（指標：{text(g['indicator'])}）"
        rows.append(
            [
                title,
                f"{target:g}{unit}" if target is not None else "",
                f"{value:g}{unit}" if value is not None else "",
                _ratio(value or 0, target),
                goal_month_text(g),
            ]
        )
    doc.table(
        ["目標", "目標値", "累計実績", "達成率", "当月の取組と状況"],
        rows,
        widths=[3.4, 1.2, 1.2, 1.0, 6.2],
        align="LRRRL",
        empty_text="当年度の目標は登録されていません。",
    )


def _consultations(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    by_cat = Counter(str(c["category"]) for c in data.consultations)
    if by_cat:
        doc.table(
            ["分類", "件数"],
            [[k, n] for k, n in by_cat.most_common()],
            widths=[3, 1],
            align="LR",
            width=0.5,
        )
    # The kind of support given (6(2)ア), in the model's order; a consultation without one is
    # counted apart so the two tables add up to the same month.
    by_support = Counter(str(c["support_kind"] or "") for c in data.consultations)
    if by_support.keys() - {""}:
        rows: list[list[object]] = [[k, by_support[k]] for k in SUPPORT_KINDS if by_support[k]]
        if by_support[""]:
            rows.append(["（未設定）", by_support[""]])
        doc.table(["支援の種類", "件数"], rows, widths=[3, 1], align="LR", width=0.5)
    _records_table(
        doc,
        [
            ("受付日", 1, "C", lambda c: _mmdd(c["received_at"])),
            ("団体", 2, "L", lambda c: text(c["org_name"])),
            ("分類", 2.6, "L", lambda c: text(c["category"])),
            ("件名", 5.6, "L", lambda c: text(c["topic"])),
            ("状態", 1.1, "C", lambda c: text(c["status"])),
        ],
        data.consultations,
        "当月の相談はありません。",
    )


# (header, relative width, alignment L/C/R, value of a database row)
Column = tuple[str, float, str, Callable[[dict[str, Any]], object]]


def _records_table(
    doc: PdfDocument, columns: list[Column], records: list[dict[str, Any]], empty_text: str
) -> None:
    doc.table(
        [c[0] for c in columns],
        [[c[3](r) for c in columns] for r in records],
        widths=[c[1] for c in columns],
        align="".join(c[2] for c in columns),
        empty_text=empty_text,
    )


def _trainings(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    _records_table(
        doc,
        [
            ("実施日", 1.4, "C", lambda t: to_date(t["date"])),
            ("名称", 5.6, "L", lambda t: text(t["title"])),
            ("種別", 2.2, "C", lambda t: text(t["training_type"])),
            ("参加人数", 1.3, "R", lambda t: t["participants"]),
            ("状態", 1.3, "C", lambda t: text(t["status"])),
        ],
        data.trainings,
        "当月の研修・ワークショップはありません。",
    )


def _shared(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    _records_table(
        doc,
        [
            ("共有日", 1.2, "C", lambda i: _mmdd(i["shared_on"])),
            ("団体", 1.8, "L", lambda i: text(i["org_name"])),
            ("課題", 3.5, "L", lambda i: text(i["title"])),
            ("対策", 5.3, "L", lambda i: text(i["countermeasure"])),
            ("状態", 1.1, "C", lambda i: text(i["status"])),
        ],
        data.shared_issues,
        "当月に県へ共有した課題はありません。",
    )


def _plans(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    doc.heading(heading)
    doc.table(
        ["予定日", "団体", "内容"],
        [[d, org, what] for d, org, what in data.plans],
        widths=[1.4, 2.2, 8],
        align="CLL",
        empty_text="翌月の予定は登録されていません（団体別の次回対応をご参照ください）。",
    )


def _progress(page: Page, heading: str) -> None:
    """The month's standardisation progress against the previous month's end (前月からの変化),
    one row per organisation that moved (with work or without): steps completed by system,
    完了率 before and after where it moved, and systems that went live."""
    doc, data = page.doc, page.data
    doc.heading(heading)
    rows = []
    for o in data.progressed:
        steps = sum(n for _, n in o.steps_done)
        by_system = "、".join(f"{s}{n}件" for s, n in o.steps_done)
        rates = f"{o.rate[0]:.1f}% → {o.rate[1]:.1f}%" if o.rate else ""
        rows.append(
            [
                o.org.name,
                f"{steps}件（{by_system}）" if steps else "",
                rates,
                "、".join(o.went_live),
            ]
        )
    doc.table(
        [
            "団体",
            "完了した手順書ステップ（業務システム別の件数）",
            "団体の完了率（前月末→当月末）",
            "運用開始",
        ],
        rows,
        widths=[2.4, 5.8, 2.6, 2.0],
        align="LLLL",
        empty_text="当月に完了した手順書ステップはありません。",
    )


def _details(page: Page, heading: str) -> None:
    doc, data = page.doc, page.data
    every = page.layout.quiet_orgs == QUIET_ORG_MODES[2]
    orgs = data.orgs if every else data.detailed
    doc.page_break()
    doc.heading(heading)
    for n, o in enumerate(orgs, start=1):
        doc.heading(f"({n}) {o.org.name}", level=1)
        facts = [
            (
                "当月の実績",
                f"訪問等 {len(o.visits)}件（うちヒアリング {o.hearings}件）、"
                f"相談 {o.consultations}件、現地 {o.site_days}日・{o.site_hours:g}時間、"
                f"作業時間 {o.hours:g}時間",
            ),
        ]
        if o.target_days is not None:
            facts.append(
                (
                    "集中支援",
                    f"目標 {o.target_days}日に対し {o.site_days}日"
                    f"（{_ratio(o.site_days, o.target_days)}）　{o.theme}",
                )
            )
        doc.key_values(facts, key_width_mm=28)
        doc.heading("ヒアリング等の実施状況と把握した内容", level=2)
        rows = []
        for v in o.visits:
            when = f"{_mmdd(v['date'])}\n{_time_span(v)}".strip()
            body = f"【{text(v['title'])}】\n{text(v['notes'])}"
            if v.get("findings"):
                body += f"\n所見：{text(v['findings'])}"
            rows.append([when, f"{text(v['mode'])}\n{text(v['purpose'])}".strip(), body])
        doc.table(
            ["日付", "形態", "内容"],
            rows,
            widths=[1.2, 1.6, 10],
            align="CLL",
            empty_text="当月の訪問・ヒアリングはありません。",
        )
        doc.heading("課題と対応状況", level=2)
        rows = []
        for i in o.issues:
            marks = []
            if _in(i.get("raised_on"), data.period):
                marks.append("新規")
            if _in(i.get("shared_on"), data.period):
                marks.append("県共有")
            title = text(i["title"]) + (f"（{'・'.join(marks)}）" if marks else "")
            rows.append(
                [title, text(i["countermeasure"]), text(i["response_status"]), text(i["status"])]
            )
        doc.table(
            ["課題", "対策", "対応状況", "状態"],
            rows,
            widths=[3.2, 4.2, 4.2, 1.1],
            align="LLLC",
            empty_text="報告する課題はありません。",
        )
        actions = [text(v["next_actions"]) for v in o.visits if v.get("next_actions")]
        plans = [f"{_mmdd(v['date'])} {text(v['title'])}" for v in o.next_visits]
        if actions or plans:
            doc.heading("次回対応・翌月の予定", level=2)
            for line in plans:
                doc.paragraph(f"予定：{line}")
            if actions:
                doc.paragraph(actions[-1])
    if every or not data.quiet:
        return
    # Where the progress of the quiet ones is reported, when the template prints that table.
    progress = page.numbers.get("progress")
    where = f"（標準化の進捗は{progress}.に記載）" if progress else ""
    if page.layout.quiet_orgs == QUIET_ORG_MODES[1]:
        doc.heading(f"当月の記録がない団体（{len(data.quiet)}団体）", level=1)
        doc.table(
            ["団体", "当月の状況"],
            [[o.org.name, "訪問・相談・工数等の記録なし"] for o in data.quiet],
            widths=[3, 9],
            align="LL",
        )
        if where:
            doc.paragraph(where.strip("（）") + "。", small=True)
        return
    names = "、".join(o.org.name for o in data.quiet)
    doc.paragraph(
        f"上記以外の{len(data.quiet)}団体（{names}）は、当月の訪問・相談・工数等の記録は"
        f"ありません{where}。"
    )


def _in(value: object, p: Period) -> bool:
    d = to_date(value)
    return d is not None and p.start <= d <= p.end


def build_pdf(ctx: ReportContext) -> bytes:
    data = _load(ctx)
    doc = ctx.new_pdf(TITLE, org_name="")
    doc.title_block(
        [
            ("業務名", f"{format_fiscal_year(data.period.fy)} {CONTRACT}"),
            ("対象月", period_text(data.period)),
        ]
    )
    # The due date (data.due) and its rule are for the window's deadlines, not the prefecture.
    doc.opening(f"{data.period.label}の作業について、下記のとおり報告します。")
    chosen = sections.layout(ctx.database, TITLE, SECTIONS)
    printed = chosen.printed
    page = Page(
        doc=doc,
        data=data,
        layout=chosen,
        numbers=_numbers(printed),
        notes=sections.notes(ctx.database, data.period.start.strftime("%Y-%m")),
        db=ctx.database,
    )
    by_key = {s.key: s for s in SECTIONS}
    for c in printed:
        built_in = by_key.get(c.key)
        n = page.numbers.get(c.key)
        if built_in is None:  # a free-text section of the template
            _free_text(page, f"{n}. {c.title or c.key.removeprefix(sections.FREE_PREFIX)}", c.key)
            continue
        default = built_in.heading(page) if built_in.heading else built_in.title
        title = c.title or default
        built_in.build(page, f"{n}. {title}" if n is not None else title)
    return doc.build()


def _free_text(page: Page, heading: str, key: str) -> None:
    """A section the template adds (来月の予定, 県への相談事項): the month's text, or 特になし."""
    page.doc.heading(heading)
    body = page.notes.get(key, "").strip()
    for paragraph in body.split("\n\n") if body else ["特になし。"]:
        page.doc.text(paragraph.strip())


# The monthly report's sections in their default order (the compact layout): the one place a
# section is declared. The template (reports/sections.py) chooses, orders and renames them.
def _communication(page: Page, heading: str) -> None:
    communication_tool_section(page.doc, page.db, page.data.period, heading=heading)


def _numbers(printed: tuple[sections.Chosen, ...]) -> dict[str, int]:
    """The number of each printed section, counting the numbered ones only."""
    numbered = {s.key for s in SECTIONS if s.numbered}
    out: dict[str, int] = {}
    for c in printed:
        if c.key in numbered or c.free_text:
            out[c.key] = len(out) + 1
    return out


SECTIONS: tuple[sections.Section[Page], ...] = (
    sections.Section("overview", "実施概要", _overview),
    sections.Section("organisations", "団体別の実施状況", _per_org),
    sections.Section("engagements", "集中支援団体の現地支援日数（目標：月10日）", _engagement),
    sections.Section("goals", "目標の進捗", _goals),
    sections.Section(
        "consultations",
        "相談対応",
        _consultations,
        heading=lambda p: f"相談対応（{len(p.data.consultations)}件）",
    ),
    sections.Section("trainings", "研修・ワークショップ", _trainings),
    sections.Section("shared_issues", "県へ共有した課題", _shared),
    sections.Section(
        "plans", "翌月の予定", _plans, heading=lambda p: f"翌月（{p.data.next_label}）の予定"
    ),
    sections.Section(
        "progress",
        "標準化の進捗（前月からの変化：完了した手順書ステップ・完了率・運用開始）",
        _progress,
    ),
    # For reference and unnumbered, printed only in a month with figures (reports/documents/
    # _communication.py): a section number that a month may leave out would make the report's
    # numbering jump.
    sections.Section(
        "communication",
        "（参考）コミュニケーションツールの利用状況",
        _communication,
        numbered=False,
    ),
    sections.Section("details", "団体別の詳細", _details),
)


def build_xlsx(ctx: ReportContext) -> bytes:
    data = _load(ctx)
    org_rows = [[o.org.code, *row] for o, row in zip(data.reported, _org_rows(data), strict=True)]
    engaged = [
        [o.org.code, o.org.name, o.supporter, o.target_days, o.site_days, o.site_hours]
        for o in data.engaged
    ]
    visits = [
        [
            to_date(v["date"]),
            o.org.name,
            text(v["mode"]),
            text(v["purpose"]),
            text(v["support_kind"]),
            text(v["title"]),
            v["hours"],
            text(v["notes"]),
        ]
        for o in data.orgs
        for v in o.visits
    ]
    consultations = [
        [
            to_date(c["received_at"]),
            text(c["org_name"]),
            text(c["channel"]),
            text(c["category"]),
            text(c["support_kind"]),
            text(c["topic"]),
            text(c["status"]),
            c["minutes_spent"],
        ]
        for c in data.consultations
    ]
    issues = [
        [
            o.org.name,
            text(i["title"]),
            text(i["status"]),
            to_date(i["raised_on"]),
            to_date(i["shared_on"]),
            text(i["countermeasure"]),
            text(i["response_status"]),
        ]
        for o in data.orgs
        for i in o.issues
    ]
    trainings = [
        [to_date(t["date"]), text(t["title"]), text(t["training_type"]), t["participants"]]
        for t in data.trainings
    ]
    goals = [[text(g["title"]), g["target_value"], g["value"], text(g["unit"])] for g in data.goals]
    # The template's free-text sections with the month's text (a sheet only when it has any).
    chosen = sections.layout(ctx.database, TITLE, SECTIONS)
    month_notes = sections.notes(ctx.database, data.period.start.strftime("%Y-%m"))
    free = [
        [
            c.title or c.key.removeprefix(sections.FREE_PREFIX),
            month_notes.get(c.key) or "特になし。",
        ]
        for c in chosen.printed
        if c.free_text
    ]
    extra = [Sheet("記載事項", ["項目", "本文"], free, widths={1: 80})] if free else []
    return workbook_bytes(
        [
            Sheet(
                "団体別実績", ["団体コード", *(h.replace("\n", "") for h in ORG_HEADER)], org_rows
            ),
            Sheet(
                "集中支援",
                ["団体コード", "団体", "常時支援者", "目標日数", "実績日数", "現地時間"],
                engaged,
            ),
            Sheet(
                "訪問・ヒアリング",
                ["日付", "団体", "形態", "目的", "支援の種類", "件名", "時間", "内容"],
                visits,
                widths={7: 80},
            ),
            Sheet(
                "相談",
                [
                    "受付日",
                    "団体",
                    "受付方法",
                    "分類",
                    "支援の種類",
                    "件名",
                    "状態",
                    "対応時間（分）",
                ],
                consultations,
            ),
            Sheet(
                "課題",
                ["団体", "課題", "状態", "把握日", "県への共有日", "対策", "対応状況"],
                issues,
                widths={5: 60, 6: 60},
            ),
            Sheet("研修", ["実施日", "名称", "種別", "参加人数"], trainings),
            Sheet("目標", ["目標", "目標値", "累計実績", "単位"], goals),
            Sheet(UNASSIGNED_LABEL, ["作業区分", "時間"], [list(a) for a in data.unassigned]),
            *extra,
        ],
        title=f"{TITLE}（{data.period.label}）",
    )


register(
    ReportKind(
        name="monthly",
        official=True,
        title=TITLE,
        needs=("month",),
        pdf=build_pdf,
        author=supervisor_name,
        xlsx=build_xlsx,
        description="対象月の作業実績（団体別の訪問・相談・課題・現地日数、目標の進捗、翌月の予定）",
    )
)
