"""The boom-and-bust figure, drawn with Agg and no Qt: markers for marked days, labels in the active
language, and colours that keep 4.5:1 contrast on white."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import pytest

from companion import i18n
from companion.charts import boom_bust
from companion.domain.pacing_patterns import DayInput, Thresholds, detect


def _marks() -> list:  # type: ignore[type-arg]
    start = dt.date(2026, 1, 1)
    loads = [1.0] * 10 + [2.0, 0.3] + [1.0] * 5
    pains = [4.0] * 11 + [8.0] + [4.0] * 5
    return detect(
        [
            DayInput(start + dt.timedelta(days=i), load, pain)
            for i, (load, pain) in enumerate(zip(loads, pains, strict=True))
        ]
    )


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", [boom_bust.LOAD, boom_bust.USUAL, boom_bust.BOOM, boom_bust.BUST, boom_bust.PAIN])
def test_every_colour_has_at_least_4_5_to_1_contrast_on_white(colour: str) -> None:
    assert (1.05) / (_luminance(colour) + 0.05) >= 4.5


@pytest.mark.parametrize(("lang", "month"), [("en", "Jan"), ("cy", "Ion")])
def test_marked_days_have_their_own_markers_and_labels_follow_the_language(lang: str, month: str) -> None:
    marks = _marks()
    assert [m.day.day for m in marks if m.boom] == [11] and [m.day.day for m in marks if m.bust] == [12]
    i18n.set_language(lang)
    try:
        figure = boom_bust.boom_bust_figure(marks, Thresholds())
        figure.savefig(io.BytesIO(), format="png")  # draws every artist, so the tick labels exist
        ax = figure.axes[0]
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert any(month in t for t in ticks)
        legend = [t.get_text() for t in figure.legends[0].get_texts()]
        assert i18n._("Busy day (boom)") in legend and i18n._("Hard day after (bust)") in legend
        shapes = {c.get_paths()[0].vertices.round(2).tobytes() for c in ax.collections}
        assert len(ax.collections) == 2 and len(shapes) == 2  # up and down triangles: not colour alone
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("dark", [False, True])
def test_dark_mode_uses_the_dark_palette_with_the_same_contrast(dark: bool) -> None:
    from matplotlib.colors import to_hex

    from companion.charts.palette import contrast_ratio, palette

    pal = palette(dark)
    assert all(contrast_ratio(c, pal.background) >= 4.5 for c in boom_bust.colours(pal).values())
    figure = boom_bust.boom_bust_figure(_marks(), Thresholds(), dark=dark)
    figure.savefig(io.BytesIO(), format="png")
    assert to_hex(figure.get_facecolor()) == pal.background.lower()
    assert to_hex(figure.axes[0].get_facecolor()) == pal.background.lower()
    assert all(to_hex(t.get_color()) == pal.text.lower() for t in figure.legends[0].get_texts())


def test_no_marks_gives_the_plain_nothing_yet_figure() -> None:
    figure = boom_bust.boom_bust_figure([], Thresholds())
    assert figure.axes == [] and [t.get_text() for t in figure.texts] == ["Nothing recorded in this period yet."]


def _twelve_weeks() -> list:  # type: ignore[type-arg]
    start = dt.date(2026, 9, 14)
    return detect([DayInput(start + dt.timedelta(days=i), 1.0 + (i % 7 == 3), 4.0 + (i % 5 == 0)) for i in range(84)])


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_at_large_text_the_dates_do_not_overlap_and_the_words_stay_inside_the_figure(lang: str) -> None:
    """At 200 % text (the screen passes 0.9 x 24 pt) twelve weeks of dates ran into each other and the legend
    and the axis title were cut at the figure's edges."""
    i18n.set_language(lang)
    try:
        # As the Pacing page builds it at 24 pt: 0.9 x 24 pt, 720 pixels (at 100 an inch) tall.
        figure = boom_bust.boom_bust_figure(_twelve_weeks(), Thresholds(), height=7.2, font_pt=21.6)
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = FigureCanvasAgg(figure)
        canvas.draw()
        renderer = canvas.get_renderer()
        ax = figure.axes[0]
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
        assert len(boxes) >= 3
        assert all(left.x1 <= right.x0 for left, right in itertools.pairwise(boxes))
        whole = figure.bbox
        legend = figure.legends[0].get_window_extent(renderer)
        assert whole.x0 - 1 <= legend.x0 and legend.x1 <= whole.x1 + 1
        for axis in (ax, figure.axes[1]):
            title = axis.yaxis.label.get_window_extent(renderer)
            assert whole.y0 - 1 <= title.y0 and title.y1 <= whole.y1 + 1
    finally:
        i18n.set_language("en")
