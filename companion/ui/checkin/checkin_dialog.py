"""Edit a saved check-in: the same form as Today, filled in, with its own time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from companion.domain.checkin import Checkin
from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import _
from companion.i18n.formatting import format_date, format_time
from companion.services.session import DiarySession
from companion.ui.checkin.checkin_form import CheckinForm
from companion.ui.widgets import label


class CheckinEditDialog(QDialog):
    saved = Signal(object)  # Checkin
    save_failed = Signal(object)  # SaveFailedError

    def __init__(self, session: DiarySession, checkin: Checkin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinEditDialog")
        self._session = session
        self.checkin = checkin
        self.setWindowTitle(
            _("Edit the check-in of {date} at {time}").format(
                date=format_date(checkin.recorded_at.date()), time=format_time(checkin.recorded_at)
            )
        )
        layout = QVBoxLayout(self)
        self.form = CheckinForm(session.clock)
        self.form.set_known_tags(session.diary.tag_names())
        self.form.set_value(checkin, keep_time=False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.error = label("error")
        self.error.setObjectName("editError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(_("&Save changes"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("saveEditButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._initial = self.form.draft_state(checkin.recorded_at)
        self.resize(820, 640)

    def has_changes(self) -> bool:
        return self.form.draft_state(self.checkin.recorded_at) != self._initial

    def _on_buttons_accepted(self) -> None:
        self.apply()

    def apply(self) -> bool:
        """Save the edit. False (dialog stays open, message shown) when the input can't be saved."""
        try:
            updated, _changes = self._session.diary.update_checkin(
                self.checkin.id, self.form.value(self._session.diary.now())
            )
        except ValidationError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return False
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
            self.accept()
            return True
        self.saved.emit(updated)
        self.accept()
        return True

    def draft_state(self) -> dict[str, Any]:
        return {"edit_of": self.checkin.id, **self.form.draft_state(self._session.diary.now())}
