"""The consultation summary as HTML in Welsh, English, or both side by side.

Pure Python, no Qt. Every word comes from a `companion.i18n.Translator` for the summary's language (never
the interface's global catalog), dates and numbers from CLDR in that language; the person's own words are
printed exactly as written, only HTML-escaped. It leads with the person (how they communicate, what matters,
their top 3 and questions), then the evidence, each figure as docs/summary.md defines it. The charts are in
`summary_charts`; `summary_pdf` prints the whole.

Optional sections (such as a later "My story so far") are one entry in `BUILDERS` and one place in `ORDER`:
a builder takes the data and a translator and returns its units of HTML (the heading joined to the first),
or [] to leave the section out.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from fractions import Fraction

from companion.domain.summary import (
    ASK_3_QUESTIONS,
    AUDIENCE_NAMES,
    BRAN_QUESTIONS,
    MAKING_CHOICES_QUESTIONS,
    Section,
)
from companion.i18n import Translator, translator
from companion.i18n.formatting import format_date, format_decimal
from companion.reports.summary_data import Comparison, Outcome, SummaryData
from companion.reports.summary_words import TITLE, communication_sentences, comparison_sentence

CHART_WIDTH_PX = 640  # in the document's pixels: about 17 cm on A4 at the usual 96 dpi
CHUNK_CHARS = 600

# The person's own words are set apart by an indent, not italics: no font has italic Arabic, and Qt draws an
# italic face's missing letters as empty boxes.
STYLE = """
body { font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 16pt; font-weight: bold; color: #1f4e5f; margin-top: 0px; margin-bottom: 2px; }
p.meta { font-size: 9pt; color: #444444; margin-top: 0px; margin-bottom: 6px; }
h2 { font-size: 11.5pt; font-weight: bold; color: #1f4e5f; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 3px; }
ul, ol { margin-top: 0px; margin-bottom: 2px; }
li { margin-bottom: 1px; }
p.own { margin-left: 8px; color: #26323a; }
p.head { font-weight: bold; margin-top: 4px; margin-bottom: 1px; }
p.foot { font-size: 7.5pt; color: #444444; margin-top: 8px; }
td.col { vertical-align: top; padding-right: 10px; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _p(text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<p{klass}>{_esc(text)}</p>"


def _items(lines: list[str]) -> list[str]:
    """A list, one unit per item (so a long list can run on to the next page between items)."""
    return [f"<ul><li>{_esc(line)}</li></ul>" for line in lines]


def _section(title: str, parts: list[str]) -> list[str]:
    """The heading and its first block make one unit: a heading never ends a page alone."""
    heading = f"<h2>{_esc(title)}</h2>"
    return [heading + parts[0], *parts[1:]] if parts else [heading]


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Long text in pieces of at most `limit` characters, cut at a space where there is one, so that no unit
    is taller than a page (a note can be 20,000 characters)."""
    pieces, rest = [], text.strip()
    while len(rest) > limit:
        cut = rest.rfind(" ", limit // 2, limit)
        cut = cut if cut > 0 else limit
        pieces.append(rest[:cut].strip())
        rest = rest[cut:].strip()
    return [*pieces, rest] if rest else pieces


def _own_words(text: str) -> list[str]:
    return [_p(piece, "own") for line in text.splitlines() for piece in chunks(line)]


def _num(value: Fraction | None, tr: Translator) -> str:
    return format_decimal(value, lang=tr.lang) if value is not None else "–"


def _date(day: dt.date, tr: Translator, fmt: str = "long") -> str:
    return format_date(day, fmt, lang=tr.lang)


# --- the person first ---------------------------------------------------------------------------------------


def header(data: SummaryData, tr: Translator) -> list[str]:
    options, period = data.options, data.period
    lines = []
    if data.name:
        lines.append(tr.gettext("Name: {name}.").format(name=data.name))
    lines.append(tr.gettext("For {audience}.").format(audience=tr.gettext(AUDIENCE_NAMES[options.audience])))
    if options.appointment is not None:
        lines.append(tr.gettext("Appointment on {date}.").format(date=_date(options.appointment, tr)))
    if period.started:
        lines.append(
            tr.gettext("Period: {start} to {end}.").format(start=_date(period.start, tr), end=_date(period.upto, tr))
        )
        if period.clipped:
            lines.append(
                tr.gettext("The period chosen runs to {end}; the figures stop at today.").format(
                    end=_date(period.end, tr)
                )
            )
    else:
        lines.append(
            tr.gettext(
                "The period chosen, {start} to {end}, has not started yet, so there are no figures from the diary."
            ).format(start=_date(period.start, tr), end=_date(period.end, tr))
        )
    lines.append(tr.gettext("Made on {date}.").format(date=_date(data.made_on, tr)))
    return [f'<h1>{_esc(tr.gettext(TITLE))}</h1><p class="meta">{_esc(" ".join(lines))}</p>']


def communication(data: SummaryData, tr: Translator) -> list[str]:
    lines = communication_sentences(data.communication, tr)
    return _section(tr.gettext("How I communicate best"), _items(lines)) if lines else []


def what_matters(data: SummaryData, tr: Translator) -> list[str]:
    wm = data.what_matters
    if wm is None or not (wm.what_matters.strip() or wm.good_day.strip()):
        return _section(tr.gettext("What matters to me"), [_p(tr.gettext("Not written yet."))])
    parts = _own_words(wm.what_matters)
    if wm.good_day.strip():
        good = _own_words(wm.good_day)
        parts += [_p(tr.gettext("When I have a good day, what makes it good?")) + good[0], *good[1:]]
    return _section(tr.gettext("What matters to me"), parts)


def top3(data: SummaryData, tr: Translator) -> list[str]:
    items = [i.strip() for i in data.options.top3 if i.strip()]
    listed = "<ol>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + "</ol>"
    return _section(tr.gettext("My top 3 things to discuss today"), [listed]) if items else []


def questions(data: SummaryData, tr: Translator) -> list[str]:
    options = data.options
    asked: list[str] = []
    for ticked, group in (
        (options.making_choices, MAKING_CHOICES_QUESTIONS),
        (options.ask3, ASK_3_QUESTIONS),
        (options.bran, BRAN_QUESTIONS),
    ):
        if ticked:
            asked += [tr.gettext(q) for q in group]
    asked += [q.strip() for q in options.own_questions if q.strip()]
    unique = list(dict.fromkeys(asked))  # a question in two sets is asked once
    return _section(tr.gettext("Questions I want to ask"), _items(unique)) if unique else []


# --- the evidence -------------------------------------------------------------------------------------------


def pain(data: SummaryData, tr: Translator) -> list[str]:
    """The pain section's words; the charts follow it as their own units (see `units`)."""
    figures, peg = data.pain, data.peg
    parts = []
    if figures.mean is None:
        parts.append(_p(tr.gettext("No pain scores were recorded in this period.")))
    else:
        parts.append(
            _p(
                tr.ngettext(
                    "Average daily pain {mean} out of 10 (lowest {low}, highest {high}), recorded on {recorded} of "
                    "{days} day.",
                    "Average daily pain {mean} out of 10 (lowest {low}, highest {high}), recorded on {recorded} of "
                    "{days} days.",
                    figures.days_in_period,
                ).format(
                    mean=_num(figures.mean, tr),
                    low=figures.low,
                    high=figures.high,
                    recorded=figures.days_recorded,
                    days=figures.days_in_period,
                )
            )
        )
        if figures.comparison is not None:
            parts.append(_p(_pain_comparison(figures.comparison, figures.previous_days, tr)))
    if peg.count:
        parts.append(
            _p(
                tr.ngettext(
                    "PEG (pain, enjoyment of life, general activity; 0 to 10): {latest}, from {count} answer.",
                    "PEG (pain, enjoyment of life, general activity; 0 to 10): latest {latest}, first {first}, from "
                    "{count} answers.",
                    peg.count,
                ).format(latest=_num(peg.latest, tr), first=_num(peg.first, tr), count=peg.count)
            )
        )
        if peg.comparison is not None:
            parts.append(_p(comparison_sentence(peg.comparison, "peg", tr)))
    return _section(tr.gettext("Pain"), parts)


def _pain_comparison(comparison: Comparison, days: int, tr: Translator) -> str:
    sentence = comparison_sentence(comparison, "pain", tr)
    if comparison.outcome not in (Outcome.BAND, Outcome.FROM_ZERO):
        return sentence
    return tr.ngettext(
        "Compared with the {days} day before, when the average was {before}: {sentence}",
        "Compared with the {days} days before, when the average was {before}: {sentence}",
        days,
    ).format(days=days, before=_num(comparison.before, tr), sentence=sentence)


def chart(name: str) -> str:
    return f'<p class="chart"><img src="{_esc(name)}" width="{CHART_WIDTH_PX}"></p>'


def sleep_mood(data: SummaryData, tr: Translator) -> list[str]:
    w = data.wellbeing
    if not w.any:
        return []
    lines = []
    if w.sleep_quality.days:
        lines.append(
            tr.ngettext(
                "Sleep quality: average {value} out of 10, on {days} day.",
                "Sleep quality: average {value} out of 10, on {days} days.",
                w.sleep_quality.days,
            ).format(value=_num(w.sleep_quality.mean, tr), days=w.sleep_quality.days)
        )
    if w.sleep_hours.days:
        lines.append(
            tr.ngettext(
                "Hours of sleep: average {value}, on {days} day.",
                "Hours of sleep: average {value}, on {days} days.",
                w.sleep_hours.days,
            ).format(value=_num(w.sleep_hours.mean, tr), days=w.sleep_hours.days)
        )
    if w.mood.days:
        lines.append(
            tr.ngettext(
                "Mood: average {value} out of 10, on {days} day.",
                "Mood: average {value} out of 10, on {days} days.",
                w.mood.days,
            ).format(value=_num(w.mood.mean, tr), days=w.mood.days)
        )
    if w.fatigue.days:
        lines.append(
            tr.ngettext(
                "Tiredness: average {value} out of 10, on {days} day.",
                "Tiredness: average {value} out of 10, on {days} days.",
                w.fatigue.days,
            ).format(value=_num(w.fatigue.mean, tr), days=w.fatigue.days)
        )
    return _section(tr.gettext("Sleep and mood"), _items(lines))


def flares(data: SummaryData, tr: Translator) -> list[str]:
    f = data.flares
    if not f.count:
        return _section(tr.gettext("Flare-ups"), [_p(tr.gettext("No flare-ups were logged in this period."))])
    text = tr.ngettext(
        "{count} flare-up, going on for {days} days of the period in all.",
        "{count} flare-ups, going on for {days} days of the period in all.",
        f.count,
    ).format(count=f.count, days=f.days)
    parts = [_p(text)]
    if f.helped:
        helped = _items([piece for item in f.helped for piece in chunks(item)])
        parts += [_p(tr.gettext("What helped:")) + helped[0], *helped[1:]]
    return _section(tr.gettext("Flare-ups"), parts)


def pacing(data: SummaryData, tr: Translator) -> list[str]:
    figures = data.pacing
    if figures is None:
        return []
    under = figures.planned_days - figures.kept_days - figures.over_days
    lines = [
        tr.gettext("Activities paced: {activities}.").format(activities=", ".join(figures.activities)),
        tr.gettext(
            "Planned days: {planned}. Kept to the plan (from 80 % of it to just under the over-plan level): "
            "{kept}. Over the plan: {over}. Under it: {under}."
        ).format(planned=figures.planned_days, kept=figures.kept_days, over=figures.over_days, under=under),
        tr.gettext(
            "Possible boom-and-bust pattern: busy days {booms}, hard days after {busts}. A day over the plan "
            "counts as a busy day."
        ).format(booms=figures.booms, busts=figures.busts),
    ]
    return _section(tr.gettext("Pacing"), [_p(line) for line in lines])


def goals(data: SummaryData, tr: Translator) -> list[str]:
    if not data.goals and not data.completion.planned:
        return []
    items = []
    for goal in data.goals:
        line = tr.gettext("{goal}: steps done {done} of {total}.").format(
            goal=goal.title, done=goal.steps_done, total=goal.steps_total
        )
        if goal.rating is not None:
            line += " " + tr.gettext("How near it feels: {rating} out of 10.").format(rating=goal.rating)
        items.append(line)
    parts = _items(items)
    if data.completion.planned:
        parts.append(
            _p(
                tr.gettext("Weekly action plans: done on {ticked} of {planned} planned days.").format(
                    ticked=data.completion.ticked, planned=data.completion.planned
                )
            )
        )
    return _section(tr.gettext("Goals and action plans"), parts)


def medicines(data: SummaryData, tr: Translator) -> list[str]:
    if not data.medicines:
        return _section(tr.gettext("Medicines"), [_p(tr.gettext("No medicines recorded for this period."))])
    items = []
    for line in data.medicines:
        parts = [
            tr.gettext("{name} ({purpose}): {dose}.").format(
                name=line.name, purpose=line.purpose or "–", dose=line.dose or "–"
            )
        ]
        if line.started_on is not None:
            parts.append(tr.gettext("Started on {date}.").format(date=_date(line.started_on, tr)))
        if line.stopped_on is not None:
            parts.append(tr.gettext("Stopped on {date}.").format(date=_date(line.stopped_on, tr)))
        if line.doses is not None:
            parts.append(
                tr.ngettext(
                    "Taken as needed: {n} dose in the period.", "Taken as needed: {n} doses in the period.", line.doses
                ).format(n=line.doses)
            )
        if line.helpfulness is not None:
            parts.append(tr.gettext("Helpfulness {score} out of 10.").format(score=line.helpfulness))
        if line.side_effects:
            parts.append(tr.gettext("Side effects: {effects}.").format(effects=line.side_effects.rstrip(". ")))
        if line.review_due is not None:
            parts.append(tr.gettext("Review due since {date}.").format(date=_date(line.review_due, tr)))
        items.append(" ".join(parts))
    return _section(tr.gettext("Medicines"), _items(items))


def tried(data: SummaryData, tr: Translator) -> list[str]:
    lines = [
        tr.gettext("{name}: helpfulness {score} out of 10.").format(name=i.name, score=i.helpfulness)
        if i.helpfulness is not None
        else i.name
        for i in data.tried
    ]
    return _section(tr.gettext("What I've tried"), _items(lines)) if lines else []


def notes(data: SummaryData, tr: Translator) -> list[str]:
    parts = []
    for moment, text in data.notes:
        pieces = chunks(f"{_date(moment.date(), tr)}: {' '.join(text.split())}")
        parts += [*_items(pieces[:1]), *(_p(piece, "own") for piece in pieces[1:])]
    return _section(tr.gettext("My notes"), parts) if parts else []


def story(data: SummaryData, tr: Translator) -> list[str]:
    """ "My story so far" (its own builder, companion.reports.story_html), cut into units: each kind's heading
    with its first item, then an item each."""
    from companion.reports.story_data import StoryData
    from companion.reports.story_html import story_section_html

    if not isinstance(data.story, StoryData):
        return []
    section = story_section_html(data.story, tr)
    pieces = re.findall(r'<h2>.*?</h2>|<p class="head">.*?</p>|<li>.*?</li>|<p>.*?</p>', section, re.S)
    parts, heading = [], ""
    for piece in pieces:
        if piece.startswith(("<h2>", '<p class="head">')):
            heading += piece
            continue
        parts.append(heading + (f"<ul>{piece}</ul>" if piece.startswith("<li>") else piece))
        heading = ""
    return parts


def footnotes(data: SummaryData, tr: Translator) -> list[str]:
    lines = [
        tr.gettext(
            "Pain: 0 to 10 numerical rating scale. PEG: Krebs et al. 2009. Change bands: IMMPACT, Dworkin et al. "
            "2008, worked out on the unrounded figures."
        ),
        tr.gettext("Made with Companion from the person's own diary. It gives no medical advice."),
    ]
    if tr.lang == "cy":
        lines.insert(1, tr.gettext("The Welsh wording of PEG has not been validated."))
    return ["".join(_p(line, "foot") for line in lines)]


Builder = Callable[[SummaryData, Translator], list[str]]
BUILDERS: dict[Section, Builder] = {
    Section.WHAT_MATTERS: what_matters,
    Section.TOP3: top3,
    Section.QUESTIONS: questions,
    Section.STORY: story,
    Section.PAIN: pain,
    Section.SLEEP_MOOD: sleep_mood,
    Section.FLARES: flares,
    Section.PACING: pacing,
    Section.GOALS: goals,
    Section.MEDICINES: medicines,
    Section.TRIED: tried,
    Section.NOTES: notes,
}
ORDER: list[Section] = [
    Section.WHAT_MATTERS,
    Section.TOP3,
    Section.QUESTIONS,
    Section.STORY,
    Section.PAIN,
    Section.SLEEP_MOOD,
    Section.FLARES,
    Section.PACING,
    Section.GOALS,
    Section.MEDICINES,
    Section.TRIED,
    Section.NOTES,
]
# Sections of figures from the period's days: none for a period still to come.
FIGURES = {
    Section.PAIN,
    Section.SLEEP_MOOD,
    Section.FLARES,
    Section.PACING,
    Section.GOALS,
    Section.MEDICINES,
    Section.TRIED,
    Section.NOTES,
}


def blocks(data: SummaryData, tr: Translator) -> list[tuple[str, list[str]]]:
    """(key, units) in order: the header, how I communicate, the chosen sections, the footnotes."""
    out = [("header", header(data, tr)), ("communication", communication(data, tr))]
    for section in ORDER:
        if data.options.includes(section) and (data.period.started or section not in FIGURES):
            out.append((section.value, BUILDERS[section](data, tr)))
    out.append(("footnotes", footnotes(data, tr)))
    return [(key, parts) for key, parts in out if parts]


def _side_by_side(cy: str, en: str) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td class="col" width="50%">{cy}</td><td class="col" width="50%">{en}</td></tr></table>'
    )


def units(data: SummaryData, images: dict[str, str] | None = None) -> list[str]:
    """The document as units that are never split across pages. `images` maps "pain" and "second" to the
    image names the renderer registers; the charts come straight after the pain section, in full width
    (labelled in both languages when bilingual)."""
    images = images or {}
    charts = [chart(images[name]) for name in ("pain", "second") if name in images]
    language = data.options.language
    out: list[str] = []
    if language in ("cy", "en"):
        for key, parts in blocks(data, translator(language)):
            out += parts + (charts if key == Section.PAIN.value else [])
        return out
    # Side by side: Welsh on the left, English on the right, each unit beside its own translation.
    for (key, cy), (_key, en) in zip(blocks(data, translator("cy")), blocks(data, translator("en")), strict=True):
        length = max(len(cy), len(en))
        left, right = cy + [""] * (length - len(cy)), en + [""] * (length - len(en))
        out += [_side_by_side(a, b) for a, b in zip(left, right, strict=True)]
        out += charts if key == Section.PAIN.value else []
    return out


def summary_html(data: SummaryData, images: dict[str, str] | None = None) -> str:
    """The whole document as one page of HTML (the preview on screen)."""
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(units(data, images))}</body></html>"


__all__ = ["BUILDERS", "CHART_WIDTH_PX", "ORDER", "STYLE", "blocks", "summary_html", "units"]
