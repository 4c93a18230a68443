"""Qt models over the list queries of ``services.query``: ids and a lazy row cache.

One ``RecordTableModel`` per list. It knows how many rows match (one ``count`` query) and
holds only the pages a view has asked for (``canFetchMore``/``fetchMore``, 200 rows at a
time); sorting and filtering are new SQL queries, never a proxy model over loaded rows
(PRACTICES.md §8).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtGui import Qt as QtGuiNamespace

from dxdesk.core.clock import today_jst
from dxdesk.core.model import Field, FieldType, Kind, Record, kind
from dxdesk.services.query import (
    HIGH,
    LIST_SEPARATOR,
    OVERDUE,
    URGENCY_LABELS,
    ListQuery,
    ListService,
    display_row,
    urgency,
)

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
CELL_LIMIT = 200  # characters a cell shows; the tooltip and a copy have the whole text
TOOLTIP_LIMIT = 2_000
TOOLTIP_FROM = 30  # cells this long (or with line breaks) get the full text as a tooltip
RecordIdRole = Qt.ItemDataRole.UserRole + 1
UrgencyRole = Qt.ItemDataRole.UserRole + 2  # services.query.urgency of the row: the rule's
# The colours of an urgent row (the legend beside the filters shows the same ones).
URGENCY_COLOURS = {OVERDUE: QColor("#f8d7da"), HIGH: QColor("#fff3cd")}

_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
_NUMERIC = (FieldType.INT, FieldType.FLOAT)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def field_label(f: Field) -> str:
    """A field's label, translated when an English catalogue is loaded (context "Field")."""
    return QCoreApplication.translate("Field", f.label)


def one_line(text: str) -> str:
    """Line breaks and tabs as single spaces (cells, TSV)."""
    return _BREAKS.sub(" ", text)


class RecordTableModel(QAbstractTableModel):
    """Rows of one kind matching a ``ListQuery``, fetched a page at a time, never all at once.

    Columns are field names (the kind's ``list_columns`` unless set); header labels are the
    fields' Japanese labels. Deleted records are never shown.
    """

    count_changed = Signal(int)  # how many rows match the query (not how many are fetched)

    def __init__(
        self,
        service: ListService,
        query: ListQuery,
        columns: Sequence[str] | None = None,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._page_size = max(1, page_size)
        self._query = self._live(query)
        self._kind: Kind = kind(query.kind)
        self._columns: list[str] = self._checked(
            columns or self._kind.list_columns or (self._kind.title,)
        )
        self._records: list[Record] = []
        self._cells: list[list[str]] = []
        self._urgent: list[str | None] = []  # per fetched row, from the service's rule
        # A shared record's organisations (an issue with 関係団体), by record id: the tooltip of
        # its organisation cell, which reads 「共有：都城市ほか2団体」 (services/shared.py).
        self._shared_tips: dict[str, str] = {}
        self._busy = False
        # Counted when first needed: a list that is never shown (a tab not opened) costs no
        # count(*), which grows with the data (bench/gui.py).
        self._total: int | None = None
        # A view that is not on screen yet (another tab, another page) fetches nothing; its
        # RecordTable clears this when it is first shown.
        self.paused = False

    # ------------------------------------------------------------ what is shown

    @property
    def service(self) -> ListService:
        return self._service

    @property
    def kind(self) -> Kind:
        return self._kind

    def query(self) -> ListQuery:
        return self._query

    def total(self) -> int:
        """How many rows match the query; ``rowCount`` is how many have been fetched."""
        if self._total is None:
            self._total = self._service.count(self._query)
        return self._total

    def columns(self) -> list[str]:
        return list(self._columns)

    def column_field(self, column: int) -> Field:
        return self._kind.field(self._columns[column])

    def header_labels(self) -> list[str]:
        return [field_label(self._kind.field(c)) for c in self._columns]

    def set_query(self, query: ListQuery) -> None:
        """Show the rows of another query (filter, order or kind); fetched rows are dropped.

        The query is checked first (a bad date or order raises) so a refused query leaves
        the model as it was. Within one kind only rows are removed (columns, and so the
        header's widths and order, stay); another kind resets the model.
        """
        query = self._live(query)
        new_kind = kind(query.kind)
        total = self._service.count(query)  # raises before anything changes
        self._busy = True
        try:
            if new_kind.name != self._kind.name:
                self.beginResetModel()
                self._kind = new_kind
                self._columns = list(new_kind.list_columns) or [new_kind.title]
                self._query = query
                self._total = total
                self._records = []
                self._cells = []
                self._urgent = []
                self._shared_tips = {}
                self.endResetModel()
            else:
                self._drop_rows()
                self._query = query
                self._total = total
        finally:
            self._busy = False
        self.count_changed.emit(total)

    def set_columns(self, columns: Sequence[str]) -> None:
        """Show these fields, in this order (at least one)."""
        checked = self._checked(columns)
        self.beginResetModel()
        self._columns = checked
        self._cells = self._display(self._records)
        self.endResetModel()

    def set_column_visible(self, name: str, visible: bool) -> None:
        """Add a field at the right, or take one away; other columns keep their place."""
        self._kind.field(name)  # unknown names raise
        if visible and name not in self._columns:
            at = len(self._columns)
            self.beginInsertColumns(QModelIndex(), at, at)
            self._columns.append(name)
            self._cells = self._display(self._records)
            self.endInsertColumns()
        elif not visible and name in self._columns and len(self._columns) > 1:
            at = self._columns.index(name)
            self.beginRemoveColumns(QModelIndex(), at, at)
            del self._columns[at]
            for cells in self._cells:
                del cells[at]
            self.endRemoveColumns()

    def refresh(self) -> None:
        """Read the rows again after a change, keeping as many rows fetched as before."""
        self._service.invalidate()
        if self._total is None and not self._records:
            return  # never counted nor shown: it will read fresh rows when it is
        total = self._service.count(self._query)
        keep = min(len(self._records), total)
        records = self._service.page(self._query, 0, keep) if keep else []
        cells = self._display(records)
        self._busy = True
        try:
            self._drop_rows()
            self._total = max(total, len(records))
            if records:
                self.beginInsertRows(QModelIndex(), 0, len(records) - 1)
                self._records = records
                self._cells = cells
                self._urgent = self._urgency(records)
                self.endInsertRows()
        finally:
            self._busy = False
        self.count_changed.emit(self._total)

    # ------------------------------------------------------------ rows

    def record_id(self, row: int) -> str:
        return str(self._records[row]["id"])

    def record(self, row: int) -> Record:
        """A copy of the fetched record (every field, raw values)."""
        return dict(self._records[row])

    def row_of(self, record_id: str) -> int | None:
        """The row of a fetched record, or None (not fetched yet, filtered out, or deleted)."""
        for row, record in enumerate(self._records):
            if record["id"] == record_id:
                return row
        return None

    def row_texts(self, row: int) -> list[str]:
        """The whole text of each cell of a row (a cell shows at most ``CELL_LIMIT`` chars)."""
        return list(self._cells[row])

    def sort_column(self) -> int:
        """The column the rows are ordered by (the date column for the kind's default
        order, newest first), or -1 when that column is not shown."""
        order_by = self._query.order_by or self._kind.date_field
        return self._columns.index(order_by) if order_by in self._columns else -1

    def sort_order(self) -> Qt.SortOrder:
        if self._query.order_by is None or self._query.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    # ------------------------------------------------------------ QAbstractTableModel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._busy or self.paused:
            return False
        return len(self._records) < self.total()

    def fetchMore(self, parent: Index) -> None:
        # Views and testers call back in while rows come and go: fetch only when idle.
        if parent.isValid() or self._busy or self.paused:
            return
        start = len(self._records)
        wanted = min(self._page_size, self.total() - start)
        if wanted <= 0:
            return
        self._busy = True
        try:
            records = self._service.page(self._query, start, wanted)
            if records:
                cells = self._display(records)
                self.beginInsertRows(QModelIndex(), start, start + len(records) - 1)
                self._records += records
                self._cells += cells
                self._urgent += self._urgency(records)
                self.endInsertRows()
        finally:
            self._busy = False
        if len(records) < wanted:  # rows went away since the count: stop asking for more
            self._total = len(self._records)
            self.count_changed.emit(self._total)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._cells) and 0 <= column < len(self._columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = one_line(self._cells[row][column])
            return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"
        if role == UrgencyRole:
            return self._urgent[row]
        if role == Qt.ItemDataRole.BackgroundRole:
            level = self._urgent[row]
            return QBrush(URGENCY_COLOURS[level]) if level else None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._cells[row][column]
            if self._columns[column] == self._kind.org_field:
                text = self._shared_tips.get(str(self._records[row]["id"]), text)
            level = self._urgent[row]
            if level:  # the reason in words, not by colour alone
                reason = QCoreApplication.translate("Urgency", URGENCY_LABELS[level])
                text = f"【{reason}】\n{text}" if text else f"【{reason}】"
            elif len(text) < TOOLTIP_FROM and "\n" not in text:
                return None
            if len(text) > TOOLTIP_LIMIT:
                text = text[: TOOLTIP_LIMIT - 1] + "…"
            # Rich text wraps; a plain-text tooltip of a long note would be one screen-wide line.
            return QtGuiNamespace.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = self.column_field(column).type in _NUMERIC
            return int((_RIGHT if numeric else _LEFT).value)
        if role == RecordIdRole:
            return self._records[row]["id"]
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return field_label(self.column_field(section))
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column in SQL (a new query; nothing is sorted in memory)."""
        if 0 <= column < len(self._columns):
            query = replace(
                self._query,
                order_by=self._columns[column],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        else:
            query = replace(self._query, order_by=None, descending=True)
        if query.order_by == self._kind.date_field and query.descending:
            query = replace(query, order_by=None)  # the default order: nothing to re-read
        if query != self._query:
            self.set_query(query)

    # ------------------------------------------------------------ helpers

    def _drop_rows(self) -> None:
        if self._records:
            self.beginRemoveRows(QModelIndex(), 0, len(self._records) - 1)
            self._records = []
            self._cells = []
            self._urgent = []
            self.endRemoveRows()

    @staticmethod
    def _live(query: ListQuery) -> ListQuery:
        return replace(query, include_deleted=False) if query.include_deleted else query

    def _checked(self, columns: Sequence[str]) -> list[str]:
        names = list(dict.fromkeys(columns))
        for name in names:
            self._kind.field(name)  # unknown names raise UserError
        if not names:
            raise ValueError("a table needs at least one column")
        return names

    def _urgency(self, records: list[Record]) -> list[str | None]:
        today = today_jst()
        return [urgency(self._kind, r, today) for r in records]

    def _display(self, records: list[Record]) -> list[list[str]]:
        if not records:
            return []
        names = self._service.names(self._kind, records, self._columns)
        style = self._service.date_style
        rows = [display_row(self._kind, r, self._columns, names, style) for r in records]
        # Choice values and yes/no are the model's words: in the window's language (the data
        # people typed stays as typed).
        words = {
            i: f.type
            for i, f in enumerate(self._kind.field(c) for c in self._columns)
            if f.type in (FieldType.CHOICE, FieldType.BOOL)
        }
        if words:
            yes_no = {
                "はい": QCoreApplication.translate("RecordTable", "はい"),
                "いいえ": QCoreApplication.translate("RecordTable", "いいえ"),
            }
            for row in rows:
                for i, t in words.items():
                    if row[i]:
                        row[i] = (
                            yes_no.get(row[i], row[i])
                            if t == FieldType.BOOL
                            else QCoreApplication.translate("Choice", row[i])
                        )
        self._mark_shared(records, rows, names)
        return rows

    def _mark_shared(
        self, records: list[Record], rows: list[list[str]], names: dict[str, str]
    ) -> None:
        """A shared record's organisation cell names its 主担当団体 and how many others share
        it; the cell's tooltip lists them all (services/shared.py decides which are shared)."""
        if self._kind.org_field not in self._columns:
            return
        at = self._columns.index(str(self._kind.org_field))
        marks = self._service.shared(self._kind, records)
        for record, row in zip(records, rows, strict=True):
            mark = marks.get(str(record["id"]))
            if mark is None:  # (no longer) shared: a tooltip read before is dropped
                self._shared_tips.pop(str(record["id"]), None)
                continue
            owner, *others = mark.names(names)
            row[at] = self.tr("共有：%1ほか%n団体", "", len(others)).replace("%1", owner)
            self._shared_tips[str(record["id"])] = (
                QCoreApplication.translate("RecordTable", "主担当団体：%1\n関係団体：%2")
                .replace("%1", owner)
                .replace("%2", LIST_SEPARATOR.join(others))
            )


__all__ = [
    "PAGE_SIZE",
    "URGENCY_COLOURS",
    "RecordIdRole",
    "RecordTableModel",
    "UrgencyRole",
    "field_label",
    "one_line",
]
