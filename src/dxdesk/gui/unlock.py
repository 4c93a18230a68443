"""Opening a profile (passphrase, recovery key or OS keyring) and the lock screen.

``UnlockDialog`` opens the profile; ``LockScreen`` only proves the passphrase again while the
profile stays open (against the open profile's key, never ``keys.json`` on disk, and never
reopening the database).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.gui.wizard import PassphrasePair, error_label, note_label, password_edit, recovery_font
from dxdesk.gui.worker import run_busy
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import (
    Credentials,
    Profile,
    can_open_with_keyring,
    open_profile,
)
from dxdesk.services.session import ScreenLock
from dxdesk.services.setup import check_passphrase

log = logging.getLogger("dxdesk.gui")


def try_keyring_open(paths: ProfilePaths) -> Profile | None:
    """Open straight away when the OS keyring holds this profile's key; else None."""
    if not can_open_with_keyring(paths):
        return None
    try:
        return open_profile(paths, Credentials(use_keyring=True))
    except UserError as err:
        # The unlock dialog shows the reason (locked by another dxdesk, corrupt, ...) next.
        log.info("keyring open failed (%s)", err.code)
        return None


def _link_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { color: palette(link); text-align: left; border: none; }")
    button.setAutoDefault(False)
    return button


class UnlockDialog(QDialog):
    """Asks for the passphrase (or the recovery key and a new passphrase) and opens the profile.

    On success ``profile`` holds the open Profile and the dialog is accepted.
    """

    PASSPHRASE_PAGE = 0
    RECOVERY_PAGE = 1

    def __init__(self, paths: ProfilePaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.profile: Profile | None = None
        self.remember_warning = ""  # why the keyring refused to remember, if it did
        self.setWindowTitle(self.tr("dxdesk を開く"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self._passphrase_page())
        self.stack.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.setMinimumWidth(600)
        self.show_passphrase_page()

    # ---------------------------------------------------------------- pages

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        heading = plain_label(self.tr("パスフレーズを入力してください"))
        heading.setFont(_bigger(heading.font(), 3))
        where = note_label(self.tr("プロファイル：") + str(self.paths.root))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase = password_edit()
        self.passphrase.setObjectName("passphrase")
        self.show_text = QCheckBox(self.tr("入力内容を表示する"))
        self.show_text.toggled.connect(self._show_passphrase)
        # As in the setup wizard: remembered, the next start opens without the passphrase.
        # Whether the OS keyring can hold the key is asked when the box is ticked: asking
        # loads the keyring's backends, which the dialog's first paint must not wait for.
        self.remember = QCheckBox(self.tr("この端末に記憶する（OS の資格情報ストア）"))
        self.remember.setObjectName("remember")
        self.remember.setToolTip(
            self.tr(
                "次回から、この端末のログイン中はパスフレーズなしで開けます。"
                "共用の端末では記憶しないでください。"
            )
        )
        self.remember.toggled.connect(self._check_keyring)
        self.error = error_label()
        self.recovery_link = _link_button(self.tr("回復キーで解錠…"))
        self.recovery_link.setObjectName("recoveryLink")
        self.open_button = QPushButton(self.tr("開く(&O)"))
        self.open_button.setObjectName("open")
        self.open_button.setDefault(True)
        cancel = QPushButton(self.tr("キャンセル"))
        cancel.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_link)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.show_text)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.passphrase.returnPressed.connect(self.open_with_passphrase)
        self.open_button.clicked.connect(self.open_with_passphrase)
        self.recovery_link.clicked.connect(self.show_recovery_page)
        cancel.clicked.connect(self.reject)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        heading = plain_label(self.tr("回復キーで解錠"))
        heading.setFont(_bigger(heading.font(), 3))
        intro = note_label(
            self.tr(
                "印刷・保存した回復キーを入力し、新しいパスフレーズを設定してください。"
                "大文字・小文字、空白やハイフンの有無は問いません。"
            )
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setObjectName("recoveryKey")
        self.recovery_key.setFont(recovery_font(12))
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_pair = PassphrasePair(first_label=self.tr("新しいパスフレーズ(&P)："))
        # One form, so the recovery key and the passphrase fields line up.
        self.new_pair.form.insertRow(0, self.tr("回復キー(&R)："), self.recovery_key)
        self.recovery_error = error_label()
        self.recovery_error.setObjectName("recoveryError")
        back = QPushButton(self.tr("< 戻る"))
        back.setAutoDefault(False)
        cancel = QPushButton(self.tr("キャンセル"))
        cancel.setAutoDefault(False)
        self.recover_button = QPushButton(self.tr("解錠して設定(&U)"))
        self.recover_button.setObjectName("recover")
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.recover_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.new_pair)
        layout.addWidget(self.recovery_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.recover_button.clicked.connect(self.open_with_recovery_key)
        back.clicked.connect(self.show_passphrase_page)
        cancel.clicked.connect(self.reject)
        return page

    def show_passphrase_page(self) -> None:
        self.stack.setCurrentIndex(self.PASSPHRASE_PAGE)
        self.open_button.setDefault(True)
        self.recover_button.setDefault(False)
        self.passphrase.setFocus()

    def show_recovery_page(self) -> None:
        self.stack.setCurrentIndex(self.RECOVERY_PAGE)
        self.open_button.setDefault(False)
        self.recover_button.setDefault(True)
        self.recovery_key.setFocus()
        self.adjustSize()

    def _check_keyring(self, ticked: bool) -> None:
        if not ticked:
            return
        from dxdesk.services.setup import keyring_option

        available, reason = keyring_option()
        if not available:
            self.remember.setChecked(False)
            self.remember.setEnabled(False)
            self.remember.setToolTip(reason)
            self.error.setText(self.tr("この端末には記憶できません（%1）。").replace("%1", reason))

    def _show_passphrase(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    # ---------------------------------------------------------------- actions

    def open_with_passphrase(self) -> None:
        if self.profile is not None:
            return
        text = self.passphrase.text()
        if not text:
            self.error.setText(user_message(UserError("passphrase_required")))
            return
        self.error.clear()
        self.error.repaint()
        try:
            creds = Credentials(passphrase=text, use_keyring=False)
            profile = run_busy(self, lambda: open_profile(self.paths, creds))
        except UserError as err:
            self.error.setText(user_message(err))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.passphrase.clear()
        if self.remember.isChecked():
            self._remember(profile)
        self.profile = profile
        self.accept()

    def _remember(self, profile: Profile) -> None:
        """Remember the key in the OS keyring; a keyring that refuses leaves the profile open
        (the passphrase still opens it next time) and says so."""
        try:
            profile.remember_in_keyring()
        except UserError as err:
            log.warning("keyring refused at unlock (%s)", err.code)
            self.remember_warning = user_message(err)
        else:
            self.remember_warning = ""

    def open_with_recovery_key(self) -> None:
        if self.profile is not None:
            return
        key_missing = not self.recovery_key.text().strip()
        self.recovery_error.setText(self.tr("回復キーを入力してください。") if key_missing else "")
        new = self.new_pair.passphrase()
        passphrase_errors = check_passphrase(new, self.new_pair.second.text())
        self.new_pair.errors_label.setText("\n".join(passphrase_errors))
        if key_missing or passphrase_errors:
            return
        self.recovery_error.clear()
        self.recovery_error.repaint()
        try:
            creds = Credentials(recovery_key=self.recovery_key.text(), use_keyring=False)
            profile = run_busy(self, lambda: open_profile(self.paths, creds))
        except UserError as err:
            self.recovery_error.setText(user_message(err))
            self.recovery_key.setFocus()
            return
        try:
            run_busy(self, lambda: profile.change_passphrase(new))
        except UserError as err:
            profile.close(backup=False)
            self.recovery_error.setText(user_message(err))
            return
        self.recovery_key.clear()
        self.new_pair.clear()
        self.profile = profile
        self.accept()


def _bigger(font: QFont, points: int) -> QFont:
    bigger = QFont(font)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    bigger.setPointSizeF(size + points)
    return bigger


class LockScreen(QWidget):
    """Covers the window while locked; the passphrase brings back the same place.

    The passphrase is checked by ``ScreenLock`` against the open profile (its key-slot file
    held in memory and its database key), never against ``keys.json`` on disk. After a wrong
    passphrase the button stays off for the throttle's wait, counted down on screen.
    """

    unlocked = Signal()
    TICK_MS = 250  # the countdown's refresh: a second shown never lags by more than this

    def __init__(self, guard: ScreenLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self.setAutoFillBackground(True)  # opaque: nothing of the window shows through
        title = plain_label(self.tr("ロック中"))
        title.setObjectName("lockTitle")
        title.setFont(_bigger(title.font(), 12))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message = plain_label(self.tr("パスフレーズを入力すると、ロックする前の画面に戻ります。"))
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.passphrase = password_edit()
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.setPlaceholderText(self.tr("パスフレーズ"))
        self.error = error_label()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.wait_label = note_label()
        self.wait_label.setObjectName("lockWait")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("解錠(&U)"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setDefault(True)
        self.countdown = QTimer(self)
        self.countdown.setInterval(self.TICK_MS)
        self.countdown.timeout.connect(self._show_wait)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(title)
        inner.addWidget(message)
        inner.addSpacing(12)
        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        inner.addLayout(row)
        inner.addWidget(self.error)
        inner.addWidget(self.wait_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 3)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        self.setFocusProxy(self.passphrase)  # focusing the screen puts the cursor in the field
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self._show_wait()

    def reset(self) -> None:
        """Ready for a new lock: nothing typed, no old error, the field focused.

        A wait still running (the throttle outlives one lock screen) is shown again.
        """
        self.passphrase.clear()
        self.error.clear()
        self._show_wait()
        self.passphrase.setFocus()

    def _show_wait(self) -> bool:
        """Show the wait left and keep the button off meanwhile; True while waiting."""
        seconds = self.guard.wait_seconds()
        if seconds > 0:
            self.wait_label.setText(user_message(UserError("unlock_wait", seconds=seconds)))
            self.unlock_button.setEnabled(False)
            if not self.countdown.isActive():
                self.countdown.start()
            return True
        self.countdown.stop()
        self.wait_label.clear()
        self.unlock_button.setEnabled(True)
        return False

    def try_unlock(self) -> None:
        if self._show_wait():  # Return pressed while the button is off
            return
        text = self.passphrase.text()
        try:
            if not text:
                self.guard.try_passphrase(text)  # says "nothing typed" at once, no thread
            run_busy(self, lambda: self.guard.try_passphrase(text))
        except UserError as err:
            self.error.setText(user_message(err))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            self._show_wait()
            return
        self.passphrase.clear()
        self.error.clear()
        self._show_wait()
        self.unlocked.emit()
