"""Lists that are not on screen read nothing: the window's cost must not grow with the data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.overview import OPEN_ISSUES_SHOWN, OverviewService
from dxdesk.services.profile import Profile
from dxdesk.services.records import RecordService


@pytest.fixture
def window(qtbot: QtBot, profile: Profile) -> Iterator[MainWindow]:
    records = RecordService(profile)
    records.add_many(
        "issue",
        [
            {"org_id": "日向市", "title": f"課題{i}", "status": "未対応", "raised_on": "2025-11-01"}
            for i in range(OPEN_ISSUES_SHOWN + 5)
        ],
    )
    w = MainWindow(profile)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.hide()


def test_hidden_lists_count_and_fetch_only_when_shown(qtbot: QtBot, window: MainWindow) -> None:
    table = window.global_issues
    QApplication.processEvents()
    assert not table.isVisible()
    assert table.model.paused and table.model.rowCount() == 0
    assert table.model._total is None  # not even counted
    window.show_global("issues")
    qtbot.waitUntil(lambda: table.model.rowCount() == OPEN_ISSUES_SHOWN + 5)
    assert "全 15 件" in table.count_label.text()


def test_the_overview_reads_the_first_open_issues_and_counts_all(profile: Profile) -> None:
    records = RecordService(profile)
    org = records.resolve_org("日向市")
    for i in range(OPEN_ISSUES_SHOWN + 3):
        records.add(
            "issue",
            {
                "org_id": org,
                "title": f"課題{i}",
                "status": "対応中",
                "priority": "高" if i == 7 else "低",
            },
        )
    ov = OverviewService(profile).org_overview(org)
    assert ov.open_issue_count == OPEN_ISSUES_SHOWN + 3
    assert len(ov.open_issues) == OPEN_ISSUES_SHOWN
    assert ov.open_issues[0]["title"] == "課題7"  # 高 first, chosen before the limit
