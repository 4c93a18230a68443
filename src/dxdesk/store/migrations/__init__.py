"""Numbered schema migrations, applied in order, each in its own transaction.

A migration is a frozen SQL file ``NNNN_name.sql``; the schema version is ``PRAGMA
user_version``. A database newer than the code is refused before anything is written.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path


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


_FILE_NAME = re.compile(r"(\d{4})_(\w+)\.sql")


@cache
def _numbered_files() -> tuple[tuple[int, str, Path], ...]:
    found = []
    # The directory of this package (not importlib.resources: ~5 ms of the window's start).
    for entry in Path(__file__).parent.iterdir():
        m = _FILE_NAME.fullmatch(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry))
    found.sort(key=lambda item: item[0])
    versions = [version for version, _, _ in found]
    # Numbers are handed out to work done in parallel, so a branch may hold 0016 before 0013-0015
    # are merged; a number used twice is always a mistake. Released code has no gaps.
    if len(set(versions)) != len(versions) or (versions and versions[0] != 1):
        raise RuntimeError("migrations must be numbered from 1, each number once")
    return tuple(found)


@cache
def all_migrations() -> tuple[Migration, ...]:
    return tuple(
        Migration(version, name, split_statements(entry.read_text(encoding="utf-8")))
        for version, name, entry in _numbered_files()
    )


def head_version() -> int:
    # From the file names: opening an up-to-date database need not read and split every
    # migration (a few ms of each start of the window, bench/gui.py).
    files = _numbered_files()
    return files[-1][0] if files else 0
