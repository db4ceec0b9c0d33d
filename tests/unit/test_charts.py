"""The Trends charts, drawn with Agg and no Qt: what they show on hand-made data and on nothing, gaps kept as
gaps, colours that keep 4.5:1 contrast in light and dark mode, labels and dates in the active language, and
PNG and SVG export in memory."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable

import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from companion import i18n
from companion.charts import activity, goals, patterns, peg, wellbeing
from companion.charts.common import date_ticks
from companion.charts.export import figure_bytes
from companion.charts.pain import pain_figure, short_name
from companion.charts.palette import FILL_FIELDS, contrast_ratio, palette
from companion.domain import trends as t
from companion.domain.goals import Completion
from companion.domain.pacing import Activity, DayProgress, Unit
from companion.domain.pacing_patterns import DayMark
from companion.services.insights import ActivityDay, PainSeries, PegPoint, WeekCompletion

START = dt.date(2026, 1, 5)  # a Monday
EMPTY = "Nothing recorded in this period yet."


def _series(
    days: int = 42, start: dt.date = START, gap: tuple[int, ...] = (10, 11, 12), medicines: int = 1
) -> PainSeries:
    stats = []
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if i in gap:
            stats.append(t.DayStats(day))
            continue
        low, high = 3 + i % 3, 5 + i % 4
        stats.append(t.DayStats(day, (low + high) / 2, low, high, 2, 6.0, 7.5, 5.0, 4.0))
    means = [s.pain_mean for s in stats]
    end = start + dt.timedelta(days=days - 1)
    flares = [t.Span("", start + dt.timedelta(days=20), start + dt.timedelta(days=23))]
    meds = [t.Span(f"Medicine number {k}", start + dt.timedelta(days=k), end, True) for k in range(medicines)]
    return PainSeries(start, end, stats, t.moving_average(means, 7, 4), t.moving_average(means, 28, 14), flares, meds)


def _empty_series() -> PainSeries:
    return PainSeries(
        START,
        START + dt.timedelta(days=13),
        [t.DayStats(START + dt.timedelta(days=i)) for i in range(14)],
        [None] * 14,
        [None] * 14,
        [],
        [],
    )


def _activity() -> list[ActivityDay]:
    out = []
    for index, unit in enumerate((Unit.MINUTES, Unit.PAGES, Unit.METRES, Unit.REPETITIONS, Unit.MINUTES)):
        act = Activity(f"a{index}", f"Activity {index}", unit)
        progress = [
            DayProgress(act, START + dt.timedelta(days=i), None if i % 7 == 6 else 10.0, float(8 + i % 5))
            for i in range(21)
        ]
        out.append(ActivityDay(act, progress))
    return out


def _marks() -> list[DayMark]:
    return [
        DayMark(START + dt.timedelta(days=i), 1.0, 1.0, 4.0, 4.0, None, boom=i == 9, bust=i == 10) for i in range(21)
    ]


def _weeks() -> list[WeekCompletion]:
    return [WeekCompletion(START + dt.timedelta(days=7 * k), Completion(3, min(3, k), 0)) for k in range(5)]


def _pegs() -> list[PegPoint]:
    return [PegPoint(START + dt.timedelta(days=7 * k), 7.0 - k * 0.4) for k in range(10)]


def _patterns(enough: bool = True) -> list[tuple[t.TagPattern, t.TagPattern]]:
    with_days = 5 if enough else 2
    return [
        (
            t.TagPattern("gardening", False, with_days, 10, 6.5, 4.5),
            t.TagPattern("gardening", True, with_days, 9, 6.0, 4.6),
        ),
        (t.TagPattern("rain", False, 1, 14, 7.0, 5.0), t.TagPattern("rain", True, 1, 14, 7.0, 5.0)),
    ]


def _groups_time() -> list[t.GroupMean]:
    return [
        t.GroupMean("night", 6.0, 2),
        t.GroupMean("morning", 5.0, 9),
        t.GroupMean("afternoon", 4.0, 8),
        t.GroupMean("evening", None, 0),
    ]


def _groups_week() -> list[t.GroupMean]:
    return [t.GroupMean(str(d), None if d == 6 else 4.0 + d / 2, 0 if d == 6 else 3) for d in range(7)]


BUILDERS: dict[str, tuple[Callable[..., Figure], Callable[[], tuple[object, ...]], tuple[object, ...]]] = {
    # name: (builder, arguments with data, arguments with nothing)
    "pain": (pain_figure, lambda: (_series(),), (_empty_series(),)),
    "peg": (peg.peg_figure, lambda: (_pegs(), (START, START + dt.timedelta(days=20))), ([],)),
    "wellbeing": (wellbeing.wellbeing_figure, lambda: (_series().days,), ([],)),
    "activity": (activity.activity_figure, lambda: (_activity(), _marks()), ([],)),
    "goals": (goals.completion_figure, lambda: (_weeks(),), ([],)),
    "time_of_day": (patterns.time_of_day_figure, lambda: (_groups_time(),), ([],)),
    "weekday": (patterns.weekday_figure, lambda: (_groups_week(),), ([],)),
    "tags": (patterns.tag_patterns_figure, lambda: (_patterns(),), ([],)),
}


def _draw(figure: Figure) -> None:
    figure.savefig(io.BytesIO(), format="png")  # draws every artist, so tick labels and layout exist


def _texts(figure: Figure) -> list[str]:
    out = [text.get_text() for text in figure.texts]
    if figure._suptitle is not None:
        out.append(figure._suptitle.get_text())
    for ax in figure.axes:
        out += [text.get_text() for text in ax.texts]
        out += [label.get_text() for label in ax.get_xticklabels() + ax.get_yticklabels()]
        out += [ax.get_title(loc) for loc in ("left", "center", "right")]
    for legend in figure.legends:
        out += [text.get_text() for text in legend.get_texts()]
    return out


def _line(figure: Figure, label: str) -> Line2D:
    return next(line for ax in figure.axes for line in ax.get_lines() if line.get_label() == label)


# --- every builder ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUILDERS))
@pytest.mark.parametrize("dark", [False, True])
def test_every_builder_draws_data_in_its_palette(name: str, dark: bool) -> None:
    builder, data, _nothing = BUILDERS[name]
    figure = builder(*data(), dark=dark, font_pt=12.0, width=7.0, height=4.0)
    _draw(figure)
    pal = palette(dark)
    assert isinstance(figure, Figure)
    assert tuple(figure.get_size_inches()) == (7.0, 4.0)
    assert figure.get_layout_engine() is not None and type(figure.get_layout_engine()).__name__ == (
        "ConstrainedLayoutEngine"
    )
    assert to_hex(figure.get_facecolor()) == pal.background.lower()
    assert figure.axes and all(
        to_hex(ax.get_facecolor()) == pal.background.lower() for ax in figure.axes if ax.patch.get_visible()
    )
    assert EMPTY not in _texts(figure)


@pytest.mark.parametrize("name", sorted(BUILDERS))
@pytest.mark.parametrize("dark", [False, True])
def test_every_builder_says_so_when_there_is_nothing(name: str, dark: bool) -> None:
    builder, _data, nothing = BUILDERS[name]
    figure = builder(*nothing, dark=dark)
    _draw(figure)
    assert figure.axes == []
    assert [text.get_text() for text in figure.texts] == [EMPTY]
    assert to_hex(figure.get_facecolor()) == palette(dark).background.lower()
    assert figure.texts[0].get_position() == (0.5, 0.5)


def test_dark_mode_has_a_dark_background_and_light_text() -> None:
    light, dark = palette(), palette(dark=True)
    assert contrast_ratio(dark.background, "#000000") < 2 and contrast_ratio(light.background, "#FFFFFF") < 1.1
    figure = pain_figure(_series(), dark=True)
    _draw(figure)
    assert to_hex(figure.get_facecolor()) == dark.background.lower()
    ax = figure.axes[0]
    assert to_hex(ax.yaxis.label.get_color()) == dark.text.lower()
    assert all(to_hex(label.get_color()) == dark.text.lower() for label in figure.axes[-1].get_xticklabels())
    assert all(to_hex(text.get_color()) == dark.text.lower() for text in figure.legends[0].get_texts())


def test_the_font_size_setting_is_honoured() -> None:
    small = pain_figure(_series(), font_pt=8.0)
    large = pain_figure(_series(), font_pt=16.0)
    for figure in (small, large):
        _draw(figure)
    assert large.axes[0].yaxis.label.get_fontsize() == 2 * small.axes[0].yaxis.label.get_fontsize()
    assert large.legends[0].get_texts()[0].get_fontsize() == 2 * small.legends[0].get_texts()[0].get_fontsize()


# --- palette ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dark", [False, True])
def test_every_palette_colour_has_4_5_to_1_contrast_on_its_background(dark: bool) -> None:
    pal = palette(dark)
    colours = {name: value for name, value in pal.colours().items() if name not in FILL_FIELDS | {"background"}}
    colours |= {f"series[{i}]": value for i, value in enumerate(pal.series)}
    assert len(colours) >= 20
    low = {
        name: round(contrast_ratio(value, pal.background), 2)
        for name, value in colours.items()
        if contrast_ratio(value, pal.background) < 4.5
    }
    assert low == {}


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the WebAIM reference grey
    assert contrast_ratio("#000000", "#FFFFFF") == contrast_ratio("#FFFFFF", "#000000")


def test_the_two_palettes_have_every_field_and_distinct_series_colours() -> None:
    for dark in (False, True):
        pal = palette(dark)
        assert set(pal.colours()) >= {
            "background",
            "text",
            "grid",
            "pain",
            "band",
            "ma7",
            "ma28",
            "flare",
            "medicine",
            "boom",
            "bust",
            "sleep",
            "mood",
            "fatigue",
            "planned",
            "done",
            "peg",
            "better",
            "much_better",
            "worse",
        }
        assert len(set(pal.series)) == len(pal.series) >= 4
        assert len({pal.pain, pal.ma7, pal.ma28}) == 3 and len({pal.pain, pal.sleep, pal.mood, pal.fatigue}) == 4


# --- pain --------------------------------------------------------------------------------------------------------


def test_gaps_stay_gaps_in_the_pain_line_and_the_band() -> None:
    series = _series(gap=(10, 11, 12))
    figure = pain_figure(series)
    _draw(figure)
    y = np.asarray(_line(figure, "Daily average pain").get_ydata(), dtype=float)
    assert len(y) == len(series.days)
    assert np.isnan(y[10:13]).all() and not np.isnan(y[9]) and not np.isnan(y[13])
    band = next(c for c in figure.axes[0].collections if c.get_label() == "Lowest to highest pain that day")
    assert len(band.get_paths()) == 2  # one polygon before the gap and one after: nothing spans it
    edges = [path.vertices[:, 0] for path in band.get_paths()]
    gap_x = [START.toordinal() - dt.date(1970, 1, 1).toordinal() + i for i in (10, 11, 12)]
    assert all(not ((xs.min() < g) & (xs.max() > g)) for xs in edges for g in gap_x)


def test_moving_averages_have_their_own_style_and_marker() -> None:
    figure = pain_figure(_series())
    styles = {
        label: (line.get_linestyle(), line.get_marker())
        for label in ("Daily average pain", "7-day average", "28-day average")
        for line in [_line(figure, label)]
    }
    assert len({s for s, _m in styles.values()}) == 3 and len({m for _s, m in styles.values()}) == 3


def test_the_flare_span_is_shaded_once_with_a_hatch() -> None:
    figure = pain_figure(_series())
    flares = [c for c in figure.axes[0].collections if c.get_label() == "Flare-up"]
    assert len(flares) == 1 and flares[0].get_hatch()
    (path,) = flares[0].get_paths()
    start = (START + dt.timedelta(days=20)).toordinal() - dt.date(1970, 1, 1).toordinal()
    assert path.vertices[:, 0].min() == start - 0.5 and path.vertices[:, 0].max() == start + 3.5
    _draw(figure)
    assert [text.get_text() for text in figure.legends[0].get_texts()].count("Flare-up") == 1


def test_medicines_are_bars_beneath_sharing_the_days_and_hidden_when_there_are_none() -> None:
    figure = pain_figure(_series(medicines=2))
    assert len(figure.axes) == 2
    pain_ax, med_ax = figure.axes
    assert med_ax.get_shared_x_axes().joined(pain_ax, med_ax)
    assert [label.get_text() for label in med_ax.get_yticklabels()] == ["Medicine number 0", "Medicine number 1"]
    assert sum(len(c.get_paths()) for c in med_ax.collections if isinstance(c, PolyCollection)) == 2
    assert len(pain_figure(_series(medicines=0)).axes) == 1
    many = pain_figure(_series(medicines=11))
    labels = [label.get_text() for label in many.axes[1].get_yticklabels()]
    assert len(labels) == 9 and labels[-1] == "3 more medicines"


def test_long_medicine_names_are_shortened_at_a_word() -> None:
    assert short_name("Paracetamol") == "Paracetamol"
    shortened = short_name("Amitriptyline 10 mg at night, increasing slowly")
    assert shortened.endswith("…") and len(shortened) <= 22 and shortened.startswith("Amitriptyline 10")


def test_the_cursor_is_a_vertical_line_on_the_chosen_day() -> None:
    cursor = START + dt.timedelta(days=5)
    figure = pain_figure(_series(), cursor=cursor)
    x = cursor.toordinal() - dt.date(1970, 1, 1).toordinal()
    for ax in figure.axes:
        assert any(list(line.get_xdata()) == [x, x] for line in ax.get_lines())
    assert len(pain_figure(_series()).axes[0].get_lines()) < len(figure.axes[0].get_lines())


def test_ten_years_of_days_build_and_draw() -> None:
    days = 3650
    series = _series(days=days, start=dt.date(2016, 1, 1), gap=tuple(range(100, 140)), medicines=3)
    figure = pain_figure(series)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG")
    ax = figure.axes[0]
    assert len(ax.get_lines()) == 3  # one artist a series, not one a day
    assert len(ax.collections) <= 3


# --- language ----------------------------------------------------------------------------------------------------


def test_welsh_month_and_day_names_appear_in_tick_labels() -> None:
    i18n.set_language("cy")
    try:
        short = pain_figure(_series(days=14))
        year = pain_figure(_series(days=365, start=dt.date(2025, 3, 1)))
        weekdays = patterns.weekday_figure(_groups_week())
        for figure in (short, year, weekdays):
            _draw(figure)
        short_ticks = " ".join(label.get_text() for label in short.axes[-1].get_xticklabels())
        year_ticks = " ".join(label.get_text() for label in year.axes[-1].get_xticklabels())
        day_ticks = [label.get_text() for label in weekdays.axes[0].get_xticklabels()]
        assert "Ion" in short_ticks and "Jan" not in short_ticks
        assert (
            any(month in year_ticks for month in ("Ion 2026", "Ionawr 2026"))
            and "Gor" in year_ticks
            and "Tach" in year_ticks
        )
        assert day_ticks[0] in ("Dydd Llun", "Llun") and day_ticks[6] in ("Dydd Sul", "Sul")
        assert patterns.day_part_label("morning").endswith("06:00 to 11:59") or "06:00" in patterns.day_part_label(
            "morning"
        )
    finally:
        i18n.set_language("en")


def test_english_ticks_and_labels_come_from_babel_and_gettext() -> None:
    positions, labels = date_ticks(START, START + dt.timedelta(days=13), 8.0, 10.0)
    assert labels[0] == "5 Jan" and len(positions) == len(labels)
    _pos, long_labels = date_ticks(dt.date(2016, 1, 1), dt.date(2025, 12, 31), 8.0, 10.0)
    assert all("20" in label for label in long_labels) and len(long_labels) <= 10
    figure = pain_figure(_series())
    assert figure.axes[0].get_ylabel() == i18n._("Pain (0 to 10)")


# --- the other charts -------------------------------------------------------------------------------------------


def test_peg_draws_the_baseline_mean_and_the_immpact_lines() -> None:
    points = _pegs()
    baseline = (START, START + dt.timedelta(days=14))
    figure = peg.peg_figure(points, baseline)
    _draw(figure)
    mean = sum(p.score for p in points[:3]) / 3
    levels = {
        line.get_label().split(":")[0]: line.get_ydata()[0]
        for line in figure.axes[0].get_lines()
        if ":" in str(line.get_label())
    }
    assert levels["Baseline average"] == pytest.approx(mean)
    assert levels["30 % lower"] == pytest.approx(mean * 0.7)
    assert levels["50 % lower"] == pytest.approx(mean * 0.5)
    assert levels["30 % higher"] == pytest.approx(mean * 1.3)
    styles = {line.get_linestyle() for line in figure.axes[0].get_lines() if ":" in str(line.get_label())}
    assert len(styles) == 4
    assert any(c.get_label() == "Baseline period" for c in figure.axes[0].collections)
    without = peg.peg_figure(points)
    assert len(without.axes[0].get_lines()) == 1


def test_peg_line_breaks_at_a_long_pause() -> None:
    points = [
        PegPoint(START, 5.0),
        PegPoint(START + dt.timedelta(days=7), 5.0),
        PegPoint(START + dt.timedelta(days=90), 4.0),
    ]
    y = np.asarray(peg.peg_figure(points).axes[0].get_lines()[0].get_ydata(), dtype=float)
    assert np.isnan(y).sum() == 1 and math.isnan(y[2])


def test_wellbeing_lines_differ_by_style_and_marker() -> None:
    figure = wellbeing.wellbeing_figure(_series().days)
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["Pain", "Sleep quality", "Mood", "Tiredness"]
    assert len({line.get_linestyle() for line in lines}) == 4 and len({line.get_marker() for line in lines}) == 4
    with_hours = wellbeing.wellbeing_figure(_series().days, sleep_hours=True)
    assert len(with_hours.axes) == 2


def test_activity_has_a_panel_per_activity_up_to_four_with_boom_and_bust_markers() -> None:
    figure = activity.activity_figure(_activity(), _marks())
    _draw(figure)
    assert [ax.get_title(loc="left") for ax in figure.axes] == [f"Activity {i}" for i in range(4)]
    assert figure.axes[1].get_ylabel() == "Pages"
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert {"Planned", "Done", "Busy day (boom)", "Hard day after (bust)"} <= set(legend)
    markers = {
        c.get_label(): c.get_paths()[0].vertices.round(2).tobytes()
        for c in figure.axes[0].collections
        if c.get_label() in ("Busy day (boom)", "Hard day after (bust)")
    }
    assert len(markers) == 2 and len(set(markers.values())) == 2  # up and down triangles: not colour alone
    assert len(activity.activity_figure(_activity()[:1]).axes) == 1


def test_completion_bars_carry_their_counts() -> None:
    figure = goals.completion_figure(_weeks())
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert texts == ["0 of 3", "1 of 3", "2 of 3", "3 of 3", "3 of 3"]


def test_group_charts_write_numbers_and_say_no_data() -> None:
    figure = patterns.time_of_day_figure(_groups_time())
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert texts[0] == "6.0\n2 check-ins" and texts[-1] == "No data"
    week = patterns.weekday_figure(list(reversed(_groups_week())))
    ticks = [label.get_text() for label in week.axes[0].get_xticklabels()]
    assert ticks[0] in ("Monday", "Mon") and ticks[-1] in ("Sunday", "Sun")
    assert [text.get_text() for text in week.axes[0].texts][-1] == "No data"


def test_tag_patterns_show_only_tags_with_enough_days_and_never_claim_a_cause() -> None:
    figure = patterns.tag_patterns_figure(_patterns())
    _draw(figure)
    texts = _texts(figure)
    assert "Possible links, worth discussing" in texts
    assert [label.get_text() for label in figure.axes[0].get_yticklabels()] == ["gardening"]
    assert "6.5 (5 days)" in texts and "4.5 (10 days)" in texts
    assert not any("cause" in text.lower() and "not" not in text.lower() for text in texts)
    none = patterns.tag_patterns_figure(_patterns(enough=False))
    assert none.axes == []
    (message,) = [text.get_text() for text in none.texts]
    assert "3 days" in message and EMPTY not in message


# --- export -------------------------------------------------------------------------------------------------------


def test_export_png_and_svg_in_memory() -> None:
    figure = pain_figure(_series())
    png = figure_bytes(figure, "png")
    svg = figure_bytes(figure, "svg")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"<svg" in svg[:2000]
    # no date and no random ids: the same chart built twice exports to the same bytes
    assert figure_bytes(pain_figure(_series()), "svg") == figure_bytes(pain_figure(_series()), "svg")
    small = figure_bytes(figure, "png", dpi=50)
    assert len(small) < len(png)
    with pytest.raises(ValueError, match="format"):
        figure_bytes(figure, "gif")
