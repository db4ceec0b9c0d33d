"""The flare-up plan and flare episodes: start in one step, log pain, end, review afterwards."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace

from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.flare import FlareEpisode, FlarePlan, FlareStats, flare_stats, starter_plan, validate_plan
from companion.domain.pain import clean_note, validate_score
from companion.i18n import N_, _
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork


class FlareService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    # --- plan ---

    def plan(self) -> FlarePlan:
        """The person's plan, or a starter plan made from the examples (not saved until they save it)."""
        with self._uow() as uow:
            stored = uow.flares.plan()
        return stored if stored is not None else starter_plan(_, self._clock.today())

    def has_saved_plan(self) -> bool:
        with self._uow() as uow:
            return uow.flares.plan() is not None

    def save_plan(self, plan: FlarePlan) -> tuple[FlarePlan, Changes]:
        clean = validate_plan(plan, self._clock.today())
        with self._uow() as uow:
            uow.flares.save_plan(clean)
            uow.commit()
        return clean, Changes(flares=True)

    # --- episodes ---

    def current(self) -> FlareEpisode | None:
        ongoing = [e for e in self.episodes() if e.ongoing]
        return ongoing[-1] if ongoing else None

    def start(self) -> tuple[FlareEpisode, Changes]:
        """ "My flare started": one step. A flare already going on is returned, not doubled."""
        existing = self.current()
        if existing is not None:
            return existing, Changes()
        episode = FlareEpisode(id=str(uuid.uuid4()), started_at=self._clock.now())
        with self._uow() as uow:
            uow.flares.add(episode)
            uow.commit()
        return episode, Changes(flares=True)

    def note_pain(self, score: int) -> tuple[FlareEpisode | None, Changes]:
        """Record the pain now as a check-in and keep the flare's peak up to date."""
        validate_score(score)
        from companion.services.diary import DiaryService

        DiaryService(self._uow, self._clock).record_pain(score)
        episode = self.current()
        if episode is None:
            return None, Changes(pain_entries=True)
        if episode.peak_pain is None or score > episode.peak_pain:
            episode = replace(episode, peak_pain=score)
            with self._uow() as uow:
                uow.flares.update(episode)
                uow.commit()
        return episode, Changes(pain_entries=True, flares=True)

    def end(self) -> tuple[FlareEpisode, Changes]:
        episode = self.current()
        if episode is None:
            raise ValidationError(N_("There is no flare going on to end."))
        ended = replace(episode, ended_at=max(self._clock.now(), episode.started_at))
        with self._uow() as uow:
            uow.flares.update(ended)
            uow.commit()
        return ended, Changes(flares=True)

    def undo_end(self, episode_id: str) -> tuple[FlareEpisode, Changes]:
        """Undo "My flare has ended": the flare goes on again, as it was before. Refused when another flare
        has started since (one flare at a time)."""
        with self._uow() as uow:
            episode = uow.flares.get(episode_id)
            if episode is None:
                raise ValidationError(N_("That flare is no longer in your diary."))
            if episode.ongoing:
                return episode, Changes()
            if any(other.ongoing for other in uow.flares.all()):
                raise ValidationError(N_("Another flare has started since, so this one cannot go on again."))
            reopened = replace(episode, ended_at=None)
            uow.flares.update(reopened)
            uow.commit()
        return reopened, Changes(flares=True)

    def review(
        self, episode_id: str, triggers: str, helped: str, change_next_time: str
    ) -> tuple[FlareEpisode, Changes]:
        with self._uow() as uow:
            episode = uow.flares.get(episode_id)
            if episode is None:
                raise ValidationError(N_("That flare is no longer in your diary."))
            reviewed = replace(
                episode,
                triggers=clean_note(triggers),
                helped=clean_note(helped),
                change_next_time=clean_note(change_next_time),
                reviewed=True,
            )
            uow.flares.update(reviewed)
            uow.commit()
        return reviewed, Changes(flares=True)

    def episodes(self) -> list[FlareEpisode]:
        with self._uow() as uow:
            return uow.flares.all()

    def stats(self) -> FlareStats:
        return flare_stats(self.episodes(), self._clock.now())

    def now(self) -> dt.datetime:
        return self._clock.now()
