"""`companion story`: "My story so far" as a PDF (NOT encrypted) without opening a window (docs/cli.md)."""

from __future__ import annotations

import argparse
import importlib
import os

from companion.cli_support import EXIT_OK, diary_for, out_file, say, warn
from companion.i18n import _


def cmd_story(args: argparse.Namespace) -> int:
    """QtGui's text layout and PDF writer are loaded by name only here, so other commands stay free of Qt."""
    out = out_file(args)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    story_pdf = importlib.import_module("companion.reports.story_pdf")
    with diary_for(args) as session:
        data = story_pdf.make_story_pdf(session, args.lang, args.paper)
    from companion.services import transfer

    warn(transfer.export_warning())
    transfer.write_export(out, data)
    say(_("My story so far was written to {path}.").format(path=out))
    return EXIT_OK
