"""What the build keeps (packaging/bundle_rules.py) and that the installers of the three systems
agree with the app on the two file types and the window's program."""

from __future__ import annotations

import plistlib
import re
import sys
from pathlib import Path

import pytest

from dxdesk import __version__
from dxdesk.gui.fileopen import OPENED_SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import bundle_rules  # noqa: E402


@pytest.mark.parametrize(
    ("dest", "platform", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
        ("PySide6\\plugins\\imageformats\\qjpeg.dll", "win32", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", "linux", False),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "linux",
            True,
        ),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "linux", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "linux", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
        ("PySide6/Qt/translations/qtbase_ja.qm", "linux", True),
        ("PySide6/Qt/translations/qt_help_ja.qm", "linux", False),
        ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "linux", True),
        ("PySide6/Qt/qml/QtQuick/qmldir", "linux", False),
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", "linux", True),
    ],
)
def test_qt_parts_kept(dest: str, platform: str, kept: bool) -> None:
    assert bundle_rules.keep_qt_file(dest, platform) is kept


def test_every_data_file_of_the_app_is_bundled() -> None:
    package = ROOT / "src" / "dxdesk"
    files = bundle_rules.app_data_files(package)
    names = {Path(src).relative_to(package).as_posix() for src, _dest in files}
    sql = {p.relative_to(package).as_posix() for p in (package / "store/migrations").glob("*.sql")}
    assert sql and sql <= names
    for resource in ("resources/municipalities.csv", "resources/calendar.json"):
        assert resource in names
    assert "resources/hearing_checklist.txt" in names and "resources/icons/dxdesk.svg" in names
    assert not any(n.endswith((".py", ".ts", ".pyc")) for n in names)
    # the fetched PDF font comes in through the spec (or not, with --no-font), never as data
    assert not any(n.startswith("resources/fonts/") for n in names)
    for src, dest in files:
        assert dest == Path(src).parent.relative_to(package.parent).as_posix()


def _types_in(text: str) -> set[str]:
    return set(re.findall(r"\*(\.[a-z]+)", text)) | set(re.findall(r'"(\.[a-z]+)', text))


def test_the_installers_register_the_files_the_window_opens() -> None:
    wanted = set(OPENED_SUFFIXES)
    iss = (PACKAGING / "windows" / "dxdesk.iss").read_text(encoding="utf-8")
    registered = set(re.findall(r'Software\\Classes\\(\.[a-z]+)"', iss))
    assert registered == wanted
    assert iss.count('"""{app}\\dxdesk-gui.exe"" ""%1"""') == len(wanted)
    assert "PrivilegesRequired=lowest" in iss
    # The version is not written in the script: build.py writes the file it includes.
    assert '#include "..\\..\\build\\packaging\\version.iss"' in iss
    assert not re.search(r"\d+\.\d+\.\d+", iss)
    mime = (PACKAGING / "linux" / "dxdesk-mime.xml").read_text(encoding="utf-8")
    assert _types_in(mime) == wanted
    desktop = (PACKAGING / "linux" / "dxdesk.desktop").read_text(encoding="utf-8")
    declared = re.search(r"^MimeType=(.*)$", desktop, re.M)
    assert declared is not None
    assert set(filter(None, declared.group(1).split(";"))) == set(
        re.findall(r'mime-type type="([^"]+)"', mime)
    )
    assert re.search(r"^Exec=\S*/dxdesk-gui %f$", desktop, re.M)
    plist = plistlib.loads(bundle_rules.plist_bytes(__version__))
    extensions = {
        "." + ext
        for t in plist["UTExportedTypeDeclarations"]
        for ext in t["UTTypeTagSpecification"]["public.filename-extension"]
    }
    assert extensions == wanted
    assert plist["CFBundleShortVersionString"] == __version__


def test_the_window_program_is_a_gui_script() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"]["dxdesk-gui"] == "dxdesk.gui.app:entry"
    launch = (PACKAGING / "launch.py").read_text(encoding="utf-8")
    assert "from dxdesk.gui.app import entry" in launch
    spec = (PACKAGING / "dxdesk.spec").read_text(encoding="utf-8")
    assert '("dxdesk-gui", False)' in spec  # no console window on Windows


def test_the_manual_goes_where_the_app_looks_for_it() -> None:
    from dxdesk.services.manual import CANDIDATES

    root = Path(__file__).resolve().parents[2]
    files = bundle_rules.manual_files(root / "docs" / "manual")
    dests = {Path(src).name: dest for src, dest in files}
    assert dests["01-first-start.md"] == "dxdesk/resources/manual"
    assert dests["home.png"] == "dxdesk/resources/manual/screens"
    assert "README.md" in dests  # harmless: chapters are only the numbered files
    # The first place services/manual.py looks is that folder of the installed package.
    assert CANDIDATES[0].as_posix().endswith("dxdesk/resources/manual")
