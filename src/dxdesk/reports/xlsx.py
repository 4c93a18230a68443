"""Excel workbooks with openpyxl: styled, frozen, filtered, widths that fit Japanese.

Usage::

    from dxdesk.reports.xlsx import Sheet, workbook_bytes
    data = workbook_bytes(
        [Sheet("相談一覧", ["受付日", "団体", "件名", "時間"], rows)],   # rows: lists of values
        title="相談管理表",
    )

Values are written as what they are: ``date``/``datetime`` as real Excel dates (yyyy/mm/dd),
``int``/``float`` as numbers, ``None`` as an empty cell, everything else as text (a leading "="
is kept as text, never a formula). Each sheet gets a bold shaded header row, frozen panes below
it, an auto filter over the data, and column widths where East Asian wide characters count as 2.
``services.reports.generate`` writes the bytes with an atomic write.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from dxdesk import __version__

__all__ = ["Sheet", "display_width", "workbook_bytes"]

DATE_FORMAT = "yyyy/mm/dd"
DATETIME_FORMAT = "yyyy/mm/dd hh:mm"
FONT_NAME = "BIZ UDゴシック"  # Excel substitutes a Japanese font where this one is missing
MAX_WIDTH = 60
INVALID_TITLE_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


@dataclass
class Sheet:
    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    number_formats: dict[int, str] = field(default_factory=dict)  # column index -> format
    widths: dict[int, float] = field(default_factory=dict)  # column index -> width override
    # (row index in ``rows``, column index) -> fill colour "RRGGBB": a chart drawn in cells
    # (the 実施工程表's months).
    fills: dict[tuple[int, int], str] = field(default_factory=dict)


def display_width(text: str) -> int:
    """Width in Excel's units, roughly: wide (全角) characters count 2, others 1."""
    longest = 0
    for line in text.split("\n"):
        w = sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)
        longest = max(longest, w)
    return longest


def _display(value: object) -> str:
    if isinstance(value, datetime):
        return "0000/00/00 00:00"
    if isinstance(value, date):
        return "0000/00/00"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


def workbook_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """The .xlsx file for ``sheets`` (at least one) as bytes."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    wb = Workbook()
    wb.remove(wb.active)
    if title:
        wb.properties.title = title
    wb.properties.creator = "dxdesk"
    wb.properties.version = __version__  # docProps/core.xml <cp:version>
    thin = Side(style="thin", color="9AA3AE")
    head_font = Font(name=FONT_NAME, bold=True)
    body_font = Font(name=FONT_NAME)
    head_fill = PatternFill("solid", fgColor="DDE4EE")
    used_titles: set[str] = set()
    for spec in sheets:
        name = (spec.title.translate(INVALID_TITLE_CHARS) or "Sheet")[:31]
        base, n = name, 2
        while name in used_titles:
            name = f"{base[:28]}({n})"
            n += 1
        used_titles.add(name)
        ws = wb.create_sheet(name)
        ncols = len(spec.header)
        widths = [display_width(h) for h in spec.header]
        ws.append(list(spec.header))
        for cell in ws[1]:
            cell.font = head_font
            cell.fill = head_fill
            cell.border = Border(bottom=thin, top=thin, left=thin, right=thin)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for r, row in enumerate(spec.rows, start=2):
            if len(row) != ncols:
                raise ValueError(f"row has {len(row)} cells for {ncols} columns: {row!r}")
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    # Text stays text: openpyxl would otherwise treat "=..." as a formula.
                    cell.value = value
                    cell.data_type = TYPE_STRING
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                else:
                    cell.value = value
                cell.font = body_font
                if isinstance(value, datetime):
                    cell.number_format = DATETIME_FORMAT
                elif isinstance(value, date):
                    cell.number_format = DATE_FORMAT
                fmt = spec.number_formats.get(c - 1)
                if fmt:
                    cell.number_format = fmt
                widths[c - 1] = max(widths[c - 1], display_width(_display(value)))
                colour = spec.fills.get((r - 2, c - 1))
                if colour:
                    cell.fill = PatternFill("solid", fgColor=colour)
        final: list[float] = []
        for c in range(ncols):
            width = spec.widths.get(c, min(MAX_WIDTH, widths[c] + 2))
            ws.column_dimensions[get_column_letter(c + 1)].width = width
            final.append(width)
        # Text wider than its column wraps (Excel would cut it off at the next filled cell).
        wrap = Alignment(wrap_text=True, vertical="top")
        for c, width in enumerate(final):
            if widths[c] + 2 <= width:
                continue
            for (cell,) in ws.iter_rows(min_row=2, min_col=c + 1, max_col=c + 1):
                if isinstance(cell.value, str) and display_width(cell.value) > width:
                    cell.alignment = wrap
        ws.freeze_panes = "A2"
        last_row = max(1, len(spec.rows) + 1)
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, ncols))}{last_row}"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
