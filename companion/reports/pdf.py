"""HTML to PDF in memory with QTextDocument and QPdfWriter (QtGui and QtCore only, never widgets).

This is the only reports module allowed to import PySide6. Nothing touches the disk here: the PDF is
returned as bytes, and the caller writes it (after the not-encrypted warning) with
`companion.services.transfer.write_export`.

A paginated document (the summary) comes as units: pieces of HTML that are never split (a heading with the
block after it, a paragraph, a list item, a chart). `paginate` measures them and fills each page's body
above the footer; each page is then drawn from a document holding only its own units, so no line is ever
drawn twice (a clipped line still reaches a PDF's text layer) and nothing lies under the footer.

Qt needs a QGuiApplication for fonts and text layout. Inside the app one already exists. Without one,
`ensure_gui_application` creates one only when QT_QPA_PLATFORM is set (the tests and a headless command line
set it to "offscreen"); otherwise it raises RuntimeError and the caller must create the application first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from companion.reports.pdf_info import add_info

PAGE_SIZES: dict[str, QPageSize.PageSizeId] = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
}
MARGIN_MM = 18.0
FOOTER_PT = 8.0
# Text in any script: DejaVu (Latin with ŵ and ŷ, Greek, Cyrillic, Arabic, Hebrew), then Noto where it is
# installed (Arabic, Chinese, Japanese, Korean, symbols), then emoji. Qt also falls back through fontconfig
# for a character none of these has.
FONT_CHAIN: tuple[str, ...] = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Symbola",
    "Noto Emoji",
    "Noto Color Emoji",
)
SANS_FAMILY = FONT_CHAIN[0]
LAST_PAGE_AT_LEAST = 0.5  # a last page less than half full: the pages are balanced instead
SECTION_MARK, SECTION_MARK_WITHIN = "<h2>", 160  # a unit with a heading near its start begins a section
FLOAT_MARK = '<p class="chart">'  # a unit starting so is a chart: it may float to the next page

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


def installed_families() -> list[str]:
    """The font chain's families that this computer has, in order (DejaVu Sans first whatever happens)."""
    ensure_gui_application()
    known = set(QFontDatabase.families())
    return [f for f in FONT_CHAIN if f in known] or [SANS_FAMILY]


def document_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(installed_families())
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    for tag in ("liga", "clig", "dlig"):  # "fi" stays two letters when the PDF's text is copied or read aloud
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _screen_dpi(app: QGuiApplication) -> float:
    # QTextDocument lays text out at the screen's logical DPI (Qt's qt_defaultDpi) unless told otherwise.
    screen = app.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0


@contextmanager
def _pdf_writer(page: str, title: str) -> Iterator[tuple[QPdfWriter, QByteArray]]:
    """A PDF writer into memory with the page size, 18 mm margins and title. Ending the painter that
    draws on it writes the PDF's end; the bytes are read after the block."""
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
    """Print `html` to a PDF (A4 or Letter, 18 mm margins, 12 pt text) and return its bytes (a short document
    such as the supporter sheet, paginated by QTextDocument itself)."""
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


def text_document(
    html: str, images: Mapping[str, bytes | QImage] | None = None, *, font_pt: float = 10.0
) -> QTextDocument:
    """The HTML laid out by QTextDocument in the font chain, with the images it shows registered under their
    names (``<img src="name">``) so charts keep their full resolution. An image may be given decoded
    (a QImage), as Pages does: decoding a chart's PNG for each of the many documents a pagination lays out
    was most of a summary's printing time."""
    ensure_gui_application()
    doc = QTextDocument()
    doc.setDefaultFont(document_font(font_pt))
    doc.setDocumentMargin(0)
    for name, image in (images or {}).items():
        if name in html:
            decoded = image if isinstance(image, QImage) else QImage.fromData(image)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), decoded)
    doc.setHtml(html)
    return doc


class Pages:
    """Units laid out on pages of a given body size (in the document's pixels)."""

    def __init__(self, units: Sequence[str], style: str, images: dict[str, bytes] | None, width: float, body: float):
        self.units, self.style = list(units), style
        self.images = {name: QImage.fromData(png) for name, png in (images or {}).items()}  # decoded once
        self.width, self.body = width, body
        floats = [i for i, unit in enumerate(self.units) if unit.startswith(FLOAT_MARK)]
        sections = [i for i, unit in enumerate(self.units) if SECTION_MARK in unit[:SECTION_MARK_WITHIN]]
        self.pages: list[list[int]] = balanced(self.heights(), body, floats, sections)
        # A page that measures over (margins collapse differently when units meet) gives its last unit on.
        index = 0
        while index < len(self.pages):
            page = self.pages[index]
            if len(page) > 1 and self.document(page).size().height() > body + 0.5:
                moved = page.pop()
                if index + 1 == len(self.pages):
                    self.pages.append([])
                self.pages[index + 1].insert(0, moved)
                continue
            index += 1
        # A unit taller than a page (a very long note) is cut into page-high slices: (units, slice number).
        self.slices: list[tuple[list[int], int]] = []
        for page in self.pages:
            tall = self.document(page).size().height() if len(page) == 1 else 0.0
            count = max(1, int(-(-tall // body))) if tall > body + 0.5 else 1
            self.slices.extend((page, part) for part in range(count))

    def html(self, units: Sequence[str]) -> str:
        return f"<html><head><style>{self.style}</style></head><body>{''.join(units)}</body></html>"

    def height(self, *units: str) -> float:
        doc = text_document(self.html(units), self.images)
        doc.setTextWidth(self.width)
        return float(doc.size().height())

    def heights(self) -> list[float]:
        """Each unit's height where it stands: what it adds after the unit before it (the space between two
        blocks depends on both), the first one alone."""
        alone = [self.height(u) for u in self.units]
        return [
            alone[i] if i == 0 else self.height(self.units[i - 1], u) - alone[i - 1] for i, u in enumerate(self.units)
        ]

    def document(self, page: list[int]) -> QTextDocument:
        doc = text_document(self.html([self.units[i] for i in page]), self.images)
        doc.setTextWidth(self.width)
        return doc


def paginate(
    heights: Sequence[float], body: float, floats: Iterable[int] = (), sections: Iterable[int] = ()
) -> list[list[int]]:
    """Indexes of the units on each page: a unit goes on the page if it fits, else starts a new one (a unit
    taller than a page has a page to itself). A floating unit (a chart) that does not fit waits for the top
    of the next page; meanwhile whole sections after it (from one start in `sections` to the next) may fill
    the space left on this page, as figures float in print, but a section is never cut by a waiting chart."""
    floating, starts = set(floats), sorted(set(sections))
    pages: list[list[int]] = [[]]
    used = 0.0
    waiting: list[int] = []

    def new_page() -> None:
        nonlocal used
        pages.append([])
        used = 0.0
        while waiting and (not pages[-1] or used + heights[waiting[0]] <= body):
            index = waiting.pop(0)
            pages[-1].append(index)
            used += heights[index]

    def section_end(index: int) -> int:
        later = [s for s in starts if s > index] + [i for i in floating if i > index] + [len(heights)]
        return min(later)

    index = 0
    while index < len(heights):
        height = heights[index]
        if waiting:
            if index in floating:
                waiting.append(index)  # charts keep their order
                index += 1
                continue
            end = section_end(index)
            whole = sum(heights[index:end])
            if index in starts and used + whole <= body:
                pages[-1].extend(range(index, end))
                used += whole
                index = end
                continue
            new_page()
        if used + height > body and pages[-1]:
            if index in floating:
                waiting.append(index)
                index += 1
                continue
            new_page()
            if used + height > body and pages[-1]:
                new_page()
        pages[-1].append(index)
        used += height
        index += 1
    while waiting:
        new_page()
    return [page for page in pages if page]


def balanced(
    heights: Sequence[float], body: float, floats: Iterable[int] = (), sections: Iterable[int] = ()
) -> list[list[int]]:
    """Pages as `paginate` fills them, unless that leaves a last page under LAST_PAGE_AT_LEAST full: then,
    from the back, a page's last unit moves to the top of the next while that makes the two more even (and
    the next still fits), so the same pages are filled evenly instead of one almost empty at the end."""
    pages = paginate(heights, body, list(floats), list(sections))

    def fill(page: list[int]) -> float:
        return sum(heights[i] for i in page)

    if len(pages) < 2 or fill(pages[-1]) >= LAST_PAGE_AT_LEAST * body:
        return pages
    moved = True
    while moved:
        moved = False
        for k in range(len(pages) - 1, 0, -1):
            before, after = pages[k - 1], pages[k]
            while len(before) > 1:
                unit = heights[before[-1]]
                gap = abs(fill(before) - fill(after))
                if fill(after) + unit > body or abs(fill(before) - unit - fill(after) - unit) >= gap:
                    break
                after.insert(0, before.pop())
                moved = True
    return pages


def paint_units(
    units: Sequence[str],
    style: str,
    device: QPagedPaintDevice,
    footer: Callable[[int, int], str] | None = None,
    images: dict[str, bytes] | None = None,
) -> int:
    """Paint the units page by page on a PDF writer or a printer, with a footer line on every page
    (``footer(page, pages)``, for "Page 1 of 2"). Returns the number of pages."""
    app = ensure_gui_application()
    dpi = _screen_dpi(app)
    paint = device.pageLayout().paintRectPoints()
    width, height = paint.width() * dpi / 72.0, paint.height() * dpi / 72.0
    footer_height = (FOOTER_PT * 2.6) * dpi / 72.0 if footer else 0.0
    body = height - footer_height
    layout = Pages(units, style, images, width, body)
    count = len(layout.slices)
    painter = QPainter(device)
    scale = device.logicalDpiY() / dpi
    footer_font = document_font(FOOTER_PT)
    footer_font.setPixelSize(round(FOOTER_PT * dpi / 72.0))  # the painter works in the document's pixels
    for index, (page, part) in enumerate(layout.slices):
        if index:
            device.newPage()
        doc = layout.document(page)
        painter.save()
        painter.scale(scale, scale)
        if doc.size().height() > body + 0.5:  # a slice of a unit taller than a page
            doc.setPageSize(QSizeF(width, body))
            painter.translate(0, -part * body)
            doc.drawContents(painter, QRectF(0, part * body, width, body))
        else:
            doc.drawContents(painter)
        painter.restore()
        if footer:
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(QPointF(0, body), QSizeF(width, footer_height)),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                footer(index + 1, count),
            )
            painter.restore()
    painter.end()
    return count


def render_document(
    html: str,
    page: str = "A4",
    *,
    title: str = "",
    subject: str = "",
    images: dict[str, bytes] | None = None,
    footer: Callable[[int, int], str] | None = None,
) -> bytes:
    """A whole HTML document (its <style> and <body>) as one unit: a short document such as "My story so far"."""
    unit, style = document_unit(html)
    return render_units([unit], style, page, title=title, subject=subject, images=images, footer=footer)


def document_unit(html: str) -> tuple[str, str]:
    """(the body, the style sheet) of a whole HTML document, to print it as one unit."""
    import re

    style = re.search(r"<style>(.*?)</style>", html, re.S)
    body = re.search(r"<body>(.*)</body>", html, re.S)
    return (body.group(1) if body else html), (style.group(1) if style else "")


def render_units(
    units: Sequence[str],
    style: str,
    page: str = "A4",
    *,
    title: str = "",
    subject: str = "",
    images: dict[str, bytes] | None = None,
    footer: Callable[[int, int], str] | None = None,
) -> bytes:
    """A PDF in memory (A4 or Letter, 18 mm margins) of the units with their images, footer, title and
    subject."""
    with _pdf_writer(page, title) as (writer, data):
        paint_units(units, style, writer, footer, images)
    pdf = bytes(data.data())
    return add_info(pdf, title=title, subject=subject) if subject else pdf
