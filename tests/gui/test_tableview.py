"""RecordTable driven as a user drives it: filters, sorting through the header, the column
chooser, copying rows for Excel, Enter / double-click to open and Delete to delete."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QHeaderView, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.core.model import kind, validate
from dxdesk.gui.models import URGENCY_COLOURS, UrgencyRole
from dxdesk.gui.tableview import DEBOUNCE_MS, RecordTable, tsv_cell
from dxdesk.services.profile import Profile
from dxdesk.services.query import ListQuery, ListService
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)

MIYAZAKI = natural_id("organisation", "452017")  # 宮崎市
NOBEOKA = natural_id("organisation", "452033")  # 延岡市
N_VISITS = 300


@dataclass
class Data:
    profile: Profile
    service: ListService
    visits: list[str]


def _add(profile: Profile, kind_name: str, rows: list[dict[str, object]]) -> list[str]:
    k = kind(kind_name)
    with profile.database.transaction():
        return [profile.records.insert(k, validate(k, r)).record_id for r in rows]


@pytest.fixture
def data(profile: Profile) -> Data:
    rows: list[dict[str, object]] = []
    for i in range(N_VISITS):
        rows.append(
            {
                "date": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                "org_id": MIYAZAKI if i % 3 else NOBEOKA,
                "mode": ("訪問", "オンライン", "電話")[i % 3],
                "title": f"訪問 {i:03d}",
                "notes": "住民記録システムの標準化を確認" if i % 4 == 0 else "定例の打合せ",
            }
        )
    ids = _add(profile, "visit", rows)
    statuses = ("未対応", "対応中", "完了", "保留")
    _add(
        profile,
        "issue",
        [{"org_id": MIYAZAKI, "title": f"課題 {i}", "status": statuses[i % 4]} for i in range(20)],
    )
    return Data(profile, ListService(profile), ids)


@pytest.fixture
def table(qtbot: QtBot, data: Data) -> Iterator[RecordTable]:
    widget = RecordTable(data.service, "visit")
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _commit(widget: QWidget, text: str) -> None:
    """Type Japanese the way an input method does (keyClicks cannot)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _select_rows(table: RecordTable, rows: list[int]) -> None:
    table.view.clearSelection()
    selection = table.view.selectionModel()
    for row in rows:
        selection.select(
            table.model.index(row, 0),
            selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
        )
    selection.setCurrentIndex(table.model.index(rows[-1], 0), selection.SelectionFlag.NoUpdate)


# ------------------------------------------------------------------ filters


def test_count_label(table: RecordTable) -> None:
    assert table.count_label.text() == f"全 {N_VISITS} 件"
    assert table.model.total() == N_VISITS
    assert table.model.rowCount() < N_VISITS  # lazily fetched


def test_status_filter(qtbot: QtBot, data: Data) -> None:
    table = RecordTable(data.service, "issue")
    qtbot.addWidget(table)
    items = [table.status_combo.itemText(i) for i in range(table.status_combo.count())]
    assert items == ["すべての状態", "未完了", "未対応", "対応中", "完了", "保留"]
    # The list opens on the open issues (issue 15), and says so in the bar.
    assert table.status_combo.currentText() == "未完了"
    assert table.model.query().statuses == ("未対応", "対応中", "保留")
    assert table.model.total() == 15
    table.status_combo.setCurrentIndex(0)
    assert table.model.total() == 20
    table.status_combo.setCurrentIndex(items.index("完了"))
    assert table.model.query().statuses == ("完了",)
    assert table.model.total() == 5
    assert table.count_label.text() == "全 5 件"
    table.status_combo.setCurrentIndex(items.index("未完了"))
    assert table.model.query().statuses == ("未対応", "対応中", "保留")
    assert table.model.total() == 15
    table.status_combo.setCurrentIndex(0)
    assert table.model.query().statuses == ()
    assert table.model.total() == 20


def test_kinds_without_status_or_period_hide_those_filters(qtbot: QtBot, data: Data) -> None:
    visits = RecordTable(data.service, "visit")
    staff = RecordTable(data.service, "staff")
    for widget in (visits, staff):
        qtbot.addWidget(widget)
    assert visits.status_combo.isHidden()
    assert not visits.date_from_edit.isHidden()
    assert staff.date_from_edit.isHidden() and staff.org_combo.isHidden()


def test_org_filter(table: RecordTable) -> None:
    names = [table.org_combo.itemText(i) for i in range(table.org_combo.count())]
    assert names[0] == "すべての団体"
    assert len(names) == 29
    table.org_combo.setCurrentIndex(names.index("延岡市"))
    assert table.model.query().org_id == NOBEOKA
    assert table.model.total() == N_VISITS // 3
    table.set_org(MIYAZAKI)
    assert table.org_combo.currentText() == "宮崎市"
    assert table.model.total() == N_VISITS - N_VISITS // 3


def test_text_filter_with_an_input_method_is_debounced(qtbot: QtBot, table: RecordTable) -> None:
    table.filter_edit.setFocus()
    _commit(table.filter_edit, "標準化")
    assert table.filter_edit.text() == "標準化"
    assert table.model.query().text == ""  # not on every keystroke
    qtbot.waitUntil(lambda: table.model.query().text == "標準化", timeout=DEBOUNCE_MS * 8)
    assert table.model.total() == N_VISITS // 4
    assert table.count_label.text() == f"全 {N_VISITS // 4} 件"
    # Two characters go through LIKE, combined with the first term.
    _commit(table.filter_edit, " 住民")
    qtbot.waitUntil(lambda: table.model.query().text == "標準化 住民", timeout=DEBOUNCE_MS * 8)
    assert table.model.total() == N_VISITS // 4
    table.filter_edit.clear()
    qtbot.waitUntil(lambda: table.model.query().text == "", timeout=DEBOUNCE_MS * 8)
    assert table.model.total() == N_VISITS


def test_period_accepts_iso_and_wareki(qtbot: QtBot, table: RecordTable) -> None:
    table.date_from_edit.setText("令和7年11月1日")
    qtbot.keyClick(table.date_from_edit, Qt.Key.Key_Return)
    table.date_to_edit.setText("2025-11-30")
    qtbot.keyClick(table.date_to_edit, Qt.Key.Key_Return)
    query = table.model.query()
    assert (query.date_from, query.date_to) == ("2025-11-01", "2025-11-30")
    assert table.model.total() == N_VISITS // 12
    assert table.date_hint.isHidden()


def test_a_bad_date_shows_a_red_hint_and_is_not_applied(qtbot: QtBot, table: RecordTable) -> None:
    table.date_from_edit.setText("2025-04-01")
    qtbot.keyClick(table.date_from_edit, Qt.Key.Key_Return)
    assert table.model.query().date_from == "2025-04-01"
    total = table.model.total()

    table.date_from_edit.setText("2025-13-45")
    qtbot.keyClick(table.date_from_edit, Qt.Key.Key_Return)
    assert not table.date_hint.isHidden()
    assert "日付を読み取れません" in table.date_hint.text()
    assert "c62828" in table.date_from_edit.styleSheet()
    assert table.model.query().date_from == "2025-04-01"  # the last good period stays
    assert table.model.total() == total

    # The other filters still apply while the period is wrong.
    table.org_combo.setCurrentIndex(1)
    assert table.model.query().org_id is not None
    assert table.model.query().date_from == "2025-04-01"

    # An end before the start is refused the same way.
    table.date_from_edit.setText("2025-12-01")
    table.date_to_edit.setText("2025-11-01")
    qtbot.keyClick(table.date_to_edit, Qt.Key.Key_Return)
    assert "終了日が開始日より前" in table.date_hint.text()
    assert "c62828" in table.date_to_edit.styleSheet()
    assert table.model.query().date_to is None

    table.date_to_edit.setText("R7.12.31")
    qtbot.keyClick(table.date_to_edit, Qt.Key.Key_Return)
    assert table.date_hint.isHidden()
    assert table.date_to_edit.styleSheet() == ""
    assert (table.model.query().date_from, table.model.query().date_to) == (
        "2025-12-01",
        "2025-12-31",
    )


def test_set_query_fixes_the_organisation(qtbot: QtBot, table: RecordTable) -> None:
    table.set_query(ListQuery(kind="visit", org_id=NOBEOKA))
    assert table.org_combo.isHidden()
    assert table.model.total() == N_VISITS // 3
    table.model.fetchMore(table.model.index(-1, -1))
    assert {table.model.record(r)["org_id"] for r in range(table.model.rowCount())} == {NOBEOKA}
    table.set_query(ListQuery(kind="visit"))
    assert not table.org_combo.isHidden()
    assert table.model.total() == N_VISITS
    with pytest.raises(ValueError):
        table.set_query(ListQuery(kind="issue"))


# ------------------------------------------------------------------ sorting and columns


def test_header_click_sorts_in_sql(qtbot: QtBot, table: RecordTable) -> None:
    header = table.view.horizontalHeader()
    title = table.model.columns().index("title")
    assert table.model.query().order_by is None  # newest first by date
    assert header.sortIndicatorSection() == table.model.columns().index("date")
    pos = QPoint(header.sectionViewportPosition(title) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = table.model.query()
    assert first.order_by == "title"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    second = table.model.query()
    assert second.order_by == "title"
    assert second.descending != first.descending
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    expected = "訪問 299" if second.descending else "訪問 000"
    assert table.model.record(0)["title"] == expected


def test_columns_have_fixed_widths(table: RecordTable) -> None:
    header = table.view.horizontalHeader()
    columns = table.model.columns()
    for column in range(header.count()):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
    date_width = header.sectionSize(columns.index("date"))
    assert 60 < date_width < header.sectionSize(columns.index("title"))
    assert table.view.alternatingRowColors()
    assert table.view.selectionMode() == table.view.SelectionMode.ExtendedSelection


def _actions(menu: QMenu) -> dict[str, QAction]:
    return {str(a.data()): a for a in menu.actions() if a.data()}


def test_column_chooser_hides_and_shows_columns(table: RecordTable) -> None:
    header = table.view.horizontalHeader()
    menu = table.column_menu()
    actions = _actions(menu)
    assert set(actions) == set(kind("visit").field_names)
    assert actions["title"].isChecked() and not actions["notes"].isChecked()
    actions["notes"].trigger()
    assert table.model.columns()[-1] == "notes"
    shown = len(kind("visit").list_columns)
    assert header.count() == shown + 1
    assert table.model.headerData(shown, Qt.Orientation.Horizontal) == "内容・記録"
    actions["mode"].trigger()
    assert "mode" not in table.model.columns()
    assert header.count() == shown

    # The last column cannot be hidden.
    table.model.set_columns(["title"])
    only = _actions(table.column_menu())["title"]
    assert not only.isEnabled()

    reset = next(a for a in table.column_menu().actions() if a.text() == "既定の列に戻す")
    reset.trigger()
    assert table.model.columns() == list(kind("visit").list_columns)


def test_header_context_menu_opens_the_chooser(qtbot: QtBot, table: RecordTable) -> None:
    header = table.view.horizontalHeader()
    header.customContextMenuRequested.emit(QPoint(10, 5))
    menus = [m for m in table.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    assert len(_actions(menus[0])) == len(kind("visit").fields)
    menus[0].close()


def test_column_state_round_trip(qtbot: QtBot, data: Data, table: RecordTable) -> None:
    table.model.set_column_visible("notes", True)
    table.view.horizontalHeader().resizeSection(0, 150)
    state = table.column_state()
    assert state["columns"][-1] == "notes"
    assert state["widths"]["date"] == 150
    other = RecordTable(data.service, "visit")
    qtbot.addWidget(other)
    other.restore_column_state(state)
    assert other.model.columns() == state["columns"]
    assert other.view.horizontalHeader().sectionSize(0) == 150


# ------------------------------------------------------------------ copy, open, delete


def test_copy_selected_rows_as_tsv(qtbot: QtBot, data: Data) -> None:
    visit_id = _add(
        data.profile,
        "visit",
        [
            {
                "date": "2025-11-25",
                "org_id": MIYAZAKI,
                "mode": "訪問",
                "title": "あ\tい",  # a tab inside a one-line field
                "notes": "一行目\n二行目\r\n三行目",
            }
        ],
    )[0]
    table = RecordTable(
        data.service,
        ListQuery("visit", org_id=MIYAZAKI, order_by="title", descending=False),
        columns=["date", "org_id", "title", "notes"],
    )
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: table.model.rowCount() > 1)
    assert table.model.row_of(visit_id) == 0  # 「あ」 sorts before 「訪問」
    _select_rows(table, [1, 0])
    table.view.setFocus()
    QApplication.clipboard().clear()
    qtbot.keyClick(table.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    second = table.model.record(1)
    expected = (
        "日付\t団体\t件名\t内容・記録\n"
        "2025-11-25\t宮崎市\tあ い\t一行目 二行目 三行目\n"
        f"{second['date']}\t宮崎市\t{second['title']}\t{second['notes']}\n"
    )
    assert QApplication.clipboard().text() == expected
    # The same through the context menu.
    QApplication.clipboard().clear()
    copy = next(a for a in table.row_menu().actions() if a.text().startswith("コピー"))
    copy.trigger()
    assert QApplication.clipboard().text() == expected


def test_copy_follows_the_columns_as_shown(qtbot: QtBot, table: RecordTable) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    header = table.view.horizontalHeader()
    header.moveSection(header.visualIndex(table.model.columns().index("title")), 0)
    _select_rows(table, [0])
    text = table.selection_tsv()
    assert text.splitlines()[0] == "件名\t日付\t団体\t形態\t目的\t支援の種類"
    assert text.splitlines()[1].startswith(str(table.model.record(0)["title"]) + "\t")


def test_tsv_cell() -> None:
    assert tsv_cell("a\tb\nc\r\nd") == "a b c d"
    assert tsv_cell('"引用"で始まる') == '"""引用""で始まる"'
    assert tsv_cell('途中の"引用"') == '途中の"引用"'


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_opens_the_current_row(qtbot: QtBot, table: RecordTable, key: Qt.Key) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 3)
    table.view.setFocus()
    table.view.selectRow(3)
    with qtbot.waitSignal(table.open_requested, timeout=1000) as blocker:
        qtbot.keyClick(table.view, key)
    assert blocker.args == ["visit", table.model.record_id(3)]


def test_double_click_opens_the_row(qtbot: QtBot, table: RecordTable) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 5)
    index = table.model.index(5, 2)
    pos = table.view.visualRect(index).center()
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    with qtbot.waitSignal(table.open_requested, timeout=1000) as blocker:
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["visit", table.model.record_id(5)]


def test_delete_key_asks_to_delete_the_selected_rows(qtbot: QtBot, table: RecordTable) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 5)
    _select_rows(table, [1, 4, 2])
    table.view.setFocus()
    with qtbot.waitSignal(table.delete_requested, timeout=1000) as blocker:
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    ids = [table.model.record_id(r) for r in (1, 2, 4)]
    assert blocker.args == ["visit", ids]
    # Nothing selected: nothing asked.
    table.view.clearSelection()
    with qtbot.assertNotEmitted(table.delete_requested):
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)


def test_refresh_after_a_delete_keeps_the_selection(
    qtbot: QtBot, data: Data, table: RecordTable
) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 5)
    keep = table.model.record_id(4)
    gone = table.model.record_id(1)
    _select_rows(table, [4])
    RecordService(data.profile).delete("visit", gone)
    table.refresh()
    assert table.model.row_of(gone) is None
    assert table.count_label.text() == f"全 {N_VISITS - 1} 件"
    assert table.selected_ids() == [keep]
    assert table.model.record_id(table.view.currentIndex().row()) == keep


def test_grab_at_1366x768(qtbot: QtBot, table: RecordTable) -> None:
    qtbot.waitUntil(lambda: table.model.rowCount() > 0)
    image = table.grab()
    assert (image.width(), image.height()) == (1366, 768)
    # Every filter and the count fit in the bar at this width.
    for widget in (table.org_combo, table.date_from_edit, table.date_to_edit, table.count_label):
        right = widget.mapTo(table, QPoint(widget.width(), 0)).x()
        assert right <= table.width()
    assert table.filter_edit.width() >= table.fontMetrics().horizontalAdvance("あ" * 14)


def test_window_shortcuts_do_not_take_the_tables_keys(qtbot: QtBot, data: Data) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    table = RecordTable(data.service, "visit")
    window.setCentralWidget(table)
    stolen: list[str] = []
    for key in (QKeySequence.StandardKey.Copy, QKeySequence(Qt.Key.Key_Delete)):
        action = QAction("window", window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda *_, k=key: stolen.append(str(k)))
        window.addAction(action)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: table.model.rowCount() > 2)
    table.view.setFocus()
    _select_rows(table, [2])
    with qtbot.waitSignal(table.delete_requested, timeout=1000):
        qtbot.keyClick(table.view, Qt.Key.Key_Delete)
    QApplication.clipboard().clear()
    qtbot.keyClick(table.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text().startswith("日付\t団体")
    assert stolen == []


def test_a_query_given_at_creation_shows_in_the_bar(qtbot: QtBot, data: Data) -> None:
    query = ListQuery("issue", statuses=("完了",), text="課題", date_from="2025-04-01")
    table = RecordTable(data.service, query)
    qtbot.addWidget(table)
    assert table.status_combo.currentText() == "完了"
    assert table.filter_edit.text() == "課題"
    assert table.date_from_edit.text() == "2025-04-01"
    table.apply_filters()
    assert table.model.query().statuses == ("完了",)
    assert table.model.query().text == "課題"


def test_overdue_and_high_priority_rows_are_coloured_with_a_legend(
    qtbot: QtBot, profile: Profile
) -> None:
    svc = RecordService(profile)
    late = (today_jst() - timedelta(days=1)).isoformat()
    soon = (today_jst() + timedelta(days=5)).isoformat()
    for title, values in (
        ("期限切れ", {"due_date": late, "priority": "低"}),
        ("重要", {"due_date": soon, "priority": "高"}),
        ("普通", {"due_date": soon, "priority": "中"}),
        ("完了済み", {"due_date": late, "priority": "高", "status": "完了"}),
    ):
        svc.add("issue", {"org_id": MIYAZAKI, "title": title, **values})
    table = RecordTable(ListService(profile), "issue")
    qtbot.addWidget(table)
    table.resize(1200, 400)
    table.show()
    qtbot.waitUntil(lambda: table.model.rowCount() == 3)  # 未完了: the done one is not listed
    model = table.model
    title_col = model.columns().index("title")
    by_title = {
        model.data(model.index(r, title_col)): (
            model.data(model.index(r, 0), UrgencyRole),
            model.data(model.index(r, title_col), Qt.ItemDataRole.BackgroundRole),
            model.data(model.index(r, 0), Qt.ItemDataRole.ToolTipRole),
        )
        for r in range(model.rowCount())
    }
    assert by_title["期限切れ"][0] == "overdue" and by_title["重要"][0] == "high"
    assert by_title["期限切れ"][1].color() == URGENCY_COLOURS["overdue"]
    assert by_title["重要"][1].color() == URGENCY_COLOURS["high"]
    assert by_title["普通"][:2] == (None, None)
    assert "期限超過" in by_title["期限切れ"][2] and "優先度 高" in by_title["重要"][2]
    assert [w.text() for w in table.legend] == ["期限超過", "優先度 高"]
    assert all(w.isVisible() for w in table.legend)
    # All statuses: the done one is listed, uncoloured.
    table.status_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    done = next(r for r in range(4) if model.data(model.index(r, title_col)) == "完了済み")
    assert model.data(model.index(done, 0), UrgencyRole) is None
