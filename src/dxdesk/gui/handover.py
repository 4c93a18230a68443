"""A file double-clicked while dxdesk is already open goes to the open window.

The profile is held by the running dxdesk (a second one could only say 使用中 after asking for the
passphrase), so the second start hands the file over instead: the running window keeps a marker
and watches an ``inbox`` folder in the profile; ``dxdesk-gui FILE`` writes a small request there,
and the window opens the file on its dialog (gui/fileopen.py) and deletes the request. A request
not taken within ``WAIT_S`` (a marker left by a crash, a window that hangs) is withdrawn and the
second start goes on as usual, so a stale marker costs a short wait, never a lost file.

Only the file's path is written (in the profile folder, private to the user); never its content.
QtCore only: no local socket (QtNetwork is not shipped, packaging/bundle_rules.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from dxdesk.paths import ProfilePaths

MARKER = ".window-open"
REQUEST_SUFFIX = ".open"
WAIT_S = 3.0
POLL_S = 0.05
RECHECK_MS = 1000  # also look without a watcher event (network drives, a missed event)


def inbox_dir(paths: ProfilePaths) -> Path:
    return paths.root / "inbox"


def hand_over(paths: ProfilePaths, files: list[Path], *, wait_s: float = WAIT_S) -> bool:
    """Give ``files`` to a dxdesk window already open on this profile; True when it took them."""
    inbox = inbox_dir(paths)
    if not files or not (inbox / MARKER).is_file():
        return False
    written: list[Path] = []
    try:
        for path in files:
            request = inbox / f"{secrets.token_hex(8)}{REQUEST_SUFFIX}"
            tmp = request.with_suffix(".tmp")
            tmp.write_text(json.dumps({"path": str(path.resolve())}), encoding="utf-8")
            os.replace(tmp, request)  # whole or absent: the window never reads half a request
            written.append(request)
    except OSError:
        _withdraw(written)
        return False
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if not any(r.exists() for r in written):
            return True
        time.sleep(POLL_S)
    _withdraw(written)
    return False


def _withdraw(requests: list[Path]) -> None:
    for request in requests:
        with contextlib.suppress(OSError):
            request.unlink()


class Inbox(QObject):
    """The running window's side: the marker, and each request handed to ``deliver``."""

    def __init__(
        self, paths: ProfilePaths, deliver: Callable[[Path], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.folder = inbox_dir(paths)
        self.deliver = deliver
        self.folder.mkdir(mode=0o700, exist_ok=True)
        # Requests from before this start were withdrawn by their senders: none is ours.
        for stale in self.folder.glob(f"*{REQUEST_SUFFIX}"):
            with contextlib.suppress(OSError):
                stale.unlink()
        (self.folder / MARKER).write_text(str(os.getpid()), encoding="utf-8")
        self.watcher = QFileSystemWatcher([str(self.folder)], self)
        self.watcher.directoryChanged.connect(lambda _path: self.take())
        self.timer = QTimer(self)
        self.timer.setInterval(RECHECK_MS)
        self.timer.timeout.connect(self.take)
        self.timer.start()

    def take(self) -> list[Path]:
        """Open every request waiting (oldest first) and delete it; return the files."""
        taken: list[Path] = []
        requests = sorted(self.folder.glob(f"*{REQUEST_SUFFIX}"), key=_mtime)
        for request in requests:
            try:
                data = json.loads(request.read_text(encoding="utf-8"))
                request.unlink()
            except (OSError, ValueError):
                continue  # withdrawn meanwhile, or not ours to read
            if isinstance(data, dict) and isinstance(data.get("path"), str):
                taken.append(Path(data["path"]))
        for path in taken:
            self.deliver(path)
        return taken

    def close(self) -> None:
        self.timer.stop()
        with contextlib.suppress(OSError):
            (self.folder / MARKER).unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
