"""Goals, action plans, what matters to me, medicines, what I've tried and own support entries through the
services on a real vault on disk: kept across close and reopen, and through a JSON export and import."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.goals import (
    ActionPlan,
    CheckBackOutcome,
    Completion,
    Goal,
    GoalStatus,
    GoalStep,
    suggests_smaller,
)
from companion.domain.medicines import Medicine, MedicineKind, ReviewGroup, Tried
from companion.services import transfer
from companion.services.goals import new_id
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.helpers.clock import FakeClock

PASSPHRASE = "nod bach bob wythnos"
TZ = dt.timezone(dt.timedelta(hours=1))
MONDAY_9AM = dt.datetime(2026, 3, 2, 9, 0, tzinfo=TZ)
MONDAY = MONDAY_9AM.date()
NEW_TABLES = (
    "what_matters",
    "goals",
    "goal_steps",
    "goal_ratings",
    "action_plans",
    "action_plan_ticks",
    "medicines",
    "medicine_ratings",
    "medicine_doses",
    "treatments_tried",
    "support_entries",
)




class Vault:
    """One diary on disk, closed and reopened the way the app does it."""

    def __init__(self, path: Path, clock: FakeClock) -> None:
        self.clock = clock
        self.session, _key = DiarySession.create(path, PASSPHRASE, CHEAP_KDF, clock=clock)

    def reopen(self) -> DiarySession:
        path = self.session.path
        self.session.close()
        self.session = DiarySession.open(path, passphrase=PASSPHRASE, clock=self.clock)
        return self.session

    def close(self) -> None:
        if self.session.is_open:
            self.session.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_9AM)


@pytest.fixture
def vault(data_dir: Path, clock: FakeClock) -> Iterator[Vault]:
    opened = Vault(data_dir / "goals.vault", clock)
    yield opened
    opened.close()


def _counts(session: DiarySession) -> dict[str, int]:
    with session.store.session() as db:
        return {t: db.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in NEW_TABLES}


def _plan(week: dt.date, what: str = "Cerdded i'r giât ŵ", **fields: object) -> ActionPlan:
    return ActionPlan(new_id(), week, what, **fields)  # type: ignore[arg-type]


# --- what matters to me ----------------------------------------------------------------------------------


def test_what_matters_versions_are_dated_and_kept(vault: Vault, clock: FakeClock) -> None:
    goals = vault.session.goals
    assert goals.what_matters() is None and goals.what_matters_history() == []

    first, changed = goals.save_what_matters("  Gweld fy wyrion 👵 ", "Cysgu'n dda ŵ")
    assert changed == Changes(goals=True)
    assert first is not None
    assert (first.what_matters, first.good_day, first.written_at) == ("Gweld fy wyrion 👵", "Cysgu'n dda ŵ", MONDAY_9AM)

    clock.advance(hours=2)
    same, unchanged = goals.save_what_matters("Gweld fy wyrion 👵", "  Cysgu'n dda ŵ\n")
    assert unchanged == Changes() and same == first  # the same words add no version
    assert len(goals.what_matters_history()) == 1

    clock.advance(days=6)
    second, _ = goals.save_what_matters("Gweld fy wyrion 👵", "Mynd allan yn yr ardd")
    assert second is not None and second.written_at == clock.now()
    assert goals.what_matters() == second
    assert goals.what_matters_history() == [second, first]  # newest first, the older version kept

    clock.advance(days=1)
    goals = vault.reopen().goals
    history = goals.what_matters_history()
    assert history == [second, first]
    assert history[1].written_at.utcoffset() == dt.timedelta(hours=1)  # the time zone it was written in
    assert _counts(vault.session)["what_matters"] == 2


# --- goals -----------------------------------------------------------------------------------------------


def test_a_goal_with_steps_done_and_undone_and_ratings_over_time(vault: Vault, clock: FakeClock) -> None:
    goals = vault.session.goals
    draft = Goal(
        new_id(),
        "  Cerdded  i'r siop ",
        why="Gweld pobl ☕",
        target_date=dt.date(2026, 6, 1),
        steps=(GoalStep(new_id(), "Cerdded i'r giât"), GoalStep(new_id(), "   "), GoalStep(new_id(), "I'r gornel")),
    )
    goal, changed = goals.save_goal(draft)
    assert changed.goals
    assert goal.title == "Cerdded i'r siop" and [s.text for s in goal.steps] == ["Cerdded i'r giât", "I'r gornel"]
    gate, corner = goal.steps
    assert goals.get_goal(goal.id) == goal

    goal, _ = goals.set_step_done(goal.id, gate.id, True)
    assert [s.done_on for s in goal.steps] == [MONDAY, None] and goal.steps_done == 1
    clock.advance(days=2)
    goal, _ = goals.set_step_done(goal.id, corner.id, True)
    goal, _ = goals.set_step_done(goal.id, gate.id, False)
    assert [s.done_on for s in goal.steps] == [None, MONDAY + dt.timedelta(days=2)]
    assert [s.id for s in goal.steps] == [gate.id, corner.id]  # steps keep their order and their identity

    goal, _ = goals.rate_goal(goal.id, 3)
    clock.advance(days=7)
    goal, _ = goals.rate_goal(goal.id, 6)
    assert [r.rating for r in goal.ratings] == [3, 6] and goal.latest_rating == 6
    assert goal.ratings[1].rated_at == clock.now()
    for bad in (11, -1, True):
        with pytest.raises(ValidationError):
            goals.rate_goal(goal.id, bad)
    with pytest.raises(ValidationError) as missing:
        goals.rate_goal("no-such-goal", 5)
    assert missing.value.message() == "That goal is no longer in your diary."
    with pytest.raises(ValidationError):
        goals.save_goal(Goal(new_id(), "   "))

    other, _ = goals.save_goal(Goal(new_id(), "Nofio 🏊", status=GoalStatus.PAUSED))
    assert [g.id for g in goals.goals()] == [goal.id, other.id]  # in the order they were added

    reopened = vault.reopen().goals
    assert reopened.goals() == [goal, other]
    assert reopened.get_goal(goal.id).ratings[0].rated_at.utcoffset() == dt.timedelta(hours=1)
    counts = _counts(vault.session)
    assert (counts["goals"], counts["goal_steps"], counts["goal_ratings"]) == (2, 2, 2)


def test_deleting_a_goal_keeps_its_action_plans(vault: Vault) -> None:
    goals = vault.session.goals
    goal, _ = goals.save_goal(Goal(new_id(), "Garddio", steps=(GoalStep(new_id(), "Potiau"),)))
    goals.rate_goal(goal.id, 4)
    plan, _ = goals.save_plan(_plan(MONDAY, "Potio am 10 munud", goal_id=goal.id, ticked=frozenset({MONDAY})))
    assert goals.get_plan(plan.id).goal_id == goal.id

    assert goals.delete_goal(goal.id).goals
    kept = goals.get_plan(plan.id)
    assert kept.goal_id is None
    assert (kept.what, kept.ticked) == ("Potio am 10 munud", {MONDAY})
    assert goals.goals() == []
    with pytest.raises(ValidationError):
        goals.get_goal(goal.id)

    vault.reopen()
    counts = _counts(vault.session)
    assert (counts["goals"], counts["goal_steps"], counts["goal_ratings"]) == (0, 0, 0)
    assert (counts["action_plans"], counts["action_plan_ticks"]) == (1, 1)
    assert vault.session.goals.get_plan(plan.id).goal_id is None


# --- weekly action plans ---------------------------------------------------------------------------------


def test_an_action_plan_with_ticks_and_a_check_back(vault: Vault, clock: FakeClock) -> None:
    goals = vault.session.goals
    goal, _ = goals.save_goal(Goal(new_id(), "Cerdded i'r siop"))
    plan, _ = goals.save_plan(
        _plan(
            goals.this_week(),
            how_much="10 munud",
            when="ar ôl cinio",
            days=frozenset({0, 2, 4}),
            confidence=5,
            goal_id=goal.id,
        )
    )
    assert suggests_smaller(plan.confidence)
    assert goals.plans_this_week() == [plan]

    plan, _ = goals.tick(plan.id, MONDAY)
    with pytest.raises(ValidationError) as future:
        goals.tick(plan.id, MONDAY + dt.timedelta(days=2))
    assert future.value.message() == "That day hasn't happened yet. Tick it off on the day."
    assert goals.get_plan(plan.id).ticked == {MONDAY}  # the refused tick left nothing behind
    assert goals.completion(plan) == Completion(1, 1, 0)  # only Monday is planned so far

    clock.advance(days=1)  # Tuesday, not planned: an extra
    plan, _ = goals.tick(plan.id, clock.now().date())
    clock.advance(days=1)  # Wednesday
    plan, _ = goals.tick(plan.id, clock.now().date())
    plan, _ = goals.tick(plan.id, MONDAY, done=False)
    assert plan.ticked == {MONDAY + dt.timedelta(days=1), MONDAY + dt.timedelta(days=2)}
    assert goals.completion(plan) == Completion(planned=2, ticked=1, extra=1)
    assert goals.plans_to_check_back() == []  # this week's plan is not due a check-back yet

    clock.advance(days=5)  # next Monday
    assert goals.plans_this_week() == []
    assert goals.completion(plan) == Completion(planned=3, ticked=1, extra=1)
    assert goals.completion_between(MONDAY, clock.now().date()) == Completion(3, 1, 1)
    assert [p.id for p in goals.plans_to_check_back()] == [plan.id]

    plan, _ = goals.check_back(plan.id, CheckBackOutcome.PARTLY, " Glaw 🌧 ", "Cerdded am 5 munud")
    assert plan.check_back is not None
    assert (plan.check_back.outcome, plan.check_back.got_in_the_way, plan.check_back.next_step) == (
        CheckBackOutcome.PARTLY,
        "Glaw 🌧",
        "Cerdded am 5 munud",
    )
    assert goals.plans_to_check_back() == []

    reopened = vault.reopen().goals
    stored = reopened.get_plan(plan.id)
    assert stored == plan
    assert (stored.how_much, stored.when, stored.days, stored.confidence, stored.goal_id) == (
        "10 munud",
        "ar ôl cinio",
        {0, 2, 4},
        5,
        goal.id,
    )
    assert stored.check_back is not None and stored.check_back.done_at == clock.now()
    assert reopened.plans_to_check_back() == []


def test_plans_to_check_back_lists_earlier_unchecked_weeks_newest_first(vault: Vault, clock: FakeClock) -> None:
    goals = vault.session.goals
    week = dt.timedelta(days=7)
    two_weeks_ago, _ = goals.save_plan(_plan(MONDAY - 2 * week, "Nofio"))
    last_week, _ = goals.save_plan(_plan(MONDAY - week, "Cerdded"))
    checked, _ = goals.save_plan(_plan(MONDAY - week, "Ymestyn"))
    goals.check_back(checked.id, CheckBackOutcome.DONE)
    this_week, _ = goals.save_plan(_plan(MONDAY, "Darllen"))

    assert [p.id for p in goals.plans_to_check_back()] == [last_week.id, two_weeks_ago.id]
    assert [p.id for p in goals.plans_this_week()] == [this_week.id]
    clock.advance(days=6)  # Sunday: still this week
    assert [p.id for p in goals.plans_to_check_back()] == [last_week.id, two_weeks_ago.id]
    clock.advance(days=1)  # the next Monday: this week's plan is now last week's
    assert [p.id for p in goals.plans_to_check_back()] == [this_week.id, last_week.id, two_weeks_ago.id]

    goals.delete_plan(last_week.id)
    assert [p.id for p in vault.reopen().goals.plans_to_check_back()] == [this_week.id, two_weeks_ago.id]
    assert _counts(vault.session)["action_plans"] == 3


def test_an_invalid_plan_is_refused_and_nothing_is_stored(vault: Vault) -> None:
    goals = vault.session.goals
    for bad in (
        _plan(MONDAY + dt.timedelta(days=1)),  # not a Monday
        _plan(MONDAY, "   "),
        _plan(MONDAY, days=frozenset()),
        _plan(MONDAY, confidence=11),
    ):
        with pytest.raises(ValidationError):
            goals.save_plan(bad)
    assert goals.plans() == []
    assert _counts(vault.session)["action_plans"] == 0


# --- medicines -------------------------------------------------------------------------------------------


def test_a_regular_medicine_with_start_and_stop_dates(vault: Vault, clock: FakeClock) -> None:
    medicines = vault.session.medicines
    started, stopped = MONDAY - dt.timedelta(days=30), MONDAY + dt.timedelta(days=3)
    naproxen, changed = medicines.save(
        Medicine(
            medicines.new_id(),
            " Naproxen  250 mg ",
            purpose="Poen cefn ŵ",
            dose="1 dabled ddwywaith y dydd",
            started_on=started,
            stopped_on=stopped,
            prescriber="Dr Ŵyn",
            notes="Gyda bwyd 🍞",
        )
    )
    assert changed == Changes(medicines=True)
    assert naproxen.name == "Naproxen 250 mg"
    assert medicines.get(naproxen.id) == naproxen
    assert medicines.current() == [naproxen]

    medicines.rate(naproxen.id, 6, "Pendro ysgafn 😵")
    clock.advance(days=1)
    naproxen, _ = medicines.rate(naproxen.id, None, "Dim")
    assert [(r.helpfulness, r.side_effects) for r in naproxen.ratings] == [(6, "Pendro ysgafn 😵"), (None, "Dim")]
    with pytest.raises(ValidationError):
        medicines.rate(naproxen.id, None, "   ")  # nothing to record
    with pytest.raises(ValidationError):
        medicines.rate(naproxen.id, 11)
    with pytest.raises(ValidationError):
        medicines.save(
            Medicine(medicines.new_id(), "Stopped first", started_on=started, stopped_on=started - dt.timedelta(days=1))
        )

    clock.advance(days=2)  # the stop day: still taking it
    assert medicines.current() == [naproxen]
    clock.advance(days=1)
    assert medicines.current() == []
    assert medicines.medicines() == [naproxen]

    stored = vault.reopen().medicines.get(naproxen.id)
    assert stored == naproxen
    assert (stored.started_on, stored.stopped_on, stored.kind) == (started, stopped, MedicineKind.REGULAR)
    assert stored.ratings[0].rated_at == MONDAY_9AM and stored.ratings[0].rated_at.utcoffset() == dt.timedelta(hours=1)


def test_as_needed_doses_are_logged_and_deleted(vault: Vault, clock: FakeClock) -> None:
    medicines = vault.session.medicines
    paracetamol, _ = medicines.save(
        Medicine(medicines.new_id(), "Paracetamol", kind=MedicineKind.AS_NEEDED, dose="2 dabled, hyd at 4 gwaith")
    )
    clock.advance(minutes=1)
    regular, _ = medicines.save(Medicine(medicines.new_id(), "amitriptyline", dose="10 mg"))
    assert medicines.as_needed() == [paracetamol]
    assert medicines.names() == ["amitriptyline", "Paracetamol"]  # the person's own list, A to Z

    first, changed = medicines.log_dose(paracetamol.id)
    assert changed.medicines and first.taken_at == clock.now()
    clock.advance(hours=5)
    second, _ = medicines.log_dose(paracetamol.id, " ar ôl garddio 🌱 ")
    assert second.note == "ar ôl garddio 🌱"
    with pytest.raises(ValidationError) as caught:
        medicines.log_dose(regular.id)
    assert caught.value.message() == "Doses are logged for medicines taken as needed."
    clock.advance(days=1)
    third, _ = medicines.log_dose(paracetamol.id)

    assert medicines.doses_on(MONDAY) == [first, second]
    assert medicines.doses_between(MONDAY, clock.now().date()) == [first, second, third]
    medicines.delete_dose(second.id)
    assert medicines.doses_on(MONDAY) == [first]

    reopened = vault.reopen().medicines
    assert reopened.doses_between(MONDAY, clock.now().date()) == [first, third]
    assert reopened.doses_on(MONDAY)[0].taken_at.utcoffset() == dt.timedelta(hours=1)
    assert _counts(vault.session)["medicine_doses"] == 2

    reopened.delete(paracetamol.id)  # deleting the medicine takes its doses with it
    assert reopened.doses_between(MONDAY, clock.now().date()) == []
    assert [m.name for m in reopened.medicines()] == ["amitriptyline"]
    assert _counts(vault.session)["medicine_doses"] == 0


def test_reviews_due_and_mark_reviewed(vault: Vault, clock: FakeClock) -> None:
    medicines = vault.session.medicines
    year_ago = MONDAY.replace(year=MONDAY.year - 1)
    opioid, _ = medicines.save(
        Medicine(medicines.new_id(), "Codeine", started_on=year_ago, review_group=ReviewGroup.OPIOID)
    )
    clock.advance(minutes=1)
    gabapentin, _ = medicines.save(
        Medicine(
            medicines.new_id(),
            "Gabapentin",
            started_on=year_ago + dt.timedelta(days=1),  # due tomorrow
            review_group=ReviewGroup.GABAPENTINOID,
        )
    )
    clock.advance(minutes=1)
    ordinary, _ = medicines.save(Medicine(medicines.new_id(), "Naproxen", started_on=dt.date(2015, 1, 1)))
    clock.advance(minutes=1)
    set_date, _ = medicines.save(Medicine(medicines.new_id(), "Duloxetine", next_review=MONDAY))
    assert [m.id for m in medicines.reviews_due()] == [opioid.id, set_date.id]

    opioid, changed = medicines.mark_reviewed(opioid.id)
    assert changed.medicines and opioid.last_reviewed == MONDAY
    set_date, _ = medicines.mark_reviewed(set_date.id)
    assert (set_date.last_reviewed, set_date.next_review) == (MONDAY, None)  # a date reached is cleared
    assert medicines.reviews_due() == []

    later = MONDAY + dt.timedelta(days=90)
    gabapentin, _ = medicines.save(
        Medicine(
            gabapentin.id,
            gabapentin.name,
            started_on=gabapentin.started_on,
            review_group=ReviewGroup.GABAPENTINOID,
            next_review=later,
        )
    )
    gabapentin, _ = medicines.mark_reviewed(gabapentin.id)
    assert gabapentin.next_review == later  # a date still to come is kept

    clock.advance(days=1)
    reopened = vault.reopen().medicines
    assert reopened.reviews_due() == []
    clock.advance(days=89)
    assert [m.id for m in reopened.reviews_due()] == [gabapentin.id]
    clock.set(MONDAY_9AM.replace(year=MONDAY.year + 1))  # a year after the opioid's review
    assert {m.id for m in reopened.reviews_due()} == {opioid.id, gabapentin.id}
    assert ordinary.id not in {m.id for m in reopened.reviews_due()}
    with pytest.raises(ValidationError) as missing:
        reopened.mark_reviewed("no-such-medicine")
    assert missing.value.message() == "That medicine is no longer in your diary."


def test_what_ive_tried_and_own_support_entries(vault: Vault, clock: FakeClock) -> None:
    medicines, support = vault.session.medicines, vault.session.support
    tens, _ = medicines.save_tried(
        Tried(medicines.new_id(), " Peiriant  TENS ", dt.date(2025, 5, 1), dt.date(2025, 8, 1), 4, "Ychydig o help 🙂")
    )
    clock.advance(minutes=1)
    heat, _ = medicines.save_tried(Tried(medicines.new_id(), "Gwres 🔥", helpfulness=7))
    assert tens.name == "Peiriant TENS"
    assert medicines.tried() == [tens, heat]
    with pytest.raises(ValidationError):
        medicines.save_tried(Tried(medicines.new_id(), "Ffisiotherapi", dt.date(2025, 5, 1), dt.date(2025, 4, 1)))

    group, changed = support.save_own(support.new_own(" Grŵp cerdded Llanelli 🚶 ", "Bob dydd Iau", "01554 000000"))
    assert changed.settings and group.name == "Grŵp cerdded Llanelli 🚶"
    clock.advance(minutes=1)
    other, _ = support.save_own(support.new_own("Caffi trwsio", website="example.org"))
    assert support.own() == [group, other]
    assert support.own("grwp") == [group]  # accents and case do not matter when searching
    with pytest.raises(ValidationError):
        support.save_own(support.new_own("   "))

    vault.reopen()
    medicines, support = vault.session.medicines, vault.session.support
    assert medicines.tried() == [tens, heat]
    assert support.own() == [group, other]
    medicines.delete_tried(heat.id)
    support.delete_own(other.id)
    vault.reopen()
    assert vault.session.medicines.tried() == [tens]
    assert vault.session.support.own() == [group]


# --- everything at once: close and reopen, export and import ---------------------------------------------


def _fill(session: DiarySession, clock: FakeClock) -> None:
    goals, medicines, support = session.goals, session.medicines, session.support
    goals.save_what_matters("Gweld fy wyrion 👵", "Cysgu'n dda")
    clock.advance(days=1)
    goals.save_what_matters("Gweld fy wyrion a'r ardd 🌱", "Cysgu'n dda")
    goal, _ = goals.save_goal(
        Goal(new_id(), "Cerdded i'r siop ŵ", steps=(GoalStep(new_id(), "I'r giât"), GoalStep(new_id(), "I'r gornel")))
    )
    goals.set_step_done(goal.id, goal.steps[0].id, True)
    goals.rate_goal(goal.id, 4)
    plan, _ = goals.save_plan(_plan(MONDAY, goal_id=goal.id, days=frozenset({0, 1, 3}), confidence=8))
    goals.tick(plan.id, MONDAY)
    goals.tick(plan.id, MONDAY + dt.timedelta(days=1))
    goals.check_back(plan.id, CheckBackOutcome.DONE, "", "Ychydig ymhellach 🙂")
    regular, _ = medicines.save(
        Medicine(
            medicines.new_id(),
            "Naproxen",
            dose="250 mg",
            started_on=dt.date(2025, 1, 1),
            stopped_on=dt.date(2026, 2, 1),
            review_group=ReviewGroup.NONE,
            next_review=dt.date(2026, 9, 1),
        )
    )
    medicines.rate(regular.id, 5, "Stumog ŵ")
    clock.advance(minutes=1)
    as_needed, _ = medicines.save(
        Medicine(
            medicines.new_id(),
            "Codeine",
            kind=MedicineKind.AS_NEEDED,
            review_group=ReviewGroup.OPIOID,
            started_on=dt.date(2025, 3, 1),
            last_reviewed=dt.date(2025, 9, 1),
        )
    )
    medicines.log_dose(as_needed.id, "Nos wael 😣")
    medicines.save_tried(Tried(medicines.new_id(), "Hydrotherapi 🏊", dt.date(2024, 1, 1), None, 8))
    support.save_own(support.new_own("Grŵp cerdded", "Bob dydd Iau"))


def _snapshot(session: DiarySession) -> dict[str, object]:
    goals, medicines = session.goals, session.medicines
    return {
        "what_matters": goals.what_matters_history(),
        "goals": goals.goals(),
        "plans": goals.plans(),
        "medicines": medicines.medicines(),
        "doses": medicines.doses_between(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
        "tried": medicines.tried(),
        "support": session.support.own(),
    }


def test_everything_survives_close_and_reopen(vault: Vault, clock: FakeClock) -> None:
    _fill(vault.session, clock)
    before = _snapshot(vault.session)
    counts = _counts(vault.session)
    assert all(counts.values()), counts
    vault.reopen()
    assert _snapshot(vault.session) == before
    assert _counts(vault.session) == counts


def test_json_export_and_import_keep_every_new_table(vault: Vault, clock: FakeClock, tmp_path: Path) -> None:
    _fill(vault.session, clock)
    data = transfer.export_json(vault.session)
    tables = json.loads(data)["tables"]
    assert {t: len(tables[t]) for t in NEW_TABLES} == {
        "what_matters": 2,
        "goals": 1,
        "goal_steps": 2,
        "goal_ratings": 1,
        "action_plans": 1,
        "action_plan_ticks": 2,
        "medicines": 2,
        "medicine_ratings": 1,
        "medicine_doses": 1,
        "treatments_tried": 1,
        "support_entries": 1,
    }
    before = _snapshot(vault.session)

    other_path = tmp_path / "other" / "diary.vault"
    other, _key = DiarySession.create(other_path, "ail gyfrinair hir", CHEAP_KDF, clock=clock)
    try:
        report = transfer.import_json(other, data, "merge")
        assert report.accepted >= sum(len(tables[t]) for t in NEW_TABLES)
        assert json.loads(transfer.export_json(other))["tables"] == tables
        assert _snapshot(other) == before
        again = transfer.import_json(other, data, "merge")
        assert again.accepted == 0 and not again.changed
    finally:
        other.close()
    reopened = DiarySession.open(other_path, passphrase="ail gyfrinair hir", clock=clock)
    try:
        assert _snapshot(reopened) == before
        assert reopened.goals.plans()[0].check_back is not None
        assert reopened.medicines.reviews_due() == []
    finally:
        reopened.close()
