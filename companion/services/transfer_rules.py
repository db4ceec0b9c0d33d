"""The domain's rules for each column of a JSON export, checked on import (the type and null rules come
from the table definitions): a file another program wrote, or one edited by hand, is held to the same
limits as the screens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from companion.domain.body import REGION_BY_CODE, PainType
from companion.domain.checkin import RATING_MAX, TagKind
from companion.domain.goals import CheckBackOutcome, GoalStatus
from companion.domain.measures import Instrument
from companion.domain.medicines import MedicineKind, ReviewGroup
from companion.domain.pacing import AMOUNT_MAX, BaselineMethod, ChangeKind, IncreaseKind, LogSource, Unit
from companion.domain.pain import NOTE_MAX_CHARS, PAIN_MAX, PAIN_MIN
from companion.i18n import N_

Check = Callable[[Any], tuple[str, dict[str, Any]] | None]


def number_from(low: int, high: int) -> Check:
    """A whole number from `low` to `high` (or none)."""
    def check(value: Any) -> tuple[str, dict[str, Any]] | None:
        if value is None or low <= value <= high:
            return None
        return N_("The value {value} is not a whole number from {low} to {high}."), {
            "value": value,
            "low": low,
            "high": high,
        }

    return check


def choice_of(allowed: set[str]) -> Check:
    """One of `allowed` (or none)."""
    def check(value: Any) -> tuple[str, dict[str, Any]] | None:
        if value is None or value in allowed:
            return None
        return N_("The value “{value}” is not one Companion knows."), {"value": value}

    return check


def _sleep_hours(value: Any) -> tuple[str, dict[str, Any]] | None:
    if value is None or 0 <= value <= 24:
        return None
    return N_("The hours of sleep must be a number from 0 to 24."), {}


def _note(value: Any) -> tuple[str, dict[str, Any]] | None:
    if len(value) <= NOTE_MAX_CHARS:
        return None
    return N_("The note is longer than {limit} characters."), {"limit": NOTE_MAX_CHARS}


def _amount(value: Any) -> tuple[str, dict[str, Any]] | None:
    if value is None or 0 <= value <= AMOUNT_MAX:
        return None
    return N_("The amount {value} is not a number from 0 to {limit}."), {"value": value, "limit": int(AMOUNT_MAX)}


def _weekdays(value: Any) -> tuple[str, dict[str, Any]] | None:
    if value and set(value) <= set("0123456") and len(set(value)) == len(value):
        return None
    return N_("The planned days “{value}” are not weekday numbers from 0 to 6."), {"value": value}


# Dates the domain accepts end in 2200 (goals, medicines); a later one could overflow local-time arithmetic.
LAST_YEAR = 2200
SQLITE_INT_MIN, SQLITE_INT_MAX = -(2**63), 2**63 - 1
_SCORE = number_from(PAIN_MIN, PAIN_MAX)
_OFFSET = number_from(-24 * 60 + 1, 24 * 60 - 1)
_POSITION = number_from(0, 1_000_000)

# The domain's rules, column by column (the type and null rules come from the table definitions).
RULES: dict[tuple[str, str], Check] = {
    ("pain_entries", "utc_offset_minutes"): _OFFSET,
    ("pain_entries", "score"): _SCORE,
    ("pain_entries", "note"): _note,
    ("pain_entries", "sleep_quality"): _SCORE,
    ("pain_entries", "sleep_hours"): _sleep_hours,
    ("pain_entries", "mood"): _SCORE,
    ("pain_entries", "fatigue"): _SCORE,
    ("entry_regions", "region"): choice_of(set(REGION_BY_CODE)),
    ("entry_regions", "position"): _POSITION,
    ("entry_regions", "intensity"): _SCORE,
    ("entry_regions", "pain_type"): choice_of({p.value for p in PainType}),
    ("entry_tags", "kind"): choice_of({k.value for k in TagKind}),
    ("entry_tags", "position"): _POSITION,
    ("entry_tags", "rating"): number_from(0, RATING_MAX),
    ("flare_episodes", "started_offset_minutes"): _OFFSET,
    ("flare_episodes", "ended_offset_minutes"): _OFFSET,
    ("flare_episodes", "peak_pain"): _SCORE,
    ("peg_responses", "utc_offset_minutes"): _OFFSET,
    ("peg_responses", "pain_average"): _SCORE,
    ("peg_responses", "enjoyment"): _SCORE,
    ("peg_responses", "activity"): _SCORE,
    ("mood_screens", "instrument"): choice_of({i.value for i in Instrument}),
    ("mood_screens", "answered_language"): choice_of({"cy", "en"}),
    ("peg_responses", "answered_language"): choice_of({"cy", "en"}),
    ("mood_screens", "utc_offset_minutes"): _OFFSET,
    ("mood_screens", "item1"): number_from(0, 3),
    ("mood_screens", "item2"): number_from(0, 3),
    ("pacing_activities", "unit"): choice_of({u.value for u in Unit}),
    ("pacing_activities", "increase_kind"): choice_of({k.value for k in IncreaseKind}),
    ("pacing_activities", "baseline_method"): choice_of({m.value for m in BaselineMethod}),
    ("pacing_activities", "position"): _POSITION,
    ("pacing_activities", "rest_every_minutes"): number_from(1, 240),
    ("pacing_activities", "rest_minutes"): number_from(1, 60),
    ("pacing_activities", "planned_days"): _weekdays,
    ("pacing_activities", "increase_value"): _amount,
    ("pacing_activities", "ceiling"): _amount,
    ("pacing_activities", "baseline"): _amount,
    ("tolerance_tests", "utc_offset_minutes"): _OFFSET,
    ("tolerance_tests", "amount"): _amount,
    ("tolerance_tests", "note"): _note,
    ("pacing_plan_changes", "kind"): choice_of({k.value for k in ChangeKind}),
    ("pacing_plan_changes", "amount"): _amount,
    ("pacing_plan_changes", "resume_amount"): _amount,
    ("activity_logs", "utc_offset_minutes"): _OFFSET,
    ("activity_logs", "amount"): _amount,
    ("activity_logs", "source"): choice_of({s.value for s in LogSource}),
    ("activity_logs", "note"): _note,
    ("what_matters", "utc_offset_minutes"): _OFFSET,
    ("goals", "status"): choice_of({s.value for s in GoalStatus}),
    ("goals", "position"): _POSITION,
    ("goal_steps", "position"): _POSITION,
    ("goal_ratings", "utc_offset_minutes"): _OFFSET,
    ("goal_ratings", "rating"): number_from(0, 10),
    ("action_plans", "days"): _weekdays,
    ("action_plans", "confidence"): number_from(0, 10),
    ("action_plans", "outcome"): choice_of({o.value for o in CheckBackOutcome}),
    ("medicines", "kind"): choice_of({k.value for k in MedicineKind}),
    ("medicines", "review_group"): choice_of({g.value for g in ReviewGroup}),
    ("medicine_ratings", "utc_offset_minutes"): _OFFSET,
    ("medicine_ratings", "helpfulness"): number_from(0, 10),
    ("medicine_doses", "utc_offset_minutes"): _OFFSET,
    ("treatments_tried", "helpfulness"): number_from(0, 10),
}
