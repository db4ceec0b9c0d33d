"""Medicines, as-needed doses, what I've tried. Records only: Companion gives no advice about medicines."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.days import on_days, utc_window
from companion.domain.errors import ValidationError
from companion.domain.goals import clean_text
from companion.domain.medicines import (
    Dose,
    Medicine,
    MedicineKind,
    MedicineRating,
    Tried,
    review_due,
    validate_medicine,
    validate_tried,
)
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

NO_ADVICE = N_(
    "Companion keeps a record for you and gives no advice about medicines. "
    "Your GP or pharmacist can answer questions about them."
)


class MedicinesService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock.today()

    def medicines(self) -> list[Medicine]:
        with self._uow() as uow:
            return uow.medicines.medicines()

    def names(self) -> list[str]:
        """The person's own list, for autocompletion (never a built-in drug list)."""
        return sorted({m.name for m in self.medicines()}, key=str.casefold)

    def get(self, medicine_id: str) -> Medicine:
        with self._uow() as uow:
            medicine = uow.medicines.get(medicine_id)
        if medicine is None:
            raise ValidationError(N_("That medicine is no longer in your diary."))
        return medicine

    def save(self, medicine: Medicine) -> tuple[Medicine, Changes]:
        clean = validate_medicine(medicine)
        with self._uow() as uow:
            uow.medicines.save(clean, self._clock.now())
            uow.commit()
        return clean, Changes(medicines=True)

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def delete(self, medicine_id: str) -> Changes:
        with self._uow() as uow:
            uow.medicines.delete(medicine_id)
            uow.commit()
        return Changes(medicines=True)

    def rate(self, medicine_id: str, helpfulness: int | None, side_effects: str = "") -> tuple[Medicine, Changes]:
        if helpfulness is not None and (isinstance(helpfulness, bool) or not 0 <= helpfulness <= 10):
            raise ValidationError(N_("Choose how helpful it is, from 0 to 10."))
        effects = clean_text(side_effects)
        if helpfulness is None and not effects:
            raise ValidationError(N_("Choose how helpful it is, or write about side effects, then save."))
        self.get(medicine_id)
        with self._uow() as uow:
            uow.medicines.add_rating(
                str(uuid.uuid4()), medicine_id, MedicineRating(self._clock.now(), helpfulness, effects)
            )
            uow.commit()
        return self.get(medicine_id), Changes(medicines=True)

    def current(self) -> list[Medicine]:
        today = self.today()
        return [m for m in self.medicines() if m.taking_on(today)]

    def as_needed(self) -> list[Medicine]:
        return [m for m in self.current() if m.kind is MedicineKind.AS_NEEDED]

    def reviews_due(self) -> list[Medicine]:
        today = self.today()
        return [m for m in self.medicines() if review_due(m, today)]

    def mark_reviewed(self, medicine_id: str) -> tuple[Medicine, Changes]:
        from dataclasses import replace

        medicine = self.get(medicine_id)
        next_review = medicine.next_review if medicine.next_review and medicine.next_review > self.today() else None
        return self.save(replace(medicine, last_reviewed=self.today(), next_review=next_review))

    # --- as-needed doses ---

    def log_dose(self, medicine_id: str, note: str = "") -> tuple[Dose, Changes]:
        medicine = self.get(medicine_id)
        if medicine.kind is not MedicineKind.AS_NEEDED:
            raise ValidationError(N_("Doses are logged for medicines taken as needed."))
        dose = Dose(str(uuid.uuid4()), medicine_id, self._clock.now(), clean_text(note))
        with self._uow() as uow:
            uow.medicines.add_dose(dose)
            uow.commit()
        return dose, Changes(medicines=True)

    def delete_dose(self, dose_id: str) -> Changes:
        with self._uow() as uow:
            uow.medicines.delete_dose(dose_id)
            uow.commit()
        return Changes(medicines=True)

    def doses_on(self, day: dt.date) -> list[Dose]:
        return self.doses_between(day, day)

    def doses_between(self, start: dt.date, end: dt.date) -> list[Dose]:
        """Doses taken on days start..end, each on the calendar day of its own recorded local time."""
        lo, hi = utc_window(start, end)
        with self._uow() as uow:
            return [d for d in uow.medicines.doses(lo, hi) if on_days(d.taken_at, start, end)]

    # --- what I've tried ---

    def tried(self) -> list[Tried]:
        with self._uow() as uow:
            return uow.medicines.tried()

    def save_tried(self, item: Tried) -> tuple[Tried, Changes]:
        clean = validate_tried(item)
        with self._uow() as uow:
            uow.medicines.save_tried(clean, self._clock.now())
            uow.commit()
        return clean, Changes(medicines=True)

    def delete_tried(self, item_id: str) -> Changes:
        with self._uow() as uow:
            uow.medicines.delete_tried(item_id)
            uow.commit()
        return Changes(medicines=True)
