"""Pacing in words: units, amounts and the baseline's arithmetic, as the screens show them (Qt-free)."""

from __future__ import annotations

from companion.domain import pacing as p
from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_decimal

UNIT_NAMES = {
    p.Unit.MINUTES: N_("minutes"),
    p.Unit.METRES: N_("metres"),
    p.Unit.REPETITIONS: N_("repetitions"),
    p.Unit.PAGES: N_("pages"),
    p.Unit.OWN: N_("my own unit"),
}


def unit_name(activity: p.Activity) -> str:
    """The unit in words, for labels ("minutes", or the person's own unit as typed)."""
    return activity.own_unit if activity.unit is p.Unit.OWN else _(UNIT_NAMES[activity.unit])


def number(value: float) -> str:
    """An amount as the person reads it: 5, 7.5, 1,250 (in the active language's number format)."""
    return format_decimal(value, 0) if float(value).is_integer() else format_decimal(value, 1)


def _plural_n(value: float) -> int:
    """The plural category of a decimal is 'other' in English and Welsh; 7 selects it in both."""
    return int(value) if float(value).is_integer() else 7


def format_amount(value: float, activity: p.Activity) -> str:
    """ "7.5 minutes", "1 page", "3 lengths" (the person's own unit is shown as typed). Minutes are shown as
    plans are made (whole minutes, half minutes below ten), and a moment less than a minute as "under a
    minute": a timer stopped after 12 seconds logged "0.2 minutes"."""
    unit = activity.unit
    if unit is p.Unit.MINUTES:
        if 0 < value < 1:
            return _("under a minute")
        value = p.round_amount(value, unit)
    n, shown = _plural_n(value), number(value)
    if unit is p.Unit.MINUTES:
        return ngettext("{amount} minute", "{amount} minutes", n).format(amount=shown)
    if unit is p.Unit.METRES:
        return ngettext("{amount} metre", "{amount} metres", n).format(amount=shown)
    if unit is p.Unit.REPETITIONS:
        return ngettext("{amount} repetition", "{amount} repetitions", n).format(amount=shown)
    if unit is p.Unit.PAGES:
        return ngettext("{amount} page", "{amount} pages", n).format(amount=shown)
    return _("{amount} {unit}").format(amount=shown, unit=activity.own_unit)


def explain_baseline(calc: p.BaselineCalc, activity: p.Activity) -> str:
    """The arithmetic in words, so the person can check it."""
    result = format_amount(calc.value, activity)
    if calc.method is p.BaselineMethod.MEAN:
        return _(
            "Average of your tests: ({values}) ÷ {count} = {mean}. {percent} % of that is {raw}, rounded to {result}."
        ).format(
            values=" + ".join(number(v) for v in calc.inputs),
            count=len(calc.inputs),
            mean=number(round(calc.mean or 0, 2)),
            percent=number(round(calc.factor * 100)),
            raw=number(round(calc.raw, 2)),
            result=result,
        )
    if calc.method is p.BaselineMethod.GOOD_BAD:
        good, bad = calc.inputs
        return _("(Good day {good} + bad day {bad}) ÷ 2 = {raw}, rounded to {result}.").format(
            good=number(good), bad=number(bad), raw=number(round(calc.raw, 2)), result=result
        )
    if calc.method is p.BaselineMethod.JUST_BELOW:
        return _("Just below {start}: {percent} % of it is {raw}, rounded down to {result}.").format(
            start=number(calc.inputs[0]),
            percent=number(round(calc.factor * 100)),
            raw=number(round(calc.raw, 2)),
            result=result,
        )
    return _("Your own figure: {result}.").format(result=result)
