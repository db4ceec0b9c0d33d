"""A reader written only from docs/vault-format.md opens vaults that Companion wrote.

Nothing here imports companion.storage.vault_format or companion.storage.vault: if the document and the
code disagree, this test fails. It also checks the document's worked example and runs its sample reader.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sqlite3
import struct
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams
from tests.conftest import HEAD_REVISION

DOC = Path(__file__).resolve().parents[2] / "docs" / "vault-format.md"

# --- the reader, from the document alone ------------------------------------------------------------------

MAGIC = bytes.fromhex("89434d500d0a1a0a")
PREFIX_LEN, SLOT_LEN, TAIL_LEN, DIGEST_LEN = 28, 92, 60, 32
KIND_PASSPHRASE, KIND_RECOVERY_V1, KIND_RECOVERY = 1, 2, 3
BODY_INFO = b"companion/vault/body/v1"
SEAL_INFO = b"companion/vault/recovery-seal/v2"
ENCODINGS = {1: (0, 1), 2: (0, 1, 2)}
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "vaults"
FIXTURE_PASSPHRASE = "hen wlad fy nhadau ŵŷ 🙂"  # tests/fixtures/make_fixture_vaults.py
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class ReaderError(Exception):
    """What the independent reader concludes about a file."""


class NotCompanion(ReaderError):
    pass


class Newer(ReaderError):
    pass


class Damaged(ReaderError):
    pass


class WrongSecret(ReaderError):
    pass


@dataclass
class Slot:
    kind: int
    kdf: int
    iterations: int
    lanes: int
    memory_kib: int
    salt: bytes
    nonce: bytes
    wrapped: bytes
    aad_part: bytes  # the slot's bytes without the wrapped key: the first 44 and the extra bytes
    extra: bytes


@dataclass
class Parsed:
    version: int
    encoding: int
    vault_id: bytes
    slots: list[Slot]
    seed: bytes
    body_nonce: bytes
    counter: int
    body_length: int
    header_len: int


def _slot_extras(blob: bytes, version: int, count: int) -> list[int] | None:
    extras, at = [], PREFIX_LEN
    for _ in range(count):
        if len(blob) < at + SLOT_LEN:
            return None
        extra = struct.unpack(">H", blob[at + 2 : at + 4])[0] if version == 2 else 0
        if extra > 1024:
            return None
        extras.append(extra)
        at += SLOT_LEN + extra
    return extras


def _header_sound(blob: bytes, version: int) -> bool:
    """Section 8, step 3: does the header check out as `version` (its version bytes put back)?"""
    patched = blob[:8] + struct.pack(">H", version) + blob[10:]
    count = patched[11] if len(patched) > 11 else 0
    extras = _slot_extras(patched, version, count) if 1 <= count <= 8 else None
    if extras is None:
        return False
    h = PREFIX_LEN + SLOT_LEN * count + sum(extras) + TAIL_LEN + DIGEST_LEN
    return len(patched) >= h and hashlib.sha256(patched[: h - DIGEST_LEN]).digest() == patched[h - DIGEST_LEN : h]


def parse(blob: bytes) -> Parsed:
    if len(blob) < 8 or blob[:8] != MAGIC:
        near = 0 < len(blob) < 8 and MAGIC.startswith(blob)
        if near or (len(blob) >= 8 and sum(a != b for a, b in zip(blob[:8], MAGIC, strict=True)) <= 2):
            raise Damaged("near miss of the magic")
        raise NotCompanion()
    if len(blob) < PREFIX_LEN:
        raise Damaged("prefix")
    (version,) = struct.unpack(">H", blob[8:10])
    if version not in (1, 2):
        if version == 0 or version > 255 or _header_sound(blob, 1) or _header_sound(blob, 2):
            raise Damaged("version field")
        raise Newer()
    encoding, count = blob[10], blob[11]
    if not 1 <= count <= 8 or encoding not in ENCODINGS[version]:
        raise Damaged("prefix fields")
    extras = _slot_extras(blob, version, count)
    if extras is None:
        raise Damaged("slots do not fit")
    header_len = PREFIX_LEN + SLOT_LEN * count + sum(extras) + TAIL_LEN + DIGEST_LEN
    if len(blob) < header_len:
        raise Damaged("short header")
    if hashlib.sha256(blob[: header_len - DIGEST_LEN]).digest() != blob[header_len - DIGEST_LEN : header_len]:
        raise Damaged("digest")
    slots, at = [], PREFIX_LEN
    for extra_len in extras:
        raw = blob[at : at + SLOT_LEN]
        extra = blob[at + SLOT_LEN : at + SLOT_LEN + extra_len]
        kind, kdf, word, t, p, m = struct.unpack(">BBHIII", raw[:16])
        if kind in (KIND_PASSPHRASE, KIND_RECOVERY_V1, KIND_RECOVERY):
            bounds = 1 <= t <= 256 and 1 <= p <= 16 and 8 * p <= m <= 1024 * 1024 and m * t <= 16 * 1024 * 1024
            right_extra = (word == 0) if version == 1 else (extra_len == (64 if kind == KIND_RECOVERY else 0))
            if kdf != 1 or not bounds or not right_extra or (version == 1 and kind == KIND_RECOVERY):
                raise Damaged("slot parameters")
        slots.append(Slot(kind, kdf, t, p, m, raw[16:32], raw[32:44], raw[44:92], raw[:44] + extra, extra))
        at += SLOT_LEN + extra_len
    seed = blob[at : at + 32]
    body_nonce = blob[at + 32 : at + 44]
    counter, body_length = struct.unpack(">QQ", blob[at + 44 : at + 60])
    if body_length < 16 or len(blob) != header_len + body_length:
        raise Damaged("length")  # step 9, before any key derivation
    return Parsed(version, encoding, blob[12:28], slots, seed, body_nonce, counter, body_length, header_len)


def recovery_secret(text: str) -> bytes:
    ascii_alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    cleaned = "".join(c for c in text if c in ascii_alnum).upper()
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != 32 or any(c not in BASE32 for c in cleaned):
        raise WrongSecret("mistyped recovery key")
    # base32 by hand (RFC 4648), 32 characters -> 160 bits -> 20 bytes
    bits = "".join(format(BASE32.index(c), "05b") for c in cleaned)
    return int(bits, 2).to_bytes(20, "big")


def unwrap(blob: bytes, parsed: Parsed, kind: int, secret: bytes) -> bytes:
    kinds = (KIND_RECOVERY, KIND_RECOVERY_V1) if kind == KIND_RECOVERY else (kind,)
    slot = next((s for k in kinds for s in parsed.slots if s.kind == k), None)
    if slot is None:
        raise Damaged("no slot")
    kek = Argon2id(
        salt=slot.salt, length=32, iterations=slot.iterations, lanes=slot.lanes, memory_cost=slot.memory_kib
    ).derive(secret)
    aad = MAGIC + b"\x00\x01" + blob[12:28] + slot.aad_part
    if slot.kind == KIND_RECOVERY:
        private = X25519PrivateKey.from_private_bytes(kek)
        recipient, ephemeral = slot.extra[:32], slot.extra[32:64]
        if private.public_key().public_bytes_raw() != recipient:
            raise WrongSecret()
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        kek = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=SEAL_INFO).derive(shared)
    try:
        return AESGCM(kek).decrypt(slot.nonce, slot.wrapped, aad)
    except InvalidTag:
        if slot.kind == KIND_RECOVERY:
            raise Damaged("sealed slot") from None
        raise WrongSecret() from None


def decrypt_image(blob: bytes, parsed: Parsed, data_key: bytes) -> bytes:
    h = parsed.header_len
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=parsed.seed, info=BODY_INFO).derive(data_key)
    try:
        plain = AESGCM(key).decrypt(parsed.body_nonce, blob[h:], blob[:h])
    except InvalidTag:
        raise Damaged("body") from None
    if parsed.encoding == 1:
        inflater = zlib.decompressobj()
        try:
            image = inflater.decompress(plain) + inflater.flush()
        except zlib.error:
            raise Damaged("zlib") from None
        if not inflater.eof or inflater.unused_data:
            raise Damaged("bytes after the zlib stream")
        return image
    if parsed.encoding == 2:
        return zstd_frame(plain)
    return plain


def zstd_frame(plain: bytes) -> bytes:
    """Exactly one zstd frame (RFC 8878) and nothing after it."""
    try:
        from compression import zstd  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from backports import zstd  # type: ignore[import-not-found,unused-ignore,no-redef]
    decompressor = zstd.ZstdDecompressor()
    try:
        image = decompressor.decompress(plain)
    except zstd.ZstdError:
        raise Damaged("zstd") from None
    if not decompressor.eof or decompressor.unused_data:
        raise Damaged("bytes after the zstd frame")
    return bytes(image)


def read(blob: bytes, *, passphrase: str | None = None, recovery_key: str | None = None) -> sqlite3.Connection:
    parsed = parse(blob)
    if recovery_key is not None:
        data_key = unwrap(blob, parsed, KIND_RECOVERY, recovery_secret(recovery_key))
    else:
        secret = unicodedata.normalize("NFC", passphrase or "").encode("utf-8")
        data_key = unwrap(blob, parsed, KIND_PASSPHRASE, secret)
    image = decrypt_image(blob, parsed, data_key)
    assert image.startswith(b"SQLite format 3\x00")
    db = sqlite3.connect(":memory:")
    db.deserialize(image)
    return db


def notes(db: sqlite3.Connection) -> list[str]:
    return [row[0] for row in db.execute("SELECT note FROM pain_entries ORDER BY recorded_at_utc")]


# --- vaults made by the app ----------------------------------------------------------------------------------

PASSPHRASE = "Ŵyn bach ar ŷd y mynydd"
NOTES = ["Poen ŵ ŷ yn y cefn 🙂", "Gwell heddiw, ŵyr ac ŷd 🌧️"]


@pytest.fixture
def app_vault(vault_path: Path, cheap_kdf: KdfParams) -> tuple[Path, str]:
    session, recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    try:
        for score, note in zip((6, 3), NOTES, strict=True):
            session.diary.record_pain(score, note)
    finally:
        session.close()
    return vault_path, recovery


def test_reads_app_vault_with_passphrase(app_vault: tuple[Path, str]) -> None:
    path, _ = app_vault
    blob = path.read_bytes()
    parsed = parse(blob)
    assert parsed.version == 2
    assert parsed.encoding == 2  # zstd
    assert {s.kind for s in parsed.slots} == {KIND_PASSPHRASE, KIND_RECOVERY}
    assert parsed.header_len == 368
    assert parsed.counter == 3  # created, then two entries
    db = read(blob, passphrase=PASSPHRASE)
    assert sorted(notes(db)) == sorted(NOTES)
    assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD_REVISION,)]


def test_passphrase_is_nfc_normalised(app_vault: tuple[Path, str]) -> None:
    path, _ = app_vault
    decomposed = unicodedata.normalize("NFD", PASSPHRASE)
    assert decomposed != PASSPHRASE
    assert sorted(notes(read(path.read_bytes(), passphrase=decomposed))) == sorted(NOTES)


def test_reads_app_vault_with_recovery_key(app_vault: tuple[Path, str]) -> None:
    path, recovery = app_vault
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}", recovery)
    blob = path.read_bytes()
    assert sorted(notes(read(blob, recovery_key=recovery))) == sorted(NOTES)
    # as the document says: any case, spaces instead of dashes
    assert sorted(notes(read(blob, recovery_key=recovery.lower().replace("-", " ")))) == sorted(NOTES)


def test_reader_refuses_wrong_secrets(app_vault: tuple[Path, str]) -> None:
    path, recovery = app_vault
    blob = path.read_bytes()
    with pytest.raises(WrongSecret):
        read(blob, passphrase=PASSPHRASE + "!")
    other = "A" * 32 if recovery.replace("-", "") != "A" * 32 else "B" * 32
    with pytest.raises(WrongSecret):
        read(blob, recovery_key=other)


def test_reader_agrees_on_damage(app_vault: tuple[Path, str]) -> None:
    path, _ = app_vault
    blob = bytearray(path.read_bytes())
    body = bytearray(blob)
    body[-5] ^= 0x01
    with pytest.raises(Damaged):
        read(bytes(body), passphrase=PASSPHRASE)
    head = bytearray(blob)
    head[50] ^= 0x01  # inside slot 0's salt
    with pytest.raises(Damaged):
        read(bytes(head), passphrase=PASSPHRASE)
    newer = bytearray(blob)
    newer[8:10] = b"\x00\x03"
    with pytest.raises(Damaged):  # only the version changed: damage
        read(bytes(newer), passphrase=PASSPHRASE)
    h = parse(blob).header_len
    newer[h - 32 : h] = hashlib.sha256(bytes(newer[: h - 32])).digest()
    with pytest.raises(Newer):  # a newer Companion's file has its own digest
        read(bytes(newer), passphrase=PASSPHRASE)
    magic = bytearray(blob)
    magic[2] ^= 0x04
    with pytest.raises(Damaged):
        read(bytes(magic), passphrase=PASSPHRASE)
    with pytest.raises(Damaged):
        read(blob + b"\x00", passphrase=PASSPHRASE)
    with pytest.raises(NotCompanion):
        read(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), passphrase=PASSPHRASE)


def test_app_writes_fresh_seed_and_nonce_each_save(app_vault: tuple[Path, str], cheap_kdf: KdfParams) -> None:
    path, _ = app_vault
    before = parse(path.read_bytes())
    session = DiarySession.open(path, passphrase=PASSPHRASE)
    try:
        session.diary.record_pain(2, "one more")
    finally:
        session.close()
    after = parse(path.read_bytes())
    assert after.counter == before.counter + 1
    assert after.seed != before.seed
    assert after.body_nonce != before.body_nonce
    assert after.vault_id == before.vault_id
    assert [s.wrapped for s in after.slots] == [s.wrapped for s in before.slots]  # same data key, same slots


# --- the document's own worked example ---------------------------------------------------------------------


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _doc_example() -> bytes:
    match = re.search(r"```base64\n(.*?)```", _doc(), re.S)
    assert match, "the worked example's base64 block is missing from docs/vault-format.md"
    return base64.b64decode(match.group(1))


def _doc_value(label: str) -> str:
    match = re.search(r"^\| " + re.escape(label) + r"[^|]*\| `([0-9a-f]+)` \|", _doc(), re.M)
    assert match, label
    return match.group(1)


def test_worked_example_in_the_document() -> None:
    blob = _doc_example()
    assert len(blob) == 1115
    parsed = parse(blob)
    assert parsed.header_len == 304 and parsed.body_length == 811 and parsed.counter == 2
    # the hexdump in the document is this file's header
    dump = re.search(r"xxd -g1 -l 304 diary.vault`:\n\n```\n(.*?)```", _doc(), re.S)
    assert dump
    hex_bytes = "".join(line[10:57] for line in dump.group(1).splitlines()).replace(" ", "")
    assert bytes.fromhex(hex_bytes) == blob[:304]
    data_key = bytes.fromhex(_doc_value("data key"))
    assert unwrap(blob, parsed, KIND_PASSPHRASE, b"correct horse battery staple") == data_key
    recovery = "G6XW-KI2Y-SGR6-7Q6A-XYLM-UK5G-2X3J-GXBE"
    assert recovery_secret(recovery).hex() == _doc_value("recovery key raw bytes")
    assert unwrap(blob, parsed, KIND_RECOVERY, recovery_secret(recovery)) == data_key
    body_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=parsed.seed, info=BODY_INFO).derive(data_key)
    assert body_key.hex() == _doc_value("body key")
    db = read(blob, passphrase="correct horse battery staple")
    assert notes(db) == ["Bore da ŵ ŷ 🙂"]


def test_sample_reader_in_the_document_works() -> None:
    match = re.search(r"```python\n(.*?)```", _doc(), re.S)
    assert match
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "docs/vault-format.md", "exec"), namespace)
    read_vault = namespace["read_vault"]
    assert callable(read_vault)
    db = read_vault(_doc_example(), "correct horse battery staple")
    assert notes(db) == ["Bore da ŵ ŷ 🙂"]


def test_sample_reader_reads_app_vault(app_vault: tuple[Path, str]) -> None:
    match = re.search(r"```python\n(.*?)```", _doc(), re.S)
    assert match
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "docs/vault-format.md", "exec"), namespace)
    read_vault = namespace["read_vault"]
    assert callable(read_vault)
    path, _ = app_vault
    assert sorted(notes(read_vault(path.read_bytes(), PASSPHRASE))) == sorted(NOTES)


# --- every kind of file Companion has written ------------------------------------------------------------


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.vault")))
def test_reads_every_fixture_vault(fixture: str) -> None:
    """The committed fixtures stand for files older Companions wrote (format 1, zlib) and the newest."""
    blob = (FIXTURES / fixture).read_bytes()
    parsed = parse(blob)
    db = read(blob, passphrase=FIXTURE_PASSPHRASE)
    revision = db.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert fixture.startswith(f"schema-{revision}")
    assert db.execute("SELECT count(*) FROM pain_entries").fetchone()[0] >= 1
    assert (parsed.version, parsed.encoding) in ((1, 1), (2, 2))  # format 1 wrote zlib, format 2 writes zstd
    if fixture.endswith("-format2.vault"):
        assert parsed.version == 2


def test_the_fixtures_include_both_formats() -> None:
    versions = {parse((FIXTURES / f"schema-000{n}.vault").read_bytes()).version for n in range(1, 6)}
    assert versions == {1}  # written by Companion before format 2, kept as they were
    assert parse(next(FIXTURES.glob("*-format2.vault")).read_bytes()).version == 2


def test_reads_after_a_passphrase_change_with_the_same_recovery_key(app_vault: tuple[Path, str]) -> None:
    path, recovery = app_vault
    old_blob = path.read_bytes()
    session = DiarySession.open(path, passphrase=PASSPHRASE)
    try:
        assert session.store.change_passphrase("a new passphrase for the reader", KdfParams(1, 1, 64)) is None
        session.diary.record_pain(1, "after the change")
    finally:
        session.close()
    blob = path.read_bytes()
    assert "after the change" in notes(read(blob, recovery_key=recovery))
    assert "after the change" in notes(read(blob, passphrase="a new passphrase for the reader"))
    old_key = unwrap(old_blob, parse(old_blob), KIND_PASSPHRASE, PASSPHRASE.encode())
    with pytest.raises(Damaged):  # the old data key does not decrypt the new body
        decrypt_image(blob, parse(blob), old_key)


def test_skips_a_slot_kind_it_does_not_know(app_vault: tuple[Path, str]) -> None:
    from companion.storage import key_slots, vault_format
    from companion.storage.vault import unlock_blob

    path, recovery = app_vault
    header, data_key, image = unlock_blob(path.read_bytes(), passphrase=PASSPHRASE)
    future = key_slots.KeySlot(99, KdfParams(0, 0, 0), bytes(16), bytes(12), bytes(48), b"x" * 33, kdf_id=5)
    blob = vault_format.seal(
        data_key=data_key, vault_id=header.vault_id, slots=(future, *header.slots), image=image, counter=9
    )
    assert sorted(notes(read(blob, passphrase=PASSPHRASE))) == sorted(NOTES)
    assert sorted(notes(read(blob, recovery_key=recovery))) == sorted(NOTES)
