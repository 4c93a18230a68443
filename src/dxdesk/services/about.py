"""What the About dialog and a build's LICENSES file say: the version and everything shipped.

The Python packages come from the installed packages' own metadata (name, version, licence,
the licence files in their dist-info), walked from dxdesk's requirements. Parts that are not
Python packages of their own (Python, Qt inside PySide6, SQLCipher inside sqlcipher3, the font
an installed build ships) are listed in ``NATIVE_PARTS``. A frozen build has no metadata to walk:
packaging/dxdesk.spec writes the list of what it bundled to ``resources/licenses.json``, which
is then read instead (``components``).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass
from importlib.metadata import PackageMetadata
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from dxdesk import __version__

if TYPE_CHECKING:
    from dxdesk.services.profile import Profile

LICENSES_JSON = "licenses.json"
# A dist-info file holding licence text (licenses/ is PEP 639's folder for them).
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]es?/|(licen[cs]e|copying|notice|authors)[^/]*$)", re.I)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_EXTRA = re.compile(r"extra\s*==")
_CLASSIFIER = re.compile(r"^License :: (?:OSI Approved :: )?(.+?)(?: License)?$")


@dataclass(frozen=True)
class Component:
    """One shipped part: ``licence`` is an SPDX expression or a short name."""

    name: str
    version: str
    licence: str
    note: str = ""  # what it is, for the parts that are not Python packages of their own


def native_parts() -> list[Component]:
    """The parts inside the wheels, with licences of their own (texts: packaging/licenses/ and
    the wheels' own licence files)."""
    import platform

    import sqlcipher3
    from cryptography.hazmat.backends.openssl.backend import backend

    qt = _installed_version("PySide6_Essentials")
    memory = sqlcipher3.connect(":memory:")
    try:  # the library's own answer, e.g. "4.19.0 community"
        cipher = str(memory.execute("PRAGMA cipher_version").fetchone()[0]).split()[0]
    finally:
        memory.close()
    openssl = backend.openssl_version_text().replace("OpenSSL", "").split()[0]
    return [
        Component("Python", platform.python_version(), "PSF-2.0", "実行環境"),
        Component("Qt", qt, "LGPL-3.0-only", "画面部品（PySide6 に同梱、動的リンク）"),
        Component("SQLCipher", cipher, "BSD-3-Clause", "データベースの暗号化（sqlcipher3 に同梱）"),
        Component("SQLite", str(sqlcipher3.sqlite_version), "blessing", "パブリックドメイン"),
        Component("OpenSSL", openssl, "Apache-2.0", "暗号処理（cryptography に同梱）"),
        Component("PDFium", "", "BSD-3-Clause", "PDF の表示（pypdfium2 に同梱）"),
    ]


def _installed_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""


# Only when packaging/build.py put the font in (dxdesk/resources/fonts).
FONT_PART = Component(
    "IPAexゴシック", "", "IPA", "PDF に埋め込む日本語フォント（IPA フォントライセンス）"
)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _licence_of(meta: PackageMetadata) -> str:
    """The SPDX expression (PEP 639), else a short License field, else the classifier."""
    fields = meta.json  # lower-case keys; a missing field is absent, not an error
    expression = fields.get("license_expression")
    if expression:
        return str(expression).strip()
    text = str(fields.get("license") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    for classifier in meta.get_all("Classifier") or []:
        match = _CLASSIFIER.match(str(classifier))
        if match and match.group(1) not in ("OSI Approved",):
            return match.group(1)
    return "同梱の LICENSE を参照"


def installed_components(root: str = "dxdesk") -> list[Component]:
    """``root`` and every installed distribution it requires (extras left out), by name.

    A requirement for another OS is simply not installed here, so it is not listed.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    seen: dict[str, Component] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        key = _normalise(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = Component(dist.metadata["Name"], dist.version, _licence_of(dist.metadata))
        for requirement in dist.requires or []:
            if _EXTRA.search(requirement):  # an optional extra, not installed for us
                continue
            match = _REQUIREMENT_NAME.match(requirement)
            if match:
                todo.append(match.group(1))
    return sorted(seen.values(), key=lambda c: _normalise(c.name))


def licence_files(name: str) -> list[tuple[str, str]]:
    """(file name, text) of each licence file in ``name``'s dist-info."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution(name)
    except PackageNotFoundError:
        return []
    out: list[tuple[str, str]] = []
    for entry in dist.files or []:
        path = str(entry)
        if ".dist-info/" in path and _LICENCE_FILE.search(path.split(".dist-info/", 1)[1]):
            # Some are Latin-1 (a © in an old LICENSE): shown, not parsed.
            text = Path(str(entry.locate())).read_bytes().decode("utf-8", "replace")
            if text.strip():
                out.append((path.split(".dist-info/", 1)[1], text))
    return out


def _shipped_list() -> Path:
    return Path(str(files("dxdesk.resources").joinpath(LICENSES_JSON)))


def components() -> list[Component]:
    """Everything shipped with this copy of dxdesk: the build's list, else the installed one."""
    shipped = _shipped_list()
    if shipped.is_file():
        rows = json.loads(shipped.read_text(encoding="utf-8"))
        return [Component(**row) for row in rows]
    from dxdesk.reports.fonts import BUNDLED_FONTS

    extra = [FONT_PART] if BUNDLED_FONTS.is_dir() else []
    return [*installed_components(), *native_parts(), *extra]


def components_json(parts: list[Component]) -> str:
    return json.dumps([asdict(p) for p in parts], ensure_ascii=False, indent=1) + "\n"


def licences_file() -> Path | None:
    """The LICENSES file of an installed build (beside the program), when there is one."""
    if not getattr(sys, "frozen", False):
        return None
    here = Path(sys.executable).resolve().parent
    for candidate in (here / "LICENSES.txt", here.parent / "Resources" / "LICENSES.txt"):
        if candidate.is_file():
            return candidate
    return None


@dataclass(frozen=True)
class AppInfo:
    version: str
    python: str
    platform: str


def app_info() -> AppInfo:
    import platform

    return AppInfo(__version__, platform.python_version(), platform.platform(terse=True))


def diagnostics(profile: Profile, *, qt_version: str = "") -> list[tuple[str, str]]:
    """What ヘルプ > 診断情報をコピー puts on the clipboard, for a message to the person who helps:
    versions, the platform, the profile's schema and role, and how many records of each kind.
    Nothing personal: no names, no device name, no folder (a Windows path holds the user's
    name), no record content."""
    import platform

    from dxdesk.store.migrations import head_version

    info = profile.info()
    rows: list[tuple[str, str]] = [
        ("dxdesk", __version__),
        ("OS", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("Qt", qt_version or _installed_version("PySide6_Essentials")),
        ("SQLCipher", str(info["sqlcipher"])),
        ("スキーマ", f"{info['schema_version']}（このバージョンの最新：{head_version()}）"),
        ("役割", str(info["role"])),
        ("鍵の種類", "、".join(str(s) for s in info["slots"])),
        ("データベースの大きさ", f"{int(info['size_bytes']) // 1024:,} KB"),
    ]
    rows += [(f"件数：{name}", f"{count:,}") for name, count in sorted(info["counts"].items())]
    return rows


def diagnostics_text(rows: list[tuple[str, str]]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in rows) + "\n"
