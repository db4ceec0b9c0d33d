"""Hypothesis writes whole diaries (check-ins at any UTC offset, PEG, flare-ups, pacing plans and logs, goals,
action plans, medicines with doses and ratings, what was tried) and a period (past, running past today, still
to come, one day long); every figure of the summary, read back from its PDF, must equal the oracle's, in
English, Welsh and both. SUMMARY_ORACLE_EXAMPLES sets how many diaries (20 by default)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from companion.services.clock import Clock
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.oracle.diary_json import Diary, load
from tests.oracle.harness import RENDER, summary_text
from tests.oracle.sentences import check_text, sentences
from tests.oracle.summary_oracle import expected

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
    pytest.mark.usefixtures("renderer"),
]
TODAY = dt.date(2026, 3, 10)
EXAMPLES = int(os.environ.get("SUMMARY_ORACLE_EXAMPLES", "20"))
OFFSETS = (-480, -300, 0, 60, 330, 540, 780)  # Los Angeles, New York, London in winter and summer, Delhi, Tokyo...
WORDS = ("heat", "rest", "cerdded", "gwres", "ymestyn", "walk", "bath", "sgwrs", "côr", "ŵyr")
names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(lambda w: " ".join(w).capitalize())
days_back = st.integers(min_value=-140, max_value=0)


def _day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def _at(offset: int, minute_of_day: int) -> dt.datetime:
    return dt.datetime.combine(_day(offset), dt.time()) + dt.timedelta(minutes=minute_of_day)


@st.composite
def diaries(draw: st.DrawFn) -> tuple[Diary, dt.date, dt.date]:
    d = Diary()
    seen: set[tuple[int, int]] = set()

    def moment() -> tuple[dt.datetime, int]:
        """A local time and offset, every one different (so "the latest" is never a tie)."""
        day, minute = draw(days_back), draw(st.integers(0, 24 * 60 - 1))
        while (day, minute) in seen:
            minute = (minute + 1) % (24 * 60)
        seen.add((day, minute))
        return _at(day, minute), draw(st.sampled_from(OFFSETS))

    if draw(st.booleans()):
        d.setting("summary.name", draw(names))
    optional = lambda values: st.one_of(st.none(), values)  # noqa: E731
    for _ in range(draw(st.integers(0, 60))):
        when, offset = moment()
        d.checkin(
            when,
            offset,
            pain=draw(optional(st.integers(0, 10))),
            sleep_quality=draw(optional(st.integers(0, 10))),
            sleep_hours=draw(optional(st.integers(0, 96).map(lambda q: q / 4))),
            mood=draw(optional(st.integers(0, 10))),
            fatigue=draw(optional(st.integers(0, 10))),
        )
    for _ in range(draw(st.integers(0, 6))):
        when, offset = moment()
        d.peg(when, (draw(st.integers(0, 10)), draw(st.integers(0, 10)), draw(st.integers(0, 10))), offset)
    for _ in range(draw(st.integers(0, 3))):
        when, offset = moment()
        length = draw(optional(st.integers(0, 20)))
        ended = when + dt.timedelta(days=length, hours=3) if length is not None else None
        d.flare(when, ended, offset, draw(st.one_of(st.just(""), names)), end_offset=draw(st.sampled_from(OFFSETS)))
    for index in range(draw(st.integers(0, 2))):
        activity = d.activity(
            draw(names),
            unit=draw(st.sampled_from(("minutes", "metres", "pages"))),
            days="".join(sorted(draw(st.sets(st.sampled_from("0123456"), min_size=1)))),
            increase=draw(st.sampled_from((("none", 0.0), ("percent", 10.0), ("step", 1.0), ("percent", 25.0)))),
            ceiling=draw(optional(st.integers(5, 60).map(float))),
            archived=index == 1 and draw(st.booleans()),
        )
        for start in sorted(draw(st.sets(days_back, min_size=1, max_size=2))):
            d.plan(activity, _day(start), draw(st.integers(2, 40)) * 0.5)
        for day in draw(st.sets(days_back, max_size=50)):
            d.log(activity, _day(day), draw(st.integers(1, 60)) * 0.5)
    for _ in range(draw(st.integers(0, 2))):
        created, _offset = moment()
        steps = tuple(draw(optional(days_back.map(_day))) for _ in range(draw(st.integers(0, 4))))
        ratings = []
        for _ in range(draw(st.integers(0, 3))):
            when, offset = moment()
            ratings.append((when, offset, draw(st.integers(0, 10))))
        d.goal(
            draw(names),
            created,
            status=draw(st.sampled_from(("active", "done", "paused", "stopped"))),
            steps=steps,
            ratings=tuple(ratings),
        )
    for week in draw(st.sets(st.integers(-20, 0), max_size=3)):
        monday = TODAY - dt.timedelta(days=TODAY.weekday()) + dt.timedelta(weeks=week)
        days = "".join(sorted(draw(st.sets(st.sampled_from("0123456"), min_size=1))))
        ticked = tuple(monday + dt.timedelta(days=int(c)) for c in days if draw(st.booleans()))
        d.action_plan(monday, days, tuple(t for t in ticked if t <= TODAY))
    for index in range(draw(st.integers(0, 3))):
        started = draw(optional(days_back.map(lambda o: _day(o - 200))))
        stopped = draw(optional(days_back.map(_day)))
        if started and stopped and stopped < started:
            started, stopped = stopped, started
        medicine = d.medicine(
            draw(names),
            kind=draw(st.sampled_from(("regular", "as_needed"))),
            started=started,
            stopped=stopped,
            review_group=draw(st.sampled_from(("none", "opioid", "gabapentinoid"))),
            next_review=draw(optional(days_back.map(_day))),
            created=f"2020-01-01T00:00:{index:02d}",
        )
        for _ in range(draw(st.integers(0, 3))):
            when, offset = moment()
            d.rate_medicine(
                medicine, when, draw(optional(st.integers(0, 10))), draw(st.one_of(st.just(""), names)), offset
            )
        for _ in range(draw(st.integers(0, 8))):
            when, offset = moment()
            d.dose(medicine, when, offset)
    for _ in range(draw(st.integers(0, 3))):
        d.tried(draw(names), draw(optional(st.integers(0, 10))), draw(optional(st.integers(-400, 20).map(_day))))
    start = _day(draw(st.integers(-150, 10)))
    end = start + dt.timedelta(days=draw(st.sampled_from((0, 3, 6, 13, 27, 55, 90, 120))))
    return d, start, end


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    instant = dt.datetime.combine(TODAY, dt.time(12), dt.UTC)
    path = tmp_path_factory.mktemp("generated") / "diary.companion"
    diary, _key = DiarySession.create(path, "kettle river blue Tuesday", CHEAP_KDF, Clock(source=lambda: instant))
    yield diary
    diary.close()


@pytest.fixture
def renderer(request: pytest.FixtureRequest) -> None:
    """A QApplication for printing, unless the text is read from the HTML (mutation runs)."""
    if RENDER == "pdf":
        request.getfixturevalue("qapp")


@pytest.fixture(autouse=True)
def no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("companion.reports.summary_pdf.chart_images", lambda _data: {})


# A mutation run (text from the HTML) needs a failure, not its smallest example: no shrinking there.
PHASES = (Phase.explicit, Phase.reuse, Phase.generate) if RENDER == "html" else tuple(Phase)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=PHASES,
    derandomize=RENDER == "html",
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=diaries())
def test_every_printed_figure_equals_the_oracle_for_generated_diaries(
    session: DiarySession, case: tuple[Diary, dt.date, dt.date]
) -> None:
    diary, start, end = case
    export = load(session, diary)
    want = expected(export, start, end, TODAY)
    for language in ("en", "cy", "both"):
        for lang, text in summary_text(session, start, end, language).items():
            assert check_text(text, sentences(want, lang), lang) == [], (language, lang, start, end, text)
