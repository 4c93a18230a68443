"""The ヘルプ menu (its dialogs are imported when chosen: the window's start stays light, see
tests/gui/test_cold_start.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def add_help_menu(window: QMainWindow) -> QMenu:
    """ヘルプ with the manual and dxdesk について (macOS moves that one to the application menu)."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("AboutDialog", "ヘルプ(&H)"))
    menu.setObjectName("helpMenu")
    manual = QAction(QCoreApplication.translate("AboutDialog", "利用者マニュアル(&M)"), menu)
    manual.setObjectName("openManual")
    # F1, as every Windows program opens its help (a list, not setShortcut's overloads).
    manual.setShortcuts([QKeySequence("F1")])
    manual.triggered.connect(lambda _=False: open_manual(window))
    menu.addAction(manual)
    menu.addSeparator()
    about = QAction(QCoreApplication.translate("AboutDialog", "dxdesk について(&A)…"), menu)
    about.setObjectName("openAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda _=False: _open_about(window))
    menu.addAction(about)
    return menu


def _open_about(window: QMainWindow) -> object:
    from dxdesk.gui.about import open_about

    return open_about(window)


def open_manual(window: QMainWindow) -> Path | None:
    """Build the manual's PDF (once per version, in the cache folder) on a worker, then open it
    in the system's PDF reader. A failure is one sentence, never a traceback."""
    from dxdesk.errors import UserError
    from dxdesk.gui.messages import user_message, warn
    from dxdesk.gui.worker import run_busy
    from dxdesk.services import manual

    profile = getattr(window, "profile", None)
    font = profile.settings.pdf_font if profile is not None else ""
    try:
        path = run_busy(window, lambda: manual.cached_pdf(manual.default_cache_dir(), font))
    except UserError as err:
        warn(
            window, QCoreApplication.translate("AboutDialog", "利用者マニュアル"), user_message(err)
        )
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
