"""Helpers for the My story GUI tests: a window on a fixed clock, SQL counting, and the story page's parts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from companion.services.session import DiarySession
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


@contextmanager
def statements_of(session: DiarySession) -> Iterator[list[str]]:
    """Every SQL statement the diary's engine runs inside the block."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engine = session.store.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def reads(statements: list[str]) -> list[str]:
    return [s for s in statements if s.lstrip().upper().startswith("SELECT")]


def open_dialog(window: CompanionWindow, cls: type[QDialog]) -> Any:
    """The visible dialog of that class (the app opens them window-modal, never blocking)."""
    found = [d for d in window.findChildren(cls) if d.isVisible()]
    return found[-1] if found else None


def settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)
