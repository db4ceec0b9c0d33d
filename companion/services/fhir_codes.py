"""Every code, system, unit and profile the FHIR export writes, in one table that docs/fhir.md repeats (a test
compares the two). Each was checked against its publisher; docs/fhir.md cites where."""

from __future__ import annotations

from dataclasses import dataclass

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/"
PROFILE_PATIENT = UK_CORE + "UKCore-Patient"
PROFILE_OBSERVATION = UK_CORE + "UKCore-Observation"
PROFILE_MEDICATION_STATEMENT = UK_CORE + "UKCore-MedicationStatement"
PROFILE_CONDITION = UK_CORE + "UKCore-Condition"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
SCORE_UNIT = "{score}"  # UCUM annotation for a score, as LOINC gives for these terms


@dataclass(frozen=True)
class Code:
    """One coded concept: its code, the publisher's display ("" where not verified), and the UCUM unit of
    its value ("" when the value is coded or there is none)."""

    key: str
    code: str
    display: str
    unit: str = ""
    system: str = LOINC


CODES: tuple[Code, ...] = (
    Code("pain", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", SCORE_UNIT),
    Code("peg_panel", "91148-7", ""),
    Code("peg_pain", "75893-8", "", SCORE_UNIT),
    Code("peg_enjoyment", "91145-3", "", SCORE_UNIT),
    Code("peg_activity", "91146-1", "", SCORE_UNIT),
    Code("peg_mean", "91147-9", "Mean score [PEG]", SCORE_UNIT),
    Code("phq4_panel", "69724-3", ""),
    Code("phq2_item1", "44250-9", "Little interest or pleasure in doing things"),
    Code("phq2_item2", "44255-8", "Feeling down, depressed, or hopeless"),
    Code("gad2_item1", "69725-0", "Feeling nervous, anxious or on edge"),
    Code("gad2_item2", "68509-9", "Over the past 2 weeks have you not been able to stop or control worrying"),
    Code("answer_0", "LA6568-5", "Not at all"),
    Code("answer_1", "LA6569-3", "Several days"),
    Code("answer_2", "LA6570-1", "More than half the days"),
    Code("answer_3", "LA6571-9", "Nearly every day"),
    Code("survey", "survey", "Survey", system=OBSERVATION_CATEGORY),
)
BY_KEY: dict[str, Code] = {c.key: c for c in CODES}
PROFILES: tuple[str, ...] = (
    PROFILE_PATIENT,
    PROFILE_OBSERVATION,
    PROFILE_MEDICATION_STATEMENT,
    PROFILE_CONDITION,
)


def coding(key: str) -> dict[str, str]:
    """A FHIR Coding; the display only where the publisher's name for the code was seen (docs/fhir.md)."""
    found = BY_KEY[key]
    result = {"system": found.system, "code": found.code}
    if found.display:
        result["display"] = found.display
    return result
