"""The clock the services read (a function, so tests can pass a fixed one): no storage imported here, so the
lock screen can start without loading the database layer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()
