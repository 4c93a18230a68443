"""The one text normalisation for matching what a person types against what is stored.

``fold`` maps the spellings a Japanese user treats as "the same text" to one form, and is
applied to both sides: to the stored text when the full-text index is written (the SQL function
``dx_fold`` that the index's triggers call, registered on every connection in
store/database.py) and to every search term. Organisation names typed by hand are compared
through it too (``core.reference.normalize_org_name``). In order:

1. The spacing sound marks ゛゜ become the combining ones, so 「カ゛」 composes to ガ in step 2.
2. NFKC: full-width ＬＧＷＡＮ and ２０２５ become LGWAN and 2025, half-width ｶﾞﾊﾞﾒﾝﾄ becomes
   ガバメント (the voiced mark composes with its kana), the ideographic space becomes a space,
   ㈱ becomes (株), compatibility ideographs their unified form.
3. ``casefold``: LGWAN, Lgwan and lgwan match (Unicode's full case folding, not just ASCII).
4. A small explicit table (``FOLDS``), for what NFKC leaves apart but people write
   interchangeably:

   - ヶ, ヵ (and the rare ゕ, ゖ) → ケ: 五ヶ瀬町, 五ケ瀬町 and 五ヵ瀬町, 3ヶ月 and 3ヵ月 are one
     spelling. カ and か are distinct kana and stay as they are.
   - the other small kana → their full-size kana (ャ → ヤ, ッ → ツ, ぁ → あ ...): 「キヤノン」 and
     「キャノン」, 「フイルム」 and 「フィルム」 match, as do names from older systems whose
     half-width character sets had no small kana (ｼﾔｶｲﾎｹﾝ).
   - a few 異体字 of names and places (髙 → 高, 﨑 → 崎, 邉 → 辺, 澤 → 沢 ...); NFKC does not
     touch them because they are characters in their own right.
   - dashes and minus signs (‐ – — ― −) → "-", the wave dash 〜 → "~" (NFKC already maps
     the full-width forms －, ～).

Every step maps one character (or one character and its combining marks) on its own, so
``fold_with_spans`` can tell, for each folded character, which characters of the original it
came from: that is how a snippet marks the original text that matched.

Changing the table changes what the index holds: a change here needs a migration that refills
every full-text table (as 0018 did), or rows written before it are found by the old spelling
only. tests/core/test_textfold.py pins the behaviour.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Step 1: spacing ゛゜ to combining, so NFKC composes them with the kana before them.
_SPACING_MARKS = str.maketrans({"\u309b": "\u3099", "\u309c": "\u309a"})

_SMALL_KANA = (
    "ぁあぃいぅうぇえぉおっつゃやゅゆょよゎわゕかゖけァアィイゥウェエォオッツャヤュユョヨヮワ"
)
# Katakana phonetic extensions (small ク シ ス ト ヌ ハ ヒ フ ヘ ホ ム ラ リ ル レ ロ, Ainu).
_SMALL_KANA_EXT = "ㇰクㇱシㇲスㇳトㇴヌㇵハㇶヒㇷフㇸヘㇹホㇺムㇻラㇼリㇽルㇾレㇿロ"
_VARIANT_KANJI = {
    "髙": "高",
    "﨑": "崎",  # U+FA11: a compatibility ideograph NFKC leaves alone
    "嵜": "崎",
    "\U0002550e": "崎",  # 𥔎 (たつさき)
    "邉": "辺",
    "邊": "辺",
    "澤": "沢",
    "濱": "浜",
    "濵": "浜",
    "齋": "斎",
    "齊": "斉",
    "德": "徳",
    "廣": "広",
    "國": "国",
    "櫻": "桜",
    "槗": "橋",
    "\U00020bb7": "吉",  # 𠮷 (つちよし)
}
FOLDS: dict[str, str] = {
    **{_SMALL_KANA[i]: _SMALL_KANA[i + 1] for i in range(0, len(_SMALL_KANA), 2)},
    **{_SMALL_KANA_EXT[i]: _SMALL_KANA_EXT[i + 1] for i in range(0, len(_SMALL_KANA_EXT), 2)},
    # The counter ヶ/ヵ and its everyday substitute ケ (after the small-kana pairs: ゕ, ゖ too).
    "ヶ": "ケ",
    "ヵ": "ケ",
    "ゕ": "ケ",
    "ゖ": "ケ",
    **_VARIANT_KANJI,
    **dict.fromkeys("\u2010\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u301c": "~",
}
# Applied by a regular expression rather than str.translate: most text holds none of these,
# and a search over it is many times faster than translate's character-by-character lookup
# (the triggers fold every field of every record written).
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in FOLDS) + "]")
_SPACING = re.compile("[\u309b\u309c]")

# Characters that join the character before them: combining marks, and the half-width and
# spacing sound marks that NFKC turns into combining ones (ｶﾞ is one ガ, not カ and ゛).
_JOINING = frozenset("\u3099\u309a\u309b\u309c\uff9e\uff9f")


def _folded(match: re.Match[str]) -> str:
    return FOLDS[match.group()]


def fold(text: str) -> str:
    """The search form of ``text`` (see the module's description)."""
    if _SPACING.search(text):
        text = text.translate(_SPACING_MARKS)
    return _FOLDABLE.sub(_folded, unicodedata.normalize("NFKC", text).casefold())


def _joins(ch: str) -> bool:
    return ch in _JOINING or unicodedata.combining(ch) != 0


@lru_cache(maxsize=8192)
def _odd(ch: str) -> bool:
    """Whether a character does not fold to exactly one character on its own (… → ..., ㍻ →
    平成) or joins the one before it (a combining or sound mark)."""
    return _joins(ch) or len(fold(ch)) != 1


def fold_with_spans(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` folded and, for each folded character, where its source starts and ends in
    ``text``: ``text[starts[i]:ends[i]]`` is what folded character ``i`` came from.

    The folded text is ``fold`` applied to each character with its combining marks, which is
    ``fold(text)`` for any text but one where NFKC composes two characters that are both
    starters (Hangul jamo). Runs of characters that fold one to one (nearly all Japanese text:
    kanji, kana, full-width ASCII) are mapped position to position in one step; only the
    characters around an odd one (…, ㍻, ｶﾞ) are folded one at a time.
    """
    n = len(text)
    odd = {c for c in set(text) if _odd(c)}
    if not odd:
        folded = fold(text)
        if len(folded) == n:
            return folded, list(range(n)), list(range(1, n + 1))
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def clusters(a: int, b: int) -> None:
        i = a
        while i < b:
            j = i + 1
            while j < b and _joins(text[j]):
                j += 1
            piece = fold(text[i:j])
            pieces.append(piece)
            starts.extend([i] * len(piece))
            ends.extend([j] * len(piece))
            i = j

    def plain(a: int, b: int) -> None:
        piece = fold(text[a:b])
        if len(piece) != b - a:  # starters that compose (Hangul jamo): one at a time
            clusters(a, b)
            return
        pieces.append(piece)
        starts.extend(range(a, b))
        ends.extend(range(a + 1, b + 1))

    done = 0
    if odd:
        runs = re.compile("[" + "".join(re.escape(c) for c in sorted(odd)) + "]+")
        for run in runs.finditer(text):
            a, b = run.span()
            if a > done and _joins(text[a]):
                a -= 1  # a mark belongs to the character before it
            if a > done:
                plain(done, a)
            clusters(a, b)
            done = b
    if done < n and odd:
        plain(done, n)
    elif done < n:
        clusters(done, n)  # no odd character, yet fold(text) changed the length
    return "".join(pieces), starts, ends


# Katakana → hiragana (ァ..ヶ are ぁ..ゖ shifted by 0x60), for matching a reading.
_KATAKANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def fold_reading(text: str) -> str:
    """``fold`` and katakana as hiragana: what a picker matches a typed name against, so
    タカチホ, ﾀｶﾁﾎ and たかちほ all find 高千穂町 through its よみがな たかちほちょう."""
    return fold(text).translate(_KATAKANA)


__all__ = ["FOLDS", "fold", "fold_reading", "fold_with_spans"]
