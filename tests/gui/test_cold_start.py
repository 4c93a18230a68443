"""What the first window of a start waits for (bench/gui.py W2a and W2b run these same starts).

On an existing profile the app's own start shows the unlock dialog first, before the main
window's modules are loaded; the main window opens before the list and draft services are.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from dxdesk.services.profile import Profile
from tests.conftest import PASSPHRASE

BENCH = Path(__file__).resolve().parents[2] / "bench" / "gui.py"
REPORT = "\nprint(' '.join(sorted(m for m in LATE if m in sys.modules)) or 'none', flush=True)\n"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_gui", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _start(code: str, late: tuple[str, ...], *args: str) -> list[str]:
    """Run a bench start in a fresh process; its output and which of ``late`` were loaded."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", f"LATE = {late!r}\n{code}{REPORT}", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return out.stdout.split()


def _closed_root(new_profile: tuple[Profile, str]) -> str:
    profile = new_profile[0]
    profile.close(backup=False)
    return str(profile.paths.root)


def test_an_existing_profile_starts_with_the_unlock_dialog(
    new_profile: tuple[Profile, str],
) -> None:
    root = _closed_root(new_profile)
    late = ("dxdesk.gui.mainwindow", "dxdesk.services.query", "cryptography")
    assert _start(_bench()._SHOW_UNLOCK, late, root, "command") == ["shown", "none"]
    # The desktop entry point (dxdesk-gui) reaches it without the command line's machinery.
    late += ("socket", "html", "click", "dxdesk.cli.main")
    assert _start(_bench()._SHOW_UNLOCK, late, root, "gui-script") == ["shown", "none"]


def test_the_desktop_entry_point_refuses_what_it_does_not_know() -> None:
    from dxdesk.gui.app import main

    assert main(["--verbose"]) == 2


def test_the_main_window_opens_before_the_list_and_draft_services_load(
    new_profile: tuple[Profile, str],
) -> None:
    root = _closed_root(new_profile)
    late = ("dxdesk.services.query", "dxdesk.services.drafts", "dxdesk.gui.crash")
    assert _start(_bench()._SHOW_DXDESK, late, root, PASSPHRASE) == ["shown", "none"]


def test_the_main_window_opens_without_the_qt_namespace_enums(
    new_profile: tuple[Profile, str],
) -> None:
    # Touching any enum of the Qt namespace converts all ~90 of them (~15 ms of W2b); PySide6
    # puts `Qt` in the module's dict when it does. platformdirs: only for the default profile;
    # importlib.resources: resources are read beside the package; the search module and the
    # overview's and the reference's other records (frozen dataclasses, ~1 ms each to create):
    # when first used.
    root = _closed_root(new_profile)
    code = _bench()._SHOW_DXDESK + "import PySide6.QtCore\nprint('Qt' in vars(PySide6.QtCore))\n"
    # An up-to-date database: no migration's SQL read.
    code += "from dxdesk.store.migrations import all_migrations\n"
    code += "print(all_migrations.cache_info().misses)\n"
    late = (
        "platformdirs",
        "importlib.resources",
        "dxdesk.store.search",
        "dxdesk.services.overview_detail",
        "dxdesk.core.reference_records",
        "dxdesk.logs",  # file logging: set up by the app's own start, not by a Session
    )
    assert _start(code, late, root, PASSPHRASE) == ["shown", "False", "0", "none"]
