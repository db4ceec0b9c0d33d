"""Stored medicines with their ratings and as-needed doses, what the person has tried, and their own
support entries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from companion.domain.agreement import Agreement
from companion.domain.medicines import (
    Dose,
    Medicine,
    MedicineKind,
    MedicineRating,
    ReviewGroup,
    Tried,
)
from companion.domain.support import OwnSupportEntry
from companion.storage.models import (
    MedicineDoseRow,
    MedicineRatingRow,
    MedicineRow,
    SupportEntryRow,
    TriedRow,
)
from companion.storage.repositories import from_row_times, to_row_times


class MedicinesRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _medicine(self, row: MedicineRow) -> Medicine:
        ratings = self._session.scalars(
            select(MedicineRatingRow)
            .where(MedicineRatingRow.medicine_id == row.id)
            .order_by(MedicineRatingRow.rated_at_utc)
        )
        return Medicine(
            row.id,
            row.name,
            row.purpose,
            MedicineKind(row.kind),
            row.dose,
            row.started_on,
            row.stopped_on,
            row.prescriber,
            row.next_review,
            row.last_reviewed,
            ReviewGroup(row.review_group),
            row.notes,
            tuple(
                MedicineRating(from_row_times(r.rated_at_utc, r.utc_offset_minutes), r.helpfulness, r.side_effects)
                for r in ratings
            ),
            Agreement(row.agreed_with, row.agreed_on),
        )

    def medicines(self) -> list[Medicine]:
        rows = self._session.scalars(select(MedicineRow).order_by(MedicineRow.created_at_utc))
        return [self._medicine(r) for r in rows]

    def get(self, medicine_id: str) -> Medicine | None:
        row = self._session.get(MedicineRow, medicine_id)
        return self._medicine(row) if row else None

    def save(self, medicine: Medicine, now: dt.datetime) -> None:
        row = self._session.get(MedicineRow, medicine.id)
        if row is None:
            row = MedicineRow(id=medicine.id, created_at_utc=to_row_times(now)[0])
            self._session.add(row)
        row.name, row.purpose, row.kind, row.dose = medicine.name, medicine.purpose, medicine.kind.value, medicine.dose
        row.started_on, row.stopped_on, row.prescriber = medicine.started_on, medicine.stopped_on, medicine.prescriber
        row.next_review, row.last_reviewed = medicine.next_review, medicine.last_reviewed
        row.review_group, row.notes = medicine.review_group.value, medicine.notes
        row.agreed_with, row.agreed_on = medicine.agreement.with_whom, medicine.agreement.on
        self._session.flush()  # before any rating or dose that points at it

    def delete(self, medicine_id: str) -> bool:
        row = self._session.get(MedicineRow, medicine_id)
        if row is None:
            return False
        for table in (MedicineRatingRow, MedicineDoseRow):
            self._session.execute(delete(table).where(table.medicine_id == medicine_id))
        self._session.delete(row)
        return True

    def add_rating(self, rating_id: str, medicine_id: str, rating: MedicineRating) -> None:
        utc, offset = to_row_times(rating.rated_at)
        self._session.add(
            MedicineRatingRow(
                id=rating_id,
                medicine_id=medicine_id,
                rated_at_utc=utc,
                utc_offset_minutes=offset,
                helpfulness=rating.helpfulness,
                side_effects=rating.side_effects,
            )
        )

    # --- as-needed doses ---

    def add_dose(self, dose: Dose) -> None:
        utc, offset = to_row_times(dose.taken_at)
        self._session.add(
            MedicineDoseRow(
                id=dose.id, medicine_id=dose.medicine_id, taken_at_utc=utc, utc_offset_minutes=offset, note=dose.note
            )
        )

    def delete_dose(self, dose_id: str) -> bool:
        row = self._session.get(MedicineDoseRow, dose_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    def doses(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[Dose]:
        query = select(MedicineDoseRow).order_by(MedicineDoseRow.taken_at_utc)
        if start is not None:
            query = query.where(MedicineDoseRow.taken_at_utc >= to_row_times(start)[0])
        if end is not None:
            query = query.where(MedicineDoseRow.taken_at_utc < to_row_times(end)[0])
        return [
            Dose(r.id, r.medicine_id, from_row_times(r.taken_at_utc, r.utc_offset_minutes), r.note)
            for r in self._session.scalars(query)
        ]

    # --- what I've tried ---

    def tried(self) -> list[Tried]:
        rows = self._session.scalars(select(TriedRow).order_by(TriedRow.created_at_utc))
        return [Tried(r.id, r.name, r.started_on, r.ended_on, r.helpfulness, r.notes) for r in rows]

    def save_tried(self, item: Tried, now: dt.datetime) -> None:
        row = self._session.get(TriedRow, item.id)
        if row is None:
            row = TriedRow(id=item.id, created_at_utc=to_row_times(now)[0])
            self._session.add(row)
        row.name, row.started_on, row.ended_on = item.name, item.started_on, item.ended_on
        row.helpfulness, row.notes = item.helpfulness, item.notes

    def delete_tried(self, item_id: str) -> bool:
        row = self._session.get(TriedRow, item_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # --- my own support entries ---

    def support_entries(self) -> list[OwnSupportEntry]:
        rows = self._session.scalars(select(SupportEntryRow).order_by(SupportEntryRow.created_at_utc))
        return [OwnSupportEntry(r.id, r.name, r.description, r.phone, r.website) for r in rows]

    def save_support_entry(self, entry: OwnSupportEntry, now: dt.datetime) -> None:
        row = self._session.get(SupportEntryRow, entry.id)
        if row is None:
            row = SupportEntryRow(id=entry.id, created_at_utc=to_row_times(now)[0])
            self._session.add(row)
        row.name, row.description, row.phone, row.website = entry.name, entry.description, entry.phone, entry.website

    def delete_support_entry(self, entry_id: str) -> bool:
        row = self._session.get(SupportEntryRow, entry_id)
        if row is None:
            return False
        self._session.delete(row)
        return True
