"""HTML to PDF in memory with QTextDocument and QPdfWriter (QtGui and QtCore only, never widgets).

This is the only reports module allowed to import PySide6. Nothing touches the disk here: the PDF is
returned as bytes, and the caller writes it (after the not-encrypted warning) with
`companion.services.transfer.write_export`.

Qt needs a QGuiApplication for fonts and text layout. Inside the app one already exists. Without one,
`render_pdf` creates one itself only when QT_QPA_PLATFORM is set (the tests and a headless command line set
it to "offscreen"); otherwise it raises RuntimeError and the caller must create the application first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 18.0
SANS_FAMILY = "DejaVu Sans"  # has ŵ and ŷ; Qt falls back to another sans font where it is missing

_own_app: QGuiApplication | None = None  # kept alive when this module had to create the application


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one when QT_QPA_PLATFORM says which platform to use."""
    global _own_app
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise RuntimeError("render_pdf needs a QGuiApplication, not a plain QCoreApplication")
    if not os.environ.get("QT_QPA_PLATFORM"):
        raise RuntimeError("render_pdf needs a QGuiApplication: create one first, or set QT_QPA_PLATFORM=offscreen")
    _own_app = QGuiApplication(["companion"])
    return _own_app


def _screen_dpi(app: QGuiApplication) -> float:
    # QTextDocument lays text out at the screen's logical DPI (Qt's qt_defaultDpi) unless told otherwise.
    screen = app.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0


@contextmanager
def _pdf_writer(page: str, title: str) -> Iterator[tuple[QPdfWriter, QByteArray]]:
    """A PDF writer into memory with the page size, 18 mm margins and title. Ending the painter that
    draws on it (QTextDocument.print_ or paint_pages) writes the PDF's end; the bytes are read after the
    block."""
    if page not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page!r}; use one of {sorted(PAGE_SIZES)}")
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("Companion")
    if title:
        writer.setTitle(title)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[page]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    yield writer, data
    buffer.close()


def render_pdf(html: str, page: str = "A4", *, title: str = "") -> bytes:
    """Print `html` to a PDF (A4 or Letter, 18 mm margins, 12 pt text) and return its bytes."""
    with _pdf_writer(page, title) as (writer, data):
        app = ensure_gui_application()
        doc = text_document(html, font_pt=12)
        # A paginated document (page size set) is printed as laid out: no extra 2 cm margin, no page numbers.
        # Its size is the printable area in the document's own units (pixels at the screen's logical DPI).
        paint = writer.pageLayout().paintRectPoints()
        scale = _screen_dpi(app) / 72.0
        doc.setPageSize(QSizeF(paint.width() * scale, paint.height() * scale))
        doc.print_(writer)
    return bytes(data.data())


FOOTER_PT = 8.0


def text_document(html: str, images: dict[str, bytes] | None = None, *, font_pt: float = 10.0) -> QTextDocument:
    """The HTML laid out by QTextDocument, with images registered under their names (``<img src="name">``)
    so charts keep their full resolution. Images are inline objects: never split across a page break."""
    ensure_gui_application()
    doc = QTextDocument()
    font = QFont(SANS_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(font_pt)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    for name, png in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
    doc.setHtml(html)
    return doc


def keep_images_whole(doc: QTextDocument, page_height: float) -> None:
    """Move any paragraph holding an image (a chart) that would straddle a page break to the next page:
    QTextDocument breaks pages between lines, and a line as tall as a chart can otherwise be cut in two."""
    for _attempt in range(50):
        moved = False
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            has_image = any(part.fragment().charFormat().isImageFormat() for part in block)  # type: ignore[attr-defined]
            if has_image:
                rect = layout.blockBoundingRect(block)
                first, last = int(rect.top() // page_height), int((rect.bottom() - 1) // page_height)
                if first != last and rect.height() < page_height:
                    cursor = QTextCursor(block)
                    fmt = block.blockFormat()
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    cursor.setBlockFormat(fmt)
                    moved = True
                    break
            block = block.next()
        if not moved:
            return


def paint_pages(doc: QTextDocument, device: QPagedPaintDevice, footer: Callable[[int, int], str] | None = None) -> int:
    """Paint the document page by page on a PDF writer or a printer, with an optional footer line on every
    page (``footer(page, pages)``, for "Page 1 of 2"). Returns the number of pages."""
    app = ensure_gui_application()
    dpi = _screen_dpi(app)
    paint = device.pageLayout().paintRectPoints()
    width, height = paint.width() * dpi / 72.0, paint.height() * dpi / 72.0
    footer_height = (FOOTER_PT * 2.6) * dpi / 72.0 if footer else 0.0
    body_height = height - footer_height
    doc.setPageSize(QSizeF(width, body_height))
    keep_images_whole(doc, body_height)
    pages = doc.pageCount()
    painter = QPainter(device)
    scale = device.logicalDpiY() / dpi
    footer_font = QFont(doc.defaultFont())
    footer_font.setPixelSize(round(FOOTER_PT * dpi / 72.0))  # the painter works in the document's pixels
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -index * body_height)
        doc.drawContents(painter, QRectF(0, index * body_height, width, body_height))
        painter.restore()
        if footer:
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(QPointF(0, body_height), QSizeF(width, footer_height)),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer(index + 1, pages),
            )
            painter.restore()
    painter.end()
    return pages


def render_document(
    html: str,
    page: str = "A4",
    *,
    title: str = "",
    images: dict[str, bytes] | None = None,
    footer: Callable[[int, int], str] | None = None,
) -> bytes:
    """A PDF in memory (A4 or Letter, 18 mm margins) of `html` with its images and footer."""
    with _pdf_writer(page, title) as (writer, data):
        paint_pages(text_document(html, images), writer, footer)
    return bytes(data.data())
