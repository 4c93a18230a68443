"""The search page: every record that holds the words typed, newest first, a page at a time.

Above the table, how many records match and how many are shown; below it, 「さらに表示」 adds
the next page until nothing is left out. Each row says its kind, date (the tables' date
display), 団体, title and the passage that matched, the match in bold. The page is filled from
``RecordService.search`` (services/search.py), the same result the command line prints.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.gui.messages import plain_label, plain_tooltip
from dxdesk.gui.models import one_line
from dxdesk.services.records import RecordService
from dxdesk.services.search import Hit, SearchPage, shown_date
from dxdesk.text import escape_controls

PAGE_SIZE = 100
KIND, DATE, ORG, TITLE, SNIPPET = range(5)
HIT_ROLE = Qt.ItemDataRole.UserRole  # (kind, record id) on every cell of a row
MARKS_ROLE = Qt.ItemDataRole.UserRole + 1  # the snippet's matching spans
_WIDTHS = {KIND: 130, DATE: 120, ORG: 130, TITLE: 280}


def _escaped(text: str) -> str:
    return escape_controls(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def marked_html(text: str, marks: tuple[tuple[int, int], ...]) -> str:
    """The snippet as rich text with each match in bold; everything of the record escaped,
    so a note holding ``<img …>`` shows the tags as typed."""
    out, done = [], 0
    for start, end in marks:
        out += [_escaped(text[done:start]), "<b>", _escaped(text[start:end]), "</b>"]
        done = end
    out.append(_escaped(text[done:]))
    return '<span style="white-space:pre">' + "".join(out) + "</span>"


class MarkedTextDelegate(QStyledItemDelegate):
    """Paints a cell's text with its ``MARKS_ROLE`` spans in bold, on one line."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        marks = index.data(MARKS_ROLE) or ()
        doc.setHtml(marked_html(str(index.data(Qt.ItemDataRole.DisplayRole) or ""), marks))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""  # the style draws background, focus and selection; the document the text
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        painter.setClipRect(0, 0, rect.width() - 2, rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        size = self._document(opt, index).size()
        return QSize(int(size.width()) + 4, int(size.height()) + 4)


class SearchView(QWidget):
    """Search results: a summary line, the hits, and 「さらに表示」 while some are not shown."""

    open_requested = Signal(str, str)  # kind, record id

    def __init__(self, records: RecordService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = records
        self.setObjectName("searchView")
        self.page: SearchPage | None = None
        self.summary = plain_label()
        self.summary.setObjectName("searchSummary")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("searchResults")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("種類"),
                self.tr("日付"),
                self.tr("団体"),
                self.tr("件名"),
                self.tr("該当箇所"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        for col, width in _WIDTHS.items():
            self.table.setColumnWidth(col, width)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(SNIPPET, MarkedTextDelegate(self.table))
        self.table.cellDoubleClicked.connect(self._open_row)
        self.more_button = QPushButton()
        self.more_button.setObjectName("searchMore")
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # ------------------------------------------------------------------ searching

    def run(self, text: str) -> SearchPage:
        """The first page for ``text`` (the table starts again)."""
        self.table.setRowCount(0)
        self.page = None
        return self._load(text, 0)

    def show_more(self) -> SearchPage | None:
        """Add the next page below the rows shown."""
        if self.page is None or not self.page.remaining:
            return self.page
        return self._load(self.page.text, self.page.end)

    def _load(self, text: str, offset: int) -> SearchPage:
        page = self.records.search(text, limit=PAGE_SIZE, offset=offset)
        first = self.table.rowCount()
        self.table.setRowCount(first + len(page.hits))
        for row, hit in enumerate(page.hits, start=first):
            self._fill(row, hit)
        self.page = page
        self._show_counts(page)
        return page

    def _fill(self, row: int, hit: Hit) -> None:
        values = {
            KIND: QCoreApplication.translate("Kind", hit.label),
            DATE: shown_date(hit, self.records.profile.settings.date_style),
            ORG: hit.org,
            TITLE: hit.title,
            SNIPPET: hit.snippet,
        }
        for col, value in values.items():
            item = QTableWidgetItem(one_line(escape_controls(value)))
            item.setData(HIT_ROLE, (hit.kind, hit.record_id))
            if col == SNIPPET:
                # Escaping keeps lengths only where nothing was escaped: marks on the raw text.
                item.setText(one_line(hit.snippet))
                item.setData(MARKS_ROLE, hit.marks)
                item.setToolTip(plain_tooltip(hit.snippet))
            self.table.setItem(row, col, item)

    def _show_counts(self, page: SearchPage) -> None:
        shown = page.end
        if page.total == 0:
            text = self.tr("「%1」を含む記録は見つかりませんでした。")
        elif shown >= page.total:
            text = self.tr("「%1」の検索結果：%2件")
        else:
            text = self.tr("「%1」の検索結果：%2件（新しい順に %3件を表示）")
        self.summary.setText(
            text.replace("%1", one_line(escape_controls(page.text)))
            .replace("%2", f"{page.total:,}")
            .replace("%3", f"{shown:,}")
        )
        rest = page.total - shown
        self.more_button.setVisible(rest > 0)
        if rest > 0:
            self.more_button.setText(
                self.tr("さらに表示（残り %1件）(&M)").replace("%1", f"{rest:,}")
            )

    # ------------------------------------------------------------------ opening

    def hit_at(self, row: int) -> tuple[str, str] | None:
        item = self.table.item(row, KIND)
        if item is None:
            return None
        kind_name, record_id = item.data(HIT_ROLE)
        return str(kind_name), str(record_id)

    def _open_row(self, row: int, _col: int) -> None:
        hit = self.hit_at(row)
        if hit is not None:
            self.open_requested.emit(*hit)
