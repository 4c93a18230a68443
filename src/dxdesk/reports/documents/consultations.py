"""相談管理表 (consultation log): every consultation of a month or fiscal year, optionally of one
organisation, with counts by category, status and organisation. PDF (A4 landscape) and xlsx.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from dxdesk.core import reference
from dxdesk.core.calendar import fiscal_year
from dxdesk.core.model import CONSULT_CATEGORIES, CONSULT_STATUSES
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    Period,
    count_table,
    names,
    org_by_id,
    period,
    period_text,
    text,
    to_date,
)
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store.database import Database

TITLE = "相談管理表"


@dataclass(frozen=True)
class ConsultationRow:
    no: int
    id: str
    received_at: datetime
    channel: str
    org_code: str
    org_name: str
    requester: str
    category: str
    system: str
    topic: str
    content: str
    expert: str  # the one assigned (対応者)
    response: str
    answered_on: date | None
    status: str
    closed_on: date | None
    minutes_spent: int | None
    requested_expert: str = ""  # the expert the municipality asked for

    @property
    def experts_text(self) -> str:
        """The experts as the PDF prints them: the one asked for, then the one assigned."""
        if not self.requested_expert:
            return self.expert
        return f"希望：{self.requested_expert}\n対応：{self.expert or '未定'}"


@dataclass(frozen=True)
class ConsultationLog:
    period: Period
    org_name: str | None  # None: every organisation
    rows: list[ConsultationRow]
    by_category: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    by_org: list[tuple[str, int]]  # organisations with at least one consultation, by code

    @property
    def total_minutes(self) -> int:
        return sum(r.minutes_spent or 0 for r in self.rows)


def consultation_log(
    db: Database, *, fy: int | None = None, month: str | None = None, org_id: str | None = None
) -> ConsultationLog:
    """The log for a month (``month`` wins) or a fiscal year; UserError when it holds nothing."""
    p = period(fy=fy, month=month)
    orgs = org_by_id(db)
    experts = names(db, "expert")
    systems = {s.code: s.name for s in reference.business_systems()}
    sql = (
        "SELECT * FROM consultation WHERE _deleted = 0"
        " AND substr(received_at, 1, 10) BETWEEN :start AND :end"
    )
    params: dict[str, str] = dict(p.params)
    if org_id:
        sql += " AND org_id = :org"
        params["org"] = org_id
    sql += " ORDER BY received_at, rid"
    rows = []
    for i, r in enumerate(db.query(sql, params), start=1):
        org = orgs.get(str(r["org_id"]))
        minutes = r["minutes_spent"]
        rows.append(
            ConsultationRow(
                no=i,
                id=str(r["id"]),
                received_at=datetime.fromisoformat(str(r["received_at"])),
                channel=text(r["channel"]),
                org_code=org.code if org else "",
                org_name=org.name if org else text(r["org_id"]),
                requester=text(r["requester"]),
                category=text(r["category"]),
                system=systems.get(text(r["system_code"]), ""),
                topic=text(r["topic"]),
                content=text(r["content"]),
                expert=experts.get(text(r["expert_id"]), ""),
                response=text(r["response"]),
                answered_on=to_date(r["answered_on"]),
                status=text(r["status"]),
                closed_on=to_date(r["closed_on"]),
                minutes_spent=None if minutes is None else int(minutes),
                requested_expert=experts.get(text(r["requested_expert_id"]), ""),
            )
        )
    org_name = None
    if org_id:
        org_name = orgs[org_id].name if org_id in orgs else org_id
    if not rows:
        scope = p.label + (f"の{org_name}" if org_name else "")
        raise UserError("report_no_data", title=TITLE, what=f"{scope}の相談")
    categories = Counter(r.category for r in rows)
    statuses = Counter(r.status for r in rows)
    per_org = Counter(r.org_code for r in rows)
    code_name = {r.org_code: r.org_name for r in rows}
    return ConsultationLog(
        period=p,
        org_name=org_name,
        rows=rows,
        by_category=[(c, categories[c]) for c in CONSULT_CATEGORIES if categories[c]]
        + [(c, n) for c, n in categories.items() if c not in CONSULT_CATEGORIES],
        by_status=[(s, statuses[s]) for s in CONSULT_STATUSES if statuses[s]],
        by_org=[(code_name[c], per_org[c]) for c in sorted(per_org)],
    )


# ---------------------------------------------------------------------------- documents


def _log(ctx: ReportContext) -> ConsultationLog:
    req = ctx.request
    fy = req.fy if (req.fy is not None or req.month) else fiscal_year(ctx.today)
    return consultation_log(ctx.database, fy=fy, month=req.month, org_id=req.org_id)


def build_pdf(ctx: ReportContext) -> bytes:
    log = _log(ctx)
    total = len(log.rows)
    doc = ctx.new_pdf(TITLE, landscape=True)
    doc.title_block(
        [
            ("対象期間", period_text(log.period)),
            ("対象団体", log.org_name or "全団体"),
            (
                "相談件数",
                f"{total:,}件（対応中・未対応 {total - dict(log.by_status).get('完了', 0)}件）",
            ),
            ("対応時間の合計", f"{log.total_minutes:,}分（{log.total_minutes / 60:,.1f}時間）"),
        ]
    )
    doc.heading("1. 集計")
    doc.heading("分類別", level=2)
    count_table(doc, "分類", log.by_category, share=True, width=0.4)
    doc.heading("状態別", level=2)
    count_table(doc, "状態", log.by_status, share=True, width=0.4)
    if log.org_name is None:
        doc.heading("団体別", level=2)
        half = (len(log.by_org) + 1) // 2
        left, right = log.by_org[:half], log.by_org[half:]
        doc.table(
            ["団体", "件数", "団体", "件数"],
            [[*left[i], *(right[i] if i < len(right) else ("", None))] for i in range(len(left))],
            widths=[3, 1, 3, 1],
            align="LRLR",
            width=0.6,
        )
    doc.heading("2. 相談一覧")
    doc.table(
        [
            "No",
            "受付日時",
            "団体・相談者",
            "方法",
            "分類",
            "件名",
            "相談内容",
            "対応内容・回答",
            "専門人材",
            "回答日",
            "状態",
            "時間\n(分)",
        ],
        [
            [
                r.no,
                r.received_at,
                f"{r.org_name}\n{r.requester}" if r.requester else r.org_name,
                r.channel,
                r.category,
                r.topic,
                r.content,
                r.response,
                r.experts_text,
                r.answered_on,
                r.status,
                r.minutes_spent,
            ]
            for r in log.rows
        ],
        widths=[4, 9, 11, 6.5, 9, 14, 23.5, 23.5, 10, 7, 6, 6],
        align="RLLCLLLLLLCR",
        font_size=7.5,
        total=["", "", "", "", "", "", "", "", "", "", "計", log.total_minutes],
    )
    return doc.build()


def build_xlsx(ctx: ReportContext) -> bytes:
    log = _log(ctx)
    rows = [
        [
            r.no,
            r.received_at,
            r.channel,
            r.org_code,
            r.org_name,
            r.requester,
            r.category,
            r.system,
            r.topic,
            r.content,
            r.requested_expert,
            r.expert,
            r.response,
            r.answered_on,
            r.status,
            r.closed_on,
            r.minutes_spent,
        ]
        for r in log.rows
    ]
    summary = [["分類", c, n] for c, n in log.by_category]
    summary += [["状態", s, n] for s, n in log.by_status]
    summary += [["団体", o, n] for o, n in log.by_org]
    return workbook_bytes(
        [
            Sheet(
                "相談一覧",
                [
                    "No.",
                    "受付日時",
                    "受付方法",
                    "団体コード",
                    "団体名",
                    "所属・相談者",
                    "分類",
                    "業務システム",
                    "件名",
                    "相談内容",
                    "団体が希望した専門人材",
                    "対応者（専門人材）",
                    "対応内容・回答",
                    "回答日",
                    "状態",
                    "完了日",
                    "対応時間（分）",
                ],
                rows,
                widths={9: 50, 12: 50},
            ),
            Sheet("集計", ["区分", "項目", "件数"], summary),
        ],
        title=f"{TITLE}（{log.period.label}）",
    )


register(
    ReportKind(
        name="consultations",
        official=True,
        title=TITLE,
        optional=("fy", "month", "org_id"),
        pdf=build_pdf,
        xlsx=build_xlsx,
        description="月または年度の相談の一覧と、分類別・状態別・団体別の件数です。",
    )
)
