"""What a screen reader gets from every screen: each control a person operates has a name in the
accessibility tree Qt builds (QAccessible), and Tab reaches every control, in a sensible order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.demo import create_demo_diary
from companion.storage.app_settings import FONT_SIZES, AppSettings
from companion.ui.companion_window import CompanionWindow
from companion.ui.style import apply_text_size
from tests.conftest import CHEAP_KDF
from tests.gui.conftest import WindowFactory
from tests.helpers.accessible import (
    clipped_text,
    diary_screens,
    reached,
    settle,
    tab_chain,
    tab_stops,
    unnamed_interactive,
)
from tests.helpers.gui import first_run, unlock


def open_demo(qtbot: QtBot, make_window: WindowFactory, data_dir: Path, language: str) -> CompanionWindow:
    create_demo_diary(data_dir, CHEAP_KDF, today=dt.date.today()).close()
    window = make_window(AppSettings(language=language))
    window.resize(1100, 900)
    unlock(qtbot, window, "demo")
    assert window.main_view is not None
    return window


@pytest.mark.parametrize("language", ["cy", "en"])
def test_the_lock_flow_screens_name_every_control(qtbot: QtBot, make_window: WindowFactory, language: str) -> None:
    window = make_window()
    offenders: dict[str, list[str]] = {}
    counts = {}
    counts["language offer"], offenders["language offer"] = unnamed_interactive(window)
    first_run(qtbot, window, language)  # through the passphrase and recovery-key screens
    assert i18n.current_language() == language
    for name, view in (("create", window.create_view), ("recovery", window.recovery_view)):
        window.stack.setCurrentWidget(view)
        settle()
        counts[name], offenders[name] = unnamed_interactive(window)
    window.stack.setCurrentWidget(window.main_view)
    assert window.lock_now()
    counts["unlock"], offenders["unlock"] = unnamed_interactive(window)
    restore = window.start.open_restore_dialog()
    settle()
    counts["restore dialog"], offenders["restore dialog"] = unnamed_interactive(restore)
    restore.reject()
    assert {k: v for k, v in offenders.items() if v} == {}
    assert all(n >= 1 for n in counts.values()), counts
    assert sum(counts.values()) >= 12


@pytest.fixture
def large_text(qapp: QApplication, bridge: object) -> Iterator[None]:
    """200 % text: 24 pt, the largest text-size choice, twice the default."""
    assert max(FONT_SIZES) == 24
    apply_text_size(qapp, 24)
    yield
    apply_text_size(qapp, 12)


def test_every_screen_and_dialog_at_200_percent_in_welsh(
    qtbot: QtBot, large_text: None, make_window: WindowFactory, data_dir: Path
) -> None:
    """One walk over every screen of the demo diary (so lists have rows) in Welsh (the longer words) at 24 pt
    in a 1280 x 800 window: each control has an accessible name, Tab reaches each one, and no words are cut
    off (labels and buttons at least their size hint, wrapped text as tall as it needs, nothing hidden past
    the edge of a scroll area that cannot scroll sideways)."""
    window = open_demo(qtbot, make_window, data_dir, "cy")
    window.resize(1280, 800)  # a common laptop screen
    main = window.main_view
    assert main is not None
    assert window.minimumSizeHint().width() <= 1280
    unnamed: dict[str, list[str]] = {}
    unreached: dict[str, list[str]] = {}
    clipped: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    chains: dict[str, list[QWidget]] = {}
    for name, root in diary_screens(window):
        counts[name], found = unnamed_interactive(root)
        if found:
            unnamed[name] = found
        cut = clipped_text(root)  # before Tab moves the focus (and with it what some pages show)
        if cut:
            clipped[name] = cut
        stops = tab_stops(root)
        # The window's first stop is the flare-up button; a dialog starts at its own first control.
        chain = tab_chain(main.flare_button if root is main else stops[0])
        assert len(chain) < 400, f"{name}: Tab never comes back round (a keyboard trap near {chain[-1]!r})"
        chains[name] = chain
        missed = reached(stops, chain)
        if missed:
            unreached[name] = [f"{type(w).__name__}#{w.objectName()}" for w in missed]
        assert root.window().width() <= 1280 or root is not main, f"{name} widened the window"
        if name == "today":  # the check-in, and everything on Today, fits without scrolling sideways
            assert not main.today.scroll_area.horizontalScrollBar().isVisible()
        if name.startswith("flare mode"):
            assert not main.flare_mode.scroll_area.horizontalScrollBar().isVisible()
    assert unnamed == {}
    assert unreached == {}
    assert clipped == {}
    assert len(counts) >= 27 and sum(counts.values()) >= 500, counts

    # Today: the pain scale comes first after the check-in's time, the dose buttons right after the
    # pacing rows and before today's entries.
    today = main.today
    order = chains["today"]
    scale = order.index(today.picker.buttons[0])
    when = today.form.when
    assert order.index(when.date_edit) + 1 == order.index(when.time_edit)  # the date, then the time: two stops
    assert order.index(when.time_edit) < scale < order.index(today.note) < order.index(today.save)
    last_pacing = max(i for i, w in enumerate(order) if today.pacing.isAncestorOf(w))
    doses = [order.index(row.log_button) for row in today.doses.rows()]
    assert doses and min(doses) == last_pacing + 1, [w.objectName() for w in order]
    assert max(doses) < order.index(today.entries)
    # The navigation comes before the page, the page's controls in reading order.
    assert order[:3] == [main.flare_button, main.nav, main.lock_button]
