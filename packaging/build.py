"""Build dxdesk as one folder for the OS this runs on (packaging/README.md).

    python packaging/build.py [--dist DIR] [--work DIR] [--font-dir DIR | --no-font] [--check]

1. compiles the English translation (.qm; a build product, never committed);
2. renders the icon from its SVG to PNG, ICO and ICNS (packaging/icons.py);
3. ships the Japanese font IPAexGothic with its licence (IPA Font License: redistributable
   with the licence text): the folder ``make setup`` fetched for the source install
   (packaging/font_source.py: one download, from PyPI, checked against pinned SHA-256s), fetched
   here if absent; ``--font-dir`` takes the two files from a folder instead (an offline build),
   and without either Debian's fonts-ipaexfont-gothic is used if installed;
4. runs PyInstaller on packaging/dxdesk.spec into DIST/dxdesk/ (programs ``dxdesk`` and
   ``dxdesk-gui``; on macOS also DIST/dxdesk.app);
5. writes DIST/dxdesk/LICENSES.txt: every bundled part, its licence and the licence texts,
   from the installed packages' metadata (services/about.py) and packaging/licenses/;
6. with ``--check``, runs the built ``dxdesk --self-test`` (offscreen where there is no screen).

It prints the folder's size. Run it with the project's venv Python (it must have PyInstaller:
``pip install -e .[dev]``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(PACKAGING))

from font_source import obtain_font  # noqa: E402  (packaging/font_source.py, shared with setup)


def _run(cmd: list[str], **kwargs: object) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def build_translations() -> None:
    _run([sys.executable, str(ROOT / "scripts" / "translations.py"), "build"])


def write_version_files(cache: Path) -> Path:
    """The version for the Windows installer (packaging/windows/dxdesk.iss includes it)."""
    from dxdesk import __version__

    path = cache / "version.iss"
    path.write_text(f'#define AppVersion "{__version__}"\n', encoding="utf-8")
    return path


def render_icons(out: Path) -> Path:
    from icons import render_all

    render_all(out)
    return out


def licences_text(parts: list[object], font_dir: Path | None) -> str:
    """LICENSES.txt: the list, then each part's licence texts."""
    import sysconfig

    from dxdesk import __version__
    from dxdesk.services.about import Component, licence_files

    texts_dir = PACKAGING / "licenses"
    native_texts: dict[str, list[Path]] = {
        "Python": [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"],
        "Qt": [texts_dir / "LGPL-3.0.txt", texts_dir / "GPL-3.0.txt"],
        "SQLCipher": [texts_dir / "SQLCipher.txt"],
        "SQLite": [texts_dir / "SQLite.txt"],
        "OpenSSL": [texts_dir / "Apache-2.0.txt"],
        "IPAexゴシック": [font_dir / "IPA_Font_License_Agreement_v1.0.txt"] if font_dir else [],
    }
    rule = "=" * 78
    lines = [
        f"dxdesk {__version__}: the software this folder contains and its licences",
        "",
        "dxdesk itself is under the MIT licence. The parts below are redistributed under their",
        "own licences, whose texts follow the list. Qt is used under the LGPL 3.0 as shared",
        "libraries (PySide6/Qt in this folder), which can be replaced by other builds of the",
        "same version.",
        "",
    ]
    components = [p for p in parts if isinstance(p, Component)]
    for c in components:
        note = f"  ({c.note})" if c.note else ""
        lines.append(f"  {c.name} {c.version}".rstrip() + f" — {c.licence}{note}")
    for c in components:
        lines += ["", rule, f"{c.name} {c.version}".rstrip() + f" — {c.licence}", rule, ""]
        found = [(n, t) for n, t in licence_files(c.name)]
        for path in native_texts.get(c.name, []):
            if path.is_file():
                found.append((path.name, path.read_text(encoding="utf-8", errors="replace")))
        if c.name == "dxdesk" and (ROOT / "LICENSE").is_file():
            found.insert(0, ("LICENSE", (ROOT / "LICENSE").read_text(encoding="utf-8")))
        if c.name == "PDFium":
            found.append(("", "Its licences are those listed under pypdfium2 above."))
        if not found:
            found.append(("", f"Licence: {c.licence}."))
        for name, text in found:
            if name:
                lines += [f"--- {name}", ""]
            lines += [text.rstrip(), ""]
    return "\n".join(lines) + "\n"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    fonts = parser.add_mutually_exclusive_group()
    fonts.add_argument("--font-dir", type=Path, help="a folder with ipaexg.ttf and its licence")
    fonts.add_argument("--no-font", action="store_true", help="ship no font")
    parser.add_argument("--check", action="store_true", help="run the built --self-test")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    cache = ROOT / "build" / "packaging"
    cache.mkdir(parents=True, exist_ok=True)
    build_translations()
    write_version_files(cache)
    icons = render_icons(cache / "icons")
    font_dir = None if args.no_font else obtain_font(cache, args.font_dir)
    listing = cache / "bundled.json"
    env = {
        **os.environ,
        "DXDESK_BUILD_ICONS": str(icons),
        "DXDESK_BUILD_FONT": str(font_dir or ""),
        "DXDESK_BUILD_LIST": str(listing),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }
    _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(args.work),
            str(PACKAGING / "dxdesk.spec"),
        ],
        env=env,
        cwd=ROOT,
    )
    import json

    from dxdesk.services.about import Component

    parts = [Component(**row) for row in json.loads(listing.read_text(encoding="utf-8"))]
    folder = args.dist / "dxdesk"
    text = licences_text(list(parts), font_dir)
    (folder / "LICENSES.txt").write_text(text, encoding="utf-8")
    app = args.dist / "dxdesk.app"
    if app.is_dir():
        (app / "Contents" / "Resources" / "LICENSES.txt").write_text(text, encoding="utf-8")
    size = folder_size(folder)
    print(f"built {folder} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
    if args.check:
        exe = folder / ("dxdesk.exe" if sys.platform == "win32" else "dxdesk")
        _run([str(exe), "--self-test"], env={**os.environ, **_headless()})
    return 0


def _headless() -> dict[str, str]:
    if sys.platform in ("win32", "darwin") or os.environ.get("DISPLAY"):
        return {}
    return {"QT_QPA_PLATFORM": "offscreen"}


if __name__ == "__main__":
    sys.exit(main())
