"""What the running app knows before any diary is open: where data lives, settings, key costs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.storage.app_settings import AppSettings, load_settings, save_settings
from companion.storage.kdf import KdfParams
from companion.storage.vault import VAULT_FILENAME


@dataclass
class AppContext:
    data_dir: Path
    settings: AppSettings = field(default_factory=AppSettings)
    # Production calibrates Argon2id on this machine; tests pass cheap parameters explicitly.
    kdf_factory: Callable[[], KdfParams] = KdfParams.calibrated
    demo: bool = False
    clock: Clock = SYSTEM_CLOCK

    @classmethod
    def load(cls, data_dir: Path, **kwargs: object) -> AppContext:
        return cls(data_dir=data_dir, settings=load_settings(data_dir), **kwargs)  # type: ignore[arg-type]

    @property
    def vault_path(self) -> Path:
        return self.data_dir / VAULT_FILENAME

    @property
    def has_diary(self) -> bool:
        return self.vault_path.exists()

    def update_settings(self, **changes: object) -> None:
        self.settings = self.settings.with_changes(**changes)
        save_settings(self.data_dir, self.settings)


__all__ = ["AppContext", "KdfParams"]  # KdfParams: what kdf_factory gives, for the screens that take one
