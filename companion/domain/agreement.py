""" "Agreed with ... on ...": who a plan was agreed with and when, as the person writes it (the flare-up
plan, weekly action plans, medicines and medicine review plans), since plans are made together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from companion.domain.errors import ValidationError
from companion.i18n import N_

WHO_MAX_CHARS = 120


@dataclass(frozen=True)
class Agreement:
    with_whom: str = ""
    on: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return not self.with_whom and self.on is None


def validate_agreement(agreement: Agreement) -> Agreement:
    who = " ".join(agreement.with_whom.replace("\x00", "").split())
    if len(who) > WHO_MAX_CHARS:
        raise ValidationError(N_("That name is too long. Use {limit} characters or fewer."), limit=WHO_MAX_CHARS)
    if agreement.on is not None and not 1900 <= agreement.on.year <= 2200:
        raise ValidationError(N_("That date is out of range. Check the year."))
    return Agreement(who, agreement.on)


def agreement_text(agreement: Agreement, tr: object, lang: str) -> str:
    """ "Agreed with Dr Rees on 4 March 2026", or the half the person wrote; "" when neither."""
    from companion.i18n.formatting import format_date

    assert callable(tr)
    if agreement.with_whom and agreement.on:
        return str(tr(N_("Agreed with {who} on {date}"))).format(
            who=agreement.with_whom, date=format_date(agreement.on, lang=lang)
        )
    if agreement.with_whom:
        return str(tr(N_("Agreed with {who}"))).format(who=agreement.with_whom)
    if agreement.on:
        return str(tr(N_("Agreed on {date}"))).format(date=format_date(agreement.on, lang=lang))
    return ""
