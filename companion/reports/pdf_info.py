"""A PDF's document information (title and subject) set by an incremental update: Qt's PDF writer sets a
title but has no subject, so a new information dictionary and a one-entry cross-reference section are
appended after the file's end, as the PDF standard allows (ISO 32000-1, 7.5.6). Pure bytes, no Qt."""

from __future__ import annotations

import re

_TRAILER = re.compile(rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S)


def pdf_text(text: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, as hex (any script, nothing to escape)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def add_info(pdf: bytes, *, title: str, subject: str) -> bytes:
    """`pdf` with an information dictionary holding `title`, `subject` and the creator. Raises ValueError
    when the file does not end with a classic trailer (Qt's writer always writes one)."""
    match = _TRAILER.search(pdf)
    if match is None:
        raise ValueError("no PDF trailer found")
    body = match.group("body")
    size = int(re.search(rb"/Size\s+(\d+)", body).group(1))  # type: ignore[union-attr]
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", body).group(1)  # type: ignore[union-attr]
    ids = re.search(rb"/ID\s*\[[^\]]*\]", body)
    base = pdf if pdf.endswith(b"\n") else pdf + b"\n"
    offset = len(base)
    info = (
        f"{size} 0 obj\n<<\n/Title ".encode()
        + pdf_text(title)
        + b"\n/Subject "
        + pdf_text(subject)
        + b"\n/Creator (Companion)\n>>\nendobj\n"
    )
    xref_at = offset + len(info)
    xref = f"xref\n{size} 1\n{offset:010d} 00000 n \n".encode()
    trailer = (
        f"trailer\n<< /Size {size + 1} /Root ".encode()
        + root
        + f" /Info {size} 0 R /Prev {int(match.group('xref'))} ".encode()
        + (ids.group(0) if ids else b"")
        + f" >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    )
    return base + info + xref + trailer
