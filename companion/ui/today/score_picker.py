"""A 0-10 scale as eleven large buttons with its anchors in words; number keys set it, Backspace clears it.

Used for pain (the NRS anchors) and, with other anchors, for sleep quality, mood and tiredness.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QButtonGroup, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.i18n import N_, _
from companion.ui.widgets import Retranslatable, label

TEN_WINDOW_SECONDS = 0.8


PAIN_LOW = N_("0 = no pain")
PAIN_HIGH = N_("10 = pain as bad as you can imagine")
PAIN_NAME = N_("Pain {score} out of 10")


class ScorePicker(Retranslatable, QWidget):
    score_changed = Signal(int)  # -1 when cleared

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        low: str = PAIN_LOW,
        high: str = PAIN_HIGH,
        name: str = PAIN_NAME,
        prefix: str = "score",
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the buttons take focus; the scale is one Tab stop
        self._last_one_at = 0.0
        self._low, self._high, self._name = low, high, name
        self._previous: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setObjectName(f"{prefix}_{value}")
            button.setProperty("role", "score")
            button.setCheckable(True)
            button.installEventFilter(self)
            self.group.addButton(button, value)
            grid.addWidget(button, 0, value)
            self.buttons.append(button)
        anchors = QHBoxLayout()
        anchors.setSpacing(24)  # the two anchors never run together ("0 = no pain10 = …") when they fill the row
        self.low_anchor = label()
        self.high_anchor = label()
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.low_anchor)
        anchors.addStretch(1)
        anchors.addWidget(self.high_anchor)
        layout.addLayout(grid)
        layout.addLayout(anchors)
        self.group.idClicked.connect(self._on_group_id_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.low_anchor.setText(_(self._low))
        self.high_anchor.setText(_(self._high))
        for value, button in enumerate(self.buttons):
            button.setAccessibleName(_(self._name).format(score=value))
        # A screen reader says what the ends of the scale mean on every number, not only on 0 and 10.
        both = _("{low_anchor}; {high_anchor}").format(low_anchor=_(self._low), high_anchor=_(self._high))
        for button in self.buttons[1:10]:
            button.setAccessibleDescription(both)
        self.buttons[0].setAccessibleDescription(_(self._low))
        self.buttons[10].setAccessibleDescription(_(self._high))

    def _on_group_id_clicked(self, value: int) -> None:
        if value == self._previous:  # a second click on the chosen number clears it (every field is optional)
            self.set_score(None)
            self.score_changed.emit(-1)
            return
        self._previous = value
        self.score_changed.emit(value)

    def score(self) -> int | None:
        value = self.group.checkedId()
        return None if value < 0 else value

    def set_score(self, value: int | None, *, focus: bool = True) -> None:
        self._previous = value
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons:
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        self.buttons[value].setChecked(True)
        if focus:
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
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and current is not None:
            self.set_score(None)
            self.score_changed.emit(-1)
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down) and current is not None and current > 0:
            self.set_score(current - 1)
            return True
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_score(0 if current is None else min(10, current + 1))
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Number and arrow keys on a button are this scale's own (Qt's buttons would only move focus).
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self.handle_key(event):
            return True
        # Tabbing into the scale lands on the chosen number, like a group of radio buttons.
        if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            chosen = self.score()
            tabbed = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            if tabbed and chosen is not None and watched is not self.buttons[chosen]:
                self.buttons[chosen].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab leaves the scale instead of walking through its eleven buttons (arrows move within it)."""
        focus = QApplication.focusWidget()
        if focus in self.buttons:
            edge = self.buttons[-1] if forward else self.buttons[0]
            candidate = edge.nextInFocusChain() if forward else edge.previousInFocusChain()
            for _ in range(500):
                if candidate is None or candidate is edge:
                    break
                usable = (
                    candidate not in self.buttons
                    and candidate.isVisible()
                    and candidate.isEnabled()
                    and bool(candidate.focusPolicy() & Qt.FocusPolicy.TabFocus)
                )
                if usable:
                    candidate.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                    return True
                candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        return super().focusNextPrevChild(forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)
