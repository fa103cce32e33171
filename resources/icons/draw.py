"""Draws the application icon (fengqiao.png, and fengqiao.ico with the sizes Windows asks for).

Run once after changing the design: `.venv/bin/python resources/icons/draw.py`. Needs a CJK font.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QBuffer, QByteArray, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1F5FA8"))
    margin = size * 0.04
    p.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18)
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(int(size * 0.68))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, -size * 0.03, size, size), Qt.AlignmentFlag.AlignCenter, "枫")
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: list[QImage]) -> bytes:
    """An .ico holding PNG images (the form Windows Vista and later read for every size)."""
    blobs = [png_bytes(i) for i in images]
    out = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    for image, blob in zip(images, blobs, strict=True):
        side = image.width() % 256  # 0 means 256
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return out + b"".join(blobs)


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    images = [draw(s) for s in SIZES]
    images[-1].save(str(HERE / "fengqiao.png"))
    (HERE / "fengqiao.ico").write_bytes(ico(images))
    print(HERE / "fengqiao.png", HERE / "fengqiao.ico")
