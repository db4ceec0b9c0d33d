"""Whether the open diary's latest committed change is on disk: the one save state every screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from companion.domain.errors import ChangedOnDiskError, SaveFailedError


class SaveStatus(Enum):
    SAVED = "saved"  # everything committed is durable on disk
    PENDING = "pending"  # committed in memory; the durable save is queued or being written
    FAILED = "failed"  # the last durable save failed; the change is held in memory, the file is unchanged


@dataclass(frozen=True)
class SaveState:
    status: SaveStatus = SaveStatus.SAVED
    # Set when FAILED: why, for the banner and the retry dialog. ChangedOnDiskError when another program
    # replaced the file (retrying cannot help then: the diary must be closed and opened again).
    error: SaveFailedError | ChangedOnDiskError | None = None

    @property
    def durable(self) -> bool:
        return self.status is SaveStatus.SAVED

    @property
    def failed(self) -> bool:
        return self.status is SaveStatus.FAILED


SAVED = SaveState()
