"""帳票 > 成果品一式の作成 in the window: the .zip with progress, and 中止 writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.package import make_package
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    RecordService(profile).add(
        "visit", {"date": "2025-11-12", "org_id": "高千穂町", "mode": "訪問", "title": "支援"}
    )
    window = MainWindow(profile)
    qtbot.addWidget(window)
    return window


def test_the_package_is_made_with_progress(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    window = _window(qtbot, profile)
    assert window.findChild(object, "makePackage") is not None  # the menu entry
    out = tmp_path / "成果品一式.zip"
    result = make_package(window, profile, 2025, out)
    assert result is not None and zipfile.is_zipfile(out)
    assert any(e.target == "令和7年11月" for e in result.entries)


def test_cancel_stops_before_anything_is_written(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    window = _window(qtbot, profile)

    def cancel() -> None:
        modal = QApplication.activeModalWidget()
        button = modal.findChild(QPushButton, "taskCancel") if modal is not None else None
        if button is None:
            QTimer.singleShot(2, cancel)
            return
        button.click()

    QTimer.singleShot(0, cancel)
    out = tmp_path / "中止.zip"
    assert make_package(window, profile, 2025, out) is None
    assert not out.exists()
