"""Small shared building blocks: retranslation on LanguageChange, labelled headings, busy work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

T = TypeVar("T")


class Retranslatable:
    """Mixin: calls retranslate_ui() whenever Qt announces a language change."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def label(role: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def run_busy(widget: QWidget, work: Callable[[], T]) -> T:
    """Run a slow step (key derivation) with a wait cursor and the widget disabled."""
    widget.setEnabled(False)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()
    try:
        return work()
    finally:
        QGuiApplication.restoreOverrideCursor()
        widget.setEnabled(True)
