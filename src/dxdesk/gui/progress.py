"""標準化の進捗: the matrix of organisations x business systems, and a cell's detail.

Thin over ``services.progress``: every figure, state and mark is computed there (the national
rate, 対象外 by rule, behind plan, the deadline risk); this module only colours, labels and
filters them. A cell is coloured by its 完了率 and labelled with the furthest step reached;
corner marks say 計画より遅れ, 特定移行支援, 期限後の移行予定 and 運用開始 (the legend draws the same
shapes). Arrow keys move between cells, Enter (or a click) opens the cell's detail, where one
step or a range is set at once ("steps 1-12 完了済み on 2025-06-30").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dxdesk.core import progress as rules
from dxdesk.core import reference
from dxdesk.core.model import STEP_STATUSES
from dxdesk.core.progress import Cell
from dxdesk.errors import UserError
from dxdesk.gui.dates import shown_date
from dxdesk.gui.messages import phrase, plain_label, plain_tooltip, user_message, warn
from dxdesk.services import attention
from dxdesk.services.progress import (
    Matrix,
    ProgressService,
    Summary,
    behind_text,
    is_shown,
    vendor_cells,
    vendor_names,
    write_matrix_workbook,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
MONTHS_SHOWN = 24  # the month chooser: the last two years (a fiscal year and the one before)


def recent_months(today: date, count: int) -> list[str]:
    """The ``count`` months before today's, newest first (``YYYY-MM``)."""
    out = []
    index = today.year * 12 + today.month - 1
    for i in range(1, count + 1):
        y, m0 = divmod(index - i, 12)
        out.append(f"{y:04d}-{m0 + 1:02d}")
    return out


# Rate bands (lower bound in percent, colour): light enough for black text to stay readable.
BANDS: tuple[tuple[float, str], ...] = (
    (100.0, "#7fbf7b"),
    (90.0, "#c2e3b8"),
    (75.0, "#eef5c0"),
    (50.0, "#fde0a8"),
    (0.0, "#f6b7a8"),
)
NOT_APPLICABLE = QColor("#d9d9d9")
UNRECORDED = QColor("#ffffff")
SUMMARY = QColor("#eef1f6")
# The corner marks: colour and corner (the legend paints the same shapes).
MARK_BEHIND = ("behind", QColor("#d7191c"), "top_left")
MARK_SPECIAL = ("special", QColor("#5e3c99"), "top_right")
MARK_RISK = ("risk", QColor("#e66101"), "bottom_right")
MARK_LIVE = ("live", QColor("#1a7837"), "bottom_left")
MARKS = (MARK_BEHIND, MARK_SPECIAL, MARK_RISK, MARK_LIVE)
MARKS_ROLE = Qt.ItemDataRole.UserRole + 1
CELL_ROLE = Qt.ItemDataRole.UserRole + 2


def band_colour(rate: float) -> QColor:
    for lower, colour in BANDS:
        if rate >= lower:
            return QColor(colour)
    return QColor(BANDS[-1][1])  # pragma: no cover - 0 is the last band


def cell_marks(c: Cell) -> tuple[str, ...]:
    marks = []
    if c.behind_plan:
        marks.append("behind")
    if c.special_support:
        marks.append("special")
    if c.deadline_risk:
        marks.append("risk")
    if c.live:
        marks.append("live")
    return tuple(marks)


def state_text(state: str) -> str:
    """A cell state (core.progress.CELL_STATES) in the interface's language."""
    names = {
        rules.STATE_LIVE: QCoreApplication.translate("ProgressView", "運用開始"),
        rules.STATE_WORKING: QCoreApplication.translate("ProgressView", "移行作業中"),
        rules.STATE_NOT_STARTED: QCoreApplication.translate("ProgressView", "未着手"),
        rules.STATE_SPECIAL: QCoreApplication.translate("ProgressView", "特定移行支援"),
        rules.STATE_UNRECORDED: QCoreApplication.translate("ProgressView", "未登録"),
        rules.STATE_NOT_APPLICABLE: QCoreApplication.translate("ProgressView", "対象外"),
    }
    return names.get(state, state)


def phase_text(phase: str) -> str:
    names = {
        "計画立案": QCoreApplication.translate("ProgressView", "計画立案"),
        "システム選定・調達": QCoreApplication.translate("ProgressView", "システム選定・調達"),
        "移行": QCoreApplication.translate("ProgressView", "移行"),
    }
    return names.get(phase, phase)


def status_text(status: str) -> str:
    return QCoreApplication.translate("Choice", status)


def _percent(rate: float) -> str:
    return rules.percent_label(rate)


def cell_summary(m: Matrix, c: Cell) -> str:
    """The hover text of a cell: where it stands, in a few lines."""
    org = next(o for o in m.orgs if o.id == c.org_id)
    system = next(s for s in m.systems if s.code == c.system_code)
    lines = [f"{org.name}　{system.name}", state_text(c.state)]
    if not c.applies:
        lines.append(
            QCoreApplication.translate(
                "ProgressView", "この団体では実施しない業務です（県が実施）。集計に含めません。"
            )
        )
        if c.records_against_rule:
            lines.append(
                QCoreApplication.translate(
                    "ProgressView",
                    "記録がありますが、規則上は対象外です。団体の福祉事務所設置をご確認ください。",
                )
            )
        return "\n".join(lines)
    k = c.counts
    lines.append(
        QCoreApplication.translate("ProgressView", "完了率 %1（完了済み %2・対象外 %3 ／ 40）")
        .replace("%1", _percent(k.completion_rate))
        .replace("%2", str(k.done))
        .replace("%3", str(k.not_applicable))
    )
    lines.append(
        QCoreApplication.translate("ProgressView", "作業中 %1・未着手 %2")
        .replace("%1", str(k.working))
        .replace("%2", str(k.not_started))
    )
    if c.furthest_step is not None:
        step = next(s for s in reference.procedure_steps() if s.no == c.furthest_step)
        lines.append(
            QCoreApplication.translate("ProgressView", "到達ステップ：%1 %2")
            .replace("%1", step.item)
            .replace("%2", step.name)
        )
    if c.planned_go_live:
        lines.append(
            QCoreApplication.translate("ProgressView", "移行予定日：%1").replace(
                "%1", shown_date(c.planned_go_live)
            )
        )
    if c.live:
        lines.append(QCoreApplication.translate("ProgressView", "標準準拠システムで運用開始済み"))
    if c.special_support:
        lines.append(
            QCoreApplication.translate(
                "ProgressView", "特定移行支援システム（%1、移行目標時期 %2）"
            )
            .replace(
                "%1", c.special_reason or QCoreApplication.translate("ProgressView", "理由未登録")
            )
            .replace(
                "%2",
                shown_date(c.special_target)
                if c.special_target
                else QCoreApplication.translate("ProgressView", "未登録"),
            )
        )
    if c.deadline_risk:
        lines.append(
            QCoreApplication.translate(
                "ProgressView", "移行予定が期限（令和7年度末）後で、特定移行支援の登録がありません"
            )
        )
    for reason in c.behind:
        lines.append(
            QCoreApplication.translate("ProgressView", "計画より遅れ：%1").replace(
                "%1", phrase(behind_text(reason))
            )
        )
    return "\n".join(lines)


def summary_tooltip(s: Summary, title: str) -> str:
    k = s.counts
    return "\n".join(
        [
            title,
            QCoreApplication.translate(
                "ProgressView", "%1 業務　完了率 %2・作業中率 %3・未着手率 %4"
            )
            .replace("%1", str(s.cells))
            .replace("%2", _percent(k.completion_rate))
            .replace("%3", _percent(k.working_rate))
            .replace("%4", _percent(k.not_started_rate)),
            QCoreApplication.translate(
                "ProgressView", "運用開始 %1・特定移行支援 %2・計画より遅れ %3・期限後の移行予定 %4"
            )
            .replace("%1", str(s.live))
            .replace("%2", str(s.special))
            .replace("%3", str(s.behind))
            .replace("%4", str(s.risk)),
        ]
    )


# ---------------------------------------------------------------- filters

ALL = ""
ATTENTION_LINES = 3  # entries in sight below the matrix before the list scrolls
VENDOR_PREFIX = "vendor:"  # the group filter's derived vendor entries
BANSOU_YES, BANSOU_NO = "bansou", "survey"
MARK_FILTERS = ("behind", "special", "risk", "live")


class ProgressModel(QAbstractTableModel):
    """Row 0 業務計, then the organisations shown; column 0 団体計, then the 20 systems. The
    summaries come first so that they stay in sight at 1366x768 without scrolling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.org_ids: list[str] = []
        self.matches: Callable[[Cell], bool] = lambda _c: True
        self.bold = QFont()
        self.bold.setBold(True)

    def set_matrix(
        self, m: Matrix, org_ids: list[str], matches: Callable[[Cell], bool] | None = None
    ) -> None:
        self.beginResetModel()
        self.matrix = m
        self.org_ids = org_ids
        self.matches = matches or (lambda _c: True)
        self._org = {o.id: o for o in m.orgs}
        self._by_org = {i: m.by_org(i) for i in org_ids}
        self._by_system = {s.code: m.by_system(s.code, org_ids) for s in m.systems}
        self._total = m.total(org_ids)
        self.endResetModel()

    def update_matrix(self, m: Matrix, org_id: str) -> None:
        """The same rows with one organisation's new figures (after its edit): no reset, so
        the view keeps its layout and repaints only that row and the two summaries."""
        self.matrix = m
        self._by_org[org_id] = m.by_org(org_id)
        self._by_system = {s.code: m.by_system(s.code, self.org_ids) for s in m.systems}
        self._total = m.total(self.org_ids)
        last_col, last_row = self.columnCount() - 1, self.rowCount() - 1
        self.dataChanged.emit(self.index(0, 0), self.index(0, last_col))  # 業務計
        self.dataChanged.emit(self.index(0, 0), self.index(last_row, 0))  # 団体計
        if org_id in self.org_ids:
            row = self.org_ids.index(org_id) + 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_col))

    # shape
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.matrix is None else len(self.org_ids) + 1

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.systems) + 1

    def is_summary(self, index: Index) -> bool:
        assert self.matrix is not None
        return index.row() == 0 or index.column() == 0

    def cell_at(self, index: Index) -> Cell | None:
        if self.matrix is None or not index.isValid() or self.is_summary(index):
            return None
        org_id = self.org_ids[index.row() - 1]
        code = self.matrix.systems[index.column() - 1].code
        return self.matrix.cell(org_id, code)

    def _summary_at(self, index: Index) -> tuple[Summary, str]:
        assert self.matrix is not None
        summary_row = index.row() == 0
        summary_col = index.column() == 0
        if summary_row and summary_col:
            return self._total, QCoreApplication.translate("ProgressView", "合計")
        if summary_row:
            s = self.matrix.systems[index.column() - 1]
            return self._by_system[s.code], s.name
        org_id = self.org_ids[index.row() - 1]
        return self._by_org[org_id], self._org[org_id].name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid():
            return None
        if self.is_summary(index):
            s, title = self._summary_at(index)
            if role == Qt.ItemDataRole.DisplayRole:
                return _percent(s.completion_rate) if s.cells else ""
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(SUMMARY)
            if role == Qt.ItemDataRole.FontRole and index.column() == 0:
                return self.bold  # the 団体計 column only: a bold 100% is wider than a cell
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(summary_tooltip(s, title))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        c = self.cell_at(index)
        assert c is not None
        org = self._org[c.org_id]
        shown = is_shown(org, c)
        if role == Qt.ItemDataRole.DisplayRole:
            if not shown:
                return ""
            if not c.applies:
                return "－"
            if not c.recorded:
                return QCoreApplication.translate("ProgressView", "未")
            return rules.step_label(c.furthest_step) or "0"
        if role == Qt.ItemDataRole.BackgroundRole:
            if not c.applies:
                return QBrush(NOT_APPLICABLE if shown else QColor("#f4f4f4"))
            if not c.recorded:
                return QBrush(UNRECORDED)
            colour = band_colour(c.counts.completion_rate)
            if not self.matches(c):
                colour = colour.lighter(125)
                colour.setAlpha(90)
            return QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#000000" if self.matches(c) else "#9a9a9a"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(cell_summary(self.matrix, c)) if shown else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell_summary(self.matrix, c) if shown else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == MARKS_ROLE:
            return cell_marks(c) if c.applies else ()
        if role == CELL_ROLE:
            return c
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.matrix is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == 0:
                text, tip = (
                    QCoreApplication.translate("ProgressView", "団体計"),
                    QCoreApplication.translate(
                        "ProgressView", "団体ごとの完了率（対象業務の合計）"
                    ),
                )
            else:
                s = self.matrix.systems[section - 1]
                text, tip = f"{s.code}\n{s.abbr}", f"{s.code} {s.name}"
        elif section == 0:
            text, tip = (
                QCoreApplication.translate("ProgressView", "業務計"),
                QCoreApplication.translate(
                    "ProgressView", "業務ごとの完了率（表示中の団体の合計）"
                ),
            )
        else:
            o = self._org[self.org_ids[section - 1]]
            text, tip = o.name, f"{o.code} {o.name}"
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(tip)
        return None


def paint_mark(p: QPainter, rect: QRect, colour: QColor, corner: str, size: int) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    left, top = float(rect.left()), float(rect.top())
    right, bottom = float(rect.right() + 1), float(rect.bottom() + 1)
    if corner == "bottom_left":  # 運用開始: a dot, not a corner, so it reads as "done"
        r = size / 2.2
        p.drawEllipse(QPointF(left + r + 2, bottom - r - 2), r, r)
        return
    points = {
        "top_left": ((left, top), (left + size, top), (left, top + size)),
        "top_right": ((right, top), (right - size, top), (right, top + size)),
        "bottom_right": ((right, bottom), (right - size, bottom), (right, bottom - size)),
    }[corner]
    p.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))


class MarkDelegate(QStyledItemDelegate):
    """Paints the cell as usual, then its corner marks."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        marks = index.data(MARKS_ROLE) or ()
        if not marks:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        size = max(6, min(rect.height(), rect.width()) // 3)
        for name, colour, corner in MARKS:
            if name in marks:
                paint_mark(painter, rect, colour, corner, size)
        painter.restore()


class MatrixTable(QTableView):
    """Enter or Space opens the current cell, as a click does; arrows move as usual."""

    open_requested = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


def swatch(colour: QColor, mark: tuple[str, QColor, str] | None = None) -> QPixmap:
    pix = QPixmap(18, 14)
    pix.fill(colour)
    if mark is not None:
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_mark(p, pix.rect(), mark[1], mark[2], 8)
        p.end()
    return pix


class ProgressView(QWidget):
    """The matrix with its filters, legend and summaries; emits ``changed`` after an edit."""

    changed = Signal(object)
    open_record = Signal(str, str)  # kind, id
    new_record = Signal(str, dict)  # kind, initial values

    def __init__(self, service: ProgressService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.service = service
        self.matrix: Matrix | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        self.title = plain_label(
            self.tr("標準化の進捗　完了率＝（完了済み＋対象外）÷40（手順書ステップの件数の割合）")
        )
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # The title shares its row with 取込 and 書き出し: beside the four filters they would
        # push the view past a 1366-pixel screen in English (a past month lengthens the title).
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        layout.addLayout(head)
        filters = QHBoxLayout()
        self.group_box = QComboBox()
        self.group_box.setObjectName("progressGroup")
        self.group_box.setToolTip(self.tr("生活圏・ベンダのグループで団体を絞り込みます"))
        self.bansou_box = QComboBox()
        self.bansou_box.setObjectName("progressBansou")
        self.bansou_box.addItem(self.tr("全団体"), ALL)
        self.bansou_box.addItem(self.tr("伴走支援の対象"), BANSOU_YES)
        self.bansou_box.addItem(self.tr("調査・情報共有のみ"), BANSOU_NO)
        self.bansou_box.setToolTip(self.tr("伴走支援の対象かどうかで団体を絞り込みます"))
        self.status_box = QComboBox()
        self.status_box.setObjectName("progressStatus")
        self.status_box.addItem(self.tr("すべての状況"), ALL)
        for state in rules.CELL_STATES[:-1]:  # 対象外 cells are never a selection
            self.status_box.addItem(state_text(state), f"state:{state}")
        self.status_box.addItem(self.tr("計画より遅れ"), "mark:behind")
        self.status_box.addItem(self.tr("期限後の移行予定（特定移行支援なし）"), "mark:risk")
        # The group and status lists hold long entries (担当ベンダ：…株式会社): the boxes keep a
        # fixed width and their lists open wide enough, or the filter row, with the month
        # chooser and the buttons, would push the window past 1366 pixels.
        for box in (self.group_box, self.status_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(14)
        for label, box in (
            (self.tr("グループ"), self.group_box),
            (self.tr("支援"), self.bansou_box),
            (self.tr("状況"), self.status_box),
        ):
            caption = plain_label(label)
            caption.setBuddy(box)
            filters.addWidget(caption)
            filters.addWidget(box)
            box.currentIndexChanged.connect(self._apply)
        # The matrix as it stood at the end of a past month (rebuilt from the change log):
        # for the monthly report and for "where were we in the autumn", read only.
        self.month_box = QComboBox()
        self.month_box.setObjectName("progressMonth")
        self.month_box.setToolTip(
            self.tr("過去の月末時点の進捗を変更履歴から再現して表示します（閲覧のみ）")
        )
        self.month_box.addItem(self.tr("現在"), None)
        for month in recent_months(service.today, MONTHS_SHOWN):
            y, m = month.split("-")
            self.month_box.addItem(
                self.tr("%1年%2月末").replace("%1", y).replace("%2", str(int(m))), month
            )
        caption = plain_label(self.tr("時点"))
        caption.setBuddy(self.month_box)
        filters.addWidget(caption)
        filters.addWidget(self.month_box)
        self.month_box.currentIndexChanged.connect(self._month_changed)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.import_button = QPushButton(self.tr("取込(&I)…"))
        self.import_button.setObjectName("progressImport")
        self.import_button.setToolTip(
            self.tr("全国の手順書ステップ進捗表や団体の進捗表（.xlsx・.csv）を取り込みます")
        )
        self.import_button.clicked.connect(self.open_import)
        head.addWidget(self.import_button)
        self.export_button = QPushButton(self.tr("Excel に書き出す(&X)…"))
        self.export_button.setObjectName("progressExport")
        self.export_button.setToolTip(
            self.tr(
                "表示中の団体の進捗表（完了率・到達ステップ・印、集計、凡例）を .xlsx に保存します"
            )
        )
        self.export_button.clicked.connect(self._export_clicked)
        head.addWidget(self.export_button)

        self.model = ProgressModel(self)
        self.table = MatrixTable()
        self.table.setObjectName("progressMatrix")
        small = QFont(self.table.font())  # a little smaller: 21 columns beside the tree
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.table.setFont(small)
        self.model.bold = QFont(small)
        self.model.bold.setBold(True)
        self.table.setModel(self.model)
        self.table.setItemDelegate(MarkDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the matrix, arrows move in it
        self.table.setWordWrap(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 4)
        self.table.clicked.connect(self.open_cell)
        self.table.open_requested.connect(self.open_cell)
        layout.addWidget(self.table, 1)

        self.phases = plain_label()
        self.phases.setObjectName("progressPhases")
        self.phases.setWordWrap(True)
        layout.addWidget(self.phases)
        # The 要注意 list and the legend share the space below the matrix as two tabs: beside
        # the matrix, the 21 columns and the tree no longer fit 1366 pixels, and below it as a
        # third block the matrix would scroll at 768. One line an entry, reasons in the tooltip.
        self.attention = QListWidget()
        self.attention.setObjectName("progressAttention")
        self.attention.setWordWrap(False)
        self.attention.setUniformItemSizes(True)
        self.attention.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.attention.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attention.setAlternatingRowColors(True)
        self.attention.itemActivated.connect(self._attention_activated)
        self.attention.addItem("要注意")  # a probe: the height of one line as the style draws it
        line = self.attention.sizeHintForRow(0)
        self.attention.clear()
        self.attention.setFixedHeight(ATTENTION_LINES * line + 2 * self.attention.frameWidth())
        self.bottom = QTabWidget()
        self.bottom.setObjectName("progressBottom")
        self.bottom.setDocumentMode(True)
        self.bottom.addTab(self.attention, "")
        legend = self._legend()
        self.bottom.addTab(legend, self.tr("凡例"))
        # A tab widget asks for its pages' size hints (a list's is 192 px): fixed to the list's.
        legend_height = legend.sizeHint().height()
        self.bottom.setFixedHeight(
            self.bottom.tabBar().sizeHint().height()
            + max(self.attention.height(), legend_height)
            + 2
        )
        layout.addWidget(self.bottom)
        self.entries: list[attention.Entry] = []
        self._vendor_cells: dict[str, set[tuple[str, str]]] = {}

    def _legend(self) -> QWidget:
        box = QWidget()
        box.setObjectName("progressLegend")
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        colours: list[tuple[QPixmap, str]] = []
        names = {
            100.0: self.tr("100%"),
            90.0: self.tr("90%以上"),
            75.0: self.tr("75%以上"),
            50.0: self.tr("50%以上"),
            0.0: self.tr("50%未満"),
        }
        for lower, colour in BANDS:
            colours.append((swatch(QColor(colour)), names[lower]))
        colours.append((swatch(NOT_APPLICABLE), self.tr("－ 対象外（県が実施）")))
        colours.append((swatch(UNRECORDED), self.tr("未 未登録")))
        texts = {
            "behind": self.tr("計画より遅れ"),
            "special": self.tr("特定移行支援"),
            "risk": self.tr("期限後の移行予定"),
            "live": self.tr("運用開始"),
        }
        marks = [(swatch(QColor("#ffffff"), mark), texts[mark[0]]) for mark in MARKS]
        # Two rows (colours, then marks and what a cell's text is), each as wide as its own
        # entries: one row is wider than the window at 1366x768, and a grid would widen every
        # column to the longest label above or below it (English is the longer language).
        self.legend_labels: list[QLabel] = []
        for entries, tail in (
            (colours, None),
            (marks, self.tr("セルの文字は到達ステップ（完了済みの最も進んだステップ）")),
        ):
            line = QHBoxLayout()
            line.setSpacing(0)
            for pix, text in entries:
                icon = plain_label()
                icon.setPixmap(pix)
                line.addWidget(icon)
                label = plain_label(text)
                label.setContentsMargins(2, 0, 10, 0)
                line.addWidget(label)
                self.legend_labels.append(label)
            if tail is not None:
                note = plain_label(tail)
                line.addWidget(note)
                self.legend_labels.append(note)
            line.addStretch(1)
            rows.addLayout(line)
        return box

    # ------------------------------------------------------------ data

    @property
    def month(self) -> str | None:
        """The past month shown (``YYYY-MM``), None for the present."""
        data = self.month_box.currentData()
        return str(data) if data else None

    def refresh(self, _change: object = None) -> None:
        """Read the matrix again (one pass over the store) and keep the filters."""
        month = self.month
        if month is None:
            self.matrix = self.service.matrix()
        else:
            # A past month replays the change log (about half a second on a year's history):
            # on a worker, so the window keeps painting (gui/worker.py).
            from dxdesk.gui.worker import run_busy

            self.matrix = run_busy(self, lambda: self.service.matrix(month))
        self._fill_groups()
        self._apply()
        self._fill_attention()

    def _month_changed(self) -> None:
        month = self.month
        base = self.tr(
            "標準化の進捗　完了率＝（完了済み＋対象外）÷40（手順書ステップの件数の割合）"
        )
        if month is not None:
            y, m = month.split("-")
            base = self.tr("%1　［%2年%3月末時点・閲覧のみ］").replace("%1", base)
            base = base.replace("%2", y).replace("%3", str(int(m)))
        self.title.setText(base)
        self.refresh()

    def open_import(self, path: str | None = None) -> QDialog:
        from dxdesk.gui.progress_import import ImportDialog

        dialog = ImportDialog(self.service, path, self)
        dialog.imported.connect(self._edited)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._dialog: QDialog = dialog
        return dialog

    def _fill_attention(self) -> None:
        assert self.matrix is not None
        # The thresholds as the user set them (the settings dialog), read at every refresh;
        # today's matrix with the organisations' issues and visits (services/attention.py).
        self.entries = attention.ranked(self.service, self.matrix)
        self.bottom.setTabText(
            0, self.tr("要注意（%1件、点数の高い順）").replace("%1", str(len(self.entries)))
        )
        self.attention.clear()
        red = QColor("#c62828")
        for e in self.entries:
            where = f"{e.org_name} {e.system_name}".strip()
            item = QListWidgetItem(
                self.tr("%1（%2点）：%3")
                .replace("%1", where)
                .replace("%2", str(e.score))
                .replace("%3", phrase(e.headline))
            )
            item.setData(Qt.ItemDataRole.UserRole, (e.org_id, e.system_code or ""))
            tip = self.tr("%1（%2点）").replace("%1", where).replace("%2", str(e.score))
            lines = [tip] + [
                self.tr("・%1（%2点）").replace("%1", phrase(r.phrase)).replace("%2", str(r.points))
                for r in e.reasons
            ]
            item.setToolTip(plain_tooltip("\n".join(lines)))
            if e.alert:
                item.setForeground(QBrush(red))
            self.attention.addItem(item)
        if not self.entries:
            empty = QListWidgetItem(self.tr("注意が必要な団体・業務はありません。"))
            empty.setData(Qt.ItemDataRole.UserRole, None)
            self.attention.addItem(empty)

    def _attention_activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.open_cell_of(str(target[0]), str(target[1]))

    def open_cell_of(self, org_id: str, system_code: str = "") -> QDialog | None:
        """Show an organisation's row (filters cleared when they hide it) and open the cell's
        detail; without a system, the row is only selected (an organisation-wide entry)."""
        if self.matrix is None:
            self.refresh()
        assert self.matrix is not None
        if org_id not in self.model.org_ids:
            for box in (self.group_box, self.bansou_box, self.status_box):
                box.blockSignals(True)
                box.setCurrentIndex(0)
                box.blockSignals(False)
            self._apply()
        if org_id not in self.model.org_ids:
            return None  # no longer held
        row = self.model.org_ids.index(org_id) + 1
        codes = [s.code for s in self.matrix.systems]
        col = codes.index(system_code) + 1 if system_code in codes else 0
        index = self.model.index(row, col)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        return self.open_cell(index) if col else None

    def _export_clicked(self) -> None:
        self.export_xlsx()  # clicked() passes a bool: not a path

    def export_xlsx(self, path: str | None = None) -> Path | None:
        """The matrix of the organisations shown, as .xlsx (services.progress's workbook)."""
        if self.matrix is None:
            return None
        if path is None:
            folder = str(QSettings().value("documents/folder", str(Path.home())))
            name = f"標準化の進捗_{self.matrix.today.isoformat()}.xlsx"
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("進捗表の保存"),
                str(Path(folder) / name),
                self.tr("Excel ブック (*.xlsx)"),
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            write_matrix_workbook(target, self.matrix, self.shown_org_ids())
        except UserError as err:
            warn(self, self.tr("書き出せません"), user_message(err))
            return None
        QSettings().setValue("documents/folder", str(target.parent))
        self.phases.setText(self.tr("書き出しました：%1").replace("%1", str(target)))
        return target

    def _fill_groups(self) -> None:
        current = self.group_box.currentData()
        self.group_box.blockSignals(True)
        self.group_box.clear()
        self.group_box.addItem(self.tr("すべてのグループ"), ALL)
        kinds = {"生活圏": self.tr("生活圏"), "ベンダ": self.tr("ベンダ")}
        self._groups = {g.id: g for g in self.service.groups() if g.group_type in kinds}
        for g in self._groups.values():
            self.group_box.addItem(f"{kinds[g.group_type]}：{g.name}", g.id)
        # Vendors as the system records name them (not hand-kept groups): the organisations a
        # vendor serves, with the cells it does not serve dimmed.
        assert self.matrix is not None
        self._vendor_cells = {}
        vnames: dict[str, str] = {}
        for v in vendor_cells(self.matrix, vendor_names(self.service)):
            self._vendor_cells.setdefault(v.vendor_id, set()).add((v.org.id, v.cell.system_code))
            vnames[v.vendor_id] = v.vendor
        for vid, name in vnames.items():
            self.group_box.addItem(
                self.tr("担当ベンダ：%1").replace("%1", name), f"{VENDOR_PREFIX}{vid}"
            )
        i = self.group_box.findData(current)
        self.group_box.setCurrentIndex(max(0, i))
        self.group_box.blockSignals(False)
        view = self.group_box.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the list shows whole names

    def shown_org_ids(self) -> list[str]:
        assert self.matrix is not None
        chosen = str(self.group_box.currentData() or "")
        group = self._groups.get(chosen)
        served = self._served()
        bansou = self.bansou_box.currentData()
        out = []
        for o in self.matrix.orgs:
            if group is not None and o.id not in group.members:
                continue
            if served is not None and not any(org == o.id for org, _ in served):
                continue
            if bansou == BANSOU_YES and not o.bansou:
                continue
            if bansou == BANSOU_NO and (o.bansou or o.is_division):
                continue
            out.append(o.id)
        return out

    def _served(self) -> set[tuple[str, str]] | None:
        """The cells of the vendor chosen in the group filter (None: no vendor chosen)."""
        chosen = str(self.group_box.currentData() or "")
        if not chosen.startswith(VENDOR_PREFIX):
            return None
        return self._vendor_cells.get(chosen[len(VENDOR_PREFIX) :], set())

    def _matcher(self) -> Callable[[Cell], bool] | None:
        wanted = str(self.status_box.currentData() or "")
        served = self._served()
        status: Callable[[Cell], bool] | None = None
        if wanted:
            kind, _, value = wanted.partition(":")
            if kind == "state":
                status = lambda c: c.applies and c.state == value  # noqa: E731
            else:
                status = lambda c: c.applies and value in cell_marks(c)  # noqa: E731
        if served is None:
            return status
        if status is None:
            return lambda c: (c.org_id, c.system_code) in served
        return lambda c: (c.org_id, c.system_code) in served and status(c)

    def _apply(self) -> None:
        if self.matrix is None:
            return
        ids = self.shown_org_ids()
        matcher = self._matcher()
        if matcher is not None:  # the status filter keeps the rows with a matching cell
            ids = [i for i in ids if any(matcher(c) for c in self.matrix.org_cells(i))]
        current = self.table.currentIndex()
        self.model.set_matrix(self.matrix, ids, matcher)
        self._size_columns()
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._fill_phases(ids)

    def _fill_phases(self, ids: list[str]) -> None:
        assert self.matrix is not None
        phases = "　".join(
            f"{phase_text(p)} {_percent(c.completion_rate)}" for p, c in self.matrix.by_phase(ids)
        )
        total = self.matrix.total(ids)
        self.phases.setText(
            self.tr(
                "工程別の完了率：%1　｜　%2 団体・%3 業務、運用開始 %4、特定移行支援 %5、計画より遅れ %6、期限後の移行予定 %7"
            )
            .replace("%1", phases)
            .replace("%2", str(len(ids)))
            .replace("%3", str(total.cells))
            .replace("%4", str(total.live))
            .replace("%5", str(total.special))
            .replace("%6", str(total.behind))
            .replace("%7", str(total.risk))
        )

    def cell_padding(self) -> int:
        """What the style takes around a cell's text (its focus frame margin on both sides)."""
        style = self.table.style()
        margin = style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, self.table)
        return 2 * (margin + 1) + 3

    def _size_columns(self) -> None:
        # Just wide enough for the widest label (a bold 100% in the summaries, ⑭-2, the
        # header's abbreviation): the 21 columns then fit beside the tree at 1366x768.
        bold = QFont(self.table.font())
        bold.setBold(True)
        fm, fb = self.table.fontMetrics(), QFontMetrics(bold)
        width = max(fm.horizontalAdvance("100%"), fm.horizontalAdvance("⑭-2"))
        width = max(width, self.table.horizontalHeader().fontMetrics().horizontalAdvance("住記"))
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, width + self.cell_padding())
        self.table.setColumnWidth(0, max(fb.horizontalAdvance(t) for t in ("団体計", "100%")) + 12)
        self.table.horizontalHeader().setFixedHeight(fm.height() * 2 + 8)
        # The matrix asks for all its columns (the splitter beside the tree leaves it that
        # much); the rows may scroll, so the vertical scroll bar's width is counted in.
        t = self.table
        t.setMinimumWidth(
            t.horizontalHeader().length()
            + t.verticalHeader().sizeHint().width()
            + 2 * t.frameWidth()
            + t.verticalScrollBar().sizeHint().width()
        )

    # ------------------------------------------------------------ detail

    def open_cell(self, index: QModelIndex) -> QDialog | None:
        c = self.model.cell_at(index)
        if c is None or self.matrix is None or self.month is not None:
            return None  # a past month is read only: its cells are shown by their tooltip
        org = next(o for o in self.matrix.orgs if o.id == c.org_id)
        if not is_shown(org, c):
            return None
        dialog = CellDialog(self.service, c.org_id, c.system_code, self)
        org_id = c.org_id
        dialog.changed.connect(lambda change: self._edited(change, org_id))
        dialog.open_record.connect(self.open_record)
        dialog.new_record.connect(self.new_record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._dialog = dialog
        return dialog

    def _edited(self, change: object, org_id: str | None = None) -> None:
        """After an edit: one organisation's edit re-reads that row alone (one query for its
        800 steps, not the matrix's 22,400); an import re-reads everything."""
        if org_id is not None and self.matrix is not None and self.month is None:
            self.matrix = self.service.refresh_org(self.matrix, org_id)
            if self._matcher() is None:  # the rows shown cannot change: repaint in place
                self.model.update_matrix(self.matrix, org_id)
                self._fill_phases(self.model.org_ids)
            else:
                self._apply()
            self._fill_attention()
        else:
            self.refresh()
        self.changed.emit(change)


# ---------------------------------------------------------------- the cell's detail


class CellDialog(QDialog):
    """One cell: systems and vendors, milestones, the 40 steps (edit one or a range), risks,
    linked issues and visits, and the history of every change."""

    changed = Signal(object)
    open_record = Signal(str, str)
    new_record = Signal(str, dict)

    def __init__(
        self, service: ProgressService, org_id: str, system_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressCell")
        self.service = service
        self.org_id, self.system_code = org_id, system_code
        layout = QVBoxLayout(self)
        self.heading = plain_label()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.figures = plain_label()
        self.figures.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures)

        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        # 手順書ステップ
        steps_page = QWidget()
        sp = QVBoxLayout(steps_page)
        self.steps = QTableWidget(0, 6)
        self.steps.setObjectName("progressSteps")
        self.steps.setHorizontalHeaderLabels(
            [
                self.tr("No"),
                self.tr("項目"),
                self.tr("手順"),
                self.tr("状態"),
                self.tr("日付"),
                self.tr("備考"),
            ]
        )
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.verticalHeader().setVisible(False)
        self.steps.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.steps.setWordWrap(False)  # one line a step; the whole text is in the tooltip
        header = self.steps.horizontalHeader()
        for col in (0, 1, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.steps.itemSelectionChanged.connect(self._selection_to_range)
        sp.addWidget(self.steps, 1)
        edit = QHBoxLayout()
        self.first = QSpinBox()
        self.first.setObjectName("stepFirst")
        self.last = QSpinBox()
        self.last.setObjectName("stepLast")
        for box in (self.first, self.last):
            box.setRange(1, rules.rules().steps)
        self.status = QComboBox()
        self.status.setObjectName("stepStatus")
        for s in STEP_STATUSES:
            self.status.addItem(status_text(s), s)
        self.on = QDateEdit()
        self.on.setObjectName("stepDate")
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        today = service.today
        self.on.setDate(QDate(today.year, today.month, today.day))
        self.apply_button = QPushButton(self.tr("記録する(&R)"))
        self.apply_button.setObjectName("stepApply")
        self.apply_button.clicked.connect(self.apply_steps)
        for widget in (
            plain_label(self.tr("ステップ")),
            self.first,
            plain_label(self.tr("〜")),
            self.last,
            plain_label(self.tr("を")),
            self.status,
            plain_label(self.tr("に（日付）")),
            self.on,
            self.apply_button,
        ):
            edit.addWidget(widget)
        edit.addStretch(1)
        sp.addLayout(edit)
        self.tabs.addTab(steps_page, self.tr("手順書ステップ"))
        # 概要: systems, vendors, milestones, cloud, risks
        info = QWidget()
        ip = QVBoxLayout(info)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("current", self.tr("現行システム・ベンダ")),
            ("standard", self.tr("標準準拠システム・ベンダ")),
            ("cloud", self.tr("クラウド")),
            ("special", self.tr("特定移行支援")),
            ("risks", self.tr("リスク・懸念事項")),
            ("notes", self.tr("備考")),
        ):
            value = plain_label()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(plain_label(label), value)
        ip.addLayout(self.form)
        miles = QGroupBox(self.tr("マイルストーン"))
        self.milestones = QGridLayout(miles)
        ip.addWidget(miles)
        self.edit_button = QPushButton(self.tr("標準化状況を編集(&E)…"))
        self.edit_button.setObjectName("editStatus")
        self.edit_button.clicked.connect(self._edit_status)
        ip.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        ip.addStretch(1)
        self.tabs.addTab(info, self.tr("概要・マイルストーン"))
        # 課題・訪問
        linked = QWidget()
        lp = QVBoxLayout(linked)
        lp.addWidget(plain_label(self.tr("未完了の課題（この業務）")))
        self.issues = QListWidget()
        self.issues.setObjectName("progressIssues")
        lp.addWidget(self.issues)
        lp.addWidget(plain_label(self.tr("訪問・ヒアリング（この業務）")))
        self.visits = QListWidget()
        self.visits.setObjectName("progressVisits")
        lp.addWidget(self.visits)
        for lst, kind_name in ((self.issues, "issue"), (self.visits, "visit")):
            lst.itemActivated.connect(
                lambda item, k=kind_name: self.open_record.emit(
                    k, str(item.data(Qt.ItemDataRole.UserRole))
                )
            )
        self.tabs.addTab(linked, self.tr("課題・訪問"))
        # 変更履歴
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("progressHistory")
        self.history.setHorizontalHeaderLabels(
            [self.tr("日時"), self.tr("端末"), self.tr("対象"), self.tr("操作"), self.tr("内容")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().setVisible(False)
        hh = self.history.horizontalHeader()
        for col in range(4):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.history, self.tr("変更履歴"))
        self.tabs.currentChanged.connect(self._tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.load()

    def load(self) -> None:
        d = self.service.detail(self.org_id, self.system_code)
        self.detail = d
        c = d.cell
        self.setWindowTitle(
            self.tr("%1 %2 — 標準化の進捗").replace("%1", d.org.name).replace("%2", d.system_name)
        )
        self.heading.setText(f"{d.org.name}　{d.system_code} {d.system_name}")
        self.figures.setText(cell_summary_detail(c))
        self.steps.setRowCount(len(d.steps))
        for row, s in enumerate(d.steps):
            for col, text in enumerate(
                (str(s.no), s.item, s.name, status_text(s.status), s.updated_on or "", s.note)
            ):
                item = QTableWidgetItem(text)
                if col in (2, 5) and text:
                    item.setToolTip(plain_tooltip(text))
                if col == 3:
                    item.setBackground(QBrush(STATUS_COLOURS.get(s.status, UNRECORDED)))
                self.steps.setItem(row, col, item)
        v = d.values
        self.values["current"].setText(
            "　".join(x for x in (str(v.get("current_system") or ""), d.current_vendor) if x)
            or self.tr("未登録")
        )
        self.values["standard"].setText(
            "　".join(x for x in (str(v.get("package_name") or ""), d.vendor) if x)
            or self.tr("未登録")
        )
        self.values["cloud"].setText(str(v.get("cloud") or self.tr("未登録")))
        if c.special_support:
            special = (
                self.tr("あり（%1、移行目標時期 %2）")
                .replace("%1", c.special_reason or self.tr("理由未登録"))
                .replace(
                    "%2", shown_date(c.special_target) if c.special_target else self.tr("未登録")
                )
            )
        else:
            special = self.tr("なし")
        self.values["special"].setText(special)
        self.values["risks"].setText(str(v.get("risks") or ""))
        self.values["notes"].setText(str(v.get("notes") or ""))
        while self.milestones.count():
            taken = self.milestones.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()  # type: ignore[union-attr]
        for col, text in enumerate((self.tr("マイルストーン"), self.tr("予定"), self.tr("実績"))):
            self.milestones.addWidget(plain_label(text), 0, col)
        labels = {
            "契約": self.tr("契約"),
            "データ移行": self.tr("データ移行"),
            "テスト": self.tr("テスト"),
            "運用開始": self.tr("運用開始"),
        }
        for row, m in enumerate(d.milestones, start=1):
            self.milestones.addWidget(plain_label(labels.get(m.label, m.label)), row, 0)
            self.milestones.addWidget(plain_label(m.planned or "—"), row, 1)
            self.milestones.addWidget(plain_label(m.actual or "—"), row, 2)
        self.issues.clear()
        for i in d.issues:
            entry = QListWidgetItem(
                f"{i.get('raised_on') or ''}　[{i.get('priority') or '-'}] {i['title']}（{i['status']}）"
            )
            entry.setData(Qt.ItemDataRole.UserRole, i["id"])
            self.issues.addItem(entry)
        self.visits.clear()
        for visit in d.visits:
            entry = QListWidgetItem(f"{visit['date']}　{visit['mode']}　{visit['title']}")
            entry.setData(Qt.ItemDataRole.UserRole, visit["id"])
            self.visits.addItem(entry)
        self.apply_button.setEnabled(c.applies)
        if self.tabs.currentWidget() is self.history:
            self._fill_history()

    def _tab_changed(self, _i: int) -> None:
        if self.tabs.currentWidget() is self.history:
            self._fill_history()

    def _fill_history(self) -> None:
        ops = {
            "create": self.tr("作成"),
            "update": self.tr("更新"),
            "delete": self.tr("削除"),
            "restore": self.tr("復元"),
        }
        entries = self.service.history(self.detail)
        self.history.setRowCount(len(entries))
        for row, (about, e) in enumerate(reversed(entries)):  # newest first
            fields = "、".join(
                f"{QCoreApplication.translate('Field', label)}：{value}"
                for label, value in e.fields
            )
            for col, text in enumerate((e.at, e.device, about, ops.get(e.op, e.op), fields)):
                self.history.setItem(row, col, QTableWidgetItem(text))

    def _selection_to_range(self) -> None:
        rows = sorted({i.row() for i in self.steps.selectedIndexes()})
        if rows:
            self.first.setValue(rows[0] + 1)
            self.last.setValue(rows[-1] + 1)

    def apply_steps(self) -> None:
        first, last = self.first.value(), self.last.value()
        if last < first:
            first, last = last, first
        qd = self.on.date()
        try:
            changes = self.service.set_steps(
                self.org_id,
                self.system_code,
                list(range(first, last + 1)),
                str(self.status.currentData()),
                date(qd.year(), qd.month(), qd.day()),
            )
        except UserError as err:
            warn(self, self.tr("記録できません"), user_message(err))
            return
        self.load()
        if changes:
            self.changed.emit(changes[-1])

    def _edit_status(self) -> None:
        if self.detail.status_id is not None:
            self.open_record.emit("system_status", self.detail.status_id)
        else:
            self.new_record.emit(
                "system_status", {"org_id": self.org_id, "system_code": self.system_code}
            )


STATUS_COLOURS = {
    "完了済み": QColor("#c2e3b8"),
    "作業中": QColor("#fde0a8"),
    "未着手": QColor("#ffffff"),
    "対象外": NOT_APPLICABLE,
}


def cell_summary_detail(c: Cell) -> str:
    if not c.applies:
        return QCoreApplication.translate(
            "ProgressView", "この団体では実施しない業務です（県が実施）。"
        )
    k = c.counts
    parts = [
        state_text(c.state),
        QCoreApplication.translate(
            "ProgressView", "完了率 %1（完了済み %2・作業中 %3・未着手 %4・対象外 %5）"
        )
        .replace("%1", _percent(k.completion_rate))
        .replace("%2", str(k.done))
        .replace("%3", str(k.working))
        .replace("%4", str(k.not_started))
        .replace("%5", str(k.not_applicable)),
    ]
    if c.deadline_risk:
        parts.append(
            QCoreApplication.translate("ProgressView", "期限後の移行予定（特定移行支援なし）")
        )
    parts += [
        QCoreApplication.translate("ProgressView", "計画より遅れ：%1").replace(
            "%1", phrase(behind_text(r))
        )
        for r in c.behind
    ]
    return "　".join(parts)
