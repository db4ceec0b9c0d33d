"""The FHIR export: a demo diary's bundle parses with R4 models, every code and unit is the one in
docs/fhir.md, profiles are UK Core's published URLs, the Patient names no one unless asked."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.demo import create_demo_diary
from companion.domain.summary import Section
from companion.services import fhir_codes as fc
from companion.services.fhir_export import FhirOptions, PatientDetails, StoryItem, export_fhir, story_resources
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams

ROOT = Path(__file__).resolve().parents[2]
fhir_resources = pytest.importorskip("fhir.resources")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DiarySession]:
    session = create_demo_diary(tmp_path_factory.mktemp("demo"), KdfParams(1, 1, 64))
    yield session
    session.close()


def export(session: DiarySession, **kwargs: Any) -> dict[str, Any]:
    today = session.clock.today()
    options = FhirOptions(today - dt.timedelta(days=120), today, **kwargs)
    return json.loads(export_fhir(session, options))


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def doc_codes() -> dict[str, tuple[str, str, str, str]]:
    text = (ROOT / "docs" / "fhir.md").read_text(encoding="utf-8")
    table = text.split("<!-- codes -->")[1].split("<!-- /codes -->")[0]
    rows = [line for line in table.strip().splitlines()[2:] if line.startswith("|")]
    found = {}
    for line in rows:
        key, system, code, display, unit = (cell.strip() for cell in line.strip("|").split("|"))
        found[key] = (system, code, display, unit)
    return found


def test_the_demo_diary_exports_a_bundle_that_parses_with_the_r4_models(demo: DiarySession) -> None:
    from fhir.resources.bundle import Bundle

    assert fhir_resources.__fhir_version__ == "4.0.1"
    bundle = export(demo, story=(StoryItem("condition", "Ffibromyalgia", dt.date(2020, 1, 2), "Dr Jones"),))
    parsed = Bundle.parse_obj(bundle)
    assert parsed.type == "collection"
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds["Patient"] == 1 and kinds["Observation"] > 20 and kinds["QuestionnaireResponse"] > 0
    assert kinds["MedicationStatement"] > 0 and kinds["Condition"] == 1
    ids = [e["fullUrl"] for e in bundle["entry"]]
    assert len(ids) == len(set(ids))
    references = re.findall(r'"reference": "([^"]+)"', json.dumps(bundle))
    assert set(references) <= set(ids)  # every reference points inside the bundle


def test_each_code_and_unit_is_the_one_in_docs_fhir_md(demo: DiarySession) -> None:
    documented = doc_codes()
    assert set(documented) == set(fc.BY_KEY)
    for key, code in fc.BY_KEY.items():
        assert documented[key] == (code.system, code.code, code.display, code.unit), key
    bundle = export(demo)
    by_code = {(c.system, c.code): c for c in fc.CODES}
    for observation in resources(bundle, "Observation"):
        (coding,) = observation["code"]["coding"]
        known = by_code[(coding["system"], coding["code"])]
        if "valueQuantity" in observation:
            quantity = observation["valueQuantity"]
            assert (quantity["system"], quantity["code"], quantity["unit"]) == (fc.UCUM, known.unit, known.unit)
        assert observation["category"] == [{"coding": [fc.coding("survey")]}]
        assert observation["performer"] == [observation["subject"]]  # patient-reported


def test_profiles_are_uk_cores_published_urls(demo: DiarySession) -> None:
    bundle = export(demo)
    profiles = {p for e in bundle["entry"] for p in e["resource"].get("meta", {}).get("profile", [])}
    assert profiles <= set(fc.PROFILES)
    assert all(p.startswith("https://fhir.hl7.org.uk/StructureDefinition/UKCore-") for p in profiles)


def test_the_patient_names_no_one_unless_the_person_chooses(demo: DiarySession) -> None:
    (anonymous,) = resources(export(demo), "Patient")
    assert set(anonymous) == {"resourceType", "id", "meta"}
    chosen = PatientDetails("Siân Ŵyn", dt.date(1970, 5, 4), "943 476 5919")
    (named,) = resources(export(demo, patient=chosen), "Patient")
    assert named["name"] == [{"text": "Siân Ŵyn"}] and named["birthDate"] == "1970-05-04"
    assert named["identifier"] == [{"system": fc.NHS_NUMBER_SYSTEM, "value": "9434765919"}]


def test_daily_pain_values_and_times_are_the_diarys(demo: DiarySession) -> None:
    today = demo.clock.today()
    start, _ = demo.clock.day_bounds(today - dt.timedelta(days=120))
    wanted = {
        (e.recorded_at.isoformat(timespec="seconds"), e.pain) for e in demo.diary.all_entries() if e.pain is not None
    }
    pain = [o for o in resources(export(demo), "Observation") if o["code"]["coding"][0]["code"] == "72514-3"]
    got = {(o["effectiveDateTime"], o["valueQuantity"]["value"]) for o in pain}
    in_period = {w for w in wanted if dt.datetime.fromisoformat(w[0]) >= start}
    assert got == in_period and got


def test_questionnaires_carry_the_language_they_were_answered_in(tmp_path: Path) -> None:
    from companion import i18n

    session, _key = DiarySession.create(tmp_path / "d.vault", "a pass phrase here", KdfParams(1, 1, 64))
    try:
        i18n.set_language("cy")  # answered while the interface is in Welsh
        try:
            session.measures.record_peg(6, 5, 4)
        finally:
            i18n.set_language("en")
        session.measures.record_peg(3, 3, 3)
        bundle = export(session, sections=(Section.PAIN,))
    finally:
        session.close()
    answers = resources(bundle, "QuestionnaireResponse")
    assert sorted(a["language"] for a in answers) == ["cy", "en"]
    welsh = next(a for a in answers if a["language"] == "cy")
    assert welsh["item"][0]["text"] == i18n.translator("cy").gettext(
        "What number best describes your pain on average in the past week?"
    )
    means = [o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == "91147-9"]
    assert sorted(o["valueQuantity"]["value"] for o in means) == [3.0, 5.0]


def test_story_items_become_patient_reported_text() -> None:
    patient = {"resourceType": "Patient", "id": "11111111-1111-4111-8111-111111111111"}
    made = story_resources(
        (StoryItem("investigation", "MRI lower back", dt.date(2021, 5, 1), "Consultant", "Wear and tear"),), patient
    )
    (observation,) = made
    assert observation["code"] == {"text": "MRI lower back"} and observation["valueString"] == "Wear and tear"
    assert "coding" not in observation["code"]
