"""`companion --demo` starts the real app on a throwaway diary marked DEMO, removed on exit."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from companion import app as companion_app
from companion.ui.companion_window import CompanionWindow


def test_demo_opens_a_marked_diary_with_weeks_of_entries_and_cleans_up(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    made: list[Path] = []
    real_mkdtemp = tempfile.mkdtemp

    def observed_mkdtemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        path = real_mkdtemp(*args, **kwargs)
        made.append(Path(path))
        return path

    monkeypatch.setattr(companion_app.tempfile, "mkdtemp", observed_mkdtemp)
    seen: dict[str, object] = {}

    def drive() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CompanionWindow) and w.isVisible())
        window.language_offer.buttons["en"].click()
        main = window.main_view
        seen["title"] = window.windowTitle()
        seen["badge"] = main is not None and main.demo_badge.isVisible() and main.demo_badge.text()
        seen["entries"] = main.session.diary.entry_count() if main else 0
        seen["vault_in_temp"] = bool(made) and (made[0] / "diary.vault").is_file()
        window.close()

    QTimer.singleShot(0, drive)
    assert companion_app.main(["--demo"]) == 0
    assert seen["title"] == "DEMO — Companion"  # ends with the display name, so Qt adds it no second time
    assert seen["badge"] == "DEMO"
    assert isinstance(seen["entries"], int) and seen["entries"] >= 28
    assert seen["vault_in_temp"] is True
    assert len(made) == 1 and made[0].name.startswith("companion-demo-")
    assert not made[0].exists()  # removed on exit


def test_help_lists_the_options(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        companion_app.main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "--demo" in out and "--data-dir" in out
