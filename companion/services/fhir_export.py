"""The diary as a FHIR R4 Bundle (type collection) for a health record: daily pain, PEG, PHQ-2/GAD-2 with the
language they were answered in, medicines as UK Core MedicationStatements, and a Patient holding only what the
person chose. Every code is in `fhir_codes` and docs/fhir.md. The file is not encrypted: show EXPORT_WARNING.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from companion.domain.days import on_days
from companion.domain.measures import PEG_ITEMS, SCREEN_ANSWERS, SCREEN_ITEMS, Instrument, MoodScreen, PegResponse
from companion.domain.medicines import Medicine, MedicineKind
from companion.domain.summary import Section
from companion.i18n import translator
from companion.services import fhir_codes as fc

if TYPE_CHECKING:
    from companion.domain.checkin import Checkin
    from companion.services.session import DiarySession

Resource = dict[str, Any]
FHIR_SECTIONS: tuple[Section, ...] = (Section.PAIN, Section.SLEEP_MOOD, Section.MEDICINES)
# uuid5(FHIR_NAMESPACE, "<kind>|<row id>") names each resource, so the same diary exports the same ids.
FHIR_NAMESPACE = uuid.UUID("8e3c1f2a-6b7d-5e4f-a1c2-9d8e7f6a5b4c")
PEG_ITEM_KEYS = ("peg_pain", "peg_enjoyment", "peg_activity")
SCREEN_ITEM_KEYS = {Instrument.PHQ2: ("phq2_item1", "phq2_item2"), Instrument.GAD2: ("gad2_item1", "gad2_item2")}


@dataclass(frozen=True)
class PatientDetails:
    """What the person chose to put in the Patient resource; empty by default (then it names no one)."""

    name: str = ""
    birth_date: dt.date | None = None
    nhs_number: str = ""


@dataclass(frozen=True)
class StoryItem:
    """A condition or an investigation from My story, as the person wrote it ("as I was told")."""

    kind: Literal["condition", "investigation"]
    text: str
    when: dt.date | None = None
    told_by: str = ""
    note: str = ""
    when_partial: str = ""  # a year ("2019") or a month ("2019-03") when no whole date is known (FHIR dateTime)


@dataclass(frozen=True)
class FhirOptions:
    start: dt.date
    end: dt.date
    sections: tuple[Section, ...] = FHIR_SECTIONS
    patient: PatientDetails = field(default_factory=PatientDetails)
    story: tuple[StoryItem, ...] = ()  # My story's diagnoses and investigations (services/fhir_story.py)


def _uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(FHIR_NAMESPACE, f"{kind}|{key}"))


def _ref(resource: Resource) -> dict[str, str]:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _when(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _score(value: float | int) -> dict[str, Any]:
    return {"value": value, "unit": fc.SCORE_UNIT, "system": fc.UCUM, "code": fc.SCORE_UNIT}


def patient_resource(details: PatientDetails, key: str) -> Resource:
    resource: Resource = {
        "resourceType": "Patient",
        "id": _uuid("patient", key),
        "meta": {"profile": [fc.PROFILE_PATIENT]},
    }
    if details.nhs_number.strip():
        resource["identifier"] = [{"system": fc.NHS_NUMBER_SYSTEM, "value": "".join(details.nhs_number.split())}]
    if details.name.strip():
        resource["name"] = [{"text": details.name.strip()}]
    if details.birth_date is not None:
        resource["birthDate"] = details.birth_date.isoformat()
    return resource


def _survey_observation(kind: str, key: str, code_key: str, moment: dt.datetime, patient: Resource) -> Resource:
    return {
        "resourceType": "Observation",
        "id": _uuid(kind, key),
        "meta": {"profile": [fc.PROFILE_OBSERVATION]},
        "status": "final",
        "category": [{"coding": [fc.coding("survey")]}],
        "code": {"coding": [fc.coding(code_key)]},
        "subject": _ref(patient),
        "effectiveDateTime": _when(moment),
        "performer": [_ref(patient)],
    }


def pain_observations(entries: Sequence[Checkin], patient: Resource, *, with_notes: bool) -> list[Resource]:
    found = []
    for entry in entries:
        if entry.pain is None:
            continue
        observation = _survey_observation("pain", entry.id, "pain", entry.recorded_at, patient)
        observation["valueQuantity"] = _score(entry.pain)
        if with_notes and entry.note:
            observation["note"] = [{"text": entry.note}]
        found.append(observation)
    return found


def peg_resources(response: PegResponse, patient: Resource) -> list[Resource]:
    tr = translator(response.language or "en")
    values = (response.pain_average, response.enjoyment, response.activity)
    questionnaire: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid("peg-qr", response.id),
        "questionnaire": "http://loinc.org/q/91148-7",
        "status": "completed",
        "subject": _ref(patient),
        "authored": _when(response.taken_at),
        "author": _ref(patient),
        "source": _ref(patient),
        "item": [
            {
                "linkId": fc.BY_KEY[key].code,
                "text": tr.gettext(PEG_ITEMS[i][0]),
                "answer": [{"valueInteger": values[i]}],
            }
            for i, key in enumerate(PEG_ITEM_KEYS)
        ],
    }
    if response.language:
        questionnaire["language"] = response.language
    items = []
    for i, key in enumerate(PEG_ITEM_KEYS):
        item = _survey_observation(f"peg-{key}", response.id, key, response.taken_at, patient)
        item["valueQuantity"] = _score(values[i])
        item["derivedFrom"] = [_ref(questionnaire)]
        items.append(item)
    mean = _survey_observation("peg-mean", response.id, "peg_mean", response.taken_at, patient)
    mean["valueQuantity"] = _score(response.score)
    mean["derivedFrom"] = [_ref(questionnaire)]
    panel = _survey_observation("peg-panel", response.id, "peg_panel", response.taken_at, patient)
    panel["hasMember"] = [_ref(r) for r in (*items, mean)]
    panel["derivedFrom"] = [_ref(questionnaire)]
    return [questionnaire, panel, *items, mean]


def screen_resources(screen: MoodScreen, patient: Resource) -> list[Resource]:
    tr = translator(screen.language or "en")
    keys = SCREEN_ITEM_KEYS[screen.instrument]
    values = (screen.item1, screen.item2)
    questionnaire: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid("screen-qr", screen.id),
        "questionnaire": "http://loinc.org/q/69724-3",
        "status": "completed",
        "subject": _ref(patient),
        "authored": _when(screen.taken_at),
        "author": _ref(patient),
        "source": _ref(patient),
        "item": [
            {
                "linkId": fc.BY_KEY[key].code,
                "text": tr.gettext(SCREEN_ITEMS[screen.instrument][i]),
                "answer": [
                    {
                        "valueCoding": {
                            **fc.coding(f"answer_{values[i]}"),
                            "display": tr.gettext(SCREEN_ANSWERS[values[i]]),
                        }
                    }
                ],
            }
            for i, key in enumerate(keys)
        ],
    }
    if screen.language:
        questionnaire["language"] = screen.language
    items = []
    for i, key in enumerate(keys):
        item = _survey_observation(f"screen-{key}", screen.id, key, screen.taken_at, patient)
        item["valueCodeableConcept"] = {"coding": [fc.coding(f"answer_{values[i]}")]}
        item["derivedFrom"] = [_ref(questionnaire)]
        items.append(item)
    panel = _survey_observation("screen-panel", screen.id, "phq4_panel", screen.taken_at, patient)
    panel["hasMember"] = [_ref(r) for r in items]
    panel["derivedFrom"] = [_ref(questionnaire)]
    return [questionnaire, panel, *items]


def medication_statement(medicine: Medicine, patient: Resource, asserted: dt.datetime) -> Resource:
    """Free text: Companion records no dm+d code, so medicationCodeableConcept carries only the name."""
    stopped = medicine.stopped_on is not None and medicine.stopped_on <= asserted.date()
    resource: Resource = {
        "resourceType": "MedicationStatement",
        "id": _uuid("medicine", medicine.id),
        "meta": {"profile": [fc.PROFILE_MEDICATION_STATEMENT]},
        "status": "completed" if stopped else "active",
        "medicationCodeableConcept": {"text": medicine.name},
        "subject": _ref(patient),
        "dateAsserted": _when(asserted),
        "informationSource": _ref(patient),
    }
    period = {}
    if medicine.started_on:
        period["start"] = medicine.started_on.isoformat()
    if medicine.stopped_on:
        period["end"] = medicine.stopped_on.isoformat()
    if period:
        resource["effectivePeriod"] = period
    if medicine.purpose:
        resource["reasonCode"] = [{"text": medicine.purpose}]
    dosage: Resource = {"asNeededBoolean": medicine.kind == MedicineKind.AS_NEEDED}
    if medicine.dose:
        dosage["text"] = medicine.dose
    resource["dosage"] = [dosage]
    return resource


def story_resources(items: Sequence[StoryItem], patient: Resource) -> list[Resource]:
    """Conditions and investigations from My story as patient-reported text (no codes, nothing interpreted):
    a condition as a UK Core Condition asserted by the person, an investigation as an Observation whose
    value is what the person was told. The extension point for issue 21: pass its items here."""
    found: list[Resource] = []
    for number, item in enumerate(items):
        told = " — ".join(part for part in (item.told_by, item.note) if part)
        key = f"{item.kind}|{number}|{item.text}"
        if item.kind == "condition":
            resource: Resource = {
                "resourceType": "Condition",
                "id": _uuid("story", key),
                "meta": {"profile": [fc.PROFILE_CONDITION]},
                "code": {"text": item.text},
                "subject": _ref(patient),
                "asserter": _ref(patient),
            }
            if item.when or item.when_partial:
                resource["recordedDate"] = item.when.isoformat() if item.when else item.when_partial
        else:
            resource = {
                "resourceType": "Observation",
                "id": _uuid("story", key),
                "meta": {"profile": [fc.PROFILE_OBSERVATION]},
                "status": "final",
                "code": {"text": item.text},
                "subject": _ref(patient),
                "performer": [_ref(patient)],
            }
            if item.when or item.when_partial:
                resource["effectiveDateTime"] = item.when.isoformat() if item.when else item.when_partial
            if item.note:
                resource["valueString"] = item.note
        if told:
            resource["note"] = [{"text": told}]
        found.append(resource)
    return found


def build_bundle(session: DiarySession, options: FhirOptions) -> Resource:
    """The Bundle as plain JSON values (nothing written)."""
    now = session.clock.now()
    patient = patient_resource(options.patient, str(session.path))
    resources: list[Resource] = [patient]
    # Each record on the calendar day of its own recorded local time (companion.domain.days).
    entries = session.insights.checkins(options.start, options.end)
    pegs = [p for p in session.measures.peg_history() if on_days(p.taken_at, options.start, options.end)]
    screens = [s for s in session.measures.screens() if on_days(s.taken_at, options.start, options.end)]
    if Section.PAIN in options.sections:
        resources += pain_observations(entries, patient, with_notes=Section.NOTES in options.sections)
        for response in pegs:
            resources += peg_resources(response, patient)
    if Section.SLEEP_MOOD in options.sections:
        for screen in screens:
            resources += screen_resources(screen, patient)
    if Section.MEDICINES in options.sections:
        for medicine in session.medicines.medicines():
            overlaps = (medicine.started_on is None or medicine.started_on <= options.end) and (
                medicine.stopped_on is None or medicine.stopped_on >= options.start
            )
            if overlaps:
                resources.append(medication_statement(medicine, patient, now))
    resources += story_resources(options.story, patient)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": _when(now)},
        "type": "collection",
        "timestamp": _when(now),
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


def export_fhir(session: DiarySession, options: FhirOptions) -> bytes:
    """The Bundle as UTF-8 JSON (FHIR's JSON format, R4 4.0.1)."""
    bundle = build_bundle(session, options)
    return (json.dumps(bundle, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
