"""PEG and mood screens through the service on a real vault: kept across reopening, in their own offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from companion.domain.errors import ValidationError
from companion.domain.measures import Instrument
from companion.services.session import DiarySession
from tests.conftest import DIARY_PASSPHRASE as PASSPHRASE
from tests.helpers.clock import FakeClock

WALES_SUMMER = dt.timezone(dt.timedelta(hours=1))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 1, 28, 21, 15, tzinfo=WALES_SUMMER))


def test_peg_round_trip_and_due_dates_through_the_vault(
    session: DiarySession, clock: FakeClock, vault_path: Path
) -> None:
    measures = session.measures
    assert not measures.peg_due() and measures.next_peg_due() is None  # a new diary asks nothing yet
    session.diary.record_pain(4)
    assert measures.peg_due() and measures.next_peg_due() == dt.date(2026, 1, 28)  # from the first check-in
    response, changes = measures.record_peg(7, 5, 6)
    assert changes.measures
    assert response.score == 6.0 and response.taken_at == clock.now()
    assert not measures.peg_due()
    assert measures.next_peg_due() == dt.date(2026, 2, 4)
    clock.advance(days=6)
    assert not measures.peg_due()
    clock.advance(days=1)
    assert measures.peg_due()
    second, _ = measures.record_peg(1, 2, 2)
    assert second.score == 1.7
    assert measures.next_peg_due() == dt.date(2026, 2, 11)
    session.close()

    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        history = reopened.measures.peg_history()
        assert [(r.id, r.pain_average, r.enjoyment, r.activity, r.score) for r in history] == [
            (response.id, 7, 5, 6, 6.0),
            (second.id, 1, 2, 2, 1.7),
        ]
        assert history[0].taken_at == response.taken_at
        assert history[0].taken_at.utcoffset() == dt.timedelta(hours=1)
    finally:
        reopened.close()


def test_refused_peg_answers_save_nothing_on_disk(session: DiarySession) -> None:
    with pytest.raises(ValidationError) as refused:
        session.measures.record_peg(5, 11, 5)
    assert "0 to 10" in refused.value.message()
    with pytest.raises(ValidationError):
        session.measures.record_peg(True, 5, 5)
    assert session.measures.peg_history() == []


def test_mood_screens_round_trip_and_are_due_monthly(session: DiarySession, clock: FakeClock, vault_path: Path) -> None:
    measures = session.measures
    session.diary.record_pain(4)
    clock.advance(days=14)  # the mood check comes two weeks after the first check-in
    assert measures.screen_due()
    phq, _ = measures.record_screen(Instrument.PHQ2, 1, 2)
    gad, _ = measures.record_screen(Instrument.GAD2, 0, 1)
    assert phq.suggests_talking_to_gp and not gad.suggests_talking_to_gp
    assert not measures.screen_due()
    clock.advance(days=27)
    assert not measures.screen_due()
    clock.advance(days=1)
    assert measures.screen_due()
    with pytest.raises(ValidationError):
        measures.record_screen(Instrument.GAD2, 4, 0)
    session.close()

    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert [(s.id, s.instrument, s.score) for s in reopened.measures.screens()] == [
            (phq.id, Instrument.PHQ2, 3),
            (gad.id, Instrument.GAD2, 1),
        ]
        assert [s.id for s in reopened.measures.screens(Instrument.GAD2)] == [gad.id]
    finally:
        reopened.close()


def test_a_corrected_peg_and_its_history_are_kept_in_the_vault(
    session: DiarySession, clock: FakeClock, vault_path: Path
) -> None:
    first, _ = session.measures.record_peg(2, 2, 2)
    clock.advance(days=7)
    latest, _ = session.measures.record_peg(7, 5, 6)
    clock.advance(hours=3)
    session.measures.correct_latest_peg(1, 5, 6)
    corrected_at = clock.now()
    session.close()

    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        history = reopened.measures.peg_history()
        assert [(r.id, r.pain_average, r.enjoyment, r.activity) for r in history] == [
            (first.id, 2, 2, 2),  # earlier answers are untouched
            (latest.id, 1, 5, 6),
        ]
        assert history[1].taken_at == latest.taken_at
        (correction,) = reopened.measures.peg_corrections()
        assert (correction.peg_id, correction.before, correction.corrected_at) == (latest.id, (7, 5, 6), corrected_at)
    finally:
        reopened.close()
