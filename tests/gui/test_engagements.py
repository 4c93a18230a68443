"""An engagement's form lists its 常時支援者 and adds one in the supporter's own form; the
registers view shows the year's warnings under the engagements and opens the one a warning
names (gui/forms.py, gui/members.py ChildrenPanel, gui/registers.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from dxdesk.core.calendar import fiscal_year
from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")


def _texts(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_supporters_in_the_form_and_warnings_in_the_registers(
    qtbot: QtBot, profile: Profile
) -> None:
    fy = fiscal_year(today_jst())  # the view judges this year's engagements
    service = RecordService(profile)
    engagement = service.add(
        "engagement",
        {
            "org_id": TAKACHIHO,
            "fy": fy,
            "target_days": 0,
            "theme": "窓口DX",
            "plan_agreed_on": f"{fy}-04-20",
        },
    ).record_id
    staff = service.add("staff", {"name": "延岡 支援", "role": "常時支援者"}).record_id
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    window.show_register("engagement")
    warnings = window.registers.findChild(QListWidget, "engagement_warnings")
    # The span in the window's date style (ISO here), the year in it (services/phrases.py).
    gap = f"高千穂町の集中支援で、常時支援者のいない期間があります（{fy}-04-01〜{fy + 1}-03-31）。"
    assert _texts(warnings) == [gap]
    warnings.itemActivated.emit(warnings.item(0))  # Enter on the warning opens its engagement
    forms = [f for f in window.findChildren(RecordForm) if f.isVisible()]
    assert [(f.kind.name, f.record_id) for f in forms] == [("engagement", engagement)]
    form = forms[0]
    panel = form.children_panel
    assert panel is not None
    assert _texts(panel.list) == ["まだ登録されていません。"] and panel.notes.text() == gap

    qtbot.mouseClick(panel.findChild(QPushButton, "children_add"), Qt.MouseButton.LeftButton)
    child = form.child_form
    assert child is not None and child.kind.name == "engagement_supporter"
    assert child.values()["engagement_id"] == engagement  # the parent given
    child.set_values({"staff_id": staff, "dedicated": True, "resident": True, "place": "総務課"})
    assert child.save(), (child.shown_errors, child.banner.text())
    child.close()
    lines = _texts(panel.list)
    assert len(lines) == 1 and lines[0].startswith("延岡 支援")
    assert "専任" in lines[0] and "常駐（総務課）" in lines[0]
    assert panel.notes.text() == "" and not panel.notes.isVisible()
    # The registers view follows: nothing left to warn about.
    qtbot.waitUntil(lambda: _texts(warnings) == ["注意事項はありません。"])
    form.close()
