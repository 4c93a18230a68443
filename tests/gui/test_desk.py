"""The supervisor's desk in the window (issue 12): a meeting's decisions and open points as
child records, an open point one click from an issue (linked both ways), the minutes printed
from them and submitted on the deadline board; a training's wishes ticked in its form; a
goal's chart from its months; a consultation's experts offered by its 分類 first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.gui.documents import DocumentDialog
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.widgets import LookupCombo
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from tests.reports.readback import needs_pdftotext, read_pdf, squash

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")


def _texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _add_item(qtbot: QtBot, form: RecordForm, values: dict[str, str]) -> str:
    panel = form.children_panels["meeting_item"]
    qtbot.mouseClick(panel.findChild(QPushButton, "children_add"), Qt.MouseButton.LeftButton)
    child = form.child_form
    assert child is not None and child.kind.name == "meeting_item"
    assert child.values()["meeting_id"] == form.record_id  # the parent given
    child.set_values(values)
    assert child.save(), (child.shown_errors, child.banner.text())
    child.close()
    return str(child.record_id)


@needs_pdftotext
def test_meeting_items_an_open_point_becomes_an_issue_and_the_minutes_are_submitted(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    service = RecordService(profile)
    window = _window(qtbot, profile)
    day = today_jst() - timedelta(days=7)  # its minutes (3 開庁日 later) are overdue today
    window.show_register("meeting")
    window.registers.findChild(QPushButton, "new_meeting").click()
    form = next(f for f in window.findChildren(RecordForm) if f.isVisible())
    # The old free texts are not offered: decisions and open points are records now.
    assert "decisions" not in form.editors and "action_items" not in form.editors
    form.set_values({"title": "高千穂町との打合せ", "date": day.isoformat(), "org_id": TAKACHIHO})
    panel = form.children_panels["meeting_item"]
    decision = "移行日程は令和8年1月で確定する。"
    open_point = "帳票レイアウトの差分をベンダに確認する。"
    decision_id = _add_item(qtbot, form, {"item_type": "決定事項", "text": decision})
    point_id = _add_item(
        qtbot,
        form,
        {"item_type": "課題事項", "text": open_point, "owner": "延岡", "due_date": "2026-01-30"},
    )
    meeting = str(form.record_id)
    assert [line.split(" ")[0] for line in _texts(panel.list)] == ["【決定事項】", "【課題事項】"]
    # A decision cannot become an issue; the open point can, in one click.
    button = panel.follow_up_button
    assert button is not None and button.text() == "課題として登録"
    panel.select(decision_id)
    assert not button.isEnabled()
    panel.select(point_id)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    issue_form = form.follow_up_form
    assert issue_form is not None and issue_form.kind.name == "issue"
    typed = issue_form.values()
    assert typed["org_id"] == TAKACHIHO and typed["meeting_id"] == meeting  # prefilled
    assert typed["title"] == open_point and typed["raised_on"] == day.isoformat()
    assert typed["due_date"] == "2026-01-30"
    assert issue_form.save(), (issue_form.shown_errors, issue_form.banner.text())
    issue_form.close()
    issue = str(issue_form.record_id)
    # Linked both ways: the open point holds the issue, the issue names the meeting.
    assert service.get("meeting_item", point_id)["issue_id"] == issue
    assert service.get("issue", issue)["meeting_id"] == meeting
    assert any("課題登録済み" in line for line in _texts(panel.list))
    panel.select(point_id)
    assert not button.isEnabled()  # raised once
    form.close()

    # The deadline board: the minutes are overdue; print them, submit them.
    window.show_global("deadlines")
    board = window.deadline_board
    key = f"minutes:{meeting}"
    board.pending_only.setChecked(True)
    board.table.setCurrentCell([d.key for d in board.rows].index(key), 1)
    current = board.current()
    assert current is not None and current.overdue
    board.make_button.click()
    dialog = next(d for d in window.findChildren(DocumentDialog) if d.isVisible())
    assert dialog.current_kind().name == "minutes"
    pdf = dialog.save(str(tmp_path / "議事録.pdf"))
    dialog.close()
    assert pdf is not None
    doc = read_pdf(pdf)
    assert doc.both(squash(decision)) and doc.both(squash(open_point))
    assert doc.both("課題事項（宿題事項）") and doc.both(squash("担当：延岡"))
    assert board.submit(key, on=today_jst().isoformat(), file=str(pdf), doc_number="DX第9号")
    assert key not in [d.key for d in board.rows]  # left the overdue list


def test_a_training_ticks_the_wishes_it_answers(qtbot: QtBot, profile: Profile) -> None:
    service = RecordService(profile)
    wish = service.add(
        "training_wish",
        {
            "org_id": TAKACHIHO,
            "theme": "生成AIの業務活用",
            "preferred_format": "オンライン",
            "preferred_period": "9月頃",
        },
    ).record_id
    window = _window(qtbot, profile)
    table = window.show_register("training_wish")
    assert table.model.total() == 1  # the wish list is a register
    window.show_register("training")
    window.registers.findChild(QPushButton, "new_training").click()
    form = next(f for f in window.findChildren(RecordForm) if f.isVisible())
    ticks = form.tick_editors[("training_wish", "training_id")]
    assert [ticks.list.item(i).text() for i in range(ticks.list.count())] == [
        f"{today_jst().isoformat()} 高千穂町 生成AIの業務活用（オンライン・9月頃）"
    ]
    ticks.list.item(0).setCheckState(Qt.CheckState.Checked)
    form.set_values({"title": "生成AI活用研修", "training_type": "研修"})
    assert form.save(), (form.shown_errors, form.banner.text())
    training = str(form.record_id)
    assert service.get("training_wish", wish)["training_id"] == training
    # An issue found at the training becomes an issue linked to it.
    form.set_values({"issues_found": "庁内ルールが未整備の団体が多い。"})
    issue_form = form.create_follow_up("issues_found")
    assert issue_form is not None
    assert issue_form.values()["training_id"] == training
    assert issue_form.values()["title"] == "庁内ルールが未整備の団体が多い。"
    issue_form.set_values({"org_id": TAKACHIHO})
    assert issue_form.save(), issue_form.shown_errors
    issue_form.close()
    form.close()
    # Unticked in another form, the wish is free again.
    again = RecordForm(form.service, form.drafts, "training", record_id=training)
    qtbot.addWidget(again)
    ticks = again.tick_editors[("training_wish", "training_id")]
    assert ticks.checked() == {wish}
    ticks.list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert again.save()
    assert service.get("training_wish", wish)["training_id"] is None


def test_the_consultation_offers_experts_of_its_field_first(qtbot: QtBot, profile: Profile) -> None:
    service = RecordService(profile)
    service.add("expert", {"name": "情報 守", "fields": ["セキュリティ"], "pref_approved": True})
    ai = service.add("expert", {"name": "機械 学", "fields": ["AI・RPA"]}).record_id
    window = _window(qtbot, profile)
    form = RecordForm(window.records, window.drafts, "consultation")
    qtbot.addWidget(form)
    assigned = form.editors["expert_id"]
    requested = form.editors["requested_expert_id"]
    assert isinstance(assigned, LookupCombo) and isinstance(requested, LookupCombo)
    form.set_values({"category": "AI・RPA"})
    assert assigned.pairs()[0] == (ai, "◎ 機械 学（AI・RPA）")
    assert requested.pairs()[0][0] == ai
    form.set_values({"category": "セキュリティ"})
    assert assigned.pairs()[0][1] == "◎ 情報 守（セキュリティ）"
    assert assigned.pairs()[1][1] == "機械 学（AI・RPA）"
    form.set_values({"category": None})
    assert not form.is_dirty()  # as opened: closes without asking


def test_the_goal_chart_is_built_from_its_months(qtbot: QtBot, profile: Profile) -> None:
    service = RecordService(profile)
    goal = service.add(
        "goal", {"fy": 2025, "title": "RPA導入団体数", "target_value": 10, "unit": "団体"}
    ).record_id
    service.put("goal_progress", {"goal_id": goal, "month": "2025-04", "value": 2})
    service.put(
        "goal_progress",
        {"goal_id": goal, "month": "2025-06", "value": 5, "achievement": "累計5団体。"},
    )
    window = _window(qtbot, profile)
    table = window.show_register("goal")
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    table.view.setCurrentIndex(table.model.index(0, 0))
    panel = window.registers.goal_panel
    assert panel is not None and panel.goal_id == goal
    # April to the last month recorded; May has no record and draws no bar.
    assert panel.chart.values() == [("4月", 2.0), ("5月", 0.0), ("6月", 5.0)]
    assert panel.chart.target() == (10.0, "団体")
    assert panel.table.item(2, 2).text() == "累計5団体。"
    # A month entered in its form: the chart follows.
    panel._open_row(3)  # 2025-07
    form = next(f for f in window.findChildren(RecordForm) if f.isVisible())
    assert {"actions", "achievement", "next_steps"} <= set(form.editors)
    form.set_values({"value": "7", "actions": "2町を支援", "next_steps": "県北へ展開"})
    assert form.save()
    form.close()
    qtbot.waitUntil(lambda: len(panel.chart.values()) == 4)
    assert panel.chart.values()[-1] == ("7月", 7.0)
