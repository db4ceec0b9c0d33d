"""Pain 0-10 as eleven large buttons with the scale's anchors in words; number keys set the score."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.widgets import Retranslatable, label

TEN_WINDOW_SECONDS = 0.8


class ScorePicker(Retranslatable, QWidget):
    score_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._last_one_at = 0.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setObjectName(f"score_{value}")
            button.setProperty("role", "score")
            button.setCheckable(True)
            self.group.addButton(button, value)
            grid.addWidget(button, 0, value)
            self.buttons.append(button)
        anchors = QHBoxLayout()
        self.low_anchor = label()
        self.high_anchor = label()
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.low_anchor)
        anchors.addStretch(1)
        anchors.addWidget(self.high_anchor)
        layout.addLayout(grid)
        layout.addLayout(anchors)
        self.group.idClicked.connect(self.score_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.low_anchor.setText(_("0 = no pain"))
        self.high_anchor.setText(_("10 = pain as bad as you can imagine"))
        for value, button in enumerate(self.buttons):
            button.setAccessibleName(_("Pain {score} out of 10").format(score=value))
        self.buttons[0].setAccessibleDescription(_("0 = no pain"))
        self.buttons[10].setAccessibleDescription(_("10 = pain as bad as you can imagine"))

    def score(self) -> int | None:
        value = self.group.checkedId()
        return None if value < 0 else value

    def set_score(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.buttons[value].setChecked(True)
        self.buttons[value].setFocus()
        self.score_changed.emit(value)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Number keys set the score (1 then 0 quickly gives 10); arrows move it. True when handled."""
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            digit = key - Qt.Key.Key_0
            now = time.monotonic()
            if digit == 0 and now - self._last_one_at < TEN_WINDOW_SECONDS and self.score() == 1:
                self.set_score(10)
                self._last_one_at = 0.0
            else:
                self.set_score(digit)
                self._last_one_at = now if digit == 1 else 0.0
            return True
        current = self.score()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down) and current is not None and current > 0:
            self.set_score(current - 1)
            return True
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_score(0 if current is None else min(10, current + 1))
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)
