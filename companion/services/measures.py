"""Weekly PEG and the optional monthly mood screens: record, correct, score, and say when each is due."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.measures import (
    PEG_FIRST_AFTER_DAYS,
    PEG_INTERVAL_DAYS,
    SCREEN_FIRST_AFTER_DAYS,
    SCREEN_INTERVAL_DAYS,
    Instrument,
    MoodScreen,
    PegCorrection,
    PegResponse,
    next_due,
    validate_peg,
    validate_screen,
)
from companion.i18n import N_, current_language
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

# The answers a PEG had before it was corrected, kept in the diary (and its exports) as its history.
PEG_CORRECTIONS_KEY = "measures.peg_corrections"


@dataclass(frozen=True)
class MeasuresDue:
    """What the screens need to offer the questionnaires, read in one go."""

    peg_due: bool
    screen_due: bool
    latest_peg: PegResponse | None
    next_peg_due: dt.date | None  # None: not due at all yet (no check-in)


class MeasuresService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    # --- PEG ---------------------------------------------------------------------------------------

    def record_peg(self, pain_average: int, enjoyment: int, activity: int) -> tuple[PegResponse, Changes]:
        items = validate_peg((pain_average, enjoyment, activity))
        response = PegResponse(str(uuid.uuid4()), self._clock.now(), *items, language=current_language())
        with self._uow() as uow:
            uow.measures.add_peg(response)
            uow.commit()
        return response, Changes(measures=True)

    def correct_latest_peg(self, pain_average: int, enjoyment: int, activity: int) -> tuple[PegResponse, Changes]:
        """Correct the answers of the latest PEG: it keeps its id and its time (the week it speaks for), the
        numbers it had are kept in the diary as its correction history, and earlier answers are untouched."""
        items = validate_peg((pain_average, enjoyment, activity))
        with self._uow() as uow:
            latest = uow.measures.latest_peg()
            if latest is None:
                raise ValidationError(N_("There is no weekly check to correct yet."))
            if items == (latest.pain_average, latest.enjoyment, latest.activity):
                return latest, Changes()  # nothing different: nothing written
            # Answered again in the language the person is reading now.
            corrected = replace(
                latest, pain_average=items[0], enjoyment=items[1], activity=items[2], language=current_language()
            )
            uow.measures.update_peg_answers(corrected)
            log = _corrections_log(uow.settings.get(PEG_CORRECTIONS_KEY, ""))
            log.append(
                {
                    "peg_id": latest.id,
                    "corrected_at": self._clock.now().isoformat(),
                    "before": [latest.pain_average, latest.enjoyment, latest.activity],
                }
            )
            uow.settings.set(PEG_CORRECTIONS_KEY, json.dumps(log))
            uow.commit()
        return corrected, Changes(measures=True)

    def peg_corrections(self, peg_id: str | None = None) -> list[PegCorrection]:
        """Corrections made to PEG answers (of one answer, given its id), oldest first."""
        with self._uow() as uow:
            raw = uow.settings.get(PEG_CORRECTIONS_KEY, "")
        found = []
        for item in _corrections_log(raw):
            try:
                before = list(item["before"])  # type: ignore[call-overload]
                correction = PegCorrection(
                    str(item["peg_id"]),
                    dt.datetime.fromisoformat(str(item["corrected_at"])),
                    (int(before[0]), int(before[1]), int(before[2])),
                )
            except (KeyError, IndexError, TypeError, ValueError):
                continue
            if peg_id is None or correction.peg_id == peg_id:
                found.append(correction)
        return found

    def peg_history(self) -> list[PegResponse]:
        with self._uow() as uow:
            return uow.measures.peg_history()

    def latest_peg(self) -> PegResponse | None:
        with self._uow() as uow:
            return uow.measures.latest_peg()

    def peg_due(self) -> bool:
        return self.due().peg_due

    def next_peg_due(self) -> dt.date | None:
        """The day the PEG is next due; None while nothing is due (a diary with no check-in yet)."""
        return self.due().next_peg_due

    # --- mood screens ------------------------------------------------------------------------------

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
        return self.due().screen_due

    # --- when each is due ----------------------------------------------------------------------------

    def due(self) -> MeasuresDue:
        """Whether the PEG and the mood check are due today, and the latest PEG answer. Nothing is due
        before the diary's first check-in."""
        today = self._clock.today()
        with self._uow() as uow:
            first = uow.checkins.first()
            latest_peg = uow.measures.latest_peg()
            latest_screen = uow.measures.latest_screen_time()
        first_day = first.recorded_at.date() if first is not None else None
        peg_next = next_due(
            latest_peg.taken_at if latest_peg else None, PEG_INTERVAL_DAYS, first_day, PEG_FIRST_AFTER_DAYS
        )
        screen_next = next_due(latest_screen, SCREEN_INTERVAL_DAYS, first_day, SCREEN_FIRST_AFTER_DAYS)
        return MeasuresDue(
            peg_due=peg_next is not None and today >= peg_next,
            screen_due=screen_next is not None and today >= screen_next,
            latest_peg=latest_peg,
            next_peg_due=peg_next,
        )


def _corrections_log(raw: str) -> list[dict[str, object]]:
    try:
        log = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [item for item in log if isinstance(item, dict)] if isinstance(log, list) else []
