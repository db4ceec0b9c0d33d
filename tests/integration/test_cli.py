"""The command line (companion.cli), run as a real process: `python -m companion COMMAND ...`.

Each test makes its own diary with cheap key-derivation parameters, then drives the commands with the
passphrase on a pipe (fd 0 or a passed descriptor), never as an argument, and checks exit codes and files.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from companion import cli
from companion.services.session import DiarySession
from companion.storage import backups
from companion.storage.kdf import KdfParams
from companion.storage.vault import VAULT_FILENAME

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "llyfr lloffion y dyddiau da"
NEW_PASSPHRASE = "Afon Teifi dan y bont 42"
CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=64)


def run(
    *args: str,
    data_dir: Path,
    stdin: str | None = None,
    pass_fds: tuple[int, ...] = (),
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["COMPANION_DATA_DIR"] = str(data_dir)
    for name in ("QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True,
        text=True,
        pass_fds=pass_fds,
        start_new_session=True,  # no controlling terminal, as in a script or a scheduled job
        timeout=60,
    )


def with_passphrase(*args: str, data_dir: Path, passphrase: str = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    return run(*args, "--passphrase-fd", "0", data_dir=data_dir, stdin=passphrase + "\n")


def make_diary(data_dir: Path, notes: tuple[str, ...] = ("bore", "prynhawn", "nos")) -> Path:
    vault = data_dir / VAULT_FILENAME
    session, _recovery = DiarySession.create(vault, PASSPHRASE, CHEAP)
    for number, note in enumerate(notes):
        session.diary.record_pain(number + 2, note)
    session.close()
    return vault


def entries(vault: Path, passphrase: str = PASSPHRASE) -> list[tuple[object, ...]]:
    session = DiarySession.open(vault, passphrase=passphrase)
    try:
        return sorted((e.id, e.recorded_at, e.pain, e.note) for e in session.diary.all_entries())
    finally:
        session.close()


def damage(path: Path) -> None:
    blob = bytearray(path.read_bytes())
    blob[-20] ^= 0x01  # a byte in the encrypted body
    path.write_bytes(bytes(blob))


@pytest.fixture
def vault(data_dir: Path) -> Path:
    return make_diary(data_dir)


def test_help_lists_every_command(data_dir: Path) -> None:
    result = run("--help", data_dir=data_dir)
    assert result.returncode == 0
    for name in cli.COMMANDS:
        assert name in result.stdout
    assert "companion COMMAND --help" in result.stdout


def test_check_reports_each_kind_of_failure_with_its_exit_code(vault: Path, data_dir: Path, tmp_path: Path) -> None:
    # The passphrase on a descriptor of its own (fd 3 in the child), as in `--passphrase-fd 3 3< passfile`.
    read_end, write_end = os.pipe()
    os.write(write_end, (PASSPHRASE + "\n").encode())
    os.close(write_end)
    try:
        ok = run("check", "--passphrase-fd", str(read_end), data_dir=data_dir, pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert ok.returncode == cli.EXIT_OK, ok.stderr
    assert "3 entries" in ok.stdout

    wrong = with_passphrase("check", data_dir=data_dir, passphrase="not the one")
    assert wrong.returncode == cli.EXIT_WRONG_SECRET
    assert "passphrase doesn't open" in wrong.stderr

    welsh = with_passphrase("check", "--language", "cy", data_dir=data_dir, passphrase="not the one")
    assert welsh.returncode == cli.EXIT_WRONG_SECRET
    assert welsh.stderr.strip() and welsh.stderr != wrong.stderr

    no_terminal = run("check", data_dir=data_dir)  # no fd and stdin is not a terminal
    assert no_terminal.returncode == cli.EXIT_USAGE
    assert "--passphrase-fd" in no_terminal.stderr

    jpeg = tmp_path / "photo.jpg"
    jpeg.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(200))
    assert run("check", str(jpeg), data_dir=data_dir).returncode == cli.EXIT_NOT_A_DIARY

    damage(vault)
    damaged = with_passphrase("check", data_dir=data_dir)
    assert damaged.returncode == cli.EXIT_DAMAGED
    assert "damaged" in damaged.stderr


def test_backup_to_a_folder_checks_and_restores_into_another_data_folder(
    vault: Path, data_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "usb stick"
    made = with_passphrase("backup", "--to", str(folder), data_dir=data_dir)
    assert made.returncode == cli.EXIT_OK, made.stderr
    (copy,) = folder.iterdir()
    assert copy.name.startswith("diary-") and copy.name.endswith("-manual.vault")
    assert copy.read_bytes() == vault.read_bytes()  # still encrypted: a byte copy

    assert with_passphrase("check", str(copy), data_dir=data_dir).returncode == cli.EXIT_OK

    elsewhere = tmp_path / "new computer"
    restored = with_passphrase("restore", str(copy), "--yes", data_dir=elsewhere)
    assert restored.returncode == cli.EXIT_OK, restored.stderr
    assert "3 entries" in restored.stdout
    assert entries(elsewhere / VAULT_FILENAME) == entries(vault)


def test_restore_from_an_automatic_backup_after_the_diary_is_damaged(vault: Path, data_dir: Path) -> None:
    before = entries(vault)  # opening makes today's automatic backup
    (daily,) = backups.list_backups(vault)
    listed = run("list-backups", data_dir=data_dir)
    assert listed.returncode == cli.EXIT_OK and daily.path.name in listed.stdout

    damage(vault)
    damaged_bytes = vault.read_bytes()
    result = with_passphrase("restore", daily.path.name, "--yes", data_dir=data_dir)
    assert result.returncode == cli.EXIT_OK, result.stderr
    assert entries(vault) == before
    kept = [p for p in data_dir.iterdir() if p.name.startswith(VAULT_FILENAME + ".replaced-")]
    assert [p.read_bytes() for p in kept] == [damaged_bytes]  # the damaged file was kept aside


def test_change_passphrase_then_only_the_new_one_opens(vault: Path, data_dir: Path) -> None:
    weak = run(
        "change-passphrase",
        "--passphrase-fd",
        "0",
        "--new-passphrase-fd",
        "0",
        data_dir=data_dir,
        stdin=f"{PASSPHRASE}\nshort\n",
    )
    assert weak.returncode == cli.EXIT_USAGE
    changed = run(
        "change-passphrase",
        "--passphrase-fd",
        "0",
        "--new-passphrase-fd",
        "0",
        data_dir=data_dir,
        stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n",
    )
    assert changed.returncode == cli.EXIT_OK, changed.stderr
    assert with_passphrase("check", data_dir=data_dir).returncode == cli.EXIT_WRONG_SECRET
    assert with_passphrase("check", data_dir=data_dir, passphrase=NEW_PASSPHRASE).returncode == cli.EXIT_OK


def test_export_warns_refuses_to_overwrite_and_imports_into_a_fresh_diary(
    vault: Path, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "diary.json"
    exported = with_passphrase("export", "--format", "json", "--out", str(out), data_dir=data_dir)
    assert exported.returncode == cli.EXIT_OK, exported.stderr
    assert "not encrypted" in exported.stderr
    assert out.is_file() and b"prynhawn" in out.read_bytes()

    again = with_passphrase("export", "--out", str(out), data_dir=data_dir)
    assert again.returncode == cli.EXIT_USAGE
    assert "--force" in again.stderr

    zipped = tmp_path / "diary.zip"
    csv = with_passphrase("export", "--format", "csv", "--out", str(zipped), data_dir=data_dir)
    assert csv.returncode == cli.EXIT_OK, csv.stderr
    assert "not encrypted" in csv.stderr
    assert zipfile.is_zipfile(zipped)

    fresh_dir = tmp_path / "fresh"
    fresh = make_diary(fresh_dir, notes=("rhywbeth arall",))
    untouched = fresh.read_bytes()
    refused = with_passphrase("import", str(out), "--mode", "replace", data_dir=fresh_dir)
    assert refused.returncode == cli.EXIT_USAGE  # no --yes and no terminal to ask on
    assert "--yes" in refused.stderr
    assert fresh.read_bytes() == untouched

    imported = with_passphrase("import", str(out), "--mode", "replace", "--yes", data_dir=fresh_dir)
    assert imported.returncode == cli.EXIT_OK, imported.stderr
    assert entries(fresh) == entries(vault)


def test_a_diary_open_in_another_process_is_reported(vault: Path, data_dir: Path) -> None:
    holder = DiarySession.open(vault, passphrase=PASSPHRASE)
    try:
        result = run(
            "change-passphrase",
            "--passphrase-fd",
            "0",
            "--new-passphrase-fd",
            "0",
            data_dir=data_dir,
            stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n",
        )
    finally:
        holder.close()
    assert result.returncode == cli.EXIT_IN_USE
    assert "already open" in result.stderr
    assert entries(vault)  # still opens with the old passphrase


def test_backup_into_a_folder_that_cannot_be_written(vault: Path, data_dir: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("x")
    # Root ignores permissions, so use a folder whose parent is a regular file: it can never be made.
    result = with_passphrase("backup", "--to", str(not_a_folder / "backups"), data_dir=data_dir)
    assert result.returncode == cli.EXIT_CANNOT_WRITE
    assert result.stderr.strip()


def test_restoring_a_backup_made_with_another_passphrase_changes_nothing(
    vault: Path, data_dir: Path, tmp_path: Path
) -> None:
    other_dir = tmp_path / "someone else"
    other_dir.mkdir()
    session, _key = DiarySession.create(other_dir / VAULT_FILENAME, NEW_PASSPHRASE, CHEAP)
    session.diary.record_pain(2, "not mine")
    session.close()
    their_backup = backups.backup_to_folder(
        other_dir / VAULT_FILENAME, tmp_path / "theirs", now=dt.datetime(2026, 1, 1, 9)
    )
    before = vault.read_bytes()
    refused = with_passphrase("restore", str(their_backup), "--yes", data_dir=data_dir)  # our passphrase
    assert refused.returncode == cli.EXIT_WRONG_SECRET, refused.stderr
    assert vault.read_bytes() == before
    assert not [p for p in data_dir.iterdir() if p.name.startswith(VAULT_FILENAME + ".replaced-")]


# --- other trackers and FHIR ---------------------------------------------------------------------------


def test_import_from_a_spreadsheet_dry_run_then_import_then_undo(tmp_path: Path) -> None:
    from tests.fixtures import import_files as gen

    data_dir = tmp_path / "data"
    vault = make_diary(data_dir)
    before = entries(vault)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(gen.spreadsheet(days=4)[0])
    args = (
        "import",
        str(sheet),
        "--from",
        "csv",
        "--map",
        gen.SPREADSHEET_MAP,
        "--units",
        "mood=5,tiredness=100,sleep=minutes",
    )
    dry = with_passphrase(*args, "--dry-run", data_dir=data_dir)
    assert dry.returncode == 0, dry.stderr
    assert "New entries to add: 4." in dry.stdout and "Dry run: nothing was changed." in dry.stdout
    assert entries(vault) == before
    assert [b for b in backups.list_backups(vault) if b.kind == backups.BEFORE_CHANGE] == []
    done = with_passphrase(*args, "--yes", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "4 entries were imported" in done.stdout and len(entries(vault)) == len(before) + 4
    batch = done.stdout.split("companion undo-import ")[1].split()[0]
    listed = with_passphrase("undo-import", data_dir=data_dir)
    assert batch in listed.stdout and "4 of 4 entries still in the diary" in listed.stdout
    undone = with_passphrase("undo-import", batch[:8], "--yes", data_dir=data_dir)
    assert undone.returncode == 0, undone.stderr
    assert entries(vault) == before


def test_an_ambiguous_date_order_is_a_usage_error_that_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    vault = make_diary(data_dir)
    original = vault.read_bytes()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Day;Pain\n03/04/2024;4\n", encoding="utf-8")
    result = with_passphrase(
        "import", str(sheet), "--from", "csv", "--map", "date=Day,pain=Pain", "--yes", data_dir=data_dir
    )
    assert result.returncode == cli.EXIT_USAGE
    assert "--date-order dmy" in result.stderr and vault.read_bytes() == original


def test_fhir_export_of_the_demo_diary_warns_and_writes_a_bundle(tmp_path: Path) -> None:
    import json

    out = tmp_path / "demo-fhir.json"
    result = run("export", "--format", "fhir", "--demo", "--out", str(out), data_dir=tmp_path / "none")
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stderr
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection" and len(bundle["entry"]) > 10
