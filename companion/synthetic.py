"""A seeded, made-up diary of any length (a month to ten years): the demo diary, benchmarks and tests use it.

Deterministic for a seed and a `today`: the same rows (ids included) every time. Pain follows a weekly
rhythm, the seasons and a slow drift over the years, with flare-ups (higher pain, a busy day before each)
every month or two; several check-ins a day with tags and notes in English, Welsh and emoji; a weekly PEG,
mood screens, two paced activities with tolerance tests, plans, step-downs at flare-ups and daily logs;
goals with steps and ratings, weekly action plans, medicines with ratings and as-needed doses, treatments
tried and the person's own support contacts. Everything is written in one unit of work: one commit, one save.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import replace

from companion.domain import pacing as p
from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating, validate_checkin
from companion.domain.flare import FlareEpisode, Helper, starter_plan
from companion.domain.measures import Instrument, MoodScreen, PegResponse
from companion.domain.support import OwnSupportEntry
from companion.i18n import N_, _
from companion.services.clock import Clock
from companion.services.session import DiarySession
from companion.storage.unit_of_work import UnitOfWork
from companion.synthetic_care import Maker, add_goals_and_medicines
from companion.synthetic_story import add_story

NOTES = (
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
FLARE_NOTE = NOTES[7]
# The person's own words: not translated, whichever language the app is in.
OWN_WORDS = (
    "Noson wael, poen yn y cefn 😣",
    "Diwrnod da — paned â ffrind yn y caffi ☕",
    "Bore stiff; gwell ar ôl cawod gynnes 🚿",
    "Canu yn y côr heno 🎶 blinedig ond hapus",
    "Aros yn y tŷ, y tywydd oer yn brathu 🥶",
    "Ŵyr bach wedi galw draw 🙂 chwarae ar y llawr, talu amdano wedyn",
    "Ymarferion ffisio wedi'u gwneud 💪",
    "Cerdded at y llyn gyda'r ci 🐕 — hanner awr, gorffwys ddwywaith",
    "Slept badly again 😴 but the heat pad helped",
    "Grandchildren visited 🧸 tired but happy",
    "Pain 7 this morning 😖, much better by tea time",
)
DID = (N_("gardening"), N_("walking"), N_("housework"), N_("physio exercises"), N_("seeing friends"))
HELPED = (N_("heat pad"), N_("rest"), N_("warm bath"), N_("relaxation"), N_("gentle stretching"))
WORSE = (N_("lifting"), N_("sitting too long"), N_("cold weather"), N_("poor sleep"))
PLACES = (
    ("b-lower-back", PainType.ACHING),
    ("f-knee-l", PainType.THROBBING),
    ("f-hip-r", PainType.ACHING),
    ("b-neck", PainType.SHOOTING),
    ("f-hand-r", PainType.TINGLING),
)
HOURS = (8, 11, 14, 17, 21)
RECENT_FLARES = ((40, 38), (12, 9))  # days back (first, last): the two the demo diary's story is about
YEAR = 365


def new_id(rng: random.Random) -> str:
    """A version-4 UUID drawn from `rng`, so a seed gives the same ids."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def moment(clock: Clock, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """The wall-clock time on `day` in the diary's zone (the session's clock)."""
    return clock.at(day, dt.time(hour, minute))


def flare_periods(days: int, rng: random.Random) -> list[tuple[int, int]]:
    """Flare-ups as (first, last) days back, newest last: the two recent ones, then one every 4-8 weeks."""
    periods = [(first, last) for first, last in RECENT_FLARES if first < days]
    back = RECENT_FLARES[0][0] + rng.randint(25, 55)
    older: list[tuple[int, int]] = []
    while back + 6 < days:
        length = rng.randint(3, 6)
        older.append((back + length - 1, back))
        back += length + rng.randint(25, 60)
    return [*reversed(older), *periods]


class _Day:
    """What shapes one day's check-ins."""

    def __init__(self, back: int, day: dt.date, flare: bool, boom: bool, flare_start: bool) -> None:
        self.back, self.day, self.flare, self.boom, self.flare_start = back, day, flare, boom, flare_start


def _days(days: int, today: dt.date, flares: list[tuple[int, int]]) -> Iterator[_Day]:
    in_flare = {b for first, last in flares for b in range(last, first + 1)}
    starts = {first for first, _last in flares}
    booms = {first + 1 for first, _last in flares}
    for back in range(days, -1, -1):
        yield _Day(back, today - dt.timedelta(days=back), back in in_flare, back in booms, back in starts)


def base_pain(d: _Day, rng: random.Random, gardening: bool) -> float:
    """The day's underlying pain: seasons (worse in January), a slow drift over years, a weekly rhythm."""
    if d.flare:
        return 7 + rng.choice((0, 0, 0.5))
    season = 0.6 * math.cos(2 * math.pi * (d.day.timetuple().tm_yday - 15) / YEAR)
    drift = 0.8 * math.sin(2 * math.pi * d.back / (3.3 * YEAR))
    weekly = {0: 0.4, 5: -0.3, 6: -0.4}.get(d.day.weekday(), 0.0)
    busy = 2.5 if d.boom else 1.5 if gardening else 0.0
    return 4.0 + season + drift + weekly + busy + rng.gauss(0, 0.5)


def make_checkins(
    clock: Clock,
    days: int,
    today: dt.date,
    now: dt.datetime,
    rng: random.Random,
    *,
    flares: list[tuple[int, int]],
    own_words: float,
) -> list[Checkin]:
    """Several check-ins a day, never in the future, validated as the app validates them."""
    made: list[Checkin] = []
    for d in _days(days, today, flares):
        summer = 4 <= d.day.month <= 9
        gardening = d.boom or d.flare_start or rng.random() < (0.3 if summer else 0.12)
        base = base_pain(d, rng, gardening)
        count = rng.choices((1, 2, 3, 4), weights=(25, 35, 30, 10))[0]
        for number, hour in enumerate(sorted(rng.sample(HOURS, count))):
            when = moment(clock, d.day, hour, rng.randrange(0, 60))
            if when > now:
                continue
            pain = max(0, min(10, round(base + rng.choice((-1, 0, 0, 1)))))
            if d.boom or (d.flare_start and number == 0):
                pain = max(pain, 7)
            tags: list[TagRating] = []
            if gardening and number == 0:
                tags.append(TagRating(TagKind.DID, _(DID[0]), rng.randint(1, 4)))
            elif rng.random() < 0.4:
                tags.append(TagRating(TagKind.DID, _(rng.choice(DID[1:])), rng.randint(0, 4)))
            if rng.random() < 0.5:
                tags.append(TagRating(TagKind.HELPED, _(rng.choice(HELPED)), rng.randint(1, 4)))
            if d.flare or rng.random() < 0.25:
                tags.append(TagRating(TagKind.WORSE, _(rng.choice(WORSE)), rng.randint(1, 4)))
            places = rng.sample(PLACES, rng.choice((0, 1, 1, 2)))
            morning = number == 0
            note = ""
            if d.flare_start and morning:
                note = _(FLARE_NOTE)
            elif rng.random() < 0.4:
                note = rng.choice(OWN_WORDS) if rng.random() < own_words else _(rng.choice(NOTES))
            given = CheckinInput(
                recorded_at=when,
                pain=pain,
                regions=tuple(RegionPain(code, max(0, pain + rng.choice((-2, -1, 0))), kind) for code, kind in places),
                sleep_quality=max(0, min(10, 8 - pain // 2 + rng.choice((-1, 0, 1)))) if morning else None,
                sleep_hours=rng.choice((5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0)) if morning else None,
                mood=max(0, min(10, 9 - pain + rng.choice((-1, 0, 1)))) if rng.random() < 0.6 else None,
                fatigue=max(0, min(10, pain + rng.choice((-1, 0, 1)))) if rng.random() < 0.6 else None,
                tags=tuple(tags),
                note=note,
            )
            made.append(Checkin.from_input(new_id(rng), validate_checkin(given, now)))
    return made


def generate(
    session: DiarySession,
    *,
    days: int,
    seed: int,
    today: dt.date | None = None,
    own_words: float = 0.25,
) -> None:
    """Fill `session`'s (empty) diary with `days` days up to `today`, in one commit and one save.

    `own_words` is the share of notes written in the person's own words (Welsh, English and emoji, never
    translated); the rest are the app's sample sentences in the current language."""
    if days < 1:
        raise ValueError("days must be at least 1")
    rng = random.Random(seed)
    clock = session.clock
    now = clock.now()
    today = today or now.date()
    now = min(now, moment(clock, today, 23, 59))
    flares = flare_periods(days, rng)
    checkins = make_checkins(clock, days, today, now, rng, flares=flares, own_words=own_words)
    now_utc = now.astimezone(dt.UTC)
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        with uow.session.no_autoflush:  # the tag look-ups flush by themselves; no flush per row
            for checkin in checkins:
                uow.checkins.add(checkin, now_utc)
        uow.session.flush()
        maker = Maker(uow, clock, days, today, rng, new_id)
        _add_flares(maker, flares)
        _add_measures(maker, checkins)
        _add_pacing(maker, flares)
        add_goals_and_medicines(maker)
        add_story(maker)
        _add_support(maker)
        uow.commit()
    session.flush()  # durable before the caller is told the diary is ready (background saves or not)


def _add_flares(m: Maker, flares: list[tuple[int, int]]) -> None:
    """A saved flare plan with a helper, and every flare-up ended and reviewed."""
    uow, clock, today, rng = m.uow, m.clock, m.today, m.rng
    plan = starter_plan(_, today)
    uow.flares.save_plan(
        replace(plan, helpers=(Helper(_("Sam (my partner)"), _("Takes over the school run"), "07700 900123"),))
    )
    for first, last in flares:
        start = moment(clock, today - dt.timedelta(days=first), 9, 30)
        end = moment(clock, today - dt.timedelta(days=last), 18, 0)
        uow.flares.add(
            FlareEpisode(
                new_id(rng),
                start,
                end,
                8 + (rng.random() < 0.3),
                _(WORSE[0]) if rng.random() < 0.6 else rng.choice(OWN_WORDS[4:6]),
                _(HELPED[0]),
                _("Ask for help with the shopping"),
                True,
            )
        )


def _add_measures(m: Maker, checkins: list[Checkin]) -> None:
    """A weekly PEG that follows the week's pain (the last one 3 days ago), a mood screen every 4 weeks."""
    uow, clock, days, today, rng = m.uow, m.clock, m.days, m.today, m.rng
    by_day: dict[dt.date, list[int]] = {}
    for c in checkins:
        if c.pain is not None:
            by_day.setdefault(c.recorded_at.date(), []).append(c.pain)
    back = 3
    while back < days:
        day = today - dt.timedelta(days=back)
        week = [s for i in range(7) for s in by_day.get(day - dt.timedelta(days=i), [])]
        pain = round(sum(week) / len(week)) if week else 5
        interfere = max(0, min(10, pain + rng.choice((-1, 0, 0, 1))))
        uow.measures.add_peg(PegResponse(new_id(rng), moment(clock, day, 19, 30), pain, interfere, interfere))
        if back % 28 == 3:
            for instrument in (Instrument.PHQ2, Instrument.GAD2):
                uow.measures.add_screen(
                    MoodScreen(
                        new_id(rng), instrument, moment(clock, day, 19, 45), rng.randint(0, 2), rng.randint(0, 2)
                    )
                )
        back += 7


def _add_pacing(m: Maker, flares: list[tuple[int, int]]) -> None:
    """Walking and reading: tolerance tests, a plan growing each week up to a ceiling, a step-down at each
    flare-up and the step back up six days later, and what was done each day (more on busy days)."""
    uow, clock, days, today, rng = m.uow, m.clock, m.days, m.today, m.rng
    walking = p.Activity(
        new_id(rng), _("Walking"), p.Unit.MINUTES, ceiling=40.0, rest_every_minutes=10, rest_minutes=2,
        baseline=8.0, baseline_method=p.BaselineMethod.MEAN,
    )  # fmt: skip
    reading = p.Activity(
        new_id(rng), _("Reading"), p.Unit.PAGES, planned_days=frozenset({0, 1, 2, 3, 4}),
        increase=p.IncreaseRule(p.IncreaseKind.STEP, 2), ceiling=60.0, baseline=10.0,
        baseline_method=p.BaselineMethod.MEAN,
    )  # fmt: skip
    started = today - dt.timedelta(days=max(days - 4, 1))
    when = moment(clock, started - dt.timedelta(days=3), 10)
    changes: dict[str, list[p.PlanChange]] = {}
    for activity, tests in ((walking, (11.0, 9.0, 10.0)), (reading, (12.0, 14.0, 11.0))):
        uow.pacing.add(activity, when)
        for back, amount in enumerate(tests):
            uow.pacing.add_test(p.ToleranceTest(new_id(rng), activity.id, when + dt.timedelta(days=back), amount))
        start = p.PlanChange(new_id(rng), activity.id, started, activity.baseline or 1.0)
        uow.pacing.add_change(start, when)
        changes[activity.id] = [start]
    walking_changes = changes[walking.id]
    for first, _last in flares:
        down_day, up_day = today - dt.timedelta(days=first), today - dt.timedelta(days=first - 6)
        if down_day <= started or up_day > today:
            continue
        down = p.step_down(walking, walking_changes, down_day, 0.6, new_id=new_id(rng), flare_id=None)
        walking_changes.append(down)
        up = p.step_up(walking, walking_changes, up_day, new_id=new_id(rng))
        walking_changes.append(up)
        for change in (down, up):
            uow.pacing.add_change(change, moment(clock, change.starts_on, 9))
    in_flare = {b for first, last in flares for b in range(last, first + 1)}
    busy = {first + 1 for first, _last in flares} | {27}
    day = started
    while day <= today:
        back = (today - day).days
        for activity in (walking, reading):
            target = p.target_on(activity, changes[activity.id], day)
            if target is None or back == 0 or rng.random() < 0.12:
                continue
            share = 0.4 if back in in_flare else 1.8 if back in busy else rng.choice((0.8, 1.0, 1.0, 1.0, 1.1))
            amount = p.round_amount(target * share, activity.unit)
            at = moment(clock, day, rng.choice((10, 15, 19)))
            source = p.LogSource.TIMER if activity.timed and rng.random() < 0.5 else p.LogSource.MANUAL
            uow.pacing.add_log(p.ActivityLog(new_id(rng), activity.id, day, at, amount, source))
        day += dt.timedelta(days=1)


def _add_support(m: Maker) -> None:
    """The person's own support contacts (one more for each few years of diary)."""
    uow, clock, days, today, rng = m.uow, m.clock, m.days, m.today, m.rng
    entries = [
        OwnSupportEntry(new_id(rng), "Grŵp Cefn Iach Caerfyrddin", "Cyfarfod bob yn ail ddydd Iau ☕", "01267 000000"),
        OwnSupportEntry(new_id(rng), "Pain clinic nurse line", "Weekdays 9-4", "029 2000 0000", "https://example.org"),
    ]
    if days > 3 * YEAR:
        entries.append(
            OwnSupportEntry(new_id(rng), "Côr Merched y Fro 🎶", "Nos Fawrth", "", "https://example.org/cor")
        )
    for entry in entries:
        uow.medicines.save_support_entry(entry, moment(clock, today - dt.timedelta(days=min(days, 30)), 12))
