"""Any diary exported to JSON and imported (replace) into an empty vault comes back row for row, and its
CSV bundle has one file per table with the same rows. Runs against real vaults."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.domain.body import REGIONS, PainType
from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating
from companion.domain.measures import Instrument
from companion.services import transfer
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams
from companion.storage.models import Base

KDF = KdfParams(1, 1, 64)
NOW = dt.datetime.now().astimezone()

scores = st.one_of(st.none(), st.integers(0, 10))
welsh_and_emoji = "aâbcdeêfghiîlmnoôprstuûwŵyŷŴŶÂÊ'’ -😣🔥🚶‍♀️\n"
texts = st.text(alphabet=st.one_of(st.sampled_from(welsh_and_emoji), st.characters(codec="utf-8")), max_size=60)
tag_names = st.text(alphabet=st.sampled_from(welsh_and_emoji.replace("\n", "")), min_size=1, max_size=20).filter(
    lambda t: t == " ".join(t.split()) and unicodedata.normalize("NFC", t) == t
)
zones = st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
moments = st.builds(
    lambda seconds, micro, zone: (NOW - dt.timedelta(seconds=seconds, microseconds=micro)).astimezone(zone),
    st.integers(3600, 20 * 365 * 86400),
    st.integers(0, 999_999),
    zones,
)
checkins = st.builds(
    CheckinInput,
    recorded_at=moments,
    pain=st.integers(0, 10),
    regions=st.lists(
        st.builds(
            RegionPain,
            region=st.sampled_from([r.code for r in REGIONS]),
            intensity=scores,
            pain_type=st.one_of(st.none(), st.sampled_from(list(PainType))),
        ),
        max_size=3,
        unique_by=lambda r: r.region,
    ).map(tuple),
    sleep_quality=scores,
    sleep_hours=st.one_of(st.none(), st.integers(0, 96).map(lambda q: q / 4)),
    mood=scores,
    fatigue=scores,
    tags=st.lists(
        st.builds(
            TagRating,
            kind=st.sampled_from(list(TagKind)),
            name=tag_names,
            rating=st.one_of(st.none(), st.integers(0, 4)),
        ),
        max_size=3,
    ).map(tuple),
    note=texts,
)
diaries = st.fixed_dictionaries(
    {
        "checkins": st.lists(checkins, max_size=6),
        "deleted": st.lists(st.integers(0, 5), max_size=3),
        "restored": st.booleans(),
        "pegs": st.lists(st.tuples(st.integers(0, 10), st.integers(0, 10), st.integers(0, 10)), max_size=2),
        "screens": st.lists(
            st.tuples(st.sampled_from(list(Instrument)), st.integers(0, 3), st.integers(0, 3)), max_size=2
        ),
    }
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("transfer-props")


def _tables(data: bytes) -> dict[str, Any]:
    document = json.loads(data)
    document.pop("exported_at")
    return dict(document)


_counter = iter(range(10**6))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(diary=diaries)
def test_export_then_import_into_an_empty_vault_gives_back_every_row(folder: Path, diary: dict[str, Any]) -> None:
    n = next(_counter)
    source, _ = DiarySession.create(folder / f"s{n}" / "diary.vault", "some pass phrase", KDF)
    target, _ = DiarySession.create(folder / f"t{n}" / "diary.vault", "some pass phrase", KDF)
    try:
        saved = [source.diary.record_checkin(c)[0] for c in diary["checkins"]]
        snapshots = []
        for index in diary["deleted"]:
            if index < len(saved):
                snapshot, _changes = source.diary.delete_entry(saved[index].id)
                if snapshot is not None:
                    snapshots.append(snapshot)
        if diary["restored"]:
            for snapshot in snapshots:
                source.diary.restore_entry(snapshot)
        for peg in diary["pegs"]:
            source.measures.record_peg(*peg)
        for instrument, item1, item2 in diary["screens"]:
            source.measures.record_screen(instrument, item1, item2)

        data = transfer.export_json(source)
        report = transfer.import_json(target, data, "replace")
        document = _tables(data)
        assert report.accepted == sum(len(rows) for rows in document["tables"].values())
        assert _tables(transfer.export_json(target)) == document
        assert {c.id: c for c in target.diary.all_entries()} == {c.id: c for c in source.diary.all_entries()}

        # after closing and reopening, the imported diary is still the same
        target.close()
        target = DiarySession.open(target.path, passphrase="some pass phrase")
        assert _tables(transfer.export_json(target)) == document

        bundle = zipfile.ZipFile(io.BytesIO(transfer.export_csv_zip(source)))
        assert set(bundle.namelist()) == {f"{t}.csv" for t in Base.metadata.tables} | {"README.txt"}
        for table in Base.metadata.sorted_tables:
            rows = list(csv.reader(io.StringIO(bundle.read(f"{table.name}.csv").decode("utf-8-sig"), newline="")))
            assert rows[0] == [c.name for c in table.columns]
            assert len(rows) - 1 == len(document["tables"][table.name])
            if table.name == "pain_entries":  # text comes through exactly (newlines, Welsh, emoji)
                notes = [r["note"] for r in document["tables"]["pain_entries"]]
                assert [row[rows[0].index("note")] for row in rows[1:]] == notes
    finally:
        source.close()
        target.close()
