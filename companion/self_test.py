"""`companion --self-test`: prove an installed or frozen copy works, without touching the person's diary.

In a throwaway folder it creates a vault (cheap key derivation), records a check-in through the services,
closes it, reopens it with the passphrase, checks the entry, renders a bilingual consultation summary to a
PDF in memory (offscreen) and removes the folder. It also checks that the Welsh catalog, the shipped
resources and the database migrations were found, which is what a PyInstaller bundle most often gets wrong.

Developer output in plain English. Qt is loaded by name only when the summary is rendered (like
`companion summary`), so this module stays on the Qt-free side of the wall.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "self-test ŵ ŷ"
NOTE = "Self-test: cerdded i'r siop ŵ"
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


class SelfTestError(Exception):
    """A check that failed, with a message saying which."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestError(message)


def _say(line: str) -> None:
    # A windowed Windows bundle has no console: sys.stdout is None there and the exit code is the answer.
    if sys.stdout is not None:
        print(line, flush=True)


def _complain(line: str) -> None:
    if sys.stderr is not None:
        print(line, file=sys.stderr, flush=True)


def check_catalogs() -> str:
    from companion.i18n import translate_in

    english = "Summary for my appointment"
    welsh = translate_in("cy", english)
    _check(welsh != english, "the Welsh message catalog was not found (companion/locale/cy/LC_MESSAGES)")
    return f"Welsh catalog ({welsh})"


def check_resources() -> str:
    from companion.services.support import shipped_directory

    package = Path(__file__).resolve().parent
    icons = [p / "icons" / "companion.svg" for p in (package / "resources", package.parent / "resources")]
    _check(any(p.is_file() for p in icons), "the icon resources/icons/companion.svg was not found")
    entries = shipped_directory()
    _check(len(entries) > 0, "the shipped support directory is empty")
    return f"resources (icon, {len(entries)} support entries)"


def check_vault(folder: Path) -> Path:
    from companion.services.session import DiarySession
    from companion.storage.kdf import KdfParams

    path = folder / "diary.companion"
    session, recovery = DiarySession.create(path, PASSPHRASE, KdfParams(iterations=1, lanes=1, memory_kib=64))
    _check(bool(recovery), "no recovery key was made")
    try:
        session.diary.record_pain(6, note=NOTE)
    finally:
        session.close()
    _check(path.is_file() and NOTE.encode() not in path.read_bytes(), "the vault file is missing or not encrypted")
    return path


def check_reopen_and_summary(path: Path) -> int:
    from companion.services.session import DiarySession

    session = DiarySession.open(path, passphrase=PASSPHRASE)
    try:
        entries = session.diary.all_entries()
        _check(len(entries) == 1, f"expected 1 entry after reopening, found {len(entries)}")
        _check(entries[0].pain == 6 and entries[0].note == NOTE, "the reopened entry differs from the one written")
        return _render_summary(session)
    finally:
        session.close()


def _render_summary(session: object) -> int:
    import datetime as dt

    from companion.reports.summary_data import SummaryOptions
    from companion.services.clock import SYSTEM_CLOCK

    if not os.environ.get("QT_QPA_PLATFORM"):  # only used when no QGuiApplication exists yet
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    summary_pdf = importlib.import_module("companion.reports.summary_pdf")
    today = SYSTEM_CLOCK.today()
    options = SummaryOptions(today - dt.timedelta(days=30), today, language="both")
    data: bytes = summary_pdf.make_summary_pdf(session, options)
    _check(data.startswith(b"%PDF"), "the summary is not a PDF")
    pages = len(_PAGE.findall(data))
    _check(pages >= 1, "the summary PDF has no pages")
    return pages


def no_display() -> bool:
    """True on a Linux machine with neither X11 nor Wayland (CI): Qt must then use its offscreen platform."""
    return sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def say(line: str) -> None:
    _say(line)


def run(say: Callable[[str], None] = _say, complain: Callable[[str], None] = _complain) -> int:
    """0 when every check passes; 1 (after saying which check failed and why) otherwise."""
    started = time.perf_counter()
    folder: Path | None = None
    step = "make a temporary folder"
    try:
        folder = Path(tempfile.mkdtemp(prefix="companion-self-test-"))
        os.environ.setdefault("MPLCONFIGDIR", str(folder / "matplotlib"))
        step = "catalogs"
        say(f"self-test: {check_catalogs()} ok")
        step = "resources"
        say(f"self-test: {check_resources()} ok")
        step = "create vault and record a check-in"
        path = check_vault(folder)
        say("self-test: vault created, check-in recorded, closed ok")
        step = "reopen and render the summary"
        pages = check_reopen_and_summary(path)
        say(f"self-test: reopened, entry intact, summary PDF of {pages} page(s) rendered ok")
    except Exception as exc:  # every failure becomes a message and exit code 1
        complain(f"self-test FAILED at '{step}': {type(exc).__name__}: {exc}")
        return 1
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    say(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0
