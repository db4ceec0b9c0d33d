"""Every screen and main dialog, walked in Welsh at the default 1000 x 720 window and at 200 % text (24 pt) on
a 1280 x 800 screen in Welsh and English (the sets docs/screenshots/make_every_screen.py renders): no words
cut, no tab title cut or scrolled out of sight, no list scrolling inside a scrolling page, no page scrolling
sideways, no dialog larger than the window, and the window never widened."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion.demo import create_demo_diary
from companion.storage.app_settings import AppSettings
from companion.ui.style import apply_text_size
from tests.conftest import CHEAP_KDF
from tests.gui.conftest import WindowFactory
from tests.helpers.accessible import clipped_text, diary_screens, settle
from tests.helpers.gui import unlock
from tests.helpers.layout_checks import cut_tabs, nested_scrolling, outside_window, sideways_pages

# The Diary's days: a long list beside the day it opens, which the page keeps most of the window tall
# (layouts.tall_in_page) rather than showing every day at once.
MEANT_TO_SCROLL = ("diaryDays",)
# Every page, the Summary too, is checked for sideways scrolling (the set stays for a page that must).
SIDEWAYS_ELSEWHERE: set[str] = set()

SETS = [
    pytest.param("cy", 12, (1000, 720), id="welsh-1000x720"),
    pytest.param("cy", 24, (1280, 800), id="welsh-200pc-1280x800"),
    pytest.param("en", 24, (1280, 800), id="english-200pc-1280x800"),
]


@pytest.fixture
def text_size(qapp: QApplication, bridge: object) -> Iterator[object]:
    def apply(points: int) -> None:
        apply_text_size(qapp, points)

    yield apply
    apply_text_size(qapp, 12)


@pytest.mark.parametrize(("language", "points", "size"), SETS)
def test_every_screen_fits_without_cutting_scrolling_sideways_or_nesting_scrolls(
    qtbot: QtBot,
    make_window: WindowFactory,
    data_dir: Path,
    text_size: object,
    language: str,
    points: int,
    size: tuple[int, int],
) -> None:
    text_size(points)  # type: ignore[operator]
    create_demo_diary(data_dir, CHEAP_KDF, today=dt.date.today()).close()
    window = make_window(AppSettings(language=language, font_point_size=points))
    window.resize(*size)
    problems: dict[str, list[str]] = {}

    def check(name: str, root: QWidget) -> None:
        settle()
        found = clipped_text(root) + cut_tabs(root) + nested_scrolling(root, MEANT_TO_SCROLL)
        found += [] if name in SIDEWAYS_ELSEWHERE else sideways_pages(root)
        found += outside_window(root, window)
        if window.width() > size[0]:
            found.append(f"the window was widened to {window.width()}")
        if found:
            problems[name] = found

    check("unlock", window)
    restore = window.start.open_restore_dialog()
    check("restore dialog", restore)
    restore.reject()
    unlock(qtbot, window, "demo")
    assert window.main_view is not None
    walked = 0
    for name, root in diary_screens(window):
        check(name, root)
        walked += 1
    assert walked >= 27
    assert problems == {}
