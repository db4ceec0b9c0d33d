"""A wait of a few seconds says what is happening: while the diary opens, or the demo diary is made, the
screen being waited on shows "Opening your diary…" / "Making the demo diary…" (widgets.run_busy), in the
interface's language, and the words go once it is done."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.demo import create_demo_diary
from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.ui.companion_window import CompanionWindow
from tests.conftest import CHEAP_KDF
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, unlock


def _watch_for_notes(window: QWidget, seen: list[tuple[str, bool]]) -> QTimer:
    """Every 20 ms (the GUI keeps running while the work is done off its thread), note any busy words shown."""

    def look() -> None:
        for note in window.findChildren(QLabel, "busyNote"):
            if note.isVisible():
                seen.append((note.text(), window.isVisible()))

    timer = QTimer(window)
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    return timer


@pytest.mark.parametrize(("language", "words"), [("en", "Opening your diary…"), ("cy", "Agor eich dyddiadur…")])
def test_unlocking_says_the_diary_is_opening(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, language: str, words: str
) -> None:
    window = make_window()
    first_run(qtbot, window, language)
    assert window.lock_now()
    opening = DiarySession.open

    def slow_open(*args: object, **kwargs: object) -> DiarySession:
        time.sleep(0.3)  # as key derivation takes on a real machine, a second or more
        return opening(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(DiarySession, "open", slow_open)
    seen: list[tuple[str, bool]] = []
    _watch_for_notes(window, seen)
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None
    assert seen and {text for text, _shown in seen} == {words}
    assert window.findChildren(QLabel, "busyNote") == [] or not any(
        n.isVisible() for n in window.findChildren(QLabel, "busyNote")
    )


def test_the_demo_is_made_with_the_window_showing_what_is_happening(
    qtbot: QtBot, data_dir: Path, bridge: object
) -> None:
    def slow_demo() -> DiarySession:
        time.sleep(0.3)
        return create_demo_diary(data_dir, CHEAP_KDF)

    context = AppContext(data_dir=data_dir, settings=AppSettings(language="en"), kdf_factory=lambda: CHEAP_KDF)
    context.demo = True
    window = CompanionWindow(context, slow_demo)
    qtbot.addWidget(window)
    seen: list[tuple[str, bool]] = []
    _watch_for_notes(window, seen)
    window.show()  # the demo is made after the window is on screen, not before it appears
    qtbot.waitUntil(lambda: window.main_view is not None, timeout=10000)
    assert ("Making the demo diary…", True) in seen
    assert window.lock_now()
