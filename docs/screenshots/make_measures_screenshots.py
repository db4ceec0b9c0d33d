"""Render the weekly pain check reached from Today, its correction, the mood check's result, "About these
measures" and the urgent help pinned on Support, in English and Welsh (docs/screenshots/31-… to 35-…).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_measures_screenshots.py [--large]
(the folders, the cheap key costs and `shoot` are make_screenshots.py's). A new diary in a temporary folder
with one week of check-ins and one weekly check, on a fixed clock. With --large: 200 % text (24 pt) at
1280 x 800, into the temporary folder's companion-large-en/ and companion-large-cy/ (to look at, not committed).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code, not an installed copy

from PySide6.QtWidgets import QApplication, QWidget

from companion import i18n
from companion.services.app_context import AppContext
from companion.services.clock import Clock
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.ui.companion_window import CompanionWindow
from companion.ui.measures.about_dialog import AboutMeasuresDialog
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, OUT, PASSPHRASE, open_with, settle


def save(app: QApplication, widget: QWidget, name: str, folder: Path) -> None:
    settle(app)
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def main() -> int:
    large = "--large" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    apply_text_size(app, 24 if large else 12)
    now = dt.datetime(2026, 3, 9, 10, 5).astimezone()  # a Monday
    for lang in ("en", "cy"):
        folder = Path(tempfile.gettempdir()) / f"companion-large-{lang}" if large else OUT
        suffix = "" if large else f"-{lang}"
        with tempfile.TemporaryDirectory() as tmp:
            ctx = AppContext(
                data_dir=Path(tmp),
                settings=AppSettings(language=lang),
                kdf_factory=lambda: CHEAP,
                clock=Clock(source=lambda: now),
            )
            session, _key = DiarySession.create(ctx.vault_path, PASSPHRASE, CHEAP, ctx.clock)
            for days in range(8, 0, -1):
                session.diary.record_pain(4 + days % 3, at=now - dt.timedelta(days=days, hours=1))
            session.measures.record_peg(6, 5, 7)  # this week's, answered this morning: not due again yet
            i18n.set_language(lang)
            window = CompanionWindow(ctx, lambda s=session: s)  # type: ignore[misc]
            window.resize(*((1280, 800) if large else (1000, 720)))
            open_with(app, window)
            main_view = window.main_view
            assert main_view is not None
            main_view.show_page("today")
            save(app, window, f"31-today-weekly-check-any-time{suffix}", folder)
            banner = main_view.today.measures_banner
            dialog = banner.open_peg_correction()
            assert dialog is not None
            dialog.pickers[0].set_score(2)
            save(app, dialog, f"32-peg-correction-from-today{suffix}", folder)
            dialog.reject()
            mood = banner.open_mood_screen()
            for question, value in zip(mood.questions, (2, 2, 1, 1), strict=True):
                question.radios[value].setChecked(True)
            mood.save.click()
            save(app, mood, f"33-mood-result{suffix}", folder)
            mood.about.click()
            about = mood.findChild(AboutMeasuresDialog)
            assert about is not None
            save(app, about, f"34-about-these-measures{suffix}", folder)
            about.reject()
            mood.accept()
            main_view.show_page("support")
            save(app, window, f"35-support-urgent-help{suffix}", folder)
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
