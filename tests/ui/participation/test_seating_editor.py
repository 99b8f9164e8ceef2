"""The chart editor driven like a coach would: spin boxes, cells, keys, the Save button."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QDialog

from observe.capture.participation import SeatSpec, live_seats
from observe.store.models import Classroom
from observe.ui.participation import SeatingEditorDialog

from .conftest import OpenVisit


def open_editor(qtbot, visit: OpenVisit, errors_seen=None) -> SeatingEditorDialog:
    kwargs = {"report_error": errors_seen} if errors_seen is not None else {}
    dialog = SeatingEditorDialog(visit.store, visit.classroom_id, context=visit.context, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into_spin(qtbot, spin, value: int) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def click_cell(qtbot, dialog: SeatingEditorDialog, row: int, col: int, modifier=None) -> None:
    rect = dialog.table.visualRect(dialog.model.index(row, col))
    qtbot.mouseClick(
        dialog.table.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def replace_text(qtbot, widget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def seats_in_db(visit: OpenVisit) -> dict[tuple[int, int], tuple[str, str | None]]:
    return {
        (s.row, s.col): (s.label, s.group_label)
        for s in live_seats(visit.store, visit.classroom_id)
    }


def test_a_new_chart_is_drawn_labelled_grouped_and_saved(qtbot, visit: OpenVisit):
    dialog = open_editor(qtbot, visit)
    assert (dialog.model.rows, dialog.model.cols) == (5, 6)  # a new chart starts full
    assert dialog.model.cell((4, 5)).label == "E6"

    type_into_spin(qtbot, dialog.rows_spin, 2)
    type_into_spin(qtbot, dialog.cols_spin, 3)
    assert dialog.table.model().rowCount() == 2
    assert dialog.table.model().columnCount() == 3

    click_cell(qtbot, dialog, 0, 1)  # rename A2 in the side panel
    replace_text(qtbot, dialog.label_edit, "Window")
    click_cell(qtbot, dialog, 1, 1)  # rename B2 in the cell itself
    qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = dialog.table.focusWidget() or dialog.focusWidget()
    replace_text(qtbot, editor, "Door")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    click_cell(qtbot, dialog, 1, 2)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)  # C cell in row B becomes a gap
    assert dialog.model.cell((1, 2)).seat is False

    click_cell(qtbot, dialog, 0, 0)  # row A is table 1: select it, type, Enter
    click_cell(qtbot, dialog, 0, 2, Qt.KeyboardModifier.ShiftModifier)
    line = dialog.group_combo.lineEdit()
    replace_text(qtbot, line, "Table 1")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    click_cell(qtbot, dialog, 1, 0)  # row B is table 2, through the button
    click_cell(qtbot, dialog, 1, 1, Qt.KeyboardModifier.ShiftModifier)
    replace_text(qtbot, dialog.group_combo.lineEdit(), "Table 2")
    qtbot.mouseClick(dialog.apply_group_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(visit.context.records_changed) as announced:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert announced.args == ["seat"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert seats_in_db(visit) == {
        (0, 0): ("A1", "Table 1"),
        (0, 1): ("Window", "Table 1"),
        (0, 2): ("A3", "Table 1"),
        (1, 0): ("B1", "Table 2"),
        (1, 1): ("Door", "Table 2"),
    }
    with visit.store.read() as s:
        room = s.get_one(Classroom, visit.classroom_id)
        assert (room.rows, room.cols) == (2, 3)


def test_duplicate_labels_are_refused_with_the_sentence_and_nothing_is_lost(
    qtbot, visit: OpenVisit
):
    dialog = open_editor(qtbot, visit)
    type_into_spin(qtbot, dialog.rows_spin, 1)
    type_into_spin(qtbot, dialog.cols_spin, 3)
    click_cell(qtbot, dialog, 0, 2)
    replace_text(qtbot, dialog.label_edit, "A1")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text() == "Seat labels must be different; A1 is used twice."
    assert seats_in_db(visit) == {}
    assert dialog.model.cell((0, 2)).label == "A1"  # the edit is still there to fix
    assert dialog.table.selected_positions() == [(0, 0), (0, 2)]  # and both culprits selected

    replace_text(qtbot, dialog.label_edit, "A9")  # the current cell is one of the two
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sorted(label for label, _ in seats_in_db(visit).values()) == ["A1", "A2", "A9"]


def test_an_existing_chart_opens_with_its_gaps_and_shrinking_then_growing_keeps_edits(
    qtbot, visit: OpenVisit
):
    visit.chart(2, 2, {(0, 0): SeatSpec("Front", "Left"), (1, 1): SeatSpec("Back", "Right")})
    dialog = open_editor(qtbot, visit)
    assert (dialog.rows_spin.value(), dialog.cols_spin.value()) == (2, 2)
    assert dialog.model.cell((0, 1)).seat is False
    assert dialog.model.index(0, 1).data(Qt.ItemDataRole.AccessibleTextRole).startswith("No seat")
    assert dialog.model.index(1, 1).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Seat Back, Right (row B, column 2)"
    )

    type_into_spin(qtbot, dialog.rows_spin, 1)
    type_into_spin(qtbot, dialog.rows_spin, 2)
    assert dialog.model.cell((1, 1)).label == "Back"
    assert dialog.model.cell((1, 1)).group == "Right"

    click_cell(qtbot, dialog, 0, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)  # remove the front seat
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert seats_in_db(visit) == {(1, 1): ("Back", "Right")}


def test_fill_clear_and_group_by_tables(qtbot, visit: OpenVisit):
    dialog = open_editor(qtbot, visit)
    type_into_spin(qtbot, dialog.rows_spin, 2)
    type_into_spin(qtbot, dialog.cols_spin, 4)
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    assert dialog.model.seat_positions() == []
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    assert len(dialog.model.seat_positions()) == 8

    type_into_spin(qtbot, dialog.table_rows_spin, 2)
    type_into_spin(qtbot, dialog.table_cols_spin, 2)
    qtbot.mouseClick(dialog.tables_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    groups = {label: group for label, group in seats_in_db(visit).values()}
    assert groups == {
        "A1": "Table 1", "A2": "Table 1", "B1": "Table 1", "B2": "Table 1",
        "A3": "Table 2", "A4": "Table 2", "B3": "Table 2", "B4": "Table 2",
    }  # fmt: skip


def test_side_panel_follows_the_selection(qtbot, visit: OpenVisit):
    visit.chart(1, 3, {(0, 0): SeatSpec("A1", "Reds"), (0, 1): SeatSpec("A2", "Blues")})
    dialog = open_editor(qtbot, visit)
    click_cell(qtbot, dialog, 0, 0)
    assert dialog.label_edit.text() == "A1"
    assert dialog.group_combo.currentText() == "Reds"
    assert [dialog.group_combo.itemText(i) for i in range(dialog.group_combo.count())] == [
        "Blues",
        "Reds",
    ]
    click_cell(qtbot, dialog, 0, 2, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.seat_check.checkState() == Qt.CheckState.PartiallyChecked
    assert dialog.group_combo.currentText() == ""  # two different groups selected
    box = dialog.seat_check  # click the box itself, not the empty space right of its text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert dialog.model.seat_positions() == [(0, 0), (0, 1), (0, 2)]
    assert box.checkState() == Qt.CheckState.Checked

    selection = dialog.table.selectionModel()
    selection.setCurrentIndex(
        dialog.model.index(0, 2), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert dialog.label_edit.text() == "A3"


def test_a_quick_chart_for_n_seats(qtbot, visit: OpenVisit):
    dialog = open_editor(qtbot, visit)
    type_into_spin(qtbot, dialog.quick_spin, 28)
    qtbot.mouseClick(dialog.quick_button, Qt.MouseButton.LeftButton)
    # Rows of six, front first; the last row holds what is left, the rest are gaps.
    assert (dialog.model.rows, dialog.model.cols) == (5, 6)
    assert (dialog.rows_spin.value(), dialog.cols_spin.value()) == (5, 6)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = seats_in_db(visit)
    assert len(saved) == 28
    assert saved[(0, 0)] == ("A1", None) and saved[(4, 3)] == ("E4", None)
    assert (4, 4) not in saved and (4, 5) not in saved


def test_a_chart_is_copied_from_another_class_and_saved_only_with_save(
    qtbot, visit: OpenVisit, store
):
    from tests.coaching.helpers import make_room

    make_room(store, "Ben Ode", seats=10, groups=2)  # Ben's science class, 4 across
    dialog = open_editor(qtbot, visit)
    assert dialog.copy_combo.currentText() == "Ben Ode · Science · period 2 (10 seats)"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert (dialog.model.rows, dialog.model.cols) == (3, 4)
    assert dialog.model.groups_used() == ["Table 1", "Table 2"]
    assert seats_in_db(visit) == {}  # nothing written before Save
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = seats_in_db(visit)
    assert len(saved) == 10
    assert saved[(0, 0)] == ("S1", "Table 1") and saved[(2, 1)] == ("S10", "Table 2")


def test_without_another_chart_copying_says_so(qtbot, visit: OpenVisit):
    dialog = open_editor(qtbot, visit)
    assert not dialog.copy_button.isEnabled()
    assert dialog.copy_combo.currentText() == "No other class has a chart yet"


EIGHT_COLUMNS = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from observe.capture.participation import SeatSpec, save_seating
from observe.store import open_profile
from observe.store.models import Classroom, School, Teacher
from observe.ui.participation import SeatingEditorDialog
store = open_profile(sys.argv[1])
with store.write() as s:
    room = Classroom(teacher=Teacher(school=School(name="L"), display_name="A"), subject="Math")
    s.add(room)
save_seating(store, room.id, 1, 1, {(0, 0): SeatSpec("A1")})
dialog = SeatingEditorDialog(store, room.id)
dialog.show()
for _ in range(10):
    app.processEvents()
dialog.cols_spin.setValue(8)
dialog.rows_spin.setValue(5)
for _ in range(10):
    app.processEvents()
screen = dialog.screen().availableGeometry()
bar = dialog.table.horizontalScrollBar().isVisible()
print(screen.width(), screen.height(), int(bar), int(screen.contains(dialog.frameGeometry())))
"""


def test_the_editor_grows_to_show_eight_columns_on_a_1366x768_screen(tmp_path):
    """A laptop screen, through the offscreen platform's screen configuration."""
    import json
    import os
    import subprocess
    import sys

    screens = tmp_path / "screens.json"
    screens.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "width": 1366, "height": 768, "logicalDpi": 96}]}
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    done = subprocess.run(
        [sys.executable, "-c", EIGHT_COLUMNS, str(tmp_path / "profile")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    width, height, scrolls, on_screen = done.stdout.split()[-4:]
    assert (width, height) == ("1366", "768")
    assert scrolls == "0"  # all eight columns show, no sideways scrolling
    assert on_screen == "1"
