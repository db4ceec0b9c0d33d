"""Appointments before and after, and follow-up when I decide. Writes return (value, Changes); recording
what happened after an appointment enters tests and referrals in My story and agreed medicine changes in
Medicines in the same unit of work, so nothing is half-saved."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from companion.domain.agreement import Agreement
from companion.domain.appointments import (
    Appointment,
    FollowUpReason,
    FollowUpRule,
    NextStep,
    last_before,
    validate_appointment,
)
from companion.domain.approx_date import ApproxDate
from companion.domain.changes import Changes
from companion.domain.checkin import Checkin
from companion.domain.decisions import Decision
from companion.domain.errors import ValidationError
from companion.domain.followup import DiaryReadings, FollowUpNotice, notices, watched
from companion.domain.medicines import Medicine, validate_medicine
from companion.domain.story import ReferralStatus, SourceKind, StoryItem, StoryKind, validate_story_item
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

DEFAULT_PREPARE_DAYS = 28  # the period before a first appointment, when there is no earlier one
_FAR_FUTURE = dt.datetime(2201, 1, 1, tzinfo=dt.UTC)  # after any date a diary accepts


@dataclass(frozen=True)
class OrderedItem:
    """A test or referral ordered at the appointment; it enters My story dated that day, "told by" whom."""

    kind: StoryKind  # INVESTIGATION or REFERRAL
    title: str
    place: str = ""


@dataclass(frozen=True)
class AgreedChange:
    """A medicine change agreed at the appointment, as the person writes it. `medicine_id` None adds one.
    Only what the person gives changes; nothing is worked out or proposed."""

    medicine_id: str | None
    name: str = ""
    dose: str | None = None
    started_on: dt.date | None = None
    stopped_on: dt.date | None = None


@dataclass(frozen=True)
class AfterVisit:
    told: str = ""
    decided: str = ""
    next_steps: tuple[NextStep, ...] = ()
    follow_up: str = ""
    reasons: tuple[FollowUpReason, ...] = ()
    ordered: tuple[OrderedItem, ...] = ()
    medicine_changes: tuple[AgreedChange, ...] = ()


@dataclass(frozen=True)
class Preparation:
    """What a prepare view shows: the period since the last appointment (or the last four weeks), what
    entered the record in it, and the top 3 and questions; `start`/`end` are the summary's period."""

    appointment: Appointment
    previous: Appointment | None
    start: dt.date
    end: dt.date
    story: tuple[StoryItem, ...]
    medicines_changed: tuple[Medicine, ...]
    decisions: tuple[Decision, ...]


def new_id() -> str:
    return str(uuid.uuid4())


class AppointmentsService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def _day(self, moment: dt.datetime) -> dt.date:
        """The calendar day of `moment` in the diary's zone (the clock's)."""
        return moment.astimezone(self._clock.now().tzinfo).date()

    def appointments(self) -> list[Appointment]:
        with self._uow() as uow:
            return uow.story.appointments()

    def upcoming(self) -> list[Appointment]:
        now = self._clock.now()
        return [a for a in self.appointments() if a.is_upcoming(now)]

    def past(self) -> list[Appointment]:
        """Attended or gone by, newest first."""
        now = self._clock.now()
        return sorted((a for a in self.appointments() if not a.is_upcoming(now)), key=lambda a: a.when, reverse=True)

    def get(self, appointment_id: str) -> Appointment:
        with self._uow() as uow:
            found = uow.story.get_appointment(appointment_id)
        if found is None:
            raise ValidationError(N_("That appointment is no longer in your diary."))
        return found

    def save(self, appointment: Appointment) -> tuple[Appointment, Changes]:
        clean = validate_appointment(appointment)
        with self._uow() as uow:
            uow.story.save_appointment(clean, self._clock.now())
            uow.commit()
        return clean, Changes(appointments=True)

    def delete(self, appointment_id: str) -> Changes:
        with self._uow() as uow:
            uow.story.delete_appointment(appointment_id)
            uow.commit()
        return Changes(appointments=True)

    def record_after(self, appointment_id: str, after: AfterVisit) -> tuple[Appointment, Changes]:
        """The appointment happened: what I was told and what we decided, with tests and referrals entered in
        My story and agreed medicine changes in Medicines ("agreed with <who> on <day>")."""
        appointment = self.get(appointment_id)
        updated = validate_appointment(
            replace(
                appointment,
                told=after.told,
                decided=after.decided,
                next_steps=after.next_steps,
                follow_up=after.follow_up,
                reasons=tuple(replace(r, id=r.id or new_id()) for r in after.reasons),
                attended=True,
            )
        )
        day = self._day(updated.when)
        items = [self._ordered_item(updated, day, o) for o in after.ordered]
        now = self._clock.now()
        changes = Changes(appointments=True)
        with self._uow() as uow:
            uow.story.save_appointment(updated, now)
            for item in items:
                uow.story.save_item(item, now)
                changes |= Changes(story=True)
            for change in after.medicine_changes:
                medicine = self._agreed_medicine(uow, change, Agreement(updated.who, day))
                uow.medicines.save(medicine, now)
                changes |= Changes(medicines=True)
            uow.commit()
        return updated, changes

    def _ordered_item(self, appointment: Appointment, day: dt.date, ordered: OrderedItem) -> StoryItem:
        if ordered.kind not in (StoryKind.INVESTIGATION, StoryKind.REFERRAL):
            raise ValidationError(N_("Only tests and referrals can be entered as ordered."))
        return validate_story_item(
            StoryItem(
                new_id(),
                ordered.kind,
                ordered.title,
                ApproxDate.of(day),
                place=ordered.place,
                person=appointment.who,
                role=appointment.role,
                status=ReferralStatus.WAITING if ordered.kind is StoryKind.REFERRAL else None,
                source_kind=SourceKind.TOLD_BY if appointment.who else SourceKind.NONE,
                source=appointment.who,
                appointment_id=appointment.id,
            )
        )

    def _agreed_medicine(self, uow: UnitOfWork, change: AgreedChange, agreement: Agreement) -> Medicine:
        if change.medicine_id is None:
            base = Medicine(new_id(), change.name, dose=change.dose or "", started_on=change.started_on)
        else:
            found = uow.medicines.get(change.medicine_id)
            if found is None:
                raise ValidationError(N_("That medicine is no longer in your diary."))
            base = found
            if change.dose is not None:
                base = replace(base, dose=change.dose)
            if change.started_on is not None:
                base = replace(base, started_on=change.started_on)
        if change.stopped_on is not None:
            base = replace(base, stopped_on=change.stopped_on)
        return validate_medicine(replace(base, agreement=agreement))

    def set_reason_dismissed(self, reason_id: str, dismissed: bool = True) -> tuple[Appointment, Changes]:
        """The person asked for the follow-up, or chose not to be told about this reason again."""
        for appointment in self.appointments():
            if any(r.id == reason_id for r in appointment.reasons):
                on = self._clock.today() if dismissed else None
                reasons = tuple(replace(r, dismissed_on=on) if r.id == reason_id else r for r in appointment.reasons)
                return self.save(replace(appointment, reasons=reasons))
        raise ValidationError(N_("That reason is no longer in your diary."))

    # --- follow-up when I decide ---

    def readings(self, since: dt.datetime | None = None, rules: frozenset[FollowUpRule] | None = None) -> DiaryReadings:
        """What the follow-up rules read. With `since` (the earliest appointment watched), only check-ins from
        that day on are loaded, and the regions named before it come from one query: on a ten-year diary
        loading every check-in took seconds, and the watcher runs after every check-in. With `rules`, only
        what those rules look at is read (no PEG history when no reason watches the PEG, and so on)."""
        wanted = rules if rules is not None else frozenset(FollowUpRule)
        needs_checkins = bool(wanted & {FollowUpRule.PAIN_ABOVE, FollowUpRule.NEW_REGION})
        known: list[tuple[dt.datetime, frozenset[str]]] = []
        checkins: list[Checkin] = []
        with self._uow() as uow:
            if needs_checkins and since is None:
                checkins = uow.checkins.all()
            elif needs_checkins and since is not None:
                # from a day before, so the whole of the appointment's own day is in, in any zone
                checkins = uow.checkins.between(since - dt.timedelta(days=1), _FAR_FUTURE)
                if FollowUpRule.NEW_REGION in wanted:
                    known = [(since, uow.checkins.region_names_until(since))]
            peg = (
                [(p.taken_at, p.pain_average + p.enjoyment + p.activity) for p in uow.measures.peg_history()]
                if FollowUpRule.PEG_RISE in wanted
                else []
            )
            flares = uow.flares.all() if FollowUpRule.FLARE_LONGER in wanted else []
        by_day: dict[dt.date, list[int]] = defaultdict(list)
        regions = list(known)
        for checkin in checkins:
            if checkin.pain is not None:
                by_day[self._day(checkin.recorded_at)].append(checkin.pain)
            if checkin.regions:
                regions.append((checkin.recorded_at, frozenset(r.region for r in checkin.regions)))
        pain_by_day = {day: sum(scores) / len(scores) for day, scores in by_day.items()}
        return DiaryReadings(pain_by_day, peg, flares, regions)

    def watching(self) -> bool:
        """Whether any measurable reason is being watched now (a cheap read: the appointments only)."""
        return bool(watched(self.appointments(), self._clock.now()))

    def follow_up_notices(self) -> list[FollowUpNotice]:
        appointments = self.appointments()
        now = self._clock.now()
        active = watched(appointments, now)
        if not active:
            return []
        since = min(a.when for a, _r in active)
        return notices(appointments, self.readings(since, frozenset(r.rule for _a, r in active)), now)

    # --- before: prepare ---

    def prepare(self, appointment_id: str) -> Preparation:
        appointment = self.get(appointment_id)
        with self._uow() as uow:
            everything = uow.story.appointments()
            items = uow.story.items()
            medicines = uow.medicines.medicines()
            decisions = uow.story.decisions()
        previous = last_before(everything, appointment.when)
        end = min(self._day(appointment.when), self._clock.today())
        if previous is not None:
            start = min(self._day(previous.when), end)
        else:
            start = end - dt.timedelta(days=DEFAULT_PREPARE_DAYS - 1)
        ids = {previous.id} if previous else set()
        story = tuple(i for i in items if i.appointment_id in ids or _dated_within(i.when, start, end))
        changed = tuple(
            m for m in medicines if m.changed_within(start, end) or (m.agreement.on and start <= m.agreement.on <= end)
        )
        made = tuple(
            d
            for d in decisions
            if d.appointment_id in ids or (d.decided_on is not None and start <= d.decided_on <= end)
        )
        return Preparation(appointment, previous, start, end, story, changed, made)


def _dated_within(when: ApproxDate | None, start: dt.date, end: dt.date) -> bool:
    """Dated to the month or the day, and that month or day falls in [start, end] (a bare year is too vague)."""
    if when is None or when.month is None:
        return False
    if when.day is not None:
        return start <= when.earliest <= end
    month_end = (when.earliest.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return when.earliest <= end and start <= month_end
