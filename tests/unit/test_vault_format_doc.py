"""docs/vault-format.md lists every table and column of the image and every schema revision: this fails when
companion/storage/models.py or the migrations drift from the document (update the document with them)."""

from __future__ import annotations

import re
from pathlib import Path

from companion.storage.models import Base
from tests.conftest import HEAD_REVISION

DOC = (Path(__file__).resolve().parents[2] / "docs" / "vault-format.md").read_text(encoding="utf-8")


def _documented_tables() -> dict[str, list[str]]:
    block = DOC.split("<!-- tables:start -->", 1)[1].split("<!-- tables:end -->", 1)[0]
    tables = {}
    for name, columns in re.findall(r"^\* `(\w+)` \(([^)]*)\)$", block, re.M):
        tables[name] = [c.strip() for c in columns.split(",")]
    return tables


def test_every_table_and_column_is_in_the_document() -> None:
    models = {table.name: [c.name for c in table.columns] for table in Base.metadata.sorted_tables}
    assert _documented_tables() == models
    assert f"That is {len(models) + 1} tables with `alembic_version`" in DOC


def test_the_newest_schema_revision_is_in_the_document() -> None:
    assert f"`0001` to `{HEAD_REVISION}`" in DOC
    assert f"this list describes revision `{HEAD_REVISION}`" in DOC


def test_every_cli_exit_code_is_documented() -> None:
    from companion import cli

    cli_doc = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    codes = {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    for code in codes:
        assert re.search(rf"^\| {code} \|", cli_doc, re.M), f"exit code {code} is not in docs/cli.md"
