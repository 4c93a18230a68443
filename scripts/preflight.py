"""What this computer lacks for the README's commands, said before anything fails.

    python scripts/preflight.py setup   # make setup, before the venv: Python and its venv module
    python scripts/preflight.py run     # make run: + the X11 libraries Qt needs, a PDF font
    python scripts/preflight.py test    # make test: + a PDF font, poppler and age

Each missing thing is named in one sentence, Japanese then English, with the exact command that
installs it on this system (apt-get on Debian/Ubuntu, brew on macOS, winget on Windows), and the
script exits 1 before anything else runs. Stdlib only, and still readable by an old Python, so
that it can say "Python 3.11 以降が必要です" instead of failing itself.

The decision is :func:`missing` over a :class:`Facts` of what was found; :func:`probe` gathers
the facts on this computer (tests give ``missing`` facts of their own). Qt's own message for a
missing X11 library names only libxcb-cursor0 whatever is missing; here every library the xcb
platform plugin loads is looked up (``ctypes.util.find_library``, which reads ``ldconfig -p``),
only when a display is set and Qt is not told to run offscreen. The PDF font counts when the
app's own discovery finds one (``dxdesk.reports.fonts``; after set-up it includes the font
``packaging/font_source.py`` fetched), or, before the app is installed, when that fetched font
is there.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("setup", "run", "test")

# Library names (as ctypes.util.find_library takes them) the xcb platform plugin of the PySide6
# wheel loads (ldd of libQt6XcbQpa.so.6), with the Debian/Ubuntu package of each.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb", "libxcb1"),
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-render", "libxcb-render0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-shm", "libxcb-shm0"),
    ("xcb-sync", "libxcb-sync1"),
    ("xcb-util", "libxcb-util1"),
    ("xcb-xfixes", "libxcb-xfixes0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("X11-xcb", "libx11-xcb1"),
    ("xkbcommon", "libxkbcommon0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("GL", "libgl1"),
    ("EGL", "libegl1"),
    ("fontconfig", "libfontconfig1"),
)
# The outside programs the tests run, by package: the tests' require-tools helper
# (tests/tools.py) names the same commands.
TOOLS: dict[str, tuple[str, ...]] = {"poppler": ("pdftotext", "pdftoppm"), "age": ("age",)}
INSTALL: dict[str, dict[str, str]] = {
    # what -> system -> the command (Windows: winget, from PowerShell)
    "poppler": {
        "debian": "apt-get install poppler-utils",
        "macos": "brew install poppler",
        "windows": "winget install --id oschwartz10612.Poppler",
    },
    "age": {
        "debian": "apt-get install age",
        "macos": "brew install age",
        "windows": "winget install --id FiloSottile.age",
    },
    "font": {
        "debian": "apt-get install fonts-ipaexfont-gothic",
        "macos": "brew install --cask font-ipaexfont",
        "windows": "python packaging\\font_source.py",
    },
    "font-mincho": {  # a second family some tests choose by name
        "debian": "apt-get install fonts-ipaexfont-mincho",
        "macos": "brew install --cask font-ipaexfont",
    },
    "python": {
        "debian": "apt-get install python3.{minor} python3.{minor}-venv",
        "macos": "brew install python@3.{minor}",
        "windows": "winget install --id Python.Python.3.{minor}",
    },
    "venv": {"debian": "apt-get install python3.{have}-venv"},
}
# Where a package manager has no package for it: the download page.
PAGES = {
    "poppler": "https://poppler.freedesktop.org/",
    "age": "https://github.com/FiloSottile/age/releases",
    "python": "https://www.python.org/downloads/",
    "font": "https://moji.or.jp/ipafont/",
}
WHAT = {
    # what -> (Japanese, English) naming what it is for
    "python": (
        "この Python は 3.{have} で、Python 3.{minor} 以降",
        "Python 3.{minor} or newer (this one is 3.{have})",
    ),
    "venv": ("Python の venv モジュール（ensurepip）", "Python's venv module (ensurepip)"),
    "xcb": (
        "画面の表示に Qt が使う X11 のライブラリ（{libs}）",
        "the X11 libraries Qt needs to open the window ({libs})",
    ),
    "font": (
        "PDF に埋め込める日本語 TrueType フォント",
        "a Japanese TrueType font to embed in the PDFs",
    ),
    "poppler": (
        "テストが PDF を読み返す poppler（pdftotext, pdftoppm）",
        "poppler (pdftotext, pdftoppm), with which the tests read the PDFs back",
    ),
    "age": (
        "テストがバンドルを照合する age コマンド",
        "the age command, against which the tests check the bundles",
    ),
}


PLURAL = {"xcb"}


@dataclass
class Facts:
    """What was found on this computer; :func:`probe` fills it, tests make their own."""

    system: str  # "debian", "linux" (another distribution), "macos" or "windows"
    python: tuple[int, int]
    required: tuple[int, int]  # pyproject's requires-python lower bound
    has_venv: bool = True
    display: bool = False  # a display is set and Qt is not told to run without one
    library: Callable[[str], str | None] = lambda name: name  # ctypes.util.find_library
    which: Callable[[str], str | None] = lambda name: name  # shutil.which
    font: bool = True
    root: bool = False  # no sudo in the commands (CI, a container)


@dataclass
class Missing:
    what: str
    sentence: str
    packages: list[str] = field(default_factory=list)  # Debian packages (xcb), for one command


def required_python(pyproject: Path = ROOT / "pyproject.toml") -> tuple[int, int]:
    text = pyproject.read_text(encoding="utf-8")
    match = re.search(r'requires-python\s*=\s*"\s*>=\s*(\d+)\.(\d+)', text)
    if match is None:
        raise SystemExit("pyproject.toml has no requires-python >= X.Y")
    return int(match.group(1)), int(match.group(2))


DISTRIBUTION = "distribution"  # no command known here: the distribution's own packages


def how_to_get(what: str, facts: Facts, **names: str) -> str:
    """The install command for ``what`` on this system, else its download page, else
    :data:`DISTRIBUTION`."""
    template = INSTALL.get(what, {}).get(facts.system)
    if template is None:
        return DISTRIBUTION if facts.system == "linux" else PAGES.get(what, DISTRIBUTION)
    command = template.format(**names)
    if facts.system == "debian" and not facts.root:
        command = "sudo " + command
    return command


def sentence(what: str, how: str, **names: str) -> str:
    """One line: what is missing and how to get it, in Japanese, then the same in English."""
    ja, en = (text.format(**names) for text in WHAT[what])
    en += " are missing: install them" if what in PLURAL else " is missing: install it"
    if how == DISTRIBUTION:
        return (
            f"{ja}がないため、お使いのディストリビューションのパッケージでインストールしてください"
            f" / {en} from your distribution's packages."
        )
    if how.startswith("https://"):
        return f"{ja}がないため、{how} から入手してください / {en} from {how}."
    if what == "python" and names.get("then"):
        then = names["then"]
        return (
            f"{ja}がないため、`{how}` でインストールし、`{then}` で実行してください"
            f" / {en} with `{how}`, then run `{then}`."
        )
    return f"{ja}がないため、`{how}` でインストールしてください / {en} with `{how}`."


def missing(facts: Facts, stage: str) -> list[Missing]:
    """What ``stage`` needs that ``facts`` lack, in the order to fix them."""
    if stage not in STAGES:
        raise ValueError(stage)
    out: list[Missing] = []
    names = {"minor": str(facts.required[1]), "have": str(facts.python[1])}
    if facts.python < facts.required:
        how = how_to_get("python", facts, **names)
        then = "" if facts.system == "windows" else f"make PYTHON=python3.{names['minor']} …"
        out.append(Missing("python", sentence("python", how, then=then, **names)))
        return out  # nothing else is worth checking with the wrong Python
    if stage == "setup" and not facts.has_venv:
        out.append(Missing("venv", sentence("venv", how_to_get("venv", facts, **names))))
    if stage == "run" and facts.display and facts.system in ("debian", "linux"):
        packages = [pkg for lib, pkg in XCB_LIBRARIES if facts.library(lib) is None]
        if packages:
            how = DISTRIBUTION
            if facts.system == "debian":
                how = ("" if facts.root else "sudo ") + "apt-get install " + " ".join(packages)
            out.append(Missing("xcb", sentence("xcb", how, libs=", ".join(packages)), packages))
    if stage in ("run", "test") and not facts.font:
        out.append(Missing("font", sentence("font", how_to_get("font", facts))))
    if stage == "test":
        for what, commands in TOOLS.items():
            if any(facts.which(c) is None for c in commands):
                out.append(Missing(what, sentence(what, how_to_get(what, facts))))
    return out


def _system() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    if Path("/etc/debian_version").is_file() or shutil.which("apt-get"):
        return "debian"
    return "linux"


def _display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False  # offscreen, minimal, wayland: no X11 libraries needed
    return bool(os.environ.get("DISPLAY"))


def _font_found() -> bool:
    """The app's discovery (once dxdesk is installed), else the font set-up fetched."""
    sys.path.insert(0, str(ROOT / "src"))
    try:
        if importlib.util.find_spec("reportlab") is not None:
            from dxdesk.errors import UserError
            from dxdesk.reports.fonts import find_font

            try:
                find_font()
            except UserError:
                return False
            return True
    finally:
        sys.path.remove(str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from font_source import APP_FONTS, is_fetched

        return bool(is_fetched(APP_FONTS))
    finally:
        sys.path.remove(str(ROOT / "packaging"))


def probe(stage: str) -> Facts:
    geteuid = getattr(os, "geteuid", None)
    return Facts(
        system=_system(),
        python=(sys.version_info[0], sys.version_info[1]),
        required=required_python(),
        has_venv=importlib.util.find_spec("ensurepip") is not None,
        display=sys.platform.startswith("linux") and _display(),
        library=ctypes.util.find_library,
        which=shutil.which,
        font=_font_found() if stage in ("run", "test") else True,
        root=geteuid is not None and geteuid() == 0,
    )


def install_hint(what: str) -> str:
    """How to get ``what`` (a key of :data:`INSTALL`) on this computer, for the tests' one-line
    skip reasons (tests/tools.py)."""
    geteuid = getattr(os, "geteuid", None)
    here = Facts(
        system=_system(),
        python=(sys.version_info[0], sys.version_info[1]),
        required=required_python(),
        root=geteuid is not None and geteuid() == 0,
    )
    return how_to_get(what, here)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    stage = args[0] if args else "setup"
    if stage not in STAGES:
        print(f"usage: preflight.py {'|'.join(STAGES)}", file=sys.stderr)
        return 2
    found = missing(probe(stage), stage)
    for item in found:
        print(item.sentence, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
