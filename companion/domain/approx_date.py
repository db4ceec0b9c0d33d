"""Dates as people remember them: a year, a month, a day, any of them "about", sortable and shown honestly.

A story item may be dated "2019", "about March 2019" or "4 March 2019". The date keeps exactly what the
person knew: nothing is filled in, nothing is shown more precisely than it was written. `sort_key` puts a
year before its months and a month before its days, so "2019" comes before "March 2019" on a timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from companion.domain.errors import ValidationError
from companion.i18n import N_

YEAR_MIN, YEAR_MAX = 1900, 2200

# Words that mark a date as approximate, in either language (lower case).
_ABOUT_WORDS = (
    "about",
    "around",
    "approx.",
    "approx",
    "approximately",
    "circa",
    "c.",
    "ca.",
    "~",
    "tua",
    "oddeutu",
    "rhyw",
)


@dataclass(frozen=True, order=False)
class ApproxDate:
    year: int
    month: int | None = None
    day: int | None = None
    about: bool = False

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def earliest(self) -> dt.date:
        """The first day the date could mean (for comparisons with dated diary records)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def to_text(self) -> str:
        """A stable machine form for storage and export: "2019", "2019-03", "2019-03-04", "~" in front if about."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return ("~" if self.about else "") + text

    @classmethod
    def from_text(cls, text: str) -> ApproxDate:
        """Reads `to_text`'s form back; raises ValidationError on anything else."""
        match = re.fullmatch(r"(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if match is None:
            raise ValidationError(N_("That date can't be read. Write a year, a month and year, or a whole date."))
        about, year, month, day = match.groups()
        return validate_approx_date(
            cls(int(year), int(month) if month else None, int(day) if day else None, bool(about))
        )

    @classmethod
    def of(cls, day: dt.date) -> ApproxDate:
        return cls(day.year, day.month, day.day)


def validate_approx_date(value: ApproxDate) -> ApproxDate:
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValidationError(N_("That date is out of range. Check the year."))
    if value.month is None and value.day is not None:
        raise ValidationError(N_("A day needs its month. Write the month too, or leave the day out."))
    if value.month is not None and not 1 <= value.month <= 12:
        raise ValidationError(N_("There is no such month. Check the month."))
    if value.day is not None:
        try:
            dt.date(value.year, value.month or 1, value.day)
        except ValueError:
            raise ValidationError(N_("There is no such day in that month. Check the date.")) from None
    return value


def format_approx_date(value: ApproxDate | None, tr: object, lang: str) -> str:
    """The date as precisely as it was written, in `lang` ("about March 2019" / "tua mis Mawrth 2019").
    `tr` is the gettext to use (`_` or a Translator)."""
    from companion.i18n.formatting import format_date, format_month  # the documented date forms

    assert callable(tr)
    if value is None:
        return str(tr(N_("Date not known")))
    if value.month is None:
        shown = str(value.year)
        return str(tr(N_("about {year}"))).format(year=shown) if value.about else shown
    if value.day is None:
        shown = format_month(dt.date(value.year, value.month, 1), lang=lang)
        return str(tr(N_("about {month_and_year}"))).format(month_and_year=shown) if value.about else shown
    shown = format_date(dt.date(value.year, value.month, value.day), lang=lang)
    return str(tr(N_("about {date}"))).format(date=shown) if value.about else shown


def _month_names() -> dict[str, int]:
    from babel import dates as babel_dates

    names: dict[str, int] = {}
    for loc in ("en_GB", "cy_GB"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in babel_dates.get_month_names(width, context=context, locale=loc).items():
                    names[str(name).casefold().rstrip(".")] = int(number)
    return names


def parse_approx_date(text: str) -> ApproxDate | None:
    """What a person types, in English or Welsh: "2019", "about 2019", "March 2019", "tua mis Mawrth 2019",
    "4 March 2019", "2019-03", "03/2019", "4/3/2019" (day first). Empty gives None; anything else raises
    ValidationError with a translated message."""
    words = " ".join(text.replace(",", " ").split()).casefold()
    if not words:
        return None
    about = False
    for word in sorted(_ABOUT_WORDS, key=len, reverse=True):
        if words.startswith(word):
            about, words = True, words[len(word) :].strip()
            break
    if words.startswith("mis "):
        words = words[4:]
    iso = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", words)
    slashed = re.fullmatch(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})", words)
    named = re.fullmatch(r"(?:(\d{1,2})\s+)?([^\d\s]+)\s+(\d{4})", words)
    if iso:
        year, month, day = iso.group(1), iso.group(2), iso.group(3)
    elif slashed:
        day, month, year = slashed.group(1), slashed.group(2), slashed.group(3)
    elif named and named.group(2).rstrip(".") in _month_names():
        day, year = named.group(1), named.group(3)
        month = str(_month_names()[named.group(2).rstrip(".")])
    else:
        raise ValidationError(
            N_('That date can\'t be read. Write a year ("2019"), a month ("March 2019") or a date ("4 March 2019").')
        )
    return validate_approx_date(ApproxDate(int(year), int(month) if month else None, int(day) if day else None, about))
