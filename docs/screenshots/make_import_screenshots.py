"""Render the import wizard's steps and the FHIR export dialog in English and Welsh, in a 1000 x 720 window:
docs/screenshots/import-1-file-*.png, import-2-columns-*.png, import-3-preview-*.png, import-4-result-*.png and
fhir-export-*.png. With --large: the same at 200 % text (24 pt) in a 1280 x 800 window, into large-cy/ and
large-en/ (import-*.png, fhir-export.png), to look for words cut off.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_import_screenshots.py [--large]
A new diary in a temporary folder (cheap key costs) with a Bearable export imported earlier, then a made-up
spreadsheet whose dates could be either order and one of whose rows can't be imported.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout's code, not an installed copy

from PySide6.QtWidgets import QApplication, QWidget

from companion import i18n
from companion.services import imports
from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings
from companion.ui import dialogs, field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size
from docs.screenshots.make_screenshots import CHEAP, OUT, PASSPHRASE, settle
from tests.fixtures import import_files as gen

SHEET = (
    "Date,Time,Pain,Hours slept,Mood (1-5),Notes,Tags\n"
    "01/03/2026,08:30,6,5.5,2,Stiff after the drive,Driving\n"
    "02/03/2026,09:10,5,7,3,,Walk; Stretches\n"
    "03/03/2026,08:45,4,7.5,4,Good day in the garden,Gardening\n"
    "04/03/2026,10:00,7,4.25,2,Bad night,\n"
    "05/03/2026,08:20,11,6,3,Typed 11 by mistake,\n"
    "06/03/2026,09:00,5,6.5,3,,Swimming\n"
    "07/03/2026,08:50,4,8,4,Nofio gyda Siân,Swimming\n"
)


def save(dialog: QWidget, name: str, folder: Path) -> None:
    settle(QApplication.instance())  # type: ignore[arg-type]
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    dialog.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def shoot_language(app: QApplication, lang: str, large: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ctx = AppContext(data_dir=folder, settings=AppSettings(language=lang), kdf_factory=lambda: CHEAP)
        session, _key = DiarySession.create(ctx.vault_path, PASSPHRASE, CHEAP, ctx.clock)
        earlier = imports.parse_file("bearable", gen.bearable(days=6)[0], "bearable-export.csv", session.clock.now())
        imports.apply_import(session, earlier)
        session.close()
        sheet = folder / "my-pain-diary.csv"
        sheet.write_text(SHEET, encoding="utf-8")
        dialogs.choose_open_file = lambda *_a: str(sheet)  # type: ignore[assignment]
        i18n.set_language(lang)
        window = CompanionWindow(ctx)
        window.resize(*((1280, 800) if large else (1000, 720)))
        window.show()
        window.unlock_view.secret.setText(PASSPHRASE)
        window.unlock_view.unlock_requested.emit("passphrase", PASSPHRASE)
        settle(app)
        main = window.main_view
        assert main is not None
        main.show_page("settings")
        settle(app)
        target = OUT / f"large-{lang}" if large else OUT
        suffix = "" if large else f"-{lang}"
        main.data_section.open_import_wizard()
        wizard = main.data_section.import_wizard
        wizard.file_step.choose.click()
        save(wizard, f"import-1-file{suffix}", target)
        wizard.go_next()
        save(wizard, f"import-2-columns{suffix}", target)
        step = wizard.mapping_step
        step.orders["dmy"].setChecked(True)
        step.scales["mood"].setCurrentIndex(step.scales["mood"].findData(5))
        wizard.go_next()
        save(wizard, f"import-3-preview{suffix}", target)
        wizard.run_import()
        save(wizard, f"import-4-result{suffix}", target)
        wizard.reject()
        main.data_section.open_fhir_export()
        fhir = main.data_section.fhir_dialog
        save(fhir, f"fhir-export{suffix}", target)
        fhir.reject()
        settle(app)
        window.lock_now()
        window.close()


def main() -> int:
    large = "--large" in sys.argv
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py: dates in the interface language, the wheel guard
    apply_text_size(app, 24 if large else 12)
    for lang in ("en", "cy"):
        shoot_language(app, lang, large)
    bridge.detach()
    return 0


if __name__ == "__main__":
    sys.exit(main())
