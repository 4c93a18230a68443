"""The home screen: the window's first page, by role; every item opens what it is about."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.core.calendar import ISO, WAREKI, format_date
from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.gui.dates import set_date_style
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.home import HomePage
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.messages import phrase
from dxdesk.paths import ProfilePaths
from dxdesk.services.phrases import Text
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Profile]:
    profile, _ = create_profile(
        ProfilePaths(tmp_path / "統括"),
        owner_name="宮崎 統括",
        device_name="統括PC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    try:
        yield profile
    finally:
        profile.close(backup=False)


def _window(qtbot: QtBot, profile: Profile) -> MainWindow:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    # The costly sections fill in after the first paint (gui/home.py fill_pending).
    qtbot.waitUntil(lambda: window.home.home is not None and not window.home.home.pending)
    return window


def _opened(window: MainWindow) -> list[str | None]:
    return [f.record_id for f in window.findChildren(RecordForm) if f.isVisible()]


def test_the_consultants_home_is_the_first_page_and_its_items_open_their_records(
    qtbot: QtBot, profile: Profile
) -> None:
    s = RecordService(profile)
    staff = profile.meta["owner_staff_id"]
    today = today_jst().isoformat()
    visit = s.add(
        "visit",
        {"date": today, "org_id": TAKACHIHO, "mode": "訪問", "title": "現地", "staff_id": staff},
    ).record_id
    issue = s.add("issue", {"org_id": TAKACHIHO, "title": "移行計画", "status": "未対応"}).record_id
    window = _window(qtbot, profile)
    home = window.home
    assert window.stack.currentWidget() is home  # not the empty 概要 tab
    assert "担当者" in home.heading.text()
    assert home.boxes["week_visits"].title() == "今週の訪問（1件）"
    home.open_item("week_visits", 0)
    assert _opened(window) == [visit]
    for form in window.findChildren(RecordForm):
        form.close()
    home.open_item("own_issue", 0)
    assert _opened(window) == [issue]


def test_the_supervisors_home_opens_issues_organisations_and_deadlines(
    qtbot: QtBot, hub: Profile
) -> None:
    s = RecordService(hub)
    fy = today_jst().year if today_jst().month >= 4 else today_jst().year - 1
    s.add("engagement", {"org_id": TAKACHIHO, "fy": fy, "target_days": 10})
    issue = s.add(
        "issue", {"org_id": TAKACHIHO, "title": "文字同定の方針", "status": "未対応"}
    ).record_id
    window = _window(qtbot, hub)
    home = window.home
    assert window.stack.currentWidget() is home and "統括責任者" in home.heading.text()
    assert home.boxes["unshared"].title() == "県へ未共有の課題（1件）"
    home.open_item("unshared", 0)
    assert _opened(window) == [issue]
    home.open_item("site_days", 0)
    assert window.current_org == TAKACHIHO and window.stack.currentWidget() is window.org_tabs
    window.show_global("home")
    deadline = home.lists["deadlines"].item(0)
    assert deadline is not None and home.home is not None
    key = home.home.section("deadlines").items[0].target[1]
    home.open_item("deadlines", 0)
    board = window.deadline_board
    assert window.stack.currentWidget() is board and board.current().key == key


def test_the_supervisors_attention_items_open_the_progress_cell(qtbot: QtBot, hub: Profile) -> None:
    from datetime import date

    from dxdesk.gui.progress import CellDialog
    from dxdesk.services.progress import ProgressService

    today = date(2026, 2, 15)
    ProgressService(hub, today).set_fields("高千穂町", "01", {"planned_go_live": "2026-07-01"})
    ProgressService(hub, today).set_fields("日之影町", "02", {"special_support": True})
    window = _window(qtbot, hub)
    home = window.home
    home.service.today = today
    home.refresh()
    assert home.home is not None
    section = home.home.section("attention")
    assert [i.target for i in section.items] == [
        ("progress", TAKACHIHO, "01"),
        ("progress", natural_id("organisation", "454427"), "02"),
    ]
    assert home.lists["attention"].count() == 2
    home.open_item("attention", 1)
    view = window.progress_view()
    assert window.stack.currentWidget() is view
    dialog = view._dialog
    assert isinstance(dialog, CellDialog) and dialog.isVisible()
    assert (dialog.detail.org.name, dialog.system_code) == ("日之影町", "02")
    # The matrix's current cell is the one opened.
    current = view.model.cell_at(view.table.currentIndex())
    assert current is not None and (current.org_id, current.system_code) == (
        natural_id("organisation", "454427"),
        "02",
    )
    dialog.close()


def test_the_first_paint_does_not_wait_for_the_attention_list(qtbot: QtBot, hub: Profile) -> None:
    """The attention list (the whole progress matrix scored) is a placeholder in the first
    paint and filled in right after it, with what the service computes (bench/gui.py W3)."""

    from dxdesk.gui.home import HomePage
    from dxdesk.services.home import HomeService

    RecordService(hub).add("issue", {"org_id": TAKACHIHO, "title": "移行計画", "status": "未対応"})
    page = HomePage(hub)
    qtbot.addWidget(page)
    assert page.home is not None and "attention" in page.home.pending
    assert page.lists["attention"].item(0).text() == "集計しています…"
    assert page.boxes["attention"].title() == "標準化の要注意（点数の高い順）"  # no count yet
    # The cheap sections are there for the first paint.
    assert page.boxes["deadlines"].title().startswith("期限が近い・過ぎた提出物")
    assert page.boxes["imports"].title() == "最近の取り込み（0件）"
    QApplication.processEvents()
    assert "attention" in page.home.pending  # not shown yet: nothing painted
    page.resize(1366, 700)
    page.show()
    qtbot.waitUntil(lambda: page.home is not None and not page.home.pending)
    expected = HomeService(hub).section("attention")
    shown = page.home.section("attention")
    assert shown == expected
    assert page.boxes["unshared"].title() == "県へ未共有の課題（1件）"
    first = page.lists["attention"].item(0).text()
    assert first == phrase(expected.items[0].text if expected.items else expected.empty)
    assert first != "集計しています…"


# ------------------------------------------------------------ language and date style

HINOKAGE = natural_id("organisation", "454427")
DAY = date(2025, 11, 20)  # a Thursday


def _supervisor_data(profile: Profile) -> None:
    s = RecordService(profile)
    s.add("engagement", {"org_id": TAKACHIHO, "fy": 2025, "target_days": 10})
    s.add(
        "issue",
        {"org_id": TAKACHIHO, "title": "文字同定", "status": "未対応", "raised_on": "2025-10-01"},
    )
    s.add(
        "issue",
        {
            "org_id": HINOKAGE,
            "title": "日程",
            "status": "対応中",
            "shared_on": "2025-11-02",
            "due_date": "2025-11-10",
        },
    )
    s.add("meeting", {"title": "月次報告会", "date": "2025-11-14", "meeting_type": "月次報告会"})


def _page(qtbot: QtBot, profile: Profile, today: date | None = DAY) -> HomePage:
    page = HomePage(profile, today=today, month=None if today is None else "2025-11")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.home is not None and not page.home.pending)
    return page


def _shown(page: HomePage) -> list[str]:
    """Every text of the page: the heading, each box's title and each line of its list."""
    out = [page.heading.text()]
    for key, box in page.boxes.items():
        out.append(box.title())
        items = page.lists[key]
        out.extend(items.item(i).text() for i in range(items.count()))
    return out


def _no_japanese_but(texts: list[str], data: list[str]) -> list[str]:
    left = []
    for shown in texts:
        rest = shown
        for word in sorted(data, key=len, reverse=True):
            rest = rest.replace(word, "")
        if JAPANESE.search(rest):
            left.append(shown)
    return left


def test_the_supervisors_home_in_english_has_no_japanese_but_data(
    qtbot: QtBot, hub: Profile, english_window: None
) -> None:
    from dxdesk.services.attention import AttentionService

    _supervisor_data(hub)
    page = _page(qtbot, hub)
    texts = _shown(page)
    # The attention list's reasons are worded here too; what they quote is data (the names of
    # organisations and systems, phases, steps and titles: a Text's str parameters).
    attention: list[str] = []

    def quoted(value: object) -> None:
        if isinstance(value, Text):
            for _name, param in value.params:
                quoted(param)
        elif isinstance(value, str):
            attention.append(value)

    for e in AttentionService(hub, DAY).entries():
        attention += [e.org_name, e.system_name]
        for r in e.reasons:
            quoted(r.phrase)
    data = ["高千穂町", "日之影町", "文字同定", "日程", "月次報告会", *attention]
    assert _no_japanese_but(texts, data) == []
    overdue = page.lists["overdue_issues"].item(0).text()
    assert overdue == "日之影町 日程 (due 2025-11-10, 10 days overdue)"
    assert page.lists["site_days"].item(0).text() == "高千穂町: 0 of 10 days on site"
    assert page.boxes["site_days"].title().startswith("On-site days in Nov 2025")
    assert page.lists["imports"].item(0).text() == "Nothing has been imported yet."


def test_the_consultants_home_in_english_has_no_japanese_but_data(
    qtbot: QtBot, profile: Profile, english_window: None
) -> None:
    s = RecordService(profile)
    staff = profile.meta["owner_staff_id"]
    s.add(
        "visit",
        {
            "date": "2025-11-18",
            "start_time": "10:00",
            "org_id": TAKACHIHO,
            "mode": "訪問",
            "title": "現地支援",
            "staff_id": staff,
        },
    )
    s.add("issue", {"org_id": TAKACHIHO, "title": "移行計画", "status": "未対応"})
    s.add("time", {"date": "2025-11-17", "staff_id": staff, "hours": 1.5, "org_id": TAKACHIHO})
    page = _page(qtbot, profile)
    texts = _shown(page)
    assert _no_japanese_but(texts, ["高千穂町", "現地支援", "移行計画"]) == []
    hours = page.lists["week_hours"]
    assert hours.item(0).text() == "Entered this week: 1.5 h on 1 day"
    assert hours.item(1).text() == "2025-11-18 No hours entered"
    assert page.lists["own_issue"].item(0).text() == "高千穂町 移行計画 (Open)"


@pytest.mark.parametrize(
    ("style", "due", "held"), [(WAREKI, "R7.11.19", "R7.11.14"), (ISO, "2025-11-19", "2025-11-14")]
)
def test_the_deadline_item_follows_the_date_style(
    qtbot: QtBot, hub: Profile, style: str, due: str, held: str
) -> None:
    _supervisor_data(hub)
    set_date_style(style)  # as the main window does from the settings (gui/dates.py)
    page = _page(qtbot, hub)
    lines = [page.lists["deadlines"].item(i).text() for i in range(page.lists["deadlines"].count())]
    # The minutes of 11/14 were due on the 3rd open day after, 11/19: overdue.
    assert f"{due} 期限超過 議事録：月次報告会（{held}）（未着手）" in lines


def test_the_cli_prints_the_sentences_of_the_japanese_window(
    qtbot: QtBot, hub: Profile, tmp_path: Path
) -> None:
    """``dxdesk home`` and the window format the same item the same way (services/phrases.py),
    both in the profile's date style."""
    from tests.cli.test_cli import Cli

    today = today_jst()
    due = today - timedelta(days=3)
    RecordService(hub).add(
        "issue",
        {"org_id": HINOKAGE, "title": "日程", "status": "対応中", "due_date": due.isoformat()},
    )
    hub.update_settings(date_style=WAREKI)
    set_date_style(hub.settings.date_style)
    page = _page(qtbot, hub, today=None)
    shown = page.lists["overdue_issues"].item(0).text()
    assert shown == f"日之影町 日程（期限 {format_date(due, WAREKI)}、3日超過）"
    title = page.boxes["overdue_issues"].title()
    page.close()
    hub.close(backup=False)  # one dxdesk at a time on a profile
    printed = Cli(tmp_path / "統括").ok("home").splitlines()
    assert f"！{shown}" in printed
    assert f"■ {title}" in printed
