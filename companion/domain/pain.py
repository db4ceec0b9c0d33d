"""Rules for a pain score, a note and the moment of a check-in."""

from __future__ import annotations

import datetime as dt

from companion.domain.errors import ValidationError
from companion.i18n import N_

PAIN_MIN = 0
PAIN_MAX = 10
NOTE_MAX_CHARS = 20_000


def validate_score(score: int) -> int:
    if isinstance(score, bool) or not isinstance(score, int):
        raise ValidationError(N_("Choose a pain score from 0 to 10."))
    if not PAIN_MIN <= score <= PAIN_MAX:
        raise ValidationError(N_("Choose a pain score from 0 to 10."))
    return score


def clean_note(note: str | None) -> str:
    """Strip surrounding space and characters that cannot be stored; refuse notes that are too long."""
    text = (note or "").replace("\x00", "").strip()
    if len(text) > NOTE_MAX_CHARS:
        raise ValidationError(
            N_("That note is too long to save ({count} characters). Shorten it to {limit} characters or fewer."),
            count=len(text),
            limit=NOTE_MAX_CHARS,
        )
    return text


def validate_moment(moment: dt.datetime, now: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValidationError(N_("That time couldn't be understood. Choose the time again."))
    if moment > now + dt.timedelta(minutes=5):
        raise ValidationError(N_("That time is in the future. Choose a time up to now."))
    if moment.year < 1900:
        raise ValidationError(N_("That date is too far in the past. Check the year."))
    return moment
