"""Documents (the summary) built off the GUI thread, each from its own read-only copy of the diary.

The copy is taken here, on the GUI thread, so the build never touches the window's database connection;
the window stays painted while it runs (`run_busy`). A lock that comes meanwhile waits for it: the lock
controller asks `companion.ui.widgets.is_busy()` and locks through `after_busy(...)` once the build is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from companion.services.read_only import close_copy, read_only_copy
from companion.services.session import DiarySession
from companion.ui.widgets import run_busy

T = TypeVar("T")


def build(widget: QWidget, session: DiarySession, work: Callable[[DiarySession], T]) -> T:
    """`work(copy)` off the GUI thread over a private read-only copy of `session` (taken now, on the GUI
    thread, and closed afterwards); `widget` is disabled meanwhile. Exceptions are re-raised here."""
    copy = read_only_copy(session)
    try:
        return run_busy(widget, lambda: work(copy))
    finally:
        close_copy(copy)
