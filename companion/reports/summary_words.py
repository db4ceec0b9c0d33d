"""Sentences the summary says about a comparison, each whole in the catalog (Welsh mutates after numbers and
prepositions, so no sentence is built from pieces). The figures' rules are in docs/summary.md."""

from __future__ import annotations

from companion.domain.summary import Communication, ConsultationLanguage
from companion.domain.trends import ChangeBand
from companion.i18n import N_, Translator
from companion.i18n.formatting import format_decimal
from companion.reports.summary_data import MIN_DAYS_TO_COMPARE, Comparison, Outcome

TITLE = N_("Summary for my appointment")
SUBJECT = N_("What matters to me, my questions, and my diary's figures for {start} to {end}")
FOOTER_LINE = N_("Page {page} of {pages} · made on {date}")


def _pain(comparison: Comparison, tr: Translator) -> str:
    percent = comparison.percent
    band = comparison.band
    if band is ChangeBand.MUCH_BETTER:
        return tr.gettext("Pain is {percent} % lower: a substantial improvement by the IMMPACT bands.").format(
            percent=percent
        )
    if band is ChangeBand.BETTER:
        return tr.gettext("Pain is {percent} % lower: a moderately important improvement by the IMMPACT bands.").format(
            percent=percent
        )
    if band is ChangeBand.WORSE:
        return tr.gettext("Pain is {percent} % higher: an important worsening by the IMMPACT bands.").format(
            percent=percent
        )
    return tr.gettext("Pain changed by less than 30 %: not an important change by the IMMPACT bands.")


def _peg(comparison: Comparison, tr: Translator) -> str:
    percent = comparison.percent
    band = comparison.band
    if band is ChangeBand.MUCH_BETTER:
        return tr.gettext(
            "From the first PEG answer in the period to the latest, PEG is {percent} % lower: a substantial "
            "improvement by the IMMPACT bands."
        ).format(percent=percent)
    if band is ChangeBand.BETTER:
        return tr.gettext(
            "From the first PEG answer in the period to the latest, PEG is {percent} % lower: a moderately "
            "important improvement by the IMMPACT bands."
        ).format(percent=percent)
    if band is ChangeBand.WORSE:
        return tr.gettext(
            "From the first PEG answer in the period to the latest, PEG is {percent} % higher: an important "
            "worsening by the IMMPACT bands."
        ).format(percent=percent)
    return tr.gettext(
        "From the first PEG answer in the period to the latest, PEG changed by less than 30 %: not an important "
        "change by the IMMPACT bands."
    )


def comparison_sentence(comparison: Comparison, what: str, tr: Translator) -> str:
    """`what` is "pain" (against the days before) or "peg" (the first answer in the period to the latest)."""
    after = format_decimal(comparison.after, lang=tr.lang) if comparison.after is not None else ""
    zero = format_decimal(0, lang=tr.lang)
    outcome = comparison.outcome
    if what == "pain":
        if outcome is Outcome.SHORT_PERIOD:
            return tr.gettext("The period is under a week, too short to compare pain with the days before.")
        if outcome is Outcome.TOO_FEW:
            return tr.gettext(
                "Not enough entries to compare pain with the days before: at least {needed} days with a pain score "
                "are needed in each."
            ).format(needed=MIN_DAYS_TO_COMPARE)
        if outcome is Outcome.FROM_ZERO:
            if comparison.after == 0:
                return tr.gettext("Pain was {zero} in both periods.").format(zero=zero)
            return tr.gettext("Pain went from {zero} to {after}; a change from 0 has no percentage.").format(
                zero=zero, after=after
            )
        return _pain(comparison, tr)
    if outcome is Outcome.TOO_FEW or outcome is Outcome.SHORT_PERIOD:
        return tr.gettext("Not enough PEG answers to compare: two, a week or more apart, are needed.")
    if outcome is Outcome.FROM_ZERO:
        if comparison.after == 0:
            return tr.gettext("PEG was {zero} at the first answer in the period and at the latest.").format(zero=zero)
        return tr.gettext(
            "PEG went from {zero} at the first answer in the period to {after} at the latest; a change from 0 has "
            "no percentage."
        ).format(zero=zero, after=after)
    return _peg(comparison, tr)


def communication_sentences(needs: Communication, tr: Translator) -> list[str]:
    """ "How I communicate best" in whole sentences, the person's own words kept as written (shared by the
    summary and "My story so far")."""
    lines = []
    if needs.language is ConsultationLanguage.WELSH:
        lines.append(tr.gettext("I would like the appointment in Welsh."))
    elif needs.language is ConsultationLanguage.ENGLISH:
        lines.append(tr.gettext("I would like the appointment in English."))
    elif needs.language is ConsultationLanguage.OTHER and needs.language_other.strip():
        lines.append(
            tr.gettext("I would like the appointment in {language}.").format(language=needs.language_other.strip())
        )
    if needs.bsl:
        lines.append(tr.gettext("I use British Sign Language (BSL) and need a BSL interpreter."))
    if needs.interpreter.strip():
        lines.append(tr.gettext("I need an interpreter for {language}.").format(language=needs.interpreter.strip()))
    if needs.someone_with_me.strip():
        lines.append(tr.gettext("Someone coming with me: {who}").format(who=needs.someone_with_me.strip()))
    if needs.large_print:
        lines.append(tr.gettext("Please give me written information in large print."))
    if needs.other.strip():
        lines.append(tr.gettext("Also: {other}").format(other=needs.other.strip()))
    return lines
