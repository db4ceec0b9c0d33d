"""Render every foundation screen offscreen in English and Welsh into docs/screenshots/*-en.png / *-cy.png.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_screenshots.py
The diary is made-up demo data in a temporary folder, with cheap key-derivation costs for speed.

With --large-welsh: every screen and main dialog in Welsh at 200 % text (24 pt), a 1280 x 800 window, into
docs/screenshots/large-cy/NN-name.png, to look for clipped words (make_every_screen.py large-cy; that script
also makes the English set at 200 % and the Welsh set at 1000 x 720).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# This checkout's code (and tests/helpers), not whichever copy the virtual environment has installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from companion import i18n
from companion.demo import create_demo_diary
from companion.domain.body import PainType
from companion.domain.checkin import CheckinInput, RegionPain, TagKind, TagRating
from companion.services.app_context import AppContext
from companion.storage.app_settings import AppSettings
from companion.storage.kdf import KdfParams
from companion.ui import field_behaviour
from companion.ui.companion_window import CompanionWindow
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.style import apply_text_size

OUT = Path(__file__).resolve().parent
CHEAP = KdfParams(1, 1, 64)
PASSPHRASE = "kettle river blue Tuesday"


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def open_with(app: QApplication, window: CompanionWindow) -> None:
    """Show `window`, made with a diary factory, and wait until it has opened that diary: the window opens it
    once it is on screen (so the wait can say what is happening), not in its constructor."""
    window.show()
    for _ in range(50):
        app.processEvents()
        if window.main_view is not None:
            return
    raise RuntimeError("the window did not open the diary it was given")


def shoot(app: QApplication, window: CompanionWindow, name: str, lang: str) -> None:
    settle(app)
    path = OUT / f"{name}-{lang}.png"
    window.grab().save(str(path))
    print("wrote", path.relative_to(OUT.parent.parent))


def sheet_pdf(session: object, lang: str) -> None:
    """The supporter sheet as a PDF, its first page as a PNG to look at."""
    import subprocess

    from companion.domain.flare import SECTIONS
    from companion.reports.pdf import render_pdf
    from companion.reports.supporter_sheet import build_supporter_html

    plan = session.flares.plan()  # type: ignore[attr-defined]
    html = build_supporter_html(plan, [*SECTIONS[:4], "people", "helpful_thoughts"], lang, "Siân")
    pdf = Path(tempfile.mkdtemp()) / "sheet.pdf"
    pdf.write_bytes(render_pdf(html, "A4"))
    target = OUT / f"14-supporter-sheet-{lang}"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(target)], check=True)  # noqa: S607
    print("wrote", f"docs/screenshots/14-supporter-sheet-{lang}.png")


def shoot_pacing(app: QApplication, window: CompanionWindow, lang: str) -> None:
    """Pacing: Today's panel with the timer running and a rest break due, the activity page, boom and bust."""
    main = window.main_view
    assert main is not None
    window.resize(1100, 900)
    main.show_page("pacing")
    shoot(app, window, "15-pacing-activity", lang)
    main.pacing.detail_scroll.verticalScrollBar().setValue(10_000)
    shoot(app, window, "16-pacing-plan", lang)
    main.pacing.tabs.setCurrentIndex(1)
    shoot(app, window, "17-boom-and-bust", lang)
    main.pacing.tabs.setCurrentIndex(0)
    main.show_page("today")
    panel = main.today.pacing
    walking = panel.rows()[0].progress.activity
    panel.start_timer(walking.id)
    assert panel.timer is not None
    panel.timer.done_before = dt.timedelta(minutes=10, seconds=2)  # ten minutes in: a rest break is due
    panel.tick()
    main.today.scroll_area.ensureWidgetVisible(panel)
    shoot(app, window, "18-pacing-today-timer", lang)
    panel.stop_timer()


def shoot_goals_and_medicines(app: QApplication, window: CompanionWindow, lang: str) -> None:
    """Goals (what matters, a goal, the week's action plans and the confidence suggestion), medicines,
    what I've tried, Today's as-needed doses and the support directory, from the demo diary."""
    main = window.main_view
    assert main is not None
    window.resize(1100, 900)
    main.show_page("goals")
    for index, name in enumerate(("19-what-matters", "20-goals", "21-action-plans")):
        main.goals.tabs.setCurrentIndex(index)
        if index == 1:
            main.goals.goals.list.setCurrentRow(0)
        shoot(app, window, name, lang)
    dialog = main.goals.plans.open_dialog(None)
    dialog.what.setText("Cerdded i'r blwch post" if lang == "cy" else "Walk to the post box")
    dialog.confidence.setValue(5)
    settle(app)
    dialog.grab().save(str(OUT / f"22-action-plan-confidence-{lang}.png"))
    print("wrote", f"docs/screenshots/22-action-plan-confidence-{lang}.png")
    dialog.reject()
    main.show_page("medicines")
    main.medicines.tabs.setCurrentIndex(0)
    main.medicines.mine.list.setCurrentRow(1)
    shoot(app, window, "23-medicines", lang)
    main.medicines.tabs.setCurrentIndex(1)
    shoot(app, window, "24-what-ive-tried", lang)
    main.medicines.tabs.setCurrentIndex(0)
    main.show_page("today")
    main.today.scroll_area.ensureWidgetVisible(main.today.doses)
    shoot(app, window, "25-today-doses", lang)
    main.show_page("support")
    shoot(app, window, "26-support-directory", lang)


def shoot_trends(app: QApplication, window: CompanionWindow, lang: str) -> None:
    """Every Trends chart over 3 months, in light colours, then again with a dark palette."""
    from PySide6.QtGui import QColor, QPalette

    from companion.ui.trends.model import CHARTS

    main = window.main_view
    assert main is not None
    window.resize(1200, 900)
    main.show_page("trends")
    trends = main.trends
    trends.range_combo.setCurrentIndex(trends.range_combo.findData("3m"))
    light = app.palette()
    for dark in (False, True):
        if dark:
            palette = QPalette()
            for role, colour in (
                (QPalette.ColorRole.Window, "#1e1f22"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                (QPalette.ColorRole.Base, "#2b2d30"), (QPalette.ColorRole.Text, "#e8e8e8"),
                (QPalette.ColorRole.Button, "#2b2d30"), (QPalette.ColorRole.ButtonText, "#e8e8e8"),
                (QPalette.ColorRole.Highlight, "#4a88c7"), (QPalette.ColorRole.HighlightedText, "#ffffff"),
            ):
                palette.setColor(role, QColor(colour))
            app.setPalette(palette)
        for index, (key, _title) in enumerate(CHARTS):
            trends.chart_list.setCurrentRow(index)
            settle(app)
            shoot(app, window, f"27-trends-{key}{'-dark' if dark else ''}", lang)
    app.setPalette(light)
    settle(app)


def summary_pages(session: object, lang: str) -> None:
    """The consultation summary (3 months, for a GP) as A4 PDF pages: Welsh, English, and both side by side,
    with how the person communicates, their name and the appointment's day."""
    import subprocess

    from companion.domain.summary import Communication, ConsultationLanguage
    from companion.reports.summary_data import SummaryOptions, build_summary
    from companion.reports.summary_pdf import summary_pdf

    languages = [lang] + (["both"] if lang == "cy" else [])
    for language in languages:
        end = session.diary.today()  # type: ignore[attr-defined]
        welsh = language != "en"
        options = SummaryOptions(
            end - dt.timedelta(days=90),
            end,
            language=language,
            top3=("Cwsg ers y tabledi newydd", "Help gyda'r grisiau", "Clinig poen?")
            if welsh
            else ("Sleep since the new tablets", "Help with the stairs", "A pain clinic referral?"),
            bran=True,
            name="Siân Ŵyn",
            appointment=end + dt.timedelta(days=3),
            communication=Communication(
                ConsultationLanguage.WELSH, someone_with_me="Fy merch, Elen" if welsh else "My daughter, Elen"
            ),
        )
        pdf = Path(tempfile.mkdtemp()) / "summary.pdf"
        pdf.write_bytes(summary_pdf(build_summary(session, options)))  # type: ignore[arg-type]
        target = str(OUT / f"28-summary-{language}")
        for old in OUT.glob(f"28-summary-{language}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), target], check=True)  # noqa: S607
        pdf.unlink()
        print("wrote", f"docs/screenshots/28-summary-{language}-*.png")


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # as app.py: dates in the interface language, the wheel guard
    if "--large-welsh" in sys.argv[1:]:  # every screen at 200 %, in Welsh (make_every_screen.py large-cy)
        from docs.screenshots.make_every_screen import every_screen

        every_screen(app, "large-cy")
        bridge.detach()
        return 0
    apply_text_size(app, 12)
    for lang in ("en", "cy"):
        i18n.set_language("en")
        with tempfile.TemporaryDirectory() as tmp:
            ctx = AppContext(data_dir=Path(tmp), settings=AppSettings(), kdf_factory=lambda: CHEAP)
            window = CompanionWindow(ctx)
            window.resize(1000, 720)
            window.show()
            shoot(app, window, "01-language-offer", lang)
            window.language_offer.buttons[lang].click()
            fields = window.create_view.fields
            fields.passphrase.setText(PASSPHRASE)
            fields.confirm.setText(PASSPHRASE)
            shoot(app, window, "02-create-passphrase", lang)
            window.create_view.create_button.click()
            shoot(app, window, "03-recovery-key", lang)
            window.recovery_view.kept.setChecked(True)
            window.recovery_view.done.click()
            window.lock_now()
            (Path(tmp) / "diary.vault").unlink()
            for extra in Path(tmp).glob("backups/*"):
                extra.unlink()
            session = create_demo_diary(Path(tmp), CHEAP, today=dt.date.today())
            session.close()
            window.unlock_view.secret.setText("wrong passphrase")
            window.unlock_view.unlock.click()
            shoot(app, window, "04-unlock-wrong-passphrase", lang)
            window.start.show_lock_screen()
            shoot(app, window, "05-unlock", lang)
            window.unlock_view.secret.setText("demo")
            window.unlock_view.unlock.click()
            assert window.main_view is not None
            window.main_view.today.picker.set_score(6)
            window.main_view.today.note.setPlainText(
                "Ŵyr yn ymweld; eistedd yn rhy hir." if lang == "cy" else "Grandchildren visiting; sat too long."
            )
            shoot(app, window, "06-today", lang)
            window.main_view.show_page("settings")
            shoot(app, window, "07-settings", lang)
            main = window.main_view
            main.show_page("today")
            form = main.today.form
            form.set_value(
                CheckinInput(
                    recorded_at=dt.datetime.now().astimezone(),
                    pain=6,
                    regions=(
                        RegionPain("b-lower-back", 7, PainType.ACHING),
                        RegionPain("f-knee-l", 5, PainType.THROBBING),
                        RegionPain("f-hand-r", 4, PainType.TINGLING),
                    ),
                    sleep_quality=4,
                    sleep_hours=5.5,
                    mood=5,
                    fatigue=7,
                    tags=(
                        TagRating(TagKind.DID, "garddio" if lang == "cy" else "gardening", 3),
                        TagRating(TagKind.HELPED, "pad gwres" if lang == "cy" else "heat pad", 4),
                    ),
                    note="Ŵyr yn ymweld; eistedd yn rhy hir."
                    if lang == "cy"
                    else "Grandchildren visiting; sat too long.",
                ),
                keep_time=True,
            )
            window.resize(1000, 1500)
            shoot(app, window, "08-check-in", lang)
            main.today.scroll_area.ensureWidgetVisible(form.body)
            window.resize(1100, 900)
            settle(app)
            form.body.grab().save(str(OUT / f"09-body-map-{lang}.png"))
            print("wrote", f"docs/screenshots/09-body-map-{lang}.png")
            form.clear(dt.datetime.now().astimezone())
            window.resize(1100, 800)
            main.show_page("diary")
            diary = main.diary
            settle(app)
            if diary.day_list.count() > 1:
                diary.day_list.setCurrentRow(1)
            shoot(app, window, "10-diary-and-day-view", lang)
            main.show_page("settings")
            window.resize(1100, 820)
            shoot(app, window, "11-settings-your-data", lang)
            from companion.services import transfer
            from companion.ui.settings.import_dialog import ImportDialog

            dialog = ImportDialog(window.session, transfer.export_json(window.session), True, window)
            dialog.refresh()
            dialog.replace.setChecked(True)
            dialog.show()
            settle(app)
            dialog.grab().save(str(OUT / f"12-import-dialog-{lang}.png"))
            print("wrote", f"docs/screenshots/12-import-dialog-{lang}.png")
            dialog.close()
            main.show_page("plan")
            window.resize(1100, 900)
            shoot(app, window, "13-flare-plan", lang)
            sheet_pdf(window.session, lang)
            shoot_pacing(app, window, lang)
            shoot_goals_and_medicines(app, window, lang)
            shoot_trends(app, window, lang)
            summary_pages(window.session, lang)
            window.resize(1000, 720)
            window.lock_now()
            window.close()
    bridge.detach()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
