"""Your data: export (JSON or a CSV bundle), import with a preview, and an encrypted backup elsewhere.

Nothing here is shown from the diary, so it reads only when the person asks (an export, an import's
preview); an import writes through `diary.run` (in its dialog), so every screen hears of it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.layouts import flow_row
from companion.ui.widgets import Retranslatable, label


class DataSection(Retranslatable, QGroupBox):
    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataSection")
        self._diary = diary
        self._session = diary.session
        self.import_dialog: QWidget | None = None
        layout = QVBoxLayout(self)
        self.explain = label()
        self.export_json = QPushButton()
        self.export_json.setObjectName("exportJsonButton")
        self.export_csv = QPushButton()
        self.export_csv.setObjectName("exportCsvButton")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupToFolderButton")
        self.import_other = QPushButton()
        self.import_other.setObjectName("importOtherAppButton")
        self.export_fhir = QPushButton()
        self.export_fhir.setObjectName("exportFhirButton")
        # The buttons wrap onto more rows at large text sizes rather than widen the page.
        row = flow_row(
            self.export_json,
            self.export_csv,
            self.import_button,
            self.backup_button,
            self.import_other,
            self.export_fhir,
        )
        self.status = label()
        self.status.setObjectName("dataStatus")
        layout.addWidget(self.explain)
        layout.addWidget(row)
        layout.addWidget(self.status)
        self.export_json.clicked.connect(lambda: self.export("json"))
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        self.import_button.clicked.connect(self.import_file)
        self.backup_button.clicked.connect(self.backup_to_folder)
        self.import_other.clicked.connect(self.open_import_wizard)
        self.export_fhir.clicked.connect(self.open_fhir_export)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your data"))
        self.explain.setText(
            _(
                "Export everything to open formats to keep or to move to another app, bring entries in from "
                "a file, or put an encrypted copy of your diary somewhere safe such as a USB stick."
            )
        )
        self.export_json.setText(_("Export (&JSON)…"))
        self.export_json.setAccessibleName(_("Export everything as a JSON file"))
        self.export_csv.setText(_("Export (CS&V)…"))
        self.export_csv.setAccessibleName(_("Export everything as spreadsheet files in a zip"))
        self.import_button.setText(_("&Import…"))
        self.import_button.setAccessibleName(_("Import entries from a file"))
        self.backup_button.setText(_("&Back up to…"))
        self.backup_button.setAccessibleName(_("Put an encrypted copy of your diary in a folder you choose"))
        self.import_other.setText(_("Import &from another app…"))
        self.import_other.setAccessibleName(_("Import entries from Bearable, Flaredown or a spreadsheet"))
        self.export_fhir.setText(_("Export for a &health record (FHIR)…"))
        self.export_fhir.setAccessibleName(_("Export a file for a health record, in FHIR's format"))

    # --- other apps and health records (each in its own dialog) -------------------------------------------

    def open_import_wizard(self) -> None:
        from companion.ui.imports.import_wizard import ImportWizard

        self.import_wizard = ImportWizard.open_for(self._diary, self.window())

    def open_fhir_export(self) -> None:
        from companion.ui.imports.fhir_export_dialog import FhirExportDialog

        self.fhir_dialog = FhirExportDialog.open_for(self._diary, self.window())

    # --- export -----------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        """Everything in an open format, after saying that the file will not be encrypted."""
        from companion.services import transfer

        today = self._diary.clock.today()
        if kind == "json":
            suggested, name_filter = suggested_file_name("export_json", today), _("JSON files (*.json)")
        else:
            suggested, name_filter = suggested_file_name("export_csv", today), _("Zip files (*.zip)")

        def chosen(path: str) -> None:
            try:
                data = transfer.export_json(self._session) if kind == "json" else transfer.export_csv_zip(self._session)
                transfer.write_export(Path(path), data)
            except CompanionError as exc:
                self.status.setText(exc.message())
                return
            self.status.setText(_("Exported to {path}. This file is not encrypted.").format(path=path))

        dialogs.save_unencrypted(
            self,
            warning=_(transfer.EXPORT_WARNING),
            title=_("Export your diary"),
            suggested=str(Path.home() / suggested),
            name_filter=name_filter,
            on_path=chosen,
            on_nothing=lambda: self.status.setText(_("Nothing was exported.")),
        )

    # --- import -----------------------------------------------------------------------------------------

    def import_file(self) -> None:
        path = dialogs.choose_open_file(self, _("Import entries"), _("Companion exports or pain scores (*.json *.csv)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError:
            self.status.setText(_("That file could not be read. Check it is still there and try again."))
            return
        from companion.ui.settings.import_dialog import ImportDialog, report_text

        dialog = ImportDialog(self._diary, data, path.lower().endswith(".json"), self.window())
        if not dialog.show_preview():
            self.status.setText(dialog.preview.text())
            dialog.deleteLater()
            return
        dialog.imported.connect(lambda report: self.status.setText(report_text(report)))
        dialog.rejected.connect(lambda: self.status.setText(_("Nothing was imported.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(dialog)
        self.import_dialog = dialog

    # --- backup -----------------------------------------------------------------------------------------

    def backup_to_folder(self) -> None:
        from companion.services.diary_files import backup_to_folder

        folder = dialogs.choose_folder(self, _("Choose where to put the encrypted copy"))
        if not folder:
            return
        if self._diary.flush().failed:  # the copy must hold everything; the banner says why it can't
            self.status.setText(_("Your latest changes could not be saved to disk, so no copy was made."))
            return
        try:
            target = backup_to_folder(self._session, Path(folder))
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(
            _("An encrypted copy was saved as {path}. It opens with your current passphrase.").format(path=target)
        )
