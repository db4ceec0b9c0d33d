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
from companion.services.transfer_story import STORY_RULES

Check = Callable[[Any], tuple[str, dict[str, Any]] | None]


def _range(low: int, high: int) -> Check:
    def check(value: Any) -> tuple[str, dict[str, Any]] | None:
        if value is None or low <= value <= high:
            return None
        return N_("The value {value} is not a whole number from {low} to {high}."), {
            "value": value,
            "low": low,
            "high": high,
        }

    return check


def _choice(allowed: set[str]) -> Check:
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
_SCORE = _range(PAIN_MIN, PAIN_MAX)
_OFFSET = _range(-24 * 60 + 1, 24 * 60 - 1)
_POSITION = _range(0, 1_000_000)

# The domain's rules, column by column (the type and null rules come from the table definitions).
RULES: dict[tuple[str, str], Check] = {
    ("pain_entries", "utc_offset_minutes"): _OFFSET,
    ("pain_entries", "score"): _SCORE,
    ("pain_entries", "note"): _note,
    ("pain_entries", "sleep_quality"): _SCORE,
    ("pain_entries", "sleep_hours"): _sleep_hours,
    ("pain_entries", "mood"): _SCORE,
    ("pain_entries", "fatigue"): _SCORE,
    ("entry_regions", "region"): _choice(set(REGION_BY_CODE)),
    ("entry_regions", "position"): _POSITION,
    ("entry_regions", "intensity"): _SCORE,
    ("entry_regions", "pain_type"): _choice({p.value for p in PainType}),
    ("entry_tags", "kind"): _choice({k.value for k in TagKind}),
    ("entry_tags", "position"): _POSITION,
    ("entry_tags", "rating"): _range(0, RATING_MAX),
    ("flare_episodes", "started_offset_minutes"): _OFFSET,
    ("flare_episodes", "ended_offset_minutes"): _OFFSET,
    ("flare_episodes", "peak_pain"): _SCORE,
    ("peg_responses", "utc_offset_minutes"): _OFFSET,
    ("peg_responses", "pain_average"): _SCORE,
    ("peg_responses", "enjoyment"): _SCORE,
    ("peg_responses", "activity"): _SCORE,
    ("mood_screens", "instrument"): _choice({i.value for i in Instrument}),
    ("mood_screens", "answered_language"): _choice({"cy", "en"}),
    ("peg_responses", "answered_language"): _choice({"cy", "en"}),
    ("mood_screens", "utc_offset_minutes"): _OFFSET,
    ("mood_screens", "item1"): _range(0, 3),
    ("mood_screens", "item2"): _range(0, 3),
    ("pacing_activities", "unit"): _choice({u.value for u in Unit}),
    ("pacing_activities", "increase_kind"): _choice({k.value for k in IncreaseKind}),
    ("pacing_activities", "baseline_method"): _choice({m.value for m in BaselineMethod}),
    ("pacing_activities", "position"): _POSITION,
    ("pacing_activities", "rest_every_minutes"): _range(1, 240),
    ("pacing_activities", "rest_minutes"): _range(1, 60),
    ("pacing_activities", "planned_days"): _weekdays,
    ("pacing_activities", "increase_value"): _amount,
    ("pacing_activities", "ceiling"): _amount,
    ("pacing_activities", "baseline"): _amount,
    ("tolerance_tests", "utc_offset_minutes"): _OFFSET,
    ("tolerance_tests", "amount"): _amount,
    ("tolerance_tests", "note"): _note,
    ("pacing_plan_changes", "kind"): _choice({k.value for k in ChangeKind}),
    ("pacing_plan_changes", "amount"): _amount,
    ("pacing_plan_changes", "resume_amount"): _amount,
    ("activity_logs", "utc_offset_minutes"): _OFFSET,
    ("activity_logs", "amount"): _amount,
    ("activity_logs", "source"): _choice({s.value for s in LogSource}),
    ("activity_logs", "note"): _note,
    ("what_matters", "utc_offset_minutes"): _OFFSET,
    ("goals", "status"): _choice({s.value for s in GoalStatus}),
    ("goals", "position"): _POSITION,
    ("goal_steps", "position"): _POSITION,
    ("goal_ratings", "utc_offset_minutes"): _OFFSET,
    ("goal_ratings", "rating"): _range(0, 10),
    ("action_plans", "days"): _weekdays,
    ("action_plans", "confidence"): _range(0, 10),
    ("action_plans", "outcome"): _choice({o.value for o in CheckBackOutcome}),
    ("medicines", "kind"): _choice({k.value for k in MedicineKind}),
    ("medicines", "review_group"): _choice({g.value for g in ReviewGroup}),
    ("medicine_ratings", "utc_offset_minutes"): _OFFSET,
    ("medicine_ratings", "helpfulness"): _range(0, 10),
    ("medicine_doses", "utc_offset_minutes"): _OFFSET,
    ("treatments_tried", "helpfulness"): _range(0, 10),
    **STORY_RULES,
}
