"""My story: the person's own timeline of their pain journey, told once and kept.

Each item is recorded as the person was told it or read it ("told by", "letter of"); the app never
interprets a diagnosis or a result (../shared/guide/clinical.md, Between appointments). Kinds: how it
started, diagnoses, investigations and tests, professionals and services seen, referrals (waiting, seen,
declined), and treatments linked with What I've tried.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from companion.domain.approx_date import ApproxDate, validate_approx_date
from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_


class StoryKind(StrEnum):
    ONSET = "onset"
    DIAGNOSIS = "diagnosis"
    INVESTIGATION = "investigation"
    PROFESSIONAL = "professional"
    REFERRAL = "referral"
    TREATMENT = "treatment"


KIND_NAMES: dict[StoryKind, str] = {
    StoryKind.ONSET: N_("How it started"),
    StoryKind.DIAGNOSIS: N_("Diagnosis"),
    StoryKind.INVESTIGATION: N_("Test or investigation"),
    StoryKind.PROFESSIONAL: N_("Professional or service"),
    StoryKind.REFERRAL: N_("Referral"),
    StoryKind.TREATMENT: N_("Treatment"),
}


class ReferralStatus(StrEnum):
    WAITING = "waiting"
    SEEN = "seen"
    DECLINED = "declined"


REFERRAL_STATUS_NAMES: dict[ReferralStatus, str] = {
    ReferralStatus.WAITING: N_("Waiting"),
    ReferralStatus.SEEN: N_("Seen"),
    ReferralStatus.DECLINED: N_("Declined"),
}


class SourceKind(StrEnum):
    NONE = "none"
    TOLD_BY = "told_by"
    LETTER_OF = "letter_of"


SOURCE_TEMPLATES: dict[SourceKind, str] = {
    SourceKind.TOLD_BY: N_("Told by {source}"),
    SourceKind.LETTER_OF: N_("Letter of {source}"),
}


@dataclass(frozen=True)
class StoryItem:
    """One entry on the timeline. Which fields matter depends on the kind; all are the person's words.

    title: what (the diagnosis as told, the test, the professional's name, whom the referral is to);
    person: by whom (who explained a result, who referred); role and place: a professional's role, where;
    contact: how to reach them; result: a result as it was explained; status: a referral's standing.
    """

    id: str
    kind: StoryKind
    title: str
    when: ApproxDate | None = None
    details: str = ""
    person: str = ""
    role: str = ""
    place: str = ""
    contact: str = ""
    result: str = ""
    status: ReferralStatus | None = None
    source_kind: SourceKind = SourceKind.NONE
    source: str = ""
    tried_id: str | None = None  # a treatment's entry in What I've tried
    appointment_id: str | None = None  # the appointment that ordered it, if any

    def matches(self, words: str) -> bool:
        """Every word of the search appears somewhere in the item (case and accents as typed, folded)."""
        haystack = " ".join(
            (self.title, self.details, self.person, self.role, self.place, self.contact, self.result, self.source)
        ).casefold()
        return all(word in haystack for word in words.casefold().split())


def validate_story_item(item: StoryItem) -> StoryItem:
    title = " ".join(item.title.replace("\x00", "").split())
    if not title:
        raise ValidationError(N_("Write a few words to say what this is, such as the test or whom you saw."))
    if len(title) > TITLE_MAX_CHARS * 2:
        raise ValidationError(N_("That is too long. Use {limit} characters or fewer."), limit=TITLE_MAX_CHARS * 2)
    if item.when is not None:
        validate_approx_date(item.when)
    status = item.status
    if item.kind is StoryKind.REFERRAL and status is None:
        status = ReferralStatus.WAITING
    if item.kind is not StoryKind.REFERRAL:
        status = None
    source = clean_text(item.source, TITLE_MAX_CHARS)
    source_kind = item.source_kind if source else SourceKind.NONE
    return replace(
        item,
        title=title,
        details=clean_text(item.details),
        person=clean_text(item.person, TITLE_MAX_CHARS),
        role=clean_text(item.role, TITLE_MAX_CHARS),
        place=clean_text(item.place, TITLE_MAX_CHARS * 2),
        contact=clean_text(item.contact, TITLE_MAX_CHARS * 2),
        result=clean_text(item.result),
        status=status,
        source_kind=source_kind,
        source=source,
        tried_id=item.tried_id if item.kind is StoryKind.TREATMENT else None,
    )


def timeline(items: list[StoryItem]) -> list[StoryItem]:
    """Oldest first; undated items last, in the order they were written."""
    dated = sorted((i for i in items if i.when is not None), key=lambda i: i.when.sort_key if i.when else (0, 0, 0))
    return dated + [i for i in items if i.when is None]


def filter_items(
    items: list[StoryItem], kinds: frozenset[StoryKind] | None = None, search: str = ""
) -> list[StoryItem]:
    return [i for i in items if (not kinds or i.kind in kinds) and (not search.strip() or i.matches(search))]
