"""Companion gives no medical advice: no text in the app, in English or in Welsh, tells the person to start,
stop, reduce, increase, change or take a medicine or a dose (../shared/guide/clinical.md, Medicines).

The detector looks at one sentence at a time and flags it only when the sentence both mentions a medicine
or a dose and uses advice-like phrasing, so pacing text such as "Time to stop and log it." is left alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from companion.services.medicines import NO_ADVICE

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "companion"
WELSH_PO = ROOT / "translations" / "cy" / "LC_MESSAGES" / "companion.po"

# A word for a medicine or a dose. Welsh words are listed with their mutated forms (soft, nasal, aspirate)
# and plurals: meddyginiaeth/feddyginiaeth, tabled/dabled/nhabled/thabled, dos/ddos, cyffur/gyffur/
# nghyffur/chyffur, poenladdwr/boenladdwr/mhoenladdwr. The nasal form of "dos" ("nos") is left out: it is
# also the word for night.
MEDICINE_WORD = re.compile(
    r"\b(?:"
    r"medicines?|medications?|tablets?|pills?|capsules?|doses?|dosage|drugs?|painkillers?|pain\s?killers?"
    r"|opioids?|gabapentinoids?|prescriptions?|creams?|gels?|patch(?:es)?|injections?|inhalers?|sprays?"
    r"|m?feddyginiaeth\w*|meddyginiaeth\w*"
    r"|(?:t|d|nh|th)abled\w*"
    r"|d?dos(?:ys|au)?"
    r"|(?:c|g|ngh|ch)yffur\w*"
    r"|(?:p|b|mh|ph)oenladd\w*"
    r")\b",
    re.IGNORECASE,
)

# Where an instruction begins: the start of a sentence or clause, or words that make what follows advice.
_LEAD = (
    r"(?:^|[,;:(–—]\s*|\b(?:then|and|or|please|so|now|just|simply|always|never|don't|do\s+not|"
    r"you\s+(?:should|must|need\s+to|ought\s+to|could|can|might|may)(?:\s+want\s+to)?|"
    r"it\s+is\s+(?:best|better|safe|fine|ok|okay)\s+to|it's\s+(?:best|better|safe|fine|ok|okay)\s+to|"
    r"try\s+to|remember\s+to|make\s+sure\s+(?:to|you)|consider|we\s+(?:suggest|recommend)|"
    r"(?:is|are)\s+(?:recommended|advised)\s+to)\s+)"
)
_VERB = (
    r"(?:take|stop|start|begin|reduce|increase|lower|raise|double|halve|skip|miss|cut\s+down(?:\s+on)?|"
    r"cut\s+back(?:\s+on)?|come\s+off|wean\s+(?:yourself\s+)?off|try)\s+"
)
# What an instruction is about: "take two tablets", "stop your painkillers", "come off the opioids". Nouns
# such as "start and stop dates" are left alone.
_OBJECT = (
    r"(?:your|the|this|that|these|those|it|them|a|an|one|two|three|half|some|any|more|less|fewer|extra|"
    r"another|taking|\d)\b"
)

ENGLISH_ADVICE = [
    re.compile(_LEAD + _VERB + _OBJECT, re.IGNORECASE),
    # "Stop taking it", but not the question "When did you stop taking it?"
    re.compile(
        r"(?<!\byou\s)(?<!\bI\s)(?<!\bwe\s)(?<!\bthey\s)"
        r"\b(?:stop|start|keep|try|avoid|consider|begin|continue|resume)\s+taking\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:reduce|increase|lower|raise|double|halve|change|adjust|cut(?:\s+down)?|up|boost)\s+"
        r"(?:your|the|their|this|that)\s+(?:dose|dosage|doses|medicines?|medications?|tablets|pills|painkillers)\b"
        r"(?!')",  # "change your medicine's details" is about the record
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:take|use)\s+(?:more|less|fewer|extra|another|an\s+extra|a\s+higher|a\s+lower|double|two)\b", re.I
    ),
    re.compile(r"\b(?:switch|swap)(?:ping|ing)?\s+(?:to|from|over)\b", re.IGNORECASE),
    re.compile(r"\b(?:skip|miss)\s+(?:a|your|the)\s+dose\b", re.IGNORECASE),
    re.compile(
        r"(?<!\bnever\s)(?<!\bnot\s)\b(?:recommend|advise|suggest)s?\s+(?:that\s+you\s+)?"
        r"(?:taking|stopping|starting|reducing|increasing|changing|switching|you\s+take)\b",
        re.IGNORECASE,
    ),
]

# Welsh: "dylech"/"dylid" (you/one should) take soft mutation: gymryd, roi, leihau, gynyddu, ddechrau, geisio.
WELSH_ADVICE = [
    re.compile(
        r"\b(?:dylech|dylid|dylet|mae'?n\s+well\s+i\s+chi|mae'?n\s+rhaid\s+i\s+chi)\s+(?:chi\s+)?"
        r"(?:gymryd|cymryd|stopio|roi'?r\s+gorau|rhoi'?r\s+gorau|leihau|lleihau|gynyddu|cynyddu|newid|"
        r"ddechrau|dechrau|geisio|hepgor|ddyblu|dyblu|fynd\s+ati)",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?:stopiwch|stopia|peidiwch\s+(?:â|a)|dechreuwch|parhewch\s+i)\s+(?:g|ch|c)ymryd\b", re.I),
    re.compile(r"\b(?:rhoi|rhowch|rho)\s*'?r?\s+(?:y\s+)?gorau\s+i\s+(?:gymryd|('?ch|eich)\s+)", re.I),
    re.compile(
        r"\b(?:lleihau|leihau|lleihewch|cynyddu|gynyddu|cynyddwch|dyblu|ddyblu|dyblwch|haneru|newid|newidiwch)\s+"
        r"(?:eich|dy|y|'?r)\s+"
        r"(?:dos|ddos|dosys|feddyginiaeth\w*|meddyginiaeth\w*|tabledi|thabledi|dabledi|poenladdwyr)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bcymerwch\b|\bcymera\b|\bcymrwch\b", re.IGNORECASE),
    re.compile(r"\bcymryd\s+(?:mwy|llai|rhagor|ychwaneg|dwbl|dos\s+arall)\b", re.IGNORECASE),
    re.compile(r"\brhowch\s+gynnig\s+ar\s+(?:gymryd|feddyginiaeth)", re.IGNORECASE),
    re.compile(r"\bnewidiwch\b|\bnewid\s+i\s+(?:feddyginiaeth|dabled|gyffur|boenladdwr)", re.IGNORECASE),
    re.compile(r"\bhepgorwch\b|\bhepgor\s+(?:dos|eich\s+dos)\b", re.IGNORECASE),
]

ADVICE = ENGLISH_ADVICE + WELSH_ADVICE

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n\s*\n|\n\s*[-*•]\s+")


def sentences(text: str) -> Iterator[str]:
    for part in _SENTENCE_END.split(text.replace("’", "'")):
        sentence = " ".join(part.split())
        if sentence:
            yield sentence


def advice_in(text: str) -> list[str]:
    """The sentences of `text` that read as advice about a medicine or a dose."""
    return [s for s in sentences(text) if MEDICINE_WORD.search(s) and any(p.search(s) for p in ADVICE)]


# --- the detector itself ---------------------------------------------------------------------------------

ADVICE_SENTENCES = [
    "You should take two tablets now.",
    "Stop taking your painkillers when the pain eases.",
    "If the pain is bad, take an extra tablet.",
    "Reduce your dose of gabapentin.",
    "Increase your dose to 600 mg.",
    "Try taking ibuprofen with food, it may help your medicine work.",
    "Take more painkillers on a flare day.",
    "Take less medication at night.",
    "Switch to a different medicine.",
    "Change your medication to one that suits you better.",
    "Use more of the cream when the pain is bad.",
    "You might want to come off the opioids.",
    "Don't skip a dose.",
    "We recommend taking your tablets with water.",
    "It's fine to double the dose tonight.",
    "Dylech gymryd dwy dabled nawr.",
    "Stopiwch gymryd eich meddyginiaeth.",
    "Rhowch y gorau i gymryd y tabledi.",
    "Mae'n well rhoi'r gorau i gymryd y feddyginiaeth.",
    "Lleihewch eich dos.",
    "Gallwch leihau eich dos os yw'r boen yn well.",
    "Cynyddwch eich dos i 600 mg.",
    "Cymerwch ddwy dabled gyda bwyd.",
    "Newidiwch eich meddyginiaeth.",
    "Dylech chi newid i gyffur arall.",
    "Peidiwch â chymryd y poenladdwyr gyda'r nos.",
    "Ar ddiwrnod gwael, cymryd mwy o feddyginiaeth.",
]

LEGITIMATE_SENTENCES = [
    "Medicines only as agreed with my GP or pharmacist.",
    "Meddyginiaethau dim ond fel y cytunwyd â'm meddyg teulu neu â'm fferyllydd.",
    NO_ADVICE,
    "Companion gives no advice about medicines.",
    "Nid yw Cydymaith yn rhoi cyngor am feddyginiaethau.",
    "Made with Companion. This sheet gives no medical advice.",
    "Time to stop and log it.",
    "You have reached today's plan for Walking. Time to stop and log it.",
    "Take more short breaks",
    "Cymerwch seibiant byr.",
    "Stop the timer and log the time done",
    "Ease back, but don't stop: cut my activity by about half",
    "Doses are logged for medicines taken as needed.",
    "Type the medicine's name as it is on the box or the prescription.",
    "The stop date is before the start date. Check both dates.",
    "When did you stop taking it? The date you stopped this medicine.",
    "When did you stop taking this medicine?",
    "Name, what it is for, regular or as needed, the dose as written, start and stop dates.",
    "The app never suggests starting, stopping or changing a medicine.",
    "Dose, as it says on the label",
    "Log a dose",
    "Annual review due for this medicine. Your GP or pharmacist can help you prepare.",
    "Dos, fel y mae ar y label",
    "Cofnodi dos",
    "Mae adolygiad blynyddol o'r feddyginiaeth hon yn ddyledus.",
    "Noson dda o gwsg. Roedd y nos yn dawel.",
    "Use this page to record your medicines.",
    "Change the start date of this medicine.",
    "Change your medicine's details, then choose Save.",
    "Try again to save the medicine.",
]


@pytest.mark.parametrize("sentence", ADVICE_SENTENCES)
def test_the_detector_flags_advice_about_medicines(sentence: str) -> None:
    assert advice_in(sentence) == [sentence]


@pytest.mark.parametrize("sentence", LEGITIMATE_SENTENCES)
def test_the_detector_leaves_legitimate_text_alone(sentence: str) -> None:
    assert advice_in(sentence) == []


def test_the_detector_needs_a_medicine_word_in_the_same_sentence() -> None:
    assert advice_in("Take more breaks. Your tablets are in the kitchen.") == []
    assert advice_in("Your tablets are in the kitchen. Take more of them.") == []
    assert advice_in("Nice weather today. Take more tablets.") == ["Take more tablets."]


# --- the app's own text ----------------------------------------------------------------------------------


# Flagged wording waiting to be changed, if ever needed (none now): text here is left out of the searches.
REWORDING_PENDING: dict[str, str] = {}


def _catalog() -> Catalog:
    with WELSH_PO.open("rb") as handle:
        return read_po(handle, locale="cy")


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (tuple, list)):
        return [v for v in value if isinstance(v, str)]
    return []


def _python_strings() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.value


def test_the_welsh_catalog_and_the_sources_are_there_to_search() -> None:
    catalog = _catalog()
    assert len([m for m in catalog if m.id]) > 100
    strings = dict(_python_strings())
    assert len(strings) > 1000
    assert NO_ADVICE in strings.values()


def test_no_english_message_gives_advice_about_medicines() -> None:
    found = [
        (m.id, hit)
        for m in _catalog()
        if m.id and m.id not in REWORDING_PENDING
        for text in _texts(m.id)
        for hit in advice_in(text)
    ]
    assert found == []


def test_no_welsh_translation_gives_advice_about_medicines() -> None:
    found = [
        (m.id, hit)
        for m in _catalog()
        if m.id and m.id not in REWORDING_PENDING
        for text in _texts(m.string)
        for hit in advice_in(text)
    ]
    assert found == []


def test_no_string_in_the_source_gives_advice_about_medicines() -> None:
    found = [
        (where, hit) for where, text in _python_strings() if text not in REWORDING_PENDING for hit in advice_in(text)
    ]
    assert found == []


def test_the_no_advice_line_says_so_in_plain_words() -> None:
    assert "no advice about medicines" in NO_ADVICE
    assert "GP or pharmacist" in NO_ADVICE
    assert advice_in(NO_ADVICE) == []


def test_the_no_advice_line_is_translated_into_welsh() -> None:
    message = _catalog().get(NO_ADVICE)
    assert message is not None, "the no-advice line is not in the Welsh catalog yet"
    assert message.string and message.string != NO_ADVICE
    assert not message.fuzzy
    assert advice_in(message.string) == []
