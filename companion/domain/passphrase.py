"""How strong a new passphrase is, in words a tired person can act on: zxcvbn's estimate, our own sentences.

zxcvbn (Dropbox's estimator, the `zxcvbn` package) finds dictionary words, names, keyboard rows, dates and
repeats; it is given the person's name and local words (Welsh and UK places, Welsh months and days, "cymru",
"companion", "cydymaith") so that those count as guessable too. A passphrase needs a score of 3 ("safely
unguessable": about 10^10 guesses) and 10 characters. zxcvbn's own English feedback is never shown: each of
its warnings and suggestions is a key into our sentences, in Welsh and English. zxcvbn is imported on first
use, never at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from companion.i18n import N_

MIN_LENGTH = 10
ACCEPTABLE_SCORE = 3
MAX_CHECKED_LENGTH = 100  # zxcvbn's time grows with length; a longer passphrase is judged by its start

# Levels: 0 too short, then zxcvbn's score: 1 weak (0-1), 2 fair (2), 3 strong, 4 very strong.
LEVEL_LABELS = (
    N_("Too short"),
    N_("Weak"),
    N_("Fair"),
    N_("Strong"),
    N_("Very strong"),
)
LEVEL_HINTS = (
    N_("Use at least 10 characters. A few unrelated words are easy to remember and hard to guess."),
    N_("Easy to guess. Add another word or two that are not about you or where you live."),
    N_("Still too easy to guess. Add another unrelated word."),
    N_("A strong passphrase."),
    N_("A very strong passphrase."),
)
ACCEPTABLE_LEVEL = 3

# Words anyone trying to guess a Welsh diary keeper's passphrase would try first.
LOCAL_WORDS = (
    "cymru",
    "wales",
    "companion",
    "cydymaith",
    "cyfrinair",
    "password",
    "dyddiadur",
    "diary",
    "poen",
    "pain",
    "caerdydd",
    "cardiff",
    "abertawe",
    "swansea",
    "casnewydd",
    "newport",
    "wrecsam",
    "wrexham",
    "bangor",
    "aberystwyth",
    "caerfyrddin",
    "carmarthen",
    "llanelli",
    "caernarfon",
    "conwy",
    "llandudno",
    "rhyl",
    "merthyr",
    "pontypridd",
    "penarth",
    "barri",
    "barry",
    "aberhonddu",
    "brecon",
    "dinbych",
    "denbigh",
    "hwlffordd",
    "haverfordwest",
    "tyddewi",
    "aberteifi",
    "cardigan",
    "machynlleth",
    "dolgellau",
    "bala",
    "llangollen",
    "y fenni",
    "abergavenny",
    "trefynwy",
    "monmouth",
    "castell nedd",
    "neath",
    "port talbot",
    "pen-y-bont",
    "bridgend",
    "ynys mon",
    "anglesey",
    "gwynedd",
    "powys",
    "ceredigion",
    "penfro",
    "pembroke",
    "eryri",
    "snowdon",
    "london",
    "llundain",
    "manchester",
    "birmingham",
    "liverpool",
    "bristol",
    "leeds",
    "glasgow",
    "edinburgh",
    "belfast",
    "chester",
    "caer",
    "shrewsbury",
    "amwythig",
    "england",
    "lloegr",
    "scotland",
    "alban",
    "ireland",
    "iwerddon",
    "britain",
    "prydain",
    "ionawr",
    "chwefror",
    "mawrth",
    "ebrill",
    "mai",
    "mehefin",
    "gorffennaf",
    "awst",
    "medi",
    "hydref",
    "tachwedd",
    "rhagfyr",
    "dydd llun",
    "dydd mawrth",
    "dydd mercher",
    "dydd iau",
    "dydd gwener",
    "dydd sadwrn",
    "dydd sul",
    "llun",
    "mercher",
    "iau",
    "gwener",
    "sadwrn",
    "sul",
    "croeso",
    "diolch",
    "bore da",
    "nos da",
    "hiraeth",
    "draig",
    "dragon",
    "rygbi",
    "rugby",
    "cennin",
)

# zxcvbn's warnings and suggestions (its own English text is the key) -> our sentences.
_GENERIC = N_("Add another word or two. Unusual words are better.")
FEEDBACK = {
    "Straight rows of keys are easy to guess.": N_("Rows of keys on the keyboard are easy to guess."),
    "Short keyboard patterns are easy to guess.": N_("Patterns on the keyboard are easy to guess."),
    "Use a longer keyboard pattern with more turns.": _GENERIC,
    'Repeats like "aaa" are easy to guess.': N_("Repeated letters, such as “aaa”, are easy to guess."),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': N_(
        "Repeating a word or a group of letters hardly makes it harder to guess."
    ),
    "Avoid repeated words and characters.": N_("Avoid repeating words and letters."),
    'Sequences like "abc" or "6543" are easy to guess.': N_("Runs such as “abc” or “6543” are easy to guess."),
    "Avoid sequences.": N_("Avoid runs of letters or numbers."),
    "Recent years are easy to guess.": N_("Recent years are easy to guess."),
    "Avoid recent years.": N_("Avoid years, especially ones that mean something to you."),
    "Avoid years that are associated with you.": N_("Avoid years, especially ones that mean something to you."),
    "Dates are often easy to guess.": N_("Dates are easy to guess."),
    "Avoid dates and years that are associated with you.": N_(
        "Avoid dates, especially ones that mean something to you."
    ),
    "This is a top-10 common password.": N_("This is one of the most common passwords of all."),
    "This is a top-100 common password.": N_("This is one of the most common passwords."),
    "This is a very common password.": N_("This is a very common password."),
    "This is similar to a commonly used password.": N_("This is close to a common password."),
    "A word by itself is easy to guess.": N_("A single word is easy to guess, even a long one."),
    "Names and surnames by themselves are easy to guess.": N_("Names are easy to guess, especially on their own."),
    "Common names and surnames are easy to guess.": N_("Names are easy to guess, especially on their own."),
    "Capitalization doesn't help very much.": N_("Capital letters hardly help."),
    "All-uppercase is almost as easy to guess as all-lowercase.": N_("Capital letters hardly help."),
    "Reversed words aren't much harder to guess.": N_("A word written backwards is not much harder to guess."),
    "Predictable substitutions like '@' instead of 'a' don't help very much.": N_(
        "Swaps such as “@” for “a” or “0” for “o” hardly help."
    ),
    "Add another word or two. Uncommon words are better.": _GENERIC,
    "Use a few words, avoid common phrases.": N_("Use a few unrelated words, not a saying or a line of a song."),
    "No need for symbols, digits, or uppercase letters.": N_("You don't need symbols, numbers or capital letters."),
}
LOCAL_WORD_FEEDBACK = N_("Words about you or where you live, such as your name or your town, are easy to guess.")


@dataclass(frozen=True)
class Strength:
    level: int
    score: int
    feedback: tuple[str, ...] = ()  # our untranslated sentences, most useful first

    @property
    def acceptable(self) -> bool:
        return self.level >= ACCEPTABLE_LEVEL

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def hint(self) -> str:
        return LEVEL_HINTS[self.level]


def estimate(passphrase: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """zxcvbn's score (0-4) and our feedback; `user_inputs` are the person's own words (their name)."""
    if len(passphrase) < MIN_LENGTH:
        return Strength(0, 0)
    result = _zxcvbn(passphrase[:MAX_CHECKED_LENGTH], (*user_inputs, *LOCAL_WORDS))
    score = int(result["score"])
    level = max(1, score)
    if level >= ACCEPTABLE_LEVEL:
        return Strength(level, score)
    return Strength(level, score, _feedback(result, user_inputs))


def _zxcvbn(text: str, inputs: tuple[str, ...]) -> dict[str, Any]:
    from zxcvbn import zxcvbn  # type: ignore[import-untyped,unused-ignore]

    words = [w.lower() for w in inputs for w in (w, *w.split()) if w.strip()]
    result: dict[str, Any] = zxcvbn(text, user_inputs=words)
    return result


def _feedback(result: dict[str, Any], user_inputs: tuple[str, ...]) -> tuple[str, ...]:
    said: list[str] = []
    if any(m.get("dictionary_name") == "user_inputs" for m in result.get("sequence", ())):
        said.append(LOCAL_WORD_FEEDBACK)
    raw = result.get("feedback") or {}
    for key in (raw.get("warning") or "", *(raw.get("suggestions") or ())):
        sentence = FEEDBACK.get(key, _GENERIC if key else "")
        if sentence and sentence not in said:
            said.append(sentence)
    return tuple(said[:3]) or (_GENERIC,)
