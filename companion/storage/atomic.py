"""Durable, atomic file replacement: temp file in the same folder, fsync, rename, fsync the folder.

A crash at any moment leaves either the old file or the new one, never a mixture. A failure (disk full,
read-only folder, no permission) leaves the old file untouched and removes the temp file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temp_name_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")


def _fsync(fd: int) -> None:
    if sys.platform == "darwin":  # fsync on macOS does not reach the platter; F_FULLFSYNC does.
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)  # type: ignore[attr-defined,unused-ignore]
            return
        except OSError:
            pass
    os.fsync(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def fsync_directory(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a directory for fsync; NTFS journals the rename itself.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(src: Path, dst: Path) -> None:
    # On Windows a virus scanner or sync client can hold the target open for a moment: retry, never
    # delete-then-rename.
    attempts = 20 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def atomic_write(target: Path, data: bytes) -> None:
    """Replace `target` with `data` durably. Raises OSError with the old file unchanged."""
    tmp = temp_name_for(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        try:
            _write_all(fd, data)
            _fsync(fd)
        finally:
            os.close(fd)
        _replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    # The new file is in place now, so a refused folder fsync (EINVAL on some file systems) must not be
    # reported as "old file unchanged": that would be untrue and make every later save look like a
    # change by another program.
    with contextlib.suppress(OSError):
        fsync_directory(target.parent)


_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def remove_stale_temps(target: Path) -> list[Path]:
    """Delete temp files a crashed save left beside `target` (call only while holding its lock)."""
    removed = []
    for stale in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            removed.append(stale)
    return removed


def remove_stale_temps_in(folder: Path, older_than_seconds: float = 0.0) -> list[Path]:
    """Delete any of our temp files in `folder` (backups, settings) that a crash left behind.

    `older_than_seconds` spares a temp file another Companion process may be writing right now.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    cutoff = time.time() - older_than_seconds
    for item in folder.iterdir():
        if not _TEMP_NAME.match(item.name):
            continue
        with contextlib.suppress(OSError):
            if item.is_file() and item.stat().st_mtime <= cutoff:
                item.unlink()
                removed.append(item)
    return removed
