"""Flare mode's steps 2 to 5: the person's own plan, a little at a time, and the standard urgent help.

`PlanSteps.show_plan(plan)` lays out what flare mode last read; it never reads the diary itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from companion.domain.flare import SECTION_TITLES, URGENT_HELP, FlarePlan
from companion.i18n import N_, _
from companion.ui.flare.flare_style import flare_text

# Each title is a whole sentence, translated as one.
PLAN_STEPS: tuple[tuple[str, str], ...] = (
    ("first_steps", N_("First steps")),
    ("helps", N_("What helps")),
    ("call", N_("Who to call")),
    ("medical", N_("When to get medical help")),
)
# Which plan sections each step shows; the first section's lines come without a subheading.
STEP_SECTIONS: dict[str, tuple[str, ...]] = {
    "first_steps": ("first_steps", "medicines"),
    "helps": ("helpful_thoughts", "say_no"),
    "call": ("people",),
    "medical": ("medical_help",),
}


class PlanSteps:
    """The four pages of the plan (added to flare mode's body by the caller)."""

    def __init__(self) -> None:
        self._plan: FlarePlan | None = None
        self.pages: dict[str, QWidget] = {}
        self.titles: dict[str, QLabel] = {}
        self.boxes: dict[str, QVBoxLayout] = {}
        for key, _title in PLAN_STEPS:
            page = QWidget()
            page.setObjectName(f"flareStep_{key}")
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            page_layout.setSpacing(16)
            title = flare_text("", "flare-title")
            box = QVBoxLayout()
            box.setSpacing(16)
            page_layout.addWidget(title)
            page_layout.addLayout(box)
            page_layout.addStretch(1)
            self.pages[key] = page
            self.titles[key] = title
            self.boxes[key] = box

    def show_plan(self, plan: FlarePlan | None) -> None:
        """Lay out `plan` (again only when it changed: noting pain does not rebuild the pages)."""
        if plan != self._plan:
            self._plan = plan
            self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for key, title in PLAN_STEPS:
            self.titles[key].setText(_(title))
        if self._plan is not None:
            for key, _title in PLAN_STEPS:
                self._fill(key, self._plan)

    def _fill(self, key: str, plan: FlarePlan) -> None:
        box = self.boxes[key]
        while box.count():
            item = box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        shown = 0
        for index, section in enumerate(STEP_SECTIONS[key]):
            lines = plan.lines(section)
            if lines and index > 0:
                box.addWidget(flare_text(_(SECTION_TITLES[section]), "flare-subtitle"))
            for line in lines:
                box.addWidget(_bullet(line, "flarePlanLine"))
            shown += len(lines)
        if key == "call":
            for helper in plan.helpers:
                box.addWidget(_helper_card(helper.name, helper.how, helper.phone))
                shown += 1
        if not shown:
            box.addWidget(
                flare_text(_("Nothing is written here yet. You can add to your plan on a better day."), "flare")
            )
        if key == "medical":
            box.addWidget(_urgent_help_card())

    def lines_shown(self, step: str) -> list[str]:
        page = self.pages[step]
        return [line.text() for line in page.findChildren(QLabel, "flarePlanLine") if line.parent() is not None]


def _bullet(line: str, name: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    layout.addWidget(flare_text("•", "flare"), 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(flare_text(line, "flare", name=name), 1)
    return row


def _helper_card(name: str, how: str, phone: str) -> QFrame:
    card = QFrame()
    card.setObjectName("flareCard")
    layout = QVBoxLayout(card)
    layout.setSpacing(8)
    layout.addWidget(flare_text(name, "flare-subtitle", name="flareHelperName"))
    if how:
        layout.addWidget(flare_text(how, "flare", name="flareHelperHow"))
    if phone:
        layout.addWidget(flare_text(phone, "flare-phone", name="flareHelperPhone"))
    return card


def _urgent_help_card() -> QFrame:
    """The standard help, in the interface language, under whatever the person wrote (or in its place)."""
    card = QFrame()
    card.setObjectName("flareCard")
    card.setAccessibleName(_("If you need medical help"))
    layout = QVBoxLayout(card)
    layout.setSpacing(8)
    layout.addWidget(flare_text(_("If you need medical help"), "flare-subtitle", name="flareUrgentTitle"))
    for line in URGENT_HELP:
        layout.addWidget(_bullet(_(line), "flareUrgentLine"))
    return card
