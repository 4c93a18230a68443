"""The progress matrix in the real (offscreen) window: readable at 1366x768, keyboard first,
matrix -> cell -> a range of steps -> the matrix repainted from the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QTableWidgetSelectionRange
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.progress import CellDialog, ProgressView
from dxdesk.services.profile import Profile
from dxdesk.services.progress import ProgressService

TODAY = date(2025, 11, 25)


def _window(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, ProgressView]:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_global("progress")
    view = window.progress_view()
    view.service.today = TODAY
    view.refresh()
    QApplication.processEvents()
    return window, view


def test_readable_at_1366x768(qtbot: QtBot, profile: Profile) -> None:
    ProgressService(profile, TODAY).set_steps(
        "宮崎市", "住民記録", "1-33", "完了済み", "2025-06-30"
    )
    window, view = _window(qtbot, profile)
    shot = window.grab()
    assert (shot.width(), shot.height()) == (1366, 768)  # nothing forces the window wider
    model, table = view.model, view.table
    # 28 organisations and the summary row; the 20 systems and the summary column.
    assert (model.rowCount(), model.columnCount()) == (29, 21)
    # Every column in sight without scrolling, and every label inside its cell.
    assert table.horizontalHeader().length() <= table.viewport().width()
    pad = view.cell_padding()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            font = index.data(Qt.ItemDataRole.FontRole) or table.font()
            text = str(index.data() or "")
            assert QFontMetrics(font).horizontalAdvance(text) + pad <= table.columnWidth(col), (
                row,
                col,
                text,
            )
    vh = table.verticalHeader()
    names = [str(model.headerData(r, Qt.Orientation.Vertical)) for r in range(model.rowCount())]
    assert max(vh.fontMetrics().horizontalAdvance(n) for n in names) <= vh.width()
    assert "宮崎県 生活保護所管課" in names
    # The figures are the service's: 宮崎市's 住民記録 at 33 of 40, labelled with ⑭-2.
    miyazaki = names.index("宮崎市")
    assert model.index(miyazaki, 1).data() == "⑭-2"
    assert "83%" in model.index(miyazaki, 1).data(Qt.ItemDataRole.ToolTipRole)
    # A town's 生活保護 is 対象外 by rule; a division shows only its own system.
    town = names.index("高千穂町")
    assert model.index(town, 13).data() == "－"
    division = names.index("宮崎県 生活保護所管課")
    assert [model.index(division, c).data() for c in (1, 13)] == ["", "未"]


@pytest.mark.qt_log_ignore(r"^This plugin does not support")
def test_the_view_fits_1366x768_in_japanese_and_english(
    qtbot: QtBot, profile: Profile, qapp: QApplication, tmp_path: Path
) -> None:
    """Nothing forces the window past 1366 pixels, in either language, now or a past month:
    every column of the matrix in sight, no legend label cut, the summary line on one line."""
    from dxdesk.gui.translators import set_language
    from dxdesk.services.demo import populate_demo

    populate_demo(profile)  # real figures: the summary line's counts as wide as they get here
    try:
        for language in ("ja", "en"):
            set_language(qapp, language)
            window = MainWindow(profile)  # today's matrix: the month list is today's
            qtbot.addWidget(window)
            window.resize(1366, 768)
            window.show()
            window.show_global("progress")
            view = window.progress_view()
            assert view.title.text().startswith("標準化" if language == "ja" else "Standard")
            for month in (0, 1):  # the present, then the end of last month (a longer title)
                view.month_box.setCurrentIndex(month)
                view.bottom.setCurrentIndex(1)  # the legend
                QApplication.processEvents()
                where = (language, view.month_box.currentText())
                window.grab().save(str(tmp_path / f"progress-{language}-{month}.png"))
                assert window.minimumSizeHint().width() <= 1366, where
                assert window.width() == 1366, where
                table = view.table
                assert table.horizontalHeader().length() <= table.viewport().width(), where
                for label in view.legend_labels:
                    assert label.isVisible(), (where, label.text())
                    assert label.sizeHint().width() <= label.width(), (where, label.text())
                line = view.phases.fontMetrics().height()
                assert view.phases.height() < 2 * line, (where, view.phases.text())
                assert view.title.sizeHint().width() <= view.title.width(), where
            window.close()
    finally:
        set_language(qapp, "ja")


def test_keyboard_then_range_then_repaint(qtbot: QtBot, profile: Profile) -> None:
    _win, view = _window(qtbot, profile)
    table, model = view.table, view.model
    table.setFocus()
    table.setCurrentIndex(model.index(1, 1))  # 宮崎市, 住民記録
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 2)
    org = model.headerData(2, Qt.Orientation.Vertical)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = view._dialog
    assert isinstance(dialog, CellDialog) and dialog.isVisible()
    assert dialog.detail.org.name == org and dialog.system_code == "02"
    # Steps 1-12 完了済み on 2025-06-30, as one action.
    dialog.first.setValue(1)
    dialog.last.setValue(12)
    dialog.status.setCurrentIndex(dialog.status.findData("完了済み"))
    dialog.on.setDate(QDate(2025, 6, 30))
    with qtbot.waitSignal(view.changed, timeout=2000):
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    rows = profile.database.query(
        "SELECT step_no, status, updated_on FROM step_status WHERE system_code = '02'"
        " ORDER BY step_no"
    )
    assert [(r["step_no"], r["status"], r["updated_on"]) for r in rows] == [
        (n, "完了済み", "2025-06-30") for n in range(1, 13)
    ]
    # The dialog and the matrix show it at once.
    assert dialog.steps.item(11, 3).text() == "完了済み"
    assert model.index(2, 2).data() == "④-3"  # step 12
    assert model.index(2, 0).data() == "2%"  # 12 of 20 x 40 steps: 1.5% -> 2%
    assert model.index(0, 2).data() == "1%"  # 12 of 26 x 40
    dialog.close()
    # Selecting step rows in the dialog fills the range.
    dialog2 = view.open_cell(model.index(2, 2))
    assert isinstance(dialog2, CellDialog)
    dialog2.steps.setRangeSelected(QTableWidgetSelectionRange(4, 0, 7, 5), True)
    assert (dialog2.first.value(), dialog2.last.value()) == (5, 8)
    # The history tab lists the twelve step writes.
    dialog2.tabs.setCurrentWidget(dialog2.history)
    assert dialog2.history.rowCount() == 12
    dialog2.close()
    # The summary cells open nothing.
    assert view.open_cell(model.index(0, 0)) is None
    assert view.open_cell(QModelIndex()) is None


def test_filters(qtbot: QtBot, profile: Profile) -> None:
    ProgressService(profile, TODAY).set_fields("高千穂町", "01", {"planned_go_live": "2026-07-01"})
    _win, view = _window(qtbot, profile)
    assert len(view.shown_org_ids()) == 28
    view.bansou_box.setCurrentIndex(view.bansou_box.findData("survey"))
    names = [
        view.model.headerData(r, Qt.Orientation.Vertical) for r in range(1, view.model.rowCount())
    ]
    assert names == ["宮崎市", "都城市"]
    view.bansou_box.setCurrentIndex(0)
    view.status_box.setCurrentIndex(view.status_box.findData("mark:risk"))
    names = [
        view.model.headerData(r, Qt.Orientation.Vertical) for r in range(1, view.model.rowCount())
    ]
    assert names == ["高千穂町"]


def test_attention_panel_export_vendor_filter_and_home(
    qtbot: QtBot, profile: Profile, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from dxdesk.services.records import RecordService

    svc = ProgressService(profile, TODAY)
    svc.set_fields("高千穂町", "01", {"planned_go_live": "2026-07-01"})  # deadline risk
    svc.set_fields("日之影町", "02", {"special_support": True})  # no reason, no target
    vid = RecordService(profile).add("vendor", {"name": "株式会社テスト電算"}).record_id
    svc.set_fields("日之影町", "02", {"vendor_id": vid})
    window, view = _window(qtbot, profile)
    # The panel lists the service's ranking, beside the matrix, all of it in sight.
    ranked = [(e.org_name, e.system_code) for e in view.entries]
    assert ranked == [("高千穂町", "01"), ("日之影町", "02")]
    panel = view.attention
    assert panel.count() == 2 and "（2件" in view.bottom.tabText(0)
    assert "期限" in panel.item(0).text() and "移行目標時期" in panel.item(1).text()
    assert view.table.horizontalHeader().length() <= view.table.viewport().width()
    assert panel.isVisible() and panel.height() >= 3 * panel.sizeHintForRow(0)
    window.grab().save(str(tmp_path / "progress-attention-1366x768.png"))
    # Enter on an entry opens its cell, even when a filter hides its row.
    view.bansou_box.setCurrentIndex(view.bansou_box.findData("survey"))
    assert "日之影町" not in [
        view.model.headerData(r, Qt.Orientation.Vertical) for r in range(1, view.model.rowCount())
    ]
    panel.setCurrentRow(1)
    panel.itemActivated.emit(panel.item(1))
    dialog = view._dialog
    assert isinstance(dialog, CellDialog) and dialog.isVisible()
    assert (dialog.detail.org.name, dialog.system_code) == ("日之影町", "02")
    dialog.close()
    # The vendor filter, derived from the system records: the one organisation, its one cell.
    box = view.group_box
    box.setCurrentIndex(box.findData(f"vendor:{vid}"))
    assert [view.model.headerData(1, Qt.Orientation.Vertical)] == ["日之影町"]
    assert view.model.rowCount() == 2
    assert view.model.matches(view.model.cell_at(view.model.index(1, 2)))
    assert not view.model.matches(view.model.cell_at(view.model.index(1, 1)))
    # The export writes the organisations shown (here the vendor's one).
    written = view.export_xlsx(str(tmp_path / "進捗"))
    assert written is not None and written.name == "進捗.xlsx"
    rows = list(load_workbook(written)["完了率"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows if r[0]] == ["日之影町"]
    box.setCurrentIndex(0)
    assert view.model.rowCount() == 29
