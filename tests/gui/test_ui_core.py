"""The UI core (issue 17): change events reach the parts that show them, hidden parts read nothing until
shown, translation reads nothing, a failed save is one state shown once, quitting with it asks plainly."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.changes import Changes
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.ui.core.page import PageHost, PagePart
from companion.ui.core.standalone import standalone_diary
from companion.ui.main_view import KEYS
from tests.conftest import CHEAP_KDF
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, unlock
from tests.helpers.sql_statements import selects, statements


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory):  # type: ignore[no-untyped-def]
    w = make_window()
    first_run(qtbot, w, "en")
    return w


def test_a_check_in_reads_nothing_for_hidden_sections_and_they_catch_up_when_shown(
    qtbot: QtBot, window
) -> None:  # type: ignore[no-untyped-def]
    view = window.main_view
    for key in KEYS:  # every section built, as after a while of use
        view.show_page(key)
    view.show_page("today")
    diary_page = view.diary
    assert not diary_page.isVisible()
    with statements(window.session) as seen:
        record_pain(qtbot, window, 6, "after the walk")
    assert "after the walk" in view.today.entries.item(0).text()
    assert selects(seen) == []  # Today shows the entry from the write; no hidden section read anything
    assert window.open_diary.host.is_stale(diary_page)
    with statements(window.session) as seen:
        view.show_page("diary")
    assert selects(seen), "the Diary section did not read the diary when shown after a change"
    assert not window.open_diary.host.is_stale(diary_page)


def test_a_change_elsewhere_refreshes_the_visible_part_whose_interests_meet_it(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    view, diary = window.main_view, window.open_diary
    today = view.today
    before = diary.host.refreshes
    done = diary.run(lambda: window.session.diary.record_pain(4, "from somewhere else"))
    assert done is not None
    assert "from somewhere else" in today.entries.item(0).text()  # Today is visible and shows check-ins
    assert diary.host.refreshes == before + 1  # Today only: the pacing, doses and questions parts were not
    done = diary.run(lambda: window.session.measures.record_peg(5, 5, 5))
    assert done is not None and not today.measures_banner.peg_row.isVisible()


def test_switching_language_reads_nothing_on_sections_moved_to_the_core(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    view = window.main_view
    for key in ("today", "diary", "plan", "settings"):
        view.show_page(key)
    view.open_flare_mode()
    view.show_page("today")
    with statements(window.session) as seen:
        window.switch_language("cy")
    assert selects(seen) == []
    assert view.nav.item(0).text() == "Heddiw"
    window.switch_language("en")


def test_switching_language_reads_nothing(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    view = window.main_view
    for key in KEYS:
        view.show_page(key)
    view.show_page("today")
    with statements(window.session) as seen:
        window.switch_language("cy")
    assert selects(seen) == []
    assert view.nav.item(0).text() == "Heddiw"
    window.switch_language("en")


class _Part(PagePart, QWidget):
    interests = Changes(goals=True)
    draft_key = "part"

    def __init__(self) -> None:
        super().__init__()
        self.read = 0
        self.kept: dict[str, Any] | None = None

    def refresh(self) -> None:
        self.read += 1

    def retranslate_ui(self) -> None:
        pass

    def draft(self) -> dict[str, Any] | None:
        return {"typed": "half a sentence"}

    def restore(self, draft: dict[str, Any]) -> None:
        self.kept = draft


@pytest.fixture
def session(tmp_path: Path) -> Iterator[DiarySession]:
    opened, _recovery = DiarySession.create(tmp_path / "diary.vault", PASSPHRASE, CHEAP_KDF)
    yield opened
    opened.close()


def test_the_host_refreshes_visible_parts_marks_hidden_ones_and_skips_the_origin(
    qtbot: QtBot, session: DiarySession
) -> None:
    diary = standalone_diary(session)
    host: PageHost = diary.host
    part = _Part()
    qtbot.addWidget(part)
    host.add(part)
    diary.announce(Changes(goals=True))  # hidden: marked, not read
    assert part.read == 0 and host.is_stale(part)
    part.show()
    qtbot.waitExposed(part)
    assert part.read == 1 and not host.is_stale(part)  # read once, when shown
    diary.announce(Changes(medicines=True))  # not its kind of change
    assert part.read == 1
    diary.announce(Changes(goals=True))
    assert part.read == 2
    diary.announce(Changes(goals=True), origin=part)  # it made the change and showed it itself
    assert part.read == 2
    assert host.drafts() == {"part": {"typed": "half a sentence"}}
    later = _Part()
    qtbot.addWidget(later)
    host.keep_drafts({"part": {"typed": "kept"}})
    assert part.kept == {"typed": "kept"}
    host.keep_drafts({"part": {"typed": "for the next one"}})
    host.detach()
    host.keep_drafts({"part": {"typed": "for the next one"}})
    host.add(later)  # a part built after unlocking gets the draft kept for it
    assert later.kept == {"typed": "for the next one"}


def test_a_failed_save_is_one_banner_and_one_question_until_it_saves(
    qtbot: QtBot, window, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    record_pain(qtbot, window, 7, "first while full")
    banner = window.main_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    box = message_box(window)
    assert box is not None
    box.reject()  # "Cancel": the banner stays
    qtbot.waitUntil(lambda: message_box(window) is None, timeout=2000)
    record_pain(qtbot, window, 6, "second while full")
    qtbot.wait(50)
    assert message_box(window) is None  # still failing: not asked again at every change
    assert banner.isVisible()
    monkeypatch.undo()
    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    texts = [window.main_view.today.entries.item(i).text() for i in range(window.main_view.today.entries.count())]
    assert any("first while full" in t for t in texts) and any("second while full" in t for t in texts)


def test_quitting_with_a_failed_save_offers_a_copy_that_opens_with_the_passphrase(
    qtbot: QtBot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from companion.ui import dialogs

    real_write = atomic.os.write
    vault_path = window.session.path

    def refuse_the_diary_folder(fd: int, data: object) -> int:
        import os

        if Path(os.readlink(f"/proc/self/fd/{fd}")).parent == vault_path.parent:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "write", refuse_the_diary_folder)
    record_pain(qtbot, window, 8, "only in memory")
    qtbot.waitUntil(window.main_view.banner.isVisible, timeout=5000)
    box = message_box(window)
    assert box is not None
    box.reject()
    window.close()  # the person quits
    assert window.session is not None  # not closed: it asks first
    question = None

    def asked() -> bool:
        nonlocal question
        question = next((b for b in window.findChildren(QMessageBox) if b.objectName() == "quitUnsavedMessage"), None)
        return question is not None and question.isVisible()

    qtbot.waitUntil(asked, timeout=3000)
    assert question is not None
    assert "changes since then are lost" in question.text()
    names = {b.objectName() for b in question.findChildren(QPushButton)}
    assert {"quitRetry", "quitSaveCopy", "quitLoseChanges", "quitStay"} <= names
    assert question.defaultButton().objectName() == "quitRetry"  # Enter never loses anything
    copies = tmp_path / "usb"
    copies.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(copies))
    qtbot.mouseClick(question.findChild(QPushButton, "quitSaveCopy"), Qt.MouseButton.LeftButton)
    done = None

    def told() -> bool:
        nonlocal done
        done = message_box(window)
        return done is not None and "encrypted copy" in done.text()

    qtbot.waitUntil(told, timeout=3000)
    (copy,) = copies.glob("*.vault")
    monkeypatch.undo()
    done.accept()
    qtbot.waitUntil(lambda: window.session is None, timeout=3000)
    copied = DiarySession.open(copy, passphrase=PASSPHRASE)
    try:
        assert any(e.note == "only in memory" for e in copied.diary.entries_today())
    finally:
        copied.store.close()


def test_the_window_only_composes(qtbot: QtBot) -> None:
    import inspect

    from companion.ui import companion_window

    assert len(inspect.getsource(companion_window).splitlines()) < 250


def test_the_cheap_kdf_is_what_the_window_uses_in_tests() -> None:
    assert CHEAP_KDF.iterations == 1  # the fixtures above rely on it to stay fast


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    yield
    i18n.set_language("en")


def test_a_lock_during_a_long_step_waits_for_it_then_locks(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    import time

    from PySide6.QtCore import QTimer

    from companion.ui.widgets import run_busy

    session = window.session
    steps: list[str] = []

    def build() -> str:
        time.sleep(0.3)  # a document being made from the diary
        steps.append("built" if session.is_open else "the diary closed under the build")
        return "done"

    QTimer.singleShot(50, window.idle.idle.emit)  # auto-lock fires in the middle of it
    assert run_busy(window.main_view.today, build) == "done"
    assert steps == ["built"]
    qtbot.waitUntil(lambda: window.session is None, timeout=3000)  # and then it locks
    assert window.stack.currentWidget() is window.unlock_view


def test_a_part_that_hides_itself_when_empty_still_hears_changes_while_its_page_shows(
    qtbot: QtBot, session: DiarySession
) -> None:
    diary = standalone_diary(session)
    page = QWidget()
    qtbot.addWidget(page)
    part = _Part()
    part.hides_when_empty = True
    part.setParent(page)
    diary.host.add(part)
    page.show()
    qtbot.waitExposed(page)
    part.hide()  # nothing to show for now
    read = part.read
    diary.announce(Changes(goals=True))
    assert part.read == read + 1  # read at once: it may have something to show now
    page.hide()
    diary.announce(Changes(goals=True))
    assert part.read == read + 1 and diary.host.is_stale(part)  # its page is not on screen
