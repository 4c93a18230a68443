"""Small file-system helpers shared by every layer (no Qt, no database)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

from dxdesk.errors import UserError


def fsync_dir(path: Path) -> None:
    """Persist a rename on POSIX; Windows has no directory handles to sync (NTFS journals it)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Write a file so that readers see the old content or the new one, never a mix.

    Temp file in the same folder, permissions set before any data, fsync, then os.replace.
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise io_error(exc, path) from exc


def io_error(exc: OSError, path: Path) -> UserError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return UserError("disk_full")
    return UserError("io_error", path=str(path))
