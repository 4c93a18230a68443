"""Which time entries (工数) count: the SQL every hours figure filters with.

Time entries are append-only (migration 0005): a correction is a new entry whose ``supersedes``
names the entry it replaces. An entry is ACTIVE when

- it is live (``_deleted = 0``),
- no live entry supersedes it, and
- it is not the loser of a concurrent correction: when two devices corrected the same entry
  (two live entries with the same ``supersedes``), only the one with the greatest id counts.
  Ids are UUIDv7, identical on every device, so each device picks the same one and a total
  never counts both. ``services.timesheet`` reports such pairs as a warning to resolve.

Use it in any query that sums or counts hours (overview, month grid, reports)::

    f'SELECT sum(t.hours) FROM "time" AS t WHERE {active_time("t")} AND t.org_id = ?'
"""

from __future__ import annotations

import re

_ALIAS = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*|"[A-Za-z_][A-Za-z0-9_]*")$')


def active_time(alias: str = "t") -> str:
    """A WHERE fragment that holds for the active rows of ``"time" AS <alias>``.

    ``alias`` may be quoted (``'"time"'``) to filter the table by its own name.
    """
    if not _ALIAS.match(alias):  # an identifier we splice into SQL: never user text
        raise ValueError(f"bad SQL alias: {alias!r}")
    a = alias
    return (
        f"({a}._deleted = 0"
        f' AND NOT EXISTS (SELECT 1 FROM "time" AS sup_ WHERE sup_.supersedes = {a}.id'
        " AND sup_._deleted = 0)"
        f" AND ({a}.supersedes IS NULL OR NOT EXISTS (SELECT 1 FROM"
        f' "time" AS sib_ WHERE sib_.supersedes = {a}.supersedes AND sib_._deleted = 0'
        f" AND sib_.id > {a}.id)))"
    )


def active_time_sql() -> str:
    """The live rows of ``time`` that count, as a sub-select usable in place of the table."""
    return f'(SELECT * FROM "time" AS t WHERE {active_time("t")})'


__all__ = ["active_time", "active_time_sql"]
