"""ヘルプ > dxdesk について: the one version, and every shipped part with its licence; the icon
drawn from its SVG at every size the platforms want."""

from __future__ import annotations

import io
import struct
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtWidgets import QLabel, QMenu
from pytestqt.qtbot import QtBot

from dxdesk import __version__
from dxdesk.gui.about import AboutDialog
from dxdesk.gui.icon import WINDOW_SIZES, app_icon, icon_source, render
from dxdesk.gui.mainwindow import MainWindow
from dxdesk.services.profile import Profile

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import icons  # noqa: E402  (packaging/icons.py)


def test_the_help_menu_opens_about_with_the_version(qtbot: QtBot, profile: Profile) -> None:
    window = MainWindow(profile)
    qtbot.addWidget(window)
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    assert isinstance(menus[-1], QMenu) and menus[-1].objectName() == "helpMenu"
    [about] = [a for a in menus[-1].actions() if a.objectName() == "openAbout"]
    about.trigger()
    [dialog] = window.findChildren(AboutDialog)
    qtbot.addWidget(dialog)
    rows = {
        dialog.table.item(r, 0).text(): (
            dialog.table.item(r, 1).text(),
            dialog.table.item(r, 2).text(),
        )
        for r in range(dialog.table.rowCount())
    }
    assert rows["dxdesk"] == (__version__, "MIT")
    assert rows["Qt"][1] == "LGPL-3.0-only"
    assert "LGPL-3.0-only" in rows["PySide6_Essentials"][1]
    for part in ("sqlcipher3", "SQLCipher", "cryptography", "reportlab", "Python"):
        assert part in rows and rows[part][1], part


def test_about_names_the_version_from_the_one_place(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    title = dialog.findChild(QLabel, "aboutVersion")
    assert title is not None and title.text() == f"dxdesk {__version__}"
    # From a source tree there is no LICENSES.txt to open, and the dialog says where texts are.
    assert dialog.licences is None
    assert any("dist-info" in label.text() for label in dialog.findChildren(QLabel))


def test_the_icon_renders_at_every_window_size(qtbot: QtBot) -> None:
    assert icon_source().suffix == ".svg"
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(WINDOW_SIZES)
    small = render(16)
    # Not blank: the indigo tile and the white sheet both show at 16 px.
    colours = {small.pixelColor(x, y).name() for x in range(16) for y in range(16)}
    assert len(colours) > 10


def test_the_build_icons_are_real_ico_and_icns_files(qtbot: QtBot, tmp_path: Path) -> None:
    written = icons.render_all(tmp_path)
    for size, path in written.items():
        with Image.open(path) as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(tmp_path / "dxdesk.ico") as ico:
        assert {s[0] for s in ico.info["sizes"]} == set(icons.ICO_SIZES)
    data = (tmp_path / "dxdesk.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    with Image.open(io.BytesIO(data)) as icns:
        assert icns.size[0] >= 512
