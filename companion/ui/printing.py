"""Printing through the system print dialog and the print preview (loaded only when someone prints)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from companion.i18n import _
from companion.i18n.formatting import format_date


def print_recovery_key(parent: QWidget, key: str) -> bool:
    import datetime as dt

    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the recovery key"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setHtml(
        "<h2>{title}</h2><p>{when}</p><p style='font-size:20pt;font-family:monospace'>{key}</p><p>{keep}</p>".format(
            title=html.escape(_("Companion recovery key")),
            when=html.escape(format_date(dt.date.today())),
            key=html.escape(key),
            keep=html.escape(
                _("Keep this page somewhere safe. Anyone who has it and your diary file can open your diary.")
            ),
        )
    )
    doc.print_(printer)
    return True


class PrintPreview:
    """A print preview (with the system print dialog and printing to a PDF file behind its Print button)
    whose printer lives exactly as long as the dialog: Qt's dialog keeps only a pointer to the printer, so
    a printer dropped while the dialog is open crashes the app. Opened window-modal, never blocking."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        paint: Callable[[QPagedPaintDevice], object],
        *,
        page: str = "A4",
        document_name: str = "",
    ) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(
            QPageSize(QPageSize.PageSizeId.Letter if page == "Letter" else QPageSize.PageSizeId.A4)
        )
        if document_name:
            self.printer.setDocName(document_name)
        self.dialog: QPrintPreviewDialog | None = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setObjectName("printPreview")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.paintRequested.connect(paint)
        # The dialog is deleted once closed; only then is the printer let go.
        self.dialog.destroyed.connect(self._release)
        self.closed = False

    def _release(self) -> None:
        self.dialog = None
        self.closed = True

    def open(self) -> None:
        if self.dialog is not None:
            self.dialog.open()
