"""The first-run setup wizard: who uses this computer, a passphrase, create, the recovery key.

Every decision (what a step accepts, passphrase strength, whether the keyring can be offered,
the saved recovery text) is made in ``dxdesk.services.setup``; these widgets only show it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dxdesk.core.clock import now_jst
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.gui.worker import run_busy
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import ROLES, Profile
from dxdesk.services.setup import (
    ROLE_DESCRIPTIONS,
    ROLE_LABELS,
    SetupState,
    check_identity,
    check_passphrase,
    keyring_option,
    passphrase_strength,
    recovery_key_lines,
    recovery_key_text,
    run_setup,
)

log = logging.getLogger("dxdesk.gui")

ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: palette(placeholder-text);"
# Bar colours from 弱い to とても強い.
_STRENGTH_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#2e7d32", "#1b5e20")


def error_label() -> QLabel:
    """A label for Japanese error sentences: wraps, red, selectable for copying into a report."""
    label = plain_label()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName("errorLabel")
    return label


def note_label(text: str = "") -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setStyleSheet(NOTE_STYLE)
    return label


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def recovery_font(point_size: int = 20) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


class StrengthBar(QWidget):
    """A five-step bar with the label (弱い … とても強い) and a hint under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.label = plain_label()
        self.label.setMinimumWidth(90)
        self.hint = note_label()
        self.hint.setWordWrap(False)  # one line: a wrapping hint makes the form jump
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        row.addWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.update_for("")

    def update_for(self, text: str) -> None:
        if not text:
            self.bar.setValue(0)
            self.label.setText(self.tr("強さ：—"))
            self.hint.setText(passphrase_strength("").hint)
            self._colour(0)
            return
        strength = passphrase_strength(text)
        # One step more than the score, so a weak passphrase shows a short red bar, not none.
        self.bar.setValue(strength.score + 1)
        self.label.setText(self.tr("強さ：") + strength.label)
        self.hint.setText(strength.hint)
        self._colour(strength.score)

    def _colour(self, score: int) -> None:
        self.bar.setStyleSheet(
            "QProgressBar { border: 1px solid palette(mid); border-radius: 3px; }"
            f"QProgressBar::chunk {{ background: {_STRENGTH_COLOURS[score]}; }}"
        )


class PassphrasePair(QWidget):
    """A new passphrase twice, its strength, a "show" toggle and the step's errors, live."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, first_label: str = "") -> None:
        super().__init__(parent)
        self.first = password_edit()
        self.first.setObjectName("passphrase")
        self.second = password_edit()
        self.second.setObjectName("passphraseConfirm")
        self.show_text = QCheckBox(self.tr("入力内容を表示する"))
        self.strength = StrengthBar()
        self.errors_label = error_label()
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(first_label or self.tr("パスフレーズ(&P)："), self.first)
        self.form.addRow("", self.strength)
        self.form.addRow(self.tr("確認のため再入力(&C)："), self.second)
        self.form.addRow("", self.show_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.errors_label)
        self.first.textChanged.connect(self._on_change)
        self.second.textChanged.connect(self._on_change)
        self.show_text.toggled.connect(self._on_show)

    def _on_show(self, shown: bool) -> None:
        # Normal echo also lets a Japanese input method work where a password field blocks it.
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _on_change(self) -> None:
        self.strength.update_for(self.first.text())
        self.refresh_errors()
        self.changed.emit()

    def errors(self) -> list[str]:
        return check_passphrase(self.first.text(), self.second.text())

    def refresh_errors(self) -> None:
        # Nothing to scold before anything is typed; the hint already says what is needed.
        touched = bool(self.first.text() or self.second.text())
        self.errors_label.setText("\n".join(self.errors()) if touched else "")

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()


# -------------------------------------------------------------------- pages


class IdentityPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._touched = False
        self.setTitle(self.tr("利用者と端末"))
        self.setSubTitle(
            self.tr("この端末を使う方のお名前と、端末の名前・役割を入力してください。")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("ownerName")
        self.name_edit.setPlaceholderText(self.tr("例：宮崎 花子"))
        self.device_edit = QLineEdit(_default_device_name())
        self.device_edit.setObjectName("deviceName")
        self.device_edit.setPlaceholderText(self.tr("例：花子のノートPC"))
        self.role_group = QButtonGroup(self)
        self.role_buttons: dict[str, QRadioButton] = {}
        roles = QVBoxLayout()
        for i, role in enumerate(ROLES):
            button = QRadioButton(ROLE_LABELS[role])
            button.setObjectName(f"role_{role}")
            self.role_group.addButton(button, i)
            self.role_buttons[role] = button
            roles.addWidget(button)
            description = note_label(ROLE_DESCRIPTIONS[role])
            description.setIndent(24)
            roles.addWidget(description)
        self.role_buttons["field"].setChecked(True)
        self.errors_label = error_label()

        form = QFormLayout()
        form.addRow(self.tr("氏名(&N)："), self.name_edit)
        form.addRow(self.tr("端末名(&D)："), self.device_edit)
        form.addRow(self.tr("役割："), roles)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            note_label(
                self.tr(
                    "氏名と端末名は暗号化されたデータベースの中に保存され、"
                    "記録の作成者として表示されます。"
                )
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.errors_label)
        self.name_edit.textChanged.connect(self._changed)
        self.device_edit.textChanged.connect(self._changed)
        self.role_group.idToggled.connect(lambda *_: self._changed())

    def role(self) -> str:
        for role, button in self.role_buttons.items():
            if button.isChecked():
                return role
        return ""

    def errors(self) -> list[str]:
        return check_identity(self.name_edit.text(), self.device_edit.text(), self.role())

    def _changed(self) -> None:
        self._touched = True
        self.errors_label.setText("\n".join(self.errors()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.errors()

    def validatePage(self) -> bool:
        errors = self.errors()
        self.errors_label.setText("\n".join(errors))
        if errors:
            return False
        state = self._wizard.state
        state.owner_name = self.name_edit.text().strip()
        state.device_name = self.device_edit.text().strip()
        state.role = self.role()
        return True


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("パスフレーズ"))
        self.setSubTitle(
            self.tr(
                "データを開くためのパスフレーズを決めてください。"
                "単語を組み合わせた長い文がお勧めです。"
            )
        )
        self.pair = PassphrasePair()
        self.remember = QCheckBox(self.tr("この端末に記憶する（OS の資格情報ストア）"))
        self.remember.setObjectName("remember")
        self.remember_note = note_label()
        self.remember_note.setObjectName("rememberNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pair)
        layout.addSpacing(12)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_note)
        layout.addStretch(1)
        self.pair.changed.connect(self.completeChanged)

    def initializePage(self) -> None:
        available, reason = keyring_option()
        self.remember.setEnabled(available)
        if available:
            self.remember.setToolTip(
                self.tr("次回から、この端末のログイン中はパスフレーズなしで開けます。")
            )
            self.remember_note.setText(
                self.tr(
                    "記憶すると、この端末にあなたのアカウントでログインできる人は、"
                    "パスフレーズなしでデータを開けます。共用の端末では記憶しないでください。"
                )
            )
        else:
            self.remember.setChecked(False)
            self.remember.setToolTip(reason)
            self.remember_note.setText(self.tr("この端末では利用できません：") + reason)

    def isComplete(self) -> bool:
        return not self.pair.errors()

    def validatePage(self) -> bool:
        errors = self.pair.errors()
        self.pair.errors_label.setText("\n".join(errors))
        if errors:
            return False
        self._wizard.state.passphrase = self.pair.passphrase()
        self._wizard.state.remember = self.remember.isEnabled() and self.remember.isChecked()
        return True


class CreatePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("確認と作成"))
        self.setSubTitle(
            self.tr("内容をご確認のうえ「作成する」を押してください（数秒かかります）。")
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("作成する(&C)"))
        self.summary = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("owner", self.tr("氏名：")),
            ("device", self.tr("端末名：")),
            ("role", self.tr("役割：")),
            ("remember", self.tr("端末への記憶：")),
            ("path", self.tr("保存場所：")),
        ):
            value = plain_label()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.summary.addRow(label, value)
        self.status = note_label()
        self.errors_label = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.errors_label)

    def initializePage(self) -> None:
        state = self._wizard.state
        self.values["owner"].setText(state.owner_name)
        self.values["device"].setText(state.device_name)
        self.values["role"].setText(ROLE_LABELS.get(state.role, state.role))
        self.values["remember"].setText(
            self.tr("記憶する（OS の資格情報ストア）") if state.remember else self.tr("記憶しない")
        )
        self.values["path"].setText(str(self._wizard.paths.root))
        self.status.clear()
        self.errors_label.clear()

    def validatePage(self) -> bool:
        if self._wizard.profile is not None:  # already created: never twice
            return True
        self.errors_label.clear()
        self.status.setText(self.tr("作成しています…"))
        self.status.repaint()
        paths, state = self._wizard.paths, self._wizard.state
        try:
            result = run_busy(self._wizard, lambda: run_setup(paths, state))
        except UserError as err:
            self.status.clear()
            self.errors_label.setText(user_message(err))
            return False
        self._wizard.state.passphrase = ""
        self._wizard.profile = result.profile
        self._wizard.recovery_key = result.recovery_key
        self._wizard.warnings = list(result.warnings)
        self.status.clear()
        return True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("回復キー"))
        self.setSubTitle(
            self.tr(
                "パスフレーズを忘れたときは、この回復キーでデータを開けます。"
                "この回復キーは今回しか表示されません。"
            )
        )
        self.key_label = plain_label()
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setFont(recovery_font())
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_label.setContentsMargins(12, 12, 12, 12)
        self.save_button = QPushButton(self.tr("テキストとして保存…"))
        self.save_button.setObjectName("saveText")
        self.print_button = QPushButton(self.tr("印刷…"))
        self.print_button.setObjectName("print")
        self.status = note_label()
        self.status.setObjectName("recoveryStatus")
        self.errors_label = error_label()
        self.written = QCheckBox(self.tr("回復キーを書き留めました"))
        self.written.setObjectName("writtenDown")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(
            note_label(
                self.tr(
                    "印刷するか書き写して、パソコンとは別の安全な場所に保管してください。"
                    "回復キーを知っている人は、パスフレーズなしでデータを開けます。"
                )
            )
        )
        layout.addWidget(self.status)
        layout.addWidget(self.errors_label)
        layout.addStretch(1)
        layout.addWidget(self.written)
        self.save_button.clicked.connect(self.save_text)
        self.print_button.clicked.connect(self.print_key)
        self.written.toggled.connect(self.completeChanged)

    def initializePage(self) -> None:
        self.key_label.setText("\n".join(recovery_key_lines(self._wizard.recovery_key)))
        self.errors_label.setText("\n".join(self._wizard.warnings))

    def isComplete(self) -> bool:
        return self.written.isChecked()

    def _text(self) -> str:
        state = self._wizard.state
        return recovery_key_text(
            self._wizard.recovery_key, self._wizard.paths.root, state.owner_name, state.device_name
        )

    def save_text(self) -> None:
        suggested = Path.home() / f"dxdesk-回復キー-{now_jst():%Y%m%d}.txt"
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("回復キーをテキストとして保存"),
            str(suggested),
            self.tr("テキスト ファイル (*.txt)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        text = self._text()
        if os.name == "nt":
            text = text.replace("\n", "\r\n")  # for Notepad on older Windows
        try:
            atomic_write_bytes(path, text.encode("utf-8"), mode=0o600)
        except UserError as err:
            self.errors_label.setText(user_message(err))
            return
        self.errors_label.setText("\n".join(self._wizard.warnings))
        self.status.setText(
            self.tr("保存しました：")
            + str(path)
            + "\n"
            + self.tr("印刷または書き写しが済んだら、このファイルは削除することをお勧めします。")
        )

    def print_key(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("dxdesk 回復キー")
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("回復キーを印刷"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_recovery_text(printer, self._text())
        self.status.setText(self.tr("印刷を指示しました。印刷された用紙をご確認ください。"))


def recovery_document(text: str) -> QTextDocument:
    """The recovery text as a printable document, the key lines large and monospaced."""
    import html

    lines = text.splitlines()
    parts = [f"<h2>{html.escape(lines[0])}</h2>"] if lines else []
    for line in lines[1:]:
        if line.startswith("    "):
            parts.append(
                '<p style="font-family: monospace; font-size: 20pt; font-weight: bold; '
                f'margin-left: 24px;">{html.escape(line.strip())}</p>'
            )
        elif line.startswith("==="):
            continue
        else:
            body = line.lstrip(" ")
            indent = "&nbsp;" * (2 * (len(line) - len(body)))
            parts.append(f"<p>{indent}{html.escape(body) or '&nbsp;'}</p>")
    document = QTextDocument()
    document.setHtml("\n".join(parts))
    return document


def print_recovery_text(printer: QPrinter, text: str) -> None:
    recovery_document(text).print_(printer)


def _default_device_name() -> str:
    import socket  # here and html above: the unlock dialog imports this module (bench/gui.py)

    try:
        return socket.gethostname().split(".")[0]
    except OSError:
        return ""


# -------------------------------------------------------------------- the wizard


class SetupWizard(QWizard):
    """First run: creates the profile at ``paths``; afterwards ``profile`` is open."""

    def __init__(self, paths: ProfilePaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.state = SetupState()
        self.profile: Profile | None = None
        self.recovery_key = ""
        self.warnings: list[str] = []
        self.setWindowTitle(self.tr("dxdesk の初期設定"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< 戻る(&B)")),
            (QWizard.WizardButton.NextButton, self.tr("次へ(&N) >")),
            (QWizard.WizardButton.FinishButton, self.tr("完了(&F)")),
            (QWizard.WizardButton.CancelButton, self.tr("キャンセル")),
            (QWizard.WizardButton.CommitButton, self.tr("作成する(&C)")),
        ):
            self.setButtonText(button, text)
        self.identity_page = IdentityPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.create_page = CreatePage(self)
        self.recovery_page = RecoveryPage(self)
        for page in (
            self.identity_page,
            self.passphrase_page,
            self.create_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.setMinimumSize(680, 560)

    def reject(self) -> None:
        # Once created, the recovery key exists only on this page: leaving needs the check box.
        if self.profile is not None:
            self.recovery_page.errors_label.setText(
                self.tr(
                    "データは作成済みです。回復キーを保存または書き留め、"
                    "「回復キーを書き留めました」にチェックを入れてから「完了」を押してください。"
                )
            )
            return
        super().reject()

    def accept(self) -> None:
        if self.profile is None or not self.recovery_page.isComplete():
            return
        super().accept()
