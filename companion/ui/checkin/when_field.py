"""When a check-in is for: a date and a time, two Tab stops that take typed digits.

Each box is one Tab stop (Tab leaves it; Left and Right, or typing a separator, move between day, month and
year); digits fill a part and move on to the next, so "01122026" then Tab then "1918" gives 1 December 2026
at 19:18. The date shows CLDR's all-digit form for the interface language with a four-digit year
(ui/field_behaviour.py, the DIGITS property): a month shown by name takes no digits. No upper limit is set
on the boxes: Qt refuses a digit that would pass a limit for a moment while typing (the 1 of 10 November,
say, on the 5th), so a time in the future is refused when saving instead, with a message.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QTimeEdit, QWidget

from companion.i18n import _
from companion.ui.field_behaviour import DIGITS, apply_date_format


class OneStopDateEdit(QDateEdit):
    """Tab leaves the box instead of walking through its day, month and year."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class OneStopTimeEdit(QTimeEdit):
    """Tab leaves the box instead of walking through its hours and minutes."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class WhenField(QWidget):
    """The date box and the time box, read and set together as one wall-clock moment."""

    dateTimeChanged = Signal(QDateTime)
    focused = Signal()  # either box got the keyboard focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinWhen")
        self.date_edit = OneStopDateEdit()
        self.date_edit.setObjectName("checkinWhenDate")
        self.date_edit.setProperty(DIGITS, True)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.time_edit = OneStopTimeEdit()
        self.time_edit.setObjectName("checkinWhenTime")
        for box in (self.date_edit, self.time_edit):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.setKeyboardTracking(True)
            box.installEventFilter(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.time_edit)
        self.setFocusProxy(self.date_edit)
        self.date_edit.dateChanged.connect(self._on_part_changed)
        self.time_edit.timeChanged.connect(self._on_part_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for box in (self.date_edit, self.time_edit):  # also done app-wide as fields are polished
            apply_date_format(box)
        self.date_edit.setAccessibleName(_("Date of this check-in, day/month/year"))
        self.time_edit.setAccessibleName(_("Time of this check-in, hours:minutes"))
        self.setAccessibleName(_("When this check-in is for"))

    def dateTime(self) -> QDateTime:
        return QDateTime(self.date_edit.date(), self.time_edit.time())

    def setDateTime(self, value: QDateTime) -> None:
        """Show `value`; one `dateTimeChanged` for the pair (none when signals are blocked)."""
        quiet = self.signalsBlocked()
        for box in (self.date_edit, self.time_edit):
            box.blockSignals(True)
        self.date_edit.setDate(value.date())
        self.time_edit.setTime(value.time())
        for box in (self.date_edit, self.time_edit):
            box.blockSignals(False)
        if not quiet:
            self.dateTimeChanged.emit(self.dateTime())

    def moment(self) -> tuple[dt.date, dt.time]:
        day, time = self.date_edit.date(), self.time_edit.time()
        return dt.date(day.year(), day.month(), day.day()), dt.time(time.hour(), time.minute())

    def set_moment(self, moment: dt.datetime) -> None:
        """Show a wall-clock time (to the minute) without announcing it as the person's change."""
        self.blockSignals(True)
        self.setDateTime(QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)))
        self.blockSignals(False)

    def _on_part_changed(self, *_args: object) -> None:
        self.dateTimeChanged.emit(self.dateTime())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit()  # before the box selects its first part, so a time put in now is the one typed over
        return False
