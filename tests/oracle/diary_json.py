"""Diaries written directly in the documented JSON export format (docs/export-format.md), so that a fixture
sets every time and UTC offset itself; `load` imports one into a real vault, replacing what was there."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

from companion.services import transfer
from companion.services.session import DiarySession

TABLES = (
    "diary_settings",
    "pain_entries",
    "entry_regions",
    "tags",
    "entry_tags",
    "peg_responses",
    "mood_screens",
    "flare_episodes",
    "pacing_activities",
    "tolerance_tests",
    "pacing_plan_changes",
    "activity_logs",
    "what_matters",
    "goals",
    "goal_steps",
    "goal_ratings",
    "action_plans",
    "action_plan_ticks",
    "medicines",
    "medicine_ratings",
    "medicine_doses",
    "treatments_tried",
    "support_entries",
)
_ids = itertools.count(1)


def new_id(prefix: str = "x") -> str:
    return f"{prefix}-{next(_ids):08d}"


def utc(local: dt.datetime, offset_minutes: int) -> str:
    """The UTC text of a local wall-clock time lived at `offset_minutes`."""
    return (local - dt.timedelta(minutes=offset_minutes)).isoformat()


class Diary:
    """Rows of an export, added by what a person did: check-ins, PEG answers, flare-ups, pacing, goals..."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}

    def setting(self, key: str, value: str) -> None:
        self.tables["diary_settings"].append({"key": key, "value": value})

    def checkin(
        self,
        at: dt.datetime,
        offset: int = 0,
        *,
        pain: int | None = None,
        sleep_quality: int | None = None,
        sleep_hours: float | None = None,
        mood: int | None = None,
        fatigue: int | None = None,
        note: str = "",
    ) -> None:
        stamp = utc(at, offset)
        self.tables["pain_entries"].append(
            {
                "id": new_id("c"),
                "recorded_at_utc": stamp,
                "utc_offset_minutes": offset,
                "score": pain,
                "note": note,
                "sleep_quality": sleep_quality,
                "sleep_hours": sleep_hours,
                "mood": mood,
                "fatigue": fatigue,
                "created_at_utc": stamp,
                "updated_at_utc": stamp,
            }
        )

    def peg(self, at: dt.datetime, items: tuple[int, int, int], offset: int = 0) -> None:
        self.tables["peg_responses"].append(
            {
                "id": new_id("p"),
                "taken_at_utc": utc(at, offset),
                "utc_offset_minutes": offset,
                "pain_average": items[0],
                "enjoyment": items[1],
                "activity": items[2],
            }
        )

    def flare(
        self, started: dt.datetime, ended: dt.datetime | None, offset: int = 0, helped: str = "", end_offset: int = 0
    ) -> None:
        self.tables["flare_episodes"].append(
            {
                "id": new_id("f"),
                "started_at_utc": utc(started, offset),
                "started_offset_minutes": offset,
                "ended_at_utc": utc(ended, end_offset) if ended else None,
                "ended_offset_minutes": end_offset if ended else None,
                "peak_pain": None,
                "triggers": "",
                "helped": helped,
                "change_next_time": "",
                "reviewed": bool(helped),
            }
        )

    def activity(
        self,
        name: str,
        *,
        unit: str = "minutes",
        days: str = "0123456",
        increase: tuple[str, float] = ("none", 0.0),
        ceiling: float | None = None,
        archived: bool = False,
    ) -> str:
        activity_id = new_id("a")
        self.tables["pacing_activities"].append(
            {
                "id": activity_id,
                "name": name,
                "unit": unit,
                "own_unit": "",
                "planned_days": days,
                "increase_kind": increase[0],
                "increase_value": increase[1],
                "ceiling": ceiling,
                "rest_every_minutes": None,
                "rest_minutes": 2,
                "baseline": None,
                "baseline_method": None,
                "archived": archived,
                "position": len(self.tables["pacing_activities"]),
                "created_at_utc": "2020-01-01T00:00:00",
            }
        )
        return activity_id

    def plan(self, activity_id: str, starts_on: dt.date, amount: float, kind: str = "start") -> None:
        self.tables["pacing_plan_changes"].append(
            {
                "id": new_id("pc"),
                "activity_id": activity_id,
                "starts_on": starts_on.isoformat(),
                "amount": amount,
                "kind": kind,
                "resume_amount": None,
                "flare_id": None,
                "created_at_utc": f"{starts_on.isoformat()}T00:00:00",
            }
        )

    def log(self, activity_id: str, day: dt.date, amount: float) -> None:
        self.tables["activity_logs"].append(
            {
                "id": new_id("l"),
                "activity_id": activity_id,
                "day": day.isoformat(),
                "logged_at_utc": f"{day.isoformat()}T12:00:00",
                "utc_offset_minutes": 0,
                "amount": amount,
                "source": "manual",
                "note": "",
            }
        )

    def goal(
        self,
        title: str,
        created: dt.datetime,
        *,
        status: str = "active",
        steps: tuple[dt.date | None, ...] = (),
        ratings: tuple[tuple[dt.datetime, int, int], ...] = (),
    ) -> None:
        goal_id = new_id("g")
        self.tables["goals"].append(
            {
                "id": goal_id,
                "title": title,
                "why": "",
                "target_date": None,
                "status": status,
                "position": len(self.tables["goals"]),
                "created_at_utc": created.isoformat(),
            }
        )
        for position, done in enumerate(steps):
            self.tables["goal_steps"].append(
                {
                    "id": new_id("s"),
                    "goal_id": goal_id,
                    "text": f"Step {'abcdefghij'[position % 10]}",
                    "done_on": done.isoformat() if done else None,
                    "position": position,
                }
            )
        for at, offset, rating in ratings:
            self.tables["goal_ratings"].append(
                {
                    "id": new_id("gr"),
                    "goal_id": goal_id,
                    "rated_at_utc": utc(at, offset),
                    "utc_offset_minutes": offset,
                    "rating": rating,
                }
            )

    def action_plan(self, monday: dt.date, days: str, ticked: tuple[dt.date, ...] = ()) -> None:
        plan_id = new_id("ap")
        self.tables["action_plans"].append(
            {
                "id": plan_id,
                "goal_id": None,
                "week_start": monday.isoformat(),
                "what": "Walk to the gate",
                "how_much": "",
                "when_text": "",
                "days": days,
                "confidence": 7,
                "created_at_utc": f"{monday.isoformat()}T09:00:00",
                "outcome": None,
                "got_in_the_way": "",
                "next_step": "",
                "checked_back_at_utc": None,
            }
        )
        for day in ticked:
            self.tables["action_plan_ticks"].append({"plan_id": plan_id, "day": day.isoformat()})

    def medicine(
        self,
        name: str,
        *,
        kind: str = "regular",
        started: dt.date | None = None,
        stopped: dt.date | None = None,
        dose: str = "one tablet",
        purpose: str = "pain",
        review_group: str = "none",
        next_review: dt.date | None = None,
        last_reviewed: dt.date | None = None,
        created: str = "2020-01-01T00:00:00",
    ) -> str:
        medicine_id = new_id("m")
        self.tables["medicines"].append(
            {
                "id": medicine_id,
                "name": name,
                "purpose": purpose,
                "kind": kind,
                "dose": dose,
                "started_on": started.isoformat() if started else None,
                "stopped_on": stopped.isoformat() if stopped else None,
                "prescriber": "",
                "next_review": next_review.isoformat() if next_review else None,
                "last_reviewed": last_reviewed.isoformat() if last_reviewed else None,
                "review_group": review_group,
                "notes": "",
                "created_at_utc": created,
            }
        )
        return medicine_id

    def rate_medicine(
        self, medicine_id: str, at: dt.datetime, helpfulness: int | None, effects: str = "", offset: int = 0
    ) -> None:
        self.tables["medicine_ratings"].append(
            {
                "id": new_id("mr"),
                "medicine_id": medicine_id,
                "rated_at_utc": utc(at, offset),
                "utc_offset_minutes": offset,
                "helpfulness": helpfulness,
                "side_effects": effects,
            }
        )

    def dose(self, medicine_id: str, at: dt.datetime, offset: int = 0) -> None:
        self.tables["medicine_doses"].append(
            {
                "id": new_id("d"),
                "medicine_id": medicine_id,
                "taken_at_utc": utc(at, offset),
                "utc_offset_minutes": offset,
                "note": "",
            }
        )

    def tried(self, name: str, helpfulness: int | None, started: dt.date | None = None) -> None:
        self.tables["treatments_tried"].append(
            {
                "id": new_id("t"),
                "name": name,
                "started_on": started.isoformat() if started else None,
                "ended_on": None,
                "helpfulness": helpfulness,
                "notes": "",
                "created_at_utc": f"2020-01-01T00:00:{len(self.tables['treatments_tried']):02d}",
            }
        )

    def what_matters(self, text: str, good_day: str = "") -> None:
        self.tables["what_matters"].append(
            {
                "id": new_id("w"),
                "written_at_utc": "2020-01-01T00:00:00",
                "utc_offset_minutes": 0,
                "what_matters": text,
                "good_day": good_day,
            }
        )

    def export(self) -> dict[str, Any]:
        return {
            "format": "companion-export",
            "version": 1,
            "exported_at": "2020-01-01T00:00:00+00:00",
            "app_version": "0.1.0",
            "tables": self.tables,
        }


def load(session: DiarySession, diary: Diary) -> dict[str, Any]:
    """Import the diary (replacing everything) and return the diary's own export of it: the oracle's input."""
    transfer.import_json(session, json.dumps(diary.export(), ensure_ascii=False).encode("utf-8"), "replace")
    exported: dict[str, Any] = json.loads(transfer.export_json(session))
    return exported
