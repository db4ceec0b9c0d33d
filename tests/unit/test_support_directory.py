"""The shipped support directory: complete in both languages, sourced and dated, the services the clinical
guide asks for, phone numbers as plain digits, and searchable in Welsh and English."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from companion.domain.support import DirectoryEntry
from companion.services.support import DIRECTORY_FILE, SupportService, shipped_directory

ROOT = Path(__file__).resolve().parents[2]
DIRECTORY = ROOT / "resources" / DIRECTORY_FILE
AREAS = {"wales", "scotland", "uk"}

# The clinical guide's "Support directory" section names these services (its wording on the left).
REQUIRED = {
    "EPP Cymru": "epp-cymru",
    "National Exercise Referral Scheme": "ners",
    "DAN 24/7": "dan247",
    "Llais": "llais",
    "CALL": "call",
    "NHS 111 Wales": "nhs111-wales",
    "NHS inform": "nhs-inform",
    "Pain Association Scotland": "pain-association-scotland",
    "Pain Concern": "pain-concern",
    "Pain Toolkit": "pain-toolkit",
    "Versus Arthritis": "versus-arthritis",
    "Live Well with Pain": "live-well-with-pain",
    "ways to wellbeing": "five-ways",
}


def _raw_entries() -> list[dict[str, Any]]:
    data = json.loads(DIRECTORY.read_text(encoding="utf-8"))
    assert data["format"] == "companion-support-directory"
    assert data["version"] == 1
    entries: list[dict[str, Any]] = data["entries"]
    return entries


def _service() -> SupportService:
    def no_diary() -> Any:
        raise AssertionError("the shipped directory needs no diary")

    return SupportService(no_diary)


def _keys(entries: list[DirectoryEntry]) -> list[str]:
    return [e.key for e in entries]


def test_the_file_loads_and_keys_are_unique() -> None:
    raw = _raw_entries()
    keys = [e["key"] for e in raw]
    assert len(keys) == len(set(keys)) == 14
    assert _keys(list(shipped_directory())) == keys


@pytest.mark.parametrize("entry", _raw_entries(), ids=lambda e: e["key"])
def test_each_entry_is_complete_sourced_and_dated(entry: dict[str, Any]) -> None:
    for field in ("name", "about", "source"):
        assert set(entry[field]) == {"en", "cy"}
        for language in ("en", "cy"):
            text = entry[field][language]
            assert text.strip() == text and text, (field, language)
    assert entry["about"]["cy"] != entry["about"]["en"], "the Welsh description is a translation"
    if not re.fullmatch(r"[\w.-]+\.[a-z]{2,}", entry["source"]["en"]):  # a document, not a web address
        assert entry["source"]["cy"] != entry["source"]["en"], "a cited document's title is given in Welsh"
    assert re.fullmatch(r"\d{4}-\d{2}", entry["checked"])
    checked = dt.datetime.strptime(entry["checked"], "%Y-%m").date()
    assert dt.date(2020, 1, 1) <= checked <= dt.date(2100, 1, 1)
    assert entry["area"] in AREAS
    assert isinstance(entry["welsh_language"], bool)


@pytest.mark.parametrize("entry", _raw_entries(), ids=lambda e: e["key"])
def test_phone_numbers_are_digits_and_spaces_and_websites_are_plain(entry: dict[str, Any]) -> None:
    phone = entry.get("phone", "")
    assert re.fullmatch(r"(\d+( \d+)*)?", phone), phone
    website = entry.get("website", "")
    assert "://" not in website and " " not in website  # shown as text; the app never opens a link


def test_the_services_in_the_clinical_guide_are_all_there() -> None:
    by_key = {e.key: e for e in shipped_directory()}
    for name, key in REQUIRED.items():
        assert key in by_key, name
        assert name.casefold() in by_key[key].name["en"].casefold(), name
    assert by_key["dan247"].phone == "0808 808 2234"  # the number the clinical guide gives
    # Welsh service names as the Welsh guide gives them (section 4), kept as data.
    assert "Rhaglenni Addysg i Gleifion" in by_key["epp-cymru"].name["cy"]
    assert by_key["ners"].name["cy"].startswith("Cynllun Cenedlaethol i Atgyfeirio Cleifion i Wneud Ymarfer Corff")
    assert by_key["llais"].name["cy"] == "Llais"
    assert by_key["dan247"].name["cy"] == "DAN 24/7"


def test_search_finds_entries_in_either_language() -> None:
    service = _service()
    assert _keys(service.shipped()) == _keys(list(shipped_directory()))
    assert "epp-cymru" in _keys(service.shipped("Rhaglenni"))
    assert "epp-cymru" in _keys(service.shipped("education programmes"))
    assert _keys(service.shipped("DAN")) == ["dan247"]
    assert _keys(service.shipped("0808 808 2234")) == ["dan247"]
    assert "nhs111-wales" in _keys(service.shipped("GIG 111"))
    assert "call" in _keys(service.shipped("clust i wrando"))
    assert _keys(service.shipped("Pain Association Scotland")) == ["pain-association-scotland"]
    assert service.shipped("no such service anywhere") == []


def test_search_is_case_and_accent_blind() -> None:
    service = _service()
    assert _keys(service.shipped("ymdopi a rhwystrau")) == ["epp-cymru"]  # the text has "â"
    assert _keys(service.shipped("YMDOPI Â RHWYSTRAU")) == ["epp-cymru"]
    assert "live-well-with-pain" in _keys(service.shipped("phobl sydd a phoen"))
    assert _keys(service.shipped("versus ARTHRITIS")) == ["versus-arthritis"]
