"""The command line's own words, run as a real process: `companion --help` lists every command with what it
does, in the chosen language, argparse's words included ("usage:", "options", its errors); `--lang` is never
taken for `--language`; with no desktop session the window says so, in that language, before Qt starts; no
message the terminal can show asks for a button."""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from companion import cli, cli_words, i18n
from companion.domain import errors

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_ARGPARSE = ("usage:", "options:", "show this help message and exit", "positional arguments", "error:")


def run(*args: str, data_dir: Path, lang: str = "C.UTF-8", display: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "LANGUAGE", "LC_ALL", "LC_MESSAGES"}}
    env.update(COMPANION_DATA_DIR=str(data_dir), LANG=lang)
    if not display:
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=60,
    )


def welsh(message: str) -> str:
    return i18n.translate_in("cy", message)


def command_lines(help_text: str) -> dict[str, str]:
    """The commands `--help` lists, each with its description (wrapped lines joined)."""
    section = help_text.split("\n\n")
    found: dict[str, str] = {}
    current = ""
    for block in section:
        for line in block.splitlines():
            match = re.match(r"^    (\S+)(?:\s+(.*))?$", line)
            if match:
                current = match.group(1)
                found[current] = match.group(2) or ""
            elif current and line.startswith(" " * 10):
                found[current] = (found[current] + " " + line.strip()).strip()
    return found


def test_help_lists_every_command_with_what_it_does(tmp_path: Path) -> None:
    result = run("--help", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    listed = command_lines(result.stdout)
    summaries = cli.command_summaries()
    assert set(summaries) == set(cli.COMMANDS) and "summary" in listed
    assert listed == {name: " ".join(summary.split()) for name, summary in summaries.items()}
    assert all(len(text.split()) >= 4 for text in listed.values())


def test_help_is_welsh_with_argparses_own_words(tmp_path: Path) -> None:
    result = run("--help", data_dir=tmp_path, lang="cy_GB.UTF-8")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("defnydd: companion [--demo] [--data-dir FFOLDER]")
    assert "\ndewisiadau:\n" in text and "dangos y neges gymorth hon a gorffen" in text
    assert welsh("commands that need no window") + ":" in text
    assert not [word for word in ENGLISH_ARGPARSE if word in text]
    listed = command_lines(text)
    assert listed["summary"] == " ".join(
        welsh("Make the consultation summary as a PDF (NOT encrypted), without opening a window.").split()
    )
    assert set(listed) == set(cli.COMMANDS)
    # A command's own help, and an error, are Welsh too.
    result = run("backup", "--help", data_dir=tmp_path, lang="cy_GB.UTF-8")
    assert result.stdout.startswith("defnydd: companion backup") and "dewisiadau cyffredin:" in result.stdout
    result = run("backup", data_dir=tmp_path, lang="cy_GB.UTF-8")
    assert result.returncode == cli.EXIT_USAGE
    assert "companion backup: gwall: mae angen y dadleuon canlynol: --to" in result.stderr
    assert not [word for word in ENGLISH_ARGPARSE if word in result.stderr]


def test_lang_is_not_read_as_language(tmp_path: Path) -> None:
    """`summary` has its own --lang (the summary's language); elsewhere "--lang" is an error, never --language."""
    result = run("export", "--lang", "cy", "--out", str(tmp_path / "x.json"), data_dir=tmp_path)
    assert result.returncode == cli.EXIT_USAGE
    assert "unrecognized arguments: --lang cy" in result.stderr
    assert not (tmp_path / "x.json").exists()
    # The messages' language is not taken from an abbreviation either: English (LANG=C) here.
    assert cli.choose_language(["summary", "--lang", "cy", "--out", "x.pdf"]) == "en"
    assert cli.choose_language(["summary", "--language", "cy", "--out", "x.pdf"]) == "cy"
    parser = cli.build_parser(cli._AnyHandler())
    assert parser.parse_args(["summary", "--lang", "cy", "--out", "x.pdf"]).lang == "cy"
    with pytest.raises(SystemExit):
        parser.parse_args(["list-backups", "--lang", "cy"])


def test_no_desktop_session_says_so_in_the_chosen_language(tmp_path: Path) -> None:
    result = run(data_dir=tmp_path, lang="cy_GB.UTF-8")
    assert result.returncode == cli.EXIT_NO_DISPLAY == 9
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("Mae angen sesiwn bwrdd gwaith ar ffenestr Cydymaith")
    assert "'companion --help'" in message and "companion backup --to FFOLDER" in message
    assert "qt." not in message.casefold() and "xcb" not in message  # Qt never started
    english = run("--demo", data_dir=tmp_path)
    assert english.returncode == cli.EXIT_NO_DISPLAY
    assert english.stderr.startswith("Companion's window needs a desktop session")
    # The commands still work without one: list-backups answers (there is no diary in this folder yet).
    listed = run("list-backups", data_dir=tmp_path)
    assert listed.returncode == cli.EXIT_NOT_A_DIARY
    assert "There is no diary in" in listed.stderr and "desktop session" not in listed.stderr


def test_a_platform_that_needs_no_display_is_trusted() -> None:
    from companion.display import window_cannot_open

    assert window_cannot_open({}, "linux")
    assert window_cannot_open({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not window_cannot_open({"DISPLAY": ":0"}, "linux")
    assert not window_cannot_open({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not window_cannot_open({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not window_cannot_open({"QT_QPA_PLATFORM": "wayland;minimal"}, "linux")
    assert not window_cannot_open({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}, "linux")
    assert not window_cannot_open({}, "win32") and not window_cannot_open({}, "darwin")


# ---- argparse's words reach the catalog, and come back out -------------------------------------------------

# argparse texts that only a programmer's mistake can show (never a person running Companion).
PROGRAMMER_ONLY = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)",
    'argument "-" with mode %r',
    "can't open '%(filename)s': %(error)s",  # argparse.FileType, which Companion does not use
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
    "conflicting option string: %s",
}


def _argparse_texts() -> set[str]:
    """Every text the installed argparse looks up through `_()` or `ngettext()` (its singular)."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in {"_", "ngettext"}:
            parts = node.args[0]
            if isinstance(parts, ast.Constant) and isinstance(parts.value, str):
                found.add(parts.value)
    return found


def test_every_word_argparse_can_show_a_person_is_in_the_catalog() -> None:
    """A new Python that adds a word to argparse fails here, so the word is added and translated."""
    texts = _argparse_texts()
    assert "usage: " in texts and "options" in texts
    covered = set(cli_words.ARGPARSE_WORDS) | {"expected %s argument"}
    assert sorted(texts - covered - PROGRAMMER_ONLY) == []
    assert sorted(covered - texts) == [], "a listed word argparse no longer uses"
    for word in covered:
        assert welsh(word) != word, word


def test_argparse_speaks_welsh_only_inside_the_block() -> None:
    i18n.set_language("cy")
    with cli_words.speaking_ours():
        text = argparse.ArgumentParser(prog="x").format_help()
    assert text.startswith("defnydd: x [-h]") and "dewisiadau:" in text
    assert argparse.ArgumentParser(prog="x").format_help().startswith("usage: x [-h]")
    with pytest.raises(SystemExit), cli_words.speaking_ours():
        argparse.ArgumentParser(prog="x").parse_args(["--bogus"])
    assert argparse.ArgumentParser(prog="x").format_help().startswith("usage: x [-h]")


# ---- the terminal never asks for a button -------------------------------------------------------------------

BUTTON_WORDS = re.compile(
    r"\b(?:Retry|click|press|button|Switch to that window|Close Companion)\b|Ceisio Eto|cliciwch|pwyswch|botwm|"
    r"Ewch i'r ffenestr|Caewch Gydymaith",
    re.IGNORECASE,
)


def _all_errors() -> list[type[errors.CompanionError]]:
    found, todo = [], [errors.CompanionError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def _sample(cls: type[errors.CompanionError]) -> errors.CompanionError:
    """The error with a made-up value for each of its placeholders."""
    names = re.findall(r"\{(\w+)\}", cls.template + (cls.cli_template or ""))
    params = {name: f"<{name}>" for name in names} | {"reason": "the disk is full"}
    if cls is errors.ValidationError:
        return cls(errors.CompanionError.template)
    if issubclass(cls, errors.ImportFormatError):
        params.pop("reason")
        return cls(reason="Row 3 has no date.", **params)
    try:
        return cls("detail", **params)
    except TypeError:  # an error with its own constructor
        return cls(**params)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_message_the_terminal_prints_asks_for_a_button(language: str) -> None:
    i18n.set_language(language)
    classes = _all_errors()
    assert errors.SaveFailedError in classes and len(classes) >= 15
    for cls in classes:
        text = _sample(cls).cli_message()
        assert not BUTTON_WORDS.search(text), (cls.__name__, text)
    # The window keeps its own words; the terminal gets a command to run instead.
    failure = errors.SaveFailedError("", reason="x")
    assert "Retry" in failure.message() or "Ceisio Eto" in failure.message()
    assert "--data-dir" not in errors.CreateFailedError("", folder="f", reason="r").message()
    # The command line's own texts (the strings in cli.py and cli_commands.py) never name a button either.
    from tests.helpers.catalog_checks import extract

    cli_texts = [ids[0] for (_ctx, _id), ids in extract(ROOT / "companion").items() if _id]
    cli_sources = (ROOT / "companion" / "cli.py").read_text() + (ROOT / "companion" / "cli_commands.py").read_text()
    in_cli = [t for t in cli_texts if t in cli_sources]
    assert len(in_cli) > 40
    assert [t for t in in_cli if BUTTON_WORDS.search(i18n._(t))] == []


def test_the_cli_prints_the_terminal_wording(tmp_path: Path) -> None:
    (tmp_path / "diary.vault").write_bytes(b"not a diary at all" * 10)
    result = run("list-backups", data_dir=tmp_path)
    assert result.returncode == 0
    result = run("check", data_dir=tmp_path)
    assert result.returncode == cli.EXIT_NOT_A_DIARY
    assert "--data-dir" in result.stderr and "Choose the file" not in result.stderr


def test_docs_cli_lists_every_command_and_exit_code() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    table = docs[docs.index("| Command | What it does |") :].split("\n\n", 1)[0]
    documented = re.findall(r"^\| `([a-z-]+)", table, re.MULTILINE)
    assert sorted(documented) == sorted(cli.COMMANDS)
    for name in cli.COMMANDS:
        assert f"### {name}\n" in docs, name
    codes = docs[docs.index("## Exit codes") :]
    for constant in (n for n in dir(cli) if n.startswith("EXIT_")):
        assert f"| {getattr(cli, constant)} |" in codes, constant
