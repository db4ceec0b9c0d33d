"""The pacing timer's state, with time passed in: start, rest breaks, pause, resume and stop.

Only active time counts: a rest or a pause stops the clock. The screen asks `due(now)` once a second and
shows a rest-break prompt every `rest_every` of active time, and "time to stop" when the target is reached.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class TimerEvent(StrEnum):
    REST = "rest"
    TARGET = "target"


@dataclass
class TimerState:
    activity_id: str
    target: dt.timedelta
    started_at: dt.datetime
    rest_every: dt.timedelta | None = None
    done_before: dt.timedelta = dt.timedelta(0)  # active time before the current run
    running_since: dt.datetime | None = None
    rests_announced: int = 0
    target_announced: bool = False
    paused_reason: str = ""
    events: list[TimerEvent] = field(default_factory=list)

    @classmethod
    def start(
        cls, activity_id: str, target: dt.timedelta, now: dt.datetime, rest_every: dt.timedelta | None = None
    ) -> TimerState:
        return cls(activity_id, target, now, rest_every, running_since=now)

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def active(self, now: dt.datetime) -> dt.timedelta:
        extra = max(now - self.running_since, dt.timedelta(0)) if self.running_since is not None else dt.timedelta(0)
        return self.done_before + extra

    def remaining(self, now: dt.datetime) -> dt.timedelta:
        return max(self.target - self.active(now), dt.timedelta(0))

    def pause(self, now: dt.datetime, reason: str = "rest") -> None:
        if self.running_since is not None:
            self.done_before = self.active(now)
            self.running_since = None
            self.paused_reason = reason

    def resume(self, now: dt.datetime) -> None:
        if self.running_since is None:
            self.running_since = now
            self.paused_reason = ""

    def due(self, now: dt.datetime) -> list[TimerEvent]:
        """Events that have become due since the last call (each announced once)."""
        out: list[TimerEvent] = []
        active = self.active(now)
        if not self.target_announced and active >= self.target:
            self.target_announced = True
            out.append(TimerEvent.TARGET)
        elif self.rest_every is not None and self.rest_every > dt.timedelta(0):
            reached = int(active / self.rest_every)
            if reached > self.rests_announced and active < self.target:
                self.rests_announced = reached
                out.append(TimerEvent.REST)
        return out

    def stop(self, now: dt.datetime) -> dt.timedelta:
        """Active time done; the timer is stopped."""
        self.pause(now, "stopped")
        return self.done_before
