"""The history of changes of one record (the issue form's 変更履歴, and any other record's)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.gui.messages import plain_label
from dxdesk.services.records import RecordService


class HistoryDialog(QDialog):
    """Oldest first: when, on which device, what was done, and each value written."""

    def __init__(
        self, service: RecordService, kind_name: str, record_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("変更履歴"))
        self.setObjectName("historyDialog")
        ops = {
            "create": self.tr("作成"),
            "update": self.tr("更新"),
            "delete": self.tr("削除"),
            "restore": self.tr("復元"),
            "correct": self.tr("訂正"),
        }
        entries = service.history(kind_name, record_id)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("端末"), self.tr("操作"), self.tr("内容")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for row, e in enumerate(entries):
            fields = "\n".join(
                f"{QCoreApplication.translate('Field', label)}：{value}"
                for label, value in e.fields
            )
            for col, text in enumerate((e.at, e.device, ops.get(e.op, e.op), fields)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, col, item)
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        note = plain_label(self.tr("%1 件の変更").replace("%1", str(len(entries))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(820, 420)
