"""Printing through the system print dialog and the print preview (loaded only when someone prints)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui.widgets import window_title


def print_recovery_key(parent: QWidget, key: str, made_on: dt.date) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(window_title(_("Print the recovery key")))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    doc = QTextDocument()
    doc.setHtml(
        "<h2>{title}</h2><p>{when}</p><p style='font-size:20pt;font-family:monospace'>{key}</p><p>{keep}</p>".format(
            title=html.escape(_("Companion recovery key")),
            when=html.escape(format_date(made_on)),
            key=html.escape(key),
            keep=html.escape(
                _("Keep this page somewhere safe. Anyone who has it and your diary file can open your diary.")
            ),
        )
    )
    _print_privately(doc, printer)
    return True


def _print_privately(doc: QTextDocument, printer: object) -> None:
    """Print; when the person chose "print to file", the file Qt writes is mode 0600 like every file Companion
    writes (the umask is tightened while Qt creates it, and the mode set again after)."""
    import os
    from pathlib import Path

    from PySide6.QtPrintSupport import QPrinter

    assert isinstance(printer, QPrinter)
    previous = os.umask(0o077) if os.name != "nt" else None
    try:
        doc.print_(printer)
    finally:
        if previous is not None:
            os.umask(previous)
    target = printer.outputFileName()
    if target and os.name != "nt" and Path(target).is_file():
        os.chmod(target, 0o600)


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
        self.dialog.setWindowTitle(window_title(title))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.paintRequested.connect(paint)
        # The dialog is deleted once closed; only then is the printer let go.
        self.dialog.destroyed.connect(self._release)
        self.closed = False
        self._umask: int | None = None

    def _release(self) -> None:
        import os
        from pathlib import Path

        self.dialog = None
        self.closed = True
        if self._umask is not None:
            os.umask(self._umask)
            self._umask = None
        target = self.printer.outputFileName()
        if target and os.name != "nt" and Path(target).is_file():
            os.chmod(target, 0o600)  # printed to a file: private, like every file Companion writes

    def open(self) -> None:
        """Show the preview. While it is open, a file printed from it is created private (umask 077)."""
        import os

        if self.dialog is not None:
            from companion.ui import dialogs

            self._umask = os.umask(0o077) if os.name != "nt" and self._umask is None else self._umask
            dialogs.open_modal(self.dialog)
