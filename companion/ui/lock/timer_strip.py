"""The pacing timer on the lock screen: its time, Rest and Stop, while the diary is locked.

It shows time only, never the activity's name or anything else from the diary (anyone passing can see the
lock screen). Stopping here logs the time when the diary is next unlocked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.pacing.timer_controller import PacingTimerController, clock_text
from companion.ui.widgets import Retranslatable, label


class TimerStrip(Retranslatable, QFrame):
    def __init__(self, timer: PacingTimerController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockTimerStrip")
        self.setProperty("role", "banner")
        self._timer = timer
        row = QHBoxLayout(self)
        column = QVBoxLayout()
        self.text = label()
        self.text.setObjectName("lockTimerText")
        self.prompt = label()
        self.prompt.setObjectName("lockTimerPrompt")
        column.addWidget(self.text)
        column.addWidget(self.prompt)
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("lockTimerPause")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("lockTimerStop")
        row.addLayout(column, 1)
        row.addWidget(self.pause_button)
        row.addWidget(self.stop_button)
        self.pause_button.clicked.connect(timer.pause_or_resume)
        self.stop_button.clicked.connect(timer.stop)
        timer.ticked.connect(self.retranslate_ui)
        timer.running_changed.connect(lambda _running: self.retranslate_ui())
        timer.said.connect(lambda _text: self.retranslate_ui())
        self.retranslate_ui()

    def showEvent(self, event: object) -> None:
        self.retranslate_ui()  # the lock screen just came up: the time now, not at the last tick
        super().showEvent(event)  # type: ignore[arg-type]

    def retranslate_ui(self) -> None:
        timer = self._timer
        state = timer.state
        running = state is not None
        self.pause_button.setVisible(running)
        self.stop_button.setVisible(running)
        if state is None:
            self.prompt.hide()
            self.text.setText(timer.message if not timer.attached else "")
            self.setVisible(bool(self.text.text()))
            return
        self.setVisible(True)
        total = state.target.total_seconds()
        done = timer.active().total_seconds()
        if done < total:
            text = _("Your pacing timer: {left} left of {total}.").format(
                left=clock_text(total - done), total=clock_text(total)
            )
        else:
            text = _("Your pacing timer: {done} done; the plan was {total}.").format(
                done=clock_text(done), total=clock_text(total)
            )
        self.text.setText(text)
        self.prompt.setText(timer.prompt)
        self.prompt.setVisible(bool(timer.prompt))
        self.text.setAccessibleName(text)
        self.pause_button.setText(_("Rest now") if state.running else _("Carry on"))
        self.stop_button.setText(_("Stop the timer"))
        self.stop_button.setAccessibleName(_("Stop the pacing timer; the time is logged when you unlock"))
