"""The sentences a summary must print, in one language: the catalog's wording (read through the app's own
translator, the only app code used here) filled with the oracle's figures, rounded and formatted here.

Numbers are rounded half up to one place from the oracle's exact fractions; dates come from Babel's CLDR data
directly. `check_text` then finds every sentence in a PDF's text layer and, with them all taken out, finds no
digit left anywhere: every number printed is one the oracle accounts for.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from fractions import Fraction

from babel.dates import format_date

from companion.i18n import translator
from tests.oracle.summary_oracle import Compared, Expected

AUDIENCES = {
    "gp": "my GP",
    "pharmacist": "my pharmacist",
    "physio": "my physiotherapist",
    "pain_clinic": "the pain clinic",
    "own": "my own records",
}
LOCALES = {"en": "en_GB", "cy": "cy_GB"}


def one_place(value: Fraction) -> str:
    """Half up, one decimal place (4.25 -> 4.3), from the exact value."""
    tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
    return f"{'-' if value < 0 else ''}{tenths // 10}.{tenths % 10}"


def long_date(day: dt.date, lang: str) -> str:
    return str(format_date(day, "long", locale=LOCALES[lang]))


def flat(text: str) -> str:
    """One line, spaces normalised, Arabic presentation forms read as letters (NFKC), bullets and hyphens
    dropped (pdftotext joins a word broken after its hyphen and drops the hyphen: "Sgil-effeithiau" at a line
    end reads "Sgileffeithiau")."""
    text = unicodedata.normalize("NFKC", text).replace("-\n", "").replace("-", "").replace("•", " ")
    return " ".join(text.split())


def _comparison(compared: Compared, what: str, lang: str) -> str:
    tr = translator(lang)
    zero = one_place(Fraction(0))
    after = one_place(compared.after) if compared.after is not None else ""
    if what == "pain":
        fixed = {
            "short_period": "The period is under a week, too short to compare pain with the days before.",
            "too_few": "Not enough entries to compare pain with the days before: at least {needed} days with a pain "
            "score are needed in each.",
        }
        bands = {
            "much_better": "Pain is {percent} % lower: a substantial improvement by the IMMPACT bands.",
            "better": "Pain is {percent} % lower: a moderately important improvement by the IMMPACT bands.",
            "worse": "Pain is {percent} % higher: an important worsening by the IMMPACT bands.",
            "little_change": "Pain changed by less than 30 %: not an important change by the IMMPACT bands.",
        }
        if compared.outcome in fixed:
            return tr.gettext(fixed[compared.outcome]).format(needed=4)
        if compared.outcome == "from_zero":
            if compared.after == 0:
                return tr.gettext("Pain was {zero} in both periods.").format(zero=zero)
            return tr.gettext("Pain went from {zero} to {after}; a change from 0 has no percentage.").format(
                zero=zero, after=after
            )
        return tr.gettext(bands[compared.band or ""]).format(percent=compared.percent)
    if compared.outcome in ("too_few", "short_period"):
        return tr.gettext("Not enough PEG answers to compare: two, a week or more apart, are needed.")
    if compared.outcome == "from_zero":
        if compared.after == 0:
            return tr.gettext("PEG was {zero} at the first answer in the period and at the latest.").format(zero=zero)
        return tr.gettext(
            "PEG went from {zero} at the first answer in the period to {after} at the latest; a change from 0 has "
            "no percentage."
        ).format(zero=zero, after=after)
    lead = "From the first PEG answer in the period to the latest, PEG "
    bands = {
        "much_better": lead + "is {percent} % lower: a substantial improvement by the IMMPACT bands.",
        "better": lead + "is {percent} % lower: a moderately important improvement by the IMMPACT bands.",
        "worse": lead + "is {percent} % higher: an important worsening by the IMMPACT bands.",
        "little_change": lead + "changed by less than 30 %: not an important change by the IMMPACT bands.",
    }
    return tr.gettext(bands[compared.band or ""]).format(percent=compared.percent)


def sentences(
    x: Expected, lang: str, *, audience: str = "gp", appointment: dt.date | None = None, notes: bool = False
) -> list[str]:
    """Every sentence with a figure in it that the summary prints (sections all ticked; the notes when asked),
    and the person's own words it must carry (what matters, their notes)."""
    tr = translator(lang)
    out = [line for line in x.what_matters.splitlines() if line.strip()]
    if not out:
        out.append(tr.gettext("Not written yet."))
    if x.name:
        out.append(tr.gettext("Name: {name}.").format(name=x.name))
    out.append(tr.gettext("For {audience}.").format(audience=tr.gettext(AUDIENCES[audience])))
    if appointment is not None:
        out.append(tr.gettext("Appointment on {date}.").format(date=long_date(appointment, lang)))
    if not x.started:
        out.append(
            tr.gettext(
                "The period chosen, {start} to {end}, has not started yet, so there are no figures from the diary."
            ).format(start=long_date(x.start, lang), end=long_date(x.end, lang))
        )
        out.append(tr.gettext("Made on {date}.").format(date=long_date(x.today, lang)))
        return out
    out.append(
        tr.gettext("Period: {start} to {end}.").format(start=long_date(x.start, lang), end=long_date(x.upto, lang))
    )
    if x.end > x.today:
        out.append(
            tr.gettext("The period chosen runs to {end}; the figures stop at today.").format(end=long_date(x.end, lang))
        )
    out.append(tr.gettext("Made on {date}.").format(date=long_date(x.today, lang)))
    # pain and PEG
    if x.pain_mean is None:
        out.append(tr.gettext("No pain scores were recorded in this period."))
    else:
        out.append(
            tr.ngettext(
                "Average daily pain {mean} out of 10 (lowest {low}, highest {high}), recorded on {recorded} of "
                "{days} day.",
                "Average daily pain {mean} out of 10 (lowest {low}, highest {high}), recorded on {recorded} of "
                "{days} days.",
                x.days_in_period,
            ).format(
                mean=one_place(x.pain_mean),
                low=x.pain_low,
                high=x.pain_high,
                recorded=x.pain_days,
                days=x.days_in_period,
            )
        )
        assert x.pain_compared is not None
        sentence = _comparison(x.pain_compared, "pain", lang)
        if x.pain_compared.outcome in ("band", "from_zero"):
            assert x.pain_compared.before is not None
            sentence = tr.ngettext(
                "Compared with the {days} day before, when the average was {before}: {sentence}",
                "Compared with the {days} days before, when the average was {before}: {sentence}",
                x.days_in_period,
            ).format(days=x.days_in_period, before=one_place(x.pain_compared.before), sentence=sentence)
        out.append(sentence)
    if x.peg_count:
        assert x.peg_first is not None and x.peg_latest is not None and x.peg_compared is not None
        out.append(
            tr.ngettext(
                "PEG (pain, enjoyment of life, general activity; 0 to 10): {latest}, from {count} answer.",
                "PEG (pain, enjoyment of life, general activity; 0 to 10): latest {latest}, first {first}, from "
                "{count} answers.",
                x.peg_count,
            ).format(latest=one_place(x.peg_latest), first=one_place(x.peg_first), count=x.peg_count)
        )
        out.append(_comparison(x.peg_compared, "peg", lang))
    # sleep and mood
    lines = {
        "sleep_quality": (
            "Sleep quality: average {value} out of 10, on {days} day.",
            "Sleep quality: average {value} out of 10, on {days} days.",
        ),
        "sleep_hours": (
            "Hours of sleep: average {value}, on {days} day.",
            "Hours of sleep: average {value}, on {days} days.",
        ),
        "mood": ("Mood: average {value} out of 10, on {days} day.", "Mood: average {value} out of 10, on {days} days."),
        "fatigue": (
            "Tiredness: average {value} out of 10, on {days} day.",
            "Tiredness: average {value} out of 10, on {days} days.",
        ),
    }
    for column, (one, many) in lines.items():
        value, count = x.wellbeing.get(column, (None, 0))
        if count and value is not None:
            out.append(tr.ngettext(one, many, count).format(value=one_place(value), days=count))
    # flare-ups
    if x.flare_count:
        out.append(
            tr.ngettext(
                "{count} flare-up, going on for {days} days of the period in all.",
                "{count} flare-ups, going on for {days} days of the period in all.",
                x.flare_count,
            ).format(count=x.flare_count, days=x.flare_days)
        )
        if x.flare_helped:
            out.append(tr.gettext("What helped:") + " " + x.flare_helped[0])
            out.extend(x.flare_helped[1:])
    else:
        out.append(tr.gettext("No flare-ups were logged in this period."))
    # pacing
    if x.pacing is not None:
        names, planned, kept, over, booms, busts = x.pacing
        out.append(tr.gettext("Activities paced: {activities}.").format(activities=", ".join(names)))
        out.append(
            tr.gettext(
                "Planned days: {planned}. Kept to the plan (from 80 % of it to just under the over-plan level): "
                "{kept}. Over the plan: {over}. Under it: {under}."
            ).format(planned=planned, kept=kept, over=over, under=planned - kept - over)
        )
        out.append(
            tr.gettext(
                "Possible boom-and-bust pattern: busy days {booms}, hard days after {busts}. A day over the plan "
                "counts as a busy day."
            ).format(booms=booms, busts=busts)
        )
    # goals and action plans
    for title, done, total, rating in x.goals:
        line = tr.gettext("{goal}: steps done {done} of {total}.").format(goal=title, done=done, total=total)
        if rating is not None:
            line += " " + tr.gettext("How near it feels: {rating} out of 10.").format(rating=rating)
        out.append(line)
    ticked, planned_days = x.plan_days
    if planned_days:
        out.append(
            tr.gettext("Weekly action plans: done on {ticked} of {planned} planned days.").format(
                ticked=ticked, planned=planned_days
            )
        )
    # medicines and what I've tried
    if not x.medicines:
        out.append(tr.gettext("No medicines recorded for this period."))
    for m in x.medicines:
        parts = [
            tr.gettext("{name} ({purpose}): {dose}.").format(
                name=m["name"], purpose=m["purpose"] or "–", dose=m["dose"] or "–"
            )
        ]
        if m["started"]:
            parts.append(tr.gettext("Started on {date}.").format(date=long_date(m["started"], lang)))
        if m["stopped"]:
            parts.append(tr.gettext("Stopped on {date}.").format(date=long_date(m["stopped"], lang)))
        if m["doses"] is not None:
            parts.append(
                tr.ngettext(
                    "Taken as needed: {n} dose in the period.", "Taken as needed: {n} doses in the period.", m["doses"]
                ).format(n=m["doses"])
            )
        if m["helpfulness"] is not None:
            parts.append(tr.gettext("Helpfulness {score} out of 10.").format(score=m["helpfulness"]))
        if m["side_effects"]:
            parts.append(tr.gettext("Side effects: {effects}.").format(effects=m["side_effects"].rstrip(". ")))
        if m["review_due"]:
            parts.append(tr.gettext("Review due since {date}.").format(date=long_date(m["review_due"], lang)))
        out.append(" ".join(parts))
    for name, helpfulness in x.tried:
        if helpfulness is not None:
            out.append(tr.gettext("{name}: helpfulness {score} out of 10.").format(name=name, score=helpfulness))
        else:
            out.append(name)
    if notes:
        for day, text in x.notes:
            out.append(f"{long_date(day, lang)}: {' '.join(text.split())}")
    return out


def fixed_text(lang: str) -> list[str]:
    """Wording with numbers that never changes (the footnotes, the PEG label's scale), taken out before the
    search for unexplained digits."""
    tr = translator(lang)
    return [
        flat(
            tr.gettext(
                "Pain: 0 to 10 numerical rating scale. PEG: Krebs et al. 2009. Change bands: IMMPACT, Dworkin et "
                "al. 2008, worked out on the unrounded figures."
            )
        ),
        flat(tr.gettext("My top 3 things to discuss today")),
        flat(tr.gettext("Ask 3 Questions")),
    ]


FOOTER = re.compile(r"(Page|Tudalen) \d+ (of|o) \d+ · (made on|gwnaed ar) \d{1,2} \w+ \d{4}")


def check_text(text: str, expected: list[str], lang: str) -> list[str]:
    """Problems found: an expected sentence missing, or a digit left over once every expected sentence, the
    fixed wording and the footers are taken out. Empty when the text prints exactly the oracle's figures."""
    body = flat(text)
    problems = [f"missing: {s}" for s in expected if flat(s) not in body]
    rest = FOOTER.sub(" ", body)
    for sentence in sorted({flat(s) for s in expected} | set(fixed_text(lang)), key=len, reverse=True):
        rest = rest.replace(sentence, " ")
    left = re.findall(r"\S*\d\S*", rest)
    if left:
        problems.append(f"unexplained numbers: {left[:12]}")
    return problems
