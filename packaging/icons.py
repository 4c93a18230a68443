"""Render the icon's SVG source to the files each platform wants (never committed).

    python packaging/icons.py OUT_DIR

writes dxdesk-16.png ... dxdesk-1024.png, dxdesk.ico (Windows: 16-256, PNG-compressed entries,
read by Windows Vista and later) and dxdesk.icns (macOS: the PNG-based icp4..ic10 types). The ICO
and ICNS containers are written here from the PNGs (both are a header and a table of PNG
blobs), so the build needs Qt (already there) and no image library.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS types holding PNG data, by pixel size (the @2x types are the same pixels).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file of PNG entries (ICONDIR, one ICONDIRENTRY per size, then the PNGs)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    table = b""
    blobs = b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        table += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + table + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        if size in pngs:
            data = pngs[size]
            body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out_dir: Path, source: Path | None = None) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication

    from dxdesk.gui.icon import render

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs: dict[int, bytes] = {}
    written: dict[int, Path] = {}
    for size in PNG_SIZES:
        array = QByteArray()
        buffer = QBuffer(array)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not render(size, source).save(buffer, "PNG"):
            raise RuntimeError(f"cannot encode the {size}px icon as PNG")
        buffer.close()
        pngs[size] = bytes(array.data())
        path = out_dir / f"dxdesk-{size}.png"
        path.write_bytes(pngs[size])
        written[size] = path
    (out_dir / "dxdesk.ico").write_bytes(ico_bytes(pngs))
    (out_dir / "dxdesk.icns").write_bytes(icns_bytes(pngs))
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/icons.py OUT_DIR", file=sys.stderr)
        return 2
    render_all(Path(argv[0]))
    print(f"icons written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
