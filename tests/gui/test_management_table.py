"""The management table in the window (gui/engagement_table.py): opened from the engagement's
form, its cells are the service's figures (checked against SQL in
tests/services/test_engagement_table.py), a month narrows it, a row opens the supporter's note
for the month and the table follows the save, and the export writes the .xlsx shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from dxdesk.core.calendar import fiscal_year
from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.gui.engagement_table import ManagementTableView
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_table_from_the_form_with_a_note_and_the_export(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    fy = fiscal_year(today_jst())  # the view reads the engagement of its fiscal year
    april, may = f"{fy}-04", f"{fy}-05"
    s = RecordService(profile)
    e = s.add(
        "engagement",
        {"org_id": TAKACHIHO, "fy": fy, "theme": "窓口DX", "plan_agreed_on": f"{fy}-04-20"},
    ).record_id
    staff = s.add("staff", {"name": "延岡 支援", "role": "常時支援者"}).record_id
    s.add("engagement_supporter", {"engagement_id": e, "staff_id": staff})
    for day, hours in (("07", 4.0), ("08", 3.5)):
        s.add(
            "visit",
            {
                "date": f"{may}-{day}",
                "org_id": TAKACHIHO,
                "staff_id": staff,
                "mode": "訪問",
                "title": f"5月{int(day)}日の現地支援",
                "hours": hours,
            },
        )
    window = MainWindow(profile)
    qtbot.addWidget(window)
    form = window.open_record("engagement", e)
    assert isinstance(form, RecordForm)
    qtbot.mouseClick(
        form.findChild(QPushButton, "open_management_table"), Qt.MouseButton.LeftButton
    )
    view = form.management_view
    assert isinstance(view, ManagementTableView) and view.isVisible()
    month = view.findChild(QComboBox, "management_month")
    month.setCurrentIndex(month.findData(may))
    table = view.findChild(QTableWidget, "management_rows")
    assert _cells(table) == [
        [
            may,
            "延岡 支援",
            "2",
            "7.5",
            "・5/7 5月7日の現地支援\n・5/8 5月8日の現地支援\n（訪問記録より）",
            "",
        ]
    ]
    assert view.totals.text() == "合計：現地 2 日、7.5 時間"

    # The row opens the month's note; once saved, the table shows what was written.
    note = view.open_note(0)
    assert note.kind.name == "engagement_month"
    assert (note.values()["engagement_id"], note.values()["month"]) == (e, may)
    note.set_values({"done": "窓口の手続を棚卸し", "next_steps": "6月に試行"})
    assert note.save(), (note.shown_errors, note.banner.text())
    note.close()
    assert _cells(table)[0][4:] == ["窓口の手続を棚卸し", "6月に試行"]

    out = view.export(str(tmp_path / "管理表.xlsx"))
    assert out is not None and "書き出しました" in view.status.text()
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:6] == (may, "延岡 支援", 2, 7.5, "窓口の手続を棚卸し", "6月に試行")
    assert rows[2][:4] == ("合計", None, 2, 7.5)
    # A file name that is not .xlsx: one sentence in the view, nothing written.
    assert view.export(str(tmp_path / "管理表.pdf")) is None
    assert ".xlsx" in view.status.text() and not (tmp_path / "管理表.pdf").exists()
    # The whole period: April (no work) and May at least, in order.
    month.setCurrentIndex(0)
    shown = [row[0] for row in _cells(table)]
    assert shown[:2] == [april, may] and shown == sorted(shown)
    view.close()
    form.close()


def test_milestones_stakeholders_and_cases_in_the_engagements_form(
    qtbot: QtBot, profile: Profile
) -> None:
    from PySide6.QtWidgets import QListWidget

    from dxdesk.gui.members import ChildrenPanel

    fy = fiscal_year(today_jst())
    s = RecordService(profile)
    e = s.add("engagement", {"org_id": TAKACHIHO, "fy": fy, "theme": "窓口DX"}).record_id
    body = s.add("stakeholder", {"name": "県北ICT協議会", "stakeholder_type": "企業・団体"})
    case = s.add("case", {"title": "書かない窓口", "municipality": "A町", "theme": "その他"})
    s.add("engagement_case", {"engagement_id": e, "case_id": case.record_id})
    window = MainWindow(profile)
    qtbot.addWidget(window)
    form = window.open_record("engagement", e)

    def lines(name: str) -> list[str]:
        panel = form.findChild(ChildrenPanel, f"children_{name}")
        box = panel.findChild(QListWidget, "children_list")
        return [box.item(i).text() for i in range(box.count())]

    assert lines("engagement_case") == ["書かない窓口（A町）"]
    assert lines("engagement_milestone") == ["まだ登録されていません。"]
    child = form.add_child("engagement_milestone")
    assert child is not None and child.values()["engagement_id"] == e
    child.set_values({"title": "現状調査の完了", "planned_on": f"{fy}-06-30"})
    assert child.save(), (child.shown_errors, child.banner.text())
    child.close()
    assert lines("engagement_milestone") == [f"現状調査の完了　予定 {fy}-06-30／未達成"]
    child = form.add_child("engagement_stakeholder")
    assert child is not None
    child.set_values({"stakeholder_id": body.record_id, "role": "試行環境の提供"})
    assert child.save(), (child.shown_errors, child.banner.text())
    child.close()
    assert lines("engagement_stakeholder") == ["県北ICT協議会（企業・団体）　試行環境の提供"]
    # The outcomes as a 支援事例 draft, opened in its own form.
    form.set_values({"outcomes": "記入時間が半減"})
    draft = form.draft_case_study()
    assert draft is not None and draft.kind.name == "case_study"
    assert draft.values()["results"] == "記入時間が半減" and draft.values()["status"] == "作成中"
    draft.close()
    form.close()
    # A consultation lists the cases introduced in it the same way.
    consult = s.add(
        "consultation",
        {"org_id": TAKACHIHO, "channel": "電話", "category": "その他", "topic": "窓口の相談"},
    ).record_id
    s.add("consultation_case", {"consultation_id": consult, "case_id": case.record_id})
    form = window.open_record("consultation", consult)
    assert lines("consultation_case") == ["書かない窓口（A町）"]
    form.close()
