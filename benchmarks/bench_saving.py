"""Background saves for benchmarks/run.py: the durable save on the saver's thread against write+fsync of the
same bytes, the snapshot it starts from, and how long a commit waits to be durable, alone and under load.

The save is timed by the saver itself (SaveStats.last_save_s: from taking the snapshot, a copy of the
in-memory SQLite image, to the vault file replaced and fsynced), one edit at a time with the diary otherwise
idle. The floor writes the vault file's number of random bytes to a file in the same folder and fsyncs it.
The calling thread's side: how long the commit takes to return, and the longest gap in a 1 ms sleep loop
on it while the save runs (what the saver's thread can take from the GUI through the GIL). "Window" is from
a commit returning to the save state saying durable (SAVED): alone (one edit, then wait)
and under load (edits back to back, as fast as the service takes them, for `LOAD_EDITS` edits), where a
commit can wait for the save in flight and then its own; coalescing shows as fewer saves than commits.
"""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench_app import PASSPHRASE, derived_keys_cached, figure, median_pair, write_floor

LOAD_EDITS = 40
PACED_EDITS = 20
PACED_EVERY_S = 0.1  # a person typing quickly and saving often: a commit every 100 ms


def bench_background_save(folder: Path, repeats: int) -> dict[str, Any]:
    from companion.domain.save_state import SaveState
    from companion.services.session import DiarySession

    with derived_keys_cached():
        session = DiarySession.open(folder / "diary.vault", passphrase=PASSPHRASE, background_saves=True)
    store = session.store
    entry = session.diary.last_checkin()
    assert entry is not None
    durable = threading.Event()

    def on_state(state: SaveState) -> None:
        if state.durable:
            durable.set()

    session.subscribe(on_state)
    edits = iter(range(10**6))
    scratch = folder / "floor.bin"
    windows: list[float] = []

    def edit() -> None:
        session.diary.update_checkin(entry.id, replace(entry.as_input(), note=f"edited {next(edits)}"))

    pauses: list[float] = []
    commit_waits: list[float] = []

    def save() -> float:
        durable.clear()
        start = time.perf_counter()
        edit()
        returned = time.perf_counter()
        commit_waits.append(returned - start)
        # The calling (GUI) thread meanwhile: how long can it be kept from running by the saver's thread?
        last = returned
        while not durable.is_set():
            time.sleep(0.001)
            now = time.perf_counter()
            pauses.append(now - last)
            last = now
        windows.append(time.perf_counter() - returned)
        return store.save_stats.last_save_s

    def floor() -> float:
        return write_floor(scratch, session.path.stat().st_size)

    def snapshot() -> float:
        start = time.perf_counter()
        with store.write_lock:
            store.database.serialize()
        return time.perf_counter() - start

    try:
        save()
        floor()
        windows.clear()
        pauses.clear()
        commit_waits.clear()
        median_s, floor_s = median_pair(save, floor, repeats)
        snapshots = [snapshot() for _ in range(max(repeats, 5))]
        idle_windows = list(windows)
        load = _under_load(session, edit, LOAD_EDITS, pause_s=0.0)
        paced = _under_load(session, edit, PACED_EDITS, pause_s=PACED_EVERY_S)
        size = session.path.stat().st_size
        image = len(store.database.serialize())
    finally:
        session.close()
        scratch.unlink(missing_ok=True)
    return figure(
        median_s,
        floor_s,
        2.5,
        vault_bytes=size,
        image_bytes=image,
        snapshot_median_s=round(statistics.median(snapshots), 4),
        snapshot_max_s=round(max(snapshots), 4),
        commit_returns_median_s=round(statistics.median(commit_waits), 4),
        calling_thread_longest_pause_s=round(max(pauses), 4),
        window_alone_median_s=round(statistics.median(idle_windows), 4),
        window_alone_max_s=round(max(idle_windows), 4),
        back_to_back=load,
        every_100_ms=paced,
    )


def _under_load(session: Any, edit: Any, edits: int, *, pause_s: float) -> dict[str, Any]:
    """`edits` commits, `pause_s` apart, then wait until durable: the longest and median wait of a commit
    until the store says it is durable (watched every millisecond), and how many saves the commits shared."""
    store = session.store
    session.flush()
    before = store.save_stats
    seen: list[tuple[float, int]] = []  # (when, durable commit count) each time the count moved
    stop = threading.Event()

    def watch() -> None:
        last = -1
        while not stop.is_set():
            now, count = time.perf_counter(), store.durable_commits
            if count != last:
                seen.append((now, count))
                last = count
            time.sleep(0.001)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    committed: list[tuple[int, float]] = []  # (commit number, when the commit returned)
    for _ in range(edits):
        edit()
        committed.append((store.database.commits, time.perf_counter()))
        if pause_s:
            time.sleep(pause_s)
    while not store.save_state.durable:
        time.sleep(0.001)
    time.sleep(0.005)
    stop.set()
    watcher.join()
    after = store.save_stats
    waits = [next(when for when, count in seen if count >= number and when >= at) - at for number, at in committed]
    return {
        "commits": after.commits - before.commits,
        "saves": after.saves - before.saves,
        "longest_window_s": round(max(waits), 4),
        "median_window_s": round(statistics.median(waits), 4),
        "seconds": round(time.perf_counter() - started, 2),
    }
