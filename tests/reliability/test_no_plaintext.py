"""No plaintext on disk: the diary's words never reach a file, not even a SQLite temp or journal file.

A diary is created, written to (ASCII, Welsh with ŵ and ŷ, emoji), locked, unlocked, written to again and
locked. Then every file in the test's folder (data dir, backups, settings, matplotlib config) and every new
entry in the system temp folders is searched for each note as UTF-8 (how SQLite stores TEXT by default),
UTF-16-LE and UTF-16-BE (how a UTF-16 SQLite database or a Windows tool would store it), whole and by a
short unique marker so that a note split across SQLite pages is still found.

SQLite deletes its temp files (etilqs_*) the moment it opens them, so no folder listing can show them. A
thread therefore watches this process's open files (/proc/self/fd) while the diary is used, and while the
app's own database connection runs a sort and a temp table big enough to spill to disk if temp_store were
not MEMORY. Positive controls show each detector finds what it looks for.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import CursorResult

from companion.domain.medicines import Medicine, Tried
from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.storage.kdf import KdfParams
from tests.helpers.story_data import CANARIES as STORY_CANARIES
from tests.helpers.story_data import fill_story

pytestmark = pytest.mark.reliability

PASSPHRASE = "kettle river blue Tuesday"
FIRST_NOTES = (
    "QX7-ascii-marker: knee worse after the stairs at work",
    "QX7-welsh-ŵŷ: poen yn fy nghefn, cerdded i'r siop yn anodd ŵŷ",
    "QX7-emoji-🔥: flare 😣 after gardening, slept badly 🌙",
)
SECOND_NOTES = (
    "QX7-second-ascii: physio exercises done, felt steadier",
    "QX7-second-welsh-Ŵŷ: gwell heddiw, ŵyr yn helpu",
    "QX7-second-emoji-🦄: good day 🙂🌞",
)
NOTES = FIRST_NOTES + SECOND_NOTES
SQLITE_SIDE_FILE_SUFFIXES = ("-journal", "-wal", "-shm")
SPILL_ROWS = 6000
HAS_PROC_FD = Path("/proc/self/fd").is_dir()


def needles(notes: Iterable[str]) -> dict[bytes, str]:
    """Byte patterns that betray a note: each note and its marker, in UTF-8, UTF-16-LE and UTF-16-BE."""
    found: dict[bytes, str] = {}
    for note in notes:
        marker = note.split(":", 1)[0]
        for text in (note, marker):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found[text.encode(encoding)] = f"{text!r} in {encoding}"
    return found


def leaks_in(data: bytes, patterns: dict[bytes, str]) -> list[str]:
    return [what for pattern, what in patterns.items() if pattern in data]


def files_under(root: Path) -> Iterator[Path]:
    for folder, _dirs, names in os.walk(root, onerror=lambda _e: None):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def system_temp_dirs() -> list[Path]:
    """Where SQLite and Python put temp files: SQLITE_TMPDIR, TMPDIR, /var/tmp, /usr/tmp, /tmp."""
    candidates = [os.environ.get("SQLITE_TMPDIR"), tempfile.gettempdir(), "/var/tmp", "/usr/tmp", "/tmp"]
    seen: list[Path] = []
    for raw in candidates:
        if raw and Path(raw).is_dir() and Path(raw).resolve() not in seen:
            seen.append(Path(raw).resolve())
    return seen


def listing(folders: list[Path]) -> set[Path]:
    entries: set[Path] = set()
    for folder in folders:
        try:
            entries.update(folder / name for name in os.listdir(folder))
        except OSError:
            continue
    return entries


class OpenFileWatcher:
    """Records the paths of files this process holds open, polled from /proc/self/fd on a thread.

    Catches files SQLite opens and unlinks at once ("/var/tmp/etilqs_... (deleted)"), which a folder
    listing never sees, as long as they stay open for a moment (a spilled sort or temp table does).
    """

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.poll()

    def poll(self) -> None:
        try:
            fds = os.listdir("/proc/self/fd")
        except OSError:
            return
        for fd in fds:
            try:
                self.paths.add(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                continue

    def sqlite_temp_files(self) -> list[str]:
        return sorted(
            p for p in self.paths if "etilqs_" in p or p.removesuffix(" (deleted)").endswith(SQLITE_SIDE_FILE_SUFFIXES)
        )

    @contextmanager
    def watching(self) -> Iterator[OpenFileWatcher]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join()
            self.poll()


Run = Callable[..., Sequence[object]]


def spill_workload(run: Run) -> None:
    """A temp table and a sort large enough (~2 MB) that SQLite writes temp files unless temp_store=MEMORY.

    `run(sql, params=())` executes one statement on the connection under test and returns its rows.
    """
    run("CREATE TEMP TABLE spill_probe (line TEXT)")
    run(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
        "INSERT INTO spill_probe (line) SELECT printf('%06d ', i) || ? FROM n",
        (SPILL_ROWS, " | ".join(NOTES)),
    )
    rows = run("SELECT line FROM spill_probe ORDER BY substr(line, 4) DESC, line")
    assert len(rows) == SPILL_ROWS
    run("DROP TABLE spill_probe")


def _rows(result: CursorResult[Any]) -> Sequence[object]:
    return result.fetchall() if result.returns_rows else []


# --- positive controls ----------------------------------------------------------------------------------


def test_the_search_finds_notes_in_a_plaintext_sqlite_image_in_utf8_and_utf16(tmp_path: Path) -> None:
    patterns = needles(NOTES)
    for encoding in ("UTF-8", "UTF-16le"):
        db = sqlite3.connect(":memory:")
        db.execute(f"PRAGMA encoding = '{encoding}'")
        db.execute("CREATE TABLE t (note TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [(n,) for n in NOTES])
        db.commit()
        image = db.serialize()
        db.close()
        leaked = leaks_in(image, patterns)
        expected_encoding = "utf-8" if encoding == "UTF-8" else "utf-16-le"
        for note in NOTES:
            assert f"{note!r} in {expected_encoding}" in leaked, (encoding, note)


@pytest.mark.skipif(not HAS_PROC_FD, reason="needs /proc/self/fd (Linux)")
def test_the_watcher_sees_sqlite_temp_files_when_temp_store_is_file() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA temp_store = FILE")
    with OpenFileWatcher().watching() as watcher:
        spill_workload(lambda sql, params=(): db.execute(sql, params).fetchall())
    db.close()
    assert watcher.sqlite_temp_files(), "the probe did not spill; raise SPILL_ROWS"


# --- the diary ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("background", [False, True], ids=["saves-when-committing", "background-saves"])
def test_no_note_reaches_any_file(
    tmp_path: Path, data_dir: Path, vault_path: Path, cheap_kdf: KdfParams, background: bool
) -> None:
    temp_dirs = system_temp_dirs()
    before = listing(temp_dirs)
    patterns = needles(NOTES) | needles(STORY_CANARIES.values())
    watcher = OpenFileWatcher()
    with watcher.watching():
        context = AppContext.load(data_dir, kdf_factory=lambda: cheap_kdf)
        context.update_settings(language="cy", auto_lock_minutes=10)
        session, _recovery = DiarySession.create(
            context.vault_path, PASSPHRASE, context.kdf_factory(), background_saves=background
        )
        for score, note in enumerate(FIRST_NOTES, start=3):
            session.diary.record_pain(score, note=note)
        session.medicines.save_tried(Tried(session.medicines.new_id(), "TENS"))
        session.medicines.save(Medicine(session.medicines.new_id(), "Codeine"))
        fill_story(session, session.diary.now())  # My story, appointments, decisions, review plans (issue 21)
        session.flush()  # every save finished (with background saves one may still be writing its temp file)
        unlocked_leaks = {
            str(p.relative_to(tmp_path)): found
            for p in files_under(tmp_path)
            if (found := leaks_in(p.read_bytes(), patterns))
        }
        session.close()  # lock

        session = DiarySession.open(vault_path, passphrase=PASSPHRASE, background_saves=background)  # unlock
        assert [e.note for e in session.diary.all_entries()] == list(FIRST_NOTES)
        for score, note in enumerate(SECOND_NOTES, start=1):
            session.diary.record_pain(score, note=note)
        engine = session.store.database.engine
        with session.store.write_lock, engine.connect() as conn:  # as a unit of work would: no save meanwhile
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "memory"
            spill_workload(lambda sql, params=(): _rows(conn.exec_driver_sql(sql, params)))
            conn.rollback()
        assert session.diary.entry_count() == len(NOTES)
        session.close()
        context.update_settings(font_point_size=14)

    after = listing(temp_dirs)
    new_in_temp = sorted(after - before)
    scanned: list[Path] = list(files_under(tmp_path))
    for entry in new_in_temp:
        if entry.is_dir() and not entry.is_symlink():
            scanned.extend(files_under(entry))
        elif entry.is_file():
            scanned.append(entry)

    assert unlocked_leaks == {}, f"plaintext on disk while the diary was open: {unlocked_leaks}"
    leaks = {}
    for path in scanned:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if found := leaks_in(data, patterns):
            leaks[str(path)] = found
    assert leaks == {}, f"plaintext on disk after locking: {leaks}"
    assert any(p.name == "diary.vault" for p in scanned), "the vault itself was not scanned"

    side_files = [
        str(p)
        for p in [*scanned, *new_in_temp]
        if p.name.endswith(SQLITE_SIDE_FILE_SUFFIXES) or p.name.startswith("etilqs_")
    ]
    assert side_files == [], f"SQLite journal or temp files were created: {side_files}"
    if HAS_PROC_FD:
        assert watcher.sqlite_temp_files() == [], "SQLite opened temp files while the diary was in use"
        assert any(p.endswith("diary.vault.lock") for p in watcher.paths), "the watcher saw nothing"

    settings = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    # Preferences only: each key is a field of AppSettings (language, text size, auto-lock, reminder times and
    # the day each reminder was last shown), none of them free text.
    assert set(settings) == {"version"} | {field.name for field in dataclasses.fields(AppSettings)}
    assert all(value is None or isinstance(value, bool | int) or len(value) <= 10 for value in settings.values())
    assert settings["language"] == "cy"
    assert leaks_in((data_dir / "settings.json").read_bytes(), patterns) == []
    assert (data_dir / "diary.vault.lock").read_bytes() in (b"", str(os.getpid()).encode())
    # The files the diary leaves are the vault, its lock, settings and encrypted backups: nothing else.
    names = {p.relative_to(data_dir).parts[0] for p in files_under(data_dir)}
    assert names <= {"diary.vault", "diary.vault.lock", "settings.json", "backups"}, names
