"""The search page in a real (offscreen) window: spellings folded, a total and 「さらに表示」
instead of a silent cut, 団体 and date columns, the match in bold, one row per fact."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.search import (
    DATE,
    KIND,
    MARKS_ROLE,
    ORG,
    PAGE_SIZE,
    SNIPPET,
    TITLE,
    MarkedTextDelegate,
    SearchView,
    marked_html,
)
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService

# Set DXDESK_SHOTS=/some/folder to keep the grabs and look at them; unset, they go to tmp_path.
SHOTS = os.environ.get("DXDESK_SHOTS")
EXTRA = 7  # matches beyond the first page


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    records = RecordService(profile)
    records.add_many(
        "visit",
        [
            {
                "date": f"2025-{4 + i % 9:02d}-{1 + i % 28:02d}",
                "org_id": ("日南市", "串間市", "五ヶ瀬町")[i % 3],
                "mode": "オンライン",
                "title": f"定例会議 第{i}回",
                "notes": "議事録の確認と次回日程の調整。",
            }
            for i in range(PAGE_SIZE + EXTRA)
        ],
    )
    w = MainWindow(profile)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.hide()


def _search(window: MainWindow, text: str) -> SearchView:
    window.search_box.setText(text)
    window.run_search()
    view = window.search_results
    assert window.stack.currentWidget() is view
    return view


def _column(view: SearchView, col: int) -> list[str]:
    return [view.table.item(r, col).text() for r in range(view.table.rowCount())]


def _grab(qtbot: QtBot, widget: MainWindow, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    widget.grab().save(str(path))


def test_full_width_and_half_width_find_the_same_records(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    records = window.records
    wide = records.add(
        "visit",
        {
            "date": "2026-03-27",
            "org_id": "五ケ瀬町",
            "mode": "訪問",
            "title": "五ヶ瀬町 回線の確認",
            "notes": "ＬＧＷＡＮ接続系の端末と、ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ接続回線の構成を確認した。",
        },
    ).record_id
    consultation = records.add(
        "consultation",
        {
            "received_at": "2026-03-23 16:15",
            "channel": "電話",
            "org_id": "椎葉村",
            "category": "その他",
            "topic": "LGWAN接続系でのテレワーク環境の構築について",
            "status": "未対応",
        },
    ).record_id
    for text in ("ＬＧＷＡＮ", "LGWAN", "lgwan"):
        view = _search(window, text)
        assert view.summary.text() == f"「{text}」の検索結果：2件"
        assert not view.more_button.isVisible()
        assert {view.hit_at(r) for r in range(2)} == {
            ("visit", wide),
            ("consultation", consultation),
        }
    headers = [view.table.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["種類", "日付", "団体", "件名", "該当箇所"]
    # Newest first; the dates as the tables show them (no "T"), the 団体 by name.
    assert _column(view, DATE) == ["2026-03-27", "2026-03-23 16:15"]
    assert _column(view, ORG) == ["五ヶ瀬町", "椎葉村"]
    assert _column(view, KIND) == ["訪問・ヒアリング", "相談"]
    assert _column(view, TITLE)[0] == "五ヶ瀬町 回線の確認"
    item = view.table.item(0, SNIPPET)
    snippet = item.text()
    assert [snippet[a:b] for a, b in item.data(MARKS_ROLE)] == ["ＬＧＷＡＮ"]
    # Half-width katakana and ケ/ヶ find the visit too, marked as it was written.
    view = _search(window, "ｶﾞﾊﾞﾒﾝﾄ 五ケ瀬")
    assert view.hit_at(0) == ("visit", wide)
    item = view.table.item(0, SNIPPET)
    assert [item.text()[a:b] for a, b in item.data(MARKS_ROLE)] == ["五ヶ瀬", "ｶﾞﾊﾞﾒﾝﾄ"]
    _grab(qtbot, window, Path(SHOTS or tmp_path) / "search-lgwan.png")
    # Double-click opens the record.
    view.table.cellDoubleClicked.emit(0, TITLE)
    forms = [f for f in window.findChildren(RecordForm) if f.isVisible()]
    assert [f.record_id for f in forms] == [wide]
    forms[0].close()


def test_more_than_a_page_is_counted_and_shown_on_request(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    total = PAGE_SIZE + EXTRA
    view = _search(window, "定例会議")
    assert view.table.rowCount() == PAGE_SIZE
    assert (
        view.summary.text()
        == f"「定例会議」の検索結果：{total}件（新しい順に {PAGE_SIZE}件を表示）"
    )
    assert window.statusBar().currentMessage() == f"「定例会議」の検索結果：{total}件"
    assert view.more_button.isVisible()
    assert view.more_button.text() == f"さらに表示（残り {EXTRA}件）(&M)"
    _grab(qtbot, window, Path(SHOTS or tmp_path) / "search-more.png")
    qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)
    assert view.table.rowCount() == total
    assert not view.more_button.isVisible()
    assert view.summary.text() == f"「定例会議」の検索結果：{total}件"
    hits = [view.hit_at(r) for r in range(total)]
    assert len(set(hits)) == total  # the second page continues the first, nothing twice
    dates = _column(view, DATE)
    assert dates == sorted(dates, reverse=True)
    # A new search starts again from its first page.
    view = _search(window, "第1回")
    assert view.table.rowCount() == 1 and not view.more_button.isVisible()
    view = _search(window, "存在しない語句")
    assert view.table.rowCount() == 0
    assert view.summary.text() == "「存在しない語句」を含む記録は見つかりませんでした。"


def test_a_visit_and_its_time_entry_are_one_row(qtbot: QtBot, window: MainWindow) -> None:
    records = window.records
    visit = records.add(
        "visit",
        {
            "date": "2025-11-25",
            "org_id": "椎葉村",
            "mode": "訪問",
            "title": "椎葉村 集中支援（回線の構成確認）",
        },
    ).record_id
    staff = window.profile.meta["owner_staff_id"]
    records.add(
        "time",
        {
            "date": "2025-11-25",
            "staff_id": staff,
            "org_id": "椎葉村",
            "hours": 3,
            "on_site": True,
            "visit_id": visit,
            "note": "椎葉村 集中支援（回線の構成確認）",
        },
    )
    view = _search(window, "集中支援")
    assert [view.hit_at(r) for r in range(view.table.rowCount())] == [("visit", visit)]
    assert view.summary.text() == "「集中支援」の検索結果：1件"


def _paint(delegate: MarkedTextDelegate, view: SearchView) -> QImage:
    image = QImage(600, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 600, 30)
    option.font = view.table.font()
    option.palette = view.table.palette()
    painter = QPainter(image)
    delegate.paint(painter, option, view.table.model().index(0, SNIPPET))
    painter.end()
    return image


def test_the_match_is_drawn_in_bold_and_the_text_is_never_html(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.records.add(
        "visit",
        {
            "date": "2025-12-01",
            "org_id": "日南市",
            "mode": "訪問",
            "title": "回線",
            "notes": "<img/>LGWAN <b>太字ではない</b>",
        },
    )
    view = _search(window, "lgwan")
    item = view.table.item(0, SNIPPET)
    html = marked_html(item.text(), item.data(MARKS_ROLE))
    assert "<b>LGWAN</b>" in html
    assert "&lt;img/&gt;<b>LGWAN</b> &lt;b&gt;太字ではない&lt;/b&gt;" in html and "<img" not in html
    delegate = view.table.itemDelegateForColumn(SNIPPET)
    assert isinstance(delegate, MarkedTextDelegate)
    bold = _paint(delegate, view)
    item.setData(MARKS_ROLE, ())
    plain = _paint(delegate, view)
    assert bold != plain  # the marks change what is drawn: the match is bold
