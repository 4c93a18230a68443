"""All the command line's output: plain-text tables that line up with Japanese (full-width)
characters, CSV and JSON, and ``echo``, the one way text reaches the terminal.

Names, notes and values come from other devices' bundles and enrolment files, so ``echo``
shows every control and invisible format character escaped (``dxdesk.text``): an escape
sequence in a device name cannot clear the screen, retitle the window or draw a fake
fingerprint. JSON escapes them the JSON way (the same data after parsing); CSV, being data for
a file, is written as it is unless it goes to a terminal.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from typing import Any

import click

from dxdesk.text import UNSAFE_KEEPING_LINES, escape_controls, one_line


def echo(text: object = "", *, err: bool = False, nl: bool = True, data: bool = False) -> None:
    """Print to the terminal (stdout, or stderr with ``err``), controls escaped.

    ``data`` (CSV) is written unchanged unless the stream is a terminal: a file or a pipe gets
    the exact values, a screen never gets an escape sequence.
    """
    message = str(text)
    stream = sys.stderr if err else sys.stdout  # where click.echo writes
    if not data or (stream is not None and stream.isatty()):
        message = escape_controls(message)
    click.echo(message, err=err, nl=nl)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clip(text: str, limit: int) -> str:
    # Escaped before measuring, so a cell's width is the width it takes on screen.
    text = one_line(" ".join(text.split()))
    if width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_col: int = 40) -> str:
    cells = [[clip(str(c), max_col) for c in row] for row in rows]
    widths = [width(h) for h in headers]
    for row in cells:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], width(c))

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


def to_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buf.getvalue()


def _json_escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # JSON spells a character beyond the BMP as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def to_json(data: Any) -> str:
    """JSON with Japanese as it is; controls and invisible characters as ``\\uXXXX`` escapes.

    ``json.dumps`` escapes only C0 controls; DEL, C1 and U+202E would reach the terminal raw.
    Outside strings JSON has none of them but its own newlines, which stay; inside, dumps has
    already escaped newlines and tabs; so replacing the rest anywhere keeps the same data.
    """
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return UNSAFE_KEEPING_LINES.sub(_json_escaped, text)


class Meter:
    """Progress of long work on one line of stderr, only when stderr is a terminal.

    Called as a services ``progress(done, total, what)`` receiver (always answers True: on the
    command line Ctrl+C stops). A pipe, a file or a CI log gets nothing, so scripts and
    captured output stay as they were. At most ten redraws a second; ``close`` ends the line.
    """

    INTERVAL = 0.1

    def __init__(self, label: str) -> None:
        self.label = label
        stream = sys.stderr
        self.active = stream is not None and stream.isatty()
        self.shown = False
        self._last = 0.0
        self._what = ""

    def __call__(self, done: int, total: int, what: str = "") -> bool:
        if not self.active:
            return True
        now = time.monotonic()
        # A new stage is always shown; counts within a stage at most ten times a second.
        if self.shown and what == self._what and now - self._last < self.INTERVAL and done < total:
            return True
        self._last, self._what = now, what
        part = f"{done:,}/{total:,}（{done * 100 // total}%）" if total > 0 else f"{done:,}"
        text = escape_controls(f"{self.label}：{what} {part}" if what else f"{self.label}：{part}")
        # Back to the line's start and clear it (the only control written on purpose).
        click.echo(f"\r{text}\x1b[K", err=True, nl=False)
        self.shown = True
        return True

    def close(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)
            self.shown = False

    def __enter__(self) -> Meter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
