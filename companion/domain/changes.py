"""What a service call changed, so every screen can refresh from the same event.

A write returns `(value, Changes)`; the UI core turns the `Changes` into one `changed` signal, and each
screen part says which kinds it shows (its `interests`), so a check-in refreshes Today's list and marks a
hidden Diary page stale, and nothing else reads the database."""

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

    def meets(self, other: Changes) -> bool:
        """True when the two share at least one kind of change."""
        return any(getattr(self, f.name) and getattr(other, f.name) for f in fields(self))

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def everything(cls) -> Changes:
        """Every kind: after a restore, an import or a move, when the whole diary may be different."""
        return cls(**{f.name: True for f in fields(cls)})
