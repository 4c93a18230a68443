"""支援事例 (case-study sheet) of an intensive-support engagement: the case_study record (background,
approach, results, lessons for other municipalities) with the engagement's theme, period, staff
and what the records show for it (days on site against the target, visits, hours).

Selected by ``--engagement ID`` (an engagement or a case_study id), else by ``--org``, else every
case study (of ``--fy`` when given), one sheet after the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    ACTIVE_TIME,
    SITE_DAYS,
    date_text,
    org_by_id,
    supporter_names,
    text,
    to_date,
)
from dxdesk.reports.pdf import cell_text
from dxdesk.store.database import Database

TITLE = "支援事例"


@dataclass(frozen=True)
class Engagement:
    id: str
    fy: int
    staff: str
    start: date | None
    end: date | None
    target_days: int | None
    theme: str
    notes: str
    site_days: int  # on-site days for the organisation within the engagement period
    visits: int
    hours: float


@dataclass(frozen=True)
class CaseStudySheet:
    id: str
    title: str
    status: str
    org_name: str
    background: str
    approach: str
    results: str
    lessons: str
    engagement: Engagement | None


def _engagement(db: Database, engagement_id: str, org_id: str) -> Engagement | None:
    rows = db.query("SELECT * FROM engagement WHERE id = ? AND _deleted = 0", (engagement_id,))
    if not rows:
        return None
    r = rows[0]
    start, end = to_date(r["start_date"]), to_date(r["end_date"])
    prm = {
        "start": (start or date(1900, 1, 1)).isoformat(),
        "end": (end or date(2999, 12, 31)).isoformat(),
        "org": org_id,
    }
    days = db.query(f"SELECT count(DISTINCT d) AS n FROM ({SITE_DAYS}) WHERE org_id = :org", prm)[
        0
    ]["n"]
    visits = db.query(
        "SELECT count(*) AS n FROM visit WHERE _deleted = 0 AND org_id = :org"
        " AND date BETWEEN :start AND :end",
        prm,
    )[0]["n"]
    hours = db.query(
        f"SELECT coalesce(sum(t.hours), 0) AS h FROM time t WHERE {ACTIVE_TIME}"
        " AND t.org_id = :org AND t.date BETWEEN :start AND :end",
        prm,
    )[0]["h"]
    return Engagement(
        id=str(r["id"]),
        fy=int(r["fy"]),
        staff=supporter_names(db, str(r["id"])),
        start=start,
        end=end,
        target_days=None if r["target_days"] is None else int(r["target_days"]),
        theme=text(r["theme"]),
        notes=text(r["notes"]),
        site_days=int(days),
        visits=int(visits),
        hours=float(hours),
    )


def case_studies(
    db: Database,
    *,
    engagement_id: str | None = None,
    org_id: str | None = None,
    fy: int | None = None,
) -> list[CaseStudySheet]:
    sql = "SELECT cs.* FROM case_study cs LEFT JOIN engagement e ON e.id = cs.engagement_id"
    where: list[str] = ["cs._deleted = 0"]
    params: list[object] = []
    if engagement_id:
        where.append("(cs.engagement_id = ? OR cs.id = ?)")
        params += [engagement_id, engagement_id]
    if org_id:
        where.append("cs.org_id = ?")
        params.append(org_id)
    if fy is not None:
        where.append("e.fy = ?")
        params.append(fy)
    rows = db.query(sql + " WHERE " + " AND ".join(where) + " ORDER BY cs.rid", params)
    if not rows:
        if engagement_id:
            raise UserError("unknown_record", label="集中支援または支援事例", id=engagement_id)
        raise UserError("report_no_data", title=TITLE, what="指定の条件の支援事例")
    orgs = org_by_id(db)
    out = []
    for r in rows:
        org = orgs.get(text(r["org_id"]))
        eng = _engagement(db, text(r["engagement_id"]), text(r["org_id"]))
        out.append(
            CaseStudySheet(
                id=str(r["id"]),
                title=text(r["title"]),
                status=text(r["status"]),
                org_name=org.name if org else "",
                background=text(r["background"]),
                approach=text(r["approach"]),
                results=text(r["results"]),
                lessons=text(r["lessons"]),
                engagement=eng,
            )
        )
    return out


# ---------------------------------------------------------------------------- document


def _sheets(ctx: ReportContext) -> list[CaseStudySheet]:
    req = ctx.request
    return case_studies(ctx.database, engagement_id=req.engagement_id, org_id=req.org_id, fy=req.fy)


def _period(e: Engagement) -> str:
    if e.start is None and e.end is None:
        return ""
    return f"{date_text(e.start)}〜{date_text(e.end)}"


def _months(e: Engagement) -> int:
    if e.start is None or e.end is None:
        return 0
    return (e.end.year - e.start.year) * 12 + e.end.month - e.start.month + 1


def build_pdf(ctx: ReportContext) -> bytes:
    sheets = _sheets(ctx)
    doc = ctx.new_pdf(TITLE, org_name=sheets[0].org_name if len(sheets) == 1 else "")
    for i, cs in enumerate(sheets):
        if i:
            doc.page_break()
            doc.heading(f"{TITLE}　{cs.org_name}")
        rows: list[tuple[str, object]] = [("事例名", cs.title), ("団体", cs.org_name)]
        e = cs.engagement
        if e is not None:
            months = _months(e)
            target = (
                f"（目標 月{e.target_days}日 × {months}か月 = {e.target_days * months}日）"
                if e.target_days and months
                else ""
            )
            rows += [
                ("支援テーマ", e.theme),
                ("支援期間", _period(e)),
                ("常時支援者", e.staff),
                ("現地支援日数", f"{e.site_days:,}日{target}"),
                ("訪問・ヒアリング", f"{e.visits:,}件"),
                ("支援工数", f"{e.hours:,.2f}".rstrip("0").rstrip(".") + "時間"),
            ]
        rows.append(("状態", cs.status))
        if i == 0:
            doc.title_block([(k, cell_text(v)) for k, v in rows])
        else:
            doc.key_values(rows)
        for no, (label, body) in enumerate(
            (
                ("背景・課題", cs.background),
                ("支援内容", cs.approach),
                ("成果", cs.results),
                ("他団体への示唆", cs.lessons),
            ),
            start=1,
        ):
            doc.heading(f"{no}. {label}")
            doc.text(body or "（未記入）")
    return doc.build()


register(
    ReportKind(
        name="case-study",
        official=True,
        title=TITLE,
        optional=("engagement_id", "org_id", "fy"),
        pdf=build_pdf,
        description="集中支援の支援事例（背景・支援内容・成果・他団体への示唆）と現地支援の実績です。",
    )
)
