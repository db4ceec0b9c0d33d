""" "My story so far" as a PDF in memory, printed like the consultation summary (companion.reports.pdf),
with "Page 1 of 1" and the date made in the document's language(s). The caller writes the bytes only where
the person chose, after saying once that the file is not encrypted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from companion.i18n import N_, translator
from companion.i18n.formatting import format_date
from companion.reports.pdf import render_document
from companion.reports.story_data import StoryData, build_story
from companion.reports.story_html import TITLE, story_html

if TYPE_CHECKING:
    from companion.services.session import DiarySession

LANGUAGE_CHOICES = ("en", "cy", "both")
FOOTER = N_("Page {page} of {pages} · made on {date}")


def story_footer(data: StoryData, language: str) -> Callable[[int, int], str]:
    """ "Page 1 of 1 · made on ..." in the document's language(s)."""

    def footer(page: int, pages: int) -> str:
        def line(lang: str) -> str:
            tr = translator(lang)
            return tr(FOOTER).format(page=page, pages=pages, date=format_date(data.made_on, lang=lang))

        return f"{line('cy')} / {line('en')}" if language == "both" else line(language)

    return footer


def story_pdf(data: StoryData, language: str = "en", paper: str = "A4") -> bytes:
    if language not in LANGUAGE_CHOICES:
        raise ValueError(f"language must be one of {LANGUAGE_CHOICES}")
    title_lang = "cy" if language == "both" else language
    return render_document(
        story_html(data, language), paper, title=translator(title_lang)(TITLE), footer=story_footer(data, language)
    )


def paint_story(data: StoryData, language: str, device: Any) -> int:
    """The same page painted on a printer (a QPagedPaintDevice: the print preview's), as the PDF lays it out,
    with the same footer. Returns the number of pages. (`Any`: Qt stays behind the wall, in reports.pdf.)"""
    from companion.reports.pdf import document_unit, paint_units

    if language not in LANGUAGE_CHOICES:
        raise ValueError(f"language must be one of {LANGUAGE_CHOICES}")
    unit, style = document_unit(story_html(data, language))
    return paint_units([unit], style, device, story_footer(data, language))


def make_story_pdf(session: DiarySession, language: str = "en", paper: str = "A4") -> bytes:
    return story_pdf(build_story(session), language, paper)
