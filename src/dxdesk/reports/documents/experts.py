"""専門人材一覧表 (expert list): every expert with fields, specialties, qualifications, their own
track record, availability (対応可否 and when), the prefecture's approval (県承認 with its date,
6(2)ア②), and what the records show for the fiscal year (consultations answered, requested by a
municipality, trainings taught). PDF (A4 landscape) and xlsx.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import fiscal_year, format_wareki
from dxdesk.core.clock import today_jst
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    Period,
    fy_period,
    period_text,
    text,
    to_date,
    to_list,
)
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store.database import Database

TITLE = "専門人材一覧表"
COLUMNS = ("No", "氏名", "所属", "分野", "専門・得意分野", "資格", "実績")


@dataclass(frozen=True)
class ExpertRow:
    no: int
    id: str
    name: str
    affiliation: str
    fields: list[str]
    specialties: str
    qualifications: str
    track_record: str
    contact: str
    available: bool
    consultations: int  # answered as the expert in charge, in the fiscal year
    trainings: list[str]  # titles of trainings held in the fiscal year with this instructor
    availability: str = ""  # when and on what terms (対応可能な時期・条件)
    approved: bool = False  # 県承認
    approved_on: date | None = None
    requested: int = 0  # consultations whose municipality asked for this expert, in the year


@dataclass(frozen=True)
class ExpertList:
    period: Period
    rows: list[ExpertRow]

    @property
    def consultations(self) -> int:
        return sum(r.consultations for r in self.rows)


def expert_list(db: Database, *, fy: int | None = None) -> ExpertList:
    p = fy_period(fy if fy is not None else fiscal_year(today_jst()))
    counts = Counter(
        {
            str(r["expert_id"]): int(r["n"])
            for r in db.query(
                "SELECT expert_id, count(*) AS n FROM consultation WHERE _deleted = 0"
                " AND expert_id IS NOT NULL AND substr(received_at, 1, 10) BETWEEN :start AND :end"
                " GROUP BY expert_id",
                p.params,
            )
        }
    )
    requested = Counter(
        {
            str(r["requested_expert_id"]): int(r["n"])
            for r in db.query(
                "SELECT requested_expert_id, count(*) AS n FROM consultation WHERE _deleted = 0"
                " AND requested_expert_id IS NOT NULL"
                " AND substr(received_at, 1, 10) BETWEEN :start AND :end"
                " GROUP BY requested_expert_id",
                p.params,
            )
        }
    )
    trainings = db.query(
        "SELECT title, instructor FROM training WHERE _deleted = 0 AND status != '中止'"
        " AND date BETWEEN :start AND :end ORDER BY date, rid",
        p.params,
    )
    rows = []
    for i, r in enumerate(
        db.query("SELECT * FROM expert WHERE _deleted = 0 ORDER BY rid"), start=1
    ):
        name = text(r["name"])
        # The instructor field is free text ("中園 隆之（専門人材）"); match the full name.
        taught = [str(t["title"]) for t in trainings if name and name in text(t["instructor"])]
        rows.append(
            ExpertRow(
                no=i,
                id=str(r["id"]),
                name=name,
                affiliation=text(r["affiliation"]),
                fields=to_list(r["fields"]),
                specialties=text(r["specialties"]),
                qualifications=text(r["qualifications"]),
                track_record=text(r["track_record"]),
                contact=text(r["contact"]),
                available=bool(r["available"]),
                consultations=counts.get(str(r["id"]), 0),
                trainings=taught,
                availability=text(r["availability"]),
                approved=bool(r["pref_approved"]),
                approved_on=to_date(r["approved_on"]),
                requested=requested.get(str(r["id"]), 0),
            )
        )
    if not rows:
        raise UserError("report_no_data", title=TITLE, what="登録された専門人材")
    return ExpertList(p, rows)


# ---------------------------------------------------------------------------- documents


def _list(ctx: ReportContext) -> ExpertList:
    fy = ctx.request.fy if ctx.request.fy is not None else fiscal_year(ctx.today)
    return expert_list(ctx.database, fy=fy)


def _record(r: ExpertRow) -> str:
    parts = [f"相談対応 {r.consultations}件"]
    if r.requested:
        parts.append(f"団体からの指名 {r.requested}件")
    if r.trainings:
        parts.append("研修講師：" + "、".join(r.trainings))
    return "\n".join(parts)


def _available(r: ExpertRow) -> str:
    return ("可" if r.available else "否") + (f"\n{r.availability}" if r.availability else "")


def _approval(r: ExpertRow) -> str:
    if not r.approved:
        return "未承認"
    return "承認済み" + (f"\n{format_wareki(r.approved_on)}" if r.approved_on else "")


def build_pdf(ctx: ReportContext) -> bytes:
    data = _list(ctx)
    available = sum(1 for r in data.rows if r.available)
    approved = sum(1 for r in data.rows if r.approved)
    doc = ctx.new_pdf(TITLE, landscape=True)
    doc.title_block(
        [
            ("対象年度", period_text(data.period)),
            (
                "登録人数",
                f"{len(data.rows)}名（うち対応可 {available}名、県承認済み {approved}名）",
            ),
            (
                "相談対応件数",
                f"{data.consultations:,}件（{data.period.label}、専門人材が対応したもの）",
            ),
        ]
    )
    doc.table(
        [
            *COLUMNS,
            f"{data.period.label}の対応",
            "対応可否・時期",
            "県承認",
        ],
        [
            [
                r.no,
                r.name,
                r.affiliation,
                "\n".join(r.fields),
                r.specialties,
                r.qualifications,
                r.track_record,
                _record(r),
                _available(r),
                _approval(r),
            ]
            for r in data.rows
        ],
        widths=[3.6, 8, 11, 10, 19, 10, 18, 13, 9, 8.5],
        align="RLLLLLLLLC",
        font_size=8,
    )
    return doc.build()


def build_xlsx(ctx: ReportContext) -> bytes:
    data = _list(ctx)
    rows = [
        [
            r.no,
            r.name,
            r.affiliation,
            "、".join(r.fields),
            r.specialties,
            r.qualifications,
            r.track_record,
            r.contact,
            "可" if r.available else "否",
            r.availability,
            "承認済み" if r.approved else "未承認",
            r.approved_on.isoformat() if r.approved_on else "",
            r.consultations,
            r.requested,
            "、".join(r.trainings),
        ]
        for r in data.rows
    ]
    return workbook_bytes(
        [
            Sheet(
                "専門人材",
                [
                    *COLUMNS,
                    "連絡先",
                    "対応可",
                    "対応可能な時期・条件",
                    "県承認",
                    "県承認日",
                    f"相談対応件数（{data.period.label}）",
                    f"団体からの指名件数（{data.period.label}）",
                    f"研修講師（{data.period.label}）",
                ],
                rows,
                widths={4: 50, 6: 50},
            )
        ],
        title=TITLE,
    )


register(
    ReportKind(
        name="experts",
        official=True,
        title=TITLE,
        optional=("fy",),
        pdf=build_pdf,
        xlsx=build_xlsx,
        description="専門人材の分野・専門・資格・実績と、年度の相談対応件数・研修講師の一覧です。",
    )
)
