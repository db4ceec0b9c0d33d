"""The window opens at the size it had when it was last closed, maximised if it was (AppSettings fields:
sizes only, nothing of the diary), and at 1000 x 720 the first time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from companion.services.app_context import AppContext

DEFAULT_SIZE = QSize(1000, 720)


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
