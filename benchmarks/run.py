"""Every benchmark of issue #10, each as a ratio to a floor measured in the same run; prints one JSON object.

    python benchmarks/run.py                  # all six, 7 samples each (a few minutes on 2 cores)
    python benchmarks/run.py --quick          # 3 samples each
    python benchmarks/run.py --only chart     # one or more of: startup unlock save background_save chart summary
                                              # memory checkin
    python benchmarks/run.py --check          # exit 1 when a target is missed

It first writes a ten-year made-up diary (benchmarks/make_vault.py, cheap key derivation) into a fresh
folder on the same disk as this checkout (not /tmp, which may be tmpfs where fsync is free), runs the
benchmarks, and deletes the folder. Medians of repeated, interleaved runs; see docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
for where in (ROOT, HERE):
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NAMES = ("startup", "unlock", "save", "background_save", "chart", "summary", "memory", "checkin")
TEN_YEARS = 3650


def probe(*args: str, env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    """Run benchmarks/probes.py in a fresh interpreter: (seconds from start to its answer, its answer)."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(HERE / "probes.py"), *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {args} failed:\n{done.stderr[-3000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return start, answer


def compile_catalogs() -> list[str]:
    """Compile translations/*/LC_MESSAGES/companion.po to .mo where missing or older, as the wheel build and
    .ci/run do: an installed app reads compiled catalogs, while a checkout without them compiles the Welsh
    catalog in memory at every start (about half a second), which is not what people run."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    compiled = []
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/companion.po")):
        mo = po.with_suffix(".mo")
        if not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as fh:
                catalog = read_po(fh, locale=po.parent.parent.name)
            with mo.open("wb") as fh:
                write_mo(fh, catalog, use_fuzzy=False)
            compiled.append(str(mo.relative_to(ROOT)))
    return compiled


def bench_startup(folder: Path, repeats: int, env: dict[str, str]) -> dict[str, Any]:
    """Process start to the lock screen shown, against a bare PySide6 window shown the same way."""
    from bench_app import figure

    def one(*args: str) -> float:
        start, answer = probe("startup", *args, env=env)
        return float(answer["shown"]) - start

    one("app", str(folder))  # warm the disk cache and matplotlib's font cache for both
    one("bare")
    app, bare = [], []
    for _ in range(repeats):
        app.append(one("app", str(folder)))
        bare.append(one("bare"))
    return figure(statistics.median(app), statistics.median(bare), 1.3)


def bench_memory(folder: Path, repeats: int, env: dict[str, str]) -> dict[str, Any]:
    """Peak resident memory (VmHWM) with the ten-year diary open and Trends shown, against a bare
    PySide6 + matplotlib process with one figure drawn."""
    app, bare = [], []
    for _ in range(max(1, min(repeats, 3))):  # peak memory barely varies between runs
        app.append(probe("memory", "app", str(folder), env=env)[1]["peak_kib"])
        bare.append(probe("memory", "bare", env=env)[1]["peak_kib"])
    median, floor = statistics.median(app), statistics.median(bare)
    ratio = median / floor
    return {
        "median_mib": round(median / 1024, 1),
        "floor_mib": round(floor / 1024, 1),
        "ratio": round(ratio, 2),
        "target": 1.5,
        "pass": ratio <= 1.5,
    }


def bench_chart(repeats: int) -> dict[str, Any]:
    from bench_pain_chart import run as run_chart

    result = run_chart(max(repeats, 5), seed=1)["pain_chart_10y"]
    return {**result, "pass": result["ratio"] <= result["target"]}


def environment(folder: Path) -> dict[str, Any]:
    import matplotlib
    import PySide6

    return {
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "matplotlib": matplotlib.__version__,
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "work_folder_fs": filesystem_of(folder),
    }


def filesystem_of(path: Path) -> str:
    best, kind = "", "unknown"
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return kind
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and str(path.resolve()).startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 samples per benchmark instead of 7")
    parser.add_argument("--repeats", type=int, default=0, help="samples per benchmark (overrides --quick)")
    parser.add_argument("--only", nargs="+", choices=NAMES, default=list(NAMES), help="run only these")
    parser.add_argument("--days", type=int, default=TEN_YEARS, help="length of the made-up diary")
    parser.add_argument("--check", action="store_true", help="exit 1 when any target is missed")
    parser.add_argument("--dir", type=Path, default=HERE, help="where to make the work folder (a real disk)")
    parser.add_argument("--from", dest="source", type=Path, help="copy this make_vault.py folder, not make one")
    args = parser.parse_args(argv)
    repeats = args.repeats or (3 if args.quick else 7)
    work = Path(tempfile.mkdtemp(prefix="companion-bench-", dir=args.dir))
    env = {**os.environ, "MPLCONFIGDIR": str(work / "mpl"), "QT_QPA_PLATFORM": "offscreen"}
    os.environ["MPLCONFIGDIR"] = env["MPLCONFIGDIR"]
    result: dict[str, Any] = {"command": " ".join(["python benchmarks/run.py", *(argv or sys.argv[1:])])}
    try:
        folder = work / "diary"
        needs_vault = set(args.only) - {"chart"}
        if needs_vault and args.source is not None:
            shutil.copytree(args.source, folder)
            vault = folder / "diary.vault"
            result["vault"] = {"copied_from": str(args.source), "bytes": vault.stat().st_size}
        elif needs_vault:
            from make_vault import make_vault

            started = time.perf_counter()
            vault = make_vault(folder, days=args.days, seed=1)
            result["vault"] = {
                "days": args.days,
                "bytes": vault.stat().st_size,
                "generate_s": round(time.perf_counter() - started, 1),
            }
        result["environment"] = environment(work)
        result["catalogs_compiled_now"] = compile_catalogs()
        result["repeats"] = repeats
        figures: dict[str, Any] = {}
        for name in NAMES:
            if name not in args.only:
                continue
            if name == "startup":
                figures[name] = bench_startup(folder, repeats, env)
            elif name == "memory":
                figures[name] = bench_memory(folder, repeats, env)
            elif name == "chart":
                figures[name] = bench_chart(repeats)
            elif name == "checkin":
                from bench_checkin import bench_checkin

                figures[name] = bench_checkin(folder, repeats)
            elif name == "background_save":
                from bench_saving import bench_background_save

                figures[name] = bench_background_save(folder, repeats)
            else:
                import bench_app

                figures[name] = getattr(bench_app, f"bench_{name}")(folder, repeats)
        result["figures"] = figures
        result["all_pass"] = all(f["pass"] for f in figures.values())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 1 if args.check and not result.get("all_pass", False) else 0


if __name__ == "__main__":
    sys.exit(main())
