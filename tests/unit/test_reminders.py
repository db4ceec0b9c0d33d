"""Reminder scheduling on the local wall clock (midnight, the two Europe/London clock changes, a sleeping
computer), the sleep detector's arithmetic, reminder settings in settings.json, and the XDG autostart entry."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from companion.domain.reminders import (
    LastHandled,
    ReminderKind,
    ReminderPlan,
    due,
    settle_passed,
    slept_longer_than,
    time_has_come,
)
from companion.storage import autostart
from companion.storage.app_settings import AppSettings, load_settings, save_settings

LONDON = ZoneInfo("Europe/London")
DAILY = ReminderPlan(checkin=True, at=dt.time(19, 0))


def at(y: int, m: int, d: int, hh: int, mm: int = 0, fold: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=LONDON, fold=fold)


def run(
    plan: ReminderPlan,
    moments: list[dt.datetime],
    *,
    checked_in: bool = False,
    peg_due: bool = True,
    last: LastHandled | None = None,
) -> list[tuple[ReminderKind, dt.datetime]]:
    """Ask at each moment in turn, as the 30-second timer does; the reminders shown, with when."""
    last = last or LastHandled()
    shown: list[tuple[ReminderKind, dt.datetime]] = []
    for now in moments:
        kinds, last = due(now, plan, last, checked_in_today=checked_in, peg_due=peg_due)
        shown += [(kind, now) for kind in kinds]
    return shown


def every(start: dt.datetime, end: dt.datetime, minutes: int = 1) -> list[dt.datetime]:
    """Real instants from start to end (in UTC steps, so a repeated hour is walked through twice)."""
    moments, now = [], start.astimezone(dt.UTC)
    while now <= end.astimezone(dt.UTC):
        moments.append(now.astimezone(LONDON))
        now += dt.timedelta(minutes=minutes)
    return moments


def test_daily_reminder_once_a_day_at_its_time() -> None:
    shown = run(DAILY, every(at(2026, 6, 1, 18), at(2026, 6, 3, 23)))
    assert [(kind, now.strftime("%d %H:%M")) for kind, now in shown] == [
        (ReminderKind.CHECKIN, "01 19:00"),
        (ReminderKind.CHECKIN, "02 19:00"),
        (ReminderKind.CHECKIN, "03 19:00"),
    ]


def test_not_shown_when_already_checked_in_and_not_later_either() -> None:
    plan, last = DAILY, LastHandled()
    kinds, last = due(at(2026, 6, 1, 19), plan, last, checked_in_today=True, peg_due=False)
    assert kinds == [] and last.checkin == dt.date(2026, 6, 1)  # handled: quiet for the rest of the day
    kinds, last = due(at(2026, 6, 1, 21), plan, last, checked_in_today=False, peg_due=False)
    assert kinds == []


def test_midnight_edges() -> None:
    late = ReminderPlan(checkin=True, at=dt.time(23, 59))
    shown = run(late, every(at(2026, 6, 1, 23, 58), at(2026, 6, 2, 0, 5)))
    assert [now.strftime("%d %H:%M") for _k, now in shown] == ["01 23:59"]
    early = ReminderPlan(checkin=True, at=dt.time(0, 0))
    # (the first look on 1 June is after that day's 00:00, which was handled already)
    shown = run(early, every(at(2026, 6, 1, 23, 58), at(2026, 6, 2, 0, 5)), last=LastHandled(dt.date(2026, 6, 1)))
    assert [now.strftime("%d %H:%M") for _k, now in shown] == ["02 00:00"]


def test_asleep_through_the_time_shows_once_on_waking_and_never_makes_up_a_missed_day() -> None:
    # Asleep from 18:00 to 22:30: one reminder on waking, not one per missed look.
    moments = [at(2026, 6, 1, 18), at(2026, 6, 1, 22, 30), at(2026, 6, 1, 22, 31), at(2026, 6, 1, 23)]
    assert [now.hour for _k, now in run(DAILY, moments)] == [22]
    # Asleep from Monday 18:00 to Wednesday 08:00: nothing until Wednesday's own time.
    moments = [at(2026, 6, 1, 18), at(2026, 6, 3, 8), at(2026, 6, 3, 18, 59), at(2026, 6, 3, 19)]
    assert [now for _k, now in run(DAILY, moments)] == [at(2026, 6, 3, 19)]


def test_spring_forward_a_time_in_the_skipped_hour_comes_just_after_it() -> None:
    # 29 March 2026: London clocks go from 01:00 GMT to 02:00 BST, so 01:30 never happens.
    plan = ReminderPlan(checkin=True, at=dt.time(1, 30))
    shown = run(plan, every(at(2026, 3, 28, 23), at(2026, 3, 29, 12)), last=LastHandled(dt.date(2026, 3, 28)))
    assert [now.strftime("%H:%M %Z") for _k, now in shown] == ["02:00 BST"]
    # A 19:00 reminder is at 19:00 on the wall clock, on the change day and the day after.
    shown = run(DAILY, every(at(2026, 3, 28, 12), at(2026, 3, 30, 23), minutes=5))
    assert [now.strftime("%d %H:%M %Z") for _k, now in shown] == ["28 19:00 GMT", "29 19:00 BST", "30 19:00 BST"]


def test_fall_back_a_time_in_the_repeated_hour_comes_once() -> None:
    # 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00–02:00 happens twice.
    plan = ReminderPlan(checkin=True, at=dt.time(1, 30))
    moments = every(at(2026, 10, 25, 0), at(2026, 10, 25, 4))
    assert sum(1 for m in moments if m.strftime("%H:%M") == "01:30") == 2  # the walk sees 01:30 twice
    shown = run(plan, moments)
    assert [now.strftime("%H:%M %Z") for _k, now in shown] == ["01:30 BST"]


def test_weekly_peg_reminder_only_on_its_day_and_only_when_due() -> None:
    plan = ReminderPlan(peg=True, at=dt.time(10, 0), peg_weekday=2)  # Wednesdays
    two_weeks = every(at(2026, 6, 1, 0), at(2026, 6, 14, 23), minutes=30)  # Mon 1 June – Sun 14 June
    shown = run(plan, two_weeks)
    assert [(kind, now.strftime("%a %d %H:%M")) for kind, now in shown] == [
        (ReminderKind.PEG, "Wed 03 10:00"),
        (ReminderKind.PEG, "Wed 10 10:00"),
    ]
    assert run(plan, two_weeks, peg_due=False) == []
    # Asleep over the whole Wednesday: no reminder on Thursday.
    assert run(plan, [at(2026, 6, 2, 12), at(2026, 6, 4, 9), at(2026, 6, 4, 12)]) == []


def test_both_reminders_at_once_and_switched_off() -> None:
    plan = ReminderPlan(checkin=True, peg=True, at=dt.time(19, 0), peg_weekday=0)
    kinds, _last = due(at(2026, 6, 1, 19, 5), plan, LastHandled(), checked_in_today=False, peg_due=True)
    assert kinds == [ReminderKind.CHECKIN, ReminderKind.PEG]
    assert run(ReminderPlan(), every(at(2026, 6, 1, 0), at(2026, 6, 2, 0), minutes=30)) == []


def test_turning_a_reminder_on_after_its_time_waits_until_tomorrow() -> None:
    now = at(2026, 6, 1, 20)
    last = settle_passed(now, DAILY, LastHandled())
    assert last.checkin == now.date()
    assert not time_has_come(ReminderKind.CHECKIN, at(2026, 6, 1, 21), DAILY, last)
    assert time_has_come(ReminderKind.CHECKIN, at(2026, 6, 2, 19), DAILY, last)
    assert settle_passed(at(2026, 6, 1, 18), DAILY, LastHandled()) == LastHandled()  # still to come today


def test_sleep_detector_arithmetic() -> None:
    before = at(2026, 6, 1, 12)
    # Awake: the wall and monotonic clocks move together.
    assert not slept_longer_than(before, before + dt.timedelta(minutes=20), 20 * 60, 5 * 60)
    # Asleep for an hour: the wall clock moved on, the monotonic clock hardly did.
    assert slept_longer_than(before, before + dt.timedelta(hours=1, seconds=15), 15, 5 * 60)
    assert not slept_longer_than(before, before + dt.timedelta(minutes=4), 15, 5 * 60)
    # Across the autumn change, an hour by the wall clock is an hour, whatever the clock face says.
    start = at(2026, 10, 25, 1, 30)
    later = (start.astimezone(dt.UTC) + dt.timedelta(hours=1)).astimezone(LONDON)
    assert later.strftime("%H:%M") == "01:30"
    assert slept_longer_than(start, later, 0, 59 * 60)


def test_reminder_settings_round_trip_and_nonsense_is_ignored(tmp_path: Path) -> None:
    chosen = AppSettings(
        reminder_checkin=True,
        reminder_peg=True,
        reminder_time="07:45",
        reminder_peg_weekday=4,
        reminder_checkin_last="2026-06-01",
    )
    save_settings(tmp_path, chosen)
    loaded = load_settings(tmp_path)
    assert loaded == chosen
    assert loaded.reminder_plan() == ReminderPlan(checkin=True, peg=True, at=dt.time(7, 45), peg_weekday=4)
    assert loaded.reminders_last() == LastHandled(dt.date(2026, 6, 1), None)
    raw = {"reminder_checkin": "yes", "reminder_time": "25:99", "reminder_peg_weekday": 9, "reminder_peg_last": "x"}
    (tmp_path / "settings.json").write_text(json.dumps(raw), encoding="utf-8")
    assert load_settings(tmp_path) == AppSettings()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG autostart entry is for Linux")
def test_linux_autostart_entry_written_and_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    entry = tmp_path / "config" / "autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert autostart.supported() and not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled() and entry.is_file()
    lines = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines()[1:])
    assert entry.read_text(encoding="utf-8").startswith("[Desktop Entry]\n")
    assert lines["Type"] == "Application" and lines["Name"] == "Companion"
    assert lines["Exec"].split() == [sys.executable, "-m", "companion"] or '"' in lines["Exec"]
    assert lines["Icon"] == autostart.DESKTOP_ID and lines["Terminal"] == "false"
    autostart.set_enabled(False)
    assert not entry.exists() and not autostart.is_enabled()
    autostart.set_enabled(False)  # removing twice is fine


def test_exec_line_quoting_and_frozen_command(monkeypatch: pytest.MonkeyPatch) -> None:
    assert autostart.desktop_entry(["/opt/My Apps/companion", "100%"]).count(
        'Exec="/opt/My Apps/companion" 100%%\n'
    ) == 1
    assert 'Exec="/a/\\$b"' in autostart.desktop_entry(["/a/$b"])
    monkeypatch.delenv("APPIMAGE", raising=False)
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert autostart.command() == [sys.executable]
    monkeypatch.setenv("APPIMAGE", "/home/sian/Apps/Companion.AppImage")
    assert autostart.command() == ["/home/sian/Apps/Companion.AppImage"]
    assert not autostart.supported("darwin") and autostart.supported("win32") and autostart.supported("linux")
    monkeypatch.setenv("FLATPAK_ID", "org.example.Companion")
    assert not autostart.supported("linux")
