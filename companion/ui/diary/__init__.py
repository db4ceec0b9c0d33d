"""The Diary screen: find past check-ins by date, tag, pain and words; edit, delete (with undo), manage tags."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from companion.services.diary import DiaryService
    from companion.services.session import DiarySession


def add_sample_checkins(diary: DiaryService, days: int = 21) -> None:
    """Varied, made-up check-ins over the last `days` days, for a quick look at the screens."""
    import datetime as dt
    import random

    from companion.domain.body import PainType
    from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating

    rng = random.Random(7)
    now = diary.now()
    did = ("Gardening", "Walk", "Shopping", "Housework", "Physio exercises")
    helped = ("Heat pad", "Rest", "Warm bath", "Pacing")
    worse = ("Lifting", "Long drive", "Cold weather", "Bad night")
    notes = ("", "", "Stiff first thing; eased later.", "Rhy flinedig i gerdded heddiw 😴", "Coffee with a friend.")
    for back in range(days, -1, -1):
        for hour in sorted(rng.sample((8, 12, 15, 19), rng.choice((1, 1, 2, 3)))):
            moment = (now - dt.timedelta(days=back)).replace(hour=hour, minute=rng.randrange(60))
            if moment > now:
                continue
            regions = tuple(
                RegionPain(code, rng.choice((None, rng.randint(2, 9))), rng.choice((None, *PainType)))
                for code in rng.sample(("b-lower-back", "f-knee-l", "b-neck", "f-hip-r"), rng.randint(0, 2))
            )
            tags: tuple[TagRating, ...] = (
                TagRating(TagKind.DID, rng.choice(did), rng.choice((None, 1, 3))),
                TagRating(TagKind.HELPED, rng.choice(helped), rng.choice((None, 2, 4))),
            )
            if rng.random() < 0.3:
                tags = (*tags, TagRating(TagKind.WORSE, rng.choice(worse), rng.choice((None, 3))))
            diary.record_checkin(
                CheckinInput(
                    recorded_at=moment,
                    pain=rng.choice((None, *range(2, 10))),
                    regions=regions,
                    sleep_quality=rng.choice((None, rng.randint(2, 8))),
                    sleep_hours=rng.choice((None, 5.5, 6, 7.25, 8)),
                    mood=rng.choice((None, rng.randint(3, 8))),
                    fatigue=rng.choice((None, rng.randint(3, 9))),
                    tags=tags if rng.random() < 0.8 else (),
                    note=rng.choice(notes),
                )
            )


@contextlib.contextmanager
def preview_session() -> Iterator[DiarySession]:
    """A throwaway diary with sample check-ins in a temporary folder, for running a module on its own."""
    import tempfile
    from pathlib import Path

    from companion.services.app_context import AppContext
    from companion.services.session import DiarySession

    with tempfile.TemporaryDirectory(prefix="companion-preview-") as folder:
        context = AppContext(data_dir=Path(folder))  # production key costs: a preview is never cheaper
        session, _recovery = DiarySession.create(context.vault_path, "preview only", context.kdf_factory())
        add_sample_checkins(session.diary)
        try:
            yield session
        finally:
            session.close()
