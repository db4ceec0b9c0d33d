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


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_only_nodes(tree: ast.Module) -> set[int]:
    """The import statements under `if TYPE_CHECKING:` (type hints only; they do not run)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(id(inner) for statement in node.body for inner in ast.walk(statement))
    return found


def _import_graph(package: Path = PACKAGE) -> dict[str, dict[str, bool]]:
    """Every module's imports of other modules of the package: {importer: {imported: runs at run time}}.
    Imports inside functions count: a cycle hidden by an import inside a function is still a cycle. An
    import under TYPE_CHECKING is an edge too, marked as not running."""
    paths = {_module_name(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, dict[str, bool]] = {}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        type_only = _type_only_nodes(tree)
        found: dict[str, bool] = {}
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package_parts = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                    package_parts = package_parts[: len(package_parts) - (node.level - 1)]
                    base = ".".join([*package_parts, base] if base else package_parts)
                names = [base, *(f"{base}.{a.name}" for a in node.names)]
            for imported in names:
                while imported and imported not in paths:
                    imported = imported.rpartition(".")[0]
                if imported and imported != name:
                    found[imported] = found.get(imported, False) or id(node) not in type_only
        graph[name] = found
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root, children_of_root in graph.items():
        if root in index:
            continue
        work = [(root, iter(sorted(children_of_root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def _runtime_cycles(graph: dict[str, dict[str, bool]]) -> list[set[str]]:
    """Cycles with at least one import in them that runs (two modules naming each other only in type
    hints, under TYPE_CHECKING, are not a dependency cycle)."""
    cycles = _cycles({name: set(targets) for name, targets in graph.items()})
    return [c for c in cycles if any(runs for name in c for target, runs in graph[name].items() if target in c)]


def test_no_import_cycles_even_through_imports_inside_functions() -> None:
    assert [sorted(c) for c in _runtime_cycles(_import_graph())] == []


def test_the_cycle_finder_finds_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    """Positive control: one top-level import one way and one inside a function (relative) the other way."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text('"""A package."""\n')
    (package / "one.py").write_text("from pkg.two import helper\n")
    (package / "two.py").write_text("def helper():\n    from .one import helper as _h\n")
    (package / "three.py").write_text("import pkg.one\n")
    (package / "four.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.five\n")
    (package / "five.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.four\n")
    graph = _import_graph(package)
    assert sorted(map(sorted, _cycles({k: set(v) for k, v in graph.items()}))) == [
        ["pkg.five", "pkg.four"],
        ["pkg.one", "pkg.two"],
    ]
    assert _runtime_cycles(graph) == [{"pkg.one", "pkg.two"}]  # type hints naming each other are no cycle
