"""Controls and invisible format characters are escaped visibly; Japanese is left alone."""

from __future__ import annotations

import sys
import unicodedata

from dxdesk.text import escape_controls, file_stem, one_line

JAPANESE = "宮崎県　高千穂町（たかちほ）葛\U000e0100城・ｶﾀｶﾅ・①・〒882-1101"
UNSAFE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def test_controls_and_invisible_characters_are_shown_escaped() -> None:
    text = "a\x1b[2J\x1b]0;x\x07b\u202ec\u200bd\x7f\x9b\ufeff\r\U000e0041"
    assert escape_controls(text) == (
        "a\\x1b[2J\\x1b]0;x\\x07b\\u202ec\\u200bd\\x7f\\x9b\\ufeff\\x0d\\U000e0041"
    )
    assert escape_controls("一行目\n\t二行目") == "一行目\n\t二行目"
    assert one_line("一行目\n二行目\t") == "一行目\\x0a二行目\\x09"


def test_japanese_passes_unchanged() -> None:
    assert escape_controls(JAPANESE) == JAPANESE
    assert one_line(JAPANESE) == JAPANESE


def test_the_escaped_set_is_exactly_the_invisible_characters() -> None:
    """Every control, format and separator character is caught; nothing visible is."""
    missed, extra = [], []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        caught = one_line(ch) != ch
        if category in UNSAFE_CATEGORIES and not caught:
            missed.append(f"U+{code:04X}")
        # Unassigned here may be a format character of a newer Unicode than this Python's.
        elif caught and category not in UNSAFE_CATEGORIES | {"Cn"}:
            extra.append(f"U+{code:04X}")
    assert not missed and not extra, (missed[:20], extra[:20])


def test_a_name_suggested_as_a_file_name_stays_in_its_folder() -> None:
    assert file_stem("山田のノートPC") == "山田のノートPC"
    assert file_stem("../../etc/passwd") == "etc_passwd"
    assert file_stem("<b>偽</b>\x1b[2J") == "b_偽_b_2J"
    assert file_stem("///") == "device"
