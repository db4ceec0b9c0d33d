"""Today: the check-in (pain in one key press, more when wanted) and today's entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
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

from companion.domain.checkin import Checkin
from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_time, format_weekday_date
from companion.services.session import DiarySession
from companion.ui.checkin.checkin_form import CheckinForm
from companion.ui.layouts import flow_row
from companion.ui.measures.due_banner import MeasuresDueBanner
from companion.ui.medicines.today_doses import TodayDosesPanel
from companion.ui.pacing.today_panel import PacingTodayPanel
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import Retranslatable, label


class TodayView(Retranslatable, QWidget):
    save_failed = Signal(object)  # SaveFailedError: the entry is in memory, not yet on disk
    entry_saved = Signal(object)  # Checkin

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self._session = session
        self._last_saved: Checkin | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.date_heading = label("heading")
        self.measures_banner = MeasuresDueBanner(session)
        self.form = CheckinForm(session.clock)
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
        self.pacing = PacingTodayPanel(session)
        self.pacing.save_failed.connect(self.save_failed)
        self.doses = TodayDosesPanel(session)
        self.doses.save_failed.connect(self.save_failed)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(self.form)
        column.addWidget(flow_row(self.save, self.same_as_last, self.clear_button))  # wraps at large text sizes
        column.addWidget(self.status)
        column.addWidget(self.pacing)
        column.addWidget(self.doses)
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
        self._just_refreshed = False
        self._building = True  # the panels below have just read the diary in their own constructors
        self.retranslate_ui()  # which refreshes
        self._building = False

    def retranslate_ui(self) -> None:
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save this check-in"))
        self.save.setToolTip(_("Save (Ctrl+Enter)"))
        self.same_as_last.setText(_("Sa&me as last time"))
        self.same_as_last.setAccessibleName(_("Fill in the form from your last check-in, to change before saving"))
        self.clear_button.setText(_("Clea&r"))
        self.clear_button.setAccessibleName(_("Clear the form"))
        self.entries.setAccessibleName(_("Today's entries"))
        self.empty.setText(_("Nothing recorded yet today. Choose a number above, or press a number key."))
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_open:  # locked: this screen is about to be deleted
            return
        # Being built and shown at unlock asks for a refresh three times in one turn of the event loop (the
        # constructor, retranslate_ui, showEvent); each reads the whole diary's due measures and doses.
        self._just_refreshed = True
        QTimer.singleShot(0, self, self._settled)
        today = self._session.diary.entries_today()
        self.date_heading.setText(format_weekday_date(self._session.diary.today()))
        self.list_heading.setText(ngettext("{n} entry today", "{n} entries today", len(today)).format(n=len(today)))
        self.empty.setVisible(not today)
        self.entries.clear()
        for entry in reversed(today):  # newest first
            item = QListWidgetItem(self.describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.entries.addItem(item)
        self.form.set_known_tags(self._session.diary.tag_names())
        if not self._building:
            self.measures_banner.refresh()
            self.pacing.refresh()
            self.doses.refresh()
        if self.form.is_blank():
            self.form.reset_time(self._session.diary.now())
        if self._last_saved is not None:
            self.status.setText(_("Saved at {time}.").format(time=format_time(self._last_saved.recorded_at)))

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
            self.status.setText(_("Pain {score} chosen. Add more if you like, then Save.").format(score=score))

    def _on_save_clicked(self) -> None:
        given = self.form.value(self._session.diary.now())
        try:
            entry, _changes = self._session.diary.record_checkin(given)
        except ValidationError as exc:
            self.status.setText(exc.message())
            if given.is_empty:
                self.picker.buttons[0].setFocus()
            return
        except SaveFailedError as exc:
            self._after_recorded(None)
            self.save_failed.emit(exc)
            return
        self._after_recorded(entry)

    def _after_recorded(self, entry: Checkin | None) -> None:
        self._last_saved = entry
        self.form.clear(self._session.diary.now())
        self.refresh()
        if entry is not None:
            self.entry_saved.emit(entry)
        else:
            self.status.setText(_("Recorded, but not saved to disk yet."))
        self.picker.buttons[0].setFocus()

    def _on_same_as_last_clicked(self) -> None:
        last = self._session.diary.last_checkin()
        if last is None:
            self.status.setText(_("There is no earlier check-in to copy yet."))
            return
        self.form.set_value(last, keep_time=True)
        self.form.reset_time(self._session.diary.now())
        self.status.setText(_("Filled in from your last check-in. Change anything, then Save."))
        self.picker.setFocus()

    def _on_clear_button_clicked(self) -> None:
        self.form.clear(self._session.diary.now())
        self.status.setText("")

    def draft_state(self) -> dict[str, Any] | None:
        """What is typed but not saved, to keep in the diary if it locks now."""
        return None if self.form.is_blank() else self.form.draft_state(self._session.diary.now())

    def load_draft(self, state: dict[str, Any]) -> None:
        self.form.load_draft(state)
        self.status.setText(_("Your unsaved check-in was kept when the diary locked. Check it, then Save."))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = self.focusWidget()
        typing = isinstance(focus, QPlainTextEdit | QLineEdit | QAbstractSpinBox | QComboBox)
        in_other_scale = focus is not None and any(
            isinstance(parent, ScorePicker) and parent is not self.picker for parent in _ancestors(focus)
        )
        if not typing and not in_other_scale and self.picker.handle_key(event):
            return
        super().keyPressEvent(event)

    def _settled(self) -> None:
        self._just_refreshed = False

    def showEvent(self, event: object) -> None:
        if not self._just_refreshed:  # shown again later: the date or the diary may have moved on
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found
