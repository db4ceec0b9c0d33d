"""Rows of an import as they will be saved, in the person's language, for the wizard's table and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from companion.i18n import _
from companion.i18n.formatting import format_date, format_decimal, format_time
from companion.services.imports import ImportedEntry


@dataclass(frozen=True)
class PreviewRow:
    """One entry's cells as text (empty where the entry has no value)."""

    date: str
    time: str
    pain: str
    sleep: str
    mood: str
    tiredness: str
    tags: str
    note: str

    def cells(self) -> tuple[str, ...]:
        return (self.date, self.time, self.pain, self.sleep, self.mood, self.tiredness, self.tags, self.note)

    def line(self) -> str:
        """The row on one line for a terminal (the note's first line only)."""
        return " | ".join(cell.splitlines()[0] if cell else "" for cell in self.cells())


def column_titles() -> tuple[str, ...]:
    return (_("Date"), _("Time"), _("Pain"), _("Sleep (hours)"), _("Mood"), _("Tiredness"), _("Tags"), _("Note"))


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def preview_row(entry: ImportedEntry) -> PreviewRow:
    return PreviewRow(
        format_date(entry.recorded_at.date()),
        format_time(entry.recorded_at.time()),
        _number(entry.pain),
        "" if entry.sleep_hours is None else format_decimal(entry.sleep_hours, 2),
        _number(entry.mood),
        _number(entry.fatigue),
        ", ".join(entry.tags),
        entry.note,
    )


def preview_rows(entries: Sequence[ImportedEntry], limit: int = 20) -> list[PreviewRow]:
    """The first `limit` entries in time order, as they will be saved."""
    return [preview_row(e) for e in entries[:limit]]
