"""The vault container's bytes: build and parse the header, wrap keys, seal and open the body.

docs/vault-format.md describes this layout byte by byte. Everything here is pure: bytes in, bytes out.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.domain.errors import DamagedVaultError, NewerVersionError, NotAVaultError
from companion.storage.kdf import KDF_ARGON2ID, KdfParams, derive_key

MAGIC = b"\x89CMP\r\n\x1a\n"
FORMAT_VERSION = 1
ENCODING_RAW = 0
ENCODING_ZLIB = 1
SLOT_PASSPHRASE = 1
SLOT_RECOVERY = 2
MAX_SLOTS = 8

_PREFIX = struct.Struct(">8sHBB16s")  # magic, version, body encoding, slot count, vault id
_SLOT = struct.Struct(">BBHIII16s12s48s")  # kind, kdf, reserved, iterations, lanes, memory, salt, nonce, wrapped
_SLOT_AAD_LEN = 44  # the slot's bytes before the wrapped key
_TAIL = struct.Struct(">32s12sQQ")  # save seed, body nonce, save counter, body length
DIGEST_LEN = 32
BODY_INFO = b"companion/vault/body/v1"
PREFIX_LEN = _PREFIX.size
SLOT_LEN = _SLOT.size
TAIL_LEN = _TAIL.size


@dataclass(frozen=True)
class KeySlot:
    kind: int
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    def head_bytes(self) -> bytes:
        return _SLOT.pack(
            self.kind,
            KDF_ARGON2ID,
            0,
            self.params.iterations,
            self.params.lanes,
            self.params.memory_kib,
            self.salt,
            self.nonce,
            self.wrapped_key,
        )


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
        return next((s for s in self.slots if s.kind == kind), None)

    @property
    def length(self) -> int:
        return header_length(len(self.slots))


def header_length(slot_count: int) -> int:
    return PREFIX_LEN + SLOT_LEN * slot_count + TAIL_LEN + DIGEST_LEN


def _slot_aad(vault_id: bytes, head: bytes) -> bytes:
    return MAGIC + struct.pack(">H", FORMAT_VERSION) + vault_id + head[:_SLOT_AAD_LEN]


def make_slot(kind: int, secret: bytes, data_key: bytes, params: KdfParams, vault_id: bytes) -> KeySlot:
    """Wrap the data key under a key derived from `secret`; the slot's own fields are bound as AAD."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    placeholder = KeySlot(kind, params, salt, nonce, b"\x00" * 48)
    kek = derive_key(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _slot_aad(vault_id, placeholder.head_bytes()))
    return KeySlot(kind, params, salt, nonce, wrapped)


def unwrap_slot(slot: KeySlot, secret: bytes, vault_id: bytes) -> bytes | None:
    """The data key, or None when `secret` is not the one this slot was made with."""
    kek = derive_key(secret, slot.salt, slot.params)
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, _slot_aad(vault_id, slot.head_bytes()))
    except InvalidTag:
        return None


def body_key(data_key: bytes, seed: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=seed, info=BODY_INFO).derive(data_key)


def seal(
    *,
    data_key: bytes,
    vault_id: bytes,
    slots: tuple[KeySlot, ...],
    image: bytes,
    counter: int,
    compress: bool = True,
) -> bytes:
    """The whole file: header (with a fresh seed and nonce) followed by the encrypted image."""
    if not 1 <= len(slots) <= MAX_SLOTS:
        raise ValueError("a vault needs 1 to 8 key slots")
    encoding = ENCODING_ZLIB if compress else ENCODING_RAW
    plaintext = zlib.compress(image, 6) if compress else image
    seed = os.urandom(32)
    nonce = os.urandom(12)
    body_len = len(plaintext) + 16
    head = _PREFIX.pack(MAGIC, FORMAT_VERSION, encoding, len(slots), vault_id)
    head += b"".join(s.head_bytes() for s in slots)
    head += _TAIL.pack(seed, nonce, counter, body_len)
    head += hashlib.sha256(head).digest()
    body = AESGCM(body_key(data_key, seed)).encrypt(nonce, plaintext, head)
    return head + body


def parse_header(blob: bytes) -> Header:
    """Read and check the header. Raises NotAVault, NewerVersion or DamagedVault."""
    if len(blob) < len(MAGIC) or blob[: len(MAGIC)] != MAGIC:
        raise NotAVaultError(name="diary.vault")
    if len(blob) < PREFIX_LEN:
        raise DamagedVaultError()
    _magic, version, encoding, count, vault_id = _PREFIX.unpack_from(blob, 0)
    if version > FORMAT_VERSION:
        raise NewerVersionError()
    if version < 1 or not 1 <= count <= MAX_SLOTS or encoding not in (ENCODING_RAW, ENCODING_ZLIB):
        raise DamagedVaultError()
    hlen = header_length(count)
    if len(blob) < hlen:
        raise DamagedVaultError()
    digest_at = hlen - DIGEST_LEN
    if hashlib.sha256(blob[:digest_at]).digest() != blob[digest_at:hlen]:
        raise DamagedVaultError()
    slots = []
    offset = PREFIX_LEN
    for _ in range(count):
        kind, kdf_id, _res, iters, lanes, mem, salt, nonce, wrapped = _SLOT.unpack_from(blob, offset)
        params = KdfParams(iters, lanes, mem)
        if kdf_id != KDF_ARGON2ID or not params.within_read_limits():
            raise DamagedVaultError()
        slots.append(KeySlot(kind, params, salt, nonce, wrapped))
        offset += SLOT_LEN
    seed, body_nonce, counter, body_length = _TAIL.unpack_from(blob, offset)
    return Header(version, encoding, vault_id, tuple(slots), seed, body_nonce, counter, body_length)


def open_body(blob: bytes, header: Header, data_key: bytes) -> bytes:
    """Decrypt and check the body; the whole header is bound in as associated data."""
    hlen = header.length
    if len(blob) != hlen + header.body_length or header.body_length < 16:
        raise DamagedVaultError()
    try:
        plaintext = AESGCM(body_key(data_key, header.seed)).decrypt(
            header.body_nonce, blob[hlen:], blob[:hlen]
        )
    except InvalidTag:
        raise DamagedVaultError() from None
    if header.encoding == ENCODING_ZLIB:
        try:
            return zlib.decompress(plaintext)
        except zlib.error:
            raise DamagedVaultError() from None
    return plaintext
