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
    panel = window.registers.panels["comm_tool"]
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


def test_the_case_finder_under_the_case_library(qtbot: QtBot, profile: Profile) -> None:
    from dxdesk.gui.cases import CaseFinderPanel
    from dxdesk.gui.forms import RecordForm

    s = RecordService(profile)
    near = s.add(
        "case",
        {"title": "近い町の事例", "municipality": "A町", "population": 20_000, "theme": "AI・RPA"},
    ).record_id
    s.add(
        "case",
        {"title": "遠い市の事例", "municipality": "B市", "population": 90_000, "theme": "AI・RPA"},
    )
    s.add("case", {"title": "規模不明", "municipality": "C村", "theme": "その他"})
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.show_register("case")
    panel = window.registers.panels["case"]
    assert isinstance(panel, CaseFinderPanel)
    assert panel.table.rowCount() == 3 and "3件" in panel.summary.text()
    panel.org.setCurrentIndex(panel.org.findText("高鍋町（人口 19,922人）"))
    titles = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert titles == ["近い町の事例"]
    assert (
        "13,281〜29,883人" in panel.summary.text()
        and "対象外とした事例：1件" in panel.summary.text()
    )
    panel.band.setValue(4.0)  # 3,984 to 99,610
    assert panel.table.rowCount() == 2
    panel.theme.setCurrentIndex(panel.theme.findData("その他"))
    assert panel.table.rowCount() == 0
    panel.org.setCurrentIndex(panel.org.findText("高千穂町（人口未確認）"))
    assert "人口が登録されていない" in panel.summary.text() and panel.table.rowCount() == 0
    panel.org.setCurrentIndex(0)
    panel.theme.setCurrentIndex(panel.theme.findData("AI・RPA"))
    row = next(
        r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "近い町の事例"
    )
    panel.table.cellActivated.emit(row, 0)
    forms = [f for f in window.findChildren(RecordForm) if f.isVisible()]
    assert [(f.kind.name, f.record_id) for f in forms] == [("case", near)]
    forms[0].close()
