"""The user manual: screenshots from a demo profile, then the PDF (``make manual``).

    QT_QPA_PLATFORM=offscreen python scripts/manual.py [--profile DIR] [--pdf OUT.pdf]

Every screenshot the manual names (docs/manual/*.md, ``![…](screens/NAME.png)``) is made here
from a demo profile, so none goes stale; tests/docs/test_manual.py checks that the manual names
only shots of SHOTS and that each exists. The window is 1366x768, a common municipal laptop.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # screens.py: the demo profile and shared shots
OUT = ROOT / "docs" / "manual" / "screens"
SIZE = (1366, 768)


def _settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _grab(widget: Any, path: Path, size: tuple[int, int] | None = None) -> None:
    if size:
        widget.resize(*size)
    widget.show()
    _settle()
    widget.grab().save(str(path))
    print(path)


def _global(key: str) -> Callable[[Any, Path], None]:
    def shot(window: Any, path: Path) -> None:
        window.resize(*SIZE)
        window.show_global(key)
        _grab(window, path)

    return shot


def _week(window: Any, path: Path) -> None:
    from screens import show_busiest_week

    window.resize(*SIZE)
    show_busiest_week(window)
    _grab(window, path)


def _visit_form(window: Any, path: Path) -> None:
    form = window.open_form("visit")
    _grab(form, path)
    form.reject()


def _progress_cell(window: Any, path: Path) -> None:
    from screens import open_progress_cell

    window.show_global("progress")
    cell = open_progress_cell(window)
    _grab(cell, path)
    cell.reject()


def _documents(window: Any, path: Path) -> None:
    from dxdesk.gui.documents import DocumentDialog

    dialog = DocumentDialog(
        window.profile, window.records, window, kind="hearing-sheet", month=window.month
    )
    _grab(dialog, path)
    dialog.reject()


def _dialog(name: str) -> Callable[[Any, Path], None]:
    def shot(window: Any, path: Path) -> None:
        from dxdesk.gui import sync

        dialog = getattr(sync, name)(window.profile, window)
        _grab(dialog, path)
        dialog.reject()

    return shot


def _conflicts(window: Any, path: Path) -> None:
    view = window.open_conflicts()
    dialog = view.parent()
    _grab(dialog, path)
    dialog.reject()


def _register(kind_name: str) -> Callable[[Any, Path], None]:
    def shot(window: Any, path: Path) -> None:
        window.resize(*SIZE)
        window.show_register(kind_name)
        _grab(window, path)

    return shot


# name -> how to make it. The manual may name only these.
SHOTS: dict[str, Callable[[Any, Path], None]] = {
    "home": _global("home"),
    "form-visit": _visit_form,
    "week": _week,
    "progress": _global("progress"),
    "progress-cell": _progress_cell,
    "documents": _documents,
    "devices": _dialog("DevicesDialog"),
    "import": _dialog("ImportDialog"),
    "conflicts": _conflicts,
    "deadlines": _global("deadlines"),
    "register-meeting": _register("meeting"),
}


def make_screens(profile_dir: Path | None, out: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from screens import DEMO_PASSPHRASE, demo_profile

    from dxdesk.gui.translators import set_language
    from dxdesk.paths import ProfilePaths
    from dxdesk.services.profile import Credentials, open_profile

    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_language(app, "ja")  # as the app starts: Qt's own buttons and calendars in Japanese too
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = ProfilePaths(profile_dir) if profile_dir else demo_profile(Path(tmp))
        profile = open_profile(paths, Credentials(passphrase=DEMO_PASSPHRASE))
        try:
            from dxdesk.gui.mainwindow import MainWindow

            window = MainWindow(profile)
            for name, shot in SHOTS.items():
                shot(window, out / f"{name}.png")
            window.close()
        finally:
            profile.close(backup=False)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--pdf", type=Path, default=ROOT / "build" / "dxdesk-manual.pdf")
    args = parser.parse_args()
    make_screens(args.profile, args.out)
    from dxdesk.services import manual

    args.pdf.parent.mkdir(parents=True, exist_ok=True)
    built = manual.save(args.pdf)
    print(f"{args.pdf}: {built.pages} pages")
    if built.missing_images:
        print("missing screenshots: " + ", ".join(built.missing_images), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
