"""Deleting a visit from the Visits list: asked first, by keyboard, and the open views follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from observe.capture.evidence import save_evidence
from observe.store.models import Evidence, EvidenceKind, Visit

from .conftest import Answer, add_visit, at


def _select(navigator, visit_id: str) -> None:
    view = navigator.visits_view
    view.setFocus()
    view.setCurrentIndex(navigator.visit_model.visit_index(visit_id))


def test_shift_delete_asks_naming_what_goes_then_deletes_and_closes_it(
    navigator, store, school, settle, qtbot
):
    keep = add_visit(store, school["history"], at(date.today(), 9))
    doomed = add_visit(store, school["science"], at(date.today(), 11))
    for text in ["Students compare", "A student asks why"]:
        save_evidence(store, doomed, EvidenceKind.STUDENT_TALK, text)
    settle()
    navigator.context.open_visit(doomed)
    _select(navigator, doomed)
    assert navigator.delete_visit_action.isEnabled()

    navigator.ask_to_delete = no = Answer(False)
    qtbot.keyClick(navigator.visits_view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    [question] = no.asked
    assert "Zoë Okafor · Science" in question and "its 2 evidence items" in question
    assert "Edit → Undo brings it back" in question
    with store.read() as s:
        assert not s.get_one(Visit, doomed).deleted  # "Cancel" deleted nothing

    navigator.ask_to_delete = Answer(True)
    with qtbot.waitSignal(navigator.context.visit_changed, timeout=2000) as closed:
        qtbot.keyClick(navigator.visits_view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert closed.args == [None] and navigator.context.visit_id is None
    settle()
    assert navigator.visit_model.visit_index(doomed) is None or not (
        navigator.visit_model.visit_index(doomed).isValid()
    )
    assert navigator.visit_model.visit_index(keep).isValid()
    with store.read() as s:
        assert s.get_one(Visit, doomed).deleted
        assert all(e.deleted for e in s.query(Evidence).filter_by(visit_id=doomed))

    stack = navigator.context.undo_stack
    assert stack.undoText() == "Delete visit"
    with qtbot.waitSignal(navigator.context.visit_changed, timeout=2000) as reopened:
        stack.undo()
    assert reopened.args == [doomed]  # back, and open so the coach sees it
    settle()
    assert navigator.visit_model.visit_index(doomed).isValid()
    with store.read() as s:
        assert not s.get_one(Visit, doomed).deleted
        assert [e.deleted for e in s.query(Evidence).filter_by(visit_id=doomed)] == [False] * 2
    stack.redo()
    with store.read() as s:
        assert s.get_one(Visit, doomed).deleted


def test_delete_visit_is_off_on_the_teachers_tab_and_without_a_visit(navigator, school, settle):
    assert not navigator.delete_visit_action.isEnabled()  # nothing selected
    navigator.tabs.setCurrentIndex(navigator.TEACHERS_TAB)
    assert not navigator.delete_visit_action.isEnabled()
    navigator.ask_to_delete = asked = Answer(True)
    assert navigator.delete_selected_visit() is False and asked.asked == []
