"""Papers on paper: Qt's text document lays a document out on A4, its PDF writer saves it with the fonts
embedded, and its print preview and print dialog send it to the township's printer."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from desktop.services import assessment_report, documents, stats
from desktop.services.document_layout import Document, Picture
from desktop.services.errors import ServiceError
from desktop.services.file_names import inside, safe_file_name, unique

from .common import BarChart, tr

# 公文 margins, in millimetres: top 37, bottom 35, left 28, right 26.
MARGINS = QMarginsF(28, 37, 26, 35)
CJK_FAMILIES = ["SimSun", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei"]


def text_document(doc: Document, device=None) -> QTextDocument:
    """The document laid out for a device (a PDF writer, a printer) when given: the page is the device's
    printable area, and points are measured at its resolution, not the screen's."""
    text = QTextDocument()
    picture_width = 420
    if device is not None:
        text.setDocumentMargin(0)  # the device's margins are the page's; left to Qt it would add 2 cm more
        text.documentLayout().setPaintDevice(device)
        page = device.pageLayout().paintRectPixels(device.resolution()).size()
        text.setPageSize(page.toSizeF())
        # Qt scales a picture's pixels from the screen's 96 dpi to the device's: give its width in those.
        picture_width = int(page.width() * 96 / device.resolution() * (0.6 if doc.landscape else 0.8))
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(12)
    text.setDefaultFont(font)
    for block in doc.blocks:
        if isinstance(block, Picture):  # attachments are stored by content hash, without a suffix
            image = QImage.fromData(block.data) if block.data else QImage(block.path)  # sealed on disk
            text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(block.path), image)
    text.setHtml(doc.html(picture_width))
    if doc.numbered_from and device is not None:
        # Two passes (three at most): lay out, read on which page each part begins, print those pages in the
        # contents and the total in the 备考表, lay out again; done when a pass changes no number.
        for _ in range(3):
            pages, count = _part_pages(text, doc)
            if (pages, count) == (doc.pages, doc.page_count):
                break
            doc.pages, doc.page_count = pages, count
            text.setHtml(doc.html(picture_width))
    return text


def _marks(text: QTextDocument) -> dict[str, int]:
    """Each marked part's first page (0-based), where the layout put its heading."""
    height = text.pageSize().height()
    layout = text.documentLayout()
    found: dict[str, int] = {}
    block = text.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            for name in it.fragment().charFormat().anchorNames():
                found.setdefault(name, int(layout.blockBoundingRect(block).top() // height))
            it += 1
        block = block.next()
    return found


def _part_pages(text: QTextDocument, doc: Document) -> tuple[dict[str, str], int]:
    """The numbered pages of every marked part ("3" or "3-5") and how many numbered pages there are."""
    marks = _marks(text)
    first = marks.get(doc.numbered_from, 0)
    end = marks.get(doc.numbered_until, text.pageCount())
    starts = sorted(marks.items(), key=lambda kv: kv[1])
    pages = {}
    for i, (name, page) in enumerate(starts):
        if not first <= page < end:
            continue
        last = (starts[i + 1][1] - 1) if i + 1 < len(starts) else end - 1
        last = min(max(last, page), end - 1)
        a, b = page - first + 1, last - first + 1
        pages[name] = str(a) if a == b else f"{a}-{b}"
    return pages, end - first


def print_document(text: QTextDocument, device, doc: Document) -> None:
    """Print page by page; a page-numbered paper gets its number at the top right of each numbered page, in
    the top margin (archives number a file's pages there); the cover, contents and 备考表 stay unnumbered."""
    if not doc.numbered_from:
        text.print_(device)
        return
    marks = _marks(text)
    first = marks.get(doc.numbered_from, 0)
    end = marks.get(doc.numbered_until, text.pageCount())
    page = text.pageSize()
    painter = QPainter(device)
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSize(12)
    for i in range(text.pageCount()):
        if i:
            device.newPage()
        painter.save()
        painter.translate(0, -i * page.height())
        text.drawContents(painter, QRectF(0, i * page.height(), page.width(), page.height()))
        painter.restore()
        if first <= i < end:
            painter.setFont(font)
            band = QRectF(0, -device.resolution() * 0.5, page.width(), device.resolution() * 0.4)
            painter.drawText(
                band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(i - first + 1)
            )
    painter.end()


def _lay_out(device, doc: Document) -> None:
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(
        QPageLayout.Orientation.Landscape if doc.landscape else QPageLayout.Orientation.Portrait
    )
    device.setPageMargins(MARGINS, QPageLayout.Unit.Millimeter)


def save_pdf(doc: Document, path: str | Path) -> Path:
    """A4 PDF; Qt embeds the subset of each font used, so it prints the same on any machine."""
    path = Path(path)
    # Qt's writer says nothing when it cannot open the file (a folder that is not there, last month's PDF
    # still open in a reader on Windows): asked first, and the file looked at after (review 3)
    try:
        with open(path, "ab"):
            pass
    except OSError as exc:
        why = tr("不能写入“{0}”：{1}。请关闭正在打开它的程序，或换一个位置再试")
        raise ServiceError(why.format(path, exc.strerror)) from None
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{doc.title} {doc.number}".strip())
    writer.setCreator("枫桥 Fengqiao")
    writer.setResolution(300)
    _lay_out(writer, doc)
    print_document(text_document(doc, writer), writer, doc)
    del writer  # the file is complete once the writer is gone
    if not path.is_file() or path.stat().st_size == 0:
        raise ServiceError(tr("PDF 没有写成：“{0}”。请换一个位置再试").format(path))
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
    _lay_out(printer, doc)
    printer.setDocName(doc.title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(doc.title)
    laid_out = text_document(doc, printer)
    dialog.paintRequested.connect(lambda device: print_document(laid_out, device, doc))
    dialog.laid_out, dialog.printer = laid_out, printer  # kept alive with the dialog
    dialog.open()
    return dialog


def report_document(report: assessment_report.Report, folder: Path) -> Document:
    """The assessment report with a chart of each section's resolution rates, as the 统计 page draws it."""
    charts = {}
    for by, units in report.sections.items():
        if not units:
            continue
        chart = BarChart(f"{report.period_name} 化解率")
        chart.set_items([(u.name, (u.measures.resolution_rate or 0) * 100) for u in units[:15]], "{:.0f}%")
        chart.resize(640, chart.minimumHeight())
        sharp = QPixmap(chart.size() * 3)  # drawn at three times the size: print is finer than a screen
        sharp.setDevicePixelRatio(3)
        chart.render(sharp)
        charts[by] = str(folder / f"chart-{by}.png")
        sharp.save(charts[by])
    return assessment_report.document(report, charts)


def save_report(report: assessment_report.Report, path: str | Path) -> Path:
    """The assessment report as .pdf (with its charts) or .xlsx."""
    if Path(path).suffix.lower() == ".xlsx":
        return assessment_report.save_xlsx(report, path)
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-report-"))
    try:
        return save(report_document(report, folder), path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def save_dossiers(
    ws, period: str, path: str | Path, progress: Callable[[int, int], bool] | None = None
) -> int:
    """Every dossier of the matters closed in a period, one PDF each, in one zip; on the database thread (Qt's
    text layout and PDF writer need no window). Returns how many; 0 and no file when cancelled."""
    start, end = stats.period_bounds(period)
    closed = documents.closed_between(ws, start, end)
    path = Path(path)
    folder = Path(tempfile.mkdtemp(prefix="fengqiao-dossiers-"))
    try:
        taken: set[str] = set()
        with zipfile.ZipFile(folder / "dossiers.zip", "w", zipfile.ZIP_DEFLATED) as bundle:
            for done, (matter_id, serial) in enumerate(closed, 1):
                # the serial came from a laptop: it names the member only once made safe, never a path here
                paper = save_pdf(documents.make(ws, matter_id, "dossier"), inside(folder, f"{done}.pdf"))
                bundle.write(paper, unique(safe_file_name(f"{serial} 卷宗.pdf"), taken))
                paper.unlink()
                if progress and progress(done, len(closed)) is False:
                    return 0
        shutil.move(folder / "dossiers.zip", path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return len(closed)
