"""The shared shape of a Goals section: a status line and one way to run a service call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QWidget

from companion.domain.errors import SaveFailedError, ValidationError
from companion.services.session import DiarySession
from companion.ui.widgets import Retranslatable, label


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class Section(Retranslatable, QWidget):
    changed = Signal()
    save_failed = Signal(object)

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.status = label()

    def _run(self, action: Callable[[], object], done: str = "") -> bool:
        """Call a service action; show a validation message, or hand a failed save to the window."""
        try:
            action()
        except ValidationError as exc:
            self.status.setText(exc.message())
            return False
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.status.setText(done)
        self.changed.emit()
        return True
