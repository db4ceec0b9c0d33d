"""A past flare-up in words, as the plan page's list and the review dialog show it (Qt-free)."""

from __future__ import annotations

import datetime as dt

from companion.domain.flare import FlareEpisode
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date


def flare_when(episode: FlareEpisode, now: dt.datetime) -> str:
    """When an ended flare was and how many calendar days it touched, as one sentence."""
    start = episode.started_at.date()
    end = (episode.ended_at or now).date()
    if start == end:
        return _("{date}, within one day.").format(date=format_date(start))
    days = len(episode.days(now))
    return ngettext("{start} to {end}: {n} day.", "{start} to {end}: {n} days.", days).format(
        start=format_date(start), end=format_date(end), n=days
    )


def flare_sentences(episode: FlareEpisode, now: dt.datetime) -> list[str]:
    """Whole sentences about a past flare: when, the highest pain noted, whether it has a review."""
    lines = [flare_when(episode, now)]
    if episode.peak_pain is not None:
        lines.append(_("Highest pain noted: {score} out of 10.").format(score=episode.peak_pain))
    written = any(text.strip() for text in (episode.triggers, episode.helped, episode.change_next_time))
    lines.append(_("You wrote a review afterwards.") if written else _("No review written yet."))
    return lines
