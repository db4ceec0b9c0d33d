"""The support directory: shipped bilingual entries (read from resources/) and the person's own."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from functools import cache
from pathlib import Path

from companion.domain.changes import Changes
from companion.domain.support import DirectoryEntry, OwnSupportEntry, matches, validate_own_entry
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

DIRECTORY_FILE = "support_directory.json"


def _resource(name: str) -> Path:
    package = Path(__file__).resolve().parent.parent
    installed = package / "resources" / name  # inside a wheel or a frozen bundle
    return installed if installed.exists() else package.parent / "resources" / name


@cache
def shipped_directory() -> tuple[DirectoryEntry, ...]:
    data = json.loads(_resource(DIRECTORY_FILE).read_text(encoding="utf-8"))
    return tuple(
        DirectoryEntry(
            key=e["key"],
            name=dict(e["name"]),
            about=dict(e["about"]),
            phone=e.get("phone", ""),
            website=e.get("website", ""),
            area=e.get("area", "uk"),
            welsh_language=bool(e.get("welsh_language", False)),
            source=dict(e["source"]),
            checked=e["checked"],
        )
        for e in data["entries"]
    )


class SupportService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def shipped(self, words: str = "") -> list[DirectoryEntry]:
        return [
            e for e in shipped_directory() if matches(words, *e.name.values(), *e.about.values(), e.website, e.phone)
        ]

    def own(self, words: str = "") -> list[OwnSupportEntry]:
        with self._uow() as uow:
            entries = uow.medicines.support_entries()
        return [e for e in entries if matches(words, e.name, e.description, e.website, e.phone)]

    def save_own(self, entry: OwnSupportEntry) -> tuple[OwnSupportEntry, Changes]:
        clean = validate_own_entry(entry)
        with self._uow() as uow:
            uow.medicines.save_support_entry(clean, self._clock.now())
            uow.commit()
        return clean, Changes(settings=True)

    def new_own(self, name: str, description: str = "", phone: str = "", website: str = "") -> OwnSupportEntry:
        return OwnSupportEntry(str(uuid.uuid4()), name, description, phone, website)

    def delete_own(self, entry_id: str) -> Changes:
        with self._uow() as uow:
            uow.medicines.delete_support_entry(entry_id)
            uow.commit()
        return Changes(settings=True)

    def now(self) -> dt.datetime:
        return self._clock.now()
