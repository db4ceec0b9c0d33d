"""A throwaway demo diary with ten weeks of made-up entries, so a newcomer sees the app working.

The entries come from the seeded generator in companion.synthetic (which also makes the ten-year diaries
the benchmarks use); the demo is its ten-week size.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams
from companion.synthetic import generate

DEMO_PASSPHRASE = "demo"
DEMO_DAYS = 70  # always covers the whole of last month
DEMO_SEED = 20231


def create_demo_diary(
    data_dir: Path, kdf: KdfParams, today: dt.date | None = None, *, background_saves: bool = False
) -> DiarySession:
    """Create a demo diary in `data_dir` (a temporary folder) and fill it with ten weeks of entries.
    `background_saves` for the window (its later changes save off the GUI thread)."""
    session, _recovery = DiarySession.create(
        data_dir / "diary.vault", DEMO_PASSPHRASE, kdf, background_saves=background_saves
    )
    try:
        generate(session, days=DEMO_DAYS, seed=DEMO_SEED, today=today)
    except BaseException:
        session.close()
        raise
    return session
