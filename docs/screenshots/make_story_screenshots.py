"""Render My story's screens (issue 21) from the demo diary in English and Welsh into docs/screenshots/
31-story-*-en.png / -cy.png at 1000 x 720, and with --large at 200 % text in a 1280 x 800 window into
docs/screenshots/large-cy/31-story-*.png (Welsh) to look for clipped words.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_story_screenshots.py [--large]
(the folders, the cheap key costs and `shoot` are make_screenshots.py's).
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
from companion.demo import create_demo_diary
from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, OUT, settle


def grab(app: QApplication, widget: QWidget, path: Path) -> None:
    settle(app)
    path.parent.mkdir(exist_ok=True)
    widget.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def shoot_story(app: QApplication, window: CompanionWindow, out: Path, suffix: str) -> None:
    main = window.main_view
    assert main is not None
    main.show_page("story")
    story = main.story
    names = ("31-story-timeline", "32-story-appointments", "33-story-decisions", "34-story-reviews")
    for index, name in enumerate(names):
        story.tabs.setCurrentIndex(index)
        if index == 1:
            story.appointments.past_list.setCurrentRow(0)
        grab(app, window, out / f"{name}{suffix}.png")
    story.tabs.setCurrentIndex(0)
    dialog = story.timeline.open_item(story.timeline._items[2].id)  # the MRI scan: a test with a result
    assert dialog is not None
    grab(app, dialog, out / f"35-story-entry{suffix}.png")
    dialog.reject()
    story.tabs.setCurrentIndex(1)
    panel = story.appointments
    panel.upcoming_list.setCurrentRow(0)
    for name, opened in (
        ("36-story-appointment", panel.edit_chosen),
        ("37-story-prepare", panel.prepare_chosen),
    ):
        dialog = opened()
        assert dialog is not None
        grab(app, dialog, out / f"{name}{suffix}.png")
        dialog.reject()  # type: ignore[attr-defined]
    panel.past_list.setCurrentRow(0)
    dialog = panel.after_chosen()
    assert dialog is not None
    dialog.ordered.add_row({"kind": "referral", "what": "Physiotherapy", "where": "Bangor"})
    dialog.changes.add_row()
    grab(app, dialog, out / f"38-story-after{suffix}.png")
    dialog.scroll_area.verticalScrollBar().setValue(10_000)
    grab(app, dialog, out / f"39-story-after-reasons{suffix}.png")
    dialog.reject()
    story.tabs.setCurrentIndex(2)
    story.decisions.list.setCurrentRow(0)
    dialog = story.decisions.open_chosen()
    assert dialog is not None
    grab(app, dialog, out / f"40-story-decision{suffix}.png")
    dialog.reject()  # type: ignore[attr-defined]
    story.tabs.setCurrentIndex(3)
    story.reviews.list.setCurrentRow(0)
    dialog = story.reviews.open_chosen()
    assert dialog is not None
    grab(app, dialog, out / f"41-story-review-plan{suffix}.png")
    dialog.reject()  # type: ignore[attr-defined]
    story.tabs.setCurrentIndex(0)
    main.show_page("today")
    main.today.scroll_area.ensureWidgetVisible(main.today.review_steps)
    grab(app, window, out / f"42-story-today{suffix}.png")


def main() -> int:
    large = "--large" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py: dates in the interface language, the wheel guard
    apply_text_size(app, 24 if large else 12)
    for lang in ("cy",) if large else ("en", "cy"):
        with tempfile.TemporaryDirectory() as tmp:
            create_demo_diary(Path(tmp), CHEAP, today=dt.date.today()).close()
            settings = AppSettings(language=lang)
            ctx = AppContext(data_dir=Path(tmp), settings=settings, kdf_factory=lambda: CHEAP)
            i18n.set_language(lang)
            window = CompanionWindow(ctx)
            window.resize(*((1280, 800) if large else (1000, 720)))
            window.show()
            window.unlock_view.secret.setText("demo")
            window.unlock_view.unlock.click()
            settle(app)
            shoot_story(app, window, OUT / "large-cy" if large else OUT, "" if large else f"-{lang}")
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
