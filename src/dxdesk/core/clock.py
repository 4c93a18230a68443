"""Wall-clock time in Japan. Japan has no daylight saving time, so a fixed +09:00 offset is exact
and avoids depending on a time-zone database (absent on Windows without the tzdata package)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")


def now_jst() -> datetime:
    return datetime.now(JST)


def today_jst() -> date:
    return now_jst().date()


def stamp() -> str:
    """ISO 8601 timestamp with offset, to the second, for created/updated/audit columns."""
    return now_jst().isoformat(timespec="seconds")
