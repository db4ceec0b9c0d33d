"""Which way each 0-10 scale runs, said the same way wherever it is asked: "0 = …, 10 = …".

The pain wording is clinical.md's ("0 = no pain ... 10 = pain as bad as you can imagine"); the PEG's other
two items keep Krebs 2009's anchors. `low` and `high` label the two ends of a row of numbers; `both` says
the whole direction in one line beside a number box or a result.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.i18n import N_


@dataclass(frozen=True)
class Scale:
    low: str
    high: str
    both: str


PAIN = Scale(
    N_("0 = no pain"),
    N_("10 = pain as bad as you can imagine"),
    N_("0 = no pain, 10 = pain as bad as you can imagine"),
)
INTERFERENCE = Scale(
    N_("0 = does not interfere"),
    N_("10 = completely interferes"),
    N_("0 = does not interfere, 10 = completely interferes"),
)
# The PEG score is the mean of its three items, so its ends are theirs together.
PEG_SCORE = Scale(
    N_("0 = no pain and no interference"),
    N_("10 = the worst on all three questions"),
    N_("0 = no pain and no interference, 10 = the worst on all three questions"),
)
CONFIDENCE = Scale(
    N_("0 = not at all sure"),
    N_("10 = completely sure"),
    N_("0 = not at all sure, 10 = completely sure"),
)
GOAL_NEARNESS = Scale(
    N_("0 = as far off as it could be"),
    N_("10 = reached"),
    N_("0 = as far off as it could be, 10 = reached"),
)
