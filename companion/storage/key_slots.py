"""Key slots: the data key wrapped under a passphrase, or sealed to the recovery key's public key.

Kind 1 (passphrase) and kind 2 (recovery, format version 1) wrap the data key with AES-256-GCM under an
Argon2id key. Kind 3 (recovery, format version 2) seals it to an X25519 public key whose private key is
Argon2id of the recovery key: a new data key can be sealed to it without knowing the recovery key, so a
passphrase change rotates the data key and the recovery key keeps working. docs/vault-format.md, section 3.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.domain.errors import DamagedVaultError
from companion.storage.kdf import KDF_ARGON2ID, KdfParams, derive_key

MAGIC = b"\x89CMP\r\n\x1a\n"
SLOT_PASSPHRASE = 1
SLOT_RECOVERY_V1 = 2
SLOT_RECOVERY = 3
KNOWN_KINDS = (SLOT_PASSPHRASE, SLOT_RECOVERY_V1, SLOT_RECOVERY)
SEALED_EXTRA_LEN = 64  # the recipient's and the ephemeral X25519 public keys
SLOT_AAD_VERSION = b"\x00\x01"  # the slot layout's version, the same in every format version
SEAL_INFO = b"companion/vault/recovery-seal/v2"
_HEAD = struct.Struct(">BBHIII16s12s")  # kind, kdf, extra length, iterations, lanes, memory, salt, nonce
HEAD_LEN = _HEAD.size  # 44
WRAPPED_LEN = 48
FIXED_LEN = HEAD_LEN + WRAPPED_LEN  # 92


@dataclass(frozen=True)
class KeySlot:
    kind: int
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes
    extra: bytes = b""
    kdf_id: int = KDF_ARGON2ID
    word: int | None = None  # bytes 2-3 as read (format 1: reserved); None: the extra length

    def head_bytes(self) -> bytes:
        word = len(self.extra) if self.word is None else self.word
        p = self.params
        return _HEAD.pack(self.kind, self.kdf_id, word, p.iterations, p.lanes, p.memory_kib, self.salt, self.nonce)

    def to_bytes(self) -> bytes:
        return self.head_bytes() + self.wrapped_key + self.extra

    def aad(self, vault_id: bytes) -> bytes:
        """magic || 00 01 || vault id || every byte of the slot except the wrapped key."""
        return MAGIC + SLOT_AAD_VERSION + vault_id + self.head_bytes() + self.extra

    @property
    def recipient(self) -> bytes:
        return self.extra[:32]


def slot_from_bytes(raw: bytes, extra: bytes, *, keep_word: bool) -> KeySlot:
    kind, kdf_id, word, iterations, lanes, memory, salt, nonce = _HEAD.unpack_from(raw, 0)
    return KeySlot(
        kind,
        KdfParams(iterations, lanes, memory),
        salt,
        nonce,
        bytes(raw[HEAD_LEN:FIXED_LEN]),
        bytes(extra),
        kdf_id,
        word if keep_word else None,
    )


def extra_length_at(blob: bytes, offset: int) -> int:
    return int(struct.unpack_from(">H", blob, offset + 2)[0])


def make_passphrase_slot(secret: bytes, data_key: bytes, params: KdfParams, vault_id: bytes) -> KeySlot:
    """Wrap the data key under Argon2id(secret); the slot's own fields are bound as associated data."""
    salt, nonce = os.urandom(16), os.urandom(12)
    placeholder = KeySlot(SLOT_PASSPHRASE, params, salt, nonce, bytes(WRAPPED_LEN))
    kek = derive_key(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, placeholder.aad(vault_id))
    return KeySlot(SLOT_PASSPHRASE, params, salt, nonce, wrapped)


def unwrap_slot(slot: KeySlot, secret: bytes, vault_id: bytes) -> bytes | None:
    """The data key, or None when `secret` is not the one this slot was made with."""
    kek = derive_key(secret, slot.salt, slot.params)
    if slot.kind == SLOT_RECOVERY:
        return _open_sealed(slot, kek, vault_id)
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped_key, slot.aad(vault_id))
    except InvalidTag:
        return None


def recovery_public_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return X25519PrivateKey.from_private_bytes(derive_key(secret, salt, params)).public_key().public_bytes_raw()


def make_recovery_slot(secret: bytes, data_key: bytes, params: KdfParams, vault_id: bytes) -> KeySlot:
    """A new kind-3 slot: derive the recovery key pair (one Argon2id run), then seal the data key to it."""
    salt = os.urandom(16)
    return seal_recovery(recovery_public_key(secret, salt, params), salt, params, data_key, vault_id)


def seal_recovery(recipient: bytes, salt: bytes, params: KdfParams, data_key: bytes, vault_id: bytes) -> KeySlot:
    """Seal `data_key` to the recovery public key `recipient` (no Argon2id: the recovery key is not needed)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    nonce = os.urandom(12)
    slot = KeySlot(SLOT_RECOVERY, params, salt, nonce, bytes(WRAPPED_LEN), recipient + ephemeral_public)
    wrapped = AESGCM(_seal_key(shared, ephemeral_public, recipient)).encrypt(nonce, data_key, slot.aad(vault_id))
    return KeySlot(SLOT_RECOVERY, params, salt, nonce, wrapped, slot.extra)


def reseal_recovery(slot: KeySlot, data_key: bytes, vault_id: bytes) -> KeySlot:
    return seal_recovery(slot.recipient, slot.salt, slot.params, data_key, vault_id)


def _seal_key(shared: bytes, ephemeral_public: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient, info=SEAL_INFO).derive(shared)


def _open_sealed(slot: KeySlot, private_bytes: bytes, vault_id: bytes) -> bytes | None:
    private = X25519PrivateKey.from_private_bytes(private_bytes)
    if private.public_key().public_bytes_raw() != slot.recipient:
        return None  # another recovery key
    ephemeral_public = slot.extra[32:64]
    try:  # the right recovery key: a failure now means the slot was changed (its digest recomputed)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _seal_key(shared, ephemeral_public, slot.recipient)
        return AESGCM(key).decrypt(slot.nonce, slot.wrapped_key, slot.aad(vault_id))
    except (InvalidTag, ValueError):  # ValueError: a low-order point gives an all-zero shared secret
        raise DamagedVaultError() from None
