"""週間工数 driven as a user would: quick add, typing hours into cells, corrections, refusals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.core.model import kind, validate
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.timegrid import LEAD_COLUMNS, WeekView
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService
from dxdesk.services.timesheet import week_start
from tests.gui.test_flow import commit_text

TODAY = today_jst()

# The offscreen plugin cannot raise popups or grab the keyboard (the completer) and says so.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    # A second staff member whose name sorts first: the chooser must still pick the owner.
    RecordService(profile).add("staff", {"name": "一ノ瀬 光", "role": "専門人材"})
    w = MainWindow(profile)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    w.hide()


def week_view(window: MainWindow) -> WeekView:
    window.show_global("week")
    view = window.week_view()
    assert window.stack.currentWidget() is view
    return view


def live_hours(profile: Profile) -> list[float]:
    rows = profile.database.query('SELECT hours FROM "time" WHERE _deleted = 0 ORDER BY rid', ())
    return [float(r["hours"]) for r in rows]


def type_into_cell(qtbot: QtBot, view: WeekView, index: QModelIndex, text: str) -> None:
    """Select the cell, F2 to edit (as the keyboard does), type, Enter."""
    table = view.table
    table.setFocus()
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Enter through a queued call.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    qtbot.waitUntil(lambda: not view.model.pending, timeout=2000)


def quick_add(
    qtbot: QtBot, view_quick: object, org: str, hours: str, *, on_site: bool = False
) -> None:
    bar = view_quick
    bar.date.set_value(TODAY.isoformat())  # type: ignore[attr-defined]
    bar.org.line.clear()  # type: ignore[attr-defined]  # the bar keeps the last organisation
    commit_text(bar.org.line, org)  # type: ignore[attr-defined]
    bar.on_site.setChecked(on_site)  # type: ignore[attr-defined]
    bar.hours.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClicks(bar.hours, hours)  # type: ignore[attr-defined]
    qtbot.keyClick(bar.hours, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def test_quick_add_then_correct_a_cell_and_the_month_grid_follows(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    view = week_view(window)
    assert view.staff.currentText() == "山田 太郎"  # the profile's own staff record
    assert view.model.rowCount() == 1  # only the totals row

    quick_add(qtbot, view.quick, "高千穂町", "1:30", on_site=True)
    assert not view.quick.error.isVisible(), view.quick.error.text()
    assert view.quick.hours.text() == ""  # ready for the next entry
    model = view.model
    assert model.rowCount() == 2
    column = LEAD_COLUMNS + TODAY.weekday()
    cell = model.index(0, column)
    assert model.data(cell) == "1.5"
    assert model.data(model.index(0, 0)) == "高千穂町"
    assert model.data(model.index(0, 2)) == "現地"
    assert "現地" in model.headerData(column, Qt.Orientation.Horizontal)
    assert model.data(model.index(1, column)) == "1.5"  # day total
    assert "合計 1.5 時間" in view.caption.text()

    # Typing a new value into the cell writes a correction; the old entry stays, uncounted.
    type_into_cell(qtbot, view, cell, "2.5")
    assert model.data(model.index(0, column)) == "2.5"
    assert model.data(model.index(0, LEAD_COLUMNS + 7)) == "2.5"
    assert live_hours(profile) == [1.5, 2.5]
    entries = RecordService(profile).list_records("time")
    assert len(entries) == 1 and entries[0]["supersedes"] is not None

    # The month grid (工数) counts the correction only.
    window.show_global("hours")
    grid = window.grid_view.model
    org_row = next(
        r
        for r in range(grid.rowCount())
        if grid.headerData(r, Qt.Orientation.Vertical) == "高千穂町"
    )
    total_col = grid.columnCount() - 2  # 工数計（時間）
    if TODAY.strftime("%Y-%m") == window.month:
        assert grid.data(grid.index(org_row, total_col)) == "2.5"
        assert grid.data(grid.index(org_row, total_col - 1)) == "1"  # one day on site


def test_bad_input_and_a_day_over_24_hours_are_shown_beside_the_cell(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    view = week_view(window)
    quick_add(qtbot, view.quick, "日向市", "20")
    quick_add(qtbot, view.quick, "高千穂町", "2")
    model = view.model
    column = LEAD_COLUMNS + TODAY.weekday()
    takachiho = next(
        r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "高千穂町"
    )
    cell = model.index(takachiho, column)

    type_into_cell(qtbot, view, cell, "abc")
    assert view.bubble.isVisible() and "1:30" in view.bubble.text()
    rect = view.table.visualRect(cell)
    assert (
        view.bubble.geometry().left() >= rect.right()
        or view.bubble.geometry().right() <= rect.left()
    )
    assert abs(view.bubble.geometry().top() - rect.top()) < 2  # on the cell's line

    type_into_cell(qtbot, view, cell, "5")
    assert view.bubble.isVisible() and "24時間" in view.bubble.text()
    assert model.data(model.index(takachiho, column)) == "2"
    assert live_hours(profile) == [20.0, 2.0]  # nothing written

    # The quick-add bar refuses the same, under itself.
    quick_add(qtbot, view.quick, "高千穂町", "3")
    assert view.quick.error.isVisible() and "24時間" in view.quick.error.text()
    assert live_hours(profile) == [20.0, 2.0]

    # Emptying a cell clears it: the row goes, the entry is tombstoned.
    type_into_cell(qtbot, view, model.index(takachiho, column), "")
    assert not view.bubble.isVisible()
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["日向市", "日計"]
    assert live_hours(profile) == [20.0]


def test_week_navigation_and_staff_chooser(qtbot: QtBot, window: MainWindow) -> None:
    view = week_view(window)
    this_monday = week_start(TODAY)
    assert view.model.week is not None and view.model.week.start == this_monday
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert view.model.week.start == this_monday - timedelta(days=7)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.model.week.start == this_monday + timedelta(days=7)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.model.week.start == this_monday
    monday = view.model.headerData(LEAD_COLUMNS, Qt.Orientation.Horizontal)
    assert monday.split("\n")[0] == f"{this_monday.month}/{this_monday.day}(月)"

    quick_add(qtbot, view.quick, "日向市", "3")
    view.staff.setCurrentIndex(view.staff.findText("一ノ瀬 光"))
    assert view.model.rowCount() == 1 and view.quick.staff_id == view.staff.currentData()
    quick_add(qtbot, view.quick, "日向市", "1")
    view.staff.setCurrentIndex(view.staff.findText("山田 太郎"))
    assert view.model.week is not None and view.model.week.total == 3


def test_two_devices_correcting_one_entry_is_a_visible_warning(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    records = RecordService(profile)
    staff = next(s for s, n in week_view(window).service.staff() if n == "山田 太郎")
    hyuga = records.resolve_org("日向市")
    base = records.add(
        "time", {"date": TODAY.isoformat(), "staff_id": staff, "org_id": hyuga, "hours": 2}
    )
    time_kind = kind("time")
    for hours in (3, 4):
        record = validate(
            time_kind,
            {"date": TODAY.isoformat(), "staff_id": staff, "org_id": hyuga, "hours": hours},
        )
        record["supersedes"] = base.record_id
        with profile.database.transaction():
            profile.records.insert(time_kind, record)
    view = week_view(window)
    view.refresh()
    assert view.warnings.isVisible() and "複数の端末" in view.warnings.text()
    model = view.model
    column = LEAD_COLUMNS + TODAY.weekday()
    assert model.data(model.index(0, column)) == "4"  # the later correction, counted once

    type_into_cell(qtbot, view, model.index(0, column), "3.5")
    assert not view.warnings.isVisible(), view.warnings.text()
    assert model.data(model.index(0, column)) == "3.5"


def test_quick_add_in_the_organisations_time_tab(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    org = RecordService(profile).resolve_org("綾町")
    window.select_org(org)
    window.org_tabs.setCurrentWidget(window._time_page)  # the 工数 tab
    bar = window.org_time
    assert bar.isVisible()
    assert bar.org.value() == org  # preset to the selected organisation
    bar.date.set_value(date(2025, 11, 25).isoformat())
    bar.hours.setFocus()
    qtbot.keyClicks(bar.hours, "0.75")
    qtbot.keyClick(bar.hours, Qt.Key.Key_Return)
    assert not bar.error.isVisible(), bar.error.text()
    qtbot.waitUntil(lambda: window.org_tables["time"].model.total() == 1)
    entry = RecordService(profile).list_records("time", org=org)[0]
    assert entry["hours"] == 0.75 and entry["date"] == "2025-11-25"


def test_a_visit_on_site_marks_its_day_in_the_week_and_month_grids(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    # A 訪問 visit is a day on site for the person who made it (store/meanings.py), even before
    # its hours are entered: the week's header says so, as the month grid and the badge do.
    records = RecordService(profile)
    records.add("visit", {"date": TODAY.isoformat(), "org_id": "高千穂町", "title": "定例訪問"})
    view = week_view(window)
    view.show_week(TODAY)
    column = LEAD_COLUMNS + TODAY.weekday()
    assert "現地" in view.model.headerData(column, Qt.Orientation.Horizontal)
    others = [c for c in range(LEAD_COLUMNS, LEAD_COLUMNS + 7) if c != column]
    assert all("現地" not in view.model.headerData(c, Qt.Orientation.Horizontal) for c in others)
    window.show_global("hours")
    if TODAY.strftime("%Y-%m") == window.month:
        grid = window.grid_view.model
        org_row = next(
            r
            for r in range(grid.rowCount())
            if grid.headerData(r, Qt.Orientation.Vertical) == "高千穂町"
        )
        days_col = grid.columnCount() - 3  # 現地日数
        assert grid.data(grid.index(org_row, days_col)) == "1"


def test_holidays_closed_days_and_empty_open_days_are_marked_and_quick_add_follows(
    qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    # The week of 2025-11-03 (月, 文化の日) with 11/5 a 臨時閉庁日 and hours only on 11/4.
    svc = RecordService(profile)
    svc.add("closed_day", {"date": "2025-11-05", "reason": "庁舎点検"})
    me = str(profile.meta["owner_staff_id"])
    svc.add("time", {"date": "2025-11-04", "staff_id": me, "hours": 7, "activity": "資料作成"})
    view = week_view(window)
    view.show_week(date(2025, 11, 3))
    model = view.model

    def header(day: int) -> str:
        return str(model.headerData(LEAD_COLUMNS + day - 3, Qt.Orientation.Horizontal))

    assert model.data(model.index(0, 1)) == "資料作成"  # the activity, a choice of the model
    assert model.data(model.index(0, 0)) == "（団体なし）"  # hours of no organisation
    assert header(3) == "11/3(月)\n文化の日"
    assert header(4) == "11/4(火)"
    assert header(5) == "11/5(水)\n臨時閉庁日"
    assert header(6) == header(7).replace("11/7(金)", "11/6(木)") == "11/6(木)\n未入力"
    assert header(8) == "11/8(土)"  # an ordinary Saturday: the weekday says it
    # The closed days' cells are shaded, an open day's are not; the empty day's total is.
    total_row = model.rowCount() - 1
    shaded = [
        model.data(model.index(0, LEAD_COLUMNS + i), Qt.ItemDataRole.BackgroundRole) is not None
        for i in range(7)
    ]
    assert shaded == [True, False, True, False, False, True, True]
    total_bg = model.data(model.index(total_row, LEAD_COLUMNS + 3), Qt.ItemDataRole.BackgroundRole)
    assert total_bg is not None
    # The quick-add date is in the week shown: the first empty 開庁日.
    assert view.quick.date.current_date() == date(2025, 11, 6)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.quick.date.current_date() == date(2025, 11, 10)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.quick.date.current_date() == TODAY


def test_the_activity_and_the_holiday_are_shown_in_english(
    english_window: None, qtbot: QtBot, window: MainWindow, profile: Profile
) -> None:
    """A choice of the model (作業区分) reads in the window's language, in the grid and in the
    quick-add bar; what is stored stays the model's Japanese value."""
    me = str(profile.meta["owner_staff_id"])
    RecordService(profile).add(
        "time", {"date": "2025-11-04", "staff_id": me, "hours": 7, "activity": "資料作成"}
    )
    view = week_view(window)
    view.show_week(date(2025, 11, 3))
    assert view.model.data(view.model.index(0, 1)) == "Document preparation"
    assert view.model.data(view.model.index(0, 0)) == "(no organisation)"
    # The closed day's name too (a holiday as jpholiday names it, in the .ts context Holiday).
    head = view.model.headerData(LEAD_COLUMNS, Qt.Orientation.Horizontal)
    assert head == "11/3(Mon)\nCulture Day"
    combo = view.quick.activity.combo
    index = combo.findData("資料作成")
    assert index >= 0 and combo.itemText(index) == "Document preparation"
