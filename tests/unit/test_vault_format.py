"""The container's bytes: seal, parse and open round trips, the layout, and fuzzing of the parsers."""

from __future__ import annotations

import contextlib
import hashlib
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from companion.domain.errors import CompanionError, DamagedVaultError, NewerVersionError, NotAVaultError
from companion.storage import body_encoding
from companion.storage import key_slots as ks
from companion.storage import vault_format as fmt
from companion.storage.kdf import (
    DEFAULT_LANES,
    DEFAULT_MEMORY_KIB,
    MIN_ITERATIONS,
    READ_LIMIT_ITERATIONS,
    READ_LIMIT_LANES,
    READ_LIMIT_MEMORY_KIB,
    READ_LIMIT_WORK_KIB,
    KdfParams,
)
from companion.storage.vault import passphrase_bytes, unlock_blob
from tests.helpers.format1 import seal_format1

CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=64)
DATA_KEY = bytes(range(32))
VAULT_ID = bytes(range(100, 116))
PASSPHRASE = "pum gair hir iawn yma"
RAW_RECOVERY = bytes(range(200, 220))
RECOVERY_TEXT = "ZDE4-VS6M-ZXHM-7UGR-2LJ5-JVOW-27MN-TWW3"  # format_key(RAW_RECOVERY)
SLOTS = (
    ks.make_passphrase_slot(passphrase_bytes(PASSPHRASE), DATA_KEY, CHEAP, VAULT_ID),
    ks.make_recovery_slot(RAW_RECOVERY, DATA_KEY, CHEAP, VAULT_ID),
)
IMAGE = b"SQLite format 3\x00" + bytes(4080)
BLOB = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS, image=IMAGE, counter=7)
H = fmt.header_length(2, ks.SEALED_EXTRA_LEN)
RECOVERY_AT = 28 + 92  # the recovery slot's first byte
TAIL_AT = RECOVERY_AT + 92 + 64
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Offsets of the Argon2id parameters in each slot: changing them with a fixed digest could ask for gigabytes.
_PARAM_BYTES = {start + rel for start in (28, RECOVERY_AT) for rel in range(4, 16)}


def _with_digest(blob: bytes | bytearray, hlen: int = H) -> bytes:
    """Recompute the header digest, as a deliberate forger (not accidental damage) would."""
    data = bytearray(blob)
    data[hlen - 32 : hlen] = hashlib.sha256(bytes(data[: hlen - 32])).digest()
    return bytes(data)


# --- layout --------------------------------------------------------------------------------------------------


def test_layout_matches_the_document() -> None:
    assert bytes.fromhex("89434d500d0a1a0a") == fmt.MAGIC
    assert (fmt.PREFIX_LEN, fmt.SLOT_LEN, fmt.TAIL_LEN, fmt.DIGEST_LEN) == (28, 92, 60, 32)
    assert H == 368
    assert BLOB[:8] == fmt.MAGIC
    assert struct.unpack(">HBB", BLOB[8:12]) == (2, fmt.ENCODING_ZSTD, 2)
    assert BLOB[12:28] == VAULT_ID
    assert BLOB[28] == fmt.SLOT_PASSPHRASE and BLOB[RECOVERY_AT] == fmt.SLOT_RECOVERY == 3
    assert struct.unpack(">BBHIII", BLOB[28:44]) == (1, 1, 0, 1, 1, 64)
    assert struct.unpack(">BBHIII", BLOB[RECOVERY_AT : RECOVERY_AT + 16]) == (3, 1, 64, 1, 1, 64)
    assert BLOB[44:60] == SLOTS[0].salt and BLOB[60:72] == SLOTS[0].nonce and BLOB[72:120] == SLOTS[0].wrapped_key
    recipient = BLOB[RECOVERY_AT + 92 : RECOVERY_AT + 124]
    assert recipient == ks.recovery_public_key(RAW_RECOVERY, SLOTS[1].salt, CHEAP)
    counter, body_length = struct.unpack(">QQ", BLOB[TAIL_AT + 44 : TAIL_AT + 60])
    assert counter == 7
    assert len(BLOB) == H + body_length
    assert BLOB[H - 32 : H] == hashlib.sha256(BLOB[: H - 32]).digest()
    assert fmt.BODY_INFO == b"companion/vault/body/v1"


def test_recovery_text_of_the_fixture() -> None:
    from companion.storage.recovery_key import format_key, parse_key

    assert format_key(RAW_RECOVERY) == RECOVERY_TEXT
    assert parse_key(RECOVERY_TEXT) == RAW_RECOVERY


# --- round trips ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", [fmt.ENCODING_RAW, fmt.ENCODING_ZLIB, fmt.ENCODING_ZSTD])
def test_seal_parse_open_round_trip(encoding: int) -> None:
    blob = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS, image=IMAGE, counter=3, encoding=encoding)
    header = fmt.parse_header(blob)
    assert header.version == fmt.FORMAT_VERSION == 2
    assert header.encoding == encoding
    assert header.vault_id == VAULT_ID
    assert header.slots == SLOTS
    assert header.counter == 3
    assert header.length == H
    assert header.body_length == len(blob) - H
    passphrase_slot = header.slot(fmt.SLOT_PASSPHRASE)
    recovery_slot = header.recovery_slot()
    assert passphrase_slot is not None and recovery_slot is not None
    assert ks.unwrap_slot(passphrase_slot, passphrase_bytes(PASSPHRASE), VAULT_ID) == DATA_KEY
    assert ks.unwrap_slot(recovery_slot, RAW_RECOVERY, VAULT_ID) == DATA_KEY
    assert fmt.open_body(blob, header, DATA_KEY) == IMAGE
    if encoding == fmt.ENCODING_RAW:
        assert header.body_length == len(IMAGE) + 16


def test_unlock_blob_with_passphrase_and_recovery_key() -> None:
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": RECOVERY_TEXT.lower()}):
        header, data_key, image = unlock_blob(BLOB, **secret)
        assert (data_key, image, header.counter) == (DATA_KEY, IMAGE, 7)


def test_format1_files_still_open() -> None:
    old = seal_format1(IMAGE, passphrase=PASSPHRASE, recovery_raw=RAW_RECOVERY, data_key=DATA_KEY, counter=4)
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": RECOVERY_TEXT}):
        header, data_key, image = unlock_blob(old, **secret)
        assert (header.version, header.encoding, header.length) == (1, fmt.ENCODING_ZLIB, 304)
        assert (data_key, image, header.counter) == (DATA_KEY, IMAGE, 4)
    # the format-1 slots carry into a format-2 file unchanged (their associated data names layout 00 01)
    header = fmt.parse_header(old)
    upgraded = fmt.seal(data_key=DATA_KEY, vault_id=header.vault_id, slots=header.slots, image=IMAGE, counter=5)
    assert upgraded[28:212] == old[28:212]
    assert unlock_blob(upgraded, recovery_key=RECOVERY_TEXT)[2] == IMAGE


def test_wrong_secret_does_not_unwrap() -> None:
    assert ks.unwrap_slot(SLOTS[0], passphrase_bytes(PASSPHRASE + " "), VAULT_ID) is None
    assert ks.unwrap_slot(SLOTS[1], bytes(20), VAULT_ID) is None
    assert ks.unwrap_slot(SLOTS[0], passphrase_bytes(PASSPHRASE), bytes(16)) is None  # slot bound to its vault
    with pytest.raises(DamagedVaultError):  # the right recovery key, but the seal was made for another vault
        ks.unwrap_slot(SLOTS[1], RAW_RECOVERY, bytes(16))


def test_a_sealed_recovery_slot_is_made_again_without_the_recovery_key() -> None:
    new_key = bytes(range(1, 33))
    resealed = ks.reseal_recovery(SLOTS[1], new_key, VAULT_ID)
    assert resealed.recipient == SLOTS[1].recipient and resealed.extra[32:] != SLOTS[1].extra[32:]
    assert ks.unwrap_slot(resealed, RAW_RECOVERY, VAULT_ID) == new_key


def test_every_seal_has_a_fresh_seed_and_nonce() -> None:
    again = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS, image=IMAGE, counter=7)
    first, second = fmt.parse_header(BLOB), fmt.parse_header(again)
    assert first.seed != second.seed
    assert first.body_nonce != second.body_nonce
    assert BLOB[H:] != again[H:]


def test_slot_count_limits() -> None:
    with pytest.raises(ValueError, match="1 to 8"):
        fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=(), image=IMAGE, counter=1)
    with pytest.raises(ValueError, match="1 to 8"):
        fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS * 5, image=IMAGE, counter=1)
    one = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS[:1], image=IMAGE, counter=1)
    assert fmt.parse_header(one).length == fmt.header_length(1) == 212
    assert unlock_blob(one, passphrase=PASSPHRASE)[2] == IMAGE
    with pytest.raises(DamagedVaultError):  # no recovery slot in this file
        unlock_blob(one, recovery_key=RECOVERY_TEXT)


def test_body_compressed_with_zstd_before_encryption() -> None:
    header = unlock_blob(BLOB, passphrase=PASSPHRASE)[0]
    assert header.body_length - 16 == len(body_encoding.zstd_module().compress(IMAGE, level=1))


@FUZZ
@given(image=st.binary(max_size=5000), encoding=st.sampled_from([0, 1, 2]), counter=st.integers(0, 2**64 - 1))
def test_any_image_round_trips(image: bytes, encoding: int, counter: int) -> None:
    blob = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=SLOTS, image=image, counter=counter, encoding=encoding)
    header = fmt.parse_header(blob)
    assert header.counter == counter
    assert fmt.open_body(blob, header, DATA_KEY) == image


# --- unknown slot kinds and trailing bytes ---------------------------------------------------------------------


def _future_slot(kind: int, extra: bytes) -> ks.KeySlot:
    """A slot kind no Companion knows yet, with its own extra bytes and parameters this version would refuse."""
    return ks.KeySlot(kind, KdfParams(2**32 - 1, 0, 0), bytes(16), bytes(12), b"\xee" * 48, extra, kdf_id=9)


@pytest.mark.parametrize("kind", [0, 4, 77, 255])
def test_unknown_slot_kinds_are_ignored(kind: int) -> None:
    future = _future_slot(kind, b"future" * 20)
    for slots in ((future, *SLOTS), (SLOTS[0], future, SLOTS[1])):
        blob = fmt.seal(data_key=DATA_KEY, vault_id=VAULT_ID, slots=slots, image=IMAGE, counter=2)
        header = fmt.parse_header(blob)
        assert header.length == H + 92 + 120
        for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": RECOVERY_TEXT}):
            assert unlock_blob(blob, **secret)[2] == IMAGE


def test_unknown_slot_kinds_in_format1_are_ignored() -> None:
    future = struct.pack(">BBHIII", 9, 7, 0xABCD, 0, 0, 0) + bytes(76)
    old = seal_format1(IMAGE, passphrase=PASSPHRASE, recovery_raw=RAW_RECOVERY, extra_slots=(future,))
    assert unlock_blob(old, passphrase=PASSPHRASE)[2] == IMAGE


def test_slot_extra_bytes_beyond_the_limit_are_damage() -> None:
    data = bytearray(BLOB)
    data[RECOVERY_AT + 2 : RECOVERY_AT + 4] = struct.pack(">H", fmt.MAX_SLOT_EXTRA + 1)
    with pytest.raises(DamagedVaultError):
        fmt.parse_header(bytes(data))


@pytest.mark.parametrize("encoding", [fmt.ENCODING_ZLIB, fmt.ENCODING_ZSTD])
def test_bytes_after_the_compressed_stream_are_damage(encoding: int) -> None:
    """A body whose stream is followed by anything, even under the right key, is refused."""
    for trailing in (b"\x00", b"more text", body_encoding.encode(b"second stream", encoding)):
        plaintext = body_encoding.encode(IMAGE, encoding) + trailing
        with pytest.raises(DamagedVaultError):
            body_encoding.decode(plaintext, encoding)
        with pytest.raises(DamagedVaultError):
            body_encoding.decode(body_encoding.encode(IMAGE, encoding)[:-2], encoding)


# --- errors by position ------------------------------------------------------------------------------------------


def test_parse_errors_by_kind() -> None:
    with pytest.raises(NotAVaultError):
        fmt.parse_header(b"")
    with pytest.raises(NotAVaultError):
        fmt.parse_header(b"PK\x03\x04" + BLOB[4:])
    with pytest.raises(NotAVaultError):  # PNG's signature differs from ours in three bytes
        fmt.parse_header(b"\x89PNG\r\n\x1a\n" + BLOB[8:])
    with pytest.raises(DamagedVaultError):  # cut short inside the magic
        fmt.parse_header(BLOB[:7])
    with pytest.raises(DamagedVaultError):
        fmt.parse_header(BLOB[:27])
    newer = bytearray(BLOB)
    newer[8:10] = b"\x00\x03"
    with pytest.raises(NewerVersionError):  # a file from a newer Companion: its digest is its own
        fmt.parse_header(_with_digest(newer))
    with pytest.raises(NewerVersionError):  # checked before the digest: a newer layout may differ
        fmt.parse_header(BLOB[:8] + b"\x00\x09" + BLOB[10:28])
    with pytest.raises(DamagedVaultError):  # implausible: no Companion will reach version 256
        fmt.parse_header(BLOB[:8] + b"\xff\xff" + BLOB[10:])
    for offset, values in ((10, (3, 9, 255)), (11, (0, 9, 255))):
        for value in values:
            data = bytearray(BLOB)
            data[offset] = value
            with pytest.raises(DamagedVaultError):
                fmt.parse_header(_with_digest(data))


def test_near_miss_magic_and_version_are_damage() -> None:
    """One changed bit in the magic or the version is damage to a diary, never "not a diary" or "newer"."""
    for bit in range(80):
        data = bytearray(BLOB)
        data[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(DamagedVaultError):
            fmt.parse_header(bytes(data))
    data = bytearray(BLOB)
    data[0] ^= 0xFF
    data[5] ^= 0x10
    with pytest.raises(DamagedVaultError):  # two bytes of the magic changed
        fmt.parse_header(bytes(data))


def test_format1_encoding_2_is_damage() -> None:
    old = bytearray(seal_format1(IMAGE, passphrase=PASSPHRASE, recovery_raw=RAW_RECOVERY))
    old[10] = fmt.ENCODING_ZSTD
    with pytest.raises(DamagedVaultError):
        fmt.parse_header(_with_digest(old, 304))


def test_format1_reserved_bytes_must_be_zero() -> None:
    old = bytearray(seal_format1(IMAGE, passphrase=PASSPHRASE, recovery_raw=RAW_RECOVERY))
    old[30:32] = b"\x00\x40"
    with pytest.raises(DamagedVaultError):
        fmt.parse_header(_with_digest(old, 304))


def test_open_body_refuses_wrong_length_or_key() -> None:
    header = fmt.parse_header(BLOB)
    with pytest.raises(DamagedVaultError):
        fmt.open_body(BLOB + b"\x00", header, DATA_KEY)
    with pytest.raises(DamagedVaultError):
        fmt.open_body(BLOB[:-1], header, DATA_KEY)
    with pytest.raises(DamagedVaultError):
        fmt.open_body(BLOB, header, bytes(32))


def test_length_is_checked_before_any_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_derivation(*_args: object) -> bytes:
        raise AssertionError("a key was derived for a file of the wrong length")

    monkeypatch.setattr(ks, "derive_key", no_derivation)
    for blob in (BLOB + b"\x00", BLOB[:-1], BLOB[: H + 10]):
        with pytest.raises(DamagedVaultError):
            unlock_blob(blob, passphrase=PASSPHRASE)
    with pytest.raises(CompanionError):  # a mistyped recovery key is refused before Argon2id too
        unlock_blob(BLOB, recovery_key="ABCD-EFGH")


def test_header_is_bound_to_the_body() -> None:
    """Even a forger who recomputes the digest cannot change a header byte without the body failing."""
    for offset in (12, 30, 100, 130, 220, 260, TAIL_AT + 10, TAIL_AT + 50):
        data = bytearray(BLOB)
        data[offset] ^= 1
        with pytest.raises(CompanionError):
            unlock_blob(_with_digest(data), passphrase=PASSPHRASE)


# --- KDF read limits --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iterations", "lanes", "memory"),
    [
        (1, 1, READ_LIMIT_MEMORY_KIB + 1),
        (1, 1, 2**32 - 1),
        (0, 1, 64),
        (READ_LIMIT_ITERATIONS + 1, 1, 64),
        (2**32 - 1, 1, 64),
        (1, 0, 64),
        (1, READ_LIMIT_LANES + 1, 8 * (READ_LIMIT_LANES + 1)),
        (1, 4, 31),  # below Argon2's 8 KiB per lane
        (1, 1, 0),
    ],
)
def test_kdf_read_limits_reject_absurd_parameters(
    iterations: int, lanes: int, memory: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not KdfParams(iterations, lanes, memory).within_read_limits()

    def no_derivation(*_args: object) -> bytes:
        raise AssertionError("a key was derived with parameters beyond the read limits")

    monkeypatch.setattr(ks, "derive_key", no_derivation)
    for slot_start in (28, RECOVERY_AT):
        data = bytearray(BLOB)
        data[slot_start + 4 : slot_start + 16] = struct.pack(">III", iterations, lanes, memory)
        forged = _with_digest(data)
        with pytest.raises(DamagedVaultError):
            fmt.parse_header(forged)
        with pytest.raises(DamagedVaultError):
            unlock_blob(forged, passphrase=PASSPHRASE)


def test_kdf_read_limits_accept_production_and_test_parameters() -> None:
    assert KdfParams(MIN_ITERATIONS, DEFAULT_LANES, DEFAULT_MEMORY_KIB).within_read_limits()
    assert KdfParams(64, DEFAULT_LANES, DEFAULT_MEMORY_KIB).within_read_limits()
    assert CHEAP.within_read_limits()
    # each bound on its own is allowed; together they exceed the work bound (4 x Companion's largest)
    assert KdfParams(
        READ_LIMIT_ITERATIONS, READ_LIMIT_LANES, READ_LIMIT_WORK_KIB // READ_LIMIT_ITERATIONS
    ).within_read_limits()
    assert KdfParams(16, READ_LIMIT_LANES, READ_LIMIT_MEMORY_KIB).within_read_limits()
    assert not KdfParams(17, READ_LIMIT_LANES, READ_LIMIT_MEMORY_KIB).within_read_limits()
    assert not KdfParams(READ_LIMIT_ITERATIONS, READ_LIMIT_LANES, READ_LIMIT_MEMORY_KIB).within_read_limits()


def test_unknown_kdf_is_damage() -> None:
    data = bytearray(BLOB)
    data[29] = 2
    with pytest.raises(DamagedVaultError):
        fmt.parse_header(_with_digest(data))


# --- fuzzing: only CompanionError ever comes out ---------------------------------------------------------------


def _only_companion_errors(blob: bytes, **secret: str) -> None:
    with contextlib.suppress(CompanionError):
        unlock_blob(blob, **secret)


@FUZZ
@given(st.binary(max_size=700))
def test_parse_header_on_random_bytes(blob: bytes) -> None:
    with contextlib.suppress(CompanionError):
        fmt.parse_header(blob)


@FUZZ
@given(
    rest=st.binary(max_size=500),
    version=st.integers(0, 3),
    encoding=st.integers(0, 3),
    count=st.integers(0, 10),
    fix_digest=st.booleans(),
)
def test_parse_and_unlock_on_random_bytes_after_the_magic(
    rest: bytes, version: int, encoding: int, count: int, fix_digest: bool
) -> None:
    blob = fmt.MAGIC + struct.pack(">HBB", version, encoding, count) + rest
    if fix_digest and 1 <= count <= 8 and len(blob) >= fmt.header_length(count):
        blob = _with_digest(blob, fmt.header_length(count))
    # random parameters could be legal but huge; the slots' parameter bytes are checked separately above
    try:
        header = fmt.parse_header(blob)
    except CompanionError:
        return
    if all(s.params.memory_kib <= 1024 and s.params.iterations <= 4 for s in header.slots):
        _only_companion_errors(blob, passphrase=PASSPHRASE)


@FUZZ
@given(
    flips=st.lists(st.tuples(st.integers(0, len(BLOB) - 1), st.integers(1, 255)), min_size=1, max_size=4),
    cut=st.one_of(st.none(), st.integers(0, len(BLOB))),
    extra=st.binary(max_size=8),
)
def test_unlock_on_damaged_vaults(flips: list[tuple[int, int]], cut: int | None, extra: bytes) -> None:
    data = bytearray(BLOB)
    for offset, value in flips:
        data[offset] ^= value
    blob = bytes(data[:cut] if cut is not None else data) + extra
    _only_companion_errors(blob, passphrase=PASSPHRASE)
    _only_companion_errors(blob, recovery_key=RECOVERY_TEXT)


@FUZZ
@given(
    flips=st.lists(
        st.tuples(st.integers(0, H - 33).filter(lambda o: o not in _PARAM_BYTES), st.integers(1, 255)),
        min_size=1,
        max_size=4,
    )
)
def test_unlock_on_forged_headers(flips: list[tuple[int, int]]) -> None:
    data = bytearray(BLOB)
    for offset, value in flips:
        data[offset] ^= value
    blob = _with_digest(data)
    for secret in ({"passphrase": PASSPHRASE}, {"recovery_key": RECOVERY_TEXT}):
        try:
            _header, _key, image = unlock_blob(blob, **secret)
        except CompanionError:
            continue
        assert image == IMAGE  # only changes that do not matter (e.g. an unused slot kind) may still open


@FUZZ
@given(st.text(max_size=60))
def test_unlock_with_any_typed_recovery_key(typed: str) -> None:
    _only_companion_errors(BLOB, recovery_key=typed)
