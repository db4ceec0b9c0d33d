"""The body map: choosing places by mouse, by the list and by keyboard keeps one record; details per place."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.body import PAIN_TYPE_NAMES, REGION_BY_CODE, REGIONS, PainType, Side
from companion.domain.checkin import RegionPain
from companion.ui.checkin.body_map import BodyMapCanvas, BodyMapEditor
from companion.ui.checkin.body_map_geometry import DIRECTIONS, MapLayout, neighbour, region_path
from companion.ui.checkin.region_editor import NOT_SET
from companion.ui.qt_translator import TranslatorBridge


@pytest.fixture
def editor(qtbot: QtBot) -> Iterator[BodyMapEditor]:
    widget = BodyMapEditor()
    qtbot.addWidget(widget)
    widget.resize(900, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    # Gone now, not at some later event loop: later tests' language switches must not reach it.
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_region(qtbot: QtBot, editor: BodyMapEditor, code: str) -> None:
    point = editor.canvas.map_layout().anchor(code).toPoint()
    qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, pos=point)


def checked(editor: BodyMapEditor, code: str) -> bool:
    return editor.tree.items[code].checkState(0) == Qt.CheckState.Checked


# The drawing.


def test_every_region_has_a_shape_whose_anchor_chooses_it_and_no_shapes_overlap(editor: BodyMapEditor) -> None:
    for size in ((360, 300), (900, 560), (1600, 1200)):
        editor.canvas.resize(*size)
        layout = editor.canvas.map_layout()
        assert [r.code for r in REGIONS if layout.hit(layout.anchor(r.code)) != r.code] == []
    for i, a in enumerate(REGIONS):
        for b in REGIONS[i + 1 :]:
            if a.side == b.side:
                assert not region_path(a.code).intersects(region_path(b.code)), (a.code, b.code)


def test_the_front_faces_you_and_the_back_faces_away() -> None:
    layout = MapLayout.fit(QRectF(0, 0, 600, 400))
    front_right, front_left = layout.anchor("f-hand-r").x(), layout.anchor("f-hand-l").x()
    back_left, back_right = layout.anchor("b-hand-l").x(), layout.anchor("b-hand-r").x()
    assert front_right < front_left  # the person's right hand on the viewer's left
    assert back_left < back_right  # seen from behind, the person's left is on the viewer's left
    assert front_left < back_left  # the front view is drawn first


def test_arrow_keys_can_reach_every_region() -> None:
    seen, todo = {REGIONS[0].code}, [REGIONS[0].code]
    while todo:
        code = todo.pop()
        for key in DIRECTIONS:
            step = neighbour(code, key)
            if step not in seen:
                seen.add(step)
                todo.append(step)
    assert seen == set(REGION_BY_CODE)


def test_the_map_keeps_a_usable_minimum_size(editor: BodyMapEditor) -> None:
    hint = editor.canvas.minimumSizeHint()
    assert hint.width() >= 340 and hint.height() >= 300


# Choosing places.


def test_clicking_a_region_chooses_it_in_the_list_and_adds_a_row(qtbot: QtBot, editor: BodyMapEditor) -> None:
    with qtbot.waitSignal(editor.changed):
        click_region(qtbot, editor, "f-knee-l")
    assert editor.value() == (RegionPain("f-knee-l"),)
    assert checked(editor, "f-knee-l")
    row = editor.rows.rows["f-knee-l"]
    assert row.name.text() == "Left knee" and row.intensity.isVisibleTo(editor)
    assert editor.canvas.marks == {"f-knee-l": None}
    # Choosing does not move the map, so clicking the same spot again unchooses the same place.
    with qtbot.waitSignal(editor.changed):
        click_region(qtbot, editor, "f-knee-l")
    assert editor.value() == ()
    assert not checked(editor, "f-knee-l")
    assert editor.rows.rows == {}


def test_a_click_just_outside_an_outline_still_counts_but_empty_space_does_not(
    qtbot: QtBot, editor: BodyMapEditor
) -> None:
    layout = editor.canvas.map_layout()
    box = layout.region_rect("f-hand-r")
    near = QPoint(round(box.left() - 1), round(box.center().y()))
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, pos=near)
    assert editor.value() == (RegionPain("f-hand-r"),)
    with qtbot.assertNotEmitted(editor.changed):
        qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))


def test_keyboard_only_tab_into_the_list_arrow_down_and_space(qtbot: QtBot, editor: BodyMapEditor) -> None:
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.tree
    for _ in range(3):
        qtbot.keyClick(editor.tree, Qt.Key.Key_Down)
    assert editor.tree.currentItem() is editor.tree.items["f-shoulder-r"]
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.tree, Qt.Key.Key_Space)
    assert editor.value() == (RegionPain("f-shoulder-r"),)
    assert editor.canvas.marks == {"f-shoulder-r": None}
    assert "f-shoulder-r" in editor.rows.rows
    # Tab goes on from the list to the new row's score.
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)
    assert editor.focusWidget() is editor.rows.rows["f-shoulder-r"].intensity


def test_a_click_anywhere_on_a_list_row_ticks_it(qtbot: QtBot, editor: BodyMapEditor) -> None:
    item = editor.tree.items["f-chest"]
    rect = editor.tree.visualItemRect(item)
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.value() == (RegionPain("f-chest"),)


def test_canvas_keyboard_arrows_move_a_ring_and_space_chooses(qtbot: QtBot, editor: BodyMapEditor) -> None:
    canvas = editor.canvas
    canvas.setFocus()
    assert canvas.hasFocus() and canvas.focus_code == "f-head"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.focus_code == "f-neck"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.focus_code == "f-chest"
    assert canvas.accessibleName() == "Body map: Chest, not chosen"
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Space)
    assert editor.value() == (RegionPain("f-chest"),) and checked(editor, "f-chest")
    assert canvas.accessibleName() == "Body map: Chest, chosen"
    # Right crosses from the front figure to the back one.
    for _ in range(6):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert REGION_BY_CODE[canvas.focus_code or ""].side == Side.BACK
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert len(editor.value()) == 2


def test_hovering_a_region_shows_its_name(qtbot: QtBot, editor: BodyMapEditor) -> None:
    canvas = editor.canvas
    point = canvas.map_layout().anchor("b-calf-r").toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    canvas.event(event)
    assert QToolTip.text() == "Right calf"
    QToolTip.hideText()


# Details per place.


def test_score_and_kind_of_pain_show_up_in_value(qtbot: QtBot, editor: BodyMapEditor) -> None:
    click_region(qtbot, editor, "f-knee-l")
    row = editor.rows.rows["f-knee-l"]
    assert row.intensity.value() == NOT_SET and row.intensity.text() == "Not set"
    row.intensity.setFocus()
    row.intensity.selectAll()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClicks(row.intensity, "6")
    with qtbot.waitSignal(editor.changed):
        row.kind.setCurrentIndex(row.kind.findData(PainType.THROBBING.value))
    assert editor.value() == (RegionPain("f-knee-l", 6, PainType.THROBBING),)
    assert editor.canvas.marks == {"f-knee-l": 6}  # the map's mark shows the score
    assert [row.kind.itemText(i) for i in range(row.kind.count())] == ["Not set", *PAIN_TYPE_NAMES.values()]


def test_set_value_round_trips_without_announcing_a_change(qtbot: QtBot, editor: BodyMapEditor) -> None:
    given = (
        RegionPain("b-lower-back", 7, PainType.ACHING),
        RegionPain("f-knee-l", 5, PainType.THROBBING),
        RegionPain("f-shoulder-r", 3, None),
        RegionPain("f-hand-r", None, PainType.TINGLING),
    )
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_value(given)
    assert editor.value() == given
    assert [code for code in editor.tree.items if checked(editor, code)] == sorted(
        (r.region for r in given), key=[r.code for r in REGIONS].index
    )
    assert list(editor.rows.rows) == [r.region for r in given]
    assert editor.rows.rows["f-hand-r"].intensity.text() == "Not set"
    assert editor.rows.rows["b-lower-back"].kind.currentText() == "Aching"
    # The first of a repeated place wins; an unknown place is a mistake in the caller.
    editor.set_value((RegionPain("f-chest", 2), RegionPain("f-chest", 9)))
    assert editor.value() == (RegionPain("f-chest", 2),)
    assert list(editor.rows.rows) == ["f-chest"]
    with pytest.raises(ValueError, match="nowhere"):
        editor.set_value((RegionPain("nowhere"),))
    with qtbot.assertNotEmitted(editor.changed):
        editor.clear()
    assert editor.value() == () and not checked(editor, "f-chest") and editor.canvas.marks == {}


def test_remove_button_removes_and_choosing_again_brings_the_details_back(qtbot: QtBot, editor: BodyMapEditor) -> None:
    editor.set_value((RegionPain("f-chest", 4, PainType.BURNING), RegionPain("b-neck", 2)))
    remove = editor.rows.rows["f-chest"].remove
    assert remove.accessibleName() == "Remove Chest"
    with qtbot.waitSignal(editor.changed):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert editor.value() == (RegionPain("b-neck", 2),)
    assert not checked(editor, "f-chest") and "f-chest" not in editor.canvas.marks
    # Focus lands on the row that moved up, not lost.
    assert editor.focusWidget() is editor.rows.rows["b-neck"].remove
    with qtbot.waitSignal(editor.changed):
        editor.tree.items["f-chest"].setCheckState(0, Qt.CheckState.Checked)
    assert editor.value() == (RegionPain("b-neck", 2), RegionPain("f-chest", 4, PainType.BURNING))


def test_a_shaky_double_click_on_remove_removes_only_one_row(qtbot: QtBot, editor: BodyMapEditor) -> None:
    editor.set_value((RegionPain("f-chest"), RegionPain("b-neck"), RegionPain("f-head")))
    qtbot.mouseClick(editor.rows.rows["f-chest"].remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.rows.rows["b-neck"].remove, Qt.MouseButton.LeftButton)  # moved under the pointer
    assert [r.region for r in editor.value()] == ["b-neck", "f-head"]


def test_changed_is_emitted_once_for_each_change_the_person_makes(qtbot: QtBot, editor: BodyMapEditor) -> None:
    count = []
    editor.changed.connect(lambda: count.append(1))
    click_region(qtbot, editor, "b-heel-l")  # the map
    editor.tree.items["f-hip-r"].setCheckState(0, Qt.CheckState.Checked)  # the list
    editor.rows.rows["b-heel-l"].intensity.setValue(3)  # a score
    editor.rows.rows["f-hip-r"].kind.setCurrentIndex(2)  # a kind of pain
    qtbot.mouseClick(editor.rows.rows["f-hip-r"].remove, Qt.MouseButton.LeftButton)  # Remove
    assert len(count) == 5
    assert editor.value() == (RegionPain("b-heel-l", 3),)


def test_the_map_does_not_move_when_rows_come_and_go(qtbot: QtBot, editor: BodyMapEditor) -> None:
    before = editor.canvas.geometry()
    editor.set_value(tuple(RegionPain(r.code) for r in REGIONS[:12]))
    qtbot.wait(10)
    assert editor.canvas.geometry() == before


# Names for assistive technology, and both languages.


def interactive(editor: BodyMapEditor) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractItemView, BodyMapCanvas)
    return [
        w
        for w in editor.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(editor) and not isinstance(w.parent(), QComboBox)
    ]


def test_every_control_has_an_accessible_name_and_takes_tab_focus(qtbot: QtBot, editor: BodyMapEditor) -> None:
    editor.set_value((RegionPain("f-knee-l", 5), RegionPain("b-lower-back")))
    controls = interactive(editor)
    assert len(controls) >= 2 + 2 * 3
    for control in controls:
        assert control.accessibleName().strip(), control.objectName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
    assert editor.canvas.accessibleDescription()
    row = editor.rows.rows["f-knee-l"]
    assert row.intensity.accessibleName() == "Pain in Left knee, 0 to 10"
    assert row.kind.accessibleName() == "Kind of pain in Left knee"
    for code, item in editor.tree.items.items():
        assert item.data(0, Qt.ItemDataRole.AccessibleTextRole) == REGION_BY_CODE[code].name


class MarkedCatalog(gettext.NullTranslations):
    """A stand-in Welsh catalog that marks every string, so an untranslated one shows."""

    def gettext(self, message: str) -> str:
        return f"«{message}»"

    def pgettext(self, context: str, message: str) -> str:
        return f"«{message}»"


@pytest.fixture
def marked_welsh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(i18n._cache, "cy", MarkedCatalog())
    yield
    i18n.set_language("en")


def test_switching_to_welsh_retranslates_every_string(
    qtbot: QtBot, editor: BodyMapEditor, bridge: TranslatorBridge, marked_welsh: None
) -> None:
    editor.set_value((RegionPain("f-knee-l", 5, PainType.STABBING),))
    i18n.set_language("cy")
    cy = lambda text: i18n.translate_in("cy", text)  # noqa: E731
    knee = cy("Left knee")
    assert knee == "«Left knee»"
    assert editor.caption.text() == cy("Choose the places that hurt. Left and right are your own.")
    assert editor.list_label.text() == cy("Or choose from this list")
    assert editor.tree.accessibleName() == cy("Places on the body")
    assert editor.tree.items["f-knee-l"].text(0) == knee
    assert editor.tree.items["f-knee-l"].data(0, Qt.ItemDataRole.AccessibleTextRole) == knee
    assert editor.tree.groups[Side.FRONT].text(0) == "«Front»"
    focused = cy(REGION_BY_CODE[editor.canvas.focus_code or "f-head"].name)
    assert editor.canvas.accessibleName() in (
        cy("Body map"),
        cy("Body map: {region}, not chosen").format(region=focused),
    )
    assert editor.canvas.accessibleDescription().startswith("«")
    assert editor.rows.empty.text().startswith("«")
    assert [h.text() for h in editor.rows.headers] == [cy("Place"), cy("Pain, 0 to 10"), cy("Kind of pain")]
    row = editor.rows.rows["f-knee-l"]
    assert row.name.text() == knee
    assert row.intensity.accessibleName() == cy("Pain in {region}, 0 to 10").format(region=knee)
    assert row.kind.accessibleName() == cy("Kind of pain in {region}").format(region=knee)
    assert row.kind.currentText() == cy("Stabbing")
    assert row.kind.itemText(0) == cy("Not set")
    assert row.remove.text() == cy("Remove")
    assert row.remove.accessibleName() == cy("Remove {region}").format(region=knee)
    # The choice itself is untouched by the switch, and nothing was announced as a change.
    assert editor.value() == (RegionPain("f-knee-l", 5, PainType.STABBING),)
    i18n.set_language("en")
    assert editor.caption.text() == "Choose the places that hurt. Left and right are your own."
    assert row.remove.accessibleName() == "Remove Left knee"


def test_with_the_real_welsh_catalog_labels_match_translate_in(
    qtbot: QtBot, editor: BodyMapEditor, bridge: TranslatorBridge
) -> None:
    editor.set_value((RegionPain("b-calf-r"),))
    i18n.set_language("cy")
    name = REGION_BY_CODE["b-calf-r"].name
    assert editor.tree.items["b-calf-r"].text(0) == i18n.translate_in("cy", name)
    assert editor.rows.rows["b-calf-r"].remove.text() == i18n.translate_in("cy", "Remove")
    assert editor.caption.text() == i18n.translate_in("cy", "Choose the places that hurt. Left and right are your own.")
    i18n.set_language("en")
