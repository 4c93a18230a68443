"""PyInstaller runtime hook for dxdesk: PySide6's paths without loading Qt at start.

It replaces PyInstaller's own pyi_rth_pyside6 (packaging/dxdesk.spec), which imports
PySide6.QtCore in every start only to check for an embedded qt.conf, one that the PySide6 wheel
creates itself when QtCore is first imported. That import loads Qt and its 32 MB ICU data even
for ``dxdesk --version`` or a bundle import from a script (bench/package.py, docs/benchmarks.md).
What remains of the original is setting the plugin path, and on Windows putting the bundle's
folder on PATH for the Qt DLLs. QML and QtNetwork, which the original also serves, are not
shipped. The built app's self-test loads Qt's own translations, which fail when Qt's prefix is
wrong.
"""

import os
import sys


def _hook() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by the bootloader
    if sys.platform.startswith("win"):
        qt = os.path.join(base, "PySide6")
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")
    else:
        qt = os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


_hook()
del _hook
