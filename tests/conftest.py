"""Test set-up for every test: offscreen Qt, no network, a private data folder, English by default."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("COMPANION_DATA_DIR", None)

from companion import i18n
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.storage.kdf import KdfParams

if TYPE_CHECKING:
    from companion.services.session import DiarySession

# In CI, property tests use a fixed sequence of examples so a run is repeatable; locally they explore.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

# Tests pass cheap Argon2id parameters explicitly; production code calibrates (64 MiB, 4 lanes, >= 3).
CHEAP_KDF = KdfParams(iterations=1, lanes=1, memory_kib=64)
# The passphrase of the `session` fixture's diary (to reopen it).
DIARY_PASSPHRASE = "pass phrase words"


# The newest schema revision shipped (file names are numbered 0001_, 0002_, ...).
HEAD_REVISION = max(
    p.name.split("_", 1)[0]
    for p in (Path(__file__).resolve().parents[1] / "companion" / "storage" / "migrations" / "versions").glob("0*.py")
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--long",
        action="store_true",
        default=False,
        help="run the long tier of the reliability suite (1,000 kills, every body bit, many fuzz cases)",
    )


@pytest.fixture(scope="session")
def long_tier(pytestconfig: pytest.Config) -> bool:
    """True under `pytest --long`: the reliability suite's long tier (see docs/reliability.md)."""
    return bool(pytestconfig.getoption("--long"))


class NetworkAccessError(AssertionError):
    """Companion must never open a socket; a test that tries fails with this."""


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkAccessError("Companion must not open network sockets")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("connect", "connect_ex", "bind", "sendto", "listen"):
        monkeypatch.setattr(socket.socket, name, _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mplconfig"))
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the rollback record (storage/rollback.py)


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def cheap_kdf() -> KdfParams:
    return CHEAP_KDF


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture
def vault_path(data_dir: Path) -> Path:
    return data_dir / "diary.vault"


@pytest.fixture
def clock() -> Clock:
    """The clock the `session` fixture's diary reads: the computer's own. A test module that needs time to
    stand still defines its own `clock` fixture returning a tests.helpers.clock.FakeClock."""
    return SYSTEM_CLOCK


@pytest.fixture
def session(vault_path: Path, clock: Clock) -> Iterator[DiarySession]:
    """A new, empty diary in a real vault file (cheap key costs, DIARY_PASSPHRASE), on the `clock` fixture;
    closed (and so saved) at the end unless the test closed it itself."""
    from companion.services.session import DiarySession

    opened, _recovery = DiarySession.create(vault_path, DIARY_PASSPHRASE, CHEAP_KDF, clock)
    yield opened
    if opened.is_open:
        opened.close()
