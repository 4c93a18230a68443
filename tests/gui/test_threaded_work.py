"""Long work off the GUI thread (gui/worker.py run_task): bundle import and export run on a
worker behind a progress bar with 中止; a stopped import commits nothing, a stopped export
writes no file; and while a large import runs the event loop never stalls for 100 ms."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressBar, QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.errors import UserError
from dxdesk.gui import worker
from dxdesk.gui.sync import ExportDialog, ImportDialog
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.sync.sync_helpers import enrol_field, make_profile


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    enrol_field(hub, field, tmp_path)
    yield hub, field
    hub.close(backup=False)
    field.close(backup=False)


def add_issues(profile: Profile, n: int) -> None:
    """``n`` issues through the change-tracking layer, in batches of one transaction each."""
    service = RecordService(profile)
    for start in range(0, n, 2_000):
        rows = [
            {"org_id": "高千穂町", "title": f"移行に関する課題 {i}", "status": "未対応"}
            for i in range(start, min(n, start + 2_000))
        ]
        service.add_many("issue", rows)


def issue_count(profile: Profile) -> int:
    return int(profile.database.query("SELECT count(*) AS n FROM issue")[0]["n"])


def press_cancel_when_shown(pressed: list[int], after_value: int = 1) -> None:
    """Press 中止 on the task dialog once its bar has moved to ``after_value`` (mid-way)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        bar = dialog.findChild(QProgressBar, "taskBar") if dialog is not None else None
        if bar is None or bar.value() < after_value:
            QTimer.singleShot(5, act)
            return
        button = dialog.findChild(QPushButton, "taskCancel")
        assert button is not None
        pressed.append(bar.value())
        button.click()

    QTimer.singleShot(0, act)


def test_an_import_stopped_mid_way_commits_nothing(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    add_issues(field, 3_000)
    path = sync.export_bundle(field, "hub", tmp_path / "usb").path
    before = issue_count(hub)
    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.add_files([path])
    assert dialog.apply_button.isEnabled()
    pressed: list[int] = []
    press_cancel_when_shown(pressed, after_value=500)
    assert dialog.apply() == []
    assert pressed and 0 < pressed[0] < 3_000  # stopped mid-way, not before or after
    assert "中止しました" in dialog.details.text()
    assert issue_count(hub) == before  # the one transaction was rolled back
    assert not worker.busy()
    assert dialog.apply_button.isEnabled()  # still listed, checked, ready to import again
    # Nothing half-recorded either: the same file imports in full afterwards.
    done = sync.import_bundle(hub, path)
    assert done.summary is not None and issue_count(hub) == before + 3_000


def test_a_stopped_export_writes_no_file_and_records_nothing_sent(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    _hub, field = pair
    add_issues(field, 3_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = ExportDialog(field)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(usb))
    pressed: list[int] = []
    press_cancel_when_shown(pressed, after_value=500)
    assert dialog.export() is None
    assert pressed
    assert "中止しました" in dialog.status.text()
    assert list(usb.iterdir()) == []  # not even the temporary file
    # Nothing was recorded as sent: the next export still carries every change.
    assert sync.export_bundle(field, "hub", usb).count >= 3_000


def test_the_service_stops_when_progress_says_so(
    pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    add_issues(field, 1_000)
    path = sync.export_bundle(field, "hub", tmp_path / "usb").path
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, _what: str) -> bool:
        seen.append((done, total))
        return done < 500

    checked = sync.preview(hub, path)
    with pytest.raises(UserError) as err:
        sync.import_bundle(hub, path, checked, progress=progress)
    assert err.value.code == "bundle_import_cancelled"
    assert seen[-1][0] == 500 and seen[-1][1] == checked.manifest.count
    assert issue_count(hub) == 0
    assert sync.history(hub) == []


@pytest.mark.slow
def test_a_large_import_never_stalls_the_event_loop(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    """20,000+ changes checked and applied from the window while a 10 ms timer ticks: no gap
    between two ticks may exceed 100 ms (the window repaints, 中止 answers)."""
    hub, field = pair
    add_issues(field, 20_000)
    path = sync.export_bundle(field, "hub", tmp_path / "usb").path
    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    t0 = time.perf_counter()
    dialog.add_files([path])  # verify and count: the first pass over the file
    checked = time.perf_counter()
    done = dialog.apply()  # snapshot backup and the one transaction
    timer.stop()
    elapsed = time.perf_counter() - t0
    assert len(done) == 1 and done[0].summary is not None
    assert done[0].summary.changes >= 20_000
    assert issue_count(hub) == 20_000
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    worst = max(gaps)
    print(
        f"import of {done[0].summary.changes} changes: check {checked - t0:.1f} s,"
        f" total {elapsed:.1f} s, {len(ticks)} ticks, longest gap {worst * 1000:.0f} ms"
    )
    assert elapsed > 1.0  # the work was long enough to have frozen a window
    assert worst < 0.100, f"the event loop stalled {worst * 1000:.0f} ms"


def test_a_backup_from_the_window_runs_on_the_worker_and_a_stopped_one_leaves_no_file(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    from dxdesk.gui.mainwindow import MainWindow

    hub, _field = pair
    add_issues(hub, 2_000)
    window = MainWindow(hub)
    qtbot.addWidget(window)
    backups = hub.paths.backups
    before = set(backups.iterdir()) if backups.exists() else set()
    window.make_backup()
    made = {p for p in set(backups.iterdir()) - before if p.suffix == ".db"}
    assert len(made) == 1 and next(iter(made)).name.startswith("manual-")
    assert "バックアップを作成しました" in window.statusBar().currentMessage()
    # Stopped: the copy is abandoned and its temporary file removed.
    seen: list[tuple[int, int]] = []

    def stop(done: int, total: int, _what: str) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(UserError) as err:
        hub.backup(tmp_path / "中止.db", stop)
    assert err.value.code == "backup_cancelled" and seen
    assert list(tmp_path.glob("*中止*")) == []


def test_the_automatic_backup_after_a_change_is_taken_on_the_worker(
    qtbot: QtBot, pair: tuple[Profile, Profile], monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from dxdesk.gui.mainwindow import MainWindow

    hub, _field = pair
    window = MainWindow(hub)
    qtbot.addWidget(window)
    threads: list[bool] = []
    real = hub.try_auto_backup

    def on_which_thread(*, force: bool = False) -> UserError | None:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(force=force)

    monkeypatch.setattr(hub, "try_auto_backup", on_which_thread)
    add_issues(hub, 10)
    window.auto_backup()
    assert threads == [False]  # the copy ran off the GUI thread
    assert len(list(hub.paths.backups.glob("auto-*.db"))) == 1
    assert not worker.busy()
    add_issues(hub, 10)
    window.auto_backup()  # changed, but the next one is not due yet: no thread at all
    assert threads == [False]
