"""One date style in the window, chosen in the settings (issue 15): tables, search results, the
organisation overview, the deadline board and the record pickers all follow it at once; the
stored values stay ISO."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from dxdesk.core.calendar import ISO, WAREKI
from dxdesk.errors import UserError
from dxdesk.gui.dates import date_style
from dxdesk.gui.deadlines import DeadlineBoard
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    records = RecordService(profile)
    records.add(
        "visit",
        {
            "date": "2025-11-25",
            "org_id": "高千穂町",
            "mode": "訪問",
            "title": "ガバメントクラウド移行の打合せ",
        },
    )
    records.add(
        "issue", {"org_id": "高千穂町", "title": "LGWAN接続の確認", "raised_on": "2025-11-26"}
    )
    w = MainWindow(profile)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.hide()


def _cells(table: object, column: int) -> list[str]:
    model = table.model  # type: ignore[attr-defined]
    while model.canFetchMore(QModelIndex()):  # the rows come in pages as a view scrolls
        model.fetchMore(QModelIndex())
    return [
        str(model.index(r, column).data(Qt.ItemDataRole.DisplayRole))
        for r in range(model.rowCount())
    ]


def _choose(window: MainWindow, profile: Profile, style: str) -> None:
    profile.update_settings(date_style=style)
    window.settings_changed.emit()


def test_the_chosen_style_shows_everywhere_and_storage_stays_iso(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    assert profile.settings.date_style == ISO  # the default
    window.show_global("issues")
    assert "2025-11-26" in _cells(window.global_issues, 0)

    _choose(window, profile, WAREKI)
    assert date_style() == WAREKI
    # The list already open redraws.
    assert "R7.11.26" in _cells(window.global_issues, 0)
    # Search results.
    window.search_box.setText("ガバメントクラウド")
    window.run_search()
    assert window.search_results.table.item(0, 1).text() == "R7.11.25"
    # The organisation's tabs and its overview.
    org = next(b.org_id for b in window.overview.organisations() if b.name == "高千穂町")
    window.select_org(org)
    shown = " ".join(label.text() for label in window.overview_panel.findChildren(QLabel))
    assert "R7.11.25" in shown and "2025-11-25" not in shown
    window.org_tabs.setCurrentWidget(window.org_tables["visit"].parentWidget())
    assert "R7.11.25" in _cells(window.org_tables["visit"], 0)
    # The deadline board.
    board = DeadlineBoard(profile, today=date(2025, 11, 28))
    qtbot.addWidget(board)
    dues = [board.table.item(r, 0).text() for r in range(board.table.rowCount())]
    assert "R7.12.10" in dues and not any("-" in d for d in dues if d)
    # Stored values are ISO whatever is shown.
    [visit] = RecordService(profile).list_records("visit")
    assert visit["date"] == "2025-11-25"

    _choose(window, profile, ISO)
    assert "2025-11-26" in _cells(window.global_issues, 0)


def test_the_settings_dialog_saves_the_style(qtbot: QtBot, profile: Profile) -> None:
    from dxdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(profile)
    qtbot.addWidget(dialog)
    assert dialog.date_style.currentData() == ISO
    dialog.date_style.setCurrentIndex(dialog.date_style.findData(WAREKI))
    dialog.save()
    assert profile.settings.date_style == WAREKI
    with pytest.raises(UserError):
        profile.update_settings(date_style="showa")
    assert profile.settings.date_style == WAREKI
