"""The management table (管理表, 6(2)イ⑦) of one engagement in the window: per month and per
常時支援者 the days on site, the hours, what was done and the next steps, with the month to show,
the totals, and an .xlsx to share with the prefecture.

The figures are services/engagement_table.py's (the CLI's .xlsx prints the same cells); this only
shows them. A row opens the supporter's note for the month (``engagement_month``) in the record
form: what was done and the next steps are typed there, never the days or hours.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.model import kind
from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.services.drafts import DraftService
from dxdesk.services.engagement_table import (
    EngagementTableService,
    ManagementTable,
    engagement_months,
    table_rows,
    write_table_xlsx,
)
from dxdesk.services.records import RecordService

NOTE_KIND = "engagement_month"
NUMERIC_COLUMNS = (2, 3)


def _header() -> list[str]:
    return [
        QCoreApplication.translate("ManagementTable", "年月"),
        QCoreApplication.translate("ManagementTable", "常時支援者"),
        QCoreApplication.translate("ManagementTable", "現地日数"),
        QCoreApplication.translate("ManagementTable", "時間"),
        QCoreApplication.translate("ManagementTable", "実施内容"),
        QCoreApplication.translate("ManagementTable", "次の対応"),
    ]


class ManagementTableView(QDialog):
    """One engagement's 管理表: a month chooser, the table, its totals and the export."""

    changed = Signal(object)  # Change: a note of the table was saved

    def __init__(
        self,
        service: RecordService,
        drafts: DraftService,
        engagement_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("management_table")
        self.service = service
        self.drafts = drafts
        self.engagement_id = engagement_id
        self.tables = EngagementTableService(service.profile)
        self.current: ManagementTable | None = None
        self.note_form: Any = None
        found = self.tables.engagements.find(engagement_id)
        if found is None:
            raise UserError("unknown_record", label=kind("engagement").label, id=engagement_id)
        self.engagement = found
        self.setWindowTitle(self.tr("管理表 — %1").replace("%1", found.org))
        self.resize(1100, 600)

        self.title = plain_label(f"{found.org}　{found.theme}".strip(), self)
        self.title.setObjectName("management_title")
        self.month = QComboBox(self)
        self.month.setObjectName("management_month")
        self.month.setAccessibleName(self.tr("表示する月"))
        self.month.addItem(self.tr("今月までの全期間"), "")
        for m in engagement_months(found):
            self.month.addItem(f"{int(m[:4])}年{int(m[5:])}月", m)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button = QPushButton(self.tr("Excel に書き出す…"), self)
        self.export_button.setObjectName("management_export")
        self.export_button.clicked.connect(lambda _=False: self.export())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(plain_label(self.tr("表示する月："), self))
        top.addWidget(self.month)
        top.addWidget(self.export_button)

        self.table = QTableWidget(0, len(_header()), self)
        self.table.setObjectName("management_rows")
        self.table.setHorizontalHeaderLabels(_header())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((80, 120, 80, 70, 440)):
            self.table.setColumnWidth(col, width)
        self.table.setToolTip(
            self.tr("ダブルクリックまたは Enter で、その月の実施内容と次の対応を記入します。")
        )
        self.table.cellDoubleClicked.connect(self.open_note)
        self.table.cellActivated.connect(self.open_note)
        self.totals = plain_label(parent=self)
        self.totals.setObjectName("management_totals")
        self.status = plain_label(parent=self)
        self.status.setObjectName("management_status")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        self.refresh()

    def selected_month(self) -> str | None:
        return str(self.month.currentData() or "") or None

    def refresh(self) -> None:
        t = self.tables.table(self.engagement_id, self.selected_month())
        self.current = t
        cells = table_rows(t)
        self.table.setRowCount(len(cells))
        for r, (row, source) in enumerate(zip(cells, t.rows, strict=True)):
            for c, value in enumerate(row):
                text = f"{value:g}" if isinstance(value, float) else str(value)
                item = QTableWidgetItem(text)
                if c in NUMERIC_COLUMNS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setData(Qt.ItemDataRole.UserRole, (source.month, source.staff_id))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.totals.setText(
            self.tr("合計：現地 %1 日、%2 時間")
            .replace("%1", str(t.total_days))
            .replace("%2", f"{t.total_hours:g}")
        )

    def open_note(self, row: int, _col: int = 0) -> Any:
        """The supporter's note for the row's month, in the record form (new when none)."""
        from dxdesk.gui.forms import RecordForm

        if self.current is None or not 0 <= row < len(self.current.rows):
            return None
        r = self.current.rows[row]
        initial = (
            None
            if r.note_id
            else {"engagement_id": self.engagement_id, "staff_id": r.staff_id, "month": r.month}
        )
        form = RecordForm(
            self.service, self.drafts, NOTE_KIND, record_id=r.note_id, initial=initial, parent=self
        )
        form.saved.connect(self.changed)
        form.saved.connect(lambda _change: self.refresh())
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self.note_form = form
        form.open()
        return form

    def export(self, path: str | None = None) -> str | None:
        """Write the table shown as .xlsx (asked for a file name when none is given)."""
        if self.current is None:
            return None
        if path is None:
            month = self.selected_month() or "全期間"
            suggested = f"管理表_{self.engagement.org}_{month}.xlsx"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("管理表を書き出す"), suggested, self.tr("Excel ブック (*.xlsx)")
            )
            if not path:
                return None
        try:
            written = write_table_xlsx(self.current, path)
        except UserError as err:
            self.status.setText(user_message(err))
            return None
        self.status.setText(self.tr("書き出しました：%1").replace("%1", written))
        return written
