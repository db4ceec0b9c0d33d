"""The consultation summary from the demo diary, printed whole (charts included), in English, Welsh and both
side by side: how it is paginated (headings keep their next block, nothing under the footer, no paragraph
twice in the text layer, charts never split, three months on two pages), its metadata, the person's words in
any script, and a Welsh summary built on a worker thread while the interface stays English."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.demo import create_demo_diary
from companion.i18n import _, set_language, translator
from companion.reports.summary_data import Audience, Section, SummaryOptions, build_summary
from companion.reports.summary_html import units
from companion.reports.summary_pdf import summary_document, summary_pdf
from companion.services.read_only import close_copy, read_only_copy
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.oracle.harness import FOOTER_PT, MARGIN_PT

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
    # pytest-qt's QApplication, so rendering here never leaves a bare QGuiApplication for later GUI tests
    pytest.mark.usefixtures("qapp"),
]
WHAT_MATTERS = "Chwarae gyda'm ŵyr a'm wyres, a chanu yn y côr"
TOP3 = ("Sleep since the new tablets", "Help with the stairs at home", "Referral to the pain clinic?")
PAGE_POINTS = {"A4": (595.0, 842.0), "Letter": (612.0, 792.0)}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    session = create_demo_diary(tmp_path_factory.mktemp("demo"), CHEAP_KDF)
    session.goals.save_what_matters(WHAT_MATTERS, "Cysgu'n dda")
    yield session
    session.close()


def _options(session: DiarySession, language: str, **more: object) -> SummaryOptions:
    end = session.diary.today()
    return SummaryOptions(
        end - dt.timedelta(days=90),
        end,
        Audience.GP,
        language=language,
        top3=TOP3,
        bran=True,
        **more,  # type: ignore[arg-type]
    )


def _run(args: list[str], pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(pdf)
    return subprocess.run([*args, str(path), "-"], capture_output=True, check=True, text=True).stdout


def _not_emoji(character: str) -> bool:
    return ord(character) <= 0xFFFF and unicodedata.category(character) != "So" and character != "\ufe0f"


def _pages(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _info(pdf: bytes, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return {k.strip(): v.strip() for k, _sep, v in (line.partition(":") for line in info.splitlines())}


def _words(pdf: bytes, tmp_path: Path) -> list[tuple[int, float, float, str]]:
    """(page, top, bottom, word) for every word of the text layer, in points from the page's top."""
    listing = _run(["pdftotext", "-bbox"], pdf, tmp_path)
    words, page = [], 0
    for line in listing.splitlines():
        if line.strip().startswith("<page "):
            page += 1
        found = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', line)
        if found:
            words.append((page, float(found.group(1)), float(found.group(2)), found.group(3)))
    return words


BIDI_MARKS = dict.fromkeys([0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _flat(text: str) -> str:
    """One line; Arabic presentation forms read as letters (NFKC), direction marks dropped; a word broken
    after its hyphen joined (pdftotext drops that hyphen, so hyphens are dropped on both sides)."""
    text = unicodedata.normalize("NFKC", text).translate(BIDI_MARKS)
    return " ".join(text.replace("-\n", "").replace("-", "").split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("language", ["en", "cy", "both"])
def test_pages_keep_headings_with_their_text_and_nothing_under_the_footer(
    demo: DiarySession, language: str, paper: str, tmp_path: Path
) -> None:
    data = build_summary(demo, _options(demo, language, paper=paper))
    pdf = summary_pdf(data)
    assert _info(pdf, tmp_path)["Page size"].startswith("{:.0f} x {:.0f}".format(*PAGE_POINTS[paper]))
    pages = _pages(pdf, tmp_path)
    # Three months: two pages in one language; side by side, as many as it needs but none almost empty.
    assert pages <= 2 if language != "both" else pages <= 3
    height = PAGE_POINTS[paper][1]
    footer_top = height - MARGIN_PT - FOOTER_PT
    words = _words(pdf, tmp_path)
    footer_words = {"Page", "Tudalen"}
    body = [w for w in words if w[1] < footer_top - 0.5]
    below = [w for w in words if w[1] >= footer_top - 0.5]
    # Nothing but the footer line lies in the footer band, and it is on every page once.
    assert {w[0] for w in below} == set(range(1, pages + 1))
    assert all(w[2] <= height - MARGIN_PT + 1 for w in below)
    assert sum(1 for w in below if w[3] in footer_words) == pages * (2 if language == "both" else 1)
    # Each page's body is used: the last page is not almost empty (a fifth of the body at least).
    last = [w for w in body if w[0] == pages]
    if pages > 1:
        assert max(w[2] for w in last) - MARGIN_PT >= 0.2 * (footer_top - MARGIN_PT)
    # A heading never ends a page: the last line on every page is not a section heading.
    tr = [translator(lang) for lang in (("cy", "en") if language == "both" else (language,))]
    headings = {
        _flat(t.gettext(h))
        for t in tr
        for h in (
            "Pain",
            "Sleep and mood",
            "Flare-ups",
            "Pacing",
            "Goals and action plans",
            "Medicines",
            "What I've tried",
            "What matters to me",
            "Questions I want to ask",
        )
    }
    for page in range(1, pages):
        on_page = [w for w in body if w[0] == page]
        lowest = max(w[1] for w in on_page)
        last_line = _flat(" ".join(w[3] for w in on_page if abs(w[1] - lowest) < 1.0))
        assert last_line not in headings, (page, last_line)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_paragraph_is_printed_twice_in_the_text_layer(demo: DiarySession, language: str, tmp_path: Path) -> None:
    options = _options(demo, language, sections=tuple(Section))  # the notes too: the longest summary
    data = build_summary(demo, options)
    text = _flat(_run(["pdftotext"], summary_pdf(data), tmp_path))
    paragraphs = [
        _flat(html.unescape(re.sub(r"<[^>]+>", "", p)))
        for unit in units(data)
        for p in re.findall(r"<(?:p|li)[^>]*>(.*?)</(?:p|li)>", unit)
    ]
    checked = 0
    # Emoji are drawn but not in the text layer (see the any-script test): compare the words around them.
    paragraphs = [" ".join("".join(c for c in p if _not_emoji(c)).split()) for p in paragraphs]
    for words in {p for p in paragraphs if len(p) > 25}:
        # as often as the summary has it (the same note on two check-ins is two paragraphs), never more
        assert text.count(words) == sum(other.count(words) for other in paragraphs), words
        checked += 1
    assert checked > 20


def test_no_chart_is_split_across_a_page_break(demo: DiarySession, tmp_path: Path) -> None:
    if shutil.which("pdfimages") is None:
        pytest.skip("needs pdfimages")
    options = _options(demo, "both", sections=tuple(Section))
    pdf = summary_pdf(build_summary(demo, options))
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    images = [(int(r[0]), int(r[3]), int(r[4])) for r in rows if r[2] == "image" and int(r[3]) >= 600]  # not emoji
    sizes = [(w, h) for _page, w, h in images]
    assert len(images) == 2, "the pain chart and the second chart"
    # Each chart is drawn once, whole: a chart split by a page break would be drawn on two pages.
    assert len(sizes) == len(set(sizes))
    assert all(w >= 1500 for w, _h in sizes), "charts are embedded at print resolution (300 dpi)"


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Summary for my appointment"),
        ("cy", "Crynodeb ar gyfer fy apwyntiad"),
        ("both", "Crynodeb ar gyfer fy apwyntiad / Summary for my appointment"),
    ],
)
def test_title_and_subject_are_in_the_summarys_languages(
    demo: DiarySession, language: str, title: str, tmp_path: Path
) -> None:
    data = build_summary(demo, _options(demo, language))
    info = _info(summary_pdf(data), tmp_path)
    assert info["Title"] == title
    start = data.period.start
    if language in ("en", "both"):
        assert f"my diary's figures for {start.day} {start:%B} {start.year}" in info["Subject"]
    if language in ("cy", "both"):
        assert info["Subject"].startswith("Beth sy'n bwysig i mi, fy nghwestiynau, a ffigurau fy nyddiadur")


def test_the_bilingual_charts_are_labelled_in_both_languages(demo: DiarySession) -> None:
    from companion.charts import pain as pain_chart

    seen: list[str] = []
    original = pain_chart.legend_below

    def spy(figure, ax, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.extend(label for _h, label in zip(*ax.get_legend_handles_labels(), strict=True))
        seen.append(ax.get_ylabel())
        return original(figure, ax, *args, **kwargs)

    pain_chart.legend_below = spy  # type: ignore[assignment]
    try:
        summary_document(build_summary(demo, _options(demo, "both")))
    finally:
        pain_chart.legend_below = original  # type: ignore[assignment]
    assert "Cyfartaledd dyddiol y boen / Daily average pain" in seen
    assert "Poen (0 i 10)\nPain (0 to 10)" in seen


def test_what_matters_comes_first_and_personal_notes_only_when_ticked(demo: DiarySession, tmp_path: Path) -> None:
    options = _options(demo, "en")
    text = _flat(_run(["pdftotext"], summary_pdf(build_summary(demo, options)), tmp_path))
    assert text.index("What matters to me") < text.index("Average daily pain")
    notes = [c.note for c in demo.diary.all_entries() if c.note]
    assert notes and not any(_flat(n)[:25] in text for n in notes[-5:])
    with_notes = SummaryOptions(**{**options.__dict__, "sections": (*options.sections, Section.NOTES)})
    text = _flat(_run(["pdftotext"], summary_pdf(build_summary(demo, with_notes)), tmp_path))
    assert "My notes" in text


def test_any_script_in_the_persons_own_words_reaches_the_text_layer_without_warnings(tmp_path: Path) -> None:
    """Welsh, Arabic, Chinese and emoji in what matters, the top 3 and a medicine's name: printed in a separate
    process, so that anything written to stderr (a matplotlib glyph warning, a Qt font message) is caught."""
    script = tmp_path / "scripts.py"
    out = tmp_path / "scripts.pdf"
    script.write_text(
        """
import datetime as dt, sys
from pathlib import Path
from companion.demo import create_demo_diary
from companion.reports.summary_data import SummaryOptions
from companion.reports.summary_pdf import make_summary_pdf
from companion.storage.kdf import KdfParams
session = create_demo_diary(Path(sys.argv[1]), KdfParams(iterations=1, lanes=1, memory_kib=64))
session.goals.save_what_matters("Canu yn y côr gyda'm ŵyr. مرحبا بالعالم. 你好世界. 🎶😀", "")
medicine = session.medicines.medicines()[0]
from dataclasses import replace
session.medicines.save(replace(medicine, name="دواء 止痛药"))
end = session.diary.today()
for language in ("cy", "both"):
    options = SummaryOptions(end - dt.timedelta(days=90), end, language=language, top3=("Grisiau 楼梯 سلالم 🪜",))
    Path(sys.argv[2] + language).write_bytes(make_summary_pdf(session, options))
session.close()
""",
        encoding="utf-8",
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPLCONFIGDIR": str(tmp_path / "mpl")}
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "diary"), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no glyph warnings, no font messages
    for language in ("cy", "both"):
        text = _flat(_run(["pdftotext"], Path(str(out) + language).read_bytes(), tmp_path))
        assert "ŵyr" in text and "côr" in text
        assert _flat("مرحبا بالعالم") in text and _flat("دواء") in text and _flat("سلالم") in text
        if _has_font_for("你"):
            assert "你好世界" in text and "楼梯" in text
        # Emoji are drawn, in colour or monochrome, but Qt's PDF writer leaves characters beyond U+FFFF out of
        # the text layer (QFontSubset maps only the Basic Multilingual Plane): the words around them stay whole.
        assert "Grisiau" in text


def _has_font_for(character: str) -> bool:
    from PySide6.QtGui import QFont, QRawFont

    from companion.reports.pdf import installed_families

    return any(QRawFont.fromFont(QFont(family)).supportsCharacter(character) for family in installed_families())


def test_a_welsh_summary_built_on_a_worker_thread_leaves_the_interface_english(demo: DiarySession) -> None:
    """The document takes its own translator: while a Welsh (and a bilingual) summary is built off the GUI
    thread, from a read-only copy, the interface's `_()` keeps answering in English."""
    set_language("en")
    copy = read_only_copy(demo)  # taken here, on the GUI thread
    built: list[bytes] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for language in ("cy", "both"):
                built.append(summary_pdf(build_summary(copy, _options(copy, language))))
        except BaseException as exc:  # handed back below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    answers = set()
    while worker.is_alive():
        answers.add(_("Today"))
        time.sleep(0.001)  # ask often, without holding the GIL from the worker all the while
    worker.join()
    close_copy(copy)
    assert errors == [] and len(built) == 2
    assert answers == {"Today"}


def test_a_read_only_copy_refuses_writes_and_leaves_the_diary_as_it_was(demo: DiarySession) -> None:
    from sqlalchemy.exc import OperationalError

    before = demo.summary.name()
    copy = read_only_copy(demo)
    try:
        with pytest.raises(OperationalError, match="readonly"):
            copy.summary.remember("gp", [], "Someone else", [], [])
        assert copy.summary.name() == before
    finally:
        close_copy(copy)
    assert demo.summary.name() == before and demo.is_open
    demo.summary.remember("gp", [s.value for s in Section], "Siân", [], [])
    assert demo.summary.name() == "Siân"


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
