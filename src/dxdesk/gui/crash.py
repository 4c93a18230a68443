"""What a user sees when dxdesk has a bug: an apology, reassurance, and details to copy.

The details name the program and where it failed (exception type, file, line, function) and
nothing of the user's data: an exception's message can quote a value being saved (a note, a
name), so it is left out here; the redacted full text goes to the profile's log only.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

import dxdesk
from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message, warn
from dxdesk.logs import redact

log = logging.getLogger("dxdesk.gui")


def crash_details(
    exc_type: type[BaseException], tb: TracebackType | None, *, log_path: Path | None = None
) -> str:
    """Program facts and the failing frames; never the exception's message (it may hold data)."""
    import platform  # here, not at the start: only a crash needs it

    from PySide6 import __version__ as pyside_version

    lines = [
        f"dxdesk {dxdesk.__version__}",
        f"Python {platform.python_version()} / PySide6 {pyside_version}",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
        f"{exc_type.__module__}.{exc_type.__qualname__}",
    ]
    for frame in traceback.extract_tb(tb):
        parts = Path(frame.filename).parts
        # From the package down only: the rest of the path names the user (C:\Users\山田\...).
        short = "/".join(parts[parts.index("dxdesk") :]) if "dxdesk" in parts else parts[-1]
        lines.append(f'  File "{short}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    if log_path is not None:
        lines.append(f"log: {log_path.name}")
    return "\n".join(lines)


class CrashDialog(QDialog):
    """An apology with the details folded away and one button to copy them."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        # The widgets' classes load when a crash happens, not with every start (bench/gui.py).
        from PySide6.QtWidgets import (
            QDialogButtonBox,
            QPlainTextEdit,
            QPushButton,
            QVBoxLayout,
        )

        super().__init__(parent)
        self.setWindowTitle(self.tr("dxdesk - 予期しないエラー"))
        self.setObjectName("crashDialog")
        message = plain_label(
            self.tr(
                "予期しないエラーが発生しました。申し訳ありません。"
                "保存済みの記録は失われていません。入力中の内容は数秒ごとに下書きとして保存されています。\n"
                "お手数ですが「詳細をコピー」を押し、その内容を担当者へお送りください"
                "（記録の内容は含まれません）。"
            )
        )
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.toggle = QPushButton(self.tr("詳細を表示"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_details)
        self.copy_button = QPushButton(self.tr("詳細をコピー(&C)"))
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        self.copied = plain_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.resize(560, 220)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.toggle.setText(self.tr("詳細を隠す") if shown else self.tr("詳細を表示"))
        self.adjustSize()

    def copy_details(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copied.setText(self.tr("詳細をクリップボードにコピーしました。"))


class CrashReporter:
    """``sys.excepthook`` for the window: log the bug (redacted), apologise, keep running.

    PySide6 hands an exception escaping a slot to ``sys.excepthook``; a UserError that escaped
    gets its sentence, anything else the crash dialog, one at a time (a bug that repeats, say
    in a paint, must not stack dialogs).
    """

    def __init__(self) -> None:
        self.log_path: Path | None = None
        self.showing = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.error(
            "unexpected error: %s", redact("".join(traceback.format_exception(exc_type, exc, tb)))
        )
        if self.showing:
            return
        self.showing = True
        try:
            if isinstance(exc, UserError):
                warn(None, "dxdesk", user_message(exc))
                return
            dialog = CrashDialog(crash_details(exc_type, tb, log_path=self.log_path))
            dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            dialog.exec()
        finally:
            self.showing = False
