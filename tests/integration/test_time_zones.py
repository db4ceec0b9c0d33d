"""The same diary gives the same days whatever zone the computer is set to (UTC, London, Tokyo, Los Angeles).

A record belongs to the calendar day of its own recorded local time: a dose taken at 23:40 in London on
29 March is on the 29th whether the diary is read in Tokyo or on a machine set to UTC. The diary below holds
check-ins and as-needed doses recorded in London (on the day the clocks go forward), Tokyo and Los Angeles,
chosen so that drawing days in the computer's zone would count differently in each of the four zones.
Each zone is a child process started with TZ set; the session's clock is pinned to London at 23:45 on
29 March 2026. The expected answers are worked out by hand below, from each record's own local time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion.domain.checkin import Checkin
from companion.domain.medicines import Dose, Medicine, MedicineKind
from companion.services.session import DiarySession
from companion.storage.unit_of_work import UnitOfWork
from tests.conftest import CHEAP_KDF, DIARY_PASSPHRASE
from tests.helpers.clock import FakeClock

ROOT = Path(__file__).resolve().parents[2]
ZONES = ("UTC", "Europe/London", "Asia/Tokyo", "America/Los_Angeles")


def at(year: int, month: int, day: int, hour: int, minute: int, offset_hours: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.timezone(dt.timedelta(hours=offset_hours)))


CHECKINS = {  # note: recorded at (own local time and offset)
    "A London, 00:30 on the 29th before the clocks went forward": at(2026, 3, 29, 0, 30, 0),
    "B London, 23:30 on the 29th in summer time": at(2026, 3, 29, 23, 30, 1),
    "C London, 23:30 on the 28th": at(2026, 3, 28, 23, 30, 0),
    "D Tokyo, 07:00 on the 29th (22:00 UTC on the 28th)": at(2026, 3, 29, 7, 0, 9),
    "E Los Angeles, 20:00 on the 28th (03:00 UTC on the 29th)": at(2026, 3, 28, 20, 0, -7),
}
DOSES = {
    "d1 London, 00:10 on the 23rd": at(2026, 3, 23, 0, 10, 0),
    "d2 London, 23:50 on the 22nd": at(2026, 3, 22, 23, 50, 0),
    "d3 London, 23:40 on the 29th": at(2026, 3, 29, 23, 40, 1),
    "d4 Tokyo, 06:00 on the 29th (21:00 UTC on the 28th)": at(2026, 3, 29, 6, 0, 9),
    "d5 Los Angeles, 18:00 on the 22nd (01:00 UTC on the 23rd)": at(2026, 3, 22, 18, 0, -7),
}
# Worked out by hand from each record's own local date (today is the 29th; the week is 23rd to 29th):
EXPECTED = {
    "today": [  # oldest first (by the instant)
        "D Tokyo, 07:00 on the 29th (22:00 UTC on the 28th)",
        "A London, 00:30 on the 29th before the clocks went forward",
        "B London, 23:30 on the 29th in summer time",
    ],
    "on the 28th": [
        "C London, 23:30 on the 28th",
        "E Los Angeles, 20:00 on the 28th (03:00 UTC on the 29th)",
    ],
    "doses in the week": 3,  # d1, d3, d4
    "doses today": 2,  # d3, d4
    "days with check-ins in the week": ["2026-03-29", "2026-03-28"],
}

CHILD = """
import datetime as dt, json, sys
from pathlib import Path
from zoneinfo import ZoneInfo
from companion.services.diary import DiaryFilter
from companion.services.session import DiarySession
from tests.helpers.clock import FakeClock

clock = FakeClock(dt.datetime(2026, 3, 29, 23, 45, tzinfo=ZoneInfo("Europe/London")))
session = DiarySession.open(Path(sys.argv[1]), passphrase=sys.argv[2], clock=clock)
week = (dt.date(2026, 3, 23), dt.date(2026, 3, 29))
print(json.dumps({
    "computer's zone": dt.datetime(2026, 3, 29, 12).astimezone().tzname(),
    "today": [e.note for e in session.diary.entries_today()],
    "on the 28th": [e.note for e in session.diary.entries_on(dt.date(2026, 3, 28))],
    "doses in the week": len(session.medicines.doses_between(*week)),
    "doses today": len(session.medicines.doses_on(session.diary.today())),
    "days with check-ins in the week": [d.day.isoformat() for d in session.diary.search(DiaryFilter(*week))],
}))
session.close()
"""


@pytest.fixture
def travelled_diary(vault_path: Path) -> Path:
    clock = FakeClock(at(2026, 3, 29, 23, 45, 1))
    session, _recovery = DiarySession.create(vault_path, DIARY_PASSPHRASE, CHEAP_KDF, clock)
    medicine, _changes = session.medicines.save(
        Medicine(session.medicines.new_id(), "Paracetamol", kind=MedicineKind.AS_NEEDED)
    )
    # Recorded on the person's travels: straight through the repositories, each with its own offset.
    with UnitOfWork(session.store) as uow:
        for number, (note, moment) in enumerate(CHECKINS.items()):
            uow.checkins.add(Checkin(f"entry-{number}", moment, pain=5, note=note), moment)
        for number, moment in enumerate(DOSES.values()):
            uow.medicines.add_dose(Dose(f"dose-{number}", medicine.id, moment))
        uow.commit()
    session.close()
    return vault_path


def read_in_zone(vault: Path, zone: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(vault), DIARY_PASSPHRASE],
        cwd=ROOT,
        env={**os.environ, "TZ": zone, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_days_are_the_same_in_every_zone_the_computer_may_be_set_to(travelled_diary: Path) -> None:
    seen = {zone: read_in_zone(travelled_diary, zone) for zone in ZONES}
    # The children really ran in four different zones (positive control for the TZ variable).
    assert [seen[zone].pop("computer's zone") for zone in ZONES] == ["UTC", "BST", "JST", "PDT"]
    for zone in ZONES:
        assert seen[zone] == EXPECTED, zone
