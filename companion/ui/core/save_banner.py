"""The one place a save problem is shown: a banner with Retry over every page, a quiet indicator of whether
the latest change is on disk, and the retry dialog when a save first fails."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from companion.domain.save_state import SaveState, SaveStatus
from companion.i18n import _
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.events import DiaryEvents
from companion.ui.widgets import Retranslatable, label


class SaveIndicator(Retranslatable, QWidget):
    """ "All changes saved" only once the bytes are on disk; "Saving…" meanwhile; "Not saved yet" after a
    failure. Words, not only colour."""

    def __init__(self, events: DiaryEvents, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saveIndicator")
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 0, 4, 0)
        self.text = label()
        self.text.setObjectName("saveIndicatorText")
        row.addWidget(self.text)
        self._state = events.save_state
        events.save_state_changed.connect(self._on_events_save_state_changed)
        self.retranslate_ui()

    def _on_events_save_state_changed(self, state: SaveState) -> None:
        self._state = state
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        words = {
            SaveStatus.SAVED: _("All changes saved"),
            SaveStatus.PENDING: _("Saving…"),
            SaveStatus.FAILED: _("Not saved to disk yet"),
        }[self._state.status]
        self.text.setText(words)
        self.text.setAccessibleName(words)


class SaveBanner(Retranslatable, QFrame):
    """Shown from a failed save until a save succeeds (a new attempt in progress keeps it up); Retry saves
    again. The retry dialog opens once each time saving starts failing, not at every later change."""

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._diary = diary
        row = QHBoxLayout(self)
        self.text = label()
        self.text.setObjectName("unsavedBannerText")
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retrySaveButton")
        row.addWidget(self.text, 1)
        row.addWidget(self.retry_button)
        self.retry_button.clicked.connect(self.retry)
        self._failing = diary.save_state.failed  # since the last failure, no save has succeeded
        diary.events.save_state_changed.connect(self._on_events_save_state_changed)
        self.setVisible(self._failing)
        self.retranslate_ui()

    def _on_events_save_state_changed(self, state: SaveState) -> None:
        started_failing = state.failed and not self._failing
        if state.failed:
            self._failing = True
        elif state.durable:
            self._failing = False
        self.setVisible(self._failing)
        if started_failing:
            self.ask_retry(state)

    def ask_retry(self, state: SaveState) -> None:
        error = state.error
        text = error.message() if error is not None else _("Your latest change could not be saved to disk.")

        def answered(button: dialogs.Button) -> None:
            if button == dialogs.Button.Retry:
                self.retry()

        dialogs.ask_retry(self.window(), text, answered)

    def retry(self) -> None:
        state = self._diary.flush()
        if state.failed:
            self.ask_retry(state)

    def retranslate_ui(self) -> None:
        self.text.setText(_("Your latest change is held safely in Companion but is not saved to disk yet."))
        self.retry_button.setText(_("&Retry saving"))
        self.retry_button.setAccessibleName(_("Retry saving"))
