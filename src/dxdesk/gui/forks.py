"""Two histories under one device (a copied profile), kept aside at import, for a person to decide.

The import kept the second history's changes apart (services/sync.py, "forks"): nothing of it is
merged or lost. Here the supervisor sees what each holds and either adopts it (its values are
written as this device's own edits, which then sync) or sets it aside (it stays stored).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.gui.worker import wait_cursor
from dxdesk.services import sync
from dxdesk.services.profile import Profile
from dxdesk.text import escape_controls


class ForksView(QWidget):
    """The histories kept aside, newest last; adopt or set aside the selected one."""

    changed = Signal()

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.setObjectName("forksView")
        title = plain_label(self.tr("別の履歴（プロファイルの複製）"))
        title.setFont(QFont(title.font().family(), title.font().pointSize() + 3))
        note = plain_label(
            self.tr(
                "同じ端末の記録が、別の内容で2通り届きました。プロファイルのフォルダを複製して"
                "2台で使った可能性があります。後から届いた方は取り込まずに、ここに保管しています。"
                "内容を確認し、「取り込む」でこの端末の編集として反映するか、「見送る」を選んでください"
                "（見送っても保管した変更は消えません）。複製された端末は、新しいプロファイルとして"
                "登録し直してください。"
            )
        )
        note.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("forks")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("端末"),
                self.tr("内容"),
                self.tr("連番"),
                self.tr("検出日時"),
                self.tr("状態"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.adopt_button = QPushButton(self.tr("取り込む(&A)"))
        self.adopt_button.setObjectName("adoptFork")
        self.adopt_button.clicked.connect(self.adopt_selected)
        self.dismiss_button = QPushButton(self.tr("見送る(&D)"))
        self.dismiss_button.setObjectName("dismissFork")
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.status = plain_label()
        self.status.setObjectName("forksStatus")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.adopt_button)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.forks: list[sync.ForkShown] = []
        self.refresh()

    def refresh(self) -> None:
        self.forks = sync.list_forks(self.profile)
        self.table.setRowCount(len(self.forks))
        for row, f in enumerate(self.forks):
            contents = self.tr("、").join(
                self.tr("%1 %2件")
                .replace("%1", QCoreApplication.translate("Kind", label))
                .replace("%2", str(n))
                for label, n in f.kinds
            )
            values = [
                f.device_name,
                contents,
                f"{f.first_seq}–{f.last_seq}",
                f.detected_at[:16].replace("T", " "),
                self.tr("未対応"),
            ]
            for col, value in enumerate(values):
                # Names come from other devices: controls and bidi overrides shown escaped.
                item = QTableWidgetItem(escape_controls(value))
                self.table.setItem(row, col, item)
        for col, width in enumerate((200, 260, 110, 140)):
            self.table.setColumnWidth(col, width)
        if self.forks:
            self.table.selectRow(0)
        for button in (self.adopt_button, self.dismiss_button):
            button.setEnabled(bool(self.forks))
        if not self.forks:
            self.status.setText(self.tr("保管している別の履歴はありません。"))

    def _selected(self) -> sync.ForkShown | None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) != 1:
            self.status.setText(self.tr("対象を 1 行選んでください。"))
            return None
        return self.forks[rows[0]]

    def adopt_selected(self) -> bool:
        fork = self._selected()
        if fork is None:
            return False
        try:
            with wait_cursor():
                count = sync.adopt_fork(self.profile, fork.id)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(
            self.tr(
                "別の履歴を取り込みました（記録の変更 %1 件）。次のバンドルで他の端末にも届きます。"
            ).replace("%1", str(count))
        )
        self.changed.emit()
        return True

    def dismiss_selected(self) -> bool:
        fork = self._selected()
        if fork is None:
            return False
        try:
            sync.dismiss_fork(self.profile, fork.id)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.refresh()
        self.status.setText(self.tr("別の履歴を見送りました（保管した変更は残しています）。"))
        return True
