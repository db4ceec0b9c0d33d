"""Every figure the summary prints, read back from its PDF with pdftotext, against the independent oracle
(tests/oracle), for hand-made diaries at each boundary docs/summary.md defines, in English, Welsh and both.

Each diary is written in the export format with its own times and UTC offsets, imported into a real vault,
exported again for the oracle, and summarised by the app; the oracle never calls the app's figures."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from companion.domain.summary import Communication, ConsultationLanguage, Section
from companion.reports.summary_data import build_summary
from companion.services.clock import Clock
from companion.services.insights import PainSeries
from companion.services.session import DiarySession
from tests.conftest import CHEAP_KDF
from tests.oracle.diary_json import Diary, load
from tests.oracle.harness import EVERYTHING, RENDER, options, summary_text
from tests.oracle.sentences import check_text, sentences
from tests.oracle.summary_oracle import Expected, expected

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)"),
    pytest.mark.usefixtures("renderer", "no_charts"),
]
TODAY = dt.date(2026, 3, 10)  # a Tuesday
NOON = dt.time(12, 0)
LANGUAGES = ("en", "cy", "both")
SessionFactory = Callable[[dt.date], DiarySession]


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def renderer(request: pytest.FixtureRequest) -> None:
    """A QApplication for printing, unless the text is read from the HTML (mutation runs)."""
    if RENDER == "pdf":
        request.getfixturevalue("qapp")


@pytest.fixture
def no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts are images with no text layer: left out here for speed (test_summary.py prints them)."""
    monkeypatch.setattr("companion.reports.summary_pdf.chart_images", lambda _data: {})


@pytest.fixture
def make_session(tmp_path: Path) -> Iterator[SessionFactory]:
    sessions: list[DiarySession] = []

    def factory(today: dt.date = TODAY) -> DiarySession:
        instant = dt.datetime.combine(today, NOON, dt.UTC)  # noon UTC: the same date in every zone tested
        session, _key = DiarySession.create(
            tmp_path / f"diary-{len(sessions)}.companion",
            "kettle river blue Tuesday",
            CHEAP_KDF,
            Clock(source=lambda: instant),
        )
        sessions.append(session)
        return session

    yield factory
    for session in sessions:
        session.close()


def assert_prints_the_oracle(
    session: DiarySession,
    diary: Diary,
    start: dt.date,
    end: dt.date,
    languages: tuple[str, ...] = LANGUAGES,
    **more: object,
) -> Expected:
    export = load(session, diary)
    want = expected(export, start, end, session.diary.today())
    notes = Section.NOTES in more.get("sections", ())  # type: ignore[operator]
    for language in languages:
        for lang, text in summary_text(session, start, end, language, **more).items():
            assert check_text(text, sentences(want, lang, notes=notes), lang) == [], (language, lang, text)
    # What the charts draw (images, with no text to read back): the same days and answers.
    data = build_summary(session, options(start, end, "en", **more))
    if want.started:
        assert isinstance(data.series, PainSeries) and (data.series.start, data.series.end) == (start, want.upto)
        assert [d.day for d in data.series.days] == [start + dt.timedelta(days=i) for i in range(want.days_in_period)]
        assert [p.day for p in data.peg_points] == want.peg_days  # type: ignore[attr-defined]
    return want


def test_exactly_30_percent_lower_is_an_important_improvement_for_pain_and_peg(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(13)  # 14 days, compared with the 14 before
    for i in range(4):
        diary.checkin(at(start - dt.timedelta(days=10 - i)), pain=10)
        diary.checkin(at(start + dt.timedelta(days=i)), pain=7)
    diary.peg(at(ago(9)), (7, 7, 6))  # 20/3 = 6.67
    diary.peg(at(ago(2)), (5, 5, 4))  # 14/3 = 4.67: exactly 30 % lower, once rounded 6.7 -> 4.7 is 29.9 %
    want = assert_prints_the_oracle(make_session(), diary, start, TODAY)
    assert want.pain_compared is not None and (want.pain_compared.band, want.pain_compared.percent) == ("better", 30)
    assert want.peg_compared is not None and (want.peg_compared.band, want.peg_compared.percent) == ("better", 30)


def test_the_first_day_of_each_period_counts_and_the_day_before_does_not(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(13)
    before = start - dt.timedelta(days=14)
    diary.checkin(at(before - dt.timedelta(days=1), 23, 0), 0, pain=0)  # the day before the compared days
    diary.checkin(at(before, 0, 5), 60, pain=2)  # their first day (23:05 UTC the day before)
    for i in range(1, 5):
        diary.checkin(at(before + dt.timedelta(days=i)), pain=8)
    diary.checkin(at(start, 0, 1), 540, pain=1)  # the period's first day in Tokyo (15:01 UTC the day before)
    for i in range(1, 5):
        diary.checkin(at(start + dt.timedelta(days=i)), pain=6)
    diary.checkin(at(TODAY, 23, 50), -480, pain=9)  # today in Los Angeles: 07:50 UTC tomorrow
    diary.peg(at(start, 0, 10), (6, 6, 6), 540)
    diary.peg(at(TODAY, 22, 0), (3, 3, 3), -480)
    want = assert_prints_the_oracle(make_session(), diary, start, TODAY)
    assert want.pain_days == 6 and want.pain_low == 1 and want.pain_high == 9
    assert want.pain_compared is not None and want.pain_compared.before == Fraction(34, 5)
    assert want.peg_count == 2 and want.peg_compared is not None and want.peg_compared.band == "much_better"


def test_a_zero_baseline_says_from_0_to_3_without_a_percentage(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(6)
    for i in range(7):
        diary.checkin(at(start - dt.timedelta(days=7 - i)), pain=0)
        diary.checkin(at(start + dt.timedelta(days=i)), pain=3)
    diary.peg(at(ago(8)), (0, 0, 0))
    diary.peg(at(ago(1)), (1, 1, 1))
    session = make_session()
    want = assert_prints_the_oracle(session, diary, start, TODAY)
    assert want.pain_compared is not None and want.pain_compared.outcome == "from_zero"
    text = summary_text(session, start, TODAY, "en")["en"]
    assert "%" not in text.split("Pain went from")[1].split(".")[0] and "higher" not in text


def test_a_period_still_to_come_has_no_figures(make_session: SessionFactory) -> None:
    diary = Diary()
    diary.checkin(at(ago(1)), pain=5)
    want = assert_prints_the_oracle(make_session(), diary, TODAY + dt.timedelta(days=20), TODAY + dt.timedelta(days=40))
    assert not want.started


def test_a_one_day_period_says_it_is_too_short_to_compare(make_session: SessionFactory) -> None:
    diary = Diary()
    for i in range(10):
        diary.checkin(at(ago(i)), pain=2 + i % 3)
    want = assert_prints_the_oracle(make_session(), diary, TODAY, TODAY)
    assert want.days_in_period == 1 and want.pain_compared is not None
    assert want.pain_compared.outcome == "short_period"


def test_gaps_count_only_recorded_days_and_means_round_half_up(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(27)
    diary.checkin(at(start), pain=4, sleep_hours=7.25, sleep_quality=5, mood=6, fatigue=7)
    diary.checkin(at(start, 20), pain=5)  # that day's mean 4.5
    diary.checkin(at(start + dt.timedelta(days=10)), pain=4)  # the mean of 4.5 and 4 is 4.25: printed 4.3
    diary.checkin(at(start + dt.timedelta(days=10), 21), sleep_hours=7.0, sleep_quality=6)
    want = assert_prints_the_oracle(make_session(), diary, start, TODAY)
    assert want.pain_days == 2 and want.pain_mean == pytest.approx(4.25)
    assert want.wellbeing["sleep_hours"][0] is not None and float(want.wellbeing["sleep_hours"][0]) == 7.125


def test_a_record_counts_on_the_day_of_its_own_local_time_across_the_clock_change(make_session: SessionFactory) -> None:
    today = dt.date(2026, 4, 2)
    change = dt.date(2026, 3, 29)  # summer time starts in the UK: 01:00 GMT becomes 02:00 BST
    diary = Diary()
    diary.checkin(at(change, 0, 30), 0, pain=8)  # 00:30 GMT on the 29th
    diary.checkin(at(change, 23, 30), 60, pain=2)  # 23:30 BST on the 29th: 22:30 UTC
    diary.checkin(at(change - dt.timedelta(days=1), 23, 59), 0, pain=6)
    diary.checkin(at(change + dt.timedelta(days=1), 0, 10), 60, pain=4)  # 23:10 UTC on the 29th, the 30th here
    medicine = diary.medicine("Paracetamol", kind="as_needed", started=dt.date(2026, 1, 1))
    diary.dose(medicine, at(change, 0, 30), 60)  # 23:30 UTC on the 28th
    diary.dose(medicine, at(change, 23, 45), 60)
    want = assert_prints_the_oracle(make_session(today), diary, change, change)
    assert want.pain_days == 1 and want.pain_mean == 5 and want.medicines[0]["doses"] == 2


def test_values_from_after_the_period_and_days_after_today_are_left_out(make_session: SessionFactory) -> None:
    end = ago(20)
    start = end - dt.timedelta(days=27)
    diary = Diary()
    for i in range(0, 40, 3):
        diary.checkin(at(start + dt.timedelta(days=i)), pain=3 + i % 5)
    diary.flare(at(end - dt.timedelta(days=3)), None, helped="rest and heat")  # still going on
    diary.goal(
        "Walk to the shop",
        at(start - dt.timedelta(days=5)),
        steps=(start, end + dt.timedelta(days=2), None),
        ratings=((at(start + dt.timedelta(days=1)), 0, 4), (at(end + dt.timedelta(days=1)), 0, 9)),
    )
    diary.goal("Swim again", at(end + dt.timedelta(days=1)))  # made after the period: left out
    tablets = diary.medicine("Naproxen", started=start - dt.timedelta(days=90), dose="250 mg twice a day")
    diary.rate_medicine(tablets, at(start), 3, "Indigestion")
    diary.rate_medicine(tablets, at(end + dt.timedelta(days=5)), 8, "None now")
    diary.peg(at(end + dt.timedelta(days=2)), (9, 9, 9))  # after the period
    want = assert_prints_the_oracle(make_session(), diary, start, end)
    assert want.goals == [("Walk to the shop", 1, 3, 4)] and want.medicines[0]["helpfulness"] == 3
    assert want.flare_count == 1 and want.flare_days == 4 and want.peg_count == 0
    # A period running past today: every section stops at today (the flare too).
    later = assert_prints_the_oracle(make_session(), diary, ago(6), TODAY + dt.timedelta(days=30), ("en",))
    assert later.days_in_period == 7 and later.flare_days == 7


def test_a_day_at_exactly_130_percent_of_the_plan_is_over_it_not_kept(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(6)
    walking = diary.activity("Walking")
    diary.plan(walking, start - dt.timedelta(days=21), 10.0)
    # over, kept at 80 %, under, kept, kept, over in two logs (6.5 + 6.5), over on the period's last day
    for offset, amounts in enumerate(((13.0,), (8.0,), (7.5,), (12.5,), (10.0,), (6.5, 6.5), (14.0,))):
        for amount in amounts:
            diary.log(walking, start + dt.timedelta(days=offset), amount)
    for i in range(1, 22):  # a usual amount to compare with
        diary.log(walking, start - dt.timedelta(days=i), 10.0)
    want = assert_prints_the_oracle(make_session(), diary, start, TODAY)
    assert want.pacing is not None
    names, planned, kept, over, booms, _busts = want.pacing
    assert (names, planned, kept, over) == (["Walking"], 7, 3, 3) and booms >= over


def test_the_periods_last_day_counts_for_goals_ratings_and_archived_activities(make_session: SessionFactory) -> None:
    end = ago(10)
    start = end - dt.timedelta(days=13)
    diary = Diary()
    diary.checkin(at(start), pain=4)
    diary.goal("Stopped goal", at(start - dt.timedelta(days=30)), status="stopped")  # listed never, the next one is
    diary.goal("Choir", at(end, 23, 0), steps=(end,), ratings=((at(end, 20), 60, 6),))  # made on the last day
    diary.goal("Garden", at(end + dt.timedelta(days=1), 0, 30))  # made the day after: left out
    cream = diary.medicine("Cream", started=start)
    diary.rate_medicine(cream, at(start), 2)
    diary.rate_medicine(cream, at(end, 21), 7, "Itching", offset=60)  # the last day
    diary.rate_medicine(cream, at(end + dt.timedelta(days=1), 9), 9)
    stairs = diary.activity("Stairs", unit="repetitions", archived=True)  # archived since, planned then
    diary.plan(stairs, start - dt.timedelta(days=7), 4.0)
    for i in range(14):
        diary.log(stairs, start + dt.timedelta(days=i), 4.0 + (i % 3))
    diary.flare(at(start + dt.timedelta(days=2)), at(start + dt.timedelta(days=4)), helped="Heat pad")
    diary.flare(at(start + dt.timedelta(days=8)), at(start + dt.timedelta(days=9)), helped="Rest, then a short walk")
    want = assert_prints_the_oracle(make_session(), diary, start, end)
    assert want.goals == [("Choir", 1, 1, 6)]
    assert want.medicines[0]["helpfulness"] == 7 and want.pacing is not None and want.pacing[0] == ["Stairs"]
    assert want.flare_helped == ["Heat pad", "Rest, then a short walk"]


def test_the_name_the_person_saved_is_printed(make_session: SessionFactory) -> None:
    diary = Diary()
    diary.setting("summary.name", "Siân Ŵyn")
    diary.what_matters("Canu yn y côr eto", "")
    diary.checkin(at(ago(2)), pain=5, note="Diwrnod da yn yr ardd")
    diary.checkin(at(ago(40)), pain=5, note="Before the period")
    session = make_session()
    want = assert_prints_the_oracle(session, diary, ago(27), TODAY, sections=(*EVERYTHING, Section.NOTES))
    assert want.name == "Siân Ŵyn" and len(want.notes) == 1
    # A name cleared for this summary is not printed; how I communicate, given for it, is.
    needs = Communication(ConsultationLanguage.WELSH, bsl=True)
    text = summary_text(session, ago(27), TODAY, "en", name="", communication=needs)["en"]
    assert "Siân" not in text and "Name:" not in text
    assert "I would like the appointment in Welsh." in " ".join(text.split()) and "BSL interpreter" in text


def test_medicines_reviews_plans_and_tried(make_session: SessionFactory) -> None:
    diary = Diary()
    start = ago(27)
    diary.medicine("Gel", started=start, stopped=TODAY)  # both on the period's edges: both printed
    diary.medicine(
        "Patch", started=dt.date(2025, 3, 1), stopped=TODAY + dt.timedelta(days=30), review_group="gabapentinoid"
    )  # stops later: its review is due since 1 March
    diary.tried("Yoga", 5, TODAY)  # started today, the period's last day
    codeine = diary.medicine("Codeine", started=dt.date(2025, 1, 20), review_group="opioid", dose="30 mg")
    diary.rate_medicine(codeine, at(start + dt.timedelta(days=2)), 4, "Constipation.")
    diary.medicine("Naproxen", started=start + dt.timedelta(days=3), stopped=start + dt.timedelta(days=12))
    diary.medicine("Old cream", started=dt.date(2024, 1, 1), stopped=start - dt.timedelta(days=1))  # before
    spray = diary.medicine("Spray", kind="as_needed", started=dt.date(2025, 6, 1), next_review=start)
    for i in range(5):
        diary.dose(spray, at(start + dt.timedelta(days=i), 22), 60)
    monday = start - dt.timedelta(days=start.weekday())
    diary.action_plan(monday, "024", (monday, monday + dt.timedelta(days=4)))
    diary.action_plan(monday + dt.timedelta(days=7), "0123456", (monday + dt.timedelta(days=8),))
    diary.tried("Physiotherapy", 6, dt.date(2025, 1, 1))
    diary.tried("Hydrotherapy", 7, TODAY + dt.timedelta(days=3))  # not started yet
    diary.tried("TENS machine", None)
    want = assert_prints_the_oracle(make_session(), diary, start, TODAY)
    assert [m["name"] for m in want.medicines] == ["Gel", "Patch", "Codeine", "Naproxen", "Spray"]
    assert want.medicines[2]["review_due"] == dt.date(2026, 1, 20) and want.medicines[4]["doses"] == 5
    assert (want.medicines[0]["started"], want.medicines[0]["stopped"]) == (start, TODAY)
    assert want.medicines[1]["review_due"] == dt.date(2026, 3, 1) and ("Yoga", 5) in want.tried


@pytest.fixture
def zone() -> Iterator[Callable[[str], None]]:
    saved = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def test_the_same_diary_prints_the_same_summary_in_four_time_zones(
    make_session: SessionFactory, zone: Callable[[str], None]
) -> None:
    diary = Diary()
    start = ago(13)
    spray = diary.medicine("Spray", kind="as_needed", started=dt.date(2025, 6, 1))
    for i, (hour, offset) in enumerate(((23, 60), (0, 60), (23, 540), (1, -480), (23, -480), (0, 0), (12, 330))):
        day = start + dt.timedelta(days=i)
        diary.dose(spray, at(day, hour, 30), offset)
        diary.checkin(at(day, hour, 15), offset, pain=i % 10, mood=5)
    diary.dose(spray, at(start - dt.timedelta(days=1), 23, 50), 540)  # the day before, there
    diary.goal("Walk", dt.datetime.combine(TODAY, dt.time(23, 30)))  # first saved 23:30 UTC today: listed everywhere
    session = make_session()
    want = None
    texts = []
    for name in ("UTC", "Europe/London", "Asia/Tokyo", "America/Los_Angeles"):
        zone(name)
        want = assert_prints_the_oracle(session, diary, start, TODAY, ("en",))
        texts.append(summary_text(session, start, TODAY, "cy")["cy"])
    assert want is not None and want.medicines[0]["doses"] == 7 and want.goals == [("Walk", 0, 0, None)]
    assert all(t == texts[0] for t in texts)
