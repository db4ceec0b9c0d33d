"""Stored flare episodes and the flare-up plan (kept as versioned JSON inside the encrypted diary)."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from companion.domain.agreement import Agreement
from companion.domain.flare import FlareEpisode, FlarePlan, Helper
from companion.storage.models import FlareEpisodeRow, SettingRow
from companion.storage.repositories import from_row_times, to_row_times

PLAN_KEY = "flare.plan"
PLAN_VERSION = 1


def _episode(row: FlareEpisodeRow) -> FlareEpisode:
    ended = None
    if row.ended_at_utc is not None and row.ended_offset_minutes is not None:
        ended = from_row_times(row.ended_at_utc, row.ended_offset_minutes)
    return FlareEpisode(
        id=row.id,
        started_at=from_row_times(row.started_at_utc, row.started_offset_minutes),
        ended_at=ended,
        peak_pain=row.peak_pain,
        triggers=row.triggers,
        helped=row.helped,
        change_next_time=row.change_next_time,
        reviewed=row.reviewed,
    )


class FlareRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- plan ---

    def plan(self) -> FlarePlan | None:
        row = self._session.get(SettingRow, PLAN_KEY)
        if row is None or not row.value:
            return None
        raw = json.loads(row.value)
        return FlarePlan(
            sections={k: tuple(v) for k, v in raw.get("sections", {}).items()},
            helpers=tuple(
                Helper(h.get("name", ""), h.get("how", ""), h.get("phone", "")) for h in raw.get("helpers", [])
            ),
            review_date=dt.date.fromisoformat(raw["review_date"]) if raw.get("review_date") else None,
            updated_on=dt.date.fromisoformat(raw["updated_on"]) if raw.get("updated_on") else None,
            agreement=Agreement(
                str(raw.get("agreed_with") or ""),
                dt.date.fromisoformat(raw["agreed_on"]) if raw.get("agreed_on") else None,
            ),
        )

    def save_plan(self, plan: FlarePlan) -> None:
        payload = {
            "version": PLAN_VERSION,
            "sections": {k: list(v) for k, v in plan.sections.items()},
            "helpers": [{"name": h.name, "how": h.how, "phone": h.phone} for h in plan.helpers],
            "review_date": plan.review_date.isoformat() if plan.review_date else None,
            "updated_on": plan.updated_on.isoformat() if plan.updated_on else None,
            "agreed_with": plan.agreement.with_whom,
            "agreed_on": plan.agreement.on.isoformat() if plan.agreement.on else None,
        }
        text = json.dumps(payload, ensure_ascii=False)
        row = self._session.get(SettingRow, PLAN_KEY)
        if row is None:
            self._session.add(SettingRow(key=PLAN_KEY, value=text))
        else:
            row.value = text

    # --- episodes ---

    def add(self, episode: FlareEpisode) -> None:
        utc, offset = to_row_times(episode.started_at)
        self._session.add(FlareEpisodeRow(id=episode.id, started_at_utc=utc, started_offset_minutes=offset))
        self._session.flush()
        self.update(episode)

    def update(self, episode: FlareEpisode) -> bool:
        row = self._session.get(FlareEpisodeRow, episode.id)
        if row is None:
            return False
        row.started_at_utc, row.started_offset_minutes = to_row_times(episode.started_at)
        if episode.ended_at is None:
            row.ended_at_utc = row.ended_offset_minutes = None
        else:
            row.ended_at_utc, row.ended_offset_minutes = to_row_times(episode.ended_at)
        row.peak_pain = episode.peak_pain
        row.triggers = episode.triggers
        row.helped = episode.helped
        row.change_next_time = episode.change_next_time
        row.reviewed = episode.reviewed
        return True

    def get(self, episode_id: str) -> FlareEpisode | None:
        row = self._session.get(FlareEpisodeRow, episode_id)
        return _episode(row) if row else None

    def all(self) -> list[FlareEpisode]:
        rows = self._session.scalars(select(FlareEpisodeRow).order_by(FlareEpisodeRow.started_at_utc))
        return [_episode(r) for r in rows]
