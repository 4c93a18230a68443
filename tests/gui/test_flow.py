"""The whole day of a consultant, as a person would do it, in a real (offscreen) window:

first-run wizard -> close -> unlock -> new visit -> issue from its finding -> both visible in the
organisation's tabs and the global lists -> search finds the note -> lock -> unlock -> still there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget, QWizard
from pytestqt.qtbot import QtBot

from dxdesk.gui.app import Session
from dxdesk.gui.unlock import UnlockDialog
from dxdesk.gui.wizard import SetupWizard
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Profile
from tests.conftest import PASSPHRASE

NOTE = "住民記録システムの移行日程について、ベンダから第3四半期の提案あり。"
FINDING = "戸籍附票の文字同定基準が未確定"


def commit_text(widget: QWidget, text: str) -> None:
    """Type Japanese the way an input method commits it (keyClicks cannot type Japanese)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press_save(qtbot: QtBot, form: QWidget) -> None:
    """Ctrl+S as the user presses it: the form must be the active window for its shortcut."""
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    qtbot.keyClick(
        QApplication.focusWidget() or form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )


def run_wizard(qtbot: QtBot, paths: ProfilePaths) -> Profile:
    w = SetupWizard(paths)
    qtbot.addWidget(w)
    w.show()
    w.identity_page.name_edit.setText("山田 太郎")
    w.identity_page.device_edit.setText("yamada-note")
    w.button(QWizard.WizardButton.NextButton).click()
    w.passphrase_page.pair.first.setText(PASSPHRASE)
    w.passphrase_page.pair.second.setText(PASSPHRASE)
    page = w.currentPage()
    button = w.button(
        QWizard.WizardButton.CommitButton
        if page.isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    button.click()
    while w.currentPage() is not w.recovery_page:
        w.button(
            QWizard.WizardButton.CommitButton
            if w.currentPage().isCommitPage()
            else QWizard.WizardButton.NextButton
        ).click()
        qtbot.wait(10)
    box = w.recovery_page.written
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    w.button(QWizard.WizardButton.FinishButton).click()
    assert w.profile is not None
    return w.profile


@pytest.fixture
def session(qtbot: QtBot, profile_paths: ProfilePaths) -> Iterator[Session]:
    first = run_wizard(qtbot, profile_paths)
    first.close(backup=False)
    dialog = UnlockDialog(profile_paths)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("wrong passphrase!")
    click(qtbot, dialog.open_button)
    assert "パスフレーズが正しくありません" in dialog.error.text()
    assert dialog.profile is None
    dialog.passphrase.setText(PASSPHRASE)
    click(qtbot, dialog.open_button)
    assert dialog.profile is not None
    s = Session(dialog.profile)
    qtbot.addWidget(s.window)
    s.window.resize(1366, 768)
    s.window.show()
    s.window.activateWindow()  # shortcuts (Ctrl+N, Ctrl+L) go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is s.window, timeout=2000)
    try:
        yield s
    finally:
        # Never leave a modal question up at teardown: drop open forms without asking.
        for form in s.window.findChildren(QWidget):
            if hasattr(form, "autosave_timer"):
                form.autosave_timer.stop()
                form.hide()
                form.deleteLater()
        s.window.hide()
        s.profile.close(backup=False)


def test_a_consultants_day(qtbot: QtBot, session: Session) -> None:
    window = session.window
    org = next(b for b in window.overview.organisations() if b.name == "高千穂町")
    window.select_org(org.org_id)
    assert window.current_org == org.org_id

    # Ctrl+N: a new visit for the selected organisation.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    forms = [
        w
        for w in window.findChildren(QWidget)
        if type(w).__name__ == "RecordForm" and w.isVisible()
    ]
    assert len(forms) == 1
    form = forms[0]
    form.editors["date"].set_value("2025-11-25")
    qtbot.keyClicks(form.editors["start_time"].input_widget, "10:00")
    qtbot.keyClicks(form.editors["end_time"].input_widget, "11:30")
    commit_text(form.editors["title"].input_widget, "標準化ヒアリング")
    commit_text(form.editors["notes"].input_widget, NOTE)
    commit_text(form.editors["findings"].input_widget, FINDING)

    # 「この所見から課題を作成」 saves the visit, then opens an issue form linked to it.
    click(qtbot, form.follow_up_buttons["findings"])
    assert not form.shown_errors, form.shown_errors
    visits = window.records.list_records("visit", org=org.org_id)
    assert len(visits) == 1, visits
    assert visits[0]["notes"] == NOTE and visits[0]["hours"] == 1.5
    visit_id = str(visits[0]["id"])
    issue_form = form.follow_up_form
    assert issue_form is not None and issue_form.isVisible()
    press_save(qtbot, issue_form)
    issues = window.records.list_records("issue", org=org.org_id)
    assert len(issues) == 1
    assert issues[0]["visit_id"] == visit_id and FINDING in str(issues[0]["title"]) + str(
        issues[0]["description"]
    )

    # The visit form has nothing unsaved left: it closes without asking.
    assert not form.is_dirty()
    form.close()

    # Both appear in the organisation's tabs and in the global lists.
    qtbot.waitUntil(lambda: window.org_tables["visit"].model.total() == 1)
    assert window.org_tables["issue"].model.total() == 1
    window.show_global("issues")
    assert window.global_issues.model.total() == 1
    qtbot.waitUntil(lambda: window.global_issues.model.rowCount() == 1)  # fetched as painted
    assert window.global_issues.model.record_id(0) == issues[0]["id"]

    # Search finds the note (Japanese, inside a sentence).
    window.search_box.setText("第3四半期")
    window.run_search()
    results = window.search_results.table
    found = {results.item(r, 3).text() for r in range(results.rowCount())}
    assert "標準化ヒアリング" in found

    # Ctrl+L locks: the data is hidden behind the lock screen; the passphrase brings it back.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    screen = window.lock_screen
    assert screen is not None and window.outer.currentWidget() is screen
    screen.passphrase.setText("not the passphrase")
    click(qtbot, screen.unlock_button)
    assert window.locked and "パスフレーズが正しくありません" in screen.error.text()
    # A second try waits out the throttle's first second (real time, the real clock).
    assert not screen.unlock_button.isEnabled() and "あと 1 秒" in screen.wait_label.text()
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=3000)
    screen.passphrase.setText(PASSPHRASE)
    click(qtbot, screen.unlock_button)
    assert not window.locked
    assert window.stack.currentWidget() is window.search_results  # back where we were
    assert window.records.get("visit", visit_id)["notes"] == NOTE


def test_english_translation_switches_the_window(qtbot: QtBot, session: Session) -> None:
    from PySide6.QtCore import QCoreApplication

    from dxdesk.gui.translators import install_translators, translations_dir

    if not (translations_dir() / "dxdesk_en.qm").exists():
        pytest.skip("translations not built (make setup builds them)")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "en")
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "課題一覧") != "課題一覧"
    finally:
        for t in installed:
            app.removeTranslator(t)
