"""The one fake clock of the tests: a real `Clock` whose time the test sets and moves by hand."""

from __future__ import annotations

import datetime as dt

from companion.services.clock import Clock


class _StartZone(dt.tzinfo):
    """Marker: the zone of the FakeClock's start (not a usable tzinfo)."""


START_ZONE = _StartZone()


class FakeClock(Clock):
    """Time stands still until the test moves it: `set(moment)`, `advance(days=2, hours=3)`.

    `tz` is the zone days are drawn in, as for a real Clock. By default it is the zone of `start` (a fixed
    offset for `.astimezone()` or `tzinfo=dt.timezone(...)`, a real zone for a `zoneinfo.ZoneInfo`); None
    is the computer's own zone, as the app's SYSTEM_CLOCK has. `start` must be aware.
    """

    def __init__(self, start: dt.datetime, tz: dt.tzinfo | None = START_ZONE) -> None:
        self._moment = self._checked(start)
        super().__init__(start.tzinfo if tz is START_ZONE else tz, source=lambda: self._moment)

    @staticmethod
    def _checked(moment: dt.datetime) -> dt.datetime:
        if moment.tzinfo is None:
            raise ValueError("a FakeClock needs aware datetimes (use .astimezone() or tzinfo=)")
        return moment

    def set(self, moment: dt.datetime) -> None:
        self._moment = self._checked(moment)

    def advance(self, **delta: float) -> None:
        """Move on by a timedelta's worth (days=, hours=, minutes=, ...) of elapsed time."""
        self._moment = self._moment.astimezone(dt.UTC) + dt.timedelta(**delta)


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """A wall-clock time in the computer's own zone, aware (as the app's SYSTEM_CLOCK would show it)."""
    return dt.datetime(year, month, day, hour, minute).astimezone()
