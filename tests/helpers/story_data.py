"""A filled-in story for tests: a row in every table of migration 0006, with Welsh and emoji text, and
"agreed with ... on ..." on a plan and a medicine. CANARIES are words that must never reach the disk."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from companion.domain.agreement import Agreement
from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule, NextStep
from companion.domain.approx_date import ApproxDate
from companion.domain.decisions import Decision, DecisionOption
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.story import SourceKind, StoryItem, StoryKind
from companion.services.appointments import AfterVisit, AgreedChange, OrderedItem, new_id
from companion.services.session import DiarySession

CANARIES = {
    "story_title": "STORYCANARY-sganMRI",
    "story_result": "RESULTCANARY-traul",
    "appointment_who": "WHOCANARY-DrRees",
    "appointment_told": "TOLDCANARY-wedi-dweud",
    "reason_words": "REASONCANARY-os-yw-n-lledu",
    "decision_choice": "CHOICECANARY-pigiad",
    "option_harms": "HARMSCANARY-poen",
    "review_step": "STEPCANARY-un-yn-llai",
    "agreed_with": "AGREEDCANARY-Owain",
}


def fill_story(session: DiarySession, now: dt.datetime) -> None:
    """Needs one What I've tried entry and one medicine in the diary already (it links to them)."""
    tried = session.medicines.tried()[0]
    medicine = session.medicines.medicines()[0]
    session.story.save(
        StoryItem(
            new_id(),
            StoryKind.INVESTIGATION,
            CANARIES["story_title"] + " ŵ 🩻",
            ApproxDate(2021, 6, about=True),
            person="Dr Ŵyn",
            place="Ysbyty Gwynedd",
            result=CANARIES["story_result"],
            source_kind=SourceKind.LETTER_OF,
            source="Dr Ŵyn",
        )
    )
    session.story.save(StoryItem(new_id(), StoryKind.TREATMENT, "TENS ŷ", ApproxDate(2022), tried_id=tried.id))
    appointment, _c = session.appointments.save(
        Appointment(
            new_id(),
            now - dt.timedelta(days=3),
            who=CANARIES["appointment_who"],
            role="Meddyg teulu",
            place="Meddygfa'r Bont",
            why="Adolygiad 🙂",
            contact="01234 567890",
            top_three=("Cwsg 😴", "Poen yn y goes"),
            questions=("Beth yw fy opsiynau?",),
        )
    )
    session.appointments.record_after(
        appointment.id,
        AfterVisit(
            told=CANARIES["appointment_told"],
            decided="Ffisiotherapi",
            next_steps=(NextStep("Atgyfeirio ŵ", "Y meddyg"),),
            follow_up="Os bydd yn lledu",
            reasons=(
                FollowUpReason("", CANARIES["reason_words"], FollowUpRule.NEW_REGION),
                FollowUpReason("", "Poen uwch na 6 am bythefnos", FollowUpRule.PAIN_ABOVE, level=6, weeks=2),
            ),
            ordered=(OrderedItem(StoryKind.REFERRAL, "Ffisiotherapi MSK ✨"),),
            medicine_changes=(AgreedChange(medicine.id, dose="fel y cytunwyd"),),
        ),
    )
    session.story.save_decision(
        Decision(
            new_id(),
            CANARIES["decision_choice"],
            (DecisionOption("Pigiad 💉", "Rhyddhad", CANARIES["option_harms"], "Ymarfer", "Y côr"),),
            decision="Aros a gweld",
            with_whom="Dr Ŵyn",
            decided_on=now.date(),
            appointment_id=appointment.id,
        )
    )
    session.story.save_review_plan(
        ReviewPlan(
            new_id(),
            "Lleihau codeine",
            medicine.id,
            (ReviewStep(now.date(), CANARIES["review_step"]),),
            Agreement(CANARIES["agreed_with"], now.date()),
        )
    )
    plan = session.flares.plan()
    session.flares.save_plan(replace(plan, agreement=Agreement("Dr Ŵyn", now.date())))
    for action_plan in session.goals.plans()[:1]:
        session.goals.save_plan(replace(action_plan, agreement=Agreement("Ffisio Siân", now.date())))
