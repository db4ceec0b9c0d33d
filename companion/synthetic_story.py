"""The made-up diary's story (see companion.synthetic): how the pain started, a diagnosis, a scan, the people
seen, referrals, an appointment that happened with the person's own follow-up reasons, one coming up with
its top 3 and questions, a decision made together, a planned medicine review, and "agreed with ... on ..."
on the flare-up plan, this week's action plan and a medicine. Sample text is in the interface language."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from companion.domain.agreement import Agreement
from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule, NextStep
from companion.domain.approx_date import ApproxDate
from companion.domain.decisions import Decision, DecisionOption
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.story import ReferralStatus, SourceKind, StoryItem, StoryKind
from companion.i18n import _
from companion.synthetic_care import Maker

PAST_APPOINTMENT_DAYS = 35  # the GP review the follow-up reasons were written after
NEXT_APPOINTMENT_DAYS = 10  # the pain clinic, still to come


def add_story(m: Maker) -> None:
    uow, today, rng, new_id = m.uow, m.today, m.rng, m.new_id
    gp, physio = _("Dr Evans"), _("Siân Roberts")
    tried = {t.name: t.id for t in uow.medicines.tried()}
    medicines = {med.name: med for med in uow.medicines.medicines()}
    past = m.at(min(PAST_APPOINTMENT_DAYS, m.days), 11)
    past_day = past.date()
    year = today.year
    attended_id = new_id(rng)
    items = [
        StoryItem(new_id(rng), StoryKind.ONSET, _("Hurt my back lifting boxes at work"),
                  ApproxDate(year - 8, about=True), details=_("The pain went down my left leg a few weeks later.")),
        StoryItem(new_id(rng), StoryKind.DIAGNOSIS, _("Sciatica"), ApproxDate(year - 7, 3),
                  person=gp, source_kind=SourceKind.TOLD_BY, source=gp),
        StoryItem(new_id(rng), StoryKind.INVESTIGATION, _("MRI scan of my lower back"), ApproxDate(year - 6, 5, 14),
                  place=_("Ysbyty Gwynedd"), person=_("Mr Hughes, orthopaedics"),
                  result=_("Wear and tear in the lower discs; nothing that needs an operation."),
                  source_kind=SourceKind.LETTER_OF, source=_("Mr Hughes, orthopaedics")),
        StoryItem(new_id(rng), StoryKind.REFERRAL, _("Orthopaedics"), ApproxDate(year - 6, 2),
                  person=gp, status=ReferralStatus.SEEN),
        StoryItem(new_id(rng), StoryKind.PROFESSIONAL, physio, ApproxDate(year - 1, about=True),
                  role=_("Physiotherapist"), place=_("Bangor physiotherapy"), contact="01248 000000"),
        StoryItem(new_id(rng), StoryKind.TREATMENT, _("Physiotherapy"), ApproxDate.of(m.ago(min(300, m.days))),
                  tried_id=tried.get(_("Physiotherapy"))),
        StoryItem(new_id(rng), StoryKind.REFERRAL, _("Pain management programme"), ApproxDate.of(past_day),
                  person=gp, status=ReferralStatus.WAITING, source_kind=SourceKind.TOLD_BY, source=gp,
                  place=_("Pain clinic, Ysbyty Gwynedd"), appointment_id=attended_id),
    ]  # fmt: skip
    attended = Appointment(
        attended_id, past, gp, _("GP"), _("The surgery"), _("Review of my back pain and medicines"),
        contact=_("Ring the surgery on 01248 000111 and ask for a telephone appointment"),
        top_three=(_("Sleep is worse"), _("Pain down my leg"), _("My codeine")),
        questions=(_("What are my options?"), _("What can I do myself?")),
        told=_("The pain is unlikely to be anything new. Pacing and exercises are the main things."),
        decided=_("A referral to the pain management programme, and a planned review of my codeine."),
        next_steps=(NextStep(_("Send the referral"), gp), NextStep(_("Keep my diary and pace my walking"), _("Me"))),
        follow_up=_("I will ask for a follow-up if my pain gets worse for a while or spreads."),
        attended=True,
        reasons=(
            FollowUpReason(new_id(rng), _("If a flare-up lasts more than a week"), FollowUpRule.FLARE_LONGER, days=7),
            FollowUpReason(new_id(rng), _("If my pain stays above 6 for two weeks"), FollowUpRule.PAIN_ABOVE,
                           level=6, weeks=2),
            FollowUpReason(new_id(rng), _("If the pain spreads somewhere new"), FollowUpRule.NEW_REGION),
        ),
    )  # fmt: skip
    upcoming = Appointment(
        new_id(rng), m.at(-NEXT_APPOINTMENT_DAYS, 14), _("Pain clinic nurse"), _("Specialist nurse"),
        _("Pain clinic, Ysbyty Gwynedd"), _("First appointment for the pain management programme"),
        top_three=(_("What the programme involves"), _("How to keep going on bad days")),
        questions=(_("What are the benefits and harms?"),),
    )  # fmt: skip
    for appointment in (attended, upcoming):
        uow.story.save_appointment(appointment, past)
    for item in items:
        uow.story.save_item(item, past)
    decision = Decision(
        new_id(rng), _("An injection in my back"),
        (DecisionOption(_("Have the injection"), _("It might ease the leg pain for a few months."),
                        _("Sore for a few days, and it may not help."), _("Keep up my exercises."),
                        _("I could get back to the choir sooner.")),
         DecisionOption(_("Wait, and start the pain programme first"), _("No needles; I learn ways to cope."),
                        _("It takes longer."), _("Pacing, and my flare-up plan."),
                        _("Fits looking after my grandchildren on Wednesdays."))),
        decision=_("Wait, and start the pain programme first."), with_whom=gp, decided_on=past_day,
        appointment_id=attended.id,
    )  # fmt: skip
    uow.story.save_decision(decision, past)
    codeine = medicines.get(_("Codeine"))
    if codeine is not None:
        agreed = Agreement(gp, past_day)
        plan = ReviewPlan(
            new_id(rng), _("Codeine review"), codeine.id,
            (ReviewStep(past_day + dt.timedelta(days=7), _("Step 1, in the words of Dr Evans's letter")),
             ReviewStep(past_day + dt.timedelta(days=35), _("Step 2, in the words of Dr Evans's letter")),
             ReviewStep(past_day + dt.timedelta(days=63), _("Review with Dr Evans"))),
            agreed, _("Written down with Dr Evans at my review."),
        )  # fmt: skip
        uow.story.save_review_plan(plan, past)
        uow.medicines.save(replace(codeine, agreement=agreed), past)
    flare_plan = uow.flares.plan()
    if flare_plan is not None:
        uow.flares.save_plan(replace(flare_plan, agreement=Agreement(gp, past_day)))
    plans = uow.goals.plans(today, today)
    if plans:
        uow.goals.save_plan(replace(plans[-1], agreement=Agreement(physio, m.ago(min(8, m.days)))), past)
