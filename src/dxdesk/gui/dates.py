"""The window's date style for the widgets that show a date but hold no profile.

The style is a display preference of the whole window (settings.date_style), like Qt's default
locale: the main window sets it when it opens and when the settings change, and every widget
formats through ``shown_date`` / ``shown_stored``, which defer to core/calendar.format_date
(the one place the form of a displayed date is decided). Tables and search read the profile's
settings themselves (services/query.py ``ListService.date_style``).
"""

from __future__ import annotations

from datetime import date

from dxdesk.core.calendar import ISO, format_date, format_stored

_current = {"style": ISO}


def set_date_style(style: str) -> None:
    _current["style"] = style


def date_style() -> str:
    return _current["style"]


def shown_date(d: date, *, weekday: bool = False) -> str:
    """R7.11.25 or 2025-11-25 as chosen in the settings (with (火) when ``weekday``)."""
    return format_date(d, date_style(), weekday=weekday)


def shown_stored(value: object) -> str:
    """A stored ISO date or date-time in the chosen style; other text as it is."""
    return format_stored(value, date_style())
