"""Commands for other trackers and health records: import from Bearable, Flaredown or a spreadsheet, undo an
import, and the FHIR export (and --demo for every export). Storage and services load inside the functions."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from companion.cli_support import (
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    ask_secret,
    confirm,
    open_session,
    require_diary,
    say,
    vault_path_for,
    warn,
)
from companion.i18n import _, ngettext

if TYPE_CHECKING:
    from companion.services.imports import ParsedImport
    from companion.services.imports.spreadsheet import ColumnMapping
    from companion.services.session import DiarySession

PROBLEMS_SHOWN = 50
ROWS_SHOWN = 10


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


# --- import ---------------------------------------------------------------------------------------------


def _mapping(args: argparse.Namespace) -> ColumnMapping:
    from companion.services.imports.spreadsheet import ColumnMapping, parse_mapping_text, parse_units_text

    if not args.map:
        raise CommandError(
            _("Importing a spreadsheet needs --map to say which column holds what, such as --map date=Date,pain=Pain."),
            EXIT_USAGE,
        )
    scales, sleep_unit = parse_units_text(args.units or "")
    return ColumnMapping(parse_mapping_text(args.map), scales, sleep_unit)


def describe(parsed: ParsedImport, new: int, duplicates: int) -> None:
    """What the import would do: counts, the first rows as they will be saved, and every problem (up to 50)."""
    from companion.presentation.import_preview import preview_rows

    say(_("New entries to add: {count}.").format(count=new))
    say(_("Entries already in the diary: {count}.").format(count=duplicates))
    say(_("Entries repeated within the file: {count}.").format(count=parsed.repeated))
    say(_("Rows that can't be imported: {count}.").format(count=len(parsed.problems)))
    for row in preview_rows(parsed.entries, ROWS_SHOWN):
        say("  " + row.line())
    for found in parsed.problems[:PROBLEMS_SHOWN]:
        say(found.message)
    hidden = len(parsed.problems) - PROBLEMS_SHOWN
    if hidden > 0:
        say(ngettext("…and {count} more row.", "…and {count} more rows.", hidden).format(count=hidden))


def cmd_import_tracker(args: argparse.Namespace) -> int:
    from companion.services import imports

    if args.pain_csv or args.mode != "merge":
        raise CommandError(_("--from can't be combined with --pain-csv or --mode replace."), EXIT_USAGE)
    mapping = _mapping(args) if args.tracker == "csv" else None
    source = Path(args.file).expanduser()
    if not source.is_file():
        raise CommandError(_("There is no file at {path}.").format(path=source), 5)
    try:
        data = imports.read_file(source)
    except OSError as exc:
        raise CommandError(
            _("Companion could not read {path} ({error}).").format(path=source, error=exc.strerror), 1
        ) from exc
    with diary_for(args) as session:
        parsed = imports.parse_file(
            args.tracker, data, source.name, session.clock.now(), mapping=mapping, date_order=args.date_order
        )
        check = imports.check_import(session, parsed)
        describe(parsed, len(check.new), len(check.duplicates))
        if args.dry_run:
            say(_("Dry run: nothing was changed."))
            return EXIT_OK
        if not check.new:
            say(_("There is nothing new to import. Nothing was changed."))
            return EXIT_OK
        confirm(args, _("Import these entries? [y/N] "))
        outcome = imports.apply_import(session, parsed)
        say(outcome.summary())
        say(_("To undo this import as a whole: companion undo-import {batch}").format(batch=outcome.batch_id))
    return EXIT_OK


def cmd_undo_import(args: argparse.Namespace) -> int:
    from companion.i18n.formatting import format_datetime
    from companion.services import imports

    with diary_for(args) as session:
        batches = imports.list_imports(session)
        if not args.batch:
            if not batches:
                say(_("No imports from other trackers are recorded in this diary."))
            for batch in batches:
                state = (
                    _("undone")
                    if batch.undone
                    else _("{remaining} of {added} entries still in the diary").format(
                        remaining=batch.remaining, added=batch.added
                    )
                )
                say(f"{batch.id}  {format_datetime(batch.imported_at)}  {batch.source}  {batch.file_name}  ({state})")
            return EXIT_OK
        chosen = next((b for b in batches if b.id == args.batch or b.id.startswith(args.batch)), None)
        if chosen is None:
            raise CommandError(_("There is no import “{batch}” in this diary.").format(batch=args.batch), EXIT_USAGE)
        say(
            ngettext(
                "Undoing this import removes the {count} entry it added that is still in the diary.",
                "Undoing this import removes the {count} entries it added that are still in the diary.",
                chosen.remaining,
            ).format(count=chosen.remaining)
        )
        confirm(args, _("Undo this import? [y/N] "))
        say(imports.undo_import(session, chosen.id).summary())
    return EXIT_OK


# --- export ---------------------------------------------------------------------------------------------


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("{option} needs a date such as 2026-03-01, not “{value}”.").format(option=option, value=value), EXIT_USAGE
        ) from None


def _fhir_options(args: argparse.Namespace, today: dt.date) -> object:
    from companion.domain.summary import Section
    from companion.services.fhir_export import FHIR_SECTIONS, FhirOptions, PatientDetails

    end = _day(args.end, "--to") or today
    start = _day(args.start, "--from") or end - dt.timedelta(days=90)
    if end < start:
        raise CommandError(_("--to is before --from. Check the two dates."), EXIT_USAGE)
    sections = FHIR_SECTIONS
    if args.sections:
        allowed = {s.value for s in (*FHIR_SECTIONS, Section.NOTES)}
        names = [n.strip() for n in args.sections.split(",") if n.strip()]
        wrong = [n for n in names if n not in allowed]
        if wrong:
            raise CommandError(
                _("--sections takes pain, sleep_mood, medicines and notes, not “{value}”.").format(value=wrong[0]),
                EXIT_USAGE,
            )
        sections = tuple(Section(n) for n in names)
    patient = PatientDetails(args.patient_name or "", _day(args.birth_date, "--birth-date"), args.nhs_number or "")
    return FhirOptions(start, end, sections, patient)


def cmd_export_any(args: argparse.Namespace) -> int:
    """Every export format, from the diary or (--demo) from a demo diary; FHIR takes a period and sections."""
    from companion.services import transfer
    from companion.services.fhir_export import FhirOptions, export_fhir

    out = Path(args.out).expanduser()
    if out.exists() and not args.force:
        raise CommandError(
            _("{path} already exists. Choose another name, or add --force to replace it.").format(path=out), EXIT_USAGE
        )
    if out.is_dir():
        raise CommandError(_("{path} is a folder. Give the name of a file to write.").format(path=out), EXIT_USAGE)
    if args.format != "fhir" and (args.start or args.end or args.sections or args.patient_name):
        raise CommandError(_("--from, --to, --sections and the patient options are for --format fhir."), EXIT_USAGE)
    with diary_for(args) as session:
        if args.format == "fhir":
            from companion.services.fhir_story import story_for_fhir

            options = _fhir_options(args, session.clock.today())
            assert isinstance(options, FhirOptions)
            data = export_fhir(session, replace(options, story=story_for_fhir(session)))
        elif args.format == "csv":
            data = transfer.export_csv_zip(session)
        else:
            data = transfer.export_json(session)
    warn(transfer.export_warning())
    transfer.write_export(out, data)
    say(_("The diary was exported to {path}.").format(path=out))
    return EXIT_OK
