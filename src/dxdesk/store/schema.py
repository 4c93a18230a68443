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
full-text index when its searchable fields grow or its generated statements change (the
folding of 0018).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dxdesk.core.model import KINDS, Kind
from dxdesk.store.sqlfunctions import FOLD

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
    """The FTS5 table over a kind's searchable fields, the triggers that keep it current and
    the statement that fills it from the rows already there.

    The table holds its own copy of the text in search form (``dx_fold``, core/textfold.py),
    not the record's own text: a query folded the same way then finds ＬＧＷＡＮ by LGWAN and
    五ヶ瀬 by 五ケ瀬, and terms too short for the trigram index are matched by LIKE over the
    folded copy (store/search.py). It holds live records only: a deleted record's text leaves
    the index and comes back with the record, so a search counts its matches from the index
    alone, without reading a record. Rows are removed and written again by rowid, so the index
    never depends on being told the exact text it indexed before.
    """
    cols = k.search_fields
    if not cols:
        return ()
    t, f = _q(k.name), _q(f"fts_{k.name}")
    names = ", ".join(cols)
    new = ", ".join(f"{FOLD}(new.{c})" for c in cols)
    folded = ", ".join(f"{FOLD}({c})" for c in cols)
    return (
        f"CREATE VIRTUAL TABLE {f} USING fts5({names}, tokenize='trigram');",
        f'CREATE TRIGGER "fts_{k.name}_ai" AFTER INSERT ON {t} WHEN new._deleted = 0 BEGIN\n'
        f"    INSERT INTO {f} (rowid, {names}) VALUES (new.rid, {new});\nEND;",
        f'CREATE TRIGGER "fts_{k.name}_ad" AFTER DELETE ON {t} BEGIN\n'
        f"    DELETE FROM {f} WHERE rowid = old.rid;\nEND;",
        f'CREATE TRIGGER "fts_{k.name}_au" AFTER UPDATE OF {names}, _deleted ON {t} BEGIN\n'
        f"    DELETE FROM {f} WHERE rowid = old.rid;\n"
        f"    INSERT INTO {f} (rowid, {names}) SELECT new.rid, {new} WHERE new._deleted = 0;\n"
        "END;",
        f"INSERT INTO {f} (rowid, {names}) SELECT rid, {folded} FROM {t} WHERE _deleted = 0;",
    )


def _fts_objects(k: Kind) -> dict[str, str]:
    """Name -> CREATE statement of a kind's full-text table and triggers, as sqlite_master
    keeps them (without the final semicolon)."""
    statements = fts_sql(k)
    if not statements:
        return {}
    names = (f"fts_{k.name}", *(f"fts_{k.name}_{s}" for s in ("ai", "ad", "au")))
    return {n: s.rstrip(";") for n, s in zip(names, statements[:4], strict=True)}


# ---------------------------------------------------------------- what a database holds


@dataclass(frozen=True)
class Held:
    """The parts of a database's schema the model describes."""

    columns: dict[str, tuple[tuple[str, str], ...]]  # table -> (name, declared type)
    indexes: dict[str, tuple[str, tuple[str, ...], bool]]  # name -> (table, columns, unique)
    fts: dict[str, tuple[str, ...]]  # kind -> searchable columns indexed
    triggers: frozenset[str]
    fts_sql: dict[str, str]  # full-text table or trigger -> its CREATE statement


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
    fts_sql = {
        str(r[0]): str(r[1]).strip().rstrip(";")
        for r in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')"
            " AND name LIKE 'fts!_%' ESCAPE '!' AND sql IS NOT NULL"
        )
    }
    return Held(columns, found, fts, triggers, fts_sql)


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
        # Any difference from the generated statements (other columns, a trigger missing, the
        # text not folded as today's index folds it) rebuilds the kind's index.
        wanted = _fts_objects(k)
        if searched != (k.search_fields or None) or any(
            held.fts_sql.get(name) != sql for name, sql in wanted.items()
        ):
            if searched is not None:
                out += [f"DROP TRIGGER IF EXISTS {_q(t)};" for t in sorted(triggers)]
                out.append(f"DROP TABLE {_q(f'fts_{k.name}')};")
            out += fts_sql(k)
    return out
