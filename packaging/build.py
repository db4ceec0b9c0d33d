"""Build the one-folder desktop bundle with PyInstaller, then prove it works by running its --self-test.

    python packaging/build.py            # compile catalogs, build dist/companion/, run the frozen self-test
    python packaging/build.py --no-test  # build only

Needs the `bundle` extra (`pip install -e ".[bundle]"`). Prints the time each stage took and the bundle's
size; exits nonzero when PyInstaller or the frozen self-test fails. The spec (packaging/companion.spec)
uses compile_catalogs() from here, so running `pyinstaller packaging/companion.spec` directly works too.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "companion.spec"
NAME = "companion"


def compile_catalogs(out: Path) -> list[tuple[str, str]]:
    """Compile translations/*/LC_MESSAGES/companion.po into `out`; returns PyInstaller (source, dest) pairs
    placing each .mo where companion.i18n looks for it: companion/locale/LANG/LC_MESSAGES/."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    pairs = []
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/companion.po")):
        lang = po.parent.parent.name
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        mo = out / lang / "LC_MESSAGES" / "companion.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        pairs.append((str(mo), f"companion/locale/{lang}/LC_MESSAGES"))
    if not pairs:
        raise SystemExit("no catalogs found under translations/")
    return pairs


def frozen_executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / "Companion.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-test", action="store_true", help="build only; skip the frozen self-test")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder (default: dist/)")
    parser.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"), help="PyInstaller's work folder")
    args = parser.parse_args(argv)
    dist, work = Path(args.dist), Path(args.work)

    started = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    print("building:", " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        print("PyInstaller failed", file=sys.stderr)
        return 1
    built = time.perf_counter()
    bundle = dist / ("Companion.app" if sys.platform == "darwin" else NAME)
    size = folder_size(bundle)
    print(f"built {bundle} in {built - started:.0f} s: {size / 2**20:.0f} MiB, "
          f"{sum(1 for p in bundle.rglob('*') if p.is_file())} files", flush=True)
    if args.no_test:
        return 0

    exe = frozen_executable(dist)
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(f"running {exe} --self-test", flush=True)
    test_start = time.perf_counter()
    result = subprocess.run([str(exe), "--self-test"], env=env, stdin=subprocess.DEVNULL, timeout=300, check=False)
    test_time = time.perf_counter() - test_start
    verdict = "passed" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    print(f"frozen self-test {verdict} in {test_time:.1f} s; build {built - started:.0f} s; "
          f"bundle {size / 2**20:.0f} MiB; total {time.perf_counter() - started:.0f} s", flush=True)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
