"""Run by Debian's /usr/bin/python3 (pyatspi is a Debian package): read Companion through AT-SPI, as a screen
reader does. Unlocks the diary by typing into the passphrase field and pressing Unlock through AT-SPI, then
prints the check-in screen's accessible tree (role, name, description of every node showing) as JSON.

Usage: atspi_reader.py PASSPHRASE   (DBUS_SESSION_BUS_ADDRESS must point at the session the app uses)
"""

import json
import sys
import time

import pyatspi

APP_NAME = "Companion"


def find_app(timeout: float):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.2)
    raise SystemExit(f"no application called {APP_NAME!r} on the accessibility bus")


def showing(node) -> list:
    """Every node under `node` that is showing, depth first, with its depth."""
    found = []

    def visit(acc, depth: int) -> None:
        if acc is None or depth > 60:
            return
        if depth and not acc.getState().contains(pyatspi.STATE_SHOWING):
            return
        found.append((depth, acc))
        for index in range(acc.childCount):
            visit(acc.getChildAtIndex(index), depth + 1)

    visit(node, 0)
    return found


def wait_for(app, role: str, name: str, timeout: float):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for _depth, acc in showing(app):
            if acc.getRoleName() == role and acc.name == name:
                return acc
        time.sleep(0.2)
    seen = sorted({(a.getRoleName(), a.name) for _d, a in showing(app)})
    raise SystemExit(f"no showing {role} named {name!r}; showing: {seen}")


def main() -> None:
    passphrase = sys.argv[1]
    started = time.monotonic()
    app = find_app(30)
    field = wait_for(app, "password text", "Passphrase", 20)
    field.queryEditableText().setTextContents(passphrase)
    unlock = wait_for(app, "push button", "Unlock", 5)
    unlock.queryAction().doAction(0)
    wait_for(app, "push button", "Save this check-in", 30)
    nodes = [
        {"depth": depth, "role": acc.getRoleName(), "name": acc.name, "description": acc.description}
        for depth, acc in showing(app)
    ]
    print(json.dumps({"seconds": round(time.monotonic() - started, 2), "nodes": nodes}))


if __name__ == "__main__":
    main()
