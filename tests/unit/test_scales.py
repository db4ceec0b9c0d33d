"""Every 0-10 scale says which way it runs the same way: "0 = …" and "10 = …" at its ends, both together as
"0 = …, 10 = …"; pain in clinical.md's words; the PEG's items with Krebs 2009's anchors."""

from __future__ import annotations

import pytest

from companion.domain import scales
from companion.domain.measures import PEG_ITEMS

ALL = [value for name, value in vars(scales).items() if isinstance(value, scales.Scale)]


def test_there_are_the_five_scales() -> None:
    assert len(ALL) == 5


@pytest.mark.parametrize("scale", ALL, ids=lambda s: s.low)
def test_each_scale_states_its_direction_the_same_way(scale: scales.Scale) -> None:
    assert scale.low.startswith("0 = ") and scale.high.startswith("10 = ")
    assert scale.both == f"{scale.low}, {scale.high}"


def test_pain_is_worded_as_clinical_md_gives_it() -> None:
    assert scales.PAIN.both == "0 = no pain, 10 = pain as bad as you can imagine"


def test_the_peg_items_use_the_pain_and_interference_scales() -> None:
    assert [(low, high) for _question, low, high in PEG_ITEMS] == [
        (scales.PAIN.low, scales.PAIN.high),
        (scales.INTERFERENCE.low, scales.INTERFERENCE.high),
        (scales.INTERFERENCE.low, scales.INTERFERENCE.high),
    ]
