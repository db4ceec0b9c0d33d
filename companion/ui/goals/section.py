"""The shared shape of a Goals section: a part of the UI core with a status line and one way to write."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from companion.domain.changes import Changes
from companion.ui.core.diary import Done, OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.widgets import label

T = TypeVar("T")


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class Section(PagePart, QWidget):
    """Each section reads its own part of the goals in `refresh()` and is refreshed by the page host."""

    interests = Changes(goals=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._session = diary.session
        self.status = label()

    def _write(self, op: Callable[[], tuple[T, Changes]], done_text: str = "") -> Done[T] | None:
        """Write through the diary: a problem is shown in the status line; the host refreshes what shows the
        change before this returns."""
        done = self._diary.run(op, problem=self.status)
        if done is not None:
            self.status.setText(done_text)
        return done
