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


def dialogs(window: Any, out: Path) -> None:
    """The dialogs a user meets besides forms: settings, documents and preview, bundles."""
    from dxdesk.gui.documents import DocumentDialog
    from dxdesk.gui.settings_dialog import SettingsDialog
    from dxdesk.gui.sync import DevicesDialog, ImportDialog

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
    ):
        grab(dialog, out / name)
        dialog.reject()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile")
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--out", default=None)
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
            # A cell of the progress matrix: 国富町's 住民記録 (migrating, go-live after the deadline).
            view = window.progress_view()
            model = view.model
            row = next(
                r
                for r in range(model.rowCount())
                if model.headerData(r, Qt.Orientation.Vertical) == "国富町"
            )
            cell = view.open_cell(model.index(row, 1))
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
            window.close()
        finally:
            profile.close(backup=False)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
