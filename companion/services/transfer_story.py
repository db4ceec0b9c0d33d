"""The JSON export's column rules for My story, appointments, decisions and medicine review plans (export
format version 2): the same rules the domain applies, so an import can't bring in what a screen would refuse."""

from __future__ import annotations

import json
from typing import Any

from companion.domain.appointments import FollowUpRule
from companion.domain.approx_date import ApproxDate
from companion.domain.errors import ValidationError
from companion.domain.story import ReferralStatus, SourceKind, StoryKind
from companion.i18n import N_
from companion.services.transfer_rules import Check, choice_of, number_from


def _approx_date(value: Any) -> tuple[str, dict[str, Any]] | None:
    if value is None:
        return None
    try:
        ApproxDate.from_text(value)
    except ValidationError:
        return N_("The date “{value}” is not a year, a month or a day Companion can read."), {"value": value[:40]}
    return None


def _lines(value: Any) -> tuple[str, dict[str, Any]] | None:
    try:
        lines = json.loads(value)
    except ValueError:
        lines = None
    if isinstance(lines, list) and all(isinstance(line, str) for line in lines):
        return None
    return N_("The list “{value}” is not a list of lines."), {"value": value[:40]}


def _steps(value: Any) -> tuple[str, dict[str, Any]] | None:
    try:
        steps = json.loads(value)
    except ValueError:
        steps = None
    if isinstance(steps, list) and all(
        isinstance(s, dict) and set(s) == {"what", "who"} and all(isinstance(v, str) for v in s.values())
        for s in steps
    ):
        return None
    return N_("The list “{value}” is not a list of steps, each with what and who."), {"value": value[:40]}


# Tables of export version 2 (an older export lacks them: it imports as having none).
STORY_TABLES = (
    "appointments",
    "follow_up_reasons",
    "story_items",
    "decisions",
    "decision_options",
    "medicine_review_plans",
    "medicine_review_steps",
)

# Columns added in a later export version, with the value a row of an older export takes.
COLUMNS_ADDED: dict[tuple[str, str], tuple[int, Any]] = {
    ("action_plans", "agreed_with"): (2, ""),
    ("action_plans", "agreed_on"): (2, None),
    ("medicines", "agreed_with"): (2, ""),
    ("medicines", "agreed_on"): (2, None),
}

_OFFSET = number_from(-24 * 60 + 1, 24 * 60 - 1)
_POSITION = number_from(0, 1_000_000)

STORY_RULES: dict[tuple[str, str], Check] = {
    ("appointments", "utc_offset_minutes"): _OFFSET,
    ("appointments", "top_three"): _lines,
    ("appointments", "questions"): _lines,
    ("appointments", "next_steps"): _steps,
    ("follow_up_reasons", "rule"): choice_of({r.value for r in FollowUpRule}),
    ("follow_up_reasons", "days"): number_from(1, 365),
    ("follow_up_reasons", "level"): number_from(0, 9),
    ("follow_up_reasons", "weeks"): number_from(1, 52),
    ("follow_up_reasons", "position"): _POSITION,
    ("story_items", "kind"): choice_of({k.value for k in StoryKind}),
    ("story_items", "when_text"): _approx_date,
    ("story_items", "status"): choice_of({s.value for s in ReferralStatus}),
    ("story_items", "source_kind"): choice_of({k.value for k in SourceKind}),
    ("decision_options", "position"): _POSITION,
}
