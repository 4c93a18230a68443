"""The first-run wizard, driven as a person would: type, tick, click Next, read the messages."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractButton, QDialog, QFileDialog, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from dxdesk.gui import wizard as wizard_module
from dxdesk.gui.wizard import SetupWizard, recovery_document
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, can_open_with_keyring, open_profile
from dxdesk.services.setup import recovery_key_lines
from dxdesk.store.keys import KeyFile
from tests.conftest import PASSPHRASE, MemoryKeyring

# The offscreen platform warns about every top-level window it shows; that is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def wizard(qtbot: QtBot, profile_paths: ProfilePaths) -> Iterator[SetupWizard]:
    w = SetupWizard(profile_paths)
    qtbot.addWidget(w)
    w.show()
    yield w
    if w.profile is not None:
        w.profile.close(backup=False)


def forward(w: QWizard) -> QPushButton:
    page = w.currentPage()
    which = (
        QWizard.WizardButton.CommitButton
        if page.isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    button = w.button(which)
    assert isinstance(button, QPushButton)
    return button


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot: QtBot, box: QAbstractButton) -> None:
    """Click the box itself (a wide check box only reacts on its indicator and text)."""
    assert box.isEnabled()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def fill_identity(qtbot: QtBot, w: SetupWizard, *, role: str = "field") -> None:
    page = w.identity_page
    page.name_edit.setText("山田 太郎")  # Japanese is committed as an input method would
    page.device_edit.clear()
    qtbot.keyClicks(page.device_edit, "yamada-note")
    tick(qtbot, page.role_buttons[role])
    click(qtbot, forward(w))
    assert w.currentPage() is w.passphrase_page


def fill_passphrase(w: SetupWizard, first: str = PASSPHRASE, second: str = PASSPHRASE) -> None:
    w.passphrase_page.pair.first.setText(first)
    w.passphrase_page.pair.second.setText(second)


def test_first_run_end_to_end_with_keyring(
    qtbot: QtBot, wizard: SetupWizard, profile_paths: ProfilePaths, memory_keyring: MemoryKeyring
) -> None:
    assert wizard.windowTitle() == "dxdesk の初期設定"
    fill_identity(qtbot, wizard, role="hub")

    page = wizard.passphrase_page
    assert page.pair.first.echoMode() == page.pair.first.EchoMode.Password
    assert page.pair.second.echoMode() == page.pair.second.EchoMode.Password
    fill_passphrase(wizard)
    assert page.pair.strength.label.text().startswith("強さ：")
    assert page.remember.isEnabled()
    tick(qtbot, page.remember)
    assert page.remember.isChecked()
    click(qtbot, forward(wizard))

    create = wizard.create_page
    assert wizard.currentPage() is create
    assert create.values["owner"].text() == "山田 太郎"
    assert create.values["device"].text() == "yamada-note"
    assert create.values["role"].text() == "統括責任者の端末"
    assert str(profile_paths.root) in create.values["path"].text()
    assert not profile_paths.exists()
    click(qtbot, forward(wizard))

    recovery = wizard.recovery_page
    assert wizard.currentPage() is recovery
    assert profile_paths.exists()
    assert wizard.profile is not None
    shown = recovery.key_label.text()
    assert shown.splitlines() == recovery_key_lines(wizard.recovery_key)
    assert QFontInfo(recovery.key_label.font()).fixedPitch()
    assert recovery.key_label.font().pointSize() >= 16
    # No way back to a second creation, and no finishing before the box is ticked.
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert finish.isVisible() and not finish.isEnabled()
    tick(qtbot, recovery.written)
    assert finish.isEnabled()
    click(qtbot, finish)
    assert wizard.result() == QDialog.DialogCode.Accepted

    profile = wizard.profile
    assert profile.meta["owner_name"] == "山田 太郎"
    assert profile.meta["device_name"] == "yamada-note"
    assert profile.role == "hub"
    assert wizard.state.passphrase == ""  # not kept in memory after creation
    profile.close(backup=False)
    wizard.profile = None

    assert KeyFile.load(profile_paths.keys).has("keyring")
    assert len(memory_keyring.store) == 1
    assert can_open_with_keyring(profile_paths)
    open_profile(profile_paths, Credentials(passphrase=PASSPHRASE, use_keyring=False)).close(
        backup=False
    )


def test_without_ticking_remember_no_keyring_slot(
    qtbot: QtBot, wizard: SetupWizard, profile_paths: ProfilePaths, memory_keyring: MemoryKeyring
) -> None:
    fill_identity(qtbot, wizard)
    fill_passphrase(wizard)
    click(qtbot, forward(wizard))
    assert wizard.create_page.values["remember"].text() == "記憶しない"
    click(qtbot, forward(wizard))
    tick(qtbot, wizard.recovery_page.written)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert wizard.profile is not None
    assert wizard.profile.role == "field"
    assert not KeyFile.load(profile_paths.keys).has("keyring")
    assert memory_keyring.store == {}


def test_no_usable_keyring_greys_out_remember_with_the_reason(
    qtbot: QtBot, wizard: SetupWizard, no_keyring: None
) -> None:
    fill_identity(qtbot, wizard)
    page = wizard.passphrase_page
    assert not page.remember.isEnabled()
    assert not page.remember.isChecked()
    reason = page.remember.toolTip()
    assert "資格情報ストア" in reason
    assert page.remember_note.isVisible()
    assert reason in page.remember_note.text()
    assert page.remember_note.text().startswith("この端末では利用できません")


def test_identity_needs_a_name(qtbot: QtBot, wizard: SetupWizard) -> None:
    page = wizard.identity_page
    assert page.errors_label.text() == ""  # nothing scolded before typing
    assert not forward(wizard).isEnabled()
    page.name_edit.setText("山田")
    page.name_edit.clear()
    assert not forward(wizard).isEnabled()
    assert "氏名を入力してください" in page.errors_label.text()
    page.device_edit.clear()
    assert "端末名を入力してください" in page.errors_label.text()
    page.name_edit.setText("山田")
    qtbot.keyClicks(page.device_edit, "pc")
    assert page.errors_label.text() == ""
    assert forward(wizard).isEnabled()


def test_short_passphrase_blocks_next_with_a_message(qtbot: QtBot, wizard: SetupWizard) -> None:
    fill_identity(qtbot, wizard)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.pair.first, "short")
    qtbot.keyClicks(page.pair.second, "short")
    assert not forward(wizard).isEnabled()
    assert page.pair.errors_label.isVisible()
    assert "8文字以上で設定してください" in page.pair.errors_label.text()
    assert page.pair.strength.label.text() == "強さ：弱い"
    assert page.pair.strength.hint.text() == "8文字以上にしてください"
    assert not page.validatePage()
    assert wizard.currentPage() is page


def test_mismatched_passphrase_blocks_next_with_a_message(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    fill_identity(qtbot, wizard)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.pair.first, "kyou wa ii tenki desu")
    qtbot.keyClicks(page.pair.second, "kyou wa ii tenki desu!")
    assert not forward(wizard).isEnabled()
    assert "一致しません" in page.pair.errors_label.text()
    qtbot.keyClick(page.pair.second, Qt.Key.Key_Backspace)
    assert page.pair.errors_label.text() == ""
    assert forward(wizard).isEnabled()


def test_show_passphrase_toggle(qtbot: QtBot, wizard: SetupWizard) -> None:
    fill_identity(qtbot, wizard)
    pair = wizard.passphrase_page.pair
    tick(qtbot, pair.show_text)
    assert pair.first.echoMode() == pair.first.EchoMode.Normal
    assert pair.second.echoMode() == pair.second.EchoMode.Normal
    tick(qtbot, pair.show_text)
    assert pair.first.echoMode() == pair.first.EchoMode.Password


def test_creation_error_is_shown_on_the_page(qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    w = SetupWizard(ProfilePaths(blocker / "profile"))
    qtbot.addWidget(w)
    w.show()
    fill_identity(qtbot, w)
    fill_passphrase(w)
    click(qtbot, forward(w))
    click(qtbot, forward(w))
    assert w.currentPage() is w.create_page
    assert w.profile is None
    message = w.create_page.errors_label.text()
    assert "ファイルの読み書きに失敗しました" in message
    assert "Traceback" not in message
    # Cancel still works: nothing was created.
    click(qtbot, w.button(QWizard.WizardButton.CancelButton))
    assert w.result() == QDialog.DialogCode.Rejected


def _to_recovery_page(qtbot: QtBot, w: SetupWizard) -> None:
    fill_identity(qtbot, w)
    fill_passphrase(w)
    click(qtbot, forward(w))
    click(qtbot, forward(w))
    assert w.currentPage() is w.recovery_page


def test_cannot_leave_after_creation_without_the_check_box(
    qtbot: QtBot, wizard: SetupWizard
) -> None:
    _to_recovery_page(qtbot, wizard)
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    assert "回復キーを書き留めました" in wizard.recovery_page.errors_label.text()


def test_save_as_text_writes_the_recovery_key(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _to_recovery_page(qtbot, wizard)
    target = tmp_path / "保存先" / "回復キー.txt"
    target.parent.mkdir()
    asked: list[tuple[Any, ...]] = []

    def fake_save(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), "テキスト ファイル (*.txt)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    click(qtbot, wizard.recovery_page.save_button)
    assert asked and str(asked[0][2]).endswith(".txt")
    text = target.read_bytes().decode("utf-8")
    for line in recovery_key_lines(wizard.recovery_key):
        assert line in text
    assert "山田 太郎" in text
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert str(target) in wizard.recovery_page.status.text()


def test_save_as_text_cancelled_writes_nothing(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _to_recovery_page(qtbot, wizard)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    click(qtbot, wizard.recovery_page.save_button)
    assert wizard.recovery_page.status.text() == ""
    assert list(tmp_path.glob("*.txt")) == []


def test_print_renders_the_key(
    qtbot: QtBot, wizard: SetupWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _to_recovery_page(qtbot, wizard)
    pdf = tmp_path / "回復キー.pdf"

    class FakePrintDialog:
        def __init__(self, printer: QPrinter, parent: object = None) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:
            pass

        def exec(self) -> int:
            # The person picked "print to file": the same QPrinter, PDF output.
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(pdf))
            return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(wizard_module, "QPrintDialog", FakePrintDialog)
    click(qtbot, wizard.recovery_page.print_button)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "印刷" in wizard.recovery_page.status.text()


def test_recovery_document_has_the_key_in_big_monospace() -> None:
    key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    text = f"dxdesk 回復キー\n===\n説明\n    {key[:19]}\n    {key[20:]}\n"
    document = recovery_document(text)
    plain = document.toPlainText()
    assert key[:19] in plain and key[20:] in plain
    assert "monospace" in document.toHtml()
