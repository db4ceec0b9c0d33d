"""When a gentle reminder is due: the daily check-in and the weekly PEG questions.

Pure scheduling, no Qt and no clock of its own: the caller passes the local time now and the day each
reminder was last handled. Times are compared on the local wall clock, so a reminder at 19:00 comes at
19:00 on the days the clocks change too; a reminder set inside the hour that a spring change skips comes
at the first moment after it, and one inside the hour an autumn change repeats comes once.

A reminder is handled at most once a day (the daily one) or once on its weekday (the weekly one), however
often it is asked and however far the clock jumped (after the computer slept): a missed day is never
made up later and nothing ever counts missed days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_TIME = dt.time(19, 0)
DEFAULT_WEEKDAY = 0  # Monday


class ReminderKind(StrEnum):
    CHECKIN = "checkin"
    PEG = "peg"


@dataclass(frozen=True)
class ReminderPlan:
    """What the person chose. The weekly PEG reminder comes at the same time of day as the daily one."""

    checkin: bool = False
    peg: bool = False
    at: dt.time = DEFAULT_TIME
    peg_weekday: int = DEFAULT_WEEKDAY  # 0 = Monday … 6 = Sunday

    @property
    def any(self) -> bool:
        return self.checkin or self.peg


@dataclass(frozen=True)
class LastHandled:
    """The local day each reminder was last shown or found not needed; None if never."""

    checkin: dt.date | None = None
    peg: dt.date | None = None


def _wall(now: dt.datetime) -> dt.time:
    return now.time().replace(tzinfo=None, fold=0)


def time_has_come(kind: ReminderKind, now: dt.datetime, plan: ReminderPlan, last: LastHandled) -> bool:
    """True when `kind` is switched on, its time today has passed, and it was not yet handled today."""
    today = now.date()
    if kind is ReminderKind.CHECKIN:
        enabled, handled = plan.checkin, last.checkin
    else:
        enabled, handled = plan.peg and today.weekday() == plan.peg_weekday, last.peg
    if not enabled or (handled is not None and handled >= today):
        return False
    return _wall(now) >= plan.at


def due(
    now: dt.datetime,
    plan: ReminderPlan,
    last: LastHandled,
    *,
    checked_in_today: bool,
    peg_due: bool,
) -> tuple[list[ReminderKind], LastHandled]:
    """The reminders to show now, and the new last-handled days.

    A reminder whose time has come is handled either way: shown when it is still wanted (no check-in yet
    today; a PEG actually due), otherwise quietly settled for the day, so it does not appear later if an
    entry is deleted.
    """
    show: list[ReminderKind] = []
    checkin, peg = last.checkin, last.peg
    if time_has_come(ReminderKind.CHECKIN, now, plan, last):
        checkin = now.date()
        if not checked_in_today:
            show.append(ReminderKind.CHECKIN)
    if time_has_come(ReminderKind.PEG, now, plan, last):
        peg = now.date()
        if peg_due:
            show.append(ReminderKind.PEG)
    return show, LastHandled(checkin, peg)


def settle_passed(now: dt.datetime, plan: ReminderPlan, last: LastHandled) -> LastHandled:
    """After the person changes the plan: a time that has already passed today counts as handled, so
    switching a 19:00 reminder on at 20:00 does not pop it up straight away."""
    checkin, peg = last.checkin, last.peg
    if time_has_come(ReminderKind.CHECKIN, now, plan, last):
        checkin = now.date()
    if time_has_come(ReminderKind.PEG, now, plan, last):
        peg = now.date()
    return LastHandled(checkin, peg)


def slept_longer_than(
    wall_before: dt.datetime, wall_now: dt.datetime, monotonic_gap: float, limit_seconds: float
) -> bool:
    """True when the wall clock moved on by at least `limit_seconds` more than the monotonic clock did
    between two looks: the computer was asleep (the monotonic clock stands still in sleep) that long."""
    wall_gap = wall_now.timestamp() - wall_before.timestamp()
    return wall_gap - monotonic_gap >= limit_seconds
