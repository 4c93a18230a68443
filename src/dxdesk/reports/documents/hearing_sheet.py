"""ヒアリングシート: what to take to a visit of one organisation.

The organisation's profile and contacts, its standardisation status per business system (vendor,
step reached, planned go-live, status), open issues with their countermeasures, the last visits in
brief, the questions to ask (a template: ``resources/hearing_checklist.txt``, overridden by a file
of the same name in the profile folder) and ruled space for handwritten notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dxdesk.core import progress, reference
from dxdesk.core.calendar import format_wareki
from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import names, supporter_names, text, to_date
from dxdesk.reports.documents._templates import UNREADABLE, template_text
from dxdesk.reports.xlsx import Sheet, workbook_bytes
from dxdesk.store import progress as progress_rows
from dxdesk.store.database import Database
from dxdesk.store.meanings import open_clause
from dxdesk.store.shared import org_condition, shared

TITLE = "ヒアリングシート"
CHECKLIST_FILE = "hearing_checklist.txt"
LAST_VISITS = 5


@dataclass(frozen=True)
class SystemRow:
    code: str
    name: str
    vendor: str  # vendor and package
    reached: str  # the highest completed procedure step
    done: int  # steps counted as done by the national formula: 完了済み + 対象外
    applicable: int  # steps of the cell (40), 0 for a system the organisation does not run
    go_live: str
    status: str
    go_live_date: date | None = None
    rate: float | None = None  # 完了率 as 総務省 computes it (core.progress), in percent


def load_checklist(profile_root: Path | None) -> list[tuple[str, list[str]]]:
    """(heading, questions) from the profile's template if present, else the shipped one."""
    raw, source = template_text(CHECKLIST_FILE, profile_root)
    if raw is None:
        raise UserError("report_template_invalid", path=source, detail=UNREADABLE)
    sections: list[tuple[str, list[str]]] = []
    for line in raw.splitlines():
        item = line.strip()
        if not item or item.startswith("#"):
            continue
        if item.startswith("■"):
            sections.append((item.lstrip("■").strip(), []))
        else:
            if not sections:
                sections.append(("確認事項", []))
            sections[-1][1].append(item)
    sections = [(h, items) for h, items in sections if items]
    if not sections:
        raise UserError("report_template_invalid", path=source, detail="確認事項が1件もありません")
    return sections


def system_rows(db: Database, org: dict[str, Any], today: date | None = None) -> list[SystemRow]:
    """One row per business system, in the order of 総務省's tables; the figures and the 状況
    word are core.progress's (the national rate, the cell's state), as in the window."""
    vendors = names(db, "vendor")
    step_names = {s.no: s for s in reference.procedure_steps()}
    rows = []
    for cell in progress_rows.cells(db, today or today_jst(), str(org["id"])):
        s = reference.system_by_code(cell.system_code)
        assert s is not None  # the matrix holds the reference systems only
        row = cell.status_row
        reached = ""
        if cell.applies and cell.furthest_step is not None:
            top = step_names[cell.furthest_step]
            reached = f"{top.item} {top.name}"
        vendor = ""
        if row is not None and cell.applies:
            vendor = "\n".join(
                x
                for x in (vendors.get(str(row.get("vendor_id")), ""), text(row.get("package_name")))
                if x
            )
        go_live = cell.planned_go_live if cell.applies else None
        state = cell.state
        if state == progress.STATE_SPECIAL and cell.special_reason:
            state = f"{state}（{cell.special_reason}）"
        elif state == progress.STATE_WORKING and cell.behind_plan:
            state = f"{state}（計画より遅れ）"
        rows.append(
            SystemRow(
                s.code,
                s.short_name or s.name,
                vendor,
                reached,
                cell.counts.done + cell.counts.not_applicable if cell.applies else 0,
                cell.counts.total if cell.applies else 0,
                format_wareki(go_live) if go_live else "",
                state,
                go_live,
                cell.counts.completion_rate if cell.applies else None,
            )
        )
    return rows


def open_issues(db: Database, org_id: str) -> list[dict[str, Any]]:
    """Open issues (未対応, 対応中, 保留: Kind.open_statuses), most urgent first: the
    organisation's own and those it shares (store/shared.py), a shared one's title followed by
    「（共有：都城市ほか2団体）」 as the window's lists mark it."""
    issue = kind("issue")
    of_org, params = org_condition(issue, "issue", org_id)
    rows = db.query(
        f"SELECT * FROM issue WHERE _deleted = 0 AND {of_org}"
        f" AND {open_clause(issue)}"
        " ORDER BY CASE priority WHEN '高' THEN 0 WHEN '中' THEN 1 ELSE 2 END, raised_on, rid",
        params,
    )
    marks = shared(db, issue, rows)
    if marks:
        orgs = {str(r["id"]): str(r["name"]) for r in db.query("SELECT id, name FROM organisation")}
        for row in rows:
            mark = marks.get(str(row["id"]))
            if mark is not None:
                row["title"] = f"{text(row['title'])}（{mark.japanese(orgs)}）"
    return rows


def build_xlsx(ctx: ReportContext) -> bytes:
    """The sheet's two tables to work on in Excel: systems and open issues."""
    org = dict(ctx.require_org())
    systems = [
        [
            r.code,
            r.name,
            r.vendor.replace("\n", " "),
            r.reached,
            r.done if r.applicable else None,
            r.applicable or None,
            r.rate,
            r.go_live_date,
            r.status,
        ]
        for r in system_rows(ctx.database, org, ctx.today)
    ]
    issues = [
        [
            text(i["title"]),
            text(i["priority"]),
            text(i["status"]),
            to_date(i["raised_on"]),
            to_date(i["due_date"]),
            text(i["countermeasure"]),
            text(i["response_status"]),
        ]
        for i in open_issues(ctx.database, str(org["id"]))
    ]
    return workbook_bytes(
        [
            Sheet(
                "標準化の状況",
                [
                    "コード",
                    "業務システム",
                    "ベンダ・製品",
                    "到達ステップ",
                    "完了＋対象外（ステップ）",
                    "全ステップ",
                    "完了率（%）",
                    "移行予定日",
                    "状況",
                ],
                systems,
            ),
            Sheet(
                "要注意",
                ["業務システム", "点数", "理由"],
                [[a.system or "団体全体", a.score, "\n".join(a.reasons)] for a in ctx.attention],
                widths={2: 90},
            ),
            Sheet(
                "未解決の課題",
                ["課題", "優先度", "状態", "把握日", "期限", "対策", "対応状況"],
                issues,
                widths={5: 60, 6: 60},
            ),
        ],
        title=f"{TITLE}（{org['name']}）",
    )


def build_pdf(ctx: ReportContext) -> bytes:
    org = dict(ctx.require_org())
    db = ctx.database
    contacts = db.query(
        "SELECT name, department, title, phone FROM contact WHERE _deleted = 0 AND org_id = ?"
        " ORDER BY rid",
        (org["id"],),
    )
    engagement = db.query(
        "SELECT * FROM engagement WHERE _deleted = 0 AND org_id = ? ORDER BY fy DESC, rid DESC"
        " LIMIT 1",
        (org["id"],),
    )
    issues = open_issues(db, str(org["id"]))
    visits = db.query(
        "SELECT * FROM visit WHERE _deleted = 0 AND org_id = ? AND date <= ?"
        " ORDER BY date DESC, start_time DESC, rid DESC LIMIT ?",
        (org["id"], ctx.today.isoformat(), LAST_VISITS),
    )
    checklist = load_checklist(ctx.profile_root)
    planned = db.query(
        "SELECT date, start_time, end_time FROM visit WHERE _deleted = 0 AND org_id = ?"
        " AND date > ? ORDER BY date, start_time LIMIT 1",
        (org["id"], ctx.today.isoformat()),
    )

    doc = ctx.new_pdf(TITLE)
    when = "令和　　年　　月　　日（　　）　　　：　　　〜　　　："
    if planned:  # a visit already entered for a later day: print it instead of blanks
        day = to_date(planned[0]["date"])
        if day is not None:
            when = format_wareki(day, weekday=True)
            if planned[0]["start_time"]:
                when += f" {planned[0]['start_time']}〜{text(planned[0]['end_time'])}"
    doc.title_block([("訪問予定日", when), ("訪問者", "")])
    doc.heading("1. 団体の概要")
    kv: list[tuple[str, object]] = [
        (
            "団体名",
            f"{org['name']}（{text(org.get('reading'))}）" if org.get("reading") else org["name"],
        ),
        (
            "団体コード・区分",
            f"{org['code']}　{text(org.get('org_kind'))}"
            + (f"（{org['gun']}）" if org.get("gun") else ""),
        ),
        ("圏域", text(org.get("area"))),
        ("所在地", text(org.get("address"))),
        ("伴走支援", "対象" if org.get("bansou") else "対象外"),
    ]
    if contacts:
        kv.append(
            (
                "団体担当者",
                "\n".join(
                    " ".join(
                        x for x in (text(c["department"]), text(c["title"]), text(c["name"])) if x
                    )
                    + (f"（{c['phone']}）" if c.get("phone") else "")
                    for c in contacts
                ),
            )
        )
    if engagement:
        e = engagement[0]
        kv.append(
            (
                "集中支援",
                f"{text(e['theme'])}（常時支援者：{supporter_names(db, str(e['id']))}、"
                f"月{e['target_days'] or 10}日）",
            )
        )
    if org.get("notes"):
        kv.append(("備考", text(org["notes"])))
    doc.key_values(kv, key_width_mm=32)

    doc.heading("2. 標準化の状況（業務システム別）")
    rows = system_rows(db, org, ctx.today)
    doc.table(
        ["業務システム", "ベンダ・製品", "到達ステップ", "完了率", "移行予定日", "状況"],
        [
            [
                r.name,
                r.vendor,
                r.reached,
                f"{r.done}/{r.applicable}\n{progress.percent_label(r.rate)}"
                if r.rate is not None
                else "",
                r.go_live,
                r.status,
            ]
            for r in rows
        ],
        widths=[2.1, 3.4, 3.6, 1.1, 2.1, 1.9],
        align="LLLRCL",
        font_size=8,
    )
    # What to ask about first: the 要注意 entries of this organisation, as the window ranks them.
    doc.heading("要注意の事項（点数の高い順）", level=2)
    doc.table(
        ["業務システム", "点数", "理由"],
        [[a.system or "団体全体", a.score, "\n".join(a.reasons)] for a in ctx.attention],
        widths=[2.2, 0.9, 10],
        align="LRL",
        empty_text="要注意の事項はありません。",
    )
    doc.heading("3. 未解決の課題と対策")
    doc.table(
        ["課題", "優先度", "状態", "対策", "対応状況"],
        [
            [
                text(i["title"]),
                text(i["priority"]),
                text(i["status"]),
                text(i["countermeasure"]),
                text(i["response_status"]),
            ]
            for i in issues
        ],
        widths=[3.2, 1.25, 1.1, 4, 4],
        align="LCCLL",
        empty_text="未解決の課題はありません。",
    )
    doc.heading(f"4. 最近の訪問・ヒアリング（直近{LAST_VISITS}件）")
    brief_rows = []
    for v in visits:
        # The whole note, wrapped: a summary cut mid-sentence reads as something else.
        brief = text(v["notes"])
        brief_rows.append([to_date(v["date"]), text(v["mode"]), f"{text(v['title'])}\n{brief}"])
    doc.table(
        ["日付", "形態", "件名・概要"],
        brief_rows,
        widths=[1.3, 1.2, 10],
        align="CCL",
        empty_text="これまでの訪問記録はありません。",
    )
    doc.heading("5. 確認事項")
    for heading, items in checklist:
        doc.heading(heading, level=2)
        doc.checklist(items, answer_lines=1)
    doc.ruled_lines(label="6. メモ")
    return doc.build()


register(
    ReportKind(
        name="hearing-sheet",
        title=TITLE,
        needs=("org_id",),
        pdf=build_pdf,
        xlsx=build_xlsx,
        description="訪問前に持参するシート（団体の概要、標準化の状況と要注意の事項、未解決の課題、確認事項、メモ欄）",
        attention=True,
    )
)
