"""GUI tests: a real Qt window, offscreen. Every test here is marked `gui`."""

from __future__ import annotations

import os

import pytest

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _iso_dates() -> object:
    """The window's date style (gui/dates.py) back to the default after each test: a test
    that chooses 和暦 must not change what the next one reads."""
    yield
    from dxdesk.core.calendar import ISO
    from dxdesk.gui.dates import set_date_style

    set_date_style(ISO)
