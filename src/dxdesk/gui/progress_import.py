"""進捗 > 取込…: a spreadsheet of progress into the matrix, checked before anything is written.

The file's header row and each column's meaning are proposed by ``services.progress_import``
and shown for the person to correct (one line per column: its header, an example value, what it
means). The preview lists exactly the steps that will change and the rows that cannot be
matched, with the reason; only 取り込む writes, in one transaction. Reading the file, the preview
and the import run on a worker thread (gui/worker.py), so a national workbook of 35,000 rows does
not freeze the window.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core import progress as rules
from dxdesk.core import reference
from dxdesk.errors import UserError
from dxdesk.gui.messages import ask, plain_label, user_message, warn
from dxdesk.gui.worker import run_busy
from dxdesk.services.progress import ProgressService
from dxdesk.services.progress_import import (
    IGNORE,
    ORG,
    STEP,
    SYSTEM,
    SYSTEM_COLUMN,
    VENDOR,
    Column,
    Plan,
    ProgressImport,
    SheetData,
    guess,
    read_sheet,
)

EXAMPLE_ROWS = 3  # values shown beside each column's header


def column_letter(i: int) -> str:
    """Excel's name of a column: 0 -> A, 26 -> AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


class ImportDialog(QDialog):
    """Choose a file, check the column mapping, preview, then import (or not)."""

    imported = Signal(object)

    def __init__(
        self, service: ProgressService, path: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressImportDialog")
        self.setWindowTitle(self.tr("進捗の取込"))
        self.service = service
        self.importer = ProgressImport(service)
        self.data: SheetData | None = None
        self.path: str | None = None
        self.plan: Plan | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.file_label = plain_label(self.tr("ファイルが選ばれていません"))
        self.file_label.setObjectName("importFile")
        choose = QPushButton(self.tr("ファイルを選ぶ(&F)…"))
        choose.clicked.connect(self._choose)
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("importSheet")
        self.sheet_box.activated.connect(self._sheet_changed)
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("importHeader")
        self.header_spin.setMinimum(1)
        self.header_spin.valueChanged.connect(self._fill_columns)
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        for label, widget in (
            (self.tr("シート"), self.sheet_box),
            (self.tr("見出し行"), self.header_spin),
        ):
            caption = plain_label(label)
            caption.setBuddy(widget)
            top.addWidget(caption)
            top.addWidget(widget)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.columns = QTableWidget(0, 4)
        self.columns.setObjectName("importColumns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("列"), self.tr("見出し"), self.tr("値の例"), self.tr("取り込む内容")]
        )
        self.columns.verticalHeader().setVisible(False)
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.columns, self.tr("列の対応"))
        self.changes = self._table("importChanges")
        self.tabs.addTab(self.changes, self.tr("変更される内容"))
        self.unmatched = self._table("importRejected")
        self.tabs.addTab(self.unmatched, self.tr("取り込めない行"))
        layout.addWidget(self.tabs, 1)

        self.summary = plain_label(
            self.tr("列の対応を確認し、「プレビュー」で変更内容を確かめてから取り込んでください。")
        )
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.preview_button = buttons.addButton(
            self.tr("プレビュー(&P)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview_button.setObjectName("importPreview")
        self.preview_button.clicked.connect(self.preview)
        self.import_button = buttons.addButton(
            self.tr("取り込む(&I)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importApply")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._apply_clicked)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preview_button.setEnabled(False)
        self.resize(960, 620)
        if path is not None:
            self.load(path)

    @staticmethod
    def _table(name: str) -> QTableWidget:
        t = QTableWidget(0, 0)
        t.setObjectName(name)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setStretchLastSection(True)
        return t

    # ------------------------------------------------------------ the file

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("取り込む進捗表"),
            "",
            self.tr("進捗表 (*.xlsx *.xlsm *.csv)"),
        )
        if path:
            self.load(path)

    def load(self, path: str, sheet: str | None = None) -> None:
        try:
            data = run_busy(self, lambda: read_sheet(path, sheet))
        except UserError as err:
            warn(self, self.tr("読み込めません"), user_message(err))
            return
        self.path, self.data = path, data
        self.file_label.setText(Path(path).name)
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(list(data.sheets))
        self.sheet_box.setCurrentText(data.name)
        self.sheet_box.blockSignals(False)
        header, _columns = guess(data.rows)
        self.header_spin.blockSignals(True)
        self.header_spin.setMaximum(max(1, len(data.rows)))
        self.header_spin.setValue(header + 1)
        self.header_spin.blockSignals(False)
        self._fill_columns()
        self.preview_button.setEnabled(True)

    def _sheet_changed(self) -> None:
        if self.path is not None:
            self.load(self.path, self.sheet_box.currentText())

    # ------------------------------------------------------------ the mapping

    def role_choices(self) -> list[tuple[str, Column]]:
        out = [
            (self.tr("取り込まない"), Column(IGNORE)),
            (self.tr("団体（コードまたは名称）"), Column(ORG)),
            (self.tr("業務システム"), Column(SYSTEM)),
            (self.tr("ベンダ"), Column(VENDOR)),
        ]
        for s in reference.procedure_steps():
            out.append(
                (
                    self.tr("ステップ%1（%2）").replace("%1", str(s.no)).replace("%2", s.item),
                    Column(STEP, step=s.no),
                )
            )
        for b in reference.business_systems():
            out.append(
                (
                    self.tr("業務「%1」の到達ステップ").replace("%1", b.short_name or b.name),
                    Column(SYSTEM_COLUMN, system=b.code),
                )
            )
        return out

    def _fill_columns(self) -> None:
        if self.data is None:
            return
        rows = self.data.rows
        header = self.header_spin.value() - 1
        heads = rows[header] if header < len(rows) else []
        width = max((len(r) for r in rows), default=0)
        _h, proposed = guess([heads])
        choices = self.role_choices()
        self.columns.setRowCount(width)
        for i in range(width):
            head = heads[i] if i < len(heads) else ""
            examples = [
                r[i] for r in rows[header + 1 : header + 1 + EXAMPLE_ROWS] if i < len(r) and r[i]
            ]
            for col, text in enumerate((column_letter(i), head, "・".join(examples))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.columns.setItem(i, col, item)
            box = QComboBox()
            for label, column in choices:
                box.addItem(label, column)
            wanted = proposed[i] if i < len(proposed) else Column(IGNORE)
            box.setCurrentIndex(next(n for n, (_l, c) in enumerate(choices) if c == wanted))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.columns.setCellWidget(i, 3, box)
        self.columns.resizeColumnsToContents()
        self.columns.setColumnWidth(3, max(self.columns.columnWidth(3), 260))
        self._mapping_changed()

    def mapping(self) -> list[Column]:
        out = []
        for i in range(self.columns.rowCount()):
            box = self.columns.cellWidget(i, 3)
            out.append(box.currentData() if isinstance(box, QComboBox) else Column(IGNORE))
        return out

    def set_mapping(self, index: int, column: Column) -> None:
        box = self.columns.cellWidget(index, 3)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(next(n for n in range(box.count()) if box.itemData(n) == column))

    def _mapping_changed(self) -> None:
        # A new mapping is another import: the preview shown no longer says what it writes.
        self.plan = None
        self.import_button.setEnabled(False)

    # ------------------------------------------------------------ preview and import

    def preview(self) -> Plan | None:
        if self.data is None:
            return None
        data, header, columns = self.data, self.header_spin.value() - 1, self.mapping()
        try:
            plan = run_busy(self, lambda: self.importer.preview(data, header, columns))
        except UserError as err:
            warn(self, self.tr("プレビューできません"), user_message(err))
            return None
        self.plan = plan
        self._fill(
            self.changes,
            [
                self.tr("団体"),
                self.tr("業務システム"),
                self.tr("ステップ"),
                self.tr("現在"),
                self.tr("取込後"),
            ],
            [
                [
                    s.org_name,
                    _system_name(s.system_code),
                    f"{s.step_no}（{rules.step_label(s.step_no)}）",
                    s.before,
                    s.after,
                ]
                for s in plan.steps
            ]
            + [
                [v.org_name, _system_name(v.system_code), self.tr("ベンダ"), v.before, v.after]
                for v in plan.vendors
            ],
        )
        self._fill(
            self.unmatched,
            [self.tr("行"), self.tr("理由"), self.tr("内容")],
            [[str(r.row), r.reason, r.text] for r in plan.rejected],
        )
        self.tabs.setTabText(
            1,
            self.tr("変更される内容（%1件）").replace(
                "%1", str(len(plan.steps) + len(plan.vendors))
            ),
        )
        self.tabs.setTabText(
            2, self.tr("取り込めない行（%1行）").replace("%1", str(len(plan.rejected)))
        )
        self.summary.setText(
            self.tr(
                "%1行を読み、%2件の団体・業務が一致しました。ステップ %3件・ベンダ %4件が変更されます。取り込めない行は %5行です（推測では取り込みません）。"
            )
            .replace("%1", str(plan.rows_read))
            .replace("%2", str(plan.cells))
            .replace("%3", str(len(plan.steps)))
            .replace("%4", str(len(plan.vendors)))
            .replace("%5", str(len(plan.rejected)))
        )
        self.import_button.setEnabled(not plan.empty)
        self.tabs.setCurrentIndex(1 if not plan.empty else 2)
        return plan

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[Any]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.resizeColumnsToContents()

    def _apply_clicked(self) -> None:
        plan = self.plan
        if plan is None or plan.empty:
            return
        if ask(
            self,
            self.tr("取り込みの確認"),
            self.tr("ステップ %1件・ベンダ %2件を記録します。よろしいですか。")
            .replace("%1", str(len(plan.steps)))
            .replace("%2", str(len(plan.vendors))),
        ):
            self.apply()

    def apply(self) -> list[Any]:
        """Write the plan previewed (the caller has confirmed)."""
        plan = self.plan
        if plan is None:
            return []
        try:
            changes = run_busy(self, lambda: self.importer.apply(plan))
        except UserError as err:
            warn(self, self.tr("取り込めません"), user_message(err))
            return []
        self.imported.emit(changes[-1] if changes else None)
        self.accept()
        return changes


def _system_name(code: str) -> str:
    s = reference.system_by_code(code)
    return s.name if s else code
