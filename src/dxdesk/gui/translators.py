"""The window's languages: our English catalogue (.qm from Qt Linguist) and Qt's own texts.

A module of its own so that the start-up (gui/app.py) and the self-test (gui/selftest.py) share
it without importing each other.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication


def translations_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("dxdesk.resources").joinpath("translations")))


TRANSLATOR_NAME = "dxdeskTranslator"  # ours, so a change of language removes exactly these


def set_language(app: QApplication, language: str) -> list[QTranslator]:
    """The window's language from now on: the default locale (calendars, standard dialogs) and
    the catalogues, replacing any installed before (a change in the settings applies at once;
    widgets built afterwards read the new texts)."""
    from PySide6.QtCore import QLocale

    for old in app.findChildren(QTranslator):
        if old.objectName() == TRANSLATOR_NAME:
            app.removeTranslator(old)
            old.deleteLater()
    if language == "en":  # English dialogs and calendars even on a Japanese Windows
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    installed = install_translators(app, language)
    for translator in installed:
        translator.setObjectName(TRANSLATOR_NAME)
    return installed


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Japanese is the source language; English comes from Qt Linguist (.qm built from .ts).

    Qt's own texts (the Close and Cancel buttons, the print and file dialogs) come from the
    qtbase catalogue in the chosen language, so a Japanese window has no English buttons.
    """
    # Here, not at import: its enum converts on first use, and Session alone never needs it.
    from PySide6.QtCore import QLibraryInfo

    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en":
        qt_ja = QTranslator(app)
        if qt_ja.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", qt_dir):
            app.installTranslator(qt_ja)
            installed.append(qt_ja)
        return installed
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / "dxdesk_en.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(
        QLocale(QLocale.Language.English),
        "qtbase",
        "_",
        qt_dir,
    ):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
