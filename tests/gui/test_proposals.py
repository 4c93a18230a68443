"""General DX support records in the window (issue 13): a proposal raised from a visit
(「この訪問から提案を登録」), followed up, and listed on the organisation's 提案 tab; an issue
shared by two municipalities under the second one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.core.ids import natural_id
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.shared import SHARED_MARK
from tests.gui.test_registers import _window

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)

SHIIBA = natural_id("organisation", "454303")
NOTES = "利用の多い10手続から先行してオンライン化する案をご説明しました。\n電子申請フォームの作成手順もお示ししました。"


def _visible_forms(window: MainWindow) -> list[RecordForm]:
    return [f for f in window.findChildren(RecordForm) if f.isVisible()]


def test_a_proposal_from_a_visit_followed_up_on_the_organisations_tab(
    qtbot: QtBot, profile: Profile
) -> None:
    window = _window(qtbot, profile)
    window.select_org(SHIIBA)
    window.new_visit_action.trigger()  # Ctrl+N
    [form] = _visible_forms(window)
    form.set_values(
        {
            "date": "2025-10-02",
            "title": "オンライン申請の打合せ",
            "support_kind": "ソリューション提案",
            "notes": NOTES,
        }
    )
    button = form.follow_up_buttons["notes"]
    assert button.text().startswith("この訪問から提案を登録")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not form.shown_errors, form.shown_errors
    proposal_form = form.follow_up_form
    assert proposal_form is not None and proposal_form.kind.name == "proposal"
    values = proposal_form.values()
    assert values["org_id"] == SHIIBA
    assert values["proposed_on"] == "2025-10-02"
    assert values["support_kind"] == "ソリューション提案"
    assert values["visit_id"] == form.record_id
    assert values["title"] == "利用の多い10手続から先行してオンライン化する案をご説明しました。"
    assert values["content"] == NOTES
    assert values["status"] == "提案済み"
    visit = RecordService(profile).get("visit", str(form.record_id))
    assert values["staff_id"] == visit["staff_id"] is not None  # the visit's 担当者: ME
    proposal_form.set_values({"title": "オンライン申請の対象手続の拡大"})
    proposal_form.resize(760, 720)
    proposal_form.grab().save("/tmp/dx13_proposal_form.png")
    with qtbot.waitSignal(form.follow_up_created, timeout=2000) as created:
        assert proposal_form.save(), proposal_form.shown_errors
    proposal_id = created.args[0].record_id
    proposal_form.close()
    form.close()

    # Followed up later: 検討中 with what the village said, and the date it was checked.
    service = RecordService(profile)
    service.edit(
        "proposal",
        proposal_id,
        {"status": "検討中", "follow_up": "情報化推進委員会で検討中", "follow_up_on": "2025-11-04"},
    )
    window.data_changed.emit(None)
    tab = window.org_tabs
    page = window._org_pages["proposal"]
    tab.setCurrentWidget(page)
    table = window.org_tables["proposal"]
    qtbot.waitUntil(lambda: table.model.rowCount() == 1)
    row = table.model.row_texts(0)
    assert "オンライン申請の対象手続の拡大" in row and "検討中" in row
    assert "ソリューション提案" in row and "2025-11-04" in row
    assert tab.tabText(tab.indexOf(page)) == "提案"
    # Another organisation's tab does not list it.
    window.select_org(natural_id("organisation", "454419"))
    qtbot.waitUntil(lambda: table.model.total() == 0)
    QApplication.processEvents()


def test_a_shared_issue_shows_under_the_second_organisation(qtbot: QtBot, profile: Profile) -> None:
    """6(2)ア⑤: an issue of 都城市 ticked for 三股町 in its form's 関係団体 shows on 三股町's
    課題 tab, its 団体 read 「共有：都城市ほか1団体」, the tooltip naming both, the tree's figure and
    the overview counting it for 三股町; the global list holds it once."""
    from dxdesk.gui.models import RecordIdRole
    from dxdesk.gui.orgtree import ORG_ROLE

    miyakonojo = natural_id("organisation", "452025")
    mimata = natural_id("organisation", "453412")
    window = _window(qtbot, profile)
    window.select_org(miyakonojo)
    window.new_issue_action.trigger()
    [form] = _visible_forms(window)
    form.set_values({"title": "ベンダの改修スケジュールの遅れ", "priority": "高"})
    assert form.members is not None
    lst = form.members.list
    [row] = [r for r in range(lst.count()) if lst.item(r).data(Qt.ItemDataRole.UserRole) == mimata]
    lst.item(row).setCheckState(Qt.CheckState.Checked)
    assert form.save(), form.shown_errors
    form.close()
    RecordService(profile).add("issue", {"org_id": mimata, "title": "窓口端末の更新"})
    window.data_changed.emit(None)

    window.select_org(mimata)
    window.org_tabs.setCurrentWidget(window._org_pages["issue"])
    table = window.org_tables["issue"]
    qtbot.waitUntil(lambda: table.model.rowCount() == 2)
    org_column = table.model.columns().index("org_id")
    cells = {
        table.model.row_texts(r)[table.model.columns().index("title")]: table.model.index(
            r, org_column
        )
        for r in range(2)
    }
    shared_cell = cells["ベンダの改修スケジュールの遅れ"]
    assert shared_cell.data() == "共有：都城市ほか1団体"
    assert SHARED_MARK.replace("%1", "都城市").replace("%n", "1") == shared_cell.data()
    assert cells["窓口端末の更新"].data() == "三股町"
    tip = str(shared_cell.data(Qt.ItemDataRole.ToolTipRole))
    assert "主担当団体：都城市" in tip and "関係団体：三股町" in tip
    assert shared_cell.data(RecordIdRole)
    # The tree's figure and the overview count it for 三股町; the global list holds it once.
    item = window.tree.org_item(mimata)
    assert item is not None and item.data(0, ORG_ROLE) == mimata
    assert "課題2" in item.text(1)
    assert "未完了の課題 2 件" in window.overview_panel.issues.text()
    assert "共有：都城市ほか1団体" in window.overview_panel.issue_list.text()
    window.show_global("issues")
    assert window.global_issues.model.total() == 2
    window.show_org(mimata)
    window.org_tabs.setCurrentWidget(window._org_pages["issue"])
    qtbot.waitUntil(lambda: table.model.rowCount() == 2)
    # The column's fixed width holds the mark (gui/tableview.py: the sample is one).
    assert table.view.columnWidth(org_column) >= table.view.fontMetrics().horizontalAdvance(
        "共有：都城市ほか1団体"
    )
    window.grab().save("/tmp/dx13_shared_issue.png")
