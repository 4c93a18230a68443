"""The office calendar of a profile: national rules plus the user's 臨時閉庁 days (closed_day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dxdesk.core.calendar import OfficeCalendar, format_wareki, parse_date
from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.services.profile import Profile


def office_calendar(profile: Profile) -> OfficeCalendar:
    closed = []
    for record in profile.records.select(kind("closed_day")):
        if isinstance(record.get("date"), str):
            closed.append(date.fromisoformat(str(record["date"])))
    return OfficeCalendar(extra_closed=closed)


@dataclass(frozen=True)
class Due:
    what: str
    due: date
    basis: str

    def describe(self) -> str:
        return f"{self.what}の期限：{format_wareki(self.due, weekday=True)}（{self.due.isoformat()}、{self.basis}）"


def read_date(text: str) -> date:
    """A date typed by a person (ISO or 和暦), or one Japanese sentence saying it is none."""
    try:
        return parse_date(text)
    except ValueError:
        raise UserError("bad_argument", detail=f"「{text}」を日付として読み取れません。") from None


def minutes_due(profile: Profile, meeting: str) -> Due:
    d = read_date(meeting)
    return Due("議事録", office_calendar(profile).minutes_due(d), "会議の翌日から数えて3開庁日目")


def materials_due(profile: Profile, meeting: str) -> Due:
    d = read_date(meeting)
    return Due("会議資料", office_calendar(profile).materials_due(d), "会議の前の開庁日")


def monthly_report_due(profile: Profile, month: str, rule: str | None = None) -> Due:
    try:
        year, mon = (int(x) for x in month.replace("/", "-").split("-"))
    except ValueError:
        raise UserError(
            "bad_argument", detail="年月は YYYY-MM の形式で指定してください。"
        ) from None
    if not 1 <= mon <= 12:
        raise UserError("bad_argument", detail="年月は YYYY-MM の形式で指定してください。")
    rule = rule or profile.settings.monthly_report_rule
    cal = office_calendar(profile)
    deadline = cal.monthly_report_deadline(year, mon, rule)
    return Due(f"{year}年{mon}月分の月次作業報告書", deadline.due, deadline.rule_text)
