"""Follow-up when I decide: pure rules that watch the person's own measurable reasons in the diary.

The app never judges whether to seek care; it repeats the person's words when a reason they wrote is met.
Each rule looks only at records made after the appointment (`after`, an aware moment) and is defined in
docs/follow-up.md; the boundaries below are the tested ones.

- PEG_RISE: the reference is the last PEG at or before the appointment (if none, the first after it, which
  then does not count towards the rise). Met when the latest PEG responses form a run of at least
  three, each at least 30 % above the reference (score x 10 >= reference x 13, in whole item sums, so
  exactly 30 % counts), the first and last at least 14 days apart (three weekly answers cover three weeks).
  A reference of 0 cannot rise by a percentage, so the rule waits for a reference above 0. Since: the day of
  the run's first response.
- FLARE_LONGER: a flare that started after the appointment has lasted more than `days` days (to its end, or
  to now if ongoing). Exactly `days` days is not more. Since: the day it passed `days` days.
- PAIN_ABOVE: the last `weeks` 7-day blocks ending today each have at least 3 days with a pain score, all
  on or after the appointment's day, and the mean of those days' own means is above `level` (exactly
  `level` is not above). Since: the first day of the earliest block of the run (the run is followed back
  while blocks qualify).
- NEW_REGION: a check-in after the appointment names a body region that no check-in at or before the
  appointment named. Since: the day of the first such check-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule
from companion.domain.flare import FlareEpisode

PEG_RISE_NUMERATOR, PEG_RISE_DENOMINATOR = 13, 10  # at least 30 % above the reference
PEG_RUN_MIN_RESPONSES = 3
PEG_RUN_MIN_DAYS = 14
WEEK_MIN_SCORED_DAYS = 3


@dataclass(frozen=True)
class DiaryReadings:
    """What the rules read, gathered once by the service. `peg` holds (taken_at, item sum 0-30)."""

    pain_by_day: Mapping[dt.date, float]  # each day's mean pain score
    peg: Sequence[tuple[dt.datetime, int]]
    flares: Sequence[FlareEpisode]
    regions: Sequence[tuple[dt.datetime, frozenset[str]]]


@dataclass(frozen=True)
class FollowUpNotice:
    """One reason met: the person's words, since when, and the contact saved with the appointment."""

    appointment: Appointment
    reason: FollowUpReason
    since: dt.date


def peg_rise_since(peg: Sequence[tuple[dt.datetime, int]], after: dt.datetime) -> dt.date | None:
    ordered = sorted(peg)
    before = [total for taken, total in ordered if taken <= after]
    later = [(taken, total) for taken, total in ordered if taken > after]
    if before:
        reference = before[-1]
    elif later:
        reference = later.pop(0)[1]
    else:
        return None
    if reference <= 0:
        return None
    run: list[dt.datetime] = []
    for taken, total in reversed(later):
        if total * PEG_RISE_DENOMINATOR < reference * PEG_RISE_NUMERATOR:
            break
        run.append(taken)
    if len(run) < PEG_RUN_MIN_RESPONSES or (run[0] - run[-1]) < dt.timedelta(days=PEG_RUN_MIN_DAYS):
        return None
    return run[-1].date()


def flare_longer_since(
    flares: Sequence[FlareEpisode], after: dt.datetime, days: int, now: dt.datetime
) -> dt.date | None:
    limit = dt.timedelta(days=days)
    passed = [
        f.started_at + limit for f in flares if f.started_at >= after and (f.ended_at or now) - f.started_at > limit
    ]
    return min(passed).date() if passed else None


def _block_mean(pain_by_day: Mapping[dt.date, float], first: dt.date) -> float | None:
    scores = [pain_by_day[d] for d in (first + dt.timedelta(days=i) for i in range(7)) if d in pain_by_day]
    return sum(scores) / len(scores) if len(scores) >= WEEK_MIN_SCORED_DAYS else None


def pain_above_since(
    pain_by_day: Mapping[dt.date, float], after: dt.datetime, level: int, weeks: int, today: dt.date
) -> dt.date | None:
    first_day = after.date()
    run_start: dt.date | None = None
    count = 0
    block = today - dt.timedelta(days=6)
    while block >= first_day:
        mean = _block_mean(pain_by_day, block)
        if mean is None or mean <= level:
            break
        run_start, count = block, count + 1
        block -= dt.timedelta(days=7)
    return run_start if count >= weeks else None


def new_region_since(regions: Sequence[tuple[dt.datetime, frozenset[str]]], after: dt.datetime) -> dt.date | None:
    known: set[str] = set().union(*(names for when, names in regions if when <= after)) if regions else set()
    for when, names in sorted(regions, key=lambda r: r[0]):
        if when > after and names - known:
            return when.date()
    return None


def reason_met_since(
    reason: FollowUpReason, after: dt.datetime, readings: DiaryReadings, now: dt.datetime
) -> dt.date | None:
    """The day the reason has been met since, or None (always None for words the app cannot measure)."""
    if reason.rule is FollowUpRule.PEG_RISE:
        return peg_rise_since(readings.peg, after)
    if reason.rule is FollowUpRule.FLARE_LONGER and reason.days is not None:
        return flare_longer_since(readings.flares, after, reason.days, now)
    if reason.rule is FollowUpRule.PAIN_ABOVE and reason.level is not None and reason.weeks is not None:
        return pain_above_since(readings.pain_by_day, after, reason.level, reason.weeks, now.date())
    if reason.rule is FollowUpRule.NEW_REGION:
        return new_region_since(readings.regions, after)
    return None


def watched(appointments: Sequence[Appointment], now: dt.datetime) -> list[tuple[Appointment, FollowUpReason]]:
    """The reasons the app watches now: measurable, not dismissed, of attended appointments not followed by
    a later attended appointment with the same person (that follow-up has happened). Oldest first."""
    found: list[tuple[Appointment, FollowUpReason]] = []
    attended = sorted((a for a in appointments if a.attended and a.when <= now), key=lambda a: a.when)
    for index, appointment in enumerate(attended):
        later_same = any(b.who.casefold() == appointment.who.casefold() and b.who for b in attended[index + 1 :])
        if later_same:
            continue
        found += [
            (appointment, r)
            for r in appointment.reasons
            if r.dismissed_on is None and r.rule is not FollowUpRule.WORDS_ONLY
        ]
    return found


def notices(appointments: Sequence[Appointment], readings: DiaryReadings, now: dt.datetime) -> list[FollowUpNotice]:
    """Reasons met among those watched (see `watched`). Oldest "since" first."""
    found: list[FollowUpNotice] = []
    for appointment, reason in watched(appointments, now):
        since = reason_met_since(reason, appointment.when, readings, now)
        if since is not None:
            found.append(FollowUpNotice(appointment, reason, since))
    return sorted(found, key=lambda n: n.since)
