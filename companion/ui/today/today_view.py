"""Today: record pain now (0-10 and an optional note) in a few seconds, and see today's entries."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.checkin import Checkin as PainEntry
from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_time, format_weekday_date
from companion.services.session import DiarySession
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import Retranslatable, label


class NoteEdit(QPlainTextEdit):
    """A note field where Tab moves on (people expect it) instead of typing a tab character."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)


class TodayView(Retranslatable, QWidget):
    save_failed = Signal(object)  # SaveFailedError: the entry is in memory, not yet on disk
    entry_saved = Signal(object)  # PainEntry

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayView")
        self._session = session
        self._last_saved: PainEntry | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        self.date_heading = label("heading")
        self.question = label("subheading")
        self.picker = ScorePicker()
        self.picker.setObjectName("scorePicker")
        self.note_label = QLabel()
        self.note = NoteEdit()
        self.note.setObjectName("painNote")
        self.note.setFixedHeight(90)
        self.note_label.setBuddy(self.note)
        self.save = QPushButton()
        self.save.setObjectName("savePainButton")
        self.save.setProperty("role", "big")
        self.status = label()
        self.status.setObjectName("todayStatus")
        self.list_heading = label("subheading")
        self.list_heading.setObjectName("todayCount")
        self.entries = QListWidget()
        self.entries.setObjectName("todayEntries")
        self.entries.setWordWrap(True)
        self.entries.setAlternatingRowColors(True)
        self.empty = label()
        self.empty.setObjectName("todayEmpty")

        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.status, 1)
        outer.addWidget(self.date_heading)
        outer.addSpacing(8)
        outer.addWidget(self.question)
        outer.addWidget(self.picker)
        outer.addSpacing(8)
        outer.addWidget(self.note_label)
        outer.addWidget(self.note)
        outer.addLayout(row)
        outer.addSpacing(16)
        outer.addWidget(self.list_heading)
        outer.addWidget(self.empty)
        outer.addWidget(self.entries, 1)

        self.save.clicked.connect(self._on_save_clicked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save_clicked)
        self.picker.score_changed.connect(self._on_picker_score_changed)
        self.setTabOrder(self.picker.buttons[-1], self.note)
        self.setTabOrder(self.note, self.save)
        self.setTabOrder(self.save, self.entries)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.question.setText(_("How is your pain right now?"))
        self.picker.setAccessibleName(_("Pain score from 0 to 10"))
        self.note_label.setText(_("&Note (optional): what you were doing, what helped"))
        self.note.setAccessibleName(_("Note"))
        self.note.setPlaceholderText(_("Anything you want to remember about now"))
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save this pain score"))
        self.save.setToolTip(_("Save (Ctrl+Enter)"))
        self.entries.setAccessibleName(_("Today's entries"))
        self.empty.setText(_("Nothing recorded yet today. Choose a number above, or press a number key."))
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_open:  # locked: this screen is about to be deleted
            return
        today = self._session.diary.entries_today()
        self.date_heading.setText(format_weekday_date(self._session.diary.today()))
        self.list_heading.setText(
            ngettext("{n} entry today", "{n} entries today", len(today)).format(n=len(today))
        )
        self.empty.setVisible(not today)
        self.entries.clear()
        for entry in reversed(today):  # newest first
            item = QListWidgetItem(self.describe(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.describe(entry))
            self.entries.addItem(item)
        if self._last_saved is not None:
            self.status.setText(_("Saved at {time}.").format(time=format_time(self._last_saved.recorded_at)))

    @staticmethod
    def describe(entry: PainEntry) -> str:
        base = _("{time} · pain {score} out of 10").format(time=format_time(entry.recorded_at), score=entry.pain)
        return f"{base}\n{entry.note}" if entry.note else base

    def _on_picker_score_changed(self, score: int) -> None:
        self.status.setText(_("Pain {score} chosen. Add a note if you like, then Save.").format(score=score))

    def _on_save_clicked(self) -> None:
        score = self.picker.score()
        if score is None:
            self.status.setText(_("Choose a pain score from 0 to 10 first."))
            self.picker.buttons[0].setFocus()
            return
        try:
            entry, _changes = self._session.diary.record_pain(score, self.note.toPlainText())
        except ValidationError as exc:
            self.status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self._after_recorded(None)
            self.save_failed.emit(exc)
            return
        self._after_recorded(entry)

    def _after_recorded(self, entry: PainEntry | None) -> None:
        self._last_saved = entry
        self.picker.set_score(None)
        self.note.clear()
        self.refresh()
        if entry is not None:
            self.entry_saved.emit(entry)
        else:
            self.status.setText(_("Recorded, but not saved to disk yet."))
        self.picker.buttons[0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.note.hasFocus() and self.picker.handle_key(event):
            return
        super().keyPressEvent(event)

    def showEvent(self, event: object) -> None:
        self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]
