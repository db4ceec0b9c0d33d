"""Write a made-up diary of any length to a folder, through the real storage code (companion.synthetic).

    python benchmarks/make_vault.py --years 10 --out /some/folder            # cheap KDF, passphrase "benchmark"
    python benchmarks/make_vault.py --days 30 --out X --seed 7 --calibrated  # production key costs

The folder gets diary.vault (and settings.json with the language set to English, so the app opens
straight on the lock screen). The folder must not already hold a diary. The data is made up; the cheap
key derivation (the tests' parameters) makes unlocking fast, so never keep real entries in such a diary.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from companion.services.app_context import AppContext  # noqa: E402
from companion.services.session import DiarySession  # noqa: E402
from companion.storage.kdf import KdfParams  # noqa: E402
from companion.synthetic import generate  # noqa: E402

PASSPHRASE = "benchmark"
CHEAP_KDF = KdfParams(iterations=1, lanes=1, memory_kib=64)  # as the tests use; never in production


def make_vault(
    folder: Path, *, days: int, seed: int = 1, passphrase: str = PASSPHRASE, kdf: KdfParams = CHEAP_KDF
) -> Path:
    """Create `folder`/diary.vault holding `days` days of made-up diary; returns the vault's path."""
    folder.mkdir(parents=True, exist_ok=True)
    context = AppContext.load(folder)
    context.update_settings(language="en")
    session, _recovery = DiarySession.create(context.vault_path, passphrase, kdf)
    try:
        generate(session, days=days, seed=seed)
    finally:
        session.close()
    return context.vault_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--years", type=float, help="length of the diary in years (365 days each)")
    size.add_argument("--days", type=int, help="length of the diary in days")
    parser.add_argument("--out", required=True, type=Path, help="folder to create the diary in")
    parser.add_argument("--seed", type=int, default=1, help="seed: the same seed gives the same diary")
    parser.add_argument("--passphrase", default=PASSPHRASE)
    parser.add_argument("--calibrated", action="store_true", help="production Argon2id costs (slow to unlock)")
    args = parser.parse_args(argv)
    days = args.days if args.days is not None else round(args.years * 365)
    started = time.perf_counter()
    kdf = KdfParams.calibrated() if args.calibrated else CHEAP_KDF
    path = make_vault(args.out, days=days, seed=args.seed, passphrase=args.passphrase, kdf=kdf)
    print(f"{path}: {days} days, {path.stat().st_size} bytes, {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
