"""Pacing through the service on a real vault: kept across close and reopen, exported and imported, and
stepped down after a flare."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from companion.domain import pacing as p
from companion.domain.errors import ValidationError
from companion.domain.pacing_patterns import Thresholds
from companion.services import transfer
from companion.services.pacing import TimerCheckpoint
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF, DIARY_PASSPHRASE
from tests.helpers.clock import FakeClock

PASSPHRASE = DIARY_PASSPHRASE
TZ = dt.timezone(dt.timedelta(hours=1))
MONDAY_9AM = dt.datetime(2026, 3, 2, 9, 0, tzinfo=TZ)
PACING_TABLES = ("pacing_activities", "tolerance_tests", "pacing_plan_changes", "activity_logs")




@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MONDAY_9AM)


def _reopen(session: DiarySession, clock: FakeClock) -> DiarySession:
    path = session.path
    session.close()
    return DiarySession.open(path, passphrase=PASSPHRASE, clock=clock)


def _row_counts(session: DiarySession) -> dict[str, int]:
    with session.store.session() as db:
        return {t: db.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one() for t in PACING_TABLES}


def _with_plan(session: DiarySession, name: str, baseline: float) -> p.Activity:
    activity, _ = session.pacing.add_activity(name)
    activity, _ = session.pacing.accept_baseline(activity.id, p.baseline_own(baseline, activity.unit))
    return activity


# --- the whole journey, kept across close and reopen -----------------------------------------------------


def test_tests_baseline_plan_logs_and_settings_survive_close_and_reopen(
    session: DiarySession, clock: FakeClock
) -> None:
    pacing = session.pacing
    walk, changed = pacing.add_activity("  Walking ", planned_days=frozenset({0, 1, 2, 3, 4}))
    assert changed.pacing and walk.name == "Walking"

    for amount in (12, 10, 14):  # one tolerance test a day, Monday to Wednesday
        pacing.record_test(walk.id, amount, note="until my hip ached")
        clock.advance(days=1)
    clock.advance(days=-1)  # still Wednesday
    tests = pacing.tests(walk.id)
    assert [t.amount for t in tests] == [12, 10, 14]
    assert p.tests_on_distinct_days(tests) == 3
    assert tests[0].taken_at == MONDAY_9AM and tests[0].taken_at.utcoffset() == dt.timedelta(hours=1)

    calc = p.baseline_from_tests(tests, walk.unit)
    assert (calc.mean, calc.value) == (12, 9.5)
    walk, _ = pacing.accept_baseline(walk.id, calc)
    wednesday = clock.now().date()
    assert (walk.baseline, walk.baseline_method) == (9.5, p.BaselineMethod.MEAN)
    assert pacing.target_on(walk.id) == 9.5
    assert pacing.target_on(walk.id, wednesday + dt.timedelta(days=7)) == 10  # 10.45 rounded
    assert [r.amount for r in pacing.schedule(walk.id, weeks=3)] == [9.5, 10, 11]

    _entry, progress, _ = pacing.log(walk.id, 5)
    _entry, progress, _ = pacing.log(walk.id, 3, note="slow")
    assert (progress.target, progress.done, progress.remaining, progress.reached) == (9.5, 8, 1.5, False)
    assert [(r.activity.id, r.done) for r in pacing.today_progress()] == [(walk.id, 8)]

    checkpoint = TimerCheckpoint(walk.id, clock.now().isoformat(), 90.0, 570.0)
    pacing.save_timer_checkpoint(checkpoint)
    assert pacing.timer_checkpoint() == checkpoint
    pacing.log(walk.id, 1.5, p.LogSource.TIMER)  # a finished timer clears its safety copy
    assert pacing.timer_checkpoint() is None
    pacing.save_timer_checkpoint(checkpoint)

    thresholds = Thresholds(boom_ratio=1.8, over_plan=0.5, bust_ratio=0.4, pain_rise=1.5, bust_within_days=2)
    pacing.save_thresholds(thresholds)
    with pytest.raises(ValidationError):
        pacing.save_thresholds(Thresholds(boom_ratio=9))
    assert pacing.thresholds() == thresholds

    clock.advance(days=1)  # Thursday: a bad day, step down
    pacing.step_down(walk.id)
    assert pacing.is_stepped_down(walk.id)
    assert pacing.target_on(walk.id) == 5.5  # 9.5 x 0.6 = 5.7
    assert [a.id for a in pacing.stepped_down_activities()] == [walk.id]

    session = _reopen(session, clock)
    pacing = session.pacing
    (stored,) = pacing.activities()
    assert stored == walk
    assert [(t.amount, t.note, t.taken_at) for t in pacing.tests(walk.id)] == [
        (t.amount, t.note, t.taken_at) for t in tests
    ]
    kinds = [(c.kind, c.starts_on, c.amount, c.resume_amount) for c in pacing.changes(walk.id)]
    assert kinds == [
        (p.ChangeKind.START, wednesday, 9.5, None),
        (p.ChangeKind.STEP_DOWN, wednesday + dt.timedelta(days=1), 5.5, 9.5),
    ]
    logs = pacing.logs()
    assert [(g.amount, g.source, g.note, g.day) for g in logs] == [
        (5, p.LogSource.MANUAL, "", wednesday),
        (3, p.LogSource.MANUAL, "slow", wednesday),
        (1.5, p.LogSource.TIMER, "", wednesday),
    ]
    assert logs[0].logged_at == clock.now() - dt.timedelta(days=1)
    assert pacing.thresholds() == thresholds
    assert pacing.timer_checkpoint() == checkpoint
    assert pacing.is_stepped_down(walk.id)

    clock.advance(days=7)  # a week on: back up to where the plan was before
    assert pacing.target_on(walk.id) == 6  # 5.5 grew by one step
    pacing.step_up(walk.id)
    assert not pacing.is_stepped_down(walk.id)
    assert pacing.target_on(walk.id) == 9.5
    with pytest.raises(ValidationError, match="nothing to step back up to"):
        pacing.step_up(walk.id)

    session = _reopen(session, clock)
    assert [c.kind for c in session.pacing.changes(walk.id)] == [
        p.ChangeKind.START,
        p.ChangeKind.STEP_DOWN,
        p.ChangeKind.STEP_UP,
    ]
    assert session.pacing.target_on(walk.id) == 9.5
    session.close()


def test_a_change_on_the_same_day_replaces_that_days_change(session: DiarySession, clock: FakeClock) -> None:
    walk = _with_plan(session, "Walking", 10)
    clock.advance(days=7)
    session.pacing.set_target(walk.id, 7.3)
    session.pacing.set_target(walk.id, 8.2)
    changes = session.pacing.changes(walk.id)
    assert [(c.kind, c.amount) for c in changes] == [(p.ChangeKind.START, 10), (p.ChangeKind.MANUAL, 8)]
    session.pacing.accept_baseline(walk.id, p.baseline_own(4, walk.unit))  # a new baseline restarts from today
    assert [(c.kind, c.amount) for c in session.pacing.changes(walk.id)] == [
        (p.ChangeKind.START, 10),
        (p.ChangeKind.START, 4),
    ]


def test_a_corrupt_stored_threshold_or_timer_falls_back_safely(session: DiarySession) -> None:
    with session.store.session() as db:
        db.execute(
            text(
                "INSERT INTO diary_settings (key, value) VALUES ('pacing.thresholds', :t), ('draft.pacing.timer', :c)"
            ),
            {"t": json.dumps({"boom_ratio": 99}), "c": "{not json"},
        )
        db.commit()
    assert session.pacing.thresholds() == Thresholds()
    assert session.pacing.timer_checkpoint() is None


# --- names and deleting ----------------------------------------------------------------------------------


def test_duplicate_activity_names_are_refused(session: DiarySession) -> None:
    walk, _ = session.pacing.add_activity("Walking")
    read, _ = session.pacing.add_activity("Reading", p.Unit.PAGES)
    for name in ("Walking", "walking", "  WALKING  "):
        with pytest.raises(ValidationError, match="already have an activity called") as caught:
            session.pacing.add_activity(name)
        assert caught.value.params == {"name": " ".join(name.split())}
    with pytest.raises(ValidationError, match="already have an activity called"):
        session.pacing.update_activity(p.Activity(read.id, "walking", p.Unit.PAGES))
    renamed, _ = session.pacing.update_activity(p.Activity(walk.id, "WALKING", ceiling=30))  # its own name
    assert [a.name for a in session.pacing.activities()] == ["WALKING", "Reading"]
    assert renamed.ceiling == 30
    with pytest.raises(ValidationError, match="Say what you count"):
        session.pacing.add_activity("Swimming", p.Unit.OWN)
    with pytest.raises(ValidationError, match="at least one day"):
        session.pacing.add_activity("Swimming", planned_days=frozenset())
    assert len(session.pacing.activities()) == 2


def test_deleting_an_activity_removes_its_tests_plan_and_logs(session: DiarySession, clock: FakeClock) -> None:
    walk, _ = session.pacing.add_activity("Walking")
    read, _ = session.pacing.add_activity("Reading", p.Unit.PAGES)
    for _day in range(3):
        session.pacing.record_test(walk.id, 10)
        session.pacing.record_test(read.id, 20)
        clock.advance(days=1)
    for activity in (walk, read):
        session.pacing.accept_baseline(
            activity.id, p.baseline_from_tests(session.pacing.tests(activity.id), activity.unit)
        )
        session.pacing.log(activity.id, 4)
    session.pacing.step_down(walk.id)
    assert _row_counts(session) == {
        "pacing_activities": 2,
        "tolerance_tests": 6,
        "pacing_plan_changes": 2,  # walk's start was replaced by the same day's step-down
        "activity_logs": 2,
    }

    session.pacing.delete_activity(walk.id)
    assert [a.id for a in session.pacing.activities()] == [read.id]
    assert session.pacing.tests(walk.id) == [] and session.pacing.changes(walk.id) == []
    assert {g.activity_id for g in session.pacing.logs()} == {read.id}
    assert _row_counts(session) == {
        "pacing_activities": 1,
        "tolerance_tests": 3,
        "pacing_plan_changes": 1,
        "activity_logs": 1,
    }
    with pytest.raises(ValidationError, match="no longer in your diary"):
        session.pacing.get(walk.id)
    with pytest.raises(ValidationError, match="no longer in your diary"):
        session.pacing.log(walk.id, 1)
    session = _reopen(session, clock)
    assert _row_counts(session)["tolerance_tests"] == 3
    session.close()


# --- export and import -----------------------------------------------------------------------------------


def test_json_export_and_import_keep_the_pacing_tables(session: DiarySession, clock: FakeClock, tmp_path: Path) -> None:
    pacing = session.pacing
    walk, _ = pacing.add_activity("Cerdded ŵ", planned_days=frozenset({0, 2, 4}))
    laps, _ = pacing.add_activity("Nofio 🏊", p.Unit.OWN, own_unit="hydau")
    for amount in (12, 10, 14):
        pacing.record_test(walk.id, amount, note="clun 😣")
        clock.advance(days=1)
    pacing.accept_baseline(walk.id, p.baseline_from_tests(pacing.tests(walk.id), walk.unit))
    pacing.accept_baseline(laps.id, p.baseline_good_bad(6, 2, laps.unit))
    pacing.log(walk.id, 7.5, note="at y siop")
    clock.advance(days=1)
    pacing.log(laps.id, 3, p.LogSource.TIMER)
    pacing.step_down(walk.id, 0.5, flare_id="flare-1")
    pacing.save_thresholds(Thresholds(boom_ratio=2.0))

    data = transfer.export_json(session)
    tables = json.loads(data)["tables"]
    assert {t: len(tables[t]) for t in PACING_TABLES} == {
        "pacing_activities": 2,
        "tolerance_tests": 3,
        "pacing_plan_changes": 3,
        "activity_logs": 2,
    }
    assert {r["starts_on"] for r in tables["pacing_plan_changes"]} >= {clock.now().date().isoformat()}

    other, _key = DiarySession.create(tmp_path / "other" / "diary.vault", "ail gyfrinair hir", CHEAP_KDF, clock=clock)
    try:
        report = transfer.import_json(other, data, "merge")
        assert report.accepted >= 10
        assert json.loads(transfer.export_json(other))["tables"] == tables
        assert other.pacing.activities() == pacing.activities()
        assert other.pacing.tests(walk.id) == pacing.tests(walk.id)
        assert other.pacing.changes(walk.id) == pacing.changes(walk.id)
        assert other.pacing.changes(laps.id) == pacing.changes(laps.id)
        assert other.pacing.logs() == pacing.logs()
        assert other.pacing.thresholds() == Thresholds(boom_ratio=2.0)
        assert other.pacing.is_stepped_down(walk.id) and other.pacing.target_on(walk.id, ignore_days=True) == 5
        again = transfer.import_json(other, data, "merge")
        assert again.accepted == 0 and not again.changed
    finally:
        other.close()
    reopened = DiarySession.open(tmp_path / "other" / "diary.vault", passphrase="ail gyfrinair hir", clock=clock)
    try:
        assert [a.name for a in reopened.pacing.activities()] == ["Cerdded ŵ", "Nofio 🏊"]
        assert reopened.pacing.get(laps.id).own_unit == "hydau"
    finally:
        reopened.close()


# --- after a flare ---------------------------------------------------------------------------------------


def test_a_flare_steps_every_planned_activity_down_once(session: DiarySession, clock: FakeClock) -> None:
    walk = _with_plan(session, "Walking", 10)
    read = _with_plan(session, "Reading", 20)
    unplanned, _ = session.pacing.add_activity("Gardening")
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None  # no flare yet

    clock.advance(days=7)  # a week on: walking 11, reading 22
    flare, _ = session.flares.start()
    assert session.pacing.flare_to_offer(session.flares.episodes()) == flare
    session.pacing.answer_flare(flare.id, 0.6)
    today = clock.now().date()
    for activity, amount, resume in ((walk, 6.5, 11), (read, 13, 22)):
        changes = session.pacing.changes(activity.id)
        assert [(c.kind, c.starts_on, c.amount, c.resume_amount, c.flare_id) for c in changes[1:]] == [
            (p.ChangeKind.STEP_DOWN, today, amount, resume, flare.id)
        ]
    assert session.pacing.changes(unplanned.id) == []
    assert {a.id for a in session.pacing.stepped_down_activities()} == {walk.id, read.id}
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None  # answered

    before = {a.id: session.pacing.changes(a.id) for a in (walk, read)}
    clock.advance(hours=2)
    session.pacing.answer_flare(flare.id, 0.6)  # answering again does not step down twice
    clock.advance(days=1)
    session.pacing.answer_flare(flare.id, 0.3)
    assert {a.id: session.pacing.changes(a.id) for a in (walk, read)} == before

    session = _reopen(session, clock)
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None  # still answered after reopening
    session.close()


def test_not_now_answers_the_flare_without_stepping_down(session: DiarySession, clock: FakeClock) -> None:
    walk = _with_plan(session, "Walking", 10)
    flare, _ = session.flares.start()
    session.pacing.answer_flare(flare.id, None)
    assert [c.kind for c in session.pacing.changes(walk.id)] == [p.ChangeKind.START]
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None

    session.flares.end()
    clock.advance(days=3)
    second, _ = session.flares.start()
    assert second.id != flare.id
    assert session.pacing.flare_to_offer(session.flares.episodes()) == second
    session.pacing.answer_flare(second.id, 0.5)
    assert [(c.kind, c.amount, c.flare_id) for c in session.pacing.changes(walk.id)] == [
        (p.ChangeKind.START, 10, None),
        (p.ChangeKind.STEP_DOWN, 5, second.id),
    ]


def test_no_offer_without_plans_or_for_an_old_flare(session: DiarySession, clock: FakeClock) -> None:
    session.pacing.add_activity("Walking")  # no baseline, so no plan
    flare, _ = session.flares.start()
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None
    session.flares.end()
    _with_plan(session, "Reading", 20)
    clock.advance(days=13)
    assert session.pacing.flare_to_offer(session.flares.episodes()) == session.flares.episodes()[0]
    assert session.flares.episodes()[0].id == flare.id
    clock.advance(days=2)
    assert session.pacing.flare_to_offer(session.flares.episodes()) is None  # ended more than 14 days ago


def test_answering_the_same_flare_after_stepping_up_does_not_step_down_again(
    session: DiarySession, clock: FakeClock
) -> None:
    walk = _with_plan(session, "Walking", 10)
    flare, _ = session.flares.start()
    session.pacing.answer_flare(flare.id, 0.6)
    clock.advance(days=7)
    session.pacing.step_up(walk.id)
    session.pacing.answer_flare(flare.id, 0.6)
    assert not session.pacing.is_stepped_down(walk.id)


# --- boom and bust from the stored diary -----------------------------------------------------------------


def test_boom_bust_report_reads_logs_and_pain_from_the_diary(session: DiarySession, clock: FakeClock) -> None:
    walk, _ = session.pacing.add_activity("Walking")
    for day in range(10):
        amount = {8: 20, 9: 4}.get(day, 10)
        session.pacing.log(walk.id, amount)
        session.diary.record_pain(6 if day == 9 else 3)
        if day < 9:
            clock.advance(days=1)
    boom_day, bust_day = MONDAY_9AM.date() + dt.timedelta(days=8), MONDAY_9AM.date() + dt.timedelta(days=9)

    report = session.pacing.boom_bust(weeks=2)
    assert (report.start, report.end) == (bust_day - dt.timedelta(days=13), bust_day)
    assert len(report.marks) == 14
    by_day = {m.day: m for m in report.marks}
    assert [m.day for m in report.marks if m.boom] == [boom_day]
    assert by_day[boom_day].load == 2.0 and by_day[boom_day].load_median == 1.0
    assert by_day[boom_day].pain_median == 3.0
    bust = by_day[bust_day]
    assert bust.bust and bust.after_boom == boom_day and bust.bust_by_load and bust.bust_by_pain
    assert (report.booms, report.busts) == (1, 1)
    assert (report.counts[0].booms, report.counts[0].busts) == (1, 1)

    session.pacing.save_thresholds(Thresholds(bust_ratio=0.3, pain_rise=4))
    assert session.pacing.boom_bust(weeks=2).busts == 0  # 4 against 10 is not low enough, pain rose by 3
    assert session.pacing.boom_bust(weeks=2, thresholds=Thresholds()).busts == 1


def test_a_tolerance_test_can_be_recorded_for_an_earlier_day_never_a_later_one(
    session: DiarySession, clock: FakeClock
) -> None:
    """The tests are done "on three different days": one done on Saturday can be written down on Monday."""
    walking, _ = session.pacing.add_activity("Walking")
    saturday, sunday = dt.date(2026, 2, 28), dt.date(2026, 3, 1)
    session.pacing.record_test(walking.id, 11, taken_on=saturday)
    session.pacing.record_test(walking.id, 9, taken_on=sunday)
    today, changes = session.pacing.record_test(walking.id, 10, taken_on=MONDAY_9AM.date())
    assert changes.pacing and today.taken_at == MONDAY_9AM  # today's test keeps the moment it was recorded
    with pytest.raises(ValidationError) as refused:
        session.pacing.record_test(walking.id, 12, taken_on=dt.date(2026, 3, 3))
    assert refused.value.message() == (
        "A tolerance test cannot be on a day still to come. Choose today or an earlier day."
    )
    session = _reopen(session, clock)
    try:
        tests = session.pacing.tests(walking.id)
        # Oldest first, each on the day it was done, at the time of day it was written down.
        assert [(t.taken_at.date(), t.amount) for t in tests] == [(saturday, 11), (sunday, 9), (MONDAY_9AM.date(), 10)]
        recorded = tests[2].taken_at
        assert tests[0].taken_at.astimezone(recorded.tzinfo).time() == recorded.time()
        assert p.tests_on_distinct_days(tests) == 3
        # (11 + 9 + 10) / 3 = 10, 80 % is 8 minutes: the back-dated tests count like any other.
        assert p.baseline_from_tests(tests, p.Unit.MINUTES).value == 8.0
    finally:
        session.close()
