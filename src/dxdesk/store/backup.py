"""Encrypted backups through SQLite's online backup API.

A backup is a SQLCipher 4 file under the same raw key plus a copy of the key-slot file
(``NAME.keys.json``) so that it opens with the passphrase of the day even after a rekey.
Written to a temporary name, verified, synced, then renamed: a backup either exists whole or
not at all.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
from pathlib import Path

import sqlcipher3

from dxdesk.errors import UserError
from dxdesk.fsutil import fsync_dir, io_error
from dxdesk.store.database import Database, connect, map_sqlite_error
from dxdesk.store.keys import KeyFile

KEYS_SUFFIX = ".keys.json"


def keys_path_for(backup: Path) -> Path:
    return backup.with_name(backup.name + KEYS_SUFFIX)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_backup(database: Database, key: bytes, keyfile: KeyFile, dest: Path) -> Path:
    if database.conn.in_transaction:
        # The online backup API retries a locked source forever: it would hang, not fail.
        raise RuntimeError("a backup cannot be taken inside a transaction")
    dest = Path(dest)
    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{secrets.token_hex(6)}.tmp")
    try:
        target = connect(tmp, key, exclusive=False, configure=False)
        try:
            # Back up from the live connection (it holds the exclusive lock), page by page.
            database.conn.raw.backup(target.raw)
            # A standalone file: a rollback journal, so checking or restoring it from read-only
            # media never needs -wal/-shm files beside it.
            target.execute("PRAGMA journal_mode = DELETE").fetchone()
            problems = Database(target, tmp).integrity_problems()
        finally:
            target.close()
        if problems:
            raise UserError("backup_invalid", path=str(dest), detail=problems[0])
        if os.name == "posix":
            tmp.chmod(0o600)
        _fsync_file(tmp)
        keyfile.save(keys_path_for(dest))
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except OSError as exc:
        raise io_error(exc, dest) from exc
    except sqlcipher3.dbapi2.Error as exc:
        raise UserError("backup_invalid", path=str(dest), detail=type(exc).__name__) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return dest


def prune_backups(folder: Path, keep: int, prefix: str = "auto-") -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; manual ones are never touched."""
    backups = sorted(
        (p for p in folder.glob(f"{prefix}*.db") if p.is_file()),
        # The name carries the time taken (to the second); mtime breaks ties within a second.
        key=lambda p: (p.name[: len(prefix) + 15], p.stat().st_mtime_ns, p.name),
    )
    removed = []
    for old in backups[: max(0, len(backups) - keep)]:
        for p in (old, keys_path_for(old)):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        removed.append(old)
    return removed


def check_backup(path: Path, key: bytes) -> int:
    """Open a backup read-only-in-spirit and verify it; return its schema version."""
    try:
        conn = connect(path, key, exclusive=False, configure=False)
    except UserError as err:
        raise UserError("backup_invalid", path=str(path), detail=err.message) from None
    try:
        database = Database(conn, path)
        problems = database.integrity_problems()
        if problems:
            raise UserError("backup_invalid", path=str(path), detail=problems[0])
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
