"""The record tables, their indexes and full-text indexes, derived from the model.

core/model.py is the one description of every kind; the SQL that stores it follows from it:
one table per kind (system columns around the fields), an index for the organisation, the
date, the parent and (UNIQUE) the natural key, and an FTS5 table with its three triggers over
the searchable fields. ``plan`` compares the model with a database at the head of the
migrations and returns the statements that would bring the database to the model;
scripts/migration.py writes them as the next numbered migration, which is then frozen like
any other. tests/store/test_schema.py fails when the model and the head schema differ, so a
new kind or field is one model edit plus one generated migration, and nobody writes a
trigger by hand.

Migrations are additive: a field is never renamed, retyped or dropped (docs/architecture.md,
"Versions that mix"), so ``plan`` only creates tables, adds columns and rebuilds a kind's
full-text index when its searchable fields grow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dxdesk.core.model import KINDS, Kind

SYSTEM_SQL = (
    ("_deleted", "INTEGER NOT NULL DEFAULT 0"),
    ("_created_at", "TEXT NOT NULL"),
    ("_updated_at", "TEXT NOT NULL"),
    ("_hlc", "TEXT NOT NULL"),
    ("_device", "TEXT NOT NULL"),
    ("_clocks", "TEXT NOT NULL DEFAULT '{}'"),
)


def _q(name: str) -> str:
    return f'"{name}"'


def table_sql(k: Kind) -> str:
    lines = ["rid INTEGER PRIMARY KEY", "id TEXT NOT NULL UNIQUE"]
    lines += [f"{f.name} {f.sql_type}" for f in k.fields]
    lines += [f"{name} {decl}" for name, decl in SYSTEM_SQL]
    body = ",\n    ".join(lines)
    return f"CREATE TABLE {_q(k.name)} (\n    {body}\n);"


@dataclass(frozen=True)
class Index:
    name: str
    table: str
    columns: tuple[str, ...]
    unique: bool = False

    @property
    def sql(self) -> str:
        unique = "UNIQUE " if self.unique else ""
        cols = ", ".join(self.columns)
        return f"CREATE {unique}INDEX {_q(self.name)} ON {_q(self.table)} ({cols});"


def indexes(k: Kind) -> tuple[Index, ...]:
    """The indexes the model implies (hand-written performance indexes come on top)."""
    out: list[Index] = []
    if k.org_field is not None:
        out.append(Index(f"{k.name}_org", k.name, (k.org_field,)))
    if k.date_field is not None:
        out.append(Index(f"{k.name}_date", k.name, (k.date_field,)))
    if k.parent is not None:
        out.append(Index(f"{k.name}_parent", k.name, (k.parent,)))
    if k.key:
        out.append(Index(f"{k.name}_key", k.name, k.key, unique=True))
    return tuple(out)


def fts_sql(k: Kind) -> tuple[str, ...]:
    """The FTS5 table over a kind's searchable fields and the triggers that keep it current."""
    cols = k.search_fields
    if not cols:
        return ()
    t, f = _q(k.name), _q(f"fts_{k.name}")
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    insert = f"INSERT INTO {f} (rowid, {names}) VALUES (new.rid, {new});"
    delete = f"INSERT INTO {f} ({f}, rowid, {names}) VALUES ('delete', old.rid, {old});"
    return (
        f"CREATE VIRTUAL TABLE {f} USING fts5({names}, content='{k.name}',"
        " content_rowid='rid', tokenize='trigram');",
        f'CREATE TRIGGER "fts_{k.name}_ai" AFTER INSERT ON {t} BEGIN\n    {insert}\nEND;',
        f'CREATE TRIGGER "fts_{k.name}_ad" AFTER DELETE ON {t} BEGIN\n    {delete}\nEND;',
        f'CREATE TRIGGER "fts_{k.name}_au" AFTER UPDATE OF {names} ON {t} BEGIN\n'
        f"    {delete}\n    {insert}\nEND;",
        f"INSERT INTO {f} ({f}) VALUES ('rebuild');",
    )


# ---------------------------------------------------------------- what a database holds


@dataclass(frozen=True)
class Held:
    """The parts of a database's schema the model describes."""

    columns: dict[str, tuple[tuple[str, str], ...]]  # table -> (name, declared type)
    indexes: dict[str, tuple[str, tuple[str, ...], bool]]  # name -> (table, columns, unique)
    fts: dict[str, tuple[str, ...]]  # kind -> searchable columns indexed
    triggers: frozenset[str]


def read(conn: Any) -> Held:
    columns: dict[str, tuple[tuple[str, str], ...]] = {}
    found: dict[str, tuple[str, tuple[str, ...], bool]] = {}
    fts: dict[str, tuple[str, ...]] = {}
    names = [
        (str(r[0]), str(r[1]))
        for r in conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table')")
    ]
    for name, _ in names:
        info = conn.execute(f"PRAGMA table_info({_q(name)})").fetchall()
        cols = tuple((str(r[1]), str(r[2])) for r in info)
        if name.startswith("fts_") and not any(
            name.endswith(s) for s in ("_data", "_idx", "_docsize", "_config", "_content")
        ):
            fts[name[4:]] = tuple(c for c, _ in cols)
        else:
            columns[name] = cols
    for name, table in conn.execute(
        "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall():
        info = conn.execute(f"PRAGMA index_info({_q(str(name))})").fetchall()
        unique = conn.execute(f"PRAGMA index_list({_q(str(table))})").fetchall()
        is_unique = any(str(r[1]) == name and int(r[2]) for r in unique)
        found[str(name)] = (str(table), tuple(str(r[2]) for r in info), is_unique)
    triggers = frozenset(
        str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    )
    return Held(columns, found, fts, triggers)


def plan(conn: Any, kinds: Iterable[Kind] = KINDS) -> list[str]:
    """The statements that bring a database's record tables to the model (empty: they agree).

    Raises ValueError for a change a migration may not make (a field removed or retyped).
    """
    held = read(conn)
    kinds = tuple(kinds)
    # Tables and indexes share one namespace in SQLite: a kind named like another kind's index
    # ("issue_org", the organisation index of issue) cannot be created.
    taken = {i.name: k.name for k in kinds for i in indexes(k)} | {
        name: table for name, (table, _, _) in held.indexes.items()
    }
    for k in kinds:
        if k.name in taken:
            raise ValueError(f"kind {k.name}: the name of an index of {taken[k.name]}")
    out: list[str] = []
    for k in kinds:
        cols = held.columns.get(k.name)
        if cols is None:
            out.append(table_sql(k))
        else:
            have = dict(cols)
            for f in k.fields:
                if f.name not in have:
                    out.append(f"ALTER TABLE {_q(k.name)} ADD COLUMN {f.name} {f.sql_type};")
                elif have[f.name] != f.sql_type:
                    raise ValueError(f"{k.name}.{f.name}: stored as {have[f.name]}, not retyped")
            gone = set(have) - set(k.field_names) - {"rid", "id"} - {n for n, _ in SYSTEM_SQL}
            if gone:
                raise ValueError(f"{k.name}: columns {sorted(gone)} are not in the model")
        for index in indexes(k):
            existing = held.indexes.get(index.name)
            if existing is None:
                out.append(index.sql)
            elif existing != (index.table, index.columns, index.unique):
                out.append(f"DROP INDEX {_q(index.name)};")
                out.append(index.sql)
        searched = held.fts.get(k.name)
        triggers = {f"fts_{k.name}_{s}" for s in ("ai", "ad", "au")}
        if searched != (k.search_fields or None) or (
            k.search_fields and not triggers <= held.triggers
        ):
            if searched is not None:
                out += [f"DROP TRIGGER IF EXISTS {_q(t)};" for t in sorted(triggers)]
                out.append(f"DROP TABLE {_q(f'fts_{k.name}')};")
            out += fts_sql(k)
    return out
