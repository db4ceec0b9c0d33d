"""The made-up diary's goals, action plans, medicines and treatments tried (see companion.synthetic).

The recent part is the demo diary's story (a choir goal, this week's and last week's walk to the post box,
four medicines); a longer diary adds what came before: earlier goals, a weekly plan for every week, older
medicines started and stopped, more ratings and as-needed doses on bad days.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from companion.domain.goals import (
    ActionPlan,
    CheckBack,
    CheckBackOutcome,
    Goal,
    GoalRating,
    GoalStatus,
    GoalStep,
    WhatMatters,
    week_start,
)
from companion.domain.medicines import Dose, Medicine, MedicineKind, MedicineRating, ReviewGroup, Tried
from companion.i18n import _
from companion.services.clock import Clock
from companion.storage.unit_of_work import UnitOfWork

NewId = Callable[[random.Random], str]
OLD_GOALS = (
    ("Mynd i'r farchnad ar ddydd Sadwrn 🛒", ("Mynd am 10 munud", "Cario bag bach", "Aros am baned")),
    ("Walk to the park with the dog 🐕", ("To the corner", "Halfway", "All the way, with a rest")),
    ("Back to swimming, two lengths", ("Visit the pool", "One length", "Two lengths")),
)
OLD_MEDICINES = (
    ("Ibuprofen gel", "Knee", "Rub in 3 times a day"),
    ("Gabapentin", "Nerve pain", "300 mg three times a day"),
    ("Co-codamol", "Back pain", "30/500, 2 tablets up to 4 times a day"),
)


@dataclass(frozen=True)
class Maker:
    """Where and how to write: the open unit of work, the diary's length and last day, the seeded dice."""

    uow: UnitOfWork
    clock: Clock
    days: int
    today: dt.date
    rng: random.Random
    new_id: NewId

    def ago(self, back: int) -> dt.date:
        return self.today - dt.timedelta(days=back)

    def at(self, back: int, hour: int = 10) -> dt.datetime:
        return self.clock.at(self.today - dt.timedelta(days=back), dt.time(hour, 0))


def add_goals_and_medicines(maker: Maker) -> None:
    _add_plans(maker, _add_goals(maker))
    _add_medicines(maker)


def _add_goals(m: Maker) -> str:
    """What matters (once a year in a long diary), earlier goals done or stopped, the current goal; its id."""
    uow, days, today, rng, new_id, at, ago = m.uow, m.days, m.today, m.rng, m.new_id, m.at, m.ago
    goals = uow.goals
    for back in range(days - days % 365, 60, -365):  # a fresh look once a year in a long diary
        goals.add_what_matters(
            WhatMatters(new_id(rng), at(back), "Bod yn annibynnol gartref, a gweld fy ffrindiau 🙂", "Cysgu'n dda")
        )
    goals.add_what_matters(
        WhatMatters(new_id(rng), at(min(60, days)), _("Being able to look after my grandchildren."), "")
    )
    goals.add_what_matters(
        WhatMatters(
            new_id(rng),
            at(min(20, days)),
            _("Looking after my grandchildren on Wednesdays, and getting back to the choir."),
            _("I slept well, paced the housework and saw a friend."),
        )
    )
    back, number = days - 30, 0
    while back > 120:  # an earlier goal every ten months or so, done or stopped
        title, steps = OLD_GOALS[number % len(OLD_GOALS)]
        span = rng.randint(120, 240)
        done = rng.random() < 0.7
        goal = Goal(
            new_id(rng),
            title,
            "",
            today - dt.timedelta(days=back - span),
            GoalStatus.DONE if done else GoalStatus.STOPPED,
            tuple(
                GoalStep(new_id(rng), text, ago(back - span * (i + 1) // 4) if done or i == 0 else None)
                for i, text in enumerate(steps)
            ),
        )
        goals.save_goal(goal, at(back))
        for offset in range(0, span, 14):
            goals.add_rating(new_id(rng), goal.id, GoalRating(at(back - offset), min(10, 1 + offset * 8 // span)))
        back -= span + rng.randint(60, 180)
        number += 1
    goal = Goal(
        new_id(rng),
        _("Sing with the choir again"),
        _("It is where my friends are."),
        today + dt.timedelta(days=60),
        steps=(
            GoalStep(new_id(rng), _("Listen to a rehearsal"), today - dt.timedelta(days=min(25, days))),
            GoalStep(new_id(rng), _("Sing one song sitting down"), today - dt.timedelta(days=min(6, days))),
            GoalStep(new_id(rng), _("Stay for half a rehearsal")),
            GoalStep(new_id(rng), _("Sing a whole rehearsal")),
        ),
    )
    goals.save_goal(goal, at(min(40, days)))
    for back, rating in ((40, 2), (26, 3), (12, 4), (3, 5)):
        if back <= days:
            goals.add_rating(new_id(rng), goal.id, GoalRating(at(back), rating))
    return goal.id


def _add_plans(m: Maker, goal_id: str) -> None:
    """A walk to the post box on Monday, Wednesday and Friday, every week: ticks, a check-back each week."""
    uow, days, today, rng, new_id, at = m.uow, m.days, m.today, m.rng, m.new_id, m.at
    monday = week_start(today)
    weeks = max(1, days // 7)
    outcomes = (CheckBackOutcome.DONE, CheckBackOutcome.PARTLY, CheckBackOutcome.PARTLY, CheckBackOutcome.NOT_DONE)
    for week in range(weeks, 0, -1):
        start = monday - dt.timedelta(days=7 * week)
        ticked = frozenset(start + dt.timedelta(days=d) for d in (0, 2, 4) if rng.random() < 0.7)
        if week == 1:
            ticked = frozenset({start, start + dt.timedelta(days=2)})
            check = CheckBack(CheckBackOutcome.PARTLY, _("Rain on Friday"), _("Same plan, with an umbrella"), at(1))
        else:
            outcome = outcomes[3 - len(ticked)]
            check = CheckBack(outcome, "", "", m.clock.at(start, dt.time(18)) + dt.timedelta(7))
        plan = ActionPlan(
            new_id(rng), start, _("Walk to the post box"), _("10 minutes"), _("after lunch"),
            frozenset({0, 2, 4}), rng.randint(6, 9), goal_id if week <= 6 else None, ticked, check,
        )  # fmt: skip
        uow.goals.save_plan(plan, m.clock.at(start, dt.time(9)))
    this = ActionPlan(
        new_id(rng), monday, _("Walk to the post box"), _("10 minutes"), _("after lunch"),
        frozenset({0, 2, 4}), 8, goal_id, frozenset(d for d in (monday,) if d <= today),
    )  # fmt: skip
    uow.goals.save_plan(this, at(1))


def _add_medicines(m: Maker) -> None:
    uow, days, today, rng, new_id, at, ago = m.uow, m.days, m.today, m.rng, m.new_id, m.at, m.ago
    medicines = uow.medicines
    regular = Medicine(
        new_id(rng), _("Amitriptyline"), _("Nerve pain and sleep"), MedicineKind.REGULAR, _("10 mg at night"),
        ago(200), None, _("Dr Evans (GP)"), today + dt.timedelta(days=30),
    )  # fmt: skip
    opioid = Medicine(
        new_id(rng), _("Codeine"), _("Back pain on bad days"), MedicineKind.REGULAR, _("30 mg up to 4 times a day"),
        ago(400), None, _("Dr Evans (GP)"), None, None, ReviewGroup.OPIOID,
    )  # fmt: skip
    as_needed = Medicine(
        new_id(rng), _("Paracetamol"), _("Pain"), MedicineKind.AS_NEEDED, _("2 tablets of 500 mg"), ago(900)
    )
    stopped = Medicine(
        new_id(rng), _("Naproxen"), _("Knee pain"), MedicineKind.REGULAR, _("250 mg twice a day"),
        ago(120), ago(50), _("Pharmacist"),
    )  # fmt: skip
    for medicine in (regular, opioid, as_needed, stopped):
        medicines.save(medicine, at(min(200, days)))
    for medicine, back, score, side in (
        (regular, 90, 5, _("Dry mouth")),
        (regular, 14, 6, _("Dry mouth, less now")),
        (opioid, 30, 4, _("Constipation")),
        (stopped, 55, 3, _("Indigestion")),
    ):
        medicines.add_rating(new_id(rng), medicine.id, MedicineRating(at(min(back, days)), score, side))
    for back in range(120, days, 91):  # a rating each quarter in a long diary
        medicines.add_rating(new_id(rng), opioid.id, MedicineRating(at(back), rng.randint(3, 6), ""))
    back = 500
    for number, (name, purpose, dose) in enumerate(OLD_MEDICINES * (days // 1500 + 1)):
        if back + 60 > days:
            break
        length = rng.randint(60, 400)
        old = Medicine(new_id(rng), name, purpose, MedicineKind.REGULAR, dose, ago(back), ago(back - length))
        medicines.save(old, at(back))
        medicines.add_rating(new_id(rng), old.id, MedicineRating(at(back - length // 2), rng.randint(2, 6), ""))
        back += length + rng.randint(30, 200) + number
    fixed = ((1, 9), (2, 8), (2, 17), (5, 8), (9, 12), (10, 8), (11, 9), (12, 10))
    for back, hour in fixed:
        if back <= days:
            medicines.add_dose(Dose(new_id(rng), as_needed.id, at(back, hour)))
    for back in range(14, min(days, 900)):  # as needed, about twice a week before that
        if rng.random() < 0.3:
            medicines.add_dose(Dose(new_id(rng), as_needed.id, at(back, rng.choice((8, 13, 20)))))
    medicines.save_tried(
        Tried(new_id(rng), _("Physiotherapy"), ago(300), ago(240), 6, _("Exercises still help")), at(min(300, days))
    )
    medicines.save_tried(Tried(new_id(rng), _("TENS machine"), ago(150), None, 5, ""), at(min(150, days)))
    medicines.save_tried(Tried(new_id(rng), _("Heat"), None, None, 7, _("Heat pad in the evening")), at(min(100, days)))
    if days > 3 * 365:
        tried = Tried(new_id(rng), "Aciwbigo", ago(1400), ago(1300), 3, "Dim llawer o wahaniaeth")
        medicines.save_tried(tried, at(1400))
