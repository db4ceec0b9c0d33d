"""The recovery key: 160 random bits shown once as eight groups of four letters and digits."""

from __future__ import annotations

import base64
import os
import string

from companion.domain.errors import RecoveryKeyShapeError
from companion.i18n import N_

KEY_BYTES = 20
GROUP = 4
_KEY_SHAPE = N_(
    "A recovery key has 32 letters and numbers in eight groups, such as ABCD-EFGH-… Check it and try again."
)
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})
_ASCII_LETTERS_AND_DIGITS = frozenset(string.ascii_letters + string.digits)


def new_recovery_key() -> tuple[bytes, str]:
    raw = os.urandom(KEY_BYTES)
    return raw, format_key(raw)


def format_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_key(typed: str) -> bytes:
    """Accept the key however it was copied: any case, spaces or dashes, 0/O and 1/I confused.

    Only ASCII letters and digits count (docs/vault-format.md, section 7): anything else is dropped before
    upper-casing, so no other script's letters or digits can stand in for one."""
    kept = "".join(ch for ch in typed if ch in _ASCII_LETTERS_AND_DIGITS)
    cleaned = kept.upper().translate(_CONFUSABLE)
    if len(cleaned) != 32:
        raise RecoveryKeyShapeError(_KEY_SHAPE)
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise RecoveryKeyShapeError(_KEY_SHAPE) from None
    return raw
