"""Argon2id key derivation for the key slots, with calibration to about 0.75 s on this machine.

RFC 9106's second recommended option: 64 MiB of memory, 4 lanes, at least 3 passes. Calibration only
ever raises the number of passes. Tests pass cheaper parameters explicitly; there is no switch here
that weakens the defaults.
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

# Limits a reader enforces on parameters found in a file, so a hostile file cannot exhaust the machine.
READ_LIMIT_MEMORY_KIB = 4 * 1024 * 1024
READ_LIMIT_ITERATIONS = 1000
READ_LIMIT_LANES = 255


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    lanes: int
    memory_kib: int

    @classmethod
    def calibrated(cls, target_seconds: float = TARGET_SECONDS) -> KdfParams:
        """Production parameters: 64 MiB, 4 lanes, passes scaled so one derivation takes ~target."""
        # Time = fixed cost (allocating and filling the memory) + passes x per-pass cost. Warm up once, time
        # 3 passes, then a count that takes most of the target, and fit both costs from the wide spread.
        def timed(passes: int) -> float:
            start = time.perf_counter()
            derive_key(b"calibration", b"\x00" * 16, cls(passes, DEFAULT_LANES, DEFAULT_MEMORY_KIB))
            return time.perf_counter() - start

        timed(1)
        t_low = timed(MIN_ITERATIONS)
        probe = max(MIN_ITERATIONS + 3, min(MAX_ITERATIONS, int(0.8 * target_seconds / (t_low / MIN_ITERATIONS))))
        t_high = timed(probe)
        per_pass = max((t_high - t_low) / (probe - MIN_ITERATIONS), 1e-4)
        fixed = max(t_low - per_pass * MIN_ITERATIONS, 0.0)
        passes = round((target_seconds - fixed) / per_pass)
        return cls(max(MIN_ITERATIONS, min(MAX_ITERATIONS, passes)), DEFAULT_LANES, DEFAULT_MEMORY_KIB)

    def within_read_limits(self) -> bool:
        return (
            1 <= self.iterations <= READ_LIMIT_ITERATIONS
            and 1 <= self.lanes <= READ_LIMIT_LANES
            and 8 * self.lanes <= self.memory_kib <= READ_LIMIT_MEMORY_KIB
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
