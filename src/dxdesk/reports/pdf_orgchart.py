"""The 業務実施体制図 as a platypus flowable: the head of the team in a box at the top, a line down
to a bus, and one column per group under it (a heading box, then a box per person with their
name and the first line of their career), every text wrapped in its box by the kinsoku rules.

A box grows with its text, so nothing is clipped; a chart taller than the frame (a very large
team) is drawn scaled down to fit rather than cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from dxdesk.reports.pdf_text import kinsoku_lines

__all__ = ["ChartGroup", "ChartPerson", "OrgChart"]

INK = colors.HexColor("#1a1a1a")
LINE = colors.HexColor("#4d5560")
HEAD_FILL = colors.HexColor("#dde4ee")
TOP_FILL = colors.HexColor("#c9d6e8")
SUB = colors.HexColor("#444444")


@dataclass(frozen=True)
class ChartPerson:
    name: str
    detail: str = ""  # one line of career, printed small under the name


@dataclass(frozen=True)
class ChartGroup:
    label: str
    people: tuple[ChartPerson, ...]


@dataclass
class _Box:
    lines: list[tuple[str, str, float]]  # (text, font, size)
    height: float


class OrgChart(Flowable):  # type: ignore[misc]
    PAD = 1.8 * mm
    GAP = 4 * mm  # between columns
    VGAP = 2.5 * mm  # between boxes of a column
    DROP = 6 * mm  # from the head's box to the bus, and from the bus to the groups

    def __init__(
        self,
        head_label: str,
        head: Sequence[ChartPerson],
        groups: Sequence[ChartGroup],
        *,
        font: str,
        bold: str,
        size: float = 9,
    ) -> None:
        super().__init__()
        self.head_label = head_label
        self.head = list(head)
        self.groups = [g for g in groups if g.people]
        self.font, self.bold, self.size = font, bold, size
        self.small = size * 0.8
        self.width = 0.0
        self.height = 0.0
        self._scale = 1.0

    # ------------------------------------------------------------ layout

    def _box(self, width: float, label: str, people: Sequence[ChartPerson]) -> _Box:
        inner = width - 2 * self.PAD
        lines: list[tuple[str, str, float]] = []
        if label:
            lines += [
                (t, self.bold, self.size) for t in kinsoku_lines(label, inner, self.bold, self.size)
            ]
        for p in people:
            lines += [
                (t, self.bold, self.size)
                for t in kinsoku_lines(p.name, inner, self.bold, self.size)
            ]
            if p.detail:
                lines += [
                    (t, self.font, self.small)
                    for t in kinsoku_lines(p.detail, inner, self.font, self.small)
                ]
        height = sum(s * 1.3 for _t, _f, s in lines) + 2 * self.PAD
        return _Box(lines, max(height, 7 * mm))

    def _layout(self, width: float) -> None:
        n = max(1, len(self.groups))
        self.col_w = (width - self.GAP * (n - 1)) / n
        self.head_w = min(width, max(70 * mm, self.col_w))
        self.head_box = self._box(
            self.head_w, self.head_label, self.head or [ChartPerson("（未定）")]
        )
        self.columns = [
            (self._box(self.col_w, g.label, []), [self._box(self.col_w, "", [p]) for p in g.people])
            for g in self.groups
        ]
        tallest = max(
            (hb.height + sum(b.height + self.VGAP for b in boxes) for hb, boxes in self.columns),
            default=0.0,
        )
        self.natural_h = self.head_box.height + (2 * self.DROP + tallest if self.columns else 0)

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        self._layout(avail_w)
        self._scale = min(1.0, avail_h / self.natural_h) if avail_h > 0 else 1.0
        self.height = self.natural_h * self._scale
        return self.width, self.height

    # ------------------------------------------------------------ drawing

    def _draw_box(self, x: float, top: float, w: float, box: _Box, fill: colors.Color) -> None:
        c = self.canv
        c.setFillColor(fill)
        c.setStrokeColor(LINE)
        c.setLineWidth(0.7)
        c.rect(x, top - box.height, w, box.height, stroke=1, fill=1)
        y = top - self.PAD
        for text, font, size in box.lines:
            y -= size * 1.3
            c.setFont(font, size)
            c.setFillColor(INK if font == self.bold else SUB)
            c.drawCentredString(x + w / 2, y + size * 0.25, text)

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        w = self.width / self._scale
        if self._scale < 1.0:
            c.scale(self._scale, self._scale)
        top = self.natural_h
        head_x = (w - self.head_w) / 2
        self._draw_box(head_x, top, self.head_w, self.head_box, TOP_FILL)
        if self.columns:
            bus = top - self.head_box.height - self.DROP
            c.setStrokeColor(LINE)
            c.setLineWidth(0.8)
            c.line(w / 2, top - self.head_box.height, w / 2, bus)
            centres = [
                self.col_w / 2 + k * (self.col_w + self.GAP) for k in range(len(self.columns))
            ]
            c.line(centres[0], bus, centres[-1], bus)
            for k, (head_box, boxes) in enumerate(self.columns):
                x = k * (self.col_w + self.GAP)
                y = bus - self.DROP
                c.setStrokeColor(LINE)
                c.line(centres[k], bus, centres[k], y)
                if boxes:  # the column's spine, behind its boxes
                    bottom = y - head_box.height - sum(b.height + self.VGAP for b in boxes[:-1])
                    c.line(centres[k], y, centres[k], bottom - self.VGAP)
                self._draw_box(x, y, self.col_w, head_box, HEAD_FILL)
                y -= head_box.height + self.VGAP
                for box in boxes:
                    self._draw_box(x, y, self.col_w, box, colors.white)
                    y -= box.height + self.VGAP
        c.restoreState()
