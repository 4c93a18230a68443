"""Unlock dialog, keyring shortcut, lock screen and idle watcher."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.errors import UserError
from dxdesk.gui.app import Session
from dxdesk.gui.idle import IdleWatcher
from dxdesk.gui.unlock import LockScreen, UnlockDialog, try_keyring_open
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, Profile, create_profile, open_profile
from dxdesk.services.session import IdlePolicy, ScreenLock, UnlockThrottle
from dxdesk.store.keys import KEY_BYTES, new_keyfile, new_recovery_key
from tests.conftest import FAST_KDF, PASSPHRASE, MemoryKeyring, tree_digest
from tests.sync.sync_helpers import make_profile

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NEW_PASSPHRASE = "asa no kaigi wa kuji kara"


@pytest.fixture
def closed_profile(profile_paths: ProfilePaths) -> str:
    """A profile on disk, closed (the database is exclusive while open); returns its recovery key."""
    profile, recovery = create_profile(
        profile_paths,
        owner_name="山田 太郎",
        device_name="山田のノートPC",
        role="field",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    profile.close(backup=False)
    return recovery


@pytest.fixture
def dialog(
    qtbot: QtBot, profile_paths: ProfilePaths, closed_profile: str
) -> Iterator[UnlockDialog]:
    d = UnlockDialog(profile_paths)
    qtbot.addWidget(d)
    d.show()
    yield d
    if d.profile is not None:
        d.profile.close(backup=False)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_wrong_passphrase_shows_the_message_and_stays_open(
    qtbot: QtBot, dialog: UnlockDialog
) -> None:
    assert dialog.passphrase.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(dialog.passphrase, "not my passphrase")
    click(qtbot, dialog.open_button)
    assert "パスフレーズが正しくありません" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.profile is None
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_empty_passphrase_is_asked_for(qtbot: QtBot, dialog: UnlockDialog) -> None:
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.error.text() == UserError("passphrase_required").message
    assert dialog.isVisible()


def test_right_passphrase_opens(qtbot: QtBot, dialog: UnlockDialog) -> None:
    qtbot.keyClicks(dialog.passphrase, "wrong one")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.error.text()
    dialog.passphrase.setText(PASSPHRASE)  # Japanese: committed as an input method would
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    assert isinstance(dialog.profile, Profile)
    assert dialog.profile.meta["owner_name"] == "山田 太郎"
    assert dialog.passphrase.text() == ""


def test_profile_in_use_is_explained(
    qtbot: QtBot, dialog: UnlockDialog, profile_paths: ProfilePaths
) -> None:
    other = open_profile(profile_paths, Credentials(passphrase=PASSPHRASE))
    try:
        dialog.passphrase.setText(PASSPHRASE)
        click(qtbot, dialog.open_button)
        assert "別の dxdesk で使用中" in dialog.error.text()
        assert dialog.profile is None
    finally:
        other.close(backup=False)


def test_recovery_key_sets_a_new_passphrase(
    qtbot: QtBot, dialog: UnlockDialog, profile_paths: ProfilePaths, closed_profile: str
) -> None:
    click(qtbot, dialog.recovery_link)
    assert dialog.stack.currentIndex() == dialog.RECOVERY_PAGE
    # Typed the way a person copies it from paper: lower case, spaces instead of hyphens.
    qtbot.keyClicks(dialog.recovery_key, closed_profile.lower().replace("-", " "))
    qtbot.keyClicks(dialog.new_pair.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new_pair.second, NEW_PASSPHRASE)
    assert dialog.new_pair.errors_label.text() == ""
    click(qtbot, dialog.recover_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.profile is not None
    dialog.profile.close(backup=False)
    dialog.profile = None

    open_profile(profile_paths, Credentials(passphrase=NEW_PASSPHRASE)).close(backup=False)
    with pytest.raises(UserError) as err:
        open_profile(profile_paths, Credentials(passphrase=PASSPHRASE))
    assert err.value.code == "wrong_passphrase"


def test_wrong_recovery_key_changes_nothing(
    qtbot: QtBot, dialog: UnlockDialog, profile_paths: ProfilePaths
) -> None:
    before = tree_digest(profile_paths.root)
    click(qtbot, dialog.recovery_link)
    qtbot.keyClicks(dialog.recovery_key, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    qtbot.keyClicks(dialog.new_pair.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new_pair.second, NEW_PASSPHRASE)
    click(qtbot, dialog.recover_button)
    assert "回復キーが正しくありません" in dialog.recovery_error.text()
    assert dialog.isVisible() and dialog.profile is None
    assert tree_digest(profile_paths.root) == before


def test_recovery_needs_a_matching_new_passphrase(
    qtbot: QtBot, dialog: UnlockDialog, profile_paths: ProfilePaths, closed_profile: str
) -> None:
    before = tree_digest(profile_paths.root)
    click(qtbot, dialog.recovery_link)
    click(qtbot, dialog.recover_button)
    assert "回復キーを入力してください" in dialog.recovery_error.text()
    qtbot.keyClicks(dialog.recovery_key, closed_profile)
    qtbot.keyClicks(dialog.new_pair.first, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.new_pair.second, NEW_PASSPHRASE + "x")
    click(qtbot, dialog.recover_button)
    assert dialog.recovery_error.text() == ""
    assert "一致しません" in dialog.new_pair.errors_label.text()
    assert dialog.profile is None
    assert tree_digest(profile_paths.root) == before
    # Back to the passphrase page and open as usual.
    back = next(b for b in dialog.findChildren(QPushButton) if b.text() == "< 戻る")
    click(qtbot, back)
    assert dialog.stack.currentIndex() == dialog.PASSPHRASE_PAGE


# -------------------------------------------------------------------- keyring


def test_try_keyring_open(
    profile_paths: ProfilePaths, closed_profile: str, memory_keyring: MemoryKeyring
) -> None:
    assert try_keyring_open(profile_paths) is None  # nothing remembered yet
    with open_profile(profile_paths, Credentials(passphrase=PASSPHRASE)) as profile:
        profile.remember_in_keyring()
    profile = try_keyring_open(profile_paths)
    assert profile is not None
    profile.close(backup=False)


def test_try_keyring_open_without_a_usable_keyring(
    profile_paths: ProfilePaths, closed_profile: str, memory_keyring: MemoryKeyring
) -> None:
    with open_profile(profile_paths, Credentials(passphrase=PASSPHRASE)) as profile:
        profile.remember_in_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())  # memory_keyring restores the old one
    assert try_keyring_open(profile_paths) is None


def test_try_keyring_open_when_in_use_returns_none(
    profile_paths: ProfilePaths, closed_profile: str, memory_keyring: MemoryKeyring
) -> None:
    profile = open_profile(profile_paths, Credentials(passphrase=PASSPHRASE))
    try:
        profile.remember_in_keyring()
        assert try_keyring_open(profile_paths) is None  # the dialog will say why
    finally:
        profile.close(backup=False)


# -------------------------------------------------------------------- lock screen


class FakeClock:
    """The throttle's clock, moved by hand: no test sleeps through a 30-second wait."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def lock(qtbot: QtBot, profile: Profile, clock: FakeClock) -> LockScreen:
    # The profile stays open (and its database exclusive) the whole time it is locked.
    screen = LockScreen(ScreenLock(profile, UnlockThrottle(clock=clock)))
    qtbot.addWidget(screen)
    screen.resize(900, 600)
    screen.show()
    return screen


def test_lock_screen_wrong_passphrase(qtbot: QtBot, lock: LockScreen, clock: FakeClock) -> None:
    assert lock.findChild(type(lock.error), "lockTitle").text() == "ロック中"
    with qtbot.assertNotEmitted(lock.unlocked):
        qtbot.keyClicks(lock.passphrase, "guess")
        qtbot.keyClick(lock.passphrase, Qt.Key.Key_Return)
    assert "パスフレーズが正しくありません" in lock.error.text()
    clock.now += 1
    qtbot.waitUntil(lock.unlock_button.isEnabled, timeout=2000)
    with qtbot.assertNotEmitted(lock.unlocked):
        lock.passphrase.clear()
        click(qtbot, lock.unlock_button)
    assert lock.error.text() == UserError("passphrase_required").message
    assert lock.guard.throttle.failures == 1  # nothing typed is not an attempt


def test_lock_screen_right_passphrase_keeps_the_database_open(
    qtbot: QtBot, lock: LockScreen, profile: Profile, clock: FakeClock
) -> None:
    before = tree_digest(profile.paths.root)
    qtbot.keyClicks(lock.passphrase, "guess")
    qtbot.keyClick(lock.passphrase, Qt.Key.Key_Return)
    clock.now += 1
    qtbot.waitUntil(lock.unlock_button.isEnabled, timeout=2000)
    lock.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        click(qtbot, lock.unlock_button)
    assert lock.passphrase.text() == ""
    assert lock.error.text() == "" and lock.wait_label.text() == ""
    assert lock.guard.throttle.failures == 0
    assert tree_digest(profile.paths.root) == before  # nothing read from or written to disk
    assert profile.info()["owner"] == "山田 太郎"  # the same open database still works
    lock.passphrase.setText("left over")
    lock.error.setText("old")
    lock.reset()
    assert lock.passphrase.text() == "" and lock.error.text() == ""
    assert lock.focusProxy() is lock.passphrase


ATTACKER_PASSPHRASE = "attacker knows this one"


def _attackers_key_files(tmp_path: Path, victim: Profile) -> list[bytes]:
    """Two key files an attacker who can write the profile folder might put there.

    One is simply another profile's; the other is forged for the victim's database id (which
    keys.json shows in clear), sealed under a key of the attacker's own, so its MAC checks.
    """
    make_profile(tmp_path / "attacker", "field", "攻撃者", ATTACKER_PASSPHRASE).close(backup=False)
    forged = new_keyfile(
        secrets.token_bytes(KEY_BYTES),
        victim.keyfile.db_id,
        ATTACKER_PASSPHRASE,
        new_recovery_key(),
        FAST_KDF,
    )
    return [ProfilePaths(tmp_path / "attacker").keys.read_bytes(), forged.to_bytes()]


def test_a_swapped_key_file_does_not_unlock_the_running_window(
    qtbot: QtBot, profile: Profile, tmp_path: Path, clock: FakeClock
) -> None:
    session = Session(profile)
    session.screen_lock.throttle.clock = clock
    qtbot.addWidget(session.window)
    session.window.show()
    session.lock()
    screen = session.window.lock_screen
    assert isinstance(screen, LockScreen)
    genuine = profile.paths.keys.read_bytes()
    for attackers in _attackers_key_files(tmp_path, profile):
        profile.paths.keys.write_bytes(attackers)
        screen.passphrase.setText(ATTACKER_PASSPHRASE)
        with qtbot.assertNotEmitted(screen.unlocked):
            click(qtbot, screen.unlock_button)
        assert "パスフレーズが正しくありません" in screen.error.text()
        assert session.window.locked
        clock.now += 60
        qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=2000)
    # The genuine passphrase still unlocks, with the attacker's file still on disk.
    assert profile.paths.keys.read_bytes() != genuine
    screen.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        click(qtbot, screen.unlock_button)
    assert not session.window.locked
    session.window.hide()


def test_lock_screen_waits_after_a_wrong_passphrase(
    qtbot: QtBot, lock: LockScreen, clock: FakeClock
) -> None:
    for failures, wait in ((1, 1), (2, 2), (3, 4)):
        lock.passphrase.setText("guess")
        click(qtbot, lock.unlock_button)
        assert lock.guard.throttle.failures == failures
        assert not lock.unlock_button.isEnabled()
        assert lock.wait_label.text() == f"次の入力まで、あと {wait} 秒お待ちください。"
        assert lock.wait_label.textFormat() == Qt.TextFormat.PlainText
        # Return in the field is refused too, without an attempt.
        lock.passphrase.setText(PASSPHRASE)
        with qtbot.assertNotEmitted(lock.unlocked):
            qtbot.keyClick(lock.passphrase, Qt.Key.Key_Return)
        assert lock.guard.throttle.failures == failures
        clock.now += wait - 0.5
        qtbot.wait(2 * LockScreen.TICK_MS)  # the countdown ticks on its own
        assert not lock.unlock_button.isEnabled()
        assert "あと 1 秒" in lock.wait_label.text()
        clock.now += 0.5
        qtbot.waitUntil(lock.unlock_button.isEnabled, timeout=2000)
        assert lock.wait_label.text() == ""
    lock.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(lock.unlocked, timeout=5000):
        click(qtbot, lock.unlock_button)


# -------------------------------------------------------------------- idle watcher


def _policy(seconds: float) -> IdlePolicy:
    return IdlePolicy(minutes=seconds / 60)


def test_idle_watcher_emits_after_the_quiet_time(qtbot: QtBot) -> None:
    watcher = IdleWatcher(_policy(0.3), check_interval_ms=20)  # starts watching at once
    try:
        assert watcher.is_running()
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            pass
        # Once per quiet period: no second signal while nothing happens.
        with qtbot.assertNotEmitted(watcher.idle, wait=400):
            pass
    finally:
        watcher.stop()


def test_idle_watcher_stays_quiet_while_someone_types(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    watcher = IdleWatcher(_policy(0.4), check_interval_ms=20)
    try:
        with qtbot.assertNotEmitted(watcher.idle):
            for _ in range(24):  # about 1.2 s of typing, three times the limit
                qtbot.keyClick(edit, Qt.Key.Key_A)
                qtbot.wait(50)
        assert edit.text() == "a" * 24  # the filter only watches: keys still arrive
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            pass
        # Activity after the lock starts a new quiet period, which may lock again.
        qtbot.keyClick(edit, Qt.Key.Key_B)
        with qtbot.waitSignal(watcher.idle, timeout=3000):
            pass
    finally:
        watcher.stop()


def test_idle_watcher_counts_mouse_activity(qtbot: QtBot) -> None:
    now = [100.0]
    watcher = IdleWatcher(_policy(60), check_interval_ms=10, clock=lambda: now[0], start=False)
    assert not watcher.is_running()
    button = QPushButton("x")
    qtbot.addWidget(button)
    button.show()
    watcher.start()
    try:
        now[0] = 150.0
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # activity at 150
        now[0] = 205.0
        with qtbot.assertNotEmitted(watcher.idle, wait=100):
            pass
        assert watcher.seconds_idle() == pytest.approx(55)
        now[0] = 210.0
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass
        watcher.reset()  # e.g. after unlocking
        assert watcher.seconds_idle() == 0
    finally:
        watcher.stop()
    assert not watcher.is_running()


def test_idle_watcher_never_locks_when_disabled(qtbot: QtBot) -> None:
    now = [0.0]
    watcher = IdleWatcher(0, check_interval_ms=10, clock=lambda: now[0])  # minutes from settings
    try:
        assert not watcher.is_running()
        assert not watcher.policy.enabled
        now[0] = 10.0**7
        with qtbot.assertNotEmitted(watcher.idle, wait=100):
            pass
        watcher.set_policy(1)  # turned on in the settings: the idle time so far counts
        assert watcher.is_running()
        with qtbot.waitSignal(watcher.idle, timeout=2000):
            pass
    finally:
        watcher.stop()


def test_remember_on_this_computer_at_unlock(
    qtbot: QtBot, profile_paths: ProfilePaths, closed_profile: str, memory_keyring: MemoryKeyring
) -> None:
    """Ticked at unlock, the next start opens from the keyring without the passphrase."""
    assert try_keyring_open(profile_paths) is None
    d = UnlockDialog(profile_paths)
    qtbot.addWidget(d)
    d.show()
    assert d.remember.isEnabled() and not d.remember.isChecked()
    d.remember.setChecked(True)
    d.passphrase.setText(PASSPHRASE)
    click(qtbot, d.open_button)
    assert d.profile is not None and d.remember_warning == ""
    d.profile.close(backup=False)
    again = try_keyring_open(profile_paths)
    assert again is not None
    again.close(backup=False)


def test_remember_is_refused_without_a_usable_keyring(
    qtbot: QtBot, profile_paths: ProfilePaths, closed_profile: str, no_keyring: None
) -> None:
    d = UnlockDialog(profile_paths)
    qtbot.addWidget(d)
    d.remember.setChecked(True)  # asked when ticked: the keyring cannot hold the key
    assert not d.remember.isChecked() and not d.remember.isEnabled()
    assert "記憶できません" in d.error.text()
