"""`companion init` and the CLI's key and backup fixes, run as real processes without a display.

`init` calibrates the key derivation as the app does (a few seconds on 2 cores), so it runs in few tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion import cli
from companion.storage import backups
from companion.storage.vault import VAULT_FILENAME, unlock_blob
from tests.integration.test_cli import NEW_PASSPHRASE, PASSPHRASE, entries, make_diary, run, with_passphrase

STRONG = "dyfrdwy hwyaden gwyntog pysgota"


def run_no_display(
    *args: str, data_dir: Path, stdin: str, pass_fds: tuple[int, ...] = ()
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["COMPANION_DATA_DIR"] = str(data_dir)
    env["LANG"] = "C.UTF-8"
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        pass_fds=pass_fds,
        start_new_session=True,
        timeout=120,
    )


def test_init_then_check_from_a_script_with_no_display(tmp_path: Path) -> None:
    data = tmp_path / "diary folder"
    read_key, write_key = os.pipe()
    try:
        made = run_no_display(
            "init",
            "--passphrase-fd",
            "0",
            "--recovery-key-fd",
            str(write_key),
            "--language",
            "cy",
            data_dir=data,
            stdin=STRONG + "\n",
            pass_fds=(write_key,),
        )
        os.close(write_key)
        key = os.read(read_key, 200).decode().strip()
    finally:
        os.close(read_key)
    assert made.returncode == cli.EXIT_OK, made.stderr
    assert key and key not in made.stdout  # written to the descriptor only
    assert '"language": "cy"' in (data / "settings.json").read_text()
    checked = run_no_display("check", "--passphrase-fd", "0", "--language", "en", data_dir=data, stdin=STRONG + "\n")
    assert checked.returncode == cli.EXIT_OK, checked.stderr
    assert "It holds 0 entries." in checked.stdout
    header, _key, _image = unlock_blob((data / VAULT_FILENAME).read_bytes(), recovery_key=key)
    slot = header.slot(1)
    assert slot is not None and slot.params.memory_kib == 65536 and slot.params.iterations >= 3  # calibrated
    assert (data.stat().st_mode & 0o777) == 0o700
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in data.iterdir() if p.is_file())


def test_init_shows_the_key_once_and_refuses_weak_or_existing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    weak = run("init", "--passphrase-fd", "0", data_dir=data, stdin="Cardiff2024\n")
    assert weak.returncode == cli.EXIT_USAGE and not (data / VAULT_FILENAME).exists()
    assert "Cardiff" not in weak.stderr
    made = run("init", "--passphrase-fd", "0", "--language", "en", data_dir=data, stdin=STRONG + "\n")
    assert made.returncode == cli.EXIT_OK, made.stderr
    key = next(line for line in made.stdout.splitlines() if line.count("-") == 7)
    assert unlock_blob((data / VAULT_FILENAME).read_bytes(), recovery_key=key)
    again = run("init", "--passphrase-fd", "0", data_dir=data, stdin=STRONG + "\n")
    assert again.returncode == cli.EXIT_USAGE
    assert "already a diary" in again.stderr


def test_list_backups_with_no_diary_says_so(tmp_path: Path) -> None:
    result = run("list-backups", "--language", "en", data_dir=tmp_path / "empty")
    assert result.returncode == cli.EXIT_NOT_A_DIARY
    assert "There is no diary in" in result.stderr


def test_restore_backs_up_the_diary_it_replaces_and_list_backups_shows_the_replaced_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    vault = make_diary(data)
    before = entries(vault)  # makes today's daily backup
    (daily,) = backups.list_backups(vault)
    replaced_bytes = vault.read_bytes()
    result = with_passphrase("restore", daily.path.name, "--yes", data_dir=data)
    assert result.returncode == cli.EXIT_OK, result.stderr
    before_change = [b for b in backups.list_backups(vault) if b.kind == backups.BEFORE_CHANGE]
    assert [b.path.read_bytes() for b in before_change] == [replaced_bytes]
    listed = run("list-backups", "--language", "en", data_dir=data)
    assert listed.returncode == cli.EXIT_OK
    (aside,) = backups.replaced_files(vault)
    assert str(aside.path) in listed.stdout and "replaced by a restore" in listed.stdout
    assert entries(vault) == before


def test_a_mistyped_recovery_key_exits_3(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_diary(data)
    result = run("check", "--recovery-key-fd", "0", data_dir=data, stdin="ABCD-EFGH\n")
    assert result.returncode == cli.EXIT_WRONG_SECRET == 3


def test_change_passphrase_reencrypts_the_backups_by_default(tmp_path: Path) -> None:
    data = tmp_path / "data"
    vault = make_diary(data)
    entries(vault)  # today's backup, under the old passphrase
    (daily,) = backups.list_backups(vault)
    changed = run(
        "change-passphrase",
        "--passphrase-fd",
        "0",
        "--new-passphrase-fd",
        "0",
        "--language",
        "en",
        data_dir=data,
        stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n",
    )
    assert changed.returncode == cli.EXIT_OK, changed.stderr
    assert "still open with the old passphrase" in changed.stdout
    assert "Backups re-encrypted with the new passphrase: 1." in changed.stdout
    assert unlock_blob(daily.path.read_bytes(), passphrase=NEW_PASSPHRASE)
    with pytest.raises(Exception, match="passphrase"):
        unlock_blob(daily.path.read_bytes(), passphrase=PASSPHRASE)
