"""Tests for dxdesk.core.calendar: 年度, 和暦, parsing and 開庁日."""

from __future__ import annotations

import inspect
import json
from datetime import date, datetime, timedelta
from importlib.resources import files

import jpholiday
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dxdesk.core.calendar import (
    WEEKDAYS_JA,
    DueDate,
    OfficeCalendar,
    default_monthly_report_rule,
    eras,
    fiscal_year,
    fiscal_year_range,
    format_fiscal_year,
    format_wareki,
    format_wareki_compact,
    monthly_report_rules,
    parse_date,
    wareki_year,
)

CAL = OfficeCalendar()
WAREKI_DATES = st.dates(min_value=date(1927, 1, 1), max_value=date(2100, 12, 31))


# --- Reference data -----------------------------------------------------------------------------


def test_reference_json_is_packaged_and_every_section_has_a_source() -> None:
    raw = json.loads(files("dxdesk.resources").joinpath("calendar.json").read_text("utf-8"))
    assert all(item["source"] for item in raw["eras"]["items"])
    assert raw["eras"]["source"]
    assert raw["fiscal_year"]["source"]
    assert "行政機関の休日に関する法律" in raw["closures"]["source"]
    assert "地方自治法 第4条の2" in raw["closures"]["source"]
    assert raw["deadlines"]["minutes_source"]
    assert raw["deadlines"]["monthly_report_source"]
    assert raw["deadlines"]["monthly_report_rule"]["source"]
    reiwa = next(item for item in raw["eras"]["items"] if item["name"] == "令和")
    assert "平成31年政令第143号" in reiwa["source"]


def test_eras_table() -> None:
    assert [(e.name, e.abbr, e.start) for e in eras()] == [
        ("昭和", "S", date(1926, 12, 25)),
        ("平成", "H", date(1989, 1, 8)),
        ("令和", "R", date(2019, 5, 1)),
    ]


def test_monthly_report_rule_choices_and_default_match_the_signature() -> None:
    assert set(monthly_report_rules()) == {"earlier", "later"}
    assert default_monthly_report_rule() == "earlier"
    # The signature default must stay in step with the packaged default.
    for name in ("monthly_report_due", "monthly_report_deadline", "explain_monthly_report_due"):
        param = inspect.signature(getattr(OfficeCalendar, name)).parameters["rule"]
        assert param.default == default_monthly_report_rule()


# --- 年度 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2025, 3, 31), 2024),
        (date(2025, 4, 1), 2025),
        (date(2025, 12, 31), 2025),
        (date(2026, 1, 1), 2025),
        (date(2026, 2, 15), 2025),
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
    ],
)
def test_fiscal_year_boundaries(d: date, fy: int) -> None:
    assert fiscal_year(d) == fy


def test_fiscal_year_range() -> None:
    assert fiscal_year_range(2025) == (date(2025, 4, 1), date(2026, 3, 31))
    assert fiscal_year_range(2019) == (date(2019, 4, 1), date(2020, 3, 31))


@given(WAREKI_DATES)
def test_fiscal_year_range_contains_its_dates(d: date) -> None:
    start, end = fiscal_year_range(fiscal_year(d))
    assert start <= d <= end
    assert fiscal_year(start - timedelta(days=1)) == fiscal_year(d) - 1
    assert fiscal_year(end + timedelta(days=1)) == fiscal_year(d) + 1


@pytest.mark.parametrize(
    ("fy", "text"),
    [
        (2025, "令和7年度"),
        (2020, "令和2年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),  # 平成 began in January: the 年度 kept its 昭和 name
    ],
)
def test_format_fiscal_year(fy: int, text: str) -> None:
    assert format_fiscal_year(fy) == text


def test_fiscal_year_and_calendar_year_differ_in_winter() -> None:
    # DOMAIN.md: 2026-02-15 is 令和8年2月15日 but belongs to 令和7年度.
    d = date(2026, 2, 15)
    assert format_wareki(d) == "令和8年2月15日"
    assert format_fiscal_year(fiscal_year(d)) == "令和7年度"


def test_format_fiscal_year_before_showa_is_refused() -> None:
    with pytest.raises(ValueError, match="before 昭和"):
        format_fiscal_year(1925)


# --- 和暦 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "era", "year", "text", "compact"),
    [
        (date(2025, 11, 25), "令和", 7, "令和7年11月25日", "R7.11.25"),
        (date(2019, 5, 1), "令和", 1, "令和元年5月1日", "R1.5.1"),
        (date(2019, 4, 30), "平成", 31, "平成31年4月30日", "H31.4.30"),
        (date(1989, 1, 8), "平成", 1, "平成元年1月8日", "H1.1.8"),
        (date(1989, 1, 7), "昭和", 64, "昭和64年1月7日", "S64.1.7"),
        (date(1926, 12, 25), "昭和", 1, "昭和元年12月25日", "S1.12.25"),
    ],
)
def test_wareki_boundaries(d: date, era: str, year: int, text: str, compact: str) -> None:
    assert wareki_year(d) == (era, year)
    assert format_wareki(d) == text
    assert format_wareki_compact(d) == compact


def test_wareki_before_showa_is_refused() -> None:
    for func in (wareki_year, format_wareki, format_wareki_compact):
        with pytest.raises(ValueError, match="1926-12-24 is before 昭和"):
            func(date(1926, 12, 24))


def test_format_wareki_with_weekday() -> None:
    assert WEEKDAYS_JA == "月火水木金土日"
    assert format_wareki(date(2025, 11, 25), weekday=True) == "令和7年11月25日(火)"
    assert format_wareki(date(2025, 11, 23), weekday=True) == "令和7年11月23日(日)"
    assert format_wareki(date(2019, 5, 1), weekday=True) == "令和元年5月1日(水)"


# --- Parsing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2025-11-25",
        "2025/11/25",
        "2025.11.25",
        "20251125",
        "2025年11月25日",
        "令和7年11月25日",
        "令和7年11月25日(火)",
        "令和7年11月25日（火）",
        "R7.11.25",
        "R7/11/25",
        "r7.11.25",
        "２０２５－１１－２５",
        "２０２５／１１／２５",
        "令和７年１１月２５日",
        "Ｒ７．１１．２５",
        "  2025-11-25 ",
        "令和 7年 11月 25日",
        "㋿7年11月25日",
    ],
)
def test_parse_date_accepts(text: str) -> None:
    assert parse_date(text) == date(2025, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("H31.4.30", date(2019, 4, 30)),
        ("昭和64年1月7日", date(1989, 1, 7)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("2024-2-29", date(2024, 2, 29)),
    ],
)
def test_parse_date_era_boundaries(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2025-02-30", "Invalid date '2025-02-30': day is out of range"),
        ("2025-13-01", "Invalid date '2025-13-01': month must be in 1..12"),
        ("20250230", "Invalid date '20250230'"),
        ("令和7年2月29日", "Invalid date"),
        ("abc", "Unrecognised date 'abc'"),
        ("", "Empty date"),
        ("   ", "Empty date"),
        ("2025-11", "Unrecognised date"),
        ("2025-11/25", "Unrecognised date"),  # mixed separators
        ("R0.5.1", "era years start at 1"),
        ("令和0年5月1日", "era years start at 1"),
        ("令和1年4月30日", "令和 began on 2019-05-01"),
        ("平成31年5月1日", "平成 ended when 令和 began on 2019-05-01"),
        ("昭和64年1月8日", "昭和 ended when 平成 began on 1989-01-08"),
        ("昭和元年12月24日", "昭和 began on 1926-12-25"),
        ("X7.11.25", "Unknown era letter 'X'"),
        ("明治3年1月1日", "Unknown era '明治'"),
        ("令和7年11月25日(水)", r"weekday \(水\) does not match 2025-11-25"),
    ],
)
def test_parse_date_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_date(text)


@given(WAREKI_DATES)
def test_wareki_round_trip(d: date) -> None:
    assert parse_date(format_wareki(d)) == d
    assert parse_date(format_wareki(d, weekday=True)) == d
    assert parse_date(format_wareki_compact(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y%m%d")) == d


# --- 開庁日 -------------------------------------------------------------------------------------


def test_holidays_cross_checked_with_jpholiday() -> None:
    # The dates DOMAIN.md relies on, confirmed against the package rather than assumed.
    for d in (date(2025, 11, 24), date(2026, 5, 6), date(2026, 9, 22), date(2026, 1, 12)):
        name = jpholiday.is_holiday_name(d)
        assert name is not None
        assert CAL.is_holiday(d)
        assert CAL.holiday_name(d) == name
        assert CAL.closed_reason(d) == name
        assert not CAL.is_open_day(d)
    assert "振替休日" in str(jpholiday.is_holiday_name(date(2025, 11, 24)))
    assert "振替休日" in str(jpholiday.is_holiday_name(date(2026, 5, 6)))
    assert jpholiday.is_holiday_name(date(2026, 9, 22)) == "国民の休日"
    assert jpholiday.is_holiday_name(date(2026, 1, 12)) == "成人の日"


def test_ordinary_weekday_is_open() -> None:
    d = date(2025, 11, 25)  # Tuesday
    assert not CAL.is_holiday(d)
    assert CAL.holiday_name(d) is None
    assert CAL.closed_reason(d) is None
    assert CAL.is_open_day(d)


@pytest.mark.parametrize(
    ("d", "reason"),
    [
        (date(2025, 11, 22), "土曜日"),
        (date(2025, 11, 30), "日曜日"),
        (date(2025, 11, 23), "勤労感謝の日"),  # a holiday on a Sunday: the holiday is named
        (date(2025, 12, 29), "年末年始"),
        (date(2025, 12, 31), "年末年始"),
        (date(2026, 1, 1), "元日"),
        (date(2026, 1, 2), "年末年始"),
        (date(2026, 1, 3), "年末年始"),  # also a Saturday; the closure is the specific reason
        (date(2026, 1, 4), "日曜日"),
        (date(2025, 12, 28), "日曜日"),
    ],
)
def test_closed_reason(d: date, reason: str) -> None:
    assert CAL.closed_reason(d) == reason
    assert not CAL.is_open_day(d)
    # The same reason with what it is, for a face in another language.
    cause = CAL.closed_cause(d)
    assert cause is not None and cause[1] == reason
    kind = (
        "weekend" if reason.endswith("曜日") else "year_end" if reason == "年末年始" else "holiday"
    )
    assert cause[0] == kind


def test_year_end_closure_edges() -> None:
    assert CAL.is_year_end_closure(date(2025, 12, 29))
    assert CAL.is_year_end_closure(date(2026, 1, 3))
    assert not CAL.is_year_end_closure(date(2025, 12, 28))
    assert not CAL.is_year_end_closure(date(2026, 1, 4))
    # 2023-12-28 Thu and 2024-01-04 Thu were open; 12/29 Fri was not.
    assert CAL.is_open_day(date(2023, 12, 28))
    assert CAL.is_open_day(date(2024, 1, 4))
    assert not CAL.is_open_day(date(2023, 12, 29))


def test_open_days_across_year_end() -> None:
    assert CAL.add_open_days(date(2025, 12, 26), 1) == date(2026, 1, 5)
    assert CAL.next_open_day(date(2025, 12, 26)) == date(2026, 1, 5)
    assert CAL.previous_open_day(date(2026, 1, 5)) == date(2025, 12, 26)
    assert CAL.minutes_due(date(2025, 12, 26)) == date(2026, 1, 7)


def test_golden_week_2026() -> None:
    # 4/29 昭和の日, 5/3 (Sun) 憲法記念日 -> 5/6 振替休日.
    assert date(2026, 5, 3).weekday() == 6
    assert CAL.closed_reason(date(2026, 5, 3)) == jpholiday.is_holiday_name(date(2026, 5, 3))
    assert CAL.next_open_day(date(2026, 5, 1)) == date(2026, 5, 7)
    assert CAL.minutes_due(date(2026, 4, 30)) == date(2026, 5, 8)
    assert CAL.materials_due(date(2026, 5, 7)) == date(2026, 5, 1)
    assert CAL.open_days_between(date(2026, 4, 27), date(2026, 5, 8)) == 6


def test_golden_week_2019_around_the_era_change() -> None:
    # 4/30 and 5/2 were 国民の休日 between 昭和の日, 即位の日 (5/1) and 憲法記念日.
    for d in (date(2019, 4, 30), date(2019, 5, 1), date(2019, 5, 2)):
        name = jpholiday.is_holiday_name(d)
        assert name is not None
        assert CAL.closed_reason(d) == name
    assert CAL.next_open_day(date(2019, 4, 26)) == date(2019, 5, 7)


def test_minutes_due_over_furikae_kyujitsu() -> None:
    # DOMAIN.md: meeting 2025-11-21 (Fri), 11/24 is 振替休日 -> due 2025-11-27 (Thu).
    assert CAL.minutes_due(date(2025, 11, 21)) == date(2025, 11, 27)
    assert CAL.add_open_days(date(2025, 11, 21), 1) == date(2025, 11, 25)


def test_kokumin_no_kyujitsu_2026() -> None:
    # 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日.
    assert CAL.closed_reason(date(2026, 9, 22)) == "国民の休日"
    assert CAL.next_open_day(date(2026, 9, 18)) == date(2026, 9, 24)
    assert CAL.previous_open_day(date(2026, 9, 24)) == date(2026, 9, 18)


def test_next_and_previous_are_strict() -> None:
    d = date(2025, 11, 25)  # open
    assert CAL.next_open_day(d) == date(2025, 11, 26)
    assert CAL.previous_open_day(d) == date(2025, 11, 21)  # skips 11/22-24


def test_materials_due_is_the_previous_open_day() -> None:
    assert CAL.materials_due(date(2025, 11, 25)) == date(2025, 11, 21)
    assert CAL.materials_due(date(2026, 1, 5)) == date(2025, 12, 26)


@pytest.mark.parametrize("n", [0, -1])
def test_add_open_days_requires_positive_n(n: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        CAL.add_open_days(date(2025, 11, 25), n)


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        # Counted by hand: 30 days - 10 weekend days - 11/3 文化の日 - 11/24 振替休日.
        (date(2025, 11, 1), date(2025, 11, 30), 18),
        # 31 - 8 weekend days - 12/29, 12/30, 12/31.
        (date(2025, 12, 1), date(2025, 12, 31), 20),
        # 31 - 9 weekend days - 1/1, 1/2 (年末年始 on weekdays) - 1/12 成人の日.
        (date(2026, 1, 1), date(2026, 1, 31), 19),
        (date(2025, 11, 25), date(2025, 11, 25), 1),
        (date(2025, 11, 22), date(2025, 11, 24), 0),
    ],
)
def test_open_days_between_inclusive(start: date, end: date, count: int) -> None:
    assert CAL.open_days_between(start, end) == count


def test_open_days_between_refuses_reversed_range() -> None:
    with pytest.raises(ValueError, match="before start"):
        CAL.open_days_between(date(2025, 11, 30), date(2025, 11, 1))


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_next_open_day_skips_only_closed_days(d: date) -> None:
    nxt = CAL.next_open_day(d)
    assert nxt > d
    assert CAL.is_open_day(nxt)
    assert CAL.add_open_days(d, 1) == nxt
    # Measured over 2000-2099: the longest wait is from before 2019's ten-day Golden Week.
    assert nxt - d <= timedelta(days=11)
    day = d + timedelta(days=1)
    while day < nxt:
        assert CAL.closed_reason(day) is not None
        day += timedelta(days=1)
    assert CAL.open_days_between(d + timedelta(days=1), nxt) == 1


def test_extra_closed_days_shift_due_dates() -> None:
    cal = OfficeCalendar(extra_closed=[date(2025, 11, 26)])
    assert cal.extra_closed == frozenset({date(2025, 11, 26)})
    assert cal.closed_reason(date(2025, 11, 26)) == "臨時閉庁"
    assert not cal.is_open_day(date(2025, 11, 26))
    assert cal.minutes_due(date(2025, 11, 21)) == date(2025, 11, 28)
    # The default calendar is unaffected.
    assert CAL.is_open_day(date(2025, 11, 26))


def test_extra_closed_on_a_weekend_reports_the_weekend() -> None:
    cal = OfficeCalendar(extra_closed=(date(2025, 11, 22),))
    assert cal.closed_reason(date(2025, 11, 22)) == "土曜日"


def test_extra_closed_rejects_datetimes() -> None:
    # datetime(2025, 11, 26) != date(2025, 11, 26): it would silently close nothing.
    with pytest.raises(TypeError, match=r"datetime\.date"):
        OfficeCalendar(extra_closed=[datetime(2025, 11, 26)])


# --- Monthly report -----------------------------------------------------------------------------


def test_monthly_report_normal_month() -> None:
    # Report for 2025-10: 2025-11-10 is a Monday and open.
    for rule in ("earlier", "later"):
        assert CAL.monthly_report_due(2025, 10, rule) == date(2025, 11, 10)
        assert CAL.explain_monthly_report_due(2025, 10, rule) == "翌月10日"
    assert CAL.monthly_report_due(2025, 10) == date(2025, 11, 10)


def test_monthly_report_december_on_a_saturday() -> None:
    # Report for 2025-12: 2026-01-10 is a Saturday, 1/11 Sunday, 1/12 成人の日.
    assert date(2026, 1, 10).weekday() == 5
    assert jpholiday.is_holiday_name(date(2026, 1, 12)) == "成人の日"
    assert CAL.monthly_report_due(2025, 12) == date(2026, 1, 9)
    assert CAL.monthly_report_due(2025, 12, "earlier") == date(2026, 1, 9)
    assert CAL.monthly_report_due(2025, 12, "later") == date(2026, 1, 13)
    assert CAL.monthly_report_deadline(2025, 12, "later") == DueDate(
        date(2026, 1, 13), "翌月10日（土曜日のため直後の開庁日）", date(2026, 1, 10), "later"
    )
    assert (
        CAL.explain_monthly_report_due(2025, 12, "earlier")
        == "翌月10日（土曜日のため直前の開庁日）"
    )


def test_monthly_report_on_a_sunday() -> None:
    # Report for 2026-04: 2026-05-10 is a Sunday.
    assert date(2026, 5, 10).weekday() == 6
    assert CAL.monthly_report_due(2026, 4, "earlier") == date(2026, 5, 8)
    assert CAL.monthly_report_due(2026, 4, "later") == date(2026, 5, 11)
    assert "日曜日" in CAL.explain_monthly_report_due(2026, 4)


def test_monthly_report_with_extra_closed_tenth() -> None:
    cal = OfficeCalendar(extra_closed=[date(2025, 11, 10)])
    assert cal.monthly_report_due(2025, 10, "earlier") == date(2025, 11, 7)
    assert cal.monthly_report_due(2025, 10, "later") == date(2025, 11, 11)
    assert (
        cal.explain_monthly_report_due(2025, 10, "later")
        == "翌月10日（臨時閉庁のため直後の開庁日）"
    )


@pytest.mark.parametrize("rule", ["", "EARLIER", "next", "before"])
def test_monthly_report_unknown_rule(rule: str) -> None:
    # Refused even when the 10th is open, so a bad setting surfaces at once.
    with pytest.raises(ValueError, match="Unknown monthly report rule"):
        CAL.monthly_report_due(2025, 10, rule)


@pytest.mark.parametrize("month", [0, 13])
def test_monthly_report_invalid_month(month: int) -> None:
    with pytest.raises(ValueError, match=r"month must be 1\.\.12"):
        CAL.monthly_report_due(2025, month)


@given(st.integers(min_value=2000, max_value=2098), st.integers(min_value=1, max_value=12))
def test_monthly_report_rules_bracket_the_tenth(year: int, month: int) -> None:
    tenth = date(year + month // 12, month % 12 + 1, 10)
    earlier = CAL.monthly_report_due(year, month, "earlier")
    later = CAL.monthly_report_due(year, month, "later")
    assert CAL.is_open_day(earlier)
    assert CAL.is_open_day(later)
    assert earlier <= tenth <= later
    assert (earlier == later) == CAL.is_open_day(tenth)
