"""The diary service behind the Diary screen: finding, deleting with undo, editing, and tags, on the fake unit of
work (tests/helpers/fake_uow.py); tests/integration/test_diary_service_store.py keeps it on a real vault."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating
from companion.domain.errors import ValidationError
from companion.services.diary import DiaryFilter, DiaryService
from tests.helpers.clock import FakeClock
from tests.helpers.fake_uow import FakeDiary

DID, HELPED, WORSE = TagKind.DID, TagKind.HELPED, TagKind.WORSE
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def diary() -> DiaryService:
    return DiaryService(FakeDiary().unit_of_work, FakeClock(dt.datetime(2026, 3, 10, 12, 0, tzinfo=LONDON)))


def day_ago(diary: DiaryService, days: int) -> dt.date:
    return diary.today() - dt.timedelta(days=days)


def at(diary: DiaryService, days: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day_ago(diary, days), dt.time(hour, minute), tzinfo=LONDON)


def record(diary: DiaryService, days: int, hour: int = 10, **fields: object) -> Checkin:
    checkin, _changes = diary.record_checkin(CheckinInput(recorded_at=at(diary, days, hour), **fields))  # type: ignore[arg-type]
    return checkin


def found_days(diary: DiaryService, **criteria: object) -> list[dt.date]:
    return [d.day for d in diary.search(DiaryFilter(**criteria))]  # type: ignore[arg-type]


def test_days_come_newest_first_with_entries_oldest_first_and_the_highest_pain(diary: DiaryService) -> None:
    record(diary, 3, 9, pain=4)
    record(diary, 1, 20, pain=2)
    record(diary, 1, 8, pain=6, note="morning")
    record(diary, 2, 12, mood=5)
    days = diary.search(DiaryFilter())
    assert [d.day for d in days] == [day_ago(diary, 1), day_ago(diary, 2), day_ago(diary, 3)]
    newest = days[0]
    assert [e.pain for e in newest.entries] == [6, 2]  # oldest first within the day
    assert newest.highest_pain == 6
    assert days[1].highest_pain is None  # a mood-only check-in has no pain score


def test_search_by_date_range_is_inclusive_at_both_ends(diary: DiaryService) -> None:
    for days in (10, 7, 5, 3, 1):
        record(diary, days, pain=3)
    start, end = day_ago(diary, 7), day_ago(diary, 3)
    assert found_days(diary, start=start, end=end) == [day_ago(diary, d) for d in (3, 5, 7)]
    assert found_days(diary, start=day_ago(diary, 5)) == [day_ago(diary, d) for d in (1, 3, 5)]
    assert found_days(diary, end=day_ago(diary, 7)) == [day_ago(diary, d) for d in (7, 10)]
    # Late in the evening of the last day still counts; early next morning does not.
    record(diary, 3, 23, pain=9)
    record(diary, 2, 0, pain=9)
    assert [e.pain for d in diary.search(DiaryFilter(start=end, end=end)) for e in d.entries] == [3, 9]


def test_search_by_tag_ignores_case_and_kind(diary: DiaryService) -> None:
    record(diary, 4, pain=5, tags=(TagRating(DID, "Gardening", 2),))
    record(diary, 3, pain=5, tags=(TagRating(WORSE, "gardening"),))
    record(diary, 2, pain=5, tags=(TagRating(HELPED, "Rest"),))
    assert found_days(diary, tag="GARDENING") == [day_ago(diary, 3), day_ago(diary, 4)]
    assert found_days(diary, tag="garden") == []  # a tag filter means the whole tag
    assert found_days(diary, tag="rest") == [day_ago(diary, 2)]


def test_search_by_pain_range_leaves_out_check_ins_without_a_pain_score(diary: DiaryService) -> None:
    record(diary, 5, pain=8)
    record(diary, 4, pain=7)
    record(diary, 3, pain=6)
    record(diary, 2, mood=2, note="no pain score today")
    record(diary, 1, pain=10)
    assert found_days(diary, pain_min=7) == [day_ago(diary, d) for d in (1, 4, 5)]
    assert found_days(diary, pain_min=7, pain_max=8) == [day_ago(diary, d) for d in (4, 5)]
    assert found_days(diary, pain_max=6) == [day_ago(diary, 3)]
    assert day_ago(diary, 2) in found_days(diary)  # without a pain filter it is there


def test_text_search_looks_in_notes_and_tag_names_ignoring_case_accents_typed_apart_and_emoji(
    diary: DiaryService,
) -> None:
    record(diary, 5, pain=3, note="Es i i'r ŴYL fwyd gyda Siân 🌻")
    record(diary, 4, pain=3, tags=(TagRating(HELPED, "Bath cynnes"),))
    record(diary, 3, pain=3, note="Nothing special")
    assert found_days(diary, text="ŵyl") == [day_ago(diary, 5)]
    assert found_days(diary, text="sia\u0302n") == [day_ago(diary, 5)]  # â typed as a + combining mark
    assert found_days(diary, text="🌻") == [day_ago(diary, 5)]
    assert found_days(diary, text="CYNNES") == [day_ago(diary, 4)]
    assert found_days(diary, text="  special ") == [day_ago(diary, 3)]
    assert found_days(diary, text="nowhere") == []


def test_filters_combine(diary: DiaryService) -> None:
    record(diary, 6, pain=8, tags=(TagRating(DID, "Gardening"),), note="roses")
    record(diary, 5, pain=4, tags=(TagRating(DID, "Gardening"),), note="roses")
    record(diary, 4, pain=9, note="roses")
    record(diary, 40, pain=9, tags=(TagRating(DID, "gardening"),), note="roses")
    assert found_days(diary, start=day_ago(diary, 30), tag="gardening", pain_min=7, text="ROSES") == [day_ago(diary, 6)]


def test_update_replaces_regions_and_tags(diary: DiaryService) -> None:
    first = record(
        diary,
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
    updated, _changes = diary.update_checkin(first.id, changed)
    again = diary.get(first.id)
    assert again == updated
    assert again is not None
    assert again.regions == (RegionPain("f-hip-r", 6, PainType.SHOOTING),)
    assert again.tags == (TagRating(HELPED, "Rest", 4),)
    assert (again.pain, again.note, again.id) == (6, "after", first.id)
    snapshot, _ = diary.delete_entry(first.id)
    assert snapshot is not None
    with pytest.raises(ValidationError):
        diary.update_checkin(first.id, changed)


def test_rename_a_tag_everywhere(diary: DiaryService) -> None:
    a = record(diary, 3, pain=5, tags=(TagRating(DID, "Garden", 2),))
    b = record(diary, 2, pain=5, tags=(TagRating(HELPED, "garden"),))
    diary.rename_tag("GARDEN", "Gardening")
    assert diary.tags_with_counts() == [("Gardening", 2)]
    assert diary.get(a.id).tags == (TagRating(DID, "Gardening", 2),)  # type: ignore[union-attr]
    assert diary.get(b.id).tags == (TagRating(HELPED, "Gardening"),)  # type: ignore[union-attr]
    assert found_days(diary, tag="gardening") == [day_ago(diary, 2), day_ago(diary, 3)]
    assert found_days(diary, tag="garden") == []
    diary.rename_tag("gardening", "gardening")  # a change of case only is a rename, not a merge
    assert diary.tag_names() == ["gardening"]
    with pytest.raises(ValidationError) as missing:
        diary.rename_tag("no such tag", "x")
    assert "no such tag" in missing.value.message()
    with pytest.raises(ValidationError):
        diary.rename_tag("gardening", "   ")


def test_renaming_onto_an_existing_tag_merges_keeping_history_and_the_higher_rating(diary: DiaryService) -> None:
    both = record(diary, 3, pain=5, tags=(TagRating(HELPED, "Heat", 1), TagRating(HELPED, "Heat pad", 3)))
    old = record(diary, 2, pain=5, tags=(TagRating(HELPED, "heat", 4), TagRating(WORSE, "Heat")))
    other = record(diary, 1, pain=5, tags=(TagRating(HELPED, "Heat pad", None),))
    diary.rename_tag("heat", "HEAT PAD")  # another tag's name, typed in another case
    assert diary.tags_with_counts() == [("Heat pad", 3)]
    assert diary.get(both.id).tags == (TagRating(HELPED, "Heat pad", 3),)  # type: ignore[union-attr]
    assert set(diary.get(old.id).tags) == {  # type: ignore[union-attr]
        TagRating(HELPED, "Heat pad", 4),
        TagRating(WORSE, "Heat pad", None),
    }
    assert diary.get(other.id).tags == (TagRating(HELPED, "Heat pad", None),)  # type: ignore[union-attr]


def test_merge_tags_keeps_the_higher_rating_and_the_target_name(diary: DiaryService) -> None:
    one = record(diary, 2, pain=5, tags=(TagRating(DID, "Walk", 4), TagRating(DID, "Walking", 2)))
    two = record(diary, 1, pain=5, tags=(TagRating(DID, "walk", None),))
    diary.merge_tags("walk", "Walking")
    assert diary.tags_with_counts() == [("Walking", 2)]
    assert diary.get(one.id).tags == (TagRating(DID, "Walking", 4),)  # type: ignore[union-attr]
    assert diary.get(two.id).tags == (TagRating(DID, "Walking", None),)  # type: ignore[union-attr]
    diary.merge_tags("walking", "WALKING")  # the same tag: nothing happens
    assert diary.tag_names() == ["Walking"]
    with pytest.raises(ValidationError):
        diary.merge_tags("Walking", "nowhere")


def test_tags_differing_only_by_case_are_one_tag(diary: DiaryService) -> None:
    record(diary, 3, pain=5, tags=(TagRating(DID, "Swimming"),))
    record(diary, 2, pain=5, tags=(TagRating(DID, "SWIMMING"),))
    record(diary, 1, pain=5, tags=(TagRating(DID, "swimming"), TagRating(HELPED, "swimming")))
    assert diary.tags_with_counts() == [("Swimming", 3)]
    assert diary.tag_names() == ["Swimming"]
