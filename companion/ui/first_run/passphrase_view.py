"""First run, step 2: choose the passphrase that encrypts the diary."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from companion.i18n import _
from companion.ui.layouts import scrolled_page
from companion.ui.passphrase_fields import NewPassphraseFields
from companion.ui.widgets import Retranslatable, label


class CreatePassphraseView(Retranslatable, QWidget):
    passphrase_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("createPassphrase")
        _content, outer = scrolled_page(self)  # at large text the screen scrolls rather than squeezes
        outer.setContentsMargins(48, 32, 48, 32)
        self.title = label("heading")
        self.explain = label()
        self.fields = NewPassphraseFields()
        self.error = label("error")
        self.error.setObjectName("createError")
        self.error.hide()
        buttons = QHBoxLayout()
        self.back = QPushButton()
        self.back.setObjectName("backButton")
        self.create_button = QPushButton()
        self.create_button.setObjectName("createDiaryButton")
        self.create_button.setDefault(True)
        self.create_button.setEnabled(False)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        outer.addWidget(self.title)
        outer.addWidget(self.explain)
        outer.addSpacing(12)
        outer.addWidget(self.fields)
        outer.addWidget(self.error)
        outer.addStretch(1)
        outer.addLayout(buttons)
        self.fields.validity_changed.connect(self.create_button.setEnabled)
        self.fields.passphrase.returnPressed.connect(self.fields.confirm.setFocus)
        self.fields.confirm.returnPressed.connect(self._on_create_clicked)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.back.clicked.connect(self.back_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back_requested.emit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Protect your diary with a passphrase"))
        self.explain.setText(
            _(
                "Your diary is encrypted on this computer and never leaves it. You will type this "
                "passphrase to open it. A few unrelated words work well, for example “kettle river "
                "blue Tuesday”. Nobody, including us, can open the diary without it or the recovery "
                "key you will see next."
            )
        )
        self.back.setText(_("&Back"))
        self.back.setAccessibleName(_("Back to choosing a language"))
        self.create_button.setText(_("&Create my diary"))
        self.create_button.setAccessibleName(_("Create my diary"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def showEvent(self, event: object) -> None:
        self.fields.passphrase.setFocus()
        super().showEvent(event)  # type: ignore[arg-type]

    def _on_create_clicked(self) -> None:
        if self.fields.is_valid():
            self.error.hide()
            self.passphrase_chosen.emit(self.fields.value())
