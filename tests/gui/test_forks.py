"""The window's list of histories kept aside (a copied profile): what each holds, adopt, set aside.

Built the way it happens: a field laptop's profile folder is copied to a second laptop, both are
used and both send to the hub.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxdesk.gui.forks import ForksView
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile, reopen, visit


def titles(profile: Profile) -> set[str]:
    return {
        str(r["title"])
        for r in profile.database.query("SELECT title FROM visit WHERE _deleted = 0")
    }


@pytest.fixture
def hub_with_fork(tmp_path: Path) -> Iterator[Profile]:
    usb = tmp_path / "usb"
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    enrol_field(hub, field, tmp_path)
    field.close(backup=False)
    shutil.copytree(tmp_path / "現地", tmp_path / "複製")
    first, twin = reopen(tmp_path / "現地"), reopen(tmp_path / "複製")
    RecordService(first).add("visit", visit("元の端末の訪問"))
    RecordService(twin).add("visit", visit("複製した端末の訪問"))
    for p in (first, twin):
        sync.import_bundle(hub, sync.export_bundle(p, "hub", usb).path)
        p.close(backup=False)
    yield hub
    hub.close(backup=False)


def test_a_fork_is_listed_with_what_it_holds_and_can_be_adopted(
    qtbot: QtBot, hub_with_fork: Profile, tmp_path: Path
) -> None:
    hub = hub_with_fork
    view = ForksView(hub)
    qtbot.addWidget(view)
    view.resize(900, 360)
    view.show()
    assert view.table.rowCount() == 1
    assert view.table.item(0, 0).text() == "山田の端末"
    # The twin's visit and the export log entry its bundle carried.
    assert view.table.item(0, 1).text() == "同期ファイルの書出し記録 1件、訪問・ヒアリング 1件"
    view.grab().save(str(tmp_path / "forks.png"))
    assert "複製した端末の訪問" not in titles(hub)
    changed: list[bool] = []
    view.changed.connect(lambda: changed.append(True))
    assert view.adopt_selected()
    assert changed and view.table.rowCount() == 0
    assert {"元の端末の訪問", "複製した端末の訪問"} <= titles(hub)
    assert "2 件" in view.status.text()


def test_setting_a_fork_aside_keeps_it_stored(qtbot: QtBot, hub_with_fork: Profile) -> None:
    hub = hub_with_fork
    view = ForksView(hub)
    qtbot.addWidget(view)
    assert view.dismiss_selected()
    assert view.table.rowCount() == 0 and not view.adopt_button.isEnabled()
    kept = sync.list_forks(hub, include_resolved=True)
    assert len(kept) == 1 and kept[0].resolution == "dismissed" and kept[0].count == 2
    assert "複製した端末の訪問" not in titles(hub)


def test_the_main_window_opens_the_list_from_the_sync_menu(
    qtbot: QtBot, hub_with_fork: Profile
) -> None:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog

    from dxdesk.gui.mainwindow import MainWindow

    window = MainWindow(hub_with_fork)
    qtbot.addWidget(window)
    window.show()
    action = window.findChild(QAction, "showForks")
    assert action is not None
    view = window.open_forks()
    dialog = view.parentWidget()
    assert isinstance(dialog, QDialog) and dialog.windowTitle() == "別の履歴"
    assert view.table.rowCount() == 1
    dialog.close()
    conflicts = window.open_conflicts()
    assert conflicts.parentWidget().windowTitle() == "競合の記録"
    conflicts.parentWidget().close()
