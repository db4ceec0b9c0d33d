"""Asks, as a summary is printed or saved, which day the appointment is: remembered, so that "since my last
appointment" later starts from the day the person named (never from when the file was made)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.widgets import Retranslatable, label, window_title


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AppointmentDialog(Retranslatable, QDialog):
    """Window-modal, never blocking: `on_chosen(day)` runs after OK; Cancel stops the print or save."""

    def __init__(self, parent: QWidget, suggested: dt.date, on_chosen: Callable[[dt.date], None]) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._on_chosen = on_chosen
        layout = QVBoxLayout(self)
        self.question = label()
        self.day = QDateEdit(to_qdate(suggested))
        self.day.setObjectName("appointmentDay")
        self.day.setCalendarPopup(True)
        self.why = label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for part in (self.question, self.day, self.why, self.buttons):
            layout.addWidget(part)
        self.question.setBuddy(self.day)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.accepted.connect(lambda: self._on_chosen(to_date(self.day.date())))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("The appointment")))
        self.question.setText(_("Which day is the appointment this summary is for?"))
        self.day.setAccessibleName(_("Day of the appointment"))
        self.why.setText(
            _(
                "Companion remembers it, so that next time “Since my last appointment” starts from that day. "
                "It is kept in your encrypted diary."
            )
        )
