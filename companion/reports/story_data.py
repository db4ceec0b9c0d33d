""" "My story so far" as plain data: what a professional needs so tests are not repeated and the story is
told once. Nothing here is worded; companion.reports.story_html words it in the document's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from companion.domain.goals import WhatMatters
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.medicines import Medicine, Tried
from companion.domain.story import StoryItem, StoryKind
from companion.domain.summary import Communication

if TYPE_CHECKING:
    from companion.services.session import DiarySession

# At most this many of each kind fit on the one page; the newest are kept and the rest counted.
LIMITS: dict[StoryKind, int] = {
    StoryKind.ONSET: 2,
    StoryKind.DIAGNOSIS: 6,
    StoryKind.INVESTIGATION: 8,
    StoryKind.PROFESSIONAL: 6,
    StoryKind.REFERRAL: 6,
    StoryKind.TREATMENT: 6,
}
MEDICINES_LIMIT = 8
TRIED_LIMIT = 8


@dataclass(frozen=True)
class Shown:
    """Items of one kind as printed (oldest first) and how many older ones were left out."""

    items: tuple[StoryItem, ...]
    left_out: int = 0


@dataclass(frozen=True)
class StoryData:
    made_on: dt.date
    name: str
    by_kind: dict[StoryKind, Shown]
    medicines: tuple[Medicine, ...]  # taken today
    medicines_left_out: int
    review_steps: tuple[tuple[ReviewPlan, ReviewStep], ...]  # current step of each planned review
    tried: tuple[Tried, ...]
    tried_left_out: int
    what_matters: WhatMatters | None
    communication: Communication = field(default_factory=Communication)  # as set on the Summary page

    @property
    def is_empty(self) -> bool:
        return not any(s.items for s in self.by_kind.values())


def _newest(items: list[StoryItem], limit: int) -> Shown:
    """Keep the last `limit` of a timeline (oldest first), counting what is left out."""
    if len(items) <= limit:
        return Shown(tuple(items))
    return Shown(tuple(items[-limit:]), len(items) - limit)


def communication_lines(session: DiarySession) -> Communication:
    """"How I communicate best", as the person set it on the Summary page (worded in the story's language by
    `companion.reports.summary_words.communication_sentences`)."""
    return session.summary.communication()


def build_story(session: DiarySession, today: dt.date | None = None) -> StoryData:
    day = today or session.diary.today()
    items = session.story.items()
    by_kind = {kind: _newest([i for i in items if i.kind is kind], limit) for kind, limit in LIMITS.items()}
    current = [m for m in session.medicines.medicines() if m.taking_on(day)]
    tried = session.medicines.tried()
    return StoryData(
        made_on=day,
        name=session.summary.name(),
        by_kind=by_kind,
        medicines=tuple(current[:MEDICINES_LIMIT]),
        medicines_left_out=max(0, len(current) - MEDICINES_LIMIT),
        review_steps=tuple(session.story.current_review_steps(day)),
        tried=tuple(tried[-TRIED_LIMIT:]),
        tried_left_out=max(0, len(tried) - TRIED_LIMIT),
        what_matters=session.goals.what_matters(),
        communication=communication_lines(session),
    )
