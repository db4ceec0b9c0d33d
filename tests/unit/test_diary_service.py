"""The diary service behind the Diary screen: finding, deleting with undo, editing, and tags, on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating
from companion.domain.errors import ValidationError
from companion.services.diary import DiaryFilter
from companion.services.session import DiarySession
from tests.conftest import DIARY_PASSPHRASE

PASS = DIARY_PASSPHRASE
DID, HELPED, WORSE = TagKind.DID, TagKind.HELPED, TagKind.WORSE


def day_ago(session: DiarySession, days: int) -> dt.date:
    return session.diary.today() - dt.timedelta(days=days)


def at(session: DiarySession, days: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day_ago(session, days), dt.time(hour, minute)).astimezone()


def record(session: DiarySession, days: int, hour: int = 10, **fields: object) -> Checkin:
    checkin, _changes = session.diary.record_checkin(CheckinInput(recorded_at=at(session, days, hour), **fields))  # type: ignore[arg-type]
    return checkin


def found_days(session: DiarySession, **criteria: object) -> list[dt.date]:
    return [d.day for d in session.diary.search(DiaryFilter(**criteria))]  # type: ignore[arg-type]


def reopen(session: DiarySession) -> DiarySession:
    path = session.path
    session.close()
    return DiarySession.open(path, passphrase=PASS)


def test_days_come_newest_first_with_entries_oldest_first_and_the_highest_pain(session: DiarySession) -> None:
    record(session, 3, 9, pain=4)
    record(session, 1, 20, pain=2)
    record(session, 1, 8, pain=6, note="morning")
    record(session, 2, 12, mood=5)
    days = session.diary.search(DiaryFilter())
    assert [d.day for d in days] == [day_ago(session, 1), day_ago(session, 2), day_ago(session, 3)]
    newest = days[0]
    assert [e.pain for e in newest.entries] == [6, 2]  # oldest first within the day
    assert newest.highest_pain == 6
    assert days[1].highest_pain is None  # a mood-only check-in has no pain score


def test_search_by_date_range_is_inclusive_at_both_ends(session: DiarySession) -> None:
    for days in (10, 7, 5, 3, 1):
        record(session, days, pain=3)
    start, end = day_ago(session, 7), day_ago(session, 3)
    assert found_days(session, start=start, end=end) == [day_ago(session, d) for d in (3, 5, 7)]
    assert found_days(session, start=day_ago(session, 5)) == [day_ago(session, d) for d in (1, 3, 5)]
    assert found_days(session, end=day_ago(session, 7)) == [day_ago(session, d) for d in (7, 10)]
    # Late in the evening of the last day still counts; early next morning does not.
    record(session, 3, 23, pain=9)
    record(session, 2, 0, pain=9)
    assert [e.pain for d in session.diary.search(DiaryFilter(start=end, end=end)) for e in d.entries] == [3, 9]


def test_search_by_tag_ignores_case_and_kind(session: DiarySession) -> None:
    record(session, 4, pain=5, tags=(TagRating(DID, "Gardening", 2),))
    record(session, 3, pain=5, tags=(TagRating(WORSE, "gardening"),))
    record(session, 2, pain=5, tags=(TagRating(HELPED, "Rest"),))
    assert found_days(session, tag="GARDENING") == [day_ago(session, 3), day_ago(session, 4)]
    assert found_days(session, tag="garden") == []  # a tag filter means the whole tag
    assert found_days(session, tag="rest") == [day_ago(session, 2)]


def test_search_by_pain_range_leaves_out_check_ins_without_a_pain_score(session: DiarySession) -> None:
    record(session, 5, pain=8)
    record(session, 4, pain=7)
    record(session, 3, pain=6)
    record(session, 2, mood=2, note="no pain score today")
    record(session, 1, pain=10)
    assert found_days(session, pain_min=7) == [day_ago(session, d) for d in (1, 4, 5)]
    assert found_days(session, pain_min=7, pain_max=8) == [day_ago(session, d) for d in (4, 5)]
    assert found_days(session, pain_max=6) == [day_ago(session, 3)]
    assert day_ago(session, 2) in found_days(session)  # without a pain filter it is there


def test_text_search_looks_in_notes_and_tag_names_ignoring_case_accents_typed_apart_and_emoji(
    session: DiarySession,
) -> None:
    record(session, 5, pain=3, note="Es i i'r ŴYL fwyd gyda Siân 🌻")
    record(session, 4, pain=3, tags=(TagRating(HELPED, "Bath cynnes"),))
    record(session, 3, pain=3, note="Nothing special")
    assert found_days(session, text="ŵyl") == [day_ago(session, 5)]
    assert found_days(session, text="sia\u0302n") == [day_ago(session, 5)]  # â typed as a + combining mark
    assert found_days(session, text="🌻") == [day_ago(session, 5)]
    assert found_days(session, text="CYNNES") == [day_ago(session, 4)]
    assert found_days(session, text="  special ") == [day_ago(session, 3)]
    assert found_days(session, text="nowhere") == []


def test_filters_combine(session: DiarySession) -> None:
    record(session, 6, pain=8, tags=(TagRating(DID, "Gardening"),), note="roses")
    record(session, 5, pain=4, tags=(TagRating(DID, "Gardening"),), note="roses")
    record(session, 4, pain=9, note="roses")
    record(session, 40, pain=9, tags=(TagRating(DID, "gardening"),), note="roses")
    assert found_days(session, start=day_ago(session, 30), tag="gardening", pain_min=7, text="ROSES") == [
        day_ago(session, 6)
    ]


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


def test_update_replaces_regions_and_tags(session: DiarySession) -> None:
    first = record(
        session,
        1,
        pain=5,
        regions=(RegionPain("b-neck", 5, PainType.BURNING),),
        tags=(TagRating(DID, "Walk", 2), TagRating(WORSE, "Cold weather")),
        note="before",
    )
    changed = CheckinInput(
        recorded_at=first.recorded_at,
        pain=6,
        regions=(RegionPain("f-hip-r", 6, PainType.SHOOTING),),
        tags=(TagRating(HELPED, "Rest", 4),),
        note="after",
    )
    updated, _changes = session.diary.update_checkin(first.id, changed)
    again = session.diary.get(first.id)
    assert again == updated
    assert again is not None
    assert again.regions == (RegionPain("f-hip-r", 6, PainType.SHOOTING),)
    assert again.tags == (TagRating(HELPED, "Rest", 4),)
    assert (again.pain, again.note, again.id) == (6, "after", first.id)
    snapshot, _ = session.diary.delete_entry(first.id)
    assert snapshot is not None
    with pytest.raises(ValidationError):
        session.diary.update_checkin(first.id, changed)


def test_rename_a_tag_everywhere(session: DiarySession) -> None:
    a = record(session, 3, pain=5, tags=(TagRating(DID, "Garden", 2),))
    b = record(session, 2, pain=5, tags=(TagRating(HELPED, "garden"),))
    session.diary.rename_tag("GARDEN", "Gardening")
    assert session.diary.tags_with_counts() == [("Gardening", 2)]
    assert session.diary.get(a.id).tags == (TagRating(DID, "Gardening", 2),)  # type: ignore[union-attr]
    assert session.diary.get(b.id).tags == (TagRating(HELPED, "Gardening"),)  # type: ignore[union-attr]
    assert found_days(session, tag="gardening") == [day_ago(session, 2), day_ago(session, 3)]
    assert found_days(session, tag="garden") == []
    session.diary.rename_tag("gardening", "gardening")  # a change of case only is a rename, not a merge
    assert session.diary.tag_names() == ["gardening"]
    with pytest.raises(ValidationError) as missing:
        session.diary.rename_tag("no such tag", "x")
    assert "no such tag" in missing.value.message()
    with pytest.raises(ValidationError):
        session.diary.rename_tag("gardening", "   ")


def test_renaming_onto_an_existing_tag_merges_keeping_history_and_the_higher_rating(session: DiarySession) -> None:
    both = record(session, 3, pain=5, tags=(TagRating(HELPED, "Heat", 1), TagRating(HELPED, "Heat pad", 3)))
    old = record(session, 2, pain=5, tags=(TagRating(HELPED, "heat", 4), TagRating(WORSE, "Heat")))
    other = record(session, 1, pain=5, tags=(TagRating(HELPED, "Heat pad", None),))
    session.diary.rename_tag("heat", "HEAT PAD")  # another tag's name, typed in another case
    assert session.diary.tags_with_counts() == [("Heat pad", 3)]
    assert session.diary.get(both.id).tags == (TagRating(HELPED, "Heat pad", 3),)  # type: ignore[union-attr]
    assert set(session.diary.get(old.id).tags) == {  # type: ignore[union-attr]
        TagRating(HELPED, "Heat pad", 4),
        TagRating(WORSE, "Heat pad", None),
    }
    assert session.diary.get(other.id).tags == (TagRating(HELPED, "Heat pad", None),)  # type: ignore[union-attr]


def test_merge_tags_keeps_the_higher_rating_and_the_target_name(session: DiarySession) -> None:
    one = record(session, 2, pain=5, tags=(TagRating(DID, "Walk", 4), TagRating(DID, "Walking", 2)))
    two = record(session, 1, pain=5, tags=(TagRating(DID, "walk", None),))
    session.diary.merge_tags("walk", "Walking")
    assert session.diary.tags_with_counts() == [("Walking", 2)]
    assert session.diary.get(one.id).tags == (TagRating(DID, "Walking", 4),)  # type: ignore[union-attr]
    assert session.diary.get(two.id).tags == (TagRating(DID, "Walking", None),)  # type: ignore[union-attr]
    session.diary.merge_tags("walking", "WALKING")  # the same tag: nothing happens
    assert session.diary.tag_names() == ["Walking"]
    with pytest.raises(ValidationError):
        session.diary.merge_tags("Walking", "nowhere")


def test_tags_differing_only_by_case_are_one_tag(session: DiarySession) -> None:
    record(session, 3, pain=5, tags=(TagRating(DID, "Swimming"),))
    record(session, 2, pain=5, tags=(TagRating(DID, "SWIMMING"),))
    record(session, 1, pain=5, tags=(TagRating(DID, "swimming"), TagRating(HELPED, "swimming")))
    assert session.diary.tags_with_counts() == [("Swimming", 3)]
    assert session.diary.tag_names() == ["Swimming"]


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
