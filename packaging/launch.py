"""The built app's one script: `dxdesk-gui` opens the window, `dxdesk` is the command line.

Both programs of the one-folder build run this (packaging/dxdesk.spec); the name a user or a
shortcut started tells which face. Both imports are written out so PyInstaller follows them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from dxdesk.gui.app import entry
    else:
        from dxdesk.cli.main import entry
    entry()


if __name__ == "__main__":
    main()
