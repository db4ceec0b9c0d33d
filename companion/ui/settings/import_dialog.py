"""Import with a preview: what would be added, recognised as already there, or replaced; then confirm.

The dialog opens window-modal, reads the file's preview (reading the diary to compare), and imports through
`diary.run`, so every screen hears that the whole diary may have changed. Its words count entries, not the
rows of the file's tables."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.errors import CompanionError
from companion.i18n import _, ngettext
from companion.services.transfer import ImportPreview, ImportReport, PainCsvPreview
from companion.ui.core.diary import OpenDiary
from companion.ui.widgets import label, window_title
from companion.ui.wrapping import WrappingRadioButton


def preview_text(preview: ImportPreview | PainCsvPreview) -> str:
    """What importing would do, in a whole sentence."""
    if isinstance(preview, PainCsvPreview):
        return ngettext(
            "{count} check-in can be imported (repeated in the file: {duplicates}; not usable: {rejected}).",
            "{count} check-ins can be imported (repeated in the file: {duplicates}; not usable: {rejected}).",
            len(preview.rows),
        ).format(count=len(preview.rows), duplicates=preview.duplicates, rejected=len(preview.rejected))
    if preview.mode == "replace":
        count, gone = preview.new + preview.replaced, preview.removed + preview.replaced
        return ngettext(
            "Importing will replace your diary with {count} entry from the file (entries in your diary now "
            "that will be removed or overwritten: {gone}).",
            "Importing will replace your diary with {count} entries from the file (entries in your diary now "
            "that will be removed or overwritten: {gone}).",
            count,
        ).format(count=count, gone=gone)
    return ngettext(
        "{new} entry will be added to your diary (already in your diary: {duplicates}).",
        "{new} entries will be added to your diary (already in your diary: {duplicates}).",
        preview.new,
    ).format(new=preview.new, duplicates=preview.duplicates)


def report_text(report: ImportReport) -> str:
    """What importing did, in a whole sentence."""
    return ngettext(
        "{count} entry was imported (already in your diary: {duplicates}; not imported: {rejected}).",
        "{count} entries were imported (already in your diary: {duplicates}; not imported: {rejected}).",
        report.accepted,
    ).format(count=report.accepted, duplicates=report.duplicates, rejected=len(report.rejected))


class ImportDialog(QDialog):
    """For our JSON exports the person chooses merge (default) or replace; a pain CSV is always added."""

    imported = Signal(object)  # ImportReport

    def __init__(self, diary: OpenDiary, data: bytes, is_json: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(window_title(_("Import entries")))
        self._diary = diary
        self._session = diary.session
        self._data = data
        self._is_json = is_json
        layout = QVBoxLayout(self)
        # Choices whose words wrap: on one line they held the dialog wider than the window at large text.
        self.merge = WrappingRadioButton(_("&Add what is new (entries already in your diary are kept as they are)"))
        self.merge.setObjectName("importMerge")
        self.replace = WrappingRadioButton(_("&Replace my whole diary with this file"))
        self.replace.setObjectName("importReplace")
        self.merge.setChecked(True)
        self.preview = label()
        self.preview.setObjectName("importPreview")
        self.caution = label("error")
        self.caution.setObjectName("importCaution")
        self.caution.setText(
            _("Replacing removes everything now in your diary. A backup is made first, so it can be undone.")
        )
        self.caution.hide()
        self.problem = label("error")
        self.problem.setObjectName("importProblem")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importConfirm")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        if is_json:  # one above the other, as a list of choices; each wraps its own words when narrow
            layout.addWidget(self.merge)
            layout.addWidget(self.replace)
        layout.addWidget(self.preview)
        layout.addWidget(self.caution)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.merge.toggled.connect(lambda _on: self.show_preview())
        self.resize(560, 260)

    @property
    def mode(self) -> str:
        return "replace" if self._is_json and self.replace.isChecked() else "merge"

    def show_preview(self) -> bool:
        """Show the preview for the chosen mode. False (and the reason shown) when the file can't be used."""
        from companion.services import transfer

        self.caution.setVisible(self.mode == "replace")
        try:
            preview = (
                transfer.preview_json(self._session, self._data, "replace" if self.mode == "replace" else "merge")
                if self._is_json
                else transfer.preview_pain_csv(self._data, self._diary.clock)
            )
        except CompanionError as exc:
            self.preview.setText(exc.message())
            self.import_button.setEnabled(False)
            return False
        self.preview.setText(preview_text(preview))
        self.import_button.setEnabled(True)
        return True

    def open_window_modal(self) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.open()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _on_buttons_accepted(self) -> None:
        self.apply()

    def apply(self) -> bool:
        """Import. False (the dialog stays open with the reason) when nothing was imported."""
        from companion.services import transfer

        if self.mode == "replace" and not self._backup_first():
            return False
        session, data, mode = self._session, self._data, self.mode

        def run_import() -> tuple[ImportReport, Changes]:
            if self._is_json:
                report = transfer.import_json(session, data, "replace" if mode == "replace" else "merge")
            else:
                report = transfer.import_pain_csv(session, data)
            return report, Changes.everything() if report.changed else Changes()

        done = self._diary.run(run_import, problem=self._show_problem)
        if done is None:
            return False
        self.imported.emit(done.value)
        self.accept()
        return True

    def _backup_first(self) -> bool:
        from companion.services import diary_files

        try:
            diary_files.backup_before_change(self._session)
        except OSError:
            self._show_problem(_("A backup could not be made first, so nothing was imported."))
            return False
        return True
