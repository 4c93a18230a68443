"""Reading a generated document back, the way a reviewer or a search would: pypdf, pdfplumber and
poppler's ``pdftotext`` for PDFs, openpyxl for workbooks. Shared by the document tests."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from dxdesk.reports.pdf import NO_START
from tests.tools import needs_tool

needs_pdftotext = needs_tool("pdftotext")


@dataclass
class PdfText:
    pages: int
    pypdf: str  # pypdf's extraction, pages joined
    poppler: str  # pdftotext (reading order), pages separated by form feeds
    raw: bytes

    def both(self, needle: str) -> bool:
        """``needle`` is extracted by both readers (whitespace inside the text ignored)."""
        return needle in squash(self.pypdf) and needle in squash(self.poppler)

    def flows(self, needle: str, *decorations: str) -> bool:
        """``needle`` is extracted whole by both readers once the page decorations (header
        ``decorations`` such as the title and the handling mark, and "n / N") are taken out:
        long text that flows over a page break reads on without loss."""
        return all(
            needle in squash(strip_pages(text, decorations)) for text in (self.pypdf, self.poppler)
        )


_PAGE_NO = re.compile(r"^\s*\d+\s*/\s*\d+\s*$")


def strip_pages(text: str, decorations: tuple[str, ...]) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if _PAGE_NO.match(line) or stripped in decorations:
            continue
        lines.append(line)
    return "\n".join(lines)


def squash(text: str) -> str:
    """Text without whitespace: a cell or paragraph may wrap anywhere."""
    return re.sub(r"\s+", "", text)


def read_pdf(path: Path) -> PdfText:
    raw = path.read_bytes()
    reader = PdfReader(path)
    extracted = "\n".join(page.extract_text() or "" for page in reader.pages)
    poppler = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    return PdfText(len(reader.pages), extracted, poppler, raw)


def embedded_fonts(path: Path) -> list[str]:
    """Base names of the fonts embedded as TrueType programs (FontFile2)."""
    reader = PdfReader(path)
    found: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            targets = [d.get_object() for d in descendants] if descendants else [font]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    found.add(str(target["/BaseFont"]))
    return sorted(found)


def table_rows(path: Path, first_header: str) -> list[list[str]]:
    """Body rows of every table whose header starts with ``first_header``, over all pages
    (the repeated header row on each page is dropped)."""
    rows: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                if table and table[0] and (table[0][0] or "").replace("\n", "") == first_header:
                    rows += [[c or "" for c in r] for r in table[1:]]
    return rows


def kinsoku_violations(text: str, sources: list[str]) -> list[str]:
    """Extracted lines that start with a character the line-breaking rules forbid there.

    A line that starts a line of the source text (a hard break, e.g. a "・" bullet) is allowed.
    """
    starts = [squash(line)[:6] for src in sources for line in src.splitlines() if line.strip()]
    bad = []
    for line in text.splitlines():
        head = squash(line)[:6]
        if head and head[0] in NO_START and not any(s.startswith(head) for s in starts):
            bad.append(line)
    return bad
