"""Any check-in input either saves exactly what was given (cleaned) or raises a translated ValidationError;
never a crash, never a partial row. Runs against a real vault."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from companion import i18n
from companion.domain.body import REGIONS, PainType
from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating, fold
from companion.domain.errors import ValidationError
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

NOW = dt.datetime.now().astimezone()

scores = st.one_of(st.none(), st.integers(0, 10), st.integers(0, 10), st.integers(-3, 13), st.booleans())
names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=70)
inputs = st.builds(
    CheckinInput,
    recorded_at=st.datetimes(
        min_value=dt.datetime(1890, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(NOW.tzinfo)
    ),
    pain=scores,
    regions=st.lists(
        st.builds(
            RegionPain,
            region=st.one_of(
                st.sampled_from([r.code for r in REGIONS]),
                st.sampled_from([r.code for r in REGIONS]),
                st.text(max_size=8),
            ),
            intensity=scores,
            pain_type=st.one_of(st.none(), st.sampled_from(list(PainType))),
        ),
        max_size=5,
    ).map(tuple),
    sleep_quality=scores,
    sleep_hours=st.one_of(
        st.none(), st.floats(min_value=-5, max_value=30), st.sampled_from([float("nan"), float("inf")])
    ),
    mood=scores,
    fatigue=scores,
    tags=st.lists(
        st.builds(
            TagRating, kind=st.sampled_from(list(TagKind)), name=names, rating=st.one_of(st.none(), st.integers(-1, 6))
        ),
        max_size=6,
    ).map(tuple),
    note=st.text(max_size=300),
)


def _row_counts(session: DiarySession) -> tuple[int, int, int, int]:
    with session.store.session() as db:
        return tuple(  # type: ignore[return-value]
            int(db.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)
            for table in ("pain_entries", "entry_regions", "entry_tags", "tags")
        )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_input=inputs)
def test_any_input_saves_exactly_or_is_refused_cleanly(session: DiarySession, given_input: CheckinInput) -> None:
    before = _row_counts(session)
    try:
        saved, _changes = session.diary.record_checkin(given_input)
    except ValidationError as exc:
        assert exc.message()
        i18n.set_language("cy")
        try:
            assert exc.message()
        finally:
            i18n.set_language("en")
        assert _row_counts(session) == before, "a refused check-in left rows behind"
        return
    stored = session.diary.get(saved.id)
    assert stored == saved  # exactly what was accepted comes back
    assert stored.recorded_at == given_input.recorded_at
    assert stored.pain == given_input.pain
    assert stored.mood == given_input.mood and stored.fatigue == given_input.fatigue
    assert stored.sleep_quality == given_input.sleep_quality
    assert stored.note == given_input.note.replace("\x00", "").strip()
    assert {r.region for r in stored.regions} == {r.region for r in given_input.regions}
    assert {(t.kind, fold(t.name.strip())) for t in stored.tags} <= {
        (t.kind, fold(" ".join(t.name.replace("\x00", "").split()))) for t in given_input.tags
    }
    after = _row_counts(session)
    assert after[0] == before[0] + 1


valid_scores = st.one_of(st.none(), st.integers(0, 10))
valid_names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda t: unicodedata.normalize("NFC", t) == t and t == " ".join(t.split()))
valid_inputs = st.builds(
    CheckinInput,
    recorded_at=st.datetimes(
        min_value=dt.datetime(1990, 1, 1),
        max_value=dt.datetime.now() - dt.timedelta(hours=1),
        timezones=st.just(NOW.tzinfo),
    ),
    pain=valid_scores,
    regions=st.lists(
        st.builds(
            RegionPain,
            region=st.sampled_from([r.code for r in REGIONS]),
            intensity=valid_scores,
            pain_type=st.one_of(st.none(), st.sampled_from(list(PainType))),
        ),
        max_size=4,
        unique_by=lambda r: r.region,
    ).map(tuple),
    sleep_quality=valid_scores,
    sleep_hours=st.one_of(st.none(), st.integers(0, 96).map(lambda q: q / 4)),
    mood=valid_scores,
    fatigue=valid_scores,
    tags=st.lists(
        st.builds(
            TagRating,
            kind=st.sampled_from(list(TagKind)),
            name=valid_names,
            rating=st.one_of(st.none(), st.integers(0, 4)),
        ),
        max_size=5,
        unique_by=lambda t: (t.kind, fold(t.name)),
    ).map(tuple),
    note=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=200).map(str.strip),
).filter(lambda c: not c.is_empty)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_input=valid_inputs)
def test_every_valid_input_is_saved_exactly(session: DiarySession, given_input: CheckinInput) -> None:
    saved, _changes = session.diary.record_checkin(given_input)
    assert session.diary.get(saved.id) == saved
    assert saved.as_input() == given_input


def test_a_full_check_in_round_trips_through_close_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "diary.vault"
    s, _key = DiarySession.create(path, "property test pass phrase", KdfParams(1, 1, 64))
    full = CheckinInput(
        recorded_at=NOW - dt.timedelta(days=2, hours=3),
        pain=7,
        regions=(RegionPain("b-lower-back", 8, PainType.ACHING), RegionPain("f-knee-l", None, PainType.THROBBING)),
        sleep_quality=3,
        sleep_hours=5.5,
        mood=4,
        fatigue=8,
        tags=(
            TagRating(TagKind.DID, "Garddio ŵ", 3),
            TagRating(TagKind.HELPED, "heat pad 🙂"),
            TagRating(TagKind.WORSE, "lifting", 4),
        ),
        note="Cefn yn brifo ar ôl codi ŷ 🙂",
    )
    saved, _ = s.diary.record_checkin(full)
    s.close()
    again = DiarySession.open(path, passphrase="property test pass phrase")
    try:
        assert again.diary.get(saved.id) == saved
        assert saved.as_input() == full
    finally:
        again.close()


def test_tags_differing_only_by_case_are_one_tag(session: DiarySession) -> None:
    first, _ = session.diary.record_checkin(
        CheckinInput(NOW, pain=3, tags=(TagRating(TagKind.DID, "Gardening"), TagRating(TagKind.DID, "GARDENING")))
    )
    assert [t.name for t in first.tags] == ["Gardening"]
    second, _ = session.diary.record_checkin(CheckinInput(NOW, pain=4, tags=(TagRating(TagKind.DID, "gardening"),)))
    assert [t.name for t in session.diary.get(second.id).tags] == ["Gardening"]  # the first spelling is kept
    assert sum(1 for name, _n in session.diary.tags_with_counts() if fold(name) == "gardening") == 1


def test_a_huge_note_is_refused_and_nothing_is_saved(session: DiarySession) -> None:
    before = _row_counts(session)
    with pytest.raises(ValidationError) as refused:
        session.diary.record_checkin(CheckinInput(NOW, pain=5, note="ŵ" * 100_000))
    assert "100000" in refused.value.message().replace(",", "")
    assert _row_counts(session) == before


def test_a_date_after_today_is_refused(session: DiarySession) -> None:
    with pytest.raises(ValidationError) as refused:
        session.diary.record_checkin(CheckinInput(NOW + dt.timedelta(days=1), pain=5))
    assert "future" in refused.value.message()


def test_an_empty_check_in_is_refused_with_a_message(session: DiarySession) -> None:
    with pytest.raises(ValidationError) as refused:
        session.diary.record_checkin(CheckinInput(NOW))
    assert "nothing to save" in refused.value.message()
