"""My story's diagnoses and investigations for the FHIR export (docs/fhir.md, "My story"), as the person
wrote them: a date only as precisely as it was written, and none for an "about" date, which FHIR cannot say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.domain.approx_date import ApproxDate
from companion.domain.story import StoryItem as Entry
from companion.domain.story import StoryKind
from companion.services.fhir_export import StoryItem

if TYPE_CHECKING:
    from companion.services.session import DiarySession

EXPORTED = frozenset({StoryKind.DIAGNOSIS, StoryKind.INVESTIGATION})


def fhir_date(when: ApproxDate | None) -> tuple[ApproxDate | None, str]:
    """(a whole date, or "") / (None, "2019" or "2019-03") / (None, "") for no date or an "about" one."""
    if when is None or when.about:
        return None, ""
    if when.day is not None:
        return when, ""
    return None, when.to_text()


def story_item(entry: Entry) -> StoryItem:
    """A diagnosis as a condition (its notes as the note), an investigation with its result as told."""
    whole, partial = fhir_date(entry.when)
    told_by = entry.person or entry.source
    if entry.kind is StoryKind.DIAGNOSIS:
        return StoryItem("condition", entry.title, whole.earliest if whole else None, told_by, entry.details, partial)
    return StoryItem("investigation", entry.title, whole.earliest if whole else None, told_by, entry.result, partial)


def story_for_fhir(session: DiarySession) -> tuple[StoryItem, ...]:
    """Every diagnosis and investigation in My story, oldest first (they are history, not limited to the
    export's period)."""
    return tuple(story_item(e) for e in session.story.items(kinds=EXPORTED))
