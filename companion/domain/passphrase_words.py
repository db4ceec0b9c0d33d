"""A generated passphrase: random words from the EFF's large word list (CC BY 3.0 US), chosen with `secrets`.

Six words from 7,776 give about 77.5 bits: far beyond guessing, and easier to type and remember than symbols.
The list and its licence: companion/data/EFF_LARGE_WORDLIST.md and docs/security.md.
"""

from __future__ import annotations

import math
import secrets
from functools import cache
from importlib import resources

WORD_COUNT = 6
LIST_NAME = "EFF large word list (CC BY 3.0 US)"


@cache
def words() -> tuple[str, ...]:
    text = (resources.files("companion") / "data" / "eff_large_wordlist.txt").read_text(encoding="utf-8")
    return tuple(line.split("\t", 1)[1].strip() for line in text.splitlines() if "\t" in line)


def generate(count: int = WORD_COUNT) -> str:
    """`count` words chosen uniformly and independently, joined by spaces."""
    chosen = words()
    return " ".join(secrets.choice(chosen) for _ in range(count))


def bits(count: int = WORD_COUNT) -> float:
    return count * math.log2(len(words()))
