"""The one normalisation for matching typed text against stored text (core/textfold.py)."""

from __future__ import annotations

import random
import unicodedata

import pytest

from dxdesk.core.textfold import FOLDS, fold, fold_with_spans


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ＬＧＷＡＮ", "LGWAN"),  # full-width letters
        ("lgwan", "LGWAN"),  # case
        ("Lgwan接続", "LGWAN接続"),
        ("ｶﾞﾊﾞﾒﾝﾄ", "ガバメント"),  # half-width katakana, voiced marks composed
        ("ﾊﾟｯｹｰｼﾞ", "パッケージ"),  # semi-voiced mark, small ッ, long vowel
        ("カ゛バメント", "ガバメント"),  # the spacing voiced mark typed after the kana
        ("五ケ瀬町", "五ヶ瀬町"),  # ケ / ヶ / ヵ
        ("五ヵ瀬町", "五ヶ瀬町"),
        ("3ヵ月", "3ヶ月"),
        ("キヤノン", "キャノン"),  # small kana and their full-size kana
        ("フイルム", "フィルム"),
        ("ｼﾔｶｲﾎｹﾝ", "シャカイホケン"),  # older systems' half-width kana without small forms
        ("髙千穂町", "高千穂町"),  # 異体字
        ("宮﨑", "宮崎"),
        ("渡邉", "渡辺"),
        ("２０２５年", "2025年"),  # full-width digits
        ("住民\u3000記録", "住民 記録"),  # ideographic space
        ("LGWAN－ASP", "LGWAN-ASP"),  # dashes and minus signs
        ("LGWAN—ASP", "LGWAN‐ASP"),
        ("10〜12月", "10～12月"),  # wave dash and full-width tilde
        ("㈱九州情報", "(株)九州情報"),  # compatibility characters
    ],
)
def test_variants_fold_to_one_form(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("カメラ", "ケメラ"),  # カ is not ケ: only the counter ヶ/ヵ is folded
        ("かな", "カナ"),  # hiragana and katakana stay apart
        ("日南市", "日向市"),
        ("斎藤", "斉藤"),  # two names, not two spellings of one
        ("バス", "パス"),  # voiced and semi-voiced stay apart
        ("ツール", "ソール"),
    ],
)
def test_different_text_stays_different(one: str, other: str) -> None:
    assert fold(one) != fold(other)


def test_the_table_maps_one_character_to_one() -> None:
    # Positions in a snippet rely on it, and a table entry must be a fixed point afterwards.
    for source, target in FOLDS.items():
        assert len(source) == 1 and len(target) == 1, source
        assert fold(target) == target, (source, target)


def test_fold_is_idempotent_on_every_bmp_character() -> None:
    # Applied to stored text and to the query alike: folding twice must change nothing.
    for code in range(0x20, 0x10000):
        ch = chr(code)
        if unicodedata.category(ch) in ("Cs", "Co", "Cn"):
            continue
        once = fold(ch)
        assert fold(once) == once, hex(code)


def _check_spans(text: str) -> None:
    folded, starts, ends = fold_with_spans(text)
    assert len(starts) == len(ends) == len(folded)
    assert starts == sorted(starts) and ends == sorted(ends)
    for i, ch in enumerate(folded):
        source = text[starts[i] : ends[i]]
        assert starts[i] < ends[i] <= len(text)
        assert ch in fold(source), (text, i, source)
    assert folded == fold(text), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "住民記録システムの標準化",
        "ＬＧＷＡＮ接続系",
        "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞへの接続（R7年度）…",
        "カ゛バ…㍻ß五ヶ瀬",
        "ﾞ先頭の濁点",
        "e\u0301te\u0301",
        "①②③ ㈱ ㎡ ﬁ",
    ],
)
def test_spans_point_at_what_each_folded_character_came_from(text: str) -> None:
    _check_spans(text)


def test_spans_on_random_mixed_text() -> None:
    rng = random.Random(15)
    alphabet = "住民記録ガバメントｶﾞﾊﾞﾒﾝﾄＬＧＷＡＮlgwan五ヶ瀬ケヵ…㍻ßﾞﾟ゛゜ャュョ\u3000 ①－〜e\u0301"
    for _ in range(400):
        _check_spans("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))))


def test_highlighting_finds_the_original_of_a_folded_match() -> None:
    text = "本日はｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞの件（ＬＧＷＡＮ経由）"
    folded, starts, ends = fold_with_spans(text)
    for term, original in (("ガバメント", "ｶﾞﾊﾞﾒﾝﾄ"), ("lgwan", "ＬＧＷＡＮ")):
        at = folded.index(fold(term))
        assert text[starts[at] : ends[at + len(term) - 1]] == original
