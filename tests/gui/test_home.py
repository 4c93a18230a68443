"""The home screen: the window's first page, by role; every item opens what it is about."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dxdesk.core.clock import today_jst
from dxdesk.core.ids import natural_id
from dxdesk.gui.forms import RecordForm
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.messages import phrase
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Profile, create_profile
from dxdesk.services.records import RecordService
from tests.conftest import FAST_KDF, PASSPHRASE

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support")

TAKACHIHO = natural_id("organisation", "454419")


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
    from PySide6.QtWidgets import QApplication

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
