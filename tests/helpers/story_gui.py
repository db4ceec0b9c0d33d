"""Helpers for the My story GUI tests: a window on a fixed clock and the story page's parts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from companion.ui.companion_window import CompanionWindow
from companion.ui.main_view import MainView
from tests.helpers.clock import FakeClock, local


def story_clock() -> FakeClock:
    """A clock the test moves (`set`, `advance`): 4 March 2026, 10:00 local time, a Wednesday."""
    return FakeClock(local(2026, 3, 4, 10))


def main_of(window: CompanionWindow) -> MainView:
    view = window.main_view
    assert isinstance(view, MainView)
    return view


def open_dialog(window: CompanionWindow, cls: type[QDialog]) -> Any:
    """The visible dialog of that class (the app opens them window-modal, never blocking)."""
    found = [d for d in window.findChildren(cls) if d.isVisible()]
    return found[-1] if found else None


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)
