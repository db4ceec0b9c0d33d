"""The flare plan through the service on a real vault: the starter plan, then the person's own words kept."""

from __future__ import annotations

import datetime as dt

from companion.domain.flare import MEDICINES_LINE, FlarePlan, Helper
from companion.services.session import DiarySession
from tests.conftest import DIARY_PASSPHRASE


def test_a_starter_plan_then_the_persons_own_words_survive_reopening(session: DiarySession) -> None:
    starter = session.flares.plan()
    assert not session.flares.has_saved_plan()
    assert starter.lines("medicines") == (MEDICINES_LINE,)
    assert starter.review_date is not None
    mine = FlarePlan(
        sections={**starter.sections, "first_steps": ("Gorffwys am 20 munud ŵ ŷ", "  heat pad  ")},
        helpers=(Helper("Siân", "Walks the dog", "07700 900123"), Helper("   ")),
        review_date=dt.date(2027, 2, 1),
    )
    saved, _changes = session.flares.save_plan(mine)
    assert saved.lines("first_steps") == ("Gorffwys am 20 munud ŵ ŷ", "heat pad")
    assert saved.helpers == (Helper("Siân", "Walks the dog", "07700 900123"),)
    session.close()
    again = DiarySession.open(session.path, passphrase=DIARY_PASSPHRASE)
    try:
        assert again.flares.has_saved_plan()
        assert again.flares.plan() == saved
    finally:
        again.close()
