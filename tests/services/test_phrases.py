"""services/phrases.py: the one catalogue of composed sentences and the one formatter both
faces use (the window with its translator, the CLI in Japanese)."""

from __future__ import annotations

import re
import string
from datetime import date, datetime

import pytest

from dxdesk.core.calendar import WAREKI
from dxdesk.services.phrases import PHRASES, Label, YearMonth, japanese, render, render_value, text


def _names(source: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(source) if name}


@pytest.mark.parametrize("key", sorted(PHRASES))
def test_every_template_is_well_formed(key: str) -> None:
    template = PHRASES[key]
    names = _names(template.source)  # str.format can parse it
    assert all(re.fullmatch(r"[a-z_]+", n) for n in names), key
    # The count that picks the English plural is one of the template's own placeholders.
    assert template.count is None or template.count in names, key


def test_japanese_fills_each_kind_of_parameter() -> None:
    message = text(
        "home.bundle",
        at=datetime(2025, 11, 20, 9, 5),
        name="県庁ハブ",
        changes=text("changes", n=12),
        ago=text("days_ago", n=3),
    )
    assert japanese(message) == "2025-11-20 09:05 県庁ハブ へ 12件の変更（3日前）"
    assert japanese(message, WAREKI) == "R7.11.20 09:05 県庁ハブ へ 12件の変更（3日前）"
    title = text("home.site_days", month=YearMonth(2025, 11))
    assert japanese(title) == "2025年11月の現地支援日数（集中支援）"
    own = text("home.own_item", org="", title="移行計画", status=Label("Choice", "未対応"))
    assert japanese(own) == "移行計画（未対応）"  # no org: no leading space
    assert japanese(text("home.hours_total", hours=5.5, days=1)) == "今週の入力：5.5時間（1日分）"


def test_the_face_decides_dates_and_words() -> None:
    seen: list[tuple[str, str, int]] = []

    def translate(context: str, source: str, n: int = -1) -> str:
        seen.append((context, source, n))
        return source.upper() if context == "Choice" else source

    message = text(
        "home.overdue_issue", org="高千穂町", title="日程", due=date(2025, 11, 10), days=10
    )
    assert render(message, lambda d: f"<{d:%d.%m.%Y}>", translate) == (
        "高千穂町 日程（期限 <10.11.2025>、10日超過）"
    )
    # The count is handed to the translator, for the plural of the face's language.
    assert seen == [("Phrase", PHRASES["home.overdue_issue"].source, 10)]
    status = render_value(Label("Choice", "open"), str, translate)
    assert status == "OPEN"


def test_an_unknown_key_or_a_missing_count_is_a_bug() -> None:
    with pytest.raises(KeyError):
        text("home.no_such_sentence")
    with pytest.raises(AssertionError):
        text("home.overdue_issue", org="", title="", due=date(2025, 11, 10))
