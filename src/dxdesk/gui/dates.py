"""The window's date style for the widgets that show a date but hold no profile.

The style is a display preference of the whole window (settings.date_style), like Qt's default
locale: the main window sets it when it opens and when the settings change, and every widget
formats through ``shown_date`` / ``shown_stored``, which defer to core/calendar.format_date
(the one place the form of a displayed date is decided). Tables and search read the profile's
settings themselves (services/query.py ``ListService.date_style``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from dxdesk.core.calendar import ISO, format_date, format_stored

_current = {"style": ISO}


def set_date_style(style: str) -> None:
    _current["style"] = style


def date_style() -> str:
    return _current["style"]


def shown_date(d: date, *, weekday: bool = False) -> str:
    """R7.11.25 or 2025-11-25 as chosen in the settings, with the weekday in the window's
    language when ``weekday``: (火) or (Tue)."""
    text = format_date(d, date_style())
    return f"{text}({weekday_name(d.weekday())})" if weekday else text


def weekday_name(index: int) -> str:
    """The short weekday (Monday = 0) in the window's language."""
    return (
        QCoreApplication.translate("Weekday", "月"),
        QCoreApplication.translate("Weekday", "火"),
        QCoreApplication.translate("Weekday", "水"),
        QCoreApplication.translate("Weekday", "木"),
        QCoreApplication.translate("Weekday", "金"),
        QCoreApplication.translate("Weekday", "土"),
        QCoreApplication.translate("Weekday", "日"),
    )[index]


def month_name(month: int) -> str:
    """A month as a chart or a list labels it: 11月, or Nov in English."""
    return (
        QCoreApplication.translate("Month", "1月"),
        QCoreApplication.translate("Month", "2月"),
        QCoreApplication.translate("Month", "3月"),
        QCoreApplication.translate("Month", "4月"),
        QCoreApplication.translate("Month", "5月"),
        QCoreApplication.translate("Month", "6月"),
        QCoreApplication.translate("Month", "7月"),
        QCoreApplication.translate("Month", "8月"),
        QCoreApplication.translate("Month", "9月"),
        QCoreApplication.translate("Month", "10月"),
        QCoreApplication.translate("Month", "11月"),
        QCoreApplication.translate("Month", "12月"),
    )[month - 1]


def year_month(year: int, month: int) -> str:
    """2025年11月, or Nov 2025 in English."""
    return (
        QCoreApplication.translate("Month", "%1年%2")
        .replace("%1", str(year))
        .replace("%2", month_name(month))
    )


def shown_stored(value: object) -> str:
    """A stored ISO date or date-time in the chosen style; other text as it is."""
    return format_stored(value, date_style())
