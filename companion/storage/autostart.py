""""Start Companion when I log in": an XDG autostart entry on Linux, the Run key on Windows.

The entry itself is the setting (nothing is kept in settings.json), so removing it by hand, or through
the desktop's own startup settings, is respected. Off unless the person turns it on. Other systems
(macOS) are not supported: `supported()` is False and Settings says so.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from companion import APP_ID
from companion.storage.atomic import atomic_write

# The id of the installed desktop entry (packaging/linux/<id>.desktop), also QGuiApplication's desktop file name.
DESKTOP_ID = APP_ID
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME = "Companion"


def supported(platform: str | None = None) -> bool:
    """Linux (not inside a Flatpak sandbox, whose autostart goes through a portal) and Windows."""
    platform = sys.platform if platform is None else platform
    if platform.startswith("linux"):
        return "FLATPAK_ID" not in os.environ
    return platform == "win32"


def command() -> list[str]:
    """How this copy of Companion is started: an AppImage's own file (its mount point changes every run),
    the frozen executable, or this Python with -m companion."""
    appimage = os.environ.get("APPIMAGE")
    if appimage:
        return [appimage]
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "companion"]


def autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{DESKTOP_ID}.desktop"


def desktop_entry(argv: list[str]) -> str:
    exec_line = " ".join(_desktop_quote(arg) for arg in argv)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Companion\n"
        "Name[cy]=Cydymaith\n"
        "Comment=Start Companion, your pain diary, when you log in\n"
        "Comment[cy]=Dechrau Cydymaith, eich dyddiadur poen, pan fyddwch yn mewngofnodi\n"
        f"Exec={exec_line}\n"
        f"Icon={DESKTOP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _desktop_quote(arg: str) -> str:
    """Quote one Exec argument as the Desktop Entry specification asks (reserved characters in double
    quotes, with backslash before ", `, $ and \\; a literal % doubled)."""
    arg = arg.replace("%", "%%")
    if arg and not any(ch in arg for ch in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def is_enabled() -> bool:
    if sys.platform == "win32":
        return _windows_value() is not None
    if sys.platform.startswith("linux"):
        return autostart_file().is_file()
    return False


def set_enabled(enabled: bool) -> None:
    """Write or remove the entry. Raises OSError if the system refuses."""
    if sys.platform == "win32":
        _windows_set(enabled)
    elif sys.platform.startswith("linux"):
        path = autostart_file()
        if enabled:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(path, desktop_entry(command()).encode("utf-8"))
        else:
            path.unlink(missing_ok=True)


def _windows_value() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            value, _kind = winreg.QueryValueEx(key, WINDOWS_VALUE_NAME)
    except OSError:
        return None
    return str(value)


def _windows_set(enabled: bool) -> None:
    if sys.platform != "win32":
        return
    import subprocess
    import winreg

    with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
        if enabled:
            winreg.SetValueEx(key, WINDOWS_VALUE_NAME, 0, winreg.REG_SZ, subprocess.list2cmdline(command()))
        else:
            with contextlib.suppress(FileNotFoundError):
                winreg.DeleteValue(key, WINDOWS_VALUE_NAME)

