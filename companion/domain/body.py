"""Body-map regions: front and back, fine enough for the places persistent pain is usually felt.

Left and right are the person's own. Each region's name is a whole phrase, translated as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from companion.i18n import N_


class Side(StrEnum):
    FRONT = "front"
    BACK = "back"


class PainType(StrEnum):
    ACHING = "aching"
    BURNING = "burning"
    STABBING = "stabbing"
    THROBBING = "throbbing"
    SHOOTING = "shooting"
    TINGLING = "tingling"
    OTHER = "other"


PAIN_TYPE_NAMES: dict[PainType, str] = {
    PainType.ACHING: N_("Aching"),
    PainType.BURNING: N_("Burning"),
    PainType.STABBING: N_("Stabbing"),
    PainType.THROBBING: N_("Throbbing"),
    PainType.SHOOTING: N_("Shooting"),
    PainType.TINGLING: N_("Tingling"),
    PainType.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class Region:
    code: str
    side: Side
    name: str  # untranslated; show with _()


def _r(code: str, side: Side, name: str) -> Region:
    return Region(code, side, name)


F, B = Side.FRONT, Side.BACK

REGIONS: tuple[Region, ...] = (
    _r("f-head", F, N_("Head and face")),
    _r("f-neck", F, N_("Front of the neck")),
    _r("f-shoulder-r", F, N_("Right shoulder, front")),
    _r("f-shoulder-l", F, N_("Left shoulder, front")),
    _r("f-chest", F, N_("Chest")),
    _r("f-abdomen", F, N_("Abdomen (tummy)")),
    _r("f-pelvis", F, N_("Pelvis and groin")),
    _r("f-arm-r", F, N_("Right upper arm, front")),
    _r("f-arm-l", F, N_("Left upper arm, front")),
    _r("f-forearm-r", F, N_("Right forearm and wrist, front")),
    _r("f-forearm-l", F, N_("Left forearm and wrist, front")),
    _r("f-hand-r", F, N_("Right hand, palm")),
    _r("f-hand-l", F, N_("Left hand, palm")),
    _r("f-hip-r", F, N_("Right hip")),
    _r("f-hip-l", F, N_("Left hip")),
    _r("f-thigh-r", F, N_("Right thigh, front")),
    _r("f-thigh-l", F, N_("Left thigh, front")),
    _r("f-knee-r", F, N_("Right knee")),
    _r("f-knee-l", F, N_("Left knee")),
    _r("f-shin-r", F, N_("Right shin")),
    _r("f-shin-l", F, N_("Left shin")),
    _r("f-foot-r", F, N_("Right foot and ankle, front")),
    _r("f-foot-l", F, N_("Left foot and ankle, front")),
    _r("b-head", B, N_("Back of the head")),
    _r("b-neck", B, N_("Back of the neck")),
    _r("b-shoulder-l", B, N_("Left shoulder blade")),
    _r("b-shoulder-r", B, N_("Right shoulder blade")),
    _r("b-upper-back", B, N_("Upper back")),
    _r("b-lower-back", B, N_("Lower back")),
    _r("b-buttock-l", B, N_("Left buttock")),
    _r("b-buttock-r", B, N_("Right buttock")),
    _r("b-arm-l", B, N_("Left upper arm and elbow, back")),
    _r("b-arm-r", B, N_("Right upper arm and elbow, back")),
    _r("b-forearm-l", B, N_("Left forearm, back")),
    _r("b-forearm-r", B, N_("Right forearm, back")),
    _r("b-hand-l", B, N_("Back of the left hand")),
    _r("b-hand-r", B, N_("Back of the right hand")),
    _r("b-thigh-l", B, N_("Back of the left thigh")),
    _r("b-thigh-r", B, N_("Back of the right thigh")),
    _r("b-knee-l", B, N_("Back of the left knee")),
    _r("b-knee-r", B, N_("Back of the right knee")),
    _r("b-calf-l", B, N_("Left calf")),
    _r("b-calf-r", B, N_("Right calf")),
    _r("b-heel-l", B, N_("Left heel and sole")),
    _r("b-heel-r", B, N_("Right heel and sole")),
)

REGION_BY_CODE: dict[str, Region] = {r.code: r for r in REGIONS}
