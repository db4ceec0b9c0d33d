"""The commands of companion.cli, one function each: (parsed arguments) -> exit code.

Storage and services are imported inside the functions, so `companion COMMAND --help` stays quick.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from companion.cli_support import (
    CLOCK,
    EXIT_CANNOT_WRITE,
    EXIT_ERROR,
    EXIT_NOT_A_DIARY,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    ask_secret,
    confirm,
    date_option,
    diary_for,
    open_session,
    out_file,
    require_diary,
    say,
    vault_path_for,
    warn,
)
from companion.i18n import _, ngettext
from companion.storage.inspection import inspect_image

if TYPE_CHECKING:
    from companion.services.session import DiarySession
    from companion.services.transfer import ImportPreview, ImportReport

_STAMP = re.compile(r"diary-(\d{8}T\d{6})-")


# --- shared helpers ----------------------------------------------------------------------------------------


def _cannot_write(path: Path, exc: OSError) -> CommandError:
    from companion.domain.errors import save_failure_reason

    return CommandError(
        _("Companion could not write {path} ({reason}). Nothing was written there.").format(
            path=path, reason=save_failure_reason(exc)
        ),
        EXIT_CANNOT_WRITE,
    )


def _existing_file(path: Path) -> Path:
    if not path.is_file():
        raise CommandError(_("There is no file at {path}.").format(path=path), EXIT_NOT_A_DIARY)
    return path


def _made_at(path: Path) -> dt.datetime:
    match = _STAMP.match(path.name)
    if match:
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S")
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _entries_sentence(count: int) -> str:
    return ngettext("It holds {count} entry.", "It holds {count} entries.", count).format(count=count)


# --- check ----------------------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from companion.domain.errors import DamagedVaultError
    from companion.i18n.formatting import format_datetime
    from companion.storage import vault_format as fmt
    from companion.storage.vault import read_file, unlock_blob

    if args.file:
        target = _existing_file(Path(args.file).expanduser())
    else:
        target = vault_path_for(args)
        require_diary(target)
    blob = read_file(target)
    fmt.parse_header(blob)  # not a diary, damaged header or newer format: say so before asking anything
    secret = ask_secret(args)
    _header, _key, image = unlock_blob(blob, **secret.kwargs())
    say(
        _("{path}: opens with the passphrase.").format(path=target)
        if secret.recovery_key is None
        else _("{path}: opens with the recovery key.").format(path=target)
    )
    contents = inspect_image(image)
    if not contents.sound:
        warn(_("The database inside the file failed its integrity check."))
        raise DamagedVaultError()
    say(_("The database inside passed its integrity check."))
    if contents.current:
        say(_("Its structure is the newest this version knows ({revision}).").format(revision=contents.revision))
    else:
        say(
            _(
                "Its structure is older ({revision}); it will be brought up to date ({newest}) the next time the "
                "diary is opened."
            ).format(revision=contents.revision, newest=contents.newest_known)
        )
    if contents.entries is not None:
        say(_entries_sentence(contents.entries))
    say(_("File date: {when}.").format(when=format_datetime(_made_at(target))))
    say(_("The check found no problem."))
    return EXIT_OK


# --- backup, list-backups, restore ------------------------------------------------------------------------


def cmd_backup(args: argparse.Namespace) -> int:
    from companion.storage import backups
    from companion.storage import vault_format as fmt
    from companion.storage.atomic import atomic_write
    from companion.storage.vault import read_file, unlock_blob

    vault = vault_path_for(args)
    require_diary(vault)
    blob = read_file(vault)  # the copy is exactly the bytes that were checked
    fmt.parse_header(blob)
    secret = ask_secret(args)
    unlock_blob(blob, **secret.kwargs())
    folder = Path(args.to).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(folder, exc) from exc
    stamp = CLOCK.now().strftime("%Y%m%dT%H%M%S")
    target = folder / f"diary-{stamp}-{backups.MANUAL}.vault"
    if target.exists():
        raise CommandError(_("{path} already exists. Wait a second and try again.").format(path=target), EXIT_ERROR)
    try:
        atomic_write(target, blob)
    except OSError as exc:
        raise _cannot_write(target, exc) from exc
    say(_("An encrypted backup was written to {path}.").format(path=target))
    say(_("It opens with the passphrase and the recovery key the diary has now."))
    return EXIT_OK


def cmd_list_backups(args: argparse.Namespace) -> int:
    from companion.i18n.formatting import format_datetime, format_decimal
    from companion.storage import backups

    vault = vault_path_for(args)
    found = backups.list_backups(vault)
    replaced = backups.replaced_files(vault)
    if not vault.is_file() and not found and not replaced:
        require_diary(vault)  # says there is no diary there (exit 5)
    for item in replaced:
        say(
            _("{date}  replaced by a restore  {size} KB  {path}").format(
                date=format_datetime(item.made_at), size=format_decimal(item.size / 1024), path=item.path
            )
        )
    if not found:
        say(_("There are no backups in {folder}.").format(folder=backups.backup_dir(vault)))
        return EXIT_OK
    kinds = {
        backups.DAILY: _("daily"),
        backups.BEFORE_CHANGE: _("before a change"),
        backups.MANUAL: _("made by hand"),
    }
    say(
        ngettext(
            "{count} backup in {folder}, newest first:",
            "{count} backups in {folder}, newest first:",
            len(found),
        ).format(count=len(found), folder=backups.backup_dir(vault))
    )
    for item in found:
        say(
            _("{date}  {kind}  {size} KB  {name}").format(
                date=format_datetime(item.made_at),
                kind=kinds.get(item.kind, item.kind),
                size=format_decimal(item.size / 1024),
                name=item.path.name,
            )
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from companion.domain.errors import DamagedVaultError
    from companion.i18n.formatting import format_datetime
    from companion.storage import backups
    from companion.storage import vault_format as fmt
    from companion.storage.lockfile import VaultLock
    from companion.storage.vault import read_file, unlock_blob

    vault = vault_path_for(args)
    source = Path(args.backup).expanduser()
    if not source.exists() and source.name == args.backup:
        source = backups.backup_dir(vault) / args.backup  # a name as list-backups shows it
    source = _existing_file(source)
    blob = read_file(source)
    fmt.parse_header(blob)
    secret = ask_secret(args)
    image = unlock_blob(blob, **secret.kwargs())[2]
    contents = inspect_image(image)
    if not contents.sound:
        raise DamagedVaultError()
    say(_("Backup {path}, made {when}.").format(path=source, when=format_datetime(_made_at(source))))
    if contents.entries is not None:
        say(_entries_sentence(contents.entries))
    if vault.exists():
        say(
            _("The diary in {folder} will be replaced by this backup; its current file will be kept aside.").format(
                folder=vault.parent
            )
        )
    confirm(args, _("Restore this backup? [y/N] "))
    try:
        vault.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(vault.parent, exc) from exc
    lock = VaultLock(vault)
    lock.acquire()  # VaultLockedByOtherError when the diary is open elsewhere
    try:
        aside = backups.restore_backup(vault, source, now=CLOCK.now())
    finally:
        lock.release()
    say(_("The diary was restored from the backup."))
    if aside is not None:
        say(_("The file it replaced was kept as {path}, and as a backup before the change.").format(path=aside))
    return EXIT_OK


# --- change-passphrase -------------------------------------------------------------------------------------


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    from companion.cli_init import ask_new_passphrase, check_strength, offer_backup_reencryption
    from companion.storage.kdf import KdfParams

    vault = vault_path_for(args)
    require_diary(vault)
    secret = ask_secret(args)
    with open_session(vault, secret) as session:
        new = ask_new_passphrase(args.new_passphrase_fd, "--new-passphrase-fd")
        check_strength(new)
        say(_("Changing the passphrase and re-encrypting the diary with a new key. This takes a few seconds…"))
        new_recovery = session.store.change_passphrase(new, KdfParams.calibrated())
        if new_recovery is None:
            say(_("Your passphrase has been changed. Your recovery key still works."))
        else:
            say(
                _(
                    "Your passphrase has been changed. This diary was made by an older version of Companion, so "
                    "it also has a new recovery key, and the old one no longer opens it. Write it down now; it "
                    "is shown only once:"
                )
            )
            say(new_recovery)
        offer_backup_reencryption(args, session, old_passphrase=secret.passphrase, old_recovery=secret.recovery_key)
    return EXIT_OK


# --- export and import -------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from companion.services import transfer

    if args.format == "fhir" or args.demo or args.start or args.end:
        from companion.cli_imports import cmd_export_any

        return cmd_export_any(args)

    vault = vault_path_for(args)
    require_diary(vault)
    out = out_file(args)
    if out.is_dir():
        raise CommandError(_("{path} is a folder. Give the name of a file to write.").format(path=out), EXIT_USAGE)
    secret = ask_secret(args)
    with open_session(vault, secret) as session:
        data = transfer.export_json(session) if args.format == "json" else transfer.export_csv_zip(session)
    warn(transfer.export_warning())
    transfer.write_export(out, data)
    say(_("The diary was exported to {path}.").format(path=out))
    return EXIT_OK


def _describe_json_preview(preview: ImportPreview) -> None:
    say(_("New rows to add: {count}.").format(count=preview.new))
    say(_("Rows already in the diary: {count}.").format(count=preview.duplicates))
    if preview.mode == "replace":
        say(_("Rows in the diary to overwrite: {count}.").format(count=preview.replaced))
        say(_("Rows in the diary to remove: {count}.").format(count=preview.removed))


def cmd_import(args: argparse.Namespace) -> int:
    from companion.services import transfer
    from companion.storage import backups

    if args.tracker:
        from companion.cli_imports import cmd_import_tracker

        return cmd_import_tracker(args)
    if args.dry_run or args.map or args.units or args.date_order:
        raise CommandError(_("--dry-run, --map, --units and --date-order go with --from."), EXIT_USAGE)
    if args.pain_csv and args.mode == "replace":
        raise CommandError(_("A pain CSV can only be merged into the diary; leave out --mode replace."), EXIT_USAGE)
    vault = vault_path_for(args)
    require_diary(vault)
    source = _existing_file(Path(args.file).expanduser())
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise CommandError(
            _("Companion could not read {path} ({error}).").format(path=source, error=exc.strerror), EXIT_ERROR
        ) from exc
    secret = ask_secret(args)
    with open_session(vault, secret) as session:
        run: Callable[[], ImportReport]
        if args.pain_csv:
            csv_preview = transfer.preview_pain_csv(data, session.clock)
            say(_("Rows that can be imported: {count}.").format(count=len(csv_preview.rows)))
            say(_("Rows repeated within the file: {count}.").format(count=csv_preview.duplicates))
            for _row, reason in csv_preview.rejected:
                say(reason)  # a whole translated sentence that names the row
            run = lambda: transfer.import_pain_csv(session, data)  # noqa: E731
        else:
            preview = transfer.preview_json(session, data, args.mode)
            _describe_json_preview(preview)
            run = lambda: transfer.import_json(session, data, args.mode)  # noqa: E731
            if args.mode == "replace":
                say(_("Replace mode: the diary will hold exactly what the file holds."))
        confirm(args, _("Import this file? [y/N] "))
        try:
            backups.make_backup(vault, backups.BEFORE_CHANGE, now=CLOCK.now())
        except OSError as exc:
            raise _cannot_write(backups.backup_dir(vault), exc) from exc
        report = run()
        say(report.summary())
    return EXIT_OK


# --- summary --------------------------------------------------------------------------------------------


def cmd_summary(args: argparse.Namespace) -> int:
    """The summary needs QtGui's text layout and PDF writer (offscreen, no window). They are loaded by name
    only here, so every other command, and `--help`, stays free of Qt."""
    import importlib
    import os
    import tempfile

    out = out_file(args)
    start, end = date_option(args.start, "--from"), date_option(args.end, "--to")
    if start is not None and end is not None and end < start:
        raise CommandError(_("--to is before --from. Check the two dates."), EXIT_USAGE)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="companion-mpl-") as cache:
        os.environ.setdefault("MPLCONFIGDIR", cache)
        summary_pdf = importlib.import_module("companion.reports.summary_pdf")
        from companion.reports.summary_data import SummaryOptions

        def options_for(session: DiarySession) -> SummaryOptions:
            last = end or session.diary.today()
            first = start or last - dt.timedelta(days=90)
            return SummaryOptions(first, last, language=args.lang, paper=args.paper)

        with diary_for(args) as session:
            data = summary_pdf.make_summary_pdf(session, options_for(session))
    from companion.services import transfer

    warn(transfer.export_warning())
    transfer.write_export(out, data)
    say(_("The summary was written to {path}.").format(path=out))
    return EXIT_OK


def cmd_init(args: argparse.Namespace) -> int:
    from companion.cli_init import cmd_init as run_init

    return run_init(args)


from companion.cli_story import cmd_story  # noqa: E402 (after the commands it sits beside)


def cmd_undo_import(args: argparse.Namespace) -> int:
    from companion.cli_imports import cmd_undo_import as undo

    return undo(args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "check": cmd_check,
    "change-passphrase": cmd_change_passphrase,
    "list-backups": cmd_list_backups,
    "summary": cmd_summary,
    "story": cmd_story,
    "undo-import": cmd_undo_import,
}
