"""Backups beside the vault: made once a day and before a change, rotated, restored."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from companion.domain.errors import NotAVaultError, WrongPassphraseError
from companion.services.session import DiarySession
from companion.storage import backups
from companion.storage.kdf import KdfParams

PASSPHRASE = "llyfr lloffion y dyddiau da"
NAME = re.compile(r"^diary-\d{8}T\d{6}-(daily|before-change|manual)\.vault$")


def _notes(path: Path, passphrase: str = PASSPHRASE) -> list[str]:
    session = DiarySession.open(path, passphrase=passphrase)
    try:
        return sorted(e.note for e in session.diary.all_entries())
    finally:
        session.close()


def _backup_notes(backup: Path, **secret: str) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.deserialize(backups.check_backup(backup, **secret))
    return sorted(row[0] for row in conn.execute("SELECT note FROM pain_entries"))


@pytest.fixture
def recovery(vault_path: Path, cheap_kdf: KdfParams) -> str:
    session, key = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(3, "cyntaf")
    session.close()
    return key


# --- daily backups ------------------------------------------------------------------------------------------------


def test_daily_backup_is_made_once_per_day(vault_path: Path, recovery: str) -> None:
    assert backups.list_backups(vault_path) == []  # creating a diary makes no backup
    on_disk = vault_path.read_bytes()

    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    made = backups.list_backups(vault_path)
    assert [b.kind for b in made] == [backups.DAILY]
    assert made[0].made_at.date() == dt.date.today()
    assert NAME.match(made[0].path.name)
    assert made[0].path.parent == vault_path.parent / "backups"
    assert made[0].path.read_bytes() == on_disk  # a byte copy of the file as it was opened
    session.diary.record_pain(5, "ail")
    session.close()

    DiarySession.open(vault_path, passphrase=PASSPHRASE).close()  # same day: no second daily backup
    assert [b.path for b in backups.list_backups(vault_path)] == [made[0].path]
    assert _backup_notes(made[0].path, passphrase=PASSPHRASE) == ["cyntaf"]


def test_daily_backup_made_when_the_last_one_is_from_yesterday(vault_path: Path, recovery: str) -> None:
    folder = backups.backup_dir(vault_path)
    folder.mkdir()
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    old = folder / f"diary-{yesterday:%Y%m%dT%H%M%S}-daily.vault"
    old.write_bytes(vault_path.read_bytes())
    assert backups.has_daily_backup_for(vault_path, yesterday.date())
    assert not backups.has_daily_backup_for(vault_path, dt.date.today())

    DiarySession.open(vault_path, passphrase=PASSPHRASE).close()
    daily = [b for b in backups.list_backups(vault_path) if b.kind == backups.DAILY]
    assert len(daily) == 2 and daily[1].path == old
    assert backups.has_daily_backup_for(vault_path, dt.date.today())
    DiarySession.open(vault_path, passphrase=PASSPHRASE).close()
    assert len([b for b in backups.list_backups(vault_path) if b.kind == backups.DAILY]) == 2


def test_manual_backup_is_named_by_time_and_kind(vault_path: Path, recovery: str) -> None:
    when = dt.datetime(2026, 2, 3, 4, 5, 6)
    made = backups.make_backup(vault_path, backups.MANUAL, now=when)
    assert made == vault_path.parent / "backups" / "diary-20260203T040506-manual.vault"
    assert made.read_bytes() == vault_path.read_bytes()
    assert backups.make_backup(vault_path.with_name("nothing-here.vault"), backups.MANUAL, now=when) is None


# --- rotation -------------------------------------------------------------------------------------------------------


def _touch(folder: Path, when: dt.datetime, kind: str) -> Path:
    path = folder / f"diary-{when:%Y%m%dT%H%M%S}-{kind}.vault"
    path.write_bytes(b"backup " + path.name.encode())
    return path


def test_prune_keeps_days_then_weeks_then_before_change_and_all_manual(vault_path: Path) -> None:
    now = dt.datetime(2026, 3, 15, 12, 0)
    assert now.isoweekday() == 7  # a Sunday: days 7-41 back are exactly five ISO weeks (Mon-Sun)
    folder = backups.backup_dir(vault_path)
    folder.mkdir()

    def at(days_ago: int, hour: int) -> dt.datetime:
        return dt.datetime.combine(now.date() - dt.timedelta(days=days_ago), dt.time(hour, 0))

    daily = {(age, hour): _touch(folder, at(age, hour), backups.DAILY) for age in range(61) for hour in (6, 9)}
    before_change = {age: _touch(folder, at(age, 10), backups.BEFORE_CHANGE) for age in (1, 3, 10, 50, 70)}
    manual = [_touch(folder, at(age, 11), backups.MANUAL) for age in (2, 40, 400)]
    strangers = [folder / "notes.txt", folder / "diary-someday-daily.vault", folder / "diary-20260101T000000-x.vault"]
    for item in strangers:
        item.write_bytes(b"not a backup name")

    removed = backups.prune(vault_path, now=now)

    kept = {p for p in folder.iterdir()}
    expected_days = {daily[(age, 9)] for age in range(7)}  # newest of each of the last 7 days
    expected_weeks = {daily[(age, 9)] for age in (7, 14, 21, 28, 35)}  # newest (Sunday) of 5 ISO weeks
    expected_before = {before_change[age] for age in (1, 3, 10)}  # newest 3
    assert kept == expected_days | expected_weeks | expected_before | set(manual) | set(strangers)
    assert set(removed) == (set(daily.values()) | set(before_change.values())) - kept
    assert backups.prune(vault_path, now=now) == []  # stable


def test_prune_keeps_one_per_iso_week_when_weeks_are_not_aligned(vault_path: Path) -> None:
    now = dt.datetime(2026, 3, 18, 12, 0)  # a Wednesday
    folder = backups.backup_dir(vault_path)
    folder.mkdir()
    for age in range(60):
        _touch(folder, dt.datetime.combine(now.date() - dt.timedelta(days=age), dt.time(9)), backups.DAILY)
    backups.prune(vault_path, now=now)
    kept = backups.list_backups(vault_path)
    ages = sorted((now.date() - b.made_at.date()).days for b in kept)
    assert ages[:7] == list(range(7))
    older = [b for b in kept if (now.date() - b.made_at.date()).days >= 7]
    assert all((now.date() - b.made_at.date()).days < 42 for b in older)
    weeks = [b.made_at.isocalendar()[:2] for b in older]
    assert len(weeks) == len(set(weeks))  # at most one per ISO week
    assert 5 <= len(weeks) <= 6  # 35 days touch five or six ISO weeks


def test_making_a_backup_prunes(vault_path: Path, recovery: str) -> None:
    folder = backups.backup_dir(vault_path)
    folder.mkdir()
    now = dt.datetime(2026, 5, 20, 8, 0)
    for n in range(5):
        _touch(folder, now - dt.timedelta(days=n + 1), backups.BEFORE_CHANGE)
    backups.make_backup(vault_path, backups.BEFORE_CHANGE, now=now)
    kinds = [b for b in backups.list_backups(vault_path) if b.kind == backups.BEFORE_CHANGE]
    assert len(kinds) == backups.KEEP_BEFORE_CHANGE == 3
    assert kinds[0].made_at == now


# --- restore ----------------------------------------------------------------------------------------------------------


def test_restore_keeps_the_replaced_file_aside(vault_path: Path, recovery: str) -> None:
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)  # today's backup: "cyntaf" only
    session.diary.record_pain(8, "ar ôl y copi")
    session.close()
    current = vault_path.read_bytes()
    (backup,) = backups.list_backups(vault_path)

    when = dt.datetime(2026, 6, 1, 10, 20, 30)
    aside = backups.restore_backup(vault_path, backup.path, now=when)

    assert aside == vault_path.with_name("diary.vault.replaced-20260601T102030")
    assert aside.read_bytes() == current
    assert vault_path.read_bytes() == backup.path.read_bytes()
    assert _notes(vault_path) == ["cyntaf"]
    assert _backup_notes(aside, passphrase=PASSPHRASE) == ["ar ôl y copi", "cyntaf"]
    assert backup.path.exists()


def test_restore_refuses_something_that_is_not_a_vault(vault_path: Path, recovery: str) -> None:
    before = vault_path.read_bytes()
    fake = backups.backup_dir(vault_path)
    fake.mkdir()
    photo = fake / "diary-20260101T000000-manual.vault"
    photo.write_bytes(bytes.fromhex("ffd8ffe000104a464946") + bytes(200))
    with pytest.raises(NotAVaultError):
        backups.restore_backup(vault_path, photo, now=dt.datetime(2026, 1, 1, 9))
    assert vault_path.read_bytes() == before
    assert not list(vault_path.parent.glob("diary.vault.replaced-*"))


def test_newest_good_backup_skips_damaged_ones(vault_path: Path, recovery: str) -> None:
    good = backups.make_backup(vault_path, backups.MANUAL, now=dt.datetime(2026, 1, 1, 9))
    truncated = backups.make_backup(vault_path, backups.MANUAL, now=dt.datetime(2026, 1, 2, 9))
    assert good and truncated
    truncated.write_bytes(truncated.read_bytes()[:-10])
    found = backups.newest_good_backup(vault_path)
    assert found is not None and found.path == good


def test_backups_keep_the_passphrase_they_were_made_with(vault_path: Path, recovery: str, cheap_kdf: KdfParams) -> None:
    backup = backups.make_backup(vault_path, backups.MANUAL, now=dt.datetime(2026, 1, 1, 9))
    assert backup
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    assert session.change_passphrase(PASSPHRASE, "newydd sbon a hir iawn", cheap_kdf)
    session.close()
    assert _backup_notes(backup, passphrase=PASSPHRASE) == ["cyntaf"]
    assert _backup_notes(backup, recovery_key=recovery) == ["cyntaf"]
    with pytest.raises(WrongPassphraseError):
        backups.check_backup(backup, passphrase="newydd sbon a hir iawn")
