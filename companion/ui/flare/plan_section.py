"""One titled part of the flare-up plan: its lines (edit, remove, add) and examples to pick; and the helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.flare import EXAMPLES, LINE_MAX_CHARS, SECTION_TITLES, Helper
from companion.i18n import _
from companion.ui.widgets import Retranslatable, label
from companion.ui.wrapping import WrappingGroupBox

SECTION_STYLE = (  # the title is a wrapping label inside the frame (WrappingGroupBox): no room kept above it
    "QGroupBox { font-weight: 600; border: 1px solid palette(mid); border-radius: 6px; padding: 8px; }"
)


def section_title(key: str, number: int) -> str:
    return _("{number}. {title}").format(number=number, title=_(SECTION_TITLES[key]))


def _line_edit(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    edit.setMaxLength(LINE_MAX_CHARS)
    edit.setStyleSheet("font-weight: normal;")
    edit.setCursorPosition(0)  # a line longer than its field shows its beginning, not its end
    return edit


def _button(name: str) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setStyleSheet("font-weight: normal;")
    return button


def _plain(widget: QLabel) -> QLabel:
    """Group box titles are bold; what is inside them is not."""
    widget.setStyleSheet("font-weight: normal;")
    return widget


class _ExampleText(QLabel):
    """The words of an example, wrapping; a click on them ticks the box beside them."""

    def __init__(self, box: QCheckBox) -> None:
        super().__init__()
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._box.toggle()
        event.accept()


class PlanSection(Retranslatable, WrappingGroupBox):
    """A section's lines, each in its own field with a Remove button, an "Add a line" field and examples."""

    changed = Signal()  # the lines changed (typed, added, removed, picked)
    rows_changed = Signal()  # a row was added or removed: the page puts the Tab order right again

    def __init__(self, key: str, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.number = number
        self.setObjectName(f"flareSection_{key}")
        self.setStyleSheet(SECTION_STYLE)
        self._rows: list[tuple[QWidget, QLineEdit, QPushButton]] = []
        self._counter = 0  # object names stay unique after removals
        self.lines_layout = QVBoxLayout()
        self.lines_layout.setSpacing(4)
        self.empty = _plain(label())
        self.empty.setObjectName(f"flareEmpty_{key}")
        self.add_label = _plain(label(wrap=False))
        self.add_input = _line_edit(f"flareAddInput_{key}")
        self.add_label.setBuddy(self.add_input)
        self.add_button = _button(f"flareAddButton_{key}")
        add_field = QHBoxLayout()
        add_field.addWidget(self.add_input, 1)
        add_field.addWidget(self.add_button)
        add_row = QFormLayout()  # "Add a line:" goes above the field when both do not fit on one line
        add_row.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addRow(self.add_label, add_field)
        self.note = _plain(label())
        self.note.setObjectName(f"flareNote_{key}")
        self.note.setVisible(key == "medicines")
        self.examples_label = _plain(label())
        self.examples: list[tuple[str, QCheckBox]] = []
        self.example_texts: list[QLabel] = []
        for index, example in enumerate(EXAMPLES[key]):
            box = QCheckBox()
            text = _ExampleText(box)
            self.example_texts.append(text)
            box.setObjectName(f"flareExample_{key}_{index}")
            box.setStyleSheet("font-weight: normal;")
            box.toggled.connect(lambda checked, source=example: self._on_example_toggled(source, checked))
            self.examples.append((example, box))
        outer = QVBoxLayout(self)
        outer.setSpacing(6)
        outer.addWidget(self.note)
        outer.addLayout(self.lines_layout)
        outer.addWidget(self.empty)
        outer.addLayout(add_row)
        if self.examples:
            outer.addWidget(self.examples_label)
            examples = QVBoxLayout()
            examples.setContentsMargins(16, 0, 0, 0)
            for (_source, box), words in zip(self.examples, self.example_texts, strict=True):
                # A tick box with a wrapping label beside it: long Welsh examples wrap instead of widening the page.
                row = QHBoxLayout()
                row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(words, 1)
                examples.addLayout(row)
            outer.addLayout(examples)
        self.add_input.returnPressed.connect(self.add_typed_line)
        self.add_button.clicked.connect(self.add_typed_line)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = section_title(self.key, self.number)
        plain_title = _(SECTION_TITLES[self.key])
        self.setTitle(title)
        self.setAccessibleName(title)
        self.empty.setText(_("Nothing here yet."))
        self.add_label.setText(_("Add a line:"))
        self.add_input.setAccessibleName(_("Add a line to “{section}”").format(section=plain_title))
        self.add_input.setPlaceholderText(_("Your own words (press Enter to add)"))
        self.add_button.setText(_("Add"))
        self.add_button.setAccessibleName(_("Add this line to “{section}”").format(section=plain_title))
        self.note.setText(_("Companion gives no advice about medicines."))
        self.examples_label.setText(_("Examples (tick to add):"))
        for (source, box), text in zip(self.examples, self.example_texts, strict=True):
            text.setText(_(source))
            box.setAccessibleName(_("Example: {line}").format(line=_(source)))
        for index, (_row, edit, remove) in enumerate(self._rows, start=1):
            self._name_row(index, edit, remove)
        self.sync_examples()

    def _name_row(self, index: int, edit: QLineEdit, remove: QPushButton) -> None:
        plain_title = _(SECTION_TITLES[self.key])
        edit.setAccessibleName(_("“{section}”, line {n}").format(section=plain_title, n=index))
        remove.setText(_("Remove"))
        remove.setAccessibleName(_("Remove line {n} from “{section}”").format(n=index, section=plain_title))

    # --- lines -------------------------------------------------------------------------------------------------

    def lines(self) -> tuple[str, ...]:
        """The lines as they stand, with anything typed in "Add a line" but not yet added at the end."""
        found = [edit.text().strip() for _row, edit, _remove in self._rows]
        found.append(self.add_input.text().strip())
        return tuple(line for line in found if line)

    def set_lines(self, lines: tuple[str, ...]) -> None:
        for row, _edit, _remove in self._rows:
            self.lines_layout.removeWidget(row)
            row.deleteLater()
        self._rows = []
        self.add_input.clear()
        for line in lines:
            self._add_row(line)
        self._after_rows_changed(emit=False)

    def add_line(self, text: str) -> QLineEdit:
        edit = self._add_row(text)
        self._after_rows_changed()
        return edit

    def add_typed_line(self) -> None:
        text = self.add_input.text().strip()
        if not text:
            return
        self.add_input.clear()
        self.add_line(text)
        self.add_input.setFocus()

    def remove_line(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        row, _edit, _remove = self._rows.pop(index)
        self.lines_layout.removeWidget(row)
        row.deleteLater()
        self._after_rows_changed()
        # Focus stays in this part of the plan: on the next line's Remove, else the "Add a line" field.
        if index < len(self._rows):
            self._rows[index][2].setFocus()
        else:
            self.add_input.setFocus()

    def line_edits(self) -> list[QLineEdit]:
        return [edit for _row, edit, _remove in self._rows]

    def remove_buttons(self) -> list[QPushButton]:
        return [remove for _row, _edit, remove in self._rows]

    def focus_order(self) -> list[QWidget]:
        """Every control here in reading order."""
        order: list[QWidget] = []
        for _row, edit, remove in self._rows:
            order += [edit, remove]
        order += [self.add_input, self.add_button]
        order += [box for _source, box in self.examples]
        return order

    def _add_row(self, text: str) -> QLineEdit:
        self._counter += 1
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        edit = _line_edit(f"flareLine_{self.key}_{self._counter}", text)
        remove = _button(f"flareRemove_{self.key}_{self._counter}")
        layout.addWidget(edit, 1)
        layout.addWidget(remove)
        self.lines_layout.addWidget(row)
        self._rows.append((row, edit, remove))
        self._name_row(len(self._rows), edit, remove)
        edit.textChanged.connect(self._on_line_text_changed)
        remove.clicked.connect(lambda _checked=False, r=row: self._on_remove_clicked(r))
        return edit

    def _on_remove_clicked(self, row: QWidget) -> None:
        for index, (candidate, _edit, _remove) in enumerate(self._rows):
            if candidate is row:
                self.remove_line(index)
                return

    def _after_rows_changed(self, *, emit: bool = True) -> None:
        for index, (_row, edit, remove) in enumerate(self._rows, start=1):
            self._name_row(index, edit, remove)
        self.empty.setVisible(not self._rows)
        self.sync_examples()
        self.rows_changed.emit()
        if emit:
            self.changed.emit()

    def _on_line_text_changed(self, _text: str) -> None:
        self.sync_examples()
        self.changed.emit()

    # --- examples ------------------------------------------------------------------------------------------------

    def _has_line(self, source: str) -> bool:
        wanted = {_(source).casefold(), source.casefold()}
        return any(edit.text().strip().casefold() in wanted for _row, edit, _remove in self._rows)

    def sync_examples(self) -> None:
        """Examples already in the lines show as picked."""
        for source, box in self.examples:
            box.blockSignals(True)
            box.setChecked(self._has_line(source))
            box.blockSignals(False)

    def _on_example_toggled(self, source: str, checked: bool) -> None:
        if checked and not self._has_line(source):
            self.add_line(_(source))
        elif not checked:
            wanted = {_(source).casefold(), source.casefold()}
            for index in reversed(range(len(self._rows))):
                if self._rows[index][1].text().strip().casefold() in wanted:
                    row, _edit, _remove = self._rows.pop(index)
                    self.lines_layout.removeWidget(row)
                    row.deleteLater()
            self._after_rows_changed()


class HelpersSection(Retranslatable, WrappingGroupBox):
    """People who can help, and how: a small table of name, how they help and phone, one row per person."""

    changed = Signal()
    rows_changed = Signal()

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = "people"
        self.number = number
        self.setObjectName("flareSection_people")
        self.setStyleSheet(SECTION_STYLE)
        self._rows: list[tuple[QLineEdit, QLineEdit, QLineEdit, QPushButton]] = []
        self._counter = 0
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setColumnStretch(2, 2)
        self.name_header = _plain(label(wrap=False))
        self.how_header = _plain(label(wrap=False))
        self.phone_header = _plain(label(wrap=False))
        self.grid.addWidget(self.name_header, 0, 0)
        self.grid.addWidget(self.how_header, 0, 1)
        self.grid.addWidget(self.phone_header, 0, 2)
        self.empty = _plain(label())
        self.empty.setObjectName("flareEmpty_people")
        self.add_button = _button("flareAddHelper")
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addLayout(self.grid)
        outer.addWidget(self.empty)
        outer.addLayout(add_row)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = section_title(self.key, self.number)
        self.setTitle(title)
        self.setAccessibleName(title)
        self.name_header.setText(_("Name"))
        self.how_header.setText(_("How they can help"))
        self.phone_header.setText(_("Phone"))
        self.empty.setText(_("No one added yet."))
        self.add_button.setText(_("Add a &person"))
        self.add_button.setAccessibleName(_("Add a person who can help"))
        for index, row in enumerate(self._rows, start=1):
            self._name_row(index, *row)
        self._update_headers()

    def _name_row(self, index: int, name: QLineEdit, how: QLineEdit, phone: QLineEdit, remove: QPushButton) -> None:
        name.setAccessibleName(_("Person {n}: name").format(n=index))
        name.setPlaceholderText(_("Name"))
        how.setAccessibleName(_("Person {n}: how they can help").format(n=index))
        how.setPlaceholderText(_("Shopping, a lift, a chat"))
        phone.setAccessibleName(_("Person {n}: phone").format(n=index))
        phone.setPlaceholderText(_("Phone"))
        remove.setText(_("Remove"))
        remove.setAccessibleName(_("Remove person {n}").format(n=index))

    def helpers(self) -> tuple[Helper, ...]:
        found = (Helper(n.text().strip(), h.text().strip(), p.text().strip()) for n, h, p, _r in self._rows)
        return tuple(helper for helper in found if helper.name or helper.how or helper.phone)

    def set_helpers(self, helpers: tuple[Helper, ...]) -> None:
        for row in self._rows:
            for widget in row:
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = []
        for helper in helpers:
            self._add_row(helper)
        self._after_rows_changed(emit=False)

    def add_helper(self, helper: Helper | None = None) -> QLineEdit:
        """Add a row (empty unless `helper` is given) and return its name field."""
        name = self._add_row(helper or Helper(""))
        self._after_rows_changed()
        return name

    def remove_helper(self, index: int) -> None:
        if not 0 <= index < len(self._rows):
            return
        kept = [Helper(n.text(), h.text(), p.text()) for i, (n, h, p, _r) in enumerate(self._rows) if i != index]
        self.set_helpers(tuple(kept))
        self.changed.emit()
        if index < len(self._rows):
            self._rows[index][3].setFocus()
        else:
            self.add_button.setFocus()

    def rows(self) -> list[tuple[QLineEdit, QLineEdit, QLineEdit, QPushButton]]:
        return list(self._rows)

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        for row in self._rows:
            order += list(row)
        order.append(self.add_button)
        return order

    def _add_row(self, helper: Helper) -> QLineEdit:
        self._counter += 1
        n = self._counter
        name = _line_edit(f"flareHelperName_{n}", helper.name)
        how = _line_edit(f"flareHelperHow_{n}", helper.how)
        phone = _line_edit(f"flareHelperPhone_{n}", helper.phone)
        remove = _button(f"flareHelperRemove_{n}")
        grid_row = len(self._rows) + 1
        self.grid.addWidget(name, grid_row, 0)
        self.grid.addWidget(how, grid_row, 1)
        self.grid.addWidget(phone, grid_row, 2)
        self.grid.addWidget(remove, grid_row, 3)
        self._rows.append((name, how, phone, remove))
        self._name_row(len(self._rows), name, how, phone, remove)
        for edit in (name, how, phone):
            edit.textChanged.connect(self._on_text_changed)
        remove.clicked.connect(lambda _checked=False, edit=name: self._on_remove_clicked(edit))
        return name

    def _on_add_button_clicked(self) -> None:
        self.add_helper().setFocus()

    def _on_remove_clicked(self, name: QLineEdit) -> None:
        for index, row in enumerate(self._rows):
            if row[0] is name:
                self.remove_helper(index)
                return

    def _on_text_changed(self, _text: str) -> None:
        self.changed.emit()

    def _update_headers(self) -> None:
        for header in (self.name_header, self.how_header, self.phone_header):
            header.setVisible(bool(self._rows))
        self.empty.setVisible(not self._rows)

    def _after_rows_changed(self, *, emit: bool = True) -> None:
        for index, row in enumerate(self._rows, start=1):
            self._name_row(index, *row)
        self._update_headers()
        self.rows_changed.emit()
        if emit:
            self.changed.emit()
