"""The follow-up watcher reads only what its rules need (the check-ins from the earliest watched appointment
on, the regions named before it in one query, the PEG and flare-ups only when a reason watches them), and
finds exactly what reading the whole diary finds, on a made-up diary at many moments; with no reason
watched it reads no check-in at all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule
from companion.domain.checkin import CheckinInput, RegionPain
from companion.domain.followup import notices
from companion.services.appointments import new_id
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.helpers.clock import FakeClock

TZ = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=TZ)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def session(data_dir: Path, clock: FakeClock) -> Iterator[DiarySession]:
    opened, _key = DiarySession.create(data_dir / "watch.vault", "gwylio'n dawel", CHEAP_KDF, clock=clock)  # type: ignore[arg-type]
    yield opened
    opened.close()


def made_up_diary(session: DiarySession, clock: FakeClock) -> None:
    """70 days: pain rising after day 30, a new region on day 45, a weekly PEG that rises, a long flare."""
    for day in range(70):
        clock.set(START + dt.timedelta(days=day))
        regions = (RegionPain("b-lower-back"),) + ((RegionPain("f-shoulder-l"),) if day >= 45 else ())
        pain = 4 if day < 30 else 7 + day % 2
        session.diary.record_checkin(CheckinInput(clock.now(), pain, regions))
        if day % 7 == 0:
            session.measures.record_peg(3 if day < 30 else 6, 3 if day < 30 else 6, 3 if day < 30 else 5)
        if day == 50:
            session.flares.start()
        if day == 60:
            session.flares.end()
    for days, who in ((20, "Dr Evans"), (28, "Siân Roberts")):
        reasons = (
            FollowUpReason(new_id(), "the PEG rises", FollowUpRule.PEG_RISE),
            FollowUpReason(new_id(), "a flare lasts", FollowUpRule.FLARE_LONGER, days=5),
            FollowUpReason(new_id(), "pain stays high", FollowUpRule.PAIN_ABOVE, level=6, weeks=2),
            FollowUpReason(new_id(), "it spreads", FollowUpRule.NEW_REGION),
            FollowUpReason(new_id(), "only my words"),
        )
        session.appointments.save(
            Appointment(new_id(), START + dt.timedelta(days=days, hours=2), who, attended=True, reasons=reasons)
        )


def test_the_narrow_reads_find_what_the_whole_diary_finds(session: DiarySession, clock: FakeClock) -> None:
    made_up_diary(session, clock)
    service = session.appointments
    found_any = 0
    for day in range(20, 75, 3):
        clock.set(START + dt.timedelta(days=day, hours=12))
        whole = notices(service.appointments(), service.readings(), clock.now())
        narrow = service.follow_up_notices()
        assert [(n.appointment.id, n.reason.id, n.since) for n in narrow] == [
            (n.appointment.id, n.reason.id, n.since) for n in whole
        ], day
        found_any += len(narrow)
    assert found_any > 20  # the moments cover reasons met and not met


def test_with_no_reason_watched_no_check_in_is_read(session: DiarySession, clock: FakeClock) -> None:
    session.diary.record_pain(5)
    session.appointments.save(
        Appointment(new_id(), START - dt.timedelta(days=3), "Dr Evans", attended=True,
                    reasons=(FollowUpReason(new_id(), "only my words"),))
    )  # fmt: skip
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    engine = session.store.database.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert session.appointments.follow_up_notices() == []
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert seen and not [s for s in seen if "pain_entries" in s or "peg" in s.casefold()]
