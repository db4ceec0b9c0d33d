"""A child process for the memory scan: a diary session records notes holding a canary, then locks.

    python tests/helpers/canary_child.py FOLDER SEED [no-wipe]   # prints "locked", then waits for a line

`no-wipe` turns off the overwriting at lock (Database.wipe), to measure what it changes in the same run.

The canary is made here from SEED (never passed whole), written into 50 notes through the real services,
saved and locked (the session closed, as the window does at lock); the parent then counts the canary's copies
in this process's memory through /proc/PID/maps and /proc/PID/mem.
"""

from __future__ import annotations

import gc
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from companion.services.session import DiarySession  # noqa: E402
from companion.storage.kdf import KdfParams  # noqa: E402


def main() -> None:
    folder, seed = Path(sys.argv[1]), sys.argv[2]
    if sys.argv[3:] == ["no-wipe"]:
        from companion.storage.database import Database

        Database.wipe = lambda self: None  # type: ignore[method-assign]
    session, _recovery = DiarySession.create(folder / "diary.vault", "a long test passphrase ŵ", KdfParams(1, 1, 64))
    for number in range(50):
        session.diary.record_pain(number % 11, "Canary" + hashlib.sha256(seed.encode()).hexdigest()[:20] + f" {number}")
    session.close()  # lock: saved, then the data dropped from memory
    del session
    gc.collect()
    print("locked", flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main()
