"""Argon2id calibration: the fastest of several timed runs (load only ever slows a run), a floor of 64 MiB and
3 passes, and a ceiling; with a simulated clock, so the expected passes come from arithmetic, not the code."""

from __future__ import annotations

import itertools

import pytest

from companion.storage import kdf
from companion.storage.kdf import DEFAULT_LANES, DEFAULT_MEMORY_KIB, MAX_ITERATIONS, MIN_ITERATIONS, KdfParams


class SimulatedMachine:
    """Derivation time = 0.05 s fixed + 0.025 s per pass, plus `load` seconds on the runs it picks."""

    def __init__(self, slow_runs: set[int], load: float) -> None:
        self.now = 0.0
        self.calls = itertools.count()
        self.slow_runs = slow_runs
        self.load = load

    def clock(self) -> float:
        return self.now

    def derive(self, _secret: bytes, _salt: bytes, params: KdfParams) -> bytes:
        assert params.memory_kib == DEFAULT_MEMORY_KIB and params.lanes == DEFAULT_LANES
        call = next(self.calls)
        self.now += 0.05 + 0.025 * params.iterations + (self.load if call in self.slow_runs else 0.0)
        return bytes(32)


def _calibrate(machine: SimulatedMachine, monkeypatch: pytest.MonkeyPatch) -> KdfParams:
    monkeypatch.setattr(kdf, "derive_key", machine.derive)
    monkeypatch.setattr(kdf.time, "perf_counter", machine.clock)
    return KdfParams.calibrated(target_seconds=0.75)


def test_a_quiet_machine_gets_the_passes_that_fit_the_target(monkeypatch: pytest.MonkeyPatch) -> None:
    # 0.05 + 0.025 t = 0.75  ->  t = 28
    assert _calibrate(SimulatedMachine(set(), 0.0), monkeypatch) == KdfParams(28, DEFAULT_LANES, DEFAULT_MEMORY_KIB)


@pytest.mark.parametrize("slow", [{1}, {2}, {4}, {1, 5}, {2, 3}])
def test_load_during_some_runs_does_not_weaken_the_diary(monkeypatch: pytest.MonkeyPatch, slow: set[int]) -> None:
    """A busy moment on some of the timed runs (not all three of a probe) leaves the result unchanged; the
    old single-run calibration would have chosen far fewer passes."""
    assert _calibrate(SimulatedMachine(slow, 0.4), monkeypatch).iterations == 28


def test_floor_and_ceiling() -> None:
    assert KdfParams.from_timing(fixed=0.9, per_pass=0.2) == KdfParams(MIN_ITERATIONS, 4, 64 * 1024)  # slow machine
    assert KdfParams.from_timing(fixed=0.0, per_pass=1e-4).iterations == MAX_ITERATIONS  # very fast machine
    assert MIN_ITERATIONS == 3 and DEFAULT_MEMORY_KIB == 65536
