"""Records shared by several organisations (6(2)ア⑤): handled once, shown under each.

An issue belongs to its organisation (``org_id``, the 主担当団体) and to every organisation its
関係団体 name (``related_org`` records). The one rule, "the records of an organisation are its
own and those that name it among their related organisations", is here, for every list, badge,
count and command that asks for one organisation's records: the window's 課題 tab, the tree's
figures, the organisation's overview, the standardisation cell's issues, the hearing sheet and
``dxdesk list --org`` (here in the store layer, so that the documents use it too). A shared record is one record: totals over every organisation count it once (they never
add the organisations' figures up), while each organisation's own list and figure hold it.

Which kinds share is the model's: a kind with an organisation field and a membership kind keyed
by (parent, organisation) (an issue and its related_org). A group's members or a training's
organisations are memberships of kinds without an organisation of their own: nothing to share.

``Shared`` says which organisations hold a record; ``SHARED_MARK`` is how a list names it
(「共有：都城市ほか2団体」, the 主担当団体 first), a Japanese template the window translates
(%1 the name, %n the number of the others) and ``Shared.japanese`` fills for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from dxdesk.core.model import KINDS, Kind, kind
from dxdesk.store.meanings import live_clause

SHARED_MARK = "共有：%1ほか%n団体"


def sharing_kind(k: Kind) -> Kind | None:
    """The membership kind naming the other organisations of a record of ``k`` (an issue's
    related_org), or None when records of ``k`` belong to their own organisation alone."""
    return _sharing(k.name)


@cache
def _sharing(kind_name: str) -> Kind | None:
    k = kind(kind_name)
    if not k.org_field:
        return None
    for child in KINDS:
        if child.parent_kind == k.name and child.key and set(child.key) == {child.parent, "org_id"}:
            return child
    return None


def _table(table: str) -> str:
    return table if table.startswith('"') else f'"{table}"'


def org_condition(k: Kind, table: str, org_id: str) -> tuple[str, list[Any]]:
    """SQL (and its ``?`` parameters) for the records of ``k`` that are ``org_id``'s: its own,
    or, for a shared kind, those naming it among their related organisations (live ones)."""
    if not k.org_field:
        raise ValueError(f"{k.name} has no organisation")
    own = f'{_table(table)}."{k.org_field}" = ?'
    child = sharing_kind(k)
    if child is None:
        return own, [org_id]
    related = (
        f'{_table(table)}.id IN (SELECT r."{child.parent}" FROM "{child.name}" AS r'
        " WHERE r._deleted = 0 AND r.org_id = ?)"
    )
    return f"({own} OR {related})", [org_id, org_id]


def _of_each_org(k: Kind, select: str, condition: str, *, grouped: bool = False) -> list[str]:
    """The queries giving ``select`` (SQL over the record's alias ``t``, after an ``org_id``
    column) for each live record of ``k`` meeting ``condition`` and each organisation it is
    of: one over the records (their own organisation), one over the memberships naming another
    (a shared kind). ``grouped``: one row per organisation (``select`` aggregates)."""
    if not k.org_field:
        raise ValueError(f"{k.name} has no organisation")
    live = live_clause(k, "t")
    own = f't."{k.org_field}"'
    queries = [
        f'SELECT {own} AS org_id, {select} FROM "{k.name}" AS t WHERE {live} AND ({condition})'
        + (f" GROUP BY {own}" if grouped else "")
    ]
    child = sharing_kind(k)
    if child is not None:
        # CROSS JOIN keeps SQLite's join order: the few memberships first, each record found
        # by id (the planner scanned all records instead).
        queries.append(
            f'SELECT r.org_id AS org_id, {select} FROM "{child.name}" AS r'
            f' CROSS JOIN "{k.name}" AS t ON t.id = r."{child.parent}"'
            f" WHERE r._deleted = 0 AND {live} AND r.org_id != {own} AND ({condition})"
            + (" GROUP BY r.org_id" if grouped else "")
        )
    return queries


def org_counts(db: Any, k: Kind, condition: str = "1 = 1") -> dict[str, int]:
    """Per organisation id, how many live records of ``k`` meeting ``condition`` (SQL over the
    alias ``t``) are its: its own, and those it shares. Each organisation's figure; the figures
    are never added up (a shared record is in several). A membership naming the record's own
    organisation adds nothing, and a membership is one per (record, organisation) (its key)."""
    out: dict[str, int] = {}
    # Two aggregates on covering indexes (0003, 0025), not one over a UNION of pairs (that read
    # every record row: x14 over 20,000 issues).
    for sql in _of_each_org(k, "count(*) AS n", condition, grouped=True):
        for row in db.query(sql):
            if row["org_id"] is not None:
                out[str(row["org_id"])] = out.get(str(row["org_id"]), 0) + int(row["n"])
    return out


def org_records(
    db: Any,
    k: Kind,
    columns: Sequence[str],
    condition: str = "1 = 1",
    params: Sequence[Any] = (),
) -> dict[str, list[dict[str, Any]]]:
    """Per organisation id, its live records of ``k`` meeting ``condition`` (SQL over the alias
    ``t``, with ``?`` parameters ``params``), each with ``columns``: its own and those it
    shares, so a shared record is in the list of each of its organisations (and once in each).
    For a few records (an organisation's open issues of priority 高), not for whole tables."""
    for c in columns:
        if c not in ("id", "rid") and c not in {f.name for f in k.fields}:
            raise ValueError(f"{k.name} has no field {c!r}")
    select = ", ".join(f't."{c}" AS "{c}"' for c in columns)
    out: dict[str, list[dict[str, Any]]] = {}
    for sql in _of_each_org(k, select, condition):
        for row in db.query(sql, tuple(params)):
            if row["org_id"] is not None:
                out.setdefault(str(row["org_id"]), []).append({c: row[c] for c in columns})
    return out


@dataclass(frozen=True)
class Shared:
    """The organisations a shared record belongs to: its own (主担当) and the others."""

    owner: str  # organisation id
    others: tuple[str, ...]  # organisation ids, in code order

    def names(self, names: Mapping[str, str]) -> list[str]:
        return [names.get(o, o) for o in (self.owner, *self.others)]

    def japanese(self, names: Mapping[str, str]) -> str:
        """「共有：都城市ほか2団体」 (SHARED_MARK filled, for a Japanese-only face)."""
        owner = names.get(self.owner, self.owner)
        return SHARED_MARK.replace("%1", owner).replace("%n", str(len(self.others)))


def shared(db: Any, k: Kind, records: Iterable[Mapping[str, Any]]) -> dict[str, Shared]:
    """Per record id, the organisations sharing it, for those of ``records`` that are shared
    (a related organisation other than its own); one query per 500 records."""
    child = sharing_kind(k)
    if child is None or not k.org_field:
        return {}
    owners = {str(r["id"]): str(r.get(k.org_field) or "") for r in records}
    ids = sorted(owners)
    out: dict[str, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = db.query(
            f'SELECT r."{child.parent}" AS rid, r.org_id FROM "{child.name}" AS r'
            " LEFT JOIN organisation AS o ON o.id = r.org_id"
            f' WHERE r._deleted = 0 AND r."{child.parent}" IN ({", ".join("?" * len(chunk))})'
            " ORDER BY o.code, r.org_id",
            chunk,
        )
        for row in rows:
            rid, org = str(row["rid"]), str(row["org_id"])
            if org != owners[rid]:
                out.setdefault(rid, []).append(org)
    return {rid: Shared(owners[rid], tuple(others)) for rid, others in out.items()}


__all__ = [
    "SHARED_MARK",
    "Shared",
    "org_condition",
    "org_counts",
    "org_records",
    "shared",
    "sharing_kind",
]
