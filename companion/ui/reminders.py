"""Gentle reminders while the app runs: a scheduler on the app's clock, and the in-window notice used
when the desktop has no tray to show them.

The wording is an invitation, never a reproach: no streaks, no counts, no "you missed". The texts say
nothing from the diary, so they may show while it is locked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain.reminders import ReminderKind, due, settle_passed, time_has_come
from companion.i18n import _
from companion.services.app_context import AppContext
from companion.ui.widgets import Retranslatable, label

if TYPE_CHECKING:
    from companion.ui.today.today_view import TodayView

CHECK_INTERVAL_MS = 30_000
# For a day: (checked in today?, PEG due?). The window answers from the open diary, or while locked from
# what it last saw (two facts about dates, never content).
Facts = Callable[[dt.date], tuple[bool, bool]]


def reminder_text(kind: str) -> str:
    if kind == ReminderKind.PEG:
        return _(
            "Would you like to answer this week's three short questions about pain and activity? They are on Today."
        )
    return _("Would you like to do today's check-in? It takes a minute.")


def focus_for_reminder(today: TodayView, kind: str) -> None:
    """On Today: the weekly questions' button for a PEG reminder (when they are due), else the pain score."""
    peg_button = today.measures_banner.peg_button
    target = peg_button if kind == ReminderKind.PEG and peg_button.isVisibleTo(today) else today.picker.buttons[0]
    target.setFocus()


class ReminderScheduler(QObject):
    """Looks every 30 seconds (and whenever asked) whether a reminder's time has come."""

    reminder_due = Signal(str)  # a ReminderKind value

    def __init__(self, parent: QObject, context: AppContext, facts: Facts) -> None:
        super().__init__(parent)
        self._context = context
        self._facts = facts
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check_now)
        self.plan_changed(settle=False)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def plan_changed(self, *, settle: bool = True) -> None:
        """After Settings changed the plan: times already passed today count as handled."""
        settings = self._context.settings
        plan = settings.reminder_plan()
        if settle:
            last = settings.reminders_last()
            settled = settle_passed(self._context.clock(), plan, last)
            if settled != last:
                self._remember(settled.checkin, settled.peg)
        if plan.any:
            self._timer.start()
        else:
            self._timer.stop()

    def check_now(self) -> list[str]:
        """Show what is due now (each at most once a day); returns the kinds shown."""
        settings = self._context.settings
        plan = settings.reminder_plan()
        now = self._context.clock()
        last = settings.reminders_last()
        if not any(time_has_come(kind, now, plan, last) for kind in ReminderKind):
            return []
        checked_in, peg_due = self._facts(now.date())
        shown, handled = due(now, plan, last, checked_in_today=checked_in, peg_due=peg_due)
        self._remember(handled.checkin, handled.peg)
        for kind in shown:
            self.reminder_due.emit(kind.value)
        return [kind.value for kind in shown]

    def _remember(self, checkin: dt.date | None, peg: dt.date | None) -> None:
        self._context.update_settings(
            reminder_checkin_last=checkin.isoformat() if checkin else None,
            reminder_peg_last=peg.isoformat() if peg else None,
        )


class ReminderNotice(Retranslatable, QFrame):
    """A quiet, non-modal notice across the top of the window; Escape or "Not today" puts it away."""

    open_requested = Signal(str)  # the ReminderKind to go to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.kind = ReminderKind.CHECKIN.value
        self._waiting: list[str] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        self.text = label()
        self.text.setObjectName("reminderNoticeText")
        self.open_button = QPushButton()
        self.open_button.setObjectName("reminderOpenButton")
        self.not_today = QPushButton()
        self.not_today.setObjectName("reminderNotTodayButton")
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.not_today)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.not_today.clicked.connect(self.dismiss)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.dismiss)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()
        self.retranslate_ui()

    def above(self, content: QWidget) -> QWidget:
        """A widget with this notice across the top of `content` (the window's central widget)."""
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self)
        layout.addWidget(content, 1)
        return holder

    def show_reminder(self, kind: str) -> None:
        if self.isVisible() and kind != self.kind:
            if kind not in self._waiting:
                self._waiting.append(kind)
            return
        self.kind = kind
        self.retranslate_ui()
        self.show()

    def dismiss(self) -> None:
        """Put this reminder away (it does not come back today) and show the next waiting one, if any."""
        self.hide()
        if self._waiting:
            self.show_reminder(self._waiting.pop(0))

    def clear(self) -> None:
        self._waiting.clear()
        self.hide()

    def _on_open_clicked(self) -> None:
        kind = self.kind
        self.dismiss()
        self.open_requested.emit(kind)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Reminder"))
        self.text.setText(reminder_text(self.kind))
        self.setAccessibleDescription(self.text.text())
        if self.kind == ReminderKind.PEG:
            self.open_button.setText(_("Answer them now"))
            self.open_button.setAccessibleName(_("Answer this week's questions now"))
        else:
            self.open_button.setText(_("Do a check-in now"))
            self.open_button.setAccessibleName(_("Do a check-in now"))
        self.not_today.setText(_("Not today"))
        self.not_today.setAccessibleName(_("Not today: put this reminder away"))
