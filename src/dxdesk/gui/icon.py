"""The app's icon in the window: rendered from its SVG source (resources/icons/dxdesk.svg).

The SVG is the only icon file in the repository; packaging/icons.py renders the same file to the
PNG, ICO and ICNS files the installers want. Rendering here (QtSvg, no image plugin needed) keeps
one source and no generated binary in the source tree.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

# The sizes title bars, task bars and Alt+Tab ask for (scaled displays double them).
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_source() -> Path:
    return Path(str(files("dxdesk.resources").joinpath("icons", "dxdesk.svg")))


def render(size: int, source: Path | None = None) -> QImage:
    """The icon as a ``size`` x ``size`` image with a transparent background."""
    renderer = QSvgRenderer(str(source or icon_source()))
    if not renderer.isValid():
        raise ValueError("the icon's SVG cannot be read")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    for size in WINDOW_SIZES:
        icon.addPixmap(QPixmap.fromImage(render(size)))
    return icon
