"""業務実施計画書 (8(1) No.1): the contract's purpose and scope (the supervisor's template), the
year's plan items (``plan_item`` records) and the 実施工程表, a Gantt chart of them drawn in the
PDF (reports/pdf_gantt.py) and in cells of the workbook, one column per month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import fiscal_year, format_wareki_compact
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import Period, fy_period, period_text, supervisor_name, text
from dxdesk.reports.documents._templates import load_template
from dxdesk.reports.pdf_gantt import GanttChart, GanttRow, fiscal_months
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store.database import Database

TITLE = "業務実施計画書"
TEMPLATE_FILE = "plan_template.txt"
BAR_FILL = "4A78B5"
MILESTONE_FILL = "F2B8A0"


@dataclass(frozen=True)
class PlanItem:
    no: int
    title: str
    category: str
    milestone: bool
    start: date
    end: date  # the last day; a milestone's own date
    owner: str
    note: str

    @property
    def span_text(self) -> str:
        if self.milestone or self.end == self.start:
            return format_wareki_compact(self.start)
        return f"{format_wareki_compact(self.start)}〜{format_wareki_compact(self.end)}"

    def in_month(self, first: date) -> bool:
        """Whether the item falls in the month starting ``first``."""
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return self.start < nxt and self.end >= first


def plan_items(db: Database, fy: int) -> list[PlanItem]:
    """The live plan items of fiscal year ``fy`` in the supervisor's order (表示順, then date)."""
    rows = db.query(
        "SELECT p.*, s.name AS owner_name FROM plan_item AS p"
        " LEFT JOIN staff AS s ON s.id = p.owner_id AND s._deleted = 0"
        " WHERE p._deleted = 0 AND p.fy = ?"
        " ORDER BY p.sort_order IS NULL, p.sort_order, p.start_date, p.rid",
        (fy,),
    )
    out = []
    for i, r in enumerate(rows, start=1):
        start = date.fromisoformat(str(r["start_date"]))
        milestone = bool(r["milestone"])
        end = start if milestone or not r["end_date"] else date.fromisoformat(str(r["end_date"]))
        out.append(
            PlanItem(
                no=i,
                title=text(r["title"]),
                category=text(r["category"]),
                milestone=milestone,
                start=start,
                end=end,
                owner=text(r["owner_name"]),
                note=text(r["note"]),
            )
        )
    return out


def _data(ctx: ReportContext) -> tuple[Period, list[PlanItem]]:
    fy = ctx.request.fy if ctx.request.fy is not None else fiscal_year(ctx.today)
    items = plan_items(ctx.database, fy)
    p = fy_period(fy)
    if not items:
        raise ctx.no_data(f"{p.label}の実施工程")
    return p, items


def build_pdf(ctx: ReportContext) -> bytes:
    p, items = _data(ctx)
    sections = load_template(TEMPLATE_FILE, ctx.profile_root, fy_label=p.label)
    milestones = sum(1 for i in items if i.milestone)
    doc = ctx.new_pdf(TITLE)
    doc.title_block(
        [
            ("対象年度", period_text(p)),
            ("実施工程", f"作業 {len(items) - milestones}件、マイルストーン {milestones}件"),
        ]
    )
    n = 0
    for section in sections:
        n += 1
        doc.heading(f"{n}. {section.heading}" if section.heading else f"{n}.")
        for paragraph in section.paragraphs:
            doc.text(paragraph)
    doc.set_orientation("landscape")
    doc.heading(f"{n + 1}. 実施工程表")
    doc.add(
        GanttChart(
            p.start.year,
            [_gantt_row(i) for i in items],
            font=doc.fonts.regular,
            bold=doc.fonts.bold,
        )
    )
    doc.spacer(1.5)
    doc.paragraph("■ 作業の期間　◆ マイルストーン（日付は月/日）", small=True)
    doc.heading(f"{n + 2}. 実施工程の一覧")
    doc.table(
        ["No", "区分", "作業項目", "期間・期日", "担当者", "備考"],
        [
            [
                i.no,
                i.category,
                i.title,
                ("◆ " if i.milestone else "") + i.span_text,
                i.owner,
                i.note,
            ]
            for i in items
        ],
        widths=[4, 10, 30, 17, 10, 29],
        align="RLLLLL",
    )
    return doc.build()


def _gantt_row(i: PlanItem) -> GanttRow:
    return GanttRow(f"{i.no}. {i.title}", i.start, i.end, i.milestone)


def build_xlsx(ctx: ReportContext) -> bytes:
    p, items = _data(ctx)
    months = fiscal_months(p.start.year)
    header = ["No", "区分", "作業項目", "開始日", "終了日", "担当者", "備考"]
    fixed = len(header)
    header += [f"{m.month}月" for m in months]
    rows: list[list[object]] = []
    fills: dict[tuple[int, int], str] = {}
    for r, i in enumerate(items):
        row: list[object] = [i.no, i.category, i.title, i.start, i.end, i.owner, i.note]
        for k, m in enumerate(months):
            if i.in_month(m):
                fills[(r, fixed + k)] = MILESTONE_FILL if i.milestone else BAR_FILL
                row.append(f"◆{i.start.day}日" if i.milestone else "")
            else:
                row.append(None)
        rows.append(row)
    widths = {fixed + k: 6.5 for k in range(12)}
    widths[2] = 40
    widths[6] = 30
    return workbook_bytes(
        [Sheet("実施工程表", header, rows, widths=widths, fills=fills)], title=TITLE
    )


register(
    ReportKind(
        name="plan",
        official=True,
        title=TITLE,
        optional=("fy",),
        pdf=build_pdf,
        xlsx=build_xlsx,
        author=supervisor_name,
        description="業務の目的・範囲と、年度の実施工程（作業とマイルストーン）を工程表で示す計画書です。",
    )
)
