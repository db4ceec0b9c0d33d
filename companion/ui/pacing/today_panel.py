"""Pacing on Today: what is planned, the amount done logged in one step, and the pacing timer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.errors import SaveFailedError, ValidationError
from companion.domain.flare import FlareEpisode
from companion.domain.pacing_timer import TimerEvent, TimerState
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.presentation.pacing_words import format_amount, unit_name
from companion.services.pacing import TimerCheckpoint
from companion.services.session import DiarySession
from companion.ui.widgets import Retranslatable, label, set_tab_order

MIN_LOGGED_MINUTES = 0.1


def clock_text(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 60:d}:{whole % 60:02d}"


class AmountSpin(QDoubleSpinBox):
    """A number box where Enter submits once (the line edit inside would otherwise report it twice)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.interpretText()
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


def amount_spin(activity: p.Activity) -> AmountSpin:
    spin = AmountSpin()
    whole = activity.unit in (p.Unit.REPETITIONS, p.Unit.PAGES, p.Unit.METRES)
    spin.setDecimals(0 if whole else 1)
    spin.setRange(0, p.AMOUNT_MAX)
    spin.setSingleStep(1 if whole else 0.5)
    spin.setMinimumWidth(90)
    return spin


class ActivityRow(QFrame):
    """One planned activity: planned against actual, an amount and Log (Enter logs too), the timer."""

    log_requested = Signal(str, float)
    timer_requested = Signal(str)

    def __init__(self, progress: p.DayProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacingActivityRow")
        self.progress = progress
        activity = progress.activity
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 4)
        self.name = label()
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.status = label()
        self.status.setObjectName("pacingPlannedActual")
        self.amount = amount_spin(activity)
        self.amount.setObjectName("pacingAmount")
        self.log_button = QPushButton()
        self.log_button.setObjectName("pacingLogButton")
        self.timer_button = QPushButton()
        self.timer_button.setObjectName("pacingTimerButton")
        self.timer_button.setVisible(activity.timed and progress.target is not None)
        grid.addWidget(self.name, 0, 0, 1, 4)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(self.amount, 1, 1)
        grid.addWidget(self.log_button, 1, 2)
        grid.addWidget(self.timer_button, 1, 3)
        grid.setColumnStretch(0, 1)
        self.log_button.clicked.connect(self._log)
        self.amount.submitted.connect(self._log)
        self.timer_button.clicked.connect(lambda: self.timer_requested.emit(activity.id))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        activity, progress = self.progress.activity, self.progress
        self.name.setText(activity.name)
        done = format_amount(progress.done, activity)
        if progress.target is None:
            text = _("Not planned today. Done: {done}.").format(done=done)
        else:
            planned = format_amount(progress.target, activity)
            if progress.over_plan:
                text = _("Planned: {planned}. Done: {done}, more than planned.").format(planned=planned, done=done)
            elif progress.reached:
                text = _("Planned: {planned}. Done: {done}. Plan reached.").format(planned=planned, done=done)
            else:
                text = _("Planned: {planned}. Done so far: {done}.").format(planned=planned, done=done)
        self.status.setText(text)
        self.status.setAccessibleName(_("{activity}: {status}").format(activity=activity.name, status=text))
        self.amount.setAccessibleName(
            _("Amount of {activity} to log, in {unit}").format(activity=activity.name, unit=unit_name(activity))
        )
        self.log_button.setText(_("Log"))
        self.log_button.setAccessibleName(_("Log this amount of {activity}").format(activity=activity.name))
        self.timer_button.setText(_("Start timer"))
        self.timer_button.setAccessibleName(_("Start the pacing timer for {activity}").format(activity=activity.name))

    def _log(self) -> None:
        self.log_requested.emit(self.progress.activity.id, self.amount.value())


class PacingTodayPanel(Retranslatable, QFrame):
    changed = Signal()
    save_failed = Signal(object)
    rest_prompt = Signal(str)  # a rest-break or stop prompt, for the system tray as well
    timer_running_changed = Signal(bool)

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacingTodayPanel")
        self._session = session
        self._rows: list[ActivityRow] = []
        self._last_log: p.ActivityLog | None = None
        self._offered_flare: FlareEpisode | None = None
        self._after_lock: dict[str, Any] | None = None
        self._neighbours: tuple[QWidget, QWidget | None] | None = None
        self.timer: TimerState | None = None
        self.timer_activity: p.Activity | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        self.heading = label("subheading")
        self.heading.setObjectName("pacingTodayHeading")
        self.empty = label()
        self.empty.setObjectName("pacingTodayEmpty")

        self.offer = QFrame()
        self.offer.setObjectName("banner")
        offer_row = QHBoxLayout(self.offer)
        self.offer_text = label()
        self.offer_text.setObjectName("pacingOfferText")
        self.offer_button = QPushButton()
        self.offer_button.setObjectName("pacingOfferButton")
        self.offer_dismiss = QPushButton()
        self.offer_dismiss.setObjectName("pacingOfferDismiss")
        offer_row.addWidget(self.offer_text, 1)
        offer_row.addWidget(self.offer_button)
        offer_row.addWidget(self.offer_dismiss)
        self.offer.hide()

        self.rows_box = QVBoxLayout()
        self.message = label()
        self.message.setObjectName("pacingMessage")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("pacingUndoButton")
        self.undo_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.undo_button)

        # --- the pacing timer ---
        self.timer_box = QFrame()
        self.timer_box.setObjectName("banner")
        timer_layout = QVBoxLayout(self.timer_box)
        self.timer_title = label("subheading")
        self.timer_title.setObjectName("pacingTimerTitle")
        self.timer_clock = label("heading")
        self.timer_clock.setObjectName("pacingTimerClock")
        self.timer_bar = QProgressBar()
        self.timer_bar.setObjectName("pacingTimerBar")
        self.timer_bar.setTextVisible(False)
        self.timer_prompt = label()
        self.timer_prompt.setObjectName("pacingTimerPrompt")
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pacingPauseButton")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("pacingStopButton")
        self.sound = QCheckBox()
        self.sound.setObjectName("pacingSound")
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.sound)
        buttons.addStretch(1)
        for widget in (self.timer_title, self.timer_clock, self.timer_bar, self.timer_prompt):
            timer_layout.addWidget(widget)
        timer_layout.addLayout(buttons)
        self.timer_box.hide()
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)

        layout.addWidget(self.heading)
        layout.addWidget(self.offer)
        layout.addWidget(self.timer_box)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.empty)
        layout.addLayout(message_row)

        self.offer_button.clicked.connect(self._on_offer_accepted)
        self.offer_dismiss.clicked.connect(self._on_offer_dismissed)
        self.undo_button.clicked.connect(self._undo_last_log)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.stop_button.clicked.connect(self.stop_timer)
        self.ticker.timeout.connect(self.tick)
        self.retranslate_ui()

    # --- text ---

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Pacing today"))
        self.empty.setText(_("Nothing planned for today. You can set up an activity under Pacing (Ctrl+3)."))
        self.offer_dismiss.setText(_("Not now"))
        self.undo_button.setText(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo the last amount logged"))
        self.stop_button.setText(_("Stop and log"))
        self.stop_button.setAccessibleName(_("Stop the timer and log the time done"))
        self.sound.setText(_("Sound at rest breaks"))
        self.sound.setAccessibleName(_("Play a sound at rest breaks"))
        self.timer_bar.setAccessibleName(_("Time done against the plan"))
        self._update_timer_texts()
        self.refresh()

    # --- refresh ---

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        progress = self._session.pacing.today_progress()
        for item in progress:
            row = ActivityRow(item)
            row.log_requested.connect(self.log)
            row.timer_requested.connect(self.start_timer)
            row.timer_button.setEnabled(self.timer is None)
            self.rows_box.addWidget(row)
            self._rows.append(row)
        self.empty.setVisible(not progress)
        self._refresh_offer()
        self._chain_focus()

    def set_focus_neighbours(self, before: QWidget, after: QWidget | None) -> None:
        """Tab reaches the panel after `before` and leaves it for `after`, rows included as they change.
        With `after` None, whatever follows the panel's Undo button stays there (Today puts its dose
        buttons there)."""
        self._neighbours = (before, after)
        self._chain_focus()

    def _chain_focus(self) -> None:
        if self._neighbours is None:
            return
        before, after = self._neighbours
        chain: list[QWidget] = [
            before,
            self.offer_button,
            self.offer_dismiss,
            self.pause_button,
            self.stop_button,
            self.sound,
        ]
        for row in self._rows:
            chain += [row.amount, row.log_button, row.timer_button]
        chain += [self.undo_button] if after is None else [self.undo_button, after]
        set_tab_order(chain)

    def rows(self) -> list[ActivityRow]:
        return list(self._rows)

    def row_for(self, name: str) -> ActivityRow:
        return next(r for r in self._rows if r.progress.activity.name == name)

    def _refresh_offer(self) -> None:
        pacing = self._session.pacing
        checkpoint = pacing.timer_checkpoint() if self.timer is None else None
        self._offered_flare = None
        if checkpoint is not None and checkpoint.done_seconds / 60 >= MIN_LOGGED_MINUTES:
            activity = next((a for a in pacing.activities() if a.id == checkpoint.activity_id), None)
            if activity is not None:
                minutes = round(checkpoint.done_seconds / 60, 1)
                self.offer_text.setText(
                    _(
                        "A pacing timer for {activity} was still running when Companion last closed. "
                        "Time done by then: {amount}."
                    ).format(activity=activity.name, amount=format_amount(minutes, activity))
                )
                self.offer_button.setText(_("Log {amount}").format(amount=format_amount(minutes, activity)))
                self.offer_button.setProperty("action", "checkpoint")
                self.offer.show()
                return
        flare = pacing.flare_to_offer(self._session.flares.episodes())
        if flare is not None:
            self._offered_flare = flare
            self.offer_text.setText(
                _(
                    "A flare-up started on {date}. Your flare-up plan says to ease back, not stop. "
                    "Step today's pacing plans down to {percent} % for now?"
                ).format(date=format_date(flare.started_at.date()), percent=round(p.DEFAULT_STEP_DOWN_SHARE * 100))
            )
            self.offer_button.setText(_("Step down"))
            self.offer_button.setProperty("action", "step_down")
            self.offer.show()
            return
        current = self._session.flares.current()
        stepped = pacing.stepped_down_activities()
        if stepped and current is None:
            self.offer_text.setText(
                _("Your pacing plans are stepped down after a flare-up. When you feel ready, step back up.")
            )
            self.offer_button.setText(_("Step back up"))
            self.offer_button.setProperty("action", "step_up")
            self.offer.show()
            return
        self.offer.hide()

    def _on_offer_accepted(self) -> None:
        action = self.offer_button.property("action")
        pacing = self._session.pacing
        try:
            if action == "checkpoint":
                checkpoint = pacing.timer_checkpoint()
                if checkpoint is not None:
                    pacing.log(checkpoint.activity_id, round(checkpoint.done_seconds / 60, 1), p.LogSource.TIMER)
                self.message.setText(_("The time was logged."))
            elif action == "step_down" and self._offered_flare is not None:
                pacing.answer_flare(self._offered_flare.id, p.DEFAULT_STEP_DOWN_SHARE)
                self.message.setText(_("Your plans are stepped down. Build back up when you are ready."))
            elif action == "step_up":
                for activity in pacing.stepped_down_activities():
                    pacing.step_up(activity.id)
                self.message.setText(_("Your plans are back where they were before the flare-up."))
        except ValidationError as exc:
            self.message.setText(exc.message())
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.refresh()
        self.changed.emit()

    def _on_offer_dismissed(self) -> None:
        action = self.offer_button.property("action")
        try:
            if action == "checkpoint":
                self._session.pacing.save_timer_checkpoint(None)
            elif action == "step_down" and self._offered_flare is not None:
                self._session.pacing.answer_flare(self._offered_flare.id, None)
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.offer.hide()
        self.refresh()

    # --- logging ---

    def log(self, activity_id: str, amount: float, source: p.LogSource = p.LogSource.MANUAL) -> bool:
        try:
            entry, progress, _changes = self._session.pacing.log(activity_id, amount, source)
        except ValidationError as exc:
            self.message.setText(exc.message())
            return False
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
            self.refresh()
            return True
        self._last_log = entry
        activity = progress.activity
        text = _("Logged {amount} of {activity}.").format(
            amount=format_amount(entry.amount, activity), activity=activity.name
        )
        if progress.over_plan and progress.target is not None:
            text += " " + _(
                "That is more than today's plan of {planned}. On a good day it helps to keep to the plan, "
                "so that tomorrow doesn't pay for today."
            ).format(planned=format_amount(progress.target, activity))
        self.message.setText(text)
        self.undo_button.show()
        self.refresh()
        self.changed.emit()
        return True

    def _undo_last_log(self) -> None:
        if self._last_log is None:
            return
        try:
            self._session.pacing.delete_log(self._last_log.id)
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self._last_log = None
        self.undo_button.hide()
        self.message.setText(_("The last amount logged was removed."))
        self.refresh()
        self.changed.emit()

    # --- the timer ---

    def start_timer(self, activity_id: str, target_minutes: float | None = None) -> None:
        if self.timer is not None:
            return
        pacing = self._session.pacing
        activity = pacing.get(activity_id)
        progress = pacing.progress(activity)
        minutes = target_minutes if target_minutes is not None else (progress.remaining or progress.target or 0)
        if minutes <= 0:
            minutes = progress.target or 1.0
        rest = dt.timedelta(minutes=activity.rest_every_minutes) if activity.rest_every_minutes else None
        self.timer = TimerState.start(activity.id, dt.timedelta(minutes=minutes), pacing.now(), rest)
        self.timer_activity = activity
        self.timer_prompt.setText("")
        self.timer_box.show()
        self.ticker.start()
        self._checkpoint()
        self._update_timer_texts()
        for row in self._rows:
            row.timer_button.setEnabled(False)
        self.pause_button.setFocus()
        self.timer_running_changed.emit(True)

    def tick(self) -> None:
        if self.timer is None or self.timer_activity is None:
            return
        now = self._session.pacing.now()
        for event in self.timer.due(now):
            if event is TimerEvent.REST:
                text = _("Time for a {minutes}-minute rest break. Press Rest now, then Carry on when ready.").format(
                    minutes=self.timer_activity.rest_minutes
                )
                self._checkpoint()
            else:
                text = _("You have reached today's plan for {activity}. Time to stop and log it.").format(
                    activity=self.timer_activity.name
                )
            self.timer_prompt.setText(text)
            if self.sound.isChecked():
                QApplication.beep()
            self.rest_prompt.emit(text)
        self._update_timer_texts()

    def _update_timer_texts(self) -> None:
        if self.timer is None or self.timer_activity is None:
            return
        now = self._session.pacing.now() if self._session.is_open else self.timer.started_at
        total = self.timer.target.total_seconds()
        done = self.timer.active(now).total_seconds()
        self.timer_title.setText(_("Pacing timer: {activity}").format(activity=self.timer_activity.name))
        if done < total:
            clock = _("{left} left of {total}").format(left=clock_text(total - done), total=clock_text(total))
        else:
            clock = _("{done} done; the plan was {total}").format(done=clock_text(done), total=clock_text(total))
        self.timer_clock.setText(clock)
        self.timer_clock.setAccessibleName(clock)
        self.timer_bar.setRange(0, max(1, int(total)))
        self.timer_bar.setValue(min(int(done), int(total)))
        if self.timer.running:
            self.pause_button.setText(_("Rest now"))
            self.pause_button.setAccessibleName(_("Pause the timer for a rest"))
        else:
            self.pause_button.setText(_("Carry on"))
            self.pause_button.setAccessibleName(_("Carry on timing after the rest"))

    def _on_pause_clicked(self) -> None:
        if self.timer is None:
            return
        now = self._session.pacing.now()
        if self.timer.running:
            self.timer.pause(now)
            self.timer_prompt.setText(_("Resting. The timer is paused."))
            self._checkpoint()
        else:
            self.timer.resume(now)
            self.timer_prompt.setText("")
        self._update_timer_texts()

    def _checkpoint(self) -> None:
        if self.timer is None:
            return
        now = self._session.pacing.now()
        checkpoint = TimerCheckpoint(
            self.timer.activity_id,
            self.timer.started_at.isoformat(),
            self.timer.active(now).total_seconds(),
            self.timer.target.total_seconds(),
        )
        try:
            self._session.pacing.save_timer_checkpoint(checkpoint)
        except SaveFailedError as exc:
            self.save_failed.emit(exc)

    @property
    def timer_running(self) -> bool:
        return self.timer is not None

    def stop_timer(self) -> float | None:
        """Stop and log the active time (in minutes); None when nothing was running."""
        if self.timer is None or self.timer_activity is None:
            return None
        done = self.timer.stop(self._session.pacing.now())
        activity = self.timer_activity
        self.timer = None
        self.timer_activity = None
        self.ticker.stop()
        self.timer_box.hide()
        minutes = round(done.total_seconds() / 60, 1)
        self.timer_running_changed.emit(False)
        if minutes < MIN_LOGGED_MINUTES:
            try:
                self._session.pacing.save_timer_checkpoint(None)
            except SaveFailedError as exc:
                self.save_failed.emit(exc)
            self.message.setText(_("The timer was stopped before any time was done."))
            self.refresh()
            return 0.0
        self.log(activity.id, minutes, p.LogSource.TIMER)
        return minutes

    def stop_for_lock(self) -> dict[str, Any] | None:
        """The diary is locking: log the time done and say what to show after unlocking."""
        if self.timer is None or self.timer_activity is None:
            return None
        activity = self.timer_activity
        remaining = self.timer.remaining(self._session.pacing.now()).total_seconds() / 60
        minutes = self.stop_timer()
        return {"activity_id": activity.id, "minutes": minutes or 0.0, "remaining": round(remaining, 1)}

    def show_after_lock(self, state: dict[str, Any]) -> None:
        activity_id = str(state.get("activity_id", ""))
        activity = next((a for a in self._session.pacing.activities() if a.id == activity_id), None)
        if activity is None:
            return
        minutes = float(state.get("minutes") or 0.0)
        self._after_lock = state
        self.message.setText(
            _(
                "The pacing timer for {activity} stopped when the diary locked, and the time done was logged: {amount}."
            ).format(activity=activity.name, amount=format_amount(minutes, activity))
        )
        self.undo_button.hide()
