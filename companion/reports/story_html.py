""" "My story so far" as HTML in Welsh, English, or both side by side, for one printed page.

Pure Python. Every word not the person's comes from a `Translator` for the document's language (the
interface language is never switched); dates come from CLDR in that language. The person's words are
printed exactly as written, only escaped; diagnoses and results are shown as they were told, never
interpreted. `story_section_html` is the same content as a section the consultation summary can include.
"""

from __future__ import annotations

import html

from companion.domain.agreement import agreement_text
from companion.domain.approx_date import format_approx_date
from companion.domain.medicines import Tried
from companion.domain.story import REFERRAL_STATUS_NAMES, SOURCE_TEMPLATES, SourceKind, StoryItem, StoryKind
from companion.i18n import N_, Translator, translator
from companion.i18n.formatting import format_date
from companion.reports.story_data import Shown, StoryData
from companion.reports.summary_words import communication_sentences

TITLE = N_("My story so far")

_STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8.5pt;
       color: #1a1a1a; }
p.title { font-size: 14pt; font-weight: bold; color: #1f4e5f; margin-top: 0px; margin-bottom: 2px; }
p.meta { font-size: 8.5pt; color: #444444; margin-top: 0px; margin-bottom: 4px; }
p.head { font-size: 10pt; font-weight: bold; color: #1f4e5f; margin-top: 6px; margin-bottom: 1px; }
p { margin-top: 0px; margin-bottom: 2px; }
ul { margin-top: 0px; margin-bottom: 1px; }
li { margin-bottom: 1px; }
p.own { font-style: italic; }
p.foot { font-size: 7pt; color: #444444; margin-top: 6px; }
td.col { vertical-align: top; padding-right: 8px; }
"""

SEPARATOR = " · "
PERSON_TEMPLATES = {
    StoryKind.ONSET: N_("With {person}"),
    StoryKind.DIAGNOSIS: N_("Given by {person}"),
    StoryKind.INVESTIGATION: N_("Explained by {person}"),
    StoryKind.REFERRAL: N_("Referred by {person}"),
    StoryKind.TREATMENT: N_("With {person}"),
}


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _section(title: str, body: str) -> str:
    return f'<p class="head">{_esc(title)}</p>{body}' if body else ""


def _list(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>" if lines else ""


def _left_out(tr: Translator, count: int) -> str:
    if not count:
        return ""
    text = tr.ngettext("{count} earlier entry is in my diary.", "{count} earlier entries are in my diary.", count)
    return f"<p>{_esc(text.format(count=count))}</p>"


def _source(item: StoryItem, tr: Translator) -> str:
    if item.source_kind is SourceKind.NONE or not item.source:
        return ""
    return tr(SOURCE_TEMPLATES[item.source_kind]).format(source=item.source)


def item_line(item: StoryItem, tr: Translator) -> str:
    """One item as escaped HTML: the title in bold, then its parts, each a whole phrase of its own."""
    parts = [format_approx_date(item.when, tr, tr.lang)] if item.when else []
    if item.kind is StoryKind.REFERRAL and item.status is not None:
        parts.append(tr(N_("Referral: {status}")).format(status=tr(REFERRAL_STATUS_NAMES[item.status])))
    if item.role:
        parts.append(item.role)
    if item.place:
        parts.append(item.place)
    if item.result:
        parts.append(tr(N_("Result as explained to me: {result}")).format(result=item.result))
    if item.person and item.person != item.source and item.kind in PERSON_TEMPLATES:
        parts.append(tr(PERSON_TEMPLATES[item.kind]).format(person=item.person))
    if item.contact:
        parts.append(tr(N_("Contact: {contact}")).format(contact=item.contact))
    source = _source(item, tr)
    if source:
        parts.append(source)
    if item.details:
        parts.append(item.details)
    rest = _esc(SEPARATOR.join(parts))
    return f"<b>{_esc(item.title)}</b>" + (f"{SEPARATOR}{rest}" if rest else "")


def _kind(data: StoryData, kind: StoryKind, title: str, tr: Translator) -> str:
    shown: Shown = data.by_kind.get(kind, Shown(()))
    return _section(title, _list([item_line(i, tr) for i in shown.items]) + _left_out(tr, shown.left_out))


def story_section_html(data: StoryData, tr: Translator) -> str:
    """The story part alone (diagnoses, tests, referrals, professionals) under one heading, for the
    consultation summary to include when the person ticks it (the summary helper or integrator wires it)."""
    body = (
        _kind(data, StoryKind.DIAGNOSIS, tr(N_("Diagnoses, as I was told them")), tr)
        + _kind(data, StoryKind.INVESTIGATION, tr(N_("Tests and investigations")), tr)
        + _kind(data, StoryKind.REFERRAL, tr(N_("Referrals")), tr)
        + _kind(data, StoryKind.PROFESSIONAL, tr(N_("Professionals and services I have seen")), tr)
    )
    return f"<h2>{_esc(tr(TITLE))}</h2>{body}" if body else ""


def _medicines(data: StoryData, tr: Translator) -> str:
    lines = []
    for medicine in data.medicines:
        parts = [p for p in (medicine.dose, medicine.purpose) if p]
        agreed = agreement_text(medicine.agreement, tr, tr.lang)
        if agreed:
            parts.append(agreed)
        rest = _esc(SEPARATOR.join(parts))
        lines.append(f"<b>{_esc(medicine.name)}</b>" + (f"{SEPARATOR}{rest}" if rest else ""))
    for plan, step in data.review_steps:
        text = tr(N_("Planned review “{plan}”: the step since {date} is “{step}”.")).format(
            plan=plan.title, date=format_date(step.starts_on, lang=tr.lang), step=step.text
        )
        agreed = agreement_text(plan.agreement, tr, tr.lang)
        lines.append(_esc(text + (f" {agreed}." if agreed else "")))
    body = _list(lines)
    if data.medicines_left_out:
        body += _left_out(tr, data.medicines_left_out)
    return _section(tr(N_("Medicines I take now")), body or f"<p>{_esc(tr(N_('None recorded.')))}</p>")


def _tried_line(item: Tried, tr: Translator) -> str:
    parts = []
    if item.started_on:
        parts.append(tr(N_("From {date}")).format(date=format_date(item.started_on, lang=tr.lang)))
    if item.helpfulness is not None:
        parts.append(tr(N_("How helpful: {score} out of 10")).format(score=item.helpfulness))
    if item.notes:
        parts.append(item.notes)
    rest = _esc(SEPARATOR.join(parts))
    return f"<b>{_esc(item.name)}</b>" + (f"{SEPARATOR}{rest}" if rest else "")


def _tried(data: StoryData, tr: Translator) -> str:
    lines = [_tried_line(t, tr) for t in data.tried]
    linked = {t.id for t in data.tried}
    treatments = data.by_kind.get(StoryKind.TREATMENT, Shown(()))
    lines += [item_line(i, tr) for i in treatments.items if i.tried_id not in linked]
    return _section(tr(N_("What I've tried")), _list(lines) + _left_out(tr, data.tried_left_out + treatments.left_out))


def _own(text: str) -> str:
    return "".join(f'<p class="own">{_esc(line)}</p>' for line in text.splitlines() if line.strip())


def _blocks(data: StoryData, tr: Translator) -> list[str]:
    """The page's blocks in order; each language gives the same number, so "both" can pair them row by row."""
    who = tr(N_("Name: {name}.")).format(name=data.name) + " " if data.name.strip() else ""
    made = tr(N_("Made on {date}.")).format(date=format_date(data.made_on, lang=tr.lang))
    lead = tr(N_("My own record, so that my story is told once and tests are not repeated."))
    blocks = [f'<p class="title">{_esc(tr(TITLE))}</p><p class="meta">{_esc(who + made + " " + lead)}</p>']
    wm = data.what_matters
    if wm is not None and wm.what_matters:
        blocks.append(_section(tr(N_("What matters to me")), _own(wm.what_matters)))
    needs = communication_sentences(data.communication, tr)
    if needs:
        blocks.append(_section(tr(N_("How I communicate best")), "".join(f"<p>{_esc(line)}</p>" for line in needs)))
    blocks.append(_kind(data, StoryKind.ONSET, tr(N_("How it started")), tr))
    blocks += [
        _kind(data, StoryKind.DIAGNOSIS, tr(N_("Diagnoses, as I was told them")), tr),
        _kind(data, StoryKind.INVESTIGATION, tr(N_("Tests and investigations")), tr),
        _kind(data, StoryKind.REFERRAL, tr(N_("Referrals")), tr),
        _kind(data, StoryKind.PROFESSIONAL, tr(N_("Professionals and services I have seen")), tr),
        _medicines(data, tr),
        _tried(data, tr),
    ]
    if data.is_empty:
        blocks.append(f"<p>{_esc(tr(N_('Nothing is in My story yet.')))}</p>")
    foot = tr(N_("Made with Companion from my own words. It gives no medical advice."))
    blocks.append(f'<p class="foot">{_esc(foot)}</p>')
    return [b for b in blocks if b]


def story_html(data: StoryData, language: str) -> str:
    """The whole page in "en", "cy", or "both" (Welsh on the left, English on the right, block by block)."""
    if language == "both":
        rows = "".join(
            f'<tr><td class="col" width="50%">{cy}</td><td class="col" width="50%">{en}</td></tr>'
            for cy, en in zip(_blocks(data, translator("cy")), _blocks(data, translator("en")), strict=True)
        )
        body = f'<table width="100%" cellspacing="0" cellpadding="0">{rows}</table>'
        lang_attr = "cy"
    else:
        body = "".join(_blocks(data, translator(language)))
        lang_attr = language
    head = f'<head><meta charset="utf-8"><style>{_STYLE}</style></head>'
    return f'<html lang="{lang_attr}">{head}<body>{body}</body></html>'
