""" "My story so far" from the demo diary in English, Welsh and both side by side: what pdftotext reads back
(headings, the person's words, dates as precise as written, Welsh letters), one page each; the section the
consultation summary can include; and the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.demo import create_demo_diary
from companion.domain.approx_date import ApproxDate
from companion.domain.story import StoryItem, StoryKind
from companion.i18n import translator
from companion.reports.story_data import LIMITS, build_story
from companion.reports.story_html import story_section_html
from companion.reports.story_pdf import story_pdf
from companion.services.session import DiarySession
from companion.services.story import new_id
from tests.conftest import CHEAP_KDF

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
    pytest.mark.usefixtures("qapp"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    session = create_demo_diary(tmp_path_factory.mktemp("demo"), CHEAP_KDF)
    yield session
    session.close()


def _read(pdf: bytes, tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "story.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return " ".join(text.split()), pages


EXPECTED = {
    "en": ("My story so far", "Diagnoses, as I was told them", "Tests and investigations", "Referrals",
           "Medicines I take now", "Agreed with Dr Evans on", "Referral: Waiting", "Page 1 of 1"),
    "cy": ("Fy stori hyd yma", "Diagnosisau, fel y cawson nhw eu dweud wrtha i", "Profion ac archwiliadau",
           "Atgyfeiriadau", "Meddyginiaethau rydw i'n eu cymryd nawr", "Cytunwyd gyda", "Atgyfeiriad: Yn aros",
           "Tudalen 1 o 1"),
}  # fmt: skip


SHORT = {
    "en": ("My story so far", "Referrals", "Sciatica", "Page 1 of 1"),
    "cy": ("Fy stori hyd yma", "Atgyfeiriadau", "Tudalen 1 o 1"),
}


@pytest.mark.parametrize("language", ["en", "cy", "both"])
def test_the_story_reads_back_on_one_page(demo: DiarySession, language: str, tmp_path: Path) -> None:
    text, pages = _read(story_pdf(build_story(demo), language), tmp_path)
    assert pages == 1
    # Side by side, pdftotext interleaves the columns' lines: only phrases that never wrap are looked for.
    for lang in ("cy", "en") if language == "both" else (language,):
        for phrase in EXPECTED[lang] if language != "both" else SHORT[lang]:
            assert phrase in text, (lang, phrase)
    # The demo's words come from the interface language (English here); the dates are as precise as written.
    assert "MRI scan of my lower back" in text
    year = demo.diary.today().year
    if language == "en":
        assert f"about {year - 8}" in text and f"March {year - 7}" in text and "Wear and tear in the lower" in text
    if language == "cy":
        assert f"tua {year - 8}" in text and f"Mawrth {year - 7}" in text
    if language == "cy":
        assert "Page 1 of 1" not in text and "My story so far" not in text


def test_only_the_newest_fit_and_the_rest_are_counted(demo: DiarySession, tmp_path: Path) -> None:
    limit = LIMITS[StoryKind.INVESTIGATION]
    for number in range(limit + 2):
        demo.story.save(
            StoryItem(new_id(), StoryKind.INVESTIGATION, f"Blood test {number:02d} ŵ", ApproxDate(2000 + number))
        )
    try:
        text, pages = _read(story_pdf(build_story(demo), "en"), tmp_path)
        assert pages == 1
        # Eight shown of ten new ones and the demo's scan: the two oldest new ones and the scan are counted.
        assert "Blood test 00" not in text and "Blood test 01" not in text and "Blood test 09" in text
        assert "3 earlier entries are in my diary." in text
    finally:
        for item in demo.story.items(search="Blood test"):
            demo.story.delete(item.id)


def test_the_summary_can_include_the_story_section(demo: DiarySession) -> None:
    section = story_section_html(build_story(demo), translator("cy"))
    assert section.startswith("<h2>Fy stori hyd yma</h2>")
    assert "Clunwst" not in section  # the demo's own words stay as written (English here)
    assert "Sciatica" in section and "Atgyfeiriadau" in section


def test_the_command_line_makes_the_story_from_the_demo_diary(tmp_path: Path) -> None:
    out = tmp_path / "story.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "companion", "story", "--demo", "--lang", "both", "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "not encrypted" in result.stderr.lower() or "amgryptio" in result.stderr.lower()
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=240)
    assert again.returncode != 0 and "--force" in again.stderr
