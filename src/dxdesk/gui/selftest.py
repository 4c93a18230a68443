"""The window's part of ``dxdesk --self-test`` (services/selftest.py runs the rest).

In a frozen build a missing Qt plugin, translation or image engine shows only when the window
starts; this starts Qt, loads the English translation, renders the icon, builds the main window
on the self-test's hub profile and paints it, and renders the self-test's PDF the way the
preview does (PDFium). Nothing is shown on screen and nothing of the user's is written.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication

from dxdesk.services.selftest import SelfTestFailed

if TYPE_CHECKING:
    from dxdesk.services.profile import Profile


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (
        sys.platform not in ("win32", "darwin")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        # A server or a CI box: the offscreen platform (bundled for this) instead of xcb's abort.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QApplication(sys.argv[:1])


def check_window(profile: Profile, pdf: bytes) -> str:
    """Raise SelfTestFailed when a part of the window cannot start; return the platform used."""
    from dxdesk.gui.documents import page_images
    from dxdesk.gui.icon import app_icon
    from dxdesk.gui.mainwindow import MainWindow
    from dxdesk.gui.translators import install_translators, translations_dir

    app = _application()
    if not (translations_dir() / "dxdesk_en.qm").is_file():
        raise SelfTestFailed("英語の翻訳ファイル（dxdesk_en.qm）がありません")
    translators = install_translators(app, "en")
    try:
        english = QCoreApplication.translate("MainWindow", "ファイル(&F)")
        if english == "ファイル(&F)":
            raise SelfTestFailed("英語の翻訳を読み込めません")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    # Qt's own Japanese buttons (閉じる, キャンセル) come from its catalogue under Qt's prefix: a
    # build that loses the prefix (qt.conf) or the file shows English buttons in a Japanese window.
    qt_japanese = install_translators(app, "ja")
    for translator in qt_japanese:
        app.removeTranslator(translator)
    if not qt_japanese:
        raise SelfTestFailed("Qt の日本語の表示（qtbase_ja）を読み込めません")
    if app_icon().isNull():
        raise SelfTestFailed("アイコンを描画できません")
    window = MainWindow(profile)
    try:
        window.resize(1024, 700)
        if window.grab().isNull():
            raise SelfTestFailed("ウィンドウを描画できません")
    finally:
        window.deleteLater()
    first = next(iter(page_images(pdf, 30)), None)
    if first is None or first.isNull():
        raise SelfTestFailed("PDF のプレビューを描画できません")
    return f"Qt {qVersion()}、{app.platformName()}"
