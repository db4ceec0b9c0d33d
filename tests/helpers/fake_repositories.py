"""The dict-backed repositories behind tests/helpers/fake_uow.py, one per protocol of companion.services.ports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from companion.domain.appointments import Appointment
from companion.domain.checkin import Checkin, TagRating, fold
from companion.domain.decisions import Decision
from companion.domain.flare import FlareEpisode, FlarePlan
from companion.domain.goals import ActionPlan, Goal, GoalRating, WhatMatters
from companion.domain.measures import MoodScreen, PegResponse
from companion.domain.medicine_review import ReviewPlan
from companion.domain.medicines import Dose, Medicine, MedicineRating, Tried
from companion.domain.pacing import Activity, ActivityLog, PlanChange, ToleranceTest
from companion.domain.story import StoryItem
from companion.domain.support import OwnSupportEntry


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)


@dataclass
class FakeTables:
    """Every row, by id, in insertion order (dicts keep it): the insertion order stands in for created_at."""

    checkins: dict[str, Checkin] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # folded name (the tag's id) -> name as first typed
    settings: dict[str, str] = field(default_factory=dict)
    pegs: dict[str, PegResponse] = field(default_factory=dict)
    screens: dict[str, MoodScreen] = field(default_factory=dict)
    flare_plan: FlarePlan | None = None
    episodes: dict[str, FlareEpisode] = field(default_factory=dict)
    activities: dict[str, Activity] = field(default_factory=dict)
    tests: dict[str, ToleranceTest] = field(default_factory=dict)
    changes: dict[str, PlanChange] = field(default_factory=dict)
    logs: dict[str, ActivityLog] = field(default_factory=dict)
    what_matters: dict[str, WhatMatters] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    plans: dict[str, ActionPlan] = field(default_factory=dict)
    medicines: dict[str, Medicine] = field(default_factory=dict)
    doses: dict[str, Dose] = field(default_factory=dict)
    tried: dict[str, Tried] = field(default_factory=dict)
    support: dict[str, OwnSupportEntry] = field(default_factory=dict)
    story_items: dict[str, StoryItem] = field(default_factory=dict)
    appointments: dict[str, Appointment] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    review_plans: dict[str, ReviewPlan] = field(default_factory=dict)


class FakeCheckins:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def _with_known_tags(self, checkin: Checkin) -> Checkin:
        """A tag typed in another case or with accents typed apart is the same tag: its first spelling."""
        tags = []
        for tag in checkin.tags:
            name = self._t.tags.setdefault(fold(tag.name), tag.name)
            tags.append(TagRating(tag.kind, name, tag.rating))
        return replace(checkin, tags=tuple(tags))

    def add(self, checkin: Checkin, now_utc: dt.datetime) -> None:
        if checkin.id in self._t.checkins:
            raise ValueError(f"duplicate check-in id {checkin.id}")  # the real table's primary key
        self._t.checkins[checkin.id] = self._with_known_tags(checkin)

    def replace(self, checkin: Checkin, now_utc: dt.datetime) -> bool:
        if checkin.id not in self._t.checkins:
            return False
        self._t.checkins[checkin.id] = self._with_known_tags(checkin)
        return True

    def get(self, entry_id: str) -> Checkin | None:
        return self._t.checkins.get(entry_id)

    def delete(self, entry_id: str) -> bool:
        return self._t.checkins.pop(entry_id, None) is not None

    def _ordered(self) -> list[Checkin]:
        return sorted(self._t.checkins.values(), key=lambda c: _utc(c.recorded_at))  # stable: added first

    def between(self, start: dt.datetime, end: dt.datetime) -> list[Checkin]:
        return [c for c in self._ordered() if _utc(start) <= _utc(c.recorded_at) < _utc(end)]

    def latest_before(self, moment: dt.datetime) -> Checkin | None:
        earlier = [c for c in self._ordered() if _utc(c.recorded_at) <= _utc(moment)]
        return earlier[-1] if earlier else None

    def all(self) -> list[Checkin]:
        return self._ordered()

    def count(self) -> int:
        return len(self._t.checkins)

    def first(self) -> Checkin | None:
        ordered = self._ordered()
        return ordered[0] if ordered else None

    def region_names_until(self, moment: dt.datetime) -> frozenset[str]:
        return frozenset(r.region for c in self._ordered() if _utc(c.recorded_at) <= _utc(moment) for r in c.regions)


class FakeTags:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def all_with_counts(self) -> list[tuple[str, int]]:
        counts = dict.fromkeys(self._t.tags, 0)
        for checkin in self._t.checkins.values():
            for folded in {fold(tag.name) for tag in checkin.tags}:
                counts[folded] += 1
        return sorted(((self._t.tags[k], n) for k, n in counts.items()), key=lambda item: fold(item[0]))

    def find(self, name: str) -> str | None:
        return fold(name) if fold(name) in self._t.tags else None

    def _rewrite(self, source_id: str, name: str) -> None:
        for entry_id, checkin in list(self._t.checkins.items()):
            tags: list[TagRating] = []
            for tag in checkin.tags:
                moved = TagRating(tag.kind, name, tag.rating) if fold(tag.name) == source_id else tag
                clash = next((i for i, t in enumerate(tags) if fold(t.name) == fold(name) and t.kind is tag.kind), None)
                if clash is None:
                    tags.append(moved)
                else:  # the same entry had both tags with the same kind: one, with the higher rating
                    ratings = [r for r in (tags[clash].rating, moved.rating) if r is not None]
                    tags[clash] = replace(tags[clash], rating=max(ratings) if ratings else None)
            self._t.checkins[entry_id] = replace(checkin, tags=tuple(tags))

    def rename(self, tag_id: str, new_name: str) -> None:
        if tag_id not in self._t.tags:
            return
        del self._t.tags[tag_id]
        self._t.tags[fold(new_name)] = new_name
        self._rewrite(tag_id, new_name)

    def merge(self, source_id: str, target_id: str) -> None:
        target = self._t.tags[target_id]
        del self._t.tags[source_id]
        self._rewrite(source_id, target)


class FakeSettings:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def get(self, key: str, default: str = "") -> str:
        return self._t.settings.get(key, default)

    def delete(self, key: str) -> None:
        self._t.settings.pop(key, None)

    def set(self, key: str, value: str) -> None:
        self._t.settings[key] = value


class FakeMeasures:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def add_peg(self, response: PegResponse) -> None:
        self._t.pegs[response.id] = response

    def peg_history(self) -> list[PegResponse]:
        return sorted(self._t.pegs.values(), key=lambda r: _utc(r.taken_at))

    def latest_peg(self) -> PegResponse | None:
        history = self.peg_history()
        return history[-1] if history else None

    def update_peg_answers(self, response: PegResponse) -> bool:
        if response.id not in self._t.pegs:
            return False
        self._t.pegs[response.id] = response
        return True

    def add_screen(self, screen: MoodScreen) -> None:
        self._t.screens[screen.id] = screen

    def latest_screen_time(self) -> dt.datetime | None:
        taken = self.screens()
        return taken[-1].taken_at if taken else None

    def screens(self) -> list[MoodScreen]:
        return sorted(self._t.screens.values(), key=lambda s: _utc(s.taken_at))


class FakeFlares:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def plan(self) -> FlarePlan | None:
        return self._t.flare_plan

    def save_plan(self, plan: FlarePlan) -> None:
        self._t.flare_plan = plan

    def add(self, episode: FlareEpisode) -> None:
        self._t.episodes[episode.id] = episode

    def update(self, episode: FlareEpisode) -> bool:
        if episode.id not in self._t.episodes:
            return False
        self._t.episodes[episode.id] = episode
        return True

    def get(self, episode_id: str) -> FlareEpisode | None:
        return self._t.episodes.get(episode_id)

    def all(self) -> list[FlareEpisode]:
        return sorted(self._t.episodes.values(), key=lambda e: _utc(e.started_at))


class FakePacing:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def activities(self, *, include_archived: bool = False) -> list[Activity]:
        return [a for a in self._t.activities.values() if include_archived or not a.archived]

    def get(self, activity_id: str) -> Activity | None:
        return self._t.activities.get(activity_id)

    def add(self, activity: Activity, now: dt.datetime) -> None:
        self._t.activities[activity.id] = activity

    def update(self, activity: Activity) -> bool:
        if activity.id not in self._t.activities:
            return False
        self._t.activities[activity.id] = activity
        return True

    def delete(self, activity_id: str) -> bool:
        if self._t.activities.pop(activity_id, None) is None:
            return False
        for table in (self._t.tests, self._t.changes, self._t.logs):
            for key in [k for k, row in table.items() if row.activity_id == activity_id]:
                del table[key]
        return True

    def add_test(self, test: ToleranceTest) -> None:
        self._t.tests[test.id] = test

    def delete_test(self, test_id: str) -> bool:
        return self._t.tests.pop(test_id, None) is not None

    def tests(self, activity_id: str) -> list[ToleranceTest]:
        found = [t for t in self._t.tests.values() if t.activity_id == activity_id]
        return sorted(found, key=lambda t: _utc(t.taken_at))

    def add_change(self, change: PlanChange, now: dt.datetime) -> None:
        self._t.changes[change.id] = change

    def changes(self, activity_id: str | None = None) -> list[PlanChange]:
        found = [c for c in self._t.changes.values() if activity_id is None or c.activity_id == activity_id]
        return sorted(found, key=lambda c: c.starts_on)

    def delete_changes_from(self, activity_id: str, day: dt.date) -> None:
        for key in [k for k, c in self._t.changes.items() if c.activity_id == activity_id and c.starts_on >= day]:
            del self._t.changes[key]

    def add_log(self, log: ActivityLog) -> None:
        self._t.logs[log.id] = log

    def delete_log(self, log_id: str) -> ActivityLog | None:
        return self._t.logs.pop(log_id, None)

    def logs(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ActivityLog]:
        found = [
            log
            for log in self._t.logs.values()
            if (start is None or log.day >= start) and (end is None or log.day <= end)
        ]
        return sorted(found, key=lambda log: (log.day, _utc(log.logged_at)))


class FakeGoals:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def add_what_matters(self, version: WhatMatters) -> None:
        self._t.what_matters[version.id] = version

    def what_matters_history(self) -> list[WhatMatters]:
        return sorted(self._t.what_matters.values(), key=lambda v: _utc(v.written_at), reverse=True)

    def goals(self) -> list[Goal]:
        return list(self._t.goals.values())

    def get_goal(self, goal_id: str) -> Goal | None:
        return self._t.goals.get(goal_id)

    def save_goal(self, goal: Goal, now: dt.datetime) -> None:
        """Add or replace a goal with its steps; its ratings are kept as they are (added apart)."""
        kept = self._t.goals.get(goal.id)
        self._t.goals[goal.id] = replace(goal, ratings=kept.ratings if kept else ())

    def delete_goal(self, goal_id: str) -> bool:
        if self._t.goals.pop(goal_id, None) is None:
            return False
        for plan_id, plan in list(self._t.plans.items()):
            if plan.goal_id == goal_id:
                self._t.plans[plan_id] = replace(plan, goal_id=None)
        return True

    def add_rating(self, rating_id: str, goal_id: str, rating: GoalRating) -> None:
        goal = self._t.goals[goal_id]
        ratings = sorted((*goal.ratings, rating), key=lambda r: _utc(r.rated_at))
        self._t.goals[goal_id] = replace(goal, ratings=tuple(ratings))

    def plans(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ActionPlan]:
        found = [
            p
            for p in self._t.plans.values()
            if (start is None or p.week_start >= start - dt.timedelta(days=6)) and (end is None or p.week_start <= end)
        ]
        return sorted(found, key=lambda p: p.week_start)

    def get_plan(self, plan_id: str) -> ActionPlan | None:
        return self._t.plans.get(plan_id)

    def save_plan(self, plan: ActionPlan, now: dt.datetime) -> None:
        self._t.plans[plan.id] = plan

    def delete_plan(self, plan_id: str) -> bool:
        return self._t.plans.pop(plan_id, None) is not None


class FakeMedicines:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def medicines(self) -> list[Medicine]:
        return list(self._t.medicines.values())

    def get(self, medicine_id: str) -> Medicine | None:
        return self._t.medicines.get(medicine_id)

    def save(self, medicine: Medicine, now: dt.datetime) -> None:
        kept = self._t.medicines.get(medicine.id)
        self._t.medicines[medicine.id] = replace(medicine, ratings=kept.ratings if kept else ())

    def delete(self, medicine_id: str) -> bool:
        if self._t.medicines.pop(medicine_id, None) is None:
            return False
        for key in [k for k, d in self._t.doses.items() if d.medicine_id == medicine_id]:
            del self._t.doses[key]
        return True

    def add_rating(self, rating_id: str, medicine_id: str, rating: MedicineRating) -> None:
        medicine = self._t.medicines[medicine_id]
        ratings = sorted((*medicine.ratings, rating), key=lambda r: _utc(r.rated_at))
        self._t.medicines[medicine_id] = replace(medicine, ratings=tuple(ratings))

    def add_dose(self, dose: Dose) -> None:
        self._t.doses[dose.id] = dose

    def delete_dose(self, dose_id: str) -> bool:
        return self._t.doses.pop(dose_id, None) is not None

    def doses(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[Dose]:
        found = [
            d
            for d in self._t.doses.values()
            if (start is None or _utc(d.taken_at) >= _utc(start)) and (end is None or _utc(d.taken_at) < _utc(end))
        ]
        return sorted(found, key=lambda d: _utc(d.taken_at))

    def tried(self) -> list[Tried]:
        return list(self._t.tried.values())

    def save_tried(self, item: Tried, now: dt.datetime) -> None:
        self._t.tried[item.id] = item

    def delete_tried(self, item_id: str) -> bool:
        return self._t.tried.pop(item_id, None) is not None

    def support_entries(self) -> list[OwnSupportEntry]:
        return list(self._t.support.values())

    def save_support_entry(self, entry: OwnSupportEntry, now: dt.datetime) -> None:
        self._t.support[entry.id] = entry

    def delete_support_entry(self, entry_id: str) -> bool:
        return self._t.support.pop(entry_id, None) is not None


class FakeStory:
    def __init__(self, t: FakeTables) -> None:
        self._t = t

    def items(self) -> list[StoryItem]:
        return list(self._t.story_items.values())

    def save_item(self, item: StoryItem, now: dt.datetime) -> None:
        self._t.story_items[item.id] = item

    def delete_item(self, item_id: str) -> bool:
        return self._t.story_items.pop(item_id, None) is not None

    def appointments(self) -> list[Appointment]:
        return sorted(self._t.appointments.values(), key=lambda a: _utc(a.when))

    def get_appointment(self, appointment_id: str) -> Appointment | None:
        return self._t.appointments.get(appointment_id)

    def save_appointment(self, appointment: Appointment, now: dt.datetime) -> None:
        self._t.appointments[appointment.id] = appointment

    def delete_appointment(self, appointment_id: str) -> bool:
        return self._t.appointments.pop(appointment_id, None) is not None

    def decisions(self) -> list[Decision]:
        return list(self._t.decisions.values())

    def save_decision(self, decision: Decision, now: dt.datetime) -> None:
        self._t.decisions[decision.id] = decision

    def delete_decision(self, decision_id: str) -> bool:
        return self._t.decisions.pop(decision_id, None) is not None

    def review_plans(self) -> list[ReviewPlan]:
        return list(self._t.review_plans.values())

    def save_review_plan(self, plan: ReviewPlan, now: dt.datetime) -> None:
        self._t.review_plans[plan.id] = replace(plan, steps=tuple(sorted(plan.steps, key=lambda s: s.starts_on)))

    def delete_review_plan(self, plan_id: str) -> bool:
        return self._t.review_plans.pop(plan_id, None) is not None
