"""The printable "How to help me in a flare" sheet for family, friends and carers.

Pure Python: this module builds the sheet's content as escaped HTML from a FlarePlan, in a language chosen
for the sheet (independent of the interface language). `companion.reports.pdf.render_pdf` prints it.

The person's own lines are kept exactly as they wrote them (only HTML-escaped), in whatever language they
wrote them; everything else on the sheet comes from the catalog, translated into the sheet's language.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from companion.domain.flare import SECTION_TITLES, SECTIONS, FlarePlan, Helper
from companion.i18n import LANGUAGES, N_, translator
from companion.i18n.formatting import format_date

# Sections ticked by default: what a supporter most needs to know on the day.
DEFAULT_SECTIONS: tuple[str, ...] = ("first_steps", "people", "helpful_thoughts", "medical_help")

SHEET_TITLE = N_("How to help me in a flare")
PERSON_PLAN = N_("{name}'s flare-up plan")
HELPER_NAME = N_("Name")
HELPER_HOW = N_("How they can help")
HELPER_PHONE = N_("Phone")
MADE_ON = N_("Made on {date}")
FOOTER = N_("Made with Companion. This sheet gives no medical advice.")


# QTextDocument understands a subset of CSS 2.1: keep to simple properties it supports.
_STYLE = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Liberation Sans', Arial, sans-serif; font-size: 12pt;
       color: #1a1a1a; }
h1 { font-size: 22pt; font-weight: bold; color: #1f4e5f; margin-top: 0px; margin-bottom: 6px; }
p.who { font-size: 14pt; margin-top: 0px; margin-bottom: 4px; }
p.made { font-size: 10pt; color: #555555; margin-top: 0px; margin-bottom: 8px; }
h2 { font-size: 15pt; font-weight: bold; color: #1f4e5f; margin-top: 22px; margin-bottom: 8px; }
ul { margin-top: 0px; margin-bottom: 0px; }
li { margin-bottom: 6px; line-height: 125%; }
table.helpers { border-collapse: collapse; margin-top: 4px; margin-bottom: 14px; }
th { background-color: #e3eef1; font-weight: bold; text-align: left; }
p.footer { font-size: 9pt; color: #555555; margin-top: 36px; }
"""


def _tr(language: str, message: str) -> str:
    """The sheet's own language, from its own catalog (the interface's language is never switched)."""
    return translator(language).gettext(message)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def made_on_text(language: str, day: dt.date) -> str:
    """'Made on 6 January 2025' / the Welsh equivalent, with the month name from CLDR."""
    date = format_date(day, lang=language)
    return _tr(language, MADE_ON).format(date=date)


def _lines_html(lines: Iterable[str]) -> str:
    items = "".join(f"<li>{_esc(line)}</li>" for line in lines)
    return f"<ul>{items}</ul>" if items else ""


def _helpers_html(helpers: tuple[Helper, ...], language: str) -> str:
    if not helpers:
        return ""
    head = "".join(f"<th>{_esc(_tr(language, msgid))}</th>" for msgid in (HELPER_NAME, HELPER_HOW, HELPER_PHONE))
    rows = "".join(
        f"<tr><td><b>{_esc(h.name)}</b></td><td>{_esc(h.how)}</td><td>{_esc(h.phone)}</td></tr>" for h in helpers
    )
    return (
        '<table class="helpers" width="100%" border="1" cellspacing="0" cellpadding="6" '
        'style="border-color: #9bb7bf;">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def build_supporter_html(
    plan: FlarePlan,
    sections: list[str],
    language: str,
    person_name: str = "",
    *,
    made_on: dt.date,
) -> str:
    """The sheet as a complete HTML document, in `language` ("cy" or "en").

    `sections` names the parts of the plan to include (keys of SECTIONS); they appear in the plan's own
    order whatever order they are given in. A chosen section with nothing written in it is left out, so a
    supporter never sees an empty heading. The helpers table comes with "people". `made_on` is today by
    the session's clock.
    """
    unknown = [key for key in sections if key not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown flare-plan sections: {unknown}")
    if language not in LANGUAGES:
        raise ValueError(f"unknown sheet language: {language!r}")
    chosen = set(sections)
    name = " ".join(person_name.split())

    parts = [f"<h1>{_esc(_tr(language, SHEET_TITLE))}</h1>"]
    if name:
        parts.append(f'<p class="who">{_esc(_tr(language, PERSON_PLAN).format(name=name))}</p>')
    parts.append(f'<p class="made">{_esc(made_on_text(language, made_on))}</p>')
    for key in SECTIONS:
        if key not in chosen:
            continue
        body = _lines_html(plan.lines(key))
        if key == "people":
            body += _helpers_html(plan.helpers, language)
        if not body:
            continue
        parts.append(f"<h2>{_esc(_tr(language, SECTION_TITLES[key]))}</h2>{body}")
    parts.append(f'<p class="footer">{_esc(_tr(language, FOOTER))}</p>')
    title = _esc(_tr(language, SHEET_TITLE))
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"
    )
