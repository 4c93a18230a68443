"""The organisation tree's context menu: a right-click (or the menu key) on an organisation offers
its documents; elsewhere nothing opens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from dxdesk.core.ids import natural_id
from dxdesk.gui.mainwindow import ORG_ROLE, MainWindow
from dxdesk.services.profile import Profile

MIYAZAKI = natural_id("organisation", "452017")  # 宮崎市

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    w = MainWindow(profile)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for menu in w.findChildren(QMenu):
        menu.close()


def _item(w: MainWindow, org_id: str) -> QTreeWidgetItem:
    for i in range(w.tree.topLevelItemCount()):
        top = w.tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, ORG_ROLE) == org_id:
                return top.child(j)
    raise AssertionError(org_id)


def _right_click(w: MainWindow, pos: QPoint) -> QMenu | None:
    viewport = w.tree.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    menus = [m for m in w.findChildren(QMenu) if m.isVisible()]
    assert len(menus) <= 1
    return menus[0] if menus else None


def test_a_right_click_on_an_organisation_offers_its_documents(window: MainWindow) -> None:
    item = _item(window, MIYAZAKI)
    window.tree.scrollToItem(item)
    menu = _right_click(window, window.tree.visualItemRect(item).center())
    assert menu is not None
    titles = [a.text() for a in menu.actions()]
    assert titles and all(t.endswith("を作成…") for t in titles)


def test_a_right_click_on_a_group_heading_opens_nothing(window: MainWindow) -> None:
    top = window.tree.topLevelItem(0)
    assert top.data(0, ORG_ROLE) is None
    window.tree.scrollToItem(top)
    assert _right_click(window, window.tree.visualItemRect(top).center()) is None
