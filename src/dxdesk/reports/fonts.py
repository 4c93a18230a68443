"""Japanese TrueType fonts for the PDF documents: find one, register it, embed a subset.

Usage::

    from dxdesk.reports.fonts import register_fonts
    fonts = register_fonts(settings.pdf_font)   # cached; raises UserError("font_missing")
    style.fontName = fonts.regular              # or fonts.bold

reportlab embeds only TrueType-outline fonts (it refuses CFF fonts such as Noto Sans CJK or
Hiragino), always as a subset. Search order: ``settings.pdf_font`` (a family name from the list
below, or a font file path, optionally ``path#N`` for the N-th font of a .ttc), then BIZ UDGothic,
BIZ UDMincho, IPAexGothic, IPAexMincho, then the Windows collections MS Gothic, Yu Gothic and
Meiryo. The folders searched are the OS font folders of Windows, macOS and Linux, plus the
``<dir>`` entries of fontconfig's configuration, and last the folder the app ships
(``dxdesk/resources/fonts``: IPAexGothic with its licence, fetched from PyPI by
packaging/font_source.py, which ``make setup`` runs for a source install and packaging/build.py
for an installer), so a Mac, which has no embeddable Japanese font of its own, or a bare Linux
still prints. A system font of a family wins over the shipped copy. No font file is ever
committed to the project.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from dxdesk.errors import UserError

__all__ = [
    "CANDIDATES",
    "FontCandidate",
    "RegisteredFonts",
    "available_families",
    "find_font",
    "font_dirs",
    "register_fonts",
]

log = logging.getLogger("dxdesk.reports")

# The font the app ships: filled by packaging/font_source.py (``make setup``) in a source tree
# and by packaging/build.py in a built app; absent (so skipped) until then.
BUNDLED_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"

# What the error message asks the user to install.
INSTALL_HINT = "BIZ UDゴシック（Windows 10 以降に標準搭載）または IPAexゴシック"


@dataclass(frozen=True)
class FontCandidate:
    """A font family and the files (with .ttc subfont index) its regular and bold weights use."""

    family: str
    regular: tuple[tuple[str, int], ...]  # (file name, subfont index), first found wins
    bold: tuple[tuple[str, int], ...] = ()
    aliases: tuple[str, ...] = ()  # the Japanese names people type in the settings

    def matches(self, name: str) -> bool:
        wanted = _normalize_family(name)
        return any(_normalize_family(n) == wanted for n in (self.family, *self.aliases))


# File names as shipped by Windows, Debian/Ubuntu packages, Homebrew casks and the vendors' zips.
CANDIDATES: tuple[FontCandidate, ...] = (
    FontCandidate(
        "BIZ UDGothic",
        (("BIZUDGothic-Regular.ttf", 0), ("BIZ-UDGothicR.ttc", 0)),
        (("BIZUDGothic-Bold.ttf", 0), ("BIZ-UDGothicB.ttc", 0)),
        ("BIZ UDゴシック",),
    ),
    FontCandidate(
        "BIZ UDMincho",
        (("BIZUDMincho-Regular.ttf", 0), ("BIZ-UDMinchoM.ttc", 0)),
        (("BIZUDMincho-Bold.ttf", 0),),
        ("BIZ UD明朝",),
    ),
    FontCandidate("IPAexGothic", (("ipaexg.ttf", 0),), aliases=("IPAexゴシック",)),
    FontCandidate("IPAexMincho", (("ipaexm.ttf", 0),), aliases=("IPAex明朝",)),
    FontCandidate("MS Gothic", (("msgothic.ttc", 0),), aliases=("MS ゴシック", "ＭＳ ゴシック")),
    FontCandidate(
        "Yu Gothic",
        (("YuGothR.ttc", 0), ("YuGothM.ttc", 0)),
        (("YuGothB.ttc", 0),),
        ("游ゴシック",),
    ),
    FontCandidate("Meiryo", (("meiryo.ttc", 0),), (("meiryob.ttc", 0),), ("メイリオ",)),
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0


@dataclass(frozen=True)
class FontChoice:
    family: str
    regular: FontFile
    bold: FontFile | None


@dataclass(frozen=True)
class RegisteredFonts:
    """reportlab font names to use in styles; ``bold`` is ``regular`` when there is no bold."""

    family: str
    regular: str
    bold: str
    path: Path


def _fontconfig_dirs() -> list[Path]:
    # fontconfig lists extra folders as <dir> elements in fonts.conf and conf.d/*.conf.
    conf_root = Path(os.environ.get("FONTCONFIG_PATH", "/etc/fonts"))
    files = [conf_root / "fonts.conf", *sorted((conf_root / "conf.d").glob("*.conf"))]
    found: list[Path] = []
    for conf in files:
        try:
            text = conf.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for match in re.finditer(r"<dir(?:\s[^>]*)?>([^<]+)</dir>", text):
            found.append(Path(os.path.expanduser(match.group(1).strip())))
    return found


def font_dirs() -> list[Path]:
    """The folders searched for fonts on this OS, existing ones only, without duplicates."""
    return _with_shipped(_system_font_dirs())


def _with_shipped(dirs: Sequence[Path]) -> list[Path]:
    # Last: the OS's own fonts (BIZ UD on Windows) come first in each family's search.
    unique: list[Path] = []
    for d in [*dirs, BUNDLED_FONTS]:
        if d not in unique and d.is_dir():
            unique.append(d)
    return unique


def _system_font_dirs() -> list[Path]:
    home = Path.home()
    dirs: list[Path] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs.append(windir / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:  # fonts installed "for this user only" (Windows 10 1809+)
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [
            home / "Library" / "Fonts",
            Path("/Library/Fonts"),
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/opt/homebrew/share/fonts"),
        ]
    else:
        data_home = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
        dirs += [
            data_home / "fonts",
            home / ".fonts",
            Path("/usr/local/share/fonts"),
            Path("/usr/share/fonts"),
        ]
        dirs += _fontconfig_dirs()
    return dirs


def _searched(search_dirs: Sequence[Path] | None) -> list[Path]:
    """``search_dirs`` in place of the OS folders (tests), the shipped font's folder always last."""
    return font_dirs() if search_dirs is None else _with_shipped(search_dirs)


def _index_files(dirs: Iterable[Path]) -> dict[str, Path]:
    """Lower-case file name -> first path found under ``dirs`` (recursively)."""
    found: dict[str, Path] = {}
    for root in dirs:
        for dirpath, _dirnames, filenames in os.walk(root):
            for name in filenames:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(dirpath) / name)
    return found


def _normalize_family(name: str) -> str:
    # NFKC: ＭＳ ゴシック and MS ゴシック are the same name.
    return re.sub(r"[\s_-]+", "", unicodedata.normalize("NFKC", name)).lower()


def _usable(f: FontFile) -> bool:
    """True when reportlab can embed it (TrueType outlines, valid subfont index)."""
    try:
        TTFont("dxdesk-probe", str(f.path), subfontIndex=f.index)
    except (TTFError, OSError, ValueError, IndexError, KeyError):
        return False
    return True


def _pick(files: Sequence[tuple[str, int]], index: dict[str, Path]) -> FontFile | None:
    for name, sub in files:
        path = index.get(name.lower())
        if path is not None:
            candidate = FontFile(path, sub)
            if _usable(candidate):
                return candidate
    return None


def _from_path(text: str) -> FontChoice | None:
    sub = 0
    match = re.fullmatch(r"(.+)#(\d+)", text)
    if match:
        text, sub = match.group(1), int(match.group(2))
    path = Path(text).expanduser()
    if not path.is_file():
        return None
    f = FontFile(path, sub)
    if not _usable(f):
        raise UserError("font_unusable", path=str(path))
    return FontChoice(path.stem, f, None)


def find_font(preferred: str = "", search_dirs: Sequence[Path] | None = None) -> FontChoice:
    """The font to use: ``preferred`` (family or file) if usable, else the first candidate found.

    ``search_dirs`` replaces the OS folders (tests point it at an empty folder); the font the
    app ships is searched after them either way.
    """
    preferred = preferred.strip()
    if preferred and (os.sep in preferred or "/" in preferred or "." in preferred):
        choice = _from_path(preferred)
        if choice is not None:
            return choice
    index = _index_files(_searched(search_dirs))
    order = list(CANDIDATES)
    if preferred:
        order.sort(key=lambda c: not c.matches(preferred))
    for candidate in order:
        regular = _pick(candidate.regular, index)
        if regular is not None:
            if preferred and not candidate.matches(preferred):
                # A font chosen in the settings that is gone (or unknown) must not stop printing.
                log.warning("the pdf_font setting was not found; using %s", candidate.family)
            return FontChoice(candidate.family, regular, _pick(candidate.bold, index))
    raise UserError("font_missing", install=INSTALL_HINT)


def available_families(search_dirs: Sequence[Path] | None = None) -> list[str]:
    """The candidate families usable on this computer, in preference order (for a settings
    choice box; the setting may also name a font file)."""
    index = _index_files(_searched(search_dirs))
    return [c.family for c in CANDIDATES if _pick(c.regular, index) is not None]


_lock = threading.Lock()
_registered: dict[tuple[str, tuple[Path, ...] | None], RegisteredFonts] = {}


def register_fonts(
    preferred: str = "", search_dirs: Sequence[Path] | None = None
) -> RegisteredFonts:
    """Find the font and register it with reportlab once per process (regular and bold)."""
    key = (preferred, None if search_dirs is None else (*search_dirs, BUNDLED_FONTS))
    with _lock:
        cached = _registered.get(key)
        if cached is not None:
            return cached
        choice = find_font(preferred, search_dirs)
        tag = re.sub(r"[^A-Za-z0-9]", "", choice.family) or "Font"
        regular_name = f"dxdesk-{tag}"
        bold_name = f"dxdesk-{tag}-Bold" if choice.bold else regular_name
        if regular_name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(
                TTFont(regular_name, str(choice.regular.path), subfontIndex=choice.regular.index)
            )
        if choice.bold and bold_name not in pdfmetrics.getRegisteredFontNames():
            with contextlib.suppress(TTFError):
                pdfmetrics.registerFont(
                    TTFont(bold_name, str(choice.bold.path), subfontIndex=choice.bold.index)
                )
        if bold_name not in pdfmetrics.getRegisteredFontNames():
            bold_name = regular_name
        # <b> in paragraph markup maps to the bold face.
        addMapping(regular_name, 0, 0, regular_name)
        addMapping(regular_name, 1, 0, bold_name)
        addMapping(regular_name, 0, 1, regular_name)
        addMapping(regular_name, 1, 1, bold_name)
        fonts = RegisteredFonts(choice.family, regular_name, bold_name, choice.regular.path)
        _registered[key] = fonts
        return fonts
