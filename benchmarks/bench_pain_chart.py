"""Pain chart over ten years against a floor measured in the same run (see benchmarks/README.md).

    python benchmarks/bench_pain_chart.py            # 15 repeats per measurement
    python benchmarks/bench_pain_chart.py --quick    # 5 repeats (a few seconds)

The floor is the least matplotlib itself needs to draw the same chart: a bare Figure (constrained layout,
same size) with the same artists - the daily line, the hatched lowest-to-highest band, the 7- and 28-day
averages, the flare-ups shaded and the medicine bars in a second axes beneath, and a legend below - built
straight from numpy arrays with no app code, then drawn with FigureCanvasAgg. The measurement is
companion.charts.pain.pain_figure on a PainSeries of the same synthetic 3,650 days (with gaps, flare-ups
and medicines) plus the same Agg draw. The ratio is median / floor median; the target is 1.5 or less.
Preparing the series (daily stats, moving averages) is outside both timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from companion.charts.pain import pain_figure  # noqa: E402
from companion.domain import trends as t  # noqa: E402
from companion.services.insights import PainSeries  # noqa: E402

DAYS = 3650
WIDTH, HEIGHT = 8.0, 4.2
TARGET = 1.5
EPOCH = dt.date(1970, 1, 1).toordinal()


def synthetic_series(days: int, seed: int) -> PainSeries:
    """Ten years of days: about 8 % of them empty (single days and runs of a week or two), a flare-up
    every few months, and five medicines started and stopped along the way."""
    rng = random.Random(seed)
    start = dt.date(2016, 1, 4)
    stats: list[t.DayStats] = []
    skip = 0
    for i in range(days):
        day = start + dt.timedelta(days=i)
        if skip or rng.random() < 0.04:
            skip = max(0, skip - 1) if skip else (rng.randint(5, 14) if rng.random() < 0.05 else 0)
            stats.append(t.DayStats(day))
            continue
        base = 5 + 1.5 * math.sin(i / 90) + rng.uniform(-1.5, 1.5)
        low = max(0, round(base - rng.uniform(0, 2)))
        high = min(10, round(base + rng.uniform(0, 2)))
        stats.append(t.DayStats(day, (low + high) / 2, low, high, rng.randint(1, 4)))
    end = start + dt.timedelta(days=days - 1)
    means = [s.pain_mean for s in stats]
    flares = []
    day = start + dt.timedelta(days=30)
    while day < end:
        length = rng.randint(3, 12)
        flares.append(t.Span("", day, min(end, day + dt.timedelta(days=length))))
        day += dt.timedelta(days=rng.randint(60, 150))
    names = ("Paracetamol", "Amitriptyline 10 mg", "Naproxen", "Duloxetine 30 mg", "Pregabalin")
    medicines = []
    for index, name in enumerate(names):
        first = start + dt.timedelta(days=index * days // 6)
        last = None if index % 2 == 0 else first + dt.timedelta(days=days // 4)
        span = t.clip_span(name, first, last, start, end)
        if span is not None:
            medicines.append(span)
    return PainSeries(
        start, end, stats, t.moving_average(means, 7, 4), t.moving_average(means, 28, 14), flares, medicines
    )


def arrays(series: PainSeries) -> dict[str, object]:
    """The same data as plain arrays for the floor (prepared once, outside the timing)."""

    def nan(values: list[float | None]) -> np.ndarray:
        return np.array([np.nan if v is None else v for v in values], dtype=float)

    return {
        "x": np.array([d.day.toordinal() - EPOCH for d in series.days], dtype=float),
        "mean": nan([d.pain_mean for d in series.days]),
        "low": nan([None if d.pain_low is None else float(d.pain_low) for d in series.days]),
        "high": nan([None if d.pain_high is None else float(d.pain_high) for d in series.days]),
        "ma7": nan(series.ma7),
        "ma28": nan(series.ma28),
        "flares": [(s.start.toordinal() - EPOCH - 0.5, s.end.toordinal() - EPOCH + 0.5) for s in series.flares],
        "medicines": [(s.start.toordinal() - EPOCH - 0.5, s.end.toordinal() - EPOCH + 0.5) for s in series.medicines],
    }


def floor_chart(data: dict[str, object]) -> None:
    """The bare-matplotlib chart: same artists, no app code."""
    x, mean, low, high = (np.asarray(data[k]) for k in ("x", "mean", "low", "high"))
    ma7, ma28 = np.asarray(data["ma7"]), np.asarray(data["ma28"])
    flares = data["flares"]
    medicines = data["medicines"]
    assert isinstance(flares, list) and isinstance(medicines, list)
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=100, layout="constrained")
    ax, med_ax = figure.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    ax.fill_between(x, low, high, where=~(np.isnan(low) | np.isnan(high)), hatch="////", label="band")
    # all flare-ups as one collection, full height (the cheapest way matplotlib offers)
    ax.broken_barh(
        [(a, b - a) for a, b in flares],
        (0, 1),
        transform=ax.get_xaxis_transform(),
        hatch="\\\\",
        alpha=0.4,
        label="flare",
    )
    ax.plot(x, mean, "-", linewidth=0.6, label="mean")
    ax.plot(x, ma7, "--", marker="D", markersize=4, markevery=(7, 152), linewidth=2.6, label="7-day")
    ax.plot(x, ma28, ":", marker="s", markersize=4, markevery=(0, 152), linewidth=3.0, label="28-day")
    ax.set_ylim(-0.3, 10.4)
    ax.set_ylabel("Pain (0 to 10)")
    for row, (a, b) in enumerate(medicines):
        med_ax.broken_barh([(a, b - a)], (row - 0.32, 0.64))
    med_ax.set_yticks(range(len(medicines)), [f"Medicine {i}" for i in range(len(medicines))])
    med_ax.set_xlim(x[0] - 0.5, x[-1] + 0.5)
    figure.legend(loc="outside lower center", ncols=3)
    FigureCanvasAgg(figure).draw()


def app_chart(series: PainSeries) -> None:
    figure = pain_figure(series, width=WIDTH, height=HEIGHT)
    FigureCanvasAgg(figure).draw()


def timed(fn: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def run(repeats: int, seed: int) -> dict[str, dict[str, float]]:
    series = synthetic_series(DAYS, seed)
    data = arrays(series)
    floor_chart(data)  # warm-up: fonts, caches
    app_chart(series)
    floor_samples: list[float] = []
    app_samples: list[float] = []
    for _ in range(repeats):  # interleaved, so a busy moment affects both alike
        floor_samples += timed(lambda: floor_chart(data), 1)
        app_samples += timed(lambda: app_chart(series), 1)
    floor_s = statistics.median(floor_samples)
    median_s = statistics.median(app_samples)
    return {
        "pain_chart_10y": {
            "median_s": round(median_s, 4),
            "floor_s": round(floor_s, 4),
            "ratio": round(median_s / floor_s, 2),
            "target": TARGET,
        }
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 repeats instead of 15")
    parser.add_argument("--repeats", type=int, default=0, help="samples per measurement (overrides --quick)")
    parser.add_argument("--seed", type=int, default=1, help="seed for the made-up series")
    parser.add_argument("--json", metavar="FILE", help="also write the result to FILE")
    args = parser.parse_args(argv)
    result = run(args.repeats or (5 if args.quick else 15), args.seed)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
