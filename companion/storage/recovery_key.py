"""The recovery key: 160 random bits shown once as eight groups of four letters and digits."""

from __future__ import annotations

import base64
import os

from companion.domain.errors import ValidationError
from companion.i18n import N_

KEY_BYTES = 20
GROUP = 4
_KEY_SHAPE = N_(
    "A recovery key has 32 letters and numbers in eight groups, such as ABCD-EFGH-… Check it and try again."
)
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_key() -> tuple[bytes, str]:
    raw = os.urandom(KEY_BYTES)
    return raw, format_key(raw)


def format_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_key(typed: str) -> bytes:
    """Accept the key however it was copied: any case, spaces or dashes, 0/O and 1/I confused."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != 32:
        raise ValidationError(_KEY_SHAPE)
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        raise ValidationError(_KEY_SHAPE) from None
    return raw
