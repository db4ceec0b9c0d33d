"""Every screen and main dialog of the app, as the accessibility walk shows them, at one size and language:
the first-run and lock screens, every section and sub-tab of the demo diary, the five steps of flare mode,
and the dialogs (tests/helpers/accessible.py: `diary_screens`).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_every_screen.py large-cy
Sets (each its own folder under docs/screenshots/, numbered NN-name.png):
  large-cy, large-en   200 % text (24 pt) on a 1280 x 800 screen, in Welsh or English;
  cy-1000x720          Welsh at the default text size and window.
With --whole, each page is also drawn whole (what its scroll area holds, below the fold too) as
NN-name-whole.png, to look for what is cut further down; with --out FOLDER, the sets go to FOLDER/<set>/
instead (for looking at, not committing).
The diary is the made-up demo diary in a temporary folder, with cheap key-derivation costs for speed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code, not an installed copy

from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

from companion import i18n
from companion.demo import create_demo_diary
from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, OUT, PASSPHRASE, settle

SETS = {  # name: (language, text size in points, window size)
    "large-cy": ("cy", 24, (1280, 800)),
    "large-en": ("en", 24, (1280, 800)),
    "cy-1000x720": ("cy", 12, (1000, 720)),
}


def _largest_scroll_area(root: QWidget) -> QScrollArea | None:
    """The visible scroll area with the most content under `root`: the page's own, usually."""
    areas = [a for a in root.findChildren(QScrollArea) if a.isVisible() and a.widget() is not None]
    return max(areas, key=lambda a: a.viewport().width() * a.widget().height(), default=None)


class Shooter:
    def __init__(self, app: QApplication, folder: Path, whole: bool) -> None:
        self.app, self.folder, self.whole, self.number = app, folder, whole, 0

    def __call__(self, widget: QWidget, name: str) -> None:
        self.number += 1
        settle(self.app)
        stem = f"{self.number:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"
        widget.grab().save(str(self.folder / f"{stem}.png"))
        print("wrote", self.folder / f"{stem}.png")
        area = _largest_scroll_area(widget) if self.whole else None
        if area is not None and isinstance(area, QAbstractScrollArea) and area.verticalScrollBar().maximum() > 0:
            content = area.widget()
            assert content is not None
            content.grab().save(str(self.folder / f"{stem}-whole.png"))


def every_screen(app: QApplication, name: str, whole: bool = False, out: Path = OUT) -> None:
    """Write the set `name` (a key of SETS) into <out>/<name>/, replacing its numbered PNGs (other scripts'
    unnumbered shots in the same folder stay)."""
    from tests.helpers.accessible import diary_screens

    language, points, size = SETS[name]
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]-*.png"):
        old.unlink()
    apply_text_size(app, points)
    i18n.set_language("en")
    save = Shooter(app, folder, whole)
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(font_point_size=points, auto_lock_minutes=60)
        ctx = AppContext(data_dir=Path(tmp), settings=settings, kdf_factory=lambda: CHEAP)
        window = CompanionWindow(ctx)
        window.resize(*size)
        window.show()
        save(window, "language offer")
        window.language_offer.buttons[language].click()
        window.create_view.fields.passphrase.setText(PASSPHRASE)
        window.create_view.fields.confirm.setText(PASSPHRASE)
        save(window, "create passphrase")
        window.create_view.create_button.click()
        save(window, "recovery key")
        window.recovery_view.kept.setChecked(True)
        window.recovery_view.done.click()
        window.lock_now()
        (Path(tmp) / "diary.vault").unlink()
        for extra in Path(tmp).glob("backups/*"):
            extra.unlink()
        create_demo_diary(Path(tmp), CHEAP, today=dt.date.today()).close()
        window.unlock_view.secret.setText("wrong passphrase")
        window.unlock_view.unlock.click()
        save(window, "unlock wrong passphrase")
        restore = window.start.open_restore_dialog()
        save(restore, "restore dialog")
        restore.reject()
        window.unlock_view.secret.setText("demo")
        window.unlock_view.unlock.click()
        assert window.main_view is not None
        for screen, root in diary_screens(window):
            save(root.window() if root is window.main_view else root, screen)
        window.lock_now()
        window.close()
    apply_text_size(app, 12)


def main() -> int:
    args = sys.argv[1:]
    out = Path(args.pop(args.index("--out") + 1)) if "--out" in args else OUT
    names = [a for a in args if not a.startswith("--")] or list(SETS)
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print("unknown set:", ", ".join(unknown), "- choose from", ", ".join(SETS))
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py: dates in the interface language, the wheel guard
    for name in names:
        every_screen(app, name, whole="--whole" in args, out=out)
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
