"""業務実施体制図 (8(1) No.2): the team as an organisation chart drawn from the staff records
(the 統括責任者 at the top, then the 常時支援者, 伴走支援, 専門人材 and 事務 groups), each person
with their role and career (実務経歴), then the list of the team with the organisations each
常時支援者 is engaged with in the fiscal year. PDF and xlsx.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dxdesk.core.calendar import fiscal_year
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import (
    Period,
    fy_period,
    live_org,
    period_text,
    supervisor_name,
    text,
)
from dxdesk.reports.pdf_orgchart import ChartGroup, ChartPerson, OrgChart
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store.database import Database

TITLE = "業務実施体制図"
HEAD_ROLE = "統括責任者"
# The groups under the 統括責任者, in the order the chart draws them (core/model.py STAFF_ROLES).
GROUP_ROLES = ("常時支援者", "伴走支援", "専門人材", "事務")


@dataclass(frozen=True)
class Member:
    name: str
    role: str
    career: str
    orgs: tuple[str, ...]  # organisations of the member's engagements in the fiscal year

    @property
    def career_line(self) -> str:
        """The first line of the career, for the chart's box (the list prints all of it)."""
        return next((ln.strip() for ln in self.career.splitlines() if ln.strip()), "")


@dataclass(frozen=True)
class Team:
    period: Period
    members: list[Member]
    experts: int  # live records of the expert roster (専門人材一覧表)

    def of(self, role: str) -> list[Member]:
        return [m for m in self.members if m.role == role]


def team(db: Database, fy: int) -> Team:
    p = fy_period(fy)
    orgs: dict[str, list[str]] = defaultdict(list)
    for r in db.query(
        "SELECT e.staff_id, o.name FROM engagement AS e JOIN organisation AS o ON o.id = e.org_id"
        f" WHERE e._deleted = 0 AND e.fy = ? AND {live_org('e.org_id')} ORDER BY o.code",
        (fy,),
    ):
        orgs[str(r["staff_id"])].append(str(r["name"]))
    rank = {role: i for i, role in enumerate((HEAD_ROLE, *GROUP_ROLES))}
    rows = db.query("SELECT id, name, role, career FROM staff WHERE _deleted = 0 ORDER BY rid")
    members = [
        Member(
            text(r["name"]), text(r["role"]), text(r["career"]), tuple(orgs.get(str(r["id"]), ()))
        )
        for r in sorted(rows, key=lambda r: rank.get(text(r["role"]), len(rank)))
    ]
    experts = int(db.query("SELECT count(*) AS n FROM expert WHERE _deleted = 0")[0]["n"])
    return Team(p, members, experts)


def _team(ctx: ReportContext) -> Team:
    fy = ctx.request.fy if ctx.request.fy is not None else fiscal_year(ctx.today)
    found = team(ctx.database, fy)
    if not found.members:
        raise ctx.no_data("登録された担当者")
    return found


def _counts(t: Team) -> str:
    parts = [f"{role} {len(t.of(role))}名" for role in (HEAD_ROLE, *GROUP_ROLES) if t.of(role)]
    return f"{len(t.members)}名（{'、'.join(parts)}）"


def build_pdf(ctx: ReportContext) -> bytes:
    t = _team(ctx)
    doc = ctx.new_pdf(TITLE)
    rows = [("対象年度", period_text(t.period)), ("従事者", _counts(t))]
    if t.experts:
        rows.append(("専門人材の登録", f"{t.experts}名（専門人材一覧表のとおり）"))
    doc.title_block(rows)
    doc.heading("1. 実施体制")
    groups = []
    for role in GROUP_ROLES:
        people = [ChartPerson(m.name, m.career_line) for m in t.of(role)]
        if role == "専門人材" and t.experts:
            people.append(ChartPerson(f"登録専門人材 {t.experts}名", "専門人材一覧表のとおり"))
        groups.append(ChartGroup(role, tuple(people)))
    head = [ChartPerson(m.name, m.career_line) for m in t.of(HEAD_ROLE)]
    doc.add(OrgChart(HEAD_ROLE, head, groups, font=doc.fonts.regular, bold=doc.fonts.bold))
    doc.spacer(4)
    doc.heading("2. 従事者の役割と実務経歴")
    doc.table(
        ["No", "役割", "氏名", "担当団体", "実務経歴"],
        [
            [i, m.role, m.name, "、".join(m.orgs), m.career]
            for i, m in enumerate(t.members, start=1)
        ],
        widths=[4, 12, 12, 14, 46],
        align="RLLLL",
    )
    return doc.build()


def build_xlsx(ctx: ReportContext) -> bytes:
    t = _team(ctx)
    rows = [
        [i, m.role, m.name, "、".join(m.orgs), m.career] for i, m in enumerate(t.members, start=1)
    ]
    return workbook_bytes(
        [
            Sheet(
                "体制",
                ["No", "役割", "氏名", f"担当団体（{t.period.label}）", "実務経歴"],
                rows,
                widths={4: 60},
            )
        ],
        title=TITLE,
    )


register(
    ReportKind(
        name="structure",
        official=True,
        title=TITLE,
        optional=("fy",),
        pdf=build_pdf,
        xlsx=build_xlsx,
        author=supervisor_name,
        description="統括責任者の下の常時支援者・伴走支援・専門人材・事務の体制を、各人の実務経歴とともに示す図です。",
    )
)
