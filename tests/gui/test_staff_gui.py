"""One person, one staff record, from the window: the choice of the laptop's person at accept,
and merging a duplicate from the staff register (real profiles, real bundles)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxdesk.gui.staff import StaffMergeDialog
from dxdesk.gui.sync import DevicesDialog, StaffLinkDialog
from dxdesk.services import staff, sync
from dxdesk.services.overview import OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.gui.test_sync_gui import answer_in_turn
from tests.sync.sync_helpers import make_profile, visit


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Profile, Profile]]:
    hub = make_profile(tmp_path / "ハブ", "hub", "統括")
    field = make_profile(tmp_path / "現地", "field", "山田")
    yield hub, field
    hub.close(backup=False)
    field.close(backup=False)


def test_accept_offers_the_staff_of_the_same_name_and_the_laptop_records_under_it(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    kept = RecordService(hub).add("staff", {"name": "山田　担当", "role": "伴走支援"}).record_id
    request, _fp = sync.write_request(field, tmp_path / "申請.dxenrol")
    member = sync.read_request(request)
    choice = StaffLinkDialog(hub, member)
    qtbot.addWidget(choice)
    # The record of the same name (full-width space or not) is offered, and checked.
    assert choice.same.isChecked() and "山田　担当（伴走支援）" in choice.same.text()
    assert choice.chosen() == kept
    choice.other.setChecked(True)
    assert choice.others.isEnabled() and choice.chosen() == staff.owner_id(hub)
    choice.new.setChecked(True)
    assert choice.chosen() is None

    devices = DevicesDialog(hub)
    qtbot.addWidget(devices)
    answer_in_turn("一致しました", "登録する")
    team = devices.accept_request(request, tmp_path / "チーム.dxenrol")
    assert team is not None
    sync.join(field, sync.read_team(team))
    assert staff.owner_id(field) == kept
    devices.refresh()  # whom the laptop records as, in the roster
    assert devices.table.item(1, 5).text() == "山田　担当"
    RecordService(field).add(
        "visit", {**visit("現地の訪問"), "start_time": "09:00", "end_time": "11:00"}
    )
    sync.import_bundle(hub, sync.export_bundle(field, "hub", tmp_path / "usb").path)
    names = [name for _id, name in OverviewService(hub).month_grid("2025-11").staff]
    assert names.count("山田　担当") == 1 and "山田 担当" not in names


def test_a_new_person_is_the_only_choice_when_no_name_matches(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, field = pair
    request, _fp = sync.write_request(field, tmp_path / "申請.dxenrol")
    choice = StaffLinkDialog(hub, sync.read_request(request))
    qtbot.addWidget(choice)
    assert choice.new.isChecked() and choice.suggested is None and choice.chosen() is None


def test_the_merge_dialog_moves_every_reference_and_retires_the_duplicate(
    qtbot: QtBot, pair: tuple[Profile, Profile], tmp_path: Path
) -> None:
    hub, _field = pair
    svc = RecordService(hub)
    first = svc.add("staff", {"name": "黒木 花子", "role": "伴走支援"}).record_id
    second = svc.add("staff", {"name": "黒木花子", "role": "伴走支援"}).record_id
    svc.add(
        "visit",
        {**visit("二重の方で記録"), "staff_id": second, "start_time": "13:00", "end_time": "15:00"},
    )
    svc.add("issue", {"org_id": "高千穂町", "title": "課題", "owner_id": second})
    dialog = StaffMergeDialog(hub)
    qtbot.addWidget(dialog)
    # The two of one name are chosen already: the later into the earlier.
    assert (dialog.source.currentData(), dialog.into.currentData()) == (second, first)
    assert dialog.effect.text() == "統合先に移る記録：訪問・ヒアリング 1件、課題 1件、工数 1件"
    with qtbot.waitSignal(dialog.merged):
        done = dialog.merge(confirmed=True)
    assert done is not None and done.total == 3
    assert "統合しました" in dialog.effect.text()
    assert staff.references(hub, second) == {}
    assert staff.references(hub, first) == {"訪問・ヒアリング": 1, "課題": 1, "工数": 1}
    assert dialog.source.findData(second) == -1  # retired: no longer offered
    # The same record on both sides cannot be merged.
    dialog.source.setCurrentIndex(dialog.source.findData(first))
    assert not dialog.merge_button.isEnabled()
