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
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError("incomplete SQL statement at end of migration")
    return tuple(out)


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
