"""Small charts drawn with QPainter (no QtCharts: that would pull in 160 MB of PySide6-Addons)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6db5")
TARGET = QColor("#d9822b")
GRID = QColor("#d0d4da")


class BarChart(QWidget):
    """Vertical bars with labels under them, an optional target line, and values on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[tuple[str, float]] = []
        self._target: float | None = None
        self._unit = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(170)

    def sizeHint(self) -> QSize:
        return QSize(480, 180)

    def set_data(
        self, values: list[tuple[str, float]], *, target: float | None = None, unit: str = ""
    ) -> None:
        self._values = values
        self._target = target
        self._unit = unit
        self.update()

    def values(self) -> list[tuple[str, float]]:
        return list(self._values)

    def target(self) -> tuple[float | None, str]:
        """The target line drawn and its unit."""
        return self._target, self._unit

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        rect = QRectF(self.rect()).adjusted(8, 8 + fm.height(), -8, -(fm.height() + 10))
        if not self._values or rect.width() <= 0:
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("データがありません"))
            return
        top = max([v for _, v in self._values] + [self._target or 0.0, 1.0])
        p.setPen(QPen(GRID, 1))
        p.drawLine(rect.bottomLeft(), rect.bottomRight())
        n = len(self._values)
        slot = rect.width() / n
        bar_w = max(4.0, slot * 0.6)
        for i, (label, value) in enumerate(self._values):
            h = rect.height() * value / top
            x = rect.left() + i * slot + (slot - bar_w) / 2
            p.fillRect(QRectF(x, rect.bottom() - h, bar_w, h), BAR)
            p.setPen(self.palette().color(self.foregroundRole()))
            text_rect = QRectF(rect.left() + i * slot, rect.bottom() + 4, slot, fm.height())
            p.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, label)
            if value:
                value_rect = QRectF(
                    rect.left() + i * slot, rect.bottom() - h - fm.height(), slot, fm.height()
                )
                p.drawText(value_rect, Qt.AlignmentFlag.AlignHCenter, f"{value:g}")
        if self._target:
            y = rect.bottom() - rect.height() * self._target / top
            p.setPen(QPen(TARGET, 2, Qt.PenStyle.DashLine))
            p.drawLine(int(rect.left()), int(y), int(rect.right()), int(y))
            p.drawText(
                QRectF(rect.left(), y - fm.height() - 2, rect.width(), fm.height()),
                Qt.AlignmentFlag.AlignRight,
                self.tr("目標 %1%2").replace("%1", f"{self._target:g}").replace("%2", self._unit),
            )
