"""Keyboard and menus as a Windows user expects them (issue 15): a shortcut for every frequent
action, shown once per menu item, mnemonics in the menus, the keyboard list built from the
actions themselves, the diagnostic information without personal data, and "remember on this
computer" at unlock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTableWidget
from pytestqt.qtbot import QtBot

from dxdesk.gui.forms import RecordForm
from dxdesk.gui.helpmenu import keyboard_rows, plain_action_text
from dxdesk.gui.mainwindow import GLOBAL_VIEWS, MainWindow
from dxdesk.services.profile import Profile


def _menus(window: MainWindow) -> list[QMenu]:
    return [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]


def _menu_actions(window: MainWindow) -> list[QAction]:
    return [a for m in _menus(window) for a in m.actions() if not a.isSeparator()]


def _by_name(window: MainWindow, name: str) -> QAction:
    [action] = [a for a in _menu_actions(window) if a.objectName() == name]
    return action


def test_every_frequent_action_has_its_own_shortcut(qtbot: QtBot, profile: Profile) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    keys = {
        "newVisit": "Ctrl+N",
        "newIssue": "Ctrl+I",
        "newConsultation": "Ctrl+J",
        "newTime": "Ctrl+T",
        "find": "Ctrl+F",
        "openDocuments": "Ctrl+P",
        "importBundles": "Ctrl+O",
        "exportBundle": "Ctrl+E",
        "openSettings": "Ctrl+,",
        "lock": "Ctrl+L",
        "quit": "Ctrl+Q",
        **{f"view_{key}": f"Ctrl+{n}" for n, (key, _label) in enumerate(GLOBAL_VIEWS, 1)},
    }
    for name, key in keys.items():
        assert _by_name(window, name).shortcut() == QKeySequence(key), name
    # No two actions of the window share a key.
    taken = [a.shortcut().toString() for a in _menu_actions(window) if not a.shortcut().isEmpty()]
    assert len(taken) == len(set(taken))


def test_menu_items_name_their_shortcut_once_and_have_mnemonics(
    qtbot: QtBot, profile: Profile
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    for menu in _menus(window):
        assert "&" in menu.title(), menu.title()
        for action in menu.actions():
            if action.isSeparator() or action.objectName().startswith("register_"):
                continue
            # The shortcut is the action's; the text never spells it out again.
            assert "Ctrl" not in action.text(), action.text()
            assert "&" in action.text(), action.text()
    # The toolbar shows the plain text and the key in its tooltip.
    visit = window.new_visit_action
    assert visit.iconText() == "新しい訪問"
    assert visit.toolTip() == "新しい訪問（Ctrl+N）"
    assert plain_action_text("別の履歴（複製の検出）(&F)…") == "別の履歴（複製の検出）"
    assert plain_action_text("Save &As...") == "Save As"
    assert plain_action_text("R&&D") == "R&D"


def test_shortcuts_open_the_new_record_forms_and_views(qtbot: QtBot, profile: Profile) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    for key, kind_name in (
        ("Ctrl+I", "issue"),
        ("Ctrl+J", "consultation"),
        ("Ctrl+T", "time"),
    ):
        qtbot.keyClick(window, QKeySequence(key)[0].key(), QKeySequence(key)[0].keyboardModifiers())
        forms = [f for f in window.findChildren(RecordForm) if f.isVisible()]
        assert [f.kind.name for f in forms] == [kind_name]
        forms[0].autosave_timer.stop()
        forms[0].reject()
        qtbot.waitUntil(lambda: not any(f.isVisible() for f in window.findChildren(RecordForm)))
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.global_consultations


def test_the_keyboard_list_is_built_from_the_actions(qtbot: QtBot, profile: Profile) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    rows = keyboard_rows(window)
    assert ("記録", "新しい課題", "Ctrl+I") in rows
    assert ("ファイル", "終了", "Ctrl+Q") in rows
    assert ("入力画面", "記録を保存", "Ctrl+S") in rows
    # A key given to an action later is in the list at once: it is read from the actions.
    _by_name(window, "showConflicts").setShortcut(QKeySequence("Ctrl+Shift+F9"))
    assert ("同期", "競合の記録", "Ctrl+Shift+F9") in keyboard_rows(window)
    [help_menu] = [m for m in _menus(window) if m.objectName() == "helpMenu"]
    [keys] = [a for a in help_menu.actions() if a.objectName() == "showKeys"]
    keys.trigger()
    table = window.findChild(QTableWidget, "keys")
    assert table is not None and table.rowCount() == len(keyboard_rows(window))
    table.window().close()


def test_diagnostic_information_has_versions_and_counts_but_nothing_personal(
    qtbot: QtBot, profile: Profile
) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    [help_menu] = [m for m in _menus(window) if m.objectName() == "helpMenu"]
    [copy] = [a for a in help_menu.actions() if a.objectName() == "copyDiagnostics"]
    copy.trigger()
    text = QGuiApplication.clipboard().text()
    assert "dxdesk:" in text and "Qt:" in text and "スキーマ:" in text
    assert "件数：visit: 0" in text
    for personal in (
        profile.meta["owner_name"],
        profile.meta["device_name"],
        str(profile.paths.root),
    ):
        assert personal and personal not in text
    assert QApplication.instance() is not None
