"""Exhaustive tampering: no single-bit change, truncation or splice of a vault is ever accepted.

A small real vault (cheap KDF, one entry) is damaged in memory and given to `unlock_blob`, the code Vault.open
runs on the file's bytes, with the right passphrase. Every one of the header's bits is flipped in turn
(2 slots: vault_format.header_length(2) = 304 bytes, 2,432 flips) and the exact error is asserted by offset:

* bytes 0-7, the magic: DamagedVaultError (a near miss of our magic is a damaged diary, not another file);
* bytes 8-9, the format version: DamagedVaultError (with the version put back, the header digest matches:
  the version field was damaged; a newer Companion's file would carry its own digest);
* every other header byte: DamagedVaultError (the header digest, checked before any KDF runs).

A format-2 vault has a passphrase slot (92 bytes) and a sealed recovery slot (92 + 64 bytes): 368 header
bytes, 2,944 flips.
Then 200 single-bit flips spread evenly over the encrypted body, truncation to every length from 0 to the
header's end, and splices of two vaults (and of two saves of one vault) must fail as DamagedVaultError, and a
handful of the same damages written to real files must give the same error through Vault.open.
test_vault_errors.py checks a few sample offsets with the messages shown; this file checks all of them.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from companion.domain.errors import (
    DamagedVaultError,
    NewerVersionError,
    NotAVaultError,
    VaultError,
    WrongPassphraseError,
)
from companion.services.session import DiarySession
from companion.storage import vault_format as fmt
from companion.storage.kdf import KdfParams
from companion.storage.lockfile import VaultLock
from companion.storage.vault import Vault, unlock_blob

pytestmark = pytest.mark.reliability

PASSPHRASE = "quiet harbour 19 ŵ"
HEADER_LEN = fmt.header_length(2, 64)
BODY_FLIPS = 200
CHEAP = KdfParams(iterations=1, lanes=1, memory_kib=64)  # module-scoped fixture: no cheap_kdf
VERSION_AT = len(fmt.MAGIC)  # the big-endian version field follows the magic


def _make_vault(path: Path, kdf: KdfParams, note: str) -> bytes:
    session, _recovery = DiarySession.create(path, PASSPHRASE, kdf)
    session.diary.record_pain(5, note)
    session.close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def vaults(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    """Two independent vaults (different data keys and ids) with the same passphrase."""
    folder = tmp_path_factory.mktemp("tamper")
    a = _make_vault(folder / "a" / "diary.vault", CHEAP, "vault A's entry")
    b = _make_vault(folder / "b" / "diary.vault", CHEAP, "vault B's entry")
    return a, b


def _flip(blob: bytes, bit: int) -> bytes:
    damaged = bytearray(blob)
    damaged[bit // 8] ^= 1 << (bit % 8)
    return bytes(damaged)


def _outcome(blob: bytes) -> type[BaseException] | None:
    """The exception type unlock_blob raises for `blob`, or None if it was accepted."""
    try:
        unlock_blob(blob, passphrase=PASSPHRASE)
    except BaseException as exc:  # any type at all is recorded, so an unexpected one fails the test
        return type(exc)
    return None


def _expected_for_header_bit(blob: bytes, bit: int) -> type[VaultError]:
    return DamagedVaultError  # magic, version and every other byte alike: one changed bit is damage


def _rehashed(blob: bytes | bytearray) -> bytes:
    """Recompute the header digest, as anyone who knows the format can."""
    data = bytearray(blob)
    data[HEADER_LEN - fmt.DIGEST_LEN : HEADER_LEN] = hashlib.sha256(bytes(data[: HEADER_LEN - fmt.DIGEST_LEN])).digest()
    return bytes(data)


def _newer(blob: bytes) -> bytes:
    """What a future Companion's file looks like to this one: version 3, with its own digest."""
    data = bytearray(blob)
    data[VERSION_AT : VERSION_AT + 2] = b"\x00\x03"
    return _rehashed(data)


def _foreign(blob: bytes) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + blob[8:]


def test_the_untouched_vault_opens(vaults: tuple[bytes, bytes]) -> None:
    header, _key, image = unlock_blob(vaults[0], passphrase=PASSPHRASE)
    assert len(header.slots) == 2 and header.length == HEADER_LEN == 368
    assert image  # and so every failure below is caused by the damage, not by the set-up


REGIONS = {
    "magic": (0, 8),
    "version-encoding-count-id": (8, fmt.PREFIX_LEN),
    "slot-1": (fmt.PREFIX_LEN, fmt.PREFIX_LEN + fmt.SLOT_LEN),
    "slot-2": (fmt.PREFIX_LEN + fmt.SLOT_LEN, fmt.PREFIX_LEN + 2 * fmt.SLOT_LEN + 64),
    "seed-nonce-counter-length": (fmt.PREFIX_LEN + 2 * fmt.SLOT_LEN + 64, HEADER_LEN - fmt.DIGEST_LEN),
    "digest": (HEADER_LEN - fmt.DIGEST_LEN, HEADER_LEN),
}


def test_regions_cover_the_whole_header() -> None:
    covered = sorted(offset for start, end in REGIONS.values() for offset in range(start, end))
    assert covered == list(range(HEADER_LEN))


@pytest.mark.parametrize("region", REGIONS)
def test_every_header_bit_flip_is_refused_with_the_right_error(vaults: tuple[bytes, bytes], region: str) -> None:
    blob = vaults[0]
    start, end = REGIONS[region]
    wrong = []
    counts: dict[str, int] = {}
    for bit in range(start * 8, end * 8):
        expected = _expected_for_header_bit(blob, bit)
        got = _outcome(_flip(blob, bit))
        counts[expected.__name__] = counts.get(expected.__name__, 0) + 1
        if got is not expected:
            wrong.append(f"byte {bit // 8} bit {bit % 8}: expected {expected.__name__}, got {got}")
    print(f"header flips ({region}): {(end - start) * 8}, wrong outcomes: {len(wrong)}")
    assert not wrong, f"{len(wrong)} of {(end - start) * 8} flips in the {region}:\n" + "\n".join(wrong[:20])
    assert counts == {"DamagedVaultError": (end - start) * 8}


def test_body_bit_flips_are_damage(vaults: tuple[bytes, bytes], long_tier: bool) -> None:
    """200 flips spread evenly over the body; every one of its bits under `pytest --long`."""
    blob = vaults[0]
    body_bits = (len(blob) - HEADER_LEN) * 8
    if long_tier:
        bits = list(range(HEADER_LEN * 8, len(blob) * 8))
    else:
        bits = sorted({HEADER_LEN * 8 + i * (body_bits - 1) // (BODY_FLIPS - 1) for i in range(BODY_FLIPS)})
        assert len(bits) == BODY_FLIPS
    assert bits[0] == HEADER_LEN * 8 and bits[-1] == len(blob) * 8 - 1
    wrong = [(bit // 8, bit % 8, got) for bit in bits if (got := _outcome(_flip(blob, bit))) is not DamagedVaultError]
    print(f"body flips: {len(bits)} of {body_bits} bits, all refused as damage: {not wrong}")
    assert not wrong, f"{len(wrong)} of {len(bits)} body flips not refused as damage: {wrong[:20]}"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_each_refusal_says_what_happened(vaults: tuple[bytes, bytes], language: str) -> None:
    """The right message each time: not a diary, damaged, newer version and wrong passphrase are four
    different sentences, in both languages, and a damaged header is reported as damage even when the
    passphrase typed is also wrong (the header is checked before any key is tried)."""
    from companion import i18n

    blob = vaults[0]
    cases = {
        NotAVaultError: _foreign(blob),
        NewerVersionError: _newer(blob),
        DamagedVaultError: _flip(blob, (HEADER_LEN + 10) * 8),
    }
    i18n.set_language(language)
    shown: dict[str, str] = {}
    for expected, damaged in cases.items():
        with pytest.raises(VaultError) as caught:
            unlock_blob(damaged, passphrase=PASSPHRASE)
        assert type(caught.value) is expected
        shown[expected.__name__] = caught.value.message()
    with pytest.raises(WrongPassphraseError) as wrong:
        unlock_blob(blob, passphrase=PASSPHRASE + " typo")
    shown["WrongPassphraseError"] = wrong.value.message()
    for bit in (10 * 8, (HEADER_LEN - 1) * 8):  # header damage and a wrong passphrase: damage wins
        with pytest.raises(DamagedVaultError):
            unlock_blob(_flip(blob, bit), passphrase="not the passphrase")
    assert len(set(shown.values())) == 4, shown
    assert "diary.vault" in shown["NotAVaultError"]
    if language == "cy":
        english = {name: getattr(sys.modules[__name__], name).template for name in shown}
        assert all(shown[n] != english[n].format(name="diary.vault") for n in shown), "a message is not in Welsh"


def test_truncation_at_every_header_offset(vaults: tuple[bytes, bytes]) -> None:
    blob = vaults[0]
    lengths = [*range(HEADER_LEN + 1), len(blob) - 16, len(blob) - 1]
    wrong = []
    for length in lengths:
        expected = NotAVaultError if length == 0 else DamagedVaultError
        if (got := _outcome(blob[:length])) is not expected:
            wrong.append(f"{length} bytes: expected {expected.__name__}, got {got}")
    print(f"truncations: {len(lengths)}, wrong outcomes: {len(wrong)}")
    assert not wrong, "\n".join(wrong[:20])


def _header_and_body(blob: bytes) -> tuple[bytes, bytes]:
    return blob[:HEADER_LEN], blob[HEADER_LEN:]


def test_splicing_two_vaults_is_damage(vaults: tuple[bytes, bytes]) -> None:
    (head_a, body_a), (head_b, body_b) = _header_and_body(vaults[0]), _header_and_body(vaults[1])
    assert _outcome(head_a + body_b) is DamagedVaultError
    assert _outcome(head_b + body_a) is DamagedVaultError


def test_splicing_two_saves_of_one_vault_is_damage(vaults: tuple[bytes, bytes]) -> None:
    """The hardest splice: same data key, same image, same body length; only the seed and nonce differ."""
    header, data_key, image = unlock_blob(vaults[0], passphrase=PASSPHRASE)

    def save(counter: int) -> bytes:
        return fmt.seal(data_key=data_key, vault_id=header.vault_id, slots=header.slots, image=image, counter=counter)

    first, second = save(header.counter + 1), save(header.counter + 2)
    assert len(first) == len(second)
    assert unlock_blob(first, passphrase=PASSPHRASE)[2] == image  # each save alone is fine
    (head_1, body_1), (head_2, body_2) = _header_and_body(first), _header_and_body(second)
    assert _outcome(head_1 + body_2) is DamagedVaultError
    assert _outcome(head_2 + body_1) is DamagedVaultError


FILE_CASES: dict[str, Callable[[bytes, bytes], tuple[bytes, type[VaultError]]]] = {
    "magic-bit": lambda a, b: (_flip(a, 3 * 8 + 1), DamagedVaultError),
    "another-program's-file": lambda a, b: (_foreign(a), NotAVaultError),
    "version-high-byte": lambda a, b: (_flip(a, VERSION_AT * 8 + 7), DamagedVaultError),
    "newer-companion": lambda a, b: (_newer(a), NewerVersionError),
    "version-to-zero": lambda a, b: (_flip(a, (VERSION_AT + 1) * 8), DamagedVaultError),
    "slot-kdf-memory": lambda a, b: (_flip(a, (fmt.PREFIX_LEN + 12) * 8 + 4), DamagedVaultError),
    "digest-last-bit": lambda a, b: (_flip(a, HEADER_LEN * 8 - 1), DamagedVaultError),
    "body-middle-bit": lambda a, b: (_flip(a, (HEADER_LEN + (len(a) - HEADER_LEN) // 2) * 8 + 5), DamagedVaultError),
    "truncated-in-header": lambda a, b: (a[: HEADER_LEN // 2], DamagedVaultError),
    "header-a-body-b": lambda a, b: (a[:HEADER_LEN] + b[HEADER_LEN:], DamagedVaultError),
}


@pytest.mark.parametrize("case", FILE_CASES)
def test_real_files_agree_with_the_in_memory_check(vaults: tuple[bytes, bytes], vault_path: Path, case: str) -> None:
    damaged, expected = FILE_CASES[case](*vaults)
    assert _outcome(damaged) is expected
    vault_path.write_bytes(damaged)
    with pytest.raises(VaultError) as caught:
        Vault.open(vault_path, passphrase=PASSPHRASE)
    assert type(caught.value) is expected
    assert vault_path.read_bytes() == damaged, "a refused open must not change the file"
    lock = VaultLock(vault_path)  # and it let go of the lock
    lock.acquire()
    lock.release()
