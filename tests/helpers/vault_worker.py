"""A child process for the kill -9 tests: a fork server that writes to a real vault until it is killed.

Start it once per test with ``python -m tests.helpers.vault_worker VAULT PASSPHRASE`` (cwd: the project root).
It imports the storage stack once (Python start-up and imports cost about a second, which is most of the
price of a fresh process) and then answers commands on stdin, one per line:

``RUN SEED MIN_CHARS MAX_CHARS [BACKGROUND]``
    Fork a writer. The writer prints ``PID <pid>``, opens the vault with ``DiarySession.open`` (taking the
    one-writer lock), prints ``OPENED``, then loops forever: ``record_pain(score, note)`` with a note of
    MIN..MAX random characters that starts with ``entry-<uuid>``, and prints ``ACK entry-<uuid>`` only once
    the entry is durable: with saves on the committing thread, once ``record_pain`` has returned (commit
    AND durable save); with BACKGROUND = 1 (background saves), once the store says every commit up to the
    entry's own is durable (``durable_commits``), which the writer looks at after each entry and, now and
    then, waits for (as the app is idle between entries). The server waits for the writer and prints
    ``EXIT <pid> <wait status>`` once it is gone (normally because the test sent SIGKILL).
``QUIT``
    Exit.

Before it says READY the server warms up on a throwaway diary in a temp folder of its own (create, record,
close, open, close), so the imports and set-up that happen on first use (Alembic's revision check,
SQLAlchemy's mappers) are done once in the server instead of once per writer: a writer then opens the vault
in tens of milliseconds, and most of each kill iteration is spent saving.

The writer is a real process of its own: it holds its own file descriptors and its own lock, and the OS
releases them when SIGKILL ends it. The server never opens the vault, so it shares no lock with a writer.
Every line a writer prints is one ``os.write`` shorter than PIPE_BUF, so a kill never leaves half a line.
The writer never touches the network.
"""

from __future__ import annotations

import os
import random
import string
import sys
import tempfile
import time
import traceback
import uuid
from collections import deque
from pathlib import Path

from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

ALPHABET = string.ascii_letters + string.digits + " .,;'ŵŷ"


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def _writer(vault: Path, passphrase: str, seed: int, min_chars: int, max_chars: int, background: bool) -> None:
    _say(f"PID {os.getpid()}")
    rng = random.Random(seed)
    session = DiarySession.open(vault, passphrase=passphrase, background_saves=background)
    _say("OPENED")
    waiting: deque[tuple[int, str]] = deque()  # (the entry's commit number, its tag) not yet durable
    while True:
        tag = f"entry-{uuid.UUID(int=rng.getrandbits(128), version=4).hex}"
        body = "".join(rng.choices(ALPHABET, k=rng.randint(min_chars, max_chars)))
        session.diary.record_pain(rng.randint(0, 10), note=f"{tag} {body}")
        if not background:
            _say(f"ACK {tag}")
            continue
        waiting.append((session.store.database.commits, tag))
        idle = rng.random() < 0.3
        while waiting:
            durable = session.store.durable_commits
            while waiting and waiting[0][0] <= durable:
                _say(f"ACK {waiting.popleft()[1]}")
            if not idle:
                break
            time.sleep(0.001)


def _warm_up() -> None:
    """Use a throwaway diary once, so that a forked writer inherits everything first use loads."""
    with tempfile.TemporaryDirectory(prefix="companion-warm-up-") as folder:
        path = Path(folder) / "diary.vault"
        session, _recovery = DiarySession.create(path, "warm up", KdfParams(iterations=1, lanes=1, memory_kib=64))
        session.diary.record_pain(1, note="warm up")
        session.close()
        session = DiarySession.open(path, passphrase="warm up")
        session.diary.all_entries()
        session.close()


def serve(vault: Path, passphrase: str) -> int:
    _warm_up()
    sys.stdout.flush()
    _say("READY")
    for raw in sys.stdin:
        words = raw.split()
        if not words:
            continue
        if words[0] == "QUIT":
            return 0
        if words[0] != "RUN" or len(words) not in (4, 5):
            _say(f"BAD {raw.strip()}")
            continue
        seed, min_chars, max_chars = (int(w) for w in words[1:4])
        background = len(words) == 5 and words[4] == "1"
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the writer
            code = 0
            try:
                os.close(0)
                _writer(vault, passphrase, seed, min_chars, max_chars, background)
            except BaseException:
                _say("ERR " + traceback.format_exc().replace("\n", " | ")[:3000])
                code = 3
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        _say(f"EXIT {pid} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1]), sys.argv[2]))
