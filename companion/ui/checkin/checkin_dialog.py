"""Edit a saved check-in: the same form as Today, filled in, with its own time.

Unsaved edits are kept (encrypted, in the diary) if the diary locks while the dialog is open, and the
dialog opens again with them after unlocking; nothing is saved that the person did not save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QVBoxLayout, QWidget

from companion.domain.checkin import Checkin
from companion.i18n import _
from companion.i18n.formatting import format_date, format_time
from companion.ui import dialogs
from companion.ui.checkin.checkin_form import CheckinForm
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.widgets import label, window_title


class CheckinEditDialog(PagePart, QDialog):
    saved = Signal(object)  # Checkin
    draft_key = "companion.ui.checkin.checkin_dialog:CheckinEditDialog"

    def __init__(self, diary: OpenDiary, checkin: Checkin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinEditDialog")
        self._diary = diary
        self._session = session = diary.session
        self.checkin = checkin
        self.setWindowTitle(
            window_title(
                _("Edit the check-in of {date} at {time}").format(
                    date=format_date(checkin.recorded_at.date()), time=format_time(checkin.recorded_at)
                )
            )
        )
        layout = QVBoxLayout(self)
        self.form = CheckinForm(diary.clock)
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
        diary.host.add(self)

    @classmethod
    def open_for(cls, diary: OpenDiary, entry_id: str, parent: QWidget) -> CheckinEditDialog | None:
        """Open the editor for a saved check-in (window-modal, deleted on close); None if it is gone."""
        entry = diary.session.diary.get(entry_id)
        if entry is None:
            return None
        dialog = cls(diary, entry, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(dialog)  # the focus goes back where it was when it closes
        return dialog

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open the editor again with what was typed before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        dialog = cls.open_for(diary, str(draft.get("edit_of")), parent) if parent is not None else None
        if dialog is not None:
            dialog.restore(draft)

    def refresh(self) -> None:
        """The dialog reads the entry when it opens; later changes elsewhere don't replace what is typed."""

    def retranslate_ui(self) -> None:
        """Its words are set when it opens."""

    def draft(self) -> Draft | None:
        return self.draft_state() if self.isVisible() and self.has_changes() else None

    def restore(self, draft: Draft) -> None:
        self.form.load_draft(draft)

    def has_changes(self) -> bool:
        return self.form.draft_state(self.checkin.recorded_at) != self._initial

    def _on_buttons_accepted(self) -> None:
        self.apply()

    def apply(self) -> bool:
        """Save the edit. False (dialog stays open, message shown) when the input can't be saved."""
        given = self.form.value(self._diary.clock.now())
        done = self._diary.run(lambda: self._session.diary.update_checkin(self.checkin.id, given), problem=self.error)
        if done is None:
            return False
        self.saved.emit(done.value)
        self.accept()
        return True

    def draft_state(self) -> dict[str, Any]:
        return {"edit_of": self.checkin.id, **self.form.draft_state(self._diary.clock.now())}
