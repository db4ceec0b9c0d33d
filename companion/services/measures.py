"""Weekly PEG and the optional monthly mood screens: record, score, and say when each is due."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.measures import (
    PEG_INTERVAL_DAYS,
    SCREEN_INTERVAL_DAYS,
    Instrument,
    MoodScreen,
    PegResponse,
    is_due,
    next_due,
    validate_peg,
    validate_screen,
)
from companion.i18n import current_language
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork


class MeasuresService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def record_peg(self, pain_average: int, enjoyment: int, activity: int) -> tuple[PegResponse, Changes]:
        items = validate_peg((pain_average, enjoyment, activity))
        response = PegResponse(str(uuid.uuid4()), self._clock.now(), *items, language=current_language())
        with self._uow() as uow:
            uow.measures.add_peg(response)
            uow.commit()
        return response, Changes(measures=True)

    def peg_history(self) -> list[PegResponse]:
        with self._uow() as uow:
            return uow.measures.peg_history()

    def peg_due(self) -> bool:
        history = self.peg_history()
        return is_due(history[-1].taken_at if history else None, self._clock.today(), PEG_INTERVAL_DAYS)

    def next_peg_due(self) -> dt.date | None:
        history = self.peg_history()
        return next_due(history[-1].taken_at if history else None, PEG_INTERVAL_DAYS)

    def record_screen(self, instrument: Instrument, item1: int, item2: int) -> tuple[MoodScreen, Changes]:
        a, b = validate_screen((item1, item2))
        screen = MoodScreen(
            str(uuid.uuid4()), Instrument(instrument), self._clock.now(), a, b, language=current_language()
        )
        with self._uow() as uow:
            uow.measures.add_screen(screen)
            uow.commit()
        return screen, Changes(measures=True)

    def screens(self, instrument: Instrument | None = None) -> list[MoodScreen]:
        with self._uow() as uow:
            found = uow.measures.screens()
        return [s for s in found if instrument is None or s.instrument == instrument]

    def screen_due(self) -> bool:
        taken = self.screens()
        return is_due(taken[-1].taken_at if taken else None, self._clock.today(), SCREEN_INTERVAL_DAYS)
