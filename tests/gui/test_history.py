"""An issue's history of changes: who changed what, when, on which device."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from dxdesk.gui.forms import RecordForm
from dxdesk.gui.history import HistoryDialog
from dxdesk.services.drafts import DraftService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


def test_the_issue_form_shows_each_change_with_its_values(qtbot: QtBot, profile: Profile) -> None:
    records = RecordService(profile)
    created = records.add(
        "issue", {"org_id": "高千穂町", "title": "移行日程の遅れ", "status": "未対応"}
    )
    records.edit(
        "issue", created.record_id, {"status": "対応中", "countermeasure": "ベンダと週次で確認"}
    )
    records.edit("issue", created.record_id, {"countermeasure": ""})
    form = RecordForm(records, DraftService(profile), "issue", created.record_id)
    qtbot.addWidget(form)
    dialog = form.show_history()
    assert isinstance(dialog, HistoryDialog)
    table = dialog.table
    assert table.rowCount() == 3
    device = profile.meta["device_name"]
    assert [table.item(r, 1).text() for r in range(3)] == [device] * 3
    assert [table.item(r, 2).text() for r in range(3)] == ["作成", "更新", "更新"]
    assert table.item(2, 3).text() == "対策：（空欄）"  # a value cleared is said so
    assert "課題：移行日程の遅れ" in table.item(0, 3).text()
    assert "団体：高千穂町" in table.item(0, 3).text()
    assert "期限：" not in table.item(0, 3).text()  # fields left empty are not listed
    changed = table.item(1, 3).text()
    assert "状態：対応中" in changed and "対策：ベンダと週次で確認" in changed
    assert "課題：" not in changed  # only what that change wrote
    assert table.item(0, 0).text()[:2] == "20"  # a JST date and time


def test_a_new_record_has_no_history_button(qtbot: QtBot, profile: Profile) -> None:
    form = RecordForm(RecordService(profile), DraftService(profile), "issue")
    qtbot.addWidget(form)
    assert not hasattr(form, "history_button")
