"""Urgent help, 999 first: the fixed signposting pinned at the top of Support (clinical.md: 999, NHS 111 Wales,
NHS 24 on 111 in Scotland), with someone to talk to at any hour. Offline text; nothing from the diary.

Compact, because it is pinned above the page and at 200 % text it took half of it: one line for each number,
the number first and bold in a column of its own (easy to find and read), and what it is for beside it,
wrapping when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from companion.i18n import _
from companion.ui.widgets import Retranslatable, label

NUMBERS = ("999", "111", "116 123")  # the order they are shown in: 999 first


class UrgentHelpBox(Retranslatable, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentHelpBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        self.heading = label()
        self.heading.setObjectName("urgentHelpHeading")
        grid.addWidget(self.heading, 0, 0, 1, 2)
        self.numbers: list[QLabel] = []
        self.lines: list[QLabel] = []  # what each number is for, in the order of NUMBERS
        for row, (number, name) in enumerate(zip(NUMBERS, ("999", "111", "Talk"), strict=True), start=1):
            shown = label(wrap=False, selectable=True)
            shown.setObjectName(f"urgentHelpNumber{name}")
            shown.setText(number)
            line = label(selectable=True)
            line.setObjectName(f"urgentHelp{name}")
            grid.addWidget(shown, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(line, row, 1)
            self.numbers.append(shown)
            self.lines.append(line)
        grid.setColumnStretch(1, 1)
        for widget in (self.heading, *self.numbers):
            font = widget.font()
            font.setBold(True)
            widget.setFont(font)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Need help now?"))
        texts = (
            _("An emergency, or in danger now"),
            _("Urgent, not an emergency: NHS 111 Wales (option 2: mental health); NHS 24 in Scotland"),
            _("Samaritans, any hour, free; in Welsh every evening: 0808 164 0123"),
        )
        for line, text in zip(self.lines, texts, strict=True):
            line.setText(text)
        self.setAccessibleName(_("Need help now?"))
        self.setAccessibleDescription(
            " ".join(f"{number}: {text}." for number, text in zip(NUMBERS, texts, strict=True))
        )
