"""The window backs up after a change when a backup is due and when it closes; a backup that
fails is shown (status bar, or a message when closing) and the change stays saved."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


def _add(profile: Profile, title: str) -> object:
    values = {"date": "2025-11-25", "org_id": "高千穂町", "mode": "訪問", "title": title}
    return RecordService(profile).add("visit", values)


def test_a_failing_backup_is_shown_and_the_change_kept(qtbot: QtBot, profile: Profile) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    backups = profile.paths.backups
    if backups.exists():
        shutil.rmtree(backups)
    backups.write_text("", encoding="utf-8")  # the folder cannot be made: the backup fails
    change = _add(profile, "窓からの記録")
    window.data_changed.emit(change)
    text = window.statusBar().currentMessage()
    assert text.startswith("警告：記録は保存しましたが、自動バックアップを作成できませんでした"), (
        text
    )
    assert RecordService(profile).list_records("visit")[0]["title"] == "窓からの記録"

    # Closing tries again (whatever the interval) and says so when it fails.
    shown: list[str] = []

    def dismiss() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):  # the backup runs on a worker first
            QTimer.singleShot(20, dismiss)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, dismiss)
    window.close()
    assert shown and shown[0].startswith("記録は保存しましたが")


def test_changes_are_backed_up_once_per_interval_and_on_close(
    qtbot: QtBot, profile: Profile
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    window.data_changed.emit(_add(profile, "一件目"))
    assert len(list(profile.paths.backups.glob("auto-*.db"))) == 1
    window.data_changed.emit(_add(profile, "二件目"))  # within the interval: no second copy
    assert len(list(profile.paths.backups.glob("auto-*.db"))) == 1
    assert "警告" not in window.statusBar().currentMessage()
    window.close()  # the second change is kept by the backup taken on closing
    assert len(list(profile.paths.backups.glob("auto-*.db"))) == 2
    assert not profile.changed
