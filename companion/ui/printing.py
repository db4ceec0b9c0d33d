"""Printing through the system print dialog (loaded only when someone prints)."""

from __future__ import annotations

import html

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui.widgets import window_title


def print_recovery_key(parent: QWidget, key: str) -> bool:
    import datetime as dt

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
            when=html.escape(format_date(dt.date.today())),
            key=html.escape(key),
            keep=html.escape(
                _("Keep this page somewhere safe. Anyone who has it and your diary file can open your diary.")
            ),
        )
    )
    doc.print_(printer)
    return True
