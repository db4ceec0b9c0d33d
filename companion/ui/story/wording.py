"""How the story screens word an entry, an appointment and a decision on screen: each line a whole phrase
with named placeholders (the person's own words never follow a word that would mutate them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule
from companion.domain.approx_date import format_approx_date
from companion.domain.story import KIND_NAMES, REFERRAL_STATUS_NAMES, SOURCE_TEMPLATES, SourceKind, StoryItem
from companion.i18n import N_
from companion.i18n.formatting import format_date, format_time
from companion.reports.story_html import PERSON_TEMPLATES

Tr = Callable[[str], str]
SEPARATOR = " · "


def item_lines(item: StoryItem, tr: Tr, lang: str, tried_names: dict[str, str]) -> list[str]:
    """An entry as the timeline shows it: its date (as precisely as written), kind and title, then its parts."""
    when = format_approx_date(item.when, tr, lang)
    lines = [tr(N_("{date} · {kind}: {title}")).format(date=when, kind=tr(KIND_NAMES[item.kind]), title=item.title)]
    parts = []
    if item.status is not None:
        parts.append(tr(N_("Where it stands: {status}")).format(status=tr(REFERRAL_STATUS_NAMES[item.status])))
    parts += [p for p in (item.role, item.place) if p]
    if item.person and item.kind in PERSON_TEMPLATES and item.person != item.source:
        parts.append(tr(PERSON_TEMPLATES[item.kind]).format(person=item.person))
    if item.source_kind is not SourceKind.NONE and item.source:
        parts.append(tr(SOURCE_TEMPLATES[item.source_kind]).format(source=item.source))
    if item.contact:
        parts.append(tr(N_("Contact: {contact}")).format(contact=item.contact))
    if item.tried_id and item.tried_id in tried_names:
        parts.append(tr(N_("In What I've tried: {name}")).format(name=tried_names[item.tried_id]))
    if parts:
        lines.append(SEPARATOR.join(parts))
    if item.result:
        lines.append(tr(N_("Result as explained to me: {result}")).format(result=item.result))
    if item.details:
        lines.append(item.details)
    return lines


def when_text(moment: dt.datetime, lang: str) -> str:
    return f"{format_date(moment.date(), lang=lang)}, {format_time(moment, lang=lang)}"


def appointment_title(appointment: Appointment, tr: Tr, lang: str) -> str:
    """ "4 March 2026, 10:30 · Dr Rees (GP) · The surgery"; the parts the person gave."""
    parts = [when_text(appointment.when, lang)]
    if appointment.who and appointment.role:
        parts.append(tr(N_("{who} ({role})")).format(who=appointment.who, role=appointment.role))
    else:
        parts += [p for p in (appointment.who, appointment.role) if p]
    if appointment.place:
        parts.append(appointment.place)
    return SEPARATOR.join(parts)


def appointment_lines(appointment: Appointment, tr: Tr, lang: str, *, upcoming: bool) -> list[str]:
    lines = [appointment_title(appointment, tr, lang)]
    if appointment.why:
        lines.append(tr(N_("Why: {why}")).format(why=appointment.why))
    if upcoming:
        if appointment.top_three:
            lines.append(tr(N_("To raise: {items}")).format(items="; ".join(appointment.top_three)))
    elif appointment.attended:
        if appointment.decided:
            lines.append(tr(N_("What we decided: {decided}")).format(decided=appointment.decided))
        elif appointment.told:
            lines.append(tr(N_("What I was told: {told}")).format(told=appointment.told))
    else:
        lines.append(tr(N_("What happened is not written down yet.")))
    return lines


RULE_WATCHED = {
    FollowUpRule.PEG_RISE: N_(
        "Companion watches: my weekly pain check (PEG) up by at least 30 %, three weeks running."
    ),
    FollowUpRule.NEW_REGION: N_("Companion watches: pain somewhere I have not had it before."),
}


def watched_text(reason: FollowUpReason, tr: Tr) -> str:
    """What Companion watches for a reason, in words ("" for words it cannot measure)."""
    if reason.rule is FollowUpRule.FLARE_LONGER and reason.days is not None:
        return tr(N_("Companion watches: a flare-up longer than {days} days.")).format(days=reason.days)
    if reason.rule is FollowUpRule.PAIN_ABOVE and reason.level is not None and reason.weeks is not None:
        return tr(N_("Companion watches: my average pain above {level} for {weeks} weeks.")).format(
            level=reason.level, weeks=reason.weeks
        )
    return tr(RULE_WATCHED[reason.rule]) if reason.rule in RULE_WATCHED else ""


def appointment_details(appointment: Appointment, tr: Tr, lang: str) -> list[str]:
    """Everything written about an appointment, one whole phrase a line, for the panel's details."""
    lines = [appointment_title(appointment, tr, lang)]
    if appointment.why:
        lines.append(tr(N_("Why: {why}")).format(why=appointment.why))
    if appointment.contact:
        lines.append(tr(N_("How to ask for a follow-up: {contact}")).format(contact=appointment.contact))
    for number, text in enumerate(appointment.top_three, start=1):
        lines.append(tr(N_("To raise {n}: {text}")).format(n=number, text=text))
    for question in appointment.questions:
        lines.append(tr(N_("Question: {question}")).format(question=question))
    if appointment.told:
        lines.append(tr(N_("What I was told: {told}")).format(told=appointment.told))
    if appointment.decided:
        lines.append(tr(N_("What we decided: {decided}")).format(decided=appointment.decided))
    for step in appointment.next_steps:
        if step.who:
            lines.append(tr(N_("Next step: {what} (who: {who})")).format(what=step.what, who=step.who))
        else:
            lines.append(tr(N_("Next step: {what}")).format(what=step.what))
    if appointment.follow_up:
        lines.append(tr(N_("When I will ask for a follow-up: {words}")).format(words=appointment.follow_up))
    for reason in appointment.reasons:
        lines.append(tr(N_("I will ask for a follow-up if: {words}")).format(words=reason.words))
        watched = watched_text(reason, tr)
        if watched:
            lines.append(watched)
    return lines
