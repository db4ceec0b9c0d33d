"""Commands that need no window: export, import, backup, restore, check, change-passphrase, list-backups.

`companion COMMAND [options]` (app.py hands over when the first argument is a command name). Nothing here
imports Qt, so the commands work without a display and start quickly; the storage stack is imported only
when a command runs. A passphrase is never taken as an argument: it is typed at the terminal (getpass) or
read from a file descriptor (`--passphrase-fd N`), up to the first newline. See docs/cli.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from companion import __version__

# The shared pieces live in cli_support (so cli_commands needs nothing from here); they are re-exported.
from companion.cli_support import (
    EXIT_CANNOT_WRITE,
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_IN_USE,
    EXIT_INTERRUPTED,
    EXIT_NEWER_VERSION,
    EXIT_NO_DISPLAY,
    EXIT_NOT_A_DIARY,
    EXIT_OK,
    EXIT_USAGE,
    EXIT_WRONG_SECRET,
    CommandError,
    Secret,
    ask_secret,
    confirm,
    has_terminal,
    prompt_hidden,
    read_line_from_fd,
    require_diary,
    say,
    vault_path_for,
    warn,
)
from companion.i18n import LANGUAGES, _, set_language

COMMANDS: tuple[str, ...] = (
    "init",
    "export",
    "import",
    "backup",
    "restore",
    "check",
    "change-passphrase",
    "list-backups",
    "summary",
    "story",
    "undo-import",
)


def exit_code_for(exc: BaseException) -> int:
    """The documented exit code for an error raised by the storage and service layers."""
    from companion.domain import errors as e

    if isinstance(exc, CommandError):
        return exc.code
    if isinstance(exc, (e.WrongPassphraseError, e.WrongRecoveryKeyError, e.RecoveryKeyShapeError)):
        return EXIT_WRONG_SECRET
    if isinstance(exc, e.VaultExistsError):
        return EXIT_USAGE
    if isinstance(exc, e.DamagedVaultError):
        return EXIT_DAMAGED
    if isinstance(exc, e.NotAVaultError):
        return EXIT_NOT_A_DIARY
    from companion.services.imports.rows import AmbiguousDateOrderError

    if isinstance(exc, AmbiguousDateOrderError):
        return EXIT_USAGE  # the date order must be given with --date-order
    if isinstance(exc, (e.NewerVersionError, e.ImportNewerVersionError)):
        return EXIT_NEWER_VERSION
    if isinstance(exc, e.ImportFormatError):
        return EXIT_NOT_A_DIARY
    if isinstance(exc, e.ExportFailedError):
        return EXIT_CANNOT_WRITE
    if isinstance(exc, e.VaultLockedByOtherError):
        return EXIT_IN_USE
    if isinstance(exc, (e.SaveFailedError, e.CreateFailedError, e.FolderNotWritableError)):
        return EXIT_CANNOT_WRITE
    if isinstance(exc, e.VaultError) and isinstance(exc.__cause__, OSError):
        return EXIT_CANNOT_WRITE  # e.g. restore_backup could not write the vault
    if isinstance(exc, OSError):
        return EXIT_CANNOT_WRITE
    return EXIT_ERROR


# --- the parser ---------------------------------------------------------------------------------------------


def _early_options(argv: Sequence[str]) -> argparse.Namespace:
    """--language and --data-dir, before the real parser is built (its help text is translated)."""
    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False)  # `summary --lang` is not --language
    early.add_argument("--language")
    early.add_argument("--data-dir")
    try:
        found, _rest = early.parse_known_args(list(argv))
    except SystemExit:
        return argparse.Namespace(language=None, data_dir=None)
    return found


def choose_language(argv: Sequence[str]) -> str:
    """--language, else the interface language saved in settings.json, else the environment, else English."""
    from companion.storage.app_settings import load_settings, resolve_data_dir

    early = _early_options(argv)
    if early.language in LANGUAGES:
        return str(early.language)
    saved = load_settings(resolve_data_dir(early.data_dir)).language
    if saved in LANGUAGES:
        return str(saved)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "cy" if value.lower().startswith("cy") else "en"
    return "en"


def build_parser(handlers: dict[str, Callable[[argparse.Namespace], int]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="companion",
        description=_("Companion (Cydymaith): commands for your diary that need no window."),
        epilog=_("Run 'companion COMMAND --help' to see the options of a command."),
        allow_abbrev=False,  # an option is named in full: "--lang" is never taken for "--language"
    )
    parser.add_argument(
        "--version", action="version", version=f"Companion {__version__}", help=_("show the version number and exit")
    )

    place = argparse.ArgumentParser(add_help=False)
    common = place.add_argument_group(_("common options"))
    common.add_argument(
        "--data-dir",
        metavar=_("FOLDER"),
        help=_("folder that holds the diary (default: your user data folder, or COMPANION_DATA_DIR)"),
    )
    common.add_argument("--language", choices=LANGUAGES, help=_("language of the messages: cy (Welsh) or en"))

    unlock = argparse.ArgumentParser(add_help=False)
    secrets = unlock.add_argument_group(_("unlocking"))
    either = secrets.add_mutually_exclusive_group()
    either.add_argument(
        "--passphrase-fd",
        type=int,
        metavar="N",
        help=_("read the passphrase from file descriptor N, up to the first newline (otherwise it is asked for)"),
    )
    either.add_argument(
        "--recovery-key-fd",
        type=int,
        metavar="N",
        help=_("unlock with the recovery key, read from file descriptor N up to the first newline"),
    )

    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), required=True)
    parser.set_defaults(command_parsers=sub.choices)  # read by command_summaries()

    def command(name: str, summary: str, *, needs_secret: bool = True) -> argparse.ArgumentParser:
        parents = [place, unlock] if needs_secret else [place]
        made = sub.add_parser(name, help=summary, description=summary, parents=parents, allow_abbrev=False)
        made.set_defaults(handler=handlers[name])
        return made

    init = command("init", _("Create a new diary without opening a window."), needs_secret=False)
    init.add_argument(
        "--passphrase-fd",
        type=int,
        metavar="N",
        help=_("read the new passphrase from file descriptor N, up to the first newline (otherwise it is asked for)"),
    )
    init.add_argument(
        "--recovery-key-fd",
        type=int,
        metavar="M",
        help=_("write the recovery key to file descriptor M instead of showing it"),
    )

    export = command("export", _("Write the whole diary to a file that is NOT encrypted."))
    export.add_argument(
        "--format",
        choices=("json", "csv", "fhir"),
        default="json",
        help=_("json (everything), csv (a zip of tables) or fhir (a FHIR R4 bundle for a health record)"),
    )
    export.add_argument("--out", required=True, metavar=_("FILE"), help=_("the file to write"))
    export.add_argument("--force", action="store_true", help=_("replace the file if it already exists"))
    export.add_argument(
        "--from", dest="start", metavar=_("DATE"), help=_("fhir: first day, as YYYY-MM-DD (default: 90 days ago)")
    )
    export.add_argument("--to", dest="end", metavar=_("DATE"), help=_("fhir: last day, as YYYY-MM-DD (default: today)"))
    export.add_argument(
        "--sections",
        metavar=_("LIST"),
        help=_("fhir: what to include, from pain, sleep_mood, medicines, notes (default: pain,sleep_mood,medicines)"),
    )
    export.add_argument("--patient-name", metavar=_("NAME"), help=_("fhir: your name in the Patient resource"))
    export.add_argument("--birth-date", metavar=_("DATE"), help=_("fhir: your date of birth in the Patient resource"))
    export.add_argument("--nhs-number", metavar=_("NUMBER"), help=_("fhir: your NHS number in the Patient resource"))
    export.add_argument(
        "--demo", action="store_true", help=_("use a throwaway demo diary instead of yours (no passphrase needed)")
    )

    imp = command(
        "import",
        _("Bring entries into the diary from a Companion export, a pain CSV file, or another tracker's CSV export."),
    )
    imp.add_argument("file", metavar=_("FILE"), help=_("the file to import"))
    imp.add_argument(
        "--mode",
        choices=("merge", "replace"),
        default="merge",
        help=_("merge: add what is new (default); replace: the diary becomes the file's contents"),
    )
    imp.add_argument("--pain-csv", action="store_true", help=_("the file is a simple CSV of pain scores"))
    imp.add_argument(
        "--from",
        dest="tracker",
        choices=("bearable", "flaredown", "csv"),
        help=_("the file is an export from Bearable or Flaredown, or any spreadsheet saved as CSV (with --map)"),
    )
    imp.add_argument(
        "--map",
        metavar=_("MAPPING"),
        help=_("csv: which column holds what, such as date=Date,time=Time,pain=Pain level,sleep=Sleep,note=Notes"),
    )
    imp.add_argument(
        "--units",
        metavar=_("UNITS"),
        help=_("csv: scales and units other than the usual, such as mood=5,tiredness=100,sleep=minutes"),
    )
    imp.add_argument(
        "--date-order",
        choices=("dmy", "mdy", "ymd"),
        help=_("csv: the order of day, month and year in the dates, when the file can't show it"),
    )
    imp.add_argument("--dry-run", action="store_true", help=_("only show what would be imported; change nothing"))
    imp.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    backup = command("backup", _("Make an encrypted copy of the diary in a folder of your choice."))
    backup.add_argument("--to", required=True, metavar=_("FOLDER"), help=_("the folder to put the copy in"))

    restore = command("restore", _("Put a backup in place of the diary; the current file is kept aside."))
    restore.add_argument(
        "backup", metavar=_("BACKUP"), help=_("a backup file, or the name of one in the backups folder")
    )
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    check = command("check", _("Check that the diary or a backup opens and that its contents are sound."))
    check.add_argument("file", nargs="?", metavar=_("FILE"), help=_("a backup to check (default: the diary)"))

    change = command("change-passphrase", _("Change the passphrase that opens the diary."))
    change.add_argument(
        "--new-passphrase-fd",
        type=int,
        metavar="N",
        help=_("read the new passphrase from file descriptor N, up to the first newline"),
    )
    change.add_argument(
        "--keep-backups",
        action="store_true",
        help=_("leave the backups as they are (by default they are re-encrypted with the new passphrase)"),
    )
    change.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    command("list-backups", _("List the backups kept beside the diary."), needs_secret=False)

    undo = command("undo-import", _("Undo an import from another tracker: remove exactly what it added."))
    undo.add_argument(
        "batch", nargs="?", metavar=_("IMPORT"), help=_("the import to undo (default: list the imports)")
    )
    undo.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))

    summary = command("summary", _("Make the consultation summary as a PDF (NOT encrypted), without opening a window."))
    summary.add_argument("--from", dest="start", metavar=_("DATE"), help=_("first day, as YYYY-MM-DD"))
    summary.add_argument("--to", dest="end", metavar=_("DATE"), help=_("last day, as YYYY-MM-DD (default: today)"))
    _add_pdf_arguments(summary)
    _add_pdf_arguments(
        command("story", _("Make “My story so far” as a one-page PDF (NOT encrypted), without opening a window."))
    )
    return parser


def _add_pdf_arguments(made: argparse.ArgumentParser) -> None:
    """The options of the commands that write a PDF (summary, story)."""
    made.add_argument("--lang", choices=("cy", "en", "both"), default="en", help=_("cy, en, or both side by side"))
    made.add_argument("--paper", choices=("A4", "Letter"), default="A4", help=_("A4 (default) or Letter"))
    made.add_argument("--out", required=True, metavar=_("FILE"), help=_("the PDF file to write"))
    made.add_argument("--force", action="store_true", help=_("replace the file if it already exists"))
    made.add_argument(
        "--demo", action="store_true", help=_("use a throwaway demo diary instead of yours (no passphrase needed)")
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        set_language(choose_language(argv))
    except Exception:  # a broken settings file must not stop the commands
        set_language("en")

    from companion import cli_commands
    from companion.cli_words import speaking_ours

    try:
        with speaking_ours():  # argparse's own words ("usage:", its errors) in the chosen language too
            args = build_parser(cli_commands.HANDLERS).parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.language:
        set_language(args.language)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        warn(_("Stopped. Nothing more was changed."))
        return EXIT_INTERRUPTED
    except CommandError as exc:
        warn(exc.text)
        return exc.code
    except Exception as exc:  # every failure becomes a message and an exit code
        from companion.domain.errors import CompanionError, save_failure_reason

        if isinstance(exc, CompanionError):
            warn(exc.cli_message())
        elif isinstance(exc, OSError):
            warn(
                _("Companion could not use {path} ({reason}).").format(
                    path=exc.filename or _("a file"), reason=save_failure_reason(exc)
                )
            )
        else:
            warn(_("Something went wrong. Nothing already saved has been lost."))
            warn(f"({type(exc).__name__}: {exc})")
        return exit_code_for(exc)


def command_summaries() -> dict[str, str]:
    """Each command and the line that says what it does, in the active language (`companion --help` lists
    them). Read from the parser itself, so a new command is listed as soon as it is added there."""
    from companion.cli_words import speaking_ours

    with speaking_ours():
        parser = build_parser(_AnyHandler())
    commands: dict[str, argparse.ArgumentParser] = parser.get_default("command_parsers")
    return {name: str(made.description) for name, made in commands.items()}


class _AnyHandler(dict[str, Callable[[argparse.Namespace], int]]):
    """Handlers for a parser that only describes the commands (command_summaries)."""

    def __missing__(self, _name: str) -> Callable[[argparse.Namespace], int]:
        return lambda _args: EXIT_OK


__all__ = [
    "COMMANDS",
    "EXIT_CANNOT_WRITE",
    "EXIT_DAMAGED",
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_IN_USE",
    "EXIT_NEWER_VERSION",
    "EXIT_NOT_A_DIARY",
    "EXIT_NO_DISPLAY",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_WRONG_SECRET",
    "CommandError",
    "Secret",
    "ask_secret",
    "build_parser",
    "choose_language",
    "command_summaries",
    "confirm",
    "exit_code_for",
    "has_terminal",
    "main",
    "prompt_hidden",
    "read_line_from_fd",
    "require_diary",
    "say",
    "vault_path_for",
    "warn",
]


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
