"""Notices when the person has not touched the app for a while, so the diary can lock itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, parent: QObject, minutes: float) -> None:
        super().__init__(parent)
        self._limit = minutes * 60.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def minutes(self) -> float:
        return self._limit / 60.0

    def set_minutes(self, minutes: float) -> None:
        self._limit = minutes * 60.0
        self.touch()

    def start(self) -> None:
        self.touch()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def touch(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def _on_timer_timeout(self) -> None:
        if time.monotonic() - self._last >= self._limit:
            self.idle.emit()
