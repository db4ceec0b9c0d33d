"""The consultation summary's pages and screens only: every page of the three-month demo summary in English,
Welsh and both side by side (A4, 28-summary-LANG-N.png), and the Summary page with its appointment question
(31-summary-page-LANG.png, 32-summary-appointment-LANG.png), in English and Welsh.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_summary_screens.py
(make_screenshots.py makes the same pages among all the others.)
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from companion import i18n
from companion.demo import create_demo_diary
from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, OUT, settle, summary_pages


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    apply_text_size(app, 12)
    for lang in ("en", "cy"):
        i18n.set_language(lang)
        with tempfile.TemporaryDirectory() as tmp:
            session = create_demo_diary(Path(tmp), CHEAP, today=dt.date.today())
            summary_pages(session, lang)
            session.close()
            ctx = AppContext(data_dir=Path(tmp), settings=AppSettings(), kdf_factory=lambda: CHEAP)
            window = CompanionWindow(ctx)
            window.resize(1000, 1400)
            window.show()
            window.unlock_view.secret.setText("demo")
            window.unlock_view.unlock.click()
            assert window.main_view is not None
            window.main_view.show_page("summary")
            summary = window.main_view.summary
            summary.top3[0].setText("Cwsg ers y tabledi newydd" if lang == "cy" else "Sleep since the new tablets")
            summary.communication.language.setCurrentIndex(summary.communication.language.findData("cy"))
            summary.communication.someone.setText("Fy merch, Elen" if lang == "cy" else "My daughter, Elen")
            summary.period.setCurrentIndex(summary.period.findData("custom"))
            today = dt.date.today()
            summary.start.setDate(QDate(today.year, today.month, today.day))  # one day: the page says so
            settle(app)
            summary.grab().save(str(OUT / f"31-summary-page-{lang}.png"))
            print("wrote", f"docs/screenshots/31-summary-page-{lang}.png")
            summary.print_summary()
            settle(app)
            dialog = summary.appointment_dialog
            assert dialog is not None
            dialog.grab().save(str(OUT / f"32-summary-appointment-{lang}.png"))
            print("wrote", f"docs/screenshots/32-summary-appointment-{lang}.png")
            dialog.reject()
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
