"""Vault performance against a floor measured in the same run (see benchmarks/README.md).

    python benchmarks/bench_vault.py            # 5,000 entries, 25 repeats per measurement
    python benchmarks/bench_vault.py --quick    # 5,000 entries, 5 repeats (< 20 s)

The floor is the least any durable, encrypted save of the diary could cost on this machine and disk:
AES-256-GCM over N random bytes plus an atomic, fsynced write of the result (companion's own atomic_write:
temp file, fsync, rename, fsync of the folder), where N is the size of the diary's SQLite image. The
measurements are the real code paths (DiarySession, DiaryStore, Vault) on a diary of 5,000 pain entries,
and each is reported as a ratio to its floor, so results from different machines can be compared.
Key derivation uses cheap Argon2id parameters for open/unlock (to measure the vault, not the KDF), and the
production parameters (KdfParams.calibrated()) are timed separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cryptography import __version__ as cryptography_version  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

from companion.domain.checkin import Checkin  # noqa: E402
from companion.services.session import DiarySession  # noqa: E402
from companion.storage.atomic import atomic_write  # noqa: E402
from companion.storage.kdf import TARGET_SECONDS, KdfParams, derive_key  # noqa: E402
from companion.storage.unit_of_work import UnitOfWork  # noqa: E402

CHEAP_KDF = KdfParams(iterations=1, lanes=1, memory_kib=64)  # as the tests use; never in production
PASSPHRASE = "benchmark passphrase"
_WORD_TEXT = (
    "knee back neck hip shoulder stiff sore aching burning tired walked rested slept badly well "
    "physio stairs garden shopping work drive weather cold damp warm pacing flare better worse same "
    "morning evening poen cefn pen-glin blinedig cysgu gwell gwaeth heddiw bore noson tywydd "
    "cerdded gorffwys ŵyr ŷd"
)
WORDS = tuple(_WORD_TEXT.split())


@dataclass
class Row:
    name: str
    median_ms: float
    min_ms: float
    floor: str
    ratio: float | None
    note: str = ""


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def filesystem_of(path: Path) -> str:
    """The mount's filesystem type (Linux), so a tmpfs result (fsync is free there) is not mistaken."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    resolved = str(path.resolve())
    for line in mounts:
        fields = line.split()
        if len(fields) >= 3 and resolved.startswith(fields[1]) and len(fields[1]) > len(best):
            best, kind = fields[1], fields[2]
    return kind


def make_note(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return ""
    return " ".join(rng.choices(WORDS, k=rng.randint(3, 40)))


def build_diary(vault: Path, entries: int, seed: int) -> float:
    """A diary of `entries` pain entries, about three a day going back in time; returns ms for the commit."""
    rng = random.Random(seed)
    session, _recovery = DiarySession.create(vault, PASSPHRASE, CHEAP_KDF)
    now = dt.datetime.now().astimezone()
    start = time.perf_counter()
    with UnitOfWork(session.store) as uow:
        for i in range(entries):
            moment = now - dt.timedelta(hours=8 * i, minutes=rng.randint(0, 120))
            entry = Checkin(id=f"bench-{i:06d}", recorded_at=moment, pain=rng.randint(0, 10), note=make_note(rng))
            uow.checkins.add(entry, moment.astimezone(dt.UTC).replace(tzinfo=None))
        uow.commit()  # one commit, one save
    elapsed = (time.perf_counter() - start) * 1000
    session.close()
    return elapsed


def row(name: str, samples: list[float], floor_name: str, floor_ms: float | None, note: str = "") -> Row:
    median = statistics.median(samples)
    ratio = median / floor_ms if floor_ms else None
    return Row(name, median, min(samples), floor_name, ratio, note)


def run(args: argparse.Namespace) -> dict[str, object]:
    repeats = args.repeats or (5 if args.quick else 25)
    base = Path(args.dir).resolve() if args.dir else None
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="companion-bench-", dir=base))
    try:
        vault = work / "diary.vault"
        build_ms = build_diary(vault, args.entries, args.seed)

        session = DiarySession.open(vault, passphrase=PASSPHRASE)
        image = session.store.database.serialize()
        session.close()
        n_image = len(image)
        n_vault = vault.stat().st_size

        # --- floors ---------------------------------------------------------------------------------
        key = AESGCM.generate_key(bit_length=256)
        payload = os.urandom(n_image)
        floor_target = work / "floor.bin"

        read_nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(read_nonce, payload, b"header")

        def floor_write() -> None:
            atomic_write(floor_target, AESGCM(key).encrypt(os.urandom(12), payload, b"header"))

        def floor_read() -> None:
            AESGCM(key).decrypt(read_nonce, floor_target.read_bytes(), b"header")

        floor_write()  # warm-up
        write_floor = timed(floor_write, repeats)
        atomic_write(floor_target, sealed)
        read_floor = timed(floor_read, repeats)
        w_floor = statistics.median(write_floor)
        r_floor = statistics.median(read_floor)

        # --- the real paths -------------------------------------------------------------------------
        first_open = timed(lambda: DiarySession.open(vault, passphrase=PASSPHRASE).close(), 1)  # + daily backup
        opens = timed(lambda: DiarySession.open(vault, passphrase=PASSPHRASE).close(), repeats)

        session = DiarySession.open(vault, passphrase=PASSPHRASE)
        rng = random.Random(args.seed + 1)
        records = timed(lambda: session.diary.record_pain(rng.randint(0, 10), note=make_note(rng)), repeats)

        def save_only() -> None:
            session.store.database.commits += 1  # as if something was committed: flush writes it
            session.store.flush()

        saves = timed(save_only, repeats)
        serialize = timed(session.store.database.serialize, repeats)
        compress = timed(lambda: zlib.compress(image, 6), repeats)
        session.close()

        # --- production key derivation --------------------------------------------------------------
        start = time.perf_counter()
        calibrated = KdfParams.calibrated()
        calibrate_ms = (time.perf_counter() - start) * 1000
        derive = timed(lambda: derive_key(b"benchmark", os.urandom(16), calibrated), 1)

        floor_w = f"write floor ({n_image // 1024} KiB)"
        floor_r = f"read floor ({n_image // 1024} KiB)"
        rows = [
            row("floor: AES-GCM + atomic fsynced write of N bytes", write_floor, "-", None, f"N = image, {n_image} B"),
            row("floor: read + AES-GCM decrypt of N bytes", read_floor, "-", None),
            row("save (serialize, zlib, AES-GCM, atomic write)", saves, floor_w, w_floor),
            row("  of which serialize the SQLite image", serialize, floor_w, w_floor),
            row("  of which zlib level 6 of the image", compress, floor_w, w_floor),
            row("record_pain (commit + save)", records, floor_w, w_floor),
            row("open/unlock + lock, cheap KDF", opens, floor_r, r_floor, "no migration, backup exists"),
            row("first open of the day (+ daily backup)", first_open, floor_r, r_floor, "1 sample"),
            row(
                "KDF: one derivation, calibrated params",
                derive,
                "-",
                None,
                f"{calibrated.iterations} passes, {calibrated.lanes} lanes, {calibrated.memory_kib // 1024} MiB; "
                f"target {TARGET_SECONDS * 1000:.0f} ms",
            ),
            row("KDF: KdfParams.calibrated() itself", [calibrate_ms], "-", None, "probe of 3 passes"),
        ]
        return {
            "environment": {
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "sqlite": sqlite3.sqlite_version,
                "cryptography": cryptography_version,
                "folder": str(work.parent),
                "filesystem": filesystem_of(work),
            },
            "diary": {
                "entries": args.entries,
                "image_bytes": n_image,
                "vault_bytes": n_vault,
                "build_ms": round(build_ms, 1),
                "repeats": repeats,
                "seed": args.seed,
            },
            "rows": [asdict(r) for r in rows],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def print_table(result: dict[str, object]) -> None:
    env = result["environment"]
    diary = result["diary"]
    assert isinstance(env, dict) and isinstance(diary, dict)
    print(
        f"Python {env['python']} on {env['platform']}, {env['cpus']} CPUs; SQLite {env['sqlite']}, "
        f"cryptography {env['cryptography']}"
    )
    print(f"folder {env['folder']} ({env['filesystem']})")
    if env["filesystem"] in ("tmpfs", "ramfs"):
        print("WARNING: this folder is in memory; fsync costs nothing here. Use --dir on a real disk.")
    print(
        f"diary: {diary['entries']} entries, SQLite image {diary['image_bytes'] / 1024:.0f} KiB, vault file "
        f"{diary['vault_bytes'] / 1024:.0f} KiB (zlib + AES-GCM); {diary['repeats']} repeats, seed {diary['seed']}"
    )
    print()
    header = f"{'measurement':50} {'median ms':>10} {'min ms':>9} {'x floor':>8}  notes"
    print(header)
    print("-" * len(header))
    rows = result["rows"]
    assert isinstance(rows, list)
    for r in rows:
        ratio = f"{r['ratio']:.1f}" if r["ratio"] is not None else ""
        print(f"{r['name']:50} {r['median_ms']:10.1f} {r['min_ms']:9.1f} {ratio:>8}  {r['note']}")
    print()
    print("x floor: save rows against the write floor, open rows against the read floor (same N bytes).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 repeats instead of 25 (finishes in < 20 s)")
    parser.add_argument("--entries", type=int, default=5000, help="pain entries in the diary (default 5000)")
    parser.add_argument("--repeats", type=int, default=0, help="samples per measurement (overrides --quick)")
    parser.add_argument("--dir", help="folder to work in (default: the system temp folder); use a real disk")
    parser.add_argument("--seed", type=int, default=1, help="seed for the diary's made-up entries")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = run(args)
    print_table(result)
    print(f"total {time.perf_counter() - started:.1f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
