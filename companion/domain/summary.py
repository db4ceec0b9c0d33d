"""The consultation summary's vocabulary: who it is for, its sections (and which each audience gets by
default), the shared decision making questions, how the person communicates best, and the charts that can
be added."""

from __future__ import annotations

from dataclasses import dataclass
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
    STORY = "story"  # "My story so far": diagnoses, tests, referrals, professionals (left out unless ticked)
    PAIN = "pain"
    SLEEP_MOOD = "sleep_mood"
    FLARES = "flares"
    PACING = "pacing"
    GOALS = "goals"
    MEDICINES = "medicines"
    TRIED = "tried"
    NOTES = "notes"  # the person's own notes: left out unless ticked


ALL_SECTIONS: tuple[Section, ...] = tuple(Section)
OPTIONAL_SECTIONS = (Section.STORY, Section.NOTES)  # printed only when ticked
DEFAULT_SECTIONS: dict[Audience, tuple[Section, ...]] = {
    Audience.GP: tuple(s for s in Section if s not in OPTIONAL_SECTIONS),
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
    Audience.PAIN_CLINIC: tuple(s for s in Section if s not in OPTIONAL_SECTIONS),
    Audience.OWN: tuple(s for s in Section if s not in OPTIONAL_SECTIONS),
}

# Shared decision making. The Welsh Government's "Living with Persistent Pain" guidance (2023) names the
# Making Choices Together questions, word for word; they are offered first and ticked by default. Ask 3
# Questions and BRAN are other sets the person may add, and their own questions. A question in two ticked
# sets ("What are my options?") is printed once.
MAKING_CHOICES_QUESTIONS: tuple[str, ...] = (
    N_("What are my options?"),
    N_("What are the benefits and harms?"),
    N_("What can I do myself?"),
)
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


class ConsultationLanguage(StrEnum):
    """The language the person wants the appointment in (not the summary's own language)."""

    UNSAID = ""
    WELSH = "cy"
    ENGLISH = "en"
    OTHER = "other"  # named in Communication.language_other


@dataclass(frozen=True)
class Communication:
    """How I communicate best: set once on the summary screen, remembered in the diary, printed near the top
    of every summary (the Welsh guidance: consent and options discussed in Welsh, BSL or another first
    language; someone with me; information in a way I can understand)."""

    language: ConsultationLanguage = ConsultationLanguage.UNSAID
    language_other: str = ""  # the language, in the person's words, when `language` is OTHER
    bsl: bool = False  # a British Sign Language interpreter
    interpreter: str = ""  # a spoken-language interpreter, for this language (the person's words)
    someone_with_me: str = ""  # who comes with me and how they help (the person's words)
    large_print: bool = False
    other: str = ""  # anything else, in the person's words

    @property
    def is_set(self) -> bool:
        return bool(
            self.language is not ConsultationLanguage.UNSAID
            or self.bsl
            or self.interpreter.strip()
            or self.someone_with_me.strip()
            or self.large_print
            or self.other.strip()
        )


AUDIENCE_NAMES = {
    Audience.GP: N_("my GP"),
    Audience.PHARMACIST: N_("my pharmacist"),
    Audience.PHYSIO: N_("my physiotherapist"),
    Audience.PAIN_CLINIC: N_("the pain clinic"),
    Audience.OWN: N_("my own records"),
}
