"""`companion init`: create a diary without a window, and the passphrase-change steps the CLI shares.

The new passphrase comes from the terminal (typed twice) or a file descriptor; the key derivation is calibrated
on this computer exactly as the app does; the recovery key is shown once, on the terminal or written to the
descriptor given with --recovery-key-fd (then nothing secret is printed).
"""

from __future__ import annotations

import argparse
import os

from companion.cli_support import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    has_terminal,
    prompt_hidden,
    read_line_from_fd,
    say,
    vault_path_for,
    warn,
)
from companion.i18n import _, pgettext


def check_strength(passphrase: str) -> None:
    """Refuse (exit 2) a passphrase that is too easy to guess, with our own reasons."""
    from companion.domain.passphrase import estimate

    strength = estimate(passphrase)
    if not strength.acceptable:
        for sentence in strength.feedback:  # why, one whole sentence a line; the verdict comes last
            warn(_(sentence))
        raise CommandError(
            _("The new passphrase is not strong enough ({level}). {hint} Nothing was changed.").format(
                level=_(strength.label), hint=_(strength.hint)
            ),
            EXIT_USAGE,
        )


def ask_new_passphrase(fd: int | None, fd_option: str) -> str:
    if fd is not None:
        return read_line_from_fd(fd)
    if not has_terminal():
        raise CommandError(
            _(
                "No new passphrase was given. Run the command at a terminal to type it, or pass it on a file "
                "descriptor with {option} N."
            ).format(option=fd_option),
            EXIT_USAGE,
        )
    first = prompt_hidden(_("New passphrase: "))
    second = prompt_hidden(_("New passphrase again: "))
    if first != second:
        raise CommandError(_("The two new passphrases are different. Nothing was changed."), EXIT_USAGE)
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from companion.services.app_context import AppContext
    from companion.services.session import DiarySession
    from companion.storage.kdf import KdfParams

    vault = vault_path_for(args)
    if vault.exists():
        raise CommandError(
            _("There is already a diary in {folder}. Nothing was changed.").format(folder=vault.parent), EXIT_USAGE
        )
    passphrase = ask_new_passphrase(args.passphrase_fd, "--passphrase-fd")
    check_strength(passphrase)
    say(_("Creating your diary. This takes a few seconds…"))
    context = AppContext.load(vault.parent)
    session, recovery = DiarySession.create(vault, passphrase, KdfParams.calibrated())
    session.close()
    if args.language:
        context.update_settings(language=args.language)
    say(_("Your diary was created in {folder}.").format(folder=vault.parent))
    if args.recovery_key_fd is not None:
        _write_key(args.recovery_key_fd, recovery)
        say(
            _("Your recovery key was written to file descriptor {fd}. Keep it somewhere safe.").format(
                fd=args.recovery_key_fd
            )
        )
    else:
        say(_("Your recovery key (shown only this once; write it down and keep it somewhere safe):"))
        say(recovery)
    say(_("If you forget your passphrase, the recovery key is the only way into your diary."))
    return EXIT_OK


def _write_key(fd: int, key: str) -> None:
    data = (key + "\n").encode("ascii")
    try:
        while data:
            written = os.write(fd, data)
            data = data[written:]
    except OSError:
        raise CommandError(
            _(
                "Companion could not write to file descriptor {fd}. Your diary was created; its recovery key could "
                "not be given to you, so make a new one with change-passphrase or start again in an empty folder."
            ).format(fd=fd),
            EXIT_USAGE,
        ) from None


def offer_backup_reencryption(
    args: argparse.Namespace, session: object, *, old_passphrase: str | None, old_recovery: str | None
) -> None:
    """After a passphrase change: say what it means for the backups, then re-encrypt them (default yes)."""
    from companion.services.session import DiarySession
    from companion.storage import rekey

    assert isinstance(session, DiarySession)
    vault = session.store.vault
    count = len(rekey.backups_to_reencrypt(vault))
    if count == 0:
        return
    say(_("Backups made before this change still open with the old passphrase, and only with it."))
    if args.keep_backups:
        say(_("They were left as they are (--keep-backups)."))
        return
    if has_terminal() and not getattr(args, "yes", False):
        answer = (
            input(
                _("Re-encrypt the {count} backups beside the diary with the new passphrase? [Y/n] ").format(count=count)
            )
            .strip()
            .casefold()
        )
        declined = {
            "n",
            "no",
            pgettext("answer to a yes/no question", "n"),
            pgettext("answer to a yes/no question", "no"),
        }
        if answer in {a.casefold() for a in declined}:
            say(_("They were left as they are."))
            return
    outcomes = rekey.reencrypt_backups(vault, old_passphrase=old_passphrase, old_recovery_key=old_recovery)
    done = sum(1 for o in outcomes if o.reencrypted)
    say(_("Backups re-encrypted with the new passphrase: {count}.").format(count=done))
    for outcome in outcomes:
        if not outcome.reencrypted:
            warn(outcome.message())
