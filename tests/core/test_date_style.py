"""One date style for the window (issue 15): core/calendar.format_date decides the display form,
stored values stay ISO."""

from __future__ import annotations

from datetime import date

import pytest

from dxdesk.core.calendar import ISO, WAREKI, format_date, format_stored, parse_date


@pytest.mark.parametrize(
    ("day", "wareki", "iso"),
    [
        (date(2025, 11, 25), "R7.11.25", "2025-11-25"),
        (date(2019, 5, 1), "R1.5.1", "2019-05-01"),
        (date(2019, 4, 30), "H31.4.30", "2019-04-30"),
    ],
)
def test_a_date_in_either_style_reads_back_as_the_same_date(
    day: date, wareki: str, iso: str
) -> None:
    assert format_date(day, WAREKI) == wareki
    assert format_date(day, ISO) == iso
    # What the window shows, a person can type back.
    assert parse_date(format_date(day, WAREKI)) == day == parse_date(format_date(day, ISO))


def test_weekday_and_stored_values() -> None:
    assert format_date(date(2025, 11, 25), WAREKI, weekday=True) == "R7.11.25(火)"
    assert format_stored("2026-03-27T10:05:00+09:00", WAREKI) == "R8.3.27 10:05"
    assert format_stored("2026-03-27 10:05", ISO) == "2026-03-27 10:05"
    assert format_stored("2026-03-27", WAREKI) == "R8.3.27"
    # Not a stored date: shown as it is, never guessed at.
    assert format_stored("2025-11", WAREKI) == "2025-11"
    assert format_stored("未定", WAREKI) == "未定"
    assert format_stored(None, WAREKI) == ""
    assert format_date(date(2025, 11, 25), "unknown") == "2025-11-25"
