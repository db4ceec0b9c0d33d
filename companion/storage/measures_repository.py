"""Stored answers to PEG and the mood screens."""

from __future__ import annotations

import datetime as dt

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
        return [_peg(r) for r in rows]

    def latest_peg(self) -> PegResponse | None:
        row = self._session.scalars(
            select(PegResponseRow).order_by(PegResponseRow.taken_at_utc.desc()).limit(1)
        ).first()
        return _peg(row) if row is not None else None

    def update_peg_answers(self, response: PegResponse) -> bool:
        """Put new numbers on a stored answer (its id and time stay). False if it is not there."""
        row = self._session.get(PegResponseRow, response.id)
        if row is None:
            return False
        row.pain_average, row.enjoyment, row.activity = response.pain_average, response.enjoyment, response.activity
        row.answered_language = response.language
        return True

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

    def latest_screen_time(self) -> dt.datetime | None:
        row = self._session.scalars(select(MoodScreenRow).order_by(MoodScreenRow.taken_at_utc.desc()).limit(1)).first()
        return from_row_times(row.taken_at_utc, row.utc_offset_minutes) if row is not None else None

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


def _peg(row: PegResponseRow) -> PegResponse:
    return PegResponse(
        row.id,
        from_row_times(row.taken_at_utc, row.utc_offset_minutes),
        row.pain_average,
        row.enjoyment,
        row.activity,
        row.answered_language,
    )
