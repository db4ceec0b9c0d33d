"""Process hardening at start-up: no core dumps, and on Linux not dumpable (so no ptrace by other programs).

RLIMIT_CORE 0 stops a crash writing the diary's plaintext to a core file. PR_SET_DUMPABLE 0 (Linux) also stops
other programs running as the same user from attaching a debugger (ptrace) or reading /proc/PID/mem, as
KeePassXC does; root can still do both. It also makes /proc/PID files root-owned, so a person debugging
Companion with gdb or py-spy must run it as root or set COMPANION_ALLOW_DEBUGGING=1 (docs/security.md).
Standard library only: called by app.py and the command line before anything else.
"""

from __future__ import annotations

import contextlib
import os
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def harden_process() -> dict[str, bool]:
    """Apply what this platform allows; returns what was done (never raises)."""
    done = {"no_core_dumps": False, "not_dumpable": False}
    if os.environ.get("COMPANION_ALLOW_DEBUGGING") == "1":
        return done
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done["no_core_dumps"] = True
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            done["not_dumpable"] = _prctl(PR_SET_DUMPABLE, 0) == 0
    return done


def is_dumpable() -> bool | None:
    """Linux: whether this process may be core-dumped or ptraced by its user; None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    with contextlib.suppress(OSError, AttributeError):
        return _prctl(PR_GET_DUMPABLE, 0) != 0
    return None


def _prctl(option: int, value: int) -> int:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    return int(libc.prctl(option, value, 0, 0, 0))
