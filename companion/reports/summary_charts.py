"""The summary's charts as 300 dpi PNG images, labelled in the summary's language (both languages, "Poen /
Pain", in a bilingual summary). matplotlib's Figure API only; the fonts are the shared fallback chain."""

from __future__ import annotations

from typing import TYPE_CHECKING

from companion.i18n import Bilingual, Translator, translator
from companion.reports.summary_data import SummaryData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_DPI = 300


def chart_labels(language: str) -> Translator | Bilingual:
    return Bilingual("cy", "en") if language == "both" else translator(language)


def chart_images(data: SummaryData) -> dict[str, bytes]:
    """PNG images of the pain chart ("pain") and the chosen second chart ("second")."""
    from companion.charts.export import figure_bytes
    from companion.charts.pain import pain_figure
    from companion.services.insights import PainSeries

    words = chart_labels(data.options.language)
    images: dict[str, bytes] = {}
    series = data.series
    if isinstance(series, PainSeries) and series.has_data:
        figure = pain_figure(series, width=7.0, height=2.7, font_pt=8, tr=words)
        images["pain"] = figure_bytes(figure, "png", CHART_DPI)
    second = _second_chart(data, words)
    if second is not None:
        images["second"] = figure_bytes(second, "png", CHART_DPI)
    return images


def _second_chart(data: SummaryData, words: Translator | Bilingual) -> Figure | None:
    from companion.services.insights import PainSeries, PegPoint

    choice = data.options.second_chart
    series = data.series
    if choice == "wellbeing" and isinstance(series, PainSeries) and series.has_data:
        from companion.charts.wellbeing import wellbeing_figure

        return wellbeing_figure(series.days, width=7.0, height=2.3, font_pt=8, tr=words)
    points = [p for p in data.peg_points if isinstance(p, PegPoint)]
    if choice == "peg" and points:
        from companion.charts.peg import peg_figure

        return peg_figure(points, width=7.0, height=2.3, font_pt=8, tr=words)
    return None
