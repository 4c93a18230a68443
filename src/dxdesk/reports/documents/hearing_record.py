"""ヒアリング記録: the record of one visit or hearing, after it took place.

Date and time (和暦), organisation, form and purpose, place, attendees on each side, business
systems concerned, the agenda, what was heard (the full note, flowing over pages), findings, next
actions, the issues recorded from this visit, the hours booked to it, and a confirmation box.
"""

from __future__ import annotations

from typing import Any

from dxdesk.core import reference
from dxdesk.core.calendar import format_wareki
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, ReportRequest, register
from dxdesk.reports.documents._queries import ACTIVE_TIME, names, text, to_date, to_list
from dxdesk.store.database import Database

TITLE = "ヒアリング記録"


def _visit(ctx: ReportContext) -> dict[str, Any]:
    visit_id = ctx.request.visit_id or ""
    rows = ctx.database.query(
        "SELECT v.*, o.name AS org_name FROM visit v LEFT JOIN organisation o ON o.id = v.org_id"
        " WHERE v.id = ? AND v._deleted = 0",
        (visit_id,),
    )
    if not rows:
        raise UserError("unknown_record", label="訪問・ヒアリング", id=visit_id)
    return rows[0]


def visit_staff(db: Database, request: ReportRequest) -> str:
    """The hearing record is written by the consultant who held the visit."""
    rows = db.query(
        "SELECT s.name FROM visit v JOIN staff s ON s.id = v.staff_id WHERE v.id = ?",
        (request.visit_id or "",),
    )
    return str(rows[0]["name"] or "") if rows else ""


def _systems(codes: list[str]) -> str:
    out = []
    for code in codes:
        s = reference.system_by_code(code)
        out.append(s.name if s else code)
    return "、".join(out)


def build_pdf(ctx: ReportContext) -> bytes:
    v = _visit(ctx)
    db = ctx.database
    staff = names(db, "staff")
    vendors = names(db, "vendor")
    day = to_date(v["date"])
    when = format_wareki(day, weekday=True) if day else text(v["date"])
    if v.get("start_time"):
        when += f" {v['start_time']}〜{text(v.get('end_time'))}"
    issues = db.query(
        "SELECT * FROM issue WHERE _deleted = 0 AND visit_id = ? ORDER BY rid", (v["id"],)
    )
    hours = db.query(
        f'SELECT t.staff_id, sum(t.hours) AS h FROM "time" AS t WHERE {ACTIVE_TIME}'
        " AND t.visit_id = ? GROUP BY t.staff_id ORDER BY t.staff_id",
        (v["id"],),
    )

    doc = ctx.new_pdf(TITLE, org_name=text(v["org_name"]))
    doc.title_block()
    rows: list[tuple[str, object]] = [
        ("件名", text(v["title"])),
        ("日時", when),
        ("団体", text(v["org_name"])),
        ("形態・目的", "・".join(x for x in (text(v["mode"]), text(v["purpose"])) if x)),
        ("場所", text(v["place"])),
        ("出席者（団体）", "、".join(to_list(v["attendees_org"]))),
        ("出席者（ベンダ）", "、".join(to_list(v["attendees_vendor"]))),
        ("出席者（当方）", "、".join(to_list(v["attendees_ours"]))),
        ("担当者", staff.get(str(v["staff_id"]), "")),
        ("関連業務システム", _systems(to_list(v["systems"]))),
    ]
    doc.key_values([(k, val) for k, val in rows if val], key_width_mm=32)
    sections = (
        ("1. 議題", v["agenda"]),
        ("2. 内容・記録", v["notes"]),
        ("3. 把握した課題・所見", v["findings"]),
        ("4. 次回対応", v["next_actions"]),
    )
    for heading, body in sections:
        doc.heading(heading)
        if text(body).strip():
            doc.text(text(body))
        else:
            doc.paragraph("（記載なし）")
    doc.heading("5. この訪問で記録した課題")
    doc.table(
        ["課題", "ベンダ", "優先度", "状態", "対策"],
        [
            [
                text(i["title"]),
                vendors.get(str(i["vendor_id"]), ""),
                text(i["priority"]),
                text(i["status"]),
                text(i["countermeasure"]),
            ]
            for i in issues
        ],
        widths=[3.5, 2.5, 1.2, 1.2, 5],
        align="LLCCL",
        empty_text="この訪問から記録した課題はありません。",
    )
    if hours:
        doc.heading("6. 作業時間")
        total = sum(float(h["h"] or 0) for h in hours)
        doc.table(
            ["担当者", "時間"],
            [[staff.get(str(h["staff_id"]), ""), float(h["h"] or 0)] for h in hours],
            widths=[3, 1],
            align="LR",
            total=["合計", total],
            width=0.5,
        )
    doc.spacer(6)
    # Boxes for the seals (押印欄), on the right as on any Japanese form.
    doc.table(
        ["作成者", "確認者", "確認日"],
        [["\n\n\n", "\n\n\n", "\n\n\n"]],
        align="CCC",
        width=0.45,
        h_align="RIGHT",
    )
    return doc.build()


register(
    ReportKind(
        name="hearing-record",
        title=TITLE,
        needs=("visit_id",),
        pdf=build_pdf,
        author=visit_staff,
        description="訪問・ヒアリング1件の記録（日時、出席者、内容、所見、次回対応、関連する課題）",
    )
)
