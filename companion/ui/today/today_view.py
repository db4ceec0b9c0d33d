"""Today: the check-in (pain in one key press, more when wanted) and today's entries.

A page of the UI core (ui/core/page.py): it reads the diary in `refresh()` only, when a change it shows
(check-ins, tags) happens or the day has moved on; its panels (weekly questions, pacing, doses) are parts
of their own with their own interests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.checkin import Checkin
from companion.domain.save_state import SaveState
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date, format_time, format_weekday_date
from companion.ui.checkin.checkin_form import CheckinForm
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import flow_row
from companion.ui.measures.due_banner import MeasuresDueBanner
from companion.ui.medicines.today_doses import TodayDosesPanel
from companion.ui.pacing.today_panel import PacingTodayPanel
from companion.ui.story.followup_notice import FollowUpNoticePanel
from companion.ui.story.today_review import ReviewStepPanel
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import label


class TodayView(PagePart, QWidget):
    interests = Changes(pain_entries=True, tags=True)
    draft_key = "today"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self._diary = diary
        self._session = session = diary.session
        self._last_saved: Checkin | None = None
        self._day = diary.clock.today()
        self._entries: list[Checkin] = []
        self._tag_names: list[str] = []
        self._kept_draft = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.date_heading = label("heading")
        self.measures_banner = MeasuresDueBanner(diary)
        self.follow_up = FollowUpNoticePanel(diary)  # made here: its buttons come before the check-in on Tab
        self.form = CheckinForm(diary.clock)
        self.picker = self.form.pain
        self.note = self.form.note
        self.save = QPushButton()
        self.save.setObjectName("savePainButton")
        self.save.setProperty("role", "big")
        self.same_as_last = QPushButton()
        self.same_as_last.setObjectName("sameAsLastButton")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearCheckinButton")
        self.status = label()
        self.status.setObjectName("todayStatus")
        self.list_heading = label("subheading")
        self.list_heading.setObjectName("todayCount")
        self.entries = QListWidget()
        self.entries.setObjectName("todayEntries")
        self.entries.setWordWrap(True)
        self.entries.setAlternatingRowColors(True)
        self.entries.setMinimumHeight(120)
        self.empty = label()
        self.empty.setObjectName("todayEmpty")
        self.pacing = PacingTodayPanel(diary)
        self.doses = TodayDosesPanel(diary)
        self.review_steps = ReviewStepPanel(diary)
        del session

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.form)
        column.addWidget(flow_row(self.save, self.same_as_last, self.clear_button))  # wraps at large text sizes
        column.addWidget(self.status)
        column.addWidget(self.pacing)
        column.addWidget(self.doses)
        column.addWidget(self.review_steps)
        column.addSpacing(12)
        column.addWidget(self.list_heading)
        column.addWidget(self.empty)
        column.addWidget(self.entries)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focus; it is not a Tab stop itself
        scroll.setWidget(content)
        self.scroll_area = scroll
        outer.addWidget(self.date_heading)
        outer.addWidget(self.measures_banner)
        outer.addWidget(self.follow_up)
        outer.addWidget(scroll, 1)

        self.save.clicked.connect(self._on_save_clicked)
        self.same_as_last.clicked.connect(self._on_same_as_last_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save_clicked)
        self.picker.score_changed.connect(self._on_picker_score_changed)
        self.setTabOrder(self.note, self.save)
        self.setTabOrder(self.save, self.same_as_last)
        self.setTabOrder(self.same_as_last, self.clear_button)
        # Tab: the check-in, its buttons, the pacing rows, the as-needed doses, then today's entries.
        self.pacing.set_focus_neighbours(self.clear_button, None)
        self.doses.set_focus_neighbours(self.pacing.undo_button, self.entries)
        diary.events.save_state_changed.connect(self._on_events_save_state_changed)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save this check-in"))
        self.save.setToolTip(_("Save (Ctrl+Enter)"))
        self.same_as_last.setText(_("Sa&me as last time"))
        self.same_as_last.setAccessibleName(_("Fill in the form from your last check-in, to change before saving"))
        self.clear_button.setText(_("Clea&r"))
        self.clear_button.setAccessibleName(_("Clear the form"))
        self.entries.setAccessibleName(_("Today's entries"))
        self.empty.setText(_("Choose a number above, or press a number key."))
        self._render()

    def refresh(self) -> None:
        """Read today's check-ins and the known tags (the only place this page reads the diary)."""
        diary = self._session.diary
        self._day = self._diary.clock.today()
        self._entries = diary.entries_on(self._day)
        self._tag_names = diary.tag_names()
        self.form.set_known_tags(self._tag_names)
        if self.form.is_blank():
            self.form.reset_time(self._diary.clock.now())
        self._render()

    def _render(self) -> None:
        """Put the last-read entries on screen in the current language (no reading)."""
        today = self._entries
        self.date_heading.setText(format_weekday_date(self._day))
        self._render_count()
        self.entries.clear()
        for entry in reversed(today):  # newest first
            item = QListWidgetItem(self.describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.entries.addItem(item)
        self._render_status()

    def _render_count(self) -> None:
        n = len(self._entries)
        if n == 0:  # its own sentence, not "0 entries"
            self.list_heading.setText(_("No check-ins yet today"))
        else:
            self.list_heading.setText(ngettext("{n} entry today", "{n} entries today", n).format(n=n))
        self.empty.setVisible(not n)

    def _render_status(self) -> None:
        if self._kept_draft:
            self.status.setText(_("Your unsaved check-in was kept when the diary locked. Check it, then Save."))
            return
        entry = self._last_saved
        if entry is None:
            return
        state = self._session.store.save_state
        time = format_time(entry.recorded_at)
        day = entry.local_day
        if day != self._day:  # back-dated: say which day it was saved for
            date = format_weekday_date(day) if day.year == self._day.year else format_date(day, "full")
            if state.durable:
                self.status.setText(_("Saved for {date} at {time}.").format(date=date, time=time))
            elif state.failed:
                self.status.setText(_("Recorded, but not saved to disk yet."))
            else:
                self.status.setText(_("Recorded for {date} at {time}. Saving…").format(date=date, time=time))
        elif state.durable:
            self.status.setText(_("Saved at {time}.").format(time=time))
        elif state.failed:
            self.status.setText(_("Recorded, but not saved to disk yet."))
        else:
            self.status.setText(_("Recorded at {time}. Saving…").format(time=time))

    def _on_events_save_state_changed(self, _state: SaveState) -> None:
        self._render_status()

    @staticmethod
    def describe(entry: Checkin) -> str:
        when = format_time(entry.recorded_at)
        if entry.pain is None:
            base = _("{time} · check-in without a pain score").format(time=when)
        else:
            base = _("{time} · pain {score} out of 10").format(time=when, score=entry.pain)
        return f"{base}\n{entry.note}" if entry.note else base

    def _on_picker_score_changed(self, score: int) -> None:
        if score >= 0:
            self._kept_draft = False
            self._last_saved = None
            self.status.setText(_("Pain {score} chosen. Add more if you like, then Save.").format(score=score))

    def _on_save_clicked(self) -> None:
        given = self.form.value(self._diary.clock.now())
        self._kept_draft = False
        done = self._diary.run(lambda: self._session.diary.record_checkin(given), problem=self.status, origin=self)
        if done is None:
            if given.is_empty:
                self.picker.buttons[0].setFocus()
            return
        self._show_recorded(done.value)
        self.picker.buttons[0].setFocus()

    def _show_recorded(self, entry: Checkin) -> None:
        """Show the check-in just recorded from the write's value: no reading back (a ten-year diary would
        make that the slow part of a check-in)."""
        self._last_saved = entry
        if self._day != self._diary.clock.today():
            self.refresh()  # a new day began while the page was open
        elif entry.recorded_at.date() == self._day:
            self._entries = sorted([*self._entries, entry], key=lambda e: e.recorded_at)
            newest_first = list(reversed(self._entries))
            item = QListWidgetItem(self.describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.entries.insertItem(newest_first.index(entry), item)  # one new row, not the whole list again
            self._render_count()
        new_tags = [t.name for t in entry.tags if t.name not in self._tag_names]
        if new_tags:
            self._tag_names = sorted([*self._tag_names, *new_tags], key=str.casefold)
            self.form.set_known_tags(self._tag_names)
        self.form.clear(self._diary.clock.now())
        for section in (self.form.where, self.form.sleep, self.form.feelings, self.form.tags):
            section.set_open(False)  # the next check-in starts short again
        self._render_status()

    def _on_same_as_last_clicked(self) -> None:
        last = self._session.diary.last_checkin()
        if last is None:
            self.status.setText(_("There is no earlier check-in to copy yet."))
            return
        self.form.set_value(last, keep_time=True)
        self.form.reset_time(self._diary.clock.now())
        self._last_saved = None
        self.status.setText(_("Filled in from your last check-in. Change anything, then Save."))
        self.picker.setFocus()

    def _on_clear_button_clicked(self) -> None:
        self.form.clear(self._diary.clock.now())
        self._last_saved = None
        self._kept_draft = False
        self.status.setText("")

    def draft(self) -> Draft | None:
        """What is typed but not saved, kept (encrypted, in the diary) if it locks now."""
        return None if self.form.is_blank() else self.form.draft_state(self._diary.clock.now())

    def restore(self, draft: Draft) -> None:
        self.form.load_draft(draft)
        self._kept_draft = True
        self._render_status()

    draft_state = draft  # the names the first wave's tests use
    load_draft = restore

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = self.focusWidget()
        typing = isinstance(focus, QPlainTextEdit | QLineEdit | QAbstractSpinBox | QComboBox)
        in_other_scale = focus is not None and any(
            isinstance(parent, ScorePicker) and parent is not self.picker for parent in _ancestors(focus)
        )
        if not typing and not in_other_scale and self.picker.handle_key(event):
            return
        super().keyPressEvent(event)

    def showEvent(self, event: object) -> None:
        if self._day != self._diary.clock.today():  # shown again after midnight: a new day's page
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found
