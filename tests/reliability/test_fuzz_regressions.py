"""Cases the fuzzers found in the JSON import, kept so they stay fixed.

Each was either an exception other than ImportFormatError (the import crashed) or a file that was accepted
and then broke a page of the diary when it was read. Each edit is applied to a valid export of the newest
fixture diary (rows in every table); the import must now refuse it with a row message and change nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.domain.errors import ImportFormatError
from companion.services import transfer
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.fixtures.make_fixture_vaults import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.fixtures.make_fixture_vaults import fixture_path, revisions
from tests.reliability.test_fuzz import read_everything

pytestmark = pytest.mark.reliability

# (table, column, value, the reason the refusal gives)
CASES: dict[str, tuple[str, str, Any, str]] = {
    # OverflowError: converting to UTC stepped outside the calendar.
    "offset-before-year-1": ("pain_entries", "recorded_at_utc", "0001-01-01T00:00:00+01:00", "is not a date and time"),
    "offset-after-year-9999": ("pain_entries", "created_at_utc", "9999-12-31T23:59:59-01:00", "is not a date and time"),
    # UnicodeEncodeError from SQLite: a lone surrogate, which JSON's \ud800 escape can carry, is no text.
    "lone-surrogate-note": ("pain_entries", "note", "a\ud800b", "must be text"),
    "lone-surrogate-name": ("medicines", "name", "\udfff", "must be text"),
    # OverflowError from SQLite: an integer beyond 64 bits in a column without a range rule.
    "integer-beyond-64-bits": ("flare_episodes", "started_offset_minutes", 2**70, "must be a whole number"),
    # Accepted, then the flares page failed: an offset of more than a day cannot make a time zone.
    "flare-offset-over-a-day": ("flare_episodes", "started_offset_minutes", 100_000, "is not a whole number from"),
    "flare-end-offset-over-a-day": ("flare_episodes", "ended_offset_minutes", -100_000, "is not a whole number from"),
    # Accepted, then refused by the database's check constraint (caught, but the rule belongs in the reader).
    "flare-peak-over-10": ("flare_episodes", "peak_pain", 11, "is not a whole number from 0 to 10"),
    # Accepted, then the measures and goals pages failed: local time = UTC + offset overflowed year 9999.
    "peg-at-the-end-of-time": ("peg_responses", "taken_at_utc", "9999-12-31T23:59:59", "after 2200"),
    "goal-rating-at-the-end-of-time": ("goal_ratings", "rated_at_utc", "9999-12-31T23:59:59", "after 2200"),
    "mood-screen-at-the-end-of-time": ("mood_screens", "taken_at_utc", "9999-12-31T23:59:59", "after 2200"),
    "a-day-after-2200": ("action_plan_ticks", "day", "9999-12-31", "after 2200"),
}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("regressions") / "diary.vault"
    shutil.copyfile(fixture_path(revisions()[-1]), path)
    session = DiarySession.open(path, passphrase=FIXTURE_PASSPHRASE)
    try:
        return json.loads(transfer.export_json(session))  # type: ignore[no-any-return]
    finally:
        session.close()


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    """One diary for every case: each refused import must leave it as it was, which each case checks."""
    session, _recovery = DiarySession.create(tmp_path_factory.mktemp("diary") / "diary.vault", "regression", CHEAP_KDF)
    session.diary.record_pain(4, "kept ŵ")
    yield session
    session.close()


@pytest.mark.parametrize("case", CASES)
def test_the_case_is_refused_with_a_row_message(case: str, export: dict[str, Any], diary: DiarySession) -> None:
    table, column, value, reason = CASES[case]
    document = json.loads(json.dumps(export))
    assert column in document["tables"][table][0]
    document["tables"][table][0][column] = value
    data = json.dumps(document, ensure_ascii=True).encode("utf-8")
    for mode in ("merge", "replace"):
        with pytest.raises(ImportFormatError) as caught:
            transfer.import_json(diary, data, mode)  # type: ignore[arg-type]
        shown = caught.value.message()
        assert f"table “{table}”" in shown and reason in shown, shown
        assert [e.note for e in diary.diary.all_entries()] == ["kept ŵ"]
        assert not diary.has_unsaved_changes


def test_the_unedited_export_imports_and_reads(export: dict[str, Any], data_dir: Path) -> None:
    """The control: without the edit the same file imports, and every page reads it."""
    session, _recovery = DiarySession.create(data_dir / "diary.vault", "regression", CHEAP_KDF)
    try:
        transfer.import_json(session, json.dumps(export).encode("utf-8"), "replace")
        read_everything(session)
        assert len(session.diary.all_entries()) == len(export["tables"]["pain_entries"])
    finally:
        session.close()
