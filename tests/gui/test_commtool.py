"""The communication tool's register in the window (gui/commtool.py): the CSV export imported
from the panel fills the per-group charts; a bad file says why in one sentence and draws
nothing new."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxdesk.gui.commtool import CommActivityPanel
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")


def test_import_and_per_group_charts(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    s = RecordService(profile)
    tool = s.add("comm_tool", {"name": "LoGoチャット"}).record_id
    s.add("comm_group", {"tool_id": tool, "name": "県北生活圏"})
    s.add("comm_group", {"tool_id": tool, "name": "県南生活圏"})
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show_register("comm_tool")
    panel = window.registers.comm_panel
    assert isinstance(panel, CommActivityPanel)
    assert panel.group.count() == 0 and panel.posts.values() == []
    export = tmp_path / "export.csv"
    export.write_bytes(
        "年月,グループ,投稿数,アクティブ人数\r\n2025-05,県北生活圏,120,18\r\n"
        "2025-06,県北生活圏,140,20\r\n2025-06,県南生活圏,30,6\r\n".encode("cp932")
    )
    assert panel.import_file(str(export))
    assert "3行" in panel.status.text() and "CP932" in panel.status.text()
    groups = [panel.group.itemText(i) for i in range(panel.group.count())]
    assert groups == ["LoGoチャット / 県北生活圏", "LoGoチャット / 県南生活圏"]
    panel.group.setCurrentIndex(0)
    assert panel.posts.values() == [("5月", 120.0), ("6月", 140.0)]
    assert panel.active.values() == [("5月", 18.0), ("6月", 20.0)]
    panel.group.setCurrentIndex(1)
    assert panel.posts.values() == [("6月", 30.0)]
    export.write_text("年月,グループ,投稿数,アクティブ人数\n2025-07,県西,1,1\n", encoding="utf-8")
    assert not panel.import_file(str(export))
    assert "県西" in panel.status.text() and "何も取り込んでいません" in panel.status.text()
    assert panel.group.count() == 2
