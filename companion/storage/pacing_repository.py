"""Stored pacing: activities, tolerance tests, plan changes and what was done."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from companion.domain.pacing import (
    Activity,
    ActivityLog,
    BaselineMethod,
    ChangeKind,
    IncreaseKind,
    IncreaseRule,
    LogSource,
    PlanChange,
    ToleranceTest,
    Unit,
)
from companion.storage.models import ActivityLogRow, PacingActivityRow, PlanChangeRow, ToleranceTestRow
from companion.storage.repositories import from_row_times, to_row_times


def _activity(row: PacingActivityRow) -> Activity:
    return Activity(
        id=row.id,
        name=row.name,
        unit=Unit(row.unit),
        own_unit=row.own_unit,
        planned_days=frozenset(int(c) for c in row.planned_days),
        increase=IncreaseRule(IncreaseKind(row.increase_kind), row.increase_value),
        ceiling=row.ceiling,
        rest_every_minutes=row.rest_every_minutes,
        rest_minutes=row.rest_minutes,
        baseline=row.baseline,
        baseline_method=BaselineMethod(row.baseline_method) if row.baseline_method else None,
        archived=row.archived,
    )


def _fill(row: PacingActivityRow, activity: Activity) -> None:
    row.name = activity.name
    row.unit = activity.unit.value
    row.own_unit = activity.own_unit
    row.planned_days = "".join(str(d) for d in sorted(activity.planned_days))
    row.increase_kind = activity.increase.kind.value
    row.increase_value = activity.increase.value
    row.ceiling = activity.ceiling
    row.rest_every_minutes = activity.rest_every_minutes
    row.rest_minutes = activity.rest_minutes
    row.baseline = activity.baseline
    row.baseline_method = activity.baseline_method.value if activity.baseline_method else None
    row.archived = activity.archived


class PacingRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- activities ---

    def activities(self, *, include_archived: bool = False) -> list[Activity]:
        query = select(PacingActivityRow).order_by(PacingActivityRow.position, PacingActivityRow.created_at_utc)
        if not include_archived:
            query = query.where(PacingActivityRow.archived.is_(False))
        return [_activity(r) for r in self._session.scalars(query)]

    def get(self, activity_id: str) -> Activity | None:
        row = self._session.get(PacingActivityRow, activity_id)
        return _activity(row) if row else None

    def add(self, activity: Activity, now: dt.datetime) -> None:
        position = self._session.scalar(select(func.coalesce(func.max(PacingActivityRow.position), -1))) or 0
        row = PacingActivityRow(id=activity.id, position=position + 1, created_at_utc=to_row_times(now)[0])
        _fill(row, activity)
        self._session.add(row)
        self._session.flush()  # before any test, plan change or log that points at it

    def update(self, activity: Activity) -> bool:
        row = self._session.get(PacingActivityRow, activity.id)
        if row is None:
            return False
        _fill(row, activity)
        return True

    def delete(self, activity_id: str) -> bool:
        """Remove the activity with its tests, plan and logs."""
        row = self._session.get(PacingActivityRow, activity_id)
        if row is None:
            return False
        for table in (ToleranceTestRow, PlanChangeRow, ActivityLogRow):
            self._session.execute(delete(table).where(table.activity_id == activity_id))
        self._session.delete(row)
        return True

    # --- tolerance tests ---

    def add_test(self, test: ToleranceTest) -> None:
        utc, offset = to_row_times(test.taken_at)
        self._session.add(
            ToleranceTestRow(
                id=test.id,
                activity_id=test.activity_id,
                taken_at_utc=utc,
                utc_offset_minutes=offset,
                amount=test.amount,
                note=test.note,
            )
        )

    def delete_test(self, test_id: str) -> bool:
        row = self._session.get(ToleranceTestRow, test_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    def tests(self, activity_id: str) -> list[ToleranceTest]:
        rows = self._session.scalars(
            select(ToleranceTestRow)
            .where(ToleranceTestRow.activity_id == activity_id)
            .order_by(ToleranceTestRow.taken_at_utc)
        )
        return [
            ToleranceTest(r.id, r.activity_id, from_row_times(r.taken_at_utc, r.utc_offset_minutes), r.amount, r.note)
            for r in rows
        ]

    # --- plan changes ---

    def add_change(self, change: PlanChange, now: dt.datetime) -> None:
        self._session.add(
            PlanChangeRow(
                id=change.id,
                activity_id=change.activity_id,
                starts_on=change.starts_on,
                amount=change.amount,
                kind=change.kind.value,
                resume_amount=change.resume_amount,
                flare_id=change.flare_id,
                created_at_utc=to_row_times(now)[0],
            )
        )

    def changes(self, activity_id: str | None = None) -> list[PlanChange]:
        query = select(PlanChangeRow).order_by(PlanChangeRow.starts_on, PlanChangeRow.created_at_utc)
        if activity_id is not None:
            query = query.where(PlanChangeRow.activity_id == activity_id)
        return [
            PlanChange(r.id, r.activity_id, r.starts_on, r.amount, ChangeKind(r.kind), r.resume_amount, r.flare_id)
            for r in self._session.scalars(query)
        ]

    def delete_changes_from(self, activity_id: str, day: dt.date) -> None:
        """A change made the same day replaces any earlier one for that day."""
        self._session.execute(
            delete(PlanChangeRow).where(PlanChangeRow.activity_id == activity_id, PlanChangeRow.starts_on >= day)
        )

    # --- logs ---

    def add_log(self, log: ActivityLog) -> None:
        utc, offset = to_row_times(log.logged_at)
        self._session.add(
            ActivityLogRow(
                id=log.id,
                activity_id=log.activity_id,
                day=log.day,
                logged_at_utc=utc,
                utc_offset_minutes=offset,
                amount=log.amount,
                source=log.source.value,
                note=log.note,
            )
        )

    def delete_log(self, log_id: str) -> ActivityLog | None:
        row = self._session.get(ActivityLogRow, log_id)
        if row is None:
            return None
        log = _log(row)
        self._session.delete(row)
        return log

    def logs(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ActivityLog]:
        query = select(ActivityLogRow).order_by(ActivityLogRow.day, ActivityLogRow.logged_at_utc)
        if start is not None:
            query = query.where(ActivityLogRow.day >= start)
        if end is not None:
            query = query.where(ActivityLogRow.day <= end)
        return [_log(r) for r in self._session.scalars(query)]


def _log(r: ActivityLogRow) -> ActivityLog:
    return ActivityLog(
        r.id,
        r.activity_id,
        r.day,
        from_row_times(r.logged_at_utc, r.utc_offset_minutes),
        r.amount,
        LogSource(r.source),
        r.note,
    )
