"""Guards against a Qt for Python build that corrupts reference counts (PySide6 6.12.0 on Python 3.11:
every call returning nothing dropped a reference to None, and the app aborted after enough UI work)."""

from __future__ import annotations

import sys


def test_calls_returning_nothing_keep_none_alive() -> None:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 50
