"""The registers (台帳): every kind reachable from the window, listed, created through its form,
edited and deleted; a goal's months; one shortcut per register, none clashing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.core.ids import natural_id
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.registers import REGISTERS
from dxdesk.services.goals import progress_id
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")

# Required values of a new record per register (what a person types in the form).
VALUES: dict[str, dict[str, Any]] = {
    "meeting": {"title": "第8回月次報告会", "date": "2025-11-21", "meeting_type": "月次報告会"},
    "training": {"title": "生成AI活用研修", "training_type": "研修", "date": "2025-12-03"},
    "training_wish": {"org_id": TAKACHIHO, "theme": "生成AIの業務活用"},
    "goal": {"fy": "2025", "title": "RPA導入団体数", "target_value": "10", "unit": "団体"},
    "expert": {"name": "日向 専門", "fields": "AI・RPA"},
    "contact": {"org_id": TAKACHIHO, "name": "高千穂 情報係長"},
    "vendor": {"name": "九州情報システム株式会社"},
    "staff": {"name": "延岡 支援", "role": "常時支援者"},
    "group": {"name": "西臼杵ブロック", "group_type": "生活圏"},
    "engagement": {"org_id": TAKACHIHO, "fy": "2025", "target_days": "10", "theme": "窓口DX"},
    "engagement_application": {"org_id": TAKACHIHO, "fy": "2026", "request": "窓口DXの継続"},
    "case_study": {"org_id": TAKACHIHO, "title": "書かない窓口の導入"},
    "closed_day": {"date": "2025-11-28", "reason": "庁舎停電"},
    "document_form": {"doc_kind": "議事録", "addressee": "宮崎県総合政策部デジタル推進課長　殿"},
    "plan_item": {
        "fy": "2025",
        "title": "業務実施計画書の提出",
        "category": "成果品",
        "start_date": "2025-04-10",
    },
    "stakeholder": {"name": "県北ICT推進協議会", "stakeholder_type": "企業・団体"},
    "case": {"title": "書かない窓口", "municipality": "みなみ台町", "theme": "フロントヤード改革"},
    "comm_tool": {"name": "LoGoチャット"},
    "coordination": {"date": "2025-11-20", "title": "共同調達の仕様の調整"},
    "info_share": {"date": "2025-11-20", "org_id": TAKACHIHO, "title": "進捗状況の共有"},
    "proposal": {"org_id": TAKACHIHO, "title": "書かない窓口の試行"},
}


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _open_form(window: MainWindow) -> RecordForm:
    forms = [f for f in window.findChildren(RecordForm) if f.isVisible()]
    assert len(forms) == 1, forms
    return forms[0]


def test_every_register_lists_and_creates_its_records(qtbot: QtBot, profile: Profile) -> None:
    window = _window(qtbot, profile)
    assert [k for k, _ in REGISTERS if k not in VALUES] in ([], ["submission"])
    for kind_name, values in VALUES.items():
        table = window.show_register(kind_name)
        view = window.registers
        assert window.stack.currentWidget() is view
        before = table.model.total()
        button = view.findChild(QPushButton, f"new_{kind_name}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        form = _open_form(window)
        assert form.kind.name == kind_name
        form.set_values(values)
        assert form.save(), (kind_name, form.shown_errors, form.banner.text())
        form.close()
        assert table.model.total() == before + 1, kind_name
        index = view.tabs.indexOf(view._pages[kind_name])
        assert f"（{before + 1:,}）" in view.tabs.tabText(index), view.tabs.tabText(index)
        # Reopened from the list (not only through search): Enter on the row.
        qtbot.waitUntil(lambda t=table: t.model.rowCount() > 0)
        table.view.setFocus()
        table.view.setCurrentIndex(table.model.index(0, 0))
        table.open_current()
        again = _open_form(window)
        assert again.record_id == table.model.record_id(0)
        again.close()


def test_a_training_records_its_participating_organisations(qtbot: QtBot, profile: Profile) -> None:
    window = _window(qtbot, profile)
    window.show_register("training")
    qtbot.mouseClick(
        window.registers.findChild(QPushButton, "new_training"), Qt.MouseButton.LeftButton
    )
    form = _open_form(window)
    form.set_values(VALUES["training"])
    assert form.members is not None
    lst = form.members.list
    for row in range(lst.count()):
        if lst.item(row).data(Qt.ItemDataRole.UserRole) == TAKACHIHO:
            lst.item(row).setCheckState(Qt.CheckState.Checked)
    assert form.save()
    children = RecordService(profile).children("training", str(form.record_id))
    assert [r["org_id"] for r in children["training_participant"]] == [TAKACHIHO]


def test_a_goal_month_is_entered_edited_and_kept_under_its_key(
    qtbot: QtBot, profile: Profile
) -> None:
    service = RecordService(profile)
    goal = service.add("goal", {"fy": 2025, "title": "RPA導入団体数", "target_value": 10}).record_id
    window = _window(qtbot, profile)
    table = window.show_register("goal")
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    table.view.setCurrentIndex(table.model.index(0, 0))
    panel = window.registers.goal_panel
    assert panel is not None and panel.goal_id == goal
    months = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert months[0] == "2025-04" and months[-1] == "2026-03" and len(months) == 12
    panel._open_row(7)  # 2025-11: not recorded yet
    form = _open_form(window)
    assert form.record_id is None and form.values()["month"] == "2025-11"
    form.set_values({"value": "4", "note": "新たに2団体が導入"})
    assert form.save()
    form.close()
    assert form.record_id == progress_id(goal, "2025-11")  # the key's id, on every laptop
    assert panel.table.item(7, 1).text() == "4"
    panel._open_row(7)  # now recorded: opened by its id, edited in place
    again = _open_form(window)
    assert again.record_id == progress_id(goal, "2025-11")
    again.set_values({"value": "5"})
    assert again.save()
    again.close()
    assert panel.table.item(7, 1).text() == "5"
    assert len(service.list_records("goal_progress")) == 1


def test_a_register_row_is_deleted_and_the_delete_undone(qtbot: QtBot, profile: Profile) -> None:
    RecordService(profile).add("vendor", {"name": "宮崎ソフト"})
    window = _window(qtbot, profile)
    table = window.show_register("vendor")
    assert table.model.total() == 1
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    table.view.selectRow(0)
    table.delete_selection()
    assert table.model.total() == 0
    window.undo_delete()
    assert table.model.total() == 1


def test_every_register_has_a_shortcut_and_no_shortcut_of_the_window_clashes(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window(qtbot, profile)
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, (text, action.text(), seen[text])
            seen[text] = action.text()
    for kind_name, shortcut in REGISTERS:
        action = window.findChild(QAction, f"register_{kind_name}")
        assert action is not None and action.shortcut().toString() == shortcut
        action.trigger()
        assert window.registers.tabs.currentWidget() is window.registers._pages[kind_name]


def test_the_staff_register_opens_the_merge_of_one_person(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    from dxdesk.gui.staff import StaffMergeDialog
    from tests.sync.sync_helpers import make_profile

    # Who is whom is the hub's to decide: a field laptop's register offers no merge.
    field = _window(qtbot, profile)
    field.show_register("staff")
    assert field.registers.findChild(QPushButton, "merge_staff") is None
    hub = make_profile(tmp_path / "hub", "hub", "統括")
    try:
        window = _window(qtbot, hub)
        window.show_register("staff")
        button = window.registers.findChild(QPushButton, "merge_staff")
        assert button is not None and button.isVisible()
        button.click()
        [dialog] = [d for d in window.findChildren(StaffMergeDialog) if d.isVisible()]
        assert dialog.source.count() == dialog.into.count() >= 1
        dialog.reject()
        window.close()
    finally:
        hub.close(backup=False)
