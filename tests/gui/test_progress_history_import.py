"""The matrix at a past month's end (the month chooser) and 取込… with its column mapping and
preview, in the real offscreen window: nothing written before 取り込む, the matrix repainted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from dxdesk.gui.mainwindow import MainWindow
from dxdesk.gui.progress import ProgressView
from dxdesk.gui.progress_import import ImportDialog
from dxdesk.services.profile import Profile
from dxdesk.services.progress import ProgressService
from dxdesk.services.progress_import import IGNORE, Column

TODAY = date(2026, 2, 15)


def _window(qtbot: QtBot, profile: Profile) -> tuple[MainWindow, ProgressView]:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_global("progress")
    view = window.progress_view()
    view.service.today = TODAY
    view.refresh()
    QApplication.processEvents()
    return window, view


def _rate(view: ProgressView, org: str, code: str) -> float:
    assert view.matrix is not None
    org_id = next(o.id for o in view.matrix.orgs if o.name == org)
    return view.matrix.cell(org_id, code).counts.completion_rate


def test_the_month_chooser_shows_a_past_months_end(qtbot: QtBot, profile: Profile) -> None:
    s = ProgressService(profile, TODAY)
    s.set_steps("高千穂町", "01", "1-4", "完了済み", "2025-10-20")
    s.set_steps("高千穂町", "01", "5-8", "完了済み", "2025-12-05")
    from dxdesk.services.records import RecordService

    long_name = "日向灘システムズ・アンド・クラウドソリューションズ株式会社"
    vendor = RecordService(profile).add("vendor", {"name": long_name}).record_id
    s.set_fields("高千穂町", "01", {"vendor_id": vendor})
    window, view = _window(qtbot, profile)
    assert view.group_box.findText(f"担当ベンダ：{long_name}") >= 0
    assert window.grab().width() == 1366  # the chooser and 取込 fit the filter row
    assert _rate(view, "高千穂町", "01") == 20.0
    box = view.month_box
    box.setCurrentIndex(box.findData("2025-11"))
    assert view.month == "2025-11"
    assert _rate(view, "高千穂町", "01") == 10.0
    assert "2025年11月末時点" in view.title.text()
    assert view.open_cell(view.model.index(0, 1)) is None  # read only
    box.setCurrentIndex(box.findData("2025-09"))
    assert _rate(view, "高千穂町", "01") == 0.0
    box.setCurrentIndex(0)
    assert view.month is None and _rate(view, "高千穂町", "01") == 20.0


def test_import_maps_previews_then_writes(qtbot: QtBot, profile: Profile, tmp_path: Path) -> None:
    _w, view = _window(qtbot, profile)
    sheet = tmp_path / "進捗 取込.csv"
    lines = [
        "メモ,団体名,業務,1,2,3",
        "x,高千穂町,住民記録,完了済み,完了済み,作業中",
        "y,無い町,住民記録,完了済み,,",
    ]
    sheet.write_bytes(("\n".join(lines) + "\n").encode("cp932"))
    dialog = view.open_import(str(sheet))
    assert isinstance(dialog, ImportDialog)
    assert dialog.header_spin.value() == 1
    mapping = dialog.mapping()
    assert mapping[0] == Column(IGNORE) and mapping[1].role == "org"
    assert [c.step for c in mapping[3:]] == [1, 2, 3]
    # The person corrects a column: step 3 is not to be read.
    dialog.set_mapping(5, Column(IGNORE))
    plan = dialog.preview()
    assert plan is not None
    assert [(c.step_no, c.after) for c in plan.steps] == [(1, "完了済み"), (2, "完了済み")]
    assert [r.row for r in plan.rejected] == [3]
    assert dialog.unmatched.rowCount() == 1 and "無い町" in dialog.unmatched.item(0, 1).text()
    assert dialog.import_button.isEnabled()
    assert _rate(view, "高千穂町", "01") == 0.0  # nothing written by the preview
    dialog.set_mapping(5, Column("step", step=3))
    assert not dialog.import_button.isEnabled()  # a new mapping needs a new preview
    dialog.preview()
    shot = dialog.grab()
    assert shot.width() <= 1366 and shot.height() <= 768
    changes = dialog.apply()
    assert len(changes) == 3
    assert _rate(view, "高千穂町", "01") == 5.0  # the matrix repainted from the store


def test_the_progress_menu_opens_the_import(qtbot: QtBot, profile: Profile) -> None:
    window, view = _window(qtbot, profile)
    [action] = [
        a
        for m in window.menuBar().findChildren(QMenu)
        if m.objectName() == "progressMenu"
        for a in m.actions()
        if a.objectName() == "importProgress"
    ]
    action.trigger()
    dialog = view._dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.reject()
    assert window.grab().width() == 1366
