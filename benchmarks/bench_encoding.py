"""Body encodings compared on one diary image: compress + encrypt + durable write, and the file's size.

    python benchmarks/bench_encoding.py --vault FOLDER/diary.vault [--passphrase benchmark] [--repeats 7]

Each candidate seals the same SQLite image as the app does (fresh seed, AES-256-GCM) and writes it with
the app's atomic, fsynced write; the floor writes and fsyncs as many bytes as that candidate's file,
interleaved with it.
Prints one JSON object: median seconds, ratio to the floor, and bytes, per encoding (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from companion.storage.atomic import atomic_write  # noqa: E402
from companion.storage.body_encoding import zstd_module  # noqa: E402
from companion.storage.vault import unlock_blob  # noqa: E402


def candidates() -> dict[str, Callable[[bytes], bytes]]:
    zstd = zstd_module()
    return {
        "zlib-6": lambda image: zlib.compress(image, 6),
        "zlib-1": lambda image: zlib.compress(image, 1),
        "raw": lambda image: image,
        "zstd-(-3)": lambda image: zstd.compress(image, level=-3),
        "zstd-1": lambda image: zstd.compress(image, level=1),
        "zstd-3": lambda image: zstd.compress(image, level=3),
    }


def seal_and_write(target: Path, encode: Callable[[bytes], bytes], image: bytes, key: bytes) -> int:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    body = encode(image)
    blob = os.urandom(304) + AESGCM(key).encrypt(os.urandom(12), body, b"header")
    atomic_write(target, blob)
    return len(blob)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vault", required=True, type=Path)
    parser.add_argument("--passphrase", default="benchmark")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    _header, _key, image = unlock_blob(args.vault.read_bytes(), passphrase=args.passphrase)
    key = os.urandom(32)
    work = args.vault.parent / "encoding-bench.bin"
    results: dict[str, object] = {"image_bytes": len(image)}

    def floor(size: int) -> float:
        payload = os.urandom(size)
        start = time.perf_counter()
        with work.open("wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        return time.perf_counter() - start

    for name, encode in candidates().items():
        times, floors, size = [], [], seal_and_write(work, encode, image, key)
        for _ in range(args.repeats):  # interleaved, so load on a shared machine hits both alike
            start = time.perf_counter()
            size = seal_and_write(work, encode, image, key)
            times.append(time.perf_counter() - start)
            floors.append(floor(size))
        median, floor_s = statistics.median(times), statistics.median(floors)
        results[name] = {
            "median_s": round(median, 4),
            "floor_s": round(floor_s, 4),
            "ratio": round(median / floor_s, 2),
            "bytes": size,
        }
    work.unlink(missing_ok=True)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
