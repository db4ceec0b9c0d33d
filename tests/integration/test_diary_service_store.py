"""The diary service on a real vault: what is deleted, restored, edited and renamed is kept across closing
and reopening the diary. (The service's logic is tested on the fake unit of work in tests/unit.)"""

from __future__ import annotations

import datetime as dt

from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating
from companion.services.diary import DiaryFilter
from companion.services.session import DiarySession
from tests.conftest import DIARY_PASSPHRASE

DID, HELPED, WORSE = TagKind.DID, TagKind.HELPED, TagKind.WORSE


def day_ago(session: DiarySession, days: int) -> dt.date:
    return session.diary.today() - dt.timedelta(days=days)


def record(session: DiarySession, days: int, hour: int = 10, **fields: object) -> Checkin:
    when = session.clock.at(day_ago(session, days), dt.time(hour))
    checkin, _changes = session.diary.record_checkin(CheckinInput(recorded_at=when, **fields))  # type: ignore[arg-type]
    return checkin


def found_days(session: DiarySession, **criteria: object) -> list[dt.date]:
    return [d.day for d in session.diary.search(DiaryFilter(**criteria))]  # type: ignore[arg-type]


def reopen(session: DiarySession) -> DiarySession:
    path = session.path
    session.close()
    return DiarySession.open(path, passphrase=DIARY_PASSPHRASE)


def test_delete_returns_what_was_deleted_and_restore_brings_back_the_same_entry(session: DiarySession) -> None:
    full = record(
        session,
        2,
        14,
        pain=7,
        regions=(RegionPain("b-lower-back", 8, PainType.ACHING), RegionPain("f-knee-l", None, None)),
        sleep_quality=4,
        sleep_hours=6.5,
        mood=3,
        fatigue=8,
        tags=(TagRating(DID, "Gardening", 3), TagRating(HELPED, "Heat pad", None), TagRating(WORSE, "Lifting", 4)),
        note="Ar ôl garddio 🌱\nsecond line",
    )
    snapshot, changes = session.diary.delete_entry(full.id)
    assert snapshot == full and changes.pain_entries
    assert session.diary.get(full.id) is None
    assert session.diary.search(DiaryFilter()) == []
    assert session.diary.delete_entry(full.id) == (None, type(changes)())  # deleting twice is harmless
    session.diary.restore_entry(snapshot)
    assert session.diary.get(full.id) == full
    session.diary.restore_entry(snapshot)  # restoring twice does not duplicate it
    assert session.diary.entry_count() == 1
    session = reopen(session)
    try:
        assert session.diary.get(full.id) == full
    finally:
        session.close()


def test_everything_survives_close_and_reopen(session: DiarySession) -> None:
    kept = record(session, 5, pain=8, tags=(TagRating(DID, "Gardening", 3),), note="Siân 🌻")
    gone = record(session, 4, pain=2, note="to delete")
    edited = record(session, 3, pain=4, tags=(TagRating(HELPED, "bath"),))
    session.diary.delete_entry(gone.id)
    session.diary.update_checkin(edited.id, CheckinInput(recorded_at=edited.recorded_at, pain=5, note="edited"))
    session.diary.rename_tag("gardening", "Garden")
    session = reopen(session)
    try:
        assert session.diary.get(gone.id) is None
        assert session.diary.get(kept.id).tags == (TagRating(DID, "Garden", 3),)  # type: ignore[union-attr]
        assert session.diary.get(kept.id).note == "Siân 🌻"  # type: ignore[union-attr]
        assert session.diary.get(edited.id).note == "edited"  # type: ignore[union-attr]
        assert session.diary.get(edited.id).tags == ()  # type: ignore[union-attr]
        assert found_days(session, tag="garden", pain_min=7) == [day_ago(session, 5)]
        assert [name for name, count in session.diary.tags_with_counts() if count] == ["Garden"]
    finally:
        session.close()
