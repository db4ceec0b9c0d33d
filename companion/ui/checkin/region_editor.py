"""The body map's companions: every region as a ticked list, and a row per chosen region for how much it
hurts (0-10, or not set), what kind of pain, and Remove."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain.body import PAIN_TYPE_NAMES, REGION_BY_CODE, REGIONS, PainType, Side
from companion.domain.checkin import RegionPain
from companion.i18n import _, pgettext
from companion.ui.widgets import Retranslatable, label

NOT_SET = -1  # the spin box's "not set" value, shown as its special text
ROW_HEIGHT = 36  # big enough for sore or shaky hands
VISIBLE_ROWS = 4  # the space kept for rows, so the map never moves as places are chosen
LIST_ROW_HEIGHT = 34


def view_title(side: Side) -> str:
    """The name of one view of the body (the map's figure titles, the list's groups)."""
    if side == Side.FRONT:
        return pgettext("body map view", "Front")
    return pgettext("body map view", "Back")


class RegionListDelegate(QStyledItemDelegate):
    """Tall rows, and a click anywhere on a row ticks it (not just on the small box)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), LIST_ROW_HEIGHT))

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return super().editorEvent(event, model, option, index)
        if event.type() == QEvent.Type.MouseButtonDblClick:
            return True  # the first click of a double click already ticked it
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseButtonRelease:
            if event.button() != Qt.MouseButton.LeftButton:
                return False
            ticked = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole)) == Qt.CheckState.Checked
            new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
            return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
        return super().editorEvent(event, model, option, index)


class RegionList(QTreeWidget):
    """Every region by name under Front and Back, each with a tick box: the keyboard way to the map."""

    chosen_changed = Signal(str, bool)  # the person ticked or unticked this region

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setItemDelegate(RegionListDelegate(self))
        # Whole names at any text size: wide enough for most, and a sideways scroll rather than "Ysgwydd …".
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 24)
        self.setMinimumSize(250, 200)
        self.groups: dict[Side, QTreeWidgetItem] = {}
        self.items: dict[str, QTreeWidgetItem] = {}
        for side in Side:
            group = QTreeWidgetItem(self)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.groups[side] = group
        for region in REGIONS:
            item = QTreeWidgetItem(self.groups[region.side])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setData(0, Qt.ItemDataRole.UserRole, region.code)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            self.items[region.code] = item
        self.expandAll()
        self.itemChanged.connect(self._on_item_changed)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Places on the body"))
        self.setAccessibleDescription(_("Tick each place that hurts. Space ticks or unticks a place."))
        self.blockSignals(True)  # new texts are not the person's changes
        for side, group in self.groups.items():
            group.setText(0, view_title(side))
            group.setData(0, Qt.ItemDataRole.AccessibleTextRole, view_title(side))
        for code, item in self.items.items():
            name = _(REGION_BY_CODE[code].name)
            item.setText(0, name)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, name)
            item.setToolTip(0, name)
        self.blockSignals(False)

    def show_chosen(self, codes: set[str]) -> None:
        """Tick exactly these regions, without announcing it as the person's change."""
        self.blockSignals(True)
        for code, item in self.items.items():
            item.setCheckState(0, Qt.CheckState.Checked if code in codes else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        code = item.data(0, Qt.ItemDataRole.UserRole)
        if code is not None:
            self.chosen_changed.emit(code, item.checkState(0) == Qt.CheckState.Checked)


class CalmSpinBox(QSpinBox):
    """A spin box the mouse wheel only changes once it has focus, so scrolling the page past it
    (or a tremor on the wheel) never changes a score by accident."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class CalmComboBox(QComboBox):
    """A combo box the mouse wheel only changes once it has focus (see CalmSpinBox)."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class RegionPainRow:
    """The widgets of one row; the editor lays them out in its grid."""

    def __init__(self, code: str, parent: QWidget | None) -> None:
        self.code = code
        self.name = label(wrap=False)
        self.name.setParent(parent)
        self.intensity = CalmSpinBox(parent)
        self.intensity.setObjectName(f"regionIntensity_{code}")
        self.intensity.setRange(NOT_SET, 10)
        self.intensity.setValue(NOT_SET)
        self.intensity.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.intensity.setMinimumHeight(ROW_HEIGHT)
        self.intensity.setMinimumWidth(96)
        self.kind = CalmComboBox(parent)
        self.kind.setObjectName(f"regionKind_{code}")
        self.kind.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.kind.setMinimumHeight(ROW_HEIGHT)
        self.kind.setMinimumWidth(130)
        self.kind.addItem("", None)
        for pain_type in PainType:
            self.kind.addItem("", pain_type.value)
        self.remove = QPushButton(parent)
        self.remove.setObjectName(f"regionRemove_{code}")
        self.remove.setMinimumHeight(ROW_HEIGHT)
        self.name.setBuddy(self.intensity)
        self.retranslate()

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.intensity, self.kind, self.remove)

    def retranslate(self) -> None:
        region = _(REGION_BY_CODE[self.code].name)
        self.name.setText(region)
        self.intensity.setSpecialValueText(_("Not set"))
        self.intensity.setAccessibleName(_("Pain in {region}, 0 to 10").format(region=region))
        self.kind.setItemText(0, _("Not set"))
        for index, pain_type in enumerate(PainType, start=1):
            self.kind.setItemText(index, _(PAIN_TYPE_NAMES[pain_type]))
        self.kind.setAccessibleName(_("Kind of pain in {region}").format(region=region))
        self.remove.setText(_("Remove"))
        self.remove.setAccessibleName(_("Remove {region}").format(region=region))

    def value(self) -> RegionPain:
        intensity = self.intensity.value()
        kind = self.kind.currentData()
        pain_type = None if kind is None else PainType(kind)
        return RegionPain(self.code, None if intensity == NOT_SET else intensity, pain_type)

    def show_value(self, value: RegionPain) -> None:
        """Show a value without announcing it as the person's change."""
        for widget in (self.intensity, self.kind):
            widget.blockSignals(True)
        self.intensity.setValue(NOT_SET if value.intensity is None else value.intensity)
        kind = None if value.pain_type is None else value.pain_type.value
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        for widget in (self.intensity, self.kind):
            widget.blockSignals(False)


class RegionPainEditor(Retranslatable, QWidget):
    """The rows for the chosen regions, in the order they were chosen, under one set of column headings."""

    edited = Signal(str)  # a row's score or kind of pain changed: the region's code
    remove_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, RegionPainRow] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = label()
        self.empty.setObjectName("regionEditorEmpty")
        outer.addWidget(self.empty)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(4, 1)  # keep each name close to its controls
        self.headers: list[QLabel] = [label(wrap=False) for _i in range(3)]
        for column, header in enumerate(self.headers):
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.grid.addWidget(header, 0, column)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        self.retranslate_ui()
        self._show_headers()

    def retranslate_ui(self) -> None:
        self.empty.setText(_("Nothing chosen yet. Choose the places that hurt on the map or in the list."))
        for header, text in zip(self.headers, (_("Place"), _("Pain, 0 to 10"), _("Kind of pain")), strict=True):
            header.setText(text)
        for row in self.rows.values():
            row.retranslate()

    def set_regions(self, regions: list[RegionPain]) -> None:
        """Show exactly these regions, in this order: rows are kept, added or dropped as needed."""
        wanted = {value.region: value for value in regions}
        for code in [code for code in self.rows if code not in wanted]:
            for widget in self.rows.pop(code).widgets():
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        for value in regions:
            row = self.rows.get(value.region)
            if row is None:
                row = RegionPainRow(value.region, self)
                row.intensity.valueChanged.connect(lambda _v, code=value.region: self.edited.emit(code))
                row.kind.currentIndexChanged.connect(lambda _i, code=value.region: self.edited.emit(code))
                row.remove.clicked.connect(lambda _c=False, code=value.region: self.remove_clicked.emit(code))
                self.rows[value.region] = row
            row.show_value(value)
        self.rows = {code: self.rows[code] for code in wanted}
        for row in self.rows.values():
            for widget in row.widgets():
                self.grid.removeWidget(widget)
        for number, row in enumerate(self.rows.values(), start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
                widget.show()
        self._show_headers()

    def _show_headers(self) -> None:
        for header in self.headers:
            header.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)

    def reserved_height(self, rows: int = VISIBLE_ROWS) -> int:
        """The height of the headings and this many rows with the current fonts and style."""
        probe = RegionPainRow(REGIONS[0].code, None)
        heights = [ROW_HEIGHT]
        for widget in probe.widgets():
            widget.ensurePolished()  # style sheet sizes apply from here on
            heights.append(widget.sizeHint().height())
            widget.deleteLater()
        self.headers[0].ensurePolished()
        spacing = self.grid.verticalSpacing()
        return self.headers[0].sizeHint().height() + rows * (max(heights) + spacing) + 2 * spacing

    def value_of(self, code: str) -> RegionPain:
        return self.rows[code].value()

    def focus_chain(self) -> list[QWidget]:
        """The rows' controls in reading order, for the editor's Tab order."""
        return [widget for row in self.rows.values() for widget in row.widgets()[1:]]
