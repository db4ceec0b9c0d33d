"""Start-up stays light: the lock screen loads no matplotlib, no report or chart code, no Alembic or SQLAlchemy.

A fresh Python process (so nothing an earlier test imported can hide a regression) runs the real start-up,
`companion.app.main(["--data-dir", ...])`, for an existing diary whose settings already hold a language,
so the window goes straight to the lock screen. Once the event loop has run, the child records which of
the watched modules are loaded, then unlocks and records again: Alembic must appear only then (it checks
the diary's schema at unlock), which also shows the detector works.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from companion.services.session import DiarySession
from companion.storage.app_settings import AppSettings, save_settings
from companion.storage.kdf import KdfParams

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "kettle river blue Tuesday"

CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

data_dir, passphrase = sys.argv[1], sys.argv[2]
WATCHED = ("matplotlib", "companion.reports", "companion.charts", "alembic", "sqlalchemy")


def loaded():
    return sorted(m for m in sys.modules if m in WATCHED or m.startswith(tuple(w + "." for w in WATCHED)))


report = {}
app = QApplication(sys.argv[:1])  # companion.app reuses an existing instance


def at_lock_screen():
    from companion.ui.companion_window import CompanionWindow

    for _ in range(5):
        app.processEvents()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, CompanionWindow)]
    report["windows"] = len(windows)
    window = windows[0]
    report["visible"] = window.isVisible()
    report["page"] = window.stack.currentWidget().objectName()
    report["at_lock_screen"] = loaded()
    window.unlock_view.secret.setText(passphrase)
    window.unlock_view.unlock.click()
    for _ in range(5):
        app.processEvents()
    report["page_after_unlock"] = window.stack.currentWidget().objectName()
    report["after_unlock"] = loaded()
    window.close()  # locks (saves and drops the diary)
    app.quit()


QTimer.singleShot(200, at_lock_screen)
from companion.app import main

report["exit"] = main(["--data-dir", data_dir])
print("REPORT " + json.dumps(report))
"""


def test_the_lock_screen_loads_no_matplotlib_reports_charts_or_alembic(
    data_dir: Path, vault_path: Path, cheap_kdf: KdfParams
) -> None:
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(3, note="a day")
    session.close()
    save_settings(data_dir, AppSettings(language="en"))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("COMPANION_DATA_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir), PASSPHRASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("REPORT ")]
    assert done.returncode == 0 and lines, f"child failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    report = json.loads(lines[-1].removeprefix("REPORT "))

    assert report["windows"] == 1 and report["visible"], report
    assert report["page"] == "unlockView", report
    at_lock = report["at_lock_screen"]
    assert [m for m in at_lock if m == "matplotlib" or m.startswith("matplotlib.")] == []
    assert [m for m in at_lock if m.startswith(("companion.reports", "companion.charts"))] == []
    assert [m for m in at_lock if m == "alembic" or m.startswith("alembic.")] == []
    # Nor the database layer: it loads in the background once the lock screen has painted.
    assert [m for m in at_lock if m == "sqlalchemy" or m.startswith("sqlalchemy.")] == []
    # Positive control: unlocking checks the schema with Alembic, so it is loaded after unlock.
    assert report["page_after_unlock"] != "unlockView", report
    assert "alembic" in report["after_unlock"], report
    assert report["exit"] == 0
