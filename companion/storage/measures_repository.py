"""Stored answers to PEG and the mood screens."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.domain.measures import Instrument, MoodScreen, PegResponse
from companion.storage.models import MoodScreenRow, PegResponseRow
from companion.storage.repositories import from_row_times, to_row_times


class MeasuresRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add_peg(self, response: PegResponse) -> None:
        utc, offset = to_row_times(response.taken_at)
        self._session.add(
            PegResponseRow(
                id=response.id,
                taken_at_utc=utc,
                utc_offset_minutes=offset,
                pain_average=response.pain_average,
                enjoyment=response.enjoyment,
                activity=response.activity,
                answered_language=response.language,
            )
        )

    def peg_history(self) -> list[PegResponse]:
        rows = self._session.scalars(select(PegResponseRow).order_by(PegResponseRow.taken_at_utc))
        return [
            PegResponse(
                r.id,
                from_row_times(r.taken_at_utc, r.utc_offset_minutes),
                r.pain_average,
                r.enjoyment,
                r.activity,
                r.answered_language,
            )
            for r in rows
        ]

    def add_screen(self, screen: MoodScreen) -> None:
        utc, offset = to_row_times(screen.taken_at)
        self._session.add(
            MoodScreenRow(
                id=screen.id,
                instrument=screen.instrument.value,
                taken_at_utc=utc,
                utc_offset_minutes=offset,
                item1=screen.item1,
                item2=screen.item2,
                answered_language=screen.language,
            )
        )

    def screens(self) -> list[MoodScreen]:
        rows = self._session.scalars(select(MoodScreenRow).order_by(MoodScreenRow.taken_at_utc))
        return [
            MoodScreen(
                r.id,
                Instrument(r.instrument),
                from_row_times(r.taken_at_utc, r.utc_offset_minutes),
                r.item1,
                r.item2,
                r.answered_language,
            )
            for r in rows
        ]
