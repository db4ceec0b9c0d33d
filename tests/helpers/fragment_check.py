"""A static check for sentences built by joining translated fragments (Welsh mutates words after other words,
so "Go to " + _("Settings") cannot be translated; see ../shared/guide/welsh.md §2.2).

It reads the source with `ast` and reports:
- `+` (or `%`) with a translated operand, unless every translated operand is a whole sentence (its English ends
  in . ! ? or …) and every other literal operand is only spaces or line breaks;
- f-strings with a translated value and anything else in them, on the same terms;
- `sep.join([...])` over translated items, on the same terms;
- a translated template whose `.format()` gets another translated string as a value. This can be legitimate
  (a translated name in a label position, "Source: {source}"), so such uses are allowed one by one in
  ALLOWED_FORMAT_ARGS with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

TRANSLATORS = {"_", "gettext", "ngettext", "pgettext", "translate_in"}
SENTENCE_END = (".", "!", "?", "…", ".)", ".”", "?”")

# (file relative to the repository, English template) -> why a translated value inside it is fine.
ALLOWED_FORMAT_ARGS: dict[tuple[str, str], str] = {
    ("companion/cli_init.py", "The new passphrase is not strong enough ({level}). {hint} Nothing was changed."): (
        "strength word in brackets (a label position, never mutated) and a whole-sentence hint"
    ),
    ("companion/ui/passphrase_fields.py", "Strength: {level}. {hint}"): (
        "strength word after a colon (label position) and a whole-sentence hint"
    ),
    ("companion/reports/summary_html.py", "For {audience}."): (
        "audience name after 'ar gyfer', which does not mutate the following noun"
    ),
    ("companion/ui/checkin/tag_editor.py", "Add to “{list}”"): "list title quoted as a label, not mutated",
    ("companion/ui/flare/plan_section.py", "{number}. {title}"): "numbered heading: the title stands alone",
    ("companion/ui/flare/plan_section.py", "Example: {line}"): "a whole example line after a colon",
    ("companion/ui/goals/goals_section.py", "{goal}\n{status}; steps done: {done} of {total}"): (
        "status word at the start of its own line (label position)"
    ),
    ("companion/ui/measures/about_dialog.py", "Source: {source}"): "a citation after a colon",
    ("companion/ui/measures/about_dialog.py", "Source: {source} Free to use."): (
        "a citation after a colon, then a whole sentence"
    ),
    (
        "companion/ui/measures/about_dialog.py",
        "Pain, on Today and in the weekly check, is scored the same way: {scale}.",
    ): "the scale's whole direction ('0 = …, 10 = …') after a colon, never mutated",
    ("companion/ui/measures/peg_dialog.py", "{number}. {question}"): "numbered question: the question stands alone",
    ("companion/ui/today/score_picker.py", "{low_anchor}; {high_anchor}"): (
        "a screen reader's description listing the scale's two anchor phrases, each whole, no sentence around them"
    ),
}
# Helpers whose f-string joins the same whole message in two languages (the bilingual first-run screen).
ALLOWED_FUNCTIONS: dict[tuple[str, str], str] = {
    ("companion/ui/first_run/language_view.py", "bilingual"): "the same whole message in Welsh, then in English",
}


def _name(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


def _translated(node: ast.AST) -> ast.Call | None:
    """The translation call behind `node`: `_("...")`, `ngettext(...)`, or either followed by `.format(...)`."""
    if not isinstance(node, ast.Call):
        return None
    if _name(node) in TRANSLATORS:
        return node
    if isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _translated(node.func.value)
    return None


def _template(call: ast.Call) -> str | None:
    """The English text of a translation call, if it is a literal (the plural for ngettext)."""
    literals = [a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    if not literals:
        return None
    return literals[1] if _name(call) == "pgettext" and len(literals) > 1 else literals[-1]


def _whole_sentence(call: ast.Call) -> bool:
    text = _template(call)
    return text is not None and text.rstrip().endswith(SENTENCE_END)


def _separator(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and not node.value.strip()


def _operands(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _operands(node.left)
        yield from _operands(node.right)
    else:
        yield node


def _sentence_sequence(parts: list[ast.AST]) -> bool:
    """Whole translated sentences, and the spaces or line breaks between them: not fragment-building."""
    for part in parts:
        call = _translated(part)
        if call is not None and not _whole_sentence(call):
            return False
        if isinstance(part, ast.Constant) and not _separator(part):
            return False
    return True


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """ast.walk, about twice as fast (the check reads the whole package in every test run)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for field in current._fields:
            value = getattr(current, field, None)
            if isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append(value)


def check_source(source: str, path: str, used: set[tuple[str, str]] | None = None) -> list[tuple[str, int, str, str]]:
    """Problems in one file as (path, line, kind, source excerpt); allowances that matched go into `used`."""
    tree = ast.parse(source)
    used = set() if used is None else used
    owner: dict[ast.AST, str] = {}
    for fn in _walk(tree):
        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and (path, fn.name) in ALLOWED_FUNCTIONS:
            used.add((path, fn.name))
            owner.update((inner, fn.name) for inner in _walk(fn))
    problems: list[tuple[str, int, str, str]] = []

    def report(node: ast.AST, kind: str) -> None:
        if node in owner:
            return
        excerpt = " ".join((ast.get_source_segment(source, node) or "").split())[:120]
        problems.append((path, getattr(node, "lineno", 0), kind, excerpt))

    seen_concat: set[ast.AST] = set()
    for node in _walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and node not in seen_concat:
            parts = list(_operands(node))
            seen_concat.update(n for n in _walk(node) if isinstance(n, ast.BinOp))
            if any(_translated(p) for p in parts) and not _sentence_sequence(parts):
                report(node, "translated text joined with +")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and _translated(node.left):
            report(node, "translated template filled with %")
        elif isinstance(node, ast.JoinedStr):
            values = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
            if any(_translated(v) for v in values) and len(node.values) > 1:
                parts = [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
                if not _sentence_sequence(parts):
                    report(node, "translated text inside an f-string")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "join" and node.args:
                arg = node.args[0]
                items: list[ast.AST] = []
                if isinstance(arg, ast.List | ast.Tuple | ast.Set):
                    items = list(arg.elts)
                elif isinstance(arg, ast.GeneratorExp | ast.ListComp):
                    items = [arg.elt]
                if any(_translated(i) for i in items) and not _sentence_sequence([*items, node.func.value]):
                    report(node, "translated text joined with str.join")
            elif node.func.attr == "format" and (template_call := _translated(node.func.value)) is not None:
                values = [*node.args, *(k.value for k in node.keywords)]
                if any(_translated(v) for v in values):
                    key = (path, _template(template_call) or "")
                    if key in ALLOWED_FORMAT_ARGS:
                        used.add(key)
                    else:
                        report(node, "translated text passed into another translated template")
    return problems


def check_tree(root: Path, package: str = "companion") -> tuple[list[tuple[str, int, str, str]], list[tuple[str, str]]]:
    """Problems in every file under `package`, and the allowances that no longer match any code (so the
    allowlist cannot grow stale)."""
    problems: list[tuple[str, int, str, str]] = []
    used: set[tuple[str, str]] = set()
    for file in sorted((root / package).rglob("*.py")):
        problems += check_source(file.read_text(encoding="utf-8"), file.relative_to(root).as_posix(), used)
    unused = sorted((set(ALLOWED_FORMAT_ARGS) | set(ALLOWED_FUNCTIONS)) - used)
    return problems, unused
