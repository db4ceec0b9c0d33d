"""The consultation summary's vocabulary: who it is for, its sections (and which each audience gets by
default), the shared decision making questions, and the charts that can be added."""

from __future__ import annotations

from enum import StrEnum

from companion.i18n import N_


class Audience(StrEnum):
    GP = "gp"
    PHARMACIST = "pharmacist"
    PHYSIO = "physio"
    PAIN_CLINIC = "pain_clinic"
    OWN = "own"


class Section(StrEnum):
    WHAT_MATTERS = "what_matters"
    TOP3 = "top3"
    QUESTIONS = "questions"
    PAIN = "pain"
    SLEEP_MOOD = "sleep_mood"
    FLARES = "flares"
    PACING = "pacing"
    GOALS = "goals"
    MEDICINES = "medicines"
    TRIED = "tried"
    NOTES = "notes"  # the person's own notes: left out unless ticked


ALL_SECTIONS: tuple[Section, ...] = tuple(Section)
DEFAULT_SECTIONS: dict[Audience, tuple[Section, ...]] = {
    Audience.GP: tuple(s for s in Section if s is not Section.NOTES),
    Audience.PHARMACIST: (
        Section.WHAT_MATTERS,
        Section.TOP3,
        Section.QUESTIONS,
        Section.PAIN,
        Section.MEDICINES,
        Section.TRIED,
    ),
    Audience.PHYSIO: (
        Section.WHAT_MATTERS,
        Section.TOP3,
        Section.QUESTIONS,
        Section.PAIN,
        Section.FLARES,
        Section.PACING,
        Section.GOALS,
        Section.TRIED,
    ),
    Audience.PAIN_CLINIC: tuple(s for s in Section if s is not Section.NOTES),
    Audience.OWN: tuple(s for s in Section if s is not Section.NOTES),
}

# Shared decision making (NHS Wales "Making Choices Together"; Ask 3 Questions; BRAN). The person ticks
# which to print and may add their own.
ASK_3_QUESTIONS: tuple[str, ...] = (
    N_("What are my options?"),
    N_("What are the pros and cons of each option for me?"),
    N_("How do I get support to help me make a decision that is right for me?"),
)
BRAN_QUESTIONS: tuple[str, ...] = (
    N_("What are the benefits?"),
    N_("What are the risks?"),
    N_("What are the alternatives?"),
    N_("What if I do nothing?"),
)
CHARTS: tuple[str, ...] = ("wellbeing", "peg", "none")

AUDIENCE_NAMES = {
    Audience.GP: N_("my GP"),
    Audience.PHARMACIST: N_("my pharmacist"),
    Audience.PHYSIO: N_("my physiotherapist"),
    Audience.PAIN_CLINIC: N_("the pain clinic"),
    Audience.OWN: N_("my own records"),
}
