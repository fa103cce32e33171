"""Papers on paper: Qt's text document lays a document out on A4, its PDF writer saves it with the fonts
embedded, and its print preview and print dialog send it to the township's printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from desktop.services.document_layout import Document, Picture

# 公文 margins, in millimetres: top 37, bottom 35, left 28, right 26.
MARGINS = QMarginsF(28, 37, 26, 35)
CJK_FAMILIES = ["SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei"]


def text_document(doc: Document, device=None) -> QTextDocument:
    """The document laid out for a device (a PDF writer, a printer) when given: the page is the device's printable
    area, and points are measured at its resolution, not the screen's."""
    text = QTextDocument()
    if device is not None:
        text.setDocumentMargin(0)  # the device's margins are the page's; left to Qt it would add 2 cm more
        text.documentLayout().setPaintDevice(device)
        text.setPageSize(device.pageLayout().paintRectPixels(device.resolution()).size().toSizeF())
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(12)
    text.setDefaultFont(font)
    for block in doc.blocks:
        if isinstance(block, Picture):  # attachments are stored by content hash, without a suffix
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(block.path), QImage(block.path))
    text.setHtml(doc.html())
    return text


def _lay_out(device) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageMargins(MARGINS, QPageLayout.Unit.Millimeter)


def save_pdf(doc: Document, path: str | Path) -> Path:
    """A4 PDF; Qt embeds the subset of each font used, so it prints the same on any machine."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{doc.title} {doc.number}".strip())
    writer.setCreator("枫桥 Fengqiao")
    writer.setResolution(300)
    _lay_out(writer)
    text_document(doc, writer).print_(writer)
    del writer  # the file is complete once the writer is gone
    return path


def save(doc: Document, path: str | Path) -> Path:
    """By the file's suffix: .pdf or .docx."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return doc.save_docx(path)
    if suffix == ".pdf":
        return save_pdf(doc, path)
    raise ValueError(f"只能保存为 .pdf 或 .docx，而不是“{suffix or path}”")


def preview(doc: Document, parent=None) -> QPrintPreviewDialog:
    """Qt's print preview, with its print button leading to the system's print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _lay_out(printer)
    printer.setDocName(doc.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(doc.title)
    laid_out = text_document(doc, printer)
    dialog.paintRequested.connect(laid_out.print_)
    dialog.laid_out, dialog.printer = laid_out, printer  # kept alive with the dialog
    dialog.open()
    return dialog
