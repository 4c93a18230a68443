"""Which records of an append-only kind count: the SQL every hours figure filters with.

A kind is append-only when the model names its ``supersedes`` field (``Kind.supersedes``; the
time sheet, migration 0005): a correction is a new record whose supersedes field names the
record it replaces. A record is ACTIVE when

- it is live (``_deleted = 0``),
- no live record supersedes it, and
- it is not the loser of a concurrent correction: when two devices corrected the same record
  (two live records superseding the same one), only the one with the greatest id counts.
  Ids are UUIDv7, identical on every device, so each device picks the same one and a total
  never counts both. ``services.timesheet`` reports such pairs as a warning to resolve.

Use it in any query that sums or counts hours (overview, month grid, reports)::

    f'SELECT sum(t.hours) FROM "time" AS t WHERE {active_time("t")} AND t.org_id = ?'
"""

from __future__ import annotations

import re

from dxdesk.core.model import Kind, kind

_ALIAS = re.compile(r'^([A-Za-z_][A-Za-z0-9_]*|"[A-Za-z_][A-Za-z0-9_]*")$')


def active_clause(k: Kind, alias: str) -> str:
    """A WHERE fragment that holds for the active rows of an append-only kind ``AS <alias>``.

    ``alias`` may be quoted (``'"time"'``) to filter the table by its own name. The table and
    the supersedes column are the model's (``Kind.name``, ``Kind.supersedes``).
    """
    if not _ALIAS.match(alias):  # an identifier we splice into SQL: never user text
        raise ValueError(f"bad SQL alias: {alias!r}")
    if k.supersedes is None:
        raise ValueError(f"{k.name} is not append-only")
    a, table, sup = alias, f'"{k.name}"', f'"{k.supersedes}"'
    return (
        f"({a}._deleted = 0"
        f" AND NOT EXISTS (SELECT 1 FROM {table} AS sup_ WHERE sup_.{sup} = {a}.id"
        " AND sup_._deleted = 0)"
        f" AND ({a}.{sup} IS NULL OR NOT EXISTS (SELECT 1 FROM"
        f" {table} AS sib_ WHERE sib_.{sup} = {a}.{sup} AND sib_._deleted = 0"
        f" AND sib_.id > {a}.id)))"
    )


def active_time(alias: str = "t") -> str:
    """``active_clause`` for the time sheet: the time entries (工数) that count."""
    return active_clause(kind("time"), alias)


def active_time_sql() -> str:
    """The live rows of ``time`` that count, as a sub-select usable in place of the table."""
    return f'(SELECT * FROM "time" AS t WHERE {active_time("t")})'


__all__ = ["active_clause", "active_time", "active_time_sql"]
