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
FILE_MODE = 0o600  # every file Companion writes: only the person's own account may read it
FOLDER_MODE = 0o700  # every folder Companion makes for its data, and the folders it owns


def private_folder(folder: Path, *, tighten: bool = True) -> Path:
    """Make `folder` (and any missing parents) with mode 0700. With `tighten`, a folder that already exists
    and belongs to Companion (data, backups, state) is set to 0700 too; a folder the person chose, such as a
    USB stick's, is left as it is (`tighten=False`). Raises OSError."""
    missing = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=FOLDER_MODE)
        _chmod(path, FOLDER_MODE)
    if tighten and not missing:
        _chmod(folder, FOLDER_MODE)
    return folder


def _chmod(path: Path, mode: int) -> None:
    if os.name != "nt":  # Windows has no mode bits; the user profile folder is private already
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


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
    fd = os.open(tmp, flags, FILE_MODE)
    try:
        try:
            if os.name != "nt":
                os.fchmod(fd, FILE_MODE)  # whatever the umask
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
