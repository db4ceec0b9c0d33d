"""Old diaries open and upgrade without loss: one committed fixture vault per schema revision.

tests/fixtures/vaults/schema-<rev>.vault were written by tests/fixtures/make_fixture_vaults.py: the schema
upgraded to that revision only, rows in every table it has (Welsh letters, emoji, newlines, nulls, floats,
dates), sealed with the cheap KDF. Each is copied into a fresh data folder and opened with the current code,
which must:

* open it with the passphrase and upgrade it to the newest revision (head);
* first keep a before-change backup that is byte for byte the file as it was (when an upgrade was needed);
* keep every fixture row, every value equal, after the upgrade and after a close and a reopen;
* let the diary be used: the check-ins read through the domain layer, and a new one can be saved.

When a migration is added, the test that every revision has a fixture fails until its fixture is built
(docs/reliability.md, "Migrations").
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from companion.services.session import DiarySession
from companion.storage import backups
from companion.storage.models import Base
from tests.conftest import HEAD_REVISION
from tests.fixtures.make_fixture_vaults import PASSPHRASE, ROWS, fixture_path, revisions, rows_up_to

pytestmark = pytest.mark.reliability


def _revision(session: DiarySession) -> str | None:
    return session.store.database.revision_state()[0]


def _stored_row(session: DiarySession, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """The row of `table` with `row`'s primary key, as SQLite holds it, limited to `row`'s columns."""
    key_columns = [c.name for c in Base.metadata.tables[table].primary_key.columns]
    where = " AND ".join(f"{c} = ?" for c in key_columns)
    with session.store.database.engine.connect() as connection:
        found = connection.exec_driver_sql(
            f"SELECT {', '.join(row)} FROM {table} WHERE {where}", tuple(row[c] for c in key_columns)
        ).fetchall()
    assert len(found) <= 1
    return dict(zip(row, found[0], strict=True)) if found else None


def test_every_schema_revision_has_a_fixture_vault() -> None:
    assert revisions()[-1] == HEAD_REVISION
    missing = [rev for rev in revisions() if not fixture_path(rev).is_file()]
    assert missing == [], (
        f"no fixture vault for schema revision(s) {missing}: add ROWS[...] for each to "
        "tests/fixtures/make_fixture_vaults.py, run it and commit the new tests/fixtures/vaults/ files"
    )
    assert sorted(ROWS) == revisions()


def test_the_fixtures_hold_rows_of_every_table() -> None:
    tables = {table for rev in ROWS for table, _row in ROWS[rev]}
    assert tables == set(Base.metadata.tables), "a table of the current schema has no fixture row"


@pytest.mark.parametrize("revision", revisions())
def test_an_old_diary_opens_and_upgrades_without_loss(revision: str, data_dir: Path) -> None:
    fixture = fixture_path(revision)
    original = fixture.read_bytes()
    vault = data_dir / "diary.vault"
    shutil.copyfile(fixture, vault)

    session = DiarySession.open(vault, passphrase=PASSPHRASE)
    try:
        assert _revision(session) == HEAD_REVISION
        lost = [(table, row) for table, row in rows_up_to(revision) if _stored_row(session, table, row) != row]
        assert lost == [], f"rows changed or lost in the upgrade from {revision}: {lost}"
        notes = {entry.note for entry in session.diary.all_entries()}
        assert "Poen yn fy nghefn ar ôl cerdded i'r siop 🚶\nail linell: ŵ ŷ â ê î ô û" in notes
        session.diary.record_pain(3, note="ar ôl yr uwchraddio 🙂")
    finally:
        session.close()

    before_change = [b for b in backups.list_backups(vault) if b.kind == backups.BEFORE_CHANGE]
    if revision == HEAD_REVISION:
        assert before_change == [], "a diary already at head was backed up as if it were migrated"
    else:
        assert len(before_change) == 1, "no before-change backup was kept before the upgrade"
        assert before_change[0].path.read_bytes() == original, "the before-change backup is not the old file"

    session = DiarySession.open(vault, passphrase=PASSPHRASE)
    try:
        assert _revision(session) == HEAD_REVISION
        assert [(t, r) for t, r in rows_up_to(revision) if _stored_row(session, t, r) != r] == []
        assert "ar ôl yr uwchraddio 🙂" in {entry.note for entry in session.diary.all_entries()}
    finally:
        session.close()
