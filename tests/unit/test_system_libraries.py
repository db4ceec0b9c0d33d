"""The README's apt-get line is complete for Qt's X11 window on a fresh Debian: the system libraries PySide6's
xcb platform plugin loads (with its GL integrations, the SVG icon engine and the Qt libraries they pull in),
found with `ldd`, each mapped to its Debian package (`dpkg -S`, or packaging/linux/debian-libraries.toml where
dpkg cannot say), must all be installed by the line: listed, or a dependency of a listed package, or already
on a minimal Debian with apt and python3. .ci/run installs the same packages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAP = tomllib.loads((ROOT / "packaging" / "linux" / "debian-libraries.toml").read_text(encoding="utf-8"))
READMES = ("README.md", "README.cy.md")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux with ldd only"
)


def qt_files() -> list[Path]:
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    files = [
        plugins / "platforms" / "libqxcb.so",
        *sorted((plugins / "xcbglintegrations").glob("*.so")),
        plugins / "iconengines" / "libqsvgicon.so",
        plugins / "imageformats" / "libqsvg.so",
    ]
    assert all(f.is_file() for f in files), files
    return files


@cache
def system_libraries() -> dict[str, str | None]:
    """Each library outside PySide6 that the files load, directly or through another library: name -> path
    (None where ldd reports it "not found")."""
    import PySide6

    own = str(Path(PySide6.__file__).parent)
    found: dict[str, str | None] = {}
    for file in qt_files():
        output = subprocess.run(["ldd", str(file)], capture_output=True, text=True, check=True).stdout
        for line in output.splitlines():
            match = re.match(r"\s*(\S+)\s+=>\s+(not found|\S+)", line)
            if match and not match.group(2).startswith(own):
                found[match.group(1)] = None if match.group(2) == "not found" else match.group(2)
    return found


@cache
def dpkg_owners() -> dict[str, str]:
    """Library path -> the Debian package that installed it, asked of dpkg once for every library (the same
    file may be registered under /lib or /usr/lib)."""
    if shutil.which("dpkg") is None:
        return {}
    forms: dict[str, str] = {}
    for path in filter(None, system_libraries().values()):
        real = os.path.realpath(path)
        for form in (path, real, real.removeprefix("/usr"), "/usr" + real):
            forms.setdefault(form, path)
    output = subprocess.run(["dpkg", "-S", *forms], capture_output=True, text=True).stdout
    owners: dict[str, str] = {}
    for line in output.splitlines():
        package, _sep, form = line.partition(": ")
        if form in forms and "diversion" not in package:
            owners.setdefault(forms[form], package.split(":")[0].split(",")[0].strip())
    return owners


def dpkg_owner(path: str) -> str | None:
    return dpkg_owners().get(path)


_DEPENDS: dict[str, tuple[str, ...]] = {}


def _learn_depends(packages: set[str]) -> None:
    """Read the Depends and Pre-Depends of these installed packages (first of each alternative) in one call;
    a package that is not installed depends on nothing we can know."""
    ask = sorted(p for p in packages if p not in _DEPENDS)
    if not ask:
        return
    output = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\n", *ask], capture_output=True, text=True
    ).stdout
    for line in output.splitlines():
        package, _tab, deps = line.partition("\t")
        names = [part.split("|")[0].split()[0].split(":")[0] for part in deps.split(",") if part.strip()]
        _DEPENDS[package] = tuple(names)
    for package in ask:
        _DEPENDS.setdefault(package, ())


def installed_with(packages: list[str]) -> set[str]:
    """The packages and everything apt installs with them (their Depends, recursively)."""
    seen: set[str] = set()
    frontier = set(packages)
    while frontier:
        seen |= frontier
        _learn_depends(frontier)
        frontier = {d for p in frontier for d in _DEPENDS[p]} - seen
    return seen


def apt_line(readme: str) -> list[str]:
    text = (ROOT / readme).read_text(encoding="utf-8")
    lines = re.findall(r"`sudo apt-get install ([^`]+)`", text)
    assert len(lines) == 1, f"{readme} should have one apt-get line for Qt's libraries"
    return lines[0].split()


@cache
def needed_packages() -> tuple[dict[str, str], list[str]]:
    """Library -> package for every library, and the libraries no one could place (for the failure message)."""
    placed: dict[str, str] = {}
    unknown: list[str] = []
    for name, path in system_libraries().items():
        package = dpkg_owner(path) if path else None
        package = package or MAP["libraries"].get(name)
        if package is None:
            unknown.append(f"{name} ({path or 'not found'}): add it to packaging/linux/debian-libraries.toml")
        else:
            placed[name] = package
    return placed, unknown


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="a Debian system (dpkg) to follow dependencies")
@pytest.mark.parametrize("readme", READMES)
def test_the_readme_apt_line_installs_every_library_qts_window_needs(readme: str) -> None:
    placed, unknown = needed_packages()
    assert unknown == []
    assert {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libGL.so.1"} <= set(placed), "ldd found too little"
    already = installed_with(MAP["base"])
    listed = apt_line(readme)
    brought = installed_with(listed)
    missing = sorted({p for p in placed.values() if p not in already and p not in brought})
    assert missing == [], f"{readme}'s apt-get line misses {missing}"


def test_the_map_agrees_with_dpkg_where_dpkg_knows() -> None:
    disagree = {
        name: (dpkg_owner(path), MAP["libraries"][name])
        for name, path in system_libraries().items()
        if path and name in MAP["libraries"] and dpkg_owner(path) not in (None, MAP["libraries"][name])
    }
    assert disagree == {}


def test_both_readmes_have_the_same_line_and_ci_installs_it() -> None:
    english, welsh = (apt_line(r) for r in READMES)
    assert english == welsh
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
            "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "libxkbcommon-x11-0"} <= set(english)  # fmt: skip
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_packages = set(re.findall(r"[\w.+-]+\.so[.\d]*:([a-z0-9.+-]+)", ci))
    assert sorted(set(english) - ci_packages) == []


def test_the_check_finds_a_missing_package() -> None:
    """The line as it was before this test (issue 20: Qt's xcb plugin aborted on a fresh Debian)."""
    if shutil.which("dpkg-query") is None:
        pytest.skip("needs dpkg")
    placed, _unknown = needed_packages()
    old = ["libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3"]
    brought = installed_with(old) | installed_with(MAP["base"])
    missing = {p for p in placed.values() if p not in brought}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"} <= missing
