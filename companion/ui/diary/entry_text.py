"""Describe one check-in in plain, translated sentences: one whole sentence per line, then the note."""

from __future__ import annotations

from companion.domain.body import REGION_BY_CODE, PainType
from companion.domain.checkin import Checkin, RegionPain, TagKind, TagRating
from companion.i18n import _, ngettext, pgettext
from companion.i18n.formatting import format_decimal

# CLDR: a number with a fraction ("7.5 hours") takes the "other" plural form in English and in Welsh.
# gettext only accepts whole numbers, so fractions are looked up with a whole number in that form.
_OTHER_FORM = 100


def plural_count(value: float) -> int:
    """The whole number to give ngettext for `value` (which may have a fraction)."""
    return int(value) if float(value).is_integer() else _OTHER_FORM


def format_hours(hours: float) -> str:
    """7 → "7", 7.5 → "7.5", 7.25 → "7.25" (sleep is stored in quarter hours), in the active language."""
    value = float(hours)
    digits = 0 if value.is_integer() else 1 if (value * 2).is_integer() else 2
    return format_decimal(value, digits)


def pain_type_in_phrase(pain_type: PainType) -> str:
    """The kind of pain as it reads inside a phrase ("aching", not the button label "Aching")."""
    names = {
        PainType.ACHING: pgettext("pain type in a phrase", "aching"),
        PainType.BURNING: pgettext("pain type in a phrase", "burning"),
        PainType.STABBING: pgettext("pain type in a phrase", "stabbing"),
        PainType.THROBBING: pgettext("pain type in a phrase", "throbbing"),
        PainType.SHOOTING: pgettext("pain type in a phrase", "shooting"),
        PainType.TINGLING: pgettext("pain type in a phrase", "tingling"),
        PainType.OTHER: pgettext("pain type in a phrase", "another kind of pain"),
    }
    return names[PainType(pain_type)]


def place_phrase(region: RegionPain) -> str:
    known = REGION_BY_CODE.get(region.region)
    place = _(known.name) if known else region.region
    kind = pain_type_in_phrase(region.pain_type) if region.pain_type is not None else ""
    if region.intensity is not None and kind:
        return _("{place} ({intensity} out of 10, {type})").format(place=place, intensity=region.intensity, type=kind)
    if region.intensity is not None:
        return _("{place} ({intensity} out of 10)").format(place=place, intensity=region.intensity)
    if kind:
        return _("{place} ({type})").format(place=place, type=kind)
    return place


def tag_phrase(tag: TagRating) -> str:
    if tag.rating is None:
        return tag.name
    return _("{tag} (rated {rating} out of 4)").format(tag=tag.name, rating=tag.rating)


def sleep_sentence(quality: int | None, hours: float | None) -> str:
    if quality is not None and hours is not None:
        return ngettext(
            "Sleep: quality {quality} out of 10, {hours} hour",
            "Sleep: quality {quality} out of 10, {hours} hours",
            plural_count(hours),
        ).format(quality=quality, hours=format_hours(hours))
    if quality is not None:
        return _("Sleep: quality {quality} out of 10").format(quality=quality)
    if hours is not None:
        return ngettext("Sleep: {hours} hour", "Sleep: {hours} hours", plural_count(hours)).format(
            hours=format_hours(hours)
        )
    return ""


def _tags_sentence(kind: TagKind, names: str) -> str:
    if kind is TagKind.DID:
        return _("What I did: {tags}").format(tags=names)
    if kind is TagKind.HELPED:
        return _("What helped: {tags}").format(tags=names)
    return _("What made it worse: {tags}").format(tags=names)


def describe_lines(checkin: Checkin) -> list[str]:
    """Each recorded part of the check-in as one whole translated sentence; the note last, as typed."""
    lines: list[str] = []
    if checkin.pain is not None:
        lines.append(_("Pain {score} out of 10").format(score=checkin.pain))
    if checkin.regions:
        # A list of whole translated phrases joined by a comma: safe in Welsh (no mutation across it).
        lines.append(_("Places: {places}").format(places=_(", ").join(place_phrase(r) for r in checkin.regions)))
    sleep = sleep_sentence(checkin.sleep_quality, checkin.sleep_hours)
    if sleep:
        lines.append(sleep)
    if checkin.mood is not None:
        lines.append(_("Mood {score} out of 10").format(score=checkin.mood))
    if checkin.fatigue is not None:
        lines.append(_("Tiredness {score} out of 10").format(score=checkin.fatigue))
    for kind in (TagKind.DID, TagKind.HELPED, TagKind.WORSE):
        chosen = [tag_phrase(t) for t in checkin.tags if t.kind is kind]
        if chosen:
            lines.append(_tags_sentence(kind, _(", ").join(chosen)))
    if checkin.note:
        lines.append(checkin.note)
    return lines


def describe_checkin(checkin: Checkin) -> str:
    """A readable multi-line description of a check-in in the active language."""
    return "\n".join(describe_lines(checkin))
