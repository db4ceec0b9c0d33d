"""Printing through the system print dialog (loaded only when someone prints)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtGui import QTextDocument
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
