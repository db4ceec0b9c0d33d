"""A list of rows the person adds and removes (next steps, tests ordered, medicine changes, follow-up
reasons, review steps, options): each row a few inputs and a Remove button, Add below, Tab in reading order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from companion.ui.medicines.fields import AdaptiveRow, place_before
from companion.ui.story.form_state import read_state, write_state
from companion.ui.widgets import label

FILL = Qt.AlignmentFlag(0)  # no alignment: the input takes the room its stretch gives it


class Row(QFrame):
    """One row: `inputs` by name, laid side by side when there is room. `extra` state (such as an id kept
    while editing) rides along unseen."""

    remove_requested = Signal(object)

    def __init__(
        self,
        inputs: dict[str, QWidget],
        *,
        stretch: dict[str, int] | None = None,
        lines: list[list[str]] | None = None,
    ) -> None:
        """`lines` groups the inputs onto lines of their own (the number on the first, Remove on the last);
        by default they share one line, which goes one under the other when the row is narrow."""
        super().__init__()
        self.setObjectName("storyRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.inputs = inputs
        self.extra: dict[str, Any] = {}
        self.number = label()
        self.number.setObjectName("rowNumber")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeRowButton")
        self.remove_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        groups = lines or [list(inputs)]
        middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for index, names in enumerate(groups):
            line = AdaptiveRow()
            if index == 0:
                line.add(self.number, 0, alignment=middle)
            for name in names:
                line.add(inputs[name], (stretch or {}).get(name, 1), min_chars=12, alignment=FILL)
            if index == len(groups) - 1:
                line.add(self.remove_button, 0, alignment=middle)
            layout.addWidget(line)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))

    def focusables(self) -> list[QWidget]:
        return [*self._input_focusables(), self.remove_button]

    def _input_focusables(self) -> list[QWidget]:
        found: list[QWidget] = []
        for widget in self.inputs.values():
            inner = getattr(widget, "focusables", None)
            found += inner() if callable(inner) else [widget]
        return found

    def first_input(self) -> QWidget:
        return self._input_focusables()[0]

    def state(self) -> dict[str, Any]:
        return {**self.extra, **read_state(self.inputs)}

    def set_state(self, state: dict[str, Any]) -> None:
        write_state(self.inputs, state)
        self.extra = {k: v for k, v in state.items() if k not in self.inputs}


class RowList(QWidget):
    """Rows made by `make_row`; `describe(row, number)` sets a row's words (accessible names say which row)."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        make_row: Callable[[], Row],
        describe: Callable[[Row, int], None],
        limit: int = 20,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._make_row = make_row
        self._describe = describe
        self._limit = limit
        self._rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        self.empty = label()
        self.empty.setObjectName(f"{name}Empty")
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.setAutoDefault(False)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.empty)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.add_button.clicked.connect(self._on_add_clicked)
        self._render()

    def set_texts(self, add: str, add_name: str, empty: str) -> None:
        self.add_button.setText(add)
        self.add_button.setAccessibleName(add_name)
        self.empty.setText(empty)
        self._render()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def add_row(self, state: dict[str, Any] | None = None) -> Row:
        row = self._make_row()
        if state:
            row.set_state(state)
        row.remove_requested.connect(self._on_row_remove_requested)
        self.rows_box.addWidget(row)
        row.show()
        self._rows.append(row)
        self._render()
        self.changed.emit()
        return row

    def _on_add_clicked(self) -> None:
        if len(self._rows) >= self._limit:
            return
        self.add_row().first_input().setFocus(Qt.FocusReason.TabFocusReason)

    def _on_row_remove_requested(self, row: Row) -> None:
        index = self._rows.index(row)
        self._rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._render()
        self.changed.emit()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].first_input().setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _render(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            self._describe(row, number)
        self.empty.setVisible(not self._rows and bool(self.empty.text()))
        self.add_button.setEnabled(len(self._rows) < self._limit)
        # rows are made after the Add button, so they join the end of the Tab order: put them before it
        place_before(self.add_button, [w for row in self._rows for w in row.focusables()])

    def retranslate_rows(self) -> None:
        self._render()

    def focusables(self) -> list[QWidget]:
        return [w for row in self._rows for w in row.focusables()] + [self.add_button]

    def state(self) -> list[dict[str, Any]]:
        return [row.state() for row in self._rows]

    def set_state(self, state: object) -> None:
        for row in list(self._rows):
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        if isinstance(state, list):
            for row_state in state[: self._limit]:
                if isinstance(row_state, dict):
                    self.add_row(row_state)
        self._render()
