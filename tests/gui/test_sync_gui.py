"""Bundles from the window: enrol by fingerprint, export to a USB folder, drop files to import
(checked first, nothing written), a tampered file refused beside a good one, conflicts restored."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from dxdesk.core.hlc import HybridClock
from dxdesk.gui.sync import ConflictsView, DevicesDialog, ExportDialog, ImportDialog
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.conftest import tree_digest
from tests.sync.sync_helpers import make_profile, visit


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    yield hub, field
    hub.close(backup=False)
    field.close(backup=False)


def answer_modal(button_text: str, seen: dict[str, str]) -> None:
    """Once the next modal dialog is up: note its fingerprint, press the named button."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(10, act)
            return
        label = dialog.findChild(QLabel, "fingerprint")
        seen["fingerprint"] = label.text() if label else ""
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r}")

    QTimer.singleShot(0, act)


def answer_in_turn(*buttons: str, seen: dict[str, str] | None = None) -> None:
    """Modal dialogs one after another: press each named button in the first modal showing
    it (the fingerprint first, then the choice of the laptop's person)."""
    pending = list(buttons)

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        box = dialog.findChild(QDialogButtonBox) if isinstance(dialog, QDialog) else None
        match = [b for b in box.buttons() if b.text() == pending[0]] if box else []
        if not match:
            QTimer.singleShot(10, act)
            return
        label = dialog.findChild(QLabel, "fingerprint")
        if seen is not None and label is not None:
            seen["fingerprint"] = label.text()
        pending.pop(0)
        match[0].click()
        if pending:
            QTimer.singleShot(10, act)

    QTimer.singleShot(0, act)


def enrol_through_the_window(qtbot: QtBot, hub: Profile, field: Profile, usb: Path) -> None:
    field_devices = DevicesDialog(field)
    qtbot.addWidget(field_devices)
    shown: dict[str, str] = {}
    answer_modal("OK", shown)
    request = field_devices.write_request(usb / "申請.dxenrol")
    assert request is not None and request.exists()
    own = sync.devices(field)[0]["fingerprint"]
    assert shown["fingerprint"] == own  # the field reads this aloud

    hub_devices = DevicesDialog(hub)
    qtbot.addWidget(hub_devices)
    compared: dict[str, str] = {}
    answer_in_turn("一致しました", "登録する", seen=compared)
    team = hub_devices.accept_request(request, usb / "チーム.dxenrol")
    assert team is not None and compared["fingerprint"] == own
    assert hub_devices.table.rowCount() == 2
    hub_seen: dict[str, str] = {}
    answer_modal("一致しました", hub_seen)
    assert field_devices.join_team(team)
    assert hub_seen["fingerprint"] == sync.devices(hub)[0]["fingerprint"]
    assert "チームに参加しました" in field_devices.status.text()


def test_a_fingerprint_that_does_not_match_enrols_nothing(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    request, _fp = sync.write_request(field, tmp_path / "req.dxenrol")
    dialog = DevicesDialog(hub)
    qtbot.addWidget(dialog)
    answer_modal("一致しません", {})
    assert dialog.accept_request(request, tmp_path / "team.dxenrol") is None
    assert "登録しませんでした" in dialog.status.text()
    assert not (tmp_path / "team.dxenrol").exists()
    assert len(sync.devices(hub)) == 1


def test_export_drop_check_then_import(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    usb = tmp_path / "USB メモリ"
    usb.mkdir()
    enrol_through_the_window(qtbot, hub, field, usb)
    RecordService(field).add("visit", visit("高千穂町 初回ヒアリング"))

    export = ExportDialog(field)
    qtbot.addWidget(export)
    export.folder.setText(str(usb))
    export.medium.setCurrentIndex(export.medium.findData("共有フォルダ"))
    exported = export.export()
    assert exported is not None and exported.path.parent == usb
    assert "保存しました" in export.status.text()
    # The export log entry the bundle carries names the medium chosen.
    logged = field.database.query("SELECT medium, file_name FROM bundle_export")
    assert [dict(r) for r in logged] == [
        {"medium": "共有フォルダ", "file_name": exported.path.name}
    ]
    tampered = usb / "改ざん.dxb"
    data = bytearray(exported.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))

    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    before = tree_digest(hub.paths.root)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(exported.path)), QUrl.fromLocalFile(str(tampered))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    dialog.dropEvent(drop)
    # Checked, counted, nothing written yet.
    assert tree_digest(hub.paths.root) == before
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "山田の端末"
    assert int(dialog.table.item(0, 3).text()) >= 1  # new records
    assert dialog.table.item(0, 7).text() == "取り込めます"
    assert "読み込めません" in dialog.table.item(1, 7).text()
    assert dialog.apply_button.isEnabled()

    done = dialog.apply()
    assert len(done) == 1
    titles = {str(r["title"]) for r in RecordService(hub).list_records("visit")}
    assert "高千穂町 初回ヒアリング" in titles
    assert "取り込みました" in dialog.details.text()
    assert not dialog.apply_button.isEnabled()
    # The same file again: already imported, nothing changes.
    again = ImportDialog(hub)
    qtbot.addWidget(again)
    again.add_files([exported.path])
    assert again.table.item(0, 7).text() == "取込み済み（変更なし）"
    assert not again.apply_button.isEnabled()


def test_conflicts_are_listed_side_by_side_and_restored(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    usb = tmp_path / "usb"
    usb.mkdir()
    enrol_through_the_window(qtbot, hub, field, usb)
    change = RecordService(field).add("visit", visit("元の件名"))
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)
    # Both sides edit the same field before they meet again.
    RecordService(hub).edit(
        "visit", change.record_id, {"title": "ハブでの件名", "org_id": "日之影町"}
    )
    RecordService(field).edit(
        "visit", change.record_id, {"title": "現地での件名", "org_id": "五ヶ瀬町"}
    )
    sync.import_bundle(hub, sync.export_bundle(field, "hub", usb).path)

    view = ConflictsView(hub)
    qtbot.addWidget(view)
    assert view.table.rowCount() == 2
    header = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    col = {name: header.index(name) for name in header}
    rows = {view.table.item(r, col["項目"]).text(): r for r in range(2)}
    org_row = rows["団体"]  # shown by name, as every list shows an organisation
    values = {view.table.item(org_row, col[c]).text() for c in ("現在の値", "採用されなかった値")}
    assert values == {"日之影町", "五ヶ瀬町"}
    row = rows["件名"]
    current = view.table.item(row, col["現在の値"]).text()
    losing = view.table.item(row, col["採用されなかった値"]).text()
    assert {current, losing} == {"ハブでの件名", "現地での件名"}
    # The record's organisation, and who wrote each value from which device, and when.
    now_org = RecordService(hub).get("visit", change.record_id)["org_id"]
    assert view.table.item(row, col["団体"]).text() == RecordService(hub).org_names()[now_org]
    writers = {
        view.table.item(row, col[c]).text() for c in ("現在の値の入力", "採用されなかった値の入力")
    }
    assert len(writers) == 2
    assert any(w.startswith("山田の端末（山田 担当） 20") for w in writers), writers
    assert any(w.startswith("統括の端末（統括 担当） 20") for w in writers), writers
    shown = {c.id: c for c in sync.describe_conflicts(hub)}
    assert all(c.current_at and c.losing_at for c in shown.values())
    view.table.selectRow(row)
    assert view.restore_selected()
    now = RecordService(hub).get("visit", change.record_id)["title"]
    assert now == losing
    assert view.table.rowCount() == 1
    assert "戻しました" in view.status.text()
    # The other one is kept as it is: reviewed, it leaves the list and nothing changes.
    before = RecordService(hub).get("visit", change.record_id)
    changes = hub.database.query("SELECT count(*) AS n FROM changes")[0]["n"]
    view.table.selectRow(0)
    assert view.review_selected()
    assert view.table.rowCount() == 0 and "確認済み" in view.status.text()
    assert RecordService(hub).get("visit", change.record_id) == before
    assert hub.database.query("SELECT count(*) AS n FROM changes")[0]["n"] == changes
    reviewed = hub.database.query(
        "SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NOT NULL"
    )
    assert reviewed[0]["n"] == 2


def test_changes_from_a_clock_running_ahead_are_pointed_out_before_import(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    usb = tmp_path / "usb"
    usb.mkdir()
    enrol_through_the_window(qtbot, hub, field, usb)
    RecordService(field).add("visit", visit("普通の訪問"))
    ordinary = sync.export_bundle(field, "hub", usb).path
    three_days = 3 * 24 * 3600 * 1000
    field.records.clock = HybridClock(  # the laptop's clock is set three days ahead
        field.records.clock.last, wall=lambda: time.time_ns() // 1_000_000 + three_days
    )
    RecordService(field).add("visit", visit("三日後の日付"))
    ahead = sync.export_bundle(field, "hub", usb).path

    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.add_files([ordinary])
    assert "時計" not in dialog.details.text()
    before = tree_digest(hub.paths.root)
    dialog.add_files([ahead])
    [warning] = [line for line in dialog.details.text().splitlines() if "時計" in line]
    # The visit and the bundle's own export log entry, both stamped by the clock ahead.
    assert "山田の端末" in warning and "2 件" in warning and "1日以上先" in warning
    assert tree_digest(hub.paths.root) == before  # shown before anything is written
    assert len(dialog.apply()) == 2


def test_a_hub_fingerprint_that_does_not_match_joins_nothing(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    request, _fp = sync.write_request(field, tmp_path / "req.dxenrol")
    team = sync.accept(hub, sync.read_request(request), tmp_path / "team.dxenrol")
    dialog = DevicesDialog(field)
    qtbot.addWidget(dialog)
    answer_modal("一致しません", {})
    assert not dialog.join_team(team)
    assert "参加しませんでした" in dialog.status.text()
    assert len(sync.devices(field)) == 1  # the hub was not added


def test_the_hub_chooses_which_organisations_a_laptop_receives(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    from dxdesk.gui.sync import ScopeDialog

    hub, field = pair
    usb = tmp_path / "usb"
    usb.mkdir()
    enrol_through_the_window(qtbot, hub, field, usb)
    devices = DevicesDialog(hub)
    qtbot.addWidget(devices)
    assert devices.edit_scope() is None  # nothing selected
    devices.table.selectRow(1)
    dialog = devices.edit_scope()
    assert isinstance(dialog, ScopeDialog)
    qtbot.addWidget(dialog)
    assert dialog.all.isChecked() and not dialog.list.isEnabled()
    dialog.all.setChecked(False)
    assert not dialog.save()  # none ticked: refused, nothing written
    assert sync.scope_of(hub, field.device_id) is None
    names = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    for name in ("高千穂町", "日之影町"):
        dialog.list.item(names.index(name)).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    records = RecordService(hub)
    assert set(sync.scope_of(hub, field.device_id) or []) == {
        records.resolve_org("高千穂町"),
        records.resolve_org("日之影町"),
    }
    assert "設定しました" in devices.status.text()
    again = devices.edit_scope()
    assert isinstance(again, ScopeDialog)
    qtbot.addWidget(again)
    assert again.chosen() is not None and len(again.chosen() or []) == 2
    again.all.setChecked(True)
    assert again.save() and sync.scope_of(hub, field.device_id) is None


def test_a_bundle_that_skips_an_earlier_one_names_the_device_and_the_gap(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    usb = tmp_path / "usb"
    usb.mkdir()
    enrol_through_the_window(qtbot, hub, field, usb)
    RecordService(field).add("visit", visit("最初の訪問"))
    lost = sync.export_bundle(field, "hub", usb).path
    lost.unlink()  # the USB stick with the first bundle went missing
    RecordService(field).add("visit", visit("次の訪問"))
    later = sync.export_bundle(field, "hub", usb).path
    dialog = ImportDialog(hub)
    qtbot.addWidget(dialog)
    dialog.add_files([later])
    note = dialog.details.text()
    assert "端末「山田の端末」（山田 担当）の" in note and "届いていません" in note
    # With a third file chosen first: the second fills the third's hole, so only the lost
    # first bundle is missing, said once; applied in the order they were written.
    RecordService(field).add("visit", visit("三つ目の訪問"))
    third = sync.export_bundle(field, "hub", usb).path
    both = ImportDialog(hub)
    qtbot.addWidget(both)
    both.add_files([third, later])
    assert both.details.text().count("届いていません") == 1
    assert note.split("届いていません")[0] == both.details.text().split("届いていません")[0]
    done = both.apply()
    assert [r.preview.path for r in done] == [later, third]
