"""dxdesk: offline records and reports for municipal DX support work."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata on first use only: importing
    # importlib.metadata costs some 50 ms of every start of the window (bench/gui.py).
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("dxdesk")
        except PackageNotFoundError:  # running from a source tree without install
            found = "0.0.0+source"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module 'dxdesk' has no attribute {name!r}")
