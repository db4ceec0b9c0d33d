"""The window opens at the size it had when it was last closed, maximised if it was (AppSettings fields:
sizes only, nothing of the diary), and at 1000 x 720 the first time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from companion.services.app_context import AppContext

DEFAULT_SIZE = QSize(1000, 720)


class _RememberOnClose(QObject):
    def __init__(self, window: QWidget, context: AppContext) -> None:
        super().__init__(window)
        self._context = context
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and isinstance(watched, QWidget):
            remember(watched, self._context)
        return False


def keep(window: QWidget, context: AppContext) -> None:
    """Open `window` at its remembered size now, and remember its size whenever it is closed."""
    restore(window, context)
    _RememberOnClose(window, context)


def restore(window: QWidget, context: AppContext) -> None:
    """Before the window is first shown: its last size (kept within the screen), and maximised if it was."""
    settings = context.settings
    size = QSize(settings.window_width, settings.window_height)
    if size.isEmpty():
        size = DEFAULT_SIZE
    else:  # last closed on a larger screen, perhaps: no bigger than this one
        screen = QGuiApplication.primaryScreen()
        if screen is not None and not screen.availableSize().isEmpty():
            size = size.boundedTo(screen.availableSize())
    window.resize(size)
    if settings.window_maximized:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember(window: QWidget, context: AppContext) -> None:
    """As the window closes: its size (the size it returns to from maximised, when maximised)."""
    maximised = window.isMaximized()
    size = window.normalGeometry().size() if maximised else window.size()
    if not size.isValid() or size.isEmpty():
        size = window.size()
    changes = {"window_width": size.width(), "window_height": size.height(), "window_maximized": maximised}
    if any(getattr(context.settings, name) != value for name, value in changes.items()):
        context.update_settings(**changes)
