"""The words behind "About this chart": where a chart's measures come from and how its bands are defined, one
click away, so the chart itself speaks plainly (sources and research terms belong here, not under it)."""

from __future__ import annotations

from companion.i18n import _


def about_text(key: str) -> str:
    """The chart's own paragraph, then how a picture of it is saved."""
    own = {
        "pain": _(
            "Pain is your own score from 0 (no pain) to 10 (pain as bad as you can imagine), a numerical rating "
            "scale. The chart shows each day's average with its lowest and highest score, and the averages over "
            "7 and 28 days. Flare-ups are shaded; medicines are the bars beneath."
        ),
        "peg": _(
            "The PEG is three questions about the past week: pain on average, and how much pain got in the way "
            "of enjoying life and of general activity, each from 0 to 10. Its score is the average of the three "
            "(Krebs EE et al., J Gen Intern Med 2009). The change against your baseline "
            "uses bands from pain research (IMMPACT, Dworkin RH et al., 2008): a fall of 30 % and over is "
            "moderately important, 50 % and over substantial. The Welsh wording of the questions has not been "
            "validated."
        ),
        "wellbeing": _(
            "Sleep, mood and tiredness are your own scores from 0 to 10, as you recorded them at check-ins; the "
            "chart shows each day's average."
        ),
        "activity": _(
            "Activity is what you logged against your pacing plan. A boom day is one with at least one and a "
            "half times your usual activity (the median of the 14 days before), or 30 % above the plan; a bust "
            "follows within 1 to 3 days, with half your usual activity or less, or pain 2 points or more above "
            "usual. These are a rule of thumb to talk over, not a diagnosis, and you can change them in Pacing."
        ),
        "goals": _("Each week shows how many of the days you planned in your action plans you ticked off."),
        "time_of_day": _("The average pain score of check-ins made in each part of the day, and how many there were."),
        "weekday": _("The average pain score on each day of the week, and how many check-ins there were."),
        "tags": _(
            "For each tag, the average pain on days with it and on the day after, against days without it. It "
            "needs enough days of each kind before it says anything. A difference is a possible link worth "
            "talking about, never proof that one thing causes another."
        ),
    }.get(key, "")
    pictures = _(
        "Save as a picture makes a PNG file. For a picture that stays sharp at any size (SVG), end the file "
        "name with .svg."
    )
    return f"{own}\n\n{pictures}" if own else pictures
