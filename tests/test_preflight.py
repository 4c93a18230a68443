"""scripts/preflight.py's decision: what each README command needs that a computer lacks, each
in one line with the command that installs it. The facts are given (fake finders for libraries
and programs); the decision is the script's own pure function."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.tools import REQUIRE_ENV, needs_tool, preflight, require

ROOT = Path(__file__).resolve().parents[1]
LACKING_ICCCM_KEYSYMS = {"xcb-icccm", "xcb-keysyms"}


def facts(**changes: object) -> object:
    pf = preflight()
    base: dict[str, object] = {"system": "debian", "python": (3, 12), "required": (3, 11)}
    base.update(changes)
    return pf.Facts(**base)


def lacking(*names: str) -> object:
    return lambda name: None if name in names else f"/usr/lib/{name}"


def whats(found: list[object]) -> list[str]:
    return [m.what for m in found]  # type: ignore[attr-defined]


def test_a_complete_computer_lacks_nothing_at_any_stage() -> None:
    for stage in ("setup", "run", "test"):
        assert preflight().missing(facts(display=True), stage) == []


def test_the_required_python_comes_from_pyproject() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    major, minor = preflight().required_python()
    assert f'requires-python = ">={major}.{minor}"' in text


def test_an_old_python_is_named_alone_with_its_install_command() -> None:
    pf = preflight()
    old = facts(python=(3, 9), has_venv=False, which=lambda name: None, font=False)
    [item] = pf.missing(old, "test")
    assert item.what == "python"
    assert "`sudo apt-get install python3.11 python3.11-venv`" in item.sentence
    assert "この Python は 3.9 で、Python 3.11 以降がないため" in item.sentence
    assert "Python 3.11 or newer (this one is 3.9)" in item.sentence
    assert "`make PYTHON=python3.11 …`" in item.sentence
    mac = pf.missing(facts(system="macos", python=(3, 9)), "setup")[0]
    assert "`brew install python@3.11`" in mac.sentence
    win = pf.missing(facts(system="windows", python=(3, 10)), "setup")[0]
    assert "`winget install --id Python.Python.3.11`" in win.sentence and "make" not in win.sentence


def test_debian_without_the_venv_module_is_told_the_package_of_its_python() -> None:
    [item] = preflight().missing(facts(python=(3, 12), has_venv=False), "setup")
    assert "`sudo apt-get install python3.12-venv`" in item.sentence


def test_the_xcb_libraries_actually_missing_are_named_not_just_cursor() -> None:
    pf = preflight()
    desktop = facts(display=True, library=lacking(*LACKING_ICCCM_KEYSYMS))
    [item] = pf.missing(desktop, "run")
    assert item.what == "xcb" and item.packages == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert "`sudo apt-get install libxcb-icccm4 libxcb-keysyms1`" in item.sentence
    assert "libxcb-cursor0" not in item.sentence
    assert (
        "\n" not in item.sentence
        and "がないため" in item.sentence
        and "are missing" in item.sentence
    )
    # as root (CI, a container) the command has no sudo
    as_root = pf.missing(facts(display=True, root=True, library=lacking("xcb-cursor")), "run")
    assert "`apt-get install libxcb-cursor0`" in as_root[0].sentence


def test_no_display_or_offscreen_needs_no_xcb_libraries() -> None:
    pf = preflight()
    headless = facts(display=False, library=lacking("xcb-icccm"))
    assert pf.missing(headless, "run") == []
    # the tests run offscreen: never asked for the window's libraries
    assert pf.missing(facts(display=True, library=lacking("xcb-icccm")), "test") == []
    # on macOS and Windows there is no X11
    assert pf.missing(facts(system="macos", display=True, library=lacking("xcb")), "run") == []


def test_the_display_rule_reads_display_and_qt_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    pf = preflight()
    cases = [
        (":0", None, True),
        (":0", "offscreen", False),
        (":0", "xcb", True),
        (None, None, False),
    ]
    for display, platform, expected in cases:
        for var, value in (("DISPLAY", display), ("QT_QPA_PLATFORM", platform)):
            if value is None:
                monkeypatch.delenv(var, raising=False)
            else:
                monkeypatch.setenv(var, value)
        assert pf._display() is expected, (display, platform)


def test_the_tests_need_poppler_and_age_each_in_one_line_per_system() -> None:
    pf = preflight()
    bare = {"which": lambda name: None}
    found = pf.missing(facts(**bare), "test")
    assert whats(found) == ["poppler", "age"]
    assert "`sudo apt-get install poppler-utils`" in found[0].sentence
    assert "`sudo apt-get install age`" in found[1].sentence
    mac = pf.missing(facts(system="macos", **bare), "test")
    assert [
        "`brew install poppler`" in mac[0].sentence,
        "`brew install age`" in mac[1].sentence,
    ] == [
        True,
        True,
    ]
    win = pf.missing(facts(system="windows", **bare), "test")
    assert "winget install --id oschwartz10612.Poppler" in win[0].sentence
    assert "winget install --id FiloSottile.age" in win[1].sentence
    other = pf.missing(facts(system="linux", **bare), "test")
    assert all("distribution's packages" in m.sentence for m in other)
    # pdftoppm alone missing still names poppler
    only = pf.missing(facts(which=lambda name: None if name == "pdftoppm" else name), "test")
    assert whats(only) == ["poppler"]
    # set-up and the window do not need them
    assert pf.missing(facts(**bare), "setup") == [] == pf.missing(facts(**bare), "run")


def test_a_missing_pdf_font_is_named_for_the_window_and_the_tests() -> None:
    pf = preflight()
    for stage in ("run", "test"):
        [item] = pf.missing(facts(font=False), stage)
        assert "`sudo apt-get install fonts-ipaexfont-gothic`" in item.sentence
    assert (
        "`brew install --cask font-ipaexfont`"
        in pf.missing(facts(system="macos", font=False), "run")[0].sentence
    )
    assert pf.missing(facts(font=False), "setup") == []


def test_the_script_exits_non_zero_with_one_line_per_missing_thing() -> None:
    import subprocess

    script = ROOT / "scripts" / "preflight.py"
    ok = subprocess.run(
        [sys.executable, str(script), "setup"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0 and ok.stderr == ""
    bad = subprocess.run(
        [sys.executable, str(script), "nonsense"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2


def test_require_skips_in_one_line_or_fails_when_tools_are_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require("pdftotext", False, "install: sudo apt-get install poppler-utils")
    assert "\n" not in str(skipped.value) and "poppler-utils" in str(skipped.value)
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception) as failed:
        require("pdftotext", False, "install: sudo apt-get install poppler-utils")
    assert REQUIRE_ENV in str(failed.value)
    require("pdftotext", True, "never shown")  # present: nothing happens


def test_a_tool_unknown_to_the_preflight_is_refused() -> None:
    with pytest.raises(KeyError):
        needs_tool("soffice")


def test_ci_installs_every_debian_package_the_tests_need() -> None:
    """.ci/run sets DXDESK_REQUIRE_TOOLS=1, so each package the tests' helper may ask for must be
    in its apt-get line (else CI fails rather than skips)."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "export DXDESK_REQUIRE_TOOLS=1" in ci
    installed = set(ci.replace("\\\n", " ").split())
    for what in ("poppler", "age", "font", "font-mincho"):
        command = preflight().INSTALL[what]["debian"]
        packages = command.split("apt-get install ", 1)[1].split()
        assert set(packages) <= installed, what
