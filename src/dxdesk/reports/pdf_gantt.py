"""The 実施工程表 as a platypus flowable: a Gantt chart of a fiscal year's tasks and milestones.

Months are columns (April to March, with the calendar year in 和暦 above them), every task is a
row with its label wrapped in the left column by the kinsoku rules (a row grows with its label,
so nothing is clipped), a bar from its first to its last day (fractions of a month by day) and a
milestone a diamond on its date with the date beside it. The chart splits between rows over
pages and repeats the month header on each.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from dxdesk.core.calendar import format_wareki
from dxdesk.reports.pdf_text import kinsoku_lines, text_width

__all__ = ["GanttChart", "GanttRow", "fiscal_months"]

BAR = colors.HexColor("#4a78b5")
MILESTONE = colors.HexColor("#b34a1a")
GRID = colors.HexColor("#b8bec7")
HEAD_FILL = colors.HexColor("#dde4ee")
INK = colors.HexColor("#1a1a1a")


@dataclass(frozen=True)
class GanttRow:
    label: str
    start: date
    end: date  # the last day (== start for a milestone)
    milestone: bool = False


def fiscal_months(fy: int) -> list[date]:
    """The first days of the twelve months of fiscal year ``fy`` (April to March)."""
    return [date(fy + (m < 4), m, 1) for m in (*range(4, 13), 1, 2, 3)]


class GanttChart(Flowable):  # type: ignore[misc]
    """The chart for ``rows`` over the fiscal year ``fy``, as wide as the frame it is drawn in."""

    HEAD_H = 5.5 * mm
    PAD = 1.5 * mm

    def __init__(
        self,
        fy: int,
        rows: Sequence[GanttRow],
        *,
        font: str,
        bold: str,
        size: float = 8,
        label_share: float = 0.3,
    ) -> None:
        super().__init__()
        self.fy = fy
        self.rows = list(rows)
        self.font, self.bold, self.size = font, bold, size
        self.leading = size * 1.35
        self.label_share = label_share
        self.months = fiscal_months(fy)
        self.width = 0.0
        self.height = 0.0
        self._lines: list[list[str]] = []

    # ------------------------------------------------------------ layout

    @property
    def label_w(self) -> float:
        return float(self.width * self.label_share)

    def _row_h(self, lines: list[str]) -> float:
        return float(max(6 * mm, len(lines) * self.leading + 2 * self.PAD))

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        inner = self.label_w - 2 * self.PAD
        self._lines = [
            kinsoku_lines(r.label, inner, self.font, self.size) or [""] for r in self.rows
        ]
        self.height = 2 * self.HEAD_H + sum(self._row_h(lines) for lines in self._lines)
        return self.width, self.height

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        self.wrap(avail_w, avail_h)
        if self.height <= avail_h:
            return [self]
        used, fit = 2 * self.HEAD_H, 0
        for lines in self._lines:
            used += self._row_h(lines)
            if used > avail_h:
                break
            fit += 1
        if fit == 0:
            return []  # not even one row here: the frame moves on to the next page
        return [self._part(self.rows[:fit]), self._part(self.rows[fit:])]

    def _part(self, rows: Sequence[GanttRow]) -> GanttChart:
        return GanttChart(
            self.fy,
            rows,
            font=self.font,
            bold=self.bold,
            size=self.size,
            label_share=self.label_share,
        )

    def _x(self, d: date) -> float:
        """The horizontal position of the start of day ``d`` (clamped to the year)."""
        month_w = (self.width - self.label_w) / 12
        first, last = self.months[0], date(self.fy + 1, 3, 31)
        if d <= first:
            return self.label_w
        if d > last:
            return self.width
        i = (d.year - first.year) * 12 + d.month - first.month
        days = calendar.monthrange(d.year, d.month)[1]
        return self.label_w + month_w * (i + (d.day - 1) / days)

    # ------------------------------------------------------------ drawing

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height
        month_w = (w - self.label_w) / 12
        c.saveState()
        # Header: the calendar years over their months, then the months.
        top = h
        c.setFillColor(HEAD_FILL)
        c.rect(0, top - 2 * self.HEAD_H, w, 2 * self.HEAD_H, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(self.bold, self.size)
        base = top - self.HEAD_H - self.size * 0.35
        c.drawCentredString(self.label_w / 2, base - self.HEAD_H / 2, "作業項目")
        for year, span in ((self.fy, range(9)), (self.fy + 1, range(9, 12))):
            x0 = self.label_w + month_w * span[0]
            x1 = self.label_w + month_w * (span[-1] + 1)
            text = format_wareki(date(year, 4 if year == self.fy else 1, 1))
            c.drawCentredString(
                (x0 + x1) / 2,
                top - self.HEAD_H / 2 - self.size * 0.35,
                text[: text.index("年") + 1],
            )
        c.setFont(self.font, self.size)
        for i, m in enumerate(self.months):
            c.drawCentredString(
                self.label_w + month_w * (i + 0.5), base - self.HEAD_H / 2, f"{m.month}月"
            )
        # Rows.
        y = top - 2 * self.HEAD_H
        c.setLineWidth(0.4)
        for row, lines in zip(self.rows, self._lines, strict=True):
            rh = self._row_h(lines)
            c.setStrokeColor(GRID)
            c.line(0, y - rh, w, y - rh)
            c.setFillColor(INK)
            c.setFont(self.font, self.size)
            ty = y - self.PAD - self.size
            for line in lines:
                c.drawString(self.PAD, ty, line)
                ty -= self.leading
            mid = y - rh / 2
            if row.milestone:
                r = 2.2 * mm
                # The middle of its day, near enough; kept inside the chart (31 March).
                x = min(max(self._x(row.start) + month_w / 60, self.label_w + r), w - r)
                c.setFillColor(MILESTONE)
                path = c.beginPath()
                path.moveTo(x, mid + r)
                path.lineTo(x + r, mid)
                path.lineTo(x, mid - r)
                path.lineTo(x - r, mid)
                path.close()
                c.drawPath(path, stroke=0, fill=1)
                label = f"{row.start.month}/{row.start.day}"
                lw = text_width(label, self.font, self.size * 0.9)
                c.setFont(self.font, self.size * 0.9)
                c.setFillColor(INK)
                # Beside the diamond, on the side with room (never past the chart's edge).
                tx = x + r + 1 if x + r + 1 + lw <= w else x - r - 1 - lw
                c.drawString(tx, mid - self.size * 0.3, label)
            else:
                x0 = self._x(row.start)
                x1 = max(self._x(row.end + timedelta(days=1)), x0 + 1.5)
                c.setFillColor(BAR)
                c.rect(x0, mid - 1.6 * mm, x1 - x0, 3.2 * mm, stroke=0, fill=1)
            y -= rh
        # Month lines over everything but the bars' fill, and the frame.
        c.setStrokeColor(GRID)
        for i in range(1, 12):
            x = self.label_w + month_w * i
            c.line(x, 0, x, top - (self.HEAD_H if i != 9 else 0))
        c.setStrokeColor(INK)
        c.setLineWidth(0.6)
        c.line(self.label_w, 0, self.label_w, top)
        c.line(self.label_w, top - self.HEAD_H, w, top - self.HEAD_H)
        c.line(0, top - 2 * self.HEAD_H, w, top - 2 * self.HEAD_H)
        c.rect(0, 0, w, h, stroke=1, fill=0)
        c.restoreState()
