"""A double-clicked .dxb or .dxenrol (an argument of dxdesk-gui, or macOS's file-open event)
opens the window on the dialog that takes it: the import check, or enrolment by role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.gui.app import parse_arguments
from dxdesk.gui.fileopen import FileOpener, open_path
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.sync import DevicesDialog, ImportDialog
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.gui.test_sync_gui import answer_modal
from tests.sync.sync_helpers import enrol_field, make_profile, visit


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    yield hub, field
    hub.close(backup=False)
    field.close(backup=False)


def test_the_desktop_entry_takes_a_profile_and_the_files_it_opens(tmp_path: Path) -> None:
    bundle = str(tmp_path / "受け取り" / "dxdesk-20251125.dxb")
    assert parse_arguments([]) == (None, [])
    assert parse_arguments(["--profile", "P", bundle]) == ("P", [Path(bundle)])
    assert parse_arguments([bundle, "--profile=P"]) == ("P", [Path(bundle)])
    assert parse_arguments(["team.DXENROL"]) == (None, [Path("team.DXENROL")])
    # Anything else is the dxdesk command's: refused, not guessed at.
    assert parse_arguments(["notes.txt"]) is None
    assert parse_arguments(["--self-test"]) is None
    assert parse_arguments(["--profile"]) is None


def test_a_bundle_opens_the_import_check_with_the_file_listed(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    enrol_field(hub, field, tmp_path)
    RecordService(field).add("visit", visit("ダブルクリックで届いた訪問"))
    exported = sync.export_bundle(field, hub.device_id, tmp_path / "USB")
    window = MainWindow(hub)
    qtbot.addWidget(window)
    window.show()
    dialog = open_path(window, exported.path)
    assert isinstance(dialog, ImportDialog)
    assert [p.path for p in dialog.previews] == [exported.path]
    # Checked, not imported: the hub holds nothing of the laptop's until the user says so.
    assert RecordService(hub).list_records("visit") == []


def test_a_team_file_on_a_laptop_joins_after_the_fingerprint_is_compared(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    request, _fp = sync.write_request(field, tmp_path / "申請.dxenrol")
    team = sync.accept(hub, sync.read_request(request), tmp_path / "チーム.dxenrol")
    window = MainWindow(field)
    qtbot.addWidget(window)
    seen: dict[str, str] = {}
    answer_modal("一致しました", seen)
    dialog = open_path(window, team)
    assert isinstance(dialog, DevicesDialog)
    assert seen["fingerprint"] == sync.devices(hub)[0]["fingerprint"]
    assert "チームに参加しました" in dialog.status.text()
    assert len(sync.devices(field)) == 2


def test_a_request_at_the_hub_asks_for_the_fingerprint_first(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    request, _fp = sync.write_request(field, tmp_path / "申請.dxenrol")
    window = MainWindow(hub)
    qtbot.addWidget(window)
    answer_modal("一致しません", {})
    dialog = open_path(window, request)
    assert isinstance(dialog, DevicesDialog)
    assert "登録しませんでした" in dialog.status.text()
    assert len(sync.devices(hub)) == 1


def test_a_damaged_enrolment_file_is_explained_in_the_dialog(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    _hub, field = pair
    broken = tmp_path / "壊れた.dxenrol"
    broken.write_bytes(b"\x00 not an enrolment file")
    window = MainWindow(field)
    qtbot.addWidget(window)
    dialog = open_path(window, broken)
    assert isinstance(dialog, DevicesDialog)
    assert "読み込めませんでした" in dialog.status.text()


def test_files_asked_for_before_the_window_wait_for_it(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    enrol_field(hub, field, tmp_path)
    exported = sync.export_bundle(field, hub.device_id, tmp_path / "USB")
    app = QApplication.instance()
    assert app is not None
    opener = FileOpener([])
    app.installEventFilter(opener)
    try:
        # macOS: the Finder's open request arrives while the unlock dialog is up.
        event = QFileOpenEvent(QUrl.fromLocalFile(str(exported.path)))
        assert opener.eventFilter(app, event)
        other = QFileOpenEvent(QUrl.fromLocalFile(str(tmp_path / "写真.jpg")))
        assert not opener.eventFilter(app, other)
        assert opener.pending == [exported.path]
        window = MainWindow(hub)
        qtbot.addWidget(window)
        opener.attach(window)
        assert opener.pending == []
        dialogs = window.findChildren(ImportDialog)
        assert [[p.path for p in d.previews] for d in dialogs] == [[exported.path]]
    finally:
        app.removeEventFilter(opener)
