"""The app's own preferences for the screens: settings.json's values and choices, and starting at log-in.

Screens use this module, never `companion.storage`; it loads no database code (the lock screen uses it).
"""

from __future__ import annotations

from companion.storage import autostart as _autostart
from companion.storage.app_settings import AUTO_LOCK_CHOICES, FONT_SIZES, AppSettings


def autostart_supported() -> bool:
    """Whether this system lets Companion start when the person logs in (XDG autostart, Windows Run key)."""
    return _autostart.supported()


def autostart_enabled() -> bool:
    return _autostart.is_enabled()


def set_autostart(enabled: bool) -> None:
    """Start Companion at log-in, or stop doing so. Raises OSError if the system refuses."""
    _autostart.set_enabled(enabled)


__all__ = [
    "AUTO_LOCK_CHOICES",
    "FONT_SIZES",
    "AppSettings",
    "autostart_enabled",
    "autostart_supported",
    "set_autostart",
]
