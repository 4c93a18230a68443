"""An English window shows no Japanese except data (issue 15): the month list and chart labels,
the choice values and yes/no in the tables, weekdays, and mnemonics that never eat a "&"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.gui.dates import month_name, shown_date, year_month
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture
def english(english_window: None) -> None:
    """The window in English (tests/gui/conftest.py)."""


def test_months_and_weekdays_follow_the_language(qapp: QApplication) -> None:
    assert year_month(2025, 11) == "2025年11月" and month_name(4) == "4月"
    assert shown_date(date(2025, 11, 25), weekday=True) == "2025-11-25(火)"


def test_english_months_weekdays(english: None) -> None:
    assert year_month(2025, 11) == "Nov 2025" and month_name(4) == "Apr"
    assert shown_date(date(2025, 11, 25), weekday=True) == "2025-11-25(Tue)"


def test_an_english_window_has_no_japanese_but_data(
    qtbot: QtBot, profile: Profile, english: None
) -> None:
    RecordService(profile).add(
        "issue", {"org_id": "高千穂町", "title": "LGWAN接続の確認", "priority": "高"}
    )
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    months = [window.month_box.itemText(i) for i in range(window.month_box.count())]
    assert months and not any(JAPANESE.search(m) for m in months), months
    for menu in (a.menu() for a in window.menuBar().actions()):
        assert menu is not None
        assert not JAPANESE.search(menu.title())
        for action in menu.actions():
            if not action.isSeparator() and not action.objectName().startswith("register_"):
                assert not JAPANESE.search(action.text()), action.text()
    window.show_global("issues")
    model = window.global_issues.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    row = [
        str(model.index(0, c).data(Qt.ItemDataRole.DisplayRole)) for c in range(model.columnCount())
    ]
    # Data stays as typed (高千穂町, the title); the model's words are English.
    for word in ("高", "未対応"):
        english_word = QCoreApplication.translate("Choice", word)
        assert english_word != word and english_word in row, row
    words = [cell for cell in row if cell and "高千穂" not in cell and "LGWAN" not in cell]
    assert not any(JAPANESE.search(w) for w in words), row


def test_every_global_view_fits_a_1366_window_in_english(
    qtbot: QtBot, profile: Profile, english: None
) -> None:
    """Nothing forces the window wider than a 1366x768 laptop's screen (the lists' filter bars
    with the urgency legend were the widest)."""
    from dxdesk.gui.mainwindow import GLOBAL_VIEWS

    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    wide = []
    for key, _label in GLOBAL_VIEWS:
        window.show_global(key)
        QApplication.processEvents()
        if window.minimumSizeHint().width() > 1366:
            wide.append((key, window.minimumSizeHint().width()))
    assert wide == []


def test_a_shared_issue_is_marked_in_english_with_singular_and_plural(english: None) -> None:
    """「共有：都城市ほか%n団体」 as numerus forms: one other organisation, or several."""
    from PySide6.QtCore import QCoreApplication

    one = QCoreApplication.translate("RecordTableModel", "共有：%1ほか%n団体", None, 1)
    two = QCoreApplication.translate("OverviewPanel", "共有：%1ほか%n団体", None, 2)
    assert one.replace("%1", "Miyakonojo") == "Shared: Miyakonojo and 1 other"
    assert two.replace("%1", "Miyakonojo") == "Shared: Miyakonojo and 2 others"
