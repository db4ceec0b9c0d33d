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

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

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


def render_pdf(html: str, page: str = "A4", *, title: str = "") -> bytes:
    """Print `html` to a PDF (A4 or Letter, 18 mm margins) and return its bytes."""
    if page not in PAGE_SIZES:
        raise ValueError(f"unknown page size {page!r}; use one of {sorted(PAGE_SIZES)}")
    app = ensure_gui_application()

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

    doc = QTextDocument()
    font = QFont(SANS_FAMILY)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(12)
    # No ligatures: "ffl" must stay three letters so the PDF's text can be searched and read aloud.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    # A paginated document (page size set) is printed as laid out: no extra 2 cm margin, no page numbers.
    # Its size is the printable area in the document's own units (pixels at the screen's logical DPI).
    paint = writer.pageLayout().paintRectPoints()
    scale = _screen_dpi(app) / 72.0
    doc.setPageSize(QSizeF(paint.width() * scale, paint.height() * scale))
    doc.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
