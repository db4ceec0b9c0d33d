"""The Active Offer: the very first screen asks which language to use, in Welsh first, then English."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from companion.i18n import LANGUAGE_NAMES, N_, translate_in
from companion.ui.layouts import scrolled_page
from companion.ui.widgets import label

# Marked for extraction; shown in both languages at once through bilingual(), Welsh first.
_WELCOME = N_("Welcome to Companion")
_CHOOSE = N_("Which language would you like to use? You can change it at any time in Settings.")


def bilingual(message: str) -> str:
    """The Welsh sentence, then the English one, each from the catalog."""
    return f"{translate_in('cy', message)}\n{translate_in('en', message)}"


class LanguageOfferView(QWidget):
    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageOffer")
        _content, layout = scrolled_page(self)  # at large text the screen scrolls rather than squeezes
        layout.addStretch(1)
        self.welcome = label("heading")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setText(bilingual(_WELCOME))
        self.prompt = label("bilingual")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setText(bilingual(_CHOOSE))
        layout.addWidget(self.welcome)
        layout.addSpacing(16)
        layout.addWidget(self.prompt)
        layout.addSpacing(24)
        row = QHBoxLayout()
        row.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for code in ("cy", "en"):  # Welsh first
            button = QPushButton(LANGUAGE_NAMES[code])
            button.setProperty("role", "big")
            button.setObjectName(f"language_{code}")
            button.setAccessibleName(LANGUAGE_NAMES[code])
            button.setAccessibleDescription(bilingual(_CHOOSE))
            button.clicked.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
            row.addWidget(button)
            self.buttons[code] = button
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setTabOrder(self.buttons["cy"], self.buttons["en"])

    def showEvent(self, event: object) -> None:
        # Welsh comes first and holds the focus; nothing is chosen until the person chooses.
        self.buttons["cy"].setFocus()
        super().showEvent(event)  # type: ignore[arg-type]
