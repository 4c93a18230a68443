"""Text from elsewhere made visible: controls and invisible format characters escaped.

Names, notes and values come from other devices' bundles and enrolment files. Shown raw, an
escape sequence in a device name clears a terminal or retitles its window, and U+202E (right-to-
left override) reverses what follows, in a terminal or a window alike: a fingerprint, or our own
sentence around the name. ``escape_controls`` shows each such character in a visible escaped form
(``\\x1b``, ``\\u202e``); Japanese, and every other visible character, passes unchanged. The
command line prints everything through it (cli/output.py ``echo``); the window uses it for names
and values it quotes in its own sentences, and shows every label as plain text besides.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, surrogates, and every format (Cf), line and paragraph separator
# character of Unicode 15 (bidi overrides and isolates, zero-width spaces and joiners, the BOM,
# tags): written out because computing the class at start-up would cost a third of a second.
# tests/test_text.py checks it against unicodedata for every code point.
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
UNSAFE_KEEPING_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape_controls(text: str, *, keep_newlines: bool = True) -> str:
    """``text`` with controls and invisible format characters escaped (``\\x1b``, ``\\u202e``).

    Newlines and tabs stay when ``keep_newlines`` (a multi-line note); ``one_line`` escapes
    them too, for a value inside a sentence, where a newline could forge a line of our own.
    """
    pattern = UNSAFE_KEEPING_LINES if keep_newlines else UNSAFE
    return pattern.sub(_escaped, text)


def one_line(text: object) -> str:
    """A received or stored value to print inside one line: nothing in it can start another."""
    return escape_controls(str(text), keep_newlines=False)


def file_stem(text: str) -> str:
    """A name from another device made safe to suggest as part of a file name.

    Letters (Japanese included), digits, ``-`` and ``_`` stay; a run of anything else (a
    separator, ``..``, a control) becomes one ``_``, so the suggestion names a file in the
    folder offered, never elsewhere.
    """
    return re.sub(r"[^\w\-]+", "_", text).strip("_") or "device"
