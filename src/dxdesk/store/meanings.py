"""The model's meanings as SQL: the one place a query learns what "open" and "on site" mean.

``Kind.open_statuses`` (core/model.py) says which statuses are not done; this turns it into a
WHERE fragment, so the window's badges, the lists' 未完了 filter and every document count the
same records. The values are the model's own constants, spliced as quoted literals so the
fragment fits queries with named and positional parameters alike (never user text).
"""

from __future__ import annotations

import re

from dxdesk.core.model import Kind
from dxdesk.store.timeentries import active_clause, active_time

_COLUMN = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$")


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def live_clause(kind: Kind, table: str) -> str:
    """The records of ``kind`` a list shows (``table`` is its name or alias, quoted or not):
    not deleted, not replaced (append-only kinds), and of a parent that is not deleted."""
    if not _COLUMN.match(table.strip('"')):
        raise ValueError(f"bad SQL table: {table!r}")
    parts = [f"{table}._deleted = 0"]
    if kind.append_only:
        parts.append(active_clause(kind, table))
    if kind.parent is not None and kind.parent_kind is not None:
        parts.append(
            f'{table}."{kind.parent}" IN (SELECT id FROM "{kind.parent_kind}" WHERE _deleted = 0)'
        )
    return " AND ".join(f"({p})" for p in parts)


def open_clause(kind: Kind, alias: str = "") -> str:
    """``status IN (...)`` for the records of ``kind`` that are not done (``alias.status``)."""
    if kind.status_field is None or not kind.open_statuses:
        raise ValueError(f"{kind.name} declares no open statuses")
    column = f"{alias}.{kind.status_field}" if alias else kind.status_field
    if not _COLUMN.match(column):  # an identifier spliced into SQL: never user text
        raise ValueError(f"bad SQL column: {column!r}")
    return f"{column} IN ({', '.join(_literal(v) for v in kind.open_statuses)})"


def site_days(start: str = ":start", end: str = ":end", *, staff: str | None = None) -> str:
    """(org_id, staff_id, d) for every day on site: a 訪問 visit there (``staff_id`` its
    担当者), or an active on-site time entry for it, between the two SQL parameters named
    (``:start``/``:end``, or ``?1``/``?2``). With ``staff`` (a third parameter, ``:staff`` or
    ``?3``), only that person's days: the visits they made and their own time entries.

    The one definition of "a day on site", for an organisation and for a person alike: the
    window's badges and panel, the hours grids (month and week), the monthly report, the
    completion report and the case study count distinct ``d`` of it.
    """
    for param in (start, end, *(() if staff is None else (staff,))):
        if not re.fullmatch(r"(:[a-z_]+|\?[0-9])", param):
            raise ValueError(f"bad SQL parameter: {param!r}")
    visit_staff = "" if staff is None else f" AND staff_id = {staff}"
    time_staff = "" if staff is None else f" AND t.staff_id = {staff}"
    return (
        "SELECT org_id, staff_id, date AS d FROM visit WHERE _deleted = 0 AND mode = '訪問'"
        f" AND date BETWEEN {start} AND {end}{visit_staff}"
        f' UNION SELECT t.org_id, t.staff_id, t.date FROM "time" AS t WHERE {active_time("t")}'
        f" AND t.on_site = 1 AND t.date BETWEEN {start} AND {end} AND t.org_id IS NOT NULL"
        f"{time_staff}"
    )


__all__ = ["live_clause", "open_clause", "site_days"]
