"""Change the passphrase: the current one, then the new one twice. The recovery key keeps working.

After unlocking with the recovery key the current passphrase is not asked for (it was forgotten).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.measures import FitsScreenOnFirstShow  # full size up to 90 % of the screen
from companion.ui.passphrase_fields import NewPassphraseFields
from companion.ui.widgets import label, window_title

if TYPE_CHECKING:
    pass


class ChangePassphraseDialog(FitsScreenOnFirstShow, QDialog):
    confirm_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, ask_current: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(window_title(_("Change passphrase") if ask_current else _("Choose a new passphrase")))
        self._ask_current = ask_current
        layout = QVBoxLayout(self)
        self.intro = label()
        self.intro.setText(
            _("You opened your diary with the recovery key. Choose a new passphrase to use from now on.")
        )
        self.intro.setVisible(not ask_current)
        form = QFormLayout()
        self.current = QLineEdit()
        self.current.setObjectName("currentPassphrase")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.current.setAccessibleName(_("Current passphrase"))
        current_label = QLabel(_("&Current passphrase:"))
        current_label.setBuddy(self.current)
        if ask_current:
            form.addRow(current_label, self.current)
        else:
            self.current.hide()
            current_label.hide()
        self.fields = NewPassphraseFields()
        self.note = label()
        self.note.setText(_("Your recovery key stays the same and keeps working."))
        self.error = label("error")
        self.error.setObjectName("changePassphraseError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(_("C&hange passphrase"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("changePassphraseOk")
        self.ok.setEnabled(False)
        self.fields.validity_changed.connect(self._on_fields_validity_changed)
        self.current.textChanged.connect(lambda _t: self._on_fields_validity_changed(self.fields.is_valid()))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.fields)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _on_fields_validity_changed(self, valid: bool) -> None:
        self.ok.setEnabled(valid and (not self._ask_current or bool(self.current.text())))

    def _on_buttons_accepted(self) -> None:
        if self.ok.isEnabled():
            self.confirm_requested.emit()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
