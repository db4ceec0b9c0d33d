"""Asks for the diary to lock when the computer's own session locks or the computer sleeps, where Qt can tell.

Three sources, each optional:
- D-Bus on Linux (only when `start_os_signals()` is called, which the app does and tests do not): logind's
  PrepareForSleep(true) and this session's Lock on the system bus, and the freedesktop or GNOME
  screensaver's ActiveChanged(true) on the session bus. D-Bus talks over a local Unix socket, never the
  network; with no bus (CI, a bare session) nothing is connected and nothing is said.
- Qt's own application state: Suspended (what mobile-style platforms report before sleeping).
- A sleep detector that works everywhere: the monotonic clock stands still while the computer sleeps and
  the wall clock does not, so when the wall clock moved on by more than the auto-lock time beyond the
  monotonic clock between two looks, the computer slept that long and the diary locks.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from companion.domain.reminders import slept_longer_than

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection
from companion.services.clock import Clock

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
CHECK_INTERVAL_MS = 15_000


def logind_session_path(session_id: str | None) -> str:
    """The object path logind gives a session id (sd_bus_path_encode); "" (any session) if unknown."""
    if not session_id:
        return ""
    encoded = "".join(
        ch if ch.isascii() and ch.isalnum() and not (i == 0 and ch.isdigit()) else f"_{ord(ch):02x}"
        for i, ch in enumerate(session_id)
    )
    return f"{LOGIN1_PATH}/session/{encoded}"


class SessionWatcher(QObject):
    lock_requested = Signal(str)  # why: "sleep", "session-lock", "screensaver", "suspended", "slept"

    def __init__(
        self,
        parent: QObject,
        clock: Clock,
        limit_minutes: float,
        monotonic: Callable[[], float] = time.monotonic,
        *,
        detect_sleep: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.monotonic = monotonic
        # Off in most tests, which move the injected clock on by days while the diary is open.
        self.detect_sleep = detect_sleep
        self._limit = limit_minutes * 60.0
        self._last: tuple[dt.datetime, float] | None = None  # (wall clock, monotonic clock) at the last look
        self.connected: list[str] = []  # the D-Bus signals listened to (for a bug report)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check_sleep)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)

    # --- the sleep detector -------------------------------------------------------------------------------

    def set_limit_minutes(self, minutes: float) -> None:
        self._limit = minutes * 60.0

    def start(self) -> None:
        """Look now and every few seconds (while the diary is open)."""
        self._last = None
        if not self.detect_sleep:
            return
        self.check_sleep()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._last = None

    def check_sleep(self) -> None:
        wall, mono = self._clock(), self.monotonic()
        last, self._last = self._last, (wall, mono)
        if last is not None and slept_longer_than(last[0], wall, mono - last[1], self._limit):
            self.lock_requested.emit("slept")

    # --- Qt's application state ---------------------------------------------------------------------------

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock_requested.emit("suspended")

    # --- D-Bus (Linux) ------------------------------------------------------------------------------------

    def start_os_signals(self) -> None:
        """Listen to logind and the screensaver where there is a bus; quietly nothing where there is none."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt built without D-Bus (Windows, macOS wheels may lack it)
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            self._listen(system, (LOGIN1, LOGIN1_PATH, f"{LOGIN1}.Manager", "PrepareForSleep"), "_on_sleep(bool)")
            path = logind_session_path(os.environ.get("XDG_SESSION_ID"))
            self._listen(system, (LOGIN1, path, f"{LOGIN1}.Session", "Lock"), "_on_session_lock()")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in SCREENSAVERS:
                self._listen(session, (service, path, interface, "ActiveChanged"), "_on_screensaver(bool)")

    def _listen(self, bus: QDBusConnection, signal: tuple[str, str, str, str], slot: str) -> None:
        """Connect one D-Bus signal (service, path, interface, name) to one of the slots below."""
        service, path, interface, name = signal
        # PySide's stub asks for bytes, but only the string SLOT() makes works (checked against a real bus).
        if bus.connect(service, path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]
            self.connected.append(f"{interface}.{name}")

    @Slot(bool)
    def _on_sleep(self, starting: bool) -> None:
        if starting:
            self.lock_requested.emit("sleep")

    @Slot()
    def _on_session_lock(self) -> None:
        self.lock_requested.emit("session-lock")

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active:
            self.lock_requested.emit("screensaver")
