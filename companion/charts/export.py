"""Export a chart as PNG or SVG bytes, in memory: no temporary file ever holds diary data.

The caller (the screen's "Save chart" action, the consultation summary) decides where the bytes go and
warns that an exported file is not encrypted. The SVG carries no creation date and no random ids, so the same
chart, built afresh, exports to the same bytes.
"""

from __future__ import annotations

import io

from matplotlib import rc_context
from matplotlib.figure import Figure

FORMATS = ("png", "svg")


def figure_bytes(figure: Figure, fmt: str, dpi: int = 150) -> bytes:
    """The figure as "png" or "svg" bytes at `dpi`, on the figure's own background colour."""
    kind = fmt.lower().lstrip(".")
    if kind not in FORMATS:
        raise ValueError(f"unsupported chart format {fmt!r}; use one of {', '.join(FORMATS)}")
    buffer = io.BytesIO()
    # savefig borrows a canvas of the right kind for this one call and leaves the figure's own canvas (a
    # Qt widget on screen) in place
    metadata = {"Software": None} if kind == "png" else {"Date": None}
    with rc_context({"svg.hashsalt": "companion", "svg.fonttype": "path"}):  # fixed ids, text as shapes
        figure.savefig(
            buffer, format=kind, dpi=dpi, facecolor=figure.get_facecolor(), edgecolor="none", metadata=metadata
        )
    return buffer.getvalue()
