"""Tests that need something from outside Python (poppler's pdftotext, the age command, a font
package) go through here: without it a test is skipped with one line naming what is missing and
the command that installs it (scripts/preflight.py says the same before `make test`), and with
``DXDESK_REQUIRE_TOOLS=1`` (CI: .ci/run sets it and installs everything) it fails instead, so
that no test is skipped silently where all of them must run.

    needs_pdftotext = needs_tool("pdftotext")      # a mark: @needs_pdftotext
    require_tool("age")                            # inside a test or fixture
    require("IPAexMincho", found, "sudo apt-get install fonts-ipaexfont-mincho")
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

REQUIRE_ENV = "DXDESK_REQUIRE_TOOLS"
ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def preflight() -> ModuleType:
    """scripts/preflight.py: the install commands live there, once."""
    name = "dxdesk_preflight"
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "preflight.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def require(what: str, present: bool, how: str) -> None:
    """Skip with one line when ``what`` is not ``present``, or fail under DXDESK_REQUIRE_TOOLS=1."""
    if present:
        return
    reason = f"{what} is not available here; {how}"
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1: every test must run)", pytrace=False)
    pytest.skip(reason)


def _package_of(command: str) -> str:
    for package, commands in preflight().TOOLS.items():
        if command in commands:
            return str(package)
    raise KeyError(f"{command} is not in scripts/preflight.py TOOLS")


def require_tool(*commands: str) -> None:
    for command in commands:
        package = _package_of(command)
        hint = preflight().install_hint(package)
        require(command, shutil.which(command) is not None, f"install: {hint}")


def needs_tool(*commands: str) -> pytest.MarkDecorator:
    """A mark for tests that run ``commands`` (conftest.py applies it with require_tool)."""
    for command in commands:
        _package_of(command)  # a typo is an error at import, not a skip
    return pytest.mark.requires_tool(*commands)
