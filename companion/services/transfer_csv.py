"""CSV: the whole diary as a zip of one CSV per table, and pain scores imported from another diary's CSV."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import uuid
import zipfile
from typing import TYPE_CHECKING, Any

from companion.domain.checkin import Checkin
from companion.domain.errors import ImportFormatError, ValidationError
from companion.domain.pain import NOTE_MAX_CHARS, PAIN_MAX, PAIN_MIN, clean_note
from companion.i18n import N_, _
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.transfer_json import exported_tables, read_tables
from companion.services.transfer_model import ImportReport, PainCsvPreview, PainCsvRow, TableCounts
from companion.storage.models import PainEntryRow
from companion.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from companion.services.session import DiarySession

# --- the CSV bundle -------------------------------------------------------------------------------------

# Every file of the bundle (one per table) with what it holds, in English and in Welsh, for README.txt.
# tests/integration/test_transfer.py checks that it names exactly the tables the bundle holds, and
# docs/export-format.md lists the same files.
CSV_FILES: dict[str, tuple[str, str]] = {
    "pain_entries": (
        "check-ins: pain score 0-10, sleep, mood, tiredness, note",
        "cofnodion: sgôr poen 0-10, cwsg, hwyliau, blinder, nodyn",
    ),
    "entry_regions": (
        "where the pain was on the body map, for each check-in",
        "lle roedd y boen ar fap y corff, ar gyfer pob cofnod",
    ),
    "tags": (
        "your tags (what you did, what helped, what made it worse)",
        "eich tagiau (beth wnaethoch chi, beth helpodd, beth wnaeth bethau'n waeth)",
    ),
    "entry_tags": ("which tags each check-in has, with a rating 0-4", "pa dagiau sydd gan bob cofnod, gyda sgôr 0-4"),
    "peg_responses": ("PEG questionnaire answers (0-10)", "atebion holiadur PEG (0-10)"),
    "mood_screens": ("PHQ-2 and GAD-2 answers (0-3 each)", "atebion PHQ-2 a GAD-2 (0-3 yr un)"),
    "flare_episodes": (
        "flare-ups: when each began and ended, and your review after it",
        "pyliau o boen: pryd y dechreuodd ac y daeth pob un i ben, a'ch adolygiad wedyn",
    ),
    "goals": ("your goals", "eich nodau"),
    "goal_steps": ("the steps of each goal", "camau pob nod"),
    "goal_ratings": (
        "how near each goal felt (0-10), by date",
        "pa mor agos roedd pob nod yn teimlo (0-10), yn ôl dyddiad",
    ),
    "what_matters": (
        "what matters to you, each version with its date",
        "beth sy'n bwysig i chi, pob fersiwn gyda'i dyddiad",
    ),
    "action_plans": ("weekly action plans and how they went", "cynlluniau gweithredu wythnosol a sut aethon nhw"),
    "action_plan_ticks": ("the days each action plan was done", "y diwrnodau y gwnaed pob cynllun gweithredu"),
    "medicines": ("your medicines", "eich meddyginiaethau"),
    "medicine_doses": ("doses taken", "dosau a gymerwyd"),
    "medicine_ratings": (
        "how helpful each medicine was, and side effects",
        "pa mor ddefnyddiol oedd pob meddyginiaeth, a sgil-effeithiau",
    ),
    "treatments_tried": ("what you have tried", "beth rydych chi wedi rhoi cynnig arno"),
    "pacing_activities": (
        "activities you pace, with their baseline and plan",
        "gweithgareddau rydych chi'n rheoli eu cyflymder, gyda'u llinell sylfaen a'u cynllun",
    ),
    "tolerance_tests": ("tolerance tests", "profion goddefiant"),
    "pacing_plan_changes": ("changes to each pacing plan", "newidiadau i bob cynllun rheoli cyflymder"),
    "activity_logs": ("what you did of each activity, by day", "faint a wnaethoch o bob gweithgaredd, bob dydd"),
    "story_items": (
        "my story: how it began, tests, professionals, treatments, with dates",
        "fy stori: sut dechreuodd, profion, gweithwyr proffesiynol, triniaethau, gyda dyddiadau",
    ),
    "appointments": (
        "appointments: who, when, why, what was said and decided",
        "apwyntiadau: pwy, pryd, pam, beth a ddywedwyd ac a benderfynwyd",
    ),
    "follow_up_reasons": (
        "when to go back after an appointment, in your own words",
        "pryd i fynd yn ôl ar ôl apwyntiad, yn eich geiriau eich hun",
    ),
    "decisions": ("decisions made, and with whom", "penderfyniadau a wnaed, a gyda phwy"),
    "decision_options": (
        "the options of each decision: benefits, harms, what I can do",
        "opsiynau pob penderfyniad: manteision, niwed, beth y gallaf ei wneud",
    ),
    "medicine_review_plans": (
        "plans agreed for reviewing a medicine",
        "cynlluniau a gytunwyd ar gyfer adolygu meddyginiaeth",
    ),
    "medicine_review_steps": ("the steps of each review plan, by date", "camau pob cynllun adolygu, yn ôl dyddiad"),
    "import_batches": (
        "imports from other trackers: where from, which file, when, undone or not",
        "mewnforion o apiau eraill: o ble, pa ffeil, pryd, wedi'i ddadwneud neu beidio",
    ),
    "import_batch_items": ("which rows each import added", "pa resi a ychwanegodd pob mewnforio"),
    "support_entries": (
        "your own entries in the support directory",
        "eich cofnodion eich hun yn y cyfeiriadur cymorth",
    ),
    "diary_settings": ("settings kept in the diary", "gosodiadau a gedwir yn y dyddiadur"),
}


def _file_list(language: int) -> str:
    return "\n".join(f"  {name + '.csv':<28}{texts[language]}" for name, texts in CSV_FILES.items())


README = f"""\
Companion (Cydymaith) - diary export / allforio dyddiadur
=========================================================

WARNING: these files are NOT encrypted. Anyone who has them can read everything in them.
Keep them somewhere safe and delete them when you no longer need them.

Each .csv file is one table of your diary. The first row names the columns. The files are
UTF-8 text with a byte order mark, so spreadsheets show Welsh letters such as ŵ and ŷ correctly.
Times are ISO 8601 in UTC (for example 2024-03-01T09:30:00); utc_offset_minutes gives your
local time then. An empty cell means no value.

{_file_list(0)}

To move a diary to another copy of Companion, use the JSON export instead: it can be imported.
The format is described in docs/export-format.md.

-----------------------------------------------------------------------------------------

RHYBUDD: NID yw'r ffeiliau hyn wedi'u hamgryptio. Gall unrhyw un sydd â nhw ddarllen popeth
sydd ynddyn nhw. Cadwch nhw yn rhywle diogel a'u dileu pan nad oes eu hangen arnoch mwyach.

Mae pob ffeil .csv yn un tabl o'ch dyddiadur. Mae'r rhes gyntaf yn enwi'r colofnau. Testun
UTF-8 gyda nod trefn beit yw'r ffeiliau, felly mae taenlenni'n dangos llythrennau Cymraeg fel
ŵ ac ŷ yn gywir. Mae'r amseroedd ar ffurf ISO 8601 yn UTC (er enghraifft 2024-03-01T09:30:00);
mae utc_offset_minutes yn rhoi eich amser lleol bryd hynny. Mae cell wag yn golygu dim gwerth.

{_file_list(1)}

I symud dyddiadur i gopi arall o Gydymaith, defnyddiwch yr allforio JSON yn lle hynny: gellir
ei fewnforio.
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def export_csv_zip(session: DiarySession) -> bytes:
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        tables = read_tables(uow.session)
    stamp = session.diary.now().timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for table in exported_tables():
            text = io.StringIO(newline="")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([c.name for c in table.columns])
            for row in tables[table.name]:
                writer.writerow([_cell(row[c.name]) for c in table.columns])
            bundle.writestr(zipfile.ZipInfo(f"{table.name}.csv", stamp), text.getvalue().encode("utf-8-sig"))
        bundle.writestr(zipfile.ZipInfo("README.txt", stamp), README.replace("\n", "\r\n").encode("utf-8-sig"))
    return buffer.getvalue()


# --- pain scores from another diary ---------------------------------------------------------------------

# uuid5(PAIN_CSV_NAMESPACE, "<date or date-time>|<score>|<note>") is the id of an imported row, so the same
# row imported again is recognised. Never change it: that would duplicate every earlier import.
PAIN_CSV_NAMESPACE = uuid.UUID("6f1d4c52-3b0e-5a8e-9c57-2f6a1e0b7d43")
HEADER_NAMES: dict[str, str] = {
    "date": "date",
    "dyddiad": "date",
    "score": "score",
    "sgôr": "score",
    "sgor": "score",
    "note": "note",
    "notes": "note",
    "nodyn": "note",
    "nodiadau": "note",
}
NOON = dt.time(12, 0)
_TIME = r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + "$")
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME + "$")
_INTEGER = re.compile(r"^[+-]?\d{1,6}$")

_WRONG_COLUMNS = N_(
    "This file can't be imported because its columns are not the ones Companion expects. The first row "
    "must name the columns date, score and note (or dyddiad, sgôr and nodyn); this file has: {columns}. "
    "Nothing was imported."
)


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else UTF-16 with BOM, else Windows-1252. Never fails."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _header_key(cell: str) -> str:
    return unicodedata.normalize("NFC", cell).strip().strip('"').strip().casefold()


def _sniff(text: str) -> str:
    """Comma or semicolon: whichever splits the header row into columns Companion knows."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    best, best_count = ",", -1
    for delimiter in (",", ";"):
        cells = next(csv.reader([header], delimiter=delimiter), [])
        keys = [_header_key(c) for c in cells]
        if keys and all(k in HEADER_NAMES for k in keys):
            return delimiter
        if len(cells) > best_count:
            best, best_count = delimiter, len(cells)
    return best


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = HEADER_NAMES.get(_header_key(cell))
        if name is None or name in found:
            found = {}
            break
        found[name] = index
    if "date" not in found or "score" not in found:
        shown = ", ".join(c.strip() or "“”" for c in header)[:200] or "“”"
        raise ImportFormatError(_WRONG_COLUMNS, columns=shown)
    return found


def _parse_moment(text: str) -> tuple[str, dt.datetime, bool] | None:
    """(canonical text, naive local datetime, time given) or None if it is not a date Companion reads."""
    match = _ISO.match(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
    else:
        match = _DMY.match(text)
        if not match:
            return None
        day, month, year, hour, minute, second = match.groups()
    try:
        moment = dt.datetime(int(year), int(month), int(day), int(hour or 12), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if hour is None:
        return moment.date().isoformat(), moment, False
    spec = "seconds" if second is not None else "minutes"
    return moment.isoformat(timespec=spec), moment, True


def _read_row(
    number: int, cells: list[str], columns: dict[str, int], clock: Clock, now: dt.datetime
) -> PainCsvRow | str:
    """An accepted row, or the translated reason it is rejected."""

    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
        return _("Row {row}: there are more values than columns.").format(row=number)
    raw_date, raw_score = cell("date"), cell("score")
    if not raw_date:
        return _("Row {row}: there is no date.").format(row=number)
    parsed = _parse_moment(raw_date)
    if parsed is None:
        return _("Row {row}: the date “{date}” couldn't be understood. Use YYYY-MM-DD or DD/MM/YYYY.").format(
            row=number, date=raw_date[:40]
        )
    canonical, naive, time_given = parsed
    if naive.year < 1900:
        return _("Row {row}: the date {date} is before 1900.").format(row=number, date=raw_date)
    if naive.date() > now.date():
        return _("Row {row}: the date {date} is after today.").format(row=number, date=raw_date)
    if not raw_score:
        return _("Row {row}: there is no score.").format(row=number)
    if not _INTEGER.match(raw_score):
        return _("Row {row}: the score “{score}” is not a whole number from 0 to 10.").format(
            row=number, score=raw_score[:20]
        )
    score = int(raw_score)
    if not PAIN_MIN <= score <= PAIN_MAX:
        return _("Row {row}: the score {score} is not between 0 and 10.").format(row=number, score=score)
    try:
        note = clean_note(cell("note"))
    except ValidationError:
        return _("Row {row}: the note is longer than {limit} characters.").format(row=number, limit=NOTE_MAX_CHARS)
    moment = clock.at(naive.date(), naive.time())  # the diary's zone on that date (summer time included)
    if moment > now:
        if time_given:
            return _("Row {row}: the time {date} is later than now.").format(row=number, date=raw_date)
        moment = now.replace(microsecond=0)  # today, before noon: recorded as now
    entry_id = str(uuid.uuid5(PAIN_CSV_NAMESPACE, f"{canonical}|{score}|{note}"))
    return PainCsvRow(number, entry_id, moment, score, note)


def preview_pain_csv(data: bytes, clock: Clock = SYSTEM_CLOCK) -> PainCsvPreview:
    """Read a pain-score CSV from another diary, row by row (nothing imported): times are read in the
    clock's zone and nothing later than its now is accepted. Raises ImportFormatError for wrong columns."""
    now = clock.now()
    text, encoding = decode_text(data)
    text = text.replace("\x00", "")
    if not text.strip():
        raise ImportFormatError(_WRONG_COLUMNS, columns="“”")
    delimiter = _sniff(text)
    accepted: list[PainCsvRow] = []
    rejected: list[tuple[int, str]] = []
    seen: set[str] = set()
    duplicates = 0
    columns: dict[str, int] | None = None
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if not any(c.strip() for c in cells):
                continue
            if columns is None:
                columns = _columns(cells)
                continue
            result = _read_row(number, cells, columns, clock, now)
            if isinstance(result, str):
                rejected.append((number, result))
            elif result.entry_id in seen:
                duplicates += 1
            else:
                seen.add(result.entry_id)
                accepted.append(result)
    except csv.Error:
        raise ImportFormatError(
            N_(
                "This file can't be read as a CSV file (a table of values separated by commas or semicolons). "
                "Nothing was imported."
            )
        ) from None
    return PainCsvPreview(tuple(accepted), tuple(rejected), duplicates, encoding, delimiter)


def import_pain_csv(session: DiarySession, data: bytes) -> ImportReport:
    preview = preview_pain_csv(data, session.clock)
    now = session.clock.now()
    now_utc = now.astimezone(dt.UTC).replace(tzinfo=None)
    added = 0
    duplicates = preview.duplicates
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        for row in preview.rows:
            if uow.session.get(PainEntryRow, row.entry_id) is not None:
                duplicates += 1
                continue
            uow.checkins.add(Checkin(row.entry_id, row.recorded_at, pain=row.score, note=row.note), now_utc)
            added += 1
        if added:
            uow.commit()
    return ImportReport(
        accepted=added,
        duplicates=duplicates,
        rejected=preview.rejected,
        tables={"pain_entries": TableCounts(new=added, duplicates=duplicates)},
    )
