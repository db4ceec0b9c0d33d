"""`companion --self-test` from source: the same checks the frozen bundle runs after packaging/build.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion import i18n, self_test

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_from_source_and_leaves_nothing_behind(tmp_path: Path) -> None:
    scratch, data = tmp_path / "tmp", tmp_path / "data"
    scratch.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "MPLCONFIGDIR")}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(scratch), COMPANION_DATA_DIR=str(data), LANG="C.UTF-8")
    result = subprocess.run(
        [sys.executable, "-m", "companion", "--self-test"],
        cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "self-test: Companion 0.1.0, Qt platform 'offscreen' ok" in lines
    assert any(line.startswith("self-test: Welsh catalog (Crynodeb") for line in lines)
    assert any("summary PDF of" in line for line in lines)
    assert lines[-1].startswith("self-test passed in ")
    assert list(scratch.iterdir()) == []  # the throwaway vault is gone
    assert not data.exists()  # the person's diary folder was never touched


def test_a_missing_catalog_fails_with_a_message_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What a bundle without companion/locale looks like: no .mo beside the package, no .po in a checkout.
    monkeypatch.setattr(i18n, "_PACKAGE_DIR", tmp_path / "companion")
    monkeypatch.setattr(i18n, "_cache", {})
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    said: list[str] = []
    complaints: list[str] = []
    assert self_test.run(said.append, complaints.append) == 1
    assert said == []
    assert complaints == [
        "self-test FAILED at 'catalogs': SelfTestError: the Welsh message catalog was not found "
        "(companion/locale/cy/LC_MESSAGES)"
    ]
    assert [p.name for p in tmp_path.iterdir()] == []
