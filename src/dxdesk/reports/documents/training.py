"""研修実施内容報告書 (training-plan: aims, programme, audience, planned participants) and
研修実施結果報告書 (training-result: participants, survey results, issues found, proposals) of one
training record, or of every training in a month / fiscal year (one after the other).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import fiscal_year
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    date_text,
    joined,
    org_by_id,
    period,
    period_text,
    text,
    to_date,
)
from dxdesk.reports.pdf import PdfDocument
from dxdesk.store.database import Database

PLAN_TITLE = "研修実施内容報告書"
RESULT_TITLE = "研修実施結果報告書"
HELD = "実施済み"
CANCELLED = "中止"


@dataclass(frozen=True)
class Training:
    id: str
    title: str
    training_type: str
    status: str
    date: date | None
    start_time: str
    end_time: str
    place: str
    format: str  # 対面 / オンライン / ハイブリッド (6(1)イ(ロ))
    audience: str
    orgs: list[str]  # names of the participating organisations, by code
    instructor: str
    aims: str
    programme: str
    planned_participants: int | None
    participants: int | None
    survey_results: str
    issues_found: str
    proposals: str
    proposal_follow_up: str

    @property
    def time_range(self) -> str:
        if self.start_time and self.end_time:
            return f"{self.start_time}〜{self.end_time}"
        return self.start_time


def _participants(db: Database, training_id: str) -> list[str]:
    """The organisations taking part: one training_participant record each."""
    return [
        str(r["org_id"])
        for r in db.query(
            "SELECT org_id FROM training_participant WHERE training_id = ? AND _deleted = 0",
            (training_id,),
        )
    ]


def _training(db: Database, row: dict[str, object], orgs: dict[str, tuple[str, str]]) -> Training:
    members = sorted(orgs[i] for i in _participants(db, str(row["id"])) if i in orgs)
    planned, held = row["planned_participants"], row["participants"]
    return Training(
        id=str(row["id"]),
        title=text(row["title"]),
        training_type=text(row["training_type"]),
        status=text(row["status"]),
        date=to_date(row["date"]),
        start_time=text(row["start_time"]),
        end_time=text(row["end_time"]),
        place=text(row["place"]),
        format=text(row["format"]),
        audience=text(row["audience"]),
        orgs=[name for _code, name in members],
        instructor=text(row["instructor"]),
        aims=text(row["aims"]),
        programme=text(row["programme"]),
        planned_participants=None if planned is None else int(str(planned)),
        participants=None if held is None else int(str(held)),
        survey_results=text(row["survey_results"]),
        issues_found=text(row["issues_found"]),
        proposals=text(row["proposals"]),
        proposal_follow_up=text(row["proposal_follow_up"]),
    )


def trainings(
    db: Database,
    *,
    training_id: str | None = None,
    fy: int | None = None,
    month: str | None = None,
    results: bool = False,
) -> list[Training]:
    """One training by id, or those of a month / fiscal year by date.

    ``results=True`` (the result report) needs trainings that took place or were cancelled: a
    training still being planned has no result to report.
    """
    orgs = {o.id: (o.code, o.name) for o in org_by_id(db).values()}
    if training_id:
        rows = db.query("SELECT * FROM training WHERE id = ? AND _deleted = 0", (training_id,))
        if not rows:
            raise UserError("unknown_record", label="研修・ワークショップ", id=training_id)
        found = [_training(db, rows[0], orgs)]
        if results and found[0].status not in (HELD, CANCELLED):
            raise UserError("training_not_held", title=found[0].title, status=found[0].status)
        return found
    p = period(fy=fy, month=month)
    sql = "SELECT * FROM training WHERE _deleted = 0 AND date BETWEEN :start AND :end"
    if results:
        sql += f" AND status IN ('{HELD}', '{CANCELLED}')"
    found = [
        _training(db, r, orgs) for r in db.query(sql + " ORDER BY date, start_time, rid", p.params)
    ]
    if not found:
        what = "実施済みの研修・ワークショップ" if results else "研修・ワークショップ"
        title = RESULT_TITLE if results else PLAN_TITLE
        raise UserError("report_no_data", title=title, what=f"{p.label}の{what}")
    return found


# ---------------------------------------------------------------------------- documents


def _select(ctx: ReportContext, *, results: bool) -> list[Training]:
    req = ctx.request
    fy = req.fy
    if not req.training_id and fy is None and not req.month:
        fy = fiscal_year(ctx.today)
    return trainings(
        ctx.database, training_id=req.training_id, fy=fy, month=req.month, results=results
    )


def _when(t: Training) -> str:
    text_ = date_text(t.date, weekday=True) or "未定"
    return f"{text_}　{t.time_range}" if t.time_range else text_


def _people(n: int | None) -> str:
    return "" if n is None else f"{n:,}名"


def _summary(doc: PdfDocument, items: list[Training], *, results: bool) -> None:
    # A record's status (計画中, 確定) is for the window; the result report says only whether a
    # training took place, which the prefecture needs to read the figures.
    header = ["No", "実施日", "名称", "種別", "予定人数"]
    rows: list[list[object]] = [
        [i, t.date, t.title, t.training_type, t.planned_participants]
        for i, t in enumerate(items, start=1)
    ]
    widths = [3, 6, 28, 8.5, 6]
    total: list[object] = ["", "", "計", "", sum(t.planned_participants or 0 for t in items)]
    align = "RLLCR"
    if results:
        header.insert(4, "実施")
        header.append("参加人数")
        widths = [3, 6, 24, 8.5, 4.5, 6, 6]
        align = "RLLCCRR"
        for row, t in zip(rows, items, strict=True):
            row.insert(4, "中止" if t.status == CANCELLED else "実施")
            row.append(t.participants)
        total.insert(4, "")
        total.append(sum(t.participants or 0 for t in items))
    doc.table(header, rows, widths=widths, align=align, total=total)


def _build(ctx: ReportContext, *, results: bool) -> bytes:
    items = _select(ctx, results=results)
    title = RESULT_TITLE if results else PLAN_TITLE
    doc = ctx.new_pdf(title)
    one = len(items) == 1
    if one:
        doc.title_block()
    else:
        req = ctx.request
        fy = req.fy if req.fy is not None else fiscal_year(ctx.today)
        p = period(fy=fy, month=req.month)
        doc.title_block([("対象期間", period_text(p)), ("件数", f"{len(items)}件")])
        doc.heading("一覧")
        _summary(doc, items, results=results)
    for no, t in enumerate(items, start=1):
        if not one:
            doc.page_break()
            doc.heading(f"{no}. {t.title}")
        rows: list[tuple[str, object]] = [
            ("名称", t.title),
            ("種別", t.training_type),
            ("日時", _when(t)),
            ("会場・形式", t.place),
            ("実施形式", t.format or "未定"),
            ("講師", t.instructor),
            ("対象者", t.audience),
            ("予定人数", _people(t.planned_participants)),
        ]
        held = results and t.status != CANCELLED
        if results:
            rows.append(("参加人数", _people(t.participants) if held else "—（中止）"))
        rows.append((f"{'参加' if held else '対象'}団体", f"{len(t.orgs)}団体"))
        doc.key_values(rows)
        sections: list[tuple[str, str]] = [("目的", t.aims), ("内容・プログラム", t.programme)]
        if results:
            if t.status == CANCELLED:
                sections.append(("中止の理由", t.issues_found))
            else:
                sections += [
                    ("アンケート結果", t.survey_results),
                    ("把握した課題", t.issues_found),
                    ("今後の提案", t.proposals),
                    ("提案のその後の対応", t.proposal_follow_up),
                ]
        for k, (label, body) in enumerate(sections, start=1):
            doc.heading(f"（{k}）{label}", level=2)
            doc.text(body or "特になし")
        doc.heading(f"（{len(sections) + 1}）{'参加' if held else '対象'}団体", level=2)
        doc.paragraph(joined(t.orgs) or "指定なし")
    return doc.build()


def build_plan(ctx: ReportContext) -> bytes:
    return _build(ctx, results=False)


def build_result(ctx: ReportContext) -> bytes:
    return _build(ctx, results=True)


register(
    ReportKind(
        name="training-plan",
        official=True,
        title=PLAN_TITLE,
        optional=("training_id", "fy", "month"),
        pdf=build_plan,
        description="研修・ワークショップの目的・内容・対象者・予定人数をまとめた実施内容報告書です。",
    )
)
register(
    ReportKind(
        name="training-result",
        official=True,
        title=RESULT_TITLE,
        optional=("training_id", "fy", "month"),
        pdf=build_result,
        description="研修・ワークショップの参加人数・アンケート結果・課題・提案をまとめた実施結果報告書です。",
    )
)
