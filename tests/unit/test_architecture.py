"""The wall and the house rules, read from the source: no pyplot, Qt only behind the wall, docstrings."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "companion"
QT_ALLOWED = ("ui/", "app.py", "reports/pdf.py", "__main__.py")


def _modules() -> list[tuple[str, ast.Module]]:
    return [
        (str(p.relative_to(PACKAGE)), ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(PACKAGE.rglob("*.py"))
        if "migrations/versions" not in str(p) or p.name != "__init__.py"
    ]


def _imports(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_matplotlib_pyplot_is_never_imported() -> None:
    offenders = [rel for rel, tree in _modules() if any(n.startswith("matplotlib.pyplot") for n in _imports(tree))]
    assert offenders == []


def test_pyside6_only_behind_the_wall() -> None:
    offenders = [
        rel
        for rel, tree in _modules()
        if not rel.startswith(QT_ALLOWED) and any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imports(tree))
    ]
    assert offenders == []


def test_no_network_modules_anywhere() -> None:
    banned = ("socket", "http", "urllib.request", "requests", "ssl", "PySide6.QtNetwork", "ftplib", "smtplib")
    offenders = [(rel, n) for rel, tree in _modules() for n in _imports(tree) if n.startswith(banned)]
    assert offenders == []


def test_every_module_has_a_docstring_and_stays_under_600_lines() -> None:
    for rel, tree in _modules():
        if rel.startswith("storage/migrations/versions/") or rel.endswith("env.py"):
            continue
        assert ast.get_docstring(tree), f"{rel} needs a one-line docstring"
        assert len((PACKAGE / rel).read_text(encoding="utf-8").splitlines()) <= 600, rel
