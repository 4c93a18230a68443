"""業務完了報告書 (completion report) of a fiscal year: visits and hearings, issues raised and
resolved, consultations, trainings, hours and days on site per organisation against the
intensive-support target, the goals agreed with the prefecture, and the standardisation progress
of the 26 municipalities. Summary tables first, then the tables per organisation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dxdesk.core import progress
from dxdesk.core.calendar import fiscal_year, format_wareki
from dxdesk.core.clock import today_jst
from dxdesk.core.model import CONSULT_CATEGORIES, ISSUE_CATEGORIES, MODES, VISIT_PURPOSES, kind
from dxdesk.core.progress import Cell, StepCounts
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    ACTIVE_TIME,
    SITE_DAYS,
    UNASSIGNED_LABEL,
    Org,
    Period,
    count_table,
    fy_period,
    hours_figure,
    hours_text,
    live_org,
    organisations,
    period_text,
    supervisor_name,
    text,
    to_date,
    unassigned_hours,
)
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store import progress as progress_rows
from dxdesk.store.database import Database
from dxdesk.store.meanings import open_clause

TITLE = "業務完了報告書"


@dataclass(frozen=True)
class OrgYear:
    org: Org
    visits: int
    hearings: int  # visits whose purpose is ヒアリング
    site_days: int
    hours: float
    consultations: int
    issues_raised: int
    issues_resolved: int
    # Intensive support (集中支援): the monthly target and the months (YYYY-MM) engaged.
    target_days: int | None = None
    engaged: tuple[str, ...] = ()
    month_days: dict[str, int] = field(default_factory=dict)  # YYYY-MM -> days on site

    @property
    def engaged_months(self) -> int:
        return len(self.engaged)

    @property
    def engaged_days(self) -> int:
        """Days on site within the months of intensive support."""
        return sum(self.month_days.get(m, 0) for m in self.engaged)

    @property
    def months_met(self) -> int:
        target = self.target_days
        return sum(1 for m in self.engaged if target and self.month_days.get(m, 0) >= target)

    @property
    def figures(self) -> list[object]:
        """Visits, hearings, days on site, hours, consultations, issues raised and resolved."""
        return [
            self.visits,
            self.hearings,
            self.site_days,
            self.hours,
            self.consultations,
            self.issues_raised,
            self.issues_resolved,
        ]

    @property
    def target_total(self) -> int | None:
        return None if self.target_days is None else self.target_days * self.engaged_months


@dataclass(frozen=True)
class GoalYear:
    title: str
    unit: str
    target: float | None
    value: float | None  # the latest progress value in the year
    month: str  # of that value, YYYY-MM
    indicator: str = ""
    baseline: float | None = None
    agreed: str = ""  # the agreement with the prefecture: date (和暦) and version
    status: str = ""  # the latest month's 達成状況 and 次月以降の取組 (or its older 説明)

    @property
    def percent(self) -> int | None:
        if not self.target or self.value is None:
            return None
        return round(self.value / self.target * 100)


@dataclass(frozen=True)
class StandardisationRow:
    org: Org
    systems: int  # business systems the municipality runs itself (cells that apply)
    live: int  # of which in operation on the standard system (運用開始, apart from the rate)
    special: int  # of which under 特定移行支援
    counts: StepCounts  # the steps of those systems by status (core.progress)

    @property
    def steps_done(self) -> int:
        """Steps counted done by the national formula: 完了済み + 対象外."""
        return self.counts.done + self.counts.not_applicable

    @property
    def steps_total(self) -> int:
        return self.counts.total

    @property
    def rate(self) -> float:
        """完了率 as 総務省 computes it: (完了済み + 対象外) / 40 per system."""
        return self.counts.completion_rate


@dataclass(frozen=True)
class TrainingYear:
    date: date | None
    title: str
    training_type: str
    status: str
    planned: int | None
    participants: int | None


@dataclass(frozen=True)
class CompletionReport:
    period: Period
    orgs: list[OrgYear]  # every live organisation, municipalities first
    visits_by_mode: list[tuple[str, int]]
    visits_by_purpose: list[tuple[str, int]]
    issues_by_category: list[tuple[str, int, int]]  # category, raised, resolved
    issues_open: int  # not done (Kind.open_statuses: 未対応, 対応中, 保留) at the time of printing
    consultations_by_category: list[tuple[str, int]]
    trainings: list[TrainingYear]
    goals: list[GoalYear]
    standardisation: list[StandardisationRow]
    total_hours: float  # every active time entry of the year: organisations' and unassigned
    unassigned: list[tuple[str, float]] = field(default_factory=list)  # activity -> hours

    @property
    def visits(self) -> int:
        return sum(n for _, n in self.visits_by_mode)

    @property
    def consultations(self) -> int:
        return sum(n for _, n in self.consultations_by_category)

    @property
    def issues_raised(self) -> int:
        return sum(r for _, r, _ in self.issues_by_category)

    @property
    def issues_resolved(self) -> int:
        return sum(s for _, _, s in self.issues_by_category)

    @property
    def participants(self) -> int:
        return sum(t.participants or 0 for t in self.trainings if t.status == "実施済み")

    @property
    def org_hours(self) -> float:
        return sum(o.hours for o in self.orgs)

    @property
    def unassigned_hours(self) -> float:
        return sum(h for _, h in self.unassigned)

    @property
    def site_days(self) -> int:
        return sum(o.site_days for o in self.orgs)


def _ordered(counter: Counter[str], order: tuple[str, ...]) -> list[tuple[str, int]]:
    known = [(k, counter[k]) for k in order if counter[k]]
    return known + sorted((k, n) for k, n in counter.items() if k not in order and n)


def _tally(rows: list[dict[str, Any]], key: str, default: str = "") -> Counter[str]:
    """Sum the ``n`` of grouped rows by one of their columns."""
    out: Counter[str] = Counter()
    for r in rows:
        out[text(r[key]) or default] += int(r["n"])
    return out


def _months(first: date, last: date) -> list[str]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = y + (m == 12), m % 12 + 1
    return out


def completion_report(db: Database, *, fy: int | None = None) -> CompletionReport:
    p = fy_period(fy if fy is not None else fiscal_year(today_jst()))
    prm = p.params
    # Counts come grouped from SQL: a year holds hundreds of visits and consultations.
    visits = db.query(
        "SELECT org_id, mode, purpose, count(*) AS n FROM visit WHERE _deleted = 0"
        f" AND {live_org()} AND date BETWEEN :start AND :end GROUP BY org_id, mode, purpose",
        prm,
    )
    consult = db.query(
        f"SELECT org_id, category, count(*) AS n FROM consultation WHERE _deleted = 0 AND {live_org()}"
        " AND substr(received_at, 1, 10) BETWEEN :start AND :end GROUP BY org_id, category",
        prm,
    )
    # Hours per live organisation, and those of work for no one organisation by activity, so
    # that the year's total is complete and equals the monthly reports' totals summed.
    hours_rows = db.query(
        f"SELECT t.org_id, sum(t.hours) AS n FROM time t WHERE {ACTIVE_TIME}"
        f" AND {live_org('t.org_id')} AND t.date BETWEEN :start AND :end GROUP BY t.org_id",
        prm,
    )
    unassigned = unassigned_hours(db, prm["start"], prm["end"])
    total_hours = float(sum(r["n"] or 0 for r in hours_rows)) + sum(h for _, h in unassigned)
    training_rows = db.query(
        "SELECT date, title, training_type, status, planned_participants, participants"
        " FROM training WHERE _deleted = 0 AND date BETWEEN :start AND :end"
        " ORDER BY date, start_time, rid",
        prm,
    )
    if not visits and not consult and not training_rows and not total_hours:
        raise UserError(
            "report_no_data", title=TITLE, what=f"{p.label}の活動（訪問・相談・研修・工数）"
        )

    hours = {str(r["org_id"]): float(r["n"] or 0) for r in hours_rows if r["org_id"] is not None}
    site_rows = db.query(
        f"SELECT org_id, substr(d, 1, 7) AS m, count(DISTINCT d) AS n FROM ({SITE_DAYS})"
        " GROUP BY org_id, m",
        prm,
    )
    site_days = _tally(site_rows, "org_id")
    site_month: dict[str, dict[str, int]] = defaultdict(dict)
    for r in site_rows:
        site_month[str(r["org_id"])][str(r["m"])] = int(r["n"])
    raised = db.query(
        f"SELECT org_id, category, count(*) AS n FROM issue WHERE _deleted = 0 AND {live_org()}"
        " AND raised_on BETWEEN :start AND :end GROUP BY org_id, category",
        prm,
    )
    resolved = db.query(
        f"SELECT org_id, category, count(*) AS n FROM issue WHERE _deleted = 0 AND {live_org()}"
        " AND status = '完了' AND closed_on BETWEEN :start AND :end GROUP BY org_id, category",
        prm,
    )
    engagements: dict[str, tuple[int, list[str]]] = {}
    for r in db.query(
        "SELECT org_id, target_days, start_date, end_date FROM engagement"
        " WHERE _deleted = 0 AND fy = :fy ORDER BY rid",
        {"fy": p.fy},
    ):
        first = max(to_date(r["start_date"]) or p.start, p.start)
        last = min(to_date(r["end_date"]) or p.end, p.end)
        monthly = int(r["target_days"]) if r["target_days"] is not None else 10
        engaged = engagements.get(str(r["org_id"]), (monthly, []))[1] + _months(first, last)
        engagements[str(r["org_id"])] = (monthly, sorted(set(engaged)))

    visit_count = _tally(visits, "org_id")
    hearing_count = _tally([v for v in visits if v["purpose"] == "ヒアリング"], "org_id")
    consult_count = _tally(consult, "org_id")
    raised_count = _tally(raised, "org_id")
    resolved_count = _tally(resolved, "org_id")
    orgs = organisations(db)
    rows = []
    for o in orgs:
        target: int | None = None
        months: list[str] = []
        if o.id in engagements:
            target, months = engagements[o.id]
        rows.append(
            OrgYear(
                org=o,
                visits=visit_count[o.id],
                hearings=hearing_count[o.id],
                site_days=site_days[o.id],
                hours=hours.get(o.id, 0.0),
                consultations=consult_count[o.id],
                issues_raised=raised_count[o.id],
                issues_resolved=resolved_count[o.id],
                target_days=target,
                engaged=tuple(months),
                month_days=dict(site_month.get(o.id, {})),
            )
        )

    raised_cat = _tally(raised, "category", "その他")
    resolved_cat = _tally(resolved, "category", "その他")
    categories = [c for c in ISSUE_CATEGORIES if raised_cat[c] or resolved_cat[c]]
    categories += sorted((set(raised_cat) | set(resolved_cat)) - set(ISSUE_CATEGORIES))
    open_issues = int(
        db.query(
            "SELECT count(*) AS n FROM issue WHERE _deleted = 0"
            f" AND {live_org()} AND {open_clause(kind('issue'))}"
        )[0]["n"]
    )

    goals = []
    latest = (
        " (SELECT {col} FROM goal_progress p WHERE p.goal_id = g.id AND p._deleted = 0"
        "  AND p.month BETWEEN :first AND :last ORDER BY p.month DESC, p.rid DESC LIMIT 1)"
        " AS {col}"
    )
    month_kind = kind("goal_progress")
    for g in db.query(
        "SELECT g.title, g.unit, g.target_value, g.indicator, g.baseline, g.agreed_on,"
        " g.agreement_version,"
        " (SELECT value FROM goal_progress p WHERE p.goal_id = g.id AND p._deleted = 0"
        "  AND p.month BETWEEN :first AND :last ORDER BY p.month DESC, p.rid DESC LIMIT 1) AS v,"
        " (SELECT max(month) FROM goal_progress p WHERE p.goal_id = g.id AND p._deleted = 0"
        "  AND p.month BETWEEN :first AND :last) AS m,"
        + ",".join(latest.format(col=c) for c in ("achievement", "next_steps", "note"))
        + " FROM goal g WHERE g._deleted = 0 AND g.fy = :fy ORDER BY g.rid",
        {"fy": p.fy, "first": prm["start"][:7], "last": prm["end"][:7]},
    ):
        agreed_on = to_date(g["agreed_on"])
        agreed = " ".join(
            t
            for t in (format_wareki(agreed_on) if agreed_on else "", text(g["agreement_version"]))
            if t
        )
        status = "\n".join(
            f"【{month_kind.field(c).label}】{text(g[c])}"
            for c in ("achievement", "next_steps")
            if text(g[c])
        ) or text(g["note"])
        goals.append(
            GoalYear(
                title=text(g["title"]),
                unit=text(g["unit"]),
                target=None if g["target_value"] is None else float(g["target_value"]),
                value=None if g["v"] is None else float(g["v"]),
                month=text(g["m"]),
                indicator=text(g["indicator"]),
                baseline=None if g["baseline"] is None else float(g["baseline"]),
                agreed=agreed,
                status=status,
            )
        )

    # The matrix as it stands at the end of the year (or today, if earlier): the same cells and
    # national rate as the window and `dxdesk progress` (core.progress).
    by_org: dict[str, list[Cell]] = defaultdict(list)
    for cell in progress_rows.cells(db, min(p.end, today_jst())):
        if cell.applies:
            by_org[cell.org_id].append(cell)
    standardisation = []
    for o in orgs:
        if o.is_municipality:
            cells = by_org.get(o.id, [])
            standardisation.append(
                StandardisationRow(
                    o,
                    len(cells),
                    sum(c.live for c in cells),
                    sum(c.special_support for c in cells),
                    progress.total(cells),
                )
            )

    return CompletionReport(
        period=p,
        orgs=rows,
        visits_by_mode=_ordered(_tally(visits, "mode"), MODES),
        visits_by_purpose=_ordered(_tally(visits, "purpose", "その他"), VISIT_PURPOSES),
        issues_by_category=[(c, raised_cat[c], resolved_cat[c]) for c in categories],
        issues_open=open_issues,
        consultations_by_category=_ordered(_tally(consult, "category"), CONSULT_CATEGORIES),
        trainings=[
            TrainingYear(
                date=to_date(t["date"]),
                title=text(t["title"]),
                training_type=text(t["training_type"]),
                status=text(t["status"]),
                planned=t["planned_participants"],
                participants=t["participants"],
            )
            for t in training_rows
        ],
        goals=goals,
        standardisation=standardisation,
        total_hours=total_hours,
        unassigned=unassigned,
    )


# ---------------------------------------------------------------------------- documents


def _report(ctx: ReportContext) -> CompletionReport:
    fy = ctx.request.fy if ctx.request.fy is not None else fiscal_year(ctx.today)
    return completion_report(ctx.database, fy=fy)


def _pct(n: float, d: float | None) -> str:
    return f"{n / d * 100:.0f}%" if d else ""


_hours = hours_figure


def _counts(pairs: list[tuple[str, int]]) -> str:
    return "、".join(f"{k} {n:,}件" for k, n in pairs)


def _month(month: str) -> str:
    """2026-03 -> 令和8年3月."""
    if not month:
        return ""
    text_ = format_wareki(date.fromisoformat(month + "-01"))
    return text_[: text_.index("月") + 1]


def _month_cell(o: OrgYear, month: str) -> str:
    if month not in o.engaged:
        return "－"
    days = o.month_days.get(month, 0)
    return f"▲{days}" if o.target_days and days < o.target_days else str(days)


def _intensive(r: CompletionReport) -> list[OrgYear]:
    return [o for o in r.orgs if o.target_days is not None and o.engaged_months]


def build_pdf(ctx: ReportContext) -> bytes:
    r = _report(ctx)
    held = [t for t in r.trainings if t.status == "実施済み"]
    doc = ctx.new_pdf(TITLE)
    doc.title_block(
        [
            ("業務名", "自治体DXサポート強化業務"),
            ("対象年度", period_text(r.period)),
            (
                "対象団体",
                f"県内{sum(1 for o in r.orgs if o.org.is_municipality)}市町村"
                f"および県所管課{sum(1 for o in r.orgs if not o.org.is_municipality)}課",
            ),
        ]
    )
    doc.opening(
        f"{r.period.label}の自治体DXサポート強化業務が完了しましたので、下記のとおり報告します。"
    )
    doc.heading("1. 業務実施の概要")
    doc.key_values(
        [
            ("訪問・ヒアリング", f"{r.visits:,}件（{_counts(r.visits_by_mode)}）"),
            ("現地支援日数", f"延べ{r.site_days:,}日（団体ごとの現地日数の合計）"),
            (
                "工数",
                f"{_hours(r.total_hours)}時間（うち団体別の支援 {_hours(r.org_hours)}時間、"
                f"{UNASSIGNED_LABEL} {_hours(r.unassigned_hours)}時間"
                + (f"：{hours_text(r.unassigned)}" if r.unassigned else "")
                + "）",
            ),
            (
                "課題",
                f"把握 {r.issues_raised:,}件、解決 {r.issues_resolved:,}件"
                f"（作成時点の未解決 {r.issues_open:,}件）",
            ),
            ("相談対応", f"{r.consultations:,}件"),
            ("研修・ワークショップ", f"実施 {len(held)}回、延べ参加者 {r.participants:,}名"),
        ],
        key_width_mm=40,
    )
    doc.heading("2. 目標の達成状況")
    doc.table(
        ["目標（指標）", "基準値", "目標値", "実績", "達成率", "時点"],
        [
            [
                g.title + (f"\n（指標：{g.indicator}）" if g.indicator else ""),
                f"{g.baseline:g}{g.unit}" if g.baseline is not None else "",
                f"{g.target:g}{g.unit}" if g.target is not None else "",
                f"{g.value:g}{g.unit}" if g.value is not None else "",
                "" if g.percent is None else f"{g.percent}%",
                _month(g.month),
            ]
            for g in r.goals
        ],
        widths=[20, 4, 5, 5, 4, 5],
        align="LRRRRC",
    )
    # What each goal stands at, in the words of its last month, and the agreement it rests on.
    for g in r.goals:
        if g.status or g.agreed:
            agreed = f"（県との合意：{g.agreed}）" if g.agreed else ""
            doc.text(f"■ {g.title}{agreed}\n{g.status}".rstrip())
    doc.heading("3. 訪問・ヒアリング")
    count_table(doc, "目的", r.visits_by_purpose)
    doc.heading("4. 課題の把握と解決")
    doc.table(
        ["分類", "把握", "解決"],
        [[c, a, b] for c, a, b in r.issues_by_category],
        widths=[4, 1, 1],
        align="LRR",
        total=["計", r.issues_raised, r.issues_resolved],
        width=0.55,
    )
    doc.heading("5. 相談対応")
    count_table(doc, "分類", r.consultations_by_category)
    doc.heading("6. 研修・ワークショップ")
    doc.table(
        ["実施日", "名称", "種別", "状態", "予定", "参加"],
        [
            [t.date, t.title, t.training_type, t.status, t.planned, t.participants]
            for t in r.trainings
        ],
        widths=[5, 22, 7, 5, 4, 4],
        align="LLCCRR",
        total=["", "計", "", "", sum(t.planned or 0 for t in r.trainings), r.participants],
    )
    doc.page_break()
    doc.heading("7. 団体別の活動実績")
    doc.table(
        [
            "団体\nコード",
            "団体名",
            "訪問",
            "うち\nヒアリング",
            "現地\n日数",
            "工数\n(時間)",
            "相談",
            "課題\n把握",
            "課題\n解決",
        ],
        [[o.org.code, o.org.name, *o.figures] for o in r.orgs],
        widths=[4.5, 11, 3.5, 4.5, 3.5, 4.5, 3.5, 3.5, 3.5],
        align="CLRRRRRRR",
        total=[
            "",
            "計",
            sum(o.visits for o in r.orgs),
            sum(o.hearings for o in r.orgs),
            r.site_days,
            r.org_hours,
            sum(o.consultations for o in r.orgs),
            sum(o.issues_raised for o in r.orgs),
            sum(o.issues_resolved for o in r.orgs),
        ],
    )
    intensive = _intensive(r)
    doc.heading("8. 集中支援の現地支援日数（目標：月10日程度）")
    doc.table(
        ["団体名", "月間目標", "支援月数", "目標日数（計）", "現地日数", "達成率", "目標達成月数"],
        [
            [
                o.org.name,
                f"{o.target_days}日",
                f"{o.engaged_months}か月",
                o.target_total,
                o.engaged_days,
                _pct(o.engaged_days, o.target_total),
                f"{o.months_met} / {o.engaged_months}か月",
            ]
            for o in intensive
        ],
        widths=[6, 4, 4, 5, 4, 4, 5],
        align="LRRRRRR",
        empty_text="集中支援の記録はありません。",
    )
    if intensive:
        months = _months(r.period.start, r.period.end)
        doc.heading("月別の現地支援日数（▲：目標に届かなかった月、－：支援期間外）", level=2)
        doc.table(
            ["団体名", *(f"{int(m[5:])}月" for m in months), "計"],
            [[o.org.name, *(_month_cell(o, m) for m in months), o.engaged_days] for o in intensive],
            widths=[6, *([2.2] * len(months)), 2.6],
            align="L" + "R" * (len(months) + 1),
            font_size=8.5,
        )
    std = r.standardisation
    all_steps = progress.sum_counts(s.counts for s in std)
    doc.heading(f"9. 標準化の進捗（{len(std)}市町村）")
    doc.paragraph(
        "完了率は総務省の算定方法による手順書ステップの件数の割合です（（完了済み＋対象外）÷40"
        "×業務数）。標準準拠システムでの運用開始は「運用開始」欄に別に示します。"
    )
    doc.table(
        [
            "団体コード",
            "団体名",
            "対象業務",
            "運用開始",
            "特定移行\n支援",
            "手順書ステップ\n完了＋対象外",
            "完了率",
        ],
        [
            [
                s.org.code,
                s.org.name,
                s.systems,
                s.live,
                s.special,
                f"{s.steps_done:,} / {s.steps_total:,}",
                progress.percent_label(s.rate),
            ]
            for s in std
        ],
        widths=[5, 9, 4, 4, 5, 7, 4],
        align="CLRRRRR",
        total=[
            "",
            "計",
            sum(s.systems for s in std),
            sum(s.live for s in std),
            sum(s.special for s in std),
            f"{all_steps.done + all_steps.not_applicable:,} / {all_steps.total:,}",
            progress.percent_label(all_steps.completion_rate),
        ],
    )
    return doc.build()


def build_xlsx(ctx: ReportContext) -> bytes:
    r = _report(ctx)
    orgs = Sheet(
        "団体別実績",
        [
            "団体コード",
            "団体名",
            "区分",
            "訪問",
            "うちヒアリング",
            "現地日数",
            "工数（時間）",
            "相談",
            "課題把握",
            "課題解決",
            "集中支援 月間目標日数",
            "支援月数",
            "目標日数（計）",
            "現地日数（支援期間）",
            "目標達成月数",
        ],
        [
            [
                o.org.code,
                o.org.name,
                o.org.org_kind,
                *o.figures,
                o.target_days,
                o.engaged_months or None,
                o.target_total,
                o.engaged_days if o.target_days else None,
                o.months_met if o.target_days else None,
            ]
            for o in r.orgs
        ],
    )
    std = Sheet(
        "標準化の進捗",
        [
            "団体コード",
            "団体名",
            "対象業務",
            "運用開始",
            "特定移行支援",
            "完了＋対象外（ステップ）",
            "全ステップ",
            "完了率（%）",
        ],
        [
            [
                s.org.code,
                s.org.name,
                s.systems,
                s.live,
                s.special,
                s.steps_done,
                s.steps_total,
                s.rate,
            ]
            for s in r.standardisation
        ],
    )
    goals = Sheet(
        "目標",
        ["目標", "単位", "目標値", "実績", "達成率（%）", "時点"],
        [[g.title, g.unit, g.target, g.value, g.percent, g.month] for g in r.goals],
    )
    trainings = Sheet(
        "研修",
        ["実施日", "名称", "種別", "状態", "予定人数", "参加人数"],
        [
            [t.date, t.title, t.training_type, t.status, t.planned, t.participants]
            for t in r.trainings
        ],
    )
    unassigned = Sheet(UNASSIGNED_LABEL, ["作業区分", "時間"], [list(a) for a in r.unassigned])
    return workbook_bytes(
        [orgs, std, goals, trainings, unassigned], title=f"{TITLE}（{r.period.label}）"
    )


register(
    ReportKind(
        name="completion",
        official=True,
        title=TITLE,
        needs=("fy",),
        pdf=build_pdf,
        author=supervisor_name,
        xlsx=build_xlsx,
        description="年度の訪問・課題・相談・研修・工数・目標・標準化の進捗をまとめた業務完了報告書です。",
    )
)
