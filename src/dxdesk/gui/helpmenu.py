"""The ヘルプ menu: the user manual, the keyboard list, the diagnostic information and dxdesk
について.

The keyboard list is built from the window's own actions when it opens (their menu, text and
shortcut), so it cannot drift from what the keys do. Its dialogs are imported when chosen: the
window's start stays light (tests/gui/test_cold_start.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

# "新しい訪問(&V)…" → "新しい訪問": the mnemonic in brackets (Japanese style), a bare "&" (English
# style, "&&" for a literal one) and the ellipsis that says a dialog follows.
_MNEMONIC = re.compile(r"\(&[^)]\)|&(?=[^&])")


def plain_action_text(text: str) -> str:
    """An action's text as a toolbar button or a list shows it: no mnemonic, no "…"."""
    return _MNEMONIC.sub("", text).replace("&&", "&").replace("…", "").replace("...", "").strip()


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
    keys = QAction(QCoreApplication.translate("HelpMenu", "キーボード操作の一覧(&K)…"), menu)
    keys.setObjectName("showKeys")
    # Ctrl+F1: F1 is the manual, as on every Windows program.
    keys.setShortcuts([QKeySequence("Ctrl+F1")])
    keys.triggered.connect(lambda _=False: open_keyboard_list(window))
    menu.addAction(keys)
    diagnostics = QAction(QCoreApplication.translate("HelpMenu", "診断情報をコピー(&D)"), menu)
    diagnostics.setObjectName("copyDiagnostics")
    diagnostics.triggered.connect(lambda _=False: copy_diagnostics(window))
    menu.addAction(diagnostics)
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


def keyboard_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(menu, action, shortcut) for every action of the window's menus that has a shortcut,
    in menu order, then the record form's keys."""
    native = QKeySequence.SequenceFormat.NativeText
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu) -> None:
        title = plain_action_text(menu.title())
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub)
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                rows.append(
                    (title, plain_action_text(action.text()), action.shortcut().toString(native))
                )

    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu)
    # A record form's own keys (gui/forms.py and gui/widgets.py bind them there).
    form = QCoreApplication.translate("HelpMenu", "入力画面")
    for key, text in (
        (
            QKeySequence(QKeySequence.StandardKey.Save),
            QCoreApplication.translate("HelpMenu", "記録を保存"),
        ),
        (
            QKeySequence("F4"),
            QCoreApplication.translate("HelpMenu", "カレンダーから選択（日付欄）"),
        ),
        (QKeySequence("Esc"), QCoreApplication.translate("HelpMenu", "入力画面を閉じる")),
    ):
        rows.append((form, text, key.toString(native)))
    return rows


def open_keyboard_list(window: QMainWindow) -> QWidget:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QDialog,
        QDialogButtonBox,
        QHeaderView,
        QTableWidget,
        QTableWidgetItem,
        QVBoxLayout,
    )

    dialog = QDialog(window)
    dialog.setObjectName("keyboardList")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(QCoreApplication.translate("HelpMenu", "キーボード操作の一覧"))
    rows = keyboard_rows(window)
    table = QTableWidget(len(rows), 3, dialog)
    table.setObjectName("keys")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("HelpMenu", "メニュー"),
            QCoreApplication.translate("HelpMenu", "操作"),
            QCoreApplication.translate("HelpMenu", "キー"),
        ]
    )
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(620, 600)
    dialog.open()
    return dialog


def copy_diagnostics(window: QMainWindow) -> str:
    """The diagnostic information (services/about.py: nothing personal) on the clipboard."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    from dxdesk.services.about import diagnostics, diagnostics_text

    profile = window.profile  # type: ignore[attr-defined]  # the MainWindow's
    rows = diagnostics(profile, qt_version=f"{qVersion()}（PySide6 {pyside_version}）")
    text = diagnostics_text(rows)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)
    window.statusBar().showMessage(
        QCoreApplication.translate("HelpMenu", "診断情報をクリップボードにコピーしました。")
    )
    return text
