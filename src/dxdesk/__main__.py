"""``python -m dxdesk``."""

from dxdesk.cli.main import entry

entry()
