"""An independent reference for every figure the consultation summary prints, computed from a diary's JSON
export alone (docs/export-format.md) by the rules in docs/summary.md.

Plain Python on the export's rows: it never imports the app's insights, summary, pacing or goals code, and
works in exact fractions from the decimal text of each number. Tests compare what the PDF prints with it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from statistics import median
from typing import Any

Row = dict[str, Any]

MIN_PERIOD_DAYS = 7
MIN_DAYS_TO_COMPARE = 4
MIN_PEG_DAYS_APART = 7


def num(value: float | int) -> Fraction:
    """A JSON number as the decimal it was written as."""
    return Fraction(value) if isinstance(value, int) else Fraction(repr(value))


def local(utc_text: str, offset_minutes: int) -> dt.datetime:
    """A row's own local time: its UTC time plus its offset (docs/export-format.md)."""
    return dt.datetime.fromisoformat(utc_text) + dt.timedelta(minutes=offset_minutes)


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def mean(values: list[Fraction]) -> Fraction | None:
    return sum(values, Fraction(0)) / len(values) if values else None


@dataclass
class Compared:
    outcome: str  # band, from_zero, short_period, too_few
    before: Fraction | None = None
    after: Fraction | None = None
    band: str | None = None  # much_better, better, worse, little_change
    percent: int | None = None


def compare(before: Fraction, after: Fraction) -> Compared:
    if before == 0:
        return Compared("from_zero", before, after)
    fall = (before - after) / before
    band = (
        "much_better"
        if fall >= Fraction(1, 2)
        else "better"
        if fall >= Fraction(3, 10)
        else "worse"
        if fall <= Fraction(-3, 10)
        else "little_change"
    )
    percent = math.floor(abs(after - before) * 100 / before)
    return Compared("band", before, after, band, percent)


@dataclass
class Expected:
    start: dt.date
    end: dt.date
    today: dt.date
    upto: dt.date
    started: bool
    days_in_period: int
    name: str = ""
    pain_days: int = 0
    pain_mean: Fraction | None = None
    pain_low: int | None = None
    pain_high: int | None = None
    pain_compared: Compared | None = None
    peg_count: int = 0
    peg_first: Fraction | None = None
    peg_latest: Fraction | None = None
    peg_compared: Compared | None = None
    wellbeing: dict[str, tuple[Fraction | None, int]] = field(default_factory=dict)
    flare_count: int = 0
    flare_days: int = 0
    flare_helped: list[str] = field(default_factory=list)
    pacing: tuple[list[str], int, int, int, int, int] | None = None  # names, planned, kept, over, booms, busts
    goals: list[tuple[str, int, int, int | None]] = field(default_factory=list)
    plan_days: tuple[int, int] = (0, 0)  # ticked, planned
    medicines: list[dict[str, Any]] = field(default_factory=list)
    tried: list[tuple[str, int | None]] = field(default_factory=list)
    what_matters: str = ""  # the newest version's words
    notes: list[tuple[dt.date, str]] = field(default_factory=list)  # check-ins' notes in the period, in order
    peg_days: list[dt.date] = field(default_factory=list)


def expected(export: dict[str, Any], start: dt.date, end: dt.date, today: dt.date) -> Expected:
    tables: dict[str, list[Row]] = export["tables"]
    start, end = min(start, end), max(start, end)
    upto = min(end, today)
    started = start <= today
    length = (upto - start).days + 1 if started else 0
    settings = {r["key"]: r["value"] for r in tables.get("diary_settings", [])}
    out = Expected(start, end, today, upto, started, length, name=settings.get("summary.name", "").strip())
    versions = sorted(tables.get("what_matters", []), key=lambda r: r["written_at_utc"])
    out.what_matters = versions[-1]["what_matters"] if versions else ""
    if not started:
        return out
    inside = lambda d: start <= d <= upto  # noqa: E731

    # Pain: each check-in on its own local date; the day's mean; the mean of the days' means.
    entries = [(local(r["recorded_at_utc"], r["utc_offset_minutes"]).date(), r) for r in tables["pain_entries"]]
    by_day: dict[dt.date, list[Fraction]] = defaultdict(list)
    for d, r in entries:
        if r["score"] is not None:
            by_day[d].append(Fraction(r["score"]))
    now = {d: mean(v) for d, v in by_day.items() if inside(d)}
    before_start = start - dt.timedelta(days=length)
    before = {d: mean(v) for d, v in by_day.items() if before_start <= d < start}
    scores = [r["score"] for d, r in entries if inside(d) and r["score"] is not None]
    out.notes = [
        (d, r["note"])
        for d, r in sorted(entries, key=lambda e: e[1]["recorded_at_utc"])
        if inside(d) and r["note"].strip()
    ]
    out.pain_days = len(now)
    out.pain_mean = mean([v for v in now.values() if v is not None])
    out.pain_low, out.pain_high = (min(scores), max(scores)) if scores else (None, None)
    if out.pain_mean is not None:
        if length < MIN_PERIOD_DAYS:
            out.pain_compared = Compared("short_period")
        elif len(now) < MIN_DAYS_TO_COMPARE or len(before) < MIN_DAYS_TO_COMPARE:
            out.pain_compared = Compared("too_few")
        else:
            out.pain_compared = compare(
                mean([v for v in before.values() if v is not None]) or Fraction(0), out.pain_mean
            )

    # PEG: answers on their own local date, in the order answered; mean of the three items.
    pegs = sorted(
        (
            (
                dt.datetime.fromisoformat(r["taken_at_utc"]),
                r["id"],
                local(r["taken_at_utc"], r["utc_offset_minutes"]).date(),
                r,
            )
            for r in tables["peg_responses"]
        ),
        key=lambda t: (t[0], t[1]),
    )
    pegs = [p for p in pegs if inside(p[2])]
    out.peg_days = [p[2] for p in pegs]
    if pegs:
        score = lambda r: Fraction(r["pain_average"] + r["enjoyment"] + r["activity"], 3)  # noqa: E731
        out.peg_count = len(pegs)
        out.peg_first, out.peg_latest = score(pegs[0][3]), score(pegs[-1][3])
        if len(pegs) < 2 or (pegs[-1][2] - pegs[0][2]).days < MIN_PEG_DAYS_APART:
            out.peg_compared = Compared("too_few")
        else:
            out.peg_compared = compare(out.peg_first, out.peg_latest)

    # Sleep and mood: mean of each day's mean, and how many days.
    for column in ("sleep_quality", "sleep_hours", "mood", "fatigue"):
        per_day: dict[dt.date, list[Fraction]] = defaultdict(list)
        for d, r in entries:
            if inside(d) and r[column] is not None:
                per_day[d].append(num(r[column]))
        day_means = [mean(v) for v in per_day.values()]
        out.wellbeing[column] = (mean([m for m in day_means if m is not None]), len(per_day))

    _flares(tables, out, start, upto)
    out.pacing = _pacing(tables, settings, out, start, upto, today)
    _goals(tables, out, start, upto)
    _medicines(tables, out, start, upto)
    kept = [r for r in tables["treatments_tried"] if r["started_on"] is None or day(r["started_on"]) <= upto]  # type: ignore[operator]
    out.tried = [(r["name"], r["helpfulness"]) for r in sorted(kept, key=lambda r: (r["created_at_utc"], r["id"]))]
    return out


def _flares(tables: dict[str, list[Row]], out: Expected, start: dt.date, upto: dt.date) -> None:
    covered: set[dt.date] = set()
    helped: list[str] = []
    for r in sorted(tables.get("flare_episodes", []), key=lambda r: r["started_at_utc"]):
        first = local(r["started_at_utc"], r["started_offset_minutes"]).date()
        last = local(r["ended_at_utc"], r["ended_offset_minutes"]).date() if r["ended_at_utc"] else upto
        first, last = max(first, start), min(last, upto)
        if first > last:
            continue
        out.flare_count += 1
        covered.update(days(first, last))
        if r["helped"].strip() and r["helped"].strip() not in helped:
            helped.append(r["helped"].strip())
    out.flare_days, out.flare_helped = len(covered), helped


# --- pacing: the plan's targets, kept days, and the boom-and-bust heuristic --------------------------------


def _step(value: float, unit: str) -> float:
    if unit in ("repetitions", "pages"):
        return 1.0
    if unit == "metres":
        return 5.0 if value < 100 else 10.0 if value < 1000 else 50.0
    return 0.5 if value < 10 else 1.0


def _round(value: float, unit: str) -> float:
    if value <= 0:
        return 0.0
    step = _step(value, unit)
    return max(math.floor(value / step + 0.5 + 1e-9) * step, step)


def target(activity: Row, changes: list[Row], on: dt.date) -> float | None:
    """The plan's amount on a planned day: the latest change started by then, grown week by week."""
    started = [c for c in changes if day(c["starts_on"]) <= on]  # type: ignore[operator]
    if not started or str(on.weekday()) not in activity["planned_days"]:
        return None
    latest = max(day(c["starts_on"]) for c in started)  # type: ignore[type-var]
    change = next(c for c in started if day(c["starts_on"]) == latest)
    amount = float(change["amount"])
    unit, kind, value, ceiling = (
        activity["unit"],
        activity["increase_kind"],
        activity["increase_value"],
        activity["ceiling"],
    )
    for _week in range((on - latest).days // 7):  # type: ignore[operator]
        if kind == "none":
            grown = amount
        else:
            raw = amount + value if kind == "step" else amount * (1 + value / 100)
            grown = max(_round(raw, unit), _round(amount + _step(amount, unit), unit))
        if ceiling is not None:
            grown = min(grown, max(ceiling, amount))
        if grown == amount:
            break
        amount = grown
    return amount


def _median_before(values: dict[dt.date, float], on: dt.date, span: int, needed: int) -> float | None:
    window = [values[d] for d in (on - dt.timedelta(days=i) for i in range(1, span + 1)) if d in values]
    return median(window) if window and len(window) >= needed else None


def _pacing(
    tables: dict[str, list[Row]], settings: dict[str, str], out: Expected, start: dt.date, upto: dt.date, today: dt.date
) -> tuple[list[str], int, int, int, int, int] | None:
    t = {
        "boom_ratio": 1.5,
        "over_plan": 0.30,
        "bust_ratio": 0.5,
        "pain_rise": 2.0,
        "bust_within_days": 3,
        "median_days": 14,
        "min_days": 4,
    }
    if settings.get("pacing.thresholds"):
        t.update(json.loads(settings["pacing.thresholds"]))
    activities = tables["pacing_activities"]
    changes = defaultdict(list)
    for c in sorted(tables["pacing_plan_changes"], key=lambda c: (c["starts_on"], c["created_at_utc"])):
        changes[c["activity_id"]].append(c)
    amounts: dict[tuple[str, dt.date], Fraction] = defaultdict(Fraction)
    for log in tables["activity_logs"]:
        amounts[(log["activity_id"], day(log["day"]))] += num(log["amount"])  # type: ignore[index]
    names, planned, kept, over = [], 0, 0, 0
    over_level = 1 + num(t["over_plan"])
    for a in sorted(activities, key=lambda a: (a["position"], a["created_at_utc"])):
        targets = [(d, target(a, changes[a["id"]], d)) for d in days(start, upto)]
        targets = [(d, x) for d, x in targets if x]
        if not targets:
            continue
        names.append(a["name"])
        for d, x in targets:
            done, goal = amounts[(a["id"], d)], num(x)  # type: ignore[arg-type]
            planned += 1
            if done >= over_level * goal:
                over += 1
            elif done * 5 >= goal * 4:
                kept += 1
    if not planned:
        return None
    booms, busts = _boom_bust(tables, activities, changes, t, start, upto, today)
    return names, planned, kept, over, booms, busts


def _boom_bust(
    tables: dict[str, list[Row]],
    activities: list[Row],
    changes: dict[str, list[Row]],
    t: dict[str, Any],
    start: dt.date,
    upto: dt.date,
    today: dt.date,
) -> tuple[int, int]:
    """The Pacing screen's marks over the weeks back from today that hold the period (docs/summary.md)."""
    span = t["median_days"]
    weeks = max(1, ((today - start).days + 7) // 7)
    first = today - dt.timedelta(days=7 * weeks - 1)
    lead = first - dt.timedelta(days=span)
    per: dict[str, dict[dt.date, float]] = defaultdict(lambda: defaultdict(float))
    for log in tables["activity_logs"]:
        d = day(log["day"])
        if lead - dt.timedelta(days=span) <= d <= today:  # type: ignore[operator]
            per[log["activity_id"]][d] += float(log["amount"])  # type: ignore[index]
    pains: dict[dt.date, list[int]] = defaultdict(list)
    for r in tables["pain_entries"]:
        d = local(r["recorded_at_utc"], r["utc_offset_minutes"]).date()
        if r["score"] is not None and lead <= d <= today:
            pains[d].append(r["score"])
    pain = {d: sum(v) / len(v) for d, v in pains.items()}
    known = {a["id"]: a for a in activities}
    loads: dict[dt.date, float] = {}
    ratios: dict[dt.date, float] = {}
    for d in days(lead, today):
        shares, plan = [], []
        for activity_id, by_day in per.items():
            if activity_id not in known or d not in by_day:
                continue
            usual = _median_before(by_day, d, span, 3)
            if usual:
                shares.append(by_day[d] / usual)
            goal = target(known[activity_id], changes[activity_id], d)
            if goal:
                plan.append(by_day[d] / goal)
        if shares:
            loads[d] = sum(shares) / len(shares)
        if plan:
            ratios[d] = max(plan)
    marks: dict[dt.date, dict[str, Any]] = {}
    for d in days(lead, today):
        load_median = _median_before(loads, d, span, t["min_days"])
        pain_median = _median_before(pain, d, span, t["min_days"])
        by_load = (
            d in loads
            and load_median is not None
            and load_median > 0
            and loads[d] >= t["boom_ratio"] * load_median - 1e-9
        )
        by_plan = d in ratios and ratios[d] >= 1 + t["over_plan"] - 1e-9
        marks[d] = {"boom": by_load or by_plan, "bust": False, "load_median": load_median, "pain_median": pain_median}
    for d in [d for d in days(lead, today) if marks[d]["boom"]]:
        for offset in range(1, t["bust_within_days"] + 1):
            after = d + dt.timedelta(days=offset)
            if after not in marks or marks[after]["boom"]:
                continue
            low = (
                after in loads
                and marks[d]["load_median"] is not None
                and loads[after] <= t["bust_ratio"] * marks[d]["load_median"] + 1e-9
            )
            sore = (
                after in pain
                and marks[d]["pain_median"] is not None
                and pain[after] >= marks[d]["pain_median"] + t["pain_rise"] - 1e-9
            )
            if low or sore:
                marks[after]["bust"] = True
                break
    inside = [m for d, m in marks.items() if start <= d <= upto and d >= first]
    return sum(m["boom"] for m in inside), sum(m["bust"] for m in inside)


# --- goals, action plans, medicines --------------------------------------------------------------------------


def _goals(tables: dict[str, list[Row]], out: Expected, start: dt.date, upto: dt.date) -> None:
    steps = defaultdict(list)
    for s in tables["goal_steps"]:
        steps[s["goal_id"]].append(s)
    ratings = defaultdict(list)
    for r in tables["goal_ratings"]:
        ratings[r["goal_id"]].append(r)
    for g in sorted(tables["goals"], key=lambda g: (g["position"], g["created_at_utc"])):
        if g["status"] not in ("active", "done", "paused"):
            continue
        if dt.datetime.fromisoformat(g["created_at_utc"]).date() > upto:
            continue
        done = sum(1 for s in steps[g["id"]] if s["done_on"] and day(s["done_on"]) <= upto)  # type: ignore[operator]
        by_then = [r for r in ratings[g["id"]] if local(r["rated_at_utc"], r["utc_offset_minutes"]).date() <= upto]
        latest = max(by_then, key=lambda r: r["rated_at_utc"])["rating"] if by_then else None
        out.goals.append((g["title"], done, len(steps[g["id"]]), latest))
    ticks = {(t["plan_id"], day(t["day"])) for t in tables["action_plan_ticks"]}
    planned = ticked = 0
    for p in tables["action_plans"]:
        monday = day(p["week_start"])
        for digit in p["days"]:
            d = monday + dt.timedelta(days=int(digit))  # type: ignore[operator]
            if start <= d <= upto:
                planned += 1
                ticked += (p["id"], d) in ticks
    out.plan_days = (ticked, planned)


def _add_year(d: dt.date) -> dt.date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return d + dt.timedelta(days=365)


def _medicines(tables: dict[str, list[Row]], out: Expected, start: dt.date, upto: dt.date) -> None:
    doses: dict[str, int] = defaultdict(int)
    for r in tables["medicine_doses"]:
        if start <= local(r["taken_at_utc"], r["utc_offset_minutes"]).date() <= upto:
            doses[r["medicine_id"]] += 1
    ratings = defaultdict(list)
    for r in tables["medicine_ratings"]:
        ratings[r["medicine_id"]].append(r)
    for m in sorted(tables["medicines"], key=lambda m: (m["created_at_utc"], m["id"])):
        began, stopped = day(m["started_on"]), day(m["stopped_on"])
        if (began or dt.date.min) > upto or (stopped or dt.date.max) < start:
            continue
        by_then = [r for r in ratings[m["id"]] if local(r["rated_at_utc"], r["utc_offset_minutes"]).date() <= upto]
        latest = max(by_then, key=lambda r: r["rated_at_utc"]) if by_then else None
        due = None
        if stopped is None or stopped > upto:
            candidates = [day(m["next_review"])] if m["next_review"] else []
            since = day(m["last_reviewed"]) or began
            if m["review_group"] != "none" and since is not None:
                candidates.append(_add_year(since))
            due = min(candidates) if candidates else None  # type: ignore[type-var]
        out.medicines.append(
            {
                "name": m["name"],
                "purpose": m["purpose"],
                "dose": m["dose"],
                "started": began if began and start <= began <= upto else None,
                "stopped": stopped if stopped and start <= stopped <= upto else None,
                "doses": doses[m["id"]] if m["kind"] == "as_needed" else None,
                "helpfulness": latest["helpfulness"] if latest else None,
                "side_effects": latest["side_effects"].strip() if latest else "",
                "review_due": due if due is not None and due <= upto else None,
            }
        )
