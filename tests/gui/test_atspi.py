"""A real screen-reader path: Companion under Xvfb on a private D-Bus session with the AT-SPI registry, read
by pyatspi (the library Orca uses) from Debian's Python. Marked `atspi`; skipped where the pieces are missing
(Debian packages: xvfb, at-spi2-core, python3-pyatspi, libxcb-icccm4, libxcb-keysyms1).

Run alone: QT_QPA_PLATFORM=offscreen python -m pytest -m atspi tests/gui/test_atspi.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.demo import create_demo_diary
from companion.storage.app_settings import AppSettings, save_settings
from tests.conftest import CHEAP_KDF

pytestmark = pytest.mark.atspi

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER = Path(__file__).resolve().parent.parent / "helpers" / "atspi_reader.py"


def missing_pieces() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False).returncode
    ):
        missing.append("python3-pyatspi")
    return missing


class Session:
    """A private D-Bus session bus, the AT-SPI bus launcher on it, and an Xvfb display; stopped in reverse."""

    def __init__(self, tmp: Path) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        runtime = tmp / "runtime"
        runtime.mkdir(mode=0o700)
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp),
            "XDG_RUNTIME_DIR": str(runtime),
            "LANG": "C.UTF-8",
        }
        bus = self.start(["dbus-daemon", "--session", "--nofork", "--print-address=1"])
        assert bus.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        self.start([BUS_LAUNCHER, "--launch-immediately"], stdout=subprocess.DEVNULL)
        xvfb = self.start(["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1280x900x24"])
        assert xvfb.stdout is not None
        self.env["DISPLAY"] = ":" + xvfb.stdout.readline().decode().strip()

    def start(self, command: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        options: dict[str, object] = {"stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL, "env": self.env}
        options.update(kwargs)
        process = subprocess.Popen(command, **options)  # type: ignore[call-overload]
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Session]:
    missing = missing_pieces()
    if missing:
        pytest.skip("AT-SPI test needs: " + ", ".join(missing))
    running = Session(tmp_path)
    yield running
    running.stop()


def test_a_screen_reader_unlocks_the_diary_and_reads_the_check_in(desktop: Session, data_dir: Path) -> None:
    create_demo_diary(data_dir, CHEAP_KDF).close()  # passphrase "demo"
    save_settings(data_dir, AppSettings(language="en"))
    app_env = dict(desktop.env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    app_log = data_dir.parent / "app.log"
    with app_log.open("wb") as log:
        app = desktop.start(
            [sys.executable, "-m", "companion", "--data-dir", str(data_dir)],
            env=app_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[2],
        )
        reader = subprocess.run(
            [SYSTEM_PYTHON, str(READER), "demo"], env=desktop.env, capture_output=True, timeout=120, check=False
        )
    assert app.poll() is None, "the app stopped: " + app_log.read_text(errors="replace")[-2000:]
    assert reader.returncode == 0, reader.stderr.decode(errors="replace")[-3000:]
    result = json.loads(reader.stdout)
    print(f"AT-SPI: unlocked and read {len(result['nodes'])} nodes in {result['seconds']} s")
    nodes = result["nodes"]
    named = {(n["role"], n["name"]): n for n in nodes}

    # The pain scale: eleven toggle buttons a screen reader names "Pain N out of 10", the ends described.
    scale = [n for n in nodes if n["name"].startswith("Pain ") and n["name"].endswith(" out of 10")]
    assert [n["name"] for n in scale] == [f"Pain {v} out of 10" for v in range(11)]
    assert {n["role"] for n in scale} <= {"toggle button", "check box", "push button"}
    assert scale[0]["description"] == "0 = no pain"
    assert scale[10]["description"] == "10 = pain as bad as you can imagine"
    assert "0 = no pain" in scale[5]["description"]
    # The note and the save button.
    assert any(role in ("text", "entry") and name == "Note" for role, name in named)
    assert ("push button", "Save this check-in") in named
    # Nothing a person operates is nameless.
    operable = {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "combo box",
        "text",
        "entry",
        "spin button",
        "list",
        "page tab",
        "password text",
    }
    assert [n for n in nodes if n["role"] in operable and not n["name"].strip()] == []
