"""A throwaway demo diary with a few weeks of realistic entries, so a newcomer sees the app working."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from companion.i18n import N_, _
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

DEMO_PASSPHRASE = "demo"
DEMO_DAYS = 28

_NOTES = (
    N_("Stiff first thing; eased after a warm shower."),
    N_("Walked to the shop and back, paced it with a rest on the bench."),
    N_("Bad night, woke at 3 with my back."),
    N_("Gardening for 20 minutes, then stopped as planned."),
    N_("Heat pad helped in the evening."),
    N_("Long car journey; hips sore afterwards."),
    N_("Good day: coffee with a friend."),
    N_("Flare-up started after lifting the shopping."),
    N_("Relaxation recording before bed helped me settle."),
    N_("Physio exercises done, a bit achy but fine."),
)


def create_demo_diary(data_dir: Path, kdf: KdfParams, today: dt.date | None = None) -> DiarySession:
    """Create a demo diary in `data_dir` (a temporary folder) and fill it with 4 weeks of entries."""
    session, _recovery = DiarySession.create(data_dir / "diary.vault", DEMO_PASSPHRASE, kdf)
    rng = random.Random(20231)
    today = today or dt.date.today()
    now = dt.datetime.now().astimezone()
    for back in range(DEMO_DAYS, -1, -1):
        day = today - dt.timedelta(days=back)
        flare = 9 <= back <= 12
        base = 7 if flare else 4 + rng.choice((-1, 0, 0, 1))
        for hour in sorted(rng.sample((8, 11, 14, 17, 21), rng.choice((1, 2, 3)))):
            moment = dt.datetime.combine(day, dt.time(hour, rng.randrange(0, 60))).astimezone()
            if moment > now:
                continue
            score = max(0, min(10, base + rng.choice((-1, 0, 0, 1))))
            note = _(rng.choice(_NOTES)) if rng.random() < 0.45 else ""
            if flare and back == 12 and hour == min(8, hour):
                note = _(_NOTES[7])
            session.diary.record_pain(score, note, at=moment)
    return session
