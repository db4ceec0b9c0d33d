"""A throwaway demo diary with ten weeks of realistic check-ins, so a newcomer sees the app working."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from companion.domain.body import PainType
from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating
from companion.i18n import N_, _
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

DEMO_PASSPHRASE = "demo"
DEMO_DAYS = 70  # always covers the whole of last month

_NOTES = (
    N_("Stiff first thing; eased after a warm shower."),
    N_("Walked to the shop and back, paced it with a rest on the bench."),
    N_("Bad night, woke at 3 with my back."),
    N_("Gardening for 20 minutes, then stopped as planned."),
    N_("Heat pad helped in the evening."),
    N_("Long car journey; hips sore afterwards."),
    N_("Good day: coffee with a friend."),
    N_("Flare-up started after lifting the shopping."),
    N_("Relaxation recording before bed helped me settle."),
    N_("Physio exercises done, a bit achy but fine."),
)
_DID = (N_("gardening"), N_("walking"), N_("housework"), N_("physio exercises"), N_("seeing friends"))
_HELPED = (N_("heat pad"), N_("rest"), N_("warm bath"), N_("relaxation"), N_("gentle stretching"))
_WORSE = (N_("lifting"), N_("sitting too long"), N_("cold weather"), N_("poor sleep"))
_PLACES = (
    ("b-lower-back", PainType.ACHING),
    ("f-knee-l", PainType.THROBBING),
    ("f-hip-r", PainType.ACHING),
    ("b-neck", PainType.SHOOTING),
    ("f-hand-r", PainType.TINGLING),
)


def create_demo_diary(data_dir: Path, kdf: KdfParams, today: dt.date | None = None) -> DiarySession:
    """Create a demo diary in `data_dir` (a temporary folder) and fill it with ten weeks of check-ins."""
    session, _recovery = DiarySession.create(data_dir / "diary.vault", DEMO_PASSPHRASE, kdf)
    rng = random.Random(20231)
    today = today or dt.date.today()
    now = dt.datetime.now().astimezone()
    given: list[CheckinInput] = []
    for back in range(DEMO_DAYS, -1, -1):
        day = today - dt.timedelta(days=back)
        flare = 9 <= back <= 12 or 38 <= back <= 40
        gardening = rng.random() < 0.3
        base = 7 if flare else 4 + rng.choice((-1, 0, 0, 1)) + (2 if gardening else 0)
        for number, hour in enumerate(sorted(rng.sample((8, 11, 14, 17, 21), rng.choice((1, 2, 3))))):
            moment = dt.datetime.combine(day, dt.time(hour, rng.randrange(0, 60))).astimezone()
            if moment > now:
                continue
            pain = max(0, min(10, base + rng.choice((-1, 0, 0, 1))))
            tags: list[TagRating] = []
            if gardening and number == 0:
                tags.append(TagRating(TagKind.DID, _(_DID[0]), rng.randint(1, 4)))
            elif rng.random() < 0.4:
                tags.append(TagRating(TagKind.DID, _(rng.choice(_DID[1:])), rng.randint(0, 4)))
            if rng.random() < 0.5:
                tags.append(TagRating(TagKind.HELPED, _(rng.choice(_HELPED)), rng.randint(1, 4)))
            if flare or rng.random() < 0.25:
                tags.append(TagRating(TagKind.WORSE, _(rng.choice(_WORSE)), rng.randint(1, 4)))
            places = rng.sample(_PLACES, rng.choice((0, 1, 1, 2)))
            morning = number == 0
            given.append(
                CheckinInput(
                    recorded_at=moment,
                    pain=pain,
                    regions=tuple(
                        RegionPain(code, max(0, pain + rng.choice((-2, -1, 0))), kind) for code, kind in places
                    ),
                    sleep_quality=max(0, min(10, 8 - pain // 2 + rng.choice((-1, 0, 1)))) if morning else None,
                    sleep_hours=rng.choice((5.0, 5.5, 6.0, 6.5, 7.0, 7.5)) if morning else None,
                    mood=max(0, min(10, 9 - pain + rng.choice((-1, 0, 1)))) if rng.random() < 0.6 else None,
                    fatigue=max(0, min(10, pain + rng.choice((-1, 0, 1)))) if rng.random() < 0.6 else None,
                    tags=tuple(tags),
                    note=_(_NOTES[7])
                    if flare and back in (12, 40) and morning
                    else (_(rng.choice(_NOTES)) if rng.random() < 0.4 else ""),
                )
            )
    session.diary.record_checkins(given)  # one save for seventy days, not one per check-in
    _add_demo_flares(session, today)
    _add_demo_pacing(session, today, rng)
    _add_demo_goals_and_medicines(session, today)
    _add_demo_peg(session, today)
    return session


def _add_demo_peg(session: DiarySession, today: dt.date) -> None:
    """A weekly PEG for ten weeks, easing a little as pacing settles (the last one 3 days ago)."""
    from companion.domain.measures import PegResponse
    from companion.storage.unit_of_work import UnitOfWork

    answers = (
        (7, 7, 7),
        (7, 6, 7),
        (7, 7, 6),
        (6, 6, 6),
        (8, 7, 8),
        (6, 6, 5),
        (6, 5, 5),
        (5, 5, 5),
        (7, 6, 6),
        (5, 4, 5),
    )
    with UnitOfWork(session.store) as uow:
        for week, (pain, enjoyment, activity) in enumerate(answers):
            back = 3 + 7 * (len(answers) - 1 - week)
            moment = dt.datetime.combine(today - dt.timedelta(days=back), dt.time(19, 30)).astimezone()
            uow.measures.add_peg(PegResponse(f"peg{week}", moment, pain, enjoyment, activity))
        uow.commit()


def _add_demo_goals_and_medicines(session: DiarySession, today: dt.date) -> None:
    """What matters, a goal with steps and ratings, this week's and last week's action plans, medicines
    (one stopped, one taken as needed with doses, one due a yearly review) and what has been tried."""
    from companion.domain.goals import ActionPlan, CheckBack, CheckBackOutcome, Goal, GoalRating, GoalStep, week_start
    from companion.domain.medicines import Dose, Medicine, MedicineKind, MedicineRating, ReviewGroup, Tried
    from companion.storage.unit_of_work import UnitOfWork

    def at(back: int, hour: int = 10) -> dt.datetime:
        return dt.datetime.combine(today - dt.timedelta(days=back), dt.time(hour, 0)).astimezone()

    monday = week_start(today)
    with UnitOfWork(session.store) as uow:
        goals, medicines = uow.goals, uow.medicines
        from companion.domain.goals import WhatMatters

        goals.add_what_matters(WhatMatters("wm1", at(60), _("Being able to look after my grandchildren."), ""))
        goals.add_what_matters(
            WhatMatters(
                "wm2",
                at(20),
                _("Looking after my grandchildren on Wednesdays, and getting back to the choir."),
                _("I slept well, paced the housework and saw a friend."),
            )
        )
        goal = Goal(
            "goal-choir",
            _("Sing with the choir again"),
            _("It is where my friends are."),
            today + dt.timedelta(days=60),
            steps=(
                GoalStep("s1", _("Listen to a rehearsal"), today - dt.timedelta(days=25)),
                GoalStep("s2", _("Sing one song sitting down"), today - dt.timedelta(days=6)),
                GoalStep("s3", _("Stay for half a rehearsal")),
                GoalStep("s4", _("Sing a whole rehearsal")),
            ),
        )
        goals.save_goal(goal, at(40))
        for back, rating in ((40, 2), (26, 3), (12, 4), (3, 5)):
            goals.add_rating(f"gr{back}", goal.id, GoalRating(at(back), rating))
        last = ActionPlan(
            "plan-last",
            monday - dt.timedelta(days=7),
            _("Walk to the post box"),
            _("10 minutes"),
            _("after lunch"),
            frozenset({0, 2, 4}),
            8,
            goal.id,
            frozenset({monday - dt.timedelta(days=7), monday - dt.timedelta(days=5)}),
            CheckBack(CheckBackOutcome.PARTLY, _("Rain on Friday"), _("Same plan, with an umbrella"), at(1)),
        )
        this = ActionPlan(
            "plan-this",
            monday,
            _("Walk to the post box"),
            _("10 minutes"),
            _("after lunch"),
            frozenset({0, 2, 4}),
            8,
            goal.id,
            frozenset(d for d in (monday,) if d <= today),
        )
        goals.save_plan(last, at(10))
        goals.save_plan(this, at(1))
        regular = Medicine(
            "med-reg",
            _("Amitriptyline"),
            _("Nerve pain and sleep"),
            MedicineKind.REGULAR,
            _("10 mg at night"),
            today - dt.timedelta(days=200),
            None,
            _("Dr Evans (GP)"),
            today + dt.timedelta(days=30),
        )
        opioid = Medicine(
            "med-op",
            _("Codeine"),
            _("Back pain on bad days"),
            MedicineKind.REGULAR,
            _("30 mg up to 4 times a day"),
            today - dt.timedelta(days=400),
            None,
            _("Dr Evans (GP)"),
            None,
            None,
            ReviewGroup.OPIOID,
        )
        as_needed = Medicine(
            "med-prn",
            _("Paracetamol"),
            _("Pain"),
            MedicineKind.AS_NEEDED,
            _("2 tablets of 500 mg"),
            today - dt.timedelta(days=900),
        )
        stopped = Medicine(
            "med-stop",
            _("Naproxen"),
            _("Knee pain"),
            MedicineKind.REGULAR,
            _("250 mg twice a day"),
            today - dt.timedelta(days=120),
            today - dt.timedelta(days=50),
            _("Pharmacist"),
        )
        for medicine in (regular, opioid, as_needed, stopped):
            medicines.save(medicine, at(200))
        medicines.add_rating("mr1", regular.id, MedicineRating(at(90), 5, _("Dry mouth")))
        medicines.add_rating("mr2", regular.id, MedicineRating(at(14), 6, _("Dry mouth, less now")))
        medicines.add_rating("mr3", opioid.id, MedicineRating(at(30), 4, _("Constipation")))
        medicines.add_rating("mr4", stopped.id, MedicineRating(at(55), 3, _("Indigestion")))
        for number, (back, hour) in enumerate(((1, 9), (2, 8), (2, 17), (5, 8), (9, 12), (10, 8), (11, 9), (12, 10))):
            medicines.add_dose(Dose(f"dose{number}", as_needed.id, at(back, hour)))
        medicines.save_tried(
            Tried(
                "t1",
                _("Physiotherapy"),
                today - dt.timedelta(days=300),
                today - dt.timedelta(days=240),
                6,
                _("Exercises still help"),
            ),
            at(300),
        )
        medicines.save_tried(Tried("t2", _("TENS machine"), today - dt.timedelta(days=150), None, 5, ""), at(150))
        medicines.save_tried(Tried("t3", _("Heat"), None, None, 7, _("Heat pad in the evening")), at(100))
        uow.commit()


def _add_demo_pacing(session: DiarySession, today: dt.date, rng: random.Random) -> None:
    """Two paced activities: tolerance tests, a plan growing 10 % a week, a step-down at the last flare-up
    and the step back up, and what was done each day (a few busy gardening days among them)."""
    import uuid

    from companion.domain import pacing as p
    from companion.storage.unit_of_work import UnitOfWork

    walking = p.Activity(
        str(uuid.uuid4()),
        _("Walking"),
        p.Unit.MINUTES,
        rest_every_minutes=10,
        rest_minutes=2,
        baseline=8.0,
        baseline_method=p.BaselineMethod.MEAN,
    )
    reading = p.Activity(
        str(uuid.uuid4()),
        _("Reading"),
        p.Unit.PAGES,
        planned_days=frozenset({0, 1, 2, 3, 4}),
        increase=p.IncreaseRule(p.IncreaseKind.STEP, 2),
        baseline=10.0,
        baseline_method=p.BaselineMethod.MEAN,
    )
    started = today - dt.timedelta(days=DEMO_DAYS - 4)
    flare_day = today - dt.timedelta(days=12)
    back_up = today - dt.timedelta(days=6)
    with UnitOfWork(session.store) as uow:
        when = dt.datetime.combine(started - dt.timedelta(days=3), dt.time(10, 0)).astimezone()
        for activity, tests in ((walking, (11.0, 9.0, 10.0)), (reading, (12.0, 14.0, 11.0))):
            uow.pacing.add(activity, when)
            for back, amount in enumerate(tests):
                moment = when + dt.timedelta(days=back)
                uow.pacing.add_test(p.ToleranceTest(str(uuid.uuid4()), activity.id, moment, amount))
            uow.pacing.add_change(p.PlanChange(str(uuid.uuid4()), activity.id, started, activity.baseline or 1.0), when)
        walking_changes = [p.PlanChange("start", walking.id, started, 8.0)]
        down = p.step_down(walking, walking_changes, flare_day, 0.6, new_id=str(uuid.uuid4()), flare_id=None)
        uow.pacing.add_change(down, when)
        up = p.step_up(walking, [*walking_changes, down], back_up, new_id=str(uuid.uuid4()))
        uow.pacing.add_change(up, when)
        changes = {walking.id: uow.pacing.changes(walking.id), reading.id: uow.pacing.changes(reading.id)}
        day = started
        while day <= today:
            back = (today - day).days
            flare = 9 <= back <= 12 or 38 <= back <= 40
            busy = back in (13, 41, 27)  # a boom before each flare, and one more
            for activity in (walking, reading):
                target = p.target_on(activity, changes[activity.id], day)
                if target is None or (back == 0) or rng.random() < 0.12:
                    continue
                share = 0.4 if flare else 1.8 if busy else rng.choice((0.8, 1.0, 1.0, 1.0, 1.1))
                amount = p.round_amount(target * share, activity.unit)
                moment = dt.datetime.combine(day, dt.time(rng.choice((10, 15, 19)), 0)).astimezone()
                source = p.LogSource.TIMER if activity.timed and rng.random() < 0.5 else p.LogSource.MANUAL
                uow.pacing.add_log(p.ActivityLog(str(uuid.uuid4()), activity.id, day, moment, amount, source))
            day += dt.timedelta(days=1)
        uow.commit()


def _add_demo_flares(session: DiarySession, today: dt.date) -> None:
    """A saved plan and the two flare-ups the check-ins above describe, reviewed afterwards."""
    from dataclasses import replace

    from companion.domain.flare import Helper, starter_plan
    from companion.services.flares import FlareService
    from companion.storage.unit_of_work import UnitOfWork

    plan = starter_plan(_, today)
    session.flares.save_plan(
        replace(plan, helpers=(Helper(_("Sam (my partner)"), _("Takes over the school run"), "07700 900123"),))
    )
    moment = [dt.datetime.now().astimezone()]
    flares = FlareService(lambda: UnitOfWork(session.store), lambda: moment[0])
    for first, last in ((40, 38), (12, 9)):
        start = dt.datetime.combine(today - dt.timedelta(days=first), dt.time(9, 30)).astimezone()
        moment[0] = start
        flares.start()
        moment[0] = dt.datetime.combine(today - dt.timedelta(days=last), dt.time(18, 0)).astimezone()
        ended, _changes = flares.end()
        reviewed, _changes = flares.review(ended.id, _(_WORSE[0]), _(_HELPED[0]), _("Ask for help with the shopping"))
        with UnitOfWork(session.store) as uow:
            uow.flares.update(replace(reviewed, peak_pain=8))
            uow.commit()
