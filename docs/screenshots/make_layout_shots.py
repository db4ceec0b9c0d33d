"""The layout screenshots of issue 20, into docs/screenshots/layout/: the default 1000 x 720 window in Welsh
(Today and Settings: the navigation, the pain scale to 10 and Clear all in view) and 200 % text (24 pt) on a
1280 x 800 screen (Today, and Medicines with a medicine's notes box above its buttons), in Welsh and English.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_layout_shots.py
The diary is the made-up demo diary in a temporary folder, with cheap key-derivation costs for speed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code

from PySide6.QtWidgets import QApplication

from companion.demo import create_demo_diary
from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.storage.kdf import KdfParams
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size

OUT = Path(__file__).resolve().parent / "layout"
CHEAP = KdfParams(1, 1, 64)


def settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def open_demo(app: QApplication, lang: str, size: tuple[int, int], point_size: int) -> CompanionWindow:
    folder = Path(tempfile.mkdtemp())
    create_demo_diary(folder, CHEAP, today=dt.date.today()).close()
    apply_text_size(app, point_size)
    context = AppContext(data_dir=folder, settings=AppSettings(language=lang, font_point_size=point_size))
    context.kdf_factory = lambda: CHEAP
    window = CompanionWindow(context)
    window.resize(*size)
    window.show()
    window.unlock_view.secret.setText("demo")
    window.unlock_view.unlock_requested.emit("passphrase", "demo")
    settle(app)
    assert window.main_view is not None
    return window


def shoot(app: QApplication, window: CompanionWindow, name: str) -> None:
    settle(app)
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parents[2]))


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    window = open_demo(app, "cy", (1000, 720), 12)
    view = window.main_view
    assert view is not None
    shoot(app, window, "1000x720-cy-today")
    view.show_page("settings")
    shoot(app, window, "1000x720-cy-settings")
    window.lock_now()
    window.close()
    for lang in ("cy", "en"):
        window = open_demo(app, lang, (1280, 800), 24)
        view = window.main_view
        assert view is not None
        shoot(app, window, f"200pc-1280x800-{lang}-today")
        view.show_page("medicines")
        page = view.medicines.mine
        page.list.setCurrentRow(0)
        page.notes.setPlainText("Take with food.\nThe pharmacist said to keep it away from the light.")
        settle(app)
        view.medicines.mine_scroll.ensureWidgetVisible(page.save_button, 0, 120)
        shoot(app, window, f"200pc-1280x800-{lang}-medicines")
        page.notes.clear()
        window.lock_now()
        window.close()
    bridge.detach()
    apply_text_size(app, 12)


if __name__ == "__main__":
    main()
