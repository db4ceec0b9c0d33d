"""The flare-up plan page: ten titled parts to write on a good day, a review date, Save, a way into flare mode,
and the flare-ups that have passed (ui/flare/flare_history.py).

A part of the UI core: it reads the diary only in `refresh()`, saves through `diary.run`, and a plan being
written when the diary locks is kept as a draft and comes back, unsaved, after unlocking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.flare import REVIEW_INTERVAL_DAYS, SECTIONS, FlarePlan, Helper, review_due
from companion.domain.save_state import SaveState
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui.checkin.when_field import OneStopDateEdit
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.flare.flare_history import FlareHistory
from companion.ui.flare.plan_section import SECTION_STYLE, HelpersSection, PlanSection
from companion.ui.layouts import flow_row
from companion.ui.story.fields import AgreementFields
from companion.ui.widgets import label, set_tab_order
from companion.ui.wrapping import WrappingGroupBox

CONTENT_MAX_WIDTH = 920  # long lines are hard to read; the page stays this wide at most
NOTICE_STYLE = 'QLabel[role="notice"] { padding: 8px; border: 2px solid palette(highlight); border-radius: 6px; }'


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FlarePlanEditor(PagePart, QWidget):
    interests = Changes(flares=True)
    draft_key = "flare_plan"
    saved = Signal(object)  # FlarePlan, as saved (cleaned): for whoever wants to know, never to refresh a page
    open_flare_mode_requested = Signal()

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.setObjectName("flarePlanEditor")
        self.setStyleSheet(NOTICE_STYLE)
        self._session = diary.session
        self._saved_plan = FlarePlan()  # as last read from the diary
        self._baseline = FlarePlan()
        self._passthrough_people: tuple[str, ...] = ()  # lines an older plan kept under "people"
        self._has_saved_plan = False
        self._status_key = ""
        self._baseline_updated_on: dt.date | None = None
        self._loaded = False
        self._today = diary.clock.today()

        self.heading = label("heading")
        self.heading.setObjectName("flareHeading")
        self.explanation = label()
        self.explanation.setObjectName("flareExplanation")
        self.starter_note = label("notice")
        self.starter_note.setObjectName("flareStarterNote")
        self.review_due_line = label("notice")
        self.review_due_line.setObjectName("flareReviewDue")
        self.kept_note = label("notice")
        self.kept_note.setObjectName("flarePlanKept")
        self.kept_note.hide()
        self.sections: dict[str, PlanSection] = {}
        number = 0
        section_widgets: list[PlanSection | HelpersSection] = []
        for number, key in enumerate(SECTIONS, start=1):
            if key == "people":
                self.helpers = HelpersSection(number)
                section_widgets.append(self.helpers)
            else:
                self.sections[key] = PlanSection(key, number)
                section_widgets.append(self.sections[key])
        self.review_box = WrappingGroupBox()
        self.review_box.setObjectName("flareReviewBox")
        self.review_box.setStyleSheet(SECTION_STYLE)
        self.review_label = label(wrap=False)
        self.review_label.setStyleSheet("font-weight: normal;")
        self.review_date = OneStopDateEdit()  # one Tab stop
        self.review_date.setObjectName("flareReviewDate")
        self.review_date.setCalendarPopup(True)
        self.review_date.setMinimumDate(QDate(2000, 1, 1))
        self.review_label.setBuddy(self.review_date)
        self.review_sentence = label()
        self.review_sentence.setObjectName("flareReviewSentence")
        self.review_sentence.setStyleSheet("font-weight: normal;")
        review_layout = QVBoxLayout(self.review_box)
        review_layout.addWidget(flow_row(self.review_label, self.review_date))
        review_layout.addWidget(self.review_sentence)
        self.agreement = AgreementFields("flareAgreement")  # "agreed with ... on ...": plans are made together
        review_layout.addWidget(self.agreement)
        self.history = FlareHistory(diary)
        self.history.setStyleSheet(SECTION_STYLE)

        content = QWidget()
        content.setObjectName("flareContent")
        content.setMaximumWidth(CONTENT_MAX_WIDTH)
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.explanation)
        column.addWidget(self.starter_note)
        column.addWidget(self.review_due_line)
        column.addWidget(self.kept_note)
        for widget in section_widgets:
            column.addWidget(widget)
        column.addWidget(self.review_box)
        column.addWidget(self.history)
        column.addStretch(1)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(content, 1)
        holder_layout.addStretch(0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("flareScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)

        self.error = label("error")
        self.error.setObjectName("flareError")
        self.error.hide()
        self.status = label()
        self.status.setObjectName("flareStatus")
        self.save_button = QPushButton()
        self.save_button.setObjectName("flareSaveButton")
        self.save_button.setDefault(True)
        self.flare_mode_button = QPushButton()
        self.flare_mode_button.setObjectName("flareModeButton")
        self.sheet_button = QPushButton()
        self.sheet_button.setObjectName("supporterSheetButton")
        bar = QVBoxLayout()
        bar.setContentsMargins(32, 8, 32, 16)
        # The status above the buttons: beside them, in Welsh or at large text, it was squeezed to a word a line.
        bar.addWidget(self.status)
        # The buttons wrap onto more rows at large text sizes rather than widen the page.
        bar.addWidget(flow_row(self.sheet_button, self.flare_mode_button, self.save_button))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        error_row = QHBoxLayout()
        error_row.setContentsMargins(32, 8, 32, 0)
        error_row.addWidget(self.error)
        outer.addLayout(error_row)
        outer.addLayout(bar)

        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        for widget in section_widgets:
            widget.changed.connect(self._on_plan_changed)
            widget.rows_changed.connect(self._fix_tab_order)
        self.review_date.dateChanged.connect(self._on_review_date_changed)
        self.agreement.who.textChanged.connect(self._on_plan_changed)
        self.agreement.on.changed.connect(self._on_plan_changed)
        self.save_button.clicked.connect(self.save)
        self.flare_mode_button.clicked.connect(self.open_flare_mode_requested)
        self.open_flare_mode_requested.connect(diary.app.open_flare_mode)
        self.sheet_button.clicked.connect(self.open_supporter_sheet)
        diary.events.save_state_changed.connect(self._on_events_save_state_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def open_supporter_sheet(self) -> None:
        """A printable "How to help me in a flare" from the saved plan (save first if there are changes)."""
        from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog

        if self.has_changes() and not self.save():
            return
        self.sheet_dialog = SupporterSheetDialog.open_for(self._diary, self)

    def retranslate_ui(self) -> None:
        self.sheet_button.setText(_("Supporter s&heet…"))
        self.sheet_button.setAccessibleName(_("Make a printable sheet: how to help me in a flare"))
        self.heading.setText(_("My flare-up plan"))
        self.heading.setAccessibleName(_("My flare-up plan"))
        self.explanation.setText(_("Write it on a good day; open it in one step on a bad one."))
        self.starter_note.setText(_("This is a starter plan made from examples. Change it to fit you, then save it."))
        self.review_due_line.setText(_("It's time to review your plan."))
        self.kept_note.setText(
            _("Your changes to the plan were kept when the diary locked. They are not saved yet: check, then save.")
        )
        self.review_box.setTitle(_("Reviewing the plan"))
        self.review_box.setAccessibleName(_("Reviewing the plan"))
        self.review_label.setText(_("Re&view date:"))
        self.review_date.setAccessibleName(_("Date to review this plan by"))
        # The date's form, language and width come from ui/field_behaviour.py, as in every date field.
        self.agreement.retranslate_ui()
        self.save_button.setText(_("&Save plan"))
        self.save_button.setAccessibleName(_("Save the plan (Ctrl+S)"))
        self.save_button.setToolTip(_("Save the plan (Ctrl+S)"))
        self.flare_mode_button.setText(_("Open &flare mode"))
        self.flare_mode_button.setAccessibleName(_("Open flare mode"))
        self.scroll_area.setAccessibleName(_("My flare-up plan"))
        self._update_review()
        self._update_status()

    # --- loading --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the saved plan (or the starter plan) and show it (the only place this page reads the diary).
        Changes not saved yet are kept, not thrown away."""
        flares = self._session.flares
        self._today = self._diary.clock.today()
        self._has_saved_plan = flares.has_saved_plan()
        self._saved_plan = flares.plan()
        if not self._loaded or not self.has_changes():
            self.set_plan(self._saved_plan)
        self.starter_note.setVisible(not self._has_saved_plan)
        self._update_review()
        self._update_status()

    def set_plan(self, plan: FlarePlan) -> None:
        """Show `plan` and count it as the saved state (no "Changes not saved yet")."""
        for key, section in self.sections.items():
            section.set_lines(plan.lines(key))
        self._passthrough_people = plan.lines("people")
        self.helpers.set_helpers(plan.helpers)
        review = plan.review_date or (self._today + dt.timedelta(days=REVIEW_INTERVAL_DAYS))
        self.review_date.blockSignals(True)
        self.review_date.setDate(_qdate(review))
        self.review_date.blockSignals(False)
        self._baseline_updated_on = plan.updated_on
        self.agreement.set_value(plan.agreement, self._today)
        self._baseline = self.plan()
        self._loaded = True
        self._status_key = ""
        self._fix_tab_order()
        self._update_review()
        self._update_status()

    def plan(self) -> FlarePlan:
        """The plan as it stands on screen (including lines typed in an "Add a line" field)."""
        sections: dict[str, tuple[str, ...]] = {}
        for key in SECTIONS:
            lines = self._passthrough_people if key == "people" else self.sections[key].lines()
            if lines:
                sections[key] = lines
        return FlarePlan(
            sections=sections,
            helpers=self.helpers.helpers(),
            review_date=_pydate(self.review_date.date()),
            updated_on=self._baseline_updated_on,
            agreement=self.agreement.value(),
        )

    def has_changes(self) -> bool:
        return self.plan() != self._baseline

    # --- saving ---------------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the plan. False when it could not be saved (the reason shows under the page)."""
        focused = QApplication.focusWidget()
        keep_focus = focused.objectName() if focused is not None and self.isAncestorOf(focused) else ""
        plan = self.plan()
        self.error.hide()
        done = self._diary.run(lambda: self._session.flares.save_plan(plan), problem=self.error, origin=self)
        if done is None:
            return False
        saved = done.value
        self._has_saved_plan = True
        self._saved_plan = saved
        self.kept_note.hide()
        self.set_plan(saved)  # as saved (cleaned): shown from the write's value, not read back
        self._status_key = "saved"
        self.starter_note.hide()
        self._update_status()
        if keep_focus:  # rows were rebuilt: put the focus back on the same-named control, else on Save
            found = self.findChild(QWidget, keep_focus)
            (found if isinstance(found, QWidget) else self.save_button).setFocus()
        self.saved.emit(saved)
        return True

    # --- across a lock --------------------------------------------------------------------------------------

    def draft(self) -> Draft | None:
        """The plan as written but not saved, kept (encrypted, in the diary) if the diary locks now."""
        if not self._loaded or not self.has_changes():
            return None
        plan = self.plan()
        return {
            "sections": {key: list(lines) for key, lines in plan.sections.items()},
            "helpers": [[h.name, h.how, h.phone] for h in plan.helpers],
            "review_date": plan.review_date.isoformat() if plan.review_date else None,
            "agreement": self.agreement.state(),
        }

    def restore(self, draft: Draft) -> None:
        """After unlocking: the unsaved plan comes back on the page, still unsaved, with a line saying so."""
        sections = draft.get("sections") or {}
        helpers = draft.get("helpers") or []
        review = draft.get("review_date")
        for key, section in self.sections.items():
            section.set_lines(tuple(str(line) for line in sections.get(key, ())))
        self.helpers.set_helpers(tuple(Helper(*(str(part) for part in row)) for row in helpers))
        if isinstance(review, str):
            self.review_date.setDate(_qdate(dt.date.fromisoformat(review)))
        self.agreement.set_state(draft.get("agreement"))
        self._fix_tab_order()
        self._status_key = ""
        self.kept_note.setVisible(self.has_changes())
        self._update_review()
        self._update_status()

    # --- status ---------------------------------------------------------------------------------------------

    def _on_plan_changed(self) -> None:
        self._status_key = ""
        self.error.hide()
        self._update_status()

    def _on_review_date_changed(self, _date: QDate) -> None:
        self._on_plan_changed()
        self._update_review()

    def _update_review(self) -> None:
        day = _pydate(self.review_date.date())
        self.review_sentence.setText(_("Review this plan by {date}.").format(date=format_date(day, "long")))
        self.review_due_line.setVisible(review_due(FlarePlan(review_date=day), self._today))

    def _on_events_save_state_changed(self, _state: SaveState) -> None:
        self._update_status()

    def _update_status(self) -> None:
        state = self._diary.save_state
        if self.has_changes():
            text = _("Changes not saved yet")
        elif self._status_key == "saved" and state.failed:
            text = _("Saved in memory; not yet written to disk.")
        elif self._status_key == "saved" and not state.durable:
            text = _("Saving the plan…")
        elif self._status_key == "saved":
            text = _("Plan saved.")
        elif self._has_saved_plan:
            text = _("All changes saved.")
        else:
            text = _("Not saved yet: this is the starter plan.")
        self.status.setText(text)
        self.status.setAccessibleName(text)

    # --- keyboard -------------------------------------------------------------------------------------------

    def focus_order(self) -> list[QWidget]:
        """Every control on the page in reading order (the Tab order)."""
        order: list[QWidget] = []
        for key in SECTIONS:
            order += self.helpers.focus_order() if key == "people" else self.sections[key].focus_order()
        return [
            *order,
            self.review_date,
            *self.agreement.focusables(),
            *self.history.focus_order(),
            self.flare_mode_button,
            self.save_button,
        ]

    def _fix_tab_order(self) -> None:
        order = self.focus_order()
        set_tab_order(order)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Keep the focused control in view while tabbing down the long page.
        page = self.scroll_area.widget()
        if new is not None and page is not None and page.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 40, 40)


if __name__ == "__main__":
    import sys

    from companion.i18n import set_language
    from companion.ui.core.standalone import standalone_diary
    from companion.ui.diary import preview_session
    from companion.ui.qt_translator import TranslatorBridge
    from companion.ui.style import apply_text_size

    qt_app = QApplication(sys.argv)
    apply_text_size(qt_app, 12)
    bridge = TranslatorBridge(qt_app)
    if "--cy" in sys.argv:
        set_language("cy")
    with preview_session() as preview:
        editor = FlarePlanEditor(standalone_diary(preview))
        editor.resize(960, 900)
        editor.show()
        qt_app.exec()
    bridge.detach()
