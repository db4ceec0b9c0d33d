"""The diary as JSON (export format version 3): lossless export, strict preview and all-or-nothing import.

Tables and columns are read from `Base.metadata`, so a new column is exported (and then required on
import) without changes here; a new column or table also means a new export format version (see
docs/export-format.md).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, String, Table, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

import companion
from companion.domain.checkin import TAG_MAX_CHARS, fold
from companion.domain.errors import ImportFormatError, ImportNewerVersionError, ValidationError
from companion.i18n import N_
from companion.services.transfer_model import (
    DRAFT_PREFIX,
    IMPORT_MODES,
    ImportMode,
    ImportPreview,
    ImportReport,
    TableCounts,
)
from companion.services.transfer_rules import LAST_YEAR, SQLITE_INT_MAX, SQLITE_INT_MIN
from companion.services.transfer_rules import RULES as BASE_RULES
from companion.services.transfer_story import COLUMNS_ADDED, STORY_RULES, STORY_TABLES
from companion.storage.models import Base
from companion.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from companion.services.session import DiarySession

FORMAT = "companion-export"
# 2: My story, appointments, decisions, medicine review plans, "agreed with ... on ...";
# 3: import batches (undo an import), the language a questionnaire was answered in.
VERSION = 3
TOP_LEVEL_KEYS = ("format", "version", "exported_at", "app_version", "tables")
OWNER_TABLE = "pain_entries"  # rows of other tables that point at a check-in belong to it

Row = dict[str, Any]
RULES = {**BASE_RULES, **STORY_RULES}  # the domain's rules, column by column

# --- export ---------------------------------------------------------------------------------------------


def exported_tables() -> list[Table]:
    """Every table of the diary, parents before children (the order rows are inserted in)."""
    return list(Base.metadata.sorted_tables)


def _is_draft(table: Table, row: Row) -> bool:
    return table.name == "diary_settings" and str(row.get("key", "")).startswith(DRAFT_PREFIX)


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):  # datetimes too
        return value.isoformat()
    return value


def read_tables(db: Session) -> dict[str, list[Row]]:
    """Every row of every table (drafts aside) as plain Python values, ordered by primary key."""
    result: dict[str, list[Row]] = {}
    for table in exported_tables():
        rows = db.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        result[table.name] = [dict(r) for r in rows if not _is_draft(table, dict(r))]
    return result


def export_json(session: DiarySession) -> bytes:
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        tables = read_tables(uow.session)
    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": session.diary.now().isoformat(timespec="seconds"),
        "app_version": companion.__version__,
        "tables": {
            name: [{key: _encode(value) for key, value in row.items()} for row in rows] for name, rows in tables.items()
        },
    }
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


# --- reading and checking a file ------------------------------------------------------------------------

_DAMAGED = N_(
    "This export file can't be imported because it has been changed or damaged. {reason} "
    "Nothing in your diary has changed."
)
_ROW = N_(
    "Row {row} of the table “{table}” in this file can't be imported. {reason} Nothing in your diary has changed."
)

@dataclass(frozen=True)
class ParsedExport:
    exported_at: str
    app_version: str
    tables: dict[str, list[Row]]  # decoded values, in file order, drafts dropped


def _damaged(reason: str, **params: Any) -> ImportFormatError:
    return ImportFormatError(_DAMAGED, reason=reason, reason_params=params)


class _RowProblem(Exception):
    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


# Tables added to the schema after export version 1 was first written: an older export may lack them.
TABLES_ADDED_LATER = frozenset(
    {
        "flare_episodes",
        "pacing_activities",
        "tolerance_tests",
        "pacing_plan_changes",
        "activity_logs",
        "what_matters",
        "goals",
        "goal_steps",
        "goal_ratings",
        "action_plans",
        "action_plan_ticks",
        "medicines",
        "medicine_ratings",
        "medicine_doses",
        "treatments_tried",
        "support_entries",
        *STORY_TABLES,
        "import_batches",
        "import_batch_items",
    }
)


# Columns added to a table after export version 1 was first written: an older export may lack them (None).
COLUMNS_ADDED_LATER = frozenset({("peg_responses", "answered_language"), ("mood_screens", "answered_language")})


def _decode_value(column: Column[Any], value: Any) -> Any:
    name = column.name
    if value is None:
        if column.nullable and not column.primary_key:
            return None
        raise _RowProblem(N_("The column “{column}” is empty, but it must have a value."), column=name)
    kind = column.type
    if isinstance(kind, DateTime):
        if not isinstance(value, str):
            raise _RowProblem(N_("The value of “{column}” must be a date and time as text."), column=name)
        try:
            moment = dt.datetime.fromisoformat(value)
            if moment.tzinfo is not None:  # OverflowError at the ends of the calendar (0001-01-01T00:00+01:00)
                moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        except (ValueError, OverflowError):
            raise _RowProblem(
                N_("The value “{value}” of “{column}” is not a date and time such as 2024-03-01T09:30:00."),
                value=value[:40],
                column=name,
            ) from None
        if moment.year < 1900:
            raise _RowProblem(N_("The date in “{column}” is before 1900."), column=name)
        if moment.year > LAST_YEAR:
            raise _RowProblem(N_("The date in “{column}” is after 2200."), column=name)
        return moment
    if isinstance(kind, Date):
        try:
            day = dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise _RowProblem(
                N_("The value “{value}” of “{column}” is not a date such as 2024-03-01."),
                value=str(value)[:40],
                column=name,
            )
        if day.year < 1900:
            raise _RowProblem(N_("The date in “{column}” is before 1900."), column=name)
        if day.year > LAST_YEAR:
            raise _RowProblem(N_("The date in “{column}” is after 2200."), column=name)
        return day
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
            raise _RowProblem(N_("The value of “{column}” must be a whole number."), column=name)
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise _RowProblem(N_("The value of “{column}” must be a number."), column=name)
        return float(value)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise _RowProblem(N_("The value of “{column}” must be true or false."), column=name)
        return value
    if isinstance(kind, String):  # Text too
        if not isinstance(value, str) or not _is_utf8(value):  # a lone surrogate (\ud800) is no text
            raise _RowProblem(N_("The value of “{column}” must be text."), column=name)
        if kind.length is not None and len(value) > kind.length:
            raise _RowProblem(
                N_("The value of “{column}” is longer than {limit} characters."), column=name, limit=kind.length
            )
        if column.primary_key and not value:
            raise _RowProblem(N_("The column “{column}” is empty, but it must have a value."), column=name)
        return value
    raise _RowProblem(N_("The column “{column}” is not one Companion knows."), column=name)  # pragma: no cover


def _is_utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _decode_row(table: Table, raw: Any, version: int = VERSION) -> Row:
    if not isinstance(raw, dict):
        raise _RowProblem(N_("The row is not a set of named values."))
    names = [c.name for c in table.columns]
    for key in raw:
        if key not in names:
            raise _RowProblem(N_("The column “{column}” is not one Companion knows."), column=str(key)[:40])
    row: Row = {}
    for column in table.columns:
        added = COLUMNS_ADDED.get((table.name, column.name))
        if column.name not in raw and added is not None and version < added[0]:
            row[column.name] = added[1]
            continue
        if column.name not in raw and (table.name, column.name) in COLUMNS_ADDED_LATER:
            row[column.name] = None
            continue
        if column.name not in raw:
            raise _RowProblem(N_("The column “{column}” is missing."), column=column.name)
        row[column.name] = _decode_value(column, raw[column.name])
    for column in table.columns:
        rule = RULES.get((table.name, column.name))
        problem = rule(row[column.name]) if rule else None
        if problem:
            raise _RowProblem(problem[0], **problem[1])
    if table.name == "tags":
        name = row["name"]
        if fold(name) != row["folded"] or not name.strip() or len(name) > TAG_MAX_CHARS:
            raise _RowProblem(N_("The tag name “{value}” does not match its folded form."), value=name[:40])
    return row


def _pk(table: Table, row: Row) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def parse_export(data: bytes) -> ParsedExport:
    """Decode and check a whole JSON export, or raise ImportFormatError naming the first problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError(
            N_(
                "This file can't be imported because it is not UTF-8 text. Choose a file exported by Companion. "
                "Nothing in your diary has changed."
            )
        ) from None
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            N_(
                "This file can't be imported because it is incomplete or is not valid JSON (near line {line}, "
                "column {column}). Export the diary again and import the new file. Nothing in your diary has "
                "changed."
            ),
            line=exc.lineno,
            column=exc.colno,
        ) from None
    except (ValueError, RecursionError):
        raise _damaged(N_("It is not valid JSON.")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportFormatError(
            N_(
                "This file is not a Companion export, so it can't be imported. Choose a file made with "
                "Companion's Export command. Nothing in your diary has changed."
            )
        )
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _damaged(N_("The part “{key}” is missing or has the wrong type."), key="version")
    if version > VERSION:
        raise ImportNewerVersionError(version=version)
    if version < 1:
        raise _damaged(N_("The part “{key}” is missing or has the wrong type."), key="version")
    for key in document:
        if key not in TOP_LEVEL_KEYS:
            raise _damaged(N_("The part “{key}” is not one Companion knows."), key=str(key)[:40])
    for key in ("exported_at", "app_version"):
        if not isinstance(document.get(key), str):
            raise _damaged(N_("The part “{key}” is missing or has the wrong type."), key=key)
    raw_tables = document.get("tables")
    if not isinstance(raw_tables, dict):
        raise _damaged(N_("The part “{key}” is missing or has the wrong type."), key="tables")
    known = {t.name: t for t in exported_tables()}
    for name in raw_tables:
        if name not in known:
            raise _damaged(N_("The table “{table}” is not one Companion knows."), table=str(name)[:40])
    tables: dict[str, list[Row]] = {}
    known_values: dict[tuple[str, str], set[Any]] = {}
    for table in exported_tables():
        raw_rows = raw_tables.get(table.name)
        if raw_rows is None and table.name in TABLES_ADDED_LATER:
            raw_rows = []  # an export made before the table existed simply has none of these
        if not isinstance(raw_rows, list):
            raise _damaged(N_("The table “{table}” is missing or is not a list of rows."), table=table.name)
        rows: list[Row] = []
        seen: set[tuple[Any, ...]] = set()
        for number, raw in enumerate(raw_rows, start=1):
            try:
                row = _decode_row(table, raw, version)
                key = _pk(table, row)
                if key in seen:
                    raise _RowProblem(N_("Another row of the same table has the same identity."))
                seen.add(key)
                _check_references(table, row, known_values)
            except _RowProblem as problem:
                raise ImportFormatError(
                    _ROW, reason=problem.reason, reason_params=problem.params, table=table.name, row=number
                ) from None
            if not _is_draft(table, row):
                rows.append(row)
        if table.name == "tags":
            _check_unique_folded(rows)
        tables[table.name] = rows
        for column in table.columns:
            known_values[(table.name, column.name)] = {r[column.name] for r in rows}
    return ParsedExport(document["exported_at"], document["app_version"], tables)


def _refuse_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are not JSON


def _check_references(table: Table, row: Row, known: dict[tuple[str, str], set[Any]]) -> None:
    """A child row must point at a row of the same file (parents are read first)."""
    for fk in table.foreign_keys:
        value = row[fk.parent.name]
        if value is not None and value not in known.get((fk.column.table.name, fk.column.name), set()):
            raise _RowProblem(
                N_("It refers to “{value}” in the column “{column}”, but the file has no such row."),
                value=str(value)[:40],
                column=fk.parent.name,
            )


def _check_unique_folded(rows: list[Row]) -> None:
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        if row["folded"] in seen:
            raise ImportFormatError(
                _ROW,
                reason=N_("Another tag in the file has the same name, “{value}”."),
                reason_params={"value": row["name"][:40]},
                table="tags",
                row=number,
            )
        seen.add(row["folded"])


# --- planning and importing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    inserts: dict[str, list[Row]]
    counts: dict[str, TableCounts]


def _existing_keys(db: Session, table: Table) -> set[tuple[Any, ...]]:
    pk_columns = list(table.primary_key.columns)
    query = select(*pk_columns)
    if table.name == "diary_settings":
        query = query.where(~table.c.key.startswith(DRAFT_PREFIX))
    return {tuple(r) for r in db.execute(query)}


def _plan(db: Session, parsed: ParsedExport, mode: ImportMode) -> _Plan:
    if mode not in IMPORT_MODES:
        raise ValueError(f"unknown import mode {mode!r}")
    inserts: dict[str, list[Row]] = {}
    counts: dict[str, TableCounts] = {}
    # Merge keeps a check-in already in the diary as a whole: its regions and tag links in the file are
    # skipped with it, so an entry is never a mixture of two versions.
    skipped: dict[str, set[Any]] = {}
    remap: dict[str, dict[Any, Any]] = {}  # table -> file id -> id in the diary (tags matched by name)
    for table in exported_tables():
        rows = parsed.tables[table.name]
        existing = _existing_keys(db, table)
        if mode == "replace":
            file_keys = {_pk(table, r) for r in rows}
            replaced = len(file_keys & existing)
            counts[table.name] = TableCounts(
                new=len(rows) - replaced, replaced=replaced, removed=len(existing - file_keys)
            )
            inserts[table.name] = rows
            continue
        by_folded: dict[str, Any] = {}
        if table.name == "tags":
            by_folded = {folded: tag_id for tag_id, folded in db.execute(select(table.c.id, table.c.folded))}
        to_insert: list[Row] = []
        duplicates = 0
        queued: set[tuple[Any, ...]] = set()
        for original in rows:
            row = dict(original)
            for fk in table.foreign_keys:
                mapping = remap.get(fk.column.table.name, {})
                row[fk.parent.name] = mapping.get(row[fk.parent.name], row[fk.parent.name])
            key = _pk(table, row)
            parent_kept = any(
                row[fk.parent.name] in skipped.get(fk.column.table.name, set()) for fk in table.foreign_keys
            )
            if key in existing or key in queued or parent_kept:
                duplicates += 1
                if table.name == OWNER_TABLE:
                    skipped.setdefault(table.name, set()).add(key[0])
                continue
            if table.name == "tags" and row["folded"] in by_folded:
                duplicates += 1
                remap.setdefault("tags", {})[row["id"]] = by_folded[row["folded"]]
                continue
            queued.add(key)
            to_insert.append(row)
        inserts[table.name] = to_insert
        counts[table.name] = TableCounts(new=len(to_insert), duplicates=duplicates)
    return _Plan(inserts, counts)


def preview_json(session: DiarySession, data: bytes, mode: ImportMode) -> ImportPreview:
    parsed = parse_export(data)
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        plan = _plan(uow.session, parsed, mode)
    return ImportPreview(mode, plan.counts, parsed.exported_at, parsed.app_version)


def import_json(session: DiarySession, data: bytes, mode: ImportMode) -> ImportReport:
    parsed = parse_export(data)
    with UnitOfWork(session.store) as uow:
        db = uow.session
        assert db is not None
        plan = _plan(db, parsed, mode)
        changed = any(plan.inserts.values()) or any(c.removed for c in plan.counts.values())
        if changed:
            try:
                if mode == "replace":
                    for table in reversed(exported_tables()):
                        query = delete(table)
                        if table.name == "diary_settings":
                            query = query.where(~table.c.key.startswith(DRAFT_PREFIX))
                        db.execute(query)
                for table in exported_tables():
                    if plan.inserts[table.name]:
                        db.execute(insert(table), plan.inserts[table.name])
                db.flush()
            except (SQLAlchemyError, ValidationError) as exc:
                raise _damaged(N_("Its rows do not fit together.")) from exc
            uow.commit()
    accepted = sum(len(rows) for rows in plan.inserts.values())
    return ImportReport(
        accepted=accepted,
        duplicates=sum(c.duplicates for c in plan.counts.values()),
        tables=plan.counts,
    )
