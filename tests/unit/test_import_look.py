"""The wizard's first look at a file (which app it comes from, suggested columns, whether dates show their
order) and its words: a past import on one line, and the NHS number check worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from companion import i18n
from companion.domain.errors import ImportFormatError
from companion.presentation.import_wizard import batch_line, nhs_number_problem
from companion.services.imports import ImportBatch
from companion.services.imports.look import look_at
from tests.fixtures import import_files as gen


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("data", "source"),
    [
        (gen.bearable()[0], "bearable"),
        (gen.bearable(layout="old")[0], "bearable"),
        (gen.flaredown()[0], "flaredown"),
        (gen.spreadsheet()[0], "csv"),
        (gen.spreadsheet(delimiter=";")[0], "csv"),
        (b"date,category,notes\n2024-01-01,Mood,x\n", "csv"),  # a few of Bearable's names are not Bearable
    ],
)
def test_the_app_a_file_comes_from_is_told_by_its_columns(data: bytes, source: str) -> None:
    assert look_at(data).source == source


def test_a_spreadsheet_gets_suggested_columns_its_first_rows_and_its_date_order() -> None:
    look = look_at(gen.spreadsheet(days=8)[0])
    assert look.header == ("Day", "Time", "Pain level", "Slept", "Mood", "Fatigue", "Comments", "Labels")
    assert look.suggested == {
        "date": "Day",
        "time": "Time",
        "pain": "Pain level",
        "sleep_hours": "Slept",
        "mood": "Mood",
        "tiredness": "Fatigue",
        "note": "Comments",
        "tags": "Labels",
    }
    assert look.rows == 8 and [n for n, _cells in look.sample] == [2, 3, 4, 5, 6]  # the header is row 1
    assert look.sample[0][1][0] == "13/01/2024" and look.examples["Day"] == "13/01/2024"
    assert look.date_orders["Day"] == "dmy"  # 13 can only be a day


def test_a_column_whose_dates_could_be_either_order_is_marked_to_ask() -> None:
    look = look_at(b"Day,When\n03/04/2024,2024-04-03\n05/06/2024,2024-06-05\n")
    assert look.date_orders == {"Day": None, "When": "ymd"}
    assert look.examples["Day"] == "03/04/2024"
    assert look_at(b"Day\n3/4/2024\n4/25/2024\n").date_orders["Day"] == "mdy"


def test_a_file_that_is_not_csv_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="spreadsheet workbook"):
        look_at(b"PK\x03\x04zip")
    with pytest.raises(ImportFormatError, match="empty"):
        look_at(b"\n\n")


def test_a_past_import_on_one_line() -> None:
    when = dt.datetime(2026, 12, 6, 14, 5, tzinfo=dt.UTC)
    batch = ImportBatch("id", "bearable", "export.csv", when, added=4, remaining=3, undone=False)
    assert batch_line(batch) == (
        "6 December 2026, 14:05 · Bearable · export.csv: 3 of the 4 entries it added are still in your diary."
    )
    one = ImportBatch("id", "csv", "sheet.csv", when, added=1, remaining=1, undone=False)
    assert batch_line(one).endswith("Spreadsheet (CSV) · sheet.csv: 1 of the 1 entry it added is still in your diary.")
    undone = ImportBatch("id", "flaredown", "f.csv", when, added=4, remaining=0, undone=True)
    assert batch_line(undone) == "6 December 2026, 14:05 · Flaredown · f.csv: undone."


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("", True),  # not given
        ("943 476 5919", True),  # 9x10+4x9+3x8+4x7+7x6+6x5+5x4+9x3+1x2 = 299; 299 mod 11 = 2; 11 - 2 = 9
        ("9434765919", True),
        ("943 476 5918", False),  # the same, but the last digit is not 9
        ("0000000019", True),  # 1x2 = 2; 11 - 2 = 9
        ("0000000000", True),  # 0; 11 - 0 = 11, which stands for 0
        ("0000000060", False),  # 6x2 = 12; 12 mod 11 = 1; 11 - 1 = 10: no number has this check digit
        ("943 476 591", False),  # nine digits
        ("943-476-5919", False),  # only spaces may separate the digits
        ("٩٤٣٤٧٦٥٩١٩", False),  # digits of another script
    ],
)
def test_an_nhs_number_is_checked_by_its_modulus_11_digit(number: str, valid: bool) -> None:
    assert (nhs_number_problem(number) is None) is valid


def test_a_column_named_with_more_words_is_suggested_after_exact_names() -> None:
    from companion.services.imports.spreadsheet import suggest_mapping

    header = ("Date", "Pain relief", "Pain score", "Mood (1-5)", "Hours slept")
    assert suggest_mapping(header) == {
        "date": "Date",
        "pain": "Pain score",  # an exact name wins over "Pain relief"
        "mood": "Mood (1-5)",
        "sleep_hours": "Hours slept",
    }
