"""The lock screen: passphrase or recovery key, a language switch, and a way back from a backup."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import LANGUAGE_NAMES, _, current_language
from companion.ui.layouts import flow_row, scrolled_page
from companion.ui.widgets import Retranslatable, label

PASSPHRASE, RECOVERY = "passphrase", "recovery"


class UnlockView(Retranslatable, QWidget):
    unlock_requested = Signal(str, str)  # mode, secret
    language_switched = Signal(str)
    restore_requested = Signal()
    restore_newest_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("unlockView")
        self._mode = PASSPHRASE
        self._demo = demo
        _content, outer = scrolled_page(self)  # at large text the screen scrolls rather than squeezes
        outer.setContentsMargins(48, 24, 48, 32)
        top = QHBoxLayout()
        top.addStretch(1)
        self.language_buttons: dict[str, QPushButton] = {}
        for code in ("cy", "en"):
            button = QPushButton(LANGUAGE_NAMES[code])
            button.setObjectName(f"unlockLanguage_{code}")
            button.setCheckable(True)
            button.setProperty("role", "language")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("✓ Cymraeg") + 48)
            button.setAccessibleName(LANGUAGE_NAMES[code])
            button.clicked.connect(lambda _c=False, c=code: self.language_switched.emit(c))
            top.addWidget(button)
            self.language_buttons[code] = button
        outer.addLayout(top)
        outer.addStretch(1)
        self.title = label("heading")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = label()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint = label("demo")
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_hint.setVisible(demo)
        self.secret_label = QLabel()
        self.secret = QLineEdit()
        self.secret.setObjectName("unlockSecret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setMinimumWidth(360)
        self.secret_label.setBuddy(self.secret)
        self.unlock = QPushButton()
        self.unlock.setObjectName("unlockButton")
        self.unlock.setDefault(True)
        self.error = label("error")
        self.error.setObjectName("unlockError")
        self.error.hide()
        self.restore_newest = QPushButton()
        self.restore_newest.setObjectName("restoreNewestButton")
        self.restore_newest.hide()
        self.toggle_mode = QPushButton()
        self.toggle_mode.setObjectName("useRecoveryKeyButton")
        self.toggle_mode.setFlat(True)
        self.restore = QPushButton()
        self.restore.setObjectName("restoreBackupButton")
        self.restore.setFlat(True)

        form = QVBoxLayout()
        form.addWidget(self.secret_label)
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.unlock)
        form.addLayout(row)
        form.addWidget(self.error)
        form.addWidget(self.restore_newest, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(flow_row(self.toggle_mode, self.restore, spacing=24))  # wraps at large text sizes
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addLayout(form, 3)
        centre.addStretch(1)
        outer.addWidget(self.title)
        outer.addWidget(self.subtitle)
        outer.addWidget(self.demo_hint)
        outer.addSpacing(16)
        outer.addLayout(centre)
        self._strips = QVBoxLayout()  # things that carry on while locked (the pacing timer)
        outer.addLayout(self._strips)
        outer.addStretch(2)

        self.unlock.clicked.connect(self._on_unlock_clicked)
        self.secret.returnPressed.connect(self._on_unlock_clicked)
        self.toggle_mode.clicked.connect(self._on_toggle_mode_clicked)
        self.restore.clicked.connect(self.restore_requested)
        self.restore_newest.clicked.connect(self.restore_newest_requested)
        self.setTabOrder(self.secret, self.unlock)
        self.setTabOrder(self.unlock, self.toggle_mode)
        self.setTabOrder(self.toggle_mode, self.restore)
        self.retranslate_ui()

    def add_strip(self, strip: QWidget) -> None:
        """Show `strip` under the form: something that carries on while the diary is locked."""
        self._strips.addWidget(strip)

    @property
    def mode(self) -> str:
        return self._mode

    def retranslate_ui(self) -> None:
        for code, button in self.language_buttons.items():
            active = code == current_language()
            button.setChecked(active)
            # Shown by a tick as well as by the checked style, never by colour alone.
            button.setText(f"✓ {LANGUAGE_NAMES[code]}" if active else LANGUAGE_NAMES[code])
        self.title.setText(_("Your diary is locked"))
        if self._mode == PASSPHRASE:
            self.subtitle.setText(_("Type your passphrase to open it."))
            self.secret_label.setText(_("&Passphrase:"))
            self.secret.setAccessibleName(_("Passphrase"))
            self.secret.setPlaceholderText("")
            self.toggle_mode.setText(_("I've forgotten it: use my &recovery key"))
        else:
            self.subtitle.setText(_("Type the recovery key you kept when you made the diary."))
            self.secret_label.setText(_("&Recovery key:"))
            self.secret.setAccessibleName(_("Recovery key"))
            self.secret.setPlaceholderText("ABCD-EFGH-…")
            self.toggle_mode.setText(_("Use my &passphrase instead"))
        self.toggle_mode.setAccessibleName(self.toggle_mode.text().replace("&", ""))
        self.demo_hint.setText(_("DEMO diary with made-up entries. The passphrase is: demo"))
        self.unlock.setText(_("&Unlock"))
        self.unlock.setAccessibleName(_("Unlock"))
        self.restore.setText(_("Restore from a &backup…"))
        self.restore.setAccessibleName(_("Restore from a backup"))
        self.restore_newest.setText(_("Restore the newest good backup"))
        self.restore_newest.setAccessibleName(_("Restore the newest good backup"))

    def _on_toggle_mode_clicked(self) -> None:
        self._mode = RECOVERY if self._mode == PASSPHRASE else PASSPHRASE
        self.secret.clear()
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if self._mode == RECOVERY else QLineEdit.EchoMode.Password)
        self.clear_error()
        self.retranslate_ui()
        self.secret.setFocus()

    def set_mode(self, mode: str) -> None:
        if mode != self._mode:
            self._on_toggle_mode_clicked()

    def _on_unlock_clicked(self) -> None:
        if not self.secret.text():
            self.show_error(
                _("Type your passphrase first.") if self._mode == PASSPHRASE else _("Type your recovery key first.")
            )
            return
        self.unlock_requested.emit(self._mode, self.secret.text())

    def show_error(self, text: str, *, offer_restore: bool = False) -> None:
        self.error.setText(text)
        self.error.show()
        self.error.setAccessibleDescription(text)
        self.restore_newest.setVisible(offer_restore)
        self.secret.selectAll()
        self.secret.setFocus()

    def clear_error(self) -> None:
        self.error.hide()
        self.restore_newest.hide()

    def reset(self) -> None:
        self.secret.clear()
        self.clear_error()
        self.set_mode(PASSPHRASE)

    def showEvent(self, event: object) -> None:
        self.secret.setFocus()
        super().showEvent(event)  # type: ignore[arg-type]
