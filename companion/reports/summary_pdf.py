"""The consultation summary as a PDF, built in memory: data, charts, units of HTML, then pages with "Page 1
of 2" and the date made on each, title and subject in the summary's language(s). Nothing is written here;
the caller writes the bytes only where the person chose, after saying once that the file is not encrypted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.i18n import Bilingual, Translator, translator
from companion.i18n.formatting import format_date
from companion.reports.summary_charts import chart_images
from companion.reports.summary_data import SummaryData, SummaryOptions, build_summary
from companion.reports.summary_html import STYLE, units
from companion.reports.summary_words import FOOTER_LINE, SUBJECT, TITLE

if TYPE_CHECKING:
    from companion.services.session import DiarySession


def words_for(language: str) -> Translator | Bilingual:
    """The summary's own words: one language, or Welsh then English."""
    return Bilingual("cy", "en") if language == "both" else translator(language)


def summary_document(data: SummaryData) -> tuple[list[str], dict[str, bytes]]:
    """The units of HTML and their chart images (named "chart-pain.png" and "chart-second.png")."""
    pngs = chart_images(data)
    names = {key: f"chart-{key}.png" for key in pngs}
    return units(data, names), {names[key]: png for key, png in pngs.items()}


def footer_for(data: SummaryData) -> Callable[[int, int], str]:
    language = data.options.language

    def line(tr: Translator, page: int, pages: int) -> str:
        return tr.gettext(FOOTER_LINE).format(page=page, pages=pages, date=format_date(data.made_on, lang=tr.lang))

    def footer(page: int, pages: int) -> str:
        if language == "both":
            return f"{line(translator('cy'), page, pages)} / {line(translator('en'), page, pages)}"
        return line(translator(language), page, pages)

    return footer


def title_and_subject(data: SummaryData) -> tuple[str, str]:
    words = words_for(data.options.language)
    period = data.period

    def subject(tr: Translator) -> str:
        return tr.gettext(SUBJECT).format(
            start=format_date(period.start, lang=tr.lang), end=format_date(period.upto, lang=tr.lang)
        )

    if isinstance(words, Bilingual):
        return words.gettext(TITLE), f"{subject(words.first)} / {subject(words.second)}"
    return words.gettext(TITLE), subject(words)


def summary_pdf(data: SummaryData) -> bytes:
    from companion.reports.pdf import render_units

    parts, images = summary_document(data)
    title, subject = title_and_subject(data)
    return render_units(
        parts, STYLE, data.options.paper, title=title, subject=subject, images=images, footer=footer_for(data)
    )


def make_summary_pdf(session: DiarySession, options: SummaryOptions) -> bytes:
    return summary_pdf(build_summary(session, options))
