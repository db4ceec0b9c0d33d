"""Coverage-guided fuzzing of the vault container and the JSON import with atheris (libFuzzer), optional.

Not collected by pytest and not part of CI: atheris is not in the project's extras. To run it:

    .venv/bin/pip install atheris
    .venv/bin/python tests/reliability/fuzz_atheris.py container -atheris_runs=200000
    .venv/bin/python tests/reliability/fuzz_atheris.py import -atheris_runs=200000

Each target starts from a seed corpus (a real vault, or a real export of the newest fixture diary)
written to a temporary folder, and fails (libFuzzer writes a crash-* file with the input) on any exception
other than the documented ones: NotAVaultError, DamagedVaultError, NewerVersionError or
WrongPassphraseError from the container, ImportFormatError from the import. Extra arguments go to
libFuzzer (e.g. -max_total_time=600). docs/reliability.md gives the figures of the last run.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["companion"]):  # the fixtures module is not instrumented
    from companion.domain.errors import (
        DamagedVaultError,
        ImportFormatError,
        NewerVersionError,
        NotAVaultError,
        WrongPassphraseError,
    )
    from companion.services import transfer
    from companion.services.session import DiarySession
    from companion.services.transfer_json import parse_export
    from companion.storage.kdf import KdfParams
    from companion.storage.vault import unlock_blob
    from tests.fixtures.make_fixture_vaults import PASSPHRASE, fixture_path, revisions

CONTAINER_ERRORS = (NotAVaultError, DamagedVaultError, NewerVersionError, WrongPassphraseError)


def fuzz_container(data: bytes) -> None:
    with contextlib.suppress(CONTAINER_ERRORS):
        unlock_blob(data, passphrase=PASSPHRASE)


def fuzz_import(data: bytes) -> None:
    try:
        parse_export(data)
    except ImportFormatError as exc:
        exc.message()


def _seeds(target: str, folder: Path) -> None:
    newest = fixture_path(revisions()[-1])
    if target == "container":
        shutil.copyfile(newest, folder / "vault")
        for rev in revisions():
            shutil.copyfile(fixture_path(rev), folder / f"vault-{rev}")
        return
    work = Path(tempfile.mkdtemp(prefix="atheris-export-"))
    try:
        shutil.copyfile(newest, work / "diary.vault")
        session = DiarySession.open(work / "diary.vault", passphrase=PASSPHRASE)
        try:
            (folder / "export.json").write_bytes(transfer.export_json(session))
        finally:
            session.close()
        empty, _recovery = DiarySession.create(work / "empty" / "diary.vault", "x", KdfParams(1, 1, 64))
        try:
            (folder / "empty.json").write_bytes(transfer.export_json(empty))
        finally:
            empty.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("container", "import"):
        sys.exit("usage: fuzz_atheris.py container|import [libFuzzer options]")
    target = sys.argv[1]
    corpus = Path(tempfile.mkdtemp(prefix=f"atheris-{target}-"))
    _seeds(target, corpus)
    atheris.Setup([sys.argv[0], *sys.argv[2:], str(corpus)], fuzz_container if target == "container" else fuzz_import)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
