"""The repositories' promises, checked on the real ones (SQLite in a vault) and on the fakes the service tests
use (tests/helpers/fake_uow.py): the same calls, the same answers, so a service test on the fake means what
it says. Everything goes through the protocols of companion.services.ports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from companion.domain.appointments import Appointment
from companion.domain.checkin import Checkin, RegionPain, TagKind, TagRating
from companion.domain.flare import FlareEpisode
from companion.domain.goals import ActionPlan, Goal, GoalRating, GoalStep
from companion.domain.measures import Instrument, MoodScreen, PegResponse
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.domain.medicines import Dose, Medicine, MedicineKind, MedicineRating
from companion.domain.pacing import Activity, ActivityLog, ChangeKind, PlanChange, Unit
from companion.domain.story import StoryItem, StoryKind
from companion.services import ports
from companion.storage.store import DiaryStore
from companion.storage.unit_of_work import UnitOfWork
from tests.conftest import CHEAP_KDF, DIARY_PASSPHRASE
from tests.helpers.fake_uow import FakeDiary

Factory = Callable[[], ports.UnitOfWork]
DID, HELPED = TagKind.DID, TagKind.HELPED
NOW_UTC = dt.datetime(2026, 3, 10, 12, 0)


def at(day: int, hour: int, offset_hours: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=dt.timezone(dt.timedelta(hours=offset_hours)))


@pytest.fixture(params=["real", "fake"])
def uow(request: pytest.FixtureRequest, vault_path: Path) -> Iterator[Factory]:
    if request.param == "fake":
        yield FakeDiary().unit_of_work
        return
    store, _recovery = DiaryStore.create(vault_path, DIARY_PASSPHRASE, CHEAP_KDF)
    yield lambda: UnitOfWork(store)
    store.close()


def add_checkins(uow: Factory, *checkins: Checkin) -> None:
    with uow() as work:
        for checkin in checkins:
            work.checkins.add(checkin, NOW_UTC)
        work.commit()


def test_a_change_counts_only_once_committed(uow: Factory) -> None:
    with uow() as work:
        work.checkins.add(Checkin("dropped", at(1, 9), pain=1), NOW_UTC)
        work.settings.set("key", "dropped")
    with uow() as work:
        work.checkins.add(Checkin("kept", at(1, 9), pain=2), NOW_UTC)
        work.settings.set("key", "kept")
        work.commit()
    with uow() as work:
        assert [c.id for c in work.checkins.all()] == ["kept"] and work.settings.get("key") == "kept"
        work.settings.delete("key")
        work.settings.delete("never set")
        work.commit()
    with uow() as work:
        assert work.settings.get("key", "gone") == "gone"


def test_check_ins_in_order_of_their_instants_whatever_their_offsets(uow: Factory) -> None:
    tokyo = Checkin("tokyo", at(2, 7, 9), pain=3)  # 22:00 UTC on the 1st
    london = Checkin("london", at(1, 23, 0), pain=4)  # 23:00 UTC on the 1st
    same_instant = Checkin("same instant, added later", at(2, 0, 1), pain=5)  # 23:00 UTC on the 1st too
    lisbon = Checkin("lisbon", at(2, 9, 0), pain=6)
    add_checkins(uow, lisbon, london, tokyo)
    add_checkins(uow, same_instant)
    with uow() as work:
        assert [c.id for c in work.checkins.all()] == ["tokyo", "london", "same instant, added later", "lisbon"]
        assert [c.id for c in work.checkins.between(at(1, 23), at(2, 9))] == ["london", "same instant, added later"]
        assert work.checkins.get("tokyo") == tokyo and work.checkins.get("tokyo").recorded_at.utcoffset() == (  # type: ignore[union-attr]
            dt.timedelta(hours=9)
        )
        latest = work.checkins.latest_before(at(2, 8))
        first = work.checkins.first()
        assert latest is not None and latest.id == "same instant, added later"
        assert first is not None and first.id == "tokyo" and work.checkins.count() == 4
        assert work.checkins.replace(Checkin("lisbon", at(2, 9), pain=9, note="edited"), NOW_UTC)
        assert not work.checkins.replace(Checkin("nobody", at(2, 9), pain=9), NOW_UTC)
        assert work.checkins.delete("london") and not work.checkins.delete("nobody")
        work.commit()
    with uow() as work:
        assert [(c.id, c.pain) for c in work.checkins.all()] == [
            ("tokyo", 3),
            ("same instant, added later", 5),
            ("lisbon", 9),
        ]


def test_regions_named_up_to_a_moment_at_or_before_it(uow: Factory) -> None:
    add_checkins(
        uow,
        Checkin("back", at(1, 9), pain=4, regions=(RegionPain("b-lower-back"), RegionPain("f-knee-l"))),
        Checkin("knee again", at(2, 9), pain=4, regions=(RegionPain("f-knee-l"),)),
        Checkin("shoulder, later", at(3, 9), pain=6, regions=(RegionPain("f-shoulder-l"),)),
    )
    with uow() as work:
        assert work.checkins.region_names_until(at(1, 8)) == frozenset()
        assert work.checkins.region_names_until(at(2, 9)) == {"b-lower-back", "f-knee-l"}  # at the moment counts
        assert work.checkins.region_names_until(at(9, 9)) == {"b-lower-back", "f-knee-l", "f-shoulder-l"}


def test_tags_keep_their_first_spelling_and_merge_keeping_the_higher_rating(uow: Factory) -> None:
    add_checkins(
        uow,
        Checkin("a", at(3, 9), pain=5, tags=(TagRating(DID, "Gardening", 2), TagRating(HELPED, "Heat", 1))),
        Checkin("b", at(4, 9), pain=5, tags=(TagRating(DID, "GARDENING"), TagRating(HELPED, "heat pad", 3))),
        Checkin("c", at(5, 9), pain=5, tags=(TagRating(HELPED, "Heat", 4), TagRating(HELPED, "Heat pad"))),
    )
    with uow() as work:
        assert work.checkins.get("b").tags[0].name == "Gardening"  # type: ignore[union-attr]
        assert work.tags.all_with_counts() == [("Gardening", 2), ("Heat", 2), ("heat pad", 2)]  # as first typed
        heat, pad = work.tags.find("HEAT"), work.tags.find("heat PAD")
        assert heat is not None and pad is not None and work.tags.find("nothing") is None
        work.tags.merge(heat, pad)
        garden = work.tags.find("gardening")
        assert garden is not None
        work.tags.rename(garden, "Garden")
        work.commit()
    with uow() as work:
        assert work.tags.all_with_counts() == [("Garden", 2), ("heat pad", 3)]
        assert set(work.checkins.get("a").tags) == {TagRating(DID, "Garden", 2), TagRating(HELPED, "heat pad", 1)}  # type: ignore[union-attr]
        assert work.checkins.get("c").tags == (TagRating(HELPED, "heat pad", 4),)  # type: ignore[union-attr]


def test_doses_by_instant_and_medicines_keep_their_ratings(uow: Factory) -> None:
    medicine = Medicine("m1", "Paracetamol", kind=MedicineKind.AS_NEEDED)
    with uow() as work:
        work.medicines.save(medicine, at(1, 9))
        work.medicines.add_rating("r1", "m1", MedicineRating(at(2, 9), 6, "drowsy"))
        for number, moment in enumerate((at(3, 23, 0), at(4, 7, 9), at(4, 12, 0))):
            work.medicines.add_dose(Dose(f"d{number}", "m1", moment))
        work.medicines.save(Medicine("m1", "Paracetamol 500 mg", kind=MedicineKind.AS_NEEDED), at(5, 9))
        work.commit()
    with uow() as work:
        saved = work.medicines.get("m1")
        assert saved is not None and saved.name == "Paracetamol 500 mg" and len(saved.ratings) == 1
        assert [d.id for d in work.medicines.doses()] == ["d1", "d0", "d2"]  # d1 is 22:00 UTC on the 3rd
        assert [d.id for d in work.medicines.doses(at(3, 23), at(4, 12))] == ["d0"]
        assert work.medicines.delete("m1")
        work.commit()
    with uow() as work:
        assert work.medicines.medicines() == [] and work.medicines.doses() == []


def test_measures_and_flares_in_time_order(uow: Factory) -> None:
    with uow() as work:
        work.measures.add_peg(PegResponse("late", at(8, 9), 5, 5, 5))
        work.measures.add_peg(PegResponse("early", at(1, 9), 3, 3, 3))
        work.flares.add(FlareEpisode("second", at(6, 9)))
        work.flares.add(FlareEpisode("first", at(2, 9), at(3, 9), peak_pain=8))
        assert work.flares.update(FlareEpisode("second", at(6, 9), at(7, 9)))
        assert not work.flares.update(FlareEpisode("none", at(6, 9)))
        work.commit()
    with uow() as work:
        assert [r.id for r in work.measures.peg_history()] == ["early", "late"]
        assert work.measures.latest_peg() == PegResponse("late", at(8, 9), 5, 5, 5)
        assert work.measures.update_peg_answers(PegResponse("late", at(8, 9), 1, 5, 5, "cy"))
        assert not work.measures.update_peg_answers(PegResponse("none", at(8, 9), 1, 5, 5))
        assert work.measures.latest_screen_time() is None
        work.measures.add_screen(MoodScreen("s", Instrument.GAD2, at(4, 9, 1), 1, 1))
        work.commit()
    with uow() as work:
        assert work.measures.latest_peg() == PegResponse("late", at(8, 9), 1, 5, 5, "cy")
        assert work.measures.latest_screen_time() == at(4, 9, 1)
        assert [(e.id, e.ended_at) for e in work.flares.all()] == [("first", at(3, 9)), ("second", at(7, 9))]
        assert work.flares.get("first").peak_pain == 8  # type: ignore[union-attr]


def test_goals_keep_ratings_on_save_and_plans_reach_back_a_week(uow: Factory) -> None:
    goal = Goal("g1", "Walk to the shop", steps=(GoalStep("s1", "to the corner"),))
    with uow() as work:
        work.goals.save_goal(goal, at(1, 9))
        work.goals.add_rating("r2", "g1", GoalRating(at(3, 9), 4))
        work.goals.add_rating("r1", "g1", GoalRating(at(2, 9), 2))
        work.goals.save_goal(Goal("g1", "Walk to the shop and back", steps=()), at(4, 9))
        for plan_id, monday in (("p1", dt.date(2026, 2, 23)), ("p2", dt.date(2026, 3, 2)), ("p3", dt.date(2026, 3, 9))):
            work.goals.save_plan(
                ActionPlan(plan_id, monday, "walk", "10 minutes", "after lunch", goal_id="g1"), at(1, 9)
            )
        assert work.goals.delete_goal("g1") and not work.goals.delete_goal("nobody")
        work.commit()
    with uow() as work:
        assert [p.id for p in work.goals.plans(dt.date(2026, 3, 4), dt.date(2026, 3, 8))] == ["p2"]
        assert [p.id for p in work.goals.plans(dt.date(2026, 3, 1))] == ["p1", "p2", "p3"]
        assert work.goals.get_goal("g1") is None and {p.goal_id for p in work.goals.plans()} == {None}


def test_goal_ratings_in_time_order(uow: Factory) -> None:
    with uow() as work:
        work.goals.save_goal(Goal("g1", "Swim"), at(1, 9))
        work.goals.add_rating("r2", "g1", GoalRating(at(3, 9), 4))
        work.goals.add_rating("r1", "g1", GoalRating(at(2, 9), 2))
        work.goals.save_goal(Goal("g1", "Swim twice a week"), at(4, 9))
        work.commit()
    with uow() as work:
        saved = work.goals.get_goal("g1")
        assert saved is not None and saved.title == "Swim twice a week"
        assert [r.rating for r in saved.ratings] == [2, 4]


def test_pacing_archives_logs_and_deletes_with_everything_of_an_activity(uow: Factory) -> None:
    walking = Activity("a1", "Walking", Unit.MINUTES)
    reading = Activity("a2", "Reading", Unit.PAGES, archived=True)
    with uow() as work:
        work.pacing.add(walking, at(1, 9))
        work.pacing.add(reading, at(1, 10))
        work.pacing.add_change(PlanChange("c1", "a1", dt.date(2026, 3, 2), 10.0, ChangeKind.START), at(1, 9))
        work.pacing.add_change(PlanChange("c2", "a1", dt.date(2026, 3, 9), 12.0), at(8, 9))
        for number, day in enumerate((5, 3, 4)):
            log = ActivityLog(f"l{number}", "a1", dt.date(2026, 3, day), at(day, 18), 10.0)
            work.pacing.add_log(log)
        work.commit()
    with uow() as work:
        assert [a.id for a in work.pacing.activities()] == ["a1"]
        assert [a.id for a in work.pacing.activities(include_archived=True)] == ["a1", "a2"]
        assert [log.id for log in work.pacing.logs(dt.date(2026, 3, 4))] == ["l2", "l0"]
        work.pacing.delete_changes_from("a1", dt.date(2026, 3, 9))
        assert [c.id for c in work.pacing.changes("a1")] == ["c1"]
        removed = work.pacing.delete_log("l1")
        assert removed is not None and removed.day == dt.date(2026, 3, 3)
        assert work.pacing.delete("a1")
        work.commit()
    with uow() as work:
        assert work.pacing.logs() == [] and work.pacing.changes() == [] and work.pacing.get("a1") is None


def test_my_story_keeps_items_in_the_order_added_and_appointments_by_time(uow: Factory) -> None:
    with uow() as work:
        work.story.save_item(StoryItem("i2", StoryKind.DIAGNOSIS, "Fibromyalgia"), at(2, 9))
        work.story.save_item(StoryItem("i1", StoryKind.ONSET, "Back pain began"), at(3, 9))
        work.story.save_appointment(Appointment("late", at(20, 10)), at(1, 9))
        work.story.save_appointment(Appointment("early", at(12, 9, 1)), at(2, 9))
        work.story.save_review_plan(
            ReviewPlan(
                "r1",
                "Codeine",
                steps=(ReviewStep(dt.date(2026, 4, 1), "half"), ReviewStep(dt.date(2026, 3, 15), "three quarters")),
            ),
            at(3, 9),
        )
        work.commit()
    with uow() as work:
        assert [i.id for i in work.story.items()] == ["i2", "i1"]
        assert [a.id for a in work.story.appointments()] == ["early", "late"]
        assert [s.text for s in work.story.review_plans()[0].steps] == ["three quarters", "half"]
        assert work.story.delete_appointment("early") and not work.story.delete_appointment("nobody")
        work.commit()
    with uow() as work:
        assert work.story.get_appointment("early") is None and work.story.get_appointment("late") is not None
