"""My story in the FHIR export: every diagnosis and investigation, as patient-reported text, dated only as
precisely as the person wrote it (a year or a month as a FHIR partial date, an "about" date left out), and
the demo diary's whole bundle still parses with the R4 models; the CLI export carries them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.demo import create_demo_diary
from companion.domain.approx_date import ApproxDate
from companion.domain.story import SourceKind, StoryItem, StoryKind
from companion.services.fhir_export import FhirOptions, export_fhir
from companion.services.fhir_story import fhir_date, story_for_fhir, story_item
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

fhir_resources = pytest.importorskip("fhir.resources")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    session = create_demo_diary(tmp_path_factory.mktemp("demo"), KdfParams(1, 1, 64))
    yield session
    session.close()


@pytest.mark.parametrize(
    ("when", "whole", "partial"),
    [
        (None, None, ""),
        (ApproxDate(2019), None, "2019"),
        (ApproxDate(2019, 3), None, "2019-03"),
        (ApproxDate(2019, 3, 4), ApproxDate(2019, 3, 4), ""),
        (ApproxDate(2019, 3, about=True), None, ""),  # FHIR cannot say "about": no date rather than a wrong one
        (ApproxDate(2019, 3, 4, about=True), None, ""),
    ],
)
def test_dates_only_as_precise_as_written(when: ApproxDate | None, whole: ApproxDate | None, partial: str) -> None:
    assert fhir_date(when) == (whole, partial)


def test_a_diagnosis_and_an_investigation_as_told() -> None:
    diagnosis = StoryItem("d", StoryKind.DIAGNOSIS, "Sciatica", ApproxDate(2019, 3), details="In my left leg",
                          source_kind=SourceKind.TOLD_BY, source="Dr Evans")  # fmt: skip
    scan = StoryItem("s", StoryKind.INVESTIGATION, "MRI", ApproxDate(2020, 5, 14), person="Mr Hughes",
                     result="Wear and tear")  # fmt: skip
    condition, investigation = story_item(diagnosis), story_item(scan)
    assert (condition.kind, condition.text, condition.when, condition.when_partial) == (
        "condition", "Sciatica", None, "2019-03"
    )  # fmt: skip
    assert (condition.told_by, condition.note) == ("Dr Evans", "In my left leg")
    assert (investigation.kind, investigation.when, investigation.told_by, investigation.note) == (
        "investigation", dt.date(2020, 5, 14), "Mr Hughes", "Wear and tear"
    )  # fmt: skip


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_the_demo_story_in_a_bundle_that_parses(demo: DiarySession) -> None:
    from fhir.resources.bundle import Bundle

    today = demo.clock.today()
    story = story_for_fhir(demo)
    entries = demo.story.items(kinds=frozenset({StoryKind.DIAGNOSIS, StoryKind.INVESTIGATION}))
    assert [s.text for s in story] == [e.title for e in entries] and len(story) == 2
    bundle = json.loads(export_fhir(demo, FhirOptions(today - dt.timedelta(days=30), today, story=story)))
    Bundle.parse_obj(bundle)
    (condition,) = resources(bundle, "Condition")
    assert condition["code"] == {"text": "Sciatica"}
    assert condition["recordedDate"] == f"{today.year - 7}-03"  # the demo's "March, seven years ago"
    scans = [o for o in resources(bundle, "Observation") if o["code"] == {"text": "MRI scan of my lower back"}]
    assert scans[0]["effectiveDateTime"] == f"{today.year - 6}-05-14"
    assert scans[0]["valueString"] == "Wear and tear in the lower discs; nothing that needs an operation."


def test_the_cli_export_carries_the_story(tmp_path: Path) -> None:
    from companion.cli import main

    out = tmp_path / "bundle.json"
    assert main(["export", "--demo", "--format", "fhir", "--out", str(out)]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert [c["code"]["text"] for c in resources(bundle, "Condition")] == ["Sciatica"]
