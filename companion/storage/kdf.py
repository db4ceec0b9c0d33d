"""Argon2id key derivation for the key slots, calibrated to about 0.75 s on this machine, and the bounds a
file may ask for.

RFC 9106's second recommended option: 64 MiB of memory, 4 lanes, at least 3 passes (the floor). Calibration
times several runs and keeps the fastest, so a busy machine does not weaken the diary for good, and only
ever raises the number of passes. Tests pass cheaper parameters explicitly; there is no switch here that
weakens the defaults.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

KDF_ARGON2ID = 1
DEFAULT_MEMORY_KIB = 64 * 1024
DEFAULT_LANES = 4
MIN_ITERATIONS = 3
MAX_ITERATIONS = 64
TARGET_SECONDS = 0.75
CALIBRATION_RUNS = 3

# Bounds on what a file may ask for, checked before any derivation, so that a damaged or hostile file
# (its header digest recomputed, which anyone can do) cannot make Companion use gigabytes or minutes.
# Companion writes 64 MiB, 4 lanes and 3-64 passes; the bounds leave room for a future Companion that
# asks for more without letting any file ask for more than 1 GiB or 4 times Companion's largest work.
READ_LIMIT_MEMORY_KIB = 1024 * 1024
READ_LIMIT_ITERATIONS = 256
READ_LIMIT_LANES = 16
READ_LIMIT_WORK_KIB = 4 * DEFAULT_MEMORY_KIB * MAX_ITERATIONS  # memory x passes


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    lanes: int
    memory_kib: int

    @classmethod
    def calibrated(cls, target_seconds: float = TARGET_SECONDS, runs: int = CALIBRATION_RUNS) -> KdfParams:
        """Production parameters: 64 MiB, 4 lanes, passes scaled so one derivation takes ~target.

        Time = fixed cost (allocating and filling the memory) + passes x per-pass cost. Each cost is the
        fastest of `runs` timings: load from other programs only ever makes a run slower, so the fastest
        is the machine's own speed."""

        def fastest(passes: int) -> float:
            params = cls(passes, DEFAULT_LANES, DEFAULT_MEMORY_KIB)
            best = float("inf")
            for _ in range(runs):
                start = time.perf_counter()
                derive_key(b"calibration", b"\x00" * 16, params)
                best = min(best, time.perf_counter() - start)
            return best

        derive_key(b"calibration", b"\x00" * 16, cls(1, DEFAULT_LANES, DEFAULT_MEMORY_KIB))  # warm up
        t_low = fastest(MIN_ITERATIONS)
        probe = max(MIN_ITERATIONS + 3, min(MAX_ITERATIONS, int(0.8 * target_seconds / (t_low / MIN_ITERATIONS))))
        t_high = fastest(probe)
        per_pass = max((t_high - t_low) / (probe - MIN_ITERATIONS), 1e-4)
        fixed = max(t_low - per_pass * MIN_ITERATIONS, 0.0)
        return cls.from_timing(fixed, per_pass, target_seconds)

    @classmethod
    def from_timing(cls, fixed: float, per_pass: float, target_seconds: float = TARGET_SECONDS) -> KdfParams:
        """The passes that fit `target_seconds`, never below the floor (3) nor above 64."""
        passes = round((target_seconds - fixed) / per_pass)
        return cls(max(MIN_ITERATIONS, min(MAX_ITERATIONS, passes)), DEFAULT_LANES, DEFAULT_MEMORY_KIB)

    def within_read_limits(self) -> bool:
        return (
            1 <= self.iterations <= READ_LIMIT_ITERATIONS
            and 1 <= self.lanes <= READ_LIMIT_LANES
            and 8 * self.lanes <= self.memory_kib <= READ_LIMIT_MEMORY_KIB
            and self.memory_kib * self.iterations <= READ_LIMIT_WORK_KIB
        )


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 32-byte key-encryption key with Argon2id (version 0x13)."""
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)
