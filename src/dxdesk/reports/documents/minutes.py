"""議事録 (minutes) of one meeting record: date, time, place, format, attendees (organisation,
prefecture, ours), agenda, summary, decisions, open points (課題事項) and the next meeting.
Decisions and open points are the meeting's ``meeting_item`` records, one line each (an open
point with its 担当 and 期限); a meeting recorded before them prints its old free texts.
``Minutes.due`` is the draft's due date, 3 開庁日 after the meeting (the profile's office
calendar, including its 臨時閉庁 days); it is for the window's deadlines, not printed: the
prefecture receives the minutes, not our rules for writing them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dxdesk.core.calendar import OfficeCalendar, format_wareki
from dxdesk.core.model import DECISION, OPEN_POINT
from dxdesk.errors import UserError
from dxdesk.reports.base import ReportContext, ReportKind, register
from dxdesk.reports.documents._queries import org_by_id, text, to_date, to_list
from dxdesk.store.database import Database

TITLE = "議事録"


@dataclass(frozen=True)
class Minutes:
    id: str
    title: str
    meeting_type: str
    date: dt.date
    start_time: str
    end_time: str
    place: str
    format: str
    org_name: str
    attendees_org: list[str]
    attendees_pref: list[str]
    attendees_ours: list[str]
    agenda: str
    minutes: str
    decisions: str
    action_items: str
    next_meeting: str
    due: dt.date  # the draft is due 3 開庁日 after the meeting

    @property
    def time_range(self) -> str:
        if self.start_time and self.end_time:
            return f"{self.start_time}〜{self.end_time}"
        return self.start_time


def _items(db: Database, meeting_id: str, item_type: str) -> str:
    """The meeting's items of one type, a line each in their order; "" when it has none."""
    rows = db.query(
        "SELECT text, owner, due_date FROM meeting_item WHERE meeting_id = ? AND item_type = ?"
        " AND _deleted = 0 ORDER BY sort_order IS NULL, sort_order, rid",
        (meeting_id, item_type),
    )
    lines = []
    for r in rows:
        line = "・" + " ".join(text(r["text"]).split())
        extra = [f"担当：{text(r['owner'])}"] if text(r["owner"]) else []
        due = to_date(r["due_date"])
        if due is not None:
            extra.append(f"期限：{format_wareki(due)}")
        lines.append(line + (f"（{'、'.join(extra)}）" if extra else ""))
    return "\n".join(lines)


def meeting_minutes(db: Database, meeting_id: str, calendar: OfficeCalendar) -> Minutes:
    """``calendar``: the profile's office calendar (with its 臨時閉庁 days) for the due date."""
    rows = db.query("SELECT * FROM meeting WHERE id = ? AND _deleted = 0", (meeting_id,))
    if not rows:
        raise UserError("unknown_record", label="会議", id=meeting_id)
    r = rows[0]
    day = to_date(r["date"])
    if day is None:  # the model requires a date; a damaged row is not printable
        raise UserError("unknown_record", label="会議", id=meeting_id)
    org = org_by_id(db).get(text(r["org_id"]))
    return Minutes(
        id=str(r["id"]),
        title=text(r["title"]),
        meeting_type=text(r["meeting_type"]),
        date=day,
        start_time=text(r["start_time"]),
        end_time=text(r["end_time"]),
        place=text(r["place"]),
        format=text(r["format"]),
        org_name=org.name if org else "",
        attendees_org=to_list(r["attendees_org"]),
        attendees_pref=to_list(r["attendees_pref"]),
        attendees_ours=to_list(r["attendees_ours"]),
        agenda=text(r["agenda"]),
        minutes=text(r["minutes"]),
        decisions=_items(db, meeting_id, DECISION) or text(r["decisions"]),
        action_items=_items(db, meeting_id, OPEN_POINT) or text(r["action_items"]),
        next_meeting=text(r["next_meeting"]),
        due=calendar.minutes_due(day),
    )


# ---------------------------------------------------------------------------- document


def _attendees(m: Minutes) -> list[tuple[str, str]]:
    rows = []
    for label, people in (
        (m.org_name or "団体", m.attendees_org),
        ("宮崎県", m.attendees_pref),
        ("当方", m.attendees_ours),
    ):
        if people:
            rows.append((f"出席者（{label}）", "、".join(people)))
    return rows or [("出席者", "")]


def build_pdf(ctx: ReportContext) -> bytes:
    if not ctx.request.meeting_id:
        raise UserError("report_param_missing", option="--meeting", label="会議")
    m = meeting_minutes(ctx.database, ctx.request.meeting_id, ctx.calendar)
    doc = ctx.new_pdf(TITLE, org_name=m.org_name)
    when = format_wareki(m.date, weekday=True)
    if m.time_range:
        when += f"　{m.time_range}"
    place = m.place + (f"（{m.format}）" if m.format and m.format not in m.place else "")
    doc.title_block(
        [
            ("会議名", m.title),
            ("種別", m.meeting_type),
            ("日時", when),
            ("場所", place),
            *_attendees(m),
        ],
        subtitle="（案）",
    )
    sections = [
        ("議題", m.agenda),
        ("議事概要", m.minutes),
        ("決定事項", m.decisions),
        ("課題事項（宿題事項）", m.action_items),
        ("次回予定", m.next_meeting),
    ]
    for no, (label, body) in enumerate(sections, start=1):
        doc.heading(f"{no}. {label}")
        doc.text(body or "特になし")
    doc.spacer(6)
    doc.table(["作成", "確認", "承認"], [["\n\n\n", "", ""]], widths=[1, 1, 1], align="CCC")
    return doc.build()


register(
    ReportKind(
        name="minutes",
        official=True,
        title=TITLE,
        needs=("meeting_id",),
        pdf=build_pdf,
        description="会議の記録から議事録（案）を作成します。表紙に提出期限（3開庁日後）を記載します。",
    )
)
