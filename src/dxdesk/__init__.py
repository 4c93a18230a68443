"""dxdesk: offline records and reports for municipal DX support work."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dxdesk")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
