"""Import from another app: choose a file and where it comes from, map a spreadsheet's columns, check what will be
added, import it in one step (a backup first), and undo it as a whole. Nothing changes before Import.

Keyboard: Enter goes to the next step (or imports, on the check), Alt+B goes back, Escape closes. Reading the
file, importing and undoing run off the GUI thread, with a line saying what is happening. Over a lock the
chosen file and mapping are kept (never the file's contents) and the wizard opens again after unlocking.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.errors import CompanionError
from companion.i18n import N_, _, ngettext
from companion.services import imports
from companion.services.imports import ImportCheck, ImportOutcome, ImportSource
from companion.services.imports.look import FileLook, look_at
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.imports.file_step import SOURCE_ORDER, FileStep
from companion.ui.imports.mapping_step import MappingStep
from companion.ui.imports.past_imports import undo_batch
from companion.ui.imports.preview_step import PreviewStep
from companion.ui.imports.result_step import ResultStep
from companion.ui.imports.steps import NOT_SAVED_FIRST, after_answer, fit_in_window, saved_first
from companion.ui.widgets import label, run_busy, window_title

STEP_TITLES = {
    "file": N_("Choose the file"),
    "mapping": N_("Say which column holds what"),
    "preview": N_("Check before importing"),
    "result": N_("The import is done"),
}


class ImportWizard(PagePart, QDialog):
    """Window-modal; a PagePart only to keep its choices over a lock (its past imports read the diary)."""

    draft_key = "companion.ui.imports.import_wizard:ImportWizard"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self._diary = diary
        self.path: Path | None = None
        self.data = b""
        self.look: FileLook | None = None
        self.check: ImportCheck | None = None
        self.outcome: ImportOutcome | None = None
        self._problem: Callable[[], str] | None = None
        self._fitted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        self.step_count = label()
        self.step_count.setObjectName("importStepCount")
        self.heading = label("heading")
        self.heading.setObjectName("importStepHeading")
        self.stack = QStackedWidget()
        self.file_step = FileStep(diary)
        self.mapping_step = MappingStep()
        self.preview_step = PreviewStep()
        self.result_step = ResultStep()
        for step in (self.file_step, self.mapping_step, self.preview_step, self.result_step):
            self.stack.addWidget(step)
        self.problem = label("error")
        self.problem.setObjectName("importProblem")
        self.problem.hide()
        self.kept = label("note")
        self.kept.setObjectName("importKept")
        self.kept.hide()
        self.back = QPushButton()
        self.back.setObjectName("importBack")
        self.next = QPushButton()
        self.next.setObjectName("importNext")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importRun")
        self.close_button = QPushButton()
        self.close_button.setObjectName("importClose")
        for button in (self.back, self.close_button):
            button.setAutoDefault(False)  # Enter always means the step's main button
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        for button in (self.next, self.import_button, self.close_button):
            buttons.addWidget(button)
        for widget in (self.step_count, self.heading, self.kept, self.stack, self.problem):
            layout.addWidget(widget, 1 if widget is self.stack else 0)
        layout.addLayout(buttons)

        self.file_step.choose_requested.connect(self.choose_file)
        self.file_step.source_changed.connect(lambda _source: self._update())
        self.mapping_step.changed.connect(self._update)
        self.result_step.undo.clicked.connect(self.ask_undo)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        self.retranslate_ui()
        diary.host.add(self)

    # --- opening ---

    @classmethod
    def open_for(cls, diary: OpenDiary, parent: QWidget) -> ImportWizard:
        """Open the wizard window-modal (deleted when closed)."""
        wizard = cls(diary, parent)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(wizard)
        wizard.file_step.choose.setFocus()
        return wizard

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: the wizard again, with the file read afresh and the choices made before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is not None:
            cls.open_for(diary, parent).restore(draft)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            fit_in_window(self)
        super().showEvent(event)

    # --- where we are ---

    def steps(self) -> list[QWidget]:
        shown: list[QWidget] = [self.file_step]
        if self.file_step.source() == "csv":
            shown.append(self.mapping_step)
        return [*shown, self.preview_step, self.result_step]

    def step_key(self) -> str:
        keys = {self.file_step: "file", self.mapping_step: "mapping", self.preview_step: "preview"}
        current = self.stack.currentWidget()
        return keys.get(current, "result") if current is not None else "file"

    def _go(self, step: QWidget) -> None:
        self._show_problem(None)
        self.stack.setCurrentWidget(step)
        self._update()
        target = {
            self.file_step: self.file_step.choose,
            self.mapping_step: self.mapping_step.columns["date"],
            self.preview_step: self.import_button if self.import_button.isEnabled() else self.back,
            self.result_step: self.close_button,
        }[step]
        target.setFocus()

    def _update(self) -> None:
        step = self.stack.currentWidget()
        on_file, on_mapping = step is self.file_step, step is self.mapping_step
        on_preview = step is self.preview_step
        self.back.setVisible(on_mapping or on_preview)
        self.next.setVisible(on_file or on_mapping)
        self.next.setEnabled((on_file and self.look is not None) or (on_mapping and self.mapping_step.ready()))
        self.import_button.setVisible(on_preview)
        self.import_button.setEnabled(on_preview and self.check is not None and bool(self.check.new))
        for button in (self.next, self.import_button):
            button.setDefault(button.isVisible() and button.isEnabled())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = _("Import from another app")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        steps = self.steps()
        current = self.stack.currentWidget()
        number = steps.index(current) + 1 if current in steps else 1
        self.step_count.setText(_("Step {number} of {count}").format(number=number, count=len(steps)))
        self.heading.setText(_(STEP_TITLES[self.step_key()]))
        if current is not None:  # a screen reader names the step as the focus moves into it
            current.setAccessibleName(self.heading.text())
            current.setAccessibleDescription(self.step_count.text())
        self.back.setText(_("&Back"))
        self.back.setAccessibleName(_("Back to the step before"))
        self.next.setText(_("&Next"))
        self.next.setAccessibleName(_("Go on to the next step"))
        self.import_button.setText(_("&Import"))
        self.import_button.setAccessibleName(_("Import the new entries now"))
        on_result = current is self.result_step
        self.close_button.setText(_("Close") if on_result else _("Cancel"))
        self.close_button.setAccessibleName(_("Close") if on_result else _("Close without importing"))
        self.kept.setText(_(dialogs.KEPT_OVER_LOCK))
        if self._problem is not None:
            self.problem.setText(self._problem())

    def _show_problem(self, render: Callable[[], str] | None) -> None:
        """Show why a step can't go on (`render` gives the sentence, again after a language switch)."""
        self._problem = render
        self.problem.setVisible(render is not None)
        self.problem.setText(render() if render is not None else "")

    def _show_error(self, exc: CompanionError) -> None:
        self._show_problem(exc.message)

    # --- the steps ---

    def choose_file(self) -> None:
        path = dialogs.choose_open_file(self, _("Choose the file to import"), _("CSV files (*.csv *.txt)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Read the file and take a first look (off the GUI thread). False, with the reason shown, when it
        can't be imported; nothing changes either way."""
        self.check = None
        self.look = None
        self._show_problem(None)

        def read() -> tuple[bytes, FileLook]:
            data = imports.read_file(path)
            return data, look_at(data)

        try:
            self.data, self.look = run_busy(self, read, _("Reading the file…"))
        except CompanionError as exc:
            self._show_error(exc)
        except OSError:
            self._show_problem(lambda: _("That file could not be read. Check it is still there and try again."))
        self.path = path if self.look is not None else None
        self.file_step.show_file(path.name, self.look.source if self.look else None)
        if self.look is not None:
            self.mapping_step.show_file(self.look)
        self._update()
        if self.look is not None and self.stack.currentWidget() is self.file_step:
            self.next.setFocus()
        return self.look is not None

    def go_next(self) -> None:
        if self.stack.currentWidget() is self.file_step and self.file_step.source() == "csv":
            self._go(self.mapping_step)
        elif self.next.isEnabled():
            self.make_preview()

    def go_back(self) -> None:
        steps = self.steps()
        current = self.stack.currentWidget()
        index = steps.index(current) if current in steps else 0
        if index > 0:
            self._go(steps[index - 1])

    def make_preview(self) -> bool:
        """Read the file as the chosen kind and compare it with the diary (nothing saved)."""
        if self.path is None:
            return False
        source: ImportSource = self.file_step.source()
        csv = source == "csv"
        session, data, name = self._diary.session, self.data, self.path.name
        mapping = self.mapping_step.mapping() if csv else None
        order = self.mapping_step.date_order() if csv else None
        now = self._diary.clock.now()

        def check() -> ImportCheck:
            parsed = imports.parse_file(source, data, name, now, mapping=mapping, date_order=order)
            return imports.check_import(session, parsed)

        try:
            self.check = run_busy(self, check, _("Reading the file…"))
        except CompanionError as exc:
            self._show_error(exc)
            return False
        self.preview_step.show_check(self.check)
        self._go(self.preview_step)
        return True

    def run_import(self) -> None:
        check = self.check
        if check is None or not check.new:
            return
        if not saved_first(self._diary):
            self._show_problem(lambda: _(NOT_SAVED_FIRST))
            return
        count = len(check.new)

        def write() -> tuple[ImportOutcome, Changes]:
            message = ngettext(
                "Backing up your diary, then importing {count} entry…",
                "Backing up your diary, then importing {count} entries…",
                count,
            ).format(count=count)
            session = self._diary.session
            outcome = run_busy(self, lambda: imports.apply_import(session, check.parsed), message)
            return outcome, outcome.changes

        done = self._diary.run(write, problem=lambda text: self._show_problem(lambda: text))
        if done is None:
            return
        self.outcome = done.value
        self.result_step.show_outcome(done.value)
        self._go(self.result_step)

    def ask_undo(self) -> None:
        outcome = self.outcome
        if outcome is None or outcome.batch_id is None:
            return
        batch_id = outcome.batch_id
        text = ngettext(
            "Undoing removes the {count} entry this import added. A backup is made first.",
            "Undoing removes the {count} entries this import added. A backup is made first.",
            outcome.added,
        ).format(count=outcome.added)

        def undo() -> None:
            if not saved_first(self._diary):
                self._show_problem(lambda: _(NOT_SAVED_FIRST))
                return
            where = undo_batch(self._diary, batch_id, self)
            done = self._diary.run(where, problem=lambda text: self._show_problem(lambda: text))
            if done is not None:
                self.result_step.show_undone(done.value)
                self.close_button.setFocus()

        dialogs.confirm(self, _("Undo this import"), text, after_answer(self, undo))

    # --- across a lock ---

    def refresh(self) -> None:
        """Nothing here is read from the diary but the past imports, which refresh themselves."""

    def draft(self) -> Draft | None:
        if not self.isVisible() or self.path is None or self.outcome is not None:
            return None
        return {
            "path": str(self.path),
            "source": self.file_step.source(),
            "mapping": self.mapping_step.state(),
            "step": "mapping" if self.stack.currentWidget() is self.mapping_step else "file",
        }

    def restore(self, draft: Draft) -> None:
        path = draft.get("path")
        if not isinstance(path, str) or not self.load_file(Path(path)):
            return
        source = draft.get("source")
        if source in SOURCE_ORDER:
            self.file_step.set_source(source)
        self.mapping_step.set_state(dict(draft.get("mapping") or {}))
        if draft.get("step") == "mapping" and self.file_step.source() == "csv":
            self._go(self.mapping_step)
        self.kept.show()
