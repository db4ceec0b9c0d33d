"""Render the flare-up history, the undo of "My flare has ended", the standard urgent help and a back-dated
check-in, in English and Welsh (docs/screenshots/31-… to 34-…-en.png / -cy.png).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_flare_screenshots.py [--out FOLDER] [--large]
(the cheap key costs and the passphrase are make_screenshots.py's). A new diary in a temporary folder, a fixed
clock at 19:18 on Tuesday 8 December 2026 (London), two past flare-ups made with their own clock. --large
renders at 200 % text in a 1280 x 800 window instead of 100 % at 1000 x 720.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code, not an installed copy

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QApplication, QWidget

from companion import i18n
from companion.domain.flare import FlarePlan, Helper
from companion.services.app_context import AppContext
from companion.services.clock import Clock
from companion.services.flares import FlareService
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.storage.unit_of_work import UnitOfWork
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.flare.review_dialog import FlareReviewDialog
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, PASSPHRASE, open_with, settle

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 12, 8, 19, 18, tzinfo=LONDON)
WORDS = {
    "en": (("Carrying the shopping", "Heat and short walks", "Ask for a lift"), "Take more short breaks"),
    "cy": (("Cario'r siopa", "Gwres a theithiau cerdded byr", "Gofyn am lifft"), "Cymryd mwy o seibiannau byr"),
}


def past_flares(session: DiarySession, lang: str) -> None:
    """1 to 4 November (pain 8 at worst, reviewed) and a few hours on 20 November (no review yet)."""
    moment = [dt.datetime(2026, 11, 1, 9, 0, tzinfo=LONDON)]
    flares = FlareService(lambda: UnitOfWork(session.store), Clock(LONDON, lambda: moment[0]))
    first, _ = flares.start()
    moment[0] += dt.timedelta(days=1)
    flares.note_pain(8)
    moment[0] = dt.datetime(2026, 11, 4, 18, 0, tzinfo=LONDON)
    flares.end()
    flares.review(first.id, *WORDS[lang][0])
    moment[0] = dt.datetime(2026, 11, 20, 10, 0, tzinfo=LONDON)
    flares.start()
    moment[0] += dt.timedelta(hours=6)
    flares.end()
    flares.save_plan(
        FlarePlan(
            sections={"first_steps": (WORDS[lang][1],)},
            helpers=(Helper("Siân", "", "01234 567890"),),
        )
    )


def save(app: QApplication, widget: QWidget, out: Path, name: str) -> None:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print("wrote", path)


def main() -> int:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else Path(__file__).resolve().parent
    large = "--large" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py does: dates in the interface language's CLDR form
    apply_text_size(app, 24 if large else 12)
    size = (1280, 800) if large else (1000, 720)
    suffix = "-200" if large else ""
    for lang in ("en", "cy"):
        with tempfile.TemporaryDirectory() as tmp:
            clock = Clock(LONDON, lambda: NOW)
            settings = AppSettings(language=lang, auto_lock_minutes=60, font_point_size=24 if large else 12)
            ctx = AppContext(data_dir=Path(tmp), settings=settings, kdf_factory=lambda: CHEAP, clock=clock)
            session, _key = DiarySession.create(ctx.vault_path, PASSPHRASE, CHEAP, clock)
            past_flares(session, lang)
            i18n.set_language(lang)
            window = CompanionWindow(ctx, lambda s=session: s)  # type: ignore[misc]
            window.resize(*size)
            open_with(app, window)
            main_view = window.main_view
            assert main_view is not None
            # The plan page, scrolled to its past flare-ups; then one of them opened.
            main_view.show_page("plan")
            plan = main_view.plan
            settle(app)
            plan.scroll_area.ensureWidgetVisible(plan.history, 0, 0)
            plan.history.list.setFocus()
            save(app, window, out, f"31-flare-history{suffix}-{lang}")
            plan.history.select(plan.history.episodes()[1].id)
            dialog = plan.history.open_selected()
            assert isinstance(dialog, FlareReviewDialog)
            save(app, dialog, out, f"32-flare-review-dialog{suffix}-{lang}")
            dialog.reject()
            # Flare mode: a flare started, then "My flare has ended" with its Undo and no step footer.
            main_view.open_flare_mode()
            flare = main_view.flare_mode
            flare.start_flare()
            flare.note_pain(7)
            flare.end_flare()
            save(app, window, out, f"33-flare-ended-undo{suffix}-{lang}")
            flare.undo_end()
            flare.show_step("medical")
            settle(app)
            flare.scroll_area.ensureWidgetVisible(flare.plan_pages["medical"].findChild(QWidget, "flareCard"))
            save(app, window, out, f"34-flare-urgent-help{suffix}-{lang}")
            main_view.leave_flare_mode()
            # Today, back-dated to last Tuesday evening, then saved.
            main_view.show_page("today")
            today = main_view.today
            today.form.when.setDateTime(QDateTime(dt.date(2026, 12, 1), dt.time(19, 18)))
            today.picker.set_score(5)
            save(app, window, out, f"35-back-dated-question{suffix}-{lang}")
            today.save.click()
            settle(app)
            today.scroll_area.ensureWidgetVisible(today.status)
            save(app, window, out, f"36-back-dated-saved{suffix}-{lang}")
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
