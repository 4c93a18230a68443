"""ファイル > バックアップから復元…: the window restores a backup through the CLI's service.

A wrong passphrase or a file that is no backup is said in the dialog and closes nothing; a
restore swaps the database, reopens the window on it, and keeps what it replaced as a 復元前
backup, which a second restore brings back (nothing entered is lost by a restore either).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.gui.app import Session
from dxdesk.gui.restore import RestoreDialog
from dxdesk.services.profile import Profile, list_backups
from dxdesk.services.records import RecordService
from tests.conftest import PASSPHRASE


def _titles(profile: Profile) -> list[str]:
    return sorted(str(r["title"]) for r in RecordService(profile).list_records("visit"))


def _add(profile: Profile, title: str) -> None:
    values = {"date": "2025-11-25", "org_id": "高千穂町", "mode": "訪問", "title": title}
    RecordService(profile).add("visit", values)


def _in_dialog(qtbot: QtBot, steps: Callable[[RestoreDialog], None]) -> list[str]:
    """Run ``steps`` on the restore dialog once it is up; return what went wrong in them."""
    failures: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, act)
            return
        try:
            steps(dialog)
        except AssertionError as exc:
            failures.append(str(exc))
            dialog.reject()

    QTimer.singleShot(0, act)
    return failures


def _trigger(session: Session) -> None:
    action = session.window.findChild(QAction, "restoreBackup")
    assert action is not None and action.isEnabled()
    action.trigger()


def test_restore_from_the_window_and_back(qtbot: QtBot, profile: Profile) -> None:
    _add(profile, "バックアップ前の訪問")
    manual = profile.backup(profile.manual_backup_path())
    os.utime(manual, (1_764_000_000, 1_764_000_000))  # 2025-11-25 01:00 JST
    _add(profile, "バックアップ後の訪問")
    session = Session(profile)  # not qtbot.addWidget: a restore deletes the window it replaces
    session.window.show()
    old_window = session.window

    def steps(dialog: RestoreDialog) -> None:
        listed = dialog.list.topLevelItem(0)
        assert listed is not None
        assert [listed.text(0), listed.text(1)] == ["2025-11-25 01:00", "手動"]
        assert dialog.selected() == manual
        assert not dialog.ok_button.isEnabled()  # no passphrase yet
        dialog.password.setText("違うパスフレーズ")
        dialog.ok_button.click()
        assert dialog.isVisible(), "a wrong passphrase closed the dialog"
        assert "パスフレーズが正しくありません" in dialog.status.text()
        dialog.password.setText(PASSPHRASE)
        dialog.ok_button.click()

    failures = _in_dialog(qtbot, steps)
    _trigger(session)
    assert not failures, failures
    restored = session.profile
    assert restored is not profile and profile.closed and not restored.closed
    assert session.window is not old_window and session.window.profile is restored
    assert _titles(restored) == ["バックアップ前の訪問"]
    message = session.window.statusBar().currentMessage()
    assert message.startswith("バックアップから復元しました。置き換え前のデータベースは")
    kept = [b for b in list_backups(restored.paths) if b.kind == "pre_restore"]
    assert len(kept) == 1 and str(kept[0].path) in message

    # The 復元前 copy is listed first and brings back what the restore replaced.
    def back(dialog: RestoreDialog) -> None:
        first = dialog.list.topLevelItem(0)
        assert first is not None and first.text(1) == "復元前"
        dialog.password.setText(PASSPHRASE)
        dialog.ok_button.click()

    failures = _in_dialog(qtbot, back)
    _trigger(session)
    assert not failures, failures
    assert _titles(session.profile) == ["バックアップ前の訪問", "バックアップ後の訪問"]
    session.window.hide()
    session.window.deleteLater()
    session.profile.close(backup=False)


def test_a_file_that_is_no_backup_closes_nothing(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    _add(profile, "残る訪問")
    junk = tmp_path / "USBメモリ" / "壊れた.db"
    junk.parent.mkdir()
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    session = Session(profile)
    qtbot.addWidget(session.window)
    session.window.show()
    window = session.window

    def steps(dialog: RestoreDialog) -> None:
        assert dialog.list.topLevelItemCount() == 0
        assert "バックアップがありません" in dialog.status.text()
        dialog.choose_file(str(junk))
        assert dialog.selected() == junk
        item = dialog.list.topLevelItem(0)
        assert item is not None and item.text(1) == "その他"
        dialog.password.setText(PASSPHRASE)
        dialog.ok_button.click()
        assert dialog.isVisible()
        assert "検証できませんでした" in dialog.status.text()
        dialog.choose_file(str(tmp_path / "ない.db"))
        assert "ファイルがありません" in dialog.status.text()
        dialog.reject()

    failures = _in_dialog(qtbot, steps)
    _trigger(session)
    assert not failures, failures
    assert session.profile is profile and not profile.closed
    assert session.window is window
    assert _titles(profile) == ["残る訪問"]
    assert not [b for b in list_backups(profile.paths) if b.kind == "pre_restore"]
    window.hide()


def test_backups_are_listed_newest_first_by_kind(profile: Profile) -> None:
    folder = profile.paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    names = {
        "auto-20251101-090000-ab12.db": 1_761_955_200,
        "manual-20251102-090000.db": 1_762_041_600,
        "pre-import-20251103-090000-cd34.db": 1_762_128_000,
        "pre-restore-20251104-090000-ef56.db": 1_762_214_400,
        "持ち出し用.db": 1_762_300_800,
    }
    for name, mtime in names.items():
        (folder / name).write_bytes(b"x")
        (folder / (name + ".keys.json")).write_text("{}", encoding="utf-8")
        os.utime(folder / name, (mtime, mtime))
    listed = list_backups(profile.paths)
    assert [b.kind for b in listed] == ["other", "pre_restore", "pre_import", "manual", "auto"]
    assert [b.path.name for b in listed][-1] == "auto-20251101-090000-ab12.db"
