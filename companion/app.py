"""Start-up: arguments, a private matplotlib cache, the QApplication, language, and the window."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from companion import APP_ID, __version__

# One identifier for the desktop: the .desktop file and AppStream id on Linux (packaging/linux/), the
# Wayland app id (setDesktopFileName) and, on Windows, the AppUserModelID that groups the taskbar button.


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The window's options; `companion --help` also lists each command that needs no window with what it
    does. Help and errors are in the language the commands use (cli.choose_language)."""
    from companion import cli
    from companion.cli_words import speaking_ours
    from companion.i18n import _, set_language

    arguments = list(argv or [])
    try:
        set_language(cli.choose_language(arguments))
    except Exception:  # a broken settings file must not stop --help; the window reports it later
        set_language("en")
    with speaking_ours():
        parser = argparse.ArgumentParser(
            prog="companion",
            # Translators: keep "%(prog)s" and the option names; translate FOLDER and "options" as elsewhere.
            usage=_("%(prog)s [--demo] [--data-dir FOLDER]\n       %(prog)s COMMAND [options]"),
            description=_("Companion (Cydymaith): an offline, encrypted pain diary in Welsh and English."),
            epilog=_("Run 'companion COMMAND --help' to see the options of a command."),
            allow_abbrev=False,
        )
        parser.add_argument(
            "--demo", action="store_true", help=_("open a throwaway demo diary (passphrase: demo)")
        )
        parser.add_argument(
            "--data-dir",
            metavar=_("FOLDER"),
            help=_("folder that holds the diary (default: your user data folder, or COMPANION_DATA_DIR)"),
        )
        parser.add_argument(
            "--version",
            action="version",
            version=f"Companion {__version__}",
            help=_("show the version number and exit"),
        )
        parser.add_argument(
            "--self-test",
            action="store_true",
            help=_("check this installation in a throwaway folder (never your diary), then exit"),
        )
        commands = parser.add_subparsers(title=_("commands that need no window"), metavar=_("COMMAND"), dest="command")
        for name, summary in cli.command_summaries().items():
            commands.add_parser(name, help=summary, add_help=False)
        return parser.parse_args(arguments)


def _private_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Companion", appauthor=False))


def main(argv: list[str] | None = None) -> int:
    from companion.hardening import harden_process

    harden_process()  # no core dumps, not ptrace-able (Linux): before any diary is read
    arguments = sys.argv[1:] if argv is None else argv
    from companion import cli, display  # no Qt in there: the commands run without a display

    if arguments and arguments[0] in cli.COMMANDS:
        return cli.main(arguments)
    args = parse_args(arguments)
    if args.self_test:
        return _self_test()
    if display.window_cannot_open():
        return _say_no_display()
    # matplotlib keeps only its font cache here, never anything from the diary.
    os.environ.setdefault("MPLCONFIGDIR", str(_private_cache_dir() / "matplotlib"))

    from companion.storage.app_settings import resolve_data_dir

    demo_dir: Path | None = None
    if args.demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="companion-demo-"))
        data_dir = demo_dir
    else:
        data_dir = resolve_data_dir(args.data_dir)
    try:
        return _run(data_dir, demo=args.demo)
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _say_no_display() -> int:
    """Before Qt starts (it would abort): the window needs a desktop session; the commands do not."""
    from companion.cli import EXIT_NO_DISPLAY
    from companion.i18n import _

    print(
        _(
            "Companion's window needs a desktop session, and none was found here (no X11 or Wayland display). "
            "Start Companion from your desktop, or use a command that needs no window, for example "
            "'companion backup --to FOLDER' or 'companion summary --out FILE'. 'companion --help' lists them all."
        ),
        file=sys.stderr,
    )
    return EXIT_NO_DISPLAY


def _run(data_dir: Path, *, demo: bool) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from companion.services.app_context import AppContext
    from companion.storage.kdf import KdfParams
    from companion.ui import field_behaviour
    from companion.ui.companion_window import CompanionWindow
    from companion.ui.qt_translator import TranslatorBridge
    from companion.ui.style import apply_text_size

    _set_windows_app_id()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Companion")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(_icon_path())))
    context = AppContext.load(data_dir, demo=demo)
    bridge = TranslatorBridge(app)
    field_behaviour.install(app)  # the wheel changes only a focused field; dates in the interface language
    apply_text_size(app, context.settings.font_point_size)
    demo_factory = None
    if demo:
        from companion.demo import create_demo_diary

        def demo_factory():  # type: ignore[no-untyped-def]
            return create_demo_diary(data_dir, KdfParams.calibrated(), background_saves=True)

    window = CompanionWindow(context, demo_factory, watch_os_session=True)
    window.show()
    _preload_diary_modules()
    previous = _quit_cleanly_on_signals(app)
    try:
        return app.exec()
    finally:
        _restore_signals(previous)
        if window.session is not None:
            window.session.close()
        bridge.detach()


def _self_test() -> int:
    """Start Qt the way the window would (its platform plugin is part of what a bundle must carry; offscreen
    when there is no display), then run companion.self_test's checks."""
    from companion import self_test

    if self_test.no_display() and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    self_test.say(f"self-test: Companion {__version__}, Qt platform '{app.platformName()}' ok")  # type: ignore[attr-defined]
    if QIcon(str(_icon_path())).pixmap(64, 64).isNull():  # needs Qt's SVG icon engine in the bundle
        print("self-test FAILED at 'icon': the SVG window icon could not be drawn", file=sys.stderr)
        return 1
    self_test.say("self-test: SVG window icon drawn ok")
    return self_test.run()


def _icon_path() -> Path:
    """The SVG icon: inside the package when installed or frozen (companion/resources), else the checkout's."""
    package = Path(__file__).resolve().parent
    installed = package / "resources" / "icons" / "companion.svg"
    return installed if installed.exists() else package.parent / "resources" / "icons" / "companion.svg"


def _set_windows_app_id() -> None:
    """On Windows, name the process so the taskbar shows Companion's icon and pins it, not Python's."""
    if sys.platform != "win32":
        return
    import contextlib
    import ctypes

    # On a very old Windows the call is missing and the taskbar falls back to the executable's identity.
    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)


def _preload_diary_modules() -> None:
    """The lock screen shows before the database layer and the diary's screens are imported (about a second
    on a slow machine); import them in the background once it has painted, while the person types."""
    import threading

    from PySide6.QtCore import QTimer

    def load() -> None:
        import companion.services.session
        import companion.ui.main_view  # noqa: F401

    QTimer.singleShot(300, lambda: threading.Thread(target=load, name="companion-preload", daemon=True).start())


def _quit_cleanly_on_signals(app: object) -> dict[int, object]:
    """On SIGTERM (logout, shutdown) or Ctrl+C, leave the event loop so the diary is saved and locked,
    and a demo folder is removed. A timer hands control to Python now and then so the handler can run."""
    import signal

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)

    def handler(_signum: int, _frame: object) -> None:
        app.quit()

    previous: dict[int, object] = {}
    for signum in (signal.SIGTERM, signal.SIGINT):
        previous[signum] = signal.signal(signum, handler)
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)
    return previous


def _restore_signals(previous: dict[int, object]) -> None:
    import signal

    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]
