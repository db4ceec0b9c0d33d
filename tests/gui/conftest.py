"""GUI fixtures: a real CompanionWindow with the Qt translator bridge, torn down cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from tests.conftest import CHEAP_KDF

WindowFactory = Callable[..., CompanionWindow]


@pytest.fixture
def bridge(qapp) -> Iterator[TranslatorBridge]:  # type: ignore[no-untyped-def]
    """The Qt translator bridge and the app-wide field behaviour, as app.py installs them."""
    b = TranslatorBridge(qapp)
    field_behaviour.install(qapp)  # once per run: the style stays, as in the app
    apply_text_size(qapp, 12)
    yield b
    b.detach()


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path, bridge: TranslatorBridge) -> Iterator[WindowFactory]:
    windows: list[CompanionWindow] = []

    def factory(settings: AppSettings | None = None, **kwargs: object) -> CompanionWindow:
        context = AppContext(data_dir=data_dir, settings=settings or AppSettings(), kdf_factory=lambda: CHEAP_KDF)
        for key, value in kwargs.items():
            setattr(context, key, value)
        window = CompanionWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield factory
    for window in windows:
        if window.session is not None:
            assert window.lock_now(), "a test left unsaved changes behind"
        window.close()
        window.deleteLater()
    # Finish closing now, so a window of this test cannot take activation from the next test's window.
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
