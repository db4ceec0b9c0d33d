"""The demo diary has a story filled in, so a newcomer sees it: items of every kind, an appointment that
happened (with follow-up reasons, a decision and a referral it ordered) and one coming up, a planned
medicine review whose step Today would show, and "agreed with" on the flare-up plan and a medicine."""

from __future__ import annotations

from pathlib import Path

from companion.demo import create_demo_diary
from companion.domain.appointments import FollowUpRule
from companion.domain.story import StoryKind
from tests.conftest import CHEAP_KDF


def test_the_demo_diary_tells_a_story(tmp_path: Path) -> None:
    session = create_demo_diary(tmp_path, CHEAP_KDF)
    today = session.diary.today()
    try:
        items = session.story.items()
        assert {i.kind for i in items} == set(StoryKind)
        assert items[0].kind is StoryKind.ONSET and items[0].when is not None and items[0].when.about
        upcoming, past = session.appointments.upcoming(), session.appointments.past()
        assert len(upcoming) == 1 and upcoming[0].top_three and upcoming[0].questions
        attended = past[0]
        assert attended.attended and attended.told and attended.next_steps and attended.contact
        assert {r.rule for r in attended.reasons} == {
            FollowUpRule.FLARE_LONGER,
            FollowUpRule.PAIN_ABOVE,
            FollowUpRule.NEW_REGION,
        }
        assert [i.title for i in items if i.appointment_id == attended.id] == ["Pain management programme"]
        decision = session.story.decisions()[0]
        assert decision.decided and len(decision.options) == 2 and decision.appointment_id == attended.id
        steps = session.story.current_review_steps(today)
        assert len(steps) == 1 and steps[0][0].agreement.with_whom == "Dr Evans"
        assert session.flares.plan().agreement.with_whom == "Dr Evans"
        assert any(m.agreement.with_whom for m in session.medicines.medicines())
        session.appointments.follow_up_notices()  # reads the whole made-up diary without error
    finally:
        session.close()
