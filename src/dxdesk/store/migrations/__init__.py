"""Numbered schema migrations, applied in order, each in its own transaction.

A migration is a frozen SQL file ``NNNN_name.sql``; the schema version is ``PRAGMA
user_version``. A database newer than the code is refused before anything is written.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(script: str) -> tuple[str, ...]:
    """Split an SQL script into statements (triggers contain semicolons, so ask SQLite)."""
    out: list[str] = []
    buf = ""
    # Cut after every semicolon and let SQLite say which cuts end a statement: a trigger body,
    # a string or a comment may hold semicolons, and one line may hold two statements.
    for piece in re.split(r"(?<=;)", script):
        buf += piece
        if sqlite3.complete_statement(buf):
            statement = _without_leading_comments(buf)
            if statement.rstrip(";").strip():
                out.append(statement)
            buf = ""
    if _without_leading_comments(buf):
        raise ValueError("incomplete SQL statement at end of migration")
    return tuple(out)


def _without_leading_comments(text: str) -> str:
    lines = text.strip().splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("--")):
        lines.pop(0)
    return "\n".join(lines).strip()


@cache
def all_migrations() -> tuple[Migration, ...]:
    found = []
    for entry in files(__name__).iterdir():
        m = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if m:
            script = entry.read_text(encoding="utf-8")
            found.append(Migration(int(m.group(1)), m.group(2), split_statements(script)))
    found.sort(key=lambda mig: mig.version)
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 1..N without gaps")
    return tuple(found)


def head_version() -> int:
    return len(all_migrations())
