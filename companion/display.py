"""Whether the window can open here: Linux needs a desktop session (X11 or Wayland) unless Qt is told to use a
platform that draws without one (offscreen, minimal, a framebuffer). Asked before Qt starts, which aborts."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

# Qt platform plugins that need no X11 or Wayland display.
NO_DISPLAY_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "linuxfb", "eglfs", "vnc", "vkkhrdisplay"})


def window_cannot_open(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True on Linux (and the other X11 systems) with no DISPLAY or WAYLAND_DISPLAY, unless QT_QPA_PLATFORM
    names a platform that needs none. Windows and macOS always have their own."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system.startswith(("win", "darwin", "cygwin")):
        return False
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return False
    # QT_QPA_PLATFORM may list fallbacks ("wayland;xcb") and take options ("offscreen:fontengine=freetype").
    wanted = [name.split(":", 1)[0].strip() for name in env.get("QT_QPA_PLATFORM", "").split(";")]
    return not any(name in NO_DISPLAY_PLATFORMS for name in wanted)
