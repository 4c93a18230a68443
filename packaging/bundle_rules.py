"""What goes into the built app: the rules packaging/dxdesk.spec applies, kept here to be tested.

PySide6's PyInstaller hooks collect every plugin and translation of the Qt modules imported;
most are for other kinds of program (embedded screens, QML, networking, image formats never
read). ``keep_qt_file`` keeps the ones a desktop records app uses, per OS:

* platforms: the desktop's own (windows, cocoa, xcb and wayland) and offscreen (the self-test
  and CI run the built binary without a screen);
* platformthemes (native file dialogs on Linux), platforminputcontexts (ibus and compose: the
  Japanese input method on Linux; not the virtual keyboard), printsupport (CUPS printing);
* imageformats: svg (icons in the file dialogs and themes) and ico (Windows icons) only; the app
  draws PNG (built into QtGui) and reads no photographs;
* iconengines: svg icons; xcbglintegrations and the wayland client plugins a desktop needs;
* translations: qtbase in Japanese and English, the two languages of the window.
"""

from __future__ import annotations

import plistlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from font_source import FONT_FILES  # noqa: F401  (the shipped font and its licence)

MAC_BUNDLE_ID = "jp.dxdesk.app"  # see packaging/macos/README.md
# The source install's fetched font (packaging/font_source.py): the spec adds it from the
# folder build.py chose (or not at all with --no-font), never as an ordinary data file.
FONTS_DIR = PurePosixPath("dxdesk/resources/fonts")
# Data files of the app itself, by suffix: the rest of src/dxdesk is code or sources.
APP_DATA_SUFFIXES = {".sql", ".csv", ".json", ".txt", ".svg", ".qm"}

# Never imported by the app, but reachable through optional imports of what it uses.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pip",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pytest",
    "hypothesis",
    "IPython",
    "matplotlib",
    "numpy",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtPdf",
]

QT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qwindows", "qcocoa", "qxcb", "qwayland", "qoffscreen"},
    "platformthemes": None,  # all: gtk3, xdgdesktopportal (Linux only)
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "printsupport": None,
    "imageformats": {"qsvg", "qico"},
    "iconengines": {"qsvgicon"},
    "xcbglintegrations": None,
    "styles": None,  # Windows 11 and macOS styles
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": {"qt-plugin-wayland-egl"},
}
QT_TRANSLATIONS = {"qtbase_ja.qm", "qtbase_en.qm"}
# Qt libraries that only the plugins left out use (checked with readelf on a Linux build).
QT_UNUSED_LIBRARIES = (
    "Qt6Network",
    "Qt6EglFSDeviceIntegration",
    "Qt6EglFsKmsSupport",
    "Qt6WlShellIntegration",
)


def _plugin_name(file_name: str) -> str:
    stem = file_name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(dest: str, platform: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in the build."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if parts and parts[0] == "PySide6" and any(lib in parts[-1] for lib in QT_UNUSED_LIBRARIES):
        return False
    if len(parts) >= 4 and parts[0] == "PySide6" and parts[1] == "Qt":
        if parts[2] == "plugins" and len(parts) >= 5:
            allowed = QT_PLUGINS.get(parts[3], set())
            return allowed is None or _plugin_name(parts[-1]) in allowed
        if parts[2] == "translations":
            return parts[-1] in QT_TRANSLATIONS
        if parts[2] == "qml":
            return False
    # On Windows the plugins sit under PySide6/plugins/ (no Qt/ level).
    if len(parts) >= 4 and parts[0] == "PySide6" and parts[1] == "plugins":
        allowed = QT_PLUGINS.get(parts[2], set())
        return allowed is None or _plugin_name(parts[-1]) in allowed
    if len(parts) >= 3 and parts[0] == "PySide6" and parts[1] == "translations":
        return parts[-1] in QT_TRANSLATIONS
    return True


def app_data_files(package_dir: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) of every data file of the dxdesk package."""
    out: list[tuple[str, str]] = []
    for path in sorted(package_dir.rglob("*")):
        if path.is_file() and path.suffix in APP_DATA_SUFFIXES and "__pycache__" not in path.parts:
            relative = PurePosixPath(path.parent.relative_to(package_dir.parent).as_posix())
            if relative == FONTS_DIR or FONTS_DIR in relative.parents:
                continue
            out.append((str(path), relative.as_posix()))
    return out


def manual_files(manual_dir: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) of the user manual (docs/manual: its Markdown and
    screenshots), placed where services/manual.py looks first: dxdesk/resources/manual."""
    out: list[tuple[str, str]] = []
    for path in sorted(manual_dir.rglob("*")):
        if path.is_file() and path.suffix in (".md", ".png"):
            relative = path.parent.relative_to(manual_dir).as_posix()
            dest = "dxdesk/resources/manual" + ("" if relative == "." else f"/{relative}")
            out.append((str(path), dest))
    return out


def _top_names(entries: Iterable[Sequence[Any]]) -> set[str]:
    names: set[str] = set()
    for entry in entries:
        dest = str(entry[0]).replace("\\", "/")
        first = re.split(r"[./]", dest, maxsplit=1)[0]
        names.add(first)
        names.add(dest.split("/", 1)[0])
    return names


def bundled_components(
    pure: Iterable[Sequence[Any]],
    binaries: Iterable[Sequence[Any]],
    datas: Iterable[Sequence[Any]],
    *,
    with_font: bool,
) -> list[Any]:
    """The installed distributions whose modules the build holds, and the native parts."""
    from importlib.metadata import packages_distributions

    from dxdesk.services.about import FONT_PART, installed_components, native_parts

    held = _top_names(pure) | _top_names(binaries) | _top_names(datas)
    providers = packages_distributions()
    bundled_dists = {
        re.sub(r"[-_.]+", "-", dist).lower()
        for top, dists in providers.items()
        if top in held
        for dist in dists
    }
    parts = [
        c
        for c in installed_components()
        if c.name == "dxdesk" or re.sub(r"[-_.]+", "-", c.name).lower() in bundled_dists
    ]
    return [*parts, *native_parts(), *([FONT_PART] if with_font else [])]


def mac_info_plist(version: str) -> dict[str, Any]:
    """Info.plist additions: the document types a Finder double-click opens with dxdesk."""
    return {
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "14.0",  # PySide6 6.8+ wheels need macOS 14 (STACK.md)
        "NSHighResolutionCapable": True,
        "CFBundleDevelopmentRegion": "ja",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "dxdesk bundle",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [f"{MAC_BUNDLE_ID}.bundle"],
            },
            {
                "CFBundleTypeName": "dxdesk enrolment",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [f"{MAC_BUNDLE_ID}.enrolment"],
            },
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": f"{MAC_BUNDLE_ID}.bundle",
                "UTTypeDescription": "dxdesk bundle",
                "UTTypeConformsTo": ["public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": ["dxb"]},
            },
            {
                "UTTypeIdentifier": f"{MAC_BUNDLE_ID}.enrolment",
                "UTTypeDescription": "dxdesk enrolment",
                "UTTypeConformsTo": ["public.data"],
                "UTTypeTagSpecification": {"public.filename-extension": ["dxenrol"]},
            },
        ],
    }


def plist_bytes(version: str) -> bytes:
    """The additions as an XML plist (for a look, and the tests)."""
    return plistlib.dumps(mac_info_plist(version))
