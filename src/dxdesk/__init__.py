"""dxdesk: offline records and reports for municipal DX support work."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here ([tool.hatch.version]),
# and --version, the About dialog, the PDFs' and workbooks' metadata, the bundles' manifest and
# the note a migration leaves in a profile all take this name. A constant, not the installed
# metadata: it is the same from a source tree, an install and a frozen build (where
# importlib.metadata would need the dist-info copied), and costs nothing at start.
__version__ = "0.1.0"
