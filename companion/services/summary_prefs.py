"""What the summary screen remembers in the diary (encrypted with it): the sections each audience gets,
the person's name, their top 3, their own questions, how they communicate best, and the days of the
appointments they named when a summary was printed or saved ("since my last appointment" starts from the
latest of those, or of My story's appointments, before today; never from when a file was saved)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.goals import clean_text
from companion.domain.summary import Communication, ConsultationLanguage
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

NAME_KEY = "summary.name"
LAST_MADE_KEY = "summary.last_made"  # written by older versions (the save day); no longer read
APPOINTMENTS_KEY = "summary.appointments"
COMMUNICATION_KEY = "summary.communication"
APPOINTMENTS_KEPT = 24
QUESTION_SETS_KEY = "summary.question_sets"
QUESTION_SETS = ("making_choices", "ask3", "bran")
DEFAULT_QUESTION_SETS = ("making_choices",)
TOP3_KEY = "summary.top3"
QUESTIONS_KEY = "summary.questions"


def sections_key(audience: str) -> str:
    return f"summary.sections.{audience}"


class SummaryPrefs:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _get(self, key: str) -> str:
        with self._uow() as uow:
            return uow.settings.get(key, "")

    def _set(self, values: dict[str, str]) -> Changes:
        with self._uow() as uow:
            for key, value in values.items():
                uow.settings.set(key, value)
            uow.commit()
        return Changes(settings=True)

    def sections(self, audience: str) -> list[str] | None:
        raw = self._get(sections_key(audience))
        try:
            value = json.loads(raw) if raw else None
        except ValueError:
            return None
        return [str(v) for v in value] if isinstance(value, list) else None

    def name(self) -> str:
        return self._get(NAME_KEY)

    def top3(self) -> list[str]:
        return self._list(TOP3_KEY)

    def questions(self) -> list[str]:
        return self._list(QUESTIONS_KEY)

    def _list(self, key: str) -> list[str]:
        raw = self._get(key)
        try:
            value = json.loads(raw) if raw else []
        except ValueError:
            return []
        return [str(v) for v in value] if isinstance(value, list) else []

    def question_sets(self) -> set[str]:
        """Which sets of questions are ticked: "making_choices" (the default), "ask3", "bran"."""
        raw = self._get(QUESTION_SETS_KEY)
        if not raw:
            return set(DEFAULT_QUESTION_SETS)
        try:
            value = json.loads(raw)
        except ValueError:
            return set(DEFAULT_QUESTION_SETS)
        return {str(v) for v in value if str(v) in QUESTION_SETS} if isinstance(value, list) else set()

    def remember(
        self,
        audience: str,
        sections: list[str],
        name: str,
        top3: list[str],
        questions: list[str],
        *,
        question_sets: set[str] | None = None,
    ) -> Changes:
        values = {
            sections_key(audience): json.dumps(sections),
            NAME_KEY: clean_text(name, 120),
            TOP3_KEY: json.dumps([clean_text(t, 500) for t in top3], ensure_ascii=False),
            QUESTIONS_KEY: json.dumps([clean_text(q, 500) for q in questions], ensure_ascii=False),
        }
        if question_sets is not None:
            values[QUESTION_SETS_KEY] = json.dumps(sorted(s for s in question_sets if s in QUESTION_SETS))
        return self._set(values)

    # --- appointments ---

    def appointments(self) -> list[dt.date]:
        """The days of the appointments the person named: those given when a summary was printed or saved,
        and those in My story's appointments (each on its own local day), oldest first."""
        days = []
        for raw in self._list(APPOINTMENTS_KEY):
            try:
                days.append(dt.date.fromisoformat(raw))
            except ValueError:
                continue
        with self._uow() as uow:
            days += [a.when.date() for a in uow.story.appointments()]
        return sorted(set(days))

    def last_appointment(self, today: dt.date | None = None) -> dt.date | None:
        """The latest appointment named that is before today: where "since my last appointment" starts."""
        today = today or self._clock.today()
        return max((d for d in self.appointments() if d < today), default=None)

    def next_appointment(self, today: dt.date | None = None) -> dt.date | None:
        """The nearest appointment named that is today or later."""
        today = today or self._clock.today()
        return min((d for d in self.appointments() if d >= today), default=None)

    def remember_appointment(self, *days: dt.date) -> Changes:
        """The appointment a summary is for (and the last one, when the person typed it); the newest
        APPOINTMENTS_KEPT are kept."""
        kept = sorted({*self._list(APPOINTMENTS_KEY), *(d.isoformat() for d in days)})[-APPOINTMENTS_KEPT:]
        return self._set({APPOINTMENTS_KEY: json.dumps(kept)})

    # --- how I communicate best ---

    def communication(self) -> Communication:
        raw = self._get(COMMUNICATION_KEY)
        try:
            value = json.loads(raw) if raw else {}
        except ValueError:
            return Communication()
        if not isinstance(value, dict):
            return Communication()
        try:
            language = ConsultationLanguage(str(value.get("language", "")))
        except ValueError:
            language = ConsultationLanguage.UNSAID
        return Communication(
            language,
            str(value.get("language_other", "")),
            value.get("bsl") is True,
            str(value.get("interpreter", "")),
            str(value.get("someone_with_me", "")),
            value.get("large_print") is True,
            str(value.get("other", "")),
        )

    def remember_communication(self, needs: Communication) -> Changes:
        clean = {
            "language": needs.language.value,
            "language_other": clean_text(needs.language_other, 120),
            "bsl": needs.bsl,
            "interpreter": clean_text(needs.interpreter, 120),
            "someone_with_me": clean_text(needs.someone_with_me, 500),
            "large_print": needs.large_print,
            "other": clean_text(needs.other, 500),
        }
        return self._set({COMMUNICATION_KEY: json.dumps(clean, ensure_ascii=False)})
