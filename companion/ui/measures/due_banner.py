"""The weekly pain check and the optional monthly mood check on Today: a quiet banner when one is due, and at
any other time a line offering the weekly check again and a correction of the latest answers.

It opens the dialogs window-modal (open(), never exec()); it hears of answers through the UI core's change
events (a part with interest in measures). Nothing is due before the diary's first check-in: that check-in
makes the weekly check due, which the banner knows from the change event itself, without reading. "Not now"
hides the mood check until the diary is next unlocked (this banner lives as long as the unlocked diary does).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.measures import PEG_FIRST_AFTER_DAYS
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.services.measures import MeasuresDue
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import flow_row, stack_when_narrow
from companion.ui.measures.mood_screen_dialog import MoodScreenDialog, open_mood_screen
from companion.ui.measures.peg_dialog import PegDialog, open_peg
from companion.ui.widgets import label


def _row(*widgets: QWidget, name: str) -> QWidget:
    row = QWidget()
    row.setObjectName(name)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == 0 else 0)
    return row


class MeasuresDueBanner(PagePart, QWidget):
    """The part itself stays shown (with nothing in it when there is nothing to offer), so the page host
    keeps refreshing it; `box` is what the person sees, or not."""

    interests = Changes(measures=True)
    hides_when_empty = True
    peg_recorded = Signal(object)  # PegResponse (new, or the latest corrected)
    screens_recorded = Signal(object)  # tuple[MoodScreen, MoodScreen]

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresDueBanner")
        self._diary = diary
        self._session = diary.session
        self._due: MeasuresDue | None = None
        self._day = diary.clock.today()
        self._mood_dismissed = False
        self.peg_dialog: PegDialog | None = None
        self.mood_dialog: MoodScreenDialog | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.box = QFrame()
        self.box.setObjectName("measuresDueBox")
        outer.addWidget(self.box)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(12, 8, 12, 8)

        self.peg_text = label()
        self.peg_text.setObjectName("pegDueText")
        font = self.peg_text.font()
        font.setBold(True)
        self.peg_text.setFont(font)
        self.peg_button = QPushButton()
        self.peg_button.setObjectName("pegDueButton")
        self.peg_row = _row(self.peg_text, self.peg_button, name="pegDueRow")

        self.mood_text = label()
        self.mood_text.setObjectName("moodDueText")
        self.mood_button = QPushButton()
        self.mood_button.setObjectName("moodDueButton")
        self.not_now = QPushButton()
        self.not_now.setObjectName("moodNotNowButton")
        self.not_now.setFlat(True)
        self.mood_row = _row(self.mood_text, self.mood_button, self.not_now, name="moodDueRow")

        # When the weekly check is not due: it can still be answered, and the latest answers corrected.
        self.peg_last_text = label()
        self.peg_last_text.setObjectName("pegLastText")
        self.peg_again_button = QPushButton()
        self.peg_again_button.setObjectName("pegAgainButton")
        self.peg_correct_button = QPushButton()
        self.peg_correct_button.setObjectName("pegCorrectButton")
        self.peg_any_time_row = _row(
            self.peg_last_text, flow_row(self.peg_again_button, self.peg_correct_button), name="pegAnyTimeRow"
        )
        # Narrow (large text, Welsh, a small window): the buttons go under the words rather than squeeze them.
        row_layout = self.peg_any_time_row.layout()
        assert isinstance(row_layout, QBoxLayout)
        stack_when_narrow(self.peg_any_time_row, row_layout, chars=90)

        for row in (self.peg_row, self.mood_row, self.peg_any_time_row):
            layout.addWidget(row)
        self.peg_button.clicked.connect(self.open_peg)
        self.peg_again_button.clicked.connect(self.open_peg)
        self.peg_correct_button.clicked.connect(self.open_peg_correction)
        self.mood_button.clicked.connect(self.open_mood_screen)
        self.not_now.clicked.connect(self._on_not_now_clicked)
        diary.events.changed.connect(self._on_events_changed)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.box.setAccessibleName(_("Weekly and monthly checks"))
        self.peg_text.setText(_("Your weekly pain check (PEG) is due."))
        self.peg_button.setText(_("&Answer 3 questions"))
        self.peg_button.setAccessibleName(_("Answer the weekly pain check: 3 questions"))
        self.mood_text.setText(_("Optional: a 4-question mood check for this month."))
        self.mood_button.setText(_("Ans&wer"))
        self.mood_button.setAccessibleName(_("Answer the optional mood check"))
        self.not_now.setText(_("Not n&ow"))
        self.not_now.setAccessibleName(_("Not now: hide the mood check until the diary is next unlocked"))
        self.peg_again_button.setText(_("Answer now"))
        self.peg_again_button.setAccessibleName(_("Answer the weekly pain check now"))
        self.peg_correct_button.setText(_("Correct my last answers"))
        self.peg_correct_button.setAccessibleName(_("Correct your latest answers to the weekly pain check"))
        for button in (self.peg_button, self.mood_button, self.not_now, self.peg_again_button, self.peg_correct_button):
            # Room for the 3-pixel focus border the style sheet adds, so the text is never clipped.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) + 48)
        self._render()

    def refresh(self) -> None:
        """Read what is due now and the latest weekly answers (the only place this banner reads the diary)."""
        self._day = self._diary.clock.today()
        self._due = self._session.measures.due()
        self._render()

    def _on_events_changed(self, changes: Changes) -> None:
        """A diary's first check-in: the weekly check is due from that day (known from the event, no reading;
        the mood check waits for the next refresh, two weeks on)."""
        due = self._due
        if changes.pain_entries and due is not None and due.next_peg_due is None:
            first_due = self._diary.clock.today() + dt.timedelta(days=PEG_FIRST_AFTER_DAYS)
            self._due = replace(due, peg_due=self._diary.clock.today() >= first_due, next_peg_due=first_due)
            self._render()

    def showEvent(self, event: QShowEvent) -> None:
        if self._day != self._diary.clock.today():  # shown again on a later day: a check may have come due
            self.refresh()
        super().showEvent(event)

    def _render(self) -> None:
        """Show what is due, or the weekly check at any time; hide the whole banner when there is nothing."""
        due = self._due
        if due is None:
            return
        mood_due = due.screen_due and not self._mood_dismissed
        any_time = not due.peg_due and due.latest_peg is not None
        if due.latest_peg is not None:
            self.peg_last_text.setText(
                _("Weekly pain check (PEG): last answered on {date}.").format(
                    date=format_date(due.latest_peg.taken_at.date())
                )
            )
        self.peg_row.setVisible(due.peg_due)
        self.mood_row.setVisible(mood_due)
        self.peg_any_time_row.setVisible(any_time)
        # A frame only when something is due; the line offering the check at any time stays quiet.
        self.box.setFrameShape(QFrame.Shape.StyledPanel if due.peg_due or mood_due else QFrame.Shape.NoFrame)
        self.box.setVisible(due.peg_due or mood_due or any_time)

    # Dialogs ----------------------------------------------------------------------------------------

    def open_peg(self) -> PegDialog:
        return self._open_peg(correct=False)

    def open_peg_correction(self) -> PegDialog | None:
        return self._open_peg(correct=True) if self._due and self._due.latest_peg else None

    def _open_peg(self, *, correct: bool) -> PegDialog:
        if self.peg_dialog is not None:
            self.peg_dialog.raise_()
            self.peg_dialog.activateWindow()
            return self.peg_dialog
        dialog = open_peg(self._diary, self, correct=correct)
        assert dialog is not None  # a correction is offered only once there is an answer
        dialog.recorded.connect(self.peg_recorded)
        dialog.finished.connect(self._on_peg_finished)
        self.peg_dialog = dialog
        return dialog

    def open_mood_screen(self) -> MoodScreenDialog:
        if self.mood_dialog is not None:
            self.mood_dialog.raise_()
            self.mood_dialog.activateWindow()
            return self.mood_dialog
        dialog = open_mood_screen(self._diary, self)
        dialog.recorded.connect(self.screens_recorded)
        # (Bound methods, not lambdas: a lambda slot on a dialog deleted on close crashed PySide6 6.x.)
        dialog.finished.connect(self._on_mood_finished)
        self.mood_dialog = dialog
        return dialog

    def _on_peg_finished(self, _result: int) -> None:
        self.peg_dialog = None

    def _on_mood_finished(self, _result: int) -> None:
        self.mood_dialog = None

    def _on_not_now_clicked(self) -> None:
        self._mood_dismissed = True
        self._render()
