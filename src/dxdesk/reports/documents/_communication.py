"""The communication tool's figures (6(3)): the one query of a month's activity per group, and
the monthly report's short section on it (only when there are figures).

Self-contained on purpose: the monthly report's order of sections is a template elsewhere; this
section needs nothing of the report's own data, only the database and the month.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxdesk.core.model import kind
from dxdesk.reports.documents._queries import Period
from dxdesk.reports.pdf import PdfDocument
from dxdesk.store.database import Database
from dxdesk.store.meanings import live_clause


@dataclass(frozen=True)
class GroupActivity:
    month: str  # YYYY-MM
    tool: str
    group: str  # the group's name on the tool
    dxdesk_group: str  # the dxdesk group it is mapped to ("" when none)
    posts: int | None
    active_members: int | None
    members: int | None


def activity_figures(db: Database, first_month: str, last_month: str) -> list[GroupActivity]:
    """Each group's figures for the months from ``first_month`` to ``last_month`` (YYYY-MM),
    by month, tool and group name."""
    a, g = kind("comm_activity"), kind("comm_group")
    rows = db.query(
        "SELECT a.month, t.name AS tool, g.name AS grp, d.name AS dx, a.posts,"
        " a.active_members, a.members FROM comm_activity AS a"
        " JOIN comm_group AS g ON g.id = a.comm_group_id"
        " LEFT JOIN comm_tool AS t ON t.id = g.tool_id"
        ' LEFT JOIN "group" AS d ON d.id = g.group_id AND d._deleted = 0'
        f" WHERE {live_clause(a, 'a')} AND {live_clause(g, 'g')}"
        " AND a.month BETWEEN ? AND ? ORDER BY a.month, t.name, g.name",
        (first_month, last_month),
    )
    return [
        GroupActivity(
            str(r["month"]),
            str(r["tool"] or ""),
            str(r["grp"] or ""),
            str(r["dx"] or ""),
            r["posts"],
            r["active_members"],
            r["members"],
        )
        for r in rows
    ]


def communication_tool_section(
    doc: PdfDocument,
    db: Database,
    period: Period,
    heading: str = "（参考）コミュニケーションツールの利用状況",
) -> None:
    """コミュニケーションツールの利用状況: the month's posts and active members per group and
    the promotion events held; nothing at all when the month has neither."""
    month = f"{period.start:%Y-%m}"
    figures = activity_figures(db, month, month)
    events = db.query(
        "SELECT date, title, participants FROM comm_event AS e"
        f" WHERE {live_clause(kind('comm_event'), 'e')} AND date BETWEEN ? AND ?"
        " ORDER BY date, id",
        (period.start.isoformat(), period.end.isoformat()),
    )
    if not figures and not events:
        return
    doc.heading(heading)
    if figures:
        posts = sum(f.posts or 0 for f in figures)
        tools = sorted({f.tool for f in figures})
        doc.paragraph(
            f"{'・'.join(tools)}の{len(figures)}グループで、当月の投稿数は合計{posts:,}件でした。"
        )
        one_tool = len(tools) == 1  # the tool is named above: no column repeating it
        header = ["グループ", "対応するグループ", "投稿数", "アクティブ人数", "参加人数"]
        doc.table(
            header if one_tool else ["ツール", *header],
            [
                [
                    *(() if one_tool else (f.tool,)),
                    f.group,
                    f.dxdesk_group,
                    f.posts,
                    f.active_members,
                    f.members,
                ]
                for f in figures
            ],
            widths=[4, 4, 1.2, 1.5, 1.2] if one_tool else [2, 3, 3, 1.2, 1.5, 1.2],
            align="LLRRR" if one_tool else "LLLRRR",
        )
    if events:
        doc.paragraph(
            "利用促進の取組："
            + "、".join(
                f"{int(str(e['date'])[5:7])}月{int(str(e['date'])[8:10])}日 {e['title']}"
                + (f"（{e['participants']}名）" if e["participants"] is not None else "")
                for e in events
            )
        )
