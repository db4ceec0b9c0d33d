"""argparse's own words ("usage:", "options", its error messages) in the interface language, from our catalog.

argparse looks each of its words up, when it uses it, through the `_` and `ngettext` it imported from gettext
(its module globals, in every Python 3 release). While a Companion parser is built and used, `speaking_ours()`
points those two names at our catalog and puts the originals back afterwards, so `companion --help` and the
errors argparse prints are Welsh when the interface is, and nothing else in the process is touched. The
words argparse can show a person are listed below so that they reach the catalog; a word not listed (an
error only a programmer can cause) stays in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from companion.i18n import N_, _, ngettext

ARGPARSE_WORDS: tuple[str, ...] = (
    # Translators: argparse's heading of a help text; keep the space after the colon.
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    # Translators: how argparse ends: the program's name, then the message; keep the line break.
    N_("%(prog)s: error: %(message)s\n"),
)


def _plural_words(n: int) -> str:
    """argparse's one plural (an option that takes n values), written here so it is extracted with its plural."""
    return ngettext("expected %s argument", "expected %s arguments", n)


@contextmanager
def speaking_ours() -> Iterator[None]:
    """argparse's words from our catalog, in the active language, until the block ends (also by SystemExit,
    which argparse raises after --help or an error)."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = _, ngettext
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved
