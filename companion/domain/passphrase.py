"""How strong a new passphrase is, in words a tired person can act on. Pure and testable."""

from __future__ import annotations

import math
from dataclasses import dataclass

from companion.i18n import N_

MIN_LENGTH = 10

_COMMON = {
    "password", "passw0rd", "123456", "12345678", "123456789", "1234567890", "qwerty", "qwertyuiop",
    "letmein", "iloveyou", "welcome", "croeso", "cymru", "companion", "cydymaith", "abc123", "monkey",
    "dragon", "football", "sunshine", "princess", "admin", "trustno1", "111111", "000000",
}

# Levels: 0 too short, 1 weak, 2 fair, 3 strong, 4 very strong. Creating needs at least "fair".
LEVEL_LABELS = (
    N_("Too short"),
    N_("Weak"),
    N_("Fair"),
    N_("Strong"),
    N_("Very strong"),
)
LEVEL_HINTS = (
    N_("Use at least 10 characters. A few unrelated words are easy to remember and hard to guess."),
    N_("Easy to guess. Add another word or two, or mix in numbers and symbols."),
    N_("Good enough to use. Another word would make it stronger."),
    N_("A strong passphrase."),
    N_("A very strong passphrase."),
)
ACCEPTABLE_LEVEL = 2


@dataclass(frozen=True)
class Strength:
    level: int
    bits: float

    @property
    def acceptable(self) -> bool:
        return self.level >= ACCEPTABLE_LEVEL

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def hint(self) -> str:
        return LEVEL_HINTS[self.level]


def estimate(passphrase: str) -> Strength:
    """A rough entropy estimate: character pool x length, cut for repeats, sequences and common words."""
    text = passphrase
    if len(text) < MIN_LENGTH:
        return Strength(0, 0.0)
    lowered = text.lower()
    if lowered in _COMMON or len(set(text)) <= 2:
        return Strength(1, 0.0)
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() and not c.isspace() for c in text):
        pool += 33
    if any(c.isspace() for c in text):
        pool += 1
    if any(ord(c) > 127 for c in text):
        pool += 40
    unique_ratio = len(set(text)) / len(text)
    effective_len = len(text) * min(1.0, 0.35 + unique_ratio)
    for word in _COMMON:
        if word in lowered:
            effective_len -= len(word) * 0.75
    bits = max(0.0, effective_len) * math.log2(max(pool, 2))
    words = len([w for w in text.split() if len(w) >= 3])
    if words >= 4:
        bits = max(bits, 60.0)
    if bits < 40:
        level = 1
    elif bits < 55:
        level = 2
    elif bits < 75:
        level = 3
    else:
        level = 4
    return Strength(level, bits)
