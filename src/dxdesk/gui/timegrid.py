"""週間工数: one staff member's week of hours as a grid, and the quick-add bar.

``WeekGridModel`` is a QAbstractTableModel over ``TimesheetService.week``: rows are
(organisation, activity, 現地), columns Monday to Sunday and a total, the last row the day
totals. Typing ``1.5`` or ``1:30`` into a cell asks the service to make that cell hold those
hours (a new entry, or a correcting entry that supersedes the old one; empty or 0 clears it).
A refused value (bad input, a day over 24 hours) is shown in a bubble beside the cell and
nothing is written. ``QuickAddBar`` adds one entry (Enter adds); the grid shows it at once.
Both emit ``changed`` with the Change(s) so the main window refreshes its other views.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core.calendar import format_wareki
from dxdesk.core.clock import today_jst
from dxdesk.core.model import ACTIVITIES
from dxdesk.errors import UserError, ValidationError
from dxdesk.gui.dates import shown_date
from dxdesk.gui.messages import plain_label
from dxdesk.gui.widgets import ChoiceCombo, DateEdit, OrgCombo, emit_signal
from dxdesk.services.phrases import HOLIDAY
from dxdesk.services.timesheet import (
    MAX_DAY_HOURS,
    TimesheetService,
    Week,
    WeekRow,
    parse_hours,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
LEAD_COLUMNS = 3  # 団体, 作業区分, 現地
ON_SITE = QColor("#e3f1e3")
WEEKEND = QColor("#f4f4f4")
OVER = QColor("#fde2e1")
UNFILLED = QColor("#fff3cd")  # the day total of a 開庁日 without hours
HOLIDAY_TEXT = QColor("#b71c1c")
UNFILLED_TEXT = QColor("#8a5a00")
ERROR_STYLE = (
    "QLabel { background: #fff4f4; color: #b71c1c; border: 1px solid #c62828; padding: 2px 6px; }"
)


def hours_text(value: float) -> str:
    return "" if not value else f"{value:g}"


class WeekGridModel(QAbstractTableModel):
    """Rows: the week's (organisation, activity, 現地) rows, then the day totals."""

    write_failed = Signal(object, str)  # (QModelIndex, reason)
    written = Signal(object)  # list[Change]
    accepted = Signal()  # a typed value was taken (perhaps with nothing to change)

    def __init__(self, service: TimesheetService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.week: Week | None = None
        self.pending = False  # a reload after a write is queued

    # ------------------------------------------------------------ data

    def load(self, staff_id: str, day: date) -> None:
        self.beginResetModel()
        self.week = self.service.week(staff_id, day)
        self.endResetModel()

    def reload(self) -> None:
        if self.week is not None:
            self.load(self.week.staff_id, self.week.start)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.week is None else len(self.week.rows) + 1

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else LEAD_COLUMNS + 7 + 1

    def is_total_row(self, row: int) -> bool:
        return self.week is not None and row == len(self.week.rows)

    def day_of(self, column: int) -> date | None:
        if self.week is None or not LEAD_COLUMNS <= column < LEAD_COLUMNS + 7:
            return None
        return self.week.start + timedelta(days=column - LEAD_COLUMNS)

    def week_row(self, row: int) -> WeekRow | None:
        if self.week is None or not 0 <= row < len(self.week.rows):
            return None
        return self.week.rows[row]

    def _day_name(self, day: date) -> str:
        """A closed day's name (文化の日, 年末年始) in the window's language."""
        assert self.week is not None
        return QCoreApplication.translate(HOLIDAY, self.week.day_names[day])

    def weekday_names(self) -> list[str]:
        return [
            self.tr("月"),
            self.tr("火"),
            self.tr("水"),
            self.tr("木"),
            self.tr("金"),
            self.tr("土"),
            self.tr("日"),
        ]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.week is None:
            return None
        day = self.day_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section < LEAD_COLUMNS:
                return [self.tr("団体"), self.tr("作業区分"), self.tr("現地")][section]
            if day is None:
                return self.tr("計")
            marks = [self._day_name(day)] if day in self.week.day_names else []
            if day in self.week.unfilled:
                marks.append(self.tr("未入力"))
            if day in self.week.on_site_days:
                marks.append(self.tr("現地"))
            head = f"{day.month}/{day.day}({self.weekday_names()[day.weekday()]})"
            return "\n".join([head, *marks])
        if role == Qt.ItemDataRole.ToolTipRole and day is not None:
            tip = format_wareki(day, weekday=True)
            if day in self.week.day_names:
                tip += self.tr("（%1・閉庁日）").replace("%1", self._day_name(day))
            if day in self.week.unfilled:
                tip += "\n" + self.tr("開庁日ですが、工数が入力されていません。")
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and day in self.week.day_names:
            return QBrush(HOLIDAY_TEXT)  # with the name printed: not by colour alone
        if role == Qt.ItemDataRole.ForegroundRole and day in self.week.unfilled:
            return QBrush(UNFILLED_TEXT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.week is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        day = self.day_of(col)
        wr = self.week_row(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(wr, row, col, day, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col >= LEAD_COLUMNS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if day is not None and self.is_total_row(row):
                total = self.week.day_totals[day.weekday()]
                if total > MAX_DAY_HOURS:
                    return QBrush(OVER)
                if day in self.week.unfilled:
                    return QBrush(UNFILLED)
                return QBrush(WEEKEND) if day in self.week.closed else None
            if day is not None and wr is not None and wr.key.on_site and wr.hours[day.weekday()]:
                return QBrush(ON_SITE)
            if day is not None and day in self.week.closed:
                return QBrush(WEEKEND)  # 土日・祝日・年末年始・臨時閉庁日 alike
            return None
        totals = self.is_total_row(row) or col == LEAD_COLUMNS + 7
        if role == Qt.ItemDataRole.FontRole and totals:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, wr: WeekRow | None, row: int, col: int, day: date | None, editing: bool) -> str:
        assert self.week is not None
        if wr is None:  # the totals row
            if col == 0:
                return self.tr("日計")
            if day is not None:
                return hours_text(self.week.day_totals[day.weekday()])
            return f"{self.week.total:g}" if col == LEAD_COLUMNS + 7 else ""
        if col == 0:
            return wr.org_name or self.tr("（団体なし）")
        if col == 1:  # a choice of the model: in the window's language
            return QCoreApplication.translate("Choice", wr.key.activity) if wr.key.activity else ""
        if col == 2:
            return self.tr("現地") if wr.key.on_site else ""
        if day is not None:
            value = wr.hours[day.weekday()]
            return f"{value:g}" if editing and value else hours_text(value)
        return f"{wr.total:g}"

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.day_of(index.column()) is not None and self.week_row(index.row()) is not None:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        day = self.day_of(index.column())
        wr = self.week_row(index.row())
        if role != Qt.ItemDataRole.EditRole or day is None or wr is None or self.week is None:
            return False
        try:
            changes = self.service.set_hours(
                staff_id=self.week.staff_id,
                day=day,
                org_id=wr.key.org_id,
                activity=wr.key.activity,
                on_site=wr.key.on_site,
                hours=str(value),
            )
        except ValidationError as err:
            emit_signal(self.write_failed, QPersistentModelIndex(index), err.reason)
            return False
        except UserError as err:
            emit_signal(self.write_failed, QPersistentModelIndex(index), err.message)
            return False
        emit_signal(self.accepted)
        if changes:
            # Show the value at once; rows may appear or go (a cleared row), so the whole small
            # week is reloaded right after, not inside the view's commitData (a reset there
            # would pull the editor out from under the view).
            wr.hours[day.weekday()] = parse_hours(str(value))
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.pending = True
            QTimer.singleShot(0, lambda: self._after_write(changes))
        return True

    def _after_write(self, changes: list[Any]) -> None:
        self.pending = False
        self.reload()
        emit_signal(self.written, changes)


class QuickAddBar(QWidget):
    """Date, organisation (completion), hours, activity, 現地, note; Enter adds one entry."""

    added = Signal(object)  # a Change

    def __init__(
        self,
        service: TimesheetService,
        orgs: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.staff_id: str | None = service.default_staff()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        outer.addLayout(row)
        self.date = DateEdit(self, hint=False)
        self.date.set_value(today_jst().isoformat())
        self.org = OrgCombo(orgs, self)
        self.hours = QLineEdit(self)
        self.hours.setObjectName("quick_hours")
        self.hours.setPlaceholderText(self.tr("時間（1.5 / 1:30）"))
        self.hours.setMaximumWidth(
            self.hours.fontMetrics().horizontalAdvance("時間（1.5 / 1:30）") + 16
        )
        self.activity = ChoiceCombo(
            [(a, QCoreApplication.translate("Choice", a)) for a in ACTIVITIES], parent=self
        )
        self.on_site = QCheckBox(self.tr("現地"), self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("内容（任意）"))
        self.add_button = QPushButton(self.tr("追加"), self)
        for label, widget, stretch in (
            (self.tr("日付"), self.date, 0),
            (self.tr("団体"), self.org, 2),
            (None, self.hours, 0),
            (self.tr("作業区分"), self.activity, 0),
            (None, self.on_site, 0),
            (None, self.note, 2),
            (None, self.add_button, 0),
        ):
            if label:
                row.addWidget(plain_label(label, self))
            row.addWidget(widget, stretch)
        self.error = plain_label(parent=self)
        self.error.setObjectName("quick_error")
        self.error.setStyleSheet("QLabel { color: #b71c1c; }")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        for line in (self.date.line, self.org.line, self.hours, self.note):
            line.returnPressed.connect(self.add)
        self.setTabOrder(self.date.line, self.org.combo)
        self.setTabOrder(self.org.combo, self.hours)
        self.setTabOrder(self.hours, self.activity.combo)
        self.setTabOrder(self.activity.combo, self.on_site)
        self.setTabOrder(self.on_site, self.note)
        self.setTabOrder(self.note, self.add_button)

    def set_org(self, org_id: str | None) -> None:
        self.org.set_value(org_id or "")

    def add(self) -> None:
        if self.staff_id is None:
            self._show_error(self.tr("担当者が登録されていません。"))
            return
        try:
            change = self.service.quick_add(
                staff_id=self.staff_id,
                day=str(self.date.value() or ""),
                hours=self.hours.text(),
                org=str(self.org.value() or "") or None,
                activity=str(self.activity.value() or "") or None,
                on_site=self.on_site.isChecked(),
                note=self.note.text().strip() or None,
            )
        except ValidationError as err:
            self._show_error(f"{err.params.get('label', '')}：{err.reason}")
            return
        except UserError as err:
            self._show_error(err.message)
            return
        self._show_error(None)
        self.hours.clear()
        self.note.clear()
        self.hours.setFocus()
        emit_signal(self.added, change)

    def _show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class WeekView(QWidget):
    """The global view 週間工数: staff chooser, week navigation, the grid and the quick-add bar."""

    changed = Signal(object)  # the last Change written

    def __init__(
        self,
        service: TimesheetService,
        orgs: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.day = today_jst()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        top.addWidget(plain_label(self.tr("担当者"), self))
        self.staff = QComboBox(self)
        self.staff.setObjectName("week_staff")
        for staff_id, name in service.staff():
            self.staff.addItem(name, staff_id)
        own = service.default_staff()
        self.staff.setCurrentIndex(max(0, self.staff.findData(own)))
        top.addWidget(self.staff)
        self.prev_button = QPushButton(self.tr("◀ 前の週"), self)
        self.today_button = QPushButton(self.tr("今週"), self)
        self.next_button = QPushButton(self.tr("次の週 ▶"), self)
        for b in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(b)
        self.caption = plain_label(parent=self)
        font = QFont(self.caption.font())
        font.setBold(True)
        self.caption.setFont(font)
        top.addWidget(self.caption, 1)

        self.model = WeekGridModel(service, self)
        self.table = QTableView(self)
        self.table.setObjectName("week_grid")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("宮崎県 デジタル推進課") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("ヒアリング") + 24)
        header.resizeSection(2, metrics.horizontalAdvance("現地") + 24)
        # The days and the total share what is left, so the whole week fits at 1366x768.
        header.setMinimumSectionSize(metrics.horizontalAdvance("12/31(水)") + 12)
        for col in range(LEAD_COLUMNS, LEAD_COLUMNS + 8):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        # Refusals are shown beside the cell they concern (and repeated below for screen
        # readers); the bubble goes when the user types again or moves on.
        self.bubble = plain_label(parent=self.table.viewport())
        self.bubble.setObjectName("cell_error")
        self.bubble.setStyleSheet(ERROR_STYLE)
        self.bubble.hide()
        self.warnings = plain_label(parent=self)
        self.warnings.setObjectName("week_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(
            "QLabel { background: #fff8e1; border: 1px solid #f9a825; padding: 4px; }"
        )
        self.warnings.hide()
        layout.addWidget(self.warnings)
        hint = plain_label(
            self.tr(
                "セルに 1.5 や 1:30 の形式で時間を入力します（空欄または 0 で取り消し）。"
                "修正は訂正記録として追加され、元の記録は残ります。緑のセルは現地での作業です。"
                "灰色の列は閉庁日（土日・祝日・年末年始・臨時閉庁日）、「未入力」は工数のない開庁日です。"
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.quick = QuickAddBar(service, orgs, self)
        layout.addWidget(self.quick)

        self.prev_button.clicked.connect(lambda: self.go(-7))
        self.next_button.clicked.connect(lambda: self.go(7))
        self.today_button.clicked.connect(self.go_today)
        self.staff.currentIndexChanged.connect(self._staff_changed)
        self.model.write_failed.connect(self._show_cell_error)
        self.model.written.connect(self._written)
        self.model.accepted.connect(self.bubble.hide)
        self.quick.added.connect(self._added)
        self.table.selectionModel().currentChanged.connect(lambda *_: self.bubble.hide())
        self.quick.staff_id = self.staff_id
        self.refresh()

    @property
    def staff_id(self) -> str | None:
        data = self.staff.currentData()
        return None if data is None else str(data)

    def go(self, days: int) -> None:
        self.day += timedelta(days=days)
        self.refresh()

    def go_today(self) -> None:
        self.day = today_jst()
        self.refresh()

    def show_week(self, day: date) -> None:
        self.day = day
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.bubble.hide()
        if self.staff_id is None:
            return
        self.model.load(self.staff_id, self.day)
        week = self.model.week
        assert week is not None
        end = week.start + timedelta(days=6)
        # The quick-add date follows the week shown (a date typed in this week is kept).
        typed = self.quick.date.current_date()
        if week.entry_day is not None and (typed is None or not week.start <= typed <= end):
            self.quick.date.set_value(week.entry_day.isoformat())
        self.caption.setText(
            self.tr("%1 〜 %2　合計 %3 時間")
            .replace("%1", shown_date(week.start, weekday=True))
            .replace("%2", shown_date(end))
            .replace("%3", f"{week.total:g}")
        )
        self._show_warnings(week)

    def _show_warnings(self, week: Week) -> None:
        lines = []
        for c in week.conflicts:
            values = "・".join(f"{h:g}" for _, h in c.corrections)
            lines.append(
                self.tr(
                    "%1：同じ工数が複数の端末で訂正されています（%2 時間）。"
                    "集計には %3 時間を用いています。セルに正しい値を入力すると確定します。"
                )
                .replace("%1", c.date)
                .replace("%2", values)
                .replace("%3", f"{c.corrections[0][1]:g}")
            )
        for day, total in zip(week.days, week.day_totals, strict=True):
            if total > MAX_DAY_HOURS:
                lines.append(
                    self.tr("%1：1日の合計が %2 時間です。")
                    .replace("%1", shown_date(day))
                    .replace("%2", f"{total:g}")
                )
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def _staff_changed(self) -> None:
        self.quick.staff_id = self.staff_id
        self.refresh()

    def _show_cell_error(self, index: QPersistentModelIndex, reason: str) -> None:
        rect = self.table.visualRect(self.model.index(index.row(), index.column()))
        self.bubble.setText(reason)
        self.bubble.adjustSize()
        x = rect.right() + 4
        viewport = self.table.viewport()
        if x + self.bubble.width() > viewport.width():  # no room on the right: go left
            x = max(0, rect.left() - self.bubble.width() - 4)
        self.bubble.move(QPoint(x, rect.top()))
        self.bubble.show()
        self.bubble.setAccessibleDescription(reason)

    def _written(self, changes: list[Any]) -> None:
        self.refresh()
        emit_signal(self.changed, changes[-1] if changes else None)  # one Change, as elsewhere

    def _added(self, change: object) -> None:
        typed = self.quick.date.current_date()
        if typed is not None:
            self.day = typed  # show the week the entry went into
        self.refresh()
        emit_signal(self.changed, change)


__all__ = ["QuickAddBar", "WeekGridModel", "WeekView"]
