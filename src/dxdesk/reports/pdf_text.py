"""Japanese line breaking for the PDF documents: the 禁則 rules, glyph measuring, and
``JParagraph``, the platypus Paragraph that wraps with them.

A module of its own because it is the one part of the PDF engine with rules of its own
(tests/reports/test_engine.py checks them on plain strings) and no page layout: the flowables
(``dxdesk.reports.pdf_flowables``) and the document (``dxdesk.reports.pdf``) only measure text
and wrap it through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import FragLine, Paragraph, ParaLines, cjkU, makeCJKParaLine

__all__ = [
    "HANGING",
    "NO_END",
    "NO_START",
    "JParagraph",
    "fit_columns",
    "fits",
    "kinsoku_lines",
    "least_width",
    "text_width",
]

# 禁則: characters that may not start a line (closing brackets, punctuation, small kana, long
# vowel mark, iteration marks) and those that may not end one (opening brackets, prefixes).
NO_START = frozenset(
    ALL_CANNOT_START
    + "、。，．・：；？！‼⁇⁈⁉ヽヾゝゞ々〻ー…‥"
    + "」』】〕〉》〗〙〛）］｝｠”’〟»"
    + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    + "%％℃°′″"
)
NO_END = frozenset("「『【〔〈《〖〘〚（［｛｟“‘〝«([{＄￥＃$¥#〒")
# Punctuation that may hang into the right margin (ぶら下げ) rather than push a character down.
HANGING = frozenset("、。，．,.")

_FUZZ = 1e-6

# Runs kept whole on a line where a break elsewhere on it is possible: a katakana word
# (オンライン, not オンラ／イン), a number with its unit (12時間, R7.11.5), a short name after a
# space (総務課 岩切主幹, not 岩／切主幹). Japanese may break between any two characters, so
# these are preferences: a run longer than the line still breaks.
_KATAKANA = frozenset(chr(c) for c in range(0x30A1, 0x30FB)) | frozenset("ーｰヽヾ")
_KATAKANA |= frozenset(chr(c) for c in range(0xFF66, 0xFFA0))  # half-width ｶﾀｶﾅ
_DIGITS = frozenset("0123456789０１２３４５６７８９.,．，:：/／")
_UNITS = (
    "時間",
    "か月",
    "ヶ月",
    "ケ月",
    "ページ",
    "団体",
    "件",
    "日",
    "名",
    "人",
    "回",
    "分",
    "時",
    "年",
    "月",
    "%",
    "％",
    "円",
    "歳",
    "号",
    "台",
    "校",
    "課",
    "点",
)
_SPACES = frozenset(" \u3000")
# What separates the items of a list in a cell: a name or word after one is kept whole.
_DELIMITERS = _SPACES | frozenset("、，,・／/")
_NAME_RUN = 8  # characters after a space kept together (a name with its title)
_KEEP_BACK = 12  # a run is moved down whole only if it is at most this long


def _is_wide_word(ch: str) -> bool:
    """A character of a name or word: kanji, kana, full-width letters (not punctuation)."""
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF10 <= o <= 0xFF5A
        or ch in "々〆ヶ"
    )


def _unit_end(chars: Sequence[str], i: int) -> int:
    """The end of the unit that follows a number at ``i`` (``i`` when none)."""
    for unit in _UNITS:
        if "".join(chars[i : i + len(unit)]) == unit:
            return i + len(unit)
    return i


def keep_runs(chars: Sequence[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``chars`` a line should not break inside (see above), in order, among the
    runs that start in ``[lo, hi)``."""
    n = len(chars)
    hi = n if hi is None else min(hi, n)
    runs: list[tuple[int, int]] = []
    has_space = any(c in _DELIMITERS for c in chars)
    i = lo
    # Start at the beginning of the run ``lo`` may fall inside.
    while i > 0 and (
        (chars[i] in _KATAKANA and chars[i - 1] in _KATAKANA)
        or (chars[i].isdigit() and chars[i - 1].isdigit())
    ):
        i -= 1
    while i < hi:
        c = chars[i]
        j = i + 1
        if c in _KATAKANA:
            while j < n and chars[j] in _KATAKANA:
                j += 1
        elif c.isdigit():
            while j < n and (chars[j] in _DIGITS or chars[j].isdigit()):
                j += 1
            j = _unit_end(chars, j)
        elif has_space and _is_wide_word(c) and i > 0 and chars[i - 1] in _DELIMITERS:
            while j < n and _is_wide_word(chars[j]):
                j += 1
            if j - i > _NAME_RUN:
                j = i + 1  # prose after a space: breaks anywhere as usual
            elif j < n and chars[j].isdigit():  # an item with its count: 印鑑登録2件
                while j < n and (chars[j] in _DIGITS or chars[j].isdigit()):
                    j += 1
                j = _unit_end(chars, j)
        if j - i > 1:
            runs.append((i, j))
        i = j
    return runs


def _keep_together(chars: Sequence[str], start: int, b: int) -> int:
    """Move a break at ``b`` back to the start of a kept run it would split, when that run
    starts after ``start`` (so the line keeps something) and is short enough to move down."""
    if not (start < b < len(chars)):
        return b
    for first, end in keep_runs(chars, max(start, b - _KEEP_BACK), b):
        if first < b < end:
            # An opening bracket before the run goes down with it (「オンライン」).
            a = first
            while a - 1 > start and chars[a - 1] in NO_END:
                a -= 1
            legal = chars[a] not in NO_START and chars[a - 1] not in NO_END
            return a if a > start and b - a <= _KEEP_BACK and legal else b
    return b


def least_width(text: str, font: str, size: float) -> float:
    """The narrowest line ``text`` wraps into without splitting a kept run (a katakana word, a
    number with its unit, a name after a space) or a Latin word: a table column's floor."""
    chars = list(text)
    widest = max((text_width(ch, font, size) for ch in chars), default=0.0)
    for a, e in keep_runs(chars):
        widest = max(widest, text_width(text[a:e], font, size))
    for word in text.replace("\n", " ").split(" "):
        if word and all(ord(c) < 0x3000 for c in word):
            widest = max(widest, text_width(word, font, size))
    return widest


def fit_columns(
    widths: Sequence[float], floors: Sequence[float], wants: Sequence[float]
) -> list[float]:
    """Widen the columns narrower than their ``floors`` with width taken from the others,
    keeping the table's total. A column whose content fits on one line gives what it has beyond
    that (``wants``); prose that wraps over lines anyway (a summary) gives up to a quarter of
    its width, so it wraps a little more instead of a word breaking elsewhere; other columns
    give nothing. Never below a floor."""
    out = list(widths)
    deficit = [max(0.0, f - w) for f, w in zip(floors, out, strict=True)]
    need = sum(deficit)
    if need <= _FUZZ:
        return out
    slack = []
    for w, f, want, d in zip(out, floors, wants, deficit, strict=True):
        if d > _FUZZ:
            slack.append(0.0)
        elif want <= w:
            slack.append(max(0.0, w - max(f, want)))
        elif want > 2 * w:  # prose, wrapping over several lines anyway
            slack.append(max(0.0, min(w * 0.25, w - f)))
        else:  # short entries of which some wrap (names): every point is needed
            slack.append(0.0)
    available = sum(slack)
    if available <= _FUZZ:
        return out
    give = min(1.0, available / need)
    take = min(1.0, need / available)
    return [w + d * give - s * take for w, d, s in zip(out, deficit, slack, strict=True)]


def _kinsoku_break(chars: Sequence[str], start: int, end: int) -> int:
    """Where to end a line that would overflow at ``end`` (chars[end] does not fit).

    Returns the index of the first character of the next line, > start so lines always progress.
    """
    n = len(chars)
    b = end
    # Latin words are not split in the middle: go back to a space or to CJK text.
    if b < n and b > start and ord(chars[b]) < 0x3000 and not chars[b].isspace():
        j = b - 1
        limit = (start + b) // 2
        while j > limit and ord(chars[j]) < 0x3000 and not chars[j].isspace():
            j -= 1
        if j > limit:
            b = j + 1
    else:
        b = _keep_together(chars, start, b)
    # ぶら下げ: one 、。 may hang in the margin instead of starting the next line.
    if b < n and chars[b] in HANGING:
        b += 1
    # 追い出し: move characters down until the break is legal.
    candidate = b
    while (
        candidate > start + 1
        and candidate < n
        and (chars[candidate] in NO_START or chars[candidate - 1] in NO_END)
    ):
        candidate -= 1
    if candidate > start + 1 or (
        candidate < n and chars[candidate] not in NO_START and chars[candidate - 1] not in NO_END
    ):
        b = candidate
    return max(b, start + 1)


def kinsoku_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """Split plain text into lines of at most ``width`` points with the kinsoku rules.

    Used by the paragraph wrapper below and handy for tests of the rule itself.
    """
    widths = [stringWidth(ch, font, size) for ch in text]
    return [text[a:b] for a, b in _spans(text, widths, [width])]


def _spans(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float]
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    n = len(chars)
    start = 0
    while start < n:
        limit = max_widths[min(len(spans), len(max_widths) - 1)]
        used = 0.0
        i = start
        while i < n and chars[i] != "\n":
            used += widths[i]
            if used > limit + _FUZZ and i > start:
                break
            i += 1
        if i >= n or chars[i] == "\n":
            spans.append((start, i))
            start = i + 1 if i < n else i
            continue
        b = _kinsoku_break(chars, start, i)
        spans.append((start, b))
        start = b
        # A space at the start of a wrapped line is dropped, as in any word processor.
        while start < n and chars[start] == " ":
            start += 1
        # A 。 hung in the margin just before a line break: that break is this wrap, not a
        # second (empty) line.
        if start < n and chars[start] == "\n" and b > 0 and chars[b - 1] in HANGING:
            start += 1
    return spans


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_METRICS: dict[tuple[str, float], tuple[float, float]] = {}


def _width_table(font: str, size: float) -> dict[str, float]:
    """Glyph widths already measured for a font and size (fonts never change once registered)."""
    return _WIDTHS.setdefault((font, size), {})


def text_width(text: str, font: str, size: float) -> float:
    """stringWidth from the cached glyph widths: table cells repeat the same few glyphs, and a
    TrueType string's width is the sum of its glyphs' (reportlab applies no kerning)."""
    table = _width_table(font, size)
    try:
        return sum([table[ch] for ch in text])
    except KeyError:
        for ch in text:
            if ch not in table:
                table[ch] = stringWidth(ch, font, size)
        return sum([table[ch] for ch in text])


def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    key = (font, size)
    found = _METRICS.get(key)
    if found is None:
        ascent, descent = getAscentDescent(font, size)
        found = _METRICS[key] = (float(ascent), float(descent))
    return found


class JParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A Paragraph whose CJK wrapping follows the Japanese line-breaking rules (禁則処理)."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        frags = self.frags
        if not frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        if any(hasattr(f, "cbDefn") for f in frags):
            return self._break_units(frags, list(maxWidths))
        # Fast path for text (every paragraph and cell we make): one pass over the characters
        # with cached glyph widths, then one word per run of a single style on each line.
        chars: list[str] = []
        widths: list[float] = []
        owner: list[int] = []
        for k, f in enumerate(frags):
            text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            if hasattr(f, "lineBreak"):
                n = max(1, len(text))
                chars += ["\n"] * n
                widths += [0.0] * n
                owner += [k] * n
                continue
            table = _width_table(f.fontName, f.fontSize)
            for ch in text:
                w = table.get(ch)
                if w is None:
                    w = table[ch] = stringWidth(ch, f.fontName, f.fontSize)
                chars.append(ch)
                widths.append(w)
            owner += [k] * len(text)
        lines: list[Any] = []
        n_chars = len(chars)
        for a, b in _spans(chars, widths, list(maxWidths)):
            max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
            used = sum(widths[a:b])
            line_break = b < n_chars and chars[b] == "\n"
            words = []
            i = a
            while i < b:
                j = i
                while j < b and owner[j] == owner[i]:
                    j += 1
                words.append(frags[owner[i]].clone(text="".join(chars[i:j])))
                i = j
            if not words:  # an empty line between two line breaks
                words.append(frags[owner[min(a, n_chars - 1)]].clone(text=""))
            metrics = [_ascent_descent(w.fontName, w.fontSize) for w in words]
            lines.append(
                FragLine(
                    kind=1,
                    extraSpace=max_width - used,
                    wordCount=1,
                    words=words,
                    fontSize=max(w.fontSize for w in words),
                    ascent=max(m[0] for m in metrics),
                    descent=min(m[1] for m in metrics),
                    maxWidth=max_width,
                    currentWidth=used,
                    lineBreak=line_break,
                )
            )
        return ParaLines(kind=1, lines=lines)

    def _break_units(self, frags: Any, maxWidths: list[float]) -> Any:
        """The general path (inline images): reportlab's per-glyph units, our line breaks."""
        style = self.style
        units: list[Any] = []
        for f in frags:
            text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
            if text:
                units.extend(cjkU(t, f, "utf8") for t in text)
            else:
                units.append(cjkU(text, f, "utf8"))  # <br/> and inline images
        chars = [("\n" if hasattr(u.frag, "lineBreak") else str(u)) for u in units]
        widths = [0.0 if c == "\n" else float(u.width) for c, u in zip(chars, units, strict=True)]
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        calc_bounds = auto not in ("", "off")
        lines: list[Any] = []
        for a, b in _spans(chars, widths, maxWidths):
            max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
            seg = units[a:b] or [cjkU("", frags[0], "utf8")]
            used = sum(widths[a:b])
            line_break = b < len(chars) and chars[b] == "\n"
            lines.append(
                makeCJKParaLine(seg, max_width, used, max_width - used, line_break, calc_bounds)
            )
        return ParaLines(kind=1, lines=lines)


def fits(text: str, font: str, size: float, width: float) -> bool:
    """Whether each line of ``text`` fits ``width`` points unwrapped.

    A cell whose text fits is drawn as a plain string, lines split at its line breaks: a
    Paragraph would lay it out the same (same line breaks, baseline and alignment when the cell's
    leading equals the paragraph style's) at several times the cost.
    """
    return all(text_width(line, font, size) <= width + _FUZZ for line in text.split("\n"))
