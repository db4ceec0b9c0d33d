"""The names Companion suggests for the files it writes, in the interface language ("cydymaith-allforio-…")."""

from __future__ import annotations

import datetime as dt
import re

from companion.i18n import N_, _

# Each a whole file name, so a translator can order the words (and never joins fragments). The date is ISO
# (YYYY-MM-DD) in every language: it sorts in date order in a folder and reads the same everywhere.
FILE_NAMES: dict[str, str] = {
    # Translators: a suggested file name: lower case, hyphens for spaces; keep {date} and the ending.
    "export_json": N_("companion-export-{date}.json"),
    # Translators: a suggested file name: lower case, hyphens for spaces; keep {date} and the ending.
    "export_csv": N_("companion-export-{date}.zip"),
    # Translators: a suggested file name for the supporter sheet ("how to help me in a flare").
    "flare_help": N_("companion-flare-help-{date}.pdf"),
    # Translators: a suggested file name for the consultation summary.
    "summary": N_("companion-summary-{date}.pdf"),
    # Translators: a suggested file name for the FHIR export (a file for a health record).
    "fhir": N_("companion-health-record-{date}.json"),
    # Translators: a suggested file name for "My story so far", the one page of the person's story.
    "story": N_("companion-my-story-{date}.pdf"),
    # Translators: a suggested file name for a chart picture: {chart} is the chart's name, {extension} png or svg.
    "chart": N_("companion-chart-{chart}-{date}.{extension}"),
}
_NOT_IN_A_NAME = re.compile(r"[^\w]+")


def name_part(text: str) -> str:
    """A title as part of a file name: lower case, hyphens for spaces and punctuation ("poen-dros-amser"). Welsh
    letters (ŵ, ŷ, â) are kept: every file system Companion runs on stores them."""
    return _NOT_IN_A_NAME.sub("-", text.casefold()).strip("-_")


def suggested_file_name(kind: str, day: dt.date, **parts: str) -> str:
    """The file name offered in a save dialog for `kind` (a key of FILE_NAMES) made on `day`; `parts` fill the
    other placeholders (a chart's name is made file-safe first)."""
    safe = {key: (value if key == "extension" else name_part(value)) for key, value in parts.items()}
    name = _(FILE_NAMES[kind]).format(date=day.isoformat(), **safe)
    return name.replace("/", "-").replace("\\", "-")
