"""A double-clicked .dxb or .dxenrol file: the window opens on the dialog that takes it.

The installers (packaging/) register both suffixes to ``dxdesk-gui FILE``; on macOS the Finder
sends a file-open event instead of an argument, which ``FileOpener`` catches. A bundle opens the
import check with the file listed (nothing is imported before the user says so, as with a file
dropped on the window); an enrolment file opens 端末とチーム and, by this device's role, accepts
a laptop's request (hub) or reads the team file (field laptop), each after the fingerprint is
compared aloud, as from the buttons.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from dxdesk.gui.mainwindow import MainWindow

OPENED_SUFFIXES = (".dxb", ".dxenrol")
RETRY_MS = 1000


def opens(path: str | Path) -> bool:
    return Path(path).suffix.lower() in OPENED_SUFFIXES


def open_path(window: MainWindow, path: Path) -> Any:
    """Open the dialog for ``path`` on ``window``; return it (None for another kind of file)."""
    suffix = path.suffix.lower()
    if suffix == ".dxb":
        return window.open_import([path])
    if suffix == ".dxenrol":
        dialog = window.open_devices()
        if dialog.hub:
            dialog.accept_request(path)
        else:
            dialog.join_team(path)
        return dialog
    return None


class FileOpener(QObject):
    """Holds the files asked for before the window exists (the unlock dialog is up), then
    opens each on the window; macOS's file-open events arrive through ``eventFilter``."""

    def __init__(self, paths: list[Path] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: list[Path] = list(paths or [])
        self.window: MainWindow | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            if opens(path):
                self.request(path)
                return True
        return super().eventFilter(watched, event)

    def request(self, path: Path) -> None:
        """Open ``path`` now, or once the window is there and unlocked."""
        if not opens(path):
            return
        self.pending.append(path)
        self._flush()

    def _flush(self) -> None:
        if self.window is None:
            return  # attach() opens them
        if self.window.locked:
            QTimer.singleShot(RETRY_MS, self._flush)  # after the lock screen is passed
            return
        pending, self.pending = self.pending, []
        for path in pending:
            open_path(self.window, path)

    def attach(self, window: MainWindow) -> None:
        """The window is up: open what was asked for so far."""
        self.window = window
        self._flush()
