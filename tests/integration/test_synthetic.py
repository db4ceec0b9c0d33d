"""The made-up diary generator: the same seed gives the same diary, values stay in range, the notes carry
Welsh letters and emoji, and a longer diary has proportionally more of everything."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from companion.services.session import DiarySession
from companion.synthetic import OWN_WORDS, generate
from tests.conftest import CHEAP_KDF

TODAY = dt.date(2024, 6, 12)


def made(folder: Path, days: int, seed: int = 7, own_words: float = 0.25) -> DiarySession:
    session, _recovery = DiarySession.create(folder / "diary.vault", "pass phrase", CHEAP_KDF)
    generate(session, days=days, seed=seed, today=TODAY, own_words=own_words)
    return session


def snapshot(session: DiarySession) -> dict[str, object]:
    return {
        "entries": session.diary.all_entries(),
        "peg": session.measures.peg_history(),
        "flares": session.flares.episodes(),
        "activities": session.pacing.activities(),
        "goals": session.goals.goals(),
        "plans": session.goals.plans(),
        "medicines": session.medicines.medicines(),
        "tried": session.medicines.tried(),
        "support": session.support.own(),
    }


def test_the_same_seed_gives_the_same_diary_and_another_seed_does_not(tmp_path: Path) -> None:
    first, second, other = (made(tmp_path / name, 40, seed) for name, seed in (("a", 7), ("b", 7), ("c", 8)))
    try:
        assert snapshot(first) == snapshot(second)
        assert snapshot(first)["entries"] != snapshot(other)["entries"]
    finally:
        for session in (first, second, other):
            session.close()


def test_a_month_is_valid_reopens_and_has_welsh_and_emoji(tmp_path: Path) -> None:
    session = made(tmp_path, 31, own_words=0.5)
    try:
        entries = session.diary.all_entries()
        days = {e.recorded_at.date() for e in entries}
        assert len(days) >= 30 and max(days) <= TODAY and min(days) >= TODAY - dt.timedelta(days=31)
        assert len(entries) >= 2 * len(days)  # several check-ins a day on average
        for entry in entries:
            assert entry.pain is not None and 0 <= entry.pain <= 10
            for value in (entry.sleep_quality, entry.mood, entry.fatigue):
                assert value is None or 0 <= value <= 10
            assert all(0 <= tag.rating <= 4 for tag in entry.tags if tag.rating is not None)
        notes = " ".join(e.note for e in entries)
        assert any(letter in notes for letter in "ŵŷâô") and any(mark in notes for mark in "☕🎶😣🙂💪🐕😴🧸😖🥶🚿")
        assert {e.note for e in entries} & set(OWN_WORDS)
        assert any(e.tags for e in entries) and session.flares.episodes() and session.measures.peg_history()
        assert session.pacing.activities() and session.goals.goals() and session.medicines.medicines()
    finally:
        session.close()
    again = DiarySession.open(tmp_path / "diary.vault", passphrase="pass phrase")
    try:
        assert again.diary.entry_count() == len(entries)
    finally:
        again.close()


def test_ten_times_the_days_gives_about_ten_times_the_diary(tmp_path: Path) -> None:
    month, year = made(tmp_path / "month", 20), made(tmp_path / "year", 200)
    try:
        ratio = year.diary.entry_count() / month.diary.entry_count()
        assert 7 < ratio < 13
        assert len(year.flares.episodes()) > len(month.flares.episodes())
        assert len(year.measures.peg_history()) >= 25
        assert len(year.goals.plans()) > len(month.goals.plans())
        high = [e for e in year.diary.all_entries() if e.pain is not None and e.pain >= 7]
        assert high and len(high) < year.diary.entry_count() / 2  # flare-ups stand out from ordinary days
    finally:
        month.close()
        year.close()
