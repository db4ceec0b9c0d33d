"""The consultation summary as a PDF, built in memory: data, charts, HTML, then QTextDocument pages with
"Page 1 of 2" and the date made on each. Nothing is written here; the caller writes the bytes only where the
person chose, after saying once that the file is not encrypted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.i18n import _, speaking
from companion.i18n.formatting import format_date
from companion.reports.pdf import render_document
from companion.reports.summary_data import SummaryData, SummaryOptions, build_summary
from companion.reports.summary_html import chart_images, summary_html

if TYPE_CHECKING:
    from companion.services.session import DiarySession


def summary_document(data: SummaryData) -> tuple[str, dict[str, bytes]]:
    """The HTML and its chart images (named "chart-pain.png" and "chart-second.png")."""
    pngs = chart_images(data)
    names = {key: f"chart-{key}.png" for key in pngs}
    return summary_html(data, names), {names[key]: png for key, png in pngs.items()}


def summary_pdf(data: SummaryData) -> bytes:
    html, images = summary_document(data)
    language = data.options.language

    def footer(page: int, pages: int) -> str:
        def line(lang: str) -> str:
            with speaking(lang):
                return _("Page {page} of {pages} · made on {date}").format(
                    page=page, pages=pages, date=format_date(data.made_on)
                )

        return f"{line('cy')} / {line('en')}" if language == "both" else line(language)

    with speaking(language if language in ("cy", "en") else "en"):
        title = _("Summary for my appointment")
    return render_document(html, data.options.paper, title=title, images=images, footer=footer)


def make_summary_pdf(session: DiarySession, options: SummaryOptions) -> bytes:
    return summary_pdf(build_summary(session, options))
