"""Pacing on Today: what is planned, the amount done logged in one step, and the pacing timer.

The timer itself is the app's (ui/pacing/timer_controller.py), so it keeps running through a lock; this
panel shows it and its buttons. A part of the UI core: it reads the diary only in `refresh()`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from companion.domain.changes import Changes
from companion.domain.flare import FlareEpisode
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.presentation.pacing_words import format_amount, unit_name
from companion.services.pacing import TimerCheckpoint
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.pacing.timer_controller import MIN_LOGGED_MINUTES, PacingTimerController, clock_text
from companion.ui.widgets import label, set_tab_order


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


class PacingTodayPanel(PagePart, QFrame):
    interests = Changes(pacing=True, flares=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacingTodayPanel")
        self._diary = diary
        self._session = diary.session
        self.timer_control = diary.timer or PacingTimerController(diary.clock, self)
        self._rows: list[ActivityRow] = []
        self._progress: list[p.DayProgress] = []
        self._offer: tuple[str, object] | None = None  # (action, what it is about)
        self._flare_day = False  # a flare-up touches today: no "on a good day" advice
        self._last_log: p.ActivityLog | None = None
        self._neighbours: tuple[QWidget, QWidget | None] | None = None
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

        # --- the pacing timer (the app's; shown here) ---
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

        layout.addWidget(self.heading)
        layout.addWidget(self.offer)
        layout.addWidget(self.timer_box)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.empty)
        layout.addLayout(message_row)

        self.offer_button.clicked.connect(self._on_offer_accepted)
        self.offer_dismiss.clicked.connect(self._on_offer_dismissed)
        self.undo_button.clicked.connect(self._undo_last_log)
        self.pause_button.clicked.connect(self.timer_control.pause_or_resume)
        self.stop_button.clicked.connect(self.stop_timer)
        self.timer_control.ticked.connect(self._update_timer_texts)
        self.timer_control.running_changed.connect(self._on_timer_running_changed)
        self.timer_control.prompted.connect(self._on_timer_prompted)
        self.timer_control.said.connect(self._on_timer_said)
        if self.timer_control.message:
            self.message.setText(self.timer_control.message)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

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
        self._render_offer()

    # --- reading ---

    def refresh(self) -> None:
        """Read today's plans and what to offer (the only place this panel reads the diary)."""
        pacing = self._session.pacing
        self._progress = pacing.today_progress()
        episodes = self._session.flares.episodes()
        now = self._diary.clock.now()
        self._flare_day = any(now.date() in episode.days(now) for episode in episodes)
        self._offer = self._read_offer(episodes)
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        for item in self._progress:
            row = ActivityRow(item)
            row.log_requested.connect(self.log)
            row.timer_requested.connect(self.start_timer)
            row.timer_button.setEnabled(not self.timer_control.running)
            self.rows_box.addWidget(row)
            self._rows.append(row)
        self.empty.setVisible(not self._progress)
        self._render_offer()
        self._chain_focus()
        self._update_timer_texts()

    def _read_offer(self, episodes: list[FlareEpisode]) -> tuple[str, object] | None:
        pacing = self._session.pacing
        if not self.timer_control.running:
            checkpoint = pacing.timer_checkpoint()
            if checkpoint is not None and checkpoint.done_seconds / 60 >= MIN_LOGGED_MINUTES:
                activity = next((a for a in pacing.activities() if a.id == checkpoint.activity_id), None)
                if activity is not None:
                    return "checkpoint", (checkpoint, activity)
        # Stepping down is offered while a flare goes on, never once it has ended.
        flare = pacing.flare_to_offer([episode for episode in episodes if episode.ongoing])
        if flare is not None:
            return "step_down", flare
        if pacing.stepped_down_activities() and not any(episode.ongoing for episode in episodes):
            return "step_up", None
        return None

    def _render_offer(self) -> None:
        if self._offer is None:
            self.offer.hide()
            return
        action, about = self._offer
        if action == "checkpoint":
            checkpoint: TimerCheckpoint
            activity: p.Activity
            checkpoint, activity = about  # type: ignore[misc]
            minutes = round(checkpoint.done_seconds / 60, 1)
            self.offer_text.setText(
                _(
                    "A pacing timer for {activity} was still running when Companion last closed. "
                    "Time done by then: {amount}."
                ).format(activity=activity.name, amount=format_amount(minutes, activity))
            )
            self.offer_button.setText(_("Log {amount}").format(amount=format_amount(minutes, activity)))
        elif action == "step_down":
            flare: FlareEpisode = about  # type: ignore[assignment]
            self.offer_text.setText(
                _(
                    "A flare-up started on {date}. Your flare-up plan says to ease back, not stop. "
                    "Step today's pacing plans down to {percent} % for now?"
                ).format(date=format_date(flare.started_at.date()), percent=round(p.DEFAULT_STEP_DOWN_SHARE * 100))
            )
            self.offer_button.setText(_("Step down"))
        else:
            self.offer_text.setText(
                _("Your pacing plans are stepped down after a flare-up. When you feel ready, step back up.")
            )
            self.offer_button.setText(_("Step back up"))
        self.offer_button.setProperty("action", action)
        self.offer.show()

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

    # --- the offer (a timer left running, a flare-up's step-down, stepping back up) ---

    def _on_offer_accepted(self) -> None:
        if self._offer is None:
            return
        action, about = self._offer
        pacing = self._session.pacing
        if action == "checkpoint":
            checkpoint: TimerCheckpoint = about[0]  # type: ignore[index]
            minutes = round(checkpoint.done_seconds / 60, 1)
            ok: object = self._diary.run(
                lambda: self._log_op(checkpoint.activity_id, minutes, p.LogSource.TIMER), problem=self.message
            )
            said = _("The time was logged.")
        elif action == "step_down":
            flare: FlareEpisode = about  # type: ignore[assignment]
            ok = self._diary.run(
                lambda: (None, pacing.answer_flare(flare.id, p.DEFAULT_STEP_DOWN_SHARE)), problem=self.message
            )
            said = _("Your plans are stepped down. Build back up when you are ready.")
        else:

            def step_up() -> tuple[None, Changes]:
                for activity in pacing.stepped_down_activities():
                    pacing.step_up(activity.id)
                return None, _PACING

            ok = self._diary.run(step_up, problem=self.message)
            said = _("Your plans are back where they were before the flare-up.")
        if ok is not None:
            self.message.setText(said)

    def _on_offer_dismissed(self) -> None:
        if self._offer is None:
            return
        action, about = self._offer
        pacing = self._session.pacing
        if action == "checkpoint":

            def forget() -> tuple[None, Changes]:
                pacing.save_timer_checkpoint(None)
                return None, _PACING

            self._diary.run(forget, problem=self.message)
        elif action == "step_down":
            flare: FlareEpisode = about  # type: ignore[assignment]
            self._diary.run(lambda: (None, pacing.answer_flare(flare.id, None)), problem=self.message)
        else:
            self._offer = None
            self.offer.hide()

    # --- logging ---

    def _log_op(
        self, activity_id: str, amount: float, source: p.LogSource
    ) -> tuple[tuple[p.ActivityLog, p.DayProgress], Changes]:
        entry, progress, changes = self._session.pacing.log(activity_id, amount, source)
        return (entry, progress), changes

    def log(self, activity_id: str, amount: float, source: p.LogSource = p.LogSource.MANUAL) -> bool:
        done = self._diary.run(lambda: self._log_op(activity_id, amount, source), problem=self.message)
        if done is None:
            return False
        entry, progress = done.value
        self._last_log = entry
        activity = progress.activity
        text = _("Logged {amount} of {activity}.").format(
            amount=format_amount(entry.amount, activity), activity=activity.name
        )
        if progress.over_plan and progress.target is not None and not self._flare_day:
            text += " " + _(
                "That is more than today's plan of {planned}. On a good day it helps to keep to the plan, "
                "so that tomorrow doesn't pay for today."
            ).format(planned=format_amount(progress.target, activity))
        self.message.setText(text)
        self.undo_button.show()
        return True

    def _undo_last_log(self) -> None:
        if self._last_log is None:
            return
        log_id = self._last_log.id
        done = self._diary.run(lambda: self._session.pacing.delete_log(log_id), problem=self.message)
        self._last_log = None
        self.undo_button.hide()
        if done is not None:
            self.message.setText(_("The last amount logged was removed."))

    # --- the timer (the app's controller; this panel shows it) ---

    def start_timer(self, activity_id: str, target_minutes: float | None = None) -> None:
        if self.timer_control.running:
            return
        pacing = self._session.pacing
        activity = pacing.get(activity_id)
        progress = pacing.progress(activity)
        minutes = target_minutes if target_minutes is not None else (progress.remaining or progress.target or 0)
        if minutes <= 0:
            minutes = progress.target or 1.0
        self.timer_control.start(activity, minutes)
        self.pause_button.setFocus()

    def tick(self) -> None:
        self.timer_control.tick()

    @property
    def timer(self) -> object:
        return self.timer_control.state

    @property
    def timer_activity(self) -> p.Activity | None:
        return self.timer_control.activity

    @property
    def timer_running(self) -> bool:
        return self.timer_control.running

    def stop_timer(self) -> float | None:
        """Stop and log the active time (in minutes); None when nothing was running."""
        return self.timer_control.stop()

    def _on_timer_running_changed(self, running: bool) -> None:
        for row in self._rows:
            row.timer_button.setEnabled(not running)
        self._update_timer_texts()

    def _on_timer_prompted(self, text: str) -> None:
        if self.sound.isChecked():
            QApplication.beep()

    def _on_timer_said(self, text: str) -> None:
        self.message.setText(text)
        self.undo_button.hide()

    def _update_timer_texts(self) -> None:
        timer = self.timer_control
        state, activity = timer.state, timer.activity
        self.timer_box.setVisible(state is not None)
        if state is None or activity is None:
            return
        total = state.target.total_seconds()
        done = timer.active().total_seconds()
        self.timer_title.setText(_("Pacing timer: {activity}").format(activity=activity.name))
        if done < total:
            clock = _("{left} left of {total}").format(left=clock_text(total - done), total=clock_text(total))
        else:
            clock = _("{done} done; the plan was {total}").format(done=clock_text(done), total=clock_text(total))
        self.timer_clock.setText(clock)
        self.timer_clock.setAccessibleName(clock)
        self.timer_prompt.setText(timer.prompt)
        self.timer_bar.setRange(0, max(1, int(total)))
        self.timer_bar.setValue(min(int(done), int(total)))
        if state.running:
            self.pause_button.setText(_("Rest now"))
            self.pause_button.setAccessibleName(_("Pause the timer for a rest"))
        else:
            self.pause_button.setText(_("Carry on"))
            self.pause_button.setAccessibleName(_("Carry on timing after the rest"))


_PACING = Changes(pacing=True)
