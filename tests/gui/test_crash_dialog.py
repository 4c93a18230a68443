"""A bug shows an apology with details to copy; the details carry no user data."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from dxdesk.errors import UserError
from dxdesk.gui.crash import CrashDialog, CrashReporter, crash_details


def _raise_with_data() -> None:
    note = "秘密" + "のメモ"  # joined at run time: only the message holds the whole value
    raise ValueError(note)


def _caught() -> tuple[type[BaseException], BaseException, object]:
    try:
        _raise_with_data()
    except ValueError:
        exc_type, exc, tb = sys.exc_info()
        assert exc_type is not None and exc is not None
        return exc_type, exc, tb
    raise AssertionError("not raised")


def test_details_name_the_place_but_not_the_data() -> None:
    exc_type, _exc, tb = _caught()
    text = crash_details(exc_type, tb, log_path=Path("/home/山田/dxdesk/logs/dxdesk.log"))  # type: ignore[arg-type]
    assert "builtins.ValueError" in text
    assert "_raise_with_data" in text and "test_crash_dialog.py" in text
    assert "秘密のメモ" not in text
    assert "/home/山田" not in text and "dxdesk.log" in text


def test_the_reporter_apologises_and_copies_the_details(qtbot: object) -> None:
    reporter = CrashReporter()
    exc_type, exc, tb = _caught()
    seen: dict[str, str] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CrashDialog)
        seen["message"] = " ".join(
            w.text() for w in dialog.findChildren(type(dialog.copied)) if w.text()
        )
        dialog.copy_button.click()
        seen["copied"] = dialog.copied.text()
        dialog.reject()

    QTimer.singleShot(0, answer)
    reporter(exc_type, exc, tb)  # type: ignore[arg-type]
    assert "申し訳ありません" in seen["message"]
    assert "失われていません" in seen["message"]
    assert "コピーしました" in seen["copied"]
    clip = QGuiApplication.clipboard().text()
    assert "builtins.ValueError" in clip and "秘密のメモ" not in clip
    assert not reporter.showing


def test_a_user_error_that_escapes_gets_its_sentence(qtbot: object) -> None:
    reporter = CrashReporter()
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.accept()

    QTimer.singleShot(0, answer)
    try:
        raise UserError("disk_full")
    except UserError as err:
        reporter(UserError, err, err.__traceback__)
    assert seen["text"] == UserError("disk_full").message
