"""The organisation overview tab and the month grid (staff x organisation days and hours)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dxdesk.gui.charts import BarChart
from dxdesk.gui.dates import month_name, shown_stored
from dxdesk.gui.messages import plain_label
from dxdesk.services.overview_detail import MonthGrid, OrgOverview
from dxdesk.text import one_line

Index = QModelIndex | QPersistentModelIndex
SHORT = QColor("#fde2e1")
ROOT = QModelIndex()  # the invisible root, as a default argument


def _compact(iso: str | None) -> str:
    return shown_stored(iso[:10] if iso else iso)


class OverviewPanel(QScrollArea):
    """概要: contacts, last visits, open issues, hours this month vs the target, a year chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.title = plain_label()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = plain_label()
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        figures = QHBoxLayout()
        self.hours = plain_label()
        self.days = plain_label()
        self.issues = plain_label()
        for w in (self.days, self.hours, self.issues):
            w.setObjectName("figure")
            w.setStyleSheet(
                "QLabel#figure { font-size: 13pt; padding: 6px 12px; border: 1px solid #d0d4da; border-radius: 4px; }"
            )
            figures.addWidget(w)
        figures.addStretch(1)
        layout.addLayout(figures)

        self.chart = BarChart()
        chart_box = QGroupBox(self.tr("月別の工数（時間）"))
        QVBoxLayout(chart_box).addWidget(self.chart)
        layout.addWidget(chart_box)

        columns = QHBoxLayout()
        self.visits_box = QGroupBox(self.tr("最近の訪問・ヒアリング"))
        self.visits = plain_label()
        self.visits.setWordWrap(True)
        self.visits.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.visits_box).addWidget(self.visits)
        self.issues_box = QGroupBox(self.tr("未完了の課題"))
        self.issue_list = plain_label()
        self.issue_list.setWordWrap(True)
        self.issue_list.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.issues_box).addWidget(self.issue_list)
        columns.addWidget(self.visits_box, 1)
        columns.addWidget(self.issues_box, 1)
        layout.addLayout(columns)

        self.contacts_box = QGroupBox(self.tr("団体の担当者"))
        self.contacts = QFormLayout(self.contacts_box)
        layout.addWidget(self.contacts_box)
        layout.addStretch(1)

    def show_overview(self, ov: OrgOverview, month: str) -> None:
        org = ov.org
        # Names and titles may come from another device's bundle: controls shown, not obeyed
        # (an override in a contact's name would otherwise turn the phone number around).
        self.title.setText(one_line(org["name"]))
        bits = [one_line(org.get("code") or ""), one_line(org.get("area") or "")]
        if org.get("bansou"):
            bits.append(self.tr("伴走支援対象"))
        if ov.target_days:
            bits.append(self.tr("集中支援（月%1日目標）").replace("%1", str(ov.target_days)))
        self.subtitle.setText("　".join(b for b in bits if b))
        y, m = month.split("-")
        target = f" / {ov.target_days}" if ov.target_days else ""
        self.days.setText(
            self.tr("%1年%2月 現地 %3%4 日")
            .replace("%1", y)
            .replace("%2", str(int(m)))
            .replace("%3", str(ov.days_on_site))
            .replace("%4", target)
        )
        short = ov.target_days is not None and ov.days_on_site < ov.target_days
        self.days.setStyleSheet(
            "QLabel#figure { font-size: 13pt; padding: 6px 12px; border: 1px solid #d0d4da;"
            f" border-radius: 4px; background: {'#fde2e1' if short else 'transparent'}; }}"
        )
        self.hours.setText(self.tr("工数 %1 時間").replace("%1", f"{ov.hours_month:g}"))
        self.issues.setText(self.tr("未完了の課題 %1 件").replace("%1", str(ov.open_issue_count)))
        self.chart.set_data(
            [(month_name(int(k[5:])), v) for k, v in ov.monthly_hours], unit=self.tr("時間")
        )
        self.visits.setText(
            "\n".join(
                f"{_compact(v['date'])}　{one_line(v['mode'])}　{one_line(v['title'])}"
                for v in ov.last_visits
            )
            or self.tr("訪問の記録はありません")
        )
        self.issue_list.setText(
            "\n".join(
                f"［{one_line(i['priority'] or '－')}］{one_line(i['title'])}"
                f"（{one_line(i['status'])}"
                + (f"、期限 {_compact(i['due_date'])}" if i["due_date"] else "")
                + "）"
                + self._shared_text(i.get("shared_names") or [])
                for i in ov.open_issues[:10]
            )
            or self.tr("未完了の課題はありません")
        )
        while self.contacts.rowCount():
            self.contacts.removeRow(0)
        for c in ov.contacts:
            label = one_line(f"{c['department'] or ''} {c['title'] or ''}".strip())
            shown = "　".join(one_line(c[k] or "") for k in ("name", "phone", "email"))
            # A caption of our own label: QFormLayout would make one that guesses at HTML.
            self.contacts.addRow(plain_label(label + "："), plain_label(shown))
        if not ov.contacts:
            self.contacts.addRow(plain_label(self.tr("登録されていません")))

    def _shared_text(self, names: list[str]) -> str:
        """「 共有：都城市ほか2団体」 after an issue shared with other organisations (its
        主担当団体 first; services/shared.py), nothing after one of its own."""
        if len(names) < 2:
            return ""
        owner = one_line(names[0])
        return " " + self.tr("共有：%1ほか%n団体", "", len(names) - 1).replace("%1", owner)


class MonthGridModel(QAbstractTableModel):
    """Rows: organisations; columns: staff, then total days / hours and the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid: MonthGrid | None = None

    def set_grid(self, grid: MonthGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.orgs)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.staff) + 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.grid.orgs[section][1]
        staff = len(self.grid.staff)
        if section < staff:
            return self.grid.staff[section][1]
        return [self.tr("現地日数計"), self.tr("工数計（時間）"), self.tr("目標日数")][
            section - staff
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or not index.isValid():
            return None
        org_id = self.grid.orgs[index.row()][0]
        staff = len(self.grid.staff)
        col = index.column()
        target = self.grid.targets.get(org_id)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col == staff and target is not None:
            return QBrush(SHORT) if self.grid.org_days(org_id) < target else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col < staff:
            cell = self.grid.cells.get((self.grid.staff[col][0], org_id))
            return "" if cell is None else f"{cell.days}日 / {cell.hours:g}h"
        if col == staff:
            return str(self.grid.org_days(org_id))
        if col == staff + 1:
            return f"{self.grid.org_hours(org_id):g}"
        return "" if target is None else str(target)


class MonthGridView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.caption = plain_label()
        layout.addWidget(self.caption)
        self.model = MonthGridModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(112)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table)
        note = plain_label(
            self.tr(
                "現地日数は工数の「現地」記録から数えます。集中支援の団体で目標日数に届かない月は赤で示します。"
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)

    def show_grid(self, grid: MonthGrid) -> None:
        y, m = grid.month.split("-")
        self.caption.setText(
            self.tr("%1年%2月の工数（担当者 × 団体）").replace("%1", y).replace("%2", str(int(m)))
        )
        self.model.set_grid(grid)
