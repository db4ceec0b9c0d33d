"""No network: the test guard refuses sockets, a whole diary session opens none, and no module imports one.

Two independent detectors watch the session: the guard from tests/conftest.py (wrapped here so that a
refused attempt is recorded even if some code caught the error and carried on) and a Python audit hook,
which sees sockets made at the C level (`_socket.socket`), below the guard's monkeypatches.
"""

from __future__ import annotations

import _socket
import ast
import contextlib
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams
from tests.conftest import NetworkAccessError

pytestmark = pytest.mark.reliability

PACKAGE = Path(__file__).resolve().parents[2] / "companion"
PASSPHRASE = "kettle river blue Tuesday"

# --- a recorder of network activity -------------------------------------------------------------------

_NETWORK_EVENT_PREFIXES = (
    "socket.",
    "http.",
    "urllib.",
    "ftplib.",
    "smtplib.",
    "poplib.",
    "imaplib.",
    "nntplib.",
    "telnetlib.",
    "webbrowser.",
)
_recorded: list[str] | None = None
_hook_installed = False


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _recorded is not None and event.startswith(_NETWORK_EVENT_PREFIXES):
        _recorded.append(f"audit {event} {args!r:.200}")


def _ensure_audit_hook() -> None:
    global _hook_installed
    if not _hook_installed:  # audit hooks cannot be removed; this one does nothing unless recording
        sys.addaudithook(_audit)
        _hook_installed = True


@contextlib.contextmanager
def recording_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record every socket attempt: audit events, and calls the guard refuses (even if swallowed)."""
    global _recorded
    _ensure_audit_hook()
    events: list[str] = []

    def refusing(name: str) -> object:
        def refuse(*args: object, **kwargs: object) -> None:
            events.append(f"guard {name} {args!r:.200}")
            raise NetworkAccessError("Companion must not open network sockets")

        return refuse

    with monkeypatch.context() as patch:
        for name in ("connect", "connect_ex", "bind", "sendto", "listen"):
            patch.setattr(socket.socket, name, refusing(f"socket.{name}"))
        patch.setattr(socket, "create_connection", refusing("create_connection"))
        patch.setattr(socket, "getaddrinfo", refusing("getaddrinfo"))
        _recorded = events
        try:
            yield events
        finally:
            _recorded = None


# --- the guard itself -----------------------------------------------------------------------------------


def test_the_guard_refuses_a_connection_to_localhost_before_it_reaches_the_os() -> None:
    """Only the conftest guard is in force here; the audit hook shows what reached the OS."""
    global _recorded
    _ensure_audit_hook()
    seen: list[str] = []
    _recorded = seen
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            with pytest.raises(NetworkAccessError):
                sock.connect(("127.0.0.1", 9))
            with pytest.raises(NetworkAccessError):
                sock.connect_ex(("127.0.0.1", 9))
            with pytest.raises(NetworkAccessError):
                sock.bind(("127.0.0.1", 0))
        with pytest.raises(NetworkAccessError):
            socket.create_connection(("127.0.0.1", 9), timeout=1)
        with pytest.raises(NetworkAccessError):
            socket.getaddrinfo("localhost", 80)
    finally:
        _recorded = None
    # The socket object was made (the audit hook saw it), but no connect or bind ever reached the OS.
    assert any("socket.__new__" in e for e in seen), seen
    assert not any(word in e for e in seen for word in ("socket.connect", "socket.bind", "getaddrinfo")), seen


def test_the_recorder_sees_sockets_made_below_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Positive control: a C-level socket, which the guard's monkeypatches cannot see, is still recorded."""
    with recording_network(monkeypatch) as events:
        raw = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
        raw.close()
        with contextlib.suppress(NetworkAccessError):
            socket.create_connection(("127.0.0.1", 9))
    assert any("socket.__new__" in e for e in events), events
    assert any("create_connection" in e for e in events), events


# --- a whole session ----------------------------------------------------------------------------------


def test_a_whole_diary_session_touches_no_network(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, vault_path: Path, cheap_kdf: KdfParams
) -> None:
    with recording_network(monkeypatch) as events:
        context = AppContext.load(data_dir, kdf_factory=lambda: cheap_kdf)
        context.update_settings(language="cy")
        session, recovery = DiarySession.create(context.vault_path, PASSPHRASE, context.kdf_factory())
        first, _ = session.diary.record_pain(4, note="stiff after the drive")
        session.diary.record_pain(7, note="flare")
        assert [e.note for e in session.diary.entries_today()] == ["stiff after the drive", "flare"]
        session.close()  # lock

        session = DiarySession.open(vault_path, passphrase=PASSPHRASE)  # unlock
        session.diary.record_pain(2, note="better")
        session.diary.delete_entry(first.id)
        assert session.change_passphrase(PASSPHRASE, "new passphrase for the diary", cheap_kdf)
        session.close()

        session = DiarySession.open(vault_path, recovery_key=recovery)  # unlock with the recovery key
        assert session.diary.entry_count() == 2
        session.close()
        session = DiarySession.open(vault_path, passphrase="new passphrase for the diary")
        session.close()
    assert events == []


# --- the source -----------------------------------------------------------------------------------------

FORBIDDEN = (
    "socket",
    "socketserver",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "websocket",
    "websockets",
    "PySide6.QtNetwork",
    "PySide6.QtWebSockets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(source: str, module: str, is_package: bool = False) -> set[str]:
    """Every module name `source` imports, absolute, including importlib.import_module("...") and __import__."""
    names: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                names.add(node.args[0].value)
    return names


def forbidden(names: set[str]) -> set[str]:
    return {n for n in names if any(n == f or n.startswith(f + ".") for f in FORBIDDEN)}


def test_the_source_check_catches_every_way_of_importing_a_network_module() -> None:
    sample = "\n".join(
        [
            "import socket",
            "import http.client",
            "from urllib import request",
            "from urllib.request import urlopen",
            "import requests as r",
            "import ssl",
            "from PySide6 import QtNetwork",
            "from PySide6.QtNetwork import QTcpSocket",
            "import importlib",
            "importlib.import_module('ftplib')",
            "__import__('smtplib')",
            "import urllib.parse, json, sqlite3",  # allowed
            "from PySide6 import QtCore",  # allowed
            "import socketish",  # allowed: only whole module names count
        ]
    )
    found = forbidden(imported_names(sample, "companion.x"))
    assert found == {
        "socket",
        "http.client",
        "urllib.request",
        "urllib.request.urlopen",
        "requests",
        "ssl",
        "PySide6.QtNetwork",
        "PySide6.QtNetwork.QTcpSocket",
        "ftplib",
        "smtplib",
    }


def test_no_module_under_companion_imports_a_network_module() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20, "the package was not found"
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(found)
        for path in files
        if (
            found := forbidden(
                imported_names(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")
            )
        )
    }
    assert offenders == {}
