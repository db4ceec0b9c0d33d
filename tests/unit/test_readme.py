"""The READMEs for newcomers: both languages, the two set-up commands, and pictures that the screenshot
script makes (so they show the current screens, not hand-made images that drift)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / "docs" / "screenshots" / "make_screenshots.py").read_text(encoding="utf-8")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]+\.png)\)")


def _images(readme: str) -> list[tuple[str, str]]:
    return IMAGE.findall((ROOT / readme).read_text(encoding="utf-8"))


@pytest.mark.parametrize("readme", ["README.md", "README.cy.md"])
def test_every_picture_exists_has_alt_text_and_comes_from_the_screenshot_script(readme: str) -> None:
    images = _images(readme)
    assert len(images) >= 4  # first run, Today, Trends, a summary page
    for alt, target in images:
        assert alt.strip(), f"{target} has no alternative text"
        path = ROOT / target
        assert path.is_file(), f"{readme} shows {target}, which does not exist"
        assert path.parent == ROOT / "docs" / "screenshots"
        # The script names each picture "<NN>-<what>..." (NN numbers the screens): its number is in the script.
        number = path.stem.split("-")[0]
        assert f'"{number}-' in SCRIPT, f"{target} is not made by make_screenshots.py"


def test_the_welsh_readme_shows_the_welsh_screens_and_the_english_one_the_english() -> None:
    assert all(target.endswith("-en.png") or "-en-" in target for _alt, target in _images("README.md"))
    assert all(target.endswith("-cy.png") or "-cy-" in target for _alt, target in _images("README.cy.md"))


def test_both_readmes_keep_the_two_fresh_machine_commands_and_link_each_other() -> None:
    english = (ROOT / "README.md").read_text(encoding="utf-8")
    welsh = (ROOT / "README.cy.md").read_text(encoding="utf-8")
    run_app = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/companion --demo"
    run_tests = 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest -n auto'
    for text in (english, welsh):
        assert run_app in text and f"{run_tests}\n" in text
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython -m pytest -n auto\n" in ci  # CI runs the README's test command, in its own venv
    assert "(README.cy.md)" in english and "(README.md)" in welsh
    for heading in ("What is not protected", "Report a problem", "Help translate", "Where your data lives"):
        assert f"## {heading}" in english or f"### {heading}" in english
