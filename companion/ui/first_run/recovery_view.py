"""First run, step 3: the recovery key, shown once, to copy or print and keep safe."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from companion.i18n import _, ngettext
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.ui.layouts import scrolled_page
from companion.ui.widgets import Retranslatable, label

CLIPBOARD_CLEAR_MS = 120_000


class RecoveryKeyView(Retranslatable, QWidget):
    confirmed = Signal()

    def __init__(self, clock: Clock = SYSTEM_CLOCK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKey")
        self._clock = clock
        self._key = ""
        _content, outer = scrolled_page(self)  # at large text the screen scrolls rather than squeezes
        outer.setContentsMargins(48, 32, 48, 32)
        self.title = label("heading")
        self.explain = label()
        self.key_label = label("recovery-key", selectable=True)
        self.key_label.setObjectName("recoveryKeyText")
        actions = QHBoxLayout()
        self.copy = QPushButton()
        self.copy.setObjectName("copyRecoveryKey")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printRecoveryKey")
        actions.addWidget(self.copy)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        self.status = label()
        self.kept = QCheckBox()
        self.kept.setObjectName("recoveryKeptCheck")
        self.done = QPushButton()
        self.done.setObjectName("recoveryDoneButton")
        self.done.setEnabled(False)
        self.done.setDefault(True)
        outer.addWidget(self.title)
        outer.addWidget(self.explain)
        outer.addSpacing(12)
        outer.addWidget(self.key_label)
        outer.addLayout(actions)
        outer.addWidget(self.status)
        outer.addStretch(1)
        outer.addWidget(self.kept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.done)
        outer.addLayout(row)
        self.copy.clicked.connect(self._on_copy_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.kept.toggled.connect(self.done.setEnabled)
        self.done.clicked.connect(self._on_done_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Your recovery key"))
        self.explain.setText(
            _(
                "If you ever forget your passphrase, this key is the only other way into your diary. "
                "It is shown only this once and Companion does not keep a copy. Write it down, print it "
                "or copy it somewhere safe, away from this computer."
            )
        )
        self.key_label.setAccessibleName(_("Recovery key"))
        self.copy.setText(_("C&opy"))
        self.copy.setAccessibleName(_("Copy the recovery key"))
        self.print_button.setText(_("&Print…"))
        self.print_button.setAccessibleName(_("Print the recovery key"))
        self.kept.setText(_("I have &kept my recovery key somewhere safe"))
        self.kept.setAccessibleName(_("I have kept my recovery key somewhere safe"))
        self.done.setText(_("&Continue to my diary"))
        self.done.setAccessibleName(_("Continue to my diary"))

    def set_key(self, key: str) -> None:
        self._key = key
        self.key_label.setText(key)
        self.kept.setChecked(False)
        self.status.clear()

    def showEvent(self, event: object) -> None:
        self.copy.setFocus()
        super().showEvent(event)  # type: ignore[arg-type]

    def _on_copy_clicked(self) -> None:
        key = self._key
        QGuiApplication.clipboard().setText(key)
        minutes = CLIPBOARD_CLEAR_MS // 60_000
        self.status.setText(
            ngettext(
                "Copied. Paste it somewhere safe; Companion clears the clipboard in {n} minute.",
                "Copied. Paste it somewhere safe; Companion clears the clipboard in {n} minutes.",
                minutes,
            ).format(n=minutes)
        )

        def clear_if_unchanged() -> None:
            clipboard = QGuiApplication.clipboard()
            if clipboard.text() == key:
                clipboard.clear()

        QTimer.singleShot(CLIPBOARD_CLEAR_MS, clear_if_unchanged)

    def _on_print_clicked(self) -> None:
        from companion.ui.printing import print_recovery_key

        if print_recovery_key(self, self._key, self._clock.today()):
            self.status.setText(_("Sent to the printer."))

    def _on_done_clicked(self) -> None:
        key, self._key = self._key, ""
        self.key_label.clear()
        del key
        self.confirmed.emit()
