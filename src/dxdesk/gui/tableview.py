"""A list of records with its filter bar: the table every list screen of the window uses.

``RecordTable`` = filters (organisation, status, period, free text) + a ``QTableView`` over a
``RecordTableModel`` + a count. Filtering and sorting are new SQL queries; the view fetches
rows lazily, and nothing here sizes columns to their contents (that would read every row).
It asks, and the main window acts: ``open_requested`` (Enter, double-click) and
``delete_requested`` (Delete; the window deletes and offers Undo).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QAction, QFontMetrics, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core import reference
from dxdesk.core.calendar import parse_date
from dxdesk.core.model import Field, FieldType, Kind, kind
from dxdesk.gui.messages import plain_label
from dxdesk.gui.models import URGENCY_COLOURS, RecordTableModel, field_label, one_line
from dxdesk.services.query import (
    URGENCY_LABELS,
    ListQuery,
    ListService,
    has_urgency,
    initial_query,
    status_field,
)

DEBOUNCE_MS = 250
TABLE_PAGE_SIZE = 80
ERROR_COLOUR = "#c62828"
MAX_COLUMN_WIDTH = 420

# A typical value per field type, measured with the table's font for a fixed column width
# (never the rows' contents: that would fetch them all).
_SAMPLES: dict[FieldType, str] = {
    FieldType.DATE: "2025-11-25",
    FieldType.DATETIME: "2025-11-25 13:30",
    FieldType.TIME: "13:30",
    FieldType.MONTH: "2025-11",
    FieldType.INT: "10,000",
    FieldType.FLOAT: "100.25",
    FieldType.BOOL: "いいえ",
    # As wide as a shared issue's organisation cell (services/shared.py), which holds longer
    # names than the 28 organisations' own (宮崎県 児童扶養手当).
    FieldType.ORG: "共有：日之影町ほか2団体",
    FieldType.REF: "山田 太郎子",
    FieldType.TEXT: "あ" * 18,
    FieldType.LONGTEXT: "あ" * 22,
    FieldType.LIST: "あ" * 12,
}


def column_width(f: Field, metrics: QFontMetrics) -> int:
    """A fixed, sensible width for a column of this field (header label included)."""
    if f.type == FieldType.CHOICE and f.choices:
        sample = max(f.choices, key=metrics.horizontalAdvance)
    elif f.type == FieldType.SYSTEM:
        sample = max((s.name for s in reference.business_systems()), key=metrics.horizontalAdvance)
    else:
        sample = _SAMPLES.get(f.type, "あ" * 10)
    cell = metrics.horizontalAdvance(sample) + 20
    header = metrics.horizontalAdvance(field_label(f)) + 36  # room for the sort arrow
    return min(max(cell, header, 48), MAX_COLUMN_WIDTH)


def tsv_cell(text: str) -> str:
    """A cell that pastes into one Excel cell: no tabs or line breaks, a leading quote kept."""
    text = one_line(text).replace("\t", " ")
    if text.startswith('"'):
        text = '"' + text.replace('"', '""') + '"'
    return text


class RecordView(QTableView):
    """The table itself: keys for open, copy and delete, reported as signals."""

    open_pressed = Signal()
    copy_pressed = Signal()
    delete_pressed = Signal()

    def _action_for(self, event: QKeyEvent) -> SignalInstance | None:
        plain = (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ) == Qt.KeyboardModifier.NoModifier
        if event.matches(QKeySequence.StandardKey.Copy):
            return self.copy_pressed
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.open_pressed
        if plain and event.key() == Qt.Key.Key_Delete:
            return self.delete_pressed
        return None

    def event(self, event: QEvent) -> bool:
        # While the table has focus these keys are the table's, even if the window has a
        # shortcut on them (an Edit > Copy or Delete menu action would otherwise take them).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._action_for(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        signal = self._action_for(event)
        if signal is None:
            super().keyPressEvent(event)
            return
        signal.emit()
        event.accept()


class RecordTable(QWidget):
    """Filter bar, table and count for one kind of record.

    ``query`` may fix an organisation (an organisation's tab): its organisation filter is
    then hidden. Sorting goes through the header to ``RecordTableModel.sort``.
    """

    open_requested = Signal(str, str)  # kind, record id
    delete_requested = Signal(str, list)  # kind, [record ids]

    def __init__(
        self,
        service: ListService,
        query: ListQuery | str,
        parent: QWidget | None = None,
        *,
        columns: Sequence[str] | None = None,
    ) -> None:
        super().__init__(parent)
        # A kind name: the list opens as the services say (issues and consultations on 未完了).
        base = initial_query(query) if isinstance(query, str) else query
        self._kind: Kind = kind(base.kind)
        self._service = service
        # (menu text, action on the current record id): documents for a record and the like;
        # ``record_actions_source`` adds more the first time they are asked for.
        self._record_actions: list[tuple[str, Callable[[str], object]]] = []
        self.record_actions_source: (
            Callable[[], list[tuple[str, Callable[[str], object]]]] | None
        ) = None
        self._org_fixed = base.org_id is not None
        self._widths: dict[str, int] = {}
        self._applying = False
        # A page a little over a tall screen of rows: the first rows show sooner, and scrolling
        # fetches the next page as it nears the end.
        self.model = RecordTableModel(service, base, columns, self, page_size=TABLE_PAGE_SIZE)

        # ---- filter bar
        self.org_combo = QComboBox(self)
        self.org_combo.setAccessibleName(self.tr("団体"))
        self._org_ids: list[str | None] = [None]
        self.org_combo.addItem(self.tr("すべての団体"))
        if self._kind.org_field:
            for org_id, name in service.organisations():
                self._org_ids.append(org_id)
                self.org_combo.addItem(name)
        self.org_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.org_combo.setVisible(bool(self._kind.org_field) and not self._org_fixed)

        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("状態"))
        self._status_sets: list[tuple[str, ...]] = [()]
        self.status_combo.addItem(self.tr("すべての状態"))
        sf = status_field(self._kind)
        if sf is not None:
            if self._kind.open_statuses:  # what "not done" means is the model's (core/model.py)
                self._status_sets.append(self._kind.open_statuses)
                self.status_combo.addItem(self.tr("未完了"))
            for choice in sf.choices:
                self._status_sets.append((choice,))
                self.status_combo.addItem(QCoreApplication.translate("Choice", choice))
        self.status_combo.setVisible(sf is not None)

        self.date_from_edit = QLineEdit(self)
        self.date_to_edit = QLineEdit(self)
        self._period_label = plain_label(self.tr("期間"), self)
        self._tilde = plain_label("〜", self)
        wide = self.fontMetrics().horizontalAdvance("令和7年11月25日") + 44  # + clear button
        for edit, name, placeholder in (
            (self.date_from_edit, self.tr("期間（開始日）"), self.tr("開始日")),
            (self.date_to_edit, self.tr("期間（終了日）"), self.tr("終了日")),
        ):
            edit.setAccessibleName(name)
            edit.setPlaceholderText(placeholder)
            edit.setToolTip(self.tr("例：2025-11-25、令和7年11月25日、R7.11.25"))
            edit.setClearButtonEnabled(True)
            edit.setFixedWidth(wide)
            edit.textEdited.connect(self._period_edited)
            edit.editingFinished.connect(self._period_finished)
        has_period = self._kind.date_field is not None
        for w in (self._period_label, self.date_from_edit, self._tilde, self.date_to_edit):
            w.setVisible(has_period)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setAccessibleName(self.tr("キーワード"))
        self.filter_edit.setPlaceholderText(self.tr("キーワードで絞り込み"))
        self.filter_edit.setClearButtonEnabled(True)
        # It stretches into what the bar leaves; its minimum must let the whole bar (with the
        # urgency legend, in English too) fit a 1366-pixel window.
        self.filter_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ" * 8))
        self.count_label = plain_label(parent=self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("全 000,000 件") + 8)

        # The legend of the row colours, the reasons in words (a row's tooltip says its own).
        self.legend: list[QWidget] = []
        if has_urgency(self._kind):
            for level, label in URGENCY_LABELS.items():
                swatch = plain_label(QCoreApplication.translate("Urgency", label), self)
                swatch.setObjectName(f"legend_{level}")
                swatch.setStyleSheet(
                    f"QLabel {{ background: {URGENCY_COLOURS[level].name()};"
                    " border: 1px solid #999; padding: 0 4px; }"
                )
                self.legend.append(swatch)

        self.date_hint = plain_label(parent=self)
        self.date_hint.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.date_hint.setWordWrap(True)
        self.date_hint.hide()

        self._show_in_bar(base)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.filter_edit.textChanged.connect(self._debounce.start)
        self.org_combo.currentIndexChanged.connect(self.apply_filters)
        self.status_combo.currentIndexChanged.connect(self.apply_filters)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 4, 0)
        bar.addWidget(self.org_combo)
        bar.addWidget(self.status_combo)
        bar.addWidget(self._period_label)
        bar.addWidget(self.date_from_edit)
        bar.addWidget(self._tilde)
        bar.addWidget(self.date_to_edit)
        bar.addWidget(self.filter_edit, 1)
        for mark in self.legend:
            bar.addWidget(mark)
        bar.addWidget(self.count_label)

        # ---- the table
        self.view = RecordView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_row_menu)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        header.sectionResized.connect(self._remember_width)
        self._apply_widths()
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        self.view.setSortingEnabled(True)  # header clicks -> model.sort -> ORDER BY

        self.view.doubleClicked.connect(self._open_index)
        self.view.open_pressed.connect(self.open_current)
        self.view.copy_pressed.connect(self.copy_selection)
        self.view.delete_pressed.connect(self.delete_selection)
        self.model.count_changed.connect(self._show_count)
        self.model.modelReset.connect(self._apply_widths)
        self.model.columnsInserted.connect(self._apply_widths)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.date_hint)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)
        self.model.paused = True  # until shown: hidden lists must not read pages or count

    def showEvent(self, event: QShowEvent) -> None:
        # The count (a count(*) over the query) and the first page only when the list is seen.
        if self.model.paused:
            self.model.paused = False
            if self.model.canFetchMore(QModelIndex()):
                self.model.fetchMore(QModelIndex())
        self._show_count(self.model.total())
        super().showEvent(event)

    @property
    def record_actions(self) -> list[tuple[str, Callable[[str], object]]]:
        if self.record_actions_source is not None:
            source, self.record_actions_source = self.record_actions_source, None
            self._record_actions.extend(source())
        return self._record_actions

    # ------------------------------------------------------------ filters

    @property
    def kind(self) -> Kind:
        return self._kind

    def set_query(self, query: ListQuery) -> None:
        """Show ``query``'s rows: its organisation (fixed, or chosen in the bar when None),
        and its filters and order where it sets them; the bar's other filters stay."""
        if kind(query.kind).name != self._kind.name:
            raise ValueError(f"this table lists {self._kind.name}, not {query.kind}")
        self._org_fixed = query.org_id is not None
        self.org_combo.setVisible(bool(self._kind.org_field) and not self._org_fixed)
        self._show_in_bar(query)
        base = self.model.query()
        if query.org_id is not None:
            base = replace(base, org_id=query.org_id)
        if query.order_by is not None:
            base = replace(base, order_by=query.order_by, descending=query.descending)
        self._apply(base, show_errors=True)
        self.view.horizontalHeader().setSortIndicator(
            self.model.sort_column(), self.model.sort_order()
        )

    def _show_in_bar(self, query: ListQuery) -> None:
        """Put the filters a query sets into the bar's widgets (without applying them)."""
        widgets = (self.org_combo, self.status_combo, self.filter_edit)
        for w in widgets:
            w.blockSignals(True)
        try:
            if query.statuses:
                if query.statuses not in self._status_sets:
                    self._status_sets.append(query.statuses)
                    self.status_combo.addItem("、".join(query.statuses))
                self.status_combo.setCurrentIndex(self._status_sets.index(query.statuses))
            if query.date_from is not None:
                self.date_from_edit.setText(query.date_from)
            if query.date_to is not None:
                self.date_to_edit.setText(query.date_to)
            if query.text:
                self.filter_edit.setText(query.text)
        finally:
            for w in widgets:
                w.blockSignals(False)

    def set_org(self, org_id: str | None) -> None:
        """Show one organisation's rows (or all); the organisation tabs call this."""
        if not self._org_fixed and org_id in self._org_ids:
            self.org_combo.setCurrentIndex(self._org_ids.index(org_id))  # applies
            return
        if org_id is not None and not self._kind.org_field:
            return
        self.model.set_query(replace(self.model.query(), org_id=org_id))

    def apply_filters(self, *_: Any, show_errors: bool = False) -> None:
        """Turn the filter bar into the model's query (a bad period is shown, not applied)."""
        self._apply(self.model.query(), show_errors=show_errors)

    def _apply(self, base: ListQuery, *, show_errors: bool) -> None:
        self._debounce.stop()
        period = self._period(show_errors)
        date_from, date_to = period if period is not None else (base.date_from, base.date_to)
        org_id = base.org_id
        if not self._org_fixed and self._kind.org_field:
            org_id = self._org_ids[max(self.org_combo.currentIndex(), 0)]
        query = replace(
            base,
            org_id=org_id,
            statuses=self._status_sets[max(self.status_combo.currentIndex(), 0)],
            date_from=date_from,
            date_to=date_to,
            text=self.filter_edit.text().strip(),
        )
        if query != self.model.query():
            self.model.set_query(query)

    def _period(self, show_errors: bool) -> tuple[str | None, str | None] | None:
        """The period typed, as ISO dates; None (and, if asked, a red hint) if it is wrong."""
        values: list[str | None] = []
        bad: list[QLineEdit] = []
        for edit in (self.date_from_edit, self.date_to_edit):
            text = edit.text().strip()
            if not text:
                values.append(None)
                continue
            try:
                values.append(parse_date(text).isoformat())
            except ValueError:
                values.append(None)
                bad.append(edit)
        message = ""
        if bad:
            message = self.tr(
                "日付を読み取れません。2025-11-25 や 令和7年11月25日 の形で入力してください。"
            )
        elif values[0] and values[1] and values[1] < values[0]:
            bad.append(self.date_to_edit)
            message = self.tr("期間の終了日が開始日より前になっています。")
        if not bad:
            self._set_period_error("", [])
            return values[0], values[1]
        if show_errors:
            self._set_period_error(message, bad)
        return None

    def _set_period_error(self, message: str, bad: list[QLineEdit]) -> None:
        for edit in (self.date_from_edit, self.date_to_edit):
            edit.setStyleSheet(
                f"QLineEdit {{ border: 1px solid {ERROR_COLOUR}; }}" if edit in bad else ""
            )
        self.date_hint.setText(message)
        self.date_hint.setVisible(bool(message))

    def _period_edited(self, _text: str) -> None:
        self._debounce.start()  # a complete date applies itself; a partial one waits quietly

    def _period_finished(self) -> None:
        self.apply_filters(show_errors=True)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("全 %1 件").replace("%1", f"{total:,}"))

    # ------------------------------------------------------------ rows

    def refresh(self) -> None:
        """Re-read after a change (the window calls this with each Change); keeps selection."""
        selected = set(self.selected_ids())
        current = self.view.currentIndex()
        current_id = self.model.record_id(current.row()) if current.isValid() else None
        column = max(current.column(), 0)
        scroll = self.view.verticalScrollBar().value()
        self.model.refresh()
        self.select_ids(selected, current_id, column)
        self.view.verticalScrollBar().setValue(scroll)

    def select_ids(self, ids: set[str], current_id: str | None = None, column: int = 0) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for row in range(self.model.rowCount()):
            if self.model.record_id(row) in ids:
                selection.select(self.model.index(row, 0), flags)
        current_row = self.model.row_of(current_id) if current_id else None
        if current_row is not None:
            selection.setCurrentIndex(
                self.model.index(current_row, column), selection.SelectionFlag.NoUpdate
            )

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        return [self.model.record_id(r) for r in self.selected_rows()]

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_index(index)
        elif rows := self.selected_rows():
            self.open_requested.emit(self._kind.name, self.model.record_id(rows[0]))

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self._kind.name, self.model.record_id(index.row()))

    def delete_selection(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.delete_requested.emit(self._kind.name, ids)

    def selection_tsv(self) -> str:
        """The selected rows as TSV, header row first, columns as the header shows them."""
        header = self.view.horizontalHeader()
        logical = [
            header.logicalIndex(v)
            for v in range(header.count())
            if not header.isSectionHidden(header.logicalIndex(v))
        ]
        labels = self.model.header_labels()
        lines = ["\t".join(tsv_cell(labels[c]) for c in logical)]
        for row in self.selected_rows():
            texts = self.model.row_texts(row)
            lines.append("\t".join(tsv_cell(texts[c]) for c in logical))
        return "\n".join(lines) + "\n"

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard as TSV (pastes into Excel row by row)."""
        if self.selected_rows():
            QApplication.clipboard().setText(self.selection_tsv())

    # ------------------------------------------------------------ columns

    def column_menu(self, parent: QWidget | None = None) -> QMenu:
        """A checkable action per field of the kind; the last shown column cannot go."""
        menu = QMenu(self.tr("表示する列"), parent or self)
        shown = self.model.columns()
        for f in self._kind.entry_fields:
            action = QAction(field_label(f), menu)
            action.setCheckable(True)
            action.setChecked(f.name in shown)
            action.setData(f.name)
            action.setEnabled(not (f.name in shown and len(shown) == 1))
            action.toggled.connect(lambda on, name=f.name: self.model.set_column_visible(name, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("既定の列に戻す"))
        reset.triggered.connect(lambda: self.model.set_columns(self._kind.list_columns))
        return menu

    def _show_header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(header.mapToGlobal(pos))

    def row_menu(self) -> QMenu:
        menu = QMenu(self)
        has_rows = bool(self.selected_rows())
        open_action = menu.addAction(self.tr("開く"))
        open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        open_action.setEnabled(has_rows)
        open_action.triggered.connect(self.open_current)
        copy_action = menu.addAction(self.tr("コピー（TSV）"))
        copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy_action.setEnabled(has_rows)
        copy_action.triggered.connect(self.copy_selection)
        menu.addSeparator()
        delete_action = menu.addAction(self.tr("削除"))
        delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        delete_action.setEnabled(has_rows)
        delete_action.triggered.connect(self.delete_selection)
        if self.record_actions:
            menu.addSeparator()
            ids = self.selected_ids()
            for text, act in self.record_actions:
                action = menu.addAction(text)
                action.setEnabled(len(ids) == 1)
                action.triggered.connect(lambda _=False, a=act, i=ids: a(i[0]) if i else None)
        menu.addSeparator()
        menu.addMenu(self.column_menu(menu))
        return menu

    def _show_row_menu(self, pos: QPoint) -> None:
        menu = self.row_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def column_state(self) -> dict[str, Any]:
        """Shown columns and their widths, for the window to keep in QSettings."""
        return {"columns": self.model.columns(), "widths": dict(self._widths)}

    def restore_column_state(self, state: dict[str, Any]) -> None:
        widths = state.get("widths") or {}
        self._widths.update(
            {str(k): int(v) for k, v in widths.items() if str(k) in self._kind.field_names}
        )
        columns = [c for c in state.get("columns") or [] if c in self._kind.field_names]
        if columns:
            self.model.set_columns(columns)  # a reset: widths are applied again
        else:
            self._apply_widths()

    def _apply_widths(self, *_: Any) -> None:
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        names = self.model.columns()
        self._applying = True
        try:
            for column, name in enumerate(names):
                width = self._widths.get(name) or column_width(self._kind.field(name), metrics)
                header.resizeSection(column, width)
        finally:
            self._applying = False

    def _remember_width(self, column: int, _old: int, new: int) -> None:
        names = self.model.columns()
        if self._applying or not 0 <= column < len(names):
            return
        header = self.view.horizontalHeader()
        if header.stretchLastSection() and header.visualIndex(column) == header.count() - 1:
            return  # the stretched last column's width is the window's, not a choice
        self._widths[names[column]] = new


__all__ = ["DEBOUNCE_MS", "RecordTable", "RecordView", "column_width", "tsv_cell"]
