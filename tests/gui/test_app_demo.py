"""`companion --demo` starts the real app on a throwaway diary marked DEMO, removed on exit."""

from __future__ import annotations

import glob
import tempfile

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from companion import app as companion_app
from companion.ui.companion_window import CompanionWindow


def test_demo_opens_a_marked_diary_with_weeks_of_entries_and_cleans_up(qapp) -> None:  # type: ignore[no-untyped-def]
    before = set(glob.glob(f"{tempfile.gettempdir()}/companion-demo-*"))
    seen: dict[str, object] = {}

    def drive() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CompanionWindow) and w.isVisible())
        window.language_offer.buttons["en"].click()
        main = window.main_view
        seen["title"] = window.windowTitle()
        seen["badge"] = main is not None and main.demo_badge.isVisible() and main.demo_badge.text()
        seen["entries"] = main.session.diary.entry_count() if main else 0
        seen["dirs"] = set(glob.glob(f"{tempfile.gettempdir()}/companion-demo-*")) - before
        window.close()

    QTimer.singleShot(0, drive)
    assert companion_app.main(["--demo"]) == 0
    assert seen["title"] == "Companion — DEMO"
    assert seen["badge"] == "DEMO"
    assert isinstance(seen["entries"], int) and seen["entries"] >= 28
    assert len(seen["dirs"]) == 1  # type: ignore[arg-type]
    assert set(glob.glob(f"{tempfile.gettempdir()}/companion-demo-*")) == before  # removed on exit


def test_version_and_help(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    with pytest.raises(SystemExit) as done:
        companion_app.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--demo" in out and "--data-dir" in out
