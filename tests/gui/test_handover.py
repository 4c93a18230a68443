"""A file double-clicked while the window is open goes to that window (gui/handover.py); a
marker left by a crash costs a short wait, never the file."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from dxdesk.gui.fileopen import FileOpener
from dxdesk.gui.handover import MARKER, Inbox, hand_over, inbox_dir
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.sync import ImportDialog
from dxdesk.paths import ProfilePaths
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from tests.sync.sync_helpers import enrol_field, make_profile


def _in_background(
    paths: ProfilePaths, files: list[Path]
) -> tuple[threading.Thread, dict[str, bool]]:
    """The second start's hand-over, waiting in a thread while this one's event loop runs."""
    result: dict[str, bool] = {}
    thread = threading.Thread(target=lambda: result.update(ok=hand_over(paths, files)))
    thread.start()
    return thread, result


def test_without_an_open_window_nothing_is_handed_over(profile: Profile, tmp_path: Path) -> None:
    assert not hand_over(profile.paths, [tmp_path / "a.dxb"])
    assert not inbox_dir(profile.paths).exists()


def test_the_open_window_takes_the_file(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    taken: list[Path] = []
    inbox = Inbox(profile.paths, taken.append)
    try:
        assert (inbox_dir(profile.paths) / MARKER).is_file()
        wanted = tmp_path / "受け取り" / "届いた.dxb"
        thread, result = _in_background(profile.paths, [wanted])
        qtbot.waitUntil(lambda: taken == [wanted.resolve()], timeout=3000)
        thread.join(5)
        assert result["ok"] is True
        assert [p.name for p in inbox_dir(profile.paths).iterdir()] == [MARKER]
    finally:
        inbox.close()
    assert not (inbox_dir(profile.paths) / MARKER).exists()


def test_a_marker_left_by_a_crash_costs_a_short_wait_not_the_file(
    profile: Profile, tmp_path: Path
) -> None:
    folder = inbox_dir(profile.paths)
    folder.mkdir()
    (folder / MARKER).write_text("12345", encoding="utf-8")
    assert not hand_over(profile.paths, [tmp_path / "a.dxb"], wait_s=0.2)
    # Withdrawn: the next window to start finds no request that nobody wanted.
    assert [p.name for p in folder.iterdir()] == [MARKER]
    # And a window starting later clears what a crash may have left behind.
    (folder / "old.open").write_text('{"path": "/x.dxb"}', encoding="utf-8")
    taken: list[Path] = []
    inbox = Inbox(profile.paths, taken.append)
    try:
        assert inbox.take() == [] and taken == []
    finally:
        inbox.close()


def test_a_double_clicked_bundle_opens_the_import_check_in_the_open_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    field = make_profile(tmp_path / "field", "field", "山田")
    try:
        enrol_field(hub, field, tmp_path)
        exported = sync.export_bundle(field, hub.device_id, tmp_path / "USB")
        window = MainWindow(hub)
        qtbot.addWidget(window)
        opener = FileOpener()
        opener.attach(window)
        inbox = Inbox(hub.paths, opener.request, opener)
        try:
            thread, result = _in_background(hub.paths, [exported.path, tmp_path / "写真.jpg"])
            qtbot.waitUntil(lambda: bool(window.findChildren(ImportDialog)), timeout=3000)
            thread.join(5)
            assert result["ok"] is True
            [dialog] = window.findChildren(ImportDialog)
            assert [p.path for p in dialog.previews] == [exported.path.resolve()]
        finally:
            inbox.close()
            window.close()  # before its profile closes
    finally:
        hub.close(backup=False)
        field.close(backup=False)


def test_the_desktop_entry_hands_a_file_to_the_open_window_and_exits(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    from dxdesk.gui.app import main

    taken: list[Path] = []
    inbox = Inbox(profile.paths, taken.append)
    wanted = tmp_path / "届いた.dxenrol"
    result: dict[str, int] = {}
    try:
        # What a double-click runs: dxdesk-gui --profile DIR FILE, while this window is open.
        args = ["--profile", str(profile.paths.root), str(wanted)]
        thread = threading.Thread(target=lambda: result.update(code=main(args)))
        thread.start()
        qtbot.waitUntil(lambda: taken == [wanted.resolve()], timeout=3000)
        thread.join(5)
    finally:
        inbox.close()
    assert result == {"code": 0}
