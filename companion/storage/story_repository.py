"""Stored story items, appointments with their follow-up reasons, decisions with their options, and
medicine review plans with their steps."""

from __future__ import annotations

import datetime as dt
import json
import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from companion.domain.agreement import Agreement
from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule, NextStep
from companion.domain.approx_date import ApproxDate
from companion.domain.decisions import Decision, DecisionOption
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.story import ReferralStatus, SourceKind, StoryItem, StoryKind
from companion.storage.models import (
    AppointmentRow,
    DecisionOptionRow,
    DecisionRow,
    FollowUpReasonRow,
    ReviewPlanRow,
    ReviewStepRow,
    StoryItemRow,
)
from companion.storage.repositories import from_row_times, to_row_times


def _lines(text: str) -> tuple[str, ...]:
    return tuple(str(line) for line in json.loads(text or "[]"))


class StoryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _created(self, now: dt.datetime) -> dt.datetime:
        return to_row_times(now)[0]

    # --- story items ---

    def items(self) -> list[StoryItem]:
        rows = self._session.scalars(select(StoryItemRow).order_by(StoryItemRow.created_at_utc, StoryItemRow.id))
        return [
            StoryItem(
                r.id,
                StoryKind(r.kind),
                r.title,
                ApproxDate.from_text(r.when_text) if r.when_text else None,
                r.details,
                r.person,
                r.role,
                r.place,
                r.contact,
                r.result,
                ReferralStatus(r.status) if r.status else None,
                SourceKind(r.source_kind),
                r.source,
                r.tried_id,
                r.appointment_id,
            )
            for r in rows
        ]

    def save_item(self, item: StoryItem, now: dt.datetime) -> None:
        row = self._session.get(StoryItemRow, item.id)
        if row is None:
            row = StoryItemRow(id=item.id, created_at_utc=self._created(now))
            self._session.add(row)
        row.kind, row.title = item.kind.value, item.title
        row.when_text = item.when.to_text() if item.when else None
        row.details, row.person, row.role, row.place = item.details, item.person, item.role, item.place
        row.contact, row.result = item.contact, item.result
        row.status = item.status.value if item.status else None
        row.source_kind, row.source = item.source_kind.value, item.source
        row.tried_id, row.appointment_id = item.tried_id, item.appointment_id

    def delete_item(self, item_id: str) -> bool:
        row = self._session.get(StoryItemRow, item_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    # --- appointments ---

    def _appointment(self, row: AppointmentRow) -> Appointment:
        reasons = self._session.scalars(
            select(FollowUpReasonRow)
            .where(FollowUpReasonRow.appointment_id == row.id)
            .order_by(FollowUpReasonRow.position)
        )
        return Appointment(
            row.id,
            from_row_times(row.at_utc, row.utc_offset_minutes),
            row.who,
            row.role,
            row.place,
            row.why,
            row.contact,
            _lines(row.top_three),
            _lines(row.questions),
            row.told,
            row.decided,
            tuple(NextStep(str(s.get("what", "")), str(s.get("who", ""))) for s in json.loads(row.next_steps or "[]")),
            row.follow_up,
            row.attended,
            tuple(
                FollowUpReason(r.id, r.words, FollowUpRule(r.rule), r.days, r.level, r.weeks, r.dismissed_on)
                for r in reasons
            ),
        )

    def appointments(self) -> list[Appointment]:
        rows = self._session.scalars(select(AppointmentRow).order_by(AppointmentRow.at_utc))
        return [self._appointment(r) for r in rows]

    def get_appointment(self, appointment_id: str) -> Appointment | None:
        row = self._session.get(AppointmentRow, appointment_id)
        return self._appointment(row) if row else None

    def save_appointment(self, appointment: Appointment, now: dt.datetime) -> None:
        row = self._session.get(AppointmentRow, appointment.id)
        if row is None:
            row = AppointmentRow(id=appointment.id, created_at_utc=self._created(now))
            self._session.add(row)
        row.at_utc, row.utc_offset_minutes = to_row_times(appointment.when)
        row.who, row.role, row.place, row.why = appointment.who, appointment.role, appointment.place, appointment.why
        row.contact = appointment.contact
        row.top_three = json.dumps(list(appointment.top_three), ensure_ascii=False)
        row.questions = json.dumps(list(appointment.questions), ensure_ascii=False)
        row.told, row.decided, row.follow_up = appointment.told, appointment.decided, appointment.follow_up
        row.next_steps = json.dumps(
            [{"what": s.what, "who": s.who} for s in appointment.next_steps], ensure_ascii=False
        )
        row.attended = appointment.attended
        self._session.flush()
        self._session.execute(delete(FollowUpReasonRow).where(FollowUpReasonRow.appointment_id == appointment.id))
        for position, reason in enumerate(appointment.reasons):
            self._session.add(
                FollowUpReasonRow(
                    id=reason.id or str(uuid.uuid4()),
                    appointment_id=appointment.id,
                    words=reason.words,
                    rule=reason.rule.value,
                    days=reason.days,
                    level=reason.level,
                    weeks=reason.weeks,
                    dismissed_on=reason.dismissed_on,
                    position=position,
                )
            )

    def delete_appointment(self, appointment_id: str) -> bool:
        row = self._session.get(AppointmentRow, appointment_id)
        if row is None:
            return False
        self._session.execute(delete(FollowUpReasonRow).where(FollowUpReasonRow.appointment_id == appointment_id))
        self._session.delete(row)
        return True

    # --- decisions ---

    def _decision(self, row: DecisionRow) -> Decision:
        options = self._session.scalars(
            select(DecisionOptionRow)
            .where(DecisionOptionRow.decision_id == row.id)
            .order_by(DecisionOptionRow.position)
        )
        return Decision(
            row.id,
            row.choice,
            tuple(DecisionOption(o.name, o.benefits, o.harms, o.myself, o.fits) for o in options),
            row.decision,
            row.with_whom,
            row.decided_on,
            row.appointment_id,
        )

    def decisions(self) -> list[Decision]:
        rows = self._session.scalars(select(DecisionRow).order_by(DecisionRow.created_at_utc, DecisionRow.id))
        return [self._decision(r) for r in rows]

    def save_decision(self, decision: Decision, now: dt.datetime) -> None:
        row = self._session.get(DecisionRow, decision.id)
        if row is None:
            row = DecisionRow(id=decision.id, created_at_utc=self._created(now))
            self._session.add(row)
        row.choice, row.decision, row.with_whom = decision.choice, decision.decision, decision.with_whom
        row.decided_on, row.appointment_id = decision.decided_on, decision.appointment_id
        self._session.flush()
        self._session.execute(delete(DecisionOptionRow).where(DecisionOptionRow.decision_id == decision.id))
        for position, option in enumerate(decision.options):
            self._session.add(
                DecisionOptionRow(
                    id=str(uuid.uuid4()),
                    decision_id=decision.id,
                    name=option.name,
                    benefits=option.benefits,
                    harms=option.harms,
                    myself=option.myself,
                    fits=option.fits,
                    position=position,
                )
            )

    def delete_decision(self, decision_id: str) -> bool:
        row = self._session.get(DecisionRow, decision_id)
        if row is None:
            return False
        self._session.execute(delete(DecisionOptionRow).where(DecisionOptionRow.decision_id == decision_id))
        self._session.delete(row)
        return True

    # --- medicine review plans ---

    def _review_plan(self, row: ReviewPlanRow) -> ReviewPlan:
        steps = self._session.scalars(
            select(ReviewStepRow).where(ReviewStepRow.plan_id == row.id).order_by(ReviewStepRow.starts_on)
        )
        return ReviewPlan(
            row.id,
            row.title,
            row.medicine_id,
            tuple(ReviewStep(s.starts_on, s.text) for s in steps),
            Agreement(row.agreed_with, row.agreed_on),
            row.notes,
        )

    def review_plans(self) -> list[ReviewPlan]:
        rows = self._session.scalars(select(ReviewPlanRow).order_by(ReviewPlanRow.created_at_utc, ReviewPlanRow.id))
        return [self._review_plan(r) for r in rows]

    def save_review_plan(self, plan: ReviewPlan, now: dt.datetime) -> None:
        row = self._session.get(ReviewPlanRow, plan.id)
        if row is None:
            row = ReviewPlanRow(id=plan.id, created_at_utc=self._created(now))
            self._session.add(row)
        row.title, row.medicine_id, row.notes = plan.title, plan.medicine_id, plan.notes
        row.agreed_with, row.agreed_on = plan.agreement.with_whom, plan.agreement.on
        self._session.flush()
        self._session.execute(delete(ReviewStepRow).where(ReviewStepRow.plan_id == plan.id))
        for step in plan.steps:
            self._session.add(
                ReviewStepRow(id=str(uuid.uuid4()), plan_id=plan.id, starts_on=step.starts_on, text=step.text)
            )

    def delete_review_plan(self, plan_id: str) -> bool:
        row = self._session.get(ReviewPlanRow, plan_id)
        if row is None:
            return False
        self._session.execute(delete(ReviewStepRow).where(ReviewStepRow.plan_id == plan_id))
        self._session.delete(row)
        return True
