"""After a key change: re-encrypt the backups beside the diary under its new key, each atomically.

A backup opens with the passphrase it was made with. Each one that opens with the old passphrase (or the old
recovery key) is sealed again under the diary's current data key and slots, keeping its own save counter, and
replaces the old file atomically; one that does not open that way (made before an earlier change), or cannot
be written, is left exactly as it was and reported by name. docs/vault-format.md, section 10.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from companion.domain.errors import CompanionError, WrongPassphraseError, WrongRecoveryKeyError, save_failure_reason
from companion.i18n import N_
from companion.storage import backups
from companion.storage import vault_format as fmt
from companion.storage.atomic import atomic_write
from companion.storage.vault import Vault, read_file, unlock_blob

NOT_THE_OLD_SECRET = N_(
    "{name} was left as it was: it does not open with the previous passphrase, so it is older than that."
)
DAMAGED = N_("{name} was left as it was: it is damaged or is not a backup of this diary.")
NOT_WRITTEN = N_("{name} was left as it was: it could not be written ({reason}).")


@dataclass(frozen=True)
class Outcome:
    path: Path
    reencrypted: bool
    reason: str = ""  # an untranslated whole sentence with {name} (and `params`); empty when re-encrypted
    params: tuple[tuple[str, str], ...] = ()

    def message(self) -> str:
        from companion.i18n import _

        return _(self.reason).format(name=self.path.name, **dict(self.params))


def backups_to_reencrypt(vault: Vault) -> list[Path]:
    """The backups beside the diary, newest first."""
    return [b.path for b in backups.list_backups(vault.path)]


def reencrypt_backups(
    vault: Vault, *, old_passphrase: str | None = None, old_recovery_key: str | None = None
) -> list[Outcome]:
    """Re-encrypt every backup beside `vault` that opens with the old secret; see the module docstring."""
    secret: dict[str, str | None] = (
        {"recovery_key": old_recovery_key} if old_recovery_key is not None else {"passphrase": old_passphrase}
    )
    keys: dict[bytes, bytes] = {}  # a slot's bytes -> the data key it gave: one Argon2id run per old slot
    outcomes = []
    for path in backups_to_reencrypt(vault):
        outcomes.append(_reencrypt(vault, path, secret, keys))
    return outcomes


def _reencrypt(vault: Vault, path: Path, secret: dict[str, str | None], keys: dict[bytes, bytes]) -> Outcome:
    try:
        blob = read_file(path)
        header = fmt.parse_header(blob)
        fmt.require_whole(blob, header)
        known = _known_key(header, keys)
        if known is not None:
            image = fmt.open_body(blob, header, known)
        else:
            header, data_key, image = unlock_blob(blob, **secret)
            keys.update({slot.to_bytes(): data_key for slot in header.slots})
    except (WrongPassphraseError, WrongRecoveryKeyError):
        return Outcome(path, False, NOT_THE_OLD_SECRET)
    except CompanionError:
        return Outcome(path, False, DAMAGED)
    if header.vault_id != vault.vault_id:
        return Outcome(path, False, DAMAGED)
    try:
        atomic_write(path, vault.reseal_copy(image, header.counter))
    except OSError as exc:
        return Outcome(path, False, NOT_WRITTEN, (("reason", save_failure_reason(exc)),))
    return Outcome(path, True)


def _known_key(header: fmt.Header, keys: dict[bytes, bytes]) -> bytes | None:
    return next((keys[slot.to_bytes()] for slot in header.slots if slot.to_bytes() in keys), None)
