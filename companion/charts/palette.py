"""Chart colours for light and dark mode: colour-blind-safe, and readable against their background.

The hues come from Okabe and Ito's set and Paul Tol's "bright" and "muted" sets, which stay apart for the
common kinds of colour-blindness. For a white background they are darkened and for a dark one lightened
until each reaches at least 4.5:1 contrast (WCAG 2.x), so a line or a label in that colour reads as well as
body text. Two colours are fills (`band`, `flare`): they are always drawn with a hatch or under a line and
never carry meaning alone, so they are kept pale (light mode) or deep (dark mode) instead.

Colour is never the only cue: every chart also gives each series its own line style and marker.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

FILL_FIELDS = frozenset({"band", "flare"})


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    grid: str
    pain: str
    band: str  # fill: the day's lowest to highest pain (with a hatch)
    ma7: str
    ma28: str
    flare: str  # fill: flare-up periods (with a hatch)
    medicine: str
    boom: str
    bust: str
    sleep: str
    mood: str
    fatigue: str
    planned: str
    done: str
    peg: str
    better: str
    much_better: str
    worse: str
    series: tuple[str, ...]  # extra colours for bars, in order

    def colours(self) -> dict[str, str]:
        """Every named colour (not `series`), by field name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "series"}

    @property
    def dark(self) -> bool:
        return _luminance(self.background) < 0.2


_LIGHT = Palette(
    background="#FFFFFF",
    text="#1A1A1A",
    grid="#767676",
    pain="#005A9C",  # Okabe-Ito blue, darkened
    band="#B9D7EE",
    ma7="#A3390B",  # vermilion, darkened
    ma28="#6B2C91",  # Tol purple
    flare="#F3D08A",  # Okabe-Ito orange, pale
    medicine="#00705A",  # bluish green, darkened
    boom="#A63A00",
    bust="#117733",  # Tol green
    sleep="#00705A",
    mood="#A8306F",  # reddish purple, darkened
    fatigue="#7A5C00",  # yellow, darkened to olive
    planned="#1A1A1A",
    done="#005A9C",
    peg="#4B3B96",  # Tol indigo, lightened a little
    better="#117733",
    much_better="#1F4E9E",
    worse="#A63A00",
    series=("#005A9C", "#A3390B", "#00705A", "#A8306F", "#7A5C00", "#4B3B96"),
)

_DARK = Palette(
    background="#1C1E22",
    text="#ECECEC",
    grid="#8E8E8E",
    pain="#56B4E9",  # Okabe-Ito sky blue
    band="#22506E",
    ma7="#FF9A5C",  # vermilion, lightened
    ma28="#D7A6F5",  # purple, lightened
    flare="#6B4F12",  # orange, deep
    medicine="#3FD0A4",  # bluish green, lightened
    boom="#FF9A5C",
    bust="#7FD88A",
    sleep="#3FD0A4",
    mood="#F08DC4",  # reddish purple, lightened
    fatigue="#F0E442",  # Okabe-Ito yellow
    planned="#ECECEC",
    done="#56B4E9",
    peg="#B4A8FF",
    better="#7FD88A",
    much_better="#8EC1FF",
    worse="#FF9A5C",
    series=("#56B4E9", "#FF9A5C", "#3FD0A4", "#F08DC4", "#F0E442", "#B4A8FF"),
)


def palette(dark: bool = False) -> Palette:
    return _DARK if dark else _LIGHT


def _luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a "#RRGGBB" colour."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected #RRGGBB, got {colour!r}")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio between two "#RRGGBB" colours, from 1.0 to 21.0 (order does not matter)."""
    la, lb = _luminance(a), _luminance(b)
    high, low = max(la, lb), min(la, lb)
    return (high + 0.05) / (low + 0.05)
