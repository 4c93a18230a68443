"""The communication tool's activity under its register (6(3)): a group chosen, its posts and
active members per month as two bar charts (the last twelve months with figures), and the import
of the tool's CSV export. The figures and the import are services/commtool.py's; this shows them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dxdesk.errors import UserError
from dxdesk.gui.charts import BarChart
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.services.commtool import GroupActivity, ImportResult

MONTHS_SHOWN = 12
Series = dict[str, list[GroupActivity]]


class CommActivityPanel(QWidget):
    """Per-group charts of the tool's activity, with the CSV import."""

    imported = Signal(object)  # None after an import: the window reloads its lists

    def __init__(
        self,
        series: Callable[[], Series],
        import_csv: Callable[[str], ImportResult],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("comm_activity_panel")
        self._series = series
        self._import = import_csv
        self.data: Series = {}
        self.group = QComboBox(self)
        self.group.setObjectName("comm_group_choice")
        self.group.setAccessibleName(self.tr("グループ"))
        self.group.currentIndexChanged.connect(lambda _i: self._draw())
        self.import_button = QPushButton(self.tr("CSV を取り込む…"), self)
        self.import_button.setObjectName("comm_import")
        self.import_button.setToolTip(
            self.tr(
                "ツールの CSV エクスポート（UTF-8 または Shift_JIS）から月ごとの利用状況を取り込みます。"
            )
        )
        self.import_button.clicked.connect(lambda _=False: self.import_file())
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("グループごとの利用状況："), self))
        top.addWidget(self.group, 1)
        top.addWidget(self.import_button)
        self.posts = BarChart(self)
        self.posts.setObjectName("comm_posts_chart")
        self.active = BarChart(self)
        self.active.setObjectName("comm_active_chart")
        self.status = plain_label(parent=self)
        self.status.setObjectName("comm_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(plain_label(self.tr("投稿数（件）"), self))
        layout.addWidget(self.posts)
        layout.addWidget(plain_label(self.tr("アクティブ人数（人）"), self))
        layout.addWidget(self.active)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        held = self.group.currentText()
        self.data = self._series()
        self.group.blockSignals(True)
        self.group.clear()
        for name in self.data:
            self.group.addItem(name)
        found = self.group.findText(held)
        self.group.setCurrentIndex(found if found >= 0 else 0)
        self.group.blockSignals(False)
        self._draw()

    def _draw(self) -> None:
        months = self.data.get(self.group.currentText(), [])[-MONTHS_SHOWN:]

        def label(m: str) -> str:
            return self.tr("%1月").replace("%1", str(int(m[5:])))

        self.posts.set_data([(label(f.month), float(f.posts or 0)) for f in months])
        self.active.set_data([(label(f.month), float(f.active_members or 0)) for f in months])
        if not self.data:
            self.status.setText(self.tr("利用状況はまだ登録されていません。"))

    def import_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("利用状況の CSV を取り込む"), "", self.tr("CSV ファイル (*.csv)")
            )
            if not path:
                return False
        try:
            done = self._import(path)
        except UserError as err:
            self.status.setText(user_message(err))
            return False
        self.status.setText(
            self.tr("%1の利用状況を%2行取り込みました（%3）。")
            .replace("%1", done.tool)
            .replace("%2", str(done.rows))
            .replace("%3", done.encoding)
        )
        self.refresh()
        self.imported.emit(None)
        return True
