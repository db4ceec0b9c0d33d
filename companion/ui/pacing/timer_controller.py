"""The running pacing timer, owned by the app rather than a screen: it keeps going through a lock.

A person starts the timer and goes for a walk; auto-lock (five minutes without input by default) must not
stop it. So the timer lives here, beside the window, not inside Today: locking detaches it from the diary
(it saves a checkpoint first) and the lock screen shows its time with Rest and Stop. Time stopped while
locked is logged as soon as the diary is unlocked. Rest-break prompts keep coming while locked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from companion.domain import pacing as p
from companion.domain.changes import Changes
from companion.domain.pacing_timer import TimerEvent, TimerState
from companion.i18n import _
from companion.services.clock import Clock

if TYPE_CHECKING:  # the lock screen shows the timer: nothing of the database layer loads for it
    from companion.services.pacing import TimerCheckpoint
    from companion.ui.core.diary import OpenDiary

MIN_LOGGED_MINUTES = 0.1  # under six seconds is a mis-click, not activity


def clock_text(seconds: float) -> str:
    """Minutes and seconds, "12:05" (digits and a colon read the same in Welsh and English)."""
    whole = max(0, round(seconds))
    return f"{whole // 60:d}:{whole % 60:02d}"


@dataclass(frozen=True)
class StoppedWhileLocked:
    activity: p.Activity
    minutes: float


class PacingTimerController(QObject):
    ticked = Signal()  # once a second while a timer exists (screens redraw its clock)
    prompted = Signal(str)  # a rest break or "time to stop": for the tray and the window alert too
    running_changed = Signal(bool)  # a timer started (True) or stopped (False)
    said = Signal(str)  # what happened, for the screen that shows the timer ("Logged 12 minutes…")

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._diary: OpenDiary | None = None
        self.state: TimerState | None = None
        self.activity: p.Activity | None = None
        self.prompt = ""  # the latest prompt, shown under the clock
        self.message = ""  # the latest thing said (kept for a screen built later, such as Today at unlock)
        self._stopped: StoppedWhileLocked | None = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)

    # --- the diary comes and goes ----------------------------------------------------------------------

    def attach(self, diary: OpenDiary) -> None:
        """The diary was unlocked: log time stopped while it was locked."""
        self._diary = diary
        stopped, self._stopped = self._stopped, None
        if stopped is not None:
            self._log(stopped.activity, stopped.minutes, locked=True)

    def detach(self) -> None:
        """The diary is locking: keep a checkpoint of a running timer in it, then carry on without it."""
        self._checkpoint()
        self._diary = None

    @property
    def attached(self) -> bool:
        return self._diary is not None

    # --- the timer -------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """A timer exists (timing or resting)."""
        return self.state is not None

    def now(self) -> dt.datetime:
        return self._clock.now()

    def start(self, activity: p.Activity, minutes: float) -> None:
        if self.state is not None:
            return
        rest = dt.timedelta(minutes=activity.rest_every_minutes) if activity.rest_every_minutes else None
        self.state = TimerState.start(activity.id, dt.timedelta(minutes=max(minutes, 0.1)), self.now(), rest)
        self.activity = activity
        self.prompt = ""
        self.ticker.start()
        self._checkpoint()
        self.running_changed.emit(True)
        self.ticked.emit()

    def pause_or_resume(self) -> None:
        if self.state is None:
            return
        if self.state.running:
            self.state.pause(self.now())
            self.prompt = _("Resting. The timer is paused.")
            self._checkpoint()
        else:
            self.state.resume(self.now())
            self.prompt = ""
        self.ticked.emit()

    def tick(self) -> None:
        if self.state is None or self.activity is None:
            return
        for event in self.state.due(self.now()):
            if event is TimerEvent.REST:
                text = _("Time for a {minutes}-minute rest break. Press Rest now, then Carry on when ready.").format(
                    minutes=self.activity.rest_minutes
                )
                self._checkpoint()
            else:
                text = _("You have reached today's plan for {activity}. Time to stop and log it.").format(
                    activity=self.activity.name
                )
            self.prompt = text
            self.prompted.emit(text)
        self.ticked.emit()

    def stop(self) -> float | None:
        """Stop and log the active time (minutes; logged when the diary is next unlocked if it is locked now).
        None when no timer was running."""
        if self.state is None or self.activity is None:
            return None
        done = self.state.stop(self.now())
        activity = self.activity
        self.state = None
        self.activity = None
        self.prompt = ""
        self.ticker.stop()
        minutes = round(done.total_seconds() / 60, 1)
        self.running_changed.emit(False)
        if self._diary is None:
            self._stopped = StoppedWhileLocked(activity, minutes)
            self._say(_("The timer has stopped. The time done will be logged when you unlock your diary."))
            return minutes
        if minutes < MIN_LOGGED_MINUTES:
            self._write(lambda diary: _save_checkpoint(diary, None))
            self._say(_("The timer was stopped before any time was done."))
            return 0.0
        self._log(activity, minutes, locked=False)
        return minutes

    # --- what the screens show -------------------------------------------------------------------------

    def remaining(self) -> dt.timedelta:
        return self.state.remaining(self.now()) if self.state is not None else dt.timedelta(0)

    def active(self) -> dt.timedelta:
        return self.state.active(self.now()) if self.state is not None else dt.timedelta(0)

    # --- writing through the diary ---------------------------------------------------------------------

    def _log(self, activity: p.Activity, minutes: float, *, locked: bool) -> None:
        if minutes < MIN_LOGGED_MINUTES:
            return
        done = self._write(lambda diary: self._log_op(diary, activity, minutes))
        if done:
            from companion.presentation.pacing_words import format_amount

            amount = format_amount(minutes, activity)
            if locked:
                text = _("The pacing timer for {activity} was stopped while the diary was locked: {amount} logged.")
                self._say(text.format(activity=activity.name, amount=amount))
            else:
                self._say(_("Logged {amount} of {activity}.").format(amount=amount, activity=activity.name))

    @staticmethod
    def _log_op(diary: OpenDiary, activity: p.Activity, minutes: float) -> tuple[object, Changes]:
        entry, _progress, changes = diary.session.pacing.log(activity.id, minutes, p.LogSource.TIMER)
        return entry, changes

    def _checkpoint(self) -> None:
        if self.state is None or self._diary is None:
            return
        from companion.services.pacing import TimerCheckpoint

        now = self.now()
        checkpoint = TimerCheckpoint(
            self.state.activity_id,
            self.state.started_at.isoformat(),
            self.state.active(now).total_seconds(),
            self.state.target.total_seconds(),
        )
        self._write(lambda diary: _save_checkpoint(diary, checkpoint))

    def _write(self, op: Callable[[OpenDiary], tuple[Any, Changes]]) -> bool:
        diary = self._diary
        if diary is None:
            return False
        return diary.run(lambda: op(diary), problem=self._say) is not None

    def _say(self, text: str) -> None:
        self.message = text
        self.said.emit(text)


def _save_checkpoint(diary: OpenDiary, checkpoint: TimerCheckpoint | None) -> tuple[None, Changes]:
    """The timer's state, kept in the diary so a crash cannot lose the time done (not shown on any page)."""
    diary.session.pacing.save_timer_checkpoint(checkpoint)
    return None, Changes()
