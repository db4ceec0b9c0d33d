"""Export and import against real vaults: every bad input leaves the target diary's file byte for byte as it was."""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from companion import i18n
from companion.domain.body import REGIONS, PainType
from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating
from companion.domain.errors import (
    CompanionError,
    ExportFailedError,
    ExportFolderNotWritableError,
    ImportFormatError,
    ImportNewerVersionError,
)
from companion.domain.measures import Instrument
from companion.domain.pacing import LogSource, baseline_from_tests
from companion.services import imports, transfer, transfer_json
from companion.services.imports.spreadsheet import ColumnMapping
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.storage.kdf import KdfParams
from companion.storage.models import Base
from tests.helpers.story_data import fill_story

KDF = KdfParams(1, 1, 64)
NOW = dt.datetime.now().astimezone()


def _new(path: Path) -> DiarySession:
    session, _key = DiarySession.create(path, "some pass phrase", KDF)
    return session


def fill(session: DiarySession) -> None:
    """A small diary with a row in every table, Welsh and emoji text, several time zones, and a draft."""
    west = dt.timezone(dt.timedelta(hours=-5))
    east = dt.timezone(dt.timedelta(hours=5, minutes=30))
    session.diary.record_checkin(
        CheckinInput(
            recorded_at=(NOW - dt.timedelta(days=2)).astimezone(west),
            pain=7,
            regions=(RegionPain(REGIONS[0].code, 6, PainType.BURNING), RegionPain(REGIONS[3].code)),
            sleep_quality=4,
            sleep_hours=6.75,
            mood=3,
            fatigue=8,
            tags=(TagRating(TagKind.DID, "Cerdded i'r siop ŵ", 3), TagRating(TagKind.HELPED, "Gwres 🔥", None)),
            note="Diwrnod anodd.\nRoedd y boen yn waeth yn y bore – ŷ ŵ 😣",
        )
    )
    session.diary.record_checkin(
        CheckinInput(recorded_at=(NOW - dt.timedelta(days=1)).astimezone(east), pain=2, note="Gwell heddiw")
    )
    session.diary.record_checkin(
        CheckinInput(recorded_at=NOW - dt.timedelta(hours=3), tags=(TagRating(TagKind.WORSE, "gwres 🔥", 4),))
    )
    session.measures.record_peg(6, 5, 4)
    session.measures.record_screen(Instrument.PHQ2, 1, 2)
    session.measures.record_screen(Instrument.GAD2, 0, 3)
    session.flares.start()
    ended, _ = session.flares.end()
    session.flares.review(ended.id, "Codi siopa ŵ", "Gwres a gorffwys", "Gofyn am help 🙂")
    walking, _ = session.pacing.add_activity("Cerdded ŵ 🚶")
    for amount in (12, 10, 14):
        session.pacing.record_test(walking.id, amount, "Pen-glin 🦵")
    session.pacing.accept_baseline(walking.id, baseline_from_tests(session.pacing.tests(walking.id), walking.unit))
    session.pacing.step_down(walking.id, 0.6, flare_id=ended.id)
    session.pacing.log(walking.id, 7.5, LogSource.TIMER, "Gyda'r ci 🐕")

    from companion.domain.goals import ActionPlan, CheckBackOutcome, Goal, GoalStep, week_start
    from companion.domain.medicines import Medicine, MedicineKind, ReviewGroup, Tried
    from companion.services.goals import new_id

    session.goals.save_what_matters("Gweld fy wyrion 👵 ŵ", "Cysgu'n dda a chodi'n gynnar ☀️")
    goal, _ = session.goals.save_goal(
        Goal(
            new_id(),
            "Cerdded i'r siop ŷ",
            why="Gweld pobl ☕",
            target_date=(NOW + dt.timedelta(days=60)).date(),
            steps=(GoalStep(new_id(), "I'r giât 🚪"), GoalStep(new_id(), "I'r gornel ŵ")),
        )
    )
    session.goals.set_step_done(goal.id, goal.steps[0].id, True)
    session.goals.rate_goal(goal.id, 4)
    plan, _ = session.goals.save_plan(
        ActionPlan(
            new_id(),
            week_start(NOW.date()),
            "Cerdded am 10 munud 🚶",
            how_much="10 munud",
            when="ar ôl cinio",
            days=frozenset({0, 2, 4}),
            confidence=6,
            goal_id=goal.id,
        )
    )
    session.goals.tick(plan.id, NOW.date())
    session.goals.check_back(plan.id, CheckBackOutcome.PARTLY, "Glaw 🌧 ŵ", "Llai o bellter")
    regular, _ = session.medicines.save(
        Medicine(
            session.medicines.new_id(),
            "Naproxen ŵ",
            purpose="Poen cefn",
            dose="1 dabled ddwywaith y dydd 💊",
            started_on=(NOW - dt.timedelta(days=400)).date(),
            stopped_on=(NOW - dt.timedelta(days=10)).date(),
            prescriber="Dr Ŵyn",
            next_review=(NOW + dt.timedelta(days=30)).date(),
            last_reviewed=(NOW - dt.timedelta(days=200)).date(),
            notes="Gyda bwyd 🍞",
        )
    )
    session.medicines.rate(regular.id, 5, "Stumog ŷ 😖")
    as_needed, _ = session.medicines.save(
        Medicine(
            session.medicines.new_id(),
            "Codeine",
            kind=MedicineKind.AS_NEEDED,
            dose="30 mg",
            review_group=ReviewGroup.OPIOID,
            started_on=(NOW - dt.timedelta(days=90)).date(),
        )
    )
    session.medicines.log_dose(as_needed.id, "Nos wael 😣 ŵ")
    session.medicines.save_tried(
        Tried(session.medicines.new_id(), "Peiriant TENS ŵ", (NOW - dt.timedelta(days=300)).date(), None, 6, "🙂")
    )
    session.support.save_own(session.support.new_own("Grŵp cerdded 🚶", "Bob dydd Iau", "01554 000000"))
    fill_story(session, NOW)
    with session.store.session() as db:
        from companion.storage.models import SettingRow

        db.add(SettingRow(key="summary.name", value="Siân Ŵyn"))
        db.commit()
    session.flush()
    sheet = "date,pain,tags\n2024-03-01,4,gwres 🔥\n".encode()
    parsed = imports.parse_file(
        "csv", sheet, "sheet.csv", NOW, mapping=ColumnMapping({"date": "date", "pain": "pain", "tags": "tags"})
    )
    imports.apply_import(session, parsed, backup=False)
    session.diary.save_draft({"pain": 5, "note": "half written"})


@pytest.fixture
def source(tmp_path: Path) -> Iterator[DiarySession]:
    session = _new(tmp_path / "source" / "diary.vault")
    fill(session)
    yield session
    session.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[DiarySession]:
    session = _new(tmp_path / "target" / "diary.vault")
    session.diary.record_pain(4, "Target's own entry", at=NOW - dt.timedelta(days=10))
    yield session
    session.close()


def _file(session: DiarySession) -> bytes:
    assert not session.has_unsaved_changes
    return session.path.read_bytes()


def _doc(data: bytes) -> dict[str, Any]:
    document = json.loads(data)
    assert isinstance(document, dict)
    return document


def _edited(data: bytes, edit: Callable[[dict[str, Any]], None]) -> bytes:
    document = _doc(data)
    edit(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


# --- export ---------------------------------------------------------------------------------------------


def test_export_holds_every_table_and_every_column_of_the_schema(source: DiarySession) -> None:
    document = _doc(transfer.export_json(source))
    assert document["format"] == "companion-export"
    assert document["version"] == transfer_json.VERSION == 3
    assert dt.datetime.fromisoformat(document["exported_at"]).tzinfo is not None
    assert set(document["tables"]) == set(Base.metadata.tables)
    for table in Base.metadata.sorted_tables:
        rows = document["tables"][table.name]
        assert rows, f"the test diary should have a row in {table.name}"
        for row in rows:
            assert list(row) == [c.name for c in table.columns], table.name


def test_export_is_lossless_and_leaves_out_drafts(source: DiarySession) -> None:
    document = _doc(transfer.export_json(source))
    tables = document["tables"]
    assert [r["key"] for r in tables["diary_settings"]] == ["flare.plan", "summary.name"]
    assert tables["diary_settings"][1]["value"] == "Siân Ŵyn"
    assert json.loads(tables["diary_settings"][0]["value"])["agreed_with"] == "Dr Ŵyn"
    notes = {r["note"] for r in tables["pain_entries"]}
    assert "Diwrnod anodd.\nRoedd y boen yn waeth yn y bore – ŷ ŵ 😣" in notes
    assert {r["utc_offset_minutes"] for r in tables["pain_entries"]} >= {-300, 330}
    assert 6.75 in {r["sleep_hours"] for r in tables["pain_entries"]}
    assert {t["name"] for t in tables["tags"]} == {"Cerdded i'r siop ŵ", "Gwres 🔥"}  # "gwres 🔥" is the same tag
    for table in Base.metadata.sorted_tables:  # ordered by primary key
        keys = [tuple(r[c.name] for c in table.primary_key.columns) for r in tables[table.name]]
        assert keys == sorted(keys)


def test_two_exports_are_identical_except_the_export_time(source: DiarySession) -> None:
    first, second = _doc(transfer.export_json(source)), _doc(transfer.export_json(source))
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second
    a, b = transfer.export_json(source).splitlines(), transfer.export_json(source).splitlines()
    assert [x for x in a if b"exported_at" not in x] == [y for y in b if b"exported_at" not in y]


def test_csv_zip_has_one_file_per_table_with_a_bom_and_a_bilingual_readme(source: DiarySession) -> None:
    bundle = zipfile.ZipFile(io.BytesIO(transfer.export_csv_zip(source)))
    names = set(bundle.namelist())
    assert names == {f"{t}.csv" for t in Base.metadata.tables} | {"README.txt"}
    readme = bundle.read("README.txt").decode("utf-8-sig")
    assert "not encrypted" in readme.lower() and "wedi'u hamgryptio" in readme
    raw = bundle.read("pain_entries.csv")
    assert raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8-sig")
    header = text.splitlines()[0].split(",")
    assert header == [c.name for c in Base.metadata.tables["pain_entries"].columns]
    assert "ŷ ŵ 😣" in text
    assert "Siân Ŵyn" in bundle.read("diary_settings.csv").decode("utf-8-sig")
    assert "half written" not in "".join(bundle.read(n).decode("utf-8-sig") for n in names)


def test_docs_and_readme_name_every_file_the_csv_zip_holds(source: DiarySession) -> None:
    """docs/export-format.md said 7 files when the zip held 23 and a README: the doc, README.txt and the zip agree."""
    from companion.services.transfer_csv import CSV_FILES

    names = set(zipfile.ZipFile(io.BytesIO(transfer.export_csv_zip(source))).namelist())
    docs = (Path(__file__).resolve().parents[2] / "docs" / "export-format.md").read_text(encoding="utf-8")
    section = docs[docs.index("## CSV bundle (zip)") :]
    section = section[: section.index("\n## ")]
    documented = set(re.findall(r"^\| `([\w.]+)` \|", section, re.MULTILINE)) | {"README.txt"}
    assert documented == names
    count = re.search(r"a zip of \*\*(\d+) files\*\*", section)
    assert count is not None and int(count.group(1)) == len(names)
    readme = zipfile.ZipFile(io.BytesIO(transfer.export_csv_zip(source))).read("README.txt").decode("utf-8-sig")
    listed = set(re.findall(r"^  (\w+\.csv) ", readme, re.MULTILINE))
    assert listed == names - {"README.txt"} == {f"{table}.csv" for table in CSV_FILES}
    assert "o Gydymaith" in readme


def test_export_warning_is_a_plain_sentence() -> None:
    assert "not encrypted" in transfer.EXPORT_WARNING
    assert transfer.export_warning() == transfer.EXPORT_WARNING


# --- JSON import ----------------------------------------------------------------------------------------


def test_import_into_an_empty_diary_then_again_changes_nothing(source: DiarySession, tmp_path: Path) -> None:
    data = transfer.export_json(source)
    empty = _new(tmp_path / "empty" / "diary.vault")
    try:
        preview = transfer.preview_json(empty, data, "merge")
        assert preview.tables["pain_entries"].new == 4 and preview.duplicates == 0
        assert preview.summary() == f"{preview.new} rows will be added to your diary (already in the diary: 0)."
        report = transfer.import_json(empty, data, "merge")
        assert report.accepted == preview.new and report.duplicates == 0
        assert "rows were imported" in report.summary()
        before = _file(empty)
        again = transfer.preview_json(empty, data, "merge")
        assert again.new == 0 and again.duplicates == preview.new
        second = transfer.import_json(empty, data, "merge")
        assert second.accepted == 0 and second.duplicates == report.accepted
        assert not second.changed
        assert _file(empty) == before  # not even re-saved
        exported = _doc(transfer.export_json(empty))["tables"]
        original = _doc(data)["tables"]
        assert exported == original
    finally:
        empty.close()


def test_merge_keeps_the_target_and_links_tags_by_name(source: DiarySession, target: DiarySession) -> None:
    target.diary.record_checkin(
        CheckinInput(recorded_at=NOW - dt.timedelta(days=5), tags=(TagRating(TagKind.HELPED, "GWRES 🔥"),))
    )
    report = transfer.import_json(target, transfer.export_json(source), "merge")
    assert report.tables["tags"].new == 1 and report.tables["tags"].duplicates == 1
    names = dict(target.diary.tags_with_counts())
    assert names == {"GWRES 🔥": 4, "Cerdded i'r siop ŵ": 1}  # the source's links moved onto the target's tag
    assert target.diary.entry_count() == 6
    assert target.diary.take_draft() is None  # the source's draft does not travel


def test_replace_deletes_everything_but_drafts(source: DiarySession, target: DiarySession) -> None:
    target.diary.save_draft({"note": "mine"})
    data = transfer.export_json(source)
    preview = transfer.preview_json(target, data, "replace")
    assert preview.tables["pain_entries"].removed == 1 and preview.tables["pain_entries"].new == 4
    assert "will be removed or overwritten" in preview.summary()
    transfer.import_json(target, data, "replace")
    assert target.diary.entry_count() == 4
    assert target.diary.take_draft() == {"note": "mine"}
    mine, theirs = _doc(transfer.export_json(target)), _doc(data)
    assert mine["tables"] == theirs["tables"]


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _bad_score(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["pain_entries"][0].update(score=11))


def _wrong_format(data: bytes) -> bytes:
    return _edited(data, lambda d: d.update(format="other-app-export"))


def _version_two(data: bytes) -> bytes:
    """Named for the first version it tested; now always one newer than this Companion writes."""
    return _edited(data, lambda d: d.update(version=transfer_json.VERSION + 1))


def _score_as_text(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["pain_entries"][0].update(score="5"))


def _unknown_column(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["tags"][0].update(colour="red"))


def _missing_column(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["pain_entries"][1].pop("note"))


def _unknown_table(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"].update(prescriptions=[]))


def _missing_table(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"].pop("mood_screens"))


def _bad_rating(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["entry_tags"][0].update(rating=5))


def _bad_screen(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["mood_screens"][0].update(item2=4))


def _dangling_link(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["entry_tags"][0].update(tag_id="no-such-tag"))


def _bad_date(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["pain_entries"][0].update(recorded_at_utc="yesterday"))


def _bad_region(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["entry_regions"][0].update(region="tail"))


def _duplicate_id(data: bytes) -> bytes:
    return _edited(data, lambda d: d["tables"]["peg_responses"].append(d["tables"]["peg_responses"][0]))


def _not_json(_data: bytes) -> bytes:
    return b"\xff\xfe\x00garbage"


def _a_list(_data: bytes) -> bytes:
    return b"[1, 2, 3]"


def _nan(data: bytes) -> bytes:
    return data.replace(b'"sleep_hours": 6.75', b'"sleep_hours": NaN')


BAD_FILES = [
    _truncated,
    _bad_score,
    _wrong_format,
    _version_two,
    _score_as_text,
    _unknown_column,
    _missing_column,
    _unknown_table,
    _missing_table,
    _bad_rating,
    _bad_screen,
    _dangling_link,
    _bad_date,
    _bad_region,
    _duplicate_id,
    _not_json,
    _a_list,
    _nan,
]


@pytest.mark.parametrize("mode", ["merge", "replace"])
@pytest.mark.parametrize("spoil", BAD_FILES, ids=lambda f: f.__name__.strip("_"))
def test_a_bad_file_is_refused_and_changes_nothing(
    source: DiarySession, target: DiarySession, spoil: Callable[[bytes], bytes], mode: transfer.ImportMode
) -> None:
    data = spoil(transfer.export_json(source))
    before = _file(target)
    count = target.diary.entry_count()
    with pytest.raises(ImportFormatError) as preview_error:
        transfer.preview_json(target, data, mode)
    with pytest.raises(ImportFormatError) as import_error:
        transfer.import_json(target, data, mode)
    assert _file(target) == before
    assert target.diary.entry_count() == count
    for error in (preview_error.value, import_error.value):
        text = error.message()
        assert text.endswith("changed.") and "{" not in text
        i18n.set_language("cy")
        try:
            assert error.message()
        finally:
            i18n.set_language("en")


def test_error_messages_name_the_table_and_row(source: DiarySession, target: DiarySession) -> None:
    with pytest.raises(ImportFormatError) as caught:
        transfer.import_json(target, _bad_score(transfer.export_json(source)), "merge")
    assert caught.value.message().startswith("Row 1 of the table “pain_entries”")
    assert "11" in caught.value.message()
    with pytest.raises(ImportNewerVersionError) as newer:
        transfer.import_json(target, _version_two(transfer.export_json(source)), "merge")
    assert newer.value.message().startswith("This export was made by a newer version of Companion")


def test_a_failure_while_writing_rows_rolls_everything_back(
    source: DiarySession, target: DiarySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companion.services import transfer_json

    data = transfer.export_json(source)
    before = _file(target)
    real_plan = transfer_json._plan

    def clashing_plan(*args: Any, **kwargs: Any) -> Any:
        plan = real_plan(*args, **kwargs)
        plan.inserts["entry_tags"].append(dict(plan.inserts["entry_tags"][0]))  # a primary key clash, last
        return plan

    monkeypatch.setattr(transfer_json, "_plan", clashing_plan)
    with pytest.raises(ImportFormatError):
        transfer.import_json(target, data, "replace")
    assert _file(target) == before
    assert [c.note for c in target.diary.all_entries()] == ["Target's own entry"]


# --- pain CSV -------------------------------------------------------------------------------------------

PAST = (NOW - dt.timedelta(days=3)).date()
FUTURE = (NOW + dt.timedelta(days=2)).date()


def _csv_rows() -> str:
    return (
        "date,score,note\r\n"
        f"{PAST.isoformat()},5,Bore llonydd – ŵ\r\n"
        f'{PAST.strftime("%d/%m/%Y")} 18:45,7,"Nos, gwaeth"\r\n'
        f"{FUTURE.isoformat()},3,future\r\n"
        f"{PAST.isoformat()},12,too high\r\n"
        "not a date,4,x\r\n"
    )


def test_csv_rows_are_accepted_or_rejected_with_reasons(target: DiarySession) -> None:
    data = _csv_rows().encode("utf-8")
    preview = transfer.preview_pain_csv(data)
    assert [r.row for r in preview.rows] == [2, 3]
    assert preview.rows[0].recorded_at.time() == dt.time(12, 0)
    assert preview.rows[1].recorded_at.hour == 18 and preview.rows[1].note == "Nos, gwaeth"
    reasons = dict(preview.rejected)
    assert reasons[4] == f"Row 4: the date {FUTURE.isoformat()} is after today."
    assert reasons[5] == "Row 5: the score 12 is not between 0 and 10."
    assert reasons[6].startswith("Row 6: the date “not a date” couldn't be understood.")
    assert preview.summary() == "2 rows can be imported (repeated in the file: 0; not importable: 3)."
    report = transfer.import_pain_csv(target, data)
    assert report.accepted == 2 and len(report.rejected) == 3
    assert report.summary() == "2 rows were imported (already in the diary: 0; not imported: 3)."
    notes = {c.note: c.pain for c in target.diary.all_entries()}
    assert notes["Bore llonydd – ŵ"] == 5 and notes["Nos, gwaeth"] == 7


def test_the_same_csv_twice_adds_nothing_the_second_time(target: DiarySession) -> None:
    data = _csv_rows().encode("utf-8-sig")
    transfer.import_pain_csv(target, data)
    before = _file(target)
    again = transfer.import_pain_csv(target, data)
    assert again.accepted == 0 and again.duplicates == 2
    assert _file(target) == before
    assert target.diary.entry_count() == 3
    # the same rows written another way (DD/MM/YYYY, semicolons, Welsh headers) are the same rows
    welsh = f"Dyddiad;SGÔR;Nodyn\n{PAST.strftime('%d/%m/%Y')};5;Bore llonydd – ŵ\n".encode()
    assert transfer.import_pain_csv(target, welsh).duplicates == 1


def test_utf16_csv_is_read_correctly(target: DiarySession) -> None:
    data = codecs.BOM_UTF16_LE + "Dyddiad\n".encode("utf-16-le")  # no score column
    with pytest.raises(ImportFormatError):
        transfer.preview_pain_csv(data)
    text = f"dyddiad;sgôr;nodyn\r\n{PAST.isoformat()} 09:15;6;Poen yn y pen-glin ŷ 🦵\r\n"
    for encoded in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), codecs.BOM_UTF16_BE + text.encode("utf-16-be")):
        preview = transfer.preview_pain_csv(encoded)
        assert preview.encoding == "utf-16" and preview.delimiter == ";"
        assert [(r.score, r.note) for r in preview.rows] == [(6, "Poen yn y pen-glin ŷ 🦵")]
    report = transfer.import_pain_csv(target, codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert report.accepted == 1


def test_windows_1252_csv_is_read_correctly(target: DiarySession) -> None:
    text = f"Date;Score;Note\r\n{PAST.strftime('%d/%m/%Y')};3;Café – “naïve” £5\r\n"
    data = text.encode("cp1252")
    preview = transfer.preview_pain_csv(data)
    assert preview.encoding == "cp1252"
    assert [r.note for r in preview.rows] == ["Café – “naïve” £5"]
    assert transfer.import_pain_csv(target, data).accepted == 1
    assert "Café – “naïve” £5" in {c.note for c in target.diary.all_entries()}


@pytest.mark.parametrize(
    "content",
    [
        b"when,how bad\n2024-01-01,5\n",
        b"date,note\n2024-01-01,x\n",
        b"date,score,score\n2024-01-01,5,5\n",
        b"date,score,note,mood\n2024-01-01,5,x,3\n",
        b"",
        b"\n\n",
    ],
)
def test_csv_with_wrong_columns_is_refused_whole(target: DiarySession, content: bytes) -> None:
    before = _file(target)
    with pytest.raises(ImportFormatError) as caught:
        transfer.import_pain_csv(target, content)
    assert "Nothing was imported." in caught.value.message()
    assert _file(target) == before
    assert target.diary.entry_count() == 1


def test_any_bytes_give_a_preview_or_a_clear_error() -> None:
    import random

    rng = random.Random(7)
    for _ in range(300):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(80)))
        for data in (
            blob,
            b"date,score\n" + blob,
            codecs.BOM_UTF16_LE + blob,
            codecs.BOM_UTF8 + b"score;date\n" + blob,
        ):
            try:
                transfer.preview_pain_csv(data)
            except CompanionError as exc:
                assert exc.message()


# --- writing the file -----------------------------------------------------------------------------------


def test_write_export_writes_the_whole_file(source: DiarySession, tmp_path: Path) -> None:
    out = tmp_path / "export" / "diary.json"
    out.parent.mkdir()
    data = transfer.export_json(source)
    transfer.write_export(out, data)
    assert out.read_bytes() == data
    assert list(out.parent.iterdir()) == [out]


def test_write_export_into_a_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() == 0:  # root ignores permissions: make the temp file's creation fail as it would
        real_open = os.open

        def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if str(path).endswith(atomic.TEMP_SUFFIX):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr("companion.storage.atomic.os.open", refusing_open)
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(ExportFolderNotWritableError) as caught:
            transfer.write_export(folder / "diary.json", b"{}")
    finally:
        folder.chmod(0o700)
    assert str(folder) in caught.value.message()
    assert caught.value.message().startswith("Companion can't write in the folder")
    assert list(folder.iterdir()) == []


def test_write_export_on_a_full_disk_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    calls = {"n": 0}

    def filling_write(fd: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[:10])  # part of the file gets written first

    monkeypatch.setattr("companion.storage.atomic.os.write", filling_write)
    out = tmp_path / "diary.json"
    with pytest.raises(ExportFailedError) as caught:
        transfer.write_export(out, b"x" * 1000)
    monkeypatch.undo()
    assert "the disk is full" in caught.value.message()
    assert "No file was written" in caught.value.message()
    assert list(tmp_path.iterdir()) == []


def test_an_export_made_before_flares_existed_still_imports(source: DiarySession, tmp_path: Path) -> None:
    import json as _json

    from companion.services import transfer

    document = _json.loads(transfer.export_json(source))
    del document["tables"]["flare_episodes"]
    target = _new(tmp_path / "older" / "diary.vault")
    try:
        report = transfer.import_json(target, _json.dumps(document).encode("utf-8"), "replace")
        assert report.accepted > 0
        assert target.flares.episodes() == []
        assert len(target.diary.all_entries()) == len(source.diary.all_entries())
    finally:
        target.close()


def test_a_version_1_export_without_the_story_still_imports(source: DiarySession, target: DiarySession) -> None:
    """Export format 1 had no story tables and no "agreed with" columns: such a file imports, with none."""

    def as_version_1(document: dict[str, Any]) -> None:
        document["version"] = 1
        for name in (
            "appointments",
            "follow_up_reasons",
            "story_items",
            "decisions",
            "decision_options",
            "medicine_review_plans",
            "medicine_review_steps",
        ):
            del document["tables"][name]
        for name in ("action_plans", "medicines"):
            for row in document["tables"][name]:
                del row["agreed_with"], row["agreed_on"]

    transfer.import_json(target, _edited(transfer.export_json(source), as_version_1), "merge")
    assert {m.name for m in target.medicines.medicines()} == {"Naproxen ŵ", "Codeine"}
    assert all(m.agreement.is_empty for m in target.medicines.medicines())
    assert target.story.items() == [] and target.appointments.appointments() == []
    with pytest.raises(ImportFormatError):  # a version 2 file must carry the new columns
        transfer.import_json(
            target,
            _edited(transfer.export_json(source), lambda d: d["tables"]["medicines"][0].pop("agreed_with")),
            "merge",
        )


def test_the_story_comes_back_whole_from_an_export(source: DiarySession, target: DiarySession) -> None:
    transfer.import_json(target, transfer.export_json(source), "replace")
    assert target.story.items() == source.story.items()
    assert target.appointments.appointments() == source.appointments.appointments()
    assert target.story.decisions() == source.story.decisions()
    assert target.story.review_plans() == source.story.review_plans()
    assert target.flares.plan().agreement == source.flares.plan().agreement
