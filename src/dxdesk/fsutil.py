"""Small file-system helpers shared by every layer (no Qt, no database)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from pathlib import Path
from typing import BinaryIO

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


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it private to the user: 0700 on POSIX.

    ``mkdir(mode=)`` is cut by the umask and leaves an existing folder as it was, so the mode is
    set explicitly. Windows has no such bits: a profile lives in the user's own folder, whose
    ACLs already keep other users out.
    """
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def tighten(root: Path) -> None:
    """Make every file under ``root`` 0600 and every folder 0700 (POSIX), where they are not.

    Profiles written by earlier versions left a restored database, pre-restore copies and
    settings 0644 and logs/ 0755; they become private the next time the profile opens.
    """
    if os.name != "posix":
        return
    for path in [Path(root), *Path(root).rglob("*")]:
        with contextlib.suppress(OSError):  # a file pruned meanwhile, or not ours to change
            info = path.lstat()
            if stat.S_ISLNK(info.st_mode) or not stat.S_IMODE(info.st_mode) & 0o077:
                continue
            path.chmod(0o700 if stat.S_ISDIR(info.st_mode) else 0o600)


def copy_private(src: Path, dest: Path) -> None:
    """Copy a file into a new file that is 0600 from its first byte (``shutil.copyfile`` would
    create it with the umask's mode, 0644 on most systems, and fill it before any chmod)."""
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as out, Path(src).open("rb") as source:
        shutil.copyfileobj(source, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def open_regular(path: Path, *, not_regular: UserError) -> BinaryIO:
    """Open an existing regular file for reading; refuse anything else without blocking.

    ``open()`` on a FIFO waits for a writer forever, and a device may never end: the kind is
    checked with ``os.stat`` first, then again on the open descriptor (the name could have been
    swapped in between). O_NONBLOCK, where it exists, keeps even that open from waiting.
    """
    path = Path(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise not_regular
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)
    except OSError as exc:
        raise io_error(exc, path) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_regular
        if getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)  # a regular file ignores the flag; clear it anyway
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def io_error(exc: OSError, path: Path) -> UserError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return UserError("disk_full")
    return UserError("io_error", path=str(path))
