"""The consultation summary from the demo diary, in English, Welsh and both side by side: what pdftotext
reads back (headings, the numbers, Welsh letters), one or two pages for three months, no chart split
across a page break, and the same numbers as the Trends module."""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion import i18n
from companion.demo import create_demo_diary
from companion.i18n.formatting import format_decimal
from companion.reports.summary_data import Audience, Section, SummaryOptions, build_summary
from companion.reports.summary_pdf import summary_document, summary_pdf
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
    # pytest-qt's QApplication, so rendering here never leaves a bare QGuiApplication for later GUI tests
    pytest.mark.usefixtures("qapp"),
]
WHAT_MATTERS = "Chwarae gyda'm ŵyr a'm wyres, a chanu yn y côr 🎶"
TOP3 = ("Sleep since the new tablets", "Help with the stairs at home", "Referral to the pain clinic?")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    session = create_demo_diary(tmp_path_factory.mktemp("demo"), CHEAP_KDF)
    session.goals.save_what_matters(WHAT_MATTERS, "Cysgu'n dda")
    yield session
    session.close()


def _options(session: DiarySession, language: str, **more: object) -> SummaryOptions:
    end = session.diary.today()
    return SummaryOptions(
        end - dt.timedelta(days=90), end, Audience.GP, language=language, top3=TOP3, bran=True, **more
    )


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


def _pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "cy", "both"])
def test_summary_pdf_reads_back_in_each_language(demo: DiarySession, language: str, tmp_path: Path) -> None:
    data = build_summary(demo, _options(demo, language))
    pdf = summary_pdf(data)
    assert pdf.startswith(b"%PDF")
    text = _flat(_text(pdf, tmp_path))
    # Side by side, pdftotext interleaves the two columns' lines, so a wrapped heading is read from the
    # document's HTML instead; a one-language PDF is read back whole.
    source = text if language != "both" else _flat(html.unescape(summary_document(data)[0]))
    languages = ("cy", "en") if language == "both" else (language,)
    for lang in languages:
        with i18n.speaking(lang):
            for heading in ("What matters to me", "My top 3 things to discuss today", "Questions I want to ask",
                            "Pain", "Medicines"):
                assert _flat(i18n._(heading)) in source, (lang, heading)
            assert _flat(i18n._("What are the risks?")) in source
            mean = format_decimal(data.pain.mean or 0)
            assert mean in text
    assert "ŵyr" in text and "côr" in text  # the person's own words, Welsh letters intact
    for item in TOP3:
        assert item in text
    # Three months fit on one or two pages; side by side, each language has half the width.
    assert 1 <= _pages(pdf, tmp_path) <= (3 if language == "both" else 2)
    assert "1" in text and ("Page 1 of" in text or "Tudalen 1 o" in text)


def test_what_matters_comes_first_and_personal_notes_only_when_ticked(demo: DiarySession, tmp_path: Path) -> None:
    options = _options(demo, "en")
    text = _flat(_text(summary_pdf(build_summary(demo, options)), tmp_path))
    assert text.index("What matters to me") < text.index("Pain")
    notes = [c.note for c in demo.diary.all_entries() if c.note]
    assert notes and not any(_flat(n)[:25] in text for n in notes[-5:])
    with_notes = SummaryOptions(**{**options.__dict__, "sections": (*options.sections, Section.NOTES)})
    text = _flat(_text(summary_pdf(build_summary(demo, with_notes)), tmp_path))
    assert "My notes" in text


def test_no_chart_is_split_across_a_page_break(demo: DiarySession, tmp_path: Path) -> None:
    if shutil.which("pdfimages") is None:
        pytest.skip("needs pdfimages")
    options = _options(demo, "both", sections=tuple(Section))
    pdf = summary_pdf(build_summary(demo, options))
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    images = [(int(r[0]), int(r[3]), int(r[4])) for r in rows if r[2] == "image"]
    sizes = [(w, h) for _page, w, h in images]
    assert images, "the charts are embedded as images"
    # Each chart is drawn once, whole: a chart split by a page break would be drawn on two pages.
    assert len(sizes) == len(set(sizes))
    assert all(w >= 1500 for w, _h in sizes), "charts are embedded at print resolution (300 dpi)"


def test_the_summary_numbers_equal_the_trends_module(demo: DiarySession) -> None:
    end = demo.diary.today()
    options = SummaryOptions(end - dt.timedelta(days=27), end, language="en")
    data = build_summary(demo, options)
    insights = demo.insights
    stats = insights.day_stats(options.start, options.end)
    means = [s.pain_mean for s in stats if s.pain_mean is not None]
    assert data.pain.mean == pytest.approx(sum(means) / len(means))
    assert data.pain.days_recorded == len(means)
    length = (options.end - options.start).days + 1
    change = insights.pain_change(
        (options.start - dt.timedelta(days=length), options.start - dt.timedelta(days=1)),
        (options.start, options.end),
    )
    assert change is not None and data.pain.change is not None
    assert data.pain.change.band is change.band
    assert data.pain.change.current == pytest.approx(change.current)
    assert data.completion == insights.completion(options.start, options.end)
    peg = insights.peg_points(options.start, options.end)
    assert data.peg.count == len(peg) and data.peg.latest == peg[-1].score


def test_a_letter_summary_has_letter_pages(demo: DiarySession, tmp_path: Path) -> None:
    pdf = summary_pdf(build_summary(demo, _options(demo, "en", paper="Letter")))
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    assert "612 x 792 pts" in info


@pytest.mark.parametrize("language", ["cy", "both"])
def test_the_command_line_makes_a_summary_from_the_demo_diary(tmp_path: Path, language: str) -> None:
    out = tmp_path / f"summary-{language}.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "companion", "summary", "--demo", "--lang", language, "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "not encrypted" in result.stderr.lower() or "amgryptio" in result.stderr.lower()
    again = subprocess.run(
        [sys.executable, "-m", "companion", "summary", "--demo", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert again.returncode != 0 and "--force" in again.stderr
