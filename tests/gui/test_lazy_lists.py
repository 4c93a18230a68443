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


_CHILD = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from dxdesk.gui.app import Session
from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, open_profile
profile = open_profile(
    ProfilePaths(Path(sys.argv[1])), Credentials(passphrase=sys.argv[2], use_keyring=False)
)
window = Session(profile).window
window.show()
app.processEvents()
heavy = ("reportlab", "openpyxl", "pypdfium2", "sqlite_utils", "keyring", "importlib.metadata")
print(" ".join(sorted(m for m in heavy if m in sys.modules)) or "none")
profile.close(backup=False)
"""


def test_opening_the_window_loads_no_document_engine(new_profile: tuple[Profile, str]) -> None:
    """The cold start stays small: what only a menu or a later step needs is loaded then."""
    import os
    import subprocess
    import sys

    from tests.conftest import PASSPHRASE

    profile = new_profile[0]
    root = str(profile.paths.root)
    profile.close(backup=False)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, root, PASSPHRASE],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "none", out.stdout


def test_the_idle_lock_starts_watching_just_after_the_window_opens(
    qtbot: QtBot, profile: Profile
) -> None:
    from dxdesk.gui.app import IDLE_WATCH_DELAY_MS, Session

    session = Session(profile)
    qtbot.addWidget(session.window)
    session.window.show()
    # Not during the first paint (it would see every event of it), but well within seconds.
    assert not session.idle.is_running()
    qtbot.waitUntil(session.idle.is_running, timeout=IDLE_WATCH_DELAY_MS + 2000)
    session.window.hide()
