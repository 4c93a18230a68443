"""General DX support records in the window (issue 13): a proposal raised from a visit
(「この訪問から提案を登録」), followed up, and listed on the organisation's 提案 tab."""

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
