"""The Japanese government calendar: 年度, 和暦 and 開庁日 (days the offices are open).

The facts (era start dates, fiscal-year start, closures, contract deadlines) live in
``dxdesk/resources/calendar.json`` with their sources; national holidays, including 振替休日
and 国民の休日, come from jpholiday. Nothing here touches the clock, the database or the disk
beyond reading that packaged file once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from dxdesk.core.reference import RESOURCES

__all__ = [
    "DATE_STYLES",
    "EXTRA_CLOSED",
    "HOLIDAY",
    "WEEKDAYS_JA",
    "WEEKEND",
    "YEAR_END",
    "DueDate",
    "Era",
    "OfficeCalendar",
    "default_monthly_report_rule",
    "eras",
    "fiscal_year",
    "fiscal_year_range",
    "format_date",
    "format_fiscal_year",
    "format_stored",
    "format_wareki",
    "format_wareki_compact",
    "monthly_report_rules",
    "parse_date",
    "parse_month",
    "wareki_year",
]

# Index = date.weekday() (Monday = 0).
WEEKDAYS_JA = "月火水木金土日"

_ONE_DAY = timedelta(days=1)


# --- Reference data -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Era:
    """One 元号 and the day it took effect."""

    name: str
    abbr: str
    start: date


# Monthly-report rule -> direction to move from a closed 10th.
_MONTHLY_REPORT_STEPS = {"earlier": -1, "later": 1}


@dataclass(frozen=True)
class _Reference:
    eras: tuple[Era, ...]  # oldest first
    fy_start_month: int
    closed_iso_weekdays: frozenset[int]
    year_end_from: tuple[int, int]  # (month, day)
    year_end_to: tuple[int, int]
    minutes_open_days: int
    monthly_report_day: int
    monthly_report_default: str
    monthly_report_choices: Mapping[str, str]  # rule -> Japanese label


def _month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in text.split("-"))
    date(2000, month, day)  # leap year: validates the pair, 02-29 included
    return month, day


def _parse_reference(raw: Mapping[str, Any]) -> _Reference:
    era_list = sorted(
        (
            Era(
                name=str(item["name"]),
                abbr=str(item["abbr"]),
                start=date.fromisoformat(item["start"]),
            )
            for item in raw["eras"]["items"]
        ),
        key=lambda era: era.start,
    )
    for era in era_list:
        # parse_date relies on one ASCII capital per era and unique names/abbreviations.
        if not re.fullmatch(r"[A-Z]", era.abbr):
            raise ValueError(f"calendar.json: era abbreviation must be one capital letter: {era}")
    n_eras = len(era_list)
    if len({e.abbr for e in era_list}) != n_eras or len({e.name for e in era_list}) != n_eras:
        raise ValueError("calendar.json: era names and abbreviations must be unique")
    closures = raw["closures"]
    deadlines = raw["deadlines"]
    rule = deadlines["monthly_report_rule"]
    choices = {str(k): str(v) for k, v in rule["choices"].items()}
    if set(choices) != set(_MONTHLY_REPORT_STEPS):
        # Each rule needs code behind it; the file only labels them.
        raise ValueError(
            f"calendar.json: monthly report rules must be {set(_MONTHLY_REPORT_STEPS)}"
        )
    default = str(rule["default"])
    if default not in choices:
        raise ValueError(f"calendar.json: default monthly report rule {default!r} not in choices")
    return _Reference(
        eras=tuple(era_list),
        fy_start_month=int(raw["fiscal_year"]["start_month"]),
        closed_iso_weekdays=frozenset(int(w) for w in closures["iso_weekdays"]),
        year_end_from=_month_day(closures["year_end"]["from"]),
        year_end_to=_month_day(closures["year_end"]["to"]),
        minutes_open_days=int(deadlines["minutes_open_days"]),
        monthly_report_day=int(deadlines["monthly_report_day"]),
        monthly_report_default=default,
        monthly_report_choices=choices,
    )


@cache
def _reference() -> _Reference:
    text = (RESOURCES / "calendar.json").read_text(encoding="utf-8")
    return _parse_reference(json.loads(text))


def eras() -> tuple[Era, ...]:
    """The supported eras, oldest first."""
    return _reference().eras


def monthly_report_rules() -> dict[str, str]:
    """The choices for the monthly-report rule setting: rule -> Japanese label."""
    return dict(_reference().monthly_report_choices)


def default_monthly_report_rule() -> str:
    """The default for the monthly-report rule setting ("earlier")."""
    return _reference().monthly_report_default


# --- 年度 ---------------------------------------------------------------------------------------


def fiscal_year(d: date) -> int:
    """The 年度 (April to March) that ``d`` belongs to, named by the calendar year it starts in."""
    return d.year if d.month >= _reference().fy_start_month else d.year - 1


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """First and last day of fiscal year ``fy`` (2025 -> 2025-04-01, 2026-03-31)."""
    start = date(fy, _reference().fy_start_month, 1)
    next_start = date(fy + 1, start.month, 1)
    return start, next_start - _ONE_DAY


def format_fiscal_year(fy: int) -> str:
    """令和7年度 for 2025.

    A fiscal year is named by the era in force on December 31 of its first calendar year: an era
    that starts in April-December renames that year's 年度 (FY2019 -> 令和元年度, as the
    government wrote it after 2019-05-01), while one that starts in January-March does not
    (FY1988 -> 昭和63年度, not 平成0年度).
    """
    name, year = wareki_year(date(fy, 12, 31))
    return f"{name}{_era_year_text(year)}年度"


# --- 和暦 ---------------------------------------------------------------------------------------


def _era_of(d: date) -> tuple[Era, int]:
    for era in reversed(_reference().eras):
        if d >= era.start:
            return era, d.year - era.start.year + 1
    first = _reference().eras[0]
    raise ValueError(f"{d.isoformat()} is before {first.name} ({first.start.isoformat()})")


def wareki_year(d: date) -> tuple[str, int]:
    """(era name, era year), e.g. ("令和", 7) for 2025-11-25; ValueError before 昭和."""
    era, year = _era_of(d)
    return era.name, year


def _era_year_text(year: int) -> str:
    return "元" if year == 1 else str(year)


def format_wareki(d: date, *, weekday: bool = False) -> str:
    """令和7年11月25日, or 令和7年11月25日(火) with ``weekday``; the first year is 元年."""
    era, year = _era_of(d)
    text = f"{era.name}{_era_year_text(year)}年{d.month}月{d.day}日"
    if weekday:
        text += f"({WEEKDAYS_JA[d.weekday()]})"
    return text


def format_wareki_compact(d: date) -> str:
    """R7.11.25 for table cells; the first year is 1 (R1.5.1)."""
    era, year = _era_of(d)
    return f"{era.abbr}{year}.{d.month}.{d.day}"


# --- The window's one date style -----------------------------------------------------------------

# How a date is shown on screen and in an export's display text (settings.date_style); what is
# stored is always ISO 8601. 和暦 is the compact form the tables can hold (R7.11.25).
WAREKI, ISO = "wareki", "iso"
DATE_STYLES = {WAREKI: "和暦（R7.11.25）", ISO: "西暦（2025-11-25）"}


def format_date(d: date, style: str = ISO, *, weekday: bool = False) -> str:
    """A date as the window shows it: R7.11.25 or 2025-11-25, with (火) when ``weekday``.

    The one place the display form of a date is decided: tables, search, overview, home, the
    deadline board and the progress dialog all come here (an unknown style reads as ISO)."""
    text = format_wareki_compact(d) if style == WAREKI else d.isoformat()
    if weekday:
        text += f"({WEEKDAYS_JA[d.weekday()]})"
    return text


def format_stored(value: object, style: str = ISO) -> str:
    """A stored ISO date or date-time ("2026-03-27T10:00...") in the window's style, the time
    kept as HH:MM; anything else (a month, free text, None) as it is."""
    if value is None:
        return ""
    text = str(value)
    d = stored_date(text)
    if d is None:
        return text
    rest = text[10:].lstrip("T ")
    return format_date(d, style) + (f" {rest[:5]}" if rest[:5] else "")


# --- Parsing ------------------------------------------------------------------------------------

_ACCEPTED = "YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, YYYY年M月D日, 令和7年11月25日 or R7.11.25"
_WEEKDAY_SUFFIX = r"(?:\((?P<wd>[月火水木金土日])\))?"
# Pattern sources, compiled (and cached by re) on the first date parsed, not at import: ~1 ms of
# every start of the window.
_SEIREKI_SEP = r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
_SEIREKI_DIGITS = r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"
_SEIREKI_KANJI = r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日" + _WEEKDAY_SUFFIX
_WAREKI_KANJI = (
    r"(?P<era>[^\d\s]+?)(?P<y>\d+|元)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日" + _WEEKDAY_SUFFIX
)
_WAREKI_COMPACT = r"(?P<era>[A-Za-z])(?P<y>\d+)(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"


def _make_date(original: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:  # re-raised with the user's text so the message can be shown as is
        raise ValueError(f"Invalid date {original!r}: {exc}") from None


def _check_weekday(original: str, d: date, written: str | None) -> date:
    if written is not None and written != WEEKDAYS_JA[d.weekday()]:
        raise ValueError(
            f"Invalid date {original!r}: the weekday ({written}) does not match "
            f"{d.isoformat()}, which is {WEEKDAYS_JA[d.weekday()]}曜日"
        )
    return d


def _from_era(original: str, era: Era, era_year: int, month: int, day: int) -> date:
    if era_year < 1:
        raise ValueError(f"Invalid date {original!r}: era years start at 1 (元年)")
    d = _make_date(original, era.start.year + era_year - 1, month, day)
    # Refuse a day written in an era that had not started or had already ended (平成31年5月1日).
    if d < era.start:
        raise ValueError(f"Invalid date {original!r}: {era.name} began on {era.start.isoformat()}")
    actual, _ = _era_of(d)
    if actual != era:
        raise ValueError(
            f"Invalid date {original!r}: {era.name} ended when {actual.name} began "
            f"on {actual.start.isoformat()}"
        )
    return d


def stored_date(value: object) -> date | None:
    """The date of a stored ISO value (a date, or a date-time's first 10 characters), None for
    anything else: reading what the store holds, never what a person types (``parse_date``)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_date(text: str) -> date:
    """Parse a date typed by a person, in the Western or the 和暦 forms the app shows.

    Accepts 2025-11-25, 2025/11/25, 2025.11.25, 20251125, 2025年11月25日, 令和7年11月25日
    (also 元年 and a trailing weekday such as (火), which must match), R7.11.25, R7/11/25 and
    R7-11-25, in full-width or half-width characters. Raises ValueError with an English message.
    """
    # NFKC turns full-width digits/letters/brackets into ASCII and ㋿ into 令和.
    normalized = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not normalized:
        raise ValueError(f"Empty date: expected {_ACCEPTED}")

    for pattern in (_SEIREKI_SEP, _SEIREKI_DIGITS, _SEIREKI_KANJI):
        match = re.fullmatch(pattern, normalized)
        if match:
            parsed = _make_date(text, int(match["y"]), int(match["m"]), int(match["d"]))
            return _check_weekday(text, parsed, match.groupdict().get("wd"))

    match = re.fullmatch(_WAREKI_KANJI, normalized)
    if match:
        by_name = {era.name: era for era in _reference().eras}
        era = by_name.get(match["era"])
        if era is None:
            known = ", ".join(by_name)
            raise ValueError(f"Unknown era {match['era']!r} in {text!r}: expected one of {known}")
        era_year = 1 if match["y"] == "元" else int(match["y"])
        parsed = _from_era(text, era, era_year, int(match["m"]), int(match["d"]))
        return _check_weekday(text, parsed, match["wd"])

    match = re.fullmatch(_WAREKI_COMPACT, normalized)
    if match:
        by_abbr = {era.abbr: era for era in _reference().eras}
        era = by_abbr.get(match["era"].upper())
        if era is None:
            known = ", ".join(by_abbr)
            raise ValueError(
                f"Unknown era letter {match['era']!r} in {text!r}: expected one of {known}"
            )
        return _from_era(text, era, int(match["y"]), int(match["m"]), int(match["d"]))

    raise ValueError(f"Unrecognised date {text!r}: expected {_ACCEPTED}")


# The years a month of this work can fall in (平成元年 to the model's last 年度): 令和99年 is a
# typing slip, not a month anyone reports on.
MONTH_YEARS = range(1989, 2101)


def parse_month(text: str) -> str:
    """A month typed by a person as YYYY-MM: 2025-11, 2025/11, 2025年11月, 令和7年11月, R7.11,
    R7/11 (full-width too). ValueError (English) for anything else or a year outside
    ``MONTH_YEARS``; the day-level rules of ``parse_date`` (eras' bounds) apply to its 1st."""
    normalized = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if re.fullmatch(r"\d{4}[-/.]\d{1,2}", normalized):
        day = normalized[:4] + "-" + normalized[5:] + "-1"
    elif normalized.endswith("月") and "年" in normalized:
        day = normalized + "1日"
    elif re.fullmatch(r"[A-Za-z]\d+[./-]\d{1,2}", normalized):
        sep = next(c for c in normalized if c in "./-")
        day = normalized + sep + "1"
    else:
        raise ValueError(f"Unrecognised month {text!r}: expected YYYY-MM or 令和7年11月")
    first = parse_date(day)
    if first.year not in MONTH_YEARS:
        raise ValueError(f"Month {text!r} is outside {MONTH_YEARS.start}-{MONTH_YEARS.stop - 1}")
    return f"{first.year:04d}-{first.month:02d}"


# --- 開庁日 -------------------------------------------------------------------------------------

_SATURDAY_SUNDAY_LABEL = "曜日"  # appended to the weekday letter: 土曜日, 日曜日
_YEAR_END_LABEL = "年末年始"
_EXTRA_CLOSED_LABEL = "臨時閉庁"
HOLIDAY, YEAR_END, WEEKEND, EXTRA_CLOSED = "holiday", "year_end", "weekend", "extra"


@dataclass(frozen=True)
class DueDate:
    """A computed deadline and the rule that produced it, in Japanese, for display; the parts
    of that rule for a face in another language: the nominal day, and when it was closed, the
    rule that moved the deadline (a ``monthly_report_rules`` key)."""

    due: date
    rule_text: str
    nominal: date | None = None
    moved_by: str | None = None


class OfficeCalendar:
    """Days the offices are open: not Saturday/Sunday, not a national holiday, not 12/29-1/3,
    and not one of the user's extra closed days (臨時閉庁).

    National holidays for future years are jpholiday's projection; 春分/秋分 are only fixed by
    official publication about a year ahead.
    """

    def __init__(self, extra_closed: Iterable[date] = ()) -> None:
        days = frozenset(extra_closed)
        for d in days:
            # A datetime never equals a date, so it would silently close nothing.
            if isinstance(d, datetime) or not isinstance(d, date):
                raise TypeError(f"extra closed days must be datetime.date, got {d!r}")
        self._extra_closed = days

    @property
    def extra_closed(self) -> frozenset[date]:
        return self._extra_closed

    def holiday_name(self, d: date) -> str | None:
        """The national holiday's name (jpholiday's, e.g. "勤労感謝の日 振替休日"), or None."""
        import jpholiday  # on first use: its import is a noticeable part of the window's start

        name = jpholiday.is_holiday_name(d)
        return None if name is None else str(name)

    def is_holiday(self, d: date) -> bool:
        """A holiday under 国民の祝日に関する法律, including 振替休日 and 国民の休日."""
        import jpholiday

        return bool(jpholiday.is_holiday(d))

    def is_year_end_closure(self, d: date) -> bool:
        ref = _reference()
        md = (d.month, d.day)
        if ref.year_end_from <= ref.year_end_to:
            return ref.year_end_from <= md <= ref.year_end_to
        return md >= ref.year_end_from or md <= ref.year_end_to  # wraps over New Year

    def closed_reason(self, d: date) -> str | None:
        """Why the offices are closed on ``d`` (in Japanese), or None on an open day.

        The most specific reason wins: a holiday's name, then 年末年始, then 土曜日/日曜日, then
        臨時閉庁 (which only matters on a day that would otherwise be open).
        """
        cause = self.closed_cause(d)
        return None if cause is None else cause[1]

    def closed_cause(self, d: date) -> tuple[str, str] | None:
        """What closes the offices on ``d``, as ``closed_reason`` finds it: ("holiday", its
        name), ("year_end", 年末年始), ("weekend", 土曜日) or ("extra", 臨時閉庁); None when open."""
        name = self.holiday_name(d)
        if name is not None:
            return HOLIDAY, name
        if self.is_year_end_closure(d):
            return YEAR_END, _YEAR_END_LABEL
        if d.isoweekday() in _reference().closed_iso_weekdays:
            return WEEKEND, WEEKDAYS_JA[d.weekday()] + _SATURDAY_SUNDAY_LABEL
        if d in self._extra_closed:
            return EXTRA_CLOSED, _EXTRA_CLOSED_LABEL
        return None

    def is_open_day(self, d: date) -> bool:
        return self.closed_reason(d) is None

    def day_name(self, d: date) -> str | None:
        """The name a calendar prints on ``d`` beside its weekday: a holiday's name, 年末年始
        or 臨時閉庁日; None for an open day and an ordinary Saturday or Sunday (the weekday says
        it already)."""
        name = self.holiday_name(d)
        if name is not None:
            return name
        if self.is_year_end_closure(d):
            return _YEAR_END_LABEL
        if d in self._extra_closed:
            return _EXTRA_CLOSED_LABEL + "日"
        return None

    @staticmethod
    def day_names(first_year: int = 2000, last_year: int = 2050) -> list[str]:
        """Every name ``day_name`` gives in those years (the holidays jpholiday knows, their
        振替休日, 年末年始, 臨時閉庁日): what a face translates (the .ts, context Holiday)."""
        import jpholiday

        names = {
            str(name)
            for year in range(first_year, last_year + 1)
            for _day, name in jpholiday.year_holidays(year)
        }
        return [*sorted(names), _YEAR_END_LABEL, _EXTRA_CLOSED_LABEL + "日"]

    def _step(self, d: date, step: timedelta) -> date:
        current = d
        try:
            while True:
                current += step
                if self.is_open_day(current):
                    return current
        except OverflowError:
            raise ValueError(f"No open day found from {d.isoformat()}") from None

    def next_open_day(self, d: date) -> date:
        """The first open day strictly after ``d``."""
        return self._step(d, _ONE_DAY)

    def previous_open_day(self, d: date) -> date:
        """The last open day strictly before ``d``."""
        return self._step(d, -_ONE_DAY)

    def add_open_days(self, d: date, n: int) -> date:
        """The ``n``-th open day after ``d``, not counting ``d`` itself (初日不算入); n >= 1."""
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        current = d
        for _ in range(n):
            current = self.next_open_day(current)
        return current

    def open_days_between(self, start: date, end: date) -> int:
        """Number of open days from ``start`` to ``end``, both included."""
        if end < start:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        count = 0
        current = start
        while current <= end:
            if self.is_open_day(current):
                count += 1
            current += _ONE_DAY
        return count

    def minutes_due(self, meeting: date) -> date:
        """議事録: within 3 開庁日 of the meeting, counted from the next day."""
        return self.add_open_days(meeting, _reference().minutes_open_days)

    def materials_due(self, meeting: date) -> date:
        """Materials for the monthly report meeting: the open day before it."""
        return self.previous_open_day(meeting)

    def monthly_report_deadline(self, year: int, month: int, rule: str = "earlier") -> DueDate:
        """月次作業報告書 for (year, month): the 10th of the next month; when that day is closed,
        ``rule`` "earlier" takes the last open day before it, "later" the next one after it.
        """
        ref = _reference()
        label = ref.monthly_report_choices.get(rule)
        if label is None:
            choices = ", ".join(repr(c) for c in ref.monthly_report_choices)
            raise ValueError(f"Unknown monthly report rule {rule!r}: expected one of {choices}")
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1..12, got {month}")
        nominal = date(year + month // 12, month % 12 + 1, ref.monthly_report_day)
        base_text = f"翌月{ref.monthly_report_day}日"
        reason = self.closed_reason(nominal)
        if reason is None:
            return DueDate(nominal, base_text, nominal)
        due = self._step(nominal, _MONTHLY_REPORT_STEPS[rule] * _ONE_DAY)
        return DueDate(due, f"{base_text}（{reason}のため{label}）", nominal, rule)

    def monthly_report_due(self, year: int, month: int, rule: str = "earlier") -> date:
        return self.monthly_report_deadline(year, month, rule).due

    def explain_monthly_report_due(self, year: int, month: int, rule: str = "earlier") -> str:
        """The rule used, for display: 翌月10日, or e.g. 翌月10日（土曜日のため直前の開庁日）."""
        return self.monthly_report_deadline(year, month, rule).rule_text
