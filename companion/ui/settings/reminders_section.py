"""Settings → Reminders: a daily check-in reminder at a chosen time, a weekly PEG reminder on a chosen
day, and starting Companion at log-in. All off until the person turns them on; changes apply at once.

The reminder times live in settings.json beside the vault (not diary content), so reminders also come while
the diary is locked; their texts never say anything from the diary. Starting at log-in is an entry the
desktop reads (see companion.storage.autostart), so it is read from there, not remembered here.
"""

from __future__ import annotations

import datetime as dt

from babel import dates as babel_dates
from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import _
from companion.i18n.formatting import locale
from companion.services import preferences
from companion.services.preferences import AppSettings
from companion.ui.layouts import flow_row
from companion.ui.widgets import Retranslatable, label


class RemindersSection(Retranslatable, QGroupBox):
    changed = Signal(dict)  # AppSettings fields to update

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersSection")
        plan = settings.reminder_plan()
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.checkin = QCheckBox()
        self.checkin.setObjectName("reminderCheckinBox")
        self.checkin.setChecked(plan.checkin)
        self.time_label = QLabel()
        self.time = QTimeEdit()
        self.time.setObjectName("reminderTimeEdit")
        self.time.setTime(QTime(plan.at.hour, plan.at.minute))
        self.time_label.setBuddy(self.time)
        self.peg = QCheckBox()
        self.peg.setObjectName("reminderPegBox")
        self.peg.setChecked(plan.peg)
        self.weekday_label = QLabel()
        self.weekday = QComboBox()
        self.weekday.setObjectName("reminderWeekdayCombo")
        for day in range(7):
            self.weekday.addItem("", day)
        self.weekday.setCurrentIndex(plan.peg_weekday)
        self.weekday_label.setBuddy(self.weekday)
        # Each tick box with its time or day beside it, wrapping under it when the text is large (200 % Welsh).
        grid.addWidget(flow_row(self.checkin, _pair(self.time_label, self.time)), 0, 0)
        grid.addWidget(flow_row(self.peg, _pair(self.weekday_label, self.weekday)), 1, 0)
        self.explain = label()
        self.autostart = QCheckBox()
        self.autostart.setObjectName("autostartBox")
        self.autostart_note = label()
        self.autostart_note.setObjectName("autostartNote")
        self.autostart_supported = preferences.autostart_supported()
        self.autostart.setEnabled(self.autostart_supported)
        self.autostart.setChecked(self.autostart_supported and preferences.autostart_enabled())
        layout.addLayout(grid)
        layout.addWidget(self.explain)
        layout.addWidget(self.autostart)
        layout.addWidget(self.autostart_note)
        self._sync_enabled()
        self.checkin.toggled.connect(self._on_changed)
        self.peg.toggled.connect(self._on_changed)
        self.time.timeChanged.connect(self._on_changed)
        self.weekday.activated.connect(self._on_changed)
        self.autostart.toggled.connect(self._on_autostart_toggled)
        self.retranslate_ui()

    def _sync_enabled(self) -> None:
        self.time.setEnabled(self.checkin.isChecked() or self.peg.isChecked())
        self.weekday.setEnabled(self.peg.isChecked())

    def values(self) -> dict[str, object]:
        chosen = self.time.time()
        return {
            "reminder_checkin": self.checkin.isChecked(),
            "reminder_peg": self.peg.isChecked(),
            "reminder_time": dt.time(chosen.hour(), chosen.minute()).strftime("%H:%M"),
            "reminder_peg_weekday": int(self.weekday.currentData()),
        }

    def _on_changed(self, *_args: object) -> None:
        self._sync_enabled()
        self.changed.emit(self.values())

    def _on_autostart_toggled(self, enabled: bool) -> None:
        try:
            preferences.set_autostart(enabled)
        except OSError as exc:
            self.autostart.blockSignals(True)
            self.autostart.setChecked(not enabled)
            self.autostart.blockSignals(False)
            self.autostart_note.setText(
                _("Companion could not change how it starts: {reason}").format(reason=exc.strerror or exc)
            )

    def retranslate_ui(self) -> None:
        self.setTitle(_("Reminders"))
        self.checkin.setText(_("&Remind me to do a check-in each day"))
        self.checkin.setAccessibleName(_("Remind me to do a check-in each day"))
        self.time_label.setText(_("&at"))
        self.time.setAccessibleName(_("Time of day for reminders"))
        self.peg.setText(_("Remind me about the weekly &questions (PEG)"))
        self.peg.setAccessibleName(_("Remind me about the weekly questions"))
        self.weekday_label.setText(_("o&n"))
        self.weekday.setAccessibleName(_("Day of the week for the weekly reminder"))
        names = babel_dates.get_day_names("wide", context="stand-alone", locale=locale())
        for index in range(self.weekday.count()):
            self.weekday.setItemText(index, names[int(self.weekday.itemData(index))])
        self.explain.setText(
            _(
                "Reminders come while Companion is open, through the system tray where there is one and "
                "otherwise in this window. They only come when there is something to do: no check-in yet "
                "today, or this week's questions due."
            )
        )
        self.autostart.setText(_("&Start when I log in"))  # short: a tick box cannot wrap at 200 % text
        self.autostart.setAccessibleName(_("Start Companion when I log in"))
        if not self.autostart_supported:
            self.autostart_note.setText(
                _("Starting at log-in can't be set from Companion on this system. Use the system's own settings.")
            )


def _pair(caption: QLabel, field: QWidget) -> QWidget:
    """A label and its field kept together on one line, so a wrapping row never separates them."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(caption, 0, Qt.AlignmentFlag.AlignVCenter)
    row.addWidget(field, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder
