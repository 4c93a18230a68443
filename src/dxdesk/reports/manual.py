"""The user manual as a PDF, set by the document engine from the Markdown of docs/manual/.

The manual is written in a small, fixed part of Markdown (docs/manual/README.md says which):
``#``/``##``/``###`` headings, paragraphs, ``-`` bullets, ``1.`` steps, ``>`` a displayed line,
``| a | b |`` tables, ``![caption](screens/x.png)`` screenshots and, inline, ``**bold**``,
``code`` and menu paths written ［同期］>［バンドルを作成…］. Anything else is set as plain text
rather than refused: a manual that prints with a stray character beats one that does not print.

The first page holds the title and the contents with page numbers. They are known only after
layout, so the document is laid out twice; the contents take the same room both times (one line
per chapter and section), so the second layout breaks the pages exactly as the first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, PageBreak, Spacer, Table, TableStyle

from dxdesk import __version__
from dxdesk.reports.fonts import RegisteredFonts
from dxdesk.reports.pdf import PdfDocument
from dxdesk.reports.pdf_text import JParagraph

TITLE = "dxdesk 利用者マニュアル"
CHAPTER_GLOB = "[0-9][0-9]-*.md"
CODE_INK = "#1f4e8c"
IMAGE_MAX_HEIGHT = 110 * mm

# A menu path: two or more ［…］ joined by > (half- or full-width), e.g. ［同期］>［バンドルを作成…］.
MENU_PATH = re.compile(r"［[^］\n]+］(?:\s*[>＞]\s*［[^］\n]+］)+")
IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)\s*$")
BULLET = re.compile(r"^(?P<indent>\s*)[-*]\s+(?P<text>.*)$")
STEP = re.compile(r"^(?P<indent>\s*)(?P<n>\d+)\.\s+(?P<text>.*)$")
INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`|(?P<menu>" + MENU_PATH.pattern + ")")


@dataclass
class Block:
    """One block of a chapter: a heading, paragraph, list item, table, image or quote."""

    kind: str  # h1 h2 h3 para bullet step quote table image
    text: str = ""
    number: str = ""  # a step's number
    rows: list[list[str]] = field(default_factory=list)  # a table's rows, header first
    src: str = ""  # an image's path, relative to the manual folder


def chapters(folder: Path) -> list[Path]:
    """The chapter files of a manual folder, in their numbered order."""
    return sorted(folder.glob(CHAPTER_GLOB))


def _join(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one text: Japanese lines join without a space, others with one."""
    out = ""
    for line in (s.strip() for s in lines):
        if not line:
            continue
        if out and (out[-1].isascii() and line[0].isascii()):
            out += " "
        out += line
    return out


def parse(text: str) -> list[Block]:
    """The blocks of one chapter's Markdown."""
    blocks: list[Block] = []
    lines = text.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped:
            i += 1
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if heading:
            blocks.append(Block(f"h{len(heading.group(1))}", heading.group(2).strip()))
            i += 1
            continue
        image = IMAGE.match(stripped)
        if image:
            blocks.append(Block("image", image.group("alt"), src=image.group("src")))
            i += 1
            continue
        if stripped.startswith("|"):
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(Block("table", rows=rows))
            continue
        if stripped.startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].strip().startswith(">"):
                quoted.append(lines[i].strip()[1:])
                i += 1
            blocks.append(Block("quote", _join(quoted)))
            continue
        item = BULLET.match(line) or STEP.match(line)
        if item:
            # The item and its continuation lines (indented deeper than the marker).
            depth = len(item.group("indent"))
            body = [item.group("text")]
            i += 1
            while i < len(lines):
                nxt = lines[i]
                if not nxt.strip() or BULLET.match(nxt) or STEP.match(nxt):
                    break
                if len(nxt) - len(nxt.lstrip()) <= depth:
                    break
                body.append(nxt)
                i += 1
            if "n" in item.groupdict():
                blocks.append(Block("step", _join(body), number=item.group("n")))
            else:
                blocks.append(Block("bullet", _join(body)))
            continue
        para = []
        while i < len(lines):
            nxt = lines[i]
            s = nxt.strip()
            if (
                not s
                or s.startswith(("#", "|", ">"))
                or IMAGE.match(s)
                or BULLET.match(nxt)
                or STEP.match(nxt)
            ):
                break
            para.append(nxt)
            i += 1
        blocks.append(Block("para", _join(para)))
    return blocks


def menu_paths(text: str) -> list[list[str]]:
    """Every menu path of a text, each as its items: ［同期］>［バンドルを作成…］ -> [同期, バンドルを作成…]."""
    return [re.findall(r"［([^］]+)］", m.group(0)) for m in MENU_PATH.finditer(text)]


def images(text: str) -> list[str]:
    """The image paths a chapter names."""
    out = []
    for line in text.splitlines():
        m = IMAGE.match(line.strip())
        if m:
            out.append(m.group("src"))
    return out


def _inline(text: str, bold_font: str) -> str:
    """Paragraph markup of one block's text: escaped, with bold, code and menu paths marked."""
    out = []
    last = 0
    for m in INLINE.finditer(text):
        out.append(escape(text[last : m.start()]))
        if m.group("bold") is not None:
            out.append(f'<font name="{bold_font}">{escape(m.group("bold"))}</font>')
        elif m.group("code") is not None:
            out.append(f'<font color="{CODE_INK}">{escape(m.group("code"))}</font>')
        else:
            out.append(f'<font name="{bold_font}">{escape(m.group("menu"))}</font>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


class _Anchor(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Zero-size mark at a heading: records its page for the contents and adds the PDF outline
    entry (the bookmarks pane of a PDF reader)."""

    def __init__(self, key: str, title: str, level: int, pages: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.pages = pages
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        self.pages[self.key] = canvas.getPageNumber()
        canvas.bookmarkPage(self.key)
        canvas.addOutlineEntry(self.title, self.key, level=self.level, closed=self.level > 0)


@dataclass(frozen=True)
class Manual:
    """A built manual: the PDF and what it holds (for tests and the build log)."""

    pdf: bytes
    chapters: tuple[str, ...]
    pages: int
    missing_images: tuple[str, ...]


def _contents_entries(folder: Path) -> list[tuple[str, str, int]]:
    """(key, title, level) of every chapter and section, in order."""
    entries = []
    for c, path in enumerate(chapters(folder), start=1):
        for s, block in enumerate(parse(path.read_text(encoding="utf-8"))):
            if block.kind in ("h1", "h2"):
                entries.append((f"c{c}s{s}", block.text, 0 if block.kind == "h1" else 1))
    return entries


def _story(
    doc: PdfDocument,
    folder: Path,
    known: dict[str, int],
    pages: dict[str, int],
    contents: Sequence[tuple[str, str, int]],
    missing: list[str],
) -> list[str]:
    bold = doc.fonts.bold
    body = doc.styles["body"]
    from reportlab.lib.styles import ParagraphStyle

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    bullet = style("m_bullet", leftIndent=6 * mm, firstLineIndent=-4 * mm, spaceBefore=1)
    step = style("m_step", leftIndent=7 * mm, firstLineIndent=-5 * mm, spaceBefore=2)
    quote = style("m_quote", alignment=1, fontName=bold, spaceBefore=3, spaceAfter=3)
    caption = style("m_caption", alignment=1, fontSize=8.5, leading=12, textColor="#555555")
    h3 = style("m_h3", fontName=bold, spaceBefore=4, spaceAfter=1)
    toc0 = style("m_toc0", fontName=bold, spaceBefore=3)
    toc1 = style("m_toc1", leftIndent=6 * mm, fontSize=9, leading=13)

    def para(markup: str, st: ParagraphStyle) -> JParagraph:
        return JParagraph(markup, st)

    # The title page: title, version and date, then the contents.
    doc.add(Spacer(1, 30 * mm))
    doc.add(para(escape(TITLE), doc.styles["title"]))
    doc.add(Spacer(1, 4 * mm))
    doc.add(para(escape(f"バージョン {__version__}"), doc.styles["center"]))
    doc.add(Spacer(1, 12 * mm))
    doc.add(para("目次", doc.styles["h1"]))
    toc_rows: list[list[object]] = []
    for key, title, level in contents:
        # Before the first layout the numbers are unknown: a blank of the same height, so the
        # contents take the same room and the next layout breaks the pages alike.
        number = str(known[key]) if key in known else ""
        toc_rows.append([para(escape(title), toc0 if level == 0 else toc1), number])
    toc = Table(toc_rows, colWidths=[doc.frame_width - 18 * mm, 18 * mm])
    toc.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), doc.fonts.regular, 9.5),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#d0d0d0")),
            ]
        )
    )
    doc.add(toc)
    titles = []
    for c, path in enumerate(chapters(folder), start=1):
        for s, block in enumerate(parse(path.read_text(encoding="utf-8"))):
            key = f"c{c}s{s}"
            if block.kind == "h1":
                titles.append(block.text)
                doc.add(PageBreak())
                doc.add(_Anchor(key, block.text, 0, pages))
                doc.heading(block.text, 1)
            elif block.kind == "h2":
                doc.add(_Anchor(key, block.text, 1, pages))
                doc.heading(block.text, 2)
            elif block.kind == "h3":
                doc.add(para(_inline(block.text, bold), h3))
            elif block.kind == "para":
                doc.add(para(_inline(block.text, bold), body))
                doc.add(Spacer(1, 1.5 * mm))
            elif block.kind == "bullet":
                doc.add(para("・" + _inline(block.text, bold), bullet))
            elif block.kind == "step":
                doc.add(para(f"{block.number}．" + _inline(block.text, bold), step))
            elif block.kind == "quote":
                doc.add(para(_inline(block.text, bold), quote))
            elif block.kind == "table" and block.rows:
                header, *body_rows = block.rows
                doc.table(header, body_rows)
            elif block.kind == "image":
                path_img = folder / block.src
                if not path_img.is_file():
                    missing.append(block.src)
                    doc.add(para(escape(f"（画面写真 {block.src} がありません）"), caption))
                    continue
                shot = _image(path_img, doc.frame_width)
                doc.add(KeepTogether([*shot, para(escape(block.text), caption)]))
                doc.add(Spacer(1, 2 * mm))
    return titles


def _image(path: Path, max_width: float) -> list[Flowable]:
    from reportlab.lib.utils import ImageReader

    width, height = ImageReader(str(path)).getSize()
    # 0.3 mm a pixel at most (about a screen's size): a small dialog is not blown up.
    scale = min(max_width / width, IMAGE_MAX_HEIGHT / height, 0.3 * mm)
    flowable = Image(str(path), width=width * scale, height=height * scale)
    flowable.hAlign = "CENTER"
    return [Spacer(1, 1 * mm), _Framed(flowable)]


class _Framed(Flowable):  # type: ignore[misc]
    """A screenshot with a thin grey rule around it (a window's edge on white paper)."""

    def __init__(self, image: Image) -> None:
        super().__init__()
        self.image = image
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.image.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.image.drawOn(self.canv, 0, 0)
        self.canv.setStrokeColor(colors.HexColor("#9a9a9a"))
        self.canv.setLineWidth(0.5)
        self.canv.rect(0, 0, self.width, self.height)


def build_manual(folder: Path, fonts: RegisteredFonts, *, issued: date | None = None) -> Manual:
    """The manual of ``folder`` (docs/manual) as a PDF."""
    contents = _contents_entries(folder)
    known: dict[str, int] = {}  # the pages of the previous layout (none before the first)
    for _attempt in range(3):
        missing: list[str] = []
        doc = PdfDocument(
            title=TITLE,
            fonts=fonts,
            issued=issued,
            subject="dxdesk の使い方（初回の設定、日々の記録、同期、帳票、紛失時の対応）",
        )
        found: dict[str, int] = {}
        titles = _story(doc, folder, known, found, contents, missing)
        pdf = doc.build()
        if found == known:
            break
        known = found
    return Manual(
        pdf=pdf,
        chapters=tuple(titles),
        pages=_page_count(pdf),
        missing_images=tuple(dict.fromkeys(missing)),
    )


def _page_count(pdf: bytes) -> int:
    # Each page object is written once as /Type /Page (the page tree is /Type /Pages).
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def all_menu_paths(folder: Path) -> list[tuple[str, list[str]]]:
    """(chapter file name, items) of every menu path the manual names."""
    out = []
    for path in chapters(folder):
        for items in menu_paths(path.read_text(encoding="utf-8")):
            out.append((path.name, items))
    return out


def all_images(folder: Path) -> list[tuple[str, str]]:
    """(chapter file name, image path) of every screenshot the manual names."""
    return [(p.name, src) for p in chapters(folder) for src in images(p.read_text("utf-8"))]


__all__ = [
    "Manual",
    "all_images",
    "all_menu_paths",
    "build_manual",
    "chapters",
    "menu_paths",
    "parse",
]
