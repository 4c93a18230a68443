"""The Japanese TrueType font the PDFs embed when the computer has none (a Mac, a bare Linux).

    python packaging/font_source.py [--target DIR]

IPAexGothic with its licence (IPA Font License: redistributable with the licence text), taken
from the japanize-matplotlib 1.1.3 source archive on PyPI (pip, no install: only the two files)
and checked against the SHA-256s below. One function, :func:`fetch_font`, serves both:

* a source install: ``make setup`` runs this file, which writes the two files into
  ``src/dxdesk/resources/fonts/`` (ignored by git, never committed; shipped in a wheel), the
  folder the app's font discovery searches after the system's fonts (``reports/fonts.py``) and
  whose font ヘルプ > dxdesk について lists (``services/about.py``);
* the installers: ``packaging/build.py`` ships the same folder (fetched once for both).

Stdlib only. When the download fails (no network) it says so in one sentence and exits 0:
``scripts/preflight.py`` then tells whether a system font can stand in.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where the app looks for the font it ships (dxdesk.reports.fonts.BUNDLED_FONTS).
APP_FONTS = ROOT / "src" / "dxdesk" / "resources" / "fonts"

FONT_SDIST = "japanize-matplotlib==1.1.3"
FONT_MEMBER_DIR = "japanize-matplotlib-1.1.3/japanize_matplotlib/fonts/"
# The font, then its licence: the two files shipped together.
FONT_SHA256 = {
    "ipaexg.ttf": "6726fb3c804e3fbc3ff5f45eddfd2fb1a858c2b1e03d3f1d8619bbca8d0a0ccd",
    "IPA_Font_License_Agreement_v1.0.txt": (
        "4c84dd528ec3044638ec346fc1ee27cd1eb95dfc04cbc6a881b3ca7a7f517e54"
    ),
}
FONT_FILES = tuple(FONT_SHA256)
DEBIAN_FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
DEBIAN_LICENCE = Path("/usr/share/doc/fonts-ipaexfont-gothic/copyright")  # holds the IPA text


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_fetched(target: Path) -> bool:
    """Both files are in ``target`` with their pinned contents."""
    return all((target / n).is_file() and _sha256(target / n) == h for n, h in FONT_SHA256.items())


def fetch_font(target: Path = APP_FONTS, python: str = sys.executable) -> Path:
    """The two files in ``target``, downloaded once (pip, from the pinned source archive)."""
    if is_fetched(target):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [python, "-m", "pip", "download", FONT_SDIST, "--no-deps", "--no-binary", ":all:"]
        cmd += ["--quiet", "-d", tmp]
        print("+", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
        [archive] = Path(tmp).glob("*.tar.gz")
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            for name in FONT_FILES:
                member = tar.extractfile(FONT_MEMBER_DIR + name)
                if member is None:
                    raise ValueError(f"{name} is not in {archive.name}")
                (target / name).write_bytes(member.read())
    for name, expected in FONT_SHA256.items():
        if _sha256(target / name) != expected:
            (target / name).unlink()
            raise ValueError(f"{name} from {FONT_SDIST} does not match its pinned SHA-256")
    return target


def obtain_font(cache: Path, font_dir: Path | None = None, target: Path = APP_FONTS) -> Path:
    """The folder to ship: ``font_dir`` if given, else :func:`fetch_font` into ``target`` (the
    source install's folder: fetched once for both), else (no network) a copy of Debian's
    fonts-ipaexfont-gothic, when installed, in ``cache``."""
    if font_dir is not None:
        missing = [n for n in FONT_FILES if not (font_dir / n).is_file()]
        if missing:
            raise SystemExit(f"--font-dir {font_dir} lacks {', '.join(missing)}")
        return font_dir
    try:
        return fetch_font(target)
    except (subprocess.CalledProcessError, OSError, ValueError) as exc:
        if not (DEBIAN_FONT.is_file() and DEBIAN_LICENCE.is_file()):
            raise SystemExit(
                f"the font could not be fetched ({exc}); give --font-dir or --no-font"
            ) from exc
        print(f"font: {FONT_SDIST} unavailable ({exc}); using Debian's fonts-ipaexfont-gothic")
        copy = cache / "font-debian"
        copy.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DEBIAN_FONT, copy / FONT_FILES[0])
        shutil.copyfile(DEBIAN_LICENCE, copy / FONT_FILES[1])
        return copy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=Path, default=APP_FONTS)
    args = parser.parse_args(argv)
    try:
        fetch_font(args.target)
    except (subprocess.CalledProcessError, OSError, ValueError) as exc:
        print(
            f"PDF 用の日本語フォント（IPAexゴシック）を取得できませんでした（{exc}）。"
            f"ネットワークにつないで `{Path(sys.executable).name} packaging/font_source.py` を"
            "再実行してください / the Japanese font for the PDFs (IPAexGothic) could not be "
            "fetched: connect to the network and run this again.",
            file=sys.stderr,
        )
        return 0
    print(f"font: IPAexGothic and its licence in {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
