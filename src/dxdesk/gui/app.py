"""Starting the desktop app: first-run wizard or unlock, the main window, locking, drafts.

The composition root of the GUI: one Profile, passed down; no globals.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from dxdesk.errors import UserError
from dxdesk.gui.messages import ask, user_message, warn
from dxdesk.gui.translators import set_language
from dxdesk.paths import ProfilePaths, resolve_profile_dir
from dxdesk.settings import Settings

if TYPE_CHECKING:
    # Only a type here: the profile service (crypto, SQLCipher, the store) is imported by what
    # opens a profile, so the unlock dialog can be on screen before it is (bench/gui.py W2a).
    from dxdesk.services.profile import Profile

log = logging.getLogger("dxdesk.gui")
IDLE_WATCH_DELAY_MS = 1000


def open_or_create(paths: ProfilePaths) -> Profile | None:
    """The first run shows the setup wizard; later runs the keyring or the unlock dialog."""
    from dxdesk.gui.unlock import UnlockDialog, try_keyring_open
    from dxdesk.gui.wizard import SetupWizard

    if not paths.exists():
        wizard = SetupWizard(paths)
        if not wizard.exec():
            return None
        return wizard.profile
    profile = try_keyring_open(paths)
    if profile is not None:
        return profile
    dialog = UnlockDialog(paths)
    if not dialog.exec():
        return None
    if dialog.remember_warning:
        from dxdesk.gui.messages import warn

        warn(
            None,
            QCoreApplication.translate("UnlockDialog", "この端末に記憶できませんでした"),
            dialog.remember_warning,
        )
    return dialog.profile


class Session:
    """Ties the main window to locking (shortcut and idle) and to draft recovery."""

    def __init__(self, profile: Profile, *, language: str | None = None) -> None:
        from dxdesk.gui.idle import IdleWatcher
        from dxdesk.gui.mainwindow import MainWindow
        from dxdesk.services.session import ScreenLock

        self.profile = profile
        self.language = language or profile.settings.language
        self.window_replaced: Callable[[Any], None] | None = None
        # One for the whole session: its wait after wrong passphrases outlives a lock screen.
        self.screen_lock = ScreenLock(profile)
        self.window = MainWindow(profile)
        self._wire(self.window)
        # It sees every event of the application from Python: during the first paint that is a
        # third of the paint's time (bench/gui.py), and nobody is idle within the first second.
        self.idle = IdleWatcher(profile.settings.idle_lock_minutes, parent=self.window, start=False)
        self.idle.idle.connect(self.lock)
        QTimer.singleShot(IDLE_WATCH_DELAY_MS, self.idle.start)

    def _wire(self, window: Any) -> None:
        window.lock_requested.connect(self.lock)
        window.settings_changed.connect(self.apply_settings)
        window.restore_requested.connect(self.restore_from_backup)

    def apply_settings(self) -> None:
        self.idle.set_policy(self.profile.settings.idle_lock_minutes)
        if self.profile.settings.language != self.language:
            self.switch_language(self.profile.settings.language)

    def switch_language(self, language: str) -> bool:
        """Show the window in another language without a restart: the catalogues change and a
        new main window is built in place of the old one (Qt widgets do not retranslate their
        texts by themselves; building anew reads every text once more, as at start). Open
        record forms are closed first, each asking about unsaved input; if one is kept open,
        the window stays as it is and the language applies at the next start."""
        from dxdesk.gui.mainwindow import MainWindow

        old = self.window
        if old.locked or not old.close_forms():
            return False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        set_language(app, language)
        self.language = language
        self._replace_window(MainWindow(self.profile), visible=old.isVisible())
        return True

    def _replace_window(self, new: Any, *, visible: bool) -> None:
        """Put ``new`` where the window was (a language switch, a restore)."""
        old = self.window
        self._wire(new)
        new.setGeometry(old.geometry())
        self.idle.setParent(new)
        self.window = new
        if visible:
            new.show()
        old.retire()  # not closed: closing would back up and save geometry for nothing
        if self.window_replaced is not None:
            self.window_replaced(new)

    def restore_from_backup(self) -> bool:
        """ファイル > バックアップから復元…: the database replaced by a checked backup, through
        the service the CLI's ``dxdesk restore`` uses, then the window opened on it anew.

        Forms are closed first (each asking about unsaved input). The dialog checks the
        passphrase and the file while the profile is still open, so a refusal closes nothing.
        Then the profile is closed (the restore needs the database to itself; what it holds
        now is kept as a 復元前 backup, so no automatic backup is taken), the swap runs on a
        worker, and the profile is reopened with the same passphrase: the restored one, or the
        untouched current one if the swap was refused."""
        from dxdesk.gui.mainwindow import MainWindow
        from dxdesk.gui.restore import RestoreDialog
        from dxdesk.gui.worker import run_task
        from dxdesk.services.profile import open_profile, restore_backup
        from dxdesk.services.session import ScreenLock

        window = self.window
        if window.locked or not window.close_forms():
            return False
        dialog = RestoreDialog(self.profile.paths, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        backup, creds = dialog.chosen, dialog.credentials
        assert backup is not None and creds is not None
        paths = self.profile.paths
        title = self.window.tr("バックアップから復元")
        restoring = self.window.tr("バックアップから復元しています…")
        opening = self.window.tr("データベースを開いています…")
        visible = window.isVisible()
        # Nothing may read the closed database meanwhile: the old window goes first.
        window.hide()
        self.profile.close(backup=False)
        kept: Path | None = None
        refusal: UserError | None = None
        try:
            kept = run_task(
                None,
                title,
                restoring,
                lambda _progress: restore_backup(paths, backup, creds),
                on_database=False,
                cancellable=False,
            )
        except UserError as err:
            refusal = err
        try:
            profile = run_task(
                None,
                title,
                opening,
                lambda _progress: open_profile(paths, creds),
                on_database=False,
                cancellable=False,
            )
        except UserError as err:
            # The files are on disk as the restore left them; nothing to show them in.
            warn(None, title, user_message(err))
            QApplication.quit()
            return False
        self.profile = profile
        self.screen_lock = ScreenLock(profile)
        self._replace_window(MainWindow(profile), visible=visible)
        if refusal is not None:
            warn(self.window, title, user_message(refusal))
            return False
        self.window.statusBar().showMessage(
            self.window.tr(
                "バックアップから復元しました。置き換え前のデータベースは %1 に保管しました。"
            ).replace("%1", str(kept))
        )
        return True

    def lock(self) -> None:
        from dxdesk.gui.unlock import LockScreen

        if self.window.locked:
            return
        screen = LockScreen(self.screen_lock)
        screen.unlocked.connect(self.window.hide_lock)
        self.window.show_lock(screen)

    def offer_drafts(self) -> None:
        """After a crash or power loss: offer to reopen forms that were being edited."""
        from dxdesk.gui.forms import RecordForm

        drafts = self.window.drafts.pending()
        if not drafts:
            return
        restore = ask(
            self.window,
            self.window.tr("保存されていない入力"),
            self.window.tr("前回保存されなかった入力が %1 件あります。復元しますか？").replace(
                "%1", str(len(drafts))
            ),
        )
        for draft in drafts:
            if restore:
                form = RecordForm.from_draft(
                    self.window.records, self.window.drafts, draft, parent=self.window
                )
                self.window.adopt_form(form)
                form.open()
            else:
                self.window.drafts.discard(draft.id)


def run(
    profile_dir: str | None = None,
    argv: list[str] | None = None,
    open_paths: list[Path] | None = None,
) -> int:
    """The window's whole life; ``open_paths``: files to open once it is up (gui/fileopen.py)."""
    from dxdesk.gui.crash import CrashReporter
    from dxdesk.gui.fileopen import FileOpener

    paths = ProfilePaths(resolve_profile_dir(profile_dir))
    if open_paths and paths.exists():
        from dxdesk.gui.handover import hand_over

        # A double-click while the window is open: that window takes the file (gui/handover.py).
        if hand_over(paths, open_paths):
            return 0
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("dxdesk")
    app.setOrganizationName("dxdesk")
    # macOS hands a double-clicked file over as an event, possibly before the window exists.
    opener = FileOpener(open_paths, app)
    app.installEventFilter(opener)
    QTimer.singleShot(0, lambda: app.setWindowIcon(_app_icon()))
    settings = Settings.load(paths.settings) if paths.settings.exists() else Settings()
    language = os.environ.get("DXDESK_LANG", settings.language)
    # Calendar popups and standard dialogs in the window's language, whatever the OS locale.
    set_language(app, language)
    crash_reporter = CrashReporter()
    sys.excepthook = crash_reporter
    try:
        profile = open_or_create(paths)
    except UserError as err:
        warn(None, "dxdesk", user_message(err))
        return 1
    if profile is None:
        return 0
    from dxdesk.logs import setup_file_logging  # the redaction patterns: only for a real start

    crash_reporter.log_path = setup_file_logging(paths.logs)
    session = Session(profile, language=language)
    session.window_replaced = opener.attach  # a change of language builds a new window
    session.window.show()
    session.offer_drafts()
    QTimer.singleShot(0, lambda: opener.attach(session.window))
    inbox = _open_inbox(paths, opener)
    try:
        return app.exec()
    finally:
        if inbox is not None:
            inbox.close()
        session.profile.close()  # the one open now (a restore opens it anew)


def _open_inbox(paths: ProfilePaths, opener: Any) -> Any:
    """Files double-clicked while this window is open come here (gui/handover.py)."""
    from dxdesk.gui.handover import Inbox

    try:
        return Inbox(paths, opener.request, opener)
    except OSError:  # a read-only profile folder: double-clicks then start a second dxdesk
        log.warning("the inbox for double-clicked files could not be made")
        return None


def _app_icon() -> Any:
    # After the first event: rendering the SVG costs some 30 ms that the unlock dialog need not wait for.
    from dxdesk.gui.icon import app_icon

    return app_icon()


def self_test_window(profile: Profile, pdf: bytes) -> str:
    """The window's part of ``dxdesk --self-test`` (gui/selftest.py), for the command line."""
    from dxdesk.gui.selftest import check_window

    return check_window(profile, pdf)


def main(argv: list[str] | None = None) -> int:
    """The desktop entry point, ``dxdesk-gui`` (a shortcut starts it without a console window).

    It reaches the window without the command line's machinery (click and the CLI modules);
    it understands ``--profile DIR`` and the .dxb / .dxenrol files a double-click passes
    (gui/fileopen.py); everything else is the ``dxdesk`` command's.
    """
    parsed = parse_arguments(list(sys.argv[1:] if argv is None else argv))
    if parsed is None:
        print(
            "使い方：dxdesk-gui [--profile DIR] [ファイル.dxb | ファイル.dxenrol]"
            "（その他の操作は dxdesk コマンドで行います）",
            file=sys.stderr,
        )
        return 2
    profile_dir, paths = parsed
    return run(profile_dir, open_paths=paths)


def parse_arguments(args: list[str]) -> tuple[str | None, list[Path]] | None:
    """(profile folder, files to open), or None when the arguments are not ours."""
    from dxdesk.gui.fileopen import opens

    profile_dir: str | None = None
    paths: list[Path] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--profile" and rest and profile_dir is None:
            profile_dir = rest.pop(0)
        elif arg.startswith("--profile=") and profile_dir is None:
            profile_dir = arg.partition("=")[2]
        elif not arg.startswith("-") and opens(arg):
            paths.append(Path(arg))
        else:
            return None
    return profile_dir, paths


def entry() -> None:  # pragma: no cover - console script
    sys.exit(main())
