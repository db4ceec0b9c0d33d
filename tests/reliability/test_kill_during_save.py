"""kill -9 during saves: the vault always opens again and holds every entry whose save was acknowledged.

A real writer process (tests/helpers/vault_worker.py, forked from a long-lived server so each iteration
does not pay Python's start-up and imports again) records large notes in a loop and prints ``ACK <tag>``
only once the entry is durable: after ``record_pain`` has returned (the commit and the durable save), or,
with background saves (the loop runs in both modes), once the store says the entry's commit is durable.
The test sends it SIGKILL at a seeded random moment, then reopens the vault itself and checks:

* it opens (never "damaged", never unopenable), with the passphrase;
* every acknowledged note is in it (and every note written before this iteration is still there);
* the temp files a killed save left beside the vault are gone after opening;
* the kill released the one-writer lock (the reopen takes it), which the writer held while it ran.

Kill moments are mixed so that many land inside saves: right after an ACK (the next commit is starting),
a random delay after an ACK (mostly while the image is being compressed and encrypted), the instant a save
starts writing, i.e. a temp file appears beside the vault (while it is written, fsynced and renamed), and
during start-up (while the
writer opens the vault and takes the daily backup). The test counts kills that provably landed inside a
save and fails if there were too few, so a future change that makes saves too fast to hit cannot turn the
test into a no-op silently.

A kill -9 leaves the kernel's page cache intact, so this tests crash-consistency of the write protocol
(temp file, fsync, rename), not survival of a power cut.

Seed: set COMPANION_KILL_SEED to replay another schedule. Iterations: 100 (fast tier), 1,000 under
`pytest --long`; COMPANION_KILL_ITERATIONS (>= 50) overrides both.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import queue
import random
import re
import shutil
import signal
import string
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from companion.domain.checkin import Checkin
from companion.domain.errors import VaultLockedByOtherError
from companion.domain.pain import NOTE_MAX_CHARS
from companion.services.session import DiarySession
from companion.storage.atomic import TEMP_SUFFIX
from companion.storage.backups import backup_dir
from companion.storage.kdf import KdfParams
from companion.storage.lockfile import VaultLock
from companion.storage.unit_of_work import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "kettle river blue Tuesday ŵŷ"
SEED = int(os.environ.get("COMPANION_KILL_SEED", "20240611"))
# 100 kills in the fast tier, 1,000 under `pytest --long`; COMPANION_KILL_ITERATIONS (>= 50) overrides both.
FAST_ITERATIONS = 100
LONG_ITERATIONS = 1_000
SEGMENT = 100  # kills per fresh vault
# The vault starts with ~0.5 MB of notes (30 notes of 8,000 random characters) and each writer adds notes of
# 1,000-8,000 characters, so that a save (compress, encrypt, write, fsync, rename) takes tens of milliseconds
# and random kills land inside it, while an iteration (fork, open, a save or two, kill, reopen and check)
# stays near 0.3 s. A bigger vault only makes each iteration slower: the "mid_write" mode aims at saves.
PREFILL_NOTES = 30
NOTE_CHARS = (1_000, 8_000)
LINE_TIMEOUT = 20.0
MODES = ("after_ack", "delay", "mid_write", "startup")
TAG = re.compile(r"^entry-[0-9a-f]{32}$")

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"),
]


class Worker:
    """The fork server, and a thread that turns its stdout into a queue of lines."""

    def __init__(self, vault: Path, passphrase: str, log: Path) -> None:
        self._stderr = log.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.vault_worker", str(vault), passphrase],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        )
        self.log = log
        self.writer: int | None = None  # pid of the live writer, so a failing test never leaves one behind
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self.expect("READY", timeout=60)
        except BaseException:
            self.close()
            raise

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8").rstrip("\n"))
        self.lines.put(None)

    def send(self, command: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((command + "\n").encode())
        self.proc.stdin.flush()

    def next_line(self, timeout: float = LINE_TIMEOUT) -> str:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            pytest.fail(f"worker said nothing for {timeout} s; its stderr: {self.stderr()}")
        if line is None:
            pytest.fail(f"worker server died; its stderr: {self.stderr()}")
        if line.startswith(("ERR", "BAD")):
            pytest.fail(f"writer failed: {line}\nstderr: {self.stderr()}")
        return line

    def expect(self, word: str, timeout: float = LINE_TIMEOUT) -> str:
        line = self.next_line(timeout)
        assert line.split()[0] == word, f"expected {word}, got {line!r}"
        return line

    def start_writer(self, seed: int, min_chars: int, max_chars: int, background: bool = False) -> int:
        self.send(f"RUN {seed} {min_chars} {max_chars} {int(background)}")
        self.writer = int(self.expect("PID").split()[1])
        return self.writer

    def kill_writer(self) -> list[str]:
        """SIGKILL the writer, wait until the server has reaped it; returns the lines it printed meanwhile."""
        assert self.writer is not None
        os.kill(self.writer, signal.SIGKILL)
        printed = []
        while not (line := self.next_line()).startswith("EXIT"):
            printed.append(line)
        _, pid, status = line.split()
        assert int(pid) == self.writer, line
        self.writer = None
        assert os.WIFSIGNALED(int(status)) and os.WTERMSIG(int(status)) == signal.SIGKILL, line
        return printed

    def stderr(self) -> str:
        self._stderr.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def close(self) -> None:
        if self.writer is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.writer, signal.SIGKILL)
            self.writer = None
        if self.proc.poll() is None:
            try:
                self.send("QUIT")
                self.proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        self._stderr.close()


def _temp_files_beside(vault: Path) -> list[Path]:
    return sorted(vault.parent.glob(f".{vault.name}.*{TEMP_SUFFIX}"))


def _temp_files_anywhere(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob(f"*{TEMP_SUFFIX}") if p.is_file())


def _identity(path: Path) -> tuple[int, int, int]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (0, 0, 0)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _names_ending(folder: Path, suffix: str) -> list[str]:
    try:
        return [name for name in os.listdir(folder) if name.endswith(suffix)]
    except FileNotFoundError:
        return []


def _prefill(
    vault: Path, kdf: KdfParams, rng: random.Random, notes: int = PREFILL_NOTES, chars: int = NOTE_CHARS[1]
) -> set[str]:
    """A vault with `notes` notes of `chars` characters, written in one commit (one save) to keep set-up quick."""
    session, _recovery = DiarySession.create(vault, PASSPHRASE, kdf)
    tags = set()
    now = dt.datetime.now().astimezone()
    alphabet = string.ascii_letters + string.digits + " "
    with UnitOfWork(session.store) as uow:
        for i in range(notes):
            tag = f"entry-{rng.getrandbits(128):032x}"
            body = "".join(rng.choices(alphabet, k=chars))
            entry = Checkin(id=f"prefill-{i}", recorded_at=now, pain=i % 11, note=f"{tag} {body}")
            uow.checkins.add(entry, now.astimezone(dt.UTC).replace(tzinfo=None))
            tags.add(tag)
        uow.commit()
    session.close()
    return tags


def _tags_in(vault: Path) -> set[str]:
    """Open the vault as the app would and return the tags of all its notes (then lock it again)."""
    session = DiarySession.open(vault, passphrase=PASSPHRASE)
    try:
        return {entry.note.split(" ", 1)[0] for entry in session.diary.all_entries()}
    finally:
        session.close()


def _kill_once(
    worker: Worker, vault: Path, rng: random.Random, mode: str, stats: Counter[str], background: bool
) -> tuple[list[str], bool]:
    """Start a writer, kill it at a moment chosen by `mode`; returns (ACKed tags, temp file seen before kill)."""
    worker.start_writer(rng.getrandbits(31), *NOTE_CHARS, background)
    acked: list[str] = []
    seen_temp = False

    def take(line: str) -> None:
        word, _, rest = line.partition(" ")
        assert word == "ACK", f"unexpected line {line!r}"
        assert TAG.match(rest), line
        acked.append(rest)

    if mode == "startup":
        time.sleep(rng.uniform(0.0, 0.05))
    else:
        worker.expect("OPENED")
        # While the writer runs it holds the one-writer lock: a second opener is refused.
        with pytest.raises(VaultLockedByOtherError):
            VaultLock(vault).acquire()
        for _ in range(rng.randint(1 if mode == "after_ack" else 0, 3)):
            take(worker.next_line())
        if mode == "delay":
            time.sleep(rng.uniform(0.0, 0.12))
        elif mode == "mid_write":
            # Kill the moment a save starts writing: a temp file appears beside the vault, or (should a
            # future change write the vault in place) the vault file itself changes.
            before = _identity(vault)
            deadline = time.monotonic() + 10
            while not (seen_temp := bool(_temp_files_beside(vault))) and _identity(vault) == before:
                if time.monotonic() > deadline:
                    pytest.fail("the writer never started a save")
            spin_until = time.perf_counter() + rng.choice((0.0, 0.0, rng.uniform(0.0, 0.004)))
            while time.perf_counter() < spin_until:
                pass

    # Lines the writer managed to print before it died are acknowledgements too.
    for line in worker.kill_writer():
        if line != "OPENED":
            take(line)
    stats["kills"] += 1
    return acked, seen_temp


def _iterations(long_tier: bool) -> int:
    override = os.environ.get("COMPANION_KILL_ITERATIONS")
    return max(50, int(override)) if override else (LONG_ITERATIONS if long_tier else FAST_ITERATIONS)


def _kill_segment(
    data: Path, kdf: KdfParams, rng: random.Random, iterations: int, first: int, stats: Counter[str], background: bool
) -> tuple[Path, set[str]]:
    """`iterations` kills of writers on a fresh vault in `data`; returns the vault and the notes it holds."""
    vault = data / "diary.vault"
    expected = _prefill(vault, kdf, rng)
    worker = Worker(vault, PASSPHRASE, data.parent / f"{data.name}-worker-stderr.txt")
    try:
        for iteration in range(first, first + iterations):
            mode = MODES[iteration % len(MODES)] if iteration < len(MODES) else rng.choice(MODES)
            stats[f"mode:{mode}"] += 1
            acked, seen_temp = _kill_once(worker, vault, rng, mode, stats, background)
            stats["acks"] += len(acked)

            left = _temp_files_beside(vault)
            if left:
                stats["kills that left a temp file (inside write/fsync/rename)"] += 1
            stats["temp file seen, then killed"] += seen_temp

            try:
                tags = _tags_in(vault)
            except Exception as exc:  # keep the evidence, then fail
                shutil.copytree(data, data.parent / f"unopenable-{iteration}", dirs_exist_ok=True)
                pytest.fail(f"iteration {iteration} ({mode}, seed {SEED}): vault does not open: {exc!r}")

            missing = (expected | set(acked)) - tags
            assert not missing, f"iteration {iteration} ({mode}, seed {SEED}): lost {len(missing)} acknowledged notes"
            unacked = tags - expected - set(acked)
            if unacked:
                # Saved durably but killed before it could print ACK: the kill landed after the rename.
                stats["kills after the rename, before the ACK"] += 1
            expected = tags
            assert _temp_files_beside(vault) == [], f"iteration {iteration}: open left temp files {left}"
    finally:
        worker.close()
    # The lock is free now.
    lock = VaultLock(vault)
    lock.acquire()
    lock.release()
    return vault, expected


@pytest.mark.timeout(3600)  # the long tier's 1,000 kills take several minutes
@pytest.mark.parametrize("background", [False, True], ids=["saves-when-committing", "background-saves"])
def test_kill_9_during_saves_never_loses_acknowledged_entries(
    tmp_path: Path, cheap_kdf: KdfParams, long_tier: bool, background: bool
) -> None:
    """Kills in segments of SEGMENT, each on a fresh vault, so the long tier's vault does not grow to many
    megabytes and each kill stays as cheap, and lands in saves as often, as in the fast tier."""
    iterations = _iterations(long_tier)
    started = time.perf_counter()
    rng = random.Random(SEED)
    stats: Counter[str] = Counter()
    sizes = []
    for number, first in enumerate(range(0, iterations, SEGMENT)):
        count = min(SEGMENT, iterations - first)
        vault, expected = _kill_segment(tmp_path / f"data-{number}", cheap_kdf, rng, count, first, stats, background)
        sizes.append(f"{vault.stat().st_size // 1024} KB / {len(expected)} entries")
    segments = len(sizes)

    elapsed = time.perf_counter() - started
    inside_save = (
        stats["kills that left a temp file (inside write/fsync/rename)"]
        + stats["kills after the rename, before the ACK"]
    )
    summary = (
        f"kill loop ({'background saves' if background else 'saves when committing'}): seed {SEED}, "
        f"{stats['kills']} kills in {elapsed:.1f} s "
        f"({elapsed / iterations * 1000:.0f} ms per kill, {segments} segment(s), vaults at the end: {sizes}); "
        f"{dict(stats)}"
    )
    print(summary)
    assert stats["kills"] == iterations >= 50, summary
    assert stats["acks"] >= iterations // 2, summary
    # Proof that kills landed inside saves, not only between them.
    assert stats["kills that left a temp file (inside write/fsync/rename)"] >= 5 * segments, summary
    assert inside_save >= 8 * segments, summary


def test_kill_during_the_daily_backup_leaves_no_temp_file_behind(tmp_path: Path, cheap_kdf: KdfParams) -> None:
    """A kill while opening writes the daily backup; the next open must clear that backup's temp file too.

    Each round removes the backups folder (as if it were a new day), starts a writer and kills it the
    moment the backup's temp file appears, then reopens the vault. The vault is bigger here (~1.4 MB: 90
    notes near the 20,000-character limit) so that writing its backup takes long enough to be caught.
    A busy machine can still deschedule the test for the whole backup; such a round (the finished backup
    appears without its temp file ever being seen) is killed and checked all the same, and rounds go on,
    up to 20, until at least 6 have run and at least 2 kills landed mid-backup.
    """
    rng = random.Random(SEED + 1)
    data = tmp_path / "data"
    vault = data / "diary.vault"
    _prefill(vault, cheap_kdf, rng, notes=90, chars=NOTE_MAX_CHARS - 100)
    worker = Worker(vault, PASSPHRASE, tmp_path / "worker-stderr.txt")
    rounds = killed_mid_backup = 0
    try:
        while rounds < 20 and (rounds < 6 or killed_mid_backup < 2):
            rounds += 1
            shutil.rmtree(backup_dir(vault), ignore_errors=True)
            worker.start_writer(rng.getrandbits(31), 100, 200)
            deadline = time.monotonic() + 10
            while not _names_ending(backup_dir(vault), TEMP_SUFFIX):
                if _names_ending(backup_dir(vault), ".vault"):
                    break  # missed: the backup was written between two looks
                if time.monotonic() > deadline:
                    pytest.fail("the writer never started the daily backup")
            worker.kill_writer()
            killed_mid_backup += bool(_temp_files_anywhere(data))
            session = DiarySession.open(vault, passphrase=PASSPHRASE)
            session.close()
            leftovers = [p.relative_to(data) for p in _temp_files_anywhere(data)]
            assert leftovers == [], f"temp files a killed save left are still there after opening: {leftovers}"
    finally:
        worker.close()
    assert killed_mid_backup >= 2, f"only {killed_mid_backup} of {rounds} kills landed while the backup was written"


def test_slow_tests_are_not_deselected_by_default() -> None:
    """The kill loop is marked slow; CI's plain `python -m pytest` must still run it."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    addopts = config["tool"]["pytest"]["ini_options"].get("addopts", "")
    addopts = addopts if isinstance(addopts, str) else " ".join(addopts)
    assert "slow" not in addopts, f"addopts deselects the slow kill -9 tests: {addopts!r}"
