"""A new-passphrase pair (type it, confirm it) with strength shown as words and a bar, not colour, and a
generated passphrase of random words on request."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QWidget

from companion.domain.passphrase import estimate
from companion.i18n import _
from companion.ui.widgets import Retranslatable, label


class NewPassphraseFields(Retranslatable, QWidget):
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, own_words: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self._own_words = own_words  # the person's name, if known: guessable, so it counts against
        form = QFormLayout(self)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("newPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirmPassphrase")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_text = QCheckBox()
        self.show_text.setObjectName("showPassphrase")
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.strength = label()
        self.strength.setObjectName("strengthLabel")
        self.match = label()
        self.match.setObjectName("matchLabel")
        self.suggest = QPushButton()
        self.suggest.setObjectName("suggestPassphrase")
        self.suggested = label()
        self.suggested.setObjectName("suggestedPassphrase")
        self.suggested.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggested.hide()
        self._passphrase_label = QLabel()
        self._confirm_label = QLabel()
        self._passphrase_label.setBuddy(self.passphrase)
        self._confirm_label.setBuddy(self.confirm)
        form.addRow(self._passphrase_label, self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
        form.addRow(self._confirm_label, self.confirm)
        form.addRow("", self.match)
        form.addRow("", self.show_text)
        form.addRow("", self.suggest)
        form.addRow("", self.suggested)
        self.suggest.clicked.connect(self.suggest_passphrase)
        self.passphrase.textChanged.connect(self._on_text_changed)
        self.confirm.textChanged.connect(self._on_text_changed)
        self.show_text.toggled.connect(self._on_show_text_toggled)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._passphrase_label.setText(_("&Passphrase:"))
        self._confirm_label.setText(_("&Type it again:"))
        self.passphrase.setAccessibleName(_("Passphrase"))
        self.confirm.setAccessibleName(_("Type the passphrase again"))
        self.show_text.setText(_("&Show what I type"))
        self.show_text.setAccessibleName(_("Show what I type"))
        self.meter.setAccessibleName(_("Passphrase strength"))
        self.suggest.setText(_("S&uggest a passphrase"))
        self.suggest.setAccessibleName(_("Suggest a passphrase of six random words"))
        self._show_suggestion()
        self._on_text_changed()

    def suggest_passphrase(self) -> str:
        """Six random words, filled in and shown so they can be written down; the person may still edit."""
        from companion.domain.passphrase_words import generate

        made = generate()
        self._suggestion = made
        self.passphrase.setText(made)
        self.confirm.setText(made)
        self._show_suggestion()
        return made

    def _show_suggestion(self) -> None:
        made = getattr(self, "_suggestion", "")
        if made:
            self.suggested.setText(
                _(
                    "Suggested: {words}\nSix words picked at random. Write them down until you know them by heart, "
                    "or change them to words you prefer."
                ).format(words=made)
            )
        self.suggested.setVisible(bool(made))
        QTimer.singleShot(0, self, self._grow_window)

    def _grow_window(self) -> None:
        """Make the window tall enough for the wrapped feedback; it never shrinks while typing."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None or not window.isVisible():
            return
        needed = (
            layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else window.sizeHint().height()
        )
        screen = window.screen()
        limit = screen.availableGeometry().height() if screen is not None else needed
        if window.height() < needed:
            window.resize(window.width(), min(needed, limit))

    def _on_show_text_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _on_text_changed(self) -> None:
        text = self.passphrase.text()
        strength = estimate(text, self._own_words)
        self.meter.setValue(strength.level)
        if text:
            sentences = [
                _("Strength: {level}. {hint}").format(level=_(strength.label), hint=_(strength.hint)),
                *(_(sentence) for sentence in strength.feedback),  # whole sentences, each translated
            ]
            self.strength.setText("\n".join(sentences))
        else:
            self.strength.setText(_(strength.hint))
        self.meter.setAccessibleDescription(self.strength.text())
        QTimer.singleShot(0, self, self._grow_window)  # the feedback may wrap onto more lines than there is room for
        confirm = self.confirm.text()
        if not confirm:
            self.match.setText("")
        elif confirm == text:
            self.match.setText(_("✓ The two passphrases match."))
        else:
            self.match.setText(_("✗ The two passphrases are different."))
        self.validity_changed.emit(self.is_valid())

    def is_valid(self) -> bool:
        text = self.passphrase.text()
        return estimate(text, self._own_words).acceptable and text == self.confirm.text()

    def value(self) -> str:
        return self.passphrase.text()

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()
