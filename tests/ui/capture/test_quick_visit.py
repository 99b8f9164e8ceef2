"""Starting visits from the keyboard: Ctrl+N, a few letters, Enter; Ctrl+Shift+N on a walk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from observe.capture.visits import start_visit, start_walk
from observe.store.models import Visit, VisitType, Walk
from observe.ui.capture import QuickVisitDialog, next_on_walk
from observe.ui.capture.quick_visit import DEFAULT_PROMPTS, default_walk_title

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_dialog(qtbot, pane) -> QuickVisitDialog:
    qtbot.keyClick(pane.focusWidget() or pane, Qt.Key.Key_N, CTRL)
    box = pane.window().findChild(QMessageBox)
    if box is not None and box.isVisible():  # a visit is running: end it as the new one starts
        qtbot.keyClick(box, Qt.Key.Key_Return)
    dialog = pane.findChild(QuickVisitDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.search.hasFocus)
    return dialog


def visits(store) -> list[Visit]:
    with store.read() as s:
        return list(s.scalars(select(Visit).order_by(Visit.started_at)))


def test_typing_part_of_a_name_and_enter_starts_the_visit(qtbot, pane, store, classrooms, context):
    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "bel")
    assert dialog.choices.currentItem().text() == "Marcus Bell · English · period 1"
    assert dialog.type_combo.currentText() == "Coaching observation"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    assert not dialog.isVisible()
    [visit] = visits(store)
    assert visit.classroom_id == classrooms["Marcus Bell"]
    assert visit.visit_type == VisitType.COACHING_OBSERVATION and visit.walk_id is None
    assert context.visit_id == visit.id
    assert pane.title_label.text() == "Marcus Bell · English · period 1"
    qtbot.waitUntil(pane.line.hasFocus)
    qtbot.keyClicks(pane.line, "Students read silently")
    qtbot.keyClick(pane.line, Qt.Key.Key_Return)
    assert pane.model.rowCount() == 1


def test_accents_are_ignored_and_arrow_keys_move_the_choice(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "nguyen")
    assert [dialog.choices.item(i).text() for i in range(dialog.choices.count())] == [
        "Nguyễn Thị Ánh · Math 7 · period 3"
    ]
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "ma")  # Marcus, Maria, and Math 7
    first = dialog.choices.currentRow()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.choices.currentRow() == first + 1
    assert dialog.search.hasFocus()  # still typing
    picked = dialog.selected_choice()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert visits(store)[0].classroom_id == picked.classroom_id


def test_no_match_says_so_and_enter_does_nothing(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "zzzz")
    assert dialog.choices.count() == 0
    assert "No classroom matches" in dialog.message.text()
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert visits(store) == []


def test_escape_cancels_without_creating_anything(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "lopez")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert visits(store) == []


def test_a_new_learning_walk_gets_a_dated_title(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    dialog.walk_combo.setCurrentIndex(dialog.walk_combo.findText("New learning walk…"))
    assert dialog.walk_title.isVisible()
    assert dialog.walk_title.text() == default_walk_title()
    assert dialog.walk_title.text().startswith("Learning walk, ")
    assert dialog.type_combo.currentText() == "Learning walk"
    qtbot.keyClicks(dialog.search, "lopez")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    [visit] = visits(store)
    with store.read() as s:
        walk = s.get_one(Walk, visit.walk_id)
    assert walk.title == default_walk_title()
    assert visit.visit_type == VisitType.LEARNING_WALK
    assert "Learning walk · Learning walk, " in pane.type_label.text()
    assert pane.next_button.isVisible()


def test_a_given_walk_is_preselected_with_learning_walk_type(qtbot, context, store, classrooms):
    walk = start_walk(store, "Week 6 walk")
    dialog = QuickVisitDialog(context, walk_id=walk.id)
    qtbot.addWidget(dialog)
    assert dialog.walk_combo.currentText() == "Week 6 walk"
    assert dialog.type_combo.currentText() == "Learning walk"


def test_student_listening_offers_editable_default_prompts(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    assert not dialog.prompts.isVisible()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(VisitType.STUDENT_LISTENING))
    assert dialog.prompts.isVisible()
    assert dialog.prompts.toPlainText().splitlines() == list(DEFAULT_PROMPTS)
    dialog.prompts.setPlainText("What helps you learn?\n\nWhat gets in the way?\n")
    qtbot.keyClicks(dialog.search, "bell")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    [visit] = visits(store)
    assert visit.visit_type == VisitType.STUDENT_LISTENING
    assert visit.prompts == ["What helps you learn?", "What gets in the way?"]
    assert pane.prompt_row.isVisible()
    assert pane.kind_combo.currentText() == "Student talk"


def test_next_on_walk_ends_the_visit_and_preselects_an_unvisited_classroom(
    qtbot, pane, context, store, classrooms
):
    walk = start_walk(store, "Week 6 walk")
    first = start_visit(store, classrooms["Marcus Bell"], VisitType.LEARNING_WALK, walk_id=walk.id)
    context.open_visit(first.id)
    qtbot.keyClick(pane.line, Qt.Key.Key_N, CTRL | SHIFT)

    with store.read() as s:
        assert s.get_one(Visit, first.id).ended_at is not None
    assert pane.timer_label.text().startswith("Ended")
    dialog = pane.findChild(QuickVisitDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.walk_combo.currentText() == "Week 6 walk"
    assert dialog.type_combo.currentText() == "Learning walk"
    labels = [dialog.choices.item(i).text() for i in range(dialog.choices.count())]
    assert labels[0] == "Marcus Bell · English · period 1 — visited"
    assert dialog.choices.currentItem().text() == "Maria Lopez · History · period 4"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    second = visits(store)[-1]
    assert (second.walk_id, second.classroom_id) == (walk.id, classrooms["Maria Lopez"])
    assert context.visit_id == second.id
    assert pane.title_label.text() == "Maria Lopez · History · period 4"


def test_next_on_walk_without_a_walk_ends_nothing(qtbot, pane, context, store, visit):
    context.open_visit(visit[0])
    dialog = next_on_walk(context, pane)
    qtbot.addWidget(dialog)
    with store.read() as s:
        assert s.get_one(Visit, visit[0]).ended_at is None
    assert dialog.walk_combo.currentText() == "No walk"
    dialog.reject()


def test_undo_after_next_on_walk_reopens_the_previous_visit(
    qtbot, pane, context, store, classrooms
):
    walk = start_walk(store, "Week 6 walk")
    first = start_visit(store, classrooms["Maria Lopez"], VisitType.LEARNING_WALK, walk_id=walk.id)
    context.open_visit(first.id)
    dialog = next_on_walk(context, pane)
    dialog.reject()
    context.undo_stack.undo()
    with store.read() as s:
        assert s.get_one(Visit, first.id).ended_at is None
    assert pane.end_button.isEnabled()


def test_a_visit_to_a_teacher_in_an_active_cycle_joins_it_unless_the_coach_says_no(
    qtbot, pane, store, classrooms
):
    from observe.coaching.cycles import CycleDraft, list_cycles, save_cycle
    from observe.store.models import Classroom, CycleStatus

    with store.read() as s:
        bell = s.get_one(Classroom, classrooms["Marcus Bell"]).teacher_id
    active = save_cycle(store, CycleDraft(teacher_id=bell, focus="Students justify answers"))
    planned = save_cycle(
        store,
        CycleDraft(teacher_id=bell, focus="Turn and talk", status=CycleStatus.PLANNED),
    )
    assert {c.id for c in list_cycles(store)} == {active, planned}

    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "bel")
    assert dialog.cycle_combo.isVisible()
    assert [dialog.cycle_combo.itemText(i) for i in range(dialog.cycle_combo.count())] == [
        "Not part of a cycle",
        "Students justify answers",
        "Turn and talk (planned)",
    ]
    assert dialog.cycle_choice() == active
    walk = dialog.type_combo.findData(VisitType.LEARNING_WALK)
    dialog.type_combo.setCurrentIndex(walk)
    assert dialog.cycle_choice() is None  # a walk-through is not part of a teacher's cycle
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData(VisitType.COACHING_OBSERVATION))
    assert dialog.cycle_choice() == active
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert visits(store)[-1].cycle_id == active
    qtbot.waitUntil(lambda: pane.findChild(QuickVisitDialog) is None)  # closed and gone

    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "bel")
    dialog.cycle_combo.setCurrentIndex(0)  # a drop-in, not part of the cycle
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert visits(store)[-1].cycle_id is None
    qtbot.waitUntil(lambda: pane.findChild(QuickVisitDialog) is None)

    dialog = open_dialog(qtbot, pane)
    qtbot.keyClicks(dialog.search, "nguyen")  # no cycle with this teacher: no row at all
    assert not dialog.cycle_combo.isVisible() and dialog.cycle_choice() is None
    dialog.reject()


def _choose_type_by_keyboard(qtbot, dialog: QuickVisitDialog, label: str) -> None:
    dialog.type_combo.setFocus()
    qtbot.keyClick(dialog.type_combo, Qt.Key.Key_Home)
    for _ in range(dialog.type_combo.count()):
        if dialog.type_combo.currentText() == label:
            return
        qtbot.keyClick(dialog.type_combo, Qt.Key.Key_Down)
    assert dialog.type_combo.currentText() == label


def test_choosing_learning_walk_starts_a_new_walk_in_one_step(qtbot, pane, store, classrooms):
    dialog = open_dialog(qtbot, pane)
    assert dialog.walk_combo.currentText() == "No walk"
    _choose_type_by_keyboard(qtbot, dialog, "Learning walk")
    assert dialog.walk_combo.currentText() == "New learning walk…"
    assert dialog.walk_title.isVisible()
    qtbot.keyClicks(dialog.search, "bell")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    [visit] = visits(store)
    assert visit.visit_type == VisitType.LEARNING_WALK and visit.walk_id is not None


def test_choosing_learning_walk_joins_the_walk_under_way(qtbot, pane, store, classrooms):
    walk = start_walk(store, "Week 6 walk")
    dialog = open_dialog(qtbot, pane)
    _choose_type_by_keyboard(qtbot, dialog, "Learning walk")
    assert dialog.walk_combo.currentText() == "Week 6 walk"
    qtbot.keyClicks(dialog.search, "bell")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    [visit] = visits(store)
    assert visit.walk_id == walk.id


def test_new_learning_walk_command_opens_the_dialog_on_a_new_walk(qtbot, pane, store, classrooms):
    pane.pane_actions.new_walk.trigger()
    dialog = pane.findChild(QuickVisitDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.walk_combo.currentText() == "New learning walk…"
    assert dialog.type_combo.currentText() == "Learning walk"
    qtbot.waitUntil(dialog.search.hasFocus)
    qtbot.keyClicks(dialog.search, "lopez")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    [visit] = visits(store)
    with store.read() as s:
        assert s.get_one(Walk, visit.walk_id).title == default_walk_title()
