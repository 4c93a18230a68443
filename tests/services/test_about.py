"""What About and LICENSES.txt list, from the installed packages' own metadata."""

from __future__ import annotations

from dxdesk import __version__
from dxdesk.services.about import (
    components,
    installed_components,
    licence_files,
    licences_file,
    native_parts,
)


def test_the_installed_parts_come_from_dxdesks_requirements() -> None:
    parts = {c.name.lower(): c for c in installed_components()}
    assert parts["dxdesk"].version == __version__ and parts["dxdesk"].licence == "MIT"
    for name in ("sqlcipher3", "cryptography", "reportlab", "openpyxl", "pyrage", "keyring"):
        assert name in parts and parts[name].version, name
    assert "lgpl-3.0-only" in parts["pyside6_essentials"].licence.lower()
    # The test tools are extras, not requirements: never listed as shipped.
    assert "pytest" not in parts and "hypothesis" not in parts and "mypy" not in parts


def test_the_native_parts_say_their_versions() -> None:
    native = {c.name: c for c in native_parts()}
    assert native["SQLCipher"].version.startswith("4.") and native["SQLite"].version.startswith(
        "3."
    )
    assert native["Qt"].licence == "LGPL-3.0-only" and native["Qt"].version.startswith("6.")
    assert native["OpenSSL"].version[0].isdigit()


def test_licence_texts_are_read_from_the_dist_info() -> None:
    names = [name for name, _text in licence_files("cryptography")]
    assert any("LICENSE" in n for n in names)
    texts = dict(licence_files("click"))
    assert any("Redistribution and use" in t for t in texts.values())
    assert licence_files("no-such-distribution") == []


def test_from_a_source_tree_the_list_is_computed_and_no_file_is_claimed() -> None:
    names = [c.name for c in components()]
    assert "dxdesk" in names and "Qt" in names and "Python" in names
    assert licences_file() is None
