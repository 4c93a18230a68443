"""The flowables the PDF documents draw besides paragraphs: a table whose string cells share
one text object, a line of text that needs no wrapping, and ruled lines for handwriting.

A module of its own because each is a drawing optimisation or a shape over reportlab's
platypus, with nothing of a document's page layout (``dxdesk.reports.pdf``) in it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from dxdesk.reports.pdf_text import text_width

__all__ = ["PlainLine", "RuledLines", "SharedTextTable"]

_ALIGNED = frozenset({"LEFT", "RIGHT", "CENTER", "CENTRE"})


class SharedTextTable(Table):  # type: ignore[misc]
    """A Table whose plain-string cells share one PDF text object.

    reportlab sets every string cell as a text object of its own (BT ... ET, font and size
    written out again, the string measured twice), which is most of the time of a dense table.
    Here the string cells of a table share one text object that sets font and colour only where
    the cell style changes them: the same glyphs at the same positions, in the same order.
    Paragraph cells flush it first and are drawn by reportlab as before.
    """

    _tx: Any = None
    _tx_font: tuple[str, float, float] | None = None
    _tx_color: Any = None

    def draw(self) -> None:
        self._tx = None
        super().draw()
        self._flush_text()

    def _drawLines(self) -> None:
        self._flush_text()  # text under the rules, as reportlab draws it
        super()._drawLines()

    def _flush_text(self) -> None:
        if self._tx is not None:
            canv = self.canv
            # Font and colour set inside the text object do not leak into what follows.
            canv.saveState()
            canv.drawText(self._tx)
            canv.restoreState()
            self._tx = None

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:
        just = cellstyle.alignment
        if (
            # Only plain str: a subclass may carry an onDraw hook (reportlab's index entries).
            type(cellval) is not str
            or just not in _ALIGNED
            or cellstyle.href
            or cellstyle.destination
            or cellstyle.direction
            or cellstyle.shaping
        ):
            self._flush_text()
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        text = cellval
        if not text:
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        font, fontsize, leading = cellstyle.fontname, cellstyle.fontsize, cellstyle.leading
        tx = self._tx
        if tx is None:
            tx = self._tx = self.canv.beginText()
            self._tx_font = self._tx_color = None
        if self._tx_font != (font, fontsize, leading):
            tx.setFont(font, fontsize, leading)
            self._tx_font = (font, fontsize, leading)
        if self._tx_color != cellstyle.color:
            tx.setFillColor(cellstyle.color)
            self._tx_color = cellstyle.color
        lines = text.split("\n")
        # Baseline of the first line: as Table._drawCell places strings.
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + len(lines) * leading - fontsize
        else:
            y = (
                rowpos
                + (
                    cellstyle.bottomPadding
                    + rowheight
                    - cellstyle.topPadding
                    + len(lines) * leading
                )
                / 2.0
                - fontsize
            )
        for line in lines:
            if just == "LEFT":
                x = colpos + cellstyle.leftPadding
            else:
                width = text_width(line, font, fontsize)
                if just == "RIGHT":
                    x = colpos + colwidth - cellstyle.rightPadding - width
                else:
                    x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5
                    x -= 0.5 * width
            tx.setTextOrigin(x, y)
            # textLine ends with T* as reportlab's cells do: text extraction (pypdf) reads each
            # cell as a line of its own.
            tx.textLine(line)
            y -= leading


class PlainLine(Flowable):  # type: ignore[misc]
    """One line of text that needs no wrapping (a heading, a title), drawn as a string.

    Laid out as a Paragraph of the same style lays out one line: ``leading`` high, the baseline
    ``fontSize`` below its top, aligned in the full width, the style's space before and after;
    only without the paragraph machinery. ``PdfDocument._line`` falls back to a JParagraph for
    text that could wrap.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.style.leading
        return float(self.width), float(self.height)

    def draw(self) -> None:
        st = self.style
        c = self.canv
        c.setFont(st.fontName, st.fontSize, st.leading)
        c.setFillColor(st.textColor)
        y = self.height - st.fontSize
        if st.alignment == TA_CENTER:
            c.drawCentredString(self.width / 2, y, self.text)
        elif st.alignment == TA_RIGHT:
            c.drawRightString(self.width, y, self.text)
        else:
            c.drawString(0, y, self.text)


class RuledLines(Flowable):  # type: ignore[misc]
    """Horizontal lines for handwriting; ``count=None`` fills the rest of the frame."""

    def __init__(self, count: int | None, spacing: float, color: Any) -> None:
        super().__init__()
        self.count = count
        self.spacing = spacing
        self.color = color
        self._lines = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if self.count is None:
            # At least 4 lines: fewer would look like an accident at the foot of a page.
            self._lines = max(4, int(availHeight // self.spacing))
        else:
            self._lines = self.count
        self.height = self._lines * self.spacing
        return float(self.width), float(self.height)

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(self.color)
        c.setLineWidth(0.4)
        c.setDash(1, 2)
        for k in range(1, self._lines + 1):
            y = self.height - k * self.spacing
            c.line(0, y, self.width, y)
        c.setDash()
