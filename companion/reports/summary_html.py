"""The consultation summary as HTML in Welsh, English, or both side by side, and its chart images.

Pure Python (matplotlib's Figure API for the charts, no Qt). Text comes from the catalog in the summary's
language (`companion.i18n.speaking`), dates and numbers from CLDR in that language; the person's own words
are printed exactly as written, only HTML-escaped. It leads with what matters to the person and their
questions, then the evidence. `companion.reports.pdf.render_pdf` prints it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from companion.domain.summary import ASK_3_QUESTIONS, AUDIENCE_NAMES, BRAN_QUESTIONS, Section
from companion.domain.trends import Change, ChangeBand
from companion.i18n import _, ngettext, speaking
from companion.i18n.formatting import format_date, format_decimal
from companion.reports.summary_data import SummaryData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_WIDTH_PX = 640  # in the document's pixels: about 17 cm on A4 at the usual 96 dpi
CHART_DPI = 300

_STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9.5pt;
       color: #1a1a1a; }
h1 { font-size: 16pt; font-weight: bold; color: #1f4e5f; margin-top: 0px; margin-bottom: 2px; }
p.meta { font-size: 9pt; color: #444444; margin-top: 0px; margin-bottom: 6px; }
h2 { font-size: 11.5pt; font-weight: bold; color: #1f4e5f; margin-top: 10px; margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 3px; }
ul, ol { margin-top: 0px; margin-bottom: 2px; }
li { margin-bottom: 1px; }
p.own { font-style: italic; }
p.foot { font-size: 7.5pt; color: #444444; margin-top: 8px; }
td.col { vertical-align: top; padding-right: 10px; }
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _num(value: float | None) -> str:
    return format_decimal(value) if value is not None else "–"


def change_sentence(change: Change, what: str) -> str:
    """The IMMPACT band in words, calm and never causal. `what` is "pain" or "PEG", already translated."""
    percent = abs(round(change.percent))
    if change.band is ChangeBand.MUCH_BETTER:
        return _("{what} is {percent} % lower: a substantial improvement by the IMMPACT bands.").format(
            what=what, percent=percent
        )
    if change.band is ChangeBand.BETTER:
        return _("{what} is {percent} % lower: a moderately important improvement by the IMMPACT bands.").format(
            what=what, percent=percent
        )
    if change.band is ChangeBand.WORSE:
        return _("{what} is {percent} % higher: an important worsening by the IMMPACT bands.").format(
            what=what, percent=percent
        )
    return _("{what} changed by less than 30 %: not an important change by the IMMPACT bands.").format(what=what)


def _section(title: str, body: str) -> str:
    return f"<h2>{_esc(title)}</h2>{body}"


def _p(text: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f"<p{klass}>{_esc(text)}</p>"


def _own_words(text: str) -> str:
    return "".join(_p(line, "own") for line in text.splitlines() if line.strip())


def _header(data: SummaryData) -> str:
    options = data.options
    title = _("Summary for my appointment")
    for_whom = _("For {audience}.").format(audience=_(AUDIENCE_NAMES[options.audience]))
    period = _("Period: {start} to {end}.").format(start=format_date(options.start), end=format_date(options.end))
    made = _("Made on {date}.").format(date=format_date(data.made_on))
    who = _("Name: {name}.").format(name=options.name) + " " if options.name.strip() else ""
    return f'<h1>{_esc(title)}</h1><p class="meta">{_esc(who + for_whom + " " + period + " " + made)}</p>'


def _what_matters(data: SummaryData) -> str:
    wm = data.what_matters
    if wm is None or not (wm.what_matters or wm.good_day):
        return _section(_("What matters to me"), _p(_("Not written yet.")))
    body = _own_words(wm.what_matters)
    if wm.good_day:
        body += _p(_("When I have a good day, what makes it good?")) + _own_words(wm.good_day)
    return _section(_("What matters to me"), body)


def _top3(data: SummaryData) -> str:
    items = [i for i in data.options.top3 if i.strip()]
    if not items:
        return ""
    return _section(
        _("My top 3 things to discuss today"), "<ol>" + "".join(f"<li>{_esc(i)}</li>" for i in items) + "</ol>"
    )


def _questions(data: SummaryData) -> str:
    options = data.options
    asked = [_(q) for q in ASK_3_QUESTIONS] if options.ask3 else []
    asked += [_(q) for q in BRAN_QUESTIONS] if options.bran else []
    asked += [q for q in options.own_questions if q.strip()]
    if not asked:
        return ""
    return _section(_("Questions I want to ask"), "<ul>" + "".join(f"<li>{_esc(q)}</li>" for q in asked) + "</ul>")


def _pain(data: SummaryData, images: dict[str, str]) -> str:
    pain, peg = data.pain, data.peg
    parts = []
    if pain.mean is None:
        parts.append(_p(_("No pain scores were recorded in this period.")))
    else:
        parts.append(
            _p(
                _(
                    "Average daily pain {mean} out of 10 (lowest {low}, highest {high}), recorded on {recorded} "
                    "of {days} days."
                ).format(
                    mean=_num(pain.mean),
                    low=pain.low,
                    high=pain.high,
                    recorded=pain.days_recorded,
                    days=pain.days_in_period,
                )
            )
        )
        if pain.change is not None:
            parts.append(
                _p(
                    _("Compared with the {days} days before: {sentence}").format(
                        days=pain.days_in_period, sentence=change_sentence(pain.change, _("Pain"))
                    )
                )
            )
    if peg.count:
        text = ngettext(
            "PEG (pain, enjoyment of life, general activity; 0 to 10): {latest}, from {count} answer.",
            "PEG (pain, enjoyment of life, general activity; 0 to 10): latest {latest}, from {count} answers.",
            peg.count,
        ).format(latest=_num(peg.latest), count=peg.count)
        parts.append(_p(text))
        if peg.change is not None:
            parts.append(
                _p(
                    _("From the first PEG in the period to the latest: {sentence}").format(
                        sentence=change_sentence(peg.change, "PEG")
                    )
                )
            )
    for name in ("pain", "second"):
        if name in images:
            parts.append(f'<p><img src="{images[name]}" width="{CHART_WIDTH_PX}"></p>')
    return _section(_("Pain"), "".join(parts))


def _sleep_mood(data: SummaryData) -> str:
    w = data.wellbeing
    if all(v is None for v in (w.sleep_quality, w.sleep_hours, w.mood, w.fatigue)):
        return ""
    text = _(
        "Averages for the period: sleep quality {sleep} out of 10, {hours} hours of sleep, mood {mood} out of "
        "10, tiredness {fatigue} out of 10."
    ).format(sleep=_num(w.sleep_quality), hours=_num(w.sleep_hours), mood=_num(w.mood), fatigue=_num(w.fatigue))
    return _section(_("Sleep and mood"), _p(text))


def _flares(data: SummaryData) -> str:
    f = data.flares
    if not f.count:
        return _section(_("Flare-ups"), _p(_("No flare-ups were logged in this period.")))
    text = ngettext(
        "{count} flare-up, over {days} days in all.", "{count} flare-ups, over {days} days in all.", f.count
    ).format(count=f.count, days=f.days)
    body = _p(text)
    if f.helped:
        helped = list(dict.fromkeys(h.strip() for h in f.helped if h.strip()))  # each once, in order
        body += _p(_("What helped:")) + "<ul>" + "".join(f"<li>{_esc(h)}</li>" for h in helped) + "</ul>"
    return _section(_("Flare-ups"), body)


def _pacing(data: SummaryData) -> str:
    pacing = data.pacing
    if pacing is None:
        return ""
    text = _(
        "Activities paced: {activities}. The plan was kept on {kept} of {planned} planned days. "
        "Possible boom-and-bust pattern: busy days {booms}, hard days after {busts}."
    ).format(
        activities=", ".join(pacing.activities),
        kept=pacing.kept_days,
        planned=pacing.planned_days,
        booms=pacing.booms,
        busts=pacing.busts,
    )
    return _section(_("Pacing"), _p(text))


def _goals(data: SummaryData) -> str:
    if not data.goals and not data.completion.planned:
        return ""
    items = []
    for goal in data.goals:
        rating = goal.latest_rating
        line = _("{goal}: steps done {done} of {total}.").format(
            goal=goal.title, done=goal.steps_done, total=len(goal.steps)
        )
        if rating is not None:
            line += " " + _("How near it feels: {rating} out of 10.").format(rating=rating)
        items.append(f"<li>{_esc(line)}</li>")
    body = "<ul>" + "".join(items) + "</ul>" if items else ""
    if data.completion.planned:
        body += _p(
            _("Weekly action plans: done on {ticked} of {planned} planned days.").format(
                ticked=data.completion.ticked, planned=data.completion.planned
            )
        )
    return _section(_("Goals and action plans"), body)


def _medicines(data: SummaryData) -> str:
    if not data.medicines:
        return _section(_("Medicines"), _p(_("No medicines recorded for this period.")))
    items = []
    for line in data.medicines:
        m = line.medicine
        text = _("{name} ({purpose}): {dose}.").format(name=m.name, purpose=m.purpose or "–", dose=m.dose or "–")
        notes = []
        if line.started_in_period and m.started_on:
            notes.append(_("Started on {date}.").format(date=format_date(m.started_on)))
        if line.stopped_in_period and m.stopped_on:
            notes.append(_("Stopped on {date}.").format(date=format_date(m.stopped_on)))
        if line.doses_in_period:
            notes.append(
                ngettext(
                    "Taken as needed: {n} dose in the period.",
                    "Taken as needed: {n} doses in the period.",
                    line.doses_in_period,
                ).format(n=line.doses_in_period)
            )
        rating = m.latest_rating
        if rating is not None and rating.helpfulness is not None:
            notes.append(_("Helpfulness {score} out of 10.").format(score=rating.helpfulness))
        if rating is not None and rating.side_effects:
            notes.append(_("Side effects: {effects}.").format(effects=rating.side_effects.rstrip(". ")))
        if line.review_due is not None and line.review_due <= data.options.end:
            notes.append(_("Review due since {date}.").format(date=format_date(line.review_due)))
        items.append(f"<li>{_esc(' '.join([text, *notes]))}</li>")
    return _section(_("Medicines"), "<ul>" + "".join(items) + "</ul>")


def _tried(data: SummaryData) -> str:
    if not data.tried:
        return ""
    items = []
    for item in data.tried:
        if item.helpfulness is not None:
            line = _("{name}: helpfulness {score} out of 10.").format(name=item.name, score=item.helpfulness)
        else:
            line = item.name
        items.append(f"<li>{_esc(line)}</li>")
    return _section(_("What I've tried"), "<ul>" + "".join(items) + "</ul>")


def _notes(data: SummaryData) -> str:
    if not data.notes:
        return ""
    items = "".join(
        f"<li>{_esc(format_date(moment.date()))}: {_esc(text)}</li>" for moment, text in data.notes
    )
    return _section(_("My notes"), f"<ul>{items}</ul>")


def _footnotes(language: str) -> str:
    lines = [
        _("Pain: 0 to 10 numerical rating scale. PEG: Krebs et al. 2009. Change bands: IMMPACT, Dworkin et al. 2008."),
        _("Made with Companion from the person's own diary. It gives no medical advice."),
    ]
    if language == "cy":
        lines.insert(1, _("The Welsh wording of PEG has not been validated."))
    return "".join(_p(line, "foot") for line in lines)


BUILDERS: dict[Section, Callable[[SummaryData], str]] = {
    Section.WHAT_MATTERS: _what_matters,
    Section.TOP3: _top3,
    Section.QUESTIONS: _questions,
    Section.SLEEP_MOOD: _sleep_mood,
    Section.FLARES: _flares,
    Section.PACING: _pacing,
    Section.GOALS: _goals,
    Section.MEDICINES: _medicines,
    Section.TRIED: _tried,
    Section.NOTES: _notes,
}
ORDER: tuple[Section, ...] = (
    Section.WHAT_MATTERS,
    Section.TOP3,
    Section.QUESTIONS,
    Section.PAIN,
    Section.SLEEP_MOOD,
    Section.FLARES,
    Section.PACING,
    Section.GOALS,
    Section.MEDICINES,
    Section.TRIED,
    Section.NOTES,
)


def _blocks(data: SummaryData, language: str, images: dict[str, str]) -> list[tuple[str, str]]:
    """(section, html) pairs in order, "header" and "footnotes" included."""
    with speaking(language):
        blocks = [("header", _header(data))]
        for section in ORDER:
            if not data.options.includes(section):
                continue
            block = _pain(data, images) if section is Section.PAIN else BUILDERS[section](data)
            if block:
                blocks.append((section.value, block))
        blocks.append(("footnotes", _footnotes(language)))
    return blocks


def _two_columns(pairs: list[tuple[tuple[str, str], tuple[str, str]]]) -> str:
    cells = "".join(
        f'<tr><td class="col" width="50%">{cy}</td><td class="col" width="50%">{en}</td></tr>'
        for (_key, cy), (_key2, en) in pairs
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0">{cells}</table>' if pairs else ""


def summary_html(data: SummaryData, images: dict[str, str] | None = None) -> str:
    """The whole document. `images` maps "pain" and "second" to the resource names the PDF renderer
    registers (the charts are drawn once, in the summary's language, or in English when bilingual)."""
    images = images or {}
    language = data.options.language
    if language in ("cy", "en"):
        body = "".join(block for _key, block in _blocks(data, language, images))
    else:
        # Side by side: Welsh on the left, English on the right, section by section; the charts once, in full
        # width, straight after the two columns of the pain section.
        pairs = list(zip(_blocks(data, "cy", {}), _blocks(data, "en", {}), strict=True))
        keys = [cy[0] for cy, _en in pairs]
        cut = keys.index(Section.PAIN.value) + 1 if Section.PAIN.value in keys else len(pairs)
        charts = "".join(
            f'<p><img src="{images[name]}" width="{CHART_WIDTH_PX}"></p>'
            for name in ("pain", "second")
            if name in images
        )
        body = _two_columns(pairs[:cut]) + charts + _two_columns(pairs[cut:])
    return f"<html><head><style>{_STYLE}</style></head><body>{body}</body></html>"


def chart_images(data: SummaryData) -> dict[str, bytes]:
    """PNG images of the pain chart and the chosen second chart, at 300 dpi, in the summary's language."""
    from companion.charts.export import figure_bytes
    from companion.charts.pain import pain_figure
    from companion.services.insights import PainSeries

    language = data.options.language if data.options.language in ("cy", "en") else "en"
    images: dict[str, bytes] = {}
    with speaking(language):
        series = data.series
        if isinstance(series, PainSeries) and series.has_data:
            images["pain"] = figure_bytes(pain_figure(series, width=7.0, height=2.9, font_pt=8), "png", CHART_DPI)
        second = _second_chart(data)
        if second is not None:
            images["second"] = figure_bytes(second, "png", CHART_DPI)
    return images


def _second_chart(data: SummaryData) -> Figure | None:
    from companion.services.insights import PainSeries, PegPoint

    choice = data.options.second_chart
    series = data.series
    if choice == "wellbeing" and isinstance(series, PainSeries) and series.has_data:
        from companion.charts.wellbeing import wellbeing_figure

        return wellbeing_figure(series.days, width=7.0, height=2.6, font_pt=8)
    points = [p for p in data.peg_points if isinstance(p, PegPoint)]
    if choice == "peg" and points:
        from companion.charts.peg import peg_figure

        return peg_figure(points, width=7.0, height=2.4, font_pt=8)
    return None
