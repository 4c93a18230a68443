"""The user manual: where its Markdown is, and the PDF built from it (ヘルプ > 利用者マニュアル,
``dxdesk manual``).

The Markdown lives in docs/manual/ of the source tree. An installed app carries it as package
data, ``dxdesk/resources/manual`` (the wheel's force-include and the PyInstaller spec copy it
there), so the app finds it in one of two places: its own resources first, else the source
checkout it runs from. The manual holds no personal data, so the built PDF may be kept in the
user's cache folder and reused until the app or its Markdown changes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dxdesk import __version__
from dxdesk.errors import UserError
from dxdesk.fsutil import atomic_write_bytes, io_error
from dxdesk.reports.fonts import register_fonts
from dxdesk.reports.manual import Manual, build_manual, chapters

_PACKAGE = Path(__file__).resolve().parent.parent
CANDIDATES = (
    _PACKAGE / "resources" / "manual",  # installed (wheel, one-folder build)
    _PACKAGE.parent.parent / "docs" / "manual",  # a source checkout (src/dxdesk -> repo)
)


def manual_folder() -> Path:
    """The folder of the manual's Markdown, or one sentence when this installation has none."""
    for folder in CANDIDATES:
        if chapters(folder):
            return folder
    raise UserError("manual_missing")


def _fingerprint(folder: Path, font: str) -> str:
    """Changes with the app's version, the font and any file of the manual."""
    h = hashlib.sha256(f"{__version__}\0{font}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def build(font: str = "") -> Manual:
    """The manual as a PDF, in ``font`` (a family or file; empty: the one found)."""
    return build_manual(manual_folder(), register_fonts(font))


def cached_pdf(cache_dir: Path, font: str = "", folder: Path | None = None) -> Path:
    """The manual's PDF in ``cache_dir``, built when missing or out of date."""
    folder = folder or manual_folder()
    target = cache_dir / f"dxdesk-manual-{_fingerprint(folder, font)}.pdf"
    if target.is_file():
        return target
    manual = build_manual(folder, register_fonts(font))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("dxdesk-manual-*.pdf"):
            old.unlink(missing_ok=True)
        atomic_write_bytes(target, manual.pdf)
    except OSError as err:
        raise io_error(err, cache_dir) from err
    return target


def default_cache_dir() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("dxdesk", appauthor=False)


def save(out: Path, font: str = "") -> Manual:
    """Write the manual to ``out`` (``dxdesk manual --out``)."""
    manual = build(font)
    try:
        atomic_write_bytes(out, manual.pdf)
    except OSError as err:
        raise io_error(err, out) from err
    return manual
