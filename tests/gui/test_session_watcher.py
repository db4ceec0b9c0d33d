"""The session watcher asks for a lock when Qt says the app is suspended, when logind says the computer is going
to sleep or this session locks, and when the screensaver starts; with no D-Bus it stays quiet."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from companion.ui.session_watcher import SessionWatcher, logind_session_path

ROOT = Path(__file__).resolve().parents[2]


def test_suspended_and_the_dbus_slots_ask_for_a_lock(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = QObject()
    watcher = SessionWatcher(holder, lambda: dt.datetime(2026, 6, 1, 12).astimezone(), 5)
    got: list[str] = []
    watcher.lock_requested.connect(got.append)
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    watcher._on_sleep(False)
    watcher._on_sleep(True)
    watcher._on_screensaver(False)
    watcher._on_screensaver(True)
    watcher._on_session_lock()
    assert got == ["suspended", "sleep", "screensaver", "session-lock"]
    # No bus at these addresses: nothing is connected and nothing is said.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/companion-test-bus")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/companion-test-bus")
    watcher.start_os_signals()
    from PySide6.QtDBus import QDBusConnection  # (buses are per process: one made earlier stays)

    if not QDBusConnection.sessionBus().isConnected() and not QDBusConnection.systemBus().isConnected():
        assert watcher.connected == []
    holder.deleteLater()


def test_logind_session_paths() -> None:
    assert logind_session_path("2") == "/org/freedesktop/login1/session/_32"
    assert logind_session_path("c1") == "/org/freedesktop/login1/session/c1"
    assert logind_session_path("a-b") == "/org/freedesktop/login1/session/a_2db"
    assert logind_session_path(None) == logind_session_path("") == ""


@pytest.mark.skipif(
    not os.environ.get("COMPANION_DBUS_TEST") or shutil.which("dbus-run-session") is None,
    reason="set COMPANION_DBUS_TEST=1 (needs dbus-run-session) to try the watcher on a private D-Bus",
)
def test_on_a_private_bus_logind_and_the_screensaver_lock_the_diary() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-m", "tests.helpers.dbus_probe"],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=env, check=True,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert "org.freedesktop.login1.Session.Lock" in lines["connected"]
    assert lines["requests"].split() == ["session-lock", "sleep", "screensaver"]
