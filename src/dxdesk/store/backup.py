"""Encrypted backups through SQLite's online backup API.

A backup is a SQLCipher 4 file under the same raw key plus a copy of the key-slot file
(``NAME.keys.json``) so that it opens with the passphrase of the day even after a rekey.
Written to a temporary name, verified, synced, then renamed: a backup either exists whole or
not at all.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from dxdesk.errors import UserError
from dxdesk.fsutil import fsync_dir, io_error, private_dir
from dxdesk.store.database import Database, check_database_file, connect, map_sqlite_error
from dxdesk.store.keys import KeyFile

KEYS_SUFFIX = ".keys.json"
AUTO_PREFIX = "auto-"

log = logging.getLogger("dxdesk.store")


def keys_path_for(backup: Path) -> Path:
    return backup.with_name(backup.name + KEYS_SUFFIX)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# Pages copied between two progress reports (4 KiB each: 4 MiB), when a caller asks for them.
BACKUP_STEP_PAGES = 1024


def write_backup(
    database: Database,
    key: bytes,
    keyfile: KeyFile,
    dest: Path,
    progress: Callable[[int, int, str], bool] | None = None,
) -> Path:
    """Copy the live database to ``dest`` (temp, check, fsync, rename) with its key file.

    ``progress(done, total, what)`` hears of the pages copied; answering False stops the copy
    (UserError ``backup_cancelled``) and the temporary file is removed: no backup is written."""
    if database.conn.in_transaction:
        # The online backup API retries a locked source forever: it would hang, not fail.
        raise RuntimeError("a backup cannot be taken inside a transaction")
    dest = Path(dest)
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.tmp")
    try:
        private_dir(dest.parent)
        target = connect(tmp, key, exclusive=False, configure=False)
        try:
            # Back up from the live connection (it holds the exclusive lock), page by page.
            if progress is None:
                database.conn.raw.backup(target.raw)
            else:

                def step(_status: int, remaining: int, total: int) -> None:
                    if not progress(total - remaining, total, "バックアップ"):
                        raise UserError("backup_cancelled")

                database.conn.raw.backup(target.raw, pages=BACKUP_STEP_PAGES, progress=step)
            # A standalone file: a rollback journal, so checking or restoring it from read-only
            # media never needs -wal/-shm files beside it.
            target.execute("PRAGMA journal_mode = DELETE").fetchone()
            problems = Database(target, tmp).integrity_problems()
        finally:
            target.close()
        if problems:
            raise UserError("backup_invalid", path=str(dest), detail=problems_detail(problems))
        if os.name == "posix":
            tmp.chmod(0o600)
        _fsync_file(tmp)
        keyfile.save(keys_path_for(dest))
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        raise io_error(exc, dest) from exc
    except sqlcipher3.dbapi2.Error as exc:
        mapped = map_sqlite_error(exc, dest)
        if mapped.code == "disk_full":  # say what to do about it, not "could not verify"
            raise mapped from None
        raise UserError("backup_invalid", path=str(dest), detail=type(exc).__name__) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


def problems_detail(problems: list[str]) -> str:
    """One short clause for a message: integrity_check can return a hundred lines (each row
    may itself span several), which belong in the log, not in the sentence a user reads."""
    # SQLite's words only: page numbers, row ids and index names, never a value.
    shown = " / ".join(" ".join(p.split()) for p in problems[:20])[:4000]
    log.warning("integrity check: %d problem(s): %s", len(problems), shown)
    return f"整合性検査で {len(problems)} 件の問題が見つかりました"


def _oldest_first(folder: Path, prefix: str) -> list[Path]:
    return sorted(
        (p for p in folder.glob(f"{prefix}*.db") if p.is_file()),
        # The name carries the time taken (to the second); mtime breaks ties within a second.
        key=lambda p: (p.name[: len(prefix) + 15], p.stat().st_mtime_ns, p.name),
    )


def _remove(backup: Path) -> None:
    for p in (backup, keys_path_for(backup)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _size(backup: Path) -> int:
    return sum(p.stat().st_size for p in (backup, keys_path_for(backup)) if p.exists())


def prune_backups(folder: Path, keep: int, prefix: str = AUTO_PREFIX) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; manual ones are never touched."""
    backups = _oldest_first(folder, prefix)
    removed = backups[: max(0, len(backups) - keep)]
    for old in removed:
        _remove(old)
    return removed


def prune_to_space(folder: Path, space: int, prefixes: tuple[str, ...]) -> list[Path]:
    """Delete the oldest copies of the given kinds until together they take at most ``space``
    bytes. The newest copy of each kind always stays (a bound smaller than one copy must not
    leave no backup at all); manual backups and pre-restore copies are never among them."""
    kinds = [_oldest_first(folder, prefix) for prefix in prefixes]
    total = sum(_size(p) for copies in kinds for p in copies)
    candidates = sorted(
        (p for copies in kinds for p in copies[:-1]), key=lambda p: p.stat().st_mtime_ns
    )
    removed = []
    for old in candidates:
        if total <= space:
            break
        total -= _size(old)
        _remove(old)
        removed.append(old)
    return removed


def check_backup(path: Path, key: bytes) -> int:
    """Open a backup read-only-in-spirit and verify it; return its schema version."""
    try:
        check_database_file(path)
    except UserError as err:
        detail = "ファイルが空か途中で切れています"
        if err.code != "database_truncated":
            detail = "ファイルがありません" if err.code == "database_missing" else "読み込めません"
        raise UserError("backup_invalid", path=str(path), detail=detail) from None
    try:
        conn = connect(path, key, exclusive=False, configure=False)
    except UserError as err:
        raise UserError("backup_invalid", path=str(path), detail=err.message) from None
    try:
        database = Database(conn, path)
        problems = database.integrity_problems()
        if problems:
            raise UserError("backup_invalid", path=str(path), detail=problems_detail(problems))
        version = database.schema_version
        if version < 1:  # an empty file is a valid, empty database under any key
            raise UserError("backup_invalid", path=str(path), detail="データがありません")
        return version
    except sqlite3.Error as exc:
        raise UserError(
            "backup_invalid", path=str(path), detail=map_sqlite_error(exc, path).message
        ) from None
    finally:
        conn.close()
