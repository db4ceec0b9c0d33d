"""Render the Settings reminders section and the in-window reminder in English and Welsh
(docs/screenshots/29-reminders-settings-*.png, 30-reminder-notice-*.png).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_reminder_screenshots.py
(the folders, the cheap key costs and `shoot` are make_screenshots.py's).
A new empty diary in a temporary folder, cheap key-derivation costs, a fixed clock at 19:05 on a Monday.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code, not an installed copy

from PySide6.QtWidgets import QApplication

from companion import i18n
from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, PASSPHRASE, open_with, shoot
from tests.helpers.clock import FakeClock


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py: dates in the interface language, the wheel guard
    apply_text_size(app, 12)
    clock = FakeClock(dt.datetime(2026, 3, 2, 19, 5).astimezone())  # the one Clock the app reads, stood still
    for lang in ("en", "cy"):
        with tempfile.TemporaryDirectory() as tmp:
            settings = AppSettings(language=lang, reminder_checkin=True, reminder_peg=True)
            ctx = AppContext(data_dir=Path(tmp), settings=settings, kdf_factory=lambda: CHEAP, clock=clock)
            session, _key = DiarySession.create(ctx.vault_path, PASSPHRASE, CHEAP, ctx.clock)
            i18n.set_language(lang)
            window = CompanionWindow(ctx, lambda s=session: s)  # type: ignore[misc]
            window.tray_available = lambda: False
            window.resize(1000, 900)
            open_with(app, window)
            assert window.main_view is not None
            window.main_view.show_page("settings")
            shoot(app, window, "29-reminders-settings", lang)
            window.main_view.show_page("today")
            window.reminders.check_now()
            shoot(app, window, "30-reminder-notice", lang)
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
