"""GUI tests: a real Qt window, offscreen. Every test here is marked `gui`."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Must be set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _window_defaults() -> object:
    """What a test may change for the whole application, put back after it: the date style
    (gui/dates.py), and the language a test switched to in the settings (gui/translators.py),
    so that the next test reads what it expects."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    yield
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from dxdesk.core.calendar import ISO
    from dxdesk.gui.dates import set_date_style
    from dxdesk.gui.translators import TRANSLATOR_NAME

    set_date_style(ISO)
    app = QApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            if translator.objectName() == TRANSLATOR_NAME:
                app.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def english_window(qapp: object) -> Iterator[None]:
    """The built English catalogue installed for one test (the window in English)."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from dxdesk.gui.translators import translations_dir

    app = QApplication.instance()
    assert app is not None
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "dxdesk_en.qm"))
    app.installTranslator(translator)
    try:
        yield
    finally:
        app.removeTranslator(translator)
