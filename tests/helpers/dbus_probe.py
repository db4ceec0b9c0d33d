"""Run under `dbus-run-session` (tests/gui/test_session_watcher.py does, when asked): a fake logind and a fake
screensaver on a private bus send their signals, and the SessionWatcher's lock requests are printed."""

from __future__ import annotations

import datetime as dt
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = os.environ["DBUS_SESSION_BUS_ADDRESS"]  # the private bus plays both
os.environ["XDG_SESSION_ID"] = "2"

from PySide6.QtCore import QObject, QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QApplication

from companion.ui.session_watcher import SessionWatcher

LOGIN1 = "/org/freedesktop/login1"
STEPS = [  # (object path, interface, signal, arguments): only the 2nd, 4th and 6th ask for a lock
    (f"{LOGIN1}/session/_33", "org.freedesktop.login1.Session", "Lock", []),  # another session
    (f"{LOGIN1}/session/_32", "org.freedesktop.login1.Session", "Lock", []),  # this one (XDG_SESSION_ID=2)
    (LOGIN1, "org.freedesktop.login1.Manager", "PrepareForSleep", [False]),  # waking up
    (LOGIN1, "org.freedesktop.login1.Manager", "PrepareForSleep", [True]),  # going to sleep
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", [False]),
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", [True]),
]


def main() -> None:
    app = QApplication([])
    holder = QObject()
    watcher = SessionWatcher(holder, lambda: dt.datetime.now().astimezone(), 5)
    got: list[str] = []
    watcher.lock_requested.connect(got.append)
    watcher.start_os_signals()
    print("connected", " ".join(watcher.connected))
    fake = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, "fake-services")
    assert fake.registerService("org.freedesktop.login1") and fake.registerService("org.freedesktop.ScreenSaver")

    def send(path: str, interface: str, name: str, args: list[object]) -> None:
        message = QDBusMessage.createSignal(path, interface, name)
        message.setArguments(args)
        fake.send(message)

    for number, step in enumerate(STEPS):
        QTimer.singleShot(200 * (number + 1), lambda step=step: send(*step))
    QTimer.singleShot(200 * (len(STEPS) + 3), app.quit)
    app.exec()
    print("requests", " ".join(got))


if __name__ == "__main__":
    main()
