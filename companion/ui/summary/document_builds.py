"""Documents (the summary) built off the GUI thread, each from its own read-only copy of the diary.

The copy is taken here, on the GUI thread, so the build never touches the window's database connection;
the window stays painted while it runs. Whoever is about to lock the diary asks `running()` and hands its
lock to `when_idle(callback)`: the callback runs on the GUI thread once no build is running (at once when
none is), so a lock waits for a build instead of closing the diary under it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from companion.services.read_only import close_copy, read_only_copy
from companion.services.session import DiarySession
from companion.ui.widgets import run_busy

T = TypeVar("T")

_running: set[threading.Event] = set()
_waiting: list[Callable[[], None]] = []


def running() -> bool:
    """Whether a document is being built now."""
    return bool(_running)


def when_idle(callback: Callable[[], None]) -> None:
    """Run `callback` on the GUI thread as soon as no document is being built (now, when none is)."""
    if not _running:
        callback()
    else:
        _waiting.append(callback)


def build(widget: QWidget, session: DiarySession, work: Callable[[DiarySession], T]) -> T:
    """`work(copy)` off the GUI thread over a private read-only copy of `session` (taken now, on the GUI
    thread, and closed afterwards); `widget` is disabled meanwhile. Exceptions are re-raised here."""
    copy = read_only_copy(session)
    done = threading.Event()
    _running.add(done)
    try:
        return run_busy(widget, lambda: work(copy))
    finally:
        close_copy(copy)
        done.set()
        _running.discard(done)
        if not _running:
            callbacks, _waiting[:] = list(_waiting), []
            for callback in callbacks:
                QTimer.singleShot(0, callback)
