"""The one clock the diary reads: now, today and the zone that draws day boundaries.

Nothing else in the app calls `datetime.now()` or `date.today()`: the session holds a `Clock` and passes it
to services and screens, so a test can fix time and zone, and every day boundary comes from one place. No
storage is imported here, so the lock screen can start without loading the database layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Clock:
    """Time as the diary sees it.

    `tz` is the zone days are drawn in: None means the computer's own zone (summer time included, as the
    operating system knows it), a `zoneinfo.ZoneInfo` pins one. `source` gives the current instant (an
    aware datetime, any zone); tests pass their own. Calling the clock (`clock()`) is `now()`, the form
    the services were first written against.
    """

    def __init__(self, tz: dt.tzinfo | None = None, source: Callable[[], dt.datetime] = _utc_now) -> None:
        self._tz = tz
        self._source = source

    @property
    def tz(self) -> dt.tzinfo | None:
        return self._tz

    def now(self) -> dt.datetime:
        """The current moment, aware, in the diary's zone."""
        moment = self._source()
        if moment.tzinfo is None:
            raise ValueError("a clock's source must give aware datetimes")
        return self.localize(moment)

    def __call__(self) -> dt.datetime:
        return self.now()

    def today(self) -> dt.date:
        return self.now().date()

    def localize(self, moment: dt.datetime) -> dt.datetime:
        """An aware moment seen in the diary's zone."""
        return moment.astimezone(self._tz) if self._tz is not None else moment.astimezone()

    def at(self, day: dt.date, time: dt.time = dt.time.min) -> dt.datetime:
        """The wall-clock time `time` on `day` in the diary's zone, aware (the earlier one in a repeated hour)."""
        naive = dt.datetime.combine(day, time)
        if self._tz is None:
            return naive.astimezone()
        return naive.replace(tzinfo=self._tz)

    def day_bounds(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) of `day` in the diary's zone: 23 or 25 hours on a clock-change day."""
        return self.at(day), self.at(day + dt.timedelta(days=1))


def as_clock(clock: Clock | Callable[[], dt.datetime]) -> Clock:
    """A Clock for anything that tells the time when called (a Clock already is one)."""
    return clock if isinstance(clock, Clock) else Clock(source=clock)


def local_now() -> dt.datetime:
    """The computer's local time now. Kept for code that has no session yet (first start, the CLI before
    unlock); everything inside a diary reads the session's Clock."""
    return SYSTEM_CLOCK.now()


SYSTEM_CLOCK = Clock()
