"""What a service call changed, so every screen can refresh from the same event."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    pain_entries: bool = False
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            pain_entries=self.pain_entries or other.pain_entries,
            settings=self.settings or other.settings,
        )
