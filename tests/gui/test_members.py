"""A record's organisations ticked in its form: one membership record each (gui/members.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dxdesk.core.ids import natural_id
from dxdesk.gui.forms import RecordForm
from dxdesk.services.drafts import DraftService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")
HINOKAGE = natural_id("organisation", "454427")


def _tick(form: RecordForm, org_id: str, on: bool) -> None:
    assert form.members is not None
    lst = form.members.list
    for row in range(lst.count()):
        item = lst.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == org_id:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(org_id)


def _members(service: RecordService, group: str) -> set[str]:
    return {str(r["org_id"]) for r in service.children("group", group)["group_member"]}


def test_members_are_ticked_saved_and_shown_again(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    service, drafts = RecordService(profile), DraftService(profile)
    form = RecordForm(service, drafts, "group")
    qtbot.addWidget(form)
    assert "members" not in form.editors  # the old list field is not offered
    form.editors["name"].set_value("西臼杵連携")
    form.editors["group_type"].set_value("生活圏")
    _tick(form, TAKACHIHO, True)
    _tick(form, HINOKAGE, True)
    assert form.members is not None and form.members.count.text() == "2 団体を選択"
    assert form.save()
    group = form.record_id
    assert group is not None and _members(service, group) == {TAKACHIHO, HINOKAGE}
    form.close()
    again = RecordForm(service, drafts, "group", record_id=group)
    qtbot.addWidget(again)
    assert again.members is not None and again.members.checked() == {TAKACHIHO, HINOKAGE}
    _tick(again, HINOKAGE, False)
    assert again.save()
    assert _members(service, group) == {TAKACHIHO}
    again.resize(720, 900)
    again.show()
    qtbot.waitExposed(again)
    again.grab().save(str(tmp_path / "group_form.png"))
    assert (tmp_path / "group_form.png").stat().st_size > 0
