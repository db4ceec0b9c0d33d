"""Which day a record belongs to: the calendar day of its own recorded local time, wherever it is read.

A check-in, dose or score is stored as UTC plus the UTC offset it was recorded with, so 23:30 in Cardiff
stays on that day even when the diary is opened later in Tokyo or on a computer set to UTC. To find the
records of days `first`..`last`, query the UTC range `utc_window(first, last)` (wide enough for any offset
on Earth) and keep those whose own local date is in the range (`on_days`). Nothing here reads the
computer's zone or the current time.
"""

from __future__ import annotations

import datetime as dt

# The widest UTC offsets in use: UTC+14 (Kiribati) and UTC-12 (Baker Island).
MOST_AHEAD = dt.timedelta(hours=14)
MOST_BEHIND = dt.timedelta(hours=12)


def utc_window(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) in UTC, aware, holding every moment whose local date at any offset is first..last."""
    start = dt.datetime.combine(first, dt.time.min, tzinfo=dt.UTC) - MOST_AHEAD
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC) + MOST_BEHIND
    return start, end


def on_days(moment: dt.datetime, first: dt.date, last: dt.date) -> bool:
    """Whether `moment` (aware, in the offset it was recorded with) falls on a day first..last."""
    return first <= moment.date() <= last
