"""The case library's 同規模自治体 search under its register: an organisation, a theme and a
band give the cases of a similar population (services/cases.py holds the rule); a case found
opens in its form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.model import DX_THEMES
from dxdesk.errors import UserError
from dxdesk.gui.messages import plain_label, user_message
from dxdesk.services.cases import DEFAULT_BAND, CaseSearch

Search = Callable[[str | None, str | None, float], CaseSearch]


class CaseFinderPanel(QWidget):
    """Cases of a population similar to the chosen organisation's, of a theme."""

    case_requested = Signal(str)  # a case's id

    def __init__(
        self,
        search: Search,
        orgs: list[tuple[str, str, int | None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("case_finder")
        self._search = search
        self.org = QComboBox(self)
        self.org.setObjectName("case_org")
        self.org.setAccessibleName(self.tr("同規模の事例を探す団体"))
        self.org.addItem(self.tr("（団体を選ぶと同規模の事例に絞り込みます）"), "")
        for org_id, name, population in orgs:
            size = (
                self.tr("人口 %1人").replace("%1", f"{population:,}")
                if population is not None
                else self.tr("人口未確認")
            )
            self.org.addItem(f"{name}（{size}）", org_id)
        self.theme = QComboBox(self)
        self.theme.setObjectName("case_theme")
        self.theme.addItem(self.tr("すべてのテーマ"), "")
        for t in DX_THEMES:
            self.theme.addItem(QCoreApplication.translate("Choice", t), t)
        self.band = QDoubleSpinBox(self)
        self.band.setObjectName("case_band")
        self.band.setRange(0.0, 5.0)
        self.band.setSingleStep(0.1)
        self.band.setValue(DEFAULT_BAND)
        self.band.setToolTip(self.tr("0.5 で人口の 2/3 倍〜1.5 倍を同規模とみなします。"))
        for box in (self.org, self.theme):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.band.valueChanged.connect(lambda _v: self.refresh())
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("同規模の事例："), self))
        top.addWidget(self.org, 2)
        top.addWidget(self.theme, 1)
        top.addWidget(plain_label(self.tr("幅"), self))
        top.addWidget(self.band)
        self.summary = plain_label(parent=self)
        self.summary.setObjectName("case_summary")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("case_results")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("事例名"),
                self.tr("自治体"),
                self.tr("都道府県"),
                self.tr("人口"),
                self.tr("テーマ"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.cellActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        org = str(self.org.currentData() or "") or None
        theme = str(self.theme.currentData() or "") or None
        try:
            found = self._search(org, theme, self.band.value())
        except UserError as err:
            self.summary.setText(user_message(err))
            self.table.setRowCount(0)
            return
        if found.reference is not None:
            text = (
                self.tr("人口%1人に対し、%2〜%3人の自治体の事例です（%4件）。")
                .replace("%1", f"{found.reference:,}")
                .replace("%2", f"{found.low:,}")
                .replace("%3", f"{found.high:,}")
                .replace("%4", str(len(found.cases)))
            )
            if found.unknown:
                text += self.tr("人口が分からないため対象外とした事例：%1件").replace(
                    "%1", str(found.unknown)
                )
        else:
            text = self.tr("%1件の事例です。").replace("%1", str(len(found.cases)))
        self.summary.setText(text)
        self.table.setRowCount(len(found.cases))
        for row, c in enumerate(found.cases):
            cells = (
                c.title,
                c.municipality,
                c.prefecture,
                "" if c.population is None else f"{c.population:,}",
                QCoreApplication.translate("Choice", c.theme) if c.theme else "",
            )
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                if col == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, col, item)

    def _open(self, row: int, _col: int = 0) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.case_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
