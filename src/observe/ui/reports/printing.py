"""Printing a report PDF: each page rendered by QtPdf and painted onto a ``QPrinter``.

The system print dialog chooses the printer, copies and page range; the PDF itself is what is
printed, so paper output matches the preview exactly. Rendering pages at printer resolution
takes longer than a GUI frame, so :func:`print_pdf` is meant to run on a worker through
``ui.operations``: Qt supports painting on a QPrinter and QImage off the GUI thread, and the
worker opens its own QPdfDocument rather than sharing the preview's.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from observe.errors import ObserveError
from observe.ui.operations import Cancelled, Progress

#: Pages are rasterised at no more than this, which is plenty for text and keeps memory sane.
MAX_DPI = 300


class PdfSource:
    """A QPdfDocument over bytes in memory (the buffer must live as long as the document)."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ObserveError(
                QCoreApplication.translate(
                    "PdfSource",
                    "Observe couldn't read the report it made, so nothing was printed. Try again; "
                    "if it keeps happening, the log has details.",
                ),
                detail=QCoreApplication.translate(
                    "PdfSource", "QPdfDocument status {status}"
                ).format(status=self.document.status()),
            )

    @property
    def pages(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def page_range(printer: QPrinter, pages: int) -> list[int]:
    """Zero-based pages to print, honouring a range chosen in the print dialog."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 and last <= 0:
        return list(range(pages))
    first = max(first, 1)
    last = min(last if last > 0 else pages, pages)
    return list(range(first - 1, last))


def print_pdf(data: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paints every chosen page of ``data`` onto ``printer``; returns the pages printed."""
    source = PdfSource(data)
    painter = QPainter()
    try:
        chosen = page_range(printer, source.pages)
        if not chosen:
            return 0
        if not painter.begin(printer):
            raise ObserveError(
                QCoreApplication.translate(
                    "reports.printing",
                    "The printer could not be started. Check that it is connected and try again.",
                ),
            )
        dpi = min(printer.resolution(), MAX_DPI)
        options = QPdfDocumentRenderOptions()
        for n, index in enumerate(chosen):
            if progress is not None and progress.should_cancel():
                printer.abort()  # nothing half-printed reaches the printer
                raise Cancelled
            if n:
                printer.newPage()
            points = source.document.pagePointSize(index)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image: QImage = source.document.render(index, size, options)
            target = painter.viewport()
            scale = min(target.width() / size.width(), target.height() / size.height())
            w, h = size.width() * scale, size.height() * scale
            painter.drawImage(QRectF((target.width() - w) / 2, 0, w, h), image)
            if progress is not None:
                progress.report(n + 1, len(chosen))
        return len(chosen)
    finally:
        if painter.isActive():
            painter.end()
        source.close()
