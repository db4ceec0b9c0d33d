"""Locking: on demand (Ctrl+L), after idle time, and when the computer locks or sleeps.

Locking keeps every screen's unsaved input as a draft inside the encrypted diary, closes any dialog, saves
what is pending (synchronously; a failed save keeps the diary open and says so), stops every screen part
and drops the diary from memory. The pacing timer is not a screen: it carries on (ui/pacing/timer_controller.py).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from companion.domain.errors import CompanionError
from companion.services.app_context import AppContext
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.idle_watcher import IdleWatcher
from companion.ui.session_watcher import SessionWatcher
from companion.ui.widgets import after_busy, is_busy


class LockController(QObject):
    about_to_lock = Signal(object)  # OpenDiary: last chance to read it (reminder facts)
    locked = Signal()

    def __init__(self, window: QWidget, context: AppContext, *, watch_os_session: bool = False) -> None:
        super().__init__(window)
        self._window = window
        self.diary: OpenDiary | None = None
        self.idle = IdleWatcher(window, context.settings.auto_lock_minutes)
        self.idle.idle.connect(self._on_idle_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.session_watcher = SessionWatcher(window, context.clock, self.idle.minutes, detect_sleep=watch_os_session)
        self.session_watcher.lock_requested.connect(lambda _why: self._on_idle_idle())
        if watch_os_session:
            self.session_watcher.start_os_signals()
        self.shortcut = QShortcut(QKeySequence("Ctrl+L"), window, self.lock)
        self.shortcut.setEnabled(False)

    def set_minutes(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        self.session_watcher.set_limit_minutes(minutes)

    def watch(self, diary: OpenDiary) -> None:
        """A diary was opened: lock it when asked, when idle, or with the computer."""
        self.diary = diary
        self.shortcut.setEnabled(True)
        self.idle.start()
        self.session_watcher.start()

    def _on_idle_idle(self) -> None:
        if self.diary is not None:
            self.lock()

    def lock(self) -> bool:
        """Keep drafts, save, drop the diary. False (and the diary stays open) if saving failed."""
        diary = self.diary
        if diary is None:
            return True
        if is_busy():  # a document is being built from the diary: lock as soon as it is done
            after_busy(self.lock)
            return False
        drafts: dict[str, object] = dict(diary.drafts())
        for dialog in self._window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        with contextlib.suppress(CompanionError):  # a failed save shows below, through the save state
            diary.session.diary.save_draft(dict(drafts) or None)
        if diary.timer is not None:
            diary.timer.detach()
        self.about_to_lock.emit(diary)
        state = diary.flush()
        if state.failed:
            if diary.timer is not None:
                diary.timer.attach(diary)
            return False
        diary.detach()
        try:
            diary.session.close()
        except CompanionError as exc:
            dialogs.show_error(self._window, exc.message())
            return False
        self.diary = None
        self.idle.stop()
        self.session_watcher.stop()
        self.shortcut.setEnabled(False)
        self.locked.emit()
        return True
