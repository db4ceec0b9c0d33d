"""Fuzzing the two readers of untrusted files: the vault container and the JSON import.

Hypothesis feeds each reader arbitrary input and mutations of a valid file. The only outcomes allowed are
the documented ones (docs/vault-format.md, docs/export-format.md):

* the vault container (`unlock_blob`, which Vault.open runs on the file's bytes): NotAVaultError,
  DamagedVaultError or NewerVersionError; WrongPassphraseError too once the header's digest has been
  recomputed by the tamperer (then only the key slot can tell). A changed file is never accepted with a
  different image;
* the JSON import (`parse_export`, then `import_json` into a real diary): ImportFormatError (with its
  subclass ImportNewerVersionError). A refused import changes nothing in the diary; an accepted one leaves
  a diary that reads back, saves, and exports to a file that imports again.

Any other exception fails the test, and Hypothesis shrinks it to a small case. The fast tier runs a few
hundred cases in a few seconds; `pytest --long` runs fifty times more (docs/reliability.md gives the
figures). Bugs found this way are fixed and kept as regression cases in test_fuzz_regressions.py.
"""

from __future__ import annotations

import copy
import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.domain.errors import (
    DamagedVaultError,
    ImportFormatError,
    NewerVersionError,
    NotAVaultError,
    WrongPassphraseError,
)
from companion.services import transfer
from companion.services.session import DiarySession
from companion.services.transfer_json import parse_export
from companion.storage import vault_format as fmt
from companion.storage.kdf import KdfParams
from companion.storage.vault import unlock_blob
from tests.fixtures.make_fixture_vaults import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.fixtures.make_fixture_vaults import fixture_path, revisions

pytestmark = [pytest.mark.reliability, pytest.mark.timeout(1800)]  # the long tier runs minutes per test

PASSPHRASE = "quiet harbour 19 ŵ"
CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=64)
CONTAINER_ERRORS = (NotAVaultError, DamagedVaultError, NewerVersionError)
# Fast tier / long tier example counts per test.
CASES = {"bytes": (300, 20_000), "mutations": (300, 20_000), "rehashed": (60, 3_000), "json": (150, 5_000)}
IMPORT_CASES = (60, 2_000)
RAN: Counter[str] = Counter()  # cases run per target, printed for docs/reliability.md (pytest -s)


def _settings(long_tier: bool, kind: str) -> settings:
    fast, long = IMPORT_CASES if kind == "import" else CASES[kind]
    return settings(
        max_examples=long if long_tier else fast,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# --- the vault container ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def vault_blob(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "diary.vault"
    session, _recovery = DiarySession.create(path, PASSPHRASE, CHEAP)
    session.diary.record_pain(5, "Fuzz target 🙂 ŵ")
    session.close()
    return path.read_bytes()


def _open(blob: bytes) -> bytes | BaseException:
    try:
        return unlock_blob(blob, passphrase=PASSPHRASE)[2]
    except (*CONTAINER_ERRORS, WrongPassphraseError) as exc:
        return exc


def test_the_container_refuses_arbitrary_bytes(long_tier: bool) -> None:
    @_settings(long_tier, "bytes")
    @given(st.one_of(st.binary(max_size=700), st.binary(max_size=700).map(lambda b: fmt.MAGIC + b)))
    def check(blob: bytes) -> None:
        RAN["container-bytes"] += 1
        outcome = _open(blob)
        assert isinstance(outcome, CONTAINER_ERRORS), f"{len(blob)} bytes gave {outcome!r}"

    check()
    print(f"fuzz container-bytes: {RAN['container-bytes']} cases")


Mutation = Callable[[bytearray], None]


def _mutations(size: int) -> st.SearchStrategy[Mutation]:
    index = st.integers(0, size - 1)

    def flip(i: int, bit: int) -> Mutation:
        return lambda b: b.__setitem__(i % len(b), b[i % len(b)] ^ (1 << bit)) if b else None

    def put(i: int, value: int) -> Mutation:
        return lambda b: b.__setitem__(i % len(b), value) if b else None

    def cut(i: int, n: int) -> Mutation:
        return lambda b: b.__delitem__(slice(i % max(len(b), 1), i % max(len(b), 1) + n))

    def insert(i: int, data: bytes) -> Mutation:
        return lambda b: b.__setitem__(slice(i % max(len(b), 1), i % max(len(b), 1)), data)

    def truncate(i: int) -> Mutation:
        return lambda b: b.__delitem__(slice(i % max(len(b), 1), None))

    def append(data: bytes) -> Mutation:
        return lambda b: b.extend(data)

    return st.one_of(
        st.builds(flip, index, st.integers(0, 7)),
        st.builds(put, index, st.integers(0, 255)),
        st.builds(cut, index, st.integers(1, 64)),
        st.builds(insert, index, st.binary(min_size=1, max_size=64)),
        st.builds(truncate, index),
        st.builds(append, st.binary(min_size=1, max_size=64)),
    )


def test_mutated_vaults_are_refused_never_misread(vault_blob: bytes, long_tier: bool) -> None:
    original = unlock_blob(vault_blob, passphrase=PASSPHRASE)[2]

    @_settings(long_tier, "mutations")
    @given(st.lists(_mutations(len(vault_blob)), min_size=1, max_size=4))
    def check(mutations: list[Mutation]) -> None:
        RAN["container-mutations"] += 1
        damaged = bytearray(vault_blob)
        for mutate in mutations:
            mutate(damaged)
        outcome = _open(bytes(damaged))
        if bytes(damaged) == vault_blob:
            assert outcome == original
        else:
            assert isinstance(outcome, CONTAINER_ERRORS), f"a changed vault gave {outcome!r:.200}"

    check()
    print(f"fuzz container-mutations: {RAN['container-mutations']} cases")


def _kdf_param_offsets(slots: int) -> set[int]:
    """Offsets of the slots' KDF cost fields: a rehashed change there could ask for gigabytes of memory."""
    offsets: set[int] = set()
    for n in range(slots):
        start = fmt.PREFIX_LEN + n * fmt.SLOT_LEN
        offsets.update(range(start + 4, start + 16))  # iterations, lanes, memory (u32 each)
    return offsets


def test_header_changes_with_a_recomputed_digest_are_refused(vault_blob: bytes, long_tier: bool) -> None:
    """A tamperer who knows the format recomputes the header's SHA-256: the keys still catch every change."""
    original = unlock_blob(vault_blob, passphrase=PASSPHRASE)[2]
    header = fmt.parse_header(vault_blob)
    digest_at = header.length - fmt.DIGEST_LEN
    editable = [i for i in range(len(fmt.MAGIC) + 2, digest_at) if i not in _kdf_param_offsets(len(header.slots))]

    @_settings(long_tier, "rehashed")
    @given(st.lists(st.tuples(st.sampled_from(editable), st.integers(0, 255)), min_size=1, max_size=6))
    def check(edits: list[tuple[int, int]]) -> None:
        RAN["container-rehashed"] += 1
        damaged = bytearray(vault_blob)
        for offset, value in edits:
            damaged[offset] = value
        damaged[digest_at : header.length] = hashlib.sha256(damaged[:digest_at]).digest()
        outcome = _open(bytes(damaged))
        if damaged[:digest_at] == vault_blob[:digest_at]:
            assert outcome == original
        else:
            assert isinstance(outcome, (*CONTAINER_ERRORS, WrongPassphraseError)), f"gave {outcome!r:.200}"

    check()
    print(f"fuzz container-rehashed: {RAN['container-rehashed']} cases")


# --- the JSON import ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def valid_export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """An export of the newest fixture diary: rows in every table, Welsh letters, emoji, nulls, floats."""
    path = tmp_path_factory.mktemp("fuzz-export") / "diary.vault"
    shutil.copyfile(fixture_path(revisions()[-1]), path)
    session = DiarySession.open(path, passphrase=FIXTURE_PASSPHRASE)
    try:
        return transfer.export_json(session)
    finally:
        session.close()


def _refused(data: bytes) -> ImportFormatError | None:
    try:
        parse_export(data)
    except ImportFormatError as exc:
        exc.message()  # the message shown must format
        return exc
    return None


def test_the_import_refuses_arbitrary_bytes(long_tier: bool) -> None:
    @_settings(long_tier, "bytes")
    @given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8"))))
    def check(data: bytes) -> None:
        RAN["import-bytes"] += 1
        assert _refused(data) is not None

    check()
    print(f"fuzz import-bytes: {RAN['import-bytes']} cases")


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, 10**30, -1, 0, 10**6 + 1]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "\ud800",
            "a\udfffb",
            "\x00",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "0001-01-01T00:00:00",
            "9999-12-31T23:59:59.999999",
            "2024-03-01T09:30:00+14:00",
            "2024-02-30",
            "0001-01-01",
            "9999-12-31",
            "2024-03-01",
            "x" * 20_001,
            "0123456",
            "7",
            "f-head",
            "worse",
            "phq2",
        ]
    ),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12,
)


def _dump(document: Any) -> bytes:
    # ensure_ascii keeps lone surrogates as \ud800 escapes: valid JSON text that decodes to such a string.
    return json.dumps(document, ensure_ascii=True).encode("utf-8")


def test_the_import_refuses_arbitrary_json(long_tier: bool) -> None:
    header = {"format": "companion-export", "version": 1, "exported_at": "2024-03-01T09:30:00+00:00"}

    @_settings(long_tier, "json")
    @given(st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from([*header, "app_version", "tables"]), JSON_VALUES)))
    def check(document: Any) -> None:
        RAN["import-json"] += 1
        if isinstance(document, dict) and document.get("format") == "companion-export":
            document = {**header, **document}
        _refused(_dump(document))  # refused or accepted, never another exception

    check()
    print(f"fuzz import-json: {RAN['import-json']} cases")


def _edit_rows(draw: st.DrawFn, tables: dict[str, list[dict[str, Any]]]) -> str:
    """Change one row of `tables` in place, one way an edited or damaged file might; returns what was done."""
    names = sorted(n for n in tables if tables[n])
    if not names:
        return "nothing left to edit"
    action = draw(
        st.sampled_from(
            ["set", "set", "retype", "retype", "retype", "drop-column", "add-column", "copy-row", "drop-row"]
        )
    )
    table = draw(st.sampled_from(names))
    rows = tables[table]
    index = draw(st.integers(0, len(rows) - 1))
    row = rows[index]
    column = draw(st.sampled_from(sorted(row))) if row else "-"
    if action == "set" and row:
        row[column] = draw(JSON_VALUES)
    elif action == "retype" and row:  # a new value of the same JSON type: often still a valid file
        value = row[column]
        if isinstance(value, bool) or value is None:
            row[column] = draw(st.one_of(st.none(), st.booleans()))
        elif isinstance(value, int):
            row[column] = draw(st.integers(-3, 12))
        elif isinstance(value, float):
            row[column] = draw(st.floats(-1, 30, allow_nan=False))
        else:
            row[column] = draw(st.text(max_size=30))
    elif action == "drop-column" and row:
        del row[column]
    elif action == "add-column":
        row[draw(st.text(max_size=10))] = draw(JSON_VALUES)
    elif action == "copy-row":
        rows.append(copy.deepcopy(row))
    elif action == "drop-row":
        del rows[index]
    return f"{action} {table}[{index}].{column}"


@st.composite
def edited_exports(draw: st.DrawFn, base: dict[str, Any]) -> tuple[bytes, list[str]]:
    """1-3 row edits, then sometimes one change to a top-level part (which may replace the tables)."""
    document = copy.deepcopy(base)
    done = [_edit_rows(draw, document["tables"]) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.integers(0, 4)) == 0:
        key = draw(st.sampled_from(["format", "version", "exported_at", "app_version", "tables", "extra"]))
        document[key] = draw(JSON_VALUES)
        done.append(f"top-level {key}")
    return _dump(document), done


def read_everything(session: DiarySession) -> None:
    """Every page's reads, as the window makes them after an import: an accepted file must not break one."""
    session.diary.all_entries()
    session.flares.episodes()
    session.flares.stats()
    session.flares.plan()
    session.flares.current()
    for activity in session.pacing.activities():
        session.pacing.tests(activity.id)
        session.pacing.changes(activity.id)
        session.pacing.schedule(activity.id)
        session.pacing.progress(activity)
    session.pacing.logs()
    session.pacing.today_progress()
    session.goals.goals()
    session.goals.what_matters_history()
    session.goals.plans()
    session.goals.plans_to_check_back()
    session.medicines.medicines()
    session.medicines.tried()
    session.medicines.reviews_due()
    session.support.own()
    session.measures.peg_history()
    session.measures.screens()
    session.measures.peg_due()


def _diary_tables(session: DiarySession) -> str:
    document = json.loads(transfer.export_json(session))
    return json.dumps(document["tables"], sort_keys=True)


def test_edited_exports_are_refused_or_imported_cleanly(valid_export: bytes, data_dir: Path, long_tier: bool) -> None:
    base = json.loads(valid_export)
    assert _refused(valid_export) is None
    session, _recovery = DiarySession.create(data_dir / "diary.vault", PASSPHRASE, CHEAP)
    session.diary.record_pain(4, "Already in the diary ŵ")
    outcomes = {"refused": 0, "imported": 0}
    try:

        @_settings(long_tier, "import")
        @given(edited_exports(base), st.sampled_from(["merge", "replace"]))
        def check(edited: tuple[bytes, list[str]], mode: str) -> None:
            RAN["import-edited"] += 1
            data, _done = edited
            before = _diary_tables(session)
            try:
                transfer.preview_json(session, data, mode)  # type: ignore[arg-type]
                transfer.import_json(session, data, mode)  # type: ignore[arg-type]
            except ImportFormatError as exc:
                exc.message()
                outcomes["refused"] += 1
                assert _diary_tables(session) == before, "a refused import changed the diary"
                assert not session.has_unsaved_changes
                return
            outcomes["imported"] += 1
            assert not session.has_unsaved_changes, "an accepted import was not saved"
            read_everything(session)  # what was imported reads back through the domain layer
            again = transfer.export_json(session)
            assert _refused(again) is None, "the diary no longer exports to a file it can import"

        check()
        print(f"fuzz import-edited: {RAN['import-edited']} cases")
    finally:
        session.close()
    print(f"fuzz import-edited outcomes: {outcomes}")
    assert outcomes["refused"] > 0 and outcomes["imported"] > 0, outcomes
    reopened = DiarySession.open(data_dir / "diary.vault", passphrase=PASSPHRASE)
    reopened.close()
