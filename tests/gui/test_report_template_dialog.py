"""帳票 > 月次作業報告書の構成 in the window: reorder, leave out, add a free-text section with the
month's text, save; on a laptop only the text can be written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dxdesk.core.model import QUIET_ORG_MODES
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.report_template import ReportTemplateDialog
from dxdesk.paths import ProfilePaths
from dxdesk.services import report_template as rt
from dxdesk.services.profile import Profile, create_profile
from tests.conftest import FAST_KDF, PASSPHRASE


def _hub(tmp_path: Path) -> Profile:
    profile, _ = create_profile(
        ProfilePaths(tmp_path / "統括"),
        owner_name="宮崎 統括",
        device_name="統括のPC",
        role="hub",
        passphrase=PASSPHRASE,
        kdf=FAST_KDF,
    )
    return profile


def _row(dialog: ReportTemplateDialog, key: str) -> int:
    return next(i for i, r in enumerate(dialog.rows()) if r.key == key)


def test_the_supervisor_orders_and_adds_sections(qtbot: QtBot, tmp_path: Path) -> None:
    hub = _hub(tmp_path)
    window = MainWindow(hub)
    try:
        assert window.findChild(object, "openReportTemplate") is not None  # the menu entry
        dialog = window.open_report_template()
        assert isinstance(dialog, ReportTemplateDialog)
        assert [r.key for r in dialog.rows()][:2] == ["overview", "organisations"]
        # 翌月の予定 to the top with 上へ, 目標の進捗 left out.
        dialog.list.setCurrentRow(_row(dialog, "plans"))
        while dialog.list.currentRow() > 0:
            qtbot.mouseClick(dialog.up, Qt.MouseButton.LeftButton)
        dialog.list.item(_row(dialog, "goals")).setCheckState(Qt.CheckState.Unchecked)
        dialog.list.item(_row(dialog, "overview")).setText("当月の実施概要")
        dialog.add_free_section("県への相談事項")
        assert dialog.note.isEnabled()
        dialog.note.setPlainText("移行経費の補助について")
        dialog.quiet.setCurrentIndex(1)
        dialog.grab().save(str(tmp_path / "構成.png"))
        assert dialog.save()

        t = rt.current(hub)
        assert t.sections[0].key == "plans" and t.quiet_orgs == QUIET_ORG_MODES[1]
        assert not next(r for r in t.sections if r.key == "goals").included
        assert next(r for r in t.sections if r.key == "overview").label == "当月の実施概要"
        assert t.sections[-1].label == "県への相談事項" and t.sections[-1].free_text
        assert rt.note(hub, window.month, "県への相談事項") == "移行経費の補助について"
        # Opened again, it shows what was saved, and the text of the month.
        again = ReportTemplateDialog(hub, window.month)
        qtbot.addWidget(again)
        assert [r.key for r in again.rows()] == [r.key for r in t.sections]
        again.list.setCurrentRow(again.list.count() - 1)
        assert again.note.toPlainText() == "移行経費の補助について"
        # 下へ at the bottom does nothing; a second section of the same heading is refused.
        qtbot.mouseClick(again.down, Qt.MouseButton.LeftButton)
        assert again.list.currentRow() == again.list.count() - 1
        again.close()
    finally:
        window.close()
        window.deleteLater()
        hub.close(backup=False)


def test_on_a_laptop_the_structure_is_read_only(qtbot: QtBot, profile: Profile) -> None:
    dialog = ReportTemplateDialog(profile, "2025-11")
    qtbot.addWidget(dialog)
    assert not dialog.up.isEnabled() and not dialog.add.isEnabled()
    assert not dialog.quiet.isEnabled()
    flags = dialog.list.item(0).flags()
    assert not flags & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.save()  # nothing to store: no error, no template written
    assert not rt.current(profile).stored
