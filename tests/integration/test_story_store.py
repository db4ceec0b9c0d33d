"""My story, appointments, decisions and medicine review plans through the services on a real vault: kept
across close and reopen; recording an appointment enters tests, referrals and agreed medicine changes; a
follow-up reason met in a made-up diary gives one notice with the person's words and the saved contact."""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.agreement import Agreement
from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule, NextStep
from companion.domain.approx_date import ApproxDate
from companion.domain.changes import Changes
from companion.domain.checkin import CheckinInput, RegionPain
from companion.domain.decisions import Decision, DecisionOption
from companion.domain.errors import ValidationError
from companion.domain.flare import FlarePlan
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.medicines import Medicine, Tried
from companion.domain.story import ReferralStatus, SourceKind, StoryItem, StoryKind
from companion.services.appointments import AfterVisit, AgreedChange, OrderedItem, new_id
from companion.services.session import DiarySession
from tests.conftest import DIARY_PASSPHRASE
from tests.helpers.clock import FakeClock

PASSPHRASE = DIARY_PASSPHRASE
TZ = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=TZ)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


def reopen(session: DiarySession, clock: FakeClock) -> DiarySession:
    path = session.path
    session.close()
    return DiarySession.open(path, passphrase=PASSPHRASE, clock=clock)


def test_story_items_survive_reopen_in_timeline_order(session: DiarySession, clock: FakeClock) -> None:
    tried, _c = session.medicines.save_tried(Tried(new_id(), "Ffisiotherapi ŵ"))
    scan = StoryItem(
        new_id(),
        StoryKind.INVESTIGATION,
        "MRI scan",
        ApproxDate(2021, 6, about=True),
        place="Ysbyty Gwynedd",
        result="Traul yn y disgiau",
        source_kind=SourceKind.LETTER_OF,
        source="Dr Rees",
    )
    onset = StoryItem(new_id(), StoryKind.ONSET, "Codi bocs yn y gwaith", ApproxDate(2019))
    physio = StoryItem(new_id(), StoryKind.TREATMENT, "Physiotherapy", ApproxDate(2022, 1, 10), tried_id=tried.id)
    for item in (scan, physio, onset):
        _saved, changed = session.story.save(item)
        assert changed == Changes(story=True)
    session = reopen(session, clock)
    items = session.story.items()
    assert [i.title for i in items] == ["Codi bocs yn y gwaith", "MRI scan", "Physiotherapy"]
    assert items[1] == scan and items[2].tried_id == tried.id
    assert [i.title for i in session.story.items(frozenset({StoryKind.INVESTIGATION}))] == ["MRI scan"]
    assert [i.title for i in session.story.items(search="traul")] == ["MRI scan"]
    with pytest.raises(ValidationError):
        session.story.save(StoryItem(new_id(), StoryKind.TREATMENT, "TENS", tried_id="not-there"))
    session.medicines.delete_tried(tried.id)  # the story keeps its entry, unlinked
    assert session.story.get(physio.id).tried_id is None
    session.close()


def test_attending_an_appointment_enters_story_and_medicines(session: DiarySession, clock: FakeClock) -> None:
    medicine, _c = session.medicines.save(Medicine(new_id(), "Codeine", dose="30 mg up to 4 times a day"))
    appointment, changed = session.appointments.save(
        Appointment(
            new_id(),
            START + dt.timedelta(days=7),
            who="Dr Rees",
            role="GP",
            place="Y Bont",
            why="Back pain review",
            contact="01234 567890",
            top_three=("Sleep", "Leg pain"),
            questions=("What are my options?",),
        )
    )
    assert changed == Changes(appointments=True)
    assert [a.id for a in session.appointments.upcoming()] == [appointment.id]
    clock.set(START + dt.timedelta(days=7, hours=2))
    after = AfterVisit(
        told="The scan shows wear and tear",
        decided="Physiotherapy first",
        next_steps=(NextStep("Refer to physio", "Dr Rees"), NextStep("Ring to book", "me")),
        follow_up="If it spreads",
        reasons=(FollowUpReason("", "if the pain spreads to my arm", FollowUpRule.NEW_REGION),),
        ordered=(
            OrderedItem(StoryKind.REFERRAL, "MSK physiotherapy"),
            OrderedItem(StoryKind.INVESTIGATION, "Blood test"),
        ),
        medicine_changes=(AgreedChange(medicine.id, dose="as agreed with Dr Rees: see the letter"),),
    )
    _updated, changed = session.appointments.record_after(appointment.id, after)
    assert changed == Changes(appointments=True, story=True, medicines=True)
    session = reopen(session, clock)
    stored = session.appointments.get(appointment.id)
    assert stored.attended and stored.next_steps == after.next_steps and stored.reasons[0].id
    assert session.appointments.upcoming() == [] and [a.id for a in session.appointments.past()] == [appointment.id]
    ordered = {i.title: i for i in session.story.items()}
    referral = ordered["MSK physiotherapy"]
    assert (referral.kind, referral.status, referral.when) == (
        StoryKind.REFERRAL,
        ReferralStatus.WAITING,
        ApproxDate(2026, 3, 9),
    )
    assert (referral.source_kind, referral.source, referral.appointment_id) == (
        SourceKind.TOLD_BY,
        "Dr Rees",
        appointment.id,
    )
    assert ordered["Blood test"].kind is StoryKind.INVESTIGATION and ordered["Blood test"].status is None
    codeine = session.medicines.get(medicine.id)
    assert codeine.dose == "as agreed with Dr Rees: see the letter"
    assert codeine.agreement == Agreement("Dr Rees", dt.date(2026, 3, 9))
    session.close()


def test_a_failed_after_visit_saves_nothing(session: DiarySession) -> None:
    appointment, _c = session.appointments.save(Appointment(new_id(), START, who="Dr Rees"))
    with pytest.raises(ValidationError):
        session.appointments.record_after(
            appointment.id,
            AfterVisit(
                told="x",
                ordered=(OrderedItem(StoryKind.REFERRAL, "Pain clinic"),),
                medicine_changes=(AgreedChange("gone"),),
            ),
        )
    assert session.story.items() == [] and not session.appointments.get(appointment.id).attended


def test_a_follow_up_reason_met_gives_one_notice_until_dismissed(session: DiarySession, clock: FakeClock) -> None:
    session.diary.record_checkin(CheckinInput(START - dt.timedelta(days=2), 5, (RegionPain("b-lower-back"),)))
    appointment, _c = session.appointments.save(Appointment(new_id(), START, who="Dr Rees", contact="01234 567890"))
    session.appointments.record_after(
        appointment.id, AfterVisit(reasons=(FollowUpReason("", "if my neck starts hurting", FollowUpRule.NEW_REGION),))
    )
    clock.set(START + dt.timedelta(days=3))
    session.diary.record_checkin(CheckinInput(clock.now(), 6, (RegionPain("b-lower-back"),)))
    assert session.appointments.follow_up_notices() == []
    clock.set(START + dt.timedelta(days=5))
    session.diary.record_checkin(CheckinInput(clock.now(), 6, (RegionPain("f-neck"),)))
    found = session.appointments.follow_up_notices()
    assert [(n.reason.words, n.since, n.appointment.contact) for n in found] == [
        ("if my neck starts hurting", dt.date(2026, 3, 7), "01234 567890")
    ]
    session.appointments.set_reason_dismissed(found[0].reason.id)
    assert session.appointments.follow_up_notices() == []


def test_prepare_covers_exactly_the_period_since_the_last_appointment(session: DiarySession, clock: FakeClock) -> None:
    first, _c = session.appointments.save(Appointment(new_id(), START, who="Dr Rees", attended=True))
    next_one, _c = session.appointments.save(
        Appointment(new_id(), START + dt.timedelta(days=30), who="Dr Rees", top_three=("Sleep",))
    )
    session.story.save(StoryItem(new_id(), StoryKind.DIAGNOSIS, "Sciatica", ApproxDate(2026, 3, 10)))
    session.story.save(StoryItem(new_id(), StoryKind.DIAGNOSIS, "Old", ApproxDate(2025, 3, 10)))
    session.story.save_decision(Decision(new_id(), "An injection", decided_on=dt.date(2026, 3, 12), decision="Wait"))
    clock.set(START + dt.timedelta(days=20))
    prep = session.appointments.prepare(next_one.id)
    assert (prep.previous.id if prep.previous else None, prep.start, prep.end) == (
        first.id,
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 22),
    )
    assert [i.title for i in prep.story] == ["Sciatica"] and [d.choice for d in prep.decisions] == ["An injection"]
    assert prep.appointment.top_three == ("Sleep",)


def test_decisions_review_plans_and_agreements_are_kept(session: DiarySession, clock: FakeClock) -> None:
    decision = Decision(
        new_id(),
        "Pigiad",
        (DecisionOption("Pigiad", "Rhyddhad", "Poen", "Ymarfer", "Côr"), DecisionOption("Aros")),
        decision="Aros a gweld",
        with_whom="Dr Rees",
        decided_on=dt.date(2026, 3, 2),
    )
    assert session.story.save_decision(decision)[1] == Changes(appointments=True)
    medicine, _c = session.medicines.save(Medicine(new_id(), "Codeine"))
    plan = ReviewPlan(
        new_id(),
        "Lleihau codeine",
        medicine.id,
        (ReviewStep(dt.date(2026, 3, 1), "Un yn llai yn y bore"), ReviewStep(dt.date(2026, 3, 15), "Dim yn y bore")),
        Agreement("Owain, fferyllydd", dt.date(2026, 2, 20)),
    )
    assert session.story.save_review_plan(plan)[1] == Changes(medicines=True)
    session.flares.save_plan(FlarePlan(agreement=Agreement("Dr Rees", dt.date(2026, 1, 5))))
    session = reopen(session, clock)
    assert session.story.decisions() == [decision]
    assert session.story.review_plans() == [plan]
    assert session.story.current_review_steps() == [(plan, plan.steps[0])]
    assert session.story.current_review_steps(dt.date(2026, 2, 28)) == []
    assert session.flares.plan().agreement == Agreement("Dr Rees", dt.date(2026, 1, 5))
    session.medicines.delete(medicine.id)  # the plan stays, unlinked from the deleted medicine
    assert session.story.review_plans()[0].medicine_id is None
    session.close()
