"""What every CLI command shares: exit codes, talking at the terminal, the secret that unlocks, the diary's path.

No Qt and no storage stack at import time (commands import what they need when they run).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from companion.i18n import _, pgettext
from companion.services.clock import SYSTEM_CLOCK

if TYPE_CHECKING:
    from companion.services.session import DiarySession

CLOCK = SYSTEM_CLOCK  # the CLI has no session before it unlocks: the computer's own time and zone

# Exit codes (docs/cli.md lists them too).
EXIT_OK = 0
EXIT_ERROR = 1  # any other error
EXIT_USAGE = 2  # wrong usage, or refused: no confirmation, no terminal to ask on, file exists
EXIT_WRONG_SECRET = 3  # wrong passphrase or recovery key, or a recovery key of the wrong shape
EXIT_DAMAGED = 4  # the file is damaged
EXIT_NOT_A_DIARY = 5  # not a Companion file, no such file, or no diary in the folder
EXIT_NEWER_VERSION = 6  # made by a newer version of Companion
EXIT_IN_USE = 7  # the diary is open in another window or process
EXIT_CANNOT_WRITE = 8  # could not write: disk full, read-only, no permission
EXIT_NO_DISPLAY = 9  # the window was asked for, but there is no desktop session (app.py)
EXIT_INTERRUPTED = 130  # Ctrl+C


class CommandError(Exception):
    """A failure the CLI reports itself: an already translated message and an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.text = message
        self.code = code


# --- talking to the person --------------------------------------------------------------------------------


def say(text: str) -> None:
    print(text, file=sys.stdout, flush=True)


def warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def has_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):
        return False


def confirm(args: argparse.Namespace, question: str) -> None:
    """Go on if --yes was given or the person answers yes at the terminal; otherwise refuse (exit 2)."""
    if getattr(args, "yes", False):
        return
    if not has_terminal():
        raise CommandError(
            _(
                "Nothing was changed: this needs your confirmation, but there is no terminal to ask on. "
                "Add --yes to go ahead without asking."
            ),
            EXIT_USAGE,
        )
    try:
        answer = input(question).strip().casefold()
    except EOFError:
        answer = ""
    accepted = {
        "y",
        "yes",
        pgettext("answer to a yes/no question", "y"),
        pgettext("answer to a yes/no question", "yes"),
    }
    if answer not in {a.casefold() for a in accepted}:
        raise CommandError(_("Nothing was changed."), EXIT_USAGE)


def read_line_from_fd(fd: int) -> str:
    """Read up to the first newline (or the end) from a file descriptor, one byte at a time so that the
    same descriptor can carry several lines (current and new passphrase)."""
    buffer = bytearray()
    try:
        while True:
            byte = os.read(fd, 1)
            if not byte or byte == b"\n":
                break
            buffer += byte
    except OSError:
        raise CommandError(
            _("Companion could not read from file descriptor {fd}. Check that it is open for reading.").format(fd=fd),
            EXIT_USAGE,
        ) from None
    if not buffer and not byte:
        raise CommandError(_("Nothing could be read from file descriptor {fd}.").format(fd=fd), EXIT_USAGE)
    try:
        text = buffer.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(
            _("What was read from file descriptor {fd} is not UTF-8 text.").format(fd=fd), EXIT_USAGE
        ) from None
    finally:
        buffer[:] = bytes(len(buffer))
    return text.removesuffix("\r")


@dataclass(frozen=True)
class Secret:
    """What unlocks the diary: the passphrase or the recovery key."""

    passphrase: str | None = None
    recovery_key: str | None = None

    def kwargs(self) -> dict[str, Any]:
        if self.recovery_key is not None:
            return {"recovery_key": self.recovery_key}
        return {"passphrase": self.passphrase}


def ask_secret(args: argparse.Namespace) -> Secret:
    if getattr(args, "recovery_key_fd", None) is not None:
        return Secret(recovery_key=read_line_from_fd(args.recovery_key_fd))
    if getattr(args, "passphrase_fd", None) is not None:
        return Secret(passphrase=read_line_from_fd(args.passphrase_fd))
    if not has_terminal():
        raise CommandError(
            _(
                "No passphrase was given. Run the command at a terminal to type it, or pass it on a file "
                "descriptor with --passphrase-fd N."
            ),
            EXIT_USAGE,
        )
    return Secret(passphrase=prompt_hidden(_("Passphrase: ")))


def prompt_hidden(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CommandError(_("Nothing was typed, so nothing was done."), EXIT_USAGE) from None


def out_file(args: argparse.Namespace) -> Path:
    """The file --out names; refused (exit 2) when it is already there and --force was not given."""
    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        raise CommandError(
            _("{path} already exists. Choose another name, or add --force to replace it.").format(path=out),
            EXIT_USAGE,
        )
    return out


def date_option(value: str | None, option: str) -> dt.date | None:
    """The date given to `option` (such as 2026-03-01), or None when the option was not given."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("{option} needs a date such as 2026-03-01, not “{value}”.").format(option=option, value=value), EXIT_USAGE
        ) from None


def vault_path_for(args: argparse.Namespace) -> Path:
    from companion.storage.app_settings import resolve_data_dir
    from companion.storage.vault import VAULT_FILENAME

    return resolve_data_dir(args.data_dir) / VAULT_FILENAME


def require_diary(vault: Path) -> None:
    if not vault.is_file():
        raise CommandError(
            _(
                "There is no diary in {folder}. Start Companion or run 'companion init' to create one, or choose "
                "another folder with --data-dir."
            ).format(folder=vault.parent),
            EXIT_NOT_A_DIARY,
        )


@contextlib.contextmanager
def open_session(vault: Path, secret: Secret) -> Iterator[DiarySession]:
    """Open the diary (takes the one-writer lock); afterwards it is saved durably and closed, before the
    command reports success (a failed save raises SaveFailedError: exit 8, the file on disk unchanged)."""
    from companion.services.session import DiarySession

    session = DiarySession.open(vault, clock=CLOCK, **secret.kwargs())
    try:
        yield session
    finally:
        try:
            session.close()  # flushes: durable before the command says it is done
        except BaseException:
            session.discard()  # the file on disk is as it was before the failed save; the lock is let go
            raise


@contextlib.contextmanager
def diary_for(args: argparse.Namespace) -> Iterator[DiarySession]:
    """The person's diary (asks for the passphrase), or with --demo a throwaway demo diary."""
    if getattr(args, "demo", False):
        from companion.demo import create_demo_diary
        from companion.storage.kdf import KdfParams

        with tempfile.TemporaryDirectory(prefix="companion-demo-") as folder:
            session = create_demo_diary(Path(folder), KdfParams(iterations=3, lanes=4, memory_kib=65536))
            try:
                yield session
            finally:
                session.close()
        return

    vault = vault_path_for(args)
    require_diary(vault)
    with open_session(vault, ask_secret(args)) as session:
        yield session
