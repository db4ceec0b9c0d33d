"""Write a format-1 vault (zlib body, symmetric recovery slot) from docs/vault-format.md alone.

Companion now writes format 2; these files stand for diaries older Companions wrote, so the tests can
check that they still open, re-key and upgrade. Nothing here imports companion.storage.
"""

from __future__ import annotations

import hashlib
import os
import struct
import unicodedata
import zlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = bytes.fromhex("89434d500d0a1a0a")
CHEAP = (1, 1, 64)  # iterations, lanes, memory KiB


def _slot(kind: int, secret: bytes, data_key: bytes, vault_id: bytes, reserved: int = 0) -> bytes:
    t, p, m = CHEAP
    salt, nonce = os.urandom(16), os.urandom(12)
    head = struct.pack(">BBHIII", kind, 1, reserved, t, p, m) + salt + nonce
    kek = Argon2id(salt=salt, length=32, iterations=t, lanes=p, memory_cost=m).derive(secret)
    return head + AESGCM(kek).encrypt(nonce, data_key, MAGIC + b"\x00\x01" + vault_id + head)


def seal_format1(
    image: bytes,
    *,
    passphrase: str,
    recovery_raw: bytes,
    data_key: bytes | None = None,
    vault_id: bytes | None = None,
    counter: int = 1,
    extra_slots: tuple[bytes, ...] = (),
) -> bytes:
    """A whole format-1 file: slots 1 (passphrase) and 2 (recovery), then `extra_slots` (92 bytes each)."""
    data_key = data_key or os.urandom(32)
    vault_id = vault_id or os.urandom(16)
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    slots = [_slot(1, secret, data_key, vault_id), _slot(2, recovery_raw, data_key, vault_id), *extra_slots]
    body = zlib.compress(image, 6)
    seed, nonce = os.urandom(32), os.urandom(12)
    head = MAGIC + struct.pack(">HBB", 1, 1, len(slots)) + vault_id + b"".join(slots)
    head += seed + nonce + struct.pack(">QQ", counter, len(body) + 16)
    head += hashlib.sha256(head).digest()
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=seed, info=b"companion/vault/body/v1").derive(data_key)
    return head + AESGCM(key).encrypt(nonce, body, head)
