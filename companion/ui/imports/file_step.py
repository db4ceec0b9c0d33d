"""The wizard's first step: choose a file, say which app it comes from (detected where it can be), and see
past imports, each with "Undo this import"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QPushButton, QRadioButton, QVBoxLayout, QWidget

from companion.i18n import _
from companion.presentation.import_wizard import DETECTED
from companion.services.imports import ImportSource
from companion.ui.core.diary import OpenDiary
from companion.ui.imports.past_imports import PastImports
from companion.ui.imports.steps import scrolling
from companion.ui.layouts import flow_row
from companion.ui.widgets import label

SOURCE_ORDER: tuple[ImportSource, ...] = ("bearable", "flaredown", "csv")


class FileStep(QWidget):
    choose_requested = Signal()
    source_changed = Signal(str)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importFileStep")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area, column = scrolling(QWidget())
        outer.addWidget(area)
        self.intro = label()
        self.intro.setObjectName("importIntro")
        self.choose = QPushButton()
        self.choose.setObjectName("importChooseFile")
        self.choose.setAutoDefault(False)  # Enter goes on to the next step once a file is chosen
        self.file_name = label(selectable=True)
        self.file_name.setObjectName("importFileName")
        self.detected = label()
        self.detected.setObjectName("importDetected")
        self.sources_box = QGroupBox()
        self.sources_box.setObjectName("importSources")
        sources = QVBoxLayout(self.sources_box)
        self.group = QButtonGroup(self)
        self.sources: dict[ImportSource, QRadioButton] = {}
        for source in SOURCE_ORDER:
            button = QRadioButton()
            button.setObjectName(f"importSource_{source}")
            self.group.addButton(button)
            sources.addWidget(button)
            self.sources[source] = button
            button.toggled.connect(lambda on, chosen=source: self.source_changed.emit(chosen) if on else None)
        self.sources["csv"].setChecked(True)
        self.past = PastImports(diary)
        column.addWidget(self.intro)
        column.addWidget(flow_row(self.choose, self.file_name))
        column.addWidget(self.sources_box)
        column.addWidget(self.detected)
        column.addSpacing(12)
        column.addWidget(self.past)
        column.addStretch(1)
        self.choose.clicked.connect(self.choose_requested)
        self._detected: ImportSource | None = None
        self._name = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Bring your entries in from Bearable, Flaredown or a spreadsheet. First choose the file, saved "
                "as CSV. You will see what will be added before anything changes, a backup is made first, and "
                "you can undo the whole import later."
            )
        )
        self.choose.setText(_("&Choose a file…"))
        self.choose.setAccessibleName(_("Choose the file to import"))
        self.sources_box.setTitle(_("Where the file comes from"))
        self.sources["bearable"].setText(_("Be&arable export"))
        self.sources["flaredown"].setText(_("&Flaredown export"))
        self.sources["csv"].setText(_("Another &spreadsheet (CSV)"))
        self.detected.setText(_(DETECTED[self._detected]) if self._detected else "")
        self.detected.setVisible(self._detected is not None)
        self.file_name.setText(self._name or _("No file chosen yet."))

    def show_file(self, name: str, detected: ImportSource | None) -> None:
        """The chosen file's name, and the app it seems to come from (None: not known, the choice stays)."""
        self._name = name
        self._detected = detected
        if detected is not None:
            self.sources[detected].setChecked(True)
        self.retranslate_ui()

    def source(self) -> ImportSource:
        return next((s for s, b in self.sources.items() if b.isChecked()), "csv")

    def set_source(self, source: ImportSource) -> None:
        self.sources[source].setChecked(True)
