"""Grab a PNG of every main screen from a demo profile, offscreen, into docs/screens/.

    QT_QPA_PLATFORM=offscreen python scripts/screens.py [--profile DIR] [--language ja|en] [--out DIR]

Builds a demo profile in a temporary folder unless --profile names one (passphrase dxdesk-demo).
Each screen is grabbed at 1366x768 (a common municipal laptop) and 1920x1080, in Japanese into
docs/screens/ or in English (--language en) into docs/screens/en/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from dxdesk.paths import ProfilePaths
from dxdesk.services.profile import Credentials, create_profile, open_profile
from dxdesk.store.keys import KdfParams

DEMO_PASSPHRASE = "dxdesk-demo"  # noqa: S105 - the fictional demo profile's documented passphrase

SIZES = ((1366, 768), (1920, 1080))


def demo_profile(root: Path) -> ProfilePaths:
    from dxdesk.services.demo import populate_demo

    paths = ProfilePaths(root / "demo")
    profile, _ = create_profile(
        paths,
        owner_name="宮崎 統括（デモ）",
        device_name="デモ端末",
        role="hub",
        passphrase=DEMO_PASSPHRASE,
        kdf=KdfParams(iterations=1, memory_kib=8192, lanes=1),
    )
    with profile:
        populate_demo(profile)
    return paths


def grab(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> None:
    app = QApplication.instance()
    assert app is not None
    if size:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def show_busiest_week(window: Any) -> None:
    """週間工数 on the week of the demo year with the most entries (today's week is empty)."""
    from datetime import date

    rows = window.profile.database.query(
        'SELECT staff_id, min(date) AS d, count(*) AS n FROM "time" WHERE _deleted = 0'
        " GROUP BY staff_id, strftime('%Y-%W', date) ORDER BY n DESC, d DESC LIMIT 1"
    )
    window.show_global("week")
    view = window.week_view()
    if rows:
        view.staff.setCurrentIndex(max(0, view.staff.findData(rows[0]["staff_id"])))
        view.show_week(date.fromisoformat(rows[0]["d"]))


def open_progress_cell(window: Any) -> Any:
    """A cell of the progress matrix: 国富町's 住民記録 (migrating, go-live after the deadline)."""
    view = window.progress_view()
    model = view.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == "国富町"
    )
    return view.open_cell(model.index(row, 1))


def dialogs(window: Any, out: Path) -> None:
    """The dialogs a user meets besides forms: settings, documents and preview, bundles."""
    from dxdesk.gui.documents import DocumentDialog
    from dxdesk.gui.report_template import ReportTemplateDialog
    from dxdesk.gui.settings_dialog import SettingsDialog
    from dxdesk.gui.sync import DevicesDialog, ExportDialog, ImportDialog

    window.resize(1366, 768)
    window.grouping.setCurrentIndex(window.grouping.findData("生活圏"))
    grab(window, out / "tree-living-area-1366x768.png")
    window.grouping.setCurrentIndex(window.grouping.findData("area"))
    settings = SettingsDialog(window.profile, window)
    grab(settings, out / "dialog-settings.png")
    settings.reject()
    documents = DocumentDialog(
        window.profile, window.records, window, kind="monthly", month=window.month
    )
    grab(documents, out / "dialog-documents.png")
    preview = documents.preview()
    if preview is not None:
        grab(preview, out / "dialog-preview.png", (900, 700))
        preview.reject()
    documents.reject()
    for name, dialog in (
        ("dialog-import.png", ImportDialog(window.profile, window)),
        ("dialog-devices.png", DevicesDialog(window.profile, window)),
        ("dialog-export.png", ExportDialog(window.profile, window)),
        ("dialog-report-template.png", ReportTemplateDialog(window.profile, window.month, window)),
    ):
        grab(dialog, out / name)
        dialog.reject()


def desk(window: Any, out: Path) -> None:
    """The supervisor's desk (issue 12): the wish list and the experts, a monthly report
    meeting with its decisions and open points, a training's wishes, a consultation's experts
    by its field, a goal's month, each at 1366x768."""
    size = (1366, 768)
    window.resize(*size)
    for kind_name in ("training_wish", "expert"):
        window.show_register(kind_name)
        window.show()
        QApplication.processEvents()
        grab(window, out / f"register-{kind_name}-1366x768.png")
    records = window.records
    raised = records.list_records("meeting_item")
    meeting = next((str(i["meeting_id"]) for i in raised if i.get("issue_id")), None)
    answered = next(
        (str(w["training_id"]) for w in records.list_records("training_wish") if w["training_id"]),
        None,
    )
    consultation = next(
        (c for c in records.list_records("consultation") if c.get("requested_expert_id")), None
    )
    for name, kind_name, record_id in (
        ("form-meeting", "meeting", meeting),
        ("form-training-wishes", "training", answered),
        ("form-consultation", "consultation", consultation["id"] if consultation else None),
    ):
        if record_id is None:
            continue
        form = window.open_record(kind_name, str(record_id))
        form.resize(*size)
        if kind_name == "meeting":
            # Scrolled to the decisions and open points, one of them selected.
            panel = form.children_panels["meeting_item"]
            form.scroll_area.ensureWidgetVisible(panel)
            panel.list.setCurrentRow(panel.list.count() - 1)
        elif kind_name == "training":
            form.scroll_area.ensureWidgetVisible(
                form.tick_editors[("training_wish", "training_id")]
            )
        grab(form, out / f"{name}-1366x768.png")
        form.reject()
    progress = records.list_records("goal_progress", limit=1)
    if progress:
        form = window.open_record("goal_progress", str(progress[0]["id"]))
        grab(form, out / "form-goal-progress-1366x768.png", size)
        form.reject()


def progress_screens(window: Any, out: Path, tmp: Path) -> None:
    """The matrix at a past month's end, and 取込… with a sheet that moves some steps and has
    rows it cannot match (the mapping, then the preview)."""
    from dxdesk.gui.progress_import import ImportDialog
    from dxdesk.services.progress_import import long_rows

    window.resize(1366, 768)
    window.show_global("progress")
    view = window.progress_view()
    box = view.month_box
    box.setCurrentIndex(box.findData("2025-09") if box.findData("2025-09") >= 0 else 1)
    grab(window, out / "global-progress-month-1366x768.png")
    box.setCurrentIndex(0)
    header, rows = long_rows(view.service)
    rows = [list(r) for r in rows[:60]]
    for r in rows[:6]:  # a team moved a few steps
        r[4 + 38], r[4 + 39] = "完了済み", "作業中"
    rows[7][0] = "４５４４１０"  # a check digit that disagrees
    rows[9][1], rows[9][0] = "存在しない町", ""
    rows[11][4 + 3] = "たぶん"
    sheet = tmp / "手順書ステップ進捗（団体から）.csv"
    lines = [",".join(header)] + [",".join(str(v) for v in r) for r in rows]
    sheet.write_bytes(("\n".join(lines) + "\n").encode("cp932"))
    dialog = ImportDialog(view.service, str(sheet), window)
    grab(dialog, out / "dialog-progress-import-columns.png")
    dialog.preview()
    grab(dialog, out / "dialog-progress-import-preview.png")
    dialog.tabs.setCurrentIndex(2)
    grab(dialog, out / "dialog-progress-import-rejected.png")
    dialog.reject()


def dx_support(window: Any, out: Path) -> None:
    """General DX support (issue 13): an engagement's form and its 管理表 on a month with work,
    the case library and the communication tool's per-group charts, at 1366x768."""
    from dxdesk.gui.engagement_table import ManagementTableView

    rows = window.profile.database.query(
        "SELECT e.id FROM engagement AS e JOIN organisation AS o ON o.id = e.org_id"
        " WHERE e._deleted = 0 AND o.name = '高千穂町'"
    )
    if not rows:
        return
    engagement = str(rows[0]["id"])
    form = window.open_record("engagement", engagement)
    grab(form, out / "form-engagement.png", (900, 720))
    bar = form.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # its supporters, milestones, stakeholders, cases, 管理表
    grab(form, out / "form-engagement-children.png", (900, 720))
    view = ManagementTableView(window.records, window.drafts, engagement, window)
    month = view.month.findData("2025-11")
    view.month.setCurrentIndex(max(0, month))
    grab(view, out / "dialog-management-table-1366x768.png", (1366, 768))
    view.month.setCurrentIndex(0)
    grab(view, out / "dialog-management-table-all-1366x768.png", (1366, 768))
    view.reject()
    form.reject()
    window.resize(1366, 768)
    for kind_name in ("case", "comm_tool"):
        window.show_register(kind_name)
        window.show()
        QApplication.processEvents()
        finder = window.registers.panels.get(kind_name)
        if kind_name == "case" and finder is not None:  # the cases of 高鍋町's size
            finder.org.setCurrentIndex(
                max(0, finder.org.findText("高鍋町", Qt.MatchFlag.MatchStartsWith))
            )
        grab(window, out / f"register-{kind_name}-1366x768.png")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile")
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--out", default=None)
    parser.add_argument("--only", choices=("desk",), help="only the screens of one part")
    args = parser.parse_args()
    out = Path(args.out or ("docs/screens" if args.language == "ja" else "docs/screens/en"))
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from dxdesk.gui.translators import set_language

    # As the app starts: calendar popups and Qt's own buttons in the same language too.
    set_language(app, args.language)
    with tempfile.TemporaryDirectory() as tmp:
        paths = ProfilePaths(Path(args.profile)) if args.profile else demo_profile(Path(tmp))
        profile = open_profile(paths, Credentials(passphrase=DEMO_PASSPHRASE))
        try:
            from dxdesk.gui.mainwindow import MainWindow

            window = MainWindow(profile)
            if args.only == "desk":
                desk(window, out)
                table = window.show_register("goal")
                QApplication.processEvents()
                if table.model.rowCount():
                    table.view.setCurrentIndex(table.model.index(0, 0))
                grab(window, out / "register-goal-1366x768.png", (1366, 768))
                window.close()
                return 0
            target = next(
                b for b in window.overview.organisations(window.month) if b.name == "高千穂町"
            )
            for w, h in SIZES:
                window.resize(w, h)
                # The first page after unlocking, the deadline board and the registers.
                for key in ("home", "deadlines"):
                    window.show_global(key)
                    grab(window, out / f"global-{key}-{w}x{h}.png")
                for kind_name in ("meeting", "training", "goal", "submission"):
                    table = window.show_register(kind_name)
                    window.show()
                    QApplication.processEvents()  # the list fetches its first page when shown
                    if kind_name == "goal" and table.model.rowCount():
                        table.view.setCurrentIndex(table.model.index(0, 0))
                    grab(window, out / f"register-{kind_name}-{w}x{h}.png")
                window.select_org(target.org_id)
                # Shown even when the tree's item is current already (the second size): the
                # tree then says nothing and the search page of the first size stayed up.
                window.show_org(target.org_id)
                for tab in range(window.org_tabs.count()):
                    window.org_tabs.setCurrentIndex(tab)
                    grab(window, out / f"org-tab{tab}-{w}x{h}.png")
                for key in ("issues", "consultations", "hours", "progress"):
                    window.show_global(key)
                    grab(window, out / f"global-{key}-{w}x{h}.png")
                show_busiest_week(window)
                grab(window, out / f"global-week-{w}x{h}.png")
                window.search_box.setText("移行スケジュール")
                window.run_search()
                grab(window, out / f"search-{w}x{h}.png")
            cell = open_progress_cell(window)
            grab(cell, out / "dialog-progress-cell.png")
            cell.reject()
            form = window.open_form("visit")
            grab(form, out / "form-visit.png")
            # The systems picker open over the form, filtered as one types.
            systems = form.editors["systems"]
            systems.show_list()
            systems.filter.setText("住民")
            grab(systems.popup, out / "picker-systems.png")
            systems.popup.hide()
            form.reject()
            from dxdesk.gui.helpmenu import open_keyboard_list

            keys = open_keyboard_list(window)
            grab(keys, out / "dialog-keyboard.png")
            keys.reject()
            form = window.open_form("training")
            grab(form, out / "form-training.png")
            form.reject()
            dialogs(window, out)
            desk(window, out)
            progress_screens(window, out, Path(tmp))
            dx_support(window, out)
            window.close()
        finally:
            profile.close(backup=False)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
