"""Build a summary PDF from a diary and read it back with pdftotext: whole pages for one language, each
column apart for the bilingual one (Welsh on the left, English on the right), footers apart.

With SUMMARY_ORACLE_RENDER=html (the mutation runs: no Qt in forked test processes) the text is read from the
summary's HTML instead of its PDF: the same words, without the printing."""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import subprocess
import tempfile
from pathlib import Path

from companion.domain.summary import Audience, Section
from companion.reports.summary_data import SummaryOptions, build_summary
from companion.reports.summary_pdf import summary_pdf
from companion.services.session import DiarySession

A4_POINTS = (595.0, 842.0)
MARGIN_PT = 18.0 / 25.4 * 72
FOOTER_PT = 8.0 * 2.6
EVERYTHING = tuple(s for s in Section if s is not Section.NOTES)


def options(start: dt.date, end: dt.date, language: str, **more: object) -> SummaryOptions:
    chosen: dict[str, object] = {"sections": EVERYTHING, **more}
    return SummaryOptions(start, end, Audience.GP, language=language, **chosen)  # type: ignore[arg-type]


def pdftotext(pdf: bytes, *, crop: tuple[float, float, float, float] | None = None) -> str:
    with tempfile.TemporaryDirectory(prefix="summary-oracle-") as folder:
        path = Path(folder) / "summary.pdf"
        path.write_bytes(pdf)
        command = ["pdftotext", "-enc", "UTF-8"]
        if crop is not None:
            x, y, w, h = crop
            command += ["-x", str(int(x)), "-y", str(int(y)), "-W", str(int(w)), "-H", str(int(h))]
        return subprocess.run([*command, str(path), "-"], capture_output=True, check=True, text=True).stdout


def texts(pdf: bytes, language: str) -> dict[str, str]:
    """The text layer by language: {"en": ...} or {"cy": ...}, or both columns of a bilingual summary."""
    if language != "both":
        return {language: pdftotext(pdf)}
    width, height = A4_POINTS
    middle = width / 2
    body = height - MARGIN_PT - FOOTER_PT
    return {"cy": pdftotext(pdf, crop=(0, 0, middle, body)), "en": pdftotext(pdf, crop=(middle, 0, middle, body))}


RENDER = os.environ.get("SUMMARY_ORACLE_RENDER", "pdf")


def html_texts(data: object, language: str) -> dict[str, str]:
    from companion.i18n import translator
    from companion.reports.summary_html import blocks

    def text(lang: str) -> str:
        parts = [part for _key, units in blocks(data, translator(lang)) for part in units]  # type: ignore[arg-type]
        return "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", part)) for part in parts)

    return {lang: text(lang) for lang in (("cy", "en") if language == "both" else (language,))}


def summary_text(session: DiarySession, start: dt.date, end: dt.date, language: str, **more: object) -> dict[str, str]:
    data = build_summary(session, options(start, end, language, **more))
    if RENDER == "html":
        return html_texts(data, language)
    return texts(summary_pdf(data), language)
