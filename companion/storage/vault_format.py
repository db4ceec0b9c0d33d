"""The vault container's bytes: build and parse the header, seal and open the body.

docs/vault-format.md describes this layout byte by byte (format versions 1 and 2; Companion writes 2).
Everything here is pure: bytes in, bytes out. Key slots are in key_slots, body encodings in body_encoding.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.domain.errors import DamagedVaultError, NewerVersionError, NotAVaultError
from companion.storage import body_encoding
from companion.storage.body_encoding import ENCODING_RAW, ENCODING_ZLIB, ENCODING_ZSTD, ENCODINGS_BY_VERSION
from companion.storage.kdf import KDF_ARGON2ID
from companion.storage.key_slots import (
    FIXED_LEN,
    MAGIC,
    SEALED_EXTRA_LEN,
    SLOT_PASSPHRASE,
    SLOT_RECOVERY,
    SLOT_RECOVERY_V1,
    KeySlot,
    extra_length_at,
    slot_from_bytes,
)

FORMAT_VERSION = 2
KNOWN_VERSIONS = (1, 2)
HIGHEST_PLAUSIBLE_VERSION = 255  # a higher version number is damage, not a newer Companion
MAX_SLOTS = 8
MAX_SLOT_EXTRA = 1024
_PREFIX = struct.Struct(">8sHBB16s")  # magic, version, body encoding, slot count, vault id
_TAIL = struct.Struct(">32s12sQQ")  # save seed, body nonce, save counter, body length
DIGEST_LEN = 32
TAG_LEN = 16
BODY_INFO = b"companion/vault/body/v1"
PREFIX_LEN = _PREFIX.size
SLOT_LEN = FIXED_LEN
TAIL_LEN = _TAIL.size
_EXTRA_FOR_KIND = {SLOT_PASSPHRASE: 0, SLOT_RECOVERY_V1: 0, SLOT_RECOVERY: SEALED_EXTRA_LEN}

__all__ = [
    "ENCODING_RAW",
    "ENCODING_ZLIB",
    "ENCODING_ZSTD",
    "MAGIC",
    "SLOT_PASSPHRASE",
    "SLOT_RECOVERY",
    "SLOT_RECOVERY_V1",
    "Header",
    "KeySlot",
]


@dataclass(frozen=True)
class Header:
    version: int
    encoding: int
    vault_id: bytes
    slots: tuple[KeySlot, ...]
    seed: bytes
    body_nonce: bytes
    counter: int
    body_length: int

    def slot(self, kind: int) -> KeySlot | None:
        """The first slot of `kind` (a file never has two; if it did, the first counts)."""
        return next((s for s in self.slots if s.kind == kind), None)

    def recovery_slot(self) -> KeySlot | None:
        return self.slot(SLOT_RECOVERY) or self.slot(SLOT_RECOVERY_V1)

    @property
    def length(self) -> int:
        return header_length(len(self.slots), sum(len(s.extra) for s in self.slots))


def header_length(slot_count: int, extra_bytes: int = 0) -> int:
    return PREFIX_LEN + SLOT_LEN * slot_count + extra_bytes + TAIL_LEN + DIGEST_LEN


def body_key(data_key: bytes, seed: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=seed, info=BODY_INFO).derive(data_key)


def seal(
    *,
    data_key: bytes,
    vault_id: bytes,
    slots: tuple[KeySlot, ...],
    image: bytes,
    counter: int,
    encoding: int = ENCODING_ZSTD,
) -> bytes:
    """The whole file in the newest format: header (fresh seed and nonce) followed by the encrypted image."""
    if not 1 <= len(slots) <= MAX_SLOTS:
        raise ValueError("a vault needs 1 to 8 key slots")
    if any(s.word is not None and s.word != 0 for s in slots):
        raise ValueError("a format-1 slot with reserved bytes set cannot be carried into format 2")
    plaintext = body_encoding.encode(image, encoding)
    seed, nonce = os.urandom(32), os.urandom(12)
    head = _PREFIX.pack(MAGIC, FORMAT_VERSION, encoding, len(slots), vault_id)
    head += b"".join(s.to_bytes() for s in slots)
    head += _TAIL.pack(seed, nonce, counter, len(plaintext) + TAG_LEN)
    head += hashlib.sha256(head).digest()
    return head + AESGCM(body_key(data_key, seed)).encrypt(nonce, plaintext, head)


def parse_header(blob: bytes) -> Header:
    """Read and check the header, cheaply, before any key derivation. Raises NotAVault, NewerVersion or
    DamagedVault (docs/vault-format.md, section 8, steps 1-8)."""
    if len(blob) < len(MAGIC) or blob[: len(MAGIC)] != MAGIC:
        if _near_magic(blob):
            raise DamagedVaultError()
        raise NotAVaultError(name="diary.vault")
    if len(blob) < PREFIX_LEN:
        raise DamagedVaultError()
    _magic, version, encoding, count, vault_id = _PREFIX.unpack_from(blob, 0)
    if version not in KNOWN_VERSIONS:
        if version == 0 or version > HIGHEST_PLAUSIBLE_VERSION or _known_version_damaged(blob):
            raise DamagedVaultError()
        raise NewerVersionError()
    if not 1 <= count <= MAX_SLOTS or encoding not in ENCODINGS_BY_VERSION[version]:
        raise DamagedVaultError()
    extras = _slot_extras(blob, version, count)
    if extras is None:
        raise DamagedVaultError()
    hlen = header_length(count, sum(extras))
    if len(blob) < hlen or hashlib.sha256(blob[: hlen - DIGEST_LEN]).digest() != blob[hlen - DIGEST_LEN : hlen]:
        raise DamagedVaultError()
    slots, offset = [], PREFIX_LEN
    for extra in extras:
        raw = blob[offset : offset + SLOT_LEN]
        slot = slot_from_bytes(raw, blob[offset + SLOT_LEN : offset + SLOT_LEN + extra], keep_word=version == 1)
        if slot.kind in _EXTRA_FOR_KIND and not _known_slot_sound(slot, version):
            raise DamagedVaultError()
        slots.append(slot)
        offset += SLOT_LEN + extra
    seed, body_nonce, counter, body_length = _TAIL.unpack_from(blob, offset)
    return Header(version, encoding, vault_id, tuple(slots), seed, body_nonce, counter, body_length)


def require_whole(blob: bytes, header: Header) -> None:
    """Step 9: the file is exactly the header and the body it announces (checked before any Argon2id)."""
    if header.body_length < TAG_LEN or len(blob) != header.length + header.body_length:
        raise DamagedVaultError()


def open_body(blob: bytes, header: Header, data_key: bytes) -> bytes:
    """Decrypt and decode the body; the whole header is bound in as associated data."""
    require_whole(blob, header)
    hlen = header.length
    try:
        plaintext = AESGCM(body_key(data_key, header.seed)).decrypt(header.body_nonce, blob[hlen:], blob[:hlen])
    except InvalidTag:
        raise DamagedVaultError() from None
    return body_encoding.decode(plaintext, header.encoding)


def _near_magic(blob: bytes) -> bool:
    """A file that starts like ours but not quite (one or two bytes changed, or cut short inside the
    magic) is a damaged diary, not somebody else's file."""
    if len(blob) < len(MAGIC):
        return len(blob) > 0 and MAGIC.startswith(blob)
    differing = sum(a != b for a, b in zip(blob[: len(MAGIC)], MAGIC, strict=True))
    return differing <= 2


def _known_version_damaged(blob: bytes) -> bool:
    """True when the file is a sound header of a version we know except for the version field itself:
    damage to those two bytes, not a file from a newer Companion."""
    for version in KNOWN_VERSIONS:
        patched = blob[:8] + struct.pack(">H", version) + blob[10:]
        count = patched[11] if len(patched) > 11 else 0
        extras = _slot_extras(patched, version, count) if 1 <= count <= MAX_SLOTS else None
        if extras is None:
            continue
        hlen = header_length(count, sum(extras))
        if (
            len(patched) >= hlen
            and hashlib.sha256(patched[: hlen - DIGEST_LEN]).digest() == patched[hlen - DIGEST_LEN : hlen]
        ):
            return True
    return False


def _slot_extras(blob: bytes, version: int, count: int) -> list[int] | None:
    """Each slot's extra bytes (always 0 in format 1), or None when they cannot fit the file."""
    extras, offset = [], PREFIX_LEN
    for _ in range(count):
        if len(blob) < offset + SLOT_LEN:
            return None
        extra = extra_length_at(blob, offset) if version >= 2 else 0
        if extra > MAX_SLOT_EXTRA:
            return None
        extras.append(extra)
        offset += SLOT_LEN + extra
    return extras


def _known_slot_sound(slot: KeySlot, version: int) -> bool:
    if slot.kdf_id != KDF_ARGON2ID or not slot.params.within_read_limits():
        return False
    if version == 1:
        return slot.kind != SLOT_RECOVERY and slot.word == 0
    return len(slot.extra) == _EXTRA_FOR_KIND[slot.kind]
