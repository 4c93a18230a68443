"""The registers (台帳): every kind of record that has no list of its own elsewhere in the window.

Meetings, trainings and the wishes for them (研修要望), goals with their months, experts, contacts, vendors, staff, groups,
intensive support (集中支援) and the applications for it, case studies, 臨時閉庁日 and the submission register: one tab each,
a ``RecordTable`` (filters, sorting, TSV copy, Delete with Undo, Enter opens the form, the row's
documents in its menu) with a button for a new record, the number of records on the tab. Forms
are the generic ``RecordForm``, laid out from the model's entry fields; a training's
participating organisations are its members editor (gui/members.py); under the engagements,
the year's warnings about them (services/engagements.py), each opening its engagement.

The window builds the tables (``make_table``: the same wiring as its other lists) and opens the
forms; this module only lays the registers out and says what was asked (signals). Imports of
the list machinery wait until the view is first built: the window's start does not load it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.model import kind
from dxdesk.gui.messages import phrase, plain_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget

    from dxdesk.services.goals import GoalMonth, GoalTarget
    from dxdesk.services.phrases import Text

# (kind, shortcut): the order of the tabs and of the 台帳 menu. Shortcuts are Ctrl+Shift+letter,
# none of them a standard key of any platform (tests/gui/test_registers.py checks every
# shortcut of the window is unique).
REGISTERS: tuple[tuple[str, str], ...] = (
    ("meeting", "Ctrl+Shift+M"),
    ("training", "Ctrl+Shift+T"),
    ("training_wish", "Ctrl+Shift+L"),
    ("goal", "Ctrl+Shift+G"),
    ("expert", "Ctrl+Shift+E"),
    ("contact", "Ctrl+Shift+K"),
    ("vendor", "Ctrl+Shift+V"),
    ("staff", "Ctrl+Shift+U"),
    ("group", "Ctrl+Shift+R"),
    ("engagement", "Ctrl+Shift+I"),
    ("engagement_application", "Ctrl+Shift+Y"),
    ("case_study", "Ctrl+Shift+J"),
    ("closed_day", "Ctrl+Shift+O"),
    ("submission", "Ctrl+Shift+B"),
    # Set once a year by the supervisor: no shortcut of their own.
    ("document_form", ""),
    ("plan_item", ""),
    # General DX support (issue 13): the register of outside bodies, the case library, the
    # communication tool (its activity charts under it), coordination and sharing.
    ("stakeholder", "Ctrl+Shift+H"),
    ("case", "Ctrl+Shift+A"),
    ("comm_tool", "Ctrl+Shift+X"),
    ("coordination", "Ctrl+Shift+W"),
    ("info_share", "Ctrl+Shift+F"),
    # Proposals to every municipality (each organisation's own are on its 提案 tab).
    ("proposal", "Ctrl+Shift+P"),
)

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, without converting the Qt namespace's enums


def kind_label(name: str) -> str:
    return QCoreApplication.translate("Kind", kind(name).label)


class GoalProgressPanel(QWidget):
    """The selected goal's months: a chart of the values over the months against the target
    line, and 実績値 and 達成状況 per month; a month opens its progress form."""

    month_requested = Signal(str, str, str)  # goal id, month, progress record id ("" if none)

    def __init__(
        self,
        months: Callable[[str], list[GoalMonth]],
        parent: QWidget | None = None,
        *,
        target: Callable[[str], GoalTarget] | None = None,
    ):
        super().__init__(parent)
        from PySide6.QtWidgets import QTableWidget

        from dxdesk.gui.charts import BarChart

        self._months = months
        self._target = target
        self.goal_id: str | None = None
        self.title = plain_label(self.tr("目標を選ぶと、月ごとの進捗が表示されます。"), self)
        self.chart: BarChart = BarChart(self)
        self.chart.setObjectName("goal_chart")
        self.chart.setAccessibleName(self.tr("月ごとの実績値と目標値"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("goal_months")
        self.table.setHorizontalHeaderLabels(
            [self.tr("年月"), self.tr("実績値"), self.tr("達成状況")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setToolTip(self.tr("ダブルクリックまたは Enter でその月の進捗を入力します。"))
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.cellActivated.connect(self._open_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)

    @property
    def rows(self) -> QTableWidget:
        return self.table

    def set_goal(self, goal_id: str | None, title: str = "") -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        self.goal_id = goal_id
        months = self._months(goal_id) if goal_id else []
        self.title.setText(
            self.tr("「%1」の月ごとの進捗").replace("%1", title)
            if goal_id
            else self.tr("目標を選ぶと、月ごとの進捗が表示されます。")
        )
        from dxdesk.services.goals import chart_points

        aim = self._target(goal_id) if goal_id and self._target else None
        self.chart.set_data(
            chart_points(months),
            target=aim.target if aim else None,
            unit=aim.unit if aim else "",
        )
        self.table.setRowCount(len(months))
        for row, m in enumerate(months):
            value = "" if m.value is None else f"{m.value:g}"
            note = " ".join(m.status.split())
            for col, text in enumerate((m.month, value, note)):
                item = QTableWidgetItem(text)
                item.setData(USER_ROLE, (m.month, m.record_id or ""))
                self.table.setItem(row, col, item)

    def _open_row(self, row: int, _col: int = 0) -> None:
        item = self.table.item(row, 0)
        if item is None or self.goal_id is None:
            return
        month, record_id = item.data(USER_ROLE)
        self.month_requested.emit(self.goal_id, month, record_id)

    def refresh(self) -> None:
        if self.goal_id is not None:
            self.set_goal(self.goal_id, self.title.property("goal_title") or "")


class RegisterView(QWidget):
    """One tab per register (see the module docstring)."""

    new_requested = Signal(str)  # kind
    progress_requested = Signal(str, str, str)  # goal id, month, progress id ("" when none)
    engagement_requested = Signal(str)  # an engagement a warning names
    staff_merge_requested = Signal()  # 担当者の統合 (one person entered twice)

    def __init__(
        self,
        make_table: Callable[[str], Any],
        count: Callable[[str], int],
        goal_months: Callable[[str], list[GoalMonth]],
        parent: QWidget | None = None,
        *,
        engagement_warnings: Callable[[], list[tuple[str, Text]]] = list,
        goal_target: Callable[[str], GoalTarget] | None = None,
        can_merge_staff: bool = False,
        panels: dict[str, Callable[[QWidget], QWidget]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._goal_target = goal_target
        self._make_table = make_table
        self._count = count
        self._goal_months = goal_months
        self._engagement_warnings = engagement_warnings
        # Panels under a register's list (the case finder, the tool's charts), by kind.
        self._panel_makers = panels or {}
        self.panels: dict[str, QWidget] = {}
        self.warning_list: QListWidget | None = None
        self.tables: dict[str, Any] = {}
        self._pages: dict[str, QWidget] = {}
        self.goal_panel: GoalProgressPanel | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("registers")
        self.tabs.setUsesScrollButtons(True)
        for name, _shortcut in REGISTERS:
            page = QWidget()
            page.setObjectName(f"register_{name}")
            column = QVBoxLayout(page)
            column.setContentsMargins(4, 4, 4, 4)
            bar = QHBoxLayout()
            button = QPushButton(self.tr("新規登録（%1）").replace("%1", kind_label(name)), page)
            button.setObjectName(f"new_{name}")
            button.clicked.connect(lambda _=False, k=name: self.new_requested.emit(k))
            bar.addWidget(button)
            if name == "staff" and can_merge_staff:  # the hub's (services/staff.py merge)
                merge = QPushButton(self.tr("担当者の統合(&J)…"), page)
                merge.setObjectName("merge_staff")
                merge.setToolTip(
                    self.tr("同じ人が二重に登録されているとき、記録を一人にまとめます。")
                )
                merge.clicked.connect(lambda _=False: self.staff_merge_requested.emit())
                bar.addWidget(merge)
            bar.addStretch(1)
            column.addLayout(bar)
            self._pages[name] = page
            self.tabs.addTab(page, kind_label(name))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.update_counts()

    # ------------------------------------------------------------ tabs

    def kinds(self) -> list[str]:
        return [name for name, _ in REGISTERS]

    def table(self, name: str) -> Any:
        """The register's list, built when first shown (a dozen tables cost a dozen queries)."""
        if name not in self.tables:
            page = self._pages[name]
            layout = page.layout()
            assert isinstance(layout, QVBoxLayout)
            table = self._make_table(name)
            table.setParent(page)
            if name == "goal":
                from PySide6.QtCore import Qt
                from PySide6.QtWidgets import QSplitter

                split = QSplitter(Qt.Orientation.Vertical, page)
                split.addWidget(table)
                panel = GoalProgressPanel(self._goal_months, split, target=self._goal_target)
                panel.month_requested.connect(self.progress_requested)
                split.addWidget(panel)
                split.setSizes([240, 380])
                layout.addWidget(split, 1)
                self.goal_panel = panel
                table.view.selectionModel().currentRowChanged.connect(
                    lambda *_: self._goal_selected()
                )
            elif name == "engagement":
                from PySide6.QtCore import Qt
                from PySide6.QtWidgets import QSplitter

                # Under the engagements, the warnings of the year (services/engagements.py).
                split = QSplitter(Qt.Orientation.Vertical, page)
                split.addWidget(table)
                box = QWidget(split)
                column = QVBoxLayout(box)
                column.setContentsMargins(0, 0, 0, 0)
                column.addWidget(plain_label(self.tr("集中支援の注意事項"), box))
                self.warning_list = QListWidget(box)
                self.warning_list.setObjectName("engagement_warnings")
                self.warning_list.setToolTip(
                    self.tr("ダブルクリックまたは Enter でその集中支援を開きます。")
                )
                self.warning_list.itemActivated.connect(self._warning_opened)
                self.warning_list.itemDoubleClicked.connect(self._warning_opened)
                column.addWidget(self.warning_list, 1)
                split.addWidget(box)
                split.setSizes([320, 160])
                layout.addWidget(split, 1)
                self._show_warnings()
            elif name in self._panel_makers:
                from PySide6.QtCore import Qt
                from PySide6.QtWidgets import QSplitter

                # A panel under the list: the tools' per-group activity (gui/commtool.py), the
                # case library's similar-size search (gui/cases.py).
                split = QSplitter(Qt.Orientation.Vertical, page)
                split.addWidget(table)
                under = self._panel_makers[name](split)
                split.addWidget(under)
                split.setSizes([160, 420] if name == "comm_tool" else [300, 280])
                layout.addWidget(split, 1)
                self.panels[name] = under
            else:
                layout.addWidget(table, 1)
            table.show()
            self.tables[name] = table
        return self.tables[name]

    def show_kind(self, name: str) -> Any:
        self.tabs.setCurrentWidget(self._pages[name])
        return self.table(name)

    def _tab_changed(self, index: int) -> None:
        for name, page in self._pages.items():
            if self.tabs.widget(index) is page:
                self.table(name)

    def _goal_selected(self) -> None:
        table = self.tables.get("goal")
        if table is None or self.goal_panel is None:
            return
        index = table.view.currentIndex()
        if not index.isValid():
            self.goal_panel.set_goal(None)
            return
        goal_id = table.model.record_id(index.row())
        title = table.model.index(index.row(), 1).data() or ""
        self.goal_panel.title.setProperty("goal_title", title)
        self.goal_panel.set_goal(goal_id, title)

    def _show_warnings(self) -> None:
        if self.warning_list is None:
            return
        self.warning_list.clear()
        found = self._engagement_warnings()
        for engagement_id, message in found:
            item = QListWidgetItem(phrase(message), self.warning_list)
            item.setData(USER_ROLE, engagement_id)
        if not found:
            from PySide6.QtCore import Qt

            item = QListWidgetItem(self.tr("注意事項はありません。"), self.warning_list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # nothing to open

    def _warning_opened(self, item: QListWidgetItem) -> None:
        engagement_id = item.data(USER_ROLE)
        if engagement_id:
            self.engagement_requested.emit(str(engagement_id))

    def update_counts(self) -> None:
        for i, (name, _shortcut) in enumerate(REGISTERS):
            text = self.tr("%1（%2）").replace("%1", kind_label(name))
            self.tabs.setTabText(i, text.replace("%2", f"{self._count(name):,}"))

    def refresh(self) -> None:
        for table in self.tables.values():
            table.refresh()
        if self.goal_panel is not None:
            self.goal_panel.refresh()
        self._show_warnings()
        self.update_counts()
