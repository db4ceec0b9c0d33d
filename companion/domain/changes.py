"""What a service call changed, so every screen can refresh from the same event."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    pain_entries: bool = False  # check-ins
    tags: bool = False
    measures: bool = False
    flares: bool = False
    pacing: bool = False
    goals: bool = False
    medicines: bool = False
    settings: bool = False
    story: bool = False  # My story items
    appointments: bool = False  # appointments, their follow-up reasons, decisions made together

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})
