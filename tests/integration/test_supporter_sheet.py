"""The "How to help me in a flare" sheet: HTML built from the plan, printed to PDF, read back with poppler."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from companion.domain.flare import SECTION_TITLES, FlarePlan, Helper
from companion.i18n import translate_in
from companion.reports.supporter_sheet import (
    DEFAULT_SECTIONS,
    FOOTER,
    PERSON_PLAN,
    SHEET_TITLE,
    build_supporter_html,
)

PLAN = FlarePlan(
    sections={
        "warning_signs": ("Cysgu'n wael am ychydig nosweithiau",),
        "triggers": ("Carrying the shopping uphill",),
        "first_steps": (
            "Gorffwys ar y soffa gyda'r ŵyr a gwylio ffilm",
            "Halve my walking time",
            "Use <b>heat</b> & rest",
        ),
        "helpful_thoughts": ("Mae'n brifo ond nid yw'n niweidio; rwy'n hŷn ac yn ddoethach nawr 🙂",),
        "medical_help": ("Ring the GP if anything new starts",),
    },
    helpers=(Helper("Siân", "Gwneud swper i'r teulu", "07700 900123"), Helper("Dafydd", "School run", "")),
)
DAY = dt.date(2025, 1, 6)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; CI installs it")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())  # one line: table cells and wrapped lines become plain words


def page_size_points(path: Path) -> tuple[float, float]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed; CI installs it")
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    assert match is not None, out
    return float(match.group(1)), float(match.group(2))


def render_to(
    tmp_path: Path, name: str, language: str, page: str = "A4", sections: tuple[str, ...] = DEFAULT_SECTIONS
) -> Path:
    from companion.reports.pdf import render_pdf

    html = build_supporter_html(PLAN, list(sections), language, "Gwenllian", made_on=DAY)
    target = tmp_path / name
    target.write_bytes(render_pdf(html, page))
    return target


# --- HTML (no Qt) -------------------------------------------------------------------------------------


def test_html_has_the_chosen_sections_in_plan_order_and_escapes_lines() -> None:
    html = build_supporter_html(PLAN, ["medical_help", "first_steps"], "en", made_on=DAY)
    assert html.index(SECTION_TITLES["first_steps"]) < html.index(SECTION_TITLES["medical_help"])
    assert "Use &lt;b&gt;heat&lt;/b&gt; &amp; rest" in html
    assert "<b>heat</b>" not in html
    assert "Gorffwys ar y soffa gyda&#x27;r ŵyr a gwylio ffilm" in html
    assert SECTION_TITLES["warning_signs"] not in html and "Cysgu" not in html
    assert "Siân" not in html  # helpers only come with "people"
    assert "6 January 2025" in html
    assert translate_in("en", FOOTER) in html


def test_html_names_the_person_only_when_given() -> None:
    named = build_supporter_html(PLAN, ["first_steps"], "en", "  Gwen  <Jones> ", made_on=DAY)
    assert "Gwen &lt;Jones&gt;&#x27;s flare-up plan" in named
    plain = build_supporter_html(PLAN, ["first_steps"], "en", made_on=DAY)
    assert "flare-up plan" not in plain.replace(translate_in("en", SHEET_TITLE), "")


def test_welsh_sheet_uses_the_welsh_catalog_and_cldr_dates() -> None:
    html = build_supporter_html(PLAN, ["people", "helpful_thoughts"], "cy", "Gwen", made_on=DAY)
    assert translate_in("cy", SHEET_TITLE) in html.replace("&#x27;", "'")
    assert translate_in("cy", SECTION_TITLES["people"]).replace("'", "&#x27;") in html
    assert translate_in("cy", PERSON_PLAN).format(name="Gwen").replace("'", "&#x27;") in html
    assert "6 Ionawr 2025" in html
    assert "Siân" in html and "07700 900123" in html
    assert "🙂" in html  # kept in the HTML even where no printing font has it
    assert 'lang="cy"' in html


def test_empty_sections_are_left_out_and_bad_arguments_refused() -> None:
    html = build_supporter_html(FlarePlan(), list(DEFAULT_SECTIONS), "en", made_on=DAY)
    assert "<h2>" not in html
    with pytest.raises(ValueError):
        build_supporter_html(PLAN, ["nonsense"], "en", made_on=DAY)
    with pytest.raises(ValueError):
        build_supporter_html(PLAN, ["first_steps"], "fr", made_on=DAY)


# --- PDF (Qt, offscreen) ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["cy", "en"])
def test_pdf_holds_the_plan_words_with_circumflexes(qapp, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(render_to(tmp_path, f"sheet-{language}.pdf", language))
    assert translate_in(language, SHEET_TITLE) in text
    assert translate_in(language, SECTION_TITLES["first_steps"]) in text
    assert "Gorffwys ar y soffa gyda'r ŵyr a gwylio ffilm" in text  # ŵ, and "ff" not turned into a ligature
    assert "rwy'n hŷn ac yn ddoethach nawr" in text  # ŷ
    assert "Halve my walking time" in text
    assert "Use <b>heat</b> & rest" in text  # escaped in HTML, so printed as typed
    assert "Siân" in text and "07700 900123" in text and "Gwneud swper i'r teulu" in text
    assert translate_in(language, PERSON_PLAN).format(name="Gwenllian") in text
    assert translate_in(language, FOOTER) in text
    assert ("6 Ionawr 2025" if language == "cy" else "6 January 2025") in text
    # Sections not chosen are absent.
    assert "Cysgu'n wael" not in text and "Carrying the shopping" not in text
    assert translate_in(language, SECTION_TITLES["warning_signs"]) not in text


def test_unticked_sections_are_absent_from_the_pdf(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(render_to(tmp_path, "few.pdf", "en", sections=("helpful_thoughts",)))
    assert "hŷn" in text
    assert "Gorffwys" not in text and "Siân" not in text and "Ring the GP" not in text


def test_a4_and_letter_pages_differ(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a4 = page_size_points(render_to(tmp_path, "a4.pdf", "en", "A4"))
    letter = page_size_points(render_to(tmp_path, "letter.pdf", "en", "Letter"))
    assert a4 == pytest.approx((595.0, 842.0), abs=1.5)
    assert letter == pytest.approx((612.0, 792.0), abs=1.5)


def test_render_pdf_refuses_an_unknown_page_size(qapp) -> None:  # type: ignore[no-untyped-def]
    from companion.reports.pdf import render_pdf

    with pytest.raises(ValueError):
        render_pdf("<p>x</p>", "A5")


def test_render_pdf_makes_a_pdf_in_memory(qapp) -> None:  # type: ignore[no-untyped-def]
    from companion.reports.pdf import render_pdf

    data = render_pdf("<p>Helo</p>")
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
