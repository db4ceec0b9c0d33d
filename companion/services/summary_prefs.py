"""What the summary screen remembers in the diary (encrypted with it): the sections each audience gets,
the person's name, their top 3, their own questions, and when a summary was last made."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.goals import clean_text
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

NAME_KEY = "summary.name"
LAST_MADE_KEY = "summary.last_made"
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

    def last_made(self) -> dt.date | None:
        raw = self._get(LAST_MADE_KEY)
        try:
            return dt.date.fromisoformat(raw) if raw else None
        except ValueError:
            return None

    def remember(
        self, audience: str, sections: list[str], name: str, top3: list[str], questions: list[str]
    ) -> Changes:
        return self._set(
            {
                sections_key(audience): json.dumps(sections),
                NAME_KEY: clean_text(name, 120),
                TOP3_KEY: json.dumps([clean_text(t, 500) for t in top3], ensure_ascii=False),
                QUESTIONS_KEY: json.dumps([clean_text(q, 500) for q in questions], ensure_ascii=False),
            }
        )

    def made(self) -> Changes:
        """A summary was printed or saved today: "since my last appointment" starts from here next time."""
        return self._set({LAST_MADE_KEY: self._clock.today().isoformat()})
