"""The ヘルプ menu (its dialogs are imported when chosen: the window's start stays light, see
tests/gui/test_cold_start.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu


def add_help_menu(window: QMainWindow) -> QMenu:
    """ヘルプ with dxdesk について (macOS moves that one to the application menu)."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("AboutDialog", "ヘルプ(&H)"))
    menu.setObjectName("helpMenu")
    about = QAction(QCoreApplication.translate("AboutDialog", "dxdesk について(&A)…"), menu)
    about.setObjectName("openAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda _=False: _open_about(window))
    menu.addAction(about)
    return menu


def _open_about(window: QMainWindow) -> object:
    from dxdesk.gui.about import open_about

    return open_about(window)
