"""The PDF document builder: A4 pages in Japanese typography over reportlab platypus.

Usage (a builder gets a ready document from ``ReportContext.new_pdf``)::

    doc = ctx.new_pdf("ヒアリングシート")                 # or PdfDocument(title=..., fonts=...)
    doc.title_block([("訪問予定日", "令和7年12月3日(水)")])  # title, 和暦 date, org, author + rows
    doc.heading("1. 団体の概要")                          # level=1 (default) or 2
    doc.key_values([("団体コード", "452017"), ("人口", "400,000人")])
    doc.paragraph("短い文章。改行は\\nで。")              # plain text; escaped for you
    doc.text(long_note)                                   # long text, blank line = new paragraph
    doc.table(["システム", "ベンダ", "進捗"], rows,         # header repeats on every page
              widths=[3, 2, 1], align="LLR")              # relative widths; L/C/R per column
    doc.table(["分類", "件数"], rows, width=0.5, total=["合計", 12])  # half width, a total row
    doc.checklist(["窓口の混雑状況", "..."], answer_lines=1)
    doc.ruled_lines(6, label="メモ")                        # or ruled_lines() = rest of the page
    doc.set_orientation("landscape")                       # page break + landscape from here on
    pdf_bytes = doc.build()

Every page carries the document title and the handling mark (e.g. 取扱注意) in the header and
"n / N" in the footer. Cells and paragraphs wrap Japanese text with the line-breaking rules
(禁則処理): no 、。」）etc. at the start of a line and no 「（ at the end, which reportlab's own
CJK wrapping only partly does (it hangs one character and knows fewer characters). Fonts are the
embedded subset TrueType fonts of dxdesk.reports.fonts. Cell values: ``None`` -> blank, ``int``
-> 1,234, ``float`` -> 12.5, ``date`` -> R7.11.25, anything else ``str()``. A table of up to
12 rows moves to the next page whole (with the heading just above it); longer tables split
between rows, and a cell too long for one page splits inside. ``doc.add(flowable)`` takes any
platypus flowable; ``doc.para(text, style)`` makes a wrapped paragraph in one of ``doc.styles``.

This module is the document (styles, page templates, header and footer, the calls above); the
line breaking and text measuring are in ``dxdesk.reports.pdf_text``, the table, single-line and
ruled-line flowables in ``dxdesk.reports.pdf_flowables``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    TableStyle,
)

from dxdesk import __version__
from dxdesk.core.calendar import format_wareki, format_wareki_compact
from dxdesk.reports.fonts import RegisteredFonts
from dxdesk.reports.pdf_flowables import PlainLine, RuledLines, SharedTextTable
from dxdesk.reports.pdf_text import (
    NO_END,
    NO_START,
    JParagraph,
    fit_columns,
    fits,
    kinsoku_lines,
    least_width,
    text_width,
)

# The module's calls for documents, and (from dxdesk.reports.pdf_text) the line-breaking rules
# they wrap text with, for tests and callers that import them from here.
__all__ = [
    "NO_END",
    "NO_START",
    "JParagraph",
    "PdfDocument",
    "cell_text",
    "kinsoku_lines",
]

# Rows move whole to the next page; only a table with a cell this long (which could be taller
# than a page) splits inside rows, which reportlab does less neatly (it repeats the header).
_SPLIT_CELL = 1500
_KEEP_ROWS = 12
_KEEP_CELL = 300
INK = colors.HexColor("#1a1a1a")
RULE = colors.HexColor("#7a7a7a")
HEADER_FILL = colors.HexColor("#dde4ee")
KEY_FILL = colors.HexColor("#eef1f5")
ZEBRA = colors.HexColor("#f7f8fa")
MARK_RED = colors.HexColor("#b00020")


# Binary (Flate only) streams instead of ASCII85 on top: files a fifth smaller, and reportlab's
# pure-Python ASCII85 encoder is a large share of the time of a short document.
rl_config.useA85 = 0


def cell_text(value: object) -> str:
    """How a value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "○" if value else ""
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    if isinstance(value, datetime):
        return f"{format_wareki_compact(value.date())} {value:%H:%M}"
    if isinstance(value, date):
        return format_wareki_compact(value)
    return str(value)


# Left + right padding of a table cell (reportlab's default, 6 each): a Paragraph in the cell
# wraps at the column width less this.
_CELL_PAD = 12.0


def _markup(text: str) -> str:
    # 全角スペース is layout in Japanese text (indents, blanks to fill in by hand); as a
    # character reference it survives the paragraph parser, which collapses whitespace.
    return escape(text).replace("\r\n", "\n").replace("\n", "<br/>").replace("\u3000", "&#12288;")


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Defers page decoration until the page count N is known (the "n / N" footer)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._decorate = kwargs.pop("decorate")
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(self, self._pageNumber, total)
            super().showPage()
        super().save()


@dataclass(frozen=True)
class Letterhead:
    """The official form of a document sent to the prefecture: 文書番号 and date top right, the
    addressee on the left, the contractor on the right, and for the cover-letter form 記 after
    the opening sentence and 以上 at the end."""

    addressee: str = ""
    contractor: tuple[str, ...] = ()  # name, address, representative (the ones given)
    number: str = ""
    cover_letter: bool = False


class PdfDocument:
    """A document under construction; see the module docstring for the calls."""

    MARGIN_X = 18 * mm
    MARGIN_TOP = 22 * mm
    MARGIN_BOTTOM = 18 * mm

    def __init__(
        self,
        *,
        title: str,
        fonts: RegisteredFonts,
        landscape: bool = False,
        org_name: str = "",
        author: str = "",
        handling_mark: str = "",
        issued: date | None = None,
        subject: str = "",
        letterhead: Letterhead | None = None,
    ) -> None:
        self.title = title
        self.letterhead = letterhead
        self._closing = False  # 以上 is due at the end (the cover-letter form's 記 was given)
        self.fonts = fonts
        self.org_name = org_name
        self.author = author
        self.handling_mark = handling_mark
        self.issued = issued or date.today()
        self.subject = subject
        self.story: list[Flowable] = []
        self._landscape = landscape
        self._start_landscape = landscape
        self._heading: Flowable | None = None
        self.styles = self._make_styles()

    # ------------------------------------------------------------------ layout facts

    @property
    def page_size(self) -> tuple[float, float]:
        size = landscape(A4) if self._landscape else A4
        return float(size[0]), float(size[1])

    @property
    def frame_width(self) -> float:
        """Usable width of the current orientation, in points."""
        return float(self.page_size[0] - 2 * self.MARGIN_X)

    def _make_styles(self) -> dict[str, ParagraphStyle]:
        r, b = self.fonts.regular, self.fonts.bold

        def style(name: str, **kw: Any) -> ParagraphStyle:
            base: dict[str, Any] = {
                "fontName": r,
                "fontSize": 10,
                "leading": 15,
                "textColor": INK,
                "wordWrap": "CJK",
            }
            base.update(kw)
            return ParagraphStyle(name, **base)

        return {
            "body": style("body"),
            "small": style("small", fontSize=8, leading=11, textColor=colors.HexColor("#555555")),
            "title": style("title", fontName=b, fontSize=18, leading=26, alignment=TA_CENTER),
            "meta": style("meta", alignment=TA_RIGHT, leading=14),
            "center": style("center", alignment=TA_CENTER, spaceBefore=4, spaceAfter=4),
            "h1": style("h1", fontName=b, fontSize=12.5, leading=18, spaceBefore=8, spaceAfter=4),
            "h2": style("h2", fontName=b, fontSize=10.5, leading=15, spaceBefore=5, spaceAfter=2),
            "cell": style("cell", fontSize=9, leading=12),
            "cell_c": style("cell_c", fontSize=9, leading=12, alignment=TA_CENTER),
            "cell_r": style("cell_r", fontSize=9, leading=12, alignment=TA_RIGHT),
            "head": style("head", fontName=b, fontSize=9, leading=12, alignment=TA_CENTER),
            "check": style("check", leftIndent=5 * mm, firstLineIndent=-5 * mm, spaceBefore=2),
        }

    # ------------------------------------------------------------------ content

    def add(self, flowable: Flowable) -> None:
        """Append any platypus flowable (for layouts the helpers below do not cover)."""
        self.story.append(flowable)

    def para(self, text: str, style: str = "body") -> JParagraph:
        """A wrapped paragraph of plain text in one of ``self.styles`` (not yet added)."""
        return JParagraph(_markup(text), self.styles[style])

    def _line(self, text: str, style: str) -> Flowable:
        """A paragraph of ``style``, as a plain line when it surely takes one line unwrapped."""
        st = self.styles[style]
        if (
            "\n" not in text
            and text == text.strip()
            and "  " not in text
            and not (st.leftIndent or st.rightIndent or st.firstLineIndent)
            and text_width(text, st.fontName, st.fontSize) <= self.frame_width
        ):
            return PlainLine(text, st)
        return JParagraph(_markup(text), st)

    def title_block(self, rows: Sequence[tuple[str, str]] = (), *, subtitle: str = "") -> None:
        """Title, then the date (和暦), organisation and author right-aligned, then ``rows``.

        With a letterhead: the document number and date, the addressee, the contractor and
        then the author, as a prefecture receives a document (公文書の様式)."""
        head = self.letterhead
        meta = [format_wareki(self.issued)]
        if head is not None and head.number:
            meta.insert(0, head.number)
        if head is not None:
            self.story.append(self.para("\n".join(meta), "meta"))
            if head.addressee:
                self.story.append(Spacer(1, 2 * mm))
                self.story.append(self.para(head.addressee, "body"))
            meta = list(head.contractor)
        if self.org_name:
            meta.append(self.org_name)
        if self.author:
            meta.append(f"作成者　{self.author}")
        if meta:
            self.story.append(self.para("\n".join(meta), "meta"))
        self.story.append(Spacer(1, 4 * mm))
        self.story.append(self._line(self.title, "title"))
        if subtitle:
            self.story.append(self.para(subtitle, "meta"))
        self.story.append(Spacer(1, 5 * mm))
        if rows:
            self.key_values(rows)

    def opening(self, sentence: str) -> None:
        """The opening sentence (…下記のとおり報告します。); in the cover-letter form followed
        by 記, and the document then ends with 以上."""
        self.paragraph(sentence)
        if self.letterhead is not None and self.letterhead.cover_letter:
            self.story.append(self._line("記", "center"))
            self._closing = True

    def heading(self, text: str, level: int = 1) -> None:
        # A heading never sits alone at the foot of a page: it needs room for a few lines
        # after it. (keepWithNext would instead push a whole page-sized table to the next page.)
        self.story.append(CondPageBreak(30 * mm))
        self._heading = self._line(text, "h1" if level <= 1 else "h2")
        self.story.append(self._heading)

    def paragraph(self, text: str, *, small: bool = False) -> None:
        self.story.append(self._line(text, "small" if small else "body"))

    def text(self, text: str, *, small: bool = False) -> None:
        """Long text: blank lines separate paragraphs, each of which may flow over pages."""
        for block in text.replace("\r\n", "\n").split("\n\n"):
            if block.strip():
                self.paragraph(block.strip("\n"), small=small)
                self.story.append(Spacer(1, 1.5 * mm))

    def spacer(self, height_mm: float = 4) -> None:
        self.story.append(Spacer(1, height_mm * mm))

    def page_break(self) -> None:
        self.story.append(PageBreak())

    def set_orientation(self, orientation: str) -> None:
        """Start a new page in "portrait" or "landscape"; later tables use its width."""
        want = orientation == "landscape"
        if not self.story:
            self._start_landscape = want
        elif want != self._landscape:
            self.story.append(NextPageTemplate("landscape" if want else "portrait"))
            self.story.append(PageBreak())
        self._landscape = want

    def key_values(self, rows: Sequence[tuple[str, object]], *, key_width_mm: float = 35) -> None:
        """A two-column block: shaded labels on the left, values on the right."""
        if not rows:
            return
        key_w = key_width_mm * mm
        style = self.styles["cell"]

        def cell(text: str, width: float) -> object:
            if fits(text, style.fontName, style.fontSize, width - _CELL_PAD):
                return text
            return self.para(text, "cell")

        value_w = self.frame_width - key_w
        data = [[cell(k, key_w), cell(cell_text(v), value_w)] for k, v in rows]
        t = SharedTextTable(data, colWidths=[key_w, value_w], splitInRow=1)
        t.setStyle(
            TableStyle(
                [
                    # The cell style's font, size, leading and colour for the plain-string cells.
                    ("FONT", (0, 0), (-1, -1), style.fontName, style.fontSize, style.leading),
                    ("TEXTCOLOR", (0, 0), (-1, -1), style.textColor),
                    ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), KEY_FILL),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        self.story.append(t)
        self.story.append(Spacer(1, 3 * mm))

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        *,
        widths: Sequence[float] | None = None,
        align: str | Sequence[str] | None = None,
        total: Sequence[object] | None = None,
        font_size: float = 9,
        empty_text: str = "該当なし",
        width: float | None = None,
        h_align: str = "LEFT",
    ) -> None:
        """A table whose header row repeats on every page and whose cells wrap.

        ``widths`` are relative (scaled to the table width); ``align`` one letter per column
        (L/C/R); ``total`` an optional last row in bold on a shaded background; ``width`` a
        fraction of the frame width (e.g. 0.5) for a narrower table, placed by ``h_align``
        ("LEFT", "CENTER" or "RIGHT", e.g. a box for stamps on the right).
        """
        ncols = len(header)
        weights = list(widths) if widths else [1.0] * ncols
        if len(weights) != ncols:
            raise ValueError(f"widths has {len(weights)} entries for {ncols} columns")
        table_width = self.frame_width * (width if width else 1.0)
        scale = table_width / sum(weights)
        col_w = [w * scale for w in weights]
        aligns = list(align) if align else ["L"] * ncols
        if not rows:
            self.story.append(self.para(empty_text, "body"))
            self.story.append(Spacer(1, 3 * mm))
            return
        body_style = {
            "L": self.styles["cell"],
            "C": self.styles["cell_c"],
            "R": self.styles["cell_r"],
        }
        if font_size != 9:
            body_style = {
                k: ParagraphStyle(
                    f"{s.name}{font_size}", parent=s, fontSize=font_size, leading=font_size * 1.35
                )
                for k, s in body_style.items()
            }
        font = self.fonts.regular
        pad = 8.0  # left + right cell padding (reportlab default 6 + a little slack)
        head_style = self.styles["head"]
        all_rows = list(rows) + ([total] if total is not None else [])
        col_w = self._fit_columns(header, all_rows, col_w, font, font_size, pad)
        head: list[object] = [
            h
            if fits(h, head_style.fontName, head_style.fontSize, col_w[k] - _CELL_PAD)
            else JParagraph(_markup(h), head_style)
            for k, h in enumerate(header)
        ]
        data: list[list[object]] = [head]
        longest = 0
        for row in all_rows:
            if len(row) != ncols:
                raise ValueError(f"row has {len(row)} cells for {ncols} columns: {row!r}")
            cells: list[object] = []
            for k, value in enumerate(row):
                text = cell_text(value)
                longest = max(longest, len(text))
                # Short single-line text is drawn as a plain string: much faster than a
                # Paragraph and identical on paper.
                if "\n" not in text and text_width(text, font, font_size) <= col_w[k] - pad:
                    cells.append(text)
                else:
                    cells.append(JParagraph(_markup(text), body_style[aligns[k]]))
            data.append(cells)
        t = SharedTextTable(
            data,
            colWidths=col_w,
            repeatRows=1,
            splitInRow=int(longest > _SPLIT_CELL),
            hAlign=h_align,
        )
        commands: list[tuple[Any, ...]] = [
            # Every cell, Paragraphs too: reportlab's default cell font is Helvetica, which
            # would then appear (unembedded) in the PDF.
            ("FONT", (0, 0), (-1, -1), font, font_size),
            # Header cells drawn as strings: as the "head" paragraph style would set them.
            (
                "FONT",
                (0, 0),
                (-1, 0),
                head_style.fontName,
                head_style.fontSize,
                head_style.leading,
            ),
            ("TEXTCOLOR", (0, 0), (-1, 0), head_style.textColor),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        # Each style command visits every cell of its range: only non-default ones are given
        # (left alignment and black text are reportlab's defaults).
        for k, a in enumerate(aligns):
            if a != "L":
                commands.append(("ALIGN", (k, 1), (k, -1), "CENTER" if a == "C" else "RIGHT"))
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
        if total is not None:
            commands += [
                ("BACKGROUND", (0, -1), (-1, -1), KEY_FILL),
                ("FONT", (0, -1), (-1, -1), self.fonts.bold, font_size),
                ("LINEABOVE", (0, -1), (-1, -1), 1.0, INK),
            ]
        t.setStyle(TableStyle(commands))
        # A short table moves to the next page whole rather than leave a row or two behind,
        # and takes the heading right above it along.
        if len(data) <= _KEEP_ROWS and longest <= _KEEP_CELL:
            group: list[Flowable] = [t]
            if self.story and self.story[-1] is self._heading:
                group.insert(0, self.story.pop())
            self.story.append(KeepTogether(group))
        else:
            self.story.append(t)
        self.story.append(Spacer(1, 3 * mm))

    def _fit_columns(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[object]],
        col_w: list[float],
        font: str,
        font_size: float,
        pad: float,
    ) -> list[float]:
        """Column widths from the content: a column too narrow for its longest kept run
        (ヒアリング in a header, 12時間, a name) is widened from columns with room to spare."""
        head = self.styles["head"]
        floors = [0.0] * len(col_w)
        wants = [0.0] * len(col_w)
        for k, h in enumerate(header):
            for line in h.split("\n"):
                wants[k] = max(wants[k], text_width(line, head.fontName, head.fontSize) + _CELL_PAD)
            # A header that fits stays on its lines; one that wraps keeps its words whole.
            floors[k] = (
                wants[k] + 0.5
                if wants[k] <= col_w[k]
                else least_width(h, head.fontName, head.fontSize) + _CELL_PAD + 0.5
            )
        for row in rows:
            for k, value in enumerate(row[: len(col_w)]):
                text = cell_text(value)
                for line in text.split("\n"):
                    width = text_width(line, font, font_size) + pad
                    wants[k] = max(wants[k], width)
                    if width > col_w[k]:  # only text that wraps can break badly
                        # A wrapped cell is a Paragraph, set within both paddings.
                        least = least_width(line, font, font_size) + _CELL_PAD + 0.5
                        floors[k] = max(floors[k], least)
        return fit_columns(col_w, floors, wants)

    def checklist(self, items: Sequence[str], *, answer_lines: int = 0) -> None:
        """□ items (questions to ask); ``answer_lines`` ruled lines under each for the answer."""
        for item in items:
            parts: list[Flowable] = [self.para(f"□　{item}", "check")]
            if answer_lines:
                parts.append(RuledLines(answer_lines, 7 * mm, RULE))
            self.story.append(KeepTogether(parts))

    def ruled_lines(self, count: int | None = None, *, label: str = "") -> None:
        """Ruled space for handwriting: ``count`` lines, or the rest of the page when None."""
        if label:
            self.heading(label, level=2)
        self.story.append(RuledLines(count, 8 * mm, RULE))

    # ------------------------------------------------------------------ output

    def _decorate(self, canvas: Canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        top = height - 12 * mm
        canvas.setFont(self.fonts.regular, 8)
        canvas.setFillColor(colors.HexColor("#555555"))
        header_left = self.title if not self.org_name else f"{self.title}（{self.org_name}）"
        canvas.drawString(self.MARGIN_X, top, header_left)
        if self.handling_mark:
            canvas.setFont(self.fonts.bold, 10)
            mark_w = stringWidth(self.handling_mark, self.fonts.bold, 10) + 6 * mm
            x = width - self.MARGIN_X - mark_w
            canvas.setStrokeColor(MARK_RED)
            canvas.setFillColor(MARK_RED)
            canvas.setLineWidth(1)
            canvas.rect(x, top - 2.2 * mm, mark_w, 6.5 * mm)
            canvas.drawCentredString(x + mark_w / 2, top, self.handling_mark)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.MARGIN_X, top - 3.5 * mm, width - self.MARGIN_X, top - 3.5 * mm)
        canvas.setFont(self.fonts.regular, 9)
        canvas.setFillColor(INK)
        canvas.drawCentredString(width / 2, 9 * mm, f"{page} / {total}")
        canvas.restoreState()

    def build(self) -> bytes:
        """Lay out the story and return the finished PDF."""
        if self._closing:
            self.story.append(Spacer(1, 3 * mm))
            self.story.append(self.para("以上", "meta"))
            self._closing = False
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf,
            pagesize=A4,
            leftMargin=self.MARGIN_X,
            rightMargin=self.MARGIN_X,
            topMargin=self.MARGIN_TOP,
            bottomMargin=self.MARGIN_BOTTOM,
            title=self.title,
            author=self.author,
            subject=self.subject or self.title,
            creator=f"dxdesk {__version__}",
            lang="ja-JP",
            # The initial font is set on every page: ours, so no unembedded Helvetica appears.
            initialFontName=self.fonts.regular,
        )
        templates = []
        for name, size in (("portrait", A4), ("landscape", landscape(A4))):
            frame = Frame(
                self.MARGIN_X,
                self.MARGIN_BOTTOM,
                size[0] - 2 * self.MARGIN_X,
                size[1] - self.MARGIN_TOP - self.MARGIN_BOTTOM,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
        if self._start_landscape:
            templates.reverse()
        doc.addPageTemplates(templates)
        story = list(self.story)
        # Trailing space after the last table would otherwise open an empty last page.
        while story and isinstance(story[-1], Spacer):
            story.pop()
        story = story or [Spacer(1, 1)]

        def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
            return _NumberedCanvas(*args, decorate=self._decorate, **kwargs)

        doc.build(story, canvasmaker=canvasmaker)
        return buf.getvalue()
