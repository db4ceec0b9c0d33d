"""Imports from other trackers against real vaults: every generated fixture imports value for value, a bad file
changes nothing, an import is one batch that a backup precedes and that undo removes exactly."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from companion.domain.checkin import CheckinInput, TagKind, TagRating
from companion.domain.errors import ImportFormatError
from companion.services import imports
from companion.services.imports.rows import AmbiguousDateOrderError
from companion.services.imports.spreadsheet import ColumnMapping, parse_mapping_text, parse_units_text
from companion.services.session import DiarySession
from companion.storage import backups
from companion.storage.kdf import KdfParams
from tests.fixtures import import_files as gen

KDF = KdfParams(1, 1, 64)
NOW = dt.datetime.now().astimezone()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[DiarySession]:
    made, _key = DiarySession.create(tmp_path / "diary.vault", "a pass phrase here", KDF)
    yield made
    made.close()


def sheet_mapping() -> ColumnMapping:
    scales, sleep = parse_units_text("mood=5,tiredness=100,sleep=minutes")
    return ColumnMapping(parse_mapping_text(gen.SPREADSHEET_MAP), scales, sleep)


def parse(source: str, data: bytes, **kwargs: object) -> imports.ParsedImport:
    mapping = sheet_mapping() if source == "csv" and "mapping" not in kwargs else kwargs.pop("mapping", None)
    return imports.parse_file(source, data, f"{source}.csv", NOW, mapping=mapping, **kwargs)  # type: ignore[arg-type]


def saved(session: DiarySession) -> list[tuple[object, ...]]:
    """Every check-in as (local wall-clock time, pain, sleep, mood, tiredness, tag names, note)."""
    return [
        (
            e.recorded_at.replace(tzinfo=None),
            e.pain,
            e.sleep_hours,
            e.mood,
            e.fatigue,
            [t.name for t in e.tags],
            e.note,
        )
        for e in session.diary.all_entries()
    ]


def expected(rows: list[gen.Expected]) -> list[tuple[object, ...]]:
    return sorted(
        ((x.when, x.pain, x.sleep_hours, x.mood, x.fatigue, x.tags, x.note) for x in rows), key=lambda r: r[0]
    )


GENERATED = {
    "bearable": lambda: gen.bearable(),
    "bearable-2021-layout": lambda: gen.bearable(seed=7, layout="old"),
    "flaredown": lambda: gen.flaredown(),
    "csv": lambda: gen.spreadsheet(),
}


@pytest.mark.parametrize("name", list(GENERATED))
def test_each_fixture_imports_exactly_and_a_second_import_adds_nothing(session: DiarySession, name: str) -> None:
    data, rows = GENERATED[name]()
    source = name.split("-", maxsplit=1)[0]
    parsed = parse(source, data)
    assert parsed.problems == () and parsed.repeated == 0
    check = imports.check_import(session, parsed)
    assert (len(check.new), len(check.duplicates)) == (len(rows), 0)
    outcome = imports.apply_import(session, parsed)
    assert outcome.added == len(rows) and outcome.batch_id is not None
    assert saved(session) == expected(rows)
    before = session.path.read_bytes()
    again = imports.apply_import(session, parse(source, data))
    assert (again.added, again.duplicates, again.batch_id) == (0, len(rows), None)
    assert session.path.read_bytes() == before


def test_an_import_takes_a_backup_first_and_is_one_commit(session: DiarySession) -> None:
    original = session.path.read_bytes()
    outcome = imports.apply_import(session, parse("flaredown", gen.flaredown()[0]))
    made = [b for b in backups.list_backups(session.path) if b.kind == backups.BEFORE_CHANGE]
    assert len(made) == 1 and outcome.backup == str(made[0].path)
    assert made[0].path.read_bytes() == original  # the diary as it was before the import


def test_undo_removes_exactly_what_the_import_added_even_after_later_entries(session: DiarySession) -> None:
    session.diary.record_checkin(
        CheckinInput(recorded_at=NOW - dt.timedelta(days=3), pain=5, tags=(TagRating(TagKind.DID, "Walking"),))
    )
    mine_before = saved(session)
    data, rows = gen.bearable(seed=11, days=6)
    outcome = imports.apply_import(session, parse("bearable", data))
    assert outcome.batch_id is not None
    # later: an entry by hand that uses a tag the import created, and another import
    session.diary.record_checkin(
        CheckinInput(recorded_at=NOW - dt.timedelta(hours=2), pain=3, tags=(TagRating(TagKind.DID, "Hot bath"),))
    )
    later_sheet = b"date,pain,note\n2024-05-01,6,from another file\n"
    other = imports.apply_import(
        session, parse("csv", later_sheet, mapping=ColumnMapping({"date": "date", "pain": "pain", "note": "note"}))
    )
    after_later = [r for r in saved(session) if r not in expected(rows)]
    result = imports.undo_import(session, outcome.batch_id)
    assert result.removed_entries == len(rows)
    assert saved(session) == after_later  # mine, the later one by hand and the other import remain
    assert len(saved(session)) == len(mine_before) + 2
    tags = dict(session.diary.tags_with_counts())
    assert tags.get("Hot bath") == 1  # created by the import, but used later: kept
    assert "Caffeine" not in tags and "Gardening" not in tags  # created by the import, used only by it: gone
    assert tags["Walking"] == 1
    listed = {b.id: b for b in imports.list_imports(session)}
    assert listed[outcome.batch_id].undone and listed[outcome.batch_id].remaining == 0
    assert listed[other.batch_id or ""].remaining == 1
    with pytest.raises(Exception, match="already been undone"):
        imports.undo_import(session, outcome.batch_id)


def test_undo_after_editing_an_imported_entry_still_removes_it(session: DiarySession) -> None:
    outcome = imports.apply_import(session, parse("flaredown", gen.flaredown(days=3)[0]))
    entry = session.diary.all_entries()[0]
    session.diary.update_checkin(entry.id, replace(entry.as_input(), pain=9, note="changed after the import"))
    assert session.diary.get(entry.id).note == "changed after the import"  # type: ignore[union-attr]
    assert imports.undo_import(session, outcome.batch_id or "").removed_entries == 3
    assert session.diary.all_entries() == []


# --- files that are not what they should be ------------------------------------------------------------


def test_other_delimiters_and_encodings_read_the_same(session: DiarySession) -> None:
    reference = parse("csv", gen.spreadsheet()[0]).entries
    for delimiter in (";", "\t"):
        assert parse("csv", gen.spreadsheet(delimiter=delimiter)[0]).entries == reference
    utf16 = codecs.BOM_UTF16_LE + gen.spreadsheet(encoding="utf-16-le")[0]
    bom = codecs.BOM_UTF8 + gen.spreadsheet()[0]
    no_bom_utf16 = gen.spreadsheet(encoding="utf-16-le")[0]
    for data in (utf16, bom, no_bom_utf16):
        assert parse("csv", data).entries == reference
    text = "date,pain,note\n2024-02-03,4,Café crème\n".encode("cp1252")
    read = parse("csv", text, mapping=ColumnMapping({"date": "date", "pain": "pain", "note": "note"}))
    assert read.entries[0].note == "Café crème" and read.encoding == "cp1252"


@pytest.mark.parametrize(
    ("source", "data", "column"),
    [
        ("bearable", b"date,weekday,time of day,category,detail,notes\n5th Jan 2022,Wed,am,Mood,x,\n", "rating/amount"),
        ("flaredown", b"Date,Fatigue,Tags\n2024-01-01,2,\n", "Foods"),
        ("csv", b"When,Pain level\n2024-01-01,3\n", "Day"),
    ],
)
def test_a_missing_column_is_named_and_nothing_changes(
    session: DiarySession, source: str, data: bytes, column: str
) -> None:
    before = session.path.read_bytes()
    with pytest.raises(ImportFormatError) as caught:
        parse(source, data)
    assert f"no column “{column}”" in caught.value.message()
    assert session.path.read_bytes() == before and backups.list_backups(session.path) == []


def test_rows_out_of_range_are_named_by_row_and_column_and_the_rest_import(session: DiarySession) -> None:
    future = (NOW.date() + dt.timedelta(days=3)).isoformat()
    data = (
        "Day,Time,Pain level\n"
        "1850-01-02,09:00,4\n"
        f"{future},09:00,4\n"
        "2024-02-30,09:00,4\n"
        "2024-02-03,25:00,4\n"
        "2024-02-03,09:00,11\n"
        "2024-02-04,09:00,7\n"
    ).encode()
    parsed = parse("csv", data, mapping=ColumnMapping({"date": "Day", "time": "Time", "pain": "Pain level"}))
    assert [p.message for p in parsed.problems] == [
        "Row 2, column “Day”: the date 1850-01-02 is before 1900.",
        f"Row 3, column “Day”: the date {future} is after today.",
        "Row 4, column “Day”: the date “2024-02-30” couldn't be understood.",
        "Row 5, column “Time”: the time “25:00” couldn't be understood.",
        "Row 6, column “Pain level”: “11” is not a whole number from 0 to 10.",
    ]
    assert [(e.recorded_at.replace(tzinfo=None), e.pain) for e in parsed.entries] == [(dt.datetime(2024, 2, 4, 9), 7)]


def test_a_file_with_only_bad_rows_changes_nothing(session: DiarySession) -> None:
    before = session.path.read_bytes()
    parsed = parse(
        "csv", b"Day,Pain level\n1850-01-01,3\n", mapping=ColumnMapping({"date": "Day", "pain": "Pain level"})
    )
    outcome = imports.apply_import(session, parsed)
    assert outcome.added == 0 and session.path.read_bytes() == before
    assert backups.list_backups(session.path) == []


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.csv"
    with big.open("wb") as handle:
        handle.write(b"Day,Pain level\n")
        handle.truncate(50 * 1024 * 1024)
    asked: list[int] = []
    real_open = Path.open

    def watched(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[arg-type]
        real_read = handle.read

        def read(size: int = -1) -> bytes:
            asked.append(size)
            return real_read(size)

        handle.read = read  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(Path, "open", watched)
    with pytest.raises(ImportFormatError) as caught:
        imports.read_file(big)
    assert "too big to import (50 MB" in caught.value.message()
    assert asked and all(0 < size <= imports.MAX_IMPORT_BYTES + 1 for size in asked)


def test_a_workbook_is_not_taken_for_csv() -> None:
    with pytest.raises(ImportFormatError, match="spreadsheet workbook"):
        parse("csv", b"PK\x03\x04rest of a zip")


def test_the_date_order_is_asked_when_the_file_cannot_show_it() -> None:
    ambiguous = b"Day,Pain level\n03/04/2024,4\n05/06/2024,5\n"
    mapping = ColumnMapping({"date": "Day", "pain": "Pain level"})
    with pytest.raises(AmbiguousDateOrderError) as caught:
        parse("csv", ambiguous, mapping=mapping)
    assert "03/04/2024" in caught.value.message()
    as_dmy = parse("csv", ambiguous, mapping=mapping, date_order="dmy")
    as_mdy = parse("csv", ambiguous, mapping=mapping, date_order="mdy")
    assert [e.recorded_at.date() for e in as_dmy.entries] == [dt.date(2024, 4, 3), dt.date(2024, 6, 5)]
    assert [e.recorded_at.date() for e in as_mdy.entries] == [dt.date(2024, 3, 4), dt.date(2024, 5, 6)]
    shows = b"Day,Pain level\n03/04/2024,4\n25/06/2024,5\n"  # 25 can only be a day
    assert parse("csv", shows, mapping=mapping).entries[1].recorded_at.date() == dt.date(2024, 6, 25)


def test_a_wrong_mapping_or_unit_gets_a_clear_message() -> None:
    with pytest.raises(ImportFormatError, match="field=column"):
        parse_mapping_text("date:Day")
    with pytest.raises(ImportFormatError, match="out of 10, 5 or 100"):
        parse_units_text("pain=7")
