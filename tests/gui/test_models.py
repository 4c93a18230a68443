"""RecordTableModel: a correct Qt model (qtmodeltester) that fetches pages lazily, sorts and
filters in SQL, and never shows deleted rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dxdesk.core.model import kind, validate
from dxdesk.errors import ValidationError
from dxdesk.gui.models import PAGE_SIZE, RecordIdRole, RecordTableModel
from dxdesk.services.profile import Profile
from dxdesk.services.query import ListQuery, ListService
from dxdesk.services.records import RecordService

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$"
)

LONG_NOTE = "住民記録システムの標準化について\n移行スケジュールを確認した。" + "詳細。" * 120


def add_visits(profile: Profile, n: int, *, note: str = "定例の確認") -> list[str]:
    """n visits over FY2025, newest last, in one transaction (the store's own write path)."""
    visit = kind("visit")
    orgs = [r["id"] for r in profile.database.query("SELECT id FROM organisation ORDER BY rid")]
    start = date(2025, 4, 1)
    ids = []
    with profile.database.transaction():
        for i in range(n):
            values = validate(
                visit,
                {
                    "date": (start + timedelta(days=i * 365 // max(n, 1))).isoformat(),
                    "org_id": orgs[i % len(orgs)],
                    "mode": ("訪問", "オンライン", "電話")[i % 3],
                    "title": f"定例訪問 第{i}回",
                    "notes": LONG_NOTE if i % 10 == 0 else note,
                    "hours": (i % 8) / 2 + 0.5,
                },
            )
            ids.append(profile.records.insert(visit, values).record_id)
    return ids


@pytest.fixture
def service(profile: Profile) -> ListService:
    return ListService(profile)


def test_model_passes_the_model_tester(
    profile: Profile, service: ListService, qtmodeltester: ModelTester
) -> None:
    add_visits(profile, 450)
    model = RecordTableModel(service, ListQuery("visit"))
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    qtmodeltester.check(model)


def test_model_tester_after_changes(
    profile: Profile, service: ListService, qtmodeltester: ModelTester
) -> None:
    ids = add_visits(profile, 300)
    model = RecordTableModel(service, ListQuery("visit"))
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    model.set_query(ListQuery("visit", text="第1"))
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.set_column_visible("notes", True)
    model.set_column_visible("mode", False)
    qtmodeltester.check(model)
    model.set_columns(["title", "date"])
    qtmodeltester.check(model)
    RecordService(profile).delete("visit", ids[1])
    model.refresh()
    qtmodeltester.check(model)
    model.set_query(ListQuery("visit", text="該当なしの文字列"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)
    model.set_query(ListQuery("issue"))  # another kind: columns change too
    qtmodeltester.check(model)


def test_columns_and_japanese_headers(profile: Profile, service: ListService) -> None:
    add_visits(profile, 3)
    model = RecordTableModel(service, ListQuery("visit"))
    assert model.columns() == list(kind("visit").list_columns)
    labels = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(model.columnCount())
    ]
    assert labels == ["日付", "団体", "形態", "目的", "支援の種類", "件名"]
    model.set_columns(["title", "hours"])
    assert model.header_labels() == ["件名", "時間"]
    with pytest.raises(ValueError):
        model.set_columns([])
    with pytest.raises(Exception, match=r"unknown_field|項目"):
        model.set_columns(["title", "rid"])


def test_rows_are_fetched_a_page_at_a_time(profile: Profile, service: ListService) -> None:
    add_visits(profile, 450)
    model = RecordTableModel(service, ListQuery("visit"))
    assert model.total() == 450
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    ids = [model.record_id(r) for r in range(model.rowCount())]
    assert ids == [str(r["id"]) for r in service.page(ListQuery("visit"), 0, 1000)]


def test_a_shown_view_fetches_far_fewer_than_all_rows(
    qtbot: QtBot, profile: Profile, service: ListService
) -> None:
    add_visits(profile, 5_000)
    model = RecordTableModel(service, ListQuery("visit"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(50)  # let the view's deferred fetchMore run
    assert model.total() == 5_000
    assert 0 < model.rowCount() <= 2 * PAGE_SIZE
    # Scrolling to the end fetches the next page, not everything.
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)
    assert model.rowCount() <= 3 * PAGE_SIZE
    # Sorting through the header is a new query: the rows go, the first page comes back.
    title = model.columns().index("title")
    view.sortByColumn(title, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.rowCount() <= 2 * PAGE_SIZE
    assert model.query().order_by == "title"
    assert model.data(model.index(0, title)) == "定例訪問 第0回"


def test_sort_orders_in_sql(profile: Profile, service: ListService) -> None:
    add_visits(profile, 250)
    model = RecordTableModel(service, ListQuery("visit"))
    model.sort(model.columns().index("title"), Qt.SortOrder.DescendingOrder)
    assert model.query().order_by == "title"
    assert model.query().descending
    model.fetchMore(QModelIndex())
    titles = [model.record(r)["title"] for r in range(model.rowCount())]
    expected = service.page(ListQuery("visit", order_by="title"), 0, PAGE_SIZE)
    assert titles == [r["title"] for r in expected]
    assert model.sort_column() == model.columns().index("title")
    assert model.sort_order() == Qt.SortOrder.DescendingOrder
    # The date column newest first is the default order; -1 also means the default.
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.query().order_by is None
    assert model.sort_column() == 0
    model.sort(-1, Qt.SortOrder.AscendingOrder)
    assert model.query().order_by is None


def test_set_query_resets_and_counts(qtbot: QtBot, profile: Profile, service: ListService) -> None:
    add_visits(profile, 300)
    model = RecordTableModel(service, ListQuery("visit"))
    model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.count_changed) as blocker:
        model.set_query(ListQuery("visit", date_from="2025-04-01", date_to="2025-04-30"))
    assert blocker.args == [model.total()]
    assert 0 < model.total() < 300
    assert model.rowCount() == 0  # nothing fetched until a view asks
    model.fetchMore(QModelIndex())
    assert all(
        "2025-04-01" <= str(model.record(r)["date"]) <= "2025-04-30"
        for r in range(model.rowCount())
    )


def test_a_refused_query_leaves_the_model_as_it_was(profile: Profile, service: ListService) -> None:
    add_visits(profile, 20)
    model = RecordTableModel(service, ListQuery("visit"))
    model.fetchMore(QModelIndex())
    before = model.query()
    with pytest.raises(ValidationError):
        model.set_query(ListQuery("visit", date_from="2025-02-30"))
    assert model.query() == before
    assert model.rowCount() == 20


def test_refresh_keeps_the_fetched_rows_and_sees_changes(
    profile: Profile, service: ListService
) -> None:
    ids = add_visits(profile, 500)
    model = RecordTableModel(service, ListQuery("visit"))
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE_SIZE
    records = RecordService(profile)
    newest = ids[-1]
    records.edit("visit", newest, {"title": "変更後の件名"})
    records.delete("visit", ids[-2])
    model.refresh()
    assert model.rowCount() == 2 * PAGE_SIZE
    assert model.total() == 499
    row = model.row_of(newest)
    assert row is not None
    assert model.record(row)["title"] == "変更後の件名"
    assert model.row_of(ids[-2]) is None


def test_deleted_rows_are_never_shown(profile: Profile, service: ListService) -> None:
    ids = add_visits(profile, 30)
    RecordService(profile).delete("visit", ids[5])
    model = RecordTableModel(service, ListQuery("visit", include_deleted=True))
    assert not model.query().include_deleted
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 29
    assert model.row_of(ids[5]) is None
    model.set_query(replace(model.query(), include_deleted=True, text="第5回"))
    assert model.total() == 0


def test_roles(profile: Profile, service: ListService) -> None:
    add_visits(profile, 20)
    model = RecordTableModel(service, ListQuery("visit", order_by="title", descending=False))
    model.set_columns(["title", "notes", "hours", "org_id"])
    model.fetchMore(QModelIndex())
    row = next(r for r in range(model.rowCount()) if model.record(r)["notes"] == LONG_NOTE)
    notes = model.index(row, 1)
    shown = model.data(notes, Qt.ItemDataRole.DisplayRole)
    assert "\n" not in shown
    assert shown.startswith("住民記録システムの標準化について 移行スケジュール")
    assert len(shown) <= 200 and shown.endswith("…")
    tooltip = model.data(notes, Qt.ItemDataRole.ToolTipRole)
    assert "移行スケジュールを確認した" in tooltip
    assert model.row_texts(row)[1] == LONG_NOTE  # the whole text, for copying
    short = model.index(row, 0)
    assert model.data(short, Qt.ItemDataRole.ToolTipRole) is None
    hours = model.data(model.index(row, 2), Qt.ItemDataRole.TextAlignmentRole)
    assert hours & Qt.AlignmentFlag.AlignRight.value
    title = model.data(short, Qt.ItemDataRole.TextAlignmentRole)
    assert not title & Qt.AlignmentFlag.AlignRight.value
    org = model.data(model.index(row, 3))
    assert org and org == service.names("visit", [model.record(row)], ["org_id"]).get(
        str(model.record(row)["org_id"])
    )
    assert model.data(short, RecordIdRole) == model.record_id(row)
    assert model.data(model.index(999, 0)) is None


def test_column_visibility(profile: Profile, service: ListService) -> None:
    add_visits(profile, 5)
    model = RecordTableModel(service, ListQuery("visit"))
    model.fetchMore(QModelIndex())
    model.set_column_visible("notes", True)
    assert model.columns()[-1] == "notes"
    assert model.data(model.index(0, model.columnCount() - 1))
    model.set_column_visible("mode", False)
    assert "mode" not in model.columns()
    for name in list(model.columns())[:-1]:
        model.set_column_visible(name, False)
    model.set_column_visible("notes", False)  # the last column stays
    assert model.columns() == ["notes"]
