"""The system tray, reminders and the pacing timer's prompts: what reaches the person outside the window.

The tray icon is there while the pacing timer runs or reminders are on (where the desktop has a tray).
Reminders come from the scheduler; without a tray they show as a notice in the window. Rest-break prompts
go to the tray and make the window ask for attention, so a person away from the screen is told.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from companion.i18n import _
from companion.services.app_context import AppContext
from companion.ui import tray
from companion.ui.core.diary import OpenDiary
from companion.ui.pacing.timer_controller import PacingTimerController
from companion.ui.reminders import ReminderNotice, ReminderScheduler, reminder_text
from companion.ui.tray import CompanionTray


class TrayController(QObject):
    reminder_opened = Signal(str)  # the person chose a reminder (tray message or notice): its kind
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(self, window: QWidget, context: AppContext, timer: PacingTimerController) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._timer = timer
        self._diary: OpenDiary | None = None
        self.tray: CompanionTray | None = None
        self.available: Callable[[], bool] = tray.available  # tests may pretend a tray exists
        self._known_checkin_day: dt.date | None = None  # two facts kept over a lock: dates only
        self._known_peg_next_due: dt.date | None = None
        self.notice = ReminderNotice()
        self.reminders = ReminderScheduler(self, context, self.facts)
        self.reminders.reminder_due.connect(self._on_reminders_reminder_due)
        self.notice.open_requested.connect(self.reminder_opened)
        timer.running_changed.connect(lambda _running: self.update())
        timer.prompted.connect(self._on_timer_prompted)
        self.update()

    def set_diary(self, diary: OpenDiary | None) -> None:
        """The open diary (None while locked): reminders read two facts from it."""
        if diary is None and self._diary is not None:
            self.facts(self._context.clock().date())  # remember them for while it is locked
        self._diary = diary

    def facts(self, today: dt.date) -> tuple[bool, bool]:
        """(checked in today?, PEG due?): from the open diary, or while locked from what it last showed."""
        if self._diary is not None:
            session = self._diary.session
            self._known_checkin_day = today if session.diary.entries_on(today) else None
            self._known_peg_next_due = session.measures.next_peg_due()
        # None: nothing is due yet (a new diary before its first check-in asks for no questionnaire).
        peg_due = self._known_peg_next_due is not None and today >= self._known_peg_next_due
        return self._known_checkin_day == today, peg_due

    def plan_changed(self) -> None:
        self.reminders.plan_changed()
        self.update()

    def _on_reminders_reminder_due(self, kind: str) -> None:
        self.update()
        if self.tray is not None:
            self.tray.notify(reminder_text(kind), reminder=kind)
        else:
            self.notice.show_reminder(kind)

    def _on_timer_prompted(self, text: str) -> None:
        if self.tray is not None:
            self.tray.notify(text)
        QApplication.alert(self._window)  # the taskbar entry asks for attention; no sound unless chosen

    def notify(self, text: str) -> None:
        if self.tray is not None:
            self.tray.notify(text)

    def update(self) -> None:
        """The tray icon is there while the pacing timer runs or reminders are on, where there is a tray."""
        timing = self._timer.running
        if not (timing or self._context.settings.reminder_plan().any) or not self.available():
            self.drop()
            return
        if self.tray is None:
            self.tray = CompanionTray(self._window)
            self.tray.show_requested.connect(self.show_requested)
            self.tray.stop_timer_requested.connect(self._on_tray_stop_timer_requested)
            self.tray.quit_requested.connect(self.quit_requested)
            self.tray.reminder_clicked.connect(self.reminder_opened)
            self.tray.show()
        self.tray.set_timer_running(timing)

    def _on_tray_stop_timer_requested(self) -> None:
        minutes = self._timer.stop()
        if self.tray is not None and minutes:
            self.tray.notify(self._timer.message)
        self.show_requested.emit()

    def keep_timing_in_tray(self) -> bool:
        """Closing the window while the timer runs hides it to the tray instead (True) where there is one."""
        if self.tray is None or not self._timer.running:
            return False
        self.tray.notify(_("Companion is still timing your activity. Use the tray icon to come back."))
        return True

    def drop(self) -> None:
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
