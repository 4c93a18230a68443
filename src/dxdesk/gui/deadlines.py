"""The deadline board in the window: every deliverable of a fiscal year (services/deadlines.py),
overdue ones in red; from a row, make the document, mark it in preparation or submitted (with
the file's SHA-256), open the record it is about. Nothing about due dates is decided here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.calendar import fiscal_year, format_fiscal_year
from dxdesk.errors import UserError
from dxdesk.gui.dates import shown_date, shown_stored
from dxdesk.gui.messages import phrase, plain_label, user_message, warn
from dxdesk.services.deadlines import SUBMITTED, DeadlineService, Deliverable
from dxdesk.services.profile import Profile

OVERDUE_COLOUR = "#c62828"
DONE_COLOUR = "#2e7d32"
KEY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("期限", "提出物", "状態", "期限の根拠")


class SubmitDialog(QDialog):
    """提出済みにする: the date, the file submitted (its fingerprint is recorded), 文書番号."""

    def __init__(self, title: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("提出済みにする — %1").replace("%1", title))
        self.date_edit = QLineEdit(today.isoformat(), self)
        self.date_edit.setObjectName("submitted_on")
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("file")
        self.file_edit.setPlaceholderText(self.tr("提出したファイル（任意）"))
        browse = QPushButton(self.tr("選択…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("doc_number")
        self.number_edit.setPlaceholderText(self.tr("例：DX第12号"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("提出日"), self.date_edit)
        form.addRow(self.tr("ファイル"), file_row)
        form.addRow(self.tr("文書番号"), self.number_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title, self))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("提出したファイル"))
        if path:
            self.file_edit.setText(path)


class DeadlineBoard(QWidget):
    """The board (see the module docstring)."""

    open_requested = Signal(str, str)  # kind, record id
    document_requested = Signal(str, object)  # report kind, {"record_id"|"month": ...}
    changed = Signal()

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.service = DeadlineService(profile, today)
        self.rows: list[Deliverable] = []
        self.fy_box = QComboBox(self)
        self.fy_box.setObjectName("fy")
        this = fiscal_year(self.service.today)
        for fy in range(this + 1, this - 4, -1):
            self.fy_box.addItem(format_fiscal_year(fy), fy)
        self.fy_box.setCurrentIndex(1)
        self.pending_only = QCheckBox(self.tr("未提出のみ"), self)
        self.pending_only.setObjectName("pending_only")
        self.summary = plain_label(parent=self)
        self.make_button = QPushButton(self.tr("帳票を作成…"), self)
        self.start_button = QPushButton(self.tr("作成中にする"), self)
        self.submit_button = QPushButton(self.tr("提出済みにする…"), self)
        self.open_button = QPushButton(self.tr("元の記録を開く"), self)
        for name, button in (
            ("make", self.make_button),
            ("start", self.start_button),
            ("submit", self.submit_button),
            ("open", self.open_button),
        ):
            button.setObjectName(name)
            button.setAutoDefault(False)
        self.make_button.clicked.connect(self.make_document)
        self.start_button.clicked.connect(self.mark_started)
        self.submit_button.clicked.connect(self.mark_submitted)
        self.open_button.clicked.connect(self.open_source)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("deadlines")
        headers = []
        for label in COLUMNS:
            headers.append(self.tr(label))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        metrics = self.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("2026-01-09（R8.1.9）") + 24)
        self.table.setColumnWidth(1, metrics.horizontalAdvance("あ" * 30))
        self.table.setColumnWidth(2, metrics.horizontalAdvance("提出済み 2025-11-26（第2版）") + 24)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.table.cellDoubleClicked.connect(lambda *_: self.open_source())

        top = QHBoxLayout()
        top.addWidget(self.fy_box)
        top.addWidget(self.pending_only)
        top.addWidget(self.summary, 1)
        actions = QHBoxLayout()
        for button in (self.make_button, self.start_button, self.submit_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.fy_box.currentIndexChanged.connect(self.refresh)
        self.pending_only.toggled.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------ rows

    def refresh(self) -> None:
        current = self.current()
        board = self.service.board(int(self.fy_box.currentData()))
        if self.pending_only.isChecked():
            board = [d for d in board if d.status != SUBMITTED]
        self.rows = board
        self.table.setRowCount(len(board))
        red, green = QBrush(QColor(OVERDUE_COLOUR)), QBrush(QColor(DONE_COLOUR))
        for row, d in enumerate(board):
            due = shown_date(d.due) if d.due else ""
            status = phrase(d.status_text)
            if d.submitted_on:
                status += f" {shown_stored(d.submitted_on)}"
                if d.version:
                    status += self.tr("（第%1版）").replace("%1", str(d.version))
            elif d.overdue:
                status += self.tr("（期限超過）")
            basis = phrase(d.basis)
            if d.fingerprint:
                basis = f"SHA-256 {d.fingerprint[:16]}…　{basis}"
            name = phrase(d.name)
            for col, text in enumerate((due or self.tr("未設定"), name, status, basis)):
                item = QTableWidgetItem(text)
                item.setData(KEY_ROLE, d.key)
                if d.fingerprint and col == 3:
                    item.setToolTip(f"SHA-256 {d.fingerprint}\n{phrase(d.basis)}")
                elif col in (1, 3):
                    item.setToolTip(text)  # the whole of a name or a rule the column cuts
                if d.overdue:
                    item.setForeground(red)
                elif d.status == SUBMITTED and col == 2:
                    item.setForeground(green)
                self.table.setItem(row, col, item)
        overdue = sum(d.overdue for d in board)
        self.summary.setText(
            self.tr("%1件（期限超過 %2件）")
            .replace("%1", str(len(board)))
            .replace("%2", str(overdue))
        )
        if current is not None:
            self.select(current.key)
        self._update_buttons()

    def select(self, key: str) -> bool:
        for row, d in enumerate(self.rows):
            if d.key == key:
                self.table.setCurrentCell(row, 1)
                return True
        return False

    def current(self) -> Deliverable | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _update_buttons(self) -> None:
        d = self.current()
        documents = d is not None and d.code in ("issue", "monthly-meeting")
        self.make_button.setEnabled(d is not None and d.report is not None)
        self.start_button.setEnabled(d is not None and not documents and d.status != SUBMITTED)
        self.submit_button.setEnabled(d is not None and not documents)
        self.open_button.setEnabled(d is not None and d.source_id is not None)

    # ------------------------------------------------------------ actions

    def make_document(self) -> None:
        d = self.current()
        if d is None or d.report is None:
            return
        params: dict[str, Any] = {}
        if d.source_id:
            params["record_id"] = d.source_id
        elif d.period and len(d.period) == 7:
            params["month"] = d.period
        elif d.period:
            params["month"] = f"{int(d.period) + 1}-03"  # a month of that 年度 picks the year
        if d.submitted_on:
            # A reprint of what was submitted: its date and number, so it reads the same.
            params["issued"] = d.submitted_on
            params["number"] = d.doc_number or ""
        self.document_requested.emit(d.report, params)

    def mark_started(self) -> None:
        d = self.current()
        if d is None:
            return
        self._write(lambda: self.service.start(d.key), d.key)

    def submit_dialog(self, d: Deliverable) -> SubmitDialog:
        return SubmitDialog(phrase(d.name), self.service.today, self)

    def mark_submitted(self) -> None:
        d = self.current()
        if d is None:
            return
        dialog = self.submit_dialog(d)
        if not dialog.exec():
            return
        self.submit(
            d.key,
            on=dialog.date_edit.text().strip() or None,
            file=dialog.file_edit.text().strip() or None,
            doc_number=dialog.number_edit.text().strip() or None,
        )

    def submit(self, key: str, **values: Any) -> bool:
        return self._write(lambda: self.service.submit(key, **values), key)

    def _write(self, action: Any, key: str) -> bool:
        try:
            action()
        except UserError as err:
            warn(self, self.tr("記録できません"), user_message(err))
            return False
        self.refresh()
        self.select(key)
        self.changed.emit()
        return True

    def open_source(self) -> None:
        d = self.current()
        if d is not None and d.source_kind and d.source_id:
            self.open_requested.emit(d.source_kind, d.source_id)
