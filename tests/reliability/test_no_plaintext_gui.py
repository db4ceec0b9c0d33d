"""No plaintext and no network from a whole window session: a canary in every kind of field, then a scan.

The real CompanionWindow (Welsh interface) is set up through its first-run screens; a check-in note is
typed into Today's widgets, and a canary goes into every other kind of field the diary keeps: tags of each
kind, a diary edit, the flare-up plan and a helper, a flare review, a pacing activity (name, own unit,
tolerance-test note, log note), what matters, a goal and its step, an action plan, a medicine (name,
purpose, dose, prescriber, notes, side effects, a dose note), what I've tried, an own support entry, and
the summary's name, top 3 and questions (these go in through the session's services, the calls the pages
make). Every page is then shown, so each canary is drawn by Qt (and charted by matplotlib on Trends). A
canary is left typed but unsaved in Today's note, so locking keeps it as an encrypted draft. The diary is
locked, unlocked through the lock screen, and locked again. One explicit JSON export is written.

Then every file under these is searched for each canary (UTF-8, UTF-16-LE and UTF-16-BE, as a short
ASCII marker so a canary split or case-folded is still found): the test's own folder (data folder,
backups, settings, matplotlib's MPLCONFIGDIR, XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_DATA_HOME), the private
temp folder (TMPDIR and Python's tempfile point there for the test), XDG_RUNTIME_DIR, Qt's cache,
config, data and temp locations as QStandardPaths reports them, new entries in the system temp folders,
and every file this process opened for writing (Python's audit hook) or held open (/proc/self/fd).
Canaries found outside the explicit export: 0. The export, the positive control, must hold every one of them.

The whole session runs under the network recorder of test_no_network.py: no socket is made or used.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot

from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating
from companion.domain.flare import FlarePlan, Helper
from companion.domain.goals import ActionPlan, Goal, GoalStep
from companion.domain.medicines import Medicine, MedicineKind, Tried
from companion.domain.pacing import Unit
from companion.services import transfer
from companion.services.goals import new_id
from companion.ui.main_view import PAGES
from tests.gui.conftest import WindowFactory, bridge, make_window  # noqa: F401  (fixtures)
from tests.helpers.gui import PASSPHRASE, first_run, record_pain, type_into, unlock
from tests.reliability.test_no_network import recording_network
from tests.reliability.test_no_plaintext import (
    HAS_PROC_FD,
    OpenFileWatcher,
    files_under,
    leaks_in,
    listing,
    system_temp_dirs,
)

pytestmark = pytest.mark.reliability

FIELDS = (
    "checkin-note-typed",
    "tag-did",
    "tag-helped",
    "tag-worse",
    "checkin-note",
    "diary-edit",
    "flare-plan-line",
    "flare-helper-name",
    "flare-helper-how",
    "flare-review-triggers",
    "flare-review-helped",
    "flare-review-change",
    "pacing-name",
    "pacing-own-unit",
    "pacing-test-note",
    "pacing-log-note",
    "what-matters",
    "good-day",
    "goal-title",
    "goal-why",
    "goal-step",
    "plan-what",
    "plan-how-much",
    "plan-when",
    "medicine-name",
    "medicine-purpose",
    "medicine-dose",
    "medicine-prescriber",
    "medicine-notes",
    "medicine-side-effects",
    "dose-note",
    "tried-name",
    "tried-notes",
    "support-name",
    "support-description",
    "support-phone",
    "support-website",
    "summary-name",
    "summary-top3",
    "summary-question",
    "story-title",
    "story-result",
    "story-contact",
    "appointment-who",
    "appointment-why",
    "appointment-top3",
    "appointment-told",
    "appointment-next-step",
    "reason-words",
    "decision-choice",
    "option-benefits",
    "review-step",
    "agreed-with",
    "draft-note-unsaved",
)
# A short lower-case ASCII marker per field (tags are case-folded, some fields are trimmed), then Welsh
# letters and an emoji so the text takes the paths non-ASCII text takes.
MARKERS = {field: f"zqk{n:02d}x" for n, field in enumerate(FIELDS)}


def canary(field: str) -> str:
    return f"{MARKERS[field]} {field} ŵŷ 🦉"


def marker_needles() -> dict[bytes, str]:
    found: dict[bytes, str] = {}
    for field, marker in MARKERS.items():
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found[marker.encode(encoding)] = f"{field} ({encoding})"
    return found


def qt_locations() -> list[Path]:
    kinds = (
        QStandardPaths.StandardLocation.CacheLocation,
        QStandardPaths.StandardLocation.GenericCacheLocation,
        QStandardPaths.StandardLocation.AppConfigLocation,
        QStandardPaths.StandardLocation.GenericConfigLocation,
        QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.GenericDataLocation,
        QStandardPaths.StandardLocation.TempLocation,
        QStandardPaths.StandardLocation.RuntimeLocation,
    )
    return [Path(p) for kind in kinds if (p := QStandardPaths.writableLocation(kind))]


class PoliteWatcher(OpenFileWatcher):
    """The open-file watcher, pausing a millisecond between polls so the window keeps the GIL most of the time."""

    def _run(self) -> None:
        while not self._stop.wait(0.001):
            self.poll()


class WriteRecorder:
    """Paths this process opens for writing, from Python's audit hook (`open` events)."""

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self.active = False
        sys.addaudithook(self._hook)  # audit hooks cannot be removed; this one is idle unless active

    def _hook(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active or event != "open" or not args or not isinstance(args[0], str | bytes | Path):
            return
        path, mode, flags = [*args, None, None][:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        )
        if writing:
            self.paths.add(os.fsdecode(path))


_RECORDER: WriteRecorder | None = None


def _recorder() -> WriteRecorder:
    global _RECORDER
    if _RECORDER is None:
        _RECORDER = WriteRecorder()
    return _RECORDER


def _fill_every_field(window: Any) -> None:
    """What the pages save, through the same service calls, with a canary in each text field."""
    session = window.session
    now = session.diary.now()
    entry, _ = session.diary.record_checkin(
        CheckinInput(
            recorded_at=now - dt.timedelta(hours=2),
            pain=5,
            regions=(RegionPain("f-head", 5),),
            tags=(
                TagRating(TagKind.DID, canary("tag-did")),
                TagRating(TagKind.HELPED, canary("tag-helped"), 3),
                TagRating(TagKind.WORSE, canary("tag-worse"), 2),
            ),
            note=canary("checkin-note"),
        )
    )
    session.diary.update_checkin(
        entry.id,
        CheckinInput(recorded_at=entry.recorded_at, pain=6, note=f"{canary('checkin-note')} {canary('diary-edit')}"),
    )
    session.flares.save_plan(
        FlarePlan(
            sections={"warning_signs": (canary("flare-plan-line"),), "people": ("Mam",)},
            helpers=(Helper(canary("flare-helper-name"), canary("flare-helper-how"), "01234 567890"),),
        )
    )
    episode, _ = session.flares.start()
    session.flares.end()
    session.flares.review(
        episode.id, canary("flare-review-triggers"), canary("flare-review-helped"), canary("flare-review-change")
    )
    activity, _ = session.pacing.add_activity(canary("pacing-name"), Unit.OWN, own_unit=canary("pacing-own-unit"))
    session.pacing.record_test(activity.id, 12, note=canary("pacing-test-note"))
    session.pacing.log(activity.id, 10, note=canary("pacing-log-note"))
    session.goals.save_what_matters(canary("what-matters"), canary("good-day"))
    goal, _ = session.goals.save_goal(
        Goal(new_id(), canary("goal-title"), why=canary("goal-why"), steps=(GoalStep(new_id(), canary("goal-step")),))
    )
    session.goals.save_plan(
        ActionPlan(
            new_id(),
            session.goals.this_week(),
            canary("plan-what"),
            how_much=canary("plan-how-much"),
            when=canary("plan-when"),
            goal_id=goal.id,
        )
    )
    medicines = session.medicines
    medicine, _ = medicines.save(
        Medicine(
            medicines.new_id(),
            canary("medicine-name"),
            purpose=canary("medicine-purpose"),
            kind=MedicineKind.AS_NEEDED,
            dose=canary("medicine-dose"),
            prescriber=canary("medicine-prescriber"),
            notes=canary("medicine-notes"),
        )
    )
    medicines.rate(medicine.id, 6, canary("medicine-side-effects"))
    medicines.log_dose(medicine.id, canary("dose-note"))
    medicines.save_tried(Tried(medicines.new_id(), canary("tried-name"), notes=canary("tried-notes")))
    support = session.support
    support.save_own(
        support.new_own(
            canary("support-name"), canary("support-description"), canary("support-phone"), canary("support-website")
        )
    )
    session.summary.remember(
        "clinician", [], canary("summary-name"), [canary("summary-top3")], [canary("summary-question")]
    )
    _fill_story(session, medicine.id)


def _fill_story(session: Any, medicine_id: str) -> None:
    """My story, an appointment before and after, a follow-up reason, a decision, a review plan (issue 21)."""
    from companion.domain.agreement import Agreement
    from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule, NextStep
    from companion.domain.approx_date import ApproxDate
    from companion.domain.decisions import Decision, DecisionOption
    from companion.domain.medicine_review import ReviewPlan, ReviewStep
    from companion.domain.story import StoryItem, StoryKind
    from companion.services.appointments import AfterVisit

    session.story.save(
        StoryItem(
            new_id(), StoryKind.INVESTIGATION, canary("story-title"), ApproxDate(2021, 6),
            result=canary("story-result"), contact=canary("story-contact"),
        )
    )  # fmt: skip
    appointment, _ = session.appointments.save(
        Appointment(
            new_id(), session.diary.now() - dt.timedelta(days=1), who=canary("appointment-who"),
            why=canary("appointment-why"), top_three=(canary("appointment-top3"),),
        )
    )  # fmt: skip
    session.appointments.record_after(
        appointment.id,
        AfterVisit(
            told=canary("appointment-told"),
            next_steps=(NextStep(canary("appointment-next-step"), "Fi"),),
            reasons=(FollowUpReason("", canary("reason-words"), FollowUpRule.NEW_REGION),),
        ),
    )
    session.story.save_decision(
        Decision(new_id(), canary("decision-choice"), (DecisionOption("Aros", canary("option-benefits")),))
    )
    today = session.diary.today()
    session.story.save_review_plan(
        ReviewPlan(
            new_id(), "Adolygiad", medicine_id, (ReviewStep(today, canary("review-step")),),
            Agreement(canary("agreed-with"), today),
        )
    )  # fmt: skip


def _show_every_page(qtbot: QtBot, window: Any) -> None:
    view = window.main_view
    for key, _title in PAGES:
        view.show_page(key)
        qtbot.wait(30)


def test_a_window_session_leaves_no_canary_outside_the_export_and_opens_no_socket(
    qtbot: QtBot,
    make_window: WindowFactory,  # noqa: F811
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    private_temp = tmp_path / "tmpdir"
    private_temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_temp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_temp))
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    exports = tmp_path / "exports"
    exports.mkdir()
    export_file = exports / "diary-export.json"

    temp_dirs = system_temp_dirs()
    temp_before = listing(temp_dirs)
    recorder = _recorder()
    watcher = PoliteWatcher()
    recorder.active = True
    try:
        with recording_network(monkeypatch) as network, watcher.watching():
            window = make_window()
            first_run(qtbot, window, "cy")
            record_pain(qtbot, window, 4, canary("checkin-note-typed"))
            qtbot.waitUntil(lambda: len(window.session.diary.all_entries()) == 1, timeout=3000)
            _fill_every_field(window)
            _show_every_page(qtbot, window)
            qt_paths = qt_locations()

            transfer.write_export(export_file, transfer.export_json(window.session))

            window.main_view.show_page("today")
            type_into(qtbot, window.main_view.today.note, canary("draft-note-unsaved"))
            assert window.lock_now()
            qtbot.wait(30)
            unlock(qtbot, window, PASSPHRASE)
            qtbot.waitUntil(lambda: window.session is not None, timeout=5000)
            notes = "\n".join(e.note for e in window.session.diary.all_entries())
            assert MARKERS["diary-edit"] in notes and MARKERS["checkin-note-typed"] in notes
            window.main_view.show_page("diary")
            qtbot.wait(30)
            assert window.lock_now()
            qtbot.wait(30)
    finally:
        recorder.active = False

    assert network == [], f"the window session touched the network: {network}"

    needles = marker_needles()
    exported = leaks_in(export_file.read_bytes(), needles)
    # The unsaved draft is the one canary that is never exported (drafts are transient and encrypted).
    expected_in_export = {f"{f} (utf-8)" for f in FIELDS if f != "draft-note-unsaved"}
    assert expected_in_export <= set(exported), sorted(expected_in_export - set(exported))

    roots = [tmp_path, private_temp, *qt_paths]
    scanned: set[Path] = set()
    for root in roots:
        if root.is_dir():
            scanned.update(files_under(root))
    for entry in listing(temp_dirs) - temp_before:
        if entry.is_dir() and not entry.is_symlink():
            scanned.update(files_under(entry))
        elif entry.is_file():
            scanned.add(entry)
    opened = {Path(p.removesuffix(" (deleted)")) for p in watcher.paths if p.startswith("/")}
    written = {Path(p) for p in recorder.paths}
    scanned.update(p for p in written | opened if p.is_file() and not str(p).startswith(("/proc", "/dev", "/sys")))
    scanned.discard(export_file)

    leaks: dict[str, list[str]] = {}
    for path in sorted(scanned):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if found := leaks_in(data, needles):
            leaks[str(path)] = found
    print(
        f"no-plaintext window session: {len(FIELDS)} canaries, {len(scanned)} files scanned "
        f"({len(written)} opened for writing, {len(opened)} seen open), canaries found outside the export: "
        f"{sum(len(v) for v in leaks.values())}"
    )
    assert leaks == {}, f"canaries on disk outside the explicit export: {leaks}"
    names = {p.name for p in scanned}
    assert "diary.vault" in names and "settings.json" in names, "the data folder was not scanned"
    assert any(p.parent.name == "backups" for p in scanned), "the backups were not scanned"
    assert any(".diary.vault." in str(p) for p in written), f"the write recorder missed the saves: {sorted(written)}"
    if HAS_PROC_FD:
        assert watcher.sqlite_temp_files() == [], "SQLite opened temp files during the session"
