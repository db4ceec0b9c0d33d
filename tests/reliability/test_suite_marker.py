"""The reliability suite is selectable on its own: every test in tests/reliability carries the marker.

`pytest -m reliability` runs the fast tier alone, and CI's plain `python -m pytest` runs it too (no addopts
deselect it). `pytest -m reliability --long` runs the long tier (docs/reliability.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.reliability

HERE = Path(__file__).resolve().parent


def test_every_collected_reliability_test_has_the_marker(request: pytest.FixtureRequest) -> None:
    ours = [item for item in request.session.items if HERE in Path(str(item.path)).resolve().parents]
    assert ours, "no reliability test was collected"
    unmarked = [item.nodeid for item in ours if item.get_closest_marker("reliability") is None]
    assert unmarked == []


def test_every_module_declares_the_marker() -> None:
    """Also modules not collected in this run (e.g. `pytest tests/reliability/test_x.py`)."""
    modules = sorted(HERE.glob("test_*.py"))
    assert len(modules) >= 8
    unmarked = [p.name for p in modules if "pytest.mark.reliability" not in p.read_text(encoding="utf-8")]
    assert unmarked == []


def test_the_marker_is_registered_and_not_deselected_by_default() -> None:
    import tomllib

    config = tomllib.loads((HERE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    options = config["ini_options"]
    assert any(m.startswith("reliability:") for m in options["markers"])
    addopts = options.get("addopts", "")
    assert "reliability" not in (addopts if isinstance(addopts, str) else " ".join(addopts))
