"""Flare episodes through the service on the fake unit of work; statistics on hand-made episodes. (The plan's
round trip through a real vault is in tests/integration/test_flare_store.py.)"""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.errors import ValidationError
from companion.domain.flare import FlareEpisode, flare_stats
from companion.services.diary import DiaryService
from companion.services.flares import FlareService
from tests.helpers.clock import FakeClock, local
from tests.helpers.fake_uow import FakeDiary

UTC = dt.UTC


def _at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=UTC)


def test_stats_count_mean_length_and_days_per_month() -> None:
    episodes = [
        FlareEpisode("a", _at(1), _at(3)),  # 2 days long, touches 1,2,3 March
        FlareEpisode("b", _at(30, 12), dt.datetime(2026, 4, 2, 12, tzinfo=UTC)),  # 3 days, 30 Mar to 2 Apr
    ]
    stats = flare_stats(episodes, now=_at(31))
    assert stats.count == 2
    assert stats.mean_length_days == 2.5
    assert stats.days_in_flare_by_month == {(2026, 3): 5, (2026, 4): 2}


def test_an_ongoing_flare_counts_days_to_now_but_not_in_the_mean() -> None:
    stats = flare_stats([FlareEpisode("a", _at(10))], now=_at(12, 18))
    assert stats.count == 1 and stats.mean_length_days is None
    assert stats.days_in_flare_by_month == {(2026, 3): 3}


def test_no_flares_no_numbers() -> None:
    stats = flare_stats([], now=_at(1))
    assert (stats.count, stats.mean_length_days, stats.days_in_flare_by_month) == (0, None, {})


def test_start_log_pain_end_and_review() -> None:
    clock = FakeClock(local(2026, 11, 20, 8))
    fake = FakeDiary()
    flares = FlareService(fake.unit_of_work, clock)
    episode, _ = flares.start()
    assert flares.start()[0].id == episode.id  # one step, never doubled
    flares.note_pain(6)
    clock.advance(hours=5)
    flares.note_pain(8)
    flares.note_pain(4)
    clock.advance(days=2)
    ended, _ = flares.end()
    assert ended.peak_pain == 8 and ended.ended_at == clock.now()
    assert flares.current() is None
    with pytest.raises(ValidationError):
        flares.end()
    reviewed, _ = flares.review(ended.id, "Lifting the shopping", "Heat and rest", "Ask for help with shopping")
    assert reviewed.reviewed and reviewed.triggers == "Lifting the shopping"
    assert len(DiaryService(fake.unit_of_work, clock).all_entries()) == 3  # the pain scores are check-ins too
    stats = flares.stats()
    assert stats.count == 1 and stats.mean_length_days == pytest.approx(2.2, abs=0.05)


def test_undo_end_lets_the_same_flare_go_on_and_is_refused_once_another_has_started() -> None:
    clock = FakeClock(local(2026, 11, 20, 8))
    flares = FlareService(FakeDiary().unit_of_work, clock)
    started, _ = flares.start()
    flares.note_pain(7)
    clock.advance(days=1)
    ended, changes = flares.end()
    assert changes.flares and flares.current() is None
    again, changes = flares.undo_end(ended.id)
    assert changes.flares
    assert again == FlareEpisode(started.id, started.started_at, None, 7)  # as it was: start, peak, no end
    assert flares.current() == again
    assert not flares.undo_end(ended.id)[1]  # already going on: nothing to change
    # Ended again, then a new flare started: the old one cannot go on beside it.
    flares.end()
    clock.advance(days=3)
    newer, _ = flares.start()
    with pytest.raises(ValidationError):
        flares.undo_end(ended.id)
    assert [e.id for e in flares.episodes() if e.ongoing] == [newer.id]
    with pytest.raises(ValidationError):
        flares.undo_end("no-such-flare")
