"""The application-defined SQL functions the schema calls, registered on every connection.

The full-text tables hold text in its search form (core/textfold.py): their triggers call
``dx_fold(column)`` as a record is written, and migration 0018 filled them the same way. SQLite
looks the function up when a trigger runs, so every connection that writes records needs it:
store/database.py registers it on each connection it opens, before anything is read. A tool
that opens the database without it (the sqlcipher shell) can read everything but cannot write
a record ("no such function: dx_fold"), which is as it should be: its rows would be missing
from the index.
"""

from __future__ import annotations

from typing import Any

from dxdesk.core.textfold import fold

FOLD = "dx_fold"


def sql_fold(value: object) -> str | None:
    """``dx_fold(x)``: NULL stays NULL; anything else is folded as text."""
    if value is None:
        return None
    return fold(value if isinstance(value, str) else str(value))


def register(conn: Any) -> None:
    """Add the functions to a DB-API connection (sqlcipher3 or the standard library's)."""
    # Deterministic: the same text always folds the same way, so SQLite may use it in
    # indexes and the query planner may factor calls out.
    conn.create_function(FOLD, 1, sql_fold, deterministic=True)


__all__ = ["FOLD", "register", "sql_fold"]
